"""Login throttling with django-axes, and what our login pages add to it.

django-axes records every failed login (any page: `/accounts/login/`, `/admin/login/`) in the
database — one `AccessAttempt` per username and address, counted with an atomic update, and one
`AccessFailureLog` row per failure for the audit (both in the admin). At
`LOGIN_FAILURES_PER_USERNAME` failures for a username, or `LOGIN_FAILURES_PER_ADDRESS` from an
address, within `LOGIN_FAILURE_WINDOW_SECONDS`, the login is refused — even with the right
password — with a Vietnamese page (HTTP 429). A successful login clears the username's failures.

Axes checks the count before the password and records the failure after it, so parallel guesses
would all be checked before any was counted. `SerializedLoginMixin` closes that window: the check,
the password and the record run under one lock per username (a PostgreSQL advisory lock held to
the end of the transaction; a process lock on other databases, which serve one process only).
"""

import hashlib
import threading
from contextlib import contextmanager

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from .text import fold

LOCKED_MESSAGE = (
    "Đăng nhập sai quá nhiều lần. Vì an toàn, hãy thử lại sau {minutes} phút "
    "hoặc liên hệ quản trị viên."
)


def client_address(request):
    """The visitor's address: `DJANGO_CLIENT_IP_HEADER` behind a proxy, REMOTE_ADDR otherwise."""
    if request is None:
        return ""
    value = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def username_key(request, credentials):
    """Case- and diacritics-blind, so «THUKY» and «thuký» count against «thuky»."""
    username = (credentials or {}).get("username") or ""
    return fold(username) or None


def window_minutes():
    return max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)


def lockout_response(request, original_response=None, credentials=None):
    return render(
        request,
        "registration/locked_out.html",
        {"message": LOCKED_MESSAGE.format(minutes=window_minutes())},
        status=429,
    )


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per lockout parameter: one attacked account never
    locks out the others, and an office sharing one address gets a higher limit."""

    def get_failures(self, request, credentials=None) -> int:
        limits = {
            "username": settings.LOGIN_FAILURES_PER_USERNAME,
            "ip_address": settings.LOGIN_FAILURES_PER_ADDRESS,
        }
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        # Axes compares this with AXES_FAILURE_LIMIT: report the limit once any parameter
        # reached its own, and otherwise the username's count (always below the limit).
        for parameter, count in zip(settings.AXES_LOCKOUT_PARAMETERS, counts, strict=False):
            if count >= limits[parameter]:
                return settings.AXES_FAILURE_LIMIT
        return min(counts[0], settings.AXES_FAILURE_LIMIT - 1) if counts else 0


_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


@contextmanager
def serialized(key: str):
    """Run the block alone among logins with the same key, across processes on PostgreSQL."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [digest])
            yield
        return
    with _process_locks_guard:
        lock = _process_locks.setdefault(key, threading.Lock())
    with lock:
        yield


class SerializedLoginMixin:
    def clean(self):
        refused = None
        with serialized("login:" + (username_key(None, self.data) or "")):
            try:
                return super().clean()
            except ValidationError as error:
                refused = error  # raised outside, so that the recorded failure is committed
        raise refused


class LoginForm(SerializedLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(SerializedLoginMixin, AdminAuthenticationForm):
    pass


def update_last_login_quietly(sender, user, **kwargs):
    """Django's `update_last_login` saves the user, which writes a history row (and bumps the
    public page cache) on every login; an UPDATE sends no signal."""
    user.last_login = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)


def grant_audit_to_administrators():
    """Administrators read the attempts and failures, and unlock an account by deleting its
    attempts (the audit of failures stays)."""
    import rules

    from .predicates import is_administrator

    perms = ["axes", "axes.delete_accessattempt"] + [
        f"axes.view_{model}" for model in ["accessattempt", "accesslog", "accessfailurelog"]
    ]
    for perm in perms:
        if not rules.perm_exists(perm):
            rules.add_perm(perm, is_administrator)


def connect():
    from django.contrib import admin
    from django.contrib.auth.models import update_last_login
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(update_last_login_quietly, dispatch_uid="thidua.last_login")
    admin.site.login_form = AdminLoginForm
    grant_audit_to_administrators()
