"""Structured records pasted as text → the lines a letter would have, offsets kept (issue #10).

A clinician may paste what a system exported rather than a letter: a JSON patient summary
(``{"skin": {"heliotropeRash": true}, "mrc": {"hipFlexion": {"R": "4-", "L": "4"}}}``) or an HL7
v2 laboratory message (``OBX|1|NM|2157-6^Creatine kinase^LN||2867|U/L|26-192|H``). The rules read
words, so each record is written out first, as a form would say it (``rules/records.yaml``):

- JSON: a top-level member is a section ("Family history:"); a member of an object is a line
  "Key words: value." (camelCase split, booleans "present"/"absent", null left unstated); an
  object of values is one line ("Hip flexion: R 4-, L 4."); an object in a list is one record
  line, its name and value first ("CK 2 310 U/L (ref 39-308), on 2026-11-10.");
- HL7 v2: the patient's birth date and sex, the request's test, collection time and clinical
  details, one line per result ("Creatine kinase: 2867 U/L (ref 26-192), on 2026-11-12.") and the
  comments; compact timestamps (202611121045) are written as dates.

- HL7 CDA R2 (issue #10, i10q): the header's sex and birth time, each section's title and
  narrative (list items, paragraphs, table rows named by their column headers) and each coded
  observation ("Anti-Jo-1 antibody: Negative, on 2026-11-12.");
- coded lines inside any note (i10q), the note's other lines kept as written: SNOMED CT entries
  known by their identifier's Verhoeff check digit ("40739000 |Dysphagia (disorder)|
  status=refuted" -> "Dysphagia, ruled out."), LOINC-coded rows by their check digit,
  key=value form fields ("neck_flexion=4/5" -> "Neck flexion: 4/5."), results grids (a row per
  date and a column per test, or a row per result under role headers) and forms ticked under
  result columns ("Jo-1 |   | X" under "Positive | Negative" -> "Jo-1: negative.").
- delimited exports (issue #10, i10w): a header of column names over rows (CSV, semicolon,
  tab, a bare or markdown "|"; RFC 4180 quotes): a row per patient written column by column
  ("at_dx_heliotrope" = 1 -> "At diagnosis heliotrope: present."; "ck_value", "ck_unit",
  "ck_uln", "ck_date" -> "CK: 14.2 µkat/L (ref <3.5), on 2026-07-15."), a row per result by its
  role columns, a row per item ("Prednisolone: 10 mg, started 01/10/2026."); rows of several
  patients only for the one the note names; forms ticked on a field's line ("Gender: [x]
  Female [ ] Male" -> "Gender: Female.") or under Yes/No columns ("No weight loss.").

Every written character keeps the position of the field it came from, so evidence still points
at the record as pasted. Any other text is returned unchanged (``None``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import Field

from myositis_cds.ingest.text._rules import RulesMeta, _load, _Strict, compile_rule

__all__ = ["Linearised", "linearise_record"]


class JsonRules(_Strict):
    min_share: float = Field(gt=0, le=1)
    bare_keys: list[str]
    skip_keys: list[str]
    phrases: dict[str, str]
    true_word: str
    false_word: str


class ResultFields(_Strict):
    """Where a result record keeps its parts (field numbers as _fields counts them)."""

    record: str  # "OBX" (HL7 v2), "R" (ASTM)
    name: int
    name_components: list[int]  # the first of these components that is not empty names the test
    value: int
    unit: int
    range: int
    time: int | None = None  # the result's own observation time
    # issue #10 (i10af): the order record whose collection time the results after it take
    # (ASTM: "O", field 7, the specimen's collection; a result's own time is its completion)
    order_record: str | None = None
    order_time: int | None = None


class Hl7Rules(_Strict):
    min_segments: int = Field(ge=1)
    header: str  # the message's header segment ("MSH"; ASTM "H")
    segments: dict[str, list[tuple[int, str]]]
    result: ResultFields
    free_text_words: int = Field(ge=1)
    free_text_segments: list[str]


class CodedRules(_Strict):
    concept_partitions: list[str]
    status_words: dict[str, str | None]
    status_keys: list[str]
    values: dict[str, str | None]


class CdaRules(_Strict):
    root: str
    columns: dict[str, list[str]]
    line_elements: list[str]


class GridRules(_Strict):
    date_headers: list[str]
    test_headers: list[str]
    min_columns: int = Field(ge=2)
    empty_cells: list[str]


class MarkRules(_Strict):
    columns: dict[str, str]
    ticks: list[str]
    empty_boxes: list[str]
    ticked_boxes: list[str]
    answered_no: str
    answered_no_word: str


class DelimitedRules(_Strict):
    delimiters: list[str]
    min_columns: int = Field(ge=2)
    max_header_words: int = Field(ge=1)
    spaced_header_words: int = Field(ge=1)
    max_cell_chars: int = Field(ge=1)
    patient_columns: list[str]
    number_columns: list[str]
    row_dates: list[str]
    column_words: dict[str, str]
    item_words: list[str]
    attribute_words: list[str]
    limits: dict[str, str]
    binary_values: dict[str, str]
    measure_words: list[str]


class ScoredFinding(_Strict):
    rows: list[str]
    column: str
    finding: str


class ScoreSheetRules(_Strict):
    """issue #10 (i10ad): a skin score sheet's grid (rules/records.yaml ``score_sheets``)."""

    columns: list[str]
    min_columns: int = Field(ge=1)
    findings: list[ScoredFinding]
    present_word: str
    absent_word: str


class RecordRules(_Strict):
    meta: RulesMeta
    json_: JsonRules = Field(alias="json")
    hl7: Hl7Rules
    astm: Hl7Rules  # issue #10 (i10af): an ASTM E1394 / CLSI LIS2-A2 message, read as HL7 v2
    coded: CodedRules
    cda: CdaRules
    grid: GridRules
    marks: MarkRules
    delimited: DelimitedRules
    score_sheets: ScoreSheetRules  # issue #10 (i10ad)


@cache
def _rules() -> RecordRules:
    loaded: RecordRules = _load("records", RecordRules)
    return loaded


@dataclass(frozen=True)
class Linearised:
    """The written form of a record and, per character, its position in the original."""

    text: str
    offsets: list[int]
    keeps_layout: bool = False  # only some lines written out, the others as they were


@dataclass
class _Writer:
    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)

    def put(self, text: str, start: int, end: int | None = None) -> None:
        """``text`` for the original span [start, end): copied text keeps its own positions;
        written words are spread over the span."""
        if end is not None and end - start == len(text):
            self.offsets.extend(range(start, end))
        else:
            width = max(1, (end if end is not None else start + 1) - start)
            last = max(1, len(text) - 1)
            self.offsets.extend(start + (i * (width - 1)) // last for i in range(len(text)))
        self.chars.extend(text)

    def end_line(self, pos: int, blank: bool = False) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
        if self.chars and self.chars[-1] not in "\n":
            self.put("\n", pos)
        if blank and self.chars and (len(self.chars) < 2 or self.chars[-2] != "\n"):
            self.put("\n", pos)

    def result(self) -> Linearised:
        return Linearised("".join(self.chars), self.offsets)


# --------------------------------------------------------------------------- JSON
@dataclass
class _Node:
    """A JSON value with its span in the original (and, for a member, its key's span)."""

    value: Any  # a scalar, a list of _Node, or a list of (key, key span, _Node)
    kind: str  # "object", "array", "string", "number", "bool", "null"
    start: int
    end: int


_WS = re.compile(r"\s*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


class _JsonError(ValueError):
    pass


def _parse(text: str, pos: int) -> tuple[_Node, int]:
    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
    if pos >= len(text):
        raise _JsonError("end of text")
    ch = text[pos]
    if ch == "{":
        members: list[tuple[str, tuple[int, int], _Node]] = []
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            return _Node(members, "object", pos, pos + 1), pos + 1
        start = pos - 1
        while True:
            key = _STRING.match(text, pos)
            if key is None:
                raise _JsonError("a key")
            pos = _WS.match(text, key.end()).end()  # type: ignore[union-attr]
            if not text.startswith(":", pos):
                raise _JsonError("':'")
            node, pos = _parse(text, pos + 1)
            members.append((json.loads(key.group()), (key.start() + 1, key.end() - 1), node))
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("}", pos):
                return _Node(members, "object", start, pos + 1), pos + 1
            raise _JsonError("',' or '}'")
    if ch == "[":
        items: list[_Node] = []
        start = pos
        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            return _Node(items, "array", start, pos + 1), pos + 1
        while True:
            node, pos = _parse(text, pos)
            items.append(node)
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if text.startswith(",", pos):
                pos += 1
                continue
            if text.startswith("]", pos):
                return _Node(items, "array", start, pos + 1), pos + 1
            raise _JsonError("',' or ']'")
    if ch == '"':
        m = _STRING.match(text, pos)
        if m is None:
            raise _JsonError("a string")
        return _Node(json.loads(m.group()), "string", m.start() + 1, m.end() - 1), m.end()
    for word, value, kind in (
        ("true", True, "bool"),
        ("false", False, "bool"),
        ("null", None, "null"),
    ):
        if text.startswith(word, pos):
            return _Node(value, kind, pos, pos + len(word)), pos + len(word)
    m = _NUMBER.match(text, pos)
    if m is None:
        raise _JsonError("a value")
    return _Node(m.group(), "number", m.start(), m.end()), m.end()


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_\s]+")
_TIMESTAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)


_YEAR_MONTH = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _words(key: str) -> str:
    """ "heliotropeRash" → "heliotrope rash", "birth_date" → "birth date"."""
    return " ".join(w for w in _CAMEL.split(key) if w).casefold()


def _scalar(node: _Node) -> bool:
    return node.kind in ("string", "number", "bool", "null")


def _flat(node: _Node) -> bool:
    """An object whose members are all values, none a yes/no: written on one line (each
    yes/no gets its own line, so an "absent" never reaches the member before it)."""
    return node.kind == "object" and all(_scalar(n) and n.kind != "bool" for _, _, n in node.value)


def _sub_key(key: str) -> str:
    """A key inside a one-line object: words when it is written in camelCase or snake_case,
    else as written ("R", "NXP2", "TIF1g")."""
    return _words(key) if re.search(r"[a-z][A-Z]|_", key) else key


