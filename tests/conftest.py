import importlib.util

import pytest
from django.core.cache import caches

from thidua import roles

from .factories import UserFactory

# Browser tests need the optional `e2e` extra (make e2e); without it they are not collected.
collect_ignore_glob = [] if importlib.util.find_spec("playwright") else ["e2e/*"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no page cached or login failure counted before."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


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
