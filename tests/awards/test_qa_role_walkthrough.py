"""Defects found walking the nomination workflow as each role (bloc leader, reviewer, clerk,
administrator) through the pages and the admin, as the user sees them: a dossier made from an
event's proposal keeps stating that proposal; the admin's action bar offers a step only to those
who may take it."""

import html
import re

import pytest
from django.urls import reverse

from awards.models import Nomination, Status
from blocs.models import Role
from tests.factories import EventFactory, MembershipFactory, ProposalFactory, UnitFactory
from thidua import roles

from .pages_world import fast_passwords  # noqa: F401

pytestmark = pytest.mark.django_db


def posted_form(response):
    """What a browser would post back from `response`'s form, unchanged."""
    page = response.content.decode()
    data = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        kind = kind.group(1) if kind else "text"
        if not name or kind in ("submit", "file") or (kind == "checkbox" and "checked" not in tag):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        data[name] = chosen.group(1) if chosen else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = html.unescape(text.strip())
    return data


# --- 1. a dossier made from a proposal states that proposal ---------------------------------------


@pytest.fixture
def from_proposal(client, world):
    """A draft dossier made from a proposal (for the leader unit) of the bloc's year-end event,
    through «Lập hồ sơ từ đề xuất»; a third member unit to move it to."""
    event = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025, held_on="2025-12-20")
    proposal = ProposalFactory(event=event, unit=world.leader_unit)
    client.force_login(world.leader)
    client.post(reverse("awards:from_event", args=[event.pk]), {"confirm": "on"})
    nomination = Nomination.objects.get(proposal=proposal)
    third = UnitFactory(name="Cục Thứ Ba")
    MembershipFactory(bloc_year=world.bloc_year, unit=third, role=Role.MEMBER)
    return nomination, proposal, third


def test_the_admin_refuses_a_dossier_naming_another_recipient_than_its_proposal(
    client, world, from_proposal
):
    nomination, proposal, third = from_proposal
    url = reverse("admin:awards_nomination_change", args=[nomination.pk])
    for user in (world.leader, world.clerk):
        client.force_login(user)
        data = posted_form(client.get(url))
        data["unit"] = str(third.pk)
        page = client.post(url, data).content.decode()
        assert "phải ghi đúng đối tượng" in html.unescape(page)
        assert f"«{proposal.event}»" in html.unescape(page)
        nomination.refresh_from_db()
        assert nomination.unit == world.leader_unit and nomination.version == 1
    # Nor through the history: reverting to a version naming another unit is refused the same.
    Nomination.objects.filter(pk=nomination.pk).update(proposal=None, unit=third)
    Nomination.objects.get(pk=nomination.pk).save()  # a version naming the third unit
    old = nomination.history.filter(unit=third).latest("history_id")
    Nomination.objects.filter(pk=nomination.pk).update(proposal=proposal, unit=world.leader_unit)
    revert = reverse("admin:awards_nomination_simple_history", args=[nomination.pk, old.pk])
    client.force_login(world.clerk)
    data = posted_form(client.get(revert))
    data["proposal"], data["unit"] = str(proposal.pk), str(third.pk)
    page = html.unescape(client.post(revert, data).content.decode())
    assert "phải ghi đúng đối tượng" in page
    assert Nomination.objects.get(pk=nomination.pk).unit == world.leader_unit


def test_the_edit_page_shows_what_the_proposal_fixed_and_keeps_it(client, world, from_proposal):
    nomination, proposal, third = from_proposal
    url = reverse("awards:edit", args=[nomination.pk])
    client.force_login(world.leader)
    page = client.get(url)
    assert page.context["form"].fields["unit"].disabled
    assert f"Theo đề xuất tại sự kiện «{proposal.event}»" in html.unescape(page.content.decode())
    data = posted_form(page)
    data.update(unit=str(third.pk), achievements="Bổ sung thành tích.")
    response = client.post(url, data)
    assert response.status_code == 302
    nomination.refresh_from_db()
    # The achievements were saved; the recipient is still the proposal's.
    assert nomination.achievements == "Bổ sung thành tích."
    assert nomination.unit == world.leader_unit == proposal.unit


# --- 2. the admin's action bar offers a step only to those who may take it ---------------------


def offered_actions(client, url):
    page = client.get(url).content.decode()
    return set(re.findall(r'<option value="((?:workflow|revoke)_[a-z_]+)"', page))


@pytest.mark.parametrize(
    "who, dossier_steps, award_steps",
    [
        ("leader", {"submit", "withdraw"}, set()),
        (
            "reviewer",
            {"start_review", "return", "recommend", "reject", "forward", "grant"},
            {"revoke_awards"},
        ),
        ("admin", {"assign"}, set()),
        ("clerk", set(), set()),
    ],
)
def test_the_action_bar_offers_the_steps_the_role_may_take(
    client, world, nominate, who, dossier_steps, award_steps
):
    nominate()
    client.force_login(getattr(world, who))
    dossiers = offered_actions(client, reverse("admin:awards_nomination_changelist"))
    assert dossiers == {f"workflow_{name}" for name in dossier_steps}
    assert offered_actions(client, reverse("admin:awards_award_changelist")) == award_steps


def test_a_step_posted_anyway_is_refused_with_the_reason(client, world, nominate, make_user):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.leader)  # no «Bắt đầu thẩm định» in the leader's action bar
    response = client.post(
        reverse("admin:awards_nomination_changelist"),
        {"action": "workflow_start_review", "_selected_action": [nomination.pk], "reason": ""},
        follow=True,
    )
    assert "Bạn không có quyền bắt đầu thẩm định." in html.unescape(response.content.decode())
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED and nomination.version == 1
    # A reviewer assigned from another unit (outside the reviewing unit) is offered the steps.
    outsider = make_user(roles.REVIEWER, unit=UnitFactory(name="Vụ Khác"))
    client.force_login(outsider)
    assert "workflow_start_review" in offered_actions(
        client, reverse("admin:awards_nomination_changelist")
    )


# --- 3. an exception is recorded only for a rule that judges the dossier ---------------------------


def test_an_exception_to_a_rule_that_does_not_judge_the_dossier_is_refused(client, world, nominate):
    from awards import eligibility
    from awards.models import Override, Rule

    nomination = nominate(status=Status.SUBMITTED)  # «Cờ thi đua của Bộ», 2025
    judged = {c.rule.pk for c in eligibility.check(nomination)}
    applies = Rule.objects.filter(pk__in=judged).first()
    foreign = Rule.objects.filter(is_active=True, award_type__slug="co-thi-dua-chinh-phu").first()
    assert applies is not None and foreign is not None and foreign.pk not in judged
    client.force_login(world.admin)
    url = reverse("admin:awards_override_add")
    data = {"nomination": nomination.pk, "reason": "Theo văn bản cho phép.",
            "document_number": "5/QĐ-BKHCN", "document_date": "10/01/2026"}  # fmt: skip
    response = client.post(url, {**data, "rule": foreign.pk}, follow=True)
    page = html.unescape(response.content.decode())
    assert f"Quy định «{foreign}» ({foreign.basis}) không áp dụng cho hồ sơ" in page
    assert not Override.objects.exists()
    nomination.refresh_from_db()
    assert nomination.version == 1 and not nomination.transitions.exists()
    # A rule the dossier's checks list is recorded, as on the dossier page.
    client.post(url, {**data, "rule": applies.pk})
    assert Override.objects.get().rule == applies
