"""The staff and public awards pages run the same number of queries for n and 10n rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.models import Status
from tests.factories import AwardFactory, BlocFactory, UnitFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_queue_same_queries_for_n_and_10n(client, world, nominate):
    def add(count, start):
        for i in range(start, start + count):
            nominate(unit=UnitFactory(name=f"Đơn vị {i}"), status=Status.SUBMITTED)

    client.force_login(world.reviewer)
    add(2, 0)
    small = count_queries(client, reverse("awards:queue"))
    add(18, 2)
    assert count_queries(client, reverse("awards:queue")) == small


def test_dashboard_same_queries_for_n_and_10n(client, world, nominate):
    def add(count, start):
        for i in range(start, start + count):
            nomination = nominate(unit=UnitFactory(name=f"Đơn vị {i}"), status=Status.SUBMITTED)
            services.start_review(nomination, world.reviewer)
            services.return_(nomination, world.reviewer, f"Lý do {i}")

    client.force_login(world.leader)
    add(2, 0)
    small = count_queries(client, reverse("awards:dashboard"))
    add(18, 2)
    assert count_queries(client, reverse("awards:dashboard")) == small


def test_public_list_same_queries_for_n_and_10n(client):
    bloc = BlocFactory()

    def add(count, start):
        for i in range(start, start + count):
            AwardFactory(unit=UnitFactory(name=f"Đơn vị {i}"), bloc=bloc)

    add(2, 0)
    small = count_queries(client, reverse("awards:list"))
    add(18, 2)
    assert count_queries(client, reverse("awards:list")) == small


def test_dossier_page_same_queries_for_n_and_10n(client, world, nominate):
    """The reviewer's dossier page: the recipient's earlier awards and the dossier's own
    history grow; its queries do not."""
    nomination = nominate(status=Status.SUBMITTED, voted=True)

    def add(count, start):
        for i in range(start, start + count):
            AwardFactory(unit=nomination.unit, year=world.year - 1 - i % 3, bloc=world.bloc)
            services.start_review(nomination, world.reviewer)
            services.return_(nomination, world.reviewer, f"Lý do {i}")
            services.submit(nomination, world.leader)

    client.force_login(world.reviewer)
    url = reverse("awards:detail", args=[nomination.pk])
    add(2, 0)
    small = count_queries(client, url)
    add(18, 2)
    assert count_queries(client, url) == small
