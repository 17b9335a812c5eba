"""Malformed requests on every list — public pages, staff pages, every admin changelist: an
oversized page number or a NUL byte in a parameter is a 404 or a field error, never a 500."""

import pytest
from django.urls import reverse

from .conftest import admin_ids, list_urls, model_admins

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
PARAMS = ["page", "trang", "p", "q", "year", "nam", "khoi", "loai", "don_vi", "status"]


def malformed_queries(extra=()):
    for name in [*PARAMS, *extra]:
        yield {name: HUGE}
        yield {name: "\x00"}
        yield {name: "abc\x00def"}


def assert_handled(client, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 302, 403, 404), (url, params, response.status_code)


@pytest.mark.parametrize("url", list_urls())
def test_lists_answer_malformed_parameters_without_error(admin_client_, client, url):
    for params in malformed_queries():
        assert_handled(admin_client_, url, params)


@pytest.mark.parametrize("url", list_urls())
def test_anonymous_lists_answer_malformed_parameters_without_error(client, url):
    for params in malformed_queries():
        assert_handled(client, url, params)


def _filter_parameters(model_admin, request):
    names = []
    for spec in model_admin.get_list_filter(request):
        field = spec[0] if isinstance(spec, tuple) else spec
        if isinstance(field, str):
            names += [field, f"{field}__exact", f"{field}__id__exact"]
        elif hasattr(field, "parameter_name"):
            names.append(field.parameter_name)
    return names


@pytest.mark.parametrize(("model", "model_admin"), model_admins(), ids=admin_ids())
def test_admin_changelists_answer_malformed_parameters(
    admin_client_, rf, superuser, model, model_admin
):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    request = rf.get(url)
    request.user = superuser
    for params in malformed_queries(_filter_parameters(model_admin, request)):
        assert_handled(admin_client_, url, params)


@pytest.mark.parametrize("url", list_urls())
def test_a_page_number_whose_offset_overflows_is_not_found(client, url):
    # Within bigint, but times the page size beyond it.
    assert_handled(client, url, {"page": str(10**17), "trang": str(10**17)})


def test_a_non_numeric_parent_on_the_unit_form_is_a_field_error(admin_client_):
    response = admin_client_.post(
        reverse("admin:units_unit_add"),
        {
            "name": "Cục Thử",
            "kind": "cuc",
            "slug": "cuc-thu",
            "parent": "abc",
            "names-TOTAL_FORMS": "0",
            "names-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
