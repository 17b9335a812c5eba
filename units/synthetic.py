"""Synthetic units (a tree under ministries/provinces) and people, for benchmarks."""

from django.contrib.auth.models import Group

from thidua import roles
from thidua.search import SEPARATOR
from thidua.synthetic import (
    FAMILY_NAMES,
    FIELD_WORDS,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    PLACE_WORDS,
    SYNTHETIC_PREFIX,
    bench_pages,
    bulk_insert,
    exists_check,
    generator,
)
from thidua.text import fold

from .models import Person, Position, Unit, UnitKind, User

# Staff accounts the benchmark logs in as (force_login: they have no usable password).
BENCH_ACCOUNTS = [
    (f"{SYNTHETIC_PREFIX}admin", roles.ADMINISTRATOR),
    (f"{SYNTHETIC_PREFIX}thuky", roles.SECRETARIAT),
]

CHILD_KINDS = [
    (UnitKind.DEPARTMENT, "Cục"),
    (UnitKind.DEPARTMENT_VU, "Vụ"),
    (UnitKind.INSTITUTE, "Viện"),
    (UnitKind.CENTRE, "Trung tâm"),
    (UnitKind.FUND, "Quỹ"),
    (UnitKind.BOARD, "Ban Quản lý"),
]


@exists_check
def synthetic_units_exist():
    return Unit.objects.filter(slug__startswith=SYNTHETIC_PREFIX).exists()


def _unit(name, kind, slug, parent_id=None):
    return Unit(name=name, kind=kind, slug=slug, parent_id=parent_id, search_text=fold(name))


@generator
def generate_units_and_people(ctx):
    plan, rng = ctx.plan, ctx.rng
    organisers = bulk_insert(
        Unit,
        (
            _unit(
                f"Bộ {FIELD_WORDS[i % len(FIELD_WORDS)]} {PLACE_WORDS[i % len(PLACE_WORDS)]} {i}",
                UnitKind.MINISTRY,
                f"{SYNTHETIC_PREFIX}bo-{i}",
            )
            for i in range(plan.organisers)
        ),
        ctx,
        "đơn vị (cơ quan tổ chức)",
    )
    children = []
    for i in range(plan.units - plan.organisers):
        kind, label = CHILD_KINDS[i % len(CHILD_KINDS)]
        field = FIELD_WORDS[rng.randrange(len(FIELD_WORDS))]
        place = PLACE_WORDS[rng.randrange(len(PLACE_WORDS))]
        children.append(
            _unit(
                f"{label} {field} {place} {i}",
                kind,
                f"{SYNTHETIC_PREFIX}dv-{i}",
                organisers[i % len(organisers)].pk,
            )
        )
    children = bulk_insert(Unit, children, ctx, "đơn vị (trực thuộc)")
    ctx.ids["organisers"] = [u.pk for u in organisers]
    # Children grouped by organiser, so blocs can draw members from their own organiser.
    by_organiser = {pk: [] for pk in ctx.ids["organisers"]}
    for unit in children:
        by_organiser[unit.parent_id].append(unit.pk)
    ctx.ids["units_by_organiser"] = by_organiser
    ctx.ids["units"] = [u.pk for u in children]

    people = []
    title = "Chuyên viên"
    # The search text as Person.refresh_search_text writes it: the name, then the title.
    titles = f"{SEPARATOR}{fold(title)}"
    for i in range(plan.people):
        name = (
            f"{FAMILY_NAMES[rng.randrange(len(FAMILY_NAMES))]} "
            f"{MIDDLE_NAMES[rng.randrange(len(MIDDLE_NAMES))]} "
            f"{GIVEN_NAMES[rng.randrange(len(GIVEN_NAMES))]}"
        )
        people.append(
            Person(
                full_name=name, slug=f"{SYNTHETIC_PREFIX}cn-{i}", search_text=fold(name) + titles
            )
        )
    people = bulk_insert(Person, people, ctx, "cá nhân")
    ctx.ids["people"] = [p.pk for p in people]
    unit_ids = ctx.ids["units"]
    bulk_insert(
        Position,
        (
            Position(person_id=p.pk, unit_id=unit_ids[i % len(unit_ids)], title=title)
            for i, p in enumerate(people)
        ),
        ctx,
        "chức vụ",
    )
    for username, role in BENCH_ACCOUNTS:
        user = User(username=username, is_staff=True, unit_id=ctx.ids["organisers"][0])
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=role)[0])


@bench_pages
def unit_pages():
    unit = Unit.objects.filter(slug__startswith=f"{SYNTHETIC_PREFIX}dv-").order_by("pk").first()
    pages = [("Danh sách đơn vị", "/don-vi/", None)]
    if unit:
        pages.append(("Trang đơn vị", unit.get_absolute_url(), None))
    return pages
