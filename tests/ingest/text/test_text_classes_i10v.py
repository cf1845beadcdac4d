"""issue #10 (i10v): the pathognomonic skin signs of the 2017 EULAR/ACR criteria read from a
described lesion at a described site, in the languages the adapter reads.

Expected values by hand from the criteria's glossary (Lundberg et al., Ann Rheum Dis
2017;76:1955, Table 1; research §1.3): Gottron's papules are papules over the extensor surfaces
of joints (finger joints, elbows, knees, malleoli, toes); Gottron's sign is the flat lesion
(macules, an unqualified rash, erythema, plaques) there; the heliotrope rash is a violaceous or
erythematous rash of the eyelids or periorbital skin. The reports' gold convention
(tests/data/reports/index.yaml header): papules are papules whatever the authors call them,
macules or an unqualified rash are the sign. Every sentence is written here, not taken from a
report.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import labs_above_uln, present

PAPULES, SIGN, HELIOTROPE = "gottron_papules", "gottron_sign", "heliotrope_rash"
SKIN = frozenset({PAPULES, SIGN, HELIOTROPE})


def skin(note: str) -> set[str]:
    return present(note) & SKIN


@pytest.mark.parametrize(
    "words",
    [
        # English: the joints the glossary names, singular and plural, and "extensor aspect"
        "Examination: violaceous papules over the MCP and PIP joints of both hands.",
        "Examination: scaly red papules on the knees and the elbows.",
        "Exam showed erythematous papules over the malleoli.",
        # a relative clause places the papules ("which started on the dorsal aspect of")
        "She had pink papules which started on the dorsal aspect of the interphalangeal joints.",
        # Spanish, Portuguese, French, Italian
        "Presentaba pápulas violáceas sobre las articulaciones metacarpofalángicas.",
        "Apresentava pápulas eritematosas sobre as articulações interfalângicas.",
        "On note des papules violacées en regard des articulations interphalangiennes.",
        "Erano presenti papule eritematose sulle articolazioni metacarpo-falangee.",
        # Chinese (simplified, traditional), Japanese, Korean: the words run together
        "查体:双手掌指关节伸侧可见紫红色丘疹。",
        "檢查:雙手指間關節伸側可見紫紅色丘疹。",
        "診察:両手の中手指節関節に紫紅色の丘疹を認めた。",
        "진찰: 양손 손가락 관절에 홍색 구진이 관찰되었다.",
        # the joints' Latin names and their cases in Russian, Turkish, Indonesian, German
        "Папулы над пястно-фаланговыми суставами.",
        "Metakarpofalangeal eklemler üzerinde eritemli papüller.",
        "Papul eritematosa di atas sendi metakarpofalangeal.",
        "Erythematöse Papeln über den Metakarpophalangealgelenken.",
    ],
)
def test_papules_over_the_extensor_joints_are_gottrons_papules(words: str) -> None:
    assert PAPULES in skin(words)
    assert SIGN not in skin(words)  # the papules are the lesion, not a second flat sign


@pytest.mark.parametrize(
    "words",
    [
        # an unqualified rash or erythema over the joints, in each language
        "A man had an erythematous rash on the scalp, neck and extensor aspect of the elbow.",
        "Erythema over the knuckles and knees was noted.",
        # plaques are not papules (gold convention): the flat sign
        "There were erythematous plaques over the dorsal MCP joints and the elbows.",
        "Había erupciones violáceas en las articulaciones interfalángicas de ambas manos.",
        "Une éruption est apparue sur la face d'extension des coudes et des genoux.",
        "Erano presenti placche violacee sopra le nocche.",
        "Es zeigten sich erythematöse Plaques an den Streckseiten der Fingergelenke.",
        # Chinese patches and atrophic plaques over the MCP/PIP joints, Japanese erythema on the
        # elbows, Korean erythema on the finger joints
        "双手指关节伸侧可见暗紫红色斑片。",
        "掌指关节、近端指间关节遗留白色萎缩性斑块。",
        "両肘関節伸側に紅斑を認めた。",
        "양측 손가락 관절에 홍반이 있었다.",
        "Erytem över knogarna.",
        "Erytém nad metakarpofalangeálními klouby.",
        # a lesion named by its colour or scale only
        "Violaceous scaly lesions over the dorsal PIP joints.",
        "Lesiones eritematosas descamativas en el dorso de las articulaciones interfalángicas.",
        "Lesões eritematosas sobre as articulações metacarpofalângicas.",
    ],
)
def test_a_flat_lesion_over_the_extensor_joints_is_gottrons_sign(words: str) -> None:
    assert skin(words) == {SIGN}


def test_macules_said_to_be_macular_are_the_sign_beside_papules_elsewhere() -> None:
    note = (
        "Presentaba pápulas sobre las articulaciones metacarpofalángicas. "
        "Había erupciones maculares violáceas en las articulaciones interfalángicas proximales."
    )
    assert skin(note) == {PAPULES, SIGN}


@pytest.mark.parametrize(
    "words",
    [
        # a rash of the hands in general, of the palms (mechanic's hands), of the forearms'
        # extensor surface: not over the joints
        "She had an erythematous rash on both hands.",
        "Hyperkeratotic scaling and fissures of the palms were seen.",
        "Erythematous rash on the extensor surface of the forearms.",
        "Une éruption est apparue sur la face d'extension des avant-bras.",
        "Erupción eritematosa en la cara extensora de los brazos.",
        # pigmented macules are a pigmentary change, not the erythematous to violaceous sign
        "She had hyperpigmented macules located on both knees.",
        # denied, a relative's, a general statement
        "There was no rash over the knuckles and no papules over the elbows.",
        "Sin pápulas sobre las articulaciones metacarpofalángicas.",
        "指关节伸侧未见丘疹及红斑。",
        "Her mother had Gottron papules over the knuckles.",
        # painful finger joints, facial erythema (Chinese list items)
        "双手指关节肿痛、面部红斑。",
        "Dermatomyositis is characterised by papules over the knuckles and a heliotrope rash.",
    ],
)
def test_not_gottrons_papules_or_sign(words: str) -> None:
    assert not skin(words) & {PAPULES, SIGN}


@pytest.mark.parametrize(
    "words",
    [
        "Violaceous erythema of both upper eyelids.",
        "Eritema violáceo en los párpados superiores.",
        # Chinese: the site leads its lesion ("dark-red rash on the cheeks and upper eyelids"),
        # and a colour several characters before its lesion ("pale purple-red oedematous
        # patches" on a list of sites with the upper eyelids)
        "查体:颊部、上睑有暗红色皮疹。",
        "查体:头皮、额部、双上眼睑、颈可见淡紫红色水肿性斑片。",
        "上瞼に紫紅色の紅斑を認めた。",
        "まぶたに赤紫色の発疹がみられた。",
        "양측 상안검에 보라색 발진이 있었다.",
        # "without obvious cause" denies a cause, not the rash after it
        "Two months ago, without obvious cause, purple-red patches appeared on both upper eyelids.",
        "Sin causa aparente presentó eritema violáceo en los párpados superiores.",
        # the colour said of the eyelids themselves; "periorbital" in Spanish and French
        "On examination her upper eyelids were violaceous and swollen.",
        "Párpados violáceos y edematosos.",
        "Paupières supérieures violacées.",
        "双上睑紫红,轻度水肿。",
        # a lesion seen on a list of places, the eyelids among them
        "双上眼睑、颈、躯干可见紫红色斑片。",
        "Violaceous lesions on both upper eyelids.",
        "Erythematous macules on the eyelids.",
        "There was a purple hue to both upper eyelids.",
        "Eritema violáceo periorbitario.",
        "Érythème violacé péri-orbitaire.",
    ],
)
def test_a_violaceous_or_red_rash_of_the_eyelids_is_the_heliotrope_rash(words: str) -> None:
    assert HELIOTROPE in skin(words)


@pytest.mark.parametrize(
    "words",
    [
        # oedema alone is not the rash (glossary: patches, often WITH oedema)
        "查体:眶周水肿。",
        "Periorbital oedema was noted.",
        # a rash of the cheeks, not the eyelids
        "查体:颊部有暗红色皮疹,眶周水肿。",
        # denied
        "双上睑未见红斑。",
        # a list item whose own place heads the lesion: ptosis, facial erythema
        "眼睑下垂、面部红斑。",
        "眼瞼下垂、顔面紅斑を認めた。",
        # a colour of another lesion in the sentence, the eyelids only swollen
        "Violaceous papules over the knuckles and swelling of the eyelids.",
        "Violaceous papules over the knuckles, and periorbital oedema.",
    ],
)
def test_not_the_heliotrope_rash(words: str) -> None:
    assert HELIOTROPE not in skin(words)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the enzymes' judgement written after them is inside the "without" before them
        (
            "Se presentó sin debilidad proximal y enzimas musculares esqueléticas elevadas.",
            [("ck", False)],
        ),
        (
            "Elle se présentait sans faiblesse proximale ni enzymes musculaires élevées.",
            [("ck", False)],
        ),
        # "with" after a comma or "and" ends the "without": the enzymes are raised
        ("Se presentó sin fiebre, con enzimas musculares elevadas.", [("ck", True)]),
        ("Sin disfagia y con CK elevada.", [("ck", True)]),
        ("No fever, with raised CK.", [("ck", True)]),
    ],
)
def test_without_reaches_a_judgement_written_after_the_test(
    words: str, expected: list[tuple[str, bool]]
) -> None:
    assert labs_above_uln(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        # the signs of the disease in general, in the reflexive verb of Spanish and Italian and
        # the "characteristic rash of DM includes ..." of Chinese, Japanese and Korean
        "La dermatomiositis se caracteriza por pápulas sobre los nudillos y eritema violáceo "
        "en los párpados.",
        "La dermatomiosite si caratterizza per papule eritematose sulle nocche.",
        "皮肌炎的特征性皮疹包括指关节伸侧的紫红色丘疹和上睑紫红色斑。",
        "皮膚筋炎の特徴的な皮疹としては、上眼瞼の紫紅色の紅斑、手指関節伸側の丘疹がある。",
        "피부근염의 특징적인 피부 소견으로는 상안검의 보라색 발진과 손가락 관절의 구진이 있다.",
        "Typical skin findings are violaceous papules over the knuckles.",
        "Characteristic cutaneous features of dermatomyositis include papules over the knuckles.",
    ],
)
def test_the_signs_of_the_disease_in_general_are_not_the_patients(words: str) -> None:
    assert skin(words) == set()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the patient's rash called typical of the disease stays the patient's
        ("患者出现皮肌炎的典型皮疹:上睑紫红色斑,指关节伸侧紫红色丘疹。", {HELIOTROPE, PAPULES}),
        ("両上眼瞼に皮膚筋炎に特徴的な紫紅色の紅斑を認めた。", {HELIOTROPE}),
        (
            "She had typical skin findings, including violaceous papules over the knuckles.",
            {PAPULES},
        ),
        ("Her characteristic skin findings are violaceous papules over the knuckles.", {PAPULES}),
    ],
)
def test_the_patients_rash_called_typical_of_the_disease(words: str, expected: set[str]) -> None:
    assert skin(words) == expected


def test_a_lesion_named_by_its_colour_keeps_the_v_sign() -> None:
    # "erythematous lesions" is one term of the Gottron and heliotrope rules: the V-sign rule,
    # which reads "erythematous", lists it too
    assert present("Erythematous lesions on the upper chest.") == {"v_sign"}
