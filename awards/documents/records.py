"""The rows of the award documents, read in a constant number of queries and turned into plain
values (a template sees strings and numbers, never a model)."""

from django.conf import settings
from django.db.models import Count, F, Max, Prefetch, Q

from units.models import Position

from ..models import Award, CouncilVote, Rule, RuleKind, VoteBase


def decision_awards(decision):
    """A decision's awards in ledger order (the numbers entered, then the others in the order
    they were entered), each with the recipient's position at the decision's date for a person."""
    ordinal = F("ordinal").asc(nulls_last=True)
    return award_for_certificate().filter(decision=decision).order_by(ordinal, "pk")


def ledger_number(award) -> int:
    """The award's «số sổ vàng» (Decision.ledger_figures): the ordinal entered from the decision,
    else the highest one entered plus its rank among the unnumbered awards in the order they were
    entered. A batch numbers its awards with ledger_range instead (no query per award)."""
    if award.ordinal is not None:
        return award.ordinal
    counts = Award.objects.filter(decision_id=award.decision_id).aggregate(
        highest=Max("ordinal"),
        before=Count("pk", filter=Q(ordinal__isnull=True, pk__lte=award.pk)),
    )
    return (counts["highest"] or 0) + counts["before"]


def ledger_range(decision, first, last):
    """The awards of `decision` numbered `first` to `last` («số sổ vàng», both included), in
    ledger order, each with its number: the numbered ones by their ordinal, then the unnumbered
    ones by their rank after the highest ordinal."""
    highest = decision.ledger_figures["highest"]
    awards = decision_awards(decision)
    for award in awards.filter(ordinal__gte=first, ordinal__lte=last).iterator(chunk_size=200):
        yield award.ordinal, award
    start = max(first - highest, 1)
    if last - highest >= start:
        unnumbered = awards.filter(ordinal__isnull=True)[start - 1 : last - highest]
        for rank, award in enumerate(unnumbered.iterator(chunk_size=200), start):
            yield highest + rank, award


def ledger_range_revoked(decision, first, last) -> list[bool]:
    """Whether each award of ledger_range(decision, first, last) is revoked (flags only)."""
    highest = decision.ledger_figures["highest"]
    awards = Award.objects.filter(decision=decision)
    flags = list(
        awards.filter(ordinal__gte=first, ordinal__lte=last).values_list("revoked_by_id", flat=True)
    )
    start = max(first - highest, 1)
    if last - highest >= start:
        unnumbered = awards.filter(ordinal__isnull=True).order_by("pk")
        flags += unnumbered.values_list("revoked_by_id", flat=True)[start - 1 : last - highest]
    return [bool(flag) for flag in flags]


def position_line(person, day) -> str:
    """«Chức vụ, Đơn vị» of the position `person` held on `day` (prefetched positions)."""
    if person is None:
        return ""
    for position in person.positions.all():
        started = position.started_on is None or position.started_on <= day
        ended = position.ended_on is not None and position.ended_on < day
        if started and not ended:
            return ", ".join(p for p in [position.title, position.unit.name_in(day.year)] if p)
    return ""


def decision_header(decision) -> dict:
    document = decision.document
    return {
        "decision_number": document.number,
        "decision_date": f"{document.issued_on:%d/%m/%Y}",
        "decision_title": document.title,
        "issuer": document.issuer,
        "signer_title": decision.signer_title,
        "signer_name": decision.signer_name or (str(decision.signer) if decision.signer_id else ""),
    }


def annex_rows(decision):
    """Yields one dict per award of `decision`, numbered («số sổ vàng»)."""
    day = decision.document.issued_on
    offset = decision.ledger_offset
    for position, award in enumerate(decision_awards(decision).iterator(chunk_size=500), 1):
        yield {
            "no": award.ordinal if award.ordinal is not None else position + offset,
            "recipient": award.recipient_name,
            "position": position_line(award.person, day) if award.person_id else "",
            "kind": "Tập thể" if award.unit_id else "Cá nhân",
            "award": award.award_type.name,
            "year": award.year,
            "prize_rank": award.prize_rank,
            "revoked": "Đã thu hồi" if award.revoked_by_id else "",
        }


def nomination_rows(nominations):
    return [
        {
            "no": number,
            "recipient": n.recipient_name,
            "kind": "Tập thể" if n.unit_id else "Cá nhân",
            "award": n.award_type.name,
            "year": n.year,
            "bloc": n.bloc.name if n.bloc_id else "",
            "achievements": n.achievements,
            "bloc_votes": (
                f"{n.bloc_votes_for}/{n.bloc_votes_total}"
                if n.bloc_votes_for is not None and n.bloc_votes_total
                else ""
            ),
            "status": n.get_status_display(),
        }
        for number, n in enumerate(nominations, 1)
    ]


def totals_by_award(rows) -> list[dict]:
    counts = {}
    for row in rows:
        counts[row["award"]] = counts.get(row["award"], 0) + 1
    return [{"award": name, "count": count} for name, count in counts.items()]


def _percent(value) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".").replace(".", ",")


def council_rows(held_on):
    """The council's votes of the session held on `held_on`, each with the rule that applied
    (the COUNCIL_VOTE rule in force for the nomination's year and award type)."""
    votes = list(
        CouncilVote.objects.filter(held_on=held_on)
        .select_related("nomination__award_type", "nomination__unit", "nomination__person")
        .prefetch_related("nomination__unit__names")
        .order_by("nomination__type_order", "nomination_id", "pk")
    )
    rules = list(Rule.objects.filter(kind=RuleKind.COUNCIL_VOTE, is_active=True))
    rows = []
    for number, vote in enumerate(votes, 1):
        nomination = vote.nomination
        rule = next(
            (
                r
                for r in rules
                if r.in_force_for_year(nomination.year)
                and r.applies_to(nomination.award_type_id, bool(nomination.unit_id))
            ),
            None,
        )
        vote_base = (rule.vote_base if rule else "") or VoteBase.COUNCIL_SIZE
        passes = vote.passes(rule.threshold_percent or 0, vote_base) if rule else None
        rows.append(
            {
                "no": number,
                "recipient": nomination.recipient_name,
                "award": nomination.award_type.name,
                "year": nomination.year,
                "council_size": vote.council_size,
                "present": vote.present,
                "votes_for": vote.votes_for,
                "votes_against": vote.votes_against,
                "percent": _percent(vote.percent(vote_base)),
                "base": VoteBase(vote_base).label.lower(),
                "threshold": _percent(rule.threshold_percent) if rule else "",
                "rule": f"{rule.name} ({rule.basis})" if rule and rule.basis else "",
                "result": {True: "Đạt", False: "Không đạt", None: "Chưa có quy định"}[passes],
            }
        )
    return rows


def public_base_url(request) -> str:
    return settings.THIDUA_PUBLIC_BASE_URL or f"{request.scheme}://{request.get_host()}"


def award_for_certificate():
    """Awards with what a certificate or an annex row prints, in a constant number of queries."""
    positions = Position.objects.select_related("unit").order_by("-started_on", "-pk")
    return Award.objects.select_related(
        "award_type", "unit", "person", "nomination", "decision__document", "decision__signer"
    ).prefetch_related("unit__names", Prefetch("person__positions", queryset=positions))
