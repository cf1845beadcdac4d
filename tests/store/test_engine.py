"""SQLite settings and the default location (SQLite only: these are SQLite's own knobs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from myositis_cds.store import Store, StoreConfigError, create_engine, default_url


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()


def test_default_database_is_a_file_in_the_user_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = default_url()
    assert url == f"sqlite:///{tmp_path / 'myositis-cds' / 'myositis-cds.sqlite3'}"
    store = Store.open()
    try:
        assert store.backend == "sqlite"
        assert (tmp_path / "myositis-cds" / "myositis-cds.sqlite3").is_file()
    finally:
        store.close()


def test_other_databases_are_refused_with_the_supported_ones_named() -> None:
    with pytest.raises(StoreConfigError, match="postgresql"):
        create_engine("mysql://u@h/db")
