"""QA findings on query strings: never a server error. A number beyond the database's range is
the site's 404 «Tham số của trang không hợp lệ» (JSON under /api/); digits int() refuses ('²',
over 4,300 of them) are no number at all; a long number typed in a search box is searched; an
admin year filter given no year of its records lists nothing."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory, UnitFactory
from thidua import roles
from thidua.middleware import MALFORMED_QUERY_MESSAGE
from thidua.numbers import BIGINT_MAX, is_integer, parse_int
from thidua.years import FIRST_YEAR, LAST_YEAR, parse_year

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWOS = "²" * 19  # str.isdigit() says yes, int() says no
NINES_19 = "9" * 19
NINES_25 = "9" * 25
NINES_4400 = "9" * 4400  # int() refuses more than 4,300 digits


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(roles.ADMINISTRATOR))
    return client


@pytest.fixture
def secretariat_client(client, make_user):
    client.force_login(make_user(roles.SECRETARIAT, username="thuky"))
    return client


def assert_malformed_page(response):
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert MALFORMED_QUERY_MESSAGE in response.content.decode()


def assert_malformed_api(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": MALFORMED_QUERY_MESSAGE}


# --- the parsing helper --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        (" 42 ", 42),
        ("+7", 7),
        ("-5", -5),
        ("007", 7),
        (str(BIGINT_MAX), BIGINT_MAX),
        (str(BIGINT_MAX + 1), None),
        ("0" * 30 + "1", 1),
        (SUPERSCRIPT_TWOS, None),
        ("²", None),
        ("٣", None),  # int() would read Arabic-Indic digits
        ("1_000", None),  # and underscores
        (NINES_4400, None),
        ("", None),
        (None, None),
        ("4.5", None),
        ("abc", None),
    ],
)
def test_parse_int_reads_ascii_digits_within_range(text, expected):
    assert parse_int(text) == expected


def test_is_integer_and_year_bounds():
    assert is_integer(NINES_4400) and is_integer("-1") and not is_integer(SUPERSCRIPT_TWOS)
    assert parse_year(str(FIRST_YEAR)) == FIRST_YEAR and parse_year(str(LAST_YEAR)) == LAST_YEAR
    assert parse_year("0") is parse_year("10000") is parse_year(str(FIRST_YEAR - 1)) is None


# --- 1. digits int() refuses -------------------------------------------------------------------


def test_superscript_digits_in_a_value_or_a_name_are_no_number(client):
    assert client.get("/", {"x": SUPERSCRIPT_TWOS}).status_code == 200
    assert client.get("/", {SUPERSCRIPT_TWOS: "1"}).status_code == 200


def test_a_number_of_4400_digits_is_a_malformed_query(client):
    assert_malformed_page(client.get("/thong-ke/", {"year_from": NINES_4400}))
    assert_malformed_page(client.get("/", {NINES_4400: "1"}))


def test_a_number_beyond_bigint_is_still_a_malformed_query(client, staff_client):
    assert_malformed_page(client.get("/khen-thuong/", {"year": NINES_19}))
    assert_malformed_page(staff_client.get("/admin/blocs/event/", {"held_on__year": NINES_25}))


# --- 2. admin year filters ---------------------------------------------------------------------


@pytest.fixture
def events(db):
    return (
        EventFactory(title="Hội nghị năm 2015", held_on=datetime.date(2015, 12, 18)),
        EventFactory(title="Hội nghị năm 2019", held_on=datetime.date(2019, 12, 6)),
    )


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/admin/blocs/event/", {"held_on__year": "0"}),
        ("/admin/blocs/event/", {"held_on__year": "10000"}),
        ("/admin/blocs/event/", {"held_on__year": SUPERSCRIPT_TWOS}),
        ("/admin/blocs/event/", {"period_start__exact": "0"}),
        ("/admin/blocs/document/", {"issued_on__year": "0"}),
        ("/admin/awards/award/", {"year__exact": "²"}),
        ("/admin/awards/councilvote/", {"held_on__year": "²"}),
    ],
)
def test_an_admin_year_filter_given_no_year_lists_nothing(staff_client, events, url, params):
    response = staff_client.get(url, params)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


def test_a_lookup_the_award_list_has_not_is_the_admins_usual_error(staff_client):
    # Awards have no held_on: Django's changelist sends back to the list with ?e=1.
    response = staff_client.get("/admin/awards/award/", {"held_on__year": "²"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/admin/blocs/event/", {"held_on__year": "0"}),
        ("/admin/blocs/document/", {"issued_on__year": "0"}),
        ("/admin/awards/award/", {"year__exact": "²"}),
        ("/admin/units/person/", {"q": NINES_19}),
    ],
)
def test_anonymous_admin_addresses_go_to_the_login(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_year_filter_still_filters(staff_client, events):
    response = staff_client.get("/admin/blocs/event/", {"held_on__year": "2015"})
    assert response.status_code == 200
    assert [e.title for e in response.context["cl"].result_list] == ["Hội nghị năm 2015"]


def test_the_public_statistics_still_take_a_year_range(client):
    response = client.get("/thong-ke/", {"year_from": "2015", "year_to": "2020"})
    assert response.status_code == 200
    # The old English name still reads as the page's own `tu_nam`.
    assert response.context["filter"].form.cleaned_data["tu_nam"] == 2015


# --- 3. free text in search boxes --------------------------------------------------------------


def test_long_numbers_are_searched_on_the_public_pages(client):
    UnitFactory(name="Viện Thử nghiệm")
    assert client.get("/don-vi/", {"q": NINES_19}).status_code == 200
    assert client.get("/tim-kiem/", {"q": NINES_25}).status_code == 200
    response = client.get("/xac-minh/", {"ma": NINES_19})
    assert response.status_code == 302  # to the code's own page, which says it is unknown


def test_long_numbers_are_searched_in_the_api(client):
    response = client.get("/api/v1/units/", {"q": NINES_25})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []


def test_long_numbers_are_searched_in_the_admin(secretariat_client, staff_client):
    response = secretariat_client.get("/admin/units/person/", {"q": NINES_19})
    assert response.status_code == 200 and response.context["cl"].result_count == 0
    autocomplete = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": NINES_19, "app_label": "blocs", "model_name": "event", "field_name": "bloc"},
    )
    assert autocomplete.status_code == 200 and autocomplete.json()["results"] == []


def test_free_text_still_refuses_a_nul_byte(client, secretariat_client):
    assert_malformed_page(client.get("/don-vi/", {"q": "ab\x00c"}))
    assert_malformed_page(secretariat_client.get("/admin/units/person/", {"q": "\x00"}))


def test_a_number_typed_elsewhere_is_still_checked_on_a_search_page(client):
    assert_malformed_page(client.get("/don-vi/", {"q": "x", "trang": NINES_19}))


# --- 4. the API answers in JSON ----------------------------------------------------------------


def test_api_malformed_queries_answer_json(client):
    assert_malformed_api(client.get("/api/v1/units/", {"q": "\x00"}))
    assert_malformed_api(client.get("/api/v1/awards/", {"year": NINES_25}))
    assert_malformed_api(client.get("/api/v1/events/", {NINES_4400: "1"}))


def test_api_year_filter_still_filters(client):
    response = client.get("/api/v1/awards/", {"year": "2015"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert client.get("/api/v1/decisions/", {"year": "1800"}).status_code == 400
