"""issue #10, round 32 (i32g): a bare "Gottron's" read as the papules (gold decision of 3 Dec
2026, tests/data/notes/README.md). Vignettes written for these tests; each expectation read off
the words by hand."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def gottron(note: str) -> dict[str, bool]:
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    return {f.code.value: f.present for f in case.findings if f.code.value.startswith("gottron")}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the bare possessive, present and denied, with no noun after it
        ("Review today. Eyelid rash and Gottron's worse this week.", {"gottron_papules": True}),
        ("Clinic review. DM skin (Gottron's), weakness improving.", {"gottron_papules": True}),
        ("On examination no heliotrope and no Gottron's; power full.", {"gottron_papules": False}),
        ("O/E: no Gottron’s, nailfolds normal.", {"gottron_papules": False}),
        # a noun after the eponym still decides
        ("Examination: Gottron's sign over both knees.", {"gottron_sign": True}),
        ("Examination: Gottron's papules over the MCPs.", {"gottron_papules": True}),
        ("Examination: Gottron's lesions on the knuckles.", {"gottron_sign": True}),
        ("Status: Gottron-Zeichen an beiden Knien positiv.", {"gottron_sign": True}),
        ("Undersøgelse: Gottrons tegn over knoerne.", {"gottron_sign": True}),
        # a sign followed by another finding: the bare eponym is not joined to the next head
        ("Skin: Gottron's sign and periungual erythema.", {"gottron_sign": True}),
        # the eponym alone without its possessive, or a copy cut right after it: neither
        ("The boy had Gottron", {}),
        ("A heliotrope rash and Gottron's", {}),
    ],
)
def test_bare_gottron_possessive_is_the_papules(note: str, expected: dict[str, bool]) -> None:
    assert gottron(note) == expected


def findings(note: str) -> dict[str, bool]:
    case = extract_case(note, anchor=TODAY, today=TODAY).case
    return {f.code.value: f.present for f in case.findings}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a bare "no." / "nil." answering the finding before it, alone or in a list of answers
        ("Ward round. Weak arms; mechanic's hands no.", {"mechanics_hands": False}),
        (
            "Checklist today. Raynaud yes. Dysphagia no. Mechanic's hands nil. Calcinosis no.",
            {"raynaud": True, "dysphagia": False, "mechanics_hands": False, "calcinosis": False},
        ),
        ("Skin review: heliotrope no.\nPlan: repeat CK.", {"heliotrope_rash": False}),
        # the abbreviation of "number" stays no negation
        ("Mechanic's hands seen, case no. 3 of the series.", {"mechanics_hands": True}),
        ("Mechanic's hands seen; lab no. 0419 sent.", {"mechanics_hands": True}),
        ("Mechanic's hands seen, see ref no. AB12.", {"mechanics_hands": True}),
        ("Mechanic's hands seen. No. 2 biopsy was taken.", {"mechanics_hands": True}),
        ("Mechanic's hands with a rising no. of flares.", {"mechanics_hands": True}),
    ],
)
def test_trailing_no_answers_the_finding_before_it(note: str, expected: dict[str, bool]) -> None:
    found = findings(note)
    assert {k: found.get(k) for k in expected} == expected


_CASE = (
    "\n\nCase 1\nA 58-year-old man was seen in March 2024 with a heliotrope rash and proximal "
    "weakness. In April 2024 a biopsy of a tonsillar mass showed carcinoma.\n"
)


@pytest.mark.parametrize(
    ("title", "histology"),
    [
        # the title names the patient's tumour at the same site with its histology
        ("Tonsillar squamous cell carcinoma presenting as dermatomyositis: two cases", "scc"),
        # another site's histology is not borrowed, nor one beside two sites
        ("Pulmonary squamous cell carcinoma presenting as dermatomyositis: two cases", "other"),
        ("Laryngeal adenocarcinoma and tonsillar squamous cell carcinoma with myositis", "other"),
    ],
)
def test_histology_from_a_title_naming_the_same_site(title: str, histology: str) -> None:
    case = extract_case(title + _CASE, anchor=TODAY, today=TODAY).case
    expected = {"scc": "squamous_cell_carcinoma"}.get(histology, histology)
    assert [(t.site.value, t.histology.value) for t in case.tumours] == [("other", expected)]
