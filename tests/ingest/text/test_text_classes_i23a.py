"""issue #10 (i23a): Haitian Creole and Marathi read as languages: the patient line, the signs
of the EULAR/ACR items, weakness and the strength grammar's muscles, negation, the labs'
reference labels, the cancer nouns and sites, the investigations' names, the illness's duration
and the month names. Our own sentences (never a note's); the values are worked out by hand.
Each class has a guard: a near-miss that must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import (
    case_of,
    findings_of,
    labs_coded,
    sex_and_age,
    strength_items,
    tumour_sites,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laj: 61 an   Sèks: gason\nAdrès: Jacmel, Ayiti", ("male", 61)),
        ("Pasyan an se yon fanm ki gen 44 an.", ("female", 44)),
        ("वय: ६३ वर्षे   लिंग: स्त्री\nपत्ता: नाशिक, महाराष्ट्र", ("female", 63)),
        ("४७ वर्षांचा पुरुष रुग्ण दाखल झाला.", ("male", 47)),
    ],
)
def test_patient_line(text: str, expected: tuple[str, int]) -> None:
    assert sex_and_age(text) == expected


def test_address_field_names_the_country() -> None:
    assert case_of("Laj: 61 an   Sèks: gason\nAdrès: Jacmel, Ayiti").patient.region == "HT"
    assert case_of("वय: ६३ वर्षे   लिंग: स्त्री\nपत्ता: नाशिक, महाराष्ट्र").patient.region == "IN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Creole: the signs named, and denied by "pa gen" before them
        (
            "Li gen eritèm eliotwòp sou pòpyè je yo ak papil Gottron sou jwenti dwèt yo.",
            {"heliotrope_rash": True, "gottron_papules": True},
        ),
        ("Li gen difikilte pou vale manje.", {"dysphagia": True}),
        ("Li gen doulè nan misk bra yo.", {"myalgia": True}),
        ("Siy chal sou do a.", {"shawl_sign": True}),
        ("Pa gen ilsè sou po a.", {"cutaneous_ulceration": False}),
        ("Li pèdi 4 kg nan de mwa.", {"weight_loss": True}),
        # Marathi: the signs named, and denied by "नाही" after them
        (
            "पापण्यांवर हेलिओट्रोप पुरळ; बोटांच्या सांध्यांवर गॉट्रॉन पॅप्युल्स.",
            {"heliotrope_rash": True, "gottron_papules": True},
        ),
        ("द्रव पदार्थ गिळण्यास त्रास होतो.", {"dysphagia": True}),
        ("दोन महिन्यांत वजन ४ किलो कमी झाले.", {"weight_loss": True}),
        ("छातीच्या सीटीमध्ये ILD नाही.", {"interstitial_lung_disease": False}),
    ],
)
def test_signs(text: str, expected: dict[str, bool]) -> None:
    found = findings_of(text)
    for code, present in expected.items():
        assert found.get(code) is present, (code, found)


def test_creole_mass_is_no_month() -> None:
    # guard: "mas" (March) is read only in a date's shape; "yon mas" is a mass, not a date
    case = case_of("Dat konsiltasyon: 3 mas 2026\nYon mas nan vant la.")
    assert case.onset_date is None
    assert all(f.date == date(2026, 3, 3) for f in case.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Fòs miskilè (MRC): deltoyid 4/5, flechisè anch 3/5, dorsifleksyon pye 5/5; "
        "flechisè kou 3/5, ekstansè kou 5/5.",
    ],
)
def test_strength_grammar(text: str) -> None:
    assert strength_items(text) == {
        "weakness_proximal_upper",
        "weakness_proximal_lower",
        "legs_proximal_weaker_than_distal",
        "neck_flexors_weaker_than_extensors",
    }


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("CK 2 450 U/L (nòmal 30-200)", 200.0),
        ("CK 2450 U/L (संदर्भ 30-170)", 170.0),
    ],
)
def test_reference_labels(text: str, upper: float) -> None:
    (ck,) = labs_coded(text, "ck")
    assert ck.upper_limit == upper
    assert ck.is_above_uln is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Byopsi: adenokansinòm nan kolon an.", [("colon", "adenocarcinoma")]),
        ("Li gen yon kansè kòl matris.", [("cervix", "other")]),
        ("बायोप्सी: मोठ्या आतड्याचा ॲडेनोकार्सिनोमा.", [("colon", "adenocarcinoma")]),
        ("स्तनाचा कर्करोग, उजवी बाजू.", [("breast", "other")]),
    ],
)
def test_cancers(text: str, expected: list[tuple[str, str]]) -> None:
    assert tumour_sites(text) == expected


def test_relative_cancer_is_no_tumour() -> None:
    # guard: a relative's cancer is family history, not the patient's tumour
    assert tumour_sites("Manman l te gen kansè tete.") == []
    assert tumour_sites("आईला स्तनाचा कर्करोग होता.") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kolonoskopi 03/10/2026: yon mas nan kolon dwat.", "colonoscopy"),
        ("Mamografi 03/10/2026: nòmal.", "mammography"),
        ("कोलोनोस्कोपी (०३/१०/२०२६): व्रणयुक्त गाठ.", "colonoscopy"),
        ("सीटी छाती, पोट व ओटीपोट (०३/१०/२०२६): सामान्य.", "ct_chest_abdomen_pelvis"),
    ],
)
def test_investigation_names(text: str, code: str) -> None:
    codes = {(i.code.value, i.date) for i in case_of(text).investigations}
    assert (code, date(2026, 10, 3)) in codes


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        (
            "Dat konsiltasyon: 10 oktòb 2026\nDepi anviwon 2 mwa li santi feblès nan janm yo.",
            date(2026, 8, 10),
        ),
        ("दाखल दिनांक: १०/१०/२०२६\nगेल्या २ महिन्यांपासून मांड्यांमध्ये अशक्तपणा.", date(2026, 8, 10)),
    ],
)
def test_illness_duration(text: str, onset: date) -> None:
    assert case_of(text).onset_date == onset


def test_duration_needs_a_complaint() -> None:
    # guard: a habit's duration is no onset ("depi 2 an li pa fimen")
    assert case_of("Dat konsiltasyon: 10 oktòb 2026\nDepi 2 an li pa fimen.").onset_date is None


def test_creole_breast_needs_more_than_the_french_head() -> None:
    # guard: "tete" alone is French "tête" (head) copied without its accent
    assert tumour_sites("Li gen yon kansè nan tete dwat la.") == [("breast", "other")]
    assert tumour_sites("Cancer de la tete et du cou.") != [("breast", "other")]


@pytest.mark.parametrize(
    ("text", "drug", "dose", "route"),
    [
        (
            "Dat konsiltasyon: 10/10/2026\nPrednizòn 40 mg chak jou pa bouch.",
            "prednisone",
            "40 mg chak jou",
            "oral",
        ),
        (
            "दाखल दिनांक: १०/१०/२०२६\nटॅब. प्रेडनिसोलोन 30 mg तोंडाने दररोज.",
            "prednisolone",
            "30 mg दररोज",
            "oral",
        ),
    ],
)
def test_treatments(text: str, drug: str, dose: str, route: str) -> None:
    (treatment,) = case_of(text).treatments
    assert (treatment.drug, treatment.dose, str(treatment.route)) == (drug, dose, route)


def test_marathi_course_from_to() -> None:
    text = "दाखल दिनांक: ०१/११/२०२६\nइंजे. मिथाइलप्रेडनिसोलोन 1 g शिरेतून दररोज (२५/१०/२०२६ ते २७/१०/२०२६)."
    (treatment,) = case_of(text).treatments
    assert (treatment.start, treatment.stop) == (date(2026, 10, 25), date(2026, 10, 27))


def test_creole_test_still_to_do_is_pending() -> None:
    case = case_of("Dat konsiltasyon: 10/10/2026\nMamografi poko fèt, pou fè.")
    assert [(i.code.value, i.result.value) for i in case.investigations] == [
        ("mammography", "pending")
    ]


def test_creole_staging_scan() -> None:
    text = (
        "Dat konsiltasyon: 12/10/2026\nByopsi 05/10/2026: adenokansinòm kolon.\n"
        "CT toraks-abdomen-basen 08/10/2026: yon mas nan kolon, 40 mm; "
        "pa gen adenopati nan vant; pa gen metastaz a distans."
    )
    (tumour,) = case_of(text).tumours
    assert (tumour.site.value, tumour.size_mm, tumour.nodes, tumour.metastases) == (
        "colon",
        40.0,
        "N0",
        "M0",
    )


def test_marathi_staging_scan() -> None:
    text = (
        "दाखल दिनांक: १२/१०/२०२६\nबायोप्सी (०५/१०/२०२६): कोलनचा ॲडेनोकार्सिनोमा.\n"
        "सीटी छाती, पोट व ओटीपोट (०८/१०/२०२६): कोलनमध्ये गाठ; लिम्फ नोड्स वाढलेल्या नाहीत; "
        "दूरस्थ प्रसार नाही."
    )
    (tumour,) = case_of(text).tumours
    assert (tumour.site.value, tumour.nodes, tumour.metastases) == ("colon", "N0", "M0")
