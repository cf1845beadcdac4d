"""issue #10 (i15a): strength comparisons in right-to-left and Indic scripts, and an unread
muscle's grade. Our own sentences; the values are worked out by hand."""

from __future__ import annotations

from datetime import date

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)


def _findings(text: str) -> dict[str, bool]:
    case = extract_case(text, anchor=TODAY, today=TODAY).case
    return {f.code.value: f.present for f in case.findings}


def test_an_unread_muscles_grade_is_not_the_left_side_of_the_muscle_before_it() -> None:
    # hips 3 on both sides; "gizmo" is no muscle the rules know: its 5/5 is its own
    found = _findings("Power: shoulders 4/5, hips 3/5, gizmo 5/5.")
    assert found.get("weakness_proximal_upper") is True
    assert found.get("weakness_proximal_lower") is True


def test_an_unread_muscles_right_and_left_grades_are_both_its_own() -> None:
    # "elbows" unread here as "siku" (Indonesian); the hip's 2/2 stays the hip's
    found = _findings("Kekuatan otot (MRC, kanan/kiri): bahu 4/4, siku 5/5, panggul 2/2.")
    assert found.get("weakness_proximal_lower") is True


def test_neck_named_alone_then_its_movements() -> None:
    found = _findings("Neck: flexion 3/5, extension 5/5.")
    assert found.get("neck_flexors_weaker_than_extensors") is True
    # the neck graded as a whole says neither
    assert "neck_flexors_weaker_than_extensors" not in _findings("Neck 4/5, hips 4/5.")


def test_arabic_pelvic_muscles_distal_limbs_and_neck_movements() -> None:
    text = (
        "قوة العضلات: الكتفين 3/5، عضلات الحوض 3/5، الأطراف البعيدة 5/5.\n"
        "عضلات الرقبة: الثني 3/5، البسط 4/5."
    )
    found = _findings(text)
    assert found.get("weakness_proximal_lower") is True
    assert found.get("legs_proximal_weaker_than_distal") is True
    assert found.get("neck_flexors_weaker_than_extensors") is True


def test_arabic_neck_extension_weaker_is_not_flexors_weaker() -> None:
    found = _findings("عضلات الرقبة: الثني 5/5، البسط 4/5.")
    assert found.get("neck_flexors_weaker_than_extensors") is not True


def test_bengali_distal_muscles_and_neck_forward_backward() -> None:
    text = "পেশীশক্তি: কাঁধ 4/5, নিতম্ব 4/5, দূরবর্তী পেশী 5/5।\nঘাড় সামনের দিকে বাঁকানো 4/5, পেছনের দিকে 5/5।"
    found = _findings(text)
    assert found.get("weakness_proximal_lower") is True
    assert found.get("legs_proximal_weaker_than_distal") is True
    assert found.get("neck_flexors_weaker_than_extensors") is True


def test_urdu_lower_parts_of_the_limbs_at_full_strength() -> None:
    found = _findings("پٹھوں کی طاقت: کندھے 5/5، کولہے 5/5، ٹانگوں کے نچلے حصے 5/5۔")
    assert found.get("legs_proximal_weaker_than_distal") is False
