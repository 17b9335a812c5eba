"""The secretariat's data entry of events, elections, pledges, proposals and the registry: each
refusal is a Vietnamese message on the screen (never a 500), and nothing is half-saved."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from awards.models import Nomination, Proposal
from blocs.models import Bloc, BlocYear, Election, Event, Membership, Pledge, Role
from tests.blocs.test_event_admin import event_form, management
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    ElectionFactory,
    EventFactory,
    MembershipFactory,
    PledgeFactory,
    ProposalFactory,
    UnitFactory,
    award_type,
)
from tests.html_text import text_of, visible_text

pytestmark = pytest.mark.django_db


def members(bloc, year, *units, **roles):
    """Record `units` as members of `bloc` in `year` (roles: {unit_pk: role})."""
    bloc_year = BlocYear.objects.get_or_create(bloc=bloc, year=year)[0]
    for unit in units:
        MembershipFactory(bloc_year=bloc_year, unit=unit, role=roles.get(str(unit.pk), Role.MEMBER))
    return bloc_year


def with_elections(data, *rows):
    """rows: (year, role, unit)."""
    data.update(management("elections", len(rows)))
    for i, (year, role, unit) in enumerate(rows):
        data.update(
            {
                f"elections-{i}-order": str(i),
                f"elections-{i}-year": str(year),
                f"elections-{i}-role": role,
                f"elections-{i}-unit": unit.pk if unit else "",
            }
        )
    return data


def post_event(client, clerk, data, url="/admin/blocs/event/add/"):
    client.force_login(clerk)
    return client.post(url, data)


# --- 1. an inline's rule never names a field its row lacks --------------------------------------


def test_an_event_without_bloc_and_with_a_pledge_shows_the_bloc_required(client, clerk):
    data = event_form(BlocFactory())
    data["bloc"] = ""
    data.update(management("pledges", 1))
    data.update({"pledges-0-year": "2016", "pledges-0-signed_on": ""})
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["bloc"]
    assert not Event.objects.exists() and not Pledge.objects.exists()


def test_an_event_without_bloc_and_with_rows_of_every_rule_is_a_form_not_a_500(client, clerk):
    unit = UnitFactory()
    data = event_form(BlocFactory())
    data["bloc"] = ""
    data = with_elections(data, (2016, "leader", unit))
    data.update(management("proposals", 1))
    data.update(
        {
            "proposals-0-order": "0",
            "proposals-0-award_type": award_type("co-thi-dua-bo").pk,
            "proposals-0-unit": unit.pk,
        }
    )
    data.update(management("attendances", 1))
    data.update(
        {
            "attendances-0-order": "0",
            "attendances-0-kind": "representative",
            "attendances-0-unit_count": "9",
        }
    )
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["bloc"]
    assert not Event.objects.exists()


# --- 2, 3. one leader, one deputy and one role per unit for each bloc-year ----------------------


@pytest.fixture
def bloc_2021():
    """A bloc whose 2021 members are units A, B, C; an event of 2021 elected A leader for 2022."""
    bloc = BlocFactory()
    a, b, c = (UnitFactory(name=f"Đơn vị {x}") for x in "ABC")
    members(bloc, 2021, a, b, c)
    first = EventFactory(bloc=bloc, title="Hội nghị thứ nhất")
    ElectionFactory(event=first, unit=a, year=2022, role=Role.LEADER)
    return bloc, a, b, c


def second_event(bloc, *rows):
    return with_elections(
        event_form(
            bloc, period_start="2021", period_end="2021", held_on="28/12/2021", title="Lần hai"
        ),
        *rows,
    )


def test_a_second_event_cannot_elect_another_leader_for_the_same_year(client, clerk, bloc_2021):
    bloc, a, b, _ = bloc_2021
    response = post_event(client, clerk, second_event(bloc, (2022, "leader", b)))
    assert response.status_code == 200
    page = text_of(response)
    assert f"Năm 2022, khối «{bloc}» đã có «Đơn vị A» được bầu làm khối trưởng" in page
    assert "mỗi khối chỉ có một khối trưởng trong một năm" in page
    assert not Event.objects.filter(title="Lần hai").exists()
    assert Election.objects.count() == 1


def test_a_second_event_may_elect_the_deputy(client, clerk, bloc_2021):
    bloc, _, b, _ = bloc_2021
    response = post_event(client, clerk, second_event(bloc, (2022, "deputy", b)))
    assert response.status_code == 302
    assert Election.objects.get(role=Role.DEPUTY).bloc == bloc


def test_an_election_against_the_recorded_leader_is_refused(client, clerk, bloc_2021):
    bloc, a, b, c = bloc_2021
    members(bloc, 2023, c, **{str(c.pk): Role.LEADER})
    response = post_event(client, clerk, second_event(bloc, (2023, "leader", b)))
    assert response.status_code == 200
    assert (
        f"Năm 2023, khối «{bloc}» đã có khối trưởng là «Đơn vị C» (theo hồ sơ thành viên"
        in text_of(response)
    )
    assert not Event.objects.filter(title="Lần hai").exists()


def test_one_unit_cannot_be_elected_leader_and_deputy_in_one_event(client, clerk, bloc_2021):
    bloc, _, b, _ = bloc_2021
    data = second_event(bloc, (2023, "leader", b), (2023, "deputy", b))
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    assert "không thể vừa là khối trưởng vừa là khối phó trong một năm" in text_of(response)
    assert not Event.objects.filter(title="Lần hai").exists()


def edit_elections(client, clerk, bloc, *rows):
    """The event «Lần hai» saved again with its elections as `rows` (year, role, unit, DELETE),
    in the order they were first entered; returns the response."""
    event = Event.objects.get(title="Lần hai")
    saved = list(Election.objects.filter(event=event).order_by("order", "pk"))
    data = second_event(bloc, *[(year, role, unit) for year, role, unit, _ in rows])
    data.update(management("elections", len(rows), len(saved)))
    data["slug"] = event.slug
    for i, (election, (*_, delete)) in enumerate(zip(saved, rows, strict=True)):
        data[f"elections-{i}-id"] = election.pk
        data[f"elections-{i}-event"] = event.pk
        if delete:
            data[f"elections-{i}-DELETE"] = "on"
    return post_event(client, clerk, data, url=f"/admin/blocs/event/{event.pk}/change/")


def held(event_title="Lần hai"):
    rows = Election.objects.filter(event__title=event_title).order_by("role")
    return {(e.role, e.unit.name) for e in rows}


@pytest.mark.parametrize("swap", ["roles", "units"])
def test_leader_and_deputy_swapped_on_one_screen_are_saved(client, clerk, bloc_2021, swap):
    """Entered the wrong way round, then corrected on the event's screen: the whole is valid,
    so it is saved, though the database checks each row as it is written."""
    bloc, a, b, _ = bloc_2021
    Election.objects.all().delete()
    first = post_event(client, clerk, second_event(bloc, (2022, "leader", a), (2022, "deputy", b)))
    assert first.status_code == 302
    ids = set(Election.objects.values_list("pk", flat=True))
    if swap == "roles":
        rows = [(2022, "deputy", a, False), (2022, "leader", b, False)]
    else:
        rows = [(2022, "leader", b, False), (2022, "deputy", a, False)]
    response = edit_elections(client, clerk, bloc, *rows)
    assert response.status_code == 302, visible_text(response.content.decode())[:2000]
    assert held() == {("leader", "Đơn vị B"), ("deputy", "Đơn vị A")}
    assert set(Election.objects.values_list("pk", flat=True)) == ids
    # The audit trail keeps who changed what: each row's old values, then its new ones.
    for election in Election.objects.all():
        kinds = list(election.history.order_by("history_id").values_list("history_type", flat=True))
        assert kinds == ["+", "-", "+"]
        assert election.history.latest().history_user == clerk


def test_a_row_takes_the_role_of_a_row_deleted_below_it(client, clerk, bloc_2021):
    bloc, a, b, _ = bloc_2021
    Election.objects.all().delete()
    post_event(client, clerk, second_event(bloc, (2022, "leader", a), (2022, "deputy", b)))
    response = edit_elections(
        client, clerk, bloc, (2022, "deputy", a, False), (2022, "deputy", b, True)
    )
    assert response.status_code == 302, visible_text(response.content.decode())[:2000]
    assert held() == {("deputy", "Đơn vị A")}
    assert Election.objects.get().history.latest().history_type == "~"


def test_a_swap_that_leaves_two_deputies_is_still_refused(client, clerk, bloc_2021):
    bloc, a, b, _ = bloc_2021
    Election.objects.all().delete()
    post_event(client, clerk, second_event(bloc, (2022, "leader", a), (2022, "deputy", b)))
    response = edit_elections(
        client, clerk, bloc, (2022, "deputy", a, False), (2022, "deputy", b, False)
    )
    assert response.status_code == 200
    assert "không được có hai dòng cùng «bầu cho năm» và «vai trò»" in text_of(response)
    assert held() == {("leader", "Đơn vị A"), ("deputy", "Đơn vị B")}


def test_the_model_refuses_the_unit_already_elected_to_the_other_role(bloc_2021):
    bloc, a, _, _ = bloc_2021
    election = Election(event=EventFactory(bloc=bloc), year=2022, role=Role.DEPUTY, unit=a)
    with pytest.raises(Exception) as excinfo:
        election.full_clean()
    assert "không thể vừa là khối trưởng vừa là khối phó" in str(excinfo.value)


@pytest.mark.parametrize(
    "role, unit_label, constraint",
    [
        (Role.LEADER, "B", "election_one_holder_per_bloc_year"),  # a second leader
        (Role.DEPUTY, "A", "election_one_role_per_unit"),  # the leader as deputy
    ],
)
def test_the_database_refuses_what_the_forms_refuse(bloc_2021, role, unit_label, constraint):
    """Two requests passing the form's check at once: the database still refuses the second."""
    bloc, a, b, _ = bloc_2021
    unit = {"A": a, "B": b}[unit_label]
    with pytest.raises(IntegrityError), transaction.atomic():
        ElectionFactory(event=EventFactory(bloc=bloc), unit=unit, year=2022, role=role)
    assert Election.objects.count() == 1


