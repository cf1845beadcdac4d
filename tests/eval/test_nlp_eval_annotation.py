"""benchmarks/nlp_eval.py compares an event kind only in the notes whose gold annotates it."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "nlp_eval_annotation", REPO / "benchmarks" / "nlp_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DAY = date(2026, 10, 1)


@pytest.mark.parametrize(
    ("name", "item", "compared"),
    [
        # notes 01-50 annotate diagnosis, referral and improvement events
        ("50_x", ("event", ("diagnosis", DAY)), True),
        ("07_x", ("event", ("referral", DAY)), True),
        # from note 51 on they are not annotated: left out on both sides
        ("51_x", ("event", ("diagnosis", DAY)), False),
        ("229_x", ("event", ("improvement", DAY)), False),
        ("120_x", ("event", ("referral", None)), False),
        # the kinds every gold annotates are always compared
        ("229_x", ("event", ("surgery", DAY)), True),
        ("229_x", ("event", ("relapse", DAY)), True),
        ("229_x", ("event", ("death", DAY)), True),
        # other fact types are untouched
        ("229_x", ("finding", ("dysphagia", True, DAY)), True),
    ],
)
def test_event_kinds_are_compared_only_where_annotated(
    nlp_eval: ModuleType, name: str, item: tuple[str, tuple[object, ...]], compared: bool
) -> None:
    assert nlp_eval.annotated(name, item) is compared


def test_the_later_gold_files_really_leave_those_kinds_out(nlp_eval: ModuleType) -> None:
    # the convention the comparison relies on: no gold file after note 50 records them
    import yaml

    notes = REPO / "tests" / "data" / "notes"
    for path in notes.glob("*.yaml"):
        head = path.stem.split("_", 1)[0]
        if not head.isdigit() or int(head) <= nlp_eval.EVENTS_ANNOTATED_UNTIL:
            continue
        gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        kinds = {e.get("kind") for e in gold.get("events") or []}
        assert not kinds & nlp_eval.UNANNOTATED_EVENTS, path.name
