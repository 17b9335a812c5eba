"""Forms of the bloc leader's dashboard and the reviewers' actions. They collect input only: the
rules run in the model's clean() and in awards.services."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from blocs.models import Document
from thidua.form_fields import CalendarDateField, WholeNumberField, formfield_callback
from thidua.numbers import parse_int
from units.models import Unit, User

from .models import (
    RECIPIENT_XOR_MESSAGE,
    Award,
    AwardType,
    Decision,
    Nomination,
    Override,
    Rule,
    new_token,
)
from .permissions import assignable_reviewers, assignee_refusal

CONFIRM_LABEL = "Tôi xác nhận thực hiện thao tác này"


def max_length(model, name) -> int:
    """The length the column of `model.name` holds: a form field that stores its text there
    takes it from the model, so that the browser and the form never allow more than the
    record keeps."""
    return model._meta.get_field(name).max_length


def add_service_error(form, error: ValidationError):
    """Puts a service's ValidationError on the form: on its field when the form has it, else on
    the form itself (never a ValueError for a field the form does not show)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class TopErrorsMixin:
    """`top_errors()`: what the page shows above the fields (templates/awards/_form_errors.html):
    the non-field errors, then the errors of hidden fields (a missing or stale version, a missing
    one-time token), which have no visible field to stand by."""

    def top_errors(self) -> list[str]:
        hidden = [error for field in self.hidden_fields() for error in field.errors]
        return [*self.non_field_errors(), *hidden]


class ServiceErrorsMixin:
    def _update_errors(self, errors):
        # Model.clean() may name a field this form does not show (e.g. the year): show it on top.
        if hasattr(errors, "error_dict"):
            unknown = [
                f for f in errors.error_dict if f != NON_FIELD_ERRORS and f not in self.fields
            ]
            for field in unknown:
                errors.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(
                    errors.error_dict.pop(field)
                )
        super()._update_errors(errors)


VERSION_MESSAGES = {
    "required": "Biểu mẫu thiếu phiên bản hồ sơ: hãy tải lại trang rồi thực hiện lại.",
    "invalid": "Phiên bản hồ sơ không hợp lệ: hãy tải lại trang rồi thực hiện lại.",
}


def version_field():
    """The dossier's version when the form was loaded: the service refuses a stale one."""
    return forms.IntegerField(
        required=True, min_value=1, widget=forms.HiddenInput, error_messages=VERSION_MESSAGES
    )


class NominationForm(TopErrorsMixin, ServiceErrorsMixin, forms.ModelForm):
    """A dossier of the bloc for one year: recipient among the bloc's member units that year or
    the people working in them. Editing carries the dossier's version (a stale tab is refused);
    creating carries a one-time token (a second submit creates nothing)."""

    version = version_field()
    form_token = forms.CharField(
        required=True,
        max_length=64,
        widget=forms.HiddenInput,
        error_messages={"required": "Biểu mẫu thiếu mã gửi: hãy tải lại trang rồi lưu lại."},
    )

    class Meta:
        model = Nomination
        fields = [
            "award_type",
            "unit",
            "person",
            "achievements",
            "achievement_report",
            "bloc_votes_for",
            "bloc_votes_total",
        ]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 6})}
        # The vote counts read "1.000" as a thousand, as every form of the site does.
        formfield_callback = formfield_callback

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bloc, year = self.instance.bloc, self.instance.year
        self.fields["award_type"].queryset = AwardType.objects.filter(is_active=True)
        self.fields["unit"].queryset = Unit.objects.filter(
            pk__in=bloc.member_unit_ids(year)
        ).order_by("name")
        self.fields["unit"].help_text = "Đơn vị thành viên của khối trong năm."
        self.fields["person"].queryset = bloc.staff_of_members(year).order_by("full_name")
        self.fields["person"].help_text = "Cá nhân công tác tại một đơn vị thành viên trong năm."
        if self.instance.proposal_id:
            # Made from a proposal: the dossier states it (Nomination.check_same_as_proposal),
            # so what the proposal fixed is shown, not offered (a posted change is ignored).
            for name in ("award_type", "unit", "person"):
                self.fields[name].disabled = True
                self.fields[
                    name
                ].help_text = (
                    f"Theo đề xuất tại sự kiện «{self.instance.proposal.event}»; không sửa được."
                )
        if self.instance.pk:
            del self.fields["form_token"]
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            self.fields["form_token"].initial = new_token()

    def _update_errors(self, errors):
        # A unit or person the form refused already (not a member of the bloc that year) leaves
        # the recipient empty: the model's «exactly one recipient» would be a second, false error.
        refused = any(self._errors.get(f) for f in ("unit", "person")) if self._errors else False
        if refused and hasattr(errors, "error_dict") and "unit" in errors.error_dict:
            kept = [e for e in errors.error_dict["unit"] if RECIPIENT_XOR_MESSAGE not in e.messages]
            if kept:
                errors.error_dict["unit"] = kept
            else:
                del errors.error_dict["unit"]
            if not errors.error_dict:
                return
        super()._update_errors(errors)


