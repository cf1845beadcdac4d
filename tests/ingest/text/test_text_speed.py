"""issue #10 (i10-speed): the throughput devices of the text adapter change no match.

Each device here is for speed only; the tests check that what is found is what the plain way
finds, on the development notes and on texts built to catch a wrong shortcut.
"""

from __future__ import annotations

import re

import pytest
from benchmarks.text_eval import opened_notes

from myositis_cds.ingest.text._rules import TermMatcher, compile_rule, rules


def _development_notes() -> list[str]:
    # every other opened note: each of the 460 patterns runs twice over each, the test's time
    return [p.read_text(encoding="utf-8") for p in opened_notes()[::2]]


def _every_rule_pattern() -> list[re.Pattern[str]]:
    r = rules()
    patterns = [rx for table in (r.value, r.time) for rxs in table.values() for rx in rxs]
    patterns += [rx for _, rx in r.context_patterns]
    patterns += [rx for m in vars(r).values() if isinstance(m, TermMatcher) for rx in m._parts]
    # (i10aw) the readers' own patterns led through compile_rule
    from myositis_cds.ingest.text.facts import findings, strength

    patterns += [
        findings._TOXICITY_SCALE,
        findings._SKIN_SCORE_SHEET,
        strength._KENDALL_DECLARED,
        strength._SIDES_HEADING,
        strength._UNSCALED_OTHER_GRID_HEADING,
    ]
    assert all(rx.pattern.startswith("(?=[") for rx in patterns[-5:])
    # (i24s) the ConText language words and the count-unit presence test
    from myositis_cds.ingest.text._style import _compiled

    patterns += [*r.context_language_words.values(), _compiled().any_count_unit]
    assert all(rx.pattern.startswith("(?=[") for rx in patterns[-4:])
    return patterns


# Letters that re.IGNORECASE takes for ASCII ones (dotted and dotless i, long s, Kelvin sign),
# upper case, CJK and Cyrillic: a skip table built without the engine's case folding, or one
# that skipped a character outside ASCII, would lose a match here.
_TRICKY = (
    "HİSTORY OF RASH. ſince 3 weeks. \u212ai67 20%. NEGATIVE for Jo-1; ANA POSITIVE 1:320.\n"
    "抗核抗體(+), 抗Jo-1抗體(-). Антитела не выявлены. Dermatomyositis (DM) since 03/2024.\n"
    # (i48m) digits outside ASCII (Arabic-Indic, Persian, Devanagari) and spaces outside ASCII
    # (no-break, thin, the information separators): a rule led by \d or \s takes them all
    "CK ٤٥٠٠ U/L, ۱۲/۲۰۲۴, ४५ kg. Age\u00a052,\u2009weight\x1c60 kg."
)


def test_the_skip_table_finds_what_the_plain_pattern_finds() -> None:
    texts = [*_development_notes(), _TRICKY, _TRICKY.lower(), _TRICKY.upper()]
    patterns = _every_rule_pattern()
    assert len(patterns) > 400
    for rx in patterns:
        plain = re.compile(rx.pattern, rx.flags)
        for text in texts:
            got = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], rx.pattern[:80]


@pytest.mark.parametrize(
    ("pattern", "text", "span"),
    [
        (r"\bki67\b", "Ki67 20%", (0, 4)),
        (r"\bki67\b", "KI67 20%", (0, 4)),
        (r"\bki67\b", "\u212ai67 20%", (0, 4)),  # the Kelvin sign is a k to re.IGNORECASE
        (r"\bsince\b", "ſince 3 weeks", (0, 5)),  # the long s is an s
        (r"\bhistory\b", "HİSTORY", (0, 7)),  # the dotted capital I is an i
        (r"\bnegative\b", "ANA 1:80, NEGATIVE", (10, 18)),
        (r"(?:抗體|抗体)\s*[(（]\s*[+＋]\s*[)）]", "抗核抗體(+)", (2, 7)),
        (r"\d{1,2}/\d{4}", "since 03/2024", (6, 13)),
        # a word boundary after lookbehinds, tested first
        (r"(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)\b", "lesions not found, nodes seen", (25, 29)),
        # lookbehinds that end on a space or a hyphen, tested first as one character
        (r"(?:(?<=\bsince )|(?<=\bfrom-))(?:may|june)", "symptoms since May", (15, 18)),
        (r"(?:(?<=\bsince )|(?<=\bfrom-))(?:may|june)", "rash from-June", (10, 14)),
    ],
)
def test_a_rule_matches_every_spelling_its_class_allows(
    pattern: str, text: str, span: tuple[int, int]
) -> None:
    # the match as worked out by hand, through compile_rule (lookahead and skip table)
    m = compile_rule(pattern).search(text)
    assert m is not None and m.span() == span


