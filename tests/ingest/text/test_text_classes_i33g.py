"""Conventions of the twelfth session's round (issue #10, i33g). Every sentence is our own; each
expected value is worked out by hand from the words.

- an SSA/Ro result with no subunit ("anti-SSA", "anti-Ro/SSA", "Sjögren's syndrome A") records
  neither Ro60 nor Ro52 (the gold decision of 3 Dec 2026: the classical assay may detect either
  antigen, and the product must not invent which), while a subunit written with it keeps its
  code ("anti-SSA/Ro52", "SSA 52 kDa": Ro52; "Ro60", "SSA (60)", "anti-SSA (Ro60)": Ro60); the
  unspecified name still takes its own place in a list, so its result is not a neighbour's.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, case_of, findings_of

WOMAN = "Woman, 52 years old, heliotrope rash of both eyelids and Gottron papules.\n"


# ------------------------------------------------------------------ SSA/Ro with no subunit
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Anti-SSA antibodies were strongly positive.", {}),
        ("SSA: positive.", {}),
        ("Serology: anti-Ro/SSA positive, anti-La/SSB negative.", {}),
        ("Anti-SS-A/Ro was negative.", {}),
        ("Positive antibodies to Sjogren syndrome antigen A.", {}),
        ("Anticorpos anti-SSA positivos.", {}),
        # the unspecified name keeps its place in the list: the others keep their own results
        (
            "Anti-Mi-2 positive; anti-SSA, anti-SSB and anti-Jo-1 negative.",
            {"MI2": "positive", "JO1": "negative"},
        ),
        ("Anti-SSA weakly positive, anti-TIF1-gamma negative.", {"TIF1G": "negative"}),
        ("Jo-1/SSA/PL-7: negative/positive/negative.", {"JO1": "negative", "PL7": "negative"}),
    ],
)
def test_ssa_with_no_subunit_records_neither_ro_antigen(
    line: str, expected: dict[str, str]
) -> None:
    assert antibody_results(WOMAN + line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Anti-SSA/Ro52 positive.", {"RO52": "positive"}),
        ("Ro-52 antibodies positive.", {"RO52": "positive"}),
        ("SSA 52 kDa: positive.", {"RO52": "positive"}),
        ("Anti-SSA [52 kDa] antibodies were positive.", {"RO52": "positive"}),
        ("Ro60 antibodies were negative.", {"RO60": "negative"}),
        ("SSA (60) positive.", {"RO60": "positive"}),
        ("Anti-SSA (Ro60) antibodies negative.", {"RO60": "negative"}),
        ("Anti-SSA antibodies against Ro-60 were detected.", {"RO60": "positive"}),
        ("Anti-Ro60 (SSA) strongly positive.", {"RO60": "positive"}),
        (
            "Anti-SSA (Ro52) positive, anti-SSA (Ro60) negative.",
            {"RO52": "positive", "RO60": "negative"},
        ),
        # a level in brackets is no subunit: the SSA stays unspecified
        ("Anti-SSA (52 U/mL) positive.", {}),
    ],
)
def test_ssa_with_its_subunit_keeps_the_subunit_code(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# ------------------------------------------------------------------ a denial over its list
PT = "Menina de nove anos, internada por fraqueza.\n"
ES = "Niña de nueve años, ingresada por debilidad.\n"


@pytest.mark.parametrize(
    "note",
    [
        PT + "Não foram observadas alterações cutâneas ou sinais clínicos de artrite.",
        PT + "Não foram observadas lesões cutâneas, edema palpebral ou sinais de artrite.",
        PT + "Não se observaram alterações da pele e sinais inflamatórios de artrite.",
        ES + "No se observaron lesiones cutáneas activas o signos clínicos de artritis.",
        ES + "No se evidenciaron alteraciones cutáneas, edema palpebral y signos de artritis.",
    ],
)
def test_a_denial_reaches_the_member_its_list_adds_last(note: str) -> None:
    assert findings_of(note).get("arthritis") is False


@pytest.mark.parametrize(
    "note",
    [
        # guards: a new clause after the denied list is not denied
        PT + "Não foram observadas alterações cutâneas, mas apresentava sinais de artrite.",
        PT + "Não foram observadas alterações cutâneas e a menina apresentava sinais de artrite.",
        PT + "Sem alterações cutâneas e com sinais clínicos evidentes de artrite.",
        ES + "No se observaron lesiones cutáneas y la niña presentaba signos claros de artritis.",
        ES + "No se observaron lesiones cutáneas, pero presentaba signos claros de artritis.",
    ],
)
def test_a_new_clause_after_a_denied_list_is_not_denied(note: str) -> None:
    assert findings_of(note).get("arthritis") is True


# ------------------------------------------------------------------ the Portuguese names of CK
@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Creatina cinase 9200 U/L [<145].", 9200.0),
        ("Creatinocinase de 3100 U/L (normal < 170).", 3100.0),
        ("Creatinofosfocinase 5400 U/L [<190].", 5400.0),
        ("Creatinoquinase 1230 U/L [<170].", 1230.0),
    ],
)
def test_creatine_kinase_by_its_portuguese_names(line: str, value: float) -> None:
    labs = case_of("Mulher de 44 anos, fraqueza proximal.\n" + line).labs
    assert [(lab.code.value, lab.value) for lab in labs] == [("ck", value)]


def test_creatinine_is_no_creatine_kinase() -> None:
    # guard: the kidney's creatinine is not the muscle enzyme
    labs = case_of("Mulher de 44 anos, fraqueza proximal.\nCreatinina 0,8 mg/dL.\n").labs
    assert [lab.code.value for lab in labs] == []
