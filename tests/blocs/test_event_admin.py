"""A clerk enters one event on one screen, with every record as an inline."""

import datetime

import pytest
from django.urls import reverse

from blocs.admin.events import EventAdmin, EventInline
from blocs.models import (
    Attendance,
    Document,
    Election,
    Event,
    EventAttachment,
    EventMovement,
    Figure,
    Pledge,
    Report,
    Section,
    Speech,
)
from tests.factories import (
    AttendanceFactory,
    BlocFactory,
    BlocYearFactory,
    DocumentFactory,
    EventFactory,
    FigureFactory,
    MembershipFactory,
    MovementFactory,
    PersonFactory,
    PledgeFactory,
    UnitFactory,
)
from tests.html_text import text_of

pytestmark = pytest.mark.django_db

PREFIXES = [
    "document_links",
    "attendances",
    "reports",
    "honours",
    "speeches",
    "sections",
    "figures",
    "movement_links",
    "elections",
    "pledges",
    "attachments",
]


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def event_form(bloc, **overrides):
    data = {
        "bloc": bloc.pk,
        "kind": "tong_ket",
        "title": "Hội nghị tổng kết công tác thi đua năm 2015",
        "slug": "",
        "summary_title": "tổng kết công tác thi đua - khen thưởng năm 2015",
        "period_start": "2015",
        "period_end": "2015",
        "held_on": "18/12/2015",
        "place": "Trụ sở Bộ Khoa học và Công nghệ",
        "member_count": "9",
        "chair_title": "",
        "published_at_0": "21/12/2015",
        "published_at_1": "15:03",
        "is_published": "on",
        "source": "",
    }
    for prefix in PREFIXES + other_apps_prefixes():
        data.update(management(prefix, 0))
    data.update(overrides)
    return data


def other_apps_prefixes():
    """Inlines that other apps append to EventAdmin (awards' proposals), left empty here."""
    return [
        inline.model._meta.get_field("event").remote_field.get_accessor_name()
        for inline in EventAdmin.inlines
        if not issubclass(inline, EventInline)
    ]


def test_inlines_are_a_plain_list_other_apps_can_extend():
    assert isinstance(EventAdmin.inlines, list)
    assert len(EventAdmin.inlines) >= 9


def test_clerk_opens_the_add_page_with_every_inline(client, clerk):
    client.force_login(clerk)
    response = client.get("/admin/blocs/event/add/")
    assert response.status_code == 200
    content = response.content.decode()
    for prefix in PREFIXES:
        assert f'name="{prefix}-TOTAL_FORMS"' in content, prefix


