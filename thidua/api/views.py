"""Read-only endpoints of the public records, each over the public pages' own queryset."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from awards import queries as award_queries
from awards.models import Decision
from blocs import event_queries
from blocs.models import Bloc, BlocYear, Membership
from units import queries as unit_queries

from ..middleware import free_text_params
from . import filters, serializers
from .pagination import IdCursorPagination


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = IdCursorPagination


@extend_schema_view(
    list=extend_schema(summary="Đơn vị", description="Các đơn vị (như trang «Đơn vị»)."),
    retrieve=extend_schema(summary="Một đơn vị"),
)
@free_text_params("q")
class UnitViewSet(PublicViewSet):
    serializer_class = serializers.UnitSerializer
    filterset_class = filters.UnitFilter

    def get_queryset(self):
        return unit_queries.unit_list().order_by()


@extend_schema_view(
    list=extend_schema(summary="Khối thi đua"), retrieve=extend_schema(summary="Một khối")
)
class BlocViewSet(PublicViewSet):
    serializer_class = serializers.BlocSerializer
    queryset = Bloc.objects.all()


@extend_schema_view(
    list=extend_schema(
        summary="Khối theo năm",
        description="Mỗi khối trong một năm: thành viên, vai trò và tập thể dẫn đầu.",
    ),
    retrieve=extend_schema(summary="Một khối trong một năm"),
)
class BlocYearViewSet(PublicViewSet):
    serializer_class = serializers.BlocYearSerializer
    filterset_class = filters.BlocYearFilter

    def get_queryset(self):
        members = Membership.objects.select_related("unit").order_by("order", "pk")
        return BlocYear.objects.select_related("bloc").prefetch_related(
            Prefetch("memberships", queryset=members), "leading_units"
        )


@extend_schema_view(
    list=extend_schema(summary="Sự kiện đã công bố"), retrieve=extend_schema(summary="Một sự kiện")
)
class EventViewSet(PublicViewSet):
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter

    def get_queryset(self):
        return event_queries.public_events()


@extend_schema_view(
    list=extend_schema(summary="Quyết định khen thưởng đã công bố"),
    retrieve=extend_schema(summary="Một quyết định"),
)
class DecisionViewSet(PublicViewSet):
    serializer_class = serializers.DecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self):
        return Decision.objects.public().select_related("document")


@extend_schema_view(
    list=extend_schema(
        summary="Khen thưởng đã quyết định",
        description="Khen thưởng theo các quyết định đã công bố (khen thưởng bị thu hồi có "
        "`revoked`), lọc như trang «Khen thưởng».",
    ),
    retrieve=extend_schema(summary="Một khen thưởng"),
)
class AwardViewSet(PublicViewSet):
    serializer_class = serializers.AwardSerializer
    filterset_class = filters.AwardFilter

    def get_queryset(self):
        return award_queries.public_awards().order_by()
