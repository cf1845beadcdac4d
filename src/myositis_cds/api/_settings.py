"""Server settings: one frozen value built by ``serve`` (or a test) and handed to the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["DEFAULT_MAX_BODY_BYTES", "DEFAULT_MAX_NOTE_CHARS", "AuthMode", "Settings"]

AuthMode = Literal["none", "token"]
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
# The longest free-text note the server reads (issue #10). Reading takes about 2-3 CPU seconds per
# 100,000 characters on one core (measured 3 Dec 2026), so this bounds one request's work to a
# few seconds; a letter or a published case report is 2,000-50,000 characters.
DEFAULT_MAX_NOTE_CHARS = 200_000


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None  # None: the SQLite file in the user's data directory
    auth: AuthMode = "token"
    tokens_file: Path | None = None  # None: tokens.json in the user's config directory
    host: str = "127.0.0.1"  # where `serve` listens; `auth="none"` needs a loopback host
    port: int = 8080
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_note_chars: int = DEFAULT_MAX_NOTE_CHARS  # a longer free-text note is refused (413)
    workers: int = 1  # uvicorn worker processes; they share the database (and its JWT ids)
    # After each patient write, compute today's worklist items for it in a background thread,
    # so GET /api/worklist finds them ready (`serve` turns this on).
    warm_worklist: bool = False
    # CDS Hooks (contract §5): trusted issuers → JWKS (`--cds-issuers FILE`); None trusts nobody.
    cds_issuers: Path | None = None
    cds_cors_origins: tuple[str, ...] = ()  # browser origins allowed to call /cds-services
    public_base_url: str | None = None  # the URL clients use (JWT aud), if behind a proxy
    # CDS Hooks requests in flight at once per server process; more are refused with 429.
    cds_max_concurrent: int = 16

    def to_json(self) -> str:
        """For worker processes (uvicorn starts them by import string, not with objects)."""
        import json
        from dataclasses import asdict

        data = asdict(self)
        data["tokens_file"] = None if self.tokens_file is None else str(self.tokens_file)
        data["cds_issuers"] = None if self.cds_issuers is None else str(self.cds_issuers)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        import json

        data = json.loads(text)
        if data.get("tokens_file") is not None:
            data["tokens_file"] = Path(data["tokens_file"])
        if data.get("cds_issuers") is not None:
            data["cds_issuers"] = Path(data["cds_issuers"])
        data["cds_cors_origins"] = tuple(data.get("cds_cors_origins") or ())
        return cls(**data)
