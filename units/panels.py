"""Page panels and search providers of this app (see thidua.panels)."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from thidua.panels import register_search, results_of

from . import queries


def unit_detail(unit):
    return ", ".join(filter(None, [unit.get_kind_display(), unit.parent and unit.parent.name]))


def person_detail(person):
    return "; ".join(f"{p.title}, {p.unit.name} ({p.years_label})" for p in person.positions.all())


def list_url(route: str, query: str) -> str:
    """The public list at `route` filtered by the same search as the site search's group (every
    match, paginated); "" where the list is not installed."""
    try:
        return f"{reverse(route)}?{urlencode({'q': query})}"
    except NoReverseMatch:
        return ""


@register_search
def search_units(query, request, limit):
    found = queries.search_units(query, limit)
    more_url = list_url("units:list", query)
    return results_of("Đơn vị", found, unit_detail, order=20, more_url=more_url, noun="đơn vị")


@register_search
def search_people(query, request, limit):
    found = queries.search_people(query, limit)
    more_url = list_url("units:people", query)
    return results_of("Cá nhân", found, person_detail, order=30, more_url=more_url, noun="cá nhân")
