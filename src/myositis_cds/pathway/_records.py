"""The case's findings and antibody results grouped by code, for rules judged one at a time.

A stage that judges item by item (a classification criterion, a cancer-risk factor) groups the
records once per call and hands the grouping to its helpers, rather than every item rescanning,
and for antibodies re-sorting, the whole case. Each list keeps the order the rules rely on.
"""

from __future__ import annotations

from dataclasses import dataclass

from myositis_cds.case import AntibodyResult, Case, Finding

__all__ = ["RecordsByCode", "by_code"]


@dataclass(frozen=True)
class RecordsByCode:
    # Keyed by the code's value (codes are string enums), as the rules compared them.
    _findings: dict[str, list[Finding]]
    _antibodies: dict[str, list[AntibodyResult]]

    def findings(self, code: str | None) -> list[Finding]:
        """Findings of ``code`` in case order."""
        return self._findings.get(code, []) if code is not None else []

    def antibodies(self, code: str | None) -> list[AntibodyResult]:
        """Results of antibody ``code``, oldest first; results of one day in case order."""
        return self._antibodies.get(code, []) if code is not None else []


def by_code(case: Case) -> RecordsByCode:
    findings: dict[str, list[Finding]] = {}
    for finding in case.findings:
        findings.setdefault(finding.code, []).append(finding)
    antibodies: dict[str, list[AntibodyResult]] = {}
    for result in sorted(case.antibodies, key=lambda a: a.date):  # stable: ties keep case order
        antibodies.setdefault(result.code, []).append(result)
    return RecordsByCode(findings, antibodies)
