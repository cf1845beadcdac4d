"""Failure classes fixed in the seventh issue #10 session on the opened sixth set of case
reports (reports:heldout_g; tests/data/reports/FIRST_RUN_G.md). Each class is a general rule
tried in our own wording, with several variants and with sentences that must not match; the
expected facts are read off the words by hand."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import findings_of as findings
from tests.ingest.text.helpers import present, read


def _sites(note: str) -> dict[str, str]:
    """site -> histology of every tumour recorded."""
    return {t.site.value: t.histology.value for t in read(note).case.tumours}


# ------------------------------------------------ words broken by "- " in a copied PDF
_PDF = (
    "A 58-year-old wo- man was ad- mitted with a rash. She reported pro- gressive "
    "{symptom} over three months.\n"
)


@pytest.mark.parametrize(
    ("symptom", "code"),
    [
        ("dys- phagia", "dysphagia"),
        ("dyspha- gia for solids", "dysphagia"),
        ("my- algia", "myalgia"),
    ],
)
def test_a_word_broken_by_a_hyphen_and_a_space_is_read_whole_in_a_pdf_copy(
    symptom: str, code: str
) -> None:
    assert code in present(_PDF.format(symptom=symptom))


def test_the_cancer_of_a_broken_word_is_recorded() -> None:
    note = _PDF.format(symptom="weakness") + "A mole on the back was ex- cised: mela- noma.\n"
    assert _sites(note) == {"skin": "other"}


@pytest.mark.parametrize(
    "note",
    [
        # one typed dash is punctuation, not a broken word
        "Woman, 58. Swallowing- fine. Heliotrope rash.",
        # a suspended hyphen in a coordination is kept, in a PDF copy too
        "A 58-year-old wo- man was ad- mitted with pre- and post- prandial pain; no dys- "
        "or odynophagia.\n",
    ],
)
def test_a_dash_or_a_suspended_hyphen_makes_no_word(note: str) -> None:
    assert "dysphagia" not in present(note)


# ------------------------------------------------ structured-abstract labels with a full stop
_ABSTRACT = (
    "Introduction. Dermatomyositis is an inflammatory disease of muscle and skin. "
    "Carcinoma of the {organ} is a cancer that arises in the lining of the gut.\n\n"
    "{label}. We describe a 49-year-old man with a heliotrope rash.\n\n"
    "Conclusions. Patients with dermatomyositis may have dysphagia and weakness of the hips.\n"
)


@pytest.mark.parametrize("label", ["Case report", "Case presentation", "Caso clínico"])
def test_labels_before_a_full_stop_open_their_sections(label: str) -> None:
    result = read(_ABSTRACT.format(organ="colon", label=label))
    assert {f.code.value for f in result.case.findings if f.present} == {"heliotrope_rash"}
    assert result.case.tumours == []  # the introduction's cancer is no one's


def test_labels_on_one_line_each_open_their_section() -> None:
    note = _ABSTRACT.format(organ="rectum", label="Case description").replace("\n\n", " ")
    assert present(note) == {"heliotrope_rash"}
    assert read(note).case.tumours == []


def test_a_soap_objective_line_stays_the_examination() -> None:
    note = "Woman, 52.\nObjective: dysphagia to solids; heliotrope rash.\n"
    assert present(note) == {"dysphagia", "heliotrope_rash"}


def test_a_label_in_the_middle_of_a_sentence_opens_nothing() -> None:
    note = (
        "A 49-year-old man with a heliotrope rash. This is a case report. "
        "We describe his dysphagia.\n"
    )
    assert present(note) == {"heliotrope_rash", "dysphagia"}


@pytest.mark.parametrize(
    "title", ["Wprowadzenie", "Introducción", "Discusión", "Conclusiones", "Wnioski"]
)
def test_a_title_in_another_language_opens_a_general_section(title: str) -> None:
    note = (
        "A 49-year-old man with a heliotrope rash.\n\n"
        f"{title}\n"
        "Dysphagia was present and the CK was raised.\n"
    )
    assert findings(note) == {"heliotrope_rash": True}
    assert read(note).case.labs == []
