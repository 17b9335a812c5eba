"""The legal rules (awards.models.Rule rows) applied to nominations.

`check(nomination)` gives one RuleCheck per rule in force for the nomination's year (2015 record →
2015 rules); `checks_for(nominations)` does the same for a whole page in a constant number of
queries: `Facts` reads what the rules need with one plain query per kind of fact, and each rule
kind is judged by one small function (`JUDGES`). A historical record (a year before today's law,
or entered from a past decision) is also compared with today's rules, and every failure on it is
a note, never a refusal. On a current nomination a failing rule refuses the step (`refusal()`),
unless an administrator recorded an Override of that rule for that nomination — an exception
that quotas count apart, so it never takes another dossier's place.

`bloc_quotas()` gives the bloc dashboard the same figures the quota rules judge with.
Who may act is a different question: see awards.permissions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from blocs.models import Bloc, BlocYear
from thidua import batch

from .models import (
    DUPLICATE_RULE,
    ENDED_STATES,
    Award,
    AwardType,
    CouncilVote,
    LegalRegime,
    Nomination,
    Override,
    Rule,
    RuleKind,
    ShareBase,
    Status,
    VoteBase,
    year_reference_date,
)

# Nominations that hold a place: sent and not refused, withdrawn or revoked. Granted ones count
# through their status (a revoked award's nomination is REVOKED and no longer counts).
COUNTED_STATES = Status.pending_states()
COUNTED_WITH_GRANTED = [*COUNTED_STATES, Status.GRANTED]
PLANNED_STATES = [Status.DRAFT]  # «dự kiến»: shown and warned about, never refused

SUBMIT = "submit"
RECOMMEND = "recommend"

HOLDING_KINDS = {RuleKind.PREREQUISITE_AWARD, RuleKind.CONSECUTIVE, RuleKind.NO_DOUBLE_REWARD}
COUNCIL_KINDS = {RuleKind.COUNCIL_VOTE, RuleKind.COUNCIL_QUORUM}


@dataclass
class RuleCheck:
    rule: Rule
    passed: bool | None  # None: cannot be judged yet (e.g. the council has not voted)
    message: str
    note_only: bool = False  # a historical record: accepted, the failure is shown as a note
    current_rule: bool = False  # a rule of today's regime applied to a historical record
    override: Override | None = None
    warning: str = ""  # a quota the bloc's drafts («dự kiến») would exceed

    @property
    def failed(self) -> bool:
        return self.passed is False

    def blocks(self, stage: str) -> bool:
        """Does this check refuse the step? On submit only failed blocking rules; on recommend
        every failed or not-yet-judged rule."""
        if self.note_only or self.override is not None:
            return False
        if stage == SUBMIT:
            return self.passed is False and self.rule.blocking
        return self.passed is not True

    @property
    def label(self) -> str:
        if self.override is not None and self.passed is not True:
            return "Ngoại lệ"
        if self.passed is None:
            return "Chưa xét"
        if self.passed:
            return "Đạt"
        return "Ghi chú" if self.note_only else "Không đạt"

    @property
    def css_class(self) -> str:
        return {
            "Ngoại lệ": "check-override",
            "Chưa xét": "check-pending",
            "Đạt": "check-pass",
            "Ghi chú": "check-note",
            "Không đạt": "check-fail",
        }[self.label]

    @property
    def override_note(self) -> str:
        if self.override is None:
            return ""
        o = self.override
        who = o.created_by.get_full_name() or o.created_by.get_username()
        when = timezone.localtime(o.created_at).strftime("%d/%m/%Y %H:%M")
        document = f" theo {o.document_label}" if o.document_label else ""
        return f"Ngoại lệ{document}, do {who} ghi ngày {when}: {o.reason}"


def check(nomination, *, today=None, council_votes=None) -> list[RuleCheck]:
    """The rule checks of one nomination (a constant number of queries). `council_votes`: its
    council's votes, when the caller has read them already (the dossier page shows them)."""
    votes = None if council_votes is None else {nomination.pk: list(council_votes)}
    return checks_for([nomination], today=today, council_votes=votes).get(_key(nomination), [])


def refusal(nomination, stage: str, *, checks=None) -> ValidationError | None:
    """A ValidationError naming every rule (and its basis) that refuses `stage`, or None."""
    checks = check(nomination) if checks is None else checks
    blocking = [c for c in checks if c.blocks(stage)]
    if not blocking:
        return None
    verb = "gửi" if stage == SUBMIT else "đề nghị khen thưởng cho"
    return ValidationError(
        [f"Không thể {verb} hồ sơ: {c.message}" for c in blocking], code="rule_failed"
    )


