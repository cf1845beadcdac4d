"""Hostile request bodies for the routes schemathesis cannot reach with meaning (issue #15).

The OpenAPI document describes CDS Hooks bodies and FHIR Bundles as free JSON and leaves the
web page's forms out, so schemathesis sends them nothing plausible. Here hypothesis builds
requests that look right and are wrong in one or a few places:

- ``cds``: CDS Hooks ``patient-view`` calls (hook, hookInstance, context.patientId, a prefetch
  of the reference patient's FHIR resources as Patient + searchset Bundles, sometimes a
  ``fhirServer`` answered by an in-process FHIR server with hostile pages);
- ``feedback``: CDS Hooks feedback bodies;
- ``fhir``: FHIR R4 Bundles to ``POST /api/assess`` and ``POST /api/patients``
  (``application/fhir+json``);
- ``web``: the web page's forms (``/assess`` with pasted text, an upload and the date; the
  facts form of a real page to ``/reassess``, ``/case.yaml``, ``/plot.svg``,
  ``/patients/new`` and ``/patients/<id>/edit``), each with the CSRF value of a logged-in
  clinician.

Every body is mutated in 0-4 places: a value replaced by a hostile one (wrong type, NaN and
1e400 as text, 2**70, impossible and future dates, unknown codes, control characters, deep
nesting), a key dropped, an unknown key added. Every request runs in-process against the whole
app (``create_app`` with tokens and trusted CDS Hooks issuer) and every response is checked:
no 5xx, the security headers, and the error shape the contract gives the route
(:func:`problem`).
"""

from __future__ import annotations

import asyncio
import copy
import html.parser
import json
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from benchmarks._harness import ROOT, SECURITY_HEADER_NAMES, contract_problem, fresh_database
from benchmarks.cds_hooks import PREFETCH_TYPES  # the prefetch keys, one table for both benchmarks

__all__ = [
    "KINDS",
    "Bench",
    "bench",
    "fuzz_bodies",
    "fuzz_bodies_on_store",
    "problem",
    "requests_of",
]

KINDS = ("cds", "feedback", "fhir", "web")
SERVICE = "/cds-services/myositis-cancer-screening"
BASE = "http://testserver"
ISSUER = "https://ehr.fuzz.example"
REFERENCE_BUNDLE: dict[str, Any] = json.loads(
    (ROOT / "examples" / "reference-case.fhir.json").read_text(encoding="utf-8")
)
RESOURCES: list[dict[str, Any]] = [e["resource"] for e in REFERENCE_BUNDLE["entry"]]
_DEEP = "\u0000deep:{}\u0000"  # replaced, after json.dumps, by that many nested arrays


# --------------------------------------------------------------------------- hostile values
def _deep(depth: int) -> str:
    return _DEEP.format(depth)


hostile_values: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "-1",
            "1e400",
            "2022-02-30",
            "2022-13-01T25:61:00Z",
            "0000-00-00",
            "9999-12-31",
            "2999-01-01",
            "",
            " ",
            "\x00",
            "\x1b[2J",
            "\u202e",
            "<script>alert(1)</script>",
            "{{7*7}}",
            "王秀英",
            "🙂" * 50,
            "x" * 5000,
            "patient-view",
            "Patient/../../etc/passwd",
            "http://loinc.org",
            "99999-9",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 5e-324, 1.7e308, 2**63, 10**400]),
    st.booleans(),
    st.none(),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.just({}),
    st.just([]),
    st.just({"coding": [{"system": "http://unknown.example", "code": "no-such-code"}]}),
    st.just({"resourceType": "OperationOutcome"}),
    st.sampled_from([_deep(40), _deep(900), _deep(5000), _deep(50_000)]),
)


_DATE = re.compile(r"^\d{4}(-\d\d)?(-\d\d)?(T.*)?$")


