"""Input fuzzers of issue #15, shared by ``tests/test_fuzz.py`` (modest counts, or the issue's
with ``-m slow``) and ``benchmarks.reliability --sections inputs`` (the issue's counts, with
figures for ``docs/RELIABILITY.md``).

- :func:`case_fuzz`: a valid case (:func:`valid_cases`), half the time with one value anywhere
  replaced by a hostile one (:func:`case_dicts`), dumped as YAML or JSON, half the time mangled
  as text (:func:`mutate_text`), read as a named file or from stdin and run as the CLI runs it.
- :func:`note_fuzz` over :func:`mutated_notes`: the labelled notes of ``tests/data/notes``
  mutated (inserts of hostile pieces, deletions, swaps, repeats), through extraction and the
  pathway.

An outcome is an assessment rendered in every format (:data:`ASSESSED`) or a ``CaseError``
naming a field (:data:`INVALID`, the CLI's exit 2); any other exception is a crash.
:func:`fuzz_inputs` runs both generators in this process and counts outcomes and crashes (by
exception class only: never the input, which is made-up patient data).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from tests.conftest import TODAY

from myositis_cds.assessment import assess
from myositis_cds.case import (
    AntibodyCode,
    AntibodyResultValue,
    EventKind,
    FindingCode,
    InvestigationCode,
    InvestigationResult,
    LabCode,
    TumourHistology,
    TumourSite,
)
from myositis_cds.errors import CaseError
from myositis_cds.ingest.files import parse_case_text, sniff_format
from myositis_cds.render.cards import to_cards_json
from myositis_cds.render.json import to_json
from myositis_cds.render.text import to_text

__all__ = [
    "ASSESSED",
    "FUZZ",
    "INVALID",
    "OTHER_FORMAT",
    "case_dicts",
    "case_fuzz",
    "days",
    "fuzz_inputs",
    "mutated_notes",
    "note_fuzz",
    "run_case_text",
    "valid_cases",
]

NOTES = Path(__file__).resolve().parent.parent / "tests" / "data" / "notes"
ASSESSED = "assessed"
INVALID = "invalid input (exit 2)"
OTHER_FORMAT = "read as a note or FHIR (not run)"
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# ----------------------------------------------------------------- values a hostile file holds
hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "$x^{$",
            "\x1b[2J",
            "王秀英",
            "🙂",
            "x" * 250,
            "NaN",
            "1e400",
            "yes",
            "null",
            "2022-02-30",
            "0001-01-01",
            "9999-12-31",
            "-1",
            "\u202e",
        ]
    ),
)
hostile_number = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1e-300, 5e-324, 1e-200, 1.7e308, 2**63, 2**63 - 1, 0.1, 100, 130]),
)
anything = st.one_of(
    hostile_text, hostile_number, st.booleans(), st.none(), st.lists(st.integers(), max_size=3)
)
days = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=TODAY),
    st.sampled_from([date(1, 1, 1), date(1, 12, 31), TODAY, TODAY - timedelta(days=1)]),
)
day_text = days.map(date.isoformat)


def codes(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


def fraction(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Values in a range, its ends included (boundaries are where crashes hide)."""
    return st.one_of(st.floats(lo, hi, allow_nan=False), st.sampled_from([lo, hi]))


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A case the model accepts (nearly always): dates between birth and today, values in range."""
    birth = draw(st.one_of(st.just(date(1, 1, 1)), st.dates(date(1, 1, 1), TODAY)))
    day = st.dates(birth, TODAY).map(date.isoformat)
    text = st.one_of(
        st.text(max_size=40),
        st.sampled_from(["$x^{$", "\x1b[2J", "王秀英 🙂", "x" * 200, "\u202e", "<script>"]),
    )
    opt = st.one_of(st.none(), st.just(1))  # draw(opt) truthy: include an optional field

    def pick(fields: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in fields.items() if v is not None}

    patient: dict[str, Any] = {"sex": draw(st.sampled_from(["female", "male", "other", "unknown"]))}
    if draw(st.booleans()):
        patient["birth_date"] = birth.isoformat()
    else:
        patient["age"] = draw(st.integers(0, 130))
    case: dict[str, Any] = {"patient": patient}
    if draw(opt):
        case["case_id"] = draw(text)
    for key in ("onset_date", "diagnosis_date"):
        if draw(opt):
            case[key] = draw(day)
    case["findings"] = [
        pick(
            {
                "code": draw(codes(FindingCode)),
                "present": draw(st.booleans()),
                "date": draw(day) if draw(opt) else None,
                "note": draw(text) if draw(opt) else None,
            }
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    labs = []
    for _ in range(draw(st.integers(0, 5))):
        upper = draw(st.one_of(st.none(), fraction(5e-324, 1.7e308)))
        if draw(st.booleans()):
            lab = {"value": draw(fraction(0, 1.7e308)), "unit": draw(text) or "U/L"}
        else:
            lab = {"above_uln": draw(st.booleans())}
        labs.append(
            pick({"code": draw(codes(LabCode)), "upper_limit": upper, "date": draw(day), **lab})
        )
    case["labs"] = labs
    case["antibodies"] = [
        pick(
            {
                "code": draw(codes(AntibodyCode)),
                "result": draw(codes(AntibodyResultValue)),
                "level": draw(st.one_of(st.none(), fraction(0, 1.7e308))),
                "unit": draw(st.one_of(st.none(), text)),
                "date": draw(day),
            }
        )
        for _ in range(draw(st.integers(0, 5)))
    ]
    case["investigations"] = [
        pick(
            {
                "code": draw(codes(InvestigationCode)),
                "result": draw(codes(InvestigationResult)),
                "date": draw(day),
                "note": draw(st.one_of(st.none(), text)),
            }
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    tumours = []
    for _ in range(draw(st.integers(0, 3))):
        found = draw(st.dates(birth, TODAY))
        tumours.append(
            pick(
                {
                    "site": draw(codes(TumourSite)),
                    "histology": draw(codes(TumourHistology)),
                    "size_mm": draw(fraction(1e-300, 1000)),
                    "ki67_percent": draw(st.one_of(st.none(), fraction(0, 100))),
                    "nodes": draw(st.sampled_from([None, "N0", "N1", "NX"])),
                    "metastases": draw(st.sampled_from([None, "M0", "M1a", "M1b", "M1c", "MX"])),
                    "mitoses": draw(
                        st.one_of(
                            st.none(),
                            st.fixed_dictionaries(
                                {
                                    "count": fraction(0, 1.7e308),
                                    "per": st.sampled_from(["2mm2", "10hpf", "mm2"]),
                                },
                                optional={"field_diameter_mm": fraction(0.1, 2)},
                            ),
                        )
                    ),
                    "found_date": found.isoformat(),
                    "resected_date": draw(
                        st.one_of(st.none(), st.dates(found, TODAY).map(date.isoformat))
                    ),
                }
            )
        )
    case["tumours"] = tumours
    treatments = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.dates(birth, TODAY))
        treatments.append(
            pick(
                {
                    "drug": draw(
                        st.sampled_from(
                            [
                                "prednisone",
                                "methotrexate",
                                "IVIG",
                                "rituximab",
                                "mycophenolate mofetil",
                                "$x$",
                            ]
                        )
                    ),
                    "route": draw(st.sampled_from([None, "oral", "intravenous", "topical"])),
                    "start": start.isoformat(),
                    "stop": draw(st.one_of(st.none(), st.dates(start, TODAY).map(date.isoformat))),
                }
            )
        )
    case["treatments"] = treatments
    case["events"] = [
        pick(
            {
                "kind": draw(codes(EventKind)),
                "date": draw(day),
                "note": draw(st.one_of(st.none(), text)),
            }
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    case["assessments"] = [
        pick(
            {
                "date": draw(day),
                "mmt8": draw(st.one_of(st.none(), fraction(0, 80))),
                "physician_global": draw(st.one_of(st.none(), fraction(0, 10))),
                "patient_global": draw(st.one_of(st.none(), fraction(0, 10))),
                "haq": draw(st.one_of(st.none(), fraction(0, 3))),
                "extramuscular_global": draw(st.one_of(st.none(), fraction(0, 10))),
                "cdasi_activity": draw(st.one_of(st.none(), fraction(0, 100))),
            }
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    if draw(st.booleans()):
        case["muscle_biopsy"] = {"perifascicular_atrophy": draw(st.booleans())}
    return case


@st.composite
def case_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case, and half the time one value anywhere in it replaced by a hostile one."""
    case = draw(valid_cases())
    if draw(st.booleans()):
        node: Any = case
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            if isinstance(node[key], dict | list) and node[key] and draw(st.booleans()):
                node = node[key]
                continue
            node[key] = draw(anything)
            break
    return case


