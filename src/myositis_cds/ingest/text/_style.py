"""A note's own conventions, decided before it is read: decimals, dates, numbers in words.

Each style of note brings its own way of writing numbers. A German letter in translation writes
"CRP 1,8 mg/dl" and "CK 1.846 U/l" (a decimal comma and a thousands dot), a US consult
"11/03/2026" for the 3rd of November and "strength four out of five". The rules read English
conventions, so this module decides per note, from evidence in the note itself, which
conventions it uses (:func:`read_style`, data in ``rules/style.yaml``) and rewrites the note into
the form the rules read (:func:`restyle`), keeping where every character came from:

- **Decimal comma or point.** Numbers whose form tells ("0,9", "37,5 °C", "2.5 mg", "1.234.567",
  "1.846,5") vote for their convention; a number written with three digits after a single
  separator ("1.846", "2,340") is read as a thousands value when a decimal makes no sense (an
  enzyme activity or a count: "U/l", "/µl"; a whole-number reference limit of 100 or more right
  after it), else by the note's convention. In a note that shows neither convention, "8,900"
  keeps the English thousands reading (three decimals after a decimal comma would be odd) while
  "1.375" (1.375 or 1375?) keeps the English reading but is listed in
  :attr:`NoteStyle.ambiguous_numbers`, as is either form in a note that shows both conventions;
  the lab reader flags such a value uncertain and says so (no value in the warning). A decimal
  comma is written as a point and a thousands dot as a comma ("1,846"), character for character.
- **Date order**, decided only when a numeric date could be read either way (03/04/2026).
  Unambiguous numeric dates decide (a first part over 12 is day first, a second part over 12
  month first); else dates spelled out ("March 3, 2026" against "3 March 2026"); else at least
  ``min_cues`` distinct US conventions (y/o, HPI, BID, "Date of service", US spelling) with none
  of the day-first ones (or the reverse), said in a warning; else the spelling alone, the old
  default, flagged uncertain. A dotted date (12.11.2026) is always day first (see ``_time``).
- **Grades and numbers in words.** "four out of five", "4 of 5" (after a strength word),
  "three/five", "grade four minus", "deltoids four minus" are written as MRC grades ("4/5",
  "3/5", "grade 4-", "4-") for ``_strength``; "three out of five patients" is a count and stays.
  Number words before a unit of time or "year-old", or after "aged", as digits
  ("sixty-two-year-old" → "62-year-old", "fourteen months" → "14 months"; words the time rules
  already read, "three months", stay). The word tables are those of ``_dictation`` (uncorrected
  voice dictation, which writes every number), not a second copy.

The rewrites are applied to the normalised note (the layout - soft-wrapped lines, sections - is
decided on the note as written) and every written character keeps the original position of what
it replaces. Detection is a few precompiled patterns, the cues a lookup in the note's set of
words; a note with nothing to rewrite is read exactly as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from pydantic import Field

from myositis_cds.ingest.text._dictation import _SCALES, _TEENS, _TENS, _UNITS, _spoken_number
from myositis_cds.ingest.text._normalise import NormalisedText
from myositis_cds.ingest.text._numbers import number_word_rewrites
from myositis_cds.ingest.text._rules import (
    Rules,
    RulesMeta,
    _load,
    _Strict,
    compile_rule,
    note_matches,
    reference_after,
    rules,
)
from myositis_cds.ingest.text._time import DateStyle

__all__ = ["NoteStyle", "read_style", "restyle"]


class NumberRules(_Strict):
    count_units: list[str]
    measure_units: list[str]
    integer_reference_min: int = Field(ge=1)
    majority: float = Field(ge=1)


class Cue(_Strict):
    """One convention, found by any of its words or phrases."""

    words: list[str] = Field(default_factory=list)  # whole words, as written
    lower_words: list[str] = Field(default_factory=list)  # whole words, any case
    phrases: list[str] = Field(default_factory=list)  # anywhere, any case
    cased_phrases: list[str] = Field(default_factory=list)  # anywhere, as written

    def found(self, text: str, low: str, words: set[str], lower_words: set[str]) -> bool:
        return (
            any(w in words for w in self.words)
            or any(w in lower_words for w in self.lower_words)
            or any(p in low for p in self.phrases)
            or any(p in text for p in self.cased_phrases)
        )


class DateRules(_Strict):
    min_cues: int = Field(ge=1)
    declared_format: str  # issue #10 (i54d): "dates as YYYY MM DD", "DOB (dd/mm/yyyy)"
    month_first_cues: dict[str, Cue]
    day_first_cues: dict[str, Cue]


class WordRules(_Strict):
    context_chars: int = Field(ge=1)
    grade_cues: list[str]
    not_before: list[str]
    roman_grade_leads: list[str]  # issue #10 (i10k): "grau IV", "grade III+"
    word_grades: dict[str, int]  # issue #10 (i24d): "Fair+", "Poor" (Lovett, Daniels)
    word_grade_scales: list[str]
    word_grades_undeclared: list[str]


class SolarEra(_Strict):
    """issue #10 (i10av): a solar calendar that counts the Gregorian year from another epoch
    (the Thai Buddhist Era: BE 2569 = 2026): its year minus ``offset`` is the Gregorian year."""

    offset: int
    marks: list[str]  # what names the era in a note ("B.E.", "พ.ศ."): only then is it read
    first_year: int  # the era's years read (four digits), first and last
    last_year: int


class EraRules(_Strict):
    names: dict[str, int]  # the era's name -> the Gregorian year before its first year
    letters: dict[str, int]
    solar: dict[str, SolarEra] = Field(default_factory=dict)  # issue #10 (i10av)


class StyleRules(_Strict):
    meta: RulesMeta
    eras: EraRules
    numbers: NumberRules
    dates: DateRules
    words: WordRules


Decimal = Literal["point", "comma"]


@dataclass(frozen=True)
class NoteStyle:
    """What one note's conventions are, and the evidence they were decided from."""

    decimal: Decimal | None  # None: the note shows no convention, or both ("mixed")
    mixed: bool  # both conventions shown without a clear majority
    dates: DateStyle
    date_evidence: str  # "dates", "spelled dates", "cues", "spelling" or "none"
    date_cues: tuple[str, ...] = ()  # the cue names that decided the date order
    ambiguous_numbers: tuple[tuple[int, int], ...] = ()  # spans (normalised text) not decided


# --------------------------------------------------------------------------- compiled rules
@dataclass(frozen=True)
class _Compiled:
    rules: StyleRules
    count_unit: re.Pattern[str]
    # (i24s) whether the note names a count unit at all: the units alone, led by their first
    # characters (compile_rule), where count_unit's optional leading space lets it start anywhere
    any_count_unit: re.Pattern[str]
    measure_unit: re.Pattern[str]
    int_reference: re.Pattern[str]
    grade_cue: re.Pattern[str]
    not_before: re.Pattern[str]
    roman_grade: re.Pattern[str]
    grade_before_lead: re.Pattern[str]  # issue #10 (i12c): "V- grade muscle strength"
    declared_format: re.Pattern[str]  # issue #10 (i54d): "dates as YYYY MM DD"


@cache
def _compiled() -> _Compiled:
    loaded: StyleRules = _load("style", StyleRules)
    n, w = loaded.numbers, loaded.words
    # issue #10 (lead, round 18): a unit per litre that the labs read as U/L (patterns.yaml
    # ``unit_synonyms``) decides a space-grouped thousands ("2 870 ე/ლ") without a second list to
    # keep in step; count_units keeps the units that are no U/L spelling (cells, pg/ml, ...)
    per_litre = sorted(
        (u for u in rules().patterns.unit_synonyms["U/L"] if "/" in u), key=len, reverse=True
    )
    units = "|".join(
        [f"(?:{u})" for u in n.count_units] + [rf"{re.escape(u)}(?![\w/])" for u in per_litre]
    )
    unit_words = [u for u in n.measure_units if u[0].isalpha()]  # "mg": a whole word
    unit_signs = [u for u in n.measure_units if not u[0].isalpha()]  # "%", "°C"
    return _Compiled(
        rules=loaded,
        count_unit=re.compile(rf"\s?(?:{units})", re.IGNORECASE),
        any_count_unit=compile_rule(units),
        # "1,8 mg/dl", "37,5 °C", "45,5%": a measurement (a unit word, or any unit with a slash)
        measure_unit=re.compile(
            r"\s?(?:(?:"
            + "|".join(re.escape(u) for u in sorted(unit_words, key=len, reverse=True))
            + r")(?![a-zµμ])|"
            + "|".join(re.escape(u) for u in unit_signs)
            + r"|[A-Za-zµμ]{1,4}/)",
            re.IGNORECASE,
        ),
        # "(ref. < 190)", "(normal 30-200)", "[< 170]": a whole-number upper limit, read by the
        # labs' reader (_rules.reference_after); narrower than patterns.yaml ``lab_reference``
        # (no unit, date, comma or decimals before it), as the note's decimal convention is not
        # known yet: "1.250, 100-200 mg" says nothing of "1.250"
        int_reference=re.compile(
            r"\s*[(\[]\s*(?:ref(?:erence)?\.?(?:\s*range)?|normal(?:\s*range)?|nr|rr|uln|n)?"
            r"\s*[:=]?\s*(?:(?:<|≤|<=|up to)\s*(?P<upper_only>\d+)|(?P<lower>\d+)\s*[-–]\s*"
            r"(?P<upper>\d+))(?!\d|[.,]\d)",
            re.IGNORECASE,
        ),
        grade_cue=re.compile(
            r"\b(?:" + "|".join(re.escape(c.lower()) for c in w.grade_cues) + r")\b"
        ),
        not_before=re.compile(
            r"\s+(?:" + "|".join(re.escape(c.lower()) for c in w.not_before) + r")\b"
        ),
        # on the lower-cased note: a lead word, then an MRC grade in Roman numerals (0 to V)
        # with its step ("grau iii+", "grade iv-"); not a longer numeral or a word ("ivig")
        roman_grade=re.compile(
            r"\b(?:"
            + "|".join(re.escape(c.lower()) for c in w.roman_grade_leads)
            + r")\s+(?P<n>iv|v|i{1,3})(?P<mod>\+|-(?!\w))?"
            # issue #10 (i14b): the right / left pair in Roman numerals ("Gr IV / IV",
            # "grade IV-/IV-"), rewritten as the Arabic pair the grade grammar reads as sides
            r"(?:\s?/\s?(?P<n2>iv|v|i{1,3})(?P<mod2>\+|-(?![\w/]))?(?![\w/])|(?![\w/]))"
        ),
        # issue #10 (i12c): the same grade written before its lead word, as English abstracts
        # of Chinese reports word it ("V- grade muscle strength", "IV grade power", "grade"
        # after "4-"): a Roman 0-V, or an Arabic 0-5 with its step, then the lead
        grade_before_lead=re.compile(
            r"(?<![\w+/.,-])(?P<n>iv|v|i{1,3}|[0-5](?=[+-]))(?P<mod>\+|-)?\s*(?:"
            + "|".join(re.escape(c.lower()) for c in w.roman_grade_leads)
            + r")(?![\w])"
        ),
        declared_format=re.compile(loaded.dates.declared_format, re.IGNORECASE),
    )


