"""Numbers written in words, in the languages of the age grammar, as digits before an age word.

"Una mujer de cincuenta y ocho años", "Eine achtundfünfzigjährige Patientin", "Prikazan je
slučaj pedesetosmogodišnjeg muškarca", "desde hace tres años": the age and duration grammar of
``rules/patient.yaml`` reads digits ("58 años", "58jährige", "58godišnjeg", "3 años"), so a
number written in words right before (or glued to) one of its age words is rewritten as digits
and the grammar reads it unchanged, with its own guards (a relative, a plural, a range). Issue
#10 (i10z). The numbers are data (``rules/numbers.yaml``: per language the forms of the units,
teens and tens, the connectors and the order they are joined in); the value is composed by rule:

- a number is a unit, a teen, tens alone, or tens and a unit in the language's order, with or
  without its connector ("cincuenta y ocho", "acht|und|fünfzig", "pedeset|osmo"); French 60 and
  80 take a teen ("soixante-dix-huit" = 78); never two tens nor two units;
- the morphemes of a word are parsed longest first, the word may go on into the age word
  ("pięćdziesięcio|ośmio|letniej"); spaced words are joined by a space or a hyphen;
- a number of the value 1 alone and spaced stays ("un año", "ein Jahr": also the article), as
  does anything that does not parse, a value over 120, and the second number of a range
  ("entre cuarenta y sesenta años", "40 bis sechzig Jahre").

Forms, age words and the note are compared without case and diacritics ("pięć" and a copy's
"piec"), character for character, so every position is the note's own. The reader is gated by
the first letters of the note's words: a note with no word that starts like a number word of
these languages costs one tokenisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any, Literal

from pydantic import Field, field_validator

from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text._patient_grammar import patient_grammar_file
from myositis_cds.ingest.text._rules import RulesMeta, _load, _Strict

__all__ = ["number_word_rewrites", "parse_number"]

MAX_AGE = 120
# the classes of rules/patient.yaml that are a unit of years or an age adjective
_AGE_CLASSES = (
    "units",
    "female_adjectives",
    "male_adjectives",
    "adjectives",
    "units_alone",
    "years",
    "years_alone",
)


class NumberLanguage(_Strict):
    """One language's number words (see the header of rules/numbers.yaml)."""

    units: dict[str, int]
    teens: dict[str, int] = Field(default_factory=dict)
    tens: dict[str, int]
    connectors: list[str] = Field(default_factory=list)
    order: list[Literal["tens_units", "units_tens"]]
    tens_teens: list[int] = Field(default_factory=list)
    range_words: list[str] = Field(default_factory=list)
    singular: list[str] = Field(default_factory=list)

    @field_validator("units")
    @classmethod
    def _units(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 1 <= n <= 9 for n in v.values()):
            raise ValueError("a unit is 1 to 9")
        return v

    @field_validator("teens")
    @classmethod
    def _teens(cls, v: dict[str, int]) -> dict[str, int]:
        if any(not 10 <= n <= 19 for n in v.values()):
            raise ValueError("a teen is 10 to 19")
        return v

    @field_validator("tens")
    @classmethod
    def _tens(cls, v: dict[str, int]) -> dict[str, int]:
        if any(n % 10 or not 10 <= n <= 90 for n in v.values()):
            raise ValueError("tens are 10, 20, ... 90")
        return v


class NumbersFile(_Strict):
    meta: RulesMeta
    languages: dict[str, NumberLanguage]


# --------------------------------------------------------------------------- folding
_APOSTROPHES = "’ʼ‘`´"
_DASHES = "‐‑–—"


@cache
def _fold_table() -> dict[int, str]:
    """Lower-case letters without their diacritics, one character for one ("ę" → "e", "й" → "и",
    "ı" → "i"); apostrophes as "'", dashes as "-"."""
    table: dict[int, str] = {}
    for block in ((0x00C0, 0x0250), (0x0370, 0x0400), (0x0400, 0x0530), (0x1E00, 0x1F00)):
        for cp in range(*block):
            ch = chr(cp).lower()
            if len(ch) != 1:
                continue
            base = unicodedata.normalize("NFD", ch)[0]
            if base != chr(cp):
                table[cp] = base
    table[ord("ı")] = "i"
    table[ord("I")] = "i"
    table.update({ord(ch): "'" for ch in _APOSTROPHES})
    table.update({ord(ch): "-" for ch in _DASHES})
    return table


