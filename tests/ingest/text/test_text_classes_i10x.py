"""Issue #10, round 3 (i10x): every stated cancer recorded with its site and histology, across
languages and report types. Our own vignettes, several wordings per class; the expected site and
histology are read off the words by hand against the case model's vocabulary (case.py
TumourSite / TumourHistology: an organ it has no site for is "other"; serous and ductal
carcinomas are adenocarcinomas, WHO 2019/2020), with guards that the class does not over-fire."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, read


def cancers(note: str) -> list[tuple[str, str]]:
    """(site, histology) of every tumour read, sorted."""
    return sorted((t.site.value, t.histology.value) for t in read(note).case.tumours)


def sized(note: str) -> list[tuple[str, str, float | None]]:
    return sorted((t.site.value, t.histology.value, t.size_mm) for t in read(note).case.tumours)


# ------------------------------------------------------------------ a marker named after a tumour
@pytest.mark.parametrize(
    "note",
    [
        "Tumour markers: SCC-Ag 3.1 ng/mL, CA 19-9 45 U/mL, CYFRA 21-1 4.2 ng/mL, NSE 18 ng/mL.",
        "Squamous cell carcinoma antigen (SCC) 2.1 ng/mL, CEA 4.0 ng/mL.",
        "SCC antigen was 5.2 ng/mL (reference < 1.5).",
        "Serum SCC: 4.1 ng/ml; CA 125 80 U/ml.",
        "Tumor markers: SCC 2.6 ng/mL, NSE 14 ng/mL, CYFRA 21-1 3.3 ng/mL.",
        # Chinese: the squamous cell carcinoma antigen and carcinoembryonic antigen with values
        "肿瘤标记物：鳞状上皮细胞癌抗原(SCC)3.5ng/ml，癌胚抗原(CEA)34.1ng/ml。",
        # Korean: the squamous cell carcinoma antigen
        "종양표지자 검사에서 편평세포암 항원(SCC) 2.8 ng/mL였다.",
    ],
)
def test_a_tumour_marker_named_after_a_tumour_is_no_cancer(note: str) -> None:
    assert cancers(f"A 58-year-old woman with dermatomyositis. {note}") == []


@pytest.mark.parametrize(
    "note",
    [
        "CT showed a 3 cm right lower lobe mass; biopsy: adenocarcinoma. SCC-Ag 2.5 ng/mL.",
        "SCC antigen 3.5 ng/mL. Bronchoscopic biopsy of the right lower lobe: adenocarcinoma.",
        "胸部CT示右下肺占位。病理：肺腺癌。鳞状上皮细胞癌抗原(SCC)3.5ng/ml。",
    ],
)
def test_a_marker_beside_the_real_cancer_leaves_its_histology(note: str) -> None:
    assert cancers(f"A 58-year-old woman with dermatomyositis. {note}") == [
        ("lung", "adenocarcinoma")
    ]


# ------------------------------------------------------------------ histology in other languages
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Portuguese, Spanish, French, Italian squamous carcinoma of the tongue (site "other")
        ("A biópsia revelou carcinoma escamoso de língua.", ("other", "squamous_cell_carcinoma")),
        (
            "La biopsia mostró un carcinoma escamoso de la lengua.",
            ("other", "squamous_cell_carcinoma"),
        ),
        (
            "La biopsie a montré un carcinome épidermoïde de la langue.",
            ("other", "squamous_cell_carcinoma"),
        ),
        (
            "La biopsia ha mostrato un carcinoma squamoso della lingua.",
            ("other", "squamous_cell_carcinoma"),
        ),
        # Polish: squamous carcinoma of the larynx (genitive krtani)
        ("Rozpoznano raka płaskonabłonkowego krtani.", ("other", "squamous_cell_carcinoma")),
        # Korean lung adenocarcinoma, organ and histology with and without the space
        ("조직검사 결과 폐 선암으로 진단되었다.", ("lung", "adenocarcinoma")),
        ("폐선암 진단을 받았다.", ("lung", "adenocarcinoma")),
        ("폐 샘암으로 진단되었다.", ("lung", "adenocarcinoma")),
        # Chinese and Japanese lung adenocarcinoma
        ("病理诊断为肺腺癌。", ("lung", "adenocarcinoma")),
        ("病理で肺腺癌と診断された。", ("lung", "adenocarcinoma")),
        # small cell and non-small cell lung cancer in Chinese and Korean
        ("病理示小细胞肺癌。", ("lung", "small_cell_carcinoma")),
        ("소세포폐암으로 진단되었다.", ("lung", "small_cell_carcinoma")),
        ("病理示非小细胞肺癌。", ("lung", "other")),
        ("비소세포폐암으로 진단되었다.", ("lung", "other")),
        # Spanish small cell carcinoma of the lung
        (
            "Se diagnosticó un carcinoma de células pequeñas de pulmón.",
            ("lung", "small_cell_carcinoma"),
        ),
        # urothelial carcinoma: the bladder (Spanish, Chinese)
        ("Se diagnosticó un carcinoma urotelial.", ("bladder", "other")),
        ("膀胱镜活检示尿路上皮癌。", ("bladder", "other")),
        # serous carcinoma is glandular (Chinese, high-grade serous of the ovary)
        ("病理示卵巢高级别浆液性癌。", ("ovary", "adenocarcinoma")),
        # a pancreatic neuroendocrine tumour (Chinese)
        ("病理示胰腺神经内分泌肿瘤。", ("pancreas", "neuroendocrine_tumour")),
    ],
)
def test_histology_and_site_in_other_languages(note: str, expected: tuple[str, str]) -> None:
    assert cancers(note) == [expected]


# ------------------------------------------------------------------ head and neck: site "other"
@pytest.mark.parametrize(
    "note",
    [
        "She was diagnosed with oral squamous cell carcinoma in 2019.",
        "A T2 tongue squamous cell carcinoma was treated by partial glossectomy.",
        "Biopsy confirmed head and neck squamous cell carcinoma.",
        "Laryngeal squamous cell carcinoma was diagnosed on biopsy.",
        "He has a squamous cell carcinoma of the tongue.",
    ],
)
def test_a_head_and_neck_squamous_cancer_is_recorded_at_site_other(note: str) -> None:
    assert cancers(note) == [("other", "squamous_cell_carcinoma")]


@pytest.mark.parametrize(
    "note",
    [
        "Tongue: no ulcers; oropharynx clear. Skin: Gottron papules.",
        "Videofluoroscopy: laryngeal penetration with thin fluids.",
        "A lingua portuguesa foi usada na consulta; exame da língua normal.",
    ],
)
def test_head_and_neck_words_without_a_cancer_are_no_tumour(note: str) -> None:
    assert cancers(note) == []


# ------------------------------------------------------------------ carcinoma in a lymph node
@pytest.mark.parametrize(
    "note",
    [
        "Retroperitoneal lymph node biopsy revealed a high-grade carcinoma.",
        "Excision biopsy of a supraclavicular lymph node: metastatic carcinoma. No primary seen.",
        "Axillary lymph node core biopsy showed poorly differentiated carcinoma.",
        # a carcinoma of müllerian (gynaecological) origin outside its organ
        "Peritoneal biopsy revealed a high-grade müllerian carcinoma.",
        "Retroperitoneal lymph node biopsy revealed a high-grade müllerian carcinoma.",
    ],
)
def test_a_carcinoma_whose_primary_is_not_found_is_site_other(note: str) -> None:
    assert cancers(f"A 75-year-old woman with dermatomyositis. {note}") == [("other", "other")]


def test_a_nodal_carcinoma_after_its_primary_is_that_tumour() -> None:
    note = (
        "A 66-year-old man. CT showed a 4 cm right upper lobe mass. "
        "Mediastinal lymph node biopsy revealed carcinoma."
    )
    assert sized(note) == [("lung", "other", 40.0)]


def test_a_named_histology_in_a_node_takes_its_organ_from_the_next_line() -> None:
    note = (
        "EBUS-TBNA of lymph node station 7: metastatic small cell carcinoma.\n"
        "Right lower lobe endobronchial biopsy: small cell carcinoma."
    )
    assert cancers(note) == [("lung", "small_cell_carcinoma")]


@pytest.mark.parametrize(
    "note",
    [
        "Lymph node biopsy showed no carcinoma.",
        "CT chest/abdomen/pelvis: no evidence of malignancy or lymphadenopathy.",
        "Lymph node biopsy was performed to exclude malignancy.",
        "Reactive lymph nodes on biopsy; no malignancy.",
        "Her brother had a lymph node biopsy showing carcinoma.",
    ],
)
def test_a_node_without_a_stated_carcinoma_of_the_patient_is_no_cancer(note: str) -> None:
    assert cancers(f"A 60-year-old woman. {note}") == []


# ------------------------------------------------------------------ the cervix in a colposcopy
@pytest.mark.parametrize(
    "note",
    [
        "Colposcopy: dense acetowhite lesion at 12 o'clock, approx. 10 mm.\n"
        "HISTOLOGY: invasive squamous cell carcinoma.",
        "Transformation zone type 1; acetowhite lesion approx. 10 mm with atypical vessels.\n"
        "Punch biopsy histology: invasive squamous cell carcinoma, keratinising.",
    ],
)
def test_a_cancer_in_a_colposcopy_report_is_of_the_cervix(note: str) -> None:
    assert sized(note) == [("cervix", "squamous_cell_carcinoma", 10.0)]


@pytest.mark.parametrize(
    "note",
    [
        "Colposcopy: acetowhite lesion; punch biopsy showed CIN3. Treated by LLETZ.",
        "Cervical screening: high-grade dyskaryosis; colposcopy and biopsy: CIN 2.",
        "Her sister had a cervical cancer aged 38 (treated, well).",
        "Colposcopy was requested to exclude malignancy.",
    ],
)
def test_cin_a_relative_or_an_exclusion_is_no_cervical_cancer(note: str) -> None:
    assert cancers(f"A 41-year-old woman with dermatomyositis. {note}") == []


# ------------------------------------------------------------------ a histology addendum
@pytest.mark.parametrize(
    "title",
    [
        "HISTOLOGY ADDENDUM (reported 17/11/2026, Cellular Pathology, Dr R. Iyer)",
        "Pathology addendum (authorised 20/11/2026)",
        "HISTOPATHOLOGY REPORT (received 19/11/2026)",
    ],
)
def test_a_histology_addendum_after_a_procedure_report_gives_the_histology(title: str) -> None:
    note = (
        "COLONOSCOPY REPORT\n"
        "FINDINGS: sigmoid colon: ulcerated mass, approx. 30 mm. Biopsies taken.\n"
        "CONCLUSION: sigmoid lesion suspicious of malignancy. For CT staging.\n"
        "\n"
        f"{title}\n"
        "Sigmoid biopsies: moderately differentiated adenocarcinoma.\n"
    )
    assert sized(note) == [("colon", "adenocarcinoma", 30.0)]


def test_a_clinic_notes_background_with_a_remark_stays_the_patients() -> None:
    note = (
        "OCCUPATIONAL HEALTH REPORT\n"
        "1. Background (from the rheumatology letter of 02/11/2026)\n"
        "He has antisynthetase syndrome: anti-Jo-1 antibody positive.\n"
    )
    assert antibody_results(note).get("JO1") == "positive"


# ------------------------------------------------------------------ a benign lesion's excision
def test_a_benign_polyps_excision_is_not_the_cancers_resection() -> None:
    note = (
        "Colonoscopy 12/11/2026: sigmoid mass approx. 35 mm, biopsied; 4 mm descending colon "
        "polyp, cold snare, retrieved.\n"
        "Histology: Pot 1 (sigmoid): adenocarcinoma.\n"
        "Pot 2 (descending colon polyp): tubular adenoma with low-grade dysplasia, completely "
        "excised.\n"
    )
    result = read(note)
    (tumour,) = result.case.tumours
    assert (tumour.site.value, tumour.histology.value) == ("colon", "adenocarcinoma")
    assert tumour.resected_date is None


def test_a_polyp_that_is_the_cancer_keeps_its_removal() -> None:
    note = (
        "PATHOLOGY REPORT\nDate reported: 2025-05-06\n"
        "Clinical details: rectal polyp removed at colonoscopy.\n"
        "Microscopy: a 7 mm well-differentiated neuroendocrine tumour of the rectum.\n"
    )
    (tumour,) = read(note).case.tumours
    assert tumour.site.value == "rectum"
    assert tumour.resected_date is not None


# ------------------------------------------------------------------ a second primary
@pytest.mark.parametrize(
    "note",
    [
        "Foi localizado um adenocarcinoma de próstata. Meses depois, as investigações revelaram "
        "carcinoma escamoso de língua.",
        "He had a prostate adenocarcinoma treated in 2019. In 2021 a squamous cell carcinoma of "
        "the tongue was found.",
        "Se encontró un adenocarcinoma de próstata y, un año después, un carcinoma escamoso de la "
        "lengua.",
    ],
)
def test_a_second_primary_after_the_first_is_its_own_cancer(note: str) -> None:
    assert cancers(note) == [("other", "squamous_cell_carcinoma"), ("prostate", "adenocarcinoma")]


# ------------------------------------------------------------------ general statements
@pytest.mark.parametrize(
    "note",
    [
        # Korean: patients' cancer risk; certain cancers "can coexist"
        "피부근염 환자는 암 발병 위험이 상대적으로 높다. 특히 난소암, 폐암, 위암 등 특정 암이 "
        "공존할 수 있다.",
        # Chinese: the risk of malignancy in dermatomyositis patients
        "皮肌炎患者发生恶性肿瘤的风险增高，常见肺癌、卵巢癌。",
        "Dermatomyositis in adults is associated with ovarian, lung and gastric cancers.",
    ],
)
def test_a_general_statement_about_cancers_is_no_cancer_of_the_patient(note: str) -> None:
    assert cancers(note) == []


def test_the_patients_cancer_after_a_general_statement_is_kept() -> None:
    note = (
        "72세 남성이 피부근염을 진단받았다. 그 결과, 남성은 폐 선암을 진단받았다. "
        "특히 50대 이후에는 난소암, 폐암, 위암, 췌장암 등 특정 암이 공존할 수 있다."
    )
    assert cancers(note) == [("lung", "adenocarcinoma")]


def test_a_nodal_carcinoma_named_in_the_title_is_one_cancer_of_unknown_primary() -> None:
    note = (
        "High-grade müllerian carcinoma in a 70-year-old woman\n\n"
        "A 70-year-old woman with dermatomyositis. CT indicated para-aortic lymphadenopathy and "
        "pulmonary ground-glass opacities. Para-aortic lymph node biopsy revealed a high-grade "
        "müllerian carcinoma."
    )
    assert cancers(note) == [("other", "other")]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # enlarged nodes beside an organ's other finding are no tumour of that organ
        ("CT: axillary lymphadenopathy and pulmonary fibrosis.", []),
        # a lymphoma in a node keeps its nodal site
        (
            "CT: mediastinal lymphadenopathy. Lymph node biopsy: diffuse large B-cell lymphoma.",
            [("lymph_node", "lymphoma")],
        ),
    ],
)
def test_enlarged_nodes_and_a_nodal_lymphoma(note: str, expected: list[tuple[str, str]]) -> None:
    assert cancers(f"A 60-year-old man. {note}") == expected


# ------------------------------------------------------------------ CJK: more organs, relatives
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("病理：胃腺癌。", ("stomach", "adenocarcinoma")),
        ("위 선암으로 진단받았다.", ("stomach", "adenocarcinoma")),
        ("食道扁平上皮癌と診断された。", ("oesophagus", "squamous_cell_carcinoma")),
        ("肝細胞がんと診断された。", ("liver", "other")),
        ("간세포암 진단.", ("liver", "other")),
        ("乳がんと診断された。", ("breast", "other")),
        ("子宮頸がんと診断された。", ("cervix", "other")),
        ("대장 선암으로 수술을 받았다.", ("colon", "adenocarcinoma")),
    ],
)
def test_cjk_organ_and_cancer_words(note: str, expected: tuple[str, str]) -> None:
    assert cancers(note) == [expected]


@pytest.mark.parametrize(
    "note",
    [
        "患者母亲患有肺癌。",
        "家族史：父亲肺癌。",
        "어머니가 위암으로 사망하였다.",
        "가족력: 아버지 대장암.",
        "母が乳癌で死亡。",
    ],
)
def test_a_relatives_cancer_in_cjk_is_not_the_patients(note: str) -> None:
    assert cancers(note) == []


@pytest.mark.parametrize(
    "note",
    [
        "患者确诊为肺腺癌，其母亲体健。",
        "환자는 폐 선암으로 진단되었고, 어머니는 건강하다.",
    ],
)
def test_the_patients_cancer_before_a_healthy_relative_is_kept(note: str) -> None:
    assert cancers(note) == [("lung", "adenocarcinoma")]


def test_a_colposcopy_term_elsewhere_in_the_report_names_the_cervix() -> None:
    note = (
        "COLPOSCOPY CLINIC REPORT\n"
        "Transformation zone type 1, fully visible. Two punch biopsies taken.\n"
        "HISTOLOGY: invasive squamous cell carcinoma.\n"
    )
    assert cancers(note) == [("cervix", "squamous_cell_carcinoma")]


def test_a_planned_colposcopy_or_a_relatives_cin_names_no_organ() -> None:
    note = (
        "Colposcopy is planned. Her sister had CIN3.\n"
        "Lymph node histology: invasive squamous cell carcinoma.\n"
    )
    assert cancers(note) == [("other", "squamous_cell_carcinoma")]


# ------------------------------------------------------------ general statements, Romance/German
@pytest.mark.parametrize(
    "note",
    [
        "A dermatomiosite pode estar associada a neoplasias malignas como câncer de ovário.",
        "La dermatomiositis se asocia a cáncer de ovario, pulmón y estómago.",
        "La dermatomiositis está asociada a cáncer de ovario.",
        "La dermatomyosite est associée au cancer de l'ovaire.",
        "La dermatomiosite è associata al carcinoma ovarico.",
        "Die Dermatomyositis ist mit dem Ovarialkarzinom assoziiert.",
    ],
)
def test_a_disease_associated_with_cancers_in_general_is_no_cancer(note: str) -> None:
    assert cancers(note) == []


def test_a_case_title_of_a_dm_associated_with_a_cancer_keeps_it() -> None:
    note = "Paciente de 70 anos com dermatomiosite associada a adenocarcinoma de próstata."
    assert cancers(note) == [("prostate", "adenocarcinoma")]


@pytest.mark.parametrize(
    "note",
    [
        "Se diagnosticó un carcinoma de origen primario desconocido.",
        "Foi diagnosticado carcinoma de origem primária desconhecida.",
        "Es wurde ein CUP-Syndrom diagnostiziert.",
        "She was diagnosed with carcinoma of unknown primary.",
    ],
)
def test_a_carcinoma_of_unknown_primary_in_several_languages(note: str) -> None:
    assert cancers(note) == [("other", "other")]


# ------------------------------------------------------------ relatives in English, more forms
@pytest.mark.parametrize(
    "note",
    [
        "No prior renal history. Father: prostate cancer.",
        "Epigastric pains after food. Mother - ovarian cancer, passed away at age 70.",
        'Has anyone in your family had cancer? "yes - my brother, lymphoma at 50, he is ok now"',
        "My late father had bowel cancer.",
    ],
)
def test_a_relatives_cancer_after_a_sentence_or_in_the_patients_words(note: str) -> None:
    assert cancers(f"A 66-year-old woman with dermatomyositis. {note}") == []


@pytest.mark.parametrize(
    "note",
    [
        "My brother had lymphoma. I was diagnosed with breast cancer in 2020.",
        "My mother brought me in. I have breast cancer.",
    ],
)
def test_the_patients_own_cancer_beside_a_relative_is_kept(note: str) -> None:
    assert cancers(note) == [("breast", "other")]


def test_otherwise_negative_does_not_negate_the_finding_before_it() -> None:
    note = (
        "Malignancy screen: CT chest/abdomen/pelvis showed a 4.0 cm enhancing mass in the lower "
        "pole of the left kidney, otherwise negative. Partial nephrectomy: renal cell carcinoma."
    )
    assert sized(note) == [("kidney", "other", 40.0)]


def test_korean_could_in_the_past_is_the_patients_own_statement() -> None:
    # "diagnosed with lung adenocarcinoma but could still walk": 있었다 is no general "can"
    assert cancers("환자는 폐 선암으로 진단되었으나 걸을 수 있었다.") == [
        ("lung", "adenocarcinoma")
    ]
