"""Probe: double submits of every workflow step of the registry, in parallel, on PostgreSQL.

Each step of awards.workflow is found a dossier and a user it is offered to, and the same form
(same version) is posted twice at the same moment by two connections: exactly one succeeds, the
other gets a Vietnamese message, never a 500, and the log holds one entry. A new step is covered
without a new test (its form needs data in tests/awards/step_data.py).
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from awards import workflow
from awards.models import Status, Transition
from tests.awards.conftest import nominate, world  # noqa: F401
from tests.awards.step_data import step_data

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="parallel requests need PostgreSQL row locks"
    ),
]

KINDS = ["co-thi-dua-bo", "co-thi-dua-chinh-phu"]


def a_case(step, world, nominate):  # noqa: F811
    """A dossier in a source state of `step` and a user the step is offered to."""
    for status in step.sources:
        for kind in KINDS:
            nomination = nominate(status=status, slug=kind, voted=True)
            for user in (world.leader, world.reviewer, world.admin):
                if step.refusal(nomination, user) is None:
                    return nomination, user
            nomination.status = Status.WITHDRAWN
            nomination.save(update_fields=["status"])
    raise AssertionError(f"no dossier on which «{step.title}» is offered")


def post_together(url, data, user, times=2):
    barrier = threading.Barrier(times)
    clients = []
    for _ in range(times):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    results = [None] * times

    def run(i):
        barrier.wait()
        try:
            response = clients[i].post(url, data)
            results[i] = (response.status_code, response.content.decode())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("slug", sorted(workflow.BY_SLUG))
def test_a_double_submit_of_each_step_gives_one_result(world, nominate, slug):  # noqa: F811
    step = workflow.BY_SLUG[slug]
    nomination, user = a_case(step, world, nominate)
    data = {**step_data(step, nomination, world), "version": nomination.version}
    results = post_together(step.url(nomination), data, user)
    codes = sorted(code for code, _ in results)
    assert codes == [200, 302], results
    loser = next(html for code, html in results if code == 200)
    assert "Hồ sơ đã được người khác xử lý" in loser or "Không thể" in loser
    assert Transition.objects.filter(nomination=nomination, action=step.name).count() == 1
