"""Issue 14: the clerk imports units from Excel in a real browser — upload, preview with a close
name to accept, confirm — on the demo data."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from units.models import Unit

pytestmark = pytest.mark.e2e

NEW_UNIT = "Văn phòng Thử nghiệm Nhập Excel"


def _workbook(path):
    workbook = Workbook()
    workbook.active.append(["Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"])
    workbook.active.append(["Vụ TĐKT", "Vụ", ""])  # the demo's unit, by its abbreviation
    workbook.active.append([NEW_UNIT, "Văn phòng", "Bộ Khoa học và Cônng nghệ"])  # a typo
    out = io.BytesIO()
    workbook.save(out)
    path.write_bytes(out.getvalue())
    return path


def test_clerk_uploads_previews_accepts_a_close_name_and_confirms(page, demo, login, tmp_path):
    login("thuky")
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.locator("#main").get_by_role("link", name="Đơn vị", exact=True).click()
    expect(page.locator("h1")).to_have_text("Nhập từ Excel: Đơn vị")
    expect(page.get_by_role("link", name="Tải tệp mẫu (.xlsx)")).to_be_visible()

    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV (UTF-8)").set_input_files(
        str(_workbook(tmp_path / "don-vi.xlsx"))
    )
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.locator("h1")).to_have_text("Xem trước: don-vi.xlsx")
    expect(page.locator("#count-exists")).to_have_text("1")
    expect(page.locator("#count-pending")).to_have_text("1")
    assert not Unit.objects.filter(name=NEW_UNIT).exists()  # nothing before confirm

    page.get_by_label("Cột «Đơn vị cấp trên»: dùng «Bộ Khoa học và Công nghệ»", exact=False).check()
    page.get_by_role("button", name="Xem lại").click()
    expect(page.locator("#count-create")).to_have_text("1")
    page.get_by_role("button", name="Xác nhận và ghi 1 dòng mới").click()

    expect(page.locator(".message-success")).to_contain_text("tạo mới 1 dòng")
    unit = Unit.objects.get(name=NEW_UNIT)
    assert unit.parent.name == "Bộ Khoa học và Công nghệ"
    assert unit.history.get().history_user.username == "thuky"
    assert page.csp_violations == []
