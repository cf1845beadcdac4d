"""Numbers written in words in the languages of the age grammar (issue #10, i10z;
rules/numbers.yaml, ingest/text/_numbers.py): the patient's age ("cincuenta y ocho años",
"pedesetosmogodišnjeg", "achtundfünfzigjährige") and a duration in years ("desde hace tres
años") are written as digits and read by the age grammar. Every sentence is our own; each value
is worked out by hand from the language's numeral grammar (tens + unit, the unit first in German,
Dutch, Danish and Slovenian, French 70-99 as 60/80 + a teen)."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._numbers import number_word_rewrites, parse_number
from myositis_cds.pathway.classification import age_at_onset
from tests.ingest.text.helpers import TODAY, read, sex_and_age


# --------------------------------------------------------------------------- the age
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Spanish: tens "y" unit; 21-29 in one word (veinti + unit)
        ("Una mujer de cincuenta y ocho años consultó por debilidad.", ("female", 58)),
        ("Un hombre de veintiocho años con debilidad proximal.", ("male", 28)),
        ("Paciente de sesenta y cuatro años de edad, femenina, con eritema.", ("female", 64)),
        # Portuguese: tens "e" unit
        ("Um homem de cinquenta e oito anos com fraqueza muscular.", ("male", 58)),
        ("Mulher de setenta e três anos, fraqueza proximal.", ("female", 73)),
        # French: hyphens; 70-99 as 60/80 + teen; "et un"; Belgian septante
        ("Une femme de cinquante-huit ans présentait une faiblesse musculaire.", ("female", 58)),
        ("Un homme de soixante-dix-huit ans, faiblesse proximale.", ("male", 78)),
        ("Une femme âgée de quatre-vingt-cinq ans.", ("female", 85)),
        ("Un homme de soixante et onze ans.", ("male", 71)),
        ("Une femme de vingt et un ans.", ("female", 21)),
        ("Une femme de septante-deux ans.", ("female", 72)),
        # Italian: one word, the tens elided before otto; the adjective in -enne, glued
        ("Una donna di cinquantotto anni con debolezza.", ("female", 58)),
        ("Una cinquantottenne con debolezza muscolare.", ("female", 58)),
        ("Un sessantacinquenne con disfagia.", ("male", 65)),
        ("Una donna di trent'anni con debolezza.", ("female", 30)),
        # Romanian: tens "și" unit, "de ani"
        ("Pacienta în vârstă de cincizeci și opt de ani.", ("female", 58)),
        # German and Dutch: the unit first, und/en, the tens, glued to the adjective
        ("Eine achtundfünfzigjährige Patientin stellte sich vor.", ("female", 58)),
        ("Ein einundvierzigjähriger Patient mit Muskelschwäche.", ("male", 41)),
        ("Eine Achtundfünfzigjährige stellte sich mit Schwäche vor.", ("female", 58)),
        ("Eine dreiundsechzig Jahre alte Patientin.", ("female", 63)),
        ("Een achtenvijftigjarige vrouw met spierzwakte.", ("female", 58)),
        ("Een drieëntwintigjarige man met spierzwakte.", ("male", 23)),
        # Serbo-Croatian: the combining form glued (pedeset|osmo|godišnji), and spaced
        ("Prikazan je slučaj pedesetosmogodišnjeg muškarca.", ("male", 58)),
        ("Prikazujemo šezdesetdvogodišnju ženu s mišićnom slabošću.", ("female", 62)),
        ("Muškarac u dobi od pedeset osam godina.", ("male", 58)),
        # Slovenian: the unit first with "in"
        ("Oseminpetdesetletna ženska s šibkostjo.", ("female", 58)),
        # Polish: the combining form glued, and the genitive after "w wieku"
        ("Opisujemy przypadek pięćdziesięcioośmioletniej kobiety.", ("female", 58)),
        ("Czterdziestotrzyletni mężczyzna z osłabieniem mięśni.", ("male", 43)),
        ("Kobieta w wieku sześćdziesięciu pięciu lat.", ("female", 65)),
        # Czech: genitive = combining form, both orders (osm|a|padesát)
        ("Padesátiosmiletá žena se slabostí.", ("female", 58)),
        ("Osmapadesátiletý muž se slabostí.", ("male", 58)),
        ("Pacientka ve věku padesáti osmi let.", ("female", 58)),
        # Slovak
        ("Päťdesiatosemročná žena so slabosťou.", ("female", 58)),
        # Russian and Ukrainian: genitive = combining form; "сорока" (40)
        ("Описан случай пятидесятивосьмилетнего мужчины.", ("male", 58)),
        ("Сорокалетняя женщина со слабостью.", ("female", 40)),
        ("Женщина в возрасте шестидесяти трех лет.", ("female", 63)),
        ("П'ятдесятивосьмирічна жінка зі слабкістю.", ("female", 58)),
        # Turkish (the table once in facts/patient.py): tens then unit, spaced
        ("Kırk dokuz yaşındaki erkek hasta başvurdu.", ("male", 49)),
        ("Elli sekiz yaşında kadın hasta.", ("female", 58)),
        ("On bir yaşında kız çocuğu.", ("female", 11)),
        # Hungarian (tens + unit in one word), Greek, Swedish, Danish, Indonesian
        ("Ötvennyolc éves nő izomgyengeséggel.", ("female", 58)),
        ("Γυναίκα πενήντα οκτώ ετών με αδυναμία.", ("female", 58)),
        ("En femtioåttaårig kvinna med svaghet.", ("female", 58)),
        ("En otteoghalvtredsårig kvinde med svaghed.", ("female", 58)),
        ("Seorang wanita berusia lima puluh delapan tahun.", ("female", 58)),
    ],
)
def test_an_age_in_words_is_read_as_the_same_age_in_digits(
    note: str, expected: tuple[str, int]
) -> None:
    assert sex_and_age(note) == expected


# --------------------------------------------------------------------------- a duration
@pytest.mark.parametrize(
    ("note", "onset_age"),
    [
        # the age less the years of the complaint (same sentences as with digits, i10r)
        ("Mujer de 60 años. Desde hace tres años refiere debilidad.", 57),
        ("Eine 60-jährige Patientin mit Muskelschwäche seit zwei Jahren.", 58),
        ("Pacjentka lat 60, od trzech lat osłabienie mięśni.", 57),
        ("Une femme de 50 ans, faiblesse musculaire depuis quatre ans.", 46),
        ("50 yaşında kadın hasta, iki yıldır kas güçsüzlüğü şikayeti var.", 48),
        # both in words
        ("Mujer de sesenta años con debilidad proximal de dos años de evolución.", 58),
    ],
)
def test_a_duration_in_words_puts_the_onset_that_many_years_before(
    note: str, onset_age: int
) -> None:
    assert age_at_onset(read(note).case, TODAY)[0] == onset_age


# --------------------------------------------------------------------------- the guards
@pytest.mark.parametrize(
    "note",
    [
        # the article: "un año", "ein Jahr", "один год" stay as written
        "Mujer con debilidad desde hace un año.",
        "Seit einem Jahr Schwäche der Oberschenkel.",
        "Слабость в течение одного года.",
        # a range: the second number is a bound, not one patient's age
        "Pacientes entre cuarenta y sesenta años.",
        "Patienten zwischen vierzig bis sechzig Jahren.",
        "Chorzy w wieku od czterdziestu do sześćdziesięciu lat.",
        # two tens, two units: no number
        "Mujer de cuarenta sesenta años.",
        # an English note: its number words are read by the English rules alone
        "She had six sessions of physiotherapy and an MRI.",
    ],
)
def test_no_rewrite_where_no_single_number_stands_before_an_age_word(note: str) -> None:
    assert number_word_rewrites(note, note.lower()) == []


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a general statement about patients (a plural): the grammar's own guard still applies
        ("Dos pacientes de cincuenta años presentaron debilidad.", ("unknown", None)),
        # a relative's age
        ("Su madre de setenta años tuvo cáncer de mama.", ("unknown", None)),
        ("Ihre achtzigjährige Mutter hatte Brustkrebs.", ("unknown", None)),
    ],
)
def test_an_age_in_words_of_someone_else_is_not_the_patients(
    note: str, expected: tuple[str, int | None]
) -> None:
    assert sex_and_age(note) == expected


def test_the_rewrite_keeps_the_words_own_positions() -> None:
    note = "Una mujer de cincuenta y ocho años."
    ((start, end, digits),) = number_word_rewrites(note, note.lower())
    assert (note[start:end], digits) == ("cincuenta y ocho", "58")
    glued = "Pedesetosmogodišnji muškarac."
    ((start, end, digits),) = number_word_rewrites(glued, glued.lower())
    # a capitalised glued word keeps its capital on the age word ("58-Godišnji")
    assert (glued[start:end], digits) == ("Pedesetosmog", "58-G")


# --------------------------------------------------------------------------- composition
@pytest.mark.parametrize(
    ("words", "language", "value"),
    [
        ("cincuenta y ocho", "es", 58),
        ("veintidós", "es", 22),
        ("dieciséis", "es", 16),
        ("noventa y nueve", "es", 99),
        ("soixante-dix-neuf", "fr", 79),
        ("quatre-vingt-onze", "fr", 91),
        ("quatre-vingts", "fr", 80),
        ("ventotto", "it", 28),
        ("settantatré", "it", 73),
        ("neunundneunzig", "de", 99),
        ("zweiunddreißig", "de", 32),
        ("dreissig", "de", 30),
        ("vierenveertig", "nl", 44),
        ("osmdesát devět", "cs", 89),
        ("devětaosmdesát", "cs", 89),
        ("девяноста", "ru_uk_bg_sr_cyrillic", 90),
        ("dwadzieścia jeden", "pl", 21),
        ("piec", "pl", 5),  # a copy without diacritics
        ("yetmiş beş", "tr", 75),
        ("yetmis bes", "tr", 75),
        ("tizenkilenc", "hu", 19),
        ("huszonegy", "hu", 21),
    ],
)
def test_a_number_is_composed_by_its_languages_rule(words: str, language: str, value: int) -> None:
    assert parse_number(words, language) == value


@pytest.mark.parametrize(
    ("words", "language"),
    [
        ("cuarenta y sesenta", "es"),  # two tens
        ("ocho y cinco", "es"),  # two units
        ("ocho cincuenta", "es"),  # the unit first: not Spanish
        ("fünfzigundacht", "de"),  # the tens first: not German
        ("cinquante-dix", "fr"),  # a teen after 50: only 60 and 80 take one
        ("diez y ocho y", "es"),  # a connector at the end
    ],
)
def test_what_is_no_number_of_the_language_is_not_read(words: str, language: str) -> None:
    assert parse_number(words, language) is None


def test_the_age_fact_points_at_the_words_as_written() -> None:
    note = "Una mujer de cincuenta y ocho años consultó por debilidad."
    age = next(f for f in read(note).facts if f.type == "patient" and f.code == "age")
    assert (age.value["value"], age.evidence.text) == (58, "mujer de cincuenta y ocho años")
