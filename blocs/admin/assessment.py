"""Admin of the bloc assessment: the criteria of a bloc-year (edited here until scoring starts)
and the entered results (read only: entered, confirmed and released on the staff pages
«Bình xét», through blocs.assessments.services)."""

from django.contrib import admin

from thidua.admin import BaseAdmin
from thidua.integrity import IntegrityErrorAdminMixin

from ..models import Assessment, BallotCount, CriteriaGroup, CriteriaItem, CriteriaSheet


class FrozenInlineMixin:
    """No row of a frozen sheet (scoring started) is added, changed or deleted."""

    def _frozen(self, obj):
        return obj is not None and obj.pk and obj.is_frozen

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class CriteriaGroupInline(FrozenInlineMixin, admin.TabularInline):
    model = CriteriaGroup
    extra = 0
    fields = ["order", "name"]


class CriteriaItemInline(FrozenInlineMixin, admin.TabularInline):
    model = CriteriaItem
    extra = 0
    fields = ["group", "order", "name", "max_points", "weight"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("group")
        if field is not None:
            # Only the groups of this sheet (a new sheet: save its groups first).
            field.queryset = (
                CriteriaGroup.objects.filter(sheet=obj) if obj else field.queryset.none()
            )
        return formset


@admin.register(CriteriaSheet)
class CriteriaSheetAdmin(IntegrityErrorAdminMixin, BaseAdmin):
    list_display = [
        "bloc_year",
        "copied_from",
        "tie_break",
        "ballot_threshold",
        "show_score_details",
    ]
    list_select_related = ["bloc_year__bloc"]
    autocomplete_fields = ["bloc_year"]
    inlines = [CriteriaGroupInline, CriteriaItemInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "bloc_year",
                    "copied_from",
                    ("tie_break", "ballot_threshold"),
                    "show_score_details",
                    "note",
                ],
                "description": "Bảng tiêu chí chấm điểm và quy tắc bình xét của một khối – năm. "
                "Trang «Bình xét» sao chép tiêu chí của năm trước hoặc bảng mẫu; thêm nhóm tiêu "
                "chí, lưu, rồi thêm tiêu chí của từng nhóm. Tiêu chí cố định khi khối đã bắt đầu "
                "chấm điểm.",
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return ["bloc_year", "copied_from", "tie_break", "ballot_threshold", "note"]
        return ["bloc_year"] if obj is not None else []


class BallotCountInline(admin.TabularInline):
    model = BallotCount
    extra = 0
    fields = ["subject", "unit", "votes"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(BaseAdmin):
    list_display = ["bloc_year", "version", "entered_by", "confirmed_by", "released_at"]
    list_select_related = ["bloc_year__bloc", "entered_by", "confirmed_by"]
    list_filter = ["bloc_year__year"]
    inlines = [BallotCountInline]
    delete_refusal_message = "kết quả bình xét là hồ sơ của khối: không xóa; nhập phiên bản mới để sửa (trang «Bình xét»)."
    readonly_fields = [
        "bloc_year",
        "version",
        "held_on",
        "source",
        "note",
        "ballots_issued",
        "ballots_returned",
        "ballots_valid",
        "ballots_invalid",
        "entered_by",
        "entered_at",
        "confirmed_by",
        "confirmed_at",
        "released_by",
        "released_at",
    ]
    fields = readonly_fields

    # Written by the staff pages' services only (a new version, confirm, release), whatever the
    # model permission or the superuser flag says.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
