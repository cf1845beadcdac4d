"""benchmarks/same_output.py: whether a speed change leaves the adapter's output as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from benchmarks import text_eval
from benchmarks.same_output import compare, texts
from benchmarks.text_eval import DETAIL_SETS, opened_notes


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in records))
    return path


def test_two_dumps_alike_compare_identical_and_one_change_is_named(tmp_path: Path) -> None:
    before = [{"name": "note:a", "case": {"sex": "female"}}, {"name": "report:b", "error": "x"}]
    after = [{"name": "note:a", "case": {"sex": "male"}}, {"name": "report:b", "error": "x"}]
    same = _write(tmp_path / "same.jsonl", before)
    assert compare(_write(tmp_path / "before.jsonl", before), same) == 0
    assert compare(same, _write(tmp_path / "after.jsonl", after)) == 1
    assert compare(same, _write(tmp_path / "short.jsonl", before[:1])) == 1


def test_the_texts_read_are_the_opened_notes_then_open_reports_then_pages(tmp_path: Path) -> None:
    # an empty report cache: the opened notes, then the pages built from them, nothing sealed
    names = [name for name, *_ in texts(tmp_path)]
    notes = [n for n in names if n.startswith("note:")]
    assert notes == [f"note:{p.stem}" for p in opened_notes()]
    assert not [n for n in names if n.startswith("report:")]
    assert names[len(notes)] == "page:0"


def test_a_sealed_sets_report_in_the_cache_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one cached report of an open set and one of a set taken out of DETAIL_SETS (as a sealed set
    # is): only the first is read
    reports = yaml.safe_load((text_eval.REPORTS / "index.yaml").read_text(encoding="utf-8"))
    by_split: dict[str, str] = {}
    for rid, meta in reports["reports"].items():
        by_split.setdefault(meta["split"], rid)
    open_id, sealed_id = by_split["heldout_r"], by_split["heldout_s"]
    for rid in (open_id, sealed_id):
        (tmp_path / f"{rid}.txt").write_text("A 60-year-old woman.", encoding="utf-8")
    monkeypatch.setattr(text_eval, "DETAIL_SETS", DETAIL_SETS - {"reports:heldout_s"})
    names = [name for name, *_ in texts(tmp_path)]
    assert f"report:{open_id}" in names
    assert f"report:{sealed_id}" not in names
