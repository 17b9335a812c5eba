"""What search engines are told, and the account pages that exist."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_robots_keep_crawlers_out_of_the_staff_pages_and_point_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for prefix in ["/admin/", "/accounts/", "/khen-thuong/khoi/", "/khen-thuong/tham-dinh/"]:
        assert f"Disallow: {prefix}" in lines
    assert "Disallow: /khen-thuong/" not in lines  # the public awards stay readable
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"
    assert client.get("/sitemap.xml").status_code == 200


def test_the_staff_prefixes_are_never_cached(settings):
    assert set(settings.STAFF_PATH_PREFIXES) <= set(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


@pytest.mark.parametrize(
    "path", ["/accounts/password_reset/", "/accounts/password_change/", "/accounts/reset/done/"]
)
def test_no_password_pages_outside_the_admin(client, path):
    # No e-mail leaves this system: an administrator resets a password, a user changes theirs
    # on the admin's page (in Vietnamese, tested with the admin).
    assert client.get(path).status_code == 404


def test_the_login_link_on_the_login_page_keeps_the_page_to_return_to(client):
    page = client.get("/accounts/login/?next=/khoi/").content.decode()
    assert 'href="/accounts/login/?next=/khoi/"' in page
    assert "next=/accounts/login/" not in page and "%3Fnext" not in page
    elsewhere = client.get("/khoi/").content.decode()
    assert 'href="/accounts/login/?next=/khoi/"' in elsewhere


def test_logout_still_ends_the_session(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert settings.LOGOUT_REDIRECT_URL == "home"
