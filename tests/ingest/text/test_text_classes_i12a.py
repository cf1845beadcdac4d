"""The Baltic and South Slavic languages in the classes of issue #10, round 12 (i12a). Every
sentence is our own, written in Latvian, Lithuanian, Serbian (both scripts), Croatian,
Slovene, Bulgarian and Macedonian; each expected value is worked out by hand from the words:

- a patient's header with a de-identified name ("J*** P***", "Г*** Д***") or a masked identity
  number ("ЕГН **********") before the sex word still gives the sex, and the abbreviated year
  after the age ("67 m.", "59 г.", "61 god.") the age;
- Lithuanian's own result words teigiam-/neigiam- are a test's positive/negative result, in
  every gender and number, never "teigiama dinamika" (an improving course);
- a form field answered no in these languages ("Дисфагија: не.", "Disfagija: nema.") and a
  sign denied by a verb of finding ("проксимална слабост се не налази") is absent, never
  present;
- the signs in the South Slavic Cyrillic script ("хелиотроп", "Готронове папуле") and the Baltic
  "sign" nouns ("Gottrono požymis", "Gotrona pazīme") name the patient's sign, but not in a
  general statement of the disease's signs;
- a grade in points ("4 balai", "4 balles") beside its muscle is a grade, a scale's name ("5
  balų skalė") is none; the movers alone after the neck's ("tiesiamieji", "atliecēji",
  "разгъвачи", "ekstensori") take the neck;
- the Latvian and Lithuanian organ names give the cancer's site, a serous carcinoma is
  glandular, and a relative's or a denied cancer is not the patient's.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of, sex_and_age, tumour_sites

WOMAN = "Woman, 60 years old, heliotrope rash of both eyelids.\n"
UPPER, LOWER = "weakness_proximal_upper", "weakness_proximal_lower"


# ------------------------------------------------------------ sex and age in a masked header
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Pacientas: J*** P***, vyras, 67 m.   Gyv. vieta: Kaunas", ("male", 67)),
        ("Pacientė: R*** K***, moteris, 54 m.", ("female", 54)),
        ("Pacients: A*** B***, sieviete, 48 g.", ("female", 48)),
        ("Пациент: Г*** Д*** С***, ЕГН **********, мъж, 59 г.", ("male", 59)),
        ("Пациент: Иван Петров, мъж, 71 г.", ("male", 71)),
        ("Pacijent: M*** H***, muškarac, 61 god.", ("male", 61)),
        ("Pacijent: Marko Horvat, muškarac, 45 g.", ("male", 45)),
    ],
)
def test_a_masked_name_or_number_before_the_sex_word_keeps_the_sex_and_age(
    header: str, expected: tuple[str, int]
) -> None:
    assert sex_and_age(header + "\nDermatomyositis.\n") == expected


def test_a_relatives_masked_header_is_not_the_patients_sex() -> None:
    # no patient's label: a mother's line says nothing of the patient
    assert sex_and_age("Motina: J*** P***, moteris, 70 m.\nDermatomyositis.\n")[0] == "unknown"


def test_a_year_abbreviation_after_a_date_is_no_age() -> None:
    # "2026 m." (Lithuanian) and "2026 г." (Bulgarian) are years of the calendar, four digits
    assert sex_and_age("Pacientas: vyras. Ligos pradžia 2026 m. liepa.\n")[1] is None
    assert sex_and_age("Пациент: мъж. Постъпил на 15.09.2026 г.\n")[1] is None


# ------------------------------------------------------------ Lithuanian result words
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Imunoblotas: anti-NXP2 TEIGIAMAS (++); anti-TIF1γ, anti-Mi-2, anti-SRP – NEIGIAMI.",
            {"NXP2": "positive", "TIF1G": "negative", "MI2": "negative", "SRP": "negative"},
        ),
        ("Anti-Jo-1 neigiamas.", {"JO1": "negative"}),
        ("Anti-Jo-1: neigiamas", {"JO1": "negative"}),
        ("Anti-Mi-2 antikūnai teigiami.", {"MI2": "positive"}),
        ("anti-SAE1 – neigiama, anti-MDA5 – teigiama", {"SAE1": "negative", "MDA5": "positive"}),
    ],
)
def test_lithuanian_result_words_give_the_result(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


def test_an_improving_course_is_no_positive_result() -> None:
    # "teigiama dinamika" is the course, after a test named without its result
    assert antibody_results(
        WOMAN + "Tirti anti-Jo-1 antikūnai. Būklė gerėja, teigiama dinamika."
    ) != {"JO1": "positive"}


# ------------------------------------------------------------ a sign answered or found not
@pytest.mark.parametrize(
    "line",
    [
        "Дисфагија: не.",
        "Дисфагия: няма.",
        "Disfagija: nema.",
        "Disfāgija: nav.",
        "Disfagija: nėra.",
        "Disfagija: ni.",
    ],
)
def test_a_form_field_answered_no_is_absent(line: str) -> None:
    assert findings_of(WOMAN + line).get("dysphagia") is False


def test_a_field_answered_yes_stays_present() -> None:
    assert findings_of(WOMAN + "Disfagija: da. Raynaud: ne.").get("dysphagia") is True


@pytest.mark.parametrize(
    "line",
    [
        "Мишићна снага 5/5 у свим групама, проксимална слабост се не налази.",
        "Не налази се проксимална слабост мишића.",
        "Mišićna snaga 5/5, proksimalna slabost se ne nalazi.",
        "Proksimalna slabost mišića nije nađena.",
        "Проксимална мускулна слабост не се наблюдава.",
    ],
)
def test_proximal_weakness_found_not_is_not_present(line: str) -> None:
    found = findings_of(WOMAN + line)
    assert found.get(UPPER) is not True
    assert found.get(LOWER) is not True


def test_a_denial_of_one_sign_leaves_the_next_sentence_alone() -> None:
    found = findings_of(WOMAN + "Дисфагија се не налази. Проксимална слабост руку и ногу, 3/5.")
    assert found.get("dysphagia") is False
    assert found.get(UPPER) is True


# ------------------------------------------------------------ the signs, in their scripts
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Љубичаста еритема горњих капака (хелиотроп).", "heliotrope_rash"),
        ("Хелиотропен обрив периорбитално.", "heliotrope_rash"),
        ("Periorbitalno: хелиотропният еритем с оток.", "heliotrope_rash"),
        ("Готронове папуле над MCP зглобовима обострано.", "gottron_papules"),
        ("Над PIP ставите Готронови папули.", "gottron_papules"),
        ("Eritema ant alkūnių ir kelių (Gottrono požymis).", "gottron_sign"),
        ("Gotrona pazīme uz elkoņiem.", "gottron_sign"),
        ("Готронов белег над лактите.", "gottron_sign"),
    ],
)
def test_the_sign_is_read_in_its_language(line: str, code: str) -> None:
    assert (
        findings_of(WOMAN.replace("heliotrope rash of both eyelids", "fatigue") + line).get(code)
        is True
    )


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Хелиотроп не се наблюдава.", "heliotrope_rash"),
        ("Gottrono požymio nėra.", "gottron_sign"),
        ("Готронове папуле се не налазе.", "gottron_papules"),
    ],
)
def test_the_sign_denied_is_absent(line: str, code: str) -> None:
    assert (
        findings_of(WOMAN.replace("heliotrope rash of both eyelids", "fatigue") + line).get(code)
        is False
    )


def test_a_general_statement_of_the_signs_is_not_the_patients() -> None:
    found = findings_of(
        "Мъж, 59 г.\n"
        "Кожните промени при дерматомиозит включват хелиотропен обрив и Готронови папули."
    )
    assert found.get("heliotrope_rash") is not True
    assert found.get("gottron_papules") is not True


# ------------------------------------------------------------ grades in points, neck movers
NECK = "neck_flexors_weaker_than_extensors"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kaklo lenkiamieji 4 balai, tiesiamieji 5 balai.", True),
        ("Kaklo lenkiamieji 5 balai, tiesiamieji 5 balai.", False),
        ("Kakla saliecēji 4/5, atliecēji 5/5.", True),
        ("Kakla fleksori 3/5, ekstensori 5/5.", True),
        ("Kakla saliecēji 4 balles, kakla atliecēji 5 balles.", True),
        ("Сгъвачи на шията 4/5, разгъвачи 5/5.", True),
        ("Флексори врата 4/5, екстензори врата 5/5.", True),
    ],
)
def test_neck_flexors_against_extensors(line: str, expected: bool) -> None:
    assert findings_of(WOMAN + line).get(NECK) is expected


def test_a_grade_in_points_with_the_limb_and_the_adverb() -> None:
    found = findings_of(WOMAN + "Raumenų jėga: proksimaliai kojose 4 balai, distaliai 5 balai.")
    assert found.get(LOWER) is True
    assert found.get("legs_proximal_weaker_than_distal") is True


def test_a_scale_named_in_points_is_no_grade() -> None:
    # "5 balų skalė" (a five-point scale) names the scale, not a muscle's grade
    found = findings_of(WOMAN + "Raumenų jėga vertinta 5 balų skalėje.")
    assert not (found.keys() & {UPPER, LOWER, NECK})


# ------------------------------------------------------------ cancers: sites, histology, family
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Blakusdiagnoze: labās olnīcas augstas pakāpes serozā karcinoma.",
            [("ovary", "adenocarcinoma")],
        ),
        ("Kiaušidžių serozinė karcinoma, 2026 m.", [("ovary", "adenocarcinoma")]),
        ("Plaučių adenokarcinoma, cT2 N0 M0.", [("lung", "adenocarcinoma")]),
        ("Skrandžio antrumo adenokarcinoma (G2).", [("stomach", "adenocarcinoma")]),
        ("Kuņģa adenokarcinoma.", [("stomach", "adenocarcinoma")]),
        ("Аденокарцином на десен долен бял дроб, cT1c N2 M0.", [("lung", "adenocarcinoma")]),
        ("Serozni karcinom jajnika.", [("ovary", "adenocarcinoma")]),
    ],
)
def test_the_cancer_is_read_with_its_site_and_histology(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert tumour_sites(WOMAN + line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Mātei bija krūts vēzis.",
        "Šeimos anamnezė: tėvui skrandžio vėžys.",
        "Motinos kiaušidžių vėžys.",
        "Фамилна анамнеза: майката с рак на гърдата.",
        "Krūts vēzis nav konstatēts.",
    ],
)
def test_a_relatives_or_a_denied_cancer_is_not_the_patients(line: str) -> None:
    assert tumour_sites(WOMAN + line) == []


def test_the_heliotrope_oedema_alone_is_not_the_rash() -> None:
    # "Хелиотропни отоци" names the swelling under the eyes, not the item's rash
    found = findings_of("Мъж, 59 г.\nХелиотропни отоци под очите.")
    assert found.get("heliotrope_rash") is not True


def test_a_receptor_status_in_lithuanian_is_no_antibody_result() -> None:
    # "HER2 neigiamas" is the tumour's status: the antibody before it keeps its own result
    line = "Anti-Mi-2 teigiamas; skrandžio biopsija – adenokarcinoma, HER2 neigiamas."
    assert antibody_results(WOMAN + line) == {"MI2": "positive"}
