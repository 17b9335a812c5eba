"""The statistics page's charts draw in a real browser under the site's CSP, and the API's
documentation page runs from this site's own static files."""

import re

import pytest
from playwright.sync_api import expect

from tests.stats_world import make_world

pytestmark = pytest.mark.e2e


def test_every_statistics_chart_draws_without_a_csp_violation(page, demo):
    make_world(2)
    page.goto("/")
    page.get_by_role("link", name="Thống kê", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Thống kê")
    charts = page.locator("figure.chart")
    assert charts.count() == 6
    for i in range(charts.count()):
        chart = charts.nth(i)
        box = chart.locator("svg.chart-svg").bounding_box()
        assert box and box["width"] > 100 and box["height"] > 10
        bars = chart.locator("rect[data-value]")
        assert bars.count() > 0
        widths = [bars.nth(j).bounding_box()["width"] for j in range(bars.count())]
        assert max(widths) > 10  # drawn to scale, not collapsed
        # The stylesheet colours the bars (a class, never an inline style).
        fill = bars.first.evaluate("el => getComputedStyle(el).fill")
        assert fill not in ("", "none", "rgb(0, 0, 0)")
    page.get_by_label("Từ năm").fill("2023")
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"tu_nam=2023"))
    assert page.csp_violations == []


def test_the_api_documentation_runs_without_a_cdn(page, demo, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/api/v1/docs/")
    expect(page.locator("#swagger-ui .information-container")).to_be_visible()
    expect(page.get_by_text("/api/v1/awards/").first).to_be_visible()
    assert requested and all(url.startswith((live_server.url, "data:")) for url in requested), (
        requested
    )
