"""ConText: assertion status of a target from the modifier phrases around it in its sentence.

After Harkema et al. (J Biomed Inform 2009;42:839-851). Modifiers come from
``rules/context.yaml``; each has a category, a direction and a scope in tokens, cut short by a
terminator ("but", ";"). Pseudo-modifiers ("four-month history") switch off any modifier they
overlap. Where several modifiers of one axis reach a target, the nearest wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from myositis_cds.ingest.text._rules import (
    ContextRule,
    Rules,
    finditer_near,
    gate_text,
    may_match,
)

__all__ = ["AXIS", "Assertion", "ContextSentence", "Modifier", "find_modifiers"]

AXIS = {
    "NEGATED_EXISTENCE": "existence",
    "RESOLVED": "existence",
    "IMPROVED": "existence",
    "POSITIVE": "existence",
    "WEAK_POSITIVE": "existence",
    "INDETERMINATE": "existence",
    "NORMAL": "existence",
    "ABNORMAL": "existence",
    "PENDING": "existence",
    "POSSIBLE_EXISTENCE": "certainty",
    "HYPOTHETICAL": "hypothetical",
    "CONDITIONAL": "hypothetical",
    "HISTORICAL": "temporality",
    "FAMILY": "experiencer",
    "GENERIC": "generic",
}


_DOMINANT = frozenset({"CONDITIONAL"})
_GRADES = frozenset({"POSITIVE", "WEAK_POSITIVE"})  # a band's "1+" to "4+"
# A modifier without its own max_scope reaches to the end of its sentence, and never further
# than this many tokens: longer than any real sentence, and it bounds the work per target.
MAX_SCOPE_TOKENS = 100


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted half-open spans → their union as disjoint sorted spans."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlaps(union: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) overlaps the union of disjoint sorted spans (``starts`` their starts)."""
    i = bisect_left(starts, b) - 1  # the last span starting before b
    return i >= 0 and union[i][1] > a


def _drop_contained(
    spans: list[tuple[int, int, ContextRule]],
) -> list[tuple[int, int, ContextRule]]:
    """Drop each phrase lying inside a strictly longer one; order kept. One sorted sweep."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    dropped: set[int] = set()
    furthest = -1  # the furthest end among phrases with an earlier start or a longer span
    k = 0
    while k < len(order):
        a, b = spans[order[k]][0], spans[order[k]][1]
        group = k
        while group < len(order) and spans[order[group]][:2] == (a, b):
            group += 1  # identical spans (two rules, one phrase) do not contain each other
        if furthest >= b:
            dropped.update(order[k:group])
        furthest = max(furthest, b)
        k = group
    return [s for i, s in enumerate(spans) if i not in dropped]


@dataclass(frozen=True)
class Modifier:
    rule: ContextRule
    start: int  # characters (normalised text)
    end: int
    tok_start: int
    tok_end: int
    scope_start: int  # tokens
    scope_end: int


@dataclass(frozen=True)
class Assertion:
    """Per axis, the winning category and the modifier's span (characters)."""

    categories: dict[str, tuple[str, int, int]]

    def get(self, axis: str) -> str | None:
        hit = self.categories.get(axis)
        return hit[0] if hit else None


