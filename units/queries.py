"""Read queries over units and people, for the public pages (constant number of queries)."""

from django.db.models import Prefetch

from .models import Person, Position, Unit, UnitKind


def unit_list(kind: str = "", query: str = ""):
    """Units for the public list, optionally of one kind and matching a diacritics-blind query."""
    qs = Unit.objects.select_related("parent").order_by("name")
    if kind and kind in UnitKind.values:
        qs = qs.filter(kind=kind)
    if query.strip():
        qs = qs.search(query)
    return qs


def unit_detail(slug: str) -> Unit:
    """One unit with its names, parent, successor, predecessors, children and positions."""
    return (
        Unit.objects.select_related("parent", "successor")
        .prefetch_related(
            "names",
            Prefetch("children", queryset=Unit.objects.order_by("name")),
            Prefetch("predecessors", queryset=Unit.objects.order_by("name")),
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("person").order_by(
                    "person__full_name", "-started_on"
                ),
            ),
        )
        .get(slug=slug)
    )


def person_detail(slug: str) -> Person:
    """One person with positions (and the unit of each)."""
    return Person.objects.prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("unit").order_by("-started_on", "unit__name"),
        )
    ).get(slug=slug)


def search_units(query: str, limit: int):
    qs = Unit.objects.search(query).select_related("parent").order_by("name")
    return list(qs[:limit]), qs.count()


def search_people(query: str, limit: int):
    qs = Person.objects.search(query).order_by("full_name")
    hits = qs.prefetch_related(
        Prefetch("positions", queryset=Position.objects.select_related("unit"))
    )[:limit]
    return list(hits), qs.count()
