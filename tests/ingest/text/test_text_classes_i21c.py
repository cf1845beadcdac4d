"""Antibody results whose panel's date is stated on the line before, a result word that is
another test's, lab reference ranges labelled in the languages that had no label yet, and tumour
sizes beside other languages' words for a mass (issue #10, i21c). Every sentence is our own;
each expected value is worked out by hand from the notes' gold conventions
(tests/data/notes/README.md: an antibody is dated by its sample).

- a panel's results wrapped onto a sentence of their own ("Line blot (sampled 04.09.2026):
  anti-TIF1-gamma +++." then "Mi-2, NXP2 ... negative.") take the panel's date, not the note's;
  so does a line under them ("ANA 1:320 speckled.");
- a date after the results that belongs to another story ("... with a previous lung cancer
  (2019). Mi-2 positive disease carries ...") does not date the next sentence's antibody, and a
  sentence that does not open with its antibodies keeps its own reading.
- a lab's reference range labelled in Icelandic ("viðm.", an abbreviation that ends no
  sentence), Hebrew, Hindi, Welsh, Irish, Vietnamese or Lithuanian ("N iki 190", norm up to) is
  the lab's range.
- a bare result word right after another test's name ("(Jo-1, CT neg)") is that test's: no
  negative Jo-1 beside the positive one; after antibodies only ("Jo-1, PL-7 neg") it is theirs.
- a size beside another language's neutral word for a mass ("lesión", "kitle", "образование",
  "masse") is the tumour's size, in millimetres or Cyrillic centimetres, never a distance ("5 см
  от ануса").
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import case_of, dated_antibody_results, labs_coded, read

HEAD = "Discharge letter, 20/10/2026. A 61-year-old woman with dermatomyositis.\n\n"


def test_a_wrapped_panel_list_takes_the_panels_date() -> None:
    note = (
        HEAD + "Results:\n"
        "Myositis line blot (sample taken 04.09.2026): anti-TIF1-gamma strongly positive (+++).\n"
        "  Mi-2, NXP2, MDA5 and SAE1 all negative.\n"
        "  ANA 1:320 speckled.\n"
    )
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-09-04"),
        ("MI2", "negative", "2026-09-04"),
        ("NXP2", "negative", "2026-09-04"),
        ("MDA5", "negative", "2026-09-04"),
        ("SAE1", "negative", "2026-09-04"),
        ("ANA", "positive", "2026-09-04"),
    }


def test_rows_under_a_panel_heading_dated_in_brackets_take_its_date() -> None:
    note = (
        HEAD + "=== Myositis panel (sent 05/10/2026) ===\n"
        "- TIF1-gamma: POSITIVE (strong)\n"
        "- NXP2 neg | MDA5 neg\n"
    )
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-10-05"),
        ("NXP2", "negative", "2026-10-05"),
        ("MDA5", "negative", "2026-10-05"),
    }


def test_the_rest_of_a_blot_after_a_remaining_word_takes_its_date() -> None:
    note = (
        HEAD + "- Immunoblot (drawn 16/10/2026): anti-NXP2 positive (++).\n"
        "  Remaining Jo-1, PL-7 and PL-12 negative.\n"
    )
    assert dated_antibody_results(note) == {
        ("NXP2", "positive", "2026-10-16"),
        ("JO1", "negative", "2026-10-16"),
        ("PL7", "negative", "2026-10-16"),
        ("PL12", "negative", "2026-10-16"),
    }


def test_a_date_after_the_result_is_another_storys() -> None:
    # the year dates the lung cancer, not the Mi-2 of the next sentence; that one has no time
    # of its own: the note's date (i22a: the diagnosis's month dates its own clause only, so it
    # no longer carries on as the sentence's time)
    note = (
        HEAD + "Anti-Mi-2 positive dermatomyositis diagnosed in March 2026, improving on "
        "prednisolone, with a previous lung cancer (2019). Mi-2 positive disease carries a lower "
        "cancer risk.\n"
    )
    facts = [f for f in read(note).facts if f.type == "antibody"]
    assert [(f.code, f.value["result"], str(f.date)) for f in facts] == [
        ("MI2", "positive", "2026-03-01"),
        ("MI2", "positive", "2026-10-20"),
    ]


# --------------------------------------------------------------------------- reference labels
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Icelandic, its label abbreviated with a stop that ends no sentence
        ("Blóðprufur: CK 2.310 U/L (viðm. 35-210).\n", (2310.0, 35.0, 210.0)),
        # Hebrew "normal range", and the bare "range"
        ("Labs: CK 990 U/L (טווח תקין 30-170).\n", (990.0, 30.0, 170.0)),
        ("Labs: CK 990 U/L (טווח 30-170).\n", (990.0, 30.0, 170.0)),
        # Hindi "normal"
        ("जांच: CK 1,450 U/L (सामान्य 20-180)।\n", (1450.0, 20.0, 180.0)),
        # Welsh "range", "reference range"
        ("Profion: CK 760 U/L (ystod 40-190).\n", (760.0, 40.0, 190.0)),
        ("Profion: CK 760 U/L (ystod gyfeirio 40-190).\n", (760.0, 40.0, 190.0)),
        # Irish "reference range"
        ("Torthaí: CK 1 210 U/L (raon tagartha 30–200).\n", (1210.0, 30.0, 200.0)),
        # Vietnamese "normal" and an upper limit only
        ("Xét nghiệm: CK 3.050 U/L (bình thường < 170).\n", (3050.0, None, 170.0)),
        # Lithuanian "N up to"
        ("Tyrimai: KFK 2410 V/l (N iki 190).\n", (2410.0, None, 190.0)),
    ],
)
def test_a_reference_range_labelled_in_another_language(
    line: str, expected: tuple[float, float | None, float]
) -> None:
    (lab,) = labs_coded(HEAD + line, "ck")
    assert (lab.value, lab.lower_limit, lab.upper_limit) == expected


# --------------------------------------------------------------------------- another test's word
def test_a_bare_result_word_right_after_another_test_is_that_tests() -> None:
    # "neg" follows the CT: the CT was negative, not the Jo-1 the panel found positive
    note = (
        HEAD + "Myositis blot (drawn 02/10/2026): Jo-1 positive, PL-7 negative.\n"
        "Plan: low cancer risk, screening can wait (Jo-1, CT neg).\n"
    )
    facts = [f for f in read(note).facts if f.type == "antibody" and f.code == "JO1"]
    assert {f.value.get("result") for f in facts} == {"positive", None}
    assert dated_antibody_results(note) == {
        ("JO1", "positive", "2026-10-02"),
        ("PL7", "negative", "2026-10-02"),
    }


def test_a_bare_result_word_after_antibodies_only_is_theirs() -> None:
    note = HEAD + "Myositis blot (drawn 02/10/2026): Jo-1, PL-7 neg.\n"
    assert dated_antibody_results(note) == {
        ("JO1", "negative", "2026-10-02"),
        ("PL7", "negative", "2026-10-02"),
    }


# --------------------------------------------------------------------------- tumour sizes
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Spanish "lesión" on the scan, the cancer named by the biopsy
        (
            "Ecografía transvaginal (03/10/2026): lesión endometrial sólida de 31 mm. Biopsia: "
            "adenocarcinoma de endometrio.\n",
            ("uterus", "adenocarcinoma", 31.0),
        ),
        # Turkish "kitle", the size before the word, the larger of two dimensions
        (
            "Toraks BT (04.10.2026): sağ üst lobda 36x28 mm spiküle kitle. Biyopsi: akciğer "
            "skuamöz hücreli karsinom.\n",
            ("lung", "squamous_cell_carcinoma", 36.0),
        ),
        # Russian "образование" in centimetres written in Cyrillic; the distance from the anus
        # ("5 см от ануса") is no size
        (
            "Колоноскопия (02.10.2026): в прямой кишке на 5 см от ануса экзофитное образование "
            "до 3 см. Гистология: аденокарцинома прямой кишки.\n",
            ("rectum", "adenocarcinoma", 30.0),
        ),
        # French "masse", at the kidney named by the feminine adjective
        (
            "TDM (2026-10-02) : masse rénale droite solide de 44 mm. Histologie : carcinome rénal "
            "à cellules claires.\n",
            ("kidney", "other", 44.0),
        ),
    ],
)
def test_a_size_beside_another_languages_word_for_a_mass(
    body: str, expected: tuple[str, str, float]
) -> None:
    (tumour,) = case_of(HEAD + body).tumours
    assert (tumour.site.value, tumour.histology.value, tumour.size_mm) == expected
