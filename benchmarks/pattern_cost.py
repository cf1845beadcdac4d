"""Which of the text adapter's regular expressions cost the most time, pattern by pattern.

A function-level profile puts most of the adapter's time in the regular-expression engine and
spreads it over some 1,200 patterns; this names them. Every compiled pattern is wrapped
(``_sre.compile`` and ``re._compile`` replaced before the adapter is imported, as
benchmarks/regex_scans.py does) so that each call into the engine - ``search``, ``match``,
``fullmatch``, ``findall``, ``sub``, ``subn``, ``split``, each step of a ``finditer`` and of a
``scanner`` - adds its time to that pattern. A ``sub`` with a function, or a ``finditer`` whose
caller runs other patterns between steps, is charged only its own time (time spent in patterns
called from inside it is taken off). The development notes (benchmarks/text_eval.py
``opened_notes``; a sealed note is never read) are read once to compile the patterns and fill the
caches, then timed over ``--passes`` readings. Rows are patterns, ranked by total time (or by
time per call), with the place in the adapter that compiled them; timings are wall-clock on a
shared machine, so compare shares and ranks rather than absolute figures.

    PYTHONPATH=src python benchmarks/pattern_cost.py [--top 30] [--by total|call] [--passes 1]
        [--show N]   # N: a row number, whose whole pattern is printed
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

try:
    from benchmarks import regex_scans, text_eval
except ImportError:  # run as a script: this folder is the first on the path
    import regex_scans  # type: ignore[no-redef,import-not-found]
    import text_eval  # type: ignore[no-redef,import-not-found]

TODAY = date(2026, 11, 27)
_END = sys.maxsize
_clock = time.perf_counter_ns


@dataclass
class Cost:
    """What one compiled pattern cost: engine time (ns), calls, characters it was given."""

    pattern: str
    site: str
    ns: int = 0
    calls: int = 0
    chars: int = 0
    callers: Counter[str] | None = None  # (--callers) the adapter's lines that called it


COSTS: list[Cost] = []
_NESTED = [0]  # time spent in patterns called while another pattern's call is open


def _adapter_line(up: int, passed: Any) -> str:
    """The first of the adapter's frames from ``up`` frames out whose code ``passed`` does not
    skip, as "file:function:line"."""
    frame: Any = sys._getframe(up + 1)
    while frame is not None:
        code = frame.f_code
        if "myositis_cds" in code.co_filename and not passed(code):
            where = code.co_filename.split("myositis_cds/", 1)[1]
            return f"{where}:{code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "?"


_COMPILING = {"compile_rule", "compile_kept", "lookup", "_compile", "compile", "__init__"}


def _site() -> str:
    """The adapter's function that compiled the pattern (outside the compiling helpers)."""
    return _adapter_line(2, lambda code: code.co_name in _COMPILING)


def _caller() -> str:
    """The adapter's line that called a pattern (outside the helpers that run patterns)."""
    return _adapter_line(3, lambda code: code.co_filename.endswith("_rules.py"))


def _timed(cost: Cost, call: Any, *args: Any) -> Any:
    outer = _NESTED[0]
    _NESTED[0] = 0
    started = _clock()
    try:
        return call(*args)
    finally:
        spent = _clock() - started
        cost.ns += spent - _NESTED[0]
        _NESTED[0] = outer + spent


class _Steps:
    """A ``finditer`` or ``scanner`` whose every step is charged to its pattern."""

    __slots__ = ("_cost", "_inner")

    def __init__(self, cost: Cost, inner: Any) -> None:
        self._cost, self._inner = cost, inner

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        return _timed(self._cost, self._inner.__next__)

    def search(self) -> Any:
        return _timed(self._cost, self._inner.search)

    def match(self) -> Any:
        return _timed(self._cost, self._inner.match)


