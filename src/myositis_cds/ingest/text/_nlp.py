"""The spaCy pipeline: a blank English tokenizer and our own sentence boundaries.

No statistical model is loaded (nothing to download): tokens come from spaCy's rule-based
English tokenizer and sentences from :func:`note_sentences`, which knows that a line break in a
normalised note is a boundary (lists, headings) and that "e.g." is not.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["pipeline"]

_ENDERS = {".", "!", "?"}
# Tokens that end in a full stop without ending a sentence ("U/L." is split as "U", "/", "L.").
_ABBREVIATIONS = {
    "e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "vs.", "approx.", "st.", "no.", "fig.", "etc.",
    "prof.", "cf.", "al.", "resp.", "max.", "min.", "ca.",
}


@Language.component("myositis_note_sentences")
def note_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (unless the next word is lower case) and after line breaks."""
    n = len(doc)
    for i in range(n):
        tok = doc[i]
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if tok.is_space:
            tok.is_sent_start = False
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
        else:
            j = i - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            last = doc[j].text if j >= 0 else ""
            ender = last in _ENDERS or (
                len(last) > 1 and last.endswith(".") and last.casefold() not in _ABBREVIATIONS
            )
            tok.is_sent_start = ender and not tok.text[:1].islower()
    return doc


@cache
def pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("myositis_note_sentences")
    nlp.max_length = 2_000_000
    return nlp
