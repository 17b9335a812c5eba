"""A renamed bloc or unit is shown with the name it bore in the year a row is about: the leading
collectives of the public statistics (and their downloads), the staff quota table of a year and
the «Khối đề nghị» of a decision's recipients — as the public awards list already does."""

import csv
import io

import pytest
from django.test import TestCase

from awards import staff_statistics
from awards.eligibility import QuotaRow
from blocs.models import BlocName, LeadingUnit
from tests.factories import (
    AwardFactory,
    BlocFactory,
    BlocYearFactory,
    DecisionFactory,
    UnitFactory,
    UnitNameFactory,
    UserFactory,
)
from thidua import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed():
    """A bloc and a unit renamed after 2022: «… cũ» until 2022, «… mới» since 2023."""
    bloc = BlocFactory(name="Khối Mới")
    BlocName.objects.create(bloc=bloc, name="Khối Cũ", valid_until=2022)
    unit = UnitFactory(name="Viện Mới")
    UnitNameFactory(unit=unit, name="Viện Cũ", valid_until=2022)
    for year in (2022, 2023):
        LeadingUnit.objects.create(
            bloc_year=BlocYearFactory(bloc=bloc, year=year), unit=unit, source="Thử nghiệm"
        )
    return bloc, unit


def test_the_leading_collectives_bear_the_names_of_their_year(client, renamed):
    response = client.get("/thong-ke/")
    (table,) = [t for t, _ in response.context["sections"] if t.key == "dan-dau-khoi"]
    assert table.rows == [[2023, "Khối Mới", "Viện Mới"], [2022, "Khối Cũ", "Viện Cũ"]]
    download = client.get("/thong-ke/bang/dan-dau-khoi.csv")
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert lines[1:] == [["2023", "Khối Mới", "Viện Mới"], ["2022", "Khối Cũ", "Viện Cũ"]]


def test_the_quota_table_names_the_bloc_as_it_was_that_year(client, renamed, monkeypatch):
    bloc, _unit = renamed
    row = QuotaRow(rule=None, label="Cờ thi đua", limit=1, used=1, exceptions=0, planned=0)
    monkeypatch.setattr(staff_statistics, "bloc_quotas", lambda blocs, year: {bloc.pk: [row]})
    client.force_login(UserFactory(roles=[roles.REVIEWER]))
    for year, name in ((2022, "Khối Cũ"), (2023, "Khối Mới")):
        response = client.get("/khen-thuong/tham-dinh/thong-ke/", {"year": year})
        (table,) = [t for t, _ in response.context["sections"] if t.key == "su-dung-chi-tieu"]
        assert [r[0] for r in table.rows] == [name]


def test_a_decisions_recipients_name_the_proposing_bloc_of_their_year(client, renamed):
    bloc, unit = renamed
    with TestCase.captureOnCommitCallbacks(execute=True):
        decision = DecisionFactory()
        AwardFactory(decision=decision, unit=unit, bloc=bloc, year=2022)
    text = client.get(f"/khen-thuong/quyet-dinh/{decision.pk}/").content.decode()
    assert "Khối đề nghị: Khối Cũ" in text
    assert "Khối Mới" not in text
