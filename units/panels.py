"""Page panels and search providers of this app (see thidua.panels)."""

from thidua.panels import SearchResults, register_search

from . import queries


@register_search
def search_units(query, request, limit):
    units, total = queries.search_units(query, limit)
    hits = [
        {
            "title": unit.name,
            "url": unit.get_absolute_url(),
            "detail": ", ".join(
                part
                for part in [unit.get_kind_display(), unit.parent.name if unit.parent else ""]
                if part
            ),
        }
        for unit in units
    ]
    return SearchResults(label="Đơn vị", hits=hits, total=total, order=20)


@register_search
def search_people(query, request, limit):
    people, total = queries.search_people(query, limit)
    hits = [
        {
            "title": person.full_name,
            "url": person.get_absolute_url(),
            "detail": "; ".join(f"{p.title}, {p.unit.name}" for p in person.positions.all()),
        }
        for person in people
    ]
    return SearchResults(label="Cá nhân", hits=hits, total=total, order=30)
