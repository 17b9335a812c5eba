"""Page panels of this app (see thidua.panels): an event's proposals, a unit's and a person's
award history. Each runs a constant number of queries."""

from django.db.models import IntegerField, Subquery, prefetch_related_objects
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from thidua.panels import (
    Enricher,
    Panel,
    SearchResults,
    register_enricher,
    register_panel,
    register_search,
)
from units.queries import unit_name_in_year

from . import queries
from .filters import PUBLIC_PROPOSED, PublicFilter


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


def _history_panel(awards, title, waiting=0, proposals_url=""):
    awards = list(awards)
    return Panel(
        template="awards/panels/unit_awards.html",
        context={
            "awards": awards,
            "title": title,
            "waiting": waiting,
            "proposals_url": proposals_url,
        },
        order=40,
    )


class _RowCount(Subquery):
    """The number of rows of a queryset, as an expression of another query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def _waiting_proposals(**filters):
    """The proposals made at published events and not yet decided that the public list shows
    when filtered by `filters` (bloc, year, unit): filtered by the list's own filter methods, so
    the number a panel gives is the number of rows its link opens."""
    proposals = queries.public_proposals()
    filterset = PublicFilter(queryset=proposals, proposals=True)
    for name, value in filters.items():
        proposals = filterset.filters[name].filter(proposals, value)
    return proposals


def _awards_and_waiting(awards, waiting, limit=None):
    """The (first `limit`) awards, as a list, and the number of `waiting` proposals, counted in
    the awards' own query; only a page without awards counts them in a query of its own, and
    reads no revoking decision then: the panel runs no more queries than the awards alone did."""
    awards = awards.annotate(waiting_proposals=_RowCount(waiting.order_by().values("pk")))
    awards = list(awards[:limit])
    return awards, (awards[0].waiting_proposals if awards else waiting.count())


def _proposals_url(query) -> str:
    return f"{reverse('awards:list')}?{urlencode({**query, 'status': PUBLIC_PROPOSED})}"


@register_panel("unit")
def unit_awards_panel(unit, request):
    awards, waiting = _awards_and_waiting(
        queries.public_awards_of(unit=unit), _waiting_proposals(unit=unit)
    )
    prefetch_related_objects([unit], "names")  # no query when the page loaded them
    for award in awards:
        award.unit = unit  # one unit, its former names read once
    return _history_panel(
        awards, "Khen thưởng đã nhận", waiting, _proposals_url({"unit": unit.pk}) if waiting else ""
    )


@register_panel("person")
def person_awards_panel(person, request):
    awards = list(queries.public_awards_of(person=person))
    for award in awards:
        award.person = person
    return _history_panel(awards, "Khen thưởng đã nhận") if awards else None


PANEL_LIMIT = 20


def _awards_table(awards, title, anchor, more_query, empty):
    """The first PANEL_LIMIT awards, and a link to the filtered public list when there are more;
    then, when there are any, the number of proposals made at published events and not yet
    decided, linked to their list (a proposal is not an award: the table never shows one). They
    are counted in the awards' query (_awards_and_waiting): no query more for the page."""
    awards, waiting = _awards_and_waiting(
        awards, _waiting_proposals(**more_query), limit=PANEL_LIMIT + 1
    )
    more = f"{reverse('awards:list')}?{urlencode(more_query)}" if len(awards) > PANEL_LIMIT else ""
    return Panel(
        template="awards/panels/awards_table.html",
        context={
            "awards": awards[:PANEL_LIMIT],
            "title": title,
            "anchor": anchor,
            "more_url": more,
            "empty": empty,
            "waiting": waiting,
            "proposals_url": _proposals_url(more_query) if waiting else "",
        },
        order=45,
    )


@register_panel("bloc")
def bloc_awards_panel(bloc, request):
    return _awards_table(
        queries.public_awards_of_bloc(bloc),
        "Khen thưởng của khối",
        "bloc-awards",
        {"bloc": bloc.pk},
        "Chưa có khen thưởng nào do khối đề nghị được công bố.",
    )


@register_panel("year")
def year_awards_panel(year, request):
    return _awards_table(
        queries.public_awards_of_year(year),
        f"Khen thưởng năm {year}",
        "year-awards",
        {"year": year},
        "Chưa có khen thưởng nào của năm này được công bố.",
    )


def _honour_award_links(honours):
    """Each honour's published award (read with the honours) as a link to its decision."""
    for honour in honours:
        if getattr(honour, "award_decision_id", None):
            honour.award_links.append(
                {
                    "label": f"{honour.award_type_name} năm {honour.award_year}, "
                    f"quyết định số {honour.award_document_number}",
                    "url": queries.decision_url(honour.award_decision_id),
                }
            )


register_enricher(
    "honours", Enricher(annotations=queries.honour_award_fields, apply=_honour_award_links)
)


@register_search
def search_decisions(query, request, limit):
    decisions, total = queries.search_decisions(query, limit)
    hits = [
        {
            "title": str(decision),
            "url": queries.decision_url(decision.pk),
            "detail": f"{decision.document.issuer}"
            + (f" – {decision.document.title}" if decision.document.title else ""),
        }
        for decision in decisions
    ]
    return SearchResults(label="Quyết định khen thưởng", hits=hits, total=total, order=20)


# --- search: the events an award was proposed at -----------------------------------------------

from thidua.panels import register_search_link  # noqa: E402
from thidua.text import fold, search_terms  # noqa: E402

from .models import AwardType, Proposal  # noqa: E402


@register_search_link("event")
def events_by_proposed_award(query):
    """The events at which an award type named by `query` was proposed: «co thi dua chinh phu»
    finds the conference that proposed «Cờ thi đua của Chính phủ» (shown on its page). The
    catalogue is small: its names are folded here (one query) rather than stored folded."""
    terms = search_terms(query)
    if not terms:
        return None
    award_types = [
        pk
        for pk, name, short_name in AwardType.objects.values_list("pk", "name", "short_name")
        if all(term in fold(name, short_name) for term in terms)
    ]
    if not award_types:
        return None
    return Proposal.objects.filter(award_type__in=award_types).order_by().values("event_id")