def draft_warnings(nomination) -> list[str]:
    """What saving this draft would put over a quota once the bloc's drafts are sent."""
    return [c.warning for c in check(nomination) if c.warning]


# --- one dossier per recipient, award type and year ----------------------------------------------
# The rule, the states that end a dossier (ENDED_STATES) and the rule's text are the model's
# (awards.models.dossiers: the database refuses a second live dossier too); here the duplicate is
# found under the services' lock and named.


@dataclass(frozen=True)
class Duplicate:
    pk: int
    status: str

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def _duplicate_rows(nominations):
    keyed = [n for n in nominations if n.award_type_id and n.year and (n.unit_id or n.person_id)]
    if not keyed:
        return []
    units = {n.unit_id for n in keyed if n.unit_id}
    people = {n.person_id for n in keyed if n.person_id}
    return (
        Nomination.objects.filter(
            Q(unit_id__in=units) | Q(person_id__in=people),
            year__in={n.year for n in keyed},
            award_type_id__in={n.award_type_id for n in keyed},
        )
        .exclude(status__in=ENDED_STATES)
        .order_by("pk")
        .values_list("pk", "unit_id", "person_id", "year", "award_type_id", "status")
    )


def _same_key(nomination):
    return (_recipient(nomination), nomination.year, nomination.award_type_id)


def seed_duplicates(nominations):
    """Reads the duplicates of a page's dossiers in one query and remembers each on its dossier,
    where duplicate_of() then finds it (the dashboard's submit buttons)."""
    nominations = list(nominations)
    found = defaultdict(list)
    for pk, unit_id, person_id, year, type_id, status in _duplicate_rows(nominations):
        who = ("u", unit_id) if unit_id else ("p", person_id)
        found[(who, year, type_id)].append(Duplicate(pk, status))
    for n in nominations:
        others = [d for d in found.get(_same_key(n), []) if d.pk != n.pk]
        n.__dict__["_duplicate"] = others[0] if others else None


def duplicate_of(nomination) -> Duplicate | None:
    """Another dossier, not withdrawn or refused, for the same recipient, award type and year."""
    if "_duplicate" not in nomination.__dict__:
        seed_duplicates([nomination])
    return nomination.__dict__["_duplicate"]


def duplicate_message(nomination, duplicate, *, reviving="") -> str:
    """The refusal naming the duplicate: on saving (shown on the recipient's field) or on a step that would bring a withdrawn or refused dossier back (`reviving`:
    the step's label)."""
    what = "tập thể" if nomination.unit_id else "cá nhân"
    other = f"hồ sơ số {duplicate.pk} (trạng thái «{duplicate.status_label}»)"
    award = f"«{nomination.award_type}» năm {nomination.year}"
    if reviving:
        return (
            f"Không thể {reviving}: {what} «{nomination.recipient_name}» đã có {other} đề nghị "
            f"{award} — {DUPLICATE_RULE}. Hồ sơ này chỉ được xử lý lại khi hồ sơ số "
            f"{duplicate.pk} đã rút hoặc có kết quả «{Status.REJECTED.label}»."
        )
    return (
        f"{what.capitalize()} «{nomination.recipient_name}» đã có {other} đề nghị {award} — "
        f"{DUPLICATE_RULE}. Hãy sửa hồ sơ số {duplicate.pk} thay vì lập hồ sơ mới."
    )


def is_historical(nomination, current_start_year: int) -> bool:
    return bool(nomination.is_historical) or nomination.year < current_start_year


def current_regime(today=None):
    today = today or timezone.localdate()
    return LegalRegime.objects.in_force_on(today).order_by("-valid_from").first()


def _law_start(today):
    """Subquery: the first day of today's law — its earliest regime with the same law (a new
    decree under the same law does not make the law's earlier years historical)."""
    law = LegalRegime.objects.in_force_on(today).order_by("-valid_from").values("law")[:1]
    first = LegalRegime.objects.filter(law=Subquery(law)).order_by("valid_from")
    return Subquery(first.values("valid_from")[:1])


def current_start_year(today=None) -> int | None:
    """The first year of the law in force today; earlier years are historical."""
    today = today or timezone.localdate()
    start = batch.memo(
        ("law-start", today),
        lambda: LegalRegime.objects.annotate(start=_law_start(today)).values("start").first(),
    )
    return start["start"].year if start and start["start"] else None


def _key(nomination):
    return nomination.pk if nomination.pk is not None else id(nomination)


def _recipient(record):
    return ("u", record.unit_id) if record.unit_id else ("p", record.person_id)


