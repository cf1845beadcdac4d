"""issue #10 (i21s): the word gates (``may_match``) change no reading.

A gate skips a pattern on a note that lacks every word the pattern needs; the words are derived
from the pattern itself (``required_words``), so a rule added later is gated, or always run
where no word can be derived, without a list kept by hand. These tests read notes with the
gates and without them and compare everything the reader gives.
"""

from __future__ import annotations

import copy
import json
import sys
from datetime import date
from typing import Any

import pytest
from benchmarks._fuzz_inputs import FUZZ, mutated_notes
from benchmarks.text_eval import opened_notes
from hypothesis import given, settings

from myositis_cds.ingest.text import _rules
from myositis_cds.ingest.text._rules import (
    compile_rule,
    gate_text,
    may_match,
    needs_digit,
    required_words,
    rules,
)

pytest.importorskip("spacy")

TODAY = date(2026, 11, 27)


def _reading(text: str) -> str:
    from myositis_cds.ingest.text import extract_case

    try:
        result = extract_case(text, anchor=TODAY, today=TODAY)
    except Exception as exc:  # a refusal is a reading too
        return f"{type(exc).__name__}: {exc}"
    record: dict[str, Any] = {
        "case": result.to_case_dict(),
        "facts": [fact.model_dump(mode="json") for fact in result.facts],
        "warnings": result.warnings,
        "index_date": str(result.index_date),
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)


def _ungated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reader's gate let through: each module that took may_match by name gets one that
    always runs the pattern (modules added later included)."""
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name.startswith("myositis_cds.") and getattr(module, "may_match", None) is may_match:
            monkeypatch.setattr(module, "may_match", lambda rx, gate: True)
        # (i23s) and the digit gate of the date patterns: every pattern needs none
        if name.startswith("myositis_cds.") and getattr(module, "needs_digit", None) is needs_digit:
            monkeypatch.setattr(module, "needs_digit", lambda rx: False)


def _compare(texts: list[str]) -> None:
    gated = [_reading(t) for t in texts]
    with pytest.MonkeyPatch.context() as monkeypatch:
        _ungated(monkeypatch)
        assert _rules.may_match is not may_match
        assert _rules.needs_digit is not needs_digit
        ungated = [_reading(t) for t in texts]
    for text, a, b in zip(texts, gated, ungated, strict=True):
        assert a == b, text[:200]


def test_notes_read_the_same_with_and_without_the_gates() -> None:
    # every sixth development note (the reader runs twice over each: the test's time), and
    # each note's lines on their own, where fewer words pass each gate
    notes = [p.read_text(encoding="utf-8") for p in opened_notes()[::6]]
    lines = [line for note in notes[::4] for line in note.splitlines() if len(line) > 40]
    _compare(notes + lines[:120])


@given(mutated_notes())
@settings(FUZZ, max_examples=12)
def test_mutated_notes_read_the_same_with_and_without_the_gates(text: str) -> None:
    _compare([text])


def test_a_class_of_letters_in_a_gate_word_lets_every_case_through() -> None:
    # "zv[ýy][šs]en" needs one of four spellings; each, in any case, passes the gate
    rx = compile_rule(r"\bzv[ýy][šs]en\w*")
    assert required_words(rx) == ("zvysen", "zvyšen", "zvýsen", "zvýšen")
    for text in ("ZVÝŠENÉ hodnoty", "zvysena CK", "Zvýsená", "zvYšený"):
        assert rx.search(text) is not None
        assert may_match(rx, gate_text(text)), text
    assert not may_match(rx, gate_text("zvízené, zv-ysen, elevated"))


def test_a_lookbehind_s_word_gates_its_pattern() -> None:
    rx = compile_rule(r"(?:(?<=\bdesde )|(?<=\bdepuis ))(?P<y>(?:19|20)\d\d)")
    assert required_words(rx) == ("depuis ", "desde ")
    assert may_match(rx, gate_text("Douleurs DEPUIS 2019"))
    assert rx.search("Douleurs DEPUIS 2019") is not None
    assert not may_match(rx, gate_text("pain since 2019"))


def test_a_context_pattern_without_a_derivable_word_is_still_run() -> None:
    # two ASCII letters ("ei", "no") give no gate: the pattern runs on every note, and finds
    # its phrase; a pattern with a word is skipped where the word is missing
    from myositis_cds.ingest.text._context import find_modifiers

    r = rules()
    negation = next(
        i
        for i, rule in enumerate(r.context.rules)
        if rule.category == "NEGATED_EXISTENCE" and rule.languages is None
    )
    bare = compile_rule(r"\b(?:ei|no)(?=\s+\w)")
    worded = compile_rule(r"\bnowhere\s+near\b")
    assert required_words(bare) is None
    assert required_words(worded) == ("nowhere",)
    mine = copy.copy(r)
    mine.context_patterns = [(negation, bare), (negation, worded)]
    text = "The rash: ei eritema. No weakness today."
    assert may_match(bare, gate_text(text)) and not may_match(worded, gate_text(text))
    found = {(text[a:b], rule.category) for a, b, rule in find_modifiers(text, mine)}
    assert ("ei", "NEGATED_EXISTENCE") in found
    assert ("No", "NEGATED_EXISTENCE") in found


# issue #10 (i23s): the digit gate of the date patterns (needs_digit), derived from each pattern
@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"(?P<d>[0-3]?\d)\.(?P<m>\d\d)", True),
        (r"\b(?:in|since)\s+(?P<y>(?:19|20)\d\d)\b", True),
        (r"(?:march|april)\s+[0-9]{1,2}", True),
        (r"\b(?:in|since)\s+(?:\d{4}|spring)", False),  # one alternative needs no digit
        (r"(?<=\d)\s*mg", False),  # the digit is only seen, not matched
        (r"\d*x", False),  # the digit may be left out
        (r"(?:since|from)\s+(?P<mon>may|june)", False),
    ],
)
def test_a_pattern_needs_a_digit_only_where_every_match_holds_one(
    pattern: str, needs: bool
) -> None:
    from myositis_cds.ingest.text._rules import needs_digit

    assert needs_digit(compile_rule(pattern)) is needs


def test_a_span_without_a_digit_still_gets_its_month_named_dates() -> None:
    from myositis_cds.ingest.text._time import DateStyle, find_dates

    style = DateStyle(note_date=date(2026, 11, 3), today=TODAY)
    text = "Seen 3 Nov 2026. Rash since March, worse since 12/10/2026."
    span = (17, 34)  # "Rash since March,": no digit
    found = find_dates(text, rules(), *span, style=style)
    assert [(text[d.start : d.end], d.day) for d in found] == [("March", date(2026, 3, 1))]
    # and the spans with digits read their numeric dates
    assert [d.day for d in find_dates(text, rules(), 35, len(text), style=style)] == [
        date(2026, 10, 12)
    ]
