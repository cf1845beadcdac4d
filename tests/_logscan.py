"""Issue #15: no patient data in any log line. A pytest plugin (loaded by tests/conftest.py).

Every log record emitted in the test process during the whole run — our loggers at DEBUG, the
libraries' at their own levels — is formatted and kept; at the end of the session each is
searched for the test patients' identifying data: dates of birth, the notes and free text of the
example and test cases, and whole sentences of the labelled notes. A hit fails the run.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
_records: list[str] = []


class _Keep(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a record that cannot be formatted cannot leak either
            return
        if record.exc_info and record.exc_info[1] is not None:
            text += f" {record.exc_info[1]}"
        _records.append(f"{record.name}: {text}")


_handler = _Keep(level=logging.DEBUG)


def patient_data() -> set[str]:
    """Strings that identify the test patients (never rule names or codes)."""
    found: set[str] = {"王秀英"}  # the name used by the stderr tests
    for path in [
        ROOT / "examples" / "reference-case.yaml",
        *(ROOT / "tests" / "data" / "notes").glob("*.yaml"),
    ]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found |= set(_personal(data))
    for path in (ROOT / "tests" / "data" / "notes").glob("*.txt"):
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            sentence = " ".join(sentence.split())
            if len(sentence) >= 40:  # a whole sentence of a note is patient text
                found.add(sentence)
    return found


def _personal(node: Any, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _personal(v, str(k))]
    if isinstance(node, list):
        return [s for v in node for s in _personal(v, key)]
    if key == "birth_date" and node is not None:
        return [str(node)]
    if key in ("note", "text", "sentence") and isinstance(node, str) and len(node) >= 20:
        return [" ".join(node.split())]
    return []


def pytest_configure(config: pytest.Config) -> None:
    logging.getLogger().addHandler(_handler)
    logging.getLogger("myositis_cds").setLevel(logging.DEBUG)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    logging.getLogger().removeHandler(_handler)
    secrets = patient_data()
    leaks = [(line, s) for line in _records for s in secrets if s in " ".join(line.split())]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"log scan: {len(_records)} log records searched for {len(secrets)} patient "
            f"strings: {len(leaks)} leak(s)"
        )
    if leaks:
        for line, secret in leaks[:20]:
            if reporter is not None:
                reporter.write_line(f"LEAK of {secret[:30]!r}... in log record: {line[:200]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
