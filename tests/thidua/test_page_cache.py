"""The public page cache serves repeat visits without the database and is never stale."""

import os
import subprocess
import sys

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

from blocs.models import Bloc
from thidua import cache as page_cache
from thidua.middleware import PublicPageCacheMiddleware

from ..factories import BlocYearFactory, DocumentFactory, EventFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def home_with_blocs(db):
    def make(n):
        return [BlocYearFactory(year=2024).bloc for _ in range(n)]

    return make


@pytest.mark.parametrize("n", [2, 20])
def test_a_repeat_visit_is_served_from_the_cache_without_queries(
    client, home_with_blocs, django_assert_num_queries, n
):
    blocs = home_with_blocs(n)
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert blocs[-1].name in second.content.decode()
    assert "Content-Security-Policy" in second


def test_editing_a_record_shows_on_the_next_visit(client, home_with_blocs):
    bloc = home_with_blocs(2)[0]
    client.get("/")
    bloc.name = "Khối thi đua Đổi tên Mới"
    bloc.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Khối thi đua Đổi tên Mới" in response.content.decode()


def test_deleting_a_record_shows_on_the_next_visit(client, home_with_blocs):
    bloc = home_with_blocs(2)[0]
    client.get("/")
    bloc.years.all().delete()
    Bloc.objects.filter(pk=bloc.pk).get().delete()
    assert bloc.name not in client.get("/").content.decode()


def test_saving_a_unit_changes_the_public_version(db):
    unit = UnitFactory()
    before = page_cache.public_version()
    unit.name = "Cục Đổi tên"
    unit.save()
    assert page_cache.public_version() != before


def test_changing_a_many_to_many_relation_changes_the_public_version(db):
    event, document = EventFactory(), DocumentFactory()
    before = page_cache.public_version()
    event.documents.add(document)
    assert page_cache.public_version() != before


def test_a_login_does_not_empty_the_cache(client, db):
    UserFactory(username="thuky")
    before = page_cache.public_version()
    client.post("/accounts/login/", {"username": "thuky", "password": "mat-khau-thu-nghiem"})
    assert "_auth_user_id" in client.session
    assert page_cache.public_version() == before


def test_signed_in_users_always_get_a_fresh_page(client, home_with_blocs):
    home_with_blocs(2)
    client.force_login(UserFactory())
    client.get("/")
    response = client.get("/")
    assert "X-Page-Cache" not in response


def test_a_lost_version_means_a_miss_never_an_old_page(client, home_with_blocs):
    bloc = home_with_blocs(1)[0]
    client.get("/")
    cache.delete(page_cache.VERSION_KEY)
    Bloc.objects.filter(pk=bloc.pk).update(name="Khối thi đua Sửa Trực tiếp")
    assert "Khối thi đua Sửa Trực tiếp" in client.get("/").content.decode()


# --- What the middleware refuses to cache, on stand-in views ------------------------------------


class Anonymous:
    is_authenticated = False


def request_for(path="/trang/", messages=()):
    request = RequestFactory().get(path)
    request.user = Anonymous()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    for text in messages:
        request._messages.add(20, text)
    return request


def served_twice(view, path="/trang/", messages=()):
    calls = []

    def counting(request):
        calls.append(request)
        return view(request)

    middleware = PublicPageCacheMiddleware(counting)
    middleware(request_for(path, messages))
    middleware(request_for(path, messages))
    return len(calls)


def ok(request):
    return HttpResponse("nội dung")


@never_cache
def counted(request):
    return HttpResponse("lượt xem +1")


def with_cookie(request):
    response = HttpResponse("cá nhân")
    response.set_cookie("chon", "1")
    return response


def not_found(request):
    return HttpResponse("không có", status=404)


def test_a_plain_public_page_renders_once(db):
    assert served_twice(ok) == 1


@pytest.mark.parametrize("view", [counted, with_cookie, not_found])
def test_pages_that_must_stay_fresh_render_every_time(db, view):
    assert served_twice(view) == 2


@pytest.mark.parametrize(
    "path", ["/admin/", "/accounts/login/", "/khen-thuong/khoi/", "/khen-thuong/tham-dinh/"]
)
def test_staff_pages_are_never_cached(db, path):
    assert served_twice(ok, path) == 2


