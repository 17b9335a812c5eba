"""QA pass 3, public search: movements, slogans and campaigns, the events that carried them or
proposed an award, exact-diacritic matches first, a link to the full list of a capped group, and
the open data page saying what its datasets hold."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from blocs.models import Event
from tests.factories import (
    AwardTypeFactory,
    BlocFactory,
    EventFactory,
    EventMovementFactory,
    MovementFactory,
    PersonFactory,
    ProposalFactory,
    UnitFactory,
)
from tests.html_text import text_of, visible_text
from thidua.views import SEARCH_LIMIT

pytestmark = pytest.mark.django_db

EVENT_2021 = "/su-kien/khoi-van-phong-vien-tong-ket-2021/"
EVENT_2015 = "/su-kien/khoi-tong-cuc-cuc-ban-quy-tong-ket-2015/"
MOVEMENTS = "Phong trào, chủ đề, khẩu hiệu"


def search(client, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def groups(page):
    """{group label: [(link text, href), ...]} as the page shows them."""
    found = {}
    for label, body in re.findall(r"<h2>(.*?) <span.*?</h2>\s*<ul>(.*?)</ul>", page, re.S):
        found[html.unescape(label)] = [
            (html.unescape(title), html.unescape(href))
            for href, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', body)
        ]
    return found


# --- #1: movements, slogans, campaigns, pledges and proposals ----------------------------------


def test_a_movement_is_found_without_diacritics_and_links_to_the_event_that_carried_it(
    client, demo
):
    page = search(client, "doi moi sang tao")
    movements = groups(page)[MOVEMENTS]
    assert (
        "Phong trào thi đua «Đổi mới sáng tạo đưa nhanh KH&CN vào cuộc sống»",
        f"{EVENT_2021}#h-movements",
    ) in movements
    # The theme launched by the ministry says so; both lead to the 2021 conference's section.
    assert "do Bộ Khoa học và Công nghệ phát động" in visible_text(page)
    assert "ghi tại Khối thi đua Văn phòng - Viện tổng kết" in visible_text(page)
    # The event that carried it is found too.
    assert [href for _, href in groups(page)["Sự kiện"]] == [EVENT_2021]
    # The link leads to a page showing the movement.
    shown = text_of(client.get(EVENT_2021))
    assert "Đổi mới sáng tạo đưa nhanh KH&CN vào cuộc sống" in shown


@pytest.mark.parametrize("query", ["HỢP TÁC", "hop tac"])
def test_the_2016_slogan_links_to_the_directions_of_the_2015_conference(client, demo, query):
    page = search(client, query)
    assert groups(page)[MOVEMENTS] == [
        ("Khẩu hiệu «HỢP TÁC–SÁNG TẠO–HỘI NHẬP–THÀNH CÔNG»", f"{EVENT_2015}#h-directions")
    ]
    assert [href for _, href in groups(page)["Sự kiện"]] == [EVENT_2015]
    assert 'id="h-directions"' in client.get(EVENT_2015).content.decode()


def test_a_campaign_of_two_conferences_links_the_latest_and_finds_both(client, demo):
    page = search(client, "Học tập và làm theo")
    assert groups(page)[MOVEMENTS] == [
        (
            "Cuộc vận động «Học tập và làm theo tấm gương đạo đức Hồ Chí Minh»",
            f"{EVENT_2021}#h-movements",
        )
    ]
    assert "và 1 sự kiện khác" in visible_text(page)
    assert {href for _, href in groups(page)["Sự kiện"]} == {EVENT_2015, EVENT_2021}


def test_a_direction_for_next_year_is_found(client, demo):
    page = search(client, "nguoi ngheo")
    assert groups(page)[MOVEMENTS] == [
        ("Phong trào thi đua «Cả nước chung tay vì người nghèo»", f"{EVENT_2021}#h-directions")
    ]


def test_the_pledge_finds_the_conference_where_it_was_signed(client, demo):
    for query in ["giao uoc", "Giao ước thi đua 2016"]:
        assert [href for _, href in groups(search(client, query))["Sự kiện"]] == [EVENT_2015]
    assert "Không tìm thấy kết quả nào" in visible_text(search(client, "giao uoc 2031"))


def test_a_proposed_award_finds_the_conference_that_proposed_it(client, demo):
    page = search(client, "co thi dua chinh phu")
    assert groups(page)["Sự kiện"] == [
        (
            "Hội nghị Tổng kết công tác thi đua Khối Tổng cục, Cục, Ban và Quỹ",
            EVENT_2015,
        )
    ]
    shown = text_of(client.get(EVENT_2015))
    assert "Cờ thi đua của Chính phủ" in shown


def test_movements_and_proposals_of_an_unpublished_event_are_not_found(client, demo):
    Event.objects.filter(slug__in=["khoi-van-phong-vien-tong-ket-2021"]).update(is_published=False)
    page = search(client, "doi moi sang tao")
    assert MOVEMENTS not in groups(page)
    assert "Không tìm thấy kết quả nào" in visible_text(page)
    # Carried by both conferences: still found, now through the 2015 one.
    page = search(client, "hoc tap va lam theo")
    assert groups(page)[MOVEMENTS][0][1] == f"{EVENT_2015}#h-directions"
    assert "sự kiện khác" not in visible_text(page)
    Event.objects.filter(slug="khoi-tong-cuc-cuc-ban-quy-tong-ket-2015").update(is_published=False)
    for query in ["co thi dua chinh phu", "hop tac", "giao uoc"]:
        assert "Không tìm thấy kết quả nào" in visible_text(search(client, query)), query


@pytest.mark.parametrize("n", [3, 30])
def test_search_with_movements_and_proposals_runs_a_bounded_number_of_queries(client, n):
    award = AwardTypeFactory(name="Bằng khen Hòa Lạc", slug="bang-khen-hoa-lac")
    for i in range(n):
        unit = UnitFactory(name=f"Trung tâm Hòa Lạc {i}")
        PersonFactory(full_name=f"Lê Hòa Lạc {i}")
        bloc = BlocFactory(name=f"Khối Hòa Lạc {i}", organiser=unit)
        event = EventFactory(bloc=bloc)
        EventMovementFactory(event=event, movement=MovementFactory(name=f"Hòa Lạc xanh {i}"))
        ProposalFactory(event=event, award_type=award, unit=unit)
    with CaptureQueriesContext(connection) as queries:
        page = search(client, "hoa lac")
    # Blocs, units, people (+ their positions), events, movements: a page and a count each;
    # cited documents, decisions, the award catalogue: one each.
    assert len(queries) <= 15
    assert f"{MOVEMENTS} ({n})" in visible_text(page)
    assert f"Sự kiện ({n})" in visible_text(page)


# --- #2: exact-diacritic matches first -----------------------------------------------------------


def test_a_query_typed_with_diacritics_ranks_exact_matches_above_folded_look_alikes(client, db):
    # In Vietnamese order «Thủ» comes before «Thư»: typed «Thư», the exact one comes first.
    UnitFactory(name="Trung tâm Thủ đô")
    UnitFactory(name="Trung tâm Thư viện")
    PersonFactory(full_name="Nguyễn Thị Hàng")
    PersonFactory(full_name="Nguyễn Thị Hằng")
    units = [title for title, _ in groups(search(client, "trung tâm Thư"))["Đơn vị"]]
    assert units == ["Trung tâm Thư viện", "Trung tâm Thủ đô"]
    units = [title for title, _ in groups(search(client, "trung tam thu"))["Đơn vị"]]
    assert units == ["Trung tâm Thủ đô", "Trung tâm Thư viện"]
    people = [title for title, _ in groups(search(client, "Hằng"))["Cá nhân"]]
    assert people == ["Nguyễn Thị Hằng", "Nguyễn Thị Hàng"]
    people = [title for title, _ in groups(search(client, "hang"))["Cá nhân"]]
    assert people == ["Nguyễn Thị Hàng", "Nguyễn Thị Hằng"]


def test_an_exact_match_with_a_capital_d_is_ranked_first_on_every_database(client, db):
    # «đ» and «Đ» differ in case beyond ASCII (SQLite's LIKE ignores ASCII case only).
    for name in ["Dòng chảy sáng tạo", "Đóng góp sáng tạo"]:
        EventMovementFactory(movement=MovementFactory(name=name))
    titles = [title for title, _ in groups(search(client, "đóng"))[MOVEMENTS]]
    assert titles == [
        "Phong trào thi đua «Đóng góp sáng tạo»",
        "Phong trào thi đua «Dòng chảy sáng tạo»",
    ]


# --- #8: a capped group links to the full list ---------------------------------------------------


def _people_list_installed():
    try:
        reverse("units:people")
    except NoReverseMatch:
        return False
    return True


@pytest.mark.parametrize(
    "factory, noun",
    [
        (lambda i: UnitFactory(name=f"Trung tâm Hòa Lạc {i}"), "đơn vị"),
        (lambda i: PersonFactory(full_name=f"Lê Hòa Lạc {i}"), "cá nhân"),
    ],
)
def test_a_capped_group_links_to_the_full_paginated_list(client, db, factory, noun):
    if noun == "cá nhân" and not _people_list_installed():
        pytest.skip("no public list of people (/ca-nhan/) in this tree")
    for i in range(SEARCH_LIMIT + 3):
        factory(i)
    page = search(client, "Hòa Lạc")
    assert f"Hiển thị {SEARCH_LIMIT} kết quả đầu tiên" in visible_text(page)
    link = re.search(rf'<a href="([^"]+)">Xem tất cả (\d+) {noun}</a>', page)
    assert link and int(link.group(2)) == SEARCH_LIMIT + 3
    listing = client.get(html.unescape(link.group(1)))
    assert listing.status_code == 200
    assert f"{SEARCH_LIMIT + 3} {noun}." in text_of(listing)


def test_no_full_list_link_when_nothing_is_capped_or_no_list_exists(client, db):
    UnitFactory(name="Trung tâm Hòa Lạc")
    bloc = BlocFactory()
    for _ in range(SEARCH_LIMIT + 1):
        EventFactory(bloc=bloc, title="Hội nghị Hòa Lạc")
    text = visible_text(search(client, "hoa lac"))
    assert "Đơn vị (1)" in text and f"Sự kiện ({SEARCH_LIMIT + 1})" in text
    assert "Xem tất cả" not in text
    # No public list filters events by words: the group still asks for more words.
    assert f"Hiển thị {SEARCH_LIMIT} kết quả đầu tiên; hãy thêm từ khóa để thu hẹp." in text


# --- #12: the open data page says what its datasets hold ----------------------------------------


def test_open_data_page_lists_what_is_offered_and_what_is_not(client, db):
    page = client.get("/du-lieu-mo/").content.decode()
    # Inline links are part of the sentence: their tags are dropped, not turned into spaces.
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"</?(a|code)\b[^>]*>", "", page)))
    assert "Mọi hồ sơ đã công bố" not in text
    assert (
        "Các bộ dữ liệu dưới đây (khen thưởng, quyết định khen thưởng, sự kiện, đơn vị, khối thi "
        "đua, thành viên khối theo năm) được cung cấp để tải về và dùng lại"
    ) in text
    assert "Chưa có trong bộ dữ liệu nào: danh sách cá nhân và chức vụ" in text
    assert "phong trào thi đua" in text and "đề xuất khen thưởng của khối tại sự kiện" in text
    assert 'href="/khen-thuong/?status=de-xuat"' in page
