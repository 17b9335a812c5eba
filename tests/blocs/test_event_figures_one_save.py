"""A total and its sub-figures typed on one screen are saved in one go: a sub-figure names its
total by the total's «thứ tự» (blocs.admin.events.FigureFormSet), whether the total is saved or
typed in the same submission."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.admin.events import FigureRowForm
from blocs.models import Event, Figure
from tests.blocs.test_event_admin import event_form, figure_rows, management
from tests.factories import BlocFactory, EventFactory, FigureFactory, UserFactory
from tests.html_text import text_of, visible_text

pytestmark = pytest.mark.django_db

LABEL = "thuộc số liệu thứ tự"


def figure_fields(rows, start=0):
    """The posted fields of figure rows `start`, `start + 1`…: (order, parent_order, value,
    label) each."""
    data = {}
    for i, (order, parent_order, value, label) in enumerate(rows, start):
        data.update(
            {
                f"figures-{i}-order": str(order),
                f"figures-{i}-parent_order": "" if parent_order is None else str(parent_order),
                f"figures-{i}-value": str(value),
                f"figures-{i}-label": label,
            }
        )
    return data


def new_figures(rows):
    """The figures inline of a new event."""
    return {**management("figures", len(rows)), **figure_fields(rows)}


def change_data(event):
    data = event_form(event.bloc, title=event.title, held_on=event.held_on.strftime("%d/%m/%Y"))
    data.update(figure_rows(event))
    return data


def row_html(html, index):
    """The table row of figure `index` on the event's form (its fields and their errors)."""
    start = html.index(f'id="figures-{index}"')
    return html[start : html.index("</tr>", start)]


def figures_section(html):
    start = html.index('<ul class="figures">')
    return html[start : html.index("</section>", start)]


# --- a new event: the total and its sub-figures in one POST ------------------------------------


