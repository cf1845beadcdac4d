"""Treatments: the drug or therapy and when it started and stopped."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from itertools import pairwise
from typing import Any

from myositis_cds.ingest.text._draft import (
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
    marked_window,
)
from myositis_cds.ingest.text._rules import TermMatch
from myositis_cds.ingest.text._time import INDEX, DateMatch, TimePoint, find_dates


def _as_written(ex: Extraction, start: int, end: int, dose: str) -> str:
    """issue #10 (i15c): the dose as the note writes it, its decimal comma kept ("0,4 г/кг/сут":
    the reading turns "0,4" into "0.4" for the numbers). Only when the note's own words differ
    from the read dose by the decimal mark alone, or (i21a) the read dose leaves words out and
    its amount is written with the comma; any other difference keeps the read dose."""
    read = re.sub(r"\s+", " ", dose).strip()
    a, b = ex.norm.to_original(start, end)
    written = re.sub(r"\s+", " ", ex.norm.original[a:b]).strip()
    if "," in written and read in written.replace(",", "."):
        i = written.replace(",", ".").find(read)
        return written[i : i + len(read)]
    # issue #10 (i21a): a dose read past words it leaves out ("12,5 мг (15 мг/м²) once a week")
    # keeps the decimal comma of its amount
    lead = re.match(r"\d+\.\d+", read)
    if lead is not None and lead.group().replace(".", ",") in written:
        return lead.group().replace(".", ",") + read[lead.end() :]
    return read


def _treatments(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    routes_default = {k: v.route for k, v in r.lexicon.treatments.items()}
    for idx, found in _bucket(ex, r.treatments.find(text)).items():
        sent = ex.sentences[idx]
        matches = _without_glosses(text, found)
        before: Draft | None = None
        before_given = False
        for k, m in enumerate(matches):
            window_end = matches[k + 1].start if k + 1 < len(matches) else sent.end
            window_end = _item_end(ex, m.end, window_end)
            tail = text[m.end : window_end]
            if _not_taken(ex, m.start, m.end, max(sent.start, m.start - 40), window_end):
                continue  # "Allergic to methotrexate", "Rituximab was considered but not given"
            if _only_planned(ex, m, max(sent.start, m.start - 60), window_end):
                continue  # "IVIG being arranged", "consider rituximab", "would start HCQ"
            if _requested_under_label(ex, m, window_end):
                continue  # "Treatment requested: IVIG 2 g/kg ...", a list under such a label
            assertion = sent.context.assert_target(m.start, m.end, _THING_CATS)
            status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            value: dict[str, Any] = {}
            end = m.end
            dm = r.value["dose"][0].match(tail)
            if dm is None and _pred_is_another_word(text, m):
                continue  # "Pred mesiacom" (Slovak "a month ago"), "FVC 78 % pred"
            skip = 0
            if dm is None:
                skip, dm = _dose_at_start(ex, tail)  # i43i: "started 03/09 at 30 mg daily"
            if dm is not None and not skip:
                first, start_dose = _dose_at_start(ex, tail[dm.end() :], "dose_at_start_after")
                if start_dose is not None:  # i44i: "20 mg od (started ... at 30 mg od)"
                    end = m.end + dm.end()  # the clause still ends after the current dose
                    skip, dm = dm.end() + first, start_dose
            if dm is not None:
                dose = _dose_as_read(dm)
                at = m.end + skip
                value["dose"] = _as_written(ex, at + dm.start(), at + dm.end(), dose)
                if not skip:  # (a dose told after the start leaves the clause at the name)
                    end = at + dm.end()
                later = None if dm.group("freq") else _frequency_later(ex, tail[skip + dm.end() :])
                if later is not None:  # i19a: "2 g/kg was started on ... and repeated monthly"
                    value["dose"] += " " + later
            route = routes_default.get(m.concept)
            ahead = r.routes.find(text, max(sent.start, m.start - 12), m.start)
            behind = [
                t  # a route word just before the next drug is that drug's ("then oral pred")
                for t in r.routes.find(text, m.end, min(window_end, m.end + 50))
                if k + 1 >= len(matches) or window_end - t.end > 3
            ]
            if ahead and not text[ahead[-1].end : m.start].strip():
                route = ahead[-1].concept  # "IV methylprednisolone"
            elif behind:
                route = behind[0].concept  # "methotrexate 15 mg/m² weekly by subcutaneous"
                end = max(end, behind[0].end)
            if route:
                value["route"] = route
            start, until, start_told = _treatment_times(ex, sent, m, window_end, before)
            if until is not None:
                value["stopped"] = True
            # a start word by the mention: asked once, by the three readings below
            start_word = _start_word_near(ex, sent, m, window_end, before)
            wrapped = None
            if until is None and not start_word:
                wrapped = _wrapped_start(ex, sent, window_end)
                start = wrapped or start  # "azathioprine\n  100 mg daily since 04/2025"
            if (
                until is None
                and wrapped is None
                and _named_as_current(ex, sent, m, window_end, before)
                and not _start_stated(sent, start, start_word)
            ) or (
                until in (None, start)
                and _dated_by_its_end(ex, sent, m, window_end, before, start, start_word)
            ):
                value["no_start"] = True  # "Currently prednisolone 25 mg daily", "on MTX"
            given = (
                start_word
                or start_told
                or wrapped is not None
                or _given_near(ex, sent, m, window_end, before, before_given)
            )
            if (
                "dose" not in value
                and until is None
                and not given
                and not _start_stated(sent, start, start_word)
            ):
                value["no_start"] = True  # "IVIG is guideline-supported", "about the rituximab"
            draft = Draft(
                "treatment",
                m.concept,
                status,
                m.start,
                end,
                sent,
                start,
                value,
                uncertain=uncertain,
                until=until,
                start_told=start_told,
            )
            _add(ex, draft)
            before, before_given = draft, given


# issue #10 (i21a): a weight- or surface-based amount ("1 mg/kg/day", "15 mg/m2")
_PER_BODY = re.compile(r"/\s*(?:kg|m²|m2|кг|м²|м2)", re.IGNORECASE)


def _dose_as_read(dm: re.Match[str]) -> str:
    """The dose of one match of patterns.yaml ``dose``: the amount and how often, with the
    absolute amount in brackets that a weight- or surface-based amount gives ("1 mg/kg/day (75
    mg/day)", "15 mg/m2 (25 mg) weekly"; issue #10 (i54t): and the per-kilogram amount in
    brackets after an absolute one, "600 mg (30 mg/kg) daily", an equivalent written inside the
    dose, gold decision of 6 Dec 2026), and the days a weight-based course is given over written
    with it ("2 g/kg over 5 days": the dose as written, tests/data/notes/README.md; patterns.yaml
    DOSE_COURSE); issue #10 (i53t): with the ceiling in brackets right after the amount ("30
    mg/kg (max 1 g) daily": the dose as written, gold decision of 6 Dec 2026); a line break
    inside how often reads as a space."""
    equiv = dm.group("equiv") or dm.group("equiv_routed")
    amount = dm.group("amount")
    per_body = _PER_BODY.search(amount) is not None
    if equiv is not None and per_body == (_PER_BODY.search(equiv) is not None):
        equiv = None
    after = dm.group("equiv_after") if per_body and equiv is None else None
    if after is not None and _PER_BODY.search(after):
        after = None
    freq = dm.group("freq")
    if freq is not None and "\n" in freq:  # "2 g/kg over\n5 days" wrapped in a form's column
        freq = _WRAPPED.sub(" ", freq)
    ceiling = dm.group("ceiling")
    return "".join(part or "" for part in (amount, equiv, ceiling, freq, after))


_WRAPPED = re.compile(r"[ \t]*\n\s*")


def _dose_at_start(
    ex: Extraction, tail: str, cues: str = "dose_at_start"
) -> tuple[int, re.Match[str] | None]:
    """issue #10 (i43i): the starting dose told with the drug's start, where no dose follows its
    name (rules/patterns.yaml ``dose_at_start``: "prednisolone started 03/09/2026 at 30 mg once
    daily", "(started 40 mg daily on 9 June)", "(40 mg once daily from 31/10)"), or (i44i,
    ``dose_at_start_after``) after the current dose ("20 mg od (started ... at 30 mg od)"):
    where the dose begins in ``tail`` and its match of patterns.yaml ``dose``, or (0, None)."""
    for rx in ex.rules.value[cues]:
        cue = rx.match(tail)
        if cue is None:
            continue
        dm = ex.rules.value["dose"][0].match(tail[cue.end() :])
        if dm is not None:
            return cue.end(), dm
    return 0, None


def _frequency_later(ex: Extraction, rest: str) -> str | None:
    """How often a dose is repeated, said later in the drug's clause (rules/patterns.yaml
    ``dose_frequency_later``), or None."""
    for rx in ex.rules.value["dose_frequency_later"]:
        fm = rx.match(rest)
        if fm is not None:
            return re.sub(r"\s+", " ", fm.group("freq"))
    return None


# issue #10 (i10aq): the words that may follow the short form "pred" when it is the drug
# without a dose ("pred taper", "on pred and MMF", "pred reduced", "Pred: 5 mg"): anything else
# in lower case, or a number that is no dose, makes it another word: the Slavic preposition
# "pred" ("before": Slovak/Czech/Slovene/Croatian "pred mesiacom", "pred 2 rokmi") or
# "predicted" after a per cent ("FVC 78 % pred")
_PRED_GOES_ON = re.compile(
    r"\s*(?:$|[^\w\s]|(?:taper\w*|dose\w*|reduc\w*|increas\w*|wean\w*|stop\w*|start\w*|"
    r"restart\w*|continu\w*|was|is|has|had|and|or|alone|course|burst|pulse|then|plus|with|at|to|"
    r"since|from|for|in|on|until|per|daily|od|bd|mane|nocte|monotherapy|therapy|treatment|"
    r"withdrawn|held|ceased|switched|changed)\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _pred_is_another_word(text: str, m: TermMatch) -> bool:
    """Whether a "pred" with no dose after it is not prednisolone (see _PRED_GOES_ON)."""
    if m.text.casefold() != "pred":
        return False
    if "%" in text[max(0, m.start - 3) : m.start]:
        return True
    return _PRED_GOES_ON.match(text, m.end) is None


def _not_taken(ex: Extraction, start: int, end: int, lo: int, hi: int) -> bool:
    """issue #10 (i10aj): a drug the patient is allergic to, declined, or that was only weighed
    and not started (patterns.yaml ``treatment_not_taken``)."""
    window = marked_window(ex.text, start, end, lo, min(hi, end + 50))
    return any(rx.search(window) for rx in ex.rules.value["treatment_not_taken"])


def _only_planned(ex: Extraction, m: TermMatch, lo: int, hi: int) -> bool:
    """issue #10 (i51t): a drug only planned, suggested or awaited (patterns.yaml
    ``treatment_planned``: "IVIG being arranged", "consider rituximab"): no start. The words
    between the cue and the drug hold no start word, no date and no other drug, so the cue is
    this drug's and no earlier start is what it qualifies ("prednisolone 60 mg started 02/11,
    as recommended"; "prednisolone 60 mg daily and IVIG being arranged" for prednisolone)."""
    r = ex.rules
    window = marked_window(ex.text, m.start, m.end, lo, min(hi, m.end + 60))
    mark = m.start - lo  # where « stands in the window; text after » is 2 characters ahead
    for rx in r.value["treatment_planned"]:
        for cue in rx.finditer(window):
            a, b = cue.span("gap")
            before = a <= mark
            if not before:
                a, b = a - 2 + lo, b - 2 + lo
            else:
                a, b = a + lo, b + lo
            if not (
                _start_or_date(ex, a, b)
                or _another_drug_between(ex, a, b)
                # (i53t) a cue before the drug: a start word in the drug's own clause after it
                # (to a dash between spaces: "IVIG - letter given" is the letter's)
                or (before and _start_or_date(ex, m.end, _clause_end(ex, m.end, hi), dates=False))
            ):
                return True
    return False


