"""Pieces the awards admins share: service errors, recipient search, year filter, dossier scope."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from thidua.admin import EstimatedCountPaginator, FoldedSearchMixin
from thidua.admin_forms import AdminModelForm, field_label
from units.models import User

from ..models import Award, Decision, Nomination
from ..permissions import can, may_ever, visible_dossiers


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "»", ")")) else f"{text}."


def labelled_text(error: ValidationError, model) -> str:
    """The messages of `error`, each field's named by its label (a key that is not a field of
    `model`, e.g. a service's «document», is left unnamed rather than named in code)."""
    if not hasattr(error, "error_dict"):
        return " ".join(_sentence(m) for m in error.messages)
    known = {f.name for f in model._meta.get_fields()}
    parts = []
    for name, items in error.error_dict.items():
        for message in ValidationError(items).messages:
            if name in known:
                message = f"«{field_label(model, name)}»: {message}"
            parts.append(_sentence(message))
    return " ".join(parts)


SAVE_TIME_REFUSAL = (
    "Không lưu được {what}: {why} Nội dung bạn gửi chưa được ghi (dữ liệu liên quan vừa thay "
    "đổi trong lúc lưu, có thể do một người khác thao tác cùng lúc); hãy kiểm tra rồi nhập lại."
)


class ServiceCheckedForm(AdminModelForm):
    """The form of an admin whose save goes through a service: what the service would refuse is
    asked while validating (`service_check`, calling the service's own check), so that the page
    comes back with the refusal by its field, or above the form, and everything typed kept."""

    # Who saves (ServiceErrorsMixin.get_form).
    actor = None
    # The fields the check reads: one the form refused already leaves nothing to ask about.
    checked_fields: tuple = ()

    def service_check(self):
        """Raises the service's ValidationError for `self.instance` as typed."""

    def _post_clean(self):
        super()._post_clean()
        if self.actor is None or any(self.has_error(name) for name in self.checked_fields):
            return
        try:
            self.service_check()
        except ValidationError as error:
            self._update_errors(error)


class ServiceErrorsMixin:
    """An admin whose save goes through a service. Its form (a ServiceCheckedForm) asks the
    service's refusals while validating. What only the save can find (another user changed the
    record meanwhile) is caught here: a message and the page reloaded, never a 500; the admin
    view's transaction rolls back, so nothing is half-saved."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except ValidationError as error:
            what = f"«{self.model._meta.verbose_name}»"
            text = SAVE_TIME_REFUSAL.format(what=what, why=labelled_text(error, self.model))
            self.message_user(request, text, messages.ERROR)
            return redirect(request.get_full_path())


class RecipientSearchMixin(FoldedSearchMixin):
    """Diacritics-blind search over the recipient (unit or person)."""

    folded_search_field = ("unit__search_text", "person__search_text")
    search_fields = ["unit__search_text"]


class DossierScopeMixin:
    """Lists only the dossiers (and their log, overrides and votes) the user may read: a bloc
    leader's staff see their bloc's, as on the dossier page (awards.permissions)."""

    dossier_prefix = ""

    def visible_rows(self, request, queryset):
        """The list's scope, also read by its year filter (thidua.admin_filters)."""
        return visible_dossiers(request.user, queryset, self.dossier_prefix)

    def get_queryset(self, request):
        return self.visible_rows(request, super().get_queryset(request))

    def deleted_record_visible(self, request, record):
        """A deleted row's history: as its dossier's page (the dossier, or its last version)."""
        dossier = record.instance
        if self.dossier_prefix:
            dossier = Nomination.objects.filter(pk=dossier.nomination_id).first() or (
                Nomination.history.filter(id=dossier.nomination_id).order_by("-history_id").first()
            )
            dossier = getattr(dossier, "instance", dossier)
        return dossier is not None and can(request.user, "awards.view_dossier", dossier)


class LargeTableAdminMixin:
    """Admin lists of the million-row tables: newest first along the (year, id) index."""

    paginator = EstimatedCountPaginator
    ordering = ["-year", "-pk"]

    def get_queryset(self, request):
        # __str__ names the unit as it was named in the record's year.
        return super().get_queryset(request).prefetch_related("unit__names")


def offers_action(request, perm) -> bool:
    """Does the action bar offer an action needing `perm`? Only to those who may hold it on some
    record (permissions.may_ever: the role part of the permission's one declaration), so the
    button shown and the permission are one question. A POST still finds every action, so that
    one posted anyway (a forged request, a page loaded before the user's role changed) is refused
    by the services record by record, with the reason."""
    return request.method == "POST" or may_ever(request.user, perm)


class WorkflowActionForm(admin.helpers.ActionForm):
    """The workflow actions' extra inputs. The decision is typed by its number (ID) or picked in
    the decisions' own list (a raw-id lookup): a dropdown would load every decision on every
    list page."""

    reason = forms.CharField(label="Lý do / ghi chú", required=False)
    decision = forms.ModelChoiceField(
        label="Quyết định (mã số)",
        queryset=Decision.objects.select_related("document"),
        required=False,
        # The action form has no auto ids: the lookup popup fills the input by this id.
        widget=ForeignKeyRawIdWidget(
            Award._meta.get_field("decision").remote_field, admin.site, attrs={"id": "id_decision"}
        ),
    )
    reviewer = forms.ModelChoiceField(
        label="Người thẩm định được giao (mã số)",
        queryset=User.objects.filter(is_active=True),
        required=False,
        widget=ForeignKeyRawIdWidget(
            Nomination._meta.get_field("assigned_reviewer").remote_field,
            admin.site,
            attrs={"id": "id_reviewer"},
        ),
    )


class ImmutableRecordMixin:
    """The workflow log, overrides and council votes are evidence: once written they are neither
    changed nor deleted through the admin, by anyone — the superuser included (Django's has_perm
    lets a superuser through every model permission, so the refusal is here, not in the rules)."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
