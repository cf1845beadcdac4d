"""Clean up real-world text while remembering where every character came from.

PDF-extracted case reports wrap lines mid-sentence, hyphenate words across lines ("Jo-\\n1"),
interleave the two columns (the abstract appears inside the case synopsis), and carry figure
captions and reference markers ("[4,5]"). Clinic letters use hard line breaks for lists. This
module turns either into a normalised text in which

- each section is one run of text, in the order sections first appear, with a text that was
  interrupted by another column resumed where it left off;
- soft line wraps are spaces and words hyphenated across lines are joined;
- captions, in-text figure references and reference markers are gone;
- unusual characters are mapped to plain ones (mathematical 𝛾 → γ, en dash → hyphen),

and ``offsets[i]`` is the index in the original text of normalised character ``i``, so any span
found in the normalised text maps back to the exact words of the original.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from myositis_cds.ingest.text._rules import Rules, compile_rule

__all__ = ["NormalisedText", "Segment", "normalise"]

# Characters mapped one-to-one; anything in the mathematical alphanumeric block or the Latin
# ligature block goes through NFKC (𝛾 U+1D6FE → γ, ﬁ → fi).
_CHAR_MAP = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\t": " ",
    "\r": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ad": "",
    "\u03d2": "γ",
    # --- issue #10 (i15b): the Arabic script's own separators between digits: U+066B ARABIC
    # DECIMAL SEPARATOR "٫" is a decimal point, U+066C ARABIC THOUSANDS SEPARATOR "٬" groups
    # thousands, U+066A ARABIC PERCENT SIGN "٪" is the percent sign (Unicode 15, chapter 9.2,
    # verification S). The Arabic comma "،" (U+060C) is a list comma and is left as it is, so
    # "١، ٩٨٠" stays two numbers. begin
    "\u066b": ".",
    "\u066c": ",",
    "\u066a": "%",
    # --- issue #10 (i15b): end
    # --- issue #10 (i18b): U+055D ARMENIAN COMMA "՝" after a label or a list is the colon of
    # the Armenian script (a form's field "Սեռը՝ արական", "Տարիքը՝ 47"; a list's result
    # "anti-Jo-1, anti-SRP՝ բացասական"): read as ":" so every field and list rule reads it as
    # in the other scripts (Unicode 15, chapter 7.6, the Armenian comma's use as a pause before an
    # apposition or a value; verification U)
    "\u055d": ":",
    # issue #10 (i46n): Assamese writes the Bengali script's "র" (U+09B0 BENGALI LETTER RA) as
    # "ৰ" (U+09F0 BENGALI LETTER RA WITH MIDDLE DIAGONAL), one letter for the same sound in the
    # words the two languages share ("পুৰুষ" / "পুরুষ" male, "পাৰিবাৰিক" / "পারিবারিক" family):
    # read as "র", so the Bengali words of the rules read an Assamese note's (Unicode 15,
    # chapter 12.2, Bengali and Assamese; the code points' names checked with unicodedata;
    # verification U). ৱ (U+09F1, Assamese "wa") has no one Bengali letter and is kept.
    "\u09f0": "\u09b0",
}
# --- issue #10 (i15b): a decimal digit of any script (Unicode category Nd: Arabic-Indic
# "٢٠٢٦", Extended Arabic-Indic of Persian and Urdu "۱۴۰۵", Bengali "২০২৬", Devanagari "२०२६",
# Tamil, Thai ...) is read as its ASCII digit, so that every date, number and range rule sees
# one form (their regular expressions name "[0-9]" and "1[34]\d\d" digit by digit). Only
# decimal digits: superscripts ("10¹²/л") and fractions ("½") are kept. The numeric value is
# Unicode's own (unicodedata.decimal), not a table kept here. begin
_CHAR_MAP.update(
    {
        chr(cp): str(unicodedata.decimal(chr(cp)))
        for cp in range(0x80, 0x10000)
        if unicodedata.category(chr(cp)) == "Nd"
    }
)
# --- issue #10 (i15b): end
_KEEP_HYPHEN_PREFIXES = {
    "anti",
    "non",
    "pre",
    "post",
    "co",
    "self",
    "well",
    "sub",
    "semi",
    "multi",
    "inter",
    "intra",
    "para",
    "peri",
    "re",
    "de",
    "mid",
    "long",
    "short",
    "low",
    "high",
    "follow",
    "ill",
    "all",
    "red",
    "first",
    "second",
    "third",
    "x",
    "t",
    "b",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "several",
    "few",
}
_CAPTION = re.compile(r"^\s*(?:figure|fig\.?|table|supplementary figure)\s*\d+[a-z]?\s*[.:|]", re.I)
_TABLE_CAPTION = re.compile(r"\s*table", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)]|[a-z][.)])\s+", re.I)
_REFERENCE = re.compile(r"\s?\[\s*\d+(?:\s*[,\-–]\s*\d+)*\s*\]")
# a reference number printed as a superscript and glued to the sentence's end ("... edema.7 Here
# we present", "... disease.1,2 The"): before a capitalised word or the line's end
_GLUED_REFERENCE = re.compile(r"(?<=[a-z)\]][.,;:])\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z(]|\s*$)")
_FIGURE_REF = re.compile(r"\s?\(\s*(?:see\s+)?(?:figure|fig\.?|table)\s*\d+[a-z]?\s*\)", re.I)
_OPENING = {_REFERENCE: "[", _FIGURE_REF: "("}
# issue #10 (i18a): a pair in square brackets right after a measured value is the value's reference
# range, not a reference marker ("CK 12,400 U/L [60-400]", "ALT 88 IU/l [10-45]"): the value and
# its unit, one with a slash (U/L, mg/L, IU/l, umol/L) or U, IU, %, then the pair, low before high
# (a year or a count before a marker, "in 2019 [4-6]", "in 12 patients [3-5]", keeps it a marker)
_RESULT_BEFORE = re.compile(r"\d(?:[.,]\d+)?\s*(?:[^\W\d][^\s\[\]]*/[^\s\[\]]+|i?u|%)\s*$", re.I)
_RANGE_PAIR = re.compile(r"\[\s*(\d+)\s*[-–]\s*(\d+)\s*\]")
# issue #10 (i10l): a numbered case of a report of several ("Case 1", "CASE 2:", "Case no. 3",
# "Case II", "Patient 1") alone on its line opens a case section
# (issue #10, i31c: the word in the languages the section titles know, "Caso 2", "Cas 3",
# "Fall 2", "Paciente 1", "Przypadek 2", "Olgu 2", "病例2", "案例#2", "症例 2", "증례 2", and a
# number written "#2", "nº 2", "n° 2")
_NUMBERED_CASE = re.compile(
    r"(?:case|patient|caso|cas|fall|paciente|patiente|paziente|pacjent|przypadek|olgu|kasus"
    r"|病例|案例|症例|증례)\s*(?:(?:no\.?|n[º°o]\.?|#|＃)\s*)?(?P<number>\d{1,2}|(?<![^\W\d_])[ivx]{1,4})\s*[:：]?$",
    re.I,
)
# issue #10 (i24c): a case series' numbered heading with the case's title run on ("Case 1
# Anti-PM/Scl 75, weak anti-PM/Scl-100", "Patient 2: Anti-Jo-1 syndrome with ILD"): the title,
# capitalised and not a sentence, is the case's first text
_NUMBERED_CASE_TITLED = re.compile(
    r"(?:case|patient)[ \t]++(?:no\.?[ \t]*+)?(?P<number>\d{1,2}|[ivx]{1,4})"
    r"(?:[ \t]*+[:.\-–][ \t]*+|[ \t]++)",
    re.I,
)
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}


def _case_number(line: str) -> int | None:
    """issue #10 (i31c): the number of a numbered case's heading ("Case 2", "案例#2", "Caso II",
    "Patient 3: Anti-Jo-1 syndrome"), or None."""
    stripped = line.strip()
    body = _HEADER_NUMBER.sub("", _DECORATED.sub("", stripped)).strip("【】").strip()
    m = _NUMBERED_CASE.match(body) or _NUMBERED_CASE_TITLED.match(stripped)
    if m is None:
        return None
    number = m.group("number").casefold()
    return int(number) if number.isdigit() else _ROMAN.get(number)


_HEADER_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+", re.I)
_TITLE_REMARK = re.compile(r"^(?P<title>[^()\n]{2,40}?)\s*\((?P<remark>[^()\n]{1,80})\)\s*:?$")
_TERMINAL = (".", "!", "?", ":", ";")
# issue #10 (i29q): a title, its number or not, with a remark in brackets, then a dash and the
# section's first words on the same line ("ADDENDUM 1 (19.XI.2026) - needle biopsy, ...",
# "Addendum no. 2 (23/11/2026) - myositis blot ..."), as reports append later results
_TITLE_REMARK_TEXT = re.compile(
    r"^(?P<title>[^\W\d_][^()\n:]{1,40}?)(?:\s+(?:no\.?\s*|#)?\d{1,2})?"
    r"\s*\((?P<remark>[^()\n]{1,80})\)\s*[-–—]\s+\S"
)
# a line ending in a Roman grade's minus ("Hip flexion IV- IV-") or a lone "-" cell
_GRADE_MINUS_END = re.compile(r"(?:(?<![\w-])(?:IV|V|I{1,3})|\s)-$")
_SLOW = compile_rule(r"  |[\t\r]| [.,;:)]", 0)  # text the character-by-character path must see
# issue #10 (i11a): outside ASCII, also what _Section._put maps or drops (a line break before a
# space too): a line without any is copied as it is, as an ASCII one is
_MAPPED = re.compile(
    "[\n"
    + "".join(re.escape(ch) for ch in _CHAR_MAP)
    + "\U0001d400-\U0001d7ff\ufb00-\ufb06\uff01-\uff5e]"
)
# issue #10: a word hyphenated at a line end whose line break a PDF copy turned into a space
# ("dys- phagia", "mela- noma", "re- ferred"): lower-case letters on both sides, and not the
# suspended hyphen of a coordination ("pre- and post-operative", "short- or long-term")
_BROKEN_WORD = compile_rule(
    r"(?<=[^\W\d_]{2})- (?=[^\W\d_]{2})(?!(?:and|or|to|nor|vs|versus|but|than|as|y|o|i|lub)\b)", 0
)
# only in a text that does it often (a PDF copy), never for one dash in a typed note
# ("rash- better")
_BROKEN_WORDS_MIN = 3
# issue #10 (i24b): a space between two Chinese or Japanese characters (kana, kanji) is a PDF
# copy's justification or column artefact ("ヘリ オトロープ疹", "皮 膚筋炎", "症 例"): the two
# languages write no space between words, so the space is dropped and the word read whole.
# Not Korean, whose words are spaced; not beside a digit or a Latin letter ("47 歳", "CK 上昇").
_CJK_SPACE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]) (?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])"
)


@dataclass(frozen=True)
class Segment:
    """A run of normalised text belonging to one section."""

    section: str
    patient: bool
    status: str | None
    start: int
    end: int


@dataclass
class NormalisedText:
    original: str
    text: str
    offsets: list[int]
    segments: list[Segment]
    wrapped: bool
    source: str | None = None  # the text that was read when it is not ``original`` (dictation)

    @property
    def read_text(self) -> str:
        """The text as read before sectioning (the written form of a dictated note)."""
        return self.source if self.source is not None else self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original text."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def segment_at(self, pos: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= pos < seg.end:
                return seg
        return None


@dataclass
class _Section:
    name: str
    patient: bool
    status: str | None
    rejoin: bool = False  # issue #10: a PDF copy's words broken by "- " are joined
    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)

    def emit(self, text: str, start: int) -> None:
        if (
            len(text) > 1
            and (text.isascii() or (not _MAPPED.search(text) and not _CJK_SPACE.search(text)))
            and not _SLOW.search(text)
        ):
            # plain ASCII with single spaces: only the first character needs the rules
            self._put(text[0], start)
            self.chars.extend(text[1:])
            self.offsets.extend(range(start + 1, start + len(text)))
            return
        dropped = {m.start() for m in _CJK_SPACE.finditer(text)} if not text.isascii() else ()
        for i, ch in enumerate(text):
            if i not in dropped:
                self._put(ch, start + i)

    def _put(self, ch: str, pos: int) -> None:
        mapped = _CHAR_MAP.get(ch)
        if mapped is None:
            cp = ord(ch)
            if 0x1D400 <= cp <= 0x1D7FF or 0xFB00 <= cp <= 0xFB06 or 0xFF01 <= cp <= 0xFF5E:
                mapped = unicodedata.normalize("NFKC", ch)
            else:
                mapped = ch
        for out in mapped:
            if out == " " and (not self.chars or self.chars[-1] in " \n"):
                continue  # collapse runs of spaces
            if out in ".,;:)" and self.chars and self.chars[-1] == " ":
                self.chars.pop()  # the space left where a reference marker was removed
                self.offsets.pop()
            self.chars.append(out)
            self.offsets.append(pos)

    def separator(self, sep: str, pos: int) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
        if not self.chars:
            return
        if sep == " " and self.chars[-1] == "\n":
            return
        if sep.startswith("\n") and self.chars[-1] == "\n":
            if sep == "\n\n" and (len(self.chars) < 2 or self.chars[-2] != "\n"):
                self.chars.append("\n")
                self.offsets.append(pos)
            return
        for ch in sep:
            self.chars.append(ch)
            self.offsets.append(pos)

    def reopen(self) -> None:
        """Continue the last paragraph: drop trailing blank lines."""
        while self.chars and self.chars[-1] in " \n":
            self.chars.pop()
            self.offsets.pop()

    def last_char(self) -> str:
        for ch in reversed(self.chars):
            if ch not in " \n":
                return ch
        return ""

    def unhyphenate(self) -> bool:
        """Drop a trailing soft hyphen; True if the hyphen was dropped (False: kept)."""
        text = "".join(self.chars[-40:])
        m = re.search(r"([A-Za-z]+)-$", text)
        if m is None:
            return False
        if m.group(1).casefold() in _KEEP_HYPHEN_PREFIXES or m.group(1).isupper():
            return False
        self.chars.pop()
        self.offsets.pop()
        return True


def _sign_after_name(current: _Section, next_line: str, rules: Rules) -> bool:
    """Whether the hyphen ending a line is a blot's minus sign written onto an antibody's name
    ("SRP-" / "HMGCR+", "TIF1γ-" / "NXP2+"), not a word broken at the line's end ("Jo-" / "1",
    "anti-" / "Jo-1"): the name before it is whole and the next line opens with a letter
    (issue #10, i10m)."""
    if not next_line[:1].isalpha():
        return False
    tail = "".join(current.chars[-40:])[:-1]
    return any(m.end == len(tail) for m in rules.antibodies.find(tail))


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# issue #10 (i10j): a heading drawn with rules or numbered as a slide ("--- Slide 9: Teaching
# points ---", "=== DISCUSSION ===", "*** Plan ***")
_DECORATED = re.compile(
    r"^\s*[-=*#~_]{2,}\s*(?:slide\s*\d+\s*[:.\-]\s*)?|(?<=\S)\s*[-=*#~_]{2,}\s*$", re.I
)


def _header(line: str, rules: Rules) -> tuple[str, int] | None:
    """(section name, offset where inline text starts or -1) if the line opens a section."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) <= 60:
        body = _HEADER_NUMBER.sub("", _DECORATED.sub("", stripped))
        # (issue #10, i24b: a Chinese or Japanese heading in 【】 brackets, or before a full-width
        # colon: "【病史】", "现病史：")
        body = body.strip("【】").rstrip(":：").strip("【】")
        name = rules.section_titles.get(body.strip().casefold())
        if name is not None:
            return name, -1
        if _NUMBERED_CASE.match(body):
            return "case", -1
        titled = _NUMBERED_CASE_TITLED.match(stripped)
        if (
            titled is not None
            and stripped[titled.end() : titled.end() + 1].isupper()
            and not stripped.endswith(_TERMINAL)
        ):
            return "case", len(line) - len(line.lstrip()) + titled.end()
    # issue #10 (i10x): a title with a remark in brackets ("HISTOLOGY ADDENDUM (reported
    # 17-Nov-2026, Cellular Pathology)"): the remark stays in the text, as an inline title's.
    # Only a section about the patient: "Background (from the employee's letter)" in a clinic
    # note is not a case report's background
    # (i29q: or such a title followed by a dash and the section's first words, _TITLE_REMARK_TEXT,
    # whose title may also be an inline one)
    for title_rx, inline_too in ((_TITLE_REMARK, False), (_TITLE_REMARK_TEXT, True)):
        remark = title_rx.match(stripped) if "(" in stripped else None
        if remark is None:
            continue
        key = _HEADER_NUMBER.sub("", _DECORATED.sub("", remark.group("title"))).strip().casefold()
        name = rules.section_titles.get(key) or (
            rules.inline_titles.get(key) if inline_too else None
        )
        if name is not None and rules.sections.sections[name].patient:
            lead = len(line) - len(line.lstrip())
            return name, lead + remark.start("remark") - 1  # at the opening bracket
    m = _INLINE_HEADER.match(line) if ":" in line or "：" in line else None
    if m is not None:
        name = rules.inline_titles.get(m.group(1).strip().casefold())
        if name is not None:
            # "Addendum 07/11/2026: ...": the title's date stays in the text and dates what follows
            return name, m.start(2) if m.group(2) else m.start(3)
    if rules.abstract_labels is not None:  # issue #10: "Case report. We present ..."
        lm = rules.abstract_labels[0].match(line)
        if lm is not None:
            return rules.abstract_label_sections[lm.group("label").casefold()], lm.end()
    return None


def _split_abstract_lines(lines: list[tuple[int, str]], rules: Rules) -> list[tuple[int, str]]:
    """A one-line structured abstract ("Introduction. ... Case Description. ... Conclusion.
    ...", or with colons after an opening "Introduction:") as one paragraph per label, so that
    each label opens its section."""
    if rules.abstract_labels is None:
        return lines
    at_start, within = rules.abstract_labels
    colon = rules.abstract_colon_labels  # i42r: "Introduction: ... Case Presentation: ..."
    out: list[tuple[int, str]] = []
    for start, line in lines:
        cuts = [m.start() for m in within.finditer(line)] if at_start.match(line) else []
        if not cuts and colon is not None and colon[0].match(line):
            cuts = [m.start() for m in colon[1].finditer(line)]
        previous = 0
        for cut in cuts:
            out.append((start + previous, line[previous:cut].rstrip()))
            out.append((start + cut, ""))
            previous = cut
        out.append((start + previous, line[previous:]))
    return out


# (issue #10, i10j: the title's date may be ISO and in brackets, "ADDENDUM (2026-11-16): ...";
# i10ar: a title in any alphabet, "Introdução: ...", "Discussão: ...", "고찰: ...")
_INLINE_HEADER = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?([^\W\d_](?:[^\W\d_]|[ /&'-]){1,40}?)"
    r"(?:\s+\(?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d\d-\d\d-\d\d)\)?)?\s*[:：]\s*(\S.*)$"
)


# issue #10 (i37r): a congress abstract's run-in label that names no section we know
# ("Introduction: ... " / "Description: A 59-year-old man ...", "Case Description/Methods:",
# "Result: Findings at admission ..."): after a run-in "Introduction:" every label opens the
# abstract's next part, and the parts after the introduction tell the case. A label of one to
# five words, capitalised, with text after its colon.
_RUN_IN_LABEL = re.compile(r"^\s*(?-i:[A-Z])[^\W\d_]*(?:[ /&-][^\W\d_]+){0,4}\s*:\s*(?=\S)")


def _case_report_title(lines: list[tuple[int, str]], rules: Rules) -> int:
    """The end of a case report's title (its first line, unpunctuated, before a blank line and
    an "Abstract"/"Background"/"Case ..." heading), or 0. A title sums the case up without dates,
    so it is not read as facts."""
    filled = [(start, line) for start, line in lines if line.strip()]
    if len(filled) < 2:
        return 0
    (start, first), (_, second) = filled[0], filled[1]
    gap = [line for s, line in lines if start < s < filled[1][0]]
    header = _header(second, rules)
    if (
        not gap
        or first.rstrip().endswith((".", ":"))
        or len(first.strip()) > 200
        or header is None
        or header[0] not in _CASE_REPORT_OPENINGS
    ):
        return 0
    return start + len(first)


def _wrapped_title(lines: list[tuple[int, str]], i: int, rules: Rules) -> tuple[str, int] | None:
    """issue #10 (i10ar): in soft-wrapped text (a PDF's lines) a heading alone on its line with
    no blank line around it ("... doença." / "Caso clínico" / "Os autores descrevem ..."): the
    whole line is a section title and the next line starts a sentence (not a lower-case run-on
    of a wrapped sentence that happens to end in the word "Discussion")."""
    header = _header(lines[i - 1][1], rules)
    if header is None or header[1] >= 0:
        return None
    for _, line in lines[i:]:
        if line.strip():
            return header if not line.lstrip()[:1].islower() else None
    return None


def _wrapped_keywords(line: str, current: _Section, rules: Rules) -> tuple[str, int] | None:
    """issue #10 (i44n): in soft-wrapped text (a PDF's lines) an article's keyword line after a
    sentence's end ("... com antecedentes de neoplasia do ovário." / "Palavras chave:
    Dermatomiosite, eritema heliotrópico, pápulas" / "de Gottron."): the label opens the
    keywords, as it does after a blank line; any other inline title in wrapped text may be a
    sentence's words before a colon."""
    if not current.chars or current.last_char() not in ".!?":
        return None
    header = _header(line, rules)
    return header if header is not None and header[0] == "keywords" and header[1] >= 0 else None


def _keywords_run_on(
    current: _Section, lines: list[tuple[int, str]], i: int, wrapped: bool
) -> bool:
    """issue #10 (i44n): a keyword list wrapped onto the next line ("... pápulas" / "de
    Gottron."): the keywords go on while the next line opens in lower case."""
    if not wrapped or current.name != "keywords" or i >= len(lines):
        return False
    return lines[i][1].lstrip()[:1].islower()


def _value_hangs_on(
    current: _Section, lines: list[tuple[int, str]], i: int, value_column: int
) -> bool:
    """issue #10 (i53i): a form's field value wrapped onto the next line under its own first
    letter ("Past history   : Carcinoma of the cervix, treated" / "                 with
    chemoradiation in 2017"): the value goes on while the next line hangs at (or past) the
    value's column and the value has not ended its sentence, so a one-line section keeps it."""
    if value_column <= 0 or i >= len(lines) or not current.chars:
        return False
    line = lines[i][1]
    stripped = line.lstrip()
    return (
        bool(stripped)
        and len(line) - len(stripped) >= value_column
        and current.last_char() not in ".!?"
    )


_CASE_REPORT_OPENINGS = frozenset({"abstract", "introduction", "background", "keywords", "case"})


def _clinical_twins(rules: Rules) -> dict[str, str]:
    """issue #10 (i10ag): a title that opens a section about patients in general only when it
    stands alone ("Background" over a case report's introduction, rules/sections.yaml
    ``title_use: alone``) has a twin about the patient read after it inline ("Background: DM
    diagnosed 2024"). A clinic note's list under the title alone ("BACKGROUND" / "- Dermatomyositis
    diagnosed Feb 2024 ..." / "- Bladder cancer ...") is that twin too: a case report's
    introduction or discussion is prose, never a bulleted list. Section -> its twin."""
    sections = rules.sections.sections
    return {
        rules.section_titles[title]: twin
        for title, twin in rules.inline_titles.items()
        if sections[twin].patient
        and title in rules.section_titles
        and not sections[rules.section_titles[title]].patient
    }


# issue #10 (i10ak): the headings only a case report (an article) has. "Background" alone
# introduces the disease in an article; in a clinic document (a letter, a ward or nursing note,
# an assessment form) it heads the patient's own history, prose or list alike. The document is
# an article when it has a title line over its opening heading (_case_report_title) or any of
# these headings, alone or inline, in any language the section titles know.
_CASE_REPORT_SECTIONS = frozenset({"abstract", "case", "discussion", "keywords", "references"})


def _has_case_report_structure(
    lines: list[tuple[int, str]], rules: Rules, sections: frozenset[str] = _CASE_REPORT_SECTIONS
) -> bool:
    """Whether a line of the document opens a section only a case report has."""
    for _, line in lines:
        header = _header(line, rules)
        if header is not None and header[0] in sections:
            return True
    return False


# issue #10 (i10ar): "Discussion: ..." / "Conclusion: ..." / "Závěr: ..." written inline opens an
# article's general part only in an article (a title line, or an abstract, introduction, case,
# keywords or references heading); in a clinic note or a procedure report it is the clinician's
# word on this patient and what is to be done: read as its plan (a test named there is requested
# unless a result is stated, "For urgent CT chest/abdomen/pelvis (requested today)").
_ARTICLE_SECTIONS = frozenset({"abstract", "case", "keywords", "references", "introduction"})
_ARTICLE_ONLY = frozenset({"discussion", "conclusion"})


def _opens_list(lines: list[tuple[int, str]], i: int) -> bool:
    """Whether the first line with text from ``lines[i]`` on is a bullet of a list."""
    for _, line in lines[i:]:
        if line.strip():
            return _BULLET.match(line) is not None
    return False


# issue #10 (i10ag): a form's field row, its label and its answer joined by a dot leader
# ("proximal weakness, arms ...... 1", "Clinic date ...... 19-Nov-2026"): a row of its own,
# never the run-on of the line above, whatever its first letter
_FIELD_ROW = re.compile(r"\S(?:[ \t]*\.{4,}|[ \t]\.{3})[ \t]*\S")


def _is_field_row(line: str) -> bool:
    # (issue #10, i40t: every leader holds three dots; most lines have none, and the pattern
    # was tried at each of their characters)
    return "..." in line and _FIELD_ROW.search(line) is not None


# issue #10 (i29a): in a table whose rows join label and value by a dot leader, a label long
# enough to fill its column leaves one or two dots ("ankle dorsiflexion (foot lift) . 5 / 5"
# under "hip flexors ......... 2 / 3"): that row is a field row too, its dot no sentence's end
_SHORT_LEADER = re.compile(r"(?<=\S)[ \t]\.\.?[ \t]+(?=\d)")


def _short_leader(line: str, above: str) -> re.Match[str] | None:
    """The short leader of ``line`` when the row above is a dot-leader row, else None."""
    return _SHORT_LEADER.search(line) if _is_field_row(above) else None


def _field_rows(text: str) -> frozenset[int]:
    """Where the lines of ``text`` that are form field rows start."""
    rows = []
    above = ""
    for start, line in _lines(text):
        if _is_field_row(line) or _short_leader(line, above):
            rows.append(start)
        above = line
    return frozenset(rows)


# issue #10 (i54f): a field row's answer ends its line ("Difficulty swallowing ...... NO"):
# the next line, opening with a capital and no field row itself ("Family history: father -
# prostate cancer 2019"), is the form's next item, not the answer's run-on, in a soft-wrapped
# note too (before, its year dated the answer above). A row that ends on a comma, a hyphen, a
# slash or an ampersand goes on.
_ROW_GOES_ON = frozenset(",-/&(")


def _after_field_row(
    lines: list[tuple[int, str]], i: int, rows: frozenset[int], prev_char: str, stripped: str
) -> bool:
    """Whether line ``i - 1`` opens with a capital right under a field row that ends its
    answer (and is no field row itself, which the caller decides on)."""
    return (
        i >= 2
        and lines[i - 2][0] in rows
        and lines[i - 1][0] not in rows
        and stripped[:1].isupper()
        and prev_char not in _ROW_GOES_ON
    )


def _last_word(section: _Section) -> str:
    """The last word of what a section holds so far, lower-cased (the line just emitted)."""
    tail = "".join(section.chars[-24:])
    m = _LAST_WORD.search(tail)
    return m.group(0).casefold() if m else ""


_LAST_WORD = re.compile(r"[^\W\d_][\w']*$")
# a bracketed aside in lower case and, after it, the clause going on in lower case ("(heliotrope)
# has gone.", "(mechanic's hands) are still there"): a bracketed line that goes on otherwise
# ("(started Nov 5); ADD ...", "(ref 25-200)") is left as it was
_ASIDE_START = re.compile(r"\((?-i:[a-z])[^()\n]{0,60}\)[ \t]+(?-i:[a-z])")


def _is_wrapped(lines: list[tuple[int, str]], rows: frozenset[int] = frozenset()) -> bool:
    """Soft-wrapped text (PDF extraction): many lines run on into a lower-case next line (a
    form's field rows, ``rows``, do not count)."""
    pairs = runs = 0
    for (_, a), (b_start, b) in itertools.pairwise(lines):
        if a.strip() and b.strip() and b_start not in rows:
            pairs += 1
            if not a.rstrip().endswith(_TERMINAL) and b.lstrip()[:1].islower():
                runs += 1
    return pairs >= 4 and runs / pairs >= 0.2


_BOX = re.compile(r"\[\s?([xX✓✔*])?\s?\]")
_COLUMN = compile_rule(
    r"\b(yes|no|present|absent|not examined|not assessed|not known|unknown|n/a"
    # issue #10 (i52f): a grid's columns headed by the capital initials "Y   N" (a pre-operative
    # or co-morbidity checklist: "Diabetes .... [ ] [X]" under "Y   N" is a "no")
    r"|(?-i:Y|N))\b",
    re.IGNORECASE,
)
_COLUMN_INITIAL = {"y": "yes", "n": "no"}
_SAYS_NO = frozenset({"no", "absent"})
# issue #10 (i10ay): a ticked answer with the caller's words after it, set apart by two spaces,
# a quote, a bracket or a dash ('[ ] Yes  [x] No  "eating fine"', '[x] No (walks 2 km)')
_COMMENT_AFTER = re.compile(r"(?<=\S)(?:[ \t]{2,}|[ \t]*[\"“”'(]|[ \t]+[-–—][ \t])")
_SAYS_YES = frozenset({"yes", "present"})
# issue #10 (i11b): the next question of a form line, after a gap of two spaces or more: a label
# ending in ":" or "?" ("Dysphagia: [ ] Yes [x] No    Weight loss: [x] Yes [ ] No"); a box's
# answer ends there, so the "no" of one question never reads as the next one's
# (issue #10, i51f: or a label with no colon before its own box, "Raynaud's [x] Yes [ ] No
# Difficulty swallowing [ ] Yes [x] No": the next question starts at its words, not at its box,
# so that its words are not blanked with the empty box before them nor its ticked "no" read as
# this question's; never an answer's own word, "[ ]  Yes  [x] No")
_NEXT_FIELD = re.compile(
    r"[ \t]{2,}(?=[^\W\d][^\[\]:?\n]{0,40}[:?]"
    r"|(?!(?:yes|no|present|absent|unknown|n/a|not\s+known)\b)[^\W\d][^\[\]:?\n]{0,40}[ \t]\[)",
    re.IGNORECASE,
)
# a ticked "no" in the languages the forms are read in (German, French, Portuguese, Spanish,
# Italian, Polish, Czech/Slovak, Russian, Nordic, Finnish, Hungarian; verified U)
_TICKED_NO = _SAYS_NO | frozenset(
    {"nein", "non", "não", "nao", "nie", "ne", "нет", "nej", "nei", "ei", "nem"}
)


def _tick_boxes(text: str) -> str:
    """Tick boxes read as words, character for character (offsets are kept): in a grid under a
    "Yes / No / Not examined" header the ticked column says the status ("Gottron's papules
    [ ] [x] [ ]" reads "Gottron's papules absent"; a "not examined" row is blanked, nothing is
    stated); inline options keep only the ticked ones ("[ ] normal [x] abnormal" reads
    "abnormal"; a ticked "no" reads "absent")."""
    text = _glyph_boxes(text)  # issue #10: "☒ Heliotrope", "Myalgia ☐" first
    out = list(text)
    header: list[str] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        boxes = list(_BOX.finditer(line))
        end = len(line.rstrip("\r\n"))
        if len(boxes) == 1 and (
            not line[: boxes[0].start()].strip() or not line[boxes[0].end() : end].strip()
        ):
            # issue #10 (i10ag): a checklist's item, one box before or after its label ("[x]
            # Proximal weakness - arms", "[ ] Proximal weakness - legs", "Myalgia [ ]"): a
            # ticked box keeps the label, an empty one leaves the item unmarked (not stated,
            # never a "no")
            box = boxes[0]
            if box.group(1):
                out[pos + box.start() : pos + box.end()] = " " * (box.end() - box.start())
            else:
                out[pos : pos + end] = " " * end
            pos += len(line)
            continue
        if len(boxes) < 2:
            cols = [m.group(1).casefold() for m in _COLUMN.finditer(line)]
            cols = [_COLUMN_INITIAL.get(c, c) for c in cols]
            if not line.strip():
                header = None
            elif len(cols) >= 2 and not boxes:
                header = cols
            pos += len(line)
            continue
        ticked = [i for i, b in enumerate(boxes) if b.group(1)]
        a, b = boxes[0].start(), boxes[-1].end()
        between = line[a:b]
        if header and len(header) == len(boxes) and not _COLUMN.search(_BOX.sub("", between)):
            if len(ticked) == 1 and header[ticked[0]] in _SAYS_YES | _SAYS_NO:
                word = " absent" if header[ticked[0]] in _SAYS_NO else ""
                span = word.ljust(b - a)[: b - a]
                out[pos + a : pos + b] = span
            else:  # not examined / unknown / no single tick: the row states nothing
                end = len(line.rstrip("\r\n"))
                out[pos : pos + end] = " " * end
            pos += len(line)
            continue
        end = len(line.rstrip("\r\n"))
        for i, box in enumerate(boxes):
            stop = boxes[i + 1].start() if i + 1 < len(boxes) else end
            # (its lookahead sees the next box's bracket, i51f)
            field = _NEXT_FIELD.search(line, box.end(), min(stop + 1, end))
            if field:  # the answer ends before the next question, a clause mark between them
                stop = field.start()
                out[pos + stop] = ";"
            if i + 1 == len(boxes) and box.group(1):  # issue #10 (i10ay): the ticked answer,
                # then a comment after it ('[x] No  "eating fine"'); after an empty box the
                # rest of the line goes with it, as before ("[ ] Cyclophosphamide (previous:
                # none)" states nothing)
                comment = _COMMENT_AFTER.search(line, box.end(), stop)
                stop = comment.start() if comment else stop
            label = line[box.end() : stop]
            if not box.group(1):
                out[pos + box.start() : pos + stop] = " " * (stop - box.start())
            elif label.strip().casefold() in _TICKED_NO and stop - box.start() >= len("absent"):
                width = stop - box.start()
                out[pos + box.start() : pos + stop] = "absent".ljust(width)
            else:
                out[pos + box.start() : pos + box.end()] = " " * (box.end() - box.start())
        pos += len(line)
    result = "".join(out)
    assert len(result) == len(text)
    return result


# A form field with a dot leader and a coded answer: "C7 Proximal weakness ........ Y",
# "Shawl / V sign ..... Y / ND" (Y/N = yes/no, ND = not done or not documented, U = unknown,
# NA = not applicable). Only a leader of three or more dots marks a form field.
_LEADER = compile_rule(
    r"(?P<leader>[ \t]*\.{3,}[ \t]*)(?P<answer>(?:(?:Y|N|ND|U|NA|N/A|Yes|No|YES|NO"
    # issue #10 (i10ag): yes and no in the forms' other languages (Danish/Norwegian/Swedish,
    # German, Spanish, Portuguese, French, Italian); verified U
    r"|Ja|JA|Nej|NEJ|Nei|NEI|Nein|NEIN|Sí|SÍ|Si|SI|Sim|SIM|Não|NÃO|Oui|OUI|Non|NON)"
    r"(?:[ \t]*/[ \t]*)?)+)(?=[ \t]|$)",
    0,
)
# a value: a number or a date (issue #10, i51p: also a date written month first, a capitalised
# word and then its day, "Date of birth ....... March 3, 1968": the label's date, not the note's)
_ANY_LEADER = compile_rule(r"(?<=\S)[ \t]*\.{3,}[ \t]*(?=\d|[A-Z][a-z]{2,8}\.?[ \t]+\d)", 0)
_CODE_YES = frozenset({"y", "yes", "ja", "sí", "si", "sim", "oui"})
_CODE_NO = frozenset({"n", "no", "nej", "nei", "nein", "não", "non"})


# A coded choice: "Sex [1 = male, 2 = female]: 1" (after a dot leader, read as ":")
# (issue #10, i10af: the options in round brackets too, "Sex (1 = male, 2 = female, 9 = not
# stated) ... 2")
_CHOICES = re.compile(
    r"[\[(](?P<opts>\s*\w{1,3}\s*=\s*[^\])=,\n]+(?:,\s*\w{1,3}\s*=\s*[^\])=,\n]+)+)[\])]"
    r"(?P<sep>[ \t]*(?::|\.{3,})[ \t]*)(?P<ans>\w{1,3})\b"
)
_OPTION = re.compile(r"(?P<code>\w{1,3})\s*=\s*(?P<word>[^,]+?)\s*(?=,|$)")


def _coded_choices(text: str) -> str:
    """A coded choice keeps only the chosen option's words, character for character: "Sex [1 =
    male, 2 = female]: 1" reads "Sex :    male" (an answer that names no option blanks the
    field)."""
    out = list(text)
    for m in _CHOICES.finditer(text):
        opts_at = m.start("opts")
        keep: tuple[int, int] | None = None
        for o in _OPTION.finditer(m.group("opts")):
            if o.group("code").casefold() == m.group("ans").casefold():
                keep = (opts_at + o.start("word"), opts_at + o.end("word"))
        for i in range(m.start(), m.end()):
            if keep is None or not keep[0] <= i < keep[1]:
                out[i] = " "
        if keep is not None:
            out[m.start()] = ":"  # the label's value: "Sex :    male"
    result = "".join(out)
    assert len(result) == len(text)
    return result


# issue #10 (i10ag): a form's key to numeric answers, given once in the heading of a block of
# fields ("3.5 Clinical features ever (0 = no, 1 = yes, 8 = unknown)" over "proximal weakness,
# arms ...... 1", "heliotrope rash ...... 0"), as registry, biobank and trial phenotype sheets
# code them. The words of the key in the languages the extractor reads (English, Spanish,
# Portuguese, Italian, French, German, Nordic); verification U.
_NUMERIC_KEY = re.compile(
    r"[(\[](?P<opts>\s*\d{1,2}\s*=\s*[^()\[\]=,;\n]+(?:[,;]\s*\d{1,2}\s*=\s*[^()\[\]=,;\n]+)+)[)\]]"
)
_NUMERIC_OPTION = re.compile(r"(?P<code>\d{1,2})\s*=\s*(?P<word>[^,;]+?)\s*(?=[,;]|$)")
_KEY_YES = frozenset(
    {"yes", "present", "sí", "si", "sim", "oui", "ja", "jo", "yes/present", "positive", "affected"}
)
_KEY_NO = frozenset({"no", "absent", "não", "nao", "non", "nein", "nej", "nei", "negative"})
_KEY_UNKNOWN = re.compile(
    r"^(?:unknown|not known|not stated|not recorded|not assessed|not done|n/?a|missing|unclear"
    r"|desconocido|no consta|desconhecido|sconosciuto|inconnu|unbekannt|ukendt|ukjent|okänd)$",
    re.IGNORECASE,
)
_CODED_ROW = re.compile(r"(?<=\S)(?P<leader>[ \t]*(?:\.{3,}|:)[ \t]*)(?P<code>\d{1,2})(?=[ \t]|$)")


def _numeric_keys(text: str) -> str:
    """The rows under a numeric key read as the Y / N / U answers :func:`_coded_fields` reads,
    character for character: "proximal weakness, arms ...... 1" under "(0 = no, 1 = yes, 8 =
    unknown)" reads "...... Y". The key governs the lines indented deeper than its own line, up
    to the first line that is not; a key on a field's own line before its answer ("Sex (1 =
    male, 2 = female) ... 2") is a choice, not a key (see :func:`_coded_choices`)."""
    out = list(text)
    lines = _lines(text)
    k = 0
    while k < len(lines):
        _, line = lines[k]
        k += 1
        key = _NUMERIC_KEY.search(line)
        if key is None or _CODED_ROW.search(line, key.end()) is not None:
            continue
        codes: dict[str, str] = {}
        for o in _NUMERIC_OPTION.finditer(key.group("opts")):
            word = o.group("word").strip().casefold()
            if word in _KEY_YES:
                codes[o.group("code")] = "Y"
            elif word in _KEY_NO:
                codes[o.group("code")] = "N"
            elif _KEY_UNKNOWN.match(word):
                codes[o.group("code")] = "U"
        if "Y" not in codes.values() or "N" not in codes.values():
            continue  # not a yes/no key ("1 = mild, 2 = moderate")
        indent = len(line) - len(line.lstrip())
        while k < len(lines):
            row_start, row = lines[k]
            if not row.strip() or len(row) - len(row.lstrip()) <= indent:
                break
            k += 1
            m = _CODED_ROW.search(row)
            if m is None or m.group("code") not in codes:
                continue
            answer = codes[m.group("code")]
            a = row_start + m.start("code")
            out[a : a + len(m.group("code"))] = answer.ljust(len(m.group("code")))
            if m.group("leader").strip() == ":":  # "label: 1" reads as a dot-leader field
                b = row_start + m.start("leader")
                out[b : b + len(m.group("leader"))] = " ...".ljust(len(m.group("leader")), " ")
    result = "".join(out)
    assert len(result) == len(text)
    return result


def _coded_fields(text: str) -> str:
    """Form fields answered with codes read as words, character for character (offsets are
    kept): "Heliotrope rash ..... Y" keeps the label (it is stated), "..... N" reads "absent"
    after the label, "ND"/"U"/"NA" blank the field (nothing is stated). A label of parts joined
    by "/" with as many answers ("Shawl / V sign ... Y / ND") gets one answer per part."""
    out = list(text)
    pos = 0
    above = ""  # (i29a) the line before, for _short_leader
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = _LEADER.search(body)
        above, before = body, above
        if m is None:
            other = _ANY_LEADER.search(body) or _short_leader(body, before)
            if other is not None:  # "CK (U/L) ....... 1210": a label and its value
                a, b = pos + other.start(), pos + other.end()
                out[a:b] = ":".ljust(b - a)
            pos += len(line)
            continue
        answers = [a.strip().casefold() for a in m.group("answer").split("/") if a.strip()]
        label_start = len(body) - len(body.lstrip())
        label = body[label_start : m.start()]
        parts = label.split("/")
        if len(answers) > 1 and len(parts) == len(answers):
            offset = label_start
            for part, answer in zip(parts, answers, strict=True):
                if answer not in _CODE_YES:  # a part not answered yes is left unstated
                    a, b = pos + offset, pos + offset + len(part)
                    out[a:b] = " " * (b - a)
                offset += len(part) + 1
            a, b = pos + m.start(), pos + m.end()
            out[a:b] = " " * (b - a)
        elif len(set(answers)) == 1 and answers[0] in _CODE_YES:
            a, b = pos + m.start(), pos + m.end()
            out[a:b] = " " * (b - a)
        elif len(set(answers)) == 1 and answers[0] in _CODE_NO and m.end() - m.start() >= 7:
            a, b = pos + m.start(), pos + m.end()
            out[a:b] = " absent".ljust(b - a)
        else:  # not done, unknown, not applicable, or answers that do not pair: nothing stated
            a, b = pos, pos + m.end()
            out[a:b] = " " * (b - a)
        pos += len(line)
    result = "".join(out)
    assert len(result) == len(text)
    return result


# Tick-box glyphs of forms typed or exported as text (issue #10, i10h). A tick or a crossed box
# marks the item; an empty box leaves it unmarked; a cross on its own is ambiguous (a mark in
# some forms, a "no" beside ticks in others) and is read by the form's key, else by whether the
# form also uses ticks.
_GLYPH_TICKED = frozenset("☒☑✓✔⊠■")
_GLYPH_EMPTY = frozenset("☐□")
_GLYPH_CROSS = frozenset("✗✘")
_GLYPHS = _GLYPH_TICKED | _GLYPH_EMPTY | _GLYPH_CROSS
# "Key: ☒ = present / positive   ☐ = absent / negative": each glyph and what it means
_GLYPH_CLASS = "[" + "".join(sorted(_GLYPHS)) + "]"
_GLYPH = re.compile(_GLYPH_CLASS)
_KEY_ENTRY = re.compile(
    f"({_GLYPH_CLASS})" + r"\s*[=:]\s*([^=\n]*?)(?=\s*" + _GLYPH_CLASS + r"\s*[=:]|$)"
)
_KEY_LINE = re.compile(
    r"^\s*(?:key|legend|tick|mark)\b|^\s*" + _GLYPH_CLASS + r"\s*[=:]", re.IGNORECASE
)
_MEANS_NO = re.compile(r"\b(?:absent|negative|no|not present|none)\b", re.I)
_MEANS_YES = re.compile(r"\b(?:present|positive|yes|done)\b", re.I)
# a line that may take a ";" in its indentation: words, not a numbered or capitalised title
_GLYPH_LINE_AFTER = re.compile(r"^[ \t]+(?![\d(]|[A-Z][A-Z /&-]+:?\s*$)\S")
_OPTION_END = re.compile(r"(?<=\S)\s{2,}")
_CELL_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")


def _glyph_meanings(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """What each glyph means ("mark", "mark+" for a mark the key calls positive, "no" or
    "unstated") and the spans of the form's key lines.
    A key gives the meaning; without one a tick or filled box is a mark, an empty box leaves
    the item unstated (not a "no") and a cross is a "no" only beside ticks."""
    meaning = {g: "mark" for g in _GLYPH_TICKED}
    meaning.update({g: "unstated" for g in _GLYPH_EMPTY})
    uses_ticks = any(g in text for g in "✓✔")
    meaning.update({g: ("no" if uses_ticks else "mark") for g in _GLYPH_CROSS})
    keys: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _KEY_LINE.search(body):
            entries = list(_KEY_ENTRY.finditer(body))
            if entries:
                keys.append((pos, pos + len(body)))
            for e in entries:
                words = e.group(2)
                first = re.split(r"[/,;]| or ", words, maxsplit=1)[0]
                if _MEANS_NO.search(first):
                    meaning[e.group(1)] = "no"
                elif _MEANS_YES.search(first):
                    # "☒ = present / positive": a ticked test in a panel is a positive result
                    positive = re.search(r"\bpositive\b", words, re.I) is not None
                    meaning[e.group(1)] = "mark+" if positive else "mark"
        pos += len(line)
    return meaning, keys


def _glyph_boxes(text: str) -> str:
    """Tick-box glyphs read as words, character for character (offsets are kept).

    A line of choices after a field label ("Sex: ☒ M  ☐ F", "Rapidly progressive? ☒ yes  ☐
    no") keeps the ticked choices only. Elsewhere each cell of a checklist ("☒ Heliotrope",
    "Myalgia ☐", "Ro52 ☒ (++)") keeps a marked item as stated and its glyph is blanked; an item
    whose glyph means "no" by the form's key ("☐ = absent / negative") or beside ticks ("✗")
    reads "no <item>;"; an empty box with no key says nothing, so the item is blanked (an
    unticked box is not a "no" unless the form says so). The key line itself is blanked."""
    if _GLYPH.search(text) is None:
        return text
    meaning, keys = _glyph_meanings(text)
    out = list(text)
    for a, b in keys:
        out[a:b] = " " * (b - a)
    pos = 0
    open_no = False  # the line before ended on a "no <item>" with no room for a stop after it
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if open_no and body[:1] in (" ", "\t") and _GLYPH_LINE_AFTER.match(body):
            out[pos] = ";"  # its indentation ends the "no" before this line's words
        glyphs = list(_GLYPH.finditer(body))
        open_no = False
        if glyphs and not any(a <= pos < b for a, b in keys):
            open_no = _glyph_line(out, pos, body, glyphs, meaning)
        pos += len(line)
    result = "".join(out)
    assert len(result) == len(text)
    return result


def _glyph_line(
    out: list[str], pos: int, body: str, glyphs: list[re.Match[str]], meaning: dict[str, str]
) -> bool:
    """Rewrite one line of glyphs; whether it ends on a "no <item>" without a stop."""
    prefix = body[: glyphs[0].start()].rstrip()
    if prefix.endswith((":", "?")) or (prefix and ":" in prefix and glyphs[0].start() > 0):
        # choices of one field: keep the ticked ones; a ticked "no" reads "absent"
        for i, g in enumerate(glyphs):
            stop = glyphs[i + 1].start() if i + 1 < len(glyphs) else len(body)
            field = _NEXT_FIELD.search(body, g.end(), stop)  # i11b: the next question
            gap = _OPTION_END.search(body, g.end(), stop)  # "☐ F     DOB: ...": F ends
            stop = gap.start() if gap is not None else stop
            if field is not None and field.start() <= stop:
                stop = field.start()
                out[pos + stop] = ";"
            label = body[g.end() : stop]
            if meaning[g.group()] in ("mark", "mark+"):
                if label.strip().casefold() in _TICKED_NO and stop - g.start() >= len("absent"):
                    out[pos + g.start() : pos + stop] = "absent".ljust(stop - g.start())
                else:
                    out[pos + g.start()] = " "
            else:
                out[pos + g.start() : pos + stop] = " " * (stop - g.start())
        return False
    cells = [c for c in _CELL_GAP.finditer(body)]
    items: list[tuple[int, int, re.Match[str]]] = []  # (start, end, glyph) per checklist item
    for cell in cells:
        inside = [g for g in glyphs if cell.start() <= g.start() < cell.end()]
        if len(inside) == 1:
            items.append((cell.start(), cell.end(), inside[0]))
        elif len(inside) > 1:  # "Jo1 ☐ PL7 ☐": items one space apart
            before = body[cell.start() : inside[0].start()].strip() != ""
            for k, g in enumerate(inside):
                if before:
                    a = inside[k - 1].end() if k else cell.start()
                    b = g.end()
                else:
                    a = g.start()
                    b = inside[k + 1].start() if k + 1 < len(inside) else cell.end()
                items.append((a, b, g))
    previous_end = 0
    open_no = False
    for n, (a, b, g) in enumerate(items):
        mark = meaning[g.group()]
        if mark in ("mark", "mark+"):
            # "Ro52 ☒" under a key "☒ = positive": the tick after the name reads "+"
            after_name = mark == "mark+" and body[a : g.start()].strip() != ""
            out[pos + g.start()] = "+" if after_name and body[g.start() - 1] == " " else " "
        else:
            label = (body[a : g.start()] + body[g.end() : b]).strip()
            label = re.sub(r"\s+", " ", label)
            # the item may spread left over the blank before it (up to the item before)
            lo = previous_end
            span = b - lo
            # a ";" keeps the "no" off a marked item after it on the line
            ender = ";" if any(meaning[h.group()] != "no" for _, _, h in items[n + 1 :]) else ""
            words = f"No {label}{ender}" if mark == "no" and label else ""
            if len(words) + (1 if lo else 0) > span:
                words = ""  # no room to say it: the item is left unstated
            out[pos + lo : pos + b] = words.rjust(span)
            open_no = bool(words) and not words.endswith(";")
        previous_end = b
    return open_no and not body[previous_end:].strip()


_DATE_IN_LABEL = compile_rule(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:19|20)\d\d-\d\d-\d\d\b", 0)
# a short dated title over a table, not a sentence: "Labs 11/17/2026 05:12", "Myositis Antibody
# Panel (collected 11/14/2026, resulted 11/16/2026)"
_TABLE_TITLE = re.compile(r"^[A-Z][^.!?;]{0,80}(?<![.!?;,])$")

# A turn of a chat thread or messaging export: a time stamp, the writer, a colon ("[09:14] Aisha
# K (Derm StR): morning!", "10:02 - Dr Lee: CK back").
_CHAT_TURN = re.compile(
    r"^\s*\[?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\]?\s*[-–]?\s*"
    r"[A-Z][^:\n]{0,50}:\s",
    re.IGNORECASE,
)


def _is_chat_thread(lines: list[tuple[int, str]]) -> bool:
    """A messaging thread: two or more lines open a turn with a time stamp and a writer."""
    return sum(1 for _, line in lines if _CHAT_TURN.match(line)) >= 2


_LOWER_AFTER_STOP = re.compile(r"(?<=[\w)][.!?] )[a-z]")


def _chat_sentence_starts(chars: list[str]) -> None:
    """In a chat thread sentences are often written in lower case ("ENA neg. blot sent ..."):
    a lower-case word after a full stop starts a sentence there, so its letter is raised to a
    capital (one character for one: offsets are kept)."""
    text = "".join(chars)
    for m in _LOWER_AFTER_STOP.finditer(text):
        chars[m.start()] = chars[m.start()].upper()


# issue #10 (i10ba): a form's question answered on its own line ("B2 New cancer diagnosis?
# [x] Yes (see B1)   Site: bladder", "Swallowing difficulty?  [ ] Yes  [x] No", after the
# boxes are read: "... diagnosis?     Yes ...", "... difficulty?        absent"). The question
# mark ends the field's label, as a colon would, not a sentence whose question leaves the
# answer in the next one: read as ":" (one character for one). The answers in the languages
# of _LEADER; verified U.
_ANSWERED_QUESTION = re.compile(
    r"(?<=\w)\?(?=[ \t]+(?:\[\s?[xX✓✔*]\s?\][ \t]*)?"
    r"(?:yes|no|absent|present|ja|nein|nej|nei|sí|si|sim|não|oui|non)\b)",
    re.IGNORECASE,
)


# --- issue #10 (i11b): a yes/no column table laid out with spaces, begin. A review of systems
# or a screening form typed or exported as text puts its answers as a mark (x, X, ✓, ✔, *) under
# a "Y  N" / "Yes  No" / "Ja  Nein" / "Oui  Non" / "Sí  No" / "Sim  Não" / "Tak  Nie" / "Да  Нет"
# header; the mark's column is the answer. A row marked under the "no" column reads "<item>
# absent", under the "yes" column "<item>", and a row with no mark under a column states nothing
# (blanked: an unanswered row is not assessed, never a "no"). Written from the layout of such
# forms (verified U); the header's words are the yes/no of the languages the forms are read in.
_YES_COLUMN = frozenset({"y", "yes", "ja", "oui", "sí", "si", "sim", "tak", "да", "j", "o", "s"})
_NO_COLUMN = frozenset({"n", "no", "nein", "non", "não", "nao", "nie", "нет"})
_COLUMN_WORDS = _YES_COLUMN | _NO_COLUMN
_TOKEN = re.compile(r"\S+")


def _column_header(line: str) -> int | None:
    """Where a yes/no column header's columns start on ``line``, or None: the line ends in two
    or more column words, alone on the line or after a label that starts with a letter and is
    set off from them by two or more spaces or tabs (the earliest such start wins). Read token
    by token: a regular expression of nested repeats here backtracked without end on long lines
    of short words (found by the note fuzzer)."""
    # (issue #10, i40t: the last two words first, without a pattern: most lines end in no
    # column word, and every line of a note was split into its words here)
    last = line.split()[-2:]
    if len(last) < 2 or not all(word.casefold() in _COLUMN_WORDS for word in last):
        return None
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(line)]
    run = len(tokens)
    while run > 0 and tokens[run - 1][1].casefold() in _COLUMN_WORDS:
        run -= 1
    for i in range(run, len(tokens) - 1):
        start = tokens[i][0]
        if i == 0:
            return start
        gap = line[tokens[i - 1][0] + len(tokens[i - 1][1]) : start]
        first = tokens[0][1][0]
        if len(gap) >= 2 and first.isalpha() and "\n" not in gap:
            return start
    return None


_COLUMN_MARK = re.compile(r"(?<=\s)[xX✓✔*](?=\s|$)")
_ROW_CHARS = 60  # a table row is a short line: a symptom's name and its mark


def _mark_columns(text: str) -> str:
    """Marks under a yes/no column header read as words, character for character. Only the
    rows right under the header count (short lines, up to a blank line or a line of prose), and
    only when one of them has a mark under a column."""
    lines = _lines(text)
    heads = [_column_header(body) for _, body in lines]
    if all(head is None for head in heads):
        return text
    out = list(text)
    k = 0
    while k < len(lines):
        head = heads[k]
        line = lines[k][1]
        k += 1
        if head is None:
            continue
        cols = [(m.start() + head, m.end() + head, m.group()) for m in _TOKEN.finditer(line[head:])]
        if len(cols) != 2:
            continue
        says = [w.casefold() in _YES_COLUMN for _, _, w in cols]
        if not (any(says) and any(w.casefold() in _NO_COLUMN for _, _, w in cols)):
            continue
        rows: list[tuple[int, str, re.Match[str] | None, bool]] = []
        while k < len(lines):
            pos, body = lines[k]
            body = body.rstrip("\r\n")
            if not body.strip() or len(body.strip()) > _ROW_CHARS or body.rstrip().endswith("."):
                break
            marks = [m for m in _COLUMN_MARK.finditer(body) if m.start() >= cols[0][0] - 3]
            under = [
                (m, yes)
                for m in marks
                for (a, b, _), yes in zip(cols, says, strict=True)
                if a - 2 <= m.start() < b + 2
            ]
            if len(marks) == 1 and len(under) == 1:
                rows.append((pos, body, under[0][0], under[0][1]))
            elif marks:
                break  # a mark outside the columns: not this table's row
            else:
                rows.append((pos, body, None, False))
            k += 1
        if not any(mark is not None for _, _, mark, _ in rows):
            continue
        for pos, body, mark, yes in rows:
            label_end = len(body[: mark.start()].rstrip()) if mark is not None else 0
            if mark is None or (not yes and mark.end() - label_end < len(" absent")):
                out[pos : pos + len(body)] = " " * len(body)  # unanswered: states nothing
            elif yes:
                out[pos + mark.start()] = " "
            else:
                width = mark.end() - label_end
                out[pos + label_end : pos + mark.end()] = " absent".ljust(width)
    result = "".join(out)
    assert len(result) == len(text)
    return result


# --- issue #10 (i11b): end


# --- issue #10 (i29s): a strength grid with a mark under the grade, begin. A clinic's or a
# physiotherapist's chart writes the MRC scale as a header of its grades ("0  1  2  3  4  5")
# and marks each muscle's row under its grade ("Deltoid  R  .  .  .  .  X  ."; empty cells as
# dots or dashes). The mark's column is the grade: each row's cells are rewritten as that grade
# at the mark, character for character, so the grade grammar reads "Deltoid  R  4"; the header
# is blanked (its numbers are the scale, no muscle's grade). Only where every cell of the row
# stands under a column of the header and one of them is marked; the rows end at the first line
# that is not such a row (a row of cells with no mark is left blank: not graded). A row labelled
# with a side alone ("   L   .  .  X") is the other side of the muscle above it: joined to its
# line. Spaces only (a tab's column is the reader's). Written from the layout of such charts
# (verified U).
_GRID_HEADER = re.compile(r"(?m)^[ \t]*+(?:[0-5][+-]?[ \t]++){4,}[0-5][+-]?[ \t]*+\r?$")
_GRID_STEP = {"+": 0.3, "-": -0.3}
_GRID_SIDE_ROW = re.compile(r"[ \t]*+(?i:r|l|rt|lt|right|left)[ \t]*+")
_GRID_EMPTY = frozenset(".-–·_")
_GRID_MARKS = frozenset("xX✓✔×●•*")


def _grid_cells(body: str, cols: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """(first cell's start, last cell's end, the marked column) of a grid row, or None."""
    cells = [m for m in _TOKEN.finditer(body) if m.start() >= cols[0][0] - 1]
    if len(cells) != len(cols) or "\t" in body:
        return None
    marked = []
    for k, (m, (at, _)) in enumerate(zip(cells, cols, strict=True)):
        if len(m.group()) != 1 or abs(m.start() - at) > 1:
            return None
        if m.group() in _GRID_MARKS:
            marked.append(k)
        elif m.group() not in _GRID_EMPTY:
            return None
    if len(marked) > 1 or not body[: cells[0].start()].strip():
        return None
    return cells[0].start(), cells[-1].end(), marked[0] if marked else -1


def _grade_grid(text: str) -> str:
    if _GRID_HEADER.search(text) is None:
        return text
    out: list[str] | None = None
    lines = _lines(text)
    for k, (pos, body) in enumerate(lines):
        if _GRID_HEADER.fullmatch(body) is None or "\t" in body:
            continue
        cols = [(m.start(), m.group()) for m in _TOKEN.finditer(body)]
        grades = [int(g[0]) + _GRID_STEP.get(g[1:], 0.0) for _, g in cols]
        if any(a >= b for a, b in itertools.pairwise(grades)):
            continue  # the scale's grades in order, or no scale
        rows = []
        for row_pos, row in lines[k + 1 :]:
            cells = _grid_cells(row.rstrip("\r"), cols)
            if cells is None:
                break
            rows.append((row_pos, cells))
        if not any(mark >= 0 for _, (_, _, mark) in rows):
            continue
        out = list(text) if out is None else out
        out[pos : pos + len(body)] = " " * len(body)
        for n, (row_pos, (a, b, mark)) in enumerate(rows):
            out[row_pos + a : row_pos + b] = " " * (b - a)
            if n and _GRID_SIDE_ROW.fullmatch(text, row_pos, row_pos + a):
                out[row_pos - 1] = " "  # "   L  . . X": the row above's muscle, its other side
            if mark >= 0:
                at, grade = cols[mark]
                at = max(at, a)
                out[row_pos + at : row_pos + at + len(grade)] = grade
    if out is None:
        return text
    result = "".join(out)
    assert len(result) == len(text)
    return result


# --- issue #10 (i29s): end


def _answered_questions(text: str) -> str:
    """A question mark before its answer on the same line read as a field's colon."""
    return _ANSWERED_QUESTION.sub(":", text)


# issue #10 (i35e): a fraction typeset with the FRACTION SLASH (U+2044), its numerator in
# superscript and its denominator in subscript digits, as a word processor's fraction feature or
# a record's rich text writes it ("deltoids ⁴⁄₅", "hip flexion ³⁄₅"), or between plain digits
# ("4⁄5"): read as "4/5", one character for one, so every grade and number rule reads it as the
# typed fraction (Unicode 15, chapter 6.2, the fraction slash's use). Lone superscripts keep their
# meaning ("10¹²/L"): only the three parts together are a fraction.
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
_SLASHED_FRACTION = re.compile(
    "(?:[" + _SUPERSCRIPT_DIGITS + r"]+|\d+)\u2044(?:[" + _SUBSCRIPT_DIGITS + r"]+|\d+)"
)
_FRACTION_DIGITS = str.maketrans(
    {
        **{ch: str(n) for n, ch in enumerate(_SUPERSCRIPT_DIGITS)},
        **{ch: str(n) for n, ch in enumerate(_SUBSCRIPT_DIGITS)},
        "\u2044": "/",
    }
)


def _slashed_fractions(text: str) -> str:
    """``text`` with each fraction written with the fraction slash as digits and "/"."""
    if "\u2044" not in text:
        return text
    return _SLASHED_FRACTION.sub(lambda m: m.group().translate(_FRACTION_DIGITS), text)


# issue #10 (i37n): a grade's sign typed as a superscript ("4⁻/5 B", "4⁺"), as a record's rich
# text writes it, and an ordinal's ending raised after its day ("17ᵗʰ November", "2ⁿᵈ", "21ˢᵗ",
# "3ʳᵈ": the modifier letters a word processor's superscript gives): read as the plain "-",
# "+" and letters, one character for one. A sign not before a superscript digit, where it is an
# exponent's ("10⁻³"); the ending only right after a digit.
_SUPERSCRIPT_PLAIN = {
    "\u207a": "+",
    "\u207b": "-",
    "\u1d57": "t",
    "\u02b0": "h",
    "\u207f": "n",
    "\u1d48": "d",
    "\u02e2": "s",
    "\u02b3": "r",
}
_SUPERSCRIPT_SIGN = re.compile(
    "[\u207a\u207b](?![" + _SUPERSCRIPT_DIGITS + "])"
    "|(?<=\\d)(?:\u1d57\u02b0|\u207f\u1d48|\u02e2\u1d57|\u02b3\u1d48)(?!\\w)"
)


def _superscript_signs(text: str) -> str:
    """``text`` with each superscript sign that is no exponent's and each raised ordinal
    ending as its plain characters."""
    if not any(ch in text for ch in _SUPERSCRIPT_PLAIN):
        return text
    return _SUPERSCRIPT_SIGN.sub(
        lambda m: "".join(_SUPERSCRIPT_PLAIN[ch] for ch in m.group()), text
    )


# issue #10 (i54l): a list whose items a form separates with a full stop typed between spaces
# ("Jo-1 . PL-7 . PL-12 . EJ", as a middle dot or a bullet would): two or more stops with a
# space on each side on one line between words are the list's separators, not sentence ends,
# and are read as commas, one character for one (a dot leader, "Diagnosis date . 28-May-2025",
# is one stop on its line and stays; so do leaders of several stops, "Onset ....... 2025")
_SPACED_LIST_DOT = re.compile(r"(?<=[^\s.])[ \t]+\.(?=[ \t]+[^\s.])")


def _spaced_list_dots(text: str) -> str:
    """``text`` with the spaced stops that separate the items of a list on one line as commas."""
    if " . " not in text:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        dots = [m.end() - 1 for m in _SPACED_LIST_DOT.finditer(line)]
        if len(dots) >= 2:
            chars = list(line)
            for at in dots:
                chars[at] = ","
            lines[n] = "".join(chars)
    return "\n".join(lines)


def normalise(original: str, rules: Rules, layout_of: str | None = None) -> NormalisedText:
    """``layout_of``: the text whose lines decide whether the note is soft-wrapped, when
    ``original`` is a written form of it that keeps most of its lines (issue #10, i10q)."""
    original = _slashed_fractions(original)  # issue #10 (i35e): "⁴⁄₅" as "4/5"
    original = _superscript_signs(original)  # issue #10 (i37n): "4⁻/5" as "4-/5"
    original = _spaced_list_dots(original)  # issue #10 (i54l): "Jo-1 . PL-7 . EJ" a list
    rows = _field_rows(original)
    original = _coded_choices(
        _coded_fields(
            _numeric_keys(_answered_questions(_mark_columns(_tick_boxes(_grade_grid(original)))))
        )
    )
    lines = _split_abstract_lines(_lines(original), rules)
    wrapped = _is_wrapped(
        lines if layout_of is None else _split_abstract_lines(_lines(layout_of), rules),
        rows if layout_of is None else _field_rows(layout_of),
    )
    rejoin = _rejoins_broken_words(original)
    sec_rules = rules.sections.sections
    twins = _clinical_twins(rules)
    sections: list[_Section] = []
    chat = _is_chat_thread(lines)  # issue #10: a messaging thread
    dated_label: int | None = None  # the indentation of a dated label line ending in ":"

    # issue #10 (i31c): a report of several numbered cases is read for its first patient (the
    # convention of the gold): a later case's heading ("Case 2" after "Case 1", "案例#2",
    # "Caso 3") ends the patient's text, and no section after it is about the patient
    first_case: int | None = None  # the number of the first numbered case
    later_case = False

    def open_section(name: str) -> _Section:
        rule = sec_rules.get(name)
        sec = _Section(
            name=name,
            patient=(rule.patient if rule else True) and not later_case,
            status=rule.status if rule else None,
            rejoin=rejoin,
        )
        sections.append(sec)
        return sec

    current = open_section("body")
    title_end = _case_report_title(lines, rules)
    is_case_report: bool | None = None  # decided when a title with a twin stands alone
    is_article: bool | None = None  # decided at an inline "Discussion: ..." (i10ar)
    if title_end:
        current = open_section("title")
    resume: str | None = None  # the section a one-line section (a staff line) hands back to
    value_column = -1  # where an inline section's value began on its title's line
    paragraph_ends: str | None = None  # the section a one-paragraph section hands back to
    interrupted: _Section | None = None
    in_caption = False
    after_break = True  # at the start of a paragraph
    run_in_introduction = False  # the current section was opened by "Introduction: ..."
    i = 0
    while i < len(lines):
        start, line = lines[i]
        stripped = line.strip()
        i += 1
        if not stripped:
            dated_label = None
            in_caption = False
            after_break = True
            current.separator("\n\n", start)
            if title_end and start >= title_end and current.name == "title":
                current = open_section("body")
            elif paragraph_ends is not None and current.chars:
                current = open_section(paragraph_ends)  # the past-history list is over
                paragraph_ends = None
            continue
        if in_caption:
            if stripped.endswith("."):
                in_caption = False
            continue
        if (caption := _CAPTION.match(line)) is not None:
            # issue #10 (i19a): a table's title ("Table 1. Laboratory findings on admission") is
            # one line and the table's rows follow it: only a figure's caption runs on
            in_caption = not stripped.endswith(".") and not _TABLE_CAPTION.match(caption.group())
            after_break = True
            continue
        header = (
            _header(line, rules) if after_break or not wrapped else _wrapped_title(lines, i, rules)
        )
        if header is None and not after_break and wrapped:
            header = _wrapped_keywords(line, current, rules)
        if (
            header is None
            and run_in_introduction
            and (after_break or not wrapped)
            and (label := _RUN_IN_LABEL.match(line)) is not None
        ):
            header = ("case", label.end())  # issue #10 (i37r): the abstract's next part
        if header is not None:
            name, inline_at = header
            value_column = -1
            run_in_introduction = name == "introduction" and inline_at >= 0
            if inline_at < 0 and name in twins:
                if is_case_report is None:
                    is_case_report = bool(title_end) or _has_case_report_structure(lines, rules)
                if _opens_list(lines, i) or not is_case_report:
                    # issue #10 (i10ag): a clinic note's list under "BACKGROUND"; (i10ak) and
                    # any paragraph under it in a document that is no case report
                    name = twins[name]
            if inline_at >= 0 and name in _ARTICLE_ONLY:
                if is_article is None:
                    is_article = bool(title_end) or _has_case_report_structure(
                        lines, rules, _ARTICLE_SECTIONS
                    )
                if not is_article:
                    name = "plan"
            if name == "case" and (number := _case_number(line)) is not None:
                if first_case is None:
                    first_case = number
                elif number > first_case:
                    later_case = True
            previous = current
            if (
                wrapped
                and previous.patient
                and previous.chars
                and previous.last_char() not in ".!?:;"
            ):
                interrupted = previous  # a column break cut this section mid-sentence
            current.separator("\n\n", start)
            one_line = name in sec_rules and sec_rules[name].one_line
            resume = (resume or previous.name) if one_line else None
            one_paragraph = name in sec_rules and sec_rules[name].one_paragraph
            if one_paragraph and inline_at >= 0:
                resume = resume or previous.name  # "PMH: t2dm, htn": the line is the section
                one_paragraph = False
            paragraph_ends = (paragraph_ends or previous.name) if one_paragraph else None
            current = open_section(name)
            if inline_at < 0:
                after_break = True
                continue
            line = line[inline_at:]
            start += inline_at
            stripped = line.strip()
            value_column = inline_at + len(line) - len(line.lstrip())
        elif (
            interrupted is not None
            and after_break
            and stripped[:1].islower()
            and current is not interrupted
        ):
            current = interrupted  # the interrupted column resumes here
            interrupted = None
            current.reopen()
            after_break = False
        elif (
            wrapped
            and after_break
            and stripped[:1].islower()
            and current.chars
            and current.last_char() not in ".!?:;"
        ):
            current.reopen()  # a page or column break inside a sentence
            after_break = False
        # emit the line, joining it to what came before
        lead = len(line) - len(line.lstrip())
        if not after_break:
            prev_char = current.chars[-1] if current.chars else ""
            # a word broken at a line end ("Jo-" + "1"), not a grade ending a table row ("4-")
            hyphenated = (
                prev_char == "-"
                and len(current.chars) > 1
                and current.chars[-2].isalpha()
                and not _sign_after_name(current, stripped, rules)
            )
            # a list cut at a comma and carried on an indented line (a table cell that wraps:
            # "Mi-2, NXP2, Jo-1," / "      PL-7, SRP: negative") is one line
            carried = prev_char == "," and lead >= 2
            # a message of a chat thread wrapped onto indented lines under its first line
            continued = chat and lead >= 2 and not _CHAT_TURN.match(line)
            # a muscle at a line's end and its grade on the next ("ankle DF" / "5/5; neck ...")
            graded = prev_char.isalpha() and rules.line_grade_start.match(stripped) is not None
            # the result of the list the line before ended on ("SAE1" / "NEGATIVE.")
            # (issue #10, i34e: rules/sections.yaml line_result_words)
            resulted = prev_char.isalnum() and rules.line_result_start.match(stripped) is not None
            # the indented lines under a dated label ("Line blot (30/10/2026):" / "  Jo1 neg
            # PL7 neg" / "  Mi2 pos") are one list, dated by the label
            listed = dated_label is not None and lead > dated_label
            # (lead, heldout29) a line that ends on a word that never ends a sentence ("Keine"
            # / "Mechanikerhände, ...")
            unended = prev_char.isalpha() and _last_word(current) in rules.line_continuing_words
            # issue #10 (i27f): a line that opens with a bracketed lower-case aside and goes on
            # in lower case, after a line ending on a word ("Your eyelid rash" / "  (heliotrope)
            # has gone."), runs on, as a lower-case line does: the aside names what the line
            # before began, and the verb after it ("has gone") is that sentence's
            aside = prev_char.isalpha() and _ASIDE_START.match(stripped) is not None
            joined = (
                hyphenated
                or carried
                or continued
                or graded
                or resulted
                or listed
                or unended
                or aside
                # (i10ag: a form's field row runs on from no other field row by its first
                # letter alone; i10af: it may continue a setting above it, "Creatine kinase" /
                # "  at diagnosis (2025-05-08) ...... 4300")
                or (
                    not (start in rows and i >= 2 and lines[i - 2][0] in rows)
                    and not _after_field_row(lines, i, rows, prev_char, stripped)
                    and (wrapped or stripped[:1].islower())
                )
            )
            soft = joined and not _BULLET.match(line)
            if soft and prev_char == "-" and stripped[:1].isalnum():
                if stripped[:1].islower():
                    current.unhyphenate()
                elif _GRADE_MINUS_END.search("".join(current.chars[-8:])):
                    # issue #10 (i10u): a table row ending in a grade's minus ("IV-") or an
                    # untested cell ("IV  -"): the next row is no continuation of a word
                    current.separator(" ", start - 1)
            elif soft:
                current.separator(" ", start - 1)
            else:
                current.separator("\n", start - 1)
        elif current.chars and current.chars[-1] not in "\n":
            current.separator("\n\n", start)
        _emit_clean(current, line, start, lead)
        if _DATE_IN_LABEL.search(stripped) and (
            stripped.endswith(":") or _TABLE_TITLE.match(stripped) is not None
        ):
            dated_label = lead
        elif dated_label is not None and lead <= dated_label:
            dated_label = None
        after_break = False
        if (
            resume is not None
            and not _keywords_run_on(current, lines, i, wrapped)
            and not _value_hangs_on(current, lines, i, value_column)
        ):
            current.separator("\n\n", start + len(line))
            current = open_section(resume)
            resume = None
            after_break = True

    # lay the sections out one after another
    chars: list[str] = []
    offsets: list[int] = []
    segments: list[Segment] = []
    for sec in sections:
        while sec.chars and sec.chars[-1] in " \n":
            sec.chars.pop()
            sec.offsets.pop()
        if not sec.chars:
            continue
        if chars:
            chars.extend("\n\n")
            offsets.extend([offsets[-1], offsets[-1]])
        seg_start = len(chars)
        chars.extend(sec.chars)
        offsets.extend(sec.offsets)
        segments.append(Segment(sec.name, sec.patient, sec.status, seg_start, len(chars)))
    offsets.append(len(original))
    if chat:
        _chat_sentence_starts(chars)
    return NormalisedText(original, "".join(chars), offsets, segments, wrapped)


def _rejoins_broken_words(text: str) -> bool:
    """Whether the text carries words broken by a hyphen and a space (see _BROKEN_WORD)."""
    for found, _ in enumerate(_BROKEN_WORD.finditer(text), start=1):
        if found >= _BROKEN_WORDS_MIN:
            return True
    return False


def _reference_range(body: str, m: re.Match[str]) -> bool:
    """Whether a bracketed number pair taken for a reference marker is a measured value's
    reference range (issue #10, i18a)."""
    pair = _RANGE_PAIR.fullmatch(m.group().strip())
    return (
        pair is not None
        and int(pair.group(1)) < int(pair.group(2))
        and _RESULT_BEFORE.search(body, 0, m.start()) is not None
    )


def _emit_clean(sec: _Section, line: str, start: int, lead: int) -> None:
    """Emit a line without reference markers, figure references and trailing spaces (and, in
    a PDF copy, without the hyphen and space inside a broken word)."""
    body = line.rstrip()
    skip: list[tuple[int, int]] = []
    for rx in (_REFERENCE, _FIGURE_REF, _GLUED_REFERENCE, *((_BROKEN_WORD,) if sec.rejoin else ())):
        if _OPENING.get(rx, "") not in body:
            continue  # (issue #10, i40t) a bracketed marker needs its bracket
        skip.extend(
            (m.start(), m.end())
            for m in rx.finditer(body)
            if not (rx is _REFERENCE and _reference_range(body, m))
        )
    skip.sort()
    pos = lead
    for a, b in skip:
        if a > pos:
            sec.emit(body[pos:a], start + pos)
        pos = max(pos, b)
    if pos < len(body):
        sec.emit(body[pos:], start + pos)
