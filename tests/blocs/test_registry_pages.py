"""The public registry pages, read by anyone without logging in."""

import pytest
from django.urls import reverse

from tests.factories import registry_dataset
from tests.html_text import text_of

pytestmark = pytest.mark.django_db

TONG_CUC = "/khoi/khoi-tong-cuc-cuc-ban-quy/"
CUC_PTTT = "Cục Phát triển thị trường và doanh nghiệp KH&CN"
HOA_LAC = "Ban Quản lý Khu Công nghệ cao Hòa Lạc"
QUY = "Quỹ Phát triển KH&CN quốc gia"


def section(text, start, end=None):
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else None]


def test_home_shows_each_bloc_latest_year_with_leader_deputy_and_links(client, demo):
    response = client.get("/")
    text = text_of(response)
    van_phong = section(text, "Khối thi đua Văn phòng - Viện Năm 2021", "Số đơn vị")
    assert "Khối trưởng chưa ghi nhận Khối phó chưa ghi nhận" in van_phong
    assert "Số đơn vị 14 đơn vị" in text
    tong_cuc = section(text, "Khối thi đua Tổng cục, Cục, Ban và Quỹ Năm 2016", "Số đơn vị")
    assert f"Khối trưởng {HOA_LAC} Khối phó {QUY}" in tong_cuc
    assert "Số đơn vị 2 đơn vị đã ghi nhận" in text  # 2016: named, no declared count
    html = response.content.decode()
    for url in ["/nam/2015/", "/nam/2016/", "/nam/2021/", TONG_CUC, "/khoi/khoi-van-phong-vien/"]:
        assert f'href="{url}"' in html
    assert 'href="/don-vi/ban-quan-ly-khu-cong-nghe-cao-hoa-lac/"' in html
    assert 'href="/don-vi/vu-thi-dua-khen-thuong/"' in html
    assert 'action="/tim-kiem/"' in html


def test_year_2015_shows_leader_with_representative_and_count(client, demo):
    text = text_of(client.get("/nam/2015/"))
    tong_cuc = section(text, "Khối thi đua Tổng cục, Cục, Ban và Quỹ", "Khối gồm")
    assert f"{CUC_PTTT} Khối trưởng Phạm Hồng Quất" in tong_cuc
    assert "Khối gồm 9 đơn vị; 4 đơn vị chưa được ghi nhận tên." in text


def test_year_2016_shows_elected_leader_and_deputy(client, demo):
    text = text_of(client.get("/nam/2016/"))
    assert f"{HOA_LAC} Khối trưởng" in text
    assert f"{QUY} Khối phó" in text
    assert "9 đơn vị" not in text


def test_year_2021_shows_count_without_inventing_names(client, demo):
    text = text_of(client.get("/nam/2021/"))
    assert "Khối gồm 14 đơn vị; 13 đơn vị chưa được ghi nhận tên." in text
    assert "Văn phòng Chương trình Nông thôn miền núi Thành viên" in text


def test_bloc_page_history_year_by_year(client, demo):
    text = text_of(client.get(TONG_CUC))
    year_2016 = section(text, "Năm 2016", "Năm 2015")
    year_2015 = section(text, "Năm 2015")
    assert f"Khối trưởng: {HOA_LAC} ." in year_2016
    assert f"Khối phó: {QUY} ." in year_2016
    assert "Đã ghi nhận 2 đơn vị; nguồn chưa nêu tổng số đơn vị của khối." in year_2016
    assert (
        f"Khối trưởng: {CUC_PTTT} (đại diện: Phạm Hồng Quất , Cục trưởng {CUC_PTTT})" in year_2015
    )
    assert "Khối gồm 9 đơn vị" in year_2015
    assert "Cơ quan tổ chức Bộ Khoa học và Công nghệ" in text


def test_bloc_list_links_blocs_and_years(client, demo):
    html = client.get("/khoi/").content.decode()
    assert f'href="{TONG_CUC}"' in html
    assert "Khối thi đua Văn phòng - Viện" in html
    assert 'href="/nam/2015/"' in html


@pytest.mark.parametrize("url", ["/nam/1999/", "/nam/2030/", "/khoi/khong-co/"])
def test_unknown_year_or_bloc_is_404(client, demo, url):
    assert client.get(url).status_code == 404


