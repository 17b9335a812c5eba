"""The admin: every awards model has its pages; workflow changes go through the services."""

import pytest
from django.urls import reverse

from awards.models import Status, Transition
from tests.factories import (
    AwardFactory,
    CouncilVoteFactory,
    EventFactory,
    OverrideFactory,
    ProposalFactory,
    TransitionFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "awardtype",
    "legalregime",
    "rule",
    "proposal",
    "nomination",
    "transition",
    "override",
    "councilvote",
    "decision",
    "award",
]


@pytest.mark.parametrize("model", MODELS)
def test_every_awards_model_has_admin_pages_with_history(client, world, nominate, model):
    nomination = nominate()
    objects = {
        "proposal": lambda: ProposalFactory(),
        "nomination": lambda: nomination,
        "transition": lambda: TransitionFactory(nomination=nomination),
        "override": lambda: OverrideFactory(nomination=nomination),
        "councilvote": lambda: CouncilVoteFactory(nomination=nomination),
        "award": lambda: AwardFactory(),
    }
    client.force_login(world.admin)
    assert client.get(reverse(f"admin:awards_{model}_changelist")).status_code == 200
    obj = objects.get(model, lambda: None)()
    if obj is None:
        from django.apps import apps

        obj = apps.get_model("awards", model).objects.first() or AwardFactory().decision
    assert client.get(reverse(f"admin:awards_{model}_change", args=[obj.pk])).status_code == 200
    assert client.get(reverse(f"admin:awards_{model}_history", args=[obj.pk])).status_code == 200


def test_nomination_page_shows_the_rule_checks(client, world, nominate):
    nomination = nominate(unit=world.member_unit)
    client.force_login(world.reviewer)
    html = client.get(
        reverse("admin:awards_nomination_change", args=[nomination.pk])
    ).content.decode()
    assert "Không đạt" in html and "Điều 26" in html


def test_admin_actions_call_the_services_with_their_checks(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    url = reverse("admin:awards_nomination_changelist")
    client.force_login(world.admin)
    response = client.post(
        url,
        {"action": "workflow_start_review", "_selected_action": [nomination.pk], "reason": ""},
        follow=True,
    )
    assert "không có quyền" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED
    client.force_login(world.reviewer)
    client.post(
        url, {"action": "workflow_start_review", "_selected_action": [nomination.pk], "reason": ""}
    )
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_REVIEW
    assert Transition.objects.get(nomination=nomination).actor == world.reviewer


def test_status_is_read_only_in_the_admin(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.admin)
    html = client.get(
        reverse("admin:awards_nomination_change", args=[nomination.pk])
    ).content.decode()
    assert 'name="status"' not in html
    assert 'name="achievements"' not in html  # a sent dossier is no longer edited


def test_event_admin_has_the_proposals_inline(client, world):
    event = EventFactory()
    client.force_login(world.admin)
    html = client.get(reverse("admin:blocs_event_change", args=[event.pk])).content.decode()
    assert "proposals-TOTAL_FORMS" in html


def test_an_administrator_records_an_override_in_the_admin(client, world, nominate):
    from awards.models import Override, Rule

    nomination = nominate(unit=world.member_unit)
    rule = Rule.objects.get(code="co-bo-dan-dau-khoi-luat2022")
    url = reverse("admin:awards_override_add")
    data = {"nomination": nomination.pk, "rule": rule.pk, "reason": "Trường hợp đặc biệt"}
    client.force_login(world.admin)
    client.post(url, data)
    override = Override.objects.get()
    assert override.created_by == world.admin
    assert Transition.objects.get(nomination=nomination).action == "override"
