"""Read queries over proposals, nominations and awards, for pages and panels (constant queries)."""

from functools import cache

from django.db.models import F, OuterRef, Subquery
from django.urls import reverse

from blocs.models import Document
from blocs.queries import bloc_name_in_year
from units.queries import unit_name_in_year

from .models import Award, Decision, Proposal
from .models.decisions import revoking_prefetch


@cache
def _decision_pattern():
    return reverse("awards:decision", args=[999999999])


def decision_url(pk) -> str:
    """The public page of decision `pk` (the route reversed once: exports link thousands)."""
    return _decision_pattern().replace("999999999", str(pk))


def public_decision(pk):
    """A published decision with its document and signer (Decision.DoesNotExist otherwise)."""
    return Decision.objects.public().select_related("document", "signer").get(pk=pk)


def decision_awards(decision):
    """The decision's awards in its ledger order (the numbers entered, then the others as
    entered: an unnumbered award's «số sổ vàng» is its position here, as on its certificate),
    each with `unit_name` and `bloc_name`: the unit's and the proposing bloc's names in the
    award's year, and its revoking decision (in a
    query of its own, only when the page holds a revoked award: Award.public_revocation reads
    whether it is published). Read along award_decision_ordinal."""
    return (
        Award.objects.filter(decision=decision)
        .select_related("award_type", "unit", "person", "bloc")
        .prefetch_related(revoking_prefetch())
        .annotate(
            unit_name=unit_name_in_year(OuterRef("year")),
            bloc_name=bloc_name_in_year(OuterRef("year")),
        )
        .order_by(F("ordinal").asc(nulls_last=True), "pk")
    )


def decision_award_types(decision) -> list[str]:
    """The award types the decision grants (usually one), in display order."""
    return list(
        Award.objects.filter(decision=decision)
        .order_by("type_order", "award_type__name")
        .values_list("award_type__name", flat=True)
        .distinct()
    )


def search_decisions(query: str, limit: int):
    """Published decisions whose document matches `query` (e.g. its number «1407»)."""
    qs = (
        Decision.objects.public()
        .filter(document__in=Document.objects.search(query).values("pk"))
        .select_related("document")
        .order_by("-document__issued_on", "pk")
    )
    decisions = list(qs[:limit])
    return decisions, len(decisions) if len(decisions) < limit else qs.count()


def _awards_table(qs):
    # The bloc and year pages' table of awards shows neither the bloc nor the prize.
    return qs.with_related(bloc=False, prize=False)


def public_awards_of_bloc(bloc):
    return _awards_table(Award.objects.public().filter(bloc=bloc)).order_by(
        "-year", "type_order", "pk"
    )


def public_awards_of_year(year):
    return _awards_table(Award.objects.public().filter(year=year)).order_by("type_order", "pk")


def honour_award_fields() -> dict:
    """Annotations of a blocs.Honour query: its first published award (decision, award type,
    year, decision number), read in the honours' own query."""
    award = Award.objects.public().filter(honour=OuterRef("pk")).order_by("pk")
    return {
        "award_decision_id": Subquery(award.values("decision_id")[:1]),
        "award_type_name": Subquery(award.values("award_type__name")[:1]),
        "award_year": Subquery(award.values("year")[:1]),
        "award_document_number": Subquery(award.values("decision__document__number")[:1]),
    }


def event_proposals(event):
    """The awards a bloc proposed at `event`, with each proposal's public outcome when decided."""
    return (
        Proposal.objects.filter(event=event)
        .select_related(
            "event",
            "award_type",
            "unit",
            "person",
            "nomination__award__decision__document",
            "nomination__award__revoked_by__document",
        )
        .prefetch_related("unit__names")
        .order_by("order", "pk")
    )


def public_awards_of(*, unit=None, person=None):
    """A recipient's granted awards from published decisions, newest first; revoked ones stay
    (marked once the revocation is published) in the history. The recipient is not read again:
    the caller has it."""
    qs = Award.objects.public().with_related(recipient=False, bloc=False)
    qs = qs.filter(unit=unit) if unit is not None else qs.filter(person=person)
    return qs.order_by("-year", "type_order", "pk")


def proposal_outcome(proposal):
    """The public award that came of a proposal (or None), read from the prefetched chain."""
    nomination = getattr(proposal, "nomination", None)
    award = getattr(nomination, "award", None) if nomination is not None else None
    if award is None or not award.decision.is_published:
        return None
    return award


# --- pages (awards-pages helper): dashboard, queue and public list ------------------------------

from django.db.models import Count, Prefetch, Q  # noqa: E402

from .models import Nomination, Status, Transition  # noqa: E402


def bloc_nominations(blocs, year):
    """The nominations of `year` of one bloc or several (a leader's dashboard), with the reasons
    of every return or refusal (`bloc_feedback`), in a constant number of queries whatever the
    number of blocs."""
    feedback = Transition.objects.filter(
        action__in=["return", "reject", "withdraw"]
    ).select_related("actor")
    return (
        Nomination.objects.filter(bloc__in=blocs, year=year)
        .with_related()
        .prefetch_related(Prefetch("transitions", queryset=feedback, to_attr="bloc_feedback"))
        .order_by("type_order", "pk")
    )


def events_with_open_proposals(blocs, year) -> dict:
    """{bloc pk: [(event, count)]}: the blocs' events of `year` whose proposals have no
    nomination yet, newest first, in one query."""
    from blocs.models import Event

    open_proposals = Q(proposals__nomination__isnull=True) & Q(proposals__isnull=False)
    events = (
        Event.objects.filter(bloc__in=blocs, period_end=year)
        .annotate(n=Count("proposals", filter=open_proposals))
        .filter(n__gt=0)
        .order_by("-held_on", "pk")
    )
    grouped = {}
    for event in events:
        grouped.setdefault(event.bloc_id, []).append((event, event.n))
    return grouped


def review_queue():
    """Every nomination the bloc has sent (never a draft), for the reviewers' queue."""
    return (
        Nomination.objects.exclude(status=Status.DRAFT)
        .with_related(event=False, award=False)
        .order_by("-year", "type_order", "pk")
    )


def dossier(pk):
    """One nomination with its history, overrides and council votes (for its detail page)."""
    return (
        Nomination.objects.with_related()
        .select_related("proposal", "created_by")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=Transition.objects.select_related("actor").order_by("at", "pk"),
            ),
            "overrides__rule",
            "overrides__created_by",
            "council_votes",
        )
        .get(pk=pk)
    )


def public_awards():
    """Granted awards from published decisions (revoked ones included, marked once the revoking
    decision is published: Award.public_revocation)."""
    return Award.objects.public().with_related().order_by("-year", "type_order", "pk")


def public_proposals():
    """What blocs proposed at their published events and is not (yet) a published award."""
    from blocs.models import Event

    published = Event.objects.published().values("pk")
    return (
        Proposal.objects.filter(event__in=published)
        .exclude(nomination__award__decision__is_published=True)
        .select_related("award_type", "unit", "person", "event__bloc")
        .prefetch_related("unit__names")
        .order_by("-event__period_end", "award_type__order", "order", "pk")
    )
