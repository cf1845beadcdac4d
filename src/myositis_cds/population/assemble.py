"""Candidates and the facts of their cases, found set-based in the engine (ibis, no Python loop).

1. Every clinical table the screen reads is brought to one shape (person, concept, source
   concept, source value, dates, value, unit, range) and matched to the resolved concept sets:
   by standard concept id; for unmapped records (concept id 0) by source concept id or by the
   source value (ICD-10-CM codes with or without the dot, a site's local codes).
2. Candidates are the persons with an idiopathic inflammatory myopathy diagnosis record.
3. Their matched records are deduplicated, those outside every observation period counted and
   left out, and each is joined to the person's sex and birth fields. The result is one long
   table, one row per fact, sorted by person: :func:`myositis_cds.population.cases.build_case`
   turns one person's rows into a :class:`~myositis_cds.case.Case`.
"""

from __future__ import annotations

from typing import Any

from myositis_cds.population.cdm import Cdm
from myositis_cds.population.concept_sets import Resolved

__all__ = ["FACT_COLUMNS", "candidates", "facts"]

# One row per fact: what the case builder reads (same columns on every engine).
FACT_COLUMNS = (
    "person_id",
    "gender_concept_id",
    "year_of_birth",
    "month_of_birth",
    "day_of_birth",
    "birth_date",
    "left_out",
    "kind",
    "code",
    "day",
    "end_day",
    "value",
    "value_result",
    "unit",
    "range_low",
    "range_high",
)

# Table → its columns in the common shape (None: the table has no such column).
_SHAPES: dict[str, dict[str, str | None]] = {
    "condition_occurrence": {
        "concept_id": "condition_concept_id",
        "source_concept_id": "condition_source_concept_id",
        "source_value": "condition_source_value",
        "day": "condition_start_date",
        "end_day": "condition_end_date",
        "value": None,
        "value_concept_id": None,
        "unit_concept_id": None,
        "unit_source": None,
        "range_low": None,
        "range_high": None,
    },
    "observation": {
        "concept_id": "observation_concept_id",
        "source_concept_id": "observation_source_concept_id",
        "source_value": "observation_source_value",
        "day": "observation_date",
        "end_day": None,
        "value": "value_as_number",
        "value_concept_id": "value_as_concept_id",
        "unit_concept_id": None,
        "unit_source": None,
        "range_low": None,
        "range_high": None,
    },
    "measurement": {
        "concept_id": "measurement_concept_id",
        "source_concept_id": "measurement_source_concept_id",
        "source_value": "measurement_source_value",
        "day": "measurement_date",
        "end_day": None,
        "value": "value_as_number",
        "value_concept_id": "value_as_concept_id",
        "unit_concept_id": "unit_concept_id",
        "unit_source": "unit_source_value",
        "range_low": "range_low",
        "range_high": "range_high",
    },
    "procedure_occurrence": {
        "concept_id": "procedure_concept_id",
        "source_concept_id": "procedure_source_concept_id",
        "source_value": "procedure_source_value",
        "day": "procedure_date",
        "end_day": None,
        "value": None,
        "value_concept_id": None,
        "unit_concept_id": None,
        "unit_source": None,
        "range_low": None,
        "range_high": None,
    },
    "drug_exposure": {
        "concept_id": "drug_concept_id",
        "source_concept_id": "drug_source_concept_id",
        "source_value": "drug_source_value",
        "day": "drug_exposure_start_date",
        "end_day": "drug_exposure_end_date",
        "value": None,
        "value_concept_id": None,
        "unit_concept_id": None,
        "unit_source": None,
        "range_low": None,
        "range_high": None,
    },
}
_TYPES = {
    "concept_id": "int64",
    "source_concept_id": "int64",
    "source_value": "string",
    "day": "date",
    "end_day": "date",
    "value": "float64",
    "value_concept_id": "int64",
    "unit_concept_id": "int64",
    "unit_source": "string",
    "range_low": "float64",
    "range_high": "float64",
}


def _events(cdm: Cdm, table: str) -> Any:
    import ibis

    t = cdm.tables[table]
    cols = [t.person_id]
    for name, source in _SHAPES[table].items():
        expr = t[source] if source is not None else ibis.null(_TYPES[name])
        cols.append(expr.cast(_TYPES[name]).name(name))
    return t.select(*cols)


def _lookups(cdm: Cdm, resolved: Resolved) -> tuple[Any, Any]:
    by_concept = cdm.small_table(
        "iim_concept_map",
        {
            "map_concept_id": [r[0] for r in resolved.by_concept] or [-1],
            "map_kind": [r[1] for r in resolved.by_concept] or ["none"],
            "map_code": [r[2] for r in resolved.by_concept] or ["none"],
        },
    )
    by_source = cdm.small_table(
        "iim_source_map",
        {
            "map_source": [r[0] for r in resolved.by_source_value] or ["\x00"],
            "map_kind": [r[1] for r in resolved.by_source_value] or ["none"],
            "map_code": [r[2] for r in resolved.by_source_value] or ["none"],
            "map_prefix": [r[3] for r in resolved.by_source_value] or [False],
        },
    )
    return by_concept, by_source


