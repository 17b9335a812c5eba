"""Decisions grant awards across blocs; revocation keeps the award in history, marked."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards import eligibility, services
from awards.models import Award, Decision, DecisionKind, Status
from blocs.models import Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    MembershipFactory,
    NominationFactory,
    UnitFactory,
    award_type,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_blocs(world, nominate):
    """Two recommended ministry flags, from the world's bloc and from a second bloc."""
    other_bloc = BlocFactory(organiser=world.ministry)
    other_unit = UnitFactory()
    MembershipFactory(
        bloc_year=BlocYearFactory(bloc=other_bloc, year=2025), unit=other_unit, role=Role.LEADER
    )
    return [
        nominate(status=Status.RECOMMENDED),
        nominate(status=Status.RECOMMENDED, unit=other_unit, bloc=other_bloc),
    ]


def test_one_decision_grants_awards_across_blocs(world, two_blocs):
    decision = services.record_decision(
        world.reviewer,
        two_blocs,
        number="123/QĐ-BKHCN",
        issued_on=datetime.date(2026, 1, 20),
        signer_name="Bộ trưởng",
        signer_title="Bộ trưởng Bộ Khoa học và Công nghệ",
    )
    assert decision.document.number == "123/QĐ-BKHCN"
    assert decision.document.get_kind_display() == "Quyết định"
    awards = Award.objects.filter(decision=decision)
    assert {a.bloc_id for a in awards} == {n.bloc_id for n in two_blocs}
    assert all(n.status == Status.GRANTED for n in two_blocs)


def test_a_decision_is_all_or_nothing(world, two_blocs, nominate):
    not_ready = nominate(status=Status.IN_REVIEW, unit=UnitFactory())
    with pytest.raises(ValidationError, match="khi hồ sơ ở trạng thái"):
        services.record_decision(
            world.reviewer,
            [*two_blocs, not_ready],
            number="124/QĐ-BKHCN",
            issued_on=datetime.date(2026, 1, 20),
        )
    assert not Award.objects.exists()
    assert not Decision.objects.exists()
    for nomination in two_blocs:
        nomination.refresh_from_db()
        assert nomination.status == Status.RECOMMENDED


def test_a_decision_needs_its_number_and_date(world, two_blocs):
    with pytest.raises(ValidationError, match="số, ký hiệu và ngày ban hành"):
        services.record_decision(world.reviewer, two_blocs, number="", issued_on=None)


def test_the_secretariat_does_not_record_decisions(world, two_blocs):
    with pytest.raises(ValidationError, match="không có quyền"):
        services.record_decision(
            world.clerk, two_blocs, number="1/QĐ", issued_on=datetime.date(2026, 1, 2)
        )


@pytest.fixture
def granted(world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    decision = DecisionFactory(document__issued_on=datetime.date(2026, 1, 20))
    return services.grant(nomination, world.reviewer, decision)


def revoke_decision(day=datetime.date(2026, 6, 1)):
    return DecisionFactory(kind=DecisionKind.REVOKE, document__issued_on=day)


def test_revocation_keeps_the_award_in_history_marked(world, granted):
    decision = revoke_decision()
    services.revoke(
        granted, world.reviewer, "Kê khai thành tích không trung thực", decision=decision
    )
    award = Award.objects.get(pk=granted.pk)
    assert award.is_revoked and award.revoked_by == decision
    assert award.revocation_reason == "Kê khai thành tích không trung thực"
    assert award.nomination.status == Status.REVOKED
    assert award.nomination.transitions.last().action == "revoke"


def test_a_revoked_award_no_longer_counts_toward_prerequisites(world, nominate):
    AwardFactory(
        year=2015, unit=world.member_unit, decision__document__issued_on=datetime.date(2016, 1, 5)
    )
    gov = NominationFactory(
        award_type=award_type("co-thi-dua-chinh-phu"), year=2015, unit=world.member_unit
    )

    def prerequisite():
        return next(c for c in eligibility.check(gov) if c.rule.code == "co-cp-can-co-bo-nd42")

    assert prerequisite().passed is True
    services.revoke(
        Award.objects.get(unit=world.member_unit),
        world.reviewer,
        "Hồ sơ giả mạo",
        decision=revoke_decision(),
    )
    assert prerequisite().passed is False


def test_revocation_needs_a_reason_a_later_decision_and_happens_once(world, granted):
    with pytest.raises(ValidationError, match="Cần ghi lý do thu hồi"):
        services.revoke(granted, world.reviewer, " ", decision=revoke_decision())
    with pytest.raises(ValidationError, match="ban hành sau quyết định khen thưởng"):
        services.revoke(
            granted, world.reviewer, "Lý do", decision=revoke_decision(datetime.date(2025, 1, 1))
        )
    with pytest.raises(ValidationError, match="là quyết định khen thưởng"):
        services.revoke(granted, world.reviewer, "Lý do", decision=DecisionFactory())
    services.revoke(granted, world.reviewer, "Lý do", decision=revoke_decision())
    with pytest.raises(ValidationError, match="Hồ sơ đã được người khác xử lý"):
        services.revoke(granted, world.reviewer, "Lý do", decision=revoke_decision())


def test_only_a_reviewer_of_another_unit_revokes(world, granted, make_user):
    from thidua import roles

    own = make_user(roles.REVIEWER, unit=world.leader_unit)
    for user in (world.clerk, world.leader, world.admin, own):
        with pytest.raises(ValidationError, match="không có quyền thu hồi"):
            services.revoke(granted, user, "Lý do", decision=revoke_decision())
    assert not Award.objects.get(pk=granted.pk).is_revoked


def test_historical_awards_are_entered_from_a_past_decision(world):
    rows = [
        {
            "award_type": award_type("co-thi-dua-bo"),
            "year": 2012,
            "unit": world.member_unit,
            "prize_rank": "Hạng Nhất",
            "source": "Bản lưu Quyết định 45/QĐ-BKHCN",
        },
        {
            "award_type": award_type("co-thi-dua-bo"),
            "year": 2012,
            "unit": world.leader_unit,
            "source": "Bản lưu Quyết định 45/QĐ-BKHCN",
        },
    ]
    awards = services.record_historical_awards(
        world.clerk, rows, number="45/QĐ-BKHCN", issued_on=datetime.date(2013, 1, 15)
    )
    assert [a.prize_rank for a in awards] == ["Hạng Nhất", ""]
    assert all(a.is_historical and a.nomination is None for a in awards)
    with pytest.raises(ValidationError, match="không có quyền nhập khen thưởng lịch sử"):
        services.record_historical_awards(
            world.reviewer, rows, number="46/QĐ", issued_on=datetime.date(2013, 1, 15)
        )
