"""Admin list filters shared by the apps."""

from django.contrib import admin


def year_filter(field_name: str, title: str = "năm"):
    """A list filter by the year of a date field: the years on record, newest first — instead of
    Django's date filter (“any date, today, past 7 days…”), which fits no record kept by year."""

    class YearOfDateFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}__year"

        def lookups(self, request, model_admin):
            dates = model_admin.get_queryset(request).dates(field_name, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in dates]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field_name}__year": int(value)})
            return queryset

    YearOfDateFilter.title = title
    return YearOfDateFilter
