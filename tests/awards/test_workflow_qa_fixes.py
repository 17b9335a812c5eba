"""The workflow defects found by exploratory QA (/tmp/qa/workflow.md), as a user sees them: out-of-
range years answer 404; only an independent reviewer is offered and accepted as assignee, and
only a reviewer acts on a dossier; one dossier per recipient, award and year; council and
decision dates within the achievement year and today; where a new dossier's author lands; hidden
fields' errors shown, their labels not; refusals that give the right reason."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from awards import services, workflow
from awards.models import Award, CouncilVote, Decision, Nomination, Status, Transition
from blocs.models import Document
from tests.factories import UnitFactory, award_type
from thidua import roles

from .pages_world import ROLES, fast_passwords, login, staff, submit  # noqa: F401
from .step_data import step_data

pytestmark = pytest.mark.django_db


def html_of(response):
    return response.content.decode()


def dated(day):
    return day.strftime("%d/%m/%Y")


# --- 1. the year of a new dossier ------------------------------------------------------------


@pytest.mark.parametrize("year", [99999, 0, 1900, 2101])
@pytest.mark.parametrize("who", ["admin", "clerk"])
def test_a_year_outside_the_systems_range_is_not_found(client, world, who, year):
    client.force_login(getattr(world, who))
    response = client.get(reverse("awards:create", args=[world.bloc.slug, year]))
    assert response.status_code == 404


def test_a_year_the_bloc_has_no_members_for_is_not_found(client, world):
    client.force_login(world.clerk)
    response = client.get(reverse("awards:create", args=[world.bloc.slug, 2030]))
    assert response.status_code == 404
    # The bloc's own year still opens the form, with its member units to choose from.
    page = client.get(reverse("awards:create", args=[world.bloc.slug, world.year]))
    assert page.status_code == 200 and world.member_unit.name in html_of(page)


# --- 2. assigning a reviewer ------------------------------------------------------------------


@pytest.fixture
def conflicted(world, nominate, make_user):
    """A sent dossier for the member unit, and the people an administrator might pick."""
    nomination = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    return {
        "nomination": nomination,
        "independent": world.reviewer,
        "of_recipient": make_user(roles.REVIEWER, unit=world.member_unit),
        "of_leader_unit": make_user(roles.REVIEWER, unit=world.leader_unit),
        "bloc_leader_staff": world.leader,
        "member_staff": world.member_staff,
        "no_unit": make_user(roles.REVIEWER),
    }


def test_the_assignment_offers_only_independent_reviewers(client, world, conflicted):
    nomination = conflicted["nomination"]
    client.force_login(world.admin)
    page = client.get(workflow.STEPS["assign"].url(nomination))
    assert page.status_code == 200
    offered = set(page.context["form"].fields["reviewer"].queryset)
    assert offered == {conflicted["independent"]}
    # Offered by full name and unit, never by username alone.
    independent = conflicted["independent"]
    assert f"{independent.get_full_name() or independent.username} – {independent.unit}" in (
        html_of(page)
    )


@pytest.mark.parametrize(
    "who,reason",
    [
        ("bloc_leader_staff", "không giữ vai trò"),
        ("member_staff", "không giữ vai trò"),
        ("of_recipient", "thuộc chính đơn vị được đề nghị"),
        ("of_leader_unit", "thuộc đơn vị khối trưởng đã lập hồ sơ này"),
        ("no_unit", "không phải tài khoản đang hoạt động của một đơn vị"),
    ],
)
def test_a_non_independent_assignee_is_refused_by_page_and_service(
    client, world, conflicted, who, reason
):
    nomination, user = conflicted["nomination"], conflicted[who]
    step = workflow.STEPS["assign"]
    client.force_login(world.admin)
    data = {**step_data(step, nomination, world), "reviewer": user.pk}
    response = submit(client, step.url(nomination), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["reviewer"]
    assert any(reason in e for e in errors), errors
    assert reason in html_of(response)
    with pytest.raises(ValidationError) as error:
        services.assign_reviewer(nomination, world.admin, reviewer=user, reason="Xung đột")
    assert reason in " ".join(error.value.message_dict["reviewer"])
    fresh = Nomination.objects.get(pk=nomination.pk)
    assert fresh.assigned_reviewer_id is None and fresh.version == nomination.version
    assert not Transition.objects.filter(nomination=nomination).exists()


def test_an_independent_reviewer_is_assigned(client, world, conflicted):
    nomination = conflicted["nomination"]
    step = workflow.STEPS["assign"]
    client.force_login(world.admin)
    data = {**step_data(step, nomination, world), "reviewer": conflicted["independent"].pk}
    assert submit(client, step.url(nomination), data).status_code == 302
    assert Nomination.objects.get(pk=nomination.pk).assigned_reviewer == world.reviewer


@pytest.mark.parametrize("role", ROLES)
def test_only_an_administrator_assigns(client, world, staff, nominate, role):  # noqa: F811
    nomination = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    step = workflow.STEPS["assign"]
    login(client, staff, role)
    response = submit(client, step.url(nomination), step_data(step, nomination, world))
    assigned = Nomination.objects.get(pk=nomination.pk).assigned_reviewer_id
    if role == "administrator":
        assert response.status_code == 302 and assigned == world.reviewer.pk
    else:
        assert response.status_code in (302, 403) and assigned is None
        if role != "anonymous":
            assert "Chỉ Quản trị hệ thống" in html_of(response)


def test_bloc_leader_staff_assigned_anyway_cannot_recommend_or_decide(client, world, nominate):
    """An assignment recorded before the rule (or forced into the database) makes nobody a
    reviewer: the bloc's own staff can neither recommend nor grant and publish."""
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit, voted=True)
    Nomination.objects.filter(pk=nomination.pk).update(assigned_reviewer=world.leader)
    nomination.refresh_from_db()
    client.force_login(world.leader)
    for name in ("recommend", "council_vote", "return"):
        step = workflow.STEPS[name]
        response = client.post(step.url(nomination), step_data(step, nomination, world))
        assert response.status_code == 403, name
        assert "Chỉ người thẩm định thuộc" in html_of(response)
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.RECOMMENDED)
    nomination.refresh_from_db()
    grant = workflow.STEPS["grant"]
    response = client.post(grant.url(nomination), step_data(grant, nomination, world))
    assert response.status_code == 403
    assert not Award.objects.filter(nomination=nomination).exists()
    with pytest.raises(ValidationError, match="không có quyền"):
        services.recommend(nomination, world.leader)
    assert Nomination.objects.get(pk=nomination.pk).status == Status.RECOMMENDED
    # The reviewers of the department are told who holds it, by full name.
    client.force_login(world.reviewer)
    response = client.get(grant.url(nomination))
    assert response.status_code == 403
    assert escape(world.leader.get_full_name()) in html_of(response)


