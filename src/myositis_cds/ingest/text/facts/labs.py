"""Laboratory values (CK, LDH, AST, ALT …): the value, its reference range,
whether it is raised, and another cause named for a raised enzyme."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from typing import Any

from myositis_cds.ingest.text._draft import (
    _FINDING_CATS,
    _LAB_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
)
from myositis_cds.ingest.text._model import FactStatus
from myositis_cds.ingest.text._rules import (
    Reference,
    Rules,
    TermMatch,
    reference_after,
    reference_limits,
    term_key,
)
from myositis_cds.ingest.text._time import TimePoint, find_dates

# "3.2k", "12K": a value in thousands (not "kg", "kU/L", "K+")
_THOUSANDS_K = re.compile(r"[kK](?![\w/+])")


def _lab_table_row(ex: Extraction, tail: str) -> tuple[dict[str, Any], int] | None:
    """A lab table row after the lab's name (rules/patterns.yaml ``lab_table_row``): the value,
    its unit, the reference limits and the flag's direction; with its length, or None."""
    for rx in ex.rules.value["lab_table_row"]:
        rm = rx.match(tail)
        if rm is None:
            continue
        g = rm.groupdict()
        value: dict[str, Any] = {"value": _number(g["value"])}
        unit = g.get("unit") or g.get("unit_value")  # i10j: a pipe table's unit by the value
        if unit:
            value["unit"] = ex.rules.canonical_unit(unit)
        lower, upper = reference_limits(rm)
        if lower is not None:
            value["lower_limit"] = lower
        if upper is not None:
            value["upper_limit"] = upper
        if g.get("high"):
            value["above_uln"] = True
        elif g.get("low"):
            value["above_uln"] = False
        return value, rm.end()
    return None


def lab_unit(rules: Rules, code: str, unit: str) -> tuple[str, float]:
    """The unit a value of lab ``code`` written in ``unit`` is recorded in, and the factor its
    value and limits are multiplied by: the canonical spelling (patterns.yaml unit_synonyms:
    "IU/L" is "U/L"), then the deliberate conversion to the lexicon's unit (unit_conversions:
    CK in µkat/L x 60 = U/L, CRP in mg/dL x 10 = mg/L). The one place units are converted:
    the assembly of the case and benchmarks/nlp_eval.py's comparison both use it."""
    unit = rules.canonical_unit(unit)
    for conv in rules.patterns.unit_conversions:
        if str(conv.lab) == code and conv.from_ == unit:
            return conv.to, conv.factor
    return unit, 1.0


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _add_limits(value: dict[str, Any], ref: Reference) -> None:
    if ref.upper is not None:
        value["upper_limit"] = ref.upper
    if ref.lower is not None:
        value["lower_limit"] = ref.lower


def _undecided_number(ex: Extraction, start: int, end: int) -> bool:
    """Whether the number at [start, end) could be decimals or thousands, undecided by the
    note's conventions (``_style``)."""
    spans = ex.note_style.ambiguous_numbers if ex.note_style is not None else ()
    return any(a < end and start < b for a, b in spans)


# Only list glue between two lab names: "ESR, CRP, LDH, and CK", "LDH and aldolase", "CK (CPK)/"
# (issue #10, i32r: and the Portuguese, Spanish, French and Italian "and", "CK e LDH", "CPK y
# LDH", "CPK et LDH"; and the rest of a bracket a name stands in, "creatine kinase (total CK)
# and LDH")
_LAB_GLUE = re.compile(
    r"\s*(?:\([^()]{1,15}\)\s*|[^()\d]{0,15}\)\s*)?"
    r"(?:,\s*(?:and\s+|or\s+)?|(?:and|or|e|y|et)\s+|/\s*)"
    r"(?:(?:the\s+)?serum\s+)?",
    re.IGNORECASE,
)


def _shared_judgements(ex: Extraction, sent: Sentence, matches: list[TermMatch]) -> list[str]:
    """A judgement said once of a coordinated list of labs holds for every member: "an
    elevated ESR, CRP, LDH and CK", "LDH, aldolase and myoglobin were high". Members of one list
    without a judgement of their own take the one the others agree on ('' when none)."""
    text = ex.text
    own = []
    for m in matches:
        assertion = sent.context.assert_target(m.start, m.end, _LAB_CATS)
        existence = assertion.get("existence")
        if existence == "ABNORMAL" and _negated_cue(sent, assertion, m, text):
            existence = "NORMAL"
        own.append(existence if existence in ("ABNORMAL", "NORMAL") else "")
    shared = [""] * len(matches)
    group: list[int] = []
    for k in range(len(matches) + 1):
        glued = (
            k < len(matches)
            and bool(group)
            and _LAB_GLUE.fullmatch(text, matches[k - 1].end, matches[k].start) is not None
        )
        if group and not glued:
            said = {own[i] for i in group if own[i]}
            if len(group) > 1 and len(said) == 1:
                agreed = next(iter(said))
                for i in group:
                    shared[i] = agreed
            group = []
        if k < len(matches):
            group.append(k)
    return shared


# issue #10 (i39r): between two measured members of one list, the first one's value and unit,
# then the list's glue as between two names ("increased ESR of 40 mm/h and LDH level of 672
# U/L", "raised CK at 2,400 U/L, LDH 900 U/L and AST 160 U/L")
_VALUED_GLUE = re.compile(
    r"\s*(?:(?:levels?|values?|concentrations?|activity)\s+)?(?:(?:of|at|was|were|is)\s+|[:=]\s*)?"
    r"\d[\d,.]*(?:\s*[^\W\d_][^\s,;()]{0,7})?" + _LAB_GLUE.pattern,
    re.IGNORECASE,
)


