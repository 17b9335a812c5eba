"""Data entry of the registry in the admin: the roster screen, protected deletes, search."""

import pytest
from django.contrib.auth.models import Group

from blocs.models import Bloc, BlocYear, LeadingUnit, Membership, Role
from tests.factories import BlocYearFactory, MembershipFactory, PersonFactory, UnitFactory
from thidua import roles
from units.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(roles.ADMINISTRATOR))
    return client


@pytest.fixture
def roster():
    """A bloc-year with leader A, deputy B and member C."""
    bloc_year = BlocYearFactory(year=2016)
    units = {}
    for label, role in [("A", Role.LEADER), ("B", Role.DEPUTY), ("C", Role.MEMBER)]:
        units[label] = MembershipFactory(
            bloc_year=bloc_year, unit=UnitFactory(name=f"Đơn vị {label}"), role=role
        )
    return bloc_year, units


def roster_post(bloc_year, rows, new_rows=()):
    """POST data of the bloc-year change form: `rows` = [(membership, role, delete)]."""
    prefix = "memberships"
    data = {
        "bloc": bloc_year.bloc_id,
        "year": bloc_year.year,
        "member_count": "",
        "note": "",
        f"{prefix}-TOTAL_FORMS": len(rows) + len(new_rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
        "leading_units-TOTAL_FORMS": 0,
        "leading_units-INITIAL_FORMS": 0,
    }
    for i, (membership, role, delete) in enumerate(rows):
        data |= {
            f"{prefix}-{i}-id": membership.pk,
            f"{prefix}-{i}-bloc_year": bloc_year.pk,
            f"{prefix}-{i}-unit": membership.unit_id,
            f"{prefix}-{i}-role": role,
            f"{prefix}-{i}-representative": membership.representative_id or "",
        }
        if delete:
            data[f"{prefix}-{i}-DELETE"] = "on"
    for j, (unit, role) in enumerate(new_rows, start=len(rows)):
        data |= {
            f"{prefix}-{j}-bloc_year": bloc_year.pk,
            f"{prefix}-{j}-unit": unit.pk,
            f"{prefix}-{j}-role": role,
            f"{prefix}-{j}-representative": "",
        }
    return data


def change_url(bloc_year):
    return f"/admin/blocs/blocyear/{bloc_year.pk}/change/"


def roles_now(bloc_year):
    return {m.unit.name: m.role for m in bloc_year.memberships.select_related("unit")}


@pytest.mark.parametrize(
    "new_roles",
    [
        # the leader steps down and a member takes the lead (the new leader's row comes first)
        {"C": Role.LEADER, "A": Role.MEMBER, "B": Role.DEPUTY},
        # leader and deputy exchange roles
        {"A": Role.DEPUTY, "B": Role.LEADER, "C": Role.MEMBER},
    ],
    ids=["member-takes-lead", "leader-deputy-exchange"],
)
def test_leader_swap_on_one_screen(admin_client, roster, new_roles):
    bloc_year, m = roster
    data = roster_post(bloc_year, [(m[label], role, False) for label, role in new_roles.items()])
    response = admin_client.post(change_url(bloc_year), data)
    assert response.status_code == 302
    assert roles_now(bloc_year) == {f"Đơn vị {label}": role for label, role in new_roles.items()}


def test_new_leader_while_old_leader_row_is_deleted(admin_client, roster):
    bloc_year, m = roster
    data = roster_post(
        bloc_year,
        [(m["C"], Role.LEADER, False), (m["A"], Role.LEADER, True), (m["B"], Role.DEPUTY, False)],
    )
    assert admin_client.post(change_url(bloc_year), data).status_code == 302
    assert roles_now(bloc_year) == {"Đơn vị B": Role.DEPUTY, "Đơn vị C": Role.LEADER}


def test_new_row_takes_the_lead(admin_client, roster):
    bloc_year, m = roster
    newcomer = UnitFactory(name="Đơn vị D")
    data = roster_post(
        bloc_year,
        [(m["A"], Role.MEMBER, False), (m["B"], Role.DEPUTY, False), (m["C"], Role.MEMBER, False)],
        new_rows=[(newcomer, Role.LEADER)],
    )
    assert admin_client.post(change_url(bloc_year), data).status_code == 302
    assert roles_now(bloc_year)["Đơn vị D"] == Role.LEADER


@pytest.mark.parametrize(
    ("roles_abc", "message"),
    [
        (
            (Role.LEADER, Role.DEPUTY, Role.LEADER),
            "Mỗi khối chỉ có một khối trưởng trong một năm (đang có: Đơn vị A, Đơn vị C).",
        ),
        (
            (Role.LEADER, Role.DEPUTY, Role.DEPUTY),
            "Mỗi khối có nhiều nhất một khối phó trong một năm (đang có: Đơn vị B, Đơn vị C).",
        ),
    ],
)
def test_two_leaders_or_deputies_on_one_screen_refused(admin_client, roster, roles_abc, message):
    bloc_year, m = roster
    before = roles_now(bloc_year)
    rows = [(m[label], role, False) for label, role in zip("ABC", roles_abc, strict=True)]
    response = admin_client.post(change_url(bloc_year), roster_post(bloc_year, rows))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert roles_now(bloc_year) == before


def test_same_unit_twice_on_one_screen_refused(admin_client, roster):
    bloc_year, m = roster
    data = roster_post(
        bloc_year,
        [(m["A"], Role.LEADER, False), (m["B"], Role.DEPUTY, False), (m["C"], Role.MEMBER, False)],
        new_rows=[(m["C"].unit, Role.MEMBER)],
    )
    response = admin_client.post(change_url(bloc_year), data)
    assert response.status_code == 200
    assert "Một đơn vị được ghi hai lần trong danh sách thành viên" in response.content.decode()
    assert bloc_year.memberships.count() == 3


def test_unit_in_another_bloc_of_same_organiser_refused_on_the_roster(admin_client, roster):
    bloc_year, m = roster
    other = MembershipFactory(
        bloc_year__bloc__organiser=bloc_year.bloc.organiser, bloc_year__year=bloc_year.year
    )
    data = roster_post(
        bloc_year,
        [(m["A"], Role.LEADER, False), (m["B"], Role.DEPUTY, False), (m["C"], Role.MEMBER, False)],
        new_rows=[(other.unit, Role.MEMBER)],
    )
    response = admin_client.post(change_url(bloc_year), data)
    assert response.status_code == 200
    assert "chỉ thuộc một khối của cùng cơ quan tổ chức" in response.content.decode()


def test_membership_form_refuses_second_leader(admin_client, roster):
    bloc_year, m = roster
    response = admin_client.post(
        "/admin/blocs/membership/add/",
        {"bloc_year": bloc_year.pk, "unit": UnitFactory().pk, "role": Role.LEADER},
    )
    assert response.status_code == 200
    assert "Mỗi khối chỉ có một khối trưởng trong một năm (đang có:" in response.content.decode()
    assert bloc_year.memberships.count() == 3


def test_bloc_year_form_refuses_year_outside_bloc_years(admin_client):
    bloc_year = BlocYearFactory(bloc__first_year=2014, bloc__last_year=2020)
    response = admin_client.post(
        "/admin/blocs/blocyear/add/",
        roster_post(bloc_year, []) | {"year": 2030},
    )
    assert response.status_code == 200
    assert "Năm 2030 nằm ngoài thời gian hoạt động của khối" in response.content.decode()


# --- deleting what history depends on ---------------------------------------------------------


def delete_refused(client, url, model, pk):
    response = client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert model.objects.filter(pk=pk).exists()
    return response.content.decode()


def test_deleting_a_member_unit_is_refused_with_message(admin_client):
    membership = MembershipFactory()
    unit = membership.unit
    html = delete_refused(admin_client, f"/admin/units/unit/{unit.pk}/delete/", Unit, unit.pk)
    assert (
        f"Không thể xóa «{unit.name}»: còn 1 hồ sơ khác đang tham chiếu "
        f"(Thành viên khối: {membership})." in html
    )


def test_deleting_a_representative_person_is_refused(admin_client):
    membership = MembershipFactory(representative=PersonFactory())
    person = membership.representative
    html = delete_refused(
        admin_client, f"/admin/units/person/{person.pk}/delete/", Person, person.pk
    )
    assert f"Không thể xóa «{person.full_name}»" in html


def test_deleting_a_bloc_with_years_is_refused(admin_client):
    bloc = BlocYearFactory().bloc
    html = delete_refused(admin_client, f"/admin/blocs/bloc/{bloc.pk}/delete/", Bloc, bloc.pk)
    assert f"Không thể xóa «{bloc.name}»" in html


def test_bulk_delete_of_referenced_units_is_refused(admin_client):
    unit = MembershipFactory().unit
    response = admin_client.post(
        "/admin/units/unit/",
        {"action": "delete_selected", "_selected_action": [unit.pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Không thể xóa" in response.content.decode()
    assert Unit.objects.filter(pk=unit.pk).exists()


def test_unreferenced_unit_can_be_deleted(admin_client):
    unit = UnitFactory()
    admin_client.post(f"/admin/units/unit/{unit.pk}/delete/", {"post": "yes"})
    assert not Unit.objects.filter(pk=unit.pk).exists()


def test_deleting_a_bloc_year_with_members_is_refused(admin_client, roster):
    bloc_year, _ = roster
    delete_refused(
        admin_client, f"/admin/blocs/blocyear/{bloc_year.pk}/delete/", BlocYear, bloc_year.pk
    )
    assert Membership.objects.filter(bloc_year=bloc_year).count() == 3


# --- search and history -------------------------------------------------------------------------


def test_admin_search_ignores_diacritics(admin_client):
    UnitFactory(name="Ban Quản lý Khu Công nghệ cao Hòa Lạc")
    UnitFactory(name="Quỹ Phát triển KH&CN quốc gia")
    html = admin_client.get("/admin/units/unit/", {"q": "hoa lac"}).content.decode()
    assert "Hòa Lạc" in html
    assert "Quỹ Phát triển" not in html


def test_membership_admin_search_by_unit_name(admin_client):
    MembershipFactory(unit=UnitFactory(name="Cục Ứng dụng và Phát triển công nghệ"))
    MembershipFactory(unit=UnitFactory(name="Cục Khác"))
    html = admin_client.get("/admin/blocs/membership/", {"q": "ung dung"}).content.decode()
    assert "Cục Ứng dụng và Phát triển công nghệ" in html
    assert "Cục Khác" not in html


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        ("membership", "unit", "hoa lac", "Ban Quản lý Khu Công nghệ cao Hòa Lạc"),
        ("membership", "representative", "pham hong", "Phạm Hồng Quất"),
    ],
)
def test_autocomplete_is_diacritics_blind(admin_client, model, field, term, expected):
    UnitFactory(name="Ban Quản lý Khu Công nghệ cao Hòa Lạc")
    PersonFactory(full_name="Phạm Hồng Quất")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "blocs", "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [expected]


def test_every_change_is_kept_in_history(admin_client, roster):
    bloc_year, m = roster
    data = roster_post(
        bloc_year,
        [(m["C"], Role.LEADER, False), (m["A"], Role.MEMBER, False), (m["B"], Role.DEPUTY, False)],
    )
    admin_client.post(change_url(bloc_year), data)
    history = m["C"].history.order_by("history_date")
    assert [h.role for h in history] == [Role.MEMBER, Role.LEADER]
    response = admin_client.get(f"/admin/blocs/membership/{m['C'].pk}/history/")
    assert response.status_code == 200


def test_groups_exist_for_every_role():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)


# --- query counts of the admin lists ------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 20])
def test_admin_lists_query_count_is_constant(admin_client, django_assert_max_num_queries, n):
    from tests.factories import registry_dataset

    registry_dataset(n)
    for url in [
        "/admin/units/unit/",
        "/admin/units/person/",
        "/admin/units/position/",
        "/admin/blocs/bloc/",
        "/admin/blocs/blocyear/",
        "/admin/blocs/membership/",
        "/admin/units/user/",
    ]:
        with django_assert_max_num_queries(16):
            response = admin_client.get(url)
        assert response.status_code == 200, url


def test_membership_added_in_admin_takes_year_and_organiser_of_its_bloc_year(admin_client):
    bloc_year = BlocYearFactory(year=2015)
    unit = UnitFactory()
    response = admin_client.post(
        "/admin/blocs/membership/add/",
        {"bloc_year": bloc_year.pk, "unit": unit.pk, "role": Role.LEADER},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(unit=unit)
    assert (membership.year, membership.organiser) == (2015, bloc_year.bloc.organiser)


def test_membership_list_filters_by_year_role_bloc_and_kind(admin_client):
    leader = MembershipFactory(role=Role.LEADER, bloc_year__year=2015)
    MembershipFactory(role=Role.MEMBER, bloc_year=leader.bloc_year)
    MembershipFactory(role=Role.LEADER, bloc_year__year=2016)
    response = admin_client.get(
        "/admin/blocs/membership/",
        {
            "year": 2015,
            "role__exact": Role.LEADER,
            "bloc_year__bloc__id__exact": leader.bloc_year.bloc_id,
            "unit__kind__exact": leader.unit.kind,
        },
    )
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [leader]


def _with_leading(data, units, source="Biên bản bình xét ngày 18/12/2016"):
    data = {**data, "leading_units-TOTAL_FORMS": len(units)}
    for i, unit in enumerate(units):
        data |= {f"leading_units-{i}-unit": unit.pk, f"leading_units-{i}-source": source}
    return data


def test_the_leading_collective_is_entered_on_the_bloc_year_screen(admin_client, roster):
    bloc_year, m = roster
    rows = [
        (m["A"], Role.LEADER, False),
        (m["B"], Role.DEPUTY, False),
        (m["C"], Role.MEMBER, False),
    ]
    data = _with_leading(roster_post(bloc_year, rows), [m["C"].unit])
    assert admin_client.post(change_url(bloc_year), data).status_code == 302
    [lead] = LeadingUnit.objects.filter(bloc_year=bloc_year)
    assert lead.unit == m["C"].unit and lead.source.startswith("Biên bản")
    assert roles_now(bloc_year)["Đơn vị C"] == Role.MEMBER  # leading is not chairing


def test_a_leading_collective_outside_the_roster_is_refused(admin_client, roster):
    bloc_year, m = roster
    rows = [
        (m["A"], Role.LEADER, False),
        (m["B"], Role.DEPUTY, False),
        (m["C"], Role.MEMBER, False),
    ]
    data = _with_leading(roster_post(bloc_year, rows), [UnitFactory(name="Đơn vị Ngoài")])
    response = admin_client.post(change_url(bloc_year), data)
    assert "Tập thể dẫn đầu phải là đơn vị thành viên" in response.content.decode()
    assert not LeadingUnit.objects.exists()


def test_roster_screen_reads_the_same_queries_for_3_and_30_members(admin_client, roster):
    """Each row shows its unit and representative read with the rows, not one by one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bloc_year, _ = roster

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = admin_client.get(change_url(bloc_year))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    count()  # the first request also caches the content types
    small = count()
    for i in range(27):
        MembershipFactory(
            bloc_year=bloc_year,
            unit=UnitFactory(name=f"Đơn vị thêm {i:02d}"),
            representative=PersonFactory(),
        )
    assert count() == small
