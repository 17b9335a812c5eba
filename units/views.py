from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import render

from thidua.collation import vi_order
from thidua.middleware import free_text_params
from thidua.panels import panels_for
from thidua.query_params import requested_page, with_aliases, without_page

from . import queries
from .models import Person, Position, UnitKind

PAGE_SIZE = 50


@free_text_params("q")
def unit_list(request):
    # `loai`, or `kind` as the API names it.
    kind = with_aliases(request.GET, {"kind": "loai"}).get("loai", "").strip()
    unknown_kind = kind if kind and kind not in UnitKind.values else ""
    query = request.GET.get("q", "").strip()[:200]
    # A kind no unit has lists nothing but says so, rather than every unit as if none was asked.
    units = queries.unit_list(kind, query)
    page = Paginator(units.none() if unknown_kind else units, PAGE_SIZE).get_page(
        requested_page(request.GET)
    )
    return render(
        request,
        "units/unit_list.html",
        {
            "page": page,
            "kinds": UnitKind.choices,
            "kind": kind if kind in UnitKind.values else "",
            "unknown_kind": unknown_kind[:50],
            "q": query,
            "params": without_page(request.GET),
        },
    )


def _people(query: str):
    """People by name (optionally matching a diacritics-blind query), each with
    `recorded_positions`: their titles, the latest recorded first (a page of people in three
    queries: the count, the people, their positions)."""
    positions = Position.objects.select_related("unit").order_by(
        F("from_year").desc(nulls_last=True), F("started_on").desc(nulls_last=True), "pk"
    )
    people = Person.objects.only("full_name", "slug").order_by(vi_order("full_name"), "pk")
    if query:
        people = people.search(query)
    return people.prefetch_related(
        Prefetch("positions", queryset=positions, to_attr="recorded_positions")
    )


@free_text_params("q")
def person_list(request):
    """/ca-nhan/: the people on record (name and latest recorded title), paginated."""
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(_people(query), PAGE_SIZE).get_page(requested_page(request.GET))
    return render(
        request,
        "units/person_list.html",
        {"page": page, "q": query, "params": without_page(request.GET)},
    )


def detail_page(request, page, fetch, slug, missing):
    """A public record page (`page` names both the template variable and the panels' page)."""
    try:
        obj = fetch(slug)
    except ObjectDoesNotExist:
        raise Http404(missing) from None
    return render(
        request,
        f"units/{page}_detail.html",
        {page: obj, "panels": panels_for(page, obj, request)},
    )


def unit_detail(request, slug):
    return detail_page(request, "unit", queries.unit_detail, slug, "Không có đơn vị này.")


def person_detail(request, slug):
    return detail_page(request, "person", queries.person_detail, slug, "Không có cá nhân này.")