# --------------------------------------------------------------------------- numbers
# A number written with separators: "1,8", "1.846", "1.234.567", "1.846,5", "12.11.2026".
# Not inside a word or a code ("M33.1", "v2.3.1", "C5,6"): nothing word-like before it.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")  # the character before is checked in _tokens
_COMPARATOR_BEFORE = re.compile(r"[<>≤≥]\s?$")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    vote: Decimal | None  # the convention this number's own form shows
    ambiguous: bool  # three digits after one separator, not decided by its unit or limit
    thousands: bool  # decided as a thousands value by its unit or limit


def _tokens(text: str, c: _Compiled) -> Iterator[_Token]:
    ref_min = c.rules.numbers.integer_reference_min
    for m in _NUMBER.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.,"):
            continue  # "M33.1", "v2.3.1", "C5,6": a code, not a number
        tok = m.group()
        seps = [ch for ch in tok if ch in ".,"]
        groups = re.split(r"[.,]", tok)
        nxt = text[m.end() : m.end() + 1]
        if len(seps) == 1:
            whole, frac = groups
            day_month = len(frac) <= 2 and (nxt == "." or (len(whole) > 1 and whole[0] == "0"))
            if seps[0] == "." and day_month:
                continue  # "02.11." / "02.11": a day and month, not a number
            if len(frac) == 3 and whole != "0" and len(whole) <= 3 and whole[0] != "0":
                # "1.846" / "2,340": a thousands value or three decimals
                by_unit = c.count_unit.match(text, m.end()) is not None
                ref = reference_after((c.int_reference,), text[m.end() : m.end() + 40])
                by_limit = ref is not None and ref.upper is not None and ref.upper >= ref_min
                if by_unit or by_limit:
                    vote: Decimal = "comma" if seps[0] == "." else "point"
                    yield _Token(m.start(), m.end(), tok, vote, False, True)
                else:
                    yield _Token(m.start(), m.end(), tok, None, True, False)
                continue
            # a decimal by its form: its convention counts when the number is a measurement
            measured = (
                whole == "0"
                or len(frac) >= 4
                or c.measure_unit.match(text, m.end()) is not None
                or _COMPARATOR_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None
            )
            vote_of: Decimal = "comma" if seps[0] == "," else "point"
            yield _Token(m.start(), m.end(), tok, vote_of if measured else None, False, False)
            continue
        # two or more separators
        if len(set(seps)) == 1:
            if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and groups[0][0] != "0":
                # "1.234.567" (thousands dots) / "1,234,567" (thousands commas)
                yield _Token(m.start(), m.end(), tok, "comma" if seps[0] == "." else "point",
                             False, True)  # fmt: skip
            continue  # "12.11.2026", "2.3.1": a date or a version
        thousands_then_decimal = (
            seps[-1] != seps[0]
            and len(set(seps[:-1])) == 1
            and all(len(g) == 3 for g in groups[1:-1])
            and len(groups[0]) <= 3
        )
        if thousands_then_decimal:  # "1.846,5" (decimal comma) / "1,846.5" (decimal point)
            vote_mixed: Decimal = "comma" if seps[-1] == "," else "point"
            yield _Token(m.start(), m.end(), tok, vote_mixed, False, False)


def _decide(comma: int, point: int, majority: float) -> tuple[Decimal | None, bool]:
    if comma and not point:
        return "comma", False
    if point and not comma:
        return "point", False
    if comma and point:
        if comma >= majority * point:
            return "comma", False
        if point >= majority * comma:
            return "point", False
        return None, True
    return None, False


_SWAP = str.maketrans({".": ",", ",": "."})


def _rewrite_number(tok: _Token, decimal: Decimal | None) -> str | None:
    """The English form of a number under the note's convention (None: unchanged)."""
    text = tok.text
    if "." not in text and "," not in text:
        return None
    seps = [ch for ch in text if ch in ".,"]
    if tok.thousands:
        return text.replace(".", ",") if "." in text else None
    if len(seps) == 1:
        if seps[0] == ",":
            # a comma with three digits after it is a thousands comma unless the note writes
            # decimal commas; any other comma in a number is a decimal comma ("0,9", "3,4")
            if tok.ambiguous and decimal != "comma":
                return None
            return text.replace(",", ".")
        if tok.ambiguous and decimal == "comma":
            return text.replace(".", ",")  # "1.846" in a decimal-comma note: 1846
        return None
    if len(set(seps)) > 1 and seps[-1] == ",":  # "1.846,5" → "1,846.5"; "1,846.5" stays
        return text.translate(_SWAP)
    return None


# --------------------------------------------------------------------------- dates
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&]*")


# issue #10 (i54d): a declared template's fields by their letters (style.yaml declared_format):
# four letters are the year's (German "JJJJ"), two the month's or the day's (French "jj")
_FIELD_LETTER = {"mm": "m", "dd": "d", "tt": "d", "jj": "d", "gg": "d"}


def _declared_format(text: str, c: _Compiled) -> tuple[str, bool] | None:
    """The order a note says it writes its dates in ("dates as YYYY MM DD": "ymd") and whether
    a space separates the fields (issue #10, i54d; style.yaml declared_format). None when the
    note declares none, or two that disagree; a template without a year and a month, or with a
    field twice, declares nothing."""
    found: set[tuple[str, bool]] = set()
    for m in c.declared_format.finditer(text):
        fields = [f.casefold() for f in m.group("f1", "f2", "f3") if f is not None]
        order = "".join("y" if len(f) == 4 else _FIELD_LETTER[f] for f in fields)
        if "y" not in order or "m" not in order or len(set(order)) != len(order):
            continue
        found.add((order, m.group("sep") == " "))
    return found.pop() if len(found) == 1 else None


def _date_order(
    text: str,
    cue_text: str,
    rules: Rules,
    c: _Compiled,
    declared: tuple[str, bool] | None,
) -> tuple[DateStyle, str, tuple[str, ...]]:
    day_first = month_first = 0
    either_way = dotted = False
    for rx in rules.time["dates"]:
        if "a" not in rx.groupindex:
            continue
        for m in note_matches(rx, text):  # found again by find_dates: once (issue #10, i15)
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                day_first += 1
            elif b > 12 >= a:
                month_first += 1
            elif a != b and m.group("sep") == "/":
                either_way = True  # 03/04/2026 (a dotted date is always day first)
            dotted = dotted or m.group("sep") == "."  # 12.11.2026: a European writer
    if day_first or month_first:
        return DateStyle(month_first=month_first > day_first, order_known=True), "dates", ()
    if not either_way:
        return DateStyle(), "none", ()  # no date the order would change: nothing to decide
    if declared is not None and declared[0] in ("dmy", "mdy"):
        # issue #10 (i54d): "DOB (mm/dd/yyyy)": the form says which way round its dates go
        return DateStyle(month_first=declared[0] == "mdy", order_known=True), "declared", ()
    us_spelled = uk_spelled = 0
    for rx in rules.time["dates"]:
        groups = rx.groupindex
        if "mon" not in groups or "d" not in groups or "y" not in groups or "d2" in groups:
            continue
        month_before_day = groups["mon"] < groups["d"]
        for m in rx.finditer(text):
            if m.group("y") is None or m.group("d") is None:
                continue
            if month_before_day:
                us_spelled += 1
            else:
                uk_spelled += 1
    if us_spelled != uk_spelled:
        return (
            DateStyle(month_first=us_spelled > uk_spelled, order_known=True),
            "spelled dates",
            (),
        )
    words = set(_WORD.findall(cue_text))
    lower_words = {w.casefold() for w in words}
    low = cue_text.casefold()
    cues = c.rules.dates
    us = tuple(
        k
        for k, cue in cues.month_first_cues.items()
        if cue.found(cue_text, low, words, lower_words)
    )
    uk = tuple(
        k for k, cue in cues.day_first_cues.items() if cue.found(cue_text, low, words, lower_words)
    )
    if dotted:
        uk = (*uk, "dotted_dates")
    need = c.rules.dates.min_cues
    if len(us) >= need and not uk:
        return DateStyle(month_first=True, order_known=True), "cues", us
    if len(uk) >= need and not us:
        return DateStyle(month_first=False, order_known=True), "cues", uk
    # The current default: the spelling may tell ("tumor", "edema" against "tumour",
    # "oedema"); the dates stay flagged uncertain, the order is a guess.
    us_n = len(rules.time["us_spelling"][0].findall(text))
    uk_n = len(rules.time["uk_spelling"][0].findall(text))
    evidence = "spelling" if us_n != uk_n else "none"
    return DateStyle(month_first=us_n > uk_n, order_known=False), evidence, ()


