"""Read queries behind the event pages and panels. Each runs a constant number of queries."""

import json
from datetime import date
from decimal import Decimal

from django.db.models import (
    Aggregate,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
    prefetch_related_objects,
)
from django.http import Http404

from thidua.panels import enrich, enrichment_annotations
from units.queries import unit_name_in_year

from .models import (
    Attendance,
    AttendanceKind,
    BlocYear,
    Commitment,
    Election,
    Event,
    EventAttachment,
    EventMovement,
    Figure,
    Honour,
    Membership,
    MovementStatus,
    Pledge,
    Report,
    Section,
    SectionKind,
    Speech,
    member_count,
)
from .queries import bloc_name_in_year


def public_events():
    """Published events, each with `bloc_name`: its bloc's name in the event's year."""
    return (
        Event.objects.published()
        .select_related("bloc")
        .annotate(bloc_name=bloc_name_in_year(OuterRef("period_end")))
    )


def can_preview(user) -> bool:
    return user.is_authenticated and user.has_perm("blocs.view_event")


# The records shown on an event page, one query per kind that the event has (see event_for_page).
def _record_prefetches(year):
    named = _unit_name_in(year)
    return {
        "documents": "documents",
        "attendances": Prefetch(
            "attendances", Attendance.objects.select_related("person", "unit").annotate(**named)
        ),
        "reports": Prefetch(
            "reports", Report.objects.select_related("presenter", "unit").annotate(**named)
        ),
        "honours": Prefetch(
            "honours",
            Honour.objects.select_related("person", "unit").annotate(
                **named, **enrichment_annotations("honours")
            ),
        ),
        "speeches": Prefetch("speeches", Speech.objects.select_related("speaker")),
        "movement_links": Prefetch(
            "movement_links",
            EventMovement.objects.select_related("movement__launched_by", "movement__basis"),
        ),
        "elections": Prefetch(
            "elections",
            Election.objects.select_related("unit").annotate(**named).order_by("year", "-role"),
        ),
        "pledges": Prefetch(
            "pledges",
            Pledge.objects.annotate(
                commitment_rows=_json_rows(Commitment, "pledge")
            ).prefetch_related("signatories"),
        ),
    }


# Small text-only records read as JSON arrays with the event row itself (no query of their own).
FOLDED = {"sections": Section, "figures": Figure, "attachments": EventAttachment}


class JSONRows(Aggregate):
    """The rows as the text of a JSON array of objects (SQLite json_group_array, PG json_agg)."""

    function = "JSON_GROUP_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = self.as_sql(compiler, connection, function="JSON_AGG", **extra)
        return f"({sql})::text", params


class JSONRow(Func):
    """One row as a JSON object keyed by field names (SQLite json_object, PG json_build_object).

    Not Django's JSONObject: that one makes SQLite check its JSON support with extra queries."""

    function = "JSON_OBJECT"
    output_field = TextField()

    def __init__(self, **fields):
        self.keys = list(fields)
        super().__init__(*fields.values())

    def as_sql(self, compiler, connection, function=None, key_type="", **extra):
        parts, params = [], []
        for key, expression in zip(self.keys, self.get_source_expressions(), strict=True):
            sql, more = compiler.compile(expression)
            parts.append(f"'{key}'{key_type}, {sql}")  # keys are field names, never user input
            params.extend(more)
        return f"{function or self.function}({', '.join(parts)})", params

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSON_BUILD_OBJECT", key_type="::text")


def _json_rows(model, fk):
    """Subquery: every `model` row pointing (by `fk`) at the outer row, as a JSON array."""
    fields = {f.attname: F(f.attname) for f in model._meta.concrete_fields}
    rows = (
        model.objects.filter(**{fk: OuterRef("pk")})
        .order_by()
        .values(fk)
        .annotate(rows=JSONRows(JSONRow(**fields)))
        .values("rows")
    )
    return Subquery(rows, output_field=TextField())


def _cache_rows(owner, name, model, text):
    """Put the JSON rows (see _json_rows) into `owner.<name>.all()` as model instances."""
    fields = model._meta.concrete_fields
    attnames = [f.attname for f in fields]
    objs = [
        model.from_db("default", attnames, [f.to_python(row[f.attname]) for f in fields])
        for row in json.loads(text or "[]", parse_float=Decimal)
    ]
    objs.sort(key=lambda obj: (obj.order, obj.pk))
    fk = getattr(owner.__class__, name).field
    for obj in objs:
        fk.set_cached_value(obj, owner)
    qs = getattr(owner, name).all()
    qs._result_cache, qs._prefetch_done = objs, True
    owner.__dict__.setdefault("_prefetched_objects_cache", {})[name] = qs


RECORDS = [
    "documents",
    "attendances",
    "reports",
    "honours",
    "speeches",
    "movement_links",
    "elections",
    "pledges",
]


def _unit_name_in(year):
    """`unit_name`: the row's unit's name in `year` (a former name if one covers it)."""
    return {"unit_name": unit_name_in_year(year)}


def _member_count_annotations():
    """The bloc-year's declared and named member counts, read with the event itself."""
    bloc_year = BlocYear.objects.filter(bloc=OuterRef("bloc"), year=OuterRef("period_end"))
    named = (
        Membership.objects.filter(bloc_year__bloc=OuterRef("bloc"), year=OuterRef("period_end"))
        .order_by()
        .values("bloc_year")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "has_bloc_year": Exists(bloc_year),
        "bloc_year_member_count": Subquery(bloc_year.values("member_count")[:1]),
        "bloc_year_named": Subquery(named[:1]),
    }


