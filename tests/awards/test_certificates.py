"""Certificates as PDF: the official elements, the shipped fonts embedded, the QR code that leads
to the award's public page, printing on pre-printed forms at calibrated positions, batches."""

import datetime

import pytest
from django.urls import reverse

from awards.models import CertificateField, CertificateLayout, CertificateMode, DecisionKind
from tests import paper
from tests.factories import (
    AwardFactory,
    DecisionFactory,
    DocumentFactory,
    PersonFactory,
    PositionFactory,
    UnitFactory,
    award_type,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    return DecisionFactory(
        document=DocumentFactory(
            kind="quyet_dinh", number="125/QĐ-BKHCN", issued_on=datetime.date(2026, 1, 20)
        ),
        signer_title="Bộ trưởng",
        signer_name="Nguyễn Văn Chính",
    )


@pytest.fixture
def award(decision):
    AwardFactory(decision=decision, year=2025)  # ledger number 1
    return AwardFactory(
        decision=decision,
        year=2025,
        unit=UnitFactory(name="Viện Đo lường Đắk Lắk"),
        award_type=award_type("co-thi-dua-bo"),
    )


def test_a_certificate_holds_the_official_elements_in_embedded_fonts(client, reviewer, award):
    client.force_login(reviewer)
    reader = paper.pdf(client.get(reverse("awards:award_certificate", args=[award.pk])))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (297, 210)
    text = paper.page_texts(reader)[0]
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ",
        "TẶNG",
        "Viện Đo lường Đắk Lắk",
        award.award_type.name.upper(),
        "Hà Nội, ngày 20 tháng 01 năm 2026",
        "Nguyễn Văn Chính",
        "Số quyết định: 125/QĐ-BKHCN, ngày 20/01/2026",
        "Số sổ vàng: 2",
    ]:
        assert expected in text, expected
    fonts = paper.fonts(reader)
    assert fonts and all(
        "+LiberationSerif" in name and embedded for name, embedded in fonts.items()
    )


def test_the_qr_code_decodes_to_the_public_page_of_the_award(client, reviewer, award):
    client.force_login(reviewer)
    response = client.get(reverse("awards:award_certificate", args=[award.pk]))
    [url] = paper.qr_codes(paper.body(response))
    assert url == f"http://testserver/xac-minh/{award.verification_code}/"
    client.logout()
    page = client.get(url)
    assert page.status_code == 200
    assert "Viện Đo lường Đắk Lắk" in page.content.decode()
    assert "125/QĐ-BKHCN" in page.content.decode()


def test_the_qr_code_uses_the_configured_public_address(client, reviewer, award, settings):
    settings.THIDUA_PUBLIC_BASE_URL = "https://thidua.example.gov.vn"
    client.force_login(reviewer)
    response = client.get(reverse("awards:award_certificate", args=[award.pk]))
    assert paper.qr_codes(paper.body(response)) == [
        f"https://thidua.example.gov.vn/xac-minh/{award.verification_code}/"
    ]


def test_a_person_is_printed_with_the_position_held_on_the_decision_date(client, reviewer):
    person = PersonFactory(full_name="Trần Thị Hoa")
    unit = UnitFactory(name="Vụ Pháp chế")
    PositionFactory(person=person, unit=unit, title="Phó Vụ trưởng")
    award = AwardFactory(
        unit=None, person=person, award_type=award_type("bang-khen-bo-truong"), year=2025
    )
    client.force_login(reviewer)
    text = paper.page_texts(
        paper.pdf(client.get(reverse("awards:award_certificate", args=[award.pk])))
    )[0]
    assert "Trần Thị Hoa" in text
    assert "Phó Vụ trưởng, Vụ Pháp chế" in text


def _positions(reader):
    """{text: (x_mm from the left, y_mm from the top)} of every line drawn on the first page."""
    found = {}
    height = float(reader.pages[0].mediabox.height)

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            found[text.strip()] = (x / 72 * 25.4, (height - y) / 72 * 25.4)

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def test_printing_on_a_blank_form_prints_only_the_variable_text_where_calibrated(
    client, reviewer, award
):
    layout = CertificateLayout.objects.create(
        name="Phôi Cờ thi đua 2026", mode=CertificateMode.BLANK_FORM, is_default=True
    )
    CertificateField.objects.create(
        layout=layout, element="recipient", x_mm=40, y_mm=95, font_size=20, align="left"
    )
    client.force_login(reviewer)
    url = reverse("awards:award_certificate", args=[award.pk])
    reader = paper.pdf(client.get(url + "?phoi=1"))
    text = paper.page_texts(reader)[0]
    assert "Viện Đo lường Đắk Lắk" in text
    assert "Số sổ vàng: 2" in text
    for preprinted in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TẶNG", "BỘ TRƯỞNG BỘ"]:
        assert preprinted not in text
    x, y = _positions(reader)["Viện Đo lường Đắk Lắk"]
    assert abs(x - 40) < 0.5 and abs(y - 95) < 0.5
    # The full design still prints everything, from the built-in layout.
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in paper.page_texts(paper.pdf(client.get(url)))[0]


