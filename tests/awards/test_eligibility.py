"""Every legal rule at its boundary, with the message naming the rule and its basis."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awards import eligibility, services
from awards.models import Nomination, Rule, Status
from blocs.models import LeadingUnit, Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    CouncilVoteFactory,
    MembershipFactory,
    NominationFactory,
    PersonFactory,
    UnitFactory,
    award_type,
)

pytestmark = pytest.mark.django_db


def row(nomination, code):
    """The check of one rule (by code) on a nomination."""
    found = [c for c in eligibility.check(nomination) if c.rule.code == code]
    assert len(found) == 1, [c.rule.code for c in eligibility.check(nomination)]
    return found[0]


def leaders(world, count, year=None, organiser=None):
    """`count` more blocs of the world's ministry (or `organiser`), each with a leader unit."""
    units = []
    for _ in range(count):
        bloc_year = BlocYearFactory(
            bloc=BlocFactory(organiser=organiser or world.ministry), year=year or world.year
        )
        unit = MembershipFactory(bloc_year=bloc_year, unit=UnitFactory(), role=Role.LEADER).unit
        LeadingUnit.objects.create(bloc_year=bloc_year, unit=unit)
        units.append(unit)
    return units


# --- rules in force by year ------------------------------------------------------------------


def test_a_2015_record_is_judged_by_2015_rules_and_noted_against_todays(world):
    nomination = NominationFactory(
        award_type=award_type("co-thi-dua-chinh-phu"), year=2015, unit=world.member_unit
    )
    checks = eligibility.check(nomination)
    own = {c.rule.code for c in checks if not c.current_rule}
    today = {c.rule.code for c in checks if c.current_rule}
    assert "co-cp-can-co-bo-nd42" in own
    assert "co-cp-dan-dau-khoi-luat2022" in today and "co-cp-dan-dau-khoi-luat2022" not in own
    prerequisite = row(nomination, "co-cp-can-co-bo-nd42")
    assert prerequisite.passed is False and prerequisite.note_only
    assert "Nghị định 42/2010/NĐ-CP, Điều 16, khoản 2" in prerequisite.message
    assert "Hồ sơ lịch sử năm 2015 được chấp nhận" in prerequisite.message
    assert eligibility.refusal(nomination, eligibility.SUBMIT) is None


def test_a_current_nomination_is_judged_by_todays_rules_only(world, nominate):
    codes = {c.rule.code for c in eligibility.check(nominate())}
    assert "co-bo-moi-khoi-luat2022" in codes
    assert not any(code.endswith("nd42") or code.endswith("nd91") for code in codes)


# --- prerequisites ---------------------------------------------------------------------------


def test_government_flag_2015_needs_the_ministry_flag_of_the_same_round(world):
    unit = world.member_unit
    gov = NominationFactory(award_type=award_type("co-thi-dua-chinh-phu"), year=2015, unit=unit)
    assert row(gov, "co-cp-can-co-bo-nd42").passed is False
    ministry = NominationFactory(
        award_type=award_type("co-thi-dua-bo"), year=2015, unit=unit, status=Status.DRAFT
    )
    assert row(gov, "co-cp-can-co-bo-nd42").passed is False, "a draft does not count"
    ministry.status = Status.SUBMITTED  # the same dossier, sent
    ministry.save()
    check = row(gov, "co-cp-can-co-bo-nd42")
    assert check.passed is True
    assert "đã có Cờ thi đua của Bộ Khoa học và Công nghệ năm 2015" in check.message


def test_ministry_flag_today_goes_to_a_bloc_leader_only(world, nominate):
    assert row(nominate(unit=world.leader_unit), "co-bo-dan-dau-khoi-luat2022").passed is True
    other = nominate(unit=world.member_unit)
    check = row(other, "co-bo-dan-dau-khoi-luat2022")
    assert check.passed is False and not check.note_only
    with pytest.raises(ValidationError) as error:
        services.submit(other, world.leader)
    message = str(error.value)
    assert "Cờ thi đua của Bộ tặng tập thể dẫn đầu" in message
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 26" in message
    assert other.status == Status.DRAFT