def fold(text: str) -> str:
    """``text`` compared without case and diacritics, position for position."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low if low.isascii() else low.translate(_fold_table())


def _fold_pattern(source: str) -> str:
    """A rule's pattern with its letters folded (only the non-ASCII ones: the escapes stay)."""
    table = _fold_table()
    return "".join(table.get(ord(ch), ch) if not ch.isascii() else ch for ch in source)


# --------------------------------------------------------------------------- compiled tables
Kind = Literal["U", "T", "X", "C"]  # unit, teen, tens, connector


@dataclass(frozen=True)
class _Language:
    name: str
    forms: dict[str, tuple[tuple[str, Kind, int], ...]]  # first letter -> longest first
    tens_units: bool
    units_tens: bool
    tens_teens: frozenset[int]
    range_words: frozenset[str]
    age_word: re.Pattern[str]


@dataclass(frozen=True)
class _Tables:
    """The languages, and the gate: a word's first letters -> the number words that start so
    (their first word, as written and folded) and their languages (``starts``); each language's
    age words as plain strings, as written and folded ("años", "anos", "letniej")."""

    languages: tuple[_Language, ...]
    starts: dict[str, tuple[tuple[str, int], ...]]
    ages: tuple[frozenset[str], ...]
    ages_glued: tuple[tuple[str, ...], ...]


def _kinds(lang: NumberLanguage) -> Iterator[tuple[str, Kind, int]]:
    for table, kind in ((lang.units, "U"), (lang.teens, "T"), (lang.tens, "X")):
        for form, value in table.items():
            yield form, kind, value  # type: ignore[misc]
    for form in lang.connectors:
        yield form, "C", 0


@cache
def _tables() -> _Tables:
    data: NumbersFile = _load("numbers", NumbersFile)
    grammar = patient_grammar_file()
    languages: list[_Language] = []
    starts: dict[str, set[tuple[str, int]]] = {}
    ages_of: list[frozenset[str]] = []
    for name, lang in data.languages.items():
        if name not in grammar.languages:
            raise KnowledgeError(f"rules/numbers.yaml {name}: no such block in rules/patient.yaml")
        words = grammar.languages[name]
        ages = [f for cls in _AGE_CLASSES for f in getattr(words, cls) if f not in lang.singular]
        if not ages:
            raise KnowledgeError(f"rules/numbers.yaml {name}: patient.yaml has no age words")
        alternation = "|".join(
            f"(?:{_fold_pattern(a)})" for a in sorted(set(ages), key=lambda a: (-len(a), a))
        )
        try:
            age_word = re.compile(rf"(?:{alternation})(?!\w)", re.IGNORECASE)
            spelled = {
                w.lower() for a in ages for w in (*_spellings(a), *_spellings(_fold_pattern(a)))
            }
        except (re.error, ValueError) as exc:
            raise KnowledgeError(f"rules/patient.yaml {name}: {exc}") from exc
        index = len(languages)
        ages_of.append(frozenset(w.split(" ")[-1] for w in spelled))
        seen: dict[str, tuple[Kind, int]] = {}
        for form, kind, value in _kinds(lang):
            key = fold(form).replace("-", " ")
            if seen.get(key, (kind, value)) != (kind, value):
                raise KnowledgeError(f"rules/numbers.yaml {name}: {form!r} has two values")
            seen[key] = (kind, value)
        by_first: dict[str, list[tuple[str, Kind, int]]] = {}
        for key, (kind, value) in seen.items():
            by_first.setdefault(key[0], []).append((key, kind, value))
        for form, kind, _ in _kinds(lang):
            for first in {form.lower().split(" ")[0].split("-")[0], fold(form).split(" ")[0]}:
                if kind != "C":
                    starts.setdefault(first[:3], set()).add((first, index))
        languages.append(
            _Language(
                name=name,
                forms={k: tuple(sorted(v, key=lambda f: -len(f[0]))) for k, v in by_first.items()},
                tens_units="tens_units" in lang.order,
                units_tens="units_tens" in lang.order,
                tens_teens=frozenset(lang.tens_teens),
                range_words=frozenset(fold(w) for w in lang.range_words),
                age_word=age_word,
            )
        )
    return _Tables(
        tuple(languages),
        {k: tuple(sorted(v)) for k, v in starts.items()},
        tuple(ages_of),
        tuple(tuple(sorted(a)) for a in ages_of),
    )


