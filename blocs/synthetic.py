"""Synthetic blocs, yearly memberships with leaders and deputies, and events, for benchmarks."""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Max
from django.urls import reverse

from thidua.synthetic import PLACE_WORDS, SYNTHETIC_PREFIX, bench_pages, bulk_insert, generator
from thidua.text import fold, identity_key

from .models import Bloc, BlocYear, Event, EventKind, Membership, Role

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@generator
def generate_blocs(ctx):
    plan = ctx.plan
    organisers = ctx.ids["organisers"]
    blocs = []
    for i in range(plan.blocs):
        name = f"Khối thi đua {PLACE_WORDS[i % len(PLACE_WORDS)]} số {i}"
        blocs.append(
            Bloc(
                name=name,
                name_key=identity_key(name),  # bulk inserts skip Bloc.save()
                slug=f"{SYNTHETIC_PREFIX}khoi-{i}",
                organiser_id=organisers[i % len(organisers)],
                first_year=plan.first_year,
                search_text=fold(name),
            )
        )
    blocs = bulk_insert(Bloc, blocs, ctx, "khối thi đua")
    ctx.ids["blocs"] = [b.pk for b in blocs]

    # Each organiser's units are shared out among that organiser's blocs, so no unit is in two
    # blocs of one organiser in a year (the rule the database enforces).
    rosters = {}
    blocs_of = {}
    for bloc in blocs:
        blocs_of.setdefault(bloc.organiser_id, []).append(bloc.pk)
    for organiser, unit_ids in ctx.ids["units_by_organiser"].items():
        own = blocs_of.get(organiser, [])
        for k, unit_id in enumerate(unit_ids):
            if own:
                rosters.setdefault(own[k % len(own)], []).append(unit_id)
    organiser_of = {b.pk: b.organiser_id for b in blocs}

    years = range(plan.first_year, plan.last_year + 1)
    bloc_years = bulk_insert(
        BlocYear,
        (
            BlocYear(bloc_id=pk, year=year, member_count=len(rosters.get(pk, [])))
            for pk in ctx.ids["blocs"]
            for year in years
        ),
        ctx,
        "khối theo năm",
    )
    ctx.ids["bloc_years"] = [(by.pk, by.bloc_id, by.year) for by in bloc_years]

    def memberships():
        for by in bloc_years:
            members = rosters.get(by.bloc_id, [])
            n = len(members)
            for k, unit_id in enumerate(members):
                role = Role.MEMBER
                if n and k == by.year % n:
                    role = Role.LEADER
                elif n > 1 and k == (by.year + 1) % n:
                    role = Role.DEPUTY
                yield Membership(
                    bloc_year_id=by.pk,
                    unit_id=unit_id,
                    role=role,
                    year=by.year,
                    organiser_id=organiser_of[by.bloc_id],
                )

    bulk_insert(Membership, memberships(), ctx, "thành viên khối")


@generator
def generate_events(ctx):
    plan, rng = ctx.plan, ctx.rng
    bloc_years = ctx.ids["bloc_years"]
    names = dict(Bloc.objects.filter(pk__in=ctx.ids["blocs"]).values_list("pk", "name"))
    kinds = [EventKind.SUMMARY, EventKind.MID_YEAR, EventKind.PLEDGE_SIGNING, EventKind.OTHER]
    events = []
    for i in range(plan.events):
        _, bloc_id, year = bloc_years[i % len(bloc_years)]
        # Each bloc-year gets at most one event of each kind but «Sự kiện khác» (the kind after
        # every bloc-year had one of the others), dated in its year: never two events of a kind
        # of one bloc on one day (the database's event_one_per_kind_bloc_day).
        kind = kinds[min(i // len(bloc_years), len(kinds) - 1)]
        month = 12 if kind == EventKind.SUMMARY else 7 if kind == EventKind.MID_YEAR else 3
        held_on = datetime.date(year, month, rng.randint(1, 28))
        title = f"{EventKind(kind).label} {year} – {names[bloc_id]}"
        published = rng.random() < 0.9
        events.append(
            Event(
                bloc_id=bloc_id,
                kind=kind,
                title=title,
                slug=f"{SYNTHETIC_PREFIX}su-kien-{i}",
                period_start=year,
                period_end=year,
                held_on=held_on,
                place="Trụ sở Bộ",
                is_published=published,
                published_at=datetime.datetime.combine(
                    held_on + datetime.timedelta(days=3), datetime.time(9, 0), TZ
                )
                if published
                else None,
                view_count=rng.randint(0, 2000),
                search_text=fold(title, "Trụ sở Bộ"),
            )
        )
    events = bulk_insert(Event, events, ctx, "sự kiện")
    ctx.ids["events"] = [(e.pk, e.bloc_id, e.period_end, e.is_published) for e in events]


@bench_pages
def bloc_pages():
    bloc = Bloc.objects.filter(slug__startswith=SYNTHETIC_PREFIX).order_by("pk").first()
    event = (
        Event.objects.published().filter(bloc__slug__startswith=SYNTHETIC_PREFIX).order_by("pk")
    ).first()
    year = bloc.first_year if bloc else None
    pages = [("Trang chủ", "/", None), ("Danh sách sự kiện", "/su-kien/", None)]
    if bloc:
        # Ten years in when the data spans them (full scale), else its last year.
        last = BlocYear.objects.filter(bloc=bloc).aggregate(last=Max("year"))["last"] or year
        pages += [
            ("Trang năm", f"/nam/{min(year + 10, last)}/", None),
            ("Trang khối", bloc.get_absolute_url(), None),
            (
                "Sự kiện theo khoảng ngày",
                f"/su-kien/?tu_ngay=01/01/{year}&den_ngay=31/12/{year + 5}",
                None,
            ),
        ]
    if event:
        pages.append(("Trang sự kiện", event.get_absolute_url(), None))
        # The event admin form with every inline: the heaviest form a clerk opens.
        admin_form = reverse("admin:blocs_event_change", args=[event.pk])
        pages.append(("Quản trị: sự kiện và các mục", admin_form, f"{SYNTHETIC_PREFIX}admin"))
    pages += [
        ("Tìm kiếm «hoa lac»", "/tim-kiem/?q=hoa+lac", None),
        ("Tìm kiếm «cong nghe sinh hoc»", "/tim-kiem/?q=cong+nghe+sinh+hoc", None),
    ]
    return pages
