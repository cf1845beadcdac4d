"""How much text the text adapter's regular expressions scan, by caller (for speed work).

Every compiled pattern is wrapped (``_sre.compile`` and ``re._compile`` replaced before the
adapter is imported) so that each ``search``, ``finditer``, ``findall``, ``sub``, ``subn``,
``split`` and ``scanner`` call adds the length of the span it is given to its caller's count
(``match`` and ``fullmatch`` try one position: counted as calls only). The development notes
(benchmarks/text_eval.py ``opened_notes``) are read once to warm the caches, then counted on a
second reading. The counts are deterministic, unlike timings on a shared machine: compare them
before and after a change that should save scans. ``--cpu`` also sums the thread CPU time of
those calls by caller (``finditer`` then collects its matches at once: the time is spent where
the call is made), which slows the reading and is noisy, but says which scans cost most.

    PYTHONPATH=src python benchmarks/regex_scans.py [--depth 2] [--top 40] [--cpu]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

try:
    from benchmarks import text_eval
except ImportError:  # run as a script: this folder is the first on the path
    import text_eval  # type: ignore[no-redef,import-not-found]

TODAY = date(2026, 11, 27)
_END = sys.maxsize

CHARS: Counter[str] = Counter()
CALLS: Counter[str] = Counter()
CPU: Counter[str] = Counter()
ANCHORED: Counter[str] = Counter()
_SETTINGS = {"depth": 1, "cpu": False}


def _caller(up: int) -> str:
    """The adapter's frames that made the call, innermost first, up to ``depth`` of them."""
    frame: Any = sys._getframe(up)
    parts: list[str] = []
    while frame is not None and len(parts) < int(_SETTINGS["depth"]):
        code = frame.f_code
        if "myositis_cds" in code.co_filename:
            where = code.co_filename.split("myositis_cds/", 1)[1]
            parts.append(f"{where}:{code.co_name}:{frame.f_lineno}")
        elif parts:
            break  # out of the adapter again
        frame = frame.f_back
    return " < ".join(parts) or "?"


class _Counted:
    """A compiled pattern that counts what its scanning calls are given."""

    __slots__ = ("__weakref__", "_rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rx, name)

    def __hash__(self) -> int:
        return hash(self._rx)

    def __eq__(self, other: object) -> bool:
        return self._rx == (other._rx if isinstance(other, _Counted) else other)

    def __repr__(self) -> str:
        return repr(self._rx)

    def __copy__(self) -> _Counted:
        return self

    def __deepcopy__(self, memo: object) -> _Counted:
        return self

    def _scan(self, call: Callable[[], Any], string: str, pos: int, endpos: int) -> Any:
        key = _caller(3)
        CHARS[key] += max(0, min(len(string), endpos) - pos)
        CALLS[key] += 1
        if not _SETTINGS["cpu"]:
            return call()
        started = time.thread_time_ns()
        result = call()
        CPU[key] += time.thread_time_ns() - started
        return result

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._scan(lambda: self._rx.search(string, pos, endpos), string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[Any]:
        found = self._scan(
            lambda: list(self._rx.finditer(string, pos, endpos)), string, pos, endpos
        )
        return iter(found)

    def findall(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._scan(lambda: self._rx.findall(string, pos, endpos), string, pos, endpos)

    def scanner(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        return self._scan(lambda: self._rx.scanner(string, pos, endpos), string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> Any:
        return self._scan(lambda: self._rx.sub(repl, string, count), string, 0, _END)

    def subn(self, repl: Any, string: str, count: int = 0) -> Any:
        return self._scan(lambda: self._rx.subn(repl, string, count), string, 0, _END)

    def split(self, string: str, maxsplit: int = 0) -> Any:
        return self._scan(lambda: self._rx.split(string, maxsplit), string, 0, _END)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        ANCHORED[_caller(2)] += 1
        return self._rx.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> Any:
        ANCHORED[_caller(2)] += 1
        return self._rx.fullmatch(string, pos, endpos)


def _install(wrap: Callable[[re.Pattern[str]], _Counted] = _Counted) -> None:
    """Wrap every pattern compiled from now on (the adapter is not imported yet) with ``wrap``
    (benchmarks/pattern_cost.py wraps them with a kind of its own)."""
    import _sre  # type: ignore[import-not-found]

    engine_compile = _sre.compile
    plain_compile = re._compile  # type: ignore[attr-defined]

    def counted_compile(*args: Any) -> _Counted:
        return wrap(engine_compile(*args))

    def compile_again(pattern: Any, flags: Any) -> Any:
        return pattern if isinstance(pattern, _Counted) else plain_compile(pattern, flags)

    _sre.compile = counted_compile
    re._compile = compile_again  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=1, help="caller frames per row")
    parser.add_argument("--top", type=int, default=40, help="rows shown")
    parser.add_argument("--cpu", action="store_true", help="also time the calls (slower)")
    args = parser.parse_args(argv)
    _SETTINGS.update(depth=args.depth, cpu=args.cpu)
    _install()
    from myositis_cds.ingest.text import extract_case

    paths: list[Path] = text_eval.opened_notes()
    notes = [p.read_text(encoding="utf-8") for p in paths]
    for text in notes:  # warm-up: patterns compiled, gates and caches filled
        extract_case(text, anchor=TODAY, today=TODAY)
    for table in (CHARS, CALLS, CPU, ANCHORED):
        table.clear()
    for text in notes:
        extract_case(text, anchor=TODAY, today=TODAY)
    size = sum(len(t) for t in notes)
    total = sum(CHARS.values())
    print(
        f"{len(notes)} notes, {size:,} characters; scanned {total:,} ({total / size:.0f} times "
        f"the notes) in {sum(CALLS.values()):,} calls; {sum(ANCHORED.values()):,} anchored calls"
    )
    print(f"{'characters':>13} {'share':>6} {'calls':>9}" + ("  cpu (s)" if args.cpu else ""))
    for key, chars in CHARS.most_common(args.top):
        cpu = f" {CPU[key] / 1e9:8.3f}" if args.cpu else ""
        print(f"{chars:>13,} {chars / total:6.1%} {CALLS[key]:>9,}{cpu}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
