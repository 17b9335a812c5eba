"""The read-only API under /api/v1/: the public pages' records (nothing unpublished), their
filters, cursor pages, the schema, the docs page without a CDN, CORS, throttling, bounded queries."""

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from awards.exports import public_filter
from tests.stats_world import make_world

pytestmark = pytest.mark.django_db


def read_all(client, url, **params):
    """Every record of a list, following the cursor pages."""
    records, page = [], client.get(url, {**params, "page_size": 2})
    while True:
        assert page.status_code == 200, page.content
        body = page.json()
        records += body["results"]
        if not body["next"]:
            return records
        page = client.get(body["next"])


def public_list_ids(params):
    return sorted(a.pk for a in public_filter(params).qs)


def test_awards_are_the_public_lists_awards_under_every_filter(client):
    w = make_world(2)
    flag = w.published[0].award_type_id
    cases = [
        {},
        {"year": 2023},
        {"bloc": w.blocs[1].pk},
        {"award_type": flag},
        {"unit": w.units[0].pk},
        {"status": "thu-hoi"},
        {"status": "khen-thuong", "year": 2022},
    ]
    for params in cases:
        ids = sorted(r["id"] for r in read_all(client, "/api/v1/awards/", **params))
        assert ids == public_list_ids({k: str(v) for k, v in params.items()}), params
    hidden = {a.pk for a in w.hidden}
    everything = read_all(client, "/api/v1/awards/")
    assert hidden.isdisjoint(r["id"] for r in everything)
    revoked = next(r for r in everything if r["id"] == w.revoked[0].pk)
    assert revoked["revoked"] is True and revoked["revoked_by"] == w.revoking.pk
    assert client.get(f"/api/v1/awards/{w.hidden[0].pk}/").status_code == 404
    assert "achievements" not in str(everything) and "nomination" not in everything[0]


def test_decisions_events_units_blocs_and_years(client):
    w = make_world(1)
    decisions = {r["id"] for r in read_all(client, "/api/v1/decisions/")}
    assert w.decision.pk in decisions and w.hidden_decision.pk not in decisions
    events = read_all(client, "/api/v1/events/")
    assert [e["id"] for e in events] == [w.event.pk]
    assert read_all(client, "/api/v1/events/", khoi=w.blocs[0].slug)[0]["id"] == w.event.pk
    assert client.get(f"/api/v1/events/{w.draft_event.pk}/").status_code == 404
    units = read_all(client, "/api/v1/units/", loai=w.units[0].kind)
    assert w.units[0].pk in {u["id"] for u in units}
    assert read_all(client, "/api/v1/blocs/")[0]["url"] == w.blocs[0].get_absolute_url()
    years = read_all(client, "/api/v1/bloc-years/", year=2023, bloc=w.blocs[0].pk)
    assert len(years) == 1
    assert years[0]["members"][0]["role"] == "leader"
    assert years[0]["leading_units"] == [w.units[0].pk]


@pytest.mark.parametrize("size", [1, 3])
def test_list_endpoints_read_a_bounded_number_of_queries(
    client, size, django_assert_max_num_queries
):
    make_world(size)
    for name in ["units", "blocs", "bloc-years", "events", "decisions", "awards"]:
        with django_assert_max_num_queries(6):
            assert client.get(f"/api/v1/{name}/").status_code == 200


def test_the_schema_validates_and_the_docs_load_nothing_from_a_cdn(client):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    paths = schema["paths"]
    assert {"/api/v1/awards/", "/api/v1/bloc-years/", "/api/v1/events/"} <= set(paths)
    award_params = {p["name"] for p in paths["/api/v1/awards/"]["get"]["parameters"]}
    assert {"year", "bloc", "award_type", "unit", "status", "cursor"} <= award_params
    assert client.get("/api/v1/schema/?format=json").status_code == 200
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn" not in docs.lower() and "<style" not in docs and "<script>" not in docs
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in docs


def test_cors_for_reads_only_and_anonymous_throttling(client, settings):
    response = client.get("/api/v1/blocs/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/blocs/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post("/api/v1/blocs/", {}).status_code == 405
    assert "Access-Control-Allow-Origin" not in client.get("/khen-thuong/")
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()  # the requests above were counted too
    rates = {"anon": "3/min"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AnonRateThrottle, "THROTTLE_RATES", rates)
        statuses = [client.get("/api/v1/blocs/").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429
    assert reverse("api:api-root") == "/api/v1/"


def test_errors_are_in_vietnamese(client):
    missing = client.get("/api/v1/units/999999/")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Không tìm thấy."}
    cursor = client.get("/api/v1/units/", {"cursor": "zzz"})
    assert cursor.status_code == 404 and "Con trỏ trang" in cursor.json()["detail"]


@pytest.mark.parametrize("year", ["2015.5", "1800", "abc"])
def test_a_year_filter_takes_a_whole_year_in_range(client, year):
    response = client.get("/api/v1/decisions/", {"year": year})
    assert response.status_code == 400
    [message] = response.json()["year"]
    assert message in {"Nhập một số nguyên.", "Giá trị phải lớn hơn hoặc bằng 1945."}


def test_the_anonymous_rate_limit_is_counted_per_visitor_address(client, settings):
    """Behind nginx (docs/deploy/nginx.conf sets X-Real-IP; DJANGO_CLIENT_IP_HEADER reads it)
    each visitor has a limit of their own — not one shared by everyone through nginx's address —
    and an X-Forwarded-For a client writes itself does not reset it."""
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    cache.clear()

    def get(address, **headers):
        return client.get("/api/v1/blocs/", HTTP_X_REAL_IP=address, **headers).status_code

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
        assert [get("203.0.113.1"), get("203.0.113.1")] == [200, 200]
        assert get("203.0.113.1") == 429
        assert get("203.0.113.1", HTTP_X_FORWARDED_FOR="198.51.100.7") == 429
        assert get("203.0.113.2") == 200  # another visitor, same nginx

        settings.CLIENT_IP_HEADER = "REMOTE_ADDR"  # no proxy: the connection's address
        cache.clear()
        statuses = [get("", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(3)]
        assert statuses == [200, 200, 429]