# --------------------------------------------------------------------------- words
_GRADE_WORDS = {w: v for w, v in _UNITS.items() if v <= 5 and w not in ("oh", "nought")}
_GRADE_NUM = r"(?:" + "|".join(_GRADE_WORDS) + r"|[0-5])"
# "four out of five", "4 of 5", "three/five", "four minus out of five", "4 over 5"
# (issue #10, i10az: and "of"/"over" in the languages of the examinations read: French "2 sur
# 5", Italian "4 su 5", Spanish, Portuguese, Catalan "4 de 5" / "4 sobre 5", Romanian "4 din 5",
# German "4 von 5", Croatian, Slovene, Serbian "4 od 5", Polish "4 z 5" / "4 na 5"; each
# language's standard preposition, verified U. As "of", only near a strength word: "2 de 5
# pacientes" stays a count; issue #10, i34a: Hausa "4 daga cikin 5", four from among five;
# i35a: the Nordic "4 av 5" (Faroese, Norwegian, Swedish) and Papiamentu "4 di 5")
_OF_WORDS = r"out\s+of|of|over|sur|su|de|sobre|din|von|od|z|na|daga\s+cikin|av|di"
_ENGLISH_OF = ("out of", "of", "over")
# (i35a: a minus before any of the languages' "of", "4- av 5", as before "4- of 5")
_MOD = rf"(?:[\s-]?(?P<mod>plus|minus|\+|-(?=\s*(?:/|(?:{_OF_WORDS})\s))))"
# after the other languages' "N of 5", what a grade is followed by: the phrase's end, "and",
# a side or "on/in" before the muscles ("2 sur 5 sur les hanches", "3 de 5 bilateral", "4 din
# 5 și ..."), not a counted noun ("2 de 5 fragmentos", "3 sur 5 fragments", "2 z 5 cykli")
_FOREIGN_OF_END = re.compile(
    r"[ \t]*(?:\n|$)|\s*(?:[^\w\s]|(?:sur|sobre|su|sui|sulle|sugli|sul|pe|en|em|na|nas|nos|no"
    r"|dans|aux|au|à|a|la|in|et|e|y|i|ed|și|si|und|og|och|bilat\w*|bds|beidseit\w*|obostran\w*|obustronnie"
    r"|obojestransk\w*|ambos|des\s+deux|droite|gauche|derech\w*|izquierd\w*|direit\w*"
    r"|esquerd\w*|destr\w*|sinistr\w*|dreapta|stânga|stanga|rechts|links)\b)",
    re.IGNORECASE,
)
_GRADE_OF = re.compile(
    rf"\b(?P<n>{_GRADE_NUM})(?![.,]\d){_MOD}?\s*(?P<of>(?:{_OF_WORDS})\s+|/\s*)"
    rf"(?P<d>five|5)\b(?![-/.]\d|\s*/\s*\d(?![+-]?\s*(?:{_OF_WORDS})\s+(?:five|5)\b))"
)
# "grade four minus", "graded as 4 minus", "power four plus" (a lead word, no denominator)
_GRADE_LEAD = compile_rule(
    rf"\b(?:grade[sd]?|graded\s+as|mrc(?:\s+grade)?|power|strength)\s+(?:of\s+|is\s+|was\s+)?"
    rf"(?P<n>{_GRADE_NUM}){_MOD}?\b(?!\s*(?:/|out\s+of|of\s|over\s))",
    0,
)
_SMALL = {**_UNITS, **_TEENS}
_CARDINAL = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(k for k, v in _UNITS.items() if v)
    + r"))?|" + "|".join(w for w in _SMALL if w not in ("oh", "nought", "zero")) + r")"
)  # fmt: skip
# "sixty-two-year-old", "fourteen months", "aged sixty-two", "at the age of forty"
# "sixty-two-year-old", "fourteen months", "aged sixty-two", "at the age of forty": found from
# the unit or the lead word (rare), then the number words right before or after it
_TIME_UNIT = re.compile(r"[\s-](?:days?|weeks?|months?|years?|yrs?)\b")
_CARDINAL_BEFORE = re.compile(rf"\b(?:{_CARDINAL})$")
_AGE_LEAD = compile_rule(r"\bage(?:d|\s+of)\s+", 0)
_CARDINAL_AT = re.compile(rf"(?:{_CARDINAL})\b")


# a grade over five said or written with words ("out of 5", "of five", "/five", "over 5")
_OF_FIVE = (
    " of 5",
    " of five",
    "/five",
    "/ five",
    " over 5",
    " over five",
    " sur 5",
    " su 5",
    " de 5",
    " sobre 5",
    " din 5",
    " von 5",
    " od 5",
    " z 5",
    " na 5",
    " cikin 5",
    " av 5",
    " di 5",
)
_LEAD_WORDS = ("grade", "mrc", "power", "strength")
# "deltoids four minus", "hip flexors 4 plus bilaterally": a grade with its step said in words,
# after a muscle or strength word (not followed by a denominator: _GRADE_OF reads those)
_GRADE_MOD = re.compile(
    rf"\b(?P<n>{_GRADE_NUM})[\s-](?P<mod>plus|minus)\b(?!\s*(?:/|out\s+of|of\s|over\s))"
)


_ROMAN_GRADES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
# "3 points", "4 point": a whole grade 0-5 (not "5-point scale", not "2.5 points")
_GRADE_POINTS = re.compile(r"(?<![\w.,-])(?P<n>[0-5])\s+points?\b(?!\s*(?:scale|score|system))")
_TEN_POINT_SCALE = re.compile(r"\b10[- ]point|\b0\s*[-–]\s*10\b|\bout\s+of\s+10\b|/\s*10\b")


def _grade_value(word: str) -> str:
    low = word.casefold()
    return str(_GRADE_WORDS[low]) if low in _GRADE_WORDS else word


def _mod(m: re.Match[str]) -> str:
    mod = (m.group("mod") or "").casefold().strip()
    return {"plus": "+", "+": "+", "minus": "-", "-": "-"}.get(mod, "")


def _grade_context(text: str, start: int, end: int, c: _Compiled, forward: bool = True) -> bool:
    """A strength word before the grade on its line (or, with ``forward``, just after it)."""
    line_start = text.rfind("\n", 0, start) + 1
    window = max(line_start, start - c.rules.words.context_chars)
    if c.grade_cue.search(text, window, start):
        return True
    if not forward:
        return False
    line_end = text.find("\n", end)
    stop = min(end + 40, line_end if line_end >= 0 else len(text))
    return c.grade_cue.search(text, end, stop) is not None


