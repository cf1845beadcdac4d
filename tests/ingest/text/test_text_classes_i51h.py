"""Issue #10, twenty-sixth session (branch i51h): Kurmanji Kurdish and Tatar, the two languages
of heldout49. Each expectation is worked out by hand on sentences written for this test (no
text from a note): the languages' demographic words, negation, results, months, signs and
labs, and the rule that a note in a language whose sex words are missing gives no sex rather
than one read from a homograph of an English pronoun."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=date(2026, 11, 20), today=TODAY).case


# --- sex: the English pronouns only in a note that writes English prose
# (rules/patterns.yaml english_prose); "her" is Kurmanji and Turkish "each, every"


@pytest.mark.parametrize(
    "text",
    [
        # Kurmanji: "both shoulders ... both hands", no sex word the rules know
        "Nexweş ji 2 mehan ve li her du milan êşê dibîne. Hêza her du destan kêm bûye.",
        # Turkish without its sex field: "every day ... both sides"
        "Hasta her gün yorgunluk tarifliyor. Kas gücü her iki tarafta 4/5.",
    ],
)
def test_an_each_word_spelt_her_gives_no_sex(text: str) -> None:
    assert _case(text).patient.sex.value == "unknown"


# --- the patient line (rules/patient.yaml `kmr`, `tt`)


@pytest.mark.parametrize(
    ("text", "sex", "age"),
    [
        ("Temen: 47 salî     Zayend: Mê\nNexweş hat muayenekirin.", "female", 47),
        ("Temen: 66 salî     Zayend: Mêr\nNexweş hat muayenekirin.", "male", 66),
        ("Jineke 52 salî bi lawaziya masûlkeyan hat.", "female", 52),
        ("Mêrekî 38 salî bi sorbûna çavan hat.", "male", 38),
        ("Яше: 58     Җенесе: ир-ат\nАвыру тикшерелде.", "male", 58),
        ("Яше: 44     Җенесе: хатын-кыз\nАвыру тикшерелде.", "female", 44),
        ("71 яшьлек хатын мускул хәлсезлеге белән мөрәҗәгать итте.", "female", 71),
    ],
)
def test_the_patient_line(text: str, sex: str, age: int) -> None:
    patient = _case(text).patient
    assert (patient.sex.value, patient.age) == (sex, age)


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("Dîroka jidayikbûnê: 14.02.1961\nZayend: Mê", date(1961, 2, 14)),
        ("Туган көне: 09.10.1958\nҖенесе: ир-ат", date(1958, 10, 9)),
    ],
)
def test_the_date_of_birth_field(text: str, born: date) -> None:
    assert _case(text).patient.birth_date == born


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Zayend: Mê\nNavnîşan: Dirbêsiyê, Hesekê\nNexweş hat muayenekirin.", "SY"),
        ("Җенесе: ир-ат\nЯшәү урыны: Казан шәһәре\nАвыру тикшерелде.", "RU"),
    ],
)
def test_the_address_field(text: str, region: str) -> None:
    assert _case(text).patient.region == region


# --- negation and results (rules/context.yaml, i51h block)


def _findings(text: str) -> dict[str, bool]:
    return {f.code.value: f.present for f in _case(text).findings}


def _antibodies(text: str) -> dict[str, str]:
    return {a.code.value: a.result.value for a in _case(text).antibodies}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Kurmanji "tune" / "tune ye" / "nîne" / "nehat dîtin" after what they deny
        ("Muayene 10.11.2026: heliotrope li ser qapaxên çavan tune.", "heliotrope_rash"),
        ("Muayene 10.11.2026: papulên Gottron tune ye.", "gottron_papules"),
        ("CT 10.11.2026: ILD nehat dîtin.", "interstitial_lung_disease"),
        # Tatar "юк" after what it denies
        ("Карау 10.11.2026: гелиотроп кызарыш юк.", "heliotrope_rash"),
        ("Карау 10.11.2026: Готтрон папулалары юк.", "gottron_papules"),
    ],
)
def test_a_denial_after_the_sign(text: str, code: str) -> None:
    assert _findings(text).get(code) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Antîbodî (10.11.2026): anti-Jo-1 neyînî ye; anti-Mi-2 erênî.",
            {"JO1": "negative", "MI2": "positive"},
        ),
        (
            "Panela mîyozîtê (10.11.2026): hemû neyînî - Jo-1, PL-7, SRP.",
            {"JO1": "negative", "PL7": "negative", "SRP": "negative"},
        ),
        (
            "Антитәнәләр (10.11.2026): анти-PL-12 - уңай; анти-Jo-1, анти-MDA5 - тискәре.",
            {"PL12": "positive", "JO1": "negative", "MDA5": "negative"},
        ),
    ],
)
def test_the_result_words(text: str, expected: dict[str, str]) -> None:
    assert _antibodies(text) == expected


# --- the signs and symptoms (rules/languages.yaml, inference.yaml: the i51h runs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Muayene 10.11.2026: lawaziya masûlkeyên milan û ranan heye.",
            {"weakness_proximal_upper": True, "weakness_proximal_lower": True},
        ),
        ("Muayene 10.11.2026: zehmetiya daqurtandinê heye.", {"dysphagia": True}),
        ("Muayene 10.11.2026: di 3 mehan de 5 kg giranî winda kiriye.", {"weight_loss": True}),
        ("Muayene 10.11.2026: papulên Gottron li ser movikan.", {"gottron_papules": True}),
        (
            "Muayene 10.11.2026: nîşana V li ser sîngê; kalsînoz tune.",
            {"v_sign": True, "calcinosis": False},
        ),
        ("Muayene 10.11.2026: birînên çerm tune.", {"cutaneous_ulceration": False}),
        ("Muayene 10.11.2026: destên mekanîkî hene.", {"mechanics_hands": True}),
        (
            "Карау 10.11.2026: җилкә һәм бот мускулларында хәлсезлек.",
            {"weakness_proximal_upper": True, "weakness_proximal_lower": True},
        ),
        ("Карау 10.11.2026: йоту кыенлыгы юк.", {"dysphagia": False}),
        ("Карау 10.11.2026: тире җәрәхәтләре юк.", {"cutaneous_ulceration": False}),
        ("Карау 10.11.2026: бармакларда «механик куллары».", {"mechanics_hands": True}),
        ("Карау 10.11.2026: соңгы айда ябыккан.", {"weight_loss": True}),
    ],
)
def test_the_signs_and_symptoms(text: str, expected: dict[str, bool]) -> None:
    assert _findings(text) == expected


# --- months and durations (rules/patterns.yaml month_names `tt`, `kmr` and the year phrases;
# rules/patient.yaml `kmr`, `tt` durations)


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        # Kurmanji: the month with the ezafe before the year's oblique ending
        (
            "Muayene 20.11.2026. Ji destpêka Gulana 2026an ve"
            " lawaziya masûlkeyên milan û ranan heye.",
            date(2026, 5, 1),
        ),
        # Kurmanji: "berî N mehan", N months ago, before a complaint
        (
            "Muayene 20.11.2026. Nexweşî berî 4 mehan bi sorbûna çavan dest pê kir.",
            date(2026, 7, 20),
        ),
        # Tatar: the year's genitive before the month's possessive ablative
        (
            "Карау көне: 20.11.2026. 2026 елның апреленнән җилкә һәм бот мускулларында хәлсезлек.",
            date(2026, 4, 1),
        ),
        (
            "Карау көне: 20.11.2026. 2026 елның гыйнварыннан"
            " җилкә һәм бот мускулларында хәлсезлек.",
            date(2026, 1, 1),
        ),
    ],
)
def test_the_onset_in_months(text: str, onset: date) -> None:
    assert _case(text).onset_date == onset


# --- the strength rows (rules/strength.yaml, the i51h runs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hêza masûlkeyan (MRC) 12.11.2026:\n"
            "  milan ........ 4/5\n"
            "  ranan ........ 3/5\n"
            "  masûlkeyên dûr ........ 5/5\n"
            "  xwarkirina stû 3/5; rastkirina stû 5/5\n"
            "  girtina destan ........ 5/5\n",
            {
                "weakness_proximal_upper": True,
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": True,
                "finger_flexor_weakness": False,
            },
        ),
        (
            "Мускул көче (MRC) 12.11.2026:\n"
            "  - иңбашны читкә алу - 3/5;\n"
            "  - янбашны бөгү - 4/5;\n"
            "  - дисталь мускуллар - 5/5;\n"
            "  - муенны бөгүчеләр - 3/5; муенны турайтучылар - 5/5;\n"
            "  - кул кысу көче - 5/5.\n",
            {
                "weakness_proximal_upper": True,
                "weakness_proximal_lower": True,
                "legs_proximal_weaker_than_distal": True,
                "neck_flexors_weaker_than_extensors": True,
                "finger_flexor_weakness": False,
            },
        ),
    ],
)
def test_the_strength_rows(text: str, expected: dict[str, bool]) -> None:
    assert _findings(text) == expected


# --- the labs: Kurmanji's range label "asayî" and the hour of the sedimentation rate
# (rules/patterns.yaml)


def _labs(text: str) -> dict[str, tuple[float, str | None, float | None]]:
    return {lab.code.value: (lab.value, lab.unit, lab.upper_limit) for lab in _case(text).labs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Encamên laboratuwarê (12.11.2026):\n  LDH ........ 610 U/L (asayî: 135-225)\n",
            {"ldh": (610.0, "U/L", 225.0)},
        ),
    ],
)
def test_the_labs(text: str, expected: dict[str, tuple[float, str | None, float | None]]) -> None:
    assert _labs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Encamên laboratuwarê (12.11.2026):\n  ESR ........ 42 mm/saet\n",
        "Кан анализы (12.11.2026):\n  СОЭ - 31 мм/сәг\n",
    ],
)
def test_the_sedimentation_rate_per_hour_is_its_unit(text: str) -> None:
    result = extract_case(text, anchor=date(2026, 11, 20), today=TODAY)
    assert [(lab.code.value, lab.unit) for lab in result.case.labs] == [("esr", "mm/h")]
    assert not [w for w in result.warnings if "no unit stated" in w]


# --- how often a dose is given (rules/patterns.yaml DOSE_PERIOD_I51H)


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Derman: Prednisolone 30 mg rojê carekê, bi devê, ji 09.11.2026 ve.", "30 mg rojê carekê"),
        ("Derman: Methotrexate 15 mg hefteyê carekê, ji 09.11.2026 ve.", "15 mg hefteyê carekê"),
        (
            "Дәвалау: Преднизолон 20 мг көненә ике тапкыр - 09.11.2026 көннән.",
            "20 мг көненә ике тапкыр",
        ),
        (
            "Дәвалау: Метотрексат 15 мг атнасына бер тапкыр - 09.11.2026 көннән.",
            "15 мг атнасына бер тапкыр",
        ),
    ],
)
def test_the_dose_with_how_often(text: str, dose: str) -> None:
    assert [t.dose for t in _case(text).treatments] == [dose]


# --- Kurmanji's "tune" and "nîne" (there is not) only in a note with a Kurmanji word (rules/
# context.yaml language_words `kmr`): in English they are "a tune" and the number nine


def test_an_english_nine_denies_nothing() -> None:
    text = "HRCT 05/11/2026: interstitial lung disease in nine segments, NSIP pattern."
    assert _findings(text) == {"interstitial_lung_disease": True}


def test_a_kurmanji_tune_denies_in_a_kurmanji_note() -> None:
    text = "Muayeneya nexweş 10.11.2026: kalsînoz tune."
    assert _findings(text) == {"calcinosis": False}
