"""Fixtures for the free-text adapter tests; skipped as a whole without the nlp extra."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.ingest.text.helpers import SEED_NAME, seed_path

if find_spec("spacy") is None:  # pragma: no cover - only without the nlp extra
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = seed_path()
    if path is None:
        pytest.skip(f"../shared/seed/{SEED_NAME} is absent: the seed case report tests need it")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty compiled-pattern cache directory and a store that has read nothing yet."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("MYOSITIS_CDS_CACHE_DIR", str(folder))
    reopen_store(monkeypatch)
    return folder


def reopen_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the next process sees: a compiled-pattern store that reads the file again."""
    from myositis_cds.ingest.text import _programs  # (the nlp extra: imported when used)

    monkeypatch.setattr(_programs, "_STORE", _programs._Store())
