"""QA: a version tied for the leading collective is shown as unresolved («cần phân định … rồi
nhập phiên bản mới»), so it cannot be confirmed — confirmed, no new version could settle the tie.
The confirm step's guard says so to the pages (no button, a forced POST refused) and the service
alike; a version with one leading collective is still confirmed."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from blocs.assessments import services, workflow
from blocs.models import Assessment, BallotSubject, BlocYear, CriteriaSheet, LeadingUnit, TieBreak
from tests.factories import assessment_world
from thidua import roles

pytestmark = pytest.mark.django_db

LEAD = BallotSubject.LEADING
REASON = "Chưa thể xác nhận: chưa xác định được tập thể dẫn đầu khối"
TALLY = {"issued": "10", "returned": "10", "valid": "10", "invalid": "0"}


@pytest.fixture
def world(make_user):
    """A ballot-only 2016 bloc-year of 3 members, a clerk who enters and a second person."""
    bloc_year, units, _ = assessment_world(members=3, items=0, year=2016)
    return bloc_year, units, make_user(roles.SECRETARIAT), make_user(roles.SECRETARIAT)


def ballot(bloc_year, clerk, units, first, second):
    votes = {(LEAD, units[0].pk): str(first), (LEAD, units[1].pk): str(second)}
    return services.enter(bloc_year, clerk, services.Entry(ballots=TALLY, votes=votes))


def confirm_url(version):
    return reverse("blocs:assessment_action", args=[version.pk, "xac-nhan"])


def test_a_tied_version_offers_no_confirmation_and_a_forced_post_is_refused(client, world):
    bloc_year, units, clerk, second = world
    version = ballot(bloc_year, clerk, units, 5, 5)
    assert workflow.STEPS["confirm"] not in workflow.offered(version, second)
    client.force_login(second)
    detail = client.get(reverse("blocs:assessment", args=[version.pk])).content.decode()
    assert "Chưa xác định được tập thể dẫn đầu khối" in detail
    assert confirm_url(version) not in detail
    listing = reverse("blocs:assessment_bloc_year", args=[bloc_year.bloc.slug, bloc_year.year])
    assert confirm_url(version) not in client.get(listing).content.decode()
    response = client.post(confirm_url(version), {"confirm": "on"})
    page = response.content.decode()
    assert response.status_code == 200
    assert REASON in page and units[0].name in page and units[1].name in page
    version.refresh_from_db()
    assert version.confirmed_by is None and version.confirmed_at is None
    assert workflow.state(bloc_year) == workflow.ENTERED
    assert not LeadingUnit.objects.filter(bloc_year=bloc_year).exists()


def test_the_service_refuses_a_tie_and_a_new_version_settles_it(client, world):
    bloc_year, units, clerk, second = world
    tied = ballot(bloc_year, clerk, units, 5, 5)
    with pytest.raises(ValidationError, match=REASON):
        services.confirm(tied, second)
    tied.refresh_from_db()
    assert not tied.is_confirmed
    # The tie settled (a new vote), entered as a new version: confirmed on the page.
    settled = ballot(bloc_year, clerk, units, 6, 4)
    assert workflow.STEPS["confirm"] in workflow.offered(settled, second)
    client.force_login(second)
    detail = client.get(reverse("blocs:assessment", args=[settled.pk])).content.decode()
    assert confirm_url(settled) in detail
    response = client.post(confirm_url(settled), {"confirm": "on"})
    assert response.status_code == 302
    settled.refresh_from_db()
    assert settled.confirmed_by == second
    assert list(LeadingUnit.objects.filter(bloc_year=bloc_year).values_list("unit", flat=True)) == [
        units[0].pk
    ]


def test_a_shared_first_place_in_the_scores_is_a_tie_too(make_user):
    bloc_year, units, items = assessment_world(members=2, items=1)
    CriteriaSheet.objects.filter(bloc_year=bloc_year).update(tie_break=TieBreak.SHARED)
    clerk, second = make_user(roles.SECRETARIAT), make_user(roles.SECRETARIAT)
    scores = {(u.pk, items[0].pk): ("5", "5", "") for u in units}
    version = services.enter(bloc_year, clerk, services.Entry(scores=scores))
    with pytest.raises(ValidationError, match=REASON):
        services.confirm(version, second)
    scores[(units[1].pk, items[0].pk)] = ("5", "4", "")
    services.confirm(services.enter(bloc_year, clerk, services.Entry(scores=scores)), second)
    assert workflow.state(bloc_year) == workflow.CONFIRMED


def test_the_enterer_is_still_told_first_that_someone_else_confirms(world):
    bloc_year, units, clerk, _ = world
    version = ballot(bloc_year, clerk, units, 5, 5)
    refusal = workflow.STEPS["confirm"].refusal(version, clerk)
    assert "Người xác nhận phải khác người nhập" in refusal.message


def test_qa_case_on_the_demo_data(client, demo):
    """As reported: thuky enters 10/10/10/0 with 5 + 5 on the 2016 page, the admin confirms."""
    bloc_year = BlocYear.objects.get(bloc__slug="khoi-tong-cuc-cuc-ban-quy", year=2016)
    first, second_unit = [m.unit_id for m in bloc_year.memberships.order_by("order", "pk")[:2]]
    users = get_user_model().objects
    client.force_login(users.get(username="thuky"))
    data = {
        "held_on": "19/12/2016",
        "ballots_issued": "10",
        "ballots_returned": "10",
        "ballots_valid": "10",
        "ballots_invalid": "0",
        services.vote_field(LEAD, first): "5",
        services.vote_field(LEAD, second_unit): "5",
    }
    response = client.post(
        reverse("blocs:assessment_enter", args=[bloc_year.bloc.slug, bloc_year.year]), data
    )
    version = Assessment.objects.get(bloc_year=bloc_year)
    assert response.status_code == 302
    client.force_login(users.get(username="admin"))
    response = client.post(confirm_url(version), {"confirm": "on"})
    assert response.status_code == 200 and REASON in response.content.decode()
    version.refresh_from_db()
    assert not version.is_confirmed
    # Still open: the tie is settled by a new version.
    assert workflow.STEPS["enter"].refusal(bloc_year, users.get(username="thuky")) is None


def test_a_tie_confirmed_before_the_rule_is_never_released(client, world, make_user):
    """A version confirmed while tied (before the confirm guard existed) offers no release, and a
    forced POST or a service call is refused with the reason: the tie never reaches the public."""
    bloc_year, units, clerk, second = world
    tied = ballot(bloc_year, clerk, units, 5, 5)
    Assessment.objects.filter(pk=tied.pk).update(confirmed_by=second, confirmed_at=tied.entered_at)
    tied.refresh_from_db()
    admin = make_user(roles.SECRETARIAT)
    assert workflow.STEPS["release"] not in workflow.offered(tied, admin)
    with pytest.raises(ValidationError, match="Chưa thể công bố: chưa xác định được tập thể"):
        services.release(tied, admin)
    client.force_login(admin)
    response = client.post(reverse("blocs:assessment_action", args=[tied.pk, "cong-bo"]), {})
    assert response.status_code == 200
    assert "Chưa thể công bố" in response.content.decode()
    tied.refresh_from_db()
    assert not tied.is_released
