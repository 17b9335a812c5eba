"""A small world for the awards tests: a ministry bloc in 2025 with its leader unit, and one user
per role. 2025 falls under the 2022 law (the regime in force today)."""

import datetime

import pytest

from awards.models import Status
from blocs.models import LeadingUnit, Role
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    CouncilVoteFactory,
    MembershipFactory,
    MinistryFactory,
    NominationFactory,
    UnitFactory,
    award_type,
)
from thidua import roles

YEAR = 2025


class World:
    pass


@pytest.fixture
def world(make_user):
    w = World()
    w.year = YEAR
    w.ministry = MinistryFactory()
    w.bloc = BlocFactory(organiser=w.ministry)
    w.bloc_year = BlocYearFactory(bloc=w.bloc, year=YEAR)
    w.leader_unit = UnitFactory(name="Cục Khối Trưởng")
    w.member_unit = UnitFactory(name="Cục Thành Viên")
    MembershipFactory(bloc_year=w.bloc_year, unit=w.leader_unit, role=Role.LEADER)
    MembershipFactory(bloc_year=w.bloc_year, unit=w.member_unit, role=Role.MEMBER)
    # The chair also led the bloc's emulation that year (recorded apart: they may differ).
    LeadingUnit.objects.create(bloc_year=w.bloc_year, unit=w.leader_unit, source="Thử nghiệm")
    w.review_unit = UnitFactory(name="Vụ Thi đua - Khen thưởng thử nghiệm")
    w.leader = make_user(roles.BLOC_LEADER, unit=w.leader_unit)
    w.member_staff = make_user(roles.BLOC_LEADER, unit=w.member_unit)
    w.reviewer = make_user(roles.REVIEWER, unit=w.review_unit)
    w.clerk = make_user(roles.SECRETARIAT)
    w.admin = make_user(roles.ADMINISTRATOR, is_superuser=True)
    return w


@pytest.fixture
def nominate(world):
    """nominate(status=..., slug=..., unit=..., voted=False) -> a nomination of the world's bloc
    in 2025; `voted`: the council has voted for it (10 of 11 present, 9 for)."""

    def make(status=Status.DRAFT, slug="co-thi-dua-bo", voted=False, **kwargs):
        kwargs.setdefault("unit", world.leader_unit)
        kwargs.setdefault("bloc", world.bloc)
        kwargs.setdefault("year", world.year)
        nomination = NominationFactory(award_type=award_type(slug), status=status, **kwargs)
        if voted:
            CouncilVoteFactory(
                nomination=nomination,
                held_on=datetime.date(world.year + 1, 1, 10),
                votes_for=9,
                votes_against=1,
                present=10,
                council_size=11,
            )
        return nomination

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Each world makes six users; a fast hasher keeps the many workflow tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
