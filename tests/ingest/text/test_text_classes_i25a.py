"""issue #10 (i25a): languages and non-English report prose. The ANA profile (抗核抗体谱) is a
panel, not the ANA; a titre as a lower bound and the Japanese "N倍"; the words that close a list
of results as language data (every language's "all/both/each"); West Frisian read as a language;
the CJK strength examination, U1-RNP's CJK name, a retelling's patient addressed as auntie or
uncle, CJK lab values after a copula. Our own sentences (never a note's); the values are worked
out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

import pytest

from .helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    antibody_results,
    case_of,
    findings_of,
    read,
    sex_and_age,
    time_limit,
)


# --- the ANA profile is a panel: its result is not the ANA's (safety: heldout_w y02) ----------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the profile normal beside a positive titre: the titre is the ANA's, the profile no one's
        ("患者，女，41岁。抗核抗体滴度>1:640，抗核抗体谱未见异常。", {"ANA": "positive"}),
        ("患者，男，58岁。抗核抗體譜陰性。", {}),
        ("58歳男性。抗核抗体プロファイルは陰性。", {}),
        ("58세 남성. 항핵항체 프로파일 음성.", {}),
        ("A 41-year-old man. ANA 1:320 (speckled); ENA profile negative.", {"ANA": "positive"}),
        # a titre then a panel's own result word: the panel's, not the ANA's
        (
            "A 41-year-old man. ANA 1:160, ENA panel negative, anti-PL-7 negative.",
            {"ANA": "positive", "PL7": "negative"},
        ),
        # guard: the ANA itself reported negative stays negative
        ("患者，男，58岁。抗核抗体阴性。", {"ANA": "negative"}),
        # guard: a bare name before a panel's result keeps the word (no titre of its own)
        (
            "A 41-year-old man. Anti-SRP and anti-Ku, myositis panel negative.",
            {"SRP": "negative", "KU": "negative"},
        ),
    ],
)
def test_ana_profile_is_no_ana_result(text: str, expected: dict[str, str]) -> None:
    got = antibody_results(text)
    assert {k: v for k, v in got.items() if k in expected or k == "ANA"} == expected


def test_ana_profile_negative_warns_that_it_names_none() -> None:
    result = read("患者，男，58岁。抗核抗体谱阴性。")
    assert any("names no antibody" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 50-year-old woman. ANA >1:1280.", {"ANA": "positive"}),
        ("A 50-year-old woman. ANA titer ≥ 1:160, homogeneous.", {"ANA": "positive"}),
        ("患者，女，50岁。抗核抗体定量>1∶320。", {"ANA": "positive"}),
        ("50歳女性。抗核抗体 320倍（均質型）。", {"ANA": "positive"}),
        ("50歳女性。抗核抗体は2560倍と高値。", {"ANA": "positive"}),
        ("50歳女性。抗核抗体 40倍未満。", {"ANA": "negative"}),
        # guards: a bound below the screening dilution says nothing; "<" stays negative
        ("A 50-year-old woman. ANA >1:40.", {}),
        ("A 50-year-old woman. ANA < 1:80.", {"ANA": "negative"}),
        ("50歳女性。抗核抗体 20倍。", {}),
    ],
)
def test_titre_as_bound_and_japanese_fold(text: str, expected: dict[str, str]) -> None:
    assert antibody_results(text) == expected


# --- the words that close a list, each language's (rules/patterns.yaml LIST_CLOSING) ----------
# A blot's rows under a heading in a script without capitals, read as one sentence: the row's
# closing word before its result word. Without the word as data the row's names were read as
# positives (the opposite polarity) or not at all (heldout32 362).
CLOSING_WORDS = {
    "pa": "ਸਾਰੇ", "hi": "सभी", "ne": "सबै", "mr": "सर्व", "bn": "সব", "gu": "બધા", "ta": "அனைத்தும்",
    "te": "అన్నీ", "ur": "تمام", "fa": "همه", "ar": "جميعها", "he": "כולם", "de": "alle",
    "nl": "allemaal", "fy": "allegear", "fr": "tous", "es": "todos", "pt": "ambos", "it": "tutti",
    "pl": "wszystkie", "cs": "všechny", "sk": "všetky", "sl": "vsi", "hr": "svi", "sr": "сви",
    "mk": "сите", "bg": "всички", "ru": "все", "uk": "усі", "be": "абодва", "el": "όλα",
    "hu": "mindegyik", "ro": "toate", "sv": "samtliga", "da": "begge", "is": "öll", "fi": "kaikki",
    "et": "kõik", "lv": "visi", "lt": "abu", "ga": "go léir", "mt": "kollha", "sq": "të gjitha",
    "cy": "i gyd", "eu": "guztiak", "tr": "hepsi", "az": "hamısı", "uz": "barchasi",
    "kk": "барлығы", "mn": "бүгд", "tg": "ҳама", "ka": "ყველა", "hy": "բոլորը", "am": "ሁሉም",
    "km": "ទាំងអស់", "vi": "tất cả", "id": "semua", "tl": "lahat", "sw": "zote", "ht": "tout",
    "ko": "모두", "ja": "いずれも",
}  # fmt: skip


@pytest.mark.parametrize(("lang", "word"), sorted(CLOSING_WORDS.items()))
def test_list_closing_word(lang: str, word: str) -> None:
    note = (
        "ਮਾਇਓਸਾਈਟਿਸ ਪੈਨਲ (ਨਮੂਨਾ 03/11/2026):\n"
        "      Anti-SAE1: ਪਾਜ਼ੇਟਿਵ (++)\n"
        f"      Anti-PL-7, Anti-EJ, Anti-SRP: {word} negative\n"
        "  ਛਾਤੀ ਦਾ ਐਕਸ-ਰੇ"
    )
    got = antibody_results(note)
    assert {k: got.get(k) for k in ("PL7", "EJ", "SRP")} == dict.fromkeys(
        ("PL7", "EJ", "SRP"), "negative"
    ), lang


def test_row_with_an_unread_closing_word_is_unread_not_positive() -> None:
    # a closing word in no language read: the row's result is unread, never the presumed positive
    note = (
        "ਮਾਇਓਸਾਈਟਿਸ ਪੈਨਲ (ਨਮੂਨਾ 03/11/2026):\n"
        "      Anti-SAE1: ਪਾਜ਼ੇਟਿਵ (++)\n"
        "      Anti-PL-7, Anti-EJ, Anti-SRP: qqqq negative\n"
        "  ਛਾਤੀ ਦਾ ਐਕਸ-ਰੇ"
    )
    got = antibody_results(note)
    assert "positive" not in {got.get(k) for k in ("PL7", "EJ", "SRP")}


def test_wrapped_title_after_a_name_keeps_its_reading() -> None:
    # guard: prose wrapped after a name is no record's row (no colon of its own after the names)
    note = "Case report\n\nRapidly progressive lung disease: anti-MDA5 clinically\namyopathic DM\n"
    assert antibody_results(note + "A 52-year-old man.") == {"MDA5": "positive"}


def test_closing_words_hold_up_on_a_hostile_row() -> None:
    note = "Anti-PL-7, Anti-EJ: " + "all both each alle " * 1250 + "x"
    with time_limit(20, "a row of closing words backtracks"):
        read("A 50-year-old woman.\n" + note)


# --- West Frisian ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oangeande: mefrou Aukje HOEKSTRA, 52 jier âld, wennet yn Snits", ("female", 52)),
        ("In 61-jierrige man mei swakte yn 'e boppebenen.", ("male", 61)),
        ("Leeftyd: 38 jier   Geslacht: frou", ("female", 38)),
    ],
)
def test_frisian_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_frisian_residence_names_the_country() -> None:
    assert case_of("In 52-jierrige frou, wennet yn It Hearrenfean.").patient.region == "NL"


def test_frisian_relative_age_is_not_the_patient() -> None:
    assert case_of("Har mem (75 jier âld) hie boarstkanker.").patient.age is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 52-jierrige frou. Gjin muoite mei slokken. Gjin sjaalteken.",
            {"dysphagia": False, "shawl_sign": False},
        ),
        (
            "In 52-jierrige frou. Se is net ôffallen; gjin artritis.",
            {"weight_loss": False, "arthritis": False},
        ),
        (
            "In 52-jierrige frou mei spierpine en slokproblemen.",
            {"myalgia": True, "dysphagia": True},
        ),
        ("In 52-jierrige frou. V-teken op it boarst.", {"v_sign": True}),
        # guard: English "net" is no denial in an English note
        ("A 52-year-old woman. Net weight loss of 4 kg.", {"weight_loss": True}),
    ],
)
def test_frisian_signs_and_negation(text: str, expected: dict[str, bool]) -> None:
    got = findings_of(text)
    assert {k: got.get(k) for k in expected} == expected


def test_frisian_strength_grammar() -> None:
    note = (
        "In 52-jierrige frou.\nSpierkrêft (MRC, rjochts/lofts):\n  nekbûgers 3, nekstrekkers 5\n"
        "  skouderabduksje 4/4\n  heupbûgers 4-/4-\n  foetheffers 5/5\n"
    )
    got = findings_of(note)
    assert {k: got.get(k) for k in (UPPER, LOWER, NECK, LEGS_PROX)} == dict.fromkeys(
        (UPPER, LOWER, NECK, LEGS_PROX), True
    )


def test_dutch_movers_too() -> None:
    note = (
        "Een 60-jarige man.\nSpierkracht: schouderabductie 4/5, heupbuigers 3/5, voetheffers 5/5."
    )
    got = findings_of(note)
    assert {k: got.get(k) for k in (UPPER, LOWER, LEGS_PROX)} == dict.fromkeys(
        (UPPER, LOWER, LEGS_PROX), True
    )


def test_frisian_since_is_an_onset_not_the_history_date() -> None:
    note = (
        "Poliklinyske besite: 02-11-2026\nIn 52-jierrige frou.\nSûnt maaie 2026 hat se lêst fan "
        "útslach om de eagen. Gjin muoite mei slokken."
    )
    dysphagia = next(f for f in case_of(note).findings if f.code.value == "dysphagia")
    assert (dysphagia.present, str(dysphagia.date)) == (False, "2026-11-02")


# --- CJK report prose -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "患者，男，60岁。双侧三角肌肌力3/5，髋屈肌肌力3/5，胫前肌肌力5/5。",
            {UPPER, LOWER, LEGS_PROX},
        ),
        ("患者，男，60岁。屈颈肌力3/5，伸颈肌力5/5。", {NECK}),
        ("患者，男，60岁。四肢肌力Ⅳ级。", {UPPER, LOWER}),
        ("60세 남성. 사지 근력 4/5.", {UPPER, LOWER}),
        ("60歳男性。三角筋の筋力4/5、股関節屈筋4/5。", {UPPER, LOWER}),
        # guard: full strength in all four limbs is no weakness
        ("患者，男，60岁。四肢肌力Ⅴ级。", set()),
    ],
)
def test_cjk_strength(text: str, expected: set[str]) -> None:
    got = findings_of(text)
    assert {k for k in (UPPER, LOWER, NECK, LEGS_PROX) if got.get(k)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("67岁的张阿姨近半年四肢无力。", ("female", 67)),
        ("72岁的刘大爷因吞咽困难就诊。", ("male", 72)),
        ("70세 박 할아버지는 근력 저하로 내원하였다.", ("male", 70)),
    ],
)
def test_retelling_patient_addressed_by_sex(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_retelling_relative_before_an_age_is_not_the_patient() -> None:
    # guard: the address before the age ("她的阿姨，70岁") is a relative, not read as the patient
    assert sex_and_age("患者，男，45岁。其阿姨，70岁，患乳腺癌。") == ("male", 45)


@pytest.mark.parametrize(
    "text",
    [
        "患者，女，50岁。抗Sm/核糖核蛋白抗体阳性。",
        "50歳女性。抗リボ核タンパク抗体陽性。",
        "50세 여성. 항리보핵단백 항체 양성.",
    ],
)
def test_u1rnp_by_its_cjk_name(text: str) -> None:
    assert antibody_results(text) == {"U1RNP": "positive"}


@pytest.mark.parametrize(
    "text",
    [
        "患者，女，50岁。肌酸激酶水平为4,800 U / l。",
        "患者，女，50岁。CK升高至4800 U/L。",
        "50歳女性。CKは4800 U/Lであった。",
        "50세 여성. CK 수치는 4800 U/L였다.",
        "A 50-year-old woman. Creatine kinase of 4800 U per liter.",
    ],
)
def test_cjk_lab_value_after_a_copula(text: str) -> None:
    labs = [(lab.code.value, lab.value, lab.unit) for lab in case_of(text).labs]
    assert labs == [("ck", 4800.0, "U/L")]


def test_chinese_definition_is_general() -> None:
    # "X是Y的一种" (X is a kind of Y): the disease's features, not the patient's
    note = (
        "抗MDA5抗体阳性的皮肌炎是炎性肌病的一种，常见间质性肺病及吞咽困难等表现。患者，女，40岁。"
    )
    assert "dysphagia" not in findings_of(note)