def test_a_page_showing_messages_is_not_cached(db):
    assert served_twice(ok, messages=["Đã lưu."]) == 2


def test_a_page_that_puts_a_csrf_token_is_not_cached(db):
    from django.middleware.csrf import get_token

    def form_page(request):
        return HttpResponse(f"<form><input value='{get_token(request)}'></form>")

    assert served_twice(form_page) == 2


def test_a_change_in_another_process_invalidates_this_one(settings, tmp_path):
    """gunicorn workers share the file cache: a save in one makes every other one miss."""
    location = tmp_path / "cache"
    settings.CACHES = {
        part: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location / part),
        }
        for part in ["default", "pages"]
    }
    before = page_cache.public_version()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_CACHE_URL"}
    env["DJANGO_CACHE_URL"] = f"file://{location}"
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--verbosity=0",
            "-c",
            "from thidua.cache import bump_public_version; bump_public_version()",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )
    assert page_cache.public_version() != before


# --- The hit path at the top of the middleware stack --------------------------------------------

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def test_a_hit_carries_the_same_security_headers_as_a_miss(client, home_with_blocs):
    home_with_blocs(2)
    miss = client.get("/")
    hit = client.get("/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in SECURITY_HEADERS:
        assert hit[header] == miss[header], header


def test_a_visitor_with_a_session_cookie_never_gets_the_cached_page(client, home_with_blocs):
    home_with_blocs(2)
    client.get("/")
    user = UserFactory()
    client.force_login(user)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert user.username in response.content.decode()


def test_a_visitor_with_pending_messages_never_gets_the_cached_page(client, home_with_blocs):
    from django.contrib.messages.storage.cookie import CookieStorage

    home_with_blocs(2)
    client.get("/")
    client.cookies[CookieStorage.cookie_name] = "any"
    assert "X-Page-Cache" not in client.get("/")


def djangos_own(backend):
    """One of Django's backends, or thidua's subclass of one that only reads a Redis it cannot
    reach as a miss (thidua.cache_backends)."""
    if backend.__module__.startswith("thidua."):
        backend = backend.__bases__[0]
    return backend.__module__.startswith("django.core.cache.backends.")


def test_every_cache_url_uses_one_of_djangos_own_backends():
    from django.utils.module_loading import import_string

    from thidua.settings import cache_from_url

    for url in ["redis://127.0.0.1:6379/0", "file:///tmp/thidua-cache", "db://t", "locmem://"]:
        parts = [cache_from_url(url, part) for part in ["default", "pages", "sessions"]]
        assert all(djangos_own(import_string(p["BACKEND"])) for p in parts), url
        # The caches never share keys: pages can never evict the content version or a session.
        keys = {p.get("KEY_PREFIX", p.get("LOCATION")) for p in parts}
        assert len(keys) == 3, url


def test_the_redis_url_shares_pages_and_version_between_processes(settings):
    """Two app servers with DJANGO_CACHE_URL=redis://… see one content version."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    from thidua.settings import cache_from_url

    settings.CACHES = {part: cache_from_url(REDIS_URL, part) for part in ["default", "pages"]}
    env = {**os.environ, "DJANGO_CACHE_URL": REDIS_URL}
    page_cache.bump_public_version()
    before = page_cache.public_version()
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--verbosity=0",
            "-c",
            "from thidua.cache import bump_public_version; bump_public_version()",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )
    assert page_cache.public_version() != before


REDIS_URL = os.environ.get("THIDUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_uploads_go_to_an_s3_store_with_one_setting(settings):
    env = {
        **os.environ,
        "THIDUA_MEDIA_STORAGE": "s3",
        "THIDUA_S3_BUCKET": "thidua-media",
        "THIDUA_S3_ENDPOINT_URL": "http://127.0.0.1:9",
    }
    shown = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--verbosity=0",
            "-c",
            "from django.core.files.storage import storages; s = storages['default']; "
            "print(type(s).__name__, s.bucket_name, s.default_acl)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert shown.stdout.split() == ["S3Storage", "thidua-media", "private"]
