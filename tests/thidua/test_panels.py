"""Other apps add sections to the registry pages through thidua.panels, unknown to this code."""

import pytest

from tests.factories import MembershipFactory, PositionFactory
from thidua import panels
from thidua.panels import Panel, register_panel

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_panels(monkeypatch):
    """Registers a test panel on every registry page; the registry is restored afterwards."""
    monkeypatch.setattr(panels, "_panels", {k: list(v) for k, v in panels._panels.items()})
    seen = []

    for page in ["year", "bloc", "unit", "person"]:

        def add(obj, request, page=page):
            seen.append((page, obj))
            return Panel("thidua/test_panel.html", {"label": f"Bảng thử {page}"}, order=99)

        register_panel(page)(add)
    return seen


def test_year_bloc_unit_and_person_pages_render_registered_panels(
    client, extra_panels, settings, tmp_path
):
    (tmp_path / "thidua").mkdir()
    (tmp_path / "thidua" / "test_panel.html").write_text(
        "<section class='test-panel'>{{ panel.context.label }}</section>", encoding="utf-8"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    membership = MembershipFactory(bloc_year__year=2019)
    person = PositionFactory(unit=membership.unit).person
    pages = {
        "year": "/nam/2019/",
        "bloc": membership.bloc_year.bloc.get_absolute_url(),
        "unit": membership.unit.get_absolute_url(),
        "person": person.get_absolute_url(),
    }
    for page, url in pages.items():
        html = client.get(url).content.decode()
        assert f"<section class='test-panel'>Bảng thử {page}</section>" in html, url
    objects = dict(extra_panels)
    assert objects["year"] == 2019
    assert objects["bloc"] == membership.bloc_year.bloc
    assert objects["unit"] == membership.unit
    assert objects["person"] == person


def test_panel_returning_none_is_left_out():
    register = {"unit": [lambda obj, request: None]}
    original = panels._panels
    panels._panels = register
    try:
        assert panels.panels_for("unit", object(), None) == []
    finally:
        panels._panels = original
