"""Page panels and search providers for events (see thidua.panels). Only published events."""

from django.db.models import CharField, Count, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode

from thidua.collation import vi_order
from thidua.panels import (
    Panel,
    SearchResults,
    capped,
    register_panel,
    register_search,
    search_links,
)
from thidua.search import exact_first
from thidua.text import fold, search_terms

from . import event_queries
from .models import Event, EventMovement, Movement, MovementStatus, Pledge

PANEL_LIMIT = 20
TEMPLATE = "blocs/event_panel.html"


def events_panel(title, queryset, more_query, empty, order=40):
    events = list(queryset[: PANEL_LIMIT + 1])
    more_url = f"{reverse('blocs:events')}?{urlencode(more_query)}"
    return Panel(
        template=TEMPLATE,
        context={
            "title": title,
            "events": events[:PANEL_LIMIT],
            "more_url": more_url if len(events) > PANEL_LIMIT else "",
            "empty": empty,
        },
        order=order,
    )


@register_panel("year")
def year_events(year, request):
    return events_panel(
        f"Sự kiện thi đua năm {year}",
        event_queries.events_of_year(year),
        {"nam": year},
        "Chưa có sự kiện nào của năm này được công khai.",
    )


@register_panel("bloc")
def bloc_events(bloc, request):
    return events_panel(
        "Hội nghị, sự kiện của khối",
        event_queries.events_of_bloc(bloc),
        {"khoi": bloc.slug},
        "Chưa có sự kiện nào của khối được công khai.",
    )


@register_panel("person")
def person_events(person, request):
    events = event_queries.events_of_person(person)
    panel = events_panel("Sự kiện thi đua đã tham dự", events, {}, "", order=20)
    if not panel.context["events"]:
        return None
    panel.context["more_url"] = ""
    return panel


@register_panel("unit")
def unit_events(unit, request):
    events = event_queries.events_of_unit(unit)
    panel = events_panel("Sự kiện thi đua có đơn vị tham gia", events, {}, "")
    if not panel.context["events"]:
        return None
    panel.context["more_url"] = ""
    return panel


def _pledge_events(query):
    """The events where a pledge was signed, when every word of `query` is in «Giao ước thi đua
    năm <year>» (the pledge's heading on the event page): «giao uoc», «giao ước 2016»."""
    terms = search_terms(query)
    words = [t for t in terms if not t.isdigit()]
    if not words or not all(word in PLEDGE_LABEL for word in words):
        return None
    pledges = Pledge.objects.filter(event__isnull=False).alias(year_text=Cast("year", CharField()))
    for number in (t for t in terms if t.isdigit()):
        pledges = pledges.filter(year_text__contains=number)
    return pledges.order_by().values("event_id")


PLEDGE_LABEL = fold("Giao ước thi đua năm")


def matching_event_ids(query):
    """The ids (a subquery) of the events matching `query`: by their own text (title, theme,
    place, kind, bloc: Event.search_source), by the name of a movement, theme, slogan or campaign
    they record, by a pledge signed there, or by what other apps link to them (the award types
    proposed there: thidua.panels.register_search_link)."""
    ids = Event.objects.search(query).order_by().values("pk")
    movements = Movement.objects.search(query).order_by().values("pk")
    linked = [
        EventMovement.objects.filter(movement__in=movements).order_by().values("event_id"),
        _pledge_events(query),
        *search_links("event", query),
    ]
    return ids.union(*(qs for qs in linked if qs is not None))


@register_search
def search_events(query, request, limit):
    found = event_queries.public_events().filter(pk__in=matching_event_ids(query))
    found = found.order_by(*exact_first(query, ["title"]), "-held_on", "-pk")
    events, total = capped(found, limit)
    hits = [
        {
            "title": event.title,
            "url": event.get_absolute_url(),
            "detail": f"{event.bloc} – {event.held_on:%d/%m/%Y}",
        }
        for event in events
    ]
    return SearchResults(label="Sự kiện", hits=hits, total=total, order=40)


def _latest_public_link(field):
    """A subquery: `field` of the movement's link to its latest published event."""
    links = EventMovement.objects.filter(
        movement=OuterRef("pk"), event__in=Event.objects.published()
    ).order_by("-event__held_on", "-event__pk", "pk")
    return Subquery(links.values(field)[:1])


# The event page's section listing a movement recorded with this status.
SECTION_OF_STATUS = {
    MovementStatus.CARRIED_OUT: "#h-movements",
    MovementStatus.ADOPTED: "#h-directions",
}


@register_search
def search_movements(query, request, limit):
    """Movements, themes, slogans and campaigns recorded by published events, each linked to the
    section of the latest such event's page that shows it (there is no page of a movement; the
    other events recording it are among the events found)."""
    public_links = EventMovement.objects.filter(event__in=Event.objects.published())
    qs = (
        Movement.objects.search(query)
        .filter(Exists(public_links.filter(movement=OuterRef("pk"))))
        .select_related("launched_by")
        .annotate(
            event_slug=_latest_public_link("event__slug"),
            event_title=_latest_public_link("event__title"),
            event_held_on=_latest_public_link("event__held_on"),
            link_status=_latest_public_link("status"),
            event_count=Subquery(
                public_links.filter(movement=OuterRef("pk"))
                .order_by()
                .values("movement")
                .annotate(n=Count("event", distinct=True))
                .values("n")
            ),
        )
        .order_by(*exact_first(query, ["name"]), vi_order("name"), "pk")
    )
    movements, total = capped(qs, limit)
    hits = [
        {
            "title": str(movement),
            "url": reverse("blocs:event", args=[movement.event_slug])
            + SECTION_OF_STATUS[movement.link_status],
            "detail": _movement_detail(movement),
        }
        for movement in movements
    ]
    return SearchResults(label="Phong trào, chủ đề, khẩu hiệu", hits=hits, total=total, order=45)


def _movement_detail(movement):
    parts = []
    if movement.launcher:
        parts.append(f"do {movement.launcher} phát động")
    where = f"{movement.event_title} ({movement.event_held_on:%d/%m/%Y})"
    if movement.event_count > 1:
        where += f" và {movement.event_count - 1} sự kiện khác"
    parts.append(f"ghi tại {where}")
    return "; ".join(parts)
