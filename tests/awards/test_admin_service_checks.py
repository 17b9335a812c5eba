"""The admin pages whose save goes through a service ask its refusals while validating: a refused
add or edit comes back as the form (status 200), the refusal by its field or above the form, and
everything typed still in it; nothing is saved. Only what the save alone can find (another user
changed the record in between) is answered by a message after a reload, saying nothing was
saved."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from awards import eligibility, services
from awards.models import (
    Award,
    CouncilVote,
    DecisionKind,
    Nomination,
    Override,
    Rule,
    Status,
)
from tests.awards.test_admin_qa3_staff import NO_INLINES
from tests.factories import AwardFactory, DecisionFactory, award_type
from tests.html_text import text_of as page_text
from thidua import roles

pytestmark = pytest.mark.django_db


def refused(response):
    """The re-rendered form of a refused post: its errors by field (None: above the form)."""
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    return {name or None: " ".join(errors) for name, errors in form.errors.items()}


def top(errors) -> str:
    return errors.get("__all__", "")


def kept(response, *values):
    """Every typed value is still in the form's HTML (an input's value, a text area, a choice)."""
    markup = html.unescape(response.content.decode())
    for value in values:
        assert str(value) in markup, value


def typed_in(response, **values):
    """Each named input of the form still holds what was typed."""
    markup = html.unescape(response.content.decode())
    for name, value in values.items():
        tag = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', markup)
        assert tag is not None, name
        assert f'value="{value}"' in tag.group(0), tag.group(0)


def chosen(response, name, pk):
    """The autocomplete/select `name` still has `pk` selected."""
    markup = response.content.decode()
    select = markup[markup.index(f'name="{name}"') :]
    select = select[: select.index("</select>")]
    assert re.search(rf'<option value="{pk}"[^>]*selected', select), select[:300]


# --- rule overrides (services.record_override) ----------------------------------------------------

OVERRIDE_TYPED = {
    "reason": "Đơn vị có thành tích đột xuất được Bộ trưởng chấp thuận",
    "document_number": "77/QĐ-BKHCN",
    "document_date": "12/01/2026",
}


def _rules(nomination):
    judged = {c.rule.pk for c in eligibility.check(nomination)}
    applies = Rule.objects.filter(pk__in=judged).order_by("pk").first()
    foreign = (
        Rule.objects.filter(is_active=True, award_type__slug="co-thi-dua-chinh-phu")
        .exclude(pk__in=judged)
        .first()
    )
    assert applies is not None and foreign is not None
    return applies, foreign


def test_an_override_for_a_rule_that_does_not_judge_the_dossier_keeps_the_input(
    client, world, nominate
):
    nomination = nominate(status=Status.SUBMITTED)
    applies, foreign = _rules(nomination)
    client.force_login(world.admin)
    url = reverse("admin:awards_override_add")
    data = {"nomination": nomination.pk, "rule": foreign.pk, **OVERRIDE_TYPED}
    response = client.post(url, data)
    errors = refused(response)
    assert f"Quy định «{foreign}» ({foreign.basis}) không áp dụng cho hồ sơ" in errors["rule"]
    assert "«Kiểm tra quy định»" in errors["rule"]
    kept(response, OVERRIDE_TYPED["reason"])
    typed_in(response, **{k: v for k, v in OVERRIDE_TYPED.items() if k != "reason"})
    chosen(response, "nomination", nomination.pk)
    chosen(response, "rule", foreign.pk)
    assert not Override.objects.exists()
    nomination.refresh_from_db()
    assert nomination.version == 1 and not nomination.transitions.exists()
    # The rule that judges it is recorded.
    assert client.post(url, {**data, "rule": applies.pk}).status_code == 302
    assert Override.objects.get().rule == applies


def test_an_override_on_a_closed_dossier_is_refused_above_the_form(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    applies, _ = _rules(nomination)
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.WITHDRAWN)
    client.force_login(world.admin)
    data = {"nomination": nomination.pk, "rule": applies.pk, **OVERRIDE_TYPED}
    response = client.post(reverse("admin:awards_override_add"), data)
    errors = refused(response)
    assert "Không thể ghi ngoại lệ quy định khi hồ sơ ở trạng thái «Đã rút»" in top(errors)
    assert "Không thể ghi ngoại lệ quy định" in page_text(response)
    kept(response, OVERRIDE_TYPED["reason"])
    typed_in(response, **{k: v for k, v in OVERRIDE_TYPED.items() if k != "reason"})
    chosen(response, "nomination", nomination.pk)
    assert not Override.objects.exists()


def test_a_second_override_for_the_same_rule_keeps_the_input(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    applies, _ = _rules(nomination)
    client.force_login(world.admin)
    url = reverse("admin:awards_override_add")
    data = {"nomination": nomination.pk, "rule": applies.pk, **OVERRIDE_TYPED}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "reason": "Lần ghi thứ hai"})
    assert "đã có ngoại lệ cho quy định" in " ".join(refused(response).values())
    kept(response, "Lần ghi thứ hai", "77/QĐ-BKHCN", "12/01/2026")
    assert Override.objects.count() == 1


# --- council votes (services.record_council_vote) ------------------------------------------------

VOTE_TYPED = {"votes_for": "7", "votes_against": "2", "present": "9", "council_size": "13"}


def _vote(nomination, held_on="15/01/2026"):
    return {"nomination": nomination.pk, "held_on": held_on, **VOTE_TYPED, "note": "Phiên thứ hai"}


def test_a_vote_on_a_dossier_not_under_review_keeps_the_input(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED, unit=world.member_unit)
    client.force_login(world.reviewer)
    response = client.post(reverse("admin:awards_councilvote_add"), _vote(nomination))
    errors = refused(response)
    assert (
        "Không thể ghi kết quả bỏ phiếu Hội đồng khi hồ sơ ở trạng thái «Đã gửi» (chỉ khi hồ sơ "
        "ở trạng thái «Đang thẩm định»)" in top(errors)
    )
    assert "Không thể ghi kết quả bỏ phiếu Hội đồng" in page_text(response)
    kept(response, "Phiên thứ hai")
    typed_in(response, held_on="15/01/2026", **VOTE_TYPED)
    chosen(response, "nomination", nomination.pk)
    assert not CouncilVote.objects.exists()
    assert Nomination.objects.get(pk=nomination.pk).version == nomination.version


def test_a_vote_dated_before_the_achievement_year_is_refused_on_its_date(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    client.force_login(world.reviewer)
    url = reverse("admin:awards_councilvote_add")
    response = client.post(url, _vote(nomination, held_on="20/12/2024"))
    errors = refused(response)
    assert "Ngày họp Hội đồng (20/12/2024) trước năm thành tích 2025" in errors["held_on"]
    assert "phải từ ngày 01/01/2025 trở đi" in errors["held_on"]
    kept(response, "Phiên thứ hai")
    typed_in(response, held_on="20/12/2024", **VOTE_TYPED)
    assert not CouncilVote.objects.exists()
    assert not Nomination.objects.get(pk=nomination.pk).transitions.exists()
    # A date in the achievement year's range is recorded.
    assert client.post(url, _vote(nomination)).status_code == 302
    vote = CouncilVote.objects.get()
    assert (vote.held_on, vote.votes_for, vote.recorded_by) == (
        datetime.date(2026, 1, 15),
        7,
        world.reviewer,
    )


def test_a_vote_on_the_reviewers_own_unit_is_refused_with_the_reason(
    client, world, nominate, make_user
):
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    own = make_user(roles.REVIEWER, unit=world.member_unit)
    client.force_login(own)
    response = client.post(reverse("admin:awards_councilvote_add"), _vote(nomination))
    errors = refused(response)
    assert "Bạn không có quyền ghi kết quả bỏ phiếu Hội đồng" in top(errors)
    assert "Đây là hồ sơ của chính đơn vị bạn" in top(errors)
    kept(response, "15/01/2026", "Phiên thứ hai")
    assert not CouncilVote.objects.exists()


# --- awards entered or corrected (record_historical_awards, correct_award) ------------------------


def _award(world, decision, **extra):
    return {
        "award_type": award_type("co-thi-dua-bo").pk,
        "year": "2012",
        "unit": world.member_unit.pk,
        "decision": decision.pk,
        "source": "Sổ vàng lưu tại Vụ, trang 14",
        "note": "Ghi theo bản gốc",
        **extra,
    }


def test_an_award_under_a_revoking_decision_is_refused_on_the_decision(client, world):
    revoking = DecisionFactory(
        kind=DecisionKind.REVOKE, document__issued_on=datetime.date(2013, 3, 1)
    )
    client.force_login(world.clerk)
    url = reverse("admin:awards_award_add")
    response = client.post(url, _award(world, revoking))
    errors = refused(response)
    assert f"«{revoking.document}» đã được ghi là quyết định thu hồi" in errors["decision"]
    kept(response, "Sổ vàng lưu tại Vụ, trang 14", "Ghi theo bản gốc")
    typed_in(response, year="2012")
    assert not Award.objects.exists()
    # A granting decision is accepted.
    granting = DecisionFactory(document__issued_on=datetime.date(2013, 3, 1))
    assert client.post(url, _award(world, granting)).status_code == 302
    assert Award.objects.get().decision == granting


def test_an_award_for_the_clerks_own_unit_is_refused_on_the_unit(client, world, make_user):
    clerk = make_user(roles.SECRETARIAT, unit=world.member_unit)
    decision = DecisionFactory(document__issued_on=datetime.date(2013, 3, 1))
    client.force_login(clerk)
    response = client.post(reverse("admin:awards_award_add"), _award(world, decision))
    errors = refused(response)
    assert "Không được nhập khen thưởng cho chính đơn vị mình" in errors["unit"]
    assert "tránh xung đột lợi ích" in errors["unit"]
    kept(response, "Sổ vàng lưu tại Vụ, trang 14", "Ghi theo bản gốc")
    chosen(response, "decision", decision.pk)
    assert not Award.objects.exists()


def test_an_award_moved_to_the_clerks_own_unit_is_refused_on_the_unit(client, world, make_user):
    clerk = make_user(roles.SECRETARIAT, unit=world.member_unit)
    award = AwardFactory(year=2012, unit=world.leader_unit, note="")
    client.force_login(clerk)
    url = reverse("admin:awards_award_change", args=[award.pk])
    data = {
        "award_type": award.award_type_id,
        "year": "2012",
        "unit": world.member_unit.pk,
        "decision": award.decision_id,
        "source": award.source,
        "note": "Sửa theo bản gốc",
    }
    response = client.post(url, data)
    errors = refused(response)
    assert "Không được sửa khen thưởng cho chính đơn vị mình" in errors["unit"]
    kept(response, "Sửa theo bản gốc")
    chosen(response, "unit", world.member_unit.pk)
    assert Award.objects.get(pk=award.pk).unit == world.leader_unit
    # The note alone is corrected.
    assert client.post(url, {**data, "unit": world.leader_unit.pk}).status_code == 302
    assert Award.objects.get(pk=award.pk).note == "Sửa theo bản gốc"


# --- dossiers (services.save_draft) ---------------------------------------------------------------


def test_a_second_live_dossier_is_refused_on_the_recipient_with_the_input_kept(
    client, world, nominate
):
    standing = nominate(status=Status.SUBMITTED)
    client.force_login(world.admin)
    data = {
        "award_type": standing.award_type_id,
        "year": str(world.year),
        "unit": world.leader_unit.pk,
        "bloc": world.bloc.pk,
        "achievements": "Thành tích gõ lại lần hai",
        **NO_INLINES,
    }
    response = client.post(reverse("admin:awards_nomination_add"), data)
    errors = refused(response)
    assert f"đã có hồ sơ số {standing.pk}" in errors["unit"]
    kept(response, "Thành tích gõ lại lần hai")
    chosen(response, "unit", world.leader_unit.pk)
    chosen(response, "bloc", world.bloc.pk)
    assert Nomination.objects.count() == 1


def test_an_edit_from_a_stale_page_is_refused_above_the_form_with_the_input_kept(
    client, world, nominate
):
    nomination = nominate(status=Status.DRAFT, achievements="Bản đầu")
    client.force_login(world.admin)
    url = reverse("admin:awards_nomination_change", args=[nomination.pk])
    loaded = client.get(url).context["adminform"].form["loaded_version"].value()
    nomination.achievements = "Sửa ở thẻ thứ nhất"
    services.save_draft(nomination, world.admin)
    data = {
        "award_type": nomination.award_type_id,
        "year": nomination.year,
        "unit": nomination.unit_id,
        "bloc": nomination.bloc_id,
        "achievements": "Sửa ở thẻ thứ hai",
        "loaded_version": loaded,
        **NO_INLINES,
    }
    response = client.post(url, data)
    errors = refused(response)
    assert "đã được thay đổi sau khi bạn mở trang này" in top(errors)
    assert "đã được thay đổi sau khi bạn mở trang này" in page_text(response)
    kept(response, "Sửa ở thẻ thứ hai")
    assert Nomination.objects.get(pk=nomination.pk).achievements == "Sửa ở thẻ thứ nhất"
    data["loaded_version"] = Nomination.objects.get(pk=nomination.pk).version  # reloaded
    assert client.post(url, data).status_code == 302
    assert Nomination.objects.get(pk=nomination.pk).achievements == "Sửa ở thẻ thứ hai"


# --- what only the save can find: a message after a reload ----------------------------------------


def test_a_refusal_only_the_save_finds_is_said_after_a_reload(client, world, nominate, monkeypatch):
    """As if the dossier left review between the form's check and the save."""
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    monkeypatch.setattr(services, "check_council_vote", lambda *args, **kwargs: None)
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.SUBMITTED)
    client.force_login(world.reviewer)
    url = reverse("admin:awards_councilvote_add")
    response = client.post(url, _vote(nomination))
    assert response.status_code == 302 and response["Location"] == url
    said = page_text(client.get(url))
    assert "Không lưu được «kết quả bỏ phiếu Hội đồng»: Không thể ghi kết quả bỏ phiếu" in said
    assert "Nội dung bạn gửi chưa được ghi" in said
    assert not CouncilVote.objects.exists()


def test_a_save_time_refusal_names_the_field(client, world, nominate, monkeypatch):
    nomination = nominate(status=Status.IN_REVIEW, unit=world.member_unit)
    monkeypatch.setattr(services, "check_council_vote", lambda *args, **kwargs: None)
    client.force_login(world.reviewer)
    url = reverse("admin:awards_councilvote_add")
    client.post(url, _vote(nomination, held_on="20/12/2024"))
    said = page_text(client.get(url))
    assert "«ngày họp»: Ngày họp Hội đồng (20/12/2024) trước năm thành tích 2025" in said
    assert not CouncilVote.objects.exists()
