"""Uploaded files are served through this view, never straight from MEDIA_ROOT.

A file is found by the record that holds it now (any model's FileField): a record decides with
`file_is_public()` whether anyone may download it (a published event's attachment); otherwise
only staff whose permissions let them view that record may (the draft event, the nomination's
report). Anyone else gets a 404, as for a file that does not exist. A file that no record holds
any more — replaced or deleted — is kept on disk for the record's history but never served.

With THIDUA_MEDIA_ACCEL=nginx the response is an empty X-Accel-Redirect to
THIDUA_MEDIA_ACCEL_PREFIX (an `internal` nginx location aliased to MEDIA_ROOT); with `sendfile`,
an X-Sendfile header (Apache, lighttpd); otherwise Django streams the file. Every response
names the file (Content-Disposition, inline) by its stored name in NFC, as it was uploaded
(thidua.uploads.stored_name).
"""

import mimetypes

from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.utils.encoding import filepath_to_uri
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from .uploads import download_name


def _file_fields():
    for model in apps.get_models():
        if hasattr(model, "instance_type"):  # django-simple-history's copies
            continue
        for field in model._meta.fields:
            if isinstance(field, models.FileField):
                yield model, field


def holder(path: str):
    """(record, field) of the record whose file is `path` now, or None."""
    for model, field in _file_fields():
        record = model._default_manager.filter(**{field.name: path}).first()
        if record is not None:
            return record, field
    return None


def may_download(user, record) -> bool:
    is_public = getattr(record, "file_is_public", None)
    if is_public is not None and is_public():
        return True
    if not (user.is_authenticated and user.is_staff):
        return False
    opts = record._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}", record)


@require_safe
def serve_upload(request, path):
    found = holder(path)
    if found is None or not may_download(request.user, found[0]):
        raise Http404("Không có tệp này.")
    record, field = found
    stored = getattr(record, field.name)
    accel = settings.MEDIA_ACCEL
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    filename = download_name(stored.name)
    if accel == "nginx":
        response = HttpResponse(content_type=content_type)
        # Percent-encoded: nginx unescapes the URI (a Vietnamese name is not ASCII).
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_PREFIX + filepath_to_uri(stored.name)
    elif accel == "sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = stored.path
    else:
        try:
            response = FileResponse(stored.open("rb"), content_type=content_type, filename=filename)
        except FileNotFoundError as exc:
            raise Http404("Không có tệp này.") from exc
    response["Content-Disposition"] = content_disposition_header(False, filename)
    public = getattr(record, "file_is_public", None)
    response["Cache-Control"] = "public, max-age=300" if public and public() else "private"
    return response
