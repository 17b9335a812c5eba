"""Settings for thidua, read from environment variables (see README)."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from thidua import roles

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-key-never-use-in-production-9f3b1c7e5a2d4f60b8e1c3a5d7f9b2e4"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Widget templates are looked up in templates/ too (FORM_RENDERER): the date inputs' own.
    "django.forms",
    "django_filters",
    "rules",
    "simple_history",
    "thidua.axes_app.AxesConfig",  # django-axes, named in Vietnamese in the admin
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "thidua",
    "units",
    "blocs",
    "awards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, authentication, messages, CSRF and locale, so a hit skips them all; after
    # SecurityMiddleware, so hits carry its headers (thidua.middleware, docs/security.md).
    "thidua.middleware.PublicPageCacheMiddleware",
    # Inside the page cache, so a cached API response keeps its CORS header (thidua.api.cors).
    "thidua.api.cors.ApiCorsMiddleware",
    # Anonymous public reads from DATABASE_REPLICA_URL when one is set (thidua.replica).
    "thidua.replica.PublicReadReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A NUL byte or an out-of-range integer in the query string: 404, never a database error.
    "thidua.middleware.MalformedQueryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "thidua.middleware.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its Vietnamese page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.imports.context.navigation",
                "blocs.assessments.context.navigation",
            ],
        },
    },
]

# Form widgets render with the project's templates, so templates/django/forms/widgets/ can make
# every date input a dd/mm/yyyy text input with its placeholder (admin and staff forms alike).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"


def without_jit(database: dict) -> dict:
    """PostgreSQL compiles a query to machine code (JIT) when the planner costs it high: 30-40 ms
    spent on one of this site's page queries that returns a handful of rows after a misestimated
    join. JIT pays off on long analytical queries (the PostgreSQL manual, "When to JIT?"), not
    on a web page's short reads: off on the site's connections unless THIDUA_PG_JIT=1 (e.g.
    behind PgBouncer, which refuses the `options` startup parameter: then set it in the
    database, `ALTER DATABASE … SET jit = off`)."""
    if database["ENGINE"].endswith("postgresql") and not env_bool("THIDUA_PG_JIT", False):
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


DATABASE_URL = os.environ.get("DATABASE_URL") or ""
if not DATABASE_URL:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": without_jit(
        dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        )
    )
}
# An optional read replica (a PostgreSQL streaming replica of the same database) that serves the
# anonymous public pages; staff pages and every write use "default" (thidua.replica, README).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL") or ""
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = without_jit(
        dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
            # Tests: the replica is the default test database seen through a second alias.
            test_options={"MIRROR": "default"},
        )
    )
    # A replica cut off by the network is found out in seconds, then the primary serves
    # (thidua.replica).
    if DATABASES["replica"]["ENGINE"].endswith("postgresql"):
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)

DATABASE_ROUTERS = ["thidua.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out login before any password is checked (thidua.login_attempts).
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "thidua.backends.OneQueryModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
# The project's catalogue comes first: it supplies the admin's and django-simple-history's strings
# that their own vi catalogues lack or word badly (locale/vi/LC_MESSAGES/django.po).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["thidua.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads go through Django's storage API: MEDIA_ROOT on disk by default, or an S3-compatible
# object store shared by every app server with THIDUA_MEDIA_STORAGE=s3 (django-storages; README).
if os.environ.get("THIDUA_MEDIA_STORAGE", "filesystem") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["THIDUA_S3_BUCKET"],
            "endpoint_url": os.environ.get("THIDUA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("THIDUA_S3_REGION") or None,
            "access_key": os.environ.get("THIDUA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("THIDUA_S3_SECRET_ACCESS_KEY") or None,
            # Private objects: files are served only through the views that check permissions.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# How thidua.media hands a permitted file to the web server: "" (Django streams it), "nginx"
# (X-Accel-Redirect to MEDIA_ACCEL_PREFIX, an internal location aliased to MEDIA_ROOT) or
# "sendfile" (X-Sendfile with the file's path).
MEDIA_ACCEL = os.environ.get("THIDUA_MEDIA_ACCEL", "")
MEDIA_ACCEL_PREFIX = os.environ.get("THIDUA_MEDIA_ACCEL_PREFIX", "/protected-media/")
# Uploads larger than this are refused by the upload validators, not only buffered to disk.
MAX_UPLOAD_BYTES = int(os.environ.get("THIDUA_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
# Imports from Excel (thidua.imports): data rows per file, and where an upload waits between
# preview and confirm — outside MEDIA_ROOT, so it is never served.
IMPORT_MAX_ROWS = int(os.environ.get("THIDUA_IMPORT_MAX_ROWS", "20000"))
IMPORT_STAGING_DIR = Path(os.environ.get("THIDUA_IMPORT_STAGING_DIR", VAR_DIR / "imports"))


def cache_from_url(url, part):
    """DJANGO_CACHE_URL: redis://host:port/db, file:///abs/dir, db://table_name, locmem:// or
    dummy://. Every backend is Django's own.

    `part` separates the caches that share the URL: a key prefix, a sub-folder, a table suffix or
    a name.
    """
    scheme, _, rest = url.partition("://")
    options = {"MAX_ENTRIES": 20_000}
    if scheme in ("redis", "rediss", "unix"):
        # One server for every app server: pages, the content version, API throttling. Django's
        # RedisCache, for which an unreachable Redis is a miss (thidua.cache_backends); timeouts
        # so that a Redis cut off by the network is found out in a second, not a TCP timeout.
        return {
            "BACKEND": "thidua.cache_backends.FailOpenRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"thidua-{part}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if scheme == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(rest or VAR_DIR / "cache") / part),
            "OPTIONS": options,
        }
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": f"{rest or 'thidua_cache'}_{part}",
            "OPTIONS": options,
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{rest}-{part}",
            "OPTIONS": options,
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"DJANGO_CACHE_URL: unknown scheme {scheme!r}.")


# The caches must be shared by every gunicorn worker: files under var/cache by default. "default"
# holds small state (the public content version, the API's rate-limit counters, the event
# view marks; login failures are in the database); "pages" holds the cached pages, kept apart
# so that many pages can never push the state out. Tests (pytest in this process) use in-memory
# caches so parallel runs never share entries.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL") or (
    "locmem://" if "pytest" in sys.modules else f"file://{VAR_DIR / 'cache'}"
)
# The body that reviews nominations: the members of `role` (an auth group) and, when `unit` (a
# unit's slug) is set, only those working in that unit. Since 2025 this ministry's council
# secretariat is Vụ Tổ chức cán bộ (TT 25/2025/TT-BKHCN); before, Vụ Thi đua - Khen thưởng.
THIDUA_REVIEW_BODY = {
    "role": os.environ.get("THIDUA_REVIEW_ROLE", roles.REVIEWER),
    "unit": os.environ.get("THIDUA_REVIEW_UNIT", ""),
}
# Public exports larger than this are refused with a request to filter further.
THIDUA_EXPORT_MAX_ROWS = int(os.environ.get("THIDUA_EXPORT_MAX_ROWS", "20000"))

# Paper out (official documents and certificates): the names printed on them, the address the
# certificates' QR codes point to (default: the host of the request that printed them) and the
# most certificates one batch PDF holds (a larger decision is printed in ranges).
THIDUA_MINISTRY_NAME = os.environ.get("THIDUA_MINISTRY_NAME", "Bộ Khoa học và Công nghệ")
THIDUA_REVIEWING_DEPARTMENT = os.environ.get(
    "THIDUA_REVIEWING_DEPARTMENT", "Vụ Thi đua - Khen thưởng"
)
THIDUA_DOCUMENT_PLACE = os.environ.get("THIDUA_DOCUMENT_PLACE", "Hà Nội")
THIDUA_PUBLIC_BASE_URL = os.environ.get("THIDUA_PUBLIC_BASE_URL", "").rstrip("/")
THIDUA_CERTIFICATE_BATCH_MAX = int(os.environ.get("THIDUA_CERTIFICATE_BATCH_MAX", "1000"))

CACHES = {part: cache_from_url(CACHE_URL, part) for part in ["default", "pages", "sessions"]}


def session_engine(store, cache_url):
    """DJANGO_SESSION_STORE: `db` (default), `cached_db` (kept in the database, read through the
    cache: a staff request saves its session query) or `cache` (Redis only).

    A session read from a cache that another worker cannot see would outlive its logout there, so
    cached sessions need a shared cache; sessions only in the cache need one that never culls.
    """
    scheme = cache_url.partition("://")[0]
    shared = {"redis", "rediss", "unix", "file", "db"}
    engines = {
        "db": ("django.contrib.sessions.backends.db", None),
        "cached_db": ("django.contrib.sessions.backends.cached_db", shared),
        "cache": ("django.contrib.sessions.backends.cache", {"redis", "rediss", "unix"}),
    }
    if store not in engines:
        raise ImproperlyConfigured(f"DJANGO_SESSION_STORE: unknown store {store!r}.")
    engine, schemes = engines[store]
    if schemes is not None and scheme not in schemes:
        raise ImproperlyConfigured(
            f"DJANGO_SESSION_STORE={store} needs DJANGO_CACHE_URL with one of "
            f"{', '.join(sorted(schemes))}; it is {scheme}://."
        )
    return engine


SESSION_ENGINE = session_engine(os.environ.get("DJANGO_SESSION_STORE", "db"), CACHE_URL)
SESSION_CACHE_ALIAS = "sessions"
# Anonymous GET responses of public pages are cached, keyed by URL and a content version bumped
# on every change of registry, bloc or award data (thidua.cache). The timeout only bounds
# time-based changes such as an event whose publication time is reached. Off by default while
# developing (DEBUG), so template edits show at once.
PAGE_CACHE_ENABLED = env_bool("THIDUA_PAGE_CACHE", not DEBUG)
PAGE_CACHE_SECONDS = int(os.environ.get("THIDUA_PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_APPS = ["units", "blocs", "awards"]
# The staff's pages: never cached, and closed to search engines (robots.txt).
STAFF_PATH_PREFIXES = [
    "/admin/",
    "/accounts/",
    "/khen-thuong/khoi/",
    "/khen-thuong/tham-dinh/",
    "/binh-xet/",
    "/nhap-excel/",
]
PAGE_CACHE_EXCLUDED_PREFIXES = [
    *STAFF_PATH_PREFIXES,
    "/suc-khoe/",
    "/static/",
    "/media/",
]

# The read-only JSON API (thidua/api, README): public data only, no session or login (so no CSRF
# and no personal answer), JSON only, cursor pages, anonymous clients rate-limited in the
# "default" cache (shared by every worker).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # django-filter's, refusing a query parameter no filter reads (thidua.api.filters).
    "DEFAULT_FILTER_BACKENDS": ["thidua.api.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "thidua.api.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["thidua.api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("THIDUA_API_ANON_RATE", "300/min")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "thidua.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API dữ liệu thi đua - khen thưởng, Bộ Khoa học và Công nghệ",
    "DESCRIPTION": "Giao diện lập trình chỉ đọc của mọi hồ sơ đã công bố: đơn vị, khối thi đua "
    "và các năm của khối, sự kiện, quyết định và khen thưởng. Không có dự thảo, hồ sơ đề nghị "
    "đang xét hay ý kiến thẩm định.\n\n"
    "Tham số lọc: mọi danh sách gọi cùng một điều kiện bằng cùng một tên — `year` (năm), "
    "`bloc` (mã số `id` của khối), `kind` (loại). Tên dùng trên các trang của cổng (`nam`, "
    "`khoi` theo đường dẫn của khối, `loai`) vẫn được nhận như tên khác; nếu có cả hai thì "
    "áp dụng cả hai. Ngoài các tham số lọc của từng danh sách, mọi danh sách nhận `cursor`, "
    "`page_size` và `format`; tham số khác (ví dụ gõ nhầm tên) bị từ chối với mã 400 và thông "
    "báo nêu tên tham số cùng các tham số được nhận.",
    "VERSION": "1.0.0",
    # The groups of the documentation page: their names are the lists' paths (kept: generated
    # clients name their classes after them), their descriptions Vietnamese.
    "TAGS": [
        {"name": "units", "description": "Đơn vị (tập thể) trong hồ sơ."},
        {"name": "blocs", "description": "Khối thi đua."},
        {
            "name": "bloc-years",
            "description": "Khối thi đua theo từng năm: thành viên (tên trong năm đó), khối "
            "trưởng, khối phó, tập thể dẫn đầu.",
        },
        {"name": "events", "description": "Sự kiện đã công bố của các khối thi đua."},
        {"name": "decisions", "description": "Quyết định khen thưởng đã công bố."},
        {"name": "awards", "description": "Khen thưởng theo các quyết định đã công bố."},
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page's assets from this site's static files, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Bulk open data (thidua.open_data, page /du-lieu-mo/): the licence its downloads carry.
THIDUA_OPEN_DATA_LICENCE = os.environ.get(
    "THIDUA_OPEN_DATA_LICENCE", "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"
)
THIDUA_OPEN_DATA_LICENCE_URL = os.environ.get(
    "THIDUA_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.vi"
)

# Login throttling (django-axes, thidua.login_attempts): failures per username and per client
# address in a window, stored in the database (AccessAttempt, AccessFailureLog: see the admin).
LOGIN_FAILURES_PER_USERNAME = int(os.environ.get("THIDUA_LOGIN_FAILURES_PER_USERNAME", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("THIDUA_LOGIN_FAILURES_PER_ADDRESS", "20"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("THIDUA_LOGIN_FAILURE_WINDOW_SECONDS", "900"))
# The request header that holds the client's address when behind a reverse proxy, e.g.
# HTTP_X_REAL_IP; REMOTE_ADDR otherwise (behind a proxy it would be the proxy for everyone).
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "REMOTE_ADDR")
AXES_HANDLER = "thidua.login_attempts.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURES_PER_USERNAME  # the handler applies each parameter's limit
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_FAILURE_WINDOW_SECONDS)
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_USERNAME_CALLABLE = "thidua.login_attempts.username_key"
AXES_CLIENT_IP_CALLABLE = "thidua.login_attempts.client_address"
AXES_LOCKOUT_CALLABLE = "thidua.login_attempts.lockout_response"
AXES_COOLOFF_MESSAGE = "Đăng nhập sai quá nhiều lần. Vì an toàn, hãy thử lại sau."
AXES_VERBOSE = False

# Content-Security-Policy (thidua.middleware): no inline script or style anywhere, admin included.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
