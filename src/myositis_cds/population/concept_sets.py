"""Concept sets as data (``concepts/myositis_concepts.yaml``), resolved against a CDM's vocabulary.

A concept-set entry names a vocabulary code. :func:`resolve` looks every code up in the CDM's own
``concept`` table and expands entries marked ``descendants`` through ``concept_ancestor`` (or, for
ICD-10-CM and ICD-10, which have no ancestor rows, by code prefix), so the same file works on any
CDM. The result is two small tables the engine joins against: concept ids and source-value codes,
each with the case field they become. Codes the vocabulary lacks are named in a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from myositis_cds.knowledge import Verified, load_packaged_yaml

__all__ = ["ConceptEntry", "ConceptSets", "Kind", "Resolved", "concept_sets", "resolve"]

Kind = Literal[
    "diagnosis",
    "finding",
    "lab",
    "antibody",
    "investigation",
    "biopsy",
    "treatment",
    "cancer",
    "result",
]
# Vocabularies whose codes are hierarchical by prefix (no concept_ancestor rows for them).
PREFIX_VOCABULARIES = frozenset({"ICD10CM", "ICD10", "ICD9CM"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConceptEntry(_Strict):
    kind: Kind
    code: str
    vocabulary: str
    concept_code: str
    name: str
    omop_concept_id: int | None = None
    descendants: bool = False
    verified: Verified
    source: str

    @property
    def label(self) -> str:
        return f"{self.vocabulary} {self.concept_code} ({self.name})"


class _Meta(_Strict):
    id: str
    title: str
    version: str
    checked: date
    notes: list[str]


class ConceptSets(_Strict):
    meta: _Meta
    concepts: list[ConceptEntry]


@cache
def concept_sets() -> ConceptSets:
    return load_packaged_yaml(
        "myositis_cds.population", "concepts/myositis_concepts.yaml", ConceptSets
    )


def normalise_code(code: str) -> str:
    """Source codes are compared upper-case without dots or spaces (M33.10 = m3310)."""
    return code.upper().replace(".", "").replace(" ", "")


@dataclass
class Resolved:
    """What the engine joins against."""

    # concept_id → (kind, code): from the CDM's concept table, expanded.
    by_concept: list[tuple[int, str, str]] = field(default_factory=list)
    # normalised source-value code → (kind, code, prefix match?)
    by_source_value: list[tuple[str, str, str, bool]] = field(default_factory=list)
    missing: list[ConceptEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def resolve(
    concept: Any, concept_ancestor: Any | None, data: ConceptSets | None = None
) -> Resolved:
    """Resolve every entry against ``concept`` (an ibis table, lower-case columns) and expand
    descendants through ``concept_ancestor`` (``None`` when the CDM has none)."""
    import ibis

    data = data or concept_sets()
    out = Resolved()
    looked_up = [e for e in data.concepts if e.vocabulary != "local"]
    for e in data.concepts:
        if e.vocabulary in PREFIX_VOCABULARIES or e.vocabulary == "local":
            out.by_source_value.append(
                (
                    normalise_code(e.concept_code),
                    e.kind,
                    e.code,
                    e.descendants and e.vocabulary != "local",
                )
            )

    # One query for every listed code: vocabulary + code (prefix vocabularies: code prefix).
    keys = ibis.memtable(
        {
            "entry": list(range(len(looked_up))),
            "vocabulary_id": [e.vocabulary for e in looked_up],
            "concept_code": [e.concept_code for e in looked_up],
            "is_prefix": [e.descendants and e.vocabulary in PREFIX_VOCABULARIES for e in looked_up],
        }
    )
    c = concept.select("concept_id", "vocabulary_id", "concept_code")
    # Exact codes by an equi-join (fast on a full Athena vocabulary); prefixes only among the
    # few vocabularies that need them.
    exact = c.join(
        keys, [c.vocabulary_id == keys.vocabulary_id, c.concept_code == keys.concept_code]
    ).select(keys.entry, c.concept_id)
    prefix_keys = keys.filter(keys.is_prefix)
    pc = c.filter(c.vocabulary_id.isin(sorted(PREFIX_VOCABULARIES)))
    by_prefix = pc.join(
        prefix_keys,
        [
            pc.vocabulary_id == prefix_keys.vocabulary_id,
            pc.concept_code.startswith(prefix_keys.concept_code),
        ],
    ).select(prefix_keys.entry, pc.concept_id)
    hit = exact.union(by_prefix)
    found = hit.to_pyarrow().to_pydict()
    ids_per_entry: dict[int, set[int]] = {}
    for entry, cid in zip(found["entry"], found["concept_id"], strict=True):
        ids_per_entry.setdefault(int(entry), set()).add(int(cid))

    expand = [
        (i, cid)
        for i, e in enumerate(looked_up)
        if e.descendants and e.vocabulary not in PREFIX_VOCABULARIES
        for cid in ids_per_entry.get(i, ())
    ]
    if expand and concept_ancestor is not None:
        roots = ibis.memtable(
            {"entry": [i for i, _ in expand], "ancestor": [cid for _, cid in expand]}
        )
        ca = concept_ancestor.select("ancestor_concept_id", "descendant_concept_id")
        desc = ca.join(roots, ca.ancestor_concept_id == roots.ancestor).select(
            roots.entry, ca.descendant_concept_id
        )
        got = desc.to_pyarrow().to_pydict()
        for entry, cid in zip(got["entry"], got["descendant_concept_id"], strict=True):
            ids_per_entry.setdefault(int(entry), set()).add(int(cid))
    elif expand:
        out.warnings.append(
            "the CDM has no concept_ancestor table: concept sets are used without descendants "
            "(records coded with a more specific concept than the ones listed are missed)"
        )

    seen: set[tuple[int, str, str]] = set()
    for i, e in enumerate(looked_up):
        ids = ids_per_entry.get(i)
        if not ids:
            out.missing.append(e)
            continue
        for cid in sorted(ids):
            key = (cid, e.kind, e.code)
            if key not in seen:
                seen.add(key)
                out.by_concept.append(key)
    if out.missing:
        listed = ", ".join(e.label for e in out.missing[:12])
        more = f" and {len(out.missing) - 12} more" if len(out.missing) > 12 else ""
        out.warnings.append(
            f"{len(out.missing)} listed code(s) are not in this CDM's vocabulary and cannot "
            f"match a standard concept: {listed}{more}"
        )
    return out
