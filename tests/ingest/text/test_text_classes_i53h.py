"""Issue #10, twenty-eighth session (branch i53h): Sardinian and Corsican, the two languages of
heldout51 the rules had no words for. Each expectation is worked out by hand on sentences
written for this test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
ANCHOR = date(2026, 11, 20)
SC = "Visita 20/11/2026.\nFèmina de 61 annos cun dermatomiosite.\n"
CO = "Cunsulta 20/11/2026.\nOmu di 52 anni cù una dermatomiosite.\n"


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_case(text, anchor=ANCHOR, today=TODAY).case


def _codes(text: str) -> set[tuple[str, bool]]:
    return {(f.code, f.present) for f in _case(text).findings}


# --- the patient line (rules/patient.yaml `sc`, `co`; lexicon.yaml regions IT, FR)


def test_sardinian_age_and_sex() -> None:
    case = _case("Visita 20/11/2026.\nSa paziente, fèmina de 63 annos, est in bonu istadu.\n")
    assert (case.patient.age, case.patient.sex.value) == (63, "female")
    case = _case("Visita 20/11/2026.\nÒmine de 48 annos, pastore.\n")
    assert (case.patient.age, case.patient.sex.value) == (48, "male")


def test_corsican_age_sex_and_region() -> None:
    case = _case("Cunsulta 20/11/2026.\nU Sgiò Leca, omu di 39 anni, stà in Aiacciu.\n")
    assert (case.patient.age, case.patient.sex.value, case.patient.region) == (39, "male", "FR")


def test_sardinian_residence_gives_italy() -> None:
    case = _case("Visita 20/11/2026.\nFèmina de 50 annos, residente in Tàtari.\n")
    assert case.patient.region == "IT"


# --- the months (patterns.yaml month_names `sc`, `co`; the year with its article, "di u 2025")

SC_MONTHS = [
    "ghennàrgiu", "freàrgiu", "martzu", "abrile", "maju", "làmpadas",
    "trìulas", "austu", "cabudanni", "santugaine", "santandria", "nadale",
]  # fmt: skip
CO_MONTHS = [
    "ghjennaghju", "ferraghju", "marzu", "aprile", "maghju", "ghjugnu",
    "lugliu", "aostu", "settembre", "uttrovi", "nuvembre", "dicembre",
]  # fmt: skip


@pytest.mark.parametrize("month", range(1, 13))
def test_sardinian_month_dates_the_onset(month: int) -> None:
    name = SC_MONTHS[month - 1]
    text = SC + f"Dae {name} 2025 tenet debilesa in sas coscias.\n"
    assert _case(text).onset_date == date(2025, month, 1)


@pytest.mark.parametrize("month", range(1, 13))
def test_corsican_month_with_its_article_dates_the_onset(month: int) -> None:
    name = CO_MONTHS[month - 1]
    text = CO + f"I primi sintomi sò cumparsi in {name} di u 2025: debulezza di e coscie.\n"
    assert _case(text).onset_date == date(2025, month, 1)


def test_the_end_of_a_month_after_dae() -> None:
    text = SC + "Dae sa fine de trìulas 2026 tenet debilesa in sas palas.\n"
    assert _case(text).onset_date == date(2026, 7, 31)


# --- negation and the result words (context.yaml; language_words `sc`, `co`)


def test_sardinian_negation() -> None:
    text = SC + "No b'at calcinosi. Perunu fenòmenu de Raynaud. Signu de su sciallu.\n"
    assert _codes(text) >= {("calcinosis", False), ("raynaud", False), ("shawl_sign", True)}


def test_corsican_negation_list() -> None:
    text = CO + "Nisun segnu di u sciallu, nisuna calcinosi, nisuna sinuvite.\n"
    assert _codes(text) >= {("shawl_sign", False), ("calcinosis", False), ("arthritis", False)}


def test_corsican_un_and_micca_deny() -> None:
    assert ("dysphagia", False) in _codes(CO + "Ùn hà micca disfagia.\n")


def test_corsican_positive_stem() -> None:
    text = CO + "Anticorpi: anti-Mi-2 pusitivu; anti-Jo-1 negativu.\n"
    results = {(str(a.code), str(a.result)) for a in _case(text).antibodies}
    assert ("MI2", "positive") in results and ("JO1", "negative") in results


# --- the signs, weakness and strength (languages.yaml, inference.yaml, strength.yaml)


def test_sardinian_signs() -> None:
    text = SC + "Eritema eliotròpicu. Pàpulas de Gottron. Difficultade a ingullire.\n"
    assert _codes(text) >= {
        ("heliotrope_rash", True),
        ("gottron_papules", True),
        ("dysphagia", True),
    }


def test_corsican_signs() -> None:
    text = CO + "Eritema eliotropu, dulori musculari, perdita di pesu.\n"
    assert _codes(text) >= {("heliotrope_rash", True), ("myalgia", True), ("weight_loss", True)}


def test_weakness_with_the_shoulders_and_thighs() -> None:
    assert ("weakness_proximal_upper", True) in _codes(SC + "Debilesa in sas palas.\n")
    assert ("weakness_proximal_lower", True) in _codes(CO + "Debulezza di e coscie.\n")


def test_stable_weight() -> None:
    assert ("weight_loss", False) in _codes(CO + "Pesu stabile.\n")


def test_sardinian_strength_rows() -> None:
    text = SC + (
        "Fortza: flessores de sa cadrina 4/5, muscolos distales 5/5; "
        "flessores de su tzugu 3/5, estensores de su tzugu 5/5; presa de sa manu 5/5.\n"
    )
    assert _codes(text) >= {
        ("weakness_proximal_lower", True),
        ("legs_proximal_weaker_than_distal", True),
        ("neck_flexors_weaker_than_extensors", True),
        ("finger_flexor_weakness", False),
    }


def test_corsican_strength_rows() -> None:
    text = (
        CO + "Deltoidi 4/5, musculi distali 5/5. Flessori di u collu 5/5. Stretta di a manu 5/5.\n"
    )
    assert _codes(text) >= {
        ("weakness_proximal_upper", True),
        ("neck_flexors_weaker_than_extensors", False),
        ("finger_flexor_weakness", False),
    }


# --- treatments (patterns.yaml DOSE_PERIOD_I53H, the first day to the last, dae / dapoi)


def _treatments(text: str):  # type: ignore[no-untyped-def]
    return {t.drug: t for t in _case(text).treatments}


def test_corsican_doses_and_course() -> None:
    text = CO + (
        "Trattamentu:\n- Metilprednisolone 1 g/ghjornu IV da u 3 à u 5 di maghju di u 2026.\n"
        "- Metotrexatu 15 mg una volta à a settimana dapoi u 6 di maghju di u 2026.\n"
    )
    t = _treatments(text)
    mp = t["methylprednisolone"]
    assert (mp.dose, mp.start, mp.stop) == ("1 g/ghjornu", date(2026, 5, 3), date(2026, 5, 5))
    mtx = t["methotrexate"]
    assert (mtx.dose, mtx.start) == ("15 mg una volta à a settimana", date(2026, 5, 6))


def test_sardinian_course_and_start() -> None:
    text = SC + (
        "Terapia:\n- Metilprednisolone 1 g/die e.v. dae su 2 a su 4 de maju 2026.\n"
        "- Prednisone 40 mg duas bortas a sa die dae su 5 de maju 2026.\n"
    )
    t = _treatments(text)
    mp = t["methylprednisolone"]
    assert (mp.start, mp.stop) == (date(2026, 5, 2), date(2026, 5, 4))
    pred = t["prednisone"]
    assert (pred.dose, pred.start) == ("40 mg duas bortas a sa die", date(2026, 5, 5))


def test_italian_course_from_the_first_day_to_the_last() -> None:
    # the same grammar in Italian: "dal 2 al 4 maggio 2026"
    text = "Visita 20/11/2026.\nDonna di 61 anni.\n"
    text += "- Metilprednisolone 1 g e.v. dal 2 al 4 maggio 2026.\n"
    mp = _treatments(text)["methylprednisolone"]
    assert (mp.start, mp.stop) == (date(2026, 5, 2), date(2026, 5, 4))


# --- investigations


def test_corsican_blood_count_normal() -> None:
    text = CO + "Emucromu di u 20/11/2026 nurmale.\n"
    codes = {(i.code.value, i.result.value) for i in _case(text).investigations}
    assert ("full_blood_count", "normal") in codes


def test_corsican_drug_stopped() -> None:
    # "piantatu" (stopped) before its date: the treatment's stop
    text = CO + "- Prednisone 40 mg/ghjornu da u 2 di maghju di u 2025, "
    text += "piantatu u 10 di lugliu di u 2026.\n"
    pred = _treatments(text)["prednisone"]
    assert (pred.start, pred.stop) == (date(2025, 5, 2), date(2026, 7, 10))
