"""Muscle strength: MRC or Kendall grades from an examination, per muscle group and side,
and complaints of weakness."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from myositis_cds.ingest.text._draft import _CONTEXT, Extraction, Sentence, _bucket, _status
from myositis_cds.ingest.text._rules import TermMatch, compile_rule, rules
from myositis_cds.ingest.text._strength import (
    _STEP,
    COLON_SIDES_DECLARED,
    COMMA_SIDES_DECLARED,
    SIDES_DECLARED,
    Grade,
    StrengthReading,
    _resolve_ellipsis,
    _side_pairs,
    grades_in,
    grip_groups,
    group_states,
    read_grades,
)
from myositis_cds.ingest.text._time import TimePoint
from myositis_cds.ingest.text.facts.findings import _WORD, _add_finding

_SIDES = ("right", "left")


# issue #10 (i25a): Chinese, Japanese and Korean put the limbs before their grade ("四肢肌力Ⅲ级",
# "사지 근력 4/5"): a "throughout" word in those scripts takes the grade right after it
# issue #10 (i46f): "at rest" is the muscle resting before a fatigability test, not "the rest"
# of the muscle groups (rules/strength.yaml ``throughout``)
_AT_REST = re.compile(r"\bat\s+$", re.IGNORECASE)

_CJK_LIMBS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


_POWER_SAID = re.compile(r"\b(?:b?mrc|power|strength|force)\b", re.IGNORECASE)


def _m_grade(text: str, sent: Sentence, g: Grade, t: TermMatch) -> bool:
    """issue #10 (i29s): the MRC grade written with its "M" right before a "throughout" word,
    in a sentence that says it grades power ("Muscle strength: M5 throughout except hip flexors
    M4+"): the scale named, as "MRC 5/5 throughout" is; a staging's "M0" is none."""
    return (
        text[g.start] in "Mm"
        and not text[g.end : t.start].strip()
        and _POWER_SAID.search(text, sent.start, g.start) is not None
    )


# issue #10 (i35e): the movements' capital-letter codes (rules/strength.yaml movement_codes),
# each right before its grade ("D 3/3", "NF 2", "KE: 4+"), read where three codes or more are
# graded in one sentence; (i37n) or where the codes and the muscles named in full make three or
# more between them ("deltoids 4/5 B, iliopsoas 4/5 B, TA 5/5 B": a strength line that writes
# one muscle by its initials)
_CODES_MIN = 3


@cache
def _movement_code() -> tuple[re.Pattern[str], dict[str, str]]:
    groups = {
        code: group for group, codes in rules().strength.movement_codes.items() for code in codes
    }
    alternatives = "|".join(sorted(map(re.escape, groups), key=len, reverse=True))
    return (
        re.compile(
            rf"(?<![\w/.+-])(?P<code>{alternatives})(?![\w/])[ \t]*+:?[ \t]*+"
            r"(?=[0-5](?:[+-]|/[0-5][+-]?)?(?![\w/]|[.,]\d))"
        ),
        groups,
    )


def _movement_codes(
    ex: Extraction, named: dict[int, list[TermMatch]]
) -> dict[int, list[TermMatch]]:
    """The coded movements graded in each sentence that grades three codes or more, the muscles
    ``named`` in full there counted with them."""
    rx, groups = _movement_code()
    if not groups:
        return {}
    found = _bucket(
        ex,
        [
            TermMatch(m.start(), m.end("code"), groups[m.group("code")], m.group("code"))
            for m in rx.finditer(ex.text)
        ],
    )
    return {
        idx: codes
        for idx, codes in found.items()
        if len({t.text for t in codes}) + len({t.text for t in named.get(idx, [])}) >= _CODES_MIN
    }


def _joined_line_breaks(ex: Extraction, sent: Sentence) -> frozenset[int]:
    """issue #10 (i35e): the spaces of a sentence that stand for a line break of the note as
    written, joined by its soft wrapping (see read_grades)."""
    norm = ex.norm
    if not norm.wrapped:
        return frozenset()
    text, offsets, original = norm.text, norm.offsets, norm.original
    return frozenset(
        p
        for p in range(max(sent.start, 1), min(sent.end, len(offsets) - 1))
        if text[p] == " " and "\n" in original[offsets[p - 1] : offsets[p + 1]]
    )


def _strength_exam(ex: Extraction) -> None:
    """Graded muscles (see :mod:`._strength`) → the EULAR/ACR weakness items, one examination
    per paragraph."""
    r = ex.rules
    text = ex.text
    found = _bucket(ex, r.muscles.find(text))
    for idx, codes in _movement_codes(ex, found).items():  # (i35e) "D 3/3 · HF 3/3 · KE 4/4"
        listed = {t.start for t in found.get(idx, [])}
        found.setdefault(idx, []).extend(t for t in codes if t.start not in listed)
    for idx, ms in _bucket(ex, r.throughout.find(text)).items():
        found.setdefault(idx, [])
        sent = ex.sentences[idx]
        for t in ms:  # "power 5/5 throughout": every group at that grade
            if _AT_REST.search(text, max(sent.start, t.start - 4), t.start):
                continue  # i46f: "5/5 at rest, 4/5 after 20 repetitions" rests the muscle
            lo = max(sent.start, t.start - 25)
            grades = [
                g for g in grades_in(text, lo, t.start) if g.explicit or _m_grade(text, sent, g, t)
            ]
            if _OTHER_GROUPS.search(t.text):  # i10j: "otherwise 5/5", "elsewhere power 5/5"
                after = _other_groups_grade(text, sent, t)
                grades = [after] if after is not None else grades
            elif not grades and _CJK_LIMBS.match(t.text):  # i25a: "四肢肌力Ⅲ级", the grade after
                grades = [g for g in grades_in(text, t.end, min(sent.end, t.end + 8)) if g.explicit]
                # unless a group is named before it ("四肢近端肌力3级"): that group has the grade
                if grades and r.muscles.find(text, t.end, grades[0].start):
                    grades = []
            if not grades:
                continue
            g = grades[-1]
            # issue #10 (i10j): muscles before a comma are graded on their own ("hip flexors
            # 4/5, 5/5 elsewhere"): only the grade's own clause can narrow it to one group
            clause = max(lo, *(text.rfind(p, lo, g.start) + 1 for p in ",;"))
            named = r.muscles.find(text, clause, t.start)  # "prox power 5/5 throughout"
            if not named:
                groups = ["proximal_both", "distal_both"]
                if "neck" in t.text.casefold():  # i10y: "rest of the limb and neck muscles"
                    groups += ["neck_flexors", "neck_extensors"]
                groups += _included_groups(ex, sent, t)
                for group in groups:
                    found[idx].append(TermMatch(g.start, g.start, group, t.text))
    exams: dict[tuple[int, TimePoint | date], list[tuple[Sentence, StrengthReading]]] = {}
    kendall = _declared_paragraphs(ex, _KENDALL_DECLARED)
    sided = _declared_paragraphs(ex, _SIDES_HEADING)
    other_heading = (
        _OTHER_GRID_HEADING if _SCALE_FROM_ZERO.search(ex.text) else _UNSCALED_OTHER_GRID_HEADING
    )
    other_grid = _declared_paragraphs(ex, other_heading)
    for idx in sorted(found):
        sent = ex.sentences[idx]
        if not sent.patient or not found[idx]:
            continue
        if (
            sent.paragraph in other_grid
            and _grid_row(ex, sent)
            and not _strength_heading_last(ex, sent, other_heading)
        ):
            continue  # i10aa: "| Upper back and shoulders | 2 | 1 |" scores the skin, not power
        ordered = sorted(found[idx], key=lambda m: m.start)
        muscles = _limb_scoped(text, sent, _not_skin_sites(ex, sent, _not_examiners(text, ordered)))
        if not muscles:
            continue
        for reading in read_grades(
            text,
            sent.start,
            sent.end,
            muscles,
            kendall_declared=sent.paragraph in kendall,
            sides_declared=sent.paragraph in sided,
            line_breaks=_joined_line_breaks(ex, sent),
        ):
            # issue #10 (i10ag): one examination per paragraph and date: a visit log's or a
            # course's dated entries in one paragraph ("19/11 ... hip flexion 3/5; 24/11 ... hip
            # flexion 4-/5, shoulder abduction 5/5") are each an examination of their own
            exams.setdefault((sent.paragraph, _exam_day(ex, sent)), []).append((sent, reading))
    for sent, reading in [*_limb_region_grid(ex), *_keyed_segments(ex)]:  # (i33e: a key's)
        exams.setdefault((sent.paragraph, _exam_day(ex, sent)), []).append((sent, reading))
    for readings in exams.values():
        _strength_items(ex, readings)
    _compared_in_words(ex)


# --- issue #10 (i23b): a power grid whose columns are the regions and whose rows are the limbs,
# begin. A ward round's or a clerking's shorthand ("Power:  prox  dist" over "UL (R/L)  4/4
# 5/5" and "LL (R/L)  4/4  5/5"): each row's cells are that limb's proximal and distal grades,
# in the heading's column order; a cell is one grade ("4") or a side pair ("4/4", read as right
# and left as in any strength table: see _strength._side_pairs). Rows end at the first line
# that is not a limb's. The limbs' usual labels: UL/LL, ULs/LLs, upper/lower limb(s), arms,
# legs; verified U.
_REGION_HEADING = re.compile(
    r"(?im)^[^\n]{0,40}?\b(?P<first>prox(?:imal)?|dist(?:al)?)\.?[ \t]+"
    r"(?P<second>prox(?:imal)?|dist(?:al)?)\.?[ \t]*$"
)
_CELL = r"[0-5][+-]?(?:[ \t]?/[ \t]?[0-5][+-]?)?+(?![\d/])"
_LIMB_ROW = re.compile(
    r"[ \t]*(?P<limb>(?i:ULs?|LLs?|upper[ \t]+limbs?|lower[ \t]+limbs?|upper[ \t]+extremit(?:y|ies)"
    r"|lower[ \t]+extremit(?:y|ies)|arms?|legs?))\b(?:[ \t]*+\((?i:r[ \t]*/[ \t]*l)\))?[ \t:]*+"
    rf"(?P<c1>{_CELL})[ \t]++(?P<c2>{_CELL})[ \t]*+(?:\n|$)"
)


def _exam_day(ex: Extraction, sent: Sentence) -> TimePoint | date:
    """issue #10 (i34d): the day a sentence's grades were taken, as one examination's key: its
    date where the note's date is known, so that a sentence dated by its own words ("Exam (clinic
    20261111): ... proximal girdles 4") and its wrapped rest dated by the note ("(both arms),
    distal 5") are one examination when both fall on the same day."""
    return sent.time if ex.note_date is None else sent.time.resolve(ex.note_date)


def _limb_region_grid(ex: Extraction) -> list[tuple[Sentence, StrengthReading]]:
    """The readings of every limb-by-region power grid in the note (see above)."""
    text = ex.text
    out: list[tuple[Sentence, StrengthReading]] = []
    for head in _REGION_HEADING.finditer(text):
        first = "proximal" if head.group("first").casefold().startswith("prox") else "distal"
        second = "proximal" if head.group("second").casefold().startswith("prox") else "distal"
        if first == second:
            continue
        pos = head.end() + 1
        while (row := _LIMB_ROW.match(text, pos)) is not None:
            pos = row.end()
            sent = ex.sentence_at(row.start("limb"))
            if sent is None or not sent.patient:
                continue
            limb = row.group("limb").casefold()
            upper = limb.startswith(("ul", "upper", "arm"))
            for region, cell in ((first, "c1"), (second, "c2")):
                group = f"{region}_{'upper' if upper else 'lower'}"
                a, b = row.span(cell)
                grades = _side_pairs(text, a, b, declared=True) or grades_in(text, a, b)
                for g in grades:
                    out.append(
                        (sent, StrengthReading(group, g.side, g.value, row.start("limb"), b))
                    )
    return out


# --- issue #10 (i23b): end


# --- issue #10 (i33e): a letter code with its key, begin. An examination copied as segment
# letters with grades ("R: S4 E5 W5 H3 K4 A5  L: S4 E5 W5 H3+ K4 A5") under a key that names each
# letter's muscle or movement ("S shoulder abduction, E elbow flexion, ... A ankle
# dorsiflexion"): each coded grade is that muscle's, on the side its row's label gives ("R:",
# "L:", "Right:"; none: both). The key needs three letters or more, each a capital standing
# alone before its muscle, the entries apart by commas; a code is read only when every letter
# of its run is in the key, and only after the key, in the same paragraph.
_KEY_LETTER = re.compile(r"(?:^|[\s(,;:])(?P<letter>[A-Z])[ \t]*[=:\-]?[ \t]*$")
_KEY_GAP = re.compile(r"[ \t]*[,;][ \t]*\n?[ \t]*(?:[A-Z][ \t]*[=:\-]?[ \t]*)?$")
_KEY_ENTRIES_MIN = 3
_CODED = re.compile(r"(?<![\w+-])(?P<letter>[A-Z])(?P<g>[0-5])(?P<mod>[+-]?)(?![\w/.])")
_CODED_SIDE = re.compile(r"(?<![\w])(?P<side>R|L|Rt|Lt|Right|Left)[ \t]*:", re.IGNORECASE)
_CODE_REACH = 400  # characters after the key searched for its coded rows


def _segment_key(ex: Extraction) -> list[tuple[int, dict[str, str]]]:
    """Each key in the note: where it ends and its letters' muscle groups."""
    text = ex.text
    keys: list[tuple[int, dict[str, str]]] = []
    run: dict[str, str] = {}
    last_end = -1
    for m in ex.rules.muscles.find(text):
        lead = _KEY_LETTER.search(text, max(0, m.start - 4), m.start)
        if lead is None:
            continue
        joined = last_end >= 0 and _KEY_GAP.match(text, last_end, m.start) is not None
        if not joined and len(run) >= _KEY_ENTRIES_MIN:
            keys.append((last_end, run))
        if not joined:
            run = {}
        letter = lead.group("letter")
        if letter in run:
            run = {}
        run[letter] = m.concept
        last_end = m.end
    if len(run) >= _KEY_ENTRIES_MIN:
        keys.append((last_end, run))
    return keys


def _keyed_segments(ex: Extraction) -> list[tuple[Sentence, StrengthReading]]:
    """The readings of every coded row under a segment key in the note (see above)."""
    text = ex.text
    out: list[tuple[Sentence, StrengthReading]] = []
    for key_end, key in _segment_key(ex):
        key_sent = ex.sentence_at(key_end - 1)
        stop = min(len(text), key_end + _CODE_REACH)
        codes = [c for c in _CODED.finditer(text, key_end, stop) if c.group("letter") in key]
        if len(codes) < _KEY_ENTRIES_MIN:
            continue
        for c in codes:
            sent = ex.sentence_at(c.start())
            if sent is None or not sent.patient:
                continue
            if key_sent is not None and sent.paragraph != key_sent.paragraph:
                break
            line = text.rfind("\n", 0, c.start()) + 1
            labels = list(_CODED_SIDE.finditer(text, line, c.start()))
            side = None
            if labels:
                word = labels[-1].group("side").casefold()
                side = "right" if word.startswith("r") else "left"
            value = float(c.group("g")) + _STEP.get(c.group("mod"), 0.0)
            out.append(
                (sent, StrengthReading(key[c.group("letter")], side, value, c.start(), c.end()))
            )
    return out


# --- issue #10 (i33e): end


_SKIN_SITE_WORDS = (
    r"over|on|across|of|involving|affecting"
    # (issue #10, i10az: and the prepositions of place of the Romance and German letters
    # whose joints now name muscles: "érythème des épaules", "eritema en hombros",
    # "eritema sulle spalle", "Erythem an den Schultern"; verified U)
    r"|sur|des|du|de|en|sobre|nos|nas|no|na|em|sulle|sulla|sul|delle|della|dei|degli|alle"
    r"|ai|pe|an|auf|der|über"
)
_SITE_WORD_TO_END = rf"\b(?:{_SKIN_SITE_WORDS})\b[^;:.,\d\n]*$"


@cache
def _skin_site_rx(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b[^;:.\n]*?{_SITE_WORD_TO_END}", re.IGNORECASE)


# issue #10 (hostile input): _skin_site_rx searched from each muscle's clause start to the muscle,
# and from each skin word in it on to the muscle: on one long clause of thousands of muscles,
# cubic. Its match is a skin word, then a place word whose words after it run to the muscle
# without a comma or a digit: so a clause has one when its first skin word to end ends by the
# start of the last place word that reaches the muscle. _SkinSites finds the skin and place
# words of a sentence once and answers that for each muscle, as the search would.
_SITE_WORD_AT_END = re.compile(_SITE_WORD_TO_END, re.IGNORECASE)
_SITE_WORD_AT = re.compile(rf"(?=\b(?:{_SKIN_SITE_WORDS})\b)", re.IGNORECASE)
_SITE_WORD_LONGEST = max(len(w) for w in _SKIN_SITE_WORDS.split("|"))
assert all(w.isalpha() for w in _SKIN_SITE_WORDS.split("|"))  # (a word: no comma, no digit)
_CLAUSE_MARK = re.compile(r"[;:.\n]")
_SITE_TAIL_STOP = re.compile(r"[;:.,\d\n]")


@cache
def _skin_word_at_rx(cues: tuple[str, ...]) -> re.Pattern[str]:
    """At each place a skin word of ``cues`` starts, the shortest one that starts there."""
    words = "|".join(re.escape(c) for c in sorted(cues, key=len))
    return re.compile(rf"(?=\b({words})\b)", re.IGNORECASE)


class _SkinSites:
    """The skin words, place words and clause marks of one sentence, found once, to answer
    ``_skin_site_rx(cues).search(text, clause, muscle)`` for each muscle in it."""

    def __init__(self, text: str, sent: Sentence, cues: tuple[str, ...]) -> None:
        self.text, self.sent, self.cues = text, sent, cues
        lo, hi = sent.start, sent.end
        seen = min(len(text), hi + 1)  # a word ending at the sentence's end, and what follows
        self.marks = [m.start() for m in _CLAUSE_MARK.finditer(text, lo, hi)]
        self.tail_stops = [m.start() for m in _SITE_TAIL_STOP.finditer(text, lo, hi)]
        self.site_words = [m.start() for m in _SITE_WORD_AT.finditer(text, lo, seen)]
        found = [(m.start(), m.end(1)) for m in _skin_word_at_rx(cues).finditer(text, lo, seen)]
        self.skin_starts = [a for a, _ in found]
        # the first end of a skin word from each one on
        self.first_end_from = [b for _, b in found]
        for k in range(len(found) - 2, -1, -1):
            self.first_end_from[k] = min(self.first_end_from[k], self.first_end_from[k + 1])

    def clause_start(self, pos: int) -> int:
        """``max(sent.start, *(text.rfind(p, sent.start, pos) + 1 for p in ";:.\\n"))``."""
        k = bisect_left(self.marks, pos)
        return max(self.sent.start, self.marks[k - 1] + 1) if k else self.sent.start

    def skin_site_before(self, pos: int) -> bool:
        """``_skin_site_rx(cues).search(text, clause_start(pos), pos) is not None``."""
        text, clause = self.text, self.clause_start(pos)
        if not self.sent.start <= pos <= self.sent.end:
            return _skin_site_rx(self.cues).search(text, clause, pos) is not None
        k = bisect_left(self.tail_stops, pos)
        tail = max(clause, self.tail_stops[k - 1] + 1) if k else clause  # no comma or digit on
        # the last place word that reaches ``pos``: one close to it read as the search reads it
        # (it may end at ``pos``), one further before as found in the sentence
        near = max(tail, pos - _SITE_WORD_LONGEST - 1)
        site = next(
            (q for q in range(pos - 1, near - 1, -1) if _SITE_WORD_AT_END.match(text, q, pos)),
            None,
        )
        if site is None:
            k = bisect_left(self.site_words, near)
            if not k or self.site_words[k - 1] < tail:
                return False
            site = self.site_words[k - 1]
        k = bisect_left(self.skin_starts, clause)
        return k < len(self.skin_starts) and self.first_end_from[k] <= site


def _not_skin_sites(ex: Extraction, sent: Sentence, muscles: list[TermMatch]) -> list[TermMatch]:
    """issue #10 (i10ad): ``muscles`` without the regions named as a skin lesion's site in
    their clause ("erythema over the upper back and shoulders"; rules/strength.yaml
    ``skin_site_cues``): no grade belongs to them."""
    cues = ex.rules.strength.skin_site_cues
    if not cues:
        return muscles
    sites = _SkinSites(ex.text, sent, tuple(cues))
    return [m for m in muscles if not sites.skin_site_before(m.start)]


# issue #10 (i10j): the "throughout" words that mean every group not graded lower ("hip flexors
# 4/5, 5/5 elsewhere", "otherwise 5/5"): their grade usually follows them
# (issue #10, i10y: and "the rest", "remaining": "rest of the limb and neck muscles were
# strong", "the remaining muscle groups were 5/5")
_OTHER_GROUPS = re.compile(r"\b(?:elsewhere|otherwise|other|rest|remaining)\b", re.IGNORECASE)
_NAMES_MUSCLES = re.compile(r"\b(?:muscles?|limbs?)\b", re.IGNORECASE)
_GRADE_AFTER_GAP = re.compile(
    r"^\s*(?:(?:power|strength|force|mrc|is|was|are|were|remained|all"
    # issue #10 (i31e): the grade called normal before it is written ("otherwise normal 5/5",
    # "elsewhere full power 5/5", "otherwise intact, 5/5"); only an explicit grade follows
    r"|normal|full|intact|at),?\s*)*[:=]?\s*$",
    re.I,
)


# issue #10 (i21b): the muscles a "throughout" statement names as included ("5/5 throughout,
# including neck flexors", "power 5/5 in all muscle groups including the deltoids and neck
# flexors", Maltese "5/5 kullimkien ..., inkluż il-flessuri tal-għonq") have its grade: the
# notes' gold records the neck flexors so graded as not weaker than the extensors (the rule of 1
# Dec 2026, tests/data/notes/README.md), as when they are graded 5/5 on their own. The list runs
# to the clause's end; a muscle named after it with a grade of its own keeps that grade.
_INCLUDING = re.compile(
    r"[^;.\n]{0,80}?\b(?:including|incl\.|inklu[żz])\s*+(?:the\s++|il-|l-)?", re.IGNORECASE
)


def _included_groups(ex: Extraction, sent: Sentence, t: TermMatch) -> list[str]:
    """The groups of the muscles listed after "including" in the clause of the "throughout"
    term ``t`` that carry no grade of their own."""
    text = ex.text
    inc = _INCLUDING.match(text, t.end, sent.end)
    if inc is None:
        return []
    stop = min((i for i in (text.find(c, inc.end(), sent.end) for c in ";.") if i >= 0),
               default=sent.end)  # fmt: skip
    if grades_in(text, inc.end(), stop):
        return []  # "including the hip flexors at 4/5": the list grades itself
    return [m.concept for m in ex.rules.muscles.find(text, inc.end(), stop)]


def _other_groups_grade(text: str, sent: Sentence, t: TermMatch) -> Grade | None:
    """The explicit grade right after an "otherwise"/"elsewhere" word (only power words between)."""
    for g in grades_in(text, t.end, min(sent.end, t.end + 24)):
        # (i10y: or full strength in words after words that name the muscles, "rest of the
        # limb muscles were strong"; never after "otherwise" alone: "biochemistry was
        # otherwise normal")
        worded = g.word and _NAMES_MUSCLES.search(t.text) is not None
        if (g.explicit or worded) and _GRADE_AFTER_GAP.match(text[t.end : g.start]):
            return g
        if not g.word:
            break  # (i31e: a grade in words, "otherwise normal 5/5", lets the explicit one follow)
    return None


_UPPER_LIMB = re.compile(
    # (i10k: "upper and lower limbs" names both)
    r"\b(?:upper\s+(?:(?:and|&|/)\s*lower\s+)?(?:limbs?|extremit(?:y|ies))|arms?|hands?|wrists?"
    r"|fingers?"
    # (i10ag: the arms in Spanish, Portuguese, Italian, French, German and Nordic words; U)
    r"|(?:miembros|extremidades|membros|arti|membres)\s+(?:(?:inferiores|inferiori|inférieurs)"
    r"\s+(?:e|y|et|ed)\s+)?(?:superiores|superiori|supérieurs)"
    r"|brazos|braços|braccia|bras|arme|armen|armene|armar|overekstremitet(?:er|erne|ene)?"
    r"|övre\s+extremitet(?:er|erna)?"
    # (i10ag: the limbs' abbreviations of examination notes, "UL prox 4/5, LL prox 3/5", "BUE",
    # Spanish and Portuguese "MMSS"/"MMII"; not "UE"/"OE", which German and Nordic notes use
    # for the other limbs)
    r"|(?-i:UL|ULs|BUE|RUE|LUE|MMSS|MSS)"
    # (i10al: "upper" in the Slavic languages and Hungarian, as a stem: Croatian/Serbian
    # "gornjih", Slovene "zgornjih", Polish "górnych", Czech/Slovak "horních"/"horných",
    # Russian/Ukrainian "верхних", Hungarian "felső"; verified U)
    r"|(?:z?gornj|górn|horn[íéý]|верхн|felső)\w*"
    # (issue #10, i10as: the upper limbs in Greek "άνω άκρα", Estonian "ülajäsemed", Finnish
    # "yläraajat", Latvian "augšējās ekstremitātes", Lithuanian "viršutinės galūnės", Bulgarian
    # "горни крайници"; each language's standard term, verified U)
    r"|άνω\s+(?:και\s+κάτω\s+)?άκρ\w*|ülajäsem\w*|yläraaj\w*|augšēj\w*\s+ekstremit\w*"
    r"|viršutin\w*\s+galūn\w*|горн\w*\s+крайниц\w*)\b"
    # (issue #10, i41r: the upper limbs in Chinese and Japanese, "双上肢近端肌力Ⅴ级", and both
    # pairs "上下肢"; no word boundary in those scripts; verified U)
    r"|上下肢|上肢",
    re.IGNORECASE,
)
_LOWER_LIMB = re.compile(
    r"\b(?:lower\s+(?:limbs?|extremit(?:y|ies))|legs?|feet|foot|ankles?|toes?"
    r"|(?:miembros|extremidades|membros|arti|membres)\s+(?:(?:superiores|superiori|supérieurs)"
    r"\s+(?:e|y|et|ed)\s+)?(?:inferiores|inferiori|inférieurs)"
    r"|piernas|pernas|gambe|jambes|beine|beinen|ben|benene|bena|beina|benen|underekstremitet"
    r"(?:er|erne|ene)?|nedre\s+extremitet(?:er|erna)?"
    r"|(?-i:LL|LLs|BLE|RLE|LLE|MMII|MII)"
    # (i10al: "lower", as for the upper limb: "donjih", "spodnjih", "dolnych", "dolních",
    # "нижних", "alsó"; verified U)
    r"|(?:donj|spodnj|doln|нижн|alsó)\w*"
    # (issue #10, i10as: the lower limbs in the same languages as the upper: "κάτω άκρα",
    # "alajäsemed", "alaraajat", "apakšējās ekstremitātes", "apatinės galūnės", "долни
    # крайници"; verified U)
    r"|κάτω\s+άκρ\w*|alajäsem\w*|alaraaj\w*|apakšēj\w*\s+ekstremit\w*|apatin\w*\s+galūn\w*"
    r"|долн\w*\s+крайниц\w*)\b"
    # (issue #10, i41r: the lower limbs in Chinese and Japanese, "双下肢近端肌力Ⅳ+级", as the
    # upper above; verified U)
    r"|下肢",
    re.IGNORECASE,
)
_LIMB_SCOPED = {
    "proximal_both": {"upper": "proximal_upper", "lower": "proximal_lower"},
    "distal_both": {"upper": "distal_upper", "lower": "distal_lower"},
}


# issue #10: weakness the patient complains of is a symptom; the examination decides the item
# (FIRST_RUN_G.md gold decision). Written out only: a clinic note's shorthand "c/o prox
# weakness" is the examining clinician's summary in the notes' gold (note 50), left as it was.
_COMPLAINT = re.compile(
    r"\b(?:complain(?:ed|s|ing)?\s+(?:of|about)|complaints?\s+(?:of|were|was|included))\b",
    re.IGNORECASE,
)
# an examiner's word between the complaint and the weakness makes it a finding again
_EXAMINED = re.compile(
    r"[;:]|\b(?:exam\w*|on examination|o/e|found|showed|revealed|demonstrated|graded?|mrc)\b",
    re.IGNORECASE,
)
_WEAKNESS_ITEMS = frozenset(
    {
        "weakness_proximal_upper",
        "weakness_proximal_lower",
        "neck_flexors_weaker_than_extensors",
        "legs_proximal_weaker_than_distal",
        "finger_flexor_weakness",
    }
)


# a sentence that reports the strength examined: its grade or the examiner's word for weakness
_STRENGTH_EXAMINED = re.compile(
    r"\b(?:strength|power|mrc|[0-5][+-]?\s*/\s*5|grade\s+(?:[0-5]|i{1,3}|iv|v)\b)"
    r"|\b(?:exam\w*|o/e|disclosed|elicited)\b[^.;]*\bweak",
    re.IGNORECASE,
)


def _complaints_of_weakness(ex: Extraction) -> None:
    """Weakness named as what the patient complained of ("complained of muscle pain and
    weakness of the shoulder and pelvic girdle") is a symptom, shown but not the examination
    finding the EULAR/ACR items ask for (like "difficulty climbing stairs"), when the text
    reports no examination of strength at all; with one, the complaint stands with it (the
    examination may name the muscles less precisely: "weakness in the limb and girdle
    musculature")."""
    text = ex.text
    for d in ex.drafts:
        if d.type != "finding" or d.code not in _WEAKNESS_ITEMS or d.status != "present":
            continue
        if d.value.get("criterion") is False or d.value.get("rule") == "strength_examination":
            continue
        sent = d.sentence
        cue = None
        for m in _COMPLAINT.finditer(text, sent.start, d.start):
            cue = m
        if cue is None or _EXAMINED.search(text, cue.end(), d.start):
            continue
        # issue #10 (i10ag): the complaint's own words are no examination ("complained of
        # decreased strength in proximal muscles")
        if not _strength_examined(ex, sent, cue.start(), d.end):
            d.value = {**d.value, "symptom": True, "criterion": False, "complaint": True}
    _tasks_examined(ex)


# issue #10 (i29s): a task of the strength examination's list, failed ("Examination (strength
# checks):" over "- Rise from squat: unable", "- Arms raised above head: could not hold them"):
# the examiner's objective test (the EULAR/ACR glossary's "manual muscle testing or other
# objective strength testing"), not the patient's complaint of the same task; so the task rules'
# symptom (rules/inference.yaml ``*_symptom_from_tasks``) is an examination finding there. The
# list's heading is the line ending in ":" right above its items (only item lines between) and
# names an examination or a test.
_LIST_ITEMS_MAX = 30  # an examination's list is short: the walk up stays linear in the note
_TASK_RULES = frozenset({"weakness_upper_symptom_from_tasks", "weakness_lower_symptom_from_tasks"})
_LIST_ITEM = re.compile(r"[ \t]*+(?:[-*•–]|\d{1,2}[.)])[ \t]")
_EXAMINATION_HEAD = re.compile(
    r"\b(?:exam(?:ination|ined)?|o/e|on\s+examination|(?:strength|power|muscle|functional)"
    r"\s+(?:checks?|tests?|testing)|tested)\b[^\n]*:[ \t]*$",
    re.IGNORECASE,
)


def _tasks_examined(ex: Extraction) -> None:
    """The task rules' symptoms in an examination's list, made examination findings (above)."""
    text = ex.text
    for d in ex.drafts:
        if d.type != "finding" or d.value.get("rule") not in _TASK_RULES or d.status != "present":
            continue
        pos = text.rfind("\n", 0, d.start) + 1
        if not _LIST_ITEM.match(text, pos):
            continue
        for _ in range(_LIST_ITEMS_MAX):  # up over the list's items to the line above them
            pos = text.rfind("\n", 0, pos - 1) + 1 if pos > 0 else -1
            if pos < 0 or not _LIST_ITEM.match(text, pos):
                break
        else:
            continue  # a list longer than an examination's: no heading looked for
        if pos < 0:
            continue
        end = text.find("\n", pos)
        if _EXAMINATION_HEAD.search(text, pos, end if end >= 0 else len(text)):
            d.value = {"rule": d.value["rule"], "examined": True}


def _strength_examined(ex: Extraction, complaint: Sentence, start: int, end: int) -> bool:
    """Whether the note reports the strength examined (``_STRENGTH_EXAMINED``) anywhere but in
    the complaint at [start, end) of sentence ``complaint``."""
    text = ex.text
    for s in ex.sentences:
        if not s.patient:
            continue
        spans = [(s.start, start), (end, s.end)] if s is complaint else [(s.start, s.end)]
        if any(_STRENGTH_EXAMINED.search(text, a, b) for a, b in spans if a < b):
            return True
    return False


# issue #10 (i24d): the examiner's own hand or finger, the resistance a muscle is tested
# against ("lifts her head but not against my finger", "gives way to the examiner's hand"), is
# no muscle of the patient's: a body word after "my" or "(the) examiner's"
# (issue #10, i40n: "my" only after the preposition of a resistance, "against my finger", "gives
# way to my hand", "pushes into my palm": in the patient's own words "my shoulders a four, my
# hips a three" are the patient's muscles; English usage, verified U)
_EXAMINERS_BEFORE = re.compile(
    r"(?:\b(?:against|to|into|onto|on|under|with|by|past|through|from)\s++my"
    r"|\bexaminer['’]s|\bexaminers['’])\s++$",
    re.IGNORECASE,
)


def _not_examiners(text: str, muscles: list[TermMatch]) -> list[TermMatch]:
    return [m for m in muscles if not _EXAMINERS_BEFORE.search(text, max(0, m.start - 24), m.start)]


def _limb_scoped(text: str, sent: Sentence, muscles: list[TermMatch]) -> list[TermMatch]:
    """ "Distal 3/5 weakness in both upper extremities", "5/5 at more distal examination in the
    lower extremities", "upper-limb proximal 4/5": a "proximal"/"distal" word whose own phrase
    names one limb is that limb's group, not both limbs'. The phrase runs from three words before
    the word to the next muscle named (or the clause's end)."""
    out: list[TermMatch] = []
    for k, m in enumerate(muscles):
        limbs = _LIMB_SCOPED.get(m.concept)
        if limbs is None:
            out.append(m)
            named_limb = _POSITION_IN_LIMB.get(m.concept)
            if named_limb is not None and _POSITION_WORD.match(m.text):
                # (i10al: "proximal upper limbs 4/5, lower limbs 3/5": the term names its limb)
                stop = muscles[k + 1].start if k + 1 < len(muscles) else sent.end
                other = _other_limb_after(text, sent, m.end, stop, named_limb[1])
                if other is not None:
                    level = _LIMB_SCOPED[named_limb[0]]
                    out.append(TermMatch(other[0], other[1], level[other[2]], m.text))
            continue
        stop = muscles[k + 1].start if k + 1 < len(muscles) else sent.end
        if each := _graded_in_limbs(text, sent, m.end, stop):
            # (i10at: "proximal 5/5 in upper limbs, 4/5 in lower limbs": each grade its limb's)
            out.extend(TermMatch(a, b, limbs[limb], m.text) for a, b, limb in each)
            continue
        after = text[m.end : min(stop, m.end + 80)]
        after = re.split(r"[;.]", after, maxsplit=1)[0]
        before = " ".join(_WORD.findall(text[max(sent.start, m.start - 40) : m.start])[-3:])
        named = {
            limb
            for limb, rx in (("upper", _UPPER_LIMB), ("lower", _LOWER_LIMB))
            if rx.search(before)
        }
        if len(named) != 1:  # (i10ag: the limb just before wins: "BUE proximal 4/5, BLE ...")
            hits = {
                limb: hit.start()
                for limb, rx in (("upper", _UPPER_LIMB), ("lower", _LOWER_LIMB))
                if (hit := rx.search(after)) is not None
            }
            if len(hits) == 2 and _GRADE_BETWEEN.search(
                after, min(hits.values()), max(hits.values())
            ):
                # (i10al: the limb named first, graded before the other is named: "proximal
                # muscles of the upper limbs 4/5, lower 3/5"; not "upper and lower limbs 4/5")
                hits = {min(hits, key=hits.__getitem__): 0}
            named |= set(hits)
        if not named and (carried := _limb_of_clause(text, out, m)) is not None:
            named = {carried}
        if len(named) == 1:
            limb = named.pop()
            out.append(TermMatch(m.start, m.end, limbs[limb], m.text))
            other = _other_limb_after(text, sent, m.end, stop, limb)
            if other is not None:  # "proximal upper limbs 4/5, lower 3/5"
                out.append(TermMatch(other[0], other[1], limbs[other[2]], m.text))
        else:
            out.append(m)
    return sorted(out, key=lambda t: t.start)


# issue #10 (i27s): a position word after another one scoped to a limb in the same clause, no
# limb named between, is the same limb's: "UL prox 4/5, dist 5/5; LL prox 3/5, dist 5/5", "B/L
# UL: proximal 4/5, distal 5/5" (the words or their abbreviations; the clause ends at ";"; a limb
# named in its own phrase wins, as above)
_POSITION_ABBREVIATED = re.compile(r"(?:prox|dist)", re.IGNORECASE)
_SCOPED_LIMB = {group: limb for levels in _LIMB_SCOPED.values() for limb, group in levels.items()}


def _limb_of_clause(text: str, before: list[TermMatch], m: TermMatch) -> str | None:
    if not before or not _POSITION_ABBREVIATED.match(m.text):
        return None
    last = before[-1]
    limb = _SCOPED_LIMB.get(last.concept)
    if limb is None or not _POSITION_ABBREVIATED.match(last.text):
        return None
    if last.end > m.start or text.find(";", last.end, m.start) >= 0:
        return None
    return limb


# issue #10 (i10at): a position word, then each grade with the limb it is "in": "proximal 5/5
# in upper limbs, 4/5 in lower limbs", "fuerza proximal 5/5 en miembros superiores y 4/5 en
# inferiores", "força proximal grau 4 nos membros inferiores". The preposition "in" (with its
# article) in the languages whose limb words _UPPER_LIMB / _LOWER_LIMB read; verified U
_IN_LIMB = re.compile(
    r"\s*(?:(?:in|at|of|en|a\s+nivel\s+de|em|nos|nas|no|na|dans|aux|au\s+niveau\s+des|nei|negli|"
    r"agli|alle|ai|in\s+den|an\s+den|på|w|we|v|u|în|la|sa|pada|di|в|на|у|σε|στα|στους)\s+)"
    r"(?:(?:the|both|los|las|ambos|ambas|os|as|ambos\s+os|les|deux|gli|le|entrambi|beiden|"
    r"obu|obou|oba)\s+)?"
    # (the limb noun before its adjective: "w kończynach górnych", "la membrele superioare")
    r"(?:(?P<noun>kończyn\w*|kon[čc]etin\w*|okon[čc]in\w*|udih|udov|кінцівк\w*|конечност\w*|"
    r"membrele|membrelor|anggota)\s+)?",
    re.IGNORECASE,
)
_LIMB_ADJECTIVE = re.compile(
    r"(?P<upper>superiores|superiori|supérieurs|superioare)\b"
    r"|(?P<lower>inferiores|inferiori|inférieurs|inferioare)\b",
    re.IGNORECASE,
)
_FIRST_GRADE_REACH = 12  # "proximal 5/5", "proximal strength 4/5", "proximal: grade 4"


def _graded_in_limbs(
    text: str, sent: Sentence, start: int, stop: int
) -> list[tuple[int, int, str]]:
    """Each limb a grade after a position word is said to be "in", when the first grade
    follows the word at once: [(start, end, "upper"/"lower")]; [] when not that form."""
    stop = min(stop, sent.end)
    grades = grades_in(text, start, stop)
    if not grades or grades[0].start - start > _FIRST_GRADE_REACH:
        return []
    out: list[tuple[int, int, str]] = []
    for g in grades:
        lead = _IN_LIMB.match(text, g.end, stop)
        if lead is None:
            continue
        for limb, rx in (("upper", _UPPER_LIMB), ("lower", _LOWER_LIMB)):
            found = rx.match(text, lead.end(), stop)
            if found is not None:
                out.append(
                    (lead.start("noun") if lead["noun"] else found.start(), found.end(), limb)
                )
                break
        else:  # "... y 4/5 en inferiores", "la membrele superioare": the limb's adjective
            alone = _LIMB_ADJECTIVE.match(text, lead.end(), stop)
            if alone is not None:
                first = lead.start("noun") if lead["noun"] else alone.start()
                out.append((first, alone.end(), str(alone.lastgroup)))
    return out if {limb for _, _, limb in out} == {"upper", "lower"} else []


_POSITION_IN_LIMB = {
    "proximal_upper": ("proximal_both", "upper"),
    "proximal_lower": ("proximal_both", "lower"),
    "distal_upper": ("distal_both", "upper"),
    "distal_lower": ("distal_both", "lower"),
}
_POSITION_WORD = re.compile(r"(?:proxim|distal)", re.IGNORECASE)
_GRADE_BETWEEN = re.compile(r"(?<![\w.])[0-5][+-]?\s*/\s*[0-5]|[0-5][+-]?(?=\s*,)")


# issue #10 (i10al): after a position word scoped to one limb and its grade, the other limb
# named alone with a grade of its own is the same position in that limb: "proximal upper limbs
# 4/5, lower limbs 3/5", "proksimalna muskulatura gornjih ekstremiteta 4/5, donjih 4-/5"
_LIMB_AFTER_GRADE = re.compile(r"\s*,\s*(?:(?:and|the|i|a|és|in|y|e|et|und)\s+)?", re.IGNORECASE)


def _other_limb_after(
    text: str, sent: Sentence, start: int, stop: int, limb: str
) -> tuple[int, int, str] | None:
    grades = grades_in(text, start, min(stop, sent.end))
    if not grades:
        return None
    lead = _LIMB_AFTER_GRADE.match(text, grades[0].end, stop)
    if lead is None:
        return None
    other, rx = ("lower", _LOWER_LIMB) if limb == "upper" else ("upper", _UPPER_LIMB)
    found = rx.match(text, lead.end(), stop)
    if found is None:
        return None
    rest = grades_in(text, found.end(), min(stop, found.end() + 30))
    if not rest or not re.fullmatch(r"[\s:=\w]{0,20}?", text[found.end() : rest[0].start]):
        return None
    if re.search(r"\w", text[found.end() : rest[0].start]) and not re.fullmatch(
        r"\s*(?:limbs?|extremit\w*|ekstremitet\w*|udov|okončin\w*|končatín|kończyn\w*)?\s*[:=]?\s*",
        text[found.end() : rest[0].start],
        re.IGNORECASE,
    ):
        return None
    return found.start(), found.end(), other


# An examination that declares the Kendall 0-10 scale: "MMT-8 (Kendall 0-10)", "scale 0-10",
# "(/10)" or "out of 10" in a table header. Not "MMT-8 124/150" alone (a total on its own line).
_KENDALL_DECLARED = compile_rule(  # (i10aw: led by its first letters, as the headings below)
    r"\bkendall\b|\b(?:mmt[- ]?8|manual muscle test(?:ing)?|muscle strength|power)\b[^.\n]{0,40}?"
    r"(?:\b0\s*(?:-|–|to)\s*10\b|\(\s*/\s*10\s*\)|\bout of 10\b|/\s*10\b)"
    # issue #10 (i25b): the same scale in per cent of normal ("Muscle testing (% of normal)",
    # "strength as percent of normal"; see _strength._PERCENT_GRADE)
    r"|\b(?:mmt|manual muscle test\w*|muscle test\w*|muscle strength|strength|power)\b"
    r"[^.\n]{0,40}?(?:%|\bper\s?cent)\s*(?:of\s+)?normal\b"
)


# issue #10 (i10u): a strength table's heading that declares its columns right then left
# ("STRENGTH (MRC), right / left", "Power R/L"): every "4 / 4" pair of its rows is the two
# sides, however many dated columns follow (issue #10, i29a: and the Turkmen "Myşsa güýji
# (sag / çep)", muscle strength, with the copy's "myssa"; verified U)
_SIDES_HEADING = compile_rule(
    r"\b(?:strength|power|mmt|mrc|oxford|muscle|kendall|my[şs]sa)\b[^\n]{0,60}?"
    rf"(?:{SIDES_DECLARED.pattern}|{COMMA_SIDES_DECLARED.pattern}"  # (i29s: "R,L)")
    rf"|{COLON_SIDES_DECLARED.pattern})"  # (i34e: "R:L")
)


# issue #10 (i10aa): a grid that scores body regions for something other than power - the skin
# (CDASI activity and damage: erythema, scale, excoriation, ulceration, poikiloderma, calcinosis;
# EASI / PASI / BSA), the joints (tender / swollen counts, DAS28) or the reflexes and sensation -
# names its columns in a header line with a column separator. Its rows ("| Upper back and
# shoulders | 2 | 1 | 1 | 0 |", "Knee  tender 1  swollen 0") hold those scores, not muscle grades.
# English with the German, French and Spanish column words (verification U).
_OTHER_COLUMN = (
    r"\b(?:erythema|erythem|érythème|eritema|scale|schuppung|squames|descamación|"
    r"excoriation|exkoriation|erosion|ulceration|ulzeration|ulcération|ulceración|poikiloderma|"
    r"poikilodermie|calcinosis|kalzinose|calcinose|induration|tender(?:ness)?|swollen|"
    r"druckschmerz\w*|geschwollen|douloureu\w*|gonfl\w*|dolorosa?s?|tumefact\w*|reflex(?:es)?|"
    r"reflexe|réflexes?|reflejos?|sensation|sensibilität)\b"
)
_NAMED_OTHER_GRID = (
    r"\b(?:cdasi|easi|pasi|scorad|das-?28|joint\s+counts?)\b|"
    rf"(?:{_OTHER_COLUMN}[^\n|]*(?:\||\t|\s{{2,}})[^\n]*){{2,}}"
)
_OTHER_GRID_HEADING = re.compile(
    _NAMED_OTHER_GRID + "|"
    # "Erythema: (0-3)"; (issue #10, i10ag) not a strength scale's heading, "STRENGTH - Oxford
    # scale (0-5), right / left"
    r"(?:^|(?<=\n))(?:(?!\b(?:strength|power|mrc|oxford|kendall|mmt)\b)[^\n])*?"
    rf"{_OTHER_COLUMN}\s*:?\s*(?:\d\s*)?\(\s*0\s*[-–]\s*\d\+?\s*\)",
    re.IGNORECASE,
)
# issue #10 (i10aw): the last alternative, tried along every line, needs a scale from zero ("(0-");
# in a note without one the heading is the first two alternatives alone, which can be led by
# their first letters (compile_rule: a skip table) - the same matches at a fifth of the cost
_SCALE_FROM_ZERO = re.compile(r"\(\s*0\s*[-–]")
_UNSCALED_OTHER_GRID_HEADING = compile_rule(_NAMED_OTHER_GRID)
_GRID_ROW = re.compile(r"\||\t|\S[ \t]{3,}\d")


def _grid_row(ex: Extraction, sent: Sentence) -> bool:
    """Whether the sentence is a row of a table: cells split by bars or tabs, or (issue #10,
    i10ag) aligned with runs of spaces, which only the note as written keeps (reading collapses
    them: "Upper back and shoulders   2   1")."""
    if _GRID_ROW.search(ex.text, sent.start, sent.end):
        return True
    a, b = ex.norm.to_original(sent.start, sent.end)
    return _GRID_ROW.search(ex.norm.original, a, b) is not None


_HEADING_REACH = 400  # characters before a table's row searched for the heading over it


def _strength_heading_last(ex: Extraction, sent: Sentence, other: re.Pattern[str]) -> bool:
    """issue #10 (i31e): a strength table's own heading ("MMT-8 (Kendall 0-10, right side):")
    stands between another grid's name and the row ("CDASI activity 21 (...)." on the line
    before it): the row is the strength table's."""
    lo = max(0, sent.start - _HEADING_REACH)
    own = [m.start() for m in _KENDALL_DECLARED.finditer(ex.text, lo, sent.start)]
    if not own:
        return False
    others = [m.start() for m in other.finditer(ex.text, lo, sent.start)]
    return not others or own[-1] > others[-1]


def _declared_paragraphs(ex: Extraction, heading: re.Pattern[str]) -> set[int]:
    """Paragraphs whose examination declares its scale or its columns in a heading (the
    Kendall 0-10 scale: bare grades read on it; right / left columns: pairs read as sides)."""
    out: set[int] = set()
    starts = [s.start for s in ex.sentences]
    for m in ex.finditer(heading):
        i = bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        sent = ex.sentences[i]
        out.add(sent.paragraph)
        last = i + 1 >= len(ex.sentences) or ex.sentences[i + 1].paragraph != sent.paragraph
        if last:  # a heading over the table that follows it
            out.add(sent.paragraph + 1)
    return out


def _strength_items(ex: Extraction, readings: list[tuple[Sentence, StrengthReading]]) -> None:
    states = group_states([rd for _, rd in readings])

    def add(code: str, present: bool, groups: tuple[str, ...], value: dict[str, Any]) -> None:
        mine = [
            (s, rd)
            for s, rd in readings
            if rd.group in groups
            or (rd.group == "proximal_both" and any(g.startswith("proximal") for g in groups))
            or (rd.group == "distal_both" and any(g.startswith("distal") for g in groups))
            or (rd.group == "finger_flexors" and "distal_upper" in groups)
            or (rd.group == "grip" and any(g in groups for g in grip_groups(rd.grade)))
            or (rd.group == "neck" and rd.grade >= 5 and "neck_flexors" in groups)
        ]
        if not mine:
            return
        sent = mine[0][0]
        spans = [rd for s, rd in mine if s is sent]
        start, end = min(rd.start for rd in spans), max(rd.end for rd in spans)
        # a grade is a measurement: negation ("no complaint of weakness, ... 4/5") does not
        # reach it, but a relative's or a general statement's grades are not the patient's
        assertion = sent.context.assert_target(start, end, _CONTEXT | {"HISTORICAL"})
        when = sent.time_at(start, ongoing=True)
        status, uncertain = _status(ex, sent, assertion, when)
        tagged = {"rule": "strength_examination", **value}
        if (
            present
            and status == "historical"
            and _status(ex, sent, assertion, when, dated=False)[0] == "present"
        ):
            # issue #10 (i10q): old only by its date, as a finding is (facts/findings.py): a
            # graded weakness "at diagnosis (Sept 2025)" may be this illness's presentation
            tagged["dated_old"] = True
        if status == "present" and not present:
            status = "absent"
        _add_finding(ex, sent, code, status, start, end, tagged, False, uncertain)

    for group in ("proximal_upper", "proximal_lower"):
        sides = states.get(group)
        if not sides:
            continue
        weak = [s for s in _SIDES if sides.get(s, 5.0) < 5]
        grades = {s: sides[s] for s in _SIDES if s in sides}
        code = f"weakness_{group}"
        if len(weak) == 2:
            add(code, True, (group,), {"grades": grades, "side": "bilateral"})
        elif weak:
            # one side weak: not the criteria's symmetric weakness; shown, not counted
            add(code, True, (group,), {"grades": grades, "side": weak[0], "criterion": False})
            ex.warn(
                f"{group.replace('_', ' ')} weakness graded on the {weak[0]} only: the EULAR/ACR "
                "item needs symmetric weakness, so it is not counted (grade both sides to decide)"
            )
        else:
            add(code, False, (group,), {"grades": grades})
    neck_f, neck_e = states.get("neck_flexors"), states.get("neck_extensors")
    if neck_f and neck_e:
        f, e = min(neck_f.values()), min(neck_e.values())
        add(
            "neck_flexors_weaker_than_extensors",
            f < e,
            ("neck_flexors", "neck_extensors"),
            {"flexors": f, "extensors": e},
        )
    elif neck_f and min(neck_f.values()) >= 5:
        # issue #10 (i10k): neck flexors at full strength (MRC 5, the scale's top) cannot be
        # weaker than the extensors, graded or not ("flexors of the neck 5/5")
        add(
            "neck_flexors_weaker_than_extensors",
            False,
            ("neck_flexors",),
            {"flexors": min(neck_f.values())},
        )
    prox, dist = states.get("proximal_lower"), states.get("distal_lower")
    if prox and dist:
        p, d = min(prox.values()), min(dist.values())
        add(
            "legs_proximal_weaker_than_distal",
            p < d,
            ("proximal_lower", "distal_lower"),
            {"proximal": p, "distal": d},
        )
    fingers = states.get("finger_flexors")
    if fingers:
        add("finger_flexor_weakness", min(fingers.values()) < 5, ("finger_flexors",), {})


# issue #10 (i10y): the comparison said in words between two named muscle groups, without
# grades: "neck flexion was weaker than extension", "hip flexors weaker than ankle
# dorsiflexors", "in the legs, proximal muscles were weaker than distal ones", "neck extensors
# stronger than the flexors"; "not weaker than" says the item is absent
# (issue #10, i10ag: and in the languages of the examinations read (rules/strength.yaml):
# Spanish "flexores del cuello más débiles que los extensores", Portuguese "mais fracos do que",
# Italian "più deboli degli", French "plus faibles que les", German "schwächer als die",
# Danish "svagere end", Norwegian "svakere enn", Swedish "svagare än"; the languages' standard
# words, verified U)
_COPULA = (
    r"was|were|is|are|appeared|seemed|remained|es|son|era|eran|estaban|estaba|está|están|é|são"
    r"|era|eram|estava|estavam|è|sono|erano|était|étaient|est|sont|ist|sind|war|waren|er|var"
    r"|är|vore"
)
_DEGREE = (
    r"much|slightly|significantly|clearly|markedly|somewhat|relatively|a\s+little|far"
    r"|mucho|claramente|ligeramente|muito|claramente|molto|nettamente|leggermente|nettement"
    r"|légèrement|deutlich|etwas|tydeligt|tydelig|lidt|litt|tydligt|något|lite"
)
_WEAKER = (
    r"weaker|more\s+(?:severely\s+)?(?:affected|involved|impaired)|worse"
    r"|más\s+(?:débil(?:es)?|afectad[oa]s?|comprometid[oa]s?)|mais\s+(?:frac[oa]s?"
    r"|afetad[oa]s?|acometid[oa]s?|comprometid[oa]s?)|più\s+(?:debol[ei]|colpit[ioae])"
    r"|plus\s+(?:faibles?|atteint(?:e|s|es)?)|schwächer|stärker\s+betroffen"
    r"|svagere|svakere|svagare|mer\s+påverkade?|mere\s+påvirkede?|mer\s+påvirket"
)
_STRONGER = (
    r"stronger|less\s+(?:severely\s+)?(?:affected|involved|impaired)|better\s+preserved"
    r"|más\s+fuertes?|menos\s+(?:afectad[oa]s?|comprometid[oa]s?)|mais\s+fortes?"
    r"|menos\s+(?:afetad[oa]s?|acometid[oa]s?)|più\s+fort[ei]|meno\s+colpit[ioae]"
    r"|plus\s+forts?|plus\s+fortes|moins\s+atteint(?:e|s|es)?|stärker|weniger\s+betroffen"
    r"|stærkere|sterkere|starkare"
)
_THAN = (
    r"than|que|do\s+que|di|dei|degli|delle|della|del|rispetto\s+(?:a|ai|agli|alle|al)|als|end|enn"
    r"|än"
)
_NEGATION = r"not\s+|no\s+|não\s+|non\s+|nicht\s+|ikke\s+|inte\s+"
_COMPARED = re.compile(
    # (the negation before the copula in Spanish, Portuguese, Italian: "no son más débiles")
    rf"\s*,?\s*(?P<neg_first>{_NEGATION})?(?:(?:{_COPULA})\s+)?(?P<neg>{_NEGATION})?"
    rf"(?:(?:{_DEGREE})\s+)?(?:(?P<weaker>{_WEAKER})|(?P<stronger>{_STRONGER}))"
    rf"\s+(?:{_THAN})\s+(?:(?:the|those|that|in|of|los|las|el|la|lo|os|as|o|a|les|le|l['’]"
    rf"|i|gli|die|der|den|de|dem|det|des)\s+)*",
    re.IGNORECASE,
)
_COMPARISONS = {
    ("neck_flexors", "neck_extensors"): "neck_flexors_weaker_than_extensors",
    ("proximal_lower", "distal_lower"): "legs_proximal_weaker_than_distal",
    ("proximal_lower", "distal_both"): "legs_proximal_weaker_than_distal",
    ("proximal_both", "distal_lower"): "legs_proximal_weaker_than_distal",
}


def _compared_in_words(ex: Extraction) -> None:
    """A comparison the note says in words (``_COMPARED``) between two muscle groups named
    next to each other: the EULAR/ACR comparison item when the groups are the item's (neck
    flexors and extensors; proximal and distal leg muscles, or proximal and distal muscles in a
    sentence that names the legs), unless the examination's grades have given it already."""
    text = ex.text
    graded = {
        d.code
        for d in ex.drafts
        if d.type == "finding" and d.value.get("rule") == "strength_examination"
    }
    for idx, found in _bucket(ex, ex.rules.muscles.find(text)).items():
        sent = ex.sentences[idx]
        if not sent.patient:
            continue
        muscles = _resolve_ellipsis(sorted(found, key=lambda m: m.start), text)
        for a, b in pairwise(muscles):
            said = _COMPARED.fullmatch(text, a.end, b.start)
            denied = False
            if said is not None:
                weak, strong = (a, b) if said.group("weaker") else (b, a)
                key = (weak.concept, strong.concept)
                if key == ("proximal_both", "distal_both") and _LOWER_LIMB.search(
                    text, sent.start, sent.end
                ):
                    key = ("proximal_lower", "distal_lower")
                denied = bool(said.group("neg") or said.group("neg_first"))
            elif _contrasted(text, sent, a, b):  # issue #10 (i40n)
                key = (a.concept, b.concept)
            else:
                continue
            code = _COMPARISONS.get(key)
            if code is None or code in graded:
                continue
            assertion = sent.context.assert_target(a.start, b.end, _CONTEXT)
            status, uncertain = _status(ex, sent, assertion, sent.time_at(a.start, ongoing=True))
            if denied and status == "present":
                status = "absent"
            value = {"rule": "strength_in_words"}
            _add_finding(ex, sent, code, status, a.start, b.end, value, False, uncertain)


# --- issue #10 (i40n): a contrast in words between the item's two groups named side by side,
# the first called weak and the second full ("moderate weakness of neck flexion with neck
# extension normal", "neck flexors weak, extensors full", "weakness of the hip flexors but
# ankle dorsiflexion strong"): the first is the weaker, as "weaker than" says. The weakness
# word right before the first group ("weakness of/in (the)") or right after it ("weak",
# "is weak"), the second group after only a comma or "with/but/while/whereas/and", then its
# full word (_strength's word grades); English usage, verified U
_WEAK_BEFORE = re.compile(r"\bweakness\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)
_WEAK_AFTER_AND_BESIDE = re.compile(
    r"(?P<weak>\s+(?:(?:is|are|was|were)\s+)?(?:(?:mildly|moderately|markedly|slightly)\s+)?weak)?"
    r"\s*[,;]?\s*(?:(?:with|but|while|whereas|and)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_FULL_AFTER = re.compile(
    r"\s+(?:(?:is|are|was|were|being|remains?)\s+)?(?:normal|full|preserved|intact|strong|spared)\b",
    re.IGNORECASE,
)


def _contrasted(text: str, sent: Sentence, a: TermMatch, b: TermMatch) -> bool:
    between = _WEAK_AFTER_AND_BESIDE.fullmatch(text, a.end, b.start)
    if between is None or _FULL_AFTER.match(text, b.end, sent.end) is None:
        return False
    return bool(between.group("weak")) or bool(
        _WEAK_BEFORE.search(text, max(sent.start, a.start - 20), a.start)
    )


# --- issue #10 (i40n): end
