"""Read queries behind the event pages and panels. Each runs a constant number of queries."""

from datetime import date

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

from thidua.panels import enrich, enrichment_annotations
from thidua.predicates import can
from units.queries import unit_name_in_year

from .models import (
    Attendance,
    AttendanceKind,
    BlocYear,
    Election,
    Event,
    EventMovement,
    Honour,
    Membership,
    MovementStatus,
    Pledge,
    Report,
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
    return can(user, "blocs.view_event")


# The records shown on an event page: one query per kind (see event_for_page).
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
            "pledges", Pledge.objects.prefetch_related("commitments", "signatories")
        ),
        "sections": "sections",
        "figures": "figures",
        "attachments": "attachments",
    }


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

    Its records come with plain prefetches, one query per kind whatever the event holds, each
    row with its unit's name in the event's year. The page is cached for the public (the view
    is counted apart), so a render is paid once per change."""
    qs = Event.objects.all() if can_preview(user) else Event.objects.published()
    event = (
        qs.select_related("bloc", "chair")
        .annotate(**_member_count_annotations())
        .annotate(bloc_name=bloc_name_in_year(OuterRef("period_end")))
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    prefetch_related_objects([event], *_record_prefetches(event.period_end).values())
    honours = list(event.honours.all())
    for honour in honours:
        honour.award_links = []
    # The awards that answer these honours: told by the apps that know them (awards).
    enrich("honours", honours)
    return event


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
    # One indexed lookup per kind of record, not a join of every event to all five of them.
    named = (
        Q(pk__in=Attendance.objects.filter(unit=unit).values("event"))
        | Q(pk__in=Report.objects.filter(unit=unit).values("event"))
        | Q(pk__in=Election.objects.filter(unit=unit).values("event"))
        | Q(pk__in=Pledge.signatories.through.objects.filter(unit=unit).values("pledge__event"))
        | Q(pk__in=Honour.objects.filter(unit=unit).values("event"))
    )
    member = Membership.objects.filter(
        unit=unit,
        bloc_year__bloc=OuterRef("bloc"),
        year__gte=OuterRef("period_start"),
        year__lte=OuterRef("period_end"),
    )
    # The bloc test first narrows the events to the unit's blocs before asking for the years.
    member_blocs = Membership.objects.filter(unit=unit).values("bloc_year__bloc")
    return public_events().filter(named | (Q(bloc__in=member_blocs) & Exists(member)))
