"""Uploads shared by every file field: allowed types and a size limit, and the stored name.

Every FileField is `FileField(max_length=FILE_NAME_MAX_LENGTH, upload_to=UploadTo("dir/%Y/"))`.
UploadTo keeps the name the user gave, predictably: Unicode NFC first (a name typed on macOS
arrives decomposed, and the storage's name cleaning would drop every detached diacritic), then
the storage's cleaning (spaces become «_», other punctuation is dropped), then a name longer than
STORED_NAME_MAX_CHARS characters or STORED_NAME_MAX_BYTES bytes of UTF-8 (most file systems
take 255 bytes a name) has its stem cut after the last whole word that fits, keeping the
extension. The stored path then always fits the
column, with room for the suffix the storage adds to a name already taken (never refused, never
cut at random).
"""

import datetime
import posixpath
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename

FILE_NAME_MAX_LENGTH = 255  # every FileField's max_length: the stored path, directory included
STORED_NAME_MAX_CHARS = 120  # the file's own name, extension included
STORED_NAME_MAX_BYTES = 200  # the same in UTF-8 (a Vietnamese letter takes 2 or 3 bytes)
FALLBACK_STEM = "tep"  # the stem of a name of punctuation only


def stored_name(name: str) -> str:
    """The file name (no directory) an upload called `name` is stored under."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/")
    name = posixpath.basename(name).strip()
    suffix = Path(name).suffix
    stem = _valid(name[: len(name) - len(suffix)]).lstrip(".")
    extension = _valid(suffix) if len(suffix) > 1 else ""
    if not _fits(stem + extension):
        stem = _shortened(stem, extension)
    return (stem.rstrip("._-") or FALLBACK_STEM) + extension


def _fits(name: str) -> bool:
    return len(name) <= STORED_NAME_MAX_CHARS and len(name.encode()) <= STORED_NAME_MAX_BYTES


def _shortened(stem: str, extension: str) -> str:
    """The longest start of `stem` that fits with `extension`, cut after a whole word when one
    ends in its second half."""
    end = len(stem)
    while end and not _fits(stem[:end] + extension):
        end -= 1
    cut = stem[:end]
    if end < len(stem) and stem[end] not in "_-.":
        word_end = max(cut.rfind("_"), cut.rfind("-"))
        if word_end >= end // 2:
            cut = cut[:word_end]
    return cut


def _valid(text: str) -> str:
    """The storage's cleaning (Django's get_valid_filename) of a part of a name, "" if none."""
    text = text.strip()
    if not text or text in {".", ".."}:
        return ""
    try:
        return get_valid_filename(text)
    except Exception:  # SuspiciousFileOperation: nothing valid left
        return ""


@deconstructible
class UploadTo:
    """A FileField's upload_to: the directory (strftime codes allowed, as Django's own string
    upload_to) and the stored_name() of the upload."""

    def __init__(self, directory: str):
        self.directory = directory

    def __call__(self, instance, filename):
        directory = datetime.datetime.now().strftime(self.directory)
        return posixpath.join(directory, stored_name(filename))

    def __eq__(self, other):
        return isinstance(other, UploadTo) and self.directory == other.directory

    def __hash__(self):
        return hash(self.directory)


def download_name(path: str) -> str:
    """The name a stored file is downloaded under: its own name, in NFC."""
    return unicodedata.normalize("NFC", posixpath.basename(str(path)))


DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

# First bytes of each allowed type, so that a renamed executable is refused too.
_SIGNATURES = {
    "pdf": [b"%PDF-"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "webp": [b"RIFF"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
    "ods": [b"PK\x03\x04"],
    "doc": [b"\xd0\xcf\x11\xe0"],
    "xls": [b"\xd0\xcf\x11\xe0"],
}


@deconstructible
class UploadValidator:
    """Refuses files of another type (by extension and content) or larger than the limit.

    One upload is often checked twice in one validation: by its field's validator (the model's
    clean_fields) and again by the model's clean() with a narrower list (an attachment marked
    as a photo must be an image), which Django runs even after clean_fields failed. The second
    refusal for the same reason would show the same message twice under the field: each reason
    is reported once per upload (the first refusal stands, so the upload is refused anyway)."""

    def __init__(self, extensions, max_bytes=None):
        self.extensions = list(extensions)
        self.max_bytes = max_bytes

    def __call__(self, upload):
        refusal = self.refusal(upload)
        if refusal is None:
            return
        reported = upload.__dict__.setdefault("_upload_refusals", set())
        if refusal in reported:
            return
        reported.add(refusal)
        raise ValidationError(refusal, code="upload_refused")

    def refusal(self, upload) -> str | None:
        """Why `upload` is refused, or None."""
        extension = Path(upload.name).suffix.lower().lstrip(".")
        allowed = ", ".join(self.extensions)
        if extension not in self.extensions:
            return f"Tệp «{upload.name}» không đúng loại cho phép ({allowed})."
        limit = self.max_bytes or settings.MAX_UPLOAD_BYTES
        if upload.size is not None and upload.size > limit:
            return (
                f"Tệp «{upload.name}» dung lượng {upload.size / 1048576:.1f} MB, "
                f"vượt giới hạn {limit / 1048576:.0f} MB."
            )
        head = _read_head(upload)
        signatures = _SIGNATURES.get(extension)
        if head is not None and signatures and not any(head.startswith(s) for s in signatures):
            return f"Nội dung tệp «{upload.name}» không phải là tệp {extension}."
        return None

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.extensions == other.extensions
            and self.max_bytes == other.max_bytes
        )


def _read_head(upload):
    try:
        position = upload.tell()
        upload.seek(0)
        head = upload.read(16)
        upload.seek(position)
        return head
    except (AttributeError, OSError, ValueError):
        return None


validate_document_file = UploadValidator(DOCUMENT_EXTENSIONS)
validate_image_file = UploadValidator(IMAGE_EXTENSIONS)
validate_attachment = UploadValidator(DOCUMENT_EXTENSIONS + IMAGE_EXTENSIONS)
