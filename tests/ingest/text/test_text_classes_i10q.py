"""Records read by how they are produced (issue #10, session of 1 Dec 2026, worktree i10-text17).

- SNOMED CT coded entries ("<SCTID> |<term> (<tag>)|" with status attributes), recognised by
  the identifier's Verhoeff check digit and partition; LOINC-coded result rows by the code's
  mod-10 check digit; key=value form fields ("heliotrope_rash=Y | neck_flexion=4/5");
- an HL7 CDA R2 document (header sex and birth time, section narrative, result tables, coded
  observations);
- results grids (a row per date and a column per test with its limit; a row per result under
  role headers) and forms ticked under Positive/Negative columns;
- blot reports: result labels that head their line ("NOT DETECTED: ..."), a bare list under a
  labelled result, a list's result before the panel it came from, corrected reports;
- a cancer's organ from the organ's own reporting terms (BI-RADS, B5b, ER/PR);
- a sample's date over the report's date.

Every note is our own; the expected values are read off the text by hand."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._records import loinc_is_valid, sctid_is_concept
from tests.ingest.text.helpers import antibody_results, findings_of, read

_HEAD = "Clinic letter 20/11/2026. 61-year-old woman with suspected dermatomyositis.\n"


# --------------------------------------------------------------------------- code structure
# SCTIDs checked by hand with the Verhoeff tables: 24700007 (multiple sclerosis), 22298006
# (myocardial infarction) are concept ids; the same digits with the last changed are not; a
# description id (partition 01) is not a concept.
@pytest.mark.parametrize(
    ("digits", "concept"),
    [
        ("24700007", True),
        ("22298006", True),
        ("24700008", False),
        ("22298005", False),
        ("12345", False),  # too short
        ("1234567011", False),  # partition "01": a description
    ],
)
def test_snomed_concept_ids_by_their_check_digit(digits: str, concept: bool) -> None:
    assert sctid_is_concept(digits, ["00", "10"]) is concept


# LOINC mod-10 by hand: 718-7 (haemoglobin): 8*2=16->7, 1, 7*2=14->5 -> 13 -> 7. 2345-7
# (glucose): 5*2=10->1, 4, 3*2=6, 2 -> 13 -> 7.
@pytest.mark.parametrize(
    ("code", "valid"),
    [("718-7", True), ("2345-7", True), ("718-6", False), ("2345-1", False), ("07-12", False)],
)
def test_loinc_codes_by_their_check_digit(code: str, valid: bool) -> None:
    assert loinc_is_valid(code) is valid


# --------------------------------------------------------------------------- coded lines
_CODED = (
    "GP REFERRAL (structured)\n"
    "Seen: 2026-11-18\n"
    "24700007 |Multiple sclerosis (disorder)|   status=refuted\n"
    "22298006 |Myocardial infarction (disorder)|   status=entered-in-error\n"
    "[EXAM]\n"
    "heliotrope_rash=Y | gottron_papules=N | shawl_sign=not_examined\n"
    "neck_flexion=3/5 | neck_extension=5/5\n"
    "hip_flexion=4/5 R, 4/5 L | ankle_dorsiflexion=5/5 R, 5/5 L\n"
)


def test_key_value_fields_are_read_as_a_form() -> None:
    found = findings_of(_HEAD + _CODED)
    assert found.get("heliotrope_rash") is True
    assert found.get("gottron_papules") is False
    assert "shawl_sign" not in found  # not examined: not stated, not absent
    assert found.get("neck_flexors_weaker_than_extensors") is True
    assert found.get("weakness_proximal_lower") is True
    assert found.get("legs_proximal_weaker_than_distal") is True


@pytest.mark.parametrize(
    ("line", "code", "present"),
    [
        ("40739000 |Dysphagia (disorder)|  status=active", "dysphagia", True),
        ("40739000 |Dysphagia (disorder)|  status=refuted", "dysphagia", False),
        ("40739000 |Dysphagia (disorder)|  status=entered-in-error", "dysphagia", None),
        # the same line with a wrong check digit is no code: read as it is written, and the
        # status words then say nothing
        ("40739001 |Dysphagia (disorder)|  status=refuted", "dysphagia", True),
    ],
)
def test_snomed_problem_entries_with_their_status(line: str, code: str, present: object) -> None:
    assert findings_of(_HEAD + "Problems:\n" + line + "\n").get(code) is present


def test_loinc_coded_rows_lose_their_code() -> None:
    note = _HEAD + "[RESULTS]\n2157-6  Creatine kinase   2480 U/L   ref 30-200   H\n"
    labs = read(note).case.labs
    assert [(lab.code.value, lab.value, lab.upper_limit) for lab in labs] == [("ck", 2480.0, 200.0)]


# --------------------------------------------------------------------------- CDA
_CDA = """<?xml version="1.0"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <title>Clinic Letter</title>
  <effectiveTime value="20261115"/>
  <recordTarget><patientRole><patient>
    <administrativeGenderCode code="M" displayName="Male"/>
    <birthTime value="19600310"/>
  </patient></patientRole></recordTarget>
  <component><structuredBody>
    <component><section>
      <title>Examination</title>
      <text><paragraph>Heliotrope rash present. No Gottron&apos;s papules.</paragraph></text>
    </section></component>
    <component><section>
      <title>Results</title>
      <text><table>
        <thead><tr><th>Test</th><th>Result</th><th>Reference</th><th>Date</th></tr></thead>
        <tbody>
          <tr><td>CK</td><td>1450 U/L</td><td>&lt;190</td><td>20261112</td></tr>
          <tr><td>Anti-NXP2</td><td>positive</td><td/><td>20261112</td></tr>
        </tbody>
      </table></text>
      <entry><observation classCode="OBS" moodCode="EVN">
        <code code="33571-1" displayName="Anti-Jo-1 antibody"/>
        <effectiveTime value="20261112"/>
        <value xsi:type="CD" code="260385009" displayName="Negative"/>
      </observation></entry>
    </section></component>
  </structuredBody></component>
