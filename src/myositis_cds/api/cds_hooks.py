"""CDS Hooks 2.0.1 (contract §5): discovery, the ``patient-view`` service
``myositis-cancer-screening`` and its feedback endpoint, as a FastAPI router.

:func:`make_router` builds the router; ``router`` (built with no fixed configuration) is what
the app factory mounts, and reads its configuration from ``app.state.cds_hooks`` (a
:class:`CdsHooksConfig`) and its store from ``app.state.store`` at request time. With no
configuration no issuer is trusted, so every call is 401.

Every call needs a JWT from an allowlisted issuer (``aud`` = the exact URL called, ``jti`` used
once). The service reads the prefetch (or fetches what is missing from ``fhirServer``), builds
the case with the FHIR adapter, runs the same pathway as everything else, and answers with cards
only when something is due: a patient with nothing due, or with no myositis on record, gets
``{"cards": []}``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

import anyio.to_thread
import httpx
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from myositis_cds.api._cds_fetch import PREFETCH, PrefetchMissing, gather_resources
from myositis_cds.api._cds_jwt import (
    IssuerAllowlist,
    JwtRejected,
    VerifiedClient,
    load_issuers,
    verify_client_jwt,
)
from myositis_cds.errors import CaseError

__all__ = [
    "SERVICE_ID",
    "CdsHooksConfig",
    "CdsStore",
    "config_from_file",
    "make_router",
    "router",
    "settings_config",
]

log = logging.getLogger("myositis_cds.cds_hooks")

SERVICE_ID = "myositis-cancer-screening"
HOOK = "patient-view"
DISCOVERY = {
    "services": [
        {
            "hook": HOOK,
            "id": SERVICE_ID,
            "title": "Cancer screening in myositis",
            "description": (
                "For patients with dermatomyositis or another idiopathic inflammatory myopathy: "
                "IMACS 2023 cancer-risk category and the screening tests and tumour follow-up "
                "that are due or overdue, each offered as a draft order."
            ),
            "prefetch": PREFETCH,
        }
    ]
}
_OUTCOMES = {"accepted", "overridden"}


class CdsStore(Protocol):
    """What the service needs from the store (``myositis_cds.store.Store`` provides it)."""

    def record_cds_feedback(
        self,
        *,
        service_id: str,
        card_uuid: str,
        outcome: str,
        outcome_timestamp: datetime | None = None,
        accepted_suggestions: list[dict[str, Any]] | None = None,
        override_reason: dict[str, Any] | None = None,
        issuer: str | None = None,
    ) -> int: ...

    def claim_jti(self, issuer: str, jti: str, expires_at: datetime) -> bool: ...


@dataclass(frozen=True)
class CdsHooksConfig:
    """How the CDS Hooks endpoints authenticate, reach FHIR servers and answer browsers."""

    issuers: IssuerAllowlist = field(default_factory=lambda: IssuerAllowlist({}))
    # Origins allowed to call from a browser (never "*": the calls carry an Authorization header).
    cors_origins: tuple[str, ...] = ()
    # The base URL clients call (behind a proxy it differs from what the server sees); the JWT
    # ``aud`` must equal it + "/cds-services/...". None: taken from the request.
    public_base_url: str | None = None
    leeway_seconds: int = 60
    allow_http_fhir_server: bool = False  # tests and local development only
    fhir_transport: httpx.AsyncBaseTransport | None = None  # tests: an in-process FHIR server
    # A fixed link to a patient page ("https://.../{patient_id}"); None: the web page's view of
    # the stored patient whose case_id is the FHIR patient id, when the store has one.
    patient_link: str | None = None
    today: Callable[[], date] = date.today  # the assessment date (tests fix it)

    def __post_init__(self) -> None:
        if "*" in self.cors_origins:
            raise ValueError("CORS: list the allowed origins; '*' is not allowed")


def config_from_file(
    issuers_file: Path, *, cors_origins: tuple[str, ...] = (), public_base_url: str | None = None
) -> CdsHooksConfig:
    """The configuration ``serve --cds-issuers FILE`` builds."""
    return CdsHooksConfig(
        issuers=load_issuers(issuers_file),
        cors_origins=cors_origins,
        public_base_url=public_base_url,
    )


def settings_config(settings: Any) -> CdsHooksConfig:
    """The configuration from ``serve``'s settings (``cds_issuers``, ``cds_cors_origins``,
    ``public_base_url``); with no issuers file no client is trusted."""
    issuers_file = getattr(settings, "cds_issuers", None)
    return CdsHooksConfig(
        issuers=load_issuers(Path(issuers_file)) if issuers_file else IssuerAllowlist({}),
        cors_origins=tuple(getattr(settings, "cds_cors_origins", ()) or ()),
        public_base_url=getattr(settings, "public_base_url", None),
    )


def make_router(config: CdsHooksConfig | None = None, store: CdsStore | None = None) -> APIRouter:
    """The CDS Hooks routes. Without ``config`` / ``store`` they are read from ``app.state``
    (``cds_hooks`` and ``store``) on each request."""
    api = APIRouter(tags=["CDS Hooks"])

    def settings(request: Request) -> CdsHooksConfig:
        if config is not None:
            return config
        found = getattr(request.app.state, "cds_hooks", None)
        return found if isinstance(found, CdsHooksConfig) else CdsHooksConfig()

    def the_store(request: Request) -> CdsStore:
        found: CdsStore = store if store is not None else request.app.state.store
        return found

    async def authenticate(request: Request, conf: CdsHooksConfig) -> VerifiedClient:
        audience = _base_url(request, conf) + request.url.path
        client = verify_client_jwt(
            request.headers.get("authorization"),
            audience=audience,
            issuers=conf.issuers,
            leeway_seconds=conf.leeway_seconds,
        )
        fresh = await anyio.to_thread.run_sync(
            the_store(request).claim_jti, client.issuer, client.jti, client.expires_at
        )
        if not fresh:
            raise JwtRejected("this token (jti) was already used")
        return client

    Handler = Callable[[Request, CdsHooksConfig, VerifiedClient], Awaitable[Response]]

    async def guarded(request: Request, handler: Handler) -> Response:
        conf = settings(request)
        try:
            client = await authenticate(request, conf)
            response = await handler(request, conf, client)
        except JwtRejected as exc:
            response = JSONResponse(
                {"error": "unauthorized", "message": str(exc)},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        _cors(request, response, conf)
        return response

    @api.get("/cds-services", summary="CDS Hooks discovery")
    async def discovery(request: Request) -> Response:
        async def handle(_r: Request, _c: CdsHooksConfig, _v: VerifiedClient) -> Response:
            return JSONResponse(DISCOVERY)

        return await guarded(request, handle)

    @api.post(f"/cds-services/{SERVICE_ID}", summary="patient-view: cancer screening cards")
    async def patient_view(request: Request) -> Response:
        async def handle(r: Request, conf: CdsHooksConfig, _v: VerifiedClient) -> Response:
            return await _patient_view(r, conf, the_store(r))

        return await guarded(request, handle)

    @api.post(f"/cds-services/{SERVICE_ID}/feedback", summary="CDS Hooks feedback")
    async def feedback(request: Request) -> Response:
        async def handle(r: Request, _c: CdsHooksConfig, client: VerifiedClient) -> Response:
            return await _feedback(r, the_store(r), client)

        return await guarded(request, handle)

    for path in (
        "/cds-services",
        f"/cds-services/{SERVICE_ID}",
        f"/cds-services/{SERVICE_ID}/feedback",
    ):
        api.add_api_route(path, _preflight(settings), methods=["OPTIONS"], include_in_schema=False)
    return api


# --------------------------------------------------------------------------- service
def _bad_request(message: str) -> JSONResponse:
    return JSONResponse({"error": "bad request", "message": message}, status_code=400)


async def _json_body(request: Request) -> Any:
    try:
        return await request.json()
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python reads
        return None


async def _patient_view(request: Request, conf: CdsHooksConfig, store: Any) -> Response:
    body = await _json_body(request)
    if not isinstance(body, dict):
        return _bad_request("the body must be a CDS Hooks request (a JSON object)")
    if body.get("hook") != HOOK:
        return _bad_request(f"hook must be {HOOK!r}")
    if not isinstance(body.get("hookInstance"), str) or not body["hookInstance"]:
        return _bad_request("hookInstance is required")
    context = body.get("context")
    patient_id = context.get("patientId") if isinstance(context, dict) else None
    if not isinstance(patient_id, str) or not patient_id:
        return _bad_request("context.patientId is required")
    auth = body.get("fhirAuthorization")
    server = body.get("fhirServer")
    if auth is not None and not server:
        return _bad_request("fhirAuthorization needs fhirServer")
    token = auth.get("access_token") if isinstance(auth, dict) else None
    prefetch = body.get("prefetch")
    try:
        resources = await gather_resources(
            patient_id=patient_id,
            prefetch=prefetch if isinstance(prefetch, dict) else None,
            fhir_server=server if isinstance(server, str) else None,
            access_token=token if isinstance(token, str) else None,
            allow_http=conf.allow_http_fhir_server,
            transport=conf.fhir_transport,
        )
    except PrefetchMissing as exc:
        return JSONResponse({"error": "precondition failed", "message": str(exc)}, status_code=412)
    link = await _patient_page(request, conf, store, patient_id)
    try:
        cards = _cards(resources, patient_id, conf, link)
    except CaseError as exc:
        return JSONResponse({"errors": exc.as_json()}, status_code=422)
    return JSONResponse({"cards": cards})


async def _patient_page(
    request: Request, conf: CdsHooksConfig, store: Any, patient_id: str
) -> str | None:
    """The web page's view of this patient, when the patient is stored (case_id = FHIR id)."""
    if conf.patient_link:
        return conf.patient_link.format(patient_id=patient_id)
    find = getattr(store, "find_by_case_id", None)
    if find is None:
        return None
    stored = await anyio.to_thread.run_sync(find, patient_id)
    return f"{_base_url(request, conf)}/patients/{stored.id}" if stored is not None else None


