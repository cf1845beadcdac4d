"""The case model: what a clinician (or an adapter) gives us, validated once at the boundary.

Public contract §2. Every section except ``patient`` is optional; unknown fields and unknown codes
are errors (never silently ignored). Validation needs to know *today* so that future dates are
rejected: pass ``context={"today": date}`` to ``model_validate``; :func:`parse_case` does this.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from myositis_cds.errors import CaseError, FieldProblem, format_path

__all__ = [
    "AntibodyCode",
    "AntibodyResult",
    "AntibodyResultValue",
    "Case",
    "CoreSetAssessment",
    "Event",
    "EventKind",
    "Evidence",
    "Finding",
    "FindingCode",
    "Investigation",
    "InvestigationCode",
    "InvestigationResult",
    "Lab",
    "LabCode",
    "MetastasisStatus",
    "MitoticCount",
    "MuscleBiopsy",
    "NodeStatus",
    "Patient",
    "Sex",
    "Treatment",
    "Tumour",
    "TumourHistology",
    "TumourInvasion",
    "TumourSite",
    "TumourSyndrome",
    "age_in_years",
    "parse_case",
]


# --------------------------------------------------------------------------- codes
class Sex(StrEnum):
    female = "female"
    male = "male"
    other = "other"
    unknown = "unknown"


class FindingCode(StrEnum):
    heliotrope_rash = "heliotrope_rash"
    gottron_papules = "gottron_papules"
    gottron_sign = "gottron_sign"
    weakness_proximal_upper = "weakness_proximal_upper"
    weakness_proximal_lower = "weakness_proximal_lower"
    neck_flexors_weaker_than_extensors = "neck_flexors_weaker_than_extensors"
    legs_proximal_weaker_than_distal = "legs_proximal_weaker_than_distal"
    finger_flexor_weakness = "finger_flexor_weakness"
    dysphagia = "dysphagia"
    myalgia = "myalgia"
    shawl_sign = "shawl_sign"
    v_sign = "v_sign"
    poikiloderma = "poikiloderma"
    mechanics_hands = "mechanics_hands"
    periungual_erythema = "periungual_erythema"
    cutaneous_ulceration = "cutaneous_ulceration"
    cutaneous_necrosis = "cutaneous_necrosis"
    calcinosis = "calcinosis"
    raynaud = "raynaud"
    arthritis = "arthritis"
    interstitial_lung_disease = "interstitial_lung_disease"
    weight_loss = "weight_loss"
    no_response_to_immunosuppression = "no_response_to_immunosuppression"
    overlap_myositis = "overlap_myositis"


class LabCode(StrEnum):
    ck = "ck"
    ldh = "ldh"
    ast = "ast"
    alt = "alt"
    aldolase = "aldolase"
    crp = "crp"
    esr = "esr"
    plasma_viscosity = "plasma_viscosity"
    ca125 = "ca125"
    ca19_9 = "ca19_9"
    cea = "cea"
    afp = "afp"
    psa = "psa"
    chromogranin_a = "chromogranin_a"


class AntibodyCode(StrEnum):
    TIF1G = "TIF1G"
    NXP2 = "NXP2"
    MDA5 = "MDA5"
    SAE1 = "SAE1"
    MI2 = "MI2"
    JO1 = "JO1"
    PL7 = "PL7"
    PL12 = "PL12"
    EJ = "EJ"
    OJ = "OJ"
    SRP = "SRP"
    HMGCR = "HMGCR"
    PMSCL = "PMSCL"
    KU = "KU"
    U1RNP = "U1RNP"
    RO52 = "RO52"
    CN1A = "CN1A"
    # Not myositis antibodies (knowledge/antibodies.yaml kind "other"): recorded because notes state
    # them, listed with the results, never used by a rule and not offered as "not tested".
    ANA = "ANA"
    RO60 = "RO60"
    SCL70 = "SCL70"


class AntibodyResultValue(StrEnum):
    positive = "positive"
    weak_positive = "weak_positive"
    negative = "negative"
    indeterminate = "indeterminate"


class InvestigationCode(StrEnum):
    history_and_examination = "history_and_examination"
    chest_xray = "chest_xray"
    ct_neck = "ct_neck"
    ct_chest = "ct_chest"
    ct_abdomen_pelvis = "ct_abdomen_pelvis"
    ct_chest_abdomen_pelvis = "ct_chest_abdomen_pelvis"
    ct_neck_chest_abdomen_pelvis = "ct_neck_chest_abdomen_pelvis"
    mri_abdomen = "mri_abdomen"
    fdg_pet_ct = "fdg_pet_ct"
    sstr_pet_ct = "sstr_pet_ct"
    mammography = "mammography"
    cervical_smear = "cervical_smear"
    transvaginal_ultrasound = "transvaginal_ultrasound"
    pelvic_ultrasound = "pelvic_ultrasound"
    colonoscopy = "colonoscopy"
    upper_endoscopy = "upper_endoscopy"
    faecal_occult_blood = "faecal_occult_blood"
    nasoendoscopy = "nasoendoscopy"
    eus = "eus"
    eus_fna = "eus_fna"
    full_blood_count = "full_blood_count"
    liver_function = "liver_function"
    serum_protein_electrophoresis = "serum_protein_electrophoresis"
    urinalysis = "urinalysis"
    skin_biopsy = "skin_biopsy"


class InvestigationResult(StrEnum):
    normal = "normal"
    abnormal = "abnormal"
    pending = "pending"
    # Done, but the record does not give the result ("Mammogram 03/2026", an invoice line "CT
    # thorax"): not a normal screen and not an abnormal one until the report is read.
    not_stated = "not_stated"


class TumourSite(StrEnum):
    pancreas = "pancreas"
    lung = "lung"
    stomach = "stomach"
    duodenum = "duodenum"
    small_intestine = "small_intestine"
    appendix = "appendix"
    colon = "colon"
    rectum = "rectum"
    liver = "liver"
    gallbladder = "gallbladder"
    oesophagus = "oesophagus"
    nasopharynx = "nasopharynx"
    breast = "breast"
    ovary = "ovary"
    uterus = "uterus"
    cervix = "cervix"
    bladder = "bladder"
    prostate = "prostate"
    kidney = "kidney"
    thyroid = "thyroid"
    skin = "skin"
    lymph_node = "lymph_node"
    other = "other"


class TumourHistology(StrEnum):
    neuroendocrine_tumour = "neuroendocrine_tumour"
    neuroendocrine_carcinoma = "neuroendocrine_carcinoma"
    mixed_neuroendocrine_non_neuroendocrine = "mixed_neuroendocrine_non_neuroendocrine"
    adenocarcinoma = "adenocarcinoma"
    squamous_cell_carcinoma = "squamous_cell_carcinoma"
    small_cell_carcinoma = "small_cell_carcinoma"
    lymphoma = "lymphoma"
    other = "other"


class TumourSyndrome(StrEnum):
    insulinoma = "insulinoma"
    gastrinoma = "gastrinoma"
    glucagonoma = "glucagonoma"
    vipoma = "vipoma"
    somatostatinoma = "somatostatinoma"
    other = "other"


class TumourInvasion(StrEnum):
    """Structures named by the AJCC 8th pancreatic NET T categories."""

    peripancreatic_fat = "peripancreatic_fat"
    duodenum = "duodenum"
    common_bile_duct = "common_bile_duct"
    stomach = "stomach"
    spleen = "spleen"
    colon = "colon"
    adrenal_gland = "adrenal_gland"
    celiac_axis = "celiac_axis"
    superior_mesenteric_artery = "superior_mesenteric_artery"


class NodeStatus(StrEnum):
    N0 = "N0"
    N1 = "N1"
    NX = "NX"


class MetastasisStatus(StrEnum):
    M0 = "M0"
    M1a = "M1a"
    M1b = "M1b"
    M1c = "M1c"
    MX = "MX"


class EventKind(StrEnum):
    referral = "referral"
    diagnosis = "diagnosis"
    surgery = "surgery"
    flare = "flare"
    improvement = "improvement"
    remission = "remission"
    relapse = "relapse"
    tumour_recurrence = "tumour_recurrence"
    death = "death"
    other = "other"


# --------------------------------------------------------------------------- field types
def _not_after_today(value: date | None, info: ValidationInfo) -> date | None:
    today = _today(info)
    if value is not None and value > today:
        raise ValueError(f"{value.isoformat()} is after today ({today.isoformat()})")
    return value


def _today(info: ValidationInfo) -> date:
    ctx = info.context if isinstance(info.context, Mapping) else {}
    today = ctx.get("today")
    return today if isinstance(today, date) else date.today()


PastDate = Annotated[date, AfterValidator(_not_after_today)]

# Size limits (issue #15): generous for any real record, and they bound the work and the
# report's layout (a table cell must fit a page).
MAX_RECORDS = 5000  # per section: decades of monthly visits, and the work stays bounded
MAX_NOTE_CHARS = 4000
MAX_LABEL_CHARS = 200
Note = Annotated[str, Field(max_length=MAX_NOTE_CHARS)]
Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]
Percent = Annotated[float, Field(ge=0, le=100)]


class _Model(BaseModel):
    # Numbers must be finite: an infinite level or size is a typo or an export artefact, and
    # arithmetic on it (ratios, areas) has no clinical meaning.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False
    )


class Evidence(_Model):
    """Where a fact came from in a free-text source (filled by the text adapter)."""

    text: str = Field(max_length=MAX_NOTE_CHARS, description="the words that state the fact")
    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset one past the last character")
    sentence: Note | None = None
    inferred: bool = Field(
        default=False,
        description="true when the fact was inferred from a description (e.g. a morphology "
        "that matches a named sign), so a clinician should confirm it",
    )
    certainty: Literal["certain", "uncertain"] = "certain"


class _Record(_Model):
    evidence: Evidence | None = None


# --------------------------------------------------------------------------- sections
class Patient(_Model):
    sex: Sex
    birth_date: PastDate | None = None
    age: int | None = Field(default=None, ge=0, le=130, description="age in years today")
    region: Label | None = Field(
        default=None,
        description="country or region of residence/origin (ISO 3166 code or name); used for "
        "region-specific screening such as nasoendoscopy",
    )
    age_unknown: bool = Field(
        default=False,
        description="the source states neither age nor date of birth (e.g. a free-text note): "
        "the case is still assessed and every age-dependent item is reported as not assessed",
    )
    age_approximate: bool = Field(
        default=False,
        description="age is approximate (e.g. stated only as a decade, 'in his 70s': the "
        "decade's first year is given); age-dependent results say the age is approximate",
    )

    @model_validator(mode="after")
    def _age_known(self) -> Self:
        if self.birth_date is None and self.age is None and not self.age_unknown:
            raise ValueError("give birth_date or age")
        if self.age_unknown and (self.birth_date is not None or self.age is not None):
            raise ValueError("age_unknown is for a patient with neither birth_date nor age")
        if self.age_approximate and (self.age is None or self.birth_date is not None):
            raise ValueError("age_approximate is for an age given without a date of birth")
        return self


class Finding(_Record):
    code: FindingCode
    present: bool
    date: PastDate | None = None
    side: Literal["left", "right", "bilateral"] | None = None
    severity: Literal["mild", "moderate", "severe"] | None = Field(
        default=None,
        description="clinician-graded severity when it matters (e.g. dysphagia: only moderate "
        "or severe is an IMACS high-risk factor); null when not graded",
    )
    note: Note | None = None


class Lab(_Record):
    code: LabCode
    value: float | None = Field(default=None, ge=0)
    unit: Label | None = None
    upper_limit: float | None = Field(default=None, gt=0)
    lower_limit: float | None = Field(default=None, ge=0)
    above_uln: bool | None = None
    date: PastDate

    @model_validator(mode="after")
    def _value_or_flag(self) -> Self:
        if self.value is None and self.above_uln is None:
            raise ValueError("give value (with unit) or above_uln")
        if self.value is not None and not self.unit:
            raise ValueError("a value needs its unit")
        if (
            self.lower_limit is not None
            and self.upper_limit is not None
            and self.lower_limit > self.upper_limit
        ):
            raise ValueError("lower_limit is above upper_limit")
        return self

    @property
    def is_above_uln(self) -> bool | None:
        """True/False when it can be judged; None when a value has no upper limit."""
        if self.above_uln is not None:
            return self.above_uln
        if self.value is not None and self.upper_limit is not None:
            return self.value > self.upper_limit
        return None


class AntibodyResult(_Record):
    code: AntibodyCode
    result: AntibodyResultValue
    level: float | None = Field(default=None, ge=0)
    unit: Label | None = None
    date: PastDate


class MuscleBiopsy(_Record):
    date: PastDate | None = None
    endomysial_infiltrate: bool | None = None
    perimysial_perivascular_infiltrate: bool | None = None
    perifascicular_atrophy: bool | None = None
    rimmed_vacuoles: bool | None = None
    necrotising_features: bool | None = Field(
        default=None,
        description="necrotising myopathy pattern: scattered necrotic and regenerating fibres "
        "with little inflammation (with anti-SRP/HMGCR: immune-mediated necrotising myopathy)",
    )


class Investigation(_Record):
    code: InvestigationCode
    date: PastDate
    result: InvestigationResult = Field(
        description="normal | abnormal | pending (done, result awaited) | not_stated (done, "
        "the record does not give the result: obtain the report)"
    )
    note: Note | None = None


class MitoticCount(_Model):
    count: float = Field(ge=0)
    per: Literal["2mm2", "10hpf", "mm2"]
    field_diameter_mm: float | None = Field(
        default=None,
        ge=0.1,
        le=2,
        description="diameter of one high-power field (microscopes: 0.40-0.70 mm); values "
        "outside 0.1-2 mm are typing errors",
    )


class Tumour(_Record):
    site: TumourSite
    histology: TumourHistology
    size_mm: float | None = Field(
        default=None,
        gt=0,
        le=1000,
        description="largest diameter; null when the source names the tumour without a size "
        "(size-dependent grading, staging and options are then reported as not assessed)",
    )
    functional: bool | None = None
    syndrome: TumourSyndrome | None = None
    ki67_percent: Percent | None = None
    mitoses: MitoticCount | None = None
    nodes: NodeStatus | None = None
    metastases: MetastasisStatus | None = None
    invades: list[TumourInvasion] = Field(default_factory=list)
    symptomatic: bool | None = Field(default=None, description="symptoms from the tumour mass")
    main_duct_dilated: bool | None = None
    found_date: PastDate
    # issue #10: a cancer of the past history the source gives no date for ("a history of
    # breast cancer") is still a cancer of this patient; found_date is then the source's date
    found_date_latest: bool = Field(
        default=False,
        description="the source does not date the tumour: found_date is only the latest date by "
        "which it was found (the date of the source); whether it was found near the myositis "
        "onset is reported as unknown",
    )
    resected_date: PastDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.resected_date is not None and self.resected_date < self.found_date:
            raise ValueError("resected_date is before found_date")
        if self.syndrome is not None and self.functional is False:
            raise ValueError("a tumour with a hormonal syndrome cannot be non-functional")
        return self


class Treatment(_Record):
    drug: str = Field(min_length=1, max_length=MAX_LABEL_CHARS)
    dose: Label | None = None
    route: (
        Literal["oral", "intravenous", "intramuscular", "subcutaneous", "topical", "other"] | None
    ) = None
    start: PastDate
    stop: PastDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.stop is not None and self.stop < self.start:
            raise ValueError("stop is before start")
        return self


class Event(_Record):
    kind: EventKind
    date: PastDate
    note: Note | None = None


class CoreSetAssessment(_Record):
    """IMACS core set measures at one visit (contract §2 ``assessments``)."""

    date: PastDate
    mmt8: float | None = Field(default=None, ge=0, le=260)
    mmt8_max: Literal[80, 150] | None = None
    physician_global: float | None = Field(default=None, ge=0, le=10)
    patient_global: float | None = Field(default=None, ge=0, le=10)
    haq: float | None = Field(default=None, ge=0, le=3)
    extramuscular_global: float | None = Field(default=None, ge=0, le=10)
    cdasi_activity: float | None = Field(default=None, ge=0, le=100)
    cdasi_damage: float | None = Field(default=None, ge=0, le=32)

    @model_validator(mode="after")
    def _mmt_in_range(self) -> Self:
        if self.mmt8 is not None and self.mmt8 > (self.mmt8_max or 80):
            raise ValueError(
                f"mmt8 {self.mmt8:g} is above its maximum {self.mmt8_max or 80} "
                "(set mmt8_max: 150 for the bilateral score)"
            )
        return self


# --------------------------------------------------------------------------- the case
class Case(_Model):
    """One patient's case (contract §2).

    Read strictly: booleans are true/false; numbers are finite JSON numbers (never text, never
    infinite, integers within 64 bits); dates are YYYY-MM-DD (year 1 to 9999); a key appears
    once. At most 5000 records per section, 4000 characters per note and 200 per label (drug,
    dose, unit, region, case_id).
    """

    case_id: Label | None = Field(default=None, description="a local identifier, never a name")
    patient: Patient
    onset_date: PastDate | None = None
    onset_age: float | None = Field(default=None, ge=0, le=130)
    onset_estimated: bool = Field(
        default=False,
        description="onset_date/onset_age is an estimate the source does not state (e.g. the "
        "age at presentation taken as the age at onset); age-at-onset results say so",
    )
    diagnosis_date: PastDate | None = Field(
        default=None, description="date the myositis was diagnosed (starts the screening clock)"
    )
    findings: list[Finding] = Field(default_factory=list, max_length=MAX_RECORDS)
    labs: list[Lab] = Field(default_factory=list, max_length=MAX_RECORDS)
    antibodies: list[AntibodyResult] = Field(default_factory=list, max_length=MAX_RECORDS)
    muscle_biopsy: MuscleBiopsy | None = None
    investigations: list[Investigation] = Field(default_factory=list, max_length=MAX_RECORDS)
    tumours: list[Tumour] = Field(default_factory=list, max_length=MAX_RECORDS)
    treatments: list[Treatment] = Field(default_factory=list, max_length=MAX_RECORDS)
    events: list[Event] = Field(default_factory=list, max_length=MAX_RECORDS)
    assessments: list[CoreSetAssessment] = Field(default_factory=list, max_length=MAX_RECORDS)

    def dated_fields(self) -> Iterator[tuple[str, date]]:
        """Every date in the case with its field path (used for range checks)."""
        if self.onset_date is not None:
            yield "onset_date", self.onset_date
        if self.diagnosis_date is not None:
            yield "diagnosis_date", self.diagnosis_date
        for section in ("findings", "labs", "antibodies", "investigations", "events"):
            for i, rec in enumerate(getattr(self, section)):
                if rec.date is not None:
                    yield f"{section}[{i}].date", rec.date
        if self.muscle_biopsy is not None and self.muscle_biopsy.date is not None:
            yield "muscle_biopsy.date", self.muscle_biopsy.date
        for i, t in enumerate(self.tumours):
            yield f"tumours[{i}].found_date", t.found_date
            if t.resected_date is not None:
                yield f"tumours[{i}].resected_date", t.resected_date
        for i, tr in enumerate(self.treatments):
            yield f"treatments[{i}].start", tr.start
            if tr.stop is not None:
                yield f"treatments[{i}].stop", tr.stop
        for i, a in enumerate(self.assessments):
            yield f"assessments[{i}].date", a.date

    # ------------------------------------------------------------------ derived facts
    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day`` (birthday arithmetic), from birth_date or age."""
        if self.patient.birth_date is not None:
            return age_in_years(self.patient.birth_date, day)
        return self.patient.age

    def as_of(self, day: date) -> tuple[Case, int]:
        """The case as it stood on ``day``: later records left out; returns (case, count left out).

        A tumour found before ``day`` but resected after it is kept, unresected; a treatment
        started before ``day`` and stopped after it is kept as ongoing.
        """
        left_out = 0

        def keep(records: list[Any], attr: str = "date") -> list[Any]:
            nonlocal left_out
            kept = [r for r in records if getattr(r, attr) is None or getattr(r, attr) <= day]
            left_out += len(records) - len(kept)
            return kept

        tumours = []
        for t in keep(self.tumours, "found_date"):
            if t.resected_date is not None and t.resected_date > day:
                t = t.model_copy(update={"resected_date": None})
                left_out += 1
            tumours.append(t)
        treatments = []
        for tr in keep(self.treatments, "start"):
            if tr.stop is not None and tr.stop > day:
                tr = tr.model_copy(update={"stop": None})
            treatments.append(tr)
        biopsy = self.muscle_biopsy
        if biopsy is not None and biopsy.date is not None and biopsy.date > day:
            biopsy, left_out = None, left_out + 1
        update: dict[str, Any] = {
            "findings": keep(self.findings),
            "labs": keep(self.labs),
            "antibodies": keep(self.antibodies),
            "investigations": keep(self.investigations),
            "events": keep(self.events),
            "assessments": keep(self.assessments),
            "tumours": tumours,
            "treatments": treatments,
            "muscle_biopsy": biopsy,
        }
        if self.diagnosis_date is not None and self.diagnosis_date > day:
            update["diagnosis_date"] = None
            left_out += 1
        return self.model_copy(update=update), left_out


