"""Login throttling: too many failed logins for one username, or from one address, in a window.

Failures are counted in the shared cache by the user_login_failed signal (whatever page the login
came from) and the username's count is cleared by a successful login. While a limit is reached the
login forms (ours and the admin's) refuse to check the password and say so, in Vietnamese. Limits
are per username and per address, so one attacked account never locks out the others; the address
limit is higher, since a whole office may share one address.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache

from .text import fold

THROTTLED_MESSAGE = (
    "Đăng nhập sai quá nhiều lần. Vì an toàn, hãy thử lại sau %(minutes)d phút "
    "hoặc liên hệ quản trị viên."
)


def client_address(request):
    if request is None:
        return ""
    value = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def _key(kind, value):
    return f"thidua:login-fail:{kind}:" + hashlib.sha256(value.encode()).hexdigest()


def _keys(username, request):
    keys = []
    if username:
        keys.append((_key("user", fold(username)), settings.LOGIN_FAILURES_PER_USERNAME))
    address = client_address(request)
    if address:
        keys.append((_key("addr", address), settings.LOGIN_FAILURES_PER_ADDRESS))
    return keys


def record_failure(username, request):
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    now = time.time()
    for key, _ in _keys(username, request):
        count, started = cache.get(key) or (0, now)
        if now - started >= window:
            count, started = 0, now
        # The explicit timeout keeps the window fixed whatever the cache backend's incr does.
        cache.set(key, (count + 1, started), timeout=max(1, int(started + window - now)))


def clear_failures(username):
    if username:
        cache.delete(_key("user", fold(username)))


def is_throttled(username, request):
    now = time.time()
    for key, limit in _keys(username, request):
        count, started = cache.get(key) or (0, now)
        if count >= limit and now - started < settings.LOGIN_FAILURE_WINDOW_SECONDS:
            return True
    return False


def on_login_failed(sender, credentials, request=None, **kwargs):
    record_failure(credentials.get("username", ""), request)


def on_logged_in(sender, request, user, **kwargs):
    clear_failures(user.get_username())


class ThrottledLoginMixin:
    def clean(self):
        username = self.data.get("username", "")
        self.throttled = is_throttled(username, self.request)
        if self.throttled:
            minutes = max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)
            raise forms.ValidationError(
                THROTTLED_MESSAGE, code="throttled", params={"minutes": minutes}
            )
        return super().clean()


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


def connect():
    from django.contrib import admin
    from django.contrib.auth.signals import user_logged_in, user_login_failed

    user_login_failed.connect(on_login_failed, dispatch_uid="thidua.throttle.failed")
    user_logged_in.connect(on_logged_in, dispatch_uid="thidua.throttle.logged_in")
    admin.site.login_form = ThrottledAdminAuthenticationForm
