"""Issue #10 / #15: the tumour each part of a sentence belongs to is found from anchors indexed
once per sentence (tumours._Nearest), not by trying every anchor for every part. The old
definition is kept here and the two are compared on random sentences built from the pieces
that decide it (clause ends, list commas and "and", brackets, anchors on one place)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import pytest

from myositis_cds.ingest.text.facts import tumours

from .helpers import time_limit


@dataclass
class _Span:  # what the two ways read of a sentence
    start: int
    end: int


def _old_nearest(text: str, sent: Any, anchors: list[tuple[int, Any]], a: int, where: Any) -> Any:
    """The definition: the nearest anchor in the same clause and list item, else in the same
    clause, else the nearest before, else the nearest at all; inside an open bracket, the
    nearest before the bracket. ``min`` keeps the first of equals in the anchors' order."""
    opened = text.rfind("(", sent.start, a)
    if opened >= 0 and text.find(")", opened, a) < 0:
        before_paren = [(opened - p, t) for p, t in anchors if p < opened]
        if before_paren:
            return min(before_paren, key=lambda x: x[0])[1]
    here = where.segment(a)
    tight = [
        (abs(p - a), t) for p, t in anchors if where.segment(p) == here and where.same_items(p, a)
    ]
    if tight:
        return min(tight, key=lambda x: x[0])[1]
    same = [(abs(p - a), t) for p, t in anchors if where.segment(p) == here]
    if same:
        return min(same, key=lambda x: x[0])[1]
    before = [(a - p, t) for p, t in anchors if p <= a]
    if before:
        return min(before, key=lambda x: x[0])[1]
    return min(anchors, key=lambda x: abs(x[0] - a))[1]


_PIECES = ["lung", " ", ", ", ",123", " and ", "band", "; ", ": ", "(", ")", "x", "breast", "a"]


def _sentence(rng: random.Random) -> tuple[str, _Span]:
    lead = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 3)))
    body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
    tail = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 3)))
    text = lead + body + tail
    return text, _Span(len(lead), len(lead) + len(body))


@pytest.mark.parametrize("seed", range(6))
def test_the_indexed_anchors_give_the_tumour_the_definition_gives(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        text, sent = _sentence(rng)
        places = range(max(0, sent.start - 2), min(len(text), sent.end + 6) + 1)
        anchors = [(rng.choice(places), object()) for _ in range(rng.randint(1, 8))]
        rng.shuffle(anchors)
        where = tumours._Clauses(text, sent.start, sent.end)
        nearest = tumours._Nearest(text, sent, anchors, where)  # type: ignore[arg-type]
        for a in places:
            expected = _old_nearest(text, sent, anchors, a, where)
            assert nearest(a) is expected, (text, sent, anchors, a)


def test_equal_lists_of_items_share_one_key() -> None:
    # "a, b" read to just after its comma, and to the item after: the search stopped at the
    # comma's end finds the comma too, so both lists hold it once; the keys agree with that
    text = "lung, breast and x"
    where = tumours._Clauses(text, 0, len(text))
    for p in range(len(text) + 1):
        for q in range(len(text) + 1):
            same = where.items_key(p) == where.items_key(q)
            assert same == where.same_items(p, q), (p, q)


def test_each_part_asks_for_its_clause_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 400 pairs of two kinds of one organ in one sentence: trying every anchor for every part
    # asked for a clause about (parts x anchors) = 1,600 x 1,600 times (8.8 s of CPU at 800
    # pairs, 2.3 s at 400); indexed, a few times per anchor and per part
    from .helpers import read

    calls = 0
    segment = tumours._Clauses.segment

    def counted(self: tumours._Clauses, pos: int) -> int:
        nonlocal calls
        calls += 1
        return segment(self, pos)

    monkeypatch.setattr(tumours._Clauses, "segment", counted)
    piece = "squamous cell carcinoma of the lung and adenocarcinoma of the lung, "
    with time_limit(120.0, "a part's tumour is still found by trying every anchor"):
        read("A 60-year-old man. Pathology: " + piece * 400 + "end.")
    assert 0 < calls < 10 * 4 * 400
