"""Issue #10 / #15: a sentence naming hundreds of tumours is assembled in about linear time.
Three scans were repeated for every tumour: every site of the sentence sorted again for every
cancer noun (tumours._coordinated_sites), the tumour's sentence searched again for a pathology
word (_assemble._stated_histology), and every draft of the note passed over for the tests and
operations of each tumour (_assemble._tumour). The old definition of the first is kept here and
compared on random site lists; the other two are counted."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from myositis_cds.ingest.text import _assemble
from myositis_cds.ingest.text._rules import TermMatch
from myositis_cds.ingest.text.facts import tumours

from .helpers import read, time_limit

_PIECE = "squamous cell carcinoma of the lung and adenocarcinoma of the lung, "


def _old_coordinated_sites(text: str, site_ms: list[TermMatch], noun: TermMatch) -> list[TermMatch]:
    """The definition: the sites ending before the noun in start order; the last must lead to
    the noun, then each earlier one joined to the next and naming another organ."""
    before = sorted((m for m in site_ms if m.end <= noun.start), key=lambda m: m.start)
    if not before or not tumours._SITE_TO_NOUN.match(text[before[-1].end : noun.start]):
        return []
    chain: list[TermMatch] = []
    last = before[-1]
    for m in reversed(before[:-1]):
        if m.concept == last.concept or not tumours._SITE_JOIN.fullmatch(text[m.end : last.start]):
            break
        chain.append(m)
        last = m
    return chain


_WORDS = ["breast", "ovarian", "lung", "colon", " and ", ", ", " ", "or ", "x", " cancer"]


@pytest.mark.parametrize("seed", range(4))
def test_the_ordered_sites_give_the_chain_the_definition_gives(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 24)))
        # site words where an organ word stands, in shuffled order, some overlapping
        site_ms = [
            TermMatch(m.start(), m.end(), m.group(), m.group())
            for m in re.finditer(r"breast|ovarian|lung|colon", text)
        ]
        site_ms += [
            TermMatch(m.start, min(len(text), m.end + rng.randint(0, 3)), "lung", m.text)
            for m in rng.sample(site_ms, k=min(len(site_ms), rng.randint(0, 2)))
        ]
        rng.shuffle(site_ms)
        ordered = tumours._SitesInOrder(site_ms)
        for noun in re.finditer(r"cancer", text):
            n = TermMatch(noun.start(), noun.end(), "other", noun.group())
            expected = _old_coordinated_sites(text, site_ms, n)
            assert tumours._coordinated_sites(text, ordered, n) == expected, (text, site_ms)


def test_a_long_sentence_is_searched_for_a_pathology_word_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 400 pairs of two kinds of one organ: every tumour searched its (one) sentence again,
    # about 800 searches of a 28,000-character sentence
    calls = 0

    class _Counted:
        def search(self, *args: Any) -> Any:
            nonlocal calls
            calls += 1
            return pattern.search(*args)

    pattern = _assemble._DIAGNOSED_AS
    monkeypatch.setattr(_assemble, "_DIAGNOSED_AS", _Counted())
    with time_limit(120.0, "each tumour still searches its sentence again"):
        result = read("A 60-year-old man. Pathology: " + _PIECE * 400 + "end.")
    assert result.case is not None and result.case.tumours
    assert 0 < calls <= 3  # one per sentence that holds a tumour's histology


def test_each_tumour_is_given_only_the_tests_and_operations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # _tumour reads investigations and operations from the drafts; handing it every draft of
    # the note made each of hundreds of tumours pass over thousands of them
    given: list[tuple[str, str]] = []
    tumour = _assemble._tumour

    def recorded(ex: Any, drafts: list[Any], *rest: Any) -> Any:
        given.extend((d.type, d.code) for d in drafts)
        return tumour(ex, drafts, *rest)

    monkeypatch.setattr(_assemble, "_tumour", recorded)
    result = read(
        "A 60-year-old man. CT chest 02/10/2026: a 20 mm mass in the right upper lobe. "
        "Biopsy: squamous cell carcinoma of the lung. Right upper lobectomy on 20/10/2026. "
        "Proximal weakness, CK 4,000 U/L, Gottron's papules."
    )
    assert result.case is not None and result.case.tumours
    assert given, "no tumour was assembled"
    assert all(t == "investigation" or (t, c) == ("event", "surgery") for t, c in given), given
