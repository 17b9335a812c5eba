"""A revocation takes effect for the public only once its revoking decision is published: until
then every public surface shows the award as granted, with no trace of the revoking decision,
while the staff pages show the revocation as it stands. Publishing the decision (or taking it
back) moves the public pages, the cached pages and the kept counts with it."""

import csv
import datetime
import io
import json

import pytest
from django.db.models import Sum
from django.urls import reverse

from awards import services
from awards.models import Award, AwardTally, AwardTypeTally, DecisionKind, Status
from tests.factories import DecisionFactory, DocumentFactory

pytestmark = pytest.mark.django_db

NUMBER = "9/QĐ-BKHCN"
REASON = "Kê khai thành tích không đúng sự thật"
# The revoking decision's number, date and reason, and the mark of a revoked row on a page.
TRACES = [NUMBER, REASON, "02/03/2026", "2026-03-02", "award-revoked"]


@pytest.fixture
def revoked(world, nominate, django_capture_on_commit_callbacks):
    """A ministry flag of 2025 granted by a published decision, then revoked by a decision not
    yet published (the tallies rebuilt as on a real commit)."""
    with django_capture_on_commit_callbacks(execute=True):
        nomination = nominate(status=Status.RECOMMENDED, unit=world.member_unit)
        granting = DecisionFactory(
            document=DocumentFactory(
                kind="quyet_dinh", number="77/QĐ-BKHCN", issued_on=datetime.date(2026, 1, 20)
            )
        )
        award = services.grant(nomination, world.reviewer, granting)
        revoking = DecisionFactory(
            kind=DecisionKind.REVOKE,
            is_published=False,
            document=DocumentFactory(
                kind="quyet_dinh", number=NUMBER, issued_on=datetime.date(2026, 3, 2)
            ),
        )
        services.revoke(award, world.reviewer, REASON, decision=revoking)
    award = Award.objects.select_related("revoked_by", "nomination").get(pk=award.pk)
    assert award.is_revoked and award.nomination.status == Status.REVOKED
    return award


def publish(decision, django_capture_on_commit_callbacks, published=True):
    with django_capture_on_commit_callbacks(execute=True):
        decision.is_published = published
        decision.save()


def assert_no_trace(text):
    for trace in TRACES:
        assert trace not in text, trace


def stream(response):
    return b"".join(response.streaming_content).decode("utf-8")


def api_award(client, award):
    return client.get(f"/api/v1/awards/{award.pk}/").json()


def open_data_rows(client, award):
    text = stream(client.get("/du-lieu-mo/khen-thuong.csv"))
    csv_row = next(r for r in csv.DictReader(io.StringIO(text[1:])) if r["id"] == str(award.pk))
    records = json.loads(stream(client.get("/du-lieu-mo/khen-thuong.json")))["records"]
    json_row = next(r for r in records if r["id"] == award.pk)
    return text, csv_row, json_row


def listed(client, **params):
    return client.get(reverse("awards:list"), params).content.decode()


def counted(client, year=2025):
    """The award type's count: kept tallies (both tables) and the public statistics page."""
    kept = AwardTally.objects.filter(year=year).aggregate(n=Sum("count"))["n"] or 0
    summed = AwardTypeTally.objects.filter(year=year).aggregate(n=Sum("count"))["n"] or 0
    sections = client.get("/thong-ke/").context["sections"]
    by_type = next(table for table, _chart in sections if table.key == "theo-loai")
    shown = sum(row[-1] for row in by_type.rows)
    return kept, summed, shown


def test_the_api_shows_the_award_as_granted_until_the_revocation_is_published(
    client, revoked, django_capture_on_commit_callbacks
):
    data = api_award(client, revoked)
    assert (data["revoked"], data["revoked_by"], data["revocation_reason"]) == (False, None, "")
    assert client.get("/api/v1/awards/", {"status": "thu-hoi"}).json()["results"] == []
    granted = client.get("/api/v1/awards/", {"status": "khen-thuong"}).json()["results"]
    assert [a["id"] for a in granted] == [revoked.pk]
    assert client.get(f"/api/v1/decisions/{revoked.revoked_by_id}/").status_code == 404

    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    data = api_award(client, revoked)
    assert (data["revoked"], data["revoked_by"]) == (True, revoked.revoked_by_id)
    assert data["revocation_reason"] == REASON
    revoked_list = client.get("/api/v1/awards/", {"status": "thu-hoi"}).json()["results"]
    assert [a["id"] for a in revoked_list] == [revoked.pk]


def test_the_open_data_rows_show_no_revocation_until_it_is_published(
    client, revoked, django_capture_on_commit_callbacks
):
    text, csv_row, json_row = open_data_rows(client, revoked)
    assert_no_trace(text)
    assert (csv_row["thu_hoi"], csv_row["quyet_dinh_thu_hoi"], csv_row["ly_do_thu_hoi"]) == (
        "0",
        "",
        "",
    )
    assert (json_row["thu_hoi"], json_row["quyet_dinh_thu_hoi"], json_row["ly_do_thu_hoi"]) == (
        0,
        "",
        "",
    )

    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    _text, csv_row, json_row = open_data_rows(client, revoked)
    assert (csv_row["thu_hoi"], csv_row["quyet_dinh_thu_hoi"]) == ("1", NUMBER)
    assert (json_row["thu_hoi"], json_row["quyet_dinh_thu_hoi"]) == (1, NUMBER)
    assert json_row["ly_do_thu_hoi"] == csv_row["ly_do_thu_hoi"] == REASON