class _JsonWriter:
    def __init__(self, rules: JsonRules) -> None:
        self.r = rules
        self.bare = set(rules.bare_keys)
        self.skip = set(rules.skip_keys)
        self.out = _Writer()

    def value(self, node: _Node) -> None:
        """A value as written, a timestamp as its date."""
        if node.kind == "bool":
            word = self.r.true_word if node.value else self.r.false_word
            self.out.put(word, node.start, node.end)
            return
        written = str(node.value)
        m = _TIMESTAMP.match(written)
        if m is not None and node.kind == "string":
            self.out.put(m.group(1), node.start, node.start + len(m.group(1)))
            return
        month = _YEAR_MONTH.match(written) if node.kind == "string" else None
        if month is not None:  # "2026-07" (a record's month): "July 2026", the 1st of it
            said = f"{_MONTHS[int(month.group(2)) - 1]} {month.group(1)}"
            self.out.put(said, node.start, node.end)
            return
        self.out.put(
            written, node.start, node.end if len(written) == node.end - node.start else None
        )

    def member(self, key: str, span: tuple[int, int], node: _Node, record: bool) -> bool:
        """One member on the current line: False when nothing is said (null, a code)."""
        words = _words(key)
        if node.kind == "null" or words in self.skip:
            return False
        if _flat(node):  # "Hip flexion: R 4-, L 4"; "line blot components: TIF1g neg, NXP2 POS"
            dated = not record and self.dated(words, span, node)
            self.out.put(words[:1].upper() + words[1:] if not record else words, *span)
            self.out.put(": ", span[1])
            said = False
            for sub_key, sub_span, sub in node.value:
                if sub.kind == "null" or _words(sub_key) in self.skip:
                    continue
                if dated and _words(sub_key) == "date":
                    continue
                if said:
                    self.out.put(", ", sub_span[0])
                self.inline(sub_key, sub_span, sub)
                said = True
            return said
        if not _scalar(node):
            return False
        if node.kind == "bool":
            self.out.put(words[:1].upper() + words[1:] if not record else words, *span)
            self.out.put(" " if record else ": ", span[1])
            self.value(node)
            return True
        if record and words in self.bare:
            self.value(node)
            return True
        phrase = self.r.phrases.get(words)
        if phrase is not None:
            before, _, after = phrase.partition("{}")
            if not record:
                before = before[:1].upper() + before[1:]
            self.out.put(before, *span)
            self.value(node)
            if after:
                self.out.put(after, node.end)
            return True
        self.out.put(words[:1].upper() + words[1:] if not record else words, *span)
        self.out.put(" " if record else ": ", span[1])
        self.value(node)
        return True

    def inline(self, key: str, span: tuple[int, int], node: _Node) -> None:
        """A member of a one-line object: its phrase ("gender: F", "(ref 30-200)"), its value
        alone (a name, a unit) or its key and value ("R 4-", "NXP2 POS")."""
        words = _words(key)
        phrase = self.r.phrases.get(words)
        if phrase is not None:
            before, _, after = phrase.partition("{}")
            self.out.put(before, *span)
            self.value(node)
            if after:
                self.out.put(after, node.end)
            return
        if words not in self.bare:
            self.out.put(_sub_key(key), *span)
            self.out.put(" ", span[1])
        self.value(node)

    def record(self, node: _Node) -> None:
        """An object in a list: one line, its bare members (name, value, unit) first."""
        members = sorted(
            node.value, key=lambda m: _words(m[0]) not in self.bare or not _scalar(m[2])
        )
        said = False
        for key, span, sub in members:
            if not _scalar(sub) and not _flat(sub):
                continue
            bare = _words(key) in self.bare and _scalar(sub)
            mark = len(self.out.chars)
            if said:
                # a bracket, or the results of a named test ("line blot components: ..."),
                # go on from the name without a comma
                bracket = self.r.phrases.get(_words(key), "").startswith("(") or _flat(sub)
                self.out.put(" " if bare or bracket else ", ", span[0])
            if self.member(key, span, sub, record=True):
                said = True
            else:
                del self.out.chars[mark:], self.out.offsets[mark:]
        if said:
            self.out.put(".", node.end - 1)
            self.out.end_line(node.end - 1)
        for key, span, sub in node.value:  # what a record holds besides its values
            if not _scalar(sub) and not _flat(sub):
                self.section(key, span, sub, blank=False)

    def body(self, node: _Node, skip_date: bool = False) -> None:
        if node.kind == "array":
            for item in node.value:
                if item.kind == "object":
                    self.record(item)
                elif item.kind == "array":
                    self.body(item)
                elif item.kind != "null":
                    self.value(item)
                    self.out.put(".", item.end)
                    self.out.end_line(item.end)
            return
        for key, span, sub in node.value:
            if skip_date and _words(key) == "date" and sub.kind == "string":
                continue  # written with the section's name (see dated)
            if _scalar(sub) or _flat(sub):
                mark = len(self.out.chars)
                if self.member(key, span, sub, record=False):
                    self.out.put(".", sub.end)
                    self.out.end_line(sub.end)
                else:
                    del self.out.chars[mark:], self.out.offsets[mark:]
            else:
                self.section(key, span, sub, blank=False)

    def section(self, key: str, span: tuple[int, int], node: _Node, blank: bool) -> None:
        words = _words(key)
        if words in self.skip:
            return
        self.out.put(words[:1].upper() + words[1:], *span)
        self.out.put(":", span[1])
        self.out.end_line(span[1])
        self.dated(words, span, node)
        self.body(node, skip_date=node.kind == "object")
        self.out.end_line(node.end, blank=blank)

    def dated(self, words: str, span: tuple[int, int], node: _Node) -> bool:
        """An object's own date on a line of its own, named by the object ("Encounter date:
        2026-11-13", "Examination date: ..."), as a form labels it: the note's date rules
        and the facts under it read it so."""
        if node.kind != "object":
            return False
        for key, _, sub in node.value:
            if _words(key) == "date" and sub.kind == "string":
                self.out.put(f"{words[:1].upper() + words[1:]} date: ", *span)
                self.value(sub)
                self.out.put(".", sub.end)
                self.out.end_line(sub.end)
                return True
        return False

    def root(self, node: _Node) -> None:
        if node.kind == "array":
            self.body(node)
            return
        for key, span, sub in node.value:
            if _scalar(sub) or _flat(sub):
                mark = len(self.out.chars)
                if self.member(key, span, sub, record=False):
                    self.out.put(".", sub.end)
                    self.out.end_line(sub.end, blank=True)
                else:
                    del self.out.chars[mark:], self.out.offsets[mark:]
            else:
                self.section(key, span, sub, blank=True)


# the first line that opens a JSON object or array
_OPENING = re.compile(r"^[ \t]*([{\[])", re.MULTILINE)


def _json_record(text: str, rules: JsonRules) -> Linearised | None:
    opening = _OPENING.search(text)
    if opening is None or '"' not in text:
        return None
    start = opening.start(1)
    try:
        node, end = _parse(text, start)
    except (_JsonError, ValueError):
        return None
    if (end - start) < rules.min_share * len(text.strip()) or node.kind not in ("object", "array"):
        return None
    writer = _JsonWriter(rules)
    before = text[:start].strip()
    if before:  # the preamble as written
        lead = text.index(before[0])
        writer.out.put(text[lead:start].rstrip(), lead, lead + len(text[lead:start].rstrip()))
        writer.out.end_line(start, blank=True)
    writer.root(node)
    after = text[end:].strip()
    if after:
        lead = text.index(after[0], end)
        writer.out.end_line(lead, blank=True)
        writer.out.put(text[lead:].rstrip(), lead, lead + len(text[lead:].rstrip()))
    return writer.out.result()


# --------------------------------------------------------------------------- HL7 v2
# HL7 v2 segments are named by three characters, ASTM E1394 records by one letter (H, P, O, R,
# C, Q, M, L; issue #10, i10af)
_SEGMENT = re.compile(r"^(?P<name>[A-Z][A-Z0-9]{2}|[A-Z])\|")
_HL7_TIME = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:\d{2,6})?(?:[+-]\d{4})?$")


def _fields(line: str, at: int) -> list[tuple[str, int, int]]:
    """The fields of a segment with their spans (field 0 is the segment's name; MSH-1 is the
    separator itself, so MSH fields are numbered as the standard numbers them)."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for part in line.split("|"):
        out.append((part, at + pos, at + pos + len(part)))
        pos += len(part) + 1
    if line.startswith("MSH"):
        out.insert(1, ("|", at + 3, at + 4))
    return out


def _ts(value: str) -> str | None:
    """An HL7 compact timestamp ("20261022", "202610221430+0100", v2 fields and CDA ``value``
    attributes alike) as an ISO date; None when it is not one."""
    m = _HL7_TIME.match(value or "")
    if m is None or not (1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31):
        return None
    return f"{m.group('y')}-{m.group('m')}-{m.group('d')}"


def _put_field(w: _Writer, value: str, start: int) -> None:
    """A field's text: a compact timestamp as an ISO date, components joined by spaces."""
    day = _ts(value)
    if day is not None:
        w.put(day, start, start + 8)
        return
    parts = [(p, i) for p, i in _components(value) if p.strip()]
    for k, (part, offset) in enumerate(parts):
        if k:
            w.put(" ", start + offset - 1)
        w.put(part, start + offset, start + offset + len(part))


