"""One event of a kind per bloc per day (QA 3, #3): posting the admin's new-event form twice
(a double click on «Lưu», back and resubmit) saves one event with its rows; the second post names
the event already there on «ngày tổ chức» and saves nothing. The database refuses a direct
duplicate too, and a save that got past the check (a race) is explained, never a 500. «Sự kiện
khác» is not limited. The migration's check lists events that already break the rule; the demo and
synthetic data make none."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from awards.models import Proposal
from blocs.models import Attendance, Event, EventKind
from blocs.models.events import ONE_PER_DAY_CONSTRAINT
from tests.blocs.test_event_admin import event_form, management
from tests.blocs.test_event_entry_rules import members, post_event
from tests.factories import BlocFactory, EventFactory, UnitFactory, award_type, synthetic_dataset
from tests.html_text import text_of

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("blocs.migrations.0014_event_one_per_day_file_names")
TITLE = "Hội nghị tổng kết công tác thi đua năm 2015"


def full_form(bloc, unit):
    """The new-event form with a proposal and an attendance row, as the clerk fills it."""
    members(bloc, 2015, unit)
    data = event_form(bloc)
    data.update(management("proposals", 1))
    data.update(
        {
            "proposals-0-order": "0",
            "proposals-0-award_type": award_type("co-thi-dua-bo").pk,
            "proposals-0-unit": unit.pk,
        }
    )
    data.update(management("attendances", 1))
    data.update(
        {
            "attendances-0-order": "0",
            "attendances-0-kind": "representative",
            "attendances-0-group_description": "đại diện lãnh đạo các đơn vị",
            "attendances-0-unit_count": "9",
        }
    )
    return data


def expected_message(event):
    return (
        f"Khối «{event.bloc}» đã có «Hội nghị tổng kết năm» ngày 18/12/2015: «{event.title}». "
        "Mở sự kiện đó để sửa thay vì nhập lại."
    )


def test_posting_the_new_event_form_twice_saves_one_event_and_names_it(client, clerk):
    bloc = BlocFactory(name="Khối Văn phòng - Viện")
    data = full_form(bloc, UnitFactory())
    first = post_event(client, clerk, data)
    assert first.status_code == 302, first.context["adminform"].errors if first.context else ""
    event = Event.objects.get()

    again = post_event(client, clerk, data)
    assert again.status_code == 200
    assert again.context["adminform"].form.errors["held_on"] == [expected_message(event)]
    assert expected_message(event) in text_of(again)
    # Nothing of the second post is saved: no second event, no copies of its rows.
    assert Event.objects.count() == 1
    assert Proposal.objects.count() == 1 and Attendance.objects.count() == 1


def test_editing_the_event_itself_is_not_a_duplicate(client, clerk):
    event = EventFactory(held_on=datetime.date(2015, 12, 18), period_start=2015, period_end=2015)
    data = event_form(event.bloc, title="Tiêu đề đã sửa")
    response = post_event(client, clerk, data, f"/admin/blocs/event/{event.pk}/change/")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Tiêu đề đã sửa"


def test_moving_an_event_onto_another_of_the_same_kind_and_day_is_refused(client, clerk):
    standing = EventFactory(held_on=datetime.date(2015, 12, 18), period_start=2015, title=TITLE)
    moved = EventFactory(
        bloc=standing.bloc, kind=EventKind.MID_YEAR, held_on=datetime.date(2015, 7, 15)
    )
    data = event_form(standing.bloc, title="Hội nghị khác")  # tổng kết, 18/12/2015
    response = post_event(client, clerk, data, f"/admin/blocs/event/{moved.pk}/change/")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["held_on"] == [expected_message(standing)]
    moved.refresh_from_db()
    assert (moved.kind, moved.held_on) == (EventKind.MID_YEAR, datetime.date(2015, 7, 15))


def test_other_kinds_days_and_blocs_and_other_events_are_free():
    standing = EventFactory(held_on=datetime.date(2021, 12, 24))
    for other in (
        Event(bloc=standing.bloc, kind=EventKind.PLEDGE_SIGNING, held_on=standing.held_on),
        Event(bloc=standing.bloc, kind=standing.kind, held_on=datetime.date(2021, 12, 23)),
        Event(bloc=BlocFactory(), kind=standing.kind, held_on=standing.held_on),
    ):
        other.title, other.period_start, other.period_end = "Khác", 2021, 2021
        other.full_clean()
    # A bloc may hold several «Sự kiện khác» a day: neither the check nor the database refuses.
    day = datetime.date(2021, 6, 1)
    EventFactory(bloc=standing.bloc, kind=EventKind.OTHER, held_on=day)
    second = EventFactory.build(bloc=standing.bloc, kind=EventKind.OTHER, held_on=day)
    second.full_clean()
    second.save()
    assert Event.objects.filter(kind=EventKind.OTHER).count() == 2


def test_full_clean_names_the_event_on_held_on_once():
    standing = EventFactory(held_on=datetime.date(2015, 12, 18), period_start=2015, title=TITLE)
    again = EventFactory.build(
        bloc=standing.bloc, held_on=standing.held_on, period_start=2015, period_end=2015
    )
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    # The constraint's own message is not added under it: one message, naming the event.
    assert error.value.message_dict == {"held_on": [expected_message(standing)]}


def test_the_database_refuses_a_direct_duplicate():
    standing = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            bloc=standing.bloc,
            kind=standing.kind,
            held_on=standing.held_on,
            title="Nhập lại",
            period_start=2021,
            period_end=2021,
        )
    assert Event.objects.count() == 1


def test_a_save_past_the_check_is_explained_and_saves_nothing(client, clerk, monkeypatch):
    """As two posts at once that both passed the check: the database refuses the second, the
    admin says so in Vietnamese and keeps none of the second post's rows."""
    monkeypatch.setattr(Event, "check_one_per_day", lambda self: None)
    data = full_form(BlocFactory(), UnitFactory())
    assert post_event(client, clerk, data).status_code == 302
    response = client.post("/admin/blocs/event/add/", data, follow=True)
    assert response.status_code == 200
    page = text_of(response)
    assert "nội dung bạn gửi chưa được lưu" in page
    if connection.vendor == "postgresql":  # its error names the constraint
        assert "Khối này đã có một sự kiện cùng loại trong cùng ngày tổ chức" in page
    assert Event.objects.count() == 1
    assert Proposal.objects.count() == 1 and Attendance.objects.count() == 1


