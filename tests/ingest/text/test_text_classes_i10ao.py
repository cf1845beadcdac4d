"""Strength comparisons, skin-sign stems and absence said after the sign (issue #10, i10ao).

Three classes, each with sentences we wrote in several languages (some the rules have no words
of their own for) and guards that they do not over-fire:

* the EULAR/ACR comparison "in the legs proximal weaker than distal" from any pair of grades
  stated for the two groups: a scope word after the grade ("distal grade V all"), full strength
  said in words of the examination's language ("força distal preservada", "distálne normálna"),
  and a movement word that names its own distal joint ("flexores dorsais do pé");
* the heliotrope rash by its Greek stem with any ending ("heliotropný", "heliotropică");
* a denial that stands after its sign ("Dysfágia neprítomná", "Düsfaagia puudub") and, at the
  end of a list, denies its own item only when the earlier items are described signs.

Expected values are worked out by hand from the EULAR/ACR 2017 glossary (Lundberg et al., Ann
Rheum Dis 2017;76:1955): a proximal group weak when graded below MRC 5; in the legs proximal
weaker than distal when the proximal grade is the lower; missing when a group is not stated.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import findings_of

INTRO = "A 52-year-old woman with dermatomyositis.\n\n"
UPPER, LOWER, LEGS = (
    "weakness_proximal_upper",
    "weakness_proximal_lower",
    "legs_proximal_weaker_than_distal",
)
STRENGTH = {UPPER, LOWER, LEGS, "neck_flexors_weaker_than_extensors"}


def strength(note: str) -> dict[str, bool]:
    return {k: v for k, v in findings_of(INTRO + note).items() if k in STRENGTH}


def finding(note: str, code: str) -> bool | None:
    return findings_of(INTRO + note).get(code)


# ---------------------------------------------------------------- legs: proximal vs distal
ALL_THREE = {UPPER: True, LOWER: True, LEGS: True}


@pytest.mark.parametrize(
    "note",
    [
        # Roman grades with a scope word after the distal grade
        "Motor power: proximal grade III in both upper and lower limbs, distal grade V all.",
        # Portuguese: distal strength "preserved", with the power word before it
        "Força muscular: proximal 4/5, força distal preservada.",
        # Slovak: "normal" in its feminine form
        "Svalová sila: proximálne 4/5, distálne normálna.",
        # Polish: "kept" (zachowana)
        "Siła mięśniowa: proksymalnie 3/5, dystalnie zachowana.",
        # Croatian: "preserved" (očuvana)
        "Snaga mišića: proksimalno 4/5, distalno očuvana.",
        # Romanian: "kept" (păstrată)
        "Forța musculară: proximal 4/5, distal păstrată.",
        # Italian: "conserved"
        "Forza muscolare: prossimale 4/5, distale conservata.",
        # Dutch: "distaal" with its long vowel, "behouden" (kept)
        "Spierkracht: proksimaal 4/5, distaal behouden.",
        # Estonian: grades out of 5 with the long-vowel roots
        "Lihasjõud: proksimaalselt 4/5, distaalselt 5/5.",
        # Slovak, Czech, Polish: Roman grades after the Slavic "degree" word or its "st."
        "Svalová sila: proximálne st. IV, distálne st. V.",
        "Síla: proximálně stupeň IV, distálně stupeň V.",
        "Siła mięśniowa: proksymalnie stopień III, dystalnie stopień V.",
        # Polish: bare grades with the degree sign
        "Siła mięśniowa: proksymalnie 4°, dystalnie 5°.",
        # Malay: "semua" (all) after a bare distal grade
        "Kekuatan otot: proksimal 4, distal 5 semua.",
    ],
)
def test_legs_comparison_from_a_stated_distal_grade(note: str) -> None:
    assert strength(note) == ALL_THREE


@pytest.mark.parametrize(
    "note",
    [
        # the dorsal flexors of the foot are the ankle's, not the hip's before them
        "Força: psoas 3/5, flexores dorsais do pé 5/5.",
        "Fuerza: psoas 3/5, flexión dorsal del pie 5/5.",
        "Forza: ileopsoas 3/5, flessori dorsali del piede 5/5.",
        # the plantar direction alone names the foot too
        "Fuerza: cuádriceps 4/5, flexores plantares 5/5.",
        # the ankle's dorsiflexors by their French and Spanish names
        "Force: psoas 3/5, releveurs du pied 5/5.",
        "Fuerza: psoas 3/5, tibial anterior 5/5.",
    ],
)
def test_a_movement_word_that_names_the_foot_is_distal(note: str) -> None:
    assert strength(note) == {LOWER: True, LEGS: True}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # distal not stated: the comparison is not assessed (missing), never a silent no
        (
            "Motor power: proximal grade IV both upper and lower extremities.",
            {UPPER: True, LOWER: True},
        ),
        # distal as weak as proximal: no comparison present
        (
            "Força: proximal 4/5, distal 4/5 em todos.",
            {UPPER: True, LOWER: True, LEGS: False},
        ),
        # distal weaker than proximal
        ("Power: proximal 4/5, distal 3/5 all.", {UPPER: True, LOWER: True, LEGS: False}),
        # the arms only: the legs are not stated
        ("Power: proximal 4/5 in the arms, distal 5/5 in the arms.", {UPPER: True}),
        # proximal of the arms only, distal of all limbs: the legs' proximal grade is not stated
        ("Proximal power 4/5 in the arms; distal grade V all.", {UPPER: True}),
        # "normal" of another sentence is no grade
        ("Power: proximal 4/5. Sensation normal.", {UPPER: True, LOWER: True}),
        # a movement word with no joint of its own keeps the muscle's before it
        ("Fuerza: cuádriceps 4/5, extensores 4/5.", {LOWER: True}),
        # the wrist is distal, but of the arm: no legs comparison
        ("Fuerza: psoas 3/5, extensión de la muñeca 5/5.", {LOWER: True}),
    ],
)
def test_legs_comparison_guards(note: str, expected: dict[str, bool]) -> None:
    assert strength(note) == expected


# ---------------------------------------------------------------- neck: flexors vs extensors
NECK = "neck_flexors_weaker_than_extensors"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Flexores do pescoço 3/5, extensores preservados.", True),  # Portuguese
        ("Svalová sila: flexia krku 4/5, extenzia krku normálna.", True),  # Slovak
        ("Nackenbeuger 4/5, Nackenstrecker erhalten.", True),  # German
        ("Fleksori vrata 4/5, ekstenzori vrata očuvani.", True),  # Croatian
        # flexors at full strength cannot be the weaker
        ("Neck flexors 5/5, extensors preserved.", False),
    ],
)
def test_neck_comparison_with_the_extensors_full_in_words(note: str, expected: bool) -> None:
    assert strength(note).get(NECK) is expected


# ---------------------------------------------------------------- the heliotrope by its stem


@pytest.mark.parametrize(
    "note",
    [
        "Objektívne: heliotropný exantém, svalová slabosť.",  # Slovak
        "Apžiūra: heliotropinis bėrimas.",  # Lithuanian
        "Obiectiv: erupție heliotropică a pleoapelor.",  # Romanian
        "Objektiivselt: heliotroopne lööve ülemistel silmalaugudel.",  # Estonian
        "Apskate: heliotropa izsitumi uz plakstiņiem.",  # Latvian
    ],
)
def test_the_heliotrope_rash_by_its_stem(note: str) -> None:
    assert finding(note, "heliotrope_rash") is True


@pytest.mark.parametrize(
    "note",
    ["Bez heliotropného exantému.", "Heliotropný exantém neprítomný."],
)
def test_the_heliotrope_stem_denied(note: str) -> None:
    assert finding(note, "heliotrope_rash") is False


# ---------------------------------------------------------------- the other skin signs by name


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Exame objetivo: sem sinal do V; sem mãos de mecânico; sinal do xaile presente.",
            {"v_sign": False, "mechanics_hands": False, "shawl_sign": True},
        ),
        ("Status: Mechanikerhände beidseits, kein Schalzeichen.", {"mechanics_hands": True}),
        (
            "Examen : mains de mécanicien, signe du châle.",
            {"mechanics_hands": True, "shawl_sign": True},
        ),
        ("Badanie: ręce mechanika, objaw szala.", {"mechanics_hands": True, "shawl_sign": True}),
        ("Objektívne: erytém výstrihu (V-príznak).", {"v_sign": True}),
    ],
)
def test_mechanic_s_hands_shawl_and_v_sign_by_name(note: str, expected: dict[str, bool]) -> None:
    read = findings_of(INTRO + note)
    assert {k: read.get(k) for k in expected} == expected


def test_a_lone_v_after_a_slavic_sign_word_is_the_preposition() -> None:
    # Czech "příznak v oblasti krku": "sign in the neck region", no V-sign
    assert finding("Příznak v oblasti krku.", "v_sign") is None


# ---------------------------------------------------------------- a list's final denial


@pytest.mark.parametrize(
    "note",
    [
        "Objektívne: heliotropný exantém horných viečok, Gottronove papuly nad MCP kĺbmi, "
        "príznak šálu negatívny.",
        "On examination: heliotrope rash of the upper eyelids, Gottron papules over the MCP "
        "joints, V-sign erythema, shawl sign negative.",
        "Exploración: eritema heliotropo en los párpados, pápulas de Gottron sobre los "
        "nudillos, signo del chal negativo.",
    ],
)
def test_a_denial_ending_a_list_of_described_signs_is_its_own_item_s(note: str) -> None:
    read = findings_of(INTRO + note)
    assert read.get("heliotrope_rash") is True
    assert read.get("gottron_papules") is True


@pytest.mark.parametrize(
    ("note", "code"),
    [
        # a change word after its own subject speaks of that item only
        ("Today: Gottron papules over the MCP joints, myalgia resolved.", "gottron_papules"),
        ("Today: heliotrope rash of both eyelids, dysphagia improved.", "heliotrope_rash"),
    ],
)
def test_a_change_word_ending_a_list_of_described_signs(note: str, code: str) -> None:
    assert finding(note, code) is True


def test_a_change_word_after_a_bare_list_covers_it() -> None:
    read = findings_of(INTRO + "Today: Gottron papules, heliotrope rash resolved.")
    assert read.get("gottron_papules") is False
    assert read.get("heliotrope_rash") is False


def test_the_denied_item_itself_stays_denied() -> None:
    read = findings_of(INTRO + "Gottron papules over the knuckles, dysphagia absent.")
    assert read.get("gottron_papules") is True
    assert read.get("dysphagia") is False


@pytest.mark.parametrize(
    ("note", "codes"),
    [
        # a bare list: the denial covers every item, as written
        (
            "Raynaud, mechanic's hands, calcinosis negative.",
            ("raynaud", "mechanics_hands", "calcinosis"),
        ),
        ("Heliotrope rash, Gottron's papules negative.", ("heliotrope_rash", "gottron_papules")),
    ],
)
def test_a_bare_list_keeps_its_denial(note: str, codes: tuple[str, ...]) -> None:
    read = findings_of(INTRO + note)
    assert all(read.get(code) is False for code in codes)


def test_a_form_line_is_no_described_item() -> None:
    # "proximal weakness, legs ...... 0" on a form: the key's no answers the row
    note = (
        "REGISTRY PHENOTYPE FORM\nSex ........ female\nAge ........ 58\n\n"
        "2.1 Clinical features ever (0 = no, 1 = yes, 8 = unknown)\n"
        "    proximal weakness, arms ...... 1\n    proximal weakness, legs ...... 0\n"
    )
    read = findings_of(note)
    assert read.get(UPPER) is True
    assert read.get(LOWER) is False


# ---------------------------------------------------------------- absence after the sign


@pytest.mark.parametrize(
    "note",
    [
        "Dysfágia neprítomná.",  # Slovak
        "Dysfagie nepřítomna.",  # Czech
        "Dysfagia nieobecna.",  # Polish
        "Disfagija odsotna.",  # Slovene
        "Disfagija odsutna.",  # Croatian
        "Disfagia ausente.",  # Spanish, Portuguese, Galician
        "Disfagia assente.",  # Italian
        "Dysphagie absente.",  # French
        "Disfagie absentă.",  # Romanian
        "Dysfagie afwezig.",  # Dutch
        "Dysfagi saknas.",  # Swedish
        "Düsfaagia puudub.",  # Estonian
        "Disfāgijas nav.",  # Latvian
        "Disfagijos nėra.",  # Lithuanian
        "Dysfagie není přítomna.",  # Czech, the copula denied
        "Dysfágia nie je prítomná.",  # Slovak
        "Disfagia no está presente.",  # Spanish
        "Pacient neguje dysfágiu.",  # Slovak "denies", before
        "Dysfágiu neguje.",  # ... and after
        "Disfagia no, Raynaud sí.",  # a bare no closing its clause
        "Dysfágia nie.",
    ],
)
def test_absence_said_after_the_sign(note: str) -> None:
    assert finding(note, "dysphagia") is False


@pytest.mark.parametrize(
    "note",
    [
        "Dysfágia prítomná.",  # Slovak "present"
        "Disfagia presente.",
        "Pacientka udáva dysfágiu.",  # "reports dysphagia"
        "Patsiendil on düsfaagia.",  # Estonian "the patient has dysphagia"
        "Dysphagia to solids (case no. 2).",  # a number's "no." denies nothing
        "Dysphagia to solids. Lab no.: NMP-0419.",
    ],
)
def test_presence_is_not_read_as_absence(note: str) -> None:
    assert finding(note, "dysphagia") is True
