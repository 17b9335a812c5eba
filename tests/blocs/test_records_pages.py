"""Facts of real records that need a place, entered as a clerk would and shown on the public
pages: event themes, reports known by title, honours, bloc names by year, dated positions,
inter-ministry blocs, members in the source's order."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from blocs.models import BlocName, Honour, HonourKind, Report, ReportBehalf, Role
from tests.blocs.test_event_pages import EVENT_PAGE_QUERIES
from tests.factories import (
    AttendanceFactory,
    BlocFactory,
    BlocYearFactory,
    EventFactory,
    MembershipFactory,
    PersonFactory,
    PositionFactory,
    UnitFactory,
)
from tests.html_text import text_of
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def test_event_page_first_line_gives_date_and_place_and_labels_posting_time(client):
    event = EventFactory(place="Trụ sở Bộ Khoa học và Công nghệ", theme="Đoàn kết - Sáng tạo")
    text = text_of(client.get(event.get_absolute_url()))
    header = text[text.index("Ngày tổ chức") :]
    assert header.startswith("Ngày tổ chức: 24/12/2021 · Địa điểm: Trụ sở Bộ Khoa học và Công nghệ")
    assert "Thời điểm đăng tin:" in text
    assert "Chủ đề: «Đoàn kết - Sáng tạo»" in text


def test_report_known_only_by_title_and_unit():
    event = EventFactory()
    unit = UnitFactory(name="Viện Đo lường Việt Nam")
    report = Report(
        event=event, title="Báo cáo điển hình tiên tiến", behalf=ReportBehalf.UNIT, unit=unit
    )
    report.full_clean()
    report.save()
    titled_only = Report(event=event, title="Báo cáo thứ hai", presenter_title="Viện trưởng")
    with pytest.raises(ValidationError) as error:
        titled_only.full_clean()
    assert "người trình bày" in str(error.value)


def test_reports_without_presenter_and_honours_are_shown(client):
    event = EventFactory()
    unit = UnitFactory(name="Viện Năng lượng nguyên tử")
    person = PersonFactory(full_name="Trần Thị Điển")
    Report.objects.create(
        event=event, title="Báo cáo điển hình số 1", behalf=ReportBehalf.UNIT, unit=unit
    )
    Honour.objects.create(
        event=event, kind=HonourKind.HONOURED, unit=unit, award_text="Bằng khen của Bộ trưởng"
    )
    Honour.objects.create(
        event=event, kind=HonourKind.COMMENDED, person=person, person_title="Chuyên viên"
    )
    text = text_of(client.get(event.get_absolute_url()))
    assert "«Báo cáo điển hình số 1» của Viện Năng lượng nguyên tử" in text
    assert "Tôn vinh Viện Năng lượng nguyên tử — Bằng khen của Bộ trưởng" in text
    assert "Biểu dương Trần Thị Điển , Chuyên viên" in text


def test_honour_names_one_unit_or_one_person():
    honour = Honour(event=EventFactory(), kind=HonourKind.HONOURED)
    with pytest.raises(ValidationError) as error:
        honour.full_clean()
    assert "một tập thể hoặc một cá nhân" in str(error.value)


def test_pages_show_the_bloc_name_of_the_year(client):
    bloc = BlocFactory(name="Khối thi đua Các viện nghiên cứu")
    BlocName.objects.create(bloc=bloc, name="Khối thi đua Văn phòng - Viện", valid_until=2021)
    BlocYearFactory(bloc=bloc, year=2021)
    BlocYearFactory(bloc=bloc, year=2023)
    event = EventFactory(bloc=bloc)
    assert "Khối thi đua Văn phòng - Viện" in text_of(client.get(event.get_absolute_url()))
    year_2021 = text_of(client.get("/nam/2021/"))
    assert "Khối thi đua Văn phòng - Viện" in year_2021
    year_2023 = text_of(client.get("/nam/2023/"))
    assert "Khối thi đua Các viện nghiên cứu" in year_2023
    assert "Khối thi đua Văn phòng - Viện" not in year_2023.split("Sự kiện thi đua")[0]
    bloc_page = text_of(client.get(bloc.get_absolute_url()))
    assert "Tên khối năm 2021: Khối thi đua Văn phòng - Viện" in bloc_page
    assert "Tên khối năm 2023" not in bloc_page
    assert "Khối thi đua Văn phòng - Viện" in text_of(client.get("/su-kien/"))


def test_event_held_in_2020_for_2015_2019_appears_on_2020_and_on_the_period(client):
    event = EventFactory(
        title="Hội nghị điển hình tiên tiến giai đoạn 2015-2019",
        period_start=2015,
        period_end=2019,
        held_on=datetime.date(2020, 10, 9),
    )
    for year in [2020, 2017]:
        assert event.title in text_of(client.get(f"/nam/{year}/")), year
    assert event.title in text_of(client.get("/su-kien/", {"nam": 2020}))


def test_person_page_lists_events_attended_and_dated_titles(client):
    person = PersonFactory(full_name="Lê Thị Thử")
    PositionFactory(person=person, title="Phó Vụ trưởng", from_year=2015, until_year=2021)
    PositionFactory(person=person, title="Chuyên viên", from_year=2008, until_year=2012)
    attended = AttendanceFactory(person=person).event
    EventFactory(title="Hội nghị không dự")
    text = text_of(client.get(person.get_absolute_url()))
    assert "Sự kiện thi đua đã tham dự" in text
    assert attended.title in text
    assert "Hội nghị không dự" not in text
    assert "Phó Vụ trưởng" in text and "(2015–2021)" in text
    assert "Chuyên viên" in text and "(2008–2012)" in text
    assert "hiện nay" not in text.lower()


def test_position_years_follow_the_dates_and_are_checked():
    position = PositionFactory(started_on=datetime.date(2016, 3, 1))
    assert position.from_year == 2016
    position.until_year = 2014
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert "Năm cuối giữ chức vụ" in str(error.value)


def test_inter_ministry_bloc_of_the_central_council(client):
    council = UnitFactory(name="Hội đồng Thi đua - Khen thưởng Trung ương", kind=UnitKind.COUNCIL)
    bloc = BlocFactory(name="Khối thi đua các Bộ, ngành Khoa giáo", organiser=council)
    bloc_year = BlocYearFactory(bloc=bloc, year=2022)
    health = UnitFactory(name="Bộ Y tế", kind=UnitKind.MINISTRY)
    university = UnitFactory(name="Đại học Quốc gia Hà Nội", kind=UnitKind.UNIVERSITY)
    MembershipFactory(
        bloc_year=bloc_year,
        unit=health,
        role=Role.LEADER,
        representative=PersonFactory(full_name="Nguyễn Văn Đại Diện"),
        representative_title="Thứ trưởng Bộ Y tế",
    )
    MembershipFactory(bloc_year=bloc_year, unit=university, role=Role.DEPUTY)
    text = text_of(client.get(bloc.get_absolute_url()))
    assert "Nguyễn Văn Đại Diện , Thứ trưởng Bộ Y tế" in text
    council_page = text_of(client.get(council.get_absolute_url()))
    assert "Khối thi đua do đơn vị tổ chức" in council_page
    assert bloc.name in council_page
    assert "Đại học" in text_of(client.get(university.get_absolute_url()))
    assert {"dai_hoc", "co_quan_cp", "su_nghiep", "hoi_dong"} <= set(UnitKind.values)


def test_members_keep_the_order_the_source_gives(client):
    bloc_year = BlocYearFactory(year=2021)
    names = ["Viện Z", "Cục A", "Quỹ M"]
    for order, name in enumerate(names, 1):
        MembershipFactory(bloc_year=bloc_year, unit=UnitFactory(name=name), order=order)
    text = text_of(client.get(bloc_year.bloc.get_absolute_url()))
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)


def test_record_pages_query_counts_stay_constant(client, django_assert_max_num_queries):
    def grow(n):
        bloc = BlocFactory()
        person = PersonFactory()
        for i in range(n):
            year = 2010 + i
            BlocName.objects.create(
                bloc=bloc, name=f"Tên khối {year}", valid_from=year, valid_until=year
            )
            by = BlocYearFactory(bloc=bloc, year=year)
            unit = UnitFactory()
            MembershipFactory(bloc_year=by, unit=unit, representative=person, order=i)
            event = EventFactory(
                bloc=bloc, period_start=year, period_end=year, held_on=datetime.date(year, 12, 1)
            )
            AttendanceFactory(event=event, person=person)
            Report.objects.create(
                event=event, title=f"Báo cáo {i}", behalf=ReportBehalf.UNIT, unit=unit
            )
            Honour.objects.create(event=event, unit=unit, award_text="Bằng khen")
            Honour.objects.create(event=event, person=person)
            PositionFactory(person=person, unit=unit, from_year=year)
        return bloc, person, unit, event

    for n in [1, 6]:
        bloc, person, unit, event = grow(n)
        for url in [
            bloc.get_absolute_url(),
            person.get_absolute_url(),
            unit.get_absolute_url(),
            bloc.organiser.get_absolute_url(),
            event.get_absolute_url(),
            "/nam/2010/",
            "/su-kien/",
        ]:
            bound = EVENT_PAGE_QUERIES if url == event.get_absolute_url() else 10
            with django_assert_max_num_queries(bound):
                assert client.get(url).status_code == 200, url