def _fmt_percent(value) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- facts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """A nomination as the quotas count it."""

    pk: int
    year: int
    type_id: int
    bloc_id: int | None
    organiser_id: int | None
    status: str


@dataclass
class Tally:
    """A quota's figures: what holds a place, what an override let through, what is planned."""

    counted: int = 0
    exceptions: int = 0
    planned: int = 0
    historical: int = 0


@dataclass
class BlocYearFacts:
    bloc_id: int
    name: str
    organiser_id: int
    leading: set = field(default_factory=set)


def _grouped(items, key) -> dict:
    grouped = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped


def _bloc_among(blocs) -> Q:
    """`bloc_id IN (blocs)`. On PostgreSQL written `bloc_id = ANY(ARRAY(blocs))`: the planner
    reads the array once and looks it up along the (bloc, year) index, where an IN subquery
    inside an OR is a filter over every row the other branches find (a quota's nominations at
    a million: 29 → 5 ms)."""
    if connection.vendor != "postgresql":
        return Q(bloc_id__in=blocs)
    from django.contrib.postgres.expressions import ArraySubquery

    return Q(
        Func(
            F("bloc_id"),
            ArraySubquery(blocs),
            template="%(expressions)s)",
            arg_joiner=" = ANY(",
            output_field=BooleanField(),
        )
    )


