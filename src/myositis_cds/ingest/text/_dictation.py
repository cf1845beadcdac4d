"""Uncorrected voice-recognition text → the written form the rules read, offsets kept.

A dictated letter that nobody corrected reads "power is four out of five at the shoulders full
stop CK four thousand two hundred units per litre comma upper limit one nine zero full stop new
paragraph". Such a text is recognised by its spoken commands (``rules/dictation.yaml``: at least
``min_commands`` of the unambiguous ones) and rewritten word by word:

- spoken punctuation and layout become the characters ("full stop" → ".", "new paragraph" → a
  blank line; "colon" stays the organ after "sigmoid" or before "cancer");
- numbers said in words become digits: cardinals ("four thousand two hundred" → 4200), digit by
  digit ("one nine zero" → 190), years in pairs ("nineteen sixty three" → 1963, "twenty twenty
  six" → 2026), ordinals ("twenty fourth" → 24), "four out of five" → 4/5;
- letters spelt one by one are joined ("C K" → CK, "N X P two" → NXP2);
- sound-alikes of this field's words are replaced ("healer trope" → heliotrope).

Every written character keeps the position of the spoken words it came from, so evidence still
points at the words of the original text. Any other text is returned unchanged (``None``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import Field

from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text._normalise import NormalisedText, normalise
from myositis_cds.ingest.text._records import Linearised, linearise_record
from myositis_cds.ingest.text._rules import Rules, RulesMeta, _load, _Strict

__all__ = ["Dictated", "normalise_any", "undictate"]


class DictationRules(_Strict):
    meta: RulesMeta
    min_commands: int = Field(ge=1)
    commands: dict[str, str]
    telltale: list[str]
    colon_organ_before: list[str]
    colon_organ_after: list[str]
    sound_alikes: dict[str, list[str]]


@cache
def _rules() -> DictationRules:
    loaded: DictationRules = _load("dictation", DictationRules)
    return loaded


_UNITS = {
    "zero": 0, "oh": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = {*_UNITS, *_TEENS, *_TENS, *_SCALES} - {"oh"}
_WORD = re.compile(r"\S+")
_TRAIL = re.compile(r"[.,;:!?)]+$")


@dataclass(frozen=True)
class Dictated:
    """The written form of a dictated text and, per character, its position in the original."""

    text: str
    offsets: list[int]


@dataclass
class _Word:
    text: str  # as written, without trailing punctuation
    low: str
    start: int
    end: int  # end of the word itself (trailing punctuation excluded)
    raw_end: int  # end of the word with its trailing punctuation


@cache
def _telltale() -> re.Pattern[str]:
    words = sorted(_rules().telltale, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in words) + r")\b")


def _commands_in(low: str, rules: DictationRules) -> int:
    """How many spoken commands the text has (counting stops at ``min_commands``)."""
    n = 0
    for _ in _telltale().finditer(low):
        n += 1
        if n >= rules.min_commands:
            break
    return n


def undictate(text: str) -> Dictated | None:
    """The written form of ``text`` if it is uncorrected dictation, else None."""
    rules = _rules()
    low = text.casefold()
    if _commands_in(low, rules) < rules.min_commands:
        return None
    return _Writer(text, rules).run()


_CAPITAL = re.compile(r"[A-Z]")
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
_Phrases = dict[str, list[tuple[list[str], str]]]


@cache
def _phrases() -> tuple[_Phrases, _Phrases]:
    return _phrase_tables(_rules())


def _phrase_tables(rules: DictationRules) -> tuple[_Phrases, _Phrases]:
    """The spoken commands and the sound-alikes, longest first, filed under their first word
    (a word is tried only against the phrases it can begin; the order among those is kept)."""
    commands = sorted(
        ((c.split(), out) for c in rules.commands for out in (rules.commands[c],)),
        key=lambda x: -len(x[0]),
    )
    alikes = sorted(
        ((a.split(), meant) for meant, spellings in rules.sound_alikes.items()
         for a in spellings),
        key=lambda x: -len(x[0]),
    )  # fmt: skip
    return _by_first_word(commands), _by_first_word(alikes)


def _by_first_word(phrases: list[tuple[list[str], str]]) -> _Phrases:
    out: _Phrases = {}
    for phrase, written in phrases:
        if not phrase:  # an empty phrase would match anywhere: refuse it at load time
            raise KnowledgeError("rules/dictation.yaml: an empty command or sound-alike")
        out.setdefault(phrase[0], []).append((phrase, written))
    return out


class _Writer:
    def __init__(self, text: str, rules: DictationRules) -> None:
        self.src = text
        self.rules = rules
        self.words: list[_Word] = []
        for m in _WORD.finditer(text):
            raw = m.group()
            core = _TRAIL.sub("", raw) or raw
            self.words.append(
                _Word(core, core.casefold(), m.start(), m.start() + len(core), m.end())
            )
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.commands, self.alikes = _phrases() if rules is _rules() else _phrase_tables(rules)

    # ------------------------------------------------------------------ output
    def put(self, s: str, start: int, end: int) -> None:
        width = max(1, end - start)
        last = max(1, len(s) - 1)
        for i, ch in enumerate(s):  # spread over the spoken words: "NXP2" spans "N X P two"
            self.chars.append(ch)
            self.offsets.append(start + (i * (width - 1)) // last)

    def gap(self, i: int) -> None:
        """The whitespace of the original before word i (runs of spaces collapsed)."""
        if i == 0 or not self.chars:
            return
        prev = self.words[i - 1].raw_end
        for k, ch in enumerate(self.src[prev : self.words[i].start]):
            if ch in " \t\r" and self.chars[-1] in " \n":
                continue
            self.chars.append(" " if ch in "\t\r" else ch)
            self.offsets.append(prev + k)

    def punct(self, mark: str, start: int, end: int) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
        if mark.startswith("\n"):
            while self.chars and self.chars[-1] == "\n":
                self.chars.pop()
                self.offsets.pop()
        self.put(mark, start, end)
        if not mark.endswith("\n") and mark not in "(/-":
            self.put(" ", end - 1, end)

    # ------------------------------------------------------------------ reading
    def run(self) -> Dictated:
        i = 0
        n = len(self.words)
        while i < n:
            step = self.command(i) or self.alike(i) or self.number(i) or self.letters(i)
            if step:
                i += step
                continue
            self.gap(i)
            w = self.words[i]
            self.put(w.text, w.start, w.end)
            self.tail(i)
            i += 1
        text = "".join(self.chars)
        return Dictated(text, self.offsets)

    def tail(self, i: int) -> None:
        """Punctuation written after word i in the original ("comma," typed by the software)."""
        w = self.words[i]
        if w.raw_end > w.end:
            self.put(self.src[w.end : w.raw_end], w.end, w.raw_end)

    def match(self, i: int, phrase: list[str]) -> bool:
        if i + len(phrase) > len(self.words):
            return False
        return all(self.words[i + k].low == p for k, p in enumerate(phrase))

    def command(self, i: int) -> int:
        for phrase, out in self.commands.get(self.words[i].low, ()):
            if not self.match(i, phrase):
                continue
            if phrase == ["colon"] and self.organ(i):
                return 0
            last = self.words[i + len(phrase) - 1]
            self.punct(out, self.words[i].start, last.end)
            return len(phrase)
        return 0

    def organ(self, i: int) -> bool:
        before = self.words[i - 1].low if i > 0 else ""
        after = self.words[i + 1].low if i + 1 < len(self.words) else ""
        return before in self.rules.colon_organ_before or after in self.rules.colon_organ_after

    def alike(self, i: int) -> int:
        for phrase, meant in self.alikes.get(self.words[i].low, ()):
            if self.match(i, phrase):
                last = self.words[i + len(phrase) - 1]
                self.gap(i)
                self.put(meant, self.words[i].start, last.end)
                return len(phrase)
        return 0

    def letters(self, i: int) -> int:
        """Single capital letters spelt one by one: "C K" → "CK", "N X P two" → "NXP2"."""
        k = i
        while k < len(self.words) and _CAPITAL.fullmatch(self.words[k].text):
            k += 1
        if k - i < 2:
            # "TIF one gamma": an abbreviation with one digit said after it
            stem = self.words[i].text
            if not (
                _ABBREVIATION.fullmatch(stem)
                and i + 1 < len(self.words)
                and self.words[i + 1].low in _UNITS
                and not self.more_number(i + 2)
                and self.words[i].raw_end == self.words[i].end
            ):
                return 0
            k = i + 1
        joined = "".join(w.text for w in self.words[i:k])
        end = self.words[k - 1].end
        if k < len(self.words) and self.words[k].low in _UNITS and not self.more_number(k + 1):
            joined += str(_UNITS[self.words[k].low])
            end = self.words[k].end
            k += 1
        self.gap(i)
        self.put(joined, self.words[i].start, end)
        self.tail(k - 1)
        return k - i

    def more_number(self, k: int) -> bool:
        return k < len(self.words) and (
            self.words[k].low in _NUMBER_WORDS or self.words[k].low in ("out", "point")
        )

    def number(self, i: int) -> int:
        """A run of number words (and "out of" between two): written as digits."""
        k = i
        while k < len(self.words):
            low = self.words[k].low
            if low in _NUMBER_WORDS or low in _ORDINALS:
                k += 1
                if low in _ORDINALS:
                    break
                continue
            if (
                low == "and"
                and k > i
                and k + 1 < len(self.words)
                and self.words[k - 1].low in _SCALES
                and self.words[k + 1].low in _NUMBER_WORDS
            ):  # "two thousand and fifty"
                k += 1
                continue
            if low == "oh" and k > i and self.words[k - 1].low in _NUMBER_WORDS:
                k += 1
                continue
            break
        if k == i:
            return 0
        value = _spoken_number([w.low for w in self.words[i:k] if w.low != "and"])
        if value is None:
            return 0
        start, end = self.words[i].start, self.words[k - 1].end
        self.gap(i)
        used = k - i
        # "four out of five": a grade
        if (
            self.match(k, ["out", "of"])
            and k + 2 < len(self.words)
            and self.words[k + 2].low in _NUMBER_WORDS
        ):
            denominator = _spoken_number([self.words[k + 2].low])
            if denominator is not None:
                self.put(f"{value}/{denominator}", start, self.words[k + 2].end)
                self.tail(k + 2)
                return used + 3
        self.put(value, start, end)
        self.tail(k - 1)
        return used


def _spoken_number(words: list[str]) -> str | None:
    """Digits for a run of number words, or None if the run is not a number."""
    if not words:
        return None
    if any(w in _SCALES for w in words):
        total = current = 0
        for w in words:
            if w in _UNITS:
                current += _UNITS[w]
            elif w in _TEENS:
                current += _TEENS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w == "hundred":
                current = max(current, 1) * 100
            elif w == "thousand":
                total += max(current, 1) * 1000
                current = 0
            elif w in _ORDINALS:
                current += _ORDINALS[w]
            else:
                return None
        return str(total + current)
    # pairs and digits: "nineteen sixty three" → 1963, "one nine zero" → 190, "sixty three" → 63
    chunks: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w in _TENS:
            unit = words[k + 1] if k + 1 < len(words) else ""
            if unit in _UNITS and _UNITS[unit] > 0:
                chunks.append(str(_TENS[w] + _UNITS[unit]))
                k += 2
                continue
            if unit in _ORDINALS and _ORDINALS[unit] < 10:
                chunks.append(str(_TENS[w] + _ORDINALS[unit]))
                k += 2
                continue
            chunks.append(str(_TENS[w]))
        elif w in _TEENS:
            chunks.append(str(_TEENS[w]))
        elif w in _UNITS:
            chunks.append(str(_UNITS[w]))
        elif w in _ORDINALS:
            chunks.append(str(_ORDINALS[w]))
        else:
            return None
        k += 1
    return "".join(chunks)


def normalise_any(original: str, rules: Rules) -> NormalisedText:
    """:func:`normalise`, after writing out a dictated text; offsets point into ``original``."""
    spoken: Dictated | Linearised | None = undictate(original)
    if spoken is None:
        spoken = linearise_record(original)  # issue #10 (i10k): a JSON export, an HL7 message
    if spoken is None:
        return normalise(original, rules)
    # coded lines written out inside a note keep the note's other lines: its layout (soft-wrapped
    # or not) is the note's own
    kept = isinstance(spoken, Linearised) and spoken.keeps_layout
    norm = normalise(spoken.text, rules, layout_of=original if kept else None)
    last = len(spoken.offsets)
    norm.offsets = [spoken.offsets[o] if o < last else len(original) for o in norm.offsets]
    norm.source = spoken.text
    norm.original = original
    return norm
