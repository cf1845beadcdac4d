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


# --------------------------------------------------------------------------- ticked answer + comment
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