class Facts:
    """What the rules need about a batch, one plain query per kind of fact and only the kinds
    the batch's rules use: overrides, the recipients' awards and nominations, the nominations a
    quota counts, the bloc-years with their leading collectives, the council votes."""

    def __init__(
        self, rules, nominations, *, years, blocs=(), award_types=None, council_votes=None
    ):
        self._award_types = award_types
        kinds = {r.kind for r in rules}
        pks = [n.pk for n in nominations if n.pk is not None]
        self.organiser_of = dict(blocs)  # {bloc pk: organiser pk}
        self._read_organisers(nominations)
        quota_rules = [r for r in rules if r.is_quota]
        self.holdings = defaultdict(list)  # (recipient, year) -> [(type, source, pk, nomination)]
        self.records: list[Record] = []
        self.historical = defaultdict(int)  # (year, type, organiser) -> awards without nomination
        self.overrides = defaultdict(dict)  # nomination -> {rule: Override}
        self.excepted = defaultdict(set)  # quota rule -> nominations an override lets through
        self.bloc_years = {}  # (bloc, year) -> BlocYearFacts
        self.votes = {}

        holders = [n for n in nominations if kinds & HOLDING_KINDS]
        span = max(
            [r.window_years for r in rules if r.kind == RuleKind.PREREQUISITE_AWARD]
            + [(r.count or 0) for r in rules if r.kind == RuleKind.CONSECUTIVE]
            + [0]
        )
        holding_scope = self._holding_scope(holders, min(years) - span, max(years))
        quota_scope = self._quota_scope(quota_rules, years)
        self._read_nominations(holding_scope, quota_scope)
        self._read_awards(holding_scope, quota_rules, years)
        self._read_overrides(pks, quota_rules, years)
        needs_leading = RuleKind.BLOC_LEADER in kinds or any(
            r.share_base == ShareBase.BLOC_LEADERS for r in quota_rules
        )
        if needs_leading:
            self._read_bloc_years(years)
        if kinds & COUNCIL_KINDS and pks:
            if council_votes is None:
                council_votes = defaultdict(list)
                for vote in CouncilVote.objects.filter(nomination_id__in=pks):
                    council_votes[vote.nomination_id].append(vote)
            for pk, votes in council_votes.items():
                if votes:  # the latest sitting counts
                    self.votes[pk] = max(votes, key=lambda vote: (vote.held_on, vote.pk))

    def _read_organisers(self, nominations):
        """The organiser of each nomination's bloc, from the loaded blocs when they are."""
        missing = set()
        for n in nominations:
            if not n.bloc_id or n.bloc_id in self.organiser_of:
                continue
            if Nomination.bloc.is_cached(n) and n.bloc is not None:
                self.organiser_of[n.bloc_id] = n.bloc.organiser_id
            else:
                missing.add(n.bloc_id)
        if missing:
            rows = Bloc.objects.filter(pk__in=missing).values_list("pk", "organiser_id")
            self.organiser_of.update(rows)

    @staticmethod
    def _holding_scope(nominations, first_year, last_year):
        unit_ids = {n.unit_id for n in nominations if n.unit_id}
        person_ids = {n.person_id for n in nominations if n.person_id}
        if not unit_ids and not person_ids:
            return None
        return (Q(unit_id__in=unit_ids) | Q(person_id__in=person_ids)) & Q(
            year__gte=first_year, year__lte=last_year
        )

    def _quota_scope(self, quota_rules, years):
        """The nominations the quota rules count: the page's blocs (per-bloc quotas) and the
        blocs of their organisers (shares), of the rules' award types."""
        if not quota_rules:
            return None
        types = set()
        for rule in quota_rules:
            if rule.award_type_id is None:
                types = None  # a quota over every award type
                break
            types |= {rule.award_type_id, *rule.required_ids}
        organisers = set(self.organiser_of.values())
        # The organisers' blocs as a subquery, not a join to every nomination's bloc.
        of_organisers = Bloc.objects.filter(organiser_id__in=organisers).values("pk")
        blocs = Q(bloc_id__in=list(self.organiser_of)) | _bloc_among(of_organisers)
        scope = blocs & Q(year__in=years)
        if types is not None:
            scope &= Q(award_type_id__in=types)
        return scope

    def _read_nominations(self, holding_scope, quota_scope):
        held = Q(status__in=COUNTED_STATES) & holding_scope if holding_scope else None
        counted = (
            Q(status__in=[*COUNTED_WITH_GRANTED, *PLANNED_STATES]) & quota_scope
            if quota_scope
            else None
        )
        wanted = [q for q in (held, counted) if q is not None]
        if not wanted:
            return
        where = wanted[0] if len(wanted) == 1 else wanted[0] | wanted[1]
        rows = Nomination.objects.filter(where).values_list(
            "pk", "unit_id", "person_id", "year", "award_type_id", "bloc_id",
            "bloc__organiser_id", "status",
        )  # fmt: skip
        for pk, unit_id, person_id, year, type_id, bloc_id, organiser_id, status in rows:
            if status in COUNTED_STATES:
                who = ("u", unit_id) if unit_id else ("p", person_id)
                self.holdings[(who, year)].append((type_id, "nomination", pk, pk))
            if quota_scope is not None and bloc_id is not None:
                self.records.append(Record(pk, year, type_id, bloc_id, organiser_id, status))

    def _read_awards(self, holding_scope, quota_rules, years):
        """The recipients' awards in effect; for the shares, awards entered without a
        nomination (historical), which count as well."""
        shares = [r for r in quota_rules if r.kind == RuleKind.QUOTA_SHARE]
        share_types = {t for r in shares for t in (r.award_type_id, *r.required_ids) if t}
        historical = (
            Q(nomination__isnull=True, year__in=years, award_type_id__in=share_types)
            if share_types
            else None
        )
        wanted = [q for q in (holding_scope, historical) if q is not None]
        if not wanted:
            return
        where = wanted[0] if len(wanted) == 1 else wanted[0] | wanted[1]
        rows = Award.objects.filter(where, revoked_by__isnull=True).values_list(
            "pk", "unit_id", "person_id", "year", "award_type_id", "bloc__organiser_id",
            "nomination_id",
        )  # fmt: skip
        for pk, unit_id, person_id, year, type_id, organiser_id, nomination_id in rows:
            who = ("u", unit_id) if unit_id else ("p", person_id)
            self.holdings[(who, year)].append((type_id, "award", pk, nomination_id))
            if nomination_id is None and type_id in share_types and year in years:
                self.historical[(year, type_id, organiser_id)] += 1

    def _read_overrides(self, pks, quota_rules, years):
        wanted = Q(nomination_id__in=pks)
        if quota_rules:
            wanted |= Q(rule_id__in=[r.pk for r in quota_rules], nomination__year__in=years)
        for override in Override.objects.filter(wanted).select_related("created_by"):
            self.overrides[override.nomination_id][override.rule_id] = override
            self.excepted[override.rule_id].add(override.nomination_id)

    def _read_bloc_years(self, years):
        rows = BlocYear.objects.filter(year__in=years).values_list(
            "year", "bloc_id", "bloc__name", "bloc__organiser_id", "leading_units__unit_id"
        )
        for year, bloc_id, name, organiser_id, unit_id in rows:
            facts = self.bloc_years.setdefault(
                (bloc_id, year), BlocYearFacts(bloc_id, name, organiser_id)
            )
            if unit_id is not None:
                facts.leading.add(unit_id)

    # --- reading the facts ----------------------------------------------------------------

    @cached_property
    def types(self):
        """{pk: AwardType}: the caller's, or read when a judge first names a type."""
        award_types = self._award_types
        return {t.pk: t for t in (AwardType.objects.all() if award_types is None else award_types)}

    def held(self, nomination, year, type_ids):
        """The holdings of the nomination's recipient in `year` among `type_ids`, not itself."""
        return [
            h
            for h in self.holdings.get((_recipient(nomination), year), [])
            if h[0] in type_ids and h[3] != nomination.pk
        ]

    def type_name(self, type_id):
        award_type = self.types.get(type_id)
        return str(award_type) if award_type else "?"

    @cached_property
    def _records_by_bloc(self):
        """{(bloc, year): [Record]}: a quota reads its own bloc's or organiser's records, not
        every record of the page (thousands when an organiser has hundreds of blocs)."""
        return _grouped(self.records, lambda r: (r.bloc_id, r.year))

    @cached_property
    def _records_by_organiser(self):
        return _grouped(self.records, lambda r: (r.organiser_id, r.year))

    @cached_property
    def _bloc_years_by_organiser(self):
        grouped = defaultdict(list)
        for (_, year), facts in self.bloc_years.items():
            grouped[(facts.organiser_id, year)].append(facts)
        return grouped

    @cached_property
    def _led_by(self):
        """{(unit, year): [BlocYearFacts of the blocs it led]}, read once for every nomination."""
        grouped = defaultdict(list)
        for (_, year), facts in self.bloc_years.items():
            for unit_id in facts.leading:
                grouped[(unit_id, year)].append(facts)
        return grouped

    def blocs_led(self, unit_id, year):
        return self._led_by.get((unit_id, year), [])

    def tally(self, rule, records, matches, *, leave_out=None) -> Tally:
        """The `records` that `matches(record)` selects, split as the quota `rule` counts them."""
        tally = Tally()
        excepted = self.excepted.get(rule.pk, set())
        for record in records:
            if record.pk == leave_out or not matches(record):
                continue
            if record.pk in excepted:
                tally.exceptions += record.status in COUNTED_WITH_GRANTED
            elif record.status in COUNTED_WITH_GRANTED:
                tally.counted += 1
            elif record.status in PLANNED_STATES:
                tally.planned += 1
        return tally

    def bloc_tally(self, rule, bloc_id, year, *, leave_out=None) -> Tally:
        type_id = rule.award_type_id
        return self.tally(
            rule,
            self._records_by_bloc.get((bloc_id, year), ()),
            lambda r: type_id is None or r.type_id == type_id,
            leave_out=leave_out,
        )

    def share_tally(self, rule, type_id, organiser_id, year, *, leave_out=None) -> Tally:
        tally = self.tally(
            rule,
            self._records_by_organiser.get((organiser_id, year), ()),
            lambda r: r.type_id == type_id,
            leave_out=leave_out,
        )
        tally.historical = self.historical.get((year, type_id, organiser_id), 0)
        return tally

    def share_base(self, rule, organiser_id, year):
        """(base, label, blocs without a leading collective on record)."""
        if rule.share_base == ShareBase.BLOC_LEADERS:
            blocs = self._bloc_years_by_organiser.get((organiser_id, year), [])
            missing = sorted(f.name for f in blocs if not f.leading)
            base = sum(len(f.leading) for f in blocs)
            return base, "tập thể dẫn đầu các khối thi đua", missing
        base = 0
        for type_id in rule.required_ids:
            t = self.share_tally(rule, type_id, organiser_id, year)
            base += t.counted + t.exceptions + t.historical
        names = " hoặc ".join(self.type_name(pk) for pk in sorted(rule.required_ids)) or "?"
        return base, f"tập thể được đề nghị/tặng {names}", []


