"""issue #10 (i19a): English published case reports: a journal's laboratory table under its
"Table N." title (the unit bracketed in the name's column, a reference column), a titre after
a verb ("ANA was 1/320"), a lab's value after a clause on the sample between commas, and how
often a dose is repeated said later in the drug's clause. Our own sentences; the values are
worked out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

from .helpers import case_of


def _labs(text: str) -> set[tuple[str, float | None, str | None, float | None]]:
    return {
        (lab.code.value, lab.value, lab.unit, lab.upper_limit)
        for lab in case_of(text).labs
        if lab.value is not None
    }


_OPENING = "A 61-year-old man was seen in our clinic on 9 February 2026.\n\n"


def test_journal_lab_table_under_its_title() -> None:
    text = _OPENING + (
        "Table 2. Results at the first visit\n"
        "  Test                      Value       Normal range\n"
        "  CK (U/L)                  3120        30-180\n"
        "  Aldolase (U/L)            14.5        <7.6\n"
        "  CRP (mg/L)                21          0-5\n"
    )
    labs = _labs(text)
    assert ("ck", 3120.0, "U/L", 180.0) in labs
    assert ("aldolase", 14.5, "U/L", 7.6) in labs
    assert ("crp", 21.0, "mg/L", 5.0) in labs


def test_figure_caption_is_still_dropped() -> None:
    # a figure's caption runs on over its lines and is no part of the case
    text = _OPENING + (
        "Figure 1. Muscle MRI of a different patient with a CK of\n"
        "9000 U/L, shown for comparison.\n\n"
        "He had no weakness.\n"
    )
    assert not any(value == 9000.0 for _, value, _, _ in _labs(text))


def test_titre_after_a_verb_is_positive() -> None:
    antibodies = {
        (a.code.value, a.result.value)
        for a in case_of(_OPENING + "ANA was 1/640, speckled pattern.").antibodies
    }
    assert ("ANA", "positive") in antibodies


def test_low_titre_after_a_verb_is_not_read_positive() -> None:
    antibodies = {
        (a.code.value, a.result.value) for a in case_of(_OPENING + "ANA was 1/40.").antibodies
    }
    assert ("ANA", "positive") not in antibodies


def test_value_after_a_clause_on_the_sample() -> None:
    text = _OPENING + "LDH, taken the same day, was 940 U/L (<250)."
    assert ("ldh", 940.0, "U/L", 250.0) in _labs(text)


def test_clause_of_another_speaker_gives_no_value() -> None:
    text = _OPENING + "CK, according to his wife, was 700 at another hospital."
    assert not any(code == "ck" and value == 700.0 for code, value, _, _ in _labs(text))


def _doses(text: str) -> dict[str, str | None]:
    return {t.drug: t.dose for t in case_of(text).treatments}


def test_frequency_said_later_in_the_drug_clause() -> None:
    text = _OPENING + "Rituximab 1 g was given on 12 February 2026 and repeated every 2 weeks."
    assert _doses(text)["rituximab"] == "1 g every 2 weeks"


def test_frequency_of_another_subject_is_not_the_dose() -> None:
    text = (
        _OPENING
        + "Methotrexate 20 mg was started on 12 February 2026 and the bloods repeated monthly."
    )
    assert _doses(text)["methotrexate"] == "20 mg"


def _tumours(text: str):  # type: ignore[no-untyped-def]
    return case_of(text).tumours


_STORY = (
    "SUMMARY\nA 66-year-old woman with dermatomyositis was found to have a gastric "
    "adenocarcinoma.\n\nCASE PRESENTATION\nShe was seen in the rheumatology clinic on 2 March "
    "2026 with a heliotrope rash and proximal weakness.\n\n"
)


def test_staging_scan_denies_nodes_and_distant_spread() -> None:
    text = _STORY + (
        "Computed tomography of the chest, abdomen and pelvis was performed on 9 March 2026. "
        "It showed a 35 mm gastric mass without lymphadenopathy or distant metastases, and no "
        "liver lesion. Endoscopic biopsy on 16 March 2026 confirmed gastric adenocarcinoma."
    )
    (tumour,) = _tumours(text)
    assert tumour.site.value == "stomach"
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    # the summary's undated mention does not date it: the scan that showed it does
    assert tumour.found_date == date(2026, 3, 9)
    ct = {(i.code.value, i.date) for i in case_of(text).investigations}
    assert ("ct_chest_abdomen_pelvis", date(2026, 3, 9)) in ct


def test_a_bare_absence_of_lymphadenopathy_is_no_staging() -> None:
    # the examination's "without lymphadenopathy" alone says nothing of the tumour's nodes
    text = _STORY + (
        "Examination on 2 March 2026 was without lymphadenopathy. CT on 9 March 2026 showed a "
        "35 mm gastric mass; biopsy confirmed adenocarcinoma."
    )
    (tumour,) = _tumours(text)
    assert tumour.nodes is None


def test_a_liver_named_in_a_denied_lesion_is_no_tumour() -> None:
    text = _OPENING + (
        "CT on 12 February 2026 showed a 20 mm renal cell carcinoma of the left kidney and no "
        "focal liver lesions."
    )
    sites = [t.site.value for t in _tumours(text)]
    assert sites == ["kidney"]


def _mmt8(text: str) -> list[float]:
    return [a.mmt8 for a in case_of(text).assessments if a.mmt8 is not None]


def test_mmt8_after_a_case_report_verb() -> None:
    assert _mmt8(_OPENING + "Manual muscle testing (MMT8) scored 61/80.") == [61.0]
    assert _mmt8(_OPENING + "On review the MMT8 had improved to 76/80.") == [76.0]


def test_mmt8_not_done_records_no_score() -> None:
    assert _mmt8(_OPENING + "The MMT8 was not done; CK was 300 U/L.") == []


def _dysphagia(text: str) -> set[bool]:
    return {f.present for f in case_of(text).findings if f.code.value == "dysphagia"}


def test_coughing_while_drinking_and_laryngeal_penetration_are_dysphagia() -> None:
    assert _dysphagia(_OPENING + "His wife said he had been coughing while drinking tea.") == {True}
    assert _dysphagia(
        _OPENING + "A swallow study on 10 February 2026 showed laryngeal penetration."
    ) == {True}


def test_no_coughing_while_drinking_is_absent() -> None:
    assert _dysphagia(_OPENING + "There was no coughing while drinking.") == {False}
