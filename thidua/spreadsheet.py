"""Every CSV and XLSX export writes its cells through this module, so that a name typed as
`=HYPERLINK(…)` or `+cmd|…` is read by a spreadsheet program as text, never as a formula.

A text cell that begins with =, +, -, @, a tab or a carriage return gets a leading apostrophe
(the OWASP advice for CSV): Excel and LibreOffice show the text as typed, without running it.
In XLSX the cell is also written as an explicit string cell, so openpyxl never stores a formula.
Numbers and dates are left alone: only text can carry a formula.
"""

import csv
import tempfile

from django.http import FileResponse, StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """`value` as a spreadsheet cannot mistake it for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


class _Echo:
    def write(self, value):
        return value


def csv_response(headers, rows, filename) -> StreamingHttpResponse:
    """A streamed UTF-8 CSV (with the BOM spreadsheet programs need) of neutralised cells."""
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"
        yield writer.writerow(safe_row(headers))
        for values in rows:
            yield writer.writerow(safe_row(values))

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_row(sheet, values):
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        value = safe_cell(value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
        row.append(cell)
    return row


def xlsx_response(sheet_title, headers, rows, filename) -> FileResponse:
    """A write-only (constant memory) workbook of one sheet of neutralised string cells."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append(_xlsx_row(sheet, headers))
    for values in rows:
        sheet.append(_xlsx_row(sheet, values))
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (closed by FileResponse)
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )
