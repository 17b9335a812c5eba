from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import render

from thidua.collation import vi_order
from thidua.middleware import free_text_params
from thidua.numbers import page_number
from thidua.panels import panels_for

from . import queries
from .models import Person, Position, UnitKind

PAGE_SIZE = 50


@free_text_params("q")
def unit_list(request):
    kind = request.GET.get("loai", "")
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(queries.unit_list(kind, query), PAGE_SIZE).get_page(
        page_number(request.GET.get("trang"))
    )
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "units/unit_list.html",
        {
            "page": page,
            "kinds": UnitKind.choices,
            "kind": kind if kind in UnitKind.values else "",
            "q": query,
            "params": params.urlencode(),
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
    page = Paginator(_people(query), PAGE_SIZE).get_page(page_number(request.GET.get("trang")))
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "units/person_list.html",
        {"page": page, "q": query, "params": params.urlencode()},
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
