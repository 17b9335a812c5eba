"""An administrator replaces a shipped Word template with an edited copy; one that does not
render (a misspelt or missing placeholder, not a Word file) is refused at upload with the reason."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import paper
from tests.factories import AwardFactory
from thidua.models import DocumentTemplate
from thidua.paper import kinds
from thidua.paper.docx import check_template
from thidua.paper.nd30 import loop_table, new_document, paragraph

pytestmark = pytest.mark.django_db

ANNEX = "awards.decision_annex"


def _docx(*lines, table=True) -> bytes:
    document = new_document()
    for line in lines:
        paragraph(document, line)
    if table:
        loop_table(
            document, ["STT", "Tên"], ["{{ row.no }}", "{{ row.recipient }}"], loop="row in rows"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(client, content, name="mau.docx"):
    return client.post(
        reverse("admin:thidua_documenttemplate_add"),
        {"kind": ANNEX, "file": SimpleUploadedFile(name, content), "note": ""},
    )


@pytest.fixture
def admin_client(client, administrator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(administrator)
    return client


def test_every_shipped_template_renders_its_sample():
    for kind in kinds.all_kinds():
        with open(kind.shipped, "rb") as handle:
            check_template(handle, kinds.sample_context(kind.key), kind.required)


def test_an_uploaded_template_replaces_the_shipped_one(admin_client, reviewer):
    content = _docx("DANH SÁCH MẪU MỚI theo Quyết định {{ decision_number }}")
    response = _upload(admin_client, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    award = AwardFactory()
    admin_client.force_login(reviewer)
    word = paper.Word(admin_client.get(reverse("awards:decision_annex", args=[award.decision_id])))
    assert f"DANH SÁCH MẪU MỚI theo Quyết định {award.decision.document.number}" in word.text
    assert [r[1] for r in word.table_with("Tên")] == [award.recipient_name]
    # Deleting the upload brings the shipped template back.
    DocumentTemplate.objects.all().delete()
    word = paper.Word(admin_client.get(reverse("awards:decision_annex", args=[award.decision_id])))
    assert "STT (số sổ vàng)" in word.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            _docx("Quyết định {{ decision_numbr }}"),
            "Mẫu dùng trường «decision_numbr» không có trong dữ liệu của loại văn bản này",
        ),
        (
            _docx("Quyết định {{ decision_number }}", table=False),
            "Mẫu thiếu trường bắt buộc «rows»",
        ),
        (_docx("Quyết định {{ decision_number }", "{{ rows }}"), "Trường trộn viết sai cú pháp"),
        (
            _docx("Quyết định {{ decision_number }} {% for r in rows %}{{ r.ten }}{% endfor %}"),
            "Mẫu dùng trường «ten»",
        ),
    ],
)
def test_a_template_that_does_not_render_is_refused_with_the_reason(admin_client, content, reason):
    response = _upload(admin_client, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mẫu không dùng được" in page and reason in page, page[page.find("errorlist") :][:500]
    assert not DocumentTemplate.objects.exists()


def test_a_file_that_is_not_a_word_document_is_refused(admin_client):
    response = _upload(admin_client, b"PK\x03\x04not really a zip")
    assert "không phải là tài liệu Word (.docx) đọc được" in response.content.decode()
    response = _upload(admin_client, b"%PDF-1.4", name="mau.pdf")
    assert "không đúng loại cho phép (docx)" in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_only_administrators_replace_templates(client, clerk, reviewer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for user in (clerk, reviewer):
        client.force_login(user)
        assert _upload(client, _docx("{{ decision_number }}")).status_code == 403
    assert not DocumentTemplate.objects.exists()
