"""Investigations (cancer screening by CT, PET-CT, mammography, endoscopy, smear …, and tests
such as a full blood count): done, normal, abnormal or pending, and when a pending one was
asked for."""

from __future__ import annotations

import re
from typing import Any

from myositis_cds.ingest.text._context import Assertion
from myositis_cds.ingest.text._draft import (
    _INVESTIGATION_CATS,
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _planned,
    _status,
)
from myositis_cds.ingest.text._time import INDEX, TimePoint


def _investigations(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    last_ct: str | None = None
    for idx, matches in sorted(_bucket(ex, r.investigations.find(text)).items()):
        sent = ex.sentences[idx]
        for m in matches:
            code = m.concept
            if code.startswith("@"):
                if code == "@ct" and last_ct is not None and sent.patient:
                    code = last_ct
                else:
                    continue
            elif code.startswith("ct_") and sent.patient:
                last_ct = code
            assertion = sent.context.assert_target(m.start, m.end, _INVESTIGATION_CATS)
            status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            existence = assertion.get("existence")
            if existence is None and _planned(sent):
                existence = "PENDING"  # "Plan: CT chest/abd/pelvis, mammogram"
            if code == "eus" and _FNA.search(text, m.end, min(sent.end, m.end + 60)):
                code = "eus_fna"  # "EUS in June 2025, FNA cytology: NET"
            if existence in (None, "NORMAL", "NEGATED_EXISTENCE") and _found_first(
                ex, sent, m.end, assertion
            ):
                existence = "ABNORMAL"  # "HRCT chest 07-Jun-2025: NSIP pattern"
            if existence is None and _names_tumour(ex, sent):
                existence = "ABNORMAL"  # "EUS-FNA: well-differentiated neuroendocrine tumour"
            if existence is None:
                existence = _next_sentence_result(ex, sent)
            value: dict[str, Any] = {}
            inferred = False
            if status == "absent" and _not_done(ex, assertion, m.start):
                continue  # "no EUS needed at present", "CT not performed"
            if status == "absent":
                status = "present"  # "FOBT negative": a normal result
            if status == "hypothetical" and assertion.get("hypothetical") == "CONDITIONAL":
                pass  # "if the rash returns we will repeat a PET-CT": not requested
            elif status == "hypothetical" or existence == "PENDING":
                if status in ("present", "hypothetical"):
                    status = "present"
                    value["result"] = "pending"
            elif existence in ("NORMAL", "NEGATED_EXISTENCE"):
                value["result"] = "normal"
            elif existence == "ABNORMAL":
                value["result"] = "abnormal"
            else:
                value["result"] = "normal"  # listed as done, no abnormality reported
                inferred = True
                uncertain = True
            if code == "fdg_pet_ct" and "fdg" not in m.text.casefold():
                value["note"] = "PET tracer not named; FDG assumed"
                inferred = uncertain = True  # it may be a somatostatin-receptor PET: confirm
            _add(
                ex,
                Draft(
                    "investigation",
                    code,
                    status,
                    m.start,
                    m.end,
                    sent,
                    sent.time,
                    value,
                    inferred=inferred,
                    uncertain=uncertain,
                ),
            )
            if value.get("result") == "pending":
                ex.drafts[-1].time = _requested(ex, sent, m.start)


# the result clause after a test: up to its first ";", full stop or line end
_CLAUSE_END = re.compile(r"[;\n]|\.(?:\s|$)")
# a lesion named as absent ("no mass or adenopathy", "without nodules", "ingen tumor"); issue
# #10 (i10aq): and "not seen"/"without" in Indonesian/Malay ("tidak tampak nodul"), Romanian,
# Hungarian, Vietnamese, Slovak/Czech/Croatian "nie je/nema", Swedish "utan" (verified U)
_NOT_FOUND = re.compile(
    r"\b(?:no|without|nor|or|any|ingen|intet|inga|utan|kein\w*|ohne|sin|sans|senza|sem|bez|"
    r"nessun\w*|tidak(?:\s+(?:tampak|ada|terlihat|didapatkan))?|tanpa|fără|fara|nincs|nem\s+"
    r"látható|nélküli?|không(?:\s+(?:có|thấy))?|nema|nie\s+je|není)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)

# what a test can show or is asked for, not what it showed ("HRCT may show ...", "CT to exclude
# a mass"); "may" in lower case only, as "May" is also the month ("HRCT 12-May-2026: NSIP")
_MAY_SHOW = re.compile(
    r"\b(?:(?-i:may)|might|can|could|would|should|will|if|whether|to\s+(?:exclude|rule\s+out|look|assess|"
    r"evaluate|screen|search)|kann|könnte|puede|podría|peut|pourrait|può|potrebbe|kan|kunne)\b",
    re.I,
)


def _found_first(ex: Extraction, sent: Sentence, after: int, assertion: Assertion) -> bool:
    """issue #10 (i10aj): whether the test's result clause names a lesion or an abnormal
    pattern (patterns.yaml ``investigation_abnormal_result``) before any judgement the context
    rules read for it, and not as absent."""
    text = ex.text
    last = _bracket_end(ex, sent)
    end = _CLAUSE_END.search(text, after, last)
    stop = end.start() if end is not None else last
    nxt = ex.rules.investigations.find(text, after, stop)
    if nxt:
        stop = nxt[0].start  # "Mammography: normal, CT: 3 cm mass": the mass is the CT's
    hit = assertion.categories.get("existence")
    for rx in ex.rules.value["investigation_abnormal_result"]:
        lesion = rx.search(text, after, stop)
        if lesion is None or _NOT_FOUND.search(
            text, max(after, lesion.start() - 30), lesion.start()
        ):
            continue
        if _MAY_SHOW.search(text, after, lesion.start()):
            return False  # "HRCT may show ground-glass change": what it can show, no result
        return hit is None or hit[1] > lesion.start()
    return False


def _bracket_end(ex: Extraction, sent: Sentence) -> int:
    """issue #10 (i10aq): where a test's result clause can end: the sentence's end, or the next
    sentence's when the sentence was cut inside an open bracket (a date's closing dot read as a
    full stop: "CT (2026.10.16.): 48 mm mass", "MSCT (12.11.2026.): tvorba 33 mm")."""
    chunk = ex.text[sent.start : sent.end]
    if chunk.count("(") > chunk.count(")") and sent.index + 1 < len(ex.sentences):
        nxt = ex.sentences[sent.index + 1]
        if nxt.paragraph == sent.paragraph:
            return nxt.end
    return sent.end


_FNA = re.compile(r"\b(?:fna|fnb|fine[- ]needle|needle biopsy|guided biopsy)\b", re.I)


def _requested(ex: Extraction, sent: Sentence, pos: int) -> TimePoint:
    """A pending test is dated on the visit that asked for it: a date next to it says when it
    is due ("repeat CT TAP Jan 2026") or when the last one was done ("last one 2014")."""
    return INDEX


def _names_tumour(ex: Extraction, sent: Sentence) -> bool:
    """Whether the sentence names a tumour as found ("EUS-FNA: well-differentiated NET",
    "Known pancreatic NET (EUS-FNA 2023)", "CT 14 May: 32 mm mass in the sigmoid colon")."""
    sized = any(ex.hits("value", "tumour_size", sent))
    for m in ex.rules.histology.find(ex.text, sent.start, sent.end):
        if m.concept == "other" and not sized:
            continue
        if sent.context.assert_target(m.start, m.end, _THING_CATS).get("existence") is None:
            return True
    return False


_NOT_DONE = frozenset({"no", "not", "without", "nil", "never"})


def _not_done(ex: Extraction, assertion: Assertion, start: int) -> bool:
    """A plain "no"/"not" right before a test says it was not done, not that it was normal."""
    hit = assertion.categories.get("existence")
    if hit is None or hit[0] != "NEGATED_EXISTENCE":
        return False
    _, a, b = hit
    return b <= start and ex.text[a:b].casefold() in _NOT_DONE and start - b <= 12


def _next_sentence_result(ex: Extraction, sent: Sentence) -> str | None:
    """A result stated in the next sentence of the paragraph ("Skin biopsy.\nInterface …")."""
    if sent.index + 1 >= len(ex.sentences):
        return None
    nxt = ex.sentences[sent.index + 1]
    if nxt.paragraph != sent.paragraph:
        return None
    if ex.rules.investigations.find(ex.text, nxt.start, nxt.end):
        return None
    cats = {m.rule.category for m in nxt.context.modifiers}
    if "ABNORMAL" in cats:
        return "ABNORMAL"
    if "NORMAL" in cats:
        return "NORMAL"
    return None
