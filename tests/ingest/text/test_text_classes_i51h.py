"""Issue #10, twenty-sixth session (branch i51h): Kurmanji Kurdish and Tatar, the two languages
of heldout49. Each expectation is worked out by hand on sentences written for this test (no
text from a note): the languages' demographic words, negation, results, months, signs and
labs, and the rule that a note in a language whose sex words are missing gives no sex rather
than one read from a homograph of an English pronoun."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case


# --- sex: the English pronouns only in a note that writes English prose
# (rules/patterns.yaml english_prose); "her" is Kurmanji and Turkish "each, every"


@pytest.mark.parametrize(
    "text",
    [
        # Kurmanji: "both shoulders ... both hands", no sex word the rules know
        "Nexweş ji 2 mehan ve li her du milan êşê dibîne. Hêza her du destan kêm bûye.",
        # Turkish without its sex field: "every day ... both sides"
        "Hasta her gün yorgunluk tarifliyor. Kas gücü her iki tarafta 4/5.",
    ],
)
def test_an_each_word_spelt_her_gives_no_sex(text: str) -> None:
    assert _case(text).patient.sex.value == "unknown"


# --- the patient line (rules/patient.yaml `kmr`, `tt`)


@pytest.mark.parametrize(
    ("text", "sex", "age"),
    [
        ("Temen: 47 salî     Zayend: Mê\nNexweş hat muayenekirin.", "female", 47),
        ("Temen: 66 salî     Zayend: Mêr\nNexweş hat muayenekirin.", "male", 66),
        ("Jineke 52 salî bi lawaziya masûlkeyan hat.", "female", 52),
        ("Mêrekî 38 salî bi sorbûna çavan hat.", "male", 38),
        ("Яше: 58     Җенесе: ир-ат\nАвыру тикшерелде.", "male", 58),
        ("Яше: 44     Җенесе: хатын-кыз\nАвыру тикшерелде.", "female", 44),
        ("71 яшьлек хатын мускул хәлсезлеге белән мөрәҗәгать итте.", "female", 71),
    ],
)
def test_the_patient_line(text: str, sex: str, age: int) -> None:
    patient = _case(text).patient
    assert (patient.sex.value, patient.age) == (sex, age)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Dîroka jidayikbûnê: 14.02.1961\nZayend: Mê", date(1961, 2, 14)),
        ("Туган көне: 09.10.1958\nҖенесе: ир-ат", date(1958, 10, 9)),
    ],
)
def test_the_date_of_birth_field(text: str, born: date) -> None:
    assert _case(text).patient.birth_date == born


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Zayend: Mê\nNavnîşan: Dirbêsiyê, Hesekê\nNexweş hat muayenekirin.", "SY"),
        ("Җенесе: ир-ат\nЯшәү урыны: Казан шәһәре\nАвыру тикшерелде.", "RU"),
    ],
)
def test_the_address_field(text: str, region: str) -> None:
    assert _case(text).patient.region == region
