import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def row_counts():
    """Rows of every model, history included: loading the demo again writes nothing."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"units", "blocs", "awards", "auth", "thidua"}
    }


def test_load_demo_is_idempotent(demo):
    first = row_counts()
    assert first["units.Unit"] >= 8
    assert first["blocs.Membership"] >= 8
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == first


def test_demo_registry_facts(demo):
    from blocs.models import BlocYear, Role

    by_year = {
        by.year: by
        for by in BlocYear.objects.filter(bloc__slug="khoi-tong-cuc-cuc-ban-quy").prefetch_related(
            "memberships__unit", "memberships__representative"
        )
    }
    leader_2015 = next(m for m in by_year[2015].memberships.all() if m.role == Role.LEADER)
    assert leader_2015.unit.name == "Cục Phát triển thị trường và doanh nghiệp KH&CN"
    assert leader_2015.representative.full_name == "Phạm Hồng Quất"
    assert by_year[2015].member_count == 9
    roles_2016 = {m.role: m.unit.name for m in by_year[2016].memberships.all()}
    assert roles_2016 == {
        Role.LEADER: "Ban Quản lý Khu Công nghệ cao Hòa Lạc",
        Role.DEPUTY: "Quỹ Phát triển KH&CN quốc gia",
    }
    assert BlocYear.objects.get(bloc__slug="khoi-van-phong-vien", year=2021).member_count == 14


def test_demo_accounts_can_log_in(client, demo):
    for username in ["admin", "thuky", "khoitruong", "tdkt"]:
        # django-axes needs the request to count the attempt.
        request = RequestFactory().post("/accounts/login/")
        assert client.login(request=request, username=username, password="thidua-demo"), username
