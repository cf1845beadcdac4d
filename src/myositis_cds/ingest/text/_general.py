"""General statements: sentences about a disease or about patients in general.

A case report's introduction and discussion (and, now and then, a clinic letter) describe the
disease: "Gottron papules are pathognomonic of DM", "patients with anti-NXP2 antibodies typically
have calcinosis", "there may also be dysphagia". Such a sentence states nothing about this
patient, even where no "Introduction" heading marks it. ConText's GENERIC triggers catch the
cue words inside their window; this rule looks at the whole sentence:

- it names no one in particular (no pronoun, "the patient", an age, a title and name, "on
  examination") and tells no story (no past-tense narrative verb: "was", "showed", "developed");
- and it carries a cue only general statements carry ("hallmark", "pathognomonic", "in 30% of
  patients", "has been reported", "the most common", "there may be"), or its subject is a
  disease or a population ("DM", "patients", "anti-MDA5 antibodies", "classic features") followed
  closely, in the same clause, by a generic predicate ("is a", "are typically", "can", "may").

The patterns are data (rules/patterns.yaml, ``patient_reference``, ``case_narrative``,
``general_strong``, ``general_subject_cue``).
"""

from __future__ import annotations

from myositis_cds.ingest.text._rules import Rules

__all__ = ["general_statement"]


def general_statement(sentence: str, rules: Rules) -> bool:
    """Whether ``sentence`` speaks about a disease or patients in general, not this patient.
    Clauses joined by a semicolon are judged one by one, and all must be general ("a quarter of
    adults with the disease have a cancer; the sigmoid cancer is the likely driver here" is not)."""
    clauses = [c for c in sentence.split(";") if c.strip()]
    return bool(clauses) and all(_general_clause(c, rules) for c in clauses)


def _general_clause(sentence: str, rules: Rules) -> bool:
    v = rules.value
    if any(rx.search(sentence) for rx in v["patient_reference"]):
        return False
    if any(rx.search(sentence) for rx in v["case_narrative"]):
        return False
    return any(rx.search(sentence) for rx in v["general_strong"]) or any(
        rx.search(sentence) for rx in v["general_subject_cue"]
    )
