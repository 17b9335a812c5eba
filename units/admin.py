from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from thidua.admin import FoldedSearchMixin

from .models import Person, Position, Unit, UnitName, User


class UnitNameInline(admin.TabularInline):
    model = UnitName
    extra = 0


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["unit", "person"]


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent", "active_from", "active_until"]
    list_filter = ["kind", "active_until"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent", "successor"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [UnitNameInline]
    list_per_page = 50


@admin.register(Person)
class PersonAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["full_name", "slug"]
    prepopulated_fields = {"slug": ["full_name"]}
    inlines = [PositionInline]
    list_per_page = 50


@admin.register(Position)
class PositionAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    folded_search_field = "person__search_text"
    list_display = ["person", "title", "unit", "started_on", "ended_on"]
    list_filter = ["unit__kind"]
    list_select_related = ["person", "unit"]
    autocomplete_fields = ["person", "unit"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Đơn vị công tác", {"fields": ["unit", "person"]}),
    ]
    list_display = ["username", "first_name", "last_name", "unit", "is_staff", "is_active"]
    list_select_related = ["unit"]
    list_filter = ["groups", "is_staff", "is_active"]
    autocomplete_fields = ["unit", "person"]