def _start_or_date(ex: Extraction, a: int, b: int, dates: bool = True) -> bool:
    """Whether a start word (patterns.yaml ``treatment_start``) or, with ``dates``, a date
    stands in text[a:b]."""
    r = ex.rules
    return any(x.search(ex.text, a, b) for x in r.value["treatment_start"]) or (
        dates and bool(find_dates(ex.text, r, a, b, ex.style))
    )


_CLAUSE_BREAK = re.compile(r"[;\n]|\s[-–—]\s")


def _clause_end(ex: Extraction, start: int, end: int) -> int:
    """Where the clause that goes on at ``start`` ends: at a semicolon, a line's end or a dash
    between spaces, at most ``end``."""
    brk = _CLAUSE_BREAK.search(ex.text, start, end)
    return end if brk is None else brk.start()


# issue #10 (i53t): the glue between the members of a list of drugs ("rituximab or IVIG",
# "MMF, tacrolimus and/or IVIG")
_DRUG_LIST_GLUE = re.compile(r"(?:[\s,/&+]|\b(?:and|or)\b)*", re.IGNORECASE)


def _another_drug_between(ex: Extraction, a: int, b: int) -> bool:
    """Whether text[a:b], between a plan's cue and its drug, names another drug with words of
    its own ("prednisolone 60 mg daily and IVIG being arranged": the cue is IVIG's, not
    prednisolone's); issue #10 (i53t): drugs only listed with this one ("funding for rituximab
    or IVIG") share its cue."""
    named = ex.rules.treatments.find(ex.text, a, b)
    if not named:
        return False
    bounds = [a, *(x for t in named for x in (t.start, t.end)), b]
    return not all(
        _DRUG_LIST_GLUE.fullmatch(ex.text, lo, hi)
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True)
    )


