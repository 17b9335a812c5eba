"""Dates on the staff forms are typed dd/mm/yyyy in a text input, whatever the browser's
language: no browser date picker (it shows mm/dd/yyyy in an English browser)."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Status

from .pages_world import fast_passwords, staff, submit  # noqa: F401

pytestmark = pytest.mark.django_db


def test_council_vote_and_decision_dates_are_typed_day_first(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    vote_url = reverse("awards:review_action", args=[nomination.pk, "bo-phieu"])
    html = client.get(vote_url).content.decode()
    assert 'type="date"' not in html
    assert 'name="held_on"' in html and 'placeholder="dd/mm/yyyy"' in html

    data = {"confirm": "on", "votes_for": "9", "votes_against": "1", "present": "10"}
    response = submit(client, vote_url, {**data, "held_on": "05/03/2026", "council_size": "11"})
    assert response.status_code == 302, response.content.decode()
    assert nomination.council_votes.get().held_on == datetime.date(2026, 3, 5)

    submit(
        client,
        reverse("awards:review_action", args=[nomination.pk, "de-nghi"]),
        {"confirm": "on", "reason": "Hội đồng nhất trí"},
    )
    decision_url = reverse("awards:review_action", args=[nomination.pk, "quyet-dinh"])
    assert 'type="date"' not in client.get(decision_url).content.decode()
    response = submit(
        client,
        decision_url,
        {
            "confirm": "on",
            "number": "45/QĐ-BKHCN",
            "issued_on": "05/03/2026",
            "signer_name": "Người ký thử nghiệm",
        },
    )
    assert response.status_code == 302, response.content.decode()
    nomination.refresh_from_db()
    assert nomination.award.decision.document.issued_on == datetime.date(2026, 3, 5)


def test_a_month_first_date_is_refused_in_vietnamese(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "bo-phieu"])
    data = {"confirm": "on", "votes_for": "9", "votes_against": "1", "present": "10"}
    response = client.post(url, {**data, "held_on": "03/25/2021", "council_size": "11"})
    assert "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2021." in response.content.decode()
    assert nomination.council_votes.count() == 0
