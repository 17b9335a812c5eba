"""The reviewers' queue and the dossier page, through the views."""

import pytest
from django.urls import reverse

from awards import services
from awards.models import Rule, Status
from tests.factories import UnitFactory
from thidua.query_bounds import bound

from .pages_world import fast_passwords, staff, submit  # noqa: F401

pytestmark = pytest.mark.django_db


def queue(client, **params):
    return client.get(reverse("awards:queue"), params)


def test_queue_shows_sent_dossiers_with_their_checks_never_drafts(client, world, nominate):
    sent = nominate(status=Status.SUBMITTED)
    draft = nominate(unit=UnitFactory(name="Cục Còn Dự Thảo"))
    client.force_login(world.reviewer)
    html = queue(client).content.decode()
    assert reverse("awards:detail", args=[sent.pk]) in html
    assert "Cục Còn Dự Thảo" not in html
    assert reverse("awards:detail", args=[draft.pk]) not in html
    # The rule checks, pass or fail with the reason and the legal basis.
    assert "Đạt:" in html and "tập thể dẫn đầu khối" in html


def test_queue_shows_a_failing_rule_with_its_reason(client, world, nominate):
    nominate(unit=world.member_unit, status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    html = queue(client).content.decode()
    assert "Không đạt:" in html
    assert "tập thể không dẫn đầu khối thi đua nào năm 2025" in html


def test_queue_filters(client, world, staff, nominate):  # noqa: F811
    mine = nominate(status=Status.SUBMITTED)
    other = nominate(
        status=Status.SUBMITTED, bloc=world.other_bloc, unit=UnitFactory(name="Cục Khác")
    )
    rejected = nominate(status=Status.REJECTED, unit=UnitFactory(name="Cục Bị Từ Chối"))
    client.force_login(world.reviewer)

    def shown(**params):
        html = queue(client, **params).content.decode()
        return {
            n.pk for n in (mine, other, rejected) if reverse("awards:detail", args=[n.pk]) in html
        }

    assert shown() == {mine.pk, other.pk}
    assert shown(bloc=world.other_bloc.pk) == {other.pk}
    assert shown(status=Status.REJECTED) == {rejected.pk}
    assert shown(year=2024) == set()
    assert shown(award_type=mine.award_type_id, year=2025) == {mine.pk, other.pk}


def test_invalid_transition_is_refused_with_the_message(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "de-nghi"])
    response = submit(client, url, {"confirm": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không thể đề nghị khen thưởng khi hồ sơ ở trạng thái «Đã gửi»" in html
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED


def test_forward_of_a_ministry_award_is_refused(client, world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "trinh-cap-tren"])
    html = submit(client, url, {"confirm": "on"}).content.decode()
    assert "do Bộ trưởng Bộ Khoa học và Công nghệ quyết định, không trình cấp trên" in html
    nomination.refresh_from_db()
    assert nomination.status == Status.RECOMMENDED


def test_return_needs_a_reason(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "tra-lai"])
    html = submit(client, url, {"confirm": "on"}).content.decode()
    assert "Cần ghi lý do cho thao tác này." in html
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_REVIEW


def test_council_vote_with_more_ballots_than_present_is_refused(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "bo-phieu"])
    data = {"confirm": "on", "held_on": "2026-01-10", "votes_for": "9", "votes_against": "3"}
    html = submit(client, url, {**data, "present": "10", "council_size": "11"}).content.decode()
    assert "vượt số thành viên có mặt" in html
    assert nomination.council_votes.count() == 0


def test_dossier_page_shows_history_checks_and_the_allowed_actions(client, world, staff, nominate):  # noqa: F811
    nomination = nominate(status=Status.DRAFT)
    services.submit(nomination, world.leader)
    services.start_review(nomination, world.reviewer)
    services.return_(nomination, world.reviewer, "Bổ sung báo cáo thành tích")
    client.force_login(world.reviewer)
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    for text in ["Gửi hồ sơ", "Bắt đầu thẩm định", "Trả lại", "Bổ sung báo cáo thành tích"]:
        assert text in html
    assert world.leader.username in html and world.reviewer.username in html
    assert "Kiểm tra quy định" in html

    services.submit(nomination, world.leader)
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    start = reverse("awards:review_action", args=[nomination.pk, "bat-dau-tham-dinh"])
    assert start in html
    # The reviewer of the recipient's own unit sees the dossier but no action on it.
    client.force_login(staff["own_reviewer"])
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    assert start not in html


