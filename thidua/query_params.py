"""The names the public lists read in their query strings, and the other names they accept.

Each public list keeps the names its links and forms write (its URLs are shared and indexed), and
also reads the names the other lists and the API give the same thing, so that a reader who learnt
one list's address can write another's: the page number is `trang` or `page` on every list; the
awards list reads `nam` as `year`; the events list reads `year`, `kind` and `bloc` (the bloc's id)
as `nam`, `loai` and `khoi` (its slug); the units list reads `kind` as `loai`; the statistics
page reads `year_from`, `year_to`, `bloc` and `award_type` (ids) as `tu_nam`, `den_nam`, `khoi`
and `loai` (slugs: awards.statistics.own_names). A list's own name, when given, wins over another
name of the same thing. README.md lists them."""

from django.http import QueryDict

from .numbers import page_number

PAGE_NAMES = ("trang", "page")


def requested_page(params, own: str = "trang") -> int:
    """The page number the query asks for under the list's own name, else under the other one
    (1 when neither gives a whole positive number)."""
    for name in (own, *[n for n in PAGE_NAMES if n != own]):
        if params.get(name) not in (None, ""):
            return page_number(params.get(name))
    return 1


def without_page(params) -> str:
    """The query string without any page number, for the pagination's links."""
    query = params.copy()
    for name in PAGE_NAMES:
        query.pop(name, None)
    return query.urlencode()


def with_aliases(params, aliases: dict[str, str]) -> QueryDict:
    """A copy of `params` where each other name (`alias` → the list's own `name`) gives its
    values to the list's name when the query has none under it (`params`: a QueryDict, or a
    plain dict of one value per name)."""
    if not isinstance(params, QueryDict):
        query = QueryDict(mutable=True)
        for name, value in params.items():
            query.setlist(name, value if isinstance(value, list) else [value])
        params = query
    query = params.copy()
    for alias, name in aliases.items():
        if query.getlist(alias) and not any(v != "" for v in query.getlist(name)):
            query.setlist(name, query.getlist(alias))
        query.pop(alias, None)
    return query
