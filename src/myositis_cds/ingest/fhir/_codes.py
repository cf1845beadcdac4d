"""The FHIR adapter's code tables (``codes.yaml``) and the shared lexicon, loaded once.

Codes are looked up by (system URI, code). Local codes fall back to ``coding.display`` and
``code.text`` read through the free-text adapter's lexicon (``ingest/text/rules/lexicon.yaml``,
with its own loader and matcher): one lexicon for both adapters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from myositis_cds.case import AntibodyCode, FindingCode, InvestigationCode, LabCode
from myositis_cds.knowledge import load_packaged_yaml

__all__ = ["CodeTables", "Vocabulary", "vocabulary"]

Verified = Literal["V", "S", "U"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodeEntry(_Strict):
    system: str
    code: str
    display: str
    to: str | None = None
    verified: Verified
    source: str


class MeasureEntry(_Strict):
    codes: list[CodeEntry]
    terms: list[str]


class TumourMeasures(_Strict):
    size_mm: MeasureEntry
    ki67_percent: MeasureEntry
    mitoses: MeasureEntry
    nodes: MeasureEntry
    metastases: MeasureEntry
    functional: MeasureEntry
    symptomatic: MeasureEntry


class CodeTables(_Strict):
    meta: dict[str, Any]
    sources: dict[str, str]
    systems: dict[str, str]
    myositis: list[CodeEntry]
    findings: list[CodeEntry]
    labs: list[CodeEntry]
    antibodies: list[CodeEntry]
    investigations: list[CodeEntry]
    routes: list[CodeEntry]
    drugs: list[CodeEntry]
    tumour_measures: TumourMeasures
    polarity: list[CodeEntry]

    @model_validator(mode="after")
    def _known(self) -> CodeTables:
        allowed: dict[str, set[str]] = {
            "myositis": {"dermatomyositis", "polymyositis"},
            "findings": {c.value for c in FindingCode},
            "labs": {c.value for c in LabCode},
            "antibodies": {c.value for c in AntibodyCode},
            "investigations": {c.value for c in InvestigationCode},
            "routes": {"oral", "intravenous", "subcutaneous", "topical"},
            "polarity": {
                "positive",
                "weak_positive",
                "negative",
                "indeterminate",
                "normal",
                "abnormal",
                "high",
            },
        }
        for section, codes in allowed.items():
            for entry in getattr(self, section):
                self._check(section, entry, codes)
        for entry in self.drugs:
            self._check("drugs", entry, None)
        for name in TumourMeasures.model_fields:
            for entry in getattr(self.tumour_measures, name).codes:
                self._check(f"tumour_measures.{name}", entry, None)
        return self

    def _check(self, section: str, entry: CodeEntry, codes: set[str] | None) -> None:
        if entry.system not in self.systems:
            raise ValueError(f"{section}: {entry.code}: unknown system {entry.system!r}")
        if entry.source not in self.sources:
            raise ValueError(f"{section}: {entry.code}: unknown source {entry.source!r}")
        if codes is not None and entry.to not in codes:
            raise ValueError(f"{section}: {entry.code}: {entry.to!r} is not one of {sorted(codes)}")


class Vocabulary:
    """Lookups by code and by words, built once per process."""

    def __init__(self) -> None:
        self.tables = _load_tables()
        t = self.tables
        self._by_code: dict[str, dict[tuple[str, str], str]] = {}
        for section in (
            "myositis",
            "findings",
            "labs",
            "antibodies",
            "investigations",
            "routes",
            "drugs",
            "polarity",
        ):
            self._by_code[section] = {
                (t.systems[e.system], e.code): e.to or "" for e in getattr(t, section)
            }
        self.measure_by_code: dict[tuple[str, str], str] = {}
        self.measure_terms: dict[str, list[str]] = {}
        for name in TumourMeasures.model_fields:
            entry: MeasureEntry = getattr(t.tumour_measures, name)
            for c in entry.codes:
                self.measure_by_code[(t.systems[c.system], c.code)] = name
            self.measure_terms[name] = entry.terms

        # The text adapter's lexicon, through its own loader and matcher (one lexicon).
        from myositis_cds.ingest.text._rules import Lexicon, TermMatcher, _load

        lex: Lexicon = _load("lexicon", Lexicon)
        self.lexicon = lex
        self.findings = TermMatcher("findings", {str(k): v for k, v in lex.findings.items()})
        self.labs = TermMatcher("labs", {str(k): v.terms for k, v in lex.labs.items()})
        self.antibodies = TermMatcher("antibodies", {str(k): v for k, v in lex.antibodies.items()})
        self.investigations = TermMatcher(
            "investigations", {str(k): v for k, v in lex.investigations.items()}
        )
        self.treatments = TermMatcher("treatments", {k: v.terms for k, v in lex.treatments.items()})
        self.routes = TermMatcher("routes", {str(k): v for k, v in lex.routes.items()})
        self.histology = TermMatcher(
            "tumour.histology", {str(k): v for k, v in lex.tumour.histology.items()}
        )
        self.sites = TermMatcher("tumour.sites", {str(k): v for k, v in lex.tumour.sites.items()})
        self.operations = TermMatcher(
            "tumour.operations", {str(k): v for k, v in lex.tumour.operations.items()}
        )
        self.events = TermMatcher("events", {str(k): v for k, v in lex.events.items()})
        self.myositis = TermMatcher("myositis", {"myositis": lex.myositis})
        self.biopsy_trigger = TermMatcher(
            "muscle_biopsy.trigger", {"muscle_biopsy": lex.muscle_biopsy.trigger}
        )
        self.biopsy_features = TermMatcher(
            "muscle_biopsy.features", {str(k): v for k, v in lex.muscle_biopsy.features.items()}
        )
        self.measures = TermMatcher("tumour_measures", self.measure_terms)

    def by_code(self, section: str, codings: Iterable[Mapping[str, Any]]) -> str | None:
        table = self._by_code[section]
        for coding in codings:
            hit = table.get((str(coding.get("system")), str(coding.get("code"))))
            if hit is not None:
                return hit
        return None

    def measure_code(self, codings: Iterable[Mapping[str, Any]]) -> str | None:
        for coding in codings:
            hit = self.measure_by_code.get((str(coding.get("system")), str(coding.get("code"))))
            if hit is not None:
                return hit
        return None


# A local antibody code is read from its words only when they say it is an antibody test:
# "MDA5" alone could be a gene, "Ku" or "EJ" a word.
ANTIBODY_CUE = re.compile(r"(?<![a-z])(?:anti|ab|abs|antibod\w*|autoantibod\w*)(?![a-z])", re.I)


def _load_tables() -> CodeTables:
    return load_packaged_yaml(__package__ or __name__, "codes.yaml", CodeTables)


@cache
def vocabulary() -> Vocabulary:
    """The validated code tables and lexicon matchers (loaded once per process)."""
    return Vocabulary()
