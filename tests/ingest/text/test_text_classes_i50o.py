"""Issue #10, twenty-fifth session (branch i50o): how long the illness has lasted, in the other
languages' months, weeks and days (rules/patient.yaml onset_duration and the languages' `months`,
`weeks`, `days`). Each expectation is worked out by hand on sentences written for this test (no
text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
VISIT = date(2026, 11, 20)


def _onset(text: str) -> date | None:
    return extract_case(f"20.11.2026\n{text}", anchor=VISIT, today=TODAY).case.onset_date


@pytest.mark.parametrize(
    ("sentence", "onset"),
    [
        # months: the visit less that many months (20 Nov less 3 months is 20 Aug)
        ("Die Patientin klagt über Myalgien seit 3 Monaten.", date(2026, 8, 20)),
        ("Pacjentka zgłasza osłabienie mięśni od około 4 miesięcy.", date(2026, 7, 20)),
        ("Il paziente riferisce ipostenia da 2 mesi.", date(2026, 9, 20)),
        ("Paciente con mialgias desde hace 5 meses.", date(2026, 6, 20)),
        ("Doente com dor muscular há 3 meses.", date(2026, 8, 20)),
        ("Patiente se plaignant de myalgies depuis 2 mois.", date(2026, 9, 20)),
        ("Pacienta cu slăbiciune musculară de aproximativ 4 luni.", date(2026, 7, 20)),
        ("Patiënte heeft sinds 3 maanden spierzwakte.", date(2026, 8, 20)),
        ("Pasien mengeluh lemah otot sejak 2 bulan.", date(2026, 9, 20)),
        # weeks: seven days each (20 Nov less 42 days is 9 Oct)
        ("Sintomi muscolari da circa 6 settimane.", date(2026, 10, 9)),
        ("Myalgien seit 3 Wochen.", date(2026, 10, 30)),
        # days
        ("Patient avec des myalgies depuis 10 jours.", date(2026, 11, 10)),
        ("Paciente con mialgias desde hace 12 días.", date(2026, 11, 8)),
        # the "since" / "ago" words and units of Catalan, Galician, the Cyrillic and the Latin
        # South Slavic languages
        ("Pacient amb debilitat muscular des de fa uns 2 mesos.", date(2026, 9, 20)),
        ("Dende hai 3 semanas refire debilidade nas pernas.", date(2026, 10, 30)),
        ("Тегобе су почеле пре 2 месеца, слабост у ногама.", date(2026, 9, 20)),
        ("От около 3 седмици – обрив по лицето.", date(2026, 10, 30)),
        ("Unatrag 4 tjedna slabost mišića nogu.", date(2026, 10, 23)),
        # a sign of "about" before the number, in any language
        ("Pasien mengeluh lemah otot sejak +/- 3 bulan.", date(2026, 8, 20)),
    ],
)
def test_a_duration_in_months_weeks_or_days_dates_the_onset(sentence: str, onset: date) -> None:
    assert _onset(sentence) == onset
