"""QA pass 3 (/tmp/qa-3/staff.md), findings 2, 4–8 and 10, as the staff see them: a proposal that
has a dossier keeps its award, recipient and year; a dossier needs its bloc and a refusal says
why it is refused; a decision rests on a «Quyết định» and a reviewer types the revoking one; a
refusal is said once; no «Khôi phục» on a dossier that cannot be edited; no «Thêm» that is
always refused, and a refused bloc keeps what was typed; no blank certificate PDF."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services, workflow
from awards.models import (
    Award,
    CouncilVote,
    Decision,
    DecisionKind,
    Nomination,
    Proposal,
    Status,
)
from blocs.assessments import services as assessments
from blocs.models import BallotSubject, DocumentKind, Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    DocumentFactory,
    EventFactory,
    MembershipFactory,
    NominationFactory,
    ProposalFactory,
    UnitFactory,
    assessment_world,
    award_type,
)
from tests.html_text import text_of
from tests.thidua.test_admin_texts_and_history import change_form_data
from thidua import roles

from .pages_world import fast_passwords, submit  # noqa: F401

pytestmark = pytest.mark.django_db

NO_INLINES = {
    f"{prefix}-{key}": value
    for prefix in ("transitions", "council_votes", "overrides")
    for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
}


# --- 2. a proposal with a dossier keeps its award type, recipient and year ---------------------


@pytest.fixture
def proposed(world):
    """An event of the world's bloc in 2025, a proposal for the member unit and the dossier the
    clerk made from it."""
    event = EventFactory(
        bloc=world.bloc, period_start=2025, period_end=2025, held_on=datetime.date(2025, 12, 20)
    )
    proposal = ProposalFactory(event=event, unit=world.member_unit, order=1)
    (dossier,) = services.nominations_from_event(event, world.clerk)
    return event, Proposal.objects.get(pk=proposal.pk), dossier


def _row_prefix(data, proposal):
    key = next(
        k for k, v in data.items() if re.fullmatch(r"proposals-\d+-id", k) and v == str(proposal.pk)
    )
    return key.rsplit("-", 1)[0]


def select_tag(html, name):
    return re.search(rf'<select name="{name}"[^>]*>', html).group(0)


def test_the_model_refuses_to_rewrite_a_proposal_that_has_a_dossier(world, proposed):
    _, proposal, dossier = proposed
    proposal.unit = world.leader_unit
    proposal.award_type = award_type("tap-the-lao-dong-xuat-sac")
    with pytest.raises(ValidationError) as refused:
        proposal.full_clean()
    errors = refused.value.message_dict
    assert set(errors) >= {"unit", "award_type"}
    for field in ("unit", "award_type"):
        assert f"Đề xuất đã có hồ sơ đề nghị số {dossier.pk}" in errors[field][0]
    # Without a dossier the same change is an ordinary edit.
    free = ProposalFactory(event=proposal.event, unit=world.member_unit, order=2,
                           award_type=award_type("tap-the-lao-dong-xuat-sac"))  # fmt: skip
    free.unit = world.leader_unit
    free.full_clean()


def test_the_event_page_shows_the_row_with_a_dossier_read_only(client, world, proposed):
    event, proposal, dossier = proposed
    other = ProposalFactory(event=event, unit=world.leader_unit, order=2)
    client.force_login(world.clerk)
    url = reverse("admin:blocs_event_change", args=[event.pk])
    html = client.get(url).content.decode()
    data = change_form_data(client, url)
    row, free_row = _row_prefix(data, proposal), _row_prefix(data, other)
    for name in ("award_type", "unit"):
        assert "disabled" in select_tag(html, f"{row}-{name}")
        assert "disabled" not in select_tag(html, f"{free_row}-{name}")
    dossier_url = reverse("admin:awards_nomination_change", args=[dossier.pk])
    assert f'<a href="{dossier_url}">Hồ sơ số {dossier.pk}</a>: không sửa loại khen thưởng' in html
    # A forged post of the locked fields changes nothing.
    data[f"{row}-unit"] = str(world.leader_unit.pk)
    data[f"{row}-award_type"] = str(award_type("tap-the-lao-dong-xuat-sac").pk)
    client.post(url, data)
    proposal.refresh_from_db()
    assert (proposal.unit, proposal.award_type.slug) == (world.member_unit, "co-thi-dua-bo")


def test_changing_the_events_year_is_refused_on_the_row_with_a_dossier(client, world, proposed):
    event, proposal, dossier = proposed
    BlocYearFactory(bloc=world.bloc, year=2026)
    client.force_login(world.clerk)
    url = reverse("admin:blocs_event_change", args=[event.pk])
    data = change_form_data(client, url)
    data["period_end"] = "2026"
    response = client.post(url, data)
    assert response.status_code == 200
    assert f"Đề xuất đã có hồ sơ đề nghị số {dossier.pk}: không sửa năm của đề xuất" in (
        text_of(response)
    )
    event.refresh_from_db()
    assert event.period_end == 2025


@pytest.mark.parametrize("who", ["clerk", "admin"])
def test_the_proposals_admin_shows_a_proposal_with_a_dossier_read_only(
    client, world, proposed, who
):
    _, proposal, dossier = proposed
    client.force_login(getattr(world, who))
    url = reverse("admin:awards_proposal_change", args=[proposal.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    assert not {"event", "award_type", "unit", "person"} & set(form.fields)
    assert "note" in form.fields
    response = client.post(
        url,
        {"order": "1", "note": "Ghi chú mới", "unit": world.leader_unit.pk,
         "award_type": award_type("tap-the-lao-dong-xuat-sac").pk},
    )  # fmt: skip
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.unit, proposal.award_type.slug, proposal.note) == (
        world.member_unit,
        "co-thi-dua-bo",
        "Ghi chú mới",
    )


# --- 4. a dossier names its bloc; the refusal to send says why ----------------------------------


@pytest.mark.parametrize("who", ["clerk", "admin"])
def test_a_dossier_without_a_bloc_is_refused_on_the_bloc_field(client, world, who):
    client.force_login(getattr(world, who))
    data = {
        "award_type": award_type("co-thi-dua-bo").pk,
        "year": "2025",
        "unit": world.member_unit.pk,
        "bloc": "",
        "achievements": "Không có khối",
        **NO_INLINES,
    }
    response = client.post(reverse("admin:awards_nomination_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["bloc"]
    assert any("Chọn khối đề nghị" in e for e in errors), errors
    assert "Không có khối" in response.content.decode()  # what was typed is kept
    assert not Nomination.objects.exists()


@pytest.fixture
def blocless(world):
    """A draft saved without a bloc before the rule (the QA's nomination #9)."""
    return NominationFactory(bloc=None, year=2025, unit=world.leader_unit, created_by=world.clerk)


@pytest.mark.parametrize("who", ["clerk", "admin", "leader"])
def test_sending_a_dossier_without_a_bloc_says_what_is_missing(client, world, blocless, who):
    refusal = workflow.STEPS["submit"].refusal(blocless, getattr(world, who))
    assert "Hồ sơ chưa ghi khối đề nghị nên chưa ai gửi, rút được" in refusal.message
    assert "được lập" not in refusal.message
    if who == "leader":
        return  # the dossier is not the leader's bloc's: not in their list
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("admin:awards_nomination_changelist"),
        {"action": "workflow_submit", "_selected_action": [blocless.pk], "reason": ""},
        follow=True,
    )
    assert "Hồ sơ chưa ghi khối đề nghị nên chưa ai gửi, rút được" in text_of(response)
    assert Nomination.objects.get(pk=blocless.pk).status == Status.DRAFT


