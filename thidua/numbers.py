"""Numbers read from a request: a query parameter, a posted id, a number typed in a form.

Forms read numbers the Vietnamese way (thidua/formats/vi): a dot groups thousands (1.000) and a
comma marks the decimals (1,5). The form fields themselves are in thidua/form_fields.py."""

import re
from decimal import Decimal

# The largest integer any column or OFFSET of the database can hold (PostgreSQL bigint).
BIGINT_MAX = 2**63 - 1
BIGINT_MIN = -(2**63)

# ASCII digits only: str.isdigit() also accepts '²', which int() refuses, and int() reads other
# scripts' digits ('٣') that no page writes.
_INTEGER = re.compile(r"(?P<sign>[+-]?)0*(?P<digits>[0-9]+)")
# Thousands grouped with dots: a first group of one to three digits (no leading zero), then groups
# of exactly three — 1.000, 12.500, 1.000.000. "1.5" or "15.00" are not groupings: a whole-number
# field refuses them instead of guessing (Django's IntegerField read "1.000" as 1).
_GROUPED_DIGITS = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
_GROUPED_INTEGER = re.compile(rf"(?P<sign>[+-]?)(?P<digits>{_GROUPED_DIGITS})")
# A decimal with the Vietnamese comma, its whole part plain or grouped: 1,5 and 1.250,5.
_DECIMAL_COMMA = re.compile(rf"(?P<sign>[+-]?)(?P<whole>[0-9]+|{_GROUPED_DIGITS}),(?P<part>[0-9]+)")
# A decimal with one dot: 1.5, 15.00 — read as Django's sanitize_separators reads it, unless it
# could group thousands (checked in parse_decimal).
_DECIMAL_POINT = re.compile(r"(?P<sign>[+-]?)(?P<whole>[0-9]+)\.(?P<part>[0-9]+)")


def is_integer(text: str) -> bool:
    """Does `text` write a whole number (surrounding spaces and a sign allowed), of any size?"""
    return _INTEGER.fullmatch(text.strip()) is not None


def parse_int(
    text: str | None, low: int = BIGINT_MIN, high: int = BIGINT_MAX, *, grouped: bool = False
) -> int | None:
    """The whole number `text` writes if it lies in [low, high], else None (not a number, or out
    of range). `grouped`: thousands may be grouped with dots (1.000), as people type them in a
    form; a query string's number never is. The digits are counted before int() reads them: it
    refuses over 4,300 digits."""
    text = (text or "").strip()
    match = _INTEGER.fullmatch(text) or (grouped and _GROUPED_INTEGER.fullmatch(text))
    if not match:
        return None
    digits = match["digits"].replace(".", "")
    if len(digits) > max(len(str(abs(low))), len(str(abs(high)))):
        return None
    value = int(match["sign"] + digits)
    return value if low <= value <= high else None


def parse_decimal(text: str | None) -> Decimal | None:
    """The number `text` writes as a person types it in a form, else None: plain (15), grouped
    (1.250 is 1250), with a decimal comma (1,5; 1.250,5) or with a single dot that cannot group
    thousands (1.5). Any other use of dots and commas is refused, never guessed."""
    text = (text or "").strip()
    match = _INTEGER.fullmatch(text) or _GROUPED_INTEGER.fullmatch(text)
    if match:
        whole, part = match["digits"], ""
    else:
        match = _DECIMAL_COMMA.fullmatch(text) or _DECIMAL_POINT.fullmatch(text)
        if not match:
            return None
        whole, part = match["whole"], match["part"]
        # "01.000" or "1234.567": a dot before exactly three digits groups thousands, and these
        # group them wrongly — refused rather than read as 1.0 or 1234.567. "0.250" is a decimal.
        if "," not in text and len(part) == 3 and whole.strip("0"):
            return None
    return Decimal(f"{match['sign']}{whole.replace('.', '')}" + (f".{part}" if part else ""))


def page_number(text: str | None) -> int:
    """The page a list's query string asks for (?page=, ?trang=): 1 when it is absent, not a
    whole number, zero or negative. A page past the last is the paginator's to answer (every
    list shows its last page then); a number beyond bigint never gets here (the site's 404,
    thidua.middleware)."""
    value = parse_int(text)
    return value if value is not None and value > 0 else 1
