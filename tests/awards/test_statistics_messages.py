"""The statistics pages say when they cannot show what was asked: an inverted year range is
refused like the API refuses an inverted date range, a staff year out of range or not a year is
named with the year shown instead, and a quota used beyond its limit shows the overuse."""

import pytest
from django.utils import timezone

from awards import staff_statistics
from awards.eligibility import QuotaRow
from tests.factories import BlocFactory, BlocYearFactory, UserFactory
from tests.html_text import text_of as page_text
from tests.stats_world import make_world
from thidua import roles

pytestmark = pytest.mark.django_db
STAFF_URL = "/khen-thuong/tham-dinh/thong-ke/"


# --- the public page: an inverted year range ------------------------------------------------------


def test_an_inverted_year_range_is_refused_naming_both_fields(client):
    make_world(1)
    response = client.get("/thong-ke/", {"tu_nam": 2025, "den_nam": 2010})
    assert response.status_code == 200
    message = "«Đến năm» phải sau hoặc bằng «Từ năm»."
    assert response.context["filter"].form.errors == {"den_nam": [message]}
    assert message in page_text(response)


def test_a_refused_range_shows_no_table_even_beside_valid_filters(client):
    """As the public lists: the tables of the other fields would pass for what was asked."""
    w = make_world(2)
    params = {"tu_nam": 2023, "den_nam": 2022, "khoi": w.blocs[1].slug}
    response = client.get("/thong-ke/", params)
    assert list(response.context["filter"].form.errors) == ["den_nam"]
    assert response.context["sections"] == []
    text = page_text(response)
    assert "Chưa lọc được: hãy sửa ô «Đến năm» theo thông báo ở trên rồi bấm «Lọc»." in text
    assert "Không có số liệu phù hợp." not in text


def test_a_range_in_order_or_a_single_year_has_no_error(client):
    make_world(1)
    for params in ({"tu_nam": 2022, "den_nam": 2023}, {"tu_nam": 2023, "den_nam": 2023}):
        response = client.get("/thong-ke/", params)
        assert not response.context["filter"].form.errors, params
        assert "phải sau hoặc bằng" not in page_text(response)
        assert "Chưa lọc được" not in page_text(response)


def test_the_api_refuses_an_inverted_range_in_the_same_words(client):
    response = client.get("/api/v1/events/", {"tu_ngay": "31/12/2021", "den_ngay": "01/01/2021"})
    assert response.status_code == 400
    assert response.json() == {"den_ngay": ["«Đến ngày» phải sau hoặc bằng «Từ ngày»."]}


# --- the staff page: the year asked for and the year shown ----------------------------------------


@pytest.fixture
def reviewer(client):
    client.force_login(UserFactory(roles=[roles.REVIEWER]))
    return client


def test_a_year_out_of_range_is_named_with_the_year_shown(reviewer):
    response = reviewer.get(STAFF_URL, {"year": 1800})
    assert response.context["year"] == 1945
    text = page_text(response)
    assert "Năm 1800 nằm ngoài khoảng 1945–2100: đang hiển thị năm 1945." in text
    response = reviewer.get(STAFF_URL, {"year": 3000})
    assert "Năm 3000 nằm ngoài khoảng 1945–2100: đang hiển thị năm 2100." in page_text(response)


def test_a_value_that_is_not_a_year_is_named_with_the_year_shown(reviewer):
    this_year = timezone.localdate().year
    response = reviewer.get(STAFF_URL, {"year": "abc"})
    assert response.context["year"] == this_year
    expected = f"«abc» không phải là một năm: đang hiển thị năm {this_year}."
    assert expected in page_text(response)


@pytest.mark.parametrize("params", [{}, {"year": "2023"}, {"year": " 2023 "}])
def test_a_year_shown_as_asked_has_no_message(reviewer, params):
    response = reviewer.get(STAFF_URL, params)
    assert response.status_code == 200
    assert "đang hiển thị năm" not in page_text(response)


# --- the staff page: quota use --------------------------------------------------------------------


def quota(limit, used):
    return QuotaRow(rule=None, label="Cờ thi đua", limit=limit, used=used, exceptions=0, planned=0)


@pytest.mark.parametrize(
    ("limit", "used", "cell"),
    [(1, 4, "Vượt 3"), (2, 1, 1), (1, 1, 0), (None, 5, "—")],
)
def test_the_left_cell_shows_an_overuse(limit, used, cell):
    assert quota(limit, used).left == cell


def test_the_quota_table_shows_the_overuse_and_says_so(reviewer, monkeypatch):
    over, within = BlocFactory(name="Khối vượt"), BlocFactory(name="Khối trong hạn")
    for bloc in (over, within):
        BlocYearFactory(bloc=bloc, year=2023)
    rows = {over.pk: [quota(1, 4)], within.pk: [quota(2, 1)]}
    monkeypatch.setattr(staff_statistics, "bloc_quotas", lambda blocs, year: rows)
    response = reviewer.get(STAFF_URL, {"year": 2023})
    table = next(t for t, _ in response.context["sections"] if t.key == "su-dung-chi-tieu")
    assert sorted(table.rows) == [
        ["Khối trong hạn", "Cờ thi đua", 2, 1, 1],
        ["Khối vượt", "Cờ thi đua", 1, 4, "Vượt 3"],
    ]
    text = page_text(response)
    assert "Vượt 3" in text
    assert "Có 1 dòng đã dùng vượt số lượng tối đa" in text
    download = reviewer.get(f"{STAFF_URL}bang/su-dung-chi-tieu.csv", {"year": 2023})
    assert "Khối vượt,Cờ thi đua,1,4,Vượt 3" in download.content.decode("utf-8-sig")
