"""Staff permissions come from the user's own and their groups' permissions, read in one query."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory
from thidua.backends import OneQueryModelBackend

pytestmark = pytest.mark.django_db


def _perm(codename):
    return Permission.objects.get(codename=codename)


def test_own_and_group_permissions_in_one_query(django_assert_num_queries):
    group = Group.objects.create(name="Nhóm thử nghiệm quyền")
    group.permissions.add(_perm("view_unit"))
    user = UserFactory()
    user.groups.add(group)
    user.user_permissions.add(_perm("change_unit"))
    backend = OneQueryModelBackend()
    with django_assert_num_queries(1):
        assert backend.has_perm(user, "units.view_unit")
        assert backend.has_perm(user, "units.change_unit")
        assert not backend.has_perm(user, "units.delete_unit")
    assert user.get_all_permissions() >= {"units.view_unit", "units.change_unit"}


def test_inactive_users_have_no_permissions():
    user = UserFactory(is_active=False)
    user.user_permissions.add(_perm("view_unit"))
    assert not user.has_perm("units.view_unit")
    assert user.get_all_permissions() == set()


def test_superuser_holds_every_permission():
    user = UserFactory(is_superuser=True)
    assert len(user.get_all_permissions()) == Permission.objects.count()
