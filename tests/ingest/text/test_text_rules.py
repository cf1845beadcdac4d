"""The rule files are data with a schema: a typo is a start-up error, not a silent miss."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from pydantic import ValidationError

import myositis_cds.ingest.text as text_api
from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text._rules import (
    ContextRules,
    InferenceRules,
    Lexicon,
    TermMatcher,
    _load,
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
    texts = [
        p.read_text(encoding="utf-8") for p in (REPO / "tests" / "data" / "notes").glob("*.txt")
    ]
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
    texts = [
        p.read_text(encoding="utf-8") for p in (REPO / "tests" / "data" / "notes").glob("*.txt")
    ]
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
