"""One live dossier per recipient, award type and year, in the database too (awards 0025): the
partial unique constraints refuse a second live dossier however it is written; a withdrawn or
refused one leaves room; a step that would revive an ended dossier is refused by name; a save that
got past the services' check (a race) is answered in Vietnamese on every path (service, form
page, Excel import, admin), never a 500; the migration's check lists the dossiers that already
break the rule; the demo and synthetic data never make a duplicate."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from awards import services, workflow
from awards.imports import ProposalImporter
from awards.management.commands.bench_imports import _workbook
from awards.models import LIVE_DOSSIER_CONSTRAINTS, Nomination, Status, Transition
from tests.factories import (
    BlocFactory,
    NominationFactory,
    PersonFactory,
    award_type,
    synthetic_dataset,
)
from tests.threads import together
from thidua.imports import run

from .pages_world import submit

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("awards.migrations.0025_one_live_dossier_per_recipient")
RULE = "một thành tích không khen thưởng hai lần"
FORMSETS = {
    f"{prefix}-{key}": 0
    for prefix in ("transitions", "council_votes", "overrides")
    for key in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def same_key(nomination, **fields):
    """An unsaved dossier for the same recipient, award type and year as `nomination`."""
    return Nomination(
        award_type=nomination.award_type,
        year=nomination.year,
        unit=nomination.unit,
        person=nomination.person,
        bloc=nomination.bloc,
        **fields,
    )


# --- the database -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.GRANTED, Status.REVOKED])
def test_the_database_refuses_a_second_live_dossier_for_a_unit(status):
    first = NominationFactory(status=Status.SUBMITTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        same_key(first, status=status).save()
    # Another award type, another year, another unit: other dossiers.
    NominationFactory(
        unit=first.unit, year=first.year, award_type=award_type("tap-the-lao-dong-xuat-sac")
    )
    NominationFactory(unit=first.unit, year=first.year + 1, award_type=first.award_type)
    NominationFactory(year=first.year, award_type=first.award_type)
    assert Nomination.objects.count() == 4


def test_the_database_refuses_a_second_live_dossier_for_a_person():
    kind = award_type("chien-si-thi-dua-co-so")
    first = NominationFactory(unit=None, person=PersonFactory(), award_type=kind)
    with pytest.raises(IntegrityError), transaction.atomic():
        same_key(first, status=Status.IN_REVIEW).save()
    NominationFactory(unit=None, person=PersonFactory(), award_type=kind)  # another person
    assert Nomination.objects.filter(person=first.person).count() == 1


@pytest.mark.parametrize("ended", [Status.WITHDRAWN, Status.REJECTED])
def test_an_ended_dossier_does_not_block_a_new_one(world, ended):
    person = PersonFactory()
    for recipient in ({"unit": world.leader_unit}, {"unit": None, "person": person}):
        kind = award_type("co-thi-dua-bo" if "person" not in recipient else "lao-dong-tien-tien")
        NominationFactory(award_type=kind, year=2024, status=ended, **recipient)
        NominationFactory(award_type=kind, year=2024, status=ended, **recipient)  # ended twice
        live = NominationFactory(award_type=kind, year=2024, **recipient)
        assert live.pk
        with pytest.raises(IntegrityError), transaction.atomic():
            NominationFactory(award_type=kind, year=2024, **recipient)
    assert Nomination.objects.exclude(status=ended).count() == 2


def test_full_clean_leaves_the_rule_to_the_services(world, nominate):
    """Validating a form does not query the rule a second time nor answer before the services
    (which name the other dossier)."""
    first = nominate()
    same_key(first).full_clean()


# --- a step that would revive an ended dossier ---------------------------------------------------

REOPEN = workflow.Step(
    "reopen",
    "mo-lai",
    "Mở lại hồ sơ",
    "mở lại hồ sơ",
    (Status.WITHDRAWN, Status.REJECTED),
    Status.DRAFT,
    "awards.submit_nomination",
    workflow.BLOC,
    "reopen",
)


@pytest.fixture
def reopen(monkeypatch):
    """A step bringing a withdrawn or refused dossier back to draft. The registry has none today;
    one added later must keep the rule."""
    monkeypatch.setitem(workflow.STEPS, REOPEN.name, REOPEN)
    monkeypatch.setitem(workflow.BY_SLUG, REOPEN.slug, REOPEN)

    def service(nomination, actor, reason=""):
        return services._transition(nomination, actor, REOPEN.name, reason=reason)

    monkeypatch.setattr(services, "reopen", service, raising=False)
    return REOPEN


def test_reviving_an_ended_dossier_while_a_live_one_stands_is_refused(
    client, world, nominate, reopen
):
    ended = nominate(status=Status.WITHDRAWN)
    standing = nominate(status=Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.reopen(ended, world.leader)
    message = " ".join(error.value.messages)
    assert message.startswith("Không thể mở lại hồ sơ: tập thể «Cục Khối Trưởng» đã có hồ sơ số")
    assert f"hồ sơ số {standing.pk} (trạng thái «Đã gửi»)" in message and RULE in message
    assert Nomination.objects.get(pk=ended.pk).status == Status.WITHDRAWN
    assert not Transition.objects.filter(nomination=ended, action="reopen").exists()
    # The page neither offers it nor fails: it says why.
    client.force_login(world.leader)
    detail = client.get(reverse("awards:detail", args=[ended.pk])).content.decode()
    assert reopen.url(ended) not in detail
    response = submit(client, reopen.url(ended), {"confirm": "on"})
    assert response.status_code == 200
    assert f"hồ sơ số {standing.pk}" in response.content.decode()
    # Once the other has ended, this one comes back.
    services.withdraw(standing, world.leader, "Lập lại hồ sơ đã rút")
    services.reopen(Nomination.objects.get(pk=ended.pk), world.leader)
    assert Nomination.objects.get(pk=ended.pk).status == Status.DRAFT


def test_a_revival_past_the_check_is_refused_by_the_database_in_vietnamese(
    world, nominate, reopen, monkeypatch
):
    ended = nominate(status=Status.REJECTED)
    standing = nominate()
    # As if the step did not know it revives (no lock, no check): only the database refuses.
    monkeypatch.setattr(workflow.Step, "revives", lambda self, nomination: False)
    with pytest.raises(ValidationError) as error:
        services.reopen(ended, world.leader)
    message = " ".join(error.value.messages)
    assert "Không thể mở lại hồ sơ" in message and f"hồ sơ số {standing.pk}" in message
    assert Nomination.objects.get(pk=ended.pk).status == Status.REJECTED


# --- a save that got past the services' check (a race) ------------------------------------------


@pytest.fixture
def unchecked(monkeypatch):
    """The services' check skipped, as when another save commits between the check and the
    insert: only the database stands in the way."""
    monkeypatch.setattr(services, "_check_not_duplicate", lambda nomination, settled=False: None)


def test_a_service_save_past_the_check_is_refused_on_the_recipient(world, nominate, unchecked):
    standing = nominate()
    with pytest.raises(ValidationError) as error:
        services.save_draft(same_key(standing), world.leader)
    [message] = error.value.message_dict["unit"]
    assert f"đã có hồ sơ số {standing.pk}" in message and RULE in message
    # An edit that would make the duplicate, too.
    draft = nominate(unit=world.member_unit)
    draft.unit = world.leader_unit
    with pytest.raises(ValidationError) as error:
        services.save_draft(draft, world.leader)
    assert f"hồ sơ số {standing.pk}" in error.value.message_dict["unit"][0]
    assert Nomination.objects.get(pk=draft.pk).unit_id == world.member_unit.pk


def test_a_form_save_past_the_check_shows_the_rule_on_the_page(client, world, nominate, unchecked):
    standing = nominate()
    client.force_login(world.leader)
    url = reverse("awards:create", args=[world.bloc.slug, world.year])
    data = {"award_type": standing.award_type_id, "unit": world.leader_unit.pk}
    response = submit(client, url, {**data, "achievements": "Dẫn đầu khối."})
    assert response.status_code == 200
    errors = response.context["form"].errors["unit"]
    assert any(f"hồ sơ số {standing.pk}" in e and RULE in e for e in errors), errors
    assert Nomination.objects.count() == 1


def test_an_import_past_the_check_is_refused_with_its_row(world, nominate, unchecked):
    standing = nominate(bloc=BlocFactory())  # another bloc's: the import's plan does not see it
    data = _workbook(
        [["Loại khen thưởng", "Tập thể"], [standing.award_type.name, world.leader_unit.name]]
    )
    options = {"bloc": world.bloc, "year": world.year}
    with pytest.raises(run.WriteRefused) as error:
        run.confirm(ProposalImporter(), data, "de-nghi.xlsx", options, world.leader)
    assert error.value.message.startswith("Dòng 2: Tập thể «Cục Khối Trưởng» đã có hồ sơ số")
    assert f"hồ sơ số {standing.pk}" in error.value.message and RULE in error.value.message
    assert Nomination.objects.count() == 1


def test_an_admin_save_past_the_check_shows_the_rule_not_a_500(client, world, nominate, unchecked):
    standing = nominate(status=Status.SUBMITTED)
    client.force_login(world.admin)
    response = client.post(
        reverse("admin:awards_nomination_add"),
        {
            "award_type": standing.award_type_id,
            "year": world.year,
            "unit": world.leader_unit.pk,
            "bloc": world.bloc.pk,
            **FORMSETS,
        },
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"hồ sơ số {standing.pk}" in html and RULE in html
    assert Nomination.objects.count() == 1


# --- the migration's check -----------------------------------------------------------------------


def drop_the_constraints():
    """As before awards 0025 (in the test's transaction: rolled back with it)."""
    with connection.cursor() as cursor:
        for name in LIVE_DOSSIER_CONSTRAINTS:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")


def test_the_migrations_check_lists_the_dossiers_that_break_the_rule(world):
    drop_the_constraints()
    unit_pair = [NominationFactory(unit=world.leader_unit, year=2024) for _ in range(2)]
    kind = award_type("lao-dong-tien-tien")
    person = PersonFactory()
    person_trio = [
        NominationFactory(unit=None, person=person, award_type=kind, status=status)
        for status in (Status.DRAFT, Status.GRANTED, Status.REVOKED)
    ]
    # Not offending: an ended duplicate, another year, another award type.
    NominationFactory(unit=world.leader_unit, year=2024, status=Status.WITHDRAWN)
    NominationFactory(unit=world.leader_unit, year=2023)
    NominationFactory(unit=None, person=person, award_type=award_type("chien-si-thi-dua-co-so"))

    groups = MIGRATION.live_duplicates(Nomination)
    assert groups == [[n.pk for n in unit_pair], [n.pk for n in person_trio]]
    with pytest.raises(MIGRATION.LiveDuplicatesFound) as error:
        MIGRATION.check_no_live_duplicates(apps, None)
    message = str(error.value)
    ids = "; ".join(", ".join(str(n.pk) for n in group) for group in (unit_pair, person_trio))
    assert "2 group(s) of dossiers (awards.Nomination ids)" in message and ids in message
    assert "Nothing was changed or deleted." in message
    assert "Không thể thêm quy tắc «mỗi đối tượng một hồ sơ còn hiệu lực»: 2 nhóm hồ sơ" in message
    assert Nomination.objects.count() == 8  # nothing deleted
    # Once all but one of each group has ended, the migration goes on.
    for extra in [unit_pair[1], *person_trio[1:]]:
        Nomination.objects.filter(pk=extra.pk).update(status=Status.WITHDRAWN)
    assert MIGRATION.live_duplicates(Nomination) == []
    MIGRATION.check_no_live_duplicates(apps, None)


def test_the_migrations_message_keeps_a_long_list_short():
    groups = [[n, n + 1] for n in range(0, 1000, 2)]
    message = MIGRATION.duplicates_message(groups)
    assert "500 group(s)" in message and "0, 1; 2, 3" in message and "(+300)" in message


# --- demo and synthetic data ------------------------------------------------------------------------


def test_the_demo_makes_no_second_live_dossier():
    call_command("load_demo", stdout=io.StringIO())
    seed = Nomination.objects.filter(year=2015).order_by("proposal__order").first()
    # The seed dossier is now one made by hand, its proposal without one: the demo would make
    # another, but the unit's live dossier stands.
    Nomination.objects.filter(pk=seed.pk).update(proposal=None)
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "1 đề xuất không lập hồ sơ" in out.getvalue()
    assert Nomination.objects.filter(unit=seed.unit, award_type=seed.award_type).count() == 1


def test_synthetic_data_past_its_recipients_makes_no_duplicate():
    """More live dossiers drawn than recipients × award types × years: the rest are withdrawn."""
    synthetic_dataset(400, units=4, blocs=2, years=2, events=4, people=3)
    assert Nomination.objects.count() == 400
    assert MIGRATION.live_duplicates(Nomination) == []
    assert Nomination.objects.filter(status=Status.WITHDRAWN).count() > 40


# --- two saves at once (PostgreSQL: real row locks and a concurrent unique index) ----------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none)"
)
@pytest.mark.parametrize("lock", ["locked", "unlocked"])
def test_two_saves_at_once_make_one_dossier_and_one_vietnamese_refusal(world, monkeypatch, lock):
    if lock == "unlocked":
        # No lock, no check: both inserts meet at the unique index.
        monkeypatch.setattr(services, "_check_not_duplicate", lambda n, settled=False: None)

    def create():
        draft = Nomination(
            award_type=award_type("co-thi-dua-bo"),
            year=world.year,
            unit=world.leader_unit,
            bloc=world.bloc,
        )
        return services.save_draft(draft, world.leader)

    results = together(create, create)
    [saved] = Nomination.objects.all()
    assert sorted(isinstance(r, Nomination) for r in results) == [False, True], results
    [refusal] = [r for r in results if not isinstance(r, Nomination)]
    assert f"đã có hồ sơ số {saved.pk}" in refusal and RULE in refusal
