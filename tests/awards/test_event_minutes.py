"""Biên bản hội nghị of a bloc event in Word: its records, the bloc's proposals (contributed by
the awards app), and who may download it."""

import datetime

import pytest
from django.urls import reverse

from blocs.documents import NOTHING_RECORDED
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


def _signature(word):
    """The lines of the signature block's right cell (the one under «CHỦ TRÌ HỘI NGHỊ»)."""
    cells = [cell for table in word.document.tables for row in table.rows for cell in row.cells]
    cell = next(c for c in cells if c.text.startswith("CHỦ TRÌ HỘI NGHỊ"))
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _sections(word):
    """{heading: the lines under it} of the numbered sections (I. … to VIII. …)."""
    sections, current = {}, None
    for line in word.paragraphs:
        head = line.split(". ", 1)[0]
        if head in {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"}:
            current = sections.setdefault(line, [])
        elif line.startswith("Biên bản lập xong"):
            current = None
        elif current is not None and line.strip():
            current.append(line)
    return sections


def test_the_chair_signs_the_minutes_with_their_name_and_title(client, world):
    event = EventFactory(
        bloc=world.bloc,
        period_start=2025,
        period_end=2025,
        held_on=datetime.date(2025, 12, 24),
        chair=PersonFactory(full_name="Lê Ngân Giang"),
        chair_title="Cục trưởng",
    )
    client.force_login(world.leader)
    word = paper.Word(client.get(reverse("blocs:event_minutes", args=[event.slug])))
    assert _signature(word) == [
        "CHỦ TRÌ HỘI NGHỊ",
        "(Ký, ghi rõ họ tên, đóng dấu)",
        "Lê Ngân Giang",
        "Cục trưởng",
    ]
    assert "Chủ trì: Lê Ngân Giang, Cục trưởng." in word.paragraphs


def test_without_a_chair_on_record_the_signature_is_left_to_be_written_by_hand(client, world):
    event = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025, chair_title="")
    assert event.chair_id is None
    client.force_login(world.leader)
    word = paper.Word(client.get(reverse("blocs:event_minutes", args=[event.slug])))
    assert _signature(word) == ["CHỦ TRÌ HỘI NGHỊ", "(Ký, ghi rõ họ tên, đóng dấu)"]
    assert "Chủ trì: …." in word.paragraphs


def test_a_section_with_nothing_recorded_keeps_its_number_and_says_so(client, world, event):
    """Every section of the agenda stays, numbered as always; one with nothing recorded says so
    in one line instead of standing as an empty heading."""
    bare = EventFactory(bloc=world.bloc, period_start=2025, period_end=2025)
    client.force_login(world.leader)
    word = paper.Word(client.get(reverse("blocs:event_minutes", args=[bare.slug])))
    sections = _sections(word)
    assert [heading.split(".")[0] for heading in sections] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII"
    ]  # fmt: skip
    assert all(lines == [NOTHING_RECORDED] for lines in sections.values()), sections
    # An event with its records: the line appears only where nothing was recorded.
    word = paper.Word(client.get(reverse("blocs:event_minutes", args=[event.slug])))
    sections = _sections(word)
    assert sections["III. KẾT QUẢ ĐẠT ĐƯỢC"] == ["- Hoàn thành 100% chỉ tiêu."]
    assert sections["IV. TỒN TẠI, HẠN CHẾ"] == [NOTHING_RECORDED]
    assert sections["V. PHƯƠNG HƯỚNG, NHIỆM VỤ"] == [NOTHING_RECORDED]
    filled = ["I", "II", "III", "VI", "VII", "VIII"]
    for heading, lines in sections.items():
        assert (lines == [NOTHING_RECORDED]) == (heading.split(".")[0] not in filled), heading
