"""Issue 12, the legal rules: overrides counted apart, quotas judged once and shown as judged,
the leading collective apart from the chair, each rule once, the law as it stands."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import eligibility, services
from awards.models import (
    BaseSalary,
    LegalRegime,
    Nomination,
    PrizeCoefficient,
    Rule,
    Status,
    prize_amount,
)
from blocs.models import LeadingUnit, Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    CouncilVoteFactory,
    DecisionFactory,
    MembershipFactory,
    NominationFactory,
    PersonFactory,
    PositionFactory,
    UnitFactory,
    award_type,
)

from .pages_world import HIDDEN

pytestmark = pytest.mark.django_db

DOCUMENT = {"document_number": "30/QĐ-BKHCN", "document_date": datetime.date(2026, 1, 8)}


def row(nomination, code):
    [found] = [c for c in eligibility.check(nomination) if c.rule.code == code]
    return found


# --- 12.3 overrides stay with their dossier ------------------------------------------------------


def test_an_override_does_not_take_the_legitimate_flags_place(world, nominate):
    legitimate = nominate(unit=world.leader_unit)
    excepted = nominate(unit=world.member_unit)
    for code in ("co-bo-moi-khoi-luat2022", "co-bo-dan-dau-khoi-luat2022"):
        services.record_override(
            excepted, Rule.objects.get(code=code), world.admin, "Hội đồng cho phép", **DOCUMENT
        )
    services.submit(excepted, world.leader)
    services.submit(legitimate, world.leader)  # refused before: «khối có 2 hồ sơ…, tối đa 1»
    assert legitimate.status == Status.SUBMITTED
    check = row(legitimate, "co-bo-moi-khoi-luat2022")
    assert check.passed is True
    assert "khối có 1 hồ sơ" in check.message and "1 hồ sơ được ngoại lệ" in check.message
    assert row(excepted, "co-bo-moi-khoi-luat2022").label == "Ngoại lệ"


def test_without_the_override_the_second_flag_is_still_refused(world, nominate):
    services.submit(nominate(unit=world.leader_unit), world.leader)
    with pytest.raises(ValidationError, match="khối có 2 hồ sơ .* tối đa 1"):
        services.submit(nominate(unit=world.member_unit, bloc=world.bloc), world.leader)


def test_an_override_needs_its_approving_document(world, nominate):
    rule = Rule.objects.get(code="co-bo-moi-khoi-luat2022")
    nomination = nominate()
    with pytest.raises(ValidationError) as error:
        services.record_override(nomination, rule, world.admin, "Lý do")
    assert set(error.value.message_dict) == {"document_number", "document_date"}
    assert not nomination.overrides.exists()


# --- 12.4 quotas judged once, shown as judged ------------------------------------------------------


def test_dashboard_shows_the_quotas_as_judged_with_exceptions_and_drafts(client, world, nominate):
    excepted = nominate(unit=world.member_unit, status=Status.SUBMITTED)
    services.record_override(
        excepted,
        Rule.objects.get(code="co-bo-moi-khoi-luat2022"),
        world.admin,
        "Hội đồng cho phép",
        **DOCUMENT,
    )
    nominate(unit=world.leader_unit)  # a draft: «dự kiến»
    client.force_login(world.leader)
    html = client.get(reverse("awards:dashboard")).content.decode().replace("\n", "")
    quota = html.split("Số lượng theo quy định")[1].split("</table>")[0]
    # Cờ thi đua của Bộ: limit 1, used 0, left 1, one exception, one draft.
    assert "<td>1</td><td>0</td><td>1</td><td>1</td><td>1</td>" in quota
    # The Government-flag share quota is there too, and its base is the leading collectives.
    assert "Cờ thi đua của Chính phủ" in quota and "Công văn 5007/BNV-TĐKT" in quota
    [rows] = eligibility.bloc_quotas([world.bloc], world.year).values()
    per_bloc = next(r for r in rows if r.rule.code == "co-bo-moi-khoi-luat2022")
    assert (per_bloc.limit, per_bloc.used, per_bloc.exceptions, per_bloc.planned) == (1, 0, 1, 1)


def test_a_quota_rule_without_an_award_type_counts_the_same_on_the_dashboard(world, nominate):
    rule = Rule.objects.get(code="co-bo-moi-khoi-luat2022")
    rule.award_type = None
    rule.count = 2
    rule.save()
    nominate(status=Status.SUBMITTED)
    tl = nominate(slug="tap-the-lao-dong-xuat-sac", unit=world.member_unit)
    check = row(tl, "co-bo-moi-khoi-luat2022")
    assert "khối có 2 hồ sơ khen thưởng năm 2025, tối đa 2" in check.message
    [rows] = eligibility.bloc_quotas([world.bloc], world.year).values()
    shown = next(r for r in rows if r.rule == rule)
    assert (shown.used, shown.planned) == (1, 1)


def test_saving_a_draft_over_the_quota_warns_at_once(client, world, nominate):
    nominate(unit=world.leader_unit)
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    hidden = dict(HIDDEN.findall(client.get(url).content.decode()))  # the one-time form token
    response = client.post(
        url,
        {**hidden, "award_type": award_type("co-thi-dua-bo").pk, "unit": world.member_unit.pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Cảnh báo — Mỗi khối thi đua đề nghị tối đa 1 Cờ thi đua của Bộ" in html
    assert "khối dự kiến 2 hồ sơ (kể cả dự thảo), tối đa 1" in html
    assert Nomination.objects.filter(status=Status.DRAFT).count() == 2


def test_share_quota_says_the_base_is_incomplete(world, nominate):
    other = BlocYearFactory(
        bloc=BlocFactory(organiser=world.ministry, name="Khối Chưa Bình Xét"), year=world.year
    )
    MembershipFactory(bloc_year=other, unit=UnitFactory(), role=Role.LEADER)
    gov = nominate(slug="co-thi-dua-chinh-phu", unit=world.leader_unit)
    check = row(gov, "co-cp-ty-le-cv5007")
    assert check.passed is None
    assert "chưa đủ cơ sở để tính tỷ lệ: 1 khối" in check.message
    assert "Khối Chưa Bình Xét" in check.message and "= 0" not in check.message
    assert not check.blocks(eligibility.SUBMIT) and check.blocks(eligibility.RECOMMEND)
    LeadingUnit.objects.create(bloc_year=other, unit=other.memberships.get().unit)
    check = row(gov, "co-cp-ty-le-cv5007")
    assert check.passed is False and "trên 2 tập thể dẫn đầu" in check.message


# --- 12.5 «dẫn đầu» is not «khối trưởng» -------------------------------------------------------------


def test_the_flag_rule_reads_the_leading_collective_not_the_chair(world, nominate):
    LeadingUnit.objects.filter(bloc_year=world.bloc_year).update(unit=world.member_unit)
    chair = row(nominate(unit=world.leader_unit), "co-bo-dan-dau-khoi-luat2022")
    assert chair.passed is False
    assert "tập thể không dẫn đầu khối thi đua nào năm 2025" in chair.message
    leader = row(nominate(unit=world.member_unit), "co-bo-dan-dau-khoi-luat2022")
    assert leader.passed is True and f"dẫn đầu khối «{world.bloc}»" in leader.message


def test_without_a_leading_record_the_rule_says_why_it_cannot_judge(world, nominate):
    LeadingUnit.objects.all().delete()
    check = row(nominate(), "co-bo-dan-dau-khoi-luat2022")
    assert check.passed is None and "chưa ghi tập thể dẫn đầu năm 2025" in check.message


def test_a_leading_collective_must_be_a_member_that_year(world):
    outsider = LeadingUnit(bloc_year=world.bloc_year, unit=UnitFactory())
    with pytest.raises(ValidationError, match="phải là đơn vị thành viên"):
        outsider.full_clean()


def test_the_bloc_page_shows_the_leading_collective(client, world):
    html = client.get(world.bloc.get_absolute_url()).content.decode()
    assert "Dẫn đầu phong trào thi đua của khối" in html and "Cục Khối Trưởng" in html


# --- 12.6 each rule once ------------------------------------------------------------------------------


def test_the_model_refuses_a_unit_outside_the_bloc_that_year(world):
    nomination = Nomination(
        award_type=award_type("co-thi-dua-bo"), year=2025, bloc=world.bloc, unit=UnitFactory()
    )
    with pytest.raises(ValidationError) as error:
        nomination.full_clean()
    assert "không phải đơn vị thành viên của khối" in error.value.message_dict["unit"][0]


def test_a_person_working_in_a_member_unit_that_year(world):
    person = PersonFactory()
    position = PositionFactory(
        person=person, unit=world.member_unit, started_on=datetime.date(2026, 3, 1)
    )
    nomination = Nomination(
        award_type=award_type("chien-si-thi-dua-cap-bo"), year=2025, bloc=world.bloc, person=person
    )
    with pytest.raises(ValidationError, match="không công tác tại đơn vị thành viên"):
        nomination.full_clean()
    position.started_on = datetime.date(2024, 1, 1)
    position.save()
    nomination.full_clean()


def test_the_admin_cannot_save_what_the_bloc_form_refuses(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:awards_nomination_add"),
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "year": 2025,
            "unit": UnitFactory().pk,
            "bloc": world.bloc.pk,
            **{f"{p}-{k}": v for p in ("transitions", "council_votes", "overrides")
               for k, v in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))},
        },
    )  # fmt: skip
    assert "không phải đơn vị thành viên của khối" in response.content.decode()
    assert not Nomination.objects.exists()


# --- 12.9 the law as it stands -----------------------------------------------------------------------


def test_decree_152_follows_decree_98_on_1_july_2025():
    assert eligibility.current_regime(datetime.date(2025, 6, 30)).code == "luat-2022-nd-98-2023"
    assert eligibility.current_regime(datetime.date(2025, 7, 1)).code == "luat-2022-nd-152-2025"
    regime = LegalRegime.objects.get(code="luat-2022-nd-152-2025")
    assert "Thông tư 25/2025/TT-BKHCN" in regime.decree
    # A new decree under the same law does not make 2024 historical.
    assert eligibility.current_start_year(datetime.date(2026, 1, 1)) == 2024


@pytest.mark.parametrize("votes_for, passed", [(799, False), (800, True)], ids=["79.9 %", "80 %"])
def test_ministry_flag_council_threshold_at_80_percent(world, nominate, votes_for, passed):
    nomination = nominate(status=Status.IN_REVIEW)
    CouncilVoteFactory(
        nomination=nomination, votes_for=votes_for, votes_against=0, present=900,
        council_size=1000,
    )  # fmt: skip
    check = row(nomination, "co-bo-phieu-nd152")
    assert check.passed is passed


def test_2024_council_thresholds_cite_decree_98_article_30(world):
    MembershipFactory(bloc_year=BlocYearFactory(bloc=world.bloc, year=2024), unit=world.leader_unit)
    nomination = NominationFactory(
        award_type=award_type("chien-si-thi-dua-co-so"), year=2024, unit=None,
        person=PersonFactory(), status=Status.IN_REVIEW,
    )  # fmt: skip
    CouncilVoteFactory(
        nomination=nomination, votes_for=8, votes_against=0, present=8, council_size=10
    )
    check = row(nomination, "cstd-co-so-phieu-nd98")
    assert check.passed is True and not check.note_only
    assert "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7" in check.message
    assert "từ 80 %" in check.message


@pytest.mark.parametrize("present, passed", [(6, True), (5, False)], ids=["2/3", "under"])
def test_council_quorum_of_two_thirds(world, nominate, present, passed):
    nomination = nominate(status=Status.IN_REVIEW)
    CouncilVoteFactory(
        nomination=nomination, votes_for=present, votes_against=0, present=present,
        council_size=9,
    )  # fmt: skip
    check = row(nomination, "co-bo-hop-hoi-dong-2-3")
    assert check.passed is passed
    assert f"{present}/9 thành viên có mặt" in check.message
    assert "Thông tư 25/2025/TT-BKHCN, Điều 22–23" in check.message


def test_consecutive_rules_cite_their_articles():
    assert Rule.objects.get(code="cstd-bo-lien-tuc-luat2022").basis.endswith("Điều 22")
    assert Rule.objects.get(code="cstd-toan-quoc-lien-tuc-luat2022").basis.endswith("Điều 21")


def test_prize_is_rounded_up_to_ten_thousand():
    assert prize_amount(Decimal("8.0"), 2_340_000) == 18_720_000
    assert prize_amount(Decimal("0.3"), 2_340_000) == 710_000  # 702.000 → 710.000
    assert prize_amount(None, 2_340_000) is None


def test_the_prize_follows_the_decision_date_and_shows_on_the_public_list(client):
    PrizeCoefficient.objects.filter(valid_from__gte=datetime.date(2025, 7, 1)).update(
        coefficient=Decimal("8.0")
    )
    BaseSalary.objects.create(valid_from=datetime.date(2026, 7, 1), amount=3_000_000,
                              legal_document="Thử nghiệm")  # fmt: skip
    AwardFactory(
        award_type=award_type("co-thi-dua-bo"),
        decision=DecisionFactory(document__issued_on=datetime.date(2025, 8, 1)),
    )
    html = client.get(reverse("awards:list")).content.decode()
    assert "18.720.000 đồng" in html  # 8.0 × 2.340.000 on 01/08/2025
    old = AwardFactory(
        award_type=award_type("co-thi-dua-bo"),
        decision=DecisionFactory(document__issued_on=datetime.date(2015, 12, 30)),
    )
    assert type(old).objects.with_prize().get(pk=old.pk).prize is None  # no data for 2015
