"""Issue #10, twenty-fifth session (branch i50f): classes of wording in the findings of the
notes. Each expectation is worked out by hand on sentences written for this test (no text from a
note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 58-year-old man with anti-PL-7 antisynthetase syndrome. "


def _findings(text: str, code: str) -> list[tuple[bool, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((f.present, f.date) for f in case.findings if f.code == code)


# --- an ILD named again in the diagnosis is the disease its chest CT showed, dated on the scan
# (rules/lexicon.yaml findings_shown_by)

ILD = "interstitial_lung_disease"
SCAN = "HRCT chest 14/09/2026: NSIP pattern in both lower lobes. "


@pytest.mark.parametrize(
    "restated",
    [
        "Impression: antisynthetase syndrome with ILD and mechanic's hands.",
        "Problem list: 1. Interstitial lung disease 2. Myositis",
        "Referred by the chest physicians for his NSIP-pattern ILD.",
        "ILD: continue mycophenolate 1 g twice daily.",
    ],
)
def test_an_ild_restated_after_its_scan_is_the_scans(restated: str) -> None:
    # one record, on the scan's day: the visit's paragraph restates it
    assert _findings(SCAN + "\n\n" + restated, ILD) == [(True, date(2026, 9, 14))]
    # the other order, the diagnosis first and its scan after
    assert _findings(restated + "\n\n" + SCAN, ILD) == [(True, date(2026, 9, 14))]
    # with no CT in the note the statement is the only one and keeps the visit's day; a chest
    # X-ray is no test that shows the disease (only a CT of the chest is)
    assert _findings(restated, ILD) == [(True, date(2026, 11, 20))]
    xray = "Chest X-ray 14/09/2026: interstitial lung disease.\n\n"
    assert _findings(xray + restated, ILD) == [
        (True, date(2026, 9, 14)),
        (True, date(2026, 11, 20)),
    ]


def test_an_ild_on_another_ct_keeps_each_scan() -> None:
    # each scan that shows the disease is a finding of its day; the impression restates it
    text = SCAN + "CT chest 10/11/2026: progression of the NSIP pattern.\n\nImpression: ILD."
    assert _findings(text, ILD) == [(True, date(2026, 9, 14)), (True, date(2026, 11, 10))]


# --- a bare denial of ulcers in the other languages of the notes (rules/inference.yaml
# cutaneous_ulceration_absent_from_denied_ulcers)

ULCER = "cutaneous_ulceration"


@pytest.mark.parametrize(
    "denial",
    [
        "Lëkura: pa ulçera, pa kalcinozë.",  # Albanian
        "Кожа: нема улцерации на прстите.",  # Macedonian
        "בבדיקה: ללא כיבים בעור.",  # Hebrew
        "손가락 궤양 없음.",  # Korean
        "Саусақтарда жаралары жоқ.",  # Kazakh
        "Хуруунд шарх байхгүй.",  # Mongolian
        "Vidoleni hakuna vidonda.",  # Swahili
        "በጣቶች ላይ ቁስል የለም።",  # Amharic
        "Á fingrum engin sár.",  # Icelandic
        "Eingi sár á fingrunum.",  # Faroese
        "Eminweni akukho zilonda.",  # isiXhosa
        "Ku ntoki nta bisebe.",  # Kinyarwanda
        "Vingers: geen ulkusse nie.",  # Afrikaans
        "औंलामा घाउ छैन।",  # Nepali
        "আঙুলত ঘা নাই।",  # Assamese
    ],
)
def test_a_bare_denial_of_ulcers_in_other_languages(denial: str) -> None:
    assert _findings(denial, ULCER) == [(False, date(2026, 11, 20))]


def test_a_denial_of_mouth_ulcers_is_no_skin_finding() -> None:
    # the mouth word right next to the ulcer noun: an oral ulcer, not the skin's
    assert _findings("구강 궤양 없음.", ULCER) == []
    assert _findings("Hakuna vidonda mdomoni.", ULCER) == []
    # the same denial of the skin's ulcers is read
    assert _findings("피부 궤양 없음.", ULCER) == [(False, date(2026, 11, 20))]


# --- the weight-loss noun of the notes' languages that had none (rules/languages.yaml
# weight_loss), and the Czech/Slovak "does not report" (rules/context.yaml)

WEIGHT = "weight_loss"


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("Gewigsverlies: nee.", False),  # Afrikaans
        ("Gewigsverlies van 3 kg in twee maande.", True),
        ("Þyngdartap: nei.", False),  # Icelandic
        ("Губење на тежина: нема.", False),  # Macedonian
        ("Губење на тежина од 6 kg.", True),
        ("Bez chudnutia.", False),  # Slovak
        ("Pacient neudáva chudnutie.", False),
        ("Chudnutie o 5 kg za dva mesiace.", True),
        ("Ni hujšanja.", False),  # Slovene
    ],
)
def test_the_weight_loss_noun_in_other_languages(sentence: str, present: bool) -> None:
    assert _findings(sentence, WEIGHT) == [(present, date(2026, 11, 20))]


# --- the muscle-pain noun of the languages the rules read (rules/languages.yaml myalgia), and
# the denials it meets (rules/context.yaml: Icelandic "engir", Russian "отрицает" after)

MYALGIA = "myalgia"


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("Raumenų skausmai po krūvio.", True),  # Lithuanian
        ("Raumenų skausmų nėra.", False),
        ("Vöðvaverkir í lærum.", True),  # Icelandic
        ("Engir vöðvaverkir.", False),
        ("Болки во мускулите на нозете.", True),  # Macedonian
        ("Maumivu ya misuli ya mikono.", True),  # Swahili
        ("Hakuna maumivu ya misuli.", False),
        ("Bolesti svalov stehien.", True),  # Slovak
        ("Kas ağrısı yok.", False),  # Turkish
        ("Geen spierpijn.", False),  # Dutch
        ("근육통 없음.", False),  # Korean
        ("Мышечные боли в бёдрах.", True),  # Russian
        ("Мышечные боли отрицает.", False),
    ],
)
def test_the_muscle_pain_noun_in_other_languages(sentence: str, present: bool) -> None:
    assert _findings(sentence, MYALGIA) == [(present, date(2026, 11, 20))]


# --- the Raynaud eponym in the other scripts of the notes (rules/languages.yaml raynaud)


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("Рејно: нема.", False),  # Macedonian, a form's field
        ("Рейно: есть, пальцы белеют на холоде.", True),  # Russian
        ("Рейно үгүй.", False),  # Mongolian
        ("ללא תופעת רינו.", False),  # Hebrew
        ("レイノー現象なし。", False),  # Japanese
        ("无雷诺现象。", False),  # Chinese
        ("레이노 현상 없음.", False),  # Korean
    ],
)
def test_the_raynaud_eponym_in_other_scripts(sentence: str, present: bool) -> None:
    assert _findings(sentence, "raynaud") == [(present, date(2026, 11, 20))]