def test_the_secretariat_is_told_it_prepares_but_does_not_send(world, nominate):
    nomination = nominate(status=Status.DRAFT)
    message = workflow.STEPS["submit"].refusal(nomination, world.clerk).message
    assert "Bạn lập, sửa được hồ sơ" in message and "không gửi, rút hồ sơ" in message
    assert f"cán bộ đơn vị khối trưởng của «{world.bloc}» năm 2025" in message
    # The bloc's leader sends it.
    assert workflow.STEPS["submit"].refusal(nomination, world.leader) is None


def test_a_dossier_without_a_bloc_is_mended_by_adding_its_bloc(client, world, blocless):
    client.force_login(world.clerk)
    detail = client.get(reverse("awards:detail", args=[blocless.pk]))
    html = detail.content.decode()
    admin_url = reverse("admin:awards_nomination_change", args=[blocless.pk])
    assert "Hồ sơ chưa ghi khối đề nghị" in html
    assert f'href="{admin_url}">Sửa hồ sơ (chọn khối đề nghị)' in html
    # The bloc's own form cannot offer members without a bloc: sent to the admin, not a 500.
    edit = client.get(reverse("awards:edit", args=[blocless.pk]))
    assert edit.status_code == 302 and edit["Location"] == admin_url
    loaded = client.get(admin_url).context["adminform"].form["loaded_version"].value()
    data = {
        "award_type": blocless.award_type_id,
        "year": "2025",
        "unit": world.leader_unit.pk,
        "bloc": "",
        "achievements": "Bổ sung khối",
        "loaded_version": loaded,
        **NO_INLINES,
    }
    refused = client.post(admin_url, data)
    assert "Chọn khối đề nghị" in " ".join(refused.context["adminform"].form.errors["bloc"])
    data["bloc"] = world.bloc.pk
    assert client.post(admin_url, data).status_code == 302
    mended = Nomination.objects.get(pk=blocless.pk)
    assert mended.bloc == world.bloc and mended.achievements == "Bổ sung khối"
    services.submit(mended, world.leader)
    assert Nomination.objects.get(pk=blocless.pk).status == Status.SUBMITTED


