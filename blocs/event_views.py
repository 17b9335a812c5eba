from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from thidua.login_attempts import client_address
from thidua.panels import panels_for

from . import event_queries
from .filters import EventFilter
from .models import Event

EVENTS_PER_PAGE = 20
VIEW_WINDOW_SECONDS = 30 * 60  # one visitor's views of one event within it count once


def event_detail(request, slug):
    # Cached like every public page: the view is counted by a request of its own (count_view).
    event = event_queries.event_for_page(slug, request.user)
    context = {
        "event": event,
        "summary": event_queries.event_summary(event),
        "panels": panels_for("event", event, request),
    }
    return render(request, "blocs/event_detail.html", context)


@csrf_exempt  # sent without cookies by thidua/view-count.js; it changes nothing but a counter
@require_POST
@never_cache
def count_view(request, slug):
    """Adds one view of a published event (atomic in the database) and answers the count. A
    visitor's views of one event count once per window, or a script could raise the public
    figure at will: the shared cache keeps a keyed hash of the address for that window, nothing
    else about the visitor. A counter update is not a content change: cached pages stay cached."""
    counted = Event.objects.published().filter(slug=slug)
    visitor = salted_hmac("thidua.event-view", f"{slug}|{client_address(request)}").hexdigest()
    first = cache.add(f"event-view:{visitor[:40]}", 1, VIEW_WINDOW_SECONDS)
    if not (counted.update(view_count=F("view_count") + 1) if first else counted.exists()):
        raise Http404("Không tìm thấy sự kiện.")
    return JsonResponse({"views": counted.values_list("view_count", flat=True).get()})


def event_list(request):
    events = EventFilter(request.GET or None, queryset=event_queries.public_events())
    # A filter that cannot be read lists nothing (its error says why), not every event.
    listed = events.qs if not events.is_bound or events.is_valid() else events.queryset.none()
    page = Paginator(listed, EVENTS_PER_PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "blocs/event_list.html",
        {"filter": events, "page": page, "query": query.urlencode()},
    )
