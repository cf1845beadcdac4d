"""Issue #10, round 10 (lead): a lab written as a multiple of its upper limit, in the languages
read, is raised (above 1) or not (1 or below); before this the word "normal" in "4 fois la
normale" read it NOT raised, the opposite of what the note says."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _labs(line: str) -> list[tuple[str, bool | None]]:
    case = extract_case("Patient, 60 years, female.\n" + line, today=TODAY).case
    return [(lab.code.value, lab.is_above_uln) for lab in case.labs]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bilan : CPK à 12 fois la normale.", [("ck", True)]),
        ("Bilan : CPK à 3 fois la LSN.", [("ck", True)]),
        ("Laboratorio: CK 10 veces el valor normal.", [("ck", True)]),
        ("Exames: CK 8 vezes o limite superior da normalidade.", [("ck", True)]),
        ("Esami: CK 5 volte il valore normale.", [("ck", True)]),
        ("Labor: CK 6-fach der Norm.", [("ck", True)]),
        ("Badania: CK 7 razy powyżej normy.", [("ck", True)]),
        ("Анализы: КФК в 5 раз выше нормы.", [("ck", True)]),
        ("Labs: CK 10 times the upper limit of normal.", [("ck", True)]),
        # a multiple of 1 or less is not above the limit
        ("Bilan : CPK à 1 fois la normale.", [("ck", False)]),
        ("Labs: CK 0.8 times the upper limit of normal.", [("ck", False)]),
        # the plain judgement is unchanged
        ("Bilan : CPK normale.", [("ck", False)]),
    ],
)
def test_a_multiple_of_the_upper_limit_in_other_languages(
    line: str, expected: list[tuple[str, bool]]
) -> None:
    assert _labs(line) == expected


def test_one_lab_name_found_twice_is_one_result() -> None:
    # "ASAT" is both a lexicon term and an upper-case lab name: one mention, one result, raised
    assert _labs("Bilan : ASAT à 4 fois la normale.") == [("ast", True)]
    assert _labs("Bilan : ASAT normale.") == [("ast", False)]
