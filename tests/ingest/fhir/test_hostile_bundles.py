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


HUGE = "1" + "0" * 400  # a JSON integer no float can hold


def _with(resource_id: str, field: str, raw_value: str) -> str:
    """The reference Bundle with one element of one resource set to a raw JSON value."""
    bundle = json.loads((EXAMPLES / "reference-case.fhir.json").read_text(encoding="utf-8"))
    index = next(i for i, e in enumerate(bundle["entry"]) if e["resource"]["id"] == resource_id)
    bundle["entry"][index]["resource"][field] = "@@"
    return json.dumps(bundle).replace('"@@"', raw_value)


def test_an_integer_too_large_for_a_float_in_an_invalid_element_is_named() -> None:
    # the message names a number's value ("5: ..."), and formatting 10**400 overflowed
    with pytest.raises(CaseError) as caught:
        parse_bundle_text(_with("ck", "status", HUGE))
    paths = [p.path for p in caught.value.problems]
    assert any(p.startswith("Bundle.entry[") and p.endswith(".status") for p in paths), paths
    assert all(HUGE not in p.message for p in caught.value.problems)


def test_an_integer_too_large_for_a_float_as_a_dose_is_read_or_refused() -> None:
    dosage = '[{"doseAndRate": [{"doseQuantity": {"value": ' + HUGE + ', "unit": "mg"}}]}]'
    try:
        result = parse_bundle_text(_with("prednisone", "dosage", dosage))
    except CaseError as exc:  # refused: then naming the element
        assert any("dosage" in p.path for p in exc.problems), exc.problems
    else:
        assert result.case.patient is not None
