"""FHIR R4 resources → a case dictionary (contract §2), every record traced to its FHIR path.

Resources that feed the case are validated with the ``fhir.resources`` R4B models first (the
default import is R5 and mis-reads R4), so a malformed one is an error naming its FHIR path
(``Bundle.entry[3].resource.valueQuantity.value``). Resources that map to nothing are counted by
type, not validated: they do not reach the assessment.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from myositis_cds.errors import CaseError, FieldProblem
from myositis_cds.ingest.fhir._codes import ANTIBODY_CUE, Vocabulary, vocabulary

__all__ = ["READ_TYPES", "CaseDraft", "FhirResource", "draft_case", "iter_entries"]

READ_TYPES = frozenset(
    {
        "Patient",
        "Condition",
        "Observation",
        "Procedure",
        "DiagnosticReport",
        "MedicationStatement",
        "MedicationRequest",
        "Encounter",
    }
)
# Read only to resolve a MedicationRequest/Statement's medicationReference.
_HELPER_TYPES = frozenset({"Medication"})


@dataclass(frozen=True)
class FhirResource:
    """One resource and the FHIR path it was found at."""

    path: str
    data: Mapping[str, Any]
    type: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", str(self.data.get("resourceType", "")))


@dataclass
class CaseDraft:
    """The case dictionary being built, with where each record came from."""

    case: dict[str, Any] = field(default_factory=dict)
    # (section, index) -> (FHIR path of the resource, {case field: FHIR sub-path})
    origins: dict[tuple[str, int], tuple[str, dict[str, str]]] = field(default_factory=dict)
    unmapped: Counter[str] = field(default_factory=Counter)
    not_read: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    myositis_recorded: bool = False

    def add(
        self, section: str, record: dict[str, Any], res: FhirResource, fields: dict[str, str]
    ) -> None:
        items = self.case.setdefault(section, [])
        self.origins[(section, len(items))] = (res.path, fields)
        items.append(record)

    def warnings(self) -> list[str]:
        out = list(self.notes)
        for rtype, n in sorted(self.unmapped.items()):
            out.append(
                f"FHIR: {n} {rtype} resource(s) mapped to nothing (codes not in the code tables, "
                "words not in the lexicon); left out"
            )
        for reason, n in sorted(self.skipped.items()):
            out.append(f"FHIR: {n} resource(s) left out: {reason}")
        if self.not_read:
            kinds = ", ".join(f"{t} {n}" for t, n in sorted(self.not_read.items()))
            total = sum(self.not_read.values())
            out.append(f"FHIR: {total} resource(s) of types not read: {kinds}")
        return out

    def fhir_path(self, case_path: str) -> str:
        """``labs[2].value`` → ``Bundle.entry[7].resource.valueQuantity.value``."""
        m = re.match(r"(\w+)\[(\d+)\](?:\.(\w+))?", case_path)
        if m:
            origin = self.origins.get((m.group(1), int(m.group(2))))
            if origin is not None:
                path, fields = origin
                sub = fields.get(m.group(3) or "")
                return f"{path}.{sub}" if sub else path
        top = case_path.split(".", 1)[0].split("[", 1)[0]
        origin = self.origins.get((top, -1))
        if origin is not None:
            path, fields = origin
            sub = fields.get(case_path.split(".", 1)[-1])
            return f"{path}.{sub}" if sub else path
        return case_path


# --------------------------------------------------------------------------- small readers
def _cc_codings(cc: Any) -> list[Mapping[str, Any]]:
    if not isinstance(cc, Mapping):
        return []
    codings = cc.get("coding")
    return [c for c in codings if isinstance(c, Mapping)] if isinstance(codings, list) else []


def _cc_texts(cc: Any) -> list[str]:
    if not isinstance(cc, Mapping):
        return []
    out = [str(cc["text"])] if isinstance(cc.get("text"), str) else []
    out += [str(c["display"]) for c in _cc_codings(cc) if isinstance(c.get("display"), str)]
    return out


def _ccs(value: Any) -> list[Any]:
    """A CodeableConcept or a list of them, as a list."""
    if isinstance(value, list):
        return value
    return [value] if value is not None else []


def _codings(values: Iterable[Any]) -> list[Mapping[str, Any]]:
    return [c for cc in values for c in _cc_codings(cc)]


def _texts(values: Iterable[Any]) -> list[str]:
    return [t for cc in values for t in _cc_texts(cc)]


def _concept(vocab: Vocabulary, matcher_name: str, texts: Iterable[str]) -> str | None:
    """The one concept the words name (longest match per text); None if none or several."""
    return _concept_of(matcher_name, tuple(texts))


@lru_cache(maxsize=16384)
def _concept_of(matcher_name: str, texts: tuple[str, ...]) -> str | None:
    # Memoised: an EHR repeats the same few hundred displays (every panel, every visit).
    matcher = getattr(vocabulary(), matcher_name)
    found: set[str] = set()
    for text in texts:
        matches = matcher.find(text)
        if matches:
            best = max(matches, key=lambda m: m.end - m.start)
            found.add(best.concept)
    return found.pop() if len(found) == 1 else None


def _day(value: Any, draft: CaseDraft, where: str) -> str | None:
    """A FHIR date/dateTime/instant → ``YYYY-MM-DD``; a partial date is read as its first day."""
    if not isinstance(value, str) or not value:
        return None
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        draft.notes.append(f"FHIR: {where}: month-only date read as its first day")
        return value + "-01"
    if len(value) == 4:
        draft.notes.append(f"FHIR: {where}: year-only date read as 1 January")
        return value + "-01-01"
    return None


def _latest_day(value: Any, today: date) -> str | None:
    """A FHIR date/dateTime read as an upper bound: a partial date is read as its *last* day (a
    cancer recorded in "2019" was found by 31 December 2019, not by 1 January), never after
    today."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
        elif len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            day = date(year, month, calendar.monthrange(year, month)[1])
        else:
            day = date(int(value[:4]), 12, 31)
    except ValueError:
        return None  # malformed: the resource's validation names it
    return min(day, today).isoformat()


