"""Findings precision as classes (issue #10, i10ay). Every sentence is our own; each expected
value is worked out by hand from the sentence.

- a denial heading a list: the verb "denies" in the other languages reaches the end of its
  clause, like English "denies"; "no" / "sin" / "pas de" / "kein" heading a comma list that
  ends in "or" / "ni" / "oder" covers the whole list;
- a form's ticked answer with a comment after it ('[ ] Yes  [x] No  "eating fine"');
- the items under a heading of safety-net advice ("Come back right away if", "Warning signs:")
  are conditions, not findings (not assessed);
- guards: a present finding after the list, after "but", a ticked "Yes", a heading that is no
  safety net, Polish "nie" (not), French "ni" alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import findings_of

HEAD = "Clinic letter, 10/11/2026.\n"
DYS = "dysphagia"


# --------------------------------------------------------------------------- denial over a list
@pytest.mark.parametrize(
    "sentence",
    [
        # English "no" heading a list of eight symptoms, dysphagia the sixth (past 8 tokens)
        "She had no fever, arthralgia or arthritis, cough, dyspnea, rash, difficulty with "
        "swallowing, paresthesias, abdominal pain, or other symptoms.",
        # French "nié" after its auxiliary, dysphagie the sixth item
        "Elle a nié toute fièvre, frissons, perte de poids, anorexie, douleurs articulaires, "
        "dysphagie, phénomène de Raynaud et intolérance au froid.",
        # French "nie" after its subject
        "Elle nie fièvre, frissons, amaigrissement, arthralgies, toux, dysphagie et dyspnée.",
        # Italian present and imperfect
        "Nega disfagia.",
        "Negava febbre, brividi, calo ponderale, artralgie, tosse, disfagia e dispnea.",
        # Portuguese past
        "Negou febre, calafrios, perda de peso, artralgias, tosse, disfagia e dispneia.",
        # Spanish: the verb, and "sin" heading a list that ends in "ni"
        "Niega fiebre, escalofríos, pérdida de peso, artralgias, tos, disfagia y disnea.",
        "Acude sin fiebre, escalofríos, pérdida de peso, artralgias, tos ni disfagia.",
        # German "verneint" before the list
        "Sie verneint Fieber, Schüttelfrost, Gewichtsverlust, Arthralgien, Husten, Dysphagie.",
        # Russian "отрицает"
        "Отрицает лихорадку, озноб, похудание, боли в суставах, кашель, дисфагию.",
    ],
)
def test_a_denial_reaches_the_whole_list(sentence: str) -> None:
    assert findings_of(HEAD + sentence + "\n").get(DYS) is False


@pytest.mark.parametrize(
    "sentence",
    [
        # the list ends; the next clause after "but" states dysphagia
        "She had no fever, arthralgia, cough or rash, but she has dysphagia to solids.",
        # a list without "no": dysphagia stated among the complaints
        "She reports fever, arthralgia, cough, rash, and dysphagia to solids.",
        # Polish "nie" is "not" (a verb follows), not French "nie" (denies)
        "Pacjentka zgłasza dysfagię, nie ma gorączki.",
    ],
)
def test_a_list_denial_does_not_over_fire(sentence: str) -> None:
    assert findings_of(HEAD + sentence + "\n").get(DYS) is True


# ----------------------------------------------------------------- ticked answer + comment
@pytest.mark.parametrize(
    "line",
    [
        'B5 Swallowing difficulty?                     [ ] Yes  [x] No  "eating fine"',
        "Q7 Difficulty swallowing?   [ ] Yes   [X] No   (eats a normal diet)",
        "Dysphagia:  [ ] yes  [x] no  - reviewed with speech therapy",
    ],
)
def test_a_ticked_no_with_a_comment_after_it_is_a_no(line: str) -> None:
    assert findings_of(HEAD + line + "\n").get(DYS) is False


def test_a_ticked_yes_with_a_comment_is_a_yes() -> None:
    line = 'B5 Swallowing difficulty?     [x] Yes  [ ] No  "food sticks, since May"'
    assert findings_of(HEAD + line + "\n").get(DYS) is True


# --------------------------------------------------------------------------- safety-net advice
@pytest.mark.parametrize(
    "advice",
    [
        "COME BACK TO THE EMERGENCY DEPARTMENT RIGHT AWAY IF\n"
        "  - you cannot swallow, you choke on food or drink\n"
        "  - you are short of breath\n",
        "Call your doctor if you have any of the following:\n"
        "  - trouble swallowing\n  - a new rash on the eyelids\n",
        "Warning signs:\n  - difficulty swallowing\n  - fever over 38 C\n",
        "Consultez en urgence si :\n  - difficulté à avaler\n  - fièvre\n",
        "Acuda a urgencias si:\n  - dificultad para tragar\n  - fiebre\n",
    ],
)
def test_the_items_of_safety_net_advice_are_not_findings(advice: str) -> None:
    note = HEAD + "Seen today for a flare; heliotrope rash noted.\n\n" + advice
    assert DYS not in findings_of(note)  # not assessed: neither present nor absent


def test_a_list_after_an_ordinary_heading_is_read() -> None:
    note = HEAD + "Symptoms:\n  - difficulty swallowing\n  - fever over 38 C\n"
    assert findings_of(note).get(DYS) is True


def test_the_list_under_the_advice_ends_at_the_next_paragraph() -> None:
    note = (
        HEAD
        + "Return to the ED if:\n  - you cannot swallow\n\n"
        + "Review next week: she now has difficulty swallowing solids.\n"
    )
    assert findings_of(note).get(DYS) is True


# --------------------------------------------------------------------------- naming a sign
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # a teaching text's definition in the present tense, in five languages
        ("When raised, these lesions are referred to as Gottron's papules.", "gottron_papules"),
        ("A violaceous hue of the upper eyelids is called a heliotrope rash.", "heliotrope_rash"),
        ("Cuando son elevadas se denominan pápulas de Gottron.", "gottron_papules"),
        ("Lorsqu'elles sont surélevées, on les appelle papules de Gottron.", "gottron_papules"),
        ("Quando sono rilevate sono dette papule di Gottron.", "gottron_papules"),
        ("Erhabene Läsionen werden als Gottron-Papeln bezeichnet.", "gottron_papules"),
    ],
)
def test_the_naming_of_a_sign_is_no_finding(sentence: str, code: str) -> None:
    assert code not in findings_of(HEAD + sentence + "\n")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # "this lesion" is the one just described: the patient's
        (
            "Ela apresentava eritema violáceo nas pálpebras superiores. "
            "Esta lesão é denominada heliótropo.",
            "heliotrope_rash",
        ),
        # the patient's story in the past tense, naming the sign
        (
            "She had raised papules over the knuckles, known as Gottron's papules.",
            "gottron_papules",
        ),
    ],
)
def test_naming_the_patients_own_lesion_is_her_finding(sentence: str, code: str) -> None:
    assert findings_of(HEAD + sentence + "\n").get(code) is True


# --------------------------------------------------------------------------- approximate values
def labs_of(note: str) -> list[tuple[str, float | None]]:
    from tests.ingest.text.helpers import read

    return [(lab.code.value, lab.value) for lab in read(note).case.labs]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the value after a lower bound or an approximation in French, Spanish, Portuguese,
        # Italian, German, Polish and Russian: the number itself (raised, per the bound)
        ("La CPK était à plus de 2000 UI/L.", 2000.0),
        ("Avec une CK de près de 9000 U/l, elle a été adressée.", 9000.0),
        ("La CK estaba en más de 5000 U/L.", 5000.0),
        ("A CK era de cerca de 7000 U/L.", 7000.0),
        ("La CK era oltre 4000 U/L.", 4000.0),
        ("Die CK lag bei über 20000 U/l.", 20000.0),
        ("CK wynosiła ponad 6000 U/l.", 6000.0),
        ("КФК составила более 3000 Ед/л.", 3000.0),
        # French "à" alone before the value
        ("Le taux de CPK était à 4300 UI/L.", 4300.0),
    ],
)
def test_an_approximate_or_bounded_ck_is_read(sentence: str, value: float) -> None:
    assert ("ck", value) in labs_of(HEAD + sentence + "\n")


def test_a_date_after_a_in_french_is_no_value() -> None:
    # "à" before a date or a time is no value of CK (no number right after the lab's name)
    labs = labs_of(HEAD + "La CPK a été contrôlée à l'hôpital, normale.\n")
    assert all(value is None for _, value in labs)


# --------------------------------------------------------------------------- sex from a form
@pytest.mark.parametrize(
    ("header", "sex"),
    [
        ("  DOB 08/07/1969 (57 y)   Female   Wt 82 kg   Ht 163 cm", "female"),
        ("  DOB 12/01/1960 (66 y)   Male   Wt 90 kg", "male"),
        ("Age 57    Female    MRN 123456", "female"),
        ("П.І.Б.: К-ко О. В.          Стать: жін.          Вік: 44 роки", "female"),
        ("Ф.И.О.: И-ва А. П.          Пол: муж.          Возраст: 50 лет", "male"),
    ],
)
def test_the_sex_of_a_demographics_line(header: str, sex: str) -> None:
    from tests.ingest.text.helpers import read

    note = HEAD + header + "\n\nDermatomyositis follow-up, heliotrope rash.\n"
    assert read(note).case.patient.sex == sex


def test_the_feminine_past_of_a_ukrainian_stay_gives_the_sex() -> None:
    from tests.ingest.text.helpers import read

    # two cues, as pronouns need two: the stay and the admission, both feminine
    note = (
        "Виписка.\nПеребувала на лікуванні з 03.11.2026 по 18.11.2026. "
        "Надійшла зі скаргами на висип. Дерматоміозит.\n"
    )
    assert read(note).case.patient.sex == "female"


def test_a_female_word_without_the_age_field_is_not_read_from_a_line() -> None:
    from tests.ingest.text.helpers import read

    note = HEAD + "Ward 14   Female   Bay 3\n\nDermatomyositis follow-up.\n"
    assert read(note).case.patient.sex == "unknown"


@pytest.mark.parametrize(
    "sentence",
    [
        # a multiple of the upper limit is no value, in French, Spanish, Italian, German
        "ASAT à 4 fois la normale.",
        "La CK estaba en 10 veces el límite superior.",
        "La CK era di 10 volte il limite superiore.",
        "Die CK lag bei 10-fach der Norm.",
    ],
)
def test_a_multiple_of_the_upper_limit_is_no_value(sentence: str) -> None:
    assert all(value not in (4.0, 10.0) for _, value in labs_of(HEAD + sentence + "\n"))


def test_an_empty_box_takes_its_lines_remark_with_it() -> None:
    # "(previous: none)" after an empty box is the unticked options' remark, not a denial of
    # the drug ticked on the line above
    from tests.ingest.text.helpers import read

    note = (
        HEAD
        + "CURRENT IMMUNOSUPPRESSION\n"
        + "[x] Mycophenolate mofetil 1 g BD since 01/09/2026\n"
        + "[ ] Methotrexate   [ ] Azathioprine   [ ] Cyclophosphamide (previous: none)\n"
    )
    started = {(t.drug, t.start) for t in read(note).case.treatments}
    assert ("mycophenolate mofetil", date(2026, 9, 1)) in started