# issue #10 (i48m): a rule led by a class of characters (\d, \s) is led by that class, not by
# its ASCII members: every decimal digit (Arabic-Indic, Persian, Devanagari ...) is a \d and
# every space (no-break, thin, the information separators U+001C-U+001F) a \s. The written form
# (``.pattern``, what re.compile on unpickling gets) must find what the rule finds, and the rule
# what the plain pattern finds; each worked out by hand.
@pytest.mark.parametrize(
    ("pattern", "text", "span"),
    [
        (r"\d+\s*U/L", "CK ٤٥٠٠ U/L", (3, 11)),  # Arabic-Indic digits
        (r"\d+\s*U/L", "CK ۴۵۰۰ U/L", (3, 11)),  # Persian (extended Arabic-Indic) digits
        (r"\d{1,2}/\d{4}", "since ۱۲/۲۰۲۴", (6, 13)),
        (r"\d+\s*kg", "वजन ४५ kg", (4, 9)),  # Devanagari digits
        (r"\d+\s*U/L", "CK 4500 U/L", (3, 11)),
        (r"\s+kg\b", "52\u00a0kg", (2, 5)),  # a no-break space
        (r"\s+kg\b", "52\u2009kg", (2, 5)),  # a thin space
        (r"\s+kg\b", "52\x1ckg", (2, 5)),  # an information separator, ASCII and a \s
    ],
)
def test_a_rule_led_by_a_class_finds_every_character_of_it(
    pattern: str, text: str, span: tuple[int, int]
) -> None:
    import pickle

    rule = compile_rule(pattern)
    assert re.compile(pattern, re.IGNORECASE).search(text).span() == span  # type: ignore[union-attr]
    for rx in (rule, re.compile(rule.pattern, rule.flags), pickle.loads(pickle.dumps(rule))):
        m = rx.search(text)
        assert m is not None and m.span() == span, rx.pattern


def test_a_rule_led_by_letters_gets_a_skip_table() -> None:
    # the speed device is in use on this Python (a fallback to re.compile would pass the tests
    # above unnoticed): the plain compile of the same lookahead-led pattern has no skip table,
    # so the two compiled programmes differ
    from myositis_cds.ingest.text._rules import _skipping

    led = r"(?=[n])(?:\bnegative\b)"
    assert _skipping(led, re.IGNORECASE, "n") is not None
    assert _skipping(led, re.IGNORECASE, "n") != re.compile(led, re.IGNORECASE)
    # (i10aw) and compile_rule, which parses the pattern once for both the lead and the table,
    # reaches it: on a Python whose parser it cannot use it would return the plain compile
    rule = compile_rule(r"\bnegative\b")
    assert rule.pattern == led
    assert rule != re.compile(led, re.IGNORECASE)


