"""issue #10 (i40t): speed changes with a behaviour of their own, on invented sentences.

- The tokenizer remembers each affix expression's answer per word: spaCy stops keeping a word's
  tokens after the first special case of a text ("e.g.", "'s"), so without it every later word
  was split again. A text that repeats words after a special case must give the tokens spaCy's
  own expressions give, read once and read again.
- A form's dot-leader row needs three dots in a row: a line without them is no field row, and is
  not tried with the pattern.
- A yes/no column header ends in two column words: a line whose last two words are not both
  column words is no header, and is not split into its words.
- A note needs three letters in its first 2,000 characters; the search stops at the third.
"""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text import _nlp
from myositis_cds.ingest.text._model import TextInputError, check_note
from myositis_cds.ingest.text._normalise import _column_header, _is_field_row
from tests.ingest.text.test_text_cold_start_i32s import _plain_pipeline


def _plain_tokens(text: str) -> list[tuple[str, int]]:
    """The tokens of spaCy's own tokenizer with our expressions, nothing remembered."""
    return [(t.text, t.idx) for t in _plain_pipeline().tokenizer(text)]


# each repeats words after a special case ("e.g.", "can't", "she's"), with prefixes, suffixes
# and infixes (brackets, units, a hyphen, a slash) that spaCy splits off
_REPEATED = [
    "Rash e.g. on (knuckles), (knuckles), knuckles; CK 900U/L, CK 900U/L.",
    "She can't lift arms-above-head; can't lift arms-above-head: 4/5, 4/5!",
    "Dr. Ames's view: she's weak (proximal) and she's weak (proximal)... 3-4/5",
]


@pytest.mark.parametrize("text", _REPEATED)
def test_words_read_again_after_a_special_case_split_as_spacy_splits_them(text: str) -> None:
    tokenizer = _nlp.pipeline().tokenizer
    expected = _plain_tokens(text)
    for _ in range(2):  # the second reading finds every word remembered
        assert [(t.text, t.idx) for t in tokenizer(text)] == expected


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Clinic date ........ 12-Mar-2026", True),  # a long leader
        ("shoulder abduction ... 4", True),  # three dots after a space
        ("rash on hands...", False),  # three dots with nothing after them
        ("rash on hands.. 4", False),  # two dots only
        ("Gottron papules present", False),  # no dot at all
    ],
)
def test_a_field_row_needs_three_dots_in_a_row(line: str, row: bool) -> None:
    assert _is_field_row(line) is row


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("Symptom            Yes   No", 19),  # a label set off by spaces, then the columns
        ("yes no", 0),  # the columns alone
        ("Symptom yes no", None),  # one space only: the words are the label's
        ("Was the rash there? no", None),  # one column word
        ("no rash, yes weakness", None),  # column words, but not at the end
    ],
)
def test_a_column_header_ends_in_two_column_words(line: str, start: int | None) -> None:
    assert _column_header(line) == start


def test_three_letters_make_a_note_and_two_do_not() -> None:
    assert check_note("12 ab 34 c") == "12 ab 34 c"
    with pytest.raises(TextInputError, match="no words"):
        check_note("12 a 34 b 56")
