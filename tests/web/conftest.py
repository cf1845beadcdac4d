"""Fixtures for the web page: the app served by uvicorn on a free loopback port, Debian's
chromium driven by Playwright, axe-core and the seed note fetched or found on this machine.

Each fixture skips with the reason when what it needs is missing (no chromium, no npm, no seed
note), so the rest of the suite still runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def cache_dir() -> Path:
    return Path(os.environ.get("MYOSITIS_CDS_CACHE", "~/.cache/myositis-cds")).expanduser()


def seed_dir() -> Path:
    """MYOSITIS_CDS_SEED_DIR, else ``shared/seed`` beside the clone (CI) or one level up (a
    git worktree under ``wt/``)."""
    if "MYOSITIS_CDS_SEED_DIR" in os.environ:
        return Path(os.environ["MYOSITIS_CDS_SEED_DIR"])
    candidates = [REPO.parent / "shared" / "seed", REPO.parent.parent / "shared" / "seed"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def seed_note() -> str:
    notes = sorted(seed_dir().glob("*.txt")) if seed_dir().is_dir() else []
    if not notes:
        pytest.skip(
            f"no seed note in {seed_dir()} (set MYOSITIS_CDS_SEED_DIR to the folder of the "
            "published case report)"
        )
    return notes[0].read_text(encoding="utf-8")


class Server:
    """uvicorn serving an app in a thread of this process, on 127.0.0.1 and a free port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            ws="none",
            lifespan="off",
            access_log=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def web_server() -> Iterator[Server]:
    pytest.importorskip("fastapi")
    from myositis_cds.api.web import create_app

    with Server(create_app()) as server:
        yield server


def chromium_path() -> str | None:
    path = os.environ.get("MYOSITIS_CDS_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    if path is None:
        pytest.skip(
            "chromium is not installed (apt-get install -y --no-install-recommends chromium)"
        )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=BROWSER_ARGS, headless=True)
        yield browser
        browser.close()


class Recorder:
    """Every request a page makes and every console error or page error it raises."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.recorder = Recorder(pg)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from the cache or fetched once with ``npm pack`` (never committed)."""
    folder = cache_dir() / "npm"
    tgz = folder / f"axe-core-{AXE_VERSION}.tgz"
    if not tgz.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("axe-core is not cached and npm is not installed to fetch it")
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", str(folder)],
                check=True,
                capture_output=True,
                timeout=180,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"axe-core could not be fetched with npm pack: {exc}")
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/axe.min.js")
        assert member is not None
        return member.read().decode("utf-8")
