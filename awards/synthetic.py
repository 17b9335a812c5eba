"""Synthetic nominations, transitions, decisions and awards for benchmarks (`--scale N`).

Nominations are spread over the years and blocs of the synthetic registry; past years are decided
(granted, rejected, withdrawn, a few revoked), the last two years are still moving through the
workflow. Everything is bulk-inserted in chunks, so a million rows fit in memory.

A live dossier (not withdrawn or refused) is the only one for its recipient, award type and year,
as the database requires: by construction (`Recipients`), without a query per row.
"""

import datetime
import math
import time
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.urls import reverse

from blocs.models import Bloc, Document, DocumentKind, Membership, Role
from thidua import roles
from thidua.synthetic import SYNTHETIC_PREFIX, bench_pages, bulk_insert, exists_check, generator
from thidua.text import fold
from units.models import User

from .models import (
    ENDED_STATES,
    Award,
    AwardType,
    Decision,
    DecisionKind,
    Nomination,
    Status,
    Transition,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CHUNK = 50_000
HISTORICAL_BEFORE = 2024

# (status, weight) for decided years and for the open (last two) years.
DECIDED = [
    (Status.GRANTED, 70),
    (Status.REJECTED, 15),
    (Status.WITHDRAWN, 10),
    (Status.REVOKED, 5),
]
OPEN = [
    (Status.DRAFT, 10),
    (Status.SUBMITTED, 15),
    (Status.IN_REVIEW, 15),
    (Status.RETURNED, 5),
    (Status.RECOMMENDED, 15),
    (Status.FORWARDED, 5),
    (Status.GRANTED, 25),
    (Status.REJECTED, 5),
    (Status.WITHDRAWN, 5),
]
# The action that led to each final state, and the state it came from.
LAST_STEP = {
    Status.DRAFT: ("create", ""),
    Status.SUBMITTED: ("submit", Status.DRAFT),
    Status.IN_REVIEW: ("start_review", Status.SUBMITTED),
    Status.RETURNED: ("return", Status.IN_REVIEW),
    Status.RECOMMENDED: ("recommend", Status.IN_REVIEW),
    Status.FORWARDED: ("forward", Status.RECOMMENDED),
    Status.GRANTED: ("grant", Status.RECOMMENDED),
    Status.REJECTED: ("reject", Status.IN_REVIEW),
    Status.WITHDRAWN: ("withdraw", Status.SUBMITTED),
    Status.REVOKED: ("revoke", Status.GRANTED),
}


@exists_check
def synthetic_awards_exist():
    return Document.objects.filter(number__startswith=SYNTHETIC_PREFIX).exists()


def _pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.uniform(0, total)
    for value, weight in weighted:
        x -= weight
        if x <= 0:
            return value
    return weighted[-1][0]


def _document(number, day, kind=DocumentKind.DECISION, title=""):
    issuer = "Bộ Khoa học và Công nghệ"
    return Document(
        kind=kind,
        number=number,
        issued_on=day,
        issuer=issuer,
        title=title,
        search_text=fold("Quyết định", number, issuer, title),
    )


def _decisions(ctx, years):
    """One published grant decision per year, and one revocation decision."""
    documents = [
        _document(
            f"{SYNTHETIC_PREFIX}{year}/QĐ-BKHCN",
            datetime.date(year + 1, 1, 20),
            title=f"Tặng danh hiệu thi đua, hình thức khen thưởng năm {year}",
        )
        for year in years
    ]
    revoke_doc = _document(
        f"{SYNTHETIC_PREFIX}thu-hoi/QĐ-BKHCN",
        datetime.date(ctx.plan.last_year + 1, 6, 1),
        title="Thu hồi, hủy bỏ khen thưởng",
    )
    documents = bulk_insert(Document, [*documents, revoke_doc], ctx, "văn bản (quyết định)")
    decisions = bulk_insert(
        Decision,
        [
            Decision(
                document_id=doc.pk,
                kind=DecisionKind.REVOKE if i == len(documents) - 1 else DecisionKind.GRANT,
                signer_title="Bộ trưởng Bộ Khoa học và Công nghệ",
            )
            for i, doc in enumerate(documents)
        ],
        ctx,
        "quyết định khen thưởng",
    )
    by_year = {year: decisions[i].pk for i, year in enumerate(years)}
    return by_year, decisions[-1].pk


def _accounts(ctx):
    """A bloc leader and a reviewer account for the staff pages of the benchmark."""
    leader = (
        Membership.objects.filter(
            role=Role.LEADER, year=ctx.plan.last_year, bloc_year__bloc_id__in=ctx.ids["blocs"]
        )
        .order_by("bloc_year__bloc_id")
        .first()
    )
    units = ctx.ids["units"]
    for username, role, unit_id in [
        (f"{SYNTHETIC_PREFIX}khoitruong", roles.BLOC_LEADER, leader.unit_id if leader else None),
        (f"{SYNTHETIC_PREFIX}tdkt", roles.REVIEWER, units[-1] if units else None),
    ]:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "unit_id": unit_id}
        )
        user.groups.add(Group.objects.get_or_create(name=role)[0])