# --- quota per bloc ----------------------------------------------------------------------------


def test_ministry_flags_per_bloc_at_the_limit_and_one_over(world, nominate):
    first = nominate(unit=world.leader_unit)
    check = row(first, "co-bo-moi-khoi-luat2022")
    assert check.passed is True and "khối có 1 hồ sơ" in check.message
    services.submit(first, world.leader)
    second = nominate(unit=world.member_unit)  # another unit: the same one would be a duplicate
    check = row(second, "co-bo-moi-khoi-luat2022")
    assert check.passed is False
    assert (
        "khối có 2 hồ sơ Cờ thi đua của Bộ Khoa học và Công nghệ năm 2025, tối đa 1"
        in check.message
    )
    with pytest.raises(
        ValidationError, match="Mỗi khối thi đua đề nghị tối đa 1 Cờ thi đua của Bộ"
    ):
        services.submit(second, world.leader)


def test_a_withdrawn_nomination_frees_its_place_in_the_quota(world, nominate):
    first = nominate()
    services.submit(first, world.leader)
    services.withdraw(first, world.leader, "Khối đề nghị lại")
    second = nominate()
    assert row(second, "co-bo-moi-khoi-luat2022").passed is True


# --- share quotas ------------------------------------------------------------------------------


def test_government_flags_at_20_percent_of_bloc_leaders_and_one_over(world, nominate):
    units = leaders(world, 9)  # 10 leader units with the world's own bloc: 20 % = 2
    first = nominate(slug="co-thi-dua-chinh-phu", unit=units[0], status=Status.SUBMITTED)
    second = nominate(slug="co-thi-dua-chinh-phu", unit=units[1])
    check = row(second, "co-cp-ty-le-cv5007")
    assert check.passed is True
    assert "2 Cờ thi đua của Chính phủ năm 2025 trên 10 tập thể dẫn đầu" in check.message
    second.status = Status.SUBMITTED
    second.save()
    third = nominate(slug="co-thi-dua-chinh-phu", unit=units[2])
    check = row(third, "co-cp-ty-le-cv5007")
    assert check.passed is False
    assert "tối đa 20 % = 2" in check.message
    assert "Công văn 5007/BNV-TĐKT" in check.message
    assert first.pk


def test_share_quotas_of_two_organisers_judged_in_one_batch_count_apart(world, nominate):
    ours = leaders(world, 9)  # 10 leading collectives: 20 % = 2
    theirs = leaders(world, 5, organiser=UnitFactory())  # 5: 20 % = 1
    flag = "co-thi-dua-chinh-phu"
    batch = [
        nominate(slug=flag, unit=unit, bloc=unit.memberships.get().bloc_year.bloc)
        for unit in [*ours[:3], theirs[0]]
    ]
    for nomination in batch[:2]:
        nomination.status = Status.SUBMITTED
        nomination.save()
    checks = eligibility.checks_for(batch)  # one set of facts for both organisers
    [third, other] = [
        next(c for c in checks[n.pk] if c.rule.code == "co-cp-ty-le-cv5007") for n in batch[2:]
    ]
    assert third.passed is False
    assert "3 Cờ thi đua của Chính phủ năm 2025 trên 10 tập thể dẫn đầu" in third.message
    assert other.passed is True
    assert "1 Cờ thi đua của Chính phủ năm 2025 trên 5 tập thể dẫn đầu" in other.message


