"""What the API shows of each public record: the fields the public pages show, no more."""

from rest_framework import serializers

from awards.models import Award, Decision
from blocs.models import Bloc, BlocYear, Event
from units.models import Unit


class UnitSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

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
    url = serializers.CharField(source="get_absolute_url", read_only=True)

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


class MemberSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(source="unit.name")
    role = serializers.CharField()


class BlocYearSerializer(serializers.ModelSerializer):
    bloc_name = serializers.CharField(source="bloc.name", read_only=True)
    members = MemberSerializer(source="memberships", many=True, read_only=True)
    leading_units = serializers.SerializerMethodField()

    class Meta:
        model = BlocYear
        fields = ["id", "bloc", "bloc_name", "year", "member_count", "members", "leading_units"]

    def get_leading_units(self, obj) -> list[int]:
        return [lead.unit_id for lead in obj.leading_units.all()]


class EventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    bloc_name = serializers.CharField(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

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
            "published_at",
            "url",
        ]


class DecisionSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="document.number", read_only=True)
    title = serializers.CharField(source="document.title", read_only=True)
    issued_on = serializers.DateField(source="document.issued_on", read_only=True)
    issuer = serializers.CharField(source="document.issuer", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

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
    award_type_name = serializers.CharField(source="award_type.name", read_only=True)
    award_level = serializers.CharField(source="award_type.level", read_only=True)
    recipient_kind = serializers.SerializerMethodField()
    recipient_name = serializers.CharField(read_only=True)
    bloc_name = serializers.SerializerMethodField()
    decision_number = serializers.CharField(source="decision.document.number", read_only=True)
    decision_date = serializers.DateField(source="decision.document.issued_on", read_only=True)
    # The revocation as the public sees it (Award.public_revocation): none until the revoking
    # decision is published.
    revoked = serializers.SerializerMethodField()
    revoked_by = serializers.SerializerMethodField()
    revocation_reason = serializers.SerializerMethodField()

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

    def get_bloc_name(self, obj) -> str:
        return obj.bloc.name if obj.bloc_id else ""

    def get_revoked(self, obj) -> bool:
        return obj.public_revocation is not None

    def get_revoked_by(self, obj) -> int | None:
        revoking = obj.public_revocation
        return revoking.pk if revoking else None

    def get_revocation_reason(self, obj) -> str:
        return obj.revocation_reason if obj.public_revocation else ""
