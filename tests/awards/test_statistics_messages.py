"""The statistics pages say when they cannot show what was asked: an inverted year range is
refused like the API refuses an inverted date range, a staff year out of range or not a year is
named with the year shown instead, and a quota used beyond its limit shows the overuse."""

from html.parser import HTMLParser

import pytest

from awards import staff_statistics
from awards.eligibility import QuotaRow
from tests.factories import BlocFactory, BlocYearFactory, UserFactory
from thidua import roles

pytestmark = pytest.mark.django_db
STAFF_URL = "/khen-thuong/tham-dinh/thong-ke/"


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def page_text(response) -> str:
    parser = Text()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def reviewer(client):
    client.force_login(UserFactory(roles=[roles.REVIEWER]))
    return client


# --- the staff page: quota use --------------------------------------------------------------------


def quota(limit, used):
    return QuotaRow(rule=None, label="Cờ thi đua", limit=limit, used=used, exceptions=0, planned=0)


@pytest.mark.parametrize(
    ("limit", "used", "cell"),
    [(1, 4, "Vượt 3"), (2, 1, 1), (1, 1, 0), (None, 5, "—")],
)
def test_the_left_cell_shows_an_overuse(limit, used, cell):
    assert staff_statistics.quota_left(quota(limit, used)) == cell


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
