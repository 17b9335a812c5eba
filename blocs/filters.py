"""Filters of the public lists (django-filter)."""

import django_filters
from django import forms

from thidua.form_fields import CalendarDateField
from thidua.years import RangeFilterForm, YearFilter

from .event_queries import of_year
from .models import Bloc, Event, EventKind

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class CalendarDateFilter(django_filters.DateFilter):
    """A date filter that says «Ngày 31/02/2016 không có trong lịch.» as the staff forms do."""

    field_class = CalendarDateField


class EventFilterForm(RangeFilterForm):
    ranges = (("tu_ngay", "den_ngay"),)


class EventFilter(django_filters.FilterSet):
    tu_ngay = CalendarDateFilter(
        field_name="held_on", lookup_expr="gte", label="Từ ngày", widget=DATE_WIDGET
    )
    den_ngay = CalendarDateFilter(
        field_name="held_on", lookup_expr="lte", label="Đến ngày", widget=DATE_WIDGET
    )
    loai = django_filters.ChoiceFilter(
        field_name="kind", choices=EventKind.choices, label="Loại sự kiện", empty_label="Tất cả"
    )
    khoi = django_filters.ModelChoiceFilter(
        field_name="bloc",
        queryset=Bloc.objects.all(),
        to_field_name="slug",
        label="Khối thi đua",
        empty_label="Tất cả các khối",
    )
    nam = YearFilter(method="filter_year", label="Năm thi đua")

    class Meta:
        model = Event
        fields = []
        form = EventFilterForm

    def filter_year(self, queryset, name, value):
        return queryset.filter(of_year(int(value)))
