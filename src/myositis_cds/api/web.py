"""The clinic's web page (contract §7): paste a note or upload a case file, check the facts read
from it, see the assessment with its reasons, dates and sources.

Server-rendered HTML (Jinja2) with one small script that only loads the timeline plot after the
page has shown the result; every page works without it. Every asset is served here and the
Content-Security-Policy forbids any other origin. When the service runs with tokens, a login form
sets the token in an HttpOnly, SameSite=Strict cookie and every form carries a CSRF token.

:func:`web_router` is an ``APIRouter`` factory that the service's app includes;
:func:`create_app` is a stand-alone app with the page alone (tests, benchmarks).
Nothing here decides anything clinical: adapters build a ``Case``, ``assess`` runs the pathway,
``render.report`` and ``render.plots`` lay the result out.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.util import find_spec
from typing import Any, Protocol, TypeVar

import yaml
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from myositis_cds import __version__
from myositis_cds.api._webpatients import (
    SORTS,
    assessment_line,
    revision_changes,
    worklist_rows,
)
from myositis_cds.api._webview import (
    SECTION_TITLES,
    apply_edits,
    build_result,
    case_rows,
    csp_safe_svg,
    highlight_note,
    renumber_problems,
)
from myositis_cds.assessment import Assessment, assess
from myositis_cds.case import Case, parse_case
from myositis_cds.errors import CaseError
from myositis_cds.pathway.course import Course

__all__ = ["CSP", "Tokens", "create_app", "router", "web_router"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
_T = TypeVar("_T")
_HISTORY = 20  # revisions shown on a patient's page, newest first
_WRITERS = ("clinician", "admin")  # roles that may save and edit patients (contract §4)
COOKIE = "myositis_cds_token"
CSRF_COOKIE = "myositis_cds_csrf"
MAX_FORM_BYTES = 8 * 1024 * 1024
_STATIC = {
    "web.css": "text/css; charset=utf-8",
    "web.js": "text/javascript; charset=utf-8",
}


class Tokens(Protocol):
    """What the page needs of the service's token store (``app.state.tokens``)."""

    def authenticate(self, token: str) -> Any:
        """The caller (with ``name`` and ``role``) for a valid token, else None."""


class _Unauthorised(Exception):
    pass


class _Forbidden(Exception):
    pass


# --------------------------------------------------------------------------- the plot
_DRAW = threading.Lock()  # matplotlib's figure machinery is not thread-safe


def _plot_svg(course: Course) -> str:
    from myositis_cds.render.plots import timeline_svg

    title = (
        "Timeline: antibody results, CK, response score and lines of therapy to "
        f"{course.timeline.as_of.isoformat()}"
    )
    with _DRAW:
        return csp_safe_svg(timeline_svg(course), title=title)


