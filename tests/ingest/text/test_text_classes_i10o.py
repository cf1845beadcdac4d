"""The patient's age and sex as case reports state them in other languages (issue #10,
i10-text15; the grammar is rules/patient.yaml). Each sentence is our own wording, one or more
per language and per shape of the grammar; the age, the sex and the age at onset are read off the
words by hand (a year of birth is read as 1 January, so on TODAY, 27 Nov 2026, someone born in
1963 is 63). Sentences that must give no age or no sex: a relative's age, a range's bound, a
duration, a dose, an ungendered or generic noun."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.ingest.text.helpers import read

if TYPE_CHECKING:
    from myositis_cds.ingest.text._patient_grammar import PatientGrammarFile


def _patient(note: str) -> tuple[int | None, str]:
    p = read(note).case.patient
    return p.age, p.sex.value


# ------------------------------------------------ an age and a sex, one shape of the grammar each
@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        # German: the adjective's -er ending, the noun, the article of a nominalised age
        ("Eine 47-jährige Patientin stellte sich mit Hautausschlag vor.", 47, "female"),
        ("Wir berichten über einen 64-jährigen Mann mit Dysphagie.", 64, "male"),
        ("Ein 9-jähriges Mädchen wurde vorgestellt.", 9, "female"),
        ("Ein 58-jähriger Patient klagte über Muskelschmerzen.", 58, "male"),
        ("Die 71-Jährige klagte über Muskelschwäche.", 71, "female"),
        ("Bei dem 66-Jährigen bestand ein Exanthem.", 66, "male"),
        ("Patientin, 58 Jahre, mit Erythem.", 58, "female"),
        # Polish: the adjective's gender, "chora" (the sick woman), "lat" before the number
        ("Opisano przypadek 52-letniej pacjentki z zapaleniem.", 52, "female"),
        ("44-letni mężczyzna zgłosił się z osłabieniem mięśni.", 44, "male"),
        ("Chora lat 63 przyjęta z powodu wysypki.", 63, "female"),
        ("7-letni chłopiec z wysypką.", 7, "male"),
        # Czech and Slovak (the suffix glued to the number, or after a hyphen)
        ("Popisujeme případ 45leté ženy s dermatomyozitidou.", 45, "female"),
        ("58letý muž byl přijat pro slabost.", 58, "male"),
        ("Pacientka ve věku 39 let byla vyšetřena.", 39, "female"),
        ("62-ročná pacientka bola prijatá.", 62, "female"),
        ("Ide o 70-ročného muža s dysfágiou.", 70, "male"),
        # a PDF copy that prints the l of a Czech suffix as the digit 1 ("29leté")
        ("Popisujeme případ 291eté ženy.", 29, "female"),
        # Hungarian (a compound noun with its suffix; "korában": at the age of)
        ("Egy 54 éves nőbeteg bőrtünetekkel jelentkezett.", 54, "female"),
        ("A 61 éves férfi izomgyengeséget panaszolt.", 61, "male"),
        ("A beteg 29 éves korában lett beteg.", 29, "unknown"),
        # Italian
        ("Una donna di 59 anni si è presentata con eritema.", 59, "female"),
        ("Descriviamo il caso di un uomo di 67 anni.", 67, "male"),
        ("Un 72enne giunse alla nostra attenzione.", 72, "male"),
        ("Paziente di sesso femminile di 41 anni con disfagia.", 41, "female"),
        # Spanish (the sex as an adjective after the age), Portuguese
        ("Mujer de 38 años con debilidad proximal.", 38, "female"),
        ("Varón de 70 años, fumador.", 70, "male"),
        ("Paciente de 44 años de edad, masculino, con disfagia.", 44, "male"),
        ("Niña de 8 años con pápulas de Gottron.", 8, "female"),
        ("Mulher de 57 anos com fraqueza muscular.", 57, "female"),
        ("Doente do sexo masculino, com 63 anos, com disfagia.", 63, "male"),
        # French, Romanian
        ("Patiente de 35 ans, sans antécédent.", 35, "female"),
        ("Garçon de 11 ans avec une faiblesse.", 11, "male"),
        ("Pacienta în vârstă de 60 de ani s-a prezentat cu eritem.", 60, "female"),
        ("Bărbat de 52 de ani cu slăbiciune musculară.", 52, "male"),
        # Dutch, Danish, Norwegian
        ("Man van 55 jaar met spierzwakte.", 55, "male"),
        ("Patiënte, 48 jaar oud, met dysfagie.", 48, "female"),
        ("Kvinde, 51 år, med muskelsvaghed.", 51, "female"),
        ("En 70-årig mand med dysfagi.", 70, "male"),
        ("Mann på 66 år med utslett.", 66, "male"),
        # Russian, Ukrainian, Serbian (Cyrillic); Croatian, Slovenian (Latin)
        ("Пациентка 56 лет поступила с сыпью.", 56, "female"),
        ("43-летний мужчина обратился с жалобами на слабость.", 43, "male"),
        ("Девочка 10 лет с папулами Готтрона.", 10, "female"),
        ("54-річна жінка звернулася зі скаргами.", 54, "female"),
        ("52-годишња пацијенткиња је примљена.", 52, "female"),
        ("Bolesnica u dobi od 46 godina primljena je zbog slabosti.", 46, "female"),
        ("Prikazujemo 59-godišnjeg muškarca s osipom.", 59, "male"),
        ("62-letna pacientka je bila sprejeta.", 62, "female"),
        # Turkish, Greek
        ("Kadın hasta, 49 yaşında, kas güçsüzlüğü ile başvurdu.", 49, "female"),
        ("Γυναίκα 53 ετών προσήλθε με εξάνθημα.", 53, "female"),
        ("45χρονος άνδρας με δυσφαγία.", 45, "male"),
        # Indonesian, Malay, Vietnamese
        ("Seorang wanita berusia 33 tahun datang dengan ruam.", 33, "female"),
        ("Pasien laki-laki usia 12 tahun dengan kelemahan otot.", 12, "male"),
        ("Seorang lelaki berumur 58 tahun mengadu lemah otot.", 58, "male"),
        ("Bệnh nhân nữ 55 tuổi vào viện vì yếu cơ.", 55, "female"),
        ("Bé trai 7 tuổi có ban đỏ.", 7, "male"),
        ("Bệnh nhân nam, 62 tuổi, nuốt khó.", 62, "male"),
        # a name's initials between the noun and the age; "N <unit> old <noun>"
        ("Больная К., 56 лет, поступила с жалобами на слабость.", 56, "female"),
        ("Chora M.K. (lat 45) z wysypką.", 45, "female"),
        ("Pacientka J. N., 37 let, byla přijata.", 37, "female"),
        ("Eine 53 Jahre alte Patientin mit Erythem.", 53, "female"),
        ("Een 62 jaar oude vrouw met uitslag.", 62, "female"),
        ("En 45 år gammal kvinna med utslag.", 45, "female"),
        ("Пациентка на 56 години с обрив.", 56, "female"),
        ("Чоловік 61 року звернувся до лікаря.", 61, "male"),
        # English: words between "y.o." and the noun
        ("A 68 y.o. previously healthy man with a rash.", 68, "male"),
    ],
)
def test_age_and_sex_in_the_words_of_another_language(note: str, age: int, sex: str) -> None:
    assert _patient(note) == (age, sex)


# ------------------------------------------------ a form's fields and a year of birth
@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        ("Geschlecht: weiblich\nAlter: 53\nBefund: Erythem.", 53, "female"),
        ("Giới tính: Nam\nTuổi: 48\nBan đỏ.", 48, "male"),
        ("Płeć: K\nWiek: 66 lat\nWysypka.", 66, "female"),
        ("Cinsiyet: Erkek\nYaş: 40\nDöküntü.", 40, "male"),
        # a year of birth: 1 January of that year, the age on 27 Nov 2026
        ("Bệnh nhân nữ, sinh năm 1963, nổi ban đỏ.", 63, "female"),
        ("Tuổi: 1963\nGiới tính: Nữ\nBan đỏ.", 63, "female"),
        ("Patient, Jahrgang 1950, mit Dysphagie.", 76, "unknown"),
        ("Pacjentka ur. 1971, z wysypką.", 55, "female"),
        # a title before a capitalised name gives the sex (the name is not read)
        ("Pani Kowalska, ur. 1960, zgłosiła się z wysypką.", 66, "female"),
        ("Ny. Sari, lahir tahun 1980, mengeluh lemah otot.", 46, "female"),
        ("Ông Trần, sinh năm 1949, yếu cơ.", 77, "male"),
    ],
)
def test_a_form_field_or_a_year_of_birth_gives_the_age_and_sex(
    note: str, age: int, sex: str
) -> None:
    assert _patient(note) == (age, sex)


# ------------------------------------------------ what is not the patient's age or sex
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a relative's age, the relative's noun in the match or just before the number
        ("Ihre 80-jährige Mutter hatte Brustkrebs. Die Patientin hat Dysphagie.", (None, "female")),
        ("Matka pacjentki, lat 70, zmarła na raka.", (None, "female")),
        ("Su madre de 72 años falleció de cáncer.", (None, "unknown")),
        ("Mẹ 70 tuổi, khỏe mạnh.", (None, "unknown")),
        # "bà ngoại" (grandmother): a relative, not the title "Bà" before a name
        ("Bà ngoại bị ung thư vú.", (None, "unknown")),
        # a unit or an English word is no title: "g/dL. CT", "Pan CT"
        ("Hb 8.9 g/dL. CT chest showed no ILD.", (None, "unknown")),
        ("Pan CT showed no tumour.", (None, "unknown")),
        # an epicene noun without an article, or with the generic definite masculine
        ("Paziente di 65 anni con disfagia.", (65, "unknown")),
        ("Il paziente di 70 anni riferiva disfagia.", (70, "unknown")),
        ("Patient (71 j.) mit Erythem.", (71, "unknown")),
        # "Patient" alone, as in a heading, names no sex
        ("Patient mit Dysphagie und Erythem.", (None, "unknown")),
        # a range's bound: patients in general
        ("Bei über 50-jährigen Patienten ist das Risiko erhöht.", (None, "unknown")),
        ("Bệnh nhân trên 50 tuổi có nguy cơ ung thư cao hơn.", (None, "unknown")),
        ("Bệnh thường gặp ở nữ giới 40-60 tuổi.", (None, "unknown")),
        ("La enfermedad afecta a mujeres de 40 años o más.", (None, "unknown")),
        # durations, doses and periods are no age
        ("Paciente con 2 años de evolución de debilidad.", (None, "unknown")),
        ("Prednison 50 mg täglich seit 2 Jahren.", (None, "unknown")),
        ("Metotreksat 15 mg przez 2 lata.", (None, "unknown")),
        ("Po 5letá remise nemoci.", (None, "unknown")),
        ("5 éves kezelés után javult.", (None, "unknown")),
        ("2 yıl önce başladı.", (None, "unknown")),
        # a form's range or date is no age
        ("Alter: 18-80 Jahre (Einschlusskriterium).", (None, "unknown")),
    ],
)
def test_no_age_or_sex_from_words_about_someone_else_or_not_an_age(
    note: str, expected: tuple[int | None, str]
) -> None:
    assert _patient(note) == expected


# ------------------------------------------------ an approximate age
@pytest.mark.parametrize(
    ("note", "approximate"),
    [
        ("Eine etwa 60-jährige Patientin mit Erythem.", True),
        ("Mujer de unos 60 años con debilidad.", True),
        ("Bệnh nhân nữ khoảng 60 tuổi.", True),
        ("Kobieta w wieku około 60 lat.", True),
        ("Eine 60-jährige Patientin mit Erythem.", False),
    ],
)
def test_a_word_for_about_before_the_number_makes_the_age_approximate(
    note: str, approximate: bool
) -> None:
    p = read(note).case.patient
    assert (p.age, p.age_approximate) == (60, approximate)


# ------------------------------------------------ the age at onset from these ages
@pytest.mark.parametrize(
    ("note", "onset_age"),
    [
        # no onset stated: the age in the note is the age at onset (a child's makes it juvenile)
        ("Ein 9-jähriges Mädchen mit Hautausschlag.", 9),
        ("Seorang anak perempuan berusia 6 tahun dengan ruam.", 6),
        ("Mujer de 50 años de edad con debilidad.", 50),
        ("Bệnh nhân nữ, sinh năm 1963, nổi ban đỏ.", 63),
        ("A beteg 36 éves korában bőrtünetekkel jelentkezett.", 36),
    ],
)
def test_the_age_at_onset_follows_from_the_stated_age(note: str, onset_age: int) -> None:
    assert read(note).case.onset_age == onset_age


# ------------------------------------------------ the grammar file itself
def _grammar_file() -> PatientGrammarFile:
    from myositis_cds.ingest.text._patient_grammar import PatientGrammarFile
    from myositis_cds.knowledge import load_packaged_yaml

    grammar: PatientGrammarFile = load_packaged_yaml(
        "myositis_cds.ingest.text", "rules/patient.yaml", PatientGrammarFile
    )
    return grammar


def test_no_word_of_the_grammar_names_both_sexes_or_matches_nothing() -> None:
    data = _grammar_file()
    pairs = (
        ("female", "male"),
        ("female_adjectives", "male_adjectives"),
        ("female_qualifiers", "male_qualifiers"),
        ("female_values", "male_values"),
        ("female_titles", "male_titles"),
    )
    for female, male in pairs:
        women = {f for words in data.languages.values() for f in getattr(words, female)}
        men = {f for words in data.languages.values() for f in getattr(words, male)}
        assert not women & men, (female, women & men)
    for lang, words in data.languages.items():
        for name, forms in words:
            for form in forms:
                # every form compiles and needs at least one character ("w?" would match anywhere)
                assert re.fullmatch(form.replace("{AGE}", "1"), "", re.I) is None, (lang, name)


def test_every_language_the_issue_names_has_its_age_and_sex_words() -> None:
    data = _grammar_file()
    for lang, words in data.languages.items():
        if lang in ("zh_ja_ko", "en"):  # their age patterns are in patterns.yaml
            continue
        assert words.female and words.male and words.units, lang
        assert words.relatives, lang  # so that a relative's age is never the patient's
