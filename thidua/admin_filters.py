"""Admin list filters shared by the apps."""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.db import models
from django.db.models import Max, Min

from .years import parse_year


def year_filter(field_path: str, title: str = "năm"):
    """A list filter by year, over a year (integer) or a date field, the field reached through
    relations if need be: every year from the first to the last of the rows the user may list
    (narrowed by the admin's `visible_rows(request, queryset)` where it has one), newest first.
    The bounds are a MIN and a MAX — two probes where an index leads with the field — so the
    sidebar costs the same whatever the table's size: listing the years with a DISTINCT reads
    every row (PostgreSQL has no loose index scan), about 100 ms over a million. Django's own
    date filter (“today, past 7 days…”) fits no record kept by year."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = field_path  # set per model below; SimpleListFilter wants one here

        def __init__(self, request, params, model, model_admin):
            field = get_fields_from_path(model, field_path)[-1]
            if isinstance(field, models.DateField):
                self.lookup = self.parameter_name = f"{field_path}__year"
            else:
                self.lookup, self.parameter_name = field_path, f"{field_path}__exact"
            super().__init__(request, params, model, model_admin)

        def lookups(self, request, model_admin):
            # The model's rows, not the admin's queryset: its annotations and their joins (an
            # award's prize reads its decision's document) would make MIN/MAX read every row.
            rows = model_admin.model._default_manager.all()
            if hasattr(model_admin, "visible_rows"):  # a list scoped to the user's rows
                rows = model_admin.visible_rows(request, rows)
            bounds = rows.aggregate(low=Min(field_path), high=Max(field_path))
            low, high = bounds["low"], bounds["high"]
            if low is None:
                return []
            low, high = getattr(low, "year", low), getattr(high, "year", high)
            return [(str(year), str(year)) for year in range(high, low - 1, -1)]

        def queryset(self, request, queryset):
            value = self.value()
            if not value:
                return queryset
            # Not a year the records can hold (0, 10000, '²'): no row is of that year.
            year = parse_year(value)
            return queryset.none() if year is None else queryset.filter(**{self.lookup: year})

    YearFilter.title = title
    return YearFilter
