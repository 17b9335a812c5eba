"""Totals, ranking, ballot percentages and the leading collective of assessment versions:
computed from the stored scores and tally, never typed. Every function here runs a constant
number of queries whatever the number of members, items or versions."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Sum, Value
from django.db.models.functions import Coalesce

from thidua.collation import vi_order
from units.queries import unit_name_in_year, unit_url_maker

from ..models import (
    Assessment,
    BallotCount,
    BallotSubject,
    CriteriaGroup,
    CriteriaItem,
    CriteriaSheet,
    Membership,
    Score,
    TieBreak,
)

TWO_PLACES = Decimal("0.01")
POINTS = DecimalField(max_digits=12, decimal_places=4)


def points(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass
class Candidate:
    unit_id: int
    name: str
    url: str
    votes: int | None
    percent: Decimal | None
    reached: bool

    @property
    def agreed_without_count(self):
        return self.votes is None


@dataclass
class Ballot:
    subject: str
    label: str
    candidates: list = field(default_factory=list)

    @property
    def proposed(self):
        return [c for c in self.candidates if c.reached]


@dataclass
class Row:
    unit_id: int
    name: str
    url: str
    self_total: Decimal | None = None
    agreed_total: Decimal | None = None
    scored_items: int = 0
    groups: list = field(default_factory=list)  # agreed points per criteria group (details)
    rank: int | None = None
    tie_note: str = ""
    leading_votes: int | None = None


@dataclass
class Result:
    assessment: Assessment
    sheet: CriteriaSheet | None
    rows: list
    ballots: list
    item_count: int
    max_total: Decimal | None
    group_names: list = field(default_factory=list)

    def _first(self) -> list:
        """The candidates for leading the bloc: first in the ranking; without scores, the
        candidate(s) of the ballot for leading the bloc that reached the threshold with the most
        votes (or that the bloc agreed on, where the source gives no count)."""
        if self.rows:
            return [r for r in self.rows if r.rank == 1]
        ballot = next((b for b in self.ballots if b.subject == BallotSubject.LEADING), None)
        if ballot is None:
            return []
        proposed = ballot.proposed
        counted = [c.votes for c in proposed if c.votes is not None]
        if not counted:
            return proposed
        top = max(counted)
        return [c for c in proposed if c.votes is None or c.votes == top]

    @property
    def leading(self) -> list:
        """The leading collective, as a list of at most one: a bloc has one leading collective,
        so a tie for first place leads to none (see `leading_tie`), never to two."""
        first = self._first()
        return first if len(first) == 1 else []

    @property
    def leading_tie(self) -> list:
        """The units tied for first place (two or more), when no leading collective comes out."""
        first = self._first()
        return first if len(first) > 1 else []

    @property
    def tie_rule(self) -> str:
        return TieBreak(self.sheet.tie_break).label if self.sheet else TieBreak.SHARED.label

    @property
    def complete(self) -> bool:
        return all(r.scored_items == self.item_count for r in self.rows)


def _names(assessments):
    """{(bloc_year_id, unit_id): (name that year, unit slug)} of the members of the bloc-years."""
    rows = (
        Membership.objects.filter(bloc_year__in={a.bloc_year_id for a in assessments})
        .annotate(name_then=unit_name_in_year(OuterRef("year")))
        .values_list("bloc_year_id", "unit_id", "name_then", "unit__slug", "order")
        .order_by("order", vi_order("unit__name"), "pk")
    )
    return {(by, unit): (name, slug, order) for by, unit, name, slug, order in rows}


def compute_many(assessments, *, details=False) -> dict:
    """{assessment pk: Result} of `assessments` (bloc_year and bloc loaded). `details`: also the
    agreed points per criteria group of each unit."""
    assessments = list(assessments)
    if not assessments:
        return {}
    ids = [a.pk for a in assessments]
    by_ids = {a.bloc_year_id for a in assessments}
    sheets = {s.bloc_year_id: s for s in CriteriaSheet.objects.filter(bloc_year__in=by_ids)}
    items = (
        CriteriaItem.objects.filter(sheet__bloc_year__in=by_ids)
        .values("sheet__bloc_year_id")
        .annotate(
            n=Count("pk"),
            top=Sum(F("max_points") * Coalesce("weight", Value(Decimal(1))), output_field=POINTS),
        )
        .order_by()
    )
    item_stats = {row["sheet__bloc_year_id"]: (row["n"], row["top"]) for row in items}
    factor = Coalesce("item__weight", Value(Decimal(1)))
    totals = (
        Score.objects.filter(assessment__in=ids)
        .values("assessment_id", "unit_id")
        .annotate(
            self_total=Sum(F("self_score") * factor, output_field=POINTS),
            agreed_total=Sum(F("agreed_score") * factor, output_field=POINTS),
            scored=Count("agreed_score"),
        )
        .order_by()
    )
    group_points = defaultdict(dict)
    groups_of = defaultdict(list)
    if details:
        for row in (
            Score.objects.filter(assessment__in=ids)
            .values("assessment_id", "unit_id", "item__group_id")
            .annotate(agreed=Sum(F("agreed_score") * factor, output_field=POINTS))
            .order_by()
        ):
            group_points[(row["assessment_id"], row["unit_id"])][row["item__group_id"]] = row[
                "agreed"
            ]
        for group in CriteriaGroup.objects.filter(sheet__bloc_year__in=by_ids).values(
            "pk", "name", "sheet__bloc_year_id"
        ):
            groups_of[group["sheet__bloc_year_id"]].append(group)
    counts = defaultdict(list)
    for count in BallotCount.objects.filter(assessment__in=ids).order_by("subject", "order", "pk"):
        counts[count.assessment_id].append(count)
    names = _names(assessments)
    url = unit_url_maker()
    scores_of = defaultdict(list)
    for row in totals:
        scores_of[row["assessment_id"]].append(row)

    results = {}
    for a in assessments:
        sheet = sheets.get(a.bloc_year_id)

        def describe(unit_id, a=a):
            name, slug, _ = names.get((a.bloc_year_id, unit_id), (str(unit_id), "", 0))
            return name, url(slug) if slug else ""

        ballots = _ballots(a, sheet, counts[a.pk], describe)
        leading_votes = {
            c.unit_id: c.votes
            for b in ballots
            if b.subject == BallotSubject.LEADING
            for c in b.candidates
        }
        rows = []
        for row in scores_of[a.pk]:
            name, link = describe(row["unit_id"])
            r = Row(
                row["unit_id"],
                name,
                link,
                points(row["self_total"]),
                points(row["agreed_total"]),
                row["scored"],
                leading_votes=leading_votes.get(row["unit_id"]),
            )
            if details:
                mine = group_points[(a.pk, row["unit_id"])]
                r.groups = [points(mine.get(g["pk"])) for g in groups_of[a.bloc_year_id]]
            rows.append(r)
        _rank(rows, sheet.tie_break if sheet else TieBreak.SHARED)
        n, top = item_stats.get(a.bloc_year_id, (0, None))
        results[a.pk] = Result(
            a,
            sheet,
            rows,
            ballots,
            n,
            points(top),
            [g["name"] for g in groups_of[a.bloc_year_id]],
        )
    return results


def compute(assessment, *, details=False) -> Result:
    return compute_many([assessment], details=details)[assessment.pk]


def _ballots(assessment, sheet, counts, describe) -> list:
    threshold = Decimal(sheet.ballot_threshold if sheet else 50)
    valid = assessment.ballots_valid
    by_subject = defaultdict(list)
    for count in counts:
        name, link = describe(count.unit_id)
        percent = None
        if count.votes is not None and valid:
            percent = points(Decimal(count.votes) * 100 / valid)
        reached = count.votes is None or (percent is not None and percent >= threshold)
        by_subject[count.subject].append(
            Candidate(count.unit_id, name, link, count.votes, percent, reached)
        )
    ballots = []
    for subject in BallotSubject:
        if by_subject[subject.value]:
            candidates = sorted(
                by_subject[subject.value],
                key=lambda c: -(c.votes if c.votes is not None else -1),
            )
            ballots.append(Ballot(subject.value, subject.label, candidates))
    return ballots


def _tie_key(row, rule):
    if rule == TieBreak.BALLOT:
        return row.leading_votes or 0
    if rule == TieBreak.SELF_SCORE:
        return row.self_total or Decimal(0)
    return 0


def _rank(rows, rule):
    """Orders `rows` by the agreed total, ties broken by `rule`; equal rows share a rank (1, 2, 2,
    4), and every row whose total equals another's says how it was placed."""
    zero = Decimal(0)
    rows.sort(key=lambda r: (-(r.agreed_total or zero), -_tie_key(r, rule), r.name))
    label = {
        TieBreak.BALLOT: "số phiếu bầu dẫn đầu khối",
        TieBreak.SELF_SCORE: "tổng điểm tự chấm",
    }.get(rule)
    previous = None
    for position, row in enumerate(rows, 1):
        key = (row.agreed_total or zero, _tie_key(row, rule))
        if previous is not None and key == previous[0]:
            row.rank = previous[1].rank
        else:
            row.rank = position
        previous = (key, row)
    totals = defaultdict(list)
    for row in rows:
        totals[row.agreed_total or zero].append(row)
    for tied in totals.values():
        if len(tied) < 2:
            continue
        for row in tied:
            if label is None:
                row.tie_note = "Bằng tổng điểm: đồng hạng theo quy tắc của khối."
            elif sum(1 for r in tied if r.rank == row.rank) > 1:
                row.tie_note = f"Bằng tổng điểm và bằng {label}: đồng hạng."
            else:
                value = _tie_key(row, rule)
                row.tie_note = f"Bằng tổng điểm; phân định theo {label} ({value})."