class _Timed(regex_scans._Counted):
    """A compiled pattern that charges its engine calls to its :class:`Cost` (what it is
    otherwise, equality and hashing, as benchmarks/regex_scans.py's counted pattern)."""

    __slots__ = ("_cost",)

    def __init__(self, rx: re.Pattern[str], cost: Cost) -> None:
        super().__init__(rx)
        self._cost = cost

    def _call(self, name: str, string: Any, pos: int, endpos: int, *args: Any) -> Any:
        cost = self._cost
        cost.calls += 1
        if cost.callers is not None:
            cost.callers[_caller()] += 1
        if isinstance(string, str):
            cost.chars += max(0, min(len(string), endpos) - pos)
        return _timed(cost, getattr(self._rx, name), *args)

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._call("search", string, pos, endpos, string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._call("match", string, pos, pos, string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._call("fullmatch", string, pos, pos, string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._call("findall", string, pos, endpos, string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        steps = self._call("finditer", string, pos, endpos, string, pos, endpos)
        return _Steps(self._cost, steps)

    def scanner(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        steps = self._call("scanner", string, pos, endpos, string, pos, endpos)
        return _Steps(self._cost, steps)

    def sub(self, repl: Any, string: str, count: int = 0) -> Any:
        return self._call("sub", string, 0, _END, repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> Any:
        return self._call("subn", string, 0, _END, repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> Any:
        return self._call("split", string, 0, _END, string, maxsplit)


def _timed_pattern(rx: re.Pattern[str]) -> _Timed:
    cost = Cost(str(rx.pattern), _site())
    COSTS.append(cost)
    return _Timed(rx, cost)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30, help="rows shown")
    parser.add_argument("--by", choices=("total", "call"), default="total", help="ranked by")
    parser.add_argument("--passes", type=int, default=1, help="timed readings of the notes")
    parser.add_argument("--width", type=int, default=70, help="characters of each pattern shown")
    parser.add_argument("--show", type=int, action="append", default=[], help="row to print")
    parser.add_argument("--sites", type=int, default=0, help="also the N costliest sites")
    parser.add_argument(
        "--callers", action="store_true", help="also the lines that call each row (slower)"
    )
    args = parser.parse_args(argv)
    regex_scans._install(_timed_pattern)  # before the adapter is imported
    from myositis_cds.ingest.text import extract_case

    notes = [p.read_text(encoding="utf-8") for p in text_eval.opened_notes()]
    for text in notes:  # warm-up: patterns compiled, gates and caches filled
        extract_case(text, anchor=TODAY, today=TODAY)
    for cost in COSTS:
        cost.ns = cost.calls = cost.chars = 0
        cost.callers = Counter() if args.callers else None
    started = _clock()
    for _ in range(args.passes):
        for text in notes:
            extract_case(text, anchor=TODAY, today=TODAY)
    whole = _clock() - started
    used = [c for c in COSTS if c.calls]
    total = sum(c.ns for c in used)
    print(
        f"{len(notes)} notes x {args.passes}: {whole / 1e9:.2f} s reading, {total / 1e9:.2f} s "
        f"({total / whole:.0%}) in {len(used)} of {len(COSTS)} patterns, "
        f"{sum(c.calls for c in used):,} calls"
    )

    def per_call(c: Cost) -> float:
        return c.ns / c.calls

    ranked = sorted(used, key=(lambda c: c.ns) if args.by == "total" else per_call, reverse=True)
    if args.by == "call":  # patterns called a handful of times say little about their cost
        ranked = [c for c in ranked if c.ns >= total / 2000]
    print(f"{'row':>4} {'ms':>8} {'share':>6} {'calls':>8} {'us/call':>8} {'chars/call':>10}  site")
    for row, c in enumerate(ranked[: args.top], 1):
        print(
            f"{row:>4} {c.ns / 1e6:8.1f} {c.ns / total:6.1%} {c.calls:>8,} {per_call(c) / 1e3:8.1f}"
            f" {c.chars / c.calls:>10,.0f}  {c.site}\n{'':>6}{c.pattern[: args.width]!r}"
        )
        for line, calls in (c.callers or Counter()).most_common(3):
            print(f"{'':>6}{calls:>8,} calls from {line}")
    if args.sites:
        sites: dict[str, list[int]] = {}
        callers: dict[str, Counter[str]] = {}
        for c in used:
            totals = sites.setdefault(c.site, [0, 0, 0])
            totals[0], totals[1], totals[2] = totals[0] + c.ns, totals[1] + c.calls, totals[2] + 1
            callers.setdefault(c.site, Counter()).update(c.callers or {})
        print(f"\n{'ms':>8} {'share':>6} {'calls':>9} {'patterns':>8}  site")
        for site, (ns, calls, count) in sorted(sites.items(), key=lambda s: -s[1][0])[: args.sites]:
            print(f"{ns / 1e6:8.1f} {ns / total:6.1%} {calls:>9,} {count:>8}  {site}")
            for line, n in callers[site].most_common(5):
                print(f"{'':>6}{n:>8,} calls from {line}")
    for row in args.show:
        print(f"\nrow {row} ({ranked[row - 1].site}):\n{ranked[row - 1].pattern}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
