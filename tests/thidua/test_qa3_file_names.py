"""Uploaded file names (QA 3, #9): a name typed on macOS (NFD) keeps its diacritics; a long
Vietnamese name is accepted and stored shortened after its last whole word that fits, with its
extension, never refused nor cut at random; every file field holds 255 characters; a download is
named by its stored name in NFC."""

import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from awards.models import Nomination
from blocs.models import EventAttachment
from tests.awards.conftest import nominate, world  # noqa: F401
from tests.awards.pages_world import submit
from tests.blocs.test_event_admin import event_form, management
from tests.factories import DocumentFactory, EventFactory, UserFactory
from thidua.uploads import (
    FILE_NAME_MAX_LENGTH,
    STORED_NAME_MAX_BYTES,
    STORED_NAME_MAX_CHARS,
    UploadTo,
    stored_name,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% thu nghiem\n"
SHORT = "Báo cáo thành tích.pdf"
# The QA's 95 characters: stored whole (spaces as «_»), no random suffix.
NAME_95 = (
    "Báo cáo thành tích cá nhân Phạm Hồng Quất năm 2015 đề nghị Chiến sĩ thi đua cơ sở bản "
    "chính.pdf"
)
NAME_150 = (
    "Báo cáo thành tích tập thể Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ "
    "đề nghị tặng Cờ thi đua của Bộ năm 2025, bản chính thức.pdf"
)
# Its first 120 characters end inside «của»: cut after «đua», the extension kept.
STORED_150 = (
    "Báo_cáo_thành_tích_tập_thể_Cục_Phát_triển_thị_trường_và_doanh_nghiệp_khoa_học_và_công_nghệ_"
    "đề_nghị_tặng_Cờ_thi_đua.pdf"
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def nfd(text):
    return unicodedata.normalize("NFD", text)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def basename(field_file):
    return PurePosixPath(field_file.name).name


# --- the rule ------------------------------------------------------------------------------------


def test_a_decomposed_name_keeps_its_diacritics():
    assert nfd(SHORT) != SHORT
    assert stored_name(nfd(SHORT)) == stored_name(SHORT) == "Báo_cáo_thành_tích.pdf"


def test_a_name_that_fits_is_kept_whole():
    assert stored_name(NAME_95) == NAME_95.replace(" ", "_")


def test_a_long_name_is_shortened_after_a_whole_word_keeping_its_extension():
    assert len(NAME_150) == 150
    assert stored_name(NAME_150) == STORED_150
    assert len(STORED_150) <= STORED_NAME_MAX_CHARS
    # Without a word boundary in reach, the stem is cut at the limit; the extension stays.
    assert stored_name("a" * 300 + ".docx") == "a" * (STORED_NAME_MAX_CHARS - 5) + ".docx"


def test_a_name_is_kept_within_the_bytes_a_file_system_allows():
    name = stored_name("Đường" * 60 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name.encode()) <= STORED_NAME_MAX_BYTES < 255


def test_a_path_or_punctuation_alone_is_no_name():
    assert stored_name("C:\\Users\\thuky\\Biên bản.pdf") == "Biên_bản.pdf"
    assert stored_name("../../etc/«»!.pdf") == "tep.pdf"


def test_every_file_field_holds_255_characters_under_the_shared_upload_to():
    fields = [
        (model._meta.label, field)
        for model in apps.get_models()
        if not hasattr(model, "instance_type")
        for field in model._meta.fields
        if isinstance(field, models.FileField)
    ]
    assert {label for label, _ in fields} >= {
        "awards.Nomination",
        "blocs.Document",
        "blocs.EventAttachment",
        "thidua.DocumentTemplate",
    }
    for label, field in fields:
        assert field.max_length == FILE_NAME_MAX_LENGTH, label
        assert isinstance(field.upload_to, UploadTo), label


# --- through the pages ---------------------------------------------------------------------------


def upload(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        (nfd(SHORT), "Báo_cáo_thành_tích.pdf"),
        (NAME_95, NAME_95.replace(" ", "_")),
        (NAME_150, STORED_150),
    ],
    ids=["nfd", "95-chars", "150-chars"],
)
def test_the_bloc_leaders_report_keeps_its_name(client, world, nominate, sent, stored):  # noqa: F811
    draft = nominate()
    client.force_login(world.leader)
    url = reverse("awards:edit", args=[draft.pk])
    response = submit(
        client,
        url,
        {
            "award_type": draft.award_type_id,
            "unit": world.leader_unit.pk,
            "achievements": "Dẫn đầu khối.",
            "achievement_report": upload(sent),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Nomination.objects.get(pk=draft.pk).achievement_report
    assert basename(report) == stored
    assert report.name.startswith("awards/reports/")
    assert len(report.name) <= FILE_NAME_MAX_LENGTH
    assert report.read() == PDF


def test_an_event_attachment_with_a_long_decomposed_name_is_accepted(client, clerk):
    event = EventFactory(is_published=False, published_at=None)
    data = event_form(
        event.bloc,
        title=event.title,
        held_on=event.held_on.strftime("%d/%m/%Y"),
        period_start="2021",
        period_end="2021",
        is_published="",
    )
    data.update(management("attachments", 1))
    data.update(
        {
            "attachments-0-order": "0",
            "attachments-0-caption": "Báo cáo thành tích",
            "attachments-0-file": upload(nfd(NAME_150)),
        }
    )
    client.force_login(clerk)
    response = client.post(f"/admin/blocs/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].errors
    item = EventAttachment.objects.get(event=event)
    assert basename(item.file) == STORED_150
    assert item.file.name.startswith("events/")


def test_a_document_file_keeps_its_name():
    document = DocumentFactory()
    document.file.save(nfd(NAME_95), ContentFile(PDF), save=True)
    document.refresh_from_db()
    assert basename(document.file) == NAME_95.replace(" ", "_")


# --- downloads -----------------------------------------------------------------------------------


def attachment(name):
    item = EventAttachment(event=EventFactory(is_published=True), caption="Biên bản")
    item.file.save(name, ContentFile(PDF), save=True)
    return item


def test_a_download_is_named_by_its_nfc_name(client):
    item = attachment(nfd(NAME_95))
    response = client.get(item.file.url)
    assert response.status_code == 200
    name = NAME_95.replace(" ", "_")
    assert response["Content-Disposition"] == f"inline; filename*=utf-8''{quote(name)}"
    assert b"".join(response.streaming_content) == PDF


def test_the_web_server_is_sent_the_name_percent_encoded(client, settings):
    settings.MEDIA_ACCEL = "nginx"
    item = attachment(SHORT)
    response = client.get(item.file.url)
    assert response["X-Accel-Redirect"] == "/protected-media/" + quote(item.file.name)
    assert (
        response["Content-Disposition"]
        == f"inline; filename*=utf-8''{quote(nfc(basename(item.file)))}"
    )


def test_a_staff_download_of_a_report_is_named_too(client, world, nominate):  # noqa: F811
    draft = nominate()
    draft.achievement_report.save(nfd(SHORT), ContentFile(PDF), save=True)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(draft.achievement_report.url)
    assert response.status_code == 200
    assert quote("Báo_cáo_thành_tích.pdf") in response["Content-Disposition"]
