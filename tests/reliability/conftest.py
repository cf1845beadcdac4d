from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks import _harness as h

from tests.api.conftest import api, store  # noqa: F401  (the API suite's in-process fixtures)
from tests.store.helpers import PG_SKIP, pg_admin_url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and pg_admin_url() is None:
        pytest.skip(PG_SKIP)
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with h.fresh_database(backend, tmp_path) as url:
        yield url
