"""Admin dates are typed and shown dd/mm/yyyy (a text input, never the browser's picker), times
HH:MM; lists of dated records filter by year, not by "today / past 7 days"."""

import datetime

import pytest
from django.urls import reverse

from blocs.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_a_date_typed_day_first_is_stored_and_shown_day_first(admin_client):
    add_url = reverse("admin:blocs_document_add")
    html = admin_client.get(add_url).content.decode()
    assert 'type="date"' not in html
    assert 'name="issued_on"' in html and 'placeholder="dd/mm/yyyy"' in html

    data = {
        "kind": Document._meta.get_field("kind").choices[0][0],
        "number": "1407/QĐ-BKHCN",
        "issued_on": "05/03/2021",
        "issuer": "Bộ Khoa học và Công nghệ",
        "title": "Quyết định thử nghiệm",
    }
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get(number="1407/QĐ-BKHCN")
    assert document.issued_on == datetime.date(2021, 3, 5)

    html = admin_client.get(reverse("admin:blocs_document_change", args=[document.pk]))
    assert 'value="05/03/2021"' in html.content.decode()


def test_a_datetime_is_typed_as_date_and_hours_minutes(admin_client):
    html = admin_client.get(reverse("admin:blocs_event_add")).content.decode()
    assert 'name="published_at_0"' in html and 'name="published_at_1"' in html
    assert 'placeholder="HH:MM"' in html
    assert 'type="date"' not in html and 'type="datetime-local"' not in html


def test_documents_filter_by_year_of_issue(admin_client):
    for number, day in [("1/QĐ", datetime.date(2015, 6, 1)), ("2/QĐ", datetime.date(2021, 3, 5))]:
        Document.objects.create(
            kind=Document._meta.get_field("kind").choices[0][0],
            number=number,
            issued_on=day,
            issuer="Bộ Khoa học và Công nghệ",
            title="Văn bản",
        )
    url = reverse("admin:blocs_document_changelist")
    html = admin_client.get(url).content.decode()
    assert "Theo năm ban hành" in html and "?issued_on__year=2021" in html
    assert "Hôm nay" not in html and "7 ngày qua" not in html
    html = admin_client.get(url, {"issued_on__year": "2021"}).content.decode()
    assert "2/QĐ" in html and "1/QĐ" not in html