def find_modifiers(text: str, rules: Rules) -> list[tuple[int, int, ContextRule]]:
    """Every modifier phrase in the text, in one pass per matcher."""
    found: list[tuple[int, int, ContextRule]] = []
    written_in: dict[str, bool] = {}

    def in_language(rule: ContextRule) -> bool:  # issue #10 (i17a): ContextRule.languages
        if rule.languages is None:
            return True
        for lang in rule.languages:
            if lang not in written_in:
                written_in[lang] = rules.context_language_words[lang].search(text) is not None
            if written_in[lang]:
                return True
        return False

    for m in rules.context_literals.find(text):
        for rule_no in m.concept.split(","):
            rule = rules.context.rules[int(rule_no)]
            if in_language(rule):
                found.append((m.start, m.end, rule))
    # issue #10 (i25s): the gate is the whole note's, not each sentence's. Each pattern is run
    # once over the note (its skip table passes over what cannot start a match); run sentence by
    # sentence, where its words are, it would lose a match that runs on past the splitter's
    # sentence end (and a lookahead that looks past it), and a window round each of its words
    # needs a bounded match width, which most patterns here (\s+, \w*) do not have.
    gate = gate_text(text)
    for idx, rx in rules.context_patterns:
        if not may_match(rx, gate) or not in_language(rules.context.rules[idx]):
            continue  # a word every match needs is not in the text, or not its language
        cue = "cue" in rx.groupindex
        for pm in finditer_near(rx, text):
            # a pattern may name its cue: the rest of the match is context the cue needs ("no
            # antibodies to Jo-1 or PL-7 were detected": the cue is "were detected")
            if cue and pm.start("cue") >= 0:
                found.append((pm.start("cue"), pm.end("cue"), rules.context.rules[idx]))
            else:
                found.append((pm.start(), pm.end(), rules.context.rules[idx]))
    found.sort(key=lambda f: f[0])
    return found


_ASIDE_REACH = 120  # characters: how far back an aside's opening bracket is looked for


def _bracket_close(text: str, a: int, b: int) -> int | None:
    """issue #10 (i10af): where the bracketed aside that holds the modifier [a, b) closes, if
    it stands in one: "(recent viral load undetectable), presents with a purplish rash" - the
    aside's word says nothing of what follows the bracket (its backward reach is kept: "Jo-1
    (negative)"); a bracket that qualifies a label before its colon ("Antibodies (all
    negative): Jo-1, PL-7") governs the list after it."""
    lo = max(0, a - _ASIDE_REACH)
    before = text[lo:a]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or "\n\n" in before[opened:]:
        return None
    close = text.find(")", b, b + _ASIDE_REACH)
    if close < 0 or "(" in text[b:close] or _LABEL_AFTER.match(text, close + 1):
        return None  # "Antibodies tested (all negative): Jo-1, PL-7": the label's own word
    return close


_LABEL_AFTER = re.compile(r"[ \t]*[:=]")


