"""Preview and confirm, the two steps every import goes through."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua import batch

from .history import recorded_as
from .reader import read_rows


class ImportBlocked(Exception):
    """Confirm refused: the plan still has errors or unconfirmed close matches."""

    def __init__(self, plan):
        super().__init__("Tệp còn lỗi hoặc tên gần đúng chưa được xác nhận; chưa ghi gì.")
        self.plan = plan


class WriteRefused(Exception):
    """A service refused a row while writing; everything was rolled back."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def preview(importer, data, filename, options, user, accepted=()):
    """The plan for the file: nothing is written. Raises reader.FileRefused for a bad file."""
    rows = read_rows(data, filename, importer.columns)
    with batch.reads():  # the rules' repeated reads once per file, not once per row
        return importer.plan(rows, options, user, set(accepted))


def change_reason(importer, filename):
    return f"Nhập từ Excel ({importer.title.lower()}): {filename}"[:100]


def confirm(importer, data, filename, options, user, accepted=()):
    """Writes every row of a clean plan, or none: one transaction. Returns the plan."""
    # One batch for the plan and the write: the rules' repeated reads once (see thidua.batch).
    with batch.reads():
        plan = preview(importer, data, filename, options, user, accepted)
        if plan.blocked:
            raise ImportBlocked(plan)
        try:
            with transaction.atomic(), recorded_as(change_reason(importer, filename), user):
                importer.write(plan, options, user)
        except ValidationError as exc:
            raise WriteRefused(" ".join(exc.messages)) from exc
    return plan


def row_errors(row, exc: ValidationError, columns_by_field=None) -> ValidationError:
    """A service's refusal of one row, prefixed with the row number for the user and, for a
    field named in `columns_by_field` (field name → Column), with the column."""
    by_field = columns_by_field or {}
    found = exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]
    messages = []
    for name, errors in found:
        column = by_field.get(name)
        where = f"Dòng {row.number}: «{column.header}»: " if column else f"Dòng {row.number}: "
        messages += [where + message for message in errors]
    return ValidationError(messages)
