"""Which requests read from the replica (DATABASE_REPLICA_URL): anonymous public pages only."""

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import RequestFactory

from thidua.replica import PublicReadReplicaMiddleware, ReplicaRouter
from units.models import Unit

# Only the key "replica" is read (by the router); no connection is made to it here.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**django_settings.DATABASES, "replica": {"ENGINE": "x"}}


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