_YEARS = {"a", "yr", "yrs", "year", "years"}


def _onset_years(data: Mapping[str, Any]) -> tuple[float | None, str]:
    """A Condition's age at onset in years: ``onsetAge``, or the top of ``onsetRange`` (an
    age in months, weeks or days is not read)."""
    for quantity, path in (
        (data.get("onsetAge"), "onsetAge"),
        ((data.get("onsetRange") or {}).get("high"), "onsetRange.high"),
    ):
        if not isinstance(quantity, Mapping):
            continue
        value, unit = quantity.get("value"), quantity.get("code") or quantity.get("unit")
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and 0 <= value < 150
            and str(unit).strip().lower() in _YEARS
        ):
            return float(value), path
    return None, ""


def _day_before_birthday(born: str, age: int) -> str:
    """The last day before the ``age``-th birthday (29 February birthdays fall on 1 March)."""
    birth = date.fromisoformat(born)
    year = birth.year + age
    try:
        birthday = birth.replace(year=year)
    except ValueError:
        birthday = date(year, 3, 1)
    return (birthday - timedelta(days=1)).isoformat()


def _first_day(res: Mapping[str, Any], *names: str) -> tuple[str | None, str | None]:
    """(raw value, sub-path) of the first date element present among ``names``
    (``effectivePeriod`` reads its start)."""
    for name in names:
        value = res.get(name)
        if isinstance(value, str):
            return value, name
        if isinstance(value, Mapping) and isinstance(value.get("start"), str):
            return str(value["start"]), f"{name}.start"
    return None, None


_POLARITY_WORDS = [
    (
        re.compile(r"\b(?:weak(?:ly)?[ -]?pos(?:itive)?|low[ -]positive|borderline)\b", re.I),
        "weak_positive",
    ),
    (
        re.compile(r"\b(?:neg(?:ative)?|not detected|non[- ]?reactive|absent|undetected)\b", re.I),
        "negative",
    ),
    (re.compile(r"\b(?:indeterminate|equivocal|inconclusive)\b", re.I), "indeterminate"),
    (re.compile(r"\b(?:pos(?:itive)?|detected|reactive|present)\b", re.I), "positive"),
]
# A report's conclusion in words, read with the denial decided first: "No evidence of
# malignancy" and "negative for malignancy" deny the abnormal word they name, so they are normal
# results; a clause that still names a lesion, malignancy or suspicion once its denied words are
# set aside is abnormal, and one report clause abnormal makes the report abnormal. "Cannot be
# excluded" keeps the suspicion, and "probably benign" (BI-RADS 3, a short-interval follow-up)
# is neither a normal nor an abnormal result.
_ABNORMAL_WORD = re.compile(
    r"\b(?:abnormal\w*|suspicious|suspicion|mass(?:es)?|lesions?|nodules?|malignan\w*|"
    r"\w*(?:carcinoma|sarcoma|lymphoma|melanoma|blastoma)s?|cancer\w*|tumou?rs?|metasta\w+|"
    r"neoplas\w+|atypi\w+|polyps?|bi-?rads\s*[45])\b",
    re.I,
)
_NORMAL_WORD = re.compile(
    r"\b(?:normal|unremarkable|benign|negative|clear|nad|within\s+normal\s+limits|"
    r"bi-?rads\s*[12])\b",
    re.I,
)
_NOT_EXCLUDED = re.compile(
    r"\b(?:cannot|can\s*not|can't|could\s+not|not)\s+(?:be\s+)?(?:excluded|ruled\s+out)", re.I
)
_PROBABLY_BENIGN = re.compile(r"\b(?:probably|likely)\s+benign\b|\bbi-?rads\s*3\b", re.I)
_NON_WORD = re.compile(r"\bnon[- ]?(?:suspicious|malignant|neoplastic)\b", re.I)
# a denial and what it denies, to the clause's end (a comma ends it unless a list goes on:
# "no mass, calcification or distortion")
_DENIAL = re.compile(
    r"\b(?:no|not|nor|without|negative\s+for|free\s+of|absence\s+of)\b"
    r"(?:[^,]*?(?=,(?![^,]*\b(?:or|nor|and)\b))|[^,]*$|.*$)",
    re.I | re.S,
)
# a lesion denied after it ("malignant cells are not seen", "metastases absent")
_DENIED_AFTER = re.compile(
    r"\b\w+(?:\s+(?!(?:with|and|or|but)\b)\w+){0,2}?\s+(?:(?:is|are|was|were)\s+)?"
    r"(?:not\s+(?:seen|identified|detected|"
    r"present|demonstrated|found)|absent|excluded|ruled\s+out)\b",
    re.I,
)
_CLAUSES = re.compile(r"[.;\n]+|\b(?:but|however|although|though|except)\b", re.I)


def _conclusion_normality(text: str) -> str | None:
    """normal / abnormal from a conclusion's words, the denial decided first; None: neither."""
    found = None
    for clause in _CLAUSES.split(text):
        if _NOT_EXCLUDED.search(clause):
            return "abnormal"  # "malignancy cannot be excluded"
        if _PROBABLY_BENIGN.search(clause):
            continue
        kept, denied = _NON_WORD.subn(" ", clause)
        kept, n = _DENIED_AFTER.subn(" ", kept)
        denied += n
        kept, n = _DENIAL.subn(" ", kept)
        denied += n
        if _ABNORMAL_WORD.search(kept) and not re.search(r"\bbenign\b", kept, re.I):
            return "abnormal"
        if denied or _NORMAL_WORD.search(kept):
            found = "normal"
    return found


def _words_polarity(texts: Iterable[str]) -> str | None:
    for text in texts:
        for pattern, value in _POLARITY_WORDS:
            if pattern.search(text):
                return value
    return None


