"""Benchmark: a hostile note, one short piece repeated, is read in time about linear in its size.

The service refuses notes over 200,000 characters (``serve --max-note-chars``), but a note
within the limit that repeats one piece ("anti-Jo-1 positive " ten thousand times) could hold
a worker for minutes when a reader paired every match of a sentence with every other. Each
piece is laid out in four shapes (one sentence; a line each; a bulleted list; a sentence each)
and read with ``extract_case`` at a base size and at multiples of it up to the note limit. The
table gives the seconds at each size and ``ratio``, the time at the largest size read over the
time at the base size: about the size ratio for linear work, its square for quadratic work. A
size is skipped once one before it took over ``--budget`` seconds (marked ``>``). Times are wall
seconds, or with ``--cpu`` the process's CPU seconds (steadier on a shared machine).

    PYTHONPATH=src python benchmarks/hostile.py [--sizes 2000,40000,200000] [--only PIECE]
        [--shapes sentence,lines,list,sentences] [--budget 30] [--limit 120] [--cpu]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

try:
    from benchmarks._util import table
except ImportError:  # run as a script: this folder is the first on the path
    from _util import table  # type: ignore[no-redef,import-not-found]

AS_OF = date(2026, 11, 27)
HEAD = "65-year-old woman. "  # a note needs words of its own around the pieces

# The pieces of the scans of rounds 24 and 25: each names or qualifies a fact (antibody,
# finding, strength, date, tumour, biopsy, lab, family history), the glue of lists and
# sentences, or a layout (labels, numbered and bulleted items, headings).
PIECES = [
    "anti-Jo-1 positive ", "anti-Mi-2 negative, ", "negative for Jo-1, ", "Jo-1 ",
    "NOT DETECTED: TIF1g ", "All negative except Mi-2: Jo-1, ", "Cancer screening negative, ",
    "proximal weakness and ", "heliotrope rash of eyelids ", "erythema over knuckles ",
    "no weakness, ", "rash and ", "deltoid 4/5, ", "left deltoid 4/5 right ", "MMT8 120/150 ",
    "12/05/2026 weakness ", "on 03/2025 ", "since 2020, ", "2 weeks ago ",
    "CK 5000 on 12/05/2026, ", "CK 5000 U/L, ", "MRI thigh ", "biopsy of deltoid ",
    "perifascicular atrophy ", "lung mass ", "breast cancer, ", "carcinoma of the lung and ",
    "Ki-67 20% mass ", "mother had breast cancer, ", "prednisone 60 mg ",
    "methotrexate since 2021, ", "IMPRESSION: ", "Case 1 weakness ", "1. CK 5000 ",
    "Dear Dr Smith, ", "(", "- ",
]  # fmt: skip
SHAPES: dict[str, Callable[[str, int], str]] = {
    "sentence": lambda piece, n: HEAD + piece * n,
    "lines": lambda piece, n: HEAD + "\n" + (piece.strip() + "\n") * n,
    "list": lambda piece, n: HEAD + "\n" + ("- " + piece.strip() + "\n") * n,
    "sentences": lambda piece, n: HEAD + (piece.strip().rstrip(",:") + ". ") * n,
}


class TimeLimitExceeded(BaseException):
    """A block ran past its time limit. Not an Exception, so no handler in the reader (the rule
    compiler's cache fallbacks catch Exception) can swallow it and let the block run on."""


@contextmanager
def time_limit(seconds: float, message: str = "") -> Iterator[None]:
    """Raise TimeLimitExceeded(``message``) if the block runs longer than ``seconds`` of wall
    clock (SIGALRM; main thread only). The one time limit of the benchmarks and the tests: a
    backtracking pattern fails with a message instead of stalling a run."""

    def expired(*_: object) -> None:
        raise TimeLimitExceeded(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def note(piece: str, shape: str, chars: int) -> str:
    """``piece`` laid out in ``shape`` and repeated to about ``chars`` characters."""
    unit = len(SHAPES[shape](piece, 1)) - len(HEAD)
    return SHAPES[shape](piece, max(1, chars // unit))


def seconds(
    text: str, limit: float, clock: Callable[[], float] = time.perf_counter
) -> float | None:
    """Seconds of reading ``text`` by ``clock`` (wall time unless told; the scaling tests take
    the process's CPU time, which a busy machine's other work does not lengthen), or None when
    it runs over ``limit`` seconds of wall time (0: no limit)."""
    from myositis_cds.ingest.text import TextInputError, extract_case

    start = clock()
    try:
        with time_limit(limit):
            extract_case(text, today=AS_OF)
    except TimeLimitExceeded:
        return None
    except TextInputError:
        pass  # refused as a whole (no words): the time to find that out still counts
    return clock() - start


def growth(piece: str, shape: str, small: int, large: int, bound: float) -> tuple[float, float]:
    """CPU seconds of reading ``piece`` at ``small`` and at ``large`` characters, for the
    scaling tests' ratio: the small note is read once first (the set-up does not count) and the
    faster of two kept; the large one is stopped at four times the time the bound allows plus
    five seconds (wall time: on a machine busy with other work a reading's wall time can be
    several times its CPU time; the stop only spares waiting on quadratic work, which the CPU
    time then shows) and read again when over the bound."""

    def cpu_seconds(chars: int, limit: float = 0.0) -> float:
        took = seconds(note(piece, shape, chars), limit, clock=time.process_time)
        return float("inf") if took is None else took

    cpu_seconds(small)
    base = max(min(cpu_seconds(small) for _ in range(2)), 0.01)
    limit = 4 * bound * base + 5
    took = cpu_seconds(large, limit)
    if took > bound * base:
        took = min(took, cpu_seconds(large, limit))
    return base, took


def scan(
    pieces: list[str],
    shapes: list[str],
    sizes: list[int],
    budget: float,
    limit: float,
    clock: Callable[[], float] = time.perf_counter,
) -> Iterator[list[object]]:
    for piece in pieces:
        for shape in shapes:
            row: list[object] = [repr(piece), shape]
            times: list[float | None] = []
            for size in sizes:
                if times and (times[-1] is None or times[-1] > budget):
                    row.append(">")
                    continue
                t = seconds(note(piece, shape, size), limit, clock)
                times.append(t)
                row.append("timeout" if t is None else f"{t:.2f}")
            last = times[-1]
            done = len(times) == len(sizes) and last is not None and times[0]
            row.append(f"{last / times[0]:.1f}" if done and last is not None else "-")
            yield row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,40000,200000", help="characters, ascending")
    parser.add_argument("--only", action="append", help="a piece (repeatable)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--budget", type=float, default=30.0, help="seconds before skipping")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before giving up")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU seconds of the process (steadier under load)"
    )
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    from myositis_cds.ingest.text import extract_case

    extract_case("Patient with proximal weakness. CK 5000 U/L.", today=AS_OF)  # load the rules
    headers = ["piece", "shape", *(f"{s:,}" for s in sizes), f"ratio (x{sizes[-1] // sizes[0]})"]
    print(" ".join(headers), file=sys.stderr)
    rows = []
    for row in scan(args.only or PIECES, shapes, sizes, args.budget, args.limit, clock):
        print(*row, file=sys.stderr, flush=True)  # progress: a scan takes many minutes
        rows.append(row)
    print(table(headers, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
