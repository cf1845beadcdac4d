"""The codes issue #9 added to the case model are read from notes too (one lexicon for text and
FHIR): cutaneous necrosis as its own finding (not ulceration), plasma viscosity as a lab that
satisfies the ESR item, and the intramuscular route that counts as systemic therapy."""

from __future__ import annotations

from myositis_cds.ingest.text import extract_case
from tests.ingest.text.helpers import TODAY


def read(note: str):  # type: ignore[no-untyped-def]
    return extract_case(note, anchor=TODAY, today=TODAY).case


def test_necrotic_skin_lesions_are_cutaneous_necrosis_and_digital_ulcers_are_not() -> None:
    case = read("A 58-year-old woman with dermatomyositis. Necrotic skin lesions over both elbows.")
    assert {f.code.value: f.present for f in case.findings}.get("cutaneous_necrosis") is True
    ulcers = read("A 58-year-old woman with dermatomyositis. Digital ulcers on two finger pulps.")
    codes = {f.code.value for f in ulcers.findings}
    assert "cutaneous_ulceration" in codes
    assert "cutaneous_necrosis" not in codes


def test_plasma_viscosity_is_read_as_its_own_lab() -> None:
    case = read("A 61-year-old man with polymyositis. Plasma viscosity 1.9 mPa·s.")
    labs = [(lab.code.value, lab.value) for lab in case.labs]
    assert ("plasma_viscosity", 1.9) in labs


def test_intramuscular_methotrexate_keeps_its_route() -> None:
    case = read(
        # issue #10 (i13c): the start stated, as a drug the patient is "on" with no start is not
        # recorded (tests/data/notes gold: "no start date: not recorded")
        "A 61-year-old man with dermatomyositis on methotrexate 15 mg weekly intramuscular"
        " since March 2026."
    )
    assert [(t.drug, t.route) for t in case.treatments] == [("methotrexate", "intramuscular")]
