"""A lost race is explained by its rule on SQLite too, where the error names columns, not the
constraint (the event admin's double click on «Lưu», for one)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from blocs.models import Event, Membership, Role
from tests.factories import BlocYearFactory, EventFactory, UnitFactory
from thidua.integrity import GENERIC, explain

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    return error.value


def test_a_second_event_of_a_kind_the_same_day_names_the_rule():
    first = EventFactory(held_on=datetime.date(2016, 1, 8))
    error = refused(
        lambda: EventFactory(
            bloc=first.bloc, kind=first.kind, held_on=first.held_on, slug="ban-sao"
        )
    )
    constraint = next(c for c in Event._meta.constraints if c.name == "event_one_per_kind_bloc_day")
    assert explain(Event, error).startswith(constraint.get_violation_error_message().rstrip("."))


def test_constraints_sharing_their_columns_are_never_mistaken_for_each_other():
    bloc_year = BlocYearFactory()
    Membership.objects.create(bloc_year=bloc_year, unit=UnitFactory(), role=Role.LEADER)
    error = refused(
        lambda: Membership.objects.create(bloc_year=bloc_year, unit=UnitFactory(), role=Role.LEADER)
    )
    message = explain(Membership, error)
    # PostgreSQL names the leader's constraint; SQLite names only the column the deputy's
    # constraint shares, so the message stays generic rather than speaking of deputies.
    assert "khối phó" not in message
    assert "Mỗi khối chỉ có một khối trưởng" in message or message == GENERIC