def test_a_term_list_is_matched_once_per_span_of_a_note() -> None:
    from myositis_cds.ingest.text import _rules

    r = rules()
    text = "Metastatic adenocarcinoma of the lung; no breast lesion. Lung biopsy."
    plain = r.sites.find(text)
    assert [m.concept for m in plain] == ["lung", "breast", "lung"]
    calls: list[tuple[int, int]] = []
    scan = r.sites._find

    def counted(t: str, start: int, end: int) -> list[_rules.TermMatch]:
        calls.append((start, end))
        return scan(t, start, end)

    r.sites._find = counted  # type: ignore[method-assign,assignment]
    try:
        with _rules.note_memo():
            first = r.sites.find(text)
            first.clear()  # a reader may change its list: the next reader gets its own
            again = r.sites.find(text, 0, len(text))
            part = r.sites.find(text, 0, 38)  # another span is matched anew
        after = r.sites.find(text)  # outside the note's reading nothing is kept
    finally:
        del r.sites._find
    assert again == plain and after == plain
    assert [m.concept for m in part] == ["lung"]
    assert calls == [(0, len(text)), (0, 38), (0, len(text))]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        # letters outside ASCII count where case folding keeps them one letter
        (r"\b(?:érythème|eritema)\b", ("eritema", "érythème")),
        (r"\bschwäche\b", ("schwäche",)),
        # sigma (and kappa, rho) match across case groups: the run breaks at them, and (i21s)
        # what is left counts, short as it is: two Greek letters are rare in an English note
        (r"\bΣκλήρυνση\b", ("λή",)),
        # Cyrillic "в", "о", "т" have old variant forms: the run breaks at them
        (r"\bнет\b", ("не",)),
        (r"\bвот\b", None),
    ],
)
def test_the_words_a_pattern_needs_outside_ascii(
    pattern: str, words: tuple[str, ...] | None
) -> None:
    from myositis_cds.ingest.text._rules import required_words

    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_a_gate_outside_ascii_lets_every_case_of_its_word_through() -> None:
    from myositis_cds.ingest.text._rules import gate_text, may_match

    rx = re.compile(r"\b(?:érythème|eritema|schwäche)\b", re.IGNORECASE)
    for text in ("ÉRYTHÈME héliotrope", "Érythème", "SCHWÄCHE der Arme", "eritema"):
        assert rx.search(text) is not None
        assert may_match(rx, gate_text(text)), text
    assert not may_match(rx, gate_text("erytheme (accents lost), Schwache"))


def test_a_strength_heading_is_skipped_only_where_it_cannot_match() -> None:
    from myositis_cds.ingest.text._rules import gate_text, may_match
    from myositis_cds.ingest.text.facts import strength

    headings = [
        strength._KENDALL_DECLARED,
        strength._SIDES_HEADING,
        strength._OTHER_GRID_HEADING,
    ]
    written = [
        "MMT-8 (0-10): deltoid 8, hip flexors 7",
        "Power R/L: deltoids 4/4",
        "CDASI activity: 12",
        "Région | Érythème | Squames | Excoriation\nCuir chevelu | 2 | 1 | 0",
        "Erythema: (0-3) 2",
    ]
    texts = [*_development_notes(), *written]
    texts += [line for text in texts for line in text.splitlines() if line.strip()]
    skipped = 0
    for rx in headings:
        for text in texts:
            if not may_match(rx, gate_text(text)):
                skipped += 1
                assert rx.search(text) is None, (rx.pattern[:40], text[:80])
    assert skipped > 1000
    for text, rx in zip(written, [headings[0], headings[1], *[headings[2]] * 3], strict=True):
        assert rx.search(text) is not None and may_match(rx, gate_text(text)), text


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)\b", "not found, no seen, unseen"),
        (r"(?:(?<=\bsince )|(?<=\bfrom-))(?:may|june)", "since  May, from June, sinceMay"),
    ],
)
def test_a_rule_hoisted_test_still_refuses(pattern: str, text: str) -> None:
    assert compile_rule(pattern).search(text) is None