def _polarity(vocab: Vocabulary, res: Mapping[str, Any]) -> tuple[str | None, str]:
    """Qualitative result: from valueCodeableConcept, interpretation, valueString/valueBoolean."""
    vcc = res.get("valueCodeableConcept")
    if vcc is not None:
        hit = vocab.by_code("polarity", _cc_codings(vcc)) or _words_polarity(_cc_texts(vcc))
        if hit:
            return hit, "valueCodeableConcept"
    interp = _ccs(res.get("interpretation"))
    hit = vocab.by_code("polarity", _codings(interp)) or _words_polarity(_texts(interp))
    if hit:
        return hit, "interpretation"
    if isinstance(res.get("valueString"), str):
        hit = _words_polarity([res["valueString"]])
        if hit:
            return hit, "valueString"
    if isinstance(res.get("valueBoolean"), bool):
        return ("positive" if res["valueBoolean"] else "negative"), "valueBoolean"
    return None, ""


def _ref_key(ref: Any) -> str | None:
    if isinstance(ref, Mapping) and isinstance(ref.get("reference"), str):
        return str(ref["reference"])
    return None


# --------------------------------------------------------------------------- the reader
# A Condition read as a tumour of unnamed histology must say it is a neoplasm; the lexicon's
# generic words (mass, lesion, nodule) also name findings that are not tumours.
_NEOPLASM = re.compile(r"\b(?:carcinoma|cancer|malignan\w*|neoplasm|tumou?r|lymphoma)\b", re.I)
_UNITS_TO_MM = {"mm": 1.0, "cm": 10.0, "m": 1000.0}
_TNM = re.compile(r"(?<![A-Za-z0-9])[cpy]{0,2}(N0|N1|NX|M0|M1a|M1b|M1c|MX)(?![A-Za-z0-9])", re.I)
_MITOSES_PER = [
    (re.compile(r"10\s*\.?\s*hpf|10\s*high", re.I), "10hpf"),
    (re.compile(r"2\s*\.?\s*mm2|2\s*mm\^?2|2 ?mm²", re.I), "2mm2"),
    (re.compile(r"mm2|mm\^2|mm²", re.I), "mm2"),
]


