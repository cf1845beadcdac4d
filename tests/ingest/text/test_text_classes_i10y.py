"""The patient's age and sex, proximal weakness and its comparisons, and raised muscle enzymes,
in the wordings and layouts met in the eleventh opened set (issue #10, i10-text25): literal
translations that keep the source language's order, the word for gender in place of sex, a PDF
copy's spaced hyphens, weakness "proximal and distal" in every supported language, a graded list
closed by a dash, a value grouped by spaces after the other languages' words for "raised".
Every sentence here is our own; the expected values are read off it by hand."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    findings_of,
    labs_coded,
    read,
    sex_and_age,
    strength_items,
)

# ------------------------------------------------------------------ age and sex


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a PDF copy puts spaces before the hyphens of "33-year-old"
        ("Case report: Our 33  -year  -old female was referred with myalgia.", ("female", 33)),
        ("A 61 - year - old man presented with weakness.", ("male", 61)),
        ("History: a 47 -year -old woman, a teacher, noticed a rash.", ("female", 47)),
    ],
)
def test_an_age_with_spaced_hyphens(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


def test_a_duration_with_a_spaced_hyphen_is_no_age() -> None:
    # "a 5 -year history" has no "old": a duration, not the age
    assert sex_and_age("He had a 5 -year history of weakness. CK 900 U/L.")[1] is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Greek order kept by a literal translation ("γυναίκα, ετών 63") and the Greek itself
        ("Patient: woman, of years 63, permanent resident of Larisa.", ("female", 63)),
        ("Patient: man, of years 71, pensioner.", ("male", 71)),
        ("Ασθενής: γυναίκα ετών 52, κάτοικος Πάτρας.", ("female", 52)),
        ("Ασθενής άνδρας, ετών 71, συνταξιούχος.", ("male", 71)),
        # Hebrew "ben 58" / "bat 34" (son of / daughter of: aged) as translated
        ("Patient: son of 58, married + 3, works as a driver.", ("male", 58)),
        ("Patient: daughter of 34, student, lives in Haifa.", ("female", 34)),
        ("Name: [withheld]\nSon of 66, retired teacher.", ("male", 66)),
    ],
)
def test_an_age_in_a_literal_translation(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


def test_a_relatives_age_in_translation_is_not_the_patients() -> None:
    # the son and the father are the relatives: only the patient's own item gives the age
    assert sex_and_age("Patient: woman, of years 66. She lives with her son of 40.") == (
        "female",
        66,
    )
    assert sex_and_age("Her father, of years 80, is well. Patient: woman, of years 55.") == (
        "female",
        55,
    )
    assert sex_and_age("Lives with his son of 30 and his wife.")[1] is None
    assert sex_and_age("Family history: father of years 80 with gastric cancer.") == (
        "unknown",
        None,
    )


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Descrevemos o caso de um paciente do gênero masculino de 72 anos.", ("male", 72)),
        ("Doente do género feminino, 58 anos, com eritema.", ("female", 58)),
        ("Paciente de 45 años, de género femenino, con debilidad.", ("female", 45)),
        ("Paziente di genere maschile di 60 anni con astenia.", ("male", 60)),
        ("Nome: J.S., gênero feminino, 51 anos", ("female", 51)),
        ("Patiente de genre féminin, 50 ans, adressée pour un érythème.", ("female", 50)),
    ],
)
def test_the_word_for_gender_in_place_of_sex(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


@pytest.mark.parametrize(
    ("note", "sex"),
    [("Género: masculino", "male"), ("Gênero: feminino", "female"), ("Genere: maschile", "male")],
)
def test_a_gender_field(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


def test_gender_in_a_general_statement_gives_no_sex() -> None:
    # about the disease in general: no patient is named
    assert sex_and_age("O gênero feminino é o mais afetado pela doença.")[0] == "unknown"


# ------------------------------------------------------------------ weakness proximal and distal


@pytest.mark.parametrize(
    "note",
    [
        "Une fille de 9 ans a rapporté une faiblesse musculaire proximo-distale symétrique.",
        "Paciente con debilidad muscular proximal y distal de los cuatro miembros.",
        "Doente com fraqueza muscular próximo-distal.",
        "Paciente com fraqueza proximal e distal nos quatro membros.",
        "Es bestand eine proximal und distal betonte Muskelschwäche.",
        "She had proximo-distal weakness.",
        "She had proximodistal weakness.",
        "Examination showed weakness, proximal and distal, in all four limbs.",
        "Paziente con debolezza prossimo-distale ai quattro arti.",
    ],
)
def test_weakness_proximal_and_distal_includes_the_proximal_item(note: str) -> None:
    found = findings_of(note)
    assert found.get(UPPER) is True and found.get(LOWER) is True


@pytest.mark.parametrize(
    "note",
    [
        "Pas de faiblesse musculaire proximo-distale.",
        "No proximal or distal weakness.",
        "Sin debilidad proximal ni distal.",
    ],
)
def test_denied_weakness_proximal_and_distal_is_absent(note: str) -> None:
    found = findings_of(note)
    assert found.get(UPPER) is not True and found.get(LOWER) is not True


def test_weakness_proximal_and_distal_said_of_a_disease_in_general_is_not_the_patients() -> None:
    note = "La MNAI juvénile est caractérisée par une faiblesse musculaire proximo-distale."
    assert not strength_items(note)


# ------------------------------------------------------------------ graded lists closed by a dash

_KENDALL_LIST = (
    "The physiotherapy MMT-8 (Kendall 0-10 scale): neck flexors 7, neck extensors 10, "
    "deltoids 9, gluteus medius 8, quadriceps 9, ankle dorsiflexors {ankle} - total 71/80."
)


def test_the_last_muscle_of_a_graded_list_keeps_its_grade_before_a_dash() -> None:
    # ankles 10 (MRC 5) against gluteus medius 8 (MRC 4): legs proximal weaker than distal;
    # neck flexors 7 (4-) against extensors 10 (5): flexors weaker
    assert strength_items(_KENDALL_LIST.format(ankle=10)) == {UPPER, LOWER, NECK, LEGS_PROX}


def test_a_dash_list_with_equal_legs_is_no_comparison() -> None:
    # ankles 8 = gluteus medius 8: proximal not weaker than distal
    found = findings_of(_KENDALL_LIST.format(ankle=8))
    assert found.get(LEGS_PROX) is False
    assert found.get(LOWER) is True


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Power: hip flexors 4, ankle dorsiflexion 5 - otherwise normal.", True),
        ("Power: hip flexors 4 -, ankle dorsiflexion 4 -.", False),
        ("Power (MRC): hip flexors 4/5, ankle dorsiflexors 5/5 - rest not tested.", True),
    ],
)
def test_mrc_lists_with_a_dash(note: str, expected: bool) -> None:
    assert findings_of(note).get(LEGS_PROX) is expected


# ------------------------------------------------------------------ raised muscle enzymes


@pytest.mark.parametrize(
    ("note", "value", "upper"),
    [
        ("Le dosage de CK était nettement élevé à 26 240 IU/L (N<180).", 26240.0, 180.0),
        ("La CK estaba muy elevada en 3400 U/L (normal < 170).", 3400.0, 170.0),
        ("Die CK war deutlich erhöht auf 1200 U/l (Norm < 170).", 1200.0, 170.0),
        ("CPK podwyższone do 16 300 U/L (norma < 190).", 16300.0, 190.0),
        ("CK markedly elevated at 5400 U/L (ULN 200).", 5400.0, 200.0),
    ],
)
def test_a_value_after_the_word_for_raised(note: str, value: float, upper: float) -> None:
    ck = labs_coded(note, "ck")
    assert [(lab.value, lab.upper_limit) for lab in ck] == [(value, upper)]
    assert ck[0].is_above_uln is True


def test_a_value_below_its_range_after_the_word_for_raised_is_not_raised() -> None:
    # the value decides against its range, whatever word stands before it
    ck = labs_coded("La CK était élevée à 150 UI/L (N < 180).", "ck")
    assert [(lab.value, lab.is_above_uln) for lab in ck] == [(150.0, False)]


def test_spaced_numbers_that_are_no_lab_value_stay_apart() -> None:
    # an antibody's name number and a level: not 52100
    assert read("Anti-Ro 52 100 U/ml.").case.labs == []


# ------------------------------------------------------------------ sex from gendered verb forms


@pytest.mark.parametrize(
    ("note", "sex"),
    [
        ("Paciente de 45 años. Fue ingresada en Medicina Interna. Después fue intubada.", "female"),
        ("Doente de 63 anos. Foi internado no serviço e depois hospitalizado na UCI.", "male"),
        ("Paziente di 70 anni, ricoverata per astenia; poi intubata in rianimazione.", "female"),
        ("Patient de 52 ans, hospitalisé en urgence, puis intubé.", "male"),
        ("W wieku 61 lat zgłosił się z powodu osłabienia. Był hospitalizowany w klinice.", "male"),
        ("Больной 56 лет обратился с жалобами на слабость. Госпитализирован в клинику.", "male"),
        ("U dobi od 58 godina javio se lekaru; žalio se na otežano gutanje.", "male"),
    ],
)
def test_sex_from_two_agreeing_verb_forms(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


@pytest.mark.parametrize(
    "note",
    [
        # one form is not enough
        "Paciente de 45 años. Fue ingresada en Medicina Interna.",
        # the mother's form is not the patient's: one form of the patient's own is left
        "Paciente de 45 años. Su madre fue hospitalizada. Fue ingresado en la UCI.",
        # forms that disagree say nothing
        "Paciente de 45 años, ingresada el lunes; fue intubado el martes y hospitalizado.",
        # a participle agreeing with a thing is not listed ("la muestra remitida")
        "Paciente de 45 años. La muestra fue remitida; la biopsia fue realizada.",
    ],
)
def test_verb_forms_that_do_not_decide_the_sex(note: str) -> None:
    assert sex_and_age(note)[0] == "unknown"


# ------------------------------------------------------------------ ages in number words


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Prikazan je slučaj pedesetosmogodišnjeg muškarca sa slabošću.", ("male", 58)),
        ("Sedamdesetogodišnja bolesnica primljena je zbog slabosti.", ("female", 70)),
        ("Devetogodišnja djevojčica s osipom na licu.", ("female", 9)),
        ("Sześćdziesięciodwuletnia pacjentka zgłosiła się z osłabieniem.", ("female", 62)),
        ("Osiemnastoletni pacjent z wysypką.", ("male", 18)),
        ("Пятидесятилетняя женщина обратилась с жалобами на слабость.", ("female", 50)),
        ("Тридцатипятилетний мужчина поступил в клинику.", ("male", 35)),
        ("Педесетосмогодишњи мушкарац са слабошћу.", ("male", 58)),
    ],
)
def test_an_age_in_number_words_glued_to_the_age_adjective(
    note: str, expected: tuple[str, int]
) -> None:
    assert sex_and_age(note) == expected


def test_a_relatives_age_in_number_words_is_not_the_patients() -> None:
    assert sex_and_age("Pacjentka lat 50. Jej sześćdziesięcioletnia matka zmarła.") == (
        "female",
        50,
    )
    assert sex_and_age("Dwuletnia córka pacjentki jest zdrowa.")[1] is None


# ------------------------------------------------------------------ reference labels


@pytest.mark.parametrize(
    "label", ["n.v.", "v.r.", "nv", "normal values", "v.rif.", "n.v.:", "v.n."]
)
def test_the_reference_range_labels_of_translated_letters(label: str) -> None:
    # "normal values" in the Greek order (n.v.), Portuguese valor de referência (v.r.), Italian
    # valori di riferimento (v.rif.): the range's upper limit is each test's own
    note = (
        f"Labs: CPK 1820 IU/L ({label} 26-192), LDH 512 IU/L ({label} 135-225), "
        f"AST 30 IU/L ({label} 5-40)."
    )
    uln = {lab.code.value: (lab.upper_limit, lab.is_above_uln) for lab in read(note).case.labs}
    assert uln == {"ck": (192.0, True), "ldh": (225.0, True), "ast": (40.0, False)}


# ------------------------------------------------------------------ Spanish and Portuguese titles


@pytest.mark.parametrize(
    ("note", "sex"),
    [
        ("Acude el Sr. García por debilidad de cinturas.", "male"),
        ("O Sr. Silva foi observado em consulta de reumatologia.", "male"),
        ("Observamos a Dña. Pérez por un exantema en heliotropo.", "female"),
        ("A Sr.ª Costa foi observada em consulta.", "female"),
        ("D.ª Maria foi observada em consulta.", "female"),
    ],
)
def test_an_abbreviated_spanish_or_portuguese_title(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


@pytest.mark.parametrize(
    "note",
    [
        # "Sr." alone may be a nursing Sister; a doctor's title names the doctor
        "Sr. Mary Jones, ward sister, assisted with the examination.",
        "La Dra. Ruiz valoró el exantema.",
    ],
)
def test_titles_that_name_no_patient(note: str) -> None:
    assert sex_and_age(note)[0] == "unknown"


# ------------------------------------------------------------------ enzymes judged normal or denied


@pytest.mark.parametrize(
    "note",
    [
        "El nivel de creatina quinasa sérica y la electromiografía fueron normales.",
        "A CK e a eletromiografia foram normais.",
        "Les CPK et l'EMG étaient normaux.",
        "La CPK e l'elettromiografia erano normali.",
        "CPK normales; EMG miopático.",
    ],
)
def test_a_normal_judgement_after_a_coordinated_subject(note: str) -> None:
    assert [lab.is_above_uln for lab in labs_coded(note, "ck")] == [False]


@pytest.mark.parametrize(
    ("note", "raised"),
    [
        # a negation before the name reaches its postposed adjective: without raised enzymes
        ("Paciente sin debilidad muscular proximal y enzimas musculares elevadas.", False),
        ("Doente sem fraqueza proximal e enzimas musculares elevadas.", False),
        # a new phrase after a full stop is the patient's raised CPK
        ("Sin debilidad muscular proximal. CPK elevada.", True),
        # the judgement of the other lab stays its own
        ("CPK normales, LDH elevada.", None),
    ],
)
def test_a_denied_postposed_judgement(note: str, raised: bool | None) -> None:
    ck = labs_coded(note, "ck")
    if raised is None:
        assert [lab.is_above_uln for lab in ck] == [False]
        assert [lab.is_above_uln for lab in labs_coded(note, "ldh")] == [True]
    else:
        assert [lab.is_above_uln for lab in ck] == [raised]


# ------------------------------------------------------------------ a count in millions is no age


@pytest.mark.parametrize(
    "note",
    [
        "Get 20M+ Full-Text Papers For Less Than $1.50/day.",
        "Over 10M articles indexed. Free access.",
        "Funding: a $20M grant.",
    ],
)
def test_a_count_in_millions_is_no_age_or_sex(note: str) -> None:
    assert sex_and_age(note) == ("unknown", None)


@pytest.mark.parametrize(
    ("note", "expected"),
    [("Pt 64F with rash.", ("female", 64)), ("Referral: 58M, weak.", ("male", 58))],
)
def test_the_age_and_sex_shorthand_still_reads(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


# ------------------------------------------------------------------ a disease's definition


@pytest.mark.parametrize(
    "note",
    [
        "Idiopathic inflammatory myopathies are rare. They are characterized by the presence of "
        "proximal muscle weakness and skin lesions.",
        "Adult-onset polymyositis (PM) belongs to the idiopathic inflammatory myopathy group and "
        "manifests with proximal muscle weakness.",
        "JDM typically presents with proximal muscle weakness.",
    ],
)
def test_weakness_in_a_definition_is_not_the_patients(note: str) -> None:
    assert not strength_items(note)


@pytest.mark.parametrize(
    "note",
    [
        "A 45-year-old woman with DM presents with proximal muscle weakness.",
        "Known DM presents with proximal muscle weakness and a heliotrope rash.",
        "Her dermatomyositis manifested with proximal muscle weakness.",
    ],
)
def test_a_patients_disease_presenting_with_weakness_is_hers(note: str) -> None:
    assert strength_items(note) == {UPPER, LOWER}


def test_weakness_of_the_upper_girdle_is_the_arms() -> None:
    note = "An 82-year-old man was hospitalized for muscle weakness of the upper girdle."
    assert strength_items(note) == {UPPER}
    assert strength_items("She had weakness of the lower girdle.") == {LOWER}


# ------------------------------------------------------------------ the rest of the muscles


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # hips 4 against the rest 5: legs proximal weaker than distal; arms and neck full
        (
            "Power 4/5 at hip flexion and extension. "
            "Rest of the limb and neck muscles were strong.",
            {LOWER: True, UPPER: False, LEGS_PROX: True, NECK: False},
        ),
        (
            "Hip flexors 4/5 bilaterally; the remaining muscle groups were 5/5.",
            {LOWER: True, UPPER: False, LEGS_PROX: True},
        ),
        ("Hip flexors 4/5 bilaterally, rest 5/5.", {LOWER: True, UPPER: False, LEGS_PROX: True}),
        # deltoids 4 and the rest normal: the legs are equal
        (
            "Deltoids 4/5; rest of the muscles normal.",
            {UPPER: True, LOWER: False, LEGS_PROX: False},
        ),
    ],
)
def test_the_rest_of_the_muscles_graded_after_one_group(
    note: str, expected: dict[str, bool]
) -> None:
    found = findings_of(note)
    assert {code: found.get(code) for code in expected} == expected


@pytest.mark.parametrize(
    "note",
    [
        "Hip flexors 4/5 bilaterally. Haematology and biochemistry was otherwise normal.",
        "Hip flexors 4/5 bilaterally. Bloods: the rest normal.",
        "Hip flexors 4/5 bilaterally. Dyspnoea at rest 2 weeks.",
    ],
)
def test_other_things_normal_are_no_strength(note: str) -> None:
    found = findings_of(note)
    assert found.get(LOWER) is True
    assert UPPER not in found and LEGS_PROX not in found


# ------------------------------------------------------------------ a header's patient item


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Patient: F, 63 y. Rash on the eyelids.", ("female", 63)),
        ("Pt: woman 63 yrs. Rash on the eyelids.", ("female", 63)),
        ("Patient - female - 63 years. Rash.", ("female", 63)),
        ("Patient (F, 63) with a rash.", ("female", 63)),
        ("Patient: M/58. Proximal weakness.", ("male", 58)),
        ("Woman (63) with a rash.", ("female", 63)),
        ("Patient: Mrs X (63).", ("female", 63)),
    ],
)
def test_the_sex_then_the_age_in_a_header(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Patient: female, 2 months of rash.",
        "Patient: F - 3 weeks of rash.",
        "Female (18-40) patients were included.",
        "Cohort: male (63 patients), female (40 patients).",
    ],
)
def test_a_duration_or_a_range_after_the_sex_is_no_age(note: str) -> None:
    assert sex_and_age(note)[1] is None


# ------------------------------------------------------------------ diffuse weakness, most proximal


@pytest.mark.parametrize(
    "note",
    [
        "She had diffuse muscle weakness including the proximal muscles.",
        "Generalised weakness, predominantly proximal.",
        "Weakness of all four limbs, proximal more than distal.",
        "Weakness in all four limbs (proximal > distal).",
        "Tetraparesis with proximal predominance.",
        "Faiblesse musculaire diffuse à prédominance proximale.",
        "Debilidad generalizada de predominio proximal.",
        "Fraqueza muscular generalizada, de predomínio proximal.",
        "Debolezza muscolare diffusa a prevalenza prossimale.",
        "Diffuse Muskelschwäche, proximal betont.",
        "Uogólnione osłabienie mięśni z przewagą proksymalną.",
    ],
)
def test_diffuse_weakness_most_marked_proximally(note: str) -> None:
    assert strength_items(note) == {UPPER, LOWER}


@pytest.mark.parametrize(
    "note",
    [
        "No weakness of all four limbs.",
        "Pas de tétraparésie.",
        "Sin debilidad de predominio proximal.",
    ],
)
def test_denied_diffuse_weakness_is_no_item(note: str) -> None:
    assert not strength_items(note)


# ------------------------------------------------------------------ a comparison said in words


@pytest.mark.parametrize(
    ("note", "code", "present"),
    [
        ("Neck flexion was weaker than neck extension.", NECK, True),
        ("Neck flexion was weaker than extension.", NECK, True),
        ("Neck extensors were stronger than the flexors.", NECK, True),
        ("Neck flexion was not weaker than extension.", NECK, False),
        ("Hip flexors weaker than ankle dorsiflexors.", LEGS_PROX, True),
        ("In the legs, proximal muscles were weaker than distal ones.", LEGS_PROX, True),
    ],
)
def test_a_comparison_said_in_words(note: str, code: str, present: bool) -> None:
    assert findings_of(note).get(code) is present


@pytest.mark.parametrize(
    "note",
    [
        # arms are no item's comparison; proximal against distal without the legs named
        "Deltoids weaker than wrist extensors.",
        "Proximal muscles were weaker than distal ones in the arms.",
    ],
)
def test_comparisons_that_are_no_item(note: str) -> None:
    found = findings_of(note)
    assert LEGS_PROX not in found and NECK not in found


def test_the_grades_decide_over_the_words() -> None:
    # graded equal, the words' comparison does not add a second, opposite reading
    note = "Neck flexors 5/5, extensors 5/5. Neck flexion was weaker than extension."
    assert findings_of(note).get(NECK) is False


# ------------------------------------------------------------------ Romance subject pronouns


@pytest.mark.parametrize(
    ("note", "sex"),
    [
        ("Paciente de 60 años. Ella refería debilidad. Ella negaba disfagia.", "female"),
        ("Doente de 60 anos. Ele referia fraqueza; ele negava disfagia.", "male"),
        ("Paziente di 60 anni. Lui riferiva astenia e lui negava disfagia.", "male"),
        # a pronoun and a verb form agree
        ("Paciente de 60 años. Ella refería debilidad y fue ingresada.", "female"),
    ],
)
def test_the_patients_pronouns_in_spanish_portuguese_italian(note: str, sex: str) -> None:
    assert sex_and_age(note)[0] == sex


@pytest.mark.parametrize(
    "note",
    [
        # the son's pronoun is not the patient's: one pronoun of hers is left
        "Paciente de 60 años. Ella refería debilidad. Su hijo dice que él la cuida.",
        # "el" (the article) is no pronoun, nor "Lei" (the courtesy "you")
        "Paciente de 60 años. El dolor y el exantema. Como Lei sa, il caso è raro.",
    ],
)
def test_pronouns_that_decide_nothing(note: str) -> None:
    assert sex_and_age(note)[0] == "unknown"
