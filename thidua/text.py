"""Vietnamese text folding shared by every search.

`fold()` turns a text into a lowercase ASCII form with the common abbreviations expanded, so that
"thi dua" finds "thi đua", "Hoa Lac" finds "Hòa Lạc" and "KH&CN" finds "Khoa học và Công nghệ".
Stored texts and queries go through the same function, so both sides always agree.
"""

import re
import unicodedata

# Folded abbreviation -> folded expansion. Matched as whole words after diacritics are removed.
ABBREVIATIONS = {
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "kh cn": "khoa hoc va cong nghe",
    "tdkt": "thi dua khen thuong",
    "td-kt": "thi dua khen thuong",
    "bkhcn": "bo khoa hoc va cong nghe",
    "ubnd": "uy ban nhan dan",
    "dmst": "doi moi sang tao",
}

_ABBREVIATION_RE = re.compile(
    r"(?<![a-z0-9])("
    + "|".join(re.escape(key) for key in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![a-z0-9])"
)
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(*parts: object) -> str:
    """Fold one or more texts into a single searchable string of space-separated words."""
    text = " ".join(str(part) for part in parts if part)
    text = strip_diacritics(text).lower()
    text = _ABBREVIATION_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    return _NON_WORD_RE.sub(" ", text).strip()


def search_terms(query: str) -> list[str]:
    """The folded words of a search query; a record matches when its folded text has them all."""
    return fold(query).split()


# --- how names are stored and compared ----------------------------------------------------------

_SPACES_RE = re.compile(r"\s+")
_DASH_SPACING_RE = re.compile(r"\s*([-–—])\s*")
# Vietnamese tone marks (huyền, sắc, hỏi, ngã, nặng), as combining characters.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def stored_text(value: str, *, single_line: bool = True) -> str:
    """A text as it is stored: NFC (a name typed in decomposed form is the same name), and on one
    line with single spaces when the field is a one-line field."""
    value = unicodedata.normalize("NFC", value)
    if single_line:
        value = _SPACES_RE.sub(" ", value).strip()
    return value


def _word_key(word: str) -> str:
    # Old and new tone placement («hoà»/«hòa», «thuỷ»/«thủy») differ only in which vowel carries
    # the tone: the key keeps the letters with their other marks and appends the tone.
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONES)
    letters = "".join(ch for ch in decomposed if ch not in _TONES)
    # NFC at the end: the key itself is a stored text (and stored texts are NFC).
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", letters) + tones)


def identity_key(text: str) -> str:
    """Two names with the same key are the same name to a reader: equal up to Unicode form, case,
    tone placement and spacing (also around dashes). Unlike `fold()`, tones still count:
    «Hòa» and «Hóa» differ."""
    text = _DASH_SPACING_RE.sub(r" \1 ", stored_text(text or "").lower())
    return " ".join(_word_key(word) for word in text.split())
