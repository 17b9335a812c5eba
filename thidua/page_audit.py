"""A crawl of the site as one visitor sees it: the pages reached by following links from the
start pages (a few URLs per kind of page), each with its status and its number of SQL queries
against the bound declared in thidua.query_bounds. Read by `manage.py audit_pages` and its test."""

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import Resolver404, resolve

from .query_bounds import bound

PUBLIC_START = [
    "/",
    "/khoi/",
    "/su-kien/",
    "/khen-thuong/",
    "/thong-ke/",
    "/don-vi/",
    "/ca-nhan/",
    "/nam/",
    "/tim-kiem/?q=hoa+lac",
    "/du-lieu-mo/",
]
STAFF_START = [
    "/khen-thuong/khoi/",
    "/khen-thuong/tham-dinh/",
    "/binh-xet/",
    "/nhap-excel/",
    "/admin/",
    *PUBLIC_START,
]

_HREF = re.compile(r'href="(/[^"#]*)"')
# Not followed: static files, the API and downloads (their own tests), leaving the session, and
# the admin's delete confirmations, which list every related record by design.
_SKIPPED_PARTS = ("/static/", "/media/", "/api/", "logout", "dang-xuat", "/delete/", "/jsi18n/")
_SKIPPED_ENDINGS = (".csv", ".xlsx", ".json", ".pdf", ".docx", ".xml", ".zip", ".txt", ".png")


ANONYMOUS = "khách"


@dataclass
class Visit:
    url: str
    name: str
    status: int
    queries: int
    signed_in: bool = False
    public: bool = False  # a page the public reached too

    @property
    def bound(self) -> int:
        return bound(self.name, signed_in_on_public_page=self.signed_in and self.public)

    @property
    def over_bound(self) -> bool:
        return self.status == 200 and self.queries > self.bound


def url_name(url: str) -> str:
    """The URL's name (e.g. "blocs:event"), else its path."""
    path = urlsplit(url).path
    try:
        return resolve(path).view_name
    except Resolver404:
        return path


def _followable(href: str) -> bool:
    path = urlsplit(href).path
    return not any(part in href for part in _SKIPPED_PARTS) and not path.endswith(_SKIPPED_ENDINGS)


def crawl(client, start, *, signed_in=False, per_name=2, limit=1500) -> list[Visit]:
    """Visit `start` and the pages linked from them, breadth first, at most `per_name` URLs of
    each named page and `limit` in all, rendered without the page cache (its cost on a miss)."""
    visits, seen, queue, taken = [], set(), list(start), {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        while queue and len(visits) < limit:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            name = url_name(url)
            if taken.get(name, 0) >= per_name:
                continue
            taken[name] = taken.get(name, 0) + 1
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, secure=True)
            visits.append(Visit(url, name, response.status_code, len(queries), signed_in))
            if response.status_code != 200 or response.streaming:
                continue
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            for href in _HREF.findall(response.content.decode()):
                href = html.unescape(href)
                if href not in seen and _followable(href):
                    queue.append(href)
    return visits


def audit(users, *, per_name=2) -> dict[str, list[Visit]]:
    """The crawl of the public, then of each of `users` ({visitor: visits}). The pages the public
    reached are public pages, where a signed-in visitor may run SIGNED_IN_QUERIES more."""
    found = {ANONYMOUS: crawl(Client(), PUBLIC_START, per_name=per_name)}
    public = {visit.name for visit in found[ANONYMOUS] if visit.status == 200}
    for user in users:
        client = Client()
        client.force_login(user)
        visits = crawl(client, STAFF_START, signed_in=True, per_name=per_name)
        for visit in visits:
            visit.public = visit.name in public
        found[user.username] = visits
    return found


def by_name(visits) -> dict[str, list[Visit]]:
    grouped = {}
    for visit in visits:
        grouped.setdefault(visit.name, []).append(visit)
    return grouped
