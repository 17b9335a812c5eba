"""Formula injection through every export: a name beginning with =, +, -, @, a tab or a carriage
return is text in every CSV and XLSX the site serves, never a formula. Exports are found from the
URL resolver (every route whose view lives in an `exports` module), so a new one is probed too."""

import csv
import io

import pytest
from django.urls import URLPattern, get_resolver
from openpyxl import load_workbook

from tests.factories import AwardFactory, UnitFactory
from thidua.spreadsheet import FORMULA_PREFIXES, safe_cell
from thidua.text import stored_text

pytestmark = pytest.mark.django_db

PAYLOADS = [f'{prefix}HYPERLINK("http://x","Cục")' for prefix in FORMULA_PREFIXES]


def export_urls():
    urls = []

    def walk(patterns, prefix=""):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLPattern):
                if entry.callback.__module__.endswith("exports") and "<" not in route:
                    urls.append("/" + route)
            else:
                walk(entry.url_patterns, route)

    walk(get_resolver().url_patterns)
    return sorted(urls)


def test_every_export_is_probed():
    assert {"/khen-thuong/xuat.csv", "/khen-thuong/xuat.xlsx"} <= set(export_urls())


@pytest.mark.parametrize("url", export_urls())
def test_formula_prefixes_reach_no_export_as_a_formula(client, url):
    for payload in PAYLOADS:
        AwardFactory(unit=UnitFactory(name=payload), year=2021)
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if url.endswith(".csv"):
        cells = [c for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for c in row]
        values = cells
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert all(cell.data_type != "f" for cell in cells)
        values = [str(cell.value) for cell in cells if cell.value is not None]
    for payload in PAYLOADS:
        # One-line names are stored stripped (a leading tab or return is gone, leaving plain text).
        stored = stored_text(payload)
        assert (("'" + stored) if stored.startswith(FORMULA_PREFIXES) else stored) in values
    assert not any(v.startswith(FORMULA_PREFIXES) for v in values)


def test_safe_cell_leaves_numbers_and_plain_text_alone():
    assert safe_cell(2021) == 2021
    assert safe_cell("Cục Tần số") == "Cục Tần số"
    assert safe_cell("-5") == "'-5"
