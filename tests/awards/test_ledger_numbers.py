"""«Số sổ vàng» when the số thứ tự entered from a decision leave gaps or do not start at 1 (a part
of a decision's list typed in): the awards entered without one follow the highest number entered,
so no two certificates of a decision print the same number, and a batch prints the numbers asked
(Decision.ledger_figures, read by the annex, the certificates, the verification and public pages)."""

import datetime

import pytest
from django.urls import reverse

from tests import paper
from tests.factories import AwardFactory, DecisionFactory, DocumentFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    """Số thứ tự 2 and 3 entered, then two awards without one (entered in that order)."""
    decision = DecisionFactory(
        document=DocumentFactory(
            kind="quyet_dinh", number="30/QĐ-BKHCN", issued_on=datetime.date(2026, 1, 20)
        )
    )
    for ordinal, name in [(3, "Cục Ba"), (2, "Cục Hai"), (None, "Cục Bốn"), (None, "Cục Năm")]:
        AwardFactory(decision=decision, ordinal=ordinal, unit=UnitFactory(name=name), year=2025)
    return decision


def test_unnumbered_awards_follow_the_highest_number_in_the_annex(client, reviewer, decision):
    client.force_login(reviewer)
    word = paper.Word(client.get(reverse("awards:decision_annex", args=[decision.pk])))
    rows = word.table_with("STT (số sổ vàng)")
    assert [(r[0], r[1]) for r in rows] == [
        ("2", "Cục Hai"),
        ("3", "Cục Ba"),
        ("4", "Cục Bốn"),
        ("5", "Cục Năm"),
    ]


def test_no_two_certificates_of_a_decision_print_the_same_number(client, reviewer, decision):
    client.force_login(reviewer)
    url = reverse("awards:decision_certificates", args=[decision.pk])
    pages = paper.page_texts(paper.pdf(client.get(url)))
    printed = [next(line for line in p.splitlines() if "Số sổ vàng" in line) for p in pages]
    assert printed == [f"Số sổ vàng: {n}" for n in (2, 3, 4, 5)]
    last = decision.awards.get(unit__name="Cục Năm")
    single = paper.page_texts(
        paper.pdf(client.get(reverse("awards:award_certificate", args=[last.pk])))
    )[0]
    assert "Số sổ vàng: 5" in single
    page = client.get(reverse("awards:verify", args=[last.verification_code])).content.decode()
    assert "<dt>Số sổ vàng</dt><dd>5</dd>" in page


def test_a_batch_prints_the_ledger_numbers_asked_not_positions(client, reviewer, decision):
    client.force_login(reviewer)
    url = reverse("awards:decision_certificates", args=[decision.pk])
    pages = paper.page_texts(paper.pdf(client.get(url + "?tu=3&den=4")))
    assert ["Cục Ba" in pages[0], "Cục Bốn" in pages[1], len(pages)] == [True, True, 2]
    listing = client.get(reverse("awards:documents")).content.decode()
    assert 'name="den" min="1" value="5"' in listing  # the highest number, not the count (4)
    page = client.get(url + "?tu=6&den=9", follow=True).content.decode()
    assert "trong khoảng từ 1 đến 5 (quyết định có 4 khen thưởng)" in page
    gap = client.get(url + "?tu=1&den=1", follow=True).content.decode()
    assert "không có trong quyết định (số sổ vàng bị bỏ trống)" in gap


def test_the_public_decision_page_numbers_as_the_certificates(client, decision):
    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()
    cells = [line.strip() for line in page.splitlines() if line.strip().startswith("<td>")]
    numbers = [c.removeprefix("<td>").removesuffix("</td>") for c in cells[::6]]
    assert numbers == ["2", "3", "4", "5"]