def age_in_years(birth: date, day: date) -> int:
    """Completed years between ``birth`` and ``day`` (a birthday counts on the day itself).

    A 29 February birthday is reached on 1 March in common years.
    """
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


# --------------------------------------------------------------------------- parsing
MAX_NESTING = 16  # the case model is 4 levels deep; anything far deeper is not a case file
_MAX_INT = 2**63  # integers beyond 64 bits are not measurements (and overflow a float)


def parse_case(data: Any, *, today: date | None = None) -> Case:
    """Validate a mapping (from YAML/JSON) into a :class:`Case`, or raise :class:`CaseError`.

    Types are strict, with JSON's meaning whatever the source: a boolean is ``true``/``false``
    (not ``"yes"`` or ``1``), a number is a finite JSON number (not ``"3.5"``, not ``true``, not
    infinite), a date is ``YYYY-MM-DD`` text (or a ``date``). The mapping is serialised to JSON
    and validated in pydantic's strict JSON mode, which gives exactly these rules.
    """
    if not isinstance(data, Mapping):
        raise CaseError.single("(case)", "the case file must be a mapping of sections")
    try:
        case = Case.model_validate_json(
            _as_json(data), strict=True, context={"today": today or date.today()}
        )
    except ValidationError as exc:
        raise CaseError(_problems(exc)) from None
    problems = _cross_field_problems(case)
    if problems:
        raise CaseError(problems)
    return case


