"""The patient's region as a class, and labs compared in the recorded unit (issue #10, i10au).
Every sentence is our own; each expected ISO 3166 code is worked out by hand from the place.

- a place after a residence or origin cue, in the extractor's languages (an address field,
  "resides in", "natural de", "originaire du"), resolved by ISO 3166 (ingest/text/_places.py):
  a country's name in that language, a subdivision that belongs to one country, the state code
  written after a city (US, Canada, Australia, Brazil, Swiss cantons, Italian provinces), and a
  form's country field holding an ISO code (JSON, CDA, HL7 v2 PID-11);
- guards: a relative's home, the hospital's country, a travel destination, a name after "from",
  a place or state code naming no single country, a lower-case word: no region (not assessed);
- benchmarks/nlp_eval.py compares a lab in the unit the product records it in (the product's
  own conversion, facts.labs.lab_unit) and the age on the evaluation day.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from myositis_cds.case import parse_case
from tests.ingest.text.helpers import read

HEAD = "Clinic letter, 10/11/2026.\n"
BODY = "\nShe has a heliotrope rash and proximal weakness.\n"


def region(text: str) -> str | None:
    result: str | None = read(HEAD + text + BODY).case.patient.region
    return result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a country's own name in the language of the field (Slovene, Romanian, Latvian,
        # Ukrainian, Serbian Latin, Spanish with its accent)
        ("Patient: female, 61 years   Naslov: Maribor, Slovenija", "SI"),
        ("Patient: female, 61 years   Domiciliu: Iași, România", "RO"),
        ("Patient: female, 61 years   Dzīvesvieta: Rīga, Latvija", "LV"),
        ("Patient: female, 61 years   Місце проживання: Львів, Україна", "UA"),
        ("Patient: female, 61 years   Prebivalište: Novi Sad, Srbija", "RS"),
        ("A 61-year-old woman, residente en Arequipa, Perú.", "PE"),
        # origin in French: "originaire du" + the French name of Cameroon
        ("A 61-year-old woman, originaire du Cameroun.", "CM"),
        # a subdivision of one country: Galician "natural de" + the province of Ourense (ES),
        # Tagalog "nakatira sa" + Cebu (PH), Turkish address + Konya (TR)
        ("A 61-year-old woman, natural de Ourense.", "ES"),
        ("A 61-year-old woman, nakatira sa Cebu.", "PH"),
        ("Patient: female, 61 years   Adres: Konya", "TR"),
        # Malay address field + a place the hand list names (Sarawak: MY)
        ("Patient: female, 61 years   Alamat: Kuching, Sarawak", "MY"),
        # the state code after the city, with or without a postcode, in a form's column
        ("Patient: female, 61 years   Home address: Tucson, AZ 85701", "US"),
        ("A 61-year-old woman who lives in Ballarat VIC 3350.", "AU"),
        ("A 61-year-old woman, resident of Halifax, NS, retired teacher.", "CA"),
        ("Patient: F 61   Home: Halifax, NS      Ordering MD: Dr Y", "CA"),
        ("A 61-year-old woman resident at Lodi (LO), Lombardy.", "IT"),
        # a form's country field with an ISO code
        (
            '{"patient": {"sex": "F", "age": 61, "address": {"city": "Porto", "country": "PT"}}}',
            "PT",
        ),
        ("Patient: female, 61 years <addr><city>Napier</city><country>NZ</country></addr>", "NZ"),
    ],
)
def test_region_of_a_place_after_a_cue(line: str, expected: str) -> None:
    assert region(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a relative's home is not the patient's
        "A 61-year-old woman. Her mother lives in Manila, Philippines.",
        # the hospital's country and a travel destination have no residence cue (i49r: a care
        # setting the letterhead names gives the region when nothing else does; one named past
        # the letterhead's first four lines still gives none)
        "Clinic letter.\nRheumatology.\nDr A. Moss.\nA 61-year-old woman.\n"
        "Hospital Universitario de Salamanca, España.",
        "A 61-year-old woman who travelled to Thailand in June.",
        # a name after the loose cue "from" ("a letter from Chad") is never a country
        "A 61-year-old woman; see the letter from Chad about her.",
        # a town ISO 3166 does not list, and a state code two countries share (NT: Australia's
        # Northern Territory and Canada's Northwest Territories): not one country
        "A 61-year-old woman who lives in Springfield.",
        "Patient: female, 61 years   Address: Palmerston NT 0830",
        # a lower-case word after the cue is no place
        "A 61-year-old woman who lives in poverty.",
    ],
)
def test_no_region_without_one_country(line: str) -> None:
    assert region(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the state code's joining says whose system it is: a hyphen is Brazil's "cidade-UF"
        # (SP: São Paulo; Italy's La Spezia is SP too, but written in brackets), brackets are
        # an Italian province (BG: Bergamo), a space a Swiss canton (ZH: Zürich)
        ("Paciente: 16 anos, sexo masculino, procedente de Ribeirão Preto-SP.", "BR"),
        ("A 61-year-old woman resident at Treviglio (BG).", "IT"),
        ("Patientin, 52 J., Wohnort Uster ZH", "CH"),
        # a subdivision after its kind word in the language of the address ("Región del
        # Biobío" is Chile's Biobío; "woj. lubelskie" Poland's Lublin voivodeship; Indonesian
        # "Kec." before a district and the province Sumatera Utara)
        ("Paciente de 61 años. Domicilio: Coronel, Región del Biobío", "CL"),
        ("Pacjentka, lat 61. Adres: Świdnik, woj. lubelskie", "PL"),
        ("Pasien perempuan, 61 tahun. Alamat: Kec. Binjai Kota, Sumatera Utara", "ID"),
        # a form's dotted leader instead of the colon
        ("Patient: female, 61 years\nCountry of residence ..... Norway (Tromsø)", "NO"),
        # "from" is loose, so only a country's name or a place named with its kind counts
        ("A 61-year-old retired nurse from Naas, Co. Kildare.", "IE"),
        # a redacted street, then the town and a UK postcode (Sunderland: an English
        # metropolitan borough in ISO 3166-2:GB; SR1 the outward code)
        ("Patient: F 61   Address: [withheld], Sunderland SR1 3XY   Tel: [withheld]", "GB"),
        # a Korean metropolitan city whose ISO name carries its kind ("Incheon-gwangyeoksi")
        ("A 61-year-old woman who lives in Incheon.", "KR"),
    ],
)
def test_region_state_codes_kind_words_and_leaders(line: str, expected: str) -> None:
    assert region(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # WA is both Washington (US) and Western Australia: no single country (issue #10,
        # i53p: unless the town is one country's only, "Spokane, WA"; Perth is two countries')
        "A 61-year-old woman who lives in Perth, WA.",
        # "from" with a subdivision's bare name: not read ("letter from Kent" may be a person)
        "A 61-year-old woman; letter from Kent enclosed.",
        # a column's next label after the place is no part of it (MD is Maryland's code)
        "Patient: F 61   Home: Truro   Ordering MD: Dr Z",
    ],
)
def test_no_region_from_ambiguous_codes_or_columns(line: str) -> None:
    assert region(line) is None


# --------------------------------------------------------------------------- demonyms
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the demonym before a noun for one person (lexicon nationalities)
        ("A 45-year-old Filipino woman presented with a rash.", "PH"),
        ("A Chinese man, aged 52, presented with a rash.", "CN"),
        ("A 38-year-old Nigerian student presented with a rash.", "NG"),
        ("A 45-year-old South Korean woman presented with a rash.", "KR"),
    ],
)
def test_region_from_a_demonym_before_the_patient(line: str, expected: str) -> None:
    assert region(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a society, a medicine, a relative, patients in general, a continent: no country
        "An American Thoracic Society statement was applied to a 45-year-old woman.",
        "A 45-year-old woman who took Chinese herbal medicine.",
        "A 45-year-old woman; her Filipino mother has lupus.",
        "Chinese patients often have this cancer. A 45-year-old woman.",
        "A 45-year-old Asian woman.",
    ],
)
def test_no_region_from_other_demonyms(line: str) -> None:
    assert region(line) is None


# --------------------------------------------------------------------------- the patient a parent
@pytest.mark.parametrize(
    ("text", "age", "sex", "where"),
    [
        # the patient as a parent: the parent noun with a number is no relative, so the age
        # and the place in the same sentence stay the patient's (French, English, Spanish,
        # Polish collective numeral, Turkish number before the noun)
        (
            "Il s'agit de Mme C.D., âgée de 52 ans, demeurant à Agadir, mariée et mère de 2 "
            "enfants.",
            52,
            "female",
            "MA",  # Agadir, Morocco: a town of every country's table since i49r
        ),
        ("A 52-year-old man, married, father of three, lives in Cebu.", 52, "male", "PH"),
        ("Varón de 52 años, padre de dos hijos, residente en Arequipa, Perú.", 52, "male", "PE"),
        ("Pacjentka lat 52, matka dwojga dzieci, zamieszkała w Lublinie.", 52, "female", None),
    ],
)
def test_the_patient_as_a_parent_is_not_a_relative(
    text: str, age: int, sex: str, where: str | None
) -> None:
    patient = read(HEAD + text + BODY).case.patient
    assert (patient.age, patient.sex.value, patient.region) == (age, sex, where)


def test_a_relative_with_a_verb_is_still_a_relative() -> None:
    # "her father lives in Cebu": the place is the father's, and there is no number after
    # "father", so the pseudo-rule does not switch the relative off
    patient = read(HEAD + "A 52-year-old woman. Her father lives in Cebu." + BODY).case.patient
    assert patient.region is None


# ------------------------------------------------------------------------ age in years and months
@pytest.mark.parametrize(
    ("line", "age", "sex"),
    [
        # a child's age in years and months before the sex word: the whole years
        ("Patient: 15 y 2 m, girl.", 15, "female"),
        ("Patient: 3 yrs 4 mths, boy.", 3, "male"),
        ("Paciente: 2 años 6 meses, femenino.", 2, "female"),
        ("Paziente: 4 anni 3 mesi, maschio.", 4, "male"),
    ],
)
def test_age_in_years_and_months_before_the_sex(line: str, age: int, sex: str) -> None:
    patient = read(HEAD + line + "\nHeliotrope rash.\n").case.patient
    assert (patient.age, patient.sex.value) == (age, sex)


# --------------------------------------------------------------------------- nlp_eval comparison
def _nlp_eval() -> ModuleType:
    path = Path(__file__).resolve().parents[3] / "benchmarks" / "nlp_eval.py"
    spec = importlib.util.spec_from_file_location("nlp_eval_i10au", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _items(case_data: dict[str, object], kind: str) -> set[tuple[object, ...]]:
    module = _nlp_eval()
    case = parse_case(case_data, today=date(2026, 11, 27))
    return {key for k, key in module.items(case) if k == kind}


def test_nlp_eval_compares_labs_in_the_recorded_unit() -> None:
    day = "2026-10-30"
    labs = _items(
        {
            "patient": {"sex": "female", "age": 50},
            "labs": [
                # IU/L is U/L; 1.1 µkat/L x 60 = 66 U/L with its limit 3.3 x 60 = 198;
                # CRP 1.8 mg/dL x 10 = 18 mg/L, limit 0.5 x 10 = 5; ESR keeps mm/h
                {"code": "ck", "value": 1870, "unit": "IU/L", "upper_limit": 200, "date": day},
                {"code": "alt", "value": 1.1, "unit": "µkat/L", "upper_limit": 3.3, "date": day},
                {"code": "crp", "value": 1.8, "unit": "mg/dL", "upper_limit": 0.5, "date": day},
                {"code": "esr", "value": 38, "unit": "mm/h", "date": day},
            ],
        },
        "lab",
    )
    d = date(2026, 10, 30)
    assert {(code, value, unit, upper) for code, value, unit, upper, _, when in labs} == {
        ("ck", 1870.0, "U/L", 200.0),
        ("alt", 66.0, "U/L", 198.0),
        ("crp", 18.0, "mg/L", 5.0),
        ("esr", 38.0, "mm/h", None),
    }
    assert {when for *_, when in labs} == {d}


@pytest.mark.parametrize(
    ("patient", "age"),
    [
        # born 17 June 1979: 47 on 27 Nov 2026 (birthday passed); born 30 Nov 1979: still 46
        ({"sex": "female", "birth_date": "1979-06-17"}, 47),
        ({"sex": "female", "birth_date": "1979-11-30"}, 46),
        ({"sex": "male", "age": 61}, 61),
    ],
)
def test_nlp_eval_compares_the_age_on_the_evaluation_day(
    patient: dict[str, object], age: int
) -> None:
    assert _items({"patient": patient}, "patient") >= {("age", age)}


# --------------------------------------------------------------------------- labs
LAB_HEAD = "Clinic letter 10/11/2026. A 60-year-old woman with dermatomyositis.\n"


def labs(line: str) -> list[tuple[str, float | None, str | None, float | None, bool | None]]:
    case = read(LAB_HEAD + line + "\n").case
    return [(x.code.value, x.value, x.unit, x.upper_limit, x.is_above_uln) for x in case.labs]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a laboratory print in columns: value, unit, reference interval, flag (610 > 320: H)
        (
            "Creatine kinase        610 U/L       40-320       H",
            [("ck", 610.0, "U/L", 320.0, True)],
        ),
        # ... with "<" as the reference and the row's date first
        (
            " 02-Nov-2026  Alanine aminotransferase   55 U/L   <35   H",
            [("alt", 55.0, "U/L", 35.0, True)],
        ),
        # a low value in the same layout: 120 within 135-214 is below the lower limit, so not
        # above the upper one
        ("Lactate dehydrogenase   120 U/L   135-214   L", [("ldh", 120.0, "U/L", 214.0, False)]),
        # the reference label as a grammar: [lab|local] reference|normal [range|value|limits]
        ("CK 4862 U/L (reference value 38-174).", [("ck", 4862.0, "U/L", 174.0, True)]),
        ("Her CK was 142 U/L (lab normal 60-305).", [("ck", 142.0, "U/L", 305.0, False)]),
        ("CK 610 U/L (normal limits 40-320).", [("ck", 610.0, "U/L", 320.0, True)]),
        # C-reactive protein by its full name in other languages (31 > 5; 18 > 5)
        ("Proteína C reactiva 31 mg/L (VN < 5).", [("crp", 31.0, "mg/L", 5.0, True)]),
        ("C-reaktives Protein 18 mg/l (Norm < 5).", [("crp", 18.0, "mg/L", 5.0, True)]),
    ],
)
def test_lab_reference_layouts_and_names(
    line: str, expected: list[tuple[str, float | None, str | None, float | None, bool | None]]
) -> None:
    assert labs(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # "PCR" is also the polymerase chain reaction: never a CRP judgement
        "PCR negativa para SARS-CoV-2.",
        # a pair of days after the unit followed by a month is no reference interval
        "CK 610 U/L 12-14 October.",
    ],
)
def test_no_lab_reference_from_other_numbers(line: str) -> None:
    assert all(upper is None for *_, upper, _ in labs(line))
    assert "crp" not in {code for code, *_ in labs(line)}