def test_the_elections_follow_their_event_to_another_bloc(bloc_2021):
    bloc, *_ = bloc_2021
    event = Election.objects.get().event
    event.bloc = BlocFactory()
    event.save()
    assert Election.objects.get().bloc == event.bloc


# --- 4. only member units are elected or proposed -----------------------------------------------


def test_units_outside_the_bloc_cannot_be_elected(client, clerk, bloc_2021):
    bloc, *_ = bloc_2021
    elsewhere, nowhere = UnitFactory(name="Đơn vị khối khác"), UnitFactory(name="Đơn vị tự do")
    members(BlocFactory(), 2021, elsewhere)
    data = second_event(bloc, (2023, "leader", elsewhere), (2023, "deputy", nowhere))
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    page = text_of(response)
    for name in ("Đơn vị khối khác", "Đơn vị tự do"):
        assert (
            f"Đơn vị «{name}» không là thành viên của khối «{bloc}» năm 2021 (năm của sự kiện) "
            "hay năm 2023 (năm được bầu)"
        ) in page
    assert not Event.objects.filter(title="Lần hai").exists()


def test_a_member_of_the_elected_year_only_may_be_elected(client, clerk, bloc_2021):
    """Sources often give next year's roster only as its leader and deputy (seed 001)."""
    bloc, *_ = bloc_2021
    newcomer = UnitFactory()
    members(bloc, 2023, newcomer)
    response = post_event(client, clerk, second_event(bloc, (2023, "leader", newcomer)))
    assert response.status_code == 302


