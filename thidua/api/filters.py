"""The API's filters: the public pages' own filter sets, with the same parameter names."""

import django_filters

from awards.filters import PUBLIC_GRANTED, PUBLIC_REVOKED, PublicFilter
from awards.models import Decision
from blocs.filters import EventFilter
from blocs.models import Bloc, BlocYear
from thidua.years import YearFilter
from units.models import Unit, UnitKind


class AwardFilter(PublicFilter):
    """The public awards list's filter (year, award_type, bloc, unit, status): decided awards
    only — what blocs proposed is a page of its own, not a record of the API."""

    status = django_filters.ChoiceFilter(
        label="Tình trạng",
        choices=[(PUBLIC_GRANTED, "Đã khen thưởng"), (PUBLIC_REVOKED, "Đã bị thu hồi")],
        method="by_status",
    )


class UnitFilter(django_filters.FilterSet):
    """The public units list's filters: `loai` (kind) and `q` (a diacritics-blind search)."""

    loai = django_filters.ChoiceFilter(field_name="kind", choices=UnitKind.choices, label="Loại")
    q = django_filters.CharFilter(method="search", label="Tìm theo tên")

    class Meta:
        model = Unit
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value[:200]) if value.strip() else queryset


class BlocYearFilter(django_filters.FilterSet):
    year = YearFilter(label="Năm")
    bloc = django_filters.ModelChoiceFilter(queryset=Bloc.objects.all(), label="Khối")

    class Meta:
        model = BlocYear
        fields = ["year", "bloc"]


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(field_name="document__issued_on__year", label="Năm ban hành")

    class Meta:
        model = Decision
        fields = ["kind"]


__all__ = ["AwardFilter", "BlocYearFilter", "DecisionFilter", "EventFilter", "UnitFilter"]
