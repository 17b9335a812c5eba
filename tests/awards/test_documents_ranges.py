"""QA: the document downloads refuse what they could only print empty — a ledger range past the
decision's last award, a bloc's tờ trình for a year the bloc has not recorded."""

import pytest
from django.urls import reverse

from awards.models import Status
from tests import paper
from tests.factories import AwardFactory, DecisionFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    decision = DecisionFactory()
    for name in ["Cục Thứ Nhất", "Cục Thứ Hai"]:
        AwardFactory(decision=decision, unit=UnitFactory(name=name))
    return decision


def certificates(client, decision, query):
    url = reverse("awards:decision_certificates", args=[decision.pk])
    return client.get(f"{url}?{query}")


@pytest.mark.parametrize("query", ["tu=5&den=9", "tu=3&den=3", "tu=3"])
def test_a_range_past_the_last_award_is_refused_naming_the_valid_range(
    client, world, decision, query
):
    client.force_login(world.reviewer)
    response = certificates(client, decision, query)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('awards:documents')}#qd-{decision.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Khoảng số sổ vàng không hợp lệ" in page
    assert "trong khoảng từ 1 đến 2 (quyết định có 2 khen thưởng)" in page


def test_a_range_reaching_past_the_last_award_prints_what_there_is(client, world, decision):
    client.force_login(world.reviewer)
    pages = paper.page_texts(paper.pdf(certificates(client, decision, "tu=2&den=9")))
    assert len(pages) == 1 and "Cục Thứ Hai" in pages[0]
    assert len(paper.pdf(certificates(client, decision, "")).pages) == 2


def test_a_decision_without_awards_says_so(client, world):
    client.force_login(world.reviewer)
    response = certificates(client, DecisionFactory(), "")
    page = client.get(response["Location"]).content.decode()
    assert "quyết định chưa có khen thưởng nào" in page


def submission(client, bloc, year):
    return client.get(reverse("awards:bloc_submission", args=[bloc.slug, year]))


@pytest.mark.parametrize("year", [99999, 2024, 2026])
def test_a_year_the_bloc_has_not_recorded_has_no_submission(client, world, nominate, year):
    nominate(status=Status.SUBMITTED)
    for user in [world.leader, world.reviewer]:
        client.force_login(user)
        assert submission(client, world.bloc, year).status_code == 404


def test_a_recorded_year_still_gives_the_submission(client, world, nominate):
    nominate(status=Status.SUBMITTED)
    client.force_login(world.leader)
    word = paper.Word(submission(client, world.bloc, world.year))
    assert f"Về việc đề nghị khen thưởng năm {world.year}" in word.text
    assert "Tổng cộng: 1 trường hợp." in word.text
