"""Issue 16: two people confirming one bloc-year's result at the same moment: exactly one
succeeds, the other gets a Vietnamese refusal. Needs real row locks: PostgreSQL only."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from blocs.assessments import services
from blocs.models import Assessment, BallotSubject, LeadingUnit
from tests.factories import UserFactory, assessment_world
from thidua import roles

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none)"
    ),
]


def run_together(actions):
    """Runs {name: callable} in threads released at the same moment; {name: "ok" or message}."""
    barrier = threading.Barrier(len(actions))
    outcomes = {}

    def act(name, action):
        try:
            barrier.wait()
            action()
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = " ".join(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=item) for item in actions.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_simultaneous_confirmations_exactly_one_succeeds():
    bloc_year, units, items = assessment_world(members=3, items=2)
    clerk, first, second = (UserFactory(roles=[roles.SECRETARIAT]) for _ in range(3))
    entry = services.Entry(
        scores={(u.pk, i.pk): ("5", str(n), "") for n, u in enumerate(units) for i in items},
        votes={},
    )
    older = services.enter(bloc_year, clerk, entry)
    newer = services.enter(bloc_year, clerk, entry)
    outcomes = run_together(
        {
            # Each confirmer's own page copy of the latest version.
            "first": lambda: services.confirm(Assessment.objects.get(pk=newer.pk), first),
            "second": lambda: services.confirm(Assessment.objects.get(pk=newer.pk), second),
        }
    )
    assert sorted(o == "ok" for o in outcomes.values()) == [False, True], outcomes
    loser = next(o for o in outcomes.values() if o != "ok")
    assert "Kết quả bình xét đã được người khác xử lý" in loser
    assert Assessment.objects.filter(confirmed_by__isnull=False).count() == 1
    assert list(LeadingUnit.objects.values_list("unit_id", flat=True)) == [units[2].pk]
    older.refresh_from_db()
    assert older.confirmed_by is None


def test_confirming_two_versions_at_once_confirms_one():
    bloc_year, units, items = assessment_world(members=2, items=1)
    clerk, confirmer = (
        UserFactory(roles=[roles.SECRETARIAT]),
        UserFactory(roles=[roles.SECRETARIAT]),
    )
    entry = services.Entry(votes={(BallotSubject.LEADING, units[0].pk): "x"})
    one = services.enter(bloc_year, clerk, entry)
    two = services.enter(bloc_year, clerk, entry)
    outcomes = run_together(
        {
            "one": lambda: services.confirm(Assessment.objects.get(pk=one.pk), confirmer),
            "two": lambda: services.confirm(Assessment.objects.get(pk=two.pk), confirmer),
        }
    )
    assert outcomes["two"] == "ok" and outcomes["one"] != "ok"  # only the latest is confirmable
    assert Assessment.objects.filter(confirmed_by__isnull=False).count() == 1
