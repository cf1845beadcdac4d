"""kill -9 of a real server during concurrent writes: after each restart every acknowledged
write is stored at the revision it was acknowledged as, every revision chain is whole (one
audit event per revision) and an unanswered write is stored whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from benchmarks import _harness as h


def _trials(backend: str, tmp_path: Path, trials: int) -> None:
    report = h.kill_trials(backend, tmp_path, trials)
    assert report["problems"] == []
    assert report["trials"] == trials
    assert report["acknowledged"] >= trials  # each kill came after at least one acknowledged write


def test_kill_9_during_writes(backend: str, tmp_path: Path) -> None:
    _trials(backend, tmp_path, 2)


# The count is 50 per store (benchmarks.reliability runs it for docs/RELIABILITY.md);
# CI's slow run sets fewer to stay inside its time budget.
KILL_TRIALS = int(os.environ.get("MYOSITIS_KILL_TRIALS", "50"))


@pytest.mark.slow
def test_kill_9_during_writes_many_trials(backend: str, tmp_path: Path) -> None:
    _trials(backend, tmp_path, KILL_TRIALS)


def test_the_check_notices_a_lost_write_and_a_gap(tmp_path: Path) -> None:
    """The checker itself: a write acknowledged but missing, and a revision chain with a hole,
    are both reported (a check that could never fail would prove nothing)."""
    from myositis_cds.ingest.files import parse_case_text
    from myositis_cds.store import Store
    from myositis_cds.store._schema import case_revisions

    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    store = Store.open(url)
    case = parse_case_text(h.REFERENCE.decode(), "yaml")
    record = store.create_patient(case.model_copy(update={"case_id": "m1"}), actor="t")
    store.update_patient(
        record.id, case.model_copy(update={"case_id": "m2"}), expected_revision=1, actor="t"
    )
    ledger = h.Ledger(acknowledged={"m1": (record.id, 1), "m2": (record.id, 2)})
    assert h.check_store(url, ledger) == (0, [])
    with store.engine.begin() as conn:
        conn.execute(case_revisions.delete().where(case_revisions.c.revision == 1))
    store.close()
    _, problems = h.check_store(url, ledger)
    assert any("revisions [2] but current 2" in p for p in problems)
    assert any("acknowledged write m1" in p for p in problems)
