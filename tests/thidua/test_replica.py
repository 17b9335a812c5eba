"""Which requests read from the replica (DATABASE_REPLICA_URL): anonymous public pages only."""

import logging

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from thidua import replica
from thidua.replica import PublicReadReplicaMiddleware, ReplicaRouter
from units.models import Unit

# The router reads only the key "replica"; its connection is a stand-in (no database is opened).
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


class Replica:
    """The replica's connection: `reachable` or not (restarting, cut off)."""

    def __init__(self, reachable=True):
        self.reachable, self.attempts = reachable, 0

    def ensure_connection(self):
        self.attempts += 1
        if not self.reachable:
            raise OperationalError("connection refused")


@pytest.fixture
def with_replica(settings, monkeypatch):
    settings.DATABASES = {**django_settings.DATABASES, "replica": {"ENGINE": "x"}}
    monkeypatch.setattr(replica, "connections", {"replica": Replica()})
    monkeypatch.setattr(replica, "_paused_until", 0.0)


def read_alias(request):
    seen = []

    def view(request):
        seen.append(ReplicaRouter().db_for_read(Unit))
        return HttpResponse()

    PublicReadReplicaMiddleware(view)(request)
    return seen[0]


def test_an_anonymous_public_page_reads_from_the_replica(with_replica):
    assert read_alias(RequestFactory().get("/don-vi/")) == "replica"
    assert ReplicaRouter().db_for_read(Unit) is None  # only while that request runs


@pytest.mark.parametrize(
    "path", ["/admin/units/unit/", "/khen-thuong/tham-dinh/", "/accounts/login/"]
)
def test_staff_and_login_pages_read_from_the_primary(with_replica, path):
    assert read_alias(RequestFactory().get(path)) is None


def test_a_signed_in_visitor_reads_their_own_writes_from_the_primary(with_replica):
    request = RequestFactory().get("/don-vi/")
    request.COOKIES[django_settings.SESSION_COOKIE_NAME] = "abc"
    assert read_alias(request) is None


def test_a_post_never_reads_from_the_replica(with_replica):
    assert read_alias(RequestFactory().post("/tim-kiem/")) is None


def test_without_a_replica_setting_everything_reads_from_default():
    assert read_alias(RequestFactory().get("/don-vi/")) is None


def test_writes_and_migrations_stay_on_the_primary(with_replica):
    router = ReplicaRouter()
    assert router.db_for_write(Unit) == "default"
    assert router.allow_migrate("replica", "units") is False
    assert router.allow_migrate("default", "units") is True


@pytest.fixture
def replica_lost(with_replica, monkeypatch):
    lost = Replica(reachable=False)
    monkeypatch.setattr(replica, "connections", {"replica": lost})
    return lost


def test_an_unreachable_replica_sends_public_pages_to_the_primary(replica_lost, caplog):
    with caplog.at_level(logging.ERROR, logger="thidua.replica"):
        assert read_alias(RequestFactory().get("/don-vi/")) is None
        assert read_alias(RequestFactory().get("/khoi/")) is None
    # Found out once, then left alone for a while: no connection attempt per page.
    assert replica_lost.attempts == 1
    assert len(caplog.records) == 1
    assert "Read replica unreachable" in caplog.records[0].getMessage()


def test_the_replica_is_tried_again_after_the_pause(replica_lost, monkeypatch):
    read_alias(RequestFactory().get("/don-vi/"))
    monkeypatch.setattr(replica, "_paused_until", 0.0)  # the pause is over
    replica_lost.reachable = True
    assert read_alias(RequestFactory().get("/don-vi/")) == "replica"
    assert replica_lost.attempts == 2
