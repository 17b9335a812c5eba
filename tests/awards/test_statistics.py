"""The statistics pages: what they count, their filters, charts equal to tables, downloads that
parse back with formulas neutralised, the staff page and the annual report, bounded queries."""

import csv
import io
from html.parser import HTMLParser

import openpyxl
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.charts import bar_chart
from awards.statistics import StatTable
from tests.factories import UserFactory
from tests.stats_world import FORMULA, make_world
from thidua import roles

pytestmark = pytest.mark.django_db
URL = "/thong-ke/"


def tables(response):
    return {table.key: table for table, _chart in response.context["sections"]}


class ChartsAndTables(HTMLParser):
    """Collects each chart's bars (label, [(series, value)]) and each table's body cells."""

    def __init__(self):
        super().__init__()
        self.charts, self.tables = {}, {}
        self.chart = self.table = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "data-chart" in attrs:
            self.chart = self.charts.setdefault(attrs["data-chart"], [])
        elif tag == "g" and self.chart is not None and attrs.get("class") == "chart-bar":
            self.chart.append((attrs["data-label"], []))
        elif tag == "rect" and self.chart is not None and "data-value" in attrs:
            self.chart[-1][1].append((attrs["data-series"], int(attrs["data-value"])))
        elif tag == "table" and "data-table" in attrs:
            self.table = self.tables.setdefault(attrs["data-table"], [])
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "figure":
            self.chart = None
        elif tag == "table":
            self.table = None
        elif tag in ("td", "th") and self.cell is not None:
            self.table[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_the_public_page_counts_published_awards_in_effect(client):
    w = make_world(2)
    response = client.get(URL)
    assert response.status_code == 200
    found = tables(response)
    total = lambda key: sum(row[-1] for row in found[key].rows)  # noqa: E731
    # 3 per bloc: the unpublished decision's and the revoked award are not counted.
    assert total("theo-nam-va-cap") == total("theo-loai") == total("tap-the-ca-nhan") == 6
    assert total("theo-khoi") == 6
    assert sum(row[1] for row in found["theo-loai-don-vi"].rows) == 4
    flags = found["co-thi-dua-theo-khoi"]
    assert flags.headers == ["Khối", "2022", "2023", "Tổng"]
    assert sorted(row[1:] for row in flags.rows) == [[1, 1, 2], [1, 1, 2]]
    leads = found["dan-dau-khoi"].rows
    assert sorted(row[2] for row in leads) == sorted(u.name for u in w.units)
    assert "Thống kê" in response.content.decode()


def test_filters_are_kept_in_the_url_and_narrow_every_table(client):
    w = make_world(2)
    flag = w.published[0].award_type.slug
    cases = {
        "tu_nam=2023&den_nam=2023": 4,
        f"khoi={w.blocs[1].slug}": 3,
        f"loai={flag}": 4,
        f"tu_nam=2022&den_nam=2022&khoi={w.blocs[0].slug}": 1,
    }
    for query, expected in cases.items():
        response = client.get(f"{URL}?{query}")
        found = tables(response)
        assert sum(row[-1] for row in found["theo-khoi"].rows) == expected, query
        assert sum(row[-1] for row in found["theo-nam-va-cap"].rows) == expected, query
        # The downloads carry the same filters.
        assert f"bang/theo-khoi.csv?{query}".replace("&", "&amp;") in response.content.decode()
    leads = tables(client.get(f"{URL}?khoi={w.blocs[1].slug}"))["dan-dau-khoi"].rows
    assert [row[2] for row in leads] == [w.units[1].name]


def test_every_chart_draws_exactly_its_table(client):
    make_world(2)
    response = client.get(URL)
    parsed = ChartsAndTables()
    parsed.feed(response.content.decode())
    drawn = 0
    for table, chart in response.context["sections"]:
        assert chart == bar_chart(table)
        cells = parsed.tables[table.key]
        assert cells[0] == table.headers
        assert cells[1:] == [[str(value) for value in row] for row in table.rows]
        if not table.has_chart:
            assert table.key not in parsed.charts
            continue
        drawn += 1
        bars = parsed.charts[table.key]
        assert len(bars) == len(table.rows)  # a few blocs: every row drawn
        for (_label, segments), row in zip(bars, table.rows, strict=True):
            assert segments == [(table.headers[i], row[i]) for i in table.series]
    assert drawn == 6


def test_a_long_per_bloc_chart_draws_its_largest_rows_and_says_so():
    rows = [[f"Khối {n}", n, 40 - n, 40] for n in range(30)]
    table = StatTable("theo-khoi", "Theo khối", ["Khối", "A", "B", "Tổng"], rows, [1, 2])
    assert len(bar_chart(table).bars) == 30 and bar_chart(table).note == ""
    table.chart_rows = 25
    chart = bar_chart(table)
    assert [bar.label for bar in chart.bars] == [f"Khối {n}" for n in range(25)]
    assert chart.note == "Biểu đồ vẽ 25 dòng có tổng lớn nhất; bảng bên cạnh có đủ 30 dòng."
    html = render_to_string("awards/_bar_chart.html", {"chart": chart})
    assert html.count('class="chart-bar"') == 25
    assert chart.note in html


def test_a_tables_rows_are_written_as_the_template_engine_would_write_them():
    import datetime
    from decimal import Decimal

    from django.template import Context, Template

    rows = [
        ['Khối <Bộ> & "Viện"', 1234567, 0, Decimal("2.5")],
        [2024, 12.75, None, datetime.date(2024, 12, 20)],
    ]
    table = StatTable("k", "Bảng", ["Tên", "A", "B", "C"], rows)
    template = Template(
        '{% for row in rows %}<tr><th scope="row">{{ row.0 }}</th>'
        '{% for cell in row|slice:"1:" %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}'
    )
    assert table.body_html() == template.render(Context({"rows": rows}))
    assert "&lt;Bộ&gt; &amp;" in table.body_html() and "<td>2,5</td>" in table.body_html()


def test_downloads_parse_back_with_formulas_neutralised(client):
    make_world(2)
    page = tables(client.get(URL))
    table = page["theo-khoi"]
    expected = [[str(v) for v in row] for row in table.rows]
    neutral = "'" + FORMULA
    response = client.get(reverse("awards:statistics_table", args=["theo-khoi", "csv"]))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == table.headers
    assert [neutral if r[0] == neutral else r[0] for r in rows[1:]] == [
        neutral if r[0] == FORMULA else r[0] for r in expected
    ]
    assert neutral in [r[0] for r in rows[1:]]
    response = client.get(reverse("awards:statistics_table", args=["theo-khoi", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == table.headers
    assert sorted(map(list, values[1:])) == sorted(
        [neutral if v == FORMULA else v for v in row] for row in table.rows
    )
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert client.get("/thong-ke/bang/khong-co.csv").status_code == 404
    assert client.get("/thong-ke/bang/theo-khoi.pdf").status_code == 404


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize(
    "query", ["?tu_nam=2020", "?year_from=2020", "?bloc=first&award_type=flag"]
)
def test_public_statistics_read_a_constant_number_of_queries(
    client, size, query, django_assert_max_num_queries
):
    w = make_world(size)
    query = query.replace("first", str(w.blocs[0].pk))
    query = query.replace("flag", str(w.published[0].award_type_id))
    with django_assert_max_num_queries(10):
        assert client.get(URL + query).status_code == 200


def test_query_count_does_not_grow_with_data(client):
    counts = []
    for size in (1, 3):
        make_world(size) if size == 1 else make_world(size - 1)
        with CaptureQueriesContext(connection) as queries:
            client.get(URL)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


def test_the_public_page_is_served_from_the_page_cache(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    make_world(1)
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"


STAFF_URL = "/khen-thuong/tham-dinh/thong-ke/?year=2023"


STAFF_ENTRY_POINTS = [
    STAFF_URL,
    "/khen-thuong/tham-dinh/thong-ke/bang/thoi-gian-xu-ly.csv?year=2023",
    "/khen-thuong/tham-dinh/thong-ke/bang/ho-so-theo-trang-thai.xlsx?year=2023",
    "/khen-thuong/tham-dinh/thong-ke/bao-cao-nam.xlsx?year=2023",
]


@pytest.mark.parametrize("url", STAFF_ENTRY_POINTS)
def test_the_staff_page_and_its_downloads_are_for_reviewers_and_the_secretariat(client, url):
    make_world(1)
    assert client.get(url).status_code == 302  # to the login page
    for role in (roles.BLOC_LEADER, roles.BLOC_SECRETARIAT):
        client.force_login(UserFactory(roles=[role]))
        assert client.get(url).status_code == 403, role
    for role in (roles.REVIEWER, roles.SECRETARIAT, roles.ADMINISTRATOR):
        client.force_login(UserFactory(roles=[role]))
        assert client.get(url).status_code == 200, role


def test_the_staff_page_groups_reasons_and_times_decisions(client, django_assert_max_num_queries):
    make_world(1)
    client.force_login(UserFactory(roles=[roles.REVIEWER]))
    # The page's own ten queries (the quotas read by awards.eligibility among them) and the
    # signed-in session's three.
    with django_assert_max_num_queries(13):
        response = client.get(STAFF_URL)
    found = tables(response)
    reasons = sorted(found["ly-do-tra-lai-khong-de-nghi"].rows)
    assert reasons == [
        ["Không đủ tiêu chuẩn", "Không đề nghị", 1],
        ["Thiếu báo cáo thành tích", "Trả lại", 1],
    ]
    (row,) = found["thoi-gian-xu-ly"].rows
    assert row[:2] == [2023, 2] and row[2] == pytest.approx(12.5, abs=0.1)
    assert row[3] == pytest.approx(15, abs=0.1)
    statuses = found["ho-so-theo-trang-thai"]
    assert statuses.rows == [[2023, 1, 1, 2]]
    download = client.get("/khen-thuong/tham-dinh/thong-ke/bang/thoi-gian-xu-ly.csv?year=2023")
    assert download.content.decode("utf-8-sig").splitlines()[1].startswith("2023,2,")


def test_the_annual_report_counts_awards_by_form_and_recipient(client):
    make_world(2)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    response = client.get(reverse("awards:annual_report") + "?year=2023")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    forms = list(book["Theo hình thức"].iter_rows(values_only=True))
    assert forms[0] == ("Hình thức, danh hiệu", "Nhóm", "Cấp", "Tập thể", "Cá nhân", "Tổng")
    by_name = {row[0]: row[3:] for row in forms[1:]}
    # Every recorded decision counts in the ministry's own report (the unpublished one too).
    assert by_name["Cờ thi đua của Bộ Khoa học và Công nghệ"] == (4, 0, 4)
    assert sum(row[4] for row in forms[1:]) == 2
    levels = list(book["Theo cấp"].iter_rows(values_only=True))
    assert sum(row[3] for row in levels[1:]) == 6
    assert client.get(reverse("awards:annual_report")).status_code == 200
