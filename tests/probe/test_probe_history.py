"""Probe: the history pages of every registered model admin, for every role (docs/security.md,
"Admin history and revert"). The change page is the oracle: whoever cannot open an object there
cannot read its history either, and a revert is an edit that needs the change page's permission
and passes its validation — or is refused outright for log-like records."""

import pytest
from django.forms.models import model_to_dict

from . import admin_world as w

pytestmark = pytest.mark.django_db

# Log-like records: their past is never restored, whoever asks.
NEVER_REVERTED = {"awards.transition", "awards.override", "awards.councilvote", "awards.award"}


@pytest.fixture
def probe_world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the world's uploaded Word template
    w.build()


def _refused(response, role):
    if role == w.ANONYMOUS:
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code in (403, 404)


def _may_change(client, ma, obj, label):
    page = client.get(w.url(ma, "change/", obj.pk))
    return (
        page.status_code == 200
        and bool(page.context["has_change_permission"])
        and label not in NEVER_REVERTED
    )


def test_every_registered_admin_keeps_history_except_the_roles():
    plain = {label for label, ma in w.model_admins()} - {label for label, _ in w.history_admins()}
    assert plain == {"auth.group"}


@pytest.mark.parametrize("role", w.ROLES)
def test_history_pages_answer_only_who_may_open_the_change_page(client, probe_world, role):
    w.login(client, role)
    for label, ma in w.history_admins():
        for obj in w.samples(ma.model):
            change = client.get(w.url(ma, "change/", obj.pk))
            record = w.history_of(obj).last()
            for page in [
                w.url(ma, "history/", obj.pk),
                w.url(ma, "", obj.pk, "history", record.history_id),
            ]:
                response = client.get(page)
                if change.status_code == 200:
                    assert response.status_code == 200, (role, label, page)
                else:
                    assert _refused(response, role), (role, label, page, response.status_code)


@pytest.mark.parametrize("role", w.ROLES)
def test_history_revert_needs_the_change_permission_then_a_valid_save(client, probe_world, role):
    w.login(client, role)
    for label, ma in w.history_admins():
        for obj in w.samples(ma.model):
            versions = w.history_of(obj)
            first = versions.first()
            page = w.url(ma, "", obj.pk, "history", first.history_id)
            data, form = w.form_data(ma, obj, first.instance)
            before, stored = versions.count(), model_to_dict(type(obj).objects.get(pk=obj.pk))
            allowed = role != w.ANONYMOUS and _may_change(client, ma, obj, label)

            if allowed and any(f.required for f in form.fields.values()):
                blank = {k: v for k, v in data.items() if not form.fields[k].required}
                response = client.post(page, blank)
                assert response.status_code == 200, (role, label, "invalid revert saved")
                assert response.context["errors"], (role, label)
                assert versions.count() == before, (role, label)

            response = client.post(page, data)
            if not allowed:
                assert _refused(response, role), (role, label, response.status_code)
                assert versions.count() == before, (role, label, "refused revert saved")
                assert model_to_dict(type(obj).objects.get(pk=obj.pk)) == stored, (role, label)
            elif response.status_code == 302:
                assert versions.count() == before + 1, (role, label)
            else:
                # Refused by the model's rules or a service: shown on the form, nothing saved.
                assert response.status_code == 200 and response.context["errors"], (role, label)
                assert versions.count() == before, (role, label)


def test_log_like_records_are_never_reverted_even_by_the_administrator(client, probe_world):
    w.login(client, "admin")
    for label, ma in w.history_admins():
        if label not in NEVER_REVERTED:
            continue
        for obj in w.samples(ma.model):
            first = w.history_of(obj).first()
            data, _ = w.form_data(ma, obj, first.instance)
            response = client.post(w.url(ma, "", obj.pk, "history", first.history_id), data)
            assert response.status_code == 403, label