# --- 5. a decision is a «Quyết định»; a reviewer types the revoking one ------------------------


def test_a_decision_on_another_kind_of_document_is_refused(world):
    for kind in (DocumentKind.OFFICIAL_LETTER, DocumentKind.RESOLUTION):
        document = DocumentFactory(kind=kind)
        for decision_kind in DecisionKind.values:
            with pytest.raises(ValidationError) as refused:
                Decision(document=document, kind=decision_kind).full_clean()
            message = refused.value.message_dict["document"][0]
            assert f"«{document}» không phải là quyết định" in message
    Decision(document=DocumentFactory(kind=DocumentKind.DECISION)).full_clean()


@pytest.mark.parametrize("who", ["reviewer", "clerk"])
def test_the_decisions_admin_refuses_a_letter_as_a_decision(client, world, who):
    letter = DocumentFactory(kind=DocumentKind.OFFICIAL_LETTER)
    client.force_login(getattr(world, who))
    data = {"document": letter.pk, "kind": DecisionKind.REVOKE, "signer_name": "A",
            "signer_title": "B", "is_published": "on"}  # fmt: skip
    response = client.post(reverse("admin:awards_decision_add"), data)
    assert response.status_code == 200
    assert "không phải là quyết định" in " ".join(
        response.context["adminform"].form.errors["document"]
    )
    assert not Decision.objects.exists()
    data["document"] = DocumentFactory(kind=DocumentKind.DECISION).pk
    assert client.post(reverse("admin:awards_decision_add"), data).status_code == 302


@pytest.fixture
def granted(world):
    """A historical award (decision of 05/01/2026) for the member unit."""
    return AwardFactory(unit=world.member_unit, year=2021)


def revoke(client, award, **fields):
    data = {"action": "revoke_awards", "_selected_action": [award.pk], "decision": "",
            "reason": "Khai man hồ sơ", **fields}  # fmt: skip
    return client.post(reverse("admin:awards_award_changelist"), data, follow=True)


def test_a_reviewer_revokes_by_typing_the_decisions_number_and_date(client, world, granted):
    client.force_login(world.reviewer)
    page = client.get(reverse("admin:awards_award_changelist")).content.decode()
    assert 'name="revoke_number"' in page and 'name="revoke_issued_on"' in page
    response = revoke(client, granted, revoke_number="12/QĐ-BKHCN", revoke_issued_on="10/02/2026")
    assert "Đã thu hồi 1 khen thưởng." in text_of(response)
    granted.refresh_from_db()
    document = granted.revoked_by.document
    assert granted.revoked_by.kind == DecisionKind.REVOKE
    assert (document.kind, document.number, document.issued_on) == (
        DocumentKind.DECISION,
        "12/QĐ-BKHCN",
        datetime.date(2026, 2, 10),
    )


