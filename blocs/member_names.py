"""Matching a pasted list of unit names (one a line) to the registry, for adding a bloc-year's
members many at once. Names are compared folded (thidua.text.fold): diacritics, case, spacing,
punctuation and the usual abbreviations (KH&CN, TĐKT, UBND…) do not matter. Nothing is saved
here: the clerk confirms each match, then blocs.services.add_members saves them."""

import re
from dataclasses import dataclass, field

from thidua.text import fold
from units.models import Unit

# "1.", "2)", "-", "•", "a)" before a name in a list copied from a document.
_LIST_MARK_RE = re.compile(r"^\s*(?:\d+[.)]|[a-zđ][.)]|[-–•*+])\s*", re.IGNORECASE)

MATCHED, APPROXIMATE, AMBIGUOUS, NOT_FOUND = "matched", "approximate", "ambiguous", "not_found"


@dataclass
class NameMatch:
    line_number: int
    text: str
    status: str
    units: list = field(default_factory=list)  # the match, or the candidates when ambiguous

    @property
    def unit(self):
        return self.units[0] if self.status in (MATCHED, APPROXIMATE) else None


def pasted_names(text: str) -> list[tuple[int, str]]:
    """(line number, name) of each non-empty line, list marks removed."""
    names = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        name = _LIST_MARK_RE.sub("", line).strip(" \t;,.")
        if name:
            names.append((number, name))
    return names


def match_unit_names(text: str, year: int) -> list[NameMatch]:
    """Each pasted name matched among the units active in `year` (one query for them all).

    A name equal (folded) to a unit's name or short name is a match; two such units make it
    ambiguous. Failing that, a name contained in exactly one unit's name is an approximate match
    (shown as such), in several an ambiguity; otherwise nothing is matched — a typo stays
    unmatched rather than guessed.
    """
    units = [u for u in Unit.objects.order_by("name", "pk") if u.is_active_in(year)]
    by_name: dict[str, list] = {}
    for unit in units:
        for key in {fold(unit.name), fold(unit.short_name)} - {""}:
            by_name.setdefault(key, []).append(unit)
    matches = []
    for number, name in pasted_names(text):
        key = fold(name)
        exact = by_name.get(key, [])
        if exact:
            status = MATCHED if len(exact) == 1 else AMBIGUOUS
            matches.append(NameMatch(number, name, status, exact))
            continue
        padded = f" {key} "
        partial = [u for u in units if padded in f" {fold(u.name)} "] if key else []
        if len(partial) == 1:
            matches.append(NameMatch(number, name, APPROXIMATE, partial))
        elif partial:
            matches.append(NameMatch(number, name, AMBIGUOUS, partial))
        else:
            matches.append(NameMatch(number, name, NOT_FOUND))
    return matches
