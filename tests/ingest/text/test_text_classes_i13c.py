"""A drug named as what the patient is on now, with no word of when it began (issue #10, i13c).
Every sentence is our own; each expected value is worked out by hand.

The notes' gold records a treatment only with a stated start ("no start date: not recorded"):
"currently on prednisolone", "he takes mycophenolate", a medication list's field, "sous
méthotrexate" say what the patient takes, not since when, so the case holds no treatment (not
assessed) rather than one started on the letter's date. A start stated in the sentence (a date,
"since", "started") still dates it, and so does an event that puts the patient on the drug
("discharged on").
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import read

HEAD = "Clinic letter 10/11/2026. A 60-year-old woman with dermatomyositis.\n"


def starts(note: str) -> dict[str, date]:
    return {t.drug: t.start for t in read(HEAD + note).case.treatments}


@pytest.mark.parametrize(
    "line",
    [
        "She is currently on prednisolone 20 mg daily.",
        "Currently prednisolone 20 mg daily and monthly IVIG.",
        "He takes mycophenolate 1 g twice a day.",
        "Meds: hydroxychloroquine 200 mg od, omeprazole 20 mg od.",
        "DHx: azathioprine 50 mg bd, folic acid.",
        "Keep taking your azathioprine as before.",
        "Her rash is fading on prednisolone.",
        "Still on methotrexate 15 mg weekly.",
        # German, French, Spanish, Italian: "currently" / "under" the drug
        "Derzeit Prednisolon 10 mg täglich.",
        "Elle est actuellement sous méthotrexate 15 mg par semaine.",
        "Actualmente en tratamiento con metotrexato 15 mg semanal.",
    ],
)
def test_a_drug_the_patient_is_on_with_no_start_is_not_recorded(line: str) -> None:
    assert starts(line) == {}


def test_a_relatives_drug_is_not_the_patients() -> None:
    assert starts("Her mother takes methotrexate for rheumatoid arthritis.") == {}


@pytest.mark.parametrize(
    ("line", "drug", "start"),
    [
        # a date stated for the start
        ("She is on prednisolone 20 mg daily since 14/09/2026.", "prednisolone", date(2026, 9, 14)),
        (
            "Currently on methotrexate 15 mg weekly, started in March 2026.",
            "methotrexate",
            date(2026, 3, 1),
        ),
        # "on" + a date is the day, not a drug the patient is on
        ("On 03/11/2026 prednisolone 40 mg daily was started.", "prednisolone", date(2026, 11, 3)),
        # a start word dates it from the letter
        ("I have started prednisolone 60 mg daily.", "prednisolone", date(2026, 11, 10)),
        # an event that puts the patient on the drug, on the letter's date
        ("She was discharged on prednisolone 40 mg daily.", "prednisolone", date(2026, 11, 10)),
    ],
)
def test_a_stated_start_still_dates_the_drug(line: str, drug: str, start: date) -> None:
    assert starts(line).get(drug) == start


def test_a_list_drug_with_its_own_start_keeps_it_and_the_undated_one_is_left_out() -> None:
    note = "Current meds: mycophenolate 1 g bd (since 05/2025); prednisolone 7.5 mg mane."
    # mycophenolate's start is the month given (1 May 2025); prednisolone has none
    assert starts(note) == {"mycophenolate mofetil": date(2025, 5, 1)}


# ------------------------------------------------ a drug advised against, proposed or weighed
@pytest.mark.parametrize(
    "line",
    [
        "Rituximab is not advised because of the chest infection.",
        "IVIG not recommended at present.",
        "Cyclophosphamide is not funded by her insurer.",
        "We propose mycophenolate if the lungs worsen.",
        "I'd like to add immunoglobulin for the swallowing.",
        # German, Spanish, Serbian (Cyrillic): "not recommended", "we propose", "consider"
        "Rituximab nicht empfohlen (Infektion).",
        "Proponemos micofenolato si empeora la afectación pulmonar.",
        "Потребно је размотрити циклофосфамид.",
    ],
)
def test_a_drug_advised_against_or_proposed_is_not_given(line: str) -> None:
    assert starts(line) == {}


@pytest.mark.parametrize(
    ("line", "drug", "start"),
    [
        # the advice is about a later dose, not the drug given
        (
            "Rituximab 1 g was given on 02/11/2026; a second dose is not advised.",
            "rituximab",
            date(2026, 11, 2),
        ),
        (
            "Prednisolone 40 mg daily since 01/10/2026; an increase is not recommended.",
            "prednisolone",
            date(2026, 10, 1),
        ),
    ],
)
def test_advice_about_something_else_leaves_the_given_drug(
    line: str, drug: str, start: date
) -> None:
    assert starts(line).get(drug) == start


# ------------------------------------------------------------ a relative's cancer, written tersely
def tumours(note: str) -> list[tuple[str, float | None, date]]:
    return [(t.site.value, t.size_mm, t.found_date) for t in read(HEAD + note).case.tumours]


@pytest.mark.parametrize(
    "line",
    [
        "Family hx: mother breast cancer age 49.",
        "FHx: father lung cancer at 70.",
        "F/H: maternal aunt ovarian ca.",
        "Colonoscopy to be arranged (sister's colon ca).",
        "Mother breast cancer aged 52.",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(line: str) -> None:
    assert tumours(line) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a relative's possessive that is not before a cancer word leaves the patient's tumour;
        # the resection is the only date given, so it is the found date (notes README)
        (
            "Thanks to a sister's support, a 22 mm breast cancer was resected on 03/10/2026.",
            ("breast", 22.0, date(2026, 10, 3)),
        ),
        (
            "Breast cancer 22 mm found on mammography 03/10/2026. Family hx: nil.",
            ("breast", 22.0, date(2026, 10, 3)),
        ),
        (
            "Invasive ductal carcinoma of the right breast, 18 mm, diagnosed 02/11/2026; her mother"
            " had ovarian cancer.",
            ("breast", 18.0, date(2026, 11, 2)),
        ),
    ],
)
def test_the_patients_own_cancer_next_to_a_relative_stays(
    line: str, expected: tuple[str, float, date]
) -> None:
    assert tumours(line) == [expected]


# ------------------------------------- an organ named in another finding or said clear by a scan
@pytest.mark.parametrize(
    "line",
    [
        # the only organ word is part of "interstitial lung disease" (a finding)
        "CT chest, abdomen and pelvis 06/10/2026: no evidence of malignancy, no interstitial lung"
        " disease.",
        # the adnexal mass has no organ word here; "lungs: no ILD" is a clear field, not its site
        "CT chest/abdomen/pelvis 14/10/2026: 3.4 cm complex left adnexal mass, small-volume"
        " ascites; lungs: no ILD.",
        "CT thorax 14/10/2026: 12 mm pleural plaque; lungs clear.",
    ],
)
def test_an_organ_said_clear_or_inside_another_finding_is_no_tumour_site(line: str) -> None:
    assert tumours(line) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the tumour's own organ stays; the organ said normal after it adds nothing
        (
            "CT 14/10/2026: 28 mm spiculated mass in the right upper lobe of the lung; liver"
            " normal.",
            ("lung", 28.0, date(2026, 10, 14)),
        ),
        # an organ heading a field that holds the mass is its site
        (
            "CT 14/10/2026: lung: 28 mm spiculated mass, biopsy adenocarcinoma.",
            ("lung", 28.0, date(2026, 10, 14)),
        ),
    ],
)
def test_the_tumours_own_organ_stays(line: str, expected: tuple[str, float, date]) -> None:
    assert tumours(line) == [expected]


def test_clear_cell_after_the_organ_is_a_histology_not_a_clear_organ() -> None:
    # "clear" here names the cells of the cancer; the kidney is its site
    found = tumours("Renal clear cell carcinoma, 45 mm, resected on 12/10/2026.")
    assert [(site, size) for site, size, _ in found] == [("kidney", 45.0)]
