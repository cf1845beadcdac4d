"""The date each fact gets (issue #10, i10av). Every sentence is our own; each expected date is
worked out by hand from the convention of tests/data/notes/README.md (a fact with no time of its
own is dated on the note's date, the day the patient was seen: admission, visit or examination,
not the day typed; a result is dated on its sample's day).

- a note-date field followed on its line by a remark in brackets ("Admitted: 12.10.2026 (planned
  ...)") still gives the note's date;
- the admission, visit and examination date fields of many languages, ranked before the letter's
  own date ("Date:") and the discharge's; a proposed or planned admission is not the visit;
- a laboratory report's collection field dates its results, not the day it was authorised;
- a section heading that is only a label, its date and a colon dates the lines under it, to the
  paragraph's end;
- a year-first dotted date ("2026.10.14.", "2026. 10. 14.") and a year's own closing mark
  ("14.10.2026.", "14.10.2026 r.", "2026 г.") are part of the date, not a sentence end;
- a later date in a sentence that labels what follows it carries to the next sentence.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import dated_antibody_results, read

BODY = "Woman, 60 years old.\nHeliotrope rash of both upper eyelids.\n"


def _dates(note: str, code: str) -> set[date]:
    return {f.date for f in read(note).case.findings if f.code.value == code}


# --------------------------------------------------------------------------- note-date fields
@pytest.mark.parametrize(
    "head",
    [
        "Admitted: 12.10.2026 r. (planned mode, referral from the outpatient clinic)\n"
        "Discharged: 23.10.2026 r.\n",
        "Date of examination: 12 October 2026 (at my rooms in Leeds)     "
        "Date of report: 23 October 2026\n",
        "Date of admission: 12/10/2026 (via the emergency department)\nDate of discharge: "
        "23/10/2026\n",
    ],
)
def test_a_field_date_followed_by_a_remark_is_the_notes_date(head: str) -> None:
    assert _dates(head + BODY, "heliotrope_rash") == {date(2026, 10, 12)}


@pytest.mark.parametrize(
    "field",
    [
        "Sprejem: 12. 10. 2026",  # Slovene
        "Data internării: 12.10.2026",  # Romanian
        "Data de ingreso: 12/10/2026",  # Galician
        "Opgeneem: 12/10/2026",  # Afrikaans
        "Petsa ng pagpasok: 12/10/2026",  # Tagalog
        "Tarikh masuk: 12/10/2026",  # Malay
        "Iestāšanās datums: 12.10.2026",  # Latvian
        "Yatış tarihi: 12.10.2026",  # Turkish
        "Дата госпіталізації: 12.10.2026",  # Ukrainian
        "Датум пријема: 12.10.2026",  # Serbian
        "Felvétel: 2026. 10. 12.",  # Hungarian, year first with spaces
        "Aufnahmedatum: 12.10.2026",  # German
        "Date d'entrée : 12/10/2026",  # French, a space before the colon
    ],
)
def test_an_admission_field_of_another_language_outranks_the_letters_date(field: str) -> None:
    # the letter's own "Date:" comes first and is later (typed on discharge); the admission is
    # the day the patient was seen
    note = f"Date: 28.10.2026\n{field}\n" + BODY
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 12)}


@pytest.mark.parametrize("word", ["Proposed", "Planned", "Next", "Expected"])
def test_an_admission_to_come_is_not_the_visit(word: str) -> None:
    note = f"Date of assessment: 06/11/2026     {word} admission: 13/11/2026\n" + BODY
    assert _dates(note, "heliotrope_rash") == {date(2026, 11, 6)}


def test_without_an_admission_field_the_first_date_stays_the_visit() -> None:
    # "Entlassung" (discharge) is not an admission field: the first date, the admission as the
    # letter puts it, stays the note's date
    note = "Stationär 12.10.2026 bis 23.10.2026. Entlassung: 23.10.2026\n" + BODY
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 12)}


# --------------------------------------------------------------------------- sample's date
@pytest.mark.parametrize(
    "head",
    [
        "Collected: 2026-11-09 08:40     Authorised: 2026-11-13 16:02 (Clinical Scientist)\n",
        "Sample collected: 09/11/2026     Reported: 13/11/2026\n",
        "Entnahme: 09.11.2026     Befundet: 13.11.2026\nDatum: 13.11.2026\n",  # German
        "Prøve tatt: 09.11.2026     Besvart: 13.11.2026\nDato: 13.11.2026\n",  # Norwegian
        "Data pobrania: 09.11.2026     Data wydania: 13.11.2026\nData: 13.11.2026\n",  # Polish
        "Numune tarihi: 09.11.2026     Rapor tarihi: 13.11.2026\nDate: 13.11.2026\n",  # Turkish
    ],
)
def test_a_laboratory_reports_collection_field_dates_its_results(head: str) -> None:
    note = head + "Woman, 60 years old.\nAnti-TIF1-gamma: positive. Anti-Mi-2: negative.\n"
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-11-09"),
        ("MI2", "negative", "2026-11-09"),
    }


# --------------------------------------------------------------------------- dated headings
LETTER = (
    "Düsseldorf, 12.11.2026\n\n"
    "Woman, 60 years old, treated as an inpatient from 27.10.2026 until 12.11.2026.\n\n"
    "History: weight loss of 5 kg. No dysphagia.\n\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Findings at admission (27.10.2026):",
        "Examination 27/10/2026:",
        "Status ob sprejemu (27. 10. 2026):",  # Slovene
        "Examen clinic la internare (27.10.2026):",  # Romanian
        "Fizik muayene - 27.10.2026:",  # Turkish
        "- Pemeriksaan fizikal (27/10/2026):",  # Malay, as a list item
    ],
)
def test_a_dated_section_heading_dates_the_lines_under_it(heading: str) -> None:
    note = (
        LETTER
        + heading
        + "\nHeliotrope rash of both upper eyelids.\nGottron's papules over the MCP joints.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 27)}
    assert _dates(note, "gottron_papules") == {date(2026, 10, 27)}
    # the history in its own paragraph speaks from the letter's day
    assert _dates(note, "weight_loss") == {date(2026, 11, 12)}
    assert _dates(note, "dysphagia") == {date(2026, 11, 12)}


def test_the_headings_date_ends_with_its_paragraph() -> None:
    note = (
        LETTER
        + "Findings at admission (27.10.2026):\nHeliotrope rash of both upper eyelids.\n\n"
        + "Today: Gottron's papules over the MCP joints.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 27)}
    assert _dates(note, "gottron_papules") == {date(2026, 11, 12)}


def test_a_dated_line_with_its_content_after_the_colon_is_no_heading() -> None:
    # the results follow the colon on the dated line: the next line is not under it
    note = LETTER + "Bloods (27.10.2026): CK 1846 U/L.\nHeliotrope rash of both upper eyelids.\n"
    assert _dates(note, "heliotrope_rash") == {date(2026, 11, 12)}


def test_the_next_heading_of_its_own_date_takes_over() -> None:
    note = (
        LETTER
        + "Examination 27/10/2026:\nHeliotrope rash of both upper eyelids.\n"
        + "Review 03/11/2026:\nGottron's papules over the MCP joints.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 27)}
    assert _dates(note, "gottron_papules") == {date(2026, 11, 3)}


# --------------------------------------------------------------------------- a date's own marks
@pytest.mark.parametrize(
    "dated",
    [
        # year first, year-month-day: a day after the 12th was read as a month and the date's
        # full stop ended the sentence, so the results after the bracket lost their sample's date
        "(sample 2026.10.14.)",
        "(sample 2026. 10. 14.)",
        "(levétel 2026.10.14.)",  # Hungarian
        "(2026.10.14.)",
        "(immunoblot, 14.10.2026 r.)",  # Polish "roku"
        "(immunoblot, 14.10.2026 г.)",  # Russian, Bulgarian "года"
        "(immunoblot, 14.10.2026 р.)",  # Ukrainian "року"
        "(immunoblot, 14.10.2026. g.)",  # Latvian "gadā"
        "(uzorak 14.10.2026.)",  # Croatian, Serbian: the year's closing full stop
        "(vzorec 14. 10. 2026.)",  # Slovene, spaced
    ],
)
def test_a_dates_own_full_stops_are_no_sentence_end(dated: str) -> None:
    note = (
        "Date: 12.10.2026\nWoman, 60 years old.\n"
        f"Myositis profile {dated}: anti-TIF1-gamma positive, anti-Mi-2 negative.\n"
    )
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-10-14"),
        ("MI2", "negative", "2026-10-14"),
    }


def test_a_sentence_ending_on_a_year_still_ends() -> None:
    # "2026." then a capital: the sentence ends, the next one speaks from the visit
    note = (
        "Date: 20.10.2026\nWoman, 60 years old.\nBiopsy done on 14.10.2026. "
        "Heliotrope rash of both upper eyelids.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 20)}


# --------------------------------------------------------------------------- a later label
@pytest.mark.parametrize(
    "line",
    [
        # two sections run together in one sentence: the second label's date goes on
        "Labs (12.10.2026): CK 1846 U/L, immunology (sample 14.10.2026): ANA 1:320.",
        "Bloods 12/10/2026: CK 1846 U/L; serology 14/10/2026: ANA 1:320 speckled.",
        "Laboratorij (12. 10. 2026): CK 1846 U/L; imunologija (vzorec 14. 10. 2026): ANA 1:320.",
    ],
)
def test_a_later_dated_label_carries_to_the_next_sentence(line: str) -> None:
    note = (
        "Date: 20.10.2026\nWoman, 60 years old.\n"
        + line
        + " Myositis immunoblot: anti-TIF1-gamma positive, anti-Mi-2 negative.\n"
    )
    assert {r for r in dated_antibody_results(note) if r[0] != "ANA"} == {
        ("TIF1G", "positive", "2026-10-14"),
        ("MI2", "negative", "2026-10-14"),
    }


@pytest.mark.parametrize(
    "line",
    [
        # a date that closes its clause, or the day the results came: not the story's next day
        "Bloods taken 12/10/2026 (results by 16/10): CK 1846 U/L.",
        "CK 1846 U/L on 12/10/2026, 640 U/L on 16/10/2026 on treatment.",
    ],
)
def test_a_closing_or_report_date_does_not_carry(line: str) -> None:
    note = (
        "Date: 20.10.2026\nWoman, 60 years old.\n"
        + line
        + " Myositis immunoblot: anti-TIF1-gamma positive.\n"
    )
    assert dated_antibody_results(note) == {("TIF1G", "positive", "2026-10-12")}


# --------------------------------------------------------------------------- a solar era
# The Thai solar calendar's Buddhist Era: BE year - 543 = the Gregorian year (BE 2569 = 2026,
# BE 2568 = 2025); "3/10/69" in such a note is 3 October BE 2569 = 3 October 2026.
@pytest.mark.parametrize(
    "head",
    [
        "Date of admission: 3 October B.E. 2569\n",
        "Date of admission: 3/10/2569 (B.E.)\n",
        "Date of admission: 3/10/69 (พ.ศ. 2569)\n",
        "Admitted 3 Oct 2569 (Buddhist Era).\n",
    ],
)
def test_a_buddhist_era_date_is_read_as_its_gregorian_day(head: str) -> None:
    assert _dates(head + BODY, "heliotrope_rash") == {date(2026, 10, 3)}


def test_a_buddhist_era_note_keeps_its_values() -> None:
    # a number in the era's year range is a value, not a year, unless a date's parts or the
    # era's mark stand before it: CK 2569 U/L stays 2569
    note = "Date of admission: 3 October B.E. 2569\n" + BODY + "CK 2569 U/L (ref 39-308).\n"
    ck = [lab for lab in read(note).case.labs if lab.code.value == "ck"]
    assert [(lab.value, lab.date) for lab in ck] == [(2569.0, date(2026, 10, 3))]


def test_without_the_eras_name_a_two_digit_year_is_this_century() -> None:
    # no "B.E." anywhere: "3/10/26" is 3 October 2026, never BE 2526
    note = "Date of admission: 3/10/26\n" + BODY
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 3)}


# --------------------------------------------------------------------------- a date column
ROWS = "Date: 20/10/2026\nWoman, 60 years old.\n\nInvestigations:\n"


@pytest.mark.parametrize(
    "rows",
    [
        # the row's text after two spaces, its wrapped line indented under it
        "14/10/2026  Myositis profile: anti-Ro-52 negative, anti-TIF1-gamma positive\n"
        "            (+++), anti-Mi-2 negative, anti-NXP2 negative\n",
        # a tab after the date
        "14/10/2026\tMyositis profile: anti-TIF1-gamma positive (+++)\n"
        "\t\tanti-Mi-2 negative, anti-NXP2 negative.\n",
        # the next row of its own date after it
        "14/10/2026  Myositis profile: anti-TIF1-gamma positive (+++)\n"
        "            anti-Mi-2 negative, anti-NXP2 negative.\n"
        "16/10/2026  CT chest: no mass.\n",
    ],
)
def test_a_date_columns_row_dates_its_wrapped_lines(rows: str) -> None:
    # (the first row's Ro-52 is on the row's own line: 14/10 either way)
    assert {r for r in dated_antibody_results(ROWS + rows) if r[0] != "RO52"} == {
        ("TIF1G", "positive", "2026-10-14"),
        ("MI2", "negative", "2026-10-14"),
        ("NXP2", "negative", "2026-10-14"),
    }


def test_a_line_not_indented_is_no_longer_the_rows() -> None:
    note = (
        ROWS + "14/10/2026  Myositis profile: anti-TIF1-gamma positive\n" + "Anti-Mi-2 negative.\n"
    )
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-10-14"),
        ("MI2", "negative", "2026-10-20"),
    }


# --------------------------------------------------------------------------- US dosing cue
# With three US conventions and no day-first one, a note's either-way dates (03/09/2026) are
# read month first (rules/style.yaml dates.min_cues); "500 mg bid" in lower case is one.
US_VISIT = "Date of service: 03/09/2026\nWoman, 66. Exertional dyspnea.\nHeliotrope rash.\n"


@pytest.mark.parametrize(
    "plan", ["Start mycophenolate 500 mg bid.", "Hydroxychloroquine 200 mg bid."]
)
def test_a_lower_case_us_dose_frequency_is_a_month_first_cue(plan: str) -> None:
    assert _dates(US_VISIT + plan + "\n", "heliotrope_rash") == {date(2026, 3, 9)}


@pytest.mark.parametrize(
    "plan",
    [
        "Start mycophenolate 500 mg bd.",  # the UK frequency: a day-first cue
        "She made a bid to return to work.",  # the English word, after no dose
    ],
)
def test_without_the_us_dose_cue_the_date_stays_day_first(plan: str) -> None:
    assert _dates(US_VISIT + plan + "\n", "heliotrope_rash") == {date(2026, 9, 3)}


def test_a_line_of_its_own_date_ends_the_headings_scope() -> None:
    # the bloods of the 28th are dated by their own line; the heading of the 27th no longer
    # dates what follows them
    note = (
        LETTER
        + "Findings (27.10.2026):\nHeliotrope rash of both upper eyelids.\n"
        + "Bloods (28.10.2026): CK 1846 U/L (ref < 190).\n"
        + "Gottron's papules over the MCP joints.\n"
    )
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 27)}
    assert date(2026, 10, 27) not in _dates(note, "gottron_papules")


# --------------------------------------------------------------------------- sample and report
@pytest.mark.parametrize(
    "line",
    [
        "Myositis serology (sent 19/11/2026, result 22/11/2026): anti-MDA5 positive.",
        "Myositis serology (sent 19/11/2026, results back 22/11/2026): anti-MDA5 positive.",
        "Myositis-Serologie (Entnahme 19.11.2026, Befund 22.11.2026): anti-MDA5 positive.",
        "Serologia (prelievo 19/11/2026, referto 22/11/2026): anti-MDA5 positive.",
        "Serologija (odvzem 19. 11. 2026, izvid 22. 11. 2026): anti-MDA5 positive.",
        "Seroloji (numune 19.11.2026, sonuç 22.11.2026): anti-MDA5 positive.",
        "Serologie (recoltat 19.11.2026, rezultat 22.11.2026): anti-MDA5 positive.",
    ],
)
def test_a_sample_date_outranks_the_reports_in_one_sentence(line: str) -> None:
    note = "Date: 23/11/2026\nMan, 47 years old.\n" + line + "\n"
    assert dated_antibody_results(note) == {("MDA5", "positive", "2026-11-19")}


@pytest.mark.parametrize(
    "heading",
    [
        "Myositis Antibody Panel (collected 11/14/2026, resulted 11/16/2026)",
        "Myositis antibodies (line blot, date 2026-11-14)",
        "Myositis antibodies (sample 14.11.2026)",
    ],
)
def test_a_bracket_dated_heading_dates_its_table(heading: str) -> None:
    note = (
        "Date of service: 11/17/2026\nMan, 55 years old.\n\n"
        + heading
        + "\n  Jo-1 Ab       NEG\n  PL-12 Ab      POS (strong)\n"
    )
    assert dated_antibody_results(note) == {
        ("JO1", "negative", "2026-11-14"),
        ("PL12", "positive", "2026-11-14"),
    }


@pytest.mark.parametrize(
    "line",
    [
        "Dysphagia (05/2026; resolved)",  # a dated complaint, not a heading
        "Coughing with drinks (since 14/11/2026)",
        "- IV methylprednisolone 1 g daily (10/11-12/11/2026)",
    ],
)
def test_a_dated_item_is_no_heading(line: str) -> None:
    note = "Date: 17/11/2026\nWoman, 55 years old.\n\n" + line + "\nHeliotrope rash.\n"
    assert _dates(note, "heliotrope_rash") == {date(2026, 11, 17)}


# --------------------------------------------------------------------------- a label's day/month
@pytest.mark.parametrize(
    "label",
    [
        "Antibodies (immunoblot, 8/10):",
        "Anticorpi (imunoblot, 8/10):",  # Romanian
        "Protitelesa (8/10):",  # Slovene
        "Antikorlar (08/10):",  # Turkish, two digits
    ],
)
def test_a_labels_day_and_month_without_a_year_dates_it(label: str) -> None:
    note = "Entry: 5/10/2026     Exit: 16/10/2026\nWoman, 63 years old.\n" + label
    note += " anti-TIF1-gamma positive, anti-Mi-2 negative.\n"
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-10-08"),
        ("MI2", "negative", "2026-10-08"),
    }


@pytest.mark.parametrize("label", ["Pain (7/10):", "VAS (6/10):", "Deltoids (4/5):"])
def test_a_score_or_grade_in_a_labels_bracket_is_no_date(label: str) -> None:
    note = "Entry: 5/10/2026\nWoman, 63 years old.\n" + label + " heliotrope rash.\n"
    assert _dates(note, "heliotrope_rash") == {date(2026, 10, 5)}
