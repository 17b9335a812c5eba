"""Proposals made at an event become nominations without re-entry; public panels on the event and
unit pages, with constant query counts."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards import panels, services
from awards.models import DecisionKind, Nomination, Status
from tests.factories import (
    AwardFactory,
    BlocYearFactory,
    DecisionFactory,
    EventFactory,
    MembershipFactory,
    NominationFactory,
    ProposalFactory,
    UnitFactory,
    UnitNameFactory,
    award_type,
)
from thidua.panels import panels_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(world):
    return EventFactory(
        bloc=world.bloc, period_start=2025, period_end=2025, held_on=datetime.date(2025, 12, 20)
    )


def render(panel):
    from django.template.loader import render_to_string

    return render_to_string(panel.template, {"panel": panel})


def test_nominations_are_created_from_the_events_proposals_once(world, event):
    first = ProposalFactory(event=event, unit=world.leader_unit, order=1, note="Dẫn đầu khối")
    ProposalFactory(
        event=event, award_type=award_type("co-thi-dua-chinh-phu"), unit=world.leader_unit, order=2
    )
    created = services.nominations_from_event(event, world.leader)
    assert [n.proposal for n in created][0] == first
    nomination = created[0]
    assert (nomination.status, nomination.year, nomination.bloc, nomination.event) == (
        Status.DRAFT,
        2025,
        world.bloc,
        event,
    )
    assert nomination.achievements == "Dẫn đầu khối" and not nomination.is_historical
    assert services.nominations_from_event(event, world.leader) == []


def test_only_data_entry_or_the_blocs_leader_create_nominations_from_an_event(world, event):
    ProposalFactory(event=event, unit=world.leader_unit)
    for user in (world.member_staff, world.reviewer):
        with pytest.raises(ValidationError, match="không có quyền lập hồ sơ"):
            services.nominations_from_event(event, user)
    assert len(services.nominations_from_event(event, world.clerk)) == 1


def test_a_past_events_nominations_are_historical(world):
    old = EventFactory(
        bloc=world.bloc, period_start=2015, period_end=2015, held_on=datetime.date(2015, 12, 18)
    )
    MembershipFactory(bloc_year=BlocYearFactory(bloc=world.bloc, year=2015), unit=world.member_unit)
    ProposalFactory(event=old, unit=world.member_unit)
    [nomination] = services.nominations_from_event(old, world.clerk)
    assert nomination.is_historical and nomination.year == 2015


def test_a_proposal_for_a_unit_outside_the_bloc_that_year_is_refused(world):
    old = EventFactory(
        bloc=world.bloc, period_start=2015, period_end=2015, held_on=datetime.date(2015, 12, 18)
    )
    ProposalFactory(event=old, unit=world.member_unit)  # a member in 2025, not in 2015
    with pytest.raises(ValidationError, match="không phải đơn vị thành viên của khối"):
        services.nominations_from_event(old, world.clerk)
    assert not old.nominations.exists()


def test_event_panel_shows_the_proposals_and_their_public_outcome(world, event, rf):
    proposal = ProposalFactory(event=event, unit=world.leader_unit)
    [nomination] = services.nominations_from_event(event, world.clerk)
    nomination.status = Status.RECOMMENDED
    nomination.save()
    services.grant(nomination, world.reviewer, DecisionFactory(document__number="7/QĐ-BKHCN"))
    [panel] = [p for p in panels_for("event", event, rf.get("/")) if "proposals" in p.template]
    html = render(panel)
    assert "Cờ thi đua của Bộ" in html and proposal.unit.name in html
    assert "7/QĐ-BKHCN" in html


def test_event_panel_is_hidden_while_the_event_is_not_public(world, event):
    event.is_published = False
    event.published_at = None
    event.save()
    ProposalFactory(event=event)
    assert panels.event_proposals_panel(event, None) is None


@pytest.mark.parametrize("n", [2, 20])
def test_event_panel_runs_constant_queries(world, event, n, django_assert_max_num_queries):
    for i in range(n):
        ProposalFactory(event=event, unit=UnitFactory(), order=i)
    with django_assert_max_num_queries(3):
        panel = panels.event_proposals_panel(event, None)
        html = render(panel)
    assert html.count("<tr>") == n + 1


def test_unit_panel_shows_public_awards_with_revoked_ones_marked(world):
    unit = world.member_unit
    UnitNameFactory(unit=unit, name="Cục Tên Cũ", valid_from=2000, valid_until=2014)
    AwardFactory(unit=unit, year=2012, prize_rank="Hạng Nhì")
    kept = AwardFactory(unit=unit, year=2020, award_type=award_type("tap-the-lao-dong-xuat-sac"))
    AwardFactory(
        unit=unit, year=2021, decision__is_published=False, award_type=award_type("giay-khen")
    )
    revoked = AwardFactory(unit=unit, year=2022, award_type=award_type("bang-khen-bo-truong"))
    services.revoke(
        revoked,
        world.reviewer,
        "Thành tích kê khai không đúng",
        decision=DecisionFactory(
            kind=DecisionKind.REVOKE, document__issued_on=datetime.date(2026, 2, 1)
        ),
    )
    html = render(panels.unit_awards_panel(unit, None))
    assert kept.award_type.name in html and "Hạng Nhì" in html
    assert "Tên khi được khen: Cục Tên Cũ" in html
    assert "Giấy khen" not in html  # an unpublished decision stays off public pages
    assert "Đã bị thu hồi" in html and "Thành tích kê khai không đúng" in html


@pytest.mark.parametrize("n", [2, 20])
def test_unit_panel_runs_constant_queries(world, n, django_assert_max_num_queries):
    unit = world.member_unit
    for i in range(n):
        AwardFactory(unit=unit, year=2000 + i)
    with django_assert_max_num_queries(2):
        html = render(panels.unit_awards_panel(unit, None))
    assert html.count("<tr") == n + 1


def test_bloc_and_year_panels_point_to_the_proposals_still_waiting(world, event, client):
    ProposalFactory(event=event, unit=world.leader_unit)
    for url in [world.bloc.get_absolute_url(), "/nam/2025/"]:
        page = client.get(url).content.decode()
        assert "Chưa có khen thưởng nào" in page, url
        assert "xem danh sách đề nghị</a>" in page, url
    bloc_page = client.get(world.bloc.get_absolute_url()).content.decode()
    assert f'href="/khen-thuong/?bloc={world.bloc.pk}&amp;status=de-xuat"' in bloc_page
    listed = client.get("/khen-thuong/", {"bloc": world.bloc.pk, "status": "de-xuat"})
    assert world.leader_unit.name in listed.content.decode()


def test_no_dossier_is_drafted_from_an_event_when_a_recipient_already_has_a_live_one(world, event):
    ProposalFactory(event=event, unit=world.leader_unit, order=1)
    ProposalFactory(event=event, unit=world.member_unit, order=2)
    typed_in = NominationFactory(
        award_type=award_type("co-thi-dua-bo"), unit=world.member_unit, bloc=world.bloc, year=2025
    )
    with pytest.raises(ValidationError, match=f"hồ sơ số {typed_in.pk}"):
        services.nominations_from_event(event, world.clerk)
    assert list(Nomination.objects.values_list("pk", flat=True)) == [typed_in.pk]  # none drafted
    typed_in.status = Status.WITHDRAWN
    typed_in.save()
    assert len(services.nominations_from_event(event, world.clerk)) == 2