def test_a_new_events_total_and_sub_figures_are_saved_in_one_post_and_shown(client, clerk):
    # The sub-figures come before their total in the table: the order of the rows is free.
    data = event_form(BlocFactory())
    data.update(
        new_figures(
            [
                (2, 1, 1, "Nghị định"),
                (1, None, 8, "văn bản cấp Chính phủ"),
                (3, 1, 7, "Quyết định"),
            ]
        )
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    event = Event.objects.get()
    total = Figure.objects.get(event=event, label="văn bản cấp Chính phủ")
    assert total.parent is None
    assert {f.label: f.parent for f in Figure.objects.filter(parent__isnull=False)} == {
        "Nghị định": total,
        "Quyết định": total,
    }
    figures = figures_section(client.get(event.get_absolute_url()).content.decode())
    assert visible_text(figures) == "8 văn bản cấp Chính phủ 1 Nghị định 7 Quyết định"
    # Both sub-figures inside the total's item, one level down.
    assert (
        "<ul><li><strong>1</strong> Nghị định</li><li><strong>7</strong> Quyết định</li></ul>"
        in figures
    )
    assert figures.count("<ul") == 2


def test_a_sub_figure_may_name_a_saved_total_beside_new_ones(client, clerk):
    event = EventFactory()
    total = FigureFactory(event=event, order=0, value=8, label="văn bản cấp Chính phủ")
    data = change_data(event)
    data.update(management("figures", 3, initial=1))
    data.update(figure_fields([(1, 0, 1, "Nghị định"), (2, None, 26, "Thông tư")], start=1))
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert Figure.objects.get(label="Nghị định").parent == total
    assert Figure.objects.get(label="Thông tư").parent is None


# --- wrong numbers: refused on the row, the input kept, nothing saved --------------------------


@pytest.mark.parametrize(
    "rows, bad_row, message",
    [
        pytest.param(
            [(1, None, 8, "văn bản cấp Chính phủ"), (2, 9, 1, "Nghị định")],
            1,
            f"«{LABEL}» 9: Không có số liệu nào của sự kiện mang thứ tự 9.",
            id="missing",
        ),
        pytest.param(
            [(1, None, 8, "văn bản cấp Chính phủ"), (2, 2, 1, "Nghị định")],
            1,
            f"«{LABEL}» 2: Số liệu không thể thuộc chính nó.",
            id="itself",
        ),
        pytest.param(
            [
                (1, None, 8, "văn bản cấp Chính phủ"),
                (2, 1, 1, "Nghị định"),
                (3, 2, 7, "Quyết định"),
            ],
            2,
            f"«{LABEL}» 2: «1 Nghị định» đã là số liệu chi tiết của «8 văn bản cấp Chính phủ»",
            id="a sub-figure",
        ),
        pytest.param(
            [
                (1, None, 8, "văn bản cấp Chính phủ"),
                (1, None, 26, "Thông tư"),
                (2, 1, 1, "Nghị định"),
            ],
            2,
            f"«{LABEL}» 1: Có 2 số liệu cùng mang thứ tự 1 («8 văn bản cấp Chính phủ», "
            "«26 Thông tư») nên không rõ số liệu này thuộc số liệu nào.",
            id="ambiguous",
        ),
    ],
)
def test_a_wrong_total_number_is_refused_on_its_row_and_nothing_is_saved(
    client, clerk, rows, bad_row, message
):
    data = event_form(BlocFactory())
    data.update(new_figures(rows))
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    row = row_html(html, bad_row)
    assert message in visible_text(row)
    order, parent_order, _, label = rows[bad_row]
    assert f'name="figures-{bad_row}-parent_order" value="{parent_order}"' in row  # input kept
    assert f'value="{label}"' in row
    assert "Vui lòng sửa" in text_of(response) or "sửa các lỗi" in text_of(response)
    assert not Event.objects.exists() and not Figure.objects.exists()


def test_a_figure_with_sub_figures_typed_with_it_cannot_go_under_another(client, clerk):
    data = event_form(BlocFactory())
    data.update(
        new_figures(
            [
                (1, None, 26, "Thông tư"),
                (2, 1, 8, "văn bản cấp Chính phủ"),
                (3, 2, 1, "Nghị định"),
            ]
        )
    )
    client.force_login(clerk)
    response = client.post("/admin/blocs/event/add/", data)
    assert response.status_code == 200
    row = visible_text(row_html(response.content.decode(), 1))
    assert f"«{LABEL}» 1: Số liệu này đang có số liệu chi tiết" in row
    assert not Figure.objects.exists()


@pytest.fixture
def total_marked_for_deletion():
    """A total (order 1) with one sub-figure, and its event's form with the total's row marked
    for deletion."""
    event = EventFactory()
    total = FigureFactory(event=event, order=1, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=2, value=1, label="Nghị định", parent=total)
    data = change_data(event)
    data["figures-0-DELETE"] = "on"
    return event, data


def test_a_total_deleted_under_its_kept_sub_figures_is_refused(
    client, clerk, total_marked_for_deletion
):
    """The database would delete the sub-figures with their total, unasked."""
    event, data = total_marked_for_deletion
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    row = visible_text(row_html(response.content.decode(), 1))
    assert (
        f"«{LABEL}» 1: Số liệu thứ tự 1 («8 văn bản cấp Chính phủ») đang được đánh dấu xóa" in row
    )
    assert Figure.objects.filter(event=event).count() == 2


def test_a_total_is_deleted_with_its_sub_figures_each_once_in_the_history(
    client, clerk, total_marked_for_deletion
):
    event, data = total_marked_for_deletion
    data["figures-1-DELETE"] = "on"
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 302
    assert not Figure.objects.filter(event=event).exists()
    assert Figure.history.filter(history_type="-").count() == 2


# --- editing saved figures ---------------------------------------------------------------------


def test_an_existing_events_form_shows_the_parents_order(client, clerk):
    event = EventFactory()
    total = FigureFactory(event=event, order=4, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=5, value=1, label="Nghị định", parent=total)
    client.force_login(clerk)
    html = client.get(reverse("admin:blocs_event_change", args=[event.pk])).content.decode()
    assert 'name="figures-0-parent_order"' in row_html(html, 0)
    assert 'name="figures-0-parent_order" value=' not in row_html(html, 0)  # a total: empty
    assert 'name="figures-1-parent_order" value="4"' in row_html(html, 1)
    head = html.split('id="figures-group"')[1].split("</thead>")[0]
    assert LABEL in visible_text(head).lower() and FigureRowForm.PARENT_HELP[:40] in head


def test_moving_a_totals_order_keeps_its_sub_figures(client, clerk):
    event = EventFactory()
    total = FigureFactory(event=event, order=1, value=8, label="văn bản cấp Chính phủ")
    decree = FigureFactory(event=event, order=2, value=1, label="Nghị định", parent=total)
    decision = FigureFactory(event=event, order=3, value=7, label="Quyết định", parent=total)
    data = change_data(event)
    assert data["figures-1-parent_order"] == 1
    data["figures-0-order"] = "5"  # the sub-figures' numbers are left as they were
    client.force_login(clerk)
    url = reverse("admin:blocs_event_change", args=[event.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    total.refresh_from_db()
    assert total.order == 5
    assert set(total.children.all()) == {decree, decision}
    # The form now shows the new number on the sub-figures' rows.
    html = client.get(url).content.decode()
    assert 'name="figures-1-parent_order" value="5"' in html
    # Renumbering the sub-figures to follow their total keeps them too.
    data = change_data(event)
    data["figures-2-order"] = "7"
    data["figures-0-parent_order"] = "7"
    data["figures-1-parent_order"] = "7"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    total.refresh_from_db()
    assert total.order == 7 and set(total.children.all()) == {decree, decision}


def test_a_sub_figure_and_its_total_change_places_in_one_save(client, clerk):
    event = EventFactory()
    total = FigureFactory(event=event, order=1, value=8, label="văn bản cấp Chính phủ")
    decree = FigureFactory(event=event, order=2, value=1, label="Nghị định", parent=total)
    data = change_data(event)
    data["figures-0-parent_order"] = "2"
    data["figures-1-parent_order"] = ""
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    total.refresh_from_db()
    decree.refresh_from_db()
    assert decree.parent is None and total.parent == decree


def test_the_unchanged_form_of_an_event_with_sub_figures_saves(client, clerk):
    """Rows saved before with one «thứ tự» shared (the default 0) keep their totals when the
    form is saved unchanged: only a number typed anew must name a single row."""
    event = EventFactory()
    total = FigureFactory(event=event, order=0, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=0, value=26, label="Thông tư")
    decree = FigureFactory(event=event, order=0, value=1, label="Nghị định", parent=total)
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), change_data(event))
    assert response.status_code == 302, response.context and response.context["errors"]
    decree.refresh_from_db()
    assert decree.parent == total


def test_the_form_reads_no_query_per_sub_figure(client, clerk):
    def queries(event):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("admin:blocs_event_change", args=[event.pk]))
        assert response.status_code == 200
        return len(captured)

    client.force_login(clerk)
    counts = []
    for n in (1, 6):
        event = EventFactory()
        total = FigureFactory(event=event, order=0, label="văn bản")
        for i in range(n):
            FigureFactory(event=event, order=i + 1, label=f"chi tiết {i}", parent=total)
        counts.append(queries(event))
    assert counts[0] == counts[1]


