"""Cell value parsers: each returns the value or raises CellError with a Vietnamese reason."""

import datetime
import re

from thidua.text import fold
from thidua.years import FIRST_DATE, FIRST_YEAR, LAST_YEAR, last_accepted_date

_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class CellError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def text(value, max_length=None) -> str:
    result = "" if value is None else str(value).strip()
    if max_length and len(result) > max_length:
        raise CellError(f"Dài {len(result)} ký tự, vượt giới hạn {max_length} ký tự.")
    return result


def integer(value, minimum=0) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raw = text(value).replace(".", "").replace(" ", "")
        if not raw.lstrip("-").isdigit():
            raise CellError(f"«{value}» không phải là số nguyên.")
        number = int(raw)
    if number < minimum:
        raise CellError(f"Phải là số từ {minimum} trở lên.")
    return number


def year(value) -> int:
    try:
        number = integer(value)
    except CellError as exc:
        raise CellError(f"«{value}» không phải là năm (ghi 4 chữ số, ví dụ 2015).") from exc
    if not FIRST_YEAR <= number <= LAST_YEAR:
        raise CellError(f"Năm {number} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}.")
    return number


def date(value) -> datetime.date:
    """A date cell, or a date typed as text dd/mm/yyyy (the Vietnamese order, never mm/dd),
    within the dates the system accepts (01/01/1945 to the end of next year)."""
    if isinstance(value, datetime.datetime):
        return _in_range(value.date())
    if isinstance(value, datetime.date):
        return _in_range(value)
    match = _DATE_RE.match(text(value))
    if not match:
        raise CellError(
            f"«{value}» không phải là ngày; ghi theo dạng ngày/tháng/năm, ví dụ 18/12/2015."
        )
    day, month, full_year = (int(part) for part in match.groups())
    try:
        typed = datetime.date(full_year, month, day)
    except ValueError as exc:
        raise CellError(f"Ngày «{value}» không có thật (ngày/tháng/năm).") from exc
    return _in_range(typed)


def _in_range(day: datetime.date) -> datetime.date:
    last = last_accepted_date()
    if not FIRST_DATE <= day <= last:
        raise CellError(
            f"Ngày {day.day:02d}/{day.month:02d}/{day.year:04d} nằm ngoài khoảng cho phép: "
            f"từ {FIRST_DATE:%d/%m/%Y} đến {last:%d/%m/%Y}."
        )
    return day


def choice(value, choices):
    """The value of a TextChoices member named by its label or its value (diacritics ignored)."""
    wanted = fold(value)
    for member in choices:
        if wanted in (fold(member.label), fold(member.value)):
            return member.value
    labels = ", ".join(f"«{member.label}»" for member in choices)
    raise CellError(f"«{value}» không phải giá trị hợp lệ; chọn một trong: {labels}.")
