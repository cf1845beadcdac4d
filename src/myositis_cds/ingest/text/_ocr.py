"""Character confusions of optical character recognition (issue #10, i10j).

A faxed or scanned letter read by OCR often swaps look-alike characters: the digit one for a
lower-case L ("wou1d", "f1exors"), zero for the letter O ("T0WNSEND", "P0SITIVE", "anti-0J") and
the other way round inside numbers ("CK 1,24O", "07/O3/1968", "ref 38-l74"). The rules read
words and numbers, so such a note loses its date of birth, its grades and its lab values.

Only a note that shows the confusion many times is repaired (a clean note may well write
"TIF1", "SAE1", "N0" or "CD10"), and only inside a run of letters and digits whose other
characters say which kind it is:

- a run with digits 2-9 and no other letter is a number: O and l (and I) in it are 0 and 1;
- a run with letters and no digit 2-9 is a word: 1 next to a lower-case letter is l, and 0 is
  O (o inside a lower-case word), except at the end of an upper-case run ("N0", "M0": a stage),
  in a TNM stage ("T1N0M0") or in a run with a single lower-case letter ("x10").

Each swap keeps the text's length, so every position still maps to the note as written. One
confusion shortens it: "rn" for "m" at the start of a word ("rnonth", "rnechanic's"; no English
word begins with "rn") or after an r ("norrnal"; no English word has "rrn"), mended in
:func:`join_rn` on the normalised text with its offsets.
"""

from __future__ import annotations

import re
from dataclasses import replace

from myositis_cds.ingest.text._normalise import NormalisedText
from myositis_cds.ingest.text._rules import compile_rule

_RUN = re.compile(r"[A-Za-z0-9]+")
# a word written with a confusable digit between or after lower-case letters: "wou1d", "Mi11"
_OCR_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]*[a-z][01]+[a-z][A-Za-z01]*(?![A-Za-z0-9])")
_TNM = re.compile(r"(?:[pcyr]{0,2}T[0-4isxX][a-d]?)?(?:N[0-3xX][a-c]?)?(?:M[01xX][a-c]?)?")
# how many distinct confused words make a note OCR text (a clean note has none or one: "tif1g")
MIN_CONFUSED_WORDS = 5
_REAL_DIGITS = frozenset("23456789")
_DIGIT_LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1"}


# issue #10 (i10u): the other way round, a lower-case l for the digit one inside a number
# ("l999", "6l year old", "up to l90", "d.o.b. l4.9.37"): a typewriter's 1 was often an l
_OCR_NUMBER = compile_rule(
    r"(?<![A-Za-z0-9])(?:l[0-9][0-9l]*|[0-9][0-9l]*l[0-9l]*)(?![A-Za-z0-9])", 0
)


def looks_ocr(text: str) -> bool:
    """Whether the note writes at least MIN_CONFUSED_WORDS different words with a 1 or 0 for
    a letter between lower-case letters, or numbers with an l for a 1 (counted together)."""
    seen: set[str] = set()
    for rx in (_OCR_WORD, _OCR_NUMBER):
        for m in rx.finditer(text):
            seen.add(m.group().casefold())
            if len(seen) >= MIN_CONFUSED_WORDS:
                return True
    return False


def _number_run(run: str) -> str:
    return "".join(_DIGIT_LOOKALIKES.get(ch, ch) for ch in run)


def _word_run(run: str) -> str:
    if _TNM.fullmatch(run):
        return run
    lower = any(ch.islower() for ch in run)
    if lower and sum(ch.isalpha() for ch in run) < 2:
        return run  # "x10", "0n": one lower-case letter says too little
    out = list(run)
    for i, ch in enumerate(run):
        if ch == "1":
            before = out[i - 1] if i > 0 else ""
            after = run[i + 1] if i + 1 < len(run) else ""
            if before.islower() or after.islower():
                out[i] = "l"  # "wou1d", "1ower", "Mi11"; not "IgG1", "SAE1"
        elif ch == "0":
            at_end = i == len(run) - 1
            if at_end and not lower:
                continue  # "N0", "M0", "G0": a stage or grade, not a letter
            nxt = run[i + 1] if not at_end else ""
            out[i] = "o" if lower and i > 0 and (nxt.islower() or nxt in "01") else "O"
    return "".join(out)


# issue #10 (i10u): an ordinal with an l for a 1 ("2lst", "l2th"), and a lone l where only a
# digit can stand: an antibody's number after its hyphen ("Jo-l"), a titre's first number ("l/160")
_OCR_ORDINAL = re.compile(r"(?<![A-Za-z0-9])[0-9l]*[0-9][0-9l]*(?=(?:st|nd|rd|th)(?![A-Za-z0-9]))")
_LONE_L = re.compile(r"(?<=[A-Za-z]-)l(?![A-Za-z0-9])|(?<![A-Za-z0-9])l(?=\s?[/:]\s?[0-9])")


