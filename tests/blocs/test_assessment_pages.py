"""Issue 16: the assessment's staff pages (who may see and do what), the public bloc page after
release, bad input on the scoring page (a Vietnamese message, no 500, nothing saved) and query
counts that stay constant as the bloc grows."""

from unittest import mock

import pytest
from django.db import IntegrityError
from django.urls import reverse

from blocs.assessments import services
from blocs.models import Assessment, BallotSubject
from tests.factories import UnitFactory, assessment_world
from thidua import roles

pytestmark = pytest.mark.django_db

ROLES = ["clerk", "second", "leader", "bloc_secretary", "other_leader", "reviewer", "admin"]


@pytest.fixture
def world(make_user):
    bloc_year, units, items = assessment_world(members=3, items=2)
    other = assessment_world(members=1, items=1, year=2024)[0]
    people = {
        "clerk": make_user(roles.SECRETARIAT),
        "second": make_user(roles.SECRETARIAT),
        "leader": make_user(roles.BLOC_LEADER, unit=units[0]),
        "bloc_secretary": make_user(roles.BLOC_SECRETARIAT, unit=units[0]),
        "other_leader": make_user(roles.BLOC_LEADER, unit=other.memberships.get().unit),
        "reviewer": make_user(roles.REVIEWER, unit=UnitFactory()),
        "admin": make_user(roles.ADMINISTRATOR),
    }
    return bloc_year, units, items, people


def urls(bloc_year, version=None):
    slug, year = bloc_year.bloc.slug, bloc_year.year
    pages = {
        "index": reverse("blocs:assessments"),
        "bloc_year": reverse("blocs:assessment_bloc_year", args=[slug, year]),
        "enter": reverse("blocs:assessment_enter", args=[slug, year]),
    }
    if version is not None:
        pages["detail"] = reverse("blocs:assessment", args=[version.pk])
        pages["confirm"] = reverse("blocs:assessment_action", args=[version.pk, "xac-nhan"])
        pages["release"] = reverse("blocs:assessment_action", args=[version.pk, "cong-bo"])
    return pages


def simple_entry(units, items, value="5"):
    return services.Entry(
        scores={(u.pk, i.pk): (value, value, "") for u in units for i in items},
        ballots={"issued": "3", "returned": "3", "valid": "3", "invalid": "0"},
        votes={(BallotSubject.LEADING, units[0].pk): "2"},
    )


# Who may open which page (GET): True = 200, False = 403.
MATRIX = {
    "clerk": {"index", "bloc_year", "enter", "detail", "confirm_refused_state", "release"},
    "second": {"index", "bloc_year", "enter", "detail", "confirm", "release"},
    "leader": {"index", "bloc_year", "enter", "detail", "confirm"},
    "bloc_secretary": {"index", "bloc_year", "enter", "detail", "confirm"},
    "other_leader": {"index"},
    "reviewer": {"index", "bloc_year", "detail"},
    "admin": {"index", "bloc_year", "enter", "detail", "confirm", "release"},
}


def test_permission_matrix_of_every_page_and_step(client, world):
    bloc_year, units, items, people = world
    version = services.enter(bloc_year, people["clerk"], simple_entry(units, items))
    pages = urls(bloc_year, version)
    for role in ROLES:
        client.force_login(people[role])
        allowed = MATRIX[role]
        for name, url in pages.items():
            response = client.get(url)
            if name == "confirm" and "confirm_refused_state" in allowed:
                # The enterer sees the page with the reason, never a button that would fail.
                assert response.status_code == 200
                assert "Người xác nhận phải khác người nhập" in response.content.decode()
                continue
            expected = 200 if name in allowed else 403
            assert response.status_code == expected, (role, name, response.status_code)
            if expected == 403:
                assert "bình xét" in response.content.decode()
    client.logout()
    assert client.get(pages["index"]).status_code == 302  # the login page


def test_the_navigation_links_the_assessments_for_those_who_may_see_them(client, world):
    _, _, _, people = world
    client.force_login(people["leader"])
    assert "Bình xét</a>" in client.get(reverse("awards:list")).content.decode()
    client.force_login(people["other_leader"])
    page = client.get(reverse("blocs:assessments")).content.decode()
    assert "Bình xét</a>" in page and "Chưa có khối – năm nào" not in page
    client.logout()
    assert "Bình xét</a>" not in client.get(reverse("awards:list")).content.decode()


def post_scores(client, bloc_year, units, items, **overrides):
    data = {
        "held_on": "20/12/2024",
        "source": "Biên bản họp bình xét",
        "ballots_issued": "3",
        "ballots_returned": "3",
        "ballots_valid": "3",
        "ballots_invalid": "0",
    }
    for u in units:
        for i in items:
            data[services.score_field("s", u.pk, i.pk)] = "7"
            data[services.score_field("a", u.pk, i.pk)] = "6.5"
    data[services.vote_field(BallotSubject.LEADING, units[0].pk)] = "3"
    data.update(overrides)
    return client.post(urls(bloc_year)["enter"], data)


