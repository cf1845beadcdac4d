"""The Baltic and South Slavic languages in the classes of issue #10, round 12 (i12a). Every
sentence is our own, written in Latvian, Lithuanian, Serbian (both scripts), Croatian,
Slovene, Bulgarian and Macedonian; each expected value is worked out by hand from the words:

- a patient's header with a de-identified name ("J*** P***", "Г*** Д***") or a masked identity
  number ("ЕГН **********") before the sex word still gives the sex, and the abbreviated year
  after the age ("67 m.", "59 г.", "61 god.") the age;
- Lithuanian's own result words teigiam-/neigiam- are a test's positive/negative result, in
  every gender and number, never "teigiama dinamika" (an improving course);
- a form field answered no in these languages ("Дисфагија: не.", "Disfagija: nema.") and a
  sign denied by a verb of finding ("проксимална слабост се не налази") is absent, never
  present.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of, sex_and_age

WOMAN = "Woman, 60 years old, heliotrope rash of both eyelids.\n"
UPPER, LOWER = "weakness_proximal_upper", "weakness_proximal_lower"


# ------------------------------------------------------------ sex and age in a masked header
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Pacientas: J*** P***, vyras, 67 m.   Gyv. vieta: Kaunas", ("male", 67)),
        ("Pacientė: R*** K***, moteris, 54 m.", ("female", 54)),
        ("Pacients: A*** B***, sieviete, 48 g.", ("female", 48)),
        ("Пациент: Г*** Д*** С***, ЕГН **********, мъж, 59 г.", ("male", 59)),
        ("Пациент: Иван Петров, мъж, 71 г.", ("male", 71)),
        ("Pacijent: M*** H***, muškarac, 61 god.", ("male", 61)),
        ("Pacijent: Marko Horvat, muškarac, 45 g.", ("male", 45)),
    ],
)
def test_a_masked_name_or_number_before_the_sex_word_keeps_the_sex_and_age(
    header: str, expected: tuple[str, int]
) -> None:
    assert sex_and_age(header + "\nDermatomyositis.\n") == expected


def test_a_relatives_masked_header_is_not_the_patients_sex() -> None:
    # no patient's label: a mother's line says nothing of the patient
    assert sex_and_age("Motina: J*** P***, moteris, 70 m.\nDermatomyositis.\n")[0] == "unknown"


def test_a_year_abbreviation_after_a_date_is_no_age() -> None:
    # "2026 m." (Lithuanian) and "2026 г." (Bulgarian) are years of the calendar, four digits
    assert sex_and_age("Pacientas: vyras. Ligos pradžia 2026 m. liepa.\n")[1] is None
    assert sex_and_age("Пациент: мъж. Постъпил на 15.09.2026 г.\n")[1] is None


# ------------------------------------------------------------ Lithuanian result words
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Imunoblotas: anti-NXP2 TEIGIAMAS (++); anti-TIF1γ, anti-Mi-2, anti-SRP – NEIGIAMI.",
            {"NXP2": "positive", "TIF1G": "negative", "MI2": "negative", "SRP": "negative"},
        ),
        ("Anti-Jo-1 neigiamas.", {"JO1": "negative"}),
        ("Anti-Jo-1: neigiamas", {"JO1": "negative"}),
        ("Anti-Mi-2 antikūnai teigiami.", {"MI2": "positive"}),
        ("anti-SAE1 – neigiama, anti-MDA5 – teigiama", {"SAE1": "negative", "MDA5": "positive"}),
    ],
)
def test_lithuanian_result_words_give_the_result(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


def test_an_improving_course_is_no_positive_result() -> None:
    # "teigiama dinamika" is the course, after a test named without its result
    assert antibody_results(WOMAN + "Tirti anti-Jo-1 antikūnai. Būklė gerėja, teigiama dinamika.") != {
        "JO1": "positive"
    }


# ------------------------------------------------------------ a sign answered or found not
@pytest.mark.parametrize(
    "line",
    [
        "Дисфагија: не.",
        "Дисфагия: няма.",
        "Disfagija: nema.",
        "Disfāgija: nav.",
        "Disfagija: nėra.",
        "Disfagija: ni.",
    ],
)
def test_a_form_field_answered_no_is_absent(line: str) -> None:
    assert findings_of(WOMAN + line).get("dysphagia") is False


def test_a_field_answered_yes_stays_present() -> None:
    assert findings_of(WOMAN + "Disfagija: da. Raynaud: ne.").get("dysphagia") is True


@pytest.mark.parametrize(
    "line",
    [
        "Мишићна снага 5/5 у свим групама, проксимална слабост се не налази.",
        "Не налази се проксимална слабост мишића.",
        "Mišićna snaga 5/5, proksimalna slabost se ne nalazi.",
        "Proksimalna slabost mišića nije nađena.",
        "Проксимална мускулна слабост не се наблюдава.",
    ],
)
def test_proximal_weakness_found_not_is_not_present(line: str) -> None:
    found = findings_of(WOMAN + line)
    assert found.get(UPPER) is not True
    assert found.get(LOWER) is not True


def test_a_denial_of_one_sign_leaves_the_next_sentence_alone() -> None:
    found = findings_of(
        WOMAN + "Дисфагија се не налази. Проксимална слабост руку и ногу, 3/5."
    )
    assert found.get("dysphagia") is False
    assert found.get(UPPER) is True