@pytest.mark.parametrize(
    "fields,expected",
    [
        ({}, "Chọn quyết định thu hồi đã ghi trong ô «Quyết định (mã số)», hoặc ghi số"),
        ({"revoke_number": "12/QĐ-BKHCN"}, "Ghi cả ngày ban hành của quyết định thu hồi"),
        ({"decision": "abc"}, "Mã số abc không phải một quyết định thu hồi."),
        (
            {"decision": "999", "revoke_number": "12/QĐ-BKHCN"},
            "Chọn một quyết định thu hồi đã ghi hoặc ghi số, ngày của quyết định thu hồi mới",
        ),
        (
            {"revoke_number": "12/QĐ-BKHCN", "revoke_issued_on": "31/02/2026"},
            "«Ngày ban hành quyết định thu hồi»:",
        ),
        (
            {"revoke_number": "12/QĐ-BKHCN", "revoke_issued_on": "01/01/2026"},
            "Quyết định thu hồi phải ban hành sau quyết định khen thưởng.",
        ),
    ],
)
def test_a_revocation_without_a_usable_decision_is_refused(
    client, world, granted, fields, expected
):
    client.force_login(world.reviewer)
    response = revoke(client, granted, **fields)
    assert expected in text_of(response)
    assert not Award.objects.get(pk=granted.pk).revoked_by_id
    assert not Decision.objects.filter(kind=DecisionKind.REVOKE).exists()


def test_a_letter_cannot_be_the_revoking_decision(client, world, granted):
    # Typed: the number and date of a Công văn already recorded.
    letter = DocumentFactory(kind=DocumentKind.OFFICIAL_LETTER, issued_on=datetime.date(2026, 3, 1))
    client.force_login(world.reviewer)
    response = revoke(client, granted, revoke_number=letter.number, revoke_issued_on="01/03/2026")
    assert f"«{letter}» không phải là quyết định" in text_of(response)
    # Picked: a revoking decision recorded on a Công văn before the rule.
    legacy = DecisionFactory(
        kind=DecisionKind.REVOKE,
        document=DocumentFactory(
            kind=DocumentKind.OFFICIAL_LETTER, issued_on=datetime.date(2026, 3, 2)
        ),
    )
    response = revoke(client, granted, decision=legacy.pk)
    assert "không phải là quyết định" in text_of(response)
    assert not Award.objects.get(pk=granted.pk).revoked_by_id
    # An existing revoking decision on a Quyết định is picked as before.
    proper = DecisionFactory(kind=DecisionKind.REVOKE)
    assert "Đã thu hồi 1 khen thưởng." in text_of(revoke(client, granted, decision=proper.pk))


def test_the_secretariat_may_not_revoke(client, world, granted):
    client.force_login(world.clerk)
    response = revoke(client, granted, revoke_number="12/QĐ-BKHCN", revoke_issued_on="10/02/2026")
    assert "không có quyền thu hồi khen thưởng" in text_of(response)
    assert not Award.objects.get(pk=granted.pk).revoked_by_id


def test_a_grant_under_a_legacy_decision_on_a_letter_is_refused(world, nominate):
    nomination = nominate(status=Status.RECOMMENDED, voted=True)
    legacy = DecisionFactory(document=DocumentFactory(kind=DocumentKind.OFFICIAL_LETTER))
    with pytest.raises(ValidationError, match="không phải là quyết định"):
        services.grant(nomination, world.reviewer, legacy)
    assert Nomination.objects.get(pk=nomination.pk).status == Status.RECOMMENDED


# --- 6. a refused step is said once -------------------------------------------------------------


