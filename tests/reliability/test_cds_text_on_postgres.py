"""Issue #15: client text that reaches a PostgreSQL text column must not hold NUL (PostgreSQL
refuses it: a 500), nor be longer than its column (PostgreSQL enforces the length, SQLite does
not). Found while fuzzing CDS Hooks feedback (benchmarks/_fuzz_bodies.py); on both stores such
a feedback card id is a 400 naming the field and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from benchmarks import _fuzz_bodies as fb

from myositis_cds.api import Settings, create_app
from myositis_cds.store import Store
from tests.api.conftest import Api

pytest.importorskip("jwt")


@pytest.fixture
def service(db_url: str, tmp_path: Path) -> Iterator[tuple[Api, Store, Callable[[str], str]]]:
    issuers, sign = fb._keys(tmp_path)
    store = Store.open(db_url)
    client = Api(create_app(Settings(auth="none", cds_issuers=issuers), store=store))
    try:
        yield client, store, sign
    finally:
        client.close()
        store.close()


@pytest.mark.parametrize("card", ["card\x00one", "c" * 65])  # NUL; longer than the column
def test_a_card_id_the_database_cannot_hold_is_400_on_both_stores(
    service: tuple[Api, Store, Callable[[str], str]], card: str
) -> None:
    client, store, sign = service
    path = fb.SERVICE + "/feedback"
    entry = {"card": card, "outcome": "accepted", "outcomeTimestamp": "2024-01-15T10:00Z"}
    response = client.post(
        path, json={"feedback": [entry]}, headers={"Authorization": f"Bearer {sign(path)}"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith("feedback[0].card")
    assert store.list_cds_feedback() == []