def _similar(value: Any) -> st.SearchStrategy[Any]:
    """A value of the same JSON type that the models accept but the pathway may not expect."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int | float):
        return st.sampled_from([0, -1, 1e308, 5e-324, 2**53 + 1, 1e-9, 99999, 0.5])
    if isinstance(value, str) and _DATE.match(value):
        return st.sampled_from(
            ["1900-01-01", "2999-12-31", "2024-02-29", "1850-06", "2023", "2024-01-15T23:59:59Z"]
        )
    if isinstance(value, str):
        return st.sampled_from(["", "unknown-code", "x" * 300, "王秀英", value.upper()])
    return st.just(copy.deepcopy(value))


@st.composite
def mutated(draw: st.DrawFn, body: Any, *, max_changes: int = 4) -> Any:
    """``body`` (deep-copied) with 0..``max_changes`` values replaced, keys dropped or added."""
    body = copy.deepcopy(body)
    # sampled_from, not integers(): hypothesis pulls integers towards 0 (no change at all)
    changes = draw(st.sampled_from([c for c in (1, 0, 2, 1, 3, 0, 4, 1, 2) if c <= max_changes]))
    for _ in range(changes):
        node = body
        while True:
            if not isinstance(node, dict | list) or not node:
                break
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and draw(st.sampled_from([1, 1, 1, 0])):
                node = child
                continue
            action = draw(st.sampled_from(["similar", "replace", "similar", "drop", "add"]))
            if action == "similar":  # the same type, a value at or past its limits
                node[key] = draw(_similar(child))
            elif action == "replace":
                node[key] = copy.deepcopy(draw(hostile_values))  # st.just() shares its value
            elif action == "drop" and isinstance(node, dict):
                del node[key]
            elif isinstance(node, dict):
                name = draw(st.sampled_from(["extra", "resourceType", "id", "_x"]))
                node[name] = copy.deepcopy(draw(hostile_values))
            else:
                node.append(copy.deepcopy(draw(hostile_values)))
            break
    return body


def dumps(body: Any) -> bytes:
    """JSON text (NaN and Infinity as Python writes them), deep-nesting markers expanded."""
    text = json.dumps(body, ensure_ascii=False)
    text = re.sub(r'"\\u0000deep:(\d+)\\u0000"', lambda m: "[" * int(m[1]) + "]" * int(m[1]), text)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- FHIR bodies
def _searchset(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(resources),
        "entry": [{"resource": r, "search": {"mode": "match"}} for r in resources],
    }


@st.composite
def reference_subsets(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The reference patient and some of her resources (the Patient nearly always)."""
    chosen = draw(st.lists(st.integers(1, len(RESOURCES) - 1), unique=True, max_size=20))
    keep_patient = draw(st.sampled_from([True] * 19 + [False]))
    return [copy.deepcopy(RESOURCES[i]) for i in ([0] if keep_patient else []) + sorted(chosen)]


@st.composite
def fhir_bundles(draw: st.DrawFn) -> dict[str, Any]:
    bundle_type = draw(
        st.sampled_from(["collection"] * 4 + ["searchset", "transaction", "batch", "history"])
    )
    entries = draw(mutated([{"resource": r} for r in draw(reference_subsets())]))
    bundle = {"resourceType": "Bundle", "type": bundle_type, "entry": entries}
    # the envelope is broken in one Bundle in eight (each such Bundle is a plain 422)
    return draw(st.sampled_from([bundle] * 7 + [draw(mutated(bundle, max_changes=1))]))


@st.composite
def cds_requests(draw: st.DrawFn) -> dict[str, Any]:
    resources = draw(reference_subsets())
    patient_id = draw(
        st.one_of(
            st.just("reference-case"),
            st.sampled_from(["reference-case", "", " ", "x" * 300, "../../Patient", "王秀英"]),
            st.text(min_size=1, max_size=20),
        )
    )
    prefetch: dict[str, Any] = {}
    patients = [r for r in resources if r["resourceType"] == "Patient"]
    if patients:
        prefetch["patient"] = patients[0]
    for key, rtype in PREFETCH_TYPES.items():
        of_type = [r for r in resources if r["resourceType"] == rtype]
        choice = draw(st.sampled_from(["bundle"] * 27 + ["null", "null", "absent"]))
        if choice == "absent":
            continue  # the service must fetch it (or answer 412)
        prefetch[key] = None if (choice == "null" or not of_type) else _searchset(of_type)
    body: dict[str, Any] = {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"userId": "Practitioner/fuzz", "patientId": patient_id},
        "prefetch": draw(mutated(prefetch)),
    }
    server = draw(
        st.sampled_from(
            [None, None, None, "https://fhir.fuzz.example/r4", "http://fhir.fuzz.example", "x"]
        )
    )
    if server is not None:
        body["fhirServer"] = server
        body["fhirAuthorization"] = {
            "access_token": "fuzz-access-token",
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "patient/*.read",
            "subject": "fuzz",
        }
    # the envelope is broken in one request in four (each such request is a plain 400)
    return draw(st.sampled_from([body, body, body, draw(mutated(body, max_changes=1))]))


