"""Two reviewers acting on one nomination at the same moment: exactly one succeeds.

Needs real row locks (SELECT ... FOR UPDATE), so it runs on PostgreSQL only; each thread has its
own database connection and the data is committed (a transactional test).
"""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from awards import services, tallies
from awards.models import Award, AwardTally, Decision, Nomination, Status, Transition
from blocs.models import Event
from tests.factories import AwardFactory, EventFactory, ProposalFactory, UnitFactory, award_type
from tests.threads import together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none)"
    ),
]


def runtogether(steps):
    """Runs {name: (nomination, step)} in threads released at the same moment; returns
    {name: "ok" or the error message}."""
    barrier = threading.Barrier(len(steps))
    outcomes = {}

    def act(name, pk, step):
        copy = Nomination.objects.get(pk=pk)  # each user's own page
        barrier.wait()
        try:
            step(copy)
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = " ".join(error.messages)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=(name, nomination.pk, step))
        for name, (nomination, step) in steps.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_simultaneous_actions_exactly_one_succeeds(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    outcomes = runtogether(
        {
            "reject": (nomination, lambda n: services.reject(n, world.reviewer, "Không đạt")),
            "return": (nomination, lambda n: services.return_(n, world.reviewer, "Bổ sung")),
        }
    )

    assert sorted(outcomes) == ["reject", "return"]
    successes = [name for name, outcome in outcomes.items() if outcome == "ok"]
    assert len(successes) == 1, outcomes
    loser = "return" if successes == ["reject"] else "reject"
    assert "Hồ sơ đã được người khác xử lý" in outcomes[loser]
    nomination.refresh_from_db()
    assert nomination.status == (Status.REJECTED if successes == ["reject"] else Status.RETURNED)
    assert Transition.objects.filter(nomination=nomination).count() == 1


def waiting_on_a_lock(deadline_seconds=10):
    """True once another connection waits for a lock (polls pg_locks, a live view)."""
    deadline = time.monotonic() + deadline_seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0]:
                return True
    return False


def test_a_submit_waits_for_a_concurrent_one_and_then_sees_the_quota_full(world, nominate):
    # Two units of the bloc; the bloc may send 1 ministry flag a year.
    first, second = nominate(), nominate(unit=world.member_unit)
    outcome = {}

    def submit_second():
        try:
            services.submit(Nomination.objects.get(pk=second.pk), world.leader)
            outcome["second"] = "ok"
        except ValidationError as error:
            outcome["second"] = " ".join(error.messages)
        finally:
            connections.close_all()

    thread = threading.Thread(target=submit_second)
    with transaction.atomic():
        services.submit(first, world.leader)  # checked, written, not yet committed
        thread.start()
        assert waiting_on_a_lock(), "the second submit must wait for the first"
    thread.join()
    assert "Mỗi khối thi đua đề nghị tối đa 1 Cờ thi đua của Bộ" in outcome["second"]
    second.refresh_from_db()
    assert second.status == Status.DRAFT


def test_a_review_step_waits_for_a_concurrent_one_on_the_same_row(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    page_copy = Nomination.objects.get(pk=nomination.pk)  # the second reviewer's open page
    outcome = {}

    def second_reviewer():
        try:
            services.return_(page_copy, world.reviewer, "Bổ sung")
            outcome["return"] = "ok"
        except ValidationError as error:
            outcome["return"] = " ".join(error.messages)
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_reviewer)
    with transaction.atomic():
        services.reject(nomination, world.reviewer, "Không đạt")
        thread.start()
        assert waiting_on_a_lock(), "the second step must wait on the row lock"
    thread.join()
    assert (
        "Hồ sơ đã được người khác xử lý (trạng thái hiện tại: «Không đề nghị»)" in outcome["return"]
    )


def test_two_grants_under_one_new_decision_number_share_one_decision(world, nominate):
    first = nominate(status=Status.RECOMMENDED)
    second = nominate(status=Status.RECOMMENDED, unit=world.member_unit)
    fields = {"number": "77/QĐ-BKHCN", "issued_on": datetime.date(2026, 1, 20)}

    def grant(pk):
        return lambda: services.decide(
            Nomination.objects.get(pk=pk), world.reviewer, signer_name="Người ký", **fields
        )

    results = together(grant(first.pk), grant(second.pk))
    assert all(isinstance(r, Decision) for r in results), results
    assert Decision.objects.count() == 1 and Award.objects.count() == 2


def test_two_creations_from_one_events_proposals_create_one_set(world):
    event = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025)
    ProposalFactory(event=event, unit=world.leader_unit)
    ProposalFactory(event=event, unit=world.member_unit)
    results = together(
        lambda: services.nominations_from_event(Event.objects.get(pk=event.pk), world.leader),
        lambda: services.nominations_from_event(Event.objects.get(pk=event.pk), world.leader),
    )
    assert sorted(len(r) for r in results) == [0, 2], results
    assert Nomination.objects.filter(event=event).count() == 2


def test_the_same_new_dossier_form_submitted_twice_creates_one_draft(world):
    def create():
        draft = Nomination(
            award_type=award_type("co-thi-dua-bo"),
            year=world.year,
            unit=world.leader_unit,
            bloc=world.bloc,
        )
        return services.save_draft(draft, world.leader, token="mot-lan-duy-nhat")

    results = together(create, create)
    assert Nomination.objects.count() == 1
    assert sum(isinstance(r, Nomination) for r in results) == 1
    assert any("đã được gửi một lần" in str(r) for r in results)


def test_two_leaders_of_one_bloc_year_are_explained_not_a_500(world):
    from django.db import IntegrityError

    from blocs.models import Membership, Role
    from thidua.integrity import explain

    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Membership.objects.create(bloc_year=world.bloc_year, unit=UnitFactory(), role=Role.LEADER)
    assert "Mỗi khối chỉ có một khối trưởng" in explain(Membership, error.value)


def test_two_rebuilds_of_one_years_counts_leave_them_counted_once():
    """Two grants of one year committing together each rebuild the year's kept counts."""
    for _ in range(3):
        AwardFactory(year=2023)
    tallies.refresh([2023])  # the year's rows, committed

    def second_rebuild():
        try:
            tallies.refresh([2023])
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_rebuild)
    with transaction.atomic():
        tallies.refresh([2023])  # deleted and written again, not yet committed
        thread.start()
        assert waiting_on_a_lock(), "the second rebuild must wait for the first"
    thread.join()
    kept = sorted(AwardTally.objects.values_list("award_type_id", "bloc_id", "count"))
    fresh = sorted((t.award_type_id, t.bloc_id, t.count) for t in tallies._rows([2023]))
    assert kept == fresh and sum(n for *_, n in kept) == 3