def proposal_rows(data, *units):
    data.update(management("proposals", len(units)))
    for i, unit in enumerate(units):
        data.update(
            {
                f"proposals-{i}-order": str(i),
                f"proposals-{i}-award_type": award_type("co-thi-dua-bo").pk,
                f"proposals-{i}-unit": unit.pk,
            }
        )
    return data


def test_a_proposal_for_a_unit_outside_the_bloc_is_refused_like_the_import(
    client, clerk, bloc_2021
):
    bloc, *_ = bloc_2021
    outsider = UnitFactory()
    data = proposal_rows(second_event(bloc), outsider)
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    message = f"Tập thể không phải đơn vị thành viên của khối «{bloc}» năm 2021."
    assert message in text_of(response)
    assert not Proposal.objects.exists()
    # The Excel import's dossiers are refused by the same rule (Bloc.check_recipient).
    nomination = Nomination(
        award_type=award_type("co-thi-dua-bo"), year=2021, unit=outsider, bloc=bloc
    )
    with pytest.raises(Exception) as excinfo:
        nomination.full_clean()
    assert message in str(excinfo.value)


# --- 5. one proposal of an award for a recipient per event --------------------------------------


def test_the_same_proposal_twice_in_one_event_is_refused(client, clerk, bloc_2021):
    bloc, a, *_ = bloc_2021
    response = post_event(client, clerk, proposal_rows(second_event(bloc), a, a))
    assert response.status_code == 200
    assert "không được có hai dòng cùng «loại khen thưởng» và «tập thể»" in text_of(response)
    assert not Proposal.objects.exists()