def _fronted_judgements(ex: Extraction, sent: Sentence, matches: list[TermMatch]) -> list[str]:
    """issue #10 (i39r): a judgement put before the first of a list of measured labs holds for
    every member with no judgement of its own: "increased ESR of 40 mm/h and LDH level of 672
    U/L" is a raised LDH too, "normal CK of 90 U/L and LDH of 210 U/L" a normal LDH. Only a
    judgement that stands before the list (its word ends before the first name): one said after
    a value is that value's ("CK of 90 U/L and LDH of 900 U/L, raised") and is left to each."""
    text = ex.text
    out = [""] * len(matches)
    k = 0
    while k < len(matches):
        first = matches[k]
        assertion = sent.context.assert_target(first.start, first.end, _LAB_CATS)
        hit = assertion.categories.get("existence")
        n = k + 1
        while n < len(matches) and _VALUED_GLUE.fullmatch(
            text, matches[n - 1].end, matches[n].start
        ):
            n += 1
        if (
            hit is not None
            and hit[0] in ("ABNORMAL", "NORMAL")
            and hit[2] <= first.start
            and not (hit[0] == "ABNORMAL" and _negated_cue(sent, assertion, first, text))
        ):
            for i in range(k + 1, n):
                out[i] = hit[0]
        k = n
    return out


# issue #10 (i20b): only a slash between two lab names that share their values ("SGOT / SGPT")
_SLASH_GLUE = re.compile(r"[ \t]*/[ \t]*")
# ... and after the last value or range, no further member of the run ("88/71/2026": a date)
_SLASH_MORE = re.compile(r"[ \t]*/[ \t]*\d")


def _slash_members(ex: Extraction, sent: Sentence, matches: list[TermMatch]) -> dict[int, Any]:
    """issue #10 (i20b): labs named together with slashes and given their values (and reference
    ranges) in the same order, "SGOT / SGPT : 88 / 71 U/L (Ref: 5-40 / 7-56)": AST 88 (5-40) and
    ALT 71 (7-56). Each member's value, unit and limits, keyed by its index in ``matches``, with
    where the run ends; a unit written once, after the last value, is every member's. A run
    whose values (or ranges) are fewer or more than its names is not read this way."""
    text = ex.text
    found: dict[int, Any] = {}
    k = 0
    while k < len(matches):
        j = k
        while (
            j + 1 < len(matches)
            and matches[j + 1].concept != matches[j].concept
            and _SLASH_GLUE.fullmatch(text, matches[j].end, matches[j + 1].start) is not None
        ):
            j += 1
        run = _slash_run(ex, j + 1 - k, text[matches[j].end : sent.end]) if j > k else None
        if run is not None:
            values, length = run
            for n, value in enumerate(values):
                found[k + n] = (value, matches[j].end + length)
        k = j + 1
    return found


def _slash_run(ex: Extraction, members: int, tail: str) -> tuple[list[dict[str, Any]], int] | None:
    """The values (and limits) of ``members`` labs read from the ``tail`` after the last name
    (rules/patterns.yaml ``lab_slash_*``), with the length read; None unless there is one value
    for each."""
    opened = _first_match(ex, "lab_slash_open", tail)
    if opened is None:
        return None
    pos = opened.end()
    values: list[dict[str, Any]] = []
    for n in range(members):
        if n:
            glue = _SLASH_GLUE.match(tail, pos)
            if glue is None:
                return None
            pos = glue.end()
        vm = _first_match(ex, "lab_slash_value", tail[pos:])
        if vm is None:
            return None
        value: dict[str, Any] = {"value": _number(vm.group("value"))}
        if vm.group("unit"):
            value["unit"] = ex.rules.canonical_unit(vm.group("unit"))
        values.append(value)
        pos += vm.end()
    if _SLASH_MORE.match(tail, pos):
        return None
    if "unit" in values[-1]:
        for value in values:
            value.setdefault("unit", values[-1]["unit"])
    opened = _first_match(ex, "lab_slash_reference_open", tail[pos:])
    if opened is not None:
        at = pos + opened.end()
        limits: list[tuple[float | None, float | None]] = []
        for n in range(members):
            glue = _SLASH_GLUE.match(tail, at) if n else None
            if n and glue is None:
                break
            rm = _first_match(ex, "lab_slash_range", tail[glue.end() if glue else at :])
            if rm is None:
                break
            at = (glue.end() if glue else at) + rm.end()
            limits.append(reference_limits(rm))
        if len(limits) == members and not _SLASH_MORE.match(tail, at):
            for value, (lower, upper) in zip(values, limits, strict=True):
                _add_limits(value, Reference(lower, upper, 0))
            pos = at + (1 if tail[at : at + 1] in (")", "]") else 0)
    return values, pos


# a value, its unit and an opened bracket with a range label: what stands between a result and
# its name said again inside the range ("450 U/l (Norm: ", "900 U/L (normal ")
_OPEN_RANGE = re.compile(
    r"[^()\n]{0,30}?\d[^()\n]{0,20}\(\s*[^\W\d_]{1,20}\.?\s*(?:[^\W\d_]{1,20}\s*)?[:=]?\s*"
)


