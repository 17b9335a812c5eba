"""The API speaks Vietnamese where DRF and drf-spectacular would speak English (the schema, the
OPTIONS answer, the 406 and 429 details) and its lists read the same parameter names for the same
things (`year`, `bloc`, `kind`), refusing a parameter no list reads instead of ignoring it."""

import datetime

import pytest
from rest_framework.exceptions import Throttled

from blocs.models import EventKind
from tests.factories import BlocFactory, EventFactory, UnitFactory
from units.models import UnitKind

pytestmark = pytest.mark.django_db

LISTS = ["units", "blocs", "bloc-years", "events", "decisions", "awards"]

# Sentences DRF and drf-spectacular write into a schema or an answer unless told otherwise.
ENGLISH_DEFAULTS = [
    "The pagination cursor value.",
    "Number of results to return per page.",
    "A page number within the paginated result set.",
    "A unique integer value identifying",
    "A unique value identifying",
    "identifying this",
    "Which field to use when ordering the results.",
    "A search term.",
    "Unspecified response body",
    "No response body",
    "Could not satisfy the request Accept header.",
    "Request was throttled.",
    "Not found.",
]


@pytest.mark.parametrize("fmt", ["", "?format=json"])
def test_the_schema_has_no_english_default_sentence(client, fmt):
    response = client.get(f"/api/v1/schema/{fmt}")
    assert response.status_code == 200
    schema = response.content.decode()
    found = [sentence for sentence in ENGLISH_DEFAULTS if sentence in schema]
    assert not found, found
    assert "Mã số của đơn vị (số nguyên, không trùng lặp)." in schema
    assert "Con trỏ trang" in schema and "Số bản ghi mỗi trang" in schema


def test_the_docs_page_and_the_schema_it_reads_say_the_same(client):
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert not [s for s in ENGLISH_DEFAULTS if s in docs.content.decode()]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/", "Mục lục API"),
        ("/api/v1/units/", "Đơn vị"),
        ("/api/v1/events/", "Sự kiện đã công bố"),
        ("/api/v1/awards/", "Khen thưởng đã quyết định"),
    ],
)
def test_options_name_the_view_in_vietnamese(client, url, name):
    answer = client.options(url).json()
    assert answer["name"] == name
    assert "List" not in answer["name"] and "Root" not in answer["name"]
    assert "default" not in answer["description"]


def test_options_of_a_record_name_it_in_vietnamese(client):
    unit = UnitFactory()
    assert client.options(f"/api/v1/units/{unit.pk}/").json()["name"] == "Một đơn vị"


def test_every_view_has_a_vietnamese_name(client):
    for name in LISTS:
        answer = client.options(f"/api/v1/{name}/").json()
        assert not answer["name"].isascii(), (name, answer["name"])


@pytest.mark.parametrize("url", ["/api/v1/units/", "/api/v1/"])
def test_an_unsatisfiable_accept_header_is_refused_in_vietnamese(client, url):
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response.json() == {
        "detail": "Không có định dạng trả lời nào khớp với tiêu đề Accept của yêu cầu."
    }


@pytest.mark.parametrize(("wait", "text"), [(1, "1 giây"), (30, "30 giây")])
def test_the_throttle_message_is_vietnamese(wait, text):
    detail = str(Throttled(wait=wait).detail)
    assert detail == f"Quá nhiều yêu cầu trong một thời gian ngắn. Hãy thử lại sau {text}."


# --- the same names for the same things -----------------------------------------------------------


