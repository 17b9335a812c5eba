"""Demo data: seed 001's proposals at the bloc's 2015 summary conference.

Each proposal becomes a draft nomination (is_historical: judged by the 2015 rules, today's rules
shown as notes) that the demo bloc leader `khoitruong` — staff of the bloc's 2015 leader unit — can
submit and the reviewer `tdkt` can take through the workflow. The seed names no outcome, so none is
invented. Idempotent: proposals keyed by (event, order), nominations by their proposal; a
nomination already moved on by the demo accounts is left as it is, and none is made for a unit
that already has a live dossier for the award and year (one live dossier per recipient).
"""

import datetime
from importlib import import_module

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone

from blocs.models import Bloc, Event
from thidua.demo import demo_loader, read_data, upsert
from units.models import Unit

from .eligibility import duplicate_of
from .models import ENDED_STATES, AwardType, Nomination, Proposal, Transition


def _ensure_catalogue():
    """The catalogue and rules come from a data migration; a test database emptied by a
    live-server test has lost them. Installed only when missing: never overwrite an edit."""
    if not AwardType.objects.exists():
        catalogue = import_module("awards.migrations.0002_catalogue_and_rules")
        catalogue.load(django_apps, schema_editor=None)


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
    _ensure_catalogue()
    types = {t.slug: t for t in AwardType.objects.all()}
    proposals = standing = 0
    for row in data["events"]:
        event = _event(row)
        spec = row["nominations"]
        at = timezone.make_aware(datetime.datetime.combine(event.held_on, datetime.time(12, 0)))
        for item in row["proposals"]:
            proposal, _ = upsert(
                Proposal,
                {"event": event, "order": item["order"]},
                {
                    "award_type": types[item["award_type"]],
                    "unit": Unit.objects.get(slug=item["unit"]),
                    "person": None,
                    "note": item.get("note", ""),
                },
            )
            proposals += 1
            if Nomination.objects.filter(proposal=proposal).exists():
                continue  # made by an earlier run, maybe moved on by the demo accounts
            nomination = Nomination(
                proposal=proposal,
                award_type=proposal.award_type,
                year=event.period_end,
                unit=proposal.unit,
                bloc=event.bloc,
                event=event,
                status=spec["status"],
                is_historical=True,
                note=spec["note"],
            )
            if nomination.status not in ENDED_STATES and duplicate_of(nomination) is not None:
                standing += 1  # the unit's live dossier for this award and year stands
                continue
            nomination.save()
            Transition.objects.create(
                nomination=nomination,
                action="import",
                from_status="",
                to_status=nomination.status,
                at=at,
                reason=spec["log"],
            )
    stdout.write(
        f"Khen thưởng: {proposals} đề xuất của khối, mỗi đề xuất một hồ sơ dự thảo "
        "để tài khoản khối trưởng gửi đi."
    )
    if standing:
        stdout.write(
            f"Khen thưởng: {standing} đề xuất không lập hồ sơ vì đơn vị đã có hồ sơ khác còn hiệu "
            "lực cho cùng loại khen thưởng và năm (mỗi đối tượng một hồ sơ)."
        )
