"""A page's text as a reader sees it, for assertions that should not depend on markup."""

import html
import re

_TAG = re.compile(r"<[^>]+>")


def visible_text(markup: str) -> str:
    """`markup` with tags removed, HTML entities unescaped and whitespace collapsed to single
    spaces (no leading or trailing space)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def text_of(response) -> str:
    """The visible text of a response, which must be a 200."""
    assert response.status_code == 200, response.status_code
    return visible_text(response.content.decode())


def main_text(response) -> str:
    """The visible text of the `<main>…</main>` part of a response, which must be a 200."""
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    return visible_text(content[content.index("<main") : content.index("</main>")])
