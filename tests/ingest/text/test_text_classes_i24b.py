"""issue #10 (i24b): the prose of a published case report in Chinese, Japanese, Korean, German,
French and Spanish, after opening heldout_v. Each class is tried in our own short vignettes,
written from the language's grammar (no sentence is taken from a report); the expected facts
are worked out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import antibody_results, findings_of, labs_above_uln, sex_and_age, strength_items

# ------------------------------------------------------------------ German: the abbreviated noun


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("Ein 57-jähr. Pat. klagte über Schwäche der Oberschenkel.", 57),
        ("Eine 44-jähr. Pat. wurde mit Hautausschlag aufgenommen.", 44),
        ("Der 63-jährige Pat. wurde stationär aufgenommen.", 63),
    ],
)
def test_german_abbreviated_patient_carries_the_age(words: str, age: int) -> None:
    assert sex_and_age(words)[1] == age


def test_german_abbreviated_patient_without_an_age_gives_none() -> None:
    # guard: the noun alone states no age
    assert sex_and_age("Der Pat. berichtete über Schluckbeschwerden.")[1] is None


# ------------------------------------------------------------------ German: detectable antibodies


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "Im Serum waren ANA und Anti-Mi-2-Antikörper nachweisbar.",
            {"ANA": "positive", "MI2": "positive"},
        ),
        ("Anti-TIF1-γ war nachweisbar.", {"TIF1G": "positive"}),
        ("Im Immunoblot ließen sich Anti-MDA5-Antikörper nachweisen.", {"MDA5": "positive"}),
        ("Es fanden sich hochtitrige ANA.", {"ANA": "positive"}),
        # the denial next to it keeps its own antibody
        (
            "Anti-SRP war nachweisbar, Anti-Jo-1 nicht nachweisbar.",
            {"SRP": "positive", "JO1": "negative"},
        ),
    ],
)
def test_german_detectable_antibody_is_positive(words: str, expected: dict[str, str]) -> None:
    assert antibody_results(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "Es waren keine Anti-PL-7-Antikörper nachweisbar.",
        "Anti-PL-7-Antikörper waren nicht nachweisbar.",
        "Kein Nachweis von Anti-PL-7-Antikörpern.",
        "Im Serum waren weder Anti-PL-7 noch andere Antikörper nachweisbar.",
    ],
)
def test_german_undetectable_antibody_is_negative(words: str) -> None:
    # guard: "kein Nachweis von" was read as the "Nachweis von" of a positive
    assert antibody_results(words) == {"PL7": "negative"}


# ------------------------------------------------------------------ a raised value denied


@pytest.mark.parametrize(
    "words",
    [
        "Die CK war nicht erhöht.",
        "Les CPK n'étaient pas élevées.",
        "La CPK no elevada en dos controles.",
        "A CK não elevada.",
        "La CK non aumentata.",
    ],
)
def test_a_raised_value_denied_is_not_raised(words: str) -> None:
    assert all(above is not True for _, above in labs_above_uln(words))


def test_a_raised_value_stated_stays_raised() -> None:
    # guard: the participle without its negation
    assert labs_above_uln("Die CK war deutlich erhöht.") == [("ck", True)]


# ------------------------------------------------------------------ a report of several cases


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Nous rapportons deux hommes âgés de 58 et 36 ans atteints de myosite.", ("male", 58)),
        ("Il s'agit de trois femmes âgées de 33, 64 et 45 ans.", ("female", 33)),
        ("Se describen dos mujeres de 27 y 70 años con debilidad proximal.", ("female", 27)),
        ("Zwei Männer im Alter von 66 und 42 Jahren wurden aufgenommen.", ("male", 66)),
    ],
)
def test_the_first_of_coordinated_ages_is_the_first_case(
    words: str, expected: tuple[str, int]
) -> None:
    assert sex_and_age(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "Une femme âgée de 40 à 60 ans.",  # a range is no age
        "Chez les femmes de plus de 50 ans, le risque de cancer est accru.",  # women in general
        "Les hommes de 50 ans et plus sont plus exposés.",
    ],
)
def test_a_range_or_a_group_gives_no_age(words: str) -> None:
    assert sex_and_age(words) == ("unknown", None)


@pytest.mark.parametrize(
    "words",
    [
        "Les deux patients présentaient des CPK élevées.",
        "Both patients had raised CK.",
        "Die beiden Patienten hatten eine erhöhte CK.",
        "Ambos pacientes tenían la CPK elevada.",
    ],
)
def test_the_patients_of_a_case_series_are_this_reports(words: str) -> None:
    assert labs_above_uln("Une femme de 52 ans. " + words) == [("ck", True)]


def test_patients_in_general_stay_general() -> None:
    # guard: the plural without a numeral is a general statement
    words = "Une femme de 52 ans. Chez les patients atteints de myosite, les CPK sont élevées."
    assert labs_above_uln(words) == []


# ------------------------------------------------------------------ antibodies one has


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "Les deux patients présentaient une fièvre et des auto-anticorps anti-PL-12.",
            {"PL12": "positive"},
        ),
        ("Elle avait des anticorps anti-MDA5.", {"MDA5": "positive"}),
        (
            "El paciente presentaba anticuerpos anti-SRP y anti-Ro52.",
            {"SRP": "positive", "RO52": "positive"},
        ),
        ("A paciente apresentava anticorpos anti-TIF1γ.", {"TIF1G": "positive"}),
        ("Il paziente presentava anticorpi anti-NXP2.", {"NXP2": "positive"}),
    ],
)
def test_antibodies_the_patient_has_are_positive(words: str, expected: dict[str, str]) -> None:
    assert antibody_results(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "Elle n'avait pas d'anticorps anti-PL-7.",
        "Il ne présentait pas d'anticorps anti-PL-7.",
        "Le patient présentait des anticorps anti-PL-7 négatifs.",
        "El paciente no presentaba anticuerpos anti-PL-7.",
        "La paciente presentaba fiebre, sin anticuerpos anti-PL-7.",
    ],
)
def test_antibodies_denied_or_graded_negative_stay_negative(words: str) -> None:
    assert antibody_results(words) == {"PL7": "negative"}


# ---------------------------------------------------------- Chinese: weakness placed by 以…为主


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("患者肌力下降，以四肢近端为著。", {"weakness_proximal_upper", "weakness_proximal_lower"}),
        (
            "患者逐渐出现肌无力,以近端肌群为主。",
            {"weakness_proximal_upper", "weakness_proximal_lower"},
        ),
        ("患者乏力，以双下肢近端明显。", {"weakness_proximal_lower"}),
    ],
)
def test_chinese_weakness_placed_by_its_frame_is_proximal(words: str, expected: set[str]) -> None:
    assert strength_items(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "患者远端肌力下降，近端正常。",  # another clause's site, no frame
        "患者肌力下降，以远端为主，近端正常。",  # the frame places it distally
        "患者出现皮疹，以面部为主，无肌无力。",
    ],
)
def test_chinese_weakness_without_the_frame_stays_unplaced(words: str) -> None:
    assert strength_items(words) == set()


# ------------------------------------------------------------------ Chinese: the anonymised name


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("患者李某，56岁，因皮疹入院。", ("unknown", 56)),
        ("患者赵某某,63岁,因吞咽困难就诊。", ("unknown", 63)),
        ("患者B，29岁。", ("unknown", 29)),
        ("患者张某，男，47岁。", ("male", 47)),
    ],
)
def test_chinese_age_after_the_anonymised_name(words: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(words) == expected


def test_a_name_without_age_gives_none() -> None:
    # guard: the name and a duration in days are no age
    assert sex_and_age("患者李某，皮疹3天。")[1] is None


# ------------------------------------------------------------------ CJK record headings


_ZH_INTRO = "引言\n\n皮肌炎是一种自身免疫病,常见抗MDA5抗体。\n\n"


@pytest.mark.parametrize(
    "heading",
    [
        "基本信息:患者王某,52岁。",
        "现病史：患者王某,52岁。",
        "【病史】\n患者王某,52岁。",
        "一般资料\n患者王某,52岁。",
    ],
)
def test_a_record_heading_ends_the_introduction(heading: str) -> None:
    note = _ZH_INTRO + heading + "\n查抗Mi-2抗体阳性。\n"
    assert sex_and_age(note)[1] == 52
    assert antibody_results(note) == {"MI2": "positive"}


def test_the_introduction_alone_states_nothing_of_the_patient() -> None:
    # guard: the introduction's general sentence and a positive in it are not the patient's
    assert antibody_results(_ZH_INTRO + "抗Mi-2抗体阳性常见于经典皮肌炎。\n") == {}


@pytest.mark.parametrize(
    "words",
    ["本例患者以皮疹起病,查抗Mi-2抗体阳性。", "入院后完善检查,确诊为抗Mi-2阳性皮肌炎。"],
)
def test_an_introduction_sentence_about_this_case_is_the_patients(words: str) -> None:
    assert antibody_results(_ZH_INTRO.replace("\n\n", "\n", 1) + words) == {"MI2": "positive"}


# ---------------------------------------------------------- Chinese: a denial and its members

_ZH_OPENING = "患者，女，35岁。"


@pytest.mark.parametrize(
    "words",
    [
        "查体：无皮疹，包括向阳疹、Gottron征、技工手及甲周红斑。",
        "无皮疹,如向阳疹(heliotrope rash)、Gottron征等。",
        "未见典型皮损，例如向阳疹、Gottron征。",
    ],
)
def test_chinese_denial_covers_the_members_it_lists(words: str) -> None:
    found = findings_of(_ZH_OPENING + words)
    assert found.get("heliotrope_rash") is False and found.get("gottron_sign") is False


def test_chinese_members_of_a_present_sign_stay_present() -> None:
    # guard: "there is a rash, including ..." affirms them
    found = findings_of(_ZH_OPENING + "有皮疹，包括向阳疹、Gottron征。")
    assert found.get("heliotrope_rash") is True and found.get("gottron_sign") is True


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "抗合成酶抗体包括Jo-1,PL-7,PL-12,EJ均为(-)。",
            {"JO1": "negative", "PL7": "negative", "PL12": "negative", "EJ": "negative"},
        ),
        (
            "肌炎抗体：抗HMGCR(+)，抗Jo-1、抗PL-7、抗MDA5均为（－），抗Ro52(+)。",
            {
                "HMGCR": "positive",
                "JO1": "negative",
                "PL7": "negative",
                "MDA5": "negative",
                "RO52": "positive",
            },
        ),
        ("抗Mi-2、抗TIF1-γ均(+)。", {"MI2": "positive", "TIF1G": "positive"}),
    ],
)
def test_chinese_panel_sign_after_all_covers_the_list(words: str, expected: dict[str, str]) -> None:
    assert antibody_results(_ZH_OPENING + words) == expected


# ------------------------------------------------------------------ a PDF copy's space in CJK words


@pytest.mark.parametrize(
    "words",
    [
        "症例:58 歳女性.身体所見ではヘリオ トロープ疹を認めた.",
        "症例:58 歳女性.身体所見ではヘリオトロ ープ疹,ゴットロン 徴候を認めた.",
        "患者，女，58岁。查体见向 阳疹。",
    ],
)
def test_a_space_inside_a_cjk_word_is_dropped(words: str) -> None:
    assert findings_of(words).get("heliotrope_rash") is True


def test_korean_spaced_words_stay_apart() -> None:
    # guard: Korean spaces its words; the age beside a spaced counter still reads
    assert sex_and_age("환자는 58세 여성으로 근위부 근력 저하가 있었다.") == ("female", 58)
