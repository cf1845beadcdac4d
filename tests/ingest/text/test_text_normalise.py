"""PDF-extracted text: wrapped lines, hyphenation, interleaved columns, captions, references."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from myositis_cds.ingest.text._normalise import normalise
from myositis_cds.ingest.text._rules import rules

TWO_COLUMNS = (
    " Introduction \n"
    "Dermatomyositis is an inflammatory myopathy that \n"
    "presents with weakness [1,2]. \n"
    "\n"
    "Case Synopsis \n"
    "A 65-year-old woman reported a four-\n"
    "month history of dysphagia and a tender skin \n"
    "\n"
    "Abstract \n"
    "We report a woman with dermatomyositis and a \n"
    "pancreatic tumour. \n"
    "\n"
    "Figure 1. Papules on the right \n"
    "dorsal hand. \n"
    " eruption. Antibodies against Jo-\n"
    "1 and anti-\n"
    "p155/140 were tested (Figure 2). Her inflam-\n"
    "matory markers were normal. \n"
)


def test_interrupted_column_resumes_where_it_left_off() -> None:
    norm = normalise(TWO_COLUMNS, rules())
    sections = {s.section: norm.text[s.start : s.end] for s in norm.segments}
    assert sections["case"].startswith(
        "A 65-year-old woman reported a four-month history of dysphagia and a tender skin "
        "eruption. Antibodies against Jo-1 and anti-p155/140 were tested."
    )
    assert "eruption" not in sections["abstract"]
    assert not norm.segments[0].patient  # introduction
    assert {s.section: s.patient for s in norm.segments}["case"]


def test_soft_hyphen_dropped_but_prefix_and_number_hyphens_kept() -> None:
    text = normalise(TWO_COLUMNS, rules()).text
    assert "inflammatory markers" in text
    assert "four-month" in text and "anti-p155/140" in text and "Jo-1" in text


def test_captions_figure_references_and_reference_markers_removed() -> None:
    text = normalise(TWO_COLUMNS, rules()).text
    assert "Figure" not in text and "[1,2]" not in text and "Papules on the right" not in text
    assert "weakness." in text  # no space left before the full stop


def test_mathematical_gamma_becomes_gamma_and_maps_back() -> None:
    original = "Positive for TIF1\U0001d6fe antibodies."
    norm = normalise(original, rules())
    i = norm.text.index("TIF1γ")
    start, end = norm.to_original(i, i + len("TIF1γ"))
    assert original[start:end] == "TIF1\U0001d6fe"


def test_clinic_letter_lists_keep_their_line_breaks() -> None:
    letter = "Investigations:\nCK 4560 U/L\nALT 45 U/L\nNo rash\nCRP 3 mg/L\n"
    norm = normalise(letter, rules())
    assert not norm.wrapped
    assert "CK 4560 U/L\nALT 45 U/L\nNo rash\nCRP 3 mg/L" in norm.text


_PIECES = [*"abcdeXYZ -\n.,[]0123456789()γ\U0001d6fe–", "Figure 1. ", "Abstract\n", "Jo-\n1"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_every_normalised_character_maps_to_a_character_of_the_original(text: str) -> None:
    norm = normalise(text, rules())
    assert len(norm.offsets) == len(norm.text) + 1
    for i, ch in enumerate(norm.text):
        assert 0 <= norm.offsets[i] < len(text)
        source = text[norm.offsets[i]]
        if ch not in " \n-γ'\"" and ch.isalnum():
            assert source == ch
