"""Finnish as a supported language, and the Central European and Nordic wordings of translated
letters (issue #10, i10ab): the age and sex ("68-vuotias mies"), the Finnish and Nordic identity
numbers that open with the date of birth, a test's result words ("positiivinen"), the negation
"ei", the EULAR/ACR items and cancers in Finnish; the strength examination's movements in German,
Czech, Slovak, Polish, Hungarian, Slovenian, Croatian, Finnish and the Nordic languages (the two
comparisons of EULAR/ACR 2017 read from a graded list); a result after a bracket that holds a
spaced Central European date ("ANA (IIF, 13. 10.) pozitivní"); breast "invasive carcinoma of no
special type" (NST) as the ductal, glandular family. Every sentence is our own; each value is
worked out by hand (the MRC scale: a group graded below 5 on both sides is weak; a comparison
needs both of its groups graded)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    NECK,
    UPPER,
    antibody_results,
    findings_of,
    labs_above_uln,
    read,
    sex_and_age,
    strength_items,
)

# a title line first: a case's first line is its title, never the patient's own section
TITLE = "Epikriisi\n"


# --------------------------------------------------------------------------- Finnish age and sex
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (TITLE + "Esitiedot: 68-vuotias mies, ex-tupakoitsija.", ("male", 68)),
        (TITLE + "72-vuotiaalla naisella todettiin lihasheikkoutta.", ("female", 72)),
        (TITLE + "Tulosyy: 45-vuotiaan naisen lihasheikkous.", ("female", 45)),
        (TITLE + "Potilas on 9-vuotias tyttö.", ("female", 9)),
        # "at the age of 62" after the unit, without a noun
        (TITLE + "Lihasheikkous alkoi 62 vuoden iässä.", ("unknown", 62)),
    ],
)
def test_finnish_age_and_sex(note: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # the essive "at the age of 74" of a relative's illness, and a relative's age
        TITLE + "Isä: eturauhassyöpä 74-vuotiaana.",
        TITLE + "Äiti, 70-vuotias nainen, on terve.",
        TITLE + "Isä sairastui syöpään 74 vuoden iässä.",
    ],
)
def test_finnish_relative_age_is_not_the_patients(note: str) -> None:
    assert sex_and_age(note)[1] is None


def test_turkish_spouse_word_does_not_take_a_finnish_heading() -> None:
    # "eşi" (his/her spouse) once matched any word starting with "esi"
    assert sex_and_age(TITLE + "Esitiedot: 55-vuotias nainen.") == ("female", 55)


# --------------------------------------------------------------------------- identity numbers
@pytest.mark.parametrize(
    ("note", "born"),
    [
        # Finnish henkilötunnus: DDMMYY, the century sign, 3 digits and a check character
        (TITLE + "Potilas: HETU 120358-xxxx, mies", date(1958, 3, 12)),
        (TITLE + "Henkilötunnus: 010115A123B.", date(2015, 1, 1)),
        (TITLE + "HETU 050599Y1234.", date(1999, 5, 5)),  # Y: the 1900s (2023 signs)
        # Danish CPR and Norwegian fødselsnummer: the nearer century (52 -> 1952)
        (TITLE + "CPR-nr. 030452-1234, kvinde", date(1952, 4, 3)),
        (TITLE + "Fødselsnummer 03045212345", date(1952, 4, 3)),
    ],
)
def test_nordic_identity_number_gives_the_date_of_birth(note: str, born: date) -> None:
    assert read(note).case.patient.birth_date == born


def test_a_bare_number_of_that_shape_is_no_date_of_birth() -> None:
    assert read(TITLE + "Näyte 120358-1234 otettu.").case.patient.birth_date is None


# --------------------------------------------------------------------------- Finnish results
def test_finnish_result_words() -> None:
    note = TITLE + "S-MyosAb: Jo-1 positiivinen (+++) | Ro-52 positiivinen | PL-7 negatiivinen."
    assert antibody_results(note) == {"JO1": "positive", "RO52": "positive", "PL7": "negative"}


def test_finnish_negation_and_items() -> None:
    note = TITLE + "Status: Ei heliotrooppia, ei Gottronin papuloita. Nielemisvaikeutta."
    assert findings_of(note) == {
        "heliotrope_rash": False,
        "gottron_papules": False,
        "dysphagia": True,
    }


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # "ei" before the verb of a finding denied, mid-sentence
        (TITLE + "Potilaalla ei todettu dysfagiaa.", {"dysphagia": False}),
        # Romanian "ei" (her) after its noun negates nothing
        (
            "Raport\nStarea ei actuală: disfagie și eritem heliotrop.",
            {"dysphagia": True, "heliotrope_rash": True},
        ),
    ],
)
def test_finnish_ei_is_read_only_where_it_negates(note: str, expected: dict[str, bool]) -> None:
    assert findings_of(note) == expected


# --------------------------------------------------------------------------- graded lists
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Czech: neck 4 vs 5 (flexors weaker), hips 3 / knees 4 vs ankles 5
        (
            "Svalová síla (MRC): flexe šíje 4/5, extenze šíje 5/5; abdukce v ramenou 3+/5 bilat.; "
            "flexe v kyčlích 3/5 bilat.; dorzální flexe nohou 5/5.",
            {UPPER, LOWER, NECK, LEGS_PROX},
        ),
        # Czech, the extension named without its joint after the flexion ("extenze 5/5")
        ("Svalová síla: flexe šíje 3/5, extenze 5/5.", {NECK}),
        # Polish, both sides said in words
        (
            "Siła mięśniowa: zginacze szyi 3/5, prostowniki szyi 5/5, odwodzenie ramion 4/5 "
            "obustronnie, zginanie w stawach biodrowych 3/5, zgięcie grzbietowe stóp 5/5.",
            {UPPER, LOWER, NECK, LEGS_PROX},
        ),
        # Hungarian
        (
            "Izomerő: nyakhajlítás 4/5, nyaknyújtás 5/5, csípőhajlítás 3/5, "
            "lábfej dorsalflexió 5/5.",
            {LOWER, NECK, LEGS_PROX},
        ),
        # Slovenian and Croatian
        (
            "Mišična moč: fleksija v kolkih 4/5 obojestransko, dorzalna fleksija stopal 5/5.",
            {LOWER, LEGS_PROX},
        ),
        (
            "Snaga: fleksori vrata 3/5, ekstenzori vrata 5/5, abdukcija u ramenima 4/5 obostrano.",
            {UPPER, NECK},
        ),
        # Finnish, "on both sides" after each grade, the deltoid named in brackets
        (
            "Lihasvoimat (MRC): hartiat (deltoideus) 4/5 molemmin puolin, lonkankoukistajat 4/5 "
            "molemmin puolin, nilkan dorsifleksio 5/5, niskan koukistus 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        # Swedish and German
        (
            "Muskelstyrka: axelabduktion 4/5 bilateralt, höftflexion 3/5, dorsalflexion 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        (
            "Kraftgrade: Nackenbeuger 3/5, Nackenstrecker 5/5, Hüftbeuger 4/5 beidseits, "
            "Fußheber 5/5.",
            {LOWER, NECK, LEGS_PROX},
        ),
    ],
)
def test_graded_lists_in_the_letters_languages(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # full strength: no item, and the neck graded alike is not "flexors weaker"
        "Svalová síla: flexe šíje 5/5, extenze šíje 5/5, flexe v kyčlích 5/5, "
        "dorzální flexe nohou 5/5.",
        # legs weaker distally than proximally: not the item; the neck without its extensors
        "Lihasvoimat: lonkankoukistajat 4/5, nilkan dorsifleksio 3/5, niskan koukistus 4/5.",
    ],
)
def test_graded_lists_do_not_over_fire(note: str) -> None:
    found = findings_of(note)
    assert found.get(NECK) is not True
    assert found.get(LEGS_PROX) is not True


def test_a_month_shorthand_is_not_a_grade_but_a_word_after_it_is_read() -> None:
    # "4/5 mo" (months) is no grade; "molemmin" (both) begins with the same letters
    assert strength_items("Power: deltoids 4/5 molemmin puolin.") == {UPPER}


# --------------------------------------------------------------------------- spaced dates
@pytest.mark.parametrize(
    ("note", "code", "result"),
    [
        ("Imunologie: ANA (IIF HEp-2, 13. 10.) pozitivní 1:640, jemně zrnitý.", "ANA", "positive"),
        ("Anti-Jo-1 (immunoblot, 13. 10. 2026) negativní.", "JO1", "negative"),
        ("Immunologie: ANA (IFT, 3. 11.) positiv 1:320.", "ANA", "positive"),
    ],
)
def test_result_after_a_bracket_with_a_spaced_date(note: str, code: str, result: str) -> None:
    assert antibody_results(note).get(code) == result


def test_a_spaced_date_then_a_new_sentence_stays_two_sentences() -> None:
    # the date ends the first sentence; the denial of the second does not reach back
    note = "Vyšetřena 13. 10. 2026. Bez dysfagie. Heliotropní exantém."
    assert findings_of(note) == {"dysphagia": False, "heliotrope_rash": True}


# --------------------------------------------------------------------------- breast NST
@pytest.mark.parametrize(
    "note",
    [
        "Histologie: invazivní karcinom NST levého prsu, grade 2.",
        "Histopatologia: rak inwazyjny bez specjalnego typu piersi lewej.",
        "Histology: invasive breast carcinoma NST, grade 2, ER positive.",
        "Histologia: vasemman rinnan invasiivinen duktaalinen karsinooma.",
    ],
)
def test_breast_carcinoma_of_no_special_type_is_glandular(note: str) -> None:
    tumours = read(note).case.tumours
    assert [(t.site.value, t.histology.value) for t in tumours] == [("breast", "adenocarcinoma")]


def test_a_finnish_relatives_cancer_is_not_the_patients() -> None:
    note = TITLE + "Sukuanamneesi: isällä eturauhassyöpä. Ei omaa syöpähistoriaa."
    assert read(note).case.tumours == []


# --------------------------------------------------------------------------- Nordic print-outs
def test_finnish_lab_print_out_with_its_reference_label() -> None:
    note = (
        TITLE + "Laboratorio (näyte 3.11.2026):\n"
        "  P-CK ............ 2400 U/l     (viitealue < 200)      H\n"
        "  P-ASAT .......... 88 U/l       (< 45)                 H\n"
        "  P-ALAT .......... 30 U/l       (< 50)\n"
        "  P-LD ............ 412 U/l      (115 - 235)            H\n"
        "  B-La ............ 46 mm/h      (< 20)                 H\n"
    )
    assert labs_above_uln(note) == [
        ("alt", False),
        ("ast", True),
        ("ck", True),
        ("esr", True),
        ("ldh", True),
    ]


def test_swedish_reference_label() -> None:
    note = "Lab: P-ASAT 120 U/l (referensintervall < 45), B-SR 12 mm/h (referensintervall < 20)."
    assert labs_above_uln(note) == [("ast", True), ("esr", False)]


def test_an_indonesian_word_is_not_a_nordic_lab_name() -> None:
    # "alat" (a tool) is ALT only with its specimen prefix ("P-ALAT")
    assert labs_above_uln("Pasien memakai alat bantu napas 12 jam.") == []


# --------------------------------------------------------------------------- Nordic wording
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Epikris\nEn 62-årig kvinna med muskelsvaghet. Ingen dysfagi.", {"dysphagia": False}),
        # "but" after its comma ends the denial's scope
        (
            "Epikrise\nPasienten er en 58 år gammel mann uten dysfagi, men med heliotropt utslag.",
            {"dysphagia": False, "heliotrope_rash": True},
        ),
        ("Epikrise\n62-årig kvinde med dysfagien.", {"dysphagia": True}),
    ],
)
def test_nordic_dysphagia_and_but(note: str, expected: dict[str, bool]) -> None:
    assert findings_of(note) == expected


# --------------------------------------------------------------------------- stated comparisons
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Objektivně: flexory šíje slabší než extenzory.", {NECK}),
        ("Status: niskan koukistajat heikommat kuin ojentajat.", {NECK}),
        ("Nález: flexory krku slabšie ako extenzory.", {NECK}),
        ("Status: fleksori vrata slabiji od ekstenzora.", {NECK}),
        ("Objektivně: proximální svaly dolních končetin slabší než distální.", {LEGS_PROX}),
        ("Badanie: mięśnie proksymalne kończyn dolnych słabsze niż dystalne.", {LEGS_PROX}),
        ("Befund: Beine proximal schwächer als distal.", {LEGS_PROX}),
        ("Status: alaraajojen proksimaaliset lihakset heikommat kuin distaaliset.", {LEGS_PROX}),
        # not weaker: the verb's negation is another wording, and no comparison is read
        ("Objektivně: flexory šíje nejsou slabší než extenzory.", set()),
        ("Badanie: zginacze szyi nie są słabsze od prostowników.", set()),
    ],
)
def test_stated_comparisons_in_the_letters_languages(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# --------------------------------------------------------------------------- spaced dates' values
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # day first, the full stop an ordinal mark; the year given or the note's own (its dated
        # admission line)
        ("Laboratoř (12. 10. 2026): CK 3400 U/l (ref. 0-170).", date(2026, 10, 12)),
        ("Labor vom 3. 11. 2026: CK 3400 U/l (Norm < 170).", date(2026, 11, 3)),
        (
            "Datum přijetí: 12. 10. 2026\nLaboratoř (13. 10.): CK 3400 U/l (ref. 0-170).",
            date(2026, 10, 13),
        ),
    ],
)
def test_a_spaced_date_dates_the_result(note: str, expected: date) -> None:
    assert [lab.date for lab in read(note).case.labs] == [expected]
