"""Every JWT rejection case of CDS Hooks 2.0.1 §Trusting CDS Clients, on every endpoint kind.

Accepted: ES384 and RS384 from the allowlisted issuer, kid naming a key of its JWK Set, aud the
exact URL called, exp/iat within 60 s of clock skew, a jti never seen before. Anything else is
401 with a reason and nothing done.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import jwt
import pytest

from myositis_cds.api._cds_jwt import load_issuers
from tests.cds_hooks.conftest import (
    BASE,
    DISCOVERY_URL,
    FEEDBACK_URL,
    ISSUER,
    SERVICE_URL,
    Bench,
    Keys,
    Signer,
    bearer,
)


def discovery(bench: Bench, headers: dict[str, str]) -> Any:
    return bench.client.get("/cds-services", headers=headers)


@pytest.mark.parametrize("alg", ["ES384", "RS384"])
def test_recommended_algorithms_are_accepted(bench: Bench, sign: Signer, alg: str) -> None:
    kid = "ec-1" if alg.startswith("ES") else "rsa-1"
    assert discovery(bench, bearer(sign(DISCOVERY_URL, alg=alg, kid=kid))).status_code == 200


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims() -> dict[str, Any]:
    now = int(time.time())
    return {"iss": ISSUER, "aud": DISCOVERY_URL, "iat": now, "exp": now + 300, "jti": "n-1"}


def test_alg_none_is_rejected(bench: Bench) -> None:
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': 'ec-1'})}.{_b64(_claims())}."
    response = discovery(bench, bearer(unsigned))
    assert response.status_code == 401 and "'none' is not accepted" in response.json()["message"]


def test_hmac_is_rejected_even_with_the_public_key_as_secret(bench: Bench, keys: Keys) -> None:
    # the classic algorithm-confusion attack: HS256 keyed with the issuer's public key
    from cryptography.hazmat.primitives import serialization

    public_pem = keys.rsa.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = _b64({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"})
    body = _b64(_claims())
    import hashlib
    import hmac

    mac = hmac.new(public_pem, f"{header}.{body}".encode(), hashlib.sha256).digest()
    token = f"{header}.{body}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
    response = discovery(bench, bearer(token))
    assert response.status_code == 401 and "'HS256' is not accepted" in response.json()["message"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda s: s(DISCOVERY_URL, kid=None), "must name its key (kid)"),
        (lambda s: s(DISCOVERY_URL, kid="ec-2"), "no key with this kid"),
        (lambda s: s(DISCOVERY_URL, iss="https://other-ehr.example.org"), "issuer is not trusted"),
        (lambda s: s(SERVICE_URL), "aud is not this endpoint's URL"),  # another endpoint's aud
        (lambda s: s(DISCOVERY_URL + "/"), "aud is not this endpoint's URL"),  # not exact
        (lambda s: s("https://cds.example.org/cds-services"), "aud is not this endpoint's URL"),
        (lambda s: s(DISCOVERY_URL, exp=int(time.time()) - 120), "has expired"),
        (lambda s: s(DISCOVERY_URL, iat=int(time.time()) + 600), "not valid yet"),
        (lambda s: s(DISCOVERY_URL, drop=("jti",)), "lacks the jti claim"),
        (lambda s: s(DISCOVERY_URL, drop=("exp",)), "lacks the exp claim"),
        (lambda s: s(DISCOVERY_URL, drop=("iat",)), "lacks the iat claim"),
        (lambda s: s(DISCOVERY_URL, headers={"typ": "at+jwt"}), "typ: JWT"),
        (lambda s: s(DISCOVERY_URL, headers={"jku": "https://evil.example/jwks"}), "jku"),
    ],
)
def test_rejections(bench: Bench, sign: Signer, make: Any, reason: str) -> None:
    response = discovery(bench, bearer(make(sign)))
    assert response.status_code == 401
    assert reason in response.json()["message"]
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_signature_by_another_key_with_a_known_kid(bench: Bench, sign: Signer, keys: Keys) -> None:
    token = sign(DISCOVERY_URL, key=keys.other_ec)
    response = discovery(bench, bearer(token))
    assert response.status_code == 401 and "signature" in response.json()["message"]


def test_clock_skew_within_60_seconds_is_tolerated(bench: Bench, sign: Signer) -> None:
    now = int(time.time())
    just_expired = sign(DISCOVERY_URL, exp=now - 30, iat=now - 330)
    assert discovery(bench, bearer(just_expired)).status_code == 200
    slightly_ahead = sign(DISCOVERY_URL, iat=now + 30)
    assert discovery(bench, bearer(slightly_ahead)).status_code == 200


def test_a_replayed_jti_is_rejected(bench: Bench, sign: Signer) -> None:
    token = sign(DISCOVERY_URL)
    assert discovery(bench, bearer(token)).status_code == 200
    replay = discovery(bench, bearer(token))
    assert replay.status_code == 401 and "already used" in replay.json()["message"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer not.a.jwt"}],
)
def test_missing_or_malformed_authorization(bench: Bench, headers: dict[str, str]) -> None:
    assert discovery(bench, headers).status_code == 401


def test_service_and_feedback_need_their_own_aud(bench: Bench, sign: Signer) -> None:
    from tests.cds_hooks.conftest import hook_request

    path = SERVICE_URL.removeprefix(BASE)
    wrong = bench.client.post(path, json=hook_request(), headers=bearer(sign(DISCOVERY_URL)))
    assert wrong.status_code == 401
    feedback = {
        "feedback": [
            {"card": "c", "outcome": "accepted", "outcomeTimestamp": "2024-01-01T00:00:00Z"}
        ]
    }
    wrong = bench.client.post(f"{path}/feedback", json=feedback, headers=bearer(sign(SERVICE_URL)))
    assert wrong.status_code == 401 and bench.store.feedback == []
    right = bench.client.post(f"{path}/feedback", json=feedback, headers=bearer(sign(FEEDBACK_URL)))
    assert right.status_code == 200 and len(bench.store.feedback) == 1


def test_no_issuers_configured_means_nobody_is_trusted(sign: Signer) -> None:
    from fastapi import FastAPI

    from myositis_cds.api.cds_hooks import make_router
    from tests.cds_hooks.conftest import Client, FakeStore

    app = FastAPI()
    app.include_router(make_router(store=FakeStore()))  # config read from app.state: none set
    client = Client(app)
    response = client.get("/cds-services", headers=bearer(sign(DISCOVERY_URL)))
    client.close()
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("https://ehr.example.org: http://ehr.example.org/jwks\n", "must use https"),
        ("https://ehr.example.org: missing.json\n", "does not exist"),
        ("- just a list\n", "must map each trusted iss"),
    ],
)
def test_issuer_file_mistakes_are_start_up_errors(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "issuers.yaml"
    path.write_text(content)
    with pytest.raises(ValueError, match=problem):
        load_issuers(path)


def test_jwks_by_https_url_is_fetched_and_cached(keys: Keys, tmp_path: Path) -> None:
    import httpx

    jwk = json.loads(jwt.algorithms.get_default_algorithms()["ES384"].to_jwk(keys.ec.public_key()))
    served: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        served.append(str(request.url))
        return httpx.Response(200, json={"keys": [{**jwk, "kid": "ec-1"}]})

    path = tmp_path / "issuers.json"
    path.write_text(json.dumps({ISSUER: "https://ehr.example.org/.well-known/jwks.json"}))
    allowlist = load_issuers(path, transport=httpx.MockTransport(handler))
    assert set(allowlist.keys_for(ISSUER)) == {"ec-1"}
    allowlist.keys_for(ISSUER)
    assert served == ["https://ehr.example.org/.well-known/jwks.json"]  # cached
