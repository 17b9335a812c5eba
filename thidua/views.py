from django.http import HttpResponse
from django.shortcuts import render

from . import panels

SEARCH_LIMIT = 20


def search(request):
    """Site-wide search: every app contributes its results through thidua.panels."""
    query = request.GET.get("q", "").strip()[:200]
    results = panels.search_all(query, request, SEARCH_LIMIT) if query else []
    return render(
        request,
        "search.html",
        {"query": query, "results": results, "total": sum(r.total for r in results)},
    )


def health(request):
    """Liveness probe and the benchmark's throughput floor: no database, no template."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
