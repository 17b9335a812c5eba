"""Every workflow step: valid and invalid per state, per role, stale callers, the action log."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards import services, workflow
from awards.models import Award, Status, Transition
from tests.factories import CouncilVoteFactory, DecisionFactory, NominationFactory, award_type
from thidua import roles

pytestmark = pytest.mark.django_db

BLOC_ACTIONS = {"submit", "withdraw"}


def call(action, nomination, actor):
    if action == "submit":
        return services.submit(nomination, actor)
    if action == "withdraw":
        return services.withdraw(nomination, actor, "Khối rút hồ sơ")
    if action == "start_review":
        return services.start_review(nomination, actor)
    if action == "return":
        return services.return_(nomination, actor, "Bổ sung báo cáo thành tích")
    if action == "recommend":
        # The council's ballot comes first (NĐ 98/2023 Điều 30 khoản 7: ≥ 80 % for a flag).
        CouncilVoteFactory(
            nomination=nomination, votes_for=9, votes_against=0, present=9, council_size=10
        )
        return services.recommend(nomination, actor)
    if action == "reject":
        return services.reject(nomination, actor, "Chưa đủ tiêu chuẩn")
    if action == "forward":
        return services.forward(nomination, actor)
    if action == "grant":
        return services.grant(nomination, actor, DecisionFactory())
    if action == "council_vote":
        return services.record_council_vote(
            nomination,
            actor,
            held_on=datetime.date(2026, 1, 10),
            votes_for=9,
            votes_against=1,
            present=10,
            council_size=10,
        )
    raise AssertionError(action)


def actor_for(world, action):
    return world.leader if action in BLOC_ACTIONS else world.reviewer


def slug_for(action):
    return "co-thi-dua-chinh-phu" if action == "forward" else "co-thi-dua-bo"


def test_the_full_path_of_a_ministry_flag_is_logged(world, nominate):
    nomination = nominate()
    services.submit(nomination, world.leader)
    services.start_review(nomination, world.reviewer)
    CouncilVoteFactory(
        nomination=nomination, votes_for=9, votes_against=0, present=9, council_size=10
    )
    services.recommend(nomination, world.reviewer, "Hội đồng nhất trí")
    decision = DecisionFactory()
    award = services.grant(nomination, world.reviewer, decision)
    nomination.refresh_from_db()
    assert nomination.status == Status.GRANTED
    assert award.decision == decision and award.unit == world.leader_unit
    log = list(
        Transition.objects.filter(nomination=nomination).values_list(
            "action", "from_status", "to_status", "actor", "reason"
        )
    )
    assert log == [
        ("submit", "draft", "submitted", world.leader.pk, ""),
        ("start_review", "submitted", "in_review", world.reviewer.pk, ""),
        ("recommend", "in_review", "recommended", world.reviewer.pk, "Hội đồng nhất trí"),
        ("grant", "recommended", "granted", world.reviewer.pk, f"Theo {decision}"),
    ]


@pytest.mark.parametrize("status", [s.value for s in Status])
@pytest.mark.parametrize(
    "action", [a for a in workflow.STEPS if a not in ("override", "revoke", "assign")]
)
def test_each_step_is_allowed_only_from_its_states(world, nominate, action, status):
    nomination = nominate(status=status, slug=slug_for(action))
    allowed = status in workflow.STEPS[action].sources
    if allowed:
        call(action, nomination, actor_for(world, action))
        target = workflow.STEPS[action].target or status
        nomination.refresh_from_db()
        assert nomination.status == target
        assert Transition.objects.filter(nomination=nomination, action=action).count() == 1
    else:
        with pytest.raises(ValidationError) as error:
            call(action, nomination, actor_for(world, action))
        assert "khi hồ sơ ở trạng thái" in str(error.value)
        nomination.refresh_from_db()
        assert nomination.status == status
        assert not Transition.objects.filter(nomination=nomination).exists()


START = {
    "submit": Status.DRAFT,
    "withdraw": Status.SUBMITTED,
    "start_review": Status.SUBMITTED,
    "return": Status.IN_REVIEW,
    "recommend": Status.IN_REVIEW,
    "reject": Status.IN_REVIEW,
    "forward": Status.RECOMMENDED,
    "grant": Status.RECOMMENDED,
    "council_vote": Status.IN_REVIEW,
}
ALLOWED = {action: {"leader"} if action in BLOC_ACTIONS else {"reviewer"} for action in START}


@pytest.fixture
def people(world, make_user):
    return {
        "leader": world.leader,
        "member_staff": world.member_staff,  # bloc-leader group, but their unit does not lead
        "reviewer": world.reviewer,
        "own_reviewer": make_user(roles.REVIEWER, unit=world.leader_unit),
        "clerk": world.clerk,
        "admin": world.admin,  # superuser: no side door
    }


@pytest.mark.parametrize(
    "who", ["leader", "member_staff", "reviewer", "own_reviewer", "clerk", "admin"]
)
@pytest.mark.parametrize("action", list(START))
def test_each_step_is_allowed_only_to_its_role(world, nominate, people, action, who):
    nomination = nominate(status=START[action], slug=slug_for(action))
    if who in ALLOWED[action]:
        call(action, nomination, people[who])
    else:
        with pytest.raises(ValidationError, match="không có quyền"):
            call(action, nomination, people[who])
        nomination.refresh_from_db()
        assert nomination.status == START[action]


def test_a_leader_acts_only_for_the_year_their_unit_leads(world, nominate):
    nomination = nominate(year=2024)  # the world's leader leads the bloc in 2025 only
    with pytest.raises(ValidationError, match="không có quyền gửi hồ sơ"):
        services.submit(nomination, world.leader)


def test_a_stale_caller_is_told_someone_else_acted(world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    other_copy = type(nomination).objects.get(pk=nomination.pk)
    services.start_review(nomination, world.reviewer)
    with pytest.raises(ValidationError) as error:
        services.reject(other_copy, world.reviewer, "Không đạt")
    assert "Hồ sơ đã được người khác xử lý" in str(error.value)
    assert "Đang thẩm định" in str(error.value)


@pytest.mark.parametrize("action", ["withdraw", "return", "reject"])
def test_steps_that_need_a_reason_refuse_an_empty_one(world, nominate, action):
    nomination = nominate(status=START[action])
    step = {"withdraw": services.withdraw, "return": services.return_, "reject": services.reject}
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        step[action](nomination, actor_for(world, action), "   ")
    nomination.refresh_from_db()
    assert nomination.status == START[action]


def test_a_returned_nomination_goes_back_to_the_bloc_and_is_sent_again(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    services.return_(nomination, world.reviewer, "Thiếu biên bản bỏ phiếu của khối")
    assert (
        Transition.objects.get(nomination=nomination).reason == "Thiếu biên bản bỏ phiếu của khối"
    )
    services.submit(nomination, world.leader)
    assert nomination.status == Status.SUBMITTED


def test_government_level_awards_are_forwarded_before_the_decision(world, nominate):
    nomination = nominate(slug="co-thi-dua-chinh-phu", status=Status.RECOMMENDED)
    with pytest.raises(ValidationError, match="phải được trình cấp trên"):
        services.grant(nomination, world.reviewer, DecisionFactory())
    services.forward(nomination, world.reviewer)
    award = services.grant(nomination, world.reviewer, DecisionFactory())
    assert award.award_type == award_type("co-thi-dua-chinh-phu")


def test_ministry_level_awards_are_not_forwarded(world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    with pytest.raises(ValidationError, match="không trình cấp trên"):
        services.forward(nomination, world.reviewer)


def test_the_secretariat_prepares_drafts_but_does_not_decide(world, nominate):
    nomination = NominationFactory.build(
        award_type=award_type("co-thi-dua-bo"), year=2025, unit=world.leader_unit, bloc=world.bloc
    )
    services.save_draft(nomination, world.clerk)
    assert nomination.status == Status.DRAFT and nomination.created_by == world.clerk
    with pytest.raises(ValidationError, match="không có quyền gửi hồ sơ"):
        services.submit(nomination, world.clerk)


def test_a_sent_dossier_is_no_longer_edited(world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    nomination.achievements = "Sửa sau khi gửi"
    with pytest.raises(ValidationError, match="không sửa được"):
        services.save_draft(nomination, world.leader)


def test_granting_creates_no_award_when_the_step_is_refused(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.grant(nomination, world.reviewer, DecisionFactory())
    assert not Award.objects.exists()


def test_available_actions_follow_state_and_role(world, nominate):
    draft = nominate()
    assert services.available_actions(draft, world.leader) == ["submit", "withdraw"]
    assert services.available_actions(draft, world.reviewer) == []
    in_review = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    # Recommending waits for the council's vote (and the other rules): not offered yet.
    assert services.available_actions(in_review, world.reviewer) == [
        "return",
        "council_vote",
        "reject",
    ]
    # An administrator reviews nothing: only the administrator's own steps.
    assert services.available_actions(in_review, world.admin) == ["override", "assign"]


def test_a_draft_is_edited_by_its_blocs_leader(world, nominate):
    nomination = nominate()
    nomination.achievements = "Thành tích bổ sung"
    services.save_draft(nomination, world.leader)
    nomination.refresh_from_db()
    assert nomination.achievements == "Thành tích bổ sung"
    with pytest.raises(ValidationError, match="không có quyền lập hồ sơ"):
        services.save_draft(nomination, world.member_staff)


def test_the_historical_flag_is_not_taken_from_the_form(world, nominate):
    nomination = NominationFactory.build(
        award_type=award_type("co-thi-dua-bo"),
        year=2025,
        unit=world.member_unit,
        bloc=world.bloc,
        is_historical=True,  # would turn the refusal below into a note
    )
    services.save_draft(nomination, world.leader)
    assert not nomination.is_historical
    with pytest.raises(ValidationError, match="Điều 26"):
        services.submit(nomination, world.leader)
