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


# --- Welsh (cy): the core vocabulary and its initial mutations ---------------------------------


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=TODAY, today=TODAY).case


def test_mutated_forms_follow_the_welsh_table() -> None:
    from myositis_cds.ingest.text._rules import expand_forms

    assert expand_forms("~poen") == ["poen", "boen", "mhoen", "phoen"]
    assert expand_forms("~gwendid") == ["gwendid", "wendid", "ngwendid"]
    assert expand_forms("~llyncu") == ["llyncu", "lyncu"]
    assert expand_forms("~chwaer") == ["chwaer"]  # "ch" does not mutate (not read as "c")
    assert expand_forms("~Tachwedd") == ["Tachwedd", "Dachwedd", "Nhachwedd", "Thachwedd"]


def test_welsh_girl_with_her_age_signs_and_a_negative_panel() -> None:
    case = _case(
        "Merch 11 oed. Dim anhawster llyncu. Papylau Gottron ar y migyrnau.\n"
        "Gwrth-Mi-2, SRP a Jo-1: negyddol. Gwrth-NXP2 yn bositif."
    )
    assert str(case.patient.sex.value) == "female"
    assert case.patient.age == 11
    found = {f.code.value: f.present for f in case.findings}
    assert found.get("dysphagia") is False
    assert found.get("gottron_papules") is True
    results = {a.code.value: a.result.value for a in case.antibodies}
    assert results.get("MI2") == "negative"
    assert results.get("JO1") == "negative"
    assert results.get("NXP2") == "positive"


def test_welsh_month_names_date_a_result() -> None:
    case = _case("Dyddiad y clinig: 3 Mehefin 2026. CK 2400 U/L.")
    assert [lab.date for lab in case.labs if lab.code.value == "ck"] == [date(2026, 6, 3)]


def test_welsh_cancer_the_patients_and_a_relatives_and_a_screening() -> None:
    sites = [t.site.value for t in _case("Diagnosis: canser y bledren, Mawrth 2026.").tumours]
    assert sites == ["bladder"]
    # her father's cancer (soft "ganser" after "o", aspirate "thad" after "ei" her) is no tumour
    assert not _case("Bu farw ei thad o ganser y prostad.").tumours
    # "no need to screen for cancer" names no cancer
    assert not _case("Dim angen sgrinio am ganser ar hyn o bryd.").tumours


def test_welsh_form_answer_no_and_the_english_na_is_not_a_no() -> None:
    assert _findings("Dysffagia: Nac oes.").get("dysphagia") is False
    # "NA" on an English form is "not assessed": never a silent no
    # (read present on main before this change as well: a separate gap, not a no)
    assert _findings("Dysphagia: NA.").get("dysphagia") is not False


# --- a stated cancer without a size; the sex field of an Egyptian form -------------------------


def test_arabic_bladder_cancer_stated_without_a_size_and_the_sex_field() -> None:
    case = _case("النوع: ذكر          السن: ٥٨ سنة\nالتشخيص: ورم خبيث بالمثانة.")
    assert str(case.patient.sex.value) == "male"
    assert [t.site.value for t in case.tumours] == ["bladder"]


def test_arabic_referral_for_a_cystectomy_is_no_resection() -> None:
    case = _case(
        "التشخيص: ورم خبيث بالمثانة.\nتحويل لقسم المسالك البولية لاستئصال المثانة (cystectomy)."
    )
    assert [t.resected_date for t in case.tumours] == [None]


def test_bengali_cervix_cancer_in_both_encodings_of_its_ya() -> None:
    for ya in ("\u09af\u09bc", "\u09df"):
        text = f"রোগনির্ণয়: জরা{ya}ুমুখের ক্যান্সার।"
        assert [t.site.value for t in _case(text).tumours] == ["cervix"]


def test_bengali_mothers_cervix_cancer_is_no_tumour() -> None:
    assert not _case("মায়ের জরায়ুমুখের ক্যান্সার ছিল।").tumours


# --- Czech muscle biopsy named by its muscle with the Latin "m." ---------------------------------


def test_czech_biopsy_of_m_deltoideus_and_its_denied_features() -> None:
    case = _case(
        "Biopsie m. quadriceps femoris (3. 5.): perifascikulární atrofie, bez endomyziálního "
        "infiltrátu, bez lemovaných vakuol."
    )
    biopsy = case.muscle_biopsy
    assert biopsy is not None
    assert biopsy.perifascicular_atrophy is True
    assert biopsy.endomysial_infiltrate is False
    assert biopsy.rimmed_vacuoles is False


def test_a_skin_biopsy_then_a_graded_muscle_is_no_muscle_biopsy() -> None:
    assert _case("Biopsie kůže: dermatitida. M. deltoideus 4/5.").muscle_biopsy is None


def test_arabic_muscle_biopsy_reads_its_feature_and_a_skin_biopsy_does_not() -> None:
    biopsy = _case("خزعة عضلية: ضمور حول الحزم.").muscle_biopsy
    assert biopsy is not None and biopsy.perifascicular_atrophy is True
    assert _case("خزعة جلدية: التهاب جلدي.").muscle_biopsy is None
