"""When things happen: the note's own date, the dated events it names (a diagnosis, an
operation) and the time each sentence speaks of, which the fact readers give their facts."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from typing import cast

from myositis_cds.ingest.text._draft import (
    _EVENT_CATS,
    _PAST_HISTORY_EVENTS,
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _outside_time,
    _planned,
    _status,
)
from myositis_cds.ingest.text._patient_grammar import patient_grammar
from myositis_cds.ingest.text._rules import Rules, TermMatch, compile_rule, note_results
from myositis_cds.ingest.text._style import BLANK_LINE, gregorian_field
from myositis_cds.ingest.text._time import (
    INDEX,
    TimePoint,
    find_dates,
    parse_quantity,
    report_dated,
)
from myositis_cds.ingest.text.facts.tumours import benign_operation

_SHORT_LINE = 120


# issue #10 (i10ag): the stamp that opens an entry of a visit log, a ward's progress notes or a
# nursing record: a date at the line's start, then a time of day or a dash before its author or
# title ("19/11/2026 10:30 - ANP ...", "22/11/2026 - HCA (visit 4): ...", "2026-11-24 14:00
# Consultant:", "[19.11.2026 10:30]"). The lines under it, to the next stamp or the paragraph's
# end, speak from that entry's visit. (i47m: layout but for "at", kept here: as a rule of
# patterns.yaml, tests/ingest/text/test_text_speed.py would compare it with its led form, whose
# ASCII digits "(?=[0-9\[])" miss the Persian digits "\d" reads, "۱۴۰۵/۰۷/۲۶ - ...")
_STAMP_DATE = (
    r"\[?(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}[ -][A-Za-z]{3,9}[ -](?:19|20)\d\d)\]?"
)
_ENTRY_STAMP = compile_rule(
    _STAMP_DATE + r"(?:,?\s+(?:at\s+)?\d{1,2}[:.h]\d\d\b\]?|\s+[-–—]\s)",
    0,
)
# issue #10 (i53d): the header of a continuation card's entry, as clinics hand-write and type
# them: the entry's date opening a line, two spaces or a tab, its short title ("07/07/26  New
# pt.", "14/07/26  R/V  (Dr ...)"), and the entry's lines indented under it. The date governs
# those lines (their "today" is that day) to the first line that is not indented under it
# (_entry_header). A table's dated rows, each at one indent, are no entry.
_ENTRY_HEADER = re.compile(_STAMP_DATE + r"(?:[ \t]{2,}|\t)(?=\S)")
# issue #10 (i54d): the day of the week written before an entry's date, as daily logs and diaries
# head their entries ("Mon 09/11/26  DAY 1", "Wed, 11/11/2026 10:30 - ..."): the stamp still
# opens its line, and the entry's lines are indented under the line, not under the date
_WEEKDAY_LEAD = re.compile(
    r"[ \t]*(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri"
    r"|saturday|sat|sunday|sun)\.?,?[ \t]+",
    re.IGNORECASE,
)


def _journal_chrome(text: str, pos: int, r: Rules) -> bool:
    """Whether the date at ``pos`` stands on a journal's masthead, citation or history line
    (patterns.yaml journal_masthead, journal_published, journal_history)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if r.one("journal_masthead").search(line):
        return True
    if len(line.strip()) > _SHORT_LINE:
        return False
    history = {m.group().casefold() for m in r.one("journal_history").finditer(line)}
    return r.one("journal_published").search(line) is not None or len(history) >= 2


class _ChromeLines:
    """_journal_chrome(text, pos) for the dates of one text, decided once for each line (the
    verdict is the line's): a line holding thousands of dates was searched whole for each
    (issue #10, hostile input: quadratic in the line's length)."""

    def __init__(self, text: str, rules: Rules) -> None:
        self.text = text
        self.rules = rules
        self.breaks = [k for k, c in enumerate(text) if c == "\n"]
        self.verdicts: dict[int, bool] = {}

    @staticmethod
    def of(ex: Extraction) -> _ChromeLines:
        return ex.index(
            "journal chrome",
            lambda: _ChromeLines(ex.text, ex.rules),
            valid=lambda got: got.text is ex.text,
        )

    def at(self, pos: int) -> bool:
        k = bisect_left(self.breaks, pos)  # the breaks before ``pos``
        line_start = self.breaks[k - 1] + 1 if k else 0
        verdict = self.verdicts.get(line_start)
        if verdict is None:
            verdict = self.verdicts[line_start] = _journal_chrome(self.text, pos, self.rules)
        return verdict


def _stamped(text: str, sent: Sentence, pos: int, r: Rules) -> bool:
    lo = max(sent.start, pos - 24)
    if r.one("transmission_stamp").search(text, lo, pos):
        return True
    if not r.one("received_stamp").search(text, lo, pos):
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return (
        r.one("fax_line").search(text, line_start, len(text) if line_end < 0 else line_end)
        is not None
    )


def _cited(text: str, sent: Sentence, start: int, end: int, r: Rules) -> bool:
    digit = re.search(r"\d", text[start:end])
    start = start + digit.start() if digit else start  # a date's own cue ("in 1916") too
    return bool(
        r.one("cited_before").search(text, max(sent.start, start - 40), start)
        or r.one("cited_after").match(text, end, min(sent.end, end + 40))
        or r.one("cited_by_author").search(text, sent.start, start)
    )