def _components(value: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    for part in re.split(r"[\^~&]", value):
        out.append((part, pos))
        pos += len(part) + 1
    return out


def _observation(
    w: _Writer, fields: list[tuple[str, int, int]], rules: ResultFields, collected: str | None
) -> None:
    """A result: "name: value unit (ref range), on date." (HL7 OBX-3 text, 5, 6, 7, 14; ASTM
    R-3 name, 4, 5, 6 and the collection time of its order record)."""

    def get(i: int) -> tuple[str, int, int]:
        return fields[i] if i < len(fields) else ("", fields[-1][2], fields[-1][2])

    ident, i_start, _ = get(rules.name)
    comps = _components(ident)
    name, offset = next(
        (comps[k] for k in rules.name_components if k < len(comps) and comps[k][0].strip()),
        comps[0],
    )
    value, v_start, _ = get(rules.value)
    if not name.strip() or not value.strip():
        return
    w.put(name, i_start + offset, i_start + offset + len(name))
    w.put(": ", i_start + offset + len(name))
    _put_field(w, value, v_start)
    unit, u_start, _ = get(rules.unit)
    unit_text = _components(unit)[0][0]
    if unit_text.strip():
        w.put(" ", u_start)
        w.put(unit_text, u_start, u_start + len(unit_text))
    ref, r_start, r_end = get(rules.range)
    if ref.strip() and any(ch.isdigit() for ch in ref):  # a range, not "NEG"
        w.put(" (ref ", r_start)
        w.put(ref, r_start, r_end)
        w.put(")", r_end - 1)
    when, t_start, _ = get(rules.time) if rules.time is not None else ("", 0, 0)
    if _HL7_TIME.match(when):
        w.put(", on ", t_start)
        _put_field(w, when, t_start)
    elif collected is not None:  # the specimen's collection, written as a date
        w.put(f", on {collected}", fields[-1][2] - 1)
    w.put(".", fields[-1][2] - 1)
    w.end_line(fields[-1][2])


def _hl7_message(text: str, rules: Hl7Rules) -> Linearised | None:
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\r\n]+", text)]
    segments = [
        (ln, at)
        for ln, at in lines
        if (m := _SEGMENT.match(ln)) is not None and len(m.group("name")) == len(rules.header)
    ]
    if len(segments) < rules.min_segments or not any(
        ln.startswith(rules.header + "|") for ln, _ in segments
    ):
        return None
    w = _Writer()
    result = rules.result
    collected: str | None = None  # the collection date of the order the results belong to
    for line, at in lines:
        seg = _SEGMENT.match(line)
        if seg is None or len(seg.group("name")) != len(rules.header):
            # text around the message, as written
            w.put(line, at, at + len(line))
            w.end_line(at + len(line))
            continue
        name = seg.group("name")
        fields = _fields(line, at)
        if name == result.record:
            _observation(w, fields, result, collected)
            continue
        if name == result.order_record and result.order_time is not None:
            collected = (
                _ts(fields[result.order_time][0]) if result.order_time < len(fields) else None
            )
        said = False
        for number, words in rules.segments.get(name, []):
            if number >= len(fields) or not fields[number][0].strip():
                continue
            value, start, end = fields[number]
            if said:
                w.put(" ", start)
            w.put(words + " ", start)
            _put_field(w, value, start)
            if w.chars and w.chars[-1] not in ".!?":
                w.put(".", end - 1)
            said = True
        if name in rules.free_text_segments:
            numbered = {n for n, _ in rules.segments.get(name, [])}
            for number, (value, start, end) in enumerate(fields):
                if number in numbered or len(value.split()) < rules.free_text_words:
                    continue
                if said:
                    w.put(" ", start)
                _put_field(w, value, start)
                if w.chars and w.chars[-1] not in ".!?":
                    w.put(".", end - 1)
                said = True
        if said:
            w.end_line(at + len(line), blank=name in ("MSH", "PID", "OBR", "H", "P", "O"))
    return w.result()


# --------------------------------------------------------------------------- coded lines
# issue #10 (i10q): SNOMED CT concepts, LOINC-coded rows and key=value fields inside any note.
_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]  # fmt: skip
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]  # fmt: skip


def sctid_is_concept(digits: str, partitions: list[str] | None = None) -> bool:
    """Whether ``digits`` is a SNOMED CT concept identifier: 6-18 digits, a concept partition
    ("00" or "10") before a valid Verhoeff check digit (SNOMED CT TIG, 6.1-6.4)."""
    if not (6 <= len(digits) <= 18 and digits.isdigit() and digits[0] != "0"):
        return False
    if digits[-3:-1] not in (partitions or _rules().coded.concept_partitions):
        return False
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(ch)]]
    return check == 0


def loinc_is_valid(code: str) -> bool:
    """Whether ``code`` ("2157-6") is a LOINC code: 1-7 digits, a hyphen and the mod-10 check
    digit of the LOINC Users' Guide (the Luhn computation)."""
    m = re.fullmatch(r"(\d{1,7})-(\d)", code)
    if m is None:
        return False
    total = 0
    for i, ch in enumerate(reversed(m.group(1))):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(m.group(2))


# "396230008 |Dermatomyositis (disorder)|", optionally "= 373067005 |No (qualifier value)|"
_CONCEPT = re.compile(
    r"(?P<id>\d{6,18})[ \t]*\|[ \t]*(?P<term>[^|\n]+?)"
    r"(?:[ \t]*\((?P<tag>[a-z][a-z /-]*)\))?[ \t]*\|"
)
_LOINC_ROW = re.compile(r"^(?P<lead>[ \t]*)(?P<code>\d{1,7}-\d)[ \t]+(?=[A-Za-z])")
# key=value fields: an identifier, "=", a value up to the next field ("|" or two spaces and key=)
_KEY = r"[A-Za-z][A-Za-z0-9_]*"
_FIELD = re.compile(
    rf"(?P<key>(?=[A-Za-z0-9_ \t]{{3}}){_KEY}(?:[ \t]{_KEY})?)=[ \t]*"
    rf"(?P<value>\"[^\"\n]*\"|(?:(?![ \t]*\||[ \t]{{2,}}{_KEY}[ \t]*=|[ \t]+{_KEY}=)[^\n])*)"
)
_HEAD_AND_NOTE = re.compile(r"([^\s()]+)[ \t]*\([^()]*\)$")
# a form line's own label before its fields ("Patient: sex=M | DOB=1958-09-30")
_LINE_LABEL = re.compile(r"^[ \t]*[A-Za-z][A-Za-z ]{0,30}:[ \t]*(?=[A-Za-z][A-Za-z0-9_]*=)")
_FIELD_SEP = re.compile(r"[ \t]*(?:\|[ \t]*|[ \t]{2,}|[ \t](?=[A-Za-z][A-Za-z0-9_]*=))")


def _fields_of(line: str, start: int) -> list[re.Match[str]] | None:
    """The key=value fields that make up ``line[start:]`` (separated by "|" or spaces), or
    None when anything else stands between them."""
    found: list[re.Match[str]] = []
    pos = start
    while True:
        sep = _FIELD_SEP.match(line, pos)
        if sep is not None:
            pos = sep.end()
        if pos >= len(line.rstrip()):
            return found
        m = _FIELD.match(line, pos)
        if m is None or (m.end() == m.start("value") and not found):
            return None
        found.append(m)
        pos = m.end()


class _CodedWriter:
    def __init__(self, rules: CodedRules) -> None:
        self.r = rules
        self.out = _Writer()
        self.values = {k.casefold(): v for k, v in rules.values.items()}
        self.status_keys = {k.casefold() for k in rules.status_keys}

    def field_value(self, value: str, start: int) -> bool:
        """A field's value as a form says it; False when the value leaves it unstated."""
        raw = value.strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw, start = raw[1:-1], start + value.index('"') + 1
        else:
            start += len(value) - len(value.lstrip())
        head = _HEAD_AND_NOTE.match(raw)  # "Y (MCP+PIP both hands)": the value, then its note
        key = (head.group(1) if head else raw).casefold().replace("_", " ")
        if key in self.values:
            said = self.values[key]
            if said is None:
                return False
            self.out.put(said, start, start + len(head.group(1) if head else raw))
            if head is not None:
                note = raw[head.end(1) :]
                self.out.put(note, start + head.end(1), start + len(raw))
            return True
        month = _YEAR_MONTH.match(raw)
        if month is not None:
            said = f"{_MONTHS[int(month.group(2)) - 1]} {month.group(1)}"
            self.out.put(said, start, start + len(raw))
            return True
        if re.fullmatch(r"[a-z]+(?:_[a-z]+)+", raw):
            self.out.put(raw.replace("_", " "), start, start + len(raw))
            return True
        self.out.put(raw, start, start + len(raw))
        return True

    def fields(self, line: str, at: int, found: list[re.Match[str]]) -> None:
        """Each field on a line of its own: "Heliotrope rash: present."."""
        for m in found:
            key = _words(m.group("key"))
            mark = len(self.out.chars)
            self.out.put(key[:1].upper() + key[1:], at + m.start("key"), at + m.end("key"))
            self.out.put(": ", at + m.end("key"))
            if self.field_value(m.group("value"), at + m.start("value")):
                self.out.put(".", at + m.end() - 1)
                self.out.end_line(at + m.end())
            else:
                del self.out.chars[mark:], self.out.offsets[mark:]

    def concept(self, line: str, at: int, m: re.Match[str], rest: int) -> bool:
        """A coded entry: its term, its status in words, then its other attributes."""
        found = _fields_of(line, rest) or []
        status: str | None = ""
        for f in found:
            if _words(f.group("key")) in self.status_keys:
                word = f.group("value").strip().strip('"').casefold()
                if word in self.r.status_words:
                    status = self.r.status_words[word]
                    if status is None:
                        return False  # entered in error: not a statement
        term = m.group("term")
        self.out.put(term, at + m.start("term"), at + m.start("term") + len(term))
        qualifier = _CONCEPT.match(line, _WS.match(line, m.end()).end())  # type: ignore[union-attr]
        if qualifier is None and line[m.end() :].lstrip().startswith("="):
            eq = line.index("=", m.end())
            qualifier = _CONCEPT.search(line, eq)
        if qualifier is not None and sctid_is_concept(
            qualifier.group("id"), self.r.concept_partitions
        ):
            value = qualifier.group("term")
            self.out.put(": ", at + qualifier.start())
            if not self.field_value(value, at + qualifier.start("term")):
                return False
            found = _fields_of(line, qualifier.end()) or []
        if status:
            self.out.put(", ", at + m.end() - 1)
            self.out.put(status, at + m.end() - 1)
        self.out.put(".", at + m.end() - 1)
        self.out.end_line(at + m.end())
        others = [f for f in found if _words(f.group("key")) not in self.status_keys]
        self.fields(line, at, others)
        return True


# a results grid's cells: split at "|" or at a run of two or more spaces (or a tab)
_CELL = re.compile(r"[^|\t]+?(?=[ ]{2,}|\t|[ ]*\||[ ]*$)")
_GRID_DATE = re.compile(
    r"^(?:\d{1,2}[-/.](?:\d{1,2}|[A-Za-z]{3,9})(?:[-/.]\d{2,4})?|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[ ][A-Za-z]{3,9}(?:[ ]\d{2,4})?|[A-Za-z]{3,9}[- ]\d{2,4})$"
)
# "ALT(<45)", "CK (40-320)", "CK [<200]": the test's name and its limit; issue #10 (i18a): the
# limit's unit after it in the same brackets ("CK (26-192 U/L)", "CRP (<10 mg/L)")
_LIMITED_NAME = re.compile(
    r"^(?P<name>.*?\S)[ ]*[(\[](?P<ref>[<>≤≥]?[ ]*\d[\d.,]*(?:[ ]*[-–][ ]*\d[\d.,]*)?)"
    r"(?:[ ]+(?P<unit>[^\W\d][^()\[\]\s]{0,11}))?[)\]]$"
)
# issue #10 (i18a): a test's unit in brackets after its name, the row's values in it ("CK (IU/L)",
# "CRP [mg/L]"): a unit word has a letter, no digit first and no space
_UNIT_NAME = re.compile(r"^(?P<name>.*?\S)[ ]*[(\[](?P<unit>[^\W\d][^()\[\]\s\d]{0,11})[)\]]$")