# issue #10 (i53t): a line that opens a list item ("1. ", "2) ", "a) ", "- ", "• ")
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[-*•·–])[ \t]", re.IGNORECASE)
_LABEL_REACH = 12  # lines from a drug's item up to the label over its list


def _requested_under_label(ex: Extraction, m: TermMatch, window_end: int) -> bool:
    """issue #10 (i53t): a drug named after a label that calls it requested or proposed
    (patterns.yaml ``treatment_request_label``), on the label's line ("Treatment requested:
    IVIG 2 g/kg every 4 weeks") or in the list under it (the label alone on its line, then "1.
    IVIG 2 g/kg over 5 days"; each line from the label to the drug's a list item or a
    continuation indented deeper than the label): a request is no start, unless the drug's
    item states one (a start word or a date between the item's start and its clause's end)."""
    text = ex.text
    label = ex.rules.one("treatment_request_label")
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    inline = label.match(line)
    if inline is not None and line_start + inline.end() <= m.start:
        return not _start_or_date(ex, line_start + inline.end(), window_end)
    if _LIST_ITEM.match(line) is None:
        return False
    pos, lines = line_start, [line]
    for _ in range(_LABEL_REACH):
        if pos == 0:
            return False
        above = text.rfind("\n", 0, pos - 1) + 1
        prev = text[above : pos - 1]
        if not prev.strip():
            return False  # a blank line ends the list
        if label.match(prev) is not None:
            indent = len(prev) - len(prev.lstrip())
            if all(
                _LIST_ITEM.match(x) is not None or len(x) - len(x.lstrip()) > indent for x in lines
            ):
                return not _start_or_date(ex, line_start, window_end)
            return False
        pos = above
        lines.append(prev)
    return False


# issue #10 (i10aj): a drug's other name in parentheses right after it: its brand ("IVIG
# (Privigen) 2 g/kg", "Methylprednisolone (Solu-Medrol)") or its name in another language
_GLOSS_OPEN = re.compile(r"\s*\(\s*")
_GLOSS_CLOSE = re.compile(r"\s*\)")


