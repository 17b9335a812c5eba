"""Demo data: seed 001's proposals at the bloc's 2015 summary conference, as proposals and
historical nominations, and one current-year draft for the demo bloc leader (`khoitruong`).

Idempotent: proposals keyed by (event, order), nominations by their proposal, the current draft
by (award type, year, unit, bloc); a nomination already moved on by the demo accounts is left as
it is.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from blocs.models import Bloc, BlocYear, Event, Membership, Role
from thidua.demo import demo_loader, read_data
from thidua.years import current_year
from units.models import Unit, User

from .models import AwardType, Nomination, Proposal, Status, Transition


def _event(row):
    bloc = Bloc.objects.get(slug=row["bloc"])
    held_on = datetime.date.fromisoformat(row["held_on"])
    event, _ = Event.objects.get_or_create(
        bloc=bloc, kind=row["kind"], held_on=held_on, defaults=row["defaults"]
    )
    return event


@demo_loader
@transaction.atomic
def load_awards(stdout):
    data = read_data(__file__, "awards.json")
    types = {t.slug: t for t in AwardType.objects.all()}
    proposals = 0
    for row in data["events"]:
        event = _event(row)
        spec = row["nominations"]
        at = timezone.make_aware(datetime.datetime.combine(event.held_on, datetime.time(12, 0)))
        for item in row["proposals"]:
            proposal, _ = Proposal.objects.update_or_create(
                event=event,
                order=item["order"],
                defaults={
                    "award_type": types[item["award_type"]],
                    "unit": Unit.objects.get(slug=item["unit"]),
                    "person": None,
                    "note": item.get("note", ""),
                },
            )
            nomination, created = Nomination.objects.get_or_create(
                proposal=proposal,
                defaults={
                    "award_type": proposal.award_type,
                    "year": event.period_end,
                    "unit": proposal.unit,
                    "bloc": event.bloc,
                    "event": event,
                    "status": spec["status"],
                    "is_historical": True,
                    "note": spec["note"],
                },
            )
            if created:
                Transition.objects.create(
                    nomination=nomination,
                    action="import",
                    from_status="",
                    to_status=nomination.status,
                    at=at,
                    reason=spec["log"],
                )
            proposals += 1
    current = _load_current(data["current"])
    stdout.write(
        f"Khen thưởng: {proposals} đề xuất và hồ sơ lịch sử; "
        f"hồ sơ dự thảo năm {current.year} cho tài khoản khối trưởng."
    )


def _load_current(row):
    """A current-year draft for the demo bloc leader, whose unit must lead the bloc that year."""
    year = current_year()
    bloc = Bloc.objects.get(slug=row["bloc"])
    leader_unit = Unit.objects.get(slug=row["leader_unit"])
    bloc_year, _ = BlocYear.objects.get_or_create(bloc=bloc, year=year)
    has_leader = Membership.objects.filter(bloc_year=bloc_year, role=Role.LEADER).exists()
    elsewhere = (
        Membership.objects.filter(unit=leader_unit, year=year, organiser=bloc.organiser_id)
        .exclude(bloc_year=bloc_year)
        .exists()
    )
    if not has_leader and not elsewhere:
        Membership.objects.update_or_create(
            bloc_year=bloc_year, unit=leader_unit, defaults={"role": Role.LEADER}
        )
    account = User.objects.filter(username=row["leader_account"]).first()
    nomination, created = Nomination.objects.get_or_create(
        award_type=AwardType.objects.get(slug=row["award_type"]),
        year=year,
        unit=Unit.objects.get(slug=row["unit"]),
        bloc=bloc,
        proposal=None,
        defaults={
            "achievements": row["achievements"],
            "note": row["note"],
            "status": Status.DRAFT,
            "created_by": account,
        },
    )
    if created:
        Transition.objects.create(
            nomination=nomination,
            action="create",
            to_status=Status.DRAFT,
            actor=account,
            at=timezone.now(),
            reason="Dữ liệu trình diễn",
        )
    return nomination
