import pytest

from awards import services
from awards.models import Status, Transition
from tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def test_ministry_flag_walks_from_draft_to_granted(world, nominate):
    nomination = nominate()
    services.submit(nomination, world.leader)
    services.start_review(nomination, world.reviewer)
    services.recommend(nomination, world.reviewer, "Hội đồng nhất trí")
    decision = DecisionFactory()
    award = services.grant(nomination, world.reviewer, decision)
    nomination.refresh_from_db()
    assert nomination.status == Status.GRANTED
    assert award.decision == decision and award.unit == world.leader_unit
    log = list(Transition.objects.filter(nomination=nomination).values_list("action", "actor"))
    assert log == [
        ("submit", world.leader.pk),
        ("start_review", world.reviewer.pk),
        ("recommend", world.reviewer.pk),
        ("grant", world.reviewer.pk),
    ]
