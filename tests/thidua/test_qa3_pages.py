"""QA pass 3, public pages: a unit's published proposals (#3), the proposals link of the bloc and
year pages only when there are proposals and the awards list's empty state (#4), and one
pagination for every list (#6): page numbers read alike, the same arrows and «Trang x / y»."""

import html
import re

import pytest
from django.urls import reverse

from awards.models import DecisionKind
from tests.factories import (
    AwardFactory,
    BlocFactory,
    DecisionFactory,
    EventFactory,
    MembershipFactory,
    PersonFactory,
    PositionFactory,
    ProposalFactory,
    UnitFactory,
    award_type,
)
from tests.html_text import text_of, visible_text
from thidua.numbers import page_number

pytestmark = pytest.mark.django_db

PTTT = "/don-vi/cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn/"
NO_PROPOSALS = "/don-vi/vu-thi-dua-khen-thuong/"


def proposals_href(**query):
    return "/khen-thuong/?" + "&amp;".join(f"{k}={v}" for k, v in query.items())


# --- #3 and #4 on the seed data ----------------------------------------------------------------


def test_seed_proposals_are_shown_where_they_exist_and_only_there(client, demo):
    from units.models import Unit

    # The unit the bloc proposed for both flags in 2015: no award yet, its 2 proposals linked.
    unit = Unit.objects.get(slug="cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn")
    response = client.get(PTTT)
    text = text_of(response)
    assert "Chưa có khen thưởng nào được công bố." in text
    assert "Khối thi đua đề xuất, chưa có quyết định công bố: 2 đề xuất" in text
    href = proposals_href(unit=unit.pk, status="de-xuat")
    assert f'href="{href}"' in response.content.decode()
    listed = text_of(client.get(html.unescape(href)))
    assert "2 kết quả." in listed
    assert "Cờ thi đua của Chính phủ" in listed and "Cờ thi đua của Bộ" in listed
    # A unit nobody proposed: no line about proposals.
    assert "đề xuất, chưa có quyết định" not in text_of(client.get(NO_PROPOSALS))

    # The bloc and the year of the 2015 conference: its 4 proposals counted and linked.
    for url in ["/khoi/khoi-tong-cuc-cuc-ban-quy/", "/nam/2015/"]:
        text = text_of(client.get(url))
        assert "chưa có quyết định: 4 đề nghị, xem danh sách đề nghị" in text, url
    # The other bloc and the years without proposals: no link to an empty list.
    for url in ["/khoi/khoi-van-phong-vien/", "/nam/2016/", "/nam/2021/"]:
        text = text_of(client.get(url))
        assert "Chưa có khen thưởng nào" in text, url
        assert "xem danh sách đề nghị" not in text, url

    # The awards list: nothing decided yet is not «no match» when nothing was filtered.
    for params in [{}, {"page": "2"}, {"year": "", "bloc": "", "status": ""}]:
        text = text_of(client.get("/khen-thuong/", params))
        assert "Chưa có khen thưởng nào được công bố." in text, params
        assert "Không có kết quả phù hợp." not in text, params
    text = text_of(client.get("/khen-thuong/", {"year": "2015"}))
    assert "Không có kết quả phù hợp." in text
    assert "Chưa có khen thưởng nào được công bố." not in text


def test_a_unit_with_awards_counts_its_waiting_proposals_too(client):
    unit = UnitFactory(name="Cục Có Khen Thưởng")
    AwardFactory(unit=unit, year=2020)
    person = PositionFactory(unit=unit, title="Cục trưởng").person
    decided = ProposalFactory(unit=unit)
    AwardFactory(unit=unit, year=2021, nomination=None, award_type=decided.award_type)
    ProposalFactory(unit=unit, award_type=award_type("co-thi-dua-chinh-phu"))
    ProposalFactory(unit=None, person=person)  # someone working there: in the unit's list too
    ProposalFactory(unit=unit, event=EventFactory(is_published=False))  # not public
    response = client.get(unit.get_absolute_url())
    text = text_of(response)
    assert "Cờ thi đua của Bộ" in text  # the awards table
    # decided: the proposal has no nomination, so it still waits as far as the public knows.
    assert "Khối thi đua đề xuất, chưa có quyết định công bố: 3 đề xuất" in text
    listed = text_of(client.get("/khen-thuong/", {"unit": unit.pk, "status": "de-xuat"}))
    assert "3 kết quả." in listed


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize("with_awards", [True, False])
def test_unit_bloc_and_year_pages_stay_within_their_bounds_with_proposals(
    client, django_assert_max_num_queries, n, with_awards
):
    """The proposals are counted in the awards' query; without awards, in one query instead of
    the revoking decisions': the pages' bounds hold either way (units/test_pages, blocs'
    registry pages)."""
    unit = UnitFactory()
    person = PositionFactory(unit=unit).person
    bloc = BlocFactory()
    for i in range(n):
        year = 2000 + i
        MembershipFactory(
            unit=unit, bloc_year__bloc=bloc, bloc_year__year=year, representative=person
        )
        event = EventFactory(bloc=bloc, period_start=year, period_end=year)
        ProposalFactory(event=event, unit=unit)
        ProposalFactory(event=event, unit=None, person=person)
        if with_awards:
            AwardFactory(unit=unit, bloc=bloc, year=year)
            AwardFactory(
                unit=unit,
                bloc=bloc,
                year=year,
                revoked_by=DecisionFactory(kind=DecisionKind.REVOKE),
                revocation_reason="Kê khai không đúng",
            )
    for url, bound in [(unit.get_absolute_url(), 10), (bloc.get_absolute_url(), 10)]:
        with django_assert_max_num_queries(bound, info=url):
            text = text_of(client.get(url))
        assert f"{2 * n} đề" in text, url
    # The year page's bound with awards (their revoking decisions and recipients' names read
    # apart) and events: 10, as before; the registry tests' 8 is for a year without them.
    with django_assert_max_num_queries(10):
        text = text_of(client.get("/nam/2001/"))
    assert "chưa có quyết định: 2 đề nghị" in text