# --------------------------------------------------------------------------- templates
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("myositis_cds.api", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.globals["kind"] = lambda block: type(block).__name__.lower()
    env.globals["version"] = __version__
    return env


def _static(name: str) -> bytes:
    return resources.files("myositis_cds.api").joinpath("static", name).read_bytes()


# --------------------------------------------------------------------------- input
@dataclass
class _Loaded:
    case: Case
    note: str | None
    source: str  # "note", "case file"
    warnings: list[str]


def _as_of(raw: str | None) -> date:
    today = date.today()
    if not raw:
        return today
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise CaseError.single("Assess as of", f"{raw[:20]!r} is not a date (YYYY-MM-DD)") from None
    if day > today:
        raise CaseError.single("Assess as of", f"{day.isoformat()} is after today")
    return day


def _newlines(text: str) -> str:
    # Browsers send text boxes with CRLF line ends: evidence offsets refer to LF text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff_pasted(text: str) -> str:
    # Any text may be pasted: what the readers cannot build (a number longer than Python
    # reads, nesting deeper than it goes, a YAML date that does not exist) only decides the
    # format here; the case reader then names the problem, or the note reader reads it.
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            return "json"
        return "fhir" if isinstance(data, dict) and data.get("resourceType") else "json"
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return "text"
    return "yaml" if isinstance(data, dict) and "patient" in data else "text"


def _load(text: str, name: str, as_of: date, note_max_chars: int) -> _Loaded:
    from myositis_cds.api._bodies import note_too_long
    from myositis_cds.ingest.files import parse_case_text, sniff_format

    fmt = sniff_format(text, name) if name != "-" else _sniff_pasted(text)
    if fmt == "text":
        too_long = note_too_long(text, note_max_chars)
        if too_long is not None:
            raise CaseError.single("Clinical note or case file", too_long)
        try:
            from myositis_cds.ingest.text import extract_case
        except ImportError:
            raise CaseError.single(
                "Clinical note or case file",
                "reading a note needs the NLP extra (pip install 'myositis-cds[nlp]')",
            ) from None
        result = extract_case(text, anchor=as_of)
        return _Loaded(result.case, text, "note", list(result.warnings))
    if fmt == "fhir":
        return _load_fhir(text)
    return _Loaded(parse_case_text(text, fmt), None, "case file", [])


def _load_fhir(text: str) -> _Loaded:
    try:
        from myositis_cds.ingest.fhir import parse_bundle_text
    except ImportError:
        raise CaseError.single(
            "Upload a case file",
            "FHIR Bundles need the FHIR extra (pip install 'myositis-cds[fhir]')",
        ) from None
    result = parse_bundle_text(text)
    return _Loaded(result.case, None, "FHIR Bundle", list(result.warnings))


def _case_dict(case: Case) -> dict[str, Any]:
    data = case.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if v not in ([], {}, None)}


