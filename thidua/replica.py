"""An optional read replica for anonymous public reads (DATABASE_REPLICA_URL).

Anonymous GETs of public pages read from the "replica" database; everything else — staff pages,
signed-in users, any write, any request that may write — uses "default". Whether a request is
anonymous is decided from its cookies (as the page cache does), before any session is read, so a
signed-in person never reads their own just-saved change from a lagging replica.
PostgreSQL's own streaming replication keeps the replica current; nothing here copies data.

A replica that cannot be reached (restarting, cut off) is logged and left alone for
`PAUSE_SECONDS`: meanwhile the public pages read from the primary, as without a replica.
"""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import OperationalError, connections

from .cache import personal_cookies

logger = logging.getLogger(__name__)

REPLICA = "replica"
PAUSE_SECONDS = 30.0
_public_read = ContextVar("thidua_public_read", default=False)
_paused_until = 0.0  # per process: each worker finds a lost replica out once per pause


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def is_public_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in personal_cookies()):
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def replica_reachable() -> bool:
    """Connects to the replica unless connected (a no-op then); False while it is unreachable."""
    global _paused_until
    if time.monotonic() < _paused_until:
        return False
    try:
        connections[REPLICA].ensure_connection()
    except OperationalError as error:
        _paused_until = time.monotonic() + PAUSE_SECONDS
        logger.error(
            "Read replica unreachable (%s); public pages read from the primary for %s s",
            error,
            PAUSE_SECONDS,
        )
        return False
    return True


class PublicReadReplicaMiddleware:
    """Marks the request's reads for the replica while an anonymous public page is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (replica_configured() and is_public_read(request) and replica_reachable()):
            return self.get_response(request)
        token = _public_read.set(True)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    """Reads of a marked request go to the replica; writes, migrations and the rest to default."""

    def db_for_read(self, model, **hints):
        return REPLICA if _public_read.get() and replica_configured() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two connections

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
