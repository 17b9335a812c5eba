"""The registry of steps through the pages: every status × every role, "offered" and "accepted"
are one question; refusals say why in Vietnamese."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from awards import workflow
from awards.models import Nomination, Status, Transition

from .pages_world import ROLES, fast_passwords, login, staff, submit  # noqa: F401
from .step_data import step_data

pytestmark = pytest.mark.django_db

# The Government flag where its guard matters (forward first, then decide); the ministry flag in
# every state.
CASES = [(s.value, "co-thi-dua-bo") for s in Status] + [
    (Status.RECOMMENDED.value, "co-thi-dua-chinh-phu"),
    (Status.FORWARDED.value, "co-thi-dua-chinh-phu"),
]


def offered_on_page(client, nomination):
    response = client.get(reverse("awards:detail", args=[nomination.pk]))
    if response.status_code != 200:
        return set()
    html = response.content.decode()
    return {s.slug for s in workflow.BY_SLUG.values() if s.url(nomination) in html}


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
@pytest.mark.parametrize("status,kind", CASES)
def test_every_offered_step_succeeds_and_every_other_is_refused(
    client,
    world,
    staff,  # noqa: F811
    nominate,
    role,
    status,
    kind,  # noqa: F811
):
    user = login(client, staff, role)
    # The council has voted on each dossier: recommending it is then the law's to allow.
    probe = nominate(status=status, slug=kind, voted=True)
    offered = offered_on_page(client, probe)
    assert offered == {s.slug for s in workflow.offered(probe, user)}
    done = [probe.pk]
    for step in workflow.BY_SLUG.values():
        # The earlier dossiers leave the quotas: each step is judged on its own dossier.
        Nomination.objects.filter(pk__in=done).update(status=Status.WITHDRAWN)
        nomination = nominate(status=status, slug=kind, voted=True)
        done.append(nomination.pk)
        data = step_data(step, nomination, world)
        refusal = step.refusal(nomination, user)
        if refusal is not None and refusal.kind == "permission":
            response = client.post(step.url(nomination), data)  # forged: the page is refused
        else:
            response = submit(client, step.url(nomination), data)
        html = response.content.decode()
        fresh = Nomination.objects.get(pk=nomination.pk)
        if step.slug in offered:
            assert response.status_code == 302, (step.name, html)
            assert fresh.version == nomination.version + 1
            assert fresh.status == (step.target or status)
        else:
            assert response.status_code in (200, 403), step.name
            assert fresh.version == nomination.version and fresh.status == status
            assert not Transition.objects.filter(nomination=nomination).exists()
            # The reason, never the generic text.
            assert refusal is not None and escape(refusal.message) in html, step.name


def test_a_recommended_government_flag_offers_forwarding_not_a_decision(client, world, nominate):
    nomination = nominate(status=Status.RECOMMENDED, slug="co-thi-dua-chinh-phu")
    client.force_login(world.reviewer)
    offered = offered_on_page(client, nomination)
    assert "trinh-cap-tren" in offered and "quyet-dinh" not in offered
    url = workflow.STEPS["grant"].url(nomination)
    html = submit(client, url, step_data(workflow.STEPS["grant"], nomination, world))
    assert "phải được trình cấp trên trước khi ghi quyết định" in html.content.decode()


def test_a_forbidden_step_answers_403_with_the_reason(client, world, staff, nominate):  # noqa: F811
    nomination = nominate(status=Status.SUBMITTED)  # the recipient is the bloc's leader unit
    client.force_login(staff["own_reviewer"])
    response = client.get(workflow.STEPS["start_review"].url(nomination))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Đây là hồ sơ của chính đơn vị bạn" in html
    assert "không được phép xem hoặc thực hiện" not in html


def test_recommending_before_the_council_votes_is_not_offered_and_names_the_rule(
    client, world, nominate
):
    nomination = nominate(status=Status.IN_REVIEW, slug="co-thi-dua-bo")
    client.force_login(world.reviewer)
    assert "de-nghi" not in offered_on_page(client, nomination)
    step = workflow.STEPS["recommend"]
    response = submit(client, step.url(nomination), step_data(step, nomination, world))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hội đồng chưa bỏ phiếu" in html or "Hội đồng chưa họp" in html
    assert Nomination.objects.get(pk=nomination.pk).status == Status.IN_REVIEW
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.WITHDRAWN)  # the bloc's quota
    voted = nominate(status=Status.IN_REVIEW, slug="co-thi-dua-bo", voted=True)
    assert "de-nghi" in offered_on_page(client, voted)
    assert submit(client, step.url(voted), step_data(step, voted, world)).status_code == 302
    assert Nomination.objects.get(pk=voted.pk).status == Status.RECOMMENDED