def test_a_note_without_a_scale_from_zero_reads_the_grid_heading_without_it() -> None:
    # i10aw: the other-grid heading's last alternative ("Erythema: (0-3)") needs "(0-"; where a
    # note has none, the first two alternatives (led, with a skip table) find the same headings
    from myositis_cds.ingest.text.facts import strength

    full, unscaled = strength._OTHER_GRID_HEADING, strength._UNSCALED_OTHER_GRID_HEADING
    written = [
        "CDASI activity: 12",  # a named score: found by both
        "Région | Érythème | Squames | Excoriation\nCuir chevelu | 2 | 1 | 0",  # columns
        "Joint | Tender | Swollen |\nKnee | 1 | 0 |",  # two column words, each before a bar
        "Power R/L: deltoids 4/4",  # a strength heading: found by neither
        "Reflexes 2+ symmetrical; sensation intact.",
    ]
    assert [unscaled.search(t) is not None for t in written] == [True, True, True, False, False]
    # with a scale from zero only the full heading finds the scored column
    scaled = "Erythema: (0-3) 2"
    assert strength._SCALE_FROM_ZERO.search(scaled) is not None
    assert full.search(scaled) is not None and unscaled.search(scaled) is None
    texts = [*_development_notes(), *written]
    unscaled_texts = [t for t in texts if strength._SCALE_FROM_ZERO.search(t) is None]
    assert len(unscaled_texts) > 100
    for text in unscaled_texts:
        assert [m.span() for m in unscaled.finditer(text)] == [
            m.span() for m in full.finditer(text)
        ], text[:80]


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        # (i10ax) alternatives sharing a first letter are merged: the first that matches in
        # the written order still wins, at each position, worked out by hand
        (r"\b(?:aber|jedoch|ale|a)\b", "Jedoch ALE, aber a", ["Jedoch", "ALE", "aber", "a"]),
        (r"(?:ab|abc)", "abc", ["ab"]),  # the earlier, shorter alternative wins, as written
        (r"(?:abc|ab)", "abc", ["abc"]),
        # a class or a group between two alternatives keeps them apart: "[a-z]b" comes before
        # "ab" and matches first
        (r"(?:ax|[a-z]b|ab)", "ab", ["ab"]),
        (r"(?:(?:no)?t|nein|non)\b", "nein non not t", ["nein", "non", "not", "t"]),
        # letters outside ASCII are kept in place; their case is folded as the engine folds it
        (r"\b(?:érythème|eritema|énorme)\b", "ÉRYTHÈME, Eritema, énorme", None),
        (r"\b(?:schwäche|schwach|schwer)\w*", "Schwäche, SCHWACHE, schwerer", None),
        # the Kelvin sign and the long s are a k and an s to re.IGNORECASE, merged or not
        (r"\b(?:kein|keine|ki67|since|sinds)\b", "\u212aeine, ki67, ſince, SINDS", None),
        # a scoped case: "(?-i:...)" keeps "May" and "may" apart
        (r"\b(?-i:May|March|may)\b", "may MAY May march March", ["may", "May", "March"]),
        (r"\b(?:(?-i:May)|mar)\b", "may MAY May MAR", ["May", "MAR"]),
        # captures keep their numbers and the value of the alternative that matched
        (r"(?:n(?P<x>o)|n(?P<y>ot))\b", "not no", None),
        # (i11a) a boundary that begins alternatives is tested once before them; the first that
        # matches in the written order still wins, worked out by hand
        (r"(?:\bas\s+in|\bcomo\s+en|\bcomme|\bcome)\b", "Comme, come, AS in, como en", None),
        (r"(?:\bca\s+la|\bcaz|\bc)", "ca la cazul c", ["ca la", "caz", "c"]),
        # a CJK alternative without a boundary keeps its place between the runs: "如本例" inside
        # a sentence with no space before it, and the boundary still refused inside a word
        (r"(?:\bas\s+in|\bcomo|如本例|\bcome)", "本文如本例, alias in, comet", ["如本例", "come"]),
        # a boundary inside one alternative only is left there ("not" inside "cannot"), and the
        # earlier alternative still wins ("no" of "non"); one outside the group as well
        (r"(?:\bno|not\b|\bnon)", "cannot, no, non", ["not", "no", "no"]),
        (r"\b(?:\bno|\bnot)\b", "NOT no", ["NOT", "no"]),
        # captures keep their numbers and values
        (r"(?:\bn(?P<x>o)\b|\bn(?P<y>ot)\b|x)", "not no x", None),
        # under a scoped ASCII flag the boundary is ASCII's: "é" is no word character there
        (r"(?a:\bcafe|\bcaf)", "écafe cafe", ["cafe", "cafe"]),
    ],
)
def test_merged_alternatives_find_what_the_written_ones_find(
    pattern: str, text: str, found: list[str] | None
) -> None:
    rule = compile_rule(pattern)
    plain = re.compile(pattern, re.IGNORECASE)
    got = [(m.span(), m.group(), m.groups(), m.groupdict()) for m in rule.finditer(text)]
    assert got == [(m.span(), m.group(), m.groups(), m.groupdict()) for m in plain.finditer(text)]
    assert got, pattern  # each case is written to match
    if found is not None:
        assert [g[1] for g in got] == found