def dump_case(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, default=str)  # non-finite floats become NaN/Infinity literals
    return yaml.safe_dump(data, allow_unicode=True)


def run_case_text(text: str, name: str, as_of: date) -> str:
    """What ``myositis-cds assess`` does with a case file, minus the process. Returns the
    outcome (:data:`ASSESSED`, :data:`INVALID` or :data:`OTHER_FORMAT`); any exception is a
    crash and propagates."""
    try:
        fmt = sniff_format(text, name)
        if fmt not in ("yaml", "json"):
            return OTHER_FORMAT
        case = parse_case_text(text, fmt, today=TODAY)
        result = assess(case, as_of=as_of)
    except CaseError:
        return INVALID
    to_text(result), to_json(result), to_cards_json(result)
    return ASSESSED


def mutate_text(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(0, 4))):
        if not text:
            break
        at = data.draw(st.integers(0, len(text) - 1))
        op = data.draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        piece = data.draw(
            st.sampled_from(
                [
                    "{",
                    "}",
                    "[",
                    "]",
                    ":",
                    ",",
                    "\n",
                    "  ",
                    "!!int ",
                    "&a ",
                    "*a",
                    "<<: ",
                    '"',
                    "'",
                    "-",
                    "#",
                    "9" * 30,
                ]
            )
        )
        if op == "delete":
            text = text[:at] + text[at + 1 :]
        elif op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "replace":
            text = text[:at] + piece + text[at + 1 :]
        else:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            text = text[:line_start] + line + "\n" + text[line_start:]
    return text