</ClinicalDocument>
"""


def test_a_cda_document_gives_its_patient_and_results() -> None:
    case = read(_CDA).case
    assert case.patient.sex is not None and case.patient.sex.value == "male"
    assert str(case.patient.birth_date) == "1960-03-10"
    assert [(lab.code.value, lab.value, lab.upper_limit) for lab in case.labs] == [
        ("ck", 1450.0, 190.0)
    ]
    assert str(case.labs[0].date) == "2026-11-12"
    results = {a.code.value: a.result.value for a in case.antibodies}
    assert results == {"NXP2": "positive", "JO1": "negative"}
    found = {f.code.value: f.present for f in case.findings}
    assert found.get("heliotrope_rash") is True
    assert found.get("gottron_papules") is False


def test_xml_that_is_no_cda_document_is_read_as_text() -> None:
    note = _HEAD + "<p>Heliotrope rash.</p>\n"
    assert findings_of(note).get("heliotrope_rash") is True


# --------------------------------------------------------------------------- grids
_MONITORING = (
    "Date        Hb    ALT(<40)   CK(<180)   Action\n"
    "03-Feb-26   128   35         420        start\n"
    "17-Mar-26   131   52         150        continue\n"
)


def test_a_monitoring_grid_gives_each_result_its_date_and_limit() -> None:
    labs = read(_HEAD + _MONITORING).case.labs
    got = sorted((lab.code.value, str(lab.date), lab.value, lab.upper_limit) for lab in labs)
    assert got == [
        ("alt", "2026-02-03", 35.0, 40.0),
        ("alt", "2026-03-17", 52.0, 40.0),
        ("ck", "2026-02-03", 420.0, 180.0),
        ("ck", "2026-03-17", 150.0, 180.0),
    ]


def test_a_table_of_one_result_a_row_under_role_headers() -> None:
    note = _HEAD + (
        "RESULTS\n"
        " Date         Test               Result     Ref range   Flag\n"
        " 09-Nov-2026  Creatine kinase    2210 U/L   25-200      H\n"
        " 09-Nov-2026  Aldolase           14.1 U/L   <7.6        H\n"
    )
    labs = read(note).case.labs
    got = sorted((lab.code.value, str(lab.date), lab.value, lab.upper_limit) for lab in labs)
    assert got == [("aldolase", "2026-11-09", 14.1, 7.6), ("ck", "2026-11-09", 2210.0, 200.0)]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "Antibody      Positive   Negative\nMi-2          X\nSRP                      X\n",
            {"MI2": "positive", "SRP": "negative"},
        ),
        (
            "| Antibody | Positive | Negative |\n|---|---|---|\n| PL-12 | | x |\n| Ku | | |\n",
            {"PL12": "negative"},  # an unticked row is untested
        ),
    ],
)
def test_a_form_ticked_under_result_columns(table: str, expected: dict[str, str]) -> None:
    assert antibody_results(_HEAD + "Myositis antibodies:\n" + table) == expected


# --------------------------------------------------------------------------- blot reports
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # result labels head their lines, whatever date the header gives
        (
            "Immunoblot, issued 2026-11-02:\n  DETECTED: SAE1\n  NOT DETECTED: MDA5, Ku\n",
            {"SAE1": "positive", "MDA5": "negative", "KU": "negative"},
        ),
        # a list's result, then the panel it came from: the others stay untested
        (
            "Anti-SRP and anti-PL-12 negative (myositis immunoblot, 10/2026).",
            {
                "SRP": "negative",
                "PL12": "negative",
            },
        ),
        # a panel whose result labels a list: the list's
        ("Myositis screen: Negative: Jo-1, OJ.", {"JO1": "negative", "OJ": "negative"}),
        # a bare list under a labelled result; a blank line ends it
        (
            "Extended myositis panel negative:\nMi-2\nEJ\n\nSRP requested.",
            {"MI2": "negative", "EJ": "negative"},
        ),
        # the panel's own verdict still gives every member
        ("Myositis antibody panel: negative.", None),
        # a corrected report: the corrected result wins
        (
            "Anti-NXP2 negative (earlier report of positive was issued in error).",
            {"NXP2": "negative"},
        ),
        ("Anti-Mi-2: positive; previously negative.", {"MI2": "positive"}),
        # two results each with its own colon, the second after the first's result word
        ("anti-PL-7: negative, anti-Jo-1: negative.", {"PL7": "negative", "JO1": "negative"}),
    ],
)
def test_blot_reports(text: str, expected: dict[str, str] | None) -> None:
    got = antibody_results(_HEAD + text)
    if expected is None:  # the whole panel: 14 antibodies, each negative
        assert len(got) == 14 and set(got.values()) == {"negative"}
    else:
        assert got == expected


def test_the_sample_date_dates_the_result_not_the_report_date() -> None:
    note = (
        _HEAD + "Myositis blot - sampled 2026-10-20, reported 2026-10-27:\n  POSITIVE: TIF1-gamma\n"
    )
    antibodies = read(note).case.antibodies
    assert [(a.code.value, str(a.date)) for a in antibodies] == [("TIF1G", "2026-10-20")]


def test_a_dated_strength_grade_at_diagnosis_is_the_presentation() -> None:
    note = (
        "M&M summary, 12 November 2026. Woman, 70.\n"
        "Diagnosis: dermatomyositis (diagnosed September 2025).\n"
        "AT DIAGNOSIS (Sept 2025): MRC 4/5 hip flexion and shoulder abduction bilaterally."
    )
    found = findings_of(note)
    assert found.get("weakness_proximal_upper") is True
    assert found.get("weakness_proximal_lower") is True


# --------------------------------------------------------------------------- reporting systems
_REPORT = (
    "IMAGING REPORT 2026-11-03\n58-year-old woman.\nIMPRESSION: {system}.\nHistology: {cancer}.\n"
)


@pytest.mark.parametrize(
    ("system", "cancer", "site"),
    [
        # pathology's own terms in the cancer's sentence (the category is benign)
        ("BI-RADS 2", "adenocarcinoma; ER 7/8, PR 5/8", "breast"),
        ("BI-RADS 2", "invasive adenocarcinoma, B5b", "breast"),
        # no pathology term: a suspicious category names the organ
        ("BI-RADS 5", "adenocarcinoma, grade 2", "breast"),
        ("PI-RADS 5 lesion", "adenocarcinoma, grade 2", "prostate"),
        ("BI-RADS 6", "adenocarcinoma, grade 2", "breast"),
        # a benign category says nothing: a cancer without a site is recorded as "other"
        ("BI-RADS 2", "adenocarcinoma, grade 2", "other"),
        ("BI-RADS 3", "adenocarcinoma, grade 2", "other"),
        # two organs' suspicious categories: not decided
        ("BI-RADS 5 and PI-RADS 5", "adenocarcinoma, grade 2", "other"),
    ],
)
def test_a_cancer_without_a_site_takes_the_organ_it_was_reported_in(
    system: str, cancer: str, site: str
) -> None:
    tumours = read(_REPORT.format(system=system, cancer=cancer)).case.tumours
    assert [t.site.value for t in tumours] == [site]


def test_a_relatives_suspicious_category_is_not_the_patients() -> None:
    note = (
        "Clinic 2026-11-03\n58-year-old woman.\nFamily history: her sister's mammogram was "
        "BI-RADS 5.\nHistology: adenocarcinoma, grade 2.\n"
    )
    assert [t.site.value for t in read(note).case.tumours] == ["other"]


# --------------------------------------------------------------------------- what stays as written
@pytest.mark.parametrize(
    "text",
    [
        "Codes: Y = yes  N = no  ND = not done\n",  # a legend: codes, not fields
        "    Mi-2   NEG    SRP   NEG\n    Jo-1   NEG    EJ    NEG\nNext item\n",  # result pairs
        "Plan: review in 6/52.\n",
    ],
)
def test_lines_that_are_no_record_stay_as_written(text: str) -> None:
    from myositis_cds.ingest.text._records import linearise_record

    assert linearise_record(_HEAD + text) is None


def test_paired_results_on_two_lines_are_all_read() -> None:
    note = _HEAD + "Line blot:\n    Mi-2   NEG    SRP   NEG\n    Jo-1   NEG    EJ    POS\n"
    assert antibody_results(note) == {
        "MI2": "negative",
        "SRP": "negative",
        "JO1": "negative",
        "EJ": "positive",
    }


# --------------------------------------------------------------------------- family history scope
@pytest.mark.parametrize(
    "text",
    [
        "Family history: mother died of ovarian cancer aged 60.\n",
        "Her father's lung adenocarcinoma was resected in 2019.\n",
        "Family history: brother - colorectal adenocarcinoma, 35 mm, resected 2020.\n",
        "Maternal aunt (58): ovarian adenocarcinoma, 40 mm.\n",
        "Relatives: sister - breast carcinoma 22 mm; father - prostate adenocarcinoma.\n",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(text: str) -> None:
    assert read(_HEAD + text).case.tumours == []


def test_the_patients_own_cancer_beside_a_relatives_is_kept() -> None:
    note = _HEAD + "Mother: breast cancer at 45.\nCT: 31 mm adenocarcinoma of the sigmoid colon.\n"
    assert [t.site.value for t in read(note).case.tumours] == ["colon"]