@st.composite
def fhir_server_answers(draw: st.DrawFn) -> tuple[int, bytes]:
    """What the in-process FHIR server answers every fetch of one call with."""
    status = draw(st.sampled_from([200, 200, 200, 401, 404, 500]))
    page = draw(
        st.one_of(
            st.builds(_searchset, reference_subsets()),
            st.just(copy.deepcopy(RESOURCES[0])),
        )
    )
    page = draw(mutated(page))
    if draw(st.booleans()):
        page = {**page, "link": [{"relation": "next", "url": draw(_next_urls)}]}
    raw = draw(st.sampled_from([None, b"", b"not json", b"[" * 5000 + b"]" * 5000]))
    return status, dumps(page) if raw is None else raw


_next_urls = st.sampled_from(
    [
        "Condition?patient=x&page=2",
        "https://fhir.fuzz.example/r4/Condition?page=2",
        "https://elsewhere.example/steal",
        "",
    ]
)


@st.composite
def feedback_bodies(draw: st.DrawFn) -> dict[str, Any]:
    entries = []
    for _ in range(draw(st.integers(1, 3))):
        outcome = draw(st.sampled_from(["accepted", "overridden"]))
        entry: dict[str, Any] = {
            "card": str(uuid.uuid4()),
            "outcome": outcome,
            "outcomeTimestamp": datetime.now(UTC).isoformat(),
        }
        if outcome == "accepted":
            entry["acceptedSuggestions"] = [{"id": str(uuid.uuid4())}]
        else:
            entry["overrideReason"] = {
                "reason": {"code": "not-relevant", "system": "http://example.org"},
                "userComment": "fuzz",
            }
        entries.append(entry)
    return draw(mutated({"feedback": entries}))


