"""myositis-cds: clinical decision support for dermatomyositis and cancer-associated myositis.

The public API is small and re-exported here lazily (so the CLI starts without importing
pydantic): :func:`assess`, :class:`Assessment`, :class:`Case`, :func:`parse_case`,
:func:`load_case_file`, :class:`CaseError`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "Case",
    "CaseError",
    "__version__",
    "assess",
    "load_case_file",
    "parse_case",
]

_EXPORTS = {
    "Assessment": "myositis_cds.assessment",
    "assess": "myositis_cds.assessment",
    "Case": "myositis_cds.case",
    "parse_case": "myositis_cds.case",
    "load_case_file": "myositis_cds.ingest.files",
    "CaseError": "myositis_cds.errors",
}

if TYPE_CHECKING:
    from myositis_cds.assessment import Assessment, assess
    from myositis_cds.case import Case, parse_case
    from myositis_cds.errors import CaseError
    from myositis_cds.ingest.files import load_case_file


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'myositis_cds' has no attribute {name!r}")
