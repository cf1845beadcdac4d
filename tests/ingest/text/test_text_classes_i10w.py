"""Issue #10 (i10w): records exported from systems rather than written as prose.

A spreadsheet, audit database or EHR report pasted as delimited text: a header line of column
names over one line per record (comma, semicolon, tab or a bare "|"; RFC 4180 quotes, a quoted
cell over two lines). A row per patient is read column by column ("at_dx_heliotrope" = 1 is a
heliotrope rash at diagnosis; "ck_value", "ck_unit", "ck_uln", "ck_date" are one result), a row
per result by its test and result columns, a row per item by its first cell. Rows of several
patients are nobody's facts here; a header without rows, a reference-limit column and a
free-text cell's negation are read for what they are. Every note below is written for this
file; expected values are worked out by hand from the rows.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    UPPER,
    antibody_results,
    dated_antibody_results,
    findings_of,
    read,
)


# ------------------------------------------------------------------ a row per patient
def test_an_audit_row_with_coded_columns_is_read_column_by_column() -> None:
    note = (
        "patient_ref,visit_date,sex,age_at_visit,at_dx_heliotrope,at_dx_gottron_papules,"
        "at_dx_dysphagia,at_dx_mrc_deltoid,at_dx_mrc_hip_flexor,at_dx_mrc_ankle_df,"
        "ab_date,ab_tif1g,ab_nxp2,ab_jo1\n"
        "Q-9,2026-10-05,F,66,1,0,NA,4,3,5,2026-09-01,pos,neg,neg\n"
    )
    result = read(note)
    assert result.case.patient.sex.value == "female"
    assert result.case.patient.age == 66
    got = findings_of(note)
    # 1 = yes, 0 = no; NA (dysphagia) says nothing
    assert got.get("heliotrope_rash") is True
    assert got.get("gottron_papules") is False
    assert "dysphagia" not in got
    # MRC 4 deltoid, 3 hip flexors, 5 ankle dorsiflexion: proximal weakness of arms and legs,
    # the legs weaker proximally than distally (a grade stays a grade, never a coded yes/no)
    assert got.get(UPPER) is True and got.get(LOWER) is True and got.get(LEGS_PROX) is True
    # the panel's date column dates each antibody of the panel
    assert dated_antibody_results(note) == {
        ("TIF1G", "positive", "2026-09-01"),
        ("NXP2", "negative", "2026-09-01"),
        ("JO1", "negative", "2026-09-01"),
    }


def test_a_result_split_over_value_unit_limit_and_date_columns_is_one_result() -> None:
    note = (
        "record,sex,age,ck_date,ck_value,ck_unit,ck_lln,ck_uln\n7,M,59,2026-08-14,2410,U/L,40,190\n"
    )
    (ck,) = [lab for lab in read(note).case.labs if lab.code.value == "ck"]
    assert (ck.value, ck.unit, ck.upper_limit, ck.date) == (2410, "U/L", 190, date(2026, 8, 14))


@pytest.mark.parametrize(
    "note",
    [
        # Spanish column names, semicolons, 1/0
        "id_paciente;sexo;edad;heliotropo;anti_mda5;anti_tif1g\nP-12;F;58;1;neg;pos\n",
        # German column names, tabs, ja/nein
        "Pat-Nr.\tGeschlecht\tAlter\tHeliotropes Erythem\tMDA5\tTIF1-gamma\n"
        "4711\tw\t58\tja\tnegativ\tpositiv\n",
        # a bare "|" between columns, yes/no in English
        "mrn|gender|age|heliotrope_rash|mda5|tif1g\n00123|female|58|yes|negative|positive\n",
    ],
)
def test_a_patient_row_in_other_languages_and_delimiters(note: str) -> None:
    result = read(note)
    assert (result.case.patient.sex.value, result.case.patient.age) == ("female", 58)
    assert findings_of(note).get("heliotrope_rash") is True
    assert antibody_results(note) == {"MDA5": "negative", "TIF1G": "positive"}


@pytest.mark.parametrize(("cell", "present"), [("nein", False), ("nie", False), ("sí", True)])
def test_a_yes_or_no_in_the_forms_language(cell: str, present: bool) -> None:
    note = f"record_id;sex;age;gottron_papules;ck_value\nR1;F;61;{cell};300\n"
    assert findings_of(note).get("gottron_papules") is present


def test_a_quoted_cell_may_hold_commas_a_line_break_and_a_negation() -> None:
    note = (
        "visit,sex,age,exam_notes,mrc_deltoid\n"
        '2026-11-02,F,49,"no heliotrope; Gottron papules over the MCPs,\n'
        'PIP joints and elbows",4\n'
    )
    got = findings_of(note)
    assert got.get("heliotrope_rash") is False  # the cell's own negation
    assert got.get("gottron_papules") is True
    assert got.get(UPPER) is True


def test_an_item_with_its_site_histology_and_diagnosis_date_columns() -> None:
    note = (
        "case_id,sex,age,cancer_yn,cancer_site,cancer_histology,cancer_dx_date\n"
        'C4,M,70,1,prostate,"acinar adenocarcinoma, Gleason 3+4",2026-05-20\n'
    )
    (tumour,) = read(note).case.tumours
    assert (tumour.site.value, tumour.histology.value, tumour.found_date) == (
        "prostate",
        "adenocarcinoma",
        date(2026, 5, 20),
    )


# ------------------------------------------------------------------ a row per result or item
@pytest.mark.parametrize(
    "note",
    [
        "Antibody,Result,Date\nJo-1,neg,2026-10-01\nPL-7,negative,2026-10-01\nTIF1-gamma,POS,"
        "2026-10-01\n",
        "Antibody|Result|Date\nJo-1|neg|2026-10-01\nPL-7|negative|2026-10-01\n"
        "TIF1-gamma|POS|2026-10-01\n",
        "Antigen;Result;Band intensity\nJo-1;neg;0\nPL-7;negative;0\nTIF1-gamma;POS;+++\n",
    ],
)
def test_an_antibody_panel_a_result_a_row(note: str) -> None:
    assert antibody_results(note) == {"JO1": "negative", "PL7": "negative", "TIF1G": "positive"}


def test_reference_limit_columns_are_the_results_range_not_its_value() -> None:
    note = (
        "test,value,unit,lln,uln,date\nCK,1480,U/L,25,200,2026-04-14\nCK,95,U/L,25,200,2026-11-16\n"
    )
    got = sorted((lab.date, lab.value, lab.upper_limit) for lab in read(note).case.labs)
    assert got == [(date(2026, 4, 14), 1480, 200), (date(2026, 11, 16), 95, 200)]


# ------------------------------------------------------------------ guards
def test_rows_of_several_patients_give_none_of_their_values() -> None:
    note = (
        "Audit extract, clinic 18 Nov 2026.\n"
        "id,sex,age,heliotrope_rash,gottron_papules,tif1g\n"
        "A1,F,63,1,1,pos\n"
        "A2,M,55,0,0,neg\n"
    )
    result = read(note)
    assert result.case.findings == [] and result.case.antibodies == []
    assert result.case.patient.sex.value == "unknown"


def test_of_several_patients_the_one_the_note_names_is_read() -> None:
    note = (
        "Audit extract for record A2, clinic 18 Nov 2026.\n"
        "id,sex,age,heliotrope_rash,gottron_papules,tif1g\n"
        "A1,F,63,1,1,pos\n"
        "A2,M,55,0,1,neg\n"
    )
    result = read(note)
    assert (result.case.patient.sex.value, result.case.patient.age) == ("male", 55)
    assert findings_of(note) == {"heliotrope_rash": False, "gottron_papules": True}
    assert antibody_results(note) == {"TIF1G": "negative"}


def test_a_header_without_rows_says_nothing() -> None:
    note = "Age 60.\nrecord_id,sex,age,heliotrope_rash,gottron_papules,tif1g\n"
    result = read(note)
    assert result.case.findings == [] and result.case.antibodies == []
    assert result.case.patient.sex.value == "unknown"


@pytest.mark.parametrize(
    "note",
    [
        # a sentence's list over the next line
        "A 60-year-old woman. Heliotrope rash, Gottron papules, shawl sign, weakness\n"
        "were all absent, and CK, aldolase, LDH were normal at 2 visits.\n",
        # an author line over an affiliation line
        "A. Smith, B. Jones, C. Brown, D. White\n"
        "Department of Dermatology, City Hospital, London, UK\n"
        "A 60-year-old woman with heliotrope rash.\n",
    ],
)
def test_prose_with_commas_is_no_table(note: str) -> None:
    from myositis_cds.ingest.text._records import linearise_record

    assert linearise_record(note) is None


def test_a_measured_column_keeps_its_number() -> None:
    # 1 under an MRC column is a grade (a flicker of contraction), never "present"
    note = "record_id,sex,age,mrc_deltoid,mrc_wrist_extensors\nR1,F,61,1,5\n"
    assert findings_of(note).get(UPPER) is True


# ------------------------------------------------------------------ a form's wrapped list
@pytest.mark.parametrize(
    "note",
    [
        "Serology: Ro52 ++; Jo-1, PL-7, PL-12,\nEJ, OJ negative.",
        "Myositis blot: MDA5 positive, Jo-1,\nPL-7, PL-12, EJ and OJ negative.",
        "Antibodies tested (all negative): Jo-1, PL-7,\nPL-12, EJ, OJ.",
    ],
)
def test_a_list_wrapped_after_its_comma_goes_on(note: str) -> None:
    got = antibody_results(note)
    assert {code: got.get(code) for code in ("JO1", "PL7", "PL12", "EJ", "OJ")} == dict.fromkeys(
        ("JO1", "PL7", "PL12", "EJ", "OJ"), "negative"
    )


# ------------------------------------------------------------------ a field answered no
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Clinic 18 Nov 2026. Woman, 60.\nDysphagia: no\nHeliotrope rash: yes\n",
            {"dysphagia": False, "heliotrope_rash": True},
        ),
        # the "no" ends its field: it negates nothing after it
        (
            "Clinic 18 Nov 2026. Woman, 60.\nDysphagia: no. Heliotrope rash: present.\n",
            {"dysphagia": False, "heliotrope_rash": True},
        ),
        (
            "Clinic 18 Nov 2026. Woman, 60.\nShawl sign: N\nRaynaud? No\nGottron papules: Y\n",
            {"shawl_sign": False, "raynaud": False, "gottron_papules": True},
        ),
        (
            "Clinic 18 Nov 2026. Woman, 60.\nDysphagie: nein\nHeliotropes Erythem: ja\n",
            {"dysphagia": False, "heliotrope_rash": True},
        ),
        (
            "Clinic 18 Nov 2026. Woman, 60.\nDisfagia: no\nRaynaud: sí\n",
            {"dysphagia": False, "raynaud": True},
        ),
        # two fields on one line: the no is the second field's only
        (
            "Clinic 18 Nov 2026. Woman, 60.\nHeliotrope rash: yes, dysphagia: no\n",
            {"heliotrope_rash": True, "dysphagia": False},
        ),
        # ... but a list before one colon is one field
        (
            "Clinic 18 Nov 2026. Woman, 60.\nDysphagia, shawl sign: no\n",
            {"dysphagia": False, "shawl_sign": False},
        ),
        # ... and a sentence's comma before the next sentence's label is no field's end
        (
            "Clinic 18 Nov 2026. Woman, 60. Nailfolds: dilated capillaries, no ulcers. "
            "Bloods: CK 2140 U/L.\n",
            {"cutaneous_ulceration": False},
        ),
        # "no" that opens the answer still negates forward as before
        (
            "Clinic 18 Nov 2026. Woman, 60.\nSkin: no heliotrope rash; Gottron papules present.\n",
            {"heliotrope_rash": False, "gottron_papules": True},
        ),
    ],
)
def test_a_labelled_field_answered_no(note: str, expected: dict[str, bool]) -> None:
    got = findings_of(note)
    assert {code: got.get(code) for code in expected} == expected


# ------------------------------------------------------------------ a month-first day
@pytest.mark.parametrize(
    ("note", "when"),
    [
        ("Meeting: 18 Nov 2026.\nSerology (drawn Oct 29): anti-Jo-1 negative.", "2026-10-29"),
        ("Clinic 18 Nov 2026. Bloods of Sept 3rd: anti-TIF1γ positive.", "2026-09-03"),
        ("Clinic 18 Nov 2026. Line blot sent Nov 2: anti-MDA5 positive.", "2026-11-02"),
    ],
)
def test_a_month_first_day_without_its_year_takes_the_notes_year(note: str, when: str) -> None:
    ((_, _, got),) = dated_antibody_results(note)
    assert got == when


@pytest.mark.parametrize(
    "note",
    [
        "Clinic 18 Nov 2026. He may 5 times a day feel weak; anti-Jo-1 negative.",
        "Clinic 18 Nov 2026. Prednisolone May 5 mg daily; anti-Jo-1 negative.",
        "Clinic 18 Nov 2026. IVIG Jun 2 cycles given; anti-Jo-1 negative.",
    ],
)
def test_a_month_name_before_a_dose_count_or_the_modal_may_is_no_date(note: str) -> None:
    ((_, _, got),) = dated_antibody_results(note)
    assert got == "2026-11-18"


# ------------------------------------------------------------------ a grid with unit and range
@pytest.mark.parametrize(
    "note",
    [
        # a markdown export: its rule line under the header
        "Clinic 20/11/2026.\n| Test | 14/04/2026 | 16/11/2026 | Units | Ref |\n"
        "|------|------------|------------|-------|-----|\n"
        "| CK   | 1,480      | 95         | IU/L  | 25-200 |\n",
        # spaced columns, the range before the unit
        "Clinic 20/11/2026.\nResults    14-Apr-26    16-Nov-26    Reference    Unit\n"
        "CK         1480         95           25-200       U/L\n",
    ],
)
def test_a_grid_of_dates_with_unit_and_range_columns(note: str) -> None:
    got = sorted((lab.date, lab.value, lab.upper_limit) for lab in read(note).case.labs)
    assert got == [(date(2026, 4, 14), 1480, 200), (date(2026, 11, 16), 95, 200)]


def test_a_grid_whose_other_column_is_no_unit_or_range_is_not_read_as_one() -> None:
    # "Comment" is neither: the dates and values are left to the prose readers
    from myositis_cds.ingest.text._records import linearise_record

    note = "Test  14/04/2026  16/11/2026  Comment\nCK    1480        95          falling\n"
    assert linearise_record(note) is None


# ------------------------------------------------------------------ tick boxes
@pytest.mark.parametrize(
    ("line", "sex"),
    [
        ("Gender: [x] Female  [ ] Male", "female"),
        ("Sex: Male [ ]  Female [x]", "female"),  # the box after its option
        ("Gender   ☐ Male   ☒ Female", "female"),
        ("Sex:  [ ] M   [X] F     DOB: 03/03/1972", "female"),
        ("Geschlecht: [x] weiblich [ ] männlich", "female"),
        ("Sexo: ( ) feminino (x) masculino", "male"),
        ("Sex at birth: F", "female"),
        ("Sex assigned at birth: male", "male"),
        ("Sex: [ ] Male [ ] Female", "unknown"),  # unanswered: not a choice
    ],
)
def test_the_sex_ticked_on_a_form(line: str, sex: str) -> None:
    note = f"Clinic 18 Nov 2026. Age 54.\n{line}\n"
    assert read(note).case.patient.sex.value == sex


def test_a_question_answered_by_a_tick_on_its_line() -> None:
    note = (
        "Clinic 18 Nov 2026. Woman, 54.\n"
        "Difficulty swallowing? [ ] yes [x] no\n"
        "Rash on the eyelids? [x] yes [ ] no\n"
        "Dysfagia: ( ) sí (x) no\n"
    )
    got = findings_of(note)
    assert (got.get("dysphagia"), got.get("heliotrope_rash")) == (False, True)


def test_a_checklist_without_a_label_keeps_its_own_key() -> None:
    # each box marks its own item (the form's key: ticked present, empty absent): not a choice
    from myositis_cds.ingest.text._records import linearise_record

    note = (
        "   ☒ Heliotrope            ☒ Gottron papules       ☐ Shawl sign\n"
        "   Myalgia ☐   Dysphagia ☐\n"
    )
    assert linearise_record(note) is None


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "Since your last visit have you had ...     Yes   No\n"
            "   muscle aches?                            [x]   [ ]\n"
            "   weight loss you did not intend?          [ ]   [x]\n"
            "   fingers turning white in the cold?       [x]   [ ]\n",
            {"myalgia": True, "weight_loss": False, "raynaud": True},
        ),
        (
            "Symptome seit dem letzten Besuch           Ja    Nein\n"
            "   Schluckbeschwerden                       ☐     ☒\n"
            "   Muskelschmerzen                          ☒     ☐\n",
            {"dysphagia": False, "myalgia": True},
        ),
    ],
)
def test_a_questionnaire_ticked_under_yes_and_no(rows: str, expected: dict[str, bool]) -> None:
    got = findings_of("Clinic 18 Nov 2026. Woman, 54.\n" + rows)
    assert {code: got.get(code) for code in expected} == expected


# ------------------------------------------------------------------ rows of one patient's visits
@pytest.mark.parametrize(
    "note",
    [
        "mrn,visit_date,sex,age,ck,crp\n123,2026-01-05,F,61,1200,5\n123,2026-03-05,F,61,800,3\n",
        "Sample date\tCK\tCRP\n2026-01-05\t1200\t5\n2026-03-05\t800\t3\n",
    ],
)
def test_each_visit_row_dates_its_own_results(note: str) -> None:
    got = sorted((lab.code.value, lab.date, lab.value) for lab in read(note).case.labs)
    assert got == [
        ("ck", date(2026, 1, 5), 1200),
        ("ck", date(2026, 3, 5), 800),
        ("crp", date(2026, 1, 5), 5),
        ("crp", date(2026, 3, 5), 3),
    ]


def test_an_identifier_column_is_never_a_coded_yes_or_no() -> None:
    # record 1 and record 0 are numbers, not "present" and "absent"
    from myositis_cds.ingest.text._records import linearise_record

    written = linearise_record("id;sex;age;heliotrope\n1;F;61;yes\n")
    assert written is not None
    assert "Id: 1." in written.text and "Heliotrope: present." in written.text


# ------------------------------------------------------------------ a problem or medication list
def test_a_problem_list_export_gives_onset_and_diagnosis() -> None:
    note = (
        "Summary export 20/11/2026. Patient: F | DOB: 22/07/1958\n"
        "| # | Problem          | Onset   | Diagnosed  | Status |\n"
        "|---|------------------|---------|------------|--------|\n"
        "| 1 | Dermatomyositis  | 01/2026 | 19/03/2026 | Active |\n"
        "| 2 | Hypothyroidism   | 2009    |            | Active |\n"
    )
    case = read(note).case
    assert (case.onset_date, case.diagnosis_date) == (date(2026, 1, 1), date(2026, 3, 19))


def test_a_relatives_row_stays_the_relatives() -> None:
    note = (
        "Summary export 20/11/2026. Patient: F, 68.\n"
        "| Relative | Condition     | Age at onset |\n"
        "|----------|---------------|--------------|\n"
        "| Mother   | Breast cancer | 61           |\n"
    )
    assert read(note).case.tumours == []


def test_a_medication_list_export_gives_each_course_its_dates() -> None:
    note = (
        "Summary export 20/11/2026. Woman, 68.\n"
        "| Drug               | Dose   | Route | Start      | Stop       |\n"
        "|--------------------|--------|-------|------------|------------|\n"
        "| Hydroxychloroquine | 200 mg | PO    | 02/05/2026 |            |\n"
        "| IVIG               | 2 g/kg | IV    | 12/05/2026 | 18/09/2026 |\n"
    )
    got = {(t.drug, t.start, t.stop) for t in read(note).case.treatments}
    assert got == {
        ("hydroxychloroquine", date(2026, 5, 2), None),
        ("intravenous immunoglobulin", date(2026, 5, 12), date(2026, 9, 18)),
    }


def test_a_unit_printed_in_the_range_column_is_the_results_unit() -> None:
    note = (
        "Clinic 08/10/2026. Woman, 58.\n"
        "| Test | Result | Ref range   |\n"
        "| CRP  | 0.9    | < 1.0 mg/dL |\n"
    )
    (crp,) = read(note).case.labs
    # 0.9 mg/dL is 9 mg/L, below the limit of 1.0 mg/dL (10 mg/L)
    assert (crp.value, crp.unit, crp.upper_limit) == (9.0, "mg/L", 10.0)


def test_a_spreadsheets_byte_order_mark_is_no_part_of_the_first_column() -> None:
    note = "\ufeffsex,age,heliotrope_rash\nF,60,1\n"
    result = read(note)
    assert (result.case.patient.sex.value, result.case.patient.age) == ("female", 60)
    assert findings_of(note) == {"heliotrope_rash": True}


@pytest.mark.parametrize(
    "note",
    [
        'sex,age,heliotrope\n"F,60,1\n',  # a quote left open
        "sex,age,heliotrope\nF,60\nM,70,1\n",  # a short row ends the table
        '"' * 3000,
        ",".join(f"c{i}" for i in range(400)) + "\n" + ",".join("1" for _ in range(400)),
    ],
)
def test_broken_or_huge_tables_are_read_without_error(note: str) -> None:
    from myositis_cds.ingest.text._records import linearise_record

    linearise_record(note)  # no exception, in bounded time


# ------------------------------------------------------------------ a date-of-birth column
@pytest.mark.parametrize(
    "note",
    [
        "fecha_visita;fecha_nacimiento;sexo\n20/11/2026;22/07/1958;mujer\n",
        "Besuchsdatum\tGeburtsdatum\tGeschlecht\n20.11.2026\t22.07.1958\tweiblich\n",
        "visit_date,birth_date,sex\n2026-11-20,1958-07-22,F\n",
        "Clinic 20/11/2026.\nData urodzenia: 22.07.1958\nPłeć: K\n",
    ],
)
def test_a_date_of_birth_field_in_the_forms_language(note: str) -> None:
    patient = read(note).case.patient
    # born 22 July 1958: 68 on 20 Nov 2026
    assert (patient.birth_date, patient.age, patient.sex.value) == (date(1958, 7, 22), 68, "female")


@pytest.mark.parametrize(
    "row",
    [
        "P1,M,50,+,-,FALSE,TRUE",
        "P1,M,50,pos,neg,0,1",
        "P1,M,50,positive,negative,no,yes",
    ],
)
def test_coded_results_under_antibody_and_finding_columns(row: str) -> None:
    note = f"id,sex,age,anti_mda5,anti_tif1g,gottron_papules,heliotrope_rash\n{row}\n"
    assert antibody_results(note) == {"MDA5": "positive", "TIF1G": "negative"}
    assert findings_of(note) == {"gottron_papules": False, "heliotrope_rash": True}
