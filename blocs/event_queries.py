"""Read queries behind the event pages and panels. Each runs a constant number of queries."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.http import Http404

from units.queries import former_names

from .models import (
    Attendance,
    AttendanceKind,
    BlocYear,
    Commitment,
    Election,
    Event,
    EventMovement,
    Figure,
    Membership,
    MovementStatus,
    Pledge,
    Report,
    SectionKind,
    Speech,
)


def public_events():
    return Event.objects.published().select_related("bloc")


def can_preview(user) -> bool:
    return user.is_authenticated and user.has_perm("blocs.view_event")


# The records shown on an event page, one query per kind that the event has (see event_for_page).
def _record_prefetches():
    return {
        "documents": "documents",
        "attendances": Prefetch("attendances", Attendance.objects.select_related("person", "unit")),
        "reports": Prefetch("reports", Report.objects.select_related("presenter", "unit")),
        "speeches": Prefetch("speeches", Speech.objects.select_related("speaker")),
        "sections": "sections",
        "figures": Prefetch("figures", Figure.objects.order_by("order", "pk")),
        "movement_links": Prefetch(
            "movement_links",
            EventMovement.objects.select_related("movement__launched_by", "movement__basis"),
        ),
        "elections": Prefetch(
            "elections", Election.objects.select_related("unit").order_by("year", "-role")
        ),
        "pledges": Prefetch(
            "pledges",
            Pledge.objects.prefetch_related(
                "signatories", Prefetch("commitments", Commitment.objects.all())
            ),
        ),
        "attachments": "attachments",
    }


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

    The event row says (Exists subqueries) which kinds of records it has; only those are
    fetched, one query each, and the units' former names in one more query for all of them."""
    qs = Event.objects.all() if can_preview(user) else Event.objects.published()
    prefetches = _record_prefetches()
    flags = {f"has_{name}": _exists(name) for name in prefetches}
    event = (
        qs.select_related("bloc", "chair")
        .annotate(**flags, **_member_count_annotations())
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    lookups = [
        lookup if getattr(event, f"has_{name}") else Prefetch(name, _empty(event, name))
        for name, lookup in prefetches.items()
    ]
    prefetch_related_objects([event], *lookups)
    _name_units(event)
    return event


def _exists(name):
    """Exists(a row of the event's `name` records); documents through the link table."""
    rel = getattr(Event, name).rel
    if rel.many_to_many:
        return Exists(rel.through.objects.filter(event=OuterRef("pk")))
    return Exists(rel.related_model.objects.filter(**{rel.field.name: OuterRef("pk")}))


def _empty(event, name):
    return getattr(event, name).model.objects.none()


def _name_units(event):
    """Each attendance, report and election row gets `unit_name`: the unit's name that year."""
    rows = [*event.attendances.all(), *event.reports.all(), *event.elections.all()]
    unit_ids = {row.unit_id for row in rows if row.unit_id}
    names = former_names(unit_ids) if unit_ids else {}
    for row in rows:
        row.unit_name = (
            row.unit.name_in(event.period_end, names.get(row.unit_id, [])) if row.unit_id else ""
        )


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
    return declared if declared is not None else named or None


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


def events_of_year(year):
    return public_events().filter(period_start__lte=year, period_end__gte=year)


def events_of_bloc(bloc):
    return public_events().filter(bloc=bloc)


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
    )
    ids = Event.objects.filter(named).values("pk")
    return public_events().filter(Q(pk__in=ids) | Exists(member))
