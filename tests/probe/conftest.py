"""What every probe module needs: the site's models, admins and pages, found from the registries
(admin.site, the URL resolver), so that a new model, form or page is probed without a new test."""

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import UserFactory

# Routes that are actions, not pages to list (logging out, password pages).
SKIPPED_PREFIXES = ("admin/", "accounts/", "media/", "tep/")


def _routes(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def list_urls():
    """Every route without a parameter: the public lists and the staff lists."""
    urls = set()
    for route in _routes(get_resolver().url_patterns):
        if "<" in route or "(" in route or route.startswith(SKIPPED_PREFIXES):
            continue
        urls.add("/" + route.lstrip("^").rstrip("$"))
    return sorted(urls)


def model_admins():
    """(model, model admin) of every registered model admin."""
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_ids():
    return [model._meta.label for model, _ in model_admins()]


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def admin_client_(client, superuser):
    client.force_login(superuser)
    return client
