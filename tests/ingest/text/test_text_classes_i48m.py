"""issue #10 (i48m): knowledge as data, output identical.

The word patterns facts/antibodies.py compiled in its own code (the words of a test's action,
of a result's verbs, of the tests other than an antibody, of a clause of reason, of a verdict,
of an error, of an earlier or a current result, the languages' "and"/"or" that glue a list of
names, the names' suffixes, the antibodies the case model does not record ...), _assemble.py's
words of an assay's sentence and of the disease's name, and _strength.py's rested-then-fatigued
grade now live in rules/patterns.yaml (``antibody_*``, ``strength_rested_then_fatigued``; the
shared word lists as fragments ``ANTIBODY_*``), each read with ``rules.one(key)``. They were
moved unchanged (benchmarks/same_output.py: identical on every opened text): each key here
reads a sentence written for the test as the code's pattern did, and leaves alone what it left
alone (worked out by hand from the pattern). Structural patterns (punctuation, brackets, a
line's leader, a script's marks) stay in the code.
"""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._rules import Rules, rules
from tests.ingest.text.helpers import assert_moved_to_one_pattern

# key -> (how the code applies it, texts it finds, texts it leaves alone)
MOVED: dict[str, tuple[str, list[str], list[str]]] = {
    "antibody_named_anti": ("match", ["anti-MDA5", "антитела", "抗Jo-1"], ["MDA5"]),
    "antibody_anti_before": ("search", ["positive anti-", "the anti "], ["anti-MDA5"]),
    "antibody_test_action": (
        "search",
        ["we checked anti-SAE1", "anti-NXP2 is outstanding", "will send anti-HMGCR"],
        ["anti-SAE1 positive"],
    ),
    "antibody_bare_level": ("match", [" level 3 U/mL", ": 12", " was elevated at 45"], [" pos"]),
    "antibody_asked": ("search", ["whether it was positive"], ["wherever"]),
    "antibody_found_by_test": ("search", ["the blot revealed"], ["the blot was sent"]),
    "antibody_found_right_before": ("search", ["immunoblot showed the "], ["showed it "]),
    "antibody_word_after": ("match", [" (TIF1) antibodies", " autoantibody"], [" positive"]),
    "antibody_defined": (
        "match",
        [" antibodies are one of the myositis-specific autoantibodies", " is a marker"],
        [" was positive"],
    ),
    "antibody_other_test": ("search", ["her mammogram", "the tumour markers"], ["her CK"]),
    "antibody_other_test_after_verb": ("search", ["the cancer work-up"], ["the blot"]),
    "antibody_own_predicate": ("search", [" were found and the CT", "; CT"], [" and CT"]),
    "antibody_reason_opening": ("fullmatch", ["Because ", "Given that "], ["She had "]),
    "antibody_reason_clause_verb": ("search", [" carries a risk"], [" in the blot"]),
    "antibody_next_clause": ("search", [", and the ", "; her repeat "], [", the "]),
    "antibody_test_own_verb": ("match", [" was negative"], [", negative"]),
    "antibody_subject_to_word": ("fullmatch", [" was ", ": "], [" and Mi-2 "]),
    "antibody_cancer_search": ("search", ["a malignancy screen"], ["the antibody screen"]),
    "antibody_record_lead": ("fullmatch", ["  - 2. anti-", "• "], ["note "]),
    "antibody_word_to_name": ("fullmatch", [" anti-", "  "], [" ANTI-"]),
    "antibody_row_tail": ("fullmatch", [" antibody.", " ;"], [" Antibody."]),
    "antibody_verdict": (
        "search",
        ["weak band, considered negative", "trace, interpreted as weakly positive"],
        ["considered for a biopsy"],
    ),
    "antibody_respective": ("match", [": neg/neg/pos", " were positive and negative"], [" pos"]),
    "antibody_respective_word": ("match", ["weakly positive", "neg"], ["present"]),
    "antibody_generic_ssa": ("fullmatch", ["SS-A", "Ro/SSA", "Sjögren's\nsyndrome A"], ["Ro52"]),
    "antibody_panel_words": ("search", ["line blot", "sent"], ["cream"]),
    "antibody_sample_label": ("search", ["line blot (sample of ", "Specimen date: "], ["sent "]),
    "antibody_error_after": ("match", [" (reported in error)"], [" (reported again)"]),
    "antibody_error_before": ("search", ["wrongly reported as a "], ["reported as a "]),
    "antibody_turn_glue": ("fullmatch", [" at diagnosis, then "], [" with rash "]),
    "antibody_earlier_mark": ("search", ["previously negative"], ["now negative"]),
    "antibody_just_before": ("fullmatch", [" anti-", " "], [", anti-"]),
    "antibody_premodifies_next": ("fullmatch", [", anti-", " ; "], [" and "]),
    "antibody_now_mark": ("search", ["currently positive"], ["nowhere"]),
    "antibody_own_level": ("match", [" 168 CU", " titre 1:640"], [" positive"]),
    "antibody_lab_result_glue": ("fullmatch", [" levels were "], [" rose to "]),
    "antibody_list_glue": (
        "fullmatch",
        [", ", " and ", " და ", " antibodies or ", " i "],
        [" positive, "],
    ),
    "antibody_either_or_gap": ("fullmatch", [" and/or ", " oder ", " et/ou "], [" and "]),
    "antibody_bare_glue": ("fullmatch", [" • ", ". "], [": "]),
    "antibody_present_word": ("match", ["present", "found"], ["absent"]),
    "antibody_member_gap": ("match", [" (line blot), ", " xyz and "], ["\n"]),
    "antibody_row_gap": ("match", [" abc\n- "], [" abc, "]),
    "antibody_other_before": ("search", ["with Jo-1 and ANA ", "rheumatoid factor"], ["ANAL"]),
    "antibody_other_anywhere": ("search", ["Jo-1, dsDNA, PL-7"], ["ANAL"]),
    "antibody_source_after_result": ("match", [" on the ", " (in "], [" was "]),
    "antibody_coordinated": ("search", [" and ", ", "], [" AND "]),
    "antibody_key_line": ("match", ["Interpretation: 0-5 negative"], ["TIF1 54"]),
    "antibody_assay_sentence": ("search", ["the line blot gave", "serology"], ["diagnosis"]),
    "antibody_result_disease_name": ("search", ["dermatomyositis, anti-SAE1"], ["myalgia"]),
    "strength_rested_then_fatigued": (
        "match",
        [" at rest, 4/5 after 20 repetitions", " initially, falling to 4-/5 on repeated testing"],
        [" at rest, 4/5 on the left"],
    ),
}


