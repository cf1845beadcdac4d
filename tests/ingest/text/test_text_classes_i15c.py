"""Issue #10, round 15 (i15c): the review of systems and the examination's signs, and the
antibody panels, that the twentieth set's notes missed, built as classes across the languages
that share the grammar. Sentences written by us; the values worked out by hand from the sentence
(a missing value is "not assessed", never a no)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 12, 1)


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=TODAY, today=TODAY).case


def _antibodies(text: str) -> dict[str, tuple[str | None, date | None]]:
    out: dict[str, tuple[str | None, date | None]] = {}
    for a in _case(text).antibodies:
        result = None if a.result is None else a.result.value
        out.setdefault(a.code.value, (result, a.date))
    return out


def _findings(text: str) -> dict[str, bool]:
    return {f.code.value: f.present for f in _case(text).findings}


# --- a long list of antibodies closed by a dash and its result word -------------------------
# The first members stand out of the result word's reach: before, they were read as an
# "anti-X" named alone (positive) or dropped; the dash is the colon of a Russian or Slavic form.
@pytest.mark.parametrize(
    ("line", "result"),
    [
        (
            "Женщина 55 лет. Анти-Mi-2β, Mi-2α, MDA5, NXP2, SAE1, PL-7, PL-12, Jo-1, OJ, EJ, Ku, "
            "SRP, PM-Scl100, PM-Scl75 — отрицательно.",
            "negative",
        ),
        (
            "Woman aged 55. Anti-Mi-2β, Mi-2α, MDA5, NXP2, SAE1, PL-7, PL-12, Jo-1, OJ, EJ, Ku, "
            "SRP, PM-Scl100, PM-Scl75 – negative.",
            "negative",
        ),
        (
            "Woman aged 55. Anti-Mi-2β, Mi-2α, MDA5, NXP2, SAE1, PL-7, PL-12, Jo-1, OJ, EJ, Ku, "
            "SRP, PM-Scl100, PM-Scl75 - positive.",
            "positive",
        ),
    ],
)
def test_a_long_list_closed_by_a_dash_gives_its_first_members_the_result(
    line: str, result: str
) -> None:
    found = _antibodies(line)
    assert found["MI2"][0] == result
    assert found["MDA5"][0] == result
    assert found["PMSCL"][0] == result


def test_no_negative_list_member_is_ever_read_positive() -> None:
    # guard: a positive before the list keeps its word; the list's members stay negative
    found = _antibodies(
        "Woman aged 55. Anti-TIF1γ positive (++). Anti-Mi-2β, Mi-2α, MDA5, NXP2, SAE1, PL-7, "
        "PL-12, Jo-1, OJ, EJ, Ku, SRP, PM-Scl100 — negative."
    )
    assert found["TIF1G"][0] == "positive"
    assert {found[c][0] for c in ("MI2", "MDA5", "NXP2", "SAE1", "JO1", "SRP")} == {"negative"}


# --- a dated sample heading the reading joined to the line above it --------------------------
def test_the_sample_date_of_a_joined_heading_dates_the_next_sentence_of_the_panel() -> None:
    text = (
        "Muller de 64 anos. Data da consulta: 20/11/2026\n"
        "Analítica:\n"
        "  Ferritina 210 ng/mL (VN < 150)\n"
        "Inmunoblot (mostra do 10/11/2026): anti-SAE1 positivo (++). Anti-Jo-1, PL-7, MDA5, "
        "NXP2: negativos.\n"
    )
    found = _antibodies(text)
    assert found["SAE1"] == ("positive", date(2026, 11, 10))
    assert found["JO1"] == ("negative", date(2026, 11, 10))
    assert found["NXP2"] == ("negative", date(2026, 11, 10))


def test_a_date_closing_a_clause_does_not_date_the_next_sentence() -> None:
    # guard: a date in the sentence's second half with no colon after it is no heading
    text = (
        "Woman aged 64. Seen 20/11/2026.\n"
        "CK was 3400 U/L and the blot was sent on 10/11/2026. Anti-Jo-1 negative today.\n"
    )
    assert _antibodies(text)["JO1"] == ("negative", date(2026, 11, 20))


# --- the review of systems and the signs, Galician ------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Muller de 58 anos. Sen fenómeno de Raynaud.", {"raynaud": False}),
        (
            "Muller de 58 anos. Sen mans de mecánico nin calcinose.",
            {"mechanics_hands": False, "calcinosis": False},
        ),
        ("Muller de 58 anos. Non refire disfaxia.", {"dysphagia": False}),
        # guard: the sign stated without the denial is present
        ("Muller de 58 anos. Refire disfaxia para sólidos.", {"dysphagia": True}),
    ],
)
def test_galician_without_and_does_not_report(line: str, expected: dict[str, bool]) -> None:
    found = _findings(line)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


# --- Russian and Czech names of the signs and of weight loss --------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Мужчина 61 года. Феномена Рейно нет.", {"raynaud": False}),
        ("Мужчина 61 года. Кальциноза нет.", {"calcinosis": False}),
        ("Мужчина 61 года. «Рука механика» отсутствует.", {"mechanics_hands": False}),
        ("Мужчина 61 года. Похудел на 8 кг за полгода.", {"weight_loss": True}),
        ("Мужчина 61 года. Эритема плеч (симптом «шали»).", {"shawl_sign": True}),
        ("Мужчина 61 года. V-образная эритема на груди.", {"v_sign": True}),
        ("Muž, 61 let. Zhubl 5 kg za půl roku.", {"weight_loss": True}),
        ("Muž, 61 let. Raynaudův fenomén neguje.", {"raynaud": False}),
        ("Muž, 61 let. Mechanické ruce nejsou.", {"mechanics_hands": False}),
        # guard: "není" before "přítomna" is the earlier rule; a sign with no denial is present
        ("Muž, 61 let. Mechanické ruce přítomny.", {"mechanics_hands": True}),
        ("Мужчина 61 года. Феномен Рейно при охлаждении.", {"raynaud": True}),
    ],
)
def test_russian_and_czech_signs(line: str, expected: dict[str, bool]) -> None:
    found = _findings(line)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


# --- a review of systems' field answered "no" in Arabic, Persian, Bengali; the signs' names ----
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مريضة ٥٢ سنة.\n- صعوبة في البلع: لا\n- نقص الوزن: نعم\n",
            {"dysphagia": False, "weight_loss": True},
        ),
        ("مريضة ٥٢ سنة.\n- ظاهرة رينو: لا\n", {"raynaud": False}),
        (
            "مريضة ٥٢ سنة. لا توجد قرح جلدية. لا يوجد تكلس تحت الجلد.",
            {"cutaneous_ulceration": False, "calcinosis": False},
        ),
        ("مريضة ٥٢ سنة. احمرار على الكتفين (علامة الشال).", {"shawl_sign": True}),
        ("خانم ۵۲ ساله.\nکاهش وزن: ندارد\n", {"weight_loss": False}),
        (
            "خانم ۵۲ ساله. دست مکانیک در هر دو دست. آرتریت مچ دست.",
            {"mechanics_hands": True, "arthritis": True},
        ),
        ("মহিলা ৫২ বছর।\n  ওজন কমেছে: না\n", {"weight_loss": False}),
        # guard: a field answered yes stays present
        ("মহিলা ৫২ বছর।\n  ওজন কমেছে: হ্যাঁ\n", {"weight_loss": True}),
    ],
)
def test_review_of_systems_fields_and_signs_in_arabic_persian_bengali(
    text: str, expected: dict[str, bool]
) -> None:
    found = _findings(text)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


# --- the Portuguese and Galician "no" (in the) before a body part is no denial ----------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mulher de 58 anos. Eritema no pescoço e no dorso (sinal do xale).", True),
        ("Muller de 58 anos. Eritema nos ombreiros e no dorso (signo do chal).", True),
        # guard: the English "no" before the sign still denies it
        ("Woman aged 58. No shawl sign.", False),
    ],
)
def test_the_portuguese_contraction_no_is_a_place(line: str, expected: bool) -> None:
    assert _findings(line).get("shawl_sign") is expected


# --- the lungs' interstitial changes on imaging, stated or denied -----------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Woman aged 60. CT chest: no interstitial lung changes.", False),
        ("Woman aged 60. HRCT: interstitial lung changes at both bases.", True),
        ("Muller de 60 anos. TC: sen patrón intersticial pulmonar.", False),
        ("Žena, 60 let. CT hrudníku: plíce bez intersticiálních změn.", False),
        ("Женщина 60 лет. МСКТ: интерстициальных изменений в лёгких нет.", False),
        ("Женщина 60 лет. МСКТ: интерстициальные изменения в лёгких.", True),
    ],
)
def test_interstitial_changes_on_imaging(line: str, expected: bool) -> None:
    assert _findings(line).get("interstitial_lung_disease") is expected


# --- a diagnosis line that restates the panel's dated result ----------------------------------
def _antibody_records(text: str) -> list[tuple[str, str | None, date | None]]:
    return sorted(
        (a.code.value, None if a.result is None else a.result.value, a.date)
        for a in _case(text).antibodies
    )


def test_a_diagnosis_line_restating_the_dated_result_is_that_result() -> None:
    text = (
        "Woman aged 60. Seen 20/11/2026.\n"
        "Diagnosis: dermatomyositis, anti-SAE1 positive.\n\n"
        "Myositis blot (sample 12/11/2026): anti-SAE1 positive.\n"
    )
    assert _antibody_records(text) == [("SAE1", "positive", date(2026, 11, 12))]


def test_an_undated_other_result_is_kept_beside_the_dated_one() -> None:
    # guard: only the same result is a restatement; a different result is its own record
    text = (
        "Woman aged 60. Seen 20/11/2026.\n"
        "Myositis blot (sample 12/11/2026): anti-SAE1 positive.\n\n"
        "Repeat anti-SAE1 negative.\n"
    )
    records = _antibody_records(text)
    assert ("SAE1", "positive", date(2026, 11, 12)) in records
    assert ("SAE1", "negative", date(2026, 11, 20)) in records


# --- a dose as written keeps its decimal comma ------------------------------------------------
@pytest.mark.parametrize(
    ("line", "dose"),
    [
        ("Женщина 60 лет. 01.10.2026: иммуноглобулин 0,4 г/кг/сут в/в.", "0,4 г/кг/сут"),
        ("Woman aged 60. 01/10/2026: IVIG 0.4 g/kg/day intravenously.", "0.4 g/kg/day"),
        # guard: a dose with no decimal mark is unchanged
        ("Woman aged 60. 01/10/2026: prednisolone 40 mg daily.", "40 mg daily"),
    ],
)
def test_a_dose_keeps_its_decimal_mark_as_written(line: str, dose: str) -> None:
    doses = [t.dose for t in _case(line).treatments]
    assert dose in doses, doses
