"""Every text the project's models save is stored NFC, one-line fields with single spaces: a name
pasted from a PDF in decomposed form, or with a double space, is stored as the same name typed
by hand, so lists, searches and duplicate checks see one name (thidua.text.stored_text)."""

from django.db import models
from django.db.models.signals import pre_save

from .text import stored_text

APPS = {"thidua", "units", "blocs", "awards", "auth"}  # auth: the role groups
SKIPPED = {"password", "search_text"}


def _text_fields(model):
    fields = getattr(model, "_stored_text_fields", None)
    if fields is None:
        fields = [
            (f.attname, not isinstance(f, models.TextField))
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and f.name not in SKIPPED
        ]
        model._stored_text_fields = fields
    return fields


def normalise(sender, instance, **kwargs):
    if sender._meta.app_label not in APPS or hasattr(sender, "instance_type"):
        return  # another app's model, or a history row (a copy of a saved, normalised row)
    for attname, single_line in _text_fields(sender):
        value = getattr(instance, attname)
        if isinstance(value, str) and value:
            setattr(instance, attname, stored_text(value, single_line=single_line))


def connect():
    pre_save.connect(normalise, dispatch_uid="thidua.stored_text")


def as_stored(model, attname, value):
    """`value` as a save of `model` would store it in the field `attname`."""
    if not isinstance(value, str) or not value or model._meta.app_label not in APPS:
        return value
    for name, single_line in _text_fields(model):
        if name == attname:
            return stored_text(value, single_line=single_line)
    return value
