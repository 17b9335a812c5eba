"""The typed inputs of every form (admin and staff pages): numbers read the Vietnamese way and
dates that must exist.

Django's own fields misread what people type here: IntegerField drops a trailing ".000", so
"1.000" (one thousand, thidua/formats/vi groups thousands with a dot) was saved as 1, and
DecimalField refuses the decimal comma of "1,5". Its browser number input would refuse "1.000"
itself. These fields read numbers with thidua.numbers and render as text inputs with a numeric
keyboard (inputmode).

Every form gets them the same way, by the type of its model field: `formfield_callback` below is
the ModelForms' callback, and `admin_formfield_kwargs` feeds the admin's formfield_for_dbfield
(thidua/admin.py). A form that declares its own field uses these classes directly.
"""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .numbers import parse_decimal, parse_int

WHOLE_NUMBER_MESSAGE = (
    "Nhập một số nguyên (không có phần thập phân); dấu chấm chỉ dùng để phân cách hàng nghìn, "
    "ví dụ 1.000."
)
DECIMAL_MESSAGE = (
    "Nhập một số, ví dụ 1,5 hoặc 1.250,5: dấu phẩy đứng trước phần thập phân, dấu chấm chỉ dùng "
    "để phân cách hàng nghìn."
)
NOT_IN_CALENDAR_MESSAGE = "Ngày %(date)s không có trong lịch."


class WholeNumberField(forms.IntegerField):
    """A whole number: plain digits (1000) or grouped by thousands with dots (1.000, 1.000.000).
    Anything with a decimal part or another separator (1.5, 1,5, 1.0, 15.00) is refused with
    the rule, never rounded or cut. Bounds (min_value, max_value) are checked as Django does."""

    widget = forms.TextInput
    default_error_messages = {"invalid": WHOLE_NUMBER_MESSAGE}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):  # initial data, not typed
            return value
        number = parse_int(str(value), grouped=True)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.TextInput):  # a phone's digit keyboard, without the spinner
            attrs.setdefault("inputmode", "numeric")
        return attrs


class DecimalNumberField(forms.DecimalField):
    """A number with decimals, typed the Vietnamese way: 1,5 and 1.250,5; a dot before exactly
    three digits groups thousands (1.250 is 1250), a single dot before other digits is taken as
    a decimal point (1.5), as Django's sanitize_separators reads it. max_digits and
    decimal_places are checked as Django does. A stored value is shown with a decimal comma,
    so that a page saved again reads it back unchanged (1.250 would be read as 1250)."""

    widget = forms.TextInput
    default_error_messages = {"invalid": DECIMAL_MESSAGE}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))
        number = parse_decimal(str(value))
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        if isinstance(value, Decimal) and value.is_finite():
            return format(value, "f").replace(".", ",")
        return super().prepare_value(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.TextInput):
            attrs.setdefault("inputmode", "decimal")
        return attrs


# Day first (dd/mm/yyyy, dd/mm/yy) or ISO (yyyy-mm-dd): the shapes of DATE_INPUT_FORMATS.
_DAY_FIRST = re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4}|[0-9]{2})")
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")


def impossible_date(text: str) -> str | None:
    """`text` as dd/mm/yyyy when it is typed the right way but names a day the calendar lacks
    (31/02/2016, 29/02/2015), else None. A month past 12 is not such a day: 03/25/2021 is typed
    month first, and the format's own message says how to type it."""
    match = _DAY_FIRST.fullmatch(text) or _ISO.fullmatch(text)
    if match is None:
        return None
    day, month, year = int(match["day"]), int(match["month"]), match["year"]
    if len(year) == 2:  # the century strptime's %y gives it
        year = f"{20 if int(year) < 69 else 19}{year}"
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        datetime.date(int(year), month, day)
    except ValueError:
        return f"{day:02d}/{month:02d}/{year}"
    return None


class CalendarDateField(forms.DateField):
    """A date typed dd/mm/yyyy. One typed that way that does not exist (31/02/2016) is said to
    be so — «Ngày 31/02/2016 không có trong lịch.» — instead of the format's message, which
    would send the user looking for a typing mistake they did not make."""

    default_error_messages = {"not_in_calendar": NOT_IN_CALENDAR_MESSAGE}

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            missing = impossible_date(value.strip()) if isinstance(value, str) else None
            if error.code != "invalid" or missing is None:
                raise
            raise ValidationError(
                self.error_messages["not_in_calendar"],
                code="not_in_calendar",
                params={"date": missing},
            ) from error


# The form field of each kind of model field, found along the model field's class's MRO (a
# PositiveSmallIntegerField is an IntegerField); None keeps Django's (a DateTimeField is a
# DateField, but the admin splits it in two inputs).
FORM_CLASSES = {
    models.DateTimeField: None,
    models.DateField: CalendarDateField,
    models.DecimalField: DecimalNumberField,
    models.IntegerField: WholeNumberField,
}


def form_class_for(db_field):
    """The form field class of `db_field` (a model field), or None for Django's own. Fields with
    choices keep their select."""
    if db_field.choices:
        return None
    for cls in type(db_field).__mro__:
        if cls in FORM_CLASSES:
            return FORM_CLASSES[cls]
    return None


def formfield_callback(db_field, **kwargs):
    """The `formfield_callback` of a page's ModelForm: its number and date fields are the ones
    above (an explicit form_class in kwargs still wins)."""
    form_class = form_class_for(db_field)
    if form_class is not None:
        kwargs.setdefault("form_class", form_class)
    return db_field.formfield(**kwargs)


def admin_formfield_kwargs(db_field, overrides) -> dict:
    """What the admin passes to `db_field.formfield()` for the fields above: their form class,
    and for numbers a text input in place of the admin's number input (keeping its CSS class,
    the width it gives) — unless the admin declares its own form class or widget for that type
    of field in `overrides` (its formfield_overrides)."""
    form_class = form_class_for(db_field)
    if form_class is None:
        return {}
    mro = type(db_field).__mro__
    own = next((overrides[cls] for cls in mro if cls in overrides), {})
    kwargs = {} if "form_class" in own else {"form_class": form_class}
    if form_class in (WholeNumberField, DecimalNumberField) and "widget" not in own:
        css = {models.BigIntegerField: "vBigIntegerField", models.IntegerField: "vIntegerField"}
        found = next((css[cls] for cls in mro if cls in css), None)
        kwargs["widget"] = forms.TextInput(attrs={"class": found} if found else None)
    return kwargs
