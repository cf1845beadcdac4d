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

import re
from collections.abc import Mapping

from myositis_cds.ingest.text._rules import Rules, may_match

__all__ = [
    "criteria_statement",
    "general_continued",
    "general_runs",
    "general_statement",
    "names_someone",
]


_GROUPS = (
    "patient_reference",
    "case_narrative",
    "general_strong",
    "general_subject_cue",
    "case_comparison",
    "general_anaphor",  # issue #10 (i28a)
)


def general_patterns(rules: Rules, note_gate: str) -> dict[str, list[re.Pattern[str]]]:
    """The patterns of general_statement that can match somewhere in the note whose gate text
    (``gate_text``) is ``note_gate`` (see may_match), found once per note: the others can match
    in none of its sentences (issue #10, i11a)."""
    return {k: [rx for rx in rules.value[k] if may_match(rx, note_gate)] for k in _GROUPS}


def general_statement(
    sentence: str, rules: Rules, patterns: Mapping[str, list[re.Pattern[str]]] | None = None
) -> bool:
    """Whether ``sentence`` speaks about a disease or patients in general, not this patient.
    Clauses joined by a semicolon are judged one by one, and all must be general ("a quarter of
    adults with the disease have a cancer; the sigmoid cancer is the likely driver here" is not).
    ``patterns``: general_patterns of the note the sentence is part of, when known."""
    clauses = [c for c in sentence.split(";") if c.strip()]
    v = rules.value if patterns is None else patterns
    return bool(clauses) and all(_general_clause(c, v) for c in clauses)


def _general_clause(sentence: str, v: Mapping[str, list[re.Pattern[str]]]) -> bool:
    for rx in v["case_comparison"]:  # "... as in our case": the tag, not the statement
        sentence = rx.sub(" ", sentence)
    if any(rx.search(sentence) for rx in v["patient_reference"]):
        return False
    if any(rx.search(sentence) for rx in v["case_narrative"]):
        return False
    return any(rx.search(sentence) for rx in v["general_strong"]) or any(
        rx.search(sentence) for rx in v["general_subject_cue"]
    )


def general_continued(
    sentence: str, rules: Rules, patterns: Mapping[str, list[re.Pattern[str]]] | None = None
) -> bool:
    """Whether ``sentence``, said right after a general statement, carries it on: its subject a
    pronoun or "this disease" with a present-tense predicate that characterises a disease ("It is
    characterized by proximal weakness ...", rules/patterns.yaml ``general_anaphor``), naming no
    one and telling no story (issue #10, i28a). The caller checks the sentence before it."""
    v = rules.value if patterns is None else patterns
    if names_someone(sentence, rules, patterns):
        return False
    return any(rx.search(sentence) for rx in v["general_anaphor"])


def names_someone(
    sentence: str, rules: Rules, patterns: Mapping[str, list[re.Pattern[str]]] | None = None
) -> bool:
    """Whether ``sentence`` names someone in particular or tells a story (rules/patterns.yaml
    ``patient_reference``, ``case_narrative``): what no general statement does."""
    v = rules.value if patterns is None else patterns
    return any(
        rx.search(sentence) for key in ("patient_reference", "case_narrative") for rx in v[key]
    )


# --------------------------------------------------------------------------- issue #10 (i10ar)
# A list item under a criteria sentence: a bullet or number, or a lower-case start ("fraqueza
# muscular proximal simétrica;"), or any line after an item that ended in ";" or ","
_ITEM_START = re.compile(r"\s*(?:[-•*·–—▪◦●○■□]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)")


def criteria_statement(sentence: str, rules: Rules) -> bool:
    """Whether ``sentence`` announces or lists a disease's diagnostic or classification criteria
    in general ("The Bohan and Peter criteria comprise ...", "A dermatopolimiosite apresenta os
    seguintes critérios para seu diagnóstico:"), not this patient's ("she fulfilled four
    criteria", "EULAR/ACR score 7.9", a checklist answered "yes"/"no")."""
    v = rules.value
    if not any(rx.search(sentence) for rx in v["criteria_list"]):
        return False
    return not any(
        rx.search(sentence)
        for key in ("criteria_met", "patient_reference", "case_narrative")
        for rx in v[key]
    )


def general_runs(texts: list[str], segments: list[object], rules: Rules) -> list[bool]:
    """Which of the sentences ``texts`` (in reading order, each with its section ``segments``)
    belong to a list of criteria: the sentence announcing them, and the items after it when it
    ends in a colon, while they read as list items in the same section (a bullet, a number, a
    lower-case start, or after an item ending in ";" or ","). A sentence with the patient's
    answer ("yes", "✓") or a reference to the patient ends the list.

    Issue #10 (i10ay): the items under a heading of safety-net advice ("Come back right away
    if", "Warning signs:", rules/patterns.yaml ``condition_heading``) are conditions, not what
    the patient has: they belong to the run too (they speak to the patient, "you cannot
    swallow", so a reference to the patient does not end it; a line that is no list item
    does). The heading itself states nothing."""
    out = [False] * len(texts)
    listing = False
    conditions = False
    previous = ""
    for i, text in enumerate(texts):
        if listing:
            item = (
                segments[i] is segments[i - 1]
                and (
                    _ITEM_START.match(text) is not None
                    or text.lstrip()[:1].islower()
                    or previous.rstrip()[-1:] in ";,"
                )
                and (
                    conditions
                    or not any(
                        rx.search(text)
                        for key in ("criteria_met", "patient_reference")
                        for rx in rules.value[key]
                    )
                )
            )
            if item:
                out[i] = True
                previous = text
                continue
            listing = conditions = False
        if any(rx.search(text.strip()) for rx in rules.value["condition_heading"]):
            listing = conditions = True
            previous = text
        elif criteria_statement(text, rules):
            out[i] = True
            listing = text.rstrip().endswith(":")
            previous = text
    return out
