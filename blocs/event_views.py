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
from thidua.numbers import parse_int
from thidua.panels import panels_for
from thidua.query_params import requested_page, with_aliases, without_page

from . import event_queries
from .filters import EventFilter
from .models import Bloc, Event

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


# The names the API and the awards list give the same things (thidua.query_params).
EVENT_ALIASES = {"year": "nam", "kind": "loai"}


def event_params(params):
    """The query with the other names read as the page's: `year`, `kind`, and `bloc` (the bloc's
    id, as on the awards list and in the API) as `khoi` (its slug); an id no bloc has stays as
    written, and the filter refuses it by name."""
    params = with_aliases(params, EVENT_ALIASES)
    if params.get("bloc") and not params.get("khoi"):
        bloc_id = parse_int(params["bloc"])
        slug = Bloc.objects.filter(pk=bloc_id).values_list("slug", flat=True).first()
        params["khoi"] = slug or params["bloc"]
    params.pop("bloc", None)
    return params


def event_list(request):
    events = EventFilter(
        event_params(request.GET) if request.GET else None,
        queryset=event_queries.public_events(),
    )
    # A filter that cannot be read lists nothing (its error says why), not every event; the
    # page then names the fields to correct (e.g. a reversed date range, refused by
    # RangeFilterForm), never «0 sự kiện» as if no event matched.
    refused = events.is_bound and not events.is_valid()
    listed = events.queryset.none() if refused else events.qs
    page = Paginator(listed, EVENTS_PER_PAGE).get_page(requested_page(request.GET))
    return render(
        request,
        "blocs/event_list.html",
        {
            "filter": events,
            "page": page,
            "query": without_page(request.GET),
            "refused": refused,
            "refused_fields": _labels_in_error(events.form) if refused else "",
        },
    )


def _labels_in_error(form) -> str:
    """«Đến ngày», «Năm thi đua»: the labels of the form's fields in error."""
    return ", ".join(f"«{form[name].label}»" for name in form.errors if name in form.fields)
