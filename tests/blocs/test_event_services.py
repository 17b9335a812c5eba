"""apply_elections: elected units become next year's leader and deputy, once and safely."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError

from blocs.models import BlocYear, Election, Membership, Role
from blocs.services import apply_elections
from tests.factories import (
    BlocYearFactory,
    ElectionFactory,
    EventFactory,
    MembershipFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def elected(db):
    """An event of 2021 electing a leader and a deputy for 2022."""
    event = EventFactory()
    leader = ElectionFactory(event=event, year=2022, role=Role.LEADER, unit=UnitFactory())
    deputy = ElectionFactory(event=event, year=2022, role=Role.DEPUTY, unit=UnitFactory())
    return event, leader.unit, deputy.unit


def roster(bloc, year):
    return {(m.unit_id, m.role) for m in Membership.objects.filter(bloc_year__bloc=bloc, year=year)}


def test_unknown_next_year_roster_is_created_from_the_elections(elected, clerk):
    event, leader, deputy = elected
    outcome = apply_elections(event, clerk)
    assert BlocYear.objects.filter(bloc=event.bloc, year=2022).exists()
    assert roster(event.bloc, 2022) == {(leader.pk, Role.LEADER), (deputy.pk, Role.DEPUTY)}
    assert len(outcome.created) == 2
    membership = Membership.objects.get(unit=leader, year=2022)
    assert membership.history.first().history_user == clerk


def test_applying_twice_changes_nothing(elected, clerk):
    event, leader, deputy = elected
    apply_elections(event, clerk)
    outcome = apply_elections(event, clerk)
    assert not outcome.changed
    assert len(outcome.unchanged) == 2
    assert Membership.objects.filter(year=2022).count() == 2
    assert "2 kết quả đã có sẵn" in outcome.summary()


def test_existing_member_is_given_the_elected_role(elected, clerk):
    event, leader, deputy = elected
    bloc_year = BlocYearFactory(bloc=event.bloc, year=2022, member_count=9)
    MembershipFactory(bloc_year=bloc_year, unit=leader, role=Role.MEMBER)
    outcome = apply_elections(event, clerk)
    assert Membership.objects.get(unit=leader, year=2022).role == Role.LEADER
    assert len(outcome.promoted) == 1 and len(outcome.created) == 1
    assert BlocYear.objects.get(pk=bloc_year.pk).member_count == 9


def test_a_different_leader_already_recorded_is_a_conflict_and_nothing_is_saved(elected, clerk):
    event, leader, deputy = elected
    bloc_year = BlocYearFactory(bloc=event.bloc, year=2022)
    sitting = MembershipFactory(
        bloc_year=bloc_year, unit=UnitFactory(name="Cục Đang Giữ"), role=Role.LEADER
    )
    with pytest.raises(ValidationError) as excinfo:
        apply_elections(event, clerk)
    message = " ".join(excinfo.value.messages)
    assert "Năm 2022" in message
    assert "đã có khối trưởng là «Cục Đang Giữ»" in message
    assert f"đơn vị được bầu tại sự kiện là «{leader}»" in message
    # Nothing half-saved: the deputy was not added, the sitting leader kept.
    assert roster(event.bloc, 2022) == {(sitting.unit_id, Role.LEADER)}


def test_elected_unit_already_in_another_bloc_of_the_organiser_is_reported(elected, clerk):
    event, leader, deputy = elected
    other = BlocYearFactory(year=2022, bloc__organiser=event.bloc.organiser)
    MembershipFactory(bloc_year=other, unit=leader)
    with pytest.raises(ValidationError) as excinfo:
        apply_elections(event, clerk)
    assert "một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức" in " ".join(
        excinfo.value.messages
    )
    assert not Membership.objects.filter(bloc_year__bloc=event.bloc, year=2022).exists()


def test_event_without_elections_says_so(clerk):
    with pytest.raises(ValidationError) as excinfo:
        apply_elections(EventFactory(), clerk)
    assert "chưa ghi kết quả bầu" in excinfo.value.messages[0]


def test_a_reviewer_may_not_apply_elections(elected, reviewer):
    event, *_ = elected
    with pytest.raises(PermissionDenied):
        apply_elections(event, reviewer)
    assert not Membership.objects.exists()


def test_admin_action_applies_and_reports(elected, clerk, client):
    event, leader, deputy = elected
    client.force_login(clerk)
    response = client.post(
        "/admin/blocs/event/",
        {"action": "apply_election_results", "_selected_action": [event.pk]},
        follow=True,
    )
    texts = [str(m) for m in get_messages(response.wsgi_request)] or [
        m.message for m in response.context["messages"]
    ]
    assert any("đã áp dụng kết quả bầu" in text for text in texts)
    assert roster(event.bloc, 2022) == {(leader.pk, Role.LEADER), (deputy.pk, Role.DEPUTY)}


def test_admin_action_shows_the_conflict(elected, clerk, client):
    event, leader, deputy = elected
    bloc_year = BlocYearFactory(bloc=event.bloc, year=2022)
    MembershipFactory(bloc_year=bloc_year, unit=UnitFactory(name="Cục Đang Giữ"), role=Role.LEADER)
    client.force_login(clerk)
    response = client.post(
        "/admin/blocs/event/",
        {"action": "apply_election_results", "_selected_action": [event.pk]},
        follow=True,
    )
    assert "đã có khối trưởng là «Cục Đang Giữ»" in response.content.decode()
    assert Election.objects.count() == 2
