"""Every admin changelist and add page, for every role: it answers exactly as the `rules`
permissions say (200 or 403, never a 500), and the anonymous visitor is sent to log in."""

import pytest
from django.contrib import admin

from thidua import roles

pytestmark = pytest.mark.django_db

PAGES = sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)


@pytest.mark.parametrize("role", [*roles.ALL, None], ids=[*roles.ALL, "không vai trò"])
def test_every_admin_page_follows_the_permissions(client, make_user, role):
    user = make_user(role)
    client.force_login(user)
    for app_label, model_name in PAGES:
        for page, suffix, perm in [("changelist", "", "view"), ("add", "add/", "add")]:
            allowed = user.has_perm(f"{app_label}.{perm}_{model_name}")
            if page == "changelist" and not allowed:
                allowed = user.has_perm(f"{app_label}.change_{model_name}")
            response = client.get(f"/admin/{app_label}/{model_name}/{suffix}")
            expected = 200 if allowed else 403
            assert response.status_code == expected, (role, app_label, model_name, page)


def test_every_admin_page_sends_the_anonymous_to_login(client):
    for app_label, model_name in PAGES:
        response = client.get(f"/admin/{app_label}/{model_name}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_bloc_leader_staff_and_reviewers_enter_no_registry_or_event_data(make_user):
    for role in [roles.BLOC_LEADER, roles.REVIEWER]:
        user = make_user(role)
        for perm in ["units.add_unit", "blocs.add_membership", "blocs.add_event"]:
            assert not user.has_perm(perm), (role, perm)
    clerk = make_user(roles.SECRETARIAT)
    assert clerk.has_perm("blocs.add_event") and not clerk.has_perm("blocs.delete_event")
