"""What the API shows of each public record: the fields the public pages show, no more."""

from rest_framework import serializers

from awards.models import Award, Decision
from blocs.models import Bloc, BlocYear, Event, Role
from units.models import Unit

URL_HELP = "Địa chỉ trang công khai của bản ghi trên cổng (đường dẫn tương đối)."
KIND_LABEL_HELP = "Tên của loại (mã ở trường `kind`)."


class UnitSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(
        source="get_kind_display", read_only=True, help_text=KIND_LABEL_HELP
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text=URL_HELP)

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "short_name",
            "slug",
            "kind",
            "kind_label",
            "parent",
            "active_from",
            "active_until",
            "successor",
            "url",
        ]


class BlocSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text=URL_HELP)

    class Meta:
        model = Bloc
        fields = [
            "id",
            "name",
            "slug",
            "organiser",
            "first_year",
            "last_year",
            "description",
            "url",
        ]


# The codes of a member's role, and those the open data writes for them (its `vai_tro`; its
# `ma_vai_tro` repeats these): a consumer of both reads the correspondence here.
ROLE_HELP = (
    "Vai trò trong khối năm đó: `leader` (khối trưởng), `deputy` (khối phó), `member` (thành "
    "viên). Dữ liệu mở «thanh-vien-khoi» ghi cùng mã ở cột `ma_vai_tro`; cột `vai_tro` của nó "
    "ghi `khoi_truong`, `khoi_pho`, `thanh_vien`."
)


class MemberSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit_id", help_text="Mã số (`id`) của đơn vị.")
    # The name of the bloc-year's year (units are renamed), as the bloc and year pages and the
    # open data («thanh-vien-khoi», column `don_vi`) show it.
    unit_name = serializers.CharField(
        help_text="Tên của đơn vị trong năm đó (đơn vị có thể đã đổi tên)."
    )
    role = serializers.ChoiceField(choices=Role.choices, help_text=ROLE_HELP)
    role_label = serializers.CharField(
        source="get_role_display", help_text="Tên vai trò: Khối trưởng, Khối phó, Thành viên."
    )


class BlocYearSerializer(serializers.ModelSerializer):
    # The name of that year (blocs are renamed), as the year page and the open data show it.
    bloc_name = serializers.CharField(
        read_only=True, help_text="Tên của khối trong năm đó (khối có thể đã đổi tên)."
    )
    members = MemberSerializer(
        source="memberships",
        many=True,
        read_only=True,
        help_text="Các đơn vị thành viên của khối trong năm, khối trưởng và khối phó trước.",
    )
    leading_units = serializers.SerializerMethodField(
        help_text="Mã số (`id`) các tập thể dẫn đầu khối trong năm (nếu đã xác định)."
    )

    class Meta:
        model = BlocYear
        fields = ["id", "bloc", "bloc_name", "year", "member_count", "members", "leading_units"]

    def get_leading_units(self, obj) -> list[int]:
        return [lead.unit_id for lead in obj.leading_units.all()]


class EventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(
        source="get_kind_display", read_only=True, help_text=KIND_LABEL_HELP
    )
    bloc_name = serializers.CharField(
        read_only=True, help_text="Tên của khối trong năm của sự kiện (năm cuối của kỳ thi đua)."
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text=URL_HELP)
    time_of_day = serializers.CharField(
        read_only=True,
        help_text="Buổi tổ chức khi nguồn tin ghi: sang, chieu, toi; chuỗi rỗng nếu không rõ.",
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "title",
            "kind",
            "kind_label",
            "bloc",
            "bloc_name",
            "period_start",
            "period_end",
            "held_on",
            "time_of_day",
            "published_at",
            "url",
        ]


class DecisionSerializer(serializers.ModelSerializer):
    number = serializers.CharField(
        source="document.number", read_only=True, help_text="Số, ký hiệu quyết định."
    )
    title = serializers.CharField(source="document.title", read_only=True, help_text="Trích yếu.")
    issued_on = serializers.DateField(
        source="document.issued_on", read_only=True, help_text="Ngày ban hành (YYYY-MM-DD)."
    )
    issuer = serializers.CharField(
        source="document.issuer", read_only=True, help_text="Cơ quan ban hành."
    )
    kind_label = serializers.CharField(
        source="get_kind_display", read_only=True, help_text=KIND_LABEL_HELP
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text=URL_HELP)

    class Meta:
        model = Decision
        fields = [
            "id",
            "number",
            "title",
            "issued_on",
            "issuer",
            "kind",
            "kind_label",
            "signer_name",
            "signer_title",
            "url",
        ]


class AwardSerializer(serializers.ModelSerializer):
    award_type_name = serializers.CharField(
        source="award_type.name",
        read_only=True,
        help_text="Tên danh hiệu, hình thức khen thưởng.",
    )
    award_level = serializers.CharField(
        source="award_type.level",
        read_only=True,
        help_text="Cấp khen thưởng: `nha_nuoc` (Nhà nước), `chinh_phu` (Chính phủ), `bo` (Bộ), "
        "`co_so` (Cơ sở).",
    )
    recipient_kind = serializers.SerializerMethodField(
        help_text="`unit` (tập thể) hoặc `person` (cá nhân). Dữ liệu mở «khen-thuong» ghi cùng "
        "mã ở cột `ma_doi_tuong`; cột `doi_tuong` của nó ghi `tap_the`, `ca_nhan`."
    )
    recipient_name = serializers.CharField(
        read_only=True,
        help_text="Tên tập thể trong năm khen thưởng (đơn vị có thể đã đổi tên) hoặc họ tên cá "
        "nhân.",
    )
    bloc_name = serializers.CharField(
        read_only=True,
        help_text="Tên khối thi đua đề nghị trong năm khen thưởng; trống nếu không qua khối.",
    )
    decision_number = serializers.CharField(
        source="decision.document.number", read_only=True, help_text="Số, ký hiệu quyết định."
    )
    decision_date = serializers.DateField(
        source="decision.document.issued_on",
        read_only=True,
        help_text="Ngày ban hành quyết định (YYYY-MM-DD).",
    )
    # The revocation as the public sees it (Award.public_revocation): none until the revoking
    # decision is published.
    revoked = serializers.SerializerMethodField(
        help_text="Đã bị thu hồi theo một quyết định đã công bố."
    )
    revoked_by = serializers.SerializerMethodField(
        help_text="Mã số (`id`) của quyết định thu hồi, nếu đã thu hồi."
    )
    revocation_reason = serializers.SerializerMethodField(
        help_text="Lý do thu hồi, nếu đã thu hồi."
    )

    class Meta:
        model = Award
        fields = [
            "id",
            "year",
            "award_type",
            "award_type_name",
            "award_level",
            "recipient_kind",
            "unit",
            "person",
            "recipient_name",
            "bloc",
            "bloc_name",
            "decision",
            "decision_number",
            "decision_date",
            "ordinal",
            "revoked",
            "revoked_by",
            "revocation_reason",
        ]

    def get_recipient_kind(self, obj) -> str:
        return "unit" if obj.unit_id else "person"

    def get_revoked(self, obj) -> bool:
        return obj.public_revocation is not None

    def get_revoked_by(self, obj) -> int | None:
        revoking = obj.public_revocation
        return revoking.pk if revoking else None

    def get_revocation_reason(self, obj) -> str:
        return obj.revocation_reason if obj.public_revocation else ""
