"""Issue 16: the rules of the bloc assessment, each at its boundary (services and database)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards import services as award_services
from awards.models import Nomination
from blocs.assessments import results, services, workflow
from blocs.assessments.services import Entry
from blocs.models import (
    Assessment,
    BallotSubject,
    CriteriaItem,
    CriteriaSheet,
    LeadingUnit,
    Score,
    TieBreak,
)
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    CriteriaGroupFactory,
    NominationFactory,
    assessment_world,
    award_type,
)
from thidua import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    bloc_year, units, items = assessment_world(members=3, items=2)
    clerk = make_user(roles.SECRETARIAT)
    second = make_user(roles.SECRETARIAT)
    return bloc_year, units, items, clerk, second


def entry(units, items, agreed=None, *, ballots=None, votes=None):
    """An Entry: agreed[i][j] the agreed score of unit i on item j (self-score the same)."""
    agreed = agreed or [[5] * len(items) for _ in units]
    scores = {
        (u.pk, it.pk): (str(agreed[i][j]), str(agreed[i][j]), "")
        for i, u in enumerate(units)
        for j, it in enumerate(items)
    }
    return Entry(scores=scores, ballots=ballots or {}, votes=votes or {})


def errors_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else caught.value


TALLY = {"issued": "10", "returned": "9", "valid": "8", "invalid": "1"}
# Agreed scores with one unit first: a version whose units share first place is not confirmed.
LEADER_FIRST = [[6, 6], [5, 5], [4, 4]]


def test_a_score_at_the_maximum_is_kept_one_hundredth_above_is_refused_naming_the_field(world):
    bloc_year, units, items, clerk, _ = world
    ok = services.enter(bloc_year, clerk, entry(units, items, [[10, 10], [0, 0], [1, 1]]))
    assert ok.scores.count() == 6
    bad = entry(units, items)
    bad.scores[(units[1].pk, items[0].pk)] = ("", "10.01", "")
    errors = errors_of(lambda: services.enter(bloc_year, clerk, bad))
    key = services.score_field("a", units[1].pk, items[0].pk)
    assert "vượt điểm tối đa 10" in errors[key][0]
    assert units[1].name in errors[key][0] and items[0].name in errors[key][0]
    assert Assessment.objects.count() == 1  # nothing of the refused entry saved


def test_ballots_add_up_boundaries(world):
    bloc_year, units, items, clerk, _ = world
    services.enter(
        bloc_year, clerk, entry(units, items, ballots=dict(TALLY, returned="10", valid="9"))
    )
    over = dict(TALLY, returned="11")
    assert (
        "không được lớn hơn số phiếu phát ra"
        in errors_of(lambda: services.enter(bloc_year, clerk, entry(units, items, ballots=over)))[
            "ballots_returned"
        ][0]
    )
    unequal = dict(TALLY, invalid="2")
    assert (
        "phải bằng số phiếu thu về"
        in errors_of(
            lambda: services.enter(bloc_year, clerk, entry(units, items, ballots=unequal))
        )["ballots_valid"][0]
    )
    partial = {"issued": "10"}
    assert (
        "cần ghi đủ"
        in errors_of(
            lambda: services.enter(bloc_year, clerk, entry(units, items, ballots=partial))
        )["ballots_valid"][0]
    )
    assert Assessment.objects.count() == 1


def test_votes_up_to_the_valid_ballots_and_not_one_more(world):
    bloc_year, units, items, clerk, _ = world
    key = (BallotSubject.LEADING, units[0].pk)
    services.enter(bloc_year, clerk, entry(units, items, ballots=TALLY, votes={key: "8"}))
    errors = errors_of(
        lambda: services.enter(
            bloc_year, clerk, entry(units, items, ballots=TALLY, votes={key: "9"})
        )
    )
    message = errors[services.vote_field(*key)][0]
    assert "không được lớn hơn số phiếu hợp lệ (8)" in message and units[0].name in message
    no_tally = errors_of(
        lambda: services.enter(bloc_year, clerk, entry(units, items, votes={key: "3"}))
    )
    assert "cần ghi số phiếu hợp lệ" in no_tally[services.vote_field(*key)][0]


def test_database_refuses_a_tally_that_does_not_add_up(world):
    bloc_year, _, _, clerk, _ = world
    row = Assessment(bloc_year=bloc_year, version=1, entered_by=clerk, entered_at=timezone.now())
    row.ballots_issued, row.ballots_returned, row.ballots_valid, row.ballots_invalid = 5, 6, 6, 0
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_new_entry_is_a_new_version_and_the_old_one_is_kept(world):
    bloc_year, units, items, clerk, second = world
    first = services.enter(bloc_year, clerk, entry(units, items, [[1, 1], [2, 2], [3, 3]]))
    newer = services.enter(bloc_year, second, entry(units, items, [[4, 4], [2, 2], [3, 3]]))
    assert (first.version, newer.version) == (1, 2)
    assert Score.objects.get(assessment=first, unit=units[0], item=items[0]).agreed_score == 1
    first.latest = 2
    assert workflow.state(first) == workflow.SUPERSEDED
    refusal = workflow.STEPS["confirm"].refusal(first, second)
    assert refusal is not None and "Đã có phiên bản mới hơn" in refusal.message


def test_the_confirmer_must_differ_from_the_enterer_in_the_service_and_the_database(world):
    bloc_year, units, items, clerk, second = world
    version = services.enter(bloc_year, clerk, entry(units, items))
    assert "Người xác nhận phải khác người nhập" in " ".join(
        errors_of(lambda: services.confirm(version, clerk)).messages
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=version.pk).update(
            confirmed_by=clerk, confirmed_at=timezone.now()
        )
    version.refresh_from_db()
    assert version.confirmed_by is None


def test_only_one_confirmed_version_per_bloc_year_in_the_database(world):
    bloc_year, units, items, clerk, second = world
    one = services.enter(bloc_year, clerk, entry(units, items))
    two = services.enter(bloc_year, clerk, entry(units, items))
    now = timezone.now()
    Assessment.objects.filter(pk=one.pk).update(confirmed_by=second, confirmed_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=two.pk).update(confirmed_by=second, confirmed_at=now)


def test_no_change_after_confirmation(world):
    bloc_year, units, items, clerk, second = world
    version = services.enter(bloc_year, clerk, entry(units, items, LEADER_FIRST))
    services.confirm(version, second)
    message = " ".join(
        errors_of(lambda: services.enter(bloc_year, clerk, entry(units, items))).messages
    )
    assert "đã được xác nhận, không thay đổi được nữa" in message
    again = " ".join(errors_of(lambda: services.confirm(version, second)).messages)
    assert "Kết quả bình xét đã được người khác xử lý" in again or "Đã xác nhận" in again
    assert Assessment.objects.count() == 1


def test_release_only_after_confirmation_and_by_ministry_staff(world, make_user):
    bloc_year, units, items, clerk, second = world
    version = services.enter(bloc_year, clerk, entry(units, items, LEADER_FIRST))
    assert "Chờ xác nhận" in " ".join(errors_of(lambda: services.release(version, clerk)).messages)
    services.confirm(version, second)
    leader = make_user(roles.BLOC_LEADER, unit=units[0])
    assert "Chỉ Thư ký Bộ" in " ".join(
        errors_of(lambda: services.release(version, leader)).messages
    )
    released = services.release(version, clerk)  # the enterer may release: a different step
    assert released.released_at is not None


def test_criteria_are_frozen_once_scoring_starts(world):
    bloc_year, units, items, clerk, _ = world
    item = CriteriaItem.objects.get(pk=items[0].pk)
    item.max_points = 20
    item.full_clean()  # editable before scoring
    services.enter(bloc_year, clerk, entry(units, items))
    with pytest.raises(ValidationError, match="khối đã bắt đầu chấm điểm"):
        item.full_clean()
    with pytest.raises(ValidationError, match="khối đã bắt đầu chấm điểm"):
        CriteriaSheet.objects.get(bloc_year=bloc_year).full_clean()


def test_criteria_are_copied_from_the_previous_year_or_the_template(world, make_user):
    bloc_year, units, items, clerk, _ = world
    CriteriaItem.objects.filter(pk=items[0].pk).update(weight=Decimal("1.5"))
    sheet = CriteriaSheet.objects.get(bloc_year=bloc_year)
    sheet.tie_break, sheet.ballot_threshold = TieBreak.SELF_SCORE, 60
    sheet.save()
    next_year = BlocYearFactory(bloc=bloc_year.bloc, year=bloc_year.year + 1)
    copied = services.copy_criteria(next_year, clerk, source="previous")
    assert copied.items.count() == 2 and copied.groups.count() == 2
    assert copied.items.filter(weight=Decimal("1.5")).count() == 1
    assert (copied.tie_break, copied.ballot_threshold) == (TieBreak.SELF_SCORE, 60)
    assert f"năm {bloc_year.year}" in copied.copied_from
    with pytest.raises(ValidationError, match="đã có tiêu chí"):
        services.copy_criteria(next_year, clerk, source="template")
    other = BlocYearFactory(year=2024)
    template = services.copy_criteria(other, clerk, source="template")
    assert template.groups.filter(name="Thực hiện nhiệm vụ chuyên môn").exists()
    assert sum(i.max_points for i in template.items.all()) == 100
    with pytest.raises(ValidationError, match="chưa có tiêu chí của năm nào"):
        services.copy_criteria(BlocYearFactory(year=2024), clerk, source="previous")
    outsider = make_user(roles.BLOC_LEADER)
    with pytest.raises(ValidationError, match="không được nhập"):
        services.copy_criteria(BlocYearFactory(year=2024), outsider, source="template")


def test_totals_are_weighted_and_ties_broken_by_the_recorded_rule(world):
    bloc_year, units, items, clerk, second = world
    CriteriaItem.objects.filter(pk=items[1].pk).update(weight=2)
    votes = {(BallotSubject.LEADING, units[1].pk): "6", (BallotSubject.LEADING, units[2].pk): "2"}
    version = services.enter(
        bloc_year,
        clerk,
        entry(units, items, [[2, 1], [4, 3], [6, 2]], ballots=TALLY, votes=votes),
    )
    result = results.compute(version)
    by_unit = {r.unit_id: r for r in result.rows}
    assert by_unit[units[0].pk].agreed_total == Decimal("4.00")  # 2 + 1×2
    assert by_unit[units[1].pk].agreed_total == by_unit[units[2].pk].agreed_total == 10
    assert [r.unit_id for r in result.rows] == [units[1].pk, units[2].pk, units[0].pk]
    assert [r.rank for r in result.rows] == [1, 2, 3]
    assert "phân định theo số phiếu bầu dẫn đầu khối (6)" in result.rows[0].tie_note
    sheet = CriteriaSheet.objects.get(bloc_year=bloc_year)
    CriteriaSheet.objects.filter(pk=sheet.pk).update(tie_break=TieBreak.SHARED)
    shared = results.compute(version)
    assert [r.rank for r in shared.rows] == [1, 1, 3]
    # One leading collective per bloc: a shared first place is reported as a tie, not two.
    assert shared.leading == []
    assert {r.unit_id for r in shared.leading_tie} == {units[1].pk, units[2].pk}


def test_threshold_reached_at_exactly_the_percentage_not_below(world):
    bloc_year, units, items, clerk, _ = world
    flag = BallotSubject.MINISTRY_FLAG
    votes = {(flag, units[0].pk): "4", (flag, units[1].pk): "3"}  # of 8 valid: 50%, 37.5%
    version = services.enter(bloc_year, clerk, entry(units, items, ballots=TALLY, votes=votes))
    ballot = results.compute(version).ballots[0]
    assert [(c.unit_id, c.percent, c.reached) for c in ballot.candidates] == [
        (units[0].pk, Decimal("50.00"), True),
        (units[1].pk, Decimal("37.50"), False),
    ]


def test_confirmation_sets_the_leading_collective_that_the_flag_rules_read(world):
    bloc_year, units, items, clerk, second = world
    LeadingUnit.objects.create(bloc_year=bloc_year, unit=units[0], source="Nhập tay")
    version = services.enter(bloc_year, clerk, entry(units, items, [[1, 1], [9, 9], [2, 2]]))
    services.confirm(version, second)
    rows = LeadingUnit.objects.filter(bloc_year=bloc_year)
    assert [(r.unit_id, r.assessment_id) for r in rows] == [(units[1].pk, version.pk)]
    assert "phiên bản 1" in rows[0].source
    # The facts the flag rules read: the bloc-year's leading collectives.
    leading = set(
        LeadingUnit.objects.filter(
            bloc_year__bloc=bloc_year.bloc, bloc_year__year=bloc_year.year
        ).values_list("unit_id", flat=True)
    )
    assert leading == {units[1].pk}


def test_ballot_only_result_leads_by_the_most_votes_above_the_threshold(world):
    bloc_year, _, _, clerk, second = world
    units = [m.unit for m in bloc_year.memberships.order_by("order")]
    lead = BallotSubject.LEADING
    # Of 8 valid ballots, each naming at most one unit: 37.5 %, 50 % (the threshold), 12.5 %.
    votes = {(lead, units[0].pk): "3", (lead, units[1].pk): "4", (lead, units[2].pk): "1"}
    version = services.enter(bloc_year, clerk, Entry(ballots=TALLY, votes=votes))
    assert [c.unit_id for c in results.compute(version).leading] == [units[1].pk]


def test_nominations_are_drafted_from_the_confirmed_result_once(world, make_user):
    bloc_year, units, items, clerk, second = world
    flag = BallotSubject.MINISTRY_FLAG
    votes = {
        (flag, units[0].pk): "6",
        (flag, units[1].pk): "2",
        (BallotSubject.GOVERNMENT_FLAG, units[0].pk): "x",
    }
    version = services.enter(
        bloc_year, clerk, entry(units, items, LEADER_FIRST, ballots=TALLY, votes=votes)
    )
    with pytest.raises(ValidationError, match="đã được xác nhận"):
        award_services.nominations_from_assessment(version, clerk)
    services.confirm(version, second)
    created = award_services.nominations_from_assessment(version, clerk)
    assert sorted((n.award_type.slug, n.unit_id) for n in created) == [
        ("co-thi-dua-bo", units[0].pk),
        ("co-thi-dua-chinh-phu", units[0].pk),
    ]
    assert created[0].status == "draft" and created[0].transitions.count() == 1
    assert award_services.nominations_from_assessment(version, clerk) == []
    assert Nomination.objects.count() == 2
    outsider = make_user(roles.BLOC_LEADER)
    with pytest.raises(ValidationError, match="không có quyền lập hồ sơ"):
        award_services.nominations_from_assessment(version, outsider)


def test_a_group_of_another_sheet_is_refused(world):
    bloc_year, _, items, _, _ = world
    stranger = CriteriaGroupFactory()
    item = CriteriaItem.objects.get(pk=items[0].pk)
    item.group = stranger
    with pytest.raises(ValidationError, match="cùng bảng tiêu chí"):
        item.full_clean()


def test_the_demo_records_only_what_the_article_states(demo):
    version = Assessment.objects.get(
        bloc_year__year=2015, bloc_year__bloc__slug="khoi-tong-cuc-cuc-ban-quy"
    )
    assert version.scores.count() == 0 and version.ballots_valid is None
    assert version.confirmed_by is None and version.released_at is None
    assert sorted((b.subject, b.unit.slug, b.votes) for b in version.ballot_counts.all()) == [
        ("co_bo", "cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn", None),
        ("co_bo", "cuc-thong-tin-khcn-quoc-gia", None),
        ("co_bo", "cuc-ung-dung-va-phat-trien-cong-nghe", None),
        ("co_chinh_phu", "cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn", None),
    ]
    assert results.compute(version).leading == []  # the article names no leading collective
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    assert Assessment.objects.count() == 1


def test_a_unit_with_a_live_dossier_elsewhere_gets_no_second_one_from_the_result(world):
    bloc_year, units, items, clerk, second = world
    votes = {(BallotSubject.MINISTRY_FLAG, units[0].pk): "6"}
    version = services.enter(
        bloc_year, clerk, entry(units, items, LEADER_FIRST, ballots=TALLY, votes=votes)
    )
    services.confirm(version, second)
    other = NominationFactory(
        award_type=award_type("co-thi-dua-bo"), unit=units[0], bloc=BlocFactory(),
        year=bloc_year.year,
    )  # fmt: skip
    assert award_services.nominations_from_assessment(version, clerk) == []
    assert list(Nomination.objects.values_list("pk", flat=True)) == [other.pk]
