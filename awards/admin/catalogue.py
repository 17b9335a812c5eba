"""Admin of the award catalogue, legal regimes and rules."""

from django.contrib import admin

from thidua.admin import BaseAdmin
from thidua.admin_forms import KeepContextOnAddAnotherMixin

from ..models import AwardType, BaseSalary, LegalRegime, PrizeCoefficient, Rule


@admin.register(AwardType)
class AwardTypeAdmin(BaseAdmin):
    list_display = [
        "name",
        "category",
        "level",
        "recipient_kind",
        "conferrer",
        "government_level",
        "order",
        "is_active",
    ]
    list_filter = ["category", "level", "recipient_kind", "government_level", "is_active"]
    list_editable = ["order"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class RuleInline(admin.TabularInline):
    model = Rule
    extra = 0
    fields = ["code", "name", "award_type", "kind", "valid_from", "valid_until", "is_active"]
    show_change_link = True


@admin.register(LegalRegime)
class LegalRegimeAdmin(BaseAdmin):
    list_display = ["name", "valid_from", "valid_until", "law", "decree"]
    search_fields = ["name", "law", "decree", "note"]
    inlines = [RuleInline]


@admin.register(Rule)
class RuleAdmin(KeepContextOnAddAnotherMixin, BaseAdmin):
    add_another_context = ["regime", "award_type", "kind", "legal_document"]
    list_display = [
        "name",
        "award_type",
        "kind",
        "basis",
        "valid_from",
        "valid_until",
        "blocking",
        "is_active",
        "needs_verifying",
    ]
    list_filter = ["kind", "award_type", "regime", "is_active", "blocking"]
    list_select_related = ["award_type", "regime"]
    search_fields = ["name", "code", "legal_document", "article", "note"]
    filter_horizontal = ["required_award_types"]
    fieldsets = [
        (None, {"fields": ["code", "name", "kind", "regime", "award_type", "recipient_kind"]}),
        (
            "Giá trị",
            {
                "fields": [
                    "required_award_types",
                    "count",
                    "window_years",
                    "include_current_year",
                    "share_percent",
                    "share_base",
                    "threshold_percent",
                    "vote_base",
                ]
            },
        ),
        (
            "Căn cứ pháp lý và hiệu lực",
            {
                "fields": [
                    "legal_document",
                    "article",
                    "clause",
                    "valid_from",
                    "valid_until",
                    "blocking",
                    "is_active",
                    "note",
                ]
            },
        ),
    ]

    @admin.display(description="căn cứ")
    def basis(self, obj):
        return obj.basis

    @admin.display(description="cần kiểm tra", boolean=True)
    def needs_verifying(self, obj):
        return "VERIFY" in obj.note


@admin.register(BaseSalary)
class BaseSalaryAdmin(BaseAdmin):
    """The base salary by date: a prize is a coefficient × the amount in force that day."""

    list_display = ["valid_from", "amount", "legal_document", "note"]
    search_fields = ["legal_document", "note"]


@admin.register(PrizeCoefficient)
class PrizeCoefficientAdmin(BaseAdmin):
    list_display = [
        "award_type",
        "recipient_kind",
        "coefficient",
        "valid_from",
        "valid_until",
        "basis",
    ]
    list_filter = ["award_type", "recipient_kind"]
    list_select_related = ["award_type"]
    search_fields = ["award_type__name", "legal_document", "note"]
