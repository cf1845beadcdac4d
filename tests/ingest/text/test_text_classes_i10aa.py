"""Wrong values a clinician cannot see as missing (issue #10, i10aa). Every sentence is our own;
each expected value is worked out by hand.

- an antibody with its own level or result word before the next antibody is named does not take
  the result word that closes the next one ("Anti-HMGCR 168 CU (positive > 20) and anti-SRP
  negative": 168 > 20, so HMGCR is positive; SRP is negative); a true list still shares it;
- a title ("Mr", "Ms", "Frau", "Mme") in another person's field (surgeon, examiner's officer,
  interpreter, mother) or after "by" / "from" is not the patient's sex;
- a child's age in years and months and a sex word ending its sentence in a demographics field;
- the rows of a skin or joint scoring grid (CDASI, tender/swollen counts) are no muscle grades;
- German "Heliotrop" alone names the heliotrope sign.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of, sex_and_age, strength_items

HEAD = "Clinic letter. A 60-year-old woman with dermatomyositis.\n"


# --------------------------------------------------------------------------- antibody polarity
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a level above the stated positive cut-off: positive; the closing word is SRP's
        (
            "Anti-HMGCR 168 CU (positive > 20) and anti-SRP negative.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        (
            "Anti-HMGCR 168 CU (positive >20), anti-SRP negative.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        (
            "Anti-HMGCR 168 CU (ref < 20) and anti-SRP negative.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        (
            "Anti-HMGCR 168 CU (positive > 20); anti-SRP negative.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        # 85 >= cut-off 32: positive
        (
            "Anti-MDA5 85 U/mL (cut-off 32) and anti-Ro52 negative.",
            {"MDA5": "positive", "RO52": "negative"},
        ),
        # 3 < 7: negative by its own level, not by the next one's word
        (
            "Anti-Jo-1 3 U/mL (neg < 7) and anti-PL-7 negative.",
            {"JO1": "negative", "PL7": "negative"},
        ),
        # a titre of its own
        ("Anti-Jo-1 titre 1:640 and anti-PL-7 negative.", {"JO1": "positive", "PL7": "negative"}),
        # German, French, Spanish
        (
            "Anti-HMGCR-Antikörper 168 CU (positiv > 20) und Anti-SRP negativ.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        (
            "Anticorps anti-HMGCR à 168 UA (positif > 20) et anti-SRP négatif.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        (
            "Anticuerpos anti-HMGCR 168 UI (positivo > 20) y anti-SRP negativos.",
            {"HMGCR": "positive", "SRP": "negative"},
        ),
        # the other order
        (
            "Anti-SRP negative and anti-HMGCR 168 CU (positive > 20).",
            {"SRP": "negative", "HMGCR": "positive"},
        ),
    ],
)
def test_own_level_keeps_its_polarity(line: str, expected: dict[str, str]) -> None:
    results = antibody_results(HEAD + line)
    assert {k: results.get(k) for k in expected} == expected


def test_bare_level_is_not_read_as_the_next_antibodys_negative() -> None:
    # no cut-off: the level alone says nothing of polarity - not read, never negative
    results = antibody_results(HEAD + "Anti-HMGCR 168 CU and anti-SRP negative.")
    assert results.get("SRP") == "negative"
    assert results.get("HMGCR") != "negative"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a true list shares its closing word (guard: the class does not over-fire)
        ("Anti-Jo-1 and anti-PL-7 negative.", {"JO1": "negative", "PL7": "negative"}),
        (
            "Anti-Jo-1, anti-PL-7 and anti-SRP were all negative.",
            {"JO1": "negative", "PL7": "negative", "SRP": "negative"},
        ),
        (
            "Anti-Jo-1 (ELISA) and anti-PL-7 (line blot) negative.",
            {"JO1": "negative", "PL7": "negative"},
        ),
        ("Anti-TIF1γ positive and anti-NXP2 negative.", {"TIF1G": "positive", "NXP2": "negative"}),
    ],
)
def test_true_lists_still_share_their_result(line: str, expected: dict[str, str]) -> None:
    results = antibody_results(HEAD + line)
    assert {k: results.get(k) for k in expected} == expected


# --------------------------------------------------------------------------- whose sex
@pytest.mark.parametrize(
    ("note", "sex"),
    [
        (
            "OPERATION NOTE 19/11/2026\nPatient: 15 y 2 m, girl. NHI withheld.\n"
            "Surgeon: Mr J. Smith (consultant)   Assistant: registrar\n",
            "female",
        ),
        (
            "OPERATION NOTE 19/11/2026\nPatient: 3 years 4 months, boy.\n"
            "Anaesthetist: Ms A. Jones\n",
            "male",
        ),
        (
            "SCRUTINY RECORD\nDeceased: male, DOB 23/01/1957\n"
            "Medical examiner officer: Ms K. Lowe\n",
            "male",
        ),
        (
            "SCRUTINY RECORD\nDeceased: female, DOB 23/01/1957          Informant: Mr P. Lowe\n",
            "female",
        ),
        ("Assessment 17/11/2026. Client: 71-year-old man.\nInterpreter: Mrs F. Rahimi\n", "male"),
        ("OP-BERICHT\nPatientin, 15 J.\nOperateur: Herr Dr. K. Braun\n", "female"),
        (
            "Clinic 17/11/2026. Pt: F, age 44.\nMother: Mr? no - Father: Mr T. Olsen attended.\n",
            "female",
        ),
    ],
)
def test_sex_of_the_patient_not_of_staff_or_relatives(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


@pytest.mark.parametrize(
    "note",
    [
        # only another person has a title: the patient's sex is not stated
        "Clinic 17/11/2026. Patient aged 44.\nSurgeon: Mr J. Smith\n",
        "Clinic 17/11/2026. Patient aged 44.\nReferred by Mrs A. Jones, consultant.\n",
        "Clinic 17/11/2026. Patient aged 44.\nMedical examiner officer: Ms K. Lowe\n",
    ],
)
def test_other_persons_title_gives_no_sex(note: str) -> None:
    assert sex_and_age(note)[0] == "unknown"


def test_patients_own_title_still_read() -> None:
    assert sex_and_age("Clinic 17/11/2026. Mrs A. Jones, aged 44, reviewed.\n")[0] == "female"
    assert sex_and_age("Clinic 17/11/2026. Patient: Mr T. Olsen, aged 44.\n")[0] == "male"


# --------------------------------------------------------------------------- other grids
CDASI = """Skin review 12/11/2026. Patient aged 52.
ACTIVITY                     | Erythema | Scale | Excoriation |
(0 absent, 3 violaceous)      | (0-3)    | (0-2) | (0-1)       |
| Upper back and shoulders   |    2     |   1   |     1       |
| Lateral upper thigh        |    1     |   0   |     0       |
"""
JOINTS = """Joint count 12/11/2026. Patient aged 52.
| Joint     | Tender | Swollen |
| Shoulder  |   1    |    0    |
| Hip       |   1    |    0    |
"""
MRC = """Clinic 12/11/2026. Patient aged 52.
| Muscle group       | MRC R | MRC L |
| Shoulder abductors | 3     | 3     |
| Hip flexors        | 3     | 3     |
"""


@pytest.mark.parametrize("note", [CDASI, JOINTS])
def test_skin_and_joint_grids_are_no_muscle_grades(note: str) -> None:
    assert strength_items(note) == set()


def test_power_table_still_read() -> None:
    # grade 3 at shoulder abductors and hip flexors: proximal weakness of arms and legs
    items = strength_items(MRC)
    assert {"weakness_proximal_upper", "weakness_proximal_lower"} <= items


def test_power_in_prose_next_to_skin_words_still_read() -> None:
    note = (
        "Clinic 12/11/2026. Patient aged 52. Erythema of the shoulders, scale on the scalp. "
        "Power: deltoids 3/5, hip flexors 3/5.\n"
    )
    assert {"weakness_proximal_upper", "weakness_proximal_lower"} <= strength_items(note)


# --------------------------------------------------------------------------- Heliotrop
@pytest.mark.parametrize(
    ("line", "present"),
    [
        ("Befund: violetter Heliotrop mit Lidödem.", True),
        ("Befund: Heliotrop beidseits.", True),
        ("Befund: kein Heliotrop, keine Gottron-Papeln.", False),
    ],
)
def test_german_heliotrop(line: str, present: bool) -> None:
    note = "Befund 12.11.2026. Patientin, 52 J.\n" + line + "\n"
    assert findings_of(note).get("heliotrope_rash") is present


# --------------------------------------------------------------------------- skin score sheets
SHEET = """CDASI score sheet 12/11/2026. Patient aged 52.
ACTIVITY                     | Erythema | Scale | Excoriation |
| V-area of the neck         |    2     |   0   |     1       |
| Mechanic's hand            |    0     |   0   |     0       |
| Scalp                      |    0     |   1   |     0       |
DAMAGE                       | Poikiloderma (0-1) | Calcinosis (0-1) |
| all areas                  |        0           |        0         |
"""


def test_score_sheet_rows_and_titles() -> None:
    found = findings_of(SHEET)
    # erythema 2 in the V-area: present; a row of zeros: absent
    assert found.get("v_sign") is True
    assert found.get("mechanics_hands") is False
    # the damage columns' titles ("Calcinosis (0-1)") state nothing; their row of zeros scores
    # both absent (as the gold of note 178 records a calcinosis scored 0)
    assert found.get("calcinosis") is False
    assert found.get("poikiloderma") is False
    titles_only = findings_of(SHEET.rsplit("| all areas", 1)[0])
    assert "calcinosis" not in titles_only
    assert "poikiloderma" not in titles_only


def test_zero_cell_outside_a_score_sheet_is_not_read_as_absent() -> None:
    # no score sheet named: "| 0 |" after a sign is not read as a score
    note = "Clinic 12/11/2026. Patient aged 52.\n| Mechanic's hand | 0 | 0 |\n"
    assert findings_of(note).get("mechanics_hands") is not False


def test_prose_with_a_scale_after_a_score_is_still_read() -> None:
    # the score comes before its scale: present (the title rule needs the scale right after)
    note = (
        "CDASI 12/11/2026. Patient aged 52.\nHeliotrope rash: 2 (0-3); Gottron papules: 1 (0-1).\n"
    )
    found = findings_of(note)
    assert found.get("heliotrope_rash") is True
    assert found.get("gottron_papules") is True


# --------------------------------------------------------------------------- staff named in prose
@pytest.mark.parametrize(
    "tail",
    [
        "Yours sincerely,\nMr A. Khan FRCS, Consultant Orthopaedic Surgeon\n",
        "Seen in clinic with Mrs B. Wood (specialist nurse).\n",
        "Discussed with Ms C. Ray, consultant rheumatologist.\n",
        "Mr E. Evans (husband) attended.\n",
        "Rücksprache mit Frau Dr. Keller.\n",
    ],
)
def test_staff_or_relative_named_after_the_title_gives_no_sex(tail: str) -> None:
    assert sex_and_age("Clinic 17/11/2026. Patient aged 44.\n" + tail)[0] == "unknown"


def test_patient_with_a_title_and_a_relative_named_after() -> None:
    note = "Clinic 17/11/2026.\nMrs D. Evans, aged 44, seen with her husband Mr E. Evans.\n"
    assert sex_and_age(note)[0] == "female"


# --------------------------------------------------------------------------- obstetric history
@pytest.mark.parametrize(
    ("line", "sex"),
    [
        ("Patient: Age 41. G2 P2. LMP 21/10/26.", "female"),
        ("Patient aged 41, gravida 3 para 2.", "female"),
        ("Patient aged 58, postmenopausal since 2019.", "female"),
        ("Paciente de 58 años. FUR hace 5 años.", "female"),
        ("Patient aged 41. G3P1, smoker.", "female"),
        # a relative's obstetric history, or a look-alike, gives no sex
        ("Patient aged 4. Born at term to a G2P1 mother.", "unknown"),
        ("Patient aged 4. Birth history: his mother, G2P1, had pre-eclampsia.", "unknown"),
        ("Patient aged 44. Her mother is postmenopausal.", "unknown"),
        ("Patient aged 44. G6PD normal.", "unknown"),
    ],
)
def test_obstetric_history_says_the_patient_is_a_woman(line: str, sex: str) -> None:
    assert sex_and_age("Clinic 17/11/2026.\n" + line + "\n")[0] == sex
