"""issue #10 (i13a): the compiled rule programmes kept between processes (ingest/text/_programs).

A kept programme must give the very pattern the plain compile gives; a changed rules file must
change the file's key (never a stale answer); a corrupt or unwritable cache must only cost the
compile, never an error or a different match.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from myositis_cds.ingest.text import _programs
from myositis_cds.ingest.text._rules import compile_rule
from tests.ingest.text.conftest import reopen_store

RULES = Path(_programs.__file__).with_name("rules")

# patterns in the shapes the rules use: a word list behind a boundary, lookbehinds, named
# groups, a pattern with its own flags, and a term list's trie with its first characters given
_SAMPLES: list[tuple[str, set[str] | None]] = [
    (r"\b(?:ck|creatine kinase|cpk)\b", None),
    (r"(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)\b", None),
    (r"\b(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>u/l|iu/l)", None),
    (r"(?i)\bheliotrope\b", None),
    (r"(?:gottron(?:'s)?\s+papules?|heliotrope\s+rash)", {"g", "h"}),
]


def _compile_rule_plain(pattern: str, first: set[str] | None = None) -> re.Pattern[str]:
    """compile_rule with the cache turned off: parsed and compiled in full."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MYOSITIS_CDS_CACHE_DIR", "")
        mp.setattr(_programs, "_STORE", _programs._Store())
        return compile_rule(pattern, first=first)


def test_a_kept_programme_is_the_plain_compile(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_run = [compile_rule(p, first=f) for p, f in _SAMPLES]
    assert _programs.save() is True
    assert len(list(fresh_cache.glob("rule-programmes-*.marshal"))) == 1
    reopen_store(monkeypatch)
    for (pattern, first), compiled in zip(_SAMPLES, first_run, strict=True):
        kept = _programs.lookup(
            (pattern, int(re.IGNORECASE), None if first is None else "".join(sorted(first)))
        )
        assert kept is not None, pattern
        plain = _compile_rule_plain(pattern, first=first)
        # equal patterns: same written form, flags and engine code
        assert kept == plain == compiled
        assert kept.groupindex == plain.groupindex


def test_kept_patterns_find_what_the_text_says(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_rule(r"\b(?:ck|creatine kinase|cpk)\b")
    compile_rule(r"(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)\b")
    _programs.save()
    reopen_store(monkeypatch)
    ck = compile_rule(r"\b(?:ck|creatine kinase|cpk)\b")
    assert [m.span() for m in ck.finditer("CK 5000 U/L; creatine kinase high; CKMB 3")] == [
        (0, 2),
        (13, 28),
    ]  # "CKMB" is another word
    seen = compile_rule(r"(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)\b")
    assert seen.search("rash was not seen") is None
    assert seen.search("no found") is None
    assert seen.search("rash was seen").span() == (9, 13)  # type: ignore[union-attr]
    assert _programs._STORE.added == 0  # both answered from the file


def test_the_key_changes_when_a_rules_file_changes(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    before = _programs.content_key(copy)
    assert _programs.content_key(copy) == before  # the same files: the same key
    lexicon = copy / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# one more line\n", "utf-8")
    assert _programs.content_key(copy) != before
    (copy / "extra.yaml").write_text("a: 1\n", encoding="utf-8")  # a new file too
    changed = _programs.content_key(copy)
    (copy / "extra.yaml").unlink()
    assert _programs.content_key(copy) not in (changed, before)


def test_a_changed_key_never_reads_the_old_file(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_rule(r"\b(?:ck|cpk)\b")
    _programs.save()
    old = next(fresh_cache.glob("rule-programmes-*.marshal"))
    monkeypatch.setattr(_programs, "content_key", lambda rules_dir=RULES: "0" * 32)
    reopen_store(monkeypatch)
    assert _programs.lookup((r"\b(?:ck|cpk)\b", int(re.IGNORECASE), None)) is None
    compile_rule(r"\b(?:ck|cpk)\b")
    assert _programs.save() is True
    assert not old.exists()  # the stale file is removed when the new one is written
    assert [p.name for p in fresh_cache.iterdir()] == [f"rule-programmes-{'0' * 32}.marshal"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],  # one byte changed
        lambda data: b"",
        lambda data: b"not a cache file at all",
    ],
)
def test_a_corrupt_file_is_compiled_afresh(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    pattern = r"\b(?:ck|creatine kinase|cpk)\b"
    compile_rule(pattern)
    _programs.save()
    path = next(fresh_cache.glob("rule-programmes-*.marshal"))
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    reopen_store(monkeypatch)
    assert _programs.lookup((pattern, int(re.IGNORECASE), None)) is None
    again = compile_rule(pattern)
    assert again == _compile_rule_plain(pattern)
    assert again.search("raised CPK").span() == (7, 10)  # type: ignore[union-attr]


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("MYOSITIS_CDS_CACHE_DIR", str(blocker / "cache"))  # under a file
    monkeypatch.setattr(_programs, "_STORE", _programs._Store())
    compiled = compile_rule(r"\bheliotrope\b")
    assert compiled == _compile_rule_plain(r"\bheliotrope\b")
    assert _programs.save() is False  # nothing raised
    assert blocker.read_text(encoding="utf-8") == "in the way"


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYOSITIS_CDS_CACHE_DIR", "")
    monkeypatch.setattr(_programs, "_STORE", _programs._Store())
    assert _programs.cache_file() is None
    assert compile_rule(r"\bheliotrope\b").search("a Heliotrope rash").span() == (2, 12)  # type: ignore[union-attr]
    assert _programs.save() is False


def test_a_kept_term_list_finds_what_the_built_one_finds(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from myositis_cds.ingest.text._rules import TermMatcher

    concepts = {"ck": ["ck", "creatine kinase"], "heliotrope": ["heliotrope rash"]}
    text = "CK raised, heliotrope rash and creatine-kinase; no CKs"
    built = TermMatcher("test", concepts).find(text)
    assert _programs.save() is True
    reopen_store(monkeypatch)
    # the same terms in another order: the same trie, answered from the file
    kept = TermMatcher("test", {"heliotrope": ["heliotrope rash"], "ck": ["creatine kinase", "ck"]})
    assert _programs._STORE.added == 0
    found = [(m.start, m.end, m.concept) for m in kept.find(text)]
    assert found == [(m.start, m.end, m.concept) for m in built]
    # a hyphen where the term has a space; "CKs" is not the term "ck"
    assert found == [(0, 2, "ck"), (11, 26, "heliotrope"), (31, 46, "ck")]
