"""issue #10 (i31a): Sinhala and Kannada read as languages (the patient line, the denials after
the noun, the result words after a test, the relatives; the range label "normal", the months,
the report's word beside the sample's, dysphagia and weight loss). Our own sentences (never a
note's); the values are worked out by hand. Each class has a guard: a near-miss that must not be
read."""

from __future__ import annotations

import pytest

from .helpers import (
    antibody_results,
    case_of,
    dated_antibody_results,
    findings_of,
    labs_coded,
    sex_and_age,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sinhala: the form's sex and age fields, the unit before the number
        ("රෝගියාගේ විස්තර\nලිංගය: පුරුෂ     වයස: අවුරුදු 57\nලිපිනය: ගාල්ල", ("male", 57)),
        # ... the unit after it, and "ගැහැණු" (female) as the field's value
        ("වයස: 38 වසර\nලිංගය: ගැහැණු", ("female", 38)),
        # ... "ස්ත්‍රී" written without the zero-width joiner
        ("ලිංගය: ස්ත්රී\nවයස: අවුරුදු 63", ("female", 63)),
        # ... "N හැවිරිදි" (N years old) before the noun
        ("52 හැවිරිදි කාන්තාවක් උරහිස්වල දුර්වලතාවය සමඟ පැමිණියාය.", ("female", 52)),
        # Kannada: the form's fields, sex first
        ("ಲಿಂಗ: ಸ್ತ್ರೀ\nವಯಸ್ಸು: 49 ವರ್ಷ", ("female", 49)),
        # ... the genitive "N ವರ್ಷದ" (of N years) before the noun
        ("67 ವರ್ಷದ ಪುರುಷ ರೋಗಿಯು ಭುಜಗಳ ದೌರ್ಬಲ್ಯದಿಂದ ಬಂದಿದ್ದಾರೆ.", ("male", 67)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_kannada_honorific_your_is_no_relative() -> None:
    # guard: "ತಮ್ಮ" is a younger brother but also the honorific "your": the age stays the patient's
    text = "ತಮ್ಮ ಸಲಹೆಗಾಗಿ 58 ವರ್ಷದ ಪುರುಷ ರೋಗಿಯನ್ನು ಕಳುಹಿಸುತ್ತಿದ್ದೇವೆ."
    assert sex_and_age(text) == ("male", 58)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sinhala: a list and its one result word, the copula written onto it ("-යි")
        (
            "Immunoblot: Mi-2, SRP, PL-12 සෘණාත්මකයි; MDA5 ධනාත්මකයි.",
            {"MI2": "negative", "SRP": "negative", "PL12": "negative", "MDA5": "positive"},
        ),
        # ... the negative spelt with the vowel letter, without the copula
        ("anti-Jo-1 ඍණාත්මක, anti-HMGCR ධනාත්මක.", {"JO1": "negative", "HMGCR": "positive"}),
        # Kannada: "ಋಣಾತ್ಮಕ" (negative) after a list, "ಧನಾತ್ಮಕವಾಗಿದೆ" (is positive)
        (
            "Jo-1, PL-7, EJ ಋಣಾತ್ಮಕ; anti-TIF1-γ ಧನಾತ್ಮಕವಾಗಿದೆ.",
            {"JO1": "negative", "PL7": "negative", "EJ": "negative", "TIF1G": "positive"},
        ),
    ],
)
def test_result_words(text: str, expected: dict[str, str]) -> None:
    assert antibody_results(text) == expected


