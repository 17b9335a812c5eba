"""Admin of blocs, bloc-years and memberships (the roster rules of blocs.models)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.forms.models import BaseInlineFormSet

from thidua.admin import (
    BaseAdmin,
    EstimatedCountPaginator,
    FoldedSearchMixin,
    JoinedInlineMixin,
)
from thidua.admin_filters import year_filter
from thidua.admin_forms import KeepContextOnAddAnotherMixin
from thidua.integrity import IntegrityErrorAdminMixin

from ..models import (
    Bloc,
    BlocName,
    BlocYear,
    LeadingUnit,
    Membership,
    Role,
    check_member_count,
    check_roster,
)
from .bulk_members import BulkMembersMixin


class RosterFormSet(BaseInlineFormSet):
    """The members of one bloc-year, validated and saved as a whole.

    Checking row by row against the database would refuse a legitimate swap on one screen (the
    leader becomes a member while another member becomes leader), so each row skips the roster
    check and the formset checks all rows together.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.roster_checked_by_formset = True
        return form

    def get_unique_error_message(self, unique_check):
        if set(unique_check) == {"bloc_year", "unit"}:
            return (
                "Một đơn vị được ghi hai lần trong danh sách thành viên; mỗi đơn vị chỉ ghi "
                "một lần cho khối trong năm."
            )
        return super().get_unique_error_message(unique_check)

    def clean(self):
        super().clean()
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("unit"):
                continue
            rows.append((data["unit"].pk, data.get("role"), str(data["unit"])))
        try:
            check_roster(rows)
            if self.instance.bloc_id:
                check_member_count(self.instance, len(rows), field="member_count")
        except ValidationError as error:
            raise ValidationError(
                [msg for msgs in error.message_dict.values() for msg in msgs]
            ) from error

    @transaction.atomic
    def save(self, commit=True):
        if commit:
            # Step changed or deleted rows down to "member" first, so the one-leader / one-deputy
            # indexes never see two holders in the middle of a swap, whatever the rows' order.
            changed = [
                f.instance.pk
                for f in self.initial_forms
                if f.instance.pk
                and (
                    ("role" in f.changed_data) or (self.can_delete and self._should_delete_form(f))
                )
            ]
            Membership.objects.filter(pk__in=changed).update(role=Role.MEMBER)
        return super().save(commit=commit)


class MembershipInline(JoinedInlineMixin, admin.TabularInline):
    model = Membership
    formset = RosterFormSet
    extra = 1
    autocomplete_fields = ["unit", "representative"]
    select_also = ["bloc_year__bloc"]
    fields = ["order", "unit", "role", "representative", "representative_title"]
    verbose_name_plural = "thành viên (hiển thị công khai theo thứ tự của nguồn)"


class BlocNameInline(admin.TabularInline):
    model = BlocName
    extra = 0
    fields = ["name", "valid_from", "valid_until"]
    verbose_name_plural = "tên của khối theo năm (trang công khai ghi tên của năm đang xem)"


class LeadingUnitInline(JoinedInlineMixin, admin.TabularInline):
    """Who led the bloc's emulation that year (not the chair): the flag rules read it. A new
    member must be saved in the roster before it can be recorded as leading."""

    model = LeadingUnit
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["unit", "source", "note", "assessment"]
    readonly_fields = ["assessment"]


@admin.register(Bloc)
class BlocAdmin(IntegrityErrorAdminMixin, FoldedSearchMixin, BaseAdmin):
    list_display = ["name", "organiser", "first_year", "last_year", "slug"]
    list_filter = [("organiser", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["organiser"]
    autocomplete_fields = ["organiser"]
    fieldsets = [
        (
            None,
            {
                "fields": ["name", "organiser", ("first_year", "last_year"), "description"],
                "description": "Hiển thị công khai trên trang của khối. Đường dẫn được tạo tự "
                "động từ tên. Khối liên bộ do Hội đồng Thi đua - Khen thưởng Trung ương tổ chức: "
                "chọn Hội đồng làm cơ quan tổ chức; khối trưởng, khối phó là các bộ, ngành với "
                "người đại diện.",
            },
        ),
    ]
    inlines = [BlocNameInline]


@admin.register(BlocYear)
class BlocYearAdmin(IntegrityErrorAdminMixin, BulkMembersMixin, FoldedSearchMixin, BaseAdmin):
    folded_search_field = "bloc__search_text"
    list_display = ["bloc", "year", "member_count", "leader", "deputy"]
    list_filter = [year_filter("year"), "bloc"]
    list_select_related = ["bloc"]
    autocomplete_fields = ["bloc"]
    inlines = [MembershipInline, LeadingUnitInline]

    def get_queryset(self, request):
        heads = Membership.objects.filter(role__in=[Role.LEADER, Role.DEPUTY]).select_related(
            "unit"
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("memberships", queryset=heads, to_attr="heads"))
        )

    def holder(self, obj, role):
        return next((str(m.unit) for m in obj.heads if m.role == role), "–")

    @admin.display(description="khối trưởng")
    def leader(self, obj):
        return self.holder(obj, Role.LEADER)

    @admin.display(description="khối phó")
    def deputy(self, obj):
        return self.holder(obj, Role.DEPUTY)


@admin.register(Membership)
class MembershipAdmin(
    IntegrityErrorAdminMixin, KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin
):
    add_another_context = ["bloc_year"]
    folded_search_field = "unit__search_text"
    list_display = ["unit", "bloc", "year", "role", "representative"]
    list_filter = [year_filter("year"), "role", "bloc_year__bloc", "unit__kind"]
    list_select_related = ["unit", "bloc_year__bloc", "representative"]
    # Newest year first, read in the order of the membership_admin_order index (the model's
    # default ordering follows bloc-year and unit names: a sort of every row).
    ordering = ["-year", "bloc_year_id", "role", "pk"]
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["bloc_year", "unit", "representative"]

    @admin.display(description="khối", ordering="bloc_year__bloc__name")
    def bloc(self, obj):
        return obj.bloc_year.bloc
