"""The public page cache: anonymous GET responses keyed by full URL and a content version.

The version is a random token kept in the shared "default" cache (the pages are in the "pages"
cache, so they can never push it out). Any save or delete of a model of the apps
in settings.PAGE_CACHE_APPS (and any change of their many-to-many relations) replaces it, so every
page cached before the change is never served again, by any worker process. A version missing
from the cache (evicted, cache cleared) is replaced by a fresh one: a miss, never a stale page.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse

from thidua import batch

VERSION_KEY = "thidua:public-version"
PAGE_KEY_PREFIX = "thidua:page:"
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store", "max-age=0"}


def public_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_public_version():
    """Makes every cached public page obsolete. Safe to call any number of times."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_now_and_on_commit():
    # An import (thidua.batch) bumps once when its writes are done, not a cache write per row.
    if batch.once_at_end("thidua.cache.bump", bump_now_and_on_commit):
        return
    # Now, so this process never serves an old page; and again after the commit, so a page
    # rendered by another worker from not-yet-committed data is not kept under the new version.
    bump_public_version()
    transaction.on_commit(bump_public_version)


def page_key(request, version):
    digest = hashlib.sha256(f"{version}|{request.build_absolute_uri()}".encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


def personal_cookies():
    """Cookies that make a request personal: a session (maybe signed in) or pending messages."""
    from django.contrib.messages.storage.cookie import CookieStorage

    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def request_is_cacheable(request):
    """Decided before any other middleware ran: no session, user or messages are known yet."""
    if not settings.PAGE_CACHE_ENABLED or request.method != "GET":
        return False
    if any(name in request.COOKIES for name in personal_cookies()):
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def response_is_cacheable(request, response):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie"):
        return False
    directives = {d.strip().lower() for d in response.get("Cache-Control", "").split(",")}
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    # A page that put a CSRF token, a session change or a message in place is personal.
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def load(key):
    stored = caches["pages"].get(key)
    if stored is None:
        return None
    content, status, headers = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def store(key, response):
    headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
    caches["pages"].set(
        key, (response.content, response.status_code, headers), settings.PAGE_CACHE_SECONDS
    )


def connect_invalidation():
    """Connects the version bump to every model signal of the public apps (called in ready())."""
    from django.apps import apps as registry
    from django.db.models.signals import m2m_changed, post_delete, post_save

    apps = set(settings.PAGE_CACHE_APPS)

    def concerns(sender):
        meta = getattr(sender, "_meta", None)
        # Historical rows are written by their own model's save, which already bumped. Kept
        # counts (`kept_count`) are rebuilt from other rows by code that bumps once itself.
        return (
            meta is not None
            and meta.app_label in apps
            and not meta.model_name.startswith("historical")
            and not getattr(sender, "kept_count", False)
        )

    def on_save(sender, update_fields=None, **kwargs):
        # A login only stamps last_login on the user: no public page shows it.
        if concerns(sender) and not (update_fields and set(update_fields) == {"last_login"}):
            bump_now_and_on_commit()

    def on_delete(sender, **kwargs):
        if concerns(sender):
            bump_now_and_on_commit()

    def on_m2m(sender, action, **kwargs):
        if action.startswith("post_") and concerns(sender):
            bump_now_and_on_commit()

    post_save.connect(on_save, dispatch_uid="thidua.cache.save", weak=False)
    # Per model, not for every sender: Django deletes the rows of a model that no delete
    # receiver watches in one statement, but loads and signals them one by one otherwise (a
    # year's kept counts, thousands of rows, took seconds).
    for model in registry.get_models(include_auto_created=True):
        if concerns(model):
            uid = f"thidua.cache.delete.{model._meta.label_lower}"
            post_delete.connect(on_delete, sender=model, dispatch_uid=uid, weak=False)
    m2m_changed.connect(on_m2m, dispatch_uid="thidua.cache.m2m", weak=False)