def test_alternatives_with_one_first_letter_are_tried_once() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from myositis_cds.ingest.text._rules import _factor_alternatives

    def branch_sizes(pattern: str, folded: bool = True) -> list[int]:
        parsed = _parser.parse(pattern, re.IGNORECASE if folded else 0)
        _factor_alternatives(parsed.data, c, folded)
        sizes: list[int] = []

        def walk(items: object) -> None:
            for op, av in items:  # type: ignore[attr-defined]
                if op is c.BRANCH:
                    sizes.append(len(av[1]))
                    for alternative in av[1]:
                        walk(alternative.data)
                elif op is c.SUBPATTERN:
                    walk(av[-1].data)

        walk(parsed.data)
        return sizes

    # a, j; then ber|le under a
    assert branch_sizes(r"\b(?:aber|jedoch|ale)\b") == [2, 2]
    # nothing moves across the class: three alternatives as written
    assert branch_sizes(r"(?:ax|[a-z]b|ab)") == [3]
    # outside ASCII: left as written
    assert branch_sizes(r"(?:érythème|énorme|eritema)") == [3]
    # "A" and "a" under folding are left as written; without folding they are two letters
    assert branch_sizes(r"(?:Ab|ac|d)") == [3]
    assert branch_sizes(r"(?:Ab|ac|Ad)", folded=False) == [2, 2]


# --------------------------------------------------------------------------- i11a
def _joined(parts: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for p in parts), parts[0].flags)


@pytest.mark.parametrize(
    ("parts", "text", "spans"),
    [
        # the second part's first match ("bcd" at 1) overlaps the first part's "ab": the
        # alternation goes on from 2 and finds "cd", which a merge of the two streams would miss
        ((r"ab", r"bcd|cd"), "abcd", [(0, 2), (2, 4)]),
        # both parts match at one position: the alternation's first alternative wins
        ((r"ab", r"abcd"), "abcd", [(0, 2)]),
        ((r"abcd", r"ab"), "abcd ab", [(0, 4), (5, 7)]),
        # a part that may match nothing: the alternation's own handling of empty matches
        ((r"ab", r"x*"), "abab", [(0, 2), (2, 4), (4, 4)]),
        # (an empty match, then a non-empty one may start where it stood)
        ((r"x*", r"ab"), "abab", [(0, 0), (0, 2), (2, 2), (2, 4), (4, 4)]),
    ],
)
def test_two_parts_searched_apart_match_as_their_alternation(
    parts: tuple[str, str], text: str, spans: list[tuple[int, int]]
) -> None:
    from myositis_cds.ingest.text._rules import finditer_either

    compiled = tuple(re.compile(p) for p in parts)
    got = [m.span() for m in finditer_either(compiled, text, 0, len(text))]
    assert got == spans
    assert got == [m.span() for m in _joined(compiled).finditer(text)]


def test_a_term_list_split_in_two_finds_what_its_one_pattern_finds() -> None:
    # Latin and CJK terms in one list: "Ro52" inside "抗Ro52抗體" (no boundary against CJK), a
    # CJK term right after a Latin one, accented and unaccented spellings, the dotted capital I
    from myositis_cds.ingest.text._rules import finditer_either

    matcher = TermMatcher(
        "test",
        {
            "ro52": ["Ro52", "抗Ro52抗體"],
            "rash": ["rash", "皮疹", "érythème"],
            "mark": ["+", ";"],
            "history": ["history", "history of rash"],
        },
    )
    assert len(matcher._parts) == 2
    joined = _joined(matcher._parts)
    texts = [
        "抗Ro52抗體(+); Ro52 positive; HİSTORY OF RASH; erytheme 皮疹rash",
        "rash皮疹Ro52; history+rash",
        *_development_notes()[:40],
    ]
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text) - 2)):
            got = [m.span() for m in finditer_either(matcher._parts, text, start, end)]
            assert got == [m.span() for m in joined.finditer(text, start, end)], text[:40]
    # the CJK term first (the second part), then "+" and ";" (punctuation terms need no
    # boundary), then the longest Latin term (the first part)
    found = matcher.find("抗Ro52抗體(+); HISTORY OF RASH")
    assert [(m.start, m.end, m.concept) for m in found] == [
        (0, 7, "ro52"),
        (8, 9, "mark"),
        (10, 11, "mark"),
        (12, 27, "history"),
    ]


