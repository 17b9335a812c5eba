"""Redis down (a restart, a network cut): the site keeps answering, rendering pages afresh, and says
so in its log once per pause — never a 500 on every public page."""

import logging
import socket

import pytest
from django.core.cache import caches
from django.urls import reverse

from ..factories import BlocYearFactory


@pytest.fixture
def dead_redis_url():
    """The address of a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def redis_down(settings, dead_redis_url):
    settings.CACHES = {
        part: {"BACKEND": "thidua.cache_backends.FailOpenRedisCache", "LOCATION": dead_redis_url}
        for part in ("default", "pages", "sessions")
    }
    settings.PAGE_CACHE_ENABLED = True
    yield
    for part in ("default", "pages", "sessions"):
        caches[part].close()


def test_an_unreachable_redis_is_a_miss_and_writes_are_dropped(redis_down, caplog):
    cache = caches["default"]
    with caplog.at_level(logging.ERROR, logger="thidua.cache_backends"):
        assert cache.get("k", "absent") == "absent"
        assert cache.add("k", 1) is False
        cache.set("k", 1)
        assert cache.get_many(["k"]) == {}
        assert cache.get_or_set("years", lambda: [2024, 2025]) == [2024, 2025]
        cache.delete("k")
    # Logged once: after a failure the process leaves Redis alone for a few seconds.
    assert len(caplog.records) == 1
    assert "Redis unreachable" in caplog.records[0].getMessage()


def test_after_the_pause_redis_is_tried_again(redis_down, monkeypatch, caplog):
    cache = caches["default"]
    with caplog.at_level(logging.ERROR, logger="thidua.cache_backends"):
        cache.get("k")
        cache._paused_until = 0.0  # the pause is over
        cache.get("k")
    assert len(caplog.records) == 2


@pytest.mark.django_db
def test_public_pages_and_the_api_answer_while_redis_is_down(client, redis_down):
    bloc_year = BlocYearFactory(year=2024)
    for path in (
        reverse("home"),
        reverse("blocs:bloc", args=[bloc_year.bloc.slug]),
        "/api/v1/blocs/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    assert bloc_year.bloc.name in client.get(reverse("home")).content.decode()


def test_the_settings_use_it_for_a_redis_url():
    from thidua.settings import cache_from_url

    config = cache_from_url("redis://10.0.0.5:6379/0", "pages")
    assert config["BACKEND"] == "thidua.cache_backends.FailOpenRedisCache"
    assert config["OPTIONS"]["socket_connect_timeout"] <= 2
