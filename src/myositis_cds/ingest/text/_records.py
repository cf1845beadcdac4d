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

from myositis_cds.ingest.text._rules import RulesMeta, _load, _Strict

__all__ = ["Linearised", "linearise_record"]


class JsonRules(_Strict):
    min_share: float = Field(gt=0, le=1)
    bare_keys: list[str]
    skip_keys: list[str]
    phrases: dict[str, str]
    true_word: str
    false_word: str


class Hl7Rules(_Strict):
    min_segments: int = Field(ge=1)
    segments: dict[str, list[tuple[int, str]]]
    free_text_words: int = Field(ge=1)
    free_text_segments: list[str]


class CodedRules(_Strict):
    concept_partitions: list[str]
    status_words: dict[str, str | None]
    status_keys: list[str]
    values: dict[str, str | None]


class RecordRules(_Strict):
    meta: RulesMeta
    json_: JsonRules = Field(alias="json")
    hl7: Hl7Rules
    coded: CodedRules


@cache
def _rules() -> RecordRules:
    loaded: RecordRules = _load("records", RecordRules)
    return loaded


@dataclass(frozen=True)
class Linearised:
    """The written form of a record and, per character, its position in the original."""

    text: str
    offsets: list[int]


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
_SEGMENT = re.compile(r"^(?P<name>[A-Z][A-Z0-9]{2})\|")
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


def _put_field(w: _Writer, value: str, start: int) -> None:
    """A field's text: a compact timestamp as an ISO date, components joined by spaces."""
    m = _HL7_TIME.match(value)
    if m is not None and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
        w.put(f"{m.group('y')}-{m.group('m')}-{m.group('d')}", start, start + 8)
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


def _observation(w: _Writer, fields: list[tuple[str, int, int]]) -> None:
    """OBX: "name: value unit (ref range), on date." (OBX-3 text, 5, 6, 7, 14)."""

    def get(i: int) -> tuple[str, int, int]:
        return fields[i] if i < len(fields) else ("", fields[-1][2], fields[-1][2])

    ident, i_start, _ = get(3)
    comps = _components(ident)
    name, offset = comps[1] if len(comps) > 1 and comps[1][0].strip() else comps[0]
    value, v_start, _ = get(5)
    if not name.strip() or not value.strip():
        return
    w.put(name, i_start + offset, i_start + offset + len(name))
    w.put(": ", i_start + offset + len(name))
    _put_field(w, value, v_start)
    unit, u_start, _ = get(6)
    unit_text = _components(unit)[0][0]
    if unit_text.strip():
        w.put(" ", u_start)
        w.put(unit_text, u_start, u_start + len(unit_text))
    ref, r_start, r_end = get(7)
    if ref.strip() and any(ch.isdigit() for ch in ref):  # a range, not "NEG"
        w.put(" (ref ", r_start)
        w.put(ref, r_start, r_end)
        w.put(")", r_end - 1)
    when, t_start, _ = get(14)
    if _HL7_TIME.match(when):
        w.put(", on ", t_start)
        _put_field(w, when, t_start)
    w.put(".", fields[-1][2] - 1)
    w.end_line(fields[-1][2])


def _hl7_message(text: str, rules: Hl7Rules) -> Linearised | None:
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\r\n]+", text)]
    segments = [(ln, at) for ln, at in lines if _SEGMENT.match(ln)]
    if len(segments) < rules.min_segments or not any(ln.startswith("MSH|") for ln, _ in segments):
        return None
    w = _Writer()
    for line, at in lines:
        seg = _SEGMENT.match(line)
        if seg is None:  # text around the message, as written
            w.put(line, at, at + len(line))
            w.end_line(at + len(line))
            continue
        name = seg.group("name")
        fields = _fields(line, at)
        if name == "OBX":
            _observation(w, fields)
            continue
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
            w.end_line(at + len(line), blank=name in ("MSH", "PID", "OBR"))
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
    rf"(?P<key>{_KEY}(?:[ \t]{_KEY})?)[ \t]*=[ \t]*"
    rf"(?P<value>\"[^\"\n]*\"|(?:(?![ \t]*\||[ \t]{{2,}}{_KEY}[ \t]*=|[ \t]+{_KEY}=)[^\n])*)"
)
_HEAD_AND_NOTE = re.compile(r"([^\s()]+)[ \t]*\([^()]*\)$")
# a form line's own label before its fields ("Patient: sex=M | DOB=1958-09-30")
_LINE_LABEL = re.compile(r"^[ \t]*[A-Za-z][A-Za-z ]{0,30}:[ \t]*(?=[A-Za-z][A-Za-z0-9_]*[ \t]*=)")
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


def _coded_lines(text: str, rules: CodedRules) -> Linearised | None:
    """Any note with coded lines: each such line written out, the others as they are; None
    when no line is coded."""
    w = _CodedWriter(rules)
    changed = False
    for lm in re.finditer(r"[^\n]*\n?", text):
        line, at = lm.group().rstrip("\n"), lm.start()
        if not lm.group():
            break
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
            rest = loinc.end()
            w.out.put(line[rest:], at + rest, at + len(line))
            w.out.end_line(at + len(line))
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
        if lm.group().endswith("\n"):
            w.out.put("\n", at + len(line))
    return w.out.result() if changed else None


def linearise_record(text: str) -> Linearised | None:
    """The written form of ``text`` if it is a JSON export or an HL7 v2 message, else None
    (also when nothing of it could be written: the text is then read as it is)."""
    r = _rules()
    found: Linearised | None = None
    if "|" in text and "MSH|" in text:
        found = _hl7_message(text, r.hl7)
    if found is None and ("{" in text or "[" in text):
        found = _json_record(text, r.json_)
    if found is None and ("|" in text or "=" in text or "-" in text):
        found = _coded_lines(text, r.coded)  # issue #10 (i10q)
    if found is None or not found.text.strip():
        return None
    last = len(text) - 1  # every written character points into the text
    return Linearised(found.text, [min(max(o, 0), last) for o in found.offsets])