def test_a_layout_for_the_award_type_wins_over_the_default(client, reviewer, award):
    layout = CertificateLayout.objects.create(
        name="Cờ thi đua", issuer_title="Bộ trưởng Bộ Khoa học, Công nghệ và Đổi mới"
    )
    layout.award_types.add(award.award_type)
    client.force_login(reviewer)
    text = paper.page_texts(
        paper.pdf(client.get(reverse("awards:award_certificate", args=[award.pk])))
    )[0]
    assert "BỘ TRƯỞNG BỘ KHOA HỌC, CÔNG NGHỆ VÀ ĐỔI MỚI" in text


def test_a_revoked_award_gets_no_certificate(client, reviewer, award):
    award.revoked_by = DecisionFactory(kind=DecisionKind.REVOKE)
    award.revocation_reason = "Kê khai không đúng"
    award.save()
    client.force_login(reviewer)
    response = client.get(reverse("awards:award_certificate", args=[award.pk]), follow=True)
    assert "đã bị thu hồi: không in bằng, giấy khen" in response.content.decode()


def test_the_batch_prints_every_award_of_the_decision_in_ledger_order(client, reviewer, decision):
    names = [f"Trung tâm Thử nghiệm {i}" for i in range(1, 6)]
    awards = [AwardFactory(decision=decision, unit=UnitFactory(name=n)) for n in names]
    awards[2].revoked_by = DecisionFactory(kind=DecisionKind.REVOKE)
    awards[2].revocation_reason = "Kê khai không đúng"
    awards[2].save()
    client.force_login(reviewer)
    url = reverse("awards:decision_certificates", args=[decision.pk])
    response = client.get(url)
    assert response.streaming
    pages = paper.page_texts(paper.pdf(response))
    assert len(pages) == 4  # the revoked one is skipped, its number is kept
    for text, (number, name) in zip(
        pages, [(1, names[0]), (2, names[1]), (4, names[3]), (5, names[4])], strict=True
    ):
        assert name in text and f"Số sổ vàng: {number}" in text
    ranged = paper.page_texts(paper.pdf(client.get(url + "?tu=2&den=4")))
    assert [n for n in names if any(n in t for t in ranged)] == [names[1], names[3]]


def test_a_batch_above_the_limit_asks_for_a_range(client, reviewer, decision, settings):
    settings.THIDUA_CERTIFICATE_BATCH_MAX = 2
    for _ in range(3):
        AwardFactory(decision=decision)
    client.force_login(reviewer)
    url = reverse("awards:decision_certificates", args=[decision.pk])
    page = client.get(url, follow=True).content.decode()
    assert "Mỗi lần in tối đa 2 bằng; quyết định có 3 khen thưởng" in page
    assert len(paper.pdf(client.get(url + "?tu=2&den=3")).pages) == 2
    bad = client.get(url + "?tu=3&den=1", follow=True).content.decode()
    assert "Khoảng số sổ vàng không hợp lệ" in bad


def test_the_ordinal_entered_from_the_decision_is_the_ledger_number(client, reviewer, decision):
    first = AwardFactory(decision=decision, ordinal=41, unit=UnitFactory(name="Cục Bốn Mốt"))
    second = AwardFactory(decision=decision, ordinal=40, unit=UnitFactory(name="Cục Bốn Mươi"))
    client.force_login(reviewer)
    text = paper.page_texts(
        paper.pdf(client.get(reverse("awards:award_certificate", args=[first.pk])))
    )[0]
    assert "Số sổ vàng: 41" in text
    pages = paper.page_texts(
        paper.pdf(client.get(reverse("awards:decision_certificates", args=[decision.pk])))
    )
    assert ["Cục Bốn Mươi" in pages[0], "Số sổ vàng: 40" in pages[0]] == [True, True]
    assert "Cục Bốn Mốt" in pages[1] and "Số sổ vàng: 41" in pages[1]
    assert second.verification_code != first.verification_code
