import datetime
import io

import pytest
from django.core.management import call_command

from awards import eligibility, services
from awards.models import Nomination, Proposal, Status, Transition
from units.models import User

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo", stdout=io.StringIO())


def snapshot():
    return (
        sorted(Proposal.objects.values_list("event_id", "order", "award_type__slug", "unit__slug")),
        sorted(Nomination.objects.values_list("pk", "status", "year")),
        Transition.objects.count(),
    )


def test_demo_is_idempotent_and_records_seed_001_proposals():
    load()
    first = snapshot()
    load()
    assert snapshot() == first
    proposals = Proposal.objects.filter(event__held_on__year=2015).order_by("order")
    assert [(p.award_type.slug, p.unit.slug) for p in proposals] == [
        ("co-thi-dua-bo", "cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn"),
        ("co-thi-dua-bo", "cuc-thong-tin-khcn-quoc-gia"),
        ("co-thi-dua-bo", "cuc-ung-dung-va-phat-trien-cong-nghe"),
        ("co-thi-dua-chinh-phu", "cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn"),
    ]
    assert all(p.nomination.is_historical for p in proposals)


def seed_nominations():
    return Nomination.objects.filter(year=2015).select_related("award_type", "unit")


def test_seed_proposals_wait_as_drafts_for_the_2015_leader():
    load()
    assert {n.status for n in seed_nominations()} == {Status.DRAFT}
    assert not Nomination.objects.exclude(year=2015).exists()  # nothing invented


def test_2015_three_ministry_flags_are_accepted_with_a_visible_note():
    load()
    leader = User.objects.get(username="khoitruong")
    flags = seed_nominations().filter(award_type__slug="co-thi-dua-bo").order_by("proposal__order")
    for nomination in flags:
        services.submit(nomination, leader)
    checks = eligibility.check(flags.get(unit__slug="cuc-thong-tin-khcn-quoc-gia"))
    notes = [c for c in checks if c.label == "Ghi chú"]
    assert any("tối đa 1" in c.message and "Điều 26" in c.message for c in notes)
    assert all("được chấp nhận" in c.message for c in notes)
    assert not [
        c for c in checks if c.blocks(eligibility.RECOMMEND) or c.blocks(eligibility.SUBMIT)
    ]


def test_demo_accounts_walk_a_seed_nomination_through_the_whole_workflow():
    load()
    nomination = seed_nominations().get(
        award_type__slug="co-thi-dua-bo",
        unit__slug="cuc-phat-trien-thi-truong-va-doanh-nghiep-khcn",
    )
    leader = User.objects.get(username="khoitruong")
    reviewer = User.objects.get(username="tdkt")
    services.submit(nomination, leader)
    services.start_review(nomination, reviewer)
    services.return_(nomination, reviewer, "Bổ sung báo cáo thành tích.")
    services.submit(nomination, leader)
    services.start_review(nomination, reviewer)
    services.recommend(nomination, reviewer)
    services.record_decision(
        reviewer,
        [nomination],
        number="1/QĐ-BKHCN-THU",
        issued_on=datetime.date(2016, 1, 15),
        issuer="Bộ Khoa học và Công nghệ",
        signer_name="Người ký thử nghiệm",
    )
    assert Nomination.objects.get(pk=nomination.pk).status == Status.GRANTED
