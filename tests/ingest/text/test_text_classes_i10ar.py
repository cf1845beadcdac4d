"""Failure classes of the opened sixteenth set (reports:heldout_q): a case report's general
statements about the disease credited to the patient. Each class is a general rule tried in our
own sentences, in several languages and layouts, with guards that the patient's own sentences
keep their findings; the expected facts are read off the words by hand."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, present

# ------------------------------------------------ (1) section headings written inline
_ARTICLE = (
    "Dermatomyositis in a middle-aged man\n\n"
    "{intro}: Dysphagia, calcinosis and a heliotrope rash in dermatomyositis.\n"
    "{case}: A 49-year-old man had Gottron papules.\n"
    "{disc}: Dysphagia and calcinosis; a heliotrope rash.\n"
)


@pytest.mark.parametrize(
    ("intro", "case", "disc"),
    [
        ("Introdução", "Descrição do Caso", "Discussão"),  # Portuguese
        ("Introducción", "Presentación del caso", "Discusión"),  # Spanish
        ("Introduzione", "Caso clinico", "Discussione"),  # Italian
        ("Einleitung", "Fallbericht", "Diskussion"),  # German
        ("Введение", "Клинический случай", "Обсуждение"),  # Russian
        ("Introducere", "Prezentare de caz", "Discuție"),  # Romanian
        ("Sissejuhatus", "Haigusjuhu kirjeldus", "Arutelu"),  # Estonian
        ("Introduction", "Case report", "Discussion"),  # English
    ],
)
def test_an_inline_heading_in_any_alphabet_opens_its_section(
    intro: str, case: str, disc: str
) -> None:
    # only the case section's Gottron papules are the patient's
    assert present(_ARTICLE.format(intro=intro, case=case, disc=disc)) == {"gottron_papules"}


@pytest.mark.parametrize(
    ("intro", "case", "disc"),
    [("Introdução", "Caso clínico", "Discussão"), ("Introduction", "Case report", "Discussion")],
)
def test_a_heading_alone_on_a_wrapped_pdf_line_opens_its_section(
    intro: str, case: str, disc: str
) -> None:
    # soft-wrapped lines (a PDF copy): the headings stand alone with no blank line around them
    note = (
        f"{intro}\n"
        "Dysphagia is a frequent finding and a heliotrope\n"
        "rash is common in the disease; calcinosis occurs\n"
        "in children more often than in adults.\n"
        f"{case}\n"
        "Our patient had Gottron papules and he\n"
        "had no dysphagia at all during the whole of his\n"
        "stay in the hospital ward.\n"
        f"{disc}\n"
        "Calcinosis and a heliotrope rash are seen in\n"
        "many children with the disease.\n"
    )
    assert present(note) == {"gottron_papules"}


@pytest.mark.parametrize("disc", ["Discussion", "Discussão", "Diskussion"])
def test_an_inline_discussion_in_a_clinic_note_stays_the_patients(disc: str) -> None:
    # no title line, no case/abstract/introduction/references heading: a clinic note
    note = (
        "Rheumatology clinic, 12/11/2026\n"
        "Woman, 52.\n"
        f"{disc}: dysphagia and Gottron papules today.\n"
    )
    assert present(note) == {"dysphagia", "gottron_papules"}


# ------------------------------------------------ (2) a list of diagnostic criteria
@pytest.mark.parametrize(
    "announce",
    [
        "The Bohan and Peter criteria for the diagnosis are:",
        "Os critérios diagnósticos de Bohan e Peter são:",
        "Los criterios de clasificación incluyen:",
        "Die Kriterien nach Bohan und Peter:",
        "Diagnostični kriteriji (Bohan in Peter):",  # Slovene: no words of its own
        "Criteriile de diagnostic sunt:",  # Romanian
        "진단 기준:",  # Korean
    ],
)
def test_a_list_announced_as_criteria_is_no_finding(announce: str) -> None:
    note = (
        f"{announce}\n\n"
        "- symmetrical proximal muscle weakness;\n\n"
        "- Gottron papules or a heliotrope rash;\n\n"
        "- anti-Mi-2 or anti-SRP antibodies.\n\n"
        "A 52-year-old woman had dysphagia.\n"
    )
    assert present(note) == {"dysphagia"}
    assert antibody_results(note) == {}


def test_criteria_listed_in_one_sentence_are_no_finding() -> None:
    note = (
        "A 52-year-old woman had dysphagia.\n\n"
        "Os critérios de Bohan e Peter integram fraqueza muscular proximal, "
        "pápulas de Gottron e eritema heliotrópico.\n"
    )
    assert present(note) == {"dysphagia"}


def test_the_items_end_at_a_sentence_in_prose() -> None:
    note = (
        "Diagnostic criteria:\n"
        "- proximal weakness;\n"
        "- heliotrope rash.\n"
        "Dysphagia was present on admission in this 52-year-old woman.\n"
    )
    assert present(note) == {"dysphagia"}


@pytest.mark.parametrize(
    "note",
    [
        "A 52-year-old woman. She fulfilled the Bohan and Peter criteria: Gottron papules "
        "and a heliotrope rash.\n",
        "Mulher de 52 anos. Preenchia os critérios de Bohan e Peter: pápulas de Gottron e "
        "eritema heliotrópico.\n",
        "Woman, 52.\nBohan and Peter criteria:\n- Gottron papules: yes\n- heliotrope rash: yes\n",
        "Woman, 52. Eligible by EULAR/ACR criteria: Gottron papules and a heliotrope rash.\n",
    ],
)
def test_criteria_the_patient_meets_stay_the_patients(note: str) -> None:
    assert {"gottron_papules", "heliotrope_rash"} <= present(note)


# ------------------------------------------------ (3) the disease as subject of a modal verb
@pytest.mark.parametrize(
    "sentence",
    [
        "O quadro clínico pode apresentar-se com disfagia e pápulas de Gottron.",
        "La dermatomiositis puede presentarse con disfagia y pápulas de Gottron.",
        "La dermatomiosite può manifestarsi con disfagia.",
        "Die Dermatomyositis kann mit Dysphagie einhergehen.",
        "Dermatomiozita poate debuta cu disfagie și papule Gottron.",  # Romanian
        "Inflammatory myopathy는 연하곤란을 일으킬 수 있다.",  # Korean
    ],
)
def test_what_the_disease_may_show_is_no_finding(sentence: str) -> None:
    note = f"A 52-year-old woman had a heliotrope rash.\n\n{sentence}\n"
    assert present(note) == {"heliotrope_rash"}


def test_antibodies_listed_for_the_disease_in_korean_are_no_result() -> None:
    note = (
        "46세 여자가 근력저하로 내원했다.\n"
        "Inflammatory myopathy에 진단적 도움을 주는 자가항체로는 anti-SRP, anti-Mi-2 등이 있다.\n"
    )
    assert antibody_results(note) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Na nossa paciente, a dermatomiosite pode explicar a disfagia.",
        "En nuestro paciente la dermatomiositis puede explicar la disfagia.",
        "Bei unserem Patienten kann die Dermatomyositis die Dysphagie erklären.",
    ],
)
def test_the_patients_own_sentence_in_a_discussion_keeps_its_finding(sentence: str) -> None:
    note = f"A 52-year-old woman had a heliotrope rash.\n\n{sentence}\n"
    assert present(note) == {"heliotrope_rash", "dysphagia"}
