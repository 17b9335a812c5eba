"""Vietnamese alphabetical order on both databases.

PostgreSQL sorts with an ICU collation named `vi` (created by units' migrations); on SQLite a
collation function of the same name is registered on every connection, so `vi_order("name")`
orders the same way on both: Đ after D, «Vụ Kế hoạch» before «Vụ Khoa học» (ê before h).
"""

import unicodedata
from functools import lru_cache

from django.db import migrations
from django.db.backends.signals import connection_created
from django.db.models.functions import Collate

COLLATION = "vi"

# The Vietnamese alphabet (with the Latin letters it borrows), each a primary letter of its own.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Letter modifiers that make a letter of its own (ă, â, ê, ô, ơ, ư); the others are tones.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split(char: str) -> tuple[str, int]:
    """(base letter with its letter marks, tone) of one precomposed character."""
    if char in "đĐ":
        return "đ", 0
    decomposed = unicodedata.normalize("NFD", char.lower())
    tone = next((_TONES[m] for m in decomposed[1:] if m in _TONES), 0)
    letter = decomposed[0] + "".join(m for m in decomposed[1:] if m in _LETTER_MARKS)
    return unicodedata.normalize("NFC", letter), tone


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple:
    """Compare whole strings by letters first, then tones, then case (as ICU's levels do).
    Spaces and punctuation come before digits, digits before letters."""
    primary, tones, cases = [], [], []
    for char in unicodedata.normalize("NFC", text or ""):
        letter, tone = _split(char)
        if letter in _RANK:
            primary.append((3, _RANK[letter]))
        elif char.isdigit():
            primary.append((2, ord(char)))
        elif char.isspace():
            primary.append((0, 0))
        else:
            primary.append((1, ord(char)))
        tones.append(tone)
        cases.append(0 if char == char.lower() else 1)
    return tuple(primary), tuple(tones), tuple(cases)


def compare(a: str, b: str) -> int:
    left, right = sort_key(a), sort_key(b)
    return (left > right) - (left < right)


def vi_order(field: str, descending: bool = False):
    """An order_by() term: `field` in Vietnamese alphabetical order."""
    expression = Collate(field, COLLATION)
    return expression.desc() if descending else expression.asc()


def register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)


def connect():
    connection_created.connect(register_on_sqlite, dispatch_uid="thidua-vi-collation")


def create_collation() -> migrations.RunSQL | migrations.RunPython:
    """The ICU collation `vi` on PostgreSQL; nothing on SQLite (registered per connection)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE COLLATION IF NOT EXISTS {COLLATION} (provider = icu, locale = 'vi-VN')"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP COLLATION IF EXISTS {COLLATION}")

    return migrations.RunPython(forwards, backwards, elidable=False)
