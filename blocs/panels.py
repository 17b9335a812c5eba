"""Page panels and search providers of this app (see thidua.panels)."""

from thidua.collation import vi_order
from thidua.panels import (
    Panel,
    SearchResults,
    capped,
    register_panel,
    register_search,
    results_of,
)
from thidua.search import exact_first

from . import queries
from .models import Bloc


@register_panel("unit")
def unit_memberships(unit, request):
    """The unit page's memberships, year by year, under the name the unit bore each year."""
    return Panel(
        "blocs/panels/unit_memberships.html",
        {"members": queries.memberships_of_unit(unit)},
        order=10,
    )


@register_panel("unit")
def unit_organised_blocs(unit, request):
    """The blocs the unit organises (a ministry, or the central council's inter-ministry blocs)."""
    blocs = list(queries.blocs_organised_by(unit))
    if not blocs:
        return None
    return Panel("blocs/panels/unit_organised_blocs.html", {"blocs": blocs}, order=5)


@register_panel("person")
def person_representations(person, request):
    members = queries.represented_by(person)
    if not members:
        return None
    return Panel("blocs/panels/person_representations.html", {"members": members}, order=10)


@register_search
def search_blocs(query, request, limit):
    """Blocs matching `query`: those holding the words typed with diacritics as typed first."""
    qs = Bloc.objects.search(query).order_by(*exact_first(query, ["name"]), vi_order("name"), "pk")
    found = capped(qs, limit)
    return results_of("Khối thi đua", found, lambda bloc: bloc.active_label, order=10)


@register_search
def search_documents(query, request, limit):
    """Documents cited by published events (e.g. «3395/BKHCN-TĐKT»), each linked to the first
    event that cites it."""
    documents, total = queries.search_cited_documents(query, limit)
    hits = [
        {
            "title": str(doc),
            "url": doc.event_url,
            "detail": f"{doc.issuer}{' – ' + doc.title if doc.title else ''}",
        }
        for doc in documents
    ]
    return SearchResults(label="Văn bản", hits=hits, total=total, order=30)