def _without_glosses(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """The mentions of one sentence without those that only gloss the drug before them, so
    that the dose after the parentheses is the drug's."""
    kept: list[TermMatch] = []
    for m in matches:
        if (
            kept
            and kept[-1].concept == m.concept
            and _GLOSS_OPEN.fullmatch(text, kept[-1].end, m.start)
            and _GLOSS_CLOSE.match(text, m.end)
        ):
            continue
        kept.append(m)
    return kept


# issue #10 (i20a): where one item of a list of drugs ends: at a comma, a semicolon or a line's
# end outside brackets, when what follows opens another drug's item, a name and its dose
# ("MEDS: prednisone 60 mg PO daily, atorvastatin 40 mg (held by rheum), lisinopril 20 mg"):
# the next item's words ("held") are that drug's, not this one's, whether or not its drug is one
# the lexicon reads (a statin is not). A clause of the same drug ("prednisone 60 mg, tapered to
# 10 mg") opens with no drug's name before its dose.
_ITEM_BREAK = re.compile(r"[(),;\n\[\]]")
_ITEM_NAME = re.compile(r"[ \t]*+(?:[-*•][ \t]*+)?([^\W\d][\w/-]*+)")


def _item_end(ex: Extraction, start: int, end: int) -> int:
    """The end of the list item that opens at ``start`` (a drug's name), at most ``end``."""
    depth = 0
    for brk in _ITEM_BREAK.finditer(ex.text, start, end):
        mark = brk.group()
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _opens_drug_item(ex, brk.end(), end):
            return brk.start()
    return end


def _opens_drug_item(ex: Extraction, pos: int, end: int) -> bool:
    """Whether a drug's name and its dose open the text at ``pos`` ("atorvastatin 40 mg")."""
    name = _ITEM_NAME.match(ex.text, pos, end)
    if name is None:
        return False
    r = ex.rules
    if any(
        rx.match(name.group(1)) for rx in (*r.value["treatment_start"], *r.value["treatment_stop"])
    ):
        return False  # "..., stopped 10 mg": the same drug's clause
    dose = r.value["dose"][0].match(ex.text[name.end() : end])
    return dose is not None and not ex.text[name.end() : name.end() + dose.start("amount")].strip()


def _treatment_times(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, before: Draft | None
) -> tuple[TimePoint, TimePoint | None, bool]:
    """(start, stop, start told) of one mention of a treatment (_course_times); issue #10
    (i49t): a course whose clause says it is repeated (patterns.yaml
    ``treatment_course_repeated``: "then monthly", "repeat every 4 weeks") has not stopped on its
    last day, unless the note says it stopped."""
    start, stop, told = _course_times(ex, sent, m, window_end, before)
    if stop is not None and not _said_stopped(ex, sent, m, window_end, before):
        clause = ex.text[m.end : window_end]
        if any(rx.search(clause) for rx in ex.rules.value["treatment_course_repeated"]):
            return start, None, told
    return start, stop, told


def _said_stopped(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, before: Draft | None
) -> bool:
    """Whether a stop word (patterns.yaml ``treatment_stop``) stands in the drug's clause or
    governs it from just before ("stopped her prednisolone")."""
    return any(
        _stop_cues(ex, sent, m, window_end, before, rx) for rx in ex.rules.value["treatment_stop"]
    )


def _stop_cues(
    ex: Extraction,
    sent: Sentence,
    m: TermMatch,
    window_end: int,
    before: Draft | None,
    rx: re.Pattern[str],
) -> list[re.Match[str]]:
    """The stop word ``rx`` where it stops the drug at ``m``: just before it when it governs it
    ("stopped her prednisolone", not "statin was stopped and prednisolone"), then in its clause."""
    text = ex.text
    lead = max(sent.start, m.start - 30, before.end if before is not None else 0)
    ahead = [
        cue
        for cue in rx.finditer(text, lead, m.start)
        if _GOVERNS.fullmatch(text[cue.end() : m.start].strip())
    ]
    return [*ahead, *rx.finditer(text, m.end, window_end)]


def _course_times(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, before: Draft | None
) -> tuple[TimePoint, TimePoint | None, bool]:
    """(start, stop, start told) of one mention of a treatment: a range after it ("for 3 days
    (15-17 Jan)"); the times stated right after "started"/"stopped" next to it ("started Dec
    2024, stopped Feb 2025", "was weaned off in July 2025"); "then X" after a course that
    stopped starts the next day; else the time of the words, not stopped. The start is told
    when it is the time stated right after a start word (issue #10, i52t: "restarted today",
    whose time is the visit's)."""
    r = ex.rules
    text = ex.text
    short = _short_range(ex, m.end, window_end)  # issue #10 (i10k): "(28/10 - 30/10/2026)"
    if short is not None:
        return (*short, True)
    dates = _with_wrapped_last(ex, find_dates(text, r, m.end, window_end, ex.style), window_end)
    if not dates and (wrapped := _wrapped_course(ex, sent, window_end)) is not None:
        return (*wrapped, True)  # issue #10 (i54t): the range on the next line
    for d in dates:
        if d.until is not None:
            return (
                TimePoint(absolute=d.day, uncertain=d.uncertain),
                TimePoint(absolute=d.until, uncertain=d.uncertain),
                True,
            )
    for a, b in pairwise(dates):  # "from June 2023 to March 2024"
        joined = text[a.end : b.start]
        # issue #10 (i20a): two dates joined by a dash are a range without a "from" ("IVIG 2
        # g/kg given 02/11/2026 - 06/11/2026", "1 g i/v 2026-09-29 – 2026-10-01")
        # issue #10 (i43i): and two dates joined by "to"/"until" with no "from" before them
        # ("IV methylprednisolone 1 g daily 03/05/2026 to 05/05/2026")
        if (
            (_FROM.search(text, max(m.end, a.start - 12), a.start) and _TO.fullmatch(joined))
            or _DASH.fullmatch(joined)
            or _TO_BARE.fullmatch(joined)
            or _dash_and_stop(ex, joined)
        ):
            return (
                TimePoint(absolute=a.day, uncertain=a.uncertain),
                TimePoint(absolute=b.day, uncertain=b.uncertain),
                True,
            )
        # issue #10 (i49t): two doses of one course on two dates joined by "and" ("rituximab 1 g
        # on 05/10/2026 and 19/10/2026", "on 2026 Oct 05 and 2026 Oct 19"): the course's first
        # and last day when they are at most _TWO_DOSES_APART days apart (a fortnight's course;
        # two monthly infusions are no course that stopped)
        if _AND_JOIN.fullmatch(joined) and 0 < (b.day - a.day).days <= _TWO_DOSES_APART:
            return (
                TimePoint(absolute=a.day, uncertain=a.uncertain),
                TimePoint(absolute=b.day, uncertain=b.uncertain),
                True,
            )
        if (
            _FROM_SUFFIX.fullmatch(joined) and _UNTIL_AFTER.match(text, b.end)
        ) or _FROM_POSTPOSITION.fullmatch(joined):
            return (  # "13.10.2026 dan 15.10.2026 gacha" (i19c), "... से ... तक" (i44i)
                TimePoint(absolute=a.day, uncertain=a.uncertain),
                TimePoint(absolute=b.day, uncertain=b.uncertain),
                True,
            )
    start = sent.time_at(m.start)
    stop: TimePoint | None = None
    told = False
    for rx in r.value["treatment_start"]:
        for cue in rx.finditer(text, m.end, window_end):
            stated = _time_after(sent, cue.end(), cue.start()) or _wrapped_date(ex, sent, cue.end())
            if stated is not None:
                start, told = stated, True
                break
    for rx in r.value["treatment_stop"]:
        for cue in _stop_cues(ex, sent, m, window_end, before, rx):
            stop = (
                _time_after(sent, cue.end())
                or _wrapped_date(ex, sent, cue.end())
                or sent.time_at(cue.start())
            )
            break
    if (
        before is not None
        and before.until is not None
        and _then(ex, max(before.end, m.start - 15), m.start)
    ):
        start, told = before.until.shifted(days=1), True  # "(15-17 Jan), then oral prednisolone"
    if stop is None and start.absolute is not None:
        # issue #10 (i10k): a course of a stated number of days from its start ("IVIG started
        # 02/11/2026, given over 5 days", "1 g daily x 3 from 12/11/2026") stops on its last
        # day (tests/data/notes/README.md: a course over a stated range of days stops on its
        # last day)
        for rx in r.value["treatment_course_days"]:
            cm = rx.search(text, m.end, window_end)
            if cm is not None and not _then(ex, m.end, cm.start()):
                days = int(cm.group("days"))
                if 1 <= days <= 31:
                    stop = start.shifted(days=days - 1)
                break
    return start, stop, told


def _with_wrapped_last(ex: Extraction, dates: list[DateMatch], window_end: int) -> list[DateMatch]:
    """issue #10 (i49t): a course's last date that a wrapped line put at the start of the next
    line, after the "to" or dash that ends the first date's line ("IVIG 2 g/kg given 02.10.2026
    to" and "06.10.2026" on the next line): the line's end closes the drug's words, so the last
    date is read past it and joined to the dates found; never past a line that opens with words."""
    if not dates or ex.text[dates[-1].end : window_end].strip().casefold() not in _RANGE_JOINERS:
        return dates
    ahead = find_dates(
        ex.text, ex.rules, dates[-1].end, min(len(ex.text), window_end + 24), ex.style
    )
    if not ahead or not _WRAPPED_JOIN.fullmatch(ex.text, dates[-1].end, ahead[0].start):
        return dates
    return [*dates, ahead[0]]


# the words that join a course's first date to its last on the next line (_with_wrapped_last)
_RANGE_JOINERS = ("to", "until", "till", "through", "-", "–")
_WRAPPED_JOIN = re.compile(
    r"[ \t]*(?:" + "|".join(map(re.escape, _RANGE_JOINERS)) + r")[ \t]*\n[ \t]*", re.I
)


def _joined_in_list(ex: Extraction, before: Draft, m: TermMatch) -> bool:
    """Whether only the glue of one list of drugs (patterns.yaml ``treatment_list_joiner``: "and",
    "+", a comma) stands between the drug before and this one (_named_as_current, _given_near)."""
    return any(
        rx.fullmatch(ex.text, before.end, m.start) for rx in ex.rules.value["treatment_list_joiner"]
    )


def _named_as_current(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, before: Draft | None
) -> bool:
    """issue #10 (i13c): whether the drug is named as what the patient is on now (patterns.yaml
    ``treatment_current``: "currently", "on", "takes", a medication list's field); issue #10
    (i50t): or is joined to the drug before it, named so, in one list (``treatment_list_joiner``:
    "on prednisolone 5 mg daily and mycophenolate 1 g bd", "on MTX + pred")."""
    if before is not None and before.value.get("no_start") and _joined_in_list(ex, before, m):
        return True
    window = marked_window(ex.text, m.start, m.end, sent.start, min(window_end, m.end + 30))
    return any(rx.search(window) for rx in ex.rules.value["treatment_current"])


_THEN_REACH = 40  # characters from a given course's words to the next drug after its "then"


def _given_near(
    ex: Extraction,
    sent: Sentence,
    m: TermMatch,
    window_end: int,
    before: Draft | None,
    before_given: bool,
) -> bool:
    """issue #10 (i54t): whether the words by a drug named with no dose, no start word and no
    time of its own say that it was or is to be given (patterns.yaml ``treatment_given``:
    "treated with IVIG", "Start IV methylprednisolone", "switching hydroxychloroquine to
    tacrolimus"); or the drug before it was so given, and joins it in one list
    (``treatment_list_joiner``: "Started prednisolone 40 mg daily and IVIG") or is the course
    this one follows (``treatment_then``: "... for three days followed by oral prednisolone").
    Else the drug is
    only named ("IVIG is guideline-supported for refractory DM", "anxious about the
    cyclophosphamide"): the note states no start, and a drug with no stated start is not
    recorded (tests/data/notes/README.md)."""
    if (
        before is not None
        and before_given
        and (
            _joined_in_list(ex, before, m)
            # "methylprednisolone 1 g daily for three days followed by oral prednisolone"
            or (m.start - before.end <= _THEN_REACH and _then(ex, before.end, m.start))
        )
    ):
        return True
    lo = max(sent.start, m.start - 60)
    window = marked_window(ex.text, m.start, m.end, lo, min(window_end, m.end + 30))
    return any(rx.search(window) for rx in ex.rules.value["treatment_given"])


def _dated_by_its_end(
    ex: Extraction,
    sent: Sentence,
    m: TermMatch,
    window_end: int,
    before: Draft | None,
    start: TimePoint,
    start_word: bool,
) -> bool:
    """issue #10 (i51t): whether the only time that dates the mention is when the drug ended:
    the time right after a stop word (patterns.yaml ``treatment_stop``: "tamoxifen for five
    years, completed 2021", "Prednisolone: stopped June 2025") or after "until"
    (``treatment_until``: "then letrozole until 2022"), with no start word in the drug's clause
    (``start_word``: _start_word_near).
    The note then states no start, and a drug with no stated start is not recorded
    (tests/data/notes/README.md); its stop still counts where another mention dates the drug."""
    if start == INDEX or start_word:
        return False
    r = ex.rules
    ends = [
        cue
        for rx in r.value["treatment_stop"]
        for cue in _stop_cues(ex, sent, m, window_end, before, rx)
    ]
    ends += [
        cue for rx in r.value["treatment_until"] for cue in rx.finditer(ex.text, m.end, window_end)
    ]
    return any(
        (_time_after(sent, cue.end(), cue.start()) or _wrapped_date(ex, sent, cue.end())) == start
        for cue in ends
    )


def _start_stated(sent: Sentence, start: TimePoint, start_word: bool) -> bool:
    """Whether the note states when this mention's drug was started: a time written in the
    sentence that dates the mention, or a start word next to it ("started", "given", "since"
    and the other languages' words, patterns.yaml ``treatment_start``), which dates it from the
    entry or the visit it is written in ("I have started prednisolone 60 mg daily"; ``start_word``:
    _start_word_near)."""
    own = [t for _, t in sent.stated_times()]
    if start != INDEX and any(t == start for t in own):
        return True  # "now", "currently" are times of the words, not a start
    return start_word


def _start_word_near(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, before: Draft | None
) -> bool:
    """Whether a start word (patterns.yaml ``treatment_start``) stands next to the mention: in
    its clause or in the words just before it, not in the list item before it."""
    lead = max(sent.start, m.start - 40, before.end if before is not None else 0)
    # a start word of the list item before ("MMF 1 g bd (since 05/2025); prednisolone") is not
    # this drug's
    lead = max(lead, ex.text.rfind(";", lead, m.start) + 1, ex.text.rfind("\n", lead, m.start) + 1)
    return any(rx.search(ex.text, lead, window_end) for rx in ex.rules.value["treatment_start"])


def _then(ex: Extraction, start: int, end: int) -> bool:
    """Whether a word that opens the next course (patterns.yaml ``treatment_then``: "then oral
    prednisolone", "apoi Prednison") stands in text[start:end]: what follows is the next course,
    not this one's length."""
    return any(rx.search(ex.text, start, end) for rx in ex.rules.value["treatment_then"])


# a course written with its first date short: "(28/10 - 30/10/2026)", "(03.11-05.11.2026)",
# issue #10 (i10aj): the first closed by its separator ("20.10.-21.10.2026", German and Nordic)
_SHORT_RANGE = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)?"
    # issue #10 (i10aq): the "to" of the languages _TO reads ("22/09 al 24/09/2026")
    # (issue #10, i49t: and the "and" between a course's two doses, "(02/11 and 16/11/2026)",
    # read only for days at most _TWO_DOSES_APART apart)
    r"\s*(?:[-–]|\b(?:to|al|a|au|bis|till|til|do|až|hasta\s+el|até)\b|(?P<two_doses>\band\b|&))\s*"
    r"(?P<full>\d{1,2}(?P=sep)\d{1,2}(?P=sep)(?:19|20)\d\d)(?![\d/]|\.\d)"
)