@pytest.fixture(scope="module")
def loaded() -> Rules:
    return rules()


def test_every_moved_key_is_a_required_pattern_of_one_rule() -> None:
    assert_moved_to_one_pattern(MOVED)


@pytest.mark.parametrize(
    ("key", "text"), [(key, text) for key, (_, found, _) in MOVED.items() for text in found]
)
def test_a_moved_key_reads_what_the_code_read(loaded: Rules, key: str, text: str) -> None:
    how = MOVED[key][0]
    assert getattr(loaded.one(key), how)(text) is not None, (key, text)


@pytest.mark.parametrize(
    ("key", "text"), [(key, text) for key, (_, _, alone) in MOVED.items() for text in alone]
)
def test_a_moved_key_leaves_alone_what_the_code_left_alone(
    loaded: Rules, key: str, text: str
) -> None:
    how = MOVED[key][0]
    assert getattr(loaded.one(key), how)(text) is None, (key, text)


def test_the_groups_the_code_reads(loaded: Rules) -> None:
    verdict = loaded.one("antibody_verdict").search("Anti-Ku weak band, considered negative")
    assert verdict is not None and verdict.group("negative") == "negative"
    resp = loaded.one("antibody_respective").match(
        " were positive, negative and negative, respectively"
    )
    assert resp is not None
    assert (resp.group("lead"), resp.group("resp")) == ("were", ", respectively")
    words = loaded.one("antibody_respective_word").findall(resp.group("words"))
    assert words == ["positive", "negative", "negative"]


def test_the_glue_before_a_name_starts_where_the_list_s_last_name_ends(loaded: Rules) -> None:
    # (antibody_list_glue_tail: searched in the 40 characters before a name, its start is where
    # the name before it ends; only the space after a word that is no name nor glue)
    tail = loaded.one("antibody_list_glue_tail")
    found = tail.search("positive: Jo-1, anti ")
    assert found is not None and found.start() == len("positive: Jo-1")
    found = tail.search("positive: Jo-1 pos ")
    assert found is not None and found.start() == len("positive: Jo-1 pos")


def test_the_shared_word_lists_are_one_fragment_each(loaded: Rules) -> None:
    fragments = loaded.patterns.fragments
    # the languages' "and"/"or" of a list: one list for the glue, the bare glue and the gaps
    assert "და" in fragments["ANTIBODY_AND_OR"].split("|")
    assert "oder" in fragments["ANTIBODY_EITHER_OR"].split("|")
    # the names' suffixes, read also by the tails the code composes (a list's closing words)
    assert "ig[gam]" in fragments["ANTIBODY_NAME_SUFFIX"]
