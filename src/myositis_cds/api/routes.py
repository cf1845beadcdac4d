"""The REST routes of contract §4. Each handler is thin: parse, call the store's service layer
or the pathway, render. Rules (ETag checks, the worklist, what is stored) live in
:mod:`myositis_cds.store`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict

from myositis_cds import __version__
from myositis_cds.api._auth import Principal
from myositis_cds.api._bodies import (
    CASE_READERS,
    CASE_TYPES,
    NOTE_TYPE,
    UnsupportedMediaType,
    check_note_length,
    media_type,
    read_case_body,
)
from myositis_cds.api._deps import CurrentStore, require
from myositis_cds.api._errors import ApiError
from myositis_cds.assessment import Assessment, assess
from myositis_cds.case import Case
from myositis_cds.errors import CaseError
from myositis_cds.store import (
    PatientSummary,
    RevisionInfo,
    StoredAssessment,
    WorklistEntry,
)

__all__ = ["OUTPUT_RENDERERS", "Extraction", "Health", "Worklist", "router"]

router = APIRouter()

Reader = Annotated[Principal, Depends(require("reader"))]
Clinician = Annotated[Principal, Depends(require("clinician"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Biopsy = Literal["auto", "yes", "no"]
AsOf = Annotated[
    date | None,
    Query(description="assess as the case stood on this date (default today; not after today)"),
]
BiopsyQuery = Annotated[
    Biopsy, Query(description="use the EULAR/ACR model with muscle biopsy (auto: when present)")
]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    store: str


class Worklist(BaseModel):
    model_config = ConfigDict(frozen=True)

    as_of: date
    patients: list[WorklistEntry]


class Extraction(BaseModel):
    case: dict[str, Any]
    facts: list[dict[str, Any]]
    warnings: list[str]


def _render_json(result: Assessment) -> str:
    return result.model_dump_json()


def _render_cards(result: Assessment) -> str:
    from myositis_cds.render.cards import to_cards_json

    return to_cards_json(result)


def _render_fhir(result: Assessment) -> str:
    from myositis_cds.render.fhir import to_fhir_json

    return to_fhir_json(result)


# format → (renderer, media type): one table, one line per output adapter.
OUTPUT_RENDERERS: dict[str, tuple[Any, str]] = {
    "json": (_render_json, "application/json"),
    "cards": (_render_cards, "application/json"),
    "fhir": (_render_fhir, "application/fhir+json"),
}


def _body_doc(types: tuple[str, ...]) -> dict[str, Any]:
    """OpenAPI request body: the case schema under each accepted content type."""
    content: dict[str, Any] = {}
    for kind in types:
        if kind == NOTE_TYPE:
            content[kind] = {"schema": {"type": "string", "description": "a clinical note"}}
        elif kind == "application/fhir+json":
            content[kind] = {"schema": {"type": "object", "description": "a FHIR R4 Bundle"}}
        else:
            content[kind] = {"schema": {"$ref": "#/components/schemas/Case"}}
    return {"requestBody": {"required": True, "content": content}}


def _errors_doc(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        401: "no valid bearer token",
        403: "the token's role may not do this",
        404: "no such patient",
        412: "If-Match names a revision that is no longer current",
        413: "the body is over the limit",
        415: "content type not accepted",
        422: 'invalid input: {"errors": [{"path", "message"}]}',
        428: "If-Match is required",
    }
    return {code: {"description": text[code]} for code in codes}


def _day(as_of: date | None) -> date:
    today = date.today()
    if as_of is None:
        return today
    if as_of > today:
        raise CaseError.single("as_of", f"{as_of.isoformat()} is after today ({today.isoformat()})")
    return as_of


def _json(content: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(content, status_code=status, media_type="application/json", headers=headers)


def _list_json(models: list[Any]) -> str:
    return "[" + ",".join(m.model_dump_json() for m in models) + "]"


def _warm(request: Request, patient_id: str, revision: int) -> None:
    warmer = request.app.state.warmer
    if warmer is not None:
        warmer.submit(patient_id, revision)


def _expected_revision(if_match: str | None) -> int:
    if if_match is None or if_match.strip() == "*":
        raise ApiError(428, 'this needs If-Match: "<revision>" (the ETag of the case you edited)')
    value = if_match.strip().removeprefix("W/").strip('"')
    # ASCII digits only, and few enough to be a revision: str.isdigit() also accepts "²" and
    # int() refuses thousands of digits, either of which would otherwise be a 500.
    if not (value.isascii() and value.isdigit() and len(value) <= 12):
        raise ApiError(412, "If-Match does not name a revision of this patient")
    return int(value)


# ---------------------------------------------------------------------------- service
@router.get("/health", response_model=Health, tags=["service"])
async def health(store: CurrentStore) -> Response:
    """Liveness: no authentication, no database round trip (and no worker thread)."""
    return _json(Health(version=__version__, store=store.backend).model_dump_json())


@router.post(
    "/api/assess",
    response_model=Assessment,
    tags=["assess"],
    openapi_extra=_body_doc(tuple(CASE_READERS)),
    responses=_errors_doc(401, 403, 413, 415, 422),
)
async def assess_case(
    request: Request,
    _caller: Reader,
    as_of: AsOf = None,
    biopsy: BiopsyQuery = "auto",
    fmt: Annotated[
        Literal["json", "fhir", "cards"], Query(alias="format", description="output format")
    ] = "json",
) -> Response:
    """Assess a case (JSON/YAML case file, FHIR Bundle or free-text note); nothing is stored."""
    day = _day(as_of)
    body = await request.body()
    content_type = request.headers.get("content-type")
    render, out_type = OUTPUT_RENDERERS[fmt]
    note_limit: int = request.app.state.settings.max_note_chars

    def work() -> str:
        parsed = read_case_body(
            body, content_type, day, accepted=tuple(CASE_READERS), note_max_chars=note_limit
        )
        result = assess(parsed.case, as_of=day, biopsy=biopsy)
        if parsed.warnings:
            result = result.model_copy(update={"warnings": [*result.warnings, *parsed.warnings]})
        text: str = render(result)
        return text

    return Response(await run_in_threadpool(work), media_type=out_type)


@router.post(
    "/api/extract",
    response_model=Extraction,
    tags=["assess"],
    openapi_extra=_body_doc((NOTE_TYPE,)),
    responses=_errors_doc(401, 403, 413, 415, 422),
)
async def extract_note(request: Request, _caller: Reader, as_of: AsOf = None) -> Response:
    """Free text → case, every fact with its evidence (offsets into the note)."""
    day = _day(as_of)
    if media_type(request.headers.get("content-type")) != NOTE_TYPE:
        raise UnsupportedMediaType(f"send the note as {NOTE_TYPE}")
    body = await request.body()
    check_note_length(body, request.app.state.settings.max_note_chars)

    def work() -> str:
        try:
            from myositis_cds.ingest.text import extract_case
        except ImportError:
            raise UnsupportedMediaType(
                "extraction needs the nlp extra on the server (pip install 'myositis-cds[nlp]')"
            ) from None
        result = extract_case(body, anchor=day)
        return Extraction(
            case=result.to_case_dict(),
            facts=[f.model_dump(mode="json") for f in result.facts],
            warnings=list(result.warnings),
        ).model_dump_json()

    return _json(await run_in_threadpool(work))


# ---------------------------------------------------------------------------- patients
@router.get("/api/patients", response_model=list[PatientSummary], tags=["patients"])
def list_patients(store: CurrentStore, _caller: Reader) -> Response:
    """Every stored patient (id, case id, current revision), oldest first."""
    return _json(_list_json(store.list_patients()))


@router.post(
    "/api/patients",
    status_code=201,
    response_model=PatientSummary,
    tags=["patients"],
    openapi_extra=_body_doc(CASE_TYPES),
    responses=_errors_doc(401, 403, 413, 415, 422),
)
async def create_patient(request: Request, store: CurrentStore, caller: Clinician) -> Response:
    """Store a new patient from a case: revision 1."""
    body = await request.body()
    content_type = request.headers.get("content-type")

    def work() -> Response:
        parsed = read_case_body(body, content_type, date.today(), accepted=CASE_TYPES)
        record = store.create_patient(parsed.case, actor=caller.name)
        _warm(request, record.id, record.revision)
        summary = PatientSummary.model_validate(record.model_dump(exclude={"case"}))
        return _json(
            summary.model_dump_json(),
            201,
            {"Location": f"/api/patients/{record.id}", "ETag": record.etag},
        )

    return await run_in_threadpool(work)


@router.get(
    "/api/patients/{patient_id}",
    response_model=Case,
    tags=["patients"],
    responses=_errors_doc(401, 403, 404),
)
def get_patient(patient_id: str, store: CurrentStore, _caller: Reader) -> Response:
    """The current case; its ETag is the revision to send back in If-Match."""
    record = store.get_patient(patient_id)
    return _json(record.case.model_dump_json(exclude_none=True), headers={"ETag": record.etag})


@router.put(
    "/api/patients/{patient_id}",
    response_model=PatientSummary,
    tags=["patients"],
    openapi_extra=_body_doc(CASE_TYPES),
    responses=_errors_doc(401, 403, 404, 412, 413, 415, 422, 428),
)
async def replace_patient(
    patient_id: str,
    request: Request,
    store: CurrentStore,
    caller: Clinician,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    """Replace the case (a new revision; earlier ones are kept). Needs If-Match."""
    expected = _expected_revision(if_match)
    body = await request.body()
    content_type = request.headers.get("content-type")

    def work() -> Response:
        parsed = read_case_body(body, content_type, date.today(), accepted=CASE_TYPES)
        record = store.update_patient(
            patient_id, parsed.case, expected_revision=expected, actor=caller.name
        )
        _warm(request, record.id, record.revision)
        summary = PatientSummary.model_validate(record.model_dump(exclude={"case"}))
        return _json(summary.model_dump_json(), headers={"ETag": record.etag})

    return await run_in_threadpool(work)


@router.delete(
    "/api/patients/{patient_id}",
    status_code=204,
    tags=["patients"],
    responses=_errors_doc(401, 403, 404),
)
def delete_patient(patient_id: str, store: CurrentStore, caller: Admin) -> Response:
    """Erase the case, its revisions and assessments; the audit trail stays."""
    store.delete_patient(patient_id, actor=caller.name)
    return Response(status_code=204)


@router.get(
    "/api/patients/{patient_id}/revisions",
    response_model=list[RevisionInfo],
    tags=["patients"],
    responses=_errors_doc(401, 403, 404),
)
def list_revisions(patient_id: str, store: CurrentStore, _caller: Reader) -> Response:
    """Every revision: number, time, author."""
    return _json(_list_json(store.list_revisions(patient_id)))


@router.get(
    "/api/patients/{patient_id}/revisions/{revision}",
    response_model=Case,
    tags=["patients"],
    responses=_errors_doc(401, 403, 404),
)
def get_revision(patient_id: str, revision: int, store: CurrentStore, _caller: Reader) -> Response:
    """The case as it was at one revision."""
    record = store.get_patient(patient_id, revision=revision)
    return _json(record.case.model_dump_json(exclude_none=True))


@router.get(
    "/api/patients/{patient_id}/assessment",
    response_model=StoredAssessment,
    tags=["patients"],
    responses=_errors_doc(401, 403, 404, 422),
)
def assess_patient(
    patient_id: str,
    store: CurrentStore,
    caller: Reader,
    as_of: AsOf = None,
    biopsy: BiopsyQuery = "auto",
) -> Response:
    """Assess the current revision; the result is stored (as_of, tool and knowledge versions,
    revision) and returned."""
    stored = store.assess_patient(patient_id, actor=caller.name, as_of=_day(as_of), biopsy=biopsy)
    return _json(stored.model_dump_json())


@router.get(
    "/api/patients/{patient_id}/assessments",
    response_model=list[StoredAssessment],
    tags=["patients"],
    responses=_errors_doc(401, 403, 404),
)
def list_assessments(patient_id: str, store: CurrentStore, _caller: Reader) -> Response:
    """Stored assessments, newest first."""
    return _json(_list_json(store.list_assessments(patient_id)))


@router.get("/api/worklist", response_model=Worklist, tags=["patients"])
def worklist(store: CurrentStore, _caller: Reader, as_of: AsOf = None) -> Response:
    """Patients with overdue or due screening or tumour follow-up, most urgent first."""
    day = _day(as_of)
    return _json(f'{{"as_of": "{day.isoformat()}", "patients": {store.worklist_json(day)}}}')
