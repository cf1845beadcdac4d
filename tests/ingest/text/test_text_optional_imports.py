"""An optional table or model that cannot be loaded never refuses a note (i11d).

Last session a text_eval run counted every text as refused while the shared venv was being
touched; a lazily imported package that fails (pycountry's place tables, the embedding model)
must leave the rules' reading standing, say so in the warnings, and not be remembered as a
failure: the next note tries again.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pycountry
import pytest

from myositis_cds.ingest.text import _embed, _fallback, _places, extract_case

TODAY = date(2026, 11, 27)
# Kiambu is a county of Kenya (ISO 3166-2:KE-13) that the hand list of places does not name:
# only pycountry's subdivision table resolves it.
KIAMBU = (
    "52-year-old woman living in Ruiru, Kiambu County, with four months of heliotrope rash, "
    "Gottron papules and proximal weakness. CK 3400 U/L.\n"
)


@pytest.fixture
def fresh_place_tables() -> Iterator[None]:
    _places._tables.cache_clear()
    yield
    _places._tables.cache_clear()  # rebuilt from the real pycountry by the next caller


def test_without_pycountry_the_note_is_read_and_the_place_left_unresolved_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, fresh_place_tables: None
) -> None:
    monkeypatch.setitem(sys.modules, "pycountry", None)  # `import pycountry` raises ImportError
    result = extract_case(KIAMBU, today=TODAY)
    assert result.case.patient.age == 52 and result.case.patient.region is None
    assert any(
        "not resolved to a country: pycountry cannot be imported" in w for w in result.warnings
    )
    # the failure was not kept: with pycountry back, the next note resolves Kiambu to Kenya
    monkeypatch.undo()
    again = extract_case(KIAMBU, today=TODAY)
    assert again.case.patient.region == "KE"
    assert not any("not resolved to a country" in w for w in again.warnings)


def test_missing_country_name_catalogues_are_said_not_cached_silently(
    monkeypatch: pytest.MonkeyPatch, fresh_place_tables: None, tmp_path: Path
) -> None:
    # pycountry importable but its translations gone (as while an install rewrites them): the
    # tables would lack "Rumunia", "Suomi"... for the whole process if built and cached so
    monkeypatch.setattr(pycountry, "LOCALES_DIR", str(tmp_path))
    result = extract_case(KIAMBU, today=TODAY)
    assert result.case.patient.region is None
    assert any("pycountry has no country names in de, pl," in w for w in result.warnings)
    monkeypatch.undo()
    assert extract_case(KIAMBU, today=TODAY).case.patient.region == "KE"


PARAPHRASE = "Clinic letter, 12 Nov 2026.\nMrs B, 58-year-old woman.\n" + (
    "A lilac colour has appeared over both upper lids.\n"
)


def test_an_embedding_model_that_cannot_be_loaded_leaves_the_rules_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads: list[int] = []

    def broken_encoder() -> _embed.Encoder:
        loads.append(1)
        raise ImportError("No module named 'tokenizers'")

    monkeypatch.setattr(_embed, "available", lambda: True)  # installed, as far as find_spec sees
    monkeypatch.setattr(_embed, "encoder", broken_encoder)
    monkeypatch.setattr(_fallback, "_table", broken_encoder)
    plain = extract_case(PARAPHRASE, today=TODAY, fallback="none")
    first = extract_case(PARAPHRASE, today=TODAY, fallback="embed")
    second = extract_case(PARAPHRASE, today=TODAY, fallback="embed")
    assert first.case == plain.case and second.case == plain.case
    for asked in (first, second):
        assert any(
            "its model could not be loaded (ImportError: No module named 'tokenizers')" in w
            for w in asked.warnings
        )
    assert len(loads) == 2  # each note tried to load it: the failure was not cached