def test_year_known_only_from_a_published_event_has_its_page(client, demo):
    from tests.factories import EventFactory

    EventFactory(period_start=2017, period_end=2019, title="Hội nghị điển hình tiên tiến 2017–2019")
    EventFactory(period_start=2026, period_end=2026, is_published=False, published_at=None)
    text = text_of(client.get("/nam/2018/"))
    assert "Chưa có hồ sơ khối thi đua nào của năm 2018" in text
    assert "Hội nghị điển hình tiên tiến 2017–2019" in text
    html = client.get("/nam/2018/").content.decode()
    # Every year of the event's period is a year of the site.
    assert 'href="/nam/2017/" rel="prev"' in html and 'href="/nam/2019/" rel="next"' in html
    # The other years' pages and the home page link to it.
    assert 'href="/nam/2017/" rel="next"' in client.get("/nam/2016/").content.decode()
    assert 'href="/nam/2018/"' in client.get("/").content.decode()
    # An unpublished event does not make a year public.
    assert client.get("/nam/2026/").status_code == 404
    assert 'href="/nam/2026/"' not in client.get("/").content.decode()


def test_year_out_of_range_is_404(client, demo):
    assert client.get("/nam/99999/").status_code == 404


def test_year_page_links_neighbouring_years(client, demo):
    html = client.get("/nam/2016/").content.decode()
    assert 'href="/nam/2015/" rel="prev"' in html
    assert 'href="/nam/2021/" rel="next"' in html


def test_nav_has_registry_items(client, demo):
    html = client.get("/").content.decode()
    assert '<a href="/khoi/">Khối thi đua</a>' in html
    assert '<a href="/don-vi/">Đơn vị</a>' in html


def test_pages_are_public_without_login(client, demo):
    for url in ["/", "/nam/2015/", "/khoi/", TONG_CUC]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Đăng nhập" in response.content.decode()


def urls_of(blocs):
    """(url, query bound) of every public registry page. The bounds leave room for the panels
    that other apps (events, awards) add to the year, bloc, unit and person pages."""
    bloc = blocs[0]
    unit = bloc.years.get().memberships.get(role="leader").unit
    return [
        ("/", 10),
        ("/nam/2021/", 8),  # + the blocs' names of the year, the year's awards
        ("/khoi/", 3),
        (bloc.get_absolute_url(), 10),
        (reverse("units:list"), 3),
        (reverse("units:list") + "?q=cuc&loai=cuc", 3),
        (unit.get_absolute_url(), 12),
        (unit.positions.get().person.get_absolute_url(), 8),
        ("/tim-kiem/?q=cuc+thu+nghiem", 12),
        ("/tim-kiem/?q=khoi+thi+dua", 12),
    ]


@pytest.mark.parametrize("n", [2, 20])
def test_public_pages_query_count_is_constant(client, django_assert_max_num_queries, n):
    """Each public page runs a fixed number of queries: the same bound holds with 10× the data."""
    for url, bound in urls_of(registry_dataset(n)):
        with django_assert_max_num_queries(bound):
            response = client.get(url)
        assert response.status_code == 200, url


def test_year_page_is_paginated_with_an_index_of_every_bloc(client, django_assert_max_num_queries):
    """A year with many blocs shows 25 full rosters a page, and lists every bloc of the year with
    a link to the page holding its roster."""
    from blocs.views import BLOCS_PER_YEAR_PAGE

    blocs = sorted(registry_dataset(BLOCS_PER_YEAR_PAGE + 3), key=lambda b: b.name)
    first = text_of(client.get("/nam/2021/"))
    assert f"Tất cả {len(blocs)} khối của năm 2021 (trang 1 / 2)" in first
    assert first.count("Thành viên Khối thi đua") == BLOCS_PER_YEAR_PAGE
    html = client.get("/nam/2021/").content.decode()
    last = blocs[-1]
    assert f'href="?trang=2#bloc-{last.pk}"' in html
    assert 'href="?trang=2" rel="next"' in html
    with django_assert_max_num_queries(8):
        second = text_of(client.get("/nam/2021/?trang=2"))
    assert second.count("Thành viên Khối thi đua") == 3
    assert last.name in second
    assert "Trang 2 / 2" in second


def test_home_shows_the_first_blocs_and_links_to_all_of_them(client):
    """With more blocs than the home page holds, it shows the first ones and links to /khoi/."""
    from blocs.views import HOME_BLOC_LIMIT

    blocs = sorted(registry_dataset(HOME_BLOC_LIMIT + 1), key=lambda b: b.name)
    html = client.get("/").content.decode()
    assert html.count('<li class="card">') == HOME_BLOC_LIMIT
    assert blocs[0].name in html and blocs[-1].name not in html
    assert '<a href="/khoi/">Xem tất cả các khối thi đua</a>' in html