# --------------------------------------------------------------------------- the router
def web_router() -> APIRouter:
    """The web page's routes (``/``, ``/assess``, ``/reassess``, downloads, ``/plot``,
    ``/static``, ``/login``).

    Authentication follows the app it is included in: ``app.state.tokens`` (the service's token
    store, or None for ``--auth none``). With tokens, the login form puts the token in an
    HttpOnly, SameSite=Strict cookie beside a random CSRF value that every form carries back
    (double submit: nothing kept on the server, so several worker processes agree).
    """
    router = APIRouter(include_in_schema=False)
    env = _environment()

    def tokens_of(request: Request) -> Tokens | None:
        return getattr(request.app.state, "tokens", None)

    def user_of(request: Request) -> Any:
        tokens = tokens_of(request)
        if tokens is None:
            return None
        token = request.cookies.get(COOKIE)
        principal = tokens.authenticate(token) if token else None
        if principal is None:
            raise _Unauthorised
        return principal

    def csrf_of(request: Request) -> str:
        if tokens_of(request) is None:
            return ""
        return request.cookies.get(CSRF_COOKIE, "")

    def check_csrf(request: Request, form: Mapping[str, Any]) -> None:
        # Double submit: the login set a random value in a SameSite=Strict cookie and the page
        # puts it in every form; another site can neither read the cookie nor send it.
        if tokens_of(request) is None:
            return
        sent, expected = str(form.get("csrf_token", "")), csrf_of(request)
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            raise _Forbidden

    def note_limit_of(request: Request) -> int:
        """The server's ``max_note_chars`` (the stand-alone page app has no settings)."""
        from myositis_cds.api._settings import DEFAULT_MAX_NOTE_CHARS

        settings = getattr(request.app.state, "settings", None)
        return DEFAULT_MAX_NOTE_CHARS if settings is None else int(settings.max_note_chars)

    def store_of(request: Request) -> Any:
        """The service's store (``app.state.store``); None when the page runs alone."""
        return getattr(request.app.state, "store", None)

    def may_write(request: Request) -> bool:
        tokens = tokens_of(request)
        if tokens is None:
            return True
        token = request.cookies.get(COOKIE)
        principal = tokens.authenticate(token) if token else None
        return principal is not None and principal.role in _WRITERS

    def actor_of(request: Request) -> str:
        principal = user_of(request)
        return "local" if principal is None else str(principal.name)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("errors", [])
        context.setdefault("patient", None)
        html = env.get_template(template).render(
            csrf=csrf_of(request),
            auth=tokens_of(request) is not None,
            today=date.today().isoformat(),
            patients_enabled=store_of(request) is not None,
            can_write=may_write(request),
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def login_redirect(request: Request) -> Response:
        return RedirectResponse("/login", status_code=303, headers=SECURITY_HEADERS)

    def refused(request: Request, exc: Exception) -> Response:
        if isinstance(exc, _Forbidden):
            return page(
                request,
                "assess.html.j2",
                403,
                input_text="",
                as_of=date.today().isoformat(),
                view=None,
                errors=["The form was not sent from this page (CSRF check): reload and try again."],
            )
        return login_redirect(request)

    async def read_form(request: Request) -> Any:
        return await request.form(max_files=1, max_fields=20000, max_part_size=MAX_FORM_BYTES)

    def show(
        request: Request,
        loaded: _Loaded,
        as_of: date,
        input_text: str,
        status: int = 200,
        template: str = "assess.html.j2",
        **extra: Any,
    ) -> HTMLResponse:
        result: Assessment = assess(loaded.case, as_of=as_of)
        data = _case_dict(loaded.case)
        patient, rows = case_rows(data)
        note_html, shown = highlight_note(loaded.note, rows) if loaded.note else ("", set())
        return page(
            request,
            template,
            status,
            input_text=input_text,
            as_of=as_of.isoformat(),
            view=build_result(result, loaded.case),
            plot=result.course is not None,
            source=loaded.source,
            extraction_warnings=loaded.warnings,
            note=loaded.note,
            note_html=note_html,
            shown=shown,
            patient_controls=patient,
            rows=rows,
            review=[r for r in rows if r.review],
            section_titles=SECTION_TITLES,
            case_json=json.dumps(data, ensure_ascii=False),
            **extra,
        )

    def failed(
        request: Request, exc: CaseError, input_text: str, as_of: str, **extra: Any
    ) -> HTMLResponse:
        # Messages name the field and the problem; no patient data is logged.
        return page(
            request,
            "assess.html.j2",
            422,
            input_text=input_text,
            as_of=as_of,
            view=None,
            errors=[str(p) for p in exc.problems],
            **extra,
        )

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        try:
            user_of(request)
        except _Unauthorised:
            return login_redirect(request)
        return page(
            request, "assess.html.j2", input_text="", as_of=date.today().isoformat(), view=None
        )

    @router.post("/assess", response_class=HTMLResponse)
    async def assess_input(request: Request) -> Response:
        try:
            user_of(request)
        except _Unauthorised as exc:
            return refused(request, exc)
        form = await read_form(request)
        try:
            check_csrf(request, form)
        except _Forbidden as exc:
            await form.close()
            return refused(request, exc)
        try:
            text = _newlines(str(form.get("text", "")))
            raw_as_of = str(form.get("as_of", ""))
            upload = form.get("upload")
            try:
                as_of = _as_of(raw_as_of)
                name = "-"
                if isinstance(upload, UploadFile) and upload.filename:
                    from myositis_cds.ingest.files import MAX_CASE_BYTES

                    raw = await upload.read(MAX_CASE_BYTES + 1)
                    if len(raw) > MAX_CASE_BYTES:
                        raise CaseError.single("Upload a case file", "is larger than 5 MB")
                    try:
                        text = _newlines(raw.decode("utf-8-sig"))
                    except UnicodeDecodeError:
                        raise CaseError.single("Upload a case file", "is not UTF-8 text") from None
                    name = upload.filename
                if not text.strip():
                    raise CaseError.single(
                        "Clinical note or case file",
                        "paste a note or a case file, or upload a file",
                    )
                loaded = await _in_thread(_load, text, name, as_of, note_limit_of(request))
                return await _in_thread(show, request, loaded, as_of, text)
            except CaseError as exc:
                return failed(request, exc, text, raw_as_of)
        finally:
            await form.close()

    async def corrected(request: Request) -> tuple[Any, _Loaded, date, str] | Response:
        try:
            user_of(request)
        except _Unauthorised as exc:
            return refused(request, exc)
        form = await read_form(request)
        await form.close()  # the fields stay readable; any stray upload is released
        try:
            check_csrf(request, form)
        except _Forbidden as exc:
            return refused(request, exc)
        note = _newlines(str(form.get("note", ""))) or None
        raw_as_of = str(form.get("as_of", ""))
        try:
            as_of = _as_of(raw_as_of)
            try:
                base = json.loads(str(form.get("case_json", "")))
            except (ValueError, RecursionError):  # also too deep, or a number too long
                raise CaseError.single("(case)", "the case sent back was damaged") from None
            if not isinstance(base, dict):
                raise CaseError.single("(case)", "the case sent back was damaged")
            fields = {k: str(v) for k, v in form.multi_items() if isinstance(v, str)}
            data, where = apply_edits(base, fields)
            try:
                case = parse_case(data)
            except CaseError as exc:
                raise renumber_problems(exc, where) from None
        except CaseError as exc:
            return failed(request, exc, note or "", raw_as_of)
        source = str(form.get("source", "note" if note else "case file"))
        return form, _Loaded(case, note, source, []), as_of, note or ""

    @router.post("/reassess", response_class=HTMLResponse)
    async def reassess(request: Request) -> Response:
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        _form, loaded, as_of, text = got
        return await _in_thread(show, request, loaded, as_of, text)

    @router.post("/case.yaml")
    async def download_case(request: Request) -> Response:
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        body = yaml.safe_dump(_case_dict(got[1].case), sort_keys=False, allow_unicode=True)
        return Response(
            body,
            media_type="application/yaml; charset=utf-8",
            headers={
                **SECURITY_HEADERS,
                "Content-Disposition": 'attachment; filename="corrected-case.yaml"',
            },
        )

    @router.post("/report.pdf")
    async def download_report(request: Request) -> Response:
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        _form, loaded, as_of, _text = got

        def make() -> bytes:
            from myositis_cds.render.report import report_pdf

            return report_pdf(assess(loaded.case, as_of=as_of), loaded.case)

        pdf = await _in_thread(make)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                **SECURITY_HEADERS,
                "Content-Disposition": f'attachment; filename="myositis-report-{as_of}.pdf"',
            },
        )

    @router.post("/plot.svg")
    async def plot(request: Request) -> Response:
        """The timeline plot of the case in the facts form (the page's script posts the form
        once the result is shown). Stateless, so any worker process can draw it."""
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        _form, loaded, as_of, _text = got

        def draw() -> str | None:
            course = assess(loaded.case, as_of=as_of).course
            return None if course is None else _plot_svg(course)

        svg = await _in_thread(draw)
        if svg is None:
            return Response(status_code=204, headers=SECURITY_HEADERS)
        return Response(svg, media_type="image/svg+xml", headers=SECURITY_HEADERS)

    @router.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in _STATIC:
            return Response(status_code=404)
        return Response(
            _static(name),
            media_type=_STATIC[name],
            headers={**SECURITY_HEADERS, "Cache-Control": "max-age=3600"},
        )

    # ------------------------------------------------------------------ patients (the store)
    def message(request: Request, status: int, title: str, text: str) -> Response:
        return page(request, "message.html.j2", status, title=title, message=text)

    def no_store(request: Request) -> Response:
        return message(
            request,
            404,
            "No patient store",
            "This page runs without a patient store: start it with myositis-cds serve.",
        )

    def not_found(request: Request) -> Response:
        return message(
            request, 404, "Patient not found", "No patient has that id (it may have been erased)."
        )

    def read_only(request: Request) -> Response:
        return message(
            request, 403, "Not allowed", "Saving and editing patients needs the clinician role."
        )

    @router.post("/patients/new")
    async def save_patient(request: Request) -> Response:
        store = store_of(request)
        if store is None:
            return no_store(request)
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        if not may_write(request):
            return read_only(request)
        _form, loaded, as_of, _text = got
        actor = actor_of(request)

        def save() -> str:
            record = store.create_patient(loaded.case, actor=actor)
            store.assess_patient(record.id, actor=actor, as_of=as_of)
            return str(record.id)

        patient_id = await _in_thread(save)
        return RedirectResponse(
            f"/patients/{patient_id}?saved=1", status_code=303, headers=SECURITY_HEADERS
        )

    @router.get("/patients", response_class=HTMLResponse)
    def patients_page(request: Request, sort: str = "urgency") -> Response:
        try:
            user_of(request)
        except _Unauthorised:
            return login_redirect(request)
        store = store_of(request)
        if store is None:
            return no_store(request)
        day = date.today()
        rows = worklist_rows(store.list_patients(), store.worklist(day), sort)
        return page(
            request,
            "patients.html.j2",
            rows=rows,
            sort=sort if sort in SORTS else "urgency",
            sorts=SORTS,
            as_of=day.isoformat(),
        )

    def patient_view(
        request: Request,
        patient_id: str,
        *,
        loaded: _Loaded | None = None,
        form_revision: int | None = None,
        status: int = 200,
        errors: list[str] | None = None,
        notice: str = "",
    ) -> Response:
        from myositis_cds.store import PatientNotFound

        store = store_of(request)
        try:
            record = store.get_patient(patient_id)
            revisions = store.list_revisions(patient_id)
            past = store.list_assessments(patient_id)
            cases: dict[int, dict[str, Any]] = {}

            def case_at(revision: int) -> dict[str, Any] | None:
                if revision < 1:
                    return None
                if revision not in cases:
                    old = store.get_patient(patient_id, revision=revision)
                    cases[revision] = _case_dict(old.case)
                return cases[revision]

            history = [
                (info, revision_changes(case_at(info.revision - 1), case_at(info.revision) or {}))
                for info in revisions[-_HISTORY:]
            ]
        except PatientNotFound:
            return not_found(request)
        shown = loaded or _Loaded(record.case, None, "stored case", [])
        return show(
            request,
            shown,
            date.today(),
            "",
            status,
            "patient.html.j2",
            patient=record,
            form_revision=form_revision or record.revision,
            history=list(reversed(history)),
            past=[(s, assessment_line(s.assessment)) for s in past],
            errors=errors or [],
            notice=notice,
        )

    @router.get("/patients/{patient_id}", response_class=HTMLResponse)
    async def patient_page(request: Request, patient_id: str, saved: str = "") -> Response:
        try:
            user_of(request)
        except _Unauthorised:
            return login_redirect(request)
        if store_of(request) is None:
            return no_store(request)
        notice = "Saved." if saved else ""
        return await _in_thread(lambda: patient_view(request, patient_id, notice=notice))

    @router.post("/patients/{patient_id}/edit", response_class=HTMLResponse)
    async def edit_patient(request: Request, patient_id: str) -> Response:
        from myositis_cds.store import PatientNotFound, StaleRevision

        store = store_of(request)
        if store is None:
            return no_store(request)
        got = await corrected(request)
        if isinstance(got, Response):
            return got
        if not may_write(request):
            return read_only(request)
        form, loaded, as_of, _text = got
        try:
            expected = int(str(form.get("revision", "")))
        except ValueError:
            return message(
                request,
                428,
                "Edit refused",
                "The form did not say which revision it edits: reload the patient.",
            )
        actor = actor_of(request)

        def save() -> Response:
            try:
                store.update_patient(
                    patient_id, loaded.case, expected_revision=expected, actor=actor
                )
                store.assess_patient(patient_id, actor=actor, as_of=as_of)
            except StaleRevision:
                current = store.get_patient(patient_id)
                last = store.list_revisions(patient_id)[-1]
                message = (
                    f"Not saved: this patient was changed after you opened it (you edited "
                    f"revision {expected}; revision {current.revision} was saved by "
                    f"{last.author} at {last.created_at:%Y-%m-%d %H:%M} UTC). Your changes are "
                    "kept below and nothing stored was overwritten: download your version "
                    f"(YAML) to keep it, then open the current version (revision "
                    f"{current.revision}) and apply your changes to it."
                )
                return patient_view(
                    request,
                    patient_id,
                    loaded=loaded,
                    form_revision=expected,
                    status=412,
                    errors=[message],
                )
            except PatientNotFound:
                return not_found(request)
            return RedirectResponse(
                f"/patients/{patient_id}?saved=1", status_code=303, headers=SECURITY_HEADERS
            )

        return await _in_thread(save)

    @router.get("/patients/{patient_id}/report.{fmt}")
    async def patient_report(request: Request, patient_id: str, fmt: str) -> Response:
        from myositis_cds.store import PatientNotFound

        try:
            user_of(request)
        except _Unauthorised:
            return login_redirect(request)
        store = store_of(request)
        if store is None:
            return no_store(request)
        if fmt not in ("pdf", "html"):
            return Response(status_code=404, headers=SECURITY_HEADERS)

        def make() -> bytes | None:
            from myositis_cds.render.report import report_html, report_pdf

            try:
                record = store.get_patient(patient_id)
            except PatientNotFound:
                return None
            result = assess(record.case, as_of=date.today())
            if fmt == "pdf":
                return report_pdf(result, record.case)
            return report_html(result, record.case).encode("utf-8")

        body = await _in_thread(make)
        if body is None:
            return not_found(request)
        return Response(
            body,
            media_type="application/pdf" if fmt == "pdf" else "text/html; charset=utf-8",
            headers={
                **SECURITY_HEADERS,
                # the report page is self-contained: its own inline styles, nothing fetched
                "Content-Security-Policy": REPORT_CSP,
                "Content-Disposition": f'attachment; filename="myositis-report.{fmt}"',
            },
        )

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request) -> Response:
        return page(request, "login.html.j2", failed=False)

    @router.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        tokens = tokens_of(request)
        if tokens is None:
            return RedirectResponse("/", status_code=303, headers=SECURITY_HEADERS)
        form = await request.form(max_files=0, max_fields=10)
        token = str(form.get("token", "")).strip()
        if not token or tokens.authenticate(token) is None:
            return page(request, "login.html.j2", 401, failed=True)
        response = RedirectResponse("/", status_code=303, headers=SECURITY_HEADERS)
        for name, value in ((COOKIE, token), (CSRF_COOKIE, secrets.token_hex(32))):
            response.set_cookie(
                name,
                value,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path="/",
            )
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        response = RedirectResponse("/login", status_code=303, headers=SECURITY_HEADERS)
        for name in (COOKIE, CSRF_COOKIE):
            response.delete_cookie(name, path="/", httponly=True, samesite="strict")
        return response

    return router