def test_a_reviewer_assigned_from_the_bloc_leader_unit_cannot_act(
    client, world, nominate, make_user, settings
):
    # The reviewing body is one unit: others review only what they are assigned.
    settings.THIDUA_REVIEW_BODY = {"role": roles.REVIEWER, "unit": world.review_unit.slug}
    nomination = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    insider = make_user(roles.REVIEWER, unit=world.leader_unit)
    Nomination.objects.filter(pk=nomination.pk).update(assigned_reviewer=insider)
    nomination.refresh_from_db()
    client.force_login(insider)
    response = client.get(workflow.STEPS["start_review"].url(nomination))
    assert response.status_code == 403
    assert "khối trưởng của khối đề nghị" in html_of(response)
    outsider = make_user(roles.REVIEWER, unit=UnitFactory(name="Văn phòng Bộ thử nghiệm"))
    Nomination.objects.filter(pk=nomination.pk).update(assigned_reviewer=outsider)
    client.force_login(outsider)
    assert client.get(workflow.STEPS["start_review"].url(nomination)).status_code == 200


# --- 8. the reason given: role before independence --------------------------------------------


def test_bloc_staff_are_told_they_are_not_reviewers_not_about_their_own_unit(
    client, world, nominate
):
    nomination = nominate(status=Status.IN_REVIEW, voted=True)  # the leader's own unit
    client.force_login(world.leader)
    step = workflow.STEPS["recommend"]
    response = client.post(step.url(nomination), step_data(step, nomination, world))
    assert response.status_code == 403
    html = html_of(response)
    assert "Chỉ người thẩm định thuộc" in html
    assert "Đây là hồ sơ của chính đơn vị bạn" not in html


