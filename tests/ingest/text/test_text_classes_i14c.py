"""Issue #10, round 14 (i14c): the patient, signs and cancers the nineteenth set's notes missed,
built as classes across the languages that share the grammar. Sentences written by us; the
values worked out by hand from the sentence (a missing value is "not assessed", never a no)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 12, 1)


def _patient(text: str) -> tuple[str, int | None]:
    patient = extract_case(text, anchor=TODAY, today=TODAY).case.patient
    return patient.sex.value, patient.age


# --- the sex as an identification line's item next to the age ("name, male, 69 years") -------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pacienti: A. M., mashkull, 69 vjeç", ("male", 69)),
        ("Pacientja: B. K., femër, 52 vjeç", ("female", 52)),
        ("Pacienti: A. M., 69 vjeç, mashkull", ("male", 69)),
        ("Пациентка: Е. Т., женски пол, 34 години", ("female", 34)),
        ("Пациент: Е. Т., машки пол, 34 години", ("male", 34)),
        ("Пациент: Г. Д., мъжки пол, 59 г.", ("male", 59)),
        ("Пациент: И. П., мужского пола, 58 лет", ("male", 58)),
        ("Pacijent: M. K., muškog spola, 58 godina", ("male", 58)),
        ("Pacijentica: M. K., ženskog spola, 41 godina", ("female", 41)),
    ],
)
def test_the_sex_item_next_to_the_age(line: str, expected: tuple[str, int]) -> None:
    assert _patient(line) == expected


# --- a sex field whose value is the person noun; an age field with the unit before the number --
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jina: H. J. M.      Jinsia: Mwanamke      Umri: miaka 38", ("female", 38)),
        ("Jinsia: Mwanaume. Umri: miaka 61.", ("male", 61)),
        ("Jinsia: Mwanamume", ("male", None)),
        ("Wiek: lat 45", ("unknown", 45)),
        # a range in the field is no age
        ("Umri: miaka 20-40", ("unknown", None)),
    ],
)
def test_the_field_values_of_swahili_and_the_unit_before_the_number(
    line: str, expected: tuple[str, int | None]
) -> None:
    assert _patient(line) == expected


# --- the Chinese, Japanese and Korean age field ---------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("姓名：刘某某    性别：女    年龄：45岁    住院号：2026-0877", ("female", 45)),
        ("性別：男　年齢：72歳", ("male", 72)),
        ("성별: 남  나이: 61세", ("male", 61)),
    ],
)
def test_the_cjk_age_field(line: str, expected: tuple[str, int]) -> None:
    assert _patient(line) == expected


def test_a_relatives_sex_word_is_not_the_patients() -> None:
    # the mother's line names no patient: sex not assessed
    assert _patient("Mama yake ana miaka 70.")[0] == "unknown"


# --- signs: the Gottron eponym in the non-Latin scripts, the Macedonian "раш" -----------------
def _findings(line: str) -> list[tuple[str, bool | None]]:
    case = extract_case("Patient, 60 years, female.\n" + line, anchor=TODAY, today=TODAY).case
    return [(f.code.value, f.present) for f in case.findings]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Виолетов хелиотропен раш на горните очни капаци.", [("heliotrope_rash", True)]),
        ("Хелиотропни раш на очните капци.", [("heliotrope_rash", True)]),
        ("פפולות של גוטרון מעל מפרקי MCP.", [("gottron_papules", True)]),
        ("פפולות גוטרון בשתי הידיים.", [("gottron_papules", True)]),
        ("उंगलियों के जोड़ों पर गॉट्रॉन पैप्यूल्स।", [("gottron_papules", True)]),
        ("حطاطات جوترون على المفاصل.", [("gottron_papules", True)]),
        ("გოტრონის პაპულები.", [("gottron_papules", True)]),
        # the flat sign, not the papules
        ("סימן גוטרון על המרפקים.", [("gottron_sign", True)]),
        ("कोहनी पर गॉट्रॉन साइन।", [("gottron_sign", True)]),
        # negated: absent, not missing
        ("ללא פפולות של גוטרון.", [("gottron_papules", False)]),
        ("गॉट्रॉन पैप्यूल्स नहीं।", [("gottron_papules", False)]),
    ],
)
def test_the_signs_in_the_scripts_read_since_i13b(
    line: str, expected: list[tuple[str, bool]]
) -> None:
    assert _findings(line) == expected


# --- a questionnaire's field answered with the language's own "no" ---------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kumeza kwa shida: Hapana", [("dysphagia", False)]),
        ("Kumeza kwa shida: Ndiyo", [("dysphagia", True)]),
        ("Ugumu wa kumeza: hapana.", [("dysphagia", False)]),
        ("Disfagi: jo.", [("dysphagia", False)]),
        ("Disfagi: po, për ushqime të ngurta.", [("dysphagia", True)]),
        ("Mgonjwa anashindwa kumeza.", [("dysphagia", True)]),
    ],
)
def test_a_field_answered_no_in_swahili_and_albanian(
    line: str, expected: list[tuple[str, bool]]
) -> None:
    assert _findings(line) == expected


# --- cancers: histology and organ in the scripts of i13b; sites of named-only malignancies ---
def _tumours(line: str) -> list[tuple[str, str]]:
    case = extract_case("Patient, 60 years, female.\n" + line, anchor=TODAY, today=TODAY).case
    return [(t.site.value, t.histology.value) for t in case.tumours]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Diagnoza: Adenokarcinomë e prostatës Gleason 4+4=8.", [("prostate", "adenocarcinoma")]),
        ("קרצינומה פפילרית של בלוטת התריס.", [("thyroid", "other")]),
        ("סרטן בלוטת התריס.", [("thyroid", "other")]),
        ("سرطان الغدة الدرقية.", [("thyroid", "other")]),
        ("थायराइड कैंसर।", [("thyroid", "other")]),
        ("Secondary to an underlying Mullerian malignancy.", [("other", "other")]),
        ("A primary cutaneous B marginal lymphoma.", [("skin", "lymphoma")]),
        ("Kutanes B-Zell-Lymphom.", [("skin", "lymphoma")]),
        ("Lymphome B cutané primitif.", [("skin", "lymphoma")]),
        ("Linfoma cutáneo primario de células B.", [("skin", "lymphoma")]),
        # a lymphoma not said to be cutaneous stays the lymph nodes'
        ("Diffuse large B-cell lymphoma.", [("lymph_node", "lymphoma")]),
        # a relative's cancer is not the patient's
        ("Her mother had a Mullerian carcinoma.", []),
        ("לאמה היה סרטן בלוטת התריס.", []),
    ],
)
def test_the_cancers_the_nineteenth_set_missed_as_classes(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert _tumours(line) == expected


def test_a_specific_cutaneous_lymphoma_after_a_title_lymphoma_is_the_skins() -> None:
    # the title's bare "lymphoma" would imply the lymph nodes; the body names it cutaneous
    text = (
        "Paraneoplastic dermatomyositis presenting as lymphoma - case report.\n"
        "A 65-year-old woman with dermatomyositis during the course of a primary cutaneous "
        "B marginal lymphoma."
    )
    case = extract_case(text, anchor=TODAY, today=TODAY).case
    assert [(t.site.value, t.histology.value) for t in case.tumours] == [("skin", "lymphoma")]


# --- a discharge's safety-net advice in Swahili is a condition, not a finding ----------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Arudi mara moja ikiwa atapata shida ya kumeza au kupumua.", []),
        ("Endapo atapata ugumu wa kumeza, arudi hospitali.", []),
        ("Iwapo ana shida ya kumeza, apewe chakula laini.", []),
        # the same words stated of the patient are read
        ("Ana shida ya kumeza.", [("dysphagia", True)]),
    ],
)
def test_the_swahili_if_makes_a_condition(line: str, expected: list[tuple[str, bool]]) -> None:
    assert _findings(line) == expected


# --- the joints' abbreviations in the plural: flat macules there are the Gottron sign --------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "O/E: Erythematous macules over MCPs and PIPs, flat - no papules.",
            [("gottron_papules", False), ("gottron_sign", True)],
        ),
        ("O/E: Violaceous macules over the MCPs.", [("gottron_sign", True)]),
        ("O/E: Papules over MCPs and PIPs.", [("gottron_papules", True)]),
        ("O/E: No rash over MCPs or PIPs.", [("gottron_sign", False)]),
        # a joint complaint without a skin lesion is no sign
        ("Pain in the MCPs and PIPs.", []),
    ],
)
def test_the_plural_joint_abbreviations(line: str, expected: list[tuple[str, bool]]) -> None:
    assert _findings(line) == expected


# --- the inverse (palmar) Gottron sign is another sign than the extensor item ----------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "双手MCP、PIP关节伸侧Gottron丘疹；双手掌侧指关节屈侧可见痛性溃疡（反Gottron征）。",
            [("gottron_papules", True)],
        ),
        ("Painful palmar papules (inverse Gottron papules).", []),
        ("逆ゴットロン徴候あり。", []),
        # the item named beside it is still read
        (
            "Reverse Gottron's sign on the palms; Gottron's sign over the knuckles.",
            [("gottron_sign", True)],
        ),
        ("Gottron papules over the MCPs.", [("gottron_papules", True)]),
    ],
)
def test_the_inverse_gottron_sign_is_not_the_item(
    line: str, expected: list[tuple[str, bool]]
) -> None:
    assert _findings(line) == expected
