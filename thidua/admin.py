"""Admin pieces shared by every app: the base admin of every model, diacritics-blind search and
the site's Vietnamese titles."""

import functools

from django import forms
from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from .admin_deletes import DeleteGuardMixin
from .admin_forms import AdminModelForm, with_verbose_unique_errors
from .admin_history import HistoryGuardMixin
from .form_fields import admin_formfield_kwargs
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
    Patched on the widget itself so that every admin and inline is covered. A widget given its
    selected object (`held`, by JoinedInlineMixin) shows it without that lookup."""

    @functools.wraps(optgroups)
    def wrapper(self, name, value, attr=None):
        key = self.field.remote_field.model._meta.pk
        valid = []
        for item in value:
            try:
                key.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        if not any(str(v) not in self.choices.field.empty_values for v in valid):
            return _no_selection_optgroups(self, name)  # an empty row: nothing to look up
        held = getattr(self, "held", None)
        if (
            held is not None
            and not self.allow_multiple_selected
            and [str(v) for v in valid] == [str(held.pk)]
        ):
            return _held_optgroups(self, name, held)
        return optgroups(self, name, valid, attr)

    return wrapper


def _no_selection_optgroups(widget, name):
    """What Django's optgroups returns when nothing is selected, without building its query."""
    options = []
    if not widget.is_required and not widget.allow_multiple_selected:
        options.append(widget.create_option(name, "", "", False, 0))
    return [(None, options, 0)]


def _held_optgroups(widget, name, obj):
    """What Django's optgroups returns for one selected object, from the object itself."""
    options = []
    if not widget.is_required:
        options.append(widget.create_option(name, "", "", False, 0))
    label = widget.choices.field.label_from_instance(obj)
    options.append(widget.create_option(name, obj.pk, label, {str(obj.pk)}, len(options)))
    return [(None, options, 0)]


AutocompleteMixin.optgroups = _valid_values_only(AutocompleteMixin.optgroups)


def _typed_inputs(formfield_for_dbfield):
    """Every number and date input of the admin reads what a clerk types the Vietnamese way
    (thidua/form_fields.py): "1.000" is a thousand, "1,5" one and a half, 31/02/2016 a day that
    does not exist. Patched on Django's BaseModelAdmin, the one base that every ModelAdmin and
    every inline share (inlines do not derive from BaseAdmin). Keyword arguments given by an
    admin's own formfield_for_dbfield still win, as Django's formfield_overrides do."""

    @functools.wraps(formfield_for_dbfield)
    def wrapper(self, db_field, request, **kwargs):
        typed = admin_formfield_kwargs(db_field, type(self).formfield_overrides)
        return formfield_for_dbfield(self, db_field, request, **{**typed, **kwargs})

    return wrapper


BaseModelAdmin.formfield_for_dbfield = _typed_inputs(BaseModelAdmin.formfield_for_dbfield)


class _SharedChoices(BaseChoiceIterator):
    """The options of one select, read once (at the first render) for every row of a formset."""

    def __init__(self, field):
        self.field = field
        self.read = None

    def __iter__(self):
        if self.read is None:
            # Through iter(): list() would first ask the field's choices for a COUNT.
            self.read = list(iter(self.field.choices))
        return iter(self.read)


class _HeldRelationsFormSet:
    """A row costs no query of its own: its autocomplete widgets are given the objects the row
    already holds (joined by the inline's queryset), and its plain selects share one reading of
    their options (empty row included)."""

    @cached_property
    def empty_form(self):
        # Django builds the empty row anew at each use: about six times per inline on a page
        # (its media, its JavaScript data, its template row).
        return super().empty_form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        shared = self.__dict__.setdefault("_shared_choices", {})
        loaded = form.instance._state.fields_cache
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if isinstance(widget, AutocompleteMixin):
                if loaded.get(name) is not None:
                    widget.held = loaded[name]
            elif isinstance(field, forms.ModelChoiceField) and isinstance(
                widget, forms.widgets.ChoiceWidget
            ):
                widget.choices = shared.setdefault(name, _SharedChoices(field))


class JoinedInlineMixin:
    """An inline whose rows are read with their related objects in the same query: the row's
    title (its `__str__`) and its autocomplete fields then cost nothing per row — Django's
    autocomplete widget otherwise reads its selected object once per row."""

    select_also = ()  # further relations a row's title reads (e.g. "bloc_year__bloc")

    def get_queryset(self, request):
        related = [f.name for f in self.model._meta.concrete_fields if f.many_to_one]
        return super().get_queryset(request).select_related(*related, *self.select_also)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (_HeldRelationsFormSet, formset), {})


class BaseAdmin(HistoryGuardMixin, DeleteGuardMixin, SimpleHistoryAdmin):
    """The admin of every model: its history under the change page's rules (admin_history),
    deletes that never lose history (admin_deletes), and lists that stay fast as tables grow — 50 rows a
    page (rendering rows is most of a changelist's cost) and one COUNT per list (no second,
    unfiltered "n in all" count). Admins of tables that reach hundreds of thousands of rows also
    set `paginator = EstimatedCountPaginator`."""

    form = AdminModelForm
    list_per_page = 50
    show_full_result_count = False

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield with_verbose_unique_errors(formset), inline

    def get_changelist_formset(self, request, **kwargs):
        return with_verbose_unique_errors(super().get_changelist_formset(request, **kwargs))


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
