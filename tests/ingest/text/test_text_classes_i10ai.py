"""Failure classes of the issue #10 round on notes:heldout17 (helper branch i10-text35): dates
and the timeline. Each class is tried in our own short vignettes (no sentence is taken from a
note), in several languages and layouts; the expected dates are read off the words by hand (a
month without its day is the 1st, by the notes' convention; a date without a year takes the
note's year)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text._rules import rules
from myositis_cds.ingest.text._time import DateStyle, find_dates
from tests.ingest.text.helpers import read

_NOTE_DAY = DateStyle(note_date=date(2026, 11, 20))


def _onset_of(sentence: str) -> date | None:
    """The onset read from a note of 20 Nov 2026 about a woman of 54 with this sentence."""
    return read(_HEAD + sentence + "\n").case.onset_date


def _days(text: str) -> list[date]:
    return [d.day for d in find_dates(text, rules(), style=_NOTE_DAY)]


# ------------------------------------------------------------ months named in other languages
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("3. marts 2023", date(2023, 3, 3)),  # Danish
        ("den 12. oktober 2025", date(2025, 10, 12)),  # Norwegian
        ("3 de agosto de 2026", date(2026, 8, 3)),  # Spanish
        ("em agosto de 2026", date(2026, 8, 1)),  # Portuguese, month only
        ("le 5 décembre 2024", date(2024, 12, 5)),  # French
        ("12 ottobre 2025", date(2025, 10, 12)),  # Italian
        ("1. Dezember 2025", date(2025, 12, 1)),  # German
        ("sinds mei 2026", date(2026, 5, 1)),  # Dutch
        ("15 czerwca 2026 r.", date(2026, 6, 15)),  # Polish genitive
        ("w czerwcu 2026", date(2026, 6, 1)),  # Polish locative
        ("v červenci 2026", date(2026, 7, 1)),  # Czech: July, not June
        ("3 июня 2026 г.", date(2026, 6, 3)),  # Russian genitive
        ("2026. június 3.", date(2026, 6, 3)),  # Hungarian, year first
        ("kesäkuusta 2026", date(2026, 6, 1)),  # Finnish elative
        ("15 Ιουνίου 2026", date(2026, 6, 15)),  # Greek genitive
        ("3 Haziran 2026", date(2026, 6, 3)),  # Turkish
        ("3. Juni", date(2026, 6, 3)),  # no year: the note's
        ("Mar-2025", date(2025, 3, 1)),  # a record system's month and year
        ("Monday 16th November 2026", date(2026, 11, 16)),  # English keeps its day
    ],
)
def test_a_date_naming_its_month_in_another_language_is_read(text: str, day: date) -> None:
    assert _days(text) == [day]


@pytest.mark.parametrize(
    "text",
    [
        "de 2 ori mai mare",  # Romanian "mai": more
        "cu 2 mai mult",
        "3 des patients",  # French article, not a month
        "non è mai 2 volte",  # Italian "mai": never
    ],
)
def test_a_word_that_only_looks_like_a_month_is_no_date(text: str) -> None:
    assert _days(text) == []


# ------------------------------------------------------------------ the onset as a form field
_HEAD = "Date of clinic: 2026-11-20\nPatient: 54-year-old woman with dermatomyositis.\n"


@pytest.mark.parametrize(
    ("field", "onset"),
    [
        ("Symptom onset (mm/yyyy) ............ 02/2025", date(2025, 2, 1)),
        ("Symptom onset ........... Mar-2025", date(2025, 3, 1)),
        ("Date of onset: 14/03/2025", date(2025, 3, 14)),
        ("Onset date ____ 2025-04-02", date(2025, 4, 2)),
        ("First symptoms: July 2025", date(2025, 7, 1)),
    ],
)
def test_a_forms_onset_field_gives_the_onset(field: str, onset: date) -> None:
    assert read(_HEAD + field + "\n").case.onset_date == onset


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Symptomdebut i juni 2026 med utslett i ansiktet.", date(2026, 6, 1)),  # Norwegian
        ("Debut med udslæt på øjenlågene januar 2026.", date(2026, 1, 1)),  # Danish
        ("Symptombeginn im Juli 2026 mit Lidödem.", date(2026, 7, 1)),  # German
        ("Inicio de los síntomas en agosto de 2026.", date(2026, 8, 1)),  # Spanish
        ("Début des symptômes en mai 2026.", date(2026, 5, 1)),  # French
        ("Esordio a giugno 2026 con eritema palpebrale.", date(2026, 6, 1)),  # Italian
        ("Początek objawów w czerwcu 2026.", date(2026, 6, 1)),  # Polish
        ("Oireet kesäkuusta 2026 alkaen.", date(2026, 6, 1)),  # Finnish: "since" after
        ("Onset with eyelid swelling and rash in June 2026.", date(2026, 6, 1)),
    ],
)
def test_the_onsets_noun_before_a_date_gives_the_onset(sentence: str, onset: date) -> None:
    assert _onset_of(sentence) == onset


# ------------------------------------------------------- a complaint there since a date
@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Rash since 06/2026, now with dysphagia.", date(2026, 6, 1)),
        ("Heliotrope rash first noted July 2025.", date(2025, 7, 1)),
        # the earliest complaint, whichever is said first
        ("Proximal weakness from September 2026; rash from May 2026.", date(2026, 5, 1)),
        ("She has had skin signs since 3 March 2026.", date(2026, 3, 3)),
        ("Ausschlag im Gesicht seit Juli 2026.", date(2026, 7, 1)),  # German
        ("Eritema violáceo desde agosto de 2026.", date(2026, 8, 1)),  # Spanish
        ("Érythème des paupières depuis mai 2026.", date(2026, 5, 1)),  # French
        ("Udslæt på hænderne siden marts 2026.", date(2026, 3, 1)),  # Danish
        ("Osłabienie mięśni od czerwca 2026.", date(2026, 6, 1)),  # Polish
    ],
)
def test_a_complaint_there_since_a_date_gives_the_onset(sentence: str, onset: date) -> None:
    assert _onset_of(sentence) == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "No rash since March 2026.",  # denied
        "Her mother has had a rash since 2019.",  # a relative's
        "Methotrexate 15 mg weekly since May 2024.",  # a drug, no complaint
        "PSA undetectable since 2020.",
        "Possible rash since April 2026?",  # only possible
    ],
)
def test_no_onset_from_a_since_date_without_the_patients_complaint(sentence: str) -> None:
    assert _onset_of(sentence) is None


def test_an_onset_field_wins_over_a_complaint_since_a_later_date() -> None:
    note = _HEAD + "Date of onset: 03/2026\nWeakness since August 2026.\n"
    assert read(note).case.onset_date == date(2026, 3, 1)


# ------------------------------------------------------------------ the diagnosis date
@pytest.mark.parametrize(
    ("fields", "diagnosed"),
    [
        (
            "Diagnosis ........ Dermatomyositis, anti-TIF1-gamma\n"
            "Date of diagnosis ........ 2025-05-20\n",
            date(2025, 5, 20),
        ),
        (
            "Diagnosis: immune-mediated necrotising myopathy (anti-HMGCR)\n"
            "Symptom onset: Feb-2025     Diagnosis date . 28-May-2025\n",
            date(2025, 5, 28),
        ),
        ("Dermatomyositis - diagnosis date: 14/08/2026\n", date(2026, 8, 14)),
    ],
)
def test_a_forms_diagnosis_date_under_the_myositis_gives_the_diagnosis(
    fields: str, diagnosed: date
) -> None:
    assert read(_HEAD + fields).case.diagnosis_date == diagnosed


def test_a_diagnosis_date_field_under_a_tumour_is_not_the_myositiss() -> None:
    note = (
        _HEAD + "Background: dermatomyositis.\nTumour: ductal carcinoma of the left breast\n"
        "Date of diagnosis: 2023-04-02\n"
    )
    assert read(note).case.diagnosis_date != date(2023, 4, 2)


@pytest.mark.parametrize(
    ("sentence", "diagnosed"),
    [
        # the code's full stop does not end the clause; "diagnosticeret" is Danish
        (
            "Dermatomyositis (M33.1), anti-TIF1γ-positiv, diagnosticeret marts 2023.",
            date(2023, 3, 1),
        ),
        # the antibodies' "negativ" after the diagnosis is theirs, not a denial
        (
            "M33.1 Dermatomyositis, Erstdiagnose 07/2026: Anti-NXP2 positiv, Anti-TIF1γ negativ.",
            date(2026, 7, 1),
        ),
        ("Dermatomiositis diagnosticada el 3 de agosto de 2026.", date(2026, 8, 3)),
        (
            "Dermatomyosite diagnostiquée en mai 2026, anti-MDA5 négatif.",
            date(2026, 5, 1),
        ),
    ],
)
def test_diagnosed_in_another_language_gives_the_diagnosis_date(
    sentence: str, diagnosed: date
) -> None:
    assert read(_HEAD + sentence + "\n").case.diagnosis_date == diagnosed


def test_a_relatives_diagnosis_gives_no_diagnosis_date() -> None:
    note = _HEAD + "Søster med ovariecancer (diagnosticeret marts 2019).\n"
    assert read(note).case.diagnosis_date is None


# ------------------------------------------------------------------ the note's own date
@pytest.mark.parametrize(
    "plan",
    [
        "Plan: next clinic Feb-2027.",
        "Follow-up clinic: 12/03/2027",
        "Booked review 2027-01-15",
    ],
)
def test_a_clinic_to_come_is_not_the_notes_date(plan: str) -> None:
    note = (
        "Visit: 24-Nov-2026 (telephone)\nA 50-year-old man with dermatomyositis.\n"
        "Gottron's papules are present today.\n" + plan + "\n"
    )
    gottron = [f for f in read(note).case.findings if f.code.value == "gottron_papules"]
    assert [f.date for f in gottron] == [date(2026, 11, 24)]


def test_a_clinic_heading_after_a_follow_up_title_is_still_the_notes_date() -> None:
    note = (
        "Rheumatology follow-up\nDate of clinic: 2026-11-18\n"
        "A 50-year-old man with dermatomyositis, first seen on 2025-01-10.\n"
        "Gottron's papules are present today.\n"
    )
    gottron = [f for f in read(note).case.findings if f.code.value == "gottron_papules"]
    assert [f.date for f in gottron] == [date(2026, 11, 18)]


# ------------------------------------------------- guards of the complaint's since-date
@pytest.mark.parametrize(
    "sentence",
    [
        # the brackets' own since: a drug's, not the eruption's
        "Differential: photo-exacerbated drug eruption (amlodipine since 02/2026).",
        "Query drug rash (hydroxychloroquine from March 2026).",
    ],
)
def test_a_since_date_that_is_not_the_complaints_gives_no_onset(sentence: str) -> None:
    assert _onset_of(sentence) is None


def test_a_result_word_after_the_date_does_not_deny_the_complaint() -> None:
    note = (
        _HEAD + "- Dermatomyositis: weakness from May 2026, diagnosed 14-08-2026: anti-NXP2 "
        "positive, anti-TIF1-gamma negative.\n"
    )
    case = read(note).case
    assert (case.onset_date, case.diagnosis_date) == (date(2026, 5, 1), date(2026, 8, 14))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("rash from early Aug 26", date(2026, 8, 1)),  # a month of 2026, not 26 August
        ("weakness since late Sep 25", date(2025, 9, 1)),
        ("drawn Oct 29", date(2026, 10, 29)),  # no "early": still the day
    ],
)
def test_a_month_with_a_two_digit_year_after_early_or_late(text: str, day: date) -> None:
    assert _days(text) == [day]


@pytest.mark.parametrize(
    "later",
    [
        "Rash on the eyelids in January 2026, later proximal weakness of the arms.",
        "Udslæt i ansigtet januar 2026, senere proksimal muskelsvaghed.",  # Danish
        "Exanthem im Januar 2026, später proximale Schwäche.",  # German
    ],
)
def test_what_came_later_is_not_dated_by_the_date_before_it(later: str) -> None:
    # the weakness came after January 2026 at a time the note does not give: never dated then
    weak = [
        f.date
        for f in read(_HEAD + later + "\n").case.findings
        if f.code.value == "weakness_proximal_upper"
    ]
    assert date(2026, 1, 1) not in weak


# ------------------------------------------- a month without its year, "x <duration>"
@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("He has had a rash and weakness since july.", date(2026, 7, 1)),  # dictated, lower case
        ("Since September I have had a purple rash on both eyelids.", date(2026, 9, 1)),
        ("Eyelid rash from late June, then weakness.", date(2026, 6, 1)),
        # a month after the note's own is last year's (note of 20 Nov 2026)
        ("Weakness since December.", date(2025, 12, 1)),
        ("Itchy rash over the shoulders and knuckles x 4 months.", date(2026, 7, 20)),
        ("Rash over face, neck & hands x 2 months.", date(2026, 9, 20)),
    ],
)
def test_a_month_alone_or_an_x_duration_after_a_complaint_gives_the_onset(
    sentence: str, onset: date
) -> None:
    assert _onset_of(sentence) == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "She may have a rash since she may be sensitive.",  # "may" the verb
        "Wt loss ~6 kg x 2 months.",  # not a complaint of the illness
        "Plan: review from January with bloods.",  # no complaint
    ],
)
def test_no_onset_from_a_month_alone_without_a_complaint(sentence: str) -> None:
    assert _onset_of(sentence) is None


# ------------------------------------------------ the assay and its date in brackets
@pytest.mark.parametrize(
    ("line", "code", "day"),
    [
        ("anti-HMGCR (ELISA, 2025-05-08) ......... positive, 212 CU", "HMGCR", date(2025, 5, 8)),
        ("Anti-Jo-1 (line blot, sample 02/10/2026): negative.", "JO1", date(2026, 10, 2)),
        ("Anti-Mi-2 (immunoblot 14.09.2026) positive.", "MI2", date(2026, 9, 14)),
    ],
)
def test_an_assay_and_date_in_brackets_date_the_test_before_them(
    line: str, code: str, day: date
) -> None:
    note = _HEAD + "Autoantibodies:\n" + line + "\n"
    assert {a.date for a in read(note).case.antibodies if a.code.value == code} == {day}


def test_a_bracket_with_other_words_still_dates_only_itself() -> None:
    # "(CT 2025-06-02: no malignancy)" dates the CT in the brackets, not the antibody before
    note = _HEAD + "Anti-TIF1-gamma positive (CT thorax 2025-06-02 reported by Dr Lee).\n"
    found = {
        (a.result.value, a.date) for a in read(note).case.antibodies if a.code.value == "TIF1G"
    }
    assert ("positive", date(2026, 11, 20)) in found
    assert ("positive", date(2025, 6, 2)) not in found


# ------------------------------------------- how long the illness has lasted, other languages
# the note is of 20 Nov 2026: N months before is the 20th N months earlier, N weeks 7N days
@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        ("Cuadro de dos meses de evolución de eritema en párpados.", date(2026, 9, 20)),
        ("Quadro de três semanas de evolução com fraqueza proximal.", date(2026, 10, 30)),
        ("Éruption des paupières, deux mois d'évolution.", date(2026, 9, 20)),
        ("Tre mesi di storia di debolezza prossimale.", date(2026, 8, 20)),
        ("Desde hace tres semanas refiere disfagia a sólidos.", date(2026, 10, 30)),
        ("Proximale Muskelschwäche seit drei Monaten.", date(2026, 8, 20)),
        ("Faiblesse des cuisses depuis 2 mois.", date(2026, 9, 20)),
    ],
)
def test_a_duration_in_another_language_gives_the_onset(sentence: str, onset: date) -> None:
    assert _onset_of(sentence) == onset


@pytest.mark.parametrize(
    "sentence",
    [
        "Metotrexato desde hace dos meses.",  # a drug, no complaint
        "Control en tres meses.",  # a plan
        "Su madre con debilidad desde hace dos años.",  # a relative's
        "Her mother has had weakness for the past 2 years.",
    ],
)
def test_a_duration_in_another_language_without_a_complaint_gives_no_onset(
    sentence: str,
) -> None:
    assert _onset_of(sentence) is None


def test_a_relative_named_after_the_patients_duration_does_not_hide_it() -> None:
    note = _HEAD + "Rash for the past 2 months; her mother has psoriasis.\n"
    assert read(note).case.onset_date == date(2026, 9, 20)
