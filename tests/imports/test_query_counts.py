"""The imports' reads do not grow with the file: a rule checked on every row (bloc members, foreign
keys, check constraints, today's legal regime) is read once per file (thidua.batch), so only each
row's own writes remain. A query per row made a 10,000-row file take many minutes at full scale."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from awards.imports import DecisionImporter, ProposalImporter
from awards.management.commands.bench_imports import Command, _workbook
from awards.models import AwardType, Nomination
from thidua.imports import run

pytestmark = pytest.mark.django_db

# SAVEPOINT, nomination + its history row, «create» transition + its history row, RELEASE.
WRITES_PER_PROPOSAL = 6
# Person + history (and its slug checks: free_slug, unique slug), award + history.
WRITES_PER_DECISION_ROW = 6


def _queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def _proposals(count, world):
    clerk, bloc, year, units, types = world
    header = [c.header for c in ProposalImporter.columns[:2]]
    rows = [header] + [
        [types[i % len(types)].name, units[i // len(types)].name] for i in range(count)
    ]
    return _workbook(rows), {"bloc": bloc, "year": year}, clerk


def _run(count, world, step):
    data, options, clerk = _proposals(count, world)
    with transaction.atomic():
        queries = _queries(lambda: step(ProposalImporter(), data, "p.xlsx", options, clerk))
        transaction.set_rollback(True)
    return queries


def _warm(world):
    """A first import reads what is cached on the user afterwards (their roles)."""
    _run(1, world, run.confirm)
    return world


def test_proposals_preview_and_confirm_read_once_per_file():
    world = _warm(Command()._world(40))
    assert _run(10, world, run.preview) == _run(40, world, run.preview)
    small, large = _run(10, world, run.confirm), _run(40, world, run.confirm)
    assert large - small == 30 * WRITES_PER_PROPOSAL


def test_proposals_confirm_reads_do_not_grow_with_the_database():
    world = _warm(Command()._world(10))
    before = _run(10, world, run.confirm)
    # More drafts of the bloc's members in the database (other years): same queries.
    clerk, bloc, year, units, types = world
    Nomination.objects.bulk_create(
        Nomination(award_type=t, unit=u, year=y, bloc=bloc)
        for y in (year - 2, year - 1)
        for u in units
        for t in types
    )
    assert _run(10, world, run.confirm) == before


def _decision(count):
    award = AwardType.objects.get(slug="bang-khen-bo-truong").name
    header = ["Số quyết định", "Ngày quyết định", "Loại khen thưởng", "Cá nhân", "Năm thành tích"]
    rows = [header] + [
        ["99/QĐ-THU-NGHIEM", "31/12/2015", award, f"Cá nhân thử nghiệm {i}", 2015]
        for i in range(count)
    ]
    return _workbook(rows)


def test_decision_preview_and_confirm_read_once_per_file():
    clerk = Command()._world(1)[0]

    def count(rows, step):
        data = _decision(rows)
        with transaction.atomic():
            queries = _queries(lambda: step(DecisionImporter(), data, "d.xlsx", {}, clerk))
            transaction.set_rollback(True)
        return queries

    count(1, run.confirm)  # warm: the user's roles
    assert count(5, run.preview) == count(20, run.preview)
    assert count(20, run.confirm) - count(5, run.confirm) == 15 * WRITES_PER_DECISION_ROW
