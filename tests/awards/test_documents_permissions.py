"""Every role × every document download: the staff documents are refused to the public (sent to
log in) and to staff without the right (another bloc's leader, a bloc secretariat); the
verification page is public."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Status
from tests.factories import AwardFactory, CouncilVoteFactory

from .pages_world import ROLES, fast_passwords, login, staff  # noqa: F401

pytestmark = pytest.mark.django_db

ALL = set(ROLES)
REVIEWERS_AND_DATA = {"reviewer", "own_reviewer", "administrator", "secretariat"}

DOCUMENTS = {
    "bloc_submission": REVIEWERS_AND_DATA | {"leader"},
    "achievement_report": REVIEWERS_AND_DATA | {"leader"},
    "review_submission": REVIEWERS_AND_DATA,
    "council_minutes": REVIEWERS_AND_DATA,
    "decision_annex": REVIEWERS_AND_DATA,
    "award_certificate": REVIEWERS_AND_DATA,
    "decision_certificates": REVIEWERS_AND_DATA,
    "documents": REVIEWERS_AND_DATA,
    "verify": ALL,
}


def _url(name, world, nomination, award):
    args = {
        "bloc_submission": [world.bloc.slug, world.year],
        "achievement_report": [nomination.pk],
        "council_minutes": ["2026-01-15"],
        "decision_annex": [award.decision_id],
        "award_certificate": [award.pk],
        "decision_certificates": [award.decision_id],
        "verify": [award.verification_code],
    }.get(name, [])
    return reverse(f"awards:{name}", args=args)


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_document_access(client, world, staff, nominate, role, document):  # noqa: F811
    nomination = nominate(status=Status.SUBMITTED)
    CouncilVoteFactory(nomination=nomination, held_on=datetime.date(2026, 1, 15))
    award = AwardFactory(unit=world.leader_unit, year=2024)
    login(client, staff, role)
    response = client.get(_url(document, world, nomination, award))
    if role in DOCUMENTS[document]:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 403
        assert "Không có quyền truy cập" in response.content.decode()
    if document != "verify" and response.status_code == 200:
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
