"""Read queries over proposals, nominations and awards, for pages and panels (constant queries)."""

from .models import Award, Proposal


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
    (marked) in the history."""
    qs = Award.objects.public().with_related()
    qs = qs.filter(unit=unit) if unit is not None else qs.filter(person=person)
    return qs.order_by("-year", "award_type__order", "pk")


def proposal_outcome(proposal):
    """The public award that came of a proposal (or None), read from the prefetched chain."""
    nomination = getattr(proposal, "nomination", None)
    award = getattr(nomination, "award", None) if nomination is not None else None
    if award is None or not award.decision.is_published:
        return None
    return award
