"""Errors raised at the boundary: each names the field path and the problem in plain words.

The CLI turns a :class:`CaseError` into exit code 2, the API into HTTP 422, both with the same
message. Messages quote the offending *value* only for codes and numbers the user typed; they are
never written to logs (see :mod:`myositis_cds.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CaseError", "FieldProblem", "KnowledgeError", "format_path"]


def format_path(loc: Sequence[str | int]) -> str:
    """``("findings", 2, "code")`` → ``"findings[2].code"``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{part}"
        else:
            out = str(part)
    return out or "(case)"


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field of the input."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CaseError(ValueError):
    """Invalid input. ``problems`` lists every field found wrong, in document order."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: str, message: str) -> CaseError:
        return cls([FieldProblem(path, message)])

    def as_json(self) -> list[dict[str, Any]]:
        return [{"path": p.path, "message": p.message} for p in self.problems]


class KnowledgeError(RuntimeError):
    """A guideline data file is malformed: a start-up error, never a wrong answer."""
