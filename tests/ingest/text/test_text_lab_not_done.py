"""A laboratory test stated as not done is not assessed (issue #10; rules: patterns.yaml
test_not_done): it is never read normal from a judgement said of its neighbours, and the
pathway then says the enzyme item is not assessed instead of scoring it absent."""

from __future__ import annotations

import pytest

from myositis_cds import assess
from tests.ingest.text.helpers import labs_above_uln, read


@pytest.mark.parametrize(
    ("sentence", "labs"),
    [
        # the bug: "normal" reached the CK over the comma and read it normal
        ("LDH normal, CK not done.", [("ldh", False)]),
        ("CK not done, LDH normal.", [("ldh", False)]),
        ("CK: ND. LDH normal.", [("ldh", False)]),
        ("The CK was not measured; aldolase was raised.", [("aldolase", True)]),
        ("CK - not available, LDH within normal limits.", [("ldh", False)]),
        ("LDH normal; CK has not been sent.", [("ldh", False)]),
        # controls: a judgement said of both still holds for both; a measured CK stays
        ("LDH and CK normal.", [("ck", False), ("ldh", False)]),
        ("CK 2,400 U/L (ULN 190), LDH not done.", [("ck", True)]),
    ],
)
def test_a_lab_not_done_is_not_read(sentence: str, labs: list[tuple[str, bool | None]]) -> None:
    assert labs_above_uln("Woman, 52. " + sentence) == labs


def test_the_enzyme_item_is_not_assessed_when_the_only_enzymes_were_not_done() -> None:
    # EULAR/ACR 2017: the enzyme item needs a CK, LDH, AST or ALT result. None was done, so the
    # item is unknown (not assessed), not absent.
    result = read("Woman, 52, rash on the eyelids. CK not done, LDH not done.")
    assert result.case.labs == []
    classification = assess(result.case).classification
    # EULAR/ACR 2017 Table 1 (no biopsy): onset at 52, >= 40 (2.1) + heliotrope rash (3.1) = 5.2;
    # the enzyme item (+1.3) is listed as not assessed with what it would change
    assert classification.score == 5.2
    missing = {n.item: n for n in classification.not_assessed}
    assert "raised_muscle_enzymes" in missing
    assert "+1.3" in missing["raised_muscle_enzymes"].would_change
