"""Reads an uploaded table (.xlsx or .csv) into rows of cleaned cell values, refusing bad files.

openpyxl reads workbooks (read-only, formulas as their cached values); with defusedxml installed
it parses every XML part through it, so an entity-expansion "XML bomb" is refused, not expanded.
Every refusal is a FileRefused with a Vietnamese message: a bad file never becomes a 500.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from thidua.text import fold
from thidua.uploads import UploadValidator

EXTENSIONS = ["xlsx", "csv"]
MACRO_EXTENSIONS = {"xlsm", "xltm", "xlsb", "xlam"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted (password-protected) .xlsx is an OLE container holding this stream.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_SPACES_RE = re.compile(r"\s+")
# Invisible characters pasted from web pages and documents (zero-width space, non-joiner, joiner,
# byte-order mark): a name carrying one looks the same but matches nothing, so one more look-alike
# record would be created.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))


class FileRefused(Exception):
    """The whole file is refused; `message` says why, in Vietnamese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the Vietnamese header of the template's first row
    required: bool = False
    help: str = ""
    example: str = ""
    aliases: tuple = ()

    def folded_names(self):
        return {fold(self.header), *(fold(alias) for alias in self.aliases)}


@dataclass
class SourceRow:
    number: int  # the row number the user sees in Excel (the header is row 1)
    values: dict = field(default_factory=dict)


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def check_upload(upload):
    """Type and size checks before anything is parsed: a ValidationError in Vietnamese."""
    name = upload.name or ""
    extension = Path(name).suffix.lower().lstrip(".")
    if extension in MACRO_EXTENSIONS:
        raise ValidationError(
            f"Tệp «{name}» là sổ Excel có macro (.{extension}); vì an toàn hệ thống không nhận "
            "tệp có macro. Hãy lưu lại thành «Sổ làm việc Excel (.xlsx)» rồi tải lên."
        )
    if extension == "xls":
        raise ValidationError(
            f"Tệp «{name}» là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu lại thành .xlsx."
        )
    head = _head(upload)
    if head.startswith(_OLE_SIGNATURE) and extension == "xlsx":
        raise ValidationError(_ole_message(name, upload))
    UploadValidator(EXTENSIONS)(upload)


def _head(upload, size=8):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _ole_message(name, upload):
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if _ENCRYPTED_STREAM in content:
        return (
            f"Tệp «{name}» được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi tải lên lại."
        )
    return f"Tệp «{name}» không phải sổ Excel .xlsx (có thể là định dạng .xls cũ); hãy lưu lại thành .xlsx."


def read_rows(data: bytes, filename: str, columns) -> list[SourceRow]:
    """The data rows of the first sheet (or the CSV), keyed by column key. Empty rows skipped."""
    extension = Path(filename).suffix.lower().lstrip(".")
    if extension == "csv":
        table = _csv_rows(data, filename)
        merged = set()
    else:
        table, merged = _xlsx_rows(data, filename)
    try:
        return _rows(table, columns, merged, filename)
    except FileRefused:
        raise
    except Exception as exc:  # a sheet damaged past its first row is read lazily
        raise _damaged(exc, filename) from exc


# --- xlsx ---------------------------------------------------------------------------------------


def _xlsx_rows(data, filename):
    import openpyxl

    if data.startswith(_OLE_SIGNATURE):
        raise FileRefused(_ole_message(filename, io.BytesIO(data)))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FileRefused(f"Tệp «{filename}» không phải tệp Excel (.xlsx) hợp lệ.") from exc
    if "xl/workbook.xml" not in names:
        raise FileRefused(f"Tệp «{filename}» không phải sổ Excel (.xlsx) hợp lệ.")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise FileRefused(
            f"Tệp «{filename}» chứa macro; vì an toàn hệ thống không nhận tệp có macro. "
            "Hãy lưu lại thành .xlsx không có macro."
        )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        merged = _merged_header_ranges(archive, sheet._worksheet_path)
        table = sheet.iter_rows(values_only=True)
        first = next(table, None)
        return _chain(first, table), merged
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _damaged(exc, filename) from exc


def _damaged(exc, filename):
    from defusedxml.common import DefusedXmlException

    if _caused_by(exc, DefusedXmlException):
        return FileRefused(_unsafe_message(filename))
    return FileRefused(
        f"Không đọc được tệp Excel «{filename}»: tệp bị hỏng hoặc không đúng định dạng .xlsx."
    )


