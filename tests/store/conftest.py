from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from myositis_cds.store import Store
from tests.store.helpers import database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with database_url(backend, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    the_store = Store.open(db_url, migrate=True)
    try:
        yield the_store
    finally:
        the_store.close()
