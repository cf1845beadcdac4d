"""The patient, read by class (issue #10, session of 1 Dec 2026, worktree i10-text18).

- the sex as a bare word in a demographics field or list ("Pt: F, 44", "Child: girl",
  "Patient: [name], woman, age: 44", "44, female"), in English and the grammar's languages; a
  relative's field, a lone letter outside a label, "female relatives" are no sex statement;
- how long the illness has lasted, in the other languages' words ("seit 2 Jahren", "desde hace
  2 años", "od roku", "2 yıldır"): the age at onset is the stated age less the years; a
  relative's duration, a drug's, or one shorter than a year leaves it at the stated age.

Every note is our own; the expected values are worked out by hand from the text: a stated age
of N with a complaint of Y years is an onset at N - Y (the note's date is the reading date, so
no years are added)."""

from __future__ import annotations

import pytest

from myositis_cds.pathway.classification import age_at_onset
from tests.ingest.text.helpers import TODAY, read


def _sex(note: str) -> str:
    return read(note).case.patient.sex


# --------------------------------------------------------------------------- demographics
@pytest.mark.parametrize(
    ("note", "sex"),
    [
        ("Patient: [name withheld], woman, age: 44 years\nProximal weakness.", "female"),
        ("Patient: Jan Nowak, 44 years, male\nProximal weakness.", "male"),
        ("Child: girl   DOB: 15/08/2018\nProximal weakness.", "female"),
        ("Child: boy, 9 years\nProximal weakness.", "male"),
        ("Pt: F, 44\nProximal weakness.", "female"),
        ("Pt: M Age: 51\nProximal weakness.", "male"),
        ("Gender - Female\nAge: 44\nProximal weakness.", "female"),
        ("Sex: M\nAge 44. Proximal weakness.", "male"),
        ("44, female\nProximal weakness.", "female"),
        ("woman, 44 years\nProximal weakness.", "female"),
        ("Anna Nowak, 44, female\nProximal weakness.", "female"),
        ("J. Smith, 61 y/o, male\nProximal weakness.", "male"),
        # the grammar's languages: the label and the word of each
        ("Pacjent: A.K., kobieta, lat 44\nOsłabienie mięśni.", "female"),
        ("Paciente: J.P.R., mujer, 52 años\nDebilidad proximal.", "female"),
        ("Patient: M. Braun, Mann, 61 Jahre\nProximale Schwäche.", "male"),
        ("Geschlecht - weiblich\nAlter: 53\nProximale Schwäche.", "female"),
        ("Bệnh nhân: Nguyễn Thị A, nữ, 55 tuổi\nYếu cơ.", "female"),
    ],
)
def test_a_sex_word_in_the_patients_demographics_gives_the_sex(note: str, sex: str) -> None:
    assert _sex(note) == sex


@pytest.mark.parametrize(
    "note",
    [
        # a relative's field
        "Mother: woman, 70\nThe patient, aged 44, has proximal weakness.",
        # a group of people, a pattern
        "The patient is aged 44.\n44, female relatives affected by psoriasis.",
        "Patient: female relatives with lupus. Aged 44, proximal weakness.",
        "The patient is aged 44.\n44, female-pattern hair loss.",
        # a lone letter outside a labelled field
        "44, F\nAged 44, proximal weakness.",
    ],
)
def test_no_sex_word_of_the_patients_own_leaves_the_sex_unknown(note: str) -> None:
    assert _sex(note) == "unknown"


def _onset_age(note: str) -> float | None:
    return age_at_onset(read(note).case, TODAY)[0]


# --------------------------------------------------------------------------- onset in years
@pytest.mark.parametrize(
    ("note", "onset_age"),
    [
        ("Eine 60-jährige Patientin mit Muskelschwäche seit 2 Jahren.", 58),
        ("Ein 53-jähriger Patient leidet seit einem Jahr an einem juckenden Exanthem.", 52),
        ("Paciente de 50 años de edad, femenina. Desde hace 3 años refiere debilidad.", 47),
        ("Mujer de 45 años con debilidad proximal de 2 años de evolución.", 43),
        ("Mulher de 50 anos com fraqueza muscular há 2 anos.", 48),
        ("Une femme de 50 ans, faiblesse musculaire depuis 4 ans.", 46),
        ("Una donna di 70 anni con debolezza da 2 anni.", 68),
        ("Pacjentka lat 60, od 2 lat osłabienie mięśni.", 58),
        ("Pacjentka lat 60, od roku osłabienie mięśni obręczy barkowej.", 59),
        ("Pacientka 37 let, slabost končetin 2 roky.", 35),
        ("Pacientka 37 let, slabost od loňska.", 36),
        ("36 éves nőbeteg, 3 éve fennálló izomgyengeség miatt.", 33),
        ("Pacientă de 52 de ani cu slăbiciune musculară de 2 ani.", 50),
        ("Een 62-jarige vrouw met spierzwakte sinds 2 jaar.", 60),
        ("50 yaşında kadın hasta, 2 yıldır kas güçsüzlüğü şikayeti var.", 48),
        ("Pasien perempuan berusia 40 tahun dengan kelemahan otot sejak 2 tahun.", 38),
        ("Bệnh nhân nữ 55 tuổi, yếu cơ 2 năm nay.", 53),
        ("Bệnh nhân nữ 55 tuổi, cách đây 3 năm xuất hiện yếu cơ.", 52),
    ],
)
def test_a_duration_in_years_puts_the_onset_that_many_years_before(
    note: str, onset_age: int
) -> None:
    assert _onset_age(note) == onset_age


@pytest.mark.parametrize(
    "note",
    [
        # a relative's complaint (the patient is 60 in every note)
        "Eine 60-jährige Patientin. Ihre Mutter hat seit 2 Jahren Muskelschwäche.",
        "Mujer de 60 años. Su madre presenta debilidad desde hace 2 años.",
        # a drug's duration: no complaint in its clause; the complaint is months old
        "Eine 60-jährige Patientin erhält seit 2 Jahren Methotrexat wegen einer Psoriasis; "
        "seit 3 Monaten Muskelschwäche.",
        # the drug right after the duration
        "Eine 60-jährige Patientin mit Muskelschwäche seit 3 Monaten, seit 2 Jahren MTX.",
        # shorter than a year
        "Eine 60-jährige Patientin mit Muskelschwäche seit 3 Monaten.",
        "Mujer de 60 años con debilidad de 6 meses de evolución.",
        # a duration of another illness, not a complaint
        "Eine 60-jährige Patientin mit Diabetes mellitus seit 10 Jahren.",
        # a year, not a duration ("since the year 2019")
        "Pacjentka lat 60, od roku 2019 na nadciśnienie.",
        # the age itself, "de 60 años": never a duration
        "Paciente de 60 años con debilidad proximal.",
    ],
)
def test_no_years_of_the_patients_complaint_leave_the_onset_at_the_age(note: str) -> None:
    assert _onset_age(note) == 60
