"""CDS Hooks 2.0.1 client authentication: a JWT on every call, from an allowlisted issuer.

The spec's rules (§Trusting CDS Clients): header ``alg``, ``kid``, ``typ: JWT``; claims ``iss``,
``aud`` (the exact URL of the endpoint called), ``exp``, ``iat``, ``jti``; never ``none`` or a
symmetric (HMAC) algorithm; services keep an allowlist of issuers. Each trusted ``iss`` maps to
its JWK Set, a local file or an https URL (``--cds-issuers FILE``, JSON or YAML). A ``jti`` is
accepted once (the store claims it until the token expires), so a replayed token is refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
import jwt
import yaml

__all__ = [
    "ACCEPTED_ALGORITHMS",
    "IssuerAllowlist",
    "JwtRejected",
    "VerifiedClient",
    "load_issuers",
    "verify_client_jwt",
]

# Asymmetric only (spec: "SHALL NOT be signed using any symmetric algorithm"); ES384 and RS384
# are the spec's recommendation, the same families with other hash sizes are accepted too.
ACCEPTED_ALGORITHMS = frozenset({"ES256", "ES384", "ES512", "RS256", "RS384", "RS512"})
JWKS_TTL_SECONDS = 3600.0


class JwtRejected(Exception):
    """401: the message says why, in words safe to return and log (no token content)."""


@dataclass(frozen=True)
class VerifiedClient:
    issuer: str
    jti: str
    expires_at: datetime
    tenant: str | None = None


@dataclass
class IssuerAllowlist:
    """Trusted issuers → where their JWK Set is; JWK Sets cached (URL ones for an hour)."""

    jwks_locations: dict[str, str]
    transport: httpx.BaseTransport | None = None
    _cache: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)

    def keys_for(self, issuer: str, *, refresh: bool = False) -> dict[str, Any]:
        """kid → JWK of ``issuer``'s key set."""
        location = self.jwks_locations[issuer]
        cached = self._cache.get(location)
        if cached and not refresh and time.monotonic() - cached[0] < JWKS_TTL_SECONDS:
            return cached[1]
        if location.startswith("https://"):
            try:
                with httpx.Client(transport=self.transport, timeout=5.0) as client:
                    response = client.get(location)
                    response.raise_for_status()
                    jwks = response.json()
            except (httpx.HTTPError, ValueError):
                raise JwtRejected("the issuer's key set cannot be fetched") from None
        else:
            jwks = json.loads(Path(location).read_text(encoding="utf-8"))
        keys = {
            str(k["kid"]): k
            for k in (jwks.get("keys") or [])
            if isinstance(k, Mapping) and "kid" in k
        }
        self._cache[location] = (time.monotonic(), keys)
        return keys


@lru_cache(maxsize=256)
def _pyjwk(jwk_json: str, alg: str) -> jwt.PyJWK:
    """A parsed public key, kept: parsing a JWK costs more than verifying a signature."""
    return jwt.PyJWK(json.loads(jwk_json), algorithm=alg)


def load_issuers(path: Path, *, transport: httpx.BaseTransport | None = None) -> IssuerAllowlist:
    """``--cds-issuers FILE``: a JSON or YAML mapping ``iss → JWKS file or https URL``.

    Relative file paths are read from the file's folder. Plain ``http://`` locations are refused
    (a key set fetched in the clear could be swapped).
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or not data:
        raise ValueError(f"{path}: must map each trusted iss to its JWKS (file path or https URL)")
    out: dict[str, str] = {}
    for iss, where in data.items():
        if not isinstance(iss, str) or not isinstance(where, str) or not where:
            raise ValueError(f"{path}: {iss!r}: give the JWKS as a file path or an https URL")
        if where.startswith("http://"):
            raise ValueError(f"{path}: {iss}: the JWKS URL must use https")
        if not where.startswith("https://"):
            local = Path(where) if Path(where).is_absolute() else path.parent / where
            if not local.is_file():
                raise ValueError(f"{path}: {iss}: JWKS file {where} does not exist")
            where = str(local)
        out[iss] = where
    return IssuerAllowlist(out, transport=transport)


def verify_client_jwt(
    authorization: str | None,
    *,
    audience: str,
    issuers: IssuerAllowlist,
    leeway_seconds: int = 60,
    now: float | None = None,
) -> VerifiedClient:
    """Check the ``Authorization: Bearer <JWT>`` of one call; :class:`JwtRejected` if not valid.

    The ``jti`` is not claimed here (the caller claims it in the store, once verified).
    """
    if not authorization or not authorization.lower().startswith("bearer "):
        raise JwtRejected("a bearer JWT is required (Authorization: Bearer <JWT>)")
    token = authorization[7:].strip()
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise JwtRejected("the token is not a well-formed JWT") from None
    alg = header.get("alg")
    if alg not in ACCEPTED_ALGORITHMS:
        accepted = ", ".join(sorted(ACCEPTED_ALGORITHMS))
        raise JwtRejected(f"alg {alg!r} is not accepted (asymmetric only: {accepted})")
    if str(header.get("typ", "")).upper() != "JWT":
        raise JwtRejected("the JWT header must say typ: JWT")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise JwtRejected("the JWT header must name its key (kid)")
    iss = unverified.get("iss")
    if not isinstance(iss, str) or iss not in issuers.jwks_locations:
        raise JwtRejected("the issuer is not trusted by this service")
    jku = header.get("jku")
    if jku is not None and jku != issuers.jwks_locations[iss]:
        raise JwtRejected("jku is not the key set allowlisted for this issuer")
    keys = issuers.keys_for(iss)
    if kid not in keys:  # the client may have rotated its keys: fetch once more
        keys = issuers.keys_for(iss, refresh=True)
    if kid not in keys:
        raise JwtRejected("no key with this kid in the issuer's key set")
    try:
        key = _pyjwk(json.dumps(keys[kid], sort_keys=True), alg)
        claims = jwt.decode(
            token,
            key=key,
            algorithms=[alg],
            audience=audience,
            issuer=iss,
            leeway=leeway_seconds,
            options={"require": ["iss", "aud", "exp", "iat", "jti"], "verify_iat": True},
        )
    except jwt.InvalidAudienceError:
        raise JwtRejected("aud is not this endpoint's URL") from None
    except jwt.ExpiredSignatureError:
        raise JwtRejected("the token has expired") from None
    except jwt.ImmatureSignatureError:
        raise JwtRejected("the token is not valid yet (iat or nbf in the future)") from None
    except jwt.MissingRequiredClaimError as exc:
        raise JwtRejected(f"the token lacks the {exc.claim} claim") from None
    except jwt.InvalidSignatureError:
        raise JwtRejected("the signature does not verify with the issuer's key") from None
    except (jwt.PyJWTError, ValueError):
        raise JwtRejected("the token cannot be verified") from None
    clock = time.time() if now is None else now
    iat = claims["iat"]
    if not isinstance(iat, int | float) or iat > clock + leeway_seconds:
        raise JwtRejected("the token is not valid yet (iat in the future)")
    jti = claims["jti"]
    if not isinstance(jti, str) or not jti:
        raise JwtRejected("the token lacks the jti claim")
    tenant = claims.get("tenant")
    return VerifiedClient(
        issuer=iss,
        jti=jti,
        expires_at=datetime.fromtimestamp(float(claims["exp"]), tz=UTC),
        tenant=tenant if isinstance(tenant, str) else None,
    )
