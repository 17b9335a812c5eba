"""Unique violations under parallel requests, explained instead of a 500.

Two requests may both pass a form's uniqueness check and then both insert: the database refuses
the second (IntegrityError). Its message names the constraint (PostgreSQL); the model's
constraint carries the Vietnamese explanation. Imports no app.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect

RACE_SUFFIX = " (một người khác vừa lưu bản ghi đó; nội dung bạn gửi chưa được lưu)."
GENERIC = (
    "Dữ liệu trùng với một bản ghi vừa được lưu cùng lúc; nội dung bạn gửi chưa được lưu. "
    "Hãy tải lại trang, kiểm tra rồi nhập lại."
)


def explain(model, error: IntegrityError) -> str:
    """The Vietnamese message of the constraint `error` violates, or a generic one."""
    text = str(error)
    for constraint in model._meta.constraints:
        if constraint.name in text:
            return constraint.get_violation_error_message().rstrip(".") + RACE_SUFFIX
    return GENERIC


class IntegrityErrorAdminMixin:
    """An admin add/change form whose save loses a race to a parallel one shows the rule as an
    error message (the admin's own transaction has rolled back: nothing is half-saved)."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except IntegrityError as error:
            self.message_user(request, explain(self.model, error), messages.ERROR)
            return redirect(request.get_full_path())