# --------------------------------------------------------------------------- the web forms
class _FormFields(html.parser.HTMLParser):
    """The named fields of the facts form (inputs, selects with their selected option,
    textareas) of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.fields.setdefault(a["name"], "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(page: str) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(page)
    return parser.fields


web_text = st.one_of(
    st.sampled_from(["", "   "]),
    hostile_values.map(lambda v: v if isinstance(v, str) else json.dumps(v)),
    st.just((ROOT / "examples" / "reference-case.yaml").read_text(encoding="utf-8")),
    st.builds(lambda b: dumps(b).decode(), fhir_bundles()),
    st.text(max_size=200),
)


@st.composite
def web_posts(draw: st.DrawFn, facts: dict[str, str], patient: str) -> tuple[str, dict[str, Any]]:
    """(path, httpx keyword arguments) of one web form post."""
    route = draw(
        st.sampled_from(
            ["/assess", "/assess", "/reassess", "/case.yaml", "/plot.svg", "/patients/new", "edit"]
        )
    )
    good = st.sampled_from(["", "2024-01-15", "2025-06-30"])
    as_of = draw(st.sampled_from([good] * 5 + [web_text]).flatmap(lambda s: s))
    if route == "/assess":
        data = {"text": draw(web_text), "as_of": as_of}
        files = None
        if draw(st.sampled_from([False, False, False, True])):
            name = draw(st.sampled_from(["case.yaml", "case.json", "note.txt", "x.exe", "a"]))
            content = draw(st.one_of(web_text.map(str.encode), st.binary(max_size=200)))
            files = {"upload": (name, content, "application/octet-stream")}
        return "/assess", {"data": data, "files": files}
    fields = dict(facts)
    for _ in range(draw(st.sampled_from([1, 0, 2, 0, 3, 1]))):
        names = sorted(fields)
        target = draw(st.sampled_from([*names, "f.findings.99.action", "p.birth_date", "junk"]))
        if target == "case_json" and draw(st.booleans()):
            base = json.loads(fields["case_json"]) if fields.get("case_json") else {}
            fields[target] = dumps(draw(mutated(base))).decode()
        else:
            fields[target] = draw(web_text)
    fields["as_of"] = as_of if draw(st.booleans()) else fields.get("as_of", "")
    if route == "edit":
        fields["revision"] = draw(st.sampled_from(["1", "0", "-1", "99", "x", ""]))
        return f"/patients/{patient}/edit", {"data": fields}
    return route, {"data": fields}


# --------------------------------------------------------------------------- the bench
@dataclass
class Bench:
    """The whole app in-process, with a clinician's token, a logged-in browser's cookies and
    a trusted CDS Hooks issuer whose key signs a fresh JWT for every call."""

    client: httpx.AsyncClient
    loop: asyncio.AbstractEventLoop
    token: str
    csrf: str
    sign: Callable[[str], str]
    facts: dict[str, str]
    patient: str
    fhir_answer: list[tuple[int, bytes]] = field(default_factory=list)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(method, url, **kwargs))


def _keys(folder: Path) -> tuple[Path, Callable[[str], str]]:
    import jwt
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    public = json.loads(jwt.algorithms.get_default_algorithms()["ES256"].to_jwk(key.public_key()))
    (folder / "fuzz-jwks.json").write_text(
        json.dumps({"keys": [{**public, "kid": "fuzz-1", "alg": "ES256", "use": "sig"}]})
    )
    issuers = folder / "fuzz-issuers.yaml"
    issuers.write_text(f"{ISSUER}: fuzz-jwks.json\n")

    def sign(path: str) -> str:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": BASE + path,
            "iat": now,
            "exp": now + 300,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(claims, key, algorithm="ES256", headers={"kid": "fuzz-1", "typ": "JWT"})

    return issuers, sign


@contextmanager
def bench(store: Any, folder: Path) -> Iterator[Bench]:
    """The app on ``store`` (the caller's to close) with everything a fuzzed call needs."""
    from myositis_cds.api import Settings, create_app, create_token
    from myositis_cds.api._cds_jwt import load_issuers
    from myositis_cds.api.cds_hooks import CdsHooksConfig
    from myositis_cds.api.web import COOKIE, CSRF_COOKIE

    issuers, sign = _keys(folder)
    tokens = folder / "fuzz-tokens.json"
    token = create_token("fuzz-clinician", "clinician", tokens)
    app = create_app(Settings(auth="token", tokens_file=tokens, cds_issuers=issuers), store=store)
    answers: list[tuple[int, bytes]] = [(404, b"{}")]

    def fhir_server(_request: httpx.Request) -> httpx.Response:
        status, body = answers[-1]
        return httpx.Response(
            status, content=body, headers={"Content-Type": "application/fhir+json"}
        )

    app.state.cds_hooks = CdsHooksConfig(
        issuers=load_issuers(issuers), fhir_transport=httpx.MockTransport(fhir_server)
    )
    csrf = uuid.uuid4().hex
    loop = asyncio.new_event_loop()
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=BASE,
        cookies={COOKIE: token, CSRF_COOKIE: csrf},
        timeout=120,
    )
    try:
        the_bench = Bench(client, loop, token, csrf, sign, {}, "", answers)
        reference = (ROOT / "examples" / "reference-case.yaml").read_text(encoding="utf-8")
        page = the_bench.request(
            "POST", "/assess", data={"text": reference, "as_of": "", "csrf_token": csrf}
        )
        page.raise_for_status()
        the_bench.facts = form_fields(page.text)
        saved = the_bench.request(
            "POST", "/api/patients", content=reference.encode(), headers=_auth(token, "yaml")
        )
        saved.raise_for_status()
        the_bench.patient = saved.json()["id"]
        yield the_bench
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()


