"""Numbers and dates on the staff pages, as a user types them: "1.000" is a thousand (the dot
groups thousands in Vietnamese), "1.5" is refused with the rule under its field instead of being
cut to 1, and a day missing from the calendar is called that."""

import re

import pytest
from django.urls import reverse

from awards.models import Nomination, Status
from blocs.models import Document
from tests.factories import award_type
from thidua.form_fields import WHOLE_NUMBER_MESSAGE

from .pages_world import fast_passwords, submit  # noqa: F401

pytestmark = pytest.mark.django_db


def error_under(html, name):
    """The messages of the error list that follows the input `name` on the page."""
    match = re.search(rf'name="{name}"[^>]*>.*?<ul class="errorlist">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match[1]) if match else []


def nomination_data(**votes):
    return {
        "award_type": award_type("co-thi-dua-bo").pk,
        "unit": "",
        "achievements": "Dẫn đầu khối.",
        **votes,
    }


def test_bloc_votes_typed_with_thousands_dots_are_saved_as_thousands(client, world):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    html = client.get(url).content.decode()
    # A text input: a browser number input would itself refuse "1.000".
    assert re.search(r'<input type="text" name="bloc_votes_for"[^>]*inputmode="numeric"', html)
    data = nomination_data(bloc_votes_for="1.000", bloc_votes_total="\xa01.200 ")
    response = submit(client, url, {**data, "unit": world.leader_unit.pk})
    assert response.status_code == 302, response.content.decode()
    nomination = Nomination.objects.get()
    assert (nomination.bloc_votes_for, nomination.bloc_votes_total) == (1000, 1200)


@pytest.mark.parametrize("typed", ["1.5", "1,5", "1.0", "15.00", "1.00.000", "1 000"])
def test_a_vote_count_with_a_decimal_part_is_refused_under_its_field(client, world, typed):
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    data = nomination_data(bloc_votes_for=typed, bloc_votes_total="12")
    response = submit(client, url, {**data, "unit": world.leader_unit.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert error_under(html, "bloc_votes_for") == [WHOLE_NUMBER_MESSAGE]
    assert error_under(html, "bloc_votes_total") == []
    assert not Nomination.objects.exists()


def test_a_saved_vote_count_is_shown_as_plain_digits_and_saved_again_unchanged(
    client, world, nominate
):
    nomination = nominate(bloc_votes_for=1000, bloc_votes_total=1200)
    client.force_login(world.leader)
    url = reverse("awards:edit", args=[nomination.pk])
    html = client.get(url).content.decode()
    assert re.search(r'name="bloc_votes_for" value="1000"', html)
    data = nomination_data(bloc_votes_for="1000", bloc_votes_total="1200")
    response = submit(client, url, {**data, "unit": world.leader_unit.pk})
    assert response.status_code == 302, response.content.decode()
    nomination.refresh_from_db()
    assert (nomination.bloc_votes_for, nomination.bloc_votes_total) == (1000, 1200)


def vote(client, nomination, **typed):
    url = reverse("awards:review_action", args=[nomination.pk, "bo-phieu"])
    data = {"confirm": "on", "held_on": "10/01/2026", "votes_against": "0", **typed}
    return submit(client, url, data)


def test_council_votes_typed_with_thousands_dots_are_read_as_thousands(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    response = vote(client, nomination, votes_for="1.000", present="1.000", council_size="1.200")
    assert response.status_code == 302, response.content.decode()
    recorded = nomination.council_votes.get()
    assert (recorded.votes_for, recorded.present, recorded.council_size) == (1000, 1000, 1200)


def test_council_votes_with_a_decimal_part_are_refused_not_cut(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    response = vote(client, nomination, votes_for="9", present="10.0", council_size="11")
    assert response.status_code == 200
    assert error_under(response.content.decode(), "present") == [WHOLE_NUMBER_MESSAGE]
    assert nomination.council_votes.count() == 0


@pytest.mark.parametrize("typed", ["31/02/2016", "29/02/2015", "31/04/2016", "2016-02-30"])
def test_a_day_missing_from_the_calendar_is_called_that(client, world, nominate, typed):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    response = vote(
        client, nomination, held_on=typed, votes_for="9", present="10", council_size="11"
    )
    assert response.status_code == 200
    day = "30/02/2016" if typed == "2016-02-30" else typed
    assert error_under(response.content.decode(), "held_on") == [f"Ngày {day} không có trong lịch."]
    assert nomination.council_votes.count() == 0


def test_a_month_first_date_still_gets_the_format_message(client, world, nominate):
    nomination = nominate(status=Status.IN_REVIEW)
    client.force_login(world.reviewer)
    response = vote(
        client, nomination, held_on="02/31/2016", votes_for="9", present="10", council_size="11"
    )
    assert error_under(response.content.decode(), "held_on") == [
        "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2021."
    ]


def test_the_decision_number_allows_what_the_document_keeps(client, world, nominate):
    nomination = nominate(status=Status.RECOMMENDED)
    client.force_login(world.reviewer)
    url = reverse("awards:review_action", args=[nomination.pk, "quyet-dinh"])
    html = client.get(url).content.decode()
    longest = Document._meta.get_field("number").max_length
    assert re.search(rf'<input type="text" name="number" maxlength="{longest}"', html)
    data = {"confirm": "on", "issued_on": "20/01/2026", "signer_name": "Người ký thử nghiệm"}
    response = submit(client, url, {**data, "number": "9" * (longest + 1)})
    assert response.status_code == 200
    # Refused by the form, under the field, with the model's limit.
    assert error_under(response.content.decode(), "number") == [
        f"Giá trị này chỉ có tối đa {longest} kí tự (hiện có {longest + 1})"
    ]