def _labs(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    bounds: list[Draft] = []  # values read as a lower bound ("CK >8,000")
    for idx, matches in _bucket(ex, _with_upper_lab_names(ex, r.labs.find(text))).items():
        sent = ex.sentences[idx]
        shared = _shared_judgements(ex, sent, matches)
        fronted = _fronted_judgements(ex, sent, matches)  # i39r
        paired = _slash_members(ex, sent, matches)
        # issue #10 (i10p): the lab's name said again inside its own reference range ("CK 450
        # U/l (Norm: CK < 170 U/l)") is part of that range, not a second result
        inside = {
            k + 1
            for k in range(len(matches) - 1)
            if matches[k + 1].concept == matches[k].concept
            and _OPEN_RANGE.fullmatch(text, matches[k].end, matches[k + 1].start) is not None
        }
        for k, m in enumerate(matches):
            if k in inside:
                continue
            later = [n for n in range(k + 1, len(matches)) if n not in inside]
            window_end = matches[later[0]].start if later else sent.end
            tail = text[m.end : window_end]
            if any(rx.match(tail) for rx in r.value["test_not_done"]):
                continue  # "CK not done": not assessed, whatever is said of its neighbours
            assertion = sent.context.assert_target(m.start, m.end, _LAB_CATS)
            status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            value: dict[str, Any] = {}
            end = m.end
            bound = False
            header: Reference | None = None  # i53l: a range heading the values
            vm = r.value["lab_value"][0].match(tail)
            if vm is not None and vm.group("value") and _list_number(ex, sent, m.end, vm):
                vm = None  # issue #10 (i23c): "(2) Raised CK (3) Myoglobinuria": an item's number
            row = _lab_table_row(ex, tail)  # issue #10: "CK, total   1,188   49 - 397 U/L   H"
            if row is not None:
                vm = None
                value, end = row[0], m.end + row[1]
            if k in paired:  # issue #10 (i20b): "SGOT / SGPT : 88 / 71 U/L (Ref: 5-40 / 7-56)"
                vm, row = None, paired[k]
                value, end = dict(row[0]), row[1]
            if vm is not None and vm.group("value"):
                value["value"] = _number(vm.group("value"))
                bound = _LOWER_BOUND.search(tail, 0, vm.start("value")) is not None
                thousands = _THOUSANDS_K.match(tail, vm.end("value"))
                if thousands is not None:
                    value["value"] *= 1000  # "CK 3.2k": thousands (issue #10)
                if _undecided_number(ex, m.end + vm.start("value"), m.end + vm.end("value")):
                    uncertain = True  # issue #10: "1.375" in a note with no decimal convention
                    ex.warn(
                        f"{m.concept}: the note does not decide how this value's digits are "
                        "grouped (a decimal or a thousands separator, or a space between digit "
                        "groups): read the English way, marked uncertain; check it"
                    )
                end = m.end + vm.end()
                unit = vm.group("unit")
                if unit:
                    value["unit"] = r.canonical_unit(unit)
                rest = tail[thousands.end() if thousands is not None else vm.end() :]
                ref = reference_after(r.value["lab_reference"], rest)
                flag = _FLAG_BEFORE_RANGE.match(rest) if ref is None else None
                if flag is not None:  # issue #10 (i10aq): "1847 H (39-308 U/L)"
                    ref = reference_after(r.value["lab_reference"], rest[flag.end() :])
                    if ref is not None:
                        value["above_uln"] = flag.group("high") is not None
                        rest = rest[flag.end() :]
                if ref is not None:
                    _add_limits(value, ref)
                    end = m.end + len(tail) - len(rest) + ref.end
                else:
                    header = _header_reference(ex, tail, vm.start("value"))
                    if header is not None:
                        _add_limits(value, header)
            elif row is None:
                header = _header_reference(ex, tail, len(tail))
                if header is not None and not tail[header.end :].strip(" :"):
                    # i53l: a heading alone, "LDH (normal 120-250 U/L)", its dated rows below
                    rows_end = _dated_rows(
                        ex, m.concept, status, sent, header, m.end + header.end,
                        window_end, uncertain,
                    )  # fmt: skip
                    if rows_end > m.end + header.end:
                        continue
                header = None
                tm = r.value["times_uln"][0].match(tail)
                if tm is not None:
                    times = tm.group("times")  # a word ("forty times") is always above 1
                    value["above_uln"] = not times[:1].isdigit() or float(times) > 1
                    end = m.end + tm.end()
            if "value" in value and "above_uln" not in value:
                # issue #10 (i10ad): the judgement written right after the value ("LDH 900 U/L
                # elevated", "CK 3,400 (H)", "LDH 400 (normal)") is the value's own
                judged = _first_match(ex, "lab_judgement_after", text[end:window_end])
                if judged is not None:
                    value["above_uln"] = judged.group("high") is not None
                    end += judged.end()
            existence = assertion.get("existence")
            if existence == "ABNORMAL" and _negated_cue(sent, assertion, m, text):
                existence = "NORMAL"  # "... do not present with raised CK"
            raised_by_name = term_key(m.text) in r.lab_raised_terms
            if raised_by_name:  # "rhabdomyolysis", "hyperCKaemia": raised by the word itself
                denied = sent.context.assert_target(m.start, m.end, _FINDING_CATS).get(
                    "existence"
                ) in ("NEGATED_EXISTENCE", "RESOLVED")
                # issue #10 (i10an): the word's own value in its unit with no range or
                # judgement of its own ("高CK血症(669 IU/l)", "hyperCKaemia (2,100 U/L)") is
                # that raised value: the word is its judgement
                own_value = (
                    "value" in value
                    and "unit" in value
                    and not {"upper_limit", "lower_limit", "above_uln"} & value.keys()
                )
                if (
                    denied
                    or uncertain
                    or status != "present"
                    or ("value" in value and not own_value)
                ):
                    continue  # "no rhabdomyolysis" says nothing about the value
                if own_value:
                    value["above_uln"] = True
                existence = "ABNORMAL"
            if existence not in ("ABNORMAL", "NORMAL") and "value" not in value and shared[k]:
                existence = shared[k]
            elif existence not in ("ABNORMAL", "NORMAL") and "value" in value and fronted[k]:
                existence = fronted[k]  # i39r: "increased ESR of 40 mm/h and LDH of 672 U/L"
            if "above_uln" not in value and "upper_limit" not in value:
                if existence == "NORMAL" and _beyond_every_range(ex, m.concept, value):
                    # issue #10 (i10ad): "SGOT 129 IU/L and normal": a "normal" said further off
                    # than the value's own judgement does not make a value beyond every adult
                    # range normal; the bare threshold judges it (flagged, with a warning)
                    ex.warn(
                        f"{m.concept.upper()} {value['value']:g}: the note says 'normal' near "
                        "a value above every adult range: read as above the limit; check it"
                    )
                elif existence == "NORMAL":
                    value["above_uln"] = False
                elif existence == "ABNORMAL":
                    value["above_uln"] = True
            if existence == "PENDING" and status == "present":
                status = "hypothetical"
            if not value:
                status = "unknown" if status == "present" else status
            cause = _other_cause(ex, sent, m, value) if status == "present" else None
            if cause is not None:
                if m.concept != "ck":
                    # "ALT raised, attributed to oxaliplatin": the note says the rise is not of
                    # muscle origin, so it is no muscle enzyme for the criteria
                    ex.warn(
                        f"{m.concept.upper()} ('{cause}') is put down to another cause: not "
                        "recorded as a raised muscle enzyme; add it if the rise is of muscle origin"
                    )
                    continue
                # CK is the muscle's own enzyme: kept (the criteria count it), flagged uncertain
                uncertain = True
                ex.warn(
                    f"CK ('{cause}') is put down to another cause: recorded, flagged uncertain; "
                    "the EULAR/ACR enzyme item counts it unless a clinician decides otherwise"
                )
            _add(
                ex,
                Draft(
                    "lab",
                    m.concept,
                    status,
                    m.start,
                    end,
                    sent,
                    _bracket_time(sent, m.start, end)
                    or _blank_cell_time(ex, m.start)
                    or _heading_time(ex, sent, m.start, _row_line_end(ex, end, window_end))
                    or _time_past_bracket(ex, sent, m.start)
                    or sent.time,
                    value,
                    # "muscle enzymes" read as CK, "transaminases" as AST, "rhabdomyolysis"
                    inferred="enzyme" in m.text.casefold()
                    or "marker" in m.text.casefold()  # i42r: "muscle injury markers"
                    or "transaminases" in m.text.casefold()
                    or "aminotransferases" in m.text.casefold()
                    or raised_by_name,
                    uncertain=uncertain,
                ),
            )
            if bound:
                bounds.append(ex.drafts[-1])
            if value.get("above_uln") is False and status == "present":
                _raised_before_normal(ex, sent, m, assertion)
            if (
                header is not None
                and vm is not None
                and find_dates(text, r, m.end + header.end, m.end + vm.start("value"), ex.style)
            ):  # i53l: the first value dated before it, the rows of a dated series may follow
                end = _dated_rows(ex, m.concept, status, sent, header, end, window_end, uncertain)
            if "value" in value:  # "... and peaked at 21,300 IU/L on 17 Jan": a second result
                more = _first_match(ex, "lab_more", text[end:window_end])
                if more is not None:
                    again: dict[str, Any] = {"value": _number(more.group("value"))}
                    unit = more.group("unit") or value.get("unit")
                    if unit:
                        again["unit"] = r.canonical_unit(unit)
                    after = text[end + more.end() : window_end]
                    # "... to 96 U/mL (normal <35)"
                    again_ref = reference_after(r.value["lab_reference"], after)
                    if again_ref is not None:
                        _add_limits(again, again_ref)
                    # issue #10 (i37c): its own date after the semicolon ("; on 2026 Nov 16 it
                    # was 402 U/L"), not the first sample's, before it
                    opened = text.rfind(";", end, end + more.start("value"))
                    own = find_dates(text, r, opened, end + more.start("value"), ex.style)
                    again_time = (
                        TimePoint(absolute=own[-1].day, uncertain=own[-1].uncertain)
                        if opened >= 0 and own
                        else sent.time
                    )
                    _add(
                        ex,
                        Draft(
                            "lab",
                            m.concept,
                            status,
                            end + more.start("value"),
                            end + more.end(),
                            sent,
                            again_time,
                            again,
                            uncertain=uncertain,
                        ),
                    )
    _drop_restated_bounds(ex, bounds)
    _drop_restated_raised(ex)


def _header_reference(ex: Extraction, tail: str, value_at: int) -> Reference | None:
    """issue #10 (i53l): the reference range in a bracket between a lab's name and its value, as
    a results block heads a test ("CK (ref 30-170 U/L)  03.08.2026  3,150 U/L"): the range of
    the values under it; None when the bracket holds no range or the value comes first."""
    if not tail.lstrip().startswith(("(", "[")):
        return None
    ref = reference_after(ex.rules.value["lab_reference"], tail)
    return ref if ref is not None and ref.end <= value_at else None


def _dated_rows(
    ex: Extraction,
    code: str,
    status: FactStatus,
    sent: Sentence,
    header: Reference,
    end: int,
    window_end: int,
    uncertain: bool,
) -> int:
    """issue #10 (i53l): the rows of a dated series under one name and its range ("CK (ref
    30-170 U/L)" then one sample a line, "03.08.2026 3,150 U/L", "10.10.2026 6,020 U/L";
    patterns.yaml ``lab_dated_row``) from ``end`` on, each dated by its own date and taking the
    heading's range, in this sentence or, a row whole, in the next ones (the note's line breaks
    may make each row a sentence); where the series ends (``end`` when it has no row)."""
    rx = ex.rules.one("lab_dated_row")
    text = ex.text
    while True:
        at, row = end, rx.match(text[end:window_end])
        if row is None and window_end == sent.end and not text[end:window_end].strip():
            k = bisect_right(ex.sentence_starts(), end)
            if k < len(ex.sentences):
                nxt = ex.sentences[k]
                at, row = nxt.start, rx.match(text[nxt.start : nxt.end])
                if row is not None and not text[nxt.start + row.end() : nxt.end].strip(" .;"):
                    sent, window_end = nxt, nxt.end
                else:
                    row = None
        if row is None:
            return end
        own = find_dates(text, ex.rules, at + row.start("date"), at + row.end("date"), ex.style)
        if not own:
            return end
        value: dict[str, Any] = {
            "value": _number(row.group("value")),
            "unit": ex.rules.canonical_unit(row.group("unit")),
        }
        _add_limits(value, header)
        time = TimePoint(absolute=own[-1].day, uncertain=own[-1].uncertain)
        _add(
            ex,
            Draft("lab", code, status, at + row.start("value"), at + row.end(), sent, time, value,
                  uncertain=uncertain),
        )  # fmt: skip
        end = at + row.end()


def _list_number(ex: Extraction, sent: Sentence, at: int, vm: re.Match[str]) -> bool:
    """issue #10 (i23c): whether the value read after a lab's name (``vm``, matched at ``at``)
    is the number of the next item of a numbered list, as a problem list or a diagnosis line
    runs on ("(2) Raised CK (3) Myoglobinuria", "1) myositis 2) high CK 3) dysphagia"): a number
    of one or two digits closed by a bracket, with no unit, whose neighbour (one less before it,
    or one more after it) marks another item of the sentence the same way."""
    text = ex.text
    start, end = at + vm.start("value"), at + vm.end("value")
    if vm.group("unit") or text[end : end + 1] != ")" or not text[start:end].isdigit():
        return False
    number = int(text[start:end])
    opened = text[start - 1 : start] == "("
    marker = r"\(" if opened else r"(?<![\w(.,/])"
    before = re.compile(rf"{marker}{number - 1}\)") if number > 1 else None
    after = re.compile(rf"{marker}{number + 1}\)")
    return bool(
        (before is not None and before.search(text, sent.start, start - (1 if opened else 0)))
        or after.search(text, end + 1, sent.end)
    )


# a value written as a lower bound ("CK >8,000", "CPK over 20,000"), right before the number
_LOWER_BOUND = re.compile(
    r"(?:>|≥|greater\s+than|more\s+than|over|above|in\s+excess\s+of|exceeding)[ \t]*+$", re.I
)


def _drop_restated_bounds(ex: Extraction, bounds: list[Draft]) -> None:
    """issue #10 (i23c): a lower bound said of a lab whose measured value of the same day the
    note gives, and which that value exceeds, restates that result ("CK 8,420 U/L" in the
    results, "with CK >8,000" in the assessment): one result, not a second."""
    day = ex.note_date or date(2000, 1, 1)
    bound_ids = {id(b) for b in bounds}
    measured = [
        d for d in ex.drafts if d.type == "lab" and "value" in d.value and id(d) not in bound_ids
    ]
    restated = set()
    for bound in bounds:
        if any(
            d.code == bound.code
            and d.value["value"] > bound.value["value"]
            and d.time.resolve(day) == bound.time.resolve(day)
            for d in measured
        ):
            restated.add(id(bound))
    if restated:
        ex.drafts[:] = [d for d in ex.drafts if id(d) not in restated]


def _measured_raised(ex: Extraction, value: dict[str, Any], code: str) -> bool:
    """Whether a measured result is above its range: its flag, its own upper limit, or (no
    range given) above every adult upper limit."""
    if value.get("above_uln") is True:
        return True
    upper = value.get("upper_limit")
    if upper is not None:
        return bool(value["value"] > upper)
    return _beyond_every_range(ex, code, value)


def _drop_restated_raised(ex: Extraction) -> None:
    """issue #10 (i24c): a raised lab without a value ("rhabdomyolysis in September", "CK
    raised", an impression's "AKI from rhabdomyolysis") in the same month as a measured result
    of the same lab above its range restates that result: the measured one is recorded, not a
    second, value-less one. A value-less raised lab of another month stays (an earlier episode)."""
    day = ex.note_date or date(2000, 1, 1)
    months = {
        (d.code, (when := d.time.resolve(day)).year, when.month)
        for d in ex.drafts
        if d.type == "lab" and "value" in d.value and _measured_raised(ex, d.value, d.code)
    }
    if not months:
        return
    ex.drafts[:] = [
        d
        for d in ex.drafts
        if not (
            d.type == "lab"
            and "value" not in d.value
            and d.value.get("above_uln") is True
            and (d.code, (when := d.time.resolve(day)).year, when.month) in months
        )
    ]


# issue #10 (i10aq): a print-out's flag between a value and its range ("CK 1847 H (39-308 U/L)",
# "ALT 96 ↑ [5-40]", "Hb 98 L (120-160)"): the flag says the side, the range follows it
_FLAG_BEFORE_RANGE = re.compile(
    r"[^\S\n]*(?:(?P<high>(?-i:HH|H)|↑|\+)|(?P<low>(?-i:LL|L)|↓|-))(?=[^\S\n]*[(\[])"
)


def _bracket_time(sent: Sentence, start: int, end: int) -> TimePoint | None:
    """issue #10 (i10aq): the date in the brackets that open right after a lab's value or range,
    the sample's own date ("CK 2,480 U/L (15/10, ref 40-320)", "CK 9,1 µkat/l (19.10.)",
    "CK 2480 U/L (12.11.2026, norm 40-320)"): a time the sentence reads as governing only its
    bracket, which here is the value's; None when there is none."""
    own = [(lo, t) for _, t, lo, _, _ in sent.local if start <= lo <= end + 3]
    return min(own, key=lambda x: x[0])[1] if own else None


_CLOSED_BRACKET = re.compile(r"\([^()\n]*+\)|\[[^\[\]\n]*+\]")


def _bracketed(text: str, start: int, end: int, at: int) -> bool:
    """Whether ``at`` lies inside a bracket opened and closed within text[start:end]."""
    return any(b.start() < at < b.end() for b in _CLOSED_BRACKET.finditer(text, start, end))


def _result_brackets(ex: Extraction, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the brackets opened and closed within text[start:end] that hold a result
    of their own: a value with its unit besides their dates ("[on admission 08/09: 3,480
    U/L]"), not a heading's or a sample's date alone ("Labs (09/28/2026):", "Laboratory
    (6/10):", "(sample 3.11.2026 at 14.20):", "(2026.10.07., Dermatology)")."""
    text = ex.text
    dates = find_dates(text, ex.rules, start, end, ex.style)
    spans = []
    for b in _CLOSED_BRACKET.finditer(text, start, end):
        inner = [d for d in dates if b.start() <= d.start and d.end <= b.end()]
        rest = "".join(
            text[a:z]
            for a, z in zip(
                [b.start(), *(d.end for d in inner)],
                [*(d.start for d in inner), b.end()],
                strict=True,
            )
        )
        if _VALUE_WITH_UNIT.search(rest):
            spans.append(b.span())
    return spans


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies strictly inside one of ``spans`` (brackets: not on a bracket)."""
    return any(a < pos < b for a, b in spans)


# a value with its unit ("3,480 U/L", "18,4 µkat/l", "46 mm/h"), not a time of day ("klo 14.20")
_VALUE_WITH_UNIT = re.compile(r"\d[ \t]*+[^\W\d_]{1,6}/[^\W\d_]{1,3}")


def _time_past_bracket(ex: Extraction, sent: Sentence, pos: int) -> TimePoint | None:
    """issue #10 (i23c): the time of a lab at ``pos`` when the time stated nearest before it
    stands inside a bracket closed before the lab ("17/09: CK 1,260 U/L [on admission 08/09:
    3,480 U/L]; CRP 34 mg/L"): the bracket's date is its own words' (an earlier sample), and
    the results after it keep the time stated before the bracket, or the sentence's own; None
    when the nearest time before the lab is not in such a bracket."""
    before = [(c, t) for c, t in sent.candidates if sent.start <= c < pos]
    if not before:
        return None
    nearest = max(before, key=lambda x: x[0])
    if not _bracketed(ex.text, sent.start, pos, nearest[0]):
        return None  # not in a bracket closed before the lab
    spans = _result_brackets(ex, sent.start, pos)
    if not _within(nearest[0], spans):
        return None
    outside = [(c, t) for c, t in before if not _within(c, spans)]
    # a copy: the sentence's own time object would be placed again by the sentence (_add)
    return (max(outside, key=lambda x: x[0])[1] if outside else sent.base_time).shifted()


# issue #10 (i54l): how many lines above a row with its date cell left blank the row holding
# the date may stand (the other rows of that day between, each with its cell blank too)
_BLANK_CELL_ROWS = 12


def _blank_cell_time(ex: Extraction, pos: int) -> TimePoint | None:
    """issue #10 (i54l): the date of a results table's row whose date cell is left blank, the
    lab at ``pos`` standing alone on its line under the name column of the rows above ("Nov 10,
    2026   CK 1,980 U/L" / "               Aldolase 14.2 U/L"): the day's further results
    share the date of the row above that fills the cell, over other blank-celled rows of the
    same day, with no blank line between; None unless the lab is so placed (a date stated
    later in its sentence is another result's)."""
    original = ex.norm.original
    at, _ = ex.norm.to_original(pos, pos + 1)
    line_start = original.rfind("\n", 0, at) + 1
    col = at - line_start
    if col == 0 or original[line_start:at].strip():
        return None  # not indented, or something stands before the lab on its line
    end = line_start - 1
    for _ in range(_BLANK_CELL_ROWS):
        if end < 0:
            return None
        start = original.rfind("\n", 0, end) + 1
        row = original[start:end]
        end = start - 1
        if len(row) <= col or row[col].isspace() or not row[col - 1].isspace():
            return None  # a blank line, or the line above does not start a cell at the column
        if not row[:col].strip():
            continue  # another result of the same day
        # the cell read in the reading text, as every date of the note is (a year of another
        # era, "3/10/69", is placed there)
        lo = bisect_left(ex.norm.offsets, start)
        hi = bisect_left(ex.norm.offsets, start + col)
        dates = find_dates(ex.text, ex.rules, lo, hi, ex.style)
        if len(dates) != 1 or ex.text[dates[0].start : dates[0].end] != ex.text[lo:hi].strip():
            return None  # the cell holds no date alone (a label, a name, a note)
        return TimePoint(absolute=dates[0].day, uncertain=dates[0].uncertain)
    return None


# issue #10 (i10aq): what closes a heading's date: the rest of its label and a colon ("Labs
# (09/28/2026):", "Laboratorijski nalazi (09.11.2026.):", "(13.10.2026 r.):", "Lab (2026.10.07.,
# Dermatology):", "INVESTIGATIONS (03/11/2026 unless stated):", "LAB 19/10:")
# (issue #10, i49l: not across a sentence's end, "weak from March 2026. On admission: CK 5,100")
_HEADING_CLOSE = re.compile(r"[^\S\n]*(?:(?![.!?;]\s)[^:\n\d]){0,30}?[)\]]?[^\S\n]*:")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _row_line_end(ex: Extraction, end: int, window_end: int) -> int:
    """issue #10 (i49l): where the row of a lab whose value (and range) ends at ``end`` ends
    for its own time: at the end of the line the value ends on, as the note was written, when
    that comes before ``window_end`` (the next lab or the sentence's end). The last row of a
    results table ("CRP 8 mg/L (< 5)") is followed by lines that are not labs (a blood count, a
    next paragraph's "Immunology (sample 10/11/2026)"), which the sentence may run on into: a
    date there is not the row's own."""
    at, _ = ex.norm.to_original(end, end + 1)
    line_end = ex.norm.original.find("\n", at)
    if line_end < 0 or end >= window_end:
        return window_end
    # the first normalised character on a later line (the offsets only grow, as
    # antibodies' line ends also use them)
    return bisect_right(ex.norm.offsets, line_end, end, window_end)


def _heading_time(ex: Extraction, sent: Sentence, pos: int, row_end: int) -> TimePoint | None:
    """issue #10 (i10aq): the date of the results heading a lab stands under, in any language
    and layout: the last date before the lab in its paragraph, when a colon closes it as a
    heading's date and the lab's own row (to the next lab) states no time of its own. A result
    table under "Labs (09/28/2026):" is of that day, not of a later date stated further on in
    the same run of lines (a sample's date for the next test), nor of the note's date; None
    otherwise."""
    text = ex.text
    if any(pos <= c < row_end for c, _ in sent.candidates) or any(
        pos <= c < row_end for c, *_ in sent.local
    ):
        return None  # the row's own time ("CK 300 last month")
    if find_dates(text, ex.rules, pos, row_end, ex.style):
        return None  # the row's own date ("CK 9.1 (19.10.)")
    lo = max(0, pos - 1500)
    blanks = [b.end() for b in _BLANK_LINE.finditer(text, lo, pos)]
    lo = blanks[-1] if blanks else lo
    # issue #10 (i23c): not a date inside a bracket closed before the lab ("17/09/26: CK 1,260
    # [on admission 08/09/26: 3,480]; CRP 34": the bracket's colon heads only the bracket)
    before = find_dates(text, ex.rules, lo, pos, ex.style)
    if before and _bracketed(text, lo, pos, before[-1].start):
        spans = _result_brackets(ex, lo, pos)
        before = [d for d in before if not _within(d.start, spans)]
    if not before:
        return None
    close = _HEADING_CLOSE.match(text, before[-1].end, pos)
    if (close is None or not _heads_rows(ex, close.end(), pos)) and not _dated_heading_line(
        ex, before[-1].start, before[-1].end, pos
    ):
        return None
    return TimePoint(absolute=before[-1].day, uncertain=before[-1].uncertain)


# issue #10 (i49l): the most characters of a heading line's label before its date ("LABS",
# "[RESULTS - LOINC]  collected", "BLOOD TESTS (laboratory) -"): a wrapped line of prose is longer
_HEADING_LABEL_CHARS = 40
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")


def _dated_heading_line(ex: Extraction, start: int, end: int, pos: int) -> bool:
    """issue #10 (i49l): whether the date at [start, end) heads the lab at ``pos`` as a heading
    line with no colon: a short label and the date alone on their line ("LAB 19/10", "LABS
    11/03/2026", "[RESULTS - LOINC]  collected 2026-10-02", "BLOOD TESTS (laboratory) - 4
    November 2026"), the lab's row on a line below with no blank line between (the rows of that
    day's results). Not a label holding a result of its own ("CK 300 U/L 19/10") or ending a
    sentence, nor a long line (wrapped prose whose last words are a date)."""
    original = ex.norm.original
    first, _ = ex.norm.to_original(start, start + 1)
    _, last = ex.norm.to_original(end - 1, end)
    lab, _ = ex.norm.to_original(pos, pos + 1)
    line_start = original.rfind("\n", 0, first) + 1
    line_end = original.find("\n", last)
    if line_end < 0 or line_end >= lab or original[last:line_end].strip():
        return False  # the lab on the date's own line, or more words after the date
    label = original[line_start:first].strip()
    if not label or len(label) > _HEADING_LABEL_CHARS:
        return False
    if _VALUE_WITH_UNIT.search(label) or _SENTENCE_BREAK.search(label):
        return False
    return _BLANK_LINE.search(original, line_end, lab) is None


def _heads_rows(ex: Extraction, after_colon: int, pos: int) -> bool:
    """Whether the colon just before ``after_colon`` heads the lab at ``pos`` as the note was
    written (before lines were joined): the lab follows on the colon's own line ("BLOODS 21/11: CK
    8,950"), or the colon ends its line and the lab's line follows with no blank line between. A
    dated label whose line goes on with another result ("Colonoscopy 22/05/2025: ulcerating
    tumour") heads nothing on the lines below it."""
    original = ex.norm.original
    colon, _ = ex.norm.to_original(after_colon - 1, after_colon)
    lab, _ = ex.norm.to_original(pos, pos + 1)
    if colon >= lab or colon >= len(original):
        return False
    between = original[colon + 1 : lab]
    if "\n" not in between:
        return True  # the lab on the heading's own line
    first_break = between.index("\n")
    return not between[:first_break].strip() and _BLANK_LINE.search(between) is None


def _beyond_every_range(ex: Extraction, code: str, value: dict[str, Any]) -> bool:
    """Whether a value with no range of its own is above the lab's ``clearly_above`` threshold
    (rules/lexicon.yaml: above every adult upper limit) in the lab's own unit (or none stated)."""
    lab = ex.rules.lexicon.labs.get(code)
    if lab is None or lab.clearly_above is None or "value" not in value:
        return False
    unit = value.get("unit", lab.unit)
    return bool(unit == lab.unit and value["value"] > lab.clearly_above.value)


def _first_match(ex: Extraction, name: str, tail: str) -> re.Match[str] | None:
    """The first of the value patterns ``name`` (rules/patterns.yaml) matching at the start
    of ``tail``, or None."""
    return next((hit for rx in ex.rules.value[name] if (hit := rx.match(tail)) is not None), None)


_IS_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_CJK_CLAUSE_END = re.compile(r"[,，、。;；]")


def _raised_before_normal(ex: Extraction, sent: Sentence, m: TermMatch, assertion: Any) -> None:
    """issue #10 (i10l): a lab that "normalised" or "returned to normal" was raised before: the
    earlier raised value is recorded too, a day before the normal one (its date is not stated:
    approximate), inferred, so the criteria's enzyme item sees it and a clinician confirms it."""
    hit = assertion.categories.get("existence")
    if hit is None or hit[0] != "NORMAL":
        return
    _, a, b = hit
    lo, hi = min(m.start, a), max(m.end, b)
    if _IS_CJK_TEXT.search(ex.text, a, b):  # Japanese: the verb follows ("正常範囲内となった")
        clause = _CJK_CLAUSE_END.search(ex.text, hi, min(sent.end, hi + 12))
        hi = clause.start() if clause is not None else min(sent.end, hi + 12)
    if not any(rx.search(ex.text, lo, hi) for rx in ex.rules.value["lab_normalised"]):
        return
    ex.warn(
        f"{m.concept.upper()} is said to have returned to normal: an earlier raised value is "
        "recorded (inferred, date approximate); check it"
    )
    _add(
        ex,
        Draft(
            "lab",
            m.concept,
            "present",
            m.start,
            m.end,
            sent,
            sent.time.shifted(days=-1, uncertain=True),
            {"above_uln": True},
            inferred=True,
        ),
    )


def _negated_cue(
    sent: Sentence, assertion: Any, lab: TermMatch | None = None, text: str = ""
) -> bool:
    """Whether the word that makes a result abnormal ("raised") is itself negated ("not").
    issue #10 (i10y): or a negation before the lab's name reaches the name and the word
    follows it in one phrase, as the Romance languages place the adjective ("sin debilidad
    muscular y enzimas musculares elevadas": without raised enzymes); no punctuation between
    the negation and the name ("sin debilidad, CK elevada" is a raised CK)."""
    hit = assertion.categories.get("existence")
    if hit is None:
        return False
    _, a, _ = hit
    ctx = sent.context
    tok = ctx.tok(a)
    forward = [
        mod
        for mod in ctx.modifiers
        if mod.rule.category == "NEGATED_EXISTENCE"
        and mod.rule.direction in ("forward", "bidirectional")
    ]
    if any(mod.tok_end <= tok < mod.scope_end for mod in forward):
        return True
    if lab is None or a < lab.end or a - lab.end > 40:
        return False
    name = ctx.tok(lab.start)
    return any(
        mod.tok_end <= name < mod.scope_end
        and _UNBROKEN.fullmatch(text, mod.end, lab.start) is not None
        and _UNBROKEN.fullmatch(text, lab.end, a) is not None
        for mod in forward
    )


# no punctuation between a negation and the lab's name, or the name and its judgement
_UNBROKEN = re.compile(r"[^,;:.()\n]*")


def _with_upper_lab_names(ex: Extraction, found: list[TermMatch]) -> list[TermMatch]:
    """``found`` plus the lab names read only in capitals (rules/patterns.yaml
    ``lab_upper_names``: "GOT 88 U/l" is AST). A capitals name the lexicon already found at the
    same place ("ASAT") is one mention, not two: a copy would end the first one's value window
    at itself, so the first would read no value."""
    seen = {(t.start, t.end, t.concept) for t in found}
    extra = []
    for rx in ex.rules.value["lab_upper_names"]:
        for m in rx.finditer(ex.text):
            for code, hit in m.groupdict().items():
                if hit is not None and (m.start(), m.end(), code) not in seen:
                    seen.add((m.start(), m.end(), code))
                    extra.append(TermMatch(m.start(), m.end(), code, m.group()))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def _other_cause(ex: Extraction, sent: Sentence, m: TermMatch, value: dict[str, Any]) -> str | None:
    """The words putting a raised enzyme down to a cause other than the myositis, searched
    from the name to the end of its clause ("AST and ALT raised due to fatty liver"), or a drug
    stopped for it just before ("oxaliplatin was stopped due to a rise in hepatic enzymes (AST
    256 U/L ...)"), or None. A value stated normal has nothing to explain."""
    if value.get("above_uln") is False or (
        "value" in value and "upper_limit" in value and value["value"] <= value["upper_limit"]
    ):
        return None
    text = ex.text
    before = max(sent.start, m.start - 160)
    for rx in ex.rules.value["lab_cause_before"]:
        hit = rx.search(text, before, m.start)
        if hit is not None:
            return text[hit.start() : m.end].strip()
    stop = text.find(";", m.end, sent.end)
    clause_end = sent.end if stop < 0 else stop
    for rx in ex.rules.value["lab_other_cause"]:
        hit = rx.search(text, m.end, clause_end)
        if hit is not None:
            return text[m.start : min(clause_end, hit.end() + 30)].strip()
    return None
