"""Site-wide middleware: Content-Security-Policy, the public page cache and malformed queries."""

from django.conf import settings
from django.http import Http404

from . import cache as page_cache


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


# The largest integer any column or OFFSET of the database can hold (PostgreSQL bigint).
_BIGINT_MAX = 2**63 - 1


def malformed_query_value(value: str, *, free_text: bool = False) -> bool:
    """A value no page can use: a NUL byte (PostgreSQL refuses it in any text) or, unless the
    parameter holds free text, an integer beyond the database's range (an id, a year or a page
    number that would overflow)."""
    if "\x00" in value:
        return True
    if free_text:
        return False
    digits = value.strip().lstrip("+-")
    return digits.isdigit() and len(digits) > 18 and int(digits) > _BIGINT_MAX


def free_text_params(*names):
    """Marks the query parameters of a view that hold free text (a search box): a long number
    typed there is something to look for, not an id that would overflow."""

    def mark(view):
        view.free_text_params = frozenset(names)
        return view

    return mark


class MalformedQueryMiddleware:
    """Answers 404 to a query string no page can use, whatever the page (public lists, admin
    changelists and filters, staff pages), instead of letting the database raise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        free = getattr(view_func, "free_text_params", frozenset())
        for key, values in request.GET.lists():
            if malformed_query_value(key) or any(
                malformed_query_value(v, free_text=key in free) for v in values
            ):
                raise Http404("Tham số của trang không hợp lệ.")
        return None
