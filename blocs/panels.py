"""Page panels and search providers of this app (see thidua.panels)."""

from thidua.panels import Panel, SearchResults, register_panel, register_search

from . import queries


@register_panel("unit")
def unit_memberships(unit, request):
    """The unit page's memberships, year by year, under the name the unit bore each year."""
    return Panel(
        "blocs/panels/unit_memberships.html",
        {"members": queries.memberships_of_unit(unit)},
        order=10,
    )


@register_panel("person")
def person_representations(person, request):
    members = queries.represented_by(person)
    if not members:
        return None
    return Panel("blocs/panels/person_representations.html", {"members": members}, order=10)


@register_search
def search_blocs(query, request, limit):
    blocs, total = queries.search_blocs(query, limit)
    hits = [
        {"title": bloc.name, "url": bloc.get_absolute_url(), "detail": bloc.active_label}
        for bloc in blocs
    ]
    return SearchResults(label="Khối thi đua", hits=hits, total=total, order=10)