def _as_json(data: Mapping[str, Any]) -> str:
    """JSON text of ``data``, after refusing what JSON or the model cannot hold sensibly."""
    problems: list[FieldProblem] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:  # iterative: a hostile depth must not exhaust the interpreter's stack
        value, loc = stack.pop()
        if len(loc) > MAX_NESTING:
            raise CaseError.single(format_path(loc[:MAX_NESTING]), "is nested too deeply")
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    problems.append(FieldProblem(format_path(loc), "field names must be text"))
                else:
                    stack.append((item, (*loc, key)))
        elif isinstance(value, list | tuple):
            stack.extend((item, (*loc, i)) for i, item in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _MAX_INT:
            problems.append(FieldProblem(format_path(loc), f"{_show(value)} is out of range"))
        elif not isinstance(value, str | int | float | date | None):
            problems.append(
                FieldProblem(format_path(loc), f"a {type(value).__name__} is not a case value")
            )
    if problems:
        raise CaseError(problems)
    return json.dumps(data, default=_json_default, ensure_ascii=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)  # unreachable: _as_json checked every value


def _cross_field_problems(case: Case) -> list[FieldProblem]:
    """Checks that span sections: nothing happens before birth; onset age agrees with dates."""
    birth = case.patient.birth_date
    if birth is None:
        return []
    problems = [
        FieldProblem(path, f"{d.isoformat()} is before birth ({birth.isoformat()})")
        for path, d in case.dated_fields()
        if d < birth
    ]
    if case.onset_age is not None and case.onset_date is not None:
        computed = age_in_years(birth, case.onset_date)
        if abs(computed - case.onset_age) >= 1:
            problems.append(
                FieldProblem(
                    "onset_age",
                    f"{case.onset_age:g} disagrees with onset_date and birth_date "
                    f"(which give {computed})",
                )
            )
    return problems


_NOUNS = {
    "findings": "finding",
    "labs": "lab",
    "antibodies": "antibody",
    "investigations": "investigation",
    "events": "event kind",
    "tumours": "value",
}


def _problems(exc: ValidationError) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if isinstance(p, str | int)]
        # Pydantic adds the union/function branch to the location; drop those artefacts.
        loc = [p for p in loc if not (isinstance(p, str) and p.startswith("function-"))]
        out.append(FieldProblem(format_path(loc), _message(err, loc)))
    return out


