"""issue #10 (i29a): Turkmen read as a language (the patient line, negation and result words,
the relatives, the strength table's muscles, its sag / çep heading and the grade's "bal",
dysphagia and the signs, the laboratory form's names, units and "kadasy" range); a dot leader
shortened to one or two dots under a dot-leader row; a lab name read in capitals only before a
space-grouped thousands. Our own sentences (never a note's); the values are worked out by hand.
Each class has a guard: a near-miss that must not be read. And Telugu beyond its core words: the
right / left heading "కుడి / ఎడమ", the range label "సాధారణం", the drugs in Telugu script, the
joints' swelling."""

from __future__ import annotations

import pytest

from .helpers import antibody_results, case_of, findings_of, labs_coded, sex_and_age


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the form's fields, "Jynsy" (sex) and "Ýaşy" (age) with "N ýaşynda" (at N years)
        ("Näsag: Berdiýewa A.\nJynsy: aýal   Ýaşy: 44 ýaşynda\nSalgysy: Daşoguz", ("female", 44)),
        # "N ýaşly erkek" (a man of N years) in a sentence
        ("Näsag 58 ýaşly erkek, aýaklarynyň ejizligine arz edýär.", ("male", 58)),
        # a copy that lost the letters ý and ş
        ("Jynsy: erkek\nYasy: 39 yasynda", ("male", 39)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_result_words_after_a_named_panel() -> None:
    text = "Immunoblot: anti-NXP2, anti-Jo-1, anti-SRP - otrisatel; anti-Mi-2 - položitel."
    assert antibody_results(text) == {
        "NXP2": "negative",
        "JO1": "negative",
        "SRP": "negative",
        "MI2": "positive",
    }


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # dysphagia as swallowing grown hard, and "ýok" (there is no) after the finding
        ("Suwuk iýmiti ýuwdunmagyň kynlaşmagy.", "dysphagia", True),
        ("Ýuwdunmakda kynçylyk ýok.", "dysphagia", False),
        ("Myşsalarda agyry bar.", "myalgia", True),
        ("Üç aýyň dowamynda 5 kg horlandy.", "weight_loss", True),
        ("Boýnuň öňünde V görnüşli gyzarma.", "v_sign", True),
        ("Dyrnak töwereginde gyzarma ýok.", "periungual_erythema", False),
    ],
)
def test_signs_and_negation(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


def test_barium_swallow_is_no_dysphagia() -> None:
    # guard: the swallow's X-ray names no difficulty
    assert "dysphagia" not in findings_of("Ýuwdunmagyň rentgen barlagy geçirildi.")


def test_relative_is_not_the_patient() -> None:
    # guard: the mother's muscle pain is hers ("ejesiniň", of his/her mother)
    assert findings_of("Ejesiniň myşsa agyrylary bar.").get("myalgia") is not True


def test_turkmen_strength_table() -> None:
    text = (
        "Myşsa güýji (sag / çep):\n"
        "   egin myşsalary ........ 4 / 4\n"
        "   but bükijiler ......... 3 / 2\n"
        "   aýak ujuny galdyrmak .. 5 / 5\n"
        "   boýun bükijiler ....... 3 bal (boýun ýazyjylar 5 bal)\n"
    )
    found = findings_of(text)
    assert found["weakness_proximal_upper"] is True
    assert found["weakness_proximal_lower"] is True
    assert found["legs_proximal_weaker_than_distal"] is True
    assert found["neck_flexors_weaker_than_extensors"] is True


def test_the_scale_is_no_grade() -> None:
    # guard: "5 bal ulgamy" (the 5-point system) after the muscles is no grade of theirs
    text = "But bükijiler we egin myşsalary 5 bal ulgamy boýunça bahalandyryldy."
    found = findings_of(text)
    assert "weakness_proximal_lower" not in found
    assert "weakness_proximal_upper" not in found


def test_single_dot_leader_under_a_leader_row() -> None:
    # the longest label leaves one dot of its leader: the row is the table's, not a new sentence
    text = (
        "Power (MRC), R / L:\n"
        "  Hip flexors ............. 3 / 3\n"
        "  Ankle dorsiflexion (foot) . 5 / 5\n"
    )
    assert findings_of(text)["legs_proximal_weaker_than_distal"] is True


def test_turkmen_labs() -> None:
    text = (
        "Barlaglar 04.10.2026: Kreatinkinaza (KK) 2 340 B/l (kadasy 24-190); "
        "AlAT 88 B/l (kadasy 41-e çenli).\n"
        "Bejergiden soň KK 1 150 B/l-e çenli peseldi (20.10.2026)."
    )
    ck = [(lab.value, lab.upper_limit) for lab in labs_coded(text, "ck")]
    assert ck == [(2340.0, 190.0), (1150.0, None)]
    assert [(lab.value, lab.upper_limit) for lab in labs_coded(text, "alt")] == [(88.0, 41.0)]


def test_finnish_month_is_no_ck() -> None:
    # guard: "kk" in lower case is a Finnish month, never the Turkmen "KK"
    assert labs_coded("Kontrolli 3 kk kuluttua, 1 200 potilasta.", "ck") == []


# --- Telugu (its script and core words were read since i24a)


def test_telugu_right_left_heading() -> None:
    # "కుడి / ఎడమ" (right / left) declares the columns: "3 / 4" is the two hips, not 3 of 4
    text = (
        "కండరాల బలం (MRC) - కుడి / ఎడమ:\n"
        "  తుంటి (hip flexion)            3 / 4\n"
        "  చీలమండ (ankle dorsiflexion)    5 / 5\n"
    )
    found = findings_of(text)
    assert found["weakness_proximal_lower"] is True
    assert found["legs_proximal_weaker_than_distal"] is True


def test_telugu_range_label() -> None:
    labs = labs_coded("10-10-2026: CPK 4,100 U/L (సాధారణం 30-190).", "ck")
    assert [(lab.value, lab.lower_limit, lab.upper_limit) for lab in labs] == [
        (4100.0, 30.0, 190.0)
    ]


def test_telugu_drug_names() -> None:
    # methylprednisolone written with the zero-width non-joiner is not read as prednisolone
    text = (
        "చికిత్స: ఇంజెక్షన్ మిథైల్\u200cప్రెడ్నిసోలోన్ 500 mg IV, 3 రోజులు. "
        "తర్వాత టాబ్లెట్ ప్రెడ్నిసోలోన్ 40 mg, టాబ్లెట్ మెథోట్రెక్సేట్ 10 mg వారానికి ఒకసారి."
    )
    drugs = {t.drug for t in case_of(text).treatments}
    assert drugs == {"methylprednisolone", "prednisolone", "methotrexate"}


def test_telugu_joint_swelling_denied() -> None:
    assert findings_of("పరీక్ష: కీళ్ల వాపు లేదు.").get("arthritis") is False
