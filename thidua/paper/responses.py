"""Documents are written to a temporary file and streamed from it: a thousand-row list or a
batch of certificates is never held whole in memory."""

import tempfile

from django.http import FileResponse

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def file_response(write, filename: str, content_type: str, *, inline=False) -> FileResponse:
    """Calls `write(binary_file)` on an anonymous temporary file (deleted when the response
    closes it) and streams the result in chunks."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    try:
        write(handle)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
