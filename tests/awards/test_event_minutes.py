"""Biên bản hội nghị of a bloc event in Word: its records, the bloc's proposals (contributed by
the awards app), and who may download it."""

import datetime

import pytest
from django.urls import reverse

from tests import paper
from tests.factories import (
    AttendanceFactory,
    ElectionFactory,
    EventFactory,
    PersonFactory,
    PledgeFactory,
    ProposalFactory,
    ReportFactory,
    SectionFactory,
    award_type,
)

from .pages_world import ROLES, fast_passwords, login, staff  # noqa: F401

pytestmark = pytest.mark.django_db

ALLOWED = {"administrator", "secretariat", "reviewer", "own_reviewer", "leader"}


@pytest.fixture
def event(world):
    event = EventFactory(
        bloc=world.bloc,
        title="Hội nghị tổng kết thi đua năm 2025",
        period_start=2025,
        period_end=2025,
        held_on=datetime.date(2025, 12, 24),
        place="Hà Nội",
        chair=PersonFactory(full_name="Phạm Văn Chủ"),
        chair_title="Cục trưởng",
    )
    AttendanceFactory(event=event, person=PersonFactory(full_name="Lê Thị Khách"))
    ReportFactory(event=event, presenter=PersonFactory(full_name="Đỗ Văn Báo"))
    SectionFactory(event=event, text="Hoàn thành 100% chỉ tiêu.")
    ElectionFactory(event=event, year=2026, unit=world.member_unit)
    PledgeFactory(bloc=world.bloc, year=2026, event=event)
    ProposalFactory(event=event, unit=world.leader_unit, award_type=award_type("co-thi-dua-bo"))
    return event


def test_the_minutes_hold_the_events_records(client, world, event):
    client.force_login(world.leader)
    word = paper.Word(client.get(reverse("blocs:event_minutes", args=[event.slug])))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BIÊN BẢN",
        "Hội nghị tổng kết thi đua năm 2025",
        "Hôm nay, ngày 24/12/2025, tại Hà Nội",
        "Chủ trì: Phạm Văn Chủ, Cục trưởng.",
        "Lê Thị Khách, Phó Vụ trưởng Vụ Thi đua - Khen thưởng",
        "Đỗ Văn Báo, Cục trưởng: «Báo cáo tổng kết công tác thi đua»",
        "- Hoàn thành 100% chỉ tiêu.",
        f"1. {award_type('co-thi-dua-bo').name}: Cục Khối Trưởng",
        "Khối trưởng năm 2026: Cục Thành Viên",
        "Ký giao ước thi đua năm 2026",
        world.bloc.name.upper(),
    ]:
        assert expected in word.text, expected


@pytest.mark.parametrize("role", ROLES)
def test_the_minutes_are_for_the_blocs_leader_and_the_ministry_staff(
    client,
    world,
    staff,  # noqa: F811
    event,
    role,
):
    login(client, staff, role)
    response = client.get(reverse("blocs:event_minutes", args=[event.slug]))
    if role in ALLOWED:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    page = client.get(reverse("blocs:event", args=[event.slug])).content.decode()
    assert ("Tải biên bản hội nghị (Word)" in page) == (role in ALLOWED)