# issue #10 (i20a): a course's first and last day in brackets, neither with its year, as
# discharge letters write them after the drug ("for 3 days (29.10-31.10)", "(7/10-9/10)"): the
# note's year. Only in brackets right after the drug's words, where a grade range ("4/5-5/5")
# or a range of values has no place; the days of at most two months.
_BRACKET_RANGE = re.compile(
    r"\(\s*(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)?\s*[-–]\s*"
    r"(?P<c>[0-3]?\d)(?P=sep)(?P<d>[01]?\d)(?P=sep)?\s*\)"
)
_BRACKET_REACH = 60  # characters from the drug's name to the bracket: its dose and course


def _bracket_range(ex: Extraction, start: int, end: int) -> tuple[TimePoint, TimePoint] | None:
    """A course's first and last day in brackets without a year (_BRACKET_RANGE), in the year
    of the note's date (the year before when the last day would be over a month after it); None
    when the note's date is not known."""
    note_date = ex.style.note_date
    m = _BRACKET_RANGE.search(ex.text, start, min(end, start + _BRACKET_REACH))
    if m is None or note_date is None:
        return None
    a, b, c, d = (int(m.group(k)) for k in "abcd")
    if m.group("sep") == "/" and b == d == 5:
        return None  # "(4/5-5/5)": a muscle grade
    if ex.style.month_first and m.group("sep") == "/":
        a, b, c, d = b, a, d, c
    return _course_days(ex, (a, b), (c, d), None)


