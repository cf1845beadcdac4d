"""The patient's age, sex and date of birth and the patient's cancers in more layouts and
languages (issue #10, i10ah). Every sentence is our own; each expected value is worked out by
hand from the sentence.

- a "BACKGROUND" heading alone is a case report's introduction only in a case report; in a
  visit log or a clinic note it is the patient's background list;
- carcinomas that are adenocarcinomas by definition (WHO Classification of Tumours, 5th ed.:
  cholangiocarcinoma, digestive system 2019; the serous and clear cell carcinomas of the uterus
  and ovary, female genital 2020); the organ and its cancer written as one Nordic or Dutch word;
  a tumour's site from its history when its present parts name none;
- guards: a relative's cancer (Scandinavian nouns, an aside between the relative and the verb),
  a cancer in a differential diagnosis or to be ruled out, a receptor status is no negation;
- a case report's purpose clause ("to emphasize ...") does not make the case sentence generic;
  the year of a cited report is no visit date;
- a form's dot leader ("Sex ........ F"), a sex field coded by its legend, an ASTM E1394 /
  CLSI LIS2-A2 laboratory message, a relative writing about the patient, "born" abbreviated
  before a full date.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import antibody_results, read, sex_and_age, tumour_sites


def cancers(note: str) -> list[tuple[str, str]]:
    return sorted(tumour_sites(note))


# --------------------------------------------------------------------------- BACKGROUND heading
VISIT_LOG = (
    "HOSPITAL AT HOME - VISIT LOG\n"
    "Patient: DOE, Jane     70F     Home: Leith\n"
    "\n"
    "BACKGROUND\n"
    "- Dermatomyositis diagnosed March 2024, anti-TIF1-gamma positive.\n"
    "- Breast cancer: invasive ductal carcinoma, wide local excision June 2019.\n"
    "\n"
    "VISIT 1\n"
    "Heliotrope rash on both upper lids.\n"
)


def test_a_visit_logs_background_heading_is_the_patients() -> None:
    # the log has no case report heading: its background list is the patient's own history
    assert cancers(VISIT_LOG) == [("breast", "adenocarcinoma")]
    assert antibody_results(VISIT_LOG).get("TIF1G") == "positive"


def test_a_case_reports_background_heading_stays_general() -> None:
    # with the headings of a case report, "Background" introduces the disease
    note = (
        "Abstract\n"
        "A woman with dermatomyositis.\n"
        "\n"
        "BACKGROUND\n"
        "Ovarian carcinoma was found with anti-TIF1-gamma positive dermatomyositis.\n"
        "\n"
        "Case report\n"
        "A 60-year-old woman had a heliotrope rash.\n"
        "\n"
        "Discussion\n"
        "Nothing more.\n"
    )
    assert cancers(note) == []
    assert "TIF1G" not in antibody_results(note)


# --------------------------------------------------------------------------- histology classes
@pytest.mark.parametrize(
    "line",
    [
        "Liver biopsy: intrahepatic cholangiocarcinoma.",
        "The hepatic mass was a cholangiocarcinoma on biopsy.",
        # Portuguese, Spanish, Italian, German, French, Dutch
        "A biópsia hepática revelou colangiocarcinoma.",
        "La biopsia hepática mostró un colangiocarcinoma.",
        "La biopsia epatica ha mostrato un colangiocarcinoma.",
        "Die Leberbiopsie ergab ein Cholangiokarzinom.",
        "La biopsie hépatique a montré un cholangiocarcinome.",
        "De leverbiopsie toonde een cholangiocarcinoom.",
    ],
)
def test_cholangiocarcinoma_is_an_adenocarcinoma(line: str) -> None:
    note = f"Clinic letter. A 69-year-old man with dermatomyositis.\n{line}\n"
    (site, histology) = cancers(note)[0]
    assert histology == "adenocarcinoma"
    assert site in ("liver", "other")  # the site the line names, or none


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "She has a history of stage IVB uterine serous carcinoma, on carboplatin and "
            "paclitaxel.",
            [("uterus", "adenocarcinoma")],
        ),
        ("Pathology: ovarian clear cell carcinoma, FIGO IC.", [("ovary", "adenocarcinoma")]),
        ("Hysterectomy: uterine papillary serous carcinoma.", [("uterus", "adenocarcinoma")]),
    ],
)
def test_gynaecological_glandular_carcinomas(line: str, expected: list[tuple[str, str]]) -> None:
    note = f"Clinic letter. A 58-year-old woman with dermatomyositis.\n{line}\n"
    assert cancers(note) == expected


def test_a_present_part_keeps_the_site_its_history_gave() -> None:
    # the history names the site; today's sentence gives the size of the same tumour
    note = (
        "Clinic letter. A 58-year-old woman with dermatomyositis.\n"
        "She has a history of uterine serous carcinoma, diagnosed 4/2020, on chemotherapy.\n"
        "CT today: the 30 mm tumour is unchanged.\n"
    )
    assert cancers(note) == [("uterus", "adenocarcinoma")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Danish / Norwegian / Swedish: the Latin organ name compounded with the cancer noun
        ("Tidligere: mammacancer, venstre bryst, 2023.", [("breast", "other")]),
        ("Tidligere: ventrikelcancer, opereret 2022.", [("stomach", "other")]),
        ("Tidligere: blærekræft 2016, i remission.", [("bladder", "other")]),
        ("Tidigare: pancreascancer 2024.", [("pancreas", "other")]),
        ("Tidligere: nyrekreft 2019.", [("kidney", "other")]),
        ("Tidigare: coloncancer 2021.", [("colon", "other")]),
        # with the histology on the next line: a ductal carcinoma is glandular
        (
            "Tidligere: mammacancer 2023.\nHistologi: duktalt karcinom (NST), ER-positiv, "
            "HER2-negativ.",
            [("breast", "adenocarcinoma")],
        ),
    ],
)
def test_nordic_compound_cancer_words(line: str, expected: list[tuple[str, str]]) -> None:
    note = f"Årsstatus. Pt. er en 67-årig kvinde med dermatomyositis.\n{line}\n"
    assert cancers(note) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a relative's cancer (Danish, Swedish, Norwegian)
        "Familie: søster med ovariecancer (diagnosticeret 61 år).",
        "Hereditet: syster med bröstcancer.",
        "Far hadde prostatakreft.",
        "Mor døde av brystkreft.",
        # a relative with an aside before the verb
        "Our aunt (Mam's sister) had breast cancer at 52.",
        "Her father, aged 80, died of colon cancer.",
        # a differential diagnosis, a rule-out
        "Differential includes lichen planus, pemphigoid and (less likely) squamous cell "
        "carcinoma of the palate.",
        "R/o lymphoma - SPEP ordered today.",
        "Lymphoma cannot be ruled out.",
    ],
)
def test_no_cancer_of_the_patient(line: str) -> None:
    note = f"Clinic letter. A 67-year-old woman with dermatomyositis.\n{line}\n"
    assert cancers(note) == []


# --------------------------------------------------------------------------- purpose clause
GALLBLADDER = [("gallbladder", "other")]


@pytest.mark.parametrize(
    ("note", "expected_cancers"),
    [
        (
            "We present a case of a 71-year-old male with dermatomyositis associated with "
            "gallbladder cancer to emphasize the need for work-up in patients with myopathies.",
            GALLBLADDER,
        ),
        (
            "We report a 71-year-old man with dermatomyositis and gallbladder cancer in order to "
            "highlight the risk of cancer in patients with myositis.",
            GALLBLADDER,
        ),
        (
            "We describe a 71-year-old male with dermatomyositis and gallbladder cancer to draw "
            "attention to cancer screening in these patients.",
            GALLBLADDER,
        ),
        # Spanish, French, Portuguese, Italian: the purpose verb after para / pour / per
        (
            "Presentamos el caso de un hombre de 71 años con dermatomiositis para destacar la "
            "necesidad de estudio en los pacientes con miopatías.",
            [],
        ),
        (
            "Nous rapportons le cas d'un homme de 71 ans atteint de dermatomyosite pour souligner "
            "la nécessité d'un dépistage chez les patients atteints de myopathies.",
            [],
        ),
        (
            "Apresentamos o caso de um homem de 71 anos com dermatomiosite para destacar a "
            "necessidade de rastreio nos doentes com miopatias.",
            [],
        ),
        (
            "Presentiamo il caso di un uomo di 71 anni con dermatomiosite per sottolineare la "
            "necessità di screening nei pazienti con miopatie.",
            [],
        ),
    ],
)
def test_a_purpose_clause_leaves_the_case_the_patients(
    note: str, expected_cancers: list[tuple[str, str]]
) -> None:
    assert sex_and_age(note) == ("male", 71)
    assert cancers(note) == expected_cancers


def test_a_statement_about_patients_stays_generic() -> None:
    # no case: the plural "patients" makes the cancer general
    note = "Gallbladder cancer has been reported in patients with dermatomyositis."
    assert cancers(note) == []


def test_a_cited_reports_year_is_no_visit_date() -> None:
    note = (
        "The first report of dermatomyositis with stomach cancer, by Stertz, comes from 1916. "
        "The report presents the case of a 52-year-old woman with dermatomyositis."
    )
    # read on 27 Nov 2026: no century is added to the stated age
    assert sex_and_age(note) == ("female", 52)


# --------------------------------------------------------------------------- form layouts
@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Sex ...................... F", "female"),
        ("Gender . . . . . . . M", "male"),
        ("Sex …… F", "female"),
        ("Sex ______ M", "male"),
        ("Geschlecht ........... weiblich", "female"),
        ("Sexe .......... M", "male"),
        ("Kjønn ......... kvinne", "female"),
        ("Sexo ............ masculino", "male"),
    ],
)
def test_a_dot_leader_between_the_sex_label_and_its_value(field: str, expected: str) -> None:
    note = (
        f"REVIEW TEMPLATE\nClinic date ...... 19-Nov-2026\n{field}\n"
        "Diagnosis ..... dermatomyositis\n"
    )
    assert sex_and_age(note)[0] == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Age ........ 52", 52),
        ("Age . . . . . 47", 47),
        ("Alter ........ 63", 63),
        ("Edad ......... 38", 38),
        # not the age: a stage, a page, a range
        ("Stage ........ 2", None),
        ("Page ........ 12", None),
        ("Age ........ 18 to 80", None),
    ],
)
def test_a_dot_leader_between_the_age_label_and_its_value(field: str, expected: int | None) -> None:
    note = f"REVIEW TEMPLATE\n{field}\nDiagnosis ..... dermatomyositis\n"
    assert sex_and_age(note)[1] == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Sex (1 = male, 2 = female, 9 = not stated) ... 2", "female"),
        ("Sex (1 = male, 2 = female, 9 = not stated): 1", "male"),
        ("Gender: 2 (1=M, 2=F)", "female"),
        ("Geschlecht (1=männlich, 2=weiblich): 2", "female"),
        ("Sexo (1 = masculino; 2 = femenino): 1", "male"),
        # a code its legend calls "not stated", or does not explain: unknown
        ("Sex (1 = male, 2 = female, 9 = not stated) ... 9", "unknown"),
        ("Sex (1 = male, 2 = female): 3", "unknown"),
    ],
)
def test_a_sex_field_coded_by_its_legend(field: str, expected: str) -> None:
    note = f"BIOBANK PHENOTYPE SHEET\nParticipant code ..... KMB-1\n{field}\nDiagnosis: IMNM.\n"
    assert sex_and_age(note)[0] == expected


def _astm(sex: str) -> str:
    return (
        "H|\\^&|||LIS^9.4|||||EPD||P|LIS2-A2|20261110143012\n"
        f"P|1||PID-1||DOE^JANE||19800412|{sex}||Street 1^^Town\n"
        "O|1|S1||^^^CHEM|R|20261109081500|20261109083000||||||?myositis|\n"
        "R|1|^^^CK^Creatine kinase (CK)|4620|U/L|0 to 145|HH||F||||20261109102233\n"
        "R|2|^^^ML16-JO1^Myositis blot: Jo-1|pos +++ (80)|signal|<6|A||F||||20261110141810\n"
        "L|1|N\n"
    )


@pytest.mark.parametrize(("code", "expected"), [("F", "female"), ("M", "male"), ("U", "unknown")])
def test_an_astm_patient_record_gives_sex_and_birth_date(code: str, expected: str) -> None:
    # P-8 birthdate 1980-04-12, P-9 sex; read on 27 Nov 2026: 46 years old
    patient = read(_astm(code)).case.patient
    assert patient.sex.value == expected
    assert patient.birth_date == date(1980, 4, 12)
    assert patient.age == 46


def test_an_astm_result_record_is_a_lab_result() -> None:
    # R-3 local name, R-4 value, R-5 units, R-6 range: CK 4620 U/L above 145
    case = read(_astm("F")).case
    (ck,) = [lab for lab in case.labs if lab.code.value == "ck"]
    assert (ck.value, ck.unit, ck.is_above_uln) == (4620.0, "U/L", True)
    assert {a.code.value: a.result.value for a in case.antibodies}.get("JO1") == "positive"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Subject: Second opinion please - my mother, dermatomyositis\n\nDear Doctor,\n"
            "I am writing because of the rash and weakness.",
            "female",
        ),
        (
            "Dear Doctor,\nI am writing on behalf of my husband, who has dermatomyositis. "
            "His CK was 3,000.",
            "male",
        ),
        (
            "Sehr geehrte Damen und Herren,\nich schreibe Ihnen wegen meinem Vater, der an einer "
            "Dermatomyositis leidet.",
            "male",
        ),
        (
            "Madame, Monsieur,\nje vous écris au sujet de ma mère, atteinte de dermatomyosite.",
            "female",
        ),
        # the patient writes: the relative is the family history, not the patient
        (
            "Dear Doctor,\nI have dermatomyositis. My mother had breast cancer at 60.",
            "unknown",
        ),
        ("Dear Doctor,\nI am worried about my mother's breast cancer and my rash.", "unknown"),
    ],
)
def test_a_relative_writing_about_the_patient(note: str, expected: str) -> None:
    assert sex_and_age(note)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Pasient: [navn], f. 03.12.1967          Bosted: Bergen",
        "Patient: Kari Nordmann, født 3.12.1967",
        "Patientin: Erika Muster, geboren am 03.12.1967",
        "Patient: Anna Svensson, född 1967-12-03",
        "Pacjentka: Anna K., ur. 03.12.1967",
    ],
)
def test_born_abbreviated_before_a_full_date(line: str) -> None:
    patient = read(f"EPIKRISE\n{line}\nDermatomyositt.\n").case.patient
    assert patient.birth_date == date(1967, 12, 3)


def test_an_upper_case_f_is_no_birth_label() -> None:
    # "F." ends a sex field here: the date after it is the visit, not a birth date
    note = "Patient: Kari, sex F. 03.12.2025 seen in clinic with dermatomyositis.\n"
    patient = read(note).case.patient
    assert patient.birth_date is None


# --------------------------------------------------------------------------- a cancer's dates
def _dated(note: str) -> list[tuple[str, date | None, date | None]]:
    return [(t.site.value, t.found_date, t.resected_date) for t in read(note).case.tumours]


@pytest.mark.parametrize(
    "today",
    [
        "Today his cannula was removed.",
        "Today the PICC line was removed.",
        "Removal of the catheter today.",
        "Sutures out today.",
    ],
)
def test_a_cancers_history_dates_it_and_a_device_removal_is_no_resection(today: str) -> None:
    # found and removed by TURBT in March 2016 (the history's date); mentioned again today
    note = (
        "Clinic letter. Date: 19/11/2026\nA 81-year-old man with dermatomyositis.\n\n"
        "Past history:\n"
        "- Bladder cancer: urothelial carcinoma, TURBT March 2016, cystoscopies clear since.\n\n"
        f"{today} Bladder cancer in remission for 10 years.\n"
    )
    assert _dated(note) == [("bladder", date(2016, 3, 1), date(2016, 3, 1))]


def test_a_month_and_year_with_a_hyphen_dates_the_operation() -> None:
    note = (
        "Clinic letter. Date: 19/11/2026\nA 70-year-old man with dermatomyositis.\n\n"
        "Past history:\n- Bladder cancer: TURBT 03-2019, pTa low-grade urothelial carcinoma.\n"
    )
    assert _dated(note) == [("bladder", date(2019, 3, 1), date(2019, 3, 1))]


@pytest.mark.parametrize(
    "scan",
    [
        "CT 28/10/2026: prostatectomy bed unremarkable, no mass.",
        "CT 28/10/2026: post-prostatectomy changes only, no mass.",
    ],
)
def test_an_operations_bed_on_a_scan_is_no_new_resection(scan: str) -> None:
    # the prostate was removed on 14 May 2019; the scan names the operation's place
    note = (
        "Clinic letter. Date: 02/11/2026\nA 74-year-old man with dermatomyositis.\n\n"
        "Past history:\n- Prostate adenocarcinoma, radical prostatectomy 14/05/2019.\n\n"
        f"{scan}\n"
    )
    assert _dated(note) == [("prostate", date(2019, 5, 14), date(2019, 5, 14))]


@pytest.mark.parametrize(
    ("note", "found"),
    [
        # Danish: found on the mammogram of 2 April, removed by lumpectomy on 20 April 2023
        (
            "Klinik brev. Dato: 04.11.2026\nPt. er en 67-årig kvinde med dermatomyositis.\n\n"
            "Tidligere:\n- Mammacancer, venstre bryst, mammografi 02.04.2023; lumpektomi "
            "20.04.2023.\n",
            date(2023, 4, 2),
        ),
        # German, Spanish: no earlier date, so found at the latest when removed
        (
            "Arztbrief. Datum: 04.11.2026\nEine 67-jährige Patientin mit Dermatomyositis.\n\n"
            "Vorgeschichte: Mammakarzinom links, Mastektomie am 20.04.2023.\n",
            date(2023, 4, 20),
        ),
        (
            "Informe. Fecha: 04/11/2026\nMujer de 67 años con dermatomiositis.\n\n"
            "Antecedentes: carcinoma de mama, mastectomía el 20/04/2023.\n",
            date(2023, 4, 20),
        ),
    ],
)
def test_an_operation_in_another_language_removes_the_cancer(note: str, found: date) -> None:
    assert _dated(note) == [("breast", found, date(2023, 4, 20))]


@pytest.mark.parametrize(
    ("site", "line", "resected"),
    [
        # options weighed by a tumour board: no operation was done
        (
            "an 18 mm invasive ductal carcinoma of the left breast",
            "Tumour board 29/10/2026 (segmentectomy vs mastectomy + SLNB).",
            None,
        ),
        (
            "a 35 mm gastric adenocarcinoma",
            "MDT 29/10/2026: gastrectomy versus neoadjuvant chemotherapy first.",
            None,
        ),
        (
            "a 35 mm gastric adenocarcinoma",
            "Comité oncológico 29/10/2026 (gastrectomía subtotal vs. quimioterapia neoadyuvante).",
            None,
        ),
        # the operation done: its date
        ("a 35 mm gastric adenocarcinoma", "Surgery 29/10/2026: gastrectomy.", date(2026, 10, 29)),
    ],
)
def test_an_operation_weighed_against_another_treatment_is_not_done(
    site: str, line: str, resected: date | None
) -> None:
    note = (
        "Clinic letter. Date: 04/11/2026\nA 60-year-old woman with dermatomyositis.\n"
        f"Mammogram and biopsy on 15/10/2026: {site}.\n{line}\n"
    )
    assert [t.resected_date for t in read(note).case.tumours] == [resected]
