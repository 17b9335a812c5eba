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
