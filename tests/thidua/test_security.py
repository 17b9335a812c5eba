"""Production settings, security headers, login throttling, password rules and error pages."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-thu-nghiem"
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k9#Vq2-production-like-secret-for-tests-only-x7Lm4pZr8sT1wY6uE3nB5",
    "DJANGO_ALLOWED_HOSTS": "thidua.example.vn",
}


def run_manage(*args, env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_use_secure_cookies_and_https():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    result = run_manage("shell", "--verbosity", "0", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "False"]


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    env = dict(PRODUCTION_ENV, DJANGO_SECRET_KEY="")
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


# --- Content-Security-Policy --------------------------------------------------------------------


def test_public_page_sends_a_strict_content_security_policy(client, db):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "img-src 'self' data:" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/units/unit/", "/admin/units/unit/add/", "/admin/blocs/event/add/"],
)
def test_admin_pages_work_under_the_policy(client, db, url):
    """The admin uses only its own script files: nothing inline that the policy would block."""
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(url)
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert " onclick=" not in html and " onload=" not in html


def test_error_pages_keep_the_policy_in_production(client, db):
    assert "Content-Security-Policy" in client.get("/khong-co-trang-nay/")


def test_debug_error_pages_stay_readable_while_developing(client, db, settings):
    settings.DEBUG = True
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Content-Security-Policy" not in response


def test_admin_login_page_sends_the_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


# --- Login throttling ---------------------------------------------------------------------------


def login(client, username, password, url="/accounts/login/", address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client):
    return "_auth_user_id" in client.session


THROTTLED = "Đăng nhập sai quá nhiều lần"


def test_five_failures_lock_the_username_even_with_the_right_password(client, db):
    user = UserFactory(username="thuky")
    for _ in range(4):
        response = login(client, "thuky", "sai-mat-khau")
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    fifth = login(client, "thuky", "sai-mat-khau")
    assert fifth.status_code == 429 and THROTTLED in fifth.content.decode()
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert not is_logged_in(client)


def test_failures_are_audited_in_the_admin(client, db):
    from axes.models import AccessAttempt, AccessFailureLog

    UserFactory(username="thuky")
    for _ in range(3):
        login(client, "thuky", "sai-mat-khau", address="10.4.4.4")
    attempt = AccessAttempt.objects.get(username="thuky", ip_address="10.4.4.4")
    assert attempt.failures_since_start == 3
    assert AccessFailureLog.objects.filter(username="thuky").count() == 3
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/axes/accessfailurelog/")
    assert page.status_code == 200 and "10.4.4.4" in page.content.decode()


def test_a_locked_username_does_not_lock_out_others(client, db):
    UserFactory(username="thuky")
    other = UserFactory(username="tdkt")
    for _ in range(5):
        login(client, "thuky", "sai-mat-khau")
    response = login(client, other.username, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_resets_the_count(client, db):
    user = UserFactory(username="khoitruong")
    for _ in range(4):
        login(client, user.username, "sai-mat-khau")
    assert login(client, user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, user.username, "sai-mat-khau")
    assert login(client, user.username, PASSWORD).status_code == 302


def test_username_is_matched_without_case_or_diacritics(client, db):
    user = UserFactory(username="thuky")
    for variant in ["THUKY", "thuky", "Thuky ", "thuký", "thuky"]:
        login(client, variant, "sai-mat-khau")
    assert THROTTLED in login(client, user.username, PASSWORD).content.decode()


def test_many_failures_from_one_address_lock_that_address_only(client, db, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    user = UserFactory(username="admin2")
    for n in range(8):
        login(client, f"khong-co-{n}", "sai-mat-khau", address="10.9.9.9")
    blocked = login(client, user.username, PASSWORD, address="10.9.9.9")
    assert THROTTLED in blocked.content.decode()
    assert login(client, user.username, PASSWORD, address="10.1.1.1").status_code == 302


def test_admin_login_is_throttled_too(client, db):
    user = UserFactory(username="quantri", is_superuser=True)
    for _ in range(5):
        login(client, user.username, "sai-mat-khau", url="/admin/login/")
    response = login(client, user.username, PASSWORD, url="/admin/login/")
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert not is_logged_in(client)


# --- Passwords ----------------------------------------------------------------------------------


def test_passwords_shorter_than_ten_characters_are_refused():
    with pytest.raises(ValidationError):
        validate_password("kh0ng-du9")  # 9 characters
    validate_password("thidua-demo-2026")


@pytest.mark.parametrize("password", ["password123", "1234567890123"])
def test_common_and_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


# --- Error pages --------------------------------------------------------------------------------


def test_unknown_page_answers_a_vietnamese_404_in_the_site_layout(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "site-header" in html and 'lang="vi"' in html


def test_forbidden_answers_a_vietnamese_403(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = defaults.permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_server_error_page_is_standalone_and_vietnamese():
    # No db fixture: any database access while rendering it would fail this test.
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Lỗi hệ thống" in html and 'lang="vi"' in html


def test_a_login_writes_no_history_row_for_last_login(client, db):
    user = UserFactory(username="thuky")
    rows = user.history.count()
    assert login(client, "thuky", PASSWORD).status_code == 302
    user.refresh_from_db()
    assert user.last_login is not None
    assert user.history.count() == rows
