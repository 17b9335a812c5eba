"""The downloadable .xlsx files: an empty template and the example files, with the column
headers in Vietnamese on row 1 and a second sheet explaining each column."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .reader import column_letter


def build(importer, rows=()) -> bytes:
    """A workbook whose first sheet has the importer's headers and `rows` (lists of values in
    column order); the second sheet, «Hướng dẫn», explains the columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dữ liệu"
    sheet.append([column.header for column in importer.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(importer.columns):
        sheet.column_dimensions[column_letter(index)].width = max(14, len(column.header) + 4)
    for row in rows:
        sheet.append(list(row))
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in importer.columns:
        guide.append([column.header, "có" if column.required else "", column.help, column.example])
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["C"].width = 90
    guide.column_dimensions["D"].width = 30
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
