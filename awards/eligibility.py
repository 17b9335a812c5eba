"""The legal rules (awards.models.Rule rows) applied to nominations.

`check(nomination)` gives one RuleCheck per rule in force for the nomination's year (2015 record →
2015 rules); `checks_for(nominations)` does the same for a whole page in a constant number of
queries. A historical record (a year before today's regime, or entered from a past decision) is also
compared with today's rules, and every failure on it is a note, never a refusal. On a current
nomination a failing rule refuses the step (`refusal()`), unless an administrator recorded an
Override for that rule.

Who may act is a different question: see awards.permissions.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Count, F, IntegerField, Q, Subquery, Value
from django.db.models.functions import Cast, ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from blocs.models import Bloc, Membership, Role

from .models import (
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
# through their Award (a revoked award no longer counts).
COUNTED_STATES = Status.pending_states()
COUNTED_WITH_GRANTED = [*COUNTED_STATES, Status.GRANTED]

SUBMIT = "submit"
RECOMMEND = "recommend"


@dataclass
class RuleCheck:
    rule: Rule
    passed: bool | None  # None: cannot be judged yet (e.g. the council has not voted)
    message: str
    note_only: bool = False  # a historical record: accepted, the failure is shown as a note
    current_rule: bool = False  # a rule of today's regime applied to a historical record
    override: Override | None = None

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
        who = self.override.created_by.get_full_name() or self.override.created_by.get_username()
        when = timezone.localtime(self.override.created_at).strftime("%d/%m/%Y %H:%M")
        return f"Ngoại lệ do {who} ghi ngày {when}: {self.override.reason}"


def check(nomination, *, today=None) -> list[RuleCheck]:
    """The rule checks of one nomination (a constant number of queries)."""
    return checks_for([nomination], today=today).get(_key(nomination), [])


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


def is_historical(nomination, current_start_year: int) -> bool:
    return bool(nomination.is_historical) or nomination.year < current_start_year


def current_regime(today=None):
    today = today or timezone.localdate()
    return LegalRegime.objects.in_force_on(today).order_by("-valid_from").first()


def _key(nomination):
    return nomination.pk if nomination.pk is not None else id(nomination)


def _recipient(record):
    return ("u", record.unit_id) if record.unit_id else ("p", record.person_id)


# ---------------------------------------------------------------------------------------------


_INT = IntegerField()


def _facts(queryset, tag, *columns, group=False):
    """`queryset` as rows (tag, c1..c7) of integers, so that every fact the rules need can be
    read in one UNION ALL query. `group`: count rows grouped by the columns (c7 = the count)."""
    columns = list(columns)
    named = {f"c{i}": (F(c) if isinstance(c, str) else c) for i, c in enumerate(columns, 1)}
    queryset = queryset.order_by()
    if group:
        queryset = queryset.values(**named).annotate(c7=Count("pk"))
        named = {}
    padding = {f"c{i}": Cast(Value(None), _INT) for i in range(len(columns) + 1, 8)}
    if group:
        padding.pop("c7", None)
    return queryset.annotate(tag=Value(tag), **named, **padding).values_list(
        "tag", *(f"c{i}" for i in range(1, 8))
    )


class _Data:
    """Everything the rules need for a batch of nominations, loaded in a few queries: the
    overrides, and one UNION ALL query for the recipients' awards and pending nominations, the
    bloc leaders, the counts per bloc, type and organiser, and the council votes."""

    def __init__(self, nominations, rules, today, award_types=None):
        self.nominations = nominations
        self.today = today
        award_types = AwardType.objects.all() if award_types is None else award_types
        self.types = {t.pk: t for t in award_types}
        kinds = {r.kind for r in rules}
        pks = [n.pk for n in nominations if n.pk is not None]
        years = {n.year for n in nominations}
        span = max(
            [r.window_years for r in rules if r.kind == RuleKind.PREREQUISITE_AWARD]
            + [(r.count or 0) for r in rules if r.kind == RuleKind.CONSECUTIVE]
            + [0]
        )
        self.overrides = defaultdict(dict)
        self.holdings = defaultdict(list)  # (recipient, year) -> [(type_id, kind, pk, nomination)]
        self.leaders = set()
        self.leader_counts = defaultdict(int)  # (year, organiser) -> count; (year, None) = all
        self.type_counts = defaultdict(int)  # (year, type, organiser) -> count; None = all
        self.bloc_counts = defaultdict(int)  # (bloc, year, type) -> counted nominations
        self.votes = {}
        share_rules = [r for r in rules if r.kind == RuleKind.QUOTA_SHARE]
        self.organiser_of = self._organisers(nominations) if share_rules else {}

        # Overrides are rare: the UNION names them, and only then are they read (their reason and
        # author).
        parts = []
        if pks:
            overrides = Override.objects.filter(nomination_id__in=pks)
            parts.append(_facts(overrides, "override", "pk"))
        if kinds & {RuleKind.PREREQUISITE_AWARD, RuleKind.CONSECUTIVE, RuleKind.NO_DOUBLE_REWARD}:
            parts += self._holdings(nominations, min(years) - span, max(years))
        if RuleKind.BLOC_LEADER in kinds or any(
            r.share_base == ShareBase.BLOC_LEADERS for r in share_rules
        ):
            # Leader memberships of the page's years (a few per bloc): who leads, how many.
            leaders = Membership.objects.filter(role=Role.LEADER, year__in=years)
            parts.append(_facts(leaders, "leader", "unit_id", "year", "organiser_id"))
        type_ids = set()
        if share_rules:
            type_ids |= {r.award_type_id for r in share_rules} | {
                pk for r in share_rules for pk in r.required_ids
            }
        if RuleKind.QUOTA_PER_BLOC in kinds:
            type_ids |= {n.award_type_id for n in nominations}
        if type_ids:
            parts += self._counts(years, type_ids, count_shares=bool(share_rules))
        if RuleKind.COUNCIL_VOTE in kinds and pks:
            votes = CouncilVote.objects.filter(nomination_id__in=pks)
            held_on = (
                ExtractYear("held_on") * 10000
                + ExtractMonth("held_on") * 100
                + ExtractDay("held_on")
            )
            fields = ("votes_for", "votes_against", "present", "council_size")
            parts.append(_facts(votes, "vote", "nomination_id", "pk", held_on, *fields))
        if not parts:
            return
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        latest_vote, override_ids = {}, []
        for tag, *row in rows:
            if tag == "override":
                override_ids.append(row[0])
            else:
                getattr(self, f"_read_{tag}")(row, latest_vote)
        if override_ids:
            for override in Override.objects.filter(pk__in=override_ids).select_related(
                "created_by"
            ):
                self.overrides[override.nomination_id][override.rule_id] = override

    def _holdings(self, nominations, first_year, last_year):
        """Awards in effect and pending nominations of the page's recipients."""
        unit_ids = {n.unit_id for n in nominations if n.unit_id}
        person_ids = {n.person_id for n in nominations if n.person_id}
        who = Q(unit_id__in=unit_ids) | Q(person_id__in=person_ids)
        years = Q(year__gte=first_year, year__lte=last_year)
        fields = ("pk", "unit_id", "person_id", "year", "award_type_id")
        awards = Award.objects.filter(who, years, revoked_by__isnull=True)
        pending = Nomination.objects.filter(who, years, status__in=COUNTED_STATES)
        return [
            _facts(awards, "award", *fields, "nomination_id"),
            _facts(pending, "nomination", *fields, "pk"),
        ]

    def _read_award(self, row, _votes, source="award"):
        pk, unit_id, person_id, year, type_id, nomination_id, _ = row
        key = (("u", unit_id) if unit_id else ("p", person_id), year)
        self.holdings[key].append((type_id, source, pk, nomination_id))

    def _read_nomination(self, row, votes):
        self._read_award(row, votes, source="nomination")

    def _read_leader(self, row, _votes):
        unit_id, year, organiser_id = row[:3]
        self.leaders.add((unit_id, year))
        self.leader_counts[(year, organiser_id)] += 1
        self.leader_counts[(year, None)] += 1

    def _counts(self, years, type_ids, *, count_shares):
        """Counted nominations per (year, type, bloc) and, for the shares, historical awards."""
        group = ("year", "award_type_id", "bloc_id", "bloc__organiser_id")
        nominations = Nomination.objects.filter(
            status__in=COUNTED_WITH_GRANTED, year__in=years, award_type_id__in=type_ids
        )
        parts = [_facts(nominations, "counted", *group, group=True)]
        if count_shares:
            # Awards entered without a nomination (historical) count in the shares as well.
            awards = Award.objects.filter(
                nomination__isnull=True,
                revoked_by__isnull=True,
                year__in=years,
                award_type_id__in=type_ids,
            )
            parts.append(_facts(awards, "historical", *group, group=True))
        return parts

    def _read_counted(self, row, _votes, *, per_bloc=True):
        year, type_id, bloc_id, organiser_id = row[:4]
        n = row[6]
        if per_bloc:
            self.bloc_counts[(bloc_id, year, type_id)] += n
        self.type_counts[(year, type_id, organiser_id)] += n
        self.type_counts[(year, type_id, None)] += n

    def _read_historical(self, row, votes):
        self._read_counted(row, votes, per_bloc=False)

    def _read_vote(self, row, latest):
        nomination_id, pk, held_on, votes_for, votes_against, present, council_size = row
        if latest.get(nomination_id, (0, 0)) >= (held_on, pk):
            return
        latest[nomination_id] = (held_on, pk)
        self.votes[nomination_id] = CouncilVote(
            pk=pk,
            nomination_id=nomination_id,
            held_on=date(held_on // 10000, held_on // 100 % 100, held_on % 100),
            votes_for=votes_for,
            votes_against=votes_against,
            present=present,
            council_size=council_size,
        )

    @staticmethod
    def _organisers(nominations):
        """{bloc pk: organiser pk}, from the nominations' loaded blocs when they are."""
        organisers, missing = {}, set()
        for n in nominations:
            if not n.bloc_id:
                continue
            if Nomination.bloc.is_cached(n) and n.bloc is not None:
                organisers[n.bloc_id] = n.bloc.organiser_id
            else:
                missing.add(n.bloc_id)
        if missing:
            organisers.update(Bloc.objects.filter(pk__in=missing).values_list("pk", "organiser_id"))
        return organisers

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


def _fmt_percent(value) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _evaluate(rule, nomination, data: _Data) -> tuple[bool | None, str]:
    year = nomination.year
    kind = rule.kind
    required = rule.required_ids
    required_names = " hoặc ".join(data.type_name(pk) for pk in sorted(required)) or "?"

    if kind == RuleKind.PREREQUISITE_AWARD:
        first = year - rule.window_years
        found = [h for y in range(first, year + 1) for h in data.held(nomination, y, required)]
        needed = rule.count or 1
        where = f"năm {year}" if first == year else f"từ năm {first} đến năm {year}"
        if len(found) >= needed:
            return True, f"đã có {required_names} {where}."
        return False, (
            f"chưa được đề nghị hoặc tặng {required_names} {where} (cần {needed}, có {len(found)})."
        )

    if kind == RuleKind.CONSECUTIVE:
        count = rule.count or 1
        last = year if rule.include_current_year else year - 1
        span = list(range(last - count + 1, last + 1))
        missing = [y for y in span if not data.held(nomination, y, required)]
        if not missing:
            return True, f"đạt {required_names} {count} năm liên tục ({span[0]}–{span[-1]})."
        return False, (
            f"cần {count} năm liên tục đạt {required_names} ({span[0]}–{span[-1]}); "
            f"thiếu năm {', '.join(str(y) for y in missing)}."
        )

    if kind == RuleKind.BLOC_LEADER:
        if not nomination.unit_id:
            return None, "chỉ áp dụng cho tập thể."
        if (nomination.unit_id, year) in data.leaders:
            return True, f"tập thể là khối trưởng một khối thi đua năm {year}."
        return False, f"tập thể không phải khối trưởng của khối thi đua nào năm {year}."

    if kind == RuleKind.QUOTA_PER_BLOC:
        if not nomination.bloc_id:
            return None, "hồ sơ chưa ghi khối đề nghị."
        counted = data.bloc_counts.get((nomination.bloc_id, year, nomination.award_type_id), 0)
        if nomination.status in COUNTED_WITH_GRANTED and nomination.pk is not None:
            counted -= 1
        total = counted + 1
        limit = rule.count or 0
        text = f"khối có {total} hồ sơ {data.type_name(nomination.award_type_id)} năm {year}, tối đa {limit}"
        return total <= limit, text + "."

    if kind == RuleKind.QUOTA_SHARE:
        organiser = data.organiser_of.get(nomination.bloc_id)
        own = data.type_counts.get((year, nomination.award_type_id, organiser), 0)
        if nomination.status in COUNTED_WITH_GRANTED and nomination.pk is not None:
            own -= 1
        own += 1
        if rule.share_base == ShareBase.BLOC_LEADERS:
            base = data.leader_counts.get((year, organiser), 0)
            base_label = "tập thể dẫn đầu các khối thi đua"
        else:
            base = sum(data.type_counts.get((year, pk, organiser), 0) for pk in required)
            base_label = f"tập thể được đề nghị/tặng {required_names}"
        percent = rule.share_percent or 0
        passed = own * 100 <= percent * base
        limit = int(percent * base / 100)
        return passed, (
            f"{own} {data.type_name(nomination.award_type_id)} năm {year} trên {base} {base_label}; "
            f"tối đa {_fmt_percent(percent)} % = {limit}."
        )

    if kind == RuleKind.COUNCIL_VOTE:
        vote = data.votes.get(nomination.pk)
        threshold = rule.threshold_percent or 0
        vote_base = rule.vote_base or VoteBase.COUNCIL_SIZE
        if vote is None:
            return None, f"Hội đồng chưa bỏ phiếu (cần từ {_fmt_percent(threshold)} % đồng ý)."
        base = vote.base(vote_base)
        base_label = (
            "thành viên Hội đồng" if vote_base == VoteBase.COUNCIL_SIZE else "thành viên có mặt"
        )
        return vote.passes(threshold, vote_base), (
            f"{vote.votes_for}/{base} {base_label} đồng ý ({_fmt_percent(vote.percent(vote_base))} %), "
            f"cần từ {_fmt_percent(threshold)} %."
        )

    if kind == RuleKind.NO_DOUBLE_REWARD:
        own_type = data.types.get(nomination.award_type_id)
        group = own_type.exclusive_group if own_type else ""
        clashing = {
            pk
            for pk, t in data.types.items()
            if pk == nomination.award_type_id or (group and t.exclusive_group == group)
        }
        found = data.held(nomination, year, clashing)
        if not found:
            return True, f"đối tượng chưa có khen thưởng trùng năm {year}."
        parts = []
        for type_id, source, pk, _ in found:
            what = "khen thưởng đã quyết định" if source == "award" else "hồ sơ đang xét"
            parts.append(f"{data.type_name(type_id)} ({what} số {pk})")
        return False, f"đối tượng đã có {'; '.join(parts)} năm {year}."

    return None, "loại quy định chưa được hỗ trợ."


def _rules_in_force(today) -> list:
    """The active rules, each with `required_ids` (its required award types) and the start of
    the regime in force `today` (`current_regime_start`): one query, one row per (rule, required
    type)."""
    rules = {}
    regime = LegalRegime.objects.in_force_on(today).order_by("-valid_from")
    rows = (
        Rule.objects.filter(is_active=True)
        .select_related("award_type", "regime")
        .annotate(
            required_id=F("required_award_types"),
            current_regime_start=Subquery(regime.values("valid_from")[:1]),
        )
    )
    for row in rows:
        rule = rules.setdefault(row.pk, row)
        if not hasattr(rule, "required_ids"):
            rule.required_ids = set()
        if row.required_id is not None:
            rule.required_ids.add(row.required_id)
    return list(rules.values())


def checks_for(nominations, *, today=None, award_types=None) -> dict:
    """{nomination.pk: [RuleCheck, ...]} for a batch (a queue page), in a constant number of
    queries whatever the batch size. `award_types`: every AwardType, when the caller has them
    already (saves a query)."""
    nominations = list(nominations)
    if not nominations:
        return {}
    today = today or timezone.localdate()
    all_rules = _rules_in_force(today)
    if not all_rules:
        return {_key(n): [] for n in nominations}
    regime_start = all_rules[0].current_regime_start
    current_start = regime_start.year if regime_start else today.year

    plans = {}
    for nomination in nominations:
        is_unit = bool(nomination.unit_id)
        own = [
            r
            for r in all_rules
            if r.covers(year_reference_date(nomination.year))
            and r.applies_to(nomination.award_type_id, is_unit)
        ]
        historical = is_historical(nomination, current_start)
        current = []
        if historical:
            current = [
                r
                for r in all_rules
                if r.covers(today)
                and r not in own
                and r.applies_to(nomination.award_type_id, is_unit)
            ]
        plans[_key(nomination)] = (nomination, own, current, historical)

    used = {r for _, own, current, _ in plans.values() for r in own + current}
    data = _Data(nominations, used, today, award_types)

    results = {}
    for key, (nomination, own, current, historical) in plans.items():
        rows = []
        for rule, is_current in [(r, False) for r in own] + [(r, True) for r in current]:
            passed, detail = _evaluate(rule, nomination, data)
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
                    override=data.overrides.get(nomination.pk, {}).get(rule.pk),
                )
            )
        results[key] = rows
    return results