_AGE_AFTER = re.compile(r"[\s-](?:years?|yrs?)[\s-]old\b|[\s-]year-old\b|\s+years?\s+of\s+age\b")


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _lower(text: str) -> str:
    """The note in lower case, position for position (the word patterns are case-sensitive on
    it: much faster than case-insensitive matching)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# issue #10 (i10u): a manual muscle test table whose heading declares the Roman scale ("MMT (Gr
# 0-V)", "MRC grade I-V"): its rows grade in bare Roman numerals ("Hip flexion  IV-  IV-"), with
# no "grade" word before each; "-" alone in a column is a muscle not tested
_ROMAN_SCALE_HEADING = compile_rule(
    r"\b(?:mmt|mrc|strength|power|muscles?|gr|grade)\b[^\n]{0,30}?\b(?:0|i)\s*[-–~]\s*v\b", 0
)
# tables write the numerals in capitals: the pronoun "I" of a sentence after the table is no cell
_ROMAN_CELL = re.compile(r"(?<![\w+-])(?P<n>IV|V|I{1,3})(?P<mod>\+|-)?(?![\w/+-])")
_TABLE_CHARS_MAX = 1200


def _roman_table_grades(note: str, low: str, c: _Compiled) -> list[tuple[int, int, str]]:
    """The Roman grades after the heading that declares the Roman scale, to the paragraph's
    end (its rows may have been joined into one line), each only after a muscle or movement
    word (a grade cue) on its line."""
    out: list[tuple[int, int, str]] = []
    for heading in _ROMAN_SCALE_HEADING.finditer(low):
        para_end = low.find("\n\n", heading.end())
        region_end = min(para_end if para_end >= 0 else len(low), heading.end() + _TABLE_CHARS_MAX)
        pos = heading.end()
        while pos < region_end:
            line_end = low.find("\n", pos, region_end)
            stop = line_end if line_end >= 0 else region_end
            cue = c.grade_cue.search(low, pos, stop)
            if cue is not None:
                for m in _ROMAN_CELL.finditer(note, cue.end(), stop):
                    arabic = _ROMAN_GRADES[m.group("n").casefold()]
                    out.append((m.start(), m.end(), f"{arabic}{m.group('mod') or ''}"))
            pos = stop + 1
    return out


# --- issue #10 (i24d): the grading scales of the manual muscle test written in their own
# notation, begin. The MRC grade in Roman numerals out of its Roman top grade ("shoulder
# abduction IV/V", "neck flexion IV-/V"), with no lead word: the "/V" names the 0-V scale as "/5"
# does. Capitals only (a note's "i/v" is intravenous), and "I/V" unsigned never (the same).
# (issue #10, i28b: and a range of two such grades, "III-IV/V", as the Arabic "3-4/5" the grade
# grammar reads as its middle; verified U)
_ROMAN_OF_FIVE = re.compile(
    r"(?<![\w+/.-])(?:(?P<lo>IV|III|II|I)[ \t]?[-–][ \t]?(?=(?:V|IV|III|II)[ \t]?/))?"
    r"(?P<n>IV|V|III|II|I(?=[+-]))(?P<mod>[+-])?[ \t]?/[ \t]?V(?![\w/])"
)
# a Roman grade right after its muscle, with no lead word ("deltoids IV-, hip flexors IV
# bilaterally"), or its right / left pair ("iliopsoas IV/IV"): capitals, ending its phrase
_ROMAN_AFTER_MUSCLE = re.compile(
    r"[ \t]*+(?:\n[ \t]*+)?(?:[:=][ \t]*+)?(?P<n>IV|V|III|II|I(?=[+-]))(?P<mod>[+-](?!\w))?"
    r"(?:[ \t]?/[ \t]?(?P<n2>IV|V|III|II|I(?=[+-]))(?P<mod2>[+-](?![\w/]))?)?"
    r"(?![\w/+-])(?=[ \t]*+(?:[,;.)|\n]|$|(?:bilaterally|bilateral|both|and|r|l|right|left)\b))"
)
# what ends a grade said in a word after its muscle: the phrase's end, a side, "and"
_WORD_GRADE_END = (
    r"(?=[ \t]*+(?:[,;.)(|\n]|$|(?:bilaterally|bilateral|both|and|throughout|r|l|right|left"
    r"|on|in)\b))"
)


@cache
def _word_grade_after(words: tuple[str, ...]) -> re.Pattern[str]:
    """A Lovett / Daniels word grade right after its muscle, with its step ("deltoids Fair+",
    "hip flexors: poor", "neck flexion is good-"), on the lower-cased note."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        r"[ \t]*+(?:\n[ \t]*+)?(?:[:=][ \t]*+|(?:is|are|was|were|graded)[ \t]++)?"
        rf"(?P<n>{alts})(?P<mod>[ \t]?[+-](?![\w/])|[ \t](?:plus|minus)\b)?" + _WORD_GRADE_END
    )


# where a grade of those scales may stand: a capital Roman numeral, or one of the words
_ROMAN_CANDIDATE = compile_rule(r"(?<![\w+/.-])(?:IV|V|III|II|I(?=[+-]))(?!\w)", 0)
_AFTER_MUSCLE_CHARS = 60


def _scale_grades(note: str, low: str, c: _Compiled) -> list[tuple[int, int, str]]:
    """The Roman grades out of V and after a muscle, and the Lovett / Daniels word grades after
    a muscle (rules/style.yaml ``word_grades``), as the Arabic MRC grades the grade grammar
    reads. A word grade is read where the note names the word scale (``word_grade_scales``),
    or carries its step ("good-"), or is one of the words that say weak in plain English too
    (``word_grades_undeclared``): "power good" alone is praise, not Good (MRC 4). "After a
    muscle": right after a muscle of rules/strength.yaml or a strength word (``grade_cues``,
    not a lead such as "grade": "grade: poor" is a tumour's differentiation)."""
    out: list[tuple[int, int, str]] = []
    w = c.rules.words
    for m in _ROMAN_OF_FIVE.finditer(note) if "/V" in note else ():
        if _grade_context(low, m.start(), m.end(), c):
            grade = f"{_ROMAN_GRADES[m.group('n').casefold()]}{m.group('mod') or ''}"
            if m.group("lo"):
                grade = f"{_ROMAN_GRADES[m.group('lo').casefold()]}-{grade}"
            out.append((m.start(), m.end(), f"{grade}/5"))
    declared = any(s in low for s in w.word_grade_scales)
    grade_words = _word_grade_after(tuple(w.word_grades))
    candidates = [(m.start(), True) for m in _ROMAN_CANDIDATE.finditer(note)]
    candidates += [(m.start(), False) for m in _word_candidates(tuple(w.word_grades)).finditer(low)]
    leads = set(w.roman_grade_leads)
    muscles = rules().muscles
    for pos, is_roman in candidates:
        # (a muscle at the end of the line before: a wrapped line; never across a blank line)
        window = max(low.rfind("\n\n", 0, pos) + 2, pos - _AFTER_MUSCLE_CHARS)
        ends = [m.end for m in muscles.find(note, window, pos)]
        ends += [m.end() for m in c.grade_cue.finditer(low, window, pos) if m.group() not in leads]
        if not ends:
            continue
        anchor = max(ends)
        if is_roman:
            roman = _ROMAN_AFTER_MUSCLE.match(note, anchor)
            if roman is None or roman.start("n") != pos:
                continue
            if roman.group("n2") == "V" and not roman.group("mod2"):
                continue  # "IV/V": out of V (above), not right IV and left V
            grade = f"{_ROMAN_GRADES[roman.group('n').casefold()]}{roman.group('mod') or ''}"
            if roman.group("n2"):
                n2 = _ROMAN_GRADES[roman.group("n2").casefold()]
                grade += f" / {n2}{roman.group('mod2') or ''}"
            out.append(_joined(note, anchor, pos, roman.end(), grade))
            continue
        said = grade_words.match(low, anchor)
        if said is None or said.start("n") != pos:
            continue
        word, mod = said.group("n"), _mod(said)
        if not (declared or mod or word in w.word_grades_undeclared):
            continue
        out.append(_joined(note, anchor, pos, said.end(), f"{w.word_grades[word]}{mod}"))
    out.extend(_letter_grades(note, low, declared))
    out.extend(_defined_grades(note, low))
    return out


# --- issue #10 (i25b): the manual muscle test's grades by their initials and by their
# definitions, begin. The same scale's letters (Hislop, Avers, Brown, "Daniels and
# Worthingham's Muscle Testing", 9th ed. 2013, ch. 1; Kendall FP et al., "Muscles: Testing and
# Function", 5th ed. 2005, key to grading): N(ormal) 5, G(ood) 4, F(air) 3, P(oor) 2, T(race)
# 1, with their + and - steps ("deltoids G+", "hip flexors F-"). Capitals only, right after a
# muscle, and only where the note names the scale or the letter carries its step (a bare "N"
# or "P" is too often something else), never an abbreviation's first letter ("P.I.").
_LETTER_GRADES = {"N": 5, "G": 4, "F": 3, "P": 2, "T": 1}
# (issue #10, i27s: a table's row may hold a second cell, the other side's letter: "Elbow
# flexion   N   N" under "R  L", read as the two sides as "4  4" is)
_LETTER_AFTER_MUSCLE = re.compile(
    r"[ \t]*+(?:[:=][ \t]*+)?(?P<n>[NGFPT])(?P<mod>[+-](?![\w/]))?(?![\w/+-]|\.\w)"
    r"(?=[ \t]*+(?:[NGFPT](?:[+-](?![\w/]))?(?![\w/+-]|\.\w)[ \t]*+)?"
    r"(?:[,;.)(|\n]|$|(?i:bilaterally|bilateral|both|and|r|l|right|left)\b))"
)
_SECOND_LETTER = re.compile(r"[ \t]++(?P<n>[NGFPT])(?P<mod>[+-](?![\w/]))?(?![\w/+-]|\.\w)")
# issue #10 (i27s): a strength table's legend that defines a letter ("Muscle power (0-5; N =
# normal, full power)", "Power: N = 5") names the letter scale as the scale's name does; a lab
# table's flags ("H = high, N = normal") are no legend of strength
_LETTER_LEGEND = re.compile(
    r"\b(?i:power|strength|mrc|muscles?|mmt)\b[^\n]{0,60}?(?<![\w.])[NGFPT][ \t]*+[=:][ \t]*+"
    r"(?i:normal|good|fair|poor|trace|[0-5])\b"
)
_SIGNED_LETTER = compile_rule(r"(?<![\w+/.-])[NGFPT][+-](?![\w/+-])", 0)
_LETTER_CANDIDATE = re.compile(r"(?<![\w+/.-])[NGFPT](?:[+-](?![\w/]))?(?![\w/+-]|\.\w)")


def _after_muscle(note: str, low: str, pos: int, chars: int) -> int | None:
    """The end of the last muscle named before ``pos`` within ``chars`` on its paragraph."""
    blank = low.rfind("\n\n", 0, pos)
    window = max(blank + 2 if blank >= 0 else 0, pos - chars)
    ends = [m.end for m in rules().muscles.find(note, window, pos)]
    return max(ends) if ends else None


