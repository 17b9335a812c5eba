"""Who may open the registry's admin pages: every role of thidua.roles, staff without a role,
and the anonymous visitor."""

import pytest

from thidua import roles

pytestmark = pytest.mark.django_db

REGISTRY_MODELS = [
    "units/unit",
    "units/person",
    "units/position",
    "blocs/bloc",
    "blocs/blocyear",
    "blocs/membership",
]
ACCOUNT_MODELS = ["units/user", "auth/group"]

ENTER_DATA = {roles.ADMINISTRATOR, roles.SECRETARIAT}
READ_ONLY = {roles.BLOC_SECRETARIAT, roles.BLOC_LEADER, roles.REVIEWER}


def test_every_role_is_covered():
    assert set(roles.ALL) == ENTER_DATA | READ_ONLY


def expected(role, model, page):
    if model in ACCOUNT_MODELS:
        return 200 if role == roles.ADMINISTRATOR else 403
    if role in ENTER_DATA:
        return 200
    if role in READ_ONLY:
        return 200 if page == "changelist" else 403
    return 403  # staff without a role


@pytest.mark.parametrize("role", [*roles.ALL, None], ids=[*roles.ALL, "không vai trò"])
@pytest.mark.parametrize("model", REGISTRY_MODELS + ACCOUNT_MODELS)
def test_changelist_and_add_pages_by_role(client, make_user, role, model):
    client.force_login(make_user(role))
    for page, suffix in [("changelist", ""), ("add", "add/")]:
        response = client.get(f"/admin/{model}/{suffix}")
        assert response.status_code == expected(role, model, page), (role, model, page)


@pytest.mark.parametrize("model", REGISTRY_MODELS + ACCOUNT_MODELS)
def test_superuser_opens_everything(client, make_user, model):
    client.force_login(make_user(is_superuser=True))
    for suffix in ["", "add/"]:
        assert client.get(f"/admin/{model}/{suffix}").status_code == 200


@pytest.mark.parametrize("model", REGISTRY_MODELS + ACCOUNT_MODELS)
def test_anonymous_is_sent_to_login(client, model):
    for suffix in ["", "add/"]:
        response = client.get(f"/admin/{model}/{suffix}")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


def test_only_administrators_delete_registry_records(client, make_user):
    from tests.factories import UnitFactory

    unit = UnitFactory()
    client.force_login(make_user(roles.SECRETARIAT))
    assert client.get(f"/admin/units/unit/{unit.pk}/delete/").status_code == 403
    client.force_login(make_user(roles.ADMINISTRATOR))
    assert client.get(f"/admin/units/unit/{unit.pk}/delete/").status_code == 200


def test_admin_index_lists_registry_for_a_reviewer(client, make_user):
    client.force_login(make_user(roles.REVIEWER))
    html = client.get("/admin/").content.decode()
    assert "Khối thi đua" in html
    assert "Đơn vị và cá nhân" in html
