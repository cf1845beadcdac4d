"""Which of the event mentions _timeline.py registers are events of the patient's story: an
operation done, a death, a remission or a relapse; not the word naming a place, a department,
a redacted field, or an operation planned (issue #10, i10aj). A device taken out ("cannula
removed") is left out by _timeline.py itself (i10af)."""

from __future__ import annotations

from myositis_cds.ingest.text._draft import Draft, Extraction, marked_window

# how far either side of the mention the rules ``event_not_done`` read
_REACH = 60


def recorded_event(ex: Extraction, d: Draft) -> bool:
    """Whether an event draft of the patient's story (status present) goes into the case: not
    when a rule of ``event_not_done`` (patterns.yaml) names it, each read on
    the words around the mention with the mention itself marked ``«...»``."""
    if d.status != "present":
        return False  # an old operation is past history (tests/ingest/text/test_text_time.py)
    text = ex.text
    lo = max(d.sentence.start, d.start - _REACH)
    hi = min(d.sentence.end, d.end + _REACH)
    window = marked_window(text, d.start, d.end, lo, hi)
    return not any(rx.search(window) for rx in ex.rules.value["event_not_done"])
