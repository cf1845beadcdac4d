"""Bearer tokens with roles, stored hashed in a small JSON file.

A token is 32 random bytes (URL-safe base64), shown once by ``myositis-cds token create``. The
file keeps only its SHA-256 (a fast hash is right for a high-entropy secret; a slow password hash
would only slow every request) and every comparison runs in constant time over all entries.
The file is re-read when it changes, so a token created while the server runs works at once.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

__all__ = [
    "ROLES",
    "Principal",
    "Role",
    "TokenError",
    "TokenStore",
    "create_token",
    "default_tokens_file",
    "is_loopback",
    "role_allows",
]

Role = Literal["reader", "clinician", "admin"]
ROLES: tuple[Role, ...] = ("reader", "clinician", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}
_PREFIX = "mcds_"


class TokenError(ValueError):
    """A token file or token request that cannot be honoured."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's name (recorded as author / actor) and role."""

    name: str
    role: Role


def role_allows(held: Role, needed: Role) -> bool:
    """reader < clinician < admin: each role may do what the ones below it may."""
    return _RANK[held] >= _RANK[needed]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def default_tokens_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("myositis-cds", appauthor=False)) / "tokens.json"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["tokens"]
        for entry in entries:
            if entry["role"] not in ROLES or not entry["name"] or len(entry["sha256"]) != 64:
                raise ValueError
    except (OSError, ValueError, KeyError, TypeError):
        raise TokenError(f"{path}: not a myositis-cds tokens file") from None
    return list(entries)


def create_token(name: str, role: str, path: Path) -> str:
    """Add a token for ``name`` with ``role`` to ``path`` and return it (shown once)."""
    if role not in ROLES:
        raise TokenError(f"--role: {role!r} is not one of {', '.join(ROLES)}")
    if not name or len(name) > 200 or not name.isprintable():
        raise TokenError("NAME: give a short printable name (it is recorded as the author)")
    entries = _read(path)
    if any(e["name"] == name for e in entries):
        raise TokenError(f"NAME: a token named {name!r} already exists in {path}")
    token = _PREFIX + secrets.token_urlsafe(32)
    entries.append(
        {
            "name": name,
            "role": role,
            "sha256": _digest(token),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"tokens": entries}, fh, indent=2)
    tmp.replace(path)
    return token


class TokenStore:
    """The tokens file, re-read when its modification time changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._entries: list[tuple[bytes, Principal]] = []
        self._refresh()

    def __len__(self) -> int:
        self._refresh()
        return len(self._entries)

    def _refresh(self) -> None:
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = (0, 0)
        if stamp == self._stamp:
            return
        with self._lock:
            entries = _read(self.path)
            self._entries = [
                (bytes.fromhex(e["sha256"]), Principal(e["name"], e["role"]))  # type: ignore[arg-type]
                for e in entries
            ]
            self._stamp = stamp

    def authenticate(self, token: str) -> Principal | None:
        self._refresh()
        presented = hashlib.sha256(token.encode("utf-8")).digest()
        found: Principal | None = None
        for digest, principal in self._entries:  # no early exit: constant time per entry
            if hmac.compare_digest(presented, digest):
                found = principal
        return found
