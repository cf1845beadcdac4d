"""Guideline content as versioned data, validated at load time.

Each YAML file in this folder carries a ``meta`` block (citation, version, date checked) and
per-item ``source`` and ``verified`` tags (V: read in a primary source; S: secondary source only;
U: unverified, stated so the gap is visible; C: computed from verified values). A malformed file
raises :class:`~myositis_cds.errors.KnowledgeError` the first time it is loaded, so a typo in the
data is a start-up error, never a wrong answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from myositis_cds.errors import KnowledgeError

__all__ = [
    "KnowledgeMeta",
    "KnowledgeModel",
    "Verified",
    "load",
    "load_packaged_yaml",
    "parse_yaml",
    "raw",
]

Verified = Literal["V", "S", "U", "C"]
"""V primary source read; S secondary only; U unverified; C computed from verified values."""


class KnowledgeModel(BaseModel):
    """Base for knowledge-file models: unknown keys are errors (catches typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class KnowledgeMeta(KnowledgeModel):
    id: str
    title: str
    version: str
    citation: str
    doi: str | None = None
    url: str | None = None
    checked: date = Field(description="date the content was last checked against its sources")
    notes: list[str] = Field(default_factory=list)


M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML was built with it: the same documents (checked on every YAML file
# of the package), about ten times faster: some 0.3 s of the text adapter's cold start.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def raw(name: str) -> Any:
    """The parsed YAML of ``knowledge/<name>.yaml``."""
    resource = files(__name__).joinpath(f"{name}.yaml")
    try:
        return parse_yaml(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"knowledge/{name}.yaml cannot be read: {exc}") from exc


def parse_yaml(text: str) -> Any:
    """One YAML document, read with libyaml's safe loader when PyYAML has it."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def load_packaged_yaml(
    package: str, relative: str, model: type[M], *, parse: Callable[[str], Any] = parse_yaml
) -> M:
    """Read ``relative`` (a YAML file inside ``package``) and validate it against ``model``.

    The one loader for rule and code tables shipped with the adapters; a malformed file is a
    :class:`KnowledgeError` naming it, as for the knowledge files themselves. ``parse``: what
    reads the text (issue #10, i32s: the text adapter's keeps its documents between processes;
    it must give what :func:`parse_yaml` gives, and raise what it raises).
    """
    label = f"{package.removeprefix('myositis_cds.').replace('.', '/')}/{relative}"
    try:
        data = parse(files(package).joinpath(relative).read_text(encoding="utf-8"))
        return model.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{label} cannot be read: {exc}") from exc
    except ValidationError as exc:
        raise KnowledgeError(f"{label} is invalid:\n{exc}") from exc


_loaded: dict[tuple[str, type[BaseModel]], BaseModel] = {}


def load(name: str, model: type[M]) -> M:
    """Load and validate ``knowledge/<name>.yaml`` against ``model`` (cached)."""
    key = (name, model)
    if key not in _loaded:
        try:
            _loaded[key] = model.model_validate(raw(name))
        except ValidationError as exc:
            raise KnowledgeError(f"knowledge/{name}.yaml is invalid:\n{exc}") from exc
    result = _loaded[key]
    assert isinstance(result, model)
    return result
