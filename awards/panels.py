"""Page panels of this app (see thidua.panels): an event's proposals, a unit's and a person's
award history. Each runs a constant number of queries."""

from django.urls import NoReverseMatch

from thidua.panels import Panel, register_panel
from units.queries import unit_name_in_year

from . import queries


@register_panel("event")
def event_proposals_panel(event, request):
    """What the bloc proposed at the event; shown with the event (published = made public)."""
    if not getattr(event, "is_public", False):
        return None
    proposals = list(_with_unit_name(queries.event_proposals(event), event.period_end))
    if not proposals:
        return None
    rows = [
        {
            "proposal": p,
            "recipient": p.unit_name_then if p.unit_id else p.recipient_name,
            "url": _url(p.unit) if p.unit_id else None,
            "outcome": queries.proposal_outcome(p),
        }
        for p in proposals
    ]
    return Panel(
        template="awards/panels/event_proposals.html",
        context={"rows": rows, "year": event.period_end},
        order=60,
    )


def _with_unit_name(proposals, year):
    """`unit_name_then`: the unit's name in `year` (as Unit.name_in), read in the same query."""
    return proposals.prefetch_related(None).annotate(unit_name_then=unit_name_in_year(year))


def _url(obj):
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:  # the unit pages are not installed
        return None


def _history_panel(awards, title):
    awards = list(awards)
    return Panel(
        template="awards/panels/unit_awards.html",
        context={"awards": awards, "title": title},
        order=40,
    )


@register_panel("unit")
def unit_awards_panel(unit, request):
    return _history_panel(queries.public_awards_of(unit=unit), "Khen thưởng đã nhận")


@register_panel("person")
def person_awards_panel(person, request):
    awards = list(queries.public_awards_of(person=person))
    return _history_panel(awards, "Khen thưởng đã nhận") if awards else None
