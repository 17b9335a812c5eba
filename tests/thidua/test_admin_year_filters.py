"""The admin lists' year filters offer every year from the first of the listed records to the
last, newest first, and are read from those two bounds: no DISTINCT over the listed table, so the
sidebar costs the same on a table of any size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import BlocYearFactory, EventFactory, MembershipFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def listed(client, name, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"admin:{name}_changelist"), params)
    assert response.status_code == 200
    assert not [
        q["sql"] for q in queries if "DISTINCT" in q["sql"] and "permission" not in q["sql"]
    ]
    return response.content.decode()


def test_events_filter_by_emulation_year_and_by_year_held(admin_client):
    EventFactory(
        title="Hội nghị kỳ 2015",
        period_start=2015,
        period_end=2015,
        held_on=datetime.date(2015, 12, 18),
    )
    EventFactory(
        title="Hội nghị kỳ 2018-2019",
        period_start=2018,
        period_end=2019,
        held_on=datetime.date(2019, 12, 6),
    )
    html = listed(admin_client, "blocs_event")
    offered = [f"?period_start__exact={year}" for year in (2018, 2017, 2016, 2015)]
    assert all(link in html for link in offered), "every year of the span, gaps included"
    assert [html.index(link) for link in offered] == sorted(html.index(link) for link in offered)
    assert "?held_on__year=2019" in html and "?held_on__year=2015" in html

    html = listed(admin_client, "blocs_event", period_start__exact="2018")
    assert "Hội nghị kỳ 2018-2019" in html and "Hội nghị kỳ 2015" not in html
    html = listed(admin_client, "blocs_event", held_on__year="2015")
    assert "Hội nghị kỳ 2018-2019" not in html and "Hội nghị kỳ 2015" in html


def test_bloc_years_and_memberships_filter_by_year(admin_client):
    early = MembershipFactory(bloc_year=BlocYearFactory(year=2020))
    late = MembershipFactory(bloc_year=BlocYearFactory(year=2022))
    for name in ("blocs_blocyear", "blocs_membership"):
        html = listed(admin_client, name)
        assert html.index("?year__exact=2022") < html.index("?year__exact=2021")
        assert html.index("?year__exact=2021") < html.index("?year__exact=2020")

    html = listed(admin_client, "blocs_membership", year__exact="2022")
    assert late.unit.name in html and early.unit.name not in html


def test_proposals_offer_the_years_of_their_own_events(admin_client):
    kept = ProposalFactory(event=EventFactory(period_start=2016, period_end=2017))
    other = ProposalFactory(event=EventFactory(period_start=2019, period_end=2019))
    EventFactory(period_start=2010, period_end=2010)  # no proposal: outside the list's span
    html = listed(admin_client, "awards_proposal")
    assert "?event__period_end__exact=2018" in html
    assert "event__period_end__exact=2010" not in html
    html = listed(admin_client, "awards_proposal", event__period_end__exact="2017")
    assert kept.unit.name in html and other.unit.name not in html


@pytest.mark.parametrize(
    "name, parameter",
    [
        ("blocs_event", "held_on__year"),  # a date field
        ("blocs_event", "period_start__exact"),  # a year field
        ("awards_proposal", "event__period_end__exact"),  # through a relation
    ],
)
@pytest.mark.parametrize("value", ["99999", "99999999999999999999", "0", "hai nghìn"])
def test_an_odd_year_in_the_address_is_never_a_server_error(admin_client, name, parameter, value):
    admin_client.raise_request_exception = False
    response = admin_client.get(reverse(f"admin:{name}_changelist"), {parameter: value})
    assert response.status_code in (200, 404)
