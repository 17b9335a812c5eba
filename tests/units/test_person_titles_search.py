"""A person is found by the titles they held («Thứ trưởng»), their name still ranking first, and
the imports still match people by name alone."""

import pytest
from django.urls import reverse

from awards.models import Award
from tests.factories import PersonFactory, PositionFactory
from tests.imports.conftest import importer, xlsx
from thidua.imports import run
from units.models import Person

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("search"), {"q": query}).content.decode()


def test_a_title_finds_the_people_who_held_it(client):
    deputy = PositionFactory(title="Thứ trưởng", person__full_name="Lê Xuân Định").person
    PersonFactory(full_name="Trần Văn Khác")
    for query in ["Thứ trưởng", "thu truong"]:
        page = search(client, query)
        assert "Lê Xuân Định" in page and "Trần Văn Khác" not in page
    assert list(Person.objects.search("thu truong")) == [deputy]


def test_the_search_text_follows_added_changed_and_removed_titles():
    person = PersonFactory(full_name="Phạm Thị Hà")
    position = PositionFactory(person=person, title="Vụ trưởng")
    assert list(Person.objects.search("vu truong")) == [person]
    position.title = "Chánh Văn phòng"
    position.save()
    assert not Person.objects.search("vu truong").exists()
    assert list(Person.objects.search("chanh van phong")) == [person]
    position.delete()
    assert not Person.objects.search("chanh van phong").exists()
    assert list(Person.objects.search("pham thi ha")) == [person]


def test_a_name_ranks_above_a_title_holding_the_same_words(client):
    # «Trưởng» is a title word and, here, a family name.
    PositionFactory(title="Vụ trưởng", person__full_name="Nguyễn Văn Bình")
    PersonFactory(full_name="Trưởng Văn Bình")
    page = search(client, "truong binh")
    assert page.index("Trưởng Văn Bình") < page.index("Nguyễn Văn Bình")


def test_an_import_matches_a_person_with_titles_by_name(clerk):
    person = PositionFactory(title="Cục trưởng", person__full_name="Nguyễn Văn An").person
    header = ["Số quyết định", "Ngày quyết định", "Loại khen thưởng", "Tập thể", "Cá nhân"]
    rows = [
        [*header, "Năm thành tích"],
        ["12/QĐ-BKHCN", "05/01/2016", "Bằng khen của Bộ trưởng", None, "Nguyễn Văn An", 2015],
    ]
    plan = run.confirm(importer("quyet-dinh-cu"), xlsx(rows), "tep.xlsx", {}, clerk)
    assert plan.rows[0].created == []
    assert Person.objects.get() == person and Award.objects.get().person == person
