"""When things happen: the note's own date, the dated events it names (a diagnosis, an
operation) and the time each sentence speaks of, which the fact readers give their facts."""

from __future__ import annotations

import re
from datetime import date

from myositis_cds.ingest.text._draft import (
    _EVENT_CATS,
    _PAST_HISTORY_EVENTS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _outside_time,
    _planned,
    _status,
)
from myositis_cds.ingest.text._rules import Rules, TermMatch
from myositis_cds.ingest.text._time import INDEX, DateStyle, TimePoint, find_dates, parse_quantity
from myositis_cds.ingest.text.facts.tumours import benign_operation

# issue #10 (i10j): a transmission stamp's date ("received 13/11/2026 14:02" on a faxed letter,
# "printed on", "scanned"): the day the paper travelled, not the day the patient was seen
_STAMP = re.compile(r"\b(?:printed|scanned|faxed|transmitted)(?:\s+on)?\s*[:\-]?\s*$", re.I)
# "received" is a stamp only on a line that speaks of the fax or scan ("Images received: 18/09"
# dates what was examined)
_RECEIVED = re.compile(r"\b(?:received|rec'?d)(?:\s+on)?\s*[:\-]?\s*$", re.I)
_FAX_LINE = re.compile(r"\b(?:fax(?:ed)?|telefax|ocr|scan(?:ned)?|page\s+\d+\s+of\s+\d+)\b", re.I)


# issue #10 (i10ac): a journal's page chrome dates the publication, not a visit: its masthead
# ("Volume 12, Issue 2 (May 2022)", "Vol. 5 No. 3", "ISSN ...", "Том 3, выпуск 2", "Band 12,
# Heft 4"; not "issue" or "No." alone, which a clinic's line uses too), a citation line
# ("... (2022) Title. Journal, 12, 65-70. doi: ...") and copyright ("Copyright © 2024"). On
# a line with one of these marks its date is never the note's own.
# The history of an article marks it too, on a short line only (in a paragraph its words are
# the patient's, "she received IVIG on ..."): a publication ("Published: 1 May 2022"), or a
# receipt with an acceptance or revision ("Received 3 March 2022; accepted 5 May 2022"); a
# receipt alone is a laboratory's or a clinic's ("Images received: 18/09/2026").
_MASTHEAD = re.compile(
    r"\b(?:vol(?:ume)?\.?\s*\d+|issn|doi\s*:|doi\.org|copyright|pmid|pmcid"
    r"|том\s+\d+|выпуск\s+\d+|band\s+\d+\s*,\s*heft)|©",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published(?:\s+online)?|epub|available\s+online|publicado|publié|pubblicato"
    r"|veröffentlicht|опубликовано)\b",
    re.IGNORECASE,
)
_ARTICLE_HISTORY = re.compile(
    r"\b(?:received|accepted|revised|recibido|aceptado|revisado|reçu|accepté|révisé|ricevuto"
    r"|accettato|revisionato|eingegangen|angenommen|поступила|принята)\b",
    re.IGNORECASE,
)
_SHORT_LINE = 120

# issue #10 (i10ag): the stamp that opens an entry of a visit log, a ward's progress notes or a
# nursing record: a date at the line's start, then a time of day or a dash before its author or
# title ("19/11/2026 10:30 - ANP ...", "22/11/2026 - HCA (visit 4): ...", "2026-11-24 14:00
# Consultant:", "[19.11.2026 10:30]"). The lines under it, to the next stamp or the paragraph's
# end, speak from that entry's visit.
_ENTRY_STAMP = re.compile(
    r"\[?(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}[ -][A-Za-z]{3,9}[ -](?:19|20)\d\d)\]?"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.h]\d\d\b\]?|\s+[-–—]\s)"
)


