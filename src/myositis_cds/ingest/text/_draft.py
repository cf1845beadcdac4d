"""What the fact readers share: the note's sentences (:class:`Sentence`), a fact being built
(:class:`Draft`) and the state of one note's reading (:class:`Extraction`), with the helpers
that bucket matches by sentence, give a fact its status and add it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar, cast

from myositis_cds.case import MAX_NOTE_CHARS, Evidence
from myositis_cds.ingest.text._context import Assertion, ContextSentence
from myositis_cds.ingest.text._model import Fact, FactStatus, FactType
from myositis_cds.ingest.text._normalise import NormalisedText, Segment
from myositis_cds.ingest.text._patient_grammar import patient_grammar
from myositis_cds.ingest.text._rules import (
    Rules,
    TermMatch,
    finditer_near,
    gate_text,
    may_match,
    note_results,
)
from myositis_cds.ingest.text._style import NoteStyle
from myositis_cds.ingest.text._time import INDEX, DateMatch, DateStyle, TimePoint, find_dates

__all__ = ["Draft", "Extraction", "Sentence"]

# Which ConText categories each kind of target listens to.
_CONTEXT = frozenset({"POSSIBLE_EXISTENCE", "HYPOTHETICAL", "CONDITIONAL", "FAMILY", "GENERIC"})
_FINDING_CATS = _CONTEXT | {"NEGATED_EXISTENCE", "RESOLVED", "IMPROVED", "POSITIVE", "HISTORICAL"}
_ANTIBODY_CATS = _CONTEXT | {
    "NEGATED_EXISTENCE",
    "POSITIVE",
    "WEAK_POSITIVE",
    "INDETERMINATE",
    "NORMAL",
    "PENDING",
    "HISTORICAL",
}
_LAB_CATS = _CONTEXT | {"NORMAL", "ABNORMAL", "PENDING", "HISTORICAL"}
_INVESTIGATION_CATS = _CONTEXT | {
    "NORMAL",
    "ABNORMAL",
    "PENDING",
    "NEGATED_EXISTENCE",
    "HISTORICAL",
}
_EVENT_CATS = _CONTEXT | {"NEGATED_EXISTENCE", "PENDING"}
_THING_CATS = _CONTEXT | {"NEGATED_EXISTENCE", "HISTORICAL"}
_PAST_HISTORY_EVENTS = frozenset({"surgery"})
"""Events that, dated long before the visit, belong to the past history (an old operation);
the others (diagnosis, remission, relapse …) are about this illness whenever they happened."""
_HISTORICAL_DAYS = 365
"""A finding dated more than a year before the index visit belongs to the past history."""


# "(HD)", "(OSCC)", "(NSCLC)": an abbreviation in brackets, two or more capitals
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z0-9]{1,7})\s*\)")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    tok_first: int
    tok_last: int
    segment: Segment | None
    paragraph: int
    context: ContextSentence
    time: TimePoint = INDEX
    base_time: TimePoint = INDEX
    time_spans: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[tuple[int, TimePoint]] = field(default_factory=list)
    local: list[tuple[int, TimePoint, int, int, bool]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    ends: dict[int, int] = field(default_factory=dict)  # where each stated time ends

    def stated_times(self, *, since: bool = True) -> list[tuple[int, TimePoint]]:
        """Every time the sentence states, with where it stands: its candidates, then the times
        that govern only their own words (``local``); ``since=False`` leaves out those that say
        when something began ("since 2019")."""
        return [*self.candidates, *((c, t) for c, t, _, _, s in self.local if since or not s)]

    def gap(self, c: int, pos: int, end: int) -> int:
        """Characters between a time stated at ``c`` and words at [pos, end)."""
        if c >= end:
            return c - end
        return max(0, pos - self.ends.get(c, c))

    def time_at(self, pos: int, ongoing: bool = False, end: int | None = None) -> TimePoint:
        """The time of words at ``pos``: a time that governs only its own words ("(14 mm in
        May 2024)", "in remission since 2024") if ``pos`` is among them; else the nearest time
        stated in the same clause, else the time the sentence inherits ("A CT on 20 Jan was
        normal and an endoscopy on 3 Feb …"). ``ongoing``: a state that is still there (a
        finding) is not dated by "since 2019", which says when it began."""
        if self.local:
            local = [
                (abs(c - pos), t)
                for c, t, lo, hi, since in self.local
                if lo <= pos < hi and not (ongoing and since)
            ]
            if local:
                return min(local, key=lambda x: x[0])[1]
        if len(self.candidates) <= 1 and not self.breaks:
            return self.time
        same = [
            (self.gap(c, pos, end if end is not None else pos), t)
            for c, t in self.candidates
            if not any(min(c, pos) < b < max(c, pos) for b in self.breaks)
        ]
        if same:
            return min(same, key=lambda x: x[0])[1]
        earlier = [(pos - c, t) for c, t in self.candidates if c < pos]
        if earlier:  # a time stated earlier in the sentence carries on past a clause break
            return min(earlier, key=lambda x: x[0])[1]
        return self.base_time

    about_case: bool = False  # a sentence of a general section that introduces the case
    general: bool = False  # a statement about a disease or patients in general (_general.py)
    later_patient: bool = False  # another patient of a case series' summary (_extract.py)

    @property
    def patient(self) -> bool:
        if self.general or self.later_patient:
            return False
        return self.about_case or self.segment is None or self.segment.patient

    @property
    def section(self) -> str:
        return self.segment.section if self.segment else "body"


@dataclass
class Draft:
    """A fact before the index date is known (its time is still a TimePoint)."""

    type: FactType
    code: str
    status: FactStatus
    start: int
    end: int
    sentence: Sentence
    time: TimePoint
    value: dict[str, Any] = field(default_factory=dict)
    inferred: bool = False
    uncertain: bool = False
    until: TimePoint | None = None  # when it ended (a treatment stopped)
    start_told: bool = False  # a time stated after a start word dates it ("restarted today")

    def to_fact(self, ex: Extraction, index: date, in_case: bool = False) -> Fact:
        # built from our own values: construct without re-validating (the case is validated)
        value = self.value
        if self.until is not None:
            value = {**value, "stop": self.until.resolve(index).isoformat()}
        return Fact.model_construct(
            type=self.type,
            code=self.code,
            status=self.status,
            value=value,
            date=self.time.resolve(index),
            section=self.sentence.section,
            evidence=ex.evidence(
                self.start,
                self.end,
                self.sentence,
                self.inferred,
                self.uncertain or self.time.uncertain,
            ),
            inferred=self.inferred,
            uncertain=self.uncertain or self.time.uncertain,
            in_case=in_case,
        )


_NO_HITS: list[list[re.Match[str]]] = []  # read only: no pattern matched in the sentence

_Built = TypeVar("_Built")


@dataclass
class Extraction:
    norm: NormalisedText
    rules: Rules
    sentences: list[Sentence]
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    note_date: date | None = None
    note_date_uncertain: bool = False
    discharge_date: date | None = None
    style: DateStyle = field(default_factory=DateStyle)
    note_style: NoteStyle | None = None  # issue #10: decimals, date order, words (_style)
    _hits: dict[tuple[str, str], dict[int, list[list[re.Match[str]]]]] = field(default_factory=dict)
    _lower: str | None = None  # the text in lower case, for the pattern gates
    _gate: str | None = None  # the text for may_match (gates derived from each pattern)
    _dates: dict[int, list[DateMatch]] | None = None
    _list_openings: dict[int, tuple[int, int] | None] = field(default_factory=dict)  # antibodies
    _abbreviations: list[tuple[int, int, str]] | None = None
    _starts: list[int] | None = None  # each sentence's start, in text order
    # issue #10 (hostile input): a reader's index of a sentence or of the note, built once
    # (antibodies: result words, line openers, drafts, line breaks; _timeline: journal chrome);
    # read and built only through index() and forget_index()
    _indexes: dict[tuple[str, int], Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.norm.text

    def index(
        self,
        name: str,
        build: Callable[[], _Built],
        sentence: int = 0,
        *,
        valid: Callable[[_Built], bool] | None = None,
    ) -> _Built:
        """A reader's index ``name`` of sentence number ``sentence`` (0 for one of the whole
        note), built by ``build`` the first time it is asked for and kept for the note, so a
        reader asked once per name or result word does not search its sentence again each time
        (issue #10, hostile input). ``valid`` says whether a kept index still holds (one built
        over a list or a text that has since been replaced is built again)."""
        key = (name, sentence)
        got = self._indexes.get(key)
        if got is None or (valid is not None and not valid(got)):
            got = self._indexes[key] = build()
        return cast(_Built, got)

    def forget_index(self, name: str, sentence: int = 0) -> None:
        """Drops index ``name`` of sentence number ``sentence``: the next index() builds it anew."""
        self._indexes.pop((name, sentence), None)

    def sentence_starts(self) -> list[int]:
        """Each sentence's start, in text order, listed once per note (issue #10, i34t: the
        sentences are final once the note is read; the readers' buckets listed them again for
        every list of matches, hundreds of times a note). Not to be changed by the caller."""
        if self._starts is None:
            self._starts = [s.start for s in self.sentences]
        return self._starts

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence that holds the character at ``pos`` (None between sentences)."""
        k = bisect_right(self.sentence_starts(), pos) - 1
        return self.sentences[k] if k >= 0 and pos < self.sentences[k].end else None

    def hits(self, group: str, name: str, sent: Sentence) -> list[list[re.Match[str]]]:
        """The matches in ``sent`` of each pattern of ``rules.<group>[name]`` (group "value" or
        "time"), found in one pass over the note and cached: the same as matching each sentence
        alone, which on a long note would repeat every pattern once per sentence."""
        key = (group, name)
        table = self._hits.get(key)
        if table is None:
            table = self._hits[key] = self._match_all(group, name)
        return table.get(sent.index, _NO_HITS)

    def live(self, patterns: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
        """Those of ``patterns`` that can match somewhere in the note (see may_match), in order:
        the others would find nothing in any sentence."""
        gate = self._gate_text()
        return [rx for rx in patterns if may_match(rx, gate)]

    def finditer(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``rx`` in the note; none sought where may_match shows that it cannot
        match (issue #10, i10-speed: a heading pattern run over every note)."""
        return finditer_near(rx, self.text) if may_match(rx, self._gate_text()) else iter(())

    def _gate_text(self) -> str:
        """The note as may_match reads it (gate_text), made once per note."""
        if self._gate is None:
            self._gate = gate_text(self.text)
        return self._gate

    def dates_in(self, sent: Sentence) -> list[DateMatch]:
        """The explicit dates in ``sent`` (all the note's dates found once, by the note's
        style, which is final once the note's date is known). A date of birth is not among
        them: it dates the birth, never a fact of the sentence it shares (issue #10, i51d: a
        header line "DOB: 03/15/1954 ... Meds: prednisone" gave the drug a start in 1954)."""
        if self._dates is None:
            starts = self.sentence_starts()
            born = self.birth_date_starts()
            self._dates = {}
            for d in find_dates(self.text, self.rules, style=self.style):
                if d.start in born:
                    continue
                k = bisect_right(starts, d.start) - 1
                if k >= 0 and d.end <= self.sentences[k].end:
                    self._dates.setdefault(k, []).append(d)
        return self._dates.get(sent.index, [])

    def birth_date_starts(self) -> set[int]:
        """Where a date of birth begins, by the birth-date patterns (rules ``birth_date``, in
        every language they know: "DOB", "DN", "data de nascimento", ...), found once a note.
        Each label is tried at every place it occurs: one label's match may take in the next
        ("born in Lodz, DOB 03/05/1960"), so matches are allowed to overlap."""

        def build() -> set[int]:
            starts = set()
            for rx in self.rules.value["birth_date"]:
                pos = 0
                while (m := rx.search(self.text, pos)) is not None:
                    said = m.group("date")
                    starts.add(m.start("date") + len(said) - len(said.lstrip()))
                    pos = m.start() + 1
            # issue #10 (i51p): a year of birth too ("Year of birth: 1966", "Jahrgang 1963"; the
            # patient grammar's ``birth_year``): the note's first date it is not, nor is 1
            # January of it
            for rx in patient_grammar().birth_year:
                starts.update(m.start("year") for m in rx.finditer(self.text))
            return starts

        return self.index("birth_date_starts", build)

    def abbreviations(self) -> list[tuple[int, int, str]]:
        """Abbreviations the note defines in parentheses ("Hodgkin's disease (HD)"): where the
        bracket opens, where it closes and the abbreviation, found once per note."""
        if self._abbreviations is None:
            self._abbreviations = [
                (m.start(), m.end(), m.group(1))
                for m in _ABBREVIATION.finditer(self.text)
                if sum(c.isupper() for c in m.group(1)) >= 2
            ]
        return self._abbreviations

    def _patterns(self, group: str, name: str) -> list[re.Pattern[str]]:
        return self.rules.value[name] if group == "value" else self.rules.time[name]

    def _match_all(self, group: str, name: str) -> dict[int, list[list[re.Match[str]]]]:
        patterns = self._patterns(group, name)
        starts = self.sentence_starts()
        table: dict[int, list[list[re.Match[str]]]] = {}
        gate = self.rules.patterns.gates.get(name) if group == "value" else None
        if gate is not None:
            if self._lower is None:
                self._lower = self.text.casefold()
            if not any(word in self._lower for word in gate):
                return table  # "duct" nowhere in the note: no duct pattern can match
        note_gate = self._gate_text()
        for i, rx in enumerate(patterns):
            if not may_match(rx, note_gate):
                continue  # a word every match needs is not in the note: nothing to find
            redo: set[int] = set()
            for m in finditer_near(rx, self.text):
                k = bisect_right(starts, m.start()) - 1
                if k < 0 or m.start() >= self.sentences[k].end:
                    continue
                if m.end() > self.sentences[k].end:  # ran into the next sentence: redo both
                    redo.update(range(k, bisect_right(starts, m.end())))
                    continue
                row = table.get(k)
                if row is None:  # (a row of empty lists made only for a sentence's first match)
                    row = table[k] = [[] for _ in patterns]
                row[i].append(m)
            for k in redo:
                sent = self.sentences[k]
                row = table.setdefault(k, [[] for _ in patterns])
                row[i] = list(rx.finditer(self.text, sent.start, sent.end))
        return table

    def evidence(
        self, start: int, end: int, sent: Sentence, inferred: bool, uncertain: bool
    ) -> Evidence:
        o_start, o_end = self.norm.to_original(start, end)
        words = self.norm.original[o_start:o_end]
        return Evidence.model_construct(
            text=words if len(words) <= MAX_NOTE_CHARS else _clipped(words, 0, len(words), 0, 0),
            start=o_start,
            end=o_end,
            sentence=_clipped(self.text, sent.start, sent.end, start, end),
            inferred=inferred,
            certainty="uncertain" if uncertain else "certain",
        )

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


# --------------------------------------------------------------------------- helpers
def _clipped(text: str, lo: int, hi: int, at: int, to: int) -> str:
    """``text[lo:hi]`` stripped, or, when longer than a case's note field holds, the part of it
    around ``text[at:to]`` with an ellipsis where it was cut (issue #10: a run-on sentence of a
    scanned or pasted note must not refuse the whole note)."""
    said = text[lo:hi].strip()
    if len(said) <= MAX_NOTE_CHARS:
        return said
    room = MAX_NOTE_CHARS - 2  # the two ellipses
    start = max(lo, at - (room - min(to - at, room)) // 2)
    end = min(hi, start + room)
    start = max(lo, end - room)
    return ("…" if start > lo else "") + text[start:end].strip() + ("…" if end < hi else "")


def _bucket(ex: Extraction, matches: list[TermMatch]) -> dict[int, list[TermMatch]]:
    out: dict[int, list[TermMatch]] = {}
    if not matches:
        return out
    starts = ex.sentence_starts()
    for m in matches:
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < ex.sentences[i].end:
            out.setdefault(i, []).append(m)
    return out


def _status(
    ex: Extraction, sent: Sentence, assertion: Assertion, time: TimePoint, dated: bool = True
) -> tuple[FactStatus, bool]:
    """(status, uncertain) from the section, the modifiers and the time. ``dated``: whether a
    date more than a year before the visit makes the fact past history (a finding, a tumour, an
    operation), or is simply when it happened (a test result, a remission, a diagnosis)."""
    uncertain = assertion.get("certainty") == "POSSIBLE_EXISTENCE"
    if not sent.patient or assertion.get("generic"):
        return "generic", uncertain
    if assertion.get("experiencer") or (sent.segment and sent.segment.status == "family"):
        return "family", uncertain
    if assertion.get("hypothetical"):
        return "hypothetical", uncertain
    historical = (
        assertion.get("temporality") == "HISTORICAL"
        or (sent.segment is not None and sent.segment.status == "historical")
        or (dated and _long_ago(ex, time))
    )
    if historical:
        return "historical", uncertain
    existence = assertion.get("existence")
    if existence in ("NEGATED_EXISTENCE", "RESOLVED"):
        return "absent", uncertain
    if existence == "IMPROVED":
        return "improving", uncertain
    return "present", uncertain


def _long_ago(ex: Extraction, time: TimePoint) -> bool:
    if time.absolute is None:
        return time.approx_days < -_HISTORICAL_DAYS
    if ex.note_date is None:
        return False
    return (ex.note_date - time.resolve(ex.note_date)).days > _HISTORICAL_DAYS


def _add(ex: Extraction, draft: Draft) -> None:
    if draft.time is draft.sentence.time:
        if draft.type == "finding":
            draft.time = finding_time(ex, draft.sentence, draft.start, draft.end, began=True)
        else:
            draft.time = draft.sentence.time_at(draft.start, end=draft.end)
    ex.drafts.append(draft)


def finding_time(
    ex: Extraction, sent: Sentence, pos: int, end: int | None = None, *, began: bool = False
) -> TimePoint:
    """The time of a finding at ``pos``: a state still there, which "since 2019" does not date
    (Sentence.time_at), unless (issue #10, i39n) a statement of the presentation stands before
    it in its sentence (rules/patterns.yaml ``presentation_statement``: "First symptoms: rash
    on the eyelids from 02/2021"), where the "from" after the sign in its clause dates the
    sign's start. ``began`` (issue #10, i50o; the lead's gold decision of 5 Dec 2026, 3): the
    date the finding is recorded on, which "from DATE" / "since DATE" right after it gives
    ("proximal weakness since March 2026": dated 2026-03-01); its status is still read at the
    time the state is there (without ``began``), so it stays present."""
    if began and (presented := _disease_bracket_time(ex, sent, pos)) is not None:
        return presented
    told = statement_end(ex, sent)
    if told is not None and told <= pos:
        since_after = [
            (c - pos, t)
            for c, t, _, _, since in sent.local
            if since and c >= pos and not any(pos < b < c for b in sent.breaks)
        ]
        if since_after:
            return min(since_after, key=lambda x: x[0])[1]
    if began and (reached := _since_reached(ex, sent, pos)) is not None:
        return reached
    return sent.time_at(pos, ongoing=not began, end=end)


# issue #10 (i52f): how far before its "since DATE" a sign's name may start in the same clause
# (no comma, semicolon or clause break between): a sign named with its site in a few words
# ("rash on both upper eyelids since ...", "rash on the eyelids and over the knuckles since
# ...") starts beyond the 30 characters the date's own scope reaches back (_timeline's
# _local_scope, which dates every fact there), and was left on the note's date
_SINCE_SIGN_REACH = 80  # as far as a complaint reaches to its "since" (_timeline)
_CLAUSE_MARK = re.compile(r"[,;:()]")


def _since_reached(ex: Extraction, sent: Sentence, pos: int) -> TimePoint | None:
    """The date of the "since DATE" a finding at ``pos`` begins on, when the finding's name
    starts further back than that date's own scope but within its clause, else None."""
    reached = [
        (c - pos, t)
        for c, t, lo, _, since in sent.local
        if since
        and pos < lo
        and c - pos <= _SINCE_SIGN_REACH
        and _CLAUSE_MARK.search(ex.text, pos, c) is None
        and not any(pos < b < c for b in sent.breaks)
    ]
    return min(reached, key=lambda x: x[0])[1] if reached else None


_OPEN_BRACKET = re.compile(r"\s*\([^()]*")


def _disease_bracket_time(ex: Extraction, sent: Sentence, pos: int) -> TimePoint | None:
    """The date of "dermatomyositis from June 2026 (...)" for a sign at ``pos`` inside that
    bracket (rules/patterns.yaml ``disease_since_bracket``), else None."""
    text = ex.text
    for _, time, lo, hi, since in sent.local:
        if not since or hi > pos:
            continue
        inside = _OPEN_BRACKET.match(text, hi, pos)
        if inside is None or inside.end() != pos:
            continue
        if ex.rules.one("disease_since_bracket").search(text, lo, hi):
            return time
    return None


def statement_end(ex: Extraction, sent: Sentence, *, label_sentence: bool = True) -> int | None:
    """Where the first statement of the presentation in ``sent`` ends (rules/patterns.yaml
    ``presentation_statement``), or None: found once per sentence and note, so that each
    finding or lesion asks only whether it stands after that end (a sentence of 1,100 findings,
    each searched from the sentence's start, was quadratic: tests/test_reliability_scaling.py)."""
    memo = note_results()
    key = ("presentation_statement", ex.text, sent.start, sent.end, id(ex.rules), label_sentence)
    if memo is not None and key in memo:
        return cast("int | None", memo[key])
    ends = [
        m.end()
        for rx in ex.rules.value["presentation_statement"]
        for m in rx.finditer(ex.text, sent.start, sent.end)
    ]
    found = min(ends) if ends else None
    if found is None and label_sentence and sent.index > 0:
        # issue #10 (i42n): the sentence before names the disease alone ("Dermatomyositis."):
        # this one tells its story (rules/patterns.yaml ``presentation_label_sentence``), which
        # dates its signs from their onset; a weaker mark than "first symptoms" or "Onset:", it
        # does not date a knuckle rash apart from papules found later (``label_sentence``
        # False: facts/findings.py, test_text_classes_i37n)
        before = ex.sentences[sent.index - 1]
        if any(
            rx.search(ex.text[before.start : before.end])
            for rx in ex.rules.value["presentation_label_sentence"]
        ):
            found = sent.start
    if memo is not None:
        memo[key] = found
    return found


def _outside_time(sent: Sentence, m: TermMatch) -> bool:
    return not any(a <= m.start < b for a, b in sent.time_spans)


def _planned(sent: Sentence) -> bool:
    return sent.segment is not None and sent.segment.status == "planned"


def marked_window(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The words from ``lo`` to ``hi`` with the mention at ``start:end`` marked «...», for the
    rules that read a mention by the words around it (issue #10, i10aj: patterns.yaml
    ``event_not_done``, ``treatment_not_taken``)."""
    return f"{text[lo:start]}«{text[start:end]}»{text[end:hi]}"
