"""The bloc leader's dashboard and dossier forms, through the views."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import RECIPIENT_XOR_MESSAGE, Nomination, Status
from blocs.models import Role
from tests.factories import (
    BlocYearFactory,
    EventFactory,
    MembershipFactory,
    PersonFactory,
    PositionFactory,
    ProposalFactory,
    UnitFactory,
    award_type,
)
from thidua.query_bounds import bound

from .pages_world import fast_passwords, staff, submit  # noqa: F401

pytestmark = pytest.mark.django_db


def dashboard(client, **params):
    return client.get(reverse("awards:dashboard"), params)


def test_dashboard_lists_the_bloc_dossiers_quota_and_return_reasons(client, world, staff, nominate):  # noqa: F811
    sent = nominate(status=Status.SUBMITTED)
    services.start_review(sent, world.reviewer)
    services.return_(sent, world.reviewer, "Thiếu biên bản bỏ phiếu của khối")
    other = nominate(bloc=world.other_bloc, unit=UnitFactory(name="Cục Ở Khối Khác"))
    client.force_login(world.leader)
    html = dashboard(client).content.decode()
    assert world.bloc.name in html
    assert "Trả lại để bổ sung" in html
    assert "Thiếu biên bản bỏ phiếu của khối" in html
    assert other.unit.name not in html
    # Cờ thi đua của Bộ: at most 1 per bloc; the returned dossier still holds the place.
    quota = html.split("Số lượng theo quy định")[1].split("</table>")[0]
    assert "Cờ thi đua của Bộ Khoa học và Công nghệ" in quota
    assert "<td>1</td><td>1</td><td>0</td>" in quota.replace("\n", "")


def test_year_selector_and_unknown_year(client, world):
    earlier = BlocYearFactory(bloc=world.bloc, year=2024)
    MembershipFactory(bloc_year=earlier, unit=world.leader_unit, role=Role.LEADER)
    client.force_login(world.leader)
    html = dashboard(client).content.decode()
    assert "năm 2025" in html and "?nam=2024" in html
    assert "năm 2024" in dashboard(client, nam=2024).content.decode()
    assert dashboard(client, nam=2030).status_code == 404


def test_create_refuses_two_recipients_with_the_rule_named(client, world):
    person = PersonFactory()
    PositionFactory(person=person, unit=world.member_unit)
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(
        client,
        url,
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "unit": world.leader_unit.pk,
            "person": person.pk,
        },
    )
    assert response.status_code == 200
    assert RECIPIENT_XOR_MESSAGE in response.content.decode()
    assert not Nomination.objects.exists()


def test_create_refuses_a_unit_outside_the_bloc(client, world):
    outsider = UnitFactory(name="Cục Ngoài Khối")
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(
        client, url, {"award_type": award_type("co-thi-dua-bo").pk, "unit": outsider.pk}
    )
    assert response.status_code == 200
    assert (
        "Lựa chọn không hợp lệ" in response.content.decode()
        or "hợp lệ" in response.content.decode()
    )
    assert not Nomination.objects.exists()


def test_create_refuses_a_renamed_executable_as_report(client, world):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    fake = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = submit(
        client,
        url,
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "unit": world.leader_unit.pk,
            "achievement_report": fake,
        },
    )
    assert response.status_code == 200
    assert "không phải là tệp pdf" in response.content.decode()
    assert not Nomination.objects.exists()


def test_create_then_edit_while_draft_only(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    report = SimpleUploadedFile(
        "bao-cao.pdf", b"%PDF-1.4 thu nghiem", content_type="application/pdf"
    )
    response = submit(
        client,
        url,
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "unit": world.leader_unit.pk,
            "achievements": "Dẫn đầu khối.",
            "bloc_votes_for": "10",
            "bloc_votes_total": "12",
            "achievement_report": report,
        },
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.status == Status.DRAFT and nomination.created_by == world.leader
    assert nomination.achievement_report.name.endswith(".pdf")
    edit = reverse("awards:edit", args=[nomination.pk])
    assert client.get(edit).status_code == 200
    services.submit(nomination, world.leader)
    response = client.get(edit, follow=True)
    assert "không sửa được" in response.content.decode()


def test_vote_count_above_total_is_refused(client, world):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    response = submit(
        client,
        url,
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "unit": world.leader_unit.pk,
            "bloc_votes_for": "13",
            "bloc_votes_total": "12",
        },
    )
    assert "Số phiếu đồng ý không được lớn hơn tổng số phiếu" in response.content.decode()
    assert not Nomination.objects.exists()


def test_submit_over_quota_shows_the_rule(client, world, nominate):
    nominate(status=Status.SUBMITTED)
    second = nominate(unit=world.member_unit)
    client.force_login(world.leader)
    url = reverse("awards:bloc_action", args=[second.pk, "nop"])
    response = submit(client, url, {"confirm": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không thể gửi hồ sơ" in html and "tối đa 1" in html
    second.refresh_from_db()
    assert second.status == Status.DRAFT


def test_withdraw_needs_a_reason(client, world, nominate):
    nomination = nominate(status=Status.SUBMITTED)
    client.force_login(world.leader)
    url = reverse("awards:bloc_action", args=[nomination.pk, "rut"])
    response = submit(client, url, {"confirm": "on", "reason": "  "})
    assert "Cần ghi lý do cho thao tác này." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED


def test_nominations_from_event_proposals(client, world):
    event = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025, held_on="2025-12-20")
    ProposalFactory(event=event, unit=world.leader_unit)
    client.force_login(world.leader)
    html = dashboard(client).content.decode()
    link = reverse("awards:from_event", args=[event.pk])
    assert link in html and "1 đề xuất —" in html
    response = client.post(link, {"confirm": "on"})
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.event == event and nomination.status == Status.DRAFT
    assert link not in dashboard(client).content.decode()


def test_other_bloc_leader_cannot_make_nominations_from_this_bloc_event(client, world, staff):  # noqa: F811
    event = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025, held_on="2025-12-20")
    ProposalFactory(event=event, unit=world.leader_unit)
    client.force_login(staff["other_leader"])
    response = client.post(reverse("awards:from_event", args=[event.pk]), {"confirm": "on"})
    assert response.status_code == 403
    assert not Nomination.objects.exists()


@pytest.mark.parametrize("blocs_led", [1, 3])
def test_a_leader_of_several_blocs_sees_each_with_its_own_dossiers_in_as_many_queries(
    client, world, nominate, django_assert_max_num_queries, blocs_led
):
    from tests.factories import BlocFactory, MinistryFactory

    blocs = [world.bloc]
    for i in range(1, blocs_led):
        # A unit sits in one bloc per organiser and year: the others are other organisers'.
        bloc = BlocFactory(organiser=MinistryFactory(), name=f"Khối Thêm {i}")
        MembershipFactory(
            bloc_year=BlocYearFactory(bloc=bloc, year=world.year),
            unit=world.leader_unit,
            role=Role.LEADER,
        )
        blocs.append(bloc)
    for i, bloc in enumerate(blocs):
        nominate(bloc=bloc, unit=UnitFactory(name=f"Cục Đề Nghị {i}"), status=Status.SUBMITTED)
        event = EventFactory(bloc=bloc, period_start=2025, period_end=2025, held_on="2025-12-20")
        ProposalFactory(event=event, unit=UnitFactory(name=f"Cục Được Khối Đề Xuất {i}"))
    client.force_login(world.leader)
    with django_assert_max_num_queries(bound("awards:dashboard")):
        html = dashboard(client).content.decode()
    sections = html.split('<section class="bloc-dossiers"')[1:]
    assert len(sections) == blocs_led
    for i, bloc in enumerate(blocs):
        section = next(s for s in sections if bloc.name in s)
        assert f"Cục Đề Nghị {i}" in section
        assert reverse("awards:from_event", args=[bloc.events.get().pk]) in section
        assert all(f"Cục Đề Nghị {j}" not in section for j in range(blocs_led) if j != i)


@pytest.mark.parametrize("n", [2, 20])
def test_dashboard_queries_stay_constant(client, world, nominate, django_assert_max_num_queries, n):
    for i in range(n):
        nomination = nominate(unit=UnitFactory(name=f"Đơn vị {i}"), status=Status.SUBMITTED)
        services.start_review(nomination, world.reviewer)
        services.return_(nomination, world.reviewer, f"Lý do {i}")
        # Individuals too: whether a person works in the user's unit is never asked per row.
        person = PositionFactory(unit=world.member_unit).person
        nominate(unit=None, person=person, slug="chien-si-thi-dua-co-so", status=Status.SUBMITTED)
    client.force_login(world.leader)
    # 8 for the page; the rules and one plain query per kind of fact they read (awards.
    # eligibility.Facts, shared by the quotas and the rows' offered steps): constant in the
    # number of dossiers; and one for the duplicates of the dossiers that may be sent.
    with django_assert_max_num_queries(bound("awards:dashboard")):
        response = dashboard(client)
    assert response.content.decode().count("Lý do ") >= n
