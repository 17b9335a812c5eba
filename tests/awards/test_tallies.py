"""The statistics' counts (awards.tallies): kept equal to the awards they count through every kind of
change, rebuilt once per transaction, and the public statistics read them instead of the awards."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from awards import services, tallies
from awards.models import AwardTally, DecisionKind
from tests.factories import (
    AwardFactory,
    DecisionFactory,
    PersonFactory,
    UnitFactory,
    award_type,
)
from thidua import roles
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def kept():
    return sorted(
        AwardTally.objects.values_list(
            "year", "award_type_id", "bloc_id", "collective", "unit_kind", "count"
        )
    )


def counted():
    return sorted(
        (t.year, t.award_type_id, t.bloc_id, t.collective, t.unit_kind, t.count)
        for t in tallies._rows(None)
    )


def test_every_kind_of_change_keeps_the_tallies_equal_to_the_awards(
    django_capture_on_commit_callbacks, make_user
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = DecisionFactory()
        unit = UnitFactory(kind=UnitKind.INSTITUTE)
        awards = [AwardFactory(decision=decision, unit=unit, year=2021) for _ in range(3)]
        AwardFactory(decision=decision, year=2022, unit=None, person=PersonFactory())
    assert kept() == counted() and sum(row[-1] for row in kept()) == 4

    changes = [
        lambda: AwardFactory(year=2020, award_type=award_type("co-thi-dua-bo")),
        lambda: setattr(awards[0], "year", 2019) or awards[0].save(),  # leaves 2021 for 2019
        lambda: setattr(unit, "kind", UnitKind.UNIVERSITY) or unit.save(),
        lambda: setattr(decision, "is_published", False) or decision.save(),
        lambda: setattr(decision, "is_published", True) or decision.save(),
        lambda: services.revoke(
            awards[1],
            make_user(roles.REVIEWER),
            "Thu hồi thử",
            decision=DecisionFactory(kind=DecisionKind.REVOKE),
        ),
    ]
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert kept() == counted()
    assert {row[0] for row in kept()} >= {2019, 2020, 2021, 2022}


def test_many_awards_in_one_transaction_rebuild_their_year_once(
    django_capture_on_commit_callbacks,
):
    decision = DecisionFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for _ in range(30):
            AwardFactory(decision=decision, year=2023)
    rebuilds = [c for c in callbacks if c is tallies._run_marked]
    assert len(rebuilds) == 1
    rebuilds[0]()
    assert sum(row[-1] for row in kept()) == 30


def test_a_rolled_back_change_leaves_the_next_commit_rebuilding(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                AwardFactory(year=2018)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        AwardFactory(year=2024)
    assert kept() == counted() and {row[0] for row in kept()} == {2024}


@pytest.mark.parametrize("n", [3, 30])
def test_the_public_statistics_read_the_tallies_not_the_awards(
    client, django_capture_on_commit_callbacks, n
):
    with django_capture_on_commit_callbacks(execute=True):
        AwardFactory.create_batch(n, year=2022)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/thong-ke/?year_from=2020").status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "awards_awardtally" in sql and '"awards_award"' not in sql
    assert len(captured.captured_queries) <= 10


def test_the_command_rebuilds_tallies_after_a_write_outside_django():
    AwardFactory.create_batch(2, year=2021)  # this test's transaction never commits: no rebuild
    assert kept() == []
    call_command("refresh_award_tallies", stdout=io.StringIO())
    assert kept() == counted() and sum(row[-1] for row in kept()) == 2
