"""A CDS Hooks test bench: the router in an app of its own, an in-memory store, signing keys
of a trusted EHR, and a local FHIR server (an ASGI app serving searchset Bundles)."""

from __future__ import annotations

import json
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from myositis_cds.api._cds_jwt import load_issuers
from myositis_cds.api.cds_hooks import SERVICE_ID, CdsHooksConfig, make_router
from tests.api.conftest import Api
from tests.conftest import EXAMPLES

ISSUER = "https://ehr.example.org"
BASE = "http://testserver"
SERVICE_URL = f"{BASE}/cds-services/{SERVICE_ID}"
DISCOVERY_URL = f"{BASE}/cds-services"
FEEDBACK_URL = f"{SERVICE_URL}/feedback"
PATH = f"/cds-services/{SERVICE_ID}"  # the service as the app routes it
FHIR_BASE = "http://fhir.test/r4"
ACCESS_TOKEN = "access-token-7f3a9c"  # must never appear in a log
# the hook's fhirAuthorization: the access token the service presents to the FHIR server
FHIR_AUTH = {"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 300}
AS_OF = date(2024, 1, 15)
ORIGIN = "https://ehr-ui.example.org"


@dataclass
class FakeStore:
    """The two store methods the service uses (myositis_cds.store.Store provides them)."""

    feedback: list[dict[str, Any]] = field(default_factory=list)
    claimed: set[tuple[str, str]] = field(default_factory=set)

    def record_cds_feedback(self, **entry: Any) -> int:
        self.feedback.append(entry)
        return len(self.feedback)

    def claim_jti(self, issuer: str, jti: str, expires_at: datetime) -> bool:
        if (issuer, jti) in self.claimed:
            return False
        self.claimed.add((issuer, jti))
        return True


@dataclass
class Keys:
    ec: Any  # EllipticCurvePrivateKey (the field name shadows the module in annotations)
    rsa: rsa.RSAPrivateKey
    other_ec: Any  # not in the issuer's key set


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys(
        ec=ec.generate_private_key(ec.SECP384R1()),
        rsa=rsa.generate_private_key(public_exponent=65537, key_size=2048),
        other_ec=ec.generate_private_key(ec.SECP384R1()),
    )


@pytest.fixture()
def issuers_file(tmp_path: Path, keys: Keys) -> Path:
    def jwk(key: Any, kid: str, alg: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            jwt.algorithms.get_default_algorithms()[alg].to_jwk(key.public_key())
        )
        return {**data, "kid": kid, "alg": alg, "use": "sig"}

    jwks = {"keys": [jwk(keys.ec, "ec-1", "ES384"), jwk(keys.rsa, "rsa-1", "RS384")]}
    (tmp_path / "ehr-jwks.json").write_text(json.dumps(jwks))
    path = tmp_path / "issuers.yaml"
    path.write_text(f"{ISSUER}: ehr-jwks.json\n")
    return path


Signer = Callable[..., str]


@pytest.fixture()
def sign(keys: Keys) -> Signer:
    def make(
        aud: str = SERVICE_URL,
        *,
        alg: str = "ES384",
        kid: str | None = "ec-1",
        key: Any = None,
        iss: str = ISSUER,
        drop: tuple[str, ...] = (),
        headers: dict[str, Any] | None = None,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": iss,
            "aud": aud,
            "iat": now,
            "exp": now + 300,
            "jti": str(uuid.uuid4()),
        }
        payload.update(claims)
        for name in drop:
            payload.pop(name, None)
        head: dict[str, Any] = {"typ": "JWT", **(headers or {})}
        if kid is not None:
            head["kid"] = kid
        if key is None:
            key = keys.rsa if alg.startswith("RS") else keys.ec
        return jwt.encode(payload, key, algorithm=alg, headers=head)

    return make


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def call_hook(client: Api, sign: Signer, body: dict[str, Any]) -> httpx.Response:
    """POST a hook request to the service with a freshly signed token."""
    return client.post(PATH, json=body, headers=bearer(sign()))


# --------------------------------------------------------------------------- FHIR data
def reference_resources() -> list[dict[str, Any]]:
    bundle = json.loads((EXAMPLES / "reference-case.fhir.json").read_text())
    return [e["resource"] for e in bundle["entry"]]


def searchset(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(resources),
        "entry": [{"resource": r, "search": {"mode": "match"}} for r in resources],
    }


def reference_prefetch() -> dict[str, Any]:
    """The prefetch an EHR would send for the reference case."""
    return prefetch_for(reference_resources())


PREFETCH_TYPES = {
    "conditions": "Condition",
    "observations": "Observation",
    "procedures": "Procedure",
    "diagnosticReports": "DiagnosticReport",
    "medicationStatements": "MedicationStatement",
    "medicationRequests": "MedicationRequest",
}


def prefetch_for(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The prefetch an EHR would send for the service's templates."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in resources:
        by_type[r["resourceType"]].append(r)
    out: dict[str, Any] = {"patient": by_type["Patient"][0]}
    for key, rtype in PREFETCH_TYPES.items():
        out[key] = searchset(by_type[rtype]) if by_type[rtype] else None
    return out


def hook_request(patient_id: str = "reference-case", **extra: Any) -> dict[str, Any]:
    return {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"userId": "Practitioner/123", "patientId": patient_id},
        **extra,
    }


@dataclass
class FhirServer:
    """What the local FHIR server saw."""

    resources: list[dict[str, Any]]
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    page_size: int = 10
    fail_with: int | None = None

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/r4/{rtype}/{rid}")
        async def read(rtype: str, rid: str, request: Request) -> JSONResponse:
            return self._answer(
                request,
                [r for r in self.resources if r["resourceType"] == rtype and r.get("id") == rid],
                single=True,
            )

        @app.get("/r4/{rtype}")
        async def search(rtype: str, request: Request, patient: str, page: int = 0) -> JSONResponse:
            found = [r for r in self.resources if r["resourceType"] == rtype]
            chunk = found[page * self.page_size : (page + 1) * self.page_size]
            bundle = searchset(chunk)
            if (page + 1) * self.page_size < len(found):
                bundle["link"] = [
                    {
                        "relation": "next",
                        "url": f"{FHIR_BASE}/{rtype}?patient={patient}&page={page + 1}",
                    }
                ]
            return self._answer(request, [bundle], single=True)

        return app

    def _answer(self, request: Request, found: list[dict[str, Any]], single: bool) -> JSONResponse:
        self.requests.append((str(request.url), request.headers.get("authorization")))
        if self.fail_with is not None:
            return JSONResponse({"resourceType": "OperationOutcome"}, status_code=self.fail_with)
        if request.headers.get("authorization") != f"Bearer {ACCESS_TOKEN}":
            return JSONResponse({"resourceType": "OperationOutcome"}, status_code=401)
        if not found:
            return JSONResponse({"resourceType": "OperationOutcome"}, status_code=404)
        return JSONResponse(found[0], media_type="application/fhir+json")


class Client(Api):
    """The API tests' in-process client (httpx over ASGI), with OPTIONS for CORS preflights."""

    def options(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("OPTIONS", url, **kwargs)


@dataclass
class Bench:
    client: Client
    store: FakeStore
    fhir: FhirServer
    config: CdsHooksConfig


@pytest.fixture()
def bench(issuers_file: Path) -> Iterator[Bench]:
    fhir = FhirServer(reference_resources())
    config = CdsHooksConfig(
        issuers=load_issuers(issuers_file),
        cors_origins=(ORIGIN,),
        allow_http_fhir_server=True,
        fhir_transport=httpx.ASGITransport(app=fhir.app()),
        today=lambda: AS_OF,
    )
    store = FakeStore()
    app = FastAPI()
    app.include_router(make_router(config, store))
    client = Client(app)
    yield Bench(client, store, fhir, config)
    client.close()
