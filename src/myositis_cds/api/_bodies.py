"""Request bodies → a :class:`~myositis_cds.case.Case`, dispatched on the content type.

``CASE_READERS`` is the one table of what the API accepts; an adapter adds itself with one
line. Unknown types are 415; FHIR is 415 until ``myositis_cds.ingest.fhir`` is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from myositis_cds.case import Case
from myositis_cds.errors import CaseError

__all__ = [
    "CASE_READERS",
    "CASE_TYPES",
    "NOTE_TYPE",
    "ParsedBody",
    "UnsupportedMediaType",
    "media_type",
    "read_case_body",
]


class UnsupportedMediaType(Exception):
    """415: the body's content type is not one this route reads (message says what is)."""


@dataclass
class ParsedBody:
    case: Case
    warnings: list[str] = field(default_factory=list)


CaseReader = Callable[[bytes, date], ParsedBody]


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseError.single(
            "(body)", f"is not UTF-8 text (bad byte at offset {exc.start})"
        ) from None


def _read_json(body: bytes, _as_of: date) -> ParsedBody:
    from myositis_cds.ingest.files import parse_case_text

    return ParsedBody(parse_case_text(_text(body), "json"))


def _read_yaml(body: bytes, _as_of: date) -> ParsedBody:
    from myositis_cds.ingest.files import parse_case_text

    return ParsedBody(parse_case_text(_text(body), "yaml"))


def _read_note(body: bytes, as_of: date) -> ParsedBody:
    """A free-text note, read by the text adapter; facts to confirm join the warnings."""
    try:
        from myositis_cds.ingest.text import extract_case
    except ImportError:
        raise UnsupportedMediaType(
            "text/plain notes need the nlp extra on the server (pip install 'myositis-cds[nlp]')"
        ) from None
    result = extract_case(body, anchor=as_of)
    review = [
        f"confirm {f.type} '{f.code}' ({'inferred' if f.inferred else 'uncertain'}): "
        f"characters {f.evidence.start}-{f.evidence.end}"
        for f in result.to_review()
    ]
    return ParsedBody(result.case, [f"extraction: {w}" for w in [*result.warnings, *review]])


def _read_fhir(body: bytes, as_of: date) -> ParsedBody:
    """A FHIR R4 Bundle, read by the FHIR adapter; what it left out joins the warnings."""
    try:
        from myositis_cds.ingest.fhir import parse_bundle_text
    except ImportError:
        raise UnsupportedMediaType(
            "FHIR Bundles need the fhir extra on the server (pip install 'myositis-cds[fhir]')"
        ) from None
    result = parse_bundle_text(_text(body))
    return ParsedBody(result.case, result.warnings)


CASE_READERS: dict[str, CaseReader] = {
    "application/json": _read_json,
    "application/yaml": _read_yaml,
    "application/x-yaml": _read_yaml,
    "text/yaml": _read_yaml,
    "application/fhir+json": _read_fhir,
    "text/plain": _read_note,
}
NOTE_TYPE = "text/plain"
# Patients are stored from structured input only: a note's facts need confirming first.
CASE_TYPES = tuple(t for t in CASE_READERS if t != NOTE_TYPE)


def media_type(content_type: str | None) -> str:
    """``application/json; charset=utf-8`` → ``application/json``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_case_body(
    body: bytes, content_type: str | None, as_of: date, *, accepted: tuple[str, ...]
) -> ParsedBody:
    kind = media_type(content_type)
    reader = CASE_READERS.get(kind) if kind in accepted else None
    if reader is None:
        shown = kind or "(none)"
        raise UnsupportedMediaType(
            f"content type {shown} is not accepted here; use one of {', '.join(accepted)}"
        )
    if not body.strip():
        raise CaseError.single("(body)", "is empty")
    return reader(body, as_of)
