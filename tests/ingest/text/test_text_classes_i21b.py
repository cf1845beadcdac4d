"""issue #10 (i21b): Irish and Belarusian beyond the core vocabulary (the signs of the EULAR/ACR
items and the other skin and joint findings, their denials, the strength grammar's muscles, the
courtesy titles, the address fields and the countries' places), the Irish month names, the
Cyrillic settlement abbreviation before a place, the places of Bulgaria, Russia and Ukraine, and
a letter's patient label joined to the header line before it. Our own sentences; the values are
worked out by hand. Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import case_of, findings_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Irish: the signs named, and denied by "níl" / "níor" / "ná" before them
        (
            "Tá gríos heileatróip ar na fabhraí agus papúil Gottron ar na hailt.",
            {"heliotrope_rash": True, "gottron_papules": True},
        ),
        (
            "Eiritéime san V ar an mbrollach; comhartha an tseála ar an droim.",
            {"v_sign": True, "shawl_sign": True},
        ),
        ("Eiritéime timpeall na n-ingne ar an dá lámh.", {"periungual_erythema": True}),
        ("Níl lámha meicneora air.", {"mechanics_hands": False}),
        ("Níl cailcinóis ná airtríteas ann.", {"calcinosis": False, "arthritis": False}),
        ("Níor chaill sé meáchan.", {"weight_loss": False}),
        ("Chaill sí meáchan le déanaí.", {"weight_loss": True}),
        ("Níl pian sna matáin aige.", {"myalgia": False}),
        ("Tá pian sna matáin aici.", {"myalgia": True}),
        ("Níl galar idirfhíocháin scamhóige le feiceáil.", {"interstitial_lung_disease": False}),
        # Belarusian: the denial after the noun, at the clause's end
        (
            "Геліятропная сып на павеках; V-сімптом на грудзях.",
            {"heliotrope_rash": True, "v_sign": True},
        ),
        ("Сімптому «шаля» няма.", {"shawl_sign": False}),
        ("«Рукі механіка» адсутнічаюць.", {"mechanics_hands": False}),
        ("Кальцынатаў няма. Артрыту няма.", {"calcinosis": False, "arthritis": False}),
        ("Цяжкасці пры глытанні адмаўляе.", {"dysphagia": False}),
        ("Цяжкасці пры глытанні цвёрдай ежы.", {"dysphagia": True}),
        ("Схуднела на 4 кг за 2 месяцы.", {"weight_loss": True}),
        ("Боль у мышцах сцёгнаў.", {"myalgia": True}),
        ("Інтэрстыцыяльных змен у лёгкіх няма.", {"interstitial_lung_disease": False}),
    ],
)
def test_signs(text: str, expected: dict[str, bool]) -> None:
    found = findings_of(text)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


def test_bare_ulcer_word_is_no_skin_ulcer() -> None:
    # guard: the ulcer noun without the skin's word may be a stomach's ("othras goile")
    assert "cutaneous_ulceration" not in findings_of("Tá othras goile air.")
    assert findings_of("Níl othrais chraicinn ann.")["cutaneous_ulceration"] is False


def test_belarusian_denial_stays_in_its_clause() -> None:
    # guard: "няма" denies the sign of its own sentence, not the one before the stop
    found = findings_of("Папулы Готрана над суставамі. Выразак скуры няма.")
    assert found["gottron_papules"] is True
    assert found["cutaneous_ulceration"] is False


@pytest.mark.parametrize(
    "text",
    [
        "Сіла мышц (MRC): дэльтападобныя 3/5, згінальнікі сцягна 4/5, дыстальныя групы 5/5; "
        "згінальнікі шыі 3/5, разгінальнікі шыі 5/5.",
        "Neart (MRC): deltóideach 3/5; lúbóirí na cromáin 4/5; matáin dhistéalacha 5/5; "
        "lúbóirí an mhuiníl 3/5, sínteoirí an mhuiníl 5/5.",
    ],
)
def test_strength_grammar(text: str) -> None:
    found = findings_of(text)
    assert found["weakness_proximal_upper"] is True
    assert found["weakness_proximal_lower"] is True
    assert found["legs_proximal_weaker_than_distal"] is True
    assert found["neck_flexors_weaker_than_extensors"] is True


def test_irish_grip_is_no_finger_flexor_weakness() -> None:
    assert findings_of("Neart: greim láimhe 5/5.")["finger_flexor_weakness"] is False


@pytest.mark.parametrize(
    ("text", "sex", "region"),
    [
        # Irish: the courtesy title and the county in the genitive after "Co."
        ("Re: Bean Nóra Ní Bhriain, 61 bliain d'aois, Bearna, Co. na Gaillimhe\n",
         "female", "IE"),
        ("Re: An tUasal Pádraig Ó Sé, 58 bliain d'aois, Co. Chiarraí\n", "male", "IE"),
        # Belarusian: the address field with the city's abbreviation
        ("Пол: жаночы. Узрост: 50 гадоў.\nМесца жыхарства: г. Гродна, вул. Леніна.\n",
         "female", "BY"),
        # Ukrainian, Russian and Bulgarian address fields with the city's abbreviation
        ("Стать: чоловіча. Вік: 60 років.\nМісце проживання: м. Полтава\n", "male", "UA"),
        ("Пол: женский. Возраст: 55 лет.\nМесто жительства: г. Новосибирск\n", "female", "RU"),
        ("Пол: мъж. Възраст: 59 г.\nАдрес: гр. Бургас\n", "male", "BG"),
    ],
)  # fmt: skip
def test_patient_line(text: str, sex: str, region: str) -> None:
    patient = case_of(text).patient
    assert (patient.sex.value, patient.region) == (sex, region)


def test_hospital_city_gives_no_region() -> None:
    # guard: the hospital's city in the letterhead is not where the patient lives
    assert case_of("Гомельская абласная клінічная бальніца\nПол: жаночы.").patient.region is None


def test_year_abbreviation_still_ends_the_sentence() -> None:
    # guard: "2026 г." is the year: the denial of the next sentence does not reach back over it
    found = findings_of("Осмотрен 15.09.2026 г. Геліятропная сып. Кальцынатаў няма.")
    assert found["heliotrope_rash"] is True
    assert found["calcinosis"] is False


def test_patient_label_after_a_joined_header_line() -> None:
    # the normaliser joins the clinic's date and the patient's line; the label still opens the
    # patient's items and the town then the city after the birth date gives the region
    text = (
        "Northern Trust\nRheumatology Department\n\n"
        "Clinic date: 3rd March 2026\n"
        "Patient: Mrs Jane Doe, DOB 01/02/1960, Finaghy, Belfast\n"
        "HCN: ### ###\n\n"
        "Diagnosis:  1. Dermatomyositis\n"
        "              anti-TIF1 positive\n"
    )
    assert case_of(text).patient.region == "GB"


def test_patient_label_guard_lower_case_prose() -> None:
    # guard: "the patient:" in prose, lower case, inside a line, is no patient line's label
    text = "Seen today with the patient: her DOB 01/02/1960, Leeds, then a review.\n"
    assert case_of(text).patient.region is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Dáta an chlinic: 19 Deireadh Fómhair 2026\nGríos heileatróip.", date(2026, 10, 19)),
        ("Dáta: 3 Márta 2026\nGríos heileatróip.", date(2026, 3, 3)),
        ("Dáta: 7 Samhain 2026\nGríos heileatróip.", date(2026, 11, 7)),
    ],
)
def test_irish_month_names(text: str, day: date) -> None:
    (finding,) = [f for f in case_of(text).findings if f.code.value == "heliotrope_rash"]
    assert finding.date == day


@pytest.mark.parametrize(
    "text",
    [
        "Seen 10/10/2026. Power was 5/5 throughout, including the neck flexors.",
        "Seen 10/10/2026. Strength 5/5 in all muscle groups including deltoids and neck flexors.",
        "Seen 10/10/2026. Strength: 5/5 throughout both arms and legs, proximal and distal, "
        "including neck flexors.",
        "Seen 10/10/2026. Qawwa: 5/5 kullimkien, inkluż il-flessuri tal-għonq.",
    ],
)
def test_neck_flexors_included_in_full_strength(text: str) -> None:
    # the neck flexors listed as included in a full grade are graded 5/5 with it: not weaker
    # than the extensors (the gold's rule of 1 Dec 2026 for neck flexors graded 5/5 alone)
    found = findings_of(text)
    assert found["neck_flexors_weaker_than_extensors"] is False
    assert found["weakness_proximal_upper"] is False


def test_included_list_with_its_own_grade_is_not_the_full_grade() -> None:
    # guard: "including the neck flexors at 3/5" grades the list itself, not at 5/5
    found = findings_of("Seen 10/10/2026. Power 5/5 elsewhere, including neck flexors at 3/5.")
    assert found.get("neck_flexors_weaker_than_extensors") is not False


def test_full_strength_without_neck_records_no_neck_item() -> None:
    # guard: "5/5 throughout" alone names no neck muscle: the neck item is not recorded
    assert "neck_flexors_weaker_than_extensors" not in findings_of(
        "Seen 10/10/2026. Power 5/5 throughout."
    )


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Haut: periunguale Erytheme an allen Fingern.", True),
        ("Piel: eritema periungueal en ambas manos.", True),
        ("Bőr: periunguális erythema.", True),
        ("Skóra: rumień wałów okołopaznokciowych.", True),
        ("皮膚: 爪囲紅斑あり。", True),
        ("Periungual hyperaemia on several fingers.", True),
        ("Kein periunguales Erythem.", False),
        ("Sin eritema periungueal.", False),
    ],
)
def test_periungual_erythema_by_the_shared_loan(text: str, present: bool) -> None:
    assert findings_of(text)["periungual_erythema"] is present


def test_periungual_word_without_redness_is_no_erythema() -> None:
    # guard: the loan without an erythema or hyperaemia word beside it names no redness
    assert "periungual_erythema" not in findings_of("Periunguale Schuppung an zwei Fingern.")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Skin: V-shaped rash over the upper chest.", True),
        ("Erythema in V of the décolleté.", True),
        ("Haut: V-förmiges Erythem am Dekolleté.", True),
        ("Bőr: V-alakú erythema a dekoltázsban.", True),
        ("Piel: eritema en escote.", True),
        ("Hud: rodnad i V-ringningen.", True),
        ("Redness in the shape of a V on the chest.", True),
        ("No V-shaped rash.", False),
    ],
)
def test_v_shaped_erythema_of_the_neckline(text: str, present: bool) -> None:
    assert findings_of(text)["v_sign"] is present


def test_v_as_a_roman_numeral_or_route_is_no_v_sign() -> None:
    # guard: a lone V elsewhere (a stage, the intravenous route) names no V-sign
    found = findings_of("Stage IV disease; contrast i/v given. Erythema on the cheeks.")
    assert "v_sign" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Piel: pápulas de Gottron. Sin úlceras. Sin calcinosis.",
        "Pele: pápulas de Gottron. Sem úlceras.",
        "Кожа: папулы Готтрона. Кальцинатов, язв нет.",
        "Koža: Gottronove papule. Ulceracij ni.",
        "Peau: papules de Gottron. Pas d'ulcération.",
    ],
)
def test_bare_denial_of_ulcers_in_other_languages(text: str) -> None:
    # an examination's bare denial of ulcers records cutaneous ulceration absent, as the
    # English rule does for "no ulceration" (inference.yaml, gold of notes 57, 80, 84 ...)
    assert findings_of(text)["cutaneous_ulceration"] is False


def test_bare_ulcers_stated_are_not_read() -> None:
    # guard: a bare ulcer stated (a stomach's, a mouth's) is no skin ulcer present
    assert "cutaneous_ulceration" not in findings_of("Endoscopia: úlceras gástricas múltiples.")