@pytest.mark.parametrize(
    "step,status,who,sentence",
    [
        ("start_review", Status.IN_REVIEW, "reviewer", "Không thể bắt đầu thẩm định khi hồ sơ"),
        ("submit", Status.SUBMITTED, "leader", "Không thể gửi hồ sơ khi hồ sơ"),
        ("withdraw", Status.IN_REVIEW, "leader", "Không thể rút hồ sơ khi hồ sơ"),
    ],
)
def test_a_refused_step_says_why_once(client, world, nominate, step, status, who, sentence):
    nomination = nominate(status=status)
    url = workflow.STEPS[step].url(nomination)
    client.force_login(getattr(world, who))
    page = client.get(url).content.decode()
    assert page.count(sentence) == 1
    response = submit(client, url, {"confirm": "on", "reason": "Lý do"})
    assert response.status_code == 200
    assert response.content.decode().count(sentence) == 1
    assert Nomination.objects.get(pk=nomination.pk).status == status


def test_a_refused_assessment_confirmation_says_why_once(client, make_user):
    bloc_year, units, items = assessment_world(members=3, items=2)
    clerk = make_user(roles.SECRETARIAT)
    entry = assessments.Entry(
        scores={(u.pk, i.pk): ("5", "5", "") for u in units for i in items},
        ballots={"issued": "3", "returned": "3", "valid": "3", "invalid": "0"},
        votes={(BallotSubject.LEADING, units[0].pk): "2"},
    )
    version = assessments.enter(bloc_year, clerk, entry)
    url = reverse("blocs:assessment_action", args=[version.pk, "xac-nhan"])
    client.force_login(clerk)  # who entered it does not confirm it
    refusal = client.get(url).context["explanation"]
    assert refusal
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 200
    assert response.content.decode().count(refusal) == 1


# --- 7. no «Khôi phục» on a dossier that can no longer be edited --------------------------------


REVERT_BUTTON = 'value="Khôi phục"'


@pytest.mark.parametrize("who", ["clerk", "leader", "admin"])
def test_the_old_version_of_a_granted_dossier_is_shown_read_only(client, world, nominate, who):
    nomination = nominate(status=Status.DRAFT, achievements="Bản đầu")
    record = nomination.history.earliest()
    url = reverse("admin:awards_nomination_simple_history", args=[nomination.pk, record.history_id])
    client.force_login(getattr(world, who))
    assert REVERT_BUTTON in client.get(url).content.decode()  # a draft: offered

    Nomination.objects.filter(pk=nomination.pk).update(status=Status.GRANTED)
    page = client.get(url)
    html = page.content.decode()
    assert REVERT_BUTTON not in html
    assert "achievements" in page.context["adminform"].readonly_fields
    said = text_of(page)
    assert "Không thể khôi phục phiên bản cũ của «" in said
    assert "»: hồ sơ ở trạng thái «Đã được khen thưởng» không sửa được" in said
    history = client.get(reverse("admin:awards_nomination_history", args=[nomination.pk]))
    assert history.status_code == 200
    # A page loaded before the grant: its revert gets the same refusal, nothing changes.
    response = client.post(url, {"achievements": "Bản đầu", **NO_INLINES})
    assert response.status_code == 200
    assert "không sửa được; chỉ sửa hồ sơ dự thảo hoặc bị trả lại" in text_of(response)
    assert Nomination.objects.get(pk=nomination.pk).status == Status.GRANTED


def test_the_refusal_is_the_one_the_save_gives(world, nominate):
    nomination = nominate(status=Status.GRANTED)
    message = services.edit_refusal(nomination)
    with pytest.raises(ValidationError) as refused:
        services.save_draft(nomination, world.clerk)
    assert refused.value.messages == [message]


# --- 8. a refused bloc keeps what was typed -------------------


