"""Issue #10, twenty-third session (branch i48t): classes of wording in the tumours of the notes.
Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "
SCAN = "CT chest, abdomen and pelvis 10/11/2026: sigmoid adenocarcinoma 30 mm; "


def _tumours(text: str) -> list[tuple[str, str | None, str | None, float | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return [
        (
            t.site.value,
            t.nodes.value if t.nodes else None,
            t.metastases.value if t.metastases else None,
            t.size_mm,
        )
        for t in case.tumours
    ]


# --- a staging scan's nodes and distant disease denied, in the languages the rules read
# (rules/patterns.yaml nodes, metastases; gates nodes, metastases)


@pytest.mark.parametrize(
    "staging",
    [
        "no enlarged lymph nodes; no distant spread.",
        "no pelvic or para-aortic adenopathy, no liver, lung or bone metastases.",
        # Portuguese and Spanish
        "sem adenopatias nem lesões secundárias.",
        "sin adenopatías ni lesiones a distancia.",
        "sin adenopatías pélvicas; sin metástasis a distancia.",
        # Slovak
        "bez lymfadenopatie, bez vzdialených metastáz.",
        # Vietnamese
        "không thấy hạch; không di căn xa.",
        # Bengali
        "কোনো বর্ধিত লিম্ফ নোড নেই; দূরবর্তী বিস্তার নেই।",
        # Tamil
        "நிணநீர் முடிச்சுகள் பெரிதாகவில்லை; தொலைதூரப் பரவல் இல்லை.",
        # Gujarati: the organs where no spread was seen are no tumour's site
        "લસિકા ગાંઠો મોટી નથી; યકૃત કે ફેફસાંમાં ફેલાવો નથી.",
        # Punjabi
        "ਗਿਲਟੀਆਂ ਵਧੀਆਂ ਨਹੀਂ। ਜਿਗਰ ਜਾਂ ਹੱਡੀਆਂ ਵਿੱਚ ਫੈਲਾਅ ਨਹੀਂ।",
        # Kyrgyz and Turkmen
        "лимфа түйүндөрү чоңойгон эмес, боордо метастаз жок.",
        "limfa düwünleri ulalmadyk; bagyrda metastaz ýok.",
    ],
)
def test_a_staging_scans_denials_are_n0_and_m0(staging: str) -> None:
    assert _tumours(SCAN + staging) == [("colon", "N0", "M0", 30.0)]


def test_a_staging_scan_read_before_the_cancer_goes_to_it() -> None:
    # the scan names the organ and denies the nodes and the organs of spread; the cancer is
    # named by the biopsy after it
    text = (
        "CT 10/11/2026: wall thickening of the gastric antrum; no enlarged lymph nodes; no liver, "
        "lung or peritoneal metastases. OGD 12/11/2026: biopsy showed gastric adenocarcinoma."
    )
    assert _tumours(text) == [("stomach", "N0", "M0", None)]


# --- a size in the units of each script, with a decimal comma, and not an endoscope's position
# (rules/patterns.yaml SIZE_MM_UNIT, SIZE_CM_UNIT, tumour_size)


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma, 2,4 sm.", 24.0),
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma ४२ मि.मी.", 42.0),
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma ৩.২ সে.মি.", 32.0),
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma 27 მმ.", 27.0),
        ('Colonoscopy 10/11/2026: sigmoid adenocarcinoma 16 מ"מ.', 16.0),
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma ۲.۵ سانتي متره.", 25.0),
        ("Colonoscopy 10/11/2026: sigmoid adenocarcinoma 26 மி.மீ.", 26.0),
        # the endoscope's position is no size
        ("Colonoscopy 10/11/2026: in the sigmoid at 25 cm a 18 mm adenocarcinoma.", 18.0),
        ("Colonoscopia 10/11/2026: sigmoide a 22 cm da borda anal, adenocarcinoma de 36 mm.", 36.0),
        (
            "Colonoscopy 10/11/2026: ಗುದದ್ವಾರದಿಂದ 7 ಸೆಂ.ಮೀ. ದೂರದಲ್ಲಿ 3 ಸೆಂ.ಮೀ. "
            "adenocarcinoma of the rectum.",
            30.0,
        ),
    ],
)
def test_a_size_in_each_scripts_units(sentence: str, size: float) -> None:
    assert [s for *_, s in _tumours(sentence)] == [size]


# --- the neutral words for a tumour in more languages (rules/languages.yaml histology other):
# a size beside them measures the cancer a biopsy names


@pytest.mark.parametrize(
    "seen",
    [
        "OGD 05/11/2026: aşgazanyň antral bölüminde 2,6 sm şiş.",
        "OGD 05/11/2026: stomach antrum, 26 მმ წარმონაქმნი.",
        "OGD 05/11/2026: stomach antrum, 26 மி.மீ கட்டி.",
        "OGD 05/11/2026: stomach antrum, ۲.۶ سانتي متره کتله.",
        "OGD 05/11/2026: fivontosana 2,6 sm eo amin'ny antre ny vavony.",
        "OGD 05/11/2026: stomach antrum, ২.৬ সেমি ঘা-যুক্ত বৃদ্ধি.",
    ],
)
def test_a_neutral_tumour_word_takes_its_size(seen: str) -> None:
    text = seen + " Histology 09/11/2026: adenocarcinoma of the stomach."
    assert _tumours(text) == [("stomach", None, None, 26.0)]


# --- an Indic script's dotted unit after a size ends no sentence: the noun it measures follows
# (_nlp.py _DOTTED_SIZE_UNITS)


@pytest.mark.parametrize(
    "seen",
    [
        "CT 05/11/2026: सिग्मॉइड कोलनमध्ये ३६ मि.मी. ची गाठ.",
        "CT 05/11/2026: sigmoid colon ೩.೬ ಸೆಂ.ಮೀ. ಗಾತ್ರದ ಗಡ್ಡೆ.",
    ],
)
def test_a_dotted_unit_keeps_its_size_with_the_noun_after_it(seen: str) -> None:
    text = seen + " Histology 09/11/2026: adenocarcinoma of the sigmoid colon."
    assert _tumours(text) == [("colon", None, None, 36.0)]