def test_a_reviewer_of_the_recipients_unit_is_told_so(client, world, staff, nominate):  # noqa: F811
    nomination = nominate(status=Status.IN_REVIEW, voted=True)
    client.force_login(staff["own_reviewer"])
    response = client.get(workflow.STEPS["recommend"].url(nomination))
    assert response.status_code == 403
    assert "Đây là hồ sơ của chính đơn vị bạn" in html_of(response)


# --- 3. one dossier per recipient, award and year ----------------------------------------------


def create_form(world, **extra):
    return {
        "award_type": award_type("co-thi-dua-bo").pk,
        "unit": world.leader_unit.pk,
        "achievements": "Dẫn đầu khối.",
        **extra,
    }


def test_a_second_dossier_for_the_same_recipient_award_and_year_is_refused(client, world):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    assert submit(client, url, create_form(world)).status_code == 302
    first = Nomination.objects.get()
    response = submit(client, url, create_form(world))
    assert response.status_code == 200
    errors = response.context["form"].errors["unit"]
    assert any(f"hồ sơ số {first.pk}" in e and "hai lần" in e for e in errors), errors
    assert Nomination.objects.count() == 1
    # Another award type, or another unit, is another dossier.
    other = create_form(world, unit=world.member_unit.pk)
    assert submit(client, url, other).status_code == 302
    assert Nomination.objects.count() == 2


def test_a_withdrawn_or_refused_dossier_leaves_room_for_a_new_one(client, world, nominate):
    nominate(status=Status.WITHDRAWN)
    nominate(status=Status.REJECTED)
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    assert submit(client, url, create_form(world)).status_code == 302
    assert Nomination.objects.filter(status=Status.DRAFT).count() == 1


def test_an_edit_that_makes_a_duplicate_is_refused(client, world, nominate):
    nominate(status=Status.SUBMITTED)
    draft = nominate(unit=world.member_unit)
    client.force_login(world.leader)
    url = reverse("awards:edit", args=[draft.pk])
    response = submit(client, url, create_form(world))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert Nomination.objects.get(pk=draft.pk).unit_id == world.member_unit.pk


def test_a_duplicate_cannot_exist_to_be_sent(client, world, nominate):
    first = nominate()
    # A second live dossier cannot even be written: the database refuses it however it comes,
    # so sending needs no check of its own.
    with pytest.raises(IntegrityError), transaction.atomic():
        nominate()
    # Once the other is withdrawn, a new one is made and goes.
    services.withdraw(first, world.leader, "Trùng hồ sơ")
    third = nominate()
    client.force_login(world.leader)
    step = workflow.STEPS["submit"]
    assert step.url(third) in html_of(client.get(reverse("awards:detail", args=[third.pk])))
    services.submit(third, world.leader)
    assert Nomination.objects.get(pk=third.pk).status == Status.SUBMITTED


