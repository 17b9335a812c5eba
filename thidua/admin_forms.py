"""Small admin pieces for data entry: the base form of every admin page, permissions named in
Vietnamese, and «Lưu và thêm mới» that keeps the context of the record just saved."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django import forms
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpResponseRedirect


def field_label(model, name) -> str:
    """The Vietnamese name of a model's field (its verbose name), or `name` itself."""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def labelled_messages(error: ValidationError, model) -> list[str]:
    """The messages of `error` for a display that shows them away from their fields (above a
    form, in a message or a report): each field's messages start with «its label»."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    found = []
    for name, items in error.error_dict.items():
        messages = ValidationError(items).messages
        if name == NON_FIELD_ERRORS:
            found += messages
        else:
            found += [f"«{field_label(model, name)}»: {message}" for message in messages]
    return found


class AdminModelForm(forms.ModelForm):
    """The base form of every admin page (BaseAdmin.form).

    A model's rule may name a field the page does not let the user edit (read-only once the
    record has moved on, or not on this page at all): Django would raise ValueError (a 500).
    Such errors are shown above the form, naming the field."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            kept, moved = {}, []
            for name, items in errors.error_dict.items():
                if name == NON_FIELD_ERRORS or name in self.fields:
                    kept[name] = items
                    continue
                moved += labelled_messages(ValidationError({name: items}), self._meta.model)
            if moved:
                kept[NON_FIELD_ERRORS] = [
                    *kept.get(NON_FIELD_ERRORS, []),
                    *map(ValidationError, moved),
                ]
            errors = ValidationError(kept)
        super()._update_errors(errors)


DATE_LOOKUPS = {"date": "ngày", "year": "năm", "month": "tháng"}


class _LabelledName(str):
    """A field's name that prints as its label: compared, hashed and filtered as the name (by
    a formset's own override, or the inline's `field != fk.name`), shown as «năm»."""

    def __new__(cls, name, label):
        named = super().__new__(cls, name)
        named.label = label
        return named

    def __str__(self):
        return self.label


class VerboseUniqueErrorsMixin:
    """A formset whose duplicate-row messages name the fields as the page does («năm» và
    «vai trò»), not by their code names (Django's BaseModelFormSet prints `year and role`).
    The names reach the rest of the chain (a formset's own wording, then Django's) unchanged
    as strings, and print as labels. BaseAdmin mixes it into every formset of the admin."""

    def field_label(self, name) -> str:
        try:
            label = self.model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            field = self.form.base_fields.get(name)
            label = field.label if field is not None and field.label else name
        return f"«{label}»"

    def get_unique_error_message(self, unique_check):
        return super().get_unique_error_message(
            [_LabelledName(name, self.field_label(name)) for name in unique_check]
        )

    def get_date_error_message(self, date_check):
        uclass, lookup, field, unique_for = date_check
        return super().get_date_error_message(
            (
                uclass,
                _LabelledName(lookup, DATE_LOOKUPS.get(lookup, lookup)),
                _LabelledName(field, self.field_label(field)),
                _LabelledName(unique_for, self.field_label(unique_for)),
            )
        )


def with_verbose_unique_errors(formset):
    """`formset` with VerboseUniqueErrorsMixin (once)."""
    if issubclass(formset, VerboseUniqueErrorsMixin):
        return formset
    return type(formset.__name__, (VerboseUniqueErrorsMixin, formset), {})


PERMISSION_ACTIONS = {"add": "thêm", "change": "sửa", "delete": "xóa", "view": "xem"}


def permission_label(permission) -> str:
    """«Khối thi đua | khối thi đua | được sửa» instead of the stored English «Can change …».

    Django stores the built-in permissions' names in English ("Can add %s"), and
    django-simple-history names its models "historical …": both are named here from the
    models' Vietnamese names."""
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return str(permission)
    base = getattr(model, "instance_type", None)  # a historical model of django-simple-history
    if base is not None:
        subject = f"lịch sử {base._meta.verbose_name}"
    elif model.__name__.startswith("Historical"):
        # The history of a many-to-many relation, tied to its owner's historical model.
        owner = model._meta.get_field("history").related_model.instance_type
        subject = f"lịch sử liên kết của {owner._meta.verbose_name}"
    else:
        subject = model._meta.verbose_name
    app = apps.get_app_config(content_type.app_label).verbose_name
    action, _, model_name = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model_name == content_type.model:
        return f"{app} | {subject} | được {PERMISSION_ACTIONS[action]}"
    return f"{app} | {subject} | {permission.name}"


class PermissionLabelsMixin:
    """The admin of users and groups: permission choices named by `permission_label`."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model._meta.label == "auth.Permission":
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


class KeepContextOnAddAnotherMixin:
    """«Lưu và thêm mới» opens the next add form pre-filled with the context of the record just
    saved — its decision, award type, year, bloc… — so a clerk entering the 33 awards of one
    decision types only what differs. Each admin names its context fields once:

        add_another_context = ["decision", "award_type", "year", "bloc"]

    The values travel in the add form's query string, which the admin reads as initial data
    (`get_changeform_initial_data`): a foreign key by its id, a many-to-many as a list of ids.
    """

    add_another_context: list[str] = []

    def add_another_query(self, obj) -> dict:
        query = {}
        for name in self.add_another_context:
            field = obj._meta.get_field(name)
            if isinstance(field, models.ManyToManyField):
                if obj.pk:
                    ids = [str(pk) for pk in getattr(obj, name).values_list("pk", flat=True)]
                    if ids:
                        query[name] = ",".join(ids)
                continue
            value = getattr(obj, field.attname)
            if value is None or value == "":
                continue
            if hasattr(value, "isoformat"):
                value = value.strftime("%d/%m/%Y")
            query[name] = value
        return query

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if "_addanother" not in request.POST or not isinstance(response, HttpResponseRedirect):
            return response
        query = self.add_another_query(obj)
        if query:
            url = urlsplit(response["Location"])
            extra = urlencode(query)
            response["Location"] = urlunsplit(
                url._replace(query=f"{url.query}&{extra}" if url.query else extra)
            )
        return response
