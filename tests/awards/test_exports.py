"""The CSV and XLSX exports hold exactly the filtered rows of the public list."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards.exports import HEADERS
from awards.models import Award, DecisionKind
from tests.factories import (
    AwardFactory,
    BlocFactory,
    DecisionFactory,
    EventFactory,
    ProposalFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    bloc, other = BlocFactory(), BlocFactory()
    for i in range(3):
        AwardFactory(unit=UnitFactory(name=f"Cục Khối Một {i}"), bloc=bloc, year=2021)
    AwardFactory(
        unit=UnitFactory(name="Cục Khối Một Thu Hồi"),
        bloc=bloc,
        year=2021,
        revoked_by=DecisionFactory(kind=DecisionKind.REVOKE),
        revocation_reason="Sai thành tích",
        revoked_at=timezone.now(),
    )
    AwardFactory(unit=UnitFactory(name="Cục Khối Một Năm Khác"), bloc=bloc, year=2022)
    AwardFactory(unit=UnitFactory(name="Cục Khối Hai"), bloc=other, year=2021)
    AwardFactory(
        unit=UnitFactory(name="Cục Chưa Công Bố"),
        bloc=bloc,
        year=2021,
        decision=DecisionFactory(is_published=False),
    )
    ProposalFactory(event=EventFactory(bloc=bloc), unit=UnitFactory(name="Cục Đề Xuất"))
    return bloc


def csv_rows(client, params):
    response = client.get(reverse("awards:export_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(client, params):
    response = client.get(reverse("awards:export_xlsx"), params)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(values_only=True)
    ]


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            {"year": 2021},
            {
                "Cục Khối Một 0",
                "Cục Khối Một 1",
                "Cục Khối Một 2",
                "Cục Khối Một Thu Hồi",
                "Cục Khối Hai",
            },
        ),
        ({"year": 2021, "status": "thu-hoi"}, {"Cục Khối Một Thu Hồi"}),
        ({"status": "de-xuat"}, {"Cục Đề Xuất"}),
        (
            {},
            {
                "Cục Khối Một 0",
                "Cục Khối Một 1",
                "Cục Khối Một 2",
                "Cục Khối Một Thu Hồi",
                "Cục Khối Một Năm Khác",
                "Cục Khối Hai",
            },
        ),
    ],
)
def test_exports_hold_exactly_the_filtered_rows(client, data, params, expected):
    for rows in (csv_rows(client, params), xlsx_rows(client, params)):
        assert rows[0] == HEADERS
        assert {row[2] for row in rows[1:]} == expected
        assert len(rows) - 1 == len(expected)


def test_export_matches_the_page_filter_by_bloc(client, data):
    rows = csv_rows(client, {"bloc": data.pk, "year": 2021, "status": "khen-thuong"})
    assert {row[2] for row in rows[1:]} == {"Cục Khối Một 0", "Cục Khối Một 1", "Cục Khối Một 2"}
    assert {row[4] for row in rows[1:]} == {"Đã khen thưởng"}
    revoked = csv_rows(client, {"status": "thu-hoi"})[1]
    assert revoked[4] == "Đã bị thu hồi" and "Sai thành tích" in revoked[8]


def test_dates_are_date_cells_in_xlsx_and_dd_mm_yyyy_in_csv(client, data):
    params = {"year": 2021, "status": "thu-hoi"}
    response = client.get(reverse("awards:export_xlsx"), params)
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cell = book.active.cell(row=2, column=HEADERS.index("Ngày") + 1)
    issued = Award.objects.get(unit__name="Cục Khối Một Thu Hồi").decision.document.issued_on
    assert cell.is_date and cell.value.date() == issued
    assert cell.number_format == "DD/MM/YYYY"
    row = csv_rows(client, params)[1]
    assert row[HEADERS.index("Ngày")] == issued.strftime("%d/%m/%Y")


def test_export_headers_are_vietnamese(client, data):
    assert csv_rows(client, {})[0][:3] == ["Năm", "Loại khen thưởng", "Đối tượng"]


def test_an_export_too_large_is_refused_with_a_request_to_filter(client, settings, db):
    settings.THIDUA_EXPORT_MAX_ROWS = 2
    AwardFactory.create_batch(3, year=2021)
    for path in ["/khen-thuong/xuat.csv", "/khen-thuong/xuat.xlsx"]:
        response = client.get(path, {"year": 2021}, follow=True)
        assert response.redirect_chain[-1][0] == "/khen-thuong/?year=2021"
        text = response.content.decode()
        assert "Danh sách đã lọc có 3 dòng, vượt giới hạn xuất 2 dòng" in text
    assert client.get("/khen-thuong/xuat.csv", {"year": 2020}).status_code == 200
