"""The ministry's clerk signs in and enters an event in the admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from blocs.models import Event, EventKind

pytestmark = pytest.mark.e2e

BLOC = "Khối thi đua Tổng cục, Cục, Ban và Quỹ"


def choose_autocomplete(page, field, typed, option):
    """Picks `option` in the admin's autocomplete (select2) widget of `field`."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_clerk_enters_an_event_in_the_admin(page, demo, login):
    login("thuky")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()

    page.goto("/admin/blocs/event/add/")
    choose_autocomplete(page, "bloc", "tong cuc", BLOC)
    page.locator("#id_kind").select_option(EventKind.MID_YEAR.value)
    page.locator("#id_title").fill("Hội nghị sơ kết 6 tháng đầu năm 2016 của Khối")
    page.locator("#id_period_start").fill("2016")
    page.locator("#id_period_end").fill("2016")
    page.locator("#id_held_on").fill("15/07/2016")
    page.locator("#id_place").fill("Hà Nội")
    page.locator("input[name=_save]").click()

    expect(page.locator(".messagelist")).to_contain_text("Hội nghị sơ kết 6 tháng đầu năm 2016")
    expect(page).to_have_url(re.compile(r"/admin/blocs/event/$"))
    event = Event.objects.get(title="Hội nghị sơ kết 6 tháng đầu năm 2016 của Khối")
    assert event.bloc.name == BLOC
    assert event.held_on.isoformat() == "2016-07-15"
    assert event.history.count() == 1
    assert page.csp_violations == []


def test_the_admin_login_is_throttled_in_the_browser(page, demo):
    for _ in range(5):
        page.goto("/admin/login/")
        page.locator("#id_username").fill("thuky")
        page.locator("#id_password").fill("mat-khau-sai")
        page.locator("input[type=submit]").click()
    page.goto("/admin/login/")
    page.locator("#id_username").fill("thuky")
    page.locator("#id_password").fill("thidua-demo")
    page.locator("input[type=submit]").click()
    expect(page.locator("[role=alert]")).to_contain_text("Đăng nhập sai quá nhiều lần")