def case_fuzz(data: st.DataObject) -> str:
    """One fuzzed case file (a valid case, maybe a hostile value, maybe mangled text, as a
    named file or stdin) run as the CLI runs it; returns the outcome."""
    case = data.draw(case_dicts())
    fmt = data.draw(st.sampled_from(["yaml", "json"]))
    text = dump_case(case, fmt)
    if data.draw(st.booleans()):
        text = mutate_text(text, data)
    name = data.draw(st.sampled_from([f"case.{fmt}", "-"]))
    return run_case_text(text, name, data.draw(days))


# ----------------------------------------------------------------- mutated notes
_NOTE_PIECES = [
    "99999-month history of ",
    "no " * 50,
    "!" * 200,
    "\x1b[31m",
    "王秀英",
    "🙂",
    "$x^{$",
    "on 31/02/2023 ",
    "0001-01-01 ",
    "in 9999 years ",
    "denies ",
    "anti-TIF1γ positive ",
    "Ki-67 1e308 % ",
    "CK 99999999999999999999 U/L ",
    "\n\n",
    ". ",
    "(",
    ")",
    "-",
    "—",
]


@cache
def _development_notes() -> list[Path]:
    """The labelled notes of the development splits. A sealed held-out split's notes are read
    by no code but their own benchmark run (issue #10), so they are never mutated here."""
    from benchmarks.nlp_eval import opened_splits

    index = yaml.safe_load((NOTES / "index.yaml").read_text(encoding="utf-8"))["notes"]
    opened = opened_splits()
    return [
        NOTES / f"{stem}.txt" for stem, meta in sorted(index.items()) if meta["split"] in opened
    ]


