"""A case opened under a web copy's "References" heading (issue #10, session of 1 Dec 2026,
worktree i10-text14): a stored web page can carry the journal's "References" link as a heading
just before the case prose. A sentence there that opens a case ("A 58-year-old man presented
with ...") is no citation: it and the rest of that section are about the patient. A real
citation list stays out of the case. Our own sentences; values read off them by hand."""

from __future__ import annotations

from tests.ingest.text.helpers import read

_HEAD = "Clinic date: 10/11/2026\nSubmit a paper here\n\nReferences\n\n"


def test_case_prose_under_a_references_heading_is_read() -> None:
    note = (
        _HEAD + "A 58-year-old man presented with weakness of both shoulders. "
        "His creatine kinase was 4,200 U/L (reference range 40-300 U/L)."
    )
    labs = read(note).case.labs
    assert [(lab.code.value, lab.value, lab.upper_limit) for lab in labs] == [("ck", 4200.0, 300.0)]


def test_a_citation_list_stays_out_of_the_case() -> None:
    note = (
        _HEAD + "1. Smith A, Jones B. Creatine kinase 4,200 U/L in myositis. J Rheum 2010;3:1-5.\n"
        "2. Lee C. A 58-year-old man with dermatomyositis. Case Rep 2012;1:2-4."
    )
    assert read(note).case.labs == []


# A site word that heads its own lesion in a list ("malar rash, periorbital oedema") places that
# lesion, not the rash of the item before it: periorbital oedema alone is no heliotrope rash.
def test_periorbital_oedema_after_a_malar_rash_is_no_heliotrope() -> None:
    note = (
        "Clinic date: 10/11/2026\n"
        "A 15-year-old boy was referred with malar rash, periorbital oedema and weakness."
    )
    assert "heliotrope_rash" not in {f.code.value for f in read(note).case.findings}


def test_a_rash_on_the_eyelids_is_still_a_heliotrope() -> None:
    note = (
        "Clinic date: 10/11/2026\nA 15-year-old boy was referred with a rash on both upper eyelids."
    )
    assert "heliotrope_rash" in {f.code.value for f in read(note).case.findings}
