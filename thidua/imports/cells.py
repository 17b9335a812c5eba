"""Cell value parsers: each returns the value or raises CellError with a Vietnamese reason."""

import datetime
import re

from thidua.text import fold
from thidua.years import FIRST_DATE, FIRST_YEAR, LAST_YEAR, last_accepted_date

_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# A whole number as typed: plain digits, or groups of three after a dot or a space (the
# Vietnamese thousands separators: 1.000, 20 000). Anything else after a separator (12.5, 1,5)
# is a decimal, never silently read as a larger whole number.
_INTEGER_RE = re.compile(r"^-?(?:\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+)$")


class CellError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def text(value, max_length=None) -> str:
    if isinstance(value, bool):
        # A TRUE/FALSE cell (a ticked box, a formula's result) is never a name or a note.
        raise CellError(
            f"Ô chứa giá trị đúng/sai ({'TRUE' if value else 'FALSE'}) của Excel, không phải chữ; "
            "hãy ghi nội dung vào ô."
        )
    result = "" if value is None else str(value).strip()
    if max_length and len(result) > max_length:
        raise CellError(f"Dài {len(result)} ký tự, vượt giới hạn {max_length} ký tự.")
    return result


def integer(value, minimum=0) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raw = "" if isinstance(value, (bool, float)) else text(value)
        if not _INTEGER_RE.match(raw):
            raise CellError(f"«{value}» không phải là số nguyên.")
        number = int(raw.replace(".", "").replace(" ", ""))
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
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date typed into a cell formatted as a number shows (and is stored) as Excel's day
        # count: the fix is the cell's format, which the user can see and change.
        raise CellError(
            f"«{value}» là một số, không phải ngày: ô đang được định dạng là số. Hãy định dạng "
            "ô là ngày (Định dạng ô › Ngày) hoặc ghi theo dạng ngày/tháng/năm, ví dụ 18/12/2015."
        )
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
    wanted = fold(text(value))
    for member in choices:
        if wanted in (fold(member.label), fold(member.value)):
            return member.value
    labels = ", ".join(f"«{member.label}»" for member in choices)
    raise CellError(f"«{value}» không phải giá trị hợp lệ; chọn một trong: {labels}.")
