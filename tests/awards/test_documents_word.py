"""The award documents in Word, parsed back: headings in the NĐ 30 layout, the numbers, and every
recipient (a thousand of them in a decision's annex)."""

import datetime

import pytest
from django.urls import reverse

from awards.documents import contexts
from awards.models import Award, Rule, RuleKind, Status, VoteBase
from tests import paper
from tests.factories import (
    AwardFactory,
    BlocFactory,
    CouncilVoteFactory,
    DecisionFactory,
    DocumentFactory,
    RuleFactory,
    UnitFactory,
    award_type,
)
from units.models import Unit, UnitKind

pytestmark = pytest.mark.django_db

HEAD = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_the_blocs_submission_lists_what_it_proposes(client, world, nominate):
    proposed = [
        nominate(status=Status.DRAFT),
        nominate(status=Status.SUBMITTED, unit=world.member_unit, slug="tap-the-lao-dong-xuat-sac"),
    ]
    nominate(
        status=Status.WITHDRAWN, unit=UnitFactory(name="Cục Đã Rút"), slug="bang-khen-bo-truong"
    )
    client.force_login(world.leader)
    word = paper.Word(
        client.get(reverse("awards:bloc_submission", args=[world.bloc.slug, world.year]))
    )
    for line in [*HEAD, "TỜ TRÌNH", "DANH SÁCH", "CỤC KHỐI TRƯỞNG"]:
        assert line in word.text, line
    assert f"Về việc đề nghị khen thưởng năm {world.year}" in word.text
    rows = word.table_with("Tên tập thể, cá nhân")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (str(i), n.recipient_name, n.award_type.name) for i, n in enumerate(proposed, 1)
    ]
    assert "Cục Đã Rút" not in word.text
    assert "Tổng cộng: 2 trường hợp." in word.text
    # The first page has no page number; the following ones do (NĐ 30).
    section = word.document.sections[0]
    assert section.different_first_page_header_footer
    assert 'instr="PAGE"' in section.header._element.xml.replace("w:instr", "instr")
    assert section.page_width.mm == pytest.approx(210, abs=0.5)


def test_the_review_submission_follows_the_queues_filter(client, world, nominate):
    other_bloc = BlocFactory()
    kept = nominate(status=Status.RECOMMENDED)
    nominate(status=Status.RECOMMENDED, bloc=other_bloc, unit=UnitFactory(name="Cục Khối Khác"))
    nominate(
        status=Status.DRAFT, unit=UnitFactory(name="Cục Dự Thảo"), slug="tap-the-lao-dong-xuat-sac"
    )
    client.force_login(world.reviewer)
    url = reverse("awards:review_submission")
    word = paper.Word(client.get(url, {"bloc": world.bloc.pk}))
    rows = word.table_with("Tên tập thể, cá nhân")
    assert [r[1] for r in rows] == [kept.recipient_name]
    assert "VỤ THI ĐUA - KHEN THƯỞNG" in word.text
    everything = paper.Word(client.get(url)).text
    assert "Cục Khối Khác" in everything and "Cục Dự Thảo" not in everything


def test_a_review_submission_above_the_limit_asks_to_filter(client, world, nominate, settings):
    settings.THIDUA_EXPORT_MAX_ROWS = 1
    nominate(status=Status.SUBMITTED)
    nominate(status=Status.SUBMITTED, unit=world.member_unit)
    client.force_login(world.reviewer)
    page = client.get(reverse("awards:review_submission"), follow=True).content.decode()
    assert "Danh sách có hơn 1 hồ sơ: hãy lọc" in page


