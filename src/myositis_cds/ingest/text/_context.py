"""ConText: assertion status of a target from the modifier phrases around it in its sentence.

After Harkema et al. (J Biomed Inform 2009;42:839-851). Modifiers come from
``rules/context.yaml``; each has a category, a direction and a scope in tokens, cut short by a
terminator ("but", ";"). Pseudo-modifiers ("four-month history") switch off any modifier they
overlap. Where several modifiers of one axis reach a target, the nearest wins.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from myositis_cds.ingest.text._rules import ContextRule, Rules

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
    for m in rules.context_literals.find(text):
        for rule_no in m.concept.split(","):
            found.append((m.start, m.end, rules.context.rules[int(rule_no)]))
    for idx, rx in rules.context_patterns:
        for pm in rx.finditer(text):
            found.append((pm.start(), pm.end(), rules.context.rules[idx]))
    found.sort(key=lambda f: f[0])
    return found


class ContextSentence:
    """Modifiers of one sentence, ready to judge targets in it."""

    def __init__(
        self,
        found: list[tuple[int, int, ContextRule]],
        tok_starts: list[int],
        tok_first: int,
        tok_last: int,
    ) -> None:
        """``found``: the modifier phrases of this sentence (see :func:`find_modifiers`)."""
        self._tok_starts = tok_starts
        pseudo = [(a, b) for a, b, r in found if r.direction == "pseudo"]
        terms = [(a, b, r) for a, b, r in found if r.direction == "terminate"]
        live = [
            (a, b, r)
            for a, b, r in found
            if r.direction not in ("pseudo", "terminate")
            and not any(pa < b and a < pb for pa, pb in pseudo)
        ]
        # a shorter phrase inside a longer modifier phrase is part of it ("no" in "no evidence of")
        live = [
            (a, b, r)
            for a, b, r in live
            if not any((a2 <= a and b <= b2 and (b2 - a2) > (b - a)) for a2, b2, _ in live)
        ]
        self.terminators = sorted(a for a, _, _ in terms)
        term_toks = sorted(self.tok(a) for a, _, _ in terms)
        term_ends = sorted(self.tok_end(b) for _, b, _ in terms)
        self.modifiers: list[Modifier] = []
        for a, b, rule in live:
            ts, te = self.tok(a), self.tok_end(b)
            width = rule.max_scope if rule.max_scope is not None else 10_000
            lo, hi = ts, te
            if rule.direction in ("forward", "bidirectional"):
                hi = min(tok_last, te + width)
                nxt = [t for t in term_toks if te <= t < hi]
                if nxt:
                    hi = nxt[0]
            if rule.direction in ("backward", "bidirectional"):
                lo = max(tok_first, ts - width)
                prv = [t for t in term_ends if lo < t <= ts]
                if prv:
                    lo = prv[-1]
            self.modifiers.append(Modifier(rule, a, b, ts, te, lo, hi))

    def separated(self, a: int, b: int) -> bool:
        """Whether a scope terminator ("but", ";") lies between characters a and b."""
        lo, hi = min(a, b), max(a, b)
        return any(lo < t < hi for t in self.terminators)

    def tok(self, char: int) -> int:
        return max(0, bisect_right(self._tok_starts, char) - 1)

    def tok_end(self, char: int) -> int:
        """Index one past the token containing character char-1."""
        return self.tok(max(char - 1, 0)) + 1

    def assert_target(
        self, start: int, end: int, allowed: frozenset[str] | None = None
    ) -> Assertion:
        ts, te = self.tok(start), self.tok_end(end)
        best: dict[str, tuple[int, str, int, int]] = {}
        for mod in self.modifiers:
            cat = mod.rule.category
            if allowed is not None and cat not in allowed:
                continue
            if mod.start < end and start < mod.end:
                continue  # a modifier inside the target is part of its name
            if not (mod.scope_start < te and ts < mod.scope_end):
                continue
            distance = ts - mod.tok_end if mod.tok_end <= ts else mod.tok_start - te
            if cat in _DOMINANT:
                distance = -1  # "if … we will repeat a PET-CT": the condition governs
            axis = AXIS[cat]
            if axis not in best or distance < best[axis][0]:
                best[axis] = (distance, cat, mod.start, mod.end)
        return Assertion({axis: (c, a, b) for axis, (_, c, a, b) in best.items()})