def test_a_proposal_already_saved_for_the_event_is_refused_on_its_row(client, clerk, bloc_2021):
    bloc, a, *_ = bloc_2021
    event = EventFactory(bloc=bloc, title="Lần hai")
    ProposalFactory(event=event, unit=a)
    proposal = Proposal(event=event, award_type=award_type("co-thi-dua-bo"), unit=a)
    with pytest.raises(Exception) as excinfo:
        proposal.full_clean()
    assert "Sự kiện đã ghi đề xuất loại khen thưởng này cho đối tượng này" in str(excinfo.value)


def test_the_database_refuses_a_proposal_entered_twice(bloc_2021):
    bloc, a, *_ = bloc_2021
    proposal = ProposalFactory(event=EventFactory(bloc=bloc), unit=a)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(event=proposal.event, unit=a)
    assert Proposal.objects.count() == 1


# --- 6. moving an event says why it cannot move -------------------------------------------------


def test_moving_an_event_with_its_pledge_says_why_on_the_bloc_field(client, clerk):
    event = EventFactory(held_on=datetime.date(2021, 12, 24))
    pledge = PledgeFactory(bloc=event.bloc, event=event, year=2022)
    other = BlocFactory()
    data = event_form(
        other, period_start="2021", period_end="2021", held_on="24/12/2021", title=event.title
    )
    data.update(management("pledges", 1, initial=1))
    data.update({"pledges-0-id": pledge.pk, "pledges-0-event": event.pk, "pledges-0-year": "2022"})
    response = post_event(client, clerk, data, f"/admin/blocs/event/{event.pk}/change/")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["bloc"][0]
    assert f"Không chuyển được sự kiện sang khối «{other}»" in errors
    assert f"giao ước thi đua năm 2022 của khối «{event.bloc}»" in errors
    page = text_of(response)
    assert "giao ước ký tại sự kiện phải thuộc khối của sự kiện" in page
    assert Event.objects.get(pk=event.pk).bloc == event.bloc


# --- 7. one bloc per name -----------------------------------------------------------------------


def test_a_bloc_entered_twice_is_refused_with_its_name(client, clerk):
    first = BlocFactory(name="Khối thi đua Các Viện")
    client.force_login(clerk)
    response = client.post(
        "/admin/blocs/bloc/add/",
        {
            "name": "  khối thi đua các   viện ",
            "organiser": first.organiser_id,
            "description": "",
            **management("names", 0),
        },
    )
    assert response.status_code == 200
    assert "Tên khối trùng với một khối đã có" in text_of(response)
    assert "Khối đã có: «Khối thi đua Các Viện»" in text_of(response)
    assert Bloc.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        BlocFactory(name="KHỐI THI ĐUA CÁC VIỆN")


# --- 8. a new bloc-year's member already in another bloc ----------------------------------------


