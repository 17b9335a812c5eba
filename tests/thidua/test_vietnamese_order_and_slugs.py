"""Web addresses made on the server from the Vietnamese name, and Vietnamese alphabetical order
on whichever database runs the tests (ICU collation on PostgreSQL, the same order on SQLite)."""

import re

import pytest

from blocs.models import Bloc
from tests.factories import MinistryFactory, UnitFactory
from thidua.collation import sort_key, vi_order
from units.models import Person, Unit, UnitKind

pytestmark = pytest.mark.django_db

# A list in Vietnamese dictionary order: đ is a letter after d, ê before h, ơ after ô.
ORDERED = [
    "Vụ Kế hoạch - Tổng hợp",
    "Vụ Khoa học Xã hội",
    "Cục Đo lường",
    "Cục Ứng dụng",
    "Dân",
    "Đà",
    "Ôn",
    "Ơn",
]


def test_sort_key_follows_the_vietnamese_alphabet():
    assert sorted(["Đà", "Dân", "Ơn", "Ôn"], key=sort_key) == ["Dân", "Đà", "Ôn", "Ơn"]
    assert sort_key("Vụ Kế hoạch") < sort_key("Vụ Khoa học")
    assert sort_key("Cục Đo lường") < sort_key("Cục Ứng dụng") < sort_key("Dân")


def test_database_sorts_units_in_vietnamese_order():
    for name in reversed(ORDERED):
        UnitFactory(name=name)
    names = list(Unit.objects.order_by(vi_order("name")).values_list("name", flat=True))
    assert names == sorted(ORDERED, key=sort_key)
    # The model's default order is the same.
    assert list(Unit.objects.values_list("name", flat=True)) == names


def test_public_unit_list_is_in_vietnamese_order(client):
    for name in ["Vụ Khoa học Xã hội", "Vụ Kế hoạch - Tổng hợp", "Đài Tiếng nói", "Dự án Z"]:
        UnitFactory(name=name)
    text = client.get("/don-vi/").content.decode()
    positions = [text.index(name) for name in ["Dự án Z", "Đài Tiếng nói", "Vụ Kế hoạch"]]
    assert positions == sorted(positions)
    assert text.index("Vụ Kế hoạch - Tổng hợp") < text.index("Vụ Khoa học Xã hội")


def test_slug_is_made_from_the_folded_name():
    ministry = Unit.objects.create(name="Bộ Y tế", kind=UnitKind.MINISTRY)
    assert ministry.slug == "bo-y-te"
    assert ministry.get_absolute_url() == "/don-vi/bo-y-te/"
    bloc = Bloc.objects.create(name="Khối thi đua Đại học", organiser=ministry)
    assert bloc.slug == "khoi-thi-dua-dai-hoc"


def test_two_units_or_people_with_the_same_name_both_save_with_distinct_addresses():
    first = Unit.objects.create(name="Trung tâm Thông tin", kind=UnitKind.CENTRE)
    second = Unit.objects.create(name="Trung tâm Thông tin", kind=UnitKind.CENTRE)
    third = Unit.objects.create(name="Trung tâm Thông tin", kind=UnitKind.CENTRE)
    assert [first.slug, second.slug, third.slug] == [
        "trung-tam-thong-tin",
        "trung-tam-thong-tin-2",
        "trung-tam-thong-tin-3",
    ]
    people = [Person.objects.create(full_name="Nguyễn Văn Đức") for _ in range(2)]
    assert [p.slug for p in people] == ["nguyen-van-duc", "nguyen-van-duc-2"]


def test_existing_addresses_stay_when_the_name_changes(client):
    unit = UnitFactory(name="Cục Cũ", slug="b-y-t")
    unit.name = "Cục Mới"
    unit.save()
    unit.refresh_from_db()
    assert unit.slug == "b-y-t"
    assert client.get("/don-vi/b-y-t/").status_code == 200


@pytest.fixture
def admin_client(client, make_user):
    from thidua import roles

    client.force_login(make_user(roles.ADMINISTRATOR))
    return client


def test_admin_forms_ask_no_address_and_say_what_is_published(admin_client):
    for url in ["/admin/units/unit/add/", "/admin/units/person/add/", "/admin/blocs/bloc/add/"]:
        page = admin_client.get(url).content.decode()
        assert 'name="slug"' not in page, url
        assert "Hiển thị công khai" in page, url
    assert "Hiển thị công khai" in admin_client.get("/admin/blocs/event/add/").content.decode()


def test_clerk_adds_two_units_with_the_same_name_in_the_admin(admin_client):
    """Two ministries' «Văn phòng Bộ»: one name, two units, two addresses."""
    data = {
        "name": "Văn phòng Bộ",
        "short_name": "",
        "kind": UnitKind.OFFICE,
        "active_from": "",
        "active_until": "",
        "successor": "",
        "description": "",
        "names-TOTAL_FORMS": 0,
        "names-INITIAL_FORMS": 0,
        "names-MIN_NUM_FORMS": 0,
        "names-MAX_NUM_FORMS": 1000,
    }
    for parent in (MinistryFactory(), MinistryFactory()):
        response = admin_client.post("/admin/units/unit/add/", {**data, "parent": parent.pk})
        assert response.status_code == 302, re.sub(r"\s+", " ", response.content.decode())[:2000]
    slugs = sorted(Unit.objects.filter(name="Văn phòng Bộ").values_list("slug", flat=True))
    assert slugs == ["van-phong-bo", "van-phong-bo-2"]
