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
        # a unit that says "for N <unit>" by itself: Turkish "-dır", Hungarian "-ja/-je"
        ("Yaklaşık 2 aydır ellerde kızarıklık var.", date(2026, 9, 20)),
        ("Kas güçsüzlüğü 3 haftadır devam ediyor.", date(2026, 10, 30)),
        ("A beteg 3 hónapja izomgyengeségről panaszkodik.", date(2026, 8, 20)),
        # a sign of "about" before the number, in any language
        ("Pasien mengeluh lemah otot sejak +/- 3 bulan.", date(2026, 8, 20)),
    ],
)
def test_a_duration_in_months_weeks_or_days_dates_the_onset(sentence: str, onset: date) -> None:
    assert _onset(sentence) == onset


# --- a finding stated "since DATE" / "from DATE" is dated on that date (the lead's gold
# decision of 5 Dec 2026, 3; _draft.finding_time ``began``), and stays present


def _findings(text: str) -> list[tuple[str, bool, date | None]]:
    case = extract_case(
        f"Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. {text}",
        anchor=VISIT,
        today=TODAY,
    ).case
    return sorted((f.code.value, f.present, f.date) for f in case.findings)


@pytest.mark.parametrize(
    ("sentence", "code", "day"),
    [
        ("Proximal weakness since March 2026.", "weakness_proximal_lower", date(2026, 3, 1)),
        ("She has had a heliotrope rash since 02/09/2026.", "heliotrope_rash", date(2026, 9, 2)),
        ("Gottron papules since July 2026.", "gottron_papules", date(2026, 7, 1)),
        # a start longer ago than a year is still the finding's own start, present
        ("Proximal weakness since March 2024.", "weakness_proximal_lower", date(2024, 3, 1)),
    ],
)
def test_a_finding_since_a_date_is_dated_on_it(sentence: str, code: str, day: date) -> None:
    assert (code, True, day) in _findings(sentence)


def test_a_finding_since_a_date_seen_again_today_keeps_both_days() -> None:
    assert _findings(
        "Gottron papules since July 2026. Examination today: Gottron papules present."
    ) == [
        ("gottron_papules", True, date(2026, 7, 1)),
        ("gottron_papules", True, date(2026, 11, 20)),
    ]
