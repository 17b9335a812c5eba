"""The registry's rules, each with the Vietnamese message a clerk sees."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from blocs.models import BlocYear, Membership, Role
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    MembershipFactory,
    MinistryFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def messages_of(excinfo):
    return [m for msgs in excinfo.value.message_dict.values() for m in msgs]


def new_membership(bloc_year, role=Role.MEMBER, unit=None):
    return Membership(bloc_year=bloc_year, unit=unit or UnitFactory(), role=role)


@pytest.mark.parametrize(
    ("role", "message"),
    [
        (Role.LEADER, "Mỗi khối chỉ có một khối trưởng trong một năm"),
        (Role.DEPUTY, "Mỗi khối có nhiều nhất một khối phó trong một năm"),
    ],
)
def test_second_leader_or_deputy_refused_by_clean(role, message):
    first = MembershipFactory(role=role)
    second = new_membership(first.bloc_year, role)
    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()
    assert any(message in m and first.unit.name in m for m in messages_of(excinfo))


@pytest.mark.parametrize("role", [Role.LEADER, Role.DEPUTY])
def test_second_leader_or_deputy_refused_by_database(role):
    first = MembershipFactory(role=role)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(bloc_year=first.bloc_year, unit=UnitFactory(), role=role)


def test_one_leader_one_deputy_and_members_accepted():
    bloc_year = BlocYearFactory()
    for role in [Role.LEADER, Role.DEPUTY, Role.MEMBER, Role.MEMBER]:
        membership = new_membership(bloc_year, role)
        membership.full_clean()
        membership.save()
    assert bloc_year.memberships.count() == 4


def test_same_unit_twice_in_a_bloc_year_refused():
    first = MembershipFactory()
    with pytest.raises(ValidationError) as excinfo:
        new_membership(first.bloc_year, unit=first.unit).full_clean()
    assert any("đã có trong danh sách thành viên" in m for m in messages_of(excinfo))


def test_unit_in_two_blocs_of_same_organiser_same_year_refused():
    organiser = MinistryFactory()
    first = MembershipFactory(bloc_year__bloc__organiser=organiser, bloc_year__year=2015)
    other_year = BlocYearFactory(bloc=BlocFactory(organiser=organiser), year=2015)
    with pytest.raises(ValidationError) as excinfo:
        new_membership(other_year, unit=first.unit).full_clean()
    assert any(
        "một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức trong một năm" in m
        and first.bloc_year.bloc.name in m
        for m in messages_of(excinfo)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(bloc_year=other_year, unit=first.unit)


def test_unit_may_join_blocs_of_other_organisers_or_other_years():
    first = MembershipFactory(bloc_year__year=2015)
    same_organiser_next_year = BlocYearFactory(bloc=first.bloc_year.bloc, year=2016)
    other_organiser = BlocYearFactory(year=2015)
    for bloc_year in [same_organiser_next_year, other_organiser]:
        membership = new_membership(bloc_year, unit=first.unit)
        membership.full_clean()
        membership.save()
    assert first.unit.memberships.count() == 3


def test_bloc_year_outside_bloc_active_years_refused():
    bloc = BlocFactory(first_year=2010, last_year=2020)
    with pytest.raises(ValidationError) as excinfo:
        BlocYear(bloc=bloc, year=2021).full_clean()
    assert messages_of(excinfo) == [
        f"Năm 2021 nằm ngoài thời gian hoạt động của khối «{bloc.name}» (2010–2020)."
    ]
    BlocYear(bloc=bloc, year=2015).full_clean()


def test_membership_outside_unit_active_years_refused():
    unit = UnitFactory(active_from=2018)
    bloc_year = BlocYearFactory(year=2015)
    with pytest.raises(ValidationError) as excinfo:
        new_membership(bloc_year, unit=unit).full_clean()
    assert any(
        f"Đơn vị «{unit.name}» không hoạt động trong năm 2015" in m for m in messages_of(excinfo)
    )


def test_moving_a_bloc_year_outside_a_members_active_years_refused():
    unit = UnitFactory(name="Cục Hoạt Động Từ 2018", active_from=2018)
    membership = MembershipFactory(bloc_year__year=2019, unit=unit)
    bloc_year = membership.bloc_year
    bloc_year.year = 2016
    with pytest.raises(ValidationError) as excinfo:
        bloc_year.full_clean()
    assert messages_of(excinfo) == [
        "Năm 2016 nằm ngoài thời gian hoạt động của đơn vị thành viên: "
        "«Cục Hoạt Động Từ 2018» (hoạt động từ 2018)."
    ]
    bloc_year.year = 2020
    bloc_year.full_clean()


def test_narrowing_a_units_active_years_below_its_memberships_refused():
    unit = UnitFactory(active_from=2010)
    MembershipFactory(bloc_year__year=2012, unit=unit)
    MembershipFactory(bloc_year__year=2015, unit=unit)
    unit.active_until = 2013
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert excinfo.value.message_dict == {
        "active_until": [
            "Đơn vị là thành viên khối trong năm 2015, ngoài thời gian hoạt động 2010–2013."
        ]
    }
    unit.active_until, unit.active_from = None, 2014
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert list(excinfo.value.message_dict) == ["active_from"]
    unit.active_from, unit.active_until = 2012, 2015
    unit.full_clean()


def test_membership_year_copies_follow_the_bloc_year():
    membership = MembershipFactory(bloc_year__year=2016)
    assert membership.year == 2016
    assert membership.organiser == membership.bloc_year.bloc.organiser


def test_moving_a_bloc_year_to_another_year_moves_its_members():
    membership = MembershipFactory(bloc_year__year=2015)
    bloc_year = membership.bloc_year
    bloc_year.year = 2017
    bloc_year.full_clean()
    bloc_year.save()
    membership.refresh_from_db()
    assert membership.year == 2017


def test_moving_a_bloc_year_onto_a_clash_is_refused():
    organiser = MinistryFactory()
    membership = MembershipFactory(bloc_year__bloc__organiser=organiser, bloc_year__year=2015)
    other = MembershipFactory(
        unit=membership.unit, bloc_year__bloc__organiser=organiser, bloc_year__year=2016
    )
    bloc_year = membership.bloc_year
    bloc_year.year = 2016
    with pytest.raises(ValidationError) as excinfo:
        bloc_year.full_clean()
    assert excinfo.value.message_dict["year"] == [
        f"Năm 2016, đơn vị «{membership.unit}» đã thuộc khối «{other.bloc_year.bloc}» của cùng "
        "cơ quan tổ chức; một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức trong một năm."
    ]


def test_changing_a_bloc_organiser_follows_to_members_and_checks_clashes():
    membership = MembershipFactory(bloc_year__year=2015)
    bloc = membership.bloc_year.bloc
    new_organiser = MinistryFactory()
    MembershipFactory(
        unit=membership.unit, bloc_year__bloc__organiser=new_organiser, bloc_year__year=2015
    )
    bloc.organiser = new_organiser
    with pytest.raises(ValidationError) as excinfo:
        bloc.full_clean()
    assert "organiser" in excinfo.value.message_dict
    bloc.organiser = MinistryFactory()
    bloc.full_clean()
    bloc.save()
    membership.refresh_from_db()
    assert membership.organiser == bloc.organiser


def test_narrowing_bloc_years_below_recorded_years_refused():
    bloc = BlocYearFactory(year=2015).bloc
    bloc.first_year = 2016
    with pytest.raises(ValidationError) as excinfo:
        bloc.full_clean()
    assert excinfo.value.message_dict["first_year"] == [
        "Khối đã có hồ sơ năm 2015, nằm ngoài thời gian hoạt động từ 2016."
    ]
    bloc.first_year, bloc.last_year = 2010, 2014
    with pytest.raises(ValidationError) as excinfo:
        bloc.full_clean()
    assert "last_year" in excinfo.value.message_dict
