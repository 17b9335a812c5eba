"""Admin of decisions and the awards they grant or revoke."""

import copy

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from thidua.admin import BaseAdmin, FoldedSearchMixin
from thidua.admin_filters import year_filter
from thidua.admin_forms import KeepContextOnAddAnotherMixin
from thidua.numbers import parse_int

from .. import services
from ..models import Award, Decision, DecisionKind
from ..permissions import can
from .common import (
    LargeTableAdminMixin,
    RecipientSearchMixin,
    ServiceCheckedForm,
    ServiceErrorsMixin,
    WorkflowActionForm,
    error_text,
    offers_action,
)

AWARDS_SHOWN = 20


@admin.register(Decision)
class DecisionAdmin(KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin):
    add_another_context = ["kind", "signer"]
    folded_search_field = "document__search_text"
    list_display = ["document", "kind", "signer_label", "is_published", "public_page"]
    list_filter = ["kind", "is_published"]
    list_select_related = ["document"]
    autocomplete_fields = ["document", "signer"]
    readonly_fields = ["awards_summary"]

    fieldsets = [
        (
            None,
            {
                "fields": ["document", "kind", ("signer_name", "signer_title"), "signer"],
                "description": "Hiển thị công khai (khi «công khai» được chọn): số, ngày, cơ "
                "quan ban hành, người ký và chức vụ, danh sách khen thưởng theo số thứ tự.",
            },
        ),
        ("Công khai", {"fields": ["is_published", "note", "awards_summary"]}),
    ]

    @admin.display(description="người ký")
    def signer_label(self, obj):
        return obj.signer_label

    @admin.display(description="trang công khai")
    def public_page(self, obj):
        if not obj.is_published:
            return "–"
        return format_html('<a href="{}">Xem</a>', obj.get_absolute_url())

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


class RevokeActionForm(WorkflowActionForm):
    """The awards list's action bar: the revoking decision is either one already recorded
    (its ID, «Quyết định (mã số)») or typed by its number and date, recorded then as a
    «Quyết định» as the grant step records its own — a reviewer, who adds no documents in the
    admin, enters the real decision instead of picking some other document. The typed inputs are
    plain text here, the ID too (input Django cannot read would make it drop the whole action as
    «no action selected»): the action reads them (RevokeInputs), naming what is wrong."""

    reviewer = None
    # The ID as typed (same lookup widget): an unknown ID is named by the action, not dropped.
    decision = forms.CharField(
        label=WorkflowActionForm.base_fields["decision"].label,
        required=False,
        widget=WorkflowActionForm.base_fields["decision"].widget,
    )
    revoke_number = forms.CharField(label="hoặc số quyết định thu hồi", required=False)
    revoke_issued_on = forms.CharField(
        label="ngày ban hành", required=False, widget=forms.DateInput
    )


class RevokeInputs(forms.Form):
    number = forms.CharField(label="Số quyết định thu hồi", required=False)
    issued_on = forms.DateField(label="Ngày ban hành quyết định thu hồi", required=False)

    def __init__(self, data):
        super().__init__(
            {"number": data.get("revoke_number", ""), "issued_on": data.get("revoke_issued_on", "")}
        )


REVOKE_DECISION_MISSING = (
    "Chọn quyết định thu hồi đã ghi trong ô «Quyết định (mã số)», hoặc ghi số và ngày ban hành "
    "của quyết định thu hồi."
)


def _revoking(request):
    """(the arguments of services.revoke naming the revoking decision, or None; the refusal)."""
    pk = request.POST.get("decision") or ""
    inputs = RevokeInputs(request.POST)
    typed = bool(inputs.data["number"].strip() or inputs.data["issued_on"].strip())
    if pk and typed:
        return None, (
            "Chọn một quyết định thu hồi đã ghi hoặc ghi số, ngày của quyết định thu hồi mới, "
            "không cả hai."
        )
    if pk:
        number = parse_int(pk.strip(), low=1)
        decision = (
            Decision.objects.select_related("document").filter(pk=number).first()
            if number
            else None
        )
        if decision is None or decision.kind != DecisionKind.REVOKE:
            return None, f"Mã số {pk} không phải một quyết định thu hồi. {REVOKE_DECISION_MISSING}"
        return {"decision": decision}, None
    if not typed:
        return None, REVOKE_DECISION_MISSING
    if not inputs.is_valid():
        return None, " ".join(
            f"«{inputs.fields[name].label}»: {' '.join(errors)}"
            for name, errors in inputs.errors.items()
        )
    number, issued_on = inputs.cleaned_data["number"].strip(), inputs.cleaned_data["issued_on"]
    if not number or issued_on is None:
        missing = "số" if not number else "ngày ban hành"
        return None, f"Ghi cả {missing} của quyết định thu hồi. {REVOKE_DECISION_MISSING}"
    return {"number": number, "issued_on": issued_on}, None