# --- one judge per rule kind --------------------------------------------------------------------


def _required_names(rule, facts):
    return " hoặc ".join(facts.type_name(pk) for pk in sorted(rule.required_ids)) or "?"


def _judge_prerequisite(rule, nomination, facts):
    year = nomination.year
    first = year - rule.window_years
    names = _required_names(rule, facts)
    found = [
        h for y in range(first, year + 1) for h in facts.held(nomination, y, rule.required_ids)
    ]
    needed = rule.count or 1
    where = f"năm {year}" if first == year else f"từ năm {first} đến năm {year}"
    if len(found) >= needed:
        return True, f"đã có {names} {where}."
    return False, f"chưa được đề nghị hoặc tặng {names} {where} (cần {needed}, có {len(found)})."


def _judge_consecutive(rule, nomination, facts):
    count = rule.count or 1
    names = _required_names(rule, facts)
    last = nomination.year if rule.include_current_year else nomination.year - 1
    span = list(range(last - count + 1, last + 1))
    missing = [y for y in span if not facts.held(nomination, y, rule.required_ids)]
    if not missing:
        return True, f"đạt {names} {count} năm liên tục ({span[0]}–{span[-1]})."
    return False, (
        f"cần {count} năm liên tục đạt {names} ({span[0]}–{span[-1]}); "
        f"thiếu năm {', '.join(str(y) for y in missing)}."
    )


