import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import (
    AwardFactory,
    CouncilVoteFactory,
    NominationFactory,
    OverrideFactory,
    PersonFactory,
    ProposalFactory,
    TransitionFactory,
    UnitFactory,
    award_type,
)

pytestmark = pytest.mark.django_db


def test_factories_build_every_model():
    nomination = NominationFactory()
    assert "Cờ thi đua của Bộ" in str(nomination)
    assert ProposalFactory().recipient_name
    assert TransitionFactory(nomination=nomination).nomination == nomination
    assert CouncilVoteFactory(nomination=nomination).passes(90)
    assert OverrideFactory(nomination=nomination).rule
    assert not AwardFactory().is_revoked


def test_recipient_is_a_unit_xor_a_person():
    nomination = NominationFactory.build(unit=None, person=None, bloc=None)
    with pytest.raises(ValidationError) as error:
        nomination.full_clean()
    assert "tập thể hoặc một cá nhân" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        NominationFactory(person=PersonFactory())


def test_award_type_recipient_kind_is_checked():
    nomination = NominationFactory.build(
        award_type=award_type("chien-si-thi-dua-cap-bo"), bloc=None, unit=UnitFactory()
    )
    with pytest.raises(ValidationError) as error:
        nomination.full_clean()
    assert "chỉ dành cho cá nhân" in str(error.value)


def test_council_vote_cannot_count_more_ballots_than_members_present():
    vote = CouncilVoteFactory.build(votes_for=9, votes_against=2, present=10, council_size=10)
    with pytest.raises(ValidationError) as error:
        vote.clean()
    assert "vượt số thành viên có mặt" in str(error.value)


def test_a_rule_needs_the_value_its_kind_uses():
    from awards.models import Rule, RuleKind

    rule = Rule(
        code="thu",
        name="Tỷ lệ thử",
        kind=RuleKind.QUOTA_SHARE,
        legal_document="Văn bản",
        valid_from="2024-01-01",
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "cần «Tỷ lệ tối đa»" in str(error.value)
    rule.share_percent, rule.share_base = 120, "bloc_leaders"
    with pytest.raises(ValidationError, match="0–100"):
        rule.full_clean()