def _revoke_error(error: ValidationError) -> str:
    """A refusal of services.revoke; one about the typed number or date (the document it
    records) names that input."""
    if not hasattr(error, "error_dict"):
        return error_text(error)
    parts = []
    for name, items in error.error_dict.items():
        text = " ".join(ValidationError(items).messages)
        field = RevokeInputs.base_fields.get(name)
        parts.append(f"«{field.label}»: {text}" if field is not None else text)
    return " ".join(parts)


@admin.action(description="Thu hồi khen thưởng (chọn hoặc ghi quyết định thu hồi, ghi lý do)")
def revoke_awards(modeladmin, request, queryset):
    revoking, refusal = _revoking(request)
    if refusal:
        modeladmin.message_user(request, refusal, messages.ERROR)
        return
    done = 0
    for award in queryset:
        try:
            services.revoke(award, request.user, request.POST.get("reason", ""), **revoking)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"«{award}»: {_revoke_error(error)}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"Đã thu hồi {done} khen thưởng.", messages.SUCCESS)


class AwardAdminForm(ServiceCheckedForm):
    """An award entered (services.record_historical_awards) or corrected
    (services.correct_award) here: their refusals asked while validating."""

    checked_fields = ("decision", "unit", "person")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The award as saved, before the form writes what was typed onto the instance: a
        # correction is judged from it.
        self.original = None
        if self.instance.pk:
            self.original = getattr(self.instance, "saved_copy", None) or copy.copy(self.instance)

    def service_check(self):
        award = self.instance
        if self.original is not None:
            services.check_award_correction(award, self.actor, self.original)
            return
        if award.decision_id:
            services.check_historical_award(self.actor, award)
        else:
            services.check_award_entry(self.actor, award, "nhập")


@admin.register(Award)
class AwardAdmin(
    KeepContextOnAddAnotherMixin,
    LargeTableAdminMixin,
    ServiceErrorsMixin,
    RecipientSearchMixin,
    BaseAdmin,
):
    """Awards come from decisions on reviewed nominations (the nominations' actions); entered here
    only as historical records (services.record_historical_awards), corrected through
    services.correct_award, revoked by the action, never deleted nor reverted."""

    # The awards of one decision are entered one after another: only the recipient changes.
    add_another_context = ["decision", "award_type", "year", "bloc", "prize_rank", "source"]
    list_display = [
        *["__str__", "year", "award_type", "decision", "ordinal", "prize_display"],
        *["is_historical", "revoked"],
    ]
    list_filter = [
        year_filter("year", "năm thành tích"),
        "award_type",
        "is_historical",
        ("revoked_by", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["award_type", "unit", "person", "decision__document"]
    autocomplete_fields = ["unit", "person", "bloc", "decision", "honour"]
    readonly_fields = [
        "nomination",
        "prize_display",
        "revoked_by",
        "revocation_reason",
        "revoked_at",
    ]
    form = AwardAdminForm
    action_form = RevokeActionForm
    actions = [revoke_awards]
    history_revert = False
    history_revert_refusal = (
        "khen thưởng chỉ thay đổi theo quyết định (ghi quyết định, thu hồi) hoặc sửa trực tiếp "
        "với khen thưởng lịch sử."
    )
    history_restore = False
    delete_refusal_message = (
        "khen thưởng đã quyết định là hồ sơ lịch sử, không bị xóa; hãy dùng thao tác «Thu hồi "
        "khen thưởng» với quyết định thu hồi."
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_prize()

    def get_actions(self, request):
        # «Thu hồi» is offered only to those who may revoke an award (the reviewing body).
        actions = super().get_actions(request)
        if not offers_action(request, "awards.revoke_award"):
            actions.pop("revoke_awards", None)
        return actions

    @admin.display(description="tiền thưởng")
    def prize_display(self, obj):
        return obj.prize_label or "—"

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.nomination_id:
            # Granted through the workflow: the record is the decision's, not editable here.
            return [f.name for f in Award._meta.fields if f.name not in ("id", "note")] + [
                "prize_display"
            ]
        if obj is not None:
            return [*self.readonly_fields, "is_historical"]
        return self.readonly_fields

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            # The form writes what was typed onto `obj`; a refused edit (e.g. to one's own
            # unit) re-renders the page, still editable: its permission is the saved award's.
            obj.saved_copy = copy.copy(obj)
        return obj

    def has_change_permission(self, request, obj=None):
        saved = getattr(obj, "saved_copy", obj)
        if saved is not None and not can(request.user, "awards.enter_historical_award", saved):
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            services.correct_award(obj, request.user)
            return
        # A past award entered directly from a decision: data entry, no workflow.
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
                    "is_historical": obj.is_historical,
                    "source": obj.source,
                    "ordinal": obj.ordinal,
                    "honour": obj.honour,
                }
            ],
            document=obj.decision.document,
        )
        obj.pk = created[0].pk

    @admin.display(description="đã thu hồi", boolean=True)
    def revoked(self, obj):
        return obj.revoked_by_id is not None
