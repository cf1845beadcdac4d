"""Benchmark: every input within the limits costs time linear in its size (issue #15).

Each workload is timed at n, 2n and 4n; the printed ratios t(2n)/t(n) and t(4n)/t(2n) are about
2 for linear work and about 4 for quadratic work. The baseline is the same workload at n, in the
same run, so the ratios travel between machines better than the seconds do.

    python -m benchmarks.scaling [--scale 1.0] [--only NAME]

``--scale`` multiplies every n (0.25 for a quick look). Workloads: ``tumours`` (the paraneoplastic
"other tumours" list), ``events`` (the course around a tumour removal), ``sections`` (n records
in every section), ``punctuation`` (a run of punctuation in a note, spaCy's suffix splitting),
``negations`` (repeated negations in one sentence, ConText), ``pdf`` (n findings as a PDF).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from benchmarks._util import best_of, table

AS_OF = date(2026, 11, 27)
Workload = Callable[[int], Callable[[], object]]


def _day(i: int) -> str:
    return (date(2000, 1, 1) + timedelta(days=i % 9000)).isoformat()


def _base(**sections: Any) -> dict[str, Any]:
    return {"patient": {"sex": "female", "birth_date": "1950-01-01"}, **sections}


def _assess(data: dict[str, Any]) -> Callable[[], object]:
    from myositis_cds.assessment import assess
    from myositis_cds.case import parse_case

    def run() -> object:
        return assess(parse_case(data, today=AS_OF), as_of=AS_OF)

    return run


def tumours(n: int) -> Callable[[], object]:
    tumour = {
        "site": "pancreas",
        "histology": "neuroendocrine_tumour",
        "size_mm": 9,
        "ki67_percent": 2,
        "found_date": "2023-02-01",
    }
    refractory = [
        {"drug": "prednisone", "start": "2022-01-01"},
        {"drug": "methotrexate", "start": "2022-01-01"},
    ]
    return _assess(
        _base(
            findings=[{"code": "no_response_to_immunosuppression", "present": True}],
            tumours=[tumour] * n,
            treatments=refractory,
        )
    )


def events(n: int) -> Callable[[], object]:
    kinds = ["flare", "improvement", "remission", "relapse", "other"]
    return _assess(
        _base(
            findings=[{"code": "heliotrope_rash", "present": True, "date": "2010-01-01"}],
            tumours=[
                {
                    "site": "pancreas",
                    "histology": "neuroendocrine_tumour",
                    "size_mm": 9,
                    "found_date": "2010-01-01",
                    "resected_date": "2010-02-01",
                }
            ],
            events=[{"kind": kinds[i % 5], "date": _day(3700 + i % 60)} for i in range(n)],
        )
    )


def sections(n: int) -> Callable[[], object]:
    return _assess(
        _base(
            onset_date="2000-01-01",
            findings=[
                {"code": "gottron_papules", "present": i % 2 == 0, "date": _day(i)}
                for i in range(n)
            ],
            labs=[
                {
                    "code": "ck",
                    "value": 100 + i % 900,
                    "unit": "U/L",
                    "upper_limit": 200,
                    "date": _day(i),
                }
                for i in range(n)
            ],
            antibodies=[
                {"code": "TIF1G", "result": "positive", "level": 1 + i % 50, "date": _day(i)}
                for i in range(n)
            ],
            investigations=[
                {"code": "ct_chest", "result": "normal", "date": _day(i)} for i in range(n)
            ],
            treatments=[{"drug": "prednisone", "start": _day(i)} for i in range(n)],
            events=[{"kind": "flare", "date": _day(i)} for i in range(n)],
            assessments=[
                {"date": _day(i), "mmt8": 40 + i % 40, "physician_global": 5} for i in range(n)
            ],
        )
    )


def _note(text: str) -> Callable[[], object]:
    from myositis_cds.ingest.text import extract_case

    extract_case("A 60-year-old woman with a heliotrope rash.", anchor=AS_OF)  # warm spaCy

    def run() -> object:
        return extract_case(text, anchor=AS_OF)

    return run


def punctuation(n: int) -> Callable[[], object]:
    return _note("A 60-year-old woman with a heliotrope rash" + "!" * n + " and myalgia.\n")


def negations(n: int) -> Callable[[], object]:
    return _note("A 60-year-old woman with a heliotrope rash and " + "no " * n + "myalgia.\n")


def pdf(n: int) -> Callable[[], object]:
    from myositis_cds.assessment import assess
    from myositis_cds.case import parse_case
    from myositis_cds.render.report import report_pdf

    codes = ["heliotrope_rash", "gottron_papules", "myalgia", "dysphagia", "raynaud"]
    data = _base(
        findings=[
            {"code": codes[i % 5], "present": True, "date": _day(i), "note": f"visit {i}"}
            for i in range(n)
        ]
    )
    case = parse_case(data, today=AS_OF)
    result = assess(case, as_of=AS_OF)

    def run() -> object:
        return report_pdf(result, case)

    return run


WORKLOADS: dict[str, tuple[Workload, int]] = {
    "tumours": (tumours, 500),
    "events": (events, 1250),
    "sections": (sections, 250),
    "punctuation": (punctuation, 4000),
    "negations": (negations, 5000),
    "pdf": (pdf, 1250),
}


def measure(name: str, n: int, repeats: int = 3) -> list[tuple[int, float]]:
    workload, _ = WORKLOADS[name]
    return [(k, best_of(repeats, workload(k))) for k in (n, 2 * n, 4 * n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    parser.add_argument("--only", choices=sorted(WORKLOADS), action="append")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for name in args.only or WORKLOADS:
        n = max(1, int(WORKLOADS[name][1] * args.scale))
        (n1, t1), (n2, t2), (n4, t4) = measure(name, n, args.repeats)
        rows.append(
            [
                name,
                f"{n1:,}/{n2:,}/{n4:,}",
                f"{t1:.3f}",
                f"{t2:.3f}",
                f"{t4:.3f}",
                f"{t2 / t1:.2f}",
                f"{t4 / t2:.2f}",
            ]
        )
        print(
            table(
                ["workload", "n/2n/4n", "t(n) s", "t(2n) s", "t(4n) s", "2n/n", "4n/2n"], rows[-1:]
            ),
            flush=True,
        )
    print()
    print("linear work gives ratios near 2; quadratic near 4")
    print(table(["workload", "n/2n/4n", "t(n) s", "t(2n) s", "t(4n) s", "2n/n", "4n/2n"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
