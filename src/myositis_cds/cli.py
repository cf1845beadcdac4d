"""Command line (contract §1). Heavy modules are imported inside commands so --help is instant.

Exit codes: 0 success; 2 invalid input (message names the field path and the problem);
1 internal error. Messages never echo patient data beyond the offending field value.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from myositis_cds.assessment import Assessment
    from myositis_cds.case import Case

EXIT_INVALID = 2
EXIT_INTERNAL = 1


def _fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _as_of(value: str | None) -> date:
    today = date.today()
    if value is None:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        _fail(f"--as-of: {value!r} is not a date (use YYYY-MM-DD)")
    if day > today:
        _fail(f"--as-of: {day.isoformat()} is after today ({today.isoformat()})")
    return day


def _load(path: str, as_of: date) -> tuple[Case, list[str]]:
    """Any supported input → (Case, extraction warnings)."""
    from myositis_cds.ingest.files import parse_case_text, read_text, sniff_format

    text, name = read_text(path)
    fmt = sniff_format(text, name)
    if fmt == "text":
        result = _extract(text, as_of)
        review = [
            f"confirm {f.type} '{f.code}' ({'inferred' if f.inferred else 'uncertain'}): "
            f'"{" ".join(f.evidence.text.split())}" at characters '
            f"{f.evidence.start}-{f.evidence.end}"
            for f in result.to_review()
        ]
        return result.case, [*result.warnings, *review]
    if fmt == "fhir":
        from myositis_cds.errors import CaseError

        raise CaseError.single("(file)", "FHIR Bundle input is not supported in this version")
    return parse_case_text(text, fmt), []


def _extract(text: str, as_of: date) -> Any:
    try:
        from myositis_cds.ingest.text import extract_case  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        _fail("free-text input needs the NLP extra: pip install 'myositis-cds[nlp]'", EXIT_INTERNAL)
    return extract_case(text, anchor=as_of)


def _assess_file(file: str, as_of: str | None, biopsy: str) -> tuple[Assessment, Case]:
    """Load any supported input and assess it; extraction warnings join the assessment's."""
    from myositis_cds.assessment import assess as run

    day = _as_of(as_of)
    case, extraction_warnings = _load(file, day)
    result = run(case, as_of=day, biopsy=biopsy)  # type: ignore[arg-type]
    if extraction_warnings:
        extra = [f"extraction: {w}" for w in extraction_warnings]
        result = result.model_copy(update={"warnings": [*result.warnings, *extra]})
    return result, case


def _guard(fn: Any) -> Any:
    """Turn our exceptions into the contract's exit codes."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from myositis_cds.errors import CaseError, KnowledgeError

        try:
            return fn(*args, **kwargs)
        except CaseError as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_INVALID)
        except KnowledgeError as exc:
            _fail(f"guideline data problem: {exc}", EXIT_INTERNAL)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # never print patient data: type only
            _fail(
                f"internal error ({type(exc).__name__}); please report it with the command used",
                EXIT_INTERNAL,
            )

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="myositis-cds")
def main() -> None:
    """Clinical decision support for dermatomyositis and cancer-associated myositis.

    Decision support only: it shows evidence and options; the clinician decides.
    """


@main.command()
@click.argument("file")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "cards"]),
    default="text",
    show_default=True,
    help="text for people; json (contract §3) or CDS Hooks cards for systems",
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="assess the case as it stood then")
@click.option(
    "--biopsy",
    type=click.Choice(["auto", "yes", "no"]),
    default="auto",
    show_default=True,
    help="use the EULAR/ACR model with muscle biopsy (auto: when biopsy data are present)",
)
@_guard
def assess(file: str, fmt: str, as_of: str | None, biopsy: str) -> None:
    """Assess one case: FILE is .yaml/.yml/.json, a .txt note, or - for stdin."""
    result, _ = _assess_file(file, as_of, biopsy)
    if fmt == "json":
        from myositis_cds.render.json import to_json

        click.echo(to_json(result))
    elif fmt == "cards":
        from myositis_cds.render.cards import to_cards_json

        click.echo(to_cards_json(result))
    else:
        from myositis_cds.render.text import to_text

        click.echo(to_text(result), nl=False)


@main.command()
@click.argument("note")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="date the note speaks from")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write to a file")
@_guard
def extract(note: str, fmt: str, as_of: str | None, output: str | None) -> None:
    """Free text → case file, every fact with its evidence (needs the nlp extra)."""
    from myositis_cds.ingest.files import read_text

    text, _ = read_text(note)
    result = _extract(text, _as_of(as_of))
    data = result.to_case_dict()
    if fmt == "json":
        import json

        out = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        import yaml

        out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    for warning in result.warnings:
        click.echo(f"note: {warning}", err=True)
    if output:
        _write_atomically(output, out.encode("utf-8"))
    else:
        click.echo(out, nl=False)


@main.command()
@click.argument("file")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="OUT.html (self-contained) or OUT.pdf",
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="report the case as it stood then")
@click.option("--biopsy", type=click.Choice(["auto", "yes", "no"]), default="auto")
@_guard
def report(file: str, output: str, as_of: str | None, biopsy: str) -> None:
    """Human report with the timeline plot (needs the report extra)."""
    from pathlib import Path

    suffix = Path(output).suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        _fail(f"-o: {output!r} must end in .html or .pdf")
    result, case = _assess_file(file, as_of, biopsy)
    try:
        from myositis_cds.render.report import render_report
    except ImportError:
        _fail(
            "the report needs the report extra: pip install 'myositis-cds[report]'", EXIT_INTERNAL
        )
    target = Path(output)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        render_report(result, case, tmp)
        tmp.replace(target)  # nothing half-written is ever left at the target path
    finally:
        tmp.unlink(missing_ok=True)
    click.echo(f"wrote {target}", err=True)


def _write_atomically(path: str, data: bytes) -> None:
    """Write via a temporary file in the same folder, then rename: no half-written output."""
    from pathlib import Path

    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- population (#14)
@main.command()
@click.option(
    "--omop",
    "source",
    required=True,
    metavar="SOURCE",
    help="DuckDB file, postgresql:// URL, or a folder of Parquet/CSV tables",
)
@click.option(
    "--engine",
    type=click.Choice(["duckdb", "postgres", "spark"]),
    default="duckdb",
    show_default=True,
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="screen as things stood then")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="worklist OUT.csv, OUT.parquet or OUT.json (default: CSV on stdout)",
)
@_guard
def screen(source: str, engine: str, as_of: str | None, output: str | None) -> None:
    """Population screening over an OMOP CDM (needs the population extra)."""
    from myositis_cds.population.cli import run_screen

    run_screen(source, engine, _as_of(as_of), output, _fail)


@main.command("synth-omop")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--persons", type=click.IntRange(min=1), default=10_000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="date the data lead up to")
@click.option("--planted", type=click.IntRange(min=0), help="planted patients (default 0.3 %)")
@_guard
def synth_omop(out: str, persons: int, seed: int, as_of: str | None, planted: int | None) -> None:
    """Write a synthetic OMOP CDM 5.4 DuckDB with planted myositis patients and a manifest."""
    from myositis_cds.population.cli import run_synth

    run_synth(out, persons, seed, _as_of(as_of), planted, _fail)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the case file."""
    import json

    from myositis_cds.case import Case

    click.echo(json.dumps(Case.model_json_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
