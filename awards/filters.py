"""django-filter sets of the review queue and the public awards list (Vietnamese labels)."""

from html import escape

import django_filters
from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from blocs.models import Bloc
from thidua.collation import vi_order
from thidua.years import YearFilter
from units.models import Unit

from .models import AwardType, Nomination, Status


class LongSelect(forms.Select):
    """The same <select> as Django's, rendered in Python from (pk, name) rows: the template engine
    takes ~40 µs per <option> and a model instance per row costs more, i.e. ~200 ms for the 5,000
    units of a full ministry. The options are labelled by the model's `name` (its __str__)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        options = "".join(
            '<option value="{}"{}>{}</option>'.format(
                escape(str(option)),
                " selected" if str(option) in selected else "",
                escape(str(label)),
            )
            for option, label in self._rows()
        )
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return mark_safe(f"<select{flatatt(attrs)}>{options}</select>")  # noqa: S308 (escaped)

    def _rows(self):
        if not isinstance(self.choices, ModelChoiceIterator):
            return self.choices
        field = self.choices.field
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        return [*empty, *field.queryset.values_list("pk", "name")]


def _long_choice(**kwargs):
    return django_filters.ModelChoiceFilter(widget=LongSelect, **kwargs)


class QueueFilter(django_filters.FilterSet):
    year = YearFilter(label="Năm")
    bloc = _long_choice(
        label="Khối", queryset=Bloc.objects.order_by(vi_order("name")), empty_label="Mọi khối"
    )
    award_type = django_filters.ModelChoiceFilter(
        label="Loại khen thưởng", queryset=AwardType.objects.all(), empty_label="Mọi loại"
    )
    status = django_filters.ChoiceFilter(
        label="Trạng thái",
        choices=[c for c in Status.choices if c[0] != Status.DRAFT],
        empty_label="Đang chờ xử lý",
        method="filter_status",
    )

    class Meta:
        model = Nomination
        fields = ["year", "bloc", "award_type", "status"]

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(status__in=Status.review_states())
        return super().filter_queryset(queryset)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value)


# The public list's status: granted awards in effect, revoked ones, and what blocs proposed at
# their published events. The proposals are another table: the view picks the rows by status.
PUBLIC_GRANTED = "khen-thuong"
PUBLIC_REVOKED = "thu-hoi"
PUBLIC_PROPOSED = "de-xuat"
PUBLIC_STATUS_CHOICES = [
    (PUBLIC_GRANTED, "Đã khen thưởng"),
    (PUBLIC_REVOKED, "Đã bị thu hồi"),
    (PUBLIC_PROPOSED, "Khối đề xuất (chưa có quyết định công bố)"),
]


class PublicFilter(django_filters.FilterSet):
    """The same fields filter the awards (by award fields) or the proposals (by event fields)."""

    year = YearFilter(label="Năm", method="by_year")
    award_type = django_filters.ModelChoiceFilter(
        label="Loại khen thưởng",
        queryset=AwardType.objects.all(),
        empty_label="Mọi loại",
        method="by_award_type",
    )
    bloc = _long_choice(
        label="Khối",
        queryset=Bloc.objects.order_by(vi_order("name")),
        empty_label="Mọi khối",
        method="by_bloc",
    )
    unit = _long_choice(
        label="Đơn vị",
        queryset=Unit.objects.order_by(vi_order("name")).only("pk", "name"),
        empty_label="Mọi đơn vị",
        method="by_unit",
    )
    status = django_filters.ChoiceFilter(
        label="Tình trạng",
        choices=PUBLIC_STATUS_CHOICES,
        empty_label="Mọi khen thưởng đã quyết định",
        method="by_status",
    )

    def __init__(self, *args, proposals=False, **kwargs):
        self.proposals = proposals
        super().__init__(*args, **kwargs)

    def by_year(self, queryset, name, value):
        return queryset.filter(**{"event__period_end" if self.proposals else "year": value})

    def by_award_type(self, queryset, name, value):
        return queryset.filter(award_type=value)

    def by_bloc(self, queryset, name, value):
        return queryset.filter(**{"event__bloc" if self.proposals else "bloc": value})

    def by_unit(self, queryset, name, value):
        # A unit's own awards and those of the people working there (current positions).
        return queryset.filter(
            Q(unit=value) | Q(person__positions__unit=value, person__positions__ended_on=None)
        ).distinct()

    def by_status(self, queryset, name, value):
        if self.proposals:
            return queryset
        # As the public sees it: revoked once the revoking decision is published.
        if value == PUBLIC_REVOKED:
            return queryset.publicly_revoked()
        return queryset.publicly_in_effect()

    @property
    def wants_proposals(self) -> bool:
        return self.form.is_valid() and self.form.cleaned_data.get("status") == PUBLIC_PROPOSED
