"""The application factory: settings + store → a FastAPI app with every route of contract §4.

Optional routers (CDS Hooks, the web page) are modules exposing ``router``; they are included
when present, in :data:`OPTIONAL_ROUTERS` order, after the REST routes.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from importlib import import_module
from importlib.util import find_spec

from fastapi import FastAPI

from myositis_cds import __version__
from myositis_cds.api import routes
from myositis_cds.api._auth import TokenStore, default_tokens_file, is_loopback
from myositis_cds.api._errors import install_error_handlers
from myositis_cds.api._middleware import CDS_PREFIX, AccessLog, BodyLimit, ConcurrencyCap
from myositis_cds.api._security import SecurityHeaders
from myositis_cds.api._settings import Settings
from myositis_cds.store import Store

__all__ = [
    "OPTIONAL_ROUTERS",
    "InsecureSettings",
    "WorklistWarmer",
    "check_settings",
    "create_app",
]

# Each module defines `router: fastapi.APIRouter`; a missing module is simply left out.
OPTIONAL_ROUTERS: tuple[str, ...] = (
    "myositis_cds.api.cds_hooks",  # CDS Hooks 2.0.1 (contract §5)
    "myositis_cds.api.web",  # the web page at / and /patients (contract §7)
)


class InsecureSettings(ValueError):
    """Settings that would expose patient data without authentication."""


def check_settings(settings: Settings) -> None:
    if settings.auth == "none" and not is_loopback(settings.host):
        raise InsecureSettings(
            f"--auth none is allowed only on a loopback host (127.0.0.1, ::1, localhost), "
            f"not {settings.host}; use --auth token"
        )


class WorklistWarmer:
    """One background thread that computes written patients' worklist items for today.

    Writes to the same patient coalesce (only the latest revision is computed), so a burst of
    writes never queues more work than there are patients.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="worklist")
        self._lock = threading.Lock()
        self._pending: dict[str, int] = {}
        self._draining = False

    def submit(self, patient_id: str, revision: int) -> None:
        with self._lock:
            self._pending[patient_id] = max(revision, self._pending.get(patient_id, 0))
            if self._draining:
                return
            self._draining = True
        self._pool.submit(self._drain)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._draining = False
                    return
                patient_id = next(iter(self._pending))
                revision = self._pending.pop(patient_id)
            try:
                self._store.warm_worklist(patient_id, revision, date.today())
            except Exception as exc:  # an optimisation only: the worklist computes on demand
                logging.getLogger("myositis_cds.error").warning(
                    json.dumps({"event": "worklist_warm_failed", "type": type(exc).__name__})
                )

    def close(self) -> None:
        with self._lock:
            self._pending.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the app. ``store`` defaults to :meth:`Store.open` on ``settings.db_url`` (closed
    with the app); a store passed in stays the caller's to close."""
    settings = settings or Settings()
    check_settings(settings)
    owned = store is None
    the_store = store if store is not None else Store.open(settings.db_url)
    tokens = (
        None
        if settings.auth == "none"
        else TokenStore(settings.tokens_file or default_tokens_file())
    )

    warmer = WorklistWarmer(the_store) if settings.warm_worklist else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if warmer is not None:
            warmer.close()
        if owned:
            the_store.close()

    app = FastAPI(
        title="myositis-cds",
        version=__version__,
        summary="Clinical decision support for dermatomyositis and cancer-associated myositis",
        # FastAPI's /docs and /redoc pull their scripts from a CDN: our pages load nothing
        # from outside the server, so they are left out; /openapi.json documents the API.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        separate_input_output_schemas=False,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = the_store
    app.state.tokens = tokens
    app.state.warmer = warmer
    if find_spec("myositis_cds.api.cds_hooks") is not None:
        from myositis_cds.api.cds_hooks import settings_config

        app.state.cds_hooks = settings_config(settings)
    install_error_handlers(app)
    app.include_router(routes.router)
    for name in OPTIONAL_ROUTERS:
        if find_spec(name) is not None:
            app.include_router(import_module(name).router)
    # Added last = outermost: the access log sees every response, including 413, 429 and 500,
    # and every one of them carries the security headers.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(ConcurrencyCap, prefix=CDS_PREFIX, limit=settings.cds_max_concurrent)
    app.add_middleware(AccessLog)
    app.add_middleware(SecurityHeaders)  # issue #15: outermost, so 413 and 500 have them too
    return app