def test_every_term_list_split_in_two_finds_what_its_one_pattern_finds() -> None:
    from myositis_cds.ingest.text._rules import finditer_either

    texts = [*_development_notes(), _TRICKY, _TRICKY.lower(), _TRICKY.upper()]
    for matcher in (m for m in vars(rules()).values() if isinstance(m, TermMatcher)):
        joined = _joined(matcher._parts)
        for text in texts:
            got = [m.span() for m in finditer_either(matcher._parts, text, 0, len(text))]
            assert got == [m.span() for m in joined.finditer(text)], matcher.name


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "neg" and "negative" start at one position, "gat" and "ative" inside it
        ("ana negative", {"neg", "negative", "gat", "ative"}),
        # a word only inside a longer one, and overlapping ones ("nega" ends where "gat" began)
        ("renegat", {"neg", "gat"}),
        ("érythème lilacé", {"érythème"}),
        ("erytheme", set()),  # the gate's words are as written: no accent dropped here
        ("抗体陽性", {"抗体"}),
        ("抗體", set()),
        ("", set()),
    ],
)
def test_the_words_of_a_gate_are_found_in_one_pass(text: str, present: set[str]) -> None:
    from myositis_cds.ingest.text._rules import _needle_index, words_in

    words = frozenset({"neg", "negative", "gat", "ative", "érythème", "抗体"})
    got = words_in(text, *_needle_index(words))
    assert {w for w, found in got.items() if found} == present
    assert got == {w: w in text for w in words}


def test_a_gate_read_in_one_pass_lets_through_what_the_word_search_lets_through() -> None:
    # every rule pattern's gate, within a note's reading (one pass per gate text) and outside
    # it (each word looked for in turn), on the development notes and texts in other cases
    # and scripts
    from myositis_cds.ingest.text import _rules
    from myositis_cds.ingest.text._rules import gate_text, may_match, note_memo

    patterns = _every_rule_pattern()
    texts = [*_development_notes()[:60], _TRICKY, _TRICKY.lower(), _TRICKY.upper()]
    for text in texts:
        gate = gate_text(text)
        plain = [may_match(rx, gate) for rx in patterns]
        with note_memo():
            assert [may_match(rx, gate) for rx in patterns] == plain
    assert len(_rules._NEEDLE_INDEX[0]) > 500  # the one-pass index was made and used


def test_a_boundary_before_every_alternative_is_tested_once() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from myositis_cds.ingest.text._rules import _hoist_boundaries

    parsed = _parser.parse(r"(?:\bas|\bcomo|如本例|\bcomme|\bcome)", re.IGNORECASE)
    _hoist_boundaries(parsed.data, c)
    (branch,) = [av for op, av in parsed.data if op is c.BRANCH]
    first = [a.data[0] for a in branch[1]]
    # two runs of boundaries around the CJK alternative: each run is one alternative now
    assert len(branch[1]) == 3
    assert first[0] == first[2] == (c.AT, c.AT_BOUNDARY)
    assert first[1][0] is c.LITERAL


@pytest.mark.parametrize(
    ("note", "sentence", "general"),
    [
        # a general statement and a statement about this patient in one note, in any case: the
        # note's gate is in lower case, so no pattern is left out for a capital letter
        (
            "Violaceous eyelid discolouration is the hallmark of juvenile DM. "
            "She has the pathognomonic knuckle papules.",
            "Violaceous eyelid discolouration is the hallmark of juvenile DM.",
            True,
        ),
        (
            "VIOLACEOUS EYELID DISCOLOURATION IS THE HALLMARK OF JUVENILE DM. SHE IS WELL.",
            "VIOLACEOUS EYELID DISCOLOURATION IS THE HALLMARK OF JUVENILE DM.",
            True,
        ),
        (
            "Violaceous eyelid discolouration is the hallmark of juvenile DM. "
            "She has the pathognomonic knuckle papules.",
            "She has the pathognomonic knuckle papules.",
            False,
        ),
    ],
)
def test_a_sentence_is_judged_general_with_its_note_s_patterns_as_with_all(
    note: str, sentence: str, general: bool
) -> None:
    from myositis_cds.ingest.text._general import general_patterns, general_statement
    from myositis_cds.ingest.text._rules import gate_text

    r = rules()
    patterns = general_patterns(r, gate_text(note))
    assert general_statement(sentence, r) is general
    assert general_statement(sentence, r, patterns) is general
    # fewer patterns to try than all of them, for a note that has few of their words
    assert sum(map(len, patterns.values())) < sum(len(r.value[k]) for k in patterns)


