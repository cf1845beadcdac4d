"""Issue #10, round 12 (i12b): notes in Malay/Indonesian, Afrikaans/Dutch and Mexican Spanish,
and the shorthand of English nursing handovers and PA notes. Our own sentences, several wordings
per class; the expected values are read off the words by hand (the sex a form or an
identification card states; the EULAR/ACR 2017 strength items of Lundberg et al., Ann Rheum Dis
2017;76:1955, from MRC grades; a CK above its stated upper limit is raised), with guards that each
class does not over-fire (a relative, a denial, a sex word that is no patient's)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import LEGS_PROX, LOWER, NECK, UPPER, findings_of, read


def sex(note: str) -> str:
    return read(note).case.patient.sex.value


def ck(note: str) -> tuple[float | None, float | None, float | None]:
    """(value, lower limit, upper limit) of the one CK read."""
    (lab,) = [lab for lab in read(note).case.labs if lab.code.value == "ck"]
    return lab.value, lab.lower_limit, lab.upper_limit


# ------------------------------------------------------------------ the sex field and card
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Malay demographics: "Jantina" (sex) with Lelaki (man) / Perempuan (woman) / L / P
        ("Nama: A***   Jantina: Lelaki   Umur: 52 tahun\nDermatomiositis.", "male"),
        ("Nama: A***   Jantina: Perempuan   Umur: 47 tahun\nDermatomiositis.", "female"),
        ("Jantina: L     Umur: 60 tahun\nDiagnosis: dermatomiositis.", "male"),
        ("Umur: 39 tahun, Jantina: P\nDiagnosis: dermatomiositis.", "female"),
        ("Pesakit lelaki berumur 58 tahun dengan dermatomiositis.", "male"),
        # Mexican identification card: the sex value as the subject, right before its age
        (
            "Ficha de identificación: Femenino de 8 años 9 meses, escolar. Dermatomiositis.",
            "female",
        ),
        (
            "Ficha de identificación: Masculino de 52 años, originario de Jalisco. DM.",
            "male",
        ),
        # the paediatric age groups with the sex after them
        ("Escolar femenino de 9 años con dermatomiositis juvenil.", "female"),
        ("Preescolar masculino de 4 años con dermatomiositis juvenil.", "male"),
        ("Adolescente femenina de 14 años con dermatomiositis juvenil.", "female"),
        ("Lactante femenina de 10 meses con dermatomiositis juvenil.", "female"),
    ],
)
def test_a_malay_or_mexican_sex_field_or_card_gives_the_sex(note: str, expected: str) -> None:
    assert sex(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # a relative's sex and age are not the patient's
        "Dermatomiositis. Su hermano masculino de 10 años está sano.",
        "Dermatomiositis juvenil. La mamá de 35 años refiere debilidad.",
        # a sex word that is no value of a field nor before an age
        "Dermatomiositis. Exploración del aparato genital femenino sin alteraciones.",
        "Dermatomiositis. Bajo rendimiento escolar de 2 años de evolución.",
        # Malay: the word "lelaki" naming the patient's brother
        "Dermatomiositis. Abang pesakit berumur 60 tahun sihat.",
    ],
)
def test_no_patient_sex_from_a_relative_or_a_general_word(note: str) -> None:
    assert sex(note) == "unknown"


# ------------------------------------------------------------------ a field answered by a denial
@pytest.mark.parametrize(
    "note",
    [
        "Dermatomiositis. Disfagia: niega. Heliotropo presente.",
        "Dermatomiositis juvenil.\nDisfagia: niega.\nDisfonía: no.",
        "Dermatomyositis. Dysphagia: denies. Heliotrope rash present.",
        "Dermatomyositis.\nDysphagia? denied\nWeight loss? No",
        "Dermatomiosite. Disfagia: negada, heliotropo presente.",
        "Dermatomiositis. Dysfagie: geen. Heliotroop-uitslag op die ooglede.",
        "Dermatomiositis. Disfagia: tiada. Ruam heliotrop pada kelopak mata.",
        "Dermatomiositis. Disfagia: ninguna. Heliotropo presente.",
    ],
)
def test_a_history_field_answered_by_a_denial_is_absent(note: str) -> None:
    found = findings_of(note)
    assert found.get("dysphagia") is False
    assert found.get("heliotrope_rash", True) is True  # the next field is not denied


@pytest.mark.parametrize(
    "note",
    [
        # answered yes, or the denial is not the whole answer: the sign stays present
        "Dermatomiositis. Disfagia: sí, a sólidos.",
        "Dermatomyositis. Dysphagia: denies choking but struggles with solids.",
        "Dermatomiositis. Disfagia: Ya – makanan pepejal.",
    ],
)
def test_a_field_not_wholly_denied_stays_present(note: str) -> None:
    assert findings_of(note).get("dysphagia") is True


# ---------------------------------------------------------- the neck in Dutch, Afrikaans, Malay
@pytest.mark.parametrize(
    ("note", "weaker"),
    [
        (
            "Dermatomiositis. Spierkrag: deltoïed 4/5, iliopsoas 4/5, distaal 5/5. Nekbuigers 4/5, "
            "nekstrekkers 5/5.",
            True,
        ),
        ("Dermatomyositis. Kracht: nekflexoren 3/5, nekextensoren 5/5.", True),
        ("Dermatomyositis. Nekextensie 5/5, nekflexie 4-/5.", True),
        ("Dermatomiositis. Kekuatan otot: otot fleksor leher 3/5, ekstensor leher 4/5.", True),
        ("Dermatomiositis. Fleksi leher 4/5, ekstensi leher 5/5.", True),
        # equal grades: the flexors are not weaker (assessed, no)
        ("Dermatomiositis. Nekbuigers 5/5, nekstrekkers 5/5.", False),
        ("Dermatomiositis. Fleksor leher 4/5, ekstensor leher 4/5.", False),
    ],
)
def test_the_neck_flexors_against_the_extensors(note: str, weaker: bool) -> None:
    assert findings_of(note).get(NECK) is weaker


def test_the_neck_flexors_alone_say_nothing_of_the_comparison() -> None:
    # graded 4/5 with no extensors: not assessed, never a silent no
    assert NECK not in findings_of("Dermatomiositis. Nekbuigers 4/5.")


# ---------------------------------------------------------- PA / ward shorthand for strength
@pytest.mark.parametrize(
    "note",
    [
        "44 yo M with DM. Strength: delts 4/5, HF 4-/5 b/l, bi/tri 5/5, DF/PF 5/5.",
        "44 yo M with DM. Strength: HF 4-/5 b/l, DF/PF 5/5, delts 4/5.",
        "44 yo M with DM. Strength: prox UE 4+/5, prox LE 4/5, DF 5/5.",
        "44 yo M with DM. MMT: hip flx 4/5 bilat, ankle DF/PF 5/5, delts 4/5.",
    ],
)
def test_pa_shorthand_grades_the_hip_flexors_against_the_ankle(note: str) -> None:
    found = findings_of(note)
    assert found.get(LOWER) is True
    assert found.get(LEGS_PROX) is True
    assert found.get(UPPER) is True


@pytest.mark.parametrize(
    "note",
    [
        # heart failure is no hip flexor: no grade follows it
        "44 yo M with DM. PMH: HF, EF 35%, on furosemide.",
        "44 yo M with DM. HF admission last year (EF 30%).",
    ],
)
def test_hf_without_a_grade_is_no_strength(note: str) -> None:
    found = findings_of(note)
    assert LOWER not in found
    assert LEGS_PROX not in found


def test_pa_shorthand_at_full_strength_is_not_weak() -> None:
    found = findings_of("44 yo M with DM. Strength: HF 5/5 b/l, DF/PF 5/5, delts 5/5.")
    assert found.get(LOWER) is False
    assert found.get(LEGS_PROX) is False


# ------------------------------------------------------------------ Afrikaans/Dutch biopsy and labs
@pytest.mark.parametrize(
    "note",
    [
        "Dermatomiositis. Spierbiopsie: perifassikulêre atrofie; geen gerande vakuole nie.",
        "Dermatomyositis. Spierbiopt: perifasciculaire atrofie met perivasculaire infiltraten.",
        "Dermatomiositis. Biopsi otot: atrofi perifasikular.",
    ],
)
def test_perifascicular_atrophy_in_afrikaans_dutch_malay(note: str) -> None:
    biopsy = read(note).case.muscle_biopsy
    assert biopsy is not None and biopsy.perifascicular_atrophy is True


def test_no_perifascicular_atrophy_is_absent_not_present() -> None:
    biopsy = read(
        "Dermatomiositis. Spierbiopsie: geen perifassikulêre atrofie nie."
    ).case.muscle_biopsy
    assert biopsy is None or biopsy.perifascicular_atrophy is not True


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a space between the thousands before the Afrikaans/Dutch unit, "verw." range
        (
            "Dermatomiositis.\nCK 1 420 E/L (verw. 25–200)     AST 77 E/L (verw. <35)",
            (1420.0, 25.0, 200.0),
        ),
        ("Dermatomyositis. CK 2 350 E/l (referentiewaarden 30-170).", (2350.0, 30.0, 170.0)),
        ("Dermatomyositis. CK 980 E/L (normaalwaarden 25-200).", (980.0, 25.0, 200.0)),
        ("Dermatomiositis. CK 3 980 U/L (julat rujukan 30-200).", (3980.0, 30.0, 200.0)),
        ("Dermatomiositis. CK 1 250 U/L (nilai rujukan < 190).", (1250.0, None, 190.0)),
    ],
)
def test_afrikaans_dutch_malay_labs_with_their_range(
    note: str, expected: tuple[float, float | None, float]
) -> None:
    assert ck(note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Mrs P, 54-year-old female, dermatomyositis. CK this morning 4,120 (yesterday 5,870).",
            4120.0,
        ),
        ("Mrs P, 54-year-old female, dermatomyositis. CK overnight 3,900, trending down.", 3900.0),
    ],
)
def test_a_handovers_ck_with_its_time_of_day_is_read(note: str, expected: float) -> None:
    (lab,) = [lab for lab in read(note).case.labs if lab.code.value == "ck"]
    assert lab.value == expected
    # with neither unit nor range, above 1000 is above every adult range (notes README)
    assert lab.is_above_uln is True


def test_a_time_of_day_with_no_value_reads_no_number() -> None:
    (lab,) = [
        lab
        for lab in read("Dermatomyositis. CK this morning normal.").case.labs
        if lab.code.value == "ck"
    ]
    assert lab.value is None
    assert lab.is_above_uln is False


# ---------------------------------------------------------- handover and referral-form skin words
@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Dermatomyositis. Skin: purple rash round eyes still there.", "heliotrope_rash"),
        ("Dermatomyositis. Violet rash round both eyes, better today.", "heliotrope_rash"),
        (
            'Dermatomyositis. Skin: "violet eyelid rash and knuckle papules still visible"',
            "gottron_papules",
        ),
        ("Dermatomyositis. Red raised knuckle papules on both hands.", "gottron_papules"),
    ],
)
def test_handover_and_referral_skin_words(note: str, code: str) -> None:
    assert findings_of(note).get(code) is True


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Dermatomyositis. No purple rash round the eyes.", "heliotrope_rash"),
        ("Dermatomyositis. Knuckle papules: none.", "gottron_papules"),
    ],
)
def test_the_same_words_denied_are_absent(note: str, code: str) -> None:
    assert findings_of(note).get(code) is False


def test_a_knuckle_injury_is_no_gottron() -> None:
    assert "gottron_papules" not in findings_of("Dermatomyositis. Grazed knuckle after a fall.")


# ---------------------------------------------------------- the nasopharynx in Malay
@pytest.mark.parametrize(
    "note",
    [
        "Diagnosis: dermatomiositis; karsinoma nasofarinks (WHO jenis III), T2N1M0.",
        "Dermatomiositis paraneoplastik. HPE: karsinoma nasofarinks tidak berbeza.",
        "Dermatomiositis. Biopsi: karsinoma nasofaringeal.",
    ],
)
def test_a_malay_nasopharyngeal_carcinoma_is_recorded(note: str) -> None:
    assert [t.site.value for t in read(note).case.tumours] == ["nasopharynx"]


def test_a_nasopharynx_looked_at_and_clear_is_no_cancer() -> None:
    note = "Dermatomiositis. Nasoendoskopi: nasofarinks normal, tiada jisim."
    assert read(note).case.tumours == []


@pytest.mark.parametrize(
    "note",
    [
        # a telegraphic "settled" (the auxiliary left out): improved, not stated present
        "Dermatomyositis. Pt reports rash around eyes settled.",
        "Dermatomyositis. Purple rash round eyes settled since IVIG.",
    ],
)
def test_a_settled_rash_is_not_recorded_present(note: str) -> None:
    assert findings_of(note).get("heliotrope_rash") is not True


def test_knuckle_lesions_denied_say_nothing_of_the_flat_sign() -> None:
    found = findings_of("Dermatomyositis. He denies eyelid discolouration and knuckle lesions.")
    assert "gottron_sign" not in found
