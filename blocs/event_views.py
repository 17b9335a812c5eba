from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from thidua.panels import panels_for

from . import event_queries
from .filters import EventFilter
from .models import Event

EVENTS_PER_PAGE = 20


@never_cache
def event_detail(request, slug):
    event = event_queries.event_for_page(slug, request.user)
    if event.is_public:
        # Atomic in the database; nothing about the visitor is stored.
        Event.objects.filter(pk=event.pk).update(view_count=F("view_count") + 1)
        event.view_count += 1
    context = {
        "event": event,
        "summary": event_queries.event_summary(event),
        "panels": panels_for("event", event, request),
    }
    return render(request, "blocs/event_detail.html", context)


def event_list(request):
    events = EventFilter(request.GET or None, queryset=event_queries.public_events())
    page = Paginator(events.qs, EVENTS_PER_PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "blocs/event_list.html",
        {"filter": events, "page": page, "query": query.urlencode()},
    )