def _auth(token: str, kind: str) -> dict[str, str]:
    types = {"yaml": "application/yaml", "fhir": "application/fhir+json"}
    return {"Authorization": f"Bearer {token}", "Content-Type": types[kind]}


# --------------------------------------------------------------------------- requests
@st.composite
def requests_of(draw: st.DrawFn, kind: str, the_bench: Bench) -> tuple[str, str, dict[str, Any]]:
    """(method, path, httpx keyword arguments) of one fuzzed request of ``kind``."""
    if kind in ("cds", "feedback"):
        path = SERVICE if kind == "cds" else SERVICE + "/feedback"
        body = draw(cds_requests() if kind == "cds" else feedback_bodies())
        if kind == "cds":
            the_bench.fhir_answer.append(draw(fhir_server_answers()))
            del the_bench.fhir_answer[:-1]
        auth = draw(st.sampled_from(["jwt"] * 18 + ["bad", "none"]))
        headers = {"Content-Type": "application/json"}
        if auth == "jwt":
            headers["Authorization"] = f"Bearer {the_bench.sign(path)}"
        elif auth == "bad":
            headers["Authorization"] = draw(st.sampled_from(["Bearer x.y.z", "Basic abc", ""]))
        return "POST", path, {"content": dumps(body), "headers": headers}
    if kind == "fhir":
        path = draw(st.sampled_from(["/api/assess", "/api/patients"]))
        params = {}
        if path == "/api/assess":
            params = draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "format": st.sampled_from(["json", "cards", "fhir", "json", "x"]),
                        "as_of": st.sampled_from(["2024-01-15"] * 4 + ["2999-01-01"]),
                    },
                )
            )
        return (
            "POST",
            path,
            {
                "content": dumps(draw(fhir_bundles())),
                "headers": _auth(the_bench.token, "fhir"),
                "params": params,
            },
        )
    path, kwargs = draw(web_posts(the_bench.facts, the_bench.patient))
    kwargs["data"] = {**kwargs["data"], "csrf_token": the_bench.csrf}
    if kwargs.get("files") is None:
        kwargs.pop("files", None)
    return "POST", path, kwargs


# --------------------------------------------------------------------------- the checks
CARD_INDICATORS = {"info", "warning", "critical"}


def problem(kind: str, path: str, response: httpx.Response) -> str | None:
    """What is wrong with ``response`` under the contract, or None."""
    status, body = response.status_code, response.content
    headers = {k.lower() for k in response.headers}
    missing = [h for h in SECURITY_HEADER_NAMES if h not in headers]
    if missing:
        return f"{status} without {', '.join(missing)}"
    if status >= 500:
        return f"{status}: {body[:200]!r}"
    if kind == "fhir":
        return contract_problem(status, headers, body)
    if kind in ("cds", "feedback"):
        return _cds_problem(kind, status, body)
    return _web_problem(path, response)


def _cds_problem(kind: str, status: int, body: bytes) -> str | None:
    """Contract §5: 200 ``{"cards": [...]}`` (feedback: ``{}``); 400, 401 and 412
    ``{"error", "message"}``; 422 ``{"errors": [{path, message}]}``; other 4xx ``{"error"}``."""
    try:
        data = json.loads(body)
    except ValueError:
        return f"{status} body is not JSON: {body[:200]!r}"
    if status == 200:
        if kind == "feedback":
            return None if data == {} else f"feedback 200 is not {{}}: {body[:200]!r}"
        cards = data.get("cards") if isinstance(data, dict) else None
        if not isinstance(cards, list):
            return f"200 without cards: {body[:200]!r}"
        for card in cards:
            ok = (
                isinstance(card, dict)
                and isinstance(card.get("summary"), str)
                and 0 < len(card["summary"]) <= 140
                and card.get("indicator") in CARD_INDICATORS
                and isinstance(card.get("source"), dict)
                and isinstance(card["source"].get("label"), str)
            )
            if not ok:
                return f"a card not in the CDS Hooks shape: {json.dumps(card)[:200]}"
        return None
    if status in (400, 401, 412):
        ok = (
            isinstance(data, dict)
            and isinstance(data.get("error"), str)
            and isinstance(data.get("message"), str)
            and data["message"]
        )
        return None if ok else f"{status} not {{error, message}}: {body[:200]!r}"
    return contract_problem(status, set(SECURITY_HEADER_NAMES), body)


