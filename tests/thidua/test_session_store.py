"""DJANGO_SESSION_STORE: sessions in the database (default), read through the cache, or only in
Redis — never in a cache another worker cannot see."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua import roles
from thidua.settings import session_engine


def test_the_default_store_is_the_database_whatever_the_cache():
    for url in ["file:///tmp/c", "locmem://", "redis://127.0.0.1:6379/0"]:
        assert session_engine("db", url) == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(
    ("store", "url"),
    [
        ("cached_db", "locmem://"),  # each worker its own copy: a logout would not reach the rest
        ("cached_db", "dummy://"),
        ("cache", "file:///tmp/c"),  # culled at its size limit: users would be logged out
        ("cache", "db://t"),
        ("redis", "redis://127.0.0.1:6379/0"),
    ],
)
def test_a_store_the_cache_cannot_share_is_refused_at_startup(store, url):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SESSION_STORE"):
        session_engine(store, url)


def test_sessions_in_redis_or_read_through_a_shared_cache_are_accepted():
    assert session_engine("cache", "redis://h:6379/0").endswith(".cache")
    for url in ["redis://h:6379/0", "file:///var/cache/thidua", "db://thidua_cache"]:
        assert session_engine("cached_db", url).endswith(".cached_db")


@pytest.mark.django_db
def test_a_cached_session_saves_each_staff_request_its_database_read(make_user, settings):
    user = make_user(roles.ADMINISTRATOR)
    client = None

    def session_reads():
        nonlocal client
        client = Client()  # its middleware reads SESSION_ENGINE when first used
        client.force_login(user)
        client.get(reverse("admin:index"))  # the first read fills the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:index")).status_code == 200
        return sum("django_session" in q["sql"] for q in queries.captured_queries)

    assert session_reads() == 1
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert session_reads() == 0

    # Logging out ends the session in the cache too.
    cookie = client.cookies["sessionid"].value
    client.post(reverse("logout"))
    client.cookies["sessionid"] = cookie
    assert client.get(reverse("admin:index")).status_code == 302
