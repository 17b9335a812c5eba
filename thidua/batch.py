"""Reads that an import repeats on every row, answered once per batch.

An import validates thousands of rows with the rules a form applies to one (full_clean, the
bloc's members, today's legal regime, the model's check constraints). Each of those reads costs a
query per row, which made a 10,000-row file take many minutes. Inside `reads()` the rules ask
`memo()` for what stays constant while the import runs (nothing an import writes changes a bloc's
members, the legal regimes or whether a unit exists); outside it every call reads as before.
The rules themselves are unchanged: only where their facts come from.
"""

import contextvars
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import CheckConstraint, F, Q
from django.db.models.constants import LOOKUP_SEP

_state = contextvars.ContextVar("thidua_batch", default=None)

CHUNK = 2000  # primary keys per IN (…) when priming existence


class _Batch:
    def __init__(self):
        self.memo = {}
        self.existing = {}  # model label -> primary keys known to exist
        self.at_end = {}  # key -> action run once when the batch ends


@contextmanager
def reads():
    """Memoizes the repeated reads until the block ends (nested blocks share the outer one)."""
    if _state.get() is not None:
        yield
        return
    batch = _Batch()
    token = _state.set(batch)
    try:
        yield
    finally:
        _state.reset(token)
    # Only when the block succeeded (an exception skips this): e.g. one cache bump per import.
    for action in batch.at_end.values():
        action()


def active() -> bool:
    return _state.get() is not None


def memo(key, compute):
    """compute() once per batch for `key` (every call outside a batch)."""
    batch = _state.get()
    if batch is None:
        return compute()
    if key not in batch.memo:
        batch.memo[key] = compute()
    return batch.memo[key]


def contains(key, rows, field, value) -> bool:
    """Whether the queryset `rows()` holds a row whose `field` is `value`: a query per call, or,
    inside a batch, the whole column read once for `key` (the queryset is not even built again:
    building it costs more than the lookup)."""
    if not active():
        return rows().filter(**{field: value}).exists()
    return value in memo(key, lambda: set(rows().values_list(field, flat=True)))


def once_at_end(key, action) -> bool:
    """Inside a batch: runs `action` once when it ends and returns True; outside: False (the
    caller acts at once)."""
    batch = _state.get()
    if batch is None:
        return False
    batch.at_end.setdefault(key, action)
    return True


def _foreign_keys(model):
    return [f for f in model._meta.concrete_fields if f.many_to_one and f.remote_field]


def prime_foreign_keys(records):
    """Checks in one query per related model that the records' foreign keys exist, so that
    their full_clean need not query each (see known_foreign_keys). No-op outside a batch."""
    batch = _state.get()
    if batch is None or not records:
        return
    wanted = {}
    for record in records:
        for field in _foreign_keys(type(record)):
            value = getattr(record, field.attname)
            if value is not None:
                wanted.setdefault(field.related_model, set()).add(value)
    for model, values in wanted.items():
        known = batch.existing.setdefault(model._meta.label, set())
        values = sorted(values - known)
        for start in range(0, len(values), CHUNK):
            chunk = values[start : start + CHUNK]
            known.update(model._base_manager.filter(pk__in=chunk).values_list("pk", flat=True))


def known_foreign_keys(record) -> set:
    """The record's foreign-key fields whose target this batch already found to exist (their
    existence query may be left out of clean_fields); empty outside a batch."""
    batch = _state.get()
    if batch is None:
        return set()
    known = set()
    for field in _foreign_keys(type(record)):
        value = getattr(record, field.attname)
        if (
            value is not None
            and not field.get_limit_choices_to()
            and value in batch.existing.get(field.related_model._meta.label, ())
        ):
            known.add(field.name)
    return known


def _reads(condition):
    """{field name: True when the condition only asks whether it is null}, or None for a
    condition this does not follow (then not memoized)."""
    reads = {}
    for child in condition.children:
        if isinstance(child, Q):
            inner = _reads(child)
            if inner is None:
                return None
            for name, only_null in inner.items():
                reads[name] = reads.get(name, True) and only_null
            continue
        if not isinstance(child, tuple):
            return None
        name, *lookups = child[0].split(LOOKUP_SEP)
        reads[name] = reads.get(name, True) and lookups == ["isnull"]
        value = child[1]
        if isinstance(value, F):
            reads[value.name.split(LOOKUP_SEP)[0]] = False
        elif hasattr(value, "resolve_expression"):
            return None
    return reads


def _check_key(record, constraint, exclude):
    """What a check constraint's verdict depends on: the values of the fields it reads (only
    whether a field is null when that is all it asks, e.g. «a unit or a person»)."""
    meta = type(record)._meta
    reads = _reads(constraint.condition)
    if reads is None:
        return None
    values = []
    for name, only_null in sorted(reads.items()):
        try:
            value = getattr(record, meta.get_field(name).attname)
        except Exception:  # not a plain field: not memoized
            return None
        values.append((name, value is None if only_null else value, name in (exclude or ())))
    return ("check", meta.label, constraint.name, tuple(values))


def validate_constraints(record, exclude=None):
    """Model.validate_constraints, with each check constraint's verdict (a query per row)
    memoized by the values of the fields its condition reads. Same errors, same order."""
    using = router.db_for_write(type(record), instance=record)
    errors = {}
    for model_class, constraints in record.get_constraints():
        for constraint in constraints:
            key = None
            if isinstance(constraint, CheckConstraint):
                key = _check_key(record, constraint, exclude)
            if key is not None:
                refusal = memo(
                    key, lambda c=constraint, m=model_class: _verdict(c, m, record, exclude, using)
                )
                if refusal is not None:
                    errors = refusal.update_error_dict(errors)
                continue
            try:
                constraint.validate(model_class, record, exclude=exclude, using=using)
            except ValidationError as e:
                if getattr(e, "code", None) == "unique" and len(constraint.fields) == 1:
                    errors.setdefault(constraint.fields[0], []).append(e)
                else:
                    errors = e.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _verdict(constraint, model, record, exclude, using):
    try:
        constraint.validate(model, record, exclude=exclude, using=using)
    except ValidationError as refusal:
        return refusal
    return None


class BatchedValidation:
    """Model mixin: inside a batch, clean_fields leaves out the existence queries of foreign keys
    the batch has checked, and check constraints are judged once per distinct set of values."""

    def clean_fields(self, exclude=None):
        known = known_foreign_keys(self)
        if known:
            exclude = set(exclude or ()) | known
        super().clean_fields(exclude=exclude)

    def validate_constraints(self, exclude=None):
        if not active():
            return super().validate_constraints(exclude=exclude)
        return validate_constraints(self, exclude)
