"""The same facts for the same question on the public pages, in the API and in the open data, as a
journalist or a data user meets them: names as they were in the year, one code per role and
recipient kind to join on, every list's other parameter names, filters that cannot be read, and a
documentation page that speaks Vietnamese."""

import csv
import io

import pytest

from blocs.models import BlocName, Role
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    EventFactory,
    MembershipFactory,
    PersonFactory,
    UnitFactory,
    UnitNameFactory,
    award_type,
)
from tests.stats_world import make_world
from units.models import UnitKind

pytestmark = pytest.mark.django_db

OLD_UNIT = "Trung tâm Thông tin cũ"
OLD_BLOC = "Khối thi đua Các Trung tâm (tên cũ)"


def csv_rows(response):
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8")
    return list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))


@pytest.fixture
def renamed():
    """A bloc and a unit renamed since 2015: their 2015 roster and award bear the old names."""
    bloc = BlocFactory(name="Khối thi đua Các Trung tâm")
    BlocName.objects.create(bloc=bloc, name=OLD_BLOC, valid_until=2016)
    unit = UnitFactory(name="Trung tâm Thông tin mới")
    UnitNameFactory(unit=unit, name=OLD_UNIT, valid_until=2016)
    bloc_year = BlocYearFactory(bloc=bloc, year=2015)
    MembershipFactory(bloc_year=bloc_year, unit=unit, role=Role.LEADER)
    MembershipFactory(bloc_year=bloc_year, role=Role.DEPUTY)
    award = AwardFactory(
        award_type=award_type("co-thi-dua-bo"),
        year=2015,
        unit=unit,
        bloc=bloc,
        decision=DecisionFactory(),
    )
    person_award = AwardFactory(
        award_type=award_type("chien-si-thi-dua-toan-quoc"),
        year=2015,
        unit=None,
        person=PersonFactory(),
        bloc=bloc,
        decision=award.decision,
    )
    return bloc, unit, award, person_award


def test_a_bloc_year_names_its_bloc_and_members_as_that_year_everywhere(client, renamed):
    bloc, unit, _, _ = renamed
    year = client.get("/api/v1/bloc-years/", {"year": 2015, "bloc": bloc.pk}).json()["results"]
    assert year[0]["bloc_name"] == OLD_BLOC
    leader = year[0]["members"][0]
    assert leader["unit"] == unit.pk and leader["unit_name"] == OLD_UNIT
    opened = [r for r in csv_rows(client.get("/du-lieu-mo/thanh-vien-khoi.csv")) if r["nam"]]
    assert {(r["khoi"], r["don_vi"]) for r in opened if r["don_vi_id"] == str(unit.pk)} == {
        (OLD_BLOC, OLD_UNIT)
    }
    page = client.get("/nam/2015/").content.decode()
    assert OLD_BLOC in page and OLD_UNIT in page


def test_a_members_role_joins_the_api_and_the_open_data(client, renamed):
    members = client.get("/api/v1/bloc-years/", {"year": 2015}).json()["results"][0]["members"]
    assert [(m["role"], m["role_label"]) for m in members] == [
        ("leader", "Khối trưởng"),
        ("deputy", "Khối phó"),
    ]
    rows = csv_rows(client.get("/du-lieu-mo/thanh-vien-khoi.csv"))
    # The open data's own codes stay; its `ma_vai_tro` is the API's `role`.
    by_unit = {int(r["don_vi_id"]): (r["vai_tro"], r["ma_vai_tro"]) for r in rows}
    assert sorted(by_unit.values()) == [("khoi_pho", "deputy"), ("khoi_truong", "leader")]
    api = {m["unit"]: m["role"] for m in members}
    assert {unit: codes[1] for unit, codes in by_unit.items()} == api


def test_an_award_names_its_bloc_and_unit_as_that_year_everywhere(client, renamed):
    bloc, unit, award, person_award = renamed
    api = {a["id"]: a for a in client.get("/api/v1/awards/", {"year": 2015}).json()["results"]}
    assert (api[award.pk]["recipient_name"], api[award.pk]["bloc_name"]) == (OLD_UNIT, OLD_BLOC)
    opened = {int(r["id"]): r for r in csv_rows(client.get("/du-lieu-mo/khen-thuong.csv"))}
    assert (opened[award.pk]["ten_doi_tuong"], opened[award.pk]["khoi"]) == (OLD_UNIT, OLD_BLOC)
    exported = csv_rows(client.get("/khen-thuong/xuat.csv", {"year": 2015}))
    assert {(r["Đối tượng"], r["Khối đề nghị"]) for r in exported} >= {(OLD_UNIT, OLD_BLOC)}
    rows = client.get("/khen-thuong/", {"year": 2015}).context["rows"]
    assert {row["bloc"] for row in rows} == {OLD_BLOC}
    # One recipient code to join on: the open data's `ma_doi_tuong` is the API's recipient_kind.
    for pk in (award.pk, person_award.pk):
        assert opened[pk]["ma_doi_tuong"] == api[pk]["recipient_kind"]
    assert opened[person_award.pk]["doi_tuong"] == "ca_nhan"


