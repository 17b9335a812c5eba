"""Whole numbers read from a request: a query parameter, a posted id."""

import re

# The largest integer any column or OFFSET of the database can hold (PostgreSQL bigint).
BIGINT_MAX = 2**63 - 1
BIGINT_MIN = -(2**63)

# ASCII digits only: str.isdigit() also accepts '²', which int() refuses, and int() reads other
# scripts' digits ('٣') that no page writes.
_INTEGER = re.compile(r"(?P<sign>[+-]?)0*(?P<digits>[0-9]+)")


def is_integer(text: str) -> bool:
    """Does `text` write a whole number (surrounding spaces and a sign allowed), of any size?"""
    return _INTEGER.fullmatch(text.strip()) is not None


def parse_int(text: str | None, low: int = BIGINT_MIN, high: int = BIGINT_MAX) -> int | None:
    """The whole number `text` writes if it lies in [low, high], else None (not a number, or out
    of range). The digits are counted before int() reads them: it refuses over 4,300 digits."""
    match = _INTEGER.fullmatch((text or "").strip())
    if match is None:
        return None
    digits = match["digits"]
    if len(digits) > max(len(str(abs(low))), len(str(abs(high)))):
        return None
    value = int(match["sign"] + digits)
    return value if low <= value <= high else None
