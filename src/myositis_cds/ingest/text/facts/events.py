"""Which of the event mentions _timeline.py registers are events of the patient's story: an
operation done, a death, a remission or a relapse; not the word naming a place, a department,
a redacted field, or an operation planned (issue #10, i10aj). A device taken out ("cannula
removed") is left out by _timeline.py itself (i10af)."""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text._draft import Draft, Extraction, marked_window

# how far either side of the mention the rules ``event_not_done`` read
_REACH = 60


def recorded_event(ex: Extraction, d: Draft) -> bool:
    """Whether an event draft of the patient's story (status present) goes into the case: not
    when a rule of ``event_not_done`` (patterns.yaml) names it, each read on
    the words around the mention with the mention itself marked ``«...»``; and a death word
    only on the day of the death when a field of the note dates it (``death_date_field``)."""
    return _recorded(ex, d, _window(ex, d))


def _recorded(ex: Extraction, d: Draft, window: str) -> bool:
    """recorded_event, on the mention's ``window`` (:func:`_window`)."""
    if d.status != "present":
        return False  # an old operation is past history (tests/ingest/text/test_text_time.py)
    if d.code == "death":
        day = _field_dated_death(ex)
        if day is not None and d.time.absolute != day:
            return False  # the one death, named again ("70 at death", "in-hospital death")
    return not any(rx.search(window) for rx in ex.rules.value["event_not_done"])


def story_event(ex: Extraction, d: Draft) -> bool:
    """Whether an event draft is an event of the story in its own right: recorded
    (recorded_event) and not an operation's word that names the operation dated elsewhere or
    only its diagnostic biopsy (patterns.yaml ``event_named_elsewhere``, issue #10, i48e). A
    tumour's removal reads recorded_event alone: "completely excised" still removes it."""
    window = _window(ex, d)
    return _recorded(ex, d, window) and not any(
        rx.search(window) for rx in ex.rules.value["event_named_elsewhere"]
    )


def _window(ex: Extraction, d: Draft) -> str:
    lo = max(d.sentence.start, d.start - _REACH)
    hi = min(d.sentence.end, d.end + _REACH)
    return marked_window(ex.text, d.start, d.end, lo, hi)


def _field_dated_death(ex: Extraction) -> date | None:
    """issue #10 (i48e): the day of the patient's death when a field of the note gives it
    ("Date of death: 02/11/2026"; patterns.yaml ``death_date_field``). A patient dies once: the
    note's other death words (a record's heading, "died despite antibiotics" after the day of
    admission) name that death, on that day. None when no field dates it, or two fields give
    different days (then each mention is read as before)."""
    field = ex.rules.one("death_date_field")
    days = {
        d.time.absolute
        for d in ex.drafts
        if d.type == "event"
        and d.code == "death"
        and d.status == "present"
        and d.time.absolute is not None
        and field.search(_window(ex, d))
    }
    return days.pop() if len(days) == 1 else None
