"""The admin's history pages (django-simple-history) under the change page's rules.

simple-history's own views show an object's history to whoever may view the model, fall back to
the history of rows the user's list does not show, and save a "revert" POST from anyone who may
view. Here, every history page answers only for an object the user could open on its change page
(the admin's `get_queryset`, i.e. the same scope as the lists), and a revert is an edit: it needs
the change permission for that object, is allowed only where the admin says so (`history_revert`),
and goes through the change page's form, validation and `save_model` (hence the services).

A deleted row keeps its history: the "deleted records" page lists them, and reverting to the
last version restores the row with its old id, under the same checks plus the add permission.

The parts of an object edited on its change page (its inlines) keep their own history: the
object's history page lists their changes too, below its own, for the inlines the change page
would show the user, read with a fixed number of queries (two per inline model).
"""

from dataclasses import dataclass

from django import http
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.forms.models import _get_foreign_key, model_to_dict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import mark_safe
from django.utils.text import capfirst
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_history_manager_for_model, get_history_model_for_model

from .admin_forms import labelled_messages

REVERT_DISABLED_MESSAGE = "Không thể khôi phục phiên bản cũ của «{name}»: {reason}"


def _clause(reason: str) -> str:
    """A refusal put after «…: » (REVERT_DISABLED_MESSAGE): its first letter lowercase."""
    return reason[:1].lower() + reason[1:]


def actor_label(user) -> str:
    """Who made a change, as the history pages name them: «full name (login)», or the login
    alone when the account has no name; "" when no account is recorded."""
    if user is None:
        return ""
    login = user.get_username()
    full_name = (user.get_full_name() or "").strip()
    return f"{full_name} ({login})" if full_name and full_name != login else login


@dataclass
class PartChange:
    """One historical record of a part (an inline row) of the object, as the history page
    shows it."""

    record: object  # the historical record
    part: str  # which part: the inline's name and the row
    actor: str
    changes: list  # [{"field", "old", "new"}] against the row's previous version


def _with_loaded_relations(record, parent, fk):
    """The row as it was at `record`, its foreign keys taken from what the record's query
    joined (and the parent from the page), so that naming it reads nothing more."""
    instance = record.instance
    loaded = record._state.fields_cache
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.name in loaded:
            instance._state.fields_cache[field.name] = loaded[field.name]
    instance._state.fields_cache[fk.name] = parent
    return instance


def part_changes(inline, fk, parent, limit):
    """The latest `limit` historical records of the rows of `inline` that belong to `parent`,
    each compared with the row's previous version: two queries, whatever their number."""
    model = inline.model
    history = get_history_manager_for_model(model)
    pk = model._meta.pk.attname
    earlier = history.filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id")),
        **{pk: OuterRef(pk)},
    ).order_by("-history_date", "-history_id")
    latest = (
        history.filter(**{fk.attname: parent.pk})
        .annotate(previous_id=Subquery(earlier.values("history_id")[:1]))
        .order_by("-history_date", "-history_id")[:limit]
    )
    records = list(latest.select_related("history_user")._select_related_history_tracked_objs())
    # The previous versions in one query, run whether or not there are any.
    previous = {
        record.history_id: record
        for record in history.filter(
            history_id__in=latest.values("previous_id")
        )._select_related_history_tracked_objs()
    }
    # Many-to-many fields are left out of the comparison: each would cost a query per record.
    skipped = [fk.name, *(f.name for f in model._meta.many_to_many)]
    name = capfirst(inline.verbose_name or model._meta.verbose_name)
    found = []
    for record in records:
        changes = []
        old = previous.get(record.previous_id)
        if old is not None and record.history_type == "~":
            delta = record.diff_against(old, excluded_fields=skipped, foreign_keys_are_objs=True)
            helper = HistoricalRecordContextHelper(model, record)
            changes = helper.context_for_delta_changes(delta)
        row = _with_loaded_relations(record, parent, fk)
        found.append(
            PartChange(record, f"{name}: {row}", actor_label(record.history_user), changes)
        )
    return found


