from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from thidua.admin import (
    BaseAdmin,
    EstimatedCountPaginator,
    FoldedSearchMixin,
    JoinedInlineMixin,
)
from thidua.admin_deletes import DeleteGuardMixin
from thidua.admin_forms import KeepContextOnAddAnotherMixin, PermissionLabelsMixin

from .models import Person, Position, Unit, UnitName, User


class UnitNameInline(admin.TabularInline):
    model = UnitName
    extra = 0
    fields = ["name", "short_name", "valid_from", "valid_until"]
    verbose_name_plural = "tên cũ của đơn vị (hiển thị công khai theo năm)"


class PositionInline(JoinedInlineMixin, admin.TabularInline):
    model = Position
    extra = 0
    fields = ["unit", "title", "from_year", "until_year", "started_on", "ended_on"]
    autocomplete_fields = ["unit", "person"]
    verbose_name_plural = "chức vụ (hiển thị công khai kèm năm)"


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, BaseAdmin):
    list_display = ["name", "short_name", "kind", "parent", "active_from", "active_until", "slug"]
    list_filter = ["kind", ("parent", admin.RelatedOnlyFieldListFilter), "active_until"]
    list_select_related = ["parent"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *["name", "short_name", "kind", "parent"],
                    *["active_from", "active_until", "successor", "description"],
                ],
                "description": "Hiển thị công khai trên trang của đơn vị. Đường dẫn của trang "
                "được tạo tự động từ tên.",
            },
        ),
    ]
    autocomplete_fields = ["parent", "successor"]
    inlines = [UnitNameInline]


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, BaseAdmin):
    list_display = ["full_name", "slug", "current_positions"]
    ordering = ["full_name", "pk"]  # along the person_name_order index
    paginator = EstimatedCountPaginator
    fieldsets = [
        (
            None,
            {
                "fields": ["full_name", "note"],
                "description": "Hiển thị công khai trên trang của cá nhân (họ tên, ghi chú, chức "
                "vụ kèm năm). Đường dẫn được tạo tự động từ họ tên.",
            },
        ),
    ]
    inlines = [PositionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("positions__unit")

    @admin.display(description="chức vụ")
    def current_positions(self, obj):
        return (
            "; ".join(f"{p.title}, {p.unit} ({p.years_label})" for p in obj.positions.all()) or "–"
        )


@admin.register(Position)
class PositionAdmin(KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin):
    add_another_context = ["unit"]
    # Search a person or a unit: a sidebar of every unit (thousands) would help nobody.
    folded_search_field = ("person__search_text", "unit__search_text")
    list_display = ["person", "title", "unit", "from_year", "until_year", "started_on", "ended_on"]
    list_filter = ["unit__kind"]
    list_select_related = ["person", "unit"]
    ordering = ["-pk"]  # latest entered first (the model's order sorts every row by name)
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["person", "unit"]


@admin.register(User)
class UserAdmin(PermissionLabelsMixin, DjangoUserAdmin, BaseAdmin):
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Đơn vị công tác", {"fields": ["unit", "person"]}),
    ]
    list_display = ["username", "first_name", "last_name", "unit", "is_staff", "is_active"]
    readonly_fields = ["last_login", "date_joined"]  # set by the system, never typed
    list_select_related = ["unit"]
    list_filter = ["groups", "is_staff", "is_active", ("unit", admin.RelatedOnlyFieldListFilter)]
    autocomplete_fields = ["unit", "person"]
    # An account's name is in every history row it wrote (history_user): lock it, never delete.
    delete_refusal_message = (
        "tài khoản đã ghi lịch sử thay đổi và nhật ký xử lý hồ sơ; hãy bỏ chọn «Đang hoạt động» "
        "để khóa tài khoản thay vì xóa."
    )


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(PermissionLabelsMixin, DeleteGuardMixin, DjangoGroupAdmin):
    """The groups are the roles (thidua.roles): the permissions are written against their names."""

    delete_refusal_message = (
        "nhóm là một vai trò của hệ thống (quyền được gắn với tên vai trò) và không bị xóa."
    )
