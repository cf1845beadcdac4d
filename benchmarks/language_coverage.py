"""Which languages the free-text adapter reads, concept by concept (issue #10, i13b).

One sentence per language and core concept (benchmarks/language_probes.tsv: our own sentences,
written from each language's standard medical terms, verified U), run through the real
extractor; a cell passes when the extractor reads the value worked out by hand:

  sex     "a 50-year-old woman"            -> sex female
  neg     "no dysphagia"                   -> dysphagia absent
  dys     "dysphagia"                      -> dysphagia present
  helio   "heliotrope rash"                -> heliotrope_rash present
  weak    "proximal muscle weakness"       -> a proximal weakness item present
  ck      "creatine kinase 5000 U/L"       -> CK 5000
  lung    "lung cancer"                    -> a tumour of the lung
  family  "her mother had breast cancer"   -> no tumour for the patient ("·" when the language's
                                              cancer noun is not read at all: nothing to guard)
  abneg   "anti-Jo-1 negative"             -> Jo-1 negative

Usage: PYTHONPATH=src python benchmarks/language_coverage.py [--markdown]
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

from myositis_cds.ingest.text import extract_case

PROBES = Path(__file__).with_name("language_probes.tsv")
TODAY = date(2026, 11, 27)
CONCEPTS = ("sex", "neg", "dys", "helio", "weak", "ck", "lung", "family", "abneg")


def _read(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=TODAY, today=TODAY).case


def cell(concept: str, text: str) -> bool:
    """Whether the extractor reads the probe's hand-worked value."""
    case = _read(text)
    findings = {f.code.value: f.present for f in case.findings}
    if concept == "sex":
        return str(case.patient.sex.value) == "female"
    if concept == "neg":
        return findings.get("dysphagia") is False
    if concept == "dys":
        return findings.get("dysphagia") is True
    if concept == "helio":
        return findings.get("heliotrope_rash") is True
    if concept == "weak":
        return bool(
            findings.get("weakness_proximal_upper") or findings.get("weakness_proximal_lower")
        )
    if concept == "ck":
        return any(lab.code.value == "ck" and lab.value == 5000 for lab in case.labs)
    if concept == "lung":
        return any(t.site.value == "lung" for t in case.tumours)
    if concept == "family":
        return not case.tumours
    if concept == "abneg":
        return any(a.code.value == "JO1" and a.result.value == "negative" for a in case.antibodies)
    raise ValueError(concept)


def coverage() -> list[tuple[str, dict[str, str]]]:
    rows = []
    with PROBES.open(encoding="utf-8") as handle:
        for probe in csv.DictReader(handle, delimiter="\t"):
            marks: dict[str, str] = {}
            for concept in CONCEPTS:
                ok = cell(concept, probe[concept])
                marks[concept] = "✓" if ok else "–"
            if marks["lung"] == "–" and marks["family"] == "✓":
                marks["family"] = "·"
            rows.append((probe["lang"], marks))
    return rows


def main() -> None:
    rows = coverage()
    print("| lang | " + " | ".join(CONCEPTS) + " | read |")
    print("|---|" + "---|" * (len(CONCEPTS) + 1))
    for lang, marks in rows:
        read = sum(mark == "✓" for mark in marks.values())
        print(
            f"| {lang} | " + " | ".join(marks[c] for c in CONCEPTS) + f" | {read}/{len(CONCEPTS)} |"
        )
    total = sum(mark == "✓" for _, marks in rows for mark in marks.values())
    print(f"\ncells read: {total}/{len(rows) * len(CONCEPTS)}", file=sys.stderr)


if __name__ == "__main__":
    main()