# --- the migration's check -----------------------------------------------------------------------


def drop_the_constraint():
    """As before blocs 0014 (in the test's transaction: rolled back with it)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(ONE_PER_DAY_CONSTRAINT)}")


def test_the_migrations_check_lists_the_events_that_break_the_rule():
    drop_the_constraint()
    pair = [EventFactory(bloc=BlocFactory(), held_on=datetime.date(2015, 12, 18))]
    pair.append(EventFactory(bloc=pair[0].bloc, held_on=pair[0].held_on))
    trio = [
        EventFactory(bloc=pair[0].bloc, kind=EventKind.MID_YEAR, held_on=datetime.date(2015, 7, 1))
        for _ in range(3)
    ]
    # Not offending: «Sự kiện khác» twice, another day, another bloc.
    for _ in range(2):
        EventFactory(bloc=pair[0].bloc, kind=EventKind.OTHER, held_on=pair[0].held_on)
    EventFactory(bloc=pair[0].bloc, held_on=datetime.date(2015, 12, 19))
    EventFactory(held_on=pair[0].held_on)

    groups = MIGRATION.same_day_events(Event)
    assert groups == [[e.pk for e in trio], [e.pk for e in pair]]  # by kind: so_ket, tong_ket
    with pytest.raises(MIGRATION.SameDayEventsFound) as error:
        MIGRATION.check_no_same_day_events(apps, None)
    message = str(error.value)
    ids = "; ".join(", ".join(str(e.pk) for e in group) for group in (trio, pair))
    assert "2 group(s) of events (blocs.Event ids)" in message and ids in message
    assert "Nothing was changed or deleted." in message
    assert (
        "Không thể thêm quy tắc «mỗi khối một sự kiện mỗi loại trong một ngày»: 2 nhóm" in message
    )
    assert Event.objects.count() == 9  # nothing deleted
    # Once each group is down to one event, the migration goes on.
    Event.objects.filter(pk__in=[pair[1].pk, trio[1].pk, trio[2].pk]).update(kind=EventKind.OTHER)
    assert MIGRATION.same_day_events(Event) == []
    MIGRATION.check_no_same_day_events(apps, None)


def test_the_migrations_message_keeps_a_long_list_short():
    groups = [[n, n + 1] for n in range(0, 1000, 2)]
    message = MIGRATION.duplicates_message(groups)
    assert "500 group(s)" in message and "0, 1; 2, 3" in message and "(+300)" in message


# --- demo, synthetic data and factories ------------------------------------------------------------


def test_the_demo_makes_no_two_events_of_a_kind_a_day(demo):
    assert Event.objects.exists()
    assert MIGRATION.same_day_events(Event) == []


def test_synthetic_events_past_the_kinds_make_no_duplicate():
    """More events than bloc-years × kinds: the rest are «Sự kiện khác», never a duplicate."""
    synthetic_dataset(40, units=4, blocs=2, years=2, events=30, people=3)
    assert Event.objects.count() == 30
    assert Event.objects.filter(kind=EventKind.OTHER).count() > 10
    assert MIGRATION.same_day_events(Event) == []


def test_the_factory_makes_events_of_one_bloc_on_free_days():
    bloc = BlocFactory()
    events = [EventFactory(bloc=bloc) for _ in range(3)]
    assert events[0].held_on == datetime.date(2021, 12, 24)
    assert len({e.held_on for e in events}) == 3
