import importlib.util
import io

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import TransactionTestCase

from thidua import roles

from .factories import UserFactory

# Browser tests need the optional `e2e` extra (make e2e); without it they are not collected.
collect_ignore_glob = [] if importlib.util.find_spec("playwright") else ["e2e/*"]


def _flush_then_restore(self, _flush=TransactionTestCase._fixture_teardown):
    """A transactional test ends by emptying the database; put the migrations' rows back at once,
    so the next test sees the database every test starts from, whatever ran before it (the
    suite's order, or a worker of a parallel run, never matters)."""
    _flush(self)
    if self.serialized_rollback:
        for alias in self._databases_names(include_mirrors=False):
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


TransactionTestCase._fixture_teardown = _flush_then_restore


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends; with `serialized_rollback` the next
    one gets the migrations' rows (content types, legal rules) back. Mixing the two makes the
    reload collide with content types recreated by a plain flush: every one must use it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
            )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no page cached or login failure counted before."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # PBKDF2 is slow by design; tests create many accounts and check no password strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    """make_user(role, unit=...) -> a saved staff user in that role group."""

    def make(role=None, **kwargs):
        return UserFactory(roles=[role] if role else [], **kwargs)

    return make


@pytest.fixture
def clerk(make_user):
    return make_user(roles.SECRETARIAT)


@pytest.fixture
def administrator(make_user):
    return make_user(roles.ADMINISTRATOR)


@pytest.fixture
def reviewer(make_user):
    return make_user(roles.REVIEWER)


# --- registry ----------------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    """The demo data of every app, loaded as `manage.py load_demo` does."""
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
