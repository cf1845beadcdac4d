"""One vocabulary, one place (issue #10, round 37, i37c): word lists that stood in code now stand
in the rules' data, per language, and the readers are compiled from them; a date's local scope
reads the rules of the extraction it serves, not the process-wide ones. Behaviour-neutral: the
readers' behaviour is pinned by the earlier rounds' vignette tests (i24d line grades, i36e
contrasts); these pin that the data is what is read."""

from __future__ import annotations

import re

from myositis_cds.ingest.text._normalise import normalise
from myositis_cds.ingest.text._rules import LineGradeWords, line_grade_start, rules
from myositis_cds.ingest.text._style import _compiled
from tests.ingest.text.helpers import case_of


# ------------------------------------------ a grade opening a line (sections.yaml line_grade_words)
def test_the_line_grade_words_are_the_word_scale_and_normal() -> None:
    # one scale: the Lovett / Daniels words of style.yaml, and "normal" (MRC 5)
    english = rules().sections.line_grade_words["en"]
    assert set(english.grades) == {*_compiled().rules.words.word_grades, "normal"}


def test_a_word_added_to_the_line_grades_is_read() -> None:
    added = {"xx": LineGradeWords(grades=["zaftig"], sides=["zyde"])}
    start = line_grade_start({**rules().sections.line_grade_words, **added})
    assert start.match("Zaftig+, hips 4/5")
    assert start.match("IV zyde")
    assert start.match("Fair bilaterally")  # the English words still there
    assert not rules().line_grade_start.match("Zaftig+, hips 4/5")


def test_a_muscle_graded_on_the_next_line_is_joined() -> None:
    # a table cell wrapped after the muscle: its word grade opens the next line; a sentence's
    # "Good." after a line ending on a word does not
    note = "Power:\nright ankle dorsiflexion\nFair+, left 5/5\nThe rash\nGood.\n"
    joined = normalise(note, rules()).text
    assert "dorsiflexion Fair+, left 5/5" in joined
    assert "The rash\nGood." in joined


# ------------------------------------------ what a test showed despite (lexicon result_contrasts)
def test_the_result_contrasts_are_read_from_the_lexicon() -> None:
    words = rules().lexicon.result_contrasts["en"]
    assert "apart from" in words
    assert rules().result_contrast.search("nothing apart  from a mass")
    assert not rules().result_contrast.search("apartment")


def test_a_lesion_after_a_contrast_stands() -> None:
    note = (
        "Man, 66. CT chest, abdomen and pelvis on 04/07/2026 did not show any lymph nodes "
        "except a 25 mm mass in the left kidney."
    )
    tests = {(i.code.value, i.result.value) for i in case_of(note).investigations}
    assert tests == {("ct_chest_abdomen_pelvis", "abnormal")}


# ------------------------------------------ a date's local scope (the extraction's rules)
def test_local_scope_takes_its_extraction() -> None:
    from inspect import signature

    from myositis_cds.ingest.text import _timeline

    assert next(iter(signature(_timeline._local_scope).parameters)) == "ex"
    assert not re.search(r"\brules\(\)", _source(_timeline._local_scope))


def _source(fn: object) -> str:
    from inspect import getsource

    return getsource(fn)  # type: ignore[arg-type]