@pytest.mark.parametrize("text", ["anti-SRP දුර්වල ධනාත්මකයි.", "anti-SRP ದುರ್ಬಲ ಧನಾತ್ಮಕ."])
def test_weak_positive_is_not_the_plain_positive(text: str) -> None:
    # guard: "weakly positive" is read as weak, never as the plain positive inside it
    assert antibody_results(text) == {"SRP": "weak_positive"}


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # Sinhala: "නැත" (there is not), "නොමැත" (is absent), "දක්නට නොලැබුණි" (not seen)
        ("පරීක්ෂාවේදී Gottron's papules නොමැත.", "gottron_papules", False),
        ("සමට යටින් calcinosis දක්නට නොලැබුණි.", "calcinosis", False),
        ("Mechanic's hands නැත; heliotrope rash ඇත.", "heliotrope_rash", True),
        ("Mechanic's hands නැත; heliotrope rash ඇත.", "mechanics_hands", False),
        # Kannada: "ಇಲ್ಲ" (there is not), "ಕಂಡುಬಂದಿಲ್ಲ" (not found)
        ("ಕೈಗಳಲ್ಲಿ Raynaud ಲಕ್ಷಣ ಇಲ್ಲ.", "raynaud", False),
        ("CT ಯಲ್ಲಿ ILD ಕಂಡುಬಂದಿಲ್ಲ.", "interstitial_lung_disease", False),
        # guard: "ಇಲ್ಲಿ" (here) is no denial, though it begins with "ಇಲ್ಲ"
        ("ಕಣ್ಣುರೆಪ್ಪೆಗಳ ಮೇಲೆ heliotrope rash ಇಲ್ಲಿ ಕಾಣುತ್ತದೆ.", "heliotrope_rash", True),
    ],
)
def test_denials_after_the_noun(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


@pytest.mark.parametrize(
    "text",
    [
        "පවුලේ ඉතිහාසය: මවට breast cancer තිබුණි.",
        "ಕುಟುಂಬದ ಇತಿಹಾಸ: ತಂದೆಗೆ lung cancer ಇತ್ತು.",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(text: str) -> None:
    assert case_of(text).tumours == []


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        # "normal" before a range and before an upper limit, Sinhala with and without the joiner
        ("CK 3 150 U/L (සාමාන්‍ය 30 - 200)", (30.0, 200.0)),
        ("CK 880 U/L (සාමාන්ය < 170)", (None, 170.0)),
        ("CK 1,240 U/L (ಸಾಮಾನ್ಯ 25-190)", (25.0, 190.0)),
        ("CK 640 U/L (ಸಾಮಾನ್ಯ < 200)", (None, 200.0)),
    ],
)
def test_range_label_normal(text: str, limits: tuple[float | None, float]) -> None:
    (lab,) = labs_coded(text, "ck")
    assert (lab.lower_limit, lab.upper_limit) == limits


def test_no_range_without_its_label() -> None:
    # guard: a bracket with a date, not a range, gives no limits
    (lab,) = labs_coded("CK 640 U/L (2026.10.14)", "ck")
    assert (lab.lower_limit, lab.upper_limit) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Immunoblot (නියැදිය 2026.09.21, වාර්තාව 2026.09.25):\nanti-Mi-2 ධනාත්මකයි.",
        "Immunoblot (ಮಾದರಿ 21/09/2026, ವರದಿ 25/09/2026):\nanti-Mi-2 ಧನಾತ್ಮಕ.",
    ],
)
def test_the_sample_dates_the_result_not_the_report(text: str) -> None:
    assert dated_antibody_results(text) == {("MI2", "positive", "2026-09-21")}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("16 ඔක්තෝබර් 2026: CK 900 U/L.", "2026-10-16"),
        ("16 ಅಕ್ಟೋಬರ್ 2026: CK 900 U/L.", "2026-10-16"),
    ],
)
def test_month_names(text: str, day: str) -> None:
    (lab,) = labs_coded(text, "ck")
    assert lab.date.isoformat() == day


@pytest.mark.parametrize(
    ("text", "code", "present"),
    [
        # dysphagia in the languages' words, stated and denied
        ("ගිලීමේ අපහසුවක් ඇත.", "dysphagia", True),
        ("ගිලීමට අපහසුතාවය නැත.", "dysphagia", False),
        ("ಊಟ ನುಂಗಲು ಕಷ್ಟ ಇದೆ.", "dysphagia", True),
        # weight loss: the noun, and the kilograms gone down
        ("ශරීර බර අඩුවීමක් ඇත.", "weight_loss", True),
        ("මාස දෙකක් තුළ බර කිලෝ 4 කින් අඩු වී ඇත.", "weight_loss", True),
        ("ಎರಡು ತಿಂಗಳಲ್ಲಿ ತೂಕ 4 ಕೆಜಿ ಕಡಿಮೆಯಾಗಿದೆ.", "weight_loss", True),
        ("ತೂಕ ಇಳಿಕೆ ಇಲ್ಲ.", "weight_loss", False),
    ],
)
def test_dysphagia_and_weight_loss(text: str, code: str, present: bool) -> None:
    assert findings_of(text).get(code) is present


def test_a_dose_reduced_by_the_kilogram_is_no_weight_loss() -> None:
    # guard: "ಕಡಿಮೆ ಮಾಡಲಾಗಿದೆ" (was reduced) of a dose per kilogram is no weight loss
    assert "weight_loss" not in findings_of("Prednisolone 1 mg/kg ಕಡಿಮೆ ಮಾಡಲಾಗಿದೆ.")
