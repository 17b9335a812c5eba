import re

import pytest

from tests.factories import (
    PersonFactory,
    PositionFactory,
    UnitFactory,
    UnitNameFactory,
)
from tests.html_text import text_of
from units.models import UnitKind
from units.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

HOA_LAC = "/don-vi/ban-quan-ly-khu-cong-nghe-cao-hoa-lac/"
CUC_PTTT = "/don-vi/cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn/"


def section_rows(text):
    """The membership rows of a unit page's panel, by year."""
    panel = text[text.index("Người đại diện") :]
    return {year: row for year, row in re.findall(r"(\d{4}) (.*?)(?= \d{4} |$)", panel)}


def test_unit_page_shows_memberships_and_roles_year_by_year(client, demo):
    text = text_of(client.get(HOA_LAC))
    assert "Ban Quản lý Khu Công nghệ cao Hòa Lạc" in text
    assert "Tham gia khối thi đua" in text
    assert "2016 Khối thi đua Tổng cục, Cục, Ban và Quỹ Khối trưởng" in text
    assert "2015 Khối thi đua Tổng cục, Cục, Ban và Quỹ Thành viên" in text
    assert "Đơn vị cấp trên Bộ Khoa học và Công nghệ" in text


def test_leader_unit_page_shows_representative_and_positions(client, demo):
    response = client.get(CUC_PTTT)
    text = text_of(response)
    assert "2015 Khối thi đua Tổng cục, Cục, Ban và Quỹ Khối trưởng" in text
    assert "Phạm Hồng Quất — Cục trưởng" in text
    assert 'href="/ca-nhan/pham-hong-quat/"' in response.content.decode()


def test_parent_page_lists_children(client, demo):
    text = text_of(client.get("/don-vi/bo-khoa-hoc-va-cong-nghe/"))
    assert "Đơn vị trực thuộc" in text
    assert "Vụ Thi đua - Khen thưởng" in text


def test_unit_page_uses_name_borne_each_year_and_successor(client, db):
    from tests.factories import MembershipFactory

    successor = UnitFactory(name="Cục Kế thừa")
    unit = UnitFactory(name="Cục Hiện nay", successor=successor)
    UnitNameFactory(unit=unit, name="Cục Tên Cũ", valid_from=2010, valid_until=2018)
    # Named blocs: a sequence number of four digits would read as a year in the rows.
    MembershipFactory(unit=unit, bloc_year__year=2015, bloc_year__bloc__name="Khối thi đua A")
    MembershipFactory(unit=unit, bloc_year__year=2021, bloc_year__bloc__name="Khối thi đua B")
    text = text_of(client.get(unit.get_absolute_url()))
    rows = section_rows(text)
    assert "Tên đơn vị khi đó: Cục Tên Cũ Thành viên" in rows["2015"]
    assert "Tên đơn vị khi đó" not in rows["2021"]
    assert "Các tên gọi trước đây Cục Tên Cũ — từ 2010 đến 2018" in text
    assert "Đơn vị kế thừa Cục Kế thừa" in text
    assert "Kế thừa từ Cục Hiện nay" in text_of(client.get(successor.get_absolute_url()))


def test_year_and_bloc_pages_use_name_borne_that_year(client, db):
    from tests.factories import MembershipFactory

    unit = UnitFactory(name="Cục Hiện nay")
    UnitNameFactory(unit=unit, name="Cục Tên Cũ", valid_until=2018)
    membership = MembershipFactory(unit=unit, bloc_year__year=2015)
    assert "Cục Tên Cũ" in text_of(client.get("/nam/2015/"))
    assert "Cục Tên Cũ" in text_of(client.get(membership.bloc_year.bloc.get_absolute_url()))


def test_person_page_shows_positions_and_representation(client, demo):
    text = text_of(client.get("/ca-nhan/pham-hong-quat/"))
    assert "Phạm Hồng Quất" in text
    assert "Cục trưởng, Cục Phát triển thị trường và doanh nghiệp KH&CN" in text
    assert "Năm 2015 : đại diện Cục Phát triển thị trường" in text


