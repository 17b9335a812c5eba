"""What a clerk reads in the admin around history and refusals: an object's history page lists
the changes made in its inline parts too (who, when, what, which part) and names people by
their full name; refused deletes say why in plain Vietnamese with the right advice for the
model; duplicate rows, bad uploads and out-of-range dates are reported once, in Vietnamese,
naming the field."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blocs.models import Bloc, Event, EventAttachment, EventMovement, Figure
from tests.factories import UserFactory
from tests.html_text import visible_text
from thidua.years import DateRangeValidator
from units.models import Person, Unit, User

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """What a browser posts from an admin change form: its inputs, selects and textareas."""

    def __init__(self):
        super().__init__()
        self.data, self.select, self.textarea, self.in_form = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value") or "on")
            else:
                self.data.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data


def change_form_data(client, url):
    """The change page's form as a browser would post it unchanged."""
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    return {
        key: values[0] if len(values) == 1 else values
        for key, values in parser.data.items()
        if "__prefix__" not in key and key != "csrfmiddlewaretoken"
    }


def section(html: str, element_id: str) -> str:
    start = html.find(f'id="{element_id}"')
    assert start != -1, element_id
    return html[start : html.find("</table>", start)]


def error_messages(html: str) -> list[str]:
    return [visible_text(m) for m in re.findall(r'<li class="error">(.*?)</li>', html, re.S)]


@pytest.fixture
def event(demo):
    return Event.objects.filter(figures__isnull=False).order_by("pk").first()


@pytest.fixture
def thuky(demo):
    return User.objects.get(username="thuky")


def _edit_place_and_first_figure(client, event, place, value):
    url = f"/admin/blocs/event/{event.pk}/change/"
    data = change_form_data(client, url)
    figure = Figure.objects.filter(event=event).order_by("order", "pk").first()
    index = next(k for k, v in data.items() if k.startswith("figures-") and v == str(figure.pk))
    prefix = index.rsplit("-", 1)[0]
    data["place"] = place
    data[f"{prefix}-value"] = value
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return figure


# --- 1, 3: the history page lists the inline parts' changes, authors by full name ---------------


def test_the_history_of_an_event_lists_what_was_changed_in_its_inlines(client, event, thuky):
    client.force_login(thuky)
    old_value = Figure.objects.filter(event=event).order_by("order", "pk").first().value
    figure = _edit_place_and_first_figure(client, event, "Hội trường tầng 5", "27")
    html = client.get(f"/admin/blocs/event/{event.pk}/history/").content.decode()

    own = visible_text(section(html, "change-history"))
    assert "Hội trường tầng 5" in own and "Thư ký Bộ (thuky)" in own

    parts = visible_text(section(html, "part-change-history"))
    assert "Thay đổi ở các phần của hồ sơ" in visible_text(html)
    row = next(r for r in re.split(r"<tr>", section(html, "part-change-history")) if "27" in r)
    row = visible_text(row)
    assert f"Số liệu: {Figure.objects.get(pk=figure.pk)}" in row  # which part
    assert "Thư ký Bộ (thuky)" in row and "Sửa" in row  # who, what kind of change
    assert f"Số lượng: {old_value} → 27.00" in row  # what changed
    assert "Kết quả bầu:" in parts  # the other parts are listed too (their creation)


def test_the_history_page_reads_the_same_number_of_queries_however_many_parts_changed(
    client, event, thuky
):
    client.force_login(thuky)
    url = f"/admin/blocs/event/{event.pk}/history/"
    _edit_place_and_first_figure(client, event, "Hội trường A", "27")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for round_ in range(3):
        _edit_place_and_first_figure(client, event, f"Hội trường {round_}", str(30 + round_))
        for movement in EventMovement.objects.filter(event=event):
            movement.note = f"Ghi chú {round_}"
            movement._history_user = thuky
            movement.save()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert "Ghi chú 2" in response.content.decode()
    assert len(many) == len(few), [q["sql"] for q in many]


def test_a_part_the_user_may_not_see_on_the_change_page_is_not_in_the_history(client, event):
    viewer = UserFactory(username="xemsukien", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_event", "view_election"])
    )
    client.force_login(viewer)
    change = client.get(f"/admin/blocs/event/{event.pk}/change/")
    assert change.status_code == 200
    html = client.get(f"/admin/blocs/event/{event.pk}/history/").content.decode()
    parts = visible_text(section(html, "part-change-history"))
    assert "Kết quả bầu:" in parts
    assert "Số liệu:" not in parts and "Ảnh, tệp đính kèm:" not in parts


def test_a_user_who_may_not_open_the_event_reads_none_of_its_history(client, event):
    client.force_login(UserFactory(username="khongquyen", is_staff=True))
    assert client.get(f"/admin/blocs/event/{event.pk}/history/").status_code in (403, 404)


# --- 2, 3: no "None" reason; full name with the login ------------------------------------------


def test_a_version_without_a_reason_shows_no_none_and_names_the_author(client, event, thuky):
    client.force_login(thuky)
    _edit_place_and_first_figure(client, event, "Hội trường B", "28")
    html = client.get(f"/admin/blocs/event/{event.pk}/history/").content.decode()
    for table in ("change-history", "part-change-history"):
        cells = [visible_text(c) for c in re.findall(r"<td>(.*?)</td>", section(html, table), re.S)]
        assert "None" not in cells, table
        assert "thuky" not in cells, table  # never the bare login when a name is known
        assert "Thư ký Bộ (thuky)" in cells, table