def ids(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return sorted(record["id"] for record in response.json()["results"])


@pytest.fixture
def events():
    first, second = BlocFactory(), BlocFactory()
    return {
        "first": first,
        "second": second,
        "summary_2020": EventFactory(
            bloc=first, period_start=2020, period_end=2020, held_on=datetime.date(2020, 12, 20)
        ),
        "other_bloc_2020": EventFactory(
            bloc=second, period_start=2020, period_end=2020, held_on=datetime.date(2020, 12, 21)
        ),
        "first_2021": EventFactory(
            bloc=first, period_start=2021, period_end=2021, held_on=datetime.date(2021, 12, 20)
        ),
    }


def test_events_take_year_and_bloc_as_the_other_lists_do(client, events):
    first = events["first"]
    url = "/api/v1/events/"
    assert ids(client, url, bloc=first.pk, year=2020) == [events["summary_2020"].pk]
    assert ids(client, url, bloc=first.pk) == sorted(
        [events["summary_2020"].pk, events["first_2021"].pk]
    )
    assert ids(client, url, year=2020) == sorted(
        [events["summary_2020"].pk, events["other_bloc_2020"].pk]
    )
    # The events page's names stay: the same answers.
    assert ids(client, url, khoi=first.slug, nam=2020) == ids(client, url, bloc=first.pk, year=2020)
    # A bloc is an id on every list: a slug or an unknown id is refused, not ignored.
    for wrong in (first.slug, 999999):
        response = client.get(url, {"bloc": wrong})
        assert response.status_code == 400 and "bloc" in response.json()


def test_kind_is_read_on_events_and_units_like_on_decisions(client, events):
    url = "/api/v1/events/"
    everything = ids(client, url)
    assert ids(client, url, kind=EventKind.SUMMARY) == ids(client, url, loai=EventKind.SUMMARY)
    assert ids(client, url, kind=EventKind.SUMMARY) == everything
    institute = UnitFactory(kind=UnitKind.INSTITUTE)
    UnitFactory(kind=UnitKind.DEPARTMENT)
    kind = UnitKind.INSTITUTE
    assert ids(client, "/api/v1/units/", kind=kind) == ids(client, "/api/v1/units/", loai=kind)
    assert ids(client, "/api/v1/units/", kind=kind) == [institute.pk]


def test_the_schema_lists_the_common_names_and_the_aliases(client):
    schema = client.get("/api/v1/schema/?format=json").json()

    def params(path):
        return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}

    event_params = params("/api/v1/events/")
    assert {"year", "bloc", "kind", "nam", "khoi", "loai", "tu_ngay", "den_ngay"} <= set(
        event_params
    )
    assert event_params["bloc"]["schema"]["type"] == "integer"
    assert "«year»" in event_params["nam"]["description"]
    for path in ("/api/v1/awards/", "/api/v1/bloc-years/", "/api/v1/events/"):
        assert {"year", "bloc"} <= set(params(path)), path
    assert "tham số khác" in schema["info"]["description"]


# --- unknown parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", LISTS)
def test_an_unknown_parameter_is_refused_naming_it_and_the_accepted_ones(client, name):
    response = client.get(f"/api/v1/{name}/", {"nam_hoc": "2020"})
    assert response.status_code == 400
    [message] = response.json()["nam_hoc"]
    assert message.startswith("Danh sách này không có tham số «nam_hoc». Các tham số được nhận: ")
    accepted = message.split(": ", 1)[1].rstrip(".").split(", ")
    assert {"cursor", "page_size", "format"} <= set(accepted)
    assert "nam_hoc" not in accepted


def test_the_accepted_parameters_are_the_lists_own(client):
    message = client.get("/api/v1/events/", {"bloc_id": 1}).json()["bloc_id"][0]
    assert message.endswith(
        "bloc, cursor, den_ngay, format, khoi, kind, loai, nam, page_size, tu_ngay, year."
    )
    message = client.get("/api/v1/blocs/", {"year": 2020}).json()["year"][0]
    assert message.endswith("Các tham số được nhận: cursor, format, page_size.")


def test_pages_format_and_the_lists_own_filters_stay_accepted(client, events):
    for name in LISTS:
        response = client.get(f"/api/v1/{name}/", {"page_size": 1, "format": "json"})
        assert response.status_code == 200, name
    first = client.get("/api/v1/events/", {"page_size": 1, "year": 2020}).json()
    assert first["next"]
    following = client.get(first["next"])
    assert following.status_code == 200 and len(following.json()["results"]) == 1


def test_a_records_page_opens_whatever_stray_parameter_its_link_carries(client):
    unit = UnitFactory()
    response = client.get(f"/api/v1/units/{unit.pk}/", {"utm_source": "email"})
    assert response.status_code == 200 and response.json()["id"] == unit.pk
