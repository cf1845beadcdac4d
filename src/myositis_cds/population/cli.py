"""Bodies of the ``screen`` and ``synth-omop`` commands (``myositis_cds.cli`` stays thin)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn

import click

__all__ = ["run_screen", "run_synth"]

Fail = Callable[..., NoReturn]


def _need_extra(fail: Fail, engine: str = "duckdb") -> None:
    try:
        import ibis  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        fail("screening needs the population extra: pip install 'myositis-cds[population]'", 1)
    if engine == "spark":
        try:
            import pyspark  # noqa: F401
        except ImportError:
            fail("--engine spark needs the spark extra: pip install 'myositis-cds[spark]'", 1)


def run_screen(source: str, engine: str, as_of: date, output: str | None, fail: Fail) -> None:
    _need_extra(fail, engine)
    from myositis_cds.population.cdm import OmopError
    from myositis_cds.population.screen import screen, summary, write_worklist

    started = time.perf_counter()
    try:
        result = screen(source, engine, as_of, progress=True)
        if output:
            write_worklist(result.rows, output)
    except OmopError as exc:
        fail(str(exc))
    click.echo(summary(result), err=True)
    click.echo(f"  took {time.perf_counter() - started:.1f} s", err=True)
    if output:
        click.echo(f"wrote {output}", err=True)
    else:
        _csv_to_stdout(result.rows)


def _csv_to_stdout(rows: list[dict[str, Any]]) -> None:
    import csv

    from myositis_cds.population.worklist import WORKLIST_COLUMNS

    writer = csv.DictWriter(sys.stdout, fieldnames=list(WORKLIST_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def run_synth(
    out: str, persons: int, seed: int, as_of: date, planted: int | None, fail: Fail
) -> None:
    try:
        import duckdb  # noqa: F401
        import numpy  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        fail("synth-omop needs the population extra: pip install 'myositis-cds[population]'", 1)
    from myositis_cds.population.synth import synth_omop

    started = time.perf_counter()
    result = synth_omop(
        out,
        persons,
        seed=seed,
        as_of=as_of,
        planted=planted,
        progress=lambda msg: click.echo(msg, err=True),
    )
    click.echo(
        f"wrote {out}: {result['persons']} persons ({len(result['planted'])} planted), "
        f"manifest {out}.manifest.json, {time.perf_counter() - started:.1f} s",
        err=True,
    )
