"""The public statistics' query parameters: Vietnamese names (`tu_nam`, `den_nam`, `khoi` and
`loai`, the bloc's and the award type's slugs), the English names the page wrote before still
read (`year_from`, `year_to`, `bloc` and `award_type`, ids), and every value the filter cannot
read named in Vietnamese with its field and rule, the page showing no table (never a 500)."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.html_text import text_of as page_text
from tests.stats_world import make_world

pytestmark = pytest.mark.django_db
URL = "/thong-ke/"
YEAR_MESSAGE = "phải là một năm gồm 4 chữ số, như 2015."
YEAR_RANGE_MESSAGE = "phải là một năm từ 1945 đến 2100."
BLOC_MESSAGE = "Khối thi đua: không có khối nào như vậy; hãy chọn một khối trong danh sách."
TYPE_MESSAGE = (
    "Loại khen thưởng: không có loại khen thưởng nào như vậy; hãy chọn một loại trong danh sách."
)


def rows(response) -> dict:
    return {table.key: table.rows for table, _chart in response.context["sections"]}


@pytest.fixture
def world():
    w = make_world(2)
    w.flag = w.published[0].award_type
    return w


def both_names(w):
    """(the English query the page wrote before, the same query under its own names)."""
    first, second = w.blocs
    return [
        ({"year_from": 2023}, {"tu_nam": 2023}),
        ({"year_to": 2022}, {"den_nam": 2022}),
        ({"year_from": 2022, "year_to": 2022}, {"tu_nam": 2022, "den_nam": 2022}),
        ({"bloc": second.pk}, {"khoi": second.slug}),
        ({"award_type": w.flag.pk}, {"loai": w.flag.slug}),
        (
            {"year_from": 2023, "year_to": 2023, "bloc": first.pk, "award_type": w.flag.pk},
            {"tu_nam": 2023, "den_nam": 2023, "khoi": first.slug, "loai": w.flag.slug},
        ),
    ]


# --- the English names still read --------------------------------------------------------------


def test_an_old_address_gives_the_tables_of_the_new_one(client, world):
    for old, new in both_names(world):
        old_page, new_page = client.get(URL, old), client.get(URL, new)
        assert old_page.status_code == new_page.status_code == 200
        assert not old_page.context["filter"].form.errors, old
        assert rows(old_page) == rows(new_page), old
        assert rows(new_page) != rows(client.get(URL)), new  # each query narrows something
        cleaned = old_page.context["filter"].form.cleaned_data
        assert cleaned == new_page.context["filter"].form.cleaned_data


def test_an_old_address_fills_the_form_and_its_downloads_with_the_new_names(client, world):
    bloc = world.blocs[1]
    response = client.get(URL, {"year_from": 2023, "bloc": bloc.pk})
    html = response.content.decode()
    assert 'name="tu_nam" value="2023"' in html
    assert f'<option value="{bloc.slug}" selected>' in html
    links = re.findall(r'href="/thong-ke/bang/theo-khoi\.csv\?([^"]*)"', html)
    assert links == [f"tu_nam=2023&amp;khoi={bloc.slug}"]
    assert all("year_from" not in link and "bloc=" not in link for link in links)


def test_an_old_download_address_gives_the_same_file(client, world):
    old, new = both_names(world)[-1]
    url = "/thong-ke/bang/theo-nam-va-cap.csv"
    old_file, new_file = client.get(url, old), client.get(url, new)
    assert old_file.status_code == new_file.status_code == 200
    assert old_file.content == new_file.content
    lines = list(csv.reader(io.StringIO(new_file.content.decode("utf-8-sig"))))
    assert [line[0] for line in lines[1:]] == ["2023"]


def test_the_pages_own_name_wins_over_the_old_one(client, world):
    first, second = world.blocs
    mixed = {"tu_nam": 2023, "year_from": 2022, "khoi": second.slug, "bloc": first.pk}
    assert rows(client.get(URL, mixed)) == rows(
        client.get(URL, {"tu_nam": 2023, "khoi": second.slug})
    )
    # An empty own name leaves the other one to be read, as thidua.query_params does.
    assert rows(client.get(URL, {"khoi": "", "bloc": second.pk})) == rows(
        client.get(URL, {"khoi": second.slug})
    )


# --- every value the filter cannot read --------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"tu_nam": "abc"}, "tu_nam", f"Từ năm: {YEAR_MESSAGE}"),
        ({"tu_nam": "2015.5"}, "tu_nam", f"Từ năm: {YEAR_MESSAGE}"),
        ({"tu_nam": "²⁰¹⁵"}, "tu_nam", f"Từ năm: {YEAR_MESSAGE}"),
        ({"tu_nam": "15"}, "tu_nam", f"Từ năm: {YEAR_RANGE_MESSAGE}"),
        ({"tu_nam": "1800"}, "tu_nam", f"Từ năm: {YEAR_RANGE_MESSAGE}"),
        ({"den_nam": "hai nghìn"}, "den_nam", f"Đến năm: {YEAR_MESSAGE}"),
        ({"den_nam": "3000"}, "den_nam", f"Đến năm: {YEAR_RANGE_MESSAGE}"),
        ({"den_nam": "-2015"}, "den_nam", f"Đến năm: {YEAR_RANGE_MESSAGE}"),
        ({"tu_nam": 2023, "den_nam": 2022}, "den_nam", "«Đến năm» phải sau hoặc bằng «Từ năm»."),
        ({"khoi": "khong-co-khoi-nay"}, "khoi", BLOC_MESSAGE),
        ({"khoi": "1"}, "khoi", BLOC_MESSAGE),
        ({"loai": "khong-co"}, "loai", TYPE_MESSAGE),
        ({"loai": "<b>x</b>" * 200}, "loai", TYPE_MESSAGE),
        # The English names are refused in the same words, under the page's own fields.
        ({"year_from": "abc"}, "tu_nam", f"Từ năm: {YEAR_MESSAGE}"),
        ({"year_to": "99999"}, "den_nam", f"Đến năm: {YEAR_RANGE_MESSAGE}"),
        ({"bloc": "abc"}, "khoi", BLOC_MESSAGE),
        ({"bloc": "999999"}, "khoi", BLOC_MESSAGE),
        ({"bloc": "-1"}, "khoi", BLOC_MESSAGE),
        ({"award_type": "x"}, "loai", TYPE_MESSAGE),
        ({"award_type": "999999"}, "loai", TYPE_MESSAGE),
    ],
)
def test_a_value_that_cannot_be_read_is_named_with_its_rule_and_no_table(
    client, world, params, field, message
):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors == {field: [message]}
    assert response.context["sections"] == []
    text = page_text(response)
    assert message in text
    label = response.context["filter"].form[field].label
    assert f"Chưa lọc được: hãy sửa ô «{label}» theo thông báo ở trên rồi bấm «Lọc»." in text
    assert "Không có số liệu phù hợp." not in text


def test_every_field_in_error_is_named(client, world):
    params = {"tu_nam": "abc", "den_nam": "3000", "khoi": "x", "loai": "y"}
    response = client.get(URL, params)
    errors = response.context["filter"].form.errors
    assert errors == {
        "tu_nam": [f"Từ năm: {YEAR_MESSAGE}"],
        "den_nam": [f"Đến năm: {YEAR_RANGE_MESSAGE}"],
        "khoi": [BLOC_MESSAGE],
        "loai": [TYPE_MESSAGE],
    }
    text = page_text(response)
    assert all(message in text for messages in errors.values() for message in messages)
    assert "hãy sửa ô «Từ năm», «Đến năm», «Khối thi đua», «Loại khen thưởng»" in text


def test_a_refused_filter_reads_no_table(client, world):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, {"khoi": "x", "tu_nam": 2023}).status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "tally" not in sql and '"awards_award"' not in sql


@pytest.mark.parametrize("params", [{"tu_nam": "abc"}, {"bloc": "999999"}])
def test_a_download_with_a_refused_filter_goes_back_to_the_page(client, world, params):
    response = client.get("/thong-ke/bang/theo-khoi.csv", params)
    assert response.status_code == 302
    assert response["Location"].startswith("/thong-ke/?")
    page = client.get(response["Location"])
    text = page_text(page)
    assert page.context["sections"] == [] and "Chưa lọc được" in text
    assert "set-cookie" not in {name.lower() for name in response.headers}


@pytest.mark.parametrize(
    "query",
    [
        "tu_nam=&den_nam=&khoi=&loai=",
        "year_from=&bloc=&award_type=",
        "tu_nam=+2023+",
        "tu_nam=2023&tu_nam=abc",
        "khoi=%E2%80%AE&loai=%F0%9F%98%80",
        "bloc=%C2%B2&award_type=1.5",
        "bloc=" + "9" * 18,
        "khoi=" + "a" * 5000,
        "tu_nam[]=2023&khoi[]=x",
    ],
)
def test_odd_queries_never_fail(client, world, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    for fmt in ("csv", "xlsx"):
        assert client.get(f"/thong-ke/bang/theo-khoi.{fmt}?{query}").status_code in (200, 302)


@pytest.mark.parametrize("query", ["tu_nam=%00", "bloc=" + "9" * 25, "year_from=" + "9" * 4400])
def test_a_malformed_value_is_the_sites_404(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 404


def test_an_old_address_reads_no_more_than_the_new_one(client, world):
    """The ids of `bloc` and `award_type` are read from the rows the filter reads anyway."""
    old, new = both_names(world)[-1]
    counts = []
    for params in (old, new, {}):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, params).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2] <= 7