def test_the_reviewer_records_a_vote_from_the_admin(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    client.force_login(world.reviewer)
    data = {"nomination": nomination.pk, "held_on": "10/01/2026", "votes_for": "9",
            "votes_against": "1", "present": "10", "council_size": "11"}  # fmt: skip
    assert client.post(reverse("admin:awards_councilvote_add"), data).status_code == 302
    assert CouncilVote.objects.filter(nomination=nomination).count() == 1


@pytest.fixture
def other_bloc(world):
    """A bloc the world's leader unit does not lead in 2025, with a member unit."""
    bloc = BlocFactory(organiser=world.ministry)
    bloc_year = BlocYearFactory(bloc=bloc, year=2025)
    member = UnitFactory(name="Cục Khối Bên")
    MembershipFactory(bloc_year=bloc_year, unit=member, role=Role.LEADER)
    return bloc, member


def test_a_bloc_the_leader_does_not_lead_is_refused_on_the_field_with_input_kept(
    client, world, other_bloc
):
    bloc, member = other_bloc
    client.force_login(world.leader)
    data = {
        "award_type": award_type("co-thi-dua-bo").pk,
        "year": "2025",
        "unit": member.pk,
        "bloc": bloc.pk,
        "achievements": "Thành tích đã gõ dài",
        **NO_INLINES,
    }
    response = client.post(reverse("admin:awards_nomination_add"), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    errors = " ".join(form.errors["bloc"])
    assert "không có quyền lập hồ sơ cho khối và năm này" in errors
    assert f"không là khối trưởng của «{bloc}» năm 2025" in errors
    assert "Thành tích đã gõ dài" in response.content.decode()
    assert form["bloc"].value() == str(bloc.pk)
    assert not Nomination.objects.exists()
    # The bloc they lead that year is accepted.
    data.update(bloc=world.bloc.pk, unit=world.member_unit.pk)
    assert client.post(reverse("admin:awards_nomination_add"), data).status_code == 302
    assert Nomination.objects.get().bloc == world.bloc


def test_a_dossier_moved_to_a_bloc_the_leader_does_not_lead_is_refused_on_the_field(
    client, world, nominate, other_bloc
):
    bloc, member = other_bloc
    nomination = nominate(status=Status.DRAFT, unit=world.member_unit)
    url = reverse("admin:awards_nomination_change", args=[nomination.pk])
    client.force_login(world.leader)
    loaded = client.get(url).context["adminform"].form["loaded_version"].value()
    data = {"award_type": nomination.award_type_id, "year": "2025", "unit": member.pk,
            "bloc": bloc.pk, "achievements": "Sửa sang khối khác", "loaded_version": loaded,
            **NO_INLINES}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "không có quyền lập hồ sơ" in " ".join(response.context["adminform"].form.errors["bloc"])
    assert Nomination.objects.get(pk=nomination.pk).bloc == world.bloc


# --- 10. no blank certificate PDF ----------------------------------------------------------------


def _revoke_all(decision, *awards):
    revoking = DecisionFactory(kind=DecisionKind.REVOKE)
    for award in awards:
        award.revoked_by, award.revocation_reason = revoking, "Kê khai không đúng"
        award.save()


@pytest.mark.parametrize("who", ["reviewer", "clerk"])
def test_a_decision_whose_awards_are_all_revoked_prints_nothing_and_says_so(client, world, who):
    decision = DecisionFactory()
    awards = [AwardFactory(decision=decision, unit=UnitFactory()) for _ in range(2)]
    _revoke_all(decision, *awards)
    client.force_login(getattr(world, who))
    url = reverse("awards:decision_certificates", args=[decision.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('awards:documents')}#qd-{decision.pk}"
    page = text_of(client.get(response["Location"]))
    assert f"Mọi khen thưởng (2) của «{decision}» đã bị thu hồi: không in bằng, giấy khen." in page


def test_a_range_of_revoked_awards_prints_nothing_and_says_so(client, world):
    decision = DecisionFactory()
    awards = [AwardFactory(decision=decision, unit=UnitFactory()) for _ in range(3)]
    _revoke_all(decision, awards[1])
    client.force_login(world.reviewer)
    url = reverse("awards:decision_certificates", args=[decision.pk])
    response = client.get(url + "?tu=2&den=2", follow=True)
    assert "Các khen thưởng số sổ vàng từ 2 đến 2 của" in text_of(response)
    assert "đã bị thu hồi: không in bằng, giấy khen." in text_of(response)
    printed = client.get(url + "?tu=1&den=2")
    assert printed.status_code == 200 and printed["Content-Type"] == "application/pdf"
