"""The public page of a decision (every recipient with its số sổ vàng), search by number, the
awards of a bloc and of a year, and honours at conferences linked from their awards."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from blocs.models import Honour
from tests.factories import (
    AwardFactory,
    BlocFactory,
    DecisionFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    UnitFactory,
)
from tests.html_text import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    decision = DecisionFactory(
        document__number="1407/QĐ-BKHCN",
        document__issued_on=datetime.date(2019, 6, 10),
        document__issuer="Bộ Khoa học và Công nghệ",
        signer_name="Nguyễn Văn Ký",
        signer_title="Thứ trưởng",
    )
    AwardFactory(decision=decision, year=2019, unit=UnitFactory(name="Cục Thứ Hai"), ordinal=2)
    AwardFactory(
        decision=decision,
        year=2019,
        unit=UnitFactory(name="Cục Thứ Nhất"),
        ordinal=1,
        prize_rank="Hạng Nhì",
    )
    return decision


def test_decision_page_lists_every_recipient_by_golden_book_number(client, decision):
    text = text_of(client.get(decision.get_absolute_url()))
    assert "1407/QĐ-BKHCN" in text and "10/06/2019" in text
    assert "Bộ Khoa học và Công nghệ" in text
    assert "Thứ trưởng Nguyễn Văn Ký" in text
    assert "STT (số sổ vàng)" in text and "Hạng Nhì" in text
    assert text.index("Cục Thứ Nhất") < text.index("Cục Thứ Hai")


def test_decision_page_is_linked_from_awards_and_unit_pages(client, decision):
    url = decision.get_absolute_url()
    assert url in client.get("/khen-thuong/").content.decode()
    unit = decision.awards.get(ordinal=1).unit
    assert url in client.get(unit.get_absolute_url()).content.decode()


def test_unpublished_decision_has_no_public_page(client):
    hidden = DecisionFactory(is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_large_decision_is_paginated_with_constant_queries(
    client, decision, django_assert_max_num_queries, monkeypatch
):
    from awards import views

    monkeypatch.setattr(views, "DECISION_PAGE_SIZE", 5)
    for n in range(3, 13):
        AwardFactory(decision=decision, unit=UnitFactory(), ordinal=n)
    with django_assert_max_num_queries(10):
        first = text_of(client.get(decision.get_absolute_url()))
    assert "Trang 1 / 3" in first
    with django_assert_max_num_queries(10):
        last = text_of(client.get(decision.get_absolute_url(), {"page": 3}))
    assert "Cục Thứ Nhất" not in last


def test_golden_book_number_is_unique_within_a_decision(decision):
    duplicate = AwardFactory.build(decision=decision, year=2019, unit=UnitFactory(), ordinal=1)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Số thứ tự này đã có trong quyết định" in str(error.value)


def test_search_finds_decisions_and_cited_documents_by_number(client, decision):
    letter = DocumentFactory(number="3395/BKHCN-TĐKT")
    event = EventFactory()
    event.documents.add(letter)
    found = text_of(client.get("/tim-kiem/", {"q": "1407"}))
    assert "1407/QĐ-BKHCN" in found
    assert decision.get_absolute_url() in client.get("/tim-kiem/", {"q": "1407"}).content.decode()
    response = client.get("/tim-kiem/", {"q": "3395/BKHCN-TĐKT"})
    assert "3395/BKHCN-TĐKT" in text_of(response)
    assert event.get_absolute_url() in response.content.decode()


def test_bloc_and_year_pages_list_their_awards(client):
    bloc = BlocFactory()
    EventFactory(bloc=bloc)  # the bloc has a year on record through its event
    AwardFactory(bloc=bloc, year=2021, unit=UnitFactory(name="Cục Được Khen"))
    AwardFactory(year=2020, unit=UnitFactory(name="Cục Năm Khác"))
    bloc_text = text_of(client.get(bloc.get_absolute_url()))
    assert "Khen thưởng của khối" in bloc_text and "Cục Được Khen" in bloc_text
    year_text = text_of(client.get("/nam/2021/"))
    assert "Khen thưởng năm 2021" in year_text and "Cục Được Khen" in year_text
    assert "Cục Năm Khác" not in year_text


def test_honour_at_a_conference_links_to_its_award(client):
    unit = UnitFactory(name="Viện Được Tôn Vinh")
    event = EventFactory()
    honour = Honour.objects.create(event=event, unit=unit, award_text="Cờ thi đua của Bộ")
    award = AwardFactory(unit=unit, honour=honour)
    award.full_clean()
    page = client.get(event.get_absolute_url()).content.decode()
    assert award.decision.get_absolute_url() in page
    other = AwardFactory.build(
        decision=award.decision, unit=None, person=PersonFactory(), honour=honour
    )
    other.award_type = award.award_type
    with pytest.raises(ValidationError) as error:
        other.check_honour()
    assert "đối tượng khác" in str(error.value)


def test_pages_with_awards_keep_query_counts_constant(client, django_assert_max_num_queries):
    bloc = BlocFactory()
    for n in [1, 30]:
        event = EventFactory(bloc=bloc)
        for _ in range(n):
            unit = UnitFactory()
            honour = Honour.objects.create(event=event, unit=unit)
            AwardFactory(bloc=bloc, unit=unit, honour=honour)
        # The event page reads each of its sections in one query apiece: 13 whatever n.
        pages = {bloc.get_absolute_url(): 10, "/nam/2021/": 10, event.get_absolute_url(): 13}
        for url, bound in pages.items():
            with django_assert_max_num_queries(bound):
                assert client.get(url).status_code == 200, url


def test_an_unnumbered_award_has_one_golden_book_number_on_every_page(client, decision):
    # Numbers entered from the decision first, then the others in the order they were entered:
    # the decision's page and the award's verification page tell the same number.
    later = AwardFactory(decision=decision, year=2019, unit=UnitFactory(name="Cục Thứ Ba"))
    rows = re.findall(
        r"<tr[^>]*>\s*<td>(\d+)</td>\s*<td><a[^>]*>([^<]+)</a>",
        client.get(decision.get_absolute_url()).content.decode(),
    )
    assert rows == [("1", "Cục Thứ Nhất"), ("2", "Cục Thứ Hai"), ("3", "Cục Thứ Ba")]
    verified = text_of(client.get(f"/xac-minh/{later.verification_code}/"))
    assert "Số sổ vàng 3" in verified
