"""The public awards list: granted awards (revoked marked), published proposals, never drafts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import DecisionKind, Status
from tests.factories import (
    AwardFactory,
    BlocFactory,
    DecisionFactory,
    EventFactory,
    NominationFactory,
    PersonFactory,
    PositionFactory,
    ProposalFactory,
    TransitionFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


class Public:
    pass


@pytest.fixture
def public():
    p = Public()
    p.bloc = BlocFactory(name="Khối Công Khai")
    p.other_bloc = BlocFactory(name="Khối Thứ Hai")
    p.granted = AwardFactory(unit=UnitFactory(name="Cục Được Tặng Cờ"), bloc=p.bloc, year=2021)
    p.revoked = AwardFactory(
        unit=UnitFactory(name="Cục Bị Thu Hồi"),
        bloc=p.bloc,
        year=2021,
        revoked_by=DecisionFactory(kind=DecisionKind.REVOKE),
        revocation_reason="Kê khai thành tích không trung thực",
        revoked_at=timezone.now(),
    )
    p.later = AwardFactory(unit=UnitFactory(name="Cục Năm Sau"), bloc=p.other_bloc, year=2022)
    p.person = PersonFactory(full_name="Nguyễn Văn Thử")
    PositionFactory(person=p.person, unit=p.granted.unit)
    p.personal = AwardFactory(unit=None, person=p.person, bloc=p.bloc, year=2021)
    p.hidden = AwardFactory(
        unit=UnitFactory(name="Cục Quyết Định Chưa Công Bố"),
        decision=DecisionFactory(is_published=False),
    )
    draft = NominationFactory(
        unit=UnitFactory(name="Cục Hồ Sơ Dự Thảo"),
        bloc=p.bloc,
        status=Status.DRAFT,
        achievements="Ghi chú nội bộ của khối",
    )
    TransitionFactory(nomination=draft, action="return", reason="Nhận xét riêng của chuyên viên")
    published = EventFactory(bloc=p.bloc, title="Hội nghị tổng kết công khai")
    ProposalFactory(event=published, unit=UnitFactory(name="Cục Được Đề Xuất"))
    unpublished = EventFactory(
        bloc=p.bloc, title="Hội nghị chưa công bố", is_published=False, published_at=None
    )
    ProposalFactory(event=unpublished, unit=UnitFactory(name="Cục Đề Xuất Chưa Công Bố"))
    future = EventFactory(
        bloc=p.bloc,
        title="Hội nghị hẹn giờ đăng",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    ProposalFactory(event=future, unit=UnitFactory(name="Cục Đề Xuất Hẹn Giờ"))
    return p


def page(client, **params):
    """The results of the public list (the table, without the filter form's choices)."""
    response = client.get(reverse("awards:list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split("</form>", 2)[-1]


def test_public_sees_granted_and_revoked_awards_never_drafts(client, public):
    html = page(client)
    assert "Cục Được Tặng Cờ" in html and "Nguyễn Văn Thử" in html
    assert "Cục Bị Thu Hồi" in html and "Đã bị thu hồi" in html
    assert "Kê khai thành tích không trung thực" in html
    for secret in [
        "Cục Quyết Định Chưa Công Bố",
        "Cục Hồ Sơ Dự Thảo",
        "Ghi chú nội bộ của khối",
        "Nhận xét riêng của chuyên viên",
        "Cục Đề Xuất Chưa Công Bố",
        "Cục Đề Xuất Hẹn Giờ",
    ]:
        assert secret not in html
        assert secret not in page(client, status="de-xuat")


def test_published_proposals_on_request(client, public):
    html = page(client, status="de-xuat")
    assert "Cục Được Đề Xuất" in html and "Hội nghị tổng kết công khai" in html
    assert "Cục Được Tặng Cờ" not in html


def test_filters(client, public):
    assert "Cục Năm Sau" not in page(client, year=2021)
    assert "Cục Năm Sau" in page(client, year=2022)
    html = page(client, bloc=public.other_bloc.pk)
    assert "Cục Năm Sau" in html and "Cục Được Tặng Cờ" not in html
    html = page(client, status="thu-hoi")
    assert "Cục Bị Thu Hồi" in html and "Cục Được Tặng Cờ" not in html
    html = page(client, status="khen-thuong")
    assert "Cục Bị Thu Hồi" not in html and "Cục Được Tặng Cờ" in html
    # A unit's awards include those of the people working there.
    html = page(client, unit=public.granted.unit.pk)
    assert "Cục Được Tặng Cờ" in html and "Nguyễn Văn Thử" in html and "Cục Năm Sau" not in html


def test_filter_lists_every_unit_escaped_and_keeps_the_choice(client, public):
    unit = UnitFactory(name="Cục KH&CN <thử>")
    html = client.get(reverse("awards:list"), {"unit": unit.pk}).content.decode()
    assert f'<option value="{unit.pk}" selected>Cục KH&amp;CN &lt;thử&gt;</option>' in html
    assert '<option value="">Mọi đơn vị</option>' in html
    assert f'<option value="{public.other_bloc.pk}">Khối Thứ Hai</option>' in html


def test_bad_filter_value_is_a_message_not_an_error(client, public):
    response = client.get(reverse("awards:list"), {"year": "abc"})
    assert response.status_code == 200
    assert "Nhập một số nguyên." in response.content.decode()


def test_public_list_is_paginated(client, public):
    for _ in range(30):
        AwardFactory(bloc=public.bloc)
    html = page(client)
    # Unfiltered: no COUNT(*) over every award, the next page is known from one extra row.
    assert "Trang 1" in html and "page=2" in html and "kết quả." not in html
    second = page(client, page=2)
    assert "Trang 2" in second and "page=1" in second and "page=3" not in second
    # Filtered: the exact count and the number of pages.
    filtered = page(client, bloc=public.bloc.pk)
    assert "Trang 1 / 2" in filtered and "kết quả." in filtered


@pytest.mark.parametrize("n", [2, 20])
def test_public_list_queries_stay_constant(client, django_assert_max_num_queries, n):
    bloc = BlocFactory()
    for i in range(n):
        AwardFactory(unit=UnitFactory(name=f"Đơn vị {i}"), bloc=bloc)
        ProposalFactory(event=EventFactory(bloc=bloc), unit=UnitFactory(name=f"Đề xuất {i}"))
    for i in range(2):  # revoked awards: their revoking decision is read apart
        AwardFactory(
            unit=UnitFactory(name=f"Thu hồi {i}"),
            bloc=bloc,
            revoked_by=DecisionFactory(kind=DecisionKind.REVOKE),
            revocation_reason="Kê khai không đúng",
        )
    with django_assert_max_num_queries(7):
        html = page(client)
    assert html.count("Đã khen thưởng") >= n
    with django_assert_max_num_queries(10):
        html = page(client, bloc=bloc.pk, year=2021)
    assert html.count("Đã khen thưởng") >= n
    with django_assert_max_num_queries(9):
        html = page(client, status="de-xuat")
    assert html.count("Khối đề xuất") >= n


def test_staff_see_their_pages_linked_from_the_list(client, world):
    client.force_login(world.reviewer)
    html = client.get(reverse("awards:list")).content.decode()
    assert reverse("awards:queue") in html and reverse("awards:dashboard") not in html
    client.force_login(world.leader)
    html = client.get(reverse("awards:list")).content.decode()
    assert reverse("awards:dashboard") in html and reverse("awards:queue") not in html
    client.logout()
    html = client.get(reverse("awards:list")).content.decode()
    assert reverse("awards:queue") not in html


def test_default_list_points_to_the_published_proposals(client, db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = client.get("/khen-thuong/").content.decode()
    assert "đã công bố 4 đề xuất khen thưởng chưa có quyết định" in text
    proposals = client.get("/khen-thuong/", {"status": "de-xuat"}).content.decode()
    assert proposals.count("Khối đề xuất") >= 4
    assert "Cục Thông tin KH&amp;CN Quốc gia" in proposals
