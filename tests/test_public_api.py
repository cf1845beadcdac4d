"""The public names do not drift (httpx-style export test)."""

from __future__ import annotations

import myositis_cds


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


def test_readme_python_example_runs() -> None:
    # Mirrors the "Use it from Python" snippet in README.md.
    from tests.conftest import REFERENCE_CASE

    case = myositis_cds.load_case_file(str(REFERENCE_CASE))
    result = myositis_cds.assess(case)
    assert result.classification.category == "definite"