def _note_date(ex: Extraction) -> None:
    """The index date: a dated heading (visit before report before a bare "Date:"), else a
    sentence saying when the patient was seen, else the note's first date (not a birth date)."""
    r = ex.rules
    head = ex.norm.read_text[:3000]
    for rx in r.time["note_date"]:
        for m in rx.finditer(head):
            if r.one("next_visit").search(head, max(0, m.start() - 24), m.start()):
                continue  # i10ai: "next clinic Feb-2027" is an appointment to come
            if r.one("next_visit_line").match(head, head.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # i19b: "Follow-up: SOPD 6/10/2026; CLO Clinic 29/9/2026"
            if "not_in_aside" in rx.groupindex and _in_aside(head, m.start()):
                continue  # i51d: "(UMC, discharged 08OCT2026): ...": a story's aside, no field
            said = gregorian_field(m.group("date"), head, r)  # i10av: "3 Oct B.E. 2569"
            found = find_dates(said, r, style=ex.style)
            if found and r.one("prose_cue").match(said, found[0].start):
                continue  # "were reported in 1916 by ...": prose, not a field's date
            if found and found[0].year_month:
                continue  # i33d: "Published in: ... 2021-03": a month is no visit
            if found:
                _set_note_date(ex, found[0].day, found[0].uncertain)
                if found[0].uncertain:
                    order = "month-day" if ex.style.month_first else "day-month"
                    ex.warn(
                        "the note's date is ambiguous (day and month could be swapped); "
                        f"read as {order}: check it"
                    )
                return
    patient = [s for s in ex.sentences if s.patient]
    for sent in patient:
        for rx in r.time["visit"]:
            for m in rx.finditer(ex.text, sent.start, sent.end):
                found = find_dates(m.group("date"), r, style=ex.style)
                if found and m.start("date") + found[0].start == m.start("date"):
                    _set_note_date(ex, found[0].day, found[0].uncertain)
                    ex.warn(
                        f"the note states no date of its own: the visit it describes "
                        f"({found[0].day.isoformat()}) is taken as the date of the visit"
                    )
                    return
    # a date of birth is never the visit: where the birth-date patterns (rules ``birth_date``,
    # in every language they know: "DOB", "DN", "data de nascimento", ...) put their date
    born = ex.birth_date_starts()
    for sent in patient:
        for hit in find_dates(ex.text, r, sent.start, sent.end, ex.style):
            if hit.start in born:
                continue
            if _stamped(ex.text, sent, hit.start, ex.rules):
                continue  # i10j: when a fax or scan was received or printed, not a visit
            if _cited(ex.text, sent, hit.start, hit.end, ex.rules):
                continue  # when a publication reported something, not a visit
            if _ChromeLines.of(ex).at(hit.start):
                continue  # i10ac: when the journal published it, not a visit
            if hit.year_month:
                continue  # i33d: "onset 2026-06", a form's month: no visit
            _set_note_date(ex, hit.day, hit.uncertain)
            ex.warn(
                f"the note states no date of its own: its first date ({hit.day.isoformat()}"
                ") is taken as the date of the visit"
            )
            return


def _in_aside(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a bracket opened before it on its line and not yet closed
    there (issue #10, i51d): a label in such an aside ("paperwork (UMC, discharged 08OCT2026):
    Dx ...") is a word of the story told, not a field of the note's own heading."""
    line = text.rfind("\n", 0, pos) + 1
    return text.count("(", line, pos) > text.count(")", line, pos)


def _set_note_date(ex: Extraction, day: date, uncertain: bool) -> None:
    ex.note_date = day
    ex.note_date_uncertain = uncertain
    ex.style = replace(ex.style, note_date=day)
    for rx in ex.rules.time["discharge_date"]:  # "Discharge: 4 Sep 2025", for "at discharge"
        for m in rx.finditer(ex.norm.read_text[:3000]):
            found = find_dates(m.group("date"), ex.rules, style=ex.style)
            if found and found[0].day >= day:
                ex.discharge_date = found[0].day
                return


_DEVICE_REACH = 25  # characters: "cannula was removed", "removal of the PICC line"
_REMOVAL_WORDS = frozenset({"removal", "removed"})


def _device_removed(ex: Extraction, sent: Sentence, m: TermMatch) -> bool:
    """Whether the removal word ``m`` is about a device named right beside it."""
    if m.text.casefold() not in _REMOVAL_WORDS:
        return False
    lo, hi = max(sent.start, m.start - _DEVICE_REACH), min(sent.end, m.end + _DEVICE_REACH)
    text = ex.text
    return any(
        _DEVICE_THEN.fullmatch(text, d.end, m.start) or _JOINED.fullmatch(text, m.end, d.start)
        for d in ex.rules.devices.find(text, lo, hi)
    )


# what may stand between a device and its removal word: a few words, no clause mark
# ("cannula was removed", "removal of the PICC line"; not "... removed in March; drain ...")
_JOINED = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}?")
# issue #10 (i35d): ... and after the device, its site closed by a comma ("Cannula L forearm,
# removed intact", "PICC right arm, removed"): the comma only right before the removal word,
# so "cannula inserted, tumour removed" stays the tumour's
_DEVICE_THEN = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}?(?:[^\W\d_]+,\s*)?")


def _times_and_events(ex: Extraction) -> None:
    """Give each sentence its time; register events so later sentences can refer to them."""
    r = ex.rules
    text = ex.text
    fields = _diagnosis_fields(ex, r.events.find(text))
    field_time = {m.start: time for m, time in fields}
    events_by_sentence = _bucket(
        ex, _with_diagnoses(ex, r.events.find(text), [m for m, _ in fields])
    )
    event_times: dict[str, TimePoint] = {}
    prev: Sentence | None = None
    entry: TimePoint | None = None  # the date stamp of a record's entry (_ENTRY_STAMP)
    entry_until: int | None = None  # where an entry under a header ends (_entry_header)
    row: tuple[TimePoint, int] | None = None  # a table row's date and indent (_row_date)
    section: TimePoint | None = None  # the date of a section's heading (_section_date)
    for sent in ex.sentences:
        time, spans, anaphoric = _sentence_time(ex, sent, event_times, prev)
        sent.time_spans = spans
        same_paragraph = prev is not None and prev.paragraph == sent.paragraph
        planned = any(
            m.rule.category in ("HYPOTHETICAL", "CONDITIONAL") for m in sent.context.modifiers
        )
        own_line = prev is not None and "\n" in text[prev.end : sent.start]
        now = _present_tense(ex, sent)
        if not same_paragraph or (prev is not None and prev.segment is not sent.segment):
            section = None
            # issue #10 (i49w): a label that opens a line inside an entry ("PMH:", "O/E:" under
            # "24 Nov 2026 14:05  GP consultation") starts a new paragraph of the reading but not
            # a new entry: the entry's stamp goes on to a blank line or the next stamp
            if prev is None or _blank_line_between(ex, prev, sent):
                entry = entry_until = None
        # issue #10 (i10ag): a log entry's stamp dates the lines under it; a stamp inside the
        # sentence (a chat's lines run together) dates the sentences after it
        if entry_until is not None and ex.norm.to_original(sent.start, sent.start + 1)[0] >= (
            entry_until
        ):
            entry = entry_until = None  # i53d: the first line not indented under the header
        stamps = _entry_stamps(ex, sent)
        if stamps and stamps[0][0] == sent.start:
            entry, entry_until = stamps[0][1], stamps[0][2]
        # issue #10 (i10av): a dated section heading dates the lines under it; a line of its own
        # date ends its scope (_dated_heading)
        section = _section_date(ex, sent, section)
        # issue #10 (i10av): a table's date column dates its row's wrapped lines (_row_date)
        row = _row_date(ex, sent, row)
        wrapped = own_line and prev is not None and same_paragraph and _wraps_on(ex, prev, sent)
        if prev is None or not same_paragraph or planned or (own_line and not wrapped) or now:
            base = INDEX  # a plan, the next line of a list, or "there is" speaks from the visit
        elif wrapped:
            base = prev.time_at(prev.end)  # the clause broken at the line's end goes on
        elif any(ex.hits("time", "anaphora_latest", sent)):
            base = _latest_day(prev)  # "At that visit": the latest day the sentence named
        elif anaphoric:
            base = prev.time
        elif prev.time.is_forward() or (
            prev.time.absolute is not None and (_sets_scene(prev) or _labels_what_follows(ex, prev))
        ):
            base = _scene_at_end(ex, prev)  # a dated story goes on to the paragraph's end
        else:
            base = INDEX
        if entry is not None:
            # the visit of the entry speaks, not the note's first visit; its "today" is that day
            # (a line of its own, as written, opens no story of the sentence before it)
            base = entry if base == INDEX or _opens_line(ex, sent) else base
            time = entry if time == INDEX else time
            # i53d: and so is the "today" of each of its words ("Bloods today: CK ...")
            sent.candidates = [(c, entry if t == INDEX else t) for c, t in sent.candidates]
        elif section is not None and time is None:
            # (not over a time the sentence states, "ANA positive today")
            base = section if base == INDEX or _opens_line(ex, sent) else base
        if row is not None and time is None and not sent.candidates:
            base = row[0]  # the wrapped line of a dated row, indented under its text
        sent.base_time = base
        sent.time = time if time is not None else base
        if stamps:
            entry, entry_until = stamps[-1][1], stamps[-1][2]
        for m in events_by_sentence.get(sent.index, []):
            if not _outside_time(sent, m):
                continue
            skip: frozenset[int] = frozenset()
            if m.concept == "diagnosis":
                # issue #10 (i10ai): a result word after the diagnosis is a test's ("DM,
                # diagnosed 07/2026: anti-NXP2 positive, anti-TIF1γ negative"), not a denial
                skip = frozenset(
                    mod.start
                    for mod in sent.context.modifiers
                    if mod.start >= m.end and mod.rule.category == "NEGATED_EXISTENCE"
                )
            assertion = sent.context.assert_target(m.start, m.end, _EVENT_CATS, skip)
            status, uncertain = _status(
                ex, sent, assertion, sent.time_at(m.start), m.concept in _PAST_HISTORY_EVENTS
            )
            if status == "present" and (
                assertion.get("existence") == "PENDING"
                or (_planned(sent) and m.concept in _PAST_HISTORY_EVENTS)
            ):
                status = "hypothetical"  # "Plan: sigmoid colectomy"
            if m.concept == "remission" and _partial(text, m):
                continue
            if m.concept == "surgery" and benign_operation(ex, sent):
                continue  # issue #10 (i10x): "tubular adenoma ..., completely excised"
            if m.concept == "surgery" and _device_removed(ex, sent, m):
                continue  # issue #10 (i10af): "dose 3 given; cannula removed"
            if m.concept == "surgery" and _operation_as_place(ex, sent, m):
                continue  # issue #10 (i10ah): "prostatectomy bed unremarkable"
            _add(
                ex,
                Draft(
                    "event",
                    m.concept,
                    status,
                    m.start,
                    m.end,
                    sent,
                    # a field's own date (i10ai), or the date the next line opens with (i35d)
                    field_time.get(m.start)
                    or _date_next_line(ex, sent, m)
                    or _date_after_diagnosis(ex, sent, m)
                    or sent.time,
                    uncertain=uncertain,
                ),
            )
            if status == "present" and m.concept not in event_times:
                event_times[m.concept] = ex.drafts[-1].time
        prev = sent


def _date_next_line(ex: Extraction, sent: Sentence, m: TermMatch) -> TimePoint | None:
    """The date of a diagnosis whose word ends its line and sentence, the date opening the next
    line (a wrapped "Diagnosed / 19.08.2026", the splitter having cut at the line's date)."""
    if m.concept != "diagnosis" or ex.text[m.end : sent.end].strip(" \t:") not in ("", "on", "in"):
        return None
    gap = ex.rules.one("date_on_next_line").match(ex.text, m.end)
    if gap is None:
        return None
    dates = find_dates(ex.text, ex.rules, gap.end(), min(len(ex.text), gap.end() + 30), ex.style)
    if not dates or dates[0].start != gap.end():
        return None
    return TimePoint(absolute=dates[0].day, uncertain=dates[0].uncertain)


def _date_after_diagnosis(ex: Extraction, sent: Sentence, m: TermMatch) -> TimePoint | None:
    """issue #10 (i39n): the date right after the diagnosis's word, past its agent and "on"
    (patterns.yaml diagnosed_date_gap), in its sentence: "began with a rash in November 2025 and was
    diagnosed by Dr Okafor (rheumatology) on the 12th of January 2026" dates the diagnosis on
    12 January, not at the sentence's first date."""
    if m.concept != "diagnosis":
        return None
    text = ex.text
    dates = find_dates(text, ex.rules, m.end, min(sent.end, m.end + _GAP_REACH), ex.style)
    if (
        not dates
        or ex.rules.one("diagnosed_date_gap").fullmatch(text, m.end, dates[0].start) is None
    ):
        return None
    return TimePoint(absolute=dates[0].day, uncertain=dates[0].uncertain)


def _operation_as_place(ex: Extraction, sent: Sentence, m: TermMatch) -> bool:
    """Whether the operation word names an earlier operation as a place a scan or an
    examination describes ("prostatectomy bed unremarkable", "mastectomy scar"; rules/
    patterns.yaml ``operation_as_place``), not an operation on the sentence's day."""
    return any(
        d.start() <= m.start and m.end <= d.end()
        for rx in ex.rules.value["operation_as_place"]
        for d in rx.finditer(ex.text, sent.start, sent.end)
    )


def _scene_at_end(ex: Extraction, sent: Sentence) -> TimePoint:
    """issue #10 (i10av): the time a dated sentence's story has reached at its end: a later date
    in it that labels what follows it (its colon after it: "Labs (09.11.2026): CK 1236 ...
    Immunology (sample 10.11.2026.): ANA 1:320." goes on with the sample's day), else the
    sentence's time. Not a date that closes a clause ("640 U/L on 11/02 on treatment."), nor a
    report's or results' date ("Bloods taken 12/10 (results by 16/10): ...")."""
    if sent.time.absolute is None:
        return sent.time
    for pos, point in reversed(sent.candidates[1:]):
        if point.absolute is not None and _labels_after(ex.text, sent, pos, ex.rules):
            return point
    return sent.time


def _labels_what_follows(ex: Extraction, sent: Sentence) -> bool:
    """issue #10 (i15c): whether a date of the sentence labels what follows it (its colon after
    it, not a report's or results' date) although it stands in the sentence's second half: a
    heading the reading joined to the line above it ("CEA 2,1 ng/mL (VN < 5) Immunoblot
    (sample of 28/10/2026): Mi-2 positive. TIF1γ, NXP2 ...: negative.") dates the sentences
    after it in its paragraph, as a heading on its own line does (_scene_at_end)."""
    return any(
        point.absolute is not None and _labels_after(ex.text, sent, pos, ex.rules)
        for pos, point in sent.candidates
    )


def _labels_after(text: str, sent: Sentence, pos: int, r: Rules) -> bool:
    """Whether the sentence's date at ``pos`` labels what follows it: its colon after it (after
    the bracket that holds it), and no report's or results' word just before it."""
    end = sent.ends.get(pos)
    return (
        end is not None
        and _LABEL_AFTER.match(text, end, min(sent.end, end + 4)) is not None
        and not r.one("results_word").search(text, max(sent.start, pos - 25), pos)
    )


# a date that labels what follows it: its colon, after the bracket that holds it
_LABEL_AFTER = re.compile(r"[.\s]?\)?\s*:")


# issue #10 (i42a): a sentence the reading broke at a soft wrap in the middle of its clause: the
# line above runs to the note's right margin (a long line of the note) with no stop, colon or
# semicolon at its end, and either leaves a bracket open ("TIF1-gamma positive (+++, band
# intensity" / "68); NXP2, ... negative") or this line goes on in lower case or with a number
# that is no item's or row's ("... CK 8,940 U/L; anti-HMGCR" / "212 U (ref < 20, positive);
# ..."). The line is the same clause, of the time the line above has reached at its end, not the
# next line of a list (a form's short rows, "myalgia ..... 1", end far from the margin).
_LINE_ENDED = re.compile(r"[.!?:;]\W*$")
_ITEM_NUMBER = re.compile(r"\d+(?:\.\d+)*[.)]\s|\d+\.\d+\s+[^\W\d_]")
_MARGIN_SHARE = 0.8  # of the note's margin (_margin): a line that long was wrapped there


_MARGIN_OUTLIERS = 50  # one line in so many may run past the margin (a long address, a URL)


def _margin(original: str) -> int:
    """The note's right margin: its longest line but for the outliers, one and one more in
    every ``_MARGIN_OUTLIERS`` lines, that run past it (a link, a long address). Found once per
    note while it is read (note_results; not a process-wide cache, which would keep every note's
    text for the life of a server)."""
    memo = note_results()
    key = ("margin", original)
    if memo is not None and key in memo:
        return cast(int, memo[key])
    lengths = sorted(map(len, original.splitlines()), reverse=True)
    found = lengths[min(len(lengths) - 1, 1 + len(lengths) // _MARGIN_OUTLIERS)] if lengths else 0
    if memo is not None:
        memo[key] = found
    return found


def _wraps_on(ex: Extraction, prev: Sentence, sent: Sentence) -> bool:
    text = ex.text
    above = text[prev.start : prev.end].rstrip()
    if not above or _LINE_ENDED.search(above):
        return False
    if sent.candidates and sent.candidates[0][0] == sent.start:
        return False  # a row of its own date
    first = text[sent.start]
    if not (
        above.count("(") > above.count(")")
        or first.islower()
        or (first.isdigit() and not _ITEM_NUMBER.match(text, sent.start))
    ):
        return False
    original = ex.norm.original
    last, _ = ex.norm.to_original(prev.end - 1, prev.end)  # the last character of the line above
    line_end = original.find("\n", last)
    line = original[original.rfind("\n", 0, last) + 1 : line_end if line_end >= 0 else None]
    return len(line.rstrip()) >= _MARGIN_SHARE * _margin(original)


def _latest_day(sent: Sentence) -> TimePoint:
    """issue #10 (i42a): the latest day of those ``sent`` states (rules/patterns.yaml
    ``anaphora_latest``): a story told forward names its visit after the first signs ("rash from
    July; diagnosed in clinic on 21 September. On that day: ..."), else the sentence's time."""
    days = [t for _, t in sent.candidates if t.absolute is not None]
    return max(days, key=lambda t: t.absolute or date.min) if days else sent.time


def _opens_line(ex: Extraction, sent: Sentence, pos: int | None = None) -> bool:
    """Whether the sentence (or the text at ``pos`` in it) opens a line of the note as written
    (a soft-wrapped note's reading joins its lines)."""
    at = sent.start if pos is None else pos
    start, _ = ex.norm.to_original(at, at + 1)
    # back over the spaces and tabs before it (no copy of the text before: this runs per sentence)
    original = ex.norm.original
    while start > 0 and original[start - 1] in " \t":
        start -= 1
    return start == 0 or original[start - 1] == "\n"


# issue #10 (i10av): a section's heading that is only a label with its date and a colon, the
# section's rows on the lines under it ("Findings at admission (27.10.2026):", "Laboratory
# 27/10/2026:", "Status pri prijmu (09.11.2026.):", "Bloods - 3 Nov 2026:"): the date is the
# rows' date to the paragraph's end (a blank line) or the next heading of its own date, as an
# entry stamp dates its entry (the lines under it would otherwise each speak from the visit)
_HEADING_REACH = 80  # characters: a heading's label and its date, not a sentence


def _blank_line_between(ex: Extraction, prev: Sentence, sent: Sentence) -> bool:
    """Whether a blank line stands between two sentences as written (the reading sets a
    section's label off with blank lines of its own)."""
    _, end = ex.norm.to_original(prev.end - 1, prev.end)
    start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    return BLANK_LINE.search(ex.norm.original, end, max(end, start)) is not None


def _section_date(ex: Extraction, sent: Sentence, section: TimePoint | None) -> TimePoint | None:
    """The section date in force for ``sent``: its own heading's date, None when it opens a
    line with a date of its own ("Antibodies (04/11/2026): ..." under "Labs (03/11/2026):"),
    else ``section``."""
    heading = _dated_heading(ex, sent)
    if heading is not None:
        return heading
    if _opens_line(ex, sent) and any(t.absolute is not None for _, t in sent.candidates):
        return None
    return section


def _dated_heading(ex: Extraction, sent: Sentence) -> TimePoint | None:
    """The date of a section heading that opens the sentence's line and holds nothing after its
    date but a colon, a closing bracket or a time of day ("Findings at admission (27.10.2026):"
    is dated by its date, not by the visit its "at admission" names; "Myositis Antibody Panel
    (collected 11/14/2026, resulted 11/16/2026)" by its sample's date, the table's rows below):
    its one calendar date, a sample's before a report's (_sample_not_report)."""
    if not (sent.candidates or sent.local):
        return None
    original = ex.norm.original
    after_sentence = False
    if _opens_line(ex, sent):
        # the line as written (the reading may have joined the heading to the line under it)
        start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    elif (start := _after_section_label(ex, sent)) < 0:
        if not (after_sentence := _after_sentence_on_its_line(ex, sent)):
            return None
        start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    end = original.find("\n", start)
    line = original[start : len(original) if end < 0 else end].rstrip()
    if len(line) > _HEADING_REACH or (after_sentence and not line.endswith(":")):
        return None
    # issue #10 (i52d): the line's colon is the last sentence's on it: a sentence followed on its
    # line by another ("Seen by rheumatology in 2024. Antibody panel 9 Feb 2025:") heads nothing
    _, sent_end = ex.norm.to_original(sent.end - 1, sent.end)
    if original[sent_end : start + len(line)].strip():
        return None
    dated = [
        (pos, t)
        for pos, t in sent.stated_times()
        if t.absolute is not None and ex.norm.to_original(pos, pos + 1)[0] < start + len(line)
    ]
    if not dated:
        return None
    if not line.endswith(":") and not _bracket_heading(line, ex.rules):
        return None
    dated.sort(key=lambda d: d[0])
    days = {t for _, t in _sample_not_report(ex.text, sent, dated, ex.rules)}
    return days.pop() if len(days) == 1 else None


# issue #10 (i24d): a section's heading with its date in a bracket on its line ("EXAMINATION
# (03-11-2026)", "Examination (3 Nov 2026)"): the reading takes the heading's label off as the
# section's name, and the sentence left opens with the bracket. The label is words only.
_SECTION_LABEL = re.compile(r"[ \t]*+[^\W\d_]++(?:[ \t/&-]++[^\W\d_]++){0,4}[ \t]*+")


def _after_section_label(ex: Extraction, sent: Sentence) -> int:
    """Where the line of a sentence that opens its section starts, when only the section's
    label stands before the sentence on that line (see above); else -1."""
    segment = sent.segment
    if segment is None or ex.text[segment.start : sent.start].strip():
        return -1
    start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    original = ex.norm.original
    line_start = original.rfind("\n", 0, start) + 1
    if _SECTION_LABEL.fullmatch(original, line_start, start) is None:
        return -1
    return line_start


# issue #10 (i52d): a dated label that closes its line with a colon after a sentence ended on the
# same line ("... first seen in 2024. Antibody panel 9 Feb 2025:" over the panel's rows) heads
# the rows indented under it, as a label opening its line does: the rows are the panel's. Only
# with the colon at the line's end and the next line indented deeper (a prose paragraph's
# wrapped line keeps its margin: "...; antibodies (20/08/2026):" / "anti-MDA5 positive, ..."
# goes on in prose past the results)
_SENTENCE_END = re.compile(r"[.;!?][)\]\"'’”]*$")


def _after_sentence_on_its_line(ex: Extraction, sent: Sentence) -> bool:
    """Whether ``sent`` starts on a line after another sentence of its paragraph ended there,
    the line under it indented deeper than that line (see above)."""
    if sent.index == 0 or ex.sentences[sent.index - 1].paragraph != sent.paragraph:
        return False
    start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    original = ex.norm.original
    before = original[original.rfind("\n", 0, start) + 1 : start].rstrip()
    if not before.strip() or _SENTENCE_END.search(before) is None:
        return False
    next_start = original.find("\n", start) + 1
    if next_start == 0:
        return False
    next_end = original.find("\n", next_start)
    next_line = original[next_start : None if next_end < 0 else next_end]
    indent = len(before) - len(before.lstrip(" \t"))
    return bool(next_line.strip()) and len(next_line) - len(next_line.lstrip(" \t")) > indent


def _bracket_heading(line: str, r: Rules) -> bool:
    """Whether a line without a colon is a dated heading (patterns.yaml bracket_heading): its
    bracket holds only dates and the words of a sample, a report or an assay ("dysphagia
    (05/2025; resolved)" is a dated complaint, not a heading)."""
    # issue #10 (i43f): a form's numbered section before the label, "SECTION 4: INVESTIGATIONS
    # (...)" (patterns.yaml numbered_section), and where the tests were done in the bracket,
    # "(done at camp laboratory, 02/11)" (done_at)
    numbered = r.one("numbered_section").match(line)
    m = r.one("bracket_heading").fullmatch(line, numbered.end() if numbered else 0)
    if m is None:
        return False
    label = line[numbered.end() if numbered else 0 : line.rfind("(")]
    if _capitals_label(label):
        return True
    inside = line[line.rfind("(") + 1 : line.rfind(")")]
    for d in reversed(find_dates(inside, r)):
        inside = inside[: d.start] + " " + inside[d.end :]
    inside = r.one("done_at").sub(" ", inside)
    words = re.findall(r"[^\W\d_]+", inside)
    assay, dated, bracket = (
        r.one(k) for k in ("assay_words", "date_words", "heading_bracket_words")
    )
    return all(assay.fullmatch(w) or dated.fullmatch(w) or bracket.fullmatch(w) for w in words)


# issue #10 (i49w): a section's label typed in capitals, "PRE-OPERATIVE WARD REVIEW (23/11/2026,
# evening before surgery)", "PART 2 - PRE-ENTRY SCREENING (physiotherapist, 20/11/2026)", is a
# heading whatever else its bracket says (who examined, when in the day): a complaint or a
# diagnosis with its date in a bracket is written in the sentence's own case. Two letters or
# more, none of them lower case (any script with cases; a script without them has no capitals).
def _capitals_label(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# issue #10 (i10av): a results table whose first column is the date, the row's text after two
# spaces or a tab, its wrapped lines indented under that text ("5/10/2026  Myositis profile:
# anti-PL-7 positive,\n         anti-Jo-1 negative"): the row's date dates its wrapped lines,
# up to the next line that is not indented; or the row's date labelled by its colon
# (issue #10, i40a: "10-11-2026: Myositis immunoblot (report 13-11-2026):\n            Mi-2 ++")
# (issue #10, i52d: or a table's bar between the date and the row, "05/10 | Admitted ...", its
# wrapped lines "      | CK ..." under it)
_DATE_COLUMN = re.compile(r"[ \t]{2,}|\t|:[ \t]|[ \t]*\|")


def _row_date(
    ex: Extraction, sent: Sentence, row: tuple[TimePoint, int] | None
) -> tuple[TimePoint, int] | None:
    """The row date in force for ``sent``, with the indent of its row's line: its own when it
    opens its line with a date and a column gap, ``row`` when it opens a line indented deeper
    than the row's (a wrapped line of that row) or does not open a line, else None."""
    if not _opens_line(ex, sent):
        return row
    start, _ = ex.norm.to_original(sent.start, sent.start + 1)
    original = ex.norm.original
    line_start = original.rfind("\n", 0, start) + 1
    indent = start - line_start if not original[line_start:start].strip(" \t") else 0
    # issue #10 (i42a): a row of its own first, indented or not: a table nested under a form's
    # question or a list's heading indents its rows ("Q5 Investigations:" / "    21/09/2026
    # Myositis line immunoblot: ... (band" / "                68); NXP2 ... negative"), their
    # wrapped lines indented deeper; a line at the rows' own indent is the next row, not theirs
    first = sent.candidates[0] if sent.candidates else None
    if first is not None and first[0] == sent.start and first[1].absolute is not None:
        end = sent.ends.get(first[0])
        if end is not None:
            _, gap = ex.norm.to_original(first[0], end)  # the gap as written (joined spaces)
            if _DATE_COLUMN.match(original, gap):
                return first[1], indent
    if row is not None and indent >= 2 and indent > row[1]:
        return row  # an indented line: the wrapped text of the row above
    return None


def _entry_stamps(ex: Extraction, sent: Sentence) -> list[tuple[int, TimePoint, int | None]]:
    """The entry stamps (``_ENTRY_STAMP``) and entry headers (``_ENTRY_HEADER``) that open a
    line in the sentence, with their dates and, for a header, where its entry ends in the note
    as written."""
    out: list[tuple[int, TimePoint, int | None]] = []
    for m in _ENTRY_STAMP.finditer(ex.text, sent.start, sent.end):
        day = next(
            (t for c, t in sent.candidates if m.start() <= c < m.end() and t.absolute is not None),
            None,
        )
        if day is not None and _entry_indent(ex, m.start()) is not None:
            out.append((m.start(), day, None))
    stamped = {pos for pos, _, _ in out}
    for c, t in sent.candidates:
        if t.absolute is None or c in stamped or _entry_indent(ex, c) is None:
            continue
        until = _entry_header(ex, c)
        if until is not None:
            out.append((c, t, until))
    return sorted(out, key=lambda stamp: stamp[0])


def _entry_indent(ex: Extraction, pos: int) -> int | None:
    """The indent of the line (in the note as written) that an entry's date at ``pos`` of the
    reading opens, with only spaces or the day of the week before it (issue #10, i54d:
    ``_WEEKDAY_LEAD``); None when other words stand before the date on its line."""
    original = ex.norm.original
    start, _ = ex.norm.to_original(pos, pos + 1)
    line_start = original.rfind("\n", 0, start) + 1
    lead = original[line_start:start]
    if lead.strip(" \t") and _WEEKDAY_LEAD.fullmatch(lead) is None:
        return None
    return len(lead) - len(lead.lstrip(" \t"))


def _entry_header(ex: Extraction, pos: int) -> int | None:
    """issue #10 (i53d): where the entry ends (in the note as written) whose header
    (``_ENTRY_HEADER``) opens at ``pos`` of the reading: the start of the first line after it
    that is blank or not indented deeper than the header; None when no header opens there or
    no line is indented under it."""
    original = ex.norm.original
    start, _ = ex.norm.to_original(pos, pos + 1)
    indent = _entry_indent(ex, pos)
    line_end = original.find("\n", start)
    if indent is None or line_end < 0 or _ENTRY_HEADER.match(original, start, line_end) is None:
        return None
    end = line_end + 1
    while end < len(original):
        next_end = original.find("\n", end)
        line = original[end : next_end if next_end >= 0 else len(original)]
        if not line.strip() or len(line) - len(line.lstrip(" \t")) <= indent:
            break
        end = next_end + 1 if next_end >= 0 else len(original)
    return end if end > line_end + 1 else None


def _episode(text: str, name_start: int, r: Rules) -> bool:
    """Whether the disease named at ``name_start`` is named as an episode of it (patterns.yaml
    episode_of)."""
    return r.one("episode_of").search(text, max(0, name_start - 30), name_start) is not None


def _with_diagnoses(
    ex: Extraction, events: list[TermMatch], fields: list[TermMatch]
) -> list[TermMatch]:
    """Event mentions plus "diagnosed"/"dx" said of the myositis ("DM (TIF1-γ +ve), diagnosed
    Nov 2024"), not of a tumour ("diagnosed with breast cancer in 2019"); and a form's diagnosis
    date field under the myositis's name (_diagnosis_fields)."""
    text = ex.text
    histology = ex.rules.histology
    found = [
        e
        for e in [*events, *fields]
        if not (e.concept == "diagnosis" and _episode(text, e.start, ex.rules))
    ]
    names = ex.rules.myositis.find(text)
    for rx in ex.rules.time["diagnosed"]:
        for m in ex.finditer(rx):
            if any(e.start < m.end() and m.start() < e.end for e in events):
                continue
            near = [n for n in names if abs(n.start - m.start()) <= 80]
            for n in near:
                lo, hi = min(n.end, m.start()), max(n.start, m.end())
                # (i10ai: a full stop ends the clause, not one inside a code, "DM (M33.1)")
                if re.search(r"[;\n]|\.(?!\d)", text[lo:hi]) or histology.find(text, lo, hi):
                    continue
                if _episode(text, n.start, ex.rules):
                    break  # issue #10 (i10ag): "Relapse of DM diagnosed by GP 17/11/2026"
                found.append(TermMatch(m.start(), m.end(), "diagnosis", m.group()))
                break
            else:
                if _dated_under_the_myositis(ex, names, m):
                    found.append(TermMatch(m.start(), m.end(), "diagnosis", m.group()))
    return sorted(found, key=lambda t: t.start)


def _dated_under_the_myositis(ex: Extraction, names: list[TermMatch], m: re.Match[str]) -> bool:
    """issue #10 (i33d): "diagnosed"/"dx" with its date right after it, in a clause that names
    no disease, under the myositis named last before it ("DERMATOMYOSITIS ... Onset JUL26: rash
    ... Dx 12AUG26", "Anti-MDA5 dermatomyositis ...; rheumatology (Dr X) diagnosed 2026/09/30",
    "Diagnosed by rheumatology on 2024-05-12"): the myositis's diagnosis, when no tumour is named
    between the name and the date nor right after it ("diagnosed 2019 with breast cancer")."""
    text, r = ex.text, ex.rules
    # (issue #10, i37c: the first date after the word, and all that stands between them the
    # gap's words, "diagnosed at NNUH on 8th September 2026", "diagnosed by rheumatology
    # 09/10/2026": matched whole, so the agent's words end where the date begins)
    dates = find_dates(text, r, m.end(), min(len(text), m.end() + _GAP_REACH), ex.style)
    if (
        not dates
        or ex.rules.one("diagnosed_date_gap").fullmatch(text, m.end(), dates[0].start) is None
    ):
        return False
    before = [n for n in names if n.end <= m.start() and m.start() - n.end <= _FIELD_REACH]
    if not before or _episode(text, before[-1].start, r):
        return False
    lo, hi = before[-1].end, min(len(text), dates[0].end + _TUMOUR_AFTER)
    # (issue #10, i37c: up to the date's clause end: a tumour named in the next clause was not
    # what was diagnosed, "diagnosed 2026/09/30; cancer screen then found the tumour")
    clause_end = _CLAUSE_MARK.search(text, dates[0].end, hi)
    hi = clause_end.start() if clause_end is not None else hi
    return not _names_tumour(text, lo, hi, r)


def _names_tumour(text: str, lo: int, hi: int, r: Rules) -> bool:
    """Whether text[lo:hi] names a tumour: a histology, or an organ not named as the myositis's
    own disease (i35d: "with interstitial lung disease", "can damage the lungs" is no tumour's
    site; issue #10, i54d: for a form's diagnosis field as for "diagnosed on")."""
    if r.histology.find(text, lo, hi):
        return True
    return any(
        not r.one("organ_not_tumour").match(text, site.end) and not _plural_organ(site, r)
        for site in r.sites.find(text, lo, hi)
    )


def _plural_organ(site: TermMatch, r: Rules) -> bool:
    """An organ's name in the plural ("the lungs", "both kidneys"), not "pancreas"."""
    return site.text[-1:] in "sS" and bool(r.sites.find(site.text[:-1]))


_CLAUSE_MARK = re.compile(r"[;\n]|\.(?!\d)")
_GAP_REACH = 80  # characters: the gap (its agent up to 40) and the date's first characters
_TUMOUR_AFTER = 40  # characters: "diagnosed 2019 with breast cancer"


def _diagnosis_fields(ex: Extraction, events: list[TermMatch]) -> list[tuple[TermMatch, TimePoint]]:
    """issue #10 (i10ai): a form's diagnosis date field ("Date of diagnosis ...... 2025-05-20",
    "Diagnosis date . 28-May-2025", "Diagnosedatum: 02.09.2026"; rules time.diagnosis_field)
    with its date right after the label: the myositis's diagnosis when a name of the myositis
    stands before it on its line or on the two lines above ("Diagnosis ..... IMNM, anti-HMGCR"),
    with no tumour named between (a cancer registry's "Diagnosedatum" dates the tumour)."""
    text, r = ex.text, ex.rules
    found: list[tuple[TermMatch, TimePoint]] = []
    for rx in ex.live(r.time["diagnosis_field"]):
        for m in rx.finditer(text):
            if any(e.start < m.end() and m.start() < e.end for e in events):
                continue
            dates = find_dates(text, r, m.end(), min(len(text), m.end() + 30), ex.style)
            if not dates or dates[0].start != m.end():
                continue
            above = text.rfind("\n", 0, m.start())
            for _ in range(2):
                above = text.rfind("\n", 0, above) if above > 0 else -1
            names = r.myositis.find(text, max(above + 1, m.start() - _FIELD_REACH), m.start())
            if not names:
                continue
            if _names_tumour(text, names[-1].end, m.start(), r):
                continue
            day = TimePoint(absolute=dates[0].day, uncertain=dates[0].uncertain)
            found.append((TermMatch(m.start(), m.end(), "diagnosis", m.group()), day))
    return found


_FIELD_REACH = 240  # characters: a form's field and the diagnosis it dates, a few lines up


def stated_onset(ex: Extraction, flares: set[int]) -> Draft | None:
    """The onset stated as a date: the onset's field or noun right before a date ("onset Sept
    2021", "Symptom onset (mm/yyyy) ...... 02/2025", "Symptomdebut i juni 2026"), the first in
    the note; else (issue #10, i10ai) the earliest complaint said to be there since a date
    (complaint_since). ``flares``: the sentences of a flare, which date the flare."""
    r, text = ex.rules, ex.text
    for sent in ex.sentences:
        if not sent.patient:
            continue
        for found in ex.hits("time", "onset_date", sent):  # each pattern in turn, as written
            for cue in found:
                dates = find_dates(text, r, cue.end(), min(sent.end, cue.end() + 30), ex.style)
                if dates and dates[0].start == cue.end():
                    day = TimePoint(absolute=dates[0].day, uncertain=dates[0].uncertain)
                    if ex.rules.one("year_alone").fullmatch(text, dates[0].start, dates[0].end):
                        # issue #10 (i24d): "Onset in 2026" is the onset's coarsest statement; a
                        # complaint dated within that year ("weak thighs starting in March
                        # 2026") states the same onset to its month
                        since = complaint_since(ex, flares)
                        if (
                            since is not None
                            and since.time.absolute is not None
                            and since.time.absolute.year == dates[0].day.year
                        ):
                            return since
                    return Draft(
                        "onset", "onset_date", "present", cue.start(), dates[0].end, sent, day
                    )
    return complaint_since(ex, flares)


# the words a complaint and its "since <date>" share a clause with: no full stop, semicolon or
# list item between them (a wrapped line is one clause)
_CLAUSE_END = re.compile(r"[.;]\s|\n\s*\n|\n\s*[-•*]\s")
_COMPLAINT_REACH = 80


def complaint_since(ex: Extraction, flares: set[int]) -> Draft | None:
    """issue #10 (i10ai): the onset as the earliest date a complaint of the illness is said to
    have been there since ("Rash since 06/2026", "weakness from May 2026", "heliotrope first
    noted July 2025", "Ausschlag seit Juli 2026", "eritema desde agosto de 2026"): the word
    before the date (rules time.onset_since) stands right before it, and a complaint (time.
    onset_complaint, or rules/patient.yaml's complaints of the other languages) within the same
    clause before it or after the date. Not in a flare's sentence, a relative's, nor of a
    complaint denied or only possible ("no rash since May")."""
    r = ex.rules
    complaints = [*ex.live(r.time["onset_complaint"]), patient_grammar().symptoms]
    best: Draft | None = None
    for sent in ex.sentences:
        if not sent.patient or sent.index in flares:
            continue
        if sent.segment is not None and sent.segment.status == "family":
            continue
        starts = {d.start: d for d in ex.dates_in(sent)}
        for hit in list(starts.values()):
            # issue #10 (i24d): a date read with its preposition ("in June 2026") after a cue
            # that ends with that preposition ("starting in", "first noticed in")
            lead = r.one("date_preposition").match(ex.text, hit.start, hit.end)
            if lead is not None:
                starts.setdefault(lead.end(), hit)
            season = r.one("season_then_date").search(
                ex.text, max(sent.start, hit.start - 50), hit.start
            )
            if season is not None:  # i35d: 'started "in the spring" (May 2026)': the bracket's
                starts.setdefault(season.start(), hit)
        for began in ex.dates_in(sent):  # i35d: "It began with a rash in April 2026"
            said = _began_with(ex, sent, complaints, began.start)
            if said is not None and (best is None or began.day < best.time.resolve(began.day)):
                day = TimePoint(absolute=began.day, uncertain=began.uncertain)
                best = Draft("onset", "onset_date", "present", said, began.end, sent, day)
        for found in ex.hits("time", "onset_since", sent):
            for cue in found:
                d = starts.get(cue.end())
                if d is None or (best is not None and d.day >= best.time.resolve(d.day)):
                    continue
                # after "since", or a time that opens its clause ("Around the start of July
                # she got a rash"), the complaint may follow the date ("since May she has had a
                # rash"; rules/patterns.yaml since_words); after "from" or "noted" the words
                # that follow are the story's next event
                forward = r.since.forward.match(cue.group()) is not None or _opens_clause(
                    ex.text, sent, cue.start(), r
                )
                said = _complaint_near(ex, sent, complaints, cue.start(), d.end, forward)
                if said is None:
                    continue
                day = TimePoint(absolute=d.day, uncertain=d.uncertain)
                best = Draft("onset", "onset_date", "present", said, d.end, sent, day)
        # issue #10 (i42n): "since" after its date (patterns.yaml since_after: Finnish "alkaen",
        # Pashto "راهیسې"), the complaint after it ("د ۱۴۰۵ کال د زمري له میاشتې راهیسې د اوږو او
        # ورنونو کمزوري لري": since the month of Asad 1405 he has weakness of ...)
        for d in ex.dates_in(sent):
            after = r.one("since_after").match(ex.text, d.end, min(sent.end, d.end + 20))
            if after is None or (best is not None and d.day >= best.time.resolve(d.day)):
                continue
            said = _complaint_near(ex, sent, complaints, d.start, after.end(), True)
            if said is not None:
                day = TimePoint(absolute=d.day, uncertain=d.uncertain)
                best = Draft("onset", "onset_date", "present", said, d.end, sent, day)
    return best


def _began_with(
    ex: Extraction, sent: Sentence, complaints: list[re.Pattern[str]], start: int
) -> int | None:
    """Where the complaint an illness began with stands, when the date at ``start`` dates it."""
    m = ex.rules.one("began_with").search(ex.text, max(sent.start, start - 60), start)
    if m is None:
        return None
    for rx in complaints:
        hit = rx.search(ex.text, m.start("what"), m.end("what"))
        if hit is not None:
            assertion = sent.context.assert_target(hit.start(), hit.end(), _THING_CATS)
            if assertion.get("existence") in ("NEGATED_EXISTENCE", "RESOLVED") or any(
                assertion.get(k) for k in ("hypothetical", "experiencer", "generic")
            ):
                return None
            return hit.start()
    return None


def _opens_clause(text: str, sent: Sentence, pos: int, r: Rules) -> bool:
    """Whether only a list mark or a conjunction stands between the clause's start and ``pos``
    (patterns.yaml clause_opening)."""
    cut = [m.end() for m in _CLAUSE_END.finditer(text, sent.start, pos)]
    lead = text[cut[-1] if cut else sent.start : pos]
    return r.one("clause_opening").fullmatch(lead) is not None


def _complaint_near(
    ex: Extraction,
    sent: Sentence,
    complaints: list[re.Pattern[str]],
    cue: int,
    end: int,
    forward: bool,
) -> int | None:
    """Where a complaint the patient has stands in the clause of ``cue`` (before it) or, with
    ``forward``, just after the date ending at ``end``: its start, or None."""
    text = ex.text
    lo = max(sent.start, cue - _COMPLAINT_REACH)
    cut = [m.end() for m in _CLAUSE_END.finditer(text, lo, cue)]
    lo = cut[-1] if cut else lo
    hi = min(sent.end, end + _COMPLAINT_REACH)
    stop = _CLAUSE_END.search(text, end, hi)
    hi = (stop.start() if stop else hi) if forward else end
    hits = sorted(
        (
            m
            for rx in complaints
            for span in ((lo, cue), (end, hi))
            for m in rx.finditer(text, *span)
        ),
        key=lambda m: abs(m.start() - cue),
    )
    # a result word after the date is a test's ("weakness from May 2026, diagnosed ...: anti-NXP2
    # positive, anti-TIF1-gamma negative"), not a denial of the complaint
    results_after = frozenset(
        mod.start
        for mod in sent.context.modifiers
        if mod.start >= end and mod.rule.category == "NEGATED_EXISTENCE"
    )
    for m in hits:
        opened = text.rfind("(", m.end(), cue)
        if opened >= 0 and ")" not in text[opened:cue] and text[opened + 1 : cue].strip():
            continue  # "eruption (amlodipine since 02/2026)": what the brackets name
        if ex.rules.treatments.find(text, m.end(), cue):
            continue  # "rash, on methotrexate since 2024": the drug's since
        assertion = sent.context.assert_target(m.start(), m.end(), _THING_CATS, results_after)
        if assertion.get("existence") in ("NEGATED_EXISTENCE", "RESOLVED"):
            continue
        if any(assertion.get(k) for k in ("hypothetical", "experiencer", "generic")):
            continue
        if assertion.get("certainty") == "POSSIBLE_EXISTENCE":
            continue
        return m.start()
    return None


def _present_tense(ex: Extraction, sent: Sentence) -> bool:
    return any(ex.hits("time", "present_tense", sent)) and not any(
        ex.hits("time", "past_tense", sent)
    )


def _sets_scene(sent: Sentence) -> bool:
    """Whether the sentence's date opens it ("On 19 April she had ...") and so may carry on to
    the next sentence, rather than closing one clause ("... and peaked at 21,300 on 17 Jan").
    A sentence with no time of its own passes on the time it inherited."""
    if not sent.candidates:
        return sent.time.absolute is not None and sent.time == sent.base_time
    first = sent.candidates[0][0]
    return (first - sent.start) <= 0.5 * (sent.end - sent.start)


def _local_scope(
    ex: Extraction, sent: Sentence, start: int, end: int
) -> tuple[int, int, bool] | None:
    """The words a date governs when it does not govern its sentence: the parentheses around
    it (unless they label what follows, "Serology (Sept 2025): ..."), or the clause before
    "since DATE"."""
    text = ex.text
    opened = text.rfind("(", sent.start, start)
    if opened >= 0 and text.find(")", opened, start) < 0:
        closed = text.find(")", end, sent.end)
        if closed >= 0:
            after = text[closed + 1 : closed + 6].lstrip()
            rest = text[opened + 1 : start] + " " + text[end:closed]
            only_date = (
                not ex.rules.one("assay_words")
                .sub("", ex.rules.one("date_words").sub("", rest))
                .strip(" ,;-")
            )
            # (issue #10, i10ag: or a form's dot leader, "anti-HMGCR (ELISA, 2025-05-08) .....
            # positive": the label's date dates its answer)
            if not after.startswith((":", "...")) and not only_date:
                if not text[opened + 1 : start].strip() and _GOES_ON.match(text, end, closed):
                    # issue #10 (i20b): a date that opens the bracket and goes on after a comma
                    # dates the clause the bracket follows as well ("History of melanoma (2018,
                    # excised, no recurrence)": the melanoma of 2018, as "melanoma (2018)")
                    clause = max(text.rfind(c, sent.start, opened) for c in ",;:")
                    return (clause + 1 if clause >= 0 else sent.start), closed + 1, False
                return opened, closed + 1, False
    if ex.rules.one("diagnosed_before").search(
        text[max(sent.start, start - 16) : start]
    ) and ex.rules.one("lists_on").match(text, end, sent.end):
        # issue #10 (i22a): "dermatomyositis diagnosed 07/2026, anti-TIF1-gamma positive, CK
        # 4,100": the date is the diagnosis's (and of what the clause names before it, "breast
        # cancer, dx 03/2026"); the facts listed after the comma have no time of their own, the
        # note's (README); "diagnosed in 2019, with ..." goes on about that time
        # (it says when the disease began, as "since" does: a finding still there, or a
        # tumour's size in the clause, is not dated by it, _Sentence.time_at's ``ongoing``)
        clause = text.rfind(";", sent.start, start)
        return (clause + 1 if clause >= 0 else sent.start), end, True
    dated_back = ex.rules.one("since_after").match(text, end, min(sent.end, end + 20))  # (i42n)
    if (
        ex.rules.since.clause.search(text[max(sent.start, start - 30) : start])
        or text[start:end].casefold().startswith("since")
        or dated_back is not None
    ) and not ex.rules.one("record_from").search(text, max(sent.start, start - 40), start):
        # issue #10 (i52t): a "since" written after its date (Finnish "alkaen", Pashto) closes the
        # clause it dates, which runs back from the date to its comma: a drug's long name and
        # its dose before it ("Metotreksaatti 15 mg x 1 viikossa s.c. 2.10.2026 alkaen") reach
        # further back than the words after an English "since"
        lo = max(sent.start, start - (_SINCE_AFTER_REACH if dated_back is not None else 30))
        comma = text.rfind(",", lo, start)
        return (comma + 1 if comma >= 0 else lo), end, True
    return None


_SINCE_AFTER_REACH = 60  # characters from a clause's start to its date before "alkaen"


_GOES_ON = re.compile(r"\s*[,;]")


# "since <date>" in the languages read: rules/patterns.yaml since_words (issue #10, i35v; the
# longest, "nanomboka tamin'ny volana", needs the 30 characters); Finnish and Pashto put it after
# the date (patterns.yaml since_after)


def _partial(text: str, m: TermMatch) -> bool:
    before = text[max(0, m.start - 25) : m.start].casefold()
    return any(w in before for w in ("partial", "nearly", "incomplete", "almost", "partly"))


def _sentence_time(
    ex: Extraction, sent: Sentence, event_times: dict[str, TimePoint], prev: Sentence | None
) -> tuple[TimePoint | None, list[tuple[int, int]], bool]:
    r = ex.rules
    text = ex.text
    spans: list[tuple[int, int]] = []
    anaphoric = any(ex.hits("time", "anaphora", sent))
    candidates: list[tuple[int, TimePoint]] = []
    sent.breaks = [m.start() for found in ex.hits("time", "clause_break", sent) for m in found]
    sent.local = []
    for d in ex.dates_in(sent):
        if _ChromeLines.of(ex).at(d.start):
            continue  # i10ac: the journal's date, which dates no event of the story
        point = TimePoint(absolute=d.day, uncertain=d.uncertain)
        spans.append((d.start, d.end))
        if r.one("all_results_dated").search(text, max(sent.start, d.start - 24), d.start):
            # i51d: "CK ...; AST ...; ESR ... - all on 20/10/2026": no clause break before it
            # keeps the list's earlier results from it
            sent.breaks = [b for b in sent.breaks if b > d.start]
        scope = _local_scope(ex, sent, d.start, d.end)
        if scope is not None:
            sent.local.append((d.start, point, *scope))
        else:
            candidates.append((d.start, point))
    onset_spans = [(m.start(), m.end()) for found in ex.hits("time", "onset", sent) for m in found]
    spans.extend(onset_spans)
    for found in ex.hits("time", "before", sent):
        for m in found:
            if any(a <= m.start() < b for a, b in onset_spans):
                continue
            q = parse_quantity(m.group("n"), m.group("unit"), r)
            if q is None:
                continue
            months, days, vague = q
            candidates.append((m.start(), INDEX.shifted(-months, -days, vague)))
            spans.append((m.start(), m.end()))
    for found in ex.hits("time", "after", sent):
        for m in found:
            q = parse_quantity(m.group("n"), m.group("unit"), r)
            if q is None:
                continue
            months, days, vague = q
            ref_text = m.group("ref") or ""
            base = _event_base(ex, ref_text, event_times)
            if base is None:
                if prev is None:
                    continue
                base = prev.time
                if ref_text.strip() and not ref_text.strip().startswith(("the ", "her ", "his ")):
                    pass
            candidates.append((m.start(), base.shifted(months, days, vague)))
            spans.append((m.start(), m.end()))
    for found in ex.hits("time", "at_event", sent):
        for m in found:
            if any(a <= m.start() < b for a, b in spans):
                continue
            base = _event_base(ex, m.group("ref"), event_times)
            spans.append((m.start(), m.end()))
            if base is not None:
                candidates.append((m.start(), base))
    if ex.discharge_date is not None:
        for found in ex.hits("time", "at_discharge", sent):
            for m in found:
                candidates.append((m.start(), TimePoint(absolute=ex.discharge_date)))
                spans.append((m.start(), m.end()))
    for found in ex.hits("time", "at_index", sent):
        for m in found:
            if not any(a <= m.start() < b for a, b in spans):
                candidates.append((m.start(), INDEX))
                spans.append((m.start(), m.end()))
    if candidates:  # i10ai: ", later proximal weakness": not the date before it
        for m in r.one("later").finditer(text, sent.start, sent.end):
            if any(pos < m.start() for pos, _ in candidates):
                candidates.append((m.start(), INDEX))
                spans.append((m.start(), m.end()))
    if not candidates:  # "remains", "today": the visit itself, unless a date is given
        for found in ex.hits("time", "present", sent):
            for m in found:
                candidates.append((m.start(), INDEX))
    candidates.sort(key=lambda c: c[0])
    candidates = _sample_not_report(text, sent, candidates, r)
    sent.candidates = candidates
    sent.ends = dict(spans)
    if not candidates:
        return None, spans, anaphoric
    return candidates[0][1], spans, anaphoric


# issue #10 (i10q): a laboratory report dates a result twice, when the sample was taken and when
# the report was issued ("line blot - sample 2026-10-02, reported 2026-10-05"); the result is the
# sample's. A report's date is left out when the sentence also dates the sample (the sample's
# words: patterns.yaml sample_word, fragment SAMPLE_WORDS; the report's: report_word).
# how far before a date its sample's or report's word may start: the word itself and its agent
# (EVENT_AGENT: up to three words)
_SAMPLE_REACH = 60


def _sample_not_report(
    text: str, sent: Sentence, candidates: list[tuple[int, TimePoint]], r: Rules
) -> list[tuple[int, TimePoint]]:
    def after(rx: re.Pattern[str], pos: int, reach: int = 25) -> bool:
        return rx.search(text, max(sent.start, pos - reach), pos) is not None

    sample = r.one("sample_word")
    if not any(after(sample, pos, _SAMPLE_REACH) for pos, _ in candidates) and not any(
        report_dated(text, sent.start, pos, r)
        and _dated_before_aside(text, sent, candidates, pos, r)
        for pos, _ in candidates
    ):
        return candidates
    return [(pos, point) for pos, point in candidates if not report_dated(text, sent.start, pos, r)]


def _dated_before_aside(
    text: str, sent: Sentence, candidates: list[tuple[int, TimePoint]], pos: int, r: Rules
) -> bool:
    """issue #10 (i40a): whether the report's date at ``pos`` stands in an aside (brackets) that
    the sentence dated before it, in the aside itself ("line blot (Bishkek, 13.11.2026, result
    17.11.2026)") or as the date the sentence opens with, a row's ("05.11.2026  Immunoblot
    (Moscow lab; result 12.11.2026): ..."): that earlier date is the sample's, and the result is
    the sample's, as when the sample's word is written (patterns.yaml sample_word)."""
    opened = text.rfind("(", sent.start, pos)
    if opened < 0 or text.find(")", opened, pos) >= 0:
        return False  # not in an aside
    return any(
        c < pos and (c > opened or c == sent.start) and not report_dated(text, sent.start, c, r)
        for c, _ in candidates
    )


def _event_base(
    ex: Extraction, ref_text: str, event_times: dict[str, TimePoint]
) -> TimePoint | None:
    if not ref_text:
        return None
    if ref_text.strip().casefold() == "diagnosis":
        return event_times.get("diagnosis")
    for m in ex.rules.events.find(ref_text):
        if m.concept in event_times:
            return event_times[m.concept]
    return None