def _message(err: Any, loc: list[str | int]) -> str:
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    shown = _show(value)
    if kind == "less_than_equal":
        return f"{shown} is above {_show(ctx['le'])}"
    if kind == "greater_than_equal":
        return f"{shown} is below {_show(ctx['ge'])}"
    if kind == "greater_than":
        return f"{shown} must be greater than {_show(ctx['gt'])}"
    if kind == "less_than":
        return f"{shown} must be less than {_show(ctx['lt'])}"
    if kind in ("enum", "literal_error"):
        section = next((p for p in loc if isinstance(p, str) and p in _NOUNS), None)
        field = loc[-1] if loc and isinstance(loc[-1], str) else "value"
        noun = _NOUNS[section] if section and field in ("code", "kind") else str(field)
        return f"{shown} is not a known {noun}; known codes: {ctx.get('expected', '')}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "finite_number":
        return f"{shown} is not a finite number"
    if kind.startswith(("date", "datetime")):
        return f"{shown} is not a date (use YYYY-MM-DD)"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        return f"{shown} is not a number" if "int" not in kind else f"{shown} is not a whole number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{shown} is not true or false"
    if kind in ("list_type",):
        return "must be a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a mapping of fields"
    if kind in ("string_type",):
        return "must be text"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "too_long":
        return f"has more than {ctx.get('max_length')} records"
    if kind == "value_error":
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    return str(err.get("msg", "is invalid"))


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int) and abs(value) >= 10**15:
        # never format a huge integer (int → float overflows; thousands of digits are noise)
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, int | float):
        return f"{value:g}"
    return type(value).__name__
