"""issue #10 (i33a): isiZulu and Malagasy read as languages (the patient line, the months, the
denials before the noun, a form's answer and the result words, the relatives, the neck as an
MRC row's heading, the range label "normal", the cancer nouns and sites, a plan's words, how
often a dose is given, a treatment not given, the address field). Our own sentences (never a
note's); the values are worked out by hand. Each class has a guard: a near-miss that must not
be read."""

from __future__ import annotations

import pytest

from .helpers import (
    antibody_results,
    case_of,
    findings_of,
    labs_coded,
    sex_and_age,
    strength_items,
    tumour_sites,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # isiZulu: the form's sex and age fields on one line
        ("Igama: B. Mthembu\nUbulili: owesilisa        Iminyaka: 62\nCK 5400 U/L.", ("male", 62)),
        # ... the age field by its other label, "Ubudala"
        ("Ubudala: 39\nUbulili: owesifazane", ("female", 39)),
        # Malagasy: the sex word before "N taona" (N years), as a letter's header gives them
        ("Anarana: Rabe P.    Vavy, 44 taona\nCPK 3100 UI/L.", ("female", 44)),
        # ... the noun "lehilahy" (a man) before the age
        ("Lehilahy 71 taona tonga noho ny fahalemena.", ("male", 71)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_malagasy_years_ago_is_no_age() -> None:
    # guard: "taona" after a number without a person's word is no age ("3 years ago")
    assert sex_and_age("Nanomboka 3 taona lasa ny aretina.")[1] is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # isiZulu: the traditional month with the locative "ku-" and the loan name with "ngo-"
        ("Igazi lika-14 kuMfumfu 2026: CK 900 U/L.", "2026-10-14"),
        ("Ngo-21 ngoJulayi 2026 CK 900 U/L.", "2026-07-21"),
        # Malagasy: the ordinal prefix "faha-" before the day
        ("Biolojia faha-9 Aogositra 2026: CPK 900 UI/L.", "2026-08-09"),
    ],
)
def test_month_names(text: str, day: str) -> None:
    (lab,) = labs_coded(text, "ck")
    assert lab.date.isoformat() == day


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # isiZulu: "akukho" (there is no), "azikho" (there are none) before the noun
        ("Akukho Raynaud phenomenon ezandleni.", "raynaud", False),
        ("Azikho i-Gottron's papules eminweni.", "gottron_papules", False),
        # Malagasy: "tsy misy" / "tsy hita" (there is no / not found) before the noun
        ("Tsy misy calcinosis amin'ny hoditra.", "calcinosis", False),
        (
            "Tamin'ny scanner dia tsy hita ny interstitial lung disease.",
            "interstitial_lung_disease",
            False,
        ),
        # guard: the sign named without a denial is present
        ("Misy heliotrope rash amin'ny hodi-maso.", "heliotrope_rash", True),
    ],
)
def test_denials_before_the_noun(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # isiZulu: a form's answer after the colon, "akukho" (none) and "kukhona" (present)
        ("anti-PL-12: akukho; anti-MDA5: kukhona", {"PL12": "negative", "MDA5": "positive"}),
        # Malagasy: "miiba" (negative) after a list, "miabo" (positive)
        (
            "anti-Jo-1, anti-SRP: miiba. anti-NXP2: miabo.",
            {"JO1": "negative", "SRP": "negative", "NXP2": "positive"},
        ),
    ],
)
def test_result_words(text: str, expected: dict[str, str]) -> None:
    assert antibody_results(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Umama wakhe wayenomdlavuza wamaphaphu.",
        "Reniny: homamiadan'ny havokavoka tamin'ny 2019.",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(text: str) -> None:
    assert case_of(text).tumours == []


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # Malagasy: the cancer noun in its genitive form before the organ
        (
            "Homamiadan'ny vavony (adénocarcinome) hita tamin'ny fibroscopie.",
            [("stomach", "adenocarcinoma")],
        ),
        # isiZulu: the noun with the prefix of "has" ("uno-") and the lungs' possessive
        (
            "Unomdlavuza wamaphaphu (adenocarcinoma) kusukela ngoMeyi 2026.",
            [("lung", "adenocarcinoma")],
        ),
    ],
)
def test_cancer_nouns_and_sites(text: str, sites: list[tuple[str, str]]) -> None:
    assert tumour_sites(text) == sites


def test_cancer_denied_is_none() -> None:
    # guard: "akukho mdlavuza" (no cancer) names no tumour
    assert case_of("I-CT 4 kuMbasa 2026: akukho mdlavuza.").tumours == []


def test_a_recommended_gastrectomy_is_no_resection() -> None:
    # "soso-kevitra" (recommendation): the surgery is planned, not done
    text = (
        "Homamiadan'ny vavony (adénocarcinome) hita faha-2 Jona 2026.\n"
        "Soso-kevitra: chimiothérapie, avy eo gastrectomie."
    )
    (tumour,) = case_of(text).tumours
    assert tumour.resected_date is None


