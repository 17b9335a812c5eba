"""Page panels and search providers of this app (see thidua.panels)."""

from thidua.panels import Panel, register_panel, register_search, results_of

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
    found = queries.search_blocs(query, limit)
    return results_of("Khối thi đua", found, lambda bloc: bloc.active_label, order=10)
