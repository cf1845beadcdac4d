"""Antibody panels and the patient's region in the classes of issue #10, round 11 (i11c). Every
sentence is our own, written in several languages and layouts; each expected value is worked
out by hand from the words:

- the exception after a negative ("negative except TIF1γ", "negativ außer TIF1γ", "tous
  négatifs sauf TIF1γ", "все отрицательные, кроме TIF1γ") names what is positive, in every
  language the exception is written in; the antibody it names is never read negative;
- a label that gives the list after its colon one result but for its exception ("All negative
  except TIF1-γ (+++): Jo-1, PL-7, ...") gives the listed names the label's result (negative),
  never the exception's positive;
- a laboratory's "not detected" after the names it judges, in each language ("Jo-1, PL-7:
  no detectados", "nicht nachweisbar", "ikke påvist"), is their negative result - but only as a
  verdict at the end of its clause;
- a name that is also a place ("Dr Jordan", "Jordan Smith", "Jordan's practice") after the
  loose cue "from" is a person, not the patient's country.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, read

WOMAN = "Woman, 60 years old, heliotrope rash of both eyelids.\n"


# ------------------------------------------------------------ the exception, in every language
@pytest.mark.parametrize(
    "line",
    [
        "Serology: all negative except anti-TIF1γ.",
        "Serologie: alle negativ außer Anti-TIF1γ.",
        "Sérologie : tous négatifs sauf anti-TIF1γ.",
        "Serología: todos negativos excepto anti-TIF1γ.",
        "Sorologia: todos negativos exceto anti-TIF1γ.",
        "Sierologia: tutti negativi tranne anti-TIF1γ.",
        "Serologia: wszystkie ujemne oprócz anti-TIF1γ.",
        "Серология: все отрицательные, кроме анти-TIF1γ.",
        "Serologia: kaikki negatiivisia paitsi anti-TIF1γ.",
        "Serologie: alle negatief behalve anti-TIF1γ.",
        "Serologi: alla negativa utom anti-TIF1γ.",
        "Serologie: všechny negativní kromě anti-TIF1γ.",
        "Serologi: semua negatif kecuali anti-TIF1γ.",
        # the exception after the name, in the languages with postpositions
        "肌炎抗体谱：除抗TIF1-γ抗体外均阴性。",
        "筋炎抗体：抗TIF1-γ抗体以外は陰性。",
        "근염 항체: 항TIF1-γ 항체를 제외하고 음성.",
        "Seroloji: TIF1γ hariç hepsi negatif.",
        "Szerológia: TIF1γ kivételével negatív.",
        "Serologia: TIF1γ:ta lukuun ottamatta negatiivinen.",
    ],
)
def test_the_exception_after_a_negative_names_the_positive(line: str) -> None:
    # the named exception is the only antibody named: positive, never negative
    assert antibody_results(WOMAN + line) == {"TIF1G": "positive"}


@pytest.mark.parametrize(
    "line",
    [
        "All negative except TIF1-γ (+++): Jo-1, PL-7, Mi-2, MDA5, NXP2.",
        "Alle negativ außer TIF1-γ: Jo-1, PL-7, Mi-2, MDA5, NXP2",
        "Tous négatifs sauf TIF1-γ (++) : Jo-1, PL-7, Mi-2, MDA5, NXP2",
        "Negative except TIF1-γ: Jo-1, PL-7, Mi-2, MDA5, NXP2, TIF1-γ",
    ],
)
def test_a_label_with_an_exception_gives_its_list_the_labels_result(line: str) -> None:
    # the list after the colon is the label's (negative); the excepted one is positive, even
    # where the list names it again
    expected = {"TIF1G": "positive"} | dict.fromkeys(
        ("JO1", "PL7", "MI2", "MDA5", "NXP2"), "negative"
    )
    assert antibody_results(WOMAN + line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # guards: an exception stated with its own result keeps that result; a negative with no
        # exception says nothing positive; "poza" away from a negative is no exception
        (
            "Serology negative except anti-SAE1, which was borderline.",
            {"SAE1": "indeterminate"},
        ),
        ("Anti-Jo-1 negativ, Anti-TIF1γ positiv.", {"JO1": "negative", "TIF1G": "positive"}),
        ("Anti-TIF1γ dodatnie; poza tym bez zmian.", {"TIF1G": "positive"}),
        ("抗Jo-1抗体阴性，外院CT未见异常。", {"JO1": "negative"}),
        ("TIF1γ negatif, Jo-1 negatif.", {"TIF1G": "negative", "JO1": "negative"}),
    ],
)
def test_the_exception_does_not_over_reach(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# ------------------------------------------------------- "not detected" as the verdict of a list
@pytest.mark.parametrize(
    "verdict",
    [
        "not detected",
        "nicht nachweisbar",
        "niet aantoonbaar",
        "non détectés",
        "no detectados",
        "não detectados",
        "non rilevabili",
        "ikke påvist",
        "ej påvisad",
        "nie wykryto",
        "nem kimutatható",
        "nedetectabili",
        "nisu dokazani",
        "не выявлены",
        "δεν ανιχνεύθηκαν",
        "tidak terdeteksi",
        "tespit edilmedi",
    ],
)
def test_a_detection_denied_after_a_list_is_each_members_negative(verdict: str) -> None:
    line = f"Jo-1, PL-7, PL-12, EJ, OJ, SRP, Mi-2, MDA5, NXP2, SAE1, TIF1γ: {verdict}"
    codes = ("JO1", "PL7", "PL12", "EJ", "OJ", "SRP", "MI2", "MDA5", "NXP2", "SAE1", "TIF1G")
    assert antibody_results(WOMAN + line) == dict.fromkeys(codes, "negative")


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a record per line: each line's own verdict
        (
            "Jo-1 nicht nachweisbar\nPL-7 nicht nachweisbar\nTIF1γ positiv",
            {"JO1": "negative", "PL7": "negative", "TIF1G": "positive"},
        ),
        (
            "Jo-1 no detectado\nMDA5 no detectado\nNXP2 positivo (++)",
            {"JO1": "negative", "MDA5": "negative", "NXP2": "positive"},
        ),
        # guard: a detection denied before the name is the ordinary negation, and one said of
        # another test ("the CT ... not detected") is not the antibody's
        ("TIF1γ positiv; Tumor im CT nicht nachweisbar.", {"TIF1G": "positive"}),
    ],
)
def test_a_detection_denied_per_record(block: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + block) == expected


# --------------------------------------------------------------- names that are also places
@pytest.mark.parametrize(
    "line",
    [
        "Referred from Dr Jordan for the rash.",
        "Referral letter from Jordan Smith, GP.",
        "She was seen on a referral from Jordan's practice.",
        "Letter from Prof. Israel about the biopsy.",
        "Referred from Mrs Florence Kent, practice nurse.",
        "Überweisung von Dr. Jordan.",
        "Referral from Michael Jordan, GP.",
        "Letter from Sarah Kent, practice nurse.",
    ],
)
def test_a_person_named_like_a_country_is_no_region(line: str) -> None:
    assert read(WOMAN + line).case.patient.region is None


@pytest.mark.parametrize(
    ("line", "region"),
    [
        # guards: the country after the cue, alone or with its city, is still read
        ("She is originally from Jordan.", "JO"),
        ("She was referred from Israel in 2019.", "IL"),
        ("She lives in Amman, Jordan.", "JO"),
        ("She is originally from Southern China.", "CN"),
        ("She is from Northern Ireland.", "GB"),
        ("She is from Kent.", "GB"),
        ("Dictated by Dr Virginia Woolf. She is originally from Virginia.", "US"),
    ],
)
def test_the_country_after_its_cue_is_still_read(line: str, region: str) -> None:
    assert read(WOMAN + line).case.patient.region == region


# ------------------------------------------------------------ the grey zone, in every language
@pytest.mark.parametrize(
    "verdict",
    [
        "inconclusive",
        "grenzwertig",
        "fraglich positiv",
        "im Graubereich",
        "twijfelachtig",
        "douteux",
        "limite",
        "dudoso",
        "positivo dudoso",
        "duvidoso",
        "dubbio",
        "gränsvärde",
        "granicznie",
        "hraniční",
        "kétes",
        "сомнительно",
        "οριακά θετικό",
        "şüpheli",
        "borderline positive",
        "判定保留",
    ],
)
def test_a_grey_zone_verdict_is_indeterminate_never_positive(verdict: str) -> None:
    block = f"TIF1γ: {verdict}\nMi-2: negative"
    assert antibody_results(WOMAN + block) == {"TIF1G": "indeterminate", "MI2": "negative"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # guards: a graded-down positive stays weak-positive; the word not in verdict position
        # is no result ("fragliche Gottron-Papeln", "à la limite supérieure")
        ("TIF1γ: schwach positiv", {"TIF1G": "weak_positive"}),
        ("Anti-TIF1γ positiv. Fragliche Gottron-Papeln.", {"TIF1G": "positive"}),
        ("Anti-TIF1γ positif, CK à la limite supérieure.", {"TIF1G": "positive"}),
    ],
)
def test_the_grey_zone_does_not_over_reach(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# ------------------------------------------------- a level no cut-off can make positive
@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a line blot's band classes: 0 is no band
        (
            "Line blot:\nMi-2α 0\nTIF1γ 3+\nMDA5 0\nNXP2 0",
            {"MI2": "negative", "TIF1G": "positive", "MDA5": "negative", "NXP2": "negative"},
        ),
        (
            "Line blot: Mi-2α 0, TIF1γ 3+, NXP2 0",
            {"MI2": "negative", "TIF1G": "positive", "NXP2": "negative"},
        ),
        # below the assay's lower reporting limit
        ("Anti-Jo-1 <1.0 AI", {"JO1": "negative"}),
        ("Anti-HMGCR <2 CU/mL", {"HMGCR": "negative"}),
        ("Anti-MDA5 0 U/mL", {"MDA5": "negative"}),
        # guards: a level above zero without its cut-off is not assessed; a level read against
        # its cut-off keeps that reading
        ("Jo-1 <5\nTIF1γ 45", {"JO1": "negative"}),
        ("Anti-TIF1γ 45 U (cut-off 32)", {"TIF1G": "positive"}),
        ("Anti-SRP 0.4 (negative < 1.0)", {"SRP": "negative"}),
    ],
)
def test_a_zero_or_below_the_limit_level_is_negative(block: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + block) == expected


# ------------------------------------------------ a disease's antibodies enumerated in general
@pytest.mark.parametrize(
    "line",
    [
        "DM-specific antibodies include anti-NXP2, anti-MDA5, anti-TIF1γ, anti-Mi-2 and anti-SRP.",
        "Myositis-specific antibodies (MSAs) comprise anti-Jo-1, anti-Mi-2 and anti-MDA5.",
        "Myositis-associated antibodies can be divided into anti-Ro52, anti-PM-Scl and anti-Ku.",
        "Zu den myositisspezifischen Antikörpern gehören Anti-Jo-1, Anti-Mi-2 und Anti-TIF1γ.",
        "Los anticuerpos específicos de miositis incluyen anti-Jo-1, anti-Mi-2 y anti-MDA5.",
        "Os anticorpos específicos de miosite incluem anti-Jo-1, anti-Mi-2 e anti-MDA5.",
        "Les anticorps spécifiques des myosites comprennent les anti-Jo-1 et anti-TIF1γ.",
        "Gli anticorpi miosite-specifici includono anti-Jo-1, anti-Mi-2 e anti-MDA5.",
        # what the literature linked the antibodies to, in the present perfect passive
        "Anti-TIF1γ, anti-NXP2 and anti-SAE1 have been linked to malignancy.",
        "Los anticuerpos anti-TIF1γ y anti-NXP2 se han asociado a neoplasias.",
        "Les anticorps anti-TIF1γ et anti-NXP2 ont été associés au cancer.",
        "Gli anticorpi anti-TIF1γ e anti-NXP2 sono stati associati a neoplasie.",
    ],
)
def test_a_classification_of_antibodies_is_no_result(line: str) -> None:
    # a statement about the disease's antibodies: none of them is this patient's
    assert antibody_results(WOMAN + line) == {}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # guards: the patient's panel, however it is introduced, keeps its results
        (
            "Myositis-specific antibodies, including anti-Jo-1 and anti-Mi-2, were negative.",
            {"JO1": "negative", "MI2": "negative"},
        ),
        (
            "Her myositis antibodies include anti-TIF1γ (positive) and anti-Jo-1 (negative).",
            {"TIF1G": "positive", "JO1": "negative"},
        ),
        (
            "Myositis-specific antibodies: anti-TIF1γ positive, anti-Jo-1 negative.",
            {"TIF1G": "positive", "JO1": "negative"},
        ),
        # one result commented on ("which has been linked"): still the patient's
        ("Anti-TIF1γ positive, which has been linked to cancer.", {"TIF1G": "positive"}),
        (
            "Her anti-TIF1γ and anti-NXP2 have been linked to her cancer; both positive.",
            {"TIF1G": "positive", "NXP2": "positive"},
        ),
    ],
)
def test_the_patients_panel_is_still_read(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# --------------------------------------------- the CJK sign after the antibody's isotype
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("抗TIF1-γ抗体IgG(+++)。", {"TIF1G": "positive"}),
        ("抗TIF1-γ抗體IgG（+）。", {"TIF1G": "positive"}),
        ("抗Mi-2抗体IgG(-)。", {"MI2": "negative"}),
        ("抗Jo-1抗体IgG(-)，抗TIF1-γ抗体IgG(++)。", {"JO1": "negative", "TIF1G": "positive"}),
        ("항TIF1-γ항체 IgG (+), 항Jo-1항체 IgG (-)", {"TIF1G": "positive", "JO1": "negative"}),
    ],
)
def test_a_cjk_sign_after_the_isotype_is_the_antibodys(line: str, expected: dict[str, str]) -> None:
    assert antibody_results(WOMAN + line) == expected


# ------------------------------------------ a panel printed as a table, the names as its header
@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| Jo-1 | PL-7 | Mi-2 | TIF1γ |\n|---|---|---|---|\n| neg | neg | neg | pos |",
            {"JO1": "negative", "PL7": "negative", "MI2": "negative", "TIF1G": "positive"},
        ),
        (
            "| NXP2 | MDA5 | SAE1 |\n| --- | --- | --- |\n| positive | negative | negative |",
            {"NXP2": "positive", "MDA5": "negative", "SAE1": "negative"},
        ),
        # guard: a table with an item a row stays read by its rows
        (
            "| Antigen | Result |\n|---|---|\n| Jo-1 | neg |\n| TIF1γ | pos |",
            {"JO1": "negative", "TIF1G": "positive"},
        ),
    ],
)
def test_a_panel_table_with_the_names_as_its_header(table: str, expected: dict[str, str]) -> None:
    result = read(WOMAN + table)
    assert {a.code.value: a.result.value for a in result.case.antibodies} == expected
    # the table's results are no word about the sentence before it
    assert {f.code.value for f in result.case.findings if f.present} == {"heliotrope_rash"}
