"""Two gunicorn app servers on two ports, one PostgreSQL database and one Redis: what one server
saves or decides, the other serves at the next request (docs/deploy.md).

Runs on PostgreSQL with a Redis server on 127.0.0.1:6379 (.ci/run starts one); skipped elsewhere
unless THIDUA_REQUIRE_MULTISERVER is set, when a missing piece fails the test instead.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import UnitFactory, UserFactory

REDIS_URL = os.environ.get("THIDUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
PASSWORD = "mat-khau-dung-1"
REPLICA_TAG = "thidua-replica-test"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.multiserver,
]


def _missing():
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (DATABASE_URL=postgres://…)"
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 - any failure means: no usable Redis here
        return f"needs Redis at {REDIS_URL}: {error}"
    return None


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, **_server_env(root)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=300,
    )
    return root


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(**query):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return f"{url}?{urlencode(query)}" if query else url


def _server_env(static_root):
    return {
        "DATABASE_URL": _database_url(),
        "DJANGO_CACHE_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "two-servers-test-secret-key-0123456789-abcdefghijklmnop",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "STATIC_ROOT": str(static_root),
        "THIDUA_PAGE_CACHE": "1",
    }


class FormFields(HTMLParser):
    """The values a browser would submit from the page's forms (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.values[name] = a.get("value", "on")
            else:
                self.values[name] = a.get("value", "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_fields(html):
    parser = FormFields()
    parser.feed(html)
    return parser.values


class Server:
    def __init__(self, static_root, **extra_env):
        self.port = _free_port()
        env = {**os.environ, **_server_env(static_root), **extra_env}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "thidua.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.cookies = {}
        deadline = time.monotonic() + 60  # a bound on start-up, not a timing assertion
        while time.monotonic() < deadline:
            try:
                if self.get("/suc-khoe/").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {self.process.stderr.read().decode()}")

    def request(self, method, path, body=None, cookies=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1"}
        jar = self.cookies if cookies is None else cookies
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        if body is not None:
            body = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.text = response.read().decode()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                jar[name] = morsel.value
        conn.close()
        return response

    def get(self, path, cookies=None):
        return self.request("GET", path, cookies=cookies)

    def login(self, username, password):
        form = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        return self.request(
            "POST",
            "/accounts/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def shared_services(settings):
    # The servers check passwords with the production hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    missing = _missing()
    if missing:
        if os.environ.get("THIDUA_REQUIRE_MULTISERVER"):
            pytest.fail(missing)
        pytest.skip(missing)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture
def servers(static_root, shared_services):
    a = Server(static_root)
    # The second server reads anonymous pages through a replica alias pointing at the same
    # database, tagged so that its connections can be told apart.
    b = Server(static_root, DATABASE_REPLICA_URL=_database_url(application_name=REPLICA_TAG))
    yield a, b
    a.stop()
    b.stop()


def _admin():
    user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_an_edit_through_one_server_is_on_the_other_servers_public_page(servers):
    a, b = servers
    unit = UnitFactory(name="Viện Thử nghiệm Hai máy")
    _admin()
    assert "Viện Thử nghiệm Hai máy" in b.get(unit.get_absolute_url()).text
    assert b.get(unit.get_absolute_url()).getheader("X-Page-Cache") == "hit"

    logged_in = a.login("quantri", PASSWORD)
    assert logged_in.status == 302
    page = a.get(f"/admin/units/unit/{unit.pk}/change/")
    assert page.status == 200
    fields = form_fields(page.text)
    fields.update(name="Viện Đổi tên Hai máy", _save="Lưu")
    saved = a.request("POST", f"/admin/units/unit/{unit.pk}/change/", fields)
    assert saved.status == 302, re.findall(r"errorlist.{0,200}", saved.text)

    shown = b.get(unit.get_absolute_url())
    assert "Viện Đổi tên Hai máy" in shown.text


def test_a_session_opened_on_one_server_is_valid_on_the_other(servers):
    a, b = servers
    _admin()
    assert a.login("quantri", PASSWORD).status == 302
    assert b.get("/admin/", cookies=a.cookies).status == 200
    assert b.get("/admin/", cookies={}).status == 302  # without it: to the login page


@pytest.fixture
def servers_with_sessions_in_redis(static_root, shared_services):
    # A second pair, keeping sessions only in Redis (DJANGO_SESSION_STORE=cache).
    a = Server(static_root, DJANGO_SESSION_STORE="cache")
    b = Server(static_root, DJANGO_SESSION_STORE="cache")
    yield a, b
    a.stop()
    b.stop()


def test_a_session_kept_in_redis_opens_and_ends_on_either_server(servers_with_sessions_in_redis):
    a, b = servers_with_sessions_in_redis
    _admin()
    assert a.login("quantri", PASSWORD).status == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()  # kept in Redis, not in the database
    page = b.get("/admin/", cookies=a.cookies)
    assert page.status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    session = dict(a.cookies)  # the logout's answer empties the jar it is given
    logged_out = b.request("POST", "/accounts/logout/", {"csrfmiddlewaretoken": token}, a.cookies)
    assert logged_out.status == 302
    assert a.get("/admin/", cookies=session).status == 302  # ended everywhere: to the login page


def test_a_server_cut_off_from_redis_and_the_replica_keeps_serving(static_root, shared_services):
    """A network cut (or a restart) of Redis and of the read replica: pages are rendered afresh
    from the primary, staff stay signed in (sessions in PostgreSQL, read through the cache when
    it answers) — never a 500."""
    db = connection.settings_dict
    server = Server(
        static_root,
        DJANGO_CACHE_URL=f"redis://127.0.0.1:{_free_port()}/0",  # nothing listens there
        DJANGO_SESSION_STORE="cached_db",
        DATABASE_REPLICA_URL=f"postgres://{db['USER']}@127.0.0.1:{_free_port()}/{db['NAME']}",
    )
    try:
        unit = UnitFactory(name="Viện Khi mạng đứt")
        _admin()
        for _ in range(3):  # each worker finds both out once, then leaves them alone
            page = server.get(unit.get_absolute_url())
            assert page.status == 200 and "Viện Khi mạng đứt" in page.text
        assert server.get("/api/v1/units/").status == 200
        assert server.login("quantri", PASSWORD).status == 302
        assert server.get("/admin/").status == 200
    finally:
        server.stop()
    log = server.process.stderr.read().decode()
    assert "Redis unreachable" in log and "Read replica unreachable" in log


def test_a_login_lockout_on_one_server_holds_on_the_other(servers):
    a, b = servers
    _admin()
    for _ in range(settings.LOGIN_FAILURES_PER_USERNAME + 1):
        a.cookies.clear()
        assert a.login("quantri", "sai-mat-khau").status != 302
    refused = b.login("quantri", PASSWORD)
    assert refused.status != 302


def test_anonymous_pages_of_the_replica_server_read_through_the_replica(servers):
    _, b = servers
    unit = UnitFactory(name="Trung tâm Đọc bản sao")
    assert "Trung tâm Đọc bản sao" in b.get(unit.get_absolute_url()).text
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [REPLICA_TAG]
        )
        assert cursor.fetchone()[0] >= 1
