"""The permanent public page of a granted award, at a random, easy-to-type code."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Award, DecisionKind
from tests.factories import AwardFactory, DecisionFactory, DocumentFactory, UnitFactory
from thidua.codes import ALPHABET

pytestmark = pytest.mark.django_db


@pytest.fixture
def award():
    decision = DecisionFactory(
        document=DocumentFactory(
            kind="quyet_dinh",
            number="77/QĐ-BKHCN",
            issued_on=datetime.date(2026, 1, 20),
            issuer="Bộ Khoa học và Công nghệ",
        ),
        signer_title="Thứ trưởng",
        signer_name="Lê Văn Ký",
    )
    AwardFactory(decision=decision)
    return AwardFactory(
        decision=decision, unit=UnitFactory(name="Viện Năng lượng nguyên tử"), prize_rank="Hạng Nhì"
    )


def test_every_award_gets_a_distinct_code_without_look_alike_characters(award):
    codes = [AwardFactory().verification_code for _ in range(30)] + [award.verification_code]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == 10 and set(code) <= set(ALPHABET)
        assert not set(code) & set("0O1IL5S2Z8B")
    award.note = "Sửa ghi chú"
    award.save()
    assert Award.objects.get(pk=award.pk).verification_code == codes[-1]  # permanent


def test_the_page_shows_what_the_decision_says(client, award, django_assert_max_num_queries):
    url = reverse("awards:verify", args=[award.verification_code])
    assert url == f"/xac-minh/{award.verification_code}/"
    with django_assert_max_num_queries(6):
        page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    for expected in [
        "Viện Năng lượng nguyên tử",
        award.award_type.name,
        "2021",
        "Số 77/QĐ-BKHCN ngày 20/01/2026",
        "Bộ Khoa học và Công nghệ",
        "Thứ trưởng, Lê Văn Ký",
        "Hạng Nhì",
        "<dt>Số sổ vàng</dt><dd>2</dd>",
        "đang có hiệu lực",
    ]:
        assert expected in text, expected


def test_a_code_typed_in_lower_case_or_with_spaces_leads_to_the_page(client, award):
    code = award.verification_code
    response = client.get(reverse("awards:verify", args=[code.lower()]))
    assert response.status_code == 302 and response["Location"] == f"/xac-minh/{code}/"
    typed = f"{code[:5].lower()} {code[5:]}"
    response = client.get(reverse("awards:verify_lookup"), {"ma": typed})
    assert response["Location"] == f"/xac-minh/{code}/"


def test_an_unknown_code_answers_a_clear_404(client, award):
    response = client.get(reverse("awards:verify", args=["ACEFGHJKMN"]))
    assert response.status_code == 404
    assert "Không có khen thưởng mang mã này" in response.content.decode()


@pytest.mark.parametrize("typed", [" ", "-", "- -"])
def test_an_address_without_a_code_leads_to_the_form_not_an_error(client, typed):
    response = client.get(f"/xac-minh/{typed}/")
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:verify_lookup")


def test_an_award_of_an_unpublished_decision_reveals_nothing(client, award):
    award.decision.is_published = False
    award.decision.save()
    response = client.get(reverse("awards:verify", args=[award.verification_code]))
    assert response.status_code == 404
    assert "Viện Năng lượng nguyên tử" not in response.content.decode()


def _revoke(award, *, published):
    revoking = DecisionFactory(
        kind=DecisionKind.REVOKE,
        is_published=published,
        document=DocumentFactory(
            kind="quyet_dinh", number="9/QĐ-BKHCN", issued_on=datetime.date(2026, 3, 2)
        ),
    )
    award.revoked_by = revoking
    award.revocation_reason = "Kê khai thành tích không đúng"
    award.revoked_at = datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC)
    award.save()


def test_a_revoked_award_says_so_with_the_revoking_decision(client, award):
    _revoke(award, published=True)
    text = client.get(reverse("awards:verify", args=[award.verification_code])).content.decode()
    assert "Khen thưởng này đã bị thu hồi" in text
    assert "theo Quyết định số 9/QĐ-BKHCN ngày 02/03/2026" in text
    assert "ngày 03/03/2026" in text
    assert "đang có hiệu lực" not in text


def test_a_revocation_not_yet_published_leaves_the_page_as_it_was(client, award):
    url = reverse("awards:verify", args=[award.verification_code])
    before = client.get(url).content.decode()
    _revoke(award, published=False)
    text = client.get(url).content.decode()
    assert text == before
    assert "thu hồi" not in text and "9/QĐ-BKHCN" not in text
    assert "đang có hiệu lực theo các quyết định đã công bố" in text


def test_the_public_list_links_each_award_to_its_page(client, award):
    text = client.get(reverse("awards:list")).content.decode()
    assert f'href="/xac-minh/{award.verification_code}/"' in text


def test_the_decision_page_links_each_award_to_its_page(client, award):
    text = client.get(award.decision.get_absolute_url()).content.decode()
    assert f'href="/xac-minh/{award.verification_code}/"' in text
