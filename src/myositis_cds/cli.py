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
    _echo_err(f"error: {message}")
    sys.exit(code)


def _echo_err(line: str) -> None:
    """A line on stderr, without control characters (user text must not drive the terminal)."""
    from myositis_cds.render.text import terminal_safe

    click.echo(terminal_safe(line), err=True)


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
        from myositis_cds.ingest.files import parse_fhir_text

        return parse_fhir_text(text)
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
        extra = [w if w.startswith("FHIR: ") else f"extraction: {w}" for w in extraction_warnings]
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
                _echo_err(f"error: {problem}")
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
    type=click.Choice(["text", "json", "fhir", "cards"]),
    default="text",
    show_default=True,
    help="text for people; json (contract §3), a FHIR R4 Bundle or CDS Hooks cards for systems",
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
    """Assess one case: FILE is .yaml/.yml/.json, a FHIR Bundle, a .txt note, or - for stdin."""
    result, _ = _assess_file(file, as_of, biopsy)
    if fmt == "json":
        from myositis_cds.render.json import to_json

        click.echo(to_json(result))
    elif fmt == "fhir":
        from myositis_cds.render.fhir import to_fhir_json

        click.echo(to_fhir_json(result))
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

    if output:
        _check_output(output)
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
        _echo_err(f"note: {warning}")
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
    _check_output(output)
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
        render_report(result, case, tmp, warn=lambda text: _echo_err(f"note: {text}"))
        tmp.replace(target)  # nothing half-written is ever left at the target path
    except OSError as exc:
        _fail(f"-o: {output} could not be written ({exc.strerror or type(exc).__name__})")
    finally:
        tmp.unlink(missing_ok=True)
    click.echo(f"wrote {target}", err=True)


def _check_output(path: str) -> None:
    """Fail fast (exit 2) when ``path`` cannot be written, before any work is done."""
    from pathlib import Path

    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        _fail(f"-o: {str(folder)!r} is not an existing folder")
    if target.is_dir():
        _fail(f"-o: {path!r} is a folder")
    probe = target.with_name(f".{target.name}.partial")
    try:  # the only reliable test of writability (permissions, read-only mounts, quotas)
        probe.touch()
    except OSError as exc:
        _fail(f"-o: cannot write into {str(folder)!r} ({exc.strerror or type(exc).__name__})")
    finally:
        probe.unlink(missing_ok=True)


def _write_atomically(path: str, data: bytes) -> None:
    """Write via a temporary file in the same folder, then rename: no half-written output."""
    from pathlib import Path

    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        _fail(f"-o: {path} could not be written ({exc.strerror or type(exc).__name__})")
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


# ---------------------------------------------------------------------------- service (#11)
# Thin wrappers: the bodies live in myositis_cds.api and myositis_cds.store (server extra).
_DB_HELP = "database URL (default: an SQLite file in the user data directory)"


def _server_extra() -> None:
    from importlib.util import find_spec

    if find_spec("fastapi") is None or find_spec("sqlalchemy") is None:
        _fail("this needs the server extra: pip install 'myositis-cds[server]'", EXIT_INTERNAL)


def _open_store(db: str | None, *, migrate: bool | None = None) -> Any:
    from myositis_cds.store import SchemaOutOfDate, Store, StoreConfigError

    try:
        return Store.open(db, migrate=migrate)
    except (SchemaOutOfDate, StoreConfigError) as exc:
        _fail(str(exc))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--db", metavar="URL", help=_DB_HELP)
