"""Registry of demo-data loaders. Each app's `demo.py` registers one with `@demo_loader`.

Loaders must be idempotent (update_or_create on natural keys), and read only the project's own
data files: nothing outside the repository.
"""

import json
from pathlib import Path

from .stored_text import as_stored

_loaders = []


def demo_loader(func):
    if func not in _loaders:
        _loaders.append(func)
    return func


def loaders():
    return list(_loaders)


def read_data(app_file: str, name: str):
    """Reads `<app>/demo_data/<name>` next to the calling app's demo.py."""
    path = Path(app_file).resolve().parent / "demo_data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def upsert(model, lookup: dict, values: dict):
    """update_or_create that saves only when a value differs, so that loading the demo again
    leaves the rows and their history untouched. Returns (obj, created)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    values = {name: as_stored(model, name, value) for name, value in values.items()}
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj, False


def update_or_create(model, defaults=None, **lookup):
    """`upsert` with the signature of Django's `update_or_create`."""
    return upsert(model, lookup, defaults or {})
