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
