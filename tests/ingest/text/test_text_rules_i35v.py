"""One vocabulary, one place (issue #10, round 35, i35v): the words that several readers share
stand once in the rules' data, and each reader is compiled from that one list. A word added to
the list (here a made-up one, so that no real text is at stake) reaches every use; the readers'
behaviour itself is pinned by the earlier rounds' vignette tests."""

from __future__ import annotations

import re

import pytest

from myositis_cds.ingest.text._rules import (
    LineResultWords,
    SinceWord,
    line_result_start,
    not_done_patterns,
    rules,
    since_patterns,
)
from tests.ingest.text.helpers import antibody_results


# ------------------------------------------ the words for "since" (patterns.yaml since_words)
def _onset_cues(onset: str, onset_plain: str) -> list[re.Pattern[str]]:
    """time.onset_since with the given fragments, as the rules compile it."""
    return [
        re.compile(
            p.replace("{SINCE_ONSET}", onset).replace("{SINCE_ONSET_PLAIN}", onset_plain), re.I
        )
        for p in rules().patterns.time.onset_since
    ]


def test_the_rules_read_the_since_words_from_their_one_list() -> None:
    assert rules().since == since_patterns(rules().patterns.since_words)


def test_a_since_word_added_to_the_list_reaches_every_use() -> None:
    added = SinceWord(lang="xx", means="since", word="zinz")
    since = since_patterns([*rules().patterns.since_words, added])
    # the onset's cue, with the approximate time after it ("since early May")
    assert any(rx.match("zinz early May") for rx in _onset_cues(since.onset, since.onset_plain))
    # the complaint may follow its date
    assert since.forward.match("zinz ")
    # its date dates only the clause
    assert since.clause.search("rash zinz ")
    # and before the word was added, none of them read it
    before = rules().since
    assert not any(rx.match("zinz May") for rx in _onset_cues(before.onset, before.onset_plain))
    assert not before.forward.match("zinz ") and not before.clause.search("rash zinz ")


def test_a_from_word_is_no_forward_since_and_an_until_word_no_onset() -> None:
    since = since_patterns(
        [
            SinceWord(lang="xx", means="from", word="frum"),
            SinceWord(lang="xx", means="until", word="untl", onset=False),
            SinceWord(lang="xx", means="since", word="zinz", approximate=False, clause=False),
        ]
    )
    cues = _onset_cues(since.onset, since.onset_plain)
    assert any(rx.match("frum May") for rx in cues) and not since.forward.match("frum ")
    assert since.clause.search("rash frum ")
    assert not any(rx.match("untl May") for rx in cues) and since.clause.search("rash untl ")
    # no approximate time after a word so marked, and not read before a clause's date
    assert any(rx.match("zinz May") for rx in cues)
    assert not any(rx.fullmatch("zinz early ") for rx in cues)
    assert since.forward.match("zinz ") and not since.clause.search("rash zinz ")


# ------------------------------ a result word that opens a line (sections.yaml line_result_words)
def test_the_line_joining_reads_the_result_words_from_the_rules() -> None:
    words = rules().sections.line_result_words
    assert words is not None
    assert rules().line_result_start.pattern == line_result_start(words).pattern


def test_a_result_word_added_to_the_list_opens_a_run_on_line() -> None:
    words = rules().sections.line_result_words
    assert words is not None
    added = LineResultWords(words=[*words.words, "reactive"], degrees=words.degrees)
    # "Jo-1, PL-7, EJ" / "REACTIVE." and "weakly reactive (titre 1:80)": the list's predicate
    assert line_result_start(added).match("REACTIVE.")
    assert line_result_start(added).match("weakly reactive (titre 1:80)")
    assert not line_result_start(words).match("REACTIVE.")
    # a sentence that goes on after the word is its own ("Reactive arthritis was excluded.")
    assert not line_result_start(added).match("Reactive arthritis was excluded.")


# ---------------------- the disease's plural before an antibody (antibody_disease_plural_before)
def test_a_plural_subset_added_to_the_rules_reaches_the_antibody_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Portuguese "polimiosites" is not in the list: its antibody reads as this patient's
    note = "Mulher de 60 anos. Nas polimiosites com anti-PL-12 a doença pulmonar é comum."
    assert antibody_results(note) == {"PL12": "positive"}
    added = [
        *rules().value["antibody_disease_plural_before"],
        re.compile(r"\bpolimiosites\s+com\s+(?:anti-?\s*)?$", re.IGNORECASE),
    ]
    monkeypatch.setitem(rules().value, "antibody_disease_plural_before", added)
    # the same sentence with the word added to the rules speaks of those patients
    assert antibody_results(note.replace("60", "61")) == {}


# ------------------------------------ a test that could not be done (context.yaml test_not_done)
def test_the_pseudo_rule_and_the_antibody_reader_read_one_list() -> None:
    words = rules().context.test_not_done
    assert words is not None
    assert rules().not_done == not_done_patterns(words)
    compiled = [rx.pattern for _, rx in rules().context_patterns]
    assert sum(rules().not_done.pseudo in p for p in compiled) == 1


def test_a_not_done_wording_added_to_the_list_reaches_both_uses() -> None:
    words = rules().context.test_not_done
    assert words is not None
    added = not_done_patterns(
        words.model_copy(update={"wordings": [*words.wordings, r"nicht\s+verf[üu]gbar"]})
    )
    sentence = "Anti-HMGCR war in unserem Labor nicht verfügbar."
    assert re.search(added.pseudo, sentence, re.IGNORECASE)
    assert added.near_name.search(sentence)
    assert not rules().not_done.near_name.search(sentence)


def test_a_lack_said_without_a_service_is_read_near_the_name_only() -> None:
    not_done = rules().not_done
    # the patient's own lack is a negative: the PSEUDO leaves its denial word alone
    patients = "a paciente não possuía anticorpos anti-Jo-1"
    assert not re.search(not_done.pseudo, patients, re.IGNORECASE)
    assert not_done.near_name.search(patients)
    # a service's lack of the assay is no result at all
    service = "o serviço não possuía o anticorpo anti-HMGCR"
    assert re.search(not_done.pseudo, service, re.IGNORECASE)
    # "unavailable" has no denial word to take away: near the name only
    assert not re.search(not_done.pseudo, "anti-HMGCR unavailable", re.IGNORECASE)
    assert not_done.near_name.search("anti-HMGCR unavailable")
