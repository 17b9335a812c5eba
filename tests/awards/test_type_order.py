"""Records are listed in the catalogue's display order, read from a copy kept on each record
(so a page of a million-row table comes straight from an index); the copy follows the catalogue."""

import pytest
from django.urls import reverse

from awards import queries
from awards.models import Award, Nomination, Status
from tests.factories import AwardFactory, NominationFactory, UnitFactory, award_type

pytestmark = pytest.mark.django_db


def test_a_new_record_copies_its_award_types_order():
    flag = award_type("co-thi-dua-bo")
    nomination = NominationFactory(award_type=flag)
    award = AwardFactory(award_type=flag)
    assert nomination.type_order == award.type_order == flag.order


def test_changing_the_award_type_of_a_record_changes_its_order():
    flag, government = award_type("co-thi-dua-bo"), award_type("co-thi-dua-chinh-phu")
    assert flag.order != government.order
    nomination = NominationFactory(award_type=flag)
    nomination.award_type = government
    nomination.save(update_fields=["award_type"])
    nomination.refresh_from_db()
    assert nomination.type_order == government.order


def test_reordering_the_catalogue_reorders_every_record():
    flag, government = award_type("co-thi-dua-bo"), award_type("co-thi-dua-chinh-phu")
    NominationFactory(award_type=flag)
    AwardFactory(award_type=flag)
    flag.order = 999
    flag.save()
    assert set(Nomination.objects.values_list("type_order", flat=True)) == {999}
    assert set(Award.objects.values_list("type_order", flat=True)) == {999}
    # Records of other award types keep theirs.
    other = NominationFactory(award_type=government)
    assert other.type_order == government.order


def test_public_list_follows_the_catalogue_order_after_a_change(client):
    flag, government = award_type("co-thi-dua-bo"), award_type("co-thi-dua-chinh-phu")
    AwardFactory(award_type=flag, unit=UnitFactory(name="Cục Cờ Bộ"))
    AwardFactory(award_type=government, unit=UnitFactory(name="Cục Cờ Chính Phủ"))
    flag.order, government.order = 1, 2
    flag.save()
    government.save()

    def names():
        return [a.unit.name for a in queries.public_awards()]

    assert names() == ["Cục Cờ Bộ", "Cục Cờ Chính Phủ"]
    flag.order = 3
    flag.save()
    assert names() == ["Cục Cờ Chính Phủ", "Cục Cờ Bộ"]
    page = client.get(reverse("awards:list")).content.decode()
    page = page[page.index("<tbody") :]  # the rows, not the filter's unit dropdown
    assert page.index("Cục Cờ Chính Phủ") < page.index("Cục Cờ Bộ")


def test_review_queue_lists_newest_year_first_in_catalogue_order():
    flag, government = award_type("co-thi-dua-bo"), award_type("co-thi-dua-chinh-phu")
    older = NominationFactory(award_type=government, year=2020, status=Status.SUBMITTED)
    later_flag = NominationFactory(award_type=flag, year=2021, status=Status.SUBMITTED)
    later_gov = NominationFactory(award_type=government, year=2021, status=Status.IN_REVIEW)
    NominationFactory(award_type=flag, year=2021, status=Status.DRAFT)
    expected_2021 = sorted([later_flag, later_gov], key=lambda n: n.award_type.order)
    assert list(queries.review_queue().filter(status__in=Status.review_states())) == [
        *expected_2021,
        older,
    ]
