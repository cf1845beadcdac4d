"""Read a case file (YAML or JSON, from a path or standard input) into a validated Case."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from myositis_cds.case import Case, parse_case
from myositis_cds.errors import CaseError

__all__ = ["MAX_CASE_BYTES", "load_case_file", "parse_case_text", "parse_fhir_text", "sniff_format"]

# libyaml's loader when PyYAML was built with it (10x faster), else the pure-Python one.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_CASE_BYTES = 5 * 1024 * 1024


def sniff_format(text: str, name: str = "-") -> str:
    """'json', 'fhir', 'yaml' or 'text', from the file name and, for stdin, the content."""
    suffix = Path(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".txt":
        return "text"
    stripped = text.lstrip()
    if suffix == ".json" or stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return "json"
        return "fhir" if isinstance(data, dict) and data.get("resourceType") else "json"
    if name == "-":
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            return "text"
        return "yaml" if isinstance(data, dict) else "text"
    raise CaseError.single(
        "(file)", f"unsupported file type {suffix or '(none)'}; use .yaml, .yml, .json or .txt"
    )


def read_text(path: str) -> tuple[str, str]:
    """(text, name) of a path or '-' (stdin); size- and encoding-checked."""
    import sys

    raw = sys.stdin.buffer.read(MAX_CASE_BYTES + 1) if path == "-" else _read_bytes(path)
    if len(raw) > MAX_CASE_BYTES:
        raise CaseError.single("(file)", f"is larger than {MAX_CASE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in raw:
        raise CaseError.single("(file)", "is binary, not text")
    try:
        return raw.decode("utf-8-sig"), path
    except UnicodeDecodeError as exc:
        raise CaseError.single(
            "(file)", f"is not UTF-8 text (bad byte at offset {exc.start})"
        ) from None


def _read_bytes(path: str) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise CaseError.single("(file)", f"{path} does not exist or is not a file")
    with p.open("rb") as fh:
        return fh.read(MAX_CASE_BYTES + 1)


def load_json(text: str) -> Any:
    """JSON text → data, or a CaseError giving the line and column of the syntax error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError.single(
            "(file)", f"is not valid JSON at line {exc.lineno}, column {exc.colno}"
        ) from None


def parse_case_text(text: str, fmt: str, *, today: date | None = None) -> Case:
    data: Any
    if fmt == "yaml":
        try:
            data = yaml.load(text, Loader=_Loader)  # a safe loader (C or Python)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise CaseError.single("(file)", f"is not valid YAML{where}") from None
    elif fmt == "json":
        data = load_json(text)
    else:
        raise CaseError.single("(file)", f"cannot read format {fmt!r} as a case file")
    if data is None:
        raise CaseError.single("(file)", "is empty")
    return parse_case(data, today=today)


def parse_fhir_text(text: str, *, today: date | None = None) -> tuple[Case, list[str]]:
    """A FHIR R4 Bundle (JSON text) → (Case, warnings about what was left out or assumed).

    Needs the ``fhir`` extra (fhir.resources); the module is imported only for FHIR input.
    """
    try:
        from myositis_cds.ingest.fhir import parse_bundle_text
    except ImportError:
        raise CaseError.single(
            "(file)", "FHIR input needs the fhir extra: pip install 'myositis-cds[fhir]'"
        ) from None
    result = parse_bundle_text(text, today=today)
    return result.case, result.warnings


def load_case_file(path: str, *, today: date | None = None) -> Case:
    """Load a YAML/JSON case file (or '-' for stdin) into a validated Case."""
    text, name = read_text(path)
    return parse_case_text(text, sniff_format(text, name), today=today)
