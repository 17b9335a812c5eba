"""Anonymous media URLs of unpublished records: a 404, whatever the model. Every model with a
file field is probed (found from the app registry); a published event's file is served; a
replaced file is never served again."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models

from blocs.models import EventAttachment
from tests.factories import DocumentFactory, EventFactory, NominationFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% probe\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def attachment(event, name="bien-ban.pdf"):
    item = EventAttachment(event=event, caption="Biên bản", is_photo=False)
    item.file.save(name, ContentFile(PDF), save=True)
    return item


def test_a_draft_events_file_is_not_found_anonymously(client):
    item = attachment(EventFactory(is_published=False, published_at=None))
    assert client.get(item.file.url).status_code == 404


def test_a_published_events_file_is_served(client):
    item = attachment(EventFactory(is_published=True))
    response = client.get(item.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_draft_events_file_is_served_to_staff_who_may_see_it(client):
    item = attachment(EventFactory(is_published=False, published_at=None))
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(item.file.url).status_code == 200


def test_a_nomination_report_is_never_public(client):
    nomination = NominationFactory()
    nomination.achievement_report.save("bao-cao.pdf", ContentFile(PDF), save=True)
    assert client.get(nomination.achievement_report.url).status_code == 404
    client.force_login(UserFactory(is_staff=True))  # staff without the right to see it
    assert client.get(nomination.achievement_report.url).status_code == 404


def test_a_replaced_file_is_kept_but_never_served(client):
    item = attachment(EventFactory(is_published=True), "cu.pdf")
    old_url, old_path = item.file.url, item.file.path
    item.file.save("moi.pdf", ContentFile(PDF), save=True)
    assert client.get(item.file.url).status_code == 200
    assert client.get(old_url).status_code == 404
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(old_url).status_code == 404
    assert Path(old_path).exists()  # retained for the record's history


def test_the_web_server_sends_the_file_in_production(client, settings):
    settings.MEDIA_ACCEL = "nginx"
    item = attachment(EventFactory(is_published=True))
    response = client.get(item.file.url)
    assert response["X-Accel-Redirect"] == "/protected-media/" + item.file.name


def file_models():
    return sorted(
        {
            (model._meta.label, field.name)
            for model in apps.get_models()
            if not hasattr(model, "instance_type")
            for field in model._meta.fields
            if isinstance(field, models.FileField)
        }
    )


@pytest.mark.parametrize(("label", "field"), file_models())
def test_no_file_of_an_unpublished_record_is_public(client, label, field):
    """A new model with a file: its files are private unless it defines file_is_public()."""
    model = apps.get_model(label)
    factories = {
        "blocs.EventAttachment": lambda: EventAttachment(
            event=EventFactory(is_published=False, published_at=None), caption="x"
        ),
        "awards.Nomination": NominationFactory,
        "blocs.Document": DocumentFactory,  # cited by nothing published yet
    }
    if label not in factories:
        pytest.skip(f"{label}: its files are public only through file_is_public()")
    record = factories[label]()
    getattr(record, field).save("probe.pdf", ContentFile(PDF), save=True)
    assert client.get(getattr(record, field).url).status_code == 404
    assert model._default_manager.filter(pk=record.pk).exists()