def test_full_walk_through_the_pages(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)

    def act(slug, **data):
        url = reverse("awards:review_action", args=[nomination.pk, slug])
        response = submit(client, url, {"confirm": "on", **data})
        assert response.status_code == 302, response.content.decode()

    act("bat-dau-tham-dinh")
    act(
        "bo-phieu",
        held_on="2026-01-10",
        votes_for="9",
        votes_against="1",
        present="10",
        council_size="11",
    )
    act("de-nghi", reason="Hội đồng nhất trí")
    act(
        "quyet-dinh",
        number="45/QĐ-BKHCN",
        issued_on="2026-01-20",
        signer_name="Người ký thử nghiệm",
        signer_title="Bộ trưởng",
    )
    nomination.refresh_from_db()
    assert nomination.status == Status.GRANTED
    assert nomination.award.decision.document.number == "45/QĐ-BKHCN"
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    assert "Khen thưởng theo quyết định" in html and "9 đồng ý" in html


@pytest.mark.parametrize("n", [2, 20])
def test_queue_queries_stay_constant(client, world, nominate, django_assert_max_num_queries, n):
    for i in range(n):
        nominate(unit=UnitFactory(name=f"Đơn vị {i}"), status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    # 8–9 for the page; the rules and one plain query per kind of fact they read (awards.
    # eligibility.Facts): constant in the number of dossiers.
    with django_assert_max_num_queries(bound("awards:queue")):
        response = queue(client)
    assert response.status_code == 200
    assert response.content.decode().count("Không đạt:") >= n


def test_override_offers_only_the_rules_of_the_dossier(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.admin)
    url = reverse("awards:review_action", args=[nomination.pk, "ngoai-le"])
    html = client.get(url).content.decode()
    assert Rule.objects.get(code="co-bo-moi-khoi-luat2022").name in html
    person_rule = Rule.objects.filter(award_type__slug="chien-si-thi-dua-cap-bo").first()
    assert person_rule.name not in html
    other = (
        Rule.objects.exclude(code="co-bo-moi-khoi-luat2022")
        .filter(award_type__slug="co-thi-dua-chinh-phu")
        .first()
    )
    response = submit(client, url, {"confirm": "on", "rule": other.pk, "reason": "Thử"})
    assert response.status_code == 200 and nomination.overrides.count() == 0


def test_someone_acted_first_is_refused_as_stale(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "khong-de-nghi"])
    assert 'name="version" value="1"' in client.get(url).content.decode()
    services.start_review(nomination, world.reviewer)  # another tab, another reviewer
    data = {"confirm": "on", "reason": "Không đủ tiêu chuẩn", "version": "1"}
    html = client.post(url, data).content.decode()
    assert "Hồ sơ đã được người khác xử lý" in html
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_REVIEW


def test_a_step_page_says_which_state_comes_next(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    start = client.get(reverse("awards:review_action", args=[nomination.pk, "bat-dau-tham-dinh"]))
    assert "hồ sơ chuyển sang trạng thái «Đang thẩm định»" in start.content.decode()
    nomination.status = Status.IN_REVIEW
    nomination.save(update_fields=["status"])
    vote = client.get(reverse("awards:review_action", args=[nomination.pk, "bo-phieu"]))
    assert "Bước này không đổi trạng thái của hồ sơ." in vote.content.decode()


def test_a_refused_step_page_gives_the_reason_not_the_next_state(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    html = client.get(reverse("awards:review_action", args=[nomination.pk, "de-nghi"])).content
    assert "Không thể đề nghị khen thưởng" in html.decode()
    assert "Sau bước này" not in html.decode()