def _spellings(pattern: str) -> set[str]:
    """Every string an age word's pattern matches ("a[ñn]os" → años, anos; "(?:de\\s+)?ani" →
    "de ani", "ani"), for the gate; ValueError for a pattern that is no finite word list."""

    def walk(items: Any) -> list[str]:
        out = [""]
        for op, arg in items:
            if op is _c.LITERAL:
                alts = [chr(arg)]
            elif op is _c.IN:
                alts = []
                for kind, value in arg:
                    if kind is _c.LITERAL:
                        alts.append(chr(value))
                    elif kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
                        alts.append(" ")
                    else:
                        raise ValueError(f"{pattern!r}: not a word list")
            elif op is _c.BRANCH:
                alts = [s for branch in arg[1] for s in walk(branch)]
            elif op is _c.SUBPATTERN:
                alts = walk(arg[3])
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[1] <= 1:
                alts = walk(arg[2]) + ([""] if arg[0] == 0 else [])
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and [str(x) for x in arg[2]] == [
                "(IN, [(CATEGORY, CATEGORY_SPACE)])"
            ]:
                alts = [" "]  # "\\s+"
            else:
                raise ValueError(f"{pattern!r}: not a word list")
            out = [a + b for a in out for b in alts]
            if len(out) > 256:
                raise ValueError(f"{pattern!r}: too many spellings")
        return out

    return {re.sub(" +", " ", s).strip() for s in walk(_p.parse(pattern))}


# --------------------------------------------------------------------------- the grammar
def _valid(kinds: tuple[Kind, ...], values: tuple[int, ...], lang: _Language) -> tuple[bool, bool]:
    """(a prefix of a number, a whole number) for the morphemes read so far."""
    core = tuple(k for k in kinds if k != "C")
    joined = len(core) != len(kinds)
    if (kinds and kinds[0] == "C") or kinds[-2:] == ("C", "C"):
        return False, False
    if len(core) == 1:
        return True, not joined
    if len(core) != 2 or (joined and kinds[1] != "C") or len(kinds) > 3:
        return False, False
    tens_values = [v for k, v in zip(kinds, values, strict=True) if k == "X"]
    if core == ("X", "U"):
        ok = lang.tens_units
    elif core == ("U", "X"):
        ok = lang.units_tens and tens_values[0] >= 20
    elif core == ("X", "T"):
        ok = tens_values[0] in lang.tens_teens
    else:
        ok = False
    return ok, ok


def _forms_at(text: str, pos: int, lang: _Language) -> Iterator[tuple[int, Kind, int]]:
    """The forms that start at ``pos``, longest first: (their end, kind, value)."""
    if pos >= len(text):
        return
    for form, kind, value in lang.forms.get(text[pos], ()):
        end = pos + len(form)
        said = text[pos:end]
        if said == form or (" " in form and said.replace("-", " ") == form):
            yield end, kind, value


def _numbers_at(text: str, pos: int, lang: _Language) -> list[tuple[int, int, int]]:
    """Every whole number that starts at ``pos``: (its end, its value, how many morphemes)."""
    out: list[tuple[int, int, int]] = []

    def walk(at: int, kinds: tuple[Kind, ...], values: tuple[int, ...]) -> None:
        for end, kind, value in _forms_at(text, at, lang):
            now, vals = (*kinds, kind), (*values, value)
            prefix, whole = _valid(now, vals, lang)
            if not prefix:
                continue
            if whole:
                out.append((end, sum(vals), len(now)))
            walk(end, now, vals)  # glued: "pięćdziesięcio|ośmio"
            if end < len(text) and text[end] in " -":
                walk(end + 1, now, vals)  # "cincuenta y ocho", "cinquante-huit"

    walk(pos, (), ())
    return out


def parse_number(words: str, language: str) -> int | None:
    """The value of ``words`` as a whole number of ``language`` (a block of rules/numbers.yaml),
    or None ("cincuenta y ocho", "es" → 58; "cuarenta y sesenta" → None)."""
    text = fold(words.strip())
    for lang in _tables().languages:
        if lang.name == language:
            ends = [value for end, value, _ in _numbers_at(text, 0, lang) if end == len(text)]
            return ends[-1] if ends else None
    raise KeyError(language)


