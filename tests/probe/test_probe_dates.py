"""Dates at both ends on every date, datetime and year field of every admin add form: a field
error, no 500, nothing saved. Forms are found from admin.site, fields from each model, so a new
model or field is probed without a new test."""

import pytest
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from thidua.years import FIRST_YEAR

from .conftest import admin_ids, model_admins

pytestmark = pytest.mark.django_db

BAD_DATES = ["0001-01-01", "9999-12-31", "0000-01-01"]
BAD_YEARS = ["0", "1", "9999"]
# Set by the system at login and account creation, read-only in the admin.
SYSTEM_TIMES = {"units.User.last_login", "units.User.date_joined"}


def is_year_field(field):
    return isinstance(field, models.IntegerField) and any(
        isinstance(v, MinValueValidator) and v.limit_value == FIRST_YEAR for v in field.validators
    )


def probed_values(model, form_fields):
    """(form data, field name) for each bad value of each date-like field of the form."""
    for name in form_fields:
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 (a form-only field)
            continue
        if isinstance(field, models.DateTimeField):
            for value in BAD_DATES:
                yield {f"{name}_0": value, f"{name}_1": "08:00:00", name: f"{value} 08:00"}, name
        elif isinstance(field, models.DateField):
            for value in BAD_DATES:
                yield {name: value}, name
        elif is_year_field(field):
            for value in BAD_YEARS:
                yield {name: value}, name


@pytest.mark.parametrize(("model", "model_admin"), model_admins(), ids=admin_ids())
def test_dates_out_of_range_are_field_errors_on_every_admin_form(admin_client_, model, model_admin):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    page = admin_client_.get(url)
    if page.status_code != 200:
        pytest.skip("no add form")
    fields = page.context["adminform"].form.fields
    before = model._default_manager.count()
    for data, name in probed_values(model, fields):
        response = admin_client_.post(url, data)
        assert response.status_code == 200, (name, data, response.status_code)
        assert name in response.context["adminform"].form.errors, (name, data)
        assert model._default_manager.count() == before


def test_every_date_field_of_every_model_is_probed_or_not_editable():
    """A new date field without the range validator is caught here."""
    from django.apps import apps

    from thidua.years import DateRangeValidator

    missing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in {"units", "blocs", "awards"}
        and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.DateField)
        and field.editable
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and not any(isinstance(v, DateRangeValidator) for v in field.validators)
        and f"{model._meta.label}.{field.name}" not in SYSTEM_TIMES
    ]
    assert missing == []
