"""Read a case file (YAML or JSON, from a path or standard input) into a validated Case."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import yaml

from myositis_cds.case import Case, parse_case
from myositis_cds.errors import CaseError

__all__ = [
    "MAX_CASE_BYTES",
    "load_case_file",
    "load_json",
    "parse_case_text",
    "parse_fhir_text",
    "read_text",
    "sniff_format",
]

MAX_CASE_BYTES = 5 * 1024 * 1024

# libyaml's parser when PyYAML was built with it (10x faster), else the pure-Python one.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _CaseLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader with YAML 1.2 core scalars and no silent data loss.

    Only ``true``/``false`` are booleans (YAML 1.1 made ``yes``, ``no``, ``on`` and ``NO`` — the
    ISO code of Norway — booleans); plain dates stay text so that the case model validates them and
    names the field of an impossible one (``1957-02-30``); ``010`` is ten, not octal eight; a
    duplicate key is an error instead of silently replacing the earlier data; a value that does
    not fit its explicit tag (``!!int abc``) is a positioned YAML error, not a crash.
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, rx) for tag, rx in entries if tag not in (_BOOL, _INT, _FLOAT, _TIMESTAMP)]
        for first, entries in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception:  # a safe constructor given a value that does not fit the tag
            kind = node.tag.rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"the value cannot be read as {kind}", node.start_mark
            ) from None

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {_short(key_node.value)}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def _int_1_2(loader: Any, node: Any) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text.removeprefix("+"))
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.lower().startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)


_CaseLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_CaseLoader.add_implicit_resolver(
    _INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_CaseLoader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
_CaseLoader.add_constructor(_INT, _int_1_2)

# The first meaningful line of a case file (used to tell a broken case file from a free-text note).
_CASE_START = re.compile(r"^(?:---|%YAML|[{\[]|(?:" + "|".join(Case.model_fields) + r")\s*:)")


def _short(value: str) -> str:
    return repr(value) if len(value) <= 40 else repr(value[:37] + "...")


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_CaseLoader)  # a safe loader (C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None)
        why = f": {problem}" if isinstance(exc, yaml.constructor.ConstructorError) else ""
        raise CaseError.single("(file)", f"is not valid YAML{where}{why}") from None
    except RecursionError:
        raise CaseError.single("(file)", "is nested too deeply to be a case file") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise CaseError.single("(file)", f"is not valid JSON: duplicate key {_short(key)}")
        out[key] = value
    return out


def load_json(text: str) -> Any:
    """JSON text → data (duplicate keys refused), or a CaseError saying where and why."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except CaseError:
        raise
    except json.JSONDecodeError as exc:
        raise CaseError.single(
            "(file)", f"is not valid JSON at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise CaseError.single("(file)", "is nested too deeply to be a case file") from None
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        raise CaseError.single("(file)", "is not valid JSON: a number is too long") from None


def _looks_like_case_file(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return bool(_CASE_START.match(stripped))
    return False


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
            data = load_json(text)
        except CaseError:
            return "json"
        return "fhir" if isinstance(data, dict) and data.get("resourceType") else "json"
    if name == "-":
        try:
            data = _load_yaml(text)
        except CaseError:  # broken YAML that starts like a case file is an error, not a note
            return "yaml" if _looks_like_case_file(text) else "text"
        if not isinstance(data, dict):
            return "text"
        # "65-year-old woman with ...: heliotrope rash" parses as a mapping too; keys with spaces
        # are prose, not fields.
        prose = any(not isinstance(k, str) or " " in k.strip() for k in data)
        return "text" if prose and not _looks_like_case_file(text) else "yaml"
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
    try:
        with p.open("rb") as fh:
            return fh.read(MAX_CASE_BYTES + 1)
    except OSError as exc:
        raise CaseError.single("(file)", f"{path} cannot be read ({exc.strerror})") from None


def parse_case_text(text: str, fmt: str, *, today: date | None = None) -> Case:
    data: Any
    if fmt == "yaml":
        data = _load_yaml(text)
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
