"""Skin signs, dysphagia and raised muscle enzymes built by construction (issue #10, i10an).
Every sentence is our own, most in languages the extractor was given no words for (Slovene,
Slovak, Romanian, Afrikaans, Malay, Tagalog, Galician); each expected value worked out by hand.

- the Gottron eponym in any inflection ("Gottronove", "Gottronových") with a papule noun
  (papula/papule/papel stem) is Gottron's papules, with a "sign" noun (signe/semn/znak/徴候)
  Gottron's sign, on either side and with or without a linking word;
- the Greek noun dysphagia by its stem in every script; swallowing made hard by the "swallow"
  stem with a "difficult" word; the cough or choke on drinking (CJK and Romance records);
- "denies" put after the symptom ("Otežano gutanje negira") denies it;
- hyperCKaemia as other languages build it (hiperCKemija, 高CK血症) is a raised CK; per litre
  as an exponent ("U·L-1") is U/L, so the value is judged against its range.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import findings_of, labs_above_uln, labs_coded

HEAD = "Clinic letter. A 52-year-old woman with dermatomyositis.\n"


# --------------------------------------------------------------------------- Gottron eponym
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Status: Gottronove papule nad MCP in PIP sklepi obeh rok.", "gottron_papules"),  # sl
        ("Status: Gottronove papuly nad kĺbmi prstov oboch rúk.", "gottron_papules"),  # sk
        ("Examen: papule Gottron pe articulațiile degetelor.", "gottron_papules"),  # ro
        ("Ondersoek: Gottron-papels oor die kneukels van albei hande.", "gottron_papules"),  # af
        ("Pemeriksaan: papul Gottron pada buku jari kedua tangan.", "gottron_papules"),  # ms
        ("Pagsusuri: may papules ni Gottron sa mga buko ng daliri.", "gottron_papules"),  # tl
        ("Exploración: pápulas de Gottron sobre as articulacións.", "gottron_papules"),  # gl
        ("Exploració: pàpules de Gottron sobre MCF i IFP.", "gottron_papules"),  # ca
        ("Exploració: eritema descamatiu sobre colzes (signe de Gottron).", "gottron_sign"),  # ca
        ("Examen: semnul lui Gottron pe coate și genunchi.", "gottron_sign"),  # ro
        ("Status: Gottronov znak na komolcih in kolenih.", "gottron_sign"),  # sl
        ("身体所見:ゴットロン徴候を認めた。", "gottron_sign"),  # ja
        ("皮疹,Gottron徴候がみられた。", "gottron_sign"),  # ja, the eponym in Latin letters
        ("查体:双手戈特隆丘疹。", "gottron_papules"),  # zh
    ],
)
def test_gottron_eponym_with_a_lesion_noun(line: str, code: str) -> None:
    assert findings_of(HEAD + line).get(code) is True


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Status: bez Gottronových papúl, bez heliotropu.", "gottron_papules"),  # sk: without
        ("Examination: no Gottron's papules over the MCPs.", "gottron_papules"),
    ],
)
def test_gottron_eponym_denied(line: str, code: str) -> None:
    assert findings_of(HEAD + line).get(code) is not True


def test_gottron_stem_needs_its_lesion_noun() -> None:
    # the eponym alone names neither sign nor papules ("Gottronova bolezen" is no lesion)
    got = findings_of(HEAD + "Zdravnik Gottronov je pacientko pregledal včeraj.")
    assert "gottron_papules" not in got and "gottron_sign" not in got


# --------------------------------------------------------------------------- dysphagia
@pytest.mark.parametrize(
    "line",
    [
        "Anamneza: disfagija za trdo hrano od avgusta.",  # sl
        "Anamnéza: dysfágia pri tuhej strave.",  # sk
        "Anamneză: disfagie pentru solide de două luni.",  # ro
        "Geskiedenis: disfagie vir vaste kos.",  # af
        "Sejarah: disfagia sejak dua bulan.",  # ms
        "Anamneza: težave s požiranjem trde hrane.",  # sl, the "swallow" stem
        "Anamnéza: ťažkosti s prehĺtaním.",  # sk
        "Anamneză: dificultăți la înghițire.",  # ro
        "Kasaysayan: hirap sa paglunok ng pagkain.",  # tl
        "Sejarah: sukar menelan makanan.",  # ms
        "La família explica tos quan beu aigua.",  # ca, cough on drinking
        "La familia refiere tos cuando bebe agua.",  # es
        "9月より飲水時のむせあり。",  # ja
        "近一月饮水呛咳。",  # zh
        "主诉:吞咽困难两周。",  # zh
        "現病歴:嚥下障害が出現した。",  # ja
        "Sejarah: batuk ketika minum air.",  # ms
    ],
)
def test_dysphagia_by_stem_and_by_its_description(line: str) -> None:
    assert findings_of(HEAD + line).get("dysphagia") is True


@pytest.mark.parametrize(
    "line",
    [
        "Anamneza: Otežano gutanje negira.",  # hr: denies, after the symptom
        "Anamneza: Težave s požiranjem zanika.",  # sl
        "Anamneză: Disfagie neagă.",  # ro
        "Anamnéza: bez dysfágie.",  # sk: without
        "History: no dysphagia, no dysphonia.",
    ],
)
def test_dysphagia_denied(line: str) -> None:
    assert findings_of(HEAD + line).get("dysphagia") is not True


def test_swallow_study_alone_is_no_dysphagia() -> None:
    # a videofluoroscopy named (嚥下造影) with no aspiration says nothing of a disorder
    assert findings_of(HEAD + "嚥下造影:誤嚥なし。").get("dysphagia") is not True


# --------------------------------------------------------------------------- raised enzymes
@pytest.mark.parametrize(
    "line",
    [
        "Anamneza: dolgoletna hiperCKemija brez težav.",  # sl
        "Anamneză: hiperCKemie cunoscută de trei ani.",  # ro
        "主訴:高 CK 血症。",  # ja
        "既往:高CK血症(669 IU/l)を指摘。",  # ja
        "Anamnese: Hyper-CK-ämie seit Jahren.",  # de
    ],
)
def test_hyperckaemia_built_in_other_languages_is_raised_ck(line: str) -> None:
    assert ("ck", True) in labs_above_uln(HEAD + line)


def test_hyperckaemia_denied_says_nothing() -> None:
    assert ("ck", True) not in labs_above_uln(HEAD + "Status: Nincs hyperCKémie.")


def test_per_litre_as_an_exponent_is_u_per_l() -> None:
    # 771 > 200: raised; the unit "U·L-1" is U/L
    labs = labs_coded(HEAD + "實驗室檢查:肌酸激酶771 U·L-1(40~200 U·L-1)。", "ck")
    assert [(lab.value, lab.unit, lab.upper_limit, lab.is_above_uln) for lab in labs] == [
        (771.0, "U/L", 200.0, True)
    ]


def test_per_litre_exponent_within_range_is_not_raised() -> None:
    # 150 <= 200: not raised
    labs = labs_coded(HEAD + "Laboratorij: CK 150 U L-1 (40-200 U L-1).", "ck")
    assert [(lab.value, lab.unit, lab.is_above_uln) for lab in labs] == [(150.0, "U/L", False)]


def test_hyperckaemia_with_its_own_value_keeps_the_value_raised() -> None:
    # the word judges its value: 2,100 U/L with no range of its own is above the limit
    labs = labs_coded(HEAD + "Known hyperCKaemia (2,100 U/L).", "ck")
    assert [(lab.value, lab.is_above_uln) for lab in labs] == [(2100.0, True)]


def test_rhabdomyolysis_year_is_no_value() -> None:
    # "2019" is a year, not the CK: nothing raised is read for today
    assert ("ck", True) not in labs_above_uln(HEAD + "Rhabdomyolysis 2019 after a marathon.")


# --------------------------------------------------------------------------- joints by stem
@pytest.mark.parametrize(
    "line",
    [
        "Status: eritematozne papule nad interfalangealnimi sklepi obeh rok.",  # sl
        "Pagsusuri: mapupulang papules sa ibabaw ng mga kasukasuang interphalangeal.",  # tl
        "Esame: papule eritematose a livello delle articolazioni interdigitali delle mani.",  # it
        "Pemeriksaan: papul eritematosa di atas sendi metakarpofalangeal.",  # ms
    ],
)
def test_papules_over_finger_joints_named_by_their_latin_stem(line: str) -> None:
    assert findings_of(HEAD + line).get("gottron_papules") is True


def test_interdigital_spaces_are_no_joints() -> None:
    # the webs between the toes are no joint: no Gottron's papules
    got = findings_of(HEAD + "Examination: papules in the interdigital spaces of the toes.")
    assert got.get("gottron_papules") is not True


# --------------------------------------------------------------------------- two visits
def test_flat_lesion_of_an_earlier_dated_visit_is_the_sign_of_that_visit() -> None:
    note = (
        HEAD
        + "Dermatology clinic 12 June 2025: scaly red patches over the knuckles.\n"
        + "Rheumatology clinic 17 March 2026: Gottron's papules over the MCP joints.\n"
    )
    got = findings_of(note)
    assert got.get("gottron_sign") is True and got.get("gottron_papules") is True


def test_loose_rash_of_the_same_history_stays_the_papules() -> None:
    # undated history and an exam: the rash over the knuckles is the papules described loosely
    note = (
        HEAD + "Rash on eyelids and knuckles since May. Examination: Gottron's papules over MCPs."
    )
    got = findings_of(note)
    assert got.get("gottron_papules") is True and got.get("gottron_sign") is not True


# --------------------------------------------------------------------------- guards: relatives
@pytest.mark.parametrize(
    "line",
    [
        "Mati pacientke ima disfagijo.",  # sl: the mother's
        "Moeder het Gottron-papels gehad.",  # af
        "Otec pacientky mal dysfágiu po mŕtvici.",  # sk
    ],
)
def test_a_relatives_sign_is_not_the_patients(line: str) -> None:
    got = findings_of(HEAD + line)
    assert got.get("dysphagia") is not True and got.get("gottron_papules") is not True


def test_the_patients_own_sign_beside_a_relative_named_later_stays() -> None:
    # the dysphagia is hers; the mother is named in another clause, after a full stop
    note = HEAD + "Anamneza: disfagija za trdo hrano od avgusta. Živi sama."
    assert findings_of(note).get("dysphagia") is True