def _journal_chrome(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` stands on a journal's masthead, citation or history line."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if _MASTHEAD.search(line):
        return True
    if len(line.strip()) > _SHORT_LINE:
        return False
    history = {m.group().casefold() for m in _ARTICLE_HISTORY.finditer(line)}
    return _PUBLISHED.search(line) is not None or len(history) >= 2


def _stamped(text: str, sent: Sentence, pos: int) -> bool:
    lo = max(sent.start, pos - 24)
    if _STAMP.search(text, lo, pos):
        return True
    if not _RECEIVED.search(text, lo, pos):
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return _FAX_LINE.search(text, line_start, len(text) if line_end < 0 else line_end) is not None


# issue #10: the year of a publication a report cites ("the first cases were reported in 1916 by
# Stertz", "described in 1975 by Bohan and Peter", "(Bohan and Peter, 1975)", "Sontheimer et al.
# 2002"): when someone wrote, not when the patient was seen
_CITED_BEFORE = re.compile(
    r"\b(?:reported|described|published|coined|introduced|proposed|defined|first\s+\w+)"
    r"(?:\s+\w+){0,3}?\s+in\s*$|\bet\s+al\.?,?\s*\(?\s*$|[(;]\s*(?-i:[A-Z])[\w'’-]+"
    r"(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]+)?,?\s*$",
    re.I,
)
_CITED_AFTER = re.compile(r"^\s*,?\s*by\s+(?-i:[A-Z])[\w'’-]+")


# a dated field's date is never a year after a preposition of prose ("reported in 1916 by
# Stertz" is no "Reported:" field; "since 2019")
_PROSE_CUE = re.compile(r"(?:in|since|from|by|about|around|circa|before|after)\s", re.I)


def _cited(text: str, sent: Sentence, start: int, end: int) -> bool:
    digit = re.search(r"\d", text[start:end])
    start = start + digit.start() if digit else start  # a date's own cue ("in 1916") too
    return bool(
        _CITED_BEFORE.search(text, max(sent.start, start - 40), start)
        or _CITED_AFTER.match(text, end, min(sent.end, end + 40))
    )


def _note_date(ex: Extraction) -> None:
    """The index date: a dated heading (visit before report before a bare "Date:"), else a
    sentence saying when the patient was seen, else the note's first date (not a birth date)."""
    r = ex.rules
    head = ex.norm.read_text[:3000]
    for rx in r.time["note_date"]:
        for m in rx.finditer(head):
            found = find_dates(m.group("date"), r, style=ex.style)
            if found and _PROSE_CUE.match(m.group("date"), found[0].start):
                continue  # "were reported in 1916 by ...": prose, not a field's date
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
    born = _birth_date_starts(ex.text, r)
    for sent in patient:
        for hit in find_dates(ex.text, r, sent.start, sent.end, ex.style):
            if hit.start in born:
                continue
            if _stamped(ex.text, sent, hit.start):
                continue  # i10j: when a fax or scan was received or printed, not a visit
            if _cited(ex.text, sent, hit.start, hit.end):
                continue  # when a publication reported something, not a visit
            if _journal_chrome(ex.text, hit.start):
                continue  # i10ac: when the journal published it, not a visit
            _set_note_date(ex, hit.day, hit.uncertain)
            ex.warn(
                f"the note states no date of its own: its first date ({hit.day.isoformat()}"
                ") is taken as the date of the visit"
            )
            return


def _birth_date_starts(text: str, r: Rules) -> set[int]:
    """Where a date of birth begins, by the birth-date patterns. Each label is tried at every
    place it occurs: one label's match may take in the next ("born in Lodz, DOB 03/05/1960"),
    so matches are allowed to overlap."""
    starts = set()
    for rx in r.value["birth_date"]:
        pos = 0
        while (m := rx.search(text, pos)) is not None:
            starts.add(m.start("date") + len(m.group("date")) - len(m.group("date").lstrip()))
            pos = m.start() + 1
    return starts


def _set_note_date(ex: Extraction, day: date, uncertain: bool) -> None:
    ex.note_date = day
    ex.note_date_uncertain = uncertain
    ex.style = DateStyle(ex.style.month_first, ex.style.order_known, day)
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
        _JOINED.fullmatch(text, d.end, m.start) or _JOINED.fullmatch(text, m.end, d.start)
        for d in ex.rules.devices.find(text, lo, hi)
    )


# what may stand between a device and its removal word: a few words, no clause mark
# ("cannula was removed", "removal of the PICC line"; not "... removed in March; drain ...")
_JOINED = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}?")


def _times_and_events(ex: Extraction) -> None:
    """Give each sentence its time; register events so later sentences can refer to them."""
    r = ex.rules
    text = ex.text
    events_by_sentence = _bucket(ex, _with_diagnoses(ex, r.events.find(text)))
    event_times: dict[str, TimePoint] = {}
    prev: Sentence | None = None
    entry: TimePoint | None = None  # the date stamp of a record's entry (_ENTRY_STAMP)
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
            entry = None
        # issue #10 (i10ag): a log entry's stamp dates the lines under it; a stamp inside the
        # sentence (a chat's lines run together) dates the sentences after it
        stamps = _entry_stamps(ex, sent)
        if stamps and stamps[0][0] == sent.start:
            entry = stamps[0][1]
        if prev is None or not same_paragraph or planned or own_line or now:
            base = INDEX  # a plan, the next line of a list, or "there is" speaks from the visit
        elif anaphoric:
            base = prev.time
        elif prev.time.is_forward() or (prev.time.absolute is not None and _sets_scene(prev)):
            base = prev.time  # a dated or follow-up story goes on until the paragraph ends
        else:
            base = INDEX
        if entry is not None:
            # the visit of the entry speaks, not the note's first visit; its "today" is that day
            # (a line of its own, as written, opens no story of the sentence before it)
            base = entry if base == INDEX or _opens_line(ex, sent) else base
            time = entry if time == INDEX else time
        sent.base_time = base
        sent.time = time if time is not None else base
        if stamps:
            entry = stamps[-1][1]
        for m in events_by_sentence.get(sent.index, []):
            if not _outside_time(sent, m):
                continue
            assertion = sent.context.assert_target(m.start, m.end, _EVENT_CATS)
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
            _add(
                ex,
                Draft(
                    "event", m.concept, status, m.start, m.end, sent, sent.time, uncertain=uncertain
                ),
            )
            if status == "present" and m.concept not in event_times:
                event_times[m.concept] = ex.drafts[-1].time
        prev = sent


def _opens_line(ex: Extraction, sent: Sentence, pos: int | None = None) -> bool:
    """Whether the sentence (or the text at ``pos`` in it) opens a line of the note as written
    (a soft-wrapped note's reading joins its lines)."""
    at = sent.start if pos is None else pos
    start, _ = ex.norm.to_original(at, at + 1)
    before = ex.norm.original[:start].rstrip(" \t")
    return not before or before.endswith("\n")


def _entry_stamps(ex: Extraction, sent: Sentence) -> list[tuple[int, TimePoint]]:
    """The entry stamps (``_ENTRY_STAMP``) that open a line in the sentence, with their dates."""
    out = []
    for m in _ENTRY_STAMP.finditer(ex.text, sent.start, sent.end):
        day = next(
            (t for c, t in sent.candidates if m.start() <= c < m.end() and t.absolute is not None),
            None,
        )
        if day is not None and _opens_line(ex, sent, m.start()):
            out.append((m.start(), day))
    return out


# issue #10 (i10ag): an episode of the known disease ("relapse of DM diagnosed by the GP on
# 17/11", "a flare of dermatomyositis diagnosed in clinic"): its own event, not the diagnosis
_EPISODE_OF = re.compile(
    r"\b(?:relapse|relapsing|flare(?:-up)?|recurrence|exacerbation|reactivation)\s+of\s+"
    r"(?:(?:the|his|her|their|known)\s+)*$",
    re.IGNORECASE,
)


# issue #10 (i10ag): a device taken out ("cannula removed", "removal of the drain", "sutures
# were removed"), as a visit log or a ward's notes record it: no operation of the story
def _episode(text: str, name_start: int) -> bool:
    """Whether the disease named at ``name_start`` is named as an episode of it (_EPISODE_OF)."""
    return _EPISODE_OF.search(text, max(0, name_start - 30), name_start) is not None


def _with_diagnoses(ex: Extraction, events: list[TermMatch]) -> list[TermMatch]:
    """Event mentions plus "diagnosed"/"dx" said of the myositis ("DM (TIF1-γ +ve), diagnosed
    Nov 2024"), not of a tumour ("diagnosed with breast cancer in 2019")."""
    text = ex.text
    histology = ex.rules.histology
    found = [e for e in events if not (e.concept == "diagnosis" and _episode(text, e.start))]
    names = ex.rules.myositis.find(text)
    for rx in ex.rules.time["diagnosed"]:
        for m in rx.finditer(text):
            if any(e.start < m.end() and m.start() < e.end for e in events):
                continue
            near = [n for n in names if abs(n.start - m.start()) <= 80]
            for n in near:
                lo, hi = min(n.end, m.start()), max(n.start, m.end())
                if re.search(r"[.;\n]", text[lo:hi]) or histology.find(text, lo, hi):
                    continue
                if _episode(text, n.start):
                    break  # issue #10 (i10ag): "Relapse of DM diagnosed by GP 17/11/2026"
                found.append(TermMatch(m.start(), m.end(), "diagnosis", m.group()))
                break
    return sorted(found, key=lambda t: t.start)


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


# Words that may stand with a date in parentheses that dates what precedes them:
# "CK 7,850 U/L (03/30/2025)", "dermatomyositis (diagnosed June 2024)".
_DATE_WORDS = re.compile(
    r"\b(?:on|in|at|from|since|dated|done|performed|reported|diagnosed|dx|onset|started)\b", re.I
)


def _local_scope(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int, bool] | None:
    """The words a date governs when it does not govern its sentence: the parentheses around
    it (unless they label what follows, "Serology (Sept 2025): ..."), or the clause before
    "since DATE"."""
    opened = text.rfind("(", sent.start, start)
    if opened >= 0 and text.find(")", opened, start) < 0:
        closed = text.find(")", end, sent.end)
        if closed >= 0:
            after = text[closed + 1 : closed + 6].lstrip()
            rest = text[opened + 1 : start] + " " + text[end:closed]
            only_date = not _DATE_WORDS.sub("", rest).strip(" ,;-")
            # (issue #10, i10ag: or a form's dot leader, "anti-HMGCR (ELISA, 2025-05-08) .....
            # positive": the label's date dates its answer)
            if not after.startswith((":", "...")) and not only_date:
                return opened, closed + 1, False
    if re.search(
        r"\b(?:since|from|to|until|till)\s*$", text[max(sent.start, start - 8) : start], re.I
    ) or text[start:end].casefold().startswith("since"):
        lo = max(sent.start, start - 30)
        comma = text.rfind(",", lo, start)
        return (comma + 1 if comma >= 0 else lo), end, True
    return None


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
        if _journal_chrome(text, d.start):
            continue  # i10ac: the journal's date, which dates no event of the story
        point = TimePoint(absolute=d.day, uncertain=d.uncertain)
        spans.append((d.start, d.end))
        scope = _local_scope(text, sent, d.start, d.end)
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
    if not candidates:  # "remains", "today": the visit itself, unless a date is given
        for found in ex.hits("time", "present", sent):
            for m in found:
                candidates.append((m.start(), INDEX))
    candidates.sort(key=lambda c: c[0])
    candidates = _sample_not_report(text, sent, candidates)
    sent.candidates = candidates
    sent.ends = dict(spans)
    if not candidates:
        return None, spans, anaphoric
    return candidates[0][1], spans, anaphoric


# issue #10 (i10q): a laboratory report dates a result twice, when the sample was taken and when
# the report was issued ("line blot - sample 2026-10-02, reported 2026-10-05"); the result is the
# sample's. A report's date is left out when the sentence also dates the sample.
_SAMPLE_WORD = re.compile(
    r"\b(?:sample[sd]?|sampling|collected|collection|drawn|taken|specimen|received)\b[ \t:=-]*"
    r"(?:on[ \t]+)?$",
    re.IGNORECASE,
)
_REPORT_WORD = re.compile(
    r"\b(?:reported|report(?:ed)? on|issued|authori[sz]ed|verified|validated|resulted)\b"
    r"[ \t:=-]*(?:on[ \t]+)?$",
    re.IGNORECASE,
)


def _sample_not_report(
    text: str, sent: Sentence, candidates: list[tuple[int, TimePoint]]
) -> list[tuple[int, TimePoint]]:
    def after(rx: re.Pattern[str], pos: int) -> bool:
        return rx.search(text, max(sent.start, pos - 25), pos) is not None

    if not any(after(_SAMPLE_WORD, pos) for pos, _ in candidates):
        return candidates
    return [(pos, point) for pos, point in candidates if not after(_REPORT_WORD, pos)]


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