def test_the_public_list_and_its_export_show_no_revocation_until_it_is_published(
    client, revoked, django_capture_on_commit_callbacks
):
    row = reverse("awards:verify", args=[revoked.verification_code])  # each row links to it
    assert row not in listed(client, status="thu-hoi")
    page = listed(client, status="khen-thuong")
    assert row in page and "77/QĐ-BKHCN" in page
    assert_no_trace(page)
    assert_no_trace(listed(client))
    exported = stream(client.get(reverse("awards:export_csv")))
    assert revoked.unit.name in exported and "Đã khen thưởng" in exported
    assert_no_trace(exported)
    assert "Đã bị thu hồi" not in exported

    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    page = listed(client, status="thu-hoi")
    assert row in page
    assert f"Thu hồi theo Quyết định số {NUMBER} ngày 02/03/2026: {REASON}" in page
    assert row not in listed(client, status="khen-thuong")


def test_the_other_public_pages_show_no_revocation_until_it_is_published(
    client, world, revoked, django_capture_on_commit_callbacks
):
    pages = [
        revoked.decision.get_absolute_url(),  # the granting decision's page
        world.member_unit.get_absolute_url(),  # the recipient's history
        world.bloc.get_absolute_url(),  # the bloc's awards
        "/nam/2025/",  # the year's awards
    ]
    for url in pages:
        text = client.get(url).content.decode()
        assert "77/QĐ-BKHCN" in text, url
        assert_no_trace(text)

    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    for url in pages:
        assert "award-revoked" in client.get(url).content.decode(), url
    history = client.get(world.member_unit.get_absolute_url()).content.decode()
    assert f"theo Quyết định số {NUMBER} ngày 02/03/2026: {REASON}" in history


def test_the_verification_page_shows_the_award_as_recorded_until_the_revocation_is_published(
    client, revoked, django_capture_on_commit_callbacks
):
    url = reverse("awards:verify", args=[revoked.verification_code])
    text = client.get(url).content.decode()
    assert "Số 77/QĐ-BKHCN ngày 20/01/2026" in text
    assert "đang có hiệu lực theo các quyết định đã công bố" in text
    assert_no_trace(text)
    assert "thu hồi" not in text

    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    text = client.get(url).content.decode()
    assert f"Khen thưởng này đã bị thu hồi</strong> theo Quyết định số {NUMBER}" in text
    assert f"Số {NUMBER} ngày 02/03/2026" in text
    assert "đang có hiệu lực" not in text


def test_the_statistics_count_the_award_until_the_revocation_is_published(
    client, revoked, django_capture_on_commit_callbacks
):
    assert counted(client) == (1, 1, 1)
    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    assert counted(client) == (0, 0, 0)
    # Taken back (unpublished), the revocation leaves the public again, and the count follows.
    publish(revoked.revoked_by, django_capture_on_commit_callbacks, published=False)
    assert counted(client) == (1, 1, 1)
    assert api_award(client, revoked)["revoked"] is False


def test_publishing_the_revocation_renews_the_cached_public_pages(
    client, settings, revoked, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    verify = reverse("awards:verify", args=[revoked.verification_code])
    for url in [verify, "/thong-ke/"]:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    page = client.get(verify)
    assert page["X-Page-Cache"] == "miss" and NUMBER in page.content.decode()
    assert client.get("/thong-ke/")["X-Page-Cache"] == "miss"


def test_the_staff_pages_show_the_revocation_before_it_is_published(client, world, revoked):
    client.force_login(world.reviewer)
    queue = client.get(reverse("awards:queue"), {"status": Status.REVOKED}).content.decode()
    assert revoked.unit.name in queue and "Đã bị thu hồi" in queue
    dossier = client.get(reverse("awards:detail", args=[revoked.nomination_id])).content.decode()
    assert "đã bị thu hồi" in dossier

    client.force_login(world.admin)
    change = reverse("admin:awards_award_change", args=[revoked.pk])
    text = client.get(change).content.decode()
    assert REASON in text and NUMBER in text
    changelist = client.get(reverse("admin:awards_award_changelist")).content.decode()
    assert 'class="field-revoked"><img src="/static/admin/img/icon-yes.svg"' in changelist


def test_the_query_rule_and_the_record_rule_agree(revoked, django_capture_on_commit_callbacks):
    def both():
        award = Award.objects.select_related("revoked_by").get(pk=revoked.pk)
        return (
            award.public_revocation is not None,
            Award.objects.publicly_revoked().filter(pk=revoked.pk).exists(),
            not Award.objects.publicly_in_effect().filter(pk=revoked.pk).exists(),
        )

    assert both() == (False, False, False)
    assert not Award.objects.in_effect().filter(pk=revoked.pk).exists()  # staff: revoked
    publish(revoked.revoked_by, django_capture_on_commit_callbacks)
    assert both() == (True, True, True)
