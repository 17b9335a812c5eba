"""The reviewing body (issue 12, item 2): who reviews is a setting; a dossier of the reviewers' own
unit is assigned by an administrator to a reviewer of another unit, through the page, with the
reason in the log; a reviewer whose unit competes is told so; the log, overrides and votes stay
as written, even for a superuser."""

import pytest
from django.urls import reverse

from awards import workflow
from awards.models import Status, Transition
from blocs.models import Role
from tests.factories import MembershipFactory, UnitFactory
from thidua import roles

from .pages_world import submit
from .step_data import step_data

pytestmark = pytest.mark.django_db


def offered(client, nomination):
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    return {s.slug for s in workflow.BY_SLUG.values() if s.url(nomination) in html}


def test_the_reviewing_departments_own_dossier_is_assigned_and_then_reviewed(
    client, world, nominate, make_user
):
    # The reviewing department is itself a member of the bloc and nominated.
    MembershipFactory(bloc_year=world.bloc_year, unit=world.review_unit, role=Role.MEMBER)
    nomination = nominate(status=Status.SUBMITTED, unit=world.review_unit)
    outsider = make_user(roles.REVIEWER, unit=UnitFactory(name="Văn phòng Bộ thử nghiệm"))
    start = workflow.STEPS["start_review"]

    client.force_login(world.reviewer)  # every reviewer of the department is conflicted
    response = client.get(start.url(nomination))
    assert response.status_code == 403
    assert "Đây là hồ sơ của chính đơn vị bạn" in response.content.decode()

    client.force_login(world.admin)
    assign = workflow.STEPS["assign"]
    assert "giao-tham-dinh" in offered(client, nomination)
    data = {**step_data(assign, nomination, world), "reviewer": outsider.pk}
    data["reason"] = "Hồ sơ của chính Vụ"
    assert submit(client, assign.url(nomination), data).status_code == 302
    log = Transition.objects.get(nomination=nomination, action="assign")
    assert log.actor == world.admin
    assert outsider.get_username() in log.reason or outsider.get_full_name() in log.reason
    assert "Hồ sơ của chính Vụ" in log.reason

    other_reviewer = make_user(roles.REVIEWER, unit=UnitFactory(name="Vụ Khác thử nghiệm"))
    client.force_login(other_reviewer)  # assigned to someone else: not theirs any more
    assert client.get(start.url(nomination)).status_code == 403

    client.force_login(outsider)
    nomination.refresh_from_db()
    assert "bat-dau-tham-dinh" in offered(client, nomination)
    assert submit(client, start.url(nomination), step_data(start, nomination, world)).status_code
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_REVIEW


def test_a_reviewer_of_the_nominated_unit_cannot_be_assigned(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED, unit=world.review_unit)
    MembershipFactory(bloc_year=world.bloc_year, unit=world.review_unit, role=Role.MEMBER)
    client.force_login(world.admin)
    assign = workflow.STEPS["assign"]
    data = {**step_data(assign, nomination, world), "reviewer": world.reviewer.pk}
    response = submit(client, assign.url(nomination), data)
    assert response.status_code == 200
    assert "reviewer" in response.context["form"].errors  # not among the choices offered
    assert not Transition.objects.filter(nomination=nomination).exists()


def test_the_reviewing_unit_setting_limits_who_reviews(
    client, world, nominate, settings, make_user
):
    nominee = UnitFactory(name="Cục Được Đề Nghị")
    MembershipFactory(bloc_year=world.bloc_year, unit=nominee, role=Role.MEMBER)
    nomination = nominate(status=Status.SUBMITTED, unit=nominee)
    council_secretariat = UnitFactory(name="Vụ Tổ chức cán bộ thử nghiệm")
    settings.THIDUA_REVIEW_BODY = {"role": roles.REVIEWER, "unit": council_secretariat.slug}
    start = workflow.STEPS["start_review"]

    client.force_login(world.reviewer)  # a reviewer, but not of the reviewing unit
    response = client.get(start.url(nomination))
    assert response.status_code == 403
    assert council_secretariat.slug in response.content.decode()

    client.force_login(make_user(roles.REVIEWER, unit=council_secretariat))
    assert "bat-dau-tham-dinh" in offered(client, nomination)


def test_a_reviewer_whose_unit_competes_in_the_bloc_sees_it_noted(client, world, nominate):
    MembershipFactory(bloc_year=world.bloc_year, unit=world.review_unit, role=Role.MEMBER)
    nomination = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    client.force_login(world.reviewer)
    html = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    assert "cũng là thành viên của" in html and "cùng thi đua với hồ sơ này" in html
    MembershipFactory(bloc_year__year=2024, unit=world.member_unit)  # another year: no note
    other = nominate(
        status=Status.SUBMITTED, unit=world.member_unit, slug="tap-the-lao-dong-xuat-sac"
    )
    client.force_login(world.admin)
    assert (
        "cùng thi đua" not in client.get(reverse("awards:detail", args=[other.pk])).content.decode()
    )


def test_the_log_overrides_and_votes_are_neither_changed_nor_deleted_by_a_superuser(
    client, world, nominate
):
    from tests.factories import CouncilVoteFactory, OverrideFactory, TransitionFactory

    nomination = nominate(status=Status.IN_REVIEW)
    records = {
        "transition": TransitionFactory(nomination=nomination),
        "override": OverrideFactory(nomination=nomination, created_by=world.admin),
        "councilvote": CouncilVoteFactory(nomination=nomination),
    }
    client.force_login(world.admin)
    assert world.admin.is_superuser
    for model, obj in records.items():
        change = reverse(f"admin:awards_{model}_change", args=[obj.pk])
        page = client.get(change)
        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode(), model  # read-only
        client.post(change, {"reason": "sửa", "votes_for": 0, "note": "sửa"})
        delete = reverse(f"admin:awards_{model}_delete", args=[obj.pk])
        client.post(delete, {"post": "yes"})
        fresh = type(obj).objects.get(pk=obj.pk)  # still there
        for field in ("reason", "votes_for", "note"):
            if hasattr(obj, field):
                assert getattr(fresh, field) == getattr(obj, field), (model, field)