_WEB_OK = {
    "/assess": {"text/html"},
    "/reassess": {"text/html"},
    "/case.yaml": {"application/yaml"},
    "/plot.svg": {"image/svg+xml"},
}


def _web_problem(path: str, response: httpx.Response) -> str | None:
    """Contract §7: a page (200), a download, or a redirect to the saved patient; refusals
    are pages that say what went wrong (role="alert"), never a bare error."""
    status = response.status_code
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if status in (303, 204):
        return None
    if status == 200:
        expected = _WEB_OK.get(path, {"text/html"})
        return None if media in expected else f"200 {path} as {media}"
    if status >= 400:
        if media == "application/json":  # refused before the page (413 body limit)
            return contract_problem(status, set(SECURITY_HEADER_NAMES), response.content)
        if media != "text/html" or 'role="alert"' not in response.text:
            return f"{status} {path} is not a page saying what went wrong ({media})"
        return None
    return f"unexpected {status} for {path}"


# --------------------------------------------------------------------------- the driver
def fuzz_bodies(
    the_bench: Bench,
    *,
    per_kind: int,
    kinds: tuple[str, ...] = KINDS,
    seed: int = 15,
    batch: int = 250,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """``per_kind`` requests of each kind; counts by status and the problems (route, status
    and shape only: never the body sent). ``progress`` gets the result so far after every
    batch of ``batch`` requests."""
    out: dict[str, Any] = {}

    def report(kind: str, so_far: dict[str, Any]) -> None:
        out[kind] = so_far
        if progress is not None:
            progress(out)

    for kind in kinds:
        out[kind] = _fuzz_kind(
            the_bench, kind, per_kind, seed=seed, batch=batch, report=partial(report, kind)
        )
    return out


def _fuzz_kind(
    the_bench: Bench,
    kind: str,
    requests: int,
    *,
    seed: int,
    batch: int,
    report: Callable[[dict[str, Any]], None],
) -> dict[str, Any]:
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    started = time.perf_counter()

    def call(request: tuple[str, str, dict[str, Any]]) -> None:
        method, path, kwargs = request
        response = the_bench.request(method, path, **kwargs)
        statuses[response.status_code] += 1
        found = problem(kind, path, response)
        if found is not None:
            route = re.sub(r"/patients/[^/]+/", "/patients/{id}/", path)
            problems.append(f"{method} {route}: {found}")

    def summary() -> dict[str, Any]:
        return {
            "requests": sum(statuses.values()),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "problem_count": len(problems),
            "problems": problems[:50],
            "seconds": round(time.perf_counter() - started, 1),
        }

    round_ = 0
    while (sent := sum(statuses.values())) < requests:
        run = settings(
            max_examples=min(batch, requests - sent),
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate],
        )(given(request=requests_of(kind, the_bench))(call))
        hypothesis_seed(seed + round_)(run)()
        round_ += 1
        if sum(statuses.values()) == sent:
            break  # nothing more to generate (a guard; not seen)
        report(summary())
    return summary()


def fuzz_bodies_on_store(
    backend: str,
    folder: Path,
    *,
    per_kind: int,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """The ``bodies`` section of ``benchmarks.reliability`` on a fresh database."""
    from myositis_cds.store import Store

    def result(kinds: dict[str, Any]) -> dict[str, Any]:
        problems = [p for k in kinds.values() for p in k["problems"]]
        return {"per_kind": per_kind, "kinds": kinds, "problems": problems}

    def so_far(kinds: dict[str, Any]) -> None:
        if progress is not None:
            progress({**result(kinds), "complete": False})

    with fresh_database(backend, folder) as url:
        store = Store.open(url)
        try:
            with bench(store, folder) as the_bench:
                kinds = fuzz_bodies(the_bench, per_kind=per_kind, progress=so_far)
        finally:
            store.close()
    return {**result(kinds), "complete": True}