@click.option(
    "--auth",
    type=click.Choice(["none", "token"]),
    default=None,
    help="none: no authentication (loopback hosts only; the default there); token: bearer tokens",
)
@click.option("--tokens", "tokens_file", metavar="FILE", help="tokens file (see `token create`)")
@click.option(
    "--max-body", "max_body_mb", default=2.0, show_default=True, help="request body limit, MB"
)
@click.option(
    "--max-note-chars",
    default=200_000,
    show_default=True,
    type=click.IntRange(1),
    help="the longest free-text note read (characters); a longer one is refused with 413",
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="processes"
)
@click.option(
    "--cds-issuers",
    "cds_issuers",
    metavar="FILE",
    help="CDS Hooks: JSON/YAML mapping each trusted JWT iss to its JWKS (file path or https "
    "URL); without it no CDS Hooks client is trusted",
)
@click.option(
    "--cds-cors-origin",
    "cds_cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="CDS Hooks: a browser origin allowed to call /cds-services (repeatable; never *)",
)
@click.option(
    "--public-url",
    "public_base_url",
    metavar="URL",
    help="the base URL clients call (CDS Hooks JWT aud), when behind a proxy",
)
def serve(
    host: str,
    port: int,
    db: str | None,
    auth: str | None,
    tokens_file: str | None,
    max_body_mb: float,
    max_note_chars: int,
    workers: int,
    cds_issuers: str | None,
    cds_cors_origins: tuple[str, ...],
    public_base_url: str | None,
) -> None:
    """REST API (and CDS Hooks / web page when installed) over a patient store."""
    _server_extra()
    from pathlib import Path

    from myositis_cds.api import InsecureSettings, Settings
    from myositis_cds.api._auth import TokenError, is_loopback
    from myositis_cds.api._server import ServeError
    from myositis_cds.api._server import serve as run
    from myositis_cds.store import SchemaOutOfDate, StoreConfigError

    mode = auth or ("none" if is_loopback(host) else "token")
    settings = Settings(
        db_url=db,
        auth=mode,  # type: ignore[arg-type]
        tokens_file=Path(tokens_file) if tokens_file else None,
        host=host,
        port=port,
        max_body_bytes=int(max_body_mb * 1024 * 1024),
        max_note_chars=max_note_chars,
        workers=workers,
        warm_worklist=True,
        cds_issuers=Path(cds_issuers) if cds_issuers else None,
        cds_cors_origins=cds_cors_origins,
        public_base_url=public_base_url,
    )
    if cds_issuers:
        _check_cds_issuers(settings)
    try:
        run(settings)
    except (InsecureSettings, ServeError, SchemaOutOfDate, StoreConfigError, TokenError) as exc:
        _fail(str(exc))


def _check_cds_issuers(settings: Any) -> None:
    """A wrong issuers file or CORS origin stops `serve` at start-up (exit 2), not at first call."""
    try:
        from myositis_cds.api.cds_hooks import settings_config
    except ImportError:
        _fail("--cds-issuers needs the cds-hooks extra: pip install 'myositis-cds[cds-hooks]'")
    try:
        settings_config(settings)
    except (OSError, ValueError) as exc:
        _fail(f"--cds-issuers: {exc}")


@main.group()
def db() -> None:
    """The patient store's database."""


@db.command("upgrade")
@click.option("--db", "url", metavar="URL", help=_DB_HELP)
def db_upgrade(url: str | None) -> None:
    """Apply schema migrations (needed before `serve` on PostgreSQL)."""
    _server_extra()
    store = _open_store(url, migrate=True)
    try:
        from myositis_cds.store import current_schema

        click.echo(f"schema {current_schema(store.engine)} ({store.backend})")
    finally:
        store.close()


@main.group()
def token() -> None:
    """Bearer tokens for `serve --auth token`."""


@token.command("create")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["reader", "clinician", "admin"]))
@click.option("--tokens", "tokens_file", metavar="FILE", help="tokens file (default: user config)")
def token_create(name: str, role: str, tokens_file: str | None) -> None:
    """Create a token for NAME (recorded as the author of its writes); printed once."""
    _server_extra()
    from pathlib import Path

    from myositis_cds.api._auth import TokenError, create_token, default_tokens_file

    path = Path(tokens_file) if tokens_file else default_tokens_file()
    try:
        secret = create_token(name, role, path)
    except TokenError as exc:
        _fail(str(exc))
    click.echo(secret)
    click.echo(f"stored its hash in {path}; the token is not shown again", err=True)


@main.group()
def patients() -> None:
    """Case files in and out of the patient store."""


@patients.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", metavar="URL", help=_DB_HELP)
@click.option("--author", help="recorded as the revisions' author (default: your user name)")
@_guard
def patients_import(paths: tuple[str, ...], db: str | None, author: str | None) -> None:
    """Store case files (or folders of them): each a new patient or, when its case_id matches
    a stored patient, a new revision. Nothing is written if any file is invalid."""
    _server_extra()
    import getpass

    from myositis_cds.store._transfer import case_paths, import_cases

    store = _open_store(db)
    try:
        outcomes = import_cases(store, case_paths(list(paths)), actor=author or getpass.getuser())
    finally:
        store.close()
    for o in outcomes:
        what = "new patient" if o.created else f"revision {o.revision}"
        click.echo(f"{o.path}: {o.patient_id} ({what})")


@patients.command("export")
@click.argument("folder")
@click.option("--db", metavar="URL", help=_DB_HELP)
@_guard
def patients_export(folder: str, db: str | None) -> None:
    """Write each patient's current case to FOLDER/<patient id>.json."""
    _server_extra()
    from pathlib import Path

    from myositis_cds.store._transfer import export_patients

    store = _open_store(db)
    try:
        written = export_patients(store, Path(folder))
    finally:
        store.close()
    click.echo(f"wrote {len(written)} case file(s) to {folder}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
