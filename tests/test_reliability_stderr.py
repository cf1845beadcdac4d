"""Issue #15: no patient text on stderr, and no terminal control sequences in text output.

The PDF font (DejaVu Sans) has no CJK glyphs or emoji: fpdf2 used to print the missing
characters verbatim and matplotlib to warn with them. Now such characters are replaced by "?"
and one line says how many, without them. Escape sequences in case_id or notes would recolour
or rewrite the terminal: text output drops control characters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from myositis_cds.cli import main
from myositis_cds.render.text import terminal_safe
from tests.conftest import TODAY

NAME = "王秀英"  # not in DejaVu Sans
EMOJI = "🙂"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _case(tmp_path: Path, **extra: object) -> Path:
    case = {
        "patient": {"sex": "female", "age": 60},
        "antibodies": [
            {
                "code": "TIF1G",
                "result": "positive",
                "level": 3,
                "unit": f"AU{EMOJI}",
                "date": "2023-01-10",
            },
            {
                "code": "TIF1G",
                "result": "positive",
                "level": 9,
                "unit": f"AU{EMOJI}",
                "date": "2023-05-10",
            },
        ],
        "treatments": [{"drug": f"prednisone {NAME}", "dose": NAME, "start": "2023-01-10"}],
        "events": [{"kind": "flare", "date": "2023-03-01", "note": f"{NAME} {EMOJI}"}],
        **extra,
    }
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_report_prints_no_patient_text_on_stderr(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("fpdf")
    out = tmp_path / f"r{suffix}"
    code, _, err = invoke(
        "report",
        str(_case(tmp_path, case_id=f"c-{NAME}")),
        "-o",
        str(out),
        "--as-of",
        TODAY.isoformat(),
    )
    assert code == 0, err
    assert NAME not in err and EMOJI not in err
    for char in NAME + EMOJI:
        assert char not in err and f"\\u{ord(char):04x}" not in err.lower()
    if suffix == ".pdf":
        assert "replaced by '?'" in err  # said once, without the characters
        assert err.count("replaced by '?'") == 1


def test_text_output_drops_terminal_escapes(tmp_path: Path) -> None:
    path = _case(tmp_path, case_id="\x1b[2J\x1b]0;owned\x07case\x9b31m")
    code, out, _ = invoke("assess", str(path), "--as-of", TODAY.isoformat())
    assert code == 0
    assert "[2J]0;ownedcase31m" in out  # the visible characters are kept
    assert not any(ch in out for ch in "\x1b\x07\x9b")


def test_terminal_safe_keeps_layout_and_drops_controls() -> None:
    assert terminal_safe("a\tb\nc\x1b[31md\x00e\x7ff\u202eg\u2066h") == "a\tb\nc[31mdefgh"


def test_extract_warnings_on_stderr_drop_terminal_escapes(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    note = tmp_path / "note.txt"
    note.write_text(
        "A 60-year-old woman with a \x1b[31mviolaceous eyelid rash\x1b[0m and Gottron papules.\n",
        encoding="utf-8",
    )
    code, _, err = invoke("extract", str(note))
    assert code in (0, 2)
    assert "\x1b" not in err
