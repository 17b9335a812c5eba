"""Upload checks shared by every file field: allowed types and a size limit."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

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