def test_a_bloc_leaders_share_quota_counts_the_flags_of_the_organisers_other_blocs(world):
    """The dashboard of one bloc reads the nominations of every bloc its organiser holds (on
    PostgreSQL through an array of those blocs), and of no other organiser's."""
    ours = leaders(world, 4)
    theirs = leaders(world, 2, organiser=UnitFactory())
    flag = award_type("co-thi-dua-chinh-phu")
    for unit in [*ours[:3], *theirs]:
        bloc = unit.memberships.get().bloc_year.bloc
        NominationFactory(
            award_type=flag, year=world.year, unit=unit, bloc=bloc, status=Status.SUBMITTED
        )
    quotas, _checks = eligibility.bloc_overview([world.bloc], world.year, [])
    [share] = [q for q in quotas[world.bloc.pk] if q.rule.code == "co-cp-ty-le-cv5007"]
    assert share.used == 3  # the three of this organiser's other blocs, not the two others'


def test_government_flags_2020_at_20_percent_of_ministry_flags(world):
    units = [UnitFactory() for _ in range(10)]
    for unit in units:
        NominationFactory(year=2020, unit=unit, bloc=world.bloc, status=Status.SUBMITTED)
    gov = [
        NominationFactory(
            award_type=award_type("co-thi-dua-chinh-phu"),
            year=2020,
            unit=u,
            bloc=world.bloc,
            status=Status.SUBMITTED,
        )
        for u in units[:2]
    ]
    assert row(gov[1], "co-cp-ty-le-nd91").passed is True
    third = NominationFactory(
        award_type=award_type("co-thi-dua-chinh-phu"), year=2020, unit=units[2], bloc=world.bloc
    )
    check = row(third, "co-cp-ty-le-nd91")
    assert check.passed is False and check.note_only  # 2020 is before today's regime
    assert "Nghị định 91/2017/NĐ-CP, Điều 11, khoản 1" in check.message


# --- consecutive history and council vote --------------------------------------------------------


@pytest.fixture
def fighter(world):
    """A person with Chiến sĩ thi đua cơ sở in 2023, 2024, 2025 nominated for cấp Bộ in 2025."""
    person = PersonFactory()
    for year in (2023, 2024, 2025):
        AwardFactory(
            award_type=award_type("chien-si-thi-dua-co-so"), year=year, unit=None, person=person
        )
    return NominationFactory(
        award_type=award_type("chien-si-thi-dua-cap-bo"),
        year=2025,
        unit=None,
        person=person,
        bloc=world.bloc,
        status=Status.IN_REVIEW,
    )


def test_three_consecutive_grassroots_titles(world, fighter):
    assert row(fighter, "cstd-bo-lien-tuc-luat2022").passed is True
    fighter.person.awards.filter(year=2023).delete()
    check = row(fighter, "cstd-bo-lien-tuc-luat2022")
    assert check.passed is False
    assert (
        "cần 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023–2025); thiếu năm 2023" in check.message
    )


def test_council_vote_at_exactly_90_percent_passes(world, fighter):
    CouncilVoteFactory(
        nomination=fighter, votes_for=9, votes_against=1, present=10, council_size=10
    )
    check = row(fighter, "cstd-bo-phieu-nd152")
    assert check.passed is True and "9/10 thành viên Hội đồng đồng ý (90 %)" in check.message
    services.recommend(fighter, world.reviewer)
    assert fighter.status == Status.RECOMMENDED


def test_council_vote_just_under_90_percent_is_refused(world, fighter):
    CouncilVoteFactory(
        nomination=fighter, votes_for=89, votes_against=0, present=95, council_size=100
    )
    check = row(fighter, "cstd-bo-phieu-nd152")
    assert check.passed is False and "(89 %), cần từ 90 %" in check.message
    with pytest.raises(ValidationError) as error:
        services.recommend(fighter, world.reviewer)
    assert "Chiến sĩ thi đua cấp Bộ: từ 90 % tổng số thành viên Hội đồng" in str(error.value)
    assert "Nghị định 152/2025/NĐ-CP" in str(error.value)


def test_without_a_council_vote_the_nomination_cannot_be_recommended(world, fighter):
    check = row(fighter, "cstd-bo-phieu-nd152")
    assert check.passed is None and "Hội đồng chưa bỏ phiếu" in check.message
    with pytest.raises(ValidationError, match="Hội đồng chưa bỏ phiếu"):
        services.recommend(fighter, world.reviewer)


