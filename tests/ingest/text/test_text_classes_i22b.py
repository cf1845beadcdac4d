"""issue #10 (i22b): a staging scan read before the tumour is named. The CT that found a
thickened bowel wall without nodes or distant lesions comes first; the endoscopy and biopsy that
named the cancer come after. Its node and metastasis status go to the tumour later found at the
organ the scan names; they do not date the find (the biopsy does). Our own sentences; each
class has a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

from .helpers import case_of

_OPENING = "A 66-year-old man was seen in our clinic on 9 February 2026.\n\n"


def test_scan_before_the_biopsy_gives_nodes_and_metastases() -> None:
    case = case_of(
        _OPENING + "A CT of the chest and abdomen on 3 March 2026 showed wall thickening of the "
        "descending colon without lymphadenopathy or liver lesions. Colonoscopy on 6 March "
        "2026 found a friable mass in the descending colon; biopsies showed adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "colon"
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    assert tumour.found_date == date(2026, 3, 6)  # the biopsy, not the scan


def test_translated_pathological_nodes_and_secondary_lesions() -> None:
    case = case_of(
        _OPENING + "CT of the abdomen (3 March 2026): thickening of the rectum of 30 mm, "
        "without pathological lymph nodes nor secondary lesions. Colonoscopy (6 March 2026): "
        "ulcerated lesion of the rectum; histology: adenocarcinoma G2."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "rectum"
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    assert tumour.found_date == date(2026, 3, 6)


def test_a_scan_of_another_organ_stages_nothing() -> None:
    # guard: the scan names the stomach, the cancer is in the colon
    case = case_of(
        _OPENING + "A CT on 3 March 2026 showed wall thickening of the stomach without "
        "lymphadenopathy or liver lesions. Colonoscopy on 6 March 2026 found a mass in the "
        "descending colon; biopsies showed adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.site is not None and tumour.site.value == "colon"
    assert tumour.nodes is None and tumour.metastases is None


def test_the_tumours_own_staging_wins() -> None:
    # guard: the resection's own node count is the tumour's, not the earlier scan's
    case = case_of(
        _OPENING + "A CT on 3 March 2026 showed thickening of the sigmoid colon without "
        "pathological lymph nodes. Colonoscopy on 6 March 2026: sigmoid colon mass, biopsy "
        "adenocarcinoma, 2 of 14 lymph nodes involved at resection."
    )
    (tumour,) = case.tumours
    assert tumour.nodes is not None and tumour.nodes.value == "N1"


def test_a_bare_no_lymphadenopathy_is_the_examination() -> None:
    # guard: a palpation's "no lymphadenopathy" stages nothing
    case = case_of(
        _OPENING + "On examination there was no lymphadenopathy and the abdomen was soft. "
        "Colonoscopy on 6 March 2026 found a mass in the descending colon; biopsies showed "
        "adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.nodes is None


def test_a_scan_done_because_of_cancer_in_general_still_stages() -> None:
    # "cancer" named in general beside the scan ("because dermatomyositis is linked with
    # cancer") makes the sentence generic; the scan's findings are still this patient's
    case = case_of(
        _OPENING + "Because dermatomyositis is often linked with cancer in adults, a CT on "
        "3 March 2026 showed wall thickening of the descending colon without lymphadenopathy "
        "or liver lesions. Colonoscopy on 6 March 2026 found a mass in the descending colon; "
        "biopsies showed adenocarcinoma."
    )
    (tumour,) = case.tumours
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
    assert tumour.found_date == date(2026, 3, 6)


def test_nodes_and_distant_disease_denied_together_without_other_words() -> None:
    # the metastases' patterns are skipped on a note without their gate words: "no nodal or
    # distant disease" alone must still be read (the gate now holds "distant")
    case = case_of(
        _OPENING + "CT on 3 March 2026: a 22 mm mass in the tail of the pancreas, no nodal or "
        "distant disease. EUS biopsy on 6 March 2026: well-differentiated neuroendocrine tumour."
    )
    (tumour,) = case.tumours
    assert tumour.size_mm == 22.0
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"


def test_a_scans_list_denies_nodes_then_distant_disease() -> None:
    case = case_of(
        _OPENING + "Endometrial biopsy on 2 March 2026: endometrioid adenocarcinoma, grade 1. "
        "CT of the chest, abdomen and pelvis on 5 March 2026: no lymphadenopathy, no distant "
        "metastases, no pleural effusion."
    )
    (tumour,) = case.tumours
    assert tumour.nodes is not None and tumour.nodes.value == "N0"
    assert tumour.metastases is not None and tumour.metastases.value == "M0"


def test_an_examination_without_lymphadenopathy_then_a_scan_stages_no_nodes() -> None:
    # guard: the palpation's "no lymphadenopathy" ends its own sentence
    case = case_of(
        _OPENING + "Endometrial biopsy on 2 March 2026: endometrioid adenocarcinoma, grade 1. "
        "On examination, no lymphadenopathy. The CT on 5 March 2026 showed no distant "
        "metastases."
    )
    (tumour,) = case.tumours
    assert tumour.nodes is None
    assert tumour.metastases is not None and tumour.metastases.value == "M0"