class ConfirmForm(TopErrorsMixin, forms.Form):
    """A workflow step: an optional or required reason, an explicit confirmation, and the
    dossier's version when the page was loaded (a stale page is refused whatever changed)."""

    reason = forms.CharField(
        label="Lý do / ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    version = version_field()
    confirm = forms.BooleanField(
        label=CONFIRM_LABEL,
        error_messages={"required": "Cần đánh dấu ô xác nhận trước khi thực hiện."},
    )

    def __init__(self, *args, nomination=None, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.nomination = nomination
        if nomination is not None:
            self.fields["version"].initial = nomination.version
        else:  # a confirmation about something else (an event's proposals)
            del self.fields["version"]
        if reason_required:
            field = self.fields["reason"]
            field.required = True
            field.label = "Lý do (bắt buộc)"
            field.error_messages["required"] = "Cần ghi lý do cho thao tác này."

    def service_arguments(self) -> dict:
        """The keyword arguments of the step's service function (workflow.Step.perform)."""
        return {"reason": self.cleaned_data["reason"]}


class CouncilVoteForm(ConfirmForm):
    # A text input typed dd/mm/yyyy (templates/django/forms/widgets/date.html), never the
    # browser's date picker, which shows mm/dd/yyyy in an English browser.
    held_on = CalendarDateField(label="Ngày họp Hội đồng")
    votes_for = WholeNumberField(label="Số phiếu đồng ý", min_value=0)
    votes_against = WholeNumberField(label="Số phiếu không đồng ý", min_value=0, initial=0)
    present = WholeNumberField(label="Số thành viên có mặt", min_value=0)
    council_size = WholeNumberField(label="Tổng số thành viên Hội đồng", min_value=1)
    field_order = ["held_on", "votes_for", "votes_against", "present", "council_size", "reason"]

    def service_arguments(self):
        data = self.cleaned_data
        fields = ["held_on", "votes_for", "votes_against", "present", "council_size"]
        return {**{f: data[f] for f in fields}, "note": data["reason"]}


class DecisionForm(ConfirmForm):
    number = forms.CharField(
        label="Số, ký hiệu quyết định", max_length=max_length(Document, "number")
    )
    issued_on = CalendarDateField(label="Ngày ban hành")
    issuer = forms.CharField(
        label="Cấp quyết định",
        max_length=max_length(Document, "issuer"),
        required=False,
        help_text="Theo thẩm quyền của loại khen thưởng (để trống: theo thẩm quyền đó); sửa nếu "
        "quyết định do cấp khác ban hành.",
    )
    signer_name = forms.CharField(label="Người ký", max_length=max_length(Decision, "signer_name"))
    signer_title = forms.CharField(
        label="Chức vụ người ký", max_length=max_length(Decision, "signer_title"), required=False
    )
    prize_rank = forms.CharField(
        label="Hạng, mức (nếu có)", max_length=max_length(Award, "prize_rank"), required=False
    )
    field_order = [
        "number",
        "issued_on",
        "issuer",
        "signer_name",
        "signer_title",
        "prize_rank",
        "reason",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.nomination is not None:
            # The issuer and the signer's title follow the award's conferrer.
            conferrer = self.nomination.award_type.conferrer
            self.fields["issuer"].initial = conferrer
            self.fields["signer_title"].initial = conferrer

    def service_arguments(self):
        data = self.cleaned_data
        fields = ["number", "issued_on", "issuer", "signer_name", "signer_title", "prize_rank"]
        return {**{f: data[f] for f in fields}, "note": data["reason"]}


class OverrideForm(ConfirmForm):
    rule = forms.ModelChoiceField(label="Quy định", queryset=Rule.objects.none())
    document_number = forms.CharField(
        label="Số văn bản cho phép ngoại lệ", max_length=max_length(Override, "document_number")
    )
    document_date = CalendarDateField(label="Ngày văn bản")
    field_order = ["rule", "document_number", "document_date", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = Rule.objects.filter(is_active=True).order_by("name")

    def limit_rules(self, pks):
        self.fields["rule"].queryset = self.fields["rule"].queryset.filter(pk__in=pks)

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "rule": data["rule"],
            "reason": data["reason"],
            "document_number": data["document_number"],
            "document_date": data["document_date"],
        }


class AssignReviewerForm(ConfirmForm):
    """An administrator gives a conflicted dossier to a named reviewer of another unit."""

    reviewer = forms.ModelChoiceField(
        label="Người thẩm định được giao",
        queryset=User.objects.none(),
        help_text="Chỉ người thẩm định độc lập với hồ sơ: giữ vai trò thẩm định, không thuộc "
        "đơn vị được đề nghị khen thưởng, không thuộc đơn vị khối trưởng của khối đề nghị.",
        error_messages={
            "invalid_choice": "Người được chọn không thể được giao hồ sơ này: chỉ giao cho "
            "người thẩm định độc lập với hồ sơ (xem danh sách).",
            "required": "Cần chọn người thẩm định được giao.",
        },
    )
    field_order = ["reviewer", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same rule the service applies (permissions.assignee_refusal): only those offered.
        self.fields["reviewer"].queryset = assignable_reviewers(self.nomination)
        self.fields["reviewer"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.get_username()} – {u.unit}"
        )

    def clean(self):
        data = super().clean()
        # A user posted outside the choices (a forged or outdated form): say why not them.
        posted = parse_int(str(self.data.get("reviewer") or ""), low=1)
        if self.has_error("reviewer", "invalid_choice") and posted and self.nomination:
            user = User.objects.filter(pk=posted).select_related("unit").first()
            refused = assignee_refusal(user, self.nomination) if user else None
            if refused:
                self.errors["reviewer"] = self.error_class([refused])
        return data

    def service_arguments(self):
        return {"reviewer": self.cleaned_data["reviewer"], "reason": self.cleaned_data["reason"]}
