"""Extension points that let a lower app's page show what a higher app knows.

Dependencies run one way (units <- blocs <- awards), so the unit page cannot import awards. Instead,
awards registers a panel for the "unit" page in its AppConfig.ready(), and the unit page renders
every panel registered for it. Search works the same way: each app registers a search provider.
Each provider should run a constant number of queries, whatever the size of the data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


@dataclass
class SearchResults:
    label: str
    hits: list  # dicts {"title", "url", "detail"}
    total: int
    order: int = 50
    # The public list holding every result (e.g. /don-vi/?q=…), offered when `hits` are capped,
    # with the plural noun of its records («đơn vị»): «Xem tất cả 830 đơn vị».
    more_url: str = ""
    noun: str = ""


_panels: dict[str, list[Callable]] = {}
_searches: list[Callable] = []
_search_links: dict[str, list[Callable]] = {}
_enrichers: dict[str, list[Callable]] = {}


def register_panel(page: str):
    """Decorator: `func(obj, request) -> Panel | None` adds a panel to every `page` of `obj`."""

    def decorator(func):
        if func not in _panels.setdefault(page, []):
            _panels[page].append(func)
        return func

    return decorator


def panels_for(page: str, obj, request) -> list[Panel]:
    found = [func(obj, request) for func in _panels.get(page, [])]
    return sorted((p for p in found if p is not None), key=lambda p: p.order)


@dataclass(frozen=True)
class Enricher:
    """What a higher app adds to a lower app's records without a query of its own (e.g. awards
    links an event's honours to their awards): `annotations()` are added to the records' query,
    then `apply(records)` turns the annotated values into attributes."""

    annotations: Callable[[], dict]
    apply: Callable[[list], None]


def register_enricher(kind: str, enricher: Enricher) -> None:
    if enricher not in _enrichers.setdefault(kind, []):
        _enrichers[kind].append(enricher)


def enrichment_annotations(kind: str) -> dict:
    found = {}
    for enricher in _enrichers.get(kind, []):
        found.update(enricher.annotations())
    return found


def enrich(kind: str, records: list) -> None:
    for enricher in _enrichers.get(kind, []):
        enricher.apply(records)


def register_search(func):
    """Decorator: `func(query, request, limit) -> SearchResults | None` joins the site search."""
    if func not in _searches:
        _searches.append(func)
    return func


def search_all(query: str, request, limit: int) -> list[SearchResults]:
    found = [func(query, request, limit) for func in _searches]
    return sorted((r for r in found if r is not None), key=lambda r: r.order)


def register_search_link(kind: str):
    """Decorator: `func(query) -> QuerySet | None` gives the ids (one column) of the `kind`
    records (e.g. "event") that a higher app links to `query`: the events at which an award
    named by the query was proposed. The lower app's search adds them to its own matches, in
    the same query."""

    def decorator(func):
        if func not in _search_links.setdefault(kind, []):
            _search_links[kind].append(func)
        return func

    return decorator


def search_links(kind: str, query: str) -> list:
    """The id querysets every app links to `query` for `kind` (see register_search_link)."""
    found = [func(query) for func in _search_links.get(kind, [])]
    return [qs for qs in found if qs is not None]


def results_of(
    label: str, found: tuple, detail: Callable, order: int = 50, more_url: str = "", noun: str = ""
) -> SearchResults:
    """SearchResults from `found` = (records, total): each record's str, URL and `detail(record)`."""
    records, total = found
    hits = [
        {"title": str(obj), "url": obj.get_absolute_url(), "detail": detail(obj)} for obj in records
    ]
    return SearchResults(
        label=label, hits=hits, total=total, order=order, more_url=more_url, noun=noun
    )


def capped(qs, limit: int) -> tuple[list, int]:
    """(the first `limit` records of `qs`, how many there are): the count is read only when the
    first page is full."""
    records = list(qs[:limit])
    return records, len(records) if len(records) < limit else qs.count()
