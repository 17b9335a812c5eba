from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from thidua.panels import panels_for

from . import queries
from .models import Person, Unit, UnitKind

PAGE_SIZE = 50


def unit_list(request):
    kind = request.GET.get("loai", "")
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(queries.unit_list(kind, query), PAGE_SIZE).get_page(request.GET.get("trang"))
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


def unit_detail(request, slug):
    try:
        unit = queries.unit_detail(slug)
    except Unit.DoesNotExist:
        raise Http404("Không có đơn vị này.") from None
    return render(
        request,
        "units/unit_detail.html",
        {"unit": unit, "panels": panels_for("unit", unit, request)},
    )


def person_detail(request, slug):
    try:
        person = queries.person_detail(slug)
    except Person.DoesNotExist:
        raise Http404("Không có cá nhân này.") from None
    return render(
        request,
        "units/person_detail.html",
        {"person": person, "panels": panels_for("person", person, request)},
    )