@st.composite
def mutated_notes(draw: st.DrawFn) -> str:
    paths = _development_notes()
    text = paths[draw(st.integers(0, len(paths) - 1))].read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        op = draw(st.sampled_from(["insert", "delete", "swap", "repeat"]))
        if op == "insert":
            text = (
                text[:at] + draw(st.sampled_from(_NOTE_PIECES) | st.text(max_size=20)) + text[at:]
            )
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif op == "swap":
            other = draw(st.integers(0, max(len(text) - 1, 0)))
            a, b = sorted((at, other))
            text = text[:a] + text[b:] + text[a:b]
        else:
            text = text[:at] + text[at : at + 40] * draw(st.integers(2, 20)) + text[at:]
    return text


def note_fuzz(text: str, as_of: date) -> str:
    """A note through extraction and the pathway (``myositis-cds assess NOTE.txt``); returns
    the outcome, any exception is a crash."""
    from myositis_cds.ingest.text import extract_case

    try:
        result = extract_case(text, anchor=as_of, today=TODAY)
        assessment = assess(result.case, as_of=as_of)
    except CaseError:
        return INVALID
    to_text(assessment), to_json(assessment)
    return ASSESSED


# ----------------------------------------------------------------- the benchmark's driver
def _count(
    runs: int,
    one: Callable[..., str],
    strategies: tuple[st.SearchStrategy[Any], ...],
    *,
    seed: int,
    batch: int,
    progress: Callable[[dict[str, Any]], None] | None,
) -> dict[str, Any]:
    """``runs`` examples of ``one`` in batches of ``batch`` (each a fresh hypothesis run, so
    memory stays flat), every exception caught and counted by class; ``progress`` gets the
    counts so far after each batch."""
    outcomes: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    started = time.perf_counter()

    def guarded(args: tuple[Any, ...]) -> None:
        try:
            outcomes[one(*args)] += 1
        except Exception as exc:  # a crash: counted by class, the input is never kept
            crashes[type(exc).__name__] += 1
            outcomes["crash"] += 1

    def summary() -> dict[str, Any]:
        return {
            "runs": sum(outcomes.values()),
            "outcomes": dict(sorted(outcomes.items())),
            "crashes": sum(crashes.values()),
            "crash_classes": dict(sorted(crashes.items())),
            "seconds": round(time.perf_counter() - started, 1),
        }

    done = 0
    round_ = 0
    while done < runs:
        size = min(batch, runs - done)
        before = sum(outcomes.values())
        run = settings(FUZZ, max_examples=size, phases=[Phase.generate])(
            given(args=st.tuples(*strategies))(guarded)
        )
        hypothesis_seed(seed + round_)(run)()
        ran = sum(outcomes.values()) - before
        if ran == 0:
            break  # the generator cannot make more examples (never seen; a guard)
        done += ran
        round_ += 1
        if progress is not None:
            progress({**summary(), "complete": done >= runs})
    return summary()


def fuzz_inputs(
    cases: int,
    notes: int,
    *,
    seed: int = 15,
    batch: int = 1000,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """``notes`` mutated notes, then ``cases`` fuzzed case files, in this process (one core).
    ``progress`` gets the whole result so far after every batch (a long run can be cut off and
    still report what ran)."""
    result: dict[str, Any] = {}

    def report(kind: str) -> Callable[[dict[str, Any]], None] | None:
        if progress is None:
            return None
        return lambda partial: progress({**result, kind: partial})

    if notes:
        result["notes"] = _count(
            notes,
            note_fuzz,
            (mutated_notes(), days),
            seed=seed,
            batch=max(1, batch // 10),
            progress=report("notes"),
        )
    if cases:
        result["cases"] = _count(
            cases, case_fuzz, (st.data(),), seed=seed, batch=batch, progress=report("cases")
        )
    return result
