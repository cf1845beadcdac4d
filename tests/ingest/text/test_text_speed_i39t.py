"""issue #10 (i39t): a term list's letters outside ASCII behind one lookahead.

At each node of a term list's trie, the branches whose letter lies outside ASCII (accented,
Greek, Cyrillic) are grouped behind a lookahead for the characters they can start with, so that
an ASCII letter none of them can start with is turned away by one test. The lookahead is worked
out by hand here, and for random texts the grouped trie must find what the plain one finds,
span for span.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from myositis_cds.ingest.text import _rules
from myositis_cds.ingest.text._rules import TermMatcher, compile_rule, note_memo

# nine first letters outside ASCII: "é" and "ë" also match a plain "e", "ß" also "ss"; the
# others (Greek, Cyrillic, "ø", "ł") match no ASCII letter
_TERMS = [
    "éruption",
    "ëczema",
    "ßtest",
    "øedem",
    "łuszczyca",
    "σύνδρομο",
    "μυοσίτιδα",
    "сыпь",
    "отёк",
    "rash",
    "erythema",
    "edema",
]


def _parts(terms: list[str], guard_after: int) -> list[str]:
    saved = _rules._GUARD_AFTER
    _rules._GUARD_AFTER = guard_after
    try:
        return _rules._built_trie_parts(sorted(set(terms)))
    finally:
        _rules._GUARD_AFTER = saved


def test_the_lookahead_lets_through_what_the_letters_match() -> None:
    (part,) = _parts(_TERMS, 8)
    start = part.index("(?=(?-i:[^")
    lookahead = re.compile(part[start : part.index("]))(?:", start) + 3])
    # "e" and "E" (the plain letter of "é" and "ë") and "s", "S" ("ß" as "ss") pass, and every
    # character outside ASCII; "r", "x", a digit and a space do not
    for passes in "eEsS" + "éøσс\u212a":
        assert lookahead.match(passes), passes
    for refused in "rRxX1 -":
        assert not lookahead.match(refused), refused


def test_few_letters_outside_ascii_are_not_grouped() -> None:
    (part,) = _parts(["éruption", "σύνδρομο", "rash"], 8)
    assert "(?=(?-i:" not in part


def _spans(pattern: str, first: set[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in compile_rule(pattern, first=first).finditer(text)]


_FIRST = {t[0] for t in _TERMS} | {"e", "s"}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_TERMS, "ss", "test", "ecz", "Éruption", "ΣΎΝΔΡΟΜΟ", " ", "-", "x"]),
        max_size=12,
    )
)
def test_grouped_trie_finds_what_the_plain_one_finds(words: list[str]) -> None:
    text = "".join(words)
    (grouped,) = _parts(_TERMS, 8)
    (plain,) = _parts(_TERMS, 10**6)
    assert grouped != plain
    assert _spans(grouped, _FIRST, text) == _spans(plain, _FIRST, text)


def test_term_matcher_finds_the_accented_terms() -> None:
    # a German and a Polish note: "Eczema" found by its accented spelling's plain letters,
    # the Polish term at its word's start only
    matcher = TermMatcher("i39t", {"eczema": ["ëczema", "eczema"], "psoriasis": ["łuszczyca"]})
    with note_memo():
        found = matcher.find("Eczema of both hands; łuszczyca on the elbows; przełuszczyca")
    assert [(m.concept, m.text) for m in found] == [
        ("eczema", "Eczema"),
        ("psoriasis", "łuszczyca"),
    ]
