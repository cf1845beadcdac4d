"""Issue #10, round 12 (i12c): classes of wording met in published case reports.

1. An unqualified Gottron lesion ("Gottron's lesions", "skin changes compatible with Gottron's
   indications", "lésions de Gottron") is the flat Gottron's sign (the reports' gold convention,
   tests/data/reports/index.yaml, FIRST_RUN_S.md "Skin"); the eponym misspelt with one t
   ("Gotron's") as translated abstracts write it. A bare "Gottron's" names no lesion.

Every expected value is worked out by hand from the sentence: a denial is absent, a finding the
sentence does not state is not assessed (None), never a silent no.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
ANCHOR = date(2026, 11, 1)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=ANCHOR, today=TODAY).case


def _finding(text: str, code: str) -> bool | None:
    """The finding ``code`` as read: True present, False absent, None not assessed."""
    states = {f.present for f in _case(text).findings if f.code.value == code}
    assert len(states) <= 1, f"{code} read both present and absent"
    return states.pop() if states else None


# ---------------------------------------------------------------- 1. Gottron lesions unqualified


@pytest.mark.parametrize(
    ("text", "sign", "papules"),
    [
        ("A 36-year-old woman with skin changes compatible with Gotron's indications.", True, None),
        ("A 36-year-old woman with Gottron's lesions on both hands.", True, None),
        ("A 50-year-old man. Gottron lesions over the knuckles were seen.", True, None),
        ("A 50-year-old man. Over the knuckles, Gottron's changes.", True, None),
        ("A 50-year-old man with Gotron's sign over the elbows.", True, None),
        ("A 50-year-old man with Gotron's papules over the elbows.", None, True),
        ("Femme de 36 ans. Lésions de Gottron sur les mains.", True, None),
        ("Mujer de 36 años. Lesiones de Gottron en los nudillos.", True, None),
        # papules named: the papules only, never the sign as well
        ("A 36-year-old woman with Gottron's papules on both hands.", None, True),
        # denied: absent, not a silent no
        ("A 36-year-old woman. No Gottron's lesions.", False, None),
        ("A 36-year-old woman. There were no Gottron lesions on her hands.", False, None),
        # a copy cut after the eponym names no lesion
        ("A 42-year-old man diagnosed with a heliotrope rash, Gottron's", None, None),
        # a relative's finding and a general statement are not the patient's
        ("A 36-year-old woman whose mother had Gottron's lesions.", None, None),
        ("Dermatomyositis is characterised by Gottron's lesions. A 36-year-old woman with fever.",
         None, None),
    ],
)
def test_an_unqualified_gottron_lesion_is_the_sign(
    text: str, sign: bool | None, papules: bool | None
) -> None:
    assert _finding(text, "gottron_sign") is sign
    assert _finding(text, "gottron_papules") is papules
