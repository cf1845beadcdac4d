"""The spaCy pipeline: a blank English tokenizer and our own sentence boundaries.

No statistical model is loaded (nothing to download): tokens come from spaCy's rule-based
English tokenizer and sentences from :func:`note_sentences`, which knows that a line break in a
normalised note is a boundary (lists, headings) and that "e.g." is not.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from types import ModuleType
from typing import Any, TypeVar, cast

import numpy

_T = TypeVar("_T")


def _import_spacy_without_its_cli() -> None:
    """Import spaCy without its command-line interface (issue #10, i32s).

    spaCy's ``__init__`` imports ``spacy.cli.info`` for its ``spacy.info`` function, and with it
    every command of the CLI (download, train, ... and typer, weasel, requests): half of the
    import of spaCy, a second of a fresh process's first note, none of it used here. While spaCy
    is imported, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins whose ``info`` imports the
    real one when called; they are removed as soon as spaCy is in, so ``import spacy.cli`` later
    loads the real package. Nothing is done when spaCy is already imported, and should a spaCy
    release import more of its CLI the plain import is made instead.
    """
    if "spacy" in sys.modules:
        return

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real  # the real one, on first use

        return real(*args, **kwargs)

    stubs = {"spacy.cli": ModuleType("spacy.cli"), "spacy.cli.info": ModuleType("spacy.cli.info")}
    stubs["spacy.cli.info"].info = info  # type: ignore[attr-defined]
    stubs["spacy.cli"].info = stubs["spacy.cli.info"]  # type: ignore[attr-defined]
    for name, stub in stubs.items():
        sys.modules.setdefault(name, stub)
    try:
        import spacy
    except ImportError:
        pass  # (below, the plain import raises what is wrong)
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if "spacy" not in sys.modules:
        import spacy  # noqa: F401


_import_spacy_without_its_cli()

from spacy.lang.en import English  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from myositis_cds.ingest.text._rules import compile_kept, compile_rule, rules  # noqa: E402

__all__ = ["pipeline", "read_doc", "tokenizer_text"]

# spaCy strips trailing punctuation one character at a time with an end-anchored regex, which is
# quadratic in the length of a run ("!!!!…" 16,000 times took 44 s). Runs longer than this are
# cut for the tokenizer (the rest becomes spaces), which keeps every character offset.
MAX_PUNCTUATION_RUN = 32
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCTUATION_RUN + 1},}}")


def tokenizer_text(text: str) -> str:
    """``text`` with over-long punctuation runs blanked after their first characters.

    Same length as ``text``, so token and sentence offsets index the original text unchanged.
    """
    return _PUNCTUATION_RUN.sub(
        lambda m: (
            m.group()[:MAX_PUNCTUATION_RUN] + " " * (m.end() - m.start() - MAX_PUNCTUATION_RUN)
        ),
        text,
    )


_ENDERS = {".", "!", "?", "。", "！", "？"}  # issue #10 (i10i): the CJK full stops too
# issue #10 (i13b): and the full stops of the scripts rules/LANGUAGES.md lists: the Devanagari
# and Bengali danda (Hindi, Bengali), the Urdu full stop, the Armenian full stop and the
# Arabic-script question mark; without them a result word after its test ("Anti-Jo-1
# नकारात्मक।") reached back over the sentences before it
_ENDERS |= {"।", "॥", "۔", "։", "؟"}
# issue #10 (i18a): a movement abbreviated with a full stop in a strength table or list, its
# grade right after it ("Knee ext.  4  4", "Ankle dorsiflex. 5/5", "Shoulder abd. 3"): no
# sentence end before a number (the MRC table's usual abbreviations; verified U)
_MOVER_ABBREVIATIONS = frozenset(
    {"ext.", "flex.", "abd.", "add.", "dorsiflex.", "plantarflex.", "df.", "pf.", "ev.", "inv."}
)
# Tokens that end in a full stop without ending a sentence ("U/L." is split as "U", "/", "L.").
# issue #10 (i34a): the kilogram as Kannada writes it with stops, "ಕೆ.ಜಿ." (ಕಿಲೋಗ್ರಾಂ), and
# "ಕಿ.ಗ್ರಾಂ.": the weight's unit, whose verb follows ("ತೂಕ 6 ಕೆ.ಜಿ. ಕಡಿಮೆಯಾಗಿದೆ", the weight went
# down 6 kg); no sentence end, on its line or at its end (verified U)
_UNITS_BEFORE_THEIR_VERB = frozenset({"ಕೆ.ಜಿ.", "ಕಿ.ಗ್ರಾಂ."})
# issue #10 (i48t): the dotted millimetre and centimetre of the Indic scripts after a size ("४२
# मि.मी. ची ... गाठ", "4 ಸೆಂ.ಮೀ. ಗಾತ್ರದ ಗಡ್ಡೆ"): no case tells the next word's start, and the
# noun a size measures comes after it in these verb-final languages (rules/patterns.yaml
# SIZE_MM_UNIT, SIZE_CM_UNIT; the scripts' usual abbreviations, verified U)
_DOTTED_SIZE_UNITS = frozenset(
    {
        *("मि.मी.", "से.मी.", "सें.मी.", "মি.মি.", "সে.মি.", "ছে.মি.", "ମି.ମି.", "ସେ.ମି."),
        *("மி.மீ.", "செ.மீ.", "ಮಿ.ಮೀ.", "ಸೆಂ.ಮೀ.", "మి.మీ.", "సెం.మీ.", "મિ.મી.", "સે.મી."),
        *("ਮਿ.ਮੀ.", "ਸੈ.ਮੀ.", "ਸੈਂ.ਮੀ.", "മി.മീ.", "സെ.മീ."),
    }
)
# issue #10 (i35e): a strength list wrapped between a muscle and its grade ("...; hip flexors" /
# "5- R 5- L; knee extensors 5 R 5 L"): a line that ends on a mover's name goes on when the next
# one opens with a grade (a digit 0-5, its step or "/5"; not a numbered item, "4." or "4)")
_MOVER_WORDS = frozenset(
    {
        "flexors",
        "extensors",
        "abductors",
        "adductors",
        "dorsiflexors",
        "plantarflexors",
        "flexion",
        "extension",
        "abduction",
        "adduction",
        "dorsiflexion",
        "plantarflexion",
    }
)
# issue #10 (i37n): a month's English abbreviation with its full stop before the year ("20th
# Nov. 2026", "Onset Sept. 2024", "orchidectomy Jun. 2012"), as a form's typed dates write it:
# no sentence end before the year
_MONTH_ABBREVIATIONS = frozenset(
    [
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)
# issue #10 (i53d): ... and a month's or a weekday's abbreviation before a comma, as typed
# forms write a date in full ("Tues., 17th Nov., 2026", "3rd Sept., 2026"): the date goes on
_DATE_ABBREVIATIONS = _MONTH_ABBREVIATIONS | frozenset(
    ["mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun."]
)
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# issue #10 (i52d): ... and before the day and the year, as US forms and the AP style write a
# date month first ("Mar. 4, 2025", "Nov. 13th, 2026"): no sentence end before the day either
_DAY_THEN_YEAR = re.compile(r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d(?!\d)")
_GRADE_OPENS_LINE = re.compile(r"[0-5](?:[+-]|[ \t]?/[ \t]?5)?(?![\w.)/]|[+-]?\d)")
_ABBREVIATIONS = {
    "e.g.",
    "i.e.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "vs.",
    "approx.",
    "st.",
    "no.",
    "fig.",
    "etc.",
    "prof.",
    "cf.",
    "al.",
    "resp.",
    "max.",
    "min.",
    "ca.",
    "v.n.",  # Italian "valori normali": "(v.n. 30-170)", a reference range follows
    # issue #10 (i10y): the same label in the other orders and languages of letters and their
    # literal translations: "(v.r. 30-170)" valor de referência, "(n.v. 26-192)" normal values
    # (the Greek order), "(v.rif. 30-170)" valori di riferimento
    "v.r.",
    "n.v.",
    "v.rif.",
    "φ.τ.",  # issue #10 (i10as): the Greek original, φυσιολογικές τιμές (normal values)
    # issue #10 (i10at): the Thai months' official abbreviations (Royal Institute), which a
    # date writes with a year after them ("12 มี.ค. 2565"), and the eras พ.ศ. (Buddhist) and
    # ค.ศ. (Christian): no sentence end (verified U)
    *_UNITS_BEFORE_THEIR_VERB,  # issue #10 (i34a)
    *_DOTTED_SIZE_UNITS,  # issue #10 (i48t)
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
    "พ.ศ.",
    "ค.ศ.",
    "d.o.b.",
    "dob.",
    "b.d.",
    "o.d.",
    "t.d.s.",
    "p.o.",
    "i.v.",
    "s.c.",
    # a lab's reference: "LDH 512 U/l (ref. < 250)"
    "ref.",
    # issue #10 (i12b): the same label in Afrikaans, "CK 1 420 E/L (verw. 25-200)" (verwysing)
    "verw.",
    # issue #10 (i15b): the Cyrillic label, "АСТ 210 U/L (реф. < 32)" (референтни вредности)
    "реф.",
    # issue #10 (i21c): the Icelandic label, "CK 1.140 U/L (viðm. 40-280)" (viðmiðunarmörk)
    "viðm.",
    # muscle-test shorthand in strength tables ("Shoulder abd.  3  3", "4/5 bilat.")
    "abd.",
    "add.",
    "flex.",
    "ext.",
    "bilat.",
    # issue #10 (i35e): and the side and the level shortened before what they qualify, "power 4+
    # bil. prox. (shoulders, hips), 5 bil. dist. (wrists, ankles)"
    "bil.",
    "prox.",
    "dist.",
    "bds.",
    "tib.",  # issue #10 (i29s): "Tib. anterior  R/L  5", the tibialis anterior shortened
    # "rest neg incl. Mi2, TIF1g": a list follows (issue #10, i10h)
    "incl.",
    "inc.",
    # Dutch honorifics before a name ("mevr. De Vries", "dhr. Jansen"; issue #10, i10j)
    "mevr.",
    "dhr.",
    "mw.",
    # Spanish and Portuguese titles before a name ("el Sr. García", "Dña. Pérez", "la Dra.
    # Ruiz"; issue #10, i10y)
    "sr.",
    "sra.",
    "srta.",
    "dña.",
    "dra.",
    # a number's label before it (issue #10, i10ab: "CPR-nr. 030452-xxxx", "Nr. 12", "č. 3")
    "nr.",
    "cpr-nr.",
}


def _initial(token: str, before: str) -> bool:
    """An initial after a title ("Mr A. Khan", "Mrs J. Smith"), not a sentence end."""
    return len(token) == 2 and token[0].isupper() and before.casefold().rstrip(".") in _TITLES


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "master", "mevr", "dhr", "mw"}


# issue #10 (i10j): a line that ends on a word that cannot end a sentence ("... NO RASH. NO" /
# "DYSPHAGIA, NO SOB.", "weakness of the" / "shoulders") goes on on the next line; not after a
# field's mark ("Dysphagia: no" / "Weight loss: yes" are two fields)
# (issue #10, i42n: and a preposition of place, which needs the noun on the next line: "scaly
# papules over" / "MCPs and PIPs both hands.", "rash on" / "the knuckles")
# (issue #10, i51d: and a preposition of time, which needs its date or time on the next line:
# "Dysphagia to solids since" / "2026.10, now on a soft diet", "rash from" / "June 2026")
_CARRIES_ON = frozenset(
    {"and", "or", "of", "with", "the", "over", "on", "across", "above", "below", "around"}
    | {"since", "from", "until", "till", "during"}
)
_FIELD_MARKS = frozenset({":", "-", "=", "|", "–", "?", "/"})
# a denial carries on only where it opens its phrase (after a stop, a comma or a conjunction):
# "Rash no" / "Dysphagia yes" in a table without colons are two rows
_DENIALS = frozenset({"no", "not", "nor", "without", "denies"})
_BEFORE_DENIAL = frozenset({"", ".", ",", ";", "and", "or", "but", "with", "has", "had", "is"})
# ... and a "Result:" line goes with the test named on the line above it ("1. ANA (IIF on HEp-2)"
# / "Result: POSITIVE, titre 1:320")
_RESULT_LINE = frozenset({"result", "results", "interpretation"})
# issue #10 (i54l): ... and so does a line that opens with a bracket saying what the line above
# includes or means ("... all NEGATIVE" / "(incl. TIF1-gamma, NXP2, MDA5)", "(e.g. Jo-1, PL-7)",
# "(i.e. ...)", "(namely ...)"): the aside wrapped onto its own line, where the list it gives
# takes the line's result; not after a stop or a colon, nor a numbered item "(a)", "(ii)"
_ASIDE_OPENS_LINE = re.compile(
    r"[(\[][ \t]*(?:incl\b\.?|including\b|inc\.|e\.[ \t]?g\.|eg\b|i\.[ \t]?e\.|namely\b"
    r"|viz\b\.?|such[ \t]+as\b|especially\b|esp\.|specifically\b)",
    re.IGNORECASE,
)
# issue #10 (i10m): ... and so does a line that holds only a result, with at most its grade or
# level ("Anti-NXP2 antibody" / "Negative", "Anti-SRP:" / "Positive (3+)"), as record exports
# and typed-up laboratory reports print it; not a label that opens a list ("Negative: Jo-1, ...")
# (i10m: its level and the laboratory's reference may follow, "Negative   <1.0 AI   Ref <1.0", and
# a blot's sign may stand alone, "+", "-", "(+)", "++")
_RESULT_ONLY_LINE = re.compile(
    r"^[ \t]*(?:(?:(?:strongly|weakly|weak|low|high)[ -])?(?:positive|negative|pos|neg|detected"
    r"|not[ \t]+detected|undetected|borderline|equivocal|indeterminate|reactive|non-?reactive"
    r")\b(?![ \t]*(?::|[A-Za-z]))"
    r"(?:[ \t]*(?:[(\[][^()\[\]\n]{0,30}[)\]]|[<>≤≥]?[ \t]*\d[\d.,:/]*|[A-Za-z/]{1,5}:?))*"
    r"|\(?[-−+]{1,3}\)?)[ \t.;]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _line_start(text: str, idx: int) -> int:
    """Where the line holding character ``idx`` starts."""
    return text.rfind("\n", 0, idx) + 1


# issue #10 (i10m): dot leaders join a test to its result on one line of a printed report
# ("Anti-Jo-1 ............ Negative"); they end no sentence (an ellipsis, three dots, still does)
_LEADER = re.compile(r"\.{4,}")


# issue #10 (i10ab): a date written day, full stop, space, month, full stop, as Czech, Slovak,
# German, Polish, Hungarian, Slovenian, Croatian and Finnish letters write it ("13. 10.", "12. 10.
# 2026", "3. 11.", "2026. 10. 13." Hungarian year first): its full stops are ordinal marks, not
# sentence ends ("ANA (IIF HEp-2, 13. 10.) pozitivní 1:640"); nor is the one before a bracket or a
# comma that closes it
_SPACED_DATE = (
    # (issue #10, i29q: the month may be a Roman numeral in capitals, "9. XII. 2025", "od 1. XI.")
    r"(?<![\w.])(?:(?:0?[1-9]|[12]\d|3[01])\.[ \t]?"
    r"(?:0?[1-9]|1[0-2]|(?-i:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I))\."
    # (issue #10, i10av: and the year's own closing mark, the full stop Croatian, Serbian and
    # Hungarian put after it, "09.11.2026.", or the abbreviated word "year" of Polish "r."
    # (roku), Russian and Bulgarian "г." (года), Ukrainian "р." (року), Latvian "g." (gadā),
    # Lithuanian "m." (metų): "14.10.2026 r.):" is no sentence end)
    r"(?:[ \t]?(?:19|20)\d\d(?!\d)(?:\.?[ \t]?(?:r|g|m|г|р)\.|\.(?![ \t]?\d))?)?"
    # issue #10 (i10av): the year-first order is year, month, day (ISO 8601 order, as Hungarian
    # MSZ ISO 8601 and the East Asian dotted dates write it: "2026.10.14.", "2026. 10. 14."),
    # not year, day, month: a day after the 12th ended the sentence inside "(2026.10.14.):"
    r"|(?:19|20)\d\d\.[ \t]?(?:0?[1-9]|1[0-2])\.[ \t]?(?:0?[1-9]|[12]\d|3[01])\.)"
    # (issue #10, i10at: and the ordinal day before a month's name, "(am 12. März 2021)", "12.
    # marca 2021", "3. října": rules/patterns.yaml month_names, the languages that write it)
    r"|(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.[ \t]?(?:{MONTH_NAME})(?!\w)"
    # (issue #10, i16b: and the Ethiopian era's mark after the year, "2019 ዓ.ም." (ዓመተ ምሕረት,
    # year of mercy): its first stop is no sentence end)
    r"|(?<!\w)ዓ\.[ \t]?ም\."
)


@cache
def _spaced_date() -> re.Pattern[str]:
    month = rules().patterns.fragments["MONTH_NAME"]
    # (issue #10, i32s: the months' trie is long: its programme is kept between processes;
    # i36t: compiled as a rule, its skip table passes over what cannot start a date, a quarter
    # of the time of scanning each note)
    return compile_rule(_SPACED_DATE.replace("{MONTH_NAME}", month), re.IGNORECASE)


_CLOSERS = frozenset({")", "]", ",", ";", ":"})
# issue #10 (i14a): the commas a list is wrapped after, in every script rules/LANGUAGES.md
# lists: the Latin comma, the CJK enumeration comma and full-width comma ("抗Jo-1、PL-7、PL-12、"
# / "EJ、OJ抗体均阴性": the first line's names lost the result word of the second), the Arabic
# comma (Arabic, Persian, Urdu)
_LIST_COMMAS = frozenset({",", "、", "，", "،"})


# issue #10 (i18b): Georgian's Mkhedruli letters are lower case to Unicode (their capitals,
# Mtavruli U+1C90-U+1CBF, are written only in titles), so a Georgian sentence never starts with
# a capital: after a full stop the next Georgian word starts a sentence whatever its case
# (Unicode 15, chapter 7.7; verified U). Without it a denial reached back over the stop
# ("... ერითემა. წყლულები კანზე არ არის.": the erythema was read as denied).
_UNCASED_LOWER = re.compile(r"[\u10d0-\u10ff]")


# issue #10 (i18b): one Georgian or Armenian letter before a stop is an abbreviation, not a
# sentence's last word: the city "ქ. თბილისი", "ք. Երևան", the year "2026 წ.", "2026 թ." (the
# languages' standard abbreviations; verified U)
_LETTER_ABBREVIATION = re.compile(r"[\u10d0-\u10ff\u0531-\u0587]")


# issue #10 (i21b): the Cyrillic abbreviations of a settlement and a street before its name, as
# an address field writes them ("Месца жыхарства: г. Гомель, вул. Савецкая", "м. Вінниця", "гр.
# Асеновград", "ул. ..."): no sentence's end, unless a number stands before the letter ("2026 г."
# the year, "5 м." metres), where the stop may end the sentence. Without it the place after the
# city's abbreviation fell in a sentence of its own and the address field was never read. The
# languages' standard address abbreviations (город/горад/град, місто, вуліца/вулиця/улица);
# verified U
_PLACE_ABBREVIATIONS = frozenset({"г", "гр", "м", "вул", "ул"})


def _lower_case_start(text: str) -> bool:
    return text[:1].islower() and _UNCASED_LOWER.match(text) is None


@Language.component("myositis_note_sentences")
def note_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (unless the next word is lower case) and after line breaks.

    Boundaries are written in one array (setting ``token.is_sent_start`` one token at a time
    rescans the document each time, which is quadratic on long notes).
    """
    # spaCy reads SENT_START as 1 (start) / -1 (not a start) through a uint64 array
    starts = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
    last = ""  # the last non-space token's text
    before = ""  # the one before it ("d.o.b" of "d.o.b" + ".")
    earlier = ""  # and the one before that ("2026" of "2026 г.")
    newline = True
    strings = doc.vocab.strings
    # token texts (by their string ids) and space flags from one array: no Python Token object
    # per token (Doc.text would make one each, too)
    rows = doc.to_array(["ORTH", "IS_SPACE", "IDX", "SPACY"]).tolist()
    # the text the tokenizer read (read_doc), or the same again from the arrays (Doc.text makes
    # a Python Token object per token)
    note = doc.user_data.get(_TEXT)
    if not isinstance(note, str):
        note = "".join(strings[orth] + (" " if ws else "") for orth, _, _, ws in rows)
    result_lines = {m.start() for m in _RESULT_ONLY_LINE.finditer(note)}
    # (i10ab) where a spaced date's tokens after its first start, and where it ends
    date_spans = [(m.start(), m.end()) for m in _spaced_date().finditer(note)]
    in_date = {i for a, b in date_spans for i in range(a + 1, b)}
    date_ends = {b for _, b in date_spans}
    for i, (orth, space, idx, _) in enumerate(rows):
        text = strings[orth]
        if space:
            newline = newline or "\n" in text
            continue
        ender = (
            last in _ENDERS
            and (before + last).casefold() not in _ABBREVIATIONS
            and not _LETTER_ABBREVIATION.fullmatch(before)
            and not (
                last == "."
                and before.casefold() in _PLACE_ABBREVIATIONS
                and not earlier[-1:].isdigit()
            )
        ) or (
            len(last) > 1
            and last.endswith(".")
            and last.casefold() not in _ABBREVIATIONS
            and not _initial(last, before)
            and not _LEADER.fullmatch(last)
        )
        if (
            ender
            and text[:1].isdigit()
            and (
                (before + last).casefold() in _MOVER_ABBREVIATIONS
                or last.casefold() in _MOVER_ABBREVIATIONS
            )
        ):
            ender = False  # issue #10 (i18a): "Ankle dorsiflex. 5 5": the grade follows
        if (
            ender
            and (_YEAR.match(text) or _DAY_THEN_YEAR.match(note, idx))
            and (
                (before + last).casefold() in _MONTH_ABBREVIATIONS
                or last.casefold() in _MONTH_ABBREVIATIONS
            )
        ):
            ender = False  # issue #10 (i37n): "3rd Dec. 2024": the year follows (i52d: or the day)
        if (
            ender
            and text == ","
            and (
                (before + last).casefold() in _DATE_ABBREVIATIONS
                or last.casefold() in _DATE_ABBREVIATIONS
            )
        ):
            ender = (
                False  # issue #10 (i53d): "17th Nov., 2026", "Tues., 17th Nov.": the date goes on
            )
        carried = newline and (
            (last.casefold() in _CARRIES_ON and before not in _FIELD_MARKS)
            # issue #10 (i10w): a list wrapped after its comma ("Jo-1, PL-7, PL-12," / "EJ, OJ
            # negative"): the line goes on
            or (last in _LIST_COMMAS and before not in _FIELD_MARKS)
            or (last.casefold() in _DENIALS and before.casefold() in _BEFORE_DENIAL)
            # issue #10 (i34a): a verb-final language's dotted unit at the line's end ("ತೂಕ 6
            # ಕೆ.ಜಿ." / "ಕಡಿಮೆಯಾಗಿದೆ."): its verb is on the next line
            or (before + last) in _UNITS_BEFORE_THEIR_VERB
            or (last.casefold() in _MOVER_WORDS and _GRADE_OPENS_LINE.match(note, idx) is not None)
            or (text.casefold() in _RESULT_LINE and last not in _ENDERS and last != ":")
            or (
                text in ("(", "[")
                and last not in _ENDERS
                and last != ":"
                and _ASIDE_OPENS_LINE.match(note, idx) is not None
            )
            or (_line_start(note, idx) in result_lines and last not in _ENDERS)
        )
        in_a_date = not newline and (idx in in_date or (idx in date_ends and text[:1] in _CLOSERS))
        if (
            i == 0
            or (newline and not carried)
            or (ender and not _lower_case_start(text) and not in_a_date)
        ):
            starts[i, 0] = 1
        earlier, before, last = before, last, text
        newline = False
    if len(doc):
        starts[0, 0] = 1
        doc.from_array(["SENT_START"], cast(Any, starts))
    return doc


# issue #10 (i10i): Chinese and Japanese write no spaces between words: each ideograph or kana,
# and each CJK punctuation mark, is a token of its own (as spaCy's character segmentation for
# Chinese does), so ConText scopes and inference gaps count characters there instead of taking
# a whole clause for one token. Korean (Hangul) writes spaces between words and is left alone.
_CJK_TOKEN = (
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # marks, kana, ideographs
    r"\uff01-\uff0f\uff1a-\uff1f]"  # full-width punctuation
)

# issue #10 (i10s): a result list written without spaces, as CJK text writes its Latin codes
# ("RF(-),ANA(+)", "IgM(-);ANA:1:320"): the comma or semicolon after a closing bracket or a
# letter, before a letter, is a token of its own, so one item's sign never reaches the next
# item (never between digits: "1,000")
_LIST_GLUE = r"(?<=[)\]）])[,;](?=[^\W\d_])|(?<=[^\W\d_]);(?=[^\W\d_])"


# issue #10 (i13b): a stop, comma, colon or semicolon after a Georgian or Armenian word (and
# Armenian's own full stop "։" and comma "՝") is a token of its own, as after a Latin, Cyrillic
# or Greek word: spaCy's suffix classes hold no letters of those two scripts, so "კიბო." stayed
# one token and the word was never matched
_GEORGIAN_ARMENIAN_STOP = r"(?<=[\u10a0-\u10ff\u1c90-\u1cbf\u0531-\u0587])[.,:;։՝]|։"
# (issue #10, i18b: the Armenian full stop "։" is a token of its own after anything, a closing
# bracket or quote too: "(«մեխանիկի ձեռքեր»)։" ended no sentence, and a denial in the next
# one reached back over it)


_TEXT = "myositis_cds.text"  # Doc.user_data: the text the tokenizer read


def read_doc(text: str) -> Doc:
    """``pipeline()(text)``, the sentence boundaries read without writing the text out again
    from the tokens (spaCy keeps every character: the tokens' texts and spaces are ``text``)."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    return nlp(doc)


@cache
def pipeline() -> Language:
    # issue #10 (i32s): spaCy's blank English pipeline with its tokenizer made once, our infixes
    # and suffixes in it from the start: spacy.blank("en") made the default tokenizer, and each
    # of the two setters (infix_finditer, suffix_search) loaded its 4,000 special cases again
    # (a third of a second each on a fresh process); English() also skips resolving the config
    nlp = English(create_tokenizer=_tokenizer)
    nlp.add_pipe("myositis_note_sentences")
    nlp.max_length = 2_000_000
    return nlp


def _tokenizer(nlp: Language) -> Any:
    """The tokenizer spaCy's default factory makes (spacy.Tokenizer.v1,
    ``spacy.language.create_tokenizer``) with our infixes and suffixes added, their expressions
    written as ``spacy.util.compile_*_regex`` writes them and their programmes kept between
    processes (compile_kept)."""
    defaults = nlp.Defaults
    prefixes = cast(list[str], defaults.prefixes)
    infixes = [*cast(list[str], defaults.infixes), _CJK_TOKEN, _LIST_GLUE]
    suffixes = [*cast(list[str], defaults.suffixes), _GEORGIAN_ARMENIAN_STOP]
    prefix = "|".join("^" + piece for piece in prefixes if piece.strip())
    infix = "|".join(piece for piece in infixes if piece.strip())
    suffix = "|".join(piece + "$" for piece in suffixes if piece.strip())
    infixes_of = compile_kept(infix).finditer
    infix_matches = _remembered(lambda span: tuple(infixes_of(span)))
    url_match = defaults.url_match
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=_remembered(compile_kept(prefix).search),
        suffix_search=_remembered(compile_kept(suffix).search),
        infix_finditer=lambda span: iter(infix_matches(span)),
        token_match=defaults.token_match,
        url_match=None if url_match is None else _remembered(url_match),
    )


# issue #10 (i40t): spaCy keeps a whole word's tokens between calls only until the first special
# case of the text ("e.g.", "'s", ":)"), after which every later word is split again (its cache
# skips a text with a special case, spaCy issue #1250): nearly every note has one, so the same
# words ("daily", "5/5", "Gottron's") ran the affix expressions again and again, a twentieth of
# the reading. Each expression's answer is a function of the word alone, so it is remembered per
# word (bounded: a long-running service reads many words once).
_WORDS_REMEMBERED = 1 << 15


def _remembered(find: Callable[[str], _T]) -> Callable[[str], _T]:
    return lru_cache(maxsize=_WORDS_REMEMBERED)(find)
