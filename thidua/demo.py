"""Registry of demo-data loaders. Each app's `demo.py` registers one with `@demo_loader`.

Loaders must be idempotent (update_or_create on natural keys), and read only the project's own
data files: nothing outside the repository.
"""

import json
from pathlib import Path

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
