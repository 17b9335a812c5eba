"""Fixtures of the awards page tests: one user per role around the `world` of conftest.py.

Imported by the test modules (`from .pages_world import staff  # noqa: F401`)."""

import re

import pytest

from blocs.models import Role
from tests.factories import BlocFactory, BlocYearFactory, MembershipFactory, UnitFactory
from thidua import roles


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The page tests create many accounts: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(world, make_user):
    """{role key: user or None (anonymous)} — every role of thidua/roles.py, a bloc leader's
    staff of the right and of another bloc, and a reviewer of the recipient's own unit."""
    other_bloc = BlocFactory(organiser=world.ministry)
    other_year = BlocYearFactory(bloc=other_bloc, year=world.year)
    other_leader_unit = UnitFactory(name="Cục Khối Khác")
    MembershipFactory(bloc_year=other_year, unit=other_leader_unit, role=Role.LEADER)
    world.other_bloc = other_bloc
    return {
        "anonymous": None,
        "administrator": world.admin,
        "secretariat": world.clerk,
        "bloc_secretariat": make_user(roles.BLOC_SECRETARIAT, unit=world.member_unit),
        "leader": world.leader,
        "other_leader": make_user(roles.BLOC_LEADER, unit=other_leader_unit),
        "reviewer": world.reviewer,
        # The nominations of these tests are for the leader unit: this reviewer works there.
        "own_reviewer": make_user(roles.REVIEWER, unit=world.leader_unit),
    }


ROLES = [
    "anonymous",
    "administrator",
    "secretariat",
    "bloc_secretariat",
    "leader",
    "other_leader",
    "reviewer",
    "own_reviewer",
]


def login(client, staff, role):
    user = staff[role]
    if user is not None:
        client.force_login(user)
    return user


HIDDEN = re.compile(r'<input type="hidden" name="(version|form_token)" value="([^"]*)"')


def submit(client, url, data):
    """POSTs `data` as the page's form would: with the hidden version / one-time token the page
    carries (a user who may not open the page posts `data` alone, as a forged request)."""
    page = client.get(url)
    hidden = dict(HIDDEN.findall(page.content.decode())) if page.status_code == 200 else {}
    return client.post(url, {**hidden, **data})
