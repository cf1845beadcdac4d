"""issue #10 (i17a): known misreadings and review items: a lab value grouped by a space after
any label form, a dosing interval read as a lab value, a language's negation word outside that
language, an age at onset used as the onset, and refactors whose output is unchanged. Our own
sentences; the values are worked out by hand."""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=TODAY, today=TODAY).case


def _sex(text: str) -> str:
    return str(_case(text).patient.sex.value)


# --- 5a: the Ethiopian months are read from the rules, every spelling of a month alike


def test_ethiopian_month_names_in_their_variant_spellings() -> None:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import find_dates

    def days(text: str) -> list[date]:
        return [d.day for d in find_dates(text, rules())]

    # Hidar 1 2019 E.C.: 60 days after 1 Meskerem 2019 (11 Sep 2026); three spellings of ኅ
    for hidar in ("ኅዳር", "ህዳር", "ሕዳር"):
        assert days(f"{hidar} 1 ቀን 2019 ዓ.ም.") == [date(2026, 11, 10)]
    # Hamle 1 2018 E.C.: 300 days after 1 Meskerem 2018 (11 Sep 2025); both spellings of ሐ
    for hamle in ("ሐምሌ", "ሃምሌ"):
        assert days(f"{hamle} 1 ቀን 2018 ዓ.ም.") == [date(2026, 7, 8)]
    # guard: the rules hold the thirteen months, the last Pagume
    assert rules().ethiopian_month_prefixes[-1] == ("ጳ", 13)


# --- 5c: the patient's initials after the label are no sex letter, whichever pattern reads it


def test_initials_after_an_english_patient_label_are_not_the_sex() -> None:
    assert _sex("Patient: F. J. K.\nReferred for weakness.") == "unknown"
    # guard: the letter alone, then another field, is the sex
    assert _sex("Patient: F\nReferred for weakness.") == "female"
