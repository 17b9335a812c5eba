"""«Lưu và thêm mới» keeps the context of the record just saved: the 33 awards of one decision
are 33 short forms where only the recipient is typed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from awards.models import Award
from blocs.models import Document
from tests.factories import DecisionFactory, UnitFactory, award_type

pytestmark = pytest.mark.django_db


def test_save_and_add_another_award_keeps_decision_type_year_and_bloc(client, world):
    decision = DecisionFactory()
    kind = award_type("co-thi-dua-bo")
    client.force_login(world.admin)
    add_url = reverse("admin:awards_award_add")
    data = {
        "award_type": kind.pk,
        "year": "2015",
        "unit": world.member_unit.pk,
        "bloc": world.bloc.pk,
        "decision": decision.pk,
        "source": "Bản lưu quyết định tại Vụ Thi đua - Khen thưởng",
        "_addanother": "Lưu và thêm mới",
    }
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    location = urlsplit(response["Location"])
    assert location.path == add_url
    assert parse_qs(location.query) == {
        "decision": [str(decision.pk)],
        "award_type": [str(kind.pk)],
        "year": ["2015"],
        "bloc": [str(world.bloc.pk)],
        "source": ["Bản lưu quyết định tại Vụ Thi đua - Khen thưởng"],
    }

    form = client.get(response["Location"]).context["adminform"].form
    assert form["decision"].value() == str(decision.pk)
    assert form["award_type"].value() == str(kind.pk)
    assert form["year"].value() == "2015" and form["bloc"].value() == str(world.bloc.pk)

    # The next award: only the recipient typed.
    next_unit = UnitFactory(name="Cục Được Tặng Tiếp")
    context = ["decision", "award_type", "year", "bloc", "source"]
    fields = {name: form[name].value() for name in context}
    response = client.post(add_url, {**fields, "unit": next_unit.pk, "_addanother": "1"})
    assert response.status_code == 302
    assert set(Award.objects.filter(decision=decision).values_list("unit__name", flat=True)) == {
        world.member_unit.name,
        "Cục Được Tặng Tiếp",
    }


def test_save_without_add_another_goes_back_to_the_list(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:awards_award_add"),
        {
            "award_type": award_type("co-thi-dua-bo").pk,
            "year": "2015",
            "unit": world.member_unit.pk,
            "decision": DecisionFactory().pk,
            "source": "Bản lưu quyết định",
            "_save": "Lưu",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:awards_award_changelist")


def test_save_and_add_another_document_keeps_issuer_and_date_day_first(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:blocs_document_add"),
        {
            "kind": Document._meta.get_field("kind").choices[0][0],
            "number": "12/KH-BKHCN",
            "issued_on": "05/03/2021",
            "issuer": "Bộ Khoa học và Công nghệ",
            "_addanother": "1",
        },
    )
    assert response.status_code == 302
    form = client.get(response["Location"]).context["adminform"].form
    assert form["issued_on"].value() == "05/03/2021"
    assert form["issuer"].value() == "Bộ Khoa học và Công nghệ"
    assert not form["number"].value()
