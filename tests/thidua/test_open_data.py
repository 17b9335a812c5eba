"""Bulk open data (streamed CSV and JSON with the licence), the data dictionary page, the sitemap
and the Atom feed linked from every public page."""

import csv
import io
import json

import pytest
from django.utils import timezone

from tests.stats_world import FORMULA, make_world
from thidua import open_data

pytestmark = pytest.mark.django_db


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content)


def test_csv_of_published_awards_with_bom_and_neutralised_cells(client):
    w = make_world(2)
    response = client.get("/du-lieu-mo/khen-thuong.csv")
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert f'filename="khen-thuong-{today}.csv"' in response["Content-Disposition"]
    assert "creativecommons.org" in response["Link"]
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    ids = {int(r["id"]) for r in rows}
    assert ids == {a.pk for a in w.published + w.revoked}
    assert "'" + FORMULA in {r["khoi"] for r in rows} | {r["ten_doi_tuong"] for r in rows}
    assert FORMULA not in {r["khoi"] for r in rows}
    revoked = next(r for r in rows if int(r["id"]) == w.revoked[0].pk)
    assert revoked["thu_hoi"] == "1" and revoked["ly_do_thu_hoi"]
    assert list(rows[0]) == [c.name for c in open_data.AWARD_COLUMNS]


def test_json_of_every_dataset_with_licence_and_columns(client):
    w = make_world(1)
    for slug, dataset in open_data.DATASETS.items():
        data = json.loads(body(client.get(f"/du-lieu-mo/{slug}.json")))
        assert data["licence"]["name"] and data["generated_on"]
        assert [c["name"] for c in data["columns"]] == [c.name for c in dataset.columns]
    events = json.loads(body(client.get("/du-lieu-mo/su-kien.json")))["records"]
    assert [e["id"] for e in events] == [w.event.pk]
    decisions = {
        d["id"] for d in json.loads(body(client.get("/du-lieu-mo/quyet-dinh.json")))["records"]
    }
    assert w.hidden_decision.pk not in decisions
    assert client.get("/du-lieu-mo/khong-co.csv").status_code == 404
    assert client.get("/du-lieu-mo/khen-thuong.pdf").status_code == 404


def test_bloc_members_by_year_with_their_roles_and_missing_ids_as_null(client):
    make_world(1)
    members = json.loads(body(client.get("/du-lieu-mo/thanh-vien-khoi.json")))["records"]
    leaders = [m for m in members if m["vai_tro"] == "khoi_truong"]
    assert leaders and all(m["khoi"] and m["don_vi"] and m["nam"] for m in leaders)
    awards = json.loads(body(client.get("/du-lieu-mo/khen-thuong.json")))["records"]
    people = [a for a in awards if a["doi_tuong"] == "ca_nhan"]
    assert people and all(a["don_vi_id"] is None and a["ca_nhan_id"] for a in people)
    rows = list(
        csv.DictReader(
            io.StringIO(body(client.get("/du-lieu-mo/khen-thuong.csv")).decode("utf-8")[1:])
        )
    )
    assert {r["don_vi_id"] for r in rows if r["doi_tuong"] == "ca_nhan"} == {""}


def test_the_data_dictionary_explains_every_column(client):
    page = client.get("/du-lieu-mo/").content.decode()
    for dataset in open_data.DATASETS.values():
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in page
    assert 'rel="license"' in page


def test_sitemap_and_atom_feed(client):
    w = make_world(1)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-su-kien.xml" in index and "sitemap-quyet-dinh.xml" in index
    events = client.get("/sitemap-su-kien.xml").content.decode()
    assert w.event.get_absolute_url() in events and w.draft_event.slug not in events
    pages = client.get("/sitemap-trang.xml").content.decode()
    assert "/thong-ke/" in pages and "/du-lieu-mo/" in pages
    decisions = client.get("/sitemap-quyet-dinh.xml").content.decode()
    assert f"/khen-thuong/quyet-dinh/{w.decision.pk}/" in decisions
    assert f"/khen-thuong/quyet-dinh/{w.hidden_decision.pk}/" not in decisions
    feed = client.get("/su-kien-atom.xml")
    assert feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "Hội nghị tổng kết công bố" in text and "Hội nghị dự thảo" not in text
    for url in ["/", "/khen-thuong/", "/thong-ke/", "/du-lieu-mo/", w.event.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html, url
        assert 'href="/thong-ke/">Thống kê</a>' in html, url


def test_the_open_data_benchmark_reports_time_and_peak_memory():
    from django.core.management import call_command

    make_world(1)
    out = io.StringIO()
    call_command("bench_open_data", "--floor-repeat=3", "--dataset=khen-thuong", stdout=out)
    summary = out.getvalue().strip().splitlines()[-1]
    assert summary.startswith("bench_open_data: floor_p50_ms=")
    assert "slowest_over_floor=" in summary and "peak_mb_max=" in summary


def test_the_part_of_the_day_an_event_was_held_is_in_the_api_and_the_open_data(client, demo):
    slug = "khoi-tong-cuc-cuc-ban-quy-tong-ket-2015"
    events = json.loads(body(client.get("/du-lieu-mo/su-kien.json")))["records"]
    assert {e["duong_dan"].rsplit("/", 2)[-2]: e["buoi"] for e in events}[slug] == "sang"
    api = client.get("/api/v1/events/", {"year": 2015}).json()["results"]
    assert {e["slug"]: e["time_of_day"] for e in api}[slug] == "sang"
