"""Forms of the bloc leader's dashboard and the reviewers' actions. They collect input only: the
rules run in the model's clean() and in awards.services."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from units.models import Unit

from .models import AwardType, Nomination, Rule

CONFIRM_LABEL = "Tôi xác nhận thực hiện thao tác này"


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


class NominationForm(ServiceErrorsMixin, forms.ModelForm):
    """A dossier of the bloc for one year: recipient among the bloc's member units that year or
    the people working in them."""

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


class ConfirmForm(forms.Form):
    """A workflow step: an optional or required reason and an explicit confirmation."""

    reason = forms.CharField(
        label="Lý do / ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    seen_status = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=CONFIRM_LABEL,
        error_messages={"required": "Cần đánh dấu ô xác nhận trước khi thực hiện."},
    )

    def __init__(self, *args, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        if reason_required:
            field = self.fields["reason"]
            field.required = True
            field.label = "Lý do (bắt buộc)"
            field.error_messages["required"] = "Cần ghi lý do cho thao tác này."


class CouncilVoteForm(ConfirmForm):
    held_on = forms.DateField(
        label="Ngày họp Hội đồng", widget=forms.DateInput(attrs={"type": "date"})
    )
    votes_for = forms.IntegerField(label="Số phiếu đồng ý", min_value=0)
    votes_against = forms.IntegerField(label="Số phiếu không đồng ý", min_value=0, initial=0)
    present = forms.IntegerField(label="Số thành viên có mặt", min_value=0)
    council_size = forms.IntegerField(label="Tổng số thành viên Hội đồng", min_value=1)
    field_order = ["held_on", "votes_for", "votes_against", "present", "council_size", "reason"]


class DecisionForm(ConfirmForm):
    number = forms.CharField(label="Số, ký hiệu quyết định", max_length=100)
    issued_on = forms.DateField(
        label="Ngày ban hành", widget=forms.DateInput(attrs={"type": "date"})
    )
    signer_name = forms.CharField(label="Người ký", max_length=150)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=150, required=False)
    prize_rank = forms.CharField(label="Hạng, mức (nếu có)", max_length=100, required=False)
    field_order = ["number", "issued_on", "signer_name", "signer_title", "prize_rank", "reason"]


class OverrideForm(ConfirmForm):
    rule = forms.ModelChoiceField(label="Quy định", queryset=Rule.objects.none())
    document_number = forms.CharField(label="Số văn bản cho phép ngoại lệ", max_length=100)
    document_date = forms.DateField(
        label="Ngày văn bản", widget=forms.DateInput(attrs={"type": "date"})
    )
    field_order = ["rule", "document_number", "document_date", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = Rule.objects.filter(is_active=True).order_by("name")

    def limit_rules(self, pks):
        self.fields["rule"].queryset = self.fields["rule"].queryset.filter(pk__in=pks)