# --- #6 pagination -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, 1), ("", 1), ("abc", 1), ("0", 1), ("-1", 1), ("-99", 1), ("1", 1), ("7", 7)],
)
def test_page_number(text, expected):
    assert page_number(text) == expected


def pagination_of(response):
    page = response.content.decode()
    nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S)
    assert nav, "no pagination"
    return visible_text(nav.group())


def test_zero_or_negative_pages_are_the_first_and_every_list_pages_alike(client):
    from blocs.event_views import EVENTS_PER_PAGE
    from units.views import PAGE_SIZE

    for i in range(EVENTS_PER_PAGE + 1):
        EventFactory(title=f"Sự kiện thử {i:02d}")
    for i in range(PAGE_SIZE + 1):
        UnitFactory(name=f"Cục Thử Trang {i:02d}")
    for url, param in [("/su-kien/", "trang"), ("/don-vi/", "trang")]:
        for number in ["0", "-1", "-99999"]:
            nav = pagination_of(client.get(url, {param: number}))
            assert nav == "Trang 1 / 2 Trang sau ›", (url, number)
        # Past the end: the last page, as before.
        assert pagination_of(client.get(url, {param: "99999"})) == "‹ Trang trước Trang 2 / 2"
    html_page = client.get("/don-vi/", {"q": "Thu Trang", "trang": "2"}).content.decode()
    assert 'href="?q=Thu+Trang&amp;trang=1" rel="prev"' in html_page


def test_a_page_past_the_end_of_the_awards_list_is_its_last_page(client):
    from awards.views import PAGE_SIZE

    bloc = BlocFactory()
    for i in range(PAGE_SIZE + 3):
        AwardFactory(unit=UnitFactory(name=f"Đơn vị Được Khen {i:02d}"), bloc=bloc)
    # Unfiltered: paged without a count, until a page past the end asks for one.
    assert pagination_of(client.get("/khen-thuong/", {"page": "2"})) == "‹ Trang trước Trang 2"
    assert pagination_of(client.get("/khen-thuong/", {"page": "0"})) == "Trang 1 Trang sau ›"
    for number in ["3", "99999", str(10**17)]:
        response = client.get("/khen-thuong/", {"page": number})
        text = text_of(response)
        assert pagination_of(response) == "‹ Trang trước Trang 2 / 2", number
        assert f"{PAGE_SIZE + 3} kết quả." in text
        assert "Không có kết quả phù hợp" not in text and "Đơn vị Được Khen" in text
        assert 'href="?page=1" rel="prev"' in response.content.decode()
    # Filtered: Django's paginator, the same label and arrows.
    response = client.get("/khen-thuong/", {"bloc": bloc.pk, "page": "-3"})
    assert pagination_of(response) == "Trang 1 / 2 Trang sau ›"
    assert f'href="?bloc={bloc.pk}&amp;page=2" rel="next"' in response.content.decode()


# --- #14 the people directory --------------------------------------------------------------------


def test_people_directory_lists_names_and_latest_recorded_titles(
    client, django_assert_max_num_queries
):
    from units.views import PAGE_SIZE

    giang = PersonFactory(full_name="Lê Ngân Giang", slug="le-ngan-giang")
    PositionFactory(person=giang, title="Chuyên viên", from_year=2010, until_year=2014)
    PositionFactory(
        person=giang,
        title="Phó Vụ trưởng",
        unit=UnitFactory(name="Vụ Thi đua - Khen thưởng"),
        from_year=2015,
        until_year=2021,
    )
    PersonFactory(full_name="Trần Chưa Chức Vụ")
    for i in range(PAGE_SIZE):
        PositionFactory(person=PersonFactory(full_name=f"Nguyễn Văn Thử {i:02d}"))
    with django_assert_max_num_queries(4):
        response = client.get(reverse("units:people"))
    text = text_of(response)
    assert f"{PAGE_SIZE + 2} cá nhân." in text
    assert "Lê Ngân Giang Phó Vụ trưởng, Vụ Thi đua - Khen thưởng (2015–2021)" in text
    assert "Chuyên viên, " not in text.split("Lê Ngân Giang", 1)[1].split("Nguyễn", 1)[0]
    assert 'href="/ca-nhan/le-ngan-giang/"' in response.content.decode()
    assert pagination_of(response) == "Trang 1 / 2 Trang sau ›"
    second = client.get(reverse("units:people"), {"trang": "2"})
    assert "Trần Chưa Chức Vụ Chưa ghi nhận chức vụ." in text_of(second)
    # A name typed without diacritics finds the person.
    found = text_of(client.get(reverse("units:people"), {"q": "ngan giang"}))
    assert "1 cá nhân." in found and "Lê Ngân Giang" in found
    assert "Không tìm thấy cá nhân nào." in text_of(
        client.get(reverse("units:people"), {"q": "không có ai"})
    )
    # The person's page leads back to the directory.
    page = client.get(giang.get_absolute_url()).content.decode()
    assert '<a href="/ca-nhan/">Cá nhân</a>' in page


def test_people_directory_query_count_is_constant(client, django_assert_max_num_queries):
    for n in (2, 20):
        for _ in range(n):
            person = PersonFactory()
            PositionFactory(person=person)
            PositionFactory(person=person)
        with django_assert_max_num_queries(4):
            assert client.get("/ca-nhan/").status_code == 200
