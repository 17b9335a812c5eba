"""The admin index names every app in Vietnamese (QA 3, #12): django-axes' section is «Đăng nhập
và khóa đăng nhập», not its label «Axes»."""

import re

import pytest
from django.apps import apps

from tests.html_text import visible_text

pytestmark = pytest.mark.django_db

AXES_NAME = "Đăng nhập và khóa đăng nhập"


def section_titles(html):
    return [
        re.sub(r"<[^>]+>", "", title).strip()
        for title in re.findall(r"<caption>(.*?)</caption>", html, re.S)
    ]


def test_the_admin_index_shows_axes_in_vietnamese(client, administrator):
    client.force_login(administrator)
    response = client.get("/admin/")
    assert response.status_code == 200
    titles = section_titles(response.content.decode())
    assert AXES_NAME in titles
    assert "Axes" not in titles


def test_the_axes_app_page_is_titled_in_vietnamese(client, administrator):
    client.force_login(administrator)
    html = client.get("/admin/axes/").content.decode()
    assert AXES_NAME in html
    assert not re.search(r"\bAxes\b", visible_text(html))


def test_every_app_in_the_admin_has_a_name_of_its_own(client, administrator):
    """An app without a verbose_name shows its label capitalised (as «Axes» did)."""
    client.force_login(administrator)
    response = client.get("/admin/")
    for app in response.context["app_list"]:
        config = apps.get_app_config(app["app_label"])
        assert str(app["name"]) != config.label.title(), app["app_label"]
