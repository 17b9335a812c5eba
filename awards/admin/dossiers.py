"""Admin of proposals, nominations and their log, overrides and council votes. Workflow fields are
read-only here; the actions call awards.services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from blocs.admin.events import EventAdmin, EventRowForm
from thidua.admin import BaseAdmin, EstimatedCountPaginator, JoinedInlineMixin
from thidua.admin_filters import year_filter
from thidua.admin_forms import KeepContextOnAddAnotherMixin

from .. import eligibility, services, workflow
from ..forms import AssignReviewerForm, ConfirmForm, DecisionForm
from ..models import CouncilVote, Nomination, Override, Proposal, Transition
from .common import (
    DossierScopeMixin,
    ImmutableRecordMixin,
    LargeTableAdminMixin,
    RecipientSearchMixin,
    ServiceCheckedForm,
    ServiceErrorsMixin,
    WorkflowActionForm,
    error_text,
    offers_action,
)

# What a proposal keeps once a dossier is made from it (Proposal.check_kept_by_dossier): shown
# read-only on its rows and pages.
KEPT_BY_DOSSIER = ["event", "award_type", "unit", "person"]


class ProposalRowForm(EventRowForm):
    """A proposal row of the event's page: a row with a dossier shows its award type and
    recipient read-only (disabled: a posted change is ignored; the model refuses it anyway)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dossier = self.instance.dossier_id() if self.instance.pk else None
        if dossier is None:
            return
        for name in KEPT_BY_DOSSIER:
            if name in self.fields:
                self.fields[name].disabled = True


class ProposalInline(JoinedInlineMixin, admin.TabularInline):
    model = Proposal
    form = ProposalRowForm
    extra = 0
    fields = ["order", "award_type", "unit", "person", "note", "dossier"]
    readonly_fields = ["dossier"]
    autocomplete_fields = ["unit", "person"]
    # The dossier made from each row, read with the rows (ProposalRowForm asks it).
    select_also = ("nomination",)

    @admin.display(description="hồ sơ đề nghị")
    def dossier(self, obj):
        dossier = obj.dossier_id() if obj is not None and obj.pk else None
        if dossier is None:
            return "–"
        return format_html(
            '<a href="{}">Hồ sơ số {}</a>: không sửa loại khen thưởng, đối tượng của đề xuất',
            reverse("admin:awards_nomination_change", args=[dossier]),
            dossier,
        )

    def get_queryset(self, request):
        # A row's title names the unit as it was called that year.
        return super().get_queryset(request).prefetch_related("unit__names")


@admin.action(description="Lập hồ sơ đề nghị từ các đề xuất của sự kiện")
def make_nominations(modeladmin, request, queryset):
    total = 0
    for event in queryset.select_related("bloc"):
        try:
            total += len(services.nominations_from_event(event, request.user))
        except ValidationError as error:
            modeladmin.message_user(request, error_text(error), messages.ERROR)
    modeladmin.message_user(request, f"Đã lập {total} hồ sơ đề nghị (dự thảo).", messages.SUCCESS)


EventAdmin.inlines = [*EventAdmin.inlines, ProposalInline]


EventAdmin.actions = [*(EventAdmin.actions or []), make_nominations]


