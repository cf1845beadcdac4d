"""Investigations and treatments across the development notes (issue #10, i44i). Every sentence
is our own; each expected code, result and date is worked out by hand from the words:

- a CT named by the body regions it covers, in any language: the scanner's letters and the
  regions joined by commas, hyphens, slashes or the language's "and", or the regions first and the
  letters after; chest, abdomen and pelvis are ``ct_chest_abdomen_pelvis``, abdomen and pelvis
  ``ct_abdomen_pelvis``; a region alone or a set with no code is left to the named terms
  (lexicon.yaml ``ct_regions``).
- a CT's result whose first finding is a wall's thickening or a mass, in the Cyrillic and Turkic
  languages, Georgian and Vietnamese, is abnormal, as the English "wall thickening" is
  (patterns.yaml ``investigation_abnormal_result``).
- the starting dose told after the current one, in the drug's own clause or bracket ("20 mg od
  (started ... at 30 mg od)"), is the drug's dose: the gold records the dose at the start
  (tests/data/notes/README.md), the current dose of a taper is not its start.
- a course's first and last day joined by another language's "to" (Vietnamese "từ ... đến",
  Lao "ແຕ່ ... ເຖິງ", Somali "ilaa") or its "from" written after the first day (Hindi "से",
  Urdu "سے", Bengali "থেকে", Sinhala "සිට", Malayalam "മുതൽ", Burmese "မှ") starts on the first
  and stops on the last (tests/data/notes/README.md: a course over a stated range of days).
- how often a dose is given, in the languages of the development notes the frequency lists
  lacked (Malayalam, Telugu, Gujarati, Samoan, Faroese, Somali, Tajik, Kyrgyz, Luxembourgish,
  Scottish Gaelic, Tok Pisin, Lao, Burmese; and after a slash Khmer "ថ្ងៃ", Tajik "рӯз"), is part
  of the dose as written (patterns.yaml ``DOSE_PERIOD_I44I``).
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text._rules import rules
from tests.ingest.text.helpers import read


def _investigations(text: str) -> set[tuple[str, str, date | None]]:
    return {(i.code.value, i.result.value, i.date) for i in read(text).case.investigations}


def _discharge(line: str) -> str:
    """A discharge summary of 20/11/2026 whose last line is ``line``."""
    return (
        "Discharge summary, 20/11/2026.\n"
        "Man, 49 years old, dermatomyositis since October 2026.\n\n"
        f"{line}\n"
    )


def _codes(name: str) -> list[str]:
    return [m.concept for m in rules().investigations.find(name)]


# ----------------------------------------------------------- a CT named by the regions it covers
@pytest.mark.parametrize(
    ("name", "code"),
    [
        # the letters first, the regions joined by commas and the language's "and"
        ("CT chest, abdomen, pelvis", "ct_chest_abdomen_pelvis"),
        ("CECT chest, abdomen & pelvis", "ct_chest_abdomen_pelvis"),
        ("CT chest (HRCT), abdomen and pelvis", "ct_chest_abdomen_pelvis"),
        ("KT krūtinės, pilvo ir dubens", "ct_chest_abdomen_pelvis"),  # Lithuanian
        ("KT rindkere, kõhu ja vaagna", "ct_chest_abdomen_pelvis"),  # Estonian
        ("CT prsnega koša, trebuha in medenice", "ct_chest_abdomen_pelvis"),  # Slovene
        ("КТ органов грудной клетки, брюшной полости и малого таза", "ct_chest_abdomen_pelvis"),
        ("TS af brjóstholi, kvið og grindarholi", "ct_chest_abdomen_pelvis"),  # Icelandic
        ("CT ngực - bụng - tiểu khung", "ct_chest_abdomen_pelvis"),  # Vietnamese
        ("CT cliabhraigh, boilg agus pelvis", "ct_chest_abdomen_pelvis"),  # Irish
        ("TAC torako-abdomino-pelbikoa", "ct_chest_abdomen_pelvis"),  # Basque, one word
        ("CT y'igituza, inda n'urukenyerero", "ct_chest_abdomen_pelvis"),  # Kinyarwanda
        ("KT (döş kapasasy, garyn boşlugy, kiçi çanak)", "ct_chest_abdomen_pelvis"),  # Turkmen
        # the regions first, the letters after (and the contrast between)
        ("Thorax-abdomen-pelvis CT", "ct_chest_abdomen_pelvis"),
        ("Chest·abdomen·pelvis CT", "ct_chest_abdomen_pelvis"),
        ("Döş qəfəsi, qarın boşluğu və kiçik çanağın kontrastlı KT-si", "ct_chest_abdomen_pelvis"),
        ("Көкүрөк, курсак жана кичи жамбаштын КТ", "ct_chest_abdomen_pelvis"),  # Kyrgyz
        # abdomen and pelvis, the shorthands too
        ("CT abd/pelvis", "ct_abdomen_pelvis"),
        ("CT of the abdomen-pelvis", "ct_abdomen_pelvis"),
        ("CT of the abdominal cavity and lesser pelvis", "ct_abdomen_pelvis"),
        ("CT o le manava ma le pelvis", "ct_abdomen_pelvis"),  # Samoan
        # the neck only as the first region
        ("CT neck, chest, abdomen and pelvis", "ct_neck_chest_abdomen_pelvis"),
    ],
)
def test_ct_named_by_its_regions(name: str, code: str) -> None:
    assert _codes(name) == [code]


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        # chest and abdomen name no code: the named term "CT chest" stands
        ("CT chest and abdomen", ["ct_chest"]),
        # a neck after the other regions starts no wider code
        ("CT chest, abdomen and pelvis, neck ultrasound", ["ct_chest_abdomen_pelvis"]),
        # regions with no scanner's letters are no CT
        ("pain in the chest, abdomen and pelvis", []),
        # a list whose last region is not read names no CT of its own (the bare "CT" refers
        # back); the named gloss reads it
        (
            "CT yesifuba, yesisu nesinqe (CT chest/abdomen/pelvis)",
            ["@ct", "ct_chest_abdomen_pelvis"],
        ),
        # one region read of a list ("tummy" is not a region word): no CT of the chest alone
        ("CT scan of chest, tummy and pelvis", ["@ct"]),
    ],
)
def test_regions_name_no_wider_ct(name: str, codes: list[str]) -> None:
    assert _codes(name) == codes


def test_region_named_ct_in_a_letter() -> None:
    # the result is read as for the named terms: nothing found is normal, on the scan's date
    text = (
        "Clinic letter, 20/11/2026.\n"
        "Man, 61 years old, dermatomyositis since September 2026.\n\n"
        "Staging: CT chest, abdomen, pelvis (12/11/2026): no mass, no lymphadenopathy.\n"
    )
    assert _investigations(text) == {("ct_chest_abdomen_pelvis", "normal", date(2026, 11, 12))}


# ------------------------------------------------ the starting dose told after the current one
def _treatments(text: str) -> set[tuple[str, str | None, date | None]]:
    return {(t.drug, t.dose, t.start) for t in read(text).case.treatments}


@pytest.mark.parametrize(
    ("line", "dose", "start"),
    [
        # in a bracket, with "at"
        (
            "Prednisolone 15 mg od (started 02/09/2026 at 45 mg od, tapering).",
            "45 mg od",
            date(2026, 9, 2),
        ),
        # past a bracket's first word and a semicolon, "at" on the next line
        (
            "Prednisone 12.5 mg daily (weaning; started 03/09/2026\nat 50 mg daily).",
            "50 mg daily",
            date(2026, 9, 3),
        ),
        # after a dash and a short bracket, no "at"
        (
            "Prednisone 35 mg PO daily (C) - started 55 mg PO daily 04/09/2026.",
            "55 mg daily",
            date(2026, 9, 4),
        ),
    ],
)
def test_starting_dose_after_the_current_one(line: str, dose: str, start: date) -> None:
    text = (
        "Rheumatology review, 20/11/2026.\n"
        "Woman, 52 years old, dermatomyositis since August 2026.\n\n"
        f"Medication: {line}\n"
    )
    drug = line.split()[0].casefold()
    assert _treatments(text) == {(drug, dose, start)}


def test_current_dose_without_a_starting_dose_stands() -> None:
    # "started" with no dose after it: the dose written is the only one
    text = (
        "Rheumatology review, 20/11/2026.\n"
        "Woman, 52 years old, dermatomyositis since August 2026.\n\n"
        "Medication: prednisolone 25 mg od (started 02/09/2026).\n"
    )
    assert ("prednisolone", "25 mg od", date(2026, 9, 2)) in _treatments(text)


# ------------------------------------------- a thickening or a mass first: an abnormal result
@pytest.mark.parametrize(
    "result",
    [
        "утолщение стенки желудка до 12 мм; метастазов нет",  # Russian
        "патаўшчэнне сценкі тоўстай кішкі; метастазаў няма",  # Belarusian
        "асқазан қабырғасы 11 мм-ге дейін қалыңдаған; метастаз жоқ",  # Kazakh
        "içegäniň diwarynyň galyňlaşmasy; metastaz ýok",  # Turkmen
        "კუჭის კედლის გასქელება; მეტასტაზები არ არის",  # Georgian
        "khối ở thân tụy 25 mm; không di căn xa",  # Vietnamese
    ],
)
def test_thickening_or_mass_first_is_abnormal(result: str) -> None:
    text = (
        "Discharge summary, 20/11/2026.\n"
        "Woman, 63 years old, dermatomyositis since September 2026.\n\n"
        f"CT chest, abdomen and pelvis (12/11/2026): {result}.\n"
    )
    assert _investigations(text) == {("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 12))}


def test_albanian_without_denies_the_lesion() -> None:
    # Albanian "pa" (without) before the lesion: nothing found, a normal result
    text = _discharge("CT toraks-abdomen-pelvis (12/11/2026): pa limfadenopati, pa metastaza.")
    assert _investigations(text) == {("ct_chest_abdomen_pelvis", "normal", date(2026, 11, 12))}


def test_an_amount_is_no_mass() -> None:
    # Vietnamese "khối lượng" is an amount (a volume), no lesion: the denial stands
    text = (
        "Discharge summary, 20/11/2026.\n"
        "Woman, 63 years old, dermatomyositis since September 2026.\n\n"
        "CT chest, abdomen and pelvis (12/11/2026): khối lượng dịch ít; không thấy u.\n"
    )
    assert ("ct_chest_abdomen_pelvis", "abnormal", date(2026, 11, 12)) not in _investigations(text)


# ------------------------------------------- a course's range in the other languages' words
@pytest.mark.parametrize(
    "course",
    [
        "methylprednisolone 750 mg IV, từ 03/11/2026 đến 05/11/2026",  # Vietnamese
        "methylprednisolone 750 mg IV, ແຕ່ 03/11/2026 ເຖິງ 05/11/2026",  # Lao
        "methylprednisolone 750 mg IV, 03/11/2026 ilaa 05/11/2026",  # Somali
        "methylprednisolone 750 mg IV, 03/11/2026 से 05/11/2026 तक",  # Hindi
        "methylprednisolone 750 mg IV, 03/11/2026 سے 05/11/2026 تک",  # Urdu
        "methylprednisolone 750 mg IV, 03/11/2026 থেকে 05/11/2026 পর্যন্ত",  # Bengali
        "methylprednisolone 750 mg IV, 03/11/2026 සිට 05/11/2026 දක්වා",  # Sinhala
        "methylprednisolone 750 mg IV, 03/11/2026 മുതൽ 05/11/2026 വരെ",  # Malayalam
    ],
)
def test_course_range_in_other_words(course: str) -> None:
    text = _discharge(f"Treatment: {course}.")
    found = {(t.drug, t.start, t.stop) for t in read(text).case.treatments}
    assert found == {("methylprednisolone", date(2026, 11, 3), date(2026, 11, 5))}


def test_a_change_after_the_first_date_is_no_range() -> None:
    # an English word between two dates is no "to": the dose changed, the drug goes on
    text = (
        "Clinic letter, 20/11/2026.\n"
        "Man, 49 years old, dermatomyositis since October 2026.\n\n"
        "Prednisolone 60 mg daily from 03/10/2026, reduced 05/11/2026 to 40 mg daily.\n"
    )
    found = {(t.drug, t.start, t.stop) for t in read(text).case.treatments}
    assert found == {("prednisolone", date(2026, 10, 3), None)}


# ---------------------------------------------------- how often, in the languages lists lacked
@pytest.mark.parametrize(
    "dose",
    [
        "35 mg ദിവസം ഒരിക്കൽ",  # Malayalam, once a day
        "35 mg రోజుకు ఒకసారి",  # Telugu, once a day
        "35 mg દરરોજ સવારે",  # Gujarati, every morning
        "35 mg i aso taʻitasi",  # Samoan, each day
        "35 mg hvønn morgun",  # Faroese, every morning
        "35 mg maalintii hal mar",  # Somali, once a day
        "35 мг ҳар рӯз",  # Tajik, every day
        "35 мг/рӯз",  # Tajik, a day after a slash
        "35 мг күнүнө бир жолу",  # Kyrgyz, once a day
        "35 mg pro Dag",  # Luxembourgish
        "35 mg uair san latha",  # Scottish Gaelic, once a day
        "35 mg wanpela taim long olgeta de",  # Tok Pisin, once a day
        "35 mg ວັນລະ 1 ຄັ້ງ",  # Lao, once a day
        "35 mg/ថ្ងៃ",  # Khmer, a day after a slash
    ],
)
def test_frequency_in_the_languages_lists_lacked(dose: str) -> None:
    text = _discharge(f"Treatment: prednisolone {dose}, from 12/11/2026.")
    assert _treatments(text) == {("prednisolone", dose, date(2026, 11, 12))}


def test_samoan_day_alone_is_no_frequency() -> None:
    # "i le aso" without "taʻitasi" (each) is "on the day": no frequency in the dose
    text = _discharge("Treatment: prednisolone 35 mg i le aso 12/11/2026.")
    assert {t[1] for t in _treatments(text)} == {"35 mg"}