def _course_days(
    ex: Extraction, first: tuple[int, int], last: tuple[int, int], year: int | None
) -> tuple[TimePoint, TimePoint] | None:
    """A course from the (day, month) ``first`` to ``last``: in ``year`` when written (the first
    day in the year before when it would fall after the last), else in the note's year (both the
    year before when the last day would be over a month after the note's date); None when neither
    year is known, a day does not exist, or the days are not a course of at most two months."""
    note_date = ex.style.note_date
    try:
        if year is not None:
            first_day, last_day = date(year, first[1], first[0]), date(year, last[1], last[0])
            if first_day > last_day:
                first_day = first_day.replace(year=year - 1)
        elif note_date is not None:
            y = note_date.year
            first_day, last_day = date(y, first[1], first[0]), date(y, last[1], last[0])
            if (last_day - note_date).days > 31:
                first_day = first_day.replace(year=y - 1)
                last_day = last_day.replace(year=y - 1)
        else:
            return None
    except ValueError:
        return None
    if first_day > last_day or (last_day - first_day).days > 62:
        return None
    return TimePoint(absolute=first_day), TimePoint(absolute=last_day)


# issue #10 (i21a): a course's first and last day after the drug, not in brackets, the first
# written short: both day and month without a year ("500 mg daily 04/11-06/11", "od 12.11. do
# 14.11."), or the first day alone before the last date ("13. - 15. 10. 2026", "du 23 au 25/09",
# "from 23 to 25/09"); the "to" of the languages _TO reads, with Serbian/Macedonian "од ... до",
# Dutch "t.e.m." (up to and including), and the "~" of Korean and Japanese charts (verified U).
# A slashed day and month are written with two digits each (not a grade "4/5" or an age "3/12"),
# a dotted one closed by its dot ("15.10."; not a decimal "5.1-8.2"); the year after the last
# date, else the note's year.
_DAY_MONTH = r"(?:[0-3]\d/[01]\d(?![\d/])|[0-3]?\d\.\s?[01]?\d\.(?!\d))"
_YEARLESS_RANGE = re.compile(
    rf"(?<![\d/.,])(?P<first>{_DAY_MONTH}|[0-3]?\d\.?)\s*"
    r"(?:[-–~〜]|\b(?:to|al|au|a|bis|do|до|až|t\.e\.m\.|tot\s+en\s+met)(?!\w))\s*"
    rf"(?P<last>{_DAY_MONTH}|[0-3]?\d/[01]?\d(?![\d/.]))(?:\s?(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_YEARLESS_REACH = 90  # characters from the drug's name to the range: its dose and course words
_DAY_MONTH_PARTS = re.compile(r"(?P<day>\d{1,2})(?:[/.]\s?(?P<month>\d{1,2}))?")


def _yearless_range(ex: Extraction, start: int, end: int) -> tuple[TimePoint, TimePoint] | None:
    """A course's first and last day written short after the drug (_YEARLESS_RANGE), placed by
    _course_days in the year written after the last date, else the note's year."""
    # the range may run past the end the sentence splitter put after its first day ("13. - 15.
    # 10. 2026": "13." read as a sentence's end); it starts in the drug's words
    m = _YEARLESS_RANGE.search(ex.text, start, min(len(ex.text), start + _YEARLESS_REACH))
    if m is None or m.start() >= end:
        return None
    first = _DAY_MONTH_PARTS.match(m.group("first"))
    last = _DAY_MONTH_PARTS.match(m.group("last"))
    if first is None or last is None or last.group("month") is None:
        return None
    slashed = "/" in m.group("last")
    a, c, d = int(first.group("day")), int(last.group("day")), int(last.group("month"))
    b = int(first.group("month")) if first.group("month") else d
    if slashed and ex.style.month_first:
        if first.group("month") is None:
            return None  # "23 to 10/25": a day alone before a month-first date
        a, b, c, d = b, a, d, c
    return _course_days(ex, (a, b), (c, d), int(m.group("year")) if m.group("year") else None)


def _short_range(ex: Extraction, start: int, end: int) -> tuple[TimePoint, TimePoint] | None:
    """A range whose first date leaves out the year of the second ("28/10 - 30/10/2026"): the
    first date takes the second's year (the year before when it would come after it); or both
    leave it out, in brackets (_bracket_range) or not (_yearless_range)."""
    m = _SHORT_RANGE.search(ex.text, start, end)
    if m is None:
        return _bracket_range(ex, start, end) or _yearless_range(ex, start, end)
    found = find_dates(m.group("full"), ex.rules, style=ex.style)
    if not found or found[0].start != 0:
        return None
    last = found[0].day
    a, b = int(m.group("a")), int(m.group("b"))
    day, month = (b, a) if ex.style.month_first else (a, b)
    try:
        first = date(last.year, month, day)
        if first > last:
            first = date(last.year - 1, month, day)
    except ValueError:
        return None
    if m.group("two_doses") and (last - first).days > _TWO_DOSES_APART:
        return None  # two monthly infusions: no course that stopped
    uncertain = found[0].uncertain
    return TimePoint(absolute=first, uncertain=uncertain), TimePoint(
        absolute=last, uncertain=uncertain
    )


# issue #10 (i10aj): a course's first and last day in parentheses ("(04/10/2026 al
# 06/10/2026)") or after "from" in the other languages read ("desde el ... hasta el ...", "vom
# ... bis ...", "fra ... til ..."; each language's usual words, verified U)
# (issue #10, i19c: and Maltese "mill-/mis-/minn" (from) and "sa/sas-" (until), the article
# written onto the date with a hyphen: "mill-04/10/2026 sas-06/10/2026"; verified U)
_FROM = re.compile(
    r"(?:(?<!\w)(?:from|between|desde(?:\s+el)?|del|de|von|vom|ab|fra|från|du|dal|dall'|od|minn|"
    r"từ|ແຕ່|van|vanaf)\s+|"
    r"\(\s*|\b(?:mill|mis|mit)-)$",
    re.I,
)
# (issue #10, i23a: and Marathi "ते" (to), "२५/१०/२०२६ ते २७/१०/२०२६"; verified U)
# (issue #10, i44i: and Vietnamese "đến", Lao "ເຖິງ" (to), after "từ", "ແຕ່" (from), and Somali
# "ilaa" (until), "06/11/2026 ilaa 08/11/2026"; each language's usual words, written by us;
# verified U)
_TO = re.compile(
    r"\s*(?:to|until|till|and|-|–|al|a|hasta(?:\s+el)?|até|bis|til|au|à|do|až|sa|sas-|sat-|ते|"
    r"đến|ເຖິງ|t/m|tot(?:\s+en\s+met)?)\s*",
    re.I,
)
# issue #10 (i19c): the Uzbek range written with the ablative and "gacha" (until) after each date:
# "13.10.2026 dan 15.10.2026 gacha" (verified U)
_FROM_SUFFIX = re.compile(r"\s*-?dan\s+", re.I)
_UNTIL_AFTER = re.compile(r"\s*-?gacha\b", re.I)
# issue #10 (i44i): the postpositions "from" of Hindi "से", Urdu "سے", Bengali "থেকে", Sinhala
# "සිට", Malayalam "മുതൽ" and Burmese "မှ" after the first date, "22/10/2026 से 24/10/2026 तक":
# the second date is the course's last day, with or without the "until" after it (the Uzbek
# "dan" above needs its "gacha"); each language's usual words, written by us; verified U
# (issue #10, i48r: and Telugu "నుండి", Georgian "-დან" written on the date, Kannada "ರಿಂದ", Tamil
# "இலிருந்து", Gujarati "થી", Punjabi "ਤੋਂ", Nepali "देखि": "10-11-2026 నుండి 12-11-2026 వరకు",
# "20.10.2026-დან 22.10.2026-მდე"; each language's usual words, written by us; verified U)
_FROM_POSTPOSITION = re.compile(r"\s*(?:से|سے|থেকে|සිට|മുതൽ|မှ|నుండి|-?დან|ರಿಂದ|இலிருந்து|થી|ਤੋਂ|देखि)\s+")
# (issue #10, i48r: and the tilde of Korean, Japanese and Chinese ranges, "10/24~10/28")
_DASH = re.compile(r"\s*[-–—~〜～]\s*")
# issue #10 (i43i): the English words that join two dates into a range without a "from"
# (i48r: and the same words of Marathi "ते", Hebrew "עד", Arabic "إلى"/"حتى", Persian "تا" and
# Dutch "t/m", "tot en met" (up to and including); written by us, verified U)
_TO_BARE = re.compile(
    r"\s*(?:to|until|till|through|ilaa|ते|עד|إلى|حتى|تا|t/m|tot\s+en\s+met)\s+", re.I
)
# issue #10 (i49t): the "and" between the dates of a course's two doses, and how far apart they
# may be: rituximab's two 1 g doses are given a fortnight apart (days 1 and 15)
_AND_JOIN = re.compile(r"\s+(?:and|&)\s+", re.I)
_TWO_DOSES_APART = 16
_GOVERNS = re.compile(
    r"(?:(?:the|her|his|their|a)\s+)?(?:(?:course|courses|cycle|cycles|dose|infusions?)\s+of\s*)?",
    re.IGNORECASE,
)


# issue #10 (i54t): a course's first date, a dash and a stop word before its last date ("Jun 22,
# 2026 - stopped Aug 15, 2026", "06/2025 – discontinued on 03/2026"): the course's first and
# last day, as a dash alone joins them
_DASH_LEAD = re.compile(r"\s*[-–—]\s*")
_STOP_DATE_GAP = re.compile(r"\s*(?:on|in)?\s*", re.I)


def _dash_and_stop(ex: Extraction, joined: str) -> bool:
    """Whether ``joined``, the words between two dates, is a dash and a stop word (patterns.yaml
    ``treatment_stop``), with at most "on" or "in" before the second date."""
    lead = _DASH_LEAD.match(joined)
    if lead is None:
        return False
    for rx in ex.rules.value["treatment_stop"]:
        cue = rx.match(joined, lead.end())
        if cue is not None and _STOP_DATE_GAP.fullmatch(joined, cue.end()):
            return True
    return False


def _time_after(sent: Sentence, pos: int, cue_start: int | None = None) -> TimePoint | None:
    """A time stated within a few characters after ``pos`` ("started Dec 2024", "at
    diagnosis", "on admission"); issue #10 (i50t): or one whose date takes in the cue that ends
    at ``pos``, from ``cue_start`` on (a year alone is read with its word, "since 2022", "from
    2019": the date begins at the start word)."""
    lo = pos if cue_start is None else cue_start
    near = [(c, t) for c, t in sent.candidates if lo <= c <= pos + 12]
    near += [(c, t) for c, t, _, _, _ in sent.local if lo <= c <= pos + 12]
    if not near:
        return None
    return min(near, key=lambda x: x[0])[1]


def _wrapped_start(ex: Extraction, sent: Sentence, window_end: int) -> TimePoint | None:
    """issue #10 (i51t): the start that a wrapped line put on the next line, when the drug's
    list item runs on past its line's end ("...; azathioprine" and "100 mg daily since
    04/2025 (continues)" on the next line, "mycophenolate mofetil 1 g" and "BD from 07/2026"):
    the item reaches its sentence's end with no closing punctuation, the next line follows with
    no blank line between and opens in lower case or with a number (its words go on), and a
    start word (patterns.yaml ``treatment_start``) stands in it before the item's end and before
    any drug named there; the time stated right after that word is the drug's start."""
    text = ex.text
    nxt = _continued_line(ex, sent, window_end)
    if nxt is None:
        return None
    r = ex.rules
    end = _item_end(ex, nxt.start, nxt.end)
    named = r.treatments.find(text, nxt.start, end)
    end = min([end, *(t.start for t in named)])
    for rx in r.value["treatment_start"]:
        for cue in rx.finditer(text, nxt.start, end):
            stated = _time_after(nxt, cue.end(), cue.start())
            if stated is not None:
                return stated
    return None


def _continued_line(ex: Extraction, sent: Sentence, window_end: int) -> Sentence | None:
    """The sentence a wrapped line goes on in, when a drug's list item runs on past its line's
    end (_wrapped_start, _wrapped_course): the item reaches its sentence's end with no closing
    punctuation, and the next line follows with no blank line between and opens in lower case
    or with a number (its words go on); else None."""
    text = ex.text
    if window_end < sent.end or text[sent.start : sent.end].rstrip()[-1:] in ".;:!?)":
        return None
    k = bisect_right(ex.sentence_starts(), sent.start)
    if k >= len(ex.sentences):
        return None
    nxt = ex.sentences[k]
    gap = text[sent.end : nxt.start]
    if (
        gap.count("\n") != 1
        or gap.strip()
        or not (text[nxt.start].islower() or text[nxt.start].isdigit())
    ):
        return None
    return nxt


def _wrapped_course(
    ex: Extraction, sent: Sentence, window_end: int
) -> tuple[TimePoint, TimePoint] | None:
    """issue #10 (i54t): a course's first and last day that a wrapped line put at the start of
    the next line, when the drug's words on its own line state no date ("IVIG 2 g/kg over 5 days
    at the regional unit" and "12/10/26-16/10/26." on the next line): the next line goes on the
    drug's item (_continued_line) and opens with the range, its two dates joined by a dash or
    "to" (as _course_times reads them after the drug)."""
    nxt = _continued_line(ex, sent, window_end)
    if nxt is None:
        return None
    text = ex.text
    short = _SHORT_RANGE.match(text, nxt.start, nxt.end)
    if short is not None:
        return _short_range(ex, nxt.start, nxt.end)
    dates = find_dates(text, ex.rules, nxt.start, _item_end(ex, nxt.start, nxt.end), ex.style)
    if not dates or dates[0].start != nxt.start:
        return None
    first = dates[0]
    if first.until is not None:
        return TimePoint(absolute=first.day, uncertain=first.uncertain), TimePoint(
            absolute=first.until, uncertain=first.uncertain
        )
    if len(dates) < 2:
        return None
    last = dates[1]
    joined = text[first.end : last.start]
    if not (_DASH.fullmatch(joined) or _TO_BARE.fullmatch(joined)) or last.day < first.day:
        return None
    return TimePoint(absolute=first.day, uncertain=first.uncertain), TimePoint(
        absolute=last.day, uncertain=last.uncertain
    )


def _wrapped_date(ex: Extraction, sent: Sentence, pos: int) -> TimePoint | None:
    """issue #10 (i10aj): a date that a wrapped line put at the start of the next line, after a
    cue that ends its sentence ("Methotrexat 15 mg/Woche s.c. seit\n14.10.2026.")."""
    if ex.text[pos : sent.end].strip() or "\n" not in ex.text[pos : pos + 3]:
        return None
    found = find_dates(ex.text, ex.rules, pos, min(len(ex.text), pos + 24), ex.style)
    if not found or ex.text[pos : found[0].start].strip():
        return None
    return TimePoint(absolute=found[0].day, uncertain=found[0].uncertain)