@pytest.mark.parametrize("params", [{"year": "abc"}, {"bloc": "abc"}, {"status": "xyz"}])
def test_an_awards_filter_that_cannot_be_read_lists_nothing_and_exports_nothing(client, params):
    w = make_world(1)
    response = client.get("/khen-thuong/", params)
    page = response.content.decode()
    assert "Chưa lọc được" in page and 'class="message message-error"' in page
    assert response.context["rows"] == [] and "kết quả." not in page
    assert "/khen-thuong/xuat.csv" not in page
    for url in ("/khen-thuong/xuat.csv", "/khen-thuong/xuat.xlsx"):
        response = client.get(url, params, follow=True)
        assert response.redirect_chain and response["Content-Type"].startswith("text/html")
        assert "Chưa xuất được danh sách" in response.content.decode()
    assert client.get("/khen-thuong/").context["rows"]
    assert w.published


def test_the_awards_list_reads_the_events_lists_names(client):
    make_world(2)
    by_year = csv_rows(client.get("/khen-thuong/xuat.csv", {"year": 2023}))
    assert by_year and csv_rows(client.get("/khen-thuong/xuat.csv", {"nam": 2023})) == by_year
    assert (
        client.get("/khen-thuong/", {"nam": 2023}).context["filter"].form["year"].value() == "2023"
    )
    # The list's own name wins over the other one.
    assert csv_rows(client.get("/khen-thuong/xuat.csv", {"year": 2023, "nam": 2022})) == by_year


def test_every_public_list_reads_trang_and_page(client):
    UnitFactory.create_batch(55, kind=UnitKind.INSTITUTE)
    second = client.get("/don-vi/", {"page": 2})
    assert second.context["page"].number == 2
    assert client.get("/don-vi/", {"page": 2, "trang": 1}).context["page"].number == 1
    assert 'href="?trang=1" rel="prev"' in second.content.decode()
    bloc = BlocFactory()
    for day in range(21):
        EventFactory(bloc=bloc, kind="khac", title=f"Sự kiện {day}")
    assert client.get("/su-kien/", {"page": 2}).context["page"].number == 2


def test_the_awards_list_reads_trang(client):
    w = make_world(1)
    decision = w.decision
    for _ in range(26):
        AwardFactory(
            award_type=award_type("co-thi-dua-bo"), year=2020, decision=decision, unit=UnitFactory()
        )
    html = client.get("/khen-thuong/", {"year": 2020, "trang": 2}).content.decode()
    assert "Trang 2 / 2" in html and 'href="?year=2020&amp;page=1" rel="prev"' in html
    assert "Trang 2" in client.get("/khen-thuong/", {"trang": 2}).content.decode()


def test_the_events_list_reads_the_apis_names(client):
    bloc, other = BlocFactory(), BlocFactory()
    wanted = EventFactory(bloc=bloc, period_start=2015, period_end=2015, title="Tổng kết 2015")
    EventFactory(bloc=other, period_start=2015, period_end=2015, title="Tổng kết khối khác")
    EventFactory(bloc=bloc, kind="so_ket", title="Sơ kết 2021")

    def titles(params):
        return {e.title for e in client.get("/su-kien/", params).context["page"].object_list}

    assert titles({"year": 2015, "bloc": bloc.pk}) == titles({"nam": 2015, "khoi": bloc.slug})
    assert titles({"year": 2015, "bloc": bloc.pk}) == {wanted.title}
    assert titles({"kind": "so_ket"}) == {"Sơ kết 2021"}
    page = client.get("/su-kien/", {"bloc": 999999}).content.decode()
    assert "Chưa lọc được" in page and "«Khối thi đua»" in page


def test_the_units_list_reads_kind(client):
    UnitFactory(kind=UnitKind.INSTITUTE, name="Viện Một")
    UnitFactory(kind=UnitKind.DEPARTMENT, name="Cục Hai")
    units = client.get("/don-vi/", {"kind": UnitKind.INSTITUTE}).context["page"].object_list
    assert [u.name for u in units] == ["Viện Một"]


def test_the_documentation_describes_every_field_and_group_in_vietnamese(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert {t["name"] for t in schema["tags"]} == {
        "units",
        "blocs",
        "bloc-years",
        "events",
        "decisions",
        "awards",
    }
    assert all(not t["description"].isascii() for t in schema["tags"])
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if field != "id" and not (spec.get("description") or spec.get("title"))
    ]
    assert not undescribed, undescribed
    assert "example.org" not in str(schema)
    member = schema["components"]["schemas"]["Member"]["properties"]
    assert "khoi_truong" in member["role"]["description"]
