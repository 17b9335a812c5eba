"""Read-only endpoints of the public records, each over the public pages' own queryset."""

from django.db.models import OuterRef, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from awards import queries as award_queries
from awards.models import Decision
from blocs import event_queries
from blocs.models import Bloc, BlocYear, Membership
from blocs.queries import bloc_name_in_year
from units import queries as unit_queries
from units.queries import unit_name_in_year

from ..middleware import free_text_params
from . import filters, serializers
from .pagination import IdCursorPagination


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = IdCursorPagination
    list_name = item_name = ""  # set by @named

    def get_view_name(self):
        # OPTIONS' `name`: the list's or the record's Vietnamese name, not "Unit List".
        return self.item_name if self.detail else self.list_name


def named(list_name, item_name, description=None):
    """A public viewset's names, written once: the summaries of its list and record in the
    schema, and the names OPTIONS answers (PublicViewSet.get_view_name)."""

    def decorate(viewset):
        viewset.list_name, viewset.item_name = list_name, item_name
        return extend_schema_view(
            list=extend_schema(summary=list_name, description=description),
            retrieve=extend_schema(summary=item_name),
        )(viewset)

    return decorate


@named("Đơn vị", "Một đơn vị", "Các đơn vị (như trang «Đơn vị»).")
@free_text_params("q")
class UnitViewSet(PublicViewSet):
    serializer_class = serializers.UnitSerializer
    filterset_class = filters.UnitFilter

    def get_queryset(self):
        return unit_queries.unit_list().order_by()


@named("Khối thi đua", "Một khối")
class BlocViewSet(PublicViewSet):
    serializer_class = serializers.BlocSerializer
    queryset = Bloc.objects.all()


@named(
    "Khối theo năm",
    "Một khối trong một năm",
    "Mỗi khối trong một năm: thành viên, vai trò và tập thể dẫn đầu.",
)
class BlocYearViewSet(PublicViewSet):
    serializer_class = serializers.BlocYearSerializer
    filterset_class = filters.BlocYearFilter

    def get_queryset(self):
        # The names of the year, as the year and bloc pages and the open data give them.
        members = Membership.objects.annotate(
            unit_name=unit_name_in_year(OuterRef("year"))
        ).order_by("order", "pk")
        return (
            BlocYear.objects.annotate(bloc_name=bloc_name_in_year(OuterRef("year")))
            .select_related("bloc")
            .prefetch_related(Prefetch("memberships", queryset=members), "leading_units")
        )


@named("Sự kiện đã công bố", "Một sự kiện")
class EventViewSet(PublicViewSet):
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter

    def get_queryset(self):
        return event_queries.public_events()


@named("Quyết định khen thưởng đã công bố", "Một quyết định")
class DecisionViewSet(PublicViewSet):
    serializer_class = serializers.DecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self):
        return Decision.objects.public().select_related("document")


@named(
    "Khen thưởng đã quyết định",
    "Một khen thưởng",
    "Khen thưởng theo các quyết định đã công bố (khen thưởng bị thu hồi có `revoked`), lọc "
    "như trang «Khen thưởng».",
)
class AwardViewSet(PublicViewSet):
    serializer_class = serializers.AwardSerializer
    filterset_class = filters.AwardFilter

    def get_queryset(self):
        # The proposing bloc under its name of the award's year, like the recipient's name.
        return (
            award_queries.public_awards()
            .annotate(bloc_name=bloc_name_in_year(OuterRef("year")))
            .order_by()
        )
