"""Every role × every awards page and action, through the views: allowed or refused."""

import pytest
from django.urls import reverse

from awards.models import Award, Override, Rule, Status
from tests.factories import CouncilVoteFactory, award_type

from .pages_world import ROLES, fast_passwords, login, staff, submit  # noqa: F401

pytestmark = pytest.mark.django_db

ALL = set(ROLES)
LOGGED_IN = ALL - {"anonymous"}
REVIEWERS_AND_DATA = {"reviewer", "own_reviewer", "administrator", "secretariat"}

# page name -> (roles allowed to open it)
PAGES = {
    "list": ALL,
    "dashboard": {"leader", "other_leader"},
    "create": {"leader", "administrator", "secretariat"},
    "queue": REVIEWERS_AND_DATA,
    "detail": REVIEWERS_AND_DATA | {"leader"},
    "edit": {"leader", "administrator", "secretariat"},
}
STAFF_PAGES = set(PAGES) - {"list"}


def page_url(name, world, nomination):
    if name == "create":
        return reverse("awards:create", args=[world.bloc.slug, world.year])
    if name in ("detail", "edit"):
        return reverse(f"awards:{name}", args=[nomination.pk])
    return reverse(f"awards:{name}")


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_page_access(client, world, staff, nominate, role, page):  # noqa: F811
    nomination = nominate(status=Status.DRAFT)
    login(client, staff, role)
    response = client.get(page_url(page, world, nomination))
    if role == "anonymous" and page in STAFF_PAGES:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in PAGES[page]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
    if page in STAFF_PAGES and response.status_code == 200:
        assert "no-cache" in response["Cache-Control"]  # the public-page cache skips it


def _decision_data():
    return {
        "number": "123/QĐ-BKHCN",
        "issued_on": "2026-01-20",
        "signer_name": "Người ký thử nghiệm",
        "signer_title": "Bộ trưởng",
        "confirm": "on",
    }


# action -> (URL side, starting status, award type slug, POST data, expected status after,
#            roles allowed)
ACTIONS = {
    "nop": ("bloc", Status.DRAFT, "co-thi-dua-bo", {}, Status.SUBMITTED, {"leader"}),
    "rut": (
        "bloc",
        Status.SUBMITTED,
        "co-thi-dua-bo",
        {"reason": "Khối rút để hoàn thiện"},
        Status.WITHDRAWN,
        {"leader"},
    ),
    "bat-dau-tham-dinh": (
        "review",
        Status.SUBMITTED,
        "co-thi-dua-bo",
        {},
        Status.IN_REVIEW,
        {"reviewer"},
    ),
    "tra-lai": (
        "review",
        Status.IN_REVIEW,
        "co-thi-dua-bo",
        {"reason": "Thiếu báo cáo thành tích"},
        Status.RETURNED,
        {"reviewer"},
    ),
    "de-nghi": (
        "review",
        Status.IN_REVIEW,
        "co-thi-dua-bo",
        {},
        Status.RECOMMENDED,
        {"reviewer"},
    ),
    "khong-de-nghi": (
        "review",
        Status.IN_REVIEW,
        "co-thi-dua-bo",
        {"reason": "Không đủ tiêu chuẩn"},
        Status.REJECTED,
        {"reviewer"},
    ),
    "trinh-cap-tren": (
        "review",
        Status.RECOMMENDED,
        "co-thi-dua-chinh-phu",
        {},
        Status.FORWARDED,
        {"reviewer"},
    ),
    "bo-phieu": (
        "review",
        Status.IN_REVIEW,
        "co-thi-dua-bo",
        {
            "held_on": "2026-01-10",
            "votes_for": "9",
            "votes_against": "1",
            "present": "10",
            "council_size": "11",
        },
        Status.IN_REVIEW,
        {"reviewer"},
    ),
    "quyet-dinh": (
        "review",
        Status.RECOMMENDED,
        "co-thi-dua-bo",
        _decision_data(),
        Status.GRANTED,
        {"reviewer"},
    ),
    "ngoai-le": (
        "review",
        Status.SUBMITTED,
        "co-thi-dua-bo",
        {
            "reason": "Hội đồng chấp thuận trường hợp đặc biệt",
            "document_number": "12/QĐ-BKHCN",
            "document_date": "2026-01-05",
        },
        Status.SUBMITTED,
        {"administrator"},
    ),
}


def _side_effect(slug, nomination):
    if slug == "bo-phieu":
        return nomination.council_votes.count()
    if slug == "quyet-dinh":
        return Award.objects.filter(nomination=nomination).count()
    if slug == "ngoai-le":
        return Override.objects.filter(nomination=nomination).count()
    return 0


@pytest.mark.parametrize("slug", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_action_allowed_or_refused(client, world, staff, nominate, role, slug):  # noqa: F811
    side, start, kind, data, after, allowed = ACTIONS[slug]
    nomination = nominate(status=start, slug=kind)
    if slug == "ngoai-le":
        data = {**data, "rule": Rule.objects.get(code="co-bo-moi-khoi-luat2022").pk}
    if slug == "de-nghi":  # a ministry flag is recommended after the council's ballot
        CouncilVoteFactory(
            nomination=nomination, votes_for=8, votes_against=0, present=9, council_size=10
        )
    login(client, staff, role)
    name = "awards:bloc_action" if side == "bloc" else "awards:review_action"
    url = reverse(name, args=[nomination.pk, slug])
    response = submit(client, url, {"confirm": "on", **data})
    nomination.refresh_from_db()
    if role == "anonymous":
        assert response.status_code == 302 and reverse("login") in response["Location"]
        assert nomination.status == start and _side_effect(slug, nomination) == 0
    elif role in allowed:
        assert response.status_code == 302, response.content.decode()
        assert response["Location"] == reverse("awards:detail", args=[nomination.pk])
        assert nomination.status == after
        if slug in ("bo-phieu", "quyet-dinh", "ngoai-le"):
            assert _side_effect(slug, nomination) == 1
    else:
        assert response.status_code == 403
        assert nomination.status == start and _side_effect(slug, nomination) == 0


@pytest.mark.parametrize("role", ROLES)
def test_create_nomination_for_a_bloc(client, world, staff, role):  # noqa: F811
    """Only those who may prepare a dossier for this bloc and year can create one; the bloc of
    another leader is refused even with a forged POST."""
    login(client, staff, role)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(
        client,
        url,
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "unit": world.leader_unit.pk,
            "achievements": "Dẫn đầu khối năm 2025.",
        },
    )
    created = world.bloc.nominations.filter(year=world.year).count()
    if role in {"leader", "administrator", "secretariat"}:
        assert response.status_code == 302
        assert created == 1
    else:
        assert response.status_code in (302, 403)
        assert created == 0


def test_action_pages_ask_for_confirmation(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "bat-dau-tham-dinh"])
    page = client.get(url)
    assert page.status_code == 200
    assert "Tôi xác nhận thực hiện thao tác này" in page.content.decode()
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Cần đánh dấu ô xác nhận trước khi thực hiện." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED


def test_bloc_action_is_not_reachable_under_the_review_prefix(client, world, nominate):
    nomination = nominate(status=Status.DRAFT)
    client.force_login(world.leader)
    url = reverse("awards:review_action", args=[nomination.pk, "nop"])
    assert client.post(url, {"confirm": "on"}).status_code == 404