async def _in_thread(fn: Callable[..., _T], *args: Any) -> _T:
    """Run CPU-bound work (extraction, assessment, PDF) off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args)


_NEEDS = {"jinja2": "Jinja2", "matplotlib": "matplotlib", "fpdf": "fpdf2"}
_MISSING = [name for module, name in _NEEDS.items() if find_spec(module) is None]
if find_spec("python_multipart") is None and find_spec("multipart") is None:
    _MISSING.append("python-multipart")


def _missing_router(missing: list[str]) -> APIRouter:
    """Without the web extra the service still starts; ``/`` says what to install."""
    fallback = APIRouter(include_in_schema=False)

    @fallback.get("/")
    def index() -> Response:
        return Response(
            f"The web page needs {', '.join(missing)}: pip install 'myositis-cds[web]'",
            media_type="text/plain; charset=utf-8",
            status_code=503,
            headers=SECURITY_HEADERS,
        )

    return fallback


router = _missing_router(_MISSING) if _MISSING else web_router()
"""The router the service includes (``myositis_cds.api`` looks for ``router`` here)."""


def create_app(*, tokens: Tokens | None = None) -> FastAPI:
    """A stand-alone app serving the page alone (used by tests and the benchmark)."""
    app = FastAPI(title="myositis-cds web", version=__version__, docs_url=None, redoc_url=None)
    app.state.tokens = tokens
    app.include_router(web_router())
    return app
