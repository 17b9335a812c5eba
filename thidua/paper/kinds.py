"""The kinds of Word document the apps produce, each with its shipped template and the sample
data an uploaded replacement must render (thidua.models.DocumentTemplate holds the uploads).
Apps register their kinds when they load; this module knows none of them."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DocumentKind:
    key: str  # e.g. "awards.decision_annex"
    label: str  # Vietnamese, shown to the administrator
    shipped: Path  # the template that ships with the app
    sample: Callable[[], dict]  # data of the same shape as a real document's
    build: Callable[[Path], None]  # writes the shipped template (build_document_templates)
    required: tuple = field(default=())  # placeholders a replacement must use


_KINDS: dict[str, DocumentKind] = {}
# Values another app adds to a kind's data (e.g. the awards a bloc proposed at an event, which
# the bloc's app cannot read): {kind key: {name: (build(obj) -> value, sample() -> value)}}.
_CONTRIBUTIONS: dict[str, dict[str, tuple[Callable, Callable]]] = {}


def register(*kinds: DocumentKind) -> None:
    for kind in kinds:
        _KINDS[kind.key] = kind


def contribute(key: str, name: str, build: Callable, sample: Callable) -> None:
    _CONTRIBUTIONS.setdefault(key, {})[name] = (build, sample)


def contributed(key: str, obj) -> dict:
    """What the other apps add to the data of `key` for the record `obj`."""
    return {name: build(obj) for name, (build, _) in _CONTRIBUTIONS.get(key, {}).items()}


def sample_context(key: str) -> dict:
    """The kind's sample data with the contributed samples: what an upload must render."""
    extra = {name: sample() for name, (_, sample) in _CONTRIBUTIONS.get(key, {}).items()}
    return {**get(key).sample(), **extra}


def get(key: str) -> DocumentKind:
    return _KINDS[key]


def all_kinds() -> list[DocumentKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.label)


def choices() -> list[tuple[str, str]]:
    return [(kind.key, kind.label) for kind in all_kinds()]


def template_source(key: str):
    """The administrator's replacement for `key` if one was uploaded, else the shipped file."""
    from thidua.models import DocumentTemplate

    upload = DocumentTemplate.objects.filter(kind=key).only("file").first()
    if upload and upload.file:
        return upload.file.open("rb")
    return get(key).shipped


def render(key: str, context: dict, target) -> None:
    from .docx import render_docx

    source = template_source(key)
    try:
        render_docx(source, context, target)
    finally:
        if hasattr(source, "close"):
            source.close()