class ContextSentence:
    """Modifiers of one sentence, ready to judge targets in it."""

    def __init__(
        self,
        found: list[tuple[int, int, ContextRule]],
        tok_starts: list[int],
        tok_first: int,
        tok_last: int,
        text: str | None = None,
    ) -> None:
        """``found``: the modifier phrases of this sentence (see :func:`find_modifiers`);
        ``text``: the note's text, to end a bracketed modifier's forward scope at its bracket."""
        self._tok_starts = tok_starts
        self._text = text
        if not found:  # (i24s) most sentences hold no modifier phrase: nothing to set up
            self.terminators: list[int] = []
            self.modifiers: list[Modifier] = []
            self._mod_toks: list[int] = []
            self._longest = 0
            return
        # Every step is O(m log m) in the m modifier phrases of the sentence: a hostile sentence
        # ("no no no ... rash", 20,000 times) must cost time linear in its length.
        pseudo = _merged(sorted((a, b) for a, b, r in found if r.direction == "pseudo"))
        pseudo_starts = [a for a, _ in pseudo]
        terms = [(a, b, r) for a, b, r in found if r.direction == "terminate"]
        live = [
            (a, b, r)
            for a, b, r in found
            if r.direction not in ("pseudo", "terminate")
            and not _overlaps(pseudo, pseudo_starts, a, b)
        ]
        # a shorter phrase inside a longer modifier phrase is part of it ("no" in "no evidence of")
        live = _drop_contained(live)
        self.terminators = sorted(a for a, _, _ in terms)
        term_toks = sorted(self.tok(a) for a, _, _ in terms)
        term_ends = sorted(self.tok_end(b) for _, b, _ in terms)
        self.modifiers = []
        for a, b, rule in live:
            ts, te = self.tok(a), self.tok_end(b)
            width = min(rule.max_scope or MAX_SCOPE_TOKENS, MAX_SCOPE_TOKENS)
            lo, hi = ts, te
            if rule.direction in ("forward", "bidirectional"):
                hi = min(tok_last, te + width)
                i = bisect_left(term_toks, te)  # the first terminator in [te, hi)
                if i < len(term_toks) and term_toks[i] < hi:
                    hi = term_toks[i]
                close = _bracket_close(text, a, b) if text is not None else None
                if close is not None:
                    hi = min(hi, max(te, self.tok(close)))
            if rule.direction in ("backward", "bidirectional"):
                lo = max(tok_first, ts - width)
                i = bisect_right(term_ends, ts) - 1  # the last terminator end in (lo, ts]
                if i >= 0 and term_ends[i] > lo:
                    lo = term_ends[i]
            self.modifiers.append(Modifier(rule, a, b, ts, te, lo, hi))
        self._mod_toks = [m.tok_start for m in self.modifiers]  # ascending: found is sorted
        self._longest = max((m.tok_end - m.tok_start for m in self.modifiers), default=0)

    def separated(self, a: int, b: int) -> bool:
        """Whether a scope terminator ("but", ";") lies between characters a and b."""
        lo, hi = min(a, b), max(a, b)
        i = bisect_right(self.terminators, lo)
        return i < len(self.terminators) and self.terminators[i] < hi

    def tok(self, char: int) -> int:
        return max(0, bisect_right(self._tok_starts, char) - 1)

    def tok_end(self, char: int) -> int:
        """Index one past the token containing character char-1."""
        return self.tok(max(char - 1, 0)) + 1

    def _plus_on_the_name(self, category: str, start: int, end: int, mod: Modifier) -> bool:
        """Whether a band grade read over the target's last digit is a plus written onto the
        antigen's name (issue #10, i26a, report z14: "Mi 2+ antibodies", "Jo 1+"): the name's
        own number is no grade, the plus after it is the positive result."""
        return (
            category in _GRADES
            and self._text is not None
            and start <= mod.start < end < mod.end
            and self._text[end : mod.end].strip() == "+"
        )

    def assert_target(
        self,
        start: int,
        end: int,
        allowed: frozenset[str] | None = None,
        skip: frozenset[int] = frozenset(),
    ) -> Assertion:
        """``skip``: the start characters of modifiers that are not this target's (another
        test's result word, see facts.antibodies._owned_by_other_test)."""
        ts, te = self.tok(start), self.tok_end(end)
        best: dict[str, tuple[int, str, int, int]] = {}
        # only modifiers that can reach the target: scopes are at most MAX_SCOPE_TOKENS wide
        first = bisect_left(self._mod_toks, ts - self._longest - MAX_SCOPE_TOKENS)
        last = bisect_left(self._mod_toks, te + MAX_SCOPE_TOKENS)
        for mod in self.modifiers[first:last]:
            cat = mod.rule.category
            if (allowed is not None and cat not in allowed) or mod.start in skip:
                continue
            if mod.start < end and start < mod.end:
                if not self._plus_on_the_name(cat, start, end, mod):
                    continue  # a modifier inside the target is part of its name
                cat = "POSITIVE"
            if not (mod.scope_start < te and ts < mod.scope_end):
                continue
            distance = ts - mod.tok_end if mod.tok_end <= ts else mod.tok_start - te
            if cat in _DOMINANT:
                distance = -1  # "if … we will repeat a PET-CT": the condition governs
            axis = AXIS[cat]
            if axis not in best or distance < best[axis][0]:
                best[axis] = (distance, cat, mod.start, mod.end)
        return Assertion({axis: (c, a, b) for axis, (_, c, a, b) in best.items()})
