"""Read queries behind the event pages and panels. Each runs a constant number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404

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
)


def public_events():
    return Event.objects.published().select_related("bloc")


def can_preview(user) -> bool:
    return user.is_authenticated and user.has_perm("blocs.view_event")


def event_for_page(slug, user):
    """The event behind /su-kien/<slug>/: published ones for everybody, drafts for staff only."""
    qs = Event.objects.all() if can_preview(user) else Event.objects.published()
    event = (
        qs.select_related("bloc", "chair")
        .prefetch_related(
            "documents",
            Prefetch(
                "attendances",
                Attendance.objects.select_related("person", "unit").prefetch_related("unit__names"),
            ),
            Prefetch(
                "reports",
                Report.objects.select_related("presenter", "unit").prefetch_related("unit__names"),
            ),
            "speeches__speaker",
            "sections",
            Prefetch("figures", Figure.objects.order_by("order", "pk")),
            Prefetch(
                "movement_links",
                EventMovement.objects.select_related("movement__launched_by", "movement__basis"),
            ),
            Prefetch(
                "elections",
                Election.objects.select_related("unit")
                .prefetch_related("unit__names")
                .order_by("year", "-role"),
            ),
            Prefetch(
                "pledges",
                Pledge.objects.prefetch_related(
                    "signatories", Prefetch("commitments", Commitment.objects.all())
                ),
            ),
            "attachments",
        )
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    return event


def stated_member_count(event):
    """The member count said at the event, else the bloc-year's (declared or counted)."""
    if event.member_count is not None:
        return event.member_count
    bloc_year = (
        BlocYear.objects.filter(bloc=event.bloc_id, year=event.period_end)
        .annotate(named=Count("memberships"))
        .first()
    )
    if bloc_year is None:
        return None
    return bloc_year.member_count if bloc_year.member_count is not None else bloc_year.named or None


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
    year = event.period_end
    for row in [*attendances, *event.reports.all(), *event.elections.all()]:
        row.unit_name = row.unit.name_in(year) if row.unit_id else ""
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
