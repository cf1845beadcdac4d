"""issue #10 (i48p): two more of the text adapter's patterns get compile_rule's quicker tries,
with the same matches as the plain compile.

- The CT named by its body regions (InvestigationMatcher, run over every note) is compiled as a
  rule: led by its first characters, with the skip table and merged first letters.
- A rule whose first characters are not derived (an alternative may start with any letter) is
  no longer compiled plainly: its alternatives are merged by first letter and their first
  letters tested with the case kept, as a led rule's are.
"""

from __future__ import annotations

import re

import pytest
from benchmarks.text_eval import opened_notes

from myositis_cds.ingest.text._rules import compile_rule, rules

# written for the test: regions in several languages and orders, a list that goes on, a
# scanner inside a word, capitals, and a rule's words with any first letter
_TEXTS = (
    "CT chest, abdomen and pelvis (contrast) showed no mass. HRCT chest: NSIP pattern.\n",
    "Thorax-abdomen-pelvis CT 03/2025 normal; KT krūtinės, pilvo ir dubens - be pakitimų.\n",
    "TAC de tórax, abdomen y pelvis sin hallazgos. ACT chestnut; CT of chest, tummy and pelvis.\n",
    "Lungenkarzinom ausgeschlossen; Brystkreft nei. Müllerian carcinoma? no. ſince MAY.\n",
)


def _texts() -> list[str]:
    notes = [p.read_text(encoding="utf-8") for p in opened_notes()[::3]]
    return [*notes, *_TEXTS, _TEXTS[0].upper(), _TEXTS[1].lower()]


def _same_matches(rx: re.Pattern[str], plain: re.Pattern[str], texts: list[str]) -> None:
    for text in texts:
        got = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_the_ct_of_named_regions_is_compiled_as_a_rule() -> None:
    rx = rules().investigations._named_by_regions
    assert rx.pattern.startswith("(?=[")  # led by its first characters: the skip table
    body = rx.pattern[rx.pattern.index("(?:") :]
    plain = re.compile(body, re.IGNORECASE)
    texts = _texts()
    _same_matches(rx, plain, texts)
    # the texts written for the test hold CTs named by regions, found either way
    assert sum(1 for _ in rx.finditer(_TEXTS[0] + _TEXTS[1] + _TEXTS[2])) >= 5


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:m[üu]ll?erian carcinoma|[^\W\d_]{3,}(?:karzinom|kreft)|cancer|carcinoma)",
        r"(?:[^.;\n]{0,20}?\b(?:since|s(?:ince)?\s+may)\b)",
        r"[\w-]*(?:ectomy|excision|resection)\s*(?:/|\bor\b)",
    ],
)
def test_a_rule_without_first_characters_gets_quicker_tries(pattern: str) -> None:
    rx = compile_rule(pattern)
    plain = re.compile(pattern, re.IGNORECASE)
    assert rx.pattern == pattern  # no lead: its first characters are any letter
    assert rx != plain  # its programme is not the plain one
    _same_matches(rx, plain, _texts())