def _caused_by(exc, kind):
    """openpyxl wraps a parser's error in its own (ValueError ... from error)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, kind):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _unsafe_message(filename):
    return (
        f"Tệp «{filename}» chứa cấu trúc XML không an toàn (khai báo thực thể, có thể là «XML "
        "bomb»); hệ thống từ chối đọc. Hãy tạo lại tệp từ mẫu."
    )


def _chain(first, rest):
    if first is not None:
        yield first
    yield from rest


def _merged_header_ranges(archive, path):
    """The merged ranges that touch the header row, read from the sheet's XML (read-only mode
    of openpyxl does not parse merges). Scanned in chunks: the merges come after the rows."""
    found, tail = set(), b""
    with archive.open(path.lstrip("/")) as stream:
        while chunk := stream.read(1 << 20):
            buffer = tail + chunk
            for match in _MERGE_RE.finditer(buffer):
                first_col, first_row, last_col, last_row = (
                    g.decode() if g else "" for g in match.groups()
                )
                if first_row == "1" and last_col and last_col != first_col:
                    found.add(f"{first_col}{first_row}:{last_col}{last_row}")
            tail = buffer[-200:]
    return found


# --- csv ----------------------------------------------------------------------------------------


def _csv_rows(data, filename):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(
            f"Tệp CSV «{filename}» không được mã hoá UTF-8. Hãy lưu lại bằng «CSV UTF-8»."
        ) from exc
    if "\x00" in text:
        raise FileRefused(f"Tệp «{filename}» không phải tệp CSV văn bản.")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return iter(list(csv.reader(io.StringIO(text), delimiter=delimiter)))
    except csv.Error as exc:
        raise FileRefused(f"Tệp CSV «{filename}» sai cấu trúc: {exc}.") from exc


# --- header and rows ----------------------------------------------------------------------------


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _rows(table, columns, merged, filename):
    header = next(table, None)
    if merged:
        ranges = ", ".join(sorted(merged))
        raise FileRefused(
            f"Dòng tiêu đề có ô bị gộp ({ranges}). Mỗi cột phải có một ô tiêu đề riêng: "
            "hãy bỏ gộp ô (Merge & Center) rồi tải lên lại."
        )
    if header is None or not any(_clean(v) for v in header):
        raise FileRefused(
            f"Tệp «{filename}» không có dòng tiêu đề: dòng 1 phải ghi tên các cột như trong mẫu."
        )
    by_name = {name: column for column in columns for name in column.folded_names()}
    positions, unknown, seen = {}, [], {}
    for index, cell in enumerate(header):
        title = _clean(cell)
        if not title:
            continue
        column = by_name.get(fold(title))
        letter = column_letter(index)
        if column is None:
            unknown.append(f"«{title}» (cột {letter})")
        elif column.key in seen:
            raise FileRefused(
                f"Cột «{column.header}» xuất hiện hai lần (cột {seen[column.key]} và cột {letter})."
            )
        else:
            seen[column.key] = letter
            positions[index] = column
    missing = [f"«{c.header}»" for c in columns if c.required and c.key not in seen]
    problems = []
    if missing:
        problems.append(f"thiếu cột bắt buộc {', '.join(missing)}")
    if unknown:
        problems.append(f"có cột không có trong mẫu {', '.join(unknown)}")
    if problems:
        expected = ", ".join(f"«{c.header}»" for c in columns)
        raise FileRefused(
            f"Tiêu đề cột không đúng mẫu: {'; '.join(problems)}. Các cột của mẫu: {expected}. "
            "Không đổi tên cột; hãy tải mẫu và chép dữ liệu vào."
        )
    limit = max_rows()
    rows = []
    for number, values in enumerate(table, start=2):
        cells = {}
        for index, column in positions.items():
            value = _clean(values[index]) if index < len(values) else None
            if value is not None:
                cells[column.key] = value
        if not cells:
            continue  # an empty row
        if len(rows) >= limit:
            raise FileRefused(
                f"Tệp có hơn {limit:,} dòng dữ liệu (giới hạn mỗi lần nhập là {limit:,} dòng, "
                "để việc kiểm tra và ghi trong một giao dịch luôn nhanh và an toàn). "
                "Hãy chia thành nhiều tệp nhỏ hơn.".replace(",", ".")
            )
        rows.append(SourceRow(number, cells))
    if not rows:
        raise FileRefused(f"Tệp «{filename}» không có dòng dữ liệu nào dưới dòng tiêu đề.")
    return rows


def _clean(value):
    """Text NFC-normalised with invisible characters removed and spaces collapsed; whole-number
    floats as int; midnight datetimes as dates; empty as None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value.translate(_INVISIBLE))
        text = _SPACES_RE.sub(" ", text).strip()
        return text or None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0) else value
    return value
