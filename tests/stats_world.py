"""A small world of published, unpublished and revoked awards, leading units and nominations,
shared by the statistics, API and open data tests (`make_world(n)` grows it for query counts)."""

import datetime
from types import SimpleNamespace

from django.test import TestCase
from django.utils import timezone

from awards.models import Action, Status
from blocs.models import Bloc, LeadingUnit, Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    EventFactory,
    MembershipFactory,
    NominationFactory,
    PersonFactory,
    TransitionFactory,
    UnitFactory,
    award_type,
)
from units.models import UnitKind

FORMULA = '=HYPERLINK("http://x","y")'


def make_world(n=1):
    """`n` blocs, each with: a flag in 2022 and 2023, a person award in 2023 and a leading unit;
    plus one unpublished decision's award, one revoked award and a draft event. Built as if
    committed: the statistics' tallies are rebuilt when a transaction commits (awards.tallies),
    and a test's transaction never commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _make_world(n)


def _make_world(n):
    w = SimpleNamespace(blocs=[], units=[], published=[], hidden=[], revoked=[])
    flag = award_type("co-thi-dua-bo")
    person_type = award_type("chien-si-thi-dua-toan-quoc")
    w.decision = DecisionFactory(document__issued_on=datetime.date(2024, 3, 1))
    w.hidden_decision = DecisionFactory(
        is_published=False, document__issued_on=datetime.date(2024, 3, 1)
    )
    w.revoking = DecisionFactory(document__issued_on=datetime.date(2024, 6, 1))
    for i in range(n):
        name = FORMULA if i == 0 else f"Khối thống kê {i}"
        if Bloc.objects.filter(name=name).exists():  # a second world: bloc names are unique
            name = f"{name} ({Bloc.objects.count()})"
        bloc = BlocFactory(name=name)
        unit = UnitFactory(kind=UnitKind.INSTITUTE if i % 2 else UnitKind.DEPARTMENT)
        for year in (2022, 2023):
            bloc_year = BlocYearFactory(bloc=bloc, year=year)
            MembershipFactory(bloc_year=bloc_year, unit=unit, role=Role.LEADER)
        LeadingUnit.objects.create(bloc_year=bloc_year, unit=unit, source="Thử nghiệm")
        w.published += [
            AwardFactory(award_type=flag, year=2022, unit=unit, bloc=bloc, decision=w.decision),
            AwardFactory(award_type=flag, year=2023, unit=unit, bloc=bloc, decision=w.decision),
            AwardFactory(
                award_type=person_type,
                year=2023,
                unit=None,
                person=PersonFactory(full_name=FORMULA if i == 0 else f"Trần Thị {i}"),
                bloc=bloc,
                decision=w.decision,
            ),
        ]
        w.hidden.append(
            AwardFactory(
                award_type=flag, year=2023, unit=unit, bloc=bloc, decision=w.hidden_decision
            )
        )
        w.blocs.append(bloc)
        w.units.append(unit)
    revoked = AwardFactory(
        award_type=flag, year=2021, unit=w.units[0], bloc=w.blocs[0], decision=w.decision
    )
    revoked.revoked_by = w.revoking
    revoked.revocation_reason = "Hồ sơ khai không đúng."
    revoked.save()
    w.revoked.append(revoked)
    w.event = EventFactory(bloc=w.blocs[0], title="Hội nghị tổng kết công bố")
    w.draft_event = EventFactory(
        bloc=w.blocs[0], title="Hội nghị dự thảo", is_published=False, published_at=None
    )
    # Nominations: one returned then rejected (reasons), one granted 10 days after submission.
    now = timezone.now()
    returned = NominationFactory(
        year=2023, unit=w.units[0], bloc=w.blocs[0], status=Status.REJECTED
    )
    TransitionFactory(
        nomination=returned, action=Action.SUBMIT, at=now - datetime.timedelta(days=20)
    )
    TransitionFactory(
        nomination=returned,
        action=Action.RETURN,
        reason="Thiếu báo cáo thành tích",
        to_status=Status.RETURNED,
        at=now - datetime.timedelta(days=15),
    )
    TransitionFactory(
        nomination=returned,
        action=Action.REJECT,
        reason="Không đủ tiêu chuẩn",
        to_status=Status.REJECTED,
        at=now - datetime.timedelta(days=5),
    )
    granted = NominationFactory(year=2023, unit=w.units[0], bloc=w.blocs[0], status=Status.GRANTED)
    TransitionFactory(
        nomination=granted, action=Action.SUBMIT, at=now - datetime.timedelta(days=12)
    )
    TransitionFactory(
        nomination=granted,
        action=Action.GRANT,
        to_status=Status.GRANTED,
        at=now - datetime.timedelta(days=2),
    )
    return w
