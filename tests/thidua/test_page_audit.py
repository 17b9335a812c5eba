"""Every page of the demo, as the public and as each demo account reaches it by following links:
none answers 5xx, and each runs no more queries than its declared bound (thidua/query_bounds.py:
ten, or more with the reason written there)."""

import pytest

from thidua import page_audit
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker):
    """The crawl of every visitor, made once for the tests below (in a transaction undone after)."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        users = User.objects.filter(is_staff=True, is_active=True).order_by("pk")
        found = page_audit.audit(users, per_name=1)
        transaction.set_rollback(True)
    return found


def test_every_visitor_reaches_the_pages_meant_for_them(visits):
    assert set(visits) == {page_audit.ANONYMOUS, "admin", "thuky", "khoitruong", "tdkt"}
    reached = {who: {v.name for v in found} for who, found in visits.items()}
    assert {"home", "blocs:event", "awards:list", "units:detail"} <= reached[page_audit.ANONYMOUS]
    assert not any(
        name.startswith("admin:") for name in reached[page_audit.ANONYMOUS] if name != "admin:login"
    )
    assert {"awards:dashboard", "awards:detail"} <= reached["khoitruong"]
    assert {"awards:queue", "awards:statistics"} <= reached["tdkt"]
    assert {"admin:blocs_event_change", "blocs:assessment_enter"} <= reached["thuky"]
    assert len(reached["admin"]) > 100


def test_no_page_answers_a_server_error(visits):
    errors = [(who, v.url, v.status) for who, found in visits.items() for v in found]
    failed = [e for e in errors if e[2] >= 500]
    assert not failed, failed


def test_every_page_keeps_its_declared_query_bound(visits):
    over = [
        f"{who} {v.url} ({v.name}): {v.queries} > {v.bound}"
        for who, found in visits.items()
        for v in found
        if v.over_bound
    ]
    assert not over, "\n".join(over)


def test_every_start_page_is_a_page_of_the_site():
    """A start page the site does not have (once `/nhap-du-lieu/`, the imports being at
    `/nhap-excel/`) is crawled as a 404 and counted as a kind of page of its own."""
    from urllib.parse import urlsplit

    from django.urls import Resolver404, resolve

    missing = []
    for url in {*page_audit.PUBLIC_START, *page_audit.STAFF_START}:
        try:
            resolve(urlsplit(url).path)
        except Resolver404:
            missing.append(url)
    assert not missing, missing
