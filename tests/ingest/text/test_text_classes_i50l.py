"""Issue #10, twenty-fifth session (branch i50l): classes of wording in the labs and the
tumours of the notes. Each expectation is worked out by hand on sentences written for this test
(no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _labs(text: str) -> list[tuple[str, float | None, str | None, float | None, bool | None]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return [(x.code.value, x.value, x.unit, x.upper_limit, x.is_above_uln) for x in case.labs]


# --- the sedimentation rate's hour in the languages' own words (patterns.yaml ESR_HOUR_I50L,
# unit_synonyms mm/h): read as mm/h, and the reference range after it read too


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("ESR 41 мм/год.", 41.0),
        ("ESR 23 мм/цаг.", 23.0),
        ("ESR 19 мм/саат.", 19.0),
        ("ESR 27 mm/val.", 27.0),
        ("ESR 33 mm/u.", 33.0),
        ("ESR 29 mm/klst.", 29.0),
        ("ESR 52 mm/orë.", 52.0),
        ("ESR 17 mm/saacaddii.", 17.0),
        ("ESR 61 mm/පළමු පැය.", 61.0),
        ("ESR 51 mm/1η ώρα.", 51.0),
        ("ESR 57 mm à la 1ère heure.", 57.0),
        ("ESR 44 mm 1.ª h.", 44.0),
        ("ESR 39 mm/1.ª hora.", 39.0),
        ("ESR 36 mm amin'ny ora voalohany.", 36.0),
    ],
)
def test_the_rate_per_hour_in_the_languages_words_is_read_with_its_range(
    sentence: str, value: float
) -> None:
    # the range after the unit is the value's own: read only when the unit is read
    assert _labs(sentence.removesuffix(".") + " (ref. < 20).") == [
        ("esr", value, "mm/h", 20.0, value > 20)
    ]


def test_the_si_hour_of_a_croatian_print_out_is_an_hour() -> None:
    # 3.6 ks = 3,600 s = 1 h
    assert _labs("ESR 27 mm/3,6 ks (ref. < 20).") == [("esr", 27.0, "mm/h", 20.0, True)]
    assert _labs("ESR 12 mm/3.6 ks (ref. < 20).") == [("esr", 12.0, "mm/h", 20.0, False)]


def test_the_punjabi_hour_keeps_its_range() -> None:
    assert _labs("ESR 52 mm/ਘੰਟਾ (ਸਧਾਰਨ: 0-20)") == [("esr", 52.0, "mm/h", 20.0, True)]


# --- the sedimentation rate's short letters, read only with a rate in mm per hour after them
# (patterns.yaml lab_upper_names, i50l)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bloods: OB 44 mm/h, CRP 9 mg/L.",
        "Bloods: LED 44 mm/jam, CRP 9 mg/L.",
        "Bloods: ESA 44 mm/h, CRP 9 mg/L.",
        "Bloods: VSE 44 mm/h, CRP 9 mg/L.",
        "Bloods: SR 44 mm/h, CRP 9 mg/L.",
        "Bloods: SE 44 mm/h, CRP 9 mg/L.",
        "Bloods: СЕ 44 мм/ч, CRP 9 mg/L.",
        "Bloods: FW 44 mm/hod, CRP 9 mg/L.",
        "Bloods: ENG 44 mm/val, CRP 9 mg/L.",
        "Bloods: We 44 mm/h, CRP 9 mg/L.",
        "Bloods: ΤΚΕ 44 mm/1η ώρα, CRP 9 mg/L.",
        "Bloods: TKE 44 mm/1st hour, CRP 9 mg/L.",
        "Bloods: VS 44 mm à la 1ère heure, CRP 9 mg/L.",
        "Bloods: ЭЧЧ 44 мм/саат, CRP 9 mg/L.",
        "Bloods: Sökk 44 mm/klst, CRP 9 mg/L.",
        "Bloods: Sedimentatie 44 mm/u, CRP 9 mg/L.",
    ],
)
def test_the_rates_short_letters_are_read_with_a_rate_after_them(sentence: str) -> None:
    assert _labs(sentence) == [("esr", 44.0, "mm/h", None, None), ("crp", 9.0, "mg/L", None, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seen in OB 2 times this year.",  # a clinic
        "Nifedipine SR 30 mg daily.",  # slow release
        "FW 12 Nov: results attached.",  # forwarded
        "SR 14 mm on the echo.",  # a length, no rate
        "VS 3 of the 5 criteria met.",
        "Reading light: LED 40 W.",
    ],
)
def test_the_short_letters_without_a_rate_are_no_sedimentation_rate(sentence: str) -> None:
    # the same note's rate with its unit is read, the letters without one are not
    labs = _labs(sentence + " Bloods: OB 44 mm/h.")
    assert [lab for lab in labs if lab[0] == "esr"] == [("esr", 44.0, "mm/h", None, None)]


# --- a follow-up value's setting at discharge between the lab and its value (patterns.yaml
# LABGAP, LABGAP_I50L), as "on admission" is


@pytest.mark.parametrize(
    "sentence",
    [
        "CK at discharge 1,240 U/L.",
        "CK on discharge was 1,240 U/L.",
        "CK przy wypisie 1240 U/l.",
        "CK bei Entlassung 1240 U/l.",
        "CK bei der Entlassung: 1240 U/l.",
        "CPK à la sortie 1240 UI/L.",
        "CPK al alta 1240 U/L.",
        "CPK na alta 1240 U/L.",
        "CPK alla dimissione 1240 U/L.",
        "CK bij ontslag 1240 U/L.",
        "CK vid utskrivning 1240 U/L.",
        "CK ved utskrivningen 1240 U/L.",
        "CK ved udskrivelse 1240 U/L.",
    ],
)
def test_a_value_at_discharge_is_read(sentence: str) -> None:
    # no range: above the CK's clearly_above threshold (1,000 U/L), flagged high
    assert _labs(sentence) == [("ck", 1240.0, "U/L", None, True)]


# --- the tumour markers' units per millilitre in Latvian and Lithuanian letters (UNIT_I50L)


def test_units_per_millilitre_in_baltic_letters() -> None:
    assert _labs("CA-125 486 V/ml (N < 35).") == [("ca125", 486.0, "U/mL", 35.0, True)]
    assert _labs("CA 19-9 22 kV/l (N < 37).") == [("ca19_9", 22.0, "U/mL", 37.0, False)]


# --- a tumour seen on a scan or a scope by the neutral word of its language (languages.yaml
# tumour other, i50l): its size read, and found on the scan's date, before the biopsy's


def _tumours(text: str) -> list[tuple[str, str, float | None, date | None]]:
    case = extract_case(
        "Discharge letter 30/10/2026. A 61-year-old woman with dermatomyositis.\n" + text,
        anchor=date(2026, 10, 30),
        today=TODAY,
    ).case
    return [(t.site.value, t.histology.value, t.size_mm, t.found_date) for t in case.tumours]


@pytest.mark.parametrize(
    ("scan", "site", "size"),
    [
        ("Mammografiya (14.10.2026): chap sut bezida 23 mm o'lchamli hosila.", "breast", 23.0),
        ("CT (14.10.2026): жатындын денесинде 29 мм түзүлүш.", "uterus", 29.0),
        ("CT (14.10.2026): жатында 29 мм шишик.", "uterus", 29.0),
        ("ФЭГДС (14.10.2026): өңеште көлемі 35 мм экзофитті ісік.", "oesophagus", 35.0),
        ("Mammogram 14.10.2026: ਖੱਬੀ ਛਾਤੀ ਵਿੱਚ 27 mm ਦੀ ਗੰਢ.", "breast", 27.0),
        ("CT 14/10/2026: જમણા અંડાશયમાં 64 x 52 mm ની ગાંઠ; લસિકા ગાંઠો 15 mm.", "ovary", 64.0),
        ("DT thorax 14/10/2026: 31 mm spikulerad tumör i höger överlob.", "lung", 31.0),
        ("MR 14/10/2026: 42 mm svulst i venstre ovarium.", "ovary", 42.0),
    ],
)
def test_a_tumour_by_its_languages_neutral_word_is_measured_and_found_on_the_scan(
    scan: str, site: str, size: float
) -> None:
    biopsy = {
        "breast": "invasive ductal carcinoma of the breast",
        "uterus": "endometrioid adenocarcinoma of the uterus",
        "oesophagus": "squamous cell carcinoma of the oesophagus",
        "ovary": "high-grade serous carcinoma of the ovary",
        "lung": "adenocarcinoma of the lung",
    }[site]
    found = _tumours(scan + f"\nBiopsy 20/10/2026: {biopsy}.")
    assert [(s, z, d) for s, _, z, d in found] == [(site, size, date(2026, 10, 14))]


def test_an_endoscopes_level_is_no_size() -> None:
    # "28-31 cm at the level (from the teeth)": where the scope was, not how big the tumour is
    found = _tumours(
        "ФЭГДС (14.10.2026): тістерден 28-31 см деңгейде көлемі 35 мм экзофитті ісік.\n"
        "Biopsy 20/10/2026: squamous cell carcinoma of the oesophagus."
    )
    assert [z for _, _, z, _ in found] == [35.0]
