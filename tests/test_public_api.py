"""The public names do not drift (httpx-style export test)."""

from __future__ import annotations

import re

import pytest

import myositis_cds
from tests.conftest import ROOT


def test_public_api_is_exactly_what_we_document() -> None:
    assert sorted(myositis_cds.__all__) == [
        "Assessment",
        "Case",
        "CaseError",
        "__version__",
        "assess",
        "load_case_file",
        "parse_case",
    ]
    for name in myositis_cds.__all__:
        assert getattr(myositis_cds, name) is not None


def test_readme_python_snippets_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block in README.md runs (docs cannot rot), from the repository root."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "README.md should show how to use the package from Python"
    monkeypatch.chdir(ROOT)
    for block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, "README.md", "exec"), namespace)
        result = namespace["result"]
        assert result.classification.score == 8.0  # type: ignore[attr-defined]
