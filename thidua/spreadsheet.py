"""Every CSV and XLSX export writes its cells through this module, so that a name typed as
`=HYPERLINK(…)` or `+cmd|…` is read by a spreadsheet program as text, never as a formula.

A text cell that begins with =, +, -, @, a tab or a carriage return gets a leading apostrophe
(the OWASP advice for CSV): Excel and LibreOffice show the text as typed, without running it.
In XLSX the cell is also written as an explicit string cell, so openpyxl never stores a formula.
Numbers and dates are left alone: only text can carry a formula. A date is a date cell in XLSX
(sorted and summed as one, shown dd/mm/yyyy) and dd/mm/yyyy in CSV.
"""

import csv
import datetime
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


def csv_row(values) -> list:
    return [_csv_value(value) for value in safe_row(values)]


def _csv_value(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


class _Echo:
    def write(self, value):
        return value


def csv_response(headers, rows, filename) -> StreamingHttpResponse:
    """A streamed UTF-8 CSV (with the BOM spreadsheet programs need) of neutralised cells."""
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"
        yield writer.writerow(csv_row(headers))
        for values in rows:
            yield writer.writerow(csv_row(values))

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
        elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            cell.number_format = "DD/MM/YYYY"
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


def csv_bytes(headers, rows) -> bytes:
    """A small CSV in memory (a statistics table): UTF-8 with BOM, neutralised cells."""
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_row(headers))
    for values in rows:
        writer.writerow(csv_row(values))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheets) -> bytes:
    """A small workbook in memory: `sheets` is [(title, headers, rows)], cells neutralised."""
    import io

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(_xlsx_row(sheet, headers))
        for values in rows:
            sheet.append(_xlsx_row(sheet, values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, content_type: str, filename: str):
    """A small download as a plain response (so the public page cache can keep it)."""
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