def _judge_bloc_leader(rule, nomination, facts):
    year = nomination.year
    if not nomination.unit_id:
        return None, "chỉ áp dụng cho tập thể."
    led = facts.blocs_led(nomination.unit_id, year)
    if led:
        return True, f"tập thể dẫn đầu khối «{led[0].name}» năm {year}."
    own = facts.bloc_years.get((nomination.bloc_id, year))
    if own is not None and not own.leading:
        return None, (
            f"khối «{own.name}» chưa ghi tập thể dẫn đầu năm {year} (kết quả bình xét): "
            "chưa xét được."
        )
    return False, f"tập thể không dẫn đầu khối thi đua nào năm {year}."


def _quota_text(tally):
    extra = []
    if tally.exceptions:
        extra.append(f"ngoài ra {tally.exceptions} hồ sơ được ngoại lệ, không tính")
    if tally.planned:
        extra.append(f"{tally.planned} hồ sơ dự kiến (dự thảo) chưa tính")
    return f" ({'; '.join(extra)})" if extra else ""


def _judge_quota_per_bloc(rule, nomination, facts):
    year = nomination.year
    if not nomination.bloc_id:
        return None, "hồ sơ chưa ghi khối đề nghị."
    tally = facts.bloc_tally(rule, nomination.bloc_id, year, leave_out=nomination.pk)
    total = tally.counted + 1
    limit = rule.count or 0
    what = facts.type_name(rule.award_type_id) if rule.award_type_id else "khen thưởng"
    text = f"khối có {total} hồ sơ {what} năm {year}, tối đa {limit}{_quota_text(tally)}."
    return total <= limit, text


def _judge_quota_share(rule, nomination, facts):
    year = nomination.year
    if not nomination.bloc_id:
        return None, "hồ sơ chưa ghi khối đề nghị."
    organiser = facts.organiser_of.get(nomination.bloc_id)
    type_id = nomination.award_type_id
    tally = facts.share_tally(rule, type_id, organiser, year, leave_out=nomination.pk)
    own = tally.counted + tally.historical + 1
    base, base_label, missing = facts.share_base(rule, organiser, year)
    percent = rule.share_percent or 0
    if missing:
        return None, (
            f"chưa đủ cơ sở để tính tỷ lệ: {len(missing)} khối của cùng cơ quan tổ chức năm "
            f"{year} chưa ghi tập thể dẫn đầu ({', '.join(missing)})."
        )
    limit = int(percent * base / 100)
    return own * 100 <= percent * base, (
        f"{own} {facts.type_name(type_id)} năm {year} trên {base} {base_label}; "
        f"tối đa {_fmt_percent(percent)} % = {limit}{_quota_text(tally)}."
    )


def _judge_council_vote(rule, nomination, facts):
    vote = facts.votes.get(nomination.pk)
    threshold = rule.threshold_percent or 0
    vote_base = rule.vote_base or VoteBase.COUNCIL_SIZE
    if vote is None:
        return None, f"Hội đồng chưa bỏ phiếu (cần từ {_fmt_percent(threshold)} % đồng ý)."
    base = vote.base(vote_base)
    label = "thành viên Hội đồng" if vote_base == VoteBase.COUNCIL_SIZE else "thành viên có mặt"
    return vote.passes(threshold, vote_base), (
        f"{vote.votes_for}/{base} {label} đồng ý ({_fmt_percent(vote.percent(vote_base))} %), "
        f"cần từ {_fmt_percent(threshold)} %."
    )


def _judge_council_quorum(rule, nomination, facts):
    vote = facts.votes.get(nomination.pk)
    top, bottom = rule.quorum_numerator or 0, rule.quorum_denominator or 1
    need = f"cần từ {top}/{bottom} tổng số thành viên có mặt"
    if vote is None:
        return None, f"Hội đồng chưa họp xét hồ sơ ({need})."
    return vote.present * bottom >= vote.council_size * top, (
        f"phiên họp ngày {vote.held_on:%d/%m/%Y} có {vote.present}/{vote.council_size} "
        f"thành viên có mặt; {need}."
    )


