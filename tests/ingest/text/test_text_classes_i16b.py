"""issue #10 (i16b): a form's sex and age fields that were hidden or misread (a header run
into a criteria sentence, a name's initials read as the sex letter, an English age label that
says whose age and when), and the core vocabulary of Amharic and Nepali. Our own sentences;
the values are worked out by hand."""

from __future__ import annotations

from datetime import date

from .helpers import case_of, findings_of


def _sex(text: str) -> str:
    return str(case_of(text).patient.sex.value)


def _age(text: str) -> int | None:
    return case_of(text).patient.age


# --- a form's sex field in a header sentence that also names criteria


def test_a_sex_field_beside_a_diagnosis_with_its_criteria_is_the_patients() -> None:
    text = (
        "Registo: 0000   Sexo: M   Idade: 61 anos   Bairro: Central\n"
        "Diagnóstico: Dermatomiosite (definitiva, critérios EULAR/ACR) em doente com diabetes.\n"
        "Queixa: fraqueza das coxas há 2 meses."
    )
    assert _sex(text) == "male"
    assert _age(text) == 61


def test_a_textbook_criteria_sentence_still_states_nothing_about_the_patient() -> None:
    # guard: no field, no patient: the criteria list's sign is no finding of this patient
    text = "Os critérios de Bohan e Peter incluem o heliotropo e a fraqueza proximal."
    assert "heliotrope_rash" not in findings_of(text)


# --- initials after the patient's label are no sex letter


def test_the_patients_initials_are_not_read_as_the_sex() -> None:
    assert _sex("Pacient: F. R. T.     Historia: 0000\nSexe: home     Edat: 47 anys") == "male"
    assert _sex("Patient: M. K. L.     Hospital no: 0000") == "unknown"


def test_a_single_sex_letter_after_the_label_is_still_read() -> None:
    # guard: the letter with an age after it, or ending the line, is the sex
    assert _sex("Patient: M.  Age 44") == "male"
    assert _sex("Patient: F. Age: 39.") == "female"


# --- an English age field whose label says whose age and when


def test_an_age_label_naming_the_applicant_and_the_day_is_the_age() -> None:
    assert _age("Date of assessment: 03/10/2026      Age of applicant on assessment day: 49") == 49
    assert _age("Age on admission: 33\nSex: F") == 33
    assert _age("Current age: 71") == 71


def test_a_relatives_age_field_is_not_the_patients() -> None:
    assert _age("Age of mother: 68") is None


# --- Amharic and Nepali sex and age


def test_amharic_sex_and_age_fields_and_noun() -> None:
    assert _sex("ጾታ: ወንድ     ዕድሜ: 58 ዓመት") == "male"
    assert _age("ጾታ: ወንድ     ዕድሜ: 58 ዓመት") == 58
    assert _sex("የ41 ዓመት ሴት ታካሚ።") == "female"
    assert _age("የ41 ዓመት ሴት ታካሚ።") == 41


def test_amharic_relatives_age_is_not_the_patients() -> None:
    assert _age("አባቱ የ80 ዓመት ወንድ ነው።") is None


def test_nepali_combined_age_and_sex_field_and_glued_genitive() -> None:
    assert _sex("उमेर/लिङ्ग: ६३ वर्ष / पुरुष") == "male"
    assert _age("उमेर/लिङ्ग: ६३ वर्ष / पुरुष") == 63
    assert _sex("४४ वर्षकी महिला।") == "female"
    assert _age("४४ वर्षकी महिला।") == 44


def test_nepali_relatives_age_is_not_the_patients() -> None:
    assert _age("आमा ७५ वर्षकी महिला।") is None


# --- Amharic and Nepali findings, forms, cancers and results


def _tumour_sites(text: str) -> list[str]:
    return [str(t.site.value) for t in case_of(text).tumours]


def _antibodies(text: str) -> dict[str, str]:
    return {str(a.code.value): str(a.result.value) for a in case_of(text).antibodies}


