"""Issue #10, twenty-eighth session (branch i53t): classes of wording in the treatments: how
often a dose is given, its ceiling, and courses only requested. Each expectation is worked out
by hand on sentences written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with dermatomyositis.\n"


def _doses(text: str) -> dict[str, str | None]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {t.drug: t.dose for t in case.treatments}


# --- the Latin prescription abbreviations written with their stops are how often the dose is
# given (rules/patterns.yaml DOSE_PERIOD_LATIN_DOTTED; the BNF's Latin abbreviations and the US
# forms): the dose as written keeps them


@pytest.mark.parametrize(
    ("sentence", "drug", "dose"),
    [
        ("Azathioprine 50 mg b.d. since 03/09/2026.", "azathioprine", "50 mg b.d."),
        ("Ciclosporin 100 mg b.i.d. from 12/10/2026.", "ciclosporin", "100 mg b.i.d."),
        ("Hydroxychloroquine 200 mg o.d. started 01/08/2026.", "hydroxychloroquine", "200 mg o.d."),
        ("Prednisolone 25 mg o.m. from 05/11/2026.", "prednisolone", "25 mg o.m."),
        ("Tacrolimus 1 mg t.d.s. since 14/10/2026.", "tacrolimus", "1 mg t.d.s."),
        ("Azathioprine 25 mg q.d.s. since 14/10/2026.", "azathioprine", "25 mg q.d.s."),
        ("Azathioprine 25 mg qds since 14/10/2026.", "azathioprine", "25 mg qds"),
        # a space after each stop, and the route between the amount and how often
        (
            "Mycophenolate mofetil 1 g PO b. d. from 02/10/2026.",
            "mycophenolate mofetil",
            "1 g b. d.",
        ),
        # the frequency that ends the sentence keeps its last stop
        ("Tacrolimus started 11/10/2026 at 2 mg b.d.", "tacrolimus", "2 mg b.d."),
    ],
)
def test_a_dotted_latin_frequency_is_part_of_the_dose(sentence: str, drug: str, dose: str) -> None:
    assert _doses(sentence)[drug] == dose


def test_a_dotted_abbreviation_that_is_no_frequency_stays_out() -> None:
    # "o.b." is no prescription abbreviation: that dose is the amount alone, the next one keeps
    # its "b.d."
    got = _doses("Prednisolone 30 mg o.b. since 03/11/2026. Tacrolimus 2 mg b.d. from 05/11/2026.")
    assert got == {"prednisolone": "30 mg", "tacrolimus": "2 mg b.d."}


# --- a dose's bracketed ceiling written inside the dose, between the amount and how often, is
# part of the dose as written (tests/data/notes/README.md, gold decision of 6 Dec 2026;
# rules/patterns.yaml DOSE_CEILING and the dose's group ``ceiling``); after the route it stays
# out


@pytest.mark.parametrize(
    ("sentence", "dose"),
    [
        (
            "Methylprednisolone 30 mg/kg (max 1 g) once daily from 02/11/2026 to 04/11/2026.",
            "30 mg/kg (max 1 g) once daily",
        ),
        (
            "Methylprednisolone 10 mg/kg (maximum 500 mg) daily started 02/11/2026.",
            "10 mg/kg (maximum 500 mg) daily",
        ),
        # the route after the ceiling is read apart
        (
            "Methylprednisolone 30 mg/kg (up to 1 g) IV daily from 02/11/2026.",
            "30 mg/kg (up to 1 g) daily",
        ),
    ],
)
def test_a_ceiling_inside_the_dose_is_part_of_it(sentence: str, dose: str) -> None:
    assert _doses(sentence)["methylprednisolone"] == dose


def test_a_ceiling_after_the_route_stays_out() -> None:
    got = _doses(
        "Methylprednisolone 30 mg/kg IV (max 1 g) daily from 02/11/2026. "
        "Cyclophosphamide 500 mg/m2 (max 1.2 g) monthly from 03/11/2026."
    )
    assert got == {
        "methylprednisolone": "30 mg/kg daily",
        "cyclophosphamide": "500 mg/m2 (max 1.2 g) monthly",
    }


# --- a drug after a label that names it as requested or proposed, on the label's line or in the
# list under it, is no start (rules/patterns.yaml treatment_request_label;
# tests/data/notes/README.md: a drug with no stated start is not recorded)


def _drugs(text: str) -> list[tuple[str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((t.drug, t.start) for t in case.treatments)


@pytest.mark.parametrize(
    "text",
    [
        # the label alone on its line, a numbered list under it
        "Section 4 - Treatment requested abroad\n  1. Rituximab 1 g x2 two weeks apart.\n"
        "  2. Repeat MRI thighs.\nReceiving hospital : university centre.\n",
        # the label before the drug on its line
        "C3. Treatment requested: IVIG 2 g/kg every 4 weeks for 3 cycles.\n",
        "Proposed therapy:\n- tacrolimus 2 mg bd\n- IVIG 2 g/kg over 5 days\n",
    ],
)
def test_a_drug_under_a_request_label_is_no_start(text: str) -> None:
    got = _drugs(text + "\nPrednisolone 50 mg daily since 12/10/2026.")
    assert got == [("prednisolone", date(2026, 10, 12))]


def test_a_start_stated_under_a_request_label_is_read() -> None:
    # the first item states its own start, the second none; the list ends at the blank line
    got = _drugs(
        "Treatment requested:\n1. IVIG 2 g/kg given 02/11/2026, repeat monthly.\n"
        "2. Rituximab 1 g x2.\n\nAzathioprine 50 mg bd since 03/10/2026."
    )
    assert got == [
        ("azathioprine", date(2026, 10, 3)),
        ("intravenous immunoglobulin", date(2026, 11, 2)),
    ]


# --- a drug sought by a request for it ("funding for", "approval for", "applied for") is no
# start, and so are the drugs listed with it (rules/patterns.yaml treatment_planned)


@pytest.mark.parametrize(
    "sentence",
    [
        "Letter to the health board re funding for IVIG or rituximab - copy given to patient.",
        "We have applied for rituximab and IVIG through the hospital charity.",
        "Approval for tacrolimus is awaited.",
    ],
)
def test_a_drug_only_requested_is_no_start(sentence: str) -> None:
    got = _drugs(sentence + " Prednisolone 40 mg od from 01/11/2026.")
    assert got == [("prednisolone", date(2026, 11, 1))]


def test_a_request_granted_and_given_is_a_start() -> None:
    got = _drugs("Approval for rituximab obtained, given 04/11/2026; IVIG applied for.")
    assert got == [("rituximab", date(2026, 11, 4))]


# --- a continuation card's entry: the date alone at a line's start before a gap, the entry's
# lines indented under it (_timeline.py _entry_header, i53d's, which the merge kept in place of
# i53t's own _card_entry); its "today" is that day, so a drug started
# "from today" in a later entry starts on that entry's date, not the card's first date


def test_a_card_entry_dates_its_today() -> None:
    card = (
        "OUTPATIENT CONTINUATION CARD\n\n"
        "02/09/26  New pt  (Dr A. Bah)\n  Weakness of both thighs x 3/12. CK sent.\n\n"
        "16/09/26  R/V  (Dr A. Bah)\n  Rx: azathioprine 50 mg od from today.\n\n"
        "30/09/26  R/V\n  Stable. Cont aza.\n"
    )
    case = extract_case(card, today=TODAY).case
    assert [(t.drug, t.start) for t in case.treatments] == [("azathioprine", date(2026, 9, 16))]


# --- a plan's "to start" after the drug in the other languages read is no start
# (rules/patterns.yaml treatment_planned); a start stated before it keeps the drug


@pytest.mark.parametrize(
    "sentence",
    [
        "Metotrexato 15 mg a settimana da iniziare dopo lo screening.",  # Italian
        "Méthotrexate 15 mg par semaine à débuter après le bilan.",  # French
        "Metotrexato 15 mg semanal a iniciar tras el cribado.",  # Spanish
        "Methotrexat 15 mg wöchentlich zu beginnen nach dem Screening.",  # German
        "Methotrexaat 15 mg per week te starten na screening.",  # Dutch
    ],
)
def test_a_drug_to_start_in_other_languages_is_no_start(sentence: str) -> None:
    got = _drugs(sentence + " Prednisolone 40 mg od from 01/11/2026.")
    assert got == [("prednisolone", date(2026, 11, 1))]