def test_clerk_opens_the_change_page_with_history_link(client, clerk):
    event = EventFactory()
    AttendanceFactory(event=event)
    client.force_login(clerk)
    response = client.get(f"/admin/blocs/event/{event.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    for prefix in PREFIXES:
        assert f'name="{prefix}-TOTAL_FORMS"' in content, prefix
    assert client.get(f"/admin/blocs/event/{event.pk}/history/").status_code == 200


def test_clerk_saves_an_event_with_its_records_in_one_post(client, clerk):
    bloc = BlocFactory()
    guest, presenter = PersonFactory(), PersonFactory()
    leader, deputy = UnitFactory(), UnitFactory()
    # Members elect their leader and deputy among themselves.
    bloc_year = BlocYearFactory(bloc=bloc, year=2015)
    for unit in (leader, deputy):
        MembershipFactory(bloc_year=bloc_year, unit=unit)
    document = DocumentFactory()
    movement = MovementFactory()
    data = event_form(bloc)
    data.update(management("document_links", 1))
    data["document_links-0-document"] = document.pk
    data.update(management("attendances", 2))
    data.update(
        {
            "attendances-0-order": "0",
            "attendances-0-kind": "guest",
            "attendances-0-person": guest.pk,
            "attendances-0-title": "Thứ trưởng Bộ KH&CN",
            "attendances-1-order": "1",
            "attendances-1-kind": "representative",
            "attendances-1-group_description": "đại diện lãnh đạo và chuyên viên",
            "attendances-1-unit_count": "9",
        }
    )
    data.update(management("reports", 1))
    data.update(
        {
            "reports-0-order": "0",
            "reports-0-presenter": presenter.pk,
            "reports-0-presenter_title": "Cục trưởng",
            "reports-0-behalf": "bloc",
            "reports-0-title": "Báo cáo tổng kết năm 2015",
        }
    )
    data.update(management("speeches", 1))
    data.update(
        {
            "speeches-0-order": "0",
            "speeches-0-kind": "conclusion",
            "speeches-0-speaker": guest.pk,
            "speeches-0-speaker_title": "Thứ trưởng",
            "speeches-0-points": "Biểu dương\nĐề nghị gắn kết hơn",
        }
    )
    data.update(management("sections", 1))
    data.update(
        {
            "sections-0-order": "0",
            "sections-0-kind": "shortcomings",
            "sections-0-text": "Chưa kịp thời.",
        }
    )
    data.update(management("figures", 1))
    data.update({"figures-0-order": "0", "figures-0-value": "26", "figures-0-label": "Thông tư"})
    data.update(management("movement_links", 1))
    data.update(
        {
            "movement_links-0-order": "0",
            "movement_links-0-movement": movement.pk,
            "movement_links-0-status": "adopted",
        }
    )
    data.update(management("elections", 2))
    data.update(
        {
            "elections-0-order": "0",
            "elections-0-year": "2016",
            "elections-0-role": "leader",
            "elections-0-unit": leader.pk,
            "elections-1-order": "1",
            "elections-1-year": "2016",
            "elections-1-role": "deputy",
            "elections-1-unit": deputy.pk,
        }
    )
    data.update(management("pledges", 1))
    data.update({"pledges-0-year": "2016", "pledges-0-signed_on": "18/12/2015"})
    data.update(management("attachments", 1))
    data.update(
        {
            "attachments-0-order": "0",
            "attachments-0-is_photo": "on",
            "attachments-0-caption": "Toàn cảnh Hội nghị",
        }
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 302, (
        response.context["adminform"].errors if response.context else ""
    )
    event = Event.objects.get()
    assert event.slug and event.is_public and list(event.documents.all()) == [document]
    assert Attendance.objects.filter(event=event).count() == 2
    assert Report.objects.filter(event=event).count() == 1
    assert Speech.objects.get(event=event).point_list == ["Biểu dương", "Đề nghị gắn kết hơn"]
    assert Section.objects.filter(event=event).count() == 1
    assert Figure.objects.filter(event=event).count() == 1
    assert EventMovement.objects.filter(event=event).count() == 1
    assert Election.objects.filter(event=event).count() == 2
    pledge = Pledge.objects.get(event=event)
    assert pledge.bloc == bloc and pledge.year == 2016
    assert EventAttachment.objects.filter(event=event).count() == 1
    assert event.history.first().history_user == clerk


def test_a_bad_inline_row_is_shown_in_place_and_nothing_is_saved(client, clerk):
    data = event_form(BlocFactory())
    data.update(management("attendances", 1))
    data.update({"attendances-0-order": "0", "attendances-0-kind": "representative"})
    data.update(management("reports", 1))
    data.update(
        {
            "reports-0-order": "0",
            "reports-0-presenter": PersonFactory().pk,
            "reports-0-presenter_title": "Cục trưởng",
            "reports-0-behalf": "unit",
            "reports-0-title": "Báo cáo",
        }
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Hãy chọn cá nhân tham dự, hoặc ghi nhóm tham dự và số đơn vị" in content
    assert "hãy chọn đơn vị được thay mặt" in content
    assert not Event.objects.exists()


def test_an_event_field_error_is_shown_on_the_field(client, clerk):
    data = event_form(BlocFactory(), period_start="2016", period_end="2015", held_on="18/12/2016")
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 200
    assert (
        "phải sau hoặc bằng năm đầu (2016)"
        in response.context["adminform"].form.errors["period_end"][0]
    )


def test_an_election_for_the_same_year_is_refused_in_place(client, clerk):
    data = event_form(BlocFactory())
    data.update(management("elections", 1))
    data.update(
        {
            "elections-0-order": "0",
            "elections-0-year": "2015",
            "elections-0-role": "leader",
            "elections-0-unit": UnitFactory().pk,
        }
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 200
    assert "Năm được bầu (2015) phải sau kỳ thi đua" in response.content.decode()
    assert not Event.objects.exists()


def test_pledge_admin_holds_the_commitments(client, clerk):
    pledge = PledgeFactory()
    client.force_login(clerk)
    response = client.get(f"/admin/blocs/pledge/{pledge.pk}/change/")
    assert response.status_code == 200
    assert 'name="commitments-TOTAL_FORMS"' in response.content.decode()


@pytest.mark.parametrize("model", ["movement", "pledge", "document"])
def test_clerk_opens_the_other_lists(client, clerk, model):
    client.force_login(clerk)
    assert client.get(f"/admin/blocs/{model}/").status_code == 200
    assert client.get(f"/admin/blocs/{model}/add/").status_code == 200


def test_entering_a_document_twice_in_admin_shows_the_message(client, clerk):
    DocumentFactory(number="3395/BKHCN-TĐKT", issued_on=datetime.date(2021, 11, 29))
    client.force_login(clerk)
    response = client.post(
        "/admin/blocs/document/add/",
        {
            "kind": "cong_van",
            "number": "3395/bkhcn-tđkt",
            "issued_on": "29/11/2021",
            "issuer": "Bộ Khoa học và Công nghệ",
            "title": "",
        },
    )
    assert response.status_code == 200
    assert "Văn bản có cùng số, ký hiệu và ngày ban hành đã được nhập." in response.content.decode()


def test_a_photo_uploaded_with_the_event_is_stored_under_media_root(
    client, clerk, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    data = event_form(BlocFactory())
    data.update(management("attachments", 1))
    data.update(
        {
            "attachments-0-order": "0",
            "attachments-0-is_photo": "on",
            "attachments-0-caption": "Toàn cảnh Hội nghị",
            "attachments-0-file": SimpleUploadedFile(
                "toan-canh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, content_type="image/png"
            ),
        }
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 302
    attachment = EventAttachment.objects.get()
    assert (tmp_path / attachment.file.name).exists()
    assert attachment.file.name.startswith("events/")
    page = client.get(Event.objects.get().get_absolute_url()).content.decode()
    assert attachment.file.url in page and "Toàn cảnh Hội nghị" in page


def test_a_document_cited_by_an_event_cannot_be_deleted(client, administrator):
    event = EventFactory()
    document = DocumentFactory()
    event.documents.add(document)
    client.force_login(administrator)
    response = client.post(f"/admin/blocs/document/{document.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert event.title in response.content.decode()
    assert Document.objects.filter(pk=document.pk).exists()


def test_clerk_enters_ordered_commitments_of_a_pledge(client, clerk):
    event = EventFactory()
    client.force_login(clerk)
    data = {
        "bloc": event.bloc.pk,
        "year": "2022",
        "signed_on": "24/12/2021",
        "event": event.pk,
        "signatory_count": "14",
        "note": "",
        **management("commitments", 2),
        "commitments-0-order": "2",
        "commitments-0-text": "Đẩy mạnh đổi mới sáng tạo.",
        "commitments-1-order": "1",
        "commitments-1-text": "Hoàn thành xuất sắc nhiệm vụ chính trị.",
    }
    response = client.post("/admin/blocs/pledge/add/", data)
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert [c.text for c in pledge.commitments.all()] == [
        "Hoàn thành xuất sắc nhiệm vụ chính trị.",
        "Đẩy mạnh đổi mới sáng tạo.",
    ]
    page = text_of(client.get(event.get_absolute_url()))
    assert "14 đơn vị đã ký giao ước thi đua năm 2022 ngày 24/12/2021" in page
    assert "Hoàn thành xuất sắc nhiệm vụ chính trị." in page


def test_a_pledge_without_bloc_or_event_is_refused_with_a_message(client, clerk):
    client.force_login(clerk)
    data = {"year": "2022", "note": "", **management("commitments", 0)}
    response = client.post("/admin/blocs/pledge/add/", data)
    assert response.status_code == 200
    assert "Hãy chọn khối ký giao ước." in response.content.decode()


def test_clerk_enters_theme_report_by_title_and_honours_in_the_admin(client, clerk):
    from blocs.models import Event

    bloc = BlocFactory()
    unit, person = UnitFactory(name="Viện Điển Hình"), PersonFactory()
    client.force_login(clerk)
    data = event_form(
        bloc,
        theme="Đoàn kết - Sáng tạo - Hiệu quả",
        **management("reports", 1),
        **{
            "reports-0-order": "0",
            "reports-0-title": "Báo cáo điển hình tiên tiến",
            "reports-0-behalf": "unit",
            "reports-0-unit": unit.pk,
        },
        **management("honours", 2),
        **{
            "honours-0-order": "0",
            "honours-0-kind": "ton_vinh",
            "honours-0-unit": unit.pk,
            "honours-0-award_text": "Bằng khen của Bộ trưởng",
            "honours-1-order": "1",
            "honours-1-kind": "bieu_duong",
            "honours-1-person": person.pk,
        },
    )
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    event = Event.objects.get(theme="Đoàn kết - Sáng tạo - Hiệu quả")
    assert event.slug.startswith("hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2015")
    report = event.reports.get()
    assert (report.presenter, report.unit) == (None, unit)
    assert [(h.unit, h.person) for h in event.honours.all()] == [(unit, None), (None, person)]


@pytest.mark.parametrize("n", [1, 6])
def test_event_form_with_every_inline_reads_a_fixed_number_of_queries(
    client, clerk, n, django_assert_max_num_queries
):
    """The clerk's one screen for an event: one query per kind of record however many rows
    (each row's title and autocomplete fields show objects read with the rows)."""
    from awards.models import Proposal
    from blocs.models import Honour, HonourKind, Speech
    from tests.factories import (
        ElectionFactory,
        EventMovementFactory,
        ReportFactory,
        SectionFactory,
        award_type,
    )

    event = EventFactory()
    for i in range(n):
        event.documents.add(DocumentFactory())
        AttendanceFactory(event=event)
        ReportFactory(event=event, unit=UnitFactory())
        Honour.objects.create(event=event, kind=HonourKind.HONOURED, unit=UnitFactory(), order=i)
        Speech.objects.create(event=event, speaker=PersonFactory(), order=i)
        SectionFactory(event=event)
        EventMovementFactory(event=event)
        ElectionFactory(event=event, unit=UnitFactory(), year=2022 + i)
        Figure.objects.create(event=event, label=f"Chỉ tiêu {i}", value=i)
        Proposal.objects.create(
            event=event, unit=UnitFactory(), award_type=award_type("co-thi-dua-bo")
        )
    client.force_login(clerk)
    with django_assert_max_num_queries(22):  # one per kind of record (12), whatever n
        response = client.get(reverse("admin:blocs_event_change", args=[event.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Chỉ tiêu ") >= n


def test_the_figure_table_lists_the_event_s_own_figures_only(client, clerk):
    event = EventFactory()
    Figure.objects.create(event=event, label="Chỉ tiêu của sự kiện này", value=1)
    Figure.objects.create(event=EventFactory(), label="Chỉ tiêu của sự kiện khác", value=2)
    client.force_login(clerk)
    html = client.get(reverse("admin:blocs_event_change", args=[event.pk])).content.decode()
    assert "Chỉ tiêu của sự kiện này" in html
    assert "Chỉ tiêu của sự kiện khác" not in html


def test_every_inline_renders_its_empty_row_once(client, clerk):
    """The template row behind «Thêm» is built once per inline and still rendered."""
    event = EventFactory()
    client.force_login(clerk)
    html = client.get(reverse("admin:blocs_event_change", args=[event.pk])).content.decode()
    for prefix in PREFIXES:
        assert html.count(f'id="{prefix}-empty"') == 1, prefix


@pytest.mark.parametrize("field", ["bloc", "chair"])  # required, optional
def test_an_autocomplete_without_a_selection_reads_nothing(
    rf, clerk, field, django_assert_num_queries
):
    from django.contrib import admin

    request = rf.get("/")
    request.user = clerk
    form = EventAdmin(Event, admin.site).get_form(request)()
    widget = form.fields[field].widget.widget
    django_optgroups = type(widget).optgroups.__wrapped__
    for value in ([], [""]):
        with django_assert_num_queries(0):
            ours = widget.optgroups(field, value)
        assert ours == django_optgroups(widget, field, value)


def figure_rows(event):
    """The figures inline of an event's change form, as saved."""
    figures = list(Figure.objects.filter(event=event).select_related("parent").order_by("order"))
    data = management("figures", len(figures), initial=len(figures))
    for i, figure in enumerate(figures):
        data.update(
            {
                f"figures-{i}-id": figure.pk,
                f"figures-{i}-event": event.pk,
                f"figures-{i}-order": figure.order,
                f"figures-{i}-parent_order": figure.parent.order if figure.parent_id else "",
                f"figures-{i}-value": figure.value,
                f"figures-{i}-label": figure.label,
            }
        )
    return data


def test_the_add_page_says_how_to_enter_sub_figures(client, clerk):
    """A sub-figure names its total by the total's «thứ tự», saved or typed in the same go."""
    client.force_login(clerk)
    html = client.get("/admin/blocs/event/add/").content.decode()
    head = html.split('id="figures-group"')[1].split("</thead>")[0]
    assert "thuộc số liệu thứ tự" in head.lower() and "lưu một lần" in head
    assert "Lưu và tiếp tục chỉnh sửa" not in head


def test_a_sub_figure_is_entered_under_a_saved_figure_and_shown(client, clerk):
    event = EventFactory(is_published=True)
    total = FigureFactory(event=event, order=0, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=1, value=1, label="Nghị định")
    data = event_form(event.bloc, title=event.title, held_on=event.held_on.strftime("%d/%m/%Y"))
    data.update(figure_rows(event))
    data["figures-1-parent_order"] = total.order
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 302
    assert Figure.objects.get(label="Nghị định").parent == total
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<ul><li><strong>1</strong> Nghị định</li></ul>" in page


def test_a_third_level_of_figures_is_refused_in_place(client, clerk):
    """The page shows a figure and its sub-figures: a sub-figure of a sub-figure was saved and
    never shown. It is refused, naming the figure to choose instead."""
    event = EventFactory()
    total = FigureFactory(event=event, order=0, value=8, label="văn bản cấp Chính phủ")
    decree = FigureFactory(event=event, order=1, value=1, label="Nghị định", parent=total)
    FigureFactory(event=event, order=2, value=6, label="Quyết định")
    data = event_form(event.bloc, title=event.title, held_on=event.held_on.strftime("%d/%m/%Y"))
    data.update(figure_rows(event))
    data["figures-2-parent_order"] = decree.order
    client.force_login(clerk)
    url = reverse("admin:blocs_event_change", args=[event.pk])
    response = client.post(url, data)
    # A sub-figure is not a total: naming it is refused with the model's message.
    assert response.status_code == 200
    assert "đã là số liệu chi tiết của «8 văn bản cấp Chính phủ»" in response.content.decode()
    assert Figure.objects.get(label="Quyết định").parent is None
    # A row already nested deeper (entered before) is refused with the model's message.
    Figure.objects.filter(label="Quyết định").update(parent=decree)
    data = event_form(event.bloc, title=event.title, held_on=event.held_on.strftime("%d/%m/%Y"))
    data.update(figure_rows(event))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "đã là số liệu chi tiết của «8 văn bản cấp Chính phủ»" in response.content.decode()


def test_a_figure_with_sub_figures_cannot_become_a_sub_figure(client, clerk):
    event = EventFactory()
    first = FigureFactory(event=event, order=0, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=1, value=1, label="Nghị định", parent=first)
    second = FigureFactory(event=event, order=2, value=26, label="Thông tư")
    data = event_form(event.bloc, title=event.title, held_on=event.held_on.strftime("%d/%m/%Y"))
    data.update(figure_rows(event))
    data["figures-0-parent_order"] = second.order
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    assert "Số liệu này đang có số liệu chi tiết" in response.content.decode()
    assert Figure.objects.get(pk=first.pk).parent is None
