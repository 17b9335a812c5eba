"""A bloc-year's members added many at once: several units picked, or a pasted list of names
matched ignoring diacritics, case, spacing and the usual abbreviations, each match confirmed by
the clerk, then all saved — or none — with the inline's rules."""

import pytest
from django.urls import reverse

from blocs.member_names import AMBIGUOUS, APPROXIMATE, MATCHED, NOT_FOUND, match_unit_names
from blocs.models import Membership
from tests.factories import BlocYearFactory, MembershipFactory, UnitFactory

pytestmark = pytest.mark.django_db

PASTED = """1. cuc phat trien thi truong va doanh nghiep khoa hoc va cong nghe
2.   VU   TDKT
3. Vien Chien luoc va Chinh sach KHCNN
4. văn phòng bộ
"""


@pytest.fixture
def roster():
    bloc_year = BlocYearFactory(year=2021)
    units = {
        "market": UnitFactory(name="Cục Phát triển thị trường và doanh nghiệp KH&CN"),
        "tdkt": UnitFactory(name="Vụ Thi đua - Khen thưởng"),
        "strategy": UnitFactory(name="Viện Chiến lược và Chính sách KH&CN"),
        "office": UnitFactory(name="Văn phòng Bộ"),
        "closed": UnitFactory(name="Vụ Thi đua - Khen thưởng", active_until=2010),
    }
    MembershipFactory(bloc_year=bloc_year, unit=units["office"])
    return bloc_year, units


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def url(bloc_year):
    return reverse("admin:blocs_blocyear_bulk_members", args=[bloc_year.pk])


def confirm_pasted(client, bloc_year, follow=False, **choices):
    """Confirm the pasted list with these ticks (choice_l<line> = unit)."""
    data = {"names": PASTED, "_confirm": "1"}
    data.update({f"choice_{key}": unit.pk for key, unit in choices.items()})
    return client.post(url(bloc_year), data, follow=follow)


def test_pasted_names_match_without_diacritics_case_spacing_or_abbreviations(roster):
    bloc_year, units = roster
    matches = match_unit_names(PASTED, bloc_year.year)
    assert [(m.line_number, m.status) for m in matches] == [
        (1, MATCHED),
        (2, MATCHED),  # the unit closed in 2010 with the same name is not a candidate in 2021
        (3, NOT_FOUND),  # a typo is left unmatched, never guessed
        (4, MATCHED),
    ]
    assert [m.unit for m in matches if m.unit] == [units["market"], units["tdkt"], units["office"]]


def test_a_partial_name_is_an_approximate_match_or_an_ambiguity(roster):
    bloc_year, units = roster
    UnitFactory(name="Vụ Kế hoạch - Tài chính")
    UnitFactory(name="Vụ Kế hoạch - Tổng hợp")
    first, second = match_unit_names("Chien luoc va Chinh sach\nvu ke hoach", bloc_year.year)
    assert first.status == APPROXIMATE and first.unit == units["strategy"]
    assert second.status == AMBIGUOUS and len(second.units) == 2


def test_the_preview_shows_each_match_and_saves_nothing(
    clerk_client, roster, django_assert_max_num_queries
):
    bloc_year, units = roster
    with django_assert_max_num_queries(10):
        response = clerk_client.post(url(bloc_year), {"names": PASTED, "_preview": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "không tìm thấy đơn vị" in html and "Vien Chien luoc va Chinh sach KHCNN" in html
    assert f'name="choice_l1" value="{units["market"].pk}" checked' in html
    # Already a member: shown, not ticked.
    assert "đã là thành viên của khối năm này" in html
    assert f'name="choice_l4" value="{units["office"].pk}">' in html
    assert bloc_year.memberships.count() == 1


def test_confirmed_matches_are_added_in_one_go(clerk_client, roster):
    bloc_year, units = roster
    response = confirm_pasted(clerk_client, bloc_year, l1=units["market"], l2=units["tdkt"])
    assert response.status_code == 302
    assert set(bloc_year.memberships.values_list("unit__name", flat=True)) == {
        "Văn phòng Bộ",
        "Cục Phát triển thị trường và doanh nghiệp KH&CN",
        "Vụ Thi đua - Khen thưởng",
    }
    assert set(bloc_year.memberships.values_list("role", flat=True)) == {"member"}


def test_a_duplicate_refuses_the_whole_list_with_the_roster_message(clerk_client, roster):
    bloc_year, units = roster
    # Line 4 is already a member, ticked anyway.
    response = confirm_pasted(
        clerk_client, bloc_year, follow=True, l1=units["market"], l4=units["office"]
    )
    html = response.content.decode()
    assert "Chưa thêm đơn vị nào" in html
    assert "«Văn phòng Bộ»" in html and "đã có trong danh sách thành viên của khối năm này" in html
    assert list(bloc_year.memberships.values_list("unit", flat=True)) == [units["office"].pk]


def test_several_units_picked_in_the_autocomplete_are_added(clerk_client, roster):
    bloc_year, units = roster
    picked = [units["market"].pk, units["strategy"].pk]
    html = clerk_client.get(url(bloc_year)).content.decode()
    assert "admin/js/autocomplete.js" in html and 'name="units"' in html
    response = clerk_client.post(
        url(bloc_year),
        {"units": picked, **{f"choice_u{pk}": pk for pk in picked}, "_confirm": "1"},
    )
    assert response.status_code == 302
    assert set(Membership.objects.filter(bloc_year=bloc_year).values_list("unit", flat=True)) == {
        units["office"].pk,
        *picked,
    }


def test_nothing_to_add_is_explained(clerk_client, roster):
    bloc_year, _ = roster
    html = clerk_client.post(url(bloc_year), {"names": "  \n", "_preview": "1"}).content.decode()
    assert "Chọn ít nhất một đơn vị hoặc dán danh sách tên đơn vị." in html


def test_the_bloc_year_page_links_to_the_bulk_page(clerk_client, roster):
    bloc_year, _ = roster
    html = clerk_client.get(reverse("admin:blocs_blocyear_change", args=[bloc_year.pk]))
    assert url(bloc_year) in html.content.decode()


def test_a_reviewer_may_not_add_members(client, make_user, roster):
    from thidua import roles

    client.force_login(make_user(roles.REVIEWER))
    bloc_year, units = roster
    response = confirm_pasted(client, bloc_year, l1=units["market"])
    assert response.status_code == 403
    assert bloc_year.memberships.count() == 1