def test_enter_confirm_release_and_the_public_page(client, world):
    bloc_year, units, items, people = world
    client.force_login(people["leader"])
    response = post_scores(client, bloc_year, units, items)
    version = Assessment.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == urls(bloc_year, version)["detail"]
    )
    assert version.scores.count() == 6 and version.entered_by == people["leader"]
    public = reverse("blocs:bloc", args=[bloc_year.bloc.slug])
    client.logout()
    assert "Kết quả bình xét năm" not in client.get(public).content.decode()
    client.force_login(people["bloc_secretary"])
    response = client.post(urls(bloc_year, version)["confirm"], {"confirm": "on"})
    assert response.status_code == 302
    client.logout()
    page = client.get(public).content.decode()
    assert "Kết quả bình xét năm" not in page and "Dẫn đầu khối" not in page  # not released
    client.force_login(people["clerk"])
    client.post(urls(bloc_year, version)["release"], {"confirm": "on"})
    client.logout()
    page = client.get(public).content.decode()
    assert "Kết quả bình xét năm 2024" in page
    assert "Tập thể dẫn đầu khối:" in page and units[0].name in page
    assert "100,00%" in page  # 3 of 3 valid ballots for leading the bloc (Vietnamese comma)
    assert "Tự chấm" not in page  # score details only if the bloc-year allows
    bloc_year.criteria_sheet.show_score_details = True
    bloc_year.criteria_sheet.save()
    assert "Tự chấm" in client.get(public).content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"a_{u}_{i}": "10.5"}, "vượt điểm tối đa 10"),
        ({"v_dan_dau_{u}": "4"}, "không được lớn hơn số phiếu hợp lệ (3)"),
        ({"ballots_invalid": "1"}, "phải bằng số phiếu thu về"),
        ({"ballots_returned": "4", "ballots_valid": "4"}, "không được lớn hơn số phiếu phát ra"),
        ({"s_{u}_{i}": "abc"}, "không phải là số"),
        ({"held_on": "31/02/2024"}, "Ngày họp bình xét"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field_and_nothing_saved(
    client, world, overrides, message
):
    bloc_year, units, items, people = world
    client.force_login(people["clerk"])
    u, i = units[1].pk, items[0].pk
    data = {k.format(u=u, i=i): v for k, v in overrides.items()}
    response = post_scores(client, bloc_year, units, items, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Assessment.objects.count() == 0


def test_confirming_ones_own_entry_or_a_confirmed_result_is_refused_on_the_page(client, world):
    bloc_year, units, items, people = world
    version = services.enter(bloc_year, people["clerk"], simple_entry(units, items))
    client.force_login(people["clerk"])
    page = client.post(urls(bloc_year, version)["confirm"], {"confirm": "on"}).content.decode()
    assert "Người xác nhận phải khác người nhập" in page
    services.confirm(version, people["second"])
    client.force_login(people["leader"])
    response = post_scores(client, bloc_year, units, items)
    assert response.status_code == 200
    assert "đã được xác nhận, không thay đổi được nữa" in response.content.decode()
    assert Assessment.objects.count() == 1


def test_a_lost_race_is_a_vietnamese_message_not_a_500(client, world):
    bloc_year, units, items, people = world
    version = services.enter(bloc_year, people["clerk"], simple_entry(units, items))
    client.force_login(people["second"])
    error = IntegrityError(
        'duplicate key value violates unique constraint "assessment_one_confirmed"'
    )
    with mock.patch("blocs.assessments.services.set_leading_units", side_effect=error):
        response = client.post(urls(bloc_year, version)["confirm"], {"confirm": "on"})
    assert response.status_code == 200
    assert "chỉ một phiên bản được xác nhận" in response.content.decode()
    version.refresh_from_db()
    assert version.confirmed_by is None


def test_criteria_copy_from_the_template_on_the_page(client, world):
    _, _, _, people = world
    bloc_year = assessment_world(members=1, items=0, year=2023, groups=1)[0]
    bloc_year.criteria_sheet.groups.all().delete()
    client.force_login(people["clerk"])
    response = client.post(urls(bloc_year)["bloc_year"], {"source": "template"})
    assert response.status_code == 302
    assert bloc_year.criteria_sheet.items.count() == 11


def test_nominations_from_the_confirmed_result_in_one_step(client, world):
    bloc_year, units, items, people = world
    entry = simple_entry(units, items)
    entry.votes[(BallotSubject.MINISTRY_FLAG, units[1].pk)] = "3"
    version = services.enter(bloc_year, people["clerk"], entry)
    services.confirm(version, people["second"])
    client.force_login(people["leader"])
    page = client.get(urls(bloc_year)["bloc_year"]).content.decode()
    url = reverse("awards:from_assessment", args=[version.pk])
    assert url in page
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    assert version.bloc_year.bloc.nominations.get().unit == units[1]


@pytest.mark.parametrize("members", [2, 20])
def test_scoring_and_ranking_pages_run_a_constant_number_of_queries(
    client, make_user, django_assert_max_num_queries, members
):
    bloc_year, units, items = assessment_world(members=members, items=6)
    clerk, second = make_user(roles.SECRETARIAT), make_user(roles.SECRETARIAT)
    version = services.enter(bloc_year, clerk, simple_entry(units, items))
    services.confirm(version, second)
    services.release(version, clerk)
    pages = urls(bloc_year, version)
    client.force_login(second)
    client.get(pages["index"])  # the session and the groups cached
    with django_assert_max_num_queries(14):
        assert client.get(pages["enter"]).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(pages["detail"]).status_code == 200
    client.logout()
    with django_assert_max_num_queries(16):
        assert client.get(reverse("blocs:bloc", args=[bloc_year.bloc.slug])).status_code == 200


def test_the_benchmark_reports_both_pages_against_the_floor(db, capsys):
    from django.core.management import call_command

    call_command("bench_assessment", "--units=3", "--items=2", "--repeat=1", "--warmup=0")
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("bench_assessment: floor_p50_ms=")
    assert "scoring_over_floor=" in line and "ranking_over_floor=" in line
    assert Assessment.objects.count() == 0  # rolled back


def test_release_renews_the_public_page_cache(world):
    from thidua import cache as page_cache

    bloc_year, units, items, people = world
    version = services.enter(bloc_year, people["clerk"], simple_entry(units, items))
    services.confirm(version, people["second"])
    before = page_cache.public_version()
    services.release(version, people["clerk"])
    assert page_cache.public_version() != before
