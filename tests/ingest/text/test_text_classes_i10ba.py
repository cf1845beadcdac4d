"""Antibodies and cancers in the seventeenth set's classes (issue #10, i10ba). Every sentence is
our own; each expected value is worked out by hand from the words (Ro52 = TRIM21, the 52 kDa
SSA subunit; Ro60 = the classic "SSA" assay; a weakly graded positive is weak-positive; a
stated cancer is recorded, at site "other" where the case model has no organ for it).

- an SSA qualified by its 52 kDa subunit, in any order and language, is one Ro52 result;
- a positive graded down by its adverb ("slightly", "schwach", "debolmente", "слабо") is
  weak-positive;
- the antinuclear antibodies named in Cyrillic, with Ukrainian and Bulgarian verbs of finding
  and result words;
- TIF1-γ written with OCR's small l for the capital I or the digit 1;
- cancers of the nasal cavity, the paranasal sinuses and the eye, and a mucosal melanoma: site
  "other", never the skin a bare melanoma implies;
- a form's question answered on its own line ("New cancer diagnosis? [x] Yes  Site: bladder");
- a past cancer whose only time is within the year is recorded (found by the note's date), not
  dropped.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, read

WOMAN = "Woman, 60 years old, heliotrope rash of both eyelids.\n"


def _sites(note: str) -> list[str]:
    return sorted(t.site.value for t in read(note).case.tumours)


# ------------------------------------------------------------------ SSA named by its Ro52 subunit
@pytest.mark.parametrize(
    "line",
    [
        "Anti-SSA (Ro52) positive.",
        "Anti-SSA antibodies directed against Ro52 were positive.",
        "Anti-SSA antibodies (52 kDa) positive.",
        "Nachweis von gegen Ro-52 gerichteten Anti-SSA-Antikörpern.",
        "Nachweis von Anti-SSA-Antikörpern gegen das Protein Ro-52.",
        "Nachweis von gegen das Protein R-52 gerichteten Anti-SSA-Antikörpern.",
        "Anticuerpos anti-SSA dirigidos contra Ro52 positivos.",
        "Anti-Ro52 (SSA) positive.",
    ],
)
def test_ssa_qualified_by_its_52_kda_subunit_is_one_ro52_result(line: str) -> None:
    assert antibody_results(WOMAN + line) == {"RO52": "positive"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # guards: the bare assay names neither antigen (i33g: the gold decision of 3 Dec 2026);
        # two results named apart stay two
        ("Anti-SSA positive.", {}),
        ("Anti-SSA positive and anti-Ro52 negative.", {"RO52": "negative"}),
        ("Anti-SSA/Ro60 positive, anti-Ro52 negative.", {"RO60": "positive", "RO52": "negative"}),
    ],
)
def test_ssa_without_its_subunit_is_no_ro52(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# ------------------------------------------------------------------ a positive graded down
@pytest.mark.parametrize(
    "line",
    [
        "ENA screen negative (anti-Jo-1 slightly positive).",
        "Anti-Jo-1 mildly positive, anti-PL-7 negative.",
        "Anti-Jo-1 schwach positiv, Anti-Mi-2 negativ.",
        "Anti-Jo-1 debolmente positivo.",
        "Anti-Jo-1 fracamente positivo.",
        "Анти-Jo-1 слабопозитивний.",
    ],
)
def test_a_positive_graded_down_by_its_adverb_is_weak_positive(line: str) -> None:
    assert antibody_results(WOMAN + line)["JO1"] == "weak_positive"


@pytest.mark.parametrize(
    "line",
    ["Anti-Jo-1 positive, slightly raised CK.", "Anti-Jo-1 strongly positive."],
)
def test_an_adverb_elsewhere_does_not_grade_the_result(line: str) -> None:
    assert antibody_results(WOMAN + line)["JO1"] == "positive"


# ------------------------------------------------------------------ ANA in Cyrillic
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Жінка, 50 років. Анти-NXP2 — негативні. АНА (НРІФ) 1:160.",
            {"NXP2": "negative", "ANA": "positive"},
        ),
        (
            "Жінка, 50 років. Антинуклеарні антитіла виявлено, титр 1:320. Анти-Jo-1 не виявлено.",
            {"ANA": "positive", "JO1": "negative"},
        ),
        (
            "Жінка, 50 років. АНА позитивний. Анти-Mi-2 негативний.",
            {"ANA": "positive", "MI2": "negative"},
        ),
        ("Женщина, 50 лет. Антинуклеарные антитела положительные.", {"ANA": "positive"}),
        (
            "Жена, 50 години. Антинуклеарни антитела: отрицателни. Анти-Jo-1 открити.",
            {"ANA": "negative", "JO1": "positive"},
        ),
        (
            "Жена, 50 години. АНА положителни 1:320, анти-Mi-2 отрицателен.",
            {"ANA": "positive", "MI2": "negative"},
        ),
    ],
)
def test_antinuclear_antibodies_in_cyrillic(note: str, expected: dict[str, str]) -> None:
    assert antibody_results(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Жінка, 50 років. Пацієнтка Ана, вчителька.",  # a name, no result
        "Жінка, 50 років. АНА не визначались.",  # not measured: not assessed, never negative
    ],
)
def test_cyrillic_ana_without_a_result_is_not_assessed(note: str) -> None:
    assert "ANA" not in antibody_results(note)


# ------------------------------------------------------------------ OCR's l in TIF1-γ
@pytest.mark.parametrize(
    "line",
    [
        "JDM dx Feb 2025 (NXP2 +ve, TIFl-y neg, MDA5 neg)",
        "Myositis Abs: TlF1-γ -ve, NXP2 +ve.",
        "TlFl-y: neg. NXP2 +ve.",
    ],
)
def test_tif1_gamma_with_ocr_l_for_i_and_1(line: str) -> None:
    got = antibody_results("9 yr old boy.\n" + line)
    assert (got["TIF1G"], got["NXP2"]) == ("negative", "positive")


def test_a_word_like_tifl_is_no_antibody() -> None:
    assert "TIF1G" not in antibody_results("9 yr old boy. Tiflis trip last year. MDA5 neg.")


# ------------------------------------------------------------------ the nose, sinuses and eye
@pytest.mark.parametrize(
    "line",
    [
        "She has nasal cavity melanoma, treated with resection and radiation.",
        "She has a mucosal melanoma of the nasal cavity.",
        "She has sinonasal melanoma.",
        "She has a squamous cell carcinoma of the maxillary sinus.",
        "She has uveal melanoma.",
        "She has a mucosal melanoma.",
    ],
)
def test_cancers_of_the_nasal_cavity_sinuses_eye_and_mucosa_are_site_other(line: str) -> None:
    assert _sites(WOMAN + line) == ["other"]


@pytest.mark.parametrize(
    "line",
    [
        "She has a melanoma of the back.",
        "She had a basal cell carcinoma of the nose, excised.",
        "She has melanoma.",
    ],
)
def test_a_skin_cancer_stays_the_skins(line: str) -> None:
    assert _sites(WOMAN + line) == ["skin"]


def test_nasal_words_without_a_cancer_name_no_site() -> None:
    assert _sites(WOMAN + "Nasal regurgitation. She has lung cancer.") == ["lung"]


# ------------------------------------------------------------------ a form's question answered
@pytest.mark.parametrize(
    "line",
    [
        "B2 New cancer diagnosis?            [x] Yes (see B1)   Site: bladder",
        "New cancer diagnosis? Yes - bladder",
        "New cancer diagnosis?   Yes   Site: bladder",
    ],
)
def test_a_form_question_answered_yes_records_the_cancer(line: str) -> None:
    assert _sites("Man, 51.\n" + line + "\n") == ["bladder"]


@pytest.mark.parametrize(
    "line",
    [
        "New cancer diagnosis? [ ] Yes  [x] No",
        "New cancer diagnosis? [x] No   Site: n/a",
        "Any new cancer? No.",
    ],
)
def test_a_form_question_answered_no_records_none(line: str) -> None:
    assert _sites("Man, 51.\n" + line + "\n") == []


# ------------------------------------------------------------------ a past cancer timed this year
def test_a_past_cancer_in_a_sentence_timed_this_year_is_recorded_without_a_date() -> None:
    note = (
        "An 83-year-old woman with nasal cavity melanoma, previously treated with resection "
        "and radiation, presented with myalgia starting a few days after her second infusion."
    )
    result = read(note)
    (tumour,) = result.case.tumours
    assert (tumour.site.value, tumour.found_date_latest) == ("other", True)
    assert any("without a date" in w for w in result.warnings)


# ------------------------------------------------------------------ an operation named again
def test_an_operation_named_again_without_its_date_is_the_dated_one() -> None:
    # the bladder cancer of the form's question, removed at the TURBT of March 2026: found by
    # then, removed then (not on the call's day, when the medication line names it again)
    note = (
        "Call date: 18/11/2026\nMan, 51.\n"
        "B1 Hospital admissions? [x] Yes\n"
        "   -> Mar 2026, 2 nights: a growth was scraped off the bladder (TURBT).\n"
        "B2 New cancer diagnosis? [x] Yes (see B1)   Site: bladder\n"
        "\nCURRENT MEDICATION\n"
        "  - Mitomycin bladder instillation after TURBT (single dose)\n"
    )
    (tumour,) = read(note).case.tumours
    assert tumour.site.value == "bladder"
    assert (tumour.found_date.isoformat(), tumour.resected_date.isoformat()) == (
        "2026-03-01",
        "2026-03-01",
    )


# ------------------------------------------------------------------ treatments: names and doses
def _treatments(note: str) -> dict[str, tuple[str | None, str | None]]:
    return {
        t.drug: (t.dose, getattr(t.route, "value", t.route)) for t in read(note).case.treatments
    }


@pytest.mark.parametrize(
    ("line", "drug", "dose", "route"),
    [
        (
            "Метилпреднізолон 500 мг в/в 05.11-07.11.2026.",
            "methylprednisolone",
            "500 мг",
            "intravenous",
        ),
        ("Далі преднізолон 50 мг/добу перорально.", "prednisolone", "50 мг/добу", "oral"),
        ("Такролімус 2 мг двічі на добу.", "tacrolimus", "2 мг двічі на добу", None),
        ("Циклофосфамід 750 мг в/в одноразово.", "cyclophosphamide", "750 мг", "intravenous"),
    ],
)
def test_ukrainian_drug_names_units_and_routes(
    line: str, drug: str, dose: str, route: str | None
) -> None:
    got = _treatments("Жінка, 50 років. Дерматоміозит. " + line)
    assert got[drug][0] == dose
    if route is not None:
        assert got[drug][1] == route


@pytest.mark.parametrize(
    ("line", "drug", "dose"),
    [
        ("Methotrexat 15 mg 1x/Woche.", "methotrexate", "15 mg 1x/Woche"),
        ("Idrossiclorochina 200 mg x2/die.", "hydroxychloroquine", "200 mg x2/die"),
        ("Prednisolon 10 mg 2×/Tag.", "prednisolone", "10 mg 2×/Tag"),
        ("MTX 15mg s/c weekly.", "methotrexate", "15mg weekly"),
    ],
)
def test_a_count_per_period_with_a_slash_and_a_slashed_route(
    line: str, drug: str, dose: str
) -> None:
    assert _treatments("Woman, 60, dermatomyositis. " + line)[drug][0] == dose


def test_a_year_after_a_drug_is_no_gram() -> None:
    # "2026 г." is the year, not 2026 grams
    got = _treatments("Женщина, 50 лет. Дерматомиозит. Преднизолон начат в 2026 г.")
    assert got["prednisolone"][0] is None
