"""Numbers typed the Vietnamese way (thidua/formats/vi: the dot groups thousands, the comma marks
decimals) and dates that must exist, read by the shared form fields of thidua/form_fields.py —
on their own and in the admin, where every ModelAdmin and inline gets them."""

import datetime
import re
from decimal import Decimal

import pytest
from django import forms

from blocs.models import Event, Figure
from tests.blocs.test_event_admin import event_form, management
from tests.factories import BlocFactory, EventFactory
from thidua.form_fields import (
    DECIMAL_MESSAGE,
    WHOLE_NUMBER_MESSAGE,
    CalendarDateField,
    DecimalNumberField,
    WholeNumberField,
    impossible_date,
)
from thidua.numbers import parse_decimal, parse_int

# --- the reading rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1000", 1000),
        ("1.000", 1000),
        ("12.500", 12500),
        ("1.000.000", 1000000),
        (" 1.000\xa0", 1000),
        ("-1.000", -1000),
        ("007", 7),
        ("1.5", None),
        ("1,5", None),
        ("1.0", None),
        ("15.00", None),
        ("1.0000", None),
        ("01.000", None),
        ("1.00.000", None),
        ("1 000", None),
        ("1,000", None),
        ("", None),
    ],
)
def test_a_whole_number_is_read_with_its_thousands_dots_only(typed, read):
    assert parse_int(typed, grouped=True) == read


def test_a_query_string_number_is_never_grouped():
    assert parse_int("1.000") is None
    assert parse_int("1000") == 1000


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("15", Decimal("15")),
        ("1,5", Decimal("1.5")),
        ("1.250,5", Decimal("1250.5")),
        ("1.250", Decimal("1250")),
        ("1.000.000", Decimal("1000000")),
        ("1.5", Decimal("1.5")),
        ("1.50", Decimal("1.50")),
        ("0.250", Decimal("0.250")),
        ("-1,5", Decimal("-1.5")),
        ("12.34.567", None),
        ("1.25,5", None),
        ("1,2,3", None),
        ("1234.567", None),
        ("1e5", None),
        ("NaN", None),
        (",5", None),
    ],
)
def test_a_decimal_is_read_with_its_comma_and_thousands_dots(typed, read):
    assert parse_decimal(typed) == read


@pytest.mark.parametrize(
    ("typed", "missing"),
    [
        ("31/02/2016", "31/02/2016"),
        ("29/2/2015", "29/02/2015"),
        ("31/04/16", "31/04/2016"),
        ("2016-02-30", "30/02/2016"),
        ("29/02/2016", None),  # a leap year
        ("02/31/2016", None),  # month first: the format's message says how to type it
        ("32/01/2016", None),
        ("hôm qua", None),
    ],
)
def test_a_day_missing_from_the_calendar_is_told_apart_from_a_typing_slip(typed, missing):
    assert impossible_date(typed) == missing


class Sample(forms.Form):
    count = WholeNumberField(min_value=0, max_value=32767)
    amount = DecimalNumberField(max_digits=6, decimal_places=2, required=False)
    day = CalendarDateField(required=False)


def test_the_fields_refuse_with_the_rule_and_keep_their_bounds():
    form = Sample({"count": "40.000", "amount": "12,555", "day": "31/02/2016"})
    assert form.errors == {
        "count": ["Giá trị phải nhỏ hơn hoặc bằng 32767."],
        "amount": ["Hãy chắc chắn rằng không có nhiều hơn 2 chữ số thập phân."],
        "day": ["Ngày 31/02/2016 không có trong lịch."],
    }
    form = Sample({"count": "1.5", "amount": "1,5,0"})
    assert form.errors == {"count": [WHOLE_NUMBER_MESSAGE], "amount": [DECIMAL_MESSAGE]}
    form = Sample({"count": "1.000", "amount": "1.250,5", "day": "29/02/2016"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "count": 1000,
        "amount": Decimal("1250.5"),
        "day": datetime.date(2016, 2, 29),
    }


def test_the_inputs_are_text_with_a_numeric_keyboard_and_show_a_decimal_comma():
    html = str(Sample(initial={"count": 1000, "amount": Decimal("1250.50")}))
    assert re.search(r'<input type="text" name="count" value="1000" inputmode="numeric"', html)
    assert re.search(r'<input type="text" name="amount" value="1250,50" inputmode="decimal"', html)
    # What the page shows is read back unchanged when it is saved again.
    form = Sample({"count": "1000", "amount": "1250,50"}, initial={"amount": Decimal("1250.50")})
    assert form.is_valid() and not form["amount"]._has_changed()


# --- in the admin ---------------------------------------------------------------------------------


def post_event(client, clerk, data):
    client.force_login(clerk)
    return client.post("/admin/blocs/event/add/", data)


def with_figure(data, value):
    data.update(management("figures", 1))
    data.update({"figures-0-order": "0", "figures-0-value": value, "figures-0-label": "Thông tư"})
    return data


@pytest.mark.django_db
def test_the_admin_number_inputs_are_text_inputs(client, clerk):
    client.force_login(clerk)
    html = client.get("/admin/blocs/event/add/").content.decode()
    member_count = re.search(r'<input type="text" name="member_count"[^>]*>', html)
    assert member_count and 'class="vIntegerField"' in member_count[0]
    assert 'inputmode="numeric"' in member_count[0]
    assert re.search(
        r'<input type="text" name="figures-__prefix__-value"[^>]*inputmode="decimal"', html
    )
    assert 'type="number"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "stored"), [("1,5", "1.5"), ("1.250", "1250"), ("1.250,75", "1250.75")]
)
def test_an_event_figure_is_read_the_vietnamese_way(client, clerk, typed, stored):
    response = post_event(client, clerk, with_figure(event_form(BlocFactory()), typed))
    assert response.status_code == 302, response.context["adminform"].errors
    assert Figure.objects.get().value == Decimal(stored)


@pytest.mark.django_db
def test_an_event_figure_shows_its_decimal_comma(client, clerk):
    event = EventFactory()
    Figure.objects.create(event=event, order=0, value=Decimal("1250.50"), label="Thông tư")
    client.force_login(clerk)
    html = client.get(f"/admin/blocs/event/{event.pk}/change/").content.decode()
    assert re.search(r'name="figures-0-value" value="1250,50"', html)


@pytest.mark.django_db
def test_an_event_member_count_of_a_thousand_is_read_as_a_thousand_never_one(client, clerk):
    response = post_event(client, clerk, event_form(BlocFactory(), member_count="1.000"))
    assert response.status_code == 200
    # A thousand, which a bloc cannot have: its own range, not "1" saved silently.
    assert response.context["adminform"].form.errors["member_count"] == [
        "Số đơn vị phải từ 1 đến 999."
    ]
    response = post_event(client, clerk, event_form(BlocFactory(), member_count="1.5"))
    assert response.context["adminform"].form.errors["member_count"] == [WHOLE_NUMBER_MESSAGE]
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_an_admin_date_missing_from_the_calendar_is_called_that(client, clerk):
    response = post_event(client, clerk, event_form(BlocFactory(), held_on="31/02/2016"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["held_on"] == [
        "Ngày 31/02/2016 không có trong lịch."
    ]
    assert not Event.objects.exists()
