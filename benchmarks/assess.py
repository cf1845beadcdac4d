"""Benchmark: assessment throughput against the parse-and-validate floor, and CLI start-up.

Run: ``python -m benchmarks.assess [--cases N]``. Prints ratios against baselines measured in the
same run (timings on shared machines are noisy; ratios travel better than seconds).
Targets (issue #2): assessment adds at most 1x the parse-and-validate cost; ``--help`` within
0.3 s of bare interpreter start.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from typing import Any

import yaml

from benchmarks._util import ROOT, best_of, cli_argv, command_seconds, table
from myositis_cds.assessment import assess
from myositis_cds.case import AntibodyCode, AntibodyResultValue, FindingCode, LabCode
from myositis_cds.ingest.files import parse_case_text

AS_OF = date(2026, 11, 27)


def generated_case_texts(n: int, seed: int = 2017) -> list[str]:
    """``n`` varied, valid case files (YAML text), reproducible from ``seed``."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 75))
        onset = birth + timedelta(days=rng.randrange(365 * 5, (AS_OF - birth).days))

        def day(onset: date = onset) -> date:
            return onset + timedelta(days=rng.randrange(0, (AS_OF - onset).days + 1))

        case: dict[str, Any] = {
            "case_id": f"bench-{i}",
            "patient": {"sex": rng.choice(["female", "male"]), "birth_date": birth.isoformat()},
            "onset_date": onset.isoformat(),
            "findings": [
                {"code": c.value, "present": rng.random() < 0.7, "date": day().isoformat()}
                for c in rng.sample(list(FindingCode), rng.randrange(2, 9))
            ],
            "labs": [
                {
                    "code": c.value,
                    "value": rng.randrange(10, 5000),
                    "unit": "U/L",
                    "upper_limit": 200,
                    "date": day().isoformat(),
                }
                for c in rng.sample([LabCode.ck, LabCode.ldh, LabCode.alt], rng.randrange(0, 3))
            ],
            "antibodies": [
                {
                    "code": c.value,
                    "result": rng.choice(list(AntibodyResultValue)).value,
                    "date": day().isoformat(),
                }
                for c in rng.sample(list(AntibodyCode), rng.randrange(1, 10))
            ],
        }
        texts.append(yaml.safe_dump(case, sort_keys=False))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    texts = generated_case_texts(args.cases)
    parse_s = best_of(
        args.repeats, lambda: [parse_case_text(t, "yaml", today=AS_OF) for t in texts]
    )
    cases = [parse_case_text(t, "yaml", today=AS_OF) for t in texts]
    assess_s = best_of(args.repeats, lambda: [assess(c, as_of=AS_OF) for c in cases])
    total_s = parse_s + assess_s

    def stream() -> None:
        # How a service or batch job runs: each result is used (serialised) and dropped, so the
        # garbage collector does not re-scan 10,000 live results on every full pass.
        for c in cases:
            assess(c, as_of=AS_OF).model_dump()

    def parse_stream() -> None:
        for t in texts:
            parse_case_text(t, "yaml", today=AS_OF)

    parse_stream_s = best_of(args.repeats, parse_stream)
    stream_s = best_of(args.repeats, stream)

    print(f"In-process throughput, {args.cases:,} generated cases (best of {args.repeats})")
    print(
        table(
            ["step", "seconds", "cases/s", "x parse+validate"],
            [
                [
                    "parse + validate (floor)",
                    f"{parse_s:.2f}",
                    f"{args.cases / parse_s:,.0f}",
                    "1.00",
                ],
                [
                    "assess only",
                    f"{assess_s:.2f}",
                    f"{args.cases / assess_s:,.0f}",
                    f"{assess_s / parse_s:.2f}",
                ],
                [
                    "streaming: parse + validate, dropped (floor)",
                    f"{parse_stream_s:.2f}",
                    f"{args.cases / parse_stream_s:,.0f}",
                    "1.00",
                ],
                [
                    "streaming: assess + model_dump, dropped",
                    f"{stream_s:.2f}",
                    f"{args.cases / stream_s:,.0f}",
                    f"{stream_s / parse_stream_s:.2f}",
                ],
                [
                    "parse + validate + assess",
                    f"{total_s:.2f}",
                    f"{args.cases / total_s:,.0f}",
                    f"{total_s / parse_s:.2f}",
                ],
            ],
        )
    )
    ratio = assess_s / parse_s
    print(
        f"target: assessment adds <= 1x the floor -> {ratio:.2f}x "
        f"({'met' if ratio <= 1 else 'NOT met'}); streaming {stream_s / parse_stream_s:.2f}x\n"
    )

    bare = command_seconds([sys.executable, "-c", "pass"])
    cli = cli_argv()
    help_s = command_seconds([*cli, "--help"])
    assess_cli = command_seconds([*cli, "assess", str(ROOT / "examples/reference-case.yaml")])
    print("CLI start-up (median of 7 runs)")
    print(
        table(
            ["command", "seconds", "minus bare python", "x bare python"],
            [
                ["python -c pass (baseline)", f"{bare:.3f}", "0.000", "1.0"],
                [
                    "myositis-cds --help",
                    f"{help_s:.3f}",
                    f"{help_s - bare:.3f}",
                    f"{help_s / bare:.1f}",
                ],
                [
                    "myositis-cds assess reference-case",
                    f"{assess_cli:.3f}",
                    f"{assess_cli - bare:.3f}",
                    f"{assess_cli / bare:.1f}",
                ],
            ],
        )
    )
    print(
        f"target: --help within 0.3 s of bare start -> {help_s - bare:.3f} s "
        f"({'met' if help_s - bare <= 0.3 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
