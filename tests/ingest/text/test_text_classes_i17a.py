"""issue #10 (i17a): known misreadings and review items: a lab value grouped by a space after
any label form, a dosing interval read as a lab value, a language's negation word outside that
language, an age at onset used as the onset, and refactors whose output is unchanged. Our own
sentences; the values are worked out by hand."""

from __future__ import annotations

from datetime import date

from .helpers import case_of, findings_of


def _sex(text: str) -> str:
    return str(case_of(text).patient.sex.value)


# --- 5a: the Ethiopian months are read from the rules, every spelling of a month alike


def test_ethiopian_month_names_in_their_variant_spellings() -> None:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import find_dates

    def days(text: str) -> list[date]:
        return [d.day for d in find_dates(text, rules())]

    # Hidar 1 2019 E.C.: 60 days after 1 Meskerem 2019 (11 Sep 2026); three spellings of ኅ
    for hidar in ("ኅዳር", "ህዳር", "ሕዳር"):
        assert days(f"{hidar} 1 ቀን 2019 ዓ.ም.") == [date(2026, 11, 10)]
    # Hamle 1 2018 E.C.: 300 days after 1 Meskerem 2018 (11 Sep 2025); both spellings of ሐ
    for hamle in ("ሐምሌ", "ሃምሌ"):
        assert days(f"{hamle} 1 ቀን 2018 ዓ.ም.") == [date(2026, 7, 8)]
    # guard: the rules hold the thirteen months, the last Pagume
    assert rules().ethiopian_month_prefixes[-1] == ("ጳ", 13)


# --- 5c: the patient's initials after the label are no sex letter, whichever pattern reads it


def test_initials_after_an_english_patient_label_are_not_the_sex() -> None:
    assert _sex("Patient: F. J. K.\nReferred for weakness.") == "unknown"
    # guard: the letter alone, then another field, is the sex
    assert _sex("Patient: F\nReferred for weakness.") == "female"


# --- 1: thousands grouped by a space after any form of the lab's label, in any script


def _labs(text: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for lab in case_of(text).labs:
        out.setdefault(lab.code.value, []).append(lab.value)
    return out


def test_thousands_grouped_by_a_space_after_a_bracket_alias_colon_or_dash() -> None:
    # Mongolian units per litre (Н/л) and Polish (j/l) are count units like U/L
    assert _labs("Шинжилгээ:\n  КФК (CK)    4 615 Н/л   (26-192)\n")["ck"] == [4615.0]
    assert _labs("Шинжилгээ: КФК: 4 615 Н/л.\n")["ck"] == [4615.0]
    assert _labs("Шинжилгээ: КФК — 4 615 Н/л.\n")["ck"] == [4615.0]
    assert _labs("Badania: CK (kinaza kreatynowa) 7 042 j/l.\n")["ck"] == [7042.0]
    assert _labs("Badania: CK – 7 042 j/l.\n")["ck"] == [7042.0]
    # a narrow no-break space needs no unit; a no-break space before a count unit
    assert _labs("Labs: CK (CPK): 3\u202f905.\n")["ck"] == [3905.0]
    assert _labs("Шинжилгээ: КФК (CK) 3\u00a0905 Н/л.\n")["ck"] == [3905.0]


def test_a_space_between_two_numbers_that_are_not_one_value_is_not_joined() -> None:
    # guard: a bracket that names no lab may hold another thing: not joined, flagged
    assert _labs("Шинжилгээ: КФК (давтан) 4 615 Н/л.\n")["ck"] != [4615.0]
    # guard: a name's number and a level ("Ro 52 100 U/ml" style) in the Mongolian unit
    assert 52100.0 not in _labs("Шинжилгээ: Ro 52 100 Н/л.\n").get("ro52", [])


# --- 2: a number followed by a time unit or a frequency word is no lab value


def test_an_interval_after_a_lab_name_is_not_its_value() -> None:
    # "repeat CK and ALT every 3 weeks" in Kazakh, Russian, Turkish, Mongolian, English, German
    for text in (
        "Ұсыныс: КФК, АЛТ 3 аптада бір рет тексеру.",
        "Рекомендовано: КФК, АЛТ 3 недели спустя.",
        "Öneri: CK, ALT 3 hafta sonra kontrol.",
        "Зөвлөмж: КФК, АЛТ 3 сар тутам.",
        "Plan: recheck CK, ALT 3 weeks from now; CK 6-monthly thereafter.",
        "Procedere: CK, ALT 3 Wochen später.",
    ):
        assert _labs(text) == {}, text


def test_a_value_before_another_word_or_its_unit_is_still_read() -> None:
    # guard: a value followed by its unit, by the English article, or by a duration elsewhere
    assert _labs("Labs: ALT 3 U/L, CK 450 an increase.")["ck"] == [450.0]
    assert _labs("Labs: CK was 1200 two weeks ago.")["ck"] == [1200.0]
    assert _labs("Анализы: КФК 2 640 Ед/л через 2 недели после начала.")["ck"] == [2640.0]


# --- 3: a language's negation word only in a note written in that language


def test_welsh_ei_opening_a_sentence_is_his_or_her_not_a_finnish_no() -> None:
    # "His rash is clear on the eyelids", "Her weakness is worse"
    got = findings_of("Archwiliad: Mae'n 11 oed. Ei brech heliotrop yn amlwg ar yr amrannau.")
    assert got["heliotrope_rash"] is True
    got = findings_of("Mae hi'n 8 oed.\nEi gwendid procsimol yn waeth.")
    assert got["weakness_proximal_upper"] is True


def test_finnish_and_estonian_ei_still_deny_in_their_own_notes() -> None:
    # guard: the same "Ei" opening a clause in a Finnish note denies what follows
    assert findings_of("Lähete\nPotilas, 58 v. Ei heliotrooppia.")["heliotrope_rash"] is False
    # ... and before a Finnic verb anywhere, and in an Estonian note
    assert findings_of("Dysfagiaa ei todettu.")["dysphagia"] is False
    assert findings_of("Epikriis\nNahal: ei heliotroopset löövet.")["heliotrope_rash"] is False


# --- 4: a stated age at onset or at diagnosis is the case's onset age (no date made up)


def test_a_stated_age_at_onset_is_the_onset_age() -> None:
    case = case_of("Sex: M. Age: 57. Age at onset: 52.")
    assert (case.onset_age, case.onset_date, case.onset_estimated) == (52, None, False)
    case = case_of("Registration form. Male, 57. Age at first symptoms: 16 years.")
    assert (case.onset_age, case.onset_estimated) == (16, False)  # juvenile onset


def test_a_stated_age_at_diagnosis_is_the_onset_ages_estimate() -> None:
    case = case_of("A 31-year-old man with dermatomyositis diagnosed at the age of 24.")
    assert (case.onset_age, case.onset_date, case.onset_estimated) == (24, None, True)
    assert case_of("Varón de 57 años. Edad al diagnóstico: 50.").onset_age == 50
    assert case_of("Mann, 57 Jahre. Alter bei Erstdiagnose: 50.").onset_age == 50


def test_an_age_at_diagnosis_of_a_relative_or_a_cancer_is_not_the_onset() -> None:
    # guard: the father's cancer and the patient's own cancer leave the estimate from the age
    assert case_of("A 57-year-old man. Father: bowel cancer, diagnosed at 66.").onset_age == 57
    assert case_of("A 57-year-old man. Prostate cancer diagnosed at 55.").onset_age == 57
    # guard: an age above the stated age is no age at onset
    assert case_of("Sex: M. Age: 57. Age at onset: 75.").onset_age == 57
