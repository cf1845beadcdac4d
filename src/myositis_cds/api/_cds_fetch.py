"""The patient's FHIR data for one CDS Hooks call: from the prefetch, else from the FHIR server.

CDS Hooks 2.0.1 §Prefetch: a key the client chose not to satisfy is absent; a key whose query
found nothing is ``null``. Whatever is missing is fetched from ``fhirServer`` with the
``fhirAuthorization.access_token`` (short timeouts, searchset pages followed); when the data is
neither prefetched nor fetchable the service answers 412. The access token is never logged.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from myositis_cds.ingest.fhir import FhirResource

__all__ = ["PREFETCH", "PrefetchMissing", "gather_resources"]

log = logging.getLogger("myositis_cds.cds_hooks")

# key → FHIR query (CDS Hooks prefetch template); one patient's data for the pathway.
PREFETCH: dict[str, str] = {
    "patient": "Patient/{{context.patientId}}",
    "conditions": "Condition?patient={{context.patientId}}",
    "observations": "Observation?patient={{context.patientId}}",
    "procedures": "Procedure?patient={{context.patientId}}",
    "diagnosticReports": "DiagnosticReport?patient={{context.patientId}}",
    "medicationStatements": "MedicationStatement?patient={{context.patientId}}",
    "medicationRequests": "MedicationRequest?patient={{context.patientId}}",
}
MAX_PAGES = 20

# httpx logs every request URL at INFO; ours carry the patient id, so they are not logged.
_FETCHING: contextvars.ContextVar[bool] = contextvars.ContextVar("cds_fetching", default=False)


class _QuietWhileFetching(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not _FETCHING.get()


if not any(isinstance(f, _QuietWhileFetching) for f in logging.getLogger("httpx").filters):
    logging.getLogger("httpx").addFilter(_QuietWhileFetching())
TIMEOUT = httpx.Timeout(5.0, connect=2.0)


class PrefetchMissing(Exception):
    """412: data the service needs is neither in the prefetch nor fetchable."""


def _query(template: str, patient_id: str) -> str:
    # The id comes from the client: percent-encoded, it stays one path segment or one search
    # value whatever it holds (raw, a control character made httpx refuse the URL: a 500).
    return template.replace("{{context.patientId}}", quote(patient_id, safe=""))


def _usable(value: Any) -> bool:
    """A prefetched value the service can read (an OperationOutcome means the client failed)."""
    return isinstance(value, Mapping) and value.get("resourceType") not in (
        None,
        "OperationOutcome",
    )


async def gather_resources(
    *,
    patient_id: str,
    prefetch: Mapping[str, Any] | None,
    fhir_server: str | None,
    access_token: str | None,
    allow_http: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[FhirResource]:
    """Every resource of the patient, each with a path naming where it came from."""
    prefetch = prefetch or {}
    resources: list[FhirResource] = []
    missing: list[str] = []
    for key in PREFETCH:
        if key in prefetch and prefetch[key] is None:
            continue  # the client looked and found nothing
        value = prefetch.get(key)
        if isinstance(value, Mapping) and _usable(value):
            resources += _unpack(value, f"prefetch.{key}")
        else:
            missing.append(key)
    if missing:
        if not fhir_server:
            raise PrefetchMissing(
                f"prefetch lacks {', '.join(missing)} and no fhirServer was given to fetch it"
            )
        scheme = urlsplit(fhir_server).scheme
        if scheme != "https" and not (allow_http and scheme == "http"):
            raise PrefetchMissing("fhirServer must use https")
        fetched = await _fetch_all(
            fhir_server,
            [(k, _query(PREFETCH[k], patient_id)) for k in missing],
            access_token,
            transport,
        )
        for key, value in fetched:
            resources += _unpack(value, f"fetched.{key}")
    return _unique(resources)


def _unpack(value: Mapping[str, Any], where: str) -> list[FhirResource]:
    if value.get("resourceType") != "Bundle":
        return [FhirResource(where, value)]
    out = []
    entries = value.get("entry") or []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, Mapping):
            continue
        res = entry.get("resource")
        search = entry.get("search")
        if isinstance(search, Mapping) and search.get("mode") == "outcome":
            continue
        if isinstance(res, Mapping) and isinstance(res.get("resourceType"), str):
            out.append(FhirResource(f"{where}.entry[{i}].resource", res))
    return out


def _unique(resources: list[FhirResource]) -> list[FhirResource]:
    """One copy of each (type, id): a resource may come in two prefetch keys or two pages."""
    seen: set[tuple[str, str]] = set()
    out = []
    for res in resources:
        rid = res.data.get("id")
        key = (res.type, str(rid))
        if rid is not None and key in seen:
            continue
        seen.add(key)
        out.append(res)
    return out


async def _fetch_all(
    base: str,
    queries: list[tuple[str, str]],
    access_token: str | None,
    transport: httpx.AsyncBaseTransport | None,
) -> list[tuple[str, Mapping[str, Any]]]:
    headers = {"Accept": "application/fhir+json"}
    if access_token:
        headers["Authorization"] = f"Bearer {access_token}"
    quiet = _FETCHING.set(True)  # this task and the fetches it starts (they copy the context)
    try:
        async with httpx.AsyncClient(
            base_url=base.rstrip("/") + "/", headers=headers, timeout=TIMEOUT, transport=transport
        ) as client:
            results = await asyncio.gather(*(_fetch_one(client, key, q) for key, q in queries))
    finally:
        _FETCHING.reset(quiet)
    return [(key, page) for (key, _), pages in zip(queries, results, strict=True) for page in pages]


async def _fetch_one(client: httpx.AsyncClient, key: str, query: str) -> list[Mapping[str, Any]]:
    pages: list[Mapping[str, Any]] = []
    url: str | None = query
    while url is not None and len(pages) < MAX_PAGES:
        try:
            response = await client.get(url)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a bad next link
            # the type only: a URL could carry the patient id, a header the token
            log.warning("cds-hooks fetch of %s failed: %s", key, type(exc).__name__)
            raise PrefetchMissing(f"the FHIR server could not be reached for {key}") from None
        if response.status_code == 404 and key == "patient":
            raise PrefetchMissing("the FHIR server has no such patient")
        if response.status_code != 200:
            log.warning("cds-hooks fetch of %s: HTTP %d", key, response.status_code)
            raise PrefetchMissing(f"the FHIR server answered {response.status_code} for {key}")
        try:
            data = response.json()
        except (ValueError, RecursionError):  # RecursionError: nested deeper than Python reads
            raise PrefetchMissing(f"the FHIR server's answer for {key} is not JSON") from None
        if not _usable(data):
            raise PrefetchMissing(f"the FHIR server's answer for {key} is not a resource")
        pages.append(data)
        url = _next_link(data)
        if url is not None and not _same_origin(url, str(client.base_url)):
            # never send the access token to another host named in a paging link
            raise PrefetchMissing(f"the FHIR server's next page for {key} is on another host")
    return pages


def _same_origin(url: str, base: str) -> bool:
    target, origin = urlsplit(url), urlsplit(base)
    if not target.scheme:  # a relative link stays on the server
        return True
    return (target.scheme, target.netloc) == (origin.scheme, origin.netloc)


def _next_link(bundle: Mapping[str, Any]) -> str | None:
    if bundle.get("resourceType") != "Bundle":
        return None
    for link in bundle.get("link") or []:
        if isinstance(link, Mapping) and link.get("relation") == "next":
            target = link.get("url")
            return str(target) if isinstance(target, str) else None
    return None