# --------------------------------------------------------------------------- the note
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|'(?=[^\W\d_]))*")
_SEPARATOR = re.compile(r"[ \t]*(?:[-'][ \t]*)?")
_BEFORE = re.compile(r"\d+|[^\W\d_](?:[^\W\d_]|'(?=[^\W\d_]))*|[-/]")


_PUNCTUATION = "\"'()[]{}«»„“”‚‘’¿¡!?.,;:*•·<>/-"  # what may stand before or after a word


def _gate(low: str, tables: _Tables) -> list[int]:
    """The languages worth reading the note for: a word of the note starts with one of their
    number words, and one of their age words is a word of the note or ends such a word (glued:
    "pięćdziesięcioośmioletniej", "trent'anni")."""
    words = {w.strip(_PUNCTUATION) for w in low.split()}
    found: dict[int, list[str]] = {}
    for w in words:
        for form, index in (*tables.starts.get(w[:3], ()), *tables.starts.get(w[:2], ())):
            if w.startswith(form):
                found.setdefault(index, []).append(w)
    return [
        index
        for index, starting in sorted(found.items())
        if not words.isdisjoint(tables.ages[index])
        or any(w.endswith(tables.ages_glued[index]) for w in starting)
    ]


def _after_range_word(text: str, start: int, lang: _Language) -> bool:
    """A number just before ``start``, alone or with a range word ("cuarenta sesenta", "cuarenta
    y", "40 bis", "40-"): the number at ``start`` is no age of its own."""
    line = text.rfind("\n", 0, start) + 1
    before = _BEFORE.findall(text, max(line, start - 40), start)
    if before and before[-1] not in lang.range_words and before[-1] not in "-/":
        return _is_number(before[-1], lang)
    return len(before) >= 2 and _is_number(before[-2], lang)


def _is_number(word: str, lang: _Language) -> bool:
    """Digits, or a number word of two or more ("una", "eine" are also the article)."""
    return word.isdigit() or any(
        end == len(word) and value > 1 for end, value, _ in _numbers_at(word, 0, lang)
    )


def number_word_rewrites(note: str, low: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for each number in words before or glued to an age word; ``low`` is
    the note in lower case, position for position."""
    tables = _tables()
    worth = _gate(low, tables)
    if not worth:
        return []
    text = low if low.isascii() else fold(low)
    out: list[tuple[int, int, str]] = []
    done = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if m.start() < done:
            continue
        starts = (*tables.starts.get(w[:3], ()), *tables.starts.get(w[:2], ()))
        for index in worth:
            if not any(i == index and w.startswith(form) for form, i in starts):
                continue
            rewrite = _rewrite_at(note, text, m.start(), tables.languages[index])
            if rewrite is not None:
                out.append(rewrite)
                done = rewrite[1]
                break
    return out


def _rewrite_at(note: str, text: str, start: int, lang: _Language) -> tuple[int, int, str] | None:
    best: tuple[int, int, int, int] | None = None  # (end, value, morphemes, age word start)
    for end, value, parts in _numbers_at(text, start, lang):
        if best is not None and end <= best[0]:
            continue
        glued = end < len(text) and text[end].isalpha()
        if glued:
            at = end
        else:
            sep = _SEPARATOR.match(text, end)
            at = sep.end() if sep is not None else end
            if at == end and at < len(text):
                continue
        if lang.age_word.match(text, at) is None:
            continue
        if not 1 <= value <= MAX_AGE or (value == 1 and parts == 1 and not glued):
            continue  # "un año", "ein Jahr": the article
        best = (end, value, parts, at)
    if best is None:
        return None
    end, value, _, at = best
    if _after_range_word(text, start, lang):
        return None  # "entre cuarenta y sesenta años": a range, not one age
    digits = str(value)
    if at == end:  # glued: "58godišnjeg"; a noun keeps its capital ("Achtundfünfzigjährige")
        if note[start].isupper() and note[at].islower():
            return start, at + 1, f"{digits}-{note[at].upper()}"
        return start, end, digits
    if "'" in text[end:at]:
        return start, at, f"{digits} "  # "trent'anni" → "30 anni"
    return start, end, digits
