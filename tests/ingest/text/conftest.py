"""Fixtures for the free-text adapter tests; skipped as a whole without the nlp extra."""

from __future__ import annotations

from importlib.util import find_spec

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