def test_a_viewer_sees_the_totals_number_read_only(client):
    event = EventFactory()
    total = FigureFactory(event=event, order=3, value=8, label="văn bản cấp Chính phủ")
    FigureFactory(event=event, order=4, value=1, label="Nghị định", parent=total)
    viewer = UserFactory(username="xemsolieu", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_event", "view_figure"])
    )
    client.force_login(viewer)
    html = client.get(reverse("admin:blocs_event_change", args=[event.pk])).content.decode()
    assert LABEL in visible_text(html.split('id="figures-group"')[1].split("</thead>")[0]).lower()
    cell = row_html(html, 1).split('class="field-parent_order">')[1].split("</td>")[0]
    assert visible_text(cell) == "3"


def test_a_sub_figure_whose_total_is_replaced_by_its_number_follows_the_new_total(client, clerk):
    """The total deleted and its number given to a new row: the sub-figure, its own row left
    untouched, is saved under the new total rather than deleted with the old one."""
    event = EventFactory()
    old = FigureFactory(event=event, order=1, value=8, label="văn bản (số cũ)")
    decree = FigureFactory(event=event, order=2, value=1, label="Nghị định", parent=old)
    data = change_data(event)
    data["figures-0-DELETE"] = "on"
    data["figures-TOTAL_FORMS"] = "3"
    data.update(figure_fields([(1, None, 9, "văn bản cấp Chính phủ")], start=2))
    client.force_login(clerk)
    response = client.post(reverse("admin:blocs_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    decree.refresh_from_db()
    assert decree.parent.label == "văn bản cấp Chính phủ"
    assert not Figure.objects.filter(pk=old.pk).exists()
