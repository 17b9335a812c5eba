"""Issue 16 in a real browser: a clerk copies the criteria template, enters scores and a ballot
tally; a second person confirms; the clerk releases; a visitor reads the public ranking."""

import re

import pytest
from playwright.sync_api import expect

from blocs.models import Assessment, BlocYear, Membership

pytestmark = pytest.mark.e2e

BLOC = "khoi-tong-cuc-cuc-ban-quy"
YEAR = 2016  # the demo bloc's 2016 roster: two units, no result yet


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()


def test_enter_confirm_release_and_read_the_public_ranking(page, demo, login):
    members = list(
        Membership.objects.filter(bloc_year__bloc__slug=BLOC, year=YEAR)
        .select_related("unit")
        .order_by("order", "pk")
    )
    first, second = members[0].unit, members[1].unit

    login("thuky")
    page.get_by_role("link", name="Bình xét", exact=True).click()
    expect(page.locator("h1")).to_have_text("Bình xét của các khối")
    page.get_by_role("row").filter(has_text=str(YEAR)).get_by_role("link").click()
    page.get_by_label("Sao chép từ").select_option("template")
    page.get_by_role("button", name="Sao chép tiêu chí").click()
    expect(page.get_by_role("status")).to_contain_text("Đã sao chép tiêu chí")
    page.get_by_role("link", name="Nhập kết quả (phiên bản mới)").click()

    # A score above the maximum is refused with the field named; nothing is saved.
    item = "Hoàn thành các nhiệm vụ được giao trong kế hoạch năm"  # max 20
    first_scores = page.get_by_role("group", name=first.name)
    first_scores.get_by_label(f"Khối thống nhất – {item}").fill("21")
    page.get_by_role("button", name="Lưu phiên bản mới").click()
    expect(page.locator(".errorlist")).to_contain_text("vượt điểm tối đa 20")
    assert Assessment.objects.count() == 1  # only the demo's 2015 record

    page.get_by_role("group", name=first.name).get_by_label(f"Khối thống nhất – {item}").fill("18")
    page.get_by_role("group", name=second.name).get_by_label(f"Khối thống nhất – {item}").fill("19")
    page.get_by_label("Số phiếu phát ra").fill("2")
    page.get_by_label("Số phiếu thu về").fill("2")
    page.get_by_label("Số phiếu hợp lệ").fill("2")
    page.get_by_label("Số phiếu không hợp lệ").fill("0")
    page.get_by_label(f"Phiếu Cờ thi đua của Bộ – {second.name}").fill("2")
    page.get_by_role("button", name="Lưu phiên bản mới").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu phiên bản 1")
    # The one who entered it is not offered the confirmation.
    expect(page.get_by_role("link", name="Xác nhận kết quả")).to_have_count(0)
    log_out(page)

    login("admin")
    page.get_by_role("link", name="Bình xét", exact=True).click()
    page.get_by_role("row").filter(has_text=str(YEAR)).get_by_role("link").click()
    page.get_by_role("link", name="Xác nhận kết quả").click()
    page.get_by_label("Tôi xác nhận thực hiện thao tác này").check()
    page.get_by_role("button", name="Xác nhận kết quả").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thực hiện «Xác nhận kết quả»")
    log_out(page)

    login("thuky")
    page.goto(
        "/binh-xet/" + f"phien-ban/{Assessment.objects.get(bloc_year__year=YEAR).pk}/cong-bo/"
    )
    page.get_by_label("Tôi xác nhận thực hiện thao tác này").check()
    page.get_by_role("button", name="Công bố kết quả").click()
    expect(page.locator("dl.facts")).to_contain_text("Đã công bố")
    log_out(page)

    page.goto(BlocYear.objects.get(bloc__slug=BLOC, year=YEAR).bloc.get_absolute_url())
    section = page.locator(".assessment-public")
    expect(section).to_contain_text(f"Kết quả bình xét năm {YEAR}")
    expect(section).to_contain_text(f"Tập thể dẫn đầu khối: {second.name}")
    ranking = section.locator(".assessment-ranking")
    expect(ranking.get_by_role("row").nth(1)).to_contain_text(second.name)
    expect(ranking.get_by_role("row").nth(1)).to_contain_text(re.compile(r"19[,.]00"))
    expect(section.locator(".assessment-ballot")).to_contain_text("100,00%")
    assert page.csp_violations == []