def test_the_council_minutes_give_the_ballot_and_the_threshold_of_the_rule(client, world, nominate):
    # This test's own rule is the one in force for the flag (the catalogue's NĐ 98 rule aside).
    Rule.objects.filter(kind=RuleKind.COUNCIL_VOTE, award_type=award_type("co-thi-dua-bo")).update(
        is_active=False
    )
    RuleFactory(
        kind=RuleKind.COUNCIL_VOTE,
        count=None,
        threshold_percent=90,
        vote_base=VoteBase.PRESENT,
        award_type=award_type("co-thi-dua-bo"),
        name="Tỷ lệ phiếu Cờ thi đua",
        legal_document="NĐ 98/2023/NĐ-CP",
    )
    day = datetime.date(2026, 1, 15)
    passed = nominate(status=Status.RECOMMENDED)
    failed = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    CouncilVoteFactory(nomination=passed, held_on=day, council_size=11, present=10, votes_for=9)
    CouncilVoteFactory(
        nomination=failed, held_on=day, council_size=11, present=10, votes_for=8, votes_against=2
    )
    CouncilVoteFactory(held_on=datetime.date(2026, 2, 1))  # another session
    client.force_login(world.reviewer)
    word = paper.Word(client.get(reverse("awards:council_minutes", args=["2026-01-15"])))
    assert "BIÊN BẢN" in word.text
    assert "Họp Hội đồng Thi đua - Khen thưởng ngày 15/01/2026" in word.text
    assert "Hội đồng có 11 thành viên, có mặt 10 thành viên" in word.text
    rows = word.table_with("Kết quả")
    assert [(r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows] == [
        ("Cục Khối Trưởng", "11", "10", "9", "1", "90 (trên số thành viên có mặt)", "90", "Đạt"),
        (
            "Cục Thành Viên",
            "11",
            "10",
            "8",
            "2",
            "80 (trên số thành viên có mặt)",
            "90",
            "Không đạt",
        ),
    ]
    assert "1 hồ sơ đạt" in word.text and "1 hồ sơ không đạt" in word.text
    assert "Tỷ lệ phiếu Cờ thi đua (NĐ 98/2023/NĐ-CP, Điều 1)" in word.text


def test_a_day_without_a_council_session_is_not_found(client, world):
    client.force_login(world.reviewer)
    assert client.get(reverse("awards:council_minutes", args=["2026-01-15"])).status_code == 404
    assert client.get(reverse("awards:council_minutes", args=["15-01-2026"])).status_code == 404


def test_the_decision_annex_lists_a_thousand_recipients_with_their_ledger_numbers(
    client, reviewer, django_assert_max_num_queries
):
    decision = DecisionFactory(
        document=DocumentFactory(
            kind="quyet_dinh", number="900/QĐ-BKHCN", issued_on=datetime.date(2026, 1, 20)
        )
    )
    units = Unit.objects.bulk_create(
        Unit(name=f"Trung tâm Thử nghiệm {i:04d}", slug=f"tt-{i}", kind=UnitKind.CENTRE)
        for i in range(1000)
    )
    kind = award_type("tap-the-lao-dong-xuat-sac")
    Award.objects.bulk_create(
        Award(
            decision=decision,
            unit=u,
            award_type=kind,
            year=2025,
            type_order=kind.order,
            is_historical=True,
            source="Bản lưu quyết định tại Vụ TĐKT",
        )
        for u in units
    )
    client.force_login(reviewer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("awards:decision_annex", args=[decision.pk]))
        word = paper.Word(response)
    assert (
        "(Kèm theo Quyết định số 900/QĐ-BKHCN ngày 20/01/2026 của Bộ Khoa học và Công nghệ)"
        in word.text
    )
    rows = word.table_with("STT (số sổ vàng)")
    assert [(r[0], r[1]) for r in rows] == [
        (str(i), f"Trung tâm Thử nghiệm {i - 1:04d}") for i in range(1, 1001)
    ]
    assert "Danh sách có 1000 tập thể, cá nhân./." in word.text
    assert 'filename="danh-sach-kem-theo-900-qd-bkhcn.docx"' in response["Content-Disposition"]


def test_the_achievement_report_is_prefilled_with_earlier_awards(client, world, nominate):
    AwardFactory(
        unit=world.leader_unit, year=2023, award_type=award_type("tap-the-lao-dong-xuat-sac")
    )
    AwardFactory(unit=world.member_unit, year=2023)  # another recipient's
    nomination = nominate(status=Status.DRAFT, achievements="Dẫn đầu khối năm 2025.")
    client.force_login(world.leader)
    word = paper.Word(client.get(reverse("awards:achievement_report", args=[nomination.pk])))
    assert "BÁO CÁO THÀNH TÍCH" in word.text
    assert f"Đề nghị tặng {nomination.award_type.name} năm 2025" in word.text
    assert "Tên tập thể: Cục Khối Trưởng" in word.text
    assert "Dẫn đầu khối năm 2025." in word.text
    rows = word.table_with("Số, ngày quyết định")
    assert [(r[0], r[1]) for r in rows] == [("2023", award_type("tap-the-lao-dong-xuat-sac").name)]


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(v) for key, v in value.items()}
    if isinstance(value, list | tuple) or hasattr(value, "__next__"):
        items = list(value)
        return [_shape(items[0])] if items else []
    return "value"


def test_the_sample_data_has_the_shape_of_the_real_data(world, nominate):
    """An upload is checked against the samples: they must hold what a real document holds."""
    nomination = nominate(status=Status.SUBMITTED)
    CouncilVoteFactory(nomination=nomination, held_on=datetime.date(2026, 1, 15))
    award = AwardFactory(unit=world.leader_unit, year=2024)
    pairs = [
        (contexts.review_submission([nomination]), contexts.sample_submission()),
        (contexts.council_minutes(datetime.date(2026, 1, 15)), contexts.sample_council_minutes()),
        (contexts.decision_annex(award.decision), contexts.sample_decision_annex()),
        (contexts.achievement_report(nomination), contexts.sample_achievement_report()),
    ]
    for real, sample in pairs:
        assert _shape(real) == _shape(sample)