def test_an_account_without_a_name_is_shown_by_its_login(client, event):
    clerk = UserFactory(username="nhaplieu", first_name="", last_name="", is_superuser=True)
    clerk.is_staff = True
    clerk.save()
    client.force_login(clerk)
    _edit_place_and_first_figure(client, event, "Hội trường C", "29")
    html = client.get(f"/admin/blocs/event/{event.pk}/history/").content.decode()
    cells = [
        visible_text(c)
        for c in re.findall(r"<td>(.*?)</td>", section(html, "change-history"), re.S)
    ]
    assert "nhaplieu" in cells


# --- 4: refused deletes ---------------------------------------------------------------------------


@pytest.fixture
def admin_client_demo(client, demo):
    client.force_login(User.objects.get(username="admin"))
    return client


@pytest.mark.parametrize(
    ("model", "lookup"),
    [
        (Unit, {"name": "Cục Thông tin KH&CN Quốc gia"}),
        (Bloc, {"name": "Khối thi đua Tổng cục, Cục, Ban và Quỹ"}),
        (Person, {"full_name": "Phạm Hồng Quất"}),
    ],
)
def test_a_refused_delete_says_why_without_html_entities_or_a_permission_story(
    admin_client_demo, model, lookup
):
    obj = model.objects.get(**lookup)
    opts = model._meta
    response = admin_client_demo.get(f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/delete/")
    html = response.content.decode()
    text = visible_text(html)
    (message,) = error_messages(html)
    assert "&amp;" not in message and "&" not in message.replace("KH&CN", "")
    assert "hồ sơ khác đang tham chiếu" in message
    assert "quyển" not in text and "không được cấp quyền" not in text
    assert "đang phụ thuộc vào" in text  # the page's own paragraph: records depend on it
    assert model.objects.filter(pk=obj.pk).exists()


def test_the_advice_of_a_refused_delete_fits_the_model(admin_client_demo):
    unit = Unit.objects.get(name="Cục Thông tin KH&CN Quốc gia")
    (unit_message,) = error_messages(
        admin_client_demo.get(f"/admin/units/unit/{unit.pk}/delete/").content.decode()
    )
    assert "ghi «hoạt động đến năm» thay vì xóa" in unit_message

    bloc = Bloc.objects.get(name="Khối thi đua Tổng cục, Cục, Ban và Quỹ")
    (bloc_message,) = error_messages(
        admin_client_demo.get(f"/admin/blocs/bloc/{bloc.pk}/delete/").content.decode()
    )
    assert "khối thi đua đã thôi hoạt động" in bloc_message

    person = Person.objects.order_by("pk").first()
    (person_message,) = error_messages(
        admin_client_demo.get(f"/admin/units/person/{person.pk}/delete/").content.decode()
    )
    assert "hoạt động" not in person_message and "năm kết thúc" not in person_message
    assert "nhập trùng" in person_message


# --- 5: duplicate rows of a formset ---------------------------------------------------------------


def test_a_duplicate_inline_row_is_named_by_its_vietnamese_fields(client, event, thuky):
    client.force_login(thuky)
    url = f"/admin/blocs/event/{event.pk}/change/"
    data = change_form_data(client, url)
    total = int(data["movement_links-TOTAL_FORMS"])
    assert total >= 1
    first = {k.split("-", 2)[2]: v for k, v in data.items() if k.startswith("movement_links-0-")}
    for name in ["order", "movement", "status", "note"]:
        data[f"movement_links-{total}-{name}"] = first.get(name, "")
    data[f"movement_links-{total}-event"] = str(event.pk)
    data["movement_links-TOTAL_FORMS"] = str(total + 1)
    response = client.post(url, data)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "«phong trào, chủ đề» và «trạng thái»" in text
    assert not re.search(r"\b(movement|status)\b", text.split("Phong trào tại sự kiện")[-1])


# --- 6: an upload refused once --------------------------------------------------------------------


def test_a_text_file_named_as_a_photo_is_refused_once(client, event, thuky, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(thuky)
    url = f"/admin/blocs/event/{event.pk}/change/"
    data = change_form_data(client, url)
    total = int(data["attachments-TOTAL_FORMS"])
    data.update(
        {
            f"attachments-{total}-order": "9",
            f"attachments-{total}-is_photo": "on",
            f"attachments-{total}-caption": "Ảnh hội nghị",
            f"attachments-{total}-event": str(event.pk),
            f"attachments-{total}-file": SimpleUploadedFile("anh.png", "là ảnh".encode()),
            "attachments-TOTAL_FORMS": str(total + 1),
        }
    )
    before = EventAttachment.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert text.count("không phải là tệp png") == 1, text
    assert EventAttachment.objects.count() == before


# --- 7: an out-of-range date shown away from its field names the field --------------------------


def test_a_refused_revert_names_the_field_of_an_out_of_range_date(
    client, event, thuky, monkeypatch
):
    from django.contrib import admin

    model_admin = admin.site._registry[Event]

    def refuse(request, obj, form, change):
        try:
            DateRangeValidator()(obj.held_on.replace(year=2099))
        except ValidationError as error:
            raise ValidationError({"held_on": error.error_list}) from error

    monkeypatch.setattr(model_admin, "save_model", refuse)
    client.force_login(thuky)
    version = event.history.order_by("history_id").first()
    url = f"/admin/blocs/event/{event.pk}/history/{version.history_id}/"
    data = change_form_data(client, url)
    response = client.post(url, data)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert re.search(r"«ngày tổ chức»: Ngày \d\d/\d\d/2099 nằm ngoài khoảng cho phép", text), text


def test_the_date_range_message_names_the_day_and_the_bounds():
    with pytest.raises(ValidationError) as caught:
        DateRangeValidator()(__import__("datetime").date(2099, 12, 19))
    (message,) = caught.value.messages
    assert message.startswith("Ngày 19/12/2099 nằm ngoài khoảng cho phép: từ 01/01/1945 đến 31/12/")