def test_every_sentence_of_a_note_is_judged_general_as_with_all_patterns() -> None:
    from myositis_cds.ingest.text._general import general_patterns, general_statement
    from myositis_cds.ingest.text._rules import gate_text

    r = rules()
    for note in _development_notes():
        patterns = general_patterns(r, gate_text(note))
        for sentence in re.split(r"(?<=[.!?])\s+|\n", note):
            if sentence.strip():
                assert general_statement(sentence, r, patterns) == general_statement(sentence, r)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # (i11a) a line outside ASCII with nothing to map is copied as it is, each character at
        # its own offset, as an ASCII line is
        ("Érythème lilacé des paupières.", "Érythème lilacé des paupières."),
        # what the character-by-character reading maps is still mapped there: a dash, a no-break
        # space, full-width letters, a space before a full stop
        ("Ödem – beidseits", "Ödem - beidseits"),
        ("née\u00a0à Paris", "née à Paris"),
        ("ＣＫ élevée", "CK élevée"),
        ("fièvre . Toux", "fièvre. Toux"),
    ],
)
def test_a_line_outside_ascii_is_copied_or_mapped_as_written(line: str, text: str) -> None:
    from myositis_cds.ingest.text._normalise import normalise

    norm = normalise(line, rules())
    assert norm.text == text
    if line == text:
        assert norm.offsets[: len(line)] == list(range(len(line)))


# issue #10 (i23s): a branch's alternatives led by a letter read ignoring case start with the
# exact class of characters the engine takes for that letter, tested with the case kept (the
# engine's quick test of an alternative's first character)
_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("letters", ["k", "s", "i", "a", "é", "σ", "ǆ", "ß", "[eé]", "[sk]"])
def test_a_letter_s_class_holds_every_character_the_engine_takes_for_it(letters: str) -> None:
    from myositis_cds.ingest.text._rules import _case_variants

    expected = {m.group() for m in re.finditer(letters, _EVERY_CHARACTER, re.IGNORECASE)}
    codes = tuple(sorted({ord(ch) for ch in letters.strip("[]")}))
    assert {chr(x) for x in _case_variants(codes) or ()} == expected


def test_a_letter_without_case_keeps_the_engine_s_own_quick_test() -> None:
    from myositis_cds.ingest.text._rules import _case_variants

    assert _case_variants((ord("3"),)) is None
    assert _case_variants((ord("抗"), ord("-"))) is None


def test_alternatives_led_by_a_letter_start_with_a_class_that_keeps_the_case() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from myositis_cds.ingest.text._rules import _quick_first_letters

    parsed = _parser.parse("(?:apple|[eé]clair|3 pears|(?-i:Kiwi))", re.IGNORECASE)
    _quick_first_letters(parsed.data, c, folded=True)
    ((op, (_, alternatives)),) = parsed.data
    assert op is c.BRANCH
    firsts = []
    for alternative in alternatives:
        op, av = alternative.data[0]
        if op is c.SUBPATTERN and av[3].data[0][0] is c.IN:
            assert av[2] == c.SRE_FLAG_IGNORECASE  # the case kept inside
            ((in_op, members),) = av[3].data
            firsts.append((in_op, "".join(chr(x) for _, x in members)))
        else:
            firsts.append((op, ""))
    assert firsts == [
        (c.IN, "Aa"),
        (c.IN, "EeÉé"),
        (c.LITERAL, ""),  # a digit has no case: the engine tests it quickly already
        (c.SUBPATTERN, ""),  # a scoped group: left as written
    ]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b(?:kelvin|sigma|ilk|émile|straße|ǆungla)\b", "KELVIN \u212aelvin ſIGMA İLK ılk"),
        (r"\b(?:kelvin|sigma|ilk|émile|straße|ǆungla)\b", "ÉMILE Emile STRAẞE ǄUNGLA ǅungla"),
        (r"(?:no|not|nor)\s+(?:rash|rashes|ſwelling|swelling)", "NOT RASHES, nor ſwelling"),
        (r"(?P<a>ab|ac)(?P<b>x|y)?", "AB ACX aby"),
    ],
)
def test_a_branch_with_quick_first_letters_finds_what_the_written_one_finds(
    pattern: str, text: str
) -> None:
    rule = compile_rule(pattern)
    plain = re.compile(pattern, re.IGNORECASE)
    got = [(m.span(), m.groups()) for m in rule.finditer(text)]
    assert got == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert got


