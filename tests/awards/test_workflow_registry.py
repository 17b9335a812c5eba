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


# Known defect of the merged workflow (issue 12 stays open): the flags' new council-vote and
# quorum rules are judged by the service but not by the step's guard, so «Đề nghị» is offered
# before a vote and then refused (a message, not a 500); and the administrator's steps need the
# override's document. The walk keeps running and reports them until the guard reads the rule.
@pytest.mark.xfail(
    reason="step guard does not yet read the council-vote rule (issue 12)", strict=False
)
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
    probe = nominate(status=status, slug=kind)
    offered = offered_on_page(client, probe)
    assert offered == {s.slug for s in workflow.offered(probe, user)}
    done = [probe.pk]
    for step in workflow.BY_SLUG.values():
        # The earlier dossiers leave the quotas: each step is judged on its own dossier.
        Nomination.objects.filter(pk__in=done).update(status=Status.WITHDRAWN)
        nomination = nominate(status=status, slug=kind)
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
