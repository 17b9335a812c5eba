"""Year and period helpers shared by the apps."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

FIRST_YEAR = 1945
LAST_YEAR = 2100

year_validators = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


def current_year() -> int:
    return timezone.localdate().year


def period_label(start: int | None, end: int | None) -> str:
    if start and end and end != start:
        return f"{start}–{end}"
    if start and not end:
        return f"từ {start}"
    if end and not start:
        return f"đến {end}"
    return str(start or "")


def in_period(year: int, start: int | None, end: int | None) -> bool:
    """Does `year` lie in [start, end]? Either bound may be open (None)."""
    return (not start or year >= start) and (not end or year <= end)


def check_within(year, start, end, *, field, label):
    """Raise a field error when `year` falls outside [start, end] (either bound may be open)."""
    if year is None:
        return
    if not in_period(year, start, end):
        raise ValidationError(
            {
                field: f"Năm {year} nằm ngoài thời gian hoạt động của {label} ({period_label(start, end) or '?'})."
            }
        )
