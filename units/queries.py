"""Read queries over units and people, for the public pages (constant number of queries)."""

from collections import defaultdict

from django.db.models import F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from thidua.collation import vi_order
from thidua.panels import capped
from thidua.search import exact_first, leading_part_rank

from .models import Person, Position, Unit, UnitKind, UnitName


def unit_list(kind: str = "", query: str = ""):
    """Units for the public list, optionally of one kind and matching a diacritics-blind query."""
    qs = Unit.objects.select_related("parent").order_by(vi_order("name"), "pk")
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
            Prefetch("children", queryset=Unit.objects.order_by(vi_order("name"))),
            Prefetch("predecessors", queryset=Unit.objects.order_by(vi_order("name"))),
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("person").order_by(
                    vi_order("person__full_name"), "-from_year", "-started_on"
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
            queryset=Position.objects.select_related("unit").order_by(
                "-from_year", "-started_on", vi_order("unit__name")
            ),
        )
    ).get(slug=slug)


def search_units(query: str, limit: int):
    """Units matching `query` (diacritics ignored), those holding the words typed with
    diacritics as typed first, then in Vietnamese order; and how many match."""
    qs = Unit.objects.search(query).select_related("parent")
    qs = qs.order_by(*exact_first(query, ["name", "short_name"]), vi_order("name"), "pk")
    return capped(qs, limit)


def search_people(query: str, limit: int):
    """People whose search text (Person.refresh_search_text) matches `query`, and how many
    match. Order: those holding the words typed with diacritics as typed (in the name or a
    position's title) first, then those whose name holds every word (the search text may hold
    more than the name after thidua.search.SEPARATOR), then by name."""
    exact = exact_first(
        query,
        ["full_name"],
        {"title": Position.objects.filter(person=OuterRef("pk"))},
    )
    qs = Person.objects.search(query).order_by(
        *exact, leading_part_rank(query).desc(), vi_order("full_name"), "pk"
    )
    return capped(
        qs.prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("unit").order_by("-from_year", "pk"),
            )
        ),
        limit,
    )


def former_names(unit_ids) -> dict:
    """{unit_id: [UnitName]} for `unit_ids` (ids or a subquery of ids), in one query.

    Cheaper than prefetch_related("unit__names") on pages listing thousands of units.
    """
    names = defaultdict(list)
    for former in UnitName.objects.filter(unit_id__in=unit_ids).order_by("valid_from"):
        names[former.unit_id].append(former)
    return names


def unit_url_maker():
    """A function slug -> unit page URL that reverses the route once, for pages that link
    thousands of units (one reverse() per link costs more than the page's queries)."""
    marker = "slug-marker"
    pattern = reverse("units:detail", args=[marker])
    return lambda slug: pattern.replace(marker, slug)


def name_in_year(names_model, owner_field, owner_ref, year):
    """An expression: the name the row's `owner_ref` (a unit, a bloc…) bore in `year` — the
    `names_model` row (valid_from, valid_until, name) covering it, else the current name. `year`
    is a value or an expression of the outer row (e.g. OuterRef("period_end"))."""
    former = names_model.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=year),
        Q(valid_until__isnull=True) | Q(valid_until__gte=year),
        **{owner_field: OuterRef(owner_ref)},
    ).order_by("valid_from")
    return Coalesce(Subquery(former.values("name")[:1]), F(f"{owner_ref}__name"), Value(""))


def unit_name_in_year(year, unit_ref="unit"):
    """An expression: the name the row's unit (`unit_ref`) bore in `year`, as Unit.name_in does,
    read in the same query instead of prefetching every former name."""
    return name_in_year(UnitName, "unit", unit_ref, year)
