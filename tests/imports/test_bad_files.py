"""Bad files get a clear Vietnamese message through the upload page, never a 500, and nothing
is written; odd but valid files (CSV with or without BOM, empty rows, formulas, text dates) are
read as a person would read them."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Award
from units.models import Unit

from .conftest import preview, xlsx

pytestmark = pytest.mark.django_db

HEADER = ["Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Tên viết tắt"]


def upload(client, data, name, kind="don-vi"):
    file = SimpleUploadedFile(name, data)
    return client.post(reverse("imports:upload", args=[kind]), {"file": file})


def refused(response):
    assert response.status_code == 200  # the form again, with the reason; no redirect
    assert Unit.objects.count() == 0
    return response.content.decode()


def _rewrite(data, part, change):
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = change(content)
            target.writestr(item, content)
    return out.getvalue()


def _add_part(data, name, content):
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(name, content)
    return out.getvalue()


@pytest.fixture
def logged(client, clerk):
    client.force_login(clerk)
    return client


def test_not_an_excel_file(logged):
    page = refused(upload(logged, b"%PDF-1.4 not a workbook", "danh-sach.xlsx"))
    assert "không phải là tệp xlsx" in page
    page = refused(upload(logged, b"PK\x03\x04 broken zip", "hong.xlsx"))
    assert "không phải tệp Excel (.xlsx) hợp lệ" in page
    page = refused(upload(logged, b"MZ\x90\x00", "chuong-trinh.exe"))
    assert "không đúng loại cho phép" in page


def test_macro_enabled_workbooks_are_refused(logged):
    page = refused(upload(logged, xlsx([HEADER]), "co-macro.xlsm"))
    assert "có macro (.xlsm)" in page
    with_macro = _add_part(xlsx([HEADER, ["Vụ A", "Vụ"]]), "xl/vbaProject.bin", b"\x00" * 10)
    page = refused(upload(logged, with_macro, "doi-ten.xlsx"))
    assert "chứa macro" in page


def test_password_protected_workbook_is_refused(logged):
    encrypted = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le")
    )
    page = refused(upload(logged, encrypted, "mat-khau.xlsx"))
    assert "được đặt mật khẩu" in page


def test_missing_and_renamed_columns_are_named(logged):
    page = refused(upload(logged, xlsx([["Tên đơn vị"], ["Vụ A"]]), "thieu.xlsx"))
    assert "thiếu cột bắt buộc «Loại đơn vị»" in page
    renamed = xlsx([["Tên đơn vị", "Kiểu"], ["Vụ A", "Vụ"]])
    page = refused(upload(logged, renamed, "doi-ten.xlsx"))
    assert "«Kiểu» (cột B)" in page and "thiếu cột bắt buộc «Loại đơn vị»" in page


def test_merged_header_cells_are_refused(logged):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.merge_cells("A1:B1")
    out = io.BytesIO()
    workbook.save(out)
    page = refused(upload(logged, out.getvalue(), "gop-o.xlsx"))
    assert "ô bị gộp (A1:B1)" in page


def test_xml_bomb_is_refused_without_expanding(logged):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )

    def inject(content):
        return bomb + re.sub(rb"^<\?xml[^>]*\?>", b"", content).replace(
            b"<sheetData>", b"<sheetData><!-- &lol3; -->", 1
        ).replace(b"V\xe1\xbb\xa5 A", b"&lol3;")

    data = _rewrite(xlsx([HEADER, ["Vụ A", "Vụ"]]), "xl/worksheets/sheet1.xml", inject)
    page = refused(upload(logged, data, "bom.xlsx"))
    assert "XML không an toàn" in page


def test_too_many_rows_are_refused_with_the_limit(logged, settings):
    rows = "\n".join(f"Vụ {i},Vụ" for i in range(100_000))
    data = ("Tên đơn vị,Loại đơn vị\n" + rows).encode()
    page = refused(upload(logged, data, "tram-nghin.csv"))
    assert "hơn 20.000 dòng dữ liệu" in page and "chia thành nhiều tệp" in page


def test_too_large_upload_is_refused(logged, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    page = refused(upload(logged, b"x" * 2000, "lon.csv"))
    assert "vượt giới hạn" in page


def test_csv_in_utf8_with_or_without_bom_and_not_another_encoding(clerk):
    text = "Tên đơn vị;Loại đơn vị\nVụ Hợp tác quốc tế;Vụ\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        plan = preview("don-vi", data, clerk, filename="a.csv")
        assert [r.summary for r in plan.rows] == ["Vụ Hợp tác quốc tế"]
    from thidua.imports.reader import FileRefused

    with pytest.raises(FileRefused, match="UTF-8"):
        preview("don-vi", text.encode("utf-16"), clerk, filename="a.csv")


def test_empty_rows_are_skipped_and_rows_keep_their_excel_numbers(clerk):
    data = xlsx([HEADER, ["Vụ A", "Vụ"], [None, None], ["", "  "], ["Vụ B", "vu"]])
    plan = preview("don-vi", data, clerk)
    assert [(r.number, r.status) for r in plan.rows] == [(2, "create"), (5, "create")]


def test_row_errors_name_row_column_and_reason(clerk):
    data = xlsx([HEADER + ["Hoạt động từ năm"], ["Vụ A", "Phường", None, None, "năm ngoái"]])
    row = preview("don-vi", data, clerk).rows[0]
    assert row.number == 2 and row.status == "error"
    columns = dict(row.errors)
    assert "không phải giá trị hợp lệ" in columns["Loại đơn vị"]
    assert "không phải là năm" in columns["Hoạt động từ năm"]


def test_dates_as_text_and_formulas_use_what_the_person_sees(clerk, settings):
    header = ["Số quyết định", "Ngày quyết định", "Loại khen thưởng", "Cá nhân", "Năm thành tích"]
    rows = [
        header,
        ["12/QĐ-BKHCN", "05/01/2016", "Bằng khen của Bộ trưởng", "Nguyễn Văn C", "=2014+1"],
        ["12/QĐ-BKHCN", "31/02/2016", "Bằng khen của Bộ trưởng", "Nguyễn Văn D", 2015],
    ]

    def cached(content):  # what Excel stores: the formula and its last computed value
        return content.replace(b"<f>2014+1</f><v></v>", b"<f>2014+1</f><v>2015</v>")

    data = _rewrite(xlsx(rows), "xl/worksheets/sheet1.xml", cached)
    first, second = preview("quyet-dinh-cu", data, clerk).rows
    assert first.status == "create", first.errors
    assert "ngày 05/01/2016" in first.summary and "(2015)" in first.summary
    assert second.status == "error"
    assert "không có thật" in dict(second.errors)["Ngày quyết định"]
    assert Award.objects.count() == 0


def test_a_past_decision_follows_the_rules_of_awards_entered_outside_the_workflow(clerk):
    from .conftest import confirm

    header = ["Số quyết định", "Ngày quyết định", "Loại khen thưởng", "Cá nhân"]
    header += ["Năm thành tích", "Số thứ tự", "Nguồn"]
    award = "Bằng khen của Bộ trưởng"
    rows = [
        header,
        ["7/QĐ-BKHCN", "02/01/2016", award, "Lê Văn A", 2015, 1, ""],
        ["7/QĐ-BKHCN", "02/01/2016", award, "Lê Văn B", 2015, 2, "Bản lưu tại Vụ TĐKT"],
        ["7/QĐ-BKHCN", "02/01/2016", award, "Lê Văn C", 2015, 2, ""],
        ["8/QĐ-BKHCN", "02/01/2014", award, "Lê Văn D", 2015, None, ""],
        ["9/QĐ-BKHCN", "02/01/1900", award, "Lê Văn E", 2015, None, ""],
    ]
    plan = preview("quyet-dinh-cu", xlsx(rows), clerk)
    first, second, same_ordinal, early, ancient = plan.rows
    assert first.status == second.status == "create"
    assert "trùng với dòng 3" in dict(same_ordinal.errors)["Số thứ tự"]
    assert "trước năm thành tích 2015" in dict(early.errors)["Ngày quyết định"]
    assert "ngoài khoảng cho phép" in dict(ancient.errors)["Ngày quyết định"]

    confirm("quyet-dinh-cu", xlsx(rows[:3]), clerk)
    a, b = Award.objects.order_by("ordinal")
    assert a.is_historical and b.is_historical and (a.ordinal, b.ordinal) == (1, 2)
    assert a.source == "Quyết định số 7/QĐ-BKHCN ngày 02/01/2016"  # no «Nguồn»: the decision
    assert b.source == "Bản lưu tại Vụ TĐKT"
