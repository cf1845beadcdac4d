"""``myositis-cds serve``: check the settings, open the store, run uvicorn."""

from __future__ import annotations

import logging
import os
import sys

from fastapi import FastAPI

from myositis_cds.api._app import check_settings, create_app
from myositis_cds.api._auth import TokenStore, default_tokens_file
from myositis_cds.api._settings import Settings
from myositis_cds.store import Store, redact_url

__all__ = ["ServeError", "app_from_environment", "serve"]

_SETTINGS_ENV = "MYOSITIS_CDS_SERVE_SETTINGS"


class ServeError(RuntimeError):
    """The server cannot start with these settings (the message says how to fix it)."""


def serve(settings: Settings) -> None:
    import uvicorn

    check_settings(settings)
    if settings.auth == "token":
        path = settings.tokens_file or default_tokens_file()
        if len(TokenStore(path)) == 0:
            raise ServeError(
                f"--auth token: no tokens in {path}; create one with "
                "`myositis-cds token create NAME --role reader|clinician|admin`"
            )
    store = Store.open(settings.db_url)
    _configure_logging()
    where = redact_url(str(store.engine.url))
    logging.getLogger("myositis_cds.service").info(
        '{"event": "start", "store": "%s", "database": "%s", "auth": "%s"}',
        store.backend,
        where.replace('"', "'"),
        settings.auth,
    )
    options = {
        "host": settings.host,
        "port": settings.port,
        "access_log": False,  # uvicorn's own access line carries the query string
        "log_config": None,
        "server_header": False,
    }
    if settings.workers > 1:
        store.close()  # schema checked (and SQLite migrated) once, here; each worker reopens
        os.environ[_SETTINGS_ENV] = settings.to_json()
        uvicorn.run(
            f"{__name__}:app_from_environment",
            factory=True,
            workers=settings.workers,
            **options,  # type: ignore[arg-type]
        )
        return
    app = create_app(settings, store=store)
    try:
        uvicorn.run(app, **options)  # type: ignore[arg-type]
    finally:
        store.close()


def app_from_environment() -> FastAPI:
    """The app of one worker process, built from the settings `serve` left in the environment."""
    _configure_logging()
    return create_app(Settings.from_json(os.environ[_SETTINGS_ENV]))


def _configure_logging() -> None:
    """One JSON object per line on stderr (ours); uvicorn's start/stop lines as plain text."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