@admin.register(Proposal)
class ProposalAdmin(KeepContextOnAddAnotherMixin, RecipientSearchMixin, BaseAdmin):
    add_another_context = ["event", "award_type"]
    list_display = ["__str__", "event", "award_type", "order", "has_nomination"]
    list_filter = [
        "award_type",
        "event__bloc",
        year_filter("event__period_end", "kỳ thi đua đến năm"),
    ]
    list_select_related = ["event", "award_type", "unit", "person", "nomination"]
    autocomplete_fields = ["event", "unit", "person"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("unit__names")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.dossier_id() is not None:
            fields += [f for f in KEPT_BY_DOSSIER if f not in fields]
        return fields

    @admin.display(description="đã lập hồ sơ", boolean=True)
    def has_nomination(self, obj):
        return hasattr(obj, "nomination")


# The log of a dossier: written by the services only, never reverted, restored or deleted.
LOG_REFUSAL = "nhật ký xử lý hồ sơ chỉ được ghi qua các bước nghiệp vụ và không bao giờ bị xóa."


class LogAdminMixin:
    history_revert = False
    history_revert_refusal = LOG_REFUSAL
    history_restore = False
    delete_refusal_message = LOG_REFUSAL


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TransitionInline(ReadOnlyInline):
    model = Transition
    fields = readonly_fields = ["at", "action", "from_status", "to_status", "actor", "reason"]
    ordering = ["at", "pk"]


class CouncilVoteInline(ReadOnlyInline):
    model = CouncilVote
    fields = readonly_fields = [
        "held_on",
        "votes_for",
        "votes_against",
        "present",
        "council_size",
        "recorded_by",
    ]


class OverrideInline(ReadOnlyInline):
    model = Override
    fields = readonly_fields = [
        "rule",
        "reason",
        "document_number",
        "document_date",
        "created_by",
        "created_at",
    ]


# The admin's inputs of a step (WorkflowActionForm), by the step's form: the reason for every
# step; a grant takes an existing decision, an assignment a reviewer. Steps with other inputs (a
# vote, an override) are recorded on their own admin pages.
ADMIN_INPUTS = {ConfirmForm: (), DecisionForm: ("decision",), AssignReviewerForm: ("reviewer",)}


def _workflow_action(step):
    inputs = ADMIN_INPUTS[step.form_class]

    def action(modeladmin, request, queryset):
        form = WorkflowActionForm(request.POST)
        form.is_valid()
        values = {name: form.cleaned_data.get(name) for name in inputs}
        missing = [form.fields[name].label for name in inputs if values[name] is None]
        if missing:
            modeladmin.message_user(
                request, f"Chọn «{missing[0]}» trước khi {step.label}.", messages.ERROR
            )
            return
        reason = form.cleaned_data.get("reason", "")
        done = 0
        for nomination in queryset.select_related("award_type"):
            try:
                if "decision" in values:
                    services.grant(nomination, request.user, values["decision"], note=reason)
                elif "reviewer" in values:
                    services.assign_reviewer(
                        nomination, request.user, reviewer=values["reviewer"], reason=reason
                    )
                else:
                    step.perform_with(nomination, request.user, reason=reason)
                done += 1
            except ValidationError as error:
                modeladmin.message_user(
                    request, f"«{nomination}»: {error_text(error)}", messages.ERROR
                )
        if done:
            modeladmin.message_user(request, f"{step.title}: {done} hồ sơ.", messages.SUCCESS)

    action.__name__ = f"workflow_{step.name}"
    return admin.action(description=step.title)(action)


class NominationAdminForm(ServiceCheckedForm):
    """Carries the version of the dossier the editor loaded: a save from a page opened before
    someone else changed the dossier (another tab, another clerk) is refused instead of silently
    overwriting that change."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    checked_fields = ("bloc", "year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def service_check(self):
        # What services.save_draft refuses before it writes: the dossier no longer editable, a
        # bloc and year the user may not prepare (on the bloc), a page loaded before another
        # change (above the form: the version is a hidden input), a second live dossier of the
        # recipient (on its field). save_draft asks them again under its locks.
        services.check_draft(self.instance, self.actor)
        loaded = self.cleaned_data.get("loaded_version")
        if self.instance.pk and loaded is not None:
            services.check_loaded_version(self.instance, loaded)
        if not any(self.has_error(name) for name in ("award_type", "unit", "person")):
            services.check_recipient_free(self.instance)


@admin.register(Nomination)
class NominationAdmin(
    KeepContextOnAddAnotherMixin,
    DossierScopeMixin,
    LargeTableAdminMixin,
    ServiceErrorsMixin,
    RecipientSearchMixin,
    BaseAdmin,
):
    list_display = [
        "__str__",
        "year",
        "award_type",
        "bloc",
        "status",
        "is_historical",
        "updated_at",
    ]
    add_another_context = ["award_type", "year", "bloc", "event"]
    list_filter = [
        "status",
        year_filter("year", "năm thành tích"),
        "award_type",
        "is_historical",
        "bloc",
    ]
    list_select_related = ["award_type", "unit", "person", "bloc"]
    autocomplete_fields = ["unit", "person", "bloc", "event", "proposal"]
    readonly_fields = [
        "status",
        "is_historical",
        "created_by",
        "created_at",
        "updated_at",
        "rule_checks",
    ]
    inlines = [TransitionInline, CouncilVoteInline, OverrideInline]
    form = NominationAdminForm
    action_form = WorkflowActionForm
    # Every step of the registry whose inputs fit the action bar (a new step appears here).
    # Reverting edits the dossier's content through services.save_draft (draft or returned
    # dossiers only); its status never changes but through the actions.
    history_restore = False
    delete_refusal_message = (
        "hồ sơ đề nghị và nhật ký của nó là lịch sử khen thưởng, không bị xóa; hãy dùng thao tác "
        "«Rút hồ sơ» (khối) hoặc «Không đề nghị» (Vụ Thi đua - Khen thưởng)."
    )
    actions = [
        _workflow_action(step)
        for step in workflow.STEPS.values()
        if step.on_page and step.form_class in ADMIN_INPUTS
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "award_type",
                    "year",
                    "unit",
                    "person",
                    "bloc",
                    "event",
                    "proposal",
                    "achievements",
                    "achievement_report",
                    "bloc_votes_for",
                    "bloc_votes_total",
                    "is_historical",
                    "note",
                    "loaded_version",
                ]
            },
        ),
        ("Xử lý", {"fields": ["status", "rule_checks", "created_by", "created_at", "updated_at"]}),
    ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        for step in workflow.STEPS.values():
            if not offers_action(request, step.permission):
                actions.pop(f"workflow_{step.name}", None)
        return actions

    def revert_state_refusal(self, request, obj):
        # The refusal the save would give (services.save_draft): a dossier past the draft and
        # returned states shows its old versions read-only.
        return services.edit_refusal(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_editable:
            fields += [
                f
                for fs in self.fieldsets
                for f in fs[1]["fields"]
                if f not in fields and f != "loaded_version"
            ]
        return fields

    @admin.display(description="kiểm tra theo quy định")
    def rule_checks(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        rows = eligibility.check(obj)
        if not rows:
            return "Không có quy định áp dụng cho năm này."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong>: {} {}</li>",
                ((c.label, c.message, c.override_note) for c in rows),
            ),
        )

    def save_model(self, request, obj, form, change):
        # The form has validated the fields; the service checks who may prepare the dossier and
        # that nobody changed it since this page was loaded.
        if change and form.cleaned_data.get("loaded_version") is not None:
            obj.version = form.cleaned_data["loaded_version"]
        services.save_draft(obj, request.user)

    def has_delete_permission(self, request, obj=None):
        # Deleting a dossier would delete its log with it: a dossier is withdrawn, never deleted.
        return False


@admin.register(Transition)
class TransitionAdmin(ImmutableRecordMixin, LogAdminMixin, DossierScopeMixin, BaseAdmin):
    dossier_prefix = "nomination__"
    # Filters from the fields' choices: no DISTINCT over a million rows.
    list_display = ["nomination", "action", "from_status", "to_status", "actor", "at"]
    list_filter = ["action", "to_status"]
    list_select_related = [
        "nomination__award_type",
        "nomination__unit",
        "nomination__person",
        "actor",
    ]
    readonly_fields = ["nomination", "action", "from_status", "to_status", "actor", "at", "reason"]
    paginator = EstimatedCountPaginator
    # Newest first along the transition_at_order index. No date_hierarchy: over a million rows its
    # DISTINCT of the years costs more than the page.
    ordering = ["-at", "-pk"]

    def has_add_permission(self, request):
        # Written by the workflow services only: an empty form saved by hand was a server error.
        return False

    def get_queryset(self, request):
        # The nomination's __str__ names its unit as it was named in the nomination's year.
        return super().get_queryset(request).prefetch_related("nomination__unit__names")


class OverrideAdminForm(ServiceCheckedForm):
    checked_fields = ("nomination", "rule")

    def service_check(self):
        # record_override's refusals: an administrator, an open dossier, a rule judging it.
        services.check_override(self.instance.nomination, self.instance.rule, self.actor)


@admin.register(Override)
class OverrideAdmin(
    ImmutableRecordMixin, LogAdminMixin, DossierScopeMixin, ServiceErrorsMixin, BaseAdmin
):
    """Recorded through services.record_override (administrators only)."""

    dossier_prefix = "nomination__"
    list_display = ["nomination", "rule", "document_number", "document_date", "created_by"]
    list_select_related = ["nomination__award_type", "nomination__unit", "rule", "created_by"]
    autocomplete_fields = ["nomination"]
    form = OverrideAdminForm
    fields = [
        "nomination",
        "rule",
        "reason",
        "document_number",
        "document_date",
        "created_by",
        "created_at",
    ]
    readonly_fields = ["created_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.record_override(
            obj.nomination,
            obj.rule,
            request.user,
            obj.reason,
            document_number=obj.document_number,
            document_date=obj.document_date,
        )
        obj.pk = created.pk


class CouncilVoteAdminForm(ServiceCheckedForm):
    checked_fields = ("nomination",)

    def service_check(self):
        # record_council_vote's refusals: the dossier's reviewer, a dossier under review, the
        # sitting's date (left to its own field's error when it was not a date).
        vote = self.instance
        services.check_council_vote(vote.nomination, self.actor, vote.held_on)


@admin.register(CouncilVote)
class CouncilVoteAdmin(
    ImmutableRecordMixin, LogAdminMixin, DossierScopeMixin, ServiceErrorsMixin, BaseAdmin
):
    """Recorded through services.record_council_vote (reviewers, nominations under review)."""

    dossier_prefix = "nomination__"
    list_display = [
        "nomination",
        "held_on",
        "votes_for",
        "votes_against",
        "present",
        "council_size",
    ]
    list_select_related = ["nomination__award_type", "nomination__unit", "nomination__person"]
    list_filter = [year_filter("held_on", "năm họp")]
    autocomplete_fields = ["nomination"]
    form = CouncilVoteAdminForm
    readonly_fields = ["recorded_by", "recorded_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [f.name for f in CouncilVote._meta.fields if f.name != "id"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.record_council_vote(
            obj.nomination,
            request.user,
            held_on=obj.held_on,
            votes_for=obj.votes_for,
            votes_against=obj.votes_against,
            present=obj.present,
            council_size=obj.council_size,
            note=obj.note,
        )
        obj.pk = created.pk