class _Reader:
    def __init__(self, resources: list[FhirResource], today: date) -> None:
        self.vocab = vocabulary()
        self.today = today
        self.resources = resources
        self.draft = CaseDraft()
        self.by_ref: dict[str, FhirResource] = {}
        for res in resources:
            rid = res.data.get("id")
            if isinstance(rid, str):
                self.by_ref[f"{res.type}/{rid}"] = res
        # tumour Conditions by reference, then the measurements and operations that point at them
        self.tumours: dict[str, dict[str, Any]] = {}
        self.tumour_origin: dict[str, tuple[FhirResource, dict[str, str]]] = {}
        # tumours with no onset date: the earliest date by which each is known to exist
        # (recordedDate, onsetPeriod.end, a measurement or operation) and where it was read
        self.tumour_by: dict[str, tuple[str, str]] = {}
        self.tumour_age: dict[str, tuple[float, str]] = {}  # onsetAge (or onsetRange.high), years
        self.birth_date: Any = None  # Patient.birthDate as written (a partial date stays so)
        self.pending_measures: list[tuple[FhirResource, str]] = []
        self.surgeries: list[tuple[FhirResource, str | None, str, str | None]] = []

    # ------------------------------------------------------------------ driver
    def read(self) -> CaseDraft:
        patients = [r for r in self.resources if r.type == "Patient"]
        if not patients:
            raise CaseError.single("Bundle", "holds no Patient resource (a case needs the patient)")
        ids = {str(p.data.get("id")) for p in patients}
        if len(ids) > 1:
            raise CaseError.single(
                "Bundle", f"holds {len(ids)} different patients; send one patient's resources"
            )
        for res in self.resources:
            if res.type not in READ_TYPES:
                if res.type not in _HELPER_TYPES:
                    self.draft.not_read[res.type or "(no resourceType)"] += 1
                continue
            if res.type == "Patient":
                continue
            handler = getattr(self, f"_{res.type.lower()}")
            handler(res)
        self._patient(patients[0])
        self._finish_tumours()
        return self.draft

    def _validate(self, res: FhirResource) -> None:
        from fhir.resources.R4B import get_fhir_model_class

        model = get_fhir_model_class(res.type)
        try:
            model.model_validate(dict(res.data))
        except ValidationError as exc:
            problems = []
            for err in exc.errors(include_url=False):
                loc = "".join(
                    f"[{p}]" if isinstance(p, int) else f".{p}"
                    for p in err["loc"]
                    if isinstance(p, str | int)
                )
                problems.append(FieldProblem(f"{res.path}{loc}", _fhir_message(err)))
            raise CaseError(problems) from None

    def _status_skip(self, res: FhirResource, bad: set[str]) -> bool:
        status = res.data.get("status")
        if isinstance(status, str) and status in bad:
            self.draft.skipped[f"{res.type} with status {status}"] += 1
            return True
        return False

    # ------------------------------------------------------------------ Patient
    def _patient(self, res: FhirResource) -> None:
        self._validate(res)
        data = res.data
        sex = {"female": "female", "male": "male", "other": "other"}.get(
            str(data.get("gender")), "unknown"
        )
        patient: dict[str, Any] = {"sex": sex}
        fields = {"sex": "gender"}
        self.birth_date = data.get("birthDate")
        if isinstance(data.get("birthDate"), str):
            patient["birth_date"] = _day(data["birthDate"], self.draft, f"{res.path}.birthDate")
            fields["birth_date"] = "birthDate"
        addresses = data.get("address")
        if isinstance(addresses, list):
            for i, addr in enumerate(addresses):
                if isinstance(addr, Mapping) and isinstance(addr.get("country"), str):
                    patient["region"] = addr["country"]
                    fields["region"] = f"address[{i}].country"
                    break
        self.draft.case["patient"] = patient
        self.draft.origins[("patient", -1)] = (res.path, fields)
        if isinstance(data.get("id"), str):
            self.draft.case["case_id"] = data["id"]
        if "birth_date" not in patient:
            # Never refuse a bundle for one missing fact: the age is unknown, every age-dependent
            # item is reported not assessed, and the warning names the FHIR element to complete.
            patient["age_unknown"] = True
            fields["age_unknown"] = "birthDate"
            self.draft.notes.append(
                f"FHIR: {res.path}.birthDate is absent: the age is unknown, so the age-dependent "
                "classification items and risk factors are not assessed"
            )

    # ------------------------------------------------------------------ Condition
    def _condition(self, res: FhirResource) -> None:
        data = res.data
        ver = _codings([data.get("verificationStatus")])
        ver_code = str(ver[0].get("code")) if ver else ""
        if ver_code == "entered-in-error":
            self.draft.skipped["Condition entered in error"] += 1
            return
        code = data.get("code")
        codings, texts = _cc_codings(code), _cc_texts(code)
        v = self.vocab
        myositis = v.by_code("myositis", codings)
        finding = v.by_code("findings", codings)
        histology = None
        if myositis is None and finding is None:
            finding = _concept(v, "findings", texts)
            if finding is None:
                histology = _concept(v, "histology", texts)
                if histology == "other" and not any(_NEOPLASM.search(t) for t in texts):
                    histology = None  # "Body mass index 30+" is not a tumour
                if histology is None and _concept(v, "myositis", texts):
                    myositis = "myositis"
        if myositis is None and finding is None and histology is None:
            self.draft.unmapped["Condition"] += 1
            return
        self._validate(res)
        refuted = ver_code == "refuted"
        onset, onset_path = _first_day(data, "onsetDateTime", "onsetPeriod")
        recorded = data.get("recordedDate")
        clinical = _codings([data.get("clinicalStatus")])
        clinical_code = str(clinical[0].get("code")) if clinical else ""
        abatement, abatement_path = _first_day(data, "abatementDateTime", "abatementPeriod")
        if myositis is not None:
            self._myositis(res, onset, onset_path, recorded, clinical_code, abatement)
        elif finding is not None:
            day, day_path = (onset, onset_path) if onset else (recorded, "recordedDate")
            if day is None:
                self.draft.skipped["finding Condition without a date"] += 1
                return
            record = {"code": finding, "present": not refuted, "date": _day(day, self.draft, "")}
            note = _note(data)
            if note:
                record["note"] = note
            self.draft.add("findings", record, res, {"date": day_path or "", "code": "code"})
            if not refuted and clinical_code in ("resolved", "inactive", "remission") and abatement:
                ended = _day(abatement, self.draft, "")
                resolved = {"code": finding, "present": False, "date": ended}
                self.draft.add("findings", resolved, res, {"date": abatement_path or ""})
        elif histology is not None:
            self._tumour_condition(res, histology, texts)

    def _myositis(
        self,
        res: FhirResource,
        onset: str | None,
        onset_path: str | None,
        recorded: Any,
        clinical_code: str,
        abatement: str | None,
    ) -> None:
        case = self.draft.case
        onset_day = _day(onset, self.draft, "")
        if onset_day and (case.get("onset_date") is None or onset_day < case["onset_date"]):
            case["onset_date"] = onset_day
            self._top_origin("onset_date", res, onset_path or "")
        onset_age = res.data.get("onsetAge")
        if isinstance(onset_age, Mapping) and isinstance(onset_age.get("value"), int | float):
            case.setdefault("onset_age", float(onset_age["value"]))
            self._top_origin("onset_age", res, "onsetAge.value")
        rec_day = _day(recorded, self.draft, "")
        if rec_day and (case.get("diagnosis_date") is None or rec_day < case["diagnosis_date"]):
            case["diagnosis_date"] = rec_day
            self._top_origin("diagnosis_date", res, "recordedDate")
        if clinical_code in ("remission", "resolved") and abatement:
            record = {"kind": "remission", "date": _day(abatement, self.draft, "")}
            if _note(res.data):
                record["note"] = _note(res.data)
            self.draft.add("events", record, res, {"date": "abatementDateTime"})
        self.draft.myositis_recorded = True

    def _top_origin(self, name: str, res: FhirResource, sub: str) -> None:
        self.draft.origins[(name, -1)] = (res.path, {"": sub})

    def _tumour_condition(self, res: FhirResource, histology: str, texts: list[str]) -> None:
        """A neoplasm Condition. Its found date is exact only from a full-date onset
        (``onsetDateTime``, or ``onsetPeriod.start`` with no other end day); otherwise the record
        only says the cancer was known *by* a date (a partial onset's last day, the period's end,
        ``recordedDate``, the day before the birthday after an ``onsetAge``, or later the
        earliest measurement or operation of it), so the tumour gets the earliest of these with
        ``found_date_latest`` (contract: a cancer is never given a made-up date)."""
        data = res.data
        v = self.vocab
        site_texts = texts + _texts(_ccs(data.get("bodySite")))
        site = _concept(v, "sites", site_texts) or "other"
        ref = f"Condition/{data.get('id')}"
        tumour: dict[str, Any] = {"site": site, "histology": histology, "found_date": None}
        fields: dict[str, str] = {}
        onset, onset_path = _first_day(data, "onsetDateTime", "onsetPeriod")
        period = data.get("onsetPeriod")
        end = period.get("end") if isinstance(period, Mapping) else None
        if isinstance(end, str) and onset is not None and end[:10] == onset[:10]:
            end = None  # a period of one day is that day
        if onset is not None and len(onset) >= 10 and end is None:
            tumour["found_date"] = _day(onset, self.draft, "")
            fields["found_date"] = onset_path or ""
        else:
            # a partial onset ("2019": some day that year) or a period (some day between its
            # start and end) gives only the latest day the cancer can have begun
            bounds = [(end, "onsetPeriod.end"), (data.get("recordedDate"), "recordedDate")]
            if end is None and onset is not None:
                bounds.append((onset, onset_path or ""))
            for value, path in bounds:
                self._known_by(ref, value, path)
            # an age at onset in years only bounds the date: found before the next birthday
            age, age_path = _onset_years(data)
            if age is not None:
                self.tumour_age[ref] = (age, age_path)
            else:
                other = next(
                    (k for k in ("onsetAge", "onsetRange", "onsetString") if k in data), None
                )
                if other is not None:
                    self.draft.notes.append(
                        f"FHIR: {res.path}.{other}: the tumour's onset is not given as a date or "
                        "an age in years; not used for its found date"
                    )
        self.tumours[ref] = tumour
        self.tumour_origin[ref] = (res, fields)

    def _known_by(self, ref: str, value: Any, path: str) -> None:
        """Keep the earliest date by which an undated tumour is known to exist."""
        day = _latest_day(value, self.today)
        if day is not None and (ref not in self.tumour_by or day < self.tumour_by[ref][0]):
            self.tumour_by[ref] = (day, path)

    # ------------------------------------------------------------------ Observation
    def _observation(self, res: FhirResource) -> None:
        if self._status_skip(res, {"entered-in-error", "cancelled"}):
            return
        data = res.data
        code = data.get("code")
        codings, texts = _cc_codings(code), _cc_texts(code)
        v = self.vocab
        kind, concept = self._observation_kind(codings, texts)
        if kind is None:
            self.draft.unmapped["Observation"] += 1
            return
        self._validate(res)
        raw_day, day_path = _first_day(data, "effectiveDateTime", "effectivePeriod", "issued")
        if kind == "measure":
            self.pending_measures.append((res, str(concept)))
            return
        if raw_day is None:
            self.draft.skipped["Observation without an effective date"] += 1
            return
        day = _day(raw_day, self.draft, res.path)
        if kind == "lab":
            self._lab(res, str(concept), day, day_path or "")
        elif kind == "antibody":
            self._antibody(res, str(concept), day, day_path or "")
        elif kind == "finding":
            polarity, _ = _polarity(v, data)
            if polarity in ("indeterminate",):
                self.draft.skipped["exam finding with an indeterminate result"] += 1
                return
            present = polarity not in ("negative", "normal")
            self.draft.add(
                "findings",
                {"code": concept, "present": present, "date": day},
                res,
                {"date": day_path or ""},
            )
        elif kind == "investigation":
            result = self._result(data)
            self._investigation(res, str(concept), day, day_path or "", result)
        elif kind == "course":
            words = _cc_texts(data.get("valueCodeableConcept"))
            if isinstance(data.get("valueString"), str):
                words.append(str(data["valueString"]))
            event = _concept(v, "events", words)
            if event is None:
                self.draft.skipped["myositis course Observation with an unread value"] += 1
                return
            record = {"kind": event, "date": day}
            if _note(data):
                record["note"] = _note(data)
            self.draft.add("events", record, res, {"date": day_path or ""})

    def _observation_kind(
        self, codings: list[Mapping[str, Any]], texts: list[str]
    ) -> tuple[str | None, str | None]:
        v = self.vocab
        for section, kind in (
            ("labs", "lab"),
            ("antibodies", "antibody"),
            ("findings", "finding"),
            ("investigations", "investigation"),
        ):
            hit = v.by_code(section, codings)
            if hit is not None:
                return kind, hit
        measure = v.measure_code(codings)
        if measure is not None:
            return "measure", measure
        if any(ANTIBODY_CUE.search(t) for t in texts):
            hit = _concept(v, "antibodies", texts)
            if hit is not None:
                return "antibody", hit
        for matcher, kind in (
            ("labs", "lab"),
            ("findings", "finding"),
            ("investigations", "investigation"),
            ("measures", "measure"),
        ):
            hit = _concept(v, matcher, texts)
            if hit is not None:
                return kind, hit
        # "Dermatomyositis course: improved" → an event of the myositis
        if v.by_code("myositis", codings) or _concept(v, "myositis", texts):
            return "course", "myositis"
        return None, None

    def _lab(self, res: FhirResource, code: str, day: str | None, day_path: str) -> None:
        data = res.data
        record: dict[str, Any] = {"code": code, "date": day}
        fields = {"date": day_path}
        qty = data.get("valueQuantity")
        if isinstance(qty, Mapping) and qty.get("value") is not None:
            unit = qty.get("unit") or qty.get("code")
            if not unit:
                self.draft.skipped[f"{code} result without a unit"] += 1
                return
            record["value"] = float(qty["value"])
            record["unit"] = str(unit)
            fields["value"] = "valueQuantity.value"
            fields["unit"] = "valueQuantity.unit"
            ranges = data.get("referenceRange")
            if isinstance(ranges, list) and ranges and isinstance(ranges[0], Mapping):
                for bound, name in (("high", "upper_limit"), ("low", "lower_limit")):
                    b = ranges[0].get(bound)
                    if not isinstance(b, Mapping) or b.get("value") is None:
                        continue
                    b_unit = b.get("unit") or b.get("code")
                    if b_unit and str(b_unit) != record["unit"]:
                        self.draft.notes.append(
                            f"FHIR: {res.path}.referenceRange[0].{bound}: unit {b_unit} differs "
                            f"from the result's ({record['unit']}); limit not used"
                        )
                        continue
                    if name == "lower_limit" and float(b["value"]) == 0:
                        continue
                    record[name] = float(b["value"])
                    fields[name] = f"referenceRange[0].{bound}.value"
        else:
            polarity, where = _polarity(self.vocab, data)
            if polarity in ("high", "abnormal", "positive"):
                record["above_uln"] = True
            elif polarity in ("normal", "negative"):
                record["above_uln"] = False
            else:
                self.draft.skipped[f"{code} result without a value or interpretation"] += 1
                return
            fields["above_uln"] = where
        self.draft.add("labs", record, res, fields)

    def _antibody(self, res: FhirResource, code: str, day: str | None, day_path: str) -> None:
        data = res.data
        polarity, where = _polarity(self.vocab, data)
        polarity = {"high": "positive", "abnormal": "positive", "normal": "negative"}.get(
            polarity or "", polarity
        )
        record: dict[str, Any] = {"code": code, "date": day}
        fields = {"date": day_path, "result": where}
        qty = data.get("valueQuantity")
        if isinstance(qty, Mapping) and qty.get("value") is not None:
            record["level"] = float(qty["value"])
            unit = qty.get("unit") or qty.get("code")
            if unit:
                record["unit"] = str(unit)
            fields["level"] = "valueQuantity.value"
            if polarity is None:
                ranges = data.get("referenceRange")
                high = (
                    ranges[0].get("high")
                    if isinstance(ranges, list) and ranges and isinstance(ranges[0], Mapping)
                    else None
                )
                if isinstance(high, Mapping) and high.get("value") is not None:
                    polarity = "positive" if record["level"] > float(high["value"]) else "negative"
                    fields["result"] = "referenceRange[0].high.value"
        if polarity is None:
            self.draft.skipped[f"anti-{code} result without a stated polarity"] += 1
            return
        record["result"] = polarity
        self.draft.add("antibodies", record, res, fields)

    def _result(self, data: Mapping[str, Any]) -> str | None:
        """normal / abnormal / pending from coded conclusions, interpretation or outcome words;
        None when the resource states none (the caller records ``not_stated``)."""
        status = data.get("status")
        if status in ("registered", "preliminary", "partial", "in-progress", "preparation"):
            return "pending"
        for key in ("conclusionCode", "interpretation", "outcome", "valueCodeableConcept"):
            ccs = _ccs(data.get(key))
            hit = self.vocab.by_code("polarity", _codings(ccs))
            words = _texts(ccs)
            if key == "conclusionCode" and isinstance(data.get("conclusion"), str):
                words.append(str(data["conclusion"]))
            if hit is None:
                read = [_conclusion_normality(text) for text in words]
                hit = "abnormal" if "abnormal" in read else "normal" if "normal" in read else None
            if hit is None:
                hit = _words_polarity(words)
            mapped = {
                "positive": "abnormal",
                "weak_positive": "abnormal",
                "high": "abnormal",
                "negative": "normal",
            }.get(hit or "", hit)
            if mapped in ("normal", "abnormal"):
                return mapped
        return None

    def _investigation(
        self, res: FhirResource, code: str, day: str | None, day_path: str, result: str | None
    ) -> None:
        if result is None:
            # final, with no conclusion, interpretation or outcome: done, result not in the
            # record (pending is kept for a registered/preliminary report, still awaited)
            self.draft.notes.append(
                f"FHIR: {res.path}: {code.replace('_', ' ')} has no stated result; "
                "recorded as done with the result not stated (obtain the report)"
            )
            result = "not_stated"
        record = {"code": code, "date": day, "result": result}
        conclusion = res.data.get("conclusion")
        note = conclusion if isinstance(conclusion, str) else _note(res.data)
        if note:
            record["note"] = note
        self.draft.add("investigations", record, res, {"date": day_path})

    # ------------------------------------------------------------------ Procedure / report
    def _procedure(self, res: FhirResource) -> None:
        self._test_or_operation(res, "performedDateTime", "performedPeriod")

    def _diagnosticreport(self, res: FhirResource) -> None:
        self._test_or_operation(res, "effectiveDateTime", "effectivePeriod", "issued")

    def _test_or_operation(self, res: FhirResource, *date_names: str) -> None:
        if self._status_skip(
            res, {"entered-in-error", "not-done", "cancelled", "stopped", "unknown"}
        ):
            return
        data = res.data
        codings, texts = _cc_codings(data.get("code")), _cc_texts(data.get("code"))
        v = self.vocab
        investigation = v.by_code("investigations", codings) or _concept(v, "investigations", texts)
        biopsy = None if investigation else _concept(v, "biopsy_trigger", texts)
        operation = None
        if investigation is None and biopsy is None:
            operation = _concept(v, "operations", texts)
            if operation is None and _concept(v, "events", texts) == "surgery":
                operation = "other"
        if investigation is None and biopsy is None and operation is None:
            self.draft.unmapped[res.type] += 1
            return
        self._validate(res)
        raw_day, day_path = _first_day(data, *date_names)
        if raw_day is None:
            self.draft.skipped[f"{res.type} without a date"] += 1
            return
        day = _day(raw_day, self.draft, res.path)
        if investigation is not None:
            self._investigation(res, investigation, day, day_path or "", self._result(data))
        elif biopsy is not None:
            self._muscle_biopsy(res, day, day_path or "")
        else:
            reasons = [_ref_key(r) for r in _ccs(data.get("reasonReference"))]
            target = next((r for r in reasons if r), None)
            self.surgeries.append((res, target, str(day), operation))
            record = {"kind": "surgery", "date": day}
            if _note(data):
                record["note"] = _note(data)
            self.draft.add("events", record, res, {"date": day_path or ""})

    def _muscle_biopsy(self, res: FhirResource, day: str | None, day_path: str) -> None:
        features: dict[str, Any] = {"date": day}
        words = _texts(_ccs(res.data.get("conclusionCode")))
        for text in words:
            for m in self.vocab.biopsy_features.find(text):
                features[m.concept] = True
        if self.draft.case.get("muscle_biopsy") is None:
            self.draft.case["muscle_biopsy"] = features
            self.draft.origins[("muscle_biopsy", -1)] = (res.path, {"date": day_path})

    # ------------------------------------------------------------------ medications
    def _medicationstatement(self, res: FhirResource) -> None:
        if self._status_skip(res, {"entered-in-error", "not-taken"}):
            return
        self._medication(res, res.data.get("dosage"), "effectiveDateTime", "effectivePeriod")

    def _medicationrequest(self, res: FhirResource) -> None:
        if self._status_skip(res, {"entered-in-error", "cancelled", "draft"}):
            return
        self._medication(res, res.data.get("dosageInstruction"), "authoredOn")

    def _medication(self, res: FhirResource, dosages: Any, *date_names: str) -> None:
        data = res.data
        med = data.get("medicationCodeableConcept")
        med_path = "medicationCodeableConcept"
        ref = _ref_key(data.get("medicationReference"))
        if med is None and ref is not None:
            found = self.by_ref.get(ref)
            target = found.data if found is not None else self._contained(data, ref)
            med = target.get("code") if target is not None else None
            med_path = "medicationReference"
        v = self.vocab
        drug = v.by_code("drugs", _cc_codings(med)) or _concept(v, "treatments", _cc_texts(med))
        if drug is None:
            self.draft.unmapped[res.type] += 1
            return
        self._validate(res)
        start, start_path = _first_day(data, *date_names)
        stop, stop_path = None, None
        period = data.get("effectivePeriod")
        if isinstance(period, Mapping) and isinstance(period.get("end"), str):
            stop, stop_path = str(period["end"]), "effectivePeriod.end"
        dosage = dosages[0] if isinstance(dosages, list) and dosages else None
        if isinstance(dosage, Mapping):
            bounds = (dosage.get("timing") or {}).get("repeat", {}).get("boundsPeriod")
            if isinstance(bounds, Mapping):
                if isinstance(bounds.get("start"), str):
                    start, start_path = str(bounds["start"]), "dosage[0].timing.repeat.boundsPeriod"
                if isinstance(bounds.get("end"), str):
                    stop, stop_path = str(bounds["end"]), "dosage[0].timing.repeat.boundsPeriod.end"
        if start is None:
            self.draft.skipped[f"{res.type} without a start date"] += 1
            return
        record: dict[str, Any] = {"drug": drug, "start": _day(start, self.draft, res.path)}
        fields = {"drug": med_path, "start": start_path or "", "stop": stop_path or ""}
        if stop:
            record["stop"] = _day(stop, self.draft, res.path)
        if isinstance(dosage, Mapping):
            route = v.by_code("routes", _cc_codings(dosage.get("route"))) or _concept(
                v, "routes", _cc_texts(dosage.get("route"))
            )
            if route:
                record["route"] = route
            dose = _dose(dosage)
            if dose:
                record["dose"] = dose
        self.draft.add("treatments", record, res, fields)

    @staticmethod
    def _contained(data: Mapping[str, Any], ref: str) -> Mapping[str, Any] | None:
        if not ref.startswith("#"):
            return None
        for item in data.get("contained") or []:
            if isinstance(item, Mapping) and item.get("id") == ref[1:]:
                return item
        return None

    # ------------------------------------------------------------------ Encounter
    def _encounter(self, res: FhirResource) -> None:
        data = res.data
        words = _texts(_ccs(data.get("type"))) + _texts(_ccs(data.get("reasonCode")))
        admit = (data.get("hospitalization") or {}).get("admitSource")
        words += _texts([admit])
        if _concept(self.vocab, "events", words) != "referral":
            self.draft.unmapped["Encounter"] += 1
            return
        self._validate(res)
        raw_day, day_path = _first_day(data, "period")
        if raw_day is None:
            self.draft.skipped["referral Encounter without a period"] += 1
            return
        self.draft.add(
            "events",
            {"kind": "referral", "date": _day(raw_day, self.draft, res.path)},
            res,
            {"date": day_path or ""},
        )

    # ------------------------------------------------------------------ tumours
    def _finish_tumours(self) -> None:
        for res, measure in self.pending_measures:
            target = _ref_key(next(iter(_ccs(res.data.get("focus"))), None))
            if target is None:
                target = next(
                    (k for k in (_ref_key(d) for d in _ccs(res.data.get("derivedFrom"))) if k),
                    None,
                )
            if target is None and len(self.tumours) == 1:
                target = next(iter(self.tumours))
            tumour = self.tumours.get(target or "")
            if tumour is None:
                self.draft.skipped["tumour measurement that names no tumour Condition"] += 1
                continue
            self._measure(res, measure, tumour, self.tumour_origin[target or ""][1])
            raw_day, day_path = _first_day(
                res.data, "effectiveDateTime", "effectivePeriod", "issued"
            )
            if tumour["found_date"] is None:
                self._known_by(target or "", raw_day, f"({res.path}.{day_path})")
        for res, target, day, operation in self.surgeries:
            if target is None:
                matching = [
                    k for k, t in self.tumours.items() if operation and t["site"] == operation
                ]
                target = matching[0] if len(matching) == 1 else None
            tumour = self.tumours.get(target or "")
            if tumour is not None:
                tumour["resected_date"] = day
                self.tumour_origin[target or ""][1]["resected_date"] = f"({res.path})"
                if tumour["found_date"] is None:
                    self._known_by(target or "", day, f"({res.path})")
        born = _latest_day(self.birth_date, self.today)
        for ref, (age, age_path) in self.tumour_age.items():
            if born is None:
                res = self.tumour_origin[ref][0]
                self.draft.notes.append(
                    f"FHIR: {res.path}.{age_path}: an age at onset needs the patient's birthDate "
                    "to bound the tumour's found date; not used"
                )
                continue
            # aged N at onset: found before the (N+1)th birthday; with a partial birthDate its
            # latest reading keeps the bound true
            self._known_by(ref, _day_before_birthday(born, int(age) + 1), age_path)
        for ref, tumour in self.tumours.items():
            res, fields = self.tumour_origin[ref]
            what = f"tumour (histology {tumour['histology']}, site {tumour['site']})"
            if tumour["found_date"] is None and ref in self.tumour_by:
                day, path = self.tumour_by[ref]
                tumour["found_date"], tumour["found_date_latest"] = day, True
                fields["found_date"] = fields["found_date_latest"] = path
                self.draft.notes.append(
                    f"FHIR: {res.path}: {what} has no exact onset date; recorded as found by {day} "
                    f"(from {path.strip('()')}), so whether it was found near the myositis "
                    "onset is not known"
                )
            if tumour.get("found_date") is None:
                self.draft.notes.append(
                    f"FHIR: {res.path}: {what} has no onset or recorded date; not assessed"
                )
                continue
            if tumour.get("size_mm") is None:
                # sizes are optional (a record may name a cancer without its size): the
                # size-dependent grading, staging and options are then reported as not assessed
                self.draft.notes.append(f"FHIR: {res.path}: {what} has no size observation")
            self.draft.add("tumours", tumour, res, fields)

    def _measure(
        self, res: FhirResource, measure: str, tumour: dict[str, Any], fields: dict[str, str]
    ) -> None:
        data = res.data
        qty = data.get("valueQuantity")
        value = float(qty["value"]) if isinstance(qty, Mapping) and "value" in qty else None
        unit = str((qty or {}).get("unit") or (qty or {}).get("code") or "")
        path = f"({res.path}.valueQuantity.value)"
        if measure == "size_mm" and value is not None:
            factor = _UNITS_TO_MM.get(unit.strip().lower())
            if factor is None:
                self.draft.notes.append(f"FHIR: {res.path}: tumour size unit {unit!r} not read")
                return
            tumour["size_mm"] = value * factor
            fields["size_mm"] = path
        elif measure == "ki67_percent" and value is not None:
            tumour["ki67_percent"] = value
            fields["ki67_percent"] = path
        elif measure == "mitoses" and value is not None:
            per = next((p for rx, p in _MITOSES_PER if rx.search(unit)), None)
            if per is None:
                self.draft.notes.append(
                    f"FHIR: {res.path}: mitotic count unit {unit!r} not read (use /10.HPF, "
                    "/2.mm2 or /mm2)"
                )
                return
            tumour["mitoses"] = {"count": value, "per": per}
            fields["mitoses"] = path
        elif measure in ("functional", "symptomatic"):
            polarity, where = _polarity(self.vocab, data)
            if polarity in ("positive", "negative"):
                tumour[measure] = polarity == "positive"
                fields[measure] = f"({res.path}.{where})"
            else:
                self.draft.skipped[f"tumour {measure} without a yes/no value"] += 1
        elif measure in ("nodes", "metastases"):
            words = _cc_texts(data.get("valueCodeableConcept")) + [
                str(c.get("code")) for c in _cc_codings(data.get("valueCodeableConcept"))
            ]
            if isinstance(data.get("valueString"), str):
                words.append(str(data["valueString"]))
            for text in words:
                m = _TNM.search(text)
                if m and (m.group(1)[0].upper() == "N") == (measure == "nodes"):
                    raw = m.group(1)
                    tumour[measure] = raw[0].upper() + raw[1:2].upper() + raw[2:].lower()
                    fields[measure] = f"({res.path}.valueCodeableConcept)"
                    return
            self.draft.skipped[f"tumour {measure} class not read"] += 1
        else:
            self.draft.skipped[f"tumour {measure.replace('_', ' ')} without a value"] += 1


