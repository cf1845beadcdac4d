"""Cancers in the round-30 opened sets' classes (issue #10, i30c). Every sentence is our own;
each expected value is worked out by hand from the words.

- a cancer whose own name says its place ("metastatic melanoma": the skin) keeps that place
  when a later sentence names another organ's cancer: that is a second tumour, not the
  melanoma's site;
- a report of several cases that says what all its cases have ("we report two cases of
  dermatomyositis with tonsillar carcinoma") states the first case's cancer; a general
  statement about cases ("many cases of ... are reported") states none.
"""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import read


def _tumours(note: str) -> list[tuple[str, str]]:
    return sorted((t.site.value, t.histology.value) for t in read(note).case.tumours)


# ------------------------------------------------- a melanoma keeps the skin its name implies
@pytest.mark.parametrize(
    "later",
    [
        "A chest CT then showed a 3 cm mass in the right lung; biopsy: adenocarcinoma.",
        "Two years later a 25 mm adenocarcinoma of the sigmoid colon was resected.",
    ],
)
def test_melanoma_is_not_moved_to_a_later_organ(later: str) -> None:
    note = "A 74-year-old man with metastatic melanoma developed proximal weakness.\n" + later
    sites = [site for site, _ in _tumours(note)]
    assert "skin" in sites
    assert len(sites) == 2


def test_melanoma_alone_stays_one_skin_tumour() -> None:
    note = (
        "A 74-year-old man with a melanoma developed proximal weakness.\n"
        "The melanoma was 12 mm across."
    )
    assert _tumours(note) == [("skin", "other")]


def test_carcinoma_without_an_implied_place_still_takes_the_later_organ() -> None:
    note = (
        "A 74-year-old man was found to have an adenocarcinoma.\n"
        "Its primary was a 3 cm mass in the right lung."
    )
    assert _tumours(note) == [("lung", "adenocarcinoma")]


# ------------------------------------------------ what the authors' several cases all have
@pytest.mark.parametrize(
    "intro",
    [
        "We report two cases of dermatomyositis with squamous cell carcinoma of the tonsil.",
        "We present three cases of elderly patients with myositis and squamous cell carcinoma.",
        "We describe 2 clinical cases of dermatomyositis heralding a squamous cell carcinoma.",
    ],
)
def test_the_reports_own_cases_state_the_first_cases_cancer(intro: str) -> None:
    note = intro + "\nCase 1. A 58-year-old woman had a heliotrope rash."
    assert ("other", "squamous_cell_carcinoma") in _tumours(note)


@pytest.mark.parametrize(
    "intro",
    [
        "Many cases of dermatomyositis with squamous cell carcinoma have been reported.",
        "Two cases of dermatomyositis with squamous cell carcinoma were published before.",
    ],
)
def test_cases_in_general_state_no_cancer(intro: str) -> None:
    note = intro + "\nA 58-year-old woman had a heliotrope rash."
    assert _tumours(note) == []
