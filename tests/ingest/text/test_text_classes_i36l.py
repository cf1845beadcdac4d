"""Failure classes of the opened report sets heldout_ac to heldout_af (issue #10, round 36, helper
i36l). Every vignette is our own; the expected items are worked out by hand from the 2017
EULAR/ACR definitions (Lundberg et al., Ann Rheum Dis 2017;76:1955, Table 1: a heliotrope rash is
a purple, lilac or erythematous rash of the eyelids or around the orbits; Gottron's papules are
raised over the extensor side of the joints, Gottron's sign flat there; each is its own item) and
the reports' gold conventions (tests/data/reports/index.yaml: periorbital oedema alone is not a
heliotrope rash; plaques over the joints are the sign, papules the papules)."""

from __future__ import annotations

import pytest

from .helpers import findings_of, tumour_sites

# ------------------------------------- a colour that qualifies another lesion is not the eyelids'


@pytest.mark.parametrize(
    "text",
    [
        # English puts the colour before its noun: the plaques are violaceous, over the knees
        "A 46-year-old woman. On examination, periorbital oedema, violaceous plaques over the"
        " knees.",
        # Portuguese, Spanish and French put it after: the plaques' colour again
        "Mulher de 46 anos. Ao exame, edema periorbital, placas violáceas sobre os joelhos.",
        "Mujer de 46 años. Edema periorbitario, placas violáceas en las rodillas.",
        "Femme de 46 ans. Oedème périorbitaire, plaques violacées sur les genoux.",
    ],
)
def test_periorbital_oedema_beside_a_coloured_lesion_elsewhere_is_no_heliotrope(text: str) -> None:
    found = findings_of(text)
    assert "heliotrope_rash" not in found, found
    assert found.get("gottron_sign") is True  # the plaques over the knees are still read


@pytest.mark.parametrize(
    "text",
    [
        # the colour said of the eyelids themselves, in either order, stays a heliotrope rash
        "A 46-year-old woman. Her upper eyelids were violaceous and swollen.",
        "A 46-year-old woman. Periorbital oedema, violaceous upper eyelids.",
        "Mujer de 46 años. Párpados violáceos y edematosos.",
        # and a coloured lesion of the eyelids, read by the lesion's own rule
        "A 46-year-old woman. Violaceous oedema of both upper eyelids.",
        "Mulher de 46 anos. Eritema violáceo periorbital.",
    ],
)
def test_a_colour_said_of_the_eyelids_is_still_a_heliotrope(text: str) -> None:
    assert findings_of(text).get("heliotrope_rash") is True


# ------------------------------ plaques over the joints are the sign beside papules elsewhere


@pytest.mark.parametrize(
    "text",
    [
        "A 46-year-old woman. Violaceous plaques over the elbows, violaceous papules over the"
        " metacarpophalangeal joints.",
        "A 46-year-old woman. Erythematous plaques on both knees. Gottron's papules over the"
        " knuckles.",
        "Mulher de 46 anos. Placas violáceas sobre as superfícies extensoras dos dois cotovelos,"
        " pápulas violáceas sobre as articulações metacarpofalângicas.",
        "Mujer de 46 años. Placas eritematosas en codos y rodillas; pápulas de Gottron en los"
        " nudillos.",
    ],
)
def test_plaques_over_joints_are_the_sign_beside_papules_described_elsewhere(text: str) -> None:
    found = findings_of(text)
    assert found.get("gottron_sign") is True, found
    assert found.get("gottron_papules") is True, found


@pytest.mark.parametrize(
    "text",
    [
        # papules and plaques of one eruption: the papules only
        "A 46-year-old woman. Violaceous papules and plaques over the MCP joints.",
        # plaques in the papules' bracket describe those papules
        "A 46-year-old woman. Gottron's papules (raised, scaly plaques over the knuckles).",
        # plaques of psoriasis are no sign
        "A 46-year-old woman. Psoriatic plaques over the elbows; Gottron's papules over the"
        " knuckles.",
        # a plaque of calcium on a radiograph is calcinosis
        "A 46-year-old woman. Gottron's papules over the knuckles. A radiograph of the elbow"
        " showed a plaque of subcutaneous calcification.",
        "Mulher de 46 anos. Pápulas de Gottron nos nós dos dedos. Radiografia dos cotovelos:"
        " calcinose em placas.",
        # an unqualified rash over the joints beside papules is those papules named loosely
        "A 46-year-old woman. Rash on the eyelids and knuckles for a month. On examination,"
        " papules over the MCP joints.",
    ],
)
def test_papules_and_plaques_of_one_eruption_or_a_loose_rash_are_no_sign(text: str) -> None:
    found = findings_of(text)
    assert found.get("gottron_papules") is True, found
    assert "gottron_sign" not in found, found


# ------------------------------------------- a tumour said to have spread is a cancer (i36l)
# A metastasis is a malignant tumour's by definition: "liver metastases of a breast tumour" names
# a breast cancer whatever noun the text uses for it (the French and Italian generic nouns,
# "tumeur", "tumore", are otherwise a mass: recorded only with a size or a histology, as English
# "mass"). Site from the organ word, histology not stated ("other").


@pytest.mark.parametrize(
    "text",
    [
        "Une femme de 47 ans. Nous rapportons une dermatomyosite révélant des métastases"
        " hépatiques et osseuses d'une tumeur mammaire infraclinique.",
        "Une femme de 47 ans. La dermatomyosite a révélé une tumeur du sein métastatique.",
        "Donna di 47 anni. Dermatomiosite che rivela metastasi epatiche di un tumore mammario.",
        "Mujer de 47 años. Dermatomiositis que reveló metástasis óseas de un tumor de mama.",
    ],
)
def test_a_tumour_with_its_metastases_is_a_cancer_of_its_organ(text: str) -> None:
    assert tumour_sites(text) == [("breast", "other")]


@pytest.mark.parametrize(
    "text",
    [
        # a tumour with no spread said, or its spread denied, is a mass: no cancer without a size
        "Une femme de 47 ans. Une tumeur mammaire a été retirée.",
        "Une femme de 47 ans. Tumeur mammaire, sans métastase à distance.",
        "Donna di 47 anni. Un tumore mammario benigno è stato asportato.",
        # metastases named in general, not of her tumour
        "Une femme de 47 ans. Le bilan ne montrait ni tumeur ni métastase.",
    ],
)
def test_a_tumour_without_stated_spread_is_no_cancer(text: str) -> None:
    assert tumour_sites(text) == []