def _match(e: Any, by_concept: Any, by_source: Any) -> list[Any]:
    """The records of ``e`` in a concept set: by concept id; when unmapped (concept 0), by source
    concept id or by source value."""
    keep = ("person_id", *_TYPES)
    mapped = e.join(by_concept, e.concept_id == by_concept.map_concept_id)
    unmapped = e.filter(e.concept_id.isnull() | (e.concept_id == 0))
    by_src_id = unmapped.join(by_concept, unmapped.source_concept_id == by_concept.map_concept_id)
    norm = unmapped.mutate(src_norm=unmapped.source_value.upper().replace(".", "").replace(" ", ""))
    by_src_value = norm.join(
        by_source,
        (norm.src_norm == by_source.map_source)
        | (by_source.map_prefix & norm.src_norm.startswith(by_source.map_source)),
    )
    return [
        part.select(*keep, kind=part.map_kind, code=part.map_code)
        for part in (mapped, by_src_id, by_src_value)
    ]


def _union(parts: list[Any]) -> Any:
    out = parts[0]
    for part in parts[1:]:
        out = out.union(part, distinct=False)
    return out


def _only(table: Any, cand: Any) -> Any:
    """The rows of ``table`` that belong to a candidate. An inner join on the distinct candidate
    ids (ibis compiles SEMI JOIN, which PostgreSQL does not accept with an in-memory table)."""
    return table.join(cand, "person_id").select(*table.columns)


def candidates(cdm: Cdm, resolved: Resolved) -> Any:
    """Persons with at least one IIM diagnosis record (one row each), as a cached table: every
    later step reads only their records."""
    by_concept, by_source = _lookups(cdm, resolved)
    by_concept = by_concept.filter(by_concept.map_kind == "diagnosis")
    by_source = by_source.filter(by_source.map_kind == "diagnosis")
    parts = [
        part
        for table in ("condition_occurrence", "observation")
        if table in cdm.tables
        for part in _match(_events(cdm, table), by_concept, by_source)
    ]
    return cdm.cache(_union(parts).select("person_id").distinct())


def facts(cdm: Cdm, resolved: Resolved) -> Any:
    """The long fact table of every candidate (see ``FACT_COLUMNS``), sorted by person."""
    import ibis

    cand = candidates(cdm, resolved)
    by_concept, by_source = _lookups(cdm, resolved)
    m = _union(
        [
            part
            for table in _SHAPES
            if table in cdm.tables
            for part in _match(_only(_events(cdm, table), cand), by_concept, by_source)
        ]
    )

    # Records outside every observation period are left out and counted (for persons who have
    # observation periods at all; a CDM without the table keeps everything). One pass: a flag
    # per record from a left join, the count per person from a window.
    if "observation_period" in cdm.tables:
        op = cdm.tables["observation_period"]
        op = _only(op, cand)
        observed = op.select(observed_id=op.person_id).distinct()
        m = m.left_join(
            op,
            [
                m.person_id == op.person_id,
                m.day >= op.observation_period_start_date,
                m.day <= op.observation_period_end_date,
            ],
        ).select(*m.columns, in_period=op.person_id.notnull())
        m = m.left_join(observed, m.person_id == observed.observed_id).select(
            *m.columns, outside=~m.in_period & observed.observed_id.notnull()
        )
        # One row per record (overlapping periods give several matches), then count and drop.
        m = m.group_by([c for c in m.columns if c not in ("in_period", "outside")]).aggregate(
            outside=m.outside.all()
        )
        m = m.mutate(
            left_out=ibis.ifelse(m.outside, 1, 0).sum().over(ibis.window(group_by=m.person_id))
        )
        m = m.filter(~m.outside)
    else:
        m = m.mutate(left_out=ibis.literal(0, "int64"))

    # Qualitative result and unit, read through the vocabulary.
    concept = cdm.tables["concept"]
    results = {cid: code for cid, kind, code in resolved.by_concept if kind == "result"}
    result_map = cdm.small_table(
        "iim_result_map",
        {
            "result_concept_id": list(results) or [-1],
            "result_label": list(results.values()) or ["none"],
        },
    )
    m = m.filter(m.kind != "result")
    unit_concept = concept.select(unit_id=concept.concept_id, unit_code=concept.concept_code)
    m = m.left_join(result_map, m.value_concept_id == result_map.result_concept_id).left_join(
        unit_concept, m.unit_concept_id == unit_concept.unit_id
    )
    m = m.select(
        "person_id",
        "left_out",
        "kind",
        "code",
        "day",
        "end_day",
        "value",
        value_result=m.result_label,
        unit=ibis.coalesce(
            ibis.ifelse(m.unit_code.isin(["", "No matching concept"]), None, m.unit_code),
            ibis.ifelse(m.unit_source == "", None, m.unit_source),
        ),
        range_low=m.range_low,
        range_high=m.range_high,
    ).distinct()

    person = cdm.tables["person"]
    p = _only(person, cand)
    p = p.select(
        "person_id",
        "gender_concept_id",
        "year_of_birth",
        "month_of_birth",
        "day_of_birth",
        birth_date=p.birth_datetime.cast("date"),
    )
    joined = m.join(p, "person_id")
    person_columns = FACT_COLUMNS[: FACT_COLUMNS.index("birth_date") + 1]
    joined = joined.select(
        *person_columns,
        left_out=joined.left_out.cast("int64"),
        **{name: joined[name] for name in FACT_COLUMNS[len(person_columns) + 1 :]},
    )
    return joined.order_by(["person_id", "kind", "code", "day"])