def test_amharic_form_answers_yes_and_no() -> None:
    found = findings_of("- የመዋጥ ችግር: አለ\n- የ Raynaud ክስተት: የለም\n")
    assert found.get("dysphagia") is True
    assert found.get("raynaud") is False


def test_nepali_form_answer_no_and_the_absence_after_the_noun() -> None:
    assert findings_of("  निल्न गाह्रो: छैन\n").get("dysphagia") is False
    assert findings_of("बिरामीलाई निल्न गाह्रो छैन।").get("dysphagia") is False
    assert findings_of("बिरामीलाई निल्न गाह्रो हुन्छ।").get("dysphagia") is True


def test_amharic_and_nepali_cancers_and_a_relatives_cancer() -> None:
    assert _tumour_sites("የጉበት ካንሰር ተገኝቷል።") == ["liver"]
    assert _tumour_sites("पित्तथैलीको क्यान्सर पत्ता लाग्यो।") == ["gallbladder"]
    # guard: the mother's cancer is no tumour of the patient
    assert _tumour_sites("አባቱ የሳንባ ካንሰር ነበረበት።") == []
    assert _tumour_sites("बुबालाई फोक्सोको क्यान्सर थियो।") == []


def test_amharic_and_nepali_result_words() -> None:
    assert _antibodies("Anti-PL-7 ፖዚቲቭ።").get("PL7") == "positive"
    assert _antibodies("Anti-MDA5 नेगेटिभ।").get("MDA5") == "negative"


def test_nepali_hips_weaker_than_ankles() -> None:
    found = findings_of("मांसपेशीको बल: काँध ४/५, कम्मर ३/५, नाडी ५/५, गोलीगाँठा ५/५।")
    assert found.get("weakness_proximal_lower") is True
    assert found.get("legs_proximal_weaker_than_distal") is True
    # guard: hips as strong as the ankles say no proximal weakness of the legs
    even = findings_of("मांसपेशीको बल: कम्मर ५/५, गोलीगाँठा ५/५।")
    assert not even.get("weakness_proximal_lower")
    assert not even.get("legs_proximal_weaker_than_distal")


# --- the Ethiopian calendar, only where a date is marked as Ethiopian


def test_ethiopian_calendar_boundaries() -> None:
    import pytest

    from myositis_cds.ingest.text._time import ethiopian_to_gregorian as eth

    assert eth(2019, 1, 1) == date(2026, 9, 11)  # 1 Meskerem 2019
    assert eth(2018, 13, 5) == date(2026, 9, 10)  # the last day of a common year
    assert eth(2019, 13, 6) == date(2027, 9, 11)  # 2019 % 4 == 3: Pagume has 6 days
    assert eth(2020, 1, 1) == date(2027, 9, 12)  # so the next year opens a day later
    assert eth(2016, 1, 1) == date(2023, 9, 12)
    assert eth(2012, 4, 29) == date(2020, 1, 8)  # 29 Tahsas in the year after a leap Pagume
    with pytest.raises(ValueError):
        eth(2018, 13, 6)  # a common year has no 6 Pagume
    with pytest.raises(ValueError):
        eth(2019, 2, 31)  # a month has 30 days


def test_a_marked_ethiopian_date_is_converted_and_an_unmarked_one_is_not_read() -> None:
    from myositis_cds.ingest.text._rules import rules
    from myositis_cds.ingest.text._time import find_dates

    def days(text: str) -> list[date]:
        return [d.day for d in find_dates(text, rules())]

    assert days("ከሚያዝያ 3 ቀን 2018 ዓ.ም. ጀምሮ") == [date(2026, 4, 11)]
    assert days("15/03/2019 E.C.") == [date(2026, 11, 24)]
    # guard: no era mark, no date (never guessed as Ethiopian nor Gregorian)
    assert days("ሚያዝያ 3 ቀን") == []
    assert days("Pagume 6 of 2018 ዓ.ም.") == []
