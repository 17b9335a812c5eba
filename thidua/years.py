"""Year and period helpers shared by the apps."""

from datetime import UTC, date, datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from .numbers import parse_int

FIRST_YEAR = 1945
LAST_YEAR = 2100

year_validators = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class YearFilter(django_filters.NumberFilter):
    """A year in a list's filter (pages and API alike): a whole number from FIRST_YEAR to
    LAST_YEAR, never 2015.5 read as 2015."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class RangeFilterForm(forms.Form):
    """The form of a list's filter whose (start, end) field pairs in `ranges` (years or dates)
    may not be inverted: the end field is refused, naming both fields — «Đến năm» phải sau hoặc
    bằng «Từ năm» — on the pages and in the API alike, never an empty list without a word."""

    ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        data = super().clean()
        for start, end in self.ranges:
            first, last = data.get(start), data.get(end)
            if first is not None and last is not None and last < first:
                message = f"«{self[end].label}» phải sau hoặc bằng «{self[start].label}»."
                self.add_error(end, message)
        return data


def parse_year(text: str | None) -> int | None:
    """The year `text` writes, from FIRST_YEAR to LAST_YEAR, else None."""
    return parse_int(text, FIRST_YEAR, LAST_YEAR)


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


# --- Date ranges ---------------------------------------------------------------------------------
# Every date and time the system accepts lies between 01/01/FIRST_YEAR and the end of the year
# after the current one (a conference or decision is entered after it happens, or planned a year
# ahead at most). The database enforces the fixed outer bound LAST_YEAR; the models add the
# moving one. Without them a typed 01/01/0001 became a timestamp PostgreSQL could not read back.
FUTURE_YEARS = 1
FIRST_DATE = date(FIRST_YEAR, 1, 1)
LAST_DATE = date(LAST_YEAR, 12, 31)


def last_accepted_date() -> date:
    return date(min(current_year() + FUTURE_YEARS, LAST_YEAR), 12, 31)


@deconstructible
class DateRangeValidator:
    """A date or datetime between 01/01/FIRST_YEAR and the end of next year."""

    def __call__(self, value):
        if value is None:
            return
        day = value.date() if isinstance(value, datetime) else value
        last = last_accepted_date()
        if not FIRST_DATE <= day <= last:
            raise ValidationError(
                f"Ngày {day.day:02d}/{day.month:02d}/{day.year:04d} nằm ngoài khoảng cho phép: "
                f"từ {FIRST_DATE:%d/%m/%Y} đến {last:%d/%m/%Y}.",
                code="date_out_of_range",
            )

    def __eq__(self, other):
        return isinstance(other, DateRangeValidator)


date_validators = [DateRangeValidator()]


def date_range_constraints(prefix: str, *fields: str, times: tuple = ()) -> list:
    """Check constraints keeping each date (`fields`) or datetime (`times`) within the fixed
    bounds, so that no path (a bulk insert, a raw update) stores an unreadable date."""
    constraints = []
    bounds = [(name, FIRST_DATE, LAST_DATE) for name in fields] + [
        (name, FIRST_MOMENT, LAST_MOMENT) for name in times
    ]
    for name, first, last in bounds:
        constraints.append(
            models.CheckConstraint(
                condition=Q(**{f"{name}__isnull": True})
                | Q(**{f"{name}__gte": first, f"{name}__lte": last}),
                name=f"{prefix}_{name}_in_range",
                violation_error_message=(
                    f"Ngày phải trong khoảng {FIRST_DATE:%d/%m/%Y} – {LAST_DATE:%d/%m/%Y}."
                ),
            )
        )
    return constraints


FIRST_MOMENT = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
LAST_MOMENT = datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC)