def _cards(
    resources: list[Any], patient_id: str, conf: CdsHooksConfig, link: str | None = None
) -> list[dict[str, Any]]:
    from myositis_cds.assessment import assess
    from myositis_cds.ingest.fhir import read_resources
    from myositis_cds.render.cards import to_hook_cards

    if not any(r.type == "Patient" for r in resources):
        raise CaseError.single("prefetch.patient", "the patient resource is missing")
    read = read_resources(resources)
    assessment = assess(read.case, as_of=conf.today())
    if not read.myositis_recorded and assessment.classification.category == "not classified":
        return []  # the service is for myositis patients: no card for anyone else
    return to_hook_cards(assessment, patient_id=patient_id, link=link)


async def _feedback(request: Request, store: CdsStore, client: VerifiedClient) -> Response:
    body = await _json_body(request)
    items = body.get("feedback") if isinstance(body, dict) else None
    if not isinstance(items, list) or not items:
        return _bad_request('the body must be {"feedback": [...]} with at least one entry')
    parsed: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        where = f"feedback[{i}]"
        if not isinstance(item, dict):
            return _bad_request(f"{where} must be an object")
        card, outcome = item.get("card"), item.get("outcome")
        # the store's column: at most 64 characters, no NUL (PostgreSQL refuses both)
        if not isinstance(card, str) or not card or len(card) > 64 or "\x00" in card:
            return _bad_request(
                f"{where}.card is required (the card's uuid, 64 characters at most)"
            )
        if not isinstance(outcome, str) or outcome not in _OUTCOMES:  # a list is unhashable
            return _bad_request(f"{where}.outcome must be accepted or overridden")
        try:
            when = datetime.fromisoformat(str(item.get("outcomeTimestamp")).replace("Z", "+00:00"))
        except ValueError:
            return _bad_request(f"{where}.outcomeTimestamp is required (an ISO 8601 instant)")
        accepted = item.get("acceptedSuggestions")
        if accepted is not None and (
            not isinstance(accepted, list)
            or not all(isinstance(a, dict) and isinstance(a.get("id"), str) for a in accepted)
        ):
            return _bad_request(f"{where}.acceptedSuggestions must be a list of {{id}}")
        if outcome == "accepted" and item.get("overrideReason") is not None:
            return _bad_request(f"{where}.overrideReason is only for overridden cards")
        reason = item.get("overrideReason")
        if reason is not None and not isinstance(reason, dict):
            return _bad_request(f"{where}.overrideReason must be an object")
        parsed.append(
            {
                "service_id": SERVICE_ID,
                "card_uuid": card,
                "outcome": outcome,
                "outcome_timestamp": when if when.tzinfo else when.replace(tzinfo=UTC),
                "accepted_suggestions": accepted,
                "override_reason": reason,
                "issuer": client.issuer,
            }
        )

    def record_all() -> None:
        for entry in parsed:
            store.record_cds_feedback(**entry)

    await anyio.to_thread.run_sync(record_all)
    return JSONResponse({}, status_code=200)


# --------------------------------------------------------------------------- CORS
def _base_url(request: Request, conf: CdsHooksConfig) -> str:
    if conf.public_base_url:
        return conf.public_base_url.rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def _cors(request: Request, response: Response, conf: CdsHooksConfig) -> None:
    origin = request.headers.get("origin")
    if origin and origin in conf.cors_origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"


def _preflight(
    settings: Callable[[Request], CdsHooksConfig],
) -> Callable[[Request], Awaitable[Response]]:
    async def preflight(request: Request) -> Response:
        conf = settings(request)
        origin = request.headers.get("origin")
        if not origin or origin not in conf.cors_origins:
            return Response(status_code=403)
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Authorization, Content-Type",
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )

    return preflight


router = make_router()