def _judge_no_double_reward(rule, nomination, facts):
    year = nomination.year
    own_type = facts.types.get(nomination.award_type_id)
    group = own_type.exclusive_group if own_type else ""
    clashing = {
        pk
        for pk, t in facts.types.items()
        if pk == nomination.award_type_id or (group and t.exclusive_group == group)
    }
    found = facts.held(nomination, year, clashing)
    if not found:
        return True, f"đối tượng chưa có khen thưởng trùng năm {year}."
    parts = []
    for type_id, source, pk, _ in found:
        what = "khen thưởng đã quyết định" if source == "award" else "hồ sơ đang xét"
        parts.append(f"{facts.type_name(type_id)} ({what} số {pk})")
    return False, f"đối tượng đã có {'; '.join(parts)} năm {year}."


JUDGES = {
    RuleKind.PREREQUISITE_AWARD: _judge_prerequisite,
    RuleKind.CONSECUTIVE: _judge_consecutive,
    RuleKind.BLOC_LEADER: _judge_bloc_leader,
    RuleKind.QUOTA_PER_BLOC: _judge_quota_per_bloc,
    RuleKind.QUOTA_SHARE: _judge_quota_share,
    RuleKind.COUNCIL_VOTE: _judge_council_vote,
    RuleKind.COUNCIL_QUORUM: _judge_council_quorum,
    RuleKind.NO_DOUBLE_REWARD: _judge_no_double_reward,
}


def _draft_warning(rule, nomination, facts) -> str:
    """A draft that, with the bloc's other drafts, would exceed a per-bloc quota."""
    if rule.kind != RuleKind.QUOTA_PER_BLOC or nomination.status != Status.DRAFT:
        return ""
    if not nomination.bloc_id:
        return ""
    tally = facts.bloc_tally(rule, nomination.bloc_id, nomination.year, leave_out=nomination.pk)
    planned = tally.counted + tally.planned + 1
    limit = rule.count or 0
    if planned <= limit:
        return ""
    return (
        f"Cảnh báo — {rule.name} ({rule.basis}): khối dự kiến {planned} hồ sơ (kể cả dự thảo), "
        f"tối đa {limit}; hồ sơ gửi sau sẽ không được nhận."
    )


# --- rules in force and the batch -----------------------------------------------------------------


def _rules_in_force(today) -> list:
    """The active rules, each with `required_ids` (its required award types), and the first day
    of today's law on each (`law_start`): one query, one row per (rule, required type)."""
    rules = {}
    rows = (
        Rule.objects.filter(is_active=True)
        .select_related("award_type")
        .annotate(required_id=F("required_award_types"), law_start=_law_start(today))
    )
    for row in rows:
        rule = rules.setdefault(row.pk, row)
        if not hasattr(rule, "required_ids"):
            rule.required_ids = set()
        if row.required_id is not None:
            rule.required_ids.add(row.required_id)
    return list(rules.values())


def _applicable(rules, nomination, day):
    is_unit = bool(nomination.unit_id)
    return [r for r in rules if r.covers(day) and r.applies_to(nomination.award_type_id, is_unit)]


def _plans(all_rules, nominations, today) -> dict:
    """{key: (nomination, its own rules, today's rules for a historical record, historical)}."""
    law_start = all_rules[0].law_start
    current_start = law_start.year if law_start else today.year
    plans = {}
    for nomination in nominations:
        own = _applicable(all_rules, nomination, year_reference_date(nomination.year))
        historical = is_historical(nomination, current_start)
        current = []
        if historical:
            current = [r for r in _applicable(all_rules, nomination, today) if r not in own]
        plans[_key(nomination)] = (nomination, own, current, historical)
    return plans


def _used_rules(plans) -> set:
    return {r for _, own, current, _ in plans.values() for r in own + current}


def checks_for(nominations, *, today=None, award_types=None, council_votes=None) -> dict:
    """{nomination.pk: [RuleCheck, ...]} for a batch (a queue page), in a constant number of
    queries whatever the batch size. `award_types`: every AwardType, and `council_votes`:
    {nomination pk: its votes} for every nomination of the batch, when the caller has them
    already (each saves a query)."""
    nominations = list(nominations)
    if not nominations:
        return {}
    today = today or timezone.localdate()
    all_rules = _rules_in_force(today)
    if not all_rules:
        return {_key(n): [] for n in nominations}
    plans = _plans(all_rules, nominations, today)
    years = {n.year for n in nominations}
    facts = Facts(
        _used_rules(plans),
        nominations,
        years=years,
        award_types=award_types,
        council_votes=council_votes,
    )
    return _judge_plans(plans, facts)


