"""Server settings: one frozen value built by ``serve`` (or a test) and handed to the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["DEFAULT_MAX_BODY_BYTES", "AuthMode", "Settings"]

AuthMode = Literal["none", "token"]
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None  # None: the SQLite file in the user's data directory
    auth: AuthMode = "token"
    tokens_file: Path | None = None  # None: tokens.json in the user's config directory
    host: str = "127.0.0.1"  # where `serve` listens; `auth="none"` needs a loopback host
    port: int = 8080
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
