"""Rules of events and their records, each with the message the clerk sees."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from blocs.models import (
    Attendance,
    AttendanceKind,
    Document,
    DocumentKind,
    Election,
    Event,
    EventAttachment,
    Figure,
    Movement,
    MovementKind,
    Pledge,
    Report,
    ReportBehalf,
    Role,
)
from tests.factories import (
    BlocFactory,
    DocumentFactory,
    EventFactory,
    MovementFactory,
    PersonFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def messages_of(excinfo, field=None):
    error = excinfo.value
    if field is None:
        return " ".join(error.messages)
    return " ".join(error.message_dict[field])


def test_period_end_before_start_is_refused_on_the_field():
    event = EventFactory.build(bloc=BlocFactory(), period_start=2016, period_end=2015)
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert "Năm cuối của kỳ thi đua (2015) phải sau hoặc bằng năm đầu (2016)" in messages_of(
        excinfo, "period_end"
    )


def test_multi_year_period_is_accepted_and_labelled():
    event = EventFactory(period_start=2015, period_end=2019, held_on=datetime.date(2019, 10, 1))
    event.full_clean()
    assert event.period_label == "2015–2019"


def test_held_before_its_period_is_refused():
    event = EventFactory.build(bloc=BlocFactory(), held_on=datetime.date(2020, 12, 1))
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert "không thể trước kỳ thi đua" in messages_of(excinfo, "held_on")


def test_publishing_without_a_time_gets_one_in_clean_and_is_refused_by_the_database_rule():
    event = EventFactory.build(bloc=BlocFactory(), is_published=True, published_at=None)
    with pytest.raises(ValidationError) as excinfo:
        event.validate_constraints()
    assert "Sự kiện công khai phải có thời điểm đăng." in messages_of(excinfo)
    event.full_clean()
    assert event.published_at is not None


def test_slug_is_made_from_title_and_date_and_kept_unique():
    first = EventFactory(
        title="Hội nghị Tổng kết Khối Hòa Lạc", held_on=datetime.date(2021, 12, 24)
    )
    second = EventFactory(
        title="Hội nghị Tổng kết Khối Hòa Lạc", held_on=datetime.date(2021, 12, 24)
    )
    assert first.slug == "hoi-nghi-tong-ket-khoi-hoa-lac-2021-12-24"
    assert second.slug == f"{first.slug}-2"
    assert first.get_absolute_url() == f"/su-kien/{first.slug}/"


def test_entering_the_same_document_twice_is_caught():
    DocumentFactory(number="3395/BKHCN-TĐKT", issued_on=datetime.date(2021, 11, 29))
    again = Document(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="3395/bkhcn-tđkt",
        issued_on=datetime.date(2021, 11, 29),
        issuer="Bộ Khoa học và Công nghệ",
    )
    with pytest.raises(ValidationError) as excinfo:
        again.full_clean()
    assert "Văn bản có cùng số, ký hiệu và ngày ban hành đã được nhập." in messages_of(excinfo)


def test_attendance_needs_a_person_or_a_group():
    row = Attendance(event=EventFactory(), kind=AttendanceKind.REPRESENTATIVE)
    with pytest.raises(ValidationError) as excinfo:
        row.full_clean()
    assert "Hãy chọn cá nhân tham dự, hoặc ghi nhóm tham dự và số đơn vị" in messages_of(
        excinfo, "person"
    )


def test_attendance_is_a_person_or_a_group_not_both():
    row = Attendance(event=EventFactory(), person=PersonFactory(), unit_count=9)
    with pytest.raises(ValidationError) as excinfo:
        row.full_clean()
    assert "không ghi cả hai" in messages_of(excinfo, "unit_count")


def test_group_attendance_reads_as_a_count_of_units():
    row = Attendance(
        event=EventFactory(),
        kind=AttendanceKind.REPRESENTATIVE,
        group_description="đại diện lãnh đạo và chuyên viên",
        unit_count=9,
    )
    row.full_clean()
    assert str(row) == "đại diện lãnh đạo và chuyên viên của 9 đơn vị"


def test_report_on_behalf_of_a_unit_needs_the_unit():
    report = Report(
        event=EventFactory(),
        presenter=PersonFactory(),
        presenter_title="Cục trưởng",
        behalf=ReportBehalf.UNIT,
        title="Báo cáo",
    )
    with pytest.raises(ValidationError) as excinfo:
        report.full_clean()
    assert "hãy chọn đơn vị được thay mặt" in messages_of(excinfo, "unit")


def test_report_on_behalf_of_the_bloc_names_no_unit():
    report = Report(
        event=EventFactory(),
        presenter=PersonFactory(),
        presenter_title="Cục trưởng",
        behalf=ReportBehalf.BLOC,
        unit=UnitFactory(),
        title="Báo cáo",
    )
    with pytest.raises(ValidationError) as excinfo:
        report.full_clean()
    assert "Báo cáo thay mặt cả khối không ghi đơn vị" in messages_of(excinfo, "unit")


def test_election_must_be_for_a_year_after_the_period():
    election = Election(event=EventFactory(), year=2021, unit=UnitFactory(), role=Role.LEADER)
    with pytest.raises(ValidationError) as excinfo:
        election.full_clean()
    assert "Năm được bầu (2021) phải sau kỳ thi đua của sự kiện (2021)" in messages_of(
        excinfo, "year"
    )


def test_one_unit_elected_per_role_and_year():
    event = EventFactory()
    Election.objects.create(event=event, year=2022, unit=UnitFactory(), role=Role.LEADER)
    second = Election(event=event, year=2022, unit=UnitFactory(), role=Role.LEADER)
    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()
    assert "đã ghi một đơn vị được bầu cho vai trò này" in messages_of(excinfo)


def test_sub_figure_must_belong_to_the_same_event():
    parent = Figure.objects.create(event=EventFactory(), label="văn bản", value=8)
    child = Figure(event=EventFactory(), parent=parent, label="Nghị định", value=1)
    with pytest.raises(ValidationError) as excinfo:
        child.full_clean()
    assert "Số liệu cha phải thuộc cùng sự kiện" in messages_of(excinfo, "parent")


def test_figure_value_is_shown_without_trailing_zeros():
    figure = Figure.objects.create(event=EventFactory(), label="Thông tư", value=26)
    figure.refresh_from_db()
    assert figure.display_value == "26"


def test_pledge_takes_the_bloc_of_its_event_and_refuses_another_bloc():
    event = EventFactory()
    pledge = Pledge(event=event, year=2022)
    pledge.full_clean()
    assert pledge.bloc_id == event.bloc_id
    other = Pledge(event=event, bloc=BlocFactory(), year=2022)
    with pytest.raises(ValidationError) as excinfo:
        other.full_clean()
    assert "giao ước ký tại sự kiện phải thuộc khối của sự kiện" in messages_of(excinfo, "event")


def test_one_pledge_per_bloc_and_year():
    event = EventFactory()
    Pledge.objects.create(bloc=event.bloc, year=2022)
    with pytest.raises(ValidationError) as excinfo:
        Pledge(event=event, year=2022).full_clean()
    assert "Khối này đã có giao ước thi đua cho năm đó." in messages_of(excinfo)


def test_movement_names_are_unique_per_kind_ignoring_case():
    MovementFactory(name="Cả nước chung tay vì người nghèo", kind=MovementKind.MOVEMENT)
    again = Movement(name="cả nước chung tay vì người nghèo", kind=MovementKind.MOVEMENT)
    with pytest.raises(ValidationError) as excinfo:
        again.full_clean()
    assert "Đã có phong trào, chủ đề hoặc khẩu hiệu cùng loại và tên." in messages_of(excinfo)


def test_attachment_of_a_wrong_type_is_refused():
    attachment = EventAttachment(
        event=EventFactory(),
        caption="Toàn cảnh Hội nghị",
        file=SimpleUploadedFile("anh.exe", b"MZ\x90\x00"),
    )
    with pytest.raises(ValidationError) as excinfo:
        attachment.full_clean()
    assert "không đúng loại cho phép" in messages_of(excinfo, "file")


def test_every_event_record_keeps_history():
    event = EventFactory()
    row = Attendance.objects.create(event=event, person=PersonFactory(), title="Thứ trưởng")
    row.title = "Thứ trưởng Bộ KH&CN"
    row.save()
    assert row.history.count() == 2
    assert Event.history.filter(id=event.pk).exists()


def test_a_photo_must_be_an_image_file():
    attachment = EventAttachment(
        event=EventFactory(),
        caption="Toàn cảnh Hội nghị",
        is_photo=True,
        file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 ..."),
    )
    with pytest.raises(ValidationError) as excinfo:
        attachment.full_clean()
    assert "Đã đánh dấu «là ảnh» nên tệp phải là ảnh." in messages_of(excinfo, "file")
    attachment.is_photo = False
    attachment.full_clean()


def test_a_photo_with_a_caption_only_is_accepted():
    EventAttachment(event=EventFactory(), caption="Toàn cảnh Hội nghị").full_clean()