def test_2020_council_vote_rule_cites_decree_91(world):
    nomination = NominationFactory(
        award_type=award_type("chien-si-thi-dua-cap-bo"),
        year=2020,
        unit=None,
        person=PersonFactory(),
    )
    CouncilVoteFactory(nomination=nomination, votes_for=8, present=10, council_size=10)
    check = row(nomination, "cstd-bo-phieu-nd91")
    assert check.passed is False
    assert "Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8" in check.message


# --- no double reward --------------------------------------------------------------------------


def test_a_second_nomination_of_the_same_recipient_and_year_is_flagged(world, nominate):
    first = nominate(status=Status.SUBMITTED)
    # As an import's preview judges a row before it is written (the database would refuse it).
    second = Nomination(
        award_type=first.award_type, year=first.year, unit=first.unit, status=Status.DRAFT
    )
    check = row(second, "khong-trung-luat2022")
    assert check.passed is False
    assert f"hồ sơ đang xét số {first.pk}" in check.message
    assert check.blocks(eligibility.RECOMMEND) and not check.blocks(eligibility.SUBMIT)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_overlapping_yearly_titles_are_flagged(world, nominate):
    AwardFactory(
        award_type=award_type("tap-the-lao-dong-xuat-sac"), year=2025, unit=world.member_unit
    )
    other = nominate(slug="tap-the-lao-dong-tien-tien", unit=world.member_unit)
    check = row(other, "khong-trung-luat2022")
    assert (
        check.passed is False
        and "Tập thể lao động xuất sắc (khen thưởng đã quyết định" in check.message
    )


def test_a_different_year_is_not_a_double_reward(world, nominate):
    AwardFactory(year=2024, unit=world.leader_unit)
    assert row(nominate(), "khong-trung-luat2022").passed is True


# --- overrides -----------------------------------------------------------------------------


def test_only_an_administrator_records_an_override_and_it_is_shown(world, nominate):
    nomination = nominate(unit=world.member_unit)
    rule = Rule.objects.get(code="co-bo-dan-dau-khoi-luat2022")
    document = {"document_number": "21/QĐ-BKHCN", "document_date": datetime.date(2026, 1, 5)}
    for user in (world.reviewer, world.clerk, world.leader):
        with pytest.raises(ValidationError, match="không có quyền ghi ngoại lệ"):
            services.record_override(nomination, rule, user, "Lý do", **document)
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        services.record_override(nomination, rule, world.admin, "  ", **document)
    with pytest.raises(ValidationError, match="Cần ghi số văn bản cho phép ngoại lệ"):
        services.record_override(nomination, rule, world.admin, "Lý do")
    services.record_override(
        nomination, rule, world.admin, "Hội đồng chấp thuận trường hợp đặc biệt", **document
    )
    check = row(nomination, "co-bo-dan-dau-khoi-luat2022")
    assert check.label == "Ngoại lệ"
    assert "Hội đồng chấp thuận trường hợp đặc biệt" in check.override_note
    assert "văn bản số 21/QĐ-BKHCN ngày 05/01/2026" in check.override_note
    services.submit(nomination, world.leader)
    assert nomination.status == Status.SUBMITTED


# --- query counts --------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 20])
def test_checks_for_a_queue_page_runs_constant_queries(world, n, django_assert_max_num_queries):
    units = leaders(world, n)
    nominations = [
        NominationFactory(
            award_type=award_type(slug), year=2025, unit=u, bloc=world.bloc, status=Status.SUBMITTED
        )
        for u in units
        for slug in ("co-thi-dua-bo", "co-thi-dua-chinh-phu")
    ]
    # The rules, then one plain query per kind of fact: overrides, the recipients' awards and
    # nominations, the bloc-years with their leading collectives, the council votes, the award
    # types.
    with django_assert_max_num_queries(7):
        results = eligibility.checks_for(nominations)
    assert len(results) == 2 * n
