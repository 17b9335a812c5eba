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
    found = [c for c in model._meta.constraints if c.name in text]
    if found:  # PostgreSQL names it (the longest name, should one hold another)
        return _message(max(found, key=lambda c: len(c.name)))
    failed = _sqlite_unique_columns(text)
    same_columns = [c for c in model._meta.constraints if failed and _columns(model, c) == failed]
    # Two partial constraints on the same columns (one leader, one deputy per bloc-year) can't
    # be told apart by their columns: the generic message then.
    return _message(same_columns[0]) if len(same_columns) == 1 else GENERIC


def _message(constraint) -> str:
    return constraint.get_violation_error_message().rstrip(".") + RACE_SUFFIX


_SQLITE_UNIQUE = "UNIQUE constraint failed: "


def _sqlite_unique_columns(text: str) -> set[str] | None:
    """SQLite names the columns, not the constraint: «UNIQUE constraint failed: t.a, t.b»."""
    if not text.startswith(_SQLITE_UNIQUE):
        return None
    return {part.strip().rpartition(".")[2] for part in text[len(_SQLITE_UNIQUE) :].split(",")}


def _columns(model, constraint) -> set[str] | None:
    fields = getattr(constraint, "fields", ())
    return {model._meta.get_field(name).column for name in fields} if fields else None


class IntegrityErrorAdminMixin:
    """An admin add/change form whose save loses a race to a parallel one shows the rule as an
    error message (the admin's own transaction has rolled back: nothing is half-saved)."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except IntegrityError as error:
            self.message_user(request, explain(self.model, error), messages.ERROR)
            return redirect(request.get_full_path())
