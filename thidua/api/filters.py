"""The API's filters: the public pages' own filter sets, with the same parameter names, and
the names every list gives the same things — `year`, `bloc` (an id) and `kind` — where a page
named them otherwise (the page's name stays, an alias). A parameter no list reads is refused."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

from awards.filters import PUBLIC_GRANTED, PUBLIC_REVOKED, PublicFilter
from awards.models import Decision
from blocs import filters as event_filters
from blocs.models import Bloc, BlocYear, EventKind
from thidua.years import YearFilter
from units.models import Unit, UnitKind

# How the schema names a page's parameter kept beside the API's common name.
ALIAS = "Như «{name}» (tên dùng trên trang «{page}»)."


class AwardFilter(PublicFilter):
    """The public awards list's filter (year, award_type, bloc, unit, status): decided awards
    only — what blocs proposed is a page of its own, not a record of the API."""

    status = django_filters.ChoiceFilter(
        label="Tình trạng",
        choices=[(PUBLIC_GRANTED, "Đã khen thưởng"), (PUBLIC_REVOKED, "Đã bị thu hồi")],
        method="by_status",
    )


class UnitFilter(django_filters.FilterSet):
    """The public units list's filters: `kind` (alias `loai`) and `q` (a diacritics-blind
    search)."""

    kind = django_filters.ChoiceFilter(choices=UnitKind.choices, label="Loại đơn vị")
    loai = django_filters.ChoiceFilter(
        field_name="kind", choices=UnitKind.choices, label=ALIAS.format(name="kind", page="Đơn vị")
    )
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


class EventFilter(event_filters.EventFilter):
    """The events page's filter (`tu_ngay`, `den_ngay`, `loai`, `khoi` by slug, `nam`) with the
    names of the other lists: `year`, `bloc` (an id, as on awards and bloc-years), `kind`."""

    year = YearFilter(method="filter_year", label="Năm thi đua")
    bloc = django_filters.ModelChoiceFilter(
        queryset=Bloc.objects.all(), label="Khối thi đua (mã số `id` của khối)"
    )
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label="Loại sự kiện")
    nam = YearFilter(method="filter_year", label=ALIAS.format(name="year", page="Sự kiện"))
    khoi = django_filters.ModelChoiceFilter(
        field_name="bloc",
        queryset=Bloc.objects.all(),
        to_field_name="slug",
        label="Khối thi đua theo đường dẫn (slug) của khối, như trên trang «Sự kiện».",
    )
    loai = django_filters.ChoiceFilter(
        field_name="kind",
        choices=EventKind.choices,
        label=ALIAS.format(name="kind", page="Sự kiện"),
    )


def unknown_parameter_message(name: str, accepted: list[str]) -> str:
    shown = name if len(name) <= 50 else f"{name[:50]}…"
    return (
        f"Danh sách này không có tham số «{shown}». Các tham số được nhận: {', '.join(accepted)}."
    )


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend that first refuses (400) a query parameter the list does not read,
    naming it and the accepted ones: its filters', the pages' (`cursor`, `page_size`) and
    `format`. A typo (`nam_hoc`, `bloc_id`) would otherwise be ignored and everything listed."""

    def accepted_parameters(self, queryset, view) -> list[str]:
        filterset_class = self.get_filterset_class(view, queryset)
        names = set(filterset_class.base_filters) if filterset_class else set()
        paginator = getattr(view, "paginator", None)
        if paginator is not None:
            names |= {p["name"] for p in paginator.get_schema_operation_parameters(view)}
        if api_settings.URL_FORMAT_OVERRIDE:
            names.add(api_settings.URL_FORMAT_OVERRIDE)
        return sorted(names)

    def filter_queryset(self, request, queryset, view):
        # Lists only: a record's own address reads no filter, and a stray parameter there (a
        # link with a tracking tag) should not turn it into an error.
        accepted = self.accepted_parameters(queryset, view)
        unknown = [name for name in request.query_params if name not in accepted]
        if unknown and getattr(view, "action", "list") == "list":
            raise ValidationError(
                {name: [unknown_parameter_message(name, accepted)] for name in unknown}
            )
        return super().filter_queryset(request, queryset, view)


__all__ = [
    "AwardFilter",
    "BlocYearFilter",
    "DecisionFilter",
    "EventFilter",
    "StrictFilterBackend",
    "UnitFilter",
]
