"""Admin for the awards app. Workflow fields are read-only here: every workflow change is an admin
action (or a save) that calls awards.services, so the same permissions, states and legal rules
apply as on the staff pages."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from blocs.event_admin import EventAdmin
from thidua.admin import BaseAdmin, EstimatedCountPaginator, FoldedSearchMixin

from . import eligibility, services
from .models import (
    Award,
    AwardType,
    CouncilVote,
    Decision,
    DecisionKind,
    LegalRegime,
    Nomination,
    Override,
    Proposal,
    Rule,
    Transition,
)
from .permissions import visible_dossiers


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


class ServiceErrorsMixin:
    """A save refused by a service (permission, state, legal rule) is shown as a message, not a
    500; the transaction of the admin view rolls back, so nothing is half-saved."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except ValidationError as error:
            self.message_user(request, _errors(error), messages.ERROR)
            return redirect(request.get_full_path())


class RecipientSearchMixin(FoldedSearchMixin):
    """Diacritics-blind search over the recipient (unit or person)."""

    folded_search_field = ("unit__search_text", "person__search_text")
    search_fields = ["unit__search_text"]


class YearListFilter(admin.SimpleListFilter):
    """Years from MIN/MAX over the (year, …) index: a DISTINCT over a million rows costs ~100 ms
    on PostgreSQL (no loose index scan), the range two index probes."""

    title = "năm thành tích"
    parameter_name = "year__exact"

    def lookups(self, request, model_admin):
        bounds = model_admin.model.objects.aggregate(low=Min("year"), high=Max("year"))
        if bounds["low"] is None:
            return []
        return [(str(y), str(y)) for y in range(bounds["high"], bounds["low"] - 1, -1)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(year=int(value))
        return queryset


class DossierScopeMixin:
    """Lists only the dossiers (and their log, overrides and votes) the user may read: a bloc
    leader's staff see their bloc's, as on the dossier page (awards.permissions)."""

    dossier_prefix = ""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return visible_dossiers(request.user, qs, self.dossier_prefix)


class LargeTableAdminMixin:
    """Admin lists of the million-row tables: newest first along the (year, id) index."""

    paginator = EstimatedCountPaginator
    ordering = ["-year", "-pk"]

    def get_queryset(self, request):
        # __str__ names the unit as it was named in the record's year.
        return super().get_queryset(request).prefetch_related("unit__names")


# --- catalogue and legal data ---------------------------------------------------------------


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
class RuleAdmin(BaseAdmin):
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


# --- proposals at events ------------------------------------------------------------------------


class ProposalInline(admin.TabularInline):
    model = Proposal
    extra = 0
    fields = ["order", "award_type", "unit", "person", "note"]
    autocomplete_fields = ["unit", "person"]


@admin.action(description="Lập hồ sơ đề nghị từ các đề xuất của sự kiện")
def make_nominations(modeladmin, request, queryset):
    total = 0
    for event in queryset.select_related("bloc"):
        try:
            total += len(services.nominations_from_event(event, request.user))
        except ValidationError as error:
            modeladmin.message_user(request, _errors(error), messages.ERROR)
    modeladmin.message_user(request, f"Đã lập {total} hồ sơ đề nghị (dự thảo).", messages.SUCCESS)


# The events helper keeps EventAdmin.inlines/actions plain lists; extend, never replace.
EventAdmin.inlines = [*EventAdmin.inlines, ProposalInline]
EventAdmin.actions = [*(EventAdmin.actions or []), make_nominations]


@admin.register(Proposal)
class ProposalAdmin(RecipientSearchMixin, BaseAdmin):
    list_display = ["__str__", "event", "award_type", "order", "has_nomination"]
    list_filter = ["award_type", "event__bloc", "event__period_end"]
    list_select_related = ["event", "award_type", "unit", "person", "nomination"]
    autocomplete_fields = ["event", "unit", "person"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("unit__names")

    @admin.display(description="đã lập hồ sơ", boolean=True)
    def has_nomination(self, obj):
        return hasattr(obj, "nomination")


# --- nominations ----------------------------------------------------------------------------------


class WorkflowActionForm(admin.helpers.ActionForm):
    """The workflow actions' extra inputs. The decision is typed by its number (ID) or picked in
    the decisions' own list (a raw-id lookup): a dropdown would load every decision on every
    list page."""

    reason = forms.CharField(label="Lý do / ghi chú", required=False)
    decision = forms.ModelChoiceField(
        label="Quyết định (số ID)",
        queryset=Decision.objects.select_related("document"),
        required=False,
        # The action form has no auto ids: the lookup popup fills the input by this id.
        widget=ForeignKeyRawIdWidget(
            Award._meta.get_field("decision").remote_field, admin.site, attrs={"id": "id_decision"}
        ),
    )


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
    fields = readonly_fields = ["rule", "reason", "created_by", "created_at"]


def _workflow_action(name, description, *, decision=False):
    def action(modeladmin, request, queryset):
        reason = request.POST.get("reason", "")
        chosen = None
        if decision:
            pk = request.POST.get("decision")
            chosen = (
                Decision.objects.filter(pk=pk).select_related("document").first() if pk else None
            )
            if chosen is None:
                modeladmin.message_user(
                    request, "Chọn quyết định khen thưởng trong ô «Quyết định».", messages.ERROR
                )
                return
        done = 0
        for nomination in queryset.select_related("award_type"):
            try:
                if name == "grant":
                    services.grant(nomination, request.user, chosen)
                else:
                    getattr(services, "return_" if name == "return" else name)(
                        nomination, request.user, reason
                    )
                done += 1
            except ValidationError as error:
                modeladmin.message_user(
                    request, f"«{nomination}»: {_errors(error)}", messages.ERROR
                )
        if done:
            modeladmin.message_user(request, f"{description}: {done} hồ sơ.", messages.SUCCESS)

    action.__name__ = f"workflow_{name}"
    return admin.action(description=description)(action)


@admin.register(Nomination)
class NominationAdmin(
    DossierScopeMixin, LargeTableAdminMixin, ServiceErrorsMixin, RecipientSearchMixin, BaseAdmin
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
    list_filter = ["status", YearListFilter, "award_type", "is_historical", "bloc"]
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
    action_form = WorkflowActionForm
    actions = [
        _workflow_action("submit", "Gửi hồ sơ"),
        _workflow_action("withdraw", "Rút hồ sơ (ghi lý do)"),
        _workflow_action("start_review", "Bắt đầu thẩm định"),
        _workflow_action("return", "Trả lại hồ sơ (ghi lý do)"),
        _workflow_action("recommend", "Đề nghị khen thưởng"),
        _workflow_action("reject", "Không đề nghị (ghi lý do)"),
        _workflow_action("forward", "Trình cấp trên"),
        _workflow_action("grant", "Ghi quyết định khen thưởng (chọn quyết định)", decision=True),
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
                ]
            },
        ),
        ("Xử lý", {"fields": ["status", "rule_checks", "created_by", "created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_editable:
            fields += [f for fs in self.fieldsets for f in fs[1]["fields"] if f not in fields]
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
        # The form has validated the fields; the service checks who may prepare the dossier.
        services.save_draft(obj, request.user)


@admin.register(Transition)
class TransitionAdmin(DossierScopeMixin, BaseAdmin):
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

    def get_queryset(self, request):
        # The nomination's __str__ names its unit as it was named in the nomination's year.
        return super().get_queryset(request).prefetch_related("nomination__unit__names")


@admin.register(Override)
class OverrideAdmin(DossierScopeMixin, ServiceErrorsMixin, BaseAdmin):
    """Recorded through services.record_override (administrators only)."""

    dossier_prefix = "nomination__"
    list_display = ["nomination", "rule", "created_by", "created_at"]
    list_select_related = ["nomination__award_type", "nomination__unit", "rule", "created_by"]
    autocomplete_fields = ["nomination"]
    fields = ["nomination", "rule", "reason", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.record_override(obj.nomination, obj.rule, request.user, obj.reason)
        obj.pk = created.pk


@admin.register(CouncilVote)
class CouncilVoteAdmin(DossierScopeMixin, ServiceErrorsMixin, BaseAdmin):
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
    autocomplete_fields = ["nomination"]
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


# --- decisions and awards ------------------------------------------------------------------


AWARDS_SHOWN = 20


@admin.register(Decision)
class DecisionAdmin(FoldedSearchMixin, BaseAdmin):
    folded_search_field = "document__search_text"
    list_display = ["document", "kind", "signer_label", "is_published"]
    list_filter = ["kind", "is_published"]
    list_select_related = ["document"]
    autocomplete_fields = ["document", "signer"]
    readonly_fields = ["awards_summary"]

    @admin.display(description="người ký")
    def signer_label(self, obj):
        return obj.signer_label

    @admin.display(description="khen thưởng theo quyết định")
    def awards_summary(self, obj):
        # A decision may grant thousands of awards: the first ones here, all of them in the
        # awards list filtered by the decision (paginated), instead of an inline of every row.
        if obj is None or obj.pk is None:
            return "–"
        if obj.kind == DecisionKind.REVOKE:
            label, related, lookup = "Thu hồi", obj.revoked_awards, "revoked_by__id__exact"
        else:
            label, related, lookup = "Khen thưởng", obj.awards, "decision__id__exact"
        total = related.count()
        if not total:
            return "Chưa có khen thưởng nào theo quyết định này."
        awards = (
            related.select_related("award_type", "unit", "person")
            .prefetch_related("unit__names")
            .order_by("year", "pk")[:AWARDS_SHOWN]  # along the award_decision_order index
        )
        url = f"{reverse('admin:awards_award_changelist')}?{lookup}={obj.pk}"
        return format_html(
            '<p>{}: {} — <a href="{}">xem danh sách</a></p><ul>{}</ul>',
            label,
            total,
            url,
            format_html_join("", "<li>{}</li>", ((str(a),) for a in awards)),
        )


@admin.action(description="Thu hồi khen thưởng (chọn quyết định thu hồi, ghi lý do)")
def revoke_awards(modeladmin, request, queryset):
    pk = request.POST.get("decision")
    decision = Decision.objects.filter(pk=pk, kind=DecisionKind.REVOKE).first() if pk else None
    if decision is None:
        modeladmin.message_user(
            request, "Chọn một quyết định thu hồi trong ô «Quyết định».", messages.ERROR
        )
        return
    done = 0
    for award in queryset:
        try:
            services.revoke(award, request.user, request.POST.get("reason", ""), decision=decision)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"«{award}»: {_errors(error)}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"Đã thu hồi {done} khen thưởng.", messages.SUCCESS)


@admin.register(Award)
class AwardAdmin(LargeTableAdminMixin, ServiceErrorsMixin, RecipientSearchMixin, BaseAdmin):
    list_display = ["__str__", "year", "award_type", "decision", "is_historical", "revoked"]
    list_filter = [
        YearListFilter,
        "award_type",
        "is_historical",
        ("revoked_by", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["award_type", "unit", "person", "decision__document"]
    autocomplete_fields = ["unit", "person", "bloc", "decision"]
    readonly_fields = ["nomination", "revoked_by", "revocation_reason", "revoked_at"]
    action_form = WorkflowActionForm
    actions = [revoke_awards]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.nomination_id:
            # Granted through the workflow: the record is the decision's, not editable here.
            return [f.name for f in Award._meta.fields if f.name != "id"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            # A past year's award entered directly from a decision: data entry, no workflow.
            try:
                created = services.record_historical_awards(
                    request.user,
                    [
                        {
                            "award_type": obj.award_type,
                            "year": obj.year,
                            "unit": obj.unit,
                            "person": obj.person,
                            "bloc": obj.bloc,
                            "prize_rank": obj.prize_rank,
                            "note": obj.note,
                        }
                    ],
                    document=obj.decision.document,
                )
            except ValidationError as error:
                raise ValidationError(_errors(error)) from error
            obj.pk = created[0].pk
            return
        super().save_model(request, obj, form, change)

    @admin.display(description="đã thu hồi", boolean=True)
    def revoked(self, obj):
        return obj.revoked_by_id is not None
