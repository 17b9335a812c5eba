"""The import pages (thidua.imports, importers of every app): every role against every import
view, the staff navigation link, and the upload → preview → accept a close name → confirm path."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from awards.models import Award, Nomination, Status
from tests import paper
from units.models import Unit

from .pages_world import ROLES, login, staff  # noqa: F401

pytestmark = pytest.mark.django_db

DATA_ENTRY = {"administrator", "secretariat"}
KINDS = {
    "don-vi": DATA_ENTRY,
    "thanh-vien-khoi": DATA_ENTRY,
    "de-nghi-cua-khoi": DATA_ENTRY | {"leader", "other_leader"},
    "quyet-dinh-cu": DATA_ENTRY,
}
HUB = DATA_ENTRY | {"leader", "other_leader"}


@pytest.fixture(autouse=True)
def staging_dir(settings, tmp_path):
    settings.IMPORT_STAGING_DIR = tmp_path / "imports"


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("de-nghi.xlsx", out.getvalue())


def _expect(response, role, allowed):
    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    elif role in allowed:
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_import_page(client, world, staff, role):  # noqa: F811
    login(client, staff, role)
    _expect(client.get(reverse("imports:hub")), role, HUB)
    for kind, allowed in KINDS.items():
        for name in ("upload", "template", "example"):
            _expect(client.get(reverse(f"imports:{name}", args=[kind])), role, allowed)
    home = client.get(reverse("home")).content.decode()
    assert ("Nhập từ Excel" in home) == (role in HUB)


def _proposals(client, bloc, year, rows):
    header = ["Loại khen thưởng", "Tập thể", "Tóm tắt thành tích"]
    return client.post(
        reverse("imports:upload", args=["de-nghi-cua-khoi"]),
        {"bloc": bloc.pk, "year": year, "file": xlsx([header, *rows])},
    )


def test_a_leader_imports_only_the_proposals_of_the_bloc_their_unit_leads(client, world, staff):  # noqa: F811
    rows = [["Cờ thi đua của Bộ", "Cục Thành Viên", ""]]
    client.force_login(staff["other_leader"])
    response = _proposals(client, world.bloc, world.year, rows)
    assert response.status_code == 200 and "Khối không hợp lệ" in response.content.decode()
    client.force_login(staff["leader"])
    response = _proposals(client, world.bloc, world.year - 3, rows)
    assert "không là khối trưởng" in response.content.decode()
    assert Nomination.objects.count() == 0
    response = _proposals(client, world.bloc, world.year, rows)
    assert response.status_code == 302
    assert Nomination.objects.count() == 0  # nothing before confirm
    preview_page = client.get(response["Location"])
    assert preview_page.status_code == 200
    client.post(response["Location"], {"action": "confirm"})
    assert Nomination.objects.filter(bloc=world.bloc, status=Status.DRAFT).count() == 1
    # the preview of a confirmed import is gone; another user's token is never usable
    assert client.get(response["Location"]).status_code == 302


def test_close_names_are_offered_then_accepted_and_confirm_writes_all(client, world, staff):  # noqa: F811
    client.force_login(staff["secretariat"])
    rows = [
        ["Co thi dua cua Bo KH&CN", "cuc thanh vien", "Đúng tên, không dấu, viết tắt"],
        ["Cờ thi đua của Bộ", "Cục Thành Vien", "Trùng dòng 2"],
        ["Tập thể lao động xuất sắc", "Cục Khối Trưỡng", "Gõ sai một dấu"],
    ]
    response = _proposals(client, world.bloc, world.year, rows)
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "Trùng với dòng 2 của tệp" in page
    assert "dùng «Cục Khối Trưởng» cho «Cục Khối Trưỡng»" not in page  # exact after folding
    # the duplicate row blocks confirm: nothing is written
    client.post(url, {"action": "confirm"})
    assert Nomination.objects.count() == 0

    rows[1][0] = "Tập thể lao động xuất sắc"
    rows[2][1] = "Cục Khối Trưởg"
    url = _proposals(client, world.bloc, world.year, rows)["Location"]
    page = client.get(url).content.decode()
    assert "Cần xác nhận tên gần đúng" in page
    assert "dùng «Cục Khối Trưởng» cho «Cục Khối Trưởg»" in page
    client.post(url, {"action": "confirm"})
    assert Nomination.objects.count() == 0  # an unconfirmed close name blocks everything
    token = "unit:cuc khoi truog"
    page = client.post(url, {"action": "review", "accept": token}).content.decode()
    assert "Xác nhận và ghi 3 dòng mới" in page
    response = client.post(url, {"action": "confirm", "accept": token})
    assert response.status_code == 302
    assert Nomination.objects.filter(bloc=world.bloc, year=world.year).count() == 3
    assert Nomination.objects.filter(unit=world.leader_unit).exists()

    url = _proposals(client, world.bloc, world.year, rows)["Location"]
    page = client.post(url, {"action": "review", "accept": token}).content.decode()
    assert 'id="count-create">0<' in page and 'id="count-exists">3<' in page


def test_a_unit_close_to_an_existing_one_may_be_reused_or_created(client, world, staff):  # noqa: F811
    client.force_login(staff["secretariat"])
    data = xlsx([["Tên đơn vị", "Loại đơn vị"], ["Cục Thành Viên Mới", "Cục"]])
    url = client.post(reverse("imports:upload", args=["don-vi"]), {"file": data})["Location"]
    before = Unit.objects.count()
    page = client.get(url).content.decode()
    assert "gần giống «Cục Thành Viên»" in page
    client.post(
        url, {"action": "confirm", "decide-name:cuc thanh vien moi": "!name:cuc thanh vien moi"}
    )
    assert Unit.objects.count() == before + 1


def test_hub_query_count_is_bounded(client, world, staff, django_assert_max_num_queries):  # noqa: F811
    client.force_login(staff["leader"])
    with django_assert_max_num_queries(10):
        assert client.get(reverse("imports:hub")).status_code == 200


def _past_decision(client, header, rows):
    data = xlsx([header, *rows])
    url = client.post(reverse("imports:upload", args=["quyet-dinh-cu"]), {"file": data})
    response = client.post(url["Location"], {"action": "confirm"})
    assert response.status_code == 302


def test_the_decisions_numbers_are_told_as_the_certificates_so_vang(client, world, staff):  # noqa: F811
    """«Số thứ tự» of a past decision is the recipient's STT in the decision's list, which the
    certificate prints as its «Số sổ vàng»: the import's column says so, the annex heads the
    number with both names, the certificate prints the same number as «Số sổ vàng»."""
    client.force_login(staff["secretariat"])
    page = client.get(reverse("imports:upload", args=["quyet-dinh-cu"])).content.decode()
    assert (
        "Số thứ tự (STT) của đối tượng trong danh sách kèm theo quyết định; số này là "
        "«số sổ vàng» in trên bằng khen, giấy khen và trang xác minh."
    ) in page
    header = ["Số quyết định", "Ngày quyết định", "Số thứ tự", "Loại khen thưởng", "Tập thể"]
    header += ["Năm thành tích"]
    award = "Bằng khen của Bộ trưởng"
    _past_decision(
        client,
        header,
        [
            ["31/QĐ-BKHCN", "02/01/2016", 8, award, "Cục Thành Viên", 2015],
            ["31/QĐ-BKHCN", "02/01/2016", 7, award, "Cục Khối Trưởng", 2015],
        ],
    )
    # A file headed «Số sổ vàng» (the certificate's name for it) fills the same field.
    header[2] = "Số sổ vàng"
    _past_decision(
        client, header, [["32/QĐ-BKHCN", "03/01/2016", 5, award, "Cục Thành Viên", 2015]]
    )
    assert Award.objects.get(decision__document__number="32/QĐ-BKHCN").ordinal == 5

    first = Award.objects.get(decision__document__number="31/QĐ-BKHCN", ordinal=7)
    client.force_login(staff["reviewer"])
    word = paper.Word(client.get(reverse("awards:decision_annex", args=[first.decision_id])))
    assert "Số sổ vàng" not in word.text
    rows = word.table_with("STT (số sổ vàng)")
    assert [(r[0], r[1]) for r in rows] == [("7", "Cục Khối Trưởng"), ("8", "Cục Thành Viên")]
    reader = paper.pdf(client.get(reverse("awards:award_certificate", args=[first.pk])))
    assert "Số sổ vàng: 7" in paper.page_texts(reader)[0]