_SHORT_YEAR = re.compile(r"^(\d{1,2})([-/ ])([A-Za-z]{3,9})\2(\d{2})$")


def _grid_date(when: str) -> str:
    """A grid's "12-May-26" with its century ("12-May-2026"): results are of this century
    unless the two digits are above 50."""
    m = _SHORT_YEAR.match(when)
    if m is None:
        return when
    year = int(m.group(4))
    return (
        f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(2)}{(2000 if year <= 50 else 1900) + year}"
    )


def _cells(line: str) -> list[tuple[str, int]]:
    """The cells of a grid line with their positions in the line."""
    return [
        (m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in _CELL.finditer(line)
        if m.group().strip() and m.group().strip() != "|"
    ]


def _role(header: str, roles: dict[str, list[str]]) -> str | None:
    """A column's role by its header words (records.yaml cda.columns): name, value, unit..."""
    words = header.strip().casefold()
    return next((r for r, starts in roles.items() if words.startswith(tuple(starts))), None)


def _result_rows(
    lines: list[tuple[str, int]], k: int, roles: dict[str, list[str]], w: _Writer
) -> int:
    """A table of one result a row under role headers ("Date  Test  Result  Ref range  Flag"):
    each row written "Creatine kinase: 3120 U/L (ref 40-320) H, on 08-Oct-2026."; the number
    of lines it takes (0 when line ``k`` is not such a header)."""
    header = _cells(lines[k][0])
    named = [_role(c, roles) for c, _ in header]
    if len(header) < 3 or not {"name", "value", "date"} <= set(named):
        return 0  # (a table without dates is read as it stands: facts/labs.py)
    n = k + 1
    while n < len(lines):
        row = _cells(lines[n][0])
        if len(row) < 2 or len(row) > len(header):
            break
        after = lines[n + 1][0] if n + 1 < len(lines) else ""
        if after[:1].isspace() and len(_cells(after)) == 1:
            break  # the row goes on in the next line: left as written, with what follows
        at = lines[n][1]
        # the cells fall under the header's columns by position (a blank cell is skipped), or
        # one by one when a "|" row has as many as the header (its bars not lined up)
        cols: dict[str, tuple[str, int]] = {}
        for j, (cell, c_at) in enumerate(row):
            col = (
                j
                if len(row) == len(header) and "|" in lines[n][0]
                else max((i for i, (_, h_at) in enumerate(header) if h_at <= c_at + 1), default=0)
            )
            cols.setdefault(str(named[col] or f"other {col}"), (cell, at + c_at))
        if "name" not in cols or "value" not in cols:
            break
        _result_line(w, cols, at + len(lines[n][0]))
        n += 1
    return n - k if n > k + 1 else 0


_UNIT_AFTER_RANGE = re.compile(
    r"^(?P<range>[<>≤≥=]*[ ]*\d[\d.,]*(?:[ ]*[-–][ ]*\d[\d.,]*)?)[ ]+"
    r"(?P<unit>(?:[a-zA-Zµμ%][\w/.µμ%*^-]{0,11}))$"
)


def _result_line(w: _Writer, cols: dict[str, tuple[str, int]], end: int) -> None:
    """A result by its columns' roles: "Creatine kinase: 3120 U/L (ref 40-320) H, on
    08-Oct-2026." (``end``: where the row ends)."""
    name, value = cols["name"], cols["value"]
    w.put(name[0], name[1], name[1] + len(name[0]))
    w.put(": ", name[1] + len(name[0]))
    w.put(value[0], value[1], value[1] + len(value[0]))
    ref = cols.get("reference")
    unit = cols.get("unit")
    if ref is not None and unit is None and (united := _UNIT_AFTER_RANGE.match(ref[0])):
        # issue #10 (i10w): "< 1.0 mg/dL" in the range column: the unit is the value's too
        unit = (united.group("unit"), ref[1] + united.start("unit"))
        ref = (united.group("range"), ref[1])
    if unit is not None:
        w.put(" ", unit[1])
        w.put(unit[0], unit[1], unit[1] + len(unit[0]))
    if ref is not None:
        w.put(" (ref ", ref[1])
        w.put(ref[0], ref[1], ref[1] + len(ref[0]))
        w.put(")", ref[1] + len(ref[0]) - 1)
    for role, (cell, c_at) in cols.items():
        if role.startswith("other "):  # a flag ("H"), as printed
            w.put(" " + cell, c_at)
    if "date" in cols:
        when = cols["date"]
        w.put(", on ", when[1])
        w.put(_grid_date(when[0]), when[1], when[1] + len(when[0]))
    w.put(".", end - 1)
    w.end_line(end)


def _pipe_cells(line: str) -> list[tuple[str, int]]:
    """The cells of a "|" row, empty ones kept (a tick's column is its place in the row)."""
    cells: list[tuple[str, int]] = []
    pos = 0
    parts = line.split("|")
    for k, part in enumerate(parts):
        if not ((k == 0 or k == len(parts) - 1) and not part.strip()):  # the outer bars
            cells.append((part.strip(), pos + len(part) - len(part.lstrip())))
        pos += len(part) + 1
    return cells


_BOX = re.compile(r"^[\[(][ \t]*(?P<mark>[^\[\]() \t]?)[ \t]*[\])]$")


def _box(cell: str, rules: MarkRules) -> str:
    """A tick box as its mark: "[x]" -> "x", "[ ]" and an empty box sign -> ""."""
    if cell in rules.empty_boxes:
        return ""
    if cell in rules.ticked_boxes:
        return rules.ticks[0]
    box = _BOX.match(cell)
    return box.group("mark") if box is not None else cell


# issue #10 (i10w): a labelled field answered by ticking one of its options on the line
# ("Gender: [x] Female  [ ] Male", "Sex: Male [ ]  Female [x]", "Dysphagia  ☐ yes  ☒ no")
_LINE_BOX = compile_rule(r"\[[ \t]*[^\[\]\s]?[ \t]*\]|\([ \t]?[xX✓✔*•]?[ \t]?\)|[☐☒☑□■▣⊠]", 0)
_OPTION = re.compile(r"^[^\W\d_][\w'’/.+-]*(?:[ ][\w'’/.+-]+){0,3}$")


def _ticked_line(line: str, at: int, rules: MarkRules, w: _Writer) -> bool:
    """A labelled field with its options ticked on its line, written "Label: the ticked
    option." (several ticked: all of them), what follows it on the line kept as written; False
    when the line is no such field: fewer than two boxes, no label (a checklist whose boxes mark
    each item: "☒ Heliotrope  ☐ Shawl sign"), an option of many words, or nothing ticked."""
    boxes = list(_LINE_BOX.finditer(line))
    if len(boxes) < 2:
        return False
    colon = max(line.rfind(":", 0, boxes[0].start()), line.rfind("?", 0, boxes[0].start()))
    # the box before its option ("[x] Female") when an option follows the last box; the field
    # ends at a wide gap after it ("Sex: ☒ M  ☐ F     DOB: 30 Jan 1981")
    box_first = bool(line[boxes[-1].end() :].strip())
    gap = re.compile(r"\S[ \t]{3,}\S").search(line, boxes[-1].end()) if box_first else None
    end_of_field = gap.start() + 1 if gap is not None else len(line)
    options: list[tuple[str, int, bool]] = []  # (option, its place, ticked)
    for i, box in enumerate(boxes):
        if box_first:
            start, end = box.end(), boxes[i + 1].start() if i + 1 < len(boxes) else end_of_field
        else:
            start, end = boxes[i - 1].end() if i else colon + 1, box.start()
        text = line[start:end]
        option = text.strip()
        if not _OPTION.match(option):
            return False
        ticked = _box(box.group().replace(" ", "").replace("\t", ""), rules) != ""
        options.append((option, start + len(text) - len(text.lstrip()), ticked))
    # the label: up to its colon or question mark, or the words before the first box
    # ("Gender  ☐ Male  ☒ Female")
    label_end = colon + 1 if colon >= 0 else len(line[: boxes[0].start()].rstrip())
    label = line[:label_end].strip()
    chosen = [(o, o_at) for o, o_at, ticked in options if ticked]
    if not label or (colon < 0 and not box_first) or not chosen:
        return False
    first = len(line) - len(line.lstrip())
    w.put(label, at + first, at + first + len(label))
    w.put(" " if label.endswith((":", "?")) else ": ", at + label_end)
    for j, (option, o_at) in enumerate(chosen):
        if j:
            w.put(", ", at + o_at)
        w.put(option, at + o_at, at + o_at + len(option))
    w.put(".", at + end_of_field - 1)
    w.end_line(at + end_of_field)
    rest = line[end_of_field:].strip()
    if rest:
        r_at = line.index(rest, end_of_field)
        w.put(rest, at + r_at, at + r_at + len(rest))
        w.end_line(at + len(line))
    return True


def _marked_rows(lines: list[tuple[str, int]], k: int, rules: MarkRules, w: _Writer) -> int:
    """issue #10 (i10q): a form ticked by result column ("Antibody  Positive  Negative" over
    "Jo-1  X" with the X under Negative): each row "Jo-1: negative."; the lines it takes."""
    piped = "|" in lines[k][0]
    header = _pipe_cells(lines[k][0]) if piped else _cells(lines[k][0])
    results = [rules.columns.get(c.casefold().rstrip(":")) for c, _ in header]
    if len(header) < 3 or results[0] is not None or None in results[1:]:
        return 0  # a form's header: a name column, then result columns only
    ticks = {t.casefold() for t in rules.ticks}
    n = k + 1
    mark = len(w.chars)
    ticked = 0
    while n < len(lines):
        line, at = lines[n]
        if piped and set(line.strip()) <= set("|-: "):
            n += 1  # a markdown rule line
            continue
        row = _pipe_cells(line) if piped else _cells(line)
        # issue #10 (i10w): a box, ticked or left empty ("[x]", "( )", "☒", "☐")
        row = [(_box(c, rules) if j else c, c_at) for j, (c, c_at) in enumerate(row)]
        if not row or not row[0][0] or row[0][0].casefold() in ticks:
            break
        marked = [(c, c_at) for c, c_at in row[1:] if c.casefold() in ticks]
        if not any(c for c, _ in row[1:]):  # a row left unticked: not tested, as written
            w.put(line, at, at + len(line))
            w.end_line(at + len(line))
            n += 1
            continue
        if len(marked) != 1 or len([c for c, _ in row[1:] if c]) != 1:
            break
        if piped:
            col = next(i for i, (c, _) in enumerate(row) if (c, _) == marked[0])
        else:  # the header column nearest the tick
            col = min(
                range(1, len(header)),
                key=lambda i: abs(marked[0][1] - (header[i][1] + len(header[i][0]) / 2)),
            )
        result = results[col] if col < len(results) else None
        if result is None:
            break
        name, n_at = row[0]
        name = name.rstrip("?: ")
        if result == rules.answered_no:
            # issue #10 (i10w): a question answered no, said as a negation of all its words
            # ("No weight loss you did not intend.": the answer reaches the first of them)
            w.put(rules.answered_no_word + " ", at + marked[0][1])
            w.put(name, at + n_at, at + n_at + len(name))
        else:  # (capitalised: a line in lower case goes on from the one before it)
            w.put(name[:1].upper() + name[1:], at + n_at, at + n_at + len(name))
            w.put(": ", at + n_at + len(name))
            w.put(result, at + marked[0][1], at + marked[0][1] + len(marked[0][0]))
        w.put(".", at + marked[0][1])
        w.end_line(at + len(line))
        ticked += 1
        n += 1
    if not ticked:  # no row ticked: not such a form, nothing written
        del w.chars[mark:], w.offsets[mark:]
        return 0
    return n - k


# a site's name without its bracket ("V-area of the neck (front)") and a score cell ("2", "0")
_SITE_BRACKET = re.compile(r"\s*\([^()]*\)\s*")
_SCORE_CELL = re.compile(r"\d{1,2}")


def _scored_rows(lines: list[tuple[str, int]], k: int, rules: ScoreSheetRules, w: _Writer) -> int:
    """issue #10 (i10ad): a skin score sheet's grid ("ACTIVITY | Erythema | Scale | ..." over
    "| Periorbital area | 3 | 0 | ..."): its lines as they are, then each finding its scores
    show ("Heliotrope rash: present.", placed at the score that decides it); the lines it
    takes, 0 when line ``k`` heads no such grid."""
    header = _pipe_cells(lines[k][0])
    names = [c.casefold() for c, _ in header]
    columns = [next((col for col in rules.columns if n.startswith(col)), None) for n in names]
    if sum(c is not None for c in columns) < rules.min_columns:
        return 0
    # finding -> [present?, the place of the cell that decides it]
    shown: dict[str, list[Any]] = {}
    n = k + 1
    rows = 0
    while n < len(lines):
        line, at = lines[n]
        if _rule_line(line):
            n += 1
            continue
        if "|" not in line:
            break
        cells = _pipe_cells(line)
        scores = [c for c, _ in cells[1:]]
        if not cells or not scores or not all(_SCORE_CELL.fullmatch(c) for c in scores if c):
            if rows:  # a second header line (the columns' ranges) only before the rows
                break
            n += 1
            continue
        site = _SITE_BRACKET.sub(" ", cells[0][0]).strip().casefold()
        rows += 1
        for j, (cell, c_at) in enumerate(cells[1:], start=1):
            column = columns[j] if j < len(columns) else None
            if column is None or not cell:
                continue
            for rule in rules.findings:
                if rule.column not in ("*", column) or not ("*" in rule.rows or site in rule.rows):
                    continue
                above = int(cell) > 0
                seen = shown.setdefault(rule.finding, [False, at + c_at])
                if above and not seen[0]:
                    shown[rule.finding] = [True, at + c_at]
        n += 1
    if not rows:
        return 0
    for line, at in lines[k:n]:
        w.put(line, at, at + len(line))
        w.put("\n", at + len(line))
    for finding, (above, pos) in shown.items():
        word = rules.present_word if above else rules.absent_word
        w.put(f"{finding}: {word}.", pos)
        w.end_line(pos)
    return n - k


@dataclass(frozen=True)
class _GridCell:
    """One result of a grid: its test, value and date, each with its place in the note, and
    the unit and reference range of its row when the grid gives them in columns of their own."""

    test: tuple[str, int]
    value: tuple[str, int]
    when: tuple[str, int]
    unit: tuple[str, int] | None = None
    ref: tuple[str, int] | None = None


def _rule_line(line: str) -> bool:
    """A markdown table's rule line ("|---|:---:|")."""
    return "-" in line and set(line.strip()) <= set("|-: +")


def _grid(
    lines: list[tuple[str, int]], k: int, rules: GridRules, roles: dict[str, list[str]]
) -> tuple[list[_GridCell], int] | None:
    """A results grid whose header is line ``k``: its cells and the number of lines it takes,
    or None. A grid of one row per test may end in unit and reference columns ("Test |
    14/04/2026 | 03/08/2026 | Units | Ref", issue #10 i10w)."""
    header = _cells(lines[k][0])
    if (
        header
        and lines[k][0][:2].isspace()
        and (_GRID_DATE.match(header[0][0]) or _role(header[0][0], roles) == "reference")
    ):
        # issue #10 (i18a): the header's first cell left empty, its dates set in from the margin
        # over the rows' test names ("          09/10/2026   21/10/2026   range")
        header = [("", 0), *header]
    if len(header) < rules.min_columns + 1:
        return None
    first = header[0][0].casefold().rstrip(":")
    by_date = first in rules.date_headers
    extra = {
        i: role
        for i, (c, _) in enumerate(header)
        if i and not _GRID_DATE.match(c) and (role := _role(c, roles)) in ("unit", "reference")
    }
    dated = [i for i, (c, _) in enumerate(header) if i and _GRID_DATE.match(c)]
    by_test = (
        (first in rules.test_headers or not first)
        and len(dated) + len(extra) == len(header) - 1
        and len(dated) >= (1 if extra else rules.min_columns)
    )
    if not by_date and not by_test:
        return None
    if by_date and {"name", "value"} <= {_role(c, roles) for c, _ in header[1:]}:
        return None  # "Date  Test  Result  Ref range": one result a row (see _result_rows)
    empty = {c.casefold() for c in rules.empty_cells}
    out: list[_GridCell] = []
    n = k + 1
    if n < len(lines) and _rule_line(lines[n][0]):
        n += 1
    while n < len(lines):
        row = _cells(lines[n][0])
        if len(row) != len(header) or (by_date and not _GRID_DATE.match(row[0][0])):
            break
        at = lines[n][1]
        h0 = lines[k][1]
        if by_date:
            for (head, h_at), (cell, c_at) in zip(header[1:], row[1:], strict=True):
                if cell.casefold() not in empty:
                    out.append(
                        _GridCell((head, h0 + h_at), (cell, at + c_at), (row[0][0], at + row[0][1]))
                    )
        else:
            kept = {
                role: (row[i][0], at + row[i][1])
                for i, role in extra.items()
                if row[i][0].casefold() not in empty
            }
            for i in dated:
                cell, c_at = row[i]
                if cell.casefold() not in empty:
                    out.append(
                        _GridCell(
                            (row[0][0], at + row[0][1]),
                            (cell, at + c_at),
                            (header[i][0], h0 + header[i][1]),
                            kept.get("unit"),
                            kept.get("reference"),
                        )
                    )
        n += 1
    return (out, n - k) if out else None


def _write_grid(w: _Writer, cells: list[_GridCell]) -> None:
    for cell in cells:
        (test, t_at), (value, v_at), (when, d_at) = cell.test, cell.value, cell.when
        limited = _LIMITED_NAME.match(test)
        united = None if limited else _UNIT_NAME.match(test)
        named_by = limited or united
        name = named_by.group("name") if named_by is not None else test
        w.put(name, t_at, t_at + len(name))
        w.put(": ", t_at + len(name))
        w.put(value, v_at, v_at + len(value))
        # the row's unit: its own column, else the unit in brackets after the test's name or
        # after its limit (issue #10, i18a)
        named = next((m for m in (limited, united) if m and m.group("unit")), None)
        if cell.unit is not None:
            w.put(" ", cell.unit[1])
            w.put(cell.unit[0], cell.unit[1], cell.unit[1] + len(cell.unit[0]))
        elif named is not None:
            u_at = t_at + named.start("unit")
            w.put(" ", u_at)
            w.put(named.group("unit"), u_at, u_at + len(named.group("unit")))
        if limited is not None:
            w.put(" (ref ", t_at + limited.start("ref"))
            ref = limited.group("ref")
            w.put(ref, t_at + limited.start("ref"), t_at + limited.end("ref"))
            w.put(")", t_at + limited.end("ref"))
        elif cell.ref is not None:
            w.put(" (ref ", cell.ref[1])
            w.put(cell.ref[0], cell.ref[1], cell.ref[1] + len(cell.ref[0]))
            w.put(")", cell.ref[1] + len(cell.ref[0]) - 1)
        w.put(", on ", d_at)
        w.put(_grid_date(when), d_at, d_at + len(when))
        w.put(".", v_at + len(value) - 1)
        w.end_line(v_at + len(value))


_REF_CELL = re.compile(
    r"^(?:ref(?:erence)?(?:[ ]range)?|range|normal|n)[ .:=]*(?P<ref>\S.*)$", re.I
)


def _loinc_row(w: _Writer, line: str, at: int, start: int) -> None:
    """A LOINC-coded row without its code, said as a result line when its columns are spaced
    ("Creatine kinase  3120 U/L  ref 40-320  H" -> "Creatine kinase: 3120 U/L (ref 40-320) H")."""
    cells = [(c, at + start + c_at) for c, c_at in _cells(line[start:])]
    if len(cells) < 2:
        w.put(line[start:], at + start, at + len(line))
        w.end_line(at + len(line))
        return
    for k, (cell, c_at) in enumerate(cells):
        ref = _REF_CELL.match(cell) if k >= 2 else None
        if k == 1:
            w.put(": ", c_at)
        elif k:
            w.put(" ", c_at)
        if ref is not None:
            w.put("(ref ", c_at)
            w.put(ref.group("ref"), c_at + ref.start("ref"), c_at + len(cell))
            w.put(")", c_at + len(cell) - 1)
        else:
            w.put(cell, c_at, c_at + len(cell))
    w.put(".", at + len(line) - 1)
    w.end_line(at + len(line))


# --------------------------------------------------------------------------- delimited rows
# issue #10 (i10w): a header of column names over one line per record (CSV and its kin)
_COLUMN_NAME = re.compile(r"^[^\W\d_][\w .()/%#+'’-]*$")


def _delimited_row(
    text: str, pos: int, delimiter: str, max_cell: int
) -> tuple[list[tuple[str, int, int]], int] | None:
    """The cells of the row at ``pos`` (RFC 4180: a quoted cell may hold the delimiter, a
    doubled quote or a line break), each with its span in ``text``, and where the next row
    starts; None when a quote is left open or text follows a closing quote."""
    cells: list[tuple[str, int, int]] = []
    while True:
        lead = pos
        while lead < len(text) and text[lead] in " " and text[lead] != delimiter:
            lead += 1
        if lead < len(text) and text[lead] == '"':
            parts: list[str] = []
            j = lead + 1
            while True:
                q = text.find('"', j)
                if q < 0 or q - lead > max_cell:
                    return None
                if text.startswith('""', q):
                    parts.append(text[j : q + 1])
                    j = q + 2
                    continue
                parts.append(text[j:q])
                break
            cells.append(("".join(parts).strip(), lead + 1, q))
            pos = q + 1
            while pos < len(text) and text[pos] in " \r" and text[pos] != delimiter:
                pos += 1
            if pos < len(text) and text[pos] not in (delimiter, "\n"):
                return None
        else:
            end = pos
            while end < len(text) and text[end] not in (delimiter, "\n"):
                end += 1
            raw = text[pos:end]
            cell = raw.strip()
            first = pos + len(raw) - len(raw.lstrip())
            cells.append((cell, first, first + len(cell)))
            pos = end
        if pos >= len(text) or text[pos] == "\n":
            return cells, pos + 1
        pos += 1


_Cell = tuple[str, int, int]  # a cell's text and its span in the note
_Member = tuple[str, _Cell, tuple[int, int]]  # an item's column: its role, cell, header span


class _DelimitedWriter:
    """The rows of a delimited table written as a form's lines (records.yaml delimited)."""

    def __init__(self, coded: _CodedWriter, rules: DelimitedRules, json_rules: JsonRules) -> None:
        self.coded = coded
        self.out = coded.out
        self.r = rules
        self.bare = set(json_rules.bare_keys) | set(rules.item_words)
        self.phrases = json_rules.phrases
        self.measures = set(rules.measure_words)

    def name(self, header: str) -> list[str]:
        """A column's name as words, its abbreviations said ("at_dx_mrc_ankle_df" -> at,
        diagnosis, mrc, ankle, dorsiflexion)."""
        said: list[str] = []
        for word in _words(header).split():
            word = self.r.column_words.get(word, word)
            said.extend(word.split())
        return said

    def role(self, words: list[str]) -> tuple[list[str], str] | None:
        """(the item's words, the role of the column's last one or two words) when the
        column holds a value, unit, limit, date ... of an item, else None."""
        for size in (2, 1):
            if len(words) < size:
                continue
            tail = " ".join(words[-size:])
            if (
                tail in self.r.limits
                or tail in self.bare
                or tail in self.phrases
                or tail in self.r.attribute_words
            ):
                return words[:-size], tail
        return None

    def value(self, words: list[str], role: str | None, cell: str, at: int) -> bool:
        """A cell's value as a form says it: a coded yes/no (1/0) as present/absent only under a
        column that measures nothing; False when the cell leaves it unstated."""
        if " ".join(words) in self.r.patient_columns:  # an identifier, a sex: as written
            self.out.put(cell, at, at + len(cell))
            return True
        binary = self.r.binary_values.get(cell)
        if (
            binary is not None
            and (role is None or role in self.r.item_words)
            and not self.measures.intersection(words)
        ):
            self.out.put(binary, at, at + len(cell))
            return True
        return self.coded.field_value(cell, at)

    def line(self, head: str, head_at: tuple[int, int]) -> int:
        """A line's label ("Ck: "); where it starts, to take it back if nothing follows."""
        mark = len(self.out.chars)
        self.out.put(head[:1].upper() + head[1:], *head_at)
        self.out.put(": ", head_at[1])
        return mark

    def close(self, end: int, when: tuple[str, int, int] | None) -> None:
        if when is not None:
            self.out.put(", on ", when[1])
            self.coded.field_value(when[0], when[1])
        if self.out.chars and self.out.chars[-1] != ".":
            self.out.put(".", end - 1)
        self.out.end_line(end)

    def drop(self, mark: int) -> None:
        del self.out.chars[mark:], self.out.offsets[mark:]

    def row(
        self,
        header: list[tuple[str, int, int]],
        cells: list[tuple[str, int, int]],
        several: bool = False,
    ) -> None:
        """One record: its columns in order, each item on a line of its own (an item's value,
        unit, limits and date columns on one line, written at its first column)."""
        items: dict[tuple[str, ...], list[_Member]] = {}
        # the columns in order: (words, the item they belong to or None, cell, header span)
        order: list[tuple[list[str], tuple[str, ...] | None, _Cell, tuple[int, int]]] = []
        named = [(self.name(head), head_at) for head, *head_at in header]
        owners = {tuple(r[0]) for words, _ in named if (r := self.role(words)) and r[0]}
        for (words, (h_start, h_end)), cell in zip(named, cells, strict=True):
            if not cell[0]:
                continue
            role = self.role(words)
            if role is None and tuple(words) in owners:  # "cancer_yn" beside "cancer_site"
                role = (words, self.r.item_words[0])
            if role is None or (not role[0] and self.phrases.get(role[1]) != "on {}"):
                order.append((words, None, cell, (h_start, h_end)))  # "sex", "value" alone
                continue
            item = tuple(role[0])
            if item not in items:
                order.append((words, item, cell, (h_start, h_end)))
            items.setdefault(item, []).append((role[1], cell, (h_start, h_end)))
        for item in [i for i in items if len(i) > 1 and self.dated_only(items[i])]:
            # "cancer_dx_date" beside "cancer_site": the date the item was diagnosed
            owner = next((i for n in range(len(item) - 1, 0, -1) if (i := item[:n]) in items), None)
            if owner is not None and not any(self.dated_only([m]) for m in items[owner]):
                kind, when, at = items.pop(item)[0]
                items[owner].append((" ".join([*item[len(owner) :], kind]), when, at))
        dates = {
            item: next(c for r, c, _ in members if self.phrases.get(r) == "on {}")
            for item, members in items.items()
            if self.dated_only([members[0]])
            or any(self.phrases.get(r) == "on {}" for r, _, _ in members)
        }
        # the row's own date: a bare "date" column, else (in a table of several rows, one a
        # visit) its visit's or sample's date; a single row's visit date is the note's own
        row_date = dates.get(()) or next(
            (
                when
                for item, when in dates.items()
                if several and " ".join(item) in self.r.row_dates and self.dated_only(items[item])
            ),
            None,
        )

        def date_of(words: list[str]) -> tuple[str, int, int] | None:
            if " ".join(words) in self.r.patient_columns:
                return None  # the patient's own fields are of no date
            for size in range(len(words) - 1, 0, -1):
                if tuple(words[:size]) in dates:
                    return dates[tuple(words[:size])]
            return row_date

        for words, of_item, cell, head_at in order:
            if of_item is not None:
                if of_item and of_item in items:  # (the row's own date: with each item)
                    self.item(list(of_item), items[of_item], date_of(list(of_item)))
                continue
            mark = self.line(" ".join(words), head_at)
            if self.value(words, None, cell[0], cell[1]):
                is_date = _GRID_DATE.match(cell[0]) or _YEAR_MONTH.match(cell[0])
                self.close(cell[2], None if is_date else date_of(words))
            else:
                self.drop(mark)

    def dated_only(self, members: list[tuple[str, tuple[str, int, int], tuple[int, int]]]) -> bool:
        return all(self.phrases.get(r) == "on {}" for r, _, _ in members)

    def item(
        self,
        words: list[str],
        members: list[tuple[str, tuple[str, int, int], tuple[int, int]]],
        outer: tuple[str, int, int] | None,
    ) -> None:
        """An item's columns on one line: its name, its values (value, unit, a drug and its
        dose), its limits as a reference range, its other columns by their words, its date."""
        head_at = members[0][2]
        dated = [c for r, c, _ in members if self.phrases.get(r) == "on {}"]
        others = [m for m in members if self.phrases.get(m[0]) != "on {}"]
        if not others:  # a date alone: "Diagnosis date: 2026-07-15."
            when = dated[0]
            mark = self.line(" ".join([*words, "date"]), head_at)
            if self.coded.field_value(when[0], when[1]):
                self.close(when[2], None)
            else:
                self.drop(mark)
            return
        mark = self.line(" ".join(words), head_at)
        said = False
        for role, (cell, at, _), _ in others:  # its values first
            if role in self.bare:
                if said:
                    self.out.put(" ", at)
                said = self.value(words, role, cell, at) or said
        limits = {
            self.r.limits[role]: (cell, at, end)
            for role, (cell, at, end), _ in others
            if role in self.r.limits
        }
        if limits:
            low, high = limits.get("lower"), limits.get("upper")
            first = (low or high)[1]  # type: ignore[index]
            self.out.put(" (ref ", first)
            if low is not None and high is not None:
                self.out.put(low[0], low[1], low[2])
                self.out.put("-", low[2])
                self.out.put(high[0], high[1], high[2])
            elif high is not None:
                self.out.put("<", high[1])
                self.out.put(high[0], high[1], high[2])
            elif low is not None:
                self.out.put(">", low[1])
                self.out.put(low[0], low[1], low[2])
            self.out.put(")", first)
        for role, (cell, at, end), (h_start, h_end) in others:
            if role in self.bare or role in self.r.limits:
                continue
            phrase = self.phrases.get(role)
            before, _, after = (phrase or f"{role} {{}}").partition("{}")
            piece = len(self.out.chars)
            self.out.put((", " if said else "") + before, h_start, h_end)
            if self.coded.field_value(cell, at):
                if after:
                    self.out.put(after, end)
                said = True
            else:
                self.drop(piece)
        if said:
            self.close(others[-1][1][2], dated[0] if dated else outer)
        else:
            self.drop(mark)


def _item_row(
    w: _CodedWriter,
    header: list[tuple[str, int, int]],
    row: list[tuple[str, int, int]],
    said_as: JsonRules,
) -> None:
    """A row named by its first cell, its other columns by their names ("Mi-2: neg, band
    intensity 0."; "Prednisolone: 10 mg, route PO, started 01/10/2026."): a value, result or
    dose by its value alone, a start or stop date by its phrase (records.yaml json)."""
    name, at, end = row[0]
    mark = len(w.out.chars)
    w.out.put(name, at, end)
    w.out.put(": ", end)
    said = False
    for (head, h_at, h_end), (cell, c_at, _) in zip(header[1:], row[1:], strict=True):
        if not cell:
            continue
        piece = len(w.out.chars)
        words = _words(head)
        phrase = said_as.phrases.get(words, "{}" if words in said_as.bare_keys else None)
        before, _, after = (phrase if phrase is not None else words + " {}").partition("{}")
        w.out.put((", " if said else "") + before, h_at, h_end)
        if w.field_value(cell, c_at):
            if after:
                w.out.put(after, c_at + len(cell))
            said = True
        else:
            del w.out.chars[piece:], w.out.offsets[piece:]
    if not said:
        del w.out.chars[mark:], w.out.offsets[mark:]
        return
    w.out.put(".", row[-1][2] - 1)
    w.out.end_line(row[-1][2])


def _delimited_table(
    text: str,
    lines: list[tuple[str, int]],
    k: int,
    w: _CodedWriter,
    rules: RecordRules,
) -> int:
    """A delimited table whose header is line ``k``, each data row written as a form's lines
    (or, with a test and a result column, as result lines); the number of lines it takes (0
    when line ``k`` is not such a header, has no data row, or its rows are several patients)."""
    line, at = lines[k]
    r = rules.delimited
    for delimiter in r.delimiters:
        # a markdown table ("| Drug | Dose |" over its rule line): its outer bars are no cells
        barred = delimiter == "|" and line.lstrip().startswith("|")
        if line.count(delimiter) < r.min_columns - 1 + 2 * barred:
            continue
        head = _delimited_row(text, at, delimiter, r.max_cell_chars)
        if head is None or text[at : head[1]].count("\n") > 1:
            continue
        header, pos = _unbarred(head[0], barred), head[1]
        if header and header[0][0].startswith("\ufeff"):  # a spreadsheet's byte-order mark
            header[0] = (header[0][0][1:], header[0][1] + 1, header[0][2])
        numbered = bool(header) and header[0][0].casefold() in r.number_columns
        if numbered:  # "| # | Problem | Onset |": the row's number says nothing
            header = header[1:]
        # a header typed with a space after each delimiter reads like prose ("Rash on the
        # hands, weakness, dysphagia"): shorter names and one column more
        spaced = f"{delimiter} " in line and delimiter != "\t" and not barred
        words_max = r.max_header_words if not spaced else r.spaced_header_words
        if len(header) < r.min_columns + spaced or not all(
            _COLUMN_NAME.match(c) and len(_words(c).split()) <= words_max for c, _, _ in header
        ):
            continue
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if barred and _rule_line(text[pos:line_end]):  # the markdown rule under the header
            pos = line_end + 1
        rows: list[list[tuple[str, int, int]]] = []
        while pos < len(text) and text[pos] not in "\n\r":
            found = _delimited_row(text, pos, delimiter, r.max_cell_chars)
            if found is None:
                break
            cells = _unbarred(found[0], barred)[numbered:]
            if len(cells) != len(header):
                break
            rows.append(cells)
            pos = found[1]
        # a record holds a number, a date or a coded value somewhere (a list of names over a
        # line of prose does not)
        said = {*rules.coded.values, *r.binary_values, *rules.marks.columns}
        rows = [row for row in rows if any(c for c, _, _ in row)]
        if not rows or not all(
            any(any(ch.isdigit() for ch in c) or c.casefold() in said for c, _, _ in row)
            for row in rows
        ):
            continue
        names = [_words(c) for c, _, _ in header]
        kept = [i for i, name in enumerate(names) if name in r.patient_columns]
        if len(rows) > 1 and any(len({row[i][0].casefold() for row in rows}) > 1 for i in kept):
            # several patients: only the one the note names elsewhere by an identifier of its
            # row ("Patient: AUD-037" above the table), else none of them
            outside = text[:at] + "\n" + text[pos:]
            named = [
                row
                for row in rows
                if any(
                    len(row[i][0]) >= 2
                    and any(ch.isdigit() for ch in row[i][0])
                    and re.search(rf"(?<![\w-]){re.escape(row[i][0])}(?![\w-])", outside)
                    for i in kept
                )
            ]
            if len(named) != 1:
                return _lines_to(lines, k, pos)  # nobody's facts: nothing written
            rows = named
        limits = [r.limits.get(_words(c)) for c, _, _ in header]
        roles = [
            _role(c, rules.cda.columns) if limit is None else None
            for (c, _, _), limit in zip(header, limits, strict=True)
        ]
        # one item a row, named in its first column ("Antigen | Result | Intensity" over
        # "Mi-2 | neg | 0"): by its header's role, or by distinct names that are no dates
        first = _words(header[0][0])
        # issue #10 (i11c): not where the rows' first cells are results themselves: the header
        # names the items, one a column ("| Jo-1 | PL-7 | TIF1γ |" over "| neg | neg | pos |")
        transposed = all(row[0][0].casefold() in said for row in rows)
        by_item = (barred and not transposed) or (
            first not in r.patient_columns
            and (
                roles[0] == "name"
                or (
                    len(rows) > 1
                    and roles[0] != "date"
                    and len({row[0][0].casefold() for row in rows}) == len(rows)
                    and all(
                        row[0][0]
                        and not _GRID_DATE.match(row[0][0])
                        and not _NUMBER.fullmatch(row[0][0])
                        for row in rows
                    )
                )
            )
        )
        for row in rows:
            if {"name", "value"} <= set(roles):  # one result a row
                cols = {
                    str(role or f"other {i}"): (cell, c_at)
                    for i, (role, (cell, c_at, _)) in enumerate(zip(roles, row, strict=True))
                    if cell and limits[i] is None
                }
                bounds = {b: c for b, c in zip(limits, row, strict=True) if b and c[0]}
                if "reference" not in cols and bounds:  # "lln", "uln" columns: its range
                    low, high = bounds.get("lower"), bounds.get("upper")
                    ref = (
                        f"{low[0]}-{high[0]}"
                        if low and high
                        else (
                            f"<{high[0]}" if high else f">{low[0]}"  # type: ignore[index]
                        )
                    )
                    cols["reference"] = (ref, (low or high)[1])  # type: ignore[index]
                if "name" in cols and "value" in cols:
                    _result_line(w.out, cols, row[-1][2])
                continue
            if by_item:
                _item_row(w, header, row, rules.json_)
                continue
            _DelimitedWriter(w, r, rules.json_).row(header, row, several=len(rows) > 1)
        return _lines_to(lines, k, pos)
    return 0


def _unbarred(cells: list[tuple[str, int, int]], barred: bool) -> list[tuple[str, int, int]]:
    """A markdown row's cells without the empty ones its outer bars make."""
    if barred and len(cells) >= 2 and not cells[0][0] and not cells[-1][0]:
        return cells[1:-1]
    return cells


def _lines_to(lines: list[tuple[str, int]], k: int, pos: int) -> int:
    """How many lines from line ``k`` start before ``pos``."""
    taken = 0
    while k + taken < len(lines) and lines[k + taken][1] < pos:
        taken += 1
    return taken


def _coded_lines(text: str, records: RecordRules) -> Linearised | None:
    """Any note with coded lines: each such line written out, the others as they are; None
    when no line is coded."""
    rules, grid, roles, marks = records.coded, records.grid, records.cda.columns, records.marks
    w = _CodedWriter(rules)
    changed = False
    lines: list[tuple[str, int]] = []
    pos = 0
    for part in text.split("\n"):
        lines.append((part, pos))
        pos += len(part) + 1
    skip = 0
    for k, (line, at) in enumerate(lines):
        if skip:
            skip -= 1
            continue
        tabular = "  " in line or "|" in line or "\t" in line
        taken = _result_rows(lines, k, roles, w.out) if tabular else 0
        if tabular and not taken:
            taken = _marked_rows(lines, k, marks, w.out)
        if tabular and not taken and "|" in line:  # issue #10 (i10ad)
            taken = _scored_rows(lines, k, records.score_sheets, w.out)
        if taken:
            skip = taken - 1
            changed = True
            continue
        found_grid = _grid(lines, k, grid, roles) if tabular else None
        if found_grid is not None:
            cells, taken = found_grid
            _write_grid(w.out, cells)
            skip = taken - 1
            changed = True
            continue
        taken = _delimited_table(text, lines, k, w, records)  # issue #10 (i10w)
        if taken:
            skip = taken - 1
            changed = True
            continue
        if _ticked_line(line, at, marks, w.out):  # issue #10 (i10w)
            changed = True
            continue
        concept = _CONCEPT.search(line)
        if (
            concept is not None
            and not line[: concept.start()].strip()
            and sctid_is_concept(concept.group("id"), rules.concept_partitions)
        ):
            if not w.concept(line, at, concept, concept.end()):
                w.out.end_line(at + len(line))
            changed = True
            continue
        loinc = _LOINC_ROW.match(line)
        if loinc is not None and loinc_is_valid(loinc.group("code")):
            _loinc_row(w.out, line, at, loinc.end())
            changed = True
            continue
        label = _LINE_LABEL.match(line)
        fields = _fields_of(line, label.end() if label else 0)
        if fields and (len(fields) > 1 or "_" in fields[0].group("key")):
            if label is not None:
                said = label.group().strip()
                w.out.put(said, at + label.start(), at + label.start() + len(said))
                w.out.end_line(at + label.end())
            w.fields(line, at, fields)
            changed = True
            continue
        w.out.put(line, at, at + len(line))
        if at + len(line) < len(text):
            w.out.put("\n", at + len(line))
    if not changed:
        return None
    written = w.out.result()
    return Linearised(written.text, written.offsets, keeps_layout=True)


# --------------------------------------------------------------------------- CDA XML
# issue #10 (i10q): an HL7 CDA R2 document, read from its elements with their positions kept
_XML_TOKEN = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z_][\w:.-]*)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<empty>/)?>|(?P<text>[^<]+)",
    re.DOTALL,
)
_XML_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));")
_ENTITY_CHAR = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_TS_IN_TEXT = re.compile(r"\b((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{2,6})?\b")


