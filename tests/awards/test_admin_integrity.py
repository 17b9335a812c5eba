"""The attacks of issue 11 on the awards admin: other blocs' dossiers through history pages,
awards entered or moved outside the workflow, a dossier's status reverted, deletes of history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards import services
from awards.models import Award, Nomination, Status, Transition
from tests.factories import (
    AwardFactory,
    DecisionFactory,
    NominationFactory,
    UnitFactory,
    award_type,
)
from thidua import roles

pytestmark = pytest.mark.django_db


def test_history_of_another_blocs_dossier_and_log_is_a_404(client, world):
    other = NominationFactory(status=Status.SUBMITTED)
    step = Transition.objects.create(
        nomination=other, action="submit", to_status=Status.SUBMITTED, at=other.created_at
    )
    client.force_login(world.leader)
    for model, obj in [("nomination", other), ("transition", step)]:
        record = obj.history.first()
        for url in [
            reverse(f"admin:awards_{model}_history", args=[obj.pk]),
            reverse(f"admin:awards_{model}_simple_history", args=[obj.pk, record.history_id]),
        ]:
            assert client.get(url).status_code == 404, url


def test_reverting_a_dossier_never_changes_its_status(client, world, nominate):
    nomination = nominate(status=Status.DRAFT, achievements="Bản đầu")
    first = nomination.history.earliest()
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.SUBMITTED)
    client.force_login(world.leader)
    url = reverse("admin:awards_nomination_simple_history", args=[nomination.pk, first.history_id])
    data = {
        "award_type": nomination.award_type_id,
        "year": nomination.year,
        "unit": nomination.unit_id,
        "bloc": nomination.bloc_id,
        "achievements": "Bản đầu",
        "status": Status.DRAFT,
    }
    response = client.post(url, data)
    assert response.status_code == 200  # refused on the form, not a 500
    assert "không sửa được" in response.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).status == Status.SUBMITTED


def test_a_current_year_award_cannot_be_entered_directly(client, world):
    decision = DecisionFactory()
    client.force_login(world.clerk)
    data = {
        "award_type": award_type("co-thi-dua-bo").pk,
        "year": 2026,
        "unit": world.member_unit.pk,
        "decision": decision.pk,
        "source": "Bản lưu",
        "is_historical": "on",
    }
    response = client.post(reverse("admin:awards_award_add"), data)
    assert response.status_code == 200
    assert "chỉ được ghi từ quyết định trên hồ sơ đề nghị đã thẩm định" in response.content.decode()
    assert not Award.objects.exists()


def test_a_year_of_the_current_regime_needs_the_historical_mark_and_a_source(world):
    row = {"award_type": award_type("co-thi-dua-bo"), "year": 2025, "unit": world.member_unit}
    decision = DecisionFactory(document__issued_on=datetime.date(2026, 1, 15))
    with pytest.raises(ValidationError) as error:
        services.record_historical_awards(world.clerk, [row], document=decision.document)
    assert "is_historical" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.record_historical_awards(
            world.clerk, [{**row, "is_historical": True}], document=decision.document
        )
    assert "source" in error.value.message_dict
    [award] = services.record_historical_awards(
        world.clerk,
        [{**row, "is_historical": True, "source": "Báo cáo tổng kết 2025"}],
        document=decision.document,
    )
    assert award.is_historical and award.source


def test_the_database_refuses_an_award_outside_the_workflow_without_its_mark():
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardFactory(is_historical=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardFactory(source="")


def test_no_one_enters_or_moves_an_award_to_their_own_unit(client, world, make_user):
    clerk = make_user(roles.SECRETARIAT, unit=world.member_unit)
    row = {
        "award_type": award_type("co-thi-dua-bo"),
        "year": 2012,
        "unit": world.member_unit,
        "source": "Bản lưu",
    }
    with pytest.raises(ValidationError, match="chính đơn vị mình"):
        services.record_historical_awards(clerk, [row], document=DecisionFactory().document)
    award = AwardFactory(year=2012, unit=world.leader_unit)
    award.unit = world.member_unit
    with pytest.raises(ValidationError, match="chính đơn vị mình"):
        services.correct_award(award, clerk)
    assert Award.objects.get(pk=award.pk).unit == world.leader_unit
    # A reviewer does not correct awards at all: the change page is read-only, a POST refused.
    own_reviewer = make_user(roles.REVIEWER, unit=world.member_unit)
    client.force_login(own_reviewer)
    url = reverse("admin:awards_award_change", args=[award.pk])
    assert client.post(url, {"unit": world.member_unit.pk}).status_code == 403


def test_an_award_from_a_nomination_keeps_what_its_decision_granted(world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    award = services.grant(nomination, world.reviewer, DecisionFactory())
    award.year = 2020
    with pytest.raises(ValidationError, match="giữ đúng nội dung quyết định"):
        services.correct_award(award, world.clerk)


def test_deleting_an_award_or_a_dossier_is_refused_with_the_alternative(client, world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    award = services.grant(nomination, world.reviewer, DecisionFactory())
    client.force_login(world.admin)
    for model, obj, hint in [
        ("award", award, "Thu hồi khen thưởng"),
        ("nomination", nomination, "Rút hồ sơ"),
    ]:
        response = client.post(
            reverse(f"admin:awards_{model}_delete", args=[obj.pk]), {"post": "yes"}, follow=True
        )
        assert hint in response.content.decode()
        assert type(obj).objects.filter(pk=obj.pk).exists()
    assert Nomination.objects.get(pk=nomination.pk).transitions.exists()


def test_a_rule_on_a_field_the_page_does_not_edit_is_shown_not_a_server_error(
    admin_client, world, nominate
):
    """A submitted dossier shows its fields read-only; if its unit has since left the bloc, saving
    the change page or reverting names the rule above the form (before: ValueError, a 500)."""
    stranger = UnitFactory(name="Viện Ngoài Khối")
    nomination = nominate(status=Status.SUBMITTED, unit=stranger)
    record = nomination.history.first()
    for url in [
        reverse("admin:awards_nomination_change", args=[nomination.pk]),
        reverse("admin:awards_nomination_simple_history", args=[nomination.pk, record.history_id]),
    ]:
        response = admin_client.post(url, {})
        assert response.status_code in (200, 403), url
        if response.status_code == 200:
            html = response.content.decode()
            assert "«tập thể»: Tập thể không phải đơn vị thành viên" in html, url
    assert Nomination.objects.get(pk=nomination.pk).version == nomination.version