def test_a_title_seen_in_two_articles_is_dated_by_each_not_spanned(client, demo):
    # The seeds show Lê Ngân Giang as Phó Vụ trưởng in 2015 and in 2021, nothing between.
    text = text_of(client.get("/ca-nhan/le-ngan-giang/"))
    assert "Phó Vụ trưởng, Vụ Thi đua - Khen thưởng (2015)" in text
    assert "Phó Vụ trưởng, Vụ Thi đua - Khen thưởng (2021)" in text
    assert "2015–2021" not in text


@pytest.mark.parametrize("url", ["/don-vi/khong-co/", "/ca-nhan/khong-co/"])
def test_unknown_unit_or_person_is_404(client, demo, url):
    assert client.get(url).status_code == 404


def test_unit_list_diacritics_blind_query(client, demo):
    text = text_of(client.get("/don-vi/", {"q": "hoa lac"}))
    assert "Ban Quản lý Khu Công nghệ cao Hòa Lạc" in text
    assert "Quỹ Phát triển" not in text
    assert "1 đơn vị." in text


def test_unit_list_abbreviation_finds_full_form(client, demo):
    text = text_of(client.get("/don-vi/", {"q": "khoa hoc va cong nghe thong tin"}))
    assert "Cục Thông tin KH&CN Quốc gia" in text


def test_unit_list_filters_by_kind(client, demo):
    text = text_of(client.get("/don-vi/", {"loai": UnitKind.DEPARTMENT}))
    assert "3 đơn vị." in text
    assert "Quỹ Phát triển" not in text
    assert "Cục Thông tin KH&CN Quốc gia" in text


def test_unit_list_unknown_kind_is_named_not_ignored(client, demo):
    # As the events list and the API refuse a kind they do not know: never every unit as if
    # no kind had been asked.
    text = text_of(client.get("/don-vi/", {"loai": "khong-co"}))
    assert "Không có loại đơn vị «khong-co»" in text
    assert "8 đơn vị." not in text and "Không tìm thấy đơn vị nào" not in text


def test_unit_list_is_paginated_and_keeps_filters(client, db):
    UnitFactory.create_batch(PAGE_SIZE + 5, kind=UnitKind.INSTITUTE)
    response = client.get("/don-vi/", {"loai": UnitKind.INSTITUTE})
    assert len(response.context["page"].object_list) == PAGE_SIZE
    assert "loai=vien&amp;trang=2" in response.content.decode()
    second = client.get("/don-vi/", {"loai": UnitKind.INSTITUTE, "trang": 2})
    assert len(second.context["page"].object_list) == 5
    assert client.get("/don-vi/", {"trang": "xyz"}).status_code == 200


def test_person_without_positions_renders(client, db):
    person = PersonFactory(full_name="Nguyễn Thị Mới")
    assert "Chưa ghi nhận chức vụ." in text_of(client.get(person.get_absolute_url()))


def test_unit_page_lists_its_people(client, db):
    position = PositionFactory(title="Phó Vụ trưởng")
    text = text_of(client.get(position.unit.get_absolute_url()))
    assert f"{position.person.full_name} — Phó Vụ trưởng" in text


@pytest.mark.parametrize("years", [2, 20])
def test_unit_and_person_pages_query_count_constant_in_history_length(
    client, db, django_assert_max_num_queries, years
):
    from awards.models import DecisionKind
    from tests.factories import AwardFactory, BlocFactory, DecisionFactory, MembershipFactory

    unit = UnitFactory()
    person = PositionFactory(unit=unit).person
    UnitNameFactory(unit=unit, valid_until=2005)
    bloc = BlocFactory()
    for year in range(2000, 2000 + years):
        MembershipFactory(
            unit=unit, bloc_year__bloc=bloc, bloc_year__year=year, representative=person
        )
        UnitFactory(parent=unit)
        AwardFactory(unit=unit, bloc=bloc, year=year)
        AwardFactory(unit=None, person=person, bloc=bloc, year=year)
        AwardFactory(
            unit=unit,
            bloc=bloc,
            year=year,
            revoked_by=DecisionFactory(kind=DecisionKind.REVOKE),
            revocation_reason="Kê khai không đúng",
        )
    for url in [unit.get_absolute_url(), person.get_absolute_url(), bloc.get_absolute_url()]:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200