def _letter_grades(note: str, low: str, declared: bool) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    declared = declared or _LETTER_LEGEND.search(note) is not None
    if not declared and _SIGNED_LETTER.search(note) is None:
        return out  # an unsigned letter is read only where the scale is named
    for cand in _LETTER_CANDIDATE.finditer(note):
        anchor = _after_muscle(note, low, cand.start(), _AFTER_MUSCLE_CHARS)
        if anchor is None:
            continue
        said = _LETTER_AFTER_MUSCLE.match(note, anchor)
        if said is None or said.start("n") != cand.start():
            continue
        mod = said.group("mod") or ""
        if not (declared or mod):
            continue
        grade = f"{_LETTER_GRADES[said.group('n')]}{mod}"
        out.append(_joined(note, anchor, cand.start(), said.end(), grade))
        second = _SECOND_LETTER.match(note, said.end())
        if second is not None and (declared or second.group("mod")):
            grade = f"{_LETTER_GRADES[second.group('n')]}{second.group('mod') or ''}"
            out.append((second.start("n"), second.end(), grade))
    return out


# The MRC grades said by their definitions (Medical Research Council, "Aids to the examination
# of the peripheral nervous system", 1976: 0 no contraction, 1 flicker or trace of contraction,
# 2 active movement with gravity eliminated, 3 active movement against gravity, 4 active
# movement against gravity and resistance, 5 normal power), with the steps of 4 by the
# resistance held (slight 4-, moderate 4, strong but not full 4+; full or strong resistance is
# the scale's normal, as the physiotherapy charts word it): "lifts the head against gravity,
# tolerates no resistance" 3, "holds against light resistance only" 4-, "full against strong
# resistance" 5. Written as the grade "x/5" where a muscle is named before it in its clause, so
# the grade grammar gives it to that muscle.
_NO_RESISTANCE = (
    r"(?:(?:tolerat|tak|accept|withstand|hold)\w*+\s++no|(?:but\s++)?not\s++against|without"
    r"(?:\s++any)?)\s++resistance"
)
_DEFINED_GRADE = compile_rule(
    r"(?P<g0>\bno\s++(?:visible\s++|palpable\s++)?(?:muscle\s++)?contraction)"
    r"|(?P<g1>\b(?:a\s++)?flicker(?:\s++of\s++(?:contraction|movement))?"
    r"|\btrace\s++(?:of\s++)?(?:muscle\s++)?contraction|\bpalpable\s++contraction\s++only)"
    r"|(?P<g2>\b(?:not|cannot|can't|unable\s++to\s++(?:move|lift|raise)\s++\w++)\s++against"
    r"\s++gravity|\b(?:(?:only\s++)?with\s++)?gravity[\s-]++(?:eliminated|removed|counterbalanced))"
    r"|(?P<g5>\bagainst\s++(?:gravity\s++(?:and|plus|with)\s++)?(?:full|strong|maximal|maximum"
    r"|firm)\s++resistance)"
    r"|(?P<g4>\bagainst\s++(?:gravity\s++(?:and|plus|with)\s++)?(?P<deg>some|moderate|light"
    r"|slight|mild|minimal|little|reduced|partial)?+\s*+resistance)"
    r"|(?P<g3>\bagainst\s++gravity(?:\s++only)?+(?:\s*+,?\s*+" + _NO_RESISTANCE + r")?+"
    r"|\b" + _NO_RESISTANCE + r"|\bno\s++resistance\s++tolerated)",
    re.IGNORECASE,
)
_STEP_OF_FOUR = {"light": "-", "slight": "-", "mild": "-", "minimal": "-", "little": "-"}
_DEFINED_CHARS = 80


def _defined_grades(note: str, low: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if "gravity" not in low and "resistance" not in low and "contraction" not in low:
        return out
    for m in _DEFINED_GRADE.finditer(note):
        anchor = _after_muscle(note, low, m.start(), _DEFINED_CHARS)
        if anchor is None or re.search(r"[.;]|\n\s*+[-*•]", note[anchor : m.start()]):
            continue  # the muscle is another clause's or list item's
        grade = next(k[1] for k in ("g0", "g1", "g2", "g5", "g4", "g3") if m.group(k))
        step = _STEP_OF_FOUR.get((m.group("deg") or "").casefold(), "") if grade == "4" else ""
        out.append((m.start(), m.end(), f"{grade}{step}/5"))
    return out


# --- issue #10 (i25b): end


# --- issue #10 (i27s): the Motricity Index, begin. A stroke clinic's strength notation
# (Demeurisse G, Demol O, Robaye E, Eur Neurol 1980;19:382-9; Collin C, Wade D, J Neurol
# Neurosurg Psychiatry 1990;53:576-9): each movement scored 0, 9, 14, 19, 25 or 33, the MRC
# grades 0-5 weighted (0 no movement, 9 palpable contraction, 14 movement but not the full range
# against gravity, 19 full range against gravity but not against resistance, 25 against
# resistance but weaker than normal, 33 normal power). In the table under a "Motricity Index"
# heading (to its first blank line) each such score after a muscle is written as its MRC grade;
# the pinch grip's own steps (0, 11, 19, 22, 26, 33) and the arm's and leg's sums are no grade.
_MOTRICITY_HEADING = re.compile(r"\bmotricity[ \t]++index\b", re.IGNORECASE)
_MOTRICITY_TO_MRC = {"0": 0, "9": 1, "14": 2, "19": 3, "25": 4, "33": 5}
_MOTRICITY_SCORE = re.compile(r"(?<![\w.+/-])(?:0|9|14|19|25|33)(?![\w.+/%-])")
_MOTRICITY_NOT_GRADED = re.compile(r"\b(?:pinch|score|sum|total)\b", re.IGNORECASE)
_MOTRICITY_TABLE_CHARS_MAX = 2000
# a blank line as written (a line holding spaces or tabs only): where a table, an entry or a
# paragraph ends (the motricity table here; _timeline, facts/investigations)
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _motricity_index_grades(note: str, low: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if "motricity" not in low:
        return out
    muscles = rules().muscles
    for head in _MOTRICITY_HEADING.finditer(note):
        blank = BLANK_LINE.search(note, head.end())  # the table ends there
        stop = min(blank.start() if blank else len(note), head.end() + _MOTRICITY_TABLE_CHARS_MAX)
        pos = note.find("\n", head.end(), stop) + 1  # the rows, after the heading's line
        while 0 < pos < stop:
            end = note.find("\n", pos, stop)
            end = stop if end < 0 else end
            named = muscles.find(note, pos, end)
            if named and not _MOTRICITY_NOT_GRADED.search(note, pos, end):
                after = max(m.end for m in named)
                for m in _MOTRICITY_SCORE.finditer(note, after, end):
                    out.append((m.start(), m.end(), str(_MOTRICITY_TO_MRC[m.group()])))
            pos = end + 1
    return out


# --- issue #10 (i27s): end


def _joined(note: str, anchor: int, pos: int, end: int, grade: str) -> tuple[int, int, str]:
    """The grade's rewrite; a grade wrapped onto the line after its muscle is joined to it (a
    line that opens with a number would start a list item of its own)."""
    if "\n" not in note[anchor:pos]:
        return (pos, end, grade)
    return (anchor, end, note[anchor:pos].replace("\n", " ") + grade)


@cache
def _word_candidates(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


# --- issue #10 (i24d): end


# issue #10 (i10u): a grade said bare after its muscle, as an examiner speaks it to a scribe
# ("ankles five, nice and strong", "neck extension, good, that's five"): a number word 0-5
# after a muscle or strength word with only spoken filler between, ending its phrase
_SPOKEN_FILLER = (
    r"(?:\s*,?\s*(?:good|fine|ok|okay|that's|that is|thats|i'd call(?: it| that)?|i'd say"
    r"|call it|is|was|are|were|about|maybe|so|both sides|bilaterally"
    # issue #10 (i37n): a score told as a noun by a patient or a lay record ("scored my
    # shoulders a four", "my grip full marks, five")
    r"|an?|full marks))*"
)
_SPOKEN_BARE_GRADE = re.compile(
    r"\s*,?" + _SPOKEN_FILLER + r"\s*,?\s*(?P<n>zero|one|two|three|four|five)\b"
    r"(?=\s*(?:[,.;!]|$|on both sides|both sides|bilaterally|each side))"
)


def _spoken_bare_grades(low: str, c: _Compiled) -> list[tuple[int, int, str]]:
    """ "five" → "5/5" where it is a bare spoken grade right after a muscle word."""
    out: list[tuple[int, int, str]] = []
    if not any(f" {w}" in low for w in ("zero", "one", "two", "three", "four", "five")):
        return out
    for cue in c.grade_cue.finditer(low):
        m = _SPOKEN_BARE_GRADE.match(low, cue.end())
        if m is not None:
            out.append((m.start("n"), m.end("n"), f"{_GRADE_WORDS[m.group('n')]}/5"))
    return out


# issue #10 (i10u): a line immunoassay whose heading declares its band-intensity scale from 0
# ("band intensity 0 / (+) / + / ++ / +++") prints each antigen with its band: "Jo-1 0" is no
# band, a negative, written "(-)" as blots write it; the other steps are read as written
_BAND_SCALE_HEADING = re.compile(
    r"\b(?:band\s+(?:intensit(?:y|ies)|grades?|grading|strength)|intensity\s+(?:scale|grades?))"
    r"\b[^\n]{0,20}?(?<![\w.])0(?![\w.])"
)
_ZERO_BAND = re.compile(r"(?<=[^\W\d_]|\d)[ \t]+(?P<zero>0)(?=[ \t]*(?:[,;|\n]|$)|[ \t]+[^\W\d_])")
_BAND_TABLE_CHARS_MAX = 1500


def _zero_bands(low: str) -> list[tuple[int, int, str]]:
    """Each "0" band after an antigen in the block under a band-intensity heading → "(-)"."""
    out: list[tuple[int, int, str]] = []
    if "band" not in low and "intensity" not in low:
        return out
    for heading in _BAND_SCALE_HEADING.finditer(low):
        para_end = low.find("\n\n", heading.end())
        stop = min(para_end if para_end >= 0 else len(low), heading.end() + _BAND_TABLE_CHARS_MAX)
        for m in _ZERO_BAND.finditer(low, heading.end(), stop):
            if low[m.end() : m.end() + 3].lstrip().startswith("/"):
                continue  # the legend's own steps ("0 / (+) / +")
            out.append((m.start("zero"), m.end("zero"), "(-)"))
    return out


# issue #10 (i10u): a number said with "hundred" or "thousand" ("one thousand and twenty units
# per litre", "the upper limit is two hundred and fifty"), as a scribe writes the examiner's
# words, is a number whatever follows it: written as digits
_NUMBER_WORD = "|".join(
    sorted({*_UNITS, *_TEENS, *_TENS, *_SCALES} - {"oh", "nought"}, key=len, reverse=True)
)
_LARGE_SPOKEN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_NUMBER_WORD}))*\b"
)


