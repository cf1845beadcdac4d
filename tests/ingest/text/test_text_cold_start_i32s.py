"""issue #10 (i32s): a fresh process's first note, made cheaper without changing what is read.

The rules files' parsed YAML is kept between processes (_rules.kept_yaml, in the file of the
compiled programmes): a kept document must be the very document the parse gives, a changed text
is parsed again (never a stale answer), and a corrupt or unwritable cache costs only the parse.
spaCy is imported without its command-line interface, and the tokenizer is made once with our
infixes and suffixes: the tokens and sentences must be those of spaCy's blank English pipeline
with the same expressions set on it afterwards.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import yaml

from myositis_cds.ingest.text import _nlp, _programs
from myositis_cds.ingest.text._rules import kept_yaml
from myositis_cds.knowledge import parse_yaml
from tests.ingest.text.conftest import reopen_store

RULES = Path(_programs.__file__).with_name("rules")

# a small rules document in the shapes the files use: nested maps, lists, numbers, booleans
_DOCUMENT = """\
meta:
  id: sample
  version: "1"
terms:
  heliotrope rash: [heliotrope, lilac eyelids]
  grades: {0: none, 5: normal}
limit: 2.5
verified: true
empty: null
"""


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the YAML parser reads from now on."""
    parsed: list[str] = []
    real = parse_yaml

    def counted(text: str) -> object:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr("myositis_cds.ingest.text._rules.parse_yaml", counted)
    return parsed


def test_a_kept_document_is_the_parsed_one(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kept_yaml(_DOCUMENT) == parse_yaml(_DOCUMENT)
    assert _programs.save() is True
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    again = kept_yaml(_DOCUMENT)
    assert parsed == []  # answered from the file
    assert again == parse_yaml(_DOCUMENT)
    assert type(again["verified"]) is bool and type(again["limit"]) is float
    assert list(again["terms"]["grades"]) == [0, 5]  # integer keys stay integers


def test_every_rules_file_is_kept_as_parsed(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(RULES.glob("*.yaml"))]
    for text in texts:
        kept_yaml(text)
    _programs.save()
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    for text in texts:
        assert kept_yaml(text) == parse_yaml(text)
    assert parsed == []


def test_a_changed_text_is_parsed_again(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept_yaml(_DOCUMENT)
    _programs.save()
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    changed = _DOCUMENT.replace("limit: 2.5", "limit: 3.5")
    assert kept_yaml(changed)["limit"] == 3.5  # not the kept 2.5
    assert parsed == [changed]


def test_a_changed_key_never_reads_the_old_file(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed rules file or code names another file: the old one is not read."""
    kept_yaml(_DOCUMENT)
    _programs.save()
    monkeypatch.setattr(_programs, "content_key", lambda rules_dir=RULES: "0" * 32)
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    assert kept_yaml(_DOCUMENT) == parse_yaml(_DOCUMENT)
    assert parsed == [_DOCUMENT]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:32] + b"\x00" * (len(data) - 32),
        lambda data: b"",
        lambda data: b"not a cache file at all",
    ],
)
def test_a_corrupt_file_is_parsed_afresh(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    kept_yaml(_DOCUMENT)
    _programs.save()
    path = next(fresh_cache.glob("rule-programmes-*.marshal"))
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    assert kept_yaml(_DOCUMENT) == parse_yaml(_DOCUMENT)
    assert parsed == [_DOCUMENT]


def test_an_unwritable_cache_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("MYOSITIS_CDS_CACHE_DIR", str(blocker / "cache"))  # under a file
    monkeypatch.setattr(_programs, "_STORE", _programs._Store())
    assert kept_yaml(_DOCUMENT) == parse_yaml(_DOCUMENT)
    assert _programs.save() is False  # nothing raised
    assert blocker.read_text(encoding="utf-8") == "in the way"


def test_a_document_marshal_cannot_keep_is_parsed_each_time(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A YAML date is not kept, and does not stop the other entries from being written."""
    dated = "checked: 2026-12-03\n"
    assert kept_yaml(dated) == {"checked": datetime.date(2026, 12, 3)}
    kept_yaml(_DOCUMENT)
    assert _programs.save() is True
    reopen_store(monkeypatch)
    parsed = _counting(monkeypatch)
    assert kept_yaml(dated) == {"checked": datetime.date(2026, 12, 3)}
    kept_yaml(_DOCUMENT)
    assert parsed == [dated]


def test_a_malformed_document_still_raises(fresh_cache: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        kept_yaml("terms: [unclosed\n")


# --------------------------------------------------------------------------- spaCy
def _plain_pipeline() -> spacy.language.Language:
    """spaCy's blank English pipeline with our expressions set on its tokenizer afterwards."""
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(  # type: ignore[attr-defined]
        [*nlp.Defaults.infixes, _nlp._CJK_TOKEN, _nlp._LIST_GLUE]
    ).finditer
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(  # type: ignore[attr-defined]
        [*nlp.Defaults.suffixes, _nlp._GEORGIAN_ARMENIAN_STOP]
    ).search
    nlp.add_pipe("myositis_note_sentences")
    return nlp


_VIGNETTES = [
    "Pt seen in clinic today. CK 4,520 U/L (ref. 25-200); ALT 88. Can't climb stairs.",
    "Anti-TIF1-γ strongly positive, anti-NXP2 neg. Dr. O'Neill's letter, e.g. the MRI (STIR+).",
    "Gottron's papules over MCPs & PIPs; V-sign... heliotrope?? yes!!!",
    "Hip flex. 3/5 bilat., knee ext. 4+/5 — e-mail: clinic@example.org, https://example.org/a?b=1",
    "抗Jo-1、PL-7、PL-12阴性。肌酸激酶 3200 U/L。",
    "RF(-),ANA(+);IgM(-) კიბო. ანალიზი։ 12. 10. 2026 (am 3. März 2025).",
    "I'll review in 6/52 w/ repeat CK; she's had dysphagia since Nov '25.",
]


def test_the_tokenizer_is_spacys_with_our_expressions() -> None:
    ours, plain = _nlp.pipeline(), _plain_pipeline()
    for text in _VIGNETTES:
        a, b = ours(text), plain(text)
        assert [(t.text, t.idx, t.is_sent_start) for t in a] == [
            (t.text, t.idx, t.is_sent_start) for t in b
        ], text


def test_spacy_is_imported_without_its_cli_and_the_cli_still_loads() -> None:
    code = (
        "import sys\n"
        "import myositis_cds.ingest.text._nlp\n"
        "assert 'spacy' in sys.modules\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.info import info\n"
        "assert spacy.cli.__file__ and callable(info) and callable(spacy.info)\n"
        "assert isinstance(spacy.info(markdown=False, silent=True), dict)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