# issue #10 (i24s): the speed round's shortcuts, each against the plain way it replaces


@pytest.mark.parametrize(
    "text",
    [
        "CK 11 200 U/L on admission",  # a unit after a space
        "CK 11 200U/L",  # glued to the number
        "ferritin 2 870 ng/l\n",
        "no unit here at all: 11 200",
        "",
        " U/ml",  # the space alone before the unit
        "IU/Lx and U/mlb",  # units run into a word: count_unit decides, not a word list
        "2 870 ე/ლ",  # a per-litre spelling in another script
    ],
)
def test_a_note_names_a_count_unit_exactly_where_the_unit_pattern_finds_one(text: str) -> None:
    from myositis_cds.ingest.text._style import _compiled

    c = _compiled()
    assert (c.any_count_unit.search(text) is None) == (c.count_unit.search(text) is None)


def test_the_sentences_read_with_the_text_handed_over_are_the_pipelines() -> None:
    from myositis_cds.ingest.text._nlp import pipeline, read_doc, tokenizer_text

    texts = [*_development_notes()[:40], _TRICKY, "Dr. A. Smith saw her.\n\nCK 9 000. Plan: MMF"]
    for text in texts:
        text = tokenizer_text(text)
        read = read_doc(text)
        plain = pipeline()(text)
        assert read.text == text
        assert [(s.start_char, s.end_char) for s in read.sents] == [
            (s.start_char, s.end_char) for s in plain.sents
        ]


def test_a_sentence_without_modifier_phrases_asserts_nothing() -> None:
    from myositis_cds.ingest.text._context import Assertion, ContextSentence

    sentence = ContextSentence([], [0, 4, 9], 0, 3, "Rash on face")
    assert sentence.modifiers == [] and sentence.terminators == []
    assert sentence.assert_target(0, 4) == Assertion({})
    assert not sentence.separated(0, 12)


def test_the_gate_words_of_a_note_are_its_words_however_the_index_holds_them() -> None:
    # (i24s) words outside the one-pass pattern (a first letter outside ASCII) are looked up by
    # the text's letters: a word whose first letter the text holds but not the word, a word
    # inside another, and one in a script of its own
    from myositis_cds.ingest.text._rules import _needle_index, found_words

    words = frozenset({"érythème", "éry", "ödem", "抗体", "Ödem".lower(), "rash", "ash"})
    index = _needle_index(words)
    for text in ["érythème et rash", "éry", "ödemat", "抗体", "é ö 抗", "", "crash"]:
        assert found_words(text, *index[1:]) == {w for w in words if w in text}


def test_every_age_pattern_needs_a_digit_so_a_sentence_without_one_is_passed_over() -> None:
    # (i29t) facts.patient._first_age runs no age pattern over a sentence without a digit: each
    # must need one (needs_digit), or the gate would lose an age
    from myositis_cds.ingest.text._patient_grammar import patient_grammar
    from myositis_cds.ingest.text._rules import needs_digit

    assert all(needs_digit(rx) for rx in rules().value["age_sex"])
    assert all(needs_digit(rx) for rx in patient_grammar().age_sex)


@pytest.mark.parametrize(
    ("words", "age", "sex"),
    [
        # an age in words (written as digits before the readers run), in full-width digits, in
        # Arabic-Indic digits and in a German compound: the digit the gate looks for is there
        ("A fifty-two-year-old man came with weakness of both thighs.", 52, "male"),
        ("A ５２-year-old man came with weakness of both thighs.", 52, "male"),
        ("Patientin, ٥٢ Jahre alt, mit Schwäche beider Oberschenkel.", 52, "female"),
        ("Ein zweiundfünfzigjähriger Patient mit Schwäche beider Oberschenkel.", 52, "male"),
        # the age after a name's initials, which may end a sentence for the splitter (the gate
        # looks as far as the age pattern does: _reach)
        ("Mr K.L., 52, weakness of both thighs.", 52, "male"),
    ],
)
def test_an_age_in_an_unusual_form_passes_the_digit_gate(words: str, age: int, sex: str) -> None:
    from datetime import date

    from myositis_cds.ingest.text import extract_case

    day = date(2026, 11, 27)
    patient = extract_case(words, anchor=day, today=day).case.patient
    assert (patient.age, patient.sex.value) == (age, sex)