class Recipients:
    """Recipients for live dossiers, never the same twice for one (award type, year): each key
    walks the recipients along its own arithmetic progression modulo their number, from a random
    start with a random step prime to that number, so its first n steps visit n distinct ones.
    Memory: three integers per key, whatever the number of dossiers."""

    def __init__(self, ids, rng):
        self.ids, self.rng, self.walks = ids, rng, {}

    def take(self, type_id, year):
        """A recipient not yet given a live dossier of this type and year, or None (all have)."""
        n = len(self.ids)
        walk = self.walks.get((type_id, year))
        if walk is None:
            step = self.rng.randrange(1, n) if n > 1 else 1
            while math.gcd(step, n) != 1:
                step = self.rng.randrange(1, n)
            walk = self.walks[(type_id, year)] = [self.rng.randrange(n), step, 0]
        start, step, used = walk
        if used >= n:
            return None
        walk[2] = used + 1
        return self.ids[(start + used * step) % n]


def _live_recipient(rng, recipients, award_type, pool, year):
    """(award type, recipient) for a live dossier: the drawn type if one of its recipients is still
    free that year, else the next type of the pool that has one; None when every type is full."""
    recipient = recipients.take(award_type.pk, year)
    if recipient is not None:
        return award_type, recipient
    offset = rng.randrange(len(pool))
    for i in range(len(pool)):
        other = pool[(offset + i) % len(pool)]
        recipient = recipients.take(other.pk, year)
        if recipient is not None:
            return other, recipient
    return None


@generator
def generate_awards(ctx):
    plan, rng = ctx.plan, ctx.rng
    types = {t.slug: t for t in AwardType.objects.all()}
    unit_types = [t for t in types.values() if t.accepts_unit()]
    person_types = [t for t in types.values() if t.accepts_person()]
    flag_types = [types["co-thi-dua-bo"], types["co-thi-dua-chinh-phu"]]
    bloc_years = ctx.ids["bloc_years"]
    units, people = ctx.ids["units"], ctx.ids["people"]
    events_by_bloc_year = {}
    for pk, bloc_id, year, _ in ctx.ids.get("events", []):
        events_by_bloc_year.setdefault((bloc_id, year), pk)
    years = sorted({year for _, _, year in bloc_years})
    decision_of, revoke_decision = _decisions(ctx, years)
    _accounts(ctx)
    open_from = plan.last_year - 1
    live_units, live_people = Recipients(units, rng), Recipients(people, rng)

    remaining = plan.nominations
    while remaining > 0:
        size = min(CHUNK, remaining)
        remaining -= size
        rows = []
        for _ in range(size):
            _, bloc_id, year = bloc_years[rng.randrange(len(bloc_years))]
            is_person = bool(people) and rng.random() < 0.3
            if is_person:
                pool, all_types, recipients = person_types, person_types, live_people
            else:
                pool = flag_types if rng.random() < 0.5 else unit_types
                all_types, recipients = unit_types, live_units
            award_type = pool[rng.randrange(len(pool))]
            status = _pick(rng, OPEN if year >= open_from else DECIDED)
            found = None
            if status not in ENDED_STATES:
                found = _live_recipient(rng, recipients, award_type, all_types, year)
                if found is None:
                    # Every recipient holds a live dossier of every type that year: this one
                    # was withdrawn (an ended dossier may repeat a live one's key).
                    status = Status.WITHDRAWN
            if found is not None:
                award_type, recipient = found
            else:
                recipient = recipients.ids[rng.randrange(len(recipients.ids))]
            unit_id, person_id = (None, recipient) if is_person else (recipient, None)
            if status == Status.FORWARDED and not award_type.government_level:
                status = Status.RECOMMENDED
            rows.append(
                Nomination(
                    award_type_id=award_type.pk,
                    type_order=award_type.order,
                    year=year,
                    unit_id=unit_id,
                    person_id=person_id,
                    bloc_id=bloc_id,
                    event_id=events_by_bloc_year.get((bloc_id, year)),
                    achievements="Hoàn thành xuất sắc nhiệm vụ được giao.",
                    status=status,
                    is_historical=year < HISTORICAL_BEFORE,
                )
            )
        created = bulk_insert(Nomination, rows, ctx, "hồ sơ đề nghị")
        _transitions_and_awards(ctx, created, decision_of, revoke_decision)


