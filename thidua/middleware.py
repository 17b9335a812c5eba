"""Site-wide middleware: Content-Security-Policy, the public page cache and malformed queries."""

from django.conf import settings
from django.contrib.admin.views.main import SEARCH_VAR
from django.shortcuts import render

from . import cache as page_cache
from .api.cors import API_PREFIX
from .api.errors import error_response as api_error_response
from .numbers import is_integer, parse_int


class ContentSecurityPolicyMiddleware:
    """Sends settings.CONTENT_SECURITY_POLICY on every response that has none of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        # Django's debug error pages (DEBUG only) are styled inline: leave them readable.
        if settings.DEBUG and response.status_code >= 400:
            return response
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


class PublicPageCacheMiddleware:
    """Serves anonymous GETs of public pages from the shared cache (see thidua.cache).

    Placed near the top of the stack (right after SecurityMiddleware and WhiteNoise, like
    Django's FetchFromCacheMiddleware), so a hit skips sessions, authentication, messages, CSRF,
    locale and history altogether: two cache reads and no database. "Anonymous" is decided from
    the request's cookies: a request carrying a session or messages cookie always goes the
    normal way and is neither served from nor stored in the cache. What is stored is the response
    as every inner middleware left it (Content-Security-Policy, X-Frame-Options, Vary...);
    SecurityMiddleware, outside, adds its headers to hits and misses alike.

    A view opts out with never_cache (or any private/no-cache Cache-Control); pages under the
    excluded prefixes, signed-in users, pages with messages or a CSRF token and responses that
    set cookies are never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.request_is_cacheable(request):
            return self.get_response(request)
        key = page_cache.page_key(request, page_cache.public_version())
        response = page_cache.load(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if page_cache.response_is_cacheable(request, response):
            page_cache.store(key, response)
            response["X-Page-Cache"] = "miss"
        return response


# The message of a query string no page can use, as a page or, under /api/, as DRF's JSON.
MALFORMED_QUERY_MESSAGE = "Tham số của trang không hợp lệ."

# The admin's own search boxes: a changelist's (?q=) and an autocomplete's (?term=).
ADMIN_SEARCH_PARAMS = {"changelist_view": SEARCH_VAR, "autocomplete_view": "term"}


def malformed_query_value(value: str, *, free_text: bool = False) -> bool:
    """A value no page can use: a NUL byte (PostgreSQL refuses it in any text) or, unless the
    parameter holds free text, an integer beyond the database's range (an id, a year or a page
    number that would overflow)."""
    if "\x00" in value:
        return True
    if free_text:
        return False
    return is_integer(value) and parse_int(value) is None


def free_text_params(*names):
    """Marks the query parameters of a view (a function or a class-based view, DRF's included)
    that hold free text (a search box): a long number typed there is something to look for, not
    an id that would overflow."""

    def mark(view):
        view.free_text_params = frozenset(names)
        return view

    return mark


def free_text_names(view_func) -> frozenset:
    """The free-text parameters of a view: marked on the function or on its class (Django's
    as_view() sets view_class, DRF's viewsets cls), or the admin's search boxes."""
    view_class = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None)
    names = getattr(view_func, "free_text_params", None) or getattr(
        view_class, "free_text_params", frozenset()
    )
    if hasattr(view_func, "model_admin") or hasattr(view_func, "admin_site"):
        search = ADMIN_SEARCH_PARAMS.get(getattr(view_func, "__name__", ""))
        if search:
            names = names | {search}
    return names


class MalformedQueryMiddleware:
    """Answers 404 to a query string no page can use, whatever the page (public lists, admin
    changelists and filters, staff pages), instead of letting the database raise; under /api/
    the 404 is JSON like the API's other errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        free = free_text_names(view_func)
        for key, values in request.GET.lists():
            if malformed_query_value(key) or any(
                malformed_query_value(v, free_text=key in free) for v in values
            ):
                return self.not_found(request)
        return None

    @staticmethod
    def not_found(request):
        if request.path.startswith(API_PREFIX):
            return api_error_response(MALFORMED_QUERY_MESSAGE, 404)
        # The site's 404 page, as Http404 would render it, saying why.
        return render(request, "404.html", {"reason": MALFORMED_QUERY_MESSAGE}, status=404)