@dataclass
class _Span:
    """Text as decoded, and per character its position in the original."""

    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)

    def add(self, raw: str, at: int) -> None:
        pos = 0
        for m in _ENTITY.finditer(raw):
            self.chars.extend(raw[pos : m.start()])
            self.offsets.extend(range(at + pos, at + m.start()))
            code = m.group(1) or m.group(2)
            char = chr(int(code, 16 if m.group(2) else 10)) if code else _ENTITY_CHAR[m.group(3)]
            self.chars.append(char)
            self.offsets.append(at + m.start())
            pos = m.end()
        self.chars.extend(raw[pos:])
        self.offsets.extend(range(at + pos, at + len(raw)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def write(self, w: _Writer, lo: int = 0, hi: int | None = None) -> None:
        """This text (or its [lo, hi) part) with HL7 timestamps as dates, spaces collapsed."""
        text = self.text[lo:hi]
        base = lo
        pos = 0
        for m in _TS_IN_TEXT.finditer(text):
            if pos and text[pos : m.start()] == "-":  # "20261022-20261024": a period
                w.put(" to ", self.offsets[base + pos])
            else:
                self._copy(w, text, base, pos, m.start())
            w.put(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", self.offsets[base + m.start()])
            pos = m.end()
        self._copy(w, text, base, pos, len(text))

    def _copy(self, w: _Writer, text: str, base: int, lo: int, hi: int) -> None:
        for i in range(lo, hi):
            ch = text[i]
            if ch.isspace():
                if not w.chars or w.chars[-1] in " \n":
                    continue
                ch = " "
            w.chars.append(ch)
            w.offsets.append(self.offsets[base + i])


def _attrs(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _XML_ATTR.finditer(raw or ""):
        name = m.group(1).rsplit(":", 1)[-1]
        out[name] = m.group(2) if m.group(2) is not None else m.group(3)
    return out


@dataclass
class _Observation:
    start: int
    name: tuple[str, int] | None = None
    value: list[tuple[str, int]] = field(default_factory=list)
    low: str | None = None
    high: str | None = None
    when: tuple[str, int] | None = None
    interpretation: tuple[str, int] | None = None


class _CdaWriter:
    def __init__(self, text: str, rules: CdaRules) -> None:
        self.text = text
        self.r = rules
        self.out = _Writer()
        self.lines = set(rules.line_elements)
        self.stack: list[str] = []
        self.observations: list[_Observation] = []
        self.header: list[_Span] | None = None  # the current table's header cells
        self.row: list[_Span] | None = None
        self.cell: _Span | None = None
        self.narrative = 0  # depth inside <text> of a section
        self.title: _Span | None = None

    def line(self, words: str, at: int, value: str, v_at: int, v_len: int) -> None:
        self.out.put(words, at)
        self.out.put(value, v_at, v_at + v_len if v_len == len(value) else None)
        self.out.put(".", v_at)
        self.out.end_line(v_at)

    def run(self) -> Linearised:
        for m in _XML_TOKEN.finditer(self.text):
            if m.group("text") is not None or m.group("cdata") is not None:
                group = "text" if m.group("text") is not None else "cdata"
                self.chars(m.group(group), m.start(group))
            elif m.group("tag"):
                tag = m.group("tag").rsplit(":", 1)[-1]
                if m.group("close"):
                    self.close(tag, m.start())
                else:
                    self.open(tag, _attrs(m.group("attrs")), m.start())
                    if m.group("empty"):
                        self.close(tag, m.end() - 1)
        return self.out.result()

    def chars(self, raw: str, at: int) -> None:
        if self.cell is not None:
            self.cell.add(raw, at)
        elif self.title is not None:
            self.title.add(raw, at)
        elif self.narrative:
            span = _Span()
            span.add(raw, at)
            span.write(self.out)
        elif self.observations and self.stack and self.stack[-1] == "value":
            span = _Span()
            span.add(raw, at)
            if span.text.strip():
                self.observations[-1].value.append((span.text.strip(), at))

    def open(self, tag: str, attrs: dict[str, str], at: int) -> None:
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        if tag == "administrativeGenderCode":
            said = attrs.get("displayName") or attrs.get("code")
            if said:
                self.line("Sex: ", at, said, at, 0)
        elif tag == "birthTime" and _ts(attrs.get("value", "")):
            self.line("Date of birth: ", at, str(_ts(attrs["value"])), at, 0)
        elif tag == "title" and parent in ("section", self.r.root):
            self.title = _Span()
        elif tag == "text" and parent == "section":
            self.narrative += 1
        elif self.narrative and tag == "table":
            self.header = []
        elif self.narrative and tag == "tr":
            self.row = []
        elif self.narrative and tag in ("td", "th") and self.row is not None:
            self.cell = _Span()
        elif not self.narrative and tag == "observation":
            self.observations.append(_Observation(at))
        elif self.observations and not self.narrative:
            self.observation_part(tag, parent, attrs, at)

    def observation_part(self, tag: str, parent: str, attrs: dict[str, str], at: int) -> None:
        obs = self.observations[-1]
        if tag == "code" and parent == "observation" and attrs.get("displayName"):
            obs.name = (attrs["displayName"], at)
        elif tag == "value" and parent == "observation":
            if "value" in attrs:
                said = attrs["value"] + (f" {attrs['unit']}" if attrs.get("unit") else "")
                obs.value.append((said, at))
            elif attrs.get("displayName") or attrs.get("code"):
                obs.value.append((attrs.get("displayName") or attrs["code"], at))
        elif tag in ("low", "high") and "value" in attrs and "referenceRange" in self.stack:
            setattr(obs, tag, attrs["value"])
        elif tag == "effectiveTime" and parent == "observation" and _ts(attrs.get("value", "")):
            obs.when = (str(_ts(attrs["value"])), at)
        elif tag == "low" and parent == "effectiveTime" and obs.when is None:
            if _ts(attrs.get("value", "")):
                obs.when = (str(_ts(attrs["value"])), at)
        elif tag == "interpretationCode" and parent == "observation":
            interpretation = attrs.get("displayName") or attrs.get("code")
            if interpretation:
                obs.interpretation = (interpretation, at)

    def close(self, tag: str, at: int) -> None:
        while self.stack and self.stack[-1] != tag:
            self.stack.pop()  # an element left open
        if self.stack:
            self.stack.pop()
        if tag == "title" and self.title is not None:
            span, self.title = self.title, None
            if span.text.strip():
                self.out.end_line(at, blank=True)
                span.write(self.out)
                self.out.put(":", at)
                self.out.end_line(at)
            return
        if tag == "text" and self.narrative:
            self.narrative -= 1
            self.out.end_line(at, blank=True)
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(self.cell)
            self.cell = None
            return
        if tag == "tr" and self.row is not None:
            row, self.row = self.row, None
            self.table_row(row, at)
            return
        if tag == "table":
            self.header = None
        if tag == "observation" and self.observations:
            self.observation(self.observations.pop(), at)
            return
        if self.narrative and tag in self.lines:
            self.out.end_line(at)

    def column(self, header: str) -> str | None:
        words = header.strip().casefold()
        for role, starts in self.r.columns.items():
            if any(words.startswith(s) for s in starts):
                return role
        return None

    def table_row(self, row: list[_Span], at: int) -> None:
        if (
            self.header is not None
            and not self.header
            and all(self.column(c.text) for c in row if c.text.strip())
        ):
            self.header = row  # the header row: kept to name the columns
            return
        roles = [self.column(c.text) for c in self.header] if self.header else []
        cells = {role: c for role, c in zip(roles, row, strict=False) if role and c.text.strip()}
        if "name" in cells and "value" in cells:
            cells["name"].write(self.out)
            self.out.put(": ", at)
            cells["value"].write(self.out)
            if "unit" in cells:
                self.out.put(" ", at)
                cells["unit"].write(self.out)
            if "reference" in cells:
                self.out.put(" (ref ", at)
                cells["reference"].write(self.out)
                self.out.put(")", at)
            if "date" in cells:
                self.out.put(", on ", at)
                cells["date"].write(self.out)
        else:
            said = False
            for c in row:
                if not c.text.strip():
                    continue
                if said:
                    self.out.put(", ", at)
                c.write(self.out)
                said = True
            if not said:
                return
        self.out.put(".", at)
        self.out.end_line(at)

    def observation(self, obs: _Observation, at: int) -> None:
        if obs.name is None or not obs.value:
            return
        name, n_at = obs.name
        self.out.put(name, n_at)
        self.out.put(": ", n_at)
        for k, (value, v_at) in enumerate(obs.value):
            self.out.put((", " if k else "") + value, v_at)
        if obs.interpretation is not None:
            self.out.put(f" ({obs.interpretation[0]})", obs.interpretation[1])
        if obs.low or obs.high:
            ref = (
                f"{obs.low}-{obs.high}"
                if obs.low and obs.high
                else f"<{obs.high}"
                if obs.high
                else f">{obs.low}"
            )
            self.out.put(f" (ref {ref})", at)
        if obs.when is not None:
            self.out.put(f", on {obs.when[0]}", obs.when[1])
        self.out.put(".", at)
        self.out.end_line(at)


def _cda_document(text: str, rules: CdaRules) -> Linearised | None:
    if f"<{rules.root}" not in text:
        return None
    return _CdaWriter(text, rules).run()


# an ASTM E1394 / CLSI LIS2-A2 message opens with its header record, whose first field defines
# the delimiters after the field one: repeat, component, escape ("H|\\^&|||sender...")
_ASTM_HEADER = re.compile(r"\A\s*H\|[^|\w\s]{3}\|")


def linearise_record(text: str) -> Linearised | None:
    """The written form of ``text`` if it is a JSON export or an HL7 v2 message, else None
    (also when nothing of it could be written: the text is then read as it is)."""
    r = _rules()
    found: Linearised | None = None
    if "|" in text and "MSH|" in text:
        found = _hl7_message(text, r.hl7)
    if found is None and _ASTM_HEADER.match(text):  # issue #10 (i10af)
        found = _hl7_message(text, r.astm)
    if found is None and "<" in text:
        found = _cda_document(text, r.cda)  # issue #10 (i10q)
    if found is None and ("{" in text or "[" in text):
        found = _json_record(text, r.json_)
    if found is None:
        found = _coded_lines(text, r)  # issue #10 (i10q)
    if found is None or not found.text.strip():
        return None
    last = len(text) - 1  # every written character points into the text
    offsets = [min(max(o, 0), last) for o in found.offsets]
    return Linearised(found.text, offsets, found.keeps_layout)
