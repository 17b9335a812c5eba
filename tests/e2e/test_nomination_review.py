"""Issue 5: a bloc leader submits a nomination and a reviewer returns it with a reason, in a real
browser, on the demo data (the 2015 proposals of the bloc are draft nominations)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

RECIPIENT = "Cục Thông tin KH&CN Quốc gia"
AWARD = "Cờ thi đua của Bộ"
REASON = "Thiếu biên bản họp bình xét của Khối; đề nghị bổ sung."


def open_staff_page(page, link, heading):
    """Follows a staff page's link on the public awards page; returns the chosen nomination's
    row there, which must be listed once."""
    page.goto("/khen-thuong/")
    page.get_by_role("link", name=link).click()
    expect(page.locator("h1")).to_have_text(heading)
    row = page.get_by_role("row").filter(has_text=RECIPIENT).filter(has_text=AWARD)
    expect(row).to_have_count(1)
    return row


def confirm(page, button):
    """Ticks the confirmation box of an action page and performs the action."""
    page.get_by_label("Tôi xác nhận thực hiện thao tác này").check()
    page.get_by_role("button", name=button).click()


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()


def test_leader_submits_and_reviewer_returns_with_a_reason(page, demo, login):
    # The bloc leader finds the 2015 drafts on the dashboard, reached from the awards page.
    login("khoitruong")
    # 2015 is the only year the demo leader unit leads the bloc: the dashboard opens on it.
    row = open_staff_page(page, "Hồ sơ khen thưởng của khối", "Hồ sơ khen thưởng của khối năm 2015")
    expect(row).to_contain_text("Dự thảo")

    # Submitting asks for a confirmation first.
    row.get_by_role("link", name="Gửi hồ sơ", exact=True).click()
    expect(page.locator("h1")).to_have_text("Gửi hồ sơ")
    page.get_by_role("button", name="Gửi hồ sơ").click()
    expect(page.locator(".errorlist")).to_contain_text("Cần đánh dấu ô xác nhận")
    confirm(page, "Gửi hồ sơ")
    expect(page.get_by_role("status")).to_contain_text("Đã thực hiện «Gửi hồ sơ»")
    expect(page.locator("dl.facts")).to_contain_text("Đã gửi")
    log_out(page)

    # The reviewer finds it in the queue, starts the review and returns it with a reason.
    login("tdkt")
    row = open_staff_page(page, "Thẩm định hồ sơ", "Thẩm định hồ sơ khen thưởng")
    expect(row).to_contain_text("Đã gửi")
    row.get_by_role("link", name=re.compile(AWARD)).click()
    expect(page.locator("h1")).to_contain_text(RECIPIENT)

    page.get_by_role("link", name="Bắt đầu thẩm định").click()
    confirm(page, "Bắt đầu thẩm định")
    expect(page.locator("dl.facts")).to_contain_text("Đang thẩm định")

    page.get_by_role("link", name="Trả lại hồ sơ để bổ sung").click()
    confirm(page, "Trả lại hồ sơ để bổ sung")
    expect(page.locator(".errorlist")).to_contain_text("Cần ghi lý do cho thao tác này.")
    page.get_by_label("Lý do (bắt buộc)").fill(REASON)
    confirm(page, "Trả lại hồ sơ để bổ sung")
    expect(page.locator("dl.facts")).to_contain_text("Trả lại để bổ sung")
    expect(page.get_by_role("table")).to_contain_text(REASON)
    log_out(page)

    # The bloc leader sees the returned status and the reviewer's reason on the dashboard.
    login("khoitruong")
    page.goto("/khen-thuong/khoi/?nam=2015")
    row = page.get_by_role("row").filter(has_text=RECIPIENT).filter(has_text=AWARD)
    expect(row).to_contain_text("Trả lại để bổ sung")
    expect(row).to_contain_text(REASON)
    assert page.csp_violations == []
