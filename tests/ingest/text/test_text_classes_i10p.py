"""EULAR/ACR items, muscle enzymes and cancers in the common publishing languages of case
reports (issue #10, session of 1 Dec 2026, worktree i10-text16; rules/languages.yaml and the
context section i10p). Our own sentences, one or two per language, written from each language's
usual clinical wording (never copied from a report); the outcome of each worked out by hand from
what the sentence says: the sign, the limb, the raised or normal enzyme, the cancer's organ and
kind, and nothing for a negated sign, a relative's cancer, an excluded malignancy, a tumour
marker or a statement about the disease in general."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of, read

HELIOTROPE, PAPULES, SIGN = "heliotrope_rash", "gottron_papules", "gottron_sign"
UPPER, LOWER, DYSPHAGIA = "weakness_proximal_upper", "weakness_proximal_lower", "dysphagia"

# the skin signs of the EULAR/ACR items, named in each language
SKIN_SIGNS = [
    ("de", "Bei Aufnahme Gottron-Papeln und ein heliotropes Erythem der Oberlider.",
     {PAPULES, HELIOTROPE}),
    ("pl", "W badaniu przedmiotowym grudki Gottrona oraz rumień heliotropowy powiek.",
     {PAPULES, HELIOTROPE}),
    ("cs", "Pacientka měla heliotropní exantém a Gottronovy papuly.", {PAPULES, HELIOTROPE}),
    ("hu", "A betegnél heliotrop kiütés és Gottron-féle papulák jelentek meg.",
     {PAPULES, HELIOTROPE}),
    ("it", "All'esame obiettivo papule di Gottron ed eritema eliotropo.", {PAPULES, HELIOTROPE}),
    ("ro", "La examenul clinic papulele Gottron și eritem heliotrop.", {PAPULES, HELIOTROPE}),
    ("nl", "Bij onderzoek papels van Gottron en een heliotroop exantheem.",
     {PAPULES, HELIOTROPE}),
    ("sv", "Patienten hade Gottrons papler och heliotropt utslag.", {PAPULES, HELIOTROPE}),
    ("ru", "При осмотре папулы Готтрона и гелиотропная сыпь.", {PAPULES, HELIOTROPE}),
    ("hr", "Nađene su Gottronove papule i heliotropni osip.", {PAPULES, HELIOTROPE}),
    ("el", "Παρατηρήθηκαν βλατίδες Gottron και ηλιοτροπικό εξάνθημα.", {PAPULES, HELIOTROPE}),
    ("id", "Ditemukan papul Gottron dan ruam heliotrop.", {PAPULES, HELIOTROPE}),
    ("vi", "Khám thấy sẩn Gottron và ban tím quanh mắt.", {PAPULES, HELIOTROPE}),
    ("de sign", "Es zeigte sich ein Gottron-Zeichen.", {SIGN}),
    ("pl sign", "Obecny był objaw Gottrona.", {SIGN}),
    ("it sign", "Era presente il segno di Gottron.", {SIGN}),
    # described, not named: a lesion at its place (the EULAR/ACR glossary's definitions)
    ("de described", "Es fanden sich livide Schwellungen an den Augenlidern.", {HELIOTROPE}),
    ("de papules", "Es fanden sich livide Papeln über den Fingergelenken.", {PAPULES}),
    ("vi papules", "Bệnh nhân nổi sẩn đỏ vùng khớp bàn ngón tay hai bên.", {PAPULES}),
    ("pl flat", "Rumień nad stawami międzypaliczkowymi i łokciami.", {SIGN}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "note", "expected"), SKIN_SIGNS, ids=[r[0] for r in SKIN_SIGNS])
def test_skin_signs_are_read_in_each_language(lang: str, note: str, expected: set[str]) -> None:
    got = findings_of(note)
    assert {code for code in expected if got.get(code)} == expected


# objective proximal weakness: the limbs named after the weakness limit the items to them
WEAKNESS = [
    ("de", "Es bestand eine proximale Muskelschwäche der Arme und Beine.", {UPPER, LOWER}),
    ("de legs", "Es bestand eine proximale Muskelschwäche der Beine.", {LOWER}),
    ("pl arms", "Stwierdzono osłabienie mięśni proksymalnych kończyn górnych.", {UPPER}),
    ("cs legs", "Pacient měl proximální slabost dolních končetin.", {LOWER}),
    ("ru legs", "Отмечалась проксимальная мышечная слабость в нижних конечностях.", {LOWER}),
    ("el legs", "Εγγύς μυϊκή αδυναμία των κάτω άκρων.", {LOWER}),
    ("id legs", "Kelemahan otot proksimal pada kedua tungkai.", {LOWER}),
    ("vi legs", "Yếu cơ gốc chi hai chân.", {LOWER}),
    ("sk legs", "Pacientka mala proximálnu svalovú slabosť dolných končatín.", {LOWER}),
    ("hr legs", "Nađena je proksimalna slabost mišića nogu.", {LOWER}),
    ("no legs", "Pasienten hadde proksimal muskelsvakhet i bena.", {LOWER}),
    ("hu", "Proximális izomgyengeség alakult ki.", {UPPER, LOWER}),
    ("tr", "Proksimal kas güçsüzlüğü vardı.", {UPPER, LOWER}),
    ("de neck", "Die Nackenbeuger waren schwächer als die Nackenstrecker.", set()),
    # an English limb phrase after "and" belongs to the next item, not to the weakness
    ("en", "Proximal muscle weakness and lower limb oedema.", {UPPER, LOWER}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "note", "expected"), WEAKNESS, ids=[r[0] for r in WEAKNESS])
def test_proximal_weakness_and_its_limbs(lang: str, note: str, expected: set[str]) -> None:
    got = findings_of(note)
    assert {code for code in (UPPER, LOWER) if got.get(code)} == expected


NECK = "neck_flexors_weaker_than_extensors"
# a sign said in so many words (the neck item compares flexors with extensors)
SAID = [
    ("de neck", "Nackenbeuger schwächer als Nackenstrecker.", NECK),
    ("pl neck", "Zginacze szyi słabsze niż prostowniki.", NECK),
    ("es neck", "Flexores del cuello más débiles que los extensores.", NECK),
    ("ru neck", "Сгибатели шеи слабее разгибателей.", NECK),
    ("de", "Der Patient klagte über Schluckbeschwerden.", DYSPHAGIA),
    ("pl", "Chora zgłaszała dysfagię.", DYSPHAGIA),
    ("hu", "Nyelési zavar alakult ki.", DYSPHAGIA),
    ("ru", "Больная отмечала дисфагию.", DYSPHAGIA),
    ("el", "Ανέφερε δυσφαγία.", DYSPHAGIA),
    ("id", "Pasien mengeluh kesulitan menelan.", DYSPHAGIA),
    ("vi", "Bệnh nhân nuốt khó.", DYSPHAGIA),
]


@pytest.mark.parametrize(("lang", "note", "code"), SAID, ids=[r[0] for r in SAID])
def test_a_sign_said_is_present(lang: str, note: str, code: str) -> None:
    assert findings_of(note).get(code) is True


# negation cues before their noun (and after it, where the language puts them there)
DENIED = [
    ("de kein", "Keine Dysphagie.", DYSPHAGIA),
    ("de nicht", "Eine Dysphagie wurde nicht beobachtet.", DYSPHAGIA),
    ("pl", "Nie stwierdzono dysfagii ani grudek Gottrona.", PAPULES),
    ("pl first", "Nie stwierdzono dysfagii ani grudek Gottrona.", DYSPHAGIA),
    ("cs", "Bez dysfagie.", DYSPHAGIA),
    ("hu after", "Nyelési zavar nem volt.", DYSPHAGIA),
    ("it", "Non presentava disfagia.", DYSPHAGIA),
    ("ro", "Fără disfagie.", DYSPHAGIA),
    ("nl", "Geen dysfagie.", DYSPHAGIA),
    ("sv", "Ingen dysfagi.", DYSPHAGIA),
    ("ru after", "Дисфагии нет.", DYSPHAGIA),
    ("ru before", "Без дисфагии.", DYSPHAGIA),
    ("tr after", "Disfaji yok.", DYSPHAGIA),
    ("el", "Δεν υπήρχε δυσφαγία.", DYSPHAGIA),
    ("id", "Tidak ada kesulitan menelan.", DYSPHAGIA),
    ("vi", "Không có nuốt khó.", DYSPHAGIA),
]


@pytest.mark.parametrize(("lang", "note", "code"), DENIED, ids=[r[0] for r in DENIED])
def test_a_denied_sign_is_not_present(lang: str, note: str, code: str) -> None:
    assert findings_of(note).get(code) is not True


# "but" ends a negation's scope: the sign after it is present
AFTER_BUT = [
    ("pl", "Chora nie zgłaszała dysfagii, ale stwierdzono grudki Gottrona."),
    ("de", "Keine Dysphagie, aber Gottron-Papeln."),
    ("fr", "Pas de dysphagie, mais des papules de Gottron."),
    ("ru", "Дисфагии нет, но есть папулы Готтрона."),
]


@pytest.mark.parametrize(("lang", "note"), AFTER_BUT, ids=[r[0] for r in AFTER_BUT])
def test_but_ends_the_negation(lang: str, note: str) -> None:
    got = findings_of(note)
    assert (got.get(DYSPHAGIA), got.get(PAPULES)) == (False, True)


def test_portuguese_mais_is_more_not_but() -> None:
    assert findings_of("Não apresentava mais disfagia.").get(DYSPHAGIA) is False


def _ck(note: str) -> tuple[float | None, float | None, bool | None]:
    labs = [lab for lab in read(note).case.labs if lab.code.value == "ck"]
    assert len(labs) == 1
    return labs[0].value, labs[0].upper_limit, labs[0].above_uln


# a raised or normal CK in words (no value): above_uln read from the judgement
CK_JUDGED = [
    ("pl raised", "Podwyższona aktywność kinazy kreatynowej.", True),
    ("cs raised", "Zvýšená hladina kreatinkinázy.", True),
    ("hu raised", "A kreatinkináz emelkedett volt.", True),
    ("ro raised", "Creatinkinaza crescută.", True),
    ("nl raised", "Verhoogd creatinekinase.", True),
    ("ru raised", "Креатинкиназа повышена.", True),
    ("el raised", "Αυξημένη κρεατινική κινάση.", True),
    ("id raised", "Terdapat peningkatan enzim otot.", True),
    ("vi raised", "Men cơ tăng.", True),
    ("de normal", "Die Kreatinkinase war unauffällig.", False),
    ("pl normal", "Kinaza kreatynowa w normie.", False),
]


@pytest.mark.parametrize(("lang", "note", "raised"), CK_JUDGED, ids=[r[0] for r in CK_JUDGED])
def test_ck_judged_in_words(lang: str, note: str, raised: bool) -> None:
    assert _ck(note)[2] is raised


# a value with its range: a judgement word between, "up to" in the language, the lab's name
# said again inside the range (one result, not two), a Cyrillic unit
CK_RANGES = [
    ("de judged", "Die Kreatinkinase war auf 3100 U/l erhöht (normal < 190 U/l).", 3100.0, 190.0),
    ("de name again", "CK 450 U/l (Norm: CK < 170 U/l).", 450.0, 170.0),
    ("pl up to", "Kinaza kreatynowa 900 U/l (norma do 170 U/l).", 900.0, 170.0),
    ("ru unit", "Креатинкиназа 900 Ед/л (норма до 190).", 900.0, 190.0),
]


@pytest.mark.parametrize(
    ("lang", "note", "value", "upper"), CK_RANGES, ids=[r[0] for r in CK_RANGES]
)
def test_a_value_and_its_range(lang: str, note: str, value: float, upper: float) -> None:
    assert _ck(note)[:2] == (value, upper)


def _cancers(note: str) -> set[tuple[str, str]]:
    return {(t.site.value, t.histology.value) for t in read(note).case.tumours}


CANCERS = [
    ("de lcnec", "Die Bronchoskopie ergab ein großzelliges neuroendokrines Bronchialkarzinom.",
     {("lung", "neuroendocrine_carcinoma")}),
    ("de adeno", "Histologisch fand sich ein Adenokarzinom der Lunge.",
     {("lung", "adenocarcinoma")}),
    ("de compound", "Es wurde ein Mammakarzinom diagnostiziert.", {("breast", "other")}),
    ("de small cell", "Es fand sich ein kleinzelliges Bronchialkarzinom.",
     {("lung", "small_cell_carcinoma")}),
    ("de non-small", "Es fand sich ein nicht-kleinzelliges Bronchialkarzinom.",
     {("lung", "other")}),
    ("de extranodal", "Diagnostiziert wurde ein extranodales follikuläres Lymphom.",
     {("other", "lymphoma")}),
    ("pl ovary", "U chorej rozpoznano raka jajnika.", {("ovary", "other")}),
    ("pl lymphoma", "Rozpoznano chłoniaka grudkowego.", {("lymph_node", "lymphoma")}),
    ("cs lung", "Byl diagnostikován karcinom plic.", {("lung", "other")}),
    ("sk breast", "Diagnostikovali karcinóm prsníka.", {("breast", "other")}),
    ("hu lymphoma", "Szövettanilag follicularis lymphomát igazoltak.",
     {("lymph_node", "lymphoma")}),
    ("hu compound", "A betegnél tüdőrák igazolódott.", {("lung", "other")}),
    ("es ovary", "Se diagnosticó un cáncer de ovario.", {("ovary", "other")}),
    ("ro breast", "S-a diagnosticat un carcinom mamar.", {("breast", "other")}),
    ("nl compound", "Er werd longkanker vastgesteld.", {("lung", "other")}),
    ("sv compound", "Hon hade bröstcancer.", {("breast", "other")}),
    ("ru stomach", "Выявлен рак желудка.", {("stomach", "other")}),
    ("uk ovary", "Діагностовано рак яєчника.", {("ovary", "other")}),
    ("bg lung", "Установен е рак на белия дроб.", {("lung", "other")}),
    ("hr breast", "Dijagnosticiran je karcinom dojke.", {("breast", "other")}),
    ("el lung", "Διαγνώστηκε καρκίνος του πνεύμονα.", {("lung", "other")}),
    ("id breast", "Pasien didiagnosis kanker payudara.", {("breast", "other")}),
    ("vi lung", "Bệnh nhân được chẩn đoán ung thư phổi.", {("lung", "other")}),
    ("sr breast", "Код пацијента је дијагностикован карцином дојке.", {("breast", "other")}),
    ("hu oesophagus", "Szövettanilag laphámsejtes karcinómát igazoltak a nyelőcsőben.",
     {("oesophagus", "squamous_cell_carcinoma")}),
    ("cs malignancy", "Diagnostikována malignita plic.", {("lung", "other")}),
    # the skin only with its cancer: skin words elsewhere in the sentence place no cancer
    ("pl skin", "Rozpoznano raka skóry.", {("skin", "other")}),
    ("de skin", "Es wurde Hautkrebs diagnostiziert.", {("skin", "other")}),
    ("pl skin words", "Zmiany skóry poprzedziły rozpoznanie raka płuca.", {("lung", "other")}),
    # no cancer of the patient: a relative's, excluded, a marker, the disease in general
    ("de father", "Der Vater verstarb an einem Kolonkarzinom.", set()),
    ("de exclusion", "Zum Ausschluss eines Malignoms wurde eine CT durchgeführt.", set()),
    ("de marker", "Die Tumormarker waren unauffällig.", set()),
    ("de risk", "Das Risiko für Karzinome der Lunge ist bei Dermatomyositis erhöht.", set()),
    ("pl marker", "Markery nowotworowe były w normie.", set()),
    ("pl mother", "Matka chorej zmarła na raka piersi.", set()),
    ("pl excluded", "Wykluczono raka płuca.", set()),
    ("cs excluded", "Karcinom plic byl vyloučen.", set()),
    ("it father", "Il padre era deceduto per un carcinoma gastrico.", set()),
    ("es mother", "Su madre tuvo cáncer de mama.", set()),
    ("ru father", "У отца был рак лёгкого.", set()),
    ("tr father", "Babasında kolon kanseri vardı.", set()),
    ("el father", "Ο πατέρας του είχε καρκίνο του παχέος εντέρου.", set()),
    ("id father", "Ayahnya meninggal karena kanker paru.", set()),
    ("vi mother", "Mẹ bệnh nhân bị ung thư vú.", set()),
    ("pl general", "Typy nowotworów złośliwych u chorych z zapaleniem skórno-mięśniowym "
     "obejmują raka jajnika.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "note", "expected"), CANCERS, ids=[r[0] for r in CANCERS])
def test_cancers_in_each_language(lang: str, note: str, expected: set[tuple[str, str]]) -> None:
    assert _cancers(note) == expected


# a result word after the antibody in the languages the earlier rules left out
POLARITY = [
    ("de", "Das Myositis-Profil war für Ro-52 positiv.", "RO52", "positive"),
    ("cs", "Protilátky anti-Jo-1 negativní.", "JO1", "negative"),
    ("ru", "Анти-Mi-2 отрицательный.", "MI2", "negative"),
    ("vi", "Kháng thể anti-MDA5 dương tính.", "MDA5", "positive"),
]


@pytest.mark.parametrize(("lang", "note", "code", "result"), POLARITY, ids=[r[0] for r in POLARITY])
def test_antibody_result_words(lang: str, note: str, code: str, result: str) -> None:
    assert antibody_results(note) == {code: result}


# the biopsy items: the biopsy named in the language, then its features
BIOPSY = [
    ("de", "Die Muskelbiopsie zeigte eine perifaszikuläre Atrophie und perivaskuläre Infiltrate.",
     {"perifascicular_atrophy", "perimysial_perivascular_infiltrate"}),
    ("pl", "Biopsja mięśnia: zanik okołopęczkowy.", {"perifascicular_atrophy"}),
    ("cs", "Svalová biopsie prokázala endomysiální infiltráty.", {"endomysial_infiltrate"}),
    ("it", "La biopsia muscolare mostrava vacuoli orlati.", {"rimmed_vacuoles"}),
    ("ru", "Биопсия мышцы: периваскулярные инфильтраты.", {"perimysial_perivascular_infiltrate"}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "note", "features"), BIOPSY, ids=[r[0] for r in BIOPSY])
def test_muscle_biopsy_items(lang: str, note: str, features: set[str]) -> None:
    biopsy = read(note).case.muscle_biopsy
    assert biopsy is not None
    names = ("endomysial_infiltrate", "perimysial_perivascular_infiltrate",
             "perifascicular_atrophy", "rimmed_vacuoles")  # fmt: skip
    assert {n for n in names if getattr(biopsy, n)} == features


def test_vocabulary_forms_expand_to_every_spelling() -> None:
    from myositis_cds.ingest.text._rules import expand_forms

    assert expand_forms("rak{|a|iem}") == ["rak", "raka", "rakiem"]
    assert expand_forms("{lungen|bronchial}karzinom{|s}") == [
        "lungenkarzinom",
        "lungenkarzinoms",
        "bronchialkarzinom",
        "bronchialkarzinoms",
    ]
    assert set(expand_forms("{a {b|c}|d}")) == {"a b", "a c", "d"}


def test_a_context_rule_takes_one_kind_of_matcher() -> None:
    from pydantic import ValidationError

    from myositis_cds.ingest.text._rules import ContextRule

    ContextRule(literals=["kein{|e}"], category="NEGATED_EXISTENCE", direction="forward")
    with pytest.raises(ValidationError):
        ContextRule(
            literals=["kein"], pattern="kein", category="NEGATED_EXISTENCE", direction="forward"
        )
