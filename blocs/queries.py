"""Read queries over blocs and memberships, for pages and for the other apps."""

from .models import Membership, Role


def holder(bloc, year, role=Role.LEADER):
    """The membership holding `role` (leader by default) of `bloc` in `year`, or None."""
    return (
        Membership.objects.filter(bloc_year__bloc=bloc, year=year, role=role)
        .select_related("unit", "representative")
        .first()
    )


def is_leader_unit(unit_id, bloc_id, year) -> bool:
    return Membership.objects.filter(
        unit_id=unit_id, bloc_year__bloc_id=bloc_id, year=year, role=Role.LEADER
    ).exists()


def blocs_led_by(unit_id, year=None):
    """Memberships in which `unit_id` leads a bloc (in `year`, or every year)."""
    qs = Membership.objects.filter(unit_id=unit_id, role=Role.LEADER).select_related(
        "bloc_year__bloc"
    )
    return qs.filter(year=year) if year is not None else qs


def leading_unit_ids(year, organiser_id=None) -> set:
    """Units that lead a bloc in `year` (optionally only blocs of one organiser)."""
    qs = Membership.objects.filter(year=year, role=Role.LEADER)
    if organiser_id is not None:
        qs = qs.filter(organiser_id=organiser_id)
    return set(qs.values_list("unit_id", flat=True))
