"""Published case reports: the sentence that introduces the case, the turn from patients in
general to this patient, an antibody that names the patient's syndrome (issue #10, i10at).

Classes, each tested with sentences we wrote in several languages and layouts, and guards:

* the sentence of a title, abstract or introduction that introduces the case ("We report a
  rare case of DM in a patient with breast cancer", "Se reporta un raro caso de ...",
  "Predstavljamo primer bolnice z ...", "现将本院收治的1例...报道如下") names the patient's
  cancer (rules/patterns.yaml ``case_introduction``); a review of published cases, a
  relative's cancer and a cancer ruled out stay out;
* the comparison that turns from patients in general to this patient ("..., as was the case
  of this patient, who had an ovarian tumour", "como fue el caso de esta paciente", "wie bei
  unserer Patientin") ends the general statement's scope (rules/context.yaml, i10at), and the
  cancer named after it is the patient's (facts/tumours.py ``_past_the_turn``).

Expected values worked out by hand from the sentences (the site each names; a cancer named with
no histology is recorded with histology "other", the schema's unspecified kind).
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import (
    LEGS_PROX,
    LOWER,
    UPPER,
    antibody_results,
    strength_items,
    tumour_sites,
)


def sites(note: str) -> set[str]:
    return {site for site, _ in tumour_sites(note)}


# ------------------------------------------------------ the sentence introducing the case
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # English: the cancer named only in the introduction's case sentence
        (
            "Introduction\nDermatomyositis is associated with cancer. We report a rare case of "
            "dermatomyositis in a patient with infiltrating ductal breast cancer.\n\n"
            "Case report\nA 50-year-old woman with proximal weakness.",
            {"breast"},
        ),
        # Spanish: the impersonal "se reporta" / first person "presentamos"
        (
            "Introducción\nLa dermatomiositis se asocia a neoplasias. Se reporta un raro caso "
            "de polimiositis como presentación inusual de cáncer de pulmón.\n\n"
            "Caso clínico\nMujer de 50 años con debilidad proximal.",
            {"lung"},
        ),
        (
            "Introducción\nLa dermatomiositis se asocia a neoplasias. Presentamos el caso de "
            "una mujer con dermatomiositis y cáncer de mama.\n\n"
            "Caso clínico\nMujer de 50 años con debilidad proximal.",
            {"breast"},
        ),
        # Italian and German, the verb and the case's singular noun
        (
            "Introduzione\nLa dermatomiosite è rara. Presentiamo il caso di una paziente con "
            "dermatomiosite e carcinoma ovarico.\n\nCaso clinico\nDonna di 60 anni.",
            {"ovary"},
        ),
        (
            "Einleitung\nDie Dermatomyositis ist selten. Wir berichten über den Fall einer "
            "Patientin mit Dermatomyositis und Ovarialkarzinom.\n\nFallbericht\n"
            "Eine 60-jährige Frau.",
            {"ovary"},
        ),
        # languages the extractor has no case-report words for before this round: Slovene,
        # Romanian, Afrikaans, Malay, Turkish (the object before its verb), Ukrainian, Serbian
        (
            "Uvod\nDermatomiozitis je redka bolezen. Predstavljamo primer bolnice z "
            "dermatomiozitisom in rakom dojke.\n\nPrikaz primera\nBolnica, stara 50 let.",
            {"breast"},
        ),
        (
            "Introducere\nDermatomiozita este rară. Prezentăm cazul unei paciente cu "
            "dermatomiozită și cancer mamar.\n\nPrezentarea cazului\nPacientă de 50 de ani.",
            {"breast"},
        ),
        (
            "Inleiding\nDermatomiositis is 'n seldsame siekte. Ons beskryf 'n geval van 'n vrou "
            "met dermatomiositis en longkanker.\n\nGevalverslag\n'n 50-jarige vrou.",
            {"lung"},
        ),
        (
            "Pendahuluan\nDermatomiositis adalah penyakit jarang. Kami melaporkan satu kes "
            "wanita dengan dermatomiositis dan kanser payudara.\n\nLaporan kes\n"
            "Wanita berumur 50 tahun.",
            {"breast"},
        ),
        (
            "Giriş\nDermatomiyozit nadir bir hastalıktır. Meme kanseri ile birlikte "
            "dermatomiyozit gelişen bir olguyu sunuyoruz.\n\nOlgu sunumu\n50 yaşında kadın.",
            {"breast"},
        ),
        (
            "Вступ\nДерматоміозит є рідкісним захворюванням. Ми представляємо випадок "
            "пацієнтки з дерматоміозитом та раком молочної залози.\n\nОпис випадку\n"
            "Жінка 50 років.",
            {"breast"},
        ),
        (
            "Uvod\nDermatomiozitis je retka bolest. Prikazujemo slučaj bolesnice sa "
            "dermatomiozitisom i karcinomom dojke.\n\nPrikaz slučaja\nBolesnica stara 50 godina.",
            {"breast"},
        ),
        # Chinese: one case (1例) reported
        (
            "前言\n皮肌炎是一种少见疾病。现将本院收治的1例合并乳腺癌的皮肌炎报道如下。\n\n"
            "病例资料\n患者,女,50岁。",
            {"breast"},
        ),
        # guards: cases in the plural (a review), a relative's cancer, a cancer ruled out, a
        # general statement alone
        (
            "Introducción\nSe han descrito casos de dermatomiositis con cáncer gástrico. "
            "Describimos los casos publicados de cáncer gástrico.\n\n"
            "Caso clínico\nMujer de 50 años con debilidad proximal.",
            set(),
        ),
        (
            "Introduction\nWe report the case of a woman with dermatomyositis whose mother had "
            "breast cancer.\n\nCase report\nA 50-year-old woman.",
            set(),
        ),
        (
            "Introdução\nRelatamos o caso de uma paciente com dermatomiosite sem evidência de "
            "neoplasia de ovário.\n\nRelato de caso\nMulher de 50 anos.",
            set(),
        ),
        (
            "Introduction\nBreast cancer is the most common cancer associated with "
            "dermatomyositis. Cases with ovarian cancer have been described.\n\n"
            "Case report\nA 50-year-old woman with weakness.",
            set(),
        ),
    ],
)
def test_the_sentence_introducing_the_case_names_its_cancer(note: str, expected: set[str]) -> None:
    assert sites(note) == expected


# ------------------------------------------------------------------ the turn to this patient
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Em pacientes idosos a associação com malignidade é frequente, como foi o caso desta "
            "paciente, que apresentava tumor de ovário.",
            {"ovary"},
        ),
        (
            "En los pacientes de edad avanzada la asociación con malignidad es más frecuente, "
            "como fue el caso de esta paciente, que presentaba un cáncer de ovario.",
            {"ovary"},
        ),
        (
            "In older patients the association with malignancy is more frequent, as was the "
            "case in our patient, who had a gastric cancer.",
            {"stomach"},
        ),
        (
            "Bei älteren Patienten ist ein Malignom häufig, wie bei unserer Patientin mit "
            "Ovarialkarzinom.",
            {"ovary"},
        ),
        # guards: a contrast with no turn to the patient, the patient's relative after the turn,
        # the patient's cancer denied
        (
            "Malignancy is common in older patients, while breast cancer predominates in women.",
            set(),
        ),
        (
            "In older patients malignancy is frequent, as in our patient, whose mother had "
            "ovarian cancer.",
            set(),
        ),
        ("In older patients malignancy is frequent; our patient had no ovarian cancer.", set()),
    ],
)
def test_the_turn_to_this_patient_ends_the_general_statement(note: str, expected: set[str]) -> None:
    assert sites(note) == expected


# ------------------------------------------------------ an antibody that names the disease
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the antibody before the disease noun: English, German compound, Chinese, Turkish,
        # Slovene, Ukrainian, Latvian
        ("A 56-year-old man with anti-Jo-1 syndrome presented with fever and cough.", "JO1"),
        ("A 60-year-old man with anti-HMGCR myopathy after statin exposure.", "HMGCR"),
        ("Ein 56-jähriger Patient mit Anti-Jo-1-Syndrom und Lungenfibrose.", "JO1"),
        ("现将本院收治的1例以间质性肺病为首发表现的抗Jo-1抗体综合征报道如下。", "JO1"),
        ("56 yaşında erkek hasta, anti-Jo-1 pozitif dermatomiyozit tanısı ile izlendi.", "JO1"),
        ("Bolnik, star 56 let, z anti-Jo-1 sindromom in pljučno fibrozo.", "JO1"),
        ("Пацієнт 56 років з анти-Jo-1 синдромом та ураженням легень.", "JO1"),
        ("56 gadus vecs vīrietis ar anti-Jo-1 sindromu.", "JO1"),
        # the disease before the antibody: Spanish, Romanian (with "ani", years, no "nor"),
        # Malay
        ("Paciente de 56 años con síndrome antisintetasa anti-Jo-1 y neumopatía.", "JO1"),
        ("Pacient în vârstă de 56 de ani cu sindrom antisintetază anti-Jo-1.", "JO1"),
        ("Pesakit lelaki berumur 56 tahun dengan sindrom anti-Jo-1.", "JO1"),
    ],
)
def test_an_antibody_naming_the_disease_is_positive(note: str, expected: str) -> None:
    assert antibody_results(note) == {expected: "positive"}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the disease defined in general (English, Chinese), a relative's, a result word
        ("Anti-Jo-1 syndrome is characterised by myositis, arthritis and lung disease.", {}),
        (
            "抗Jo-1抗体综合征又称为抗组氨酰-tRNA合成酶综合征,是多发性肌炎/皮肌炎的特殊类型,"
            "可累及肺部、肌肉、皮肤、关节等多个脏器。",
            {},
        ),
        (
            "Anti-MDA5 dermatomyositis can cause rapidly progressive lung disease. "
            "A 50-year-old woman presented with rash.",
            {},
        ),
        ("Her sister has anti-Jo-1 syndrome.", {}),
        # a teaching article's heading names a subset with no "anti": no result of the patient
        ("Dermatomiosite MDA-5\n\nNelle settimane successive le papule si sono ulcerate.", {}),
        (
            "A 56-year-old man; anti-Jo-1 syndrome was excluded (anti-Jo-1 negative).",
            {"JO1": "negative"},
        ),
    ],
)
def test_an_antibody_named_disease_in_general_or_ruled_out(
    note: str, expected: dict[str, str]
) -> None:
    assert antibody_results(note) == expected


# ------------------------------------------------------ a histology that needs its site
# Clear cell carcinoma is an adenocarcinoma of the ovary, endometrium and cervix (WHO female
# genital tumours 2020) and a renal cell carcinoma ("other" in the schema) at the kidney; a
# node's carcinoma "gynecological in origin" is the gynaecological primary's.
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("A 60-year-old woman with ovarian clear cell carcinoma.", [("ovary", "adenocarcinoma")]),
        (
            "A 60-year-old woman with ovarian cancer. Biopsy showed clear cell carcinoma.",
            [("ovary", "adenocarcinoma")],
        ),
        (
            "Mujer de 60 años con carcinoma de células claras de ovario.",
            [("ovary", "adenocarcinoma")],
        ),
        (
            "Femme de 60 ans avec un carcinome à cellules claires de l'endomètre.",
            [("uterus", "adenocarcinoma")],
        ),
        (
            "Pacienta, 60 let, s světlobuněčným karcinomem děložního čípku.",
            [("cervix", "adenocarcinoma")],
        ),
        (
            "A 60-year-old woman with endometrial cancer. Lymph node biopsy confirmed clear cell "
            "carcinoma, gynecological in origin.",
            [("uterus", "adenocarcinoma")],
        ),
        (
            "Mujer de 60 años con cáncer de ovario. La biopsia del ganglio linfático mostró un "
            "carcinoma de células claras de origen ginecológico.",
            [("ovary", "adenocarcinoma")],
        ),
        # the breast's ductal carcinoma with the plain cancer noun (Spanish, Portuguese, French)
        ("Mujer de 44 años con cáncer ductal infiltrante de mama.", [("breast", "adenocarcinoma")]),
        ("Mulher de 50 anos com câncer ductal invasivo de mama.", [("breast", "adenocarcinoma")]),
        (
            "Femme de 50 ans avec un cancer canalaire infiltrant du sein.",
            [("breast", "adenocarcinoma")],
        ),
        # guards: the kidney's clear cell carcinoma, a gynaecological origin said of no
        # gynaecological tumour, a ductal carcinoma denied
        ("A 60-year-old man with clear cell carcinoma of the kidney.", [("kidney", "other")]),
        (
            "A 60-year-old man with colon cancer. Lymph node biopsy confirmed carcinoma, "
            "gynecological in origin.",
            [("colon", "other"), ("other", "other")],
        ),
        ("Mujer de 44 años con cáncer de mama, sin carcinoma ductal.", [("breast", "other")]),
    ],
)
def test_a_histology_that_needs_its_site(note: str, expected: list[tuple[str, str]]) -> None:
    assert tumour_sites(note) == expected


# ------------------------------------------------------ each grade to the limb it is "in"
# A proximal group graded below MRC 5 is weak, graded 5 not weak (EULAR/ACR 2017 glossary);
# "proximal 5/5 in upper limbs, 4/5 in lower limbs": the arms 5 (not weak), the legs 4 (weak).
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Exam: strength proximal 5/5 in upper limbs, 4/5 in lower limbs.", {LOWER}),
        ("Exam: proximal 4/5 in the lower limbs and 5/5 in the upper limbs.", {LOWER}),
        (
            "Exploración: fuerza proximal 5/5 en miembros superiores y 4/5 en inferiores.",
            {LOWER},
        ),
        (
            "Exame: força proximal 4/5 nos membros superiores e 5/5 nos membros inferiores.",
            {UPPER},
        ),
        ("Status: mišična moč proksimalno 5/5 v zgornjih udih, 4/5 v spodnjih udih.", {LOWER}),
        (
            "Status: snaga proksimalno 5/5 u gornjim ekstremitetima, 4/5 u donjim ekstremitetima.",
            {LOWER},
        ),
        (
            "Examen: forța proximală 5/5 la membrele superioare și 4/5 la membrele inferioare.",
            {LOWER},
        ),
        ("Badanie: siła proksymalnie 5/5 w kończynach górnych, 4/5 w kończynach dolnych.", {LOWER}),
        ("Статус: сила проксимально 5/5 у верхніх кінцівках, 4/5 у нижніх кінцівках.", {LOWER}),
        # guards: both graded 5, both limbs named together, the limb named before its grade
        ("Exam: proximal 5/5 in upper limbs, 5/5 in lower limbs.", set()),
        ("Exam: proximal 4/5 in both upper and lower limbs.", {UPPER, LOWER}),
        ("Exam: proximal upper limbs 4/5, lower limbs 5/5.", {UPPER}),
    ],
)
def test_each_grade_goes_to_the_limb_it_is_in(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ------------------------------------------------------ a field's muscles keep their own grades
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a position said in words before the fields ("disminuida a nivel proximal:") does not
        # take the next field's grade: the legs 2-3/5 proximally, 5/5 at the foot
        (
            "Fuerza conservada a nivel distal pero disminuida a nivel proximal: EID: cuádriceps "
            "2-3/5, flexión dorsal y plantar pie 5/5. EII: cuádriceps 2-3/5, flexión dorsal y "
            "plantar pie 5/5.",
            {LOWER, LEGS_PROX},
        ),
        # the biceps and the shoulder girdle's adjective in Spanish and Portuguese lists
        (
            "Exploración: ESD: escapular 5/5, bíceps braquial 3/5. ESI: escapular 5/5, bíceps "
            "braquial 3/5.",
            {UPPER},
        ),
        ("Exame: bíceps 4/5 bilateralmente, quadríceps 5/5.", {UPPER}),
        # guards: a list before a colon still shares the grade after it; a full grade
        (
            "Deltoids, biceps: 4/5. Hip flexors: 3/5, ankle dorsiflexion 5/5.",
            {UPPER, LOWER, LEGS_PROX},
        ),
        ("Exploración: escapular 5/5, bíceps 5/5.", set()),
    ],
)
def test_a_fields_muscles_keep_their_own_grades(note: str, expected: set[str]) -> None:
    assert strength_items(note) == expected


# ------------------------------------------------------ a date's full stops end no sentence
@pytest.mark.parametrize(
    ("note", "sentences"),
    [
        # the ordinal day before a month's name (German, Polish, Slovene), in or out of brackets
        ("Die Patientin wurde (am 12. März 2021) aufgenommen. CK 5000.", 2),
        ("Die Patientin wurde am 12. März 2021 aufgenommen. Seit 3. Mai Dysphagie.", 2),
        ("Pacjentka przyjęta (12. marca 2021) z osłabieniem. CK 5000.", 2),
        # the Thai month's abbreviation before a Buddhist-era year
        ("ผู้ป่วยเข้ารับการรักษา (12 มี.ค. 2565) ด้วยอาการอ่อนแรง", 1),
        # guards: a list number before an English word that is a month, a number's sentence end
        ("See point 2. March brought no change.", 2),
        ("Die CK war 5000. März 2021 brachte keine Besserung.", 2),
    ],
)
def test_a_dates_full_stops_end_no_sentence(note: str, sentences: int) -> None:
    from myositis_cds.ingest.text._extract import extract_drafts

    assert len(extract_drafts(note).sentences) == sentences