def _judge_plans(plans, facts) -> dict:
    results = {}
    for key, (nomination, own, current, historical) in plans.items():
        rows = []
        for rule, is_current in [(r, False) for r in own] + [(r, True) for r in current]:
            passed, detail = JUDGES[rule.kind](rule, nomination, facts)
            prefix = "Theo quy định hiện hành — " if is_current else ""
            message = f"{prefix}{rule.name} ({rule.basis}): {detail}"
            note_only = historical and passed is not True
            if note_only:
                message += (
                    f" Hồ sơ lịch sử năm {nomination.year} được chấp nhận; ghi chú để tham khảo."
                )
            rows.append(
                RuleCheck(
                    rule=rule,
                    passed=passed,
                    message=message,
                    note_only=note_only,
                    current_rule=is_current,
                    override=facts.overrides.get(nomination.pk, {}).get(rule.pk),
                    warning="" if historical else _draft_warning(rule, nomination, facts),
                )
            )
        results[key] = rows
    return results


# --- the dashboard's quota figures ------------------------------------------------------------


@dataclass
class QuotaRow:
    """One quota as the rules judge it, for a bloc (per-bloc) or its organiser (share)."""

    rule: Rule
    label: str
    limit: int | None
    used: int
    exceptions: int
    planned: int
    base: int | None = None
    note: str = ""

    @property
    def left(self) -> int | str:
        """The «Còn lại» cell: what is left, «Vượt n» when n more were used than the limit (never
        a 0 that hides it), «—» without a limit."""
        if self.limit is None:
            return "—"
        if self.used > self.limit:
            return f"Vượt {self.used - self.limit}"
        return self.limit - self.used

    @property
    def over_when_planned(self) -> bool:
        return self.limit is not None and self.used + self.planned > self.limit


def _quota_rules(all_rules, year) -> list:
    day = year_reference_date(year)
    rules = [r for r in all_rules if r.covers(day) and r.is_quota]
    return sorted(rules, key=lambda r: (r.kind, r.pk))


def bloc_quotas(blocs, year, *, today=None) -> dict:
    """{bloc pk: [QuotaRow]}: the per-bloc quotas and the share quotas of the bloc's organiser
    in force in `year`, counted by the same code that judges a step (a constant number of
    queries for any number of blocs)."""
    blocs = list(blocs)
    rules = _quota_rules(_rules_in_force(today or timezone.localdate()), year)
    if not blocs or not rules:
        return {b.pk: [] for b in blocs}
    facts = Facts(rules, [], years={year}, blocs={b.pk: b.organiser_id for b in blocs})
    return _quota_rows(blocs, year, rules, facts)


def bloc_overview(blocs, year, nominations, *, today=None) -> tuple[dict, dict]:
    """The bloc dashboard's quotas (bloc_quotas) and its nominations' checks (checks_for), read
    from one set of facts."""
    blocs, nominations = list(blocs), list(nominations)
    today = today or timezone.localdate()
    all_rules = _rules_in_force(today)
    if not all_rules:
        return {b.pk: [] for b in blocs}, {_key(n): [] for n in nominations}
    rules = _quota_rules(all_rules, year)
    plans = _plans(all_rules, nominations, today)
    facts = Facts(
        _used_rules(plans) | set(rules),
        nominations,
        years={year} | {n.year for n in nominations},
        blocs={b.pk: b.organiser_id for b in blocs},
    )
    return _quota_rows(blocs, year, rules, facts), _judge_plans(plans, facts)


def _quota_rows(blocs, year, rules, facts) -> dict:
    result = {}
    for bloc in blocs:
        rows = []
        for rule in rules:
            what = str(rule.award_type) if rule.award_type_id else ""
            if rule.kind == RuleKind.QUOTA_PER_BLOC:
                tally = facts.bloc_tally(rule, bloc.pk, year)
                rows.append(
                    QuotaRow(rule, what or "Mọi loại khen thưởng", rule.count or 0,
                             tally.counted, tally.exceptions, tally.planned)
                )  # fmt: skip
                continue
            tally = facts.share_tally(rule, rule.award_type_id, bloc.organiser_id, year)
            base, base_label, missing = facts.share_base(rule, bloc.organiser_id, year)
            percent = rule.share_percent or 0
            row = QuotaRow(
                rule,
                f"{what} (tỷ lệ {_fmt_percent(percent)} % trên {base_label} của cơ quan tổ chức)",
                None if missing else int(percent * base / 100),
                tally.counted + tally.historical,
                tally.exceptions,
                tally.planned,
                base=base,
            )
            if missing:
                row.note = (
                    f"Chưa đủ cơ sở để tính: {len(missing)} khối chưa ghi tập thể dẫn đầu "
                    f"({', '.join(missing)})."
                )
            rows.append(row)
        result[bloc.pk] = rows
    return result
