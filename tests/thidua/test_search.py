"""Site search across units, people and blocs: diacritics-blind, abbreviations both ways."""

import re

import pytest

from tests.factories import BlocFactory, PersonFactory, UnitFactory
from tests.html_text import text_of
from thidua.query_bounds import bound

pytestmark = pytest.mark.django_db


def test_hoa_lac_finds_the_board_without_diacritics(client, demo):
    response = client.get("/tim-kiem/", {"q": "hoa lac"})
    text = text_of(response)
    assert "Ban Quản lý Khu Công nghệ cao Hòa Lạc" in text
    assert 'href="/don-vi/ban-quan-ly-khu-cong-nghe-cao-hoa-lac/"' in response.content.decode()


def test_abbreviation_finds_full_form_and_back(client, db):
    short = UnitFactory(name="Cục Thông tin KH&CN Quốc gia")
    full = UnitFactory(name="Viện Khoa học và Công nghệ Mỏ")
    for query in ["KH&CN", "khoa hoc va cong nghe", "Khoa học và Công nghệ"]:
        hits = text_of(client.get("/tim-kiem/", {"q": query}))
        assert short.name in hits, query
        assert full.name in hits, query


def test_person_search_links_to_person_page(client, demo):
    response = client.get("/tim-kiem/", {"q": "pham hong quat"})
    text = text_of(response)
    assert "Cá nhân (1)" in text
    assert "Phạm Hồng Quất" in text
    assert "Cục trưởng, Cục Phát triển thị trường" in text
    assert 'href="/ca-nhan/pham-hong-quat/"' in response.content.decode()


def test_bloc_search(client, demo):
    response = client.get("/tim-kiem/", {"q": "khoi tong cuc"})
    assert "Khối thi đua (1)" in text_of(response)
    assert 'href="/khoi/khoi-tong-cuc-cuc-ban-quy/"' in response.content.decode()


def test_every_word_must_match(client, demo):
    text = text_of(client.get("/tim-kiem/", {"q": "hoa lac quy"}))
    assert "Không tìm thấy kết quả nào" in text


def test_results_are_capped_but_counted(client, db):
    from thidua.views import SEARCH_LIMIT

    PersonFactory.create_batch(SEARCH_LIMIT + 3, full_name="Trần Văn Trùng")
    response = client.get("/tim-kiem/", {"q": "tran van trung"})
    text = text_of(response)
    assert f"Cá nhân ({SEARCH_LIMIT + 3})" in text
    assert f"Hiển thị {SEARCH_LIMIT} kết quả đầu tiên" in text


@pytest.mark.parametrize("n", [3, 30])
def test_search_query_count_is_constant(client, django_assert_max_num_queries, n):
    for i in range(n):
        unit = UnitFactory(name=f"Trung tâm Hòa Lạc {i}")
        PersonFactory(full_name=f"Lê Hòa Lạc {i}")
        BlocFactory(name=f"Khối Hòa Lạc {i}", organiser=unit)
    # A fixed number per search provider (units, people, blocs, events, ...), whatever n is.
    with django_assert_max_num_queries(bound("search")):
        response = client.get("/tim-kiem/", {"q": "hoa lac"})
    assert response.status_code == 200


def test_a_document_behind_a_movement_of_a_published_event_is_found_by_its_number(client, demo):
    response = client.get("/tim-kiem/", {"q": "11/NQ-CP"})
    text = text_of(response)
    assert "Nghị quyết số 11/NQ-CP" in text
    assert 'href="/su-kien/khoi-van-phong-vien-tong-ket-2021/"' in response.content.decode()


def test_a_long_number_typed_in_the_search_box_is_searched_not_refused(client, db):
    response = client.get("/tim-kiem/", {"q": "99999999999999999999"})
    assert "0 kết quả" in text_of(response)
    # A NUL byte is still refused there, and a huge number still is on every other page.
    assert client.get("/tim-kiem/", {"q": "ab\x00c"}).status_code == 404
    assert client.get("/khen-thuong/", {"year": "99999999999999999999"}).status_code == 404


def test_the_header_search_box_holds_only_a_search_never_a_pages_filters(client, db):
    box = re.compile(r'<input id="site-search"[^>]*value="([^"]*)"')
    listing = client.get("/khen-thuong/", {"status": "de-xuat", "year": 2015})
    assert box.search(listing.content.decode()).group(1) == ""
    searched = client.get("/tim-kiem/", {"q": "Hòa Lạc"})
    assert box.search(searched.content.decode()).group(1) == "Hòa Lạc"
