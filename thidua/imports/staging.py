"""The uploaded file kept between preview and confirm: on disk under IMPORT_STAGING_DIR (never
under MEDIA_ROOT, so never served), named by a random token that only the uploader's session
knows. Files older than a day are purged on the next upload."""

import os
import secrets
import time
from pathlib import Path

from django.conf import settings

SESSION_KEY = "thidua_imports"
MAX_AGE_SECONDS = 24 * 3600


def _dir() -> Path:
    path = Path(settings.IMPORT_STAGING_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _purge_old():
    limit = time.time() - MAX_AGE_SECONDS
    for item in _dir().iterdir():
        if item.is_file() and item.stat().st_mtime < limit:
            item.unlink(missing_ok=True)


def stash(session, kind, filename, data: bytes, options: dict) -> str:
    _purge_old()
    token = secrets.token_urlsafe(18)
    path = _dir() / token
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    staged = dict(session.get(SESSION_KEY, {}))
    staged[token] = {"kind": kind, "filename": filename, "options": options}
    session[SESSION_KEY] = staged
    return token


def load(session, kind, token):
    """(bytes, meta) of a staged upload of this session and kind, or None."""
    meta = session.get(SESSION_KEY, {}).get(token)
    if not meta or meta["kind"] != kind:
        return None
    path = _dir() / token
    if not path.is_file():
        return None
    return path.read_bytes(), meta


def discard(session, token):
    staged = dict(session.get(SESSION_KEY, {}))
    staged.pop(token, None)
    session[SESSION_KEY] = staged
    (_dir() / token).unlink(missing_ok=True)
