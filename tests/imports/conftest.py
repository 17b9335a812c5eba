import io

import pytest
from openpyxl import Workbook

from thidua.imports import registry, run


@pytest.fixture(autouse=True)
def staging_dir(settings, tmp_path):
    settings.IMPORT_STAGING_DIR = tmp_path / "imports"
    return settings.IMPORT_STAGING_DIR


def xlsx(rows, *, title="Dữ liệu") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def importer(kind):
    return registry.get(kind)


def example_bytes(kind):
    return importer(kind).example.read_bytes()


def confirm(kind, data, user, options=None, filename="tep.xlsx", accepted=()):
    return run.confirm(importer(kind), data, filename, options or {}, user, accepted)


def preview(kind, data, user, options=None, filename="tep.xlsx", accepted=()):
    return run.preview(importer(kind), data, filename, options or {}, user, accepted)
