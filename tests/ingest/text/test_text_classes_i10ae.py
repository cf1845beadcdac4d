"""Failure classes of the thirteenth opened set (issue #10, round 5, helper i10ae): antibody
results. A printed panel gives each antibody a record of its own (a line, or a column of a
line), and one record's result never belongs to another's antibody, whatever joins the lines
(a dated heading reads its indented lines as one list); a bracket of names after a panel's
result names what the panel held; the drug class named after HMG-CoA reductase and the unit
kU/L name no antibody. Every vignette is our own; expected values are worked out by hand."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, dated_antibody_results, read

_HEAD = "Clinic date: 27/11/2026\nMr K, 64.\n"


# --------------------------------------------------- one record's result is not the next one's
@pytest.mark.parametrize(
    "block",
    [
        # dotted leaders under a heading dated in several ways (the lines are read as one list)
        "MYOSITIS PANEL (collected 10/20/2026):\n"
        "  TIF1-gamma (p155/140) ........ POSITIVE\n"
        "  NXP-2 (p140) .................. Negative\n"
        "  MDA-5 (CADM-140) .............. Negative\n",
        "Myositis line blot (20.10.2026):\n"
        "   TIF1g ...... positive\n"
        "   NXP2 ....... negative\n"
        "   MDA5 ....... negative\n",
        "Myositis immunoblot 2026-10-20:\n   TIF1-gamma: POS\n   NXP2: neg\n   MDA5: neg\n",
        # tabs, and a laboratory's name in the heading's bracket
        "Myositis profile (Quest Diagnostics, collected 10/20/2026):\n"
        "\tTIF1-gamma\tPOSITIVE\n"
        "\tNXP-2\tNegative\n"
        "\tMDA-5\tNegative\n",
        # the negative rows first: the positive is not carried back up either
        "EUROLINE myositis 16 Ag (20/10/2026):\n"
        "    MDA5 ........ negative\n"
        "    NXP2 ........ negative\n"
        "    TIF1g ....... POSITIVE (+++)\n",
        # two records on one line, parted by columns of spaces, then by one space only
        "Myositis antibodies (20/10/2026):\n"
        "    TIF1g positive    NXP2 negative\n"
        "    MDA5 negative\n",
        "Myositis antibodies 20/10/2026: TIF1g positive NXP2 negative MDA5 negative.\n",
    ],
)
def test_each_record_keeps_its_own_result(block: str) -> None:
    assert dated_antibody_results(_HEAD + block) == {
        ("TIF1G", "positive", "2026-10-20"),
        ("NXP2", "negative", "2026-10-20"),
        ("MDA5", "negative", "2026-10-20"),
    }


def test_a_record_without_a_result_takes_neither_neighbours_result() -> None:
    note = _HEAD + ("Line blot (20/10/2026):\n  TIF1-gamma: positive\n  NXP2:\n  MDA5: negative\n")
    # NXP2's row is empty: not assessed, never the positive above or the negative below
    assert antibody_results(note) == {"TIF1G": "positive", "MDA5": "negative"}


def test_a_list_carried_to_the_next_line_by_a_comma_shares_its_result() -> None:
    note = _HEAD + (
        "Myositis line blot (21/05/2026):\n      Mi-2, NXP2, Jo-1,\n      PL-7: negative\n"
    )
    assert antibody_results(note) == dict.fromkeys(("MI2", "NXP2", "JO1", "PL7"), "negative")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # prose keeps its readings: a pair joined by "and", a list closed by one result, a
        # result word that opens the next name ("not"), one wrapped onto the next line
        ("Anti-Jo-1 negative and anti-PL-7 positive.", {"JO1": "negative", "PL7": "positive"}),
        (
            "Anti-SAE1 positive, with Mi-2, TIF1-gamma and NXP2 negative.",
            {"SAE1": "positive", "MI2": "negative", "TIF1G": "negative", "NXP2": "negative"},
        ),
        ("SRP (not HMGCR) antibodies were positive.", {"SRP": "positive", "HMGCR": "negative"}),
        (
            "Anti-Jo-1 and anti-PL-7 antibodies were\nnegative.",
            {"JO1": "negative", "PL7": "negative"},
        ),
    ],
)
def test_prose_keeps_its_shared_and_paired_results(sentence: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + sentence) == expected


# ------------------------------------------------ a bracket of names after a panel's result
@pytest.mark.parametrize(
    "line",
    [
        "Myositis line blot otherwise ...... all negative (Jo-1, PL-7, Mi-2)",
        "Myositis panel negative (Jo-1, PL-7, Mi-2).",
        "Myositis immunoblot: all negative [Jo-1, PL-7, Mi-2]",
    ],
)
def test_the_names_in_a_bracket_after_a_panels_result_are_what_it_held(line: str) -> None:
    # the panel's other antigens (Ro-52, Ku, PM-Scl, ...) were not named: not assessed
    assert antibody_results(_HEAD + line) == dict.fromkeys(("JO1", "PL7", "MI2"), "negative")


def test_a_panels_result_with_a_remark_in_its_bracket_is_the_whole_panels() -> None:
    results = antibody_results(_HEAD + "Myositis antibodies negative (sample of 2026).")
    assert len(results) == 14 and set(results.values()) == {"negative"}


def test_a_remark_with_a_comma_in_the_panels_heading_joins_nothing() -> None:
    note = _HEAD + (
        "Myositis panel (Quest, collected 2026-10-20):\n"
        "  NXP-2 ......... Negative\n"
        "  TIF1-gamma .... POSITIVE\n"
    )
    # the panel's result is its rows', not a negative for all of its sixteen antigens
    assert antibody_results(note) == {"NXP2": "negative", "TIF1G": "positive"}


# ------------------------------------------------ names that hold an antibody's and name none
@pytest.mark.parametrize(
    "sentence",
    [
        "She had never been treated with HMGCR inhibitors.",
        "He took an HMG-CoA reductase inhibitor (atorvastatin) until 2024.",
        "No prior exposure to HMG-CoA reductase inhibitors or fibrates.",
        "Paciente sin tratamiento previo con inhibidores de la HMGCR.",
        "Nessuna terapia con inibitori dell'HMG-CoA reductase.",
        "Keine Einnahme von HMGCR-Hemmern; HMG-CoA-Reduktase-Hemmer nie verordnet.",
        "Jamais traité par inhibiteurs de l'HMG-CoA réductase.",
        "Sem uso prévio de inibidores da HMG-CoA redutase.",
        "Nunca recibió inhibidores de la HMG-CoA reductasa.",
        "Esami tutti nella norma, tranne IgE 750 KU/L (v.n. fino a 50).",
        "Specific IgE to grass pollen 3.2 kU/L, total IgE 41 kUA/L: normal.",
    ],
)
def test_a_drug_class_or_a_unit_names_no_antibody(sentence: str) -> None:
    assert antibody_results(_HEAD + sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Anti-HMGCR positive, 212 CU. No exposure to HMGCR inhibitors.",
            {"HMGCR": "positive"},
        ),
        ("IgE 410 kU/L. Anti-Ku negative.", {"KU": "negative"}),
        ("Jamais traité par inhibiteurs de l'HMGCR. Anti-HMGCR positif.", {"HMGCR": "positive"}),
        ("Mai trattato con inibitori dell’HMGCR; anti-HMGCR negativo.", {"HMGCR": "negative"}),
        (
            "HMGCR antibodies were negative despite long use of HMG-CoA reductase inhibitors.",
            {"HMGCR": "negative"},
        ),
    ],
)
def test_the_antibody_beside_the_drug_class_or_the_unit_is_still_read(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(_HEAD + sentence) == expected


# ------------------------------------------------------ an antibody named by its target
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # in a case's list of findings, as "anti-Jo-1" would be: its positive result
        ("Laboratory changes (raised CK; antibodies to Jo-1, ESR 35 mm/h).", {"JO1": "positive"}),
        ("Antibodies against TIF1-gamma were detected.", {"TIF1G": "positive"}),
        ("Se detectaron anticuerpos contra MDA5.", {"MDA5": "positive"}),
        # its own result word decides
        ("Antibodies to Jo-1 were negative.", {"JO1": "negative"}),
        ("Anticorpi contro SRP: negativi.", {"SRP": "negative"}),
        # a test named, not a result; a statement about patients in general
        ("We tested for antibodies to Jo-1 and PL-7.", {}),
        ("Antibodies to Jo-1 are found in 20% of patients with myositis.", {}),
    ],
)
def test_antibodies_named_by_their_target_read_as_anti_x(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(_HEAD + sentence) == expected


# ------------------------------------------- a level in a sentence, and two results on one date
@pytest.mark.parametrize(
    ("sentence", "result", "level"),
    [
        (
            "Analysis of anti-HMG-CoA reductase (HMGCR) antibodies showed extremely elevated "
            "levels with 352 U/mL (normal < 20).",
            "positive",
            352,
        ),
        ("Anti-Jo-1 antibodies were elevated at 45 U/mL (normal < 7).", "positive", 45),
        ("Anti-SRP antibody level was 3 U/mL (ref < 15).", "negative", 3),
    ],
)
def test_a_level_read_against_its_cut_off_through_a_verb(
    sentence: str, result: str, level: float
) -> None:
    (ab,) = read(_HEAD + sentence).case.antibodies
    assert (ab.result.value, ab.level) == (result, level)


def test_a_bare_level_without_its_cut_off_gives_no_polarity() -> None:
    # "showed elevated levels" judges the level, but no cut-off or flag reads it: not assessed
    assert antibody_results(_HEAD + "Anti-HMGCR antibodies showed levels of 352 U/mL.") == {}


def test_a_measured_positive_is_not_overturned_by_a_later_negative_and_the_conflict_is_said() -> (
    None
):
    result = read(_HEAD + "Anti-HMGCR 212 CU (positive > 20). Later note: anti-HMGCR negative.")
    (ab,) = result.case.antibodies
    assert (ab.result.value, ab.level) == ("positive", 212)
    assert any("HMGCR is reported both" in w for w in result.warnings)


def test_a_stated_positive_is_kept_over_a_measured_negative_with_a_warning() -> None:
    # a missed positive would withhold the antibody's cancer screening: the positive is kept
    # and the conflict is said, never silently resolved
    result = read(_HEAD + "Anti-TIF1-gamma positive. Anti-TIF1-gamma 3 U/mL (negative < 15).")
    (ab,) = result.case.antibodies
    assert (ab.code.value, ab.result.value) == ("TIF1G", "positive")
    assert any("TIF1G is reported both" in w for w in result.warnings)


def test_the_same_result_stated_twice_keeps_its_level() -> None:
    (ab,) = read(_HEAD + "Anti-HMGCR positive. Anti-HMGCR 212 CU (ref < 20).").case.antibodies
    assert (ab.result.value, ab.level, ab.unit) == ("positive", 212, "CU")


def test_a_stated_negative_beats_a_bare_mention() -> None:
    note = _HEAD + "Seen for anti-HMGCR myopathy review. Anti-HMGCR antibodies negative."
    assert antibody_results(note) == {"HMGCR": "negative"}


# ------------------------------------------------------- a cited article is not the patient
@pytest.mark.parametrize(
    "line",
    [
        "Catano J, Jamart C, Gatfosse M. Dermatomyosite a anticorps anti-MDA5. RDP 2019;69(5):525.",
        "1. Smith A, Jones B. Anti-TIF1-gamma dermatomyositis. Ann Rheum Dis 2021;80:e12.",
        "Lee C et al. Anti-NXP2 myositis in adults. Rheumatology (Oxford). 2020;59(11):3301-3309.",
    ],
)
def test_an_antibody_in_a_cited_title_is_not_the_patients(line: str) -> None:
    assert antibody_results(_HEAD + "Heliotrope rash.\n\n" + line) == {}


def test_a_dated_result_beside_a_semicolon_is_no_citation() -> None:
    note = _HEAD + "Anti-MDA5 positive on 12/03/2019; CK 2019; ferritin 800."
    assert antibody_results(note) == {"MDA5": "positive"}


# ------------------------------------------------- a record's "Background" list is the patient's
@pytest.mark.parametrize(
    "block",
    [
        "BACKGROUND\n- Dermatomyositis diagnosed Feb 2024: anti-Mi-2 positive, anti-TIF1-gamma\n"
        "  negative (both Feb 2024).\n- AF, CKD 3a.\n",
        "Background\n\n* DM since 02/2024 - anti-Mi-2 positive, anti-TIF1-gamma negative "
        "(02/2024)\n* Hypertension\n",
        "BACKGROUND:\n1. Dermatomyositis (Feb 2024): anti-Mi-2 positive; anti-TIF1-gamma "
        "negative (Feb 2024)\n2. Osteoarthritis\n",
    ],
)
def test_a_background_heading_over_a_list_is_the_patients_history(block: str) -> None:
    assert dated_antibody_results(_HEAD + block) == {
        ("MI2", "positive", "2024-02-01"),
        ("TIF1G", "negative", "2024-02-01"),
    }


def test_a_case_reports_background_in_prose_stays_about_the_disease() -> None:
    note = (
        "Background\n\nAnti-TIF1-gamma antibodies are found in adults with cancer-associated "
        "dermatomyositis; anti-Mi-2 positive patients respond well.\n\n"
        "Case presentation\n\nA 64-year-old man with heliotrope rash.\n"
    )
    assert antibody_results(note) == {}


# ------------------------------------------ a result said of a test named before the antibody
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the screen's "not", the CT's "negative": the antibody in the bracket is the reason
        ("Malignancy screen not repeated now (Mi-2; bladder cancer in remission).", {}),
        ("CT chest negative (anti-TIF1-gamma positive).", {"TIF1G": "positive"}),
        ("Cancer screening negative, anti-TIF1-gamma positive.", {"TIF1G": "positive"}),
        # a result word closed by a semicolon opens no list after it
        ("Anti-Jo-1 negative; anti-PL-7 positive.", {"JO1": "negative", "PL7": "positive"}),
        # a result word that opens the list still reaches it
        (
            "Negative ANA and anti-Jo-1, anti-Ku and anti-Mi2.",
            {"ANA": "negative", "JO1": "negative", "KU": "negative", "MI2": "negative"},
        ),
    ],
)
def test_a_result_said_of_a_test_before_the_antibody_is_the_tests(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(_HEAD + sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an antibody screen's result is the antibodies'; a list's comma parts two findings
        (
            "Autoantibody screening was positive for antinuclear antibody and negative for "
            "anti-Jo-1 antibody.",
            {"ANA": "positive", "JO1": "negative"},
        ),
        ("Myositis screen: Negative: Jo-1, OJ.", {"JO1": "negative", "OJ": "negative"}),
        ("Elevated muscle enzymes, positive ANA and a typical rash.", {"ANA": "positive"}),
    ],
)
def test_an_antibody_screen_or_a_listed_finding_keeps_the_antibodys_result(
    sentence: str, expected: dict[str, str]
) -> None:
    assert antibody_results(_HEAD + sentence) == expected


def test_an_accent_read_as_latin_1_is_no_copyright_sign() -> None:
    # "traité" copied as "traitÃ©": the "©" of the mojibake marks no journal's page
    note = "Un homme de 60 ans. Jamais trait\u00c3\u00a9 par statines. Anti-HMGCR positif."
    assert antibody_results(note) == {"HMGCR": "positive"}
