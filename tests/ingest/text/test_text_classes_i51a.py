"""Issue #10, twenty-sixth session (branch i51a): the date of an antibody's result, the sample's
and not the report's, and not a later row's. Each expectation is worked out by hand on sentences
written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis.\n"


def _antibodies(text: str) -> set[tuple[str, str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {(a.code.value, a.result.value, a.date) for a in case.antibodies}


# ------------------- the sample's and the result's words of more languages (rules/patterns.yaml
# SAMPLE_WORDS, REPORT_WORDS): the results are dated on the day the sample was taken


@pytest.mark.parametrize(
    ("text", "sampled"),
    [
        # Assamese and Bengali: sample collection ... result
        (
            "Immunoblot, নমুনা সংগ্ৰহ 03/11/2026, ফলাফল 12/11/2026: "
            "anti-SAE1 positive, anti-Jo-1 negative.",
            date(2026, 11, 3),
        ),
        (
            "Immunoblot, নমুনা সংগ্রহ 03/11/2026, ফলাফল 12/11/2026: "
            "anti-SAE1 positive, anti-Jo-1 negative.",
            date(2026, 11, 3),
        ),
        # Sesotho: sample on ..., the result arrived on ...
        (
            "Line blot: sampole la 02/11/2026, sephetho se fihlile la 10/11/2026: "
            "anti-SAE1 positive, anti-Jo-1 negative.",
            date(2026, 11, 2),
        ),
        # Somali: the blood was taken ..., the result was received ...
        (
            "Myositis panel: dhiigga waxaa la qaaday 06/11/2026; natiijada waxaa la helay "
            "15/11/2026: anti-SAE1 positive, anti-Jo-1 negative.",
            date(2026, 11, 6),
        ),
        # the sample was taken ..., the result ...; the rows on lines of their own
        (
            "Myositis panel: muunadda waxaa la qaaday 06/11/2026, natiijada 15/11/2026:\n"
            "anti-SAE1 positive\nanti-Jo-1 negative",
            date(2026, 11, 6),
        ),
    ],
)
def test_the_sample_dates_the_results_in_more_languages(text: str, sampled: date) -> None:
    assert _antibodies(text) == {("SAE1", "positive", sampled), ("JO1", "negative", sampled)}


# ------------------------- a later row's date (facts/antibodies.py _later_rows): the result rows
# run on, with no stop, into the line of another test dated on another day; that date is the
# other test's, and the rows keep the date stated above them


@pytest.mark.parametrize(
    "text",
    [
        "Bloods (03.11.2026):\n  CK 3,400 U/L\n  Myositis immunoblot - SAE1 ++\n"
        "     Mi-2 neg, MDA5 neg, Jo-1 neg\n  CT thorax (12.11.2026) - normal",
        "Ix 03/11/2026:\n  CK 3,400 U/L   (30 - 180)\n  ESR 40 mm/h\n"
        "  Myositis immunoblot - SAE1 ++\n     Mi-2 neg, MDA5 neg, Jo-1 neg\n"
        "  Echocardiogram (12/11/2026) - normal",
    ],
)
def test_a_later_rows_date_is_not_the_results(text: str) -> None:
    taken = date(2026, 11, 3)
    assert _antibodies(text) == {
        ("SAE1", "positive", taken),
        ("MI2", "negative", taken),
        ("MDA5", "negative", taken),
        ("JO1", "negative", taken),
    }


# ----------- a panel's heading with no date of its own that names the sample of the result before
# (rules/patterns.yaml same_sample): its rows take that sample's date, not the note's


@pytest.mark.parametrize(
    "text",
    [
        "- Anti-HMGCR (drawn 03/11/2026): POSITIVE 120 CU (neg <20). Myositis line blot same "
        "sample\n  (Jo-1, SRP, Mi-2): negative.",
        "- Anti-HMGCR (sample 03/11/2026): POSITIVE 88 CU (neg <20). Myositis immunoblot same "
        "serum\n  (SRP, Jo-1, Mi-2): negative.",
    ],
)
def test_the_same_samples_rows_take_its_date(text: str) -> None:
    taken = date(2026, 11, 3)
    assert _antibodies(text) == {
        ("HMGCR", "positive", taken),
        ("SRP", "negative", taken),
        ("JO1", "negative", taken),
        ("MI2", "negative", taken),
    }