def test_a_gastrectomy_done_is_a_resection() -> None:
    # guard: the same surgery with its date and no plan's word is the resection
    text = (
        "Homamiadan'ny vavony (adénocarcinome) hita faha-2 Jona 2026.\n"
        "Gastrectomie faha-20 Jona 2026."
    )
    (tumour,) = case_of(text).tumours
    assert tumour.resected_date is not None and tumour.resected_date.isoformat() == "2026-06-20"


@pytest.mark.parametrize(
    ("text", "weaker"),
    [
        # isiZulu: "Intamo" (the neck) as the row's heading of its flexors and extensors
        ("Amandla emisipha: Intamo: ama-flexors 2, ama-extensors 4.", True),
        # guard: both at full strength, the flexors are not the weaker
        ("Amandla emisipha: Intamo: ama-flexors 5, ama-extensors 5.", False),
    ],
)
def test_the_neck_as_a_rows_heading(text: str, weaker: bool) -> None:
    code = "neck_flexors_weaker_than_extensors"
    assert findings_of(text).get(code) is weaker
    assert (code in strength_items(text)) is weaker


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("CK 2 480 U/L (okujwayelekile 25 - 190)", (25.0, 190.0)),
        ("CK 910 U/L (okujwayelekile < 170)", (None, 170.0)),
        ("CPK 1 730 UI/L (ara-dalàna < 195)", (None, 195.0)),
        ("CPK 1 730 UI/L (ara-dalana 24 - 195)", (24.0, 195.0)),
    ],
)
def test_range_label_normal(text: str, limits: tuple[float | None, float]) -> None:
    (lab,) = labs_coded(text, "ck")
    assert (lab.lower_limit, lab.upper_limit) == limits


@pytest.mark.parametrize(
    ("text", "drug", "dose"),
    [
        (
            "I-methotrexate 20 mg kanye ngesonto kusukela ngo-3 kuMfumfu 2026.",
            "methotrexate",
            "20 mg kanye ngesonto",
        ),
        ("I-prednisone 40 mg ngosuku.", "prednisone", "40 mg ngosuku"),
        (
            "Prednisone 50 mg isan'andro nanomboka faha-2 Jolay 2026.",
            "prednisone",
            "50 mg isan'andro",
        ),
        (
            "Methotrexate 15 mg indray mandeha isan-kerinandro.",
            "methotrexate",
            "15 mg indray mandeha isan-kerinandro",
        ),
    ],
)
def test_how_often_a_dose_is_given(text: str, drug: str, dose: str) -> None:
    (treatment,) = case_of(text).treatments
    assert (treatment.drug, treatment.dose) == (drug, dose)


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Tsy nomena immunoglobulines intraveineuses.", False),
        # guard: given, the treatment is recorded
        ("Nomena immunoglobulines intraveineuses 2 g/kg faha-5 Jona 2026.", True),
    ],
)
def test_a_treatment_not_given(text: str, given: bool) -> None:
    assert bool(case_of(text).treatments) is given


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Ubulili: owesifazane   Iminyaka: 55\nIkheli: Pietermaritzburg, KwaZulu-Natali", "ZA"),
        ("Vehivavy, 55 taona\nMonina: Toamasina", "MG"),
    ],
)
def test_the_address_field(text: str, region: str) -> None:
    assert case_of(text).patient.region == region


@pytest.mark.parametrize(
    ("text", "drug", "dose"),
    [
        # (heldout36 leftover) Sinhala and Kannada: once a day, once a week, after the amount
        ("- Prednisolone 25 mg දිනකට වරක් - 2026.10.02 සිට", "prednisolone", "25 mg දිනකට වරක්"),
        ("- Methotrexate 12.5 mg සතියකට වරක් (සෙනසුරාදා)", "methotrexate", "12.5 mg සතියකට වරක්"),
        ("- Prednisolone 35 mg ದಿನಕ್ಕೆ ಒಮ್ಮೆ, 02/10/2026 ರಿಂದ", "prednisolone", "35 mg ದಿನಕ್ಕೆ ಒಮ್ಮೆ"),
        ("- Methotrexate 20 mg ವಾರಕ್ಕೆ ಒಮ್ಮೆ.", "methotrexate", "20 mg ವಾರಕ್ಕೆ ಒಮ್ಮೆ"),
        # guard: an amount with no frequency word after it stays the amount alone
        ("- Prednisolone 25 mg, 2026.10.02 සිට", "prednisolone", "25 mg"),
    ],
)
def test_sinhala_and_kannada_dose_frequencies(text: str, drug: str, dose: str) -> None:
    (treatment,) = case_of(text).treatments
    assert (treatment.drug, treatment.dose) == (drug, dose)
