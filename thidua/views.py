from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from . import panels
from .middleware import free_text_params

SEARCH_LIMIT = 20


@free_text_params("q")
def search(request):
    """Site-wide search: every app contributes its results through thidua.panels."""
    query = request.GET.get("q", "").strip()[:200]
    results = panels.search_all(query, request, SEARCH_LIMIT) if query else []
    return render(
        request,
        "search.html",
        {"search_query": query, "results": results, "total": sum(r.total for r in results)},
    )


def health(request):
    """Liveness probe and the benchmark's throughput floor: no database, no template."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def robots(request):
    """Search engines read the public pages through the sitemap and stay out of the staff's."""
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in settings.STAFF_PATH_PREFIXES)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
