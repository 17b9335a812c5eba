"""A visitor browses the public pages and searches, in a real browser."""

import re

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def require_route(path):
    try:
        resolve(path)
    except Resolver404:
        pytest.skip(f"{path} has no route in this build")


def test_home_links_to_a_bloc_and_the_bloc_to_a_unit(page, demo):
    require_route("/khoi/khoi-tong-cuc-cuc-ban-quy/")
    require_route("/don-vi/cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn/")
    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    page.get_by_role("link", name=re.compile("Tổng cục, Cục, Ban và Quỹ")).first.click()
    expect(page).to_have_url(re.compile(r"/khoi/khoi-tong-cuc-cuc-ban-quy/"))
    expect(page.locator("h1")).to_contain_text("Tổng cục, Cục, Ban và Quỹ")
    page.get_by_role(
        "link", name=re.compile("Cục Phát triển thị trường và doanh nghiệp KH&CN")
    ).first.click()
    expect(page).to_have_url(re.compile(r"/don-vi/cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn/"))
    expect(page.locator("h1")).to_contain_text("Cục Phát triển thị trường và doanh nghiệp")
    assert page.csp_violations == []


def test_search_box_finds_a_unit_without_diacritics(page, demo):
    # The unit's search provider comes with its page.
    require_route("/don-vi/ban-quan-ly-khu-cong-nghe-cao-hoa-lac/")
    page.goto("/")
    box = page.get_by_role("searchbox", name="Tìm kiếm", exact=True)
    box.fill("hoa lac")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=hoa\+lac"))
    result = page.get_by_role("link", name="Ban Quản lý Khu Công nghệ cao Hòa Lạc")
    expect(result.first).to_be_visible()
    assert page.csp_violations == []


def test_unknown_page_shows_the_vietnamese_404(page, demo):
    response = page.goto("/khong-co-trang-nay/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Không tìm thấy trang")


def test_the_event_page_counts_a_view_with_its_own_request_under_the_csp(page, demo):
    from blocs.models import Event

    event = Event.objects.published().order_by("pk").first()
    before = event.view_count
    page.goto(event.get_absolute_url())
    expect(page.locator("[data-view-count-url]")).to_have_text(str(before + 1))
    event.refresh_from_db()
    assert event.view_count == before + 1
    assert page.csp_violations == []
