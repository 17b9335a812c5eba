"""Every admin changelist stays within ten queries when the large tables hold more than a page of
rows (a query per row would show at once), for an administrator who is not a superuser."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from tests.factories import synthetic_dataset

pytestmark = pytest.mark.django_db

PAGES = sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)


@pytest.fixture
def synthetic_world(db):
    synthetic_dataset(150, units=70, blocs=4, years=6, events=60, people=70)
    return get_user_model().objects.get(username="syn-admin")


def test_every_changelist_within_ten_queries(
    client, synthetic_world, django_assert_max_num_queries
):
    admin_user = synthetic_world
    assert not admin_user.is_superuser
    client.force_login(admin_user)
    for app_label, model_name in PAGES:
        with django_assert_max_num_queries(10, info=f"{app_label}.{model_name}"):
            response = client.get(f"/admin/{app_label}/{model_name}/")
        assert response.status_code == 200, (app_label, model_name)


def test_large_lists_show_fifty_rows_a_page_without_a_second_count(client, synthetic_world):
    client.force_login(synthetic_world)
    response = client.get("/admin/awards/transition/")
    html = response.content.decode()
    assert html.count('<td class="field-at') == 50
    assert response.context["cl"].show_full_result_count is False


def test_count_is_exact_for_small_tables_and_estimated_for_large_ones_in_one_query(
    django_assert_num_queries,
):
    from django.db import connection

    from tests.factories import UnitFactory
    from thidua.admin import EstimatedCountPaginator
    from units.models import Unit

    UnitFactory.create_batch(3)
    with django_assert_num_queries(1):
        assert EstimatedCountPaginator(Unit.objects.all(), 50).count == 3
    filtered = Unit.objects.filter(name__startswith="không có")
    assert EstimatedCountPaginator(filtered, 50).count == 0
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE units_unit")  # the planner now estimates 3 rows
    UnitFactory.create_batch(2)
    large = EstimatedCountPaginator(Unit.objects.all(), 50)
    large.threshold = 1  # the table counts as large: the planner's estimate, not a COUNT(*)
    with django_assert_num_queries(1):
        assert large.count == 3
    assert EstimatedCountPaginator(Unit.objects.all(), 50).count == 5
