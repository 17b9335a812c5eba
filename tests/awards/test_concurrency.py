"""Two reviewers acting on one nomination at the same moment: exactly one succeeds.

Needs real row locks (SELECT ... FOR UPDATE), so it runs on PostgreSQL only; each thread has its
own database connection and the data is committed (a transactional test).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from awards import services
from awards.models import Nomination, Status, Transition

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none)"
    ),
]


def test_two_simultaneous_actions_exactly_one_succeeds(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    barrier = threading.Barrier(2)
    outcomes = {}

    def act(name, step):
        copy = Nomination.objects.get(pk=nomination.pk)  # each reviewer's own page
        barrier.wait()
        try:
            step(copy)
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = " ".join(error.messages)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=act, args=("reject", lambda n: services.reject(n, world.reviewer, "Không đạt"))
        ),
        threading.Thread(
            target=act, args=("return", lambda n: services.return_(n, world.reviewer, "Bổ sung"))
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["reject", "return"]
    successes = [name for name, outcome in outcomes.items() if outcome == "ok"]
    assert len(successes) == 1, outcomes
    loser = "return" if successes == ["reject"] else "reject"
    assert "Hồ sơ đã được người khác xử lý" in outcomes[loser]
    nomination.refresh_from_db()
    assert nomination.status == (Status.REJECTED if successes == ["reject"] else Status.RETURNED)
    assert Transition.objects.filter(nomination=nomination).count() == 1
