"""Name matching the way a person reads names: NFC, diacritics, case, spacing and the usual
abbreviations ignored (thidua.text.fold). An exact (folded) match is used; a close match is only
offered, for the user to accept or reject; an ambiguous name is refused."""

import difflib
from dataclasses import dataclass, field

from thidua.text import fold

CLOSE_MATCH_CUTOFF = 0.85


@dataclass
class Match:
    found: object = None
    close: object = None  # a near spelling, to be accepted by the user
    ambiguous: list = field(default_factory=list)


class NameIndex:
    """Objects by their folded names (an object may have several: name, abbreviation, former
    names). `close_matches=False` for large sets where a near-spelling scan would be too slow."""

    def __init__(self, entries=(), *, close_matches=True):
        self._by_name: dict[str, list] = {}
        self.close_matches = close_matches
        self._cache: dict[str, Match] = {}
        for obj, names in entries:
            self.add(obj, names)

    def add(self, obj, names):
        for key in {fold(name) for name in names if name}:
            bucket = self._by_name.setdefault(key, [])
            if obj not in bucket:
                bucket.append(obj)
        self._cache.clear()

    def find(self, name) -> Match:
        key = fold(name)
        if key in self._cache:
            return self._cache[key]
        found = self._by_name.get(key, [])
        if len(found) == 1:
            match = Match(found=found[0])
        elif found:
            match = Match(ambiguous=found)
        else:
            match = Match()
            if self.close_matches and key:
                near = difflib.get_close_matches(key, self._by_name, n=1, cutoff=CLOSE_MATCH_CUTOFF)
                if near and len(self._by_name[near[0]]) == 1:
                    match.close = self._by_name[near[0]][0]
        self._cache[key] = match
        return match