def _large_spoken_numbers(low: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if " hundred" not in low and " thousand" not in low:
        return out
    for m in _LARGE_SPOKEN.finditer(low):
        words = [w for w in re.split(r"[\s-]+", m.group()) if w != "and"]
        if words[0] in _SCALES or not any(w in _SCALES for w in words):
            continue  # "thousands of", "hundred" alone: no number said
        value = _spoken_number(tuple(words))  # type: ignore[arg-type]  # cached: a tuple
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


# issue #10 (i10u): an antibody's number said as a word ("TIF one gamma", "Mi two", "NXP two",
# "PL seven", "SAE one"): the antigen's written name
_SPOKEN_ANTIBODY = compile_rule(
    r"\b(?P<stem>tif|mi|nxp|sae|pl|jo|mda)[\s-](?P<n>one|two|five|seven|twelve)\b", 0
)
_ANTIBODY_NUMBERS = {"one": "1", "two": "2", "five": "5", "seven": "7", "twelve": "12"}
_ANTIBODY_STEMS = {"tif": "TIF", "mi": "Mi-", "nxp": "NXP", "sae": "SAE", "pl": "PL-", "jo": "Jo-",
                   "mda": "MDA"}  # fmt: skip
_ANTIBODY_NAMES = frozenset({"TIF1", "Mi-2", "NXP2", "SAE1", "PL-7", "PL-12", "Jo-1", "MDA5"})


def _spoken_antibody_numbers(low: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _SPOKEN_ANTIBODY.finditer(low):
        name = _ANTIBODY_STEMS[m.group("stem")] + _ANTIBODY_NUMBERS[m.group("n")]
        if name in _ANTIBODY_NAMES:  # "Mi one", "PL two": no such antigen
            out.append((m.start(), m.end(), name))
    return out


# issue #10 (i10u): a writer's quoted alias in brackets inside a phrase ('a small cell ("oat
# cell") carcinoma'): the phrase is read without it, as if the aside were a footnote
_QUOTED_ALIAS = re.compile(r"(?<=[a-z]) \(\s*[\"“'‘][^\"”'’()\n]{1,30}[\"”'’]\s*\)(?= [a-z])")


def _word_rewrites(note: str, c: _Compiled, known: set[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    text = low = _lower(note)
    # cheap gates: most notes write no grade in words
    of_five = any(w in low for w in _OF_FIVE)
    for m in _GRADE_OF.finditer(text) if of_five else ():
        written = m.group("of").strip() == "/" and m.group("n").isdigit() and m.group("d") == "5"
        if written and not (m.group("mod") or "").strip().isalpha():
            continue  # "4/5", "4-/5" are already grades
        if c.not_before.match(text, m.end()):
            continue  # "three out of five patients", "4 of 5 days"
        foreign = " ".join(m.group("of").split()) not in (*_ENGLISH_OF, "/")
        if foreign and not _FOREIGN_OF_END.match(text, m.end()):
            continue  # (i10az) "2 de 5 fragmentos": a count
        if not _grade_context(text, m.start(), m.end(), c):
            continue  # "2 of 5" with no strength word near it is a count
        out.append((m.start(), m.end(), f"{_grade_value(m.group('n'))}{_mod(m)}/5"))
    lead = any(w in low for w in _LEAD_WORDS)
    for m in _GRADE_LEAD.finditer(text) if lead else ():
        n = m.group("n")
        said = m.group("mod") or ""
        if n.isdigit() and not said.strip().isalpha():
            continue  # "grade 4", "grade 4-": already read
        tumour_like = not said and m.group().startswith("grade")
        if tumour_like and not _grade_context(text, m.start(), m.end(), c, forward=False):
            continue  # "grade three" of a tumour or a toxicity scale
        mod = _mod(m)
        out.append((m.start("n"), m.end(), f"{_grade_value(n)}{mod}"))
    # issue #10 (i10k): "cintura pélvica grau III+", "neck flexors grade IV" (MRC grades in
    # Roman numerals, as Brazilian and Spanish letters write them): only after a muscle or
    # strength word on the line, so a tumour's "grade III" stays as written
    roman = any(f"{w} " in low for w in c.rules.words.roman_grade_leads)
    for m in c.roman_grade.finditer(text) if roman else ():
        if not _grade_context(text, m.start(), m.end(), c, forward=False):
            continue
        arabic = _ROMAN_GRADES[m.group("n")]
        grade = f"{arabic}{m.group('mod') or ''}"
        if m.group("n2"):  # (i14b) "Gr IV / IV": right and left
            grade += f" / {_ROMAN_GRADES[m.group('n2')]}{m.group('mod2') or ''}"
        out.append((m.start("n"), m.end(), grade))
    # issue #10 (i12c): the grade before its lead word, followed by what it grades ("V- grade
    # muscle strength in the proximal extremities"): written as "grade 5-" so the grade grammar
    # reads it as it reads "grade 5-"; only with a strength word after it on the line (a
    # tumour's "III grade" is none)
    for m in c.grade_before_lead.finditer(text) if roman or " grade" in low else ():
        if not _grade_context(text, m.start(), m.end(), c, forward=True):
            continue
        lead_word = text[m.end("mod") if m.group("mod") else m.end("n") : m.end()].strip()
        said = m.group("n")
        grade = str(_ROMAN_GRADES[said]) if said in _ROMAN_GRADES else said
        out.append((m.start(), m.end(), f"{lead_word} {grade}{m.group('mod') or ''}"))
    out.extend(_roman_table_grades(note, text, c))
    out.extend(_scale_grades(note, text, c))  # issue #10 (i24d)
    out.extend(_motricity_index_grades(note, text))  # issue #10 (i27s)
    out.extend(_spoken_bare_grades(text, c))
    out.extend(_zero_bands(text))
    out.extend(_large_spoken_numbers(text))
    out.extend(_spoken_antibody_numbers(text))
    out.extend((m.start(), m.end(), " ") for m in _QUOTED_ALIAS.finditer(text))
    # issue #10 (i10k): a grade counted in points on the 5-point scale, as letters translated
    # from Russian write it ("strength reduced to 3 points", "distal parts 5 points"): after a
    # muscle or strength word on its line, and never on a line that names a 10-point scale
    for m in _GRADE_POINTS.finditer(text) if " point" in low else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _TEN_POINT_SCALE.search(line) or not _grade_context(
            text, m.start(), m.end(), c, forward=False
        ):
            continue
        out.append((m.start(), m.end(), f"{m.group('n')}/5"))
    # (issue #10, i35e: or joined by a hyphen, "her shoulders three-plus", "grade four-minus")
    modified = any(f"{sep}{step}" in low for sep in " -" for step in ("plus", "minus"))
    for m in _GRADE_MOD.finditer(text) if modified else ():
        if not _grade_context(text, m.start(), m.end(), c, forward=False):
            continue  # "one plus one", "five minus two": not after a muscle or strength word
        out.append((m.start(), m.end(), f"{_grade_value(m.group('n'))}{_mod(m)}"))
    spans: list[tuple[int, int, bool]] = []  # (start, end, an age)
    for m in _TIME_UNIT.finditer(text):
        before = _CARDINAL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before is not None:
            spans.append((before.start(), before.end(), bool(_AGE_AFTER.match(text, before.end()))))
    for m in _AGE_LEAD.finditer(text):
        at = _CARDINAL_AT.match(text, m.end())
        if at is not None:
            spans.append((at.start(), at.end(), True))
    for start, end, age in spans:
        said = text[start:end]
        if not age and said in known:
            continue  # "for three months": the time rules read these words already
        value = _spoken_number(re.split(r"[\s-]+", said))
        if value is not None:
            out.append((start, end, value))
    # issue #10 (i10z): the same in the other languages of the age grammar ("cincuenta y ocho
    # años", "achtundfünfzigjährige", "pedesetosmogodišnjeg"), from rules/numbers.yaml
    out.extend(number_word_rewrites(note, text))
    return out


# --------------------------------------------------------------------------- the note
def read_style(
    text: str, rules: Rules, cue_text: str | None = None
) -> tuple[NoteStyle, list[tuple[int, int, str]]]:
    """The note's conventions and the rewrites (start, end, replacement) that apply them, in
    order and not overlapping; ``cue_text`` (default ``text``): where the date cues are read."""
    c = _compiled()
    tokens = list(_tokens(text, c))
    comma = sum(1 for t in tokens if t.vote == "comma")
    point = sum(1 for t in tokens if t.vote == "point")
    decimal, mixed = _decide(comma, point, c.rules.numbers.majority)
    rewrites: list[tuple[int, int, str]] = []
    ambiguous: list[tuple[int, int]] = []
    for t in tokens:
        if t.ambiguous and decimal is None:
            if not mixed and "," in t.text:
                continue  # "CK 8,900" in a note that shows no convention: the English default
            ambiguous.append((t.start, t.end))  # "1.375": 1.375 or 1375? not guessed
            continue
        if t.vote is None and not t.ambiguous and decimal != "comma":
            continue  # "1,2" without a unit in a note that writes no decimal commas
        new = _rewrite_number(t, decimal)
        if new is not None and new != t.text:
            rewrites.append((t.start, t.end, new))
    rewrites.extend(_word_rewrites(text, c, set(rules.numbers)))
    rewrites.extend(_era_dates(text, c.rules.eras))  # issue #10 (i10k)
    for era in c.rules.eras.solar.values():  # issue #10 (i10av)
        rewrites.extend(_solar_era_dates(text, era, rules.month_numbers))
    declared = _declared_format(text, c)  # issue #10 (i54d): read once, for both uses
    dates, evidence, cues = _date_order(text, cue_text or text, rules, c, declared)
    if declared is not None and declared[1]:
        # issue #10 (i54d): "dates as YYYY MM DD": its "2026 11 12" and "2026 01" are dates
        dates = replace(dates, spaced_order=declared[0])
    if any(rx.search(text) for rx in rules.time["dates"] if "mdy" in rx.groupindex):
        dates = replace(dates, month_day_hyphen=True)  # "Nov-17-2026": its "Nov-14" a day
    if any(rx.search(text) for rx in rules.time["dates"] if "dmy" in rx.groupindex):
        dates = replace(dates, day_month_hyphen=True)  # i51f: "22-Nov-2026": its "21-Nov" a day
    if any(rx.search(text) for rx in rules.time["dates"] if "nhy" in rx.groupindex):
        # i53d: "07-22-2017": its "11-16-26" a date with its year last
        dates = replace(dates, numeric_hyphen=True)
    if any(
        m.group("dmyy") is not None
        for rx in rules.time["dates"]
        if "dmyy" in rx.groupindex
        for m in rx.finditer(text)
    ):
        dates = replace(dates, day_month_short_year=True)  # "03 Sep 26": its "Jul 26" a month
    style = NoteStyle(decimal, mixed, dates, evidence, cues, tuple(ambiguous))
    return style, _one_per_span(rewrites)


# "令和8年9月24日", "令和 8 年 9 月", "2026年9月24日"; "R8.9.24", "R8.9" (after _era_dates's
# gate); "Reiwa 8" (a year alone)
_KANJI_DATE = re.compile(
    r"(?P<era>令和|平成|昭和)?\s*(?P<y>\d{1,4}|元)\s*年\s*(?:(?P<m>\d{1,2})\s*月"
    r"(?:\s*(?P<d>\d{1,2})\s*日)?)?"
)
_LETTER_DATE = re.compile(
    r"(?<![\w.])(?P<era>[RHS])\s?(?P<y>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<d>\d{1,2}))?(?![\w]|\.\d)"
)
_ROMAN_ERA = re.compile(r"\b(?P<era>reiwa|heisei|showa)\s+(?P<y>\d{1,2}|gannen)\b", re.IGNORECASE)
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _gregorian(offset: int, year: str, month: str | None, day: str | None) -> str | None:
    """An era year (with its month and day) as a date the date rules read: "2026-09-24",
    "September 2026", "2026"; None when it is no date."""
    y = offset + (1 if year in ("元", "gannen") else int(year))
    if month is None:
        return str(y)
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{_MONTH_NAMES[m - 1]} {y}"
    d = int(day)
    return f"{y}-{m:02d}-{d:02d}" if 1 <= d <= 31 else None


def _era_dates(text: str, eras: EraRules) -> list[tuple[int, int, str]]:
    """Japanese dates written as Gregorian ones (issue #10, i10k): "令和8年9月24日" and
    "2026年9月24日" -> "2026-09-24", "R8.8" -> "August 2026" (the letters only in a note that
    names an era), "Reiwa 8" -> "2026"."""
    out: list[tuple[int, int, str]] = []
    named = "年" in text and any(name in text for name in eras.names if not name.isascii())
    for m in _KANJI_DATE.finditer(text) if "年" in text else ():
        era = m.group("era")
        if era is None and (m.group("y") == "元" or len(m.group("y")) != 4 or not m.group("m")):
            continue  # "3年" (three years) is no date
        offset = eras.names[era] if era is not None else 0
        new = _gregorian(offset, m.group("y"), m.group("m"), m.group("d"))
        if new is not None:
            out.append((m.start() + (len(m.group()) - len(m.group().lstrip())), m.end(), new))
    romanised = any(name in text.lower() for name in eras.names if name.isascii())
    for m in _ROMAN_ERA.finditer(text) if romanised else ():
        new = _gregorian(eras.names[m.group("era").lower()], m.group("y").lower(), None, None)
        if new is not None:
            out.append((m.start(), m.end(), new))
    for m in _LETTER_DATE.finditer(text) if named or romanised else ():
        offset = eras.letters[m.group("era")]
        new = _gregorian(offset, m.group("y"), m.group("m"), m.group("d"))
        if new is not None:
            out.append((m.start(), m.end(), new))
    return out


# issue #10 (i10av): a solar era's four-digit year, with the era's mark before it or not
# ("B.E. 2569", "3 Oct 2569", "พ.ศ. 2568"), and the numeric date with a two-digit year that the
# era's documents write ("3/10/69", "03.10.69": the era's 2569)
_ERA_YEAR = re.compile(
    r"(?<![\w])(?P<mark>(?:B\.\s?E\.|พ\.\s?ศ\.)\s*)?(?P<y>\d{4})(?![\w/]|[.-]\d)"
)
_ERA_SHORT = re.compile(
    r"(?<![\w/.-])(?P<dm>[0-3]?\d(?P<sep>[/.-])[01]?\d)(?P=sep)(?P<yy>\d\d)(?![\w/]|[.-]\d)"
)


# what may stand before a solar era's year: a month's name ("3 Oct 2569", "October 2569") or
# a day and month ("3/10/2569")
_BEFORE_YEAR = re.compile(
    r"(?:(?P<word>[^\W\d_]{3,})\.?,?[ \t]+|(?P<dm>\d{1,2}[/.-]\d{1,2}[/.-]))\Z"
)
_MONTH_ABBREVIATIONS = frozenset(name[:3].casefold() for name in _MONTH_NAMES)


def gregorian_field(field: str, note: str, rules: Rules) -> str:
    """A field's text cut from the note as written ("3 October B.E. 2569", "令和8年9月24日") with
    its era dates written as Gregorian ones, as the reading of the whole note writes them
    (issue #10, i10av: the note's date fields are read on the note as written); a solar era's
    dates only when the note names that era."""
    c = _compiled()
    rewrites = list(_era_dates(field, c.rules.eras))
    for era in c.rules.eras.solar.values():
        if any(mark in note for mark in era.marks):
            rewrites.extend(_solar_era_dates(field, era, rules.month_numbers, gated=False))
    for start, end, new in reversed(_one_per_span(rewrites)):
        field = field[:start] + new + field[end:]
    return field


def _solar_era_dates(
    text: str, era: SolarEra, month_names: dict[str, int], gated: bool = True
) -> list[tuple[int, int, str]]:
    """A solar era's dates as Gregorian ones, in a note that names the era (issue #10, i10av):
    "B.E. 2569", "3 Oct 2569", "3/10/2569" -> 2026; "3/10/69" -> "3/10/2026" (the era's century:
    2569). A four-digit year only after the era's mark, a month's name or a day and month (never
    a value: "CPK 2,569 U/L", "platelets 2560")."""
    if gated and not any(mark in text for mark in era.marks):
        return []
    out: list[tuple[int, int, str]] = []
    century = era.first_year // 100 * 100
    for m in _ERA_YEAR.finditer(text):
        year = int(m.group("y"))
        if not era.first_year <= year <= era.last_year:
            continue
        before = _BEFORE_YEAR.search(text, max(0, m.start() - 16), m.start())
        named = before is not None and (
            before.group("dm") is not None
            or (w := before.group("word").casefold()) in month_names
            or w[:3] in _MONTH_ABBREVIATIONS
        )
        if m.group("mark") or named:
            out.append((m.start(), m.end(), str(year - era.offset)))  # the mark goes too
    for m in _ERA_SHORT.finditer(text):
        year = century + int(m.group("yy")) - era.offset
        out.append((m.start(), m.end(), f"{m.group('dm')}{m.group('sep')}{year}"))
    return out


def _one_per_span(rewrites: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The rewrites in order, the first (and longest) of any that overlap."""
    kept: list[tuple[int, int, str]] = []
    for rewrite in sorted(rewrites, key=lambda r: (r[0], -r[1])):
        if kept and rewrite[0] < kept[-1][1]:
            continue
        kept.append(rewrite)
    return kept


# Thousands grouped by a typographic space ("CK 1 846 U/l", French and SI style): the narrow and
# thin spaces are used for nothing else between digits; a no-break space only counts before a
# count unit (some texts put one between every word). Normalisation makes them plain spaces, so
# the note as written is asked which one it was.
_THIN_SPACES = frozenset("\u202f\u2009\u2007")
_GROUP_SPACES = _THIN_SPACES | {"\u00a0"}
_SPACED = compile_rule(r"(?<![\w.,-])\d{1,3}(?: \d{3})+(?!\d|[.,]\d)", 0)


def _after_lab_name(text: str, start: int, rules: Rules) -> bool:
    """A lab's name ends right before ``start`` ("CK 11 200", "CK: 11 200", "CK was 11 200"), or
    only the words the lab reader allows between a name and its value stand between (issue #10,
    i10y: rules/patterns.yaml ``lab_value``, "CK était nettement élevé à 26 240")."""
    line = text.rfind("\n", 0, start) + 1
    names = rules.labs.find(text, max(line, start - 60), start)
    # (issue #10, i29a: or a name read in capitals only, "KK 1 960 B/l"; patterns.yaml
    # ``lab_upper_names``)
    ends = [n.end for n in names[-1:]] + [
        m.end()
        for rx in rules.value["lab_upper_names"]
        for m in rx.finditer(text, max(line, start - 60), start)
    ]
    if not ends:
        return False
    end = max(ends)
    if "(" in text[end:start]:
        return False  # "CK (repeat) 2 415": a bracket's words may name another thing
    vm = rules.value["lab_value"][0].match(text[end : start + 4])
    return vm is not None and vm.group("value") is not None and vm.start("value") == start - end


def _spaced_thousands(
    norm: NormalisedText, c: _Compiled, rules: Rules
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Rewrites of numbers grouped by typographic spaces, or by plain spaces right after a lab's
    name and before a count unit ("CK 11 200 U/L"); the spans of other plain-space groups before a
    count unit ("Ro 52 100 U/ml": a name's number and a level? flagged, not joined)."""
    out: list[tuple[int, int, str]] = []
    undecided: list[tuple[int, int]] = []
    typographic = any(ch in norm.original for ch in _GROUP_SPACES)
    for m in _SPACED.finditer(norm.text):
        by_unit = c.count_unit.match(norm.text, m.end()) is not None
        spaces = [m.start() + i for i, ch in enumerate(m.group()) if ch == " "]
        written = {norm.original[norm.offsets[i]] for i in spaces}
        joined = (m.start(), m.end(), m.group().replace(" ", ","))
        if typographic and (written <= _THIN_SPACES or (written <= _GROUP_SPACES and by_unit)):
            out.append(joined)
        elif by_unit and (
            _after_lab_name(norm.text, m.start(), rules) or _after_column_gap(norm, m.start())
        ):
            out.append(joined)  # "CK 11 200 U/L"; a table's column "03.08.2026   3 150 U/L"
        elif by_unit:
            undecided.append((m.start(), m.end()))  # "Ro 52 100 U/ml" is not 52100
        elif len(spaces) == 1 and _after_lab_name(norm.text, m.start(), rules):
            # issue #10 (i53l): a lab's value with no unit after it, "CK 6 100." or "CK 7 200
            # (ref 30-170)": one group of thousands after one or two digits is that value (a
            # second value of a series would be written with its own separator); three digits
            # first ("CK 250 300") may be two results: undecided
            unit = c.measure_unit.match(norm.text, m.end())
            other_unit = unit is not None and unit.group().strip().casefold() not in _ENZYME_UNITS
            if spaces[0] - m.start() == 3 or other_unit:  # "CK 2 870 mg": not a CK's unit
                undecided.append((m.start(), m.end()))
            else:
                out.append(joined)
    return out, undecided


# (issue #10, i53l) the measure units a lab's activity is written in without "per litre" ("CK
# 6 100 IU"): the value's own unit, no sign of another quantity
_ENZYME_UNITS = frozenset({"u", "iu", "units"})


def _after_column_gap(norm: NormalisedText, start: int) -> bool:
    """Whether the number at ``start`` opens a column of the note as written: the line's start,
    or two or more spaces or a tab before it (issue #10, i53l: a dated table row "03.08.2026
    3 150 U/L", whose gap normalisation makes one space; a name's own number, "Ro 52 100 U/ml",
    is set off by one space only)."""
    at = norm.offsets[start]
    before = norm.original[max(0, at - 2) : at]
    return at == 0 or before[-1:] in ("\n", "\t") or before == "  "


# issue #10 (i37n): the Swiss way of grouping thousands with an apostrophe ("CK 3'240 U/l",
# "1'105"; the apostrophe typed as ' or ’, which normalisation makes '): the digits joined.
# Only groups of exactly three digits after each apostrophe, never beside a letter, a quote or
# another number ("5'10\"" is a height; "Gottron's" has no digit)
_APOSTROPHE_GROUPED = compile_rule(r"(?<![\w'.,])\d{1,3}(?:'\d{3})+(?![\w'\"]|[.,]\d)", 0)


def _apostrophe_thousands(text: str) -> list[tuple[int, int, str]]:
    """Rewrites of numbers grouped by apostrophes as their digits alone."""
    if "'" not in text:
        return []
    return [
        (m.start(), m.end(), m.group().replace("'", "")) for m in _APOSTROPHE_GROUPED.finditer(text)
    ]


# issue #10 (i37n): the MRC grade typed as one vulgar-fraction character ("hip flexors ⅗",
# "shoulder abductors ⅘": U+2155-U+2158, the fifths) read as the typed fraction "3/5", so every
# grade rule reads it. Only the fifths, and never glued to another digit ("1⅘" is a quantity)
_VULGAR_FIFTHS = {"⅕": "1/5", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5"}
_VULGAR_FIFTH = re.compile(r"(?<![\d/])[⅕⅖⅗⅘](?![\d/])")


# ... and the grade said in words as a fraction ("shoulders four fifths on both sides", "grip
# five fifths", "three-fifths"), as a letter to a non-clinician writes it
_WORD_FIFTHS = {
    "zero": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
}
_WORD_FIFTH = re.compile(
    r"\b(?P<n>zero|nought|one|two|three|four|five)[ -]fifths?\b", re.IGNORECASE
)


def _vulgar_fifths(text: str) -> list[tuple[int, int, str]]:
    """Rewrites of the vulgar fifths and of the fifths in words as the typed fractions."""
    out = [
        (m.start(), m.end(), _VULGAR_FIFTHS[m.group()])
        for m in _VULGAR_FIFTH.finditer(text)
        if any(ch in text for ch in _VULGAR_FIFTHS)
    ]
    if "fifth" in text.casefold():
        out += [
            (m.start(), m.end(), _WORD_FIFTHS[m.group("n").casefold()] + "/5")
            for m in _WORD_FIFTH.finditer(text)
        ]
    return out


def restyle(norm: NormalisedText, rules: Rules) -> tuple[NormalisedText, NoteStyle]:
    """The normalised note with its conventions applied, and the style it was read by.

    Applied after normalisation, so the layout (soft-wrapped lines, sections) is decided on the
    note as written; each written character keeps the original position of what it replaces
    (a replacement's characters are spread over the words they replace)."""
    # the cues are read in the note as written: its headings ("HPI:", "Date of service:") are
    # conventions too, though normalisation makes them section names
    style, rewrites = read_style(norm.text, rules, norm.read_text)
    spaced, undecided = _spaced_thousands(norm, _compiled(), rules)
    spaced += _apostrophe_thousands(norm.text) + _vulgar_fifths(norm.text)  # (i37n) "3'240", "⅘"
    if spaced:
        rewrites = _one_per_span(spaced + rewrites)
    if undecided:
        style = replace(style, ambiguous_numbers=(*style.ambiguous_numbers, *undecided))
    if not rewrites:
        return norm, style
    text = norm.text
    chars: list[str] = []
    offsets: list[int] = []
    shifts: list[tuple[int, int]] = []  # (old position after a rewrite, cumulative shift)
    shift = pos = 0
    for start, end, new in rewrites:
        if "\n" in text[start:end]:
            continue  # crosses a line
        chars.append(text[pos:start])
        offsets.extend(norm.offsets[pos:start])
        width = max(1, end - start)
        last = max(1, len(new) - 1)
        chars.append(new)
        offsets.extend(norm.offsets[start + (i * (width - 1)) // last] for i in range(len(new)))
        shift += len(new) - (end - start)
        shifts.append((end, shift))
        pos = end
    chars.append(text[pos:])
    offsets.extend(norm.offsets[pos:])  # includes the end-of-text sentinel

    def moved(p: int) -> int:
        k = bisect_right(shifts, (p, 1 << 62)) - 1
        return p + (shifts[k][1] if k >= 0 else 0)

    written = NormalisedText(
        norm.original,
        "".join(chars),
        offsets,
        [replace(seg, start=moved(seg.start), end=moved(seg.end)) for seg in norm.segments],
        norm.wrapped,
        norm.source,
    )
    if style.ambiguous_numbers:
        spans = tuple((moved(a), moved(b)) for a, b in style.ambiguous_numbers)
        style = replace(style, ambiguous_numbers=spans)
    return written, style
