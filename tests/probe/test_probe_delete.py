"""Probe: deletes through every registered model admin, for every role (docs/security.md,
"Deletes"). A record that history depends on is never deleted — refused with a message, nothing
deleted; whatever is deleted takes nothing along that keeps no history, and comes back from its
history (the "deleted records" page and the revert of its last version)."""

import pytest
from django.contrib.messages import get_messages
from simple_history.utils import get_history_model_for_model

from . import admin_world as w

pytestmark = pytest.mark.django_db

# Never deleted, whoever asks: a dossier and its log, an award, an account, a role.
NEVER_DELETED = {
    "awards.nomination",
    "awards.transition",
    "awards.override",
    "awards.councilvote",
    "awards.award",
    "units.user",
    "auth.group",
}


@pytest.fixture
def probe_world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the world's uploaded Word template
    w.build()


def _removed_rows(before):
    after = w.row_counts()
    return {label: before[label] - after[label] for label in before if after[label] < before[label]}


def _check_refused(response, role, label, obj, before):
    assert type(obj)._default_manager.filter(pk=obj.pk).exists(), (role, label, "deleted")
    assert not _removed_rows(before), (role, label, "rows removed")
    if role == w.ANONYMOUS:
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif response.status_code == 200 and 'value="delete_selected"' not in response.content.decode():
        pass  # the list offers no delete action at all to this account
    elif response.status_code != 403:
        # Refused with the reason: a message (on the page, or after the redirect).
        assert list(get_messages(response.wsgi_request)), (role, label, response.status_code)


def _check_restorable(label, ma, obj, removed):
    """Every row the delete removed keeps history, and the administrator restores the object
    from its last version."""
    from django.apps import apps
    from django.test import Client

    for removed_label in removed:
        model = apps.get_model(removed_label)
        assert hasattr(model._meta, "simple_history_manager_attribute"), (label, removed_label)
    admin_client = Client()
    w.login(admin_client, "admin")
    listing = admin_client.get(w.url(ma, "deleted/"))
    assert listing.status_code == 200
    last = (
        get_history_model_for_model(ma.model)
        .objects.filter(**{ma.model._meta.pk.attname: obj.pk}, history_type="-")
        .latest("history_id")
    )
    page = w.url(ma, "", obj.pk, "history", last.history_id)
    assert page in listing.content.decode(), label
    data, _ = w.form_data(ma, obj, last.instance)
    response = admin_client.post(page, data)
    assert response.status_code == 302, (label, response.context and response.context["errors"])
    assert ma.model._default_manager.filter(pk=obj.pk).exists(), label


@pytest.mark.parametrize("role", w.ROLES)
def test_deletes_never_lose_history(client, probe_world, role):
    w.login(client, role)
    for label, ma in w.model_admins():
        for obj in w.samples(ma.model):
            before = w.row_counts()
            response = client.post(w.url(ma, "delete/", obj.pk), {"post": "yes"})
            if label in NEVER_DELETED or type(obj)._default_manager.filter(pk=obj.pk).exists():
                _check_refused(response, role, label, obj, before)
            else:
                _check_restorable(label, ma, obj, _removed_rows(before))


@pytest.mark.parametrize("role", w.ROLES)
def test_bulk_deletes_never_lose_history(client, probe_world, role):
    w.login(client, role)
    for label, ma in w.model_admins():
        rows = w.samples(ma.model)
        before = w.row_counts()
        response = client.post(
            w.url(ma, ""),
            {
                "action": "delete_selected",
                "_selected_action": [str(obj.pk) for obj in rows],
                "post": "yes",
            },
        )
        remaining = [o for o in rows if type(o)._default_manager.filter(pk=o.pk).exists()]
        if label in NEVER_DELETED or remaining:
            assert len(remaining) == len(rows), (role, label, "part of a refused bulk deleted")
            _check_refused(response, role, label, rows[0], before)
        else:
            for obj in rows:
                _check_restorable(label, ma, obj, _removed_rows(before))
