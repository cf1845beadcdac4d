"""From a note to facts: targets, their assertion status, values and times.

One pass over the sentences in reading order gives each sentence its time (an event mentioned
earlier, such as a resection, can anchor "two months after removal" later); then each kind of
fact is read with the sentence's ConText modifiers. Facts keep their evidence; the case is
built from them in :mod:`myositis_cds.ingest.text._assemble`.

This module sets the sentences up and calls the readers in order: the shared types are in
``_draft``, the time pass in ``_timeline`` and each kind of fact in its module of ``facts/``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from itertools import pairwise

from myositis_cds.ingest.text._context import ContextSentence, find_modifiers
from myositis_cds.ingest.text._dictation import normalise_any
from myositis_cds.ingest.text._draft import Extraction, Sentence
from myositis_cds.ingest.text._general import (
    general_continued,
    general_patterns,
    general_runs,
    general_statement,
    names_someone,
)
from myositis_cds.ingest.text._normalise import NormalisedText, Segment
from myositis_cds.ingest.text._ocr import join_rn as join_ocr_rn
from myositis_cds.ingest.text._ocr import repair as repair_ocr
from myositis_cds.ingest.text._ocr import undot
from myositis_cds.ingest.text._rules import ContextRule, gate_text, rules
from myositis_cds.ingest.text._style import restyle
from myositis_cds.ingest.text._timeline import _note_date, _times_and_events
from myositis_cds.ingest.text.facts.antibodies import _antibodies, _antibody_panels
from myositis_cds.ingest.text.facts.assessments import _assessments
from myositis_cds.ingest.text.facts.findings import (
    _findings,
    _inferred_findings,
    _morphology_over_label,
    _no_response_named,
    _proximal_involvement,
    _restated_diagnosis,
    _toxicity_grade_zero,
    _weight_fall,
)
from myositis_cds.ingest.text.facts.investigations import _investigations
from myositis_cds.ingest.text.facts.labs import _labs
from myositis_cds.ingest.text.facts.muscle_biopsy import _muscle_biopsy
from myositis_cds.ingest.text.facts.patient import (
    _abstract_as_summary,
    _before_the_illness,
    _onset,
    _patient,
    _report_subject,
)
from myositis_cds.ingest.text.facts.strength import _complaints_of_weakness, _strength_exam
from myositis_cds.ingest.text.facts.treatments import _treatments
from myositis_cds.ingest.text.facts.tumours import _tumours

__all__ = ["extract_drafts"]

# --------------------------------------------------------------------------- entry point
# issue #10 (i10i): a copy whose accented letters were each replaced by "?" ("d?couverte",
# "H?pital"): several "?" between two letters give it away, and then no "?" in it is a query
_LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]")
_LOST_LETTERS_MIN = 3


def _lost_letters_are_no_query(
    text: str, modifiers: list[tuple[int, int, ContextRule]]
) -> list[tuple[int, int, ContextRule]]:
    """``modifiers`` without the "?" query marks when ``text`` lost its accented letters."""
    if "?" not in text or len(_LOST_LETTER.findall(text)) < _LOST_LETTERS_MIN:
        return modifiers
    return [m for m in modifiers if text[m[0] : m[1]] != "?"]


def extract_drafts(original: str, today: date | None = None) -> Extraction:
    from myositis_cds.ingest.text._nlp import (  # spaCy loads only when text is read
        read_doc,
        tokenizer_text,
    )

    r = rules()
    norm = normalise_any(original, r)
    repaired, ocr_changed = repair_ocr(norm.text)  # issue #10 (i10j): OCR look-alikes
    if ocr_changed:  # each swap keeps the length: positions still map to the note as written
        norm, joined = join_ocr_rn(replace(norm, text=repaired))
        ocr_changed += joined
        # issue #10 (i10u): a scanned typewritten letter's "C.P.K.", "A.N.F." (only there: in
        # other notes dotted capitals are as often a name's initials, "Chora M.K.")
        norm = replace(norm, text=undot(norm.text))
    elif repaired != norm.text:  # (i27a) an age's number mended in a note that is not OCR
        norm = replace(norm, text=repaired)
    norm, note_style = restyle(norm, r)  # issue #10: its conventions
    doc = read_doc(tokenizer_text(norm.text))  # same offsets as norm.text
    tok_starts = doc.to_array("IDX").tolist()  # one array, not a Python object per token
    modifiers = _lost_letters_are_no_query(norm.text, find_modifiers(norm.text, r))  # i10i
    mod_starts = [m[0] for m in modifiers]
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for i, span in enumerate(doc.sents):
        start = span.start_char
        end = span.end_char
        while end > start and norm.text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if "\n\n" in norm.text[last_end:start] or i == 0:
            paragraph += 1
        last_end = end
        sentences.append(
            Sentence(
                index=len(sentences),
                start=start,
                end=end,
                tok_first=span.start,
                tok_last=span.end,
                segment=norm.segment_at(start),
                paragraph=paragraph,
                context=ContextSentence(
                    modifiers[bisect_left(mod_starts, start) : bisect_left(mod_starts, end)],
                    tok_starts,
                    span.start,
                    span.end,
                    norm.text,
                ),
            )
        )
    opened: object = None  # the references segment whose prose opened a case (below)
    general = general_patterns(r, gate_text(norm.text))  # i11a: those that can match here
    introduced: Sentence | None = None  # the last sentence that introduced the case (i41r)
    for sent in sentences:  # "This report describes a case of a patient with ...", a title
        if not sent.patient and sent.segment is not None and sent.segment.section in _SUMMARY:
            sent.about_case = any(  # rules/patterns.yaml case_introduction
                rx.search(norm.text, sent.start, sent.end) for rx in r.value["case_introduction"]
            )
            # issue #10 (i41r): the sentences after it in its paragraph that tell the case on
            # with a pronoun ("Here, we report a case of ... At the age of 12 years, she
            # presented with ...") are the case too (rules/patterns.yaml case_continued)
            sent.about_case = sent.about_case or (
                introduced is not None
                and introduced.paragraph == sent.paragraph
                and introduced.segment is sent.segment
                and any(
                    rx.match(norm.text, sent.start, sent.end) for rx in r.value["case_continued"]
                )
            )
            # issue #10 (i44n): a congress abstract's run-in "Introduction:" that tells the case
            # after the disease's definition, with no case label ("Introduction: DM is ... A
            # man aged 30 was referred ... On examination ..."): from the sentence that
            # introduces the case, the rest of its paragraph is the case but for a general
            # statement in it
            sent.about_case = sent.about_case or (
                introduced is not None
                and introduced.paragraph == sent.paragraph
                and introduced.segment is sent.segment
                and _run_in_introduction(norm, sent.segment)
                and not general_statement(norm.text[sent.start : sent.end], r, general)
            )
            if sent.about_case:
                introduced = sent
        # issue #10 (i10n): a web copy's "References" heading (page chrome) can stand before the
        # case itself; a sentence there that opens a case ("A 65-year-old man presented with")
        # is no citation, and the prose from it to the segment's end is about the patient.
        if sent.segment is not None and sent.segment.section == "references":
            if opened is not sent.segment and _CASE_OPENING.match(norm.text, sent.start, sent.end):
                opened = sent.segment
            sent.about_case = sent.about_case or opened is sent.segment
        if not sent.about_case:
            sent.general = general_statement(norm.text[sent.start : sent.end], r, general)
    # issue #10 (i28a): "It is characterized by ..." after a sentence defining the disease
    for before, sent in pairwise(sentences):
        if (
            before.general
            and not sent.general
            and not sent.about_case
            and sent.paragraph == before.paragraph
            and general_continued(norm.text[sent.start : sent.end], r, general)
        ):
            sent.general = True
    # issue #10 (i46n): the same opening before the general statement it leads to ("The main
    # symptoms include a rash and proximal weakness. The pain may resemble ... Some patients
    # have little pain"): a disease's description opened by its features, when a general
    # statement follows in its paragraph within two sentences, none of them naming anyone
    for i, sent in enumerate(sentences):
        if sent.general or sent.about_case:
            continue
        for after in sentences[i + 1 : i + 3]:
            if after.paragraph != sent.paragraph or after.about_case:
                break
            if after.general:
                if general_continued(norm.text[sent.start : sent.end], r, general):
                    sent.general = True
                break
            if names_someone(norm.text[after.start : after.end], r, general):
                break
    # issue #10 (i10ar): a list of a disease's criteria, the sentence announcing it and its items
    runs = general_runs(
        [norm.text[s.start : s.end] for s in sentences], [s.segment for s in sentences], r
    )
    for sent, listed in zip(sentences, runs, strict=True):
        sent.general = sent.general or (listed and not sent.about_case)
    _later_patients(norm.text, sentences)
    ex = Extraction(
        norm=norm, rules=r, sentences=sentences, style=replace(note_style.dates, today=today)
    )
    ex.note_style = note_style
    if note_style.date_evidence == "cues":  # no date says it: the note's habits do
        order = "month first" if note_style.dates.month_first else "day first"
        ex.warn(
            f"numeric dates such as 03/04 are read {order}, from the note's conventions "
            f"({', '.join(note_style.date_cues)}): check them"
        )
    if ocr_changed:
        ex.warn(
            f"the note reads as OCR text: {ocr_changed} look-alike characters (1/l, 0/O, rn/m) "
            "were read as the letter or digit around them: check the values"
        )
    _note_date(ex)
    _times_and_events(ex)
    _findings(ex)
    _toxicity_grade_zero(ex)  # issue #10 (i10j)
    _inferred_findings(ex)
    _proximal_involvement(ex)  # issue #10 (i42r)
    _weight_fall(ex)  # issue #10 (i48w)
    _no_response_named(ex)  # issue #10 (i53f)
    _morphology_over_label(ex)
    _restated_diagnosis(ex)  # issue #10 (i50f)
    _strength_exam(ex)
    _complaints_of_weakness(ex)
    _labs(ex)
    _antibodies(ex)
    _antibody_panels(ex)
    _investigations(ex)
    _treatments(ex)
    _tumours(ex)
    _muscle_biopsy(ex)
    _assessments(ex)
    _patient(ex)
    _onset(ex)
    _before_the_illness(ex)
    _report_subject(ex)
    _abstract_as_summary(ex)
    return ex


# issue #10 (i37r): a case series' summary introduces its patients one after another in one
# paragraph ("A 57-year-old female with ... A 72-year-old male with ... And a 67-year-old male
# with ..."): a sentence opening with another age than the first patient's, and the rest of its
# paragraph, are another patient's (the gold reads a series for its first patient). The same age
# with the other sex is a slip of one word, which the pronouns settle (facts/patient.py).
_PATIENT_INTRODUCED = re.compile(
    r"\W*(?:and\s+)?an?\s+(?P<age>\d{1,3})[- ]year[- ]old\s+(?:[\w/-]+\s+){0,3}?"
    r"(?:woman|female|girl|lady|man|male|boy|gentleman)\b",
    re.IGNORECASE,
)


def _later_patients(text: str, sentences: list[Sentence]) -> None:
    first: str | None = None  # the first patient's age
    paragraph = -1
    for sent in sentences:
        if first is not None and sent.paragraph != paragraph:
            return  # the summary's paragraph is over
        m = _PATIENT_INTRODUCED.match(text, sent.start, sent.end)
        if m is None or not sent.patient:
            continue
        if first is None:
            first, paragraph = m.group("age"), sent.paragraph
        elif m.group("age") != first:
            for later in sentences[sent.index :]:
                if later.paragraph != paragraph:
                    break
                later.later_patient = True


# Sections that speak of patients in general, where one sentence may still introduce the case
# ("This report aims to describe a clinical case of a patient with DM and metastatic breast
# cancer"; a title "... in a Positive HMG-CR Antibody Patient"). Such a sentence is read as a
# summary of the case, like an abstract (see _abstract_as_summary).
_SUMMARY = frozenset({"title", "introduction", "background", "abstract"})


def _run_in_introduction(norm: NormalisedText, segment: Segment | None) -> bool:
    """issue #10 (i44n): whether ``segment`` is an introduction opened by its label run into
    the paragraph ("Introduction: Dermatomyositis is ..."), as a congress abstract writes it:
    the original text before the segment's first character ends in the label's colon."""
    if segment is None or segment.section != "introduction":
        return False
    begin = norm.to_original(segment.start, segment.start + 1)[0]
    return norm.original[:begin].rstrip().endswith((":", "："))


_CASE_OPENING = re.compile(
    r"\W*(?:an?|our|the)\s+(?:\w+\s+){0,2}?\d{1,3}[- ]year[- ]old\s+(?:\w+\s+){0,2}?"
    r"(?:man|woman|male|female|boy|girl|patient|gentleman|lady)\b[^.;]{0,200}?"
    r"\b(?:presented|was\s+admitted|was\s+referred|came\s+to)\b",
    re.IGNORECASE,
)