def test_the_dashboard_does_not_offer_to_send_a_duplicate(client, world, nominate):
    first = nominate()
    with pytest.raises(IntegrityError), transaction.atomic():
        nominate()  # the duplicate is refused by the database: nothing to offer
    client.force_login(world.leader)
    submit_step = workflow.STEPS["submit"]

    def offered(*nominations):
        html = html_of(client.get(reverse("awards:dashboard"), {"nam": world.year}))
        return {n.pk for n in nominations if submit_step.url(n) in html}

    assert offered(first) == {first.pk}
    Nomination.objects.filter(pk=first.pk).update(status=Status.WITHDRAWN)
    second = nominate()
    assert offered(first, second) == {second.pk}


# --- 4. dates of the council's sitting and of the decision -------------------------------------


def vote_data(held_on):
    return {
        "held_on": held_on,
        "votes_for": "9",
        "votes_against": "1",
        "present": "10",
        "council_size": "11",
        "confirm": "on",
    }


@pytest.mark.parametrize("when", ["before", "future"])
def test_a_council_vote_outside_the_achievement_year_and_today_is_refused(
    client, world, nominate, when
):
    nomination = nominate(status=Status.IN_REVIEW)
    today = timezone.localdate()
    day = datetime.date(world.year - 1, 12, 31) if when == "before" else today
    if when == "future":
        day = today + datetime.timedelta(days=1)
    client.force_login(world.reviewer)
    url = workflow.STEPS["council_vote"].url(nomination)
    response = submit(client, url, vote_data(dated(day)))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["held_on"])
    assert "Ngày họp Hội đồng" in errors and dated(day) in errors
    assert ("trước năm thành tích" if when == "before" else "chưa đến") in errors
    assert not CouncilVote.objects.filter(nomination=nomination).exists()
    assert Nomination.objects.get(pk=nomination.pk).version == nomination.version


def test_a_council_vote_within_the_year_and_today_is_recorded_with_its_date_in_the_log(
    client, world, nominate
):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    url = workflow.STEPS["council_vote"].url(nomination)
    for day in (datetime.date(world.year, 1, 1), timezone.localdate()):
        assert submit(client, url, vote_data(dated(day))).status_code == 302
    html = html_of(client.get(reverse("awards:detail", args=[nomination.pk])))
    assert f"Phiên họp ngày 01/01/{world.year}: 9/11 phiếu đồng ý" in html
    assert f"Phiên họp ngày {dated(timezone.localdate())}" in html


def test_the_service_checks_the_council_date_too(world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError) as error:
        services.record_council_vote(
            nomination,
            world.reviewer,
            held_on=timezone.localdate() + datetime.timedelta(days=30),
            votes_for=9,
            votes_against=1,
            present=10,
            council_size=11,
        )
    assert "held_on" in error.value.message_dict


@pytest.mark.parametrize("when", ["before", "future"])
def test_a_decision_dated_in_the_future_or_before_the_year_is_refused(
    client, world, nominate, when
):
    nomination = nominate(status=Status.RECOMMENDED)
    if when == "before":
        day = datetime.date(world.year - 1, 6, 15)
    else:
        day = timezone.localdate() + datetime.timedelta(days=1)
    step = workflow.STEPS["grant"]
    client.force_login(world.reviewer)
    data = {**step_data(step, nomination, world), "issued_on": dated(day)}
    response = submit(client, step.url(nomination), data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["issued_on"])
    assert "Ngày ban hành quyết định" in errors and dated(day) in errors
    # Nothing half-saved, nothing public.
    assert not Award.objects.exists() and not Decision.objects.exists()
    assert not Document.objects.filter(number=data["number"]).exists()
    assert Nomination.objects.get(pk=nomination.pk).status == Status.RECOMMENDED


# --- 5. where a new dossier's author lands ------------------------------------------------------


