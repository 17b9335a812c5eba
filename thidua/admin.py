"""Admin pieces shared by every app: the base admin of every model, diacritics-blind search and
the site's Vietnamese titles."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from .admin_deletes import DeleteGuardMixin
from .admin_forms import AdminModelForm
from .admin_history import HistoryGuardMixin
from .models import DocumentTemplate
from .paper import kinds as paper_kinds
from .text import search_terms

admin.site.site_header = "Hệ thống Thi đua - Khen thưởng Bộ Khoa học và Công nghệ"
admin.site.site_title = "Quản trị Thi đua - Khen thưởng"
admin.site.index_title = "Nhập liệu và quản trị"


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL, an unfiltered table of 100,000 rows or more is counted from the planner's
    estimate (pg_class.reltuples) instead of a sequential COUNT(*) — in the same single query that
    counts a smaller table exactly. Filtered lists, and other databases, count exactly."""

    threshold = 100_000

    @cached_property
    def count(self):
        qs = self.object_list
        if not getattr(qs, "query", None) or qs.query.where or qs.query.combinator:
            return super().count
        connection = connections[qs.db]
        if connection.vendor != "postgresql":
            return super().count
        table = qs.model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN reltuples >= %s THEN reltuples::bigint "
                f"ELSE (SELECT COUNT(*) FROM {connection.ops.quote_name(table)}) END "
                "FROM pg_class WHERE oid = %s::regclass",
                [self.threshold, table],
            )
            row = cursor.fetchone()
        return row[0] if row else super().count


def _valid_values_only(optgroups):
    """Django's autocomplete widget looks every submitted value up to re-display it, so
    `parent=abc` raised instead of showing the field's error: skip the values that are not keys.
    Patched on the widget itself so that every admin and inline is covered."""

    def wrapper(self, name, value, attr=None):
        key = self.field.remote_field.model._meta.pk
        valid = []
        for item in value:
            try:
                key.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return optgroups(self, name, valid, attr)

    return wrapper


AutocompleteMixin.optgroups = _valid_values_only(AutocompleteMixin.optgroups)


class BaseAdmin(HistoryGuardMixin, DeleteGuardMixin, SimpleHistoryAdmin):
    """The admin of every model: its history under the change page's rules (admin_history),
    deletes that never lose history (admin_deletes), and lists that stay fast as tables grow — 50 rows a
    page (rendering rows is most of a changelist's cost) and one COUNT per list (no second,
    unfiltered "n in all" count). Admins of tables that reach hundreds of thousands of rows also
    set `paginator = EstimatedCountPaginator`."""

    form = AdminModelForm
    list_per_page = 50
    show_full_result_count = False


class FoldedSearchMixin:
    """Admin search (and autocomplete) that ignores diacritics and folds abbreviations.

    `folded_search_field` names the folded column to search: the model's own `search_text`, a
    related one such as "unit__search_text", or a tuple of them (a term may match any of them,
    e.g. a recipient that is a unit or a person).
    """

    folded_search_field = "search_text"
    search_fields = ["search_text"]

    def get_search_results(self, request, queryset, search_term):
        terms = search_terms(search_term)
        if not terms:
            return queryset, False
        fields = self.folded_search_field
        fields = (fields,) if isinstance(fields, str) else tuple(fields)
        for term in terms:
            match = Q()
            for field in fields:
                match |= Q(**{f"{field}__contains": term})
            queryset = queryset.filter(match)
        return queryset, any("__" in field for field in fields)


class DocumentTemplateForm(AdminModelForm):
    kind = forms.ChoiceField(label="Loại văn bản", choices=())

    class Meta:
        model = DocumentTemplate
        fields = ["kind", "file", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "---------"), *paper_kinds.choices()]


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(BaseAdmin):
    """Administrators replace a shipped Word template with an edited copy; one that does not
    render the kind's sample data is refused with the reason (DocumentTemplate.clean)."""

    form = DocumentTemplateForm
    list_display = ["kind_label", "file", "uploaded_at"]
    readonly_fields = ["placeholders"]

    @admin.display(description="các trường trộn của loại văn bản")
    def placeholders(self, obj):
        try:
            sample = paper_kinds.sample_context(obj.kind)
        except (KeyError, AttributeError):
            return "—"
        return ", ".join(f"{{{{ {name} }}}}" for name in sorted(sample))
