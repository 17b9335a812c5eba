"""QA findings on the imports where the confirm differed from its preview: a past decision typed
with another spelling of its number, an award to the clerk's own unit, a number already recorded
for a document that is no decision, and details of a recorded decision or member that the file
changes (said on the row, not dropped unsaid)."""

import datetime

import pytest

from awards.models import Award, Decision
from blocs.models import Role
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    DocumentFactory,
    MembershipFactory,
    MinistryFactory,
    PersonFactory,
    PositionFactory,
    UnitFactory,
)
from thidua import roles

from .test_import_qa_fixes import BANG_KHEN, DECISION_HEADER, MEMBERS_HEADER, counts, upload

pytestmark = pytest.mark.django_db

SIGNED = [*DECISION_HEADER, "Người ký"]


@pytest.fixture
def recorded():
    """Decision 12/QĐ-BKHCN of 28/01/2016, signed by Chu Ngọc Anh."""
    document = DocumentFactory(
        kind="quyet_dinh", number="12/QĐ-BKHCN", issued_on=datetime.date(2016, 1, 28)
    )
    return DecisionFactory(document=document, signer_name="Chu Ngọc Anh")


@pytest.mark.parametrize("typed", ["12/qđ-bkhcn", "12/QĐ - BKHCN"])
def test_a_decision_number_typed_otherwise_adds_to_the_recorded_decision(
    client, clerk, recorded, typed
):
    client.force_login(clerk)
    url = upload(
        client,
        "quyet-dinh-cu",
        [DECISION_HEADER, [typed, "28/01/2016", BANG_KHEN, None, "Lê Văn Mới", 2015]],
    )
    assert "Xác nhận và ghi 1 dòng mới" in client.get(url).content.decode()
    page = client.post(url, {"action": "confirm"}, follow=True).content.decode()
    assert "Đã nhập «tep.xlsx»: tạo mới 1 dòng" in page
    assert Award.objects.get().decision == recorded
    assert Decision.objects.count() == 1


def test_an_award_to_the_clerks_own_unit_is_an_error_in_the_preview(client, make_user):
    own = UnitFactory(name="Văn phòng Bộ")
    staff = PersonFactory(full_name="Hà Thị Cùng")
    PositionFactory(person=staff, unit=own, title="Chuyên viên")
    clerk = make_user(roles.SECRETARIAT, unit=own)
    client.force_login(clerk)
    rows = [
        DECISION_HEADER,
        ["40/QĐ-BKHCN", "02/02/2016", BANG_KHEN, own.name, None, 2015],
        ["40/QĐ-BKHCN", "02/02/2016", BANG_KHEN, None, staff.full_name, 2015],
        ["40/QĐ-BKHCN", "02/02/2016", BANG_KHEN, None, "Người Ngoài Đơn Vị", 2015],
    ]
    page = client.get(upload(client, "quyet-dinh-cu", rows)).content.decode()
    assert counts(page, 2, 0) and "Xác nhận và ghi" not in page
    assert "Cột «Tập thể»: Không được nhập khen thưởng cho chính đơn vị mình" in page
    assert "Cột «Cá nhân»: Không được nhập khen thưởng cho chính đơn vị mình" in page


def test_a_number_recorded_for_another_kind_of_document_is_an_error_in_the_preview(client, clerk):
    DocumentFactory(
        kind="cong_van", number="3395/BKHCN-TĐKT", issued_on=datetime.date(2021, 11, 29)
    )
    client.force_login(clerk)
    rows = [DECISION_HEADER, ["3395/BKHCN-TĐKT", "29/11/2021", BANG_KHEN, None, "Lê Văn X", 2020]]
    page = client.get(upload(client, "quyet-dinh-cu", rows)).content.decode()
    assert counts(page, 1, 0)
    assert (
        "Cột «Số quyết định»: «Công văn số 3395/BKHCN-TĐKT ngày 29/11/2021» không phải là quyết định"
        in page
    )


def test_a_different_signer_of_a_recorded_decision_is_said_and_kept(client, clerk, recorded):
    client.force_login(clerk)
    rows = [SIGNED, ["12/QĐ-BKHCN", "28/01/2016", BANG_KHEN, None, "Lê Văn Y", 2015, "Trần Văn Ký"]]
    url = upload(client, "quyet-dinh-cu", rows)
    page = client.get(url).content.decode()
    assert counts(page, 0, 0)
    assert (
        "«Người ký» trong tệp «Trần Văn Ký» khác thông tin đã ghi của quyết định «Chu Ngọc Anh»: "
        "giữ thông tin đã ghi" in page
    )
    client.post(url, {"action": "confirm"})
    recorded.refresh_from_db()
    assert recorded.signer_name == "Chu Ngọc Anh" and recorded.awards.count() == 1


def test_a_different_representative_of_a_saved_member_is_said_and_kept(client, clerk):
    bloc = BlocFactory(organiser=MinistryFactory())
    bloc_year = BlocYearFactory(bloc=bloc, year=2025)
    unit = UnitFactory(name="Cục Đã Trong Khối")
    MembershipFactory(bloc_year=bloc_year, unit=unit, role=Role.MEMBER, representative=None)
    client.force_login(clerk)
    rows = [MEMBERS_HEADER, [unit.name, "Thành viên", "Ngô Văn Đại Diện", "Cục trưởng"]]
    page = client.get(
        upload(client, "thanh-vien-khoi", rows, bloc=bloc.pk, year=2025)
    ).content.decode()
    assert "Đã có, dùng lại" in page
    assert (
        "Người đại diện trong tệp «Ngô Văn Đại Diện» khác người đã ghi «(chưa ghi)»: giữ người "
        "đã ghi, sửa trong trang quản trị." in page
    )
