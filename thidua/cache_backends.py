"""Django's Redis cache, for which an unreachable Redis is a cache miss.

Redis holds only what can be rebuilt (pages, the content version, API throttling counts; sessions
when DJANGO_SESSION_STORE says so), so its restart or a network blip must not answer every public
page with a 500: reads miss, writes are dropped, pages are rendered afresh, and the failure is
logged. After a failure the process leaves Redis alone for `PAUSE_SECONDS`, so that a Redis that is
down costs each request nothing rather than a connection attempt per cache call.

What is lost meanwhile is bounded: a content change made while Redis was unreachable does not
bump the page version, so a Redis that comes back with its data may serve pages cached before the
change until they expire (THIDUA_PAGE_CACHE_SECONDS).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._paused_until = 0.0

    def _call(self, method, fallback, *args, **kwargs):
        if time.monotonic() < self._paused_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNREACHABLE as error:
            self._paused_until = time.monotonic() + PAUSE_SECONDS
            logger.error("Redis unreachable (%s); cache bypassed for %s s", error, PAUSE_SECONDS)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)
