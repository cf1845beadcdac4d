"""32 clients editing the same patients through a real server with If-Match: every conflict
is a 412, no acknowledged update is lost, revision chains run 1..n without a gap."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import _harness as h


def _check(db_url: str, tmp_path: Path, updates_per_client: int) -> None:
    with h.serving(db_url, tmp_path / "serve.log") as server:
        result = h.concurrent_updates(
            server.base, clients=32, patients=4, updates_per_client=updates_per_client
        )
    assert result.other_statuses == {}, "every refused update must be a 412"
    assert result.problems == []
    assert result.acknowledged == 32 * updates_per_client
    # 8 clients share each patient: at least the 7 who lost each first race saw a 412.
    assert result.conflicts >= 4 * 7


def test_32_clients_on_4_patients(db_url: str, tmp_path: Path) -> None:
    _check(db_url, tmp_path, updates_per_client=1)


@pytest.mark.slow
def test_32_clients_on_4_patients_many_rounds(db_url: str, tmp_path: Path) -> None:
    _check(db_url, tmp_path, updates_per_client=10)
