"""Cancers from a diagnosis list's ICD-10 codes, the lung's lobes and the TNM prefixes, and the
myositis antibodies by their antigens' full names (issue #10, round 7, worktree i10ap).

Each class is a general rule tried in our own sentences, in languages and layouts the extractor
was not given the words of, with sentences that must not match. Expected values are read off the
words by hand: an ICD-10 code's site from WHO ICD-10 (2019) chapter II (C34 bronchus and lung,
C56 ovary, C67 bladder, C53 cervix uteri, C16 stomach, C61 prostate, C25 pancreas, C18 colon,
C81 Hodgkin lymphoma, D05 carcinoma in situ of breast; D10-D36 benign, C77-C79 secondary); an
antibody from the antigen it names (McHugh & Tansley, Nat Rev Rheumatol 2018;14:290-302)."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, read

_HEAD = "Clinic date: 10/11/2026\nWoman, 61, dermatomyositis.\n"


def tumours(body: str) -> list[tuple[str, str]]:
    return [(t.site.value, t.histology.value) for t in read(_HEAD + body).case.tumours]


def antibodies(body: str) -> dict[str, str]:
    return antibody_results(_HEAD + body)


# ---------------------------------------------------------------- ICD-10 codes of a diagnosis list
# The code names the organ in any language; the words beside it give the histology; a malignant
# code alone (C00-C97) is the cancer's name; the code may lead its entry or follow it in brackets.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Hungarian: the article "A" after a bare category is no coder's certainty
        ("Zárójelentés\nC56   A petefészek rosszindulatú daganata", [("ovary", "other")]),
        # Czech: "malignant neoplasm" with no organ word; C56 is the ovary
        ("Dg.:\nC56  zhoubný novotvar", [("ovary", "other")]),
        # Slovene: the bladder's words are not known, C67 is the bladder
        ("Diagnoze:\nC67.9  Karcinom sečnega mehurja", [("bladder", "other")]),
        # Romanian: squamous carcinoma, C53 the cervix
        ("Diagnostic:\nC53.9  Carcinom scuamos", [("cervix", "squamous_cell_carcinoma")]),
        # Turkish adenocarcinoma, C16 the stomach
        ("Tanılar:\nC16.9  Adenokarsinom", [("stomach", "adenocarcinoma")]),
        # Afrikaans carcinoma, C61 the prostate
        ("Diagnose:\nC61  Karsinoom", [("prostate", "other")]),
        # German list: the code in brackets after its words, with the coder's certainty G
        (
            "Diagnosen:\n1. Dermatomyositis (M33.1 G)\n2. Adenokarzinom (C25.0 G)",
            [("pancreas", "adenocarcinoma")],
        ),
        # English list: the code alone names the cancer; the other codes name none
        ("Diagnoses:\n- C18.7 Sigmoid, pT3 N1 M0\n- E11.9 Type 2 diabetes", [("colon", "other")]),
        # a Hodgkin lymphoma's code alone: its category names the histology and the nodes
        ("Diagnosen:\n- C81.1", [("lymph_node", "lymphoma")]),
        # carcinoma in situ: its words name the tumour, D05 the breast
        ("Diagnoses: D05.1 Intraductal carcinoma in situ", [("breast", "other")]),
    ],
)
def test_a_codes_organ_is_the_cancers_site(body: str, expected: list[tuple[str, str]]) -> None:
    assert tumours(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # benign neoplasms (D10-D36): their words name no cancer
        "Diagnoses:\nD12.6 Benign neoplasm of colon, polyp removed",
        "Diagnosen:\n- D25.9 Leiomyoma uteri",
        "Diagnoses:\nD36.9 Benign neoplasm, unspecified site",
        # secondary (C77-C79): where a cancer spread, no primary of the lung
        "Diagnoses:\nC78.0 Secondary malignant neoplasm of lung",
        # suspected or excluded by the coder (ICD-10-GM V, A)
        "Diagnosen:\n- Bronchialkarzinom rechts (C34.1 V)",
        # a form's item numbers and a laboratory's marker chip are no codes of a diagnosis
        "Form\nC10 Legs proximal < distal Y\nC11 Dysphagia / oesophageal dysmotility Y",
        "Tumour markers: CEA (-), AFP (-), C12 (-).",
        "Diagnosen:\nC50.4 A",
        # a relative's cancer
        "Family history: mother C50.9 breast cancer at 52.",
        # no codes: complement, vertebrae, a lipid, a tumour marker, a range of codes
        "Serum C3 and C4 were normal; palmitic acid C16:0 raised.",
        "Cervical spine C5-C6 disc prolapse. CA 19-9 120 U/mL.",
        "Neoplasm codes C00-C97 are outside this registry.",
    ],
)
def test_no_cancer_from_a_benign_secondary_or_uncertain_code(body: str) -> None:
    assert tumours(body) == []


# ------------------------------------------------------------------ the lung's lobes
# Only the lung has upper, middle and lower lobes: a lobe beside a cancer word is the lung.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bronkoskopi: adenokarcinom i höger överlob.", [("lung", "adenocarcinoma")]),
        ("Histologie: Adenokarzinom im rechten Oberlappen.", [("lung", "adenocarcinoma")]),
        ("Histologie: adenocarcinom al lobului superior drept.", [("lung", "adenocarcinoma")]),
        ("Diagnoza: adenokarcinom v zgornjem režnju desnega pljuča.", [("lung", "adenocarcinoma")]),
        ("Tulemus: adenokartsinoom paremas ülasagaras.", [("lung", "adenocarcinoma")]),
        ("Secinājums: adenokarcinoma augšējā daivā.", [("lung", "adenocarcinoma")]),
        ("Biopsia: karsinooma oikeassa ylälohkossa.", [("lung", "other")]),
        ("Sonuç: sağ üst lobda adenokarsinom.", [("lung", "adenocarcinoma")]),
        (
            "Wynik: rak płaskonabłonkowy w płacie górnym prawym.",
            [("lung", "squamous_cell_carcinoma")],
        ),
        ("Diagnòstic: carcinoma del lòbul superior dret.", [("lung", "other")]),
        (
            "Bronchoscopy: squamous cell carcinoma in the RUL.",
            [("lung", "squamous_cell_carcinoma")],
        ),
        ("Adenocarcinoma of the lingula, pT1b N0.", [("lung", "adenocarcinoma")]),
    ],
)
def test_a_lobe_beside_a_cancer_is_the_lung(body: str, expected: list[tuple[str, str]]) -> None:
    assert tumours(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The left upper lobe showed fibrosis; no malignancy.", []),
        ("Hepatocellular carcinoma in the right lobe of the liver.", [("liver", "other")]),
        # where a breast cancer spread, not a lung primary
        ("Breast carcinoma with metastases in the right upper lobe.", [("breast", "other")]),
    ],
)
def test_a_lobe_without_its_cancer_or_of_another_organ(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert tumours(body) == expected


# ------------------------------------------------------------------ TNM prefixes
@pytest.mark.parametrize(
    ("body", "nodes", "metastases"),
    [
        ("Adenocarcinoma of the rectum, ycT2 ycN0 cM0 after chemoradiotherapy.", "N0", "M0"),
        ("Lung adenocarcinoma cT1cN0M0.", "N0", "M0"),
        ("Breast carcinoma rpT1 rpN1a.", "N1", None),
    ],
)
def test_tnm_with_its_prefixes(body: str, nodes: str, metastases: str | None) -> None:
    (tumour,) = read(_HEAD + body).case.tumours
    assert tumour.nodes is not None and tumour.nodes.value == nodes
    assert (tumour.metastases.value if tumour.metastases else None) == metastases


def test_a_recommended_operation_removes_no_tumour() -> None:
    body = "Adenokarcinom i höger överlob. Lungkonferens: rekommenderas lobektomi."
    (tumour,) = read(_HEAD + body).case.tumours
    assert tumour.site.value == "lung"
    assert tumour.resected_date is None


# ------------------------------------------------------------------ antigens' full names and genes
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "She tested positive for anti-3-hydroxy-3-methylglutaryl-coenzyme A antibody.",
            {"HMGCR": "positive"},
        ),
        ("Anti-HMG CoA antibody was positive at 120 CU.", {"HMGCR": "positive"}),
        ("Anticorps anti-HMG-CoA réductase positifs.", {"HMGCR": "positive"}),
        ("Anti-HMG-CoA-Reduktase-Antikörper positiv.", {"HMGCR": "positive"}),
        ("Anti-signal recognition particle 54 kDa antibodies were positive.", {"SRP": "positive"}),
        ("Anti-TRIM33 positive; anti-IFIH1 negative.", {"TIF1G": "positive", "MDA5": "negative"}),
        (
            "ANA positive, with a positive TIFI-γ antibody.",
            {"ANA": "positive", "TIF1G": "positive"},
        ),
        ("Antibodies against histidyl-transfer RNA synthetase were detected.", {"JO1": "positive"}),
        ("Anti-cytosolic 5′-nucleotidase 1A antibody positive.", {"CN1A": "positive"}),
        (
            "Anti-SS-A/Ro52 positive, anti-SS-A/Ro60 negative.",
            {"RO52": "positive", "RO60": "negative"},
        ),
        (
            "Anti-Ku70/80 negative, anti-PM/Scl 75 positive.",
            {"KU": "negative", "PMSCL": "positive"},
        ),
    ],
)
def test_an_antibody_by_its_antigens_name(body: str, expected: dict[str, str]) -> None:
    assert antibodies(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "She had been on HMG-CoA reductase inhibitors for years; CK 3000, positive family history.",
        "HMG-CoA lyase deficiency was excluded; genetic testing negative.",
        "Statins lower HMG-CoA levels; the lipid panel was normal.",
        "HMGCR expression in regenerating fibres was positive on immunostaining.",
        "Leczony inhibitorami reduktazy HMG-CoA; wynik dodatni.",
        "Inhibiteurs de la HMG-CoA réductase arrêtés, test positif.",
        "Unter HMG-CoA-Reduktase-Hemmern seit 2019, positiv.",
    ],
)
def test_the_enzyme_or_the_statins_name_no_antibody(body: str) -> None:
    assert antibodies(body) == {}


# ------------------------------------------------------------------ a class named negative
# "Myositis-specific autoantibodies were not detected" names the class, not the antibodies tested:
# none is recorded negative, and a warning says so; a named panel of the class lists its members.
@pytest.mark.parametrize(
    "body",
    [
        "Myositis-specific autoantibodies were not detected.",
        "Neither muscle enzymes were raised nor were myositis-specific antibodies found.",
        "MSA negative.",
    ],
)
def test_a_class_named_negative_records_no_antibody(body: str) -> None:
    result = read(_HEAD + body)
    assert result.case.antibodies == []
    assert any("names no antibody" in w for w in result.warnings)


def test_a_class_with_an_exception_records_the_exception_only() -> None:
    assert antibodies("Myositis-specific antibodies were negative except anti-NXP2.") == {
        "NXP2": "positive"
    }


def test_a_named_panel_of_the_class_lists_its_members() -> None:
    results = antibodies("MSA panel negative.")
    # the myositis-specific antibodies of rules/lexicon.yaml, TIF1-γ among them
    assert {"TIF1G", "NXP2", "MDA5", "SAE1", "MI2", "JO1", "SRP"} <= set(results)
    assert set(results.values()) == {"negative"}


# ------------------------------------------------------------------ the organ a cancer grows into
# An organ named right after an invasion word is where the tumour spread by contiguity, not a
# second primary; an organ that heads its own cancer name stays the site.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Gallbladder carcinoma infiltrating the adjacent liver; adenocarcinoma on biopsy.",
            [("gallbladder", "adenocarcinoma")],
        ),
        (
            "Carcinoma de vesícula biliar con infiltración del hígado adyacente.",
            [("gallbladder", "other")],
        ),
        ("Adenocarcinome gastrique envahissant le foie.", [("stomach", "adenocarcinoma")]),
        ("Magenkarzinom mit Infiltration der Leber.", [("stomach", "other")]),
        ("Karcinom žlučníku.", [("gallbladder", "other")]),
        # not "involving", and not an organ heading its own cancer's name
        ("Carcinoma involving the right upper lobe.", [("lung", "other")]),
        ("Infiltrating breast carcinoma, 22 mm.", [("breast", "other")]),
    ],
)
def test_an_invaded_organ_is_not_the_primary(body: str, expected: list[tuple[str, str]]) -> None:
    assert tumours(body) == expected


# ------------------------------------------------------------------ cancers by their abbreviation
# The standard abbreviations name the organ and, for the glandular ones, the histology; written
# in capitals only (a lower-case "hcc" is no cancer), never a screening programme's name.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Background: HCC treated with TACE in 2024.", [("liver", "other")]),
        ("History: RCC, nephrectomy 2019.", [("kidney", "other")]),
        ("PDAC diagnosed on EUS-FNA.", [("pancreas", "adenocarcinoma")]),
        ("Known ILC of the left breast.", [("breast", "adenocarcinoma")]),
        ("HGS ovarian ca diagnosed 09/2026.", [("ovary", "adenocarcinoma")]),
        ("NPC, stage III.", [("nasopharynx", "other")]),
        ("The ncc and hcc values were normal.", []),
        # "HGS" alone is a hand grip strength; a marker named after the organ is no cancer
        ("HGS 18 kg right, 16 kg left.", []),
        ("Serous ovarian CA 125 was 40 U/mL.", []),
        ("CRC screening colonoscopy normal.", []),
    ],
)
def test_a_cancer_by_its_abbreviation(body: str, expected: list[tuple[str, str]]) -> None:
    assert tumours(body) == expected