# issue #10 (i27a): an age whose number has an l for a 1 before "-year-old" ("A l0-year-old
# girl", "a 4l year old man"): the shape leaves no reading but a number, so it is mended in any
# note, not only one that looks like OCR throughout (a scanned article's abstract, heldout_y a14)
_AGE_WITH_L = compile_rule(
    r"(?<![A-Za-z0-9])(?=[0-9l]*l)(?=[0-9l]*[0-9])[0-9l]{2,3}(?=[ -]?(?:years?|yrs?)[ -]?old\b)", 0
)


def _age_numbers(chars: list[str]) -> int:
    changed = 0
    for m in _AGE_WITH_L.finditer("".join(chars)):
        for i in range(m.start(), m.end()):
            if chars[i] == "l":
                chars[i] = "1"
                changed += 1
    return changed


def repair(text: str) -> tuple[str, int]:
    """The text with OCR look-alikes put right, and how many characters were changed (0 and
    the text unchanged when it does not look like OCR output, but for an age's number: see
    _AGE_WITH_L, mended with 0 changes counted)."""
    if not looks_ocr(text):
        if "l" not in text or _AGE_WITH_L.search(text) is None:
            return text, 0
        chars = list(text)
        _age_numbers(chars)
        return "".join(chars), 0  # not an OCR note: its other repairs stay off
    chars = list(text)
    changed = 0
    for m in _RUN.finditer(text):
        run = m.group()
        letters = sum(ch.isalpha() and ch not in "OolI" for ch in run)
        real_digits = sum(ch in _REAL_DIGITS for ch in run)
        if real_digits and not letters:
            fixed = _number_run(run)
        elif letters and not real_digits and ("1" in run or "0" in run):
            fixed = _word_run(run)
        else:
            continue
        if fixed != run:
            changed += sum(a != b for a, b in zip(run, fixed, strict=True))
            chars[m.start() : m.end()] = fixed
    for rx in (_OCR_ORDINAL, _LONE_L):
        for m in rx.finditer("".join(chars)):  # after the runs: "l/l60" is "l/160" by now
            for i in range(m.start(), m.end()):
                if chars[i] == "l":
                    chars[i] = "1"
                    changed += 1
    changed += _age_numbers(chars)  # after the runs: "l0" has no digit 2-9 to mark a number
    return "".join(chars), changed


# issue #10 (i10u): an abbreviation typed with a full stop after each capital ("C.P.K.",
# "A.N.F.", "E.S.R.", "C.T."), as typewritten letters write them: read as the letters alone,
# the stops blanked so that every position still maps to the note as written
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,5}(?![\w])")


def undot(text: str) -> str:
    """The text with dotted capital abbreviations written without their stops (length kept:
    "C.P.K. 2,850" → "CPK    2,850")."""
    if ". " not in text and "." not in text:
        return text
    return _DOTTED.sub(lambda m: m.group().replace(".", "") + " " * m.group().count("."), text)


_RN_START = re.compile(r"(?<![A-Za-z0-9'’])(?:rn)+(?=[a-z/])")
# issue #10 (i10u): inside a word only after another r ("norrnal", "confirrned"): English
# writes "rn" inside words ("modern", "pattern") but no word has "rrn"
_RRN = re.compile(r"(?<=[a-z]r)rn(?=[a-z])")


def join_rn(norm: NormalisedText) -> tuple[NormalisedText, int]:
    """The normalised note with a word-initial "rn" read as "m" ("rnonth", "rnrn/hr"): each
    pair becomes one character that keeps the written position of its "r"."""
    found = sorted(
        [*_RN_START.finditer(norm.text), *_RRN.finditer(norm.text)], key=lambda m: m.start()
    )
    if not found:
        return norm, 0
    dropped: list[int] = []  # positions of the "n"s taken out
    chars = list(norm.text)
    for m in found:
        for p in range(m.start(), m.end(), 2):
            chars[p] = "m"
            dropped.append(p + 1)
    gone = set(dropped)
    text = "".join(ch for i, ch in enumerate(chars) if i not in gone)
    offsets = [o for i, o in enumerate(norm.offsets) if i not in gone]

    def moved(p: int) -> int:
        return p - sum(1 for d in dropped if d < p)

    segments = [replace(s, start=moved(s.start), end=moved(s.end)) for s in norm.segments]
    return replace(norm, text=text, offsets=offsets, segments=segments), len(dropped)
