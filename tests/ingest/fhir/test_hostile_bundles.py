"""Issue #15: hostile FHIR Bundles found by the body fuzzer (benchmarks/_fuzz_bodies.py) are
input errors naming the FHIR element, never a crash (CLI exit 1, HTTP 500)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from myositis_cds.errors import CaseError
from myositis_cds.ingest.fhir import parse_bundle_text
from tests.conftest import EXAMPLES

pytest.importorskip("fhir.resources")


def _bundle(**changes: Any) -> str:
    bundle = json.loads((EXAMPLES / "reference-case.fhir.json").read_text(encoding="utf-8"))
    return json.dumps({**bundle, **changes})


@pytest.mark.parametrize("value", [["collection"], {"a": 1}, 7, True])
def test_a_bundle_type_that_is_not_a_string_names_bundle_type(value: Any) -> None:
    with pytest.raises(CaseError) as caught:
        parse_bundle_text(_bundle(type=value))
    [problem] = caught.value.problems
    assert problem.path == "Bundle.type"
    assert "collection" in problem.message  # says which types are read