class HistoryGuardMixin:
    """Mixed into BaseAdmin (before SimpleHistoryAdmin)."""

    # False on log-like records (a workflow step, a vote, an award): their past is never restored.
    history_revert = True
    history_revert_refusal = "loại hồ sơ này chỉ thay đổi qua các bước nghiệp vụ."
    # False where a deleted row may not come back from its history (its admin saves new rows
    # through a service that creates them).
    history_restore = True
    deleted_records_template = "admin/thidua/deleted_records.html"
    deleted_records_per_page = 50
    # The latest changes of the object's parts (inline rows) listed on its history page.
    history_parts_limit = 100

    # --- who sees what -------------------------------------------------------------------------

    def deleted_record_visible(self, request, record) -> bool:
        """May the user see the history of this deleted row? Scoped admins narrow it."""
        return True

    def _history_subject(self, request, object_id):
        """(live object or None, is_deleted) for the history pages, or 404.

        A row that exists but is outside the user's list is a 404, exactly as its change page."""
        model = self.model
        live = self.get_queryset(request).filter(pk=object_id).first()
        if live is not None:
            return live, False
        if model._default_manager.filter(pk=object_id).exists():
            raise http.Http404
        history = get_history_manager_for_model(model).filter(**{model._meta.pk.attname: object_id})
        record = history.order_by("-history_date", "-history_id").first()
        if record is None or not self.deleted_record_visible(request, record):
            raise http.Http404
        return record.instance, True

    def _may_view_history(self, request, obj):
        return self.has_view_permission(request, obj) or self.has_change_permission(request, obj)

    def revert_refusal(self, request, obj, deleted=False):
        """Why `request.user` may not revert (or restore) `obj`, or None."""
        if not self.history_revert:
            return self.history_revert_refusal
        if not self.has_change_permission(request, obj):
            return "tài khoản không có quyền sửa hồ sơ này."
        if deleted and not self.history_restore:
            return "hồ sơ đã xóa của loại này không được khôi phục; hãy lập hồ sơ mới."
        if deleted and not self.has_add_permission(request):
            return "tài khoản không có quyền thêm lại hồ sơ đã xóa."
        return None

    def revert_state_refusal(self, request, obj):
        """Why `obj`, as it stands now, may not be reverted by anyone (e.g. a dossier past the
        states in which it is edited), or None. The version's page is then shown read-only with
        the reason, as for a refusal; a POST from a page loaded before the state changed still
        goes through the change form and its save, which refuse it with the same words."""
        return None

    def _revert_blocked(self, request, obj, deleted=False):
        """What the version's page says instead of offering «Khôi phục», or None."""
        refusal = self.revert_refusal(request, obj, deleted)
        if refusal is None and obj is not None and not deleted:
            refusal = self.revert_state_refusal(request, obj)
        return refusal

    def revert_disabled(self, request, obj=None):
        return self._revert_blocked(request, obj) is not None

    # --- views ---------------------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        deleted = path(
            "deleted/",
            self.admin_site.admin_view(self.deleted_records_view),
            name=f"{opts.app_label}_{opts.model_name}_deleted",
        )
        return [deleted, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        obj, _ = self._history_subject(request, unquote(object_id))
        if not self._may_view_history(request, obj):
            raise PermissionDenied
        parts, more = self.inline_history(request, obj)
        context = {"part_changes": parts, "part_changes_more": more, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def inline_history(self, request, obj):
        """([PartChange] newest first, whether older ones were left out) of the inline rows
        of `obj` that keep history, for the inlines its change page shows the user."""
        limit = self.history_parts_limit
        found, seen = [], set()
        for inline in self.get_inline_instances(request, obj):
            model = inline.model
            if not hasattr(model._meta, "simple_history_manager_attribute"):
                continue
            if not inline.has_view_or_change_permission(request, obj):
                continue
            fk = _get_foreign_key(self.model, model, fk_name=inline.fk_name)
            if (model, fk.name) in seen:
                continue
            seen.add((model, fk.name))
            found += part_changes(inline, fk, obj, limit + 1)
        found.sort(key=lambda c: (c.record.history_date, c.record.history_id), reverse=True)
        return found[:limit], len(found) > limit

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        for record in historical_records:
            record.history_actor_label = actor_label(record.history_user)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.current_app = self.admin_site.name
        object_id = unquote(object_id)
        current, deleted = self._history_subject(request, object_id)
        if not self._may_view_history(request, current):
            raise PermissionDenied
        opts = self.model._meta
        record = get_object_or_404(
            get_history_model_for_model(self.model),
            **{opts.pk.attname: object_id, "history_id": version_id},
        )
        version = record.instance
        target = version if deleted else current
        if deleted:
            target._state.adding = True
        if request.method == "POST":
            # Not the user's to revert: refused outright. The object's state is left to the
            # save (a page loaded before it changed): its refusal is shown on the form.
            refusal = self.revert_refusal(request, target, deleted)
            if refusal is not None:
                raise PermissionDenied(REVERT_DISABLED_MESSAGE.format(name=version, reason=refusal))
        refusal = self._revert_blocked(request, target, deleted)

        fieldsets = self.get_fieldsets(request, target)
        form_class = self.get_form(
            request, target, change=not deleted, fields=flatten_fieldsets(fieldsets)
        )
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, instance=target)
            if form.is_valid():
                response = self._save_revert(request, form, deleted)
                if response is not None:
                    return response
        elif refusal is None:
            # The editable fields start at the old version's values; what the form does not
            # edit (workflow state, read-only fields) stays as it is now.
            fields = [f for f in form_class.base_fields if f in {x.name for x in opts.fields}]
            form = form_class(instance=target, initial=model_to_dict(version, fields=fields))
        else:
            form = form_class(instance=version)
            # Why the page offers no «Khôi phục»: the refusal a revert would get.
            self.message_user(
                request,
                REVERT_DISABLED_MESSAGE.format(name=version, reason=_clause(refusal)),
                messages.WARNING,
            )

        readonly = (
            flatten_fieldsets(fieldsets)
            if refusal is not None
            else self.get_readonly_fields(request, target)
        )
        prepopulated = {
            name: sources
            for name, sources in self.get_prepopulated_fields(request, target).items()
            if refusal is None and name in form.fields
        }
        admin_form = helpers.AdminForm(form, list(fieldsets), prepopulated, readonly, self)
        url_name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": f"{'Xem' if refusal else 'Khôi phục'} phiên bản cũ: {version}",
            "adminform": admin_form,
            "object_id": object_id,
            "original": version,
            "is_popup": False,
            "media": mark_safe(self.media + admin_form.media),
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": reverse(f"{url_name}_changelist"),
            "change_url": reverse(f"{url_name}_change", args=(quote(object_id),)),
            "history_url": reverse(f"{url_name}_history", args=(quote(object_id),)),
            "change_history": False,
            "revert_disabled": refusal is not None,
            "revert_refusal": refusal,
            "add": False,
            "change": True,
            "has_add_permission": self.has_add_permission(request),
            "has_view_permission": True,
            "has_change_permission": refusal is None,
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": opts,
            "content_type_id": self.content_type_model_cls.objects.get_for_model(self.model).id,
            "save_as": False,
            "save_on_top": self.save_on_top,
            **(extra_context or {}),
        }
        return self.render_history_view(request, self.object_history_form_template, context)

    def _save_revert(self, request, form, deleted):
        """Saves as the change (or add) page does; a refusal of the model or a service is shown
        on the form and nothing is saved."""
        try:
            with transaction.atomic():
                obj = self.save_form(request, form, change=not deleted)
                self.save_model(request, obj, form, change=not deleted)
                form.save_m2m()
        except ValidationError as error:
            # Shown above the form, away from the fields: each message names its field.
            form.add_error(None, labelled_messages(error, self.model))
            return None
        message = self.construct_change_message(request, form, [], add=deleted)
        if deleted:
            self.log_addition(request, obj, message)
            self.message_user(request, f"Đã khôi phục «{obj}» từ lịch sử.", messages.SUCCESS)
        else:
            self.log_change(request, obj, message)
            self.message_user(request, f"Đã khôi phục phiên bản cũ của «{obj}».", messages.SUCCESS)
        opts = self.model._meta
        return redirect(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", quote(obj.pk)
        )

    def deleted_records_view(self, request):
        """The rows of this model that were deleted, newest deletion first, each linked to its
        last version (from which it can be restored)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        history = get_history_model_for_model(self.model)
        pk_name = opts.pk.attname
        live = self.model._default_manager.filter(pk=OuterRef(pk_name))
        last = (
            history.objects.filter(history_type="-")
            .exclude(Exists(live))
            .values(pk_name)
            .annotate(last=Max("history_id"))
            .values("last")
        )
        records = history.objects.filter(history_id__in=last).order_by("-history_date")
        records = records.select_related("history_user")
        page = Paginator(records, self.deleted_records_per_page).get_page(request.GET.get("p"))
        url_name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_simple_history"
        rows = [
            (record, reverse(url_name, args=(quote(getattr(record, pk_name)), record.history_id)))
            for record in page.object_list
            if self.deleted_record_visible(request, record)
        ]
        for record, _ in rows:
            record.history_actor_label = actor_label(record.history_user)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{opts.verbose_name_plural.capitalize()} đã xóa",
            "opts": opts,
            "app_label": opts.app_label,
            "rows": rows,
            "page_obj": page,
            "may_restore": self.revert_refusal(request, None, deleted=True) is None,
        }
        return TemplateResponse(request, self.deleted_records_template, context)

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_deleted")
        return super().changelist_view(
            request, {"deleted_records_url": url, **(extra_context or {})}
        )
