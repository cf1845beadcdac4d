"""Issue #10, twenty-second session (branch i46f): classes of wording in the findings, the dates
and the events of the notes. Each expectation is worked out by hand on sentences written for this
test (no text from a note)."""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.ingest.text import extract_case

TODAY = date(2026, 11, 27)
LEAD = "Clinic 20/11/2026. A 61-year-old woman with dermatomyositis. "


def _events(text: str) -> list[tuple[str, date]]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return sorted((e.kind.value, e.date) for e in case.events)


# --- an operation still to come is no event of the story (rules/patterns.yaml event_not_done)


@pytest.mark.parametrize(
    "sentence",
    [
        # its date or turn left open after its name
        "Colon cancer found at colonoscopy. Hemicolectomy to follow once steroids are lower.",
        "Right hemicolectomy date TBC with the colorectal team.",
        "Gastrectomy to be arranged by the upper GI surgeons.",
        # a time or a condition before it
        "Azathioprine paused before her gastrectomy on the surgeons' advice.",
        "Steroid cover discussed prior to the hemicolectomy.",
        "Fitness for surgery on prednisolone flagged to the anaesthetist.",
        "Colorectal MDT next week (likely anterior resection).",
        # a modal or infinitive passive
        "She asked whether the lesion could be excised under local anaesthetic.",
        "The thyroid nodule is to be resected in January.",
        # one of two treatments offered
        "Options for the oesophageal cancer (surgery / chemoradiation) explained.",
        "Lumpectomy or mastectomy with axillary surgery, then radiotherapy.",
        # an MDT's decision line
        "Lung MDT 18/11/2026: lobectomy then adjuvant chemotherapy.",
        # a plan's label in Perso-Arabic script
        "پلان: gastrectomy",
    ],
)
def test_an_operation_still_to_come_is_no_event(sentence: str) -> None:
    assert [k for k, _ in _events(sentence)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a cast taken off and a fluid drained are no operation
        "Cast removal at the fracture clinic went well.",
        "800 ml of pleural fluid removed at thoracoscopy.",
        # the GP's premises where photographs were taken
        "Photographs of the rash taken in surgery today by the nurse.",
    ],
)
def test_a_removal_or_a_place_is_no_operation(sentence: str) -> None:
    assert [k for k, _ in _events(sentence)] == []


def test_an_operation_done_stays_an_event() -> None:
    # the same names told as done keep their event on their date
    assert _events("Right hemicolectomy on 02/11/2026 for a caecal adenocarcinoma.") == [
        ("surgery", date(2026, 11, 2))
    ]
    assert _events("Gastrectomy performed 05/11/2026; recovering well.") == [
        ("surgery", date(2026, 11, 5))
    ]


# --- Scottish Gaelic dates and denials (rules/patterns.yaml month_names.gd, time.dates;
# rules/context.yaml)

GAELIC = "Diciadain, 18 an t-Samhain 2026\nAois: 49 bliadhna   Fireannach\nDermatomyositis.\n"


def _gaelic(text: str) -> list[tuple[str, str, bool, date]]:
    facts = extract_case(GAELIC + text, today=TODAY).facts
    return sorted((f.type, f.code, f.status == "present", f.date) for f in facts if f.in_case)


def test_a_gaelic_date_with_its_article_is_read() -> None:
    # the note's own date gives the age's day, and a day, article and month is that day
    facts = extract_case(GAELIC + "Gottron papules.", today=TODAY).facts
    assert {f.date for f in facts if f.code == "age"} == {date(2026, 11, 18)}
    got = _gaelic("Prednisolone 40 mg od started 2 an Dàmhair 2026.")
    assert ("treatment", "prednisolone", True, date(2026, 10, 2)) in got
    # each article's form: "an t-" before a vowel or s, "an", "am" before a labial
    for written, day in [
        ("9 an t-Ògmhios 2025", date(2025, 6, 9)),
        ("9 an Giblean 2025", date(2025, 4, 9)),
        ("9 am Faoilleach 2025", date(2025, 1, 9)),
        ("9 an Dùbhlachd 2025", date(2025, 12, 9)),
        ("9 an Lunastal 2025", date(2025, 8, 9)),
    ]:
        got = _gaelic(f"Prednisolone 40 mg od started {written}.")
        assert ("treatment", "prednisolone", True, day) in got, written


def test_an_english_an_before_a_month_is_no_date() -> None:
    # the article is read only with its year after the month
    got = _gaelic("Gottron papules seen on 3 an t-Sultain.")
    assert all(d != date(2026, 9, 3) for *_, d in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chan eil interstitial lung disease ann.",
        "Cha robh interstitial lung disease air an CT.",
    ],
)
def test_a_gaelic_negative_particle_denies(sentence: str) -> None:
    got = _gaelic(sentence)
    assert ("finding", "interstitial_lung_disease", False, date(2026, 11, 18)) in got
    assert ("finding", "interstitial_lung_disease", True, date(2026, 11, 18)) not in got


# --- a fatigable grade: the grade after exertion is the finding (_strength.py
# _RESTED_THEN_FATIGUED; facts/strength.py: "at rest" is not "the rest" of the groups)


def _weakness(text: str) -> dict[str, bool]:
    case = extract_case(LEAD + text, anchor=date(2026, 11, 20), today=TODAY).case
    return {f.code: f.present for f in case.findings}


@pytest.mark.parametrize(
    "sentence",
    [
        "Deltoids 5/5 at rest, 4/5 after 15 repetitions; hip flexors 5/5.",
        "Shoulder abduction 5 initially, falling to 4-/5 on repeated testing; hip flexion 5/5.",
        "Shoulder abduction MRC 5 when rested but MRC 4 after sustained exercise; hip flexion 5/5.",
    ],
)
def test_a_fatigable_grade_is_the_weakness(sentence: str) -> None:
    # the arms weaken on exertion (4 on both sides: no side written), the hips stay full; the
    # rested grade is neither the other side's nor "the rest" of the groups at 5
    assert _weakness(sentence) == {
        "weakness_proximal_upper": True,
        "weakness_proximal_lower": False,
    }


def test_a_rested_grade_alone_and_the_rest_of_the_groups_keep_their_reading() -> None:
    assert _weakness("Shoulder abduction 5/5 at rest.") == {"weakness_proximal_upper": False}
    # "rest" as the remaining groups still grades them
    assert _weakness("Hip flexors 4/5, rest 5/5.")["weakness_proximal_upper"] is False


# --- shoulders named as weak or graded are muscles, not the shawl's skin (rules/inference.yaml
# shawl_from_posterior_neck_shoulders, site_not_muscle)


@pytest.mark.parametrize(
    "sentence",
    [
        "Complaints (a rash, then weak shoulders and thighs) since August 2026.",
        "A rash on the cheeks, and his hips and shoulders have become weak.",
        "Facial rash with weakness of the hips and shoulders.",
        "Violaceous eyelid rash; hip flexors MRC 4/5, shoulders 5/5.",
    ],
)
def test_weak_or_graded_shoulders_are_no_shawl(sentence: str) -> None:
    assert "shawl_sign" not in _weakness(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Poikiloderma over the upper back and shoulders.",
        "Erythema across both shoulders.",
        # a weakness word before the rash, in another clause, leaves the skin's shoulders
        "Weak hips; erythema across the shoulders.",
    ],
)
def test_a_rash_over_the_shoulders_stays_the_shawl(sentence: str) -> None:
    assert _weakness(sentence).get("shawl_sign") is True