def test_a_new_bloc_year_names_the_bloc_its_member_already_belongs_to(client, clerk):
    unit = UnitFactory(name="Đơn vị Bảy")
    taken = MembershipFactory(bloc_year__year=2016, unit=unit)
    other = BlocFactory(organiser=taken.bloc_year.bloc.organiser)
    client.force_login(clerk)
    response = client.post(
        "/admin/blocs/blocyear/add/",
        {
            "bloc": other.pk,
            "year": "2016",
            "member_count": "",
            "note": "",
            **management("memberships", 1),
            "memberships-0-unit": unit.pk,
            "memberships-0-role": "member",
            "memberships-0-order": "",
            **management("leading_units", 0),
        },
    )
    assert response.status_code == 200
    page = text_of(response)
    assert (
        f"Năm 2016, đơn vị «Đơn vị Bảy» đã thuộc khối «{taken.bloc_year.bloc}» của cùng cơ "
        "quan tổ chức"
    ) in page
    assert "vừa được lưu cùng lúc" not in page
    assert not BlocYear.objects.filter(bloc=other).exists()


# --- 9. counts within bounds, the same on SQLite and PostgreSQL ---------------------------------


def test_an_event_member_count_out_of_range_is_refused(client, clerk):
    response = post_event(client, clerk, event_form(BlocFactory(), member_count="999999"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["member_count"] == [
        "Số đơn vị phải từ 1 đến 999."
    ]
    assert not Event.objects.exists()


def test_more_attending_units_than_the_bloc_has_are_refused(client, clerk):
    data = event_form(BlocFactory(), member_count="5")
    data.update(management("attendances", 1))
    data.update(
        {
            "attendances-0-order": "0",
            "attendances-0-kind": "representative",
            "attendances-0-group_description": "đại diện lãnh đạo",
            "attendances-0-unit_count": "500",
        }
    )
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    assert "Số đơn vị tham dự (500) lớn hơn số đơn vị của khối tại sự kiện (5)" in text_of(response)
    assert not Event.objects.exists()


def test_a_bloc_year_cannot_count_fewer_members_than_it_names(client, clerk):
    bloc = BlocFactory()
    client.force_login(clerk)
    data = {
        "bloc": bloc.pk,
        "year": "2021",
        "member_count": "1",
        "note": "",
        **management("memberships", 2),
        **management("leading_units", 0),
    }
    for i in range(2):
        data |= {
            f"memberships-{i}-unit": UnitFactory().pk,
            f"memberships-{i}-role": "member",
            f"memberships-{i}-order": "",
        }
    response = client.post("/admin/blocs/blocyear/add/", data)
    assert response.status_code == 200
    assert "ghi 1 đơn vị thành viên nhưng danh sách có 2 đơn vị" in text_of(response)
    assert not BlocYear.objects.exists()


def test_a_member_added_beyond_the_declared_count_is_refused():
    bloc_year = BlocYearFactory(member_count=1)
    MembershipFactory(bloc_year=bloc_year)
    with pytest.raises(Exception) as excinfo:
        Membership(bloc_year=bloc_year, unit=UnitFactory()).full_clean()
    assert "ghi 1 đơn vị thành viên nhưng danh sách có 2 đơn vị" in str(excinfo.value)


@pytest.mark.parametrize(
    "model, field",
    [(Event, "member_count"), (BlocYear, "member_count"), (Pledge, "signatory_count")],
)
def test_the_database_bounds_the_counts(model, field):
    row = {Event: EventFactory, BlocYear: BlocYearFactory, Pledge: PledgeFactory}[model]()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: 5000})


# --- 10. years between FIRST_YEAR and LAST_YEAR -------------------------------------------------


@pytest.mark.parametrize("year", ["-1", "1900", "3000"])
def test_an_election_year_out_of_range_states_the_range(client, clerk, bloc_2021, year):
    bloc, _, b, _ = bloc_2021
    response = post_event(client, clerk, second_event(bloc, (year, "deputy", b)))
    assert response.status_code == 200
    assert "Năm phải từ 1945 đến 2100." in text_of(response)
    assert "lớn hơn hoặc bằng 0" not in text_of(response)


def test_a_pledge_year_out_of_range_states_the_range(client, clerk):
    data = event_form(BlocFactory())
    data.update(management("pledges", 1))
    data.update({"pledges-0-year": "-1"})
    response = post_event(client, clerk, data)
    assert response.status_code == 200
    assert "Năm phải từ 1945 đến 2100." in text_of(response)
    with pytest.raises(IntegrityError), transaction.atomic():
        ElectionFactory(year=1900)
