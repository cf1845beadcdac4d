"""FHIR R4 in: a Bundle (collection, searchset, transaction, document, batch) → Case.

Reads Patient, Condition, Observation (labs, antibodies, exam findings, tumour measurements),
Procedure and DiagnosticReport (screening tests, muscle biopsy, operations),
MedicationStatement / MedicationRequest and Encounter, with the R4B models of ``fhir.resources``
(install the ``fhir`` extra). Codes are mapped by the tables in ``codes.yaml``; local codes fall
back to their display and text through the free-text adapter's lexicon. Whatever maps to nothing
is counted by type in the warnings; invalid FHIR is a :class:`~myositis_cds.errors.CaseError`
naming the FHIR path.

>>> from myositis_cds.ingest.fhir import read_bundle                     # doctest: +SKIP
>>> result = read_bundle(json.load(open("examples/reference-case.fhir.json")))  # doctest: +SKIP
>>> result.case.antibodies[0].code                                       # doctest: +SKIP
<AntibodyCode.TIF1G: 'TIF1G'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from myositis_cds.case import Case, parse_case
from myositis_cds.errors import CaseError, FieldProblem
from myositis_cds.ingest.fhir._read import READ_TYPES, FhirResource, draft_case, iter_entries

__all__ = [
    "BUNDLE_TYPES",
    "READ_TYPES",
    "FhirCase",
    "FhirResource",
    "parse_bundle_text",
    "read_bundle",
    "read_resources",
]

BUNDLE_TYPES = frozenset({"collection", "searchset", "transaction", "document", "batch"})


@dataclass(frozen=True)
class FhirCase:
    """The case read from FHIR and what the reading left out or assumed."""

    case: Case
    warnings: list[str]
    myositis_recorded: bool = False  # a Condition (or course Observation) names the myositis


def read_bundle(data: Any, *, today: date | None = None) -> FhirCase:
    """A parsed FHIR Bundle (JSON object) → :class:`FhirCase`, or :class:`CaseError`."""
    if not isinstance(data, Mapping):
        raise CaseError.single("(file)", "a FHIR Bundle must be a JSON object")
    rtype = data.get("resourceType")
    if rtype != "Bundle":
        raise CaseError.single(
            "resourceType", f"{rtype!r} is not read on its own; send a Bundle of the patient's data"
        )
    btype = data.get("type")
    if not isinstance(btype, str) or btype not in BUNDLE_TYPES:  # a list or object: not a code
        shown = repr(btype) if isinstance(btype, str | int | float | bool) else "a non-code"
        raise CaseError.single(
            "Bundle.type",
            f"{shown[:40]} is not read; use one of {', '.join(sorted(BUNDLE_TYPES))}"
            if btype is not None
            else "is required",
        )
    return read_resources(iter_entries(data), today=today)


def read_resources(resources: Iterable[FhirResource], *, today: date | None = None) -> FhirCase:
    """One patient's resources (each with its FHIR path) → :class:`FhirCase`."""
    draft = draft_case(list(resources), today)
    try:
        case = parse_case(draft.case, today=today)
    except CaseError as exc:
        raise CaseError(
            FieldProblem(draft.fhir_path(p.path), f"{p.message} (case field {p.path})")
            for p in exc.problems
        ) from None
    return FhirCase(case, draft.warnings(), draft.myositis_recorded)


def parse_bundle_text(text: str, *, today: date | None = None) -> FhirCase:
    """JSON text of a Bundle → :class:`FhirCase`."""
    from myositis_cds.ingest.files import load_json

    return read_bundle(load_json(text), today=today)
