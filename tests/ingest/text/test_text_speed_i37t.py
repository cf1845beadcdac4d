"""issue #10 (i37t): a pattern tried only where its words put a match's start.

``word_places`` derives from a pattern the words every match holds at a (nearly) fixed distance
from its start; ``finditer_near`` then tries the pattern at those starts alone. The places are
worked out by hand here for each construct the derivation meets, and for random texts the
matches must be those of ``finditer``, span for span and group for group.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from myositis_cds.ingest.text import _rules
from myositis_cds.ingest.text._rules import (
    _word_places,
    compile_rule,
    finditer_near,
    note_memo,
)


def _places(pattern: str, flags: int = re.IGNORECASE) -> object:
    return _word_places(re.compile(pattern, flags))


@pytest.mark.parametrize(
    ("pattern", "places"),
    [
        # an alternation: each alternative's word, at the start
        (r"\b(?:were|are)\s+all\s+absent", (("are", 0, 0), ("were", 0, 0))),
        # an optional character before the word: its place varies by one
        (r"x?hello", (("hello", 0, 1),)),
        # an optional group wider than the spread: nothing after it is placed
        (r"(?:abc)?def", None),
        # a class of literals spells the run twice; a class of a range ends it
        (r"caf[ée]s", (("cafes", 0, 0), ("cafés", 0, 0))),
        (r"[a-z]\dfoo", (("foo", 2, 2),)),
        # a lookbehind's words stand before the match; a lookahead's after its start
        (r"(?<=\bsince )\d+", (("since ", -6, -6),)),
        (r"a(?=bcd)", (("bcd", 1, 1),)),
        # negative lookarounds say nothing of what is there
        (r"(?<!abc)(?!xyz)def", (("def", 0, 0),)),
        # a back reference is passed over (its group's words count, once)
        (r"(?P<x>wor)ld\s+(?P=x)", (("wor", 0, 0),)),
        # a repeat counts when it must happen once
        (r"(?:foo)*bar", None),
        # an unbounded width before every word: no places
        (r"\d+ years", None),
        (r"\w+ly", None),
        # an alternative without words: none for the whole alternation
        (r"alpha|\d+", None),
        # scoped flags: the gate text is in lower case, the places too
        (r"(?-i:ABC)def", (("abc", 0, 0),)),
        # letters that case folding takes across case groups (sigma and final sigma, rho and
        # its variant, mu and the micro sign) end a run: "ύνδ" is the longest left
        (r"\bσύνδρομο", (("ύνδ", 1, 1),)),
        # short ASCII words are too common to be worth it
        (r"\bno\b", None),
        # a pattern that may match nothing (finditer's empty matches follow other rules)
        (r"(?:abc)?", None),
        (r"(?=abc)", None),
    ],
)
def test_word_places_by_hand(pattern: str, places: object) -> None:
    assert _places(pattern) == places


def test_repeat_of_two_short_words_is_not_usable() -> None:
    # "(?:ab|cd)+xyz": the repeat's words are two letters long; "xyz" after it is two to any
    # number of characters in, so nothing is placed
    assert _places(r"(?:ab|cd)+xyz") is None


def test_lead_of_compile_rule_is_not_a_place() -> None:
    # compile_rule leads "\bfoo\w*" with "(?=[f])": the lead is left out, "foo" is the place
    rx = compile_rule(r"\bfoo\w*")
    assert rx.pattern.startswith("(?=[f])(?:")
    assert _word_places(rx) == (("foo", 0, 0),)


def test_non_ascii_words_keep_their_case_folding() -> None:
    # "ß" folds to itself (and "ẞ" to it); the Kelvin sign to "k"; "İ" is left out
    assert _places(r"\bstraße") == (("straße", 0, 0),)
    assert _places("\u212aelvin") == (("kelvin", 0, 0),)
    assert _places("\u0130stanbul") == (("stanbul", 1, 1),)


# patterns of every kind above, some as compile_rule leads them (its skip table: a pattern the
# lead's class would not let start at a character is tried there all the same)
_PATTERNS = [
    r"\b(?:were|are)\s+all\s+(?:absent|normal)\b",
    r"x?hello",
    r"caf[ée]s?",
    r"(?<=\bsince )\d+",
    r"(?<!abc)def\w*",
    r"(?P<x>wor)ld\s*(?P=x)?",
    r"\bstraße\b",
    "\u212aelvin|kel",
    r"(?:ab|cd)+xyz",
    r"\s?hello",
    r"(?i:HELLO)\s",
    r"a(?=bcd)",
    r"\bare\b",
]
_ALPHABET = "abcdefhlorstwxyzAEHLS éßẞ\u212a\u0130\u017f\x1c\n0123456789-"
_WORDS = ["hello", "are", "all", "absent", "since ", "since 12", "café", "cafe", "def", "abc"]
_WORDS += ["world", "worldwor", "xhello", "are all normal", "abcdef", "abxyz", "cdabxyz"]
_WORDS += ["wor", "straße", "STRASSE", "\u212aelvin", "kel", "ab", "cd", "xyz", "bcd", "HELLO"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.one_of(st.sampled_from(_WORDS), st.text(_ALPHABET, max_size=6)), max_size=40)
    )
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(
    text=_texts(),
    pos=st.integers(0, 30),
    endpos=st.one_of(st.none(), st.integers(0, 400)),
)
def test_finditer_near_gives_what_finditer_gives(text: str, pos: int, endpos: int | None) -> None:
    # the places are tried however many there are (the short texts would mostly be scanned)
    kept, _rules._TEXT_PER_TRY = _rules._TEXT_PER_TRY, 1
    try:
        _same_matches(text, pos, endpos)
    finally:
        _rules._TEXT_PER_TRY = kept


def _same_matches(text: str, pos: int, endpos: int | None) -> None:
    for pattern in _PATTERNS:
        for rx in (re.compile(pattern, re.IGNORECASE), compile_rule(pattern)):
            for within in (False, True):
                if within:
                    with note_memo():
                        near = list(finditer_near(rx, text, pos, endpos))
                else:
                    near = list(finditer_near(rx, text, pos, endpos))
                plain = list(rx.finditer(text, pos, len(text) if endpos is None else endpos))
                assert [(m.span(), m.groups()) for m in near] == [
                    (m.span(), m.groups()) for m in plain
                ], (pattern, text)


def test_finditer_near_tries_the_places_alone() -> None:
    # a long text with two places of "hello": the pattern is tried there, and found there
    text = "x" * 500 + " xhello " + "y" * 500 + " hello"
    rx = compile_rule(r"x?hello")
    found = finditer_near(rx, text)
    assert not isinstance(found, type(rx.finditer("")))  # not the whole text's scan
    assert [m.span() for m in found] == [(501, 507), (1009, 1014)]
    # too many places for the text's length: the whole text is scanned
    crowded = "hello " * 20
    assert isinstance(finditer_near(rx, crowded), type(rx.finditer("")))


@pytest.mark.parametrize(
    ("pattern", "spans"),
    [
        # "\s" also takes the separator U+001C, which the lead's class (from the pattern's
        # first characters) now holds as "\s" itself (i48m; it left it out, and the search
        # found "hello" one character on, where the plain pattern finds it at U+001C)
        (r"\s?hello", [(2, 8)]),
        # here the engine keeps its own table, which has U+001C: the match starts there
        (r"\shello", [(2, 8)]),
    ],
)
def test_finditer_near_follows_the_engines_skip_table(
    pattern: str, spans: list[tuple[int, int]]
) -> None:
    text = "ab\x1chello"
    rx = compile_rule(pattern)
    kept, _rules._TEXT_PER_TRY = _rules._TEXT_PER_TRY, 1
    try:
        assert [m.span() for m in finditer_near(rx, text)] == spans
    finally:
        _rules._TEXT_PER_TRY = kept
    assert [m.span() for m in rx.finditer(text)] == spans
