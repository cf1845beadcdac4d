"""issue #10 (i19c): Maltese and Uzbek as classes: the form's sex, age and region, the result
words and denials, the strength grammar's girdles and comparisons, signs, lab labels, units and
range labels, cancers, the investigations, the onset said as a duration and the doses' words.
Our own sentences; the values are worked out by hand. Each class has a guard: a near-miss that
must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import antibody_results, case_of, findings_of


@pytest.mark.parametrize(
    ("text", "sex", "age", "region"),
    [
        ("Jinsi: erkak          Yoshi: 48 yosh\nYashash manzili: Samarqand sh.", "male", 48, "UZ"),
        ("Jinsi: ayol          Yoshi: 35\nManzil: Buxoro", "female", 35, "UZ"),
        ("Età: 44 sena     Sess: mara\nIndirizz: Birkirkara", "female", 44, "MT"),
    ],
)
def test_form_fields(text: str, sex: str, age: int, region: str) -> None:
    case = case_of(text)
    assert case.patient.sex.value == sex
    assert case.patient.age == age
    assert case.patient.region == region


def test_city_in_letterhead_gives_no_region() -> None:
    # guard: the hospital's city without an address field names no region
    case = case_of("TOSHKENT SHAHAR KLINIK SHIFOXONASI\nJinsi: ayol   Yoshi: 50")
    assert case.patient.region is None


def test_uzbek_result_words_over_a_list() -> None:
    abs_ = antibody_results(
        "Immunoblot: anti-NXP2 musbat; anti-Mi-2, anti-SAE1, anti-Jo-1 – manfiy."
    )
    assert abs_ == {"NXP2": "positive", "MI2": "negative", "SAE1": "negative", "JO1": "negative"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Uzbek: the denial after what it denies
        (
            "Teri: Gottron papulalari. Kalsinoz yo'q, teri yaralari yo'q.",
            {"gottron_papules": True, "calcinosis": False, "cutaneous_ulceration": False},
        ),
        (
            'Yuqori qovoqlarda geliotrop toshma; "shal" belgisi; V-simon eritema.',
            {"heliotrope_rash": True, "shawl_sign": True, "v_sign": True},
        ),
        (
            "Suyuq ovqatni yutishda qiyinchilik. 6 kg ozgan.",
            {"dysphagia": True, "weight_loss": True},
        ),
        ("Tirnoq atrofida eritema yo'q.", {"periungual_erythema": False}),
        # Maltese: the denial before the noun
        (
            "Raxx eljotropu fuq it-tebqet; papuli ta' Gottron fuq il-ġogi.",
            {"heliotrope_rash": True, "gottron_papules": True},
        ),
        (
            "L-ebda kalċinożi. L-ebda eritema madwar id-dwiefer. L-ebda artrite.",
            {"calcinosis": False, "periungual_erythema": False, "arthritis": False},
        ),
        ("Idejn ta' mekkaniku fuq iż-żewġ naħat.", {"mechanics_hands": True}),
        ("L-ebda diffikultà biex tibla'.", {"dysphagia": False}),
        # Maltese verb negation "ma ...x" before the complaint; guard: the complaint stated
        ("M'għandhiex uġigħ fil-muskoli.", {"myalgia": False}),
        ("Għandu uġigħ fil-muskoli tal-koxox.", {"myalgia": True}),
        ("Mushaklarda og'riq yo'q.", {"myalgia": False}),
    ],
)
def test_signs(text: str, expected: dict[str, bool]) -> None:
    found = findings_of(text)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


def test_relative_cancer_is_not_the_patients() -> None:
    # guard: the mother's cancer ("onasi ... saratonidan vafot etgan") records no tumour
    assert not case_of("Oilaviy anamnez: onasi o'pka saratonidan vafot etgan.").tumours


def test_uzbek_breast_cancer() -> None:
    (t,) = case_of("Yondosh: O'ng sut bezi saratoni (invaziv duktal karsinoma), cT1 N0 M0.").tumours
    assert (t.site.value, t.histology.value, t.nodes.value, t.metastases.value) == (
        "breast",
        "adenocarcinoma",
        "N0",
        "M0",
    )


def test_uzbek_strength_grammar() -> None:
    found = findings_of(
        "Mushak kuchi: yelka kamari 3/5, chanoq-son kamari 4/5, distal mushaklar 5/5; "
        "bo'yin bukuvchilari 4/5, bo'yin yozuvchilari 5/5."
    )
    assert found["weakness_proximal_upper"] is True
    assert found["weakness_proximal_lower"] is True
    assert found["legs_proximal_weaker_than_distal"] is True
    assert found["neck_flexors_weaker_than_extensors"] is True


def test_strength_full_everywhere_maltese() -> None:
    found = findings_of("Qawwa tal-muskoli: 5/5 kullimkien.")
    assert found["weakness_proximal_upper"] is False
    assert found["weakness_proximal_lower"] is False


def test_uzbek_labs_with_norm_label_and_hour_unit() -> None:
    labs = {
        lab.code.value: lab
        for lab in case_of(
            "LDG 610 U/L (me'yor 120–240); SRO 30 mg/L (me'yor <5); EChT 44 mm/soat."
        ).labs
    }
    assert (labs["ldh"].value, labs["ldh"].lower_limit, labs["ldh"].upper_limit) == (610, 120, 240)
    assert (labs["crp"].value, labs["crp"].upper_limit) == (30, 5)
    assert (labs["esr"].value, labs["esr"].unit) == (44, "mm/h")


@pytest.mark.parametrize(
    ("text", "code", "result"),
    [
        (
            "Ko'krak qafasi, qorin bo'shlig'i va kichik chanoq KT (03.09.2026): uzoq metastazlar "
            "yo'q, limfa tugunlari kattalashmagan.",
            "ct_chest_abdomen_pelvis",
            "normal",
        ),
        ("Mammografiya (03.09.2026): chap sut bezida 15 mm hosila.", "mammography", "abnormal"),
        ("CT tal-addome u l-pelvi (03/09/2026): normali.", "ct_abdomen_pelvis", "normal"),
        (
            "HRCT tas-sider (03/09/2026): konsolidazzjonijiet fil-lobi t'isfel.",
            "ct_chest",
            "abnormal",
        ),
        # guard: a verb-final denial must be right after the lesion ("hosila ... yo'q" far away)
        (
            "Mammografiya (03.09.2026): 15 mm hosila, limfa tugunlari kattalashmagan.",
            "mammography",
            "abnormal",
        ),
    ],
)
def test_investigations(text: str, code: str, result: str) -> None:
    got = {i.code.value: i.result.value for i in case_of(text).investigations}
    assert got.get(code) == result, got


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("Ilha 3 xhur b'raxx fuq wiċċha.\nEżami (10/09/2026): raxx.", date(2026, 6, 10)),
        (
            "O'zini 4 oydan beri kasal deb hisoblaydi.\nKo'rik (10.09.2026): toshma.",
            date(2026, 5, 10),
        ),
    ],
)
def test_onset_as_duration(text: str, onset: date) -> None:
    assert case_of(text).onset_date == onset


def test_habit_duration_is_no_onset() -> None:
    # guard: "ilu 10 snin ipejjep" (has smoked for 10 years) dates no illness
    assert case_of("Ilu 10 snin ipejjep.\nEżami (10/09/2026): raxx.").onset_date is None


@pytest.mark.parametrize(
    ("text", "drug", "dose"),
    [
        ("Prednisolone 40 mg kuljum mill-ħalq.", "prednisolone", "40 mg kuljum"),
        ("Tacrolimus 1 mg darbtejn kuljum.", "tacrolimus", "1 mg darbtejn kuljum"),
        ("Prednizolon 50 mg/kun per os.", "prednisolone", "50 mg/kun"),
    ],
)
def test_doses(text: str, drug: str, dose: str) -> None:
    doses = {
        t.drug.value if hasattr(t.drug, "value") else t.drug: t.dose
        for t in case_of(text).treatments
    }
    assert doses.get(drug) == dose, doses


@pytest.mark.parametrize(
    ("text", "drug", "start", "stop"),
    [
        (
            "Eżami (01/09/2026).\nMetilprednisolone 500 mg IV kuljum mill-02/09/2026 "
            "sas-04/09/2026, imbagħad prednisolone 40 mg kuljum mis-05/09/2026.",
            "methylprednisolone",
            date(2026, 9, 2),
            date(2026, 9, 4),
        ),
        (
            "Eżami (01/09/2026).\nMetilprednisolone 500 mg IV kuljum mill-02/09/2026 "
            "sas-04/09/2026, imbagħad prednisolone 40 mg kuljum mis-05/09/2026.",
            "prednisolone",
            date(2026, 9, 5),
            None,
        ),
        (
            "Ko'rik (01.09.2026).\nMetilprednizolon 250 mg v/i, 02.09.2026 dan 04.09.2026 gacha.",
            "methylprednisolone",
            date(2026, 9, 2),
            date(2026, 9, 4),
        ),
        (
            "Eżami (01/09/2026).\nĊiklofosfamide 750 mg/m² IV fit-03/09/2026.",
            "cyclophosphamide",
            date(2026, 9, 3),
            None,
        ),
        # guard: a single Uzbek date with "dan" (from) and no "gacha" gives no stop
        (
            "Ko'rik (01.09.2026).\nPrednizolon 30 mg/kun per os, 02.09.2026 dan.",
            "prednisolone",
            date(2026, 9, 2),
            None,
        ),
    ],
)
def test_treatment_ranges(text: str, drug: str, start: date, stop: date | None) -> None:
    got = {str(getattr(t.drug, "value", t.drug)): t for t in case_of(text).treatments}
    t = got[drug]
    assert (t.start, t.stop) == (start, stop), (t.start, t.stop)
