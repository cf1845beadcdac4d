"""The README's population commands run as written (slow: 100,000 persons)."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_readme_synth_and_screen_commands_work(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Population screening over OMOP", 1)[1]
    command = next(
        line
        for line in re.findall(r"```bash\n(.*?)```", section, re.S)[0].splitlines()
        if line.startswith("myositis-cds synth-omop")
    )
    assert command == (
        "myositis-cds synth-omop cdm.duckdb --persons 100000 && "
        "myositis-cds screen --omop cdm.duckdb -o overdue.csv"
    )
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "300 candidate(s)" in done.stderr
    with (tmp_path / "overdue.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 300 and rows[0]["status"] == "overdue"