def event_for_page(slug, user):
    """The event behind /su-kien/<slug>/: published ones for everybody, drafts for staff only.

    The event row says (Exists subqueries) which kinds of records it has, and carries the small
    text-only ones (FOLDED) as JSON; the others are fetched only when present, one query each,
    each row with its unit's name in the event's year."""
    qs = Event.objects.all() if can_preview(user) else Event.objects.published()
    flags = {f"has_{name}": _exists(name) for name in RECORDS}
    folded = {f"{name}_rows": _json_rows(model, "event") for name, model in FOLDED.items()}
    event = (
        qs.select_related("bloc", "chair")
        .annotate(**flags, **folded, **_member_count_annotations())
        .annotate(bloc_name=bloc_name_in_year(OuterRef("period_end")))
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    for name, model in FOLDED.items():
        _cache_rows(event, name, model, getattr(event, f"{name}_rows"))
    lookups = [
        lookup if getattr(event, f"has_{name}") else Prefetch(name, _empty(event, name))
        for name, lookup in _record_prefetches(event.period_end).items()
    ]
    prefetch_related_objects([event], *lookups)
    for pledge in event.pledges.all():
        _cache_rows(pledge, "commitments", Commitment, pledge.commitment_rows)
    honours = list(event.honours.all())
    for honour in honours:
        honour.award_links = []
    # The awards that answer these honours: told by the apps that know them (awards).
    enrich("honours", honours)
    return event


def _exists(name):
    """Exists(a row of the event's `name` records); documents through the link table."""
    rel = getattr(Event, name).rel
    if rel.many_to_many:
        return Exists(rel.through.objects.filter(event=OuterRef("pk")))
    return Exists(rel.related_model.objects.filter(**{rel.field.name: OuterRef("pk")}))


def _empty(event, name):
    return getattr(event, name).model.objects.none()


def stated_member_count(event):
    """The member count said at the event, else the bloc-year's (declared or counted)."""
    if event.member_count is not None:
        return event.member_count
    if hasattr(event, "has_bloc_year"):  # read with the event (event_for_page)
        found, declared, named = (
            event.has_bloc_year,
            event.bloc_year_member_count,
            event.bloc_year_named,
        )
    else:
        bloc_year = (
            BlocYear.objects.filter(bloc=event.bloc_id, year=event.period_end)
            .annotate(named=Count("memberships"))
            .first()
        )
        found = bloc_year is not None
        declared, named = (bloc_year.member_count, bloc_year.named) if found else (None, 0)
    if not found:
        return None
    return member_count(declared, named) or None


def event_summary(event) -> dict:
    """The event's records arranged the way the page tells them (no further queries)."""
    attendances = list(event.attendances.all())
    sections = list(event.sections.all())
    figures = list(event.figures.all())
    children = {}
    for figure in figures:
        children.setdefault(figure.parent_id, []).append(figure)
    figure_tree = [(f, children.get(f.pk, [])) for f in children.get(None, [])]
    links = list(event.movement_links.all())
    attachments = list(event.attachments.all())
    for row in [*attendances, *event.reports.all(), *event.elections.all()]:
        if not hasattr(row, "unit_name"):
            row.unit_name = row.unit.name_in(event.period_end) if row.unit_id else ""
    return {
        "guests": [a for a in attendances if a.kind == AttendanceKind.GUEST and a.person_id],
        "representatives": [
            a for a in attendances if a.kind == AttendanceKind.REPRESENTATIVE and a.person_id
        ],
        "groups": [a for a in attendances if not a.person_id],
        "sections": {kind: [s for s in sections if s.kind == kind] for kind in SectionKind.values},
        "figure_tree": figure_tree,
        "carried_out": [m for m in links if m.status == MovementStatus.CARRIED_OUT],
        "adopted": [m for m in links if m.status == MovementStatus.ADOPTED],
        "photos": [a for a in attachments if a.is_photo],
        "files": [a for a in attachments if not a.is_photo],
        "member_count": stated_member_count(event),
    }


def of_year(year) -> Q:
    """Events whose period covers `year`, and those held in `year` (a 2020 conference on the
    period 2015–2019 belongs to 2020 as well)."""
    held = Q(held_on__gte=date(year, 1, 1), held_on__lte=date(year, 12, 31))
    return Q(period_start__lte=year, period_end__gte=year) | held


def events_of_year(year):
    return public_events().filter(of_year(year))


def events_of_bloc(bloc):
    return public_events().filter(bloc=bloc)


def events_of_person(person):
    """Published events the person attended, chaired, reported at, spoke at or was honoured
    at (one query)."""
    named = (
        Q(attendances__person=person)
        | Q(reports__presenter=person)
        | Q(speeches__speaker=person)
        | Q(honours__person=person)
    )
    ids = Event.objects.filter(named).values("pk")
    return public_events().filter(Q(pk__in=ids) | Q(chair=person))


def events_of_unit(unit):
    """Published events where the unit took part: named in the records or a bloc member then."""
    member = Membership.objects.filter(
        unit=unit,
        bloc_year__bloc=OuterRef("bloc"),
        year__gte=OuterRef("period_start"),
        year__lte=OuterRef("period_end"),
    )
    named = (
        Q(attendances__unit=unit)
        | Q(reports__unit=unit)
        | Q(elections__unit=unit)
        | Q(pledges__signatories=unit)
        | Q(honours__unit=unit)
    )
    ids = Event.objects.filter(named).values("pk")
    return public_events().filter(Q(pk__in=ids) | Exists(member))
