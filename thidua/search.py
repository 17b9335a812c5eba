"""Ranking helpers for the site search (thidua.panels): the match itself is the folded,
diacritics-blind one of SearchQuerySet.search; these only order what it found."""

import re

from django.db.models import Case, Exists, IntegerField, Q, Value, When
from django.db.models.functions import Length, StrIndex
from django.db.models.lookups import GreaterThan, LessThan

from .text import search_terms, strip_diacritics

_WORD_RE = re.compile(r"\w+")
# Between a record's own name and the rest of its search text (see leading_part_rank).
SEPARATOR = " | "


def marked_words(query: str) -> list[str]:
    """The words of `query` typed with diacritics («Thứ trưởng» -> ["Thứ", "trưởng"]): only
    they tell an exact match from a folded look-alike («Thu», «Trương»)."""
    return [w for w in _WORD_RE.findall(query or "") if strip_diacritics(w) != w]


def _spellings(word: str) -> set[str]:
    # SQLite's LIKE ignores case for ASCII letters only: «Đổi» must be looked for as typed, in
    # lower case and capitalised (PostgreSQL's UPPER() LIKE UPPER() needs none of this).
    return {word, word.lower(), word[:1].upper() + word[1:].lower()}


def exact_words_condition(word: str, fields=(), related: dict | None = None) -> Q:
    """`word` as typed (diacritics kept, case ignored) in one of `fields`, or in one of the
    `related` {field: queryset with an OuterRef} (e.g. a person's positions' titles)."""
    condition = Q()
    for spelling in _spellings(word):
        for field in fields:
            condition |= Q(**{f"{field}__icontains": spelling})
        for field, queryset in (related or {}).items():
            condition |= Exists(queryset.filter(**{f"{field}__icontains": spelling}))
    return condition


def exact_rank(query: str, fields=(), related: dict | None = None):
    """An expression to order by, descending: how many of the words typed with diacritics appear
    as typed in `fields` (or `related`, see exact_words_condition), so that «Thứ trưởng» ranks
    what holds «Thứ trưởng» above «Trương Thu Hằng». None when the query has no such word (a
    query typed without diacritics says nothing about them)."""
    words = marked_words(query)
    if not words:
        return None
    rank = Value(0)
    for word in words:
        rank = rank + Case(
            When(exact_words_condition(word, fields, related), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return rank


def exact_first(query: str, fields=(), related: dict | None = None) -> list:
    """The order_by() terms that put first the records holding the query's words as typed (see
    exact_rank); none for a query typed without diacritics."""
    rank = exact_rank(query, fields, related)
    return [] if rank is None else [rank.desc()]


def leading_part_rank(query: str, column: str = "search_text", separator: str = SEPARATOR):
    """An expression to order by, descending: 1 when every folded word of `query` is found in
    the part of `column` before `separator` (a record's own name, before what else is indexed
    about it, e.g. a person's titles), else 0. A column without the separator is all name."""
    terms = search_terms(query)
    if not terms:
        return Value(0)
    end = Case(
        When(**{f"{column}__contains": separator}, then=StrIndex(column, Value(separator))),
        default=Length(column) + 1,
    )
    condition = Q()
    for term in terms:
        # The first occurrence: in the name when the name holds the word.
        position = StrIndex(column, Value(term))
        condition &= Q(GreaterThan(position, 0)) & Q(LessThan(position, end))
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