def _note(data: Mapping[str, Any]) -> str | None:
    notes = data.get("note")
    if isinstance(notes, list) and notes and isinstance(notes[0], Mapping):
        text = notes[0].get("text")
        return str(text) if isinstance(text, str) else None
    return None


def _dose(dosage: Mapping[str, Any]) -> str | None:
    rates = dosage.get("doseAndRate")
    if isinstance(rates, list) and rates and isinstance(rates[0], Mapping):
        qty = rates[0].get("doseQuantity")
        if isinstance(qty, Mapping) and qty.get("value") is not None:
            unit = qty.get("unit") or qty.get("code") or ""
            return (
                f"{_number(qty['value'])} {unit}".strip()
                if isinstance(qty["value"], int | float)
                else None
            )
    text = dosage.get("text")
    return str(text) if isinstance(text, str) else None


def _number(value: float) -> str:
    """A number as messages show it; JSON integers may be larger than any float."""
    try:
        return f"{value:g}"
    except OverflowError:
        return "a number too large"


def _fhir_message(err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind.endswith("missing"):
        return "is required"
    if kind == "extra_forbidden":
        return "is not an element of this resource in FHIR R4"
    msg = str(err.get("msg", "is invalid")).removeprefix("Value error, ")
    # The value is named only when it is a number (as the case file's messages do): a string
    # could be a name or a note, and messages must carry no patient data.
    value = err.get("input")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{_number(value)}: {msg}"
    if isinstance(value, str):
        return f"a {type(value).__name__} value: {msg}"
    return msg


def draft_case(resources: list[FhirResource], today: date | None = None) -> CaseDraft:
    """Map resources (one patient's) to a case draft; raises CaseError naming FHIR paths."""
    return _Reader(resources, today or date.today()).read()


def iter_entries(bundle: Mapping[str, Any]) -> Iterator[FhirResource]:
    entries = bundle.get("entry") or []
    if not isinstance(entries, list):
        raise CaseError.single("Bundle.entry", "must be a list")
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            raise CaseError.single(f"Bundle.entry[{i}]", "must be an object")
        resource = entry.get("resource")
        if resource is None:
            continue
        if not isinstance(resource, Mapping) or not isinstance(resource.get("resourceType"), str):
            raise CaseError.single(
                f"Bundle.entry[{i}].resource", "must be a resource with a resourceType"
            )
        search = entry.get("search")
        if isinstance(search, Mapping) and search.get("mode") == "outcome":
            continue
        yield FhirResource(f"Bundle.entry[{i}].resource", resource)
