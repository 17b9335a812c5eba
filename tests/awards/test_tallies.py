"""The statistics' counts (awards.tallies): kept equal to the awards and nominations they count
through every kind of change, rebuilt once per transaction, and the statistics read them instead of
the awards and nominations."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from awards import services, statistics, tallies
from awards.models import (
    AwardBlocTally,
    AwardTally,
    AwardTypeTally,
    DecisionKind,
    DecisionTimeTally,
    NominationTally,
    Status,
)
from tests.factories import (
    AwardFactory,
    BlocFactory,
    DecisionFactory,
    NominationFactory,
    PersonFactory,
    TransitionFactory,
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


def kept_sums():
    return (
        sorted(
            AwardTypeTally.objects.values_list(
                "year", "award_type_id", "collective", "unit_kind", "count"
            )
        ),
        sorted(
            AwardBlocTally.objects.values_list("year", "bloc_id", "collective", "flag", "count")
        ),
    )


def counted_sums():
    """The sums computed afresh from the awards, not from the kept AwardTally rows."""
    by_type, by_bloc = Counter(), Counter()
    for award in statistics.awards_in_effect().select_related("award_type", "unit"):
        collective = award.unit_id is not None
        kind = award.unit.kind if collective else ""
        by_type[award.year, award.award_type_id, collective, kind] += 1
        if award.bloc_id is not None:
            flag = award.award_type.slug.startswith("co-thi-dua")
            by_bloc[award.year, award.bloc_id, collective, flag] += 1
    return (
        sorted((*key, n) for key, n in by_type.items()),
        sorted((*key, n) for key, n in by_bloc.items()),
    )


def assert_kept():
    assert kept() == counted()
    assert kept_sums() == counted_sums()


def test_every_kind_of_change_keeps_the_tallies_equal_to_the_awards(
    django_capture_on_commit_callbacks, make_user
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = DecisionFactory()
        unit = UnitFactory(kind=UnitKind.INSTITUTE)
        awards = [AwardFactory(decision=decision, unit=unit, year=2021) for _ in range(3)]
        AwardFactory(decision=decision, year=2022, unit=None, person=PersonFactory())
    assert_kept()
    assert sum(row[-1] for row in kept()) == 4

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
        lambda: awards[2].delete(),
        lambda: AwardFactory(year=2021, bloc=None),
    ]
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert_kept()
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


def test_a_rebuild_deletes_a_years_counts_in_one_statement_and_renews_the_cached_pages(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    with django_capture_on_commit_callbacks(execute=True):
        for bloc in BlocFactory.create_batch(8):
            AwardFactory(year=2023, bloc=bloc)
    assert client.get("/thong-ke/")["X-Page-Cache"] == "miss"
    assert client.get("/thong-ke/")["X-Page-Cache"] == "hit"
    with CaptureQueriesContext(connection) as captured:
        tallies.refresh([2023])
    statements = [q["sql"] for q in captured.captured_queries]
    deletes = [sql for sql in statements if sql.startswith("DELETE")]
    # One statement per kept table, by year: the rows are not read and deleted one by one.
    assert len(deletes) == 3 and all('."year" IN' in sql for sql in deletes)
    assert not [sql for sql in statements if sql.startswith('SELECT "awards_awardtally"."id"')]
    # A page rendered from the counts before the rebuild is not served after it.
    assert client.get("/thong-ke/")["X-Page-Cache"] == "miss"
    assert_kept()


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
    assert_kept()
    assert {row[0] for row in kept()} == {2024}


@pytest.mark.parametrize("n", [3, 30])
def test_the_public_statistics_read_the_kept_sums_not_the_awards(
    client, django_capture_on_commit_callbacks, n
):
    with django_capture_on_commit_callbacks(execute=True):
        AwardFactory.create_batch(n, year=2022)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/thong-ke/?year_from=2020").status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "awards_awardtypetally" in sql and "awards_awardbloctally" in sql
    assert '"awards_award"' not in sql and '"awards_awardtally"' not in sql
    assert len(captured.captured_queries) <= 10


def test_a_chosen_bloc_reads_the_full_tallies(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        award = AwardFactory(year=2022, bloc=BlocFactory())
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/thong-ke/?bloc={award.bloc_id}").status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert '"awards_awardtally"' in sql and '"awards_award"' not in sql
    assert len(captured.captured_queries) <= 10


@pytest.mark.parametrize(
    "params",
    [{}, {"year_from": "2021", "year_to": "2022"}, {"award_type": "flag"}, {"bloc": "first"}],
)
def test_every_source_gives_the_tables_counted_from_the_awards(
    django_capture_on_commit_callbacks, params
):
    """The kept tallies, whichever the filters pick, give the tables the awards themselves give."""
    blocs = [BlocFactory(), BlocFactory()]
    flag = award_type("co-thi-dua-bo")
    with django_capture_on_commit_callbacks(execute=True):
        for year, bloc, kind in [(2021, 0, "flag"), (2022, 1, "flag"), (2022, 0, "other")]:
            AwardFactory(
                year=year,
                bloc=blocs[bloc],
                award_type=flag if kind == "flag" else award_type("lao-dong-tien-tien"),
                unit=None if kind == "other" else UnitFactory(),
                person=PersonFactory() if kind == "other" else None,
            )
        AwardFactory(year=2020, bloc=None)
    params = dict(params)
    if params.get("award_type") == "flag":
        params["award_type"] = str(flag.pk)
    if params.get("bloc") == "first":
        params["bloc"] = str(blocs[0].pk)
    filterset = statistics.statistics_filter(params)
    kept_tables = statistics.public_statistics(filterset)
    awards = statistics.awards_in_effect()
    if "year_from" in params:
        awards = awards.filter(year__gte=2021, year__lte=2022)
    if "award_type" in params:
        awards = awards.filter(award_type=flag)
    if "bloc" in params:
        awards = awards.filter(bloc=blocs[0])
    types = {t.pk: t for t in statistics.AwardType.objects.all()}
    names = dict(statistics.Bloc.objects.values_list("pk", "name"))
    counts = statistics.type_year_counts(awards)
    fresh = [
        statistics.by_year_and_level(counts, types),
        statistics.by_award_type(counts, types),
        statistics.by_year_and_recipient(counts),
        statistics.by_bloc(awards, names),
        statistics.by_unit_kind(awards),
        statistics.flags_by_bloc(awards, names),
    ]
    assert [t.rows for t in kept_tables[:6]] == [t.rows for t in fresh]
    assert any(t.rows for t in fresh)


def test_an_award_type_moved_in_or_out_of_the_flags_moves_its_counts(
    django_capture_on_commit_callbacks,
):
    other = award_type("lao-dong-tien-tien")
    with django_capture_on_commit_callbacks(execute=True):
        AwardFactory(year=2022, award_type=other, bloc=BlocFactory())
    for slug in ("co-thi-dua-thu", "lao-dong-tien-tien"):
        with django_capture_on_commit_callbacks(execute=True):
            other.slug = slug
            other.save()
        assert_kept()
        assert AwardBlocTally.objects.get().flag is slug.startswith("co-thi-dua")


# --- the staff statistics' tallies ---------------------------------------------------------------


def kept_nominations():
    return (
        sorted(NominationTally.objects.values_list("year", "status", "count")),
        sorted(DecisionTimeTally.objects.values_list("year", "count", "mean", "longest")),
    )


def counted_nominations():
    """Counted afresh from the nominations and their log, as the staff page once did."""
    from awards.models import Nomination, Transition

    statuses = Counter(Nomination.objects.values_list("year", "status"))
    times = {}
    for t in Transition.objects.filter(action__in=["grant", "reject"]).select_related("nomination"):
        submits = t.nomination.transitions.filter(action="submit").values_list("at", flat=True)
        if submits:
            times.setdefault(t.nomination.year, []).append(t.at - min(submits))
    return (
        sorted((*key, n) for key, n in statuses.items()),
        sorted(
            (year, len(v), sum(v, datetime.timedelta()) / len(v), max(v))
            for year, v in times.items()
        ),
    )


def test_the_staff_tallies_follow_every_change_of_nominations_and_their_log(
    django_capture_on_commit_callbacks,
):
    start = datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        first = NominationFactory(year=2023, status=Status.SUBMITTED)
        TransitionFactory(nomination=first, action="submit", at=start)
        second = NominationFactory(year=2023, status=Status.DRAFT)
    assert kept_nominations() == counted_nominations()
    day = datetime.timedelta(days=1)
    changes = [
        lambda: TransitionFactory(nomination=first, action="grant", at=start + 3 * day),
        lambda: setattr(first, "status", Status.GRANTED) or first.save(),
        lambda: TransitionFactory(nomination=second, action="submit", at=start + day),
        lambda: TransitionFactory(nomination=second, action="reject", at=start + 11 * day),
        lambda: setattr(second, "year", 2022) or second.save(),  # its decision moves along
        lambda: second.transitions.filter(action="reject").get().delete(),
        lambda: TransitionFactory(nomination=second, action="submit", at=start - day),
        lambda: TransitionFactory(nomination=second, action="grant", at=start + 5 * day),
        lambda: NominationFactory(year=2021).delete(),
    ]
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert kept_nominations() == counted_nominations()
    statuses, times = kept_nominations()
    assert [row[:3] for row in times] == [(2022, 1, 6 * day), (2023, 1, 3 * day)]
    assert {row[0] for row in statuses} == {2022, 2023}


def test_a_workflow_step_rebuilds_only_the_status_counts(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        nomination = NominationFactory(year=2023)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        nomination.status = Status.IN_REVIEW
        nomination.save()
        TransitionFactory(nomination=nomination, action="start_review")
    assert [c for c in callbacks if c is tallies._run_marked]
    marked = transaction.get_connection().__dict__.get("_tally_years", {})
    assert marked == {"statuses": {2023}}
    callbacks[-1]()


def test_the_command_rebuilds_tallies_after_a_write_outside_django():
    AwardFactory.create_batch(2, year=2021)  # this test's transaction never commits: no rebuild
    nomination = NominationFactory(year=2021)
    TransitionFactory(nomination=nomination, action="submit")
    TransitionFactory(nomination=nomination, action="grant")
    assert kept() == [] and kept_nominations() == ([], [])
    call_command("refresh_award_tallies", stdout=io.StringIO())
    assert_kept()
    assert sum(row[-1] for row in kept()) == 2
    assert kept_nominations() == counted_nominations() and kept_nominations()[1]
