"""The admin: every awards model has its pages; workflow changes go through the services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Status, Transition
from tests.factories import (
    AwardFactory,
    CouncilVoteFactory,
    DecisionFactory,
    EventFactory,
    NominationFactory,
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
    response = client.post(url, data)
    assert "Cần ghi số văn bản cho phép ngoại lệ" in response.content.decode()
    assert not Override.objects.exists()
    client.post(url, {**data, "document_number": "7/QĐ-BKHCN", "document_date": "2026-01-05"})
    override = Override.objects.get()
    assert override.created_by == world.admin
    assert override.document_label == "văn bản số 7/QĐ-BKHCN ngày 05/01/2026"
    assert Transition.objects.get(nomination=nomination).action == "override"


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize("model", ["nomination", "award"])
def test_big_admin_lists_run_constant_queries(
    client, world, model, n, django_assert_max_num_queries
):
    """Each row names its unit as named in its year, without a query per row (no N+1)."""
    from tests.factories import NominationFactory, UnitNameFactory

    factory = NominationFactory if model == "nomination" else AwardFactory
    for i in range(n):
        record = factory(year=2010 + i % 5)
        UnitNameFactory(unit=record.unit, name=f"Tên năm cũ {i}", valid_until=2030)
    client.force_login(world.admin)
    with django_assert_max_num_queries(9):  # PostgreSQL: +1 for the estimated count
        response = client.get(reverse(f"admin:awards_{model}_changelist"))
    html = response.content.decode()
    assert "Tên năm cũ 0" in html and f"Tên năm cũ {n - 1}" in html
    # Years offered by the filter come from MIN/MAX (newest first).
    assert html.index("year__exact=2011") < html.index("year__exact=2010")


@pytest.mark.parametrize("model", ["nomination", "award"])
def test_action_decision_is_looked_up_not_listed(client, world, model):
    """The workflow actions' decision is picked in the decisions' list (or typed by its ID): the
    list page does not load every decision into a dropdown. (The reviewer: the one who grants
    and revokes, to whom the action bars offer those steps.)"""
    decision = DecisionFactory()
    client.force_login(world.reviewer)
    html = client.get(reverse(f"admin:awards_{model}_changelist")).content.decode()
    assert 'name="decision" id="id_decision"' in html
    assert f'href="{reverse("admin:awards_decision_changelist")}?_to_field=id"' in html
    assert f'<option value="{decision.pk}"' not in html


def test_admin_search_finds_a_recipient_unit_or_person_without_diacritics(client, administrator):
    from tests.factories import AwardFactory, PersonFactory, UnitFactory

    AwardFactory(unit=UnitFactory(name="Cục Ứng dụng Hòa Lạc"))
    AwardFactory(unit=None, person=PersonFactory(full_name="Lê Ngân Giang"))
    AwardFactory(unit=UnitFactory(name="Viện Khác"))
    client.force_login(administrator)
    for query, expected in [("hoa lac", "Hòa Lạc"), ("ngan giang", "Lê Ngân Giang")]:
        html = client.get("/admin/awards/award/", {"q": query}).content.decode()
        assert expected in html and "Viện Khác" not in html, query


@pytest.mark.parametrize("n", [3, 30])
def test_decision_page_lists_its_first_awards_and_links_to_all(
    client, world, n, django_assert_max_num_queries
):
    from tests.factories import UnitFactory

    decision = DecisionFactory()
    for i in range(n):
        AwardFactory(decision=decision, unit=UnitFactory(name=f"Đơn vị được tặng {i:02d}"))
    other = AwardFactory(unit=UnitFactory(name="Đơn vị của quyết định khác"))
    client.force_login(world.admin)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("admin:awards_decision_change", args=[decision.pk])).content
    html = html.decode()
    link = f"{reverse('admin:awards_award_changelist')}?decision__id__exact={decision.pk}"
    assert f"Khen thưởng: {n}" in html and f'href="{link}"' in html
    assert html.count("Đơn vị được tặng") == min(n, 20)
    listed = client.get(link).content.decode()
    assert "Đơn vị được tặng 00" in listed and other.unit.name not in listed


def test_revoking_decision_page_lists_what_it_revoked(client, world):
    from awards.models import DecisionKind

    revoking = DecisionFactory(kind=DecisionKind.REVOKE)
    AwardFactory(revoked_by=revoking, revocation_reason="Kê khai không đúng")
    client.force_login(world.admin)
    html = client.get(reverse("admin:awards_decision_change", args=[revoking.pk])).content
    assert "Thu hồi: 1" in html.decode()


def test_transition_list_filters_by_action_in_vietnamese(client, world, nominate):
    returned = TransitionFactory(action="return", reason="Thiếu báo cáo thành tích")
    TransitionFactory(action="submit")
    client.force_login(world.admin)
    html = client.get(reverse("admin:awards_transition_changelist"), {"action__exact": "return"})
    html = html.content.decode()
    assert "Trả lại" in html and "Gửi hồ sơ" in html  # the column and the filter's choices
    assert html.count('<td class="field-action">') == 1
    assert str(returned.nomination) in html


def test_bloc_leaders_see_only_their_blocs_dossiers_in_the_admin(client, world, nominate):
    """The admin lists follow the dossier page's rule: reviewers and data entry see every bloc's
    nominations, a leader unit's staff only their bloc's (with its log, overrides and votes)."""
    from tests.factories import NominationFactory

    own = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    TransitionFactory(nomination=own, reason="Lý do của khối mình")
    other = NominationFactory(status=Status.SUBMITTED, year=world.year)
    TransitionFactory(nomination=other, reason="Nhận xét hồ sơ khối khác")
    CouncilVoteFactory(nomination=other)
    OverrideFactory(nomination=other)

    def listed(user, model):
        client.force_login(user)
        response = client.get(reverse(f"admin:awards_{model}_changelist"))
        assert response.status_code == 200
        return {getattr(r, "nomination_id", r.pk) for r in response.context["cl"].result_list}

    for model in ["nomination", "transition", "councilvote", "override"]:
        assert other.pk not in listed(world.leader, model), model
        assert other.pk in listed(world.reviewer, model), model
        assert other.pk in listed(world.clerk, model), model
    assert own.pk in listed(world.leader, "nomination")
    assert own.pk in listed(world.leader, "transition")
    # Not even by its address.
    client.force_login(world.leader)
    response = client.get(reverse("admin:awards_nomination_change", args=[other.pk]))
    assert response.status_code == 302
    # A bloc leader's staff of a unit that leads no bloc see none.
    assert listed(world.member_staff, "nomination") == set()


def test_a_bloc_leaders_year_filter_spans_only_the_dossiers_they_may_read(client, world, nominate):
    nominate(unit=world.leader_unit)  # their bloc, 2025
    NominationFactory(year=2019)  # another bloc's: not listed for them, nor its year
    client.force_login(world.leader)
    html = client.get(reverse("admin:awards_nomination_changelist")).content.decode()
    assert f"?year__exact={world.year}" in html and "year__exact=2019" not in html
    client.force_login(world.reviewer)
    html = client.get(reverse("admin:awards_nomination_changelist")).content.decode()
    assert "?year__exact=2019" in html


def test_the_awards_year_filter_reads_the_awards_table_alone(client, world):
    """The list's queryset joins each award's decision and document for its prize; the filter's
    bounds must not, or they read every award (330 ms at a million)."""
    AwardFactory(year=2012)
    client.force_login(world.admin)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("admin:awards_award_changelist")).content.decode()
    assert "?year__exact=2012" in html
    (bounds,) = [q["sql"] for q in queries if "MIN(" in q["sql"]]
    assert "JOIN" not in bounds


def test_only_those_who_may_record_a_council_vote_are_offered_to_add_one(client, world):
    add_url = reverse("admin:awards_councilvote_add")
    for user, offered in [(world.reviewer, True), (world.clerk, False), (world.leader, False)]:
        client.force_login(user)
        html = client.get(reverse("admin:awards_councilvote_changelist")).content.decode()
        assert (add_url in html) is offered, user
        assert client.get(add_url).status_code == (200 if offered else 403), user
