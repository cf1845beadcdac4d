"""issue #10 (i35a): Faroese and Papiamentu read as languages (the patient line, the date-of-birth
field, the months with the Papiamentu day's "di", the strength grammar's "N av 5" / "N di 5" with
the muscles an MRC row names, the denials, the relatives, the findings in the languages' words)
and the heliotrope told by its colour on the eyelids in Dutch, Faroese and Papiamentu. Our own
sentences (never a note's); the values are worked out by hand. Each class has a guard: a
near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    case_of,
    findings_of,
    labs_coded,
    present,
    sex_and_age,
    strength_items,
    tumour_sites,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Faroese: the sex field's value and the age after it ("N ár", N years)
        ("Navn: Sunneva J.\nKyn: kona, 58 ár.\nCK 2 100 U/L.", ("female", 58)),
        # ... the form's sex and age fields on one line
        ("Kyn: maður      Aldur: 71\nCK 900 U/L.", ("male", 71)),
        # ... "N ára gomul kona" (a woman N years old)
        ("Ein 44 ára gomul kona varð innløgd.", ("female", 44)),
        # Papiamentu: the sex field's value and "N aña"
        ("Nòmber: J. Pietersz\nSekso: muhé, 39 aña\nCK 900 U/L.", ("female", 39)),
        ("Sekso: hòmber   Edat: 62", ("male", 62)),
        # ... "un hòmber di N aña" (a man of N years)
        ("Mi ta referí un hòmber di 55 aña ku debilidat.", ("male", 55)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_a_duration_in_years_is_no_age() -> None:
    # guard: "í 3 ár" (for three years) after no sex noun nor age field is no age
    assert sex_and_age("Hon hevur havt verk í 3 ár.\nCK 900 U/L.") == ("unknown", None)


def test_the_abbreviated_senor_is_no_sex() -> None:
    # guard: "Sr." is also a nursing Sister: no sex from it alone
    assert sex_and_age("Sr. Koster a mira e pashènt.\nCK 900 U/L.") == ("unknown", None)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Kyn: maður     Bústaður: Tvøroyri\nCK 900 U/L.", "FO"),
        ("Sekso: muhé    Adrès: Kaya Grandi 12, Willemstad\nCK 900 U/L.", "CW"),
    ],
)
def test_address_field(text: str, region: str) -> None:
    assert case_of(text).patient.region == region


def test_a_place_outside_the_address_field_is_no_region() -> None:
    # guard: the practice's letterhead town is not where the patient lives
    assert case_of("Praktik di dokter, Willemstad\nCK 900 U/L.").patient.region is None


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Sjúklingur: R. Hansen     Føðingardagur: 11.05.1958\nCK 900 U/L.", "1958-05-11"),
        ("Pashènt: A. Martis   Fecha di nasementu: 02-09-1981\nCK 900 U/L.", "1981-09-02"),
    ],
)
def test_date_of_birth_field(text: str, born: str) -> None:
    # the field's date is the birth date, never the date of the labs under it
    case = case_of(text)
    assert case.patient.birth_date is not None
    assert case.patient.birth_date.isoformat() == born
    assert all(lab.date is None or lab.date.year >= 2026 for lab in case.labs)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Papiamentu: the weekday, the day, "di" (of), the month with its diacritics, the year
        ("Laboratorio (djamars 3 di febrüari 2026): CK 900 U/L.", "2026-02-03"),
        # ... the month written without them
        ("Sanger saká 21 di september 2026: CK 900 U/L.", "2026-09-21"),
        ("Resultado di 7 di desèmber 2025: CK 900 U/L.", "2025-12-07"),
        # Faroese: "apríl" (the other months are Norwegian's)
        ("Blóðroyndir 14. apríl 2026: CK 900 U/L.", "2026-04-14"),
    ],
)
def test_months(text: str, day: str) -> None:
    (lab,) = labs_coded(text, "ck")
    assert lab.date is not None and lab.date.isoformat() == day


def test_faroese_strength_table() -> None:
    # a table with right / left columns and "N av 5" (N of 5) in each
    text = (
        "Kanning 2. oktober 2026.\n"
        "Vøddastyrki (MRC 0-5):\n"
        "                       høgra     vinstra\n"
        "  Deltoideus           3 av 5    4 av 5\n"
        "  Mjødnabeygjarar      4 av 5    4 av 5\n"
        "  Fótalið, dorsalfleksión  5 av 5  5 av 5\n"
        "  Nakkabeygjarar 2 av 5, nakkateygjarar 4 av 5.\n"
    )
    assert strength_items(text) == {UPPER, LOWER, LEGS_PROX, NECK}


def test_faroese_grades_in_a_sentence() -> None:
    # the girdles with a plus or a minus before "av 5", joined by "og" (and)
    text = "Við útskriving: styrki í økslum 4- av 5 og í mjødnum 4+ av 5."
    assert strength_items(text) == {UPPER, LOWER}


def test_papiamentu_strength_list() -> None:
    # a dot-leader list with right / left as "N di 5 / N di 5"
    text = (
        "Forsa di músklo (MRC 0-5), drechi / robes:\n"
        "   skouder ............ 4 di 5 / 3 di 5\n"
        "   hep ................ 3 di 5 / 3 di 5\n"
        "   enkel .............. 5 di 5 / 5 di 5\n"
    )
    assert strength_items(text) == {UPPER, LOWER, LEGS_PROX}


@pytest.mark.parametrize(
    "text",
    [
        # guard: a count of samples or patients, with no strength word on the line
        "Biopsia: 2 di 5 pida di tehido tabata anormal.",
        "Í 3 av 5 sýnum var bólga.",
    ],
)
def test_a_count_is_no_grade(text: str) -> None:
    assert strength_items(text) == set()


def test_faroese_denials_and_findings() -> None:
    text = (
        "Kanning 2. oktober 2026: vøddapína í lørunum. Eingin trupulleiki við at svølgja. "
        "Hon hevur ikki mist vekt. Ongar mekanikarahendur, eingi húðsár."
    )
    assert findings_of(text) == {
        "myalgia": True,
        "dysphagia": False,
        "weight_loss": False,
        "mechanics_hands": False,
        "cutaneous_ulceration": False,
    }


def test_papiamentu_denials_and_findings() -> None:
    text = (
        "Eksamen 2 di òktober 2026: doló di músklo. E no a pèrdè peso. No tin úlsera. "
        "Kalsinosis bou di kueru na rudia. Difikultat pa traga."
    )
    assert findings_of(text) == {
        "myalgia": True,
        "weight_loss": False,
        "cutaneous_ulceration": False,
        "calcinosis": True,
        "dysphagia": True,
    }


def test_papiamentu_relative_cancer_is_no_tumour() -> None:
    # "su mama" (her/his mother): the relative's cancer is family history
    assert tumour_sites("Historia: su mama a haña kanser di pulmon na 60 aña.") == []
    # guard: the patient's own cancer is still read
    assert tumour_sites("Diagnóstiko: kanser di pulmon (adenokarsinoma), 2026.") == [
        ("lung", "adenocarcinoma")
    ]
    # guard: the German and Latin "Mamma" (the breast) is no Faroese mum
    assert tumour_sites("Mammographie: Karzinom der Mamma rechts, 2026.") == [("breast", "other")]


@pytest.mark.parametrize(
    "text",
    [
        # Dutch: redness or a purple discoloration on the (upper) eyelids
        "Bij onderzoek zagen wij zwelling en roodheid van beide bovenoogleden.",
        "Lichamelijk onderzoek: paarsrode verkleuring van de oogleden.",
        # Faroese: a red rash on the eyelids
        "Húð: reyður útslag á eygnalokunum.",
        # Papiamentu: a purple patch on the eyelids
        "Eksamen: mancha lila riba su párpadonan.",
    ],
)
def test_heliotrope_by_its_colour(text: str) -> None:
    assert "heliotrope_rash" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        # guard: swelling of the eyelids without a colour is no heliotrope
        "Bij onderzoek: oedeem van de oogleden, geen verkleuring van de huid.",
        # guard: Dutch "uitslag" is also a test's result
        "De uitslag van het bloedonderzoek was normaal; de oogleden waren niet gezwollen.",
    ],
)
def test_no_heliotrope_without_its_colour(text: str) -> None:
    assert "heliotrope_rash" not in present(text)


# ------------------------------------------ Faroese "síðani" (since) and "frá" (from) an onset
def _onset(sentence: str) -> object:
    """The onset read from a note of 20 Nov 2026 about a woman of 54 with this sentence."""
    return case_of("Kyn: kona, 54 ár. Dato: 20.11.2026.\n" + sentence + "\n").onset_date


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        # a rash on the eyelids since March (the month alone is its 1st)
        ("Útslag á eygnalokunum síðani mars 2026.", date(2026, 3, 1)),
        # muscle weakness since a full date
        ("Vøddaveikleiki síðani 3. mars 2026.", date(2026, 3, 3)),
        # weakness in the thighs from June
        ("Veikleiki í lærunum frá juni 2026.", date(2026, 6, 1)),
    ],
)
def test_a_faroese_complaint_since_a_date_gives_the_onset(sentence: str, onset: date) -> None:
    assert _onset(sentence) == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "Eingin útslag síðani mars 2026.",  # guard: denied ("no rash since March")
        "Methotrexat 15 mg síðani mai 2024.",  # guard: a drug, no complaint
    ],
)
def test_no_faroese_onset_without_the_patients_complaint(sentence: str) -> None:
    assert _onset(sentence) is None
