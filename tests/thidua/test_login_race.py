"""Parallel wrong passwords for one account: no more are checked than the limit allows."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from tests.factories import UserFactory
from units.models import User

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel requests need PostgreSQL"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_wrong_passwords_are_counted_before_more_are_checked(monkeypatch, settings):
    settings.LOGIN_FAILURES_PER_USERNAME = settings.AXES_FAILURE_LIMIT = 5
    UserFactory(username="thuky")
    checked = []
    # Two checks that overlap meet at the barrier; without the per-username lock all eleven
    # would overlap. With it, the first check waits out the timeout alone and breaks the barrier.
    overlap = threading.Barrier(2, timeout=1)
    original = User.check_password

    def counted_check(user, raw_password):
        checked.append(raw_password)
        with contextlib.suppress(threading.BrokenBarrierError):
            overlap.wait()
        return original(user, raw_password)

    monkeypatch.setattr(User, "check_password", counted_check)

    def attempt(n):
        try:
            response = Client().post(
                "/accounts/login/",
                {"username": "thuky", "password": f"sai-{n}"},
                REMOTE_ADDR=f"10.7.0.{n}",
            )
            return response.status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=11) as pool:
        statuses = list(pool.map(attempt, range(11)))

    assert len(checked) == 5
    assert statuses.count(429) == 7  # the fifth failure and the six refused without a check
    assert statuses.count(200) == 4