@generator
def generate_award_tallies(ctx):
    """The statistics' counts, public and staff (bulk inserts send no signals to keep them
    current)."""
    from . import tallies

    started = time.monotonic()
    tallies.refresh()
    tallies.refresh_nominations()
    ctx.out.write(f"số khen thưởng (thống kê)      {time.monotonic() - started:.1f}s\n")


def _transitions_and_awards(ctx, nominations, decision_of, revoke_decision):
    transitions, awards = [], []
    for n in nominations:
        action, before = LAST_STEP[n.status]
        at = datetime.datetime(n.year + 1, 1, 25, 9, 0, tzinfo=TZ)
        transitions.append(
            Transition(
                nomination_id=n.pk,
                action=action,
                from_status=before,
                to_status=n.status,
                at=at,
                reason="Thu hồi do kê khai không đúng" if n.status == Status.REVOKED else "",
            )
        )
        if n.status in (Status.GRANTED, Status.REVOKED):
            revoked = n.status == Status.REVOKED
            awards.append(
                Award(
                    award_type_id=n.award_type_id,
                    type_order=n.type_order,
                    year=n.year,
                    unit_id=n.unit_id,
                    person_id=n.person_id,
                    bloc_id=n.bloc_id,
                    decision_id=decision_of[n.year],
                    nomination_id=n.pk,
                    is_historical=n.is_historical,
                    revoked_by_id=revoke_decision if revoked else None,
                    revocation_reason="Thu hồi do kê khai không đúng" if revoked else "",
                    revoked_at=at if revoked else None,
                )
            )
    bulk_insert(Transition, transitions, ctx, "nhật ký xử lý hồ sơ")
    bulk_insert(Award, awards, ctx, "khen thưởng đã quyết định")


@bench_pages
def award_pages():
    year = (
        Award.objects.filter(decision__document__number__startswith=SYNTHETIC_PREFIX)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    pages = [("Khen thưởng (danh sách công khai)", "/khen-thuong/", None)]
    bloc = Bloc.objects.filter(slug__startswith=SYNTHETIC_PREFIX).order_by("pk").first()
    if year and bloc:
        one_bloc = f"year={year - 1}&bloc={bloc.pk}"
        pages += [
            ("Khen thưởng năm (lọc)", f"/khen-thuong/?year={year - 1}", None),
            ("Khen thưởng của khối (lọc)", f"/khen-thuong/?{one_bloc}", None),
            ("Xuất CSV một khối, một năm", f"/khen-thuong/xuat.csv?{one_bloc}", None),
            ("Xuất XLSX một khối, một năm", f"/khen-thuong/xuat.xlsx?{one_bloc}", None),
        ]
    pages += [
        ("Bảng điều khiển khối trưởng", "/khen-thuong/khoi/", f"{SYNTHETIC_PREFIX}khoitruong"),
        ("Hàng đợi thẩm định", "/khen-thuong/tham-dinh/", f"{SYNTHETIC_PREFIX}tdkt"),
    ]
    return pages + staff_forms()


def staff_forms():
    """The busiest staff forms: a reviewed dossier and a decision with many awards."""
    forms = []
    dossier = (
        Nomination.objects.filter(bloc__slug__startswith=SYNTHETIC_PREFIX, status=Status.GRANTED)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if dossier:
        path = reverse("awards:detail", args=[dossier])
        forms.append(("Trang hồ sơ (thẩm định)", path, f"{SYNTHETIC_PREFIX}tdkt"))
    decision = (
        Decision.objects.filter(document__number__startswith=SYNTHETIC_PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if decision:
        path = reverse("admin:awards_decision_change", args=[decision])
        forms.append(("Quản trị: trang quyết định", path, f"{SYNTHETIC_PREFIX}admin"))
    return forms


@bench_pages
def statistics_and_api_pages():
    """The statistics pages and the API's lists (first page, and one bloc's awards)."""
    pages = [
        ("Thống kê (công khai)", "/thong-ke/", None),
        ("Thống kê nội bộ", "/khen-thuong/tham-dinh/thong-ke/", f"{SYNTHETIC_PREFIX}tdkt"),
    ]
    bloc = Bloc.objects.filter(slug__startswith=SYNTHETIC_PREFIX).order_by("pk").first()
    if bloc:
        pages.append(("Thống kê một khối", f"/thong-ke/?khoi={bloc.slug}", None))
    for name in ["units", "blocs", "bloc-years", "events", "decisions", "awards"]:
        pages.append((f"API {name}", f"/api/v1/{name}/", None))
    if bloc:
        pages.append(("API awards của một khối", f"/api/v1/awards/?bloc={bloc.pk}", None))
    return pages
