"""Free text in: clinic letters, discharge summaries, pathology reports and case reports → Case.

Rule-based clinical NLP on spaCy (blank English tokenizer, no model download), with rules as
data in ``rules/*.yaml``: a concept lexicon, ConText assertion modifiers, section titles,
morphology-to-sign inference and value/time patterns. Install with the ``nlp`` extra; spaCy is
imported only when a note is actually read.

>>> from myositis_cds.ingest.text import extract_case           # doctest: +SKIP
>>> result = extract_case("65-year-old woman with heliotrope rash ...")  # doctest: +SKIP
>>> result.case.findings[0].evidence.text                         # doctest: +SKIP
'heliotrope rash'
"""

from __future__ import annotations

from datetime import date
from importlib.util import find_spec

from myositis_cds.ingest.text._model import (
    MAX_NOTE_CHARS,
    ExtractionResult,
    Fact,
    TextInputError,
    check_note,
    decode_note,
)

__all__ = [
    "MAX_NOTE_CHARS",
    "ExtractionResult",
    "Fact",
    "TextInputError",
    "decode_note",
    "extract_case",
]

if find_spec("spacy") is None:  # pragma: no cover - exercised only without the extra
    raise ImportError("free-text extraction needs the NLP extra: pip install 'myositis-cds[nlp]'")


def extract_case(
    text: str | bytes,
    *,
    anchor: date | None = None,
    today: date | None = None,
    fallback: str | None = None,
) -> ExtractionResult:
    """Read a note and return the case it describes, every fact with its evidence.

    ``anchor`` is the date the note speaks from when the note states no date of its own
    (default: ``today``); relative times ("four-month history", "two months after removal")
    are resolved against the note's own date, else placed so that the story ends on the anchor.
    Raises :class:`TextInputError` for empty, binary, non-UTF-8 or over-long input and
    :class:`~myositis_cds.errors.CaseError` when the note lacks what every case needs (age).
    ``fallback``: "embed" adds findings the rules missed by sentence similarity (optional
    ``embed`` extra; flagged inferred and uncertain, see :mod:`._fallback`); "none" does not;
    ``None`` (default) follows the ``MYOSITIS_CDS_TEXT_FALLBACK`` environment variable (off).
    """
    from myositis_cds.ingest.text._assemble import assemble
    from myositis_cds.ingest.text._extract import extract_drafts
    from myositis_cds.ingest.text._fallback import fallback_mode, run_fallback  # issue #10
    from myositis_cds.ingest.text._rules import note_memo

    mode = fallback_mode(fallback)

    note = decode_note(text) if isinstance(text, bytes) else check_note(text)
    day = today if today is not None else date.today()
    if anchor is not None and anchor > day:
        raise TextInputError(
            f"the anchor date {anchor.isoformat()} is after today ({day.isoformat()})"
        )
    with note_memo():  # issue #10: each term list is matched once per span of the note
        extraction = extract_drafts(note, day)
        if mode == "embed":  # issue #10: optional embedding fallback, off unless asked for
            run_fallback(extraction)
        return assemble(extraction, anchor, day)
