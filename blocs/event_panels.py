"""Page panels and search providers for events (see thidua.panels). Only published events."""

from django.urls import reverse
from django.utils.http import urlencode

from thidua.panels import Panel, SearchResults, register_panel, register_search

from . import event_queries

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


@register_search
def search_events(query, request, limit):
    found = event_queries.public_events().search(query)
    hits = [
        {
            "title": event.title,
            "url": event.get_absolute_url(),
            "detail": f"{event.bloc} – {event.held_on:%d/%m/%Y}",
        }
        for event in found[:limit]
    ]
    return SearchResults(label="Sự kiện", hits=hits, total=found.count(), order=40)
