"""The rule files are data with a schema: a typo is a start-up error, not a silent miss."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from benchmarks.text_eval import opened_notes
from pydantic import ValidationError

import myositis_cds.ingest.text as text_api
from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text._rules import (
    ContextRules,
    InferenceRules,
    Lexicon,
    TermMatcher,
    _load,
    _trie_regex,
    rules,
)
from tests.ingest.text.helpers import REPO

RULES = REPO / "src" / "myositis_cds" / "ingest" / "text" / "rules"


def test_every_rule_file_loads_and_compiles() -> None:
    r = rules()
    assert r.lexicon.meta.id == "text_lexicon"
    assert len(r.context.rules) > 50


def test_unknown_finding_code_in_the_lexicon_is_an_error() -> None:
    data = yaml.safe_load((RULES / "lexicon.yaml").read_text(encoding="utf-8"))
    data["findings"]["heliotrope_rsah"] = ["purple eyelids"]
    with pytest.raises(ValidationError, match="heliotrope_rsah"):
        Lexicon.model_validate(data)


def test_misspelt_key_in_a_context_rule_is_an_error() -> None:
    data = yaml.safe_load((RULES / "context.yaml").read_text(encoding="utf-8"))
    data["rules"][0]["max_scop"] = 3
    with pytest.raises(ValidationError, match="max_scop"):
        ContextRules.model_validate(data)


def test_terminate_rule_must_say_terminate() -> None:
    data = {
        "meta": {"id": "x", "version": "1"},
        "rules": [{"literal": "but", "category": "TERMINATE", "direction": "forward"}],
    }
    with pytest.raises(ValidationError, match="TERMINATE"):
        ContextRules.model_validate(data)


def test_inference_rule_needs_a_finding_code() -> None:
    data = {
        "meta": {"id": "x", "version": "1"},
        "rules": [
            {
                "id": "r",
                "infers": ["purple_eyes"],
                "lesion": ["rash"],
                "site": ["eyelids"],
                "max_gap": 5,
                "verified": "S",
            }
        ],
    }
    with pytest.raises(ValidationError):
        InferenceRules.model_validate(data)


def test_one_term_naming_two_concepts_is_an_error() -> None:
    with pytest.raises(KnowledgeError, match="names both"):
        TermMatcher("test", {"ck": ["CK"], "cpk": ["ck"]})


def test_term_variants_match_hyphen_space_and_apostrophe_forms() -> None:
    m = TermMatcher("test", {"PL7": ["pl-7"], "gottron": ["gottron's papules"]})
    found = [x.concept for x in m.find("PL7, PL 7, PL-7; Gottron papules, Gottrons papules")]
    assert found == ["PL7", "PL7", "PL7", "gottron", "gottron"]


def test_a_term_list_checks_its_end_boundary_once_and_longest_term_still_wins() -> None:
    # The CJK-aware boundary class is costly to compile (a copy per term made the first note
    # read ~20 s slower): how often a term list holds it does not grow with the list.
    few = ["term1", "anti-ro", "乏力"]
    many = [f"term{i}" for i in range(400)] + ["anti-ro", "anti-ro52", "乏力"]
    assert _trie_regex(many).count("\\u4e00") == _trie_regex(few).count("\\u4e00") <= 8
    m = TermMatcher("test", {"ro": ["anti-ro"], "ro52": ["anti-ro52"], "weak": ["乏力"]})
    assert [x.concept for x in m.find("anti-Ro52; anti-Ro, anti-Ro5x")] == ["ro52", "ro"]
    # boundaries: none against CJK, held against Latin letters and digits
    assert [x.text for x in m.find("抗anti-Ro52抗體 四肢乏力。")] == ["anti-Ro52", "乏力"]
    assert m.find("xanti-Ro52 anti-Ro521") == []


def test_missing_rule_file_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match="cannot be read"):
        _load("no_such_rules", Lexicon)


def test_public_names_do_not_drift() -> None:
    assert sorted(text_api.__all__) == sorted(
        [
            "MAX_NOTE_CHARS",
            "ExtractionResult",
            "Fact",
            "TextInputError",
            "decode_note",
            "extract_case",
        ]
    )


def test_importing_the_adapter_does_not_import_spacy() -> None:
    code = (
        "import sys, myositis_cds.ingest.text as t; "
        "assert 'spacy' not in sys.modules, 'spacy imported eagerly'; print('ok')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src")},
        check=False,
    )
    assert out.stdout.strip() == "ok", out.stderr


def test_every_match_of_a_gated_pattern_contains_a_gate_word() -> None:
    # A gate skips a pattern list on notes without its words; it must never drop a match.
    from myositis_cds.ingest.text._rules import rules

    r = rules()
    texts = [p.read_text(encoding="utf-8") for p in opened_notes()]
    checked = 0
    for name, words in r.patterns.gates.items():
        for rx in r.value[name]:
            for text in texts:
                for m in rx.finditer(text):
                    checked += 1
                    assert any(w in m.group().casefold() for w in words), (name, m.group())
    assert checked > 50


def test_the_start_lookahead_never_changes_what_a_rule_matches() -> None:
    # compile_rule leads each pattern with the characters it can start with, for speed only.
    import re

    from myositis_cds.ingest.text._rules import compile_rule, rules

    r = rules()
    texts = [p.read_text(encoding="utf-8") for p in opened_notes()]
    patterns = [rx.pattern for table in (r.value, r.time) for rxs in table.values() for rx in rxs]
    patterns += [rx.pattern for _, rx in r.context_patterns]
    sped_up = 0
    for fast_pattern in patterns:
        if not fast_pattern.startswith("(?=["):
            continue
        sped_up += 1
        plain = re.compile(fast_pattern.split("])(?:", 1)[1][:-1], re.IGNORECASE)
        fast = compile_rule(plain.pattern)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], plain.pattern
    assert sped_up > 60


# issue #10 (i36t): module patterns that scan a note or its lines, compiled as rules for speed
_SCANNING_PATTERNS = {
    # (i47m: the masthead, article history, season and published patterns are rules of
    # patterns.yaml now, checked with the other rules by tests/ingest/text/test_text_speed.py)
    "_timeline": ("_ENTRY_STAMP",),
    "_normalise": ("_BROKEN_WORD", "_COLUMN", "_DATE_IN_LABEL", "_ANY_LEADER", "_LEADER", "_SLOW"),
    "_assemble": ("_JUVENILE_DISEASE", "_LONGSTANDING_DISEASE"),
    "_style": (
        "_ROMAN_CANDIDATE",
        "_SIGNED_LETTER",
        "_SPACED",
        "_ROMAN_SCALE_HEADING",
        "_SPOKEN_ANTIBODY",
        "_GRADE_LEAD",
        "_DEFINED_GRADE",
        "_AGE_LEAD",
    ),
    "_strength": ("_WORD_GRADE", "_GRADE"),
    "facts.patient": ("_FILED_ENTRY", "_SINCE_HOLIDAY"),
    "facts.tumours": ("_ICD_CODE",),
    "_records": ("_LINE_BOX",),
    "_ocr": ("_AGE_WITH_L", "_OCR_NUMBER"),
}


def test_a_module_pattern_compiled_as_a_rule_matches_as_written() -> None:
    # each is its pattern as written, with its own flags (case-sensitive ones too), led by the
    # characters it can start with: over every opened note, the same matches as re.compile's
    import importlib
    import re

    from myositis_cds.ingest.text._nlp import _spaced_date

    texts = [p.read_text(encoding="utf-8") for p in opened_notes()]
    compiled = [
        getattr(importlib.import_module(f"myositis_cds.ingest.text.{module}"), name)
        for module, names in _SCANNING_PATTERNS.items()
        for name in names
    ]
    for fast in [*compiled, _spaced_date()]:
        assert fast.pattern.startswith("(?=["), fast.pattern
        written = fast.pattern.split("])(?:", 1)[1][:-1]
        assert "(?i" not in written  # compile_rule's first characters do not fold a scoped (?i:)
        plain = re.compile(written, fast.flags)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], written


def test_a_gate_is_made_once_per_text_while_a_note_is_read() -> None:
    from myositis_cds.ingest.text._rules import gate_text, note_memo

    note = "Heliotrope rash since İstanbul"
    with note_memo():
        first = gate_text(note)
        assert gate_text("".join(note)) is first  # an equal text: the same gate
        assert gate_text("CK 9,000") == "ck 9,000"  # another text: its own gate
        assert first == "heliotrope rash since istanbul"
    with note_memo():
        assert gate_text(note) == first  # a new note's reading starts a new memo
    assert gate_text(note) == first  # and outside one, nothing is kept


@pytest.mark.parametrize(
    ("pattern", "led"),
    [
        (r"\b(?:was|were)\b", True),
        (r"(?<!\w)(?:a|b)c", True),
        (r"^\s*x", True),  # a space or the x
        (r"[^a]x", False),  # may start with almost anything: left alone
        (r"(?:a)?", False),  # may match nothing: left alone
    ],
)
def test_which_patterns_get_a_start_lookahead(pattern: str, led: bool) -> None:
    from myositis_cds.ingest.text._rules import compile_rule

    assert compile_rule(pattern).pattern.startswith("(?=[") is led


# --------------------------------------------------------------------------- literal gates
def _notes_up_to_96() -> list[str]:
    notes = REPO / "tests" / "data" / "notes"
    return [
        p.read_text(encoding="utf-8")
        for p in sorted(notes.glob("[0-9]*.txt"))
        if int(p.name.split("_", 1)[0]) <= 96
    ]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:elevation|rise)\b", ("elevation", "rise")),
        (r"\bcolou?r chart\b", ("r chart",)),  # the optional "u" splits the literal run
        (r"\bDM\b", None),  # two letters: too short to be worth a test
        (r"(?:rash|\d+) today", (" today",)),  # one alternative names no word: the branch is out
        (r"(?=history)\w+", ("history",)),  # i21s: what a lookahead must see is in the text
        (r"(?!history)\w+", None),  # a negative lookaround is passed over
        (r"(?<=\bsince )(?:june|july)", ("since ",)),  # a lookbehind's longer word wins
        (r"\bzv[ýy][šs]en\w*", ("zvysen", "zvyšen", "zvýsen", "zvýšen")),  # a class of literals
        (r"\b(?:kein|ohne|不)\b", ("kein", "ohne", "不")),  # one letter outside ASCII is enough
        (r"\b(?:kein|ohne|ei)\b", None),  # two ASCII letters are in every note
        (r"(?:weakness)?\s*(?:for|over) \d+ weeks", (" weeks",)),
        (r"(?:on|at) (?:admission|presentation)", ("admission", "presentation")),
    ],
)
def test_the_words_a_pattern_needs(pattern: str, words: tuple[str, ...] | None) -> None:
    import re

    from myositis_cds.ingest.text._rules import required_words

    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_case_insensitive_look_alikes_pass_the_gate() -> None:
    # "İ" matches "i" under re.IGNORECASE although "İ".lower() is two characters; the long s
    # and the Kelvin sign likewise match "s" and "k".
    import re

    from myositis_cds.ingest.text._rules import gate_text, may_match

    for pattern, text in (
        (r"\bhistory of rash\b", "HİSTORY OF RASH"),
        (r"\bsince\s+\d+\s+weeks\b", "ſince 3 weeks"),
        (r"\bki67 index\b", "\u212ai67 index"),
    ):
        rx = re.compile(pattern, re.IGNORECASE)
        assert rx.search(text) is not None
        assert may_match(rx, gate_text(text)), text
        assert not may_match(rx, gate_text("nothing of the kind"))


def test_every_look_alike_of_an_ascii_character_is_folded() -> None:
    import re

    from myositis_cds.ingest.text._rules import gate_text

    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    for ch in re.findall(r"[\x00-\x7f]", every, re.IGNORECASE):
        ascii_twins = [a for a in map(chr, range(128)) if re.fullmatch(re.escape(a), ch, re.I)]
        assert ascii_twins and gate_text(ch) == ascii_twins[0].lower(), hex(ord(ch))


def test_a_rule_is_skipped_only_where_it_cannot_match() -> None:
    # may_match runs a pattern only when the note has a word every match needs, for speed only:
    # wherever a rule matches, its gate must let it run.
    from myositis_cds.ingest.text._rules import gate_text, may_match, required_words

    r = rules()
    patterns = [rx for table in (r.value, r.time) for rxs in table.values() for rx in rxs]
    patterns += [rx for _, rx in r.context_patterns]
    texts = _notes_up_to_96()
    texts += [line for text in texts for line in text.splitlines() if line.strip()]
    gates = [(text, gate_text(text)) for text in texts]
    gated = skipped = 0
    for rx in patterns:
        if required_words(rx) is None:
            continue
        gated += 1
        for text, gate in gates:
            if may_match(rx, gate):
                continue
            skipped += 1
            assert rx.search(text) is None, (rx.pattern, text[:80])
    assert gated > 80
    assert skipped > 10_000


def test_a_term_list_s_start_class_is_the_one_its_pattern_gives() -> None:
    # TermMatcher gives compile_rule the first characters of its terms (saving a second parse of
    # a long pattern at start-up); they must be exactly what the pattern itself yields.
    import re

    from myositis_cds.ingest.text._rules import compile_rule

    r = rules()
    matchers = [m for m in vars(r).values() if isinstance(m, TermMatcher)]
    assert len(matchers) > 15
    for matcher in matchers:
        for part in matcher._parts:  # (i11a) the words' part and the others', each led by its own
            given = part.pattern
            assert given.startswith("(?=["), matcher.name
            body = given.split("])(?:", 1)[1][:-1]
            re.purge()  # compile afresh, not from re's cache
            assert compile_rule(body).pattern == given, matcher.name
