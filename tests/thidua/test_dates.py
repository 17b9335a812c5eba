"""Dates within range, in the models and in the database, and the order of decision and votes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from blocs.models import Event
from tests.factories import (
    AwardFactory,
    CouncilVoteFactory,
    DecisionFactory,
    DocumentFactory,
    EventFactory,
    NominationFactory,
)
from thidua.years import current_year

pytestmark = pytest.mark.django_db

YEAR_ONE = datetime.datetime(1, 1, 1, 8, 0, tzinfo=datetime.UTC)


def test_an_event_published_in_year_one_is_refused_with_a_vietnamese_message():
    event = EventFactory()
    event.published_at = YEAR_ONE
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "nằm ngoài khoảng cho phép" in str(error.value.message_dict["published_at"])


def test_the_database_refuses_an_unreadable_publication_time(client):
    event = EventFactory(is_published=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            published_at=datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)
        )
    assert client.get(reverse("blocs:events")).status_code == 200


def test_a_date_after_next_year_is_refused():
    event = EventFactory()
    event.held_on = datetime.date(current_year() + 2, 1, 1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "held_on" in error.value.message_dict


def test_a_decision_is_not_dated_before_its_awards_year():
    decision = DecisionFactory(document=DocumentFactory(issued_on=datetime.date(2020, 12, 1)))
    award = AwardFactory.build(decision=decision, year=2021)
    with pytest.raises(ValidationError) as error:
        award.check_decision_after_year()
    assert "trước năm thành tích 2021" in str(error.value.message_dict["decision"])


def test_a_council_vote_is_not_after_the_decision():
    nomination = NominationFactory(year=2021)
    decision = DecisionFactory(document=DocumentFactory(issued_on=datetime.date(2022, 3, 1)))
    AwardFactory(
        decision=decision,
        nomination=nomination,
        year=2021,
        unit=nomination.unit,
        person=nomination.person,
        award_type=nomination.award_type,
    )
    vote = CouncilVoteFactory.build(nomination=nomination, held_on=datetime.date(2022, 3, 2))
    with pytest.raises(ValidationError) as error:
        vote.clean()
    assert "held_on" in error.value.message_dict
    vote.held_on = datetime.date(2022, 2, 20)
    vote.clean()
