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
    "check_note_length",
    "media_type",
    "note_too_long",
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


def note_too_long(note: str | bytes, limit: int) -> str | None:
    """Why a free-text note is longer than this server reads, or None. Counts characters (a
    byte count at or under the limit needs no decoding); the message holds counts only."""
    if len(note) <= limit:
        return None
    text = note.decode("utf-8-sig", errors="replace") if isinstance(note, bytes) else note
    if len(text) <= limit:
        return None
    return (
        f"the note has {len(text):,} characters; this server reads notes of at most "
        f"{limit:,} characters (serve --max-note-chars)"
    )


def check_note_length(note: str | bytes, limit: int) -> None:
    """413 for a note longer than ``limit`` characters (the server's ``max_note_chars``)."""
    from myositis_cds.api._errors import ApiError

    message = note_too_long(note, limit)
    if message is not None:
        raise ApiError(413, message)


def media_type(content_type: str | None) -> str:
    """``application/json; charset=utf-8`` → ``application/json``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_case_body(
    body: bytes,
    content_type: str | None,
    as_of: date,
    *,
    accepted: tuple[str, ...],
    note_max_chars: int | None = None,
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
    if kind == NOTE_TYPE and note_max_chars is not None:
        check_note_length(body, note_max_chars)
    return reader(body, as_of)
