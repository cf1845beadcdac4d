"""Issue #10, twenty-fourth session (branch i49u): classes of wording in the tumours of the
notes. Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis. "


def _tumours(text: str) -> list[tuple[str, float | None, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return [(t.site.value, t.size_mm, t.found_date) for t in case.tumours]


# --- the tumour a scan or a scope shows before its histology is named: found on that test's
# date, measured by it (rules/languages.yaml tumour_histology other, rules/lexicon.yaml
# tumour_sites nasopharynx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Romanian "formațiune" measured on the CT, the histology four days later
        (
            "CT abdomen (02.11.2026): formațiune solidă a capului pancreatic de 31 mm. "
            "Biopsie EUS (06.11.2026): adenocarcinom ductal.",
            [("pancreas", 31.0, date(2026, 11, 2))],
        ),
        # Croatian "tvorba" in the cervix on the CT, the biopsy after it
        (
            "MSCT zdjelice (03.11.2026.): u vratu maternice tvorba 27 mm. "
            "Biopsija (05.11.2026.): planocelularni karcinom.",
            [("cervix", 27.0, date(2026, 11, 3))],
        ),
        # French endoscopy's budding growth of the cavum, the pathology after it
        (
            "Nasofibroscopie (03/11/2026): processus bourgeonnant du cavum. "
            "Anatomopathologie (07/11/2026): carcinome indifférencié du nasopharynx.",
            [("nasopharynx", None, date(2026, 11, 3))],
        ),
        # the nasopharynx's own part seen at nasendoscopy
        (
            "Nasendoscopy 04/11/2026: a friable mass in the left fossa of Rosenmüller, biopsied: "
            "undifferentiated carcinoma. MRI 09/11/2026: 24 mm nasopharyngeal mass.",
            [("nasopharynx", 24.0, date(2026, 11, 4))],
        ),
        (
            "Nasopharyngoscopy 04/11/2026: new growth in the right pharyngeal recess. "
            "Biopsy 08/11/2026: nasopharyngeal carcinoma.",
            [("nasopharynx", None, date(2026, 11, 4))],
        ),
    ],
)
def test_a_tumour_is_found_on_the_test_that_showed_it(
    text: str, expected: list[tuple[str, float | None, date]]
) -> None:
    assert _tumours(text) == expected


# --- a cancer named in a question is asked about, not found (rules/context.yaml: the question
# mark that closes a word)


@pytest.mark.parametrize(
    "text",
    [
        "Referral question: occult gastric tumour?",
        "Weight loss and anaemia. Colon cancer? CT requested.",
    ],
)
def test_a_cancer_in_a_question_is_not_found(text: str) -> None:
    assert _tumours(text) == []


# --- a measured mass whose cancer the note only suspects is a suspicion, not a cancer found
# (facts/tumours.py _only_suspected; rules/context.yaml "suspicious of/for", "concerning for")


@pytest.mark.parametrize(
    "text",
    [
        "Capsule endoscopy 10/11/2026: a 15 mm submucosal mass in the distal ileum. "
        "Impression: suspected small bowel neuroendocrine tumour.",
        "CT chest 10/11/2026: a 30 mm spiculated mass in the right upper lobe. "
        "Impression: suspicious for lung cancer.",
        "Ultrasound pelvis 10/11/2026: a 52 mm solid-cystic mass of the left ovary. "
        "Impression: concerning for ovarian cancer.",
    ],
)
def test_a_measured_mass_only_suspected_is_no_cancer(text: str) -> None:
    assert _tumours(text) == []


# --- a relative's cancer in Sesotho and Setswana is never the patient's (rules/context.yaml
# FAMILY: the family history's title and the relatives with their possessive)


@pytest.mark.parametrize(
    "text",
    [
        # Setswana: the family history's title, the father's cancer
        "Hisitori ya lelapa: rraagwe o ne a na le kankere ya prostate (prostate cancer) ka 2015.",
        # Sesotho: the family history's title, the mother's cancer
        "Nalane ea lelapa: mme oa hae o bile le kankere ea sefuba (breast cancer) ka 2012.",
        # Setswana: a sibling's cancer, no title
        "Kgaitsadie o ne a na le kankere ya sefuba (breast cancer) ka 2020.",
        # Sesotho: the grandfather's cancer, no title
        "Ntate-moholo o bile le kankere ea mala (colon cancer) ka 2010.",
    ],
)
def test_a_relatives_cancer_in_sesotho_or_setswana_is_not_the_patients(text: str) -> None:
    assert _tumours(text) == []