@pytest.mark.parametrize("who", ["clerk", "admin", "leader"])
def test_after_creating_a_dossier_the_author_lands_on_a_page_they_may_open(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(client, url, create_form(world))
    created = Nomination.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:detail", args=[created.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Đã lập hồ sơ dự thảo" in html_of(page)


# --- 6, 7. hidden fields: their errors shown, their labels not ----------------------------------


@pytest.mark.parametrize("version", ["abc", "", None])
def test_a_bad_or_missing_version_is_explained_on_the_step_page(client, world, nominate, version):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    data = {"confirm": "on", "reason": "x"}
    if version is not None:
        data["version"] = version
    response = client.post(workflow.STEPS["reject"].url(nomination), data)
    assert response.status_code == 200
    html = html_of(response)
    assert "Phiên bản hồ sơ không hợp lệ" in html or "Biểu mẫu thiếu phiên bản hồ sơ" in html
    assert Nomination.objects.get(pk=nomination.pk).status == Status.IN_REVIEW


def test_a_missing_form_token_is_explained_on_the_dossier_form(client, world):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = client.post(url, create_form(world))
    assert response.status_code == 200
    assert "Biểu mẫu thiếu mã gửi" in html_of(response)
    assert not Nomination.objects.exists()


def test_the_dossier_forms_show_no_label_for_hidden_fields(client, world, nominate):
    client.force_login(world.leader)
    pages = [
        reverse("awards:create", args=[world.bloc.slug, world.year]),
        reverse("awards:edit", args=[nominate().pk]),
    ]
    for url in pages:
        html = html_of(client.get(url))
        assert ">Version<" not in html and ">Form token<" not in html
        assert 'for="id_version"' not in html and 'for="id_form_token"' not in html
        assert 'type="hidden" name="version"' in html or 'type="hidden" name="form_token"' in html


# --- 9. one error for a unit outside the bloc ----------------------------------------------------


def test_a_unit_outside_the_bloc_gets_one_error_not_a_false_second(client, world):
    outsider = UnitFactory(name="Cục Ngoài Khối")
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(client, url, create_form(world, unit=outsider.pk))
    assert response.status_code == 200
    html = html_of(response)
    assert "chọn đúng một" not in html
    assert response.context["form"].errors["unit"]
    assert not Nomination.objects.exists()
    # Neither a unit nor a person: that error stays.
    response = submit(client, url, create_form(world, unit=""))
    assert "chọn đúng một" in html_of(response)


# --- 11. page refusals say why; a granted dossier links to what it produced ---------------------


@pytest.mark.parametrize("who", ["admin", "clerk", "reviewer", "member_staff"])
def test_the_bloc_dashboard_refusal_says_why(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("awards:dashboard"))
    assert response.status_code == 403
    assert "Chỉ cán bộ của đơn vị khối trưởng mở được trang này" in html_of(response)


@pytest.mark.parametrize("url_name", ["awards:queue", "awards:documents"])
def test_the_review_pages_refusal_says_why(client, world, url_name):
    client.force_login(world.leader)
    response = client.get(reverse(url_name))
    assert response.status_code == 403
    assert "Chỉ người thẩm định, Thư ký Bộ và Quản trị hệ thống" in html_of(response)


def test_a_granted_dossier_links_to_its_decision_certificate_and_verification(
    client, world, nominate
):
    nomination = nominate(status=Status.RECOMMENDED)
    step = workflow.STEPS["grant"]
    client.force_login(world.reviewer)
    assert submit(client, step.url(nomination), step_data(step, nomination, world)).status_code
    award = Award.objects.get(nomination=nomination)
    html = html_of(client.get(reverse("awards:detail", args=[nomination.pk])))
    assert reverse("awards:decision", args=[award.decision_id]) in html
    assert reverse("awards:award_certificate", args=[award.pk]) in html
    assert reverse("awards:verify", args=[award.verification_code]) in html
    # The bloc's staff see the decision and the public page, not the printing.
    client.force_login(world.leader)
    html = html_of(client.get(reverse("awards:detail", args=[nomination.pk])))
    assert reverse("awards:decision", args=[award.decision_id]) in html
    assert reverse("awards:award_certificate", args=[award.pk]) not in html
