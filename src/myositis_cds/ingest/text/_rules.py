"""Rules as data: load and validate ``rules/*.yaml`` once, compile them into matchers.

Each rule file has a schema (pydantic, unknown keys forbidden, codes checked against the Case
enums), so a typo in the rules is a start-up error, never a silent miss. Term lists compile to
one case-insensitive regular expression per file section; a match is mapped back to its concept
through a normalised key (lower case, no spaces, hyphens or apostrophes), which is why the same
term may not name two concepts.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from myositis_cds.case import (
    AntibodyCode,
    EventKind,
    FindingCode,
    InvestigationCode,
    LabCode,
    TumourHistology,
    TumourInvasion,
    TumourSite,
    TumourSyndrome,
)
from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text import _programs
from myositis_cds.knowledge import load_packaged_yaml, parse_yaml

__all__ = ["Rules", "TermMatcher", "rules"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RulesMeta(_Strict):
    id: str
    version: str
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- lexicon
class ClearlyAbove(_Strict):
    """A value (in the lab's unit) above every adult reference range in use: a value this high
    stated without its own range is read as above the limit, flagged for a clinician to check."""

    value: float = Field(gt=0)
    verified: Literal["V", "S", "U", "C"]


class ClearlyAboveChild(ClearlyAbove):
    """issue #10 (i12c): the same for a child between ``from_age`` and ``below_age`` years,
    whose ranges are lower than an adult's."""

    from_age: int = Field(ge=0)
    below_age: int = Field(gt=0)


class LabEntry(_Strict):
    terms: list[str]
    unit: str
    clearly_above: ClearlyAbove | None = None
    clearly_above_child: ClearlyAboveChild | None = None  # issue #10 (i12c)
    # words that by themselves say the value is raised ("hyperCKaemia", "rhabdomyolysis")
    raised_terms: list[str] = Field(default_factory=list)
    # issue #10 (i10l): longer names that begin with a term but name another test ("CK-MB", the
    # cardiac isoenzyme): matched so that the shorter term does not match inside them, then dropped
    not_terms: list[str] = Field(default_factory=list)


class DrugEntry(_Strict):
    terms: list[str]
    route: (
        Literal["oral", "intravenous", "intramuscular", "subcutaneous", "topical", "other"] | None
    ) = None


class TumourLexicon(_Strict):
    histology: dict[TumourHistology, list[str]]
    sites: dict[TumourSite, list[str]]
    syndromes: dict[TumourSyndrome, list[str]]
    operations: dict[TumourSite, list[str]]
    invasion: dict[TumourInvasion, list[str]]
    # cancers whose name says where they arise, used when the text names no site
    implied_sites: dict[TumourSite, list[str]] = Field(default_factory=dict)
    # issue #10 (i10l): histology abbreviations that are also ordinary words, read only when
    # written with at least two capitals ("NET", "pNET"; not "net", "Phcog.Net")
    capitals_only: list[str] = Field(default_factory=list)
    # issue #10 (i39r): a site word that names two organs ("colorectal"): read as the first,
    # and as the other when an operation on the other removes that tumour
    either_sites: dict[str, list[TumourSite]] = Field(default_factory=dict)
    # issue #10 (i10x): benign lesions an operation may remove instead of a cancer
    benign_lesions: list[str] = Field(default_factory=list)
    # issue #10 (i10af): devices a removal word may be about ("cannula removed")
    devices: list[str] = Field(default_factory=list)


class MuscleBiopsyLexicon(_Strict):
    trigger: list[str]
    features: dict[
        Literal[
            "endomysial_infiltrate",
            "perimysial_perivascular_infiltrate",
            "perifascicular_atrophy",
            "rimmed_vacuoles",
            "any_infiltrate",
            "any_vacuoles",
        ],
        list[str],
    ]
    # issue #10 (i11b): a biopsy named by the muscle it sampled ("biopsy of the skin and deltoid
    # muscle", "biopsie quadricipitale") or by the myopathy it showed ("la biopsie une myosite
    # nécrosante"), and the skin sampled beside it; see facts/muscle_biopsy.py
    sampled: dict[Literal["sample", "muscle", "myopathy", "skin"], list[str]] = Field(
        default_factory=dict
    )


class AntibodyPanel(_Strict):
    terms: list[str]
    codes: list[AntibodyCode] = Field(min_length=1)
    # issue #10 (i10ap): the words name the class of antibodies, not a test ("myositis-specific
    # autoantibodies were not detected"): a negative records none of them, with a warning
    names_none: bool = False


class OtherLanguageTerms(_Strict):
    """issue #10: the same concepts in the languages of abstracts met in case reports (Spanish,
    Portuguese, Polish, ...), kept apart from the English lists so each can be reviewed alone."""

    findings: dict[FindingCode, list[str]] = Field(default_factory=dict)
    labs: dict[LabCode, list[str]] = Field(default_factory=dict)
    antibodies: dict[AntibodyCode, list[str]] = Field(default_factory=dict)  # issue #10 (i10i)
    # issue #10 (i10i): cancers: histologies, sites, and the nouns that name a cancer (like
    # "cancer", they record a tumour without a size: histology "other")
    tumour_histology: dict[TumourHistology, list[str]] = Field(default_factory=dict)
    tumour_sites: dict[TumourSite, list[str]] = Field(default_factory=dict)
    cancer_nouns: list[str] = Field(default_factory=list)
    # issue #10 (i10k): tests named in the abbreviations of other languages ("TACAR", "FGDS")
    investigations: dict[InvestigationCode, list[str]] = Field(default_factory=dict)
    # issue #10 (i10p): cancers whose own name says their site ("Melanom", "czerniak": skin)
    implied_sites: dict[TumourSite, list[str]] = Field(default_factory=dict)
    # issue #10 (i10p): a muscle biopsy and its EULAR/ACR features ("Muskelbiopsie",
    # "perifaszikuläre Atrophie"); the features' names are MuscleBiopsyLexicon's
    muscle_biopsy_trigger: list[str] = Field(default_factory=list)
    muscle_biopsy_features: dict[str, list[str]] = Field(default_factory=dict)
    # issue #10 (i10ah): the operations that remove an organ ("Mastektomie", "lobectomía",
    # "lumpektomi"): where a tumour was removed, and each a surgery event
    operations: dict[TumourSite, list[str]] = Field(default_factory=dict)
    # issue #10 (i10aj): the drugs by their names in other languages ("Prednisolon",
    # "metotrexato"), keyed by the lexicon's drug; and the events ("Lumpektomi", "Resektion")
    treatments: dict[str, list[str]] = Field(default_factory=dict)
    events: dict[EventKind, list[str]] = Field(default_factory=dict)


class LanguageVocabulary(_Strict):
    """issue #10 (i10p): rules/languages.yaml, the systematic vocabulary of the common publishing
    languages; its terms may write inflected forms compactly ("rak{|a|u|iem}", see
    expand_forms) and are merged into the same concepts as the lexicon's."""

    meta: RulesMeta
    terms: OtherLanguageTerms
    # cancer nouns written onto an organ ("Bronchialkarzinom", "tüdőrák", "longkanker"): a site
    # term ending in one of these is also a cancer noun, so the compound alone names the cancer
    compound_heads: list[str] = Field(default_factory=list)


_FORMS = re.compile(r"\{([^{}]*)\}")


class InitialMutations(_Strict):
    """issue #10 (i15a): rules/mutations.yaml, the Welsh initial mutations."""

    meta: RulesMeta
    initials: dict[str, list[str]]
    vowel: list[str]


@cache
def _initial_mutations() -> InitialMutations:
    table: InitialMutations = _load("mutations", InitialMutations)
    return table


def mutated_forms(word: str) -> list[str]:
    """A Welsh word's radical and mutated forms (rules/mutations.yaml): "gwendid" gives
    "gwendid", "wendid", "ngwendid"; "poen" gives "poen", "boen", "mhoen", "phoen"."""
    table = _initial_mutations()
    lower = word.casefold()
    initial = max((i for i in table.initials if lower.startswith(i)), key=len, default=None)
    if initial is not None:
        heads, rest = table.initials[initial], word[len(initial) :]
    elif lower[:1] in "aeiouwyâêîôûŵŷáéíóú":
        heads, rest = [h + word[:1] for h in table.vowel], word[1:]
    else:
        return [word]
    forms = [word]
    for head in heads:
        form = head + rest
        if word[:1].isupper():
            form = form[:1].upper() + form[1:]
        forms.append(form)
    return list(dict.fromkeys(f for f in forms if f))


def expand_forms(term: str) -> list[str]:
    """Every spelling a term with alternatives in braces names: "rak{|a|u}" gives "rak", "raka",
    "raku"; several groups give every combination ("{lungen|bronchial}karzinom{|s}"), and a
    group may hold another ("{groß{e|en} |}karzinom": the inner one is expanded first).
    (issue #10, i15a: a leading "~" names a Welsh word with its initial mutations,
    "~gwendid{|au}": see mutated_forms.)"""
    if term.startswith("~"):
        return list(
            dict.fromkeys(m for form in expand_forms(term[1:]) for m in mutated_forms(form))
        )
    m = _FORMS.search(term)
    if m is None:
        return [term]
    forms = (
        form
        for alt in m.group(1).split("|")
        for form in expand_forms(term[: m.start()] + alt + term[m.end() :])
    )
    return list(dict.fromkeys(forms))  # nested groups may spell a form twice


def _merged_languages(
    lexicon_terms: OtherLanguageTerms, vocabulary: LanguageVocabulary
) -> OtherLanguageTerms:
    """The lexicon's other-language terms with rules/languages.yaml's (forms expanded) added,
    and the organ-and-cancer compounds among its sites added to the cancer nouns."""
    extra = vocabulary.terms
    merged: dict[str, Any] = {}
    for name in OtherLanguageTerms.model_fields:
        old, new = getattr(lexicon_terms, name), getattr(extra, name)
        if isinstance(old, list):
            merged[name] = [*old, *(f for t in new for f in expand_forms(t))]
        else:
            keys = {**old, **new}
            merged[name] = {
                k: [*old.get(k, []), *(f for t in new.get(k, []) for f in expand_forms(t))]
                for k in keys
            }
    heads = tuple(h.casefold() for h in vocabulary.compound_heads)
    merged["cancer_nouns"] += [
        t
        for k, terms in extra.tumour_sites.items()
        for t in (f for term in terms for f in expand_forms(term))
        if " " not in t and any(t.casefold().endswith(h) and len(t) > len(h) for h in heads)
    ]
    return OtherLanguageTerms(**merged)


class CtRegions(_Strict):
    """issue #10 (i44i): the words that name a CT by the body regions it covers (lexicon.yaml
    ``ct_regions``): the scanner's letters, the words before the first region, the languages'
    "and", the contrast written between regions and letters, the regions, and the code each set
    of regions names."""

    scanners: list[str]
    lead_ins: list[str]
    joiners: list[str]
    contrast: list[str]
    regions: dict[Literal["neck", "chest", "abdomen", "pelvis"], list[str]]
    codes: dict[str, InvestigationCode]


class Lexicon(_Strict):
    meta: RulesMeta
    findings: dict[FindingCode, list[str]]
    # issue #10 (i50f): a finding a test shows, and the tests that show it (lexicon.yaml)
    findings_shown_by: dict[FindingCode, list[InvestigationCode]] = Field(default_factory=dict)
    labs: dict[LabCode, LabEntry]
    antibodies: dict[AntibodyCode, list[str]]
    investigations: dict[InvestigationCode, list[str]]
    investigation_back_references: dict[str, list[str]]
    # issue #10 (i44i): a CT named by its body regions in any language (lexicon.yaml ct_regions)
    ct_regions: CtRegions | None = None
    # issue #10 (i36e, i37c): per language, what a test showed set against what it did not
    result_contrasts: dict[str, list[str]] = Field(default_factory=dict)
    treatments: dict[str, DrugEntry]
    routes: dict[
        Literal["oral", "intravenous", "intramuscular", "subcutaneous", "topical"], list[str]
    ]
    tumour: TumourLexicon
    events: dict[EventKind, list[str]]
    muscle_biopsy: MuscleBiopsyLexicon
    myositis: list[str]
    regions: dict[str, list[str]]
    nationalities: dict[str, list[str]] = Field(default_factory=dict)  # issue #10 (i10k)
    postcode_areas: dict[str, list[str]] = Field(default_factory=dict)  # issue #10 (i37c)
    # issue #10 (i54p): the national health bodies and their patient numbers (lexicon.yaml)
    health_bodies: dict[str, list[str]] = Field(default_factory=dict)
    health_bodies_capitals_only: list[str] = Field(default_factory=list)
    antibody_panels: dict[str, AntibodyPanel] = Field(default_factory=dict)
    # issue #10 (i10ae): longer names holding an antibody's name that name no antibody
    antibody_not_terms: list[str] = Field(default_factory=list)
    # issue #10 (i14c): longer names holding a sign's name that name another sign ("inverse
    # Gottron's papules", "反Gottron征": palmar, not the extensor item)
    finding_not_terms: list[str] = Field(default_factory=list)
    # issue #10 (i14a): abbreviations that are also another language's words, read only when
    # written with at least two capitals (French "AAN", not Dutch "aan"), as the tumours' own
    antibody_capitals_only: list[str] = Field(default_factory=list)
    # issue #10 (i10ap): the antigens' full names and their genes' symbols (lexicon.yaml)
    antibody_antigens: dict[AntibodyCode, list[str]] = Field(default_factory=dict)
    other_languages: OtherLanguageTerms = Field(default_factory=OtherLanguageTerms)

    @field_validator("regions", "nationalities", "postcode_areas", "health_bodies")
    @classmethod
    def _iso_codes(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = [code for code in value if not re.fullmatch(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", code)]
        if bad:
            raise ValueError(f"regions: {bad} are not ISO 3166 codes (e.g. CN, HK, US)")
        return value


# --------------------------------------------------------------------------- context
Category = Literal[
    "NEGATED_EXISTENCE",
    "RESOLVED",
    "IMPROVED",
    "POSITIVE",
    "WEAK_POSITIVE",
    "INDETERMINATE",
    "NORMAL",
    "ABNORMAL",
    "PENDING",
    "POSSIBLE_EXISTENCE",
    "HYPOTHETICAL",
    "CONDITIONAL",
    "HISTORICAL",
    "FAMILY",
    "GENERIC",
    "PSEUDO",
    "TERMINATE",
]
Direction = Literal["forward", "backward", "bidirectional", "terminate", "pseudo"]


class ContextRule(_Strict):
    literal: str | None = None
    # issue #10 (i10p): many literal phrases of one rule ("vater", "ojciec", "отец" ...), in
    # brace forms (expand_forms); matched with the other literals in one pass, far faster than
    # one long alternation
    literals: list[str] | None = None
    pattern: str | None = None
    category: Category
    direction: Direction
    max_scope: int | None = Field(default=None, ge=1)
    # issue #10 (i11c): a rule a fact reader must tell from the others of its category (the
    # exception after a negative, "negative except TIF1γ", is a POSITIVE the antibody reader
    # reads as the exception it is): the reader asks for it by this name, not by its words
    name: str | None = None
    # issue #10 (i17a): a word that is another word in another language (Finnish "ei", no; Welsh
    # "ei", his/her): the rule applies only in a note that has a word of one of these languages
    # (ContextRules.language_words)
    languages: list[str] | None = None

    @model_validator(mode="after")
    def _one_matcher(self) -> ContextRule:
        if [self.literal, self.literals, self.pattern].count(None) != 2:
            raise ValueError("give exactly one of literal, literals or pattern")
        if self.pattern is not None:
            compile_kept(self.pattern)
        if (self.category == "TERMINATE") != (self.direction == "terminate"):
            raise ValueError("TERMINATE goes with direction terminate, and only it")
        if (self.category == "PSEUDO") != (self.direction == "pseudo"):
            raise ValueError("PSEUDO goes with direction pseudo, and only it")
        return self


def _spaced(phrases: Iterable[str]) -> str:
    """A regex alternation of plain phrases, a phrase's words across any spacing ("apart
    from", "apart  from"); one that never matches when there are none."""
    return _either(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


def _phrase_words(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the plain phrases as whole words, ignoring case (:func:`_spaced`)."""
    return re.compile(rf"\b(?:{_spaced(phrases)})\b", re.IGNORECASE)


def _either(forms: Iterable[str]) -> str:
    """A regex alternation of the forms as written, or one that never matches."""
    return "|".join(forms) or "(?!)"


class LackingWording(_Strict):
    wording: str
    alone: bool = False  # also read without a service's word, near an antibody's name


class NotDoneWordings(_Strict):
    """issue #10 (l34b, i35v): a test that could not be done (rules/context.yaml
    ``test_not_done``; :func:`not_done_patterns`)."""

    wordings: list[str]
    services: list[str]
    lacking: list[LackingWording]
    unavailable: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class NotDonePatterns:
    pseudo: str  # the PSEUDO context rule {TEST_NOT_DONE}: no negative from its denial word
    near_name: re.Pattern[str]  # near an antibody's name: the name is a test's, not a positive


def not_done_patterns(words: NotDoneWordings | None) -> NotDonePatterns:
    """The wordings of a test not done, in the shape of each of their two uses."""
    words = words or NotDoneWordings(wordings=[], services=[], lacking=[])
    lacking = _either(w.wording for w in words.lacking)
    pseudo = (
        rf"\b(?:{_either(words.wordings)})\b"
        rf"|\b(?:{_either(words.services)})\b[^.;\n]{{0,40}}?\b(?:{lacking})\b"
    )
    alone = [*words.unavailable, *(w.wording for w in words.lacking if w.alone)]
    near_name = re.compile(rf"{pseudo}|\b(?:{_either(alone)})\b", re.IGNORECASE)
    return NotDonePatterns(pseudo, near_name)


class ContextRules(_Strict):
    meta: RulesMeta
    rules: list[ContextRule]
    test_not_done: NotDoneWordings | None = None  # issue #10 (l34b, i35v)
    # issue #10 (i17a): per language, words that show a note is (partly) written in it: a rule
    # with ``languages`` applies only where one of its languages' words is found
    language_words: dict[str, list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_languages(self) -> ContextRules:
        for rule in self.rules:
            unknown = set(rule.languages or ()) - set(self.language_words)
            if unknown:
                raise ValueError(f"a rule's languages {sorted(unknown)} have no language_words")
        return self


# --------------------------------------------------------------------------- sections
class SectionRule(_Strict):
    titles: list[str]
    patient: bool
    status: Literal["historical", "family", "planned"] | None = None
    one_line: bool = False  # the section is its title's line only ("Consultant: Dr X")
    one_paragraph: bool = False  # the section ends at the next blank line
    # "alone": the title opens the section only on a line of its own (a case report's
    # "Background"); "inline": only with text after it ("Background: DM diagnosed 2024").
    title_use: Literal["any", "alone", "inline"] = "any"


class LineResultWords(_Strict):
    words: list[str]
    degrees: list[str] = Field(default_factory=list)


def line_result_start(words: LineResultWords | None) -> re.Pattern[str]:
    """issue #10 (i34e, i35v): a result word that opens a line, then a stop, a comma, a bracket
    or the line's end (rules/sections.yaml ``line_result_words``)."""
    words = words or LineResultWords(words=[])
    return re.compile(
        rf"(?i:(?:(?:{_alternation(words.degrees)})\s+)?(?:{_alternation(words.words)}))"
        r"(?=\s*(?:[.,;()]|$))"
    )


class LineGradeWords(_Strict):
    grades: list[str]
    sides: list[str]


def line_grade_start(words: dict[str, LineGradeWords]) -> re.Pattern[str]:
    """issue #10 (i24d, i37c): an MRC grade that opens a line, so the line before (ending on a
    muscle) runs on: a grade out of 5 or V, or a Roman or word grade with its step, a comma or a
    side after it (rules/sections.yaml ``line_grade_words``)."""
    grades = _spaced(w for lang in words.values() for w in lang.grades)
    sides = _spaced(w for lang in words.values() for w in lang.sides)
    return re.compile(
        r"[0-5][+-]?\s?/\s?(?:[0-5][+-]?|10)(?![\d/])"
        r"|(?:IV|V|III|II|I)[+-]?\s?/\s?(?:V|IV|III|II|I)[+-]?(?![\w/])"
        rf"|(?:IV|V|III|II|(?i:{grades}))(?:[+-](?![\w/])|\s*[,;]"
        rf"|\s++(?i:{sides})\b)"
    )


class SectionRules(_Strict):
    meta: RulesMeta
    sections: dict[str, SectionRule]
    # issue #10: a structured abstract's labels before a full stop ("Introduction. DM is ..."),
    # section -> labels; and section titles in other languages ("Resumen", "Wprowadzenie")
    abstract_labels: dict[str, list[str]] = Field(default_factory=dict)
    other_language_titles: dict[str, list[str]] = Field(default_factory=dict)
    # issue #10 (lead, heldout29): words that never end a sentence (a negation, an article, a
    # preposition): a line ending on one runs on into the next line whatever its first letter
    # ("Keine" / "Mechanikerhände, ...": German nouns open the next line with a capital)
    line_continuing_words: list[str] = Field(default_factory=list)
    # issue #10 (i34e, i35v): a result word alone at a line's start runs the line on
    line_result_words: LineResultWords | None = None
    # issue #10 (i24d, i37c): per language, the grade words that open a line and run it on
    line_grade_words: dict[str, LineGradeWords] = Field(default_factory=dict)


def _abstract_labels(
    sections: SectionRules, alone: dict[str, str], inline: dict[str, str]
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The patterns of a structured abstract's label before a full stop: at a line start ("Case
    report. We present") and after a sentence in the same line ("... in DM patients. Case
    Description. A 61-year-old woman"). The titles in other languages open their section as
    titles do (alone on a line or before a colon; a title listed under ``sections`` wins)."""
    for name, words in sections.other_language_titles.items():
        if name not in sections.sections:
            raise KnowledgeError(f"rules/sections.yaml: other_language_titles: no section {name!r}")
        for word in words:
            alone.setdefault(word.casefold(), name)
            inline.setdefault(word.casefold(), name)
    labels: dict[str, str] = {}
    for name, words in sections.abstract_labels.items():
        if name not in sections.sections:
            raise KnowledgeError(f"rules/sections.yaml: abstract_labels: no section {name!r}")
        labels.update((word.casefold(), name) for word in words)
    if not labels:
        return None
    names = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    return (
        re.compile(rf"^\s*(?i:(?P<label>{names}))\.\s+(?=\S)"),
        re.compile(rf"(?<=[.!?]\s)(?i:(?P<label>{names}))\.\s+(?=[A-Z])"),
    )


def _abstract_colon_labels(
    sections: SectionRules,
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """issue #10 (i42r): the same labels before a colon, in an abstract run together as one
    paragraph ("Introduction: IPT is a rare ... etiology. Case Presentation: A 48-year-old man
    ..."): the paragraph opens on the label of the abstract's first part (``introduction`` or
    ``objective``, so that "Results: ... Conclusion: ..." in a clinic note is never cut) and each
    later label stands after a sentence's end, before a capital."""
    labels = {
        word.casefold(): name for name, words in sections.abstract_labels.items() for word in words
    }
    opening = [k for k, name in labels.items() if name in ("introduction", "objective")]
    if not opening:
        return None
    names = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    first = "|".join(re.escape(k) for k in sorted(opening, key=len, reverse=True))
    return (
        re.compile(rf"^\s*(?i:(?P<label>{first})):\s+(?=\S)"),
        re.compile(rf"(?<=[.!?]\s)(?i:(?P<label>{names})):\s+(?=[A-Z])"),
    )


# --------------------------------------------------------------------------- inference
def _alternation(phrases: list[str]) -> str:
    """A regex alternation of the phrases, longest first, any run of spaces between their words
    (issue #10, i31e: rules/inference.yaml ``site_negators``, ``site_contrasts``)."""
    words = sorted({p.casefold() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in words) or "(?!)"


class InferenceRule(_Strict):
    id: str
    infers: list[FindingCode] = Field(min_length=1)
    lesion: list[str] = Field(min_length=1)
    site: list[str] = Field(min_length=1)
    colour: list[str] = Field(default_factory=list)
    # lesion words that need no colour even when the rule lists colours ("a rash on the eyelids")
    colour_optional: list[str] = Field(default_factory=list)
    # no inference when one of these words stands within max_gap of the lesion (lower case):
    # "erythematous papules over the knuckles" are papules, not a flat sign
    unless_near: list[str] = Field(default_factory=list)
    # issue #10 (i36l): such a word counts only in the lesion's own phrase, no list comma or
    # semicolon between: "violaceous plaques over the elbows, papules over the MCP joints" are
    # two lesions, "papules and plaques over the knuckles" one
    unless_near_in_phrase: bool = False
    # no inference when the note already records one of these findings present
    unless_found: list[FindingCode] = Field(default_factory=list)
    # issue #10 (i30e): no inference when one of the two words right before the lesion names one
    # of these colours and none of them a red one (lower case): "bluish-black discoloration on
    # her elbows" is a pigmentary change, "reddish-brown patches" keep their red
    unless_colour: list[str] = Field(default_factory=list)
    unless_colour_but: list[str] = Field(default_factory=list)
    # issue #10 (i36l): a lesion word that is a colour qualifies the lesion noun written right
    # against it, before it or after it ("violaceous plaques over the knees", "placas violáceas
    # sobre os joelhos"): it is that lesion's colour, not the site's, and the rules that read a
    # lesion with its colour decide where that lesion is
    unless_next_to_lesion: bool = False
    max_gap: int = Field(ge=1, le=60)
    # a lesion and a site further apart than max_gap (up to bridge_gap tokens) still pair when
    # every word between them is a linking word (InferenceRules.bridge): "weakness,
    # predominantly affecting the proximal muscles", "weakness in the muscles of her proximal ..."
    bridge_gap: int | None = Field(default=None, ge=1, le=30)
    # the limb each inferred code belongs to: when the phrase names limbs (InferenceRules.limbs),
    # only the codes of the named limbs are inferred ("proximal lower-extremity weakness")
    limbs: dict[FindingCode, Literal["upper", "lower"]] = Field(default_factory=dict)
    asserts: Literal["present", "absent"] = "present"
    # a site that counts only with one of these words in the phrase ("dorsal ... fingers")
    site_needs: dict[str, list[str]] = Field(default_factory=dict)
    # issue #10 (i44f): the rule pairs only in a sentence that names one of these words (lower
    # case, whole words): a CT's "lungs clear" denies an ILD, a chest's on auscultation does not
    sentence_needs: list[str] = Field(default_factory=list)
    # issue #10 (i49f): how many sentences back, in the sentence's paragraph, the needed word may
    # stand instead, when the sentence names no investigation of its own: a CT report's findings
    # go on past the sentence that names the scan ("CT chest 02/10/2026: ... . The lungs show no
    # interstitial change.")
    sentence_needs_reach: int = Field(default=0, ge=0, le=3)
    # issue #10 (i44f): the rule reads only a denial ("no interstitial change"): a report's
    # wording that denies the finding plainly but would name it only loosely when affirmed
    only_denied: bool = False
    # a site that does not count when the words right after it name one of these instead
    # ("extensor surface of both arms" is a limb's surface, not a joint's)
    site_not_of: dict[str, list[str]] = Field(default_factory=dict)
    # issue #10 (i46f): a site that does not count when one of these words stands among the five
    # words before it (after the lesion) or the three after it, or a grade follows it: the words
    # name the muscles there, not the skin ("rash, then weak shoulders", "weakness of the thighs
    # and shoulders", "your shoulders have become weak", "shoulders 4/5")
    site_not_muscle: list[str] = Field(default_factory=list)
    # a symptom (difficulty with a task), not the sign itself: shown, not a case record
    symptom: bool = False
    # issue #10 (i11b): the site word is the lesion's trouble, written as a form's answer after
    # the function it qualifies ("Swallowing: no difficulty", "Glotanie nie zaburzone"): its
    # own negation denies the finding, as a negation of the lesion does
    denied_by_site: bool = False
    verified: Literal["V", "S", "U", "C"]

    # issue #10 (i10v): a word list shared by several rules is written once under a YAML anchor
    # and spliced into another rule's list (`site: [*gottron_joints, dorsal hands]`), which YAML
    # gives as a nested list: flattened here, so each list stays one place to edit
    @field_validator("lesion", "site", "colour", "colour_optional", "unless_near", mode="before")
    @classmethod
    def _splice(cls, words: Any) -> Any:
        if not isinstance(words, list):
            return words
        flat: list[Any] = []
        for w in words:
            flat.extend(cls._splice(w) if isinstance(w, list) else [w])
        unique: dict[str, Any] = {}  # a word both spliced and listed is one word
        for w in flat:
            unique.setdefault(str(w).casefold(), w)
        return list(unique.values())

    # issue #10 (i47m): sentence_needs as one pattern, compiled once when the rule is loaded
    _sentence_needs_rx: re.Pattern[str] | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        if self.sentence_needs:
            self._sentence_needs_rx = _whole_words(self.sentence_needs)

    @property
    def sentence_needs_pattern(self) -> re.Pattern[str] | None:
        """issue #10 (i44f): the words one of which the rule's sentence must name
        (``sentence_needs``, whole words, a space as any spacing), as one pattern; None when
        the rule needs none."""
        return self._sentence_needs_rx


def _whole_words(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, the longest tried first, a space as any spacing."""
    ordered = sorted(words, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


class InferenceRules(_Strict):
    meta: RulesMeta
    bridge: list[str] = Field(default_factory=list)
    # a lesion placed by its own words ("palmar papules", "erythema of the face") does not take a
    # site named after another lesion ("... and ulcers over the knuckles"): own_site words name
    # where a lesion is, morphology words are lesions no rule infers from
    own_site: list[str] = Field(default_factory=list)
    morphology: list[str] = Field(default_factory=list)
    limbs: dict[Literal["upper", "lower"], list[str]] = Field(default_factory=dict)
    # issue #10 (i31e): the words that deny or set aside the site after them ("weakness, not
    # proximal", "distal rather than proximal weakness"; rules/inference.yaml)
    site_negators: list[str] = Field(default_factory=list)
    site_contrasts: list[str] = Field(default_factory=list)
    # issue #10 (i42r): the words that qualify a second site coordinated after the first,
    # before the lesion both share ("proximal lower extremity and distal upper extremity
    # weakness"): the first site keeps its own limbs (rules/inference.yaml)
    other_site_qualifiers: list[str] = Field(default_factory=list)
    rules: list[InferenceRule]


# --------------------------------------------------------------------------- strength
StrengthGroup = Literal[
    "proximal_upper",
    "proximal_lower",
    "proximal_both",
    "finger_flexors",
    "grip",  # issue #10 (i19d): the grip graded as a whole (see rules/strength.yaml)
    "distal_upper",
    "distal_lower",
    "distal_both",
    "neck_flexors",
    "neck_extensors",
    "neck",  # issue #10 (i10az): the neck graded as a whole (see rules/strength.yaml)
]


class KendallScale(_Strict):
    verified: Literal["V", "S", "U", "C"]
    boundary_verified: Literal["V", "S", "U", "C"]
    to_mrc: dict[int, float]

    @field_validator("to_mrc")
    @classmethod
    def _whole_scale(cls, value: dict[int, float]) -> dict[int, float]:
        if set(value) != set(range(11)) or value[10] != 5.0:
            raise ValueError("the Kendall table needs 0-10, with 10 = MRC 5")
        grades = [value[k] for k in range(11)]
        if grades != sorted(grades) or any(not 0 <= g <= 5 for g in grades):
            raise ValueError("Kendall grades must map in order onto MRC 0-5")
        return value


class StrengthRules(_Strict):
    meta: RulesMeta
    groups: dict[StrengthGroup, list[str]]
    ellipsis: list[str]
    throughout: list[str]
    kendall: KendallScale
    skin_site_cues: list[str] = []  # issue #10 (i10ad): see rules/strength.yaml
    # issue #10 (i10al): word beginnings shared across languages (see rules/strength.yaml)
    stems: dict[StrengthGroup, list[str]] = {}
    not_stems: list[str] = []
    not_muscle_after: list[str] = []
    counted_after_number: list[str] = []  # issue #10 (i52f): see rules/strength.yaml
    narrowing: list[str] = []  # issue #10 (i14b): see rules/strength.yaml
    movement_codes: dict[StrengthGroup, list[str]] = {}  # issue #10 (i35e): rules/strength.yaml


# --------------------------------------------------------------------------- patterns
_REQUIRED_GROUPS: dict[str, set[str]] = {
    "age_sex": {"age"},
    "age_decade": set(),
    "sex_only": set(),
    "other_person_before": set(),  # issue #10 (i10aa)
    "other_person_after": set(),  # issue #10 (i10aa)
    "operation_as_place": set(),  # issue #10 (i10ah)
    "presentation_statement": set(),  # issue #10 (i39n)
    "disease_since_bracket": set(),  # issue #10 (i51f)
    "presentation_label_sentence": set(),  # issue #10 (i42n)
    "diagnosis_time_clause": set(),  # issue #10 (i40n)
    "diagnosis_lead_in": set(),  # issue #10 (twentieth session)
    "involvement_weakness": set(),  # issue #10 (i42r; data since the twentieth session)
    "subject_pronoun": {"female", "male"},  # issue #10 (i42r; data since the twentieth session)
    "english_prose": set(),  # issue #10 (i51h): the English pronouns only in English prose
    "birth_date": {"date"},
    "region_origin": set(),
    "region_nationality": set(),  # issue #10 (i10k)
    "region_residence": set(),
    "region_care_setting": set(),  # issue #10 (i49r)
    "region_care_setting_town_first": {"place"},  # issue #10 (i52p)
    "region_patient_line": set(),  # issue #10 (i54p)
    "region_person_before": set(),  # issue #10 (i11c)
    "region_person_after": set(),
    "lab_value": {"value", "unit"},
    "lab_more": {"value", "unit"},
    "lab_dated_row": {"date", "value", "unit"},  # issue #10 (i53l)
    "antibody_level": {"level"},
    "antibody_titre": {"level"},  # issue #10 (i10h)
    "antibody_measure": {"level"},  # issue #10 (i10m)
    "antibody_cutoff": set(),
    "antibody_reference": set(),
    "antibody_titre_negative": {"level"},
    "antibody_titre_weak": set(),  # issue #10 (i42a)
    "antibody_named_against": set(),  # issue #10 (i10ae)
    "antibody_ssa_subunit_after": set(),  # issue #10 (i10ba)
    "antibody_ssa_subunit_before": set(),  # issue #10 (i10ba)
    "lab_reference": {"upper_only"},
    "lab_table_row": {"value"},  # issue #10 (i10h)
    "lab_slash_open": set(),  # issue #10 (i20b)
    "lab_slash_value": {"value", "unit"},
    "lab_slash_reference_open": set(),
    "lab_slash_range": {"upper_only"},
    "times_uln": {"times"},
    "lab_judgement_after": set(),  # issue #10 (i10ad)
    "lab_normalised": set(),
    "test_not_done": set(),  # labs and investigations
    "test_name_as_qualifier": set(),  # issue #10 (i50i)
    "pet_tracer_not_fdg": {"sstr"},  # issue #10 (i51i)
    "lab_same_laboratory": set(),  # issue #10 (i15b)
    "lab_other_cause": set(),
    "lab_upper_names": set(),
    "lab_cause_before": set(),
    "tumour_size": {"dims", "unit", "cm"},  # (i48t: "cm", the centimetre units)
    "result_owner": set(),  # issue #10 (i10h)
    "malignancy": set(),
    "tumour_spread": set(),  # issue #10 (i36l)
    "ki67": {"value"},
    "mitoses": {"count", "per"},
    "grade": {"grade"},
    "t_stage": {"t"},
    "nodes": set(),
    "invasion": set(),
    "duct_dilated": set(),
    "duct_not_dilated": set(),
    "organ_clear_after": set(),  # issue #10 (i13c)
    "several_cases": set(),  # issue #10 (i46c)
    "not_a_tumour_after": set(),  # issue #10 (i46c)
    "not_a_tumour_before": set(),  # issue #10 (i46c)
    "metastases": set(),
    "non_functional": set(),
    "functional": set(),
    "examples": set(),
    "dose": {"amount", "freq", "equiv", "ceiling", "equiv_routed", "equiv_after"},
    "dose_frequency_later": {"freq"},  # issue #10 (i19a)
    "dose_at_start": set(),  # issue #10 (i43i)
    "dose_at_start_after": set(),  # issue #10 (i44i)
    "treatment_course_days": {"days"},  # issue #10 (i10k)
    "treatment_then": set(),  # issue #10 (i50t)
    "treatment_course_repeated": set(),  # issue #10 (i49t)
    "treatment_start": set(),
    "treatment_given": set(),  # issue #10 (i54t)
    "treatment_stop": set(),
    "treatment_until": set(),  # issue #10 (i51t)
    "event_not_done": set(),  # issue #10 (i10aj)
    "death_date_field": set(),  # issue #10 (i48e)
    "event_named_elsewhere": set(),  # issue #10 (i48e)
    "treatment_not_taken": set(),  # issue #10 (i10aj)
    "treatment_planned": {"gap"},  # issue #10 (i51t)
    "treatment_request_label": set(),  # issue #10 (i53t)
    "treatment_current": set(),  # issue #10 (i13c)
    "treatment_list_joiner": set(),  # issue #10 (i50t)
    "investigation_abnormal_result": set(),  # issue #10 (i10aj)
    "test_later": set(),  # issue #10 (i45p)
    "test_suggested": set(),  # issue #10 (i50i)
    "investigation_value_range": {"value", "low", "high", "upper"},  # issue #10 (i46i)
    "investigation_repeat_unchanged": set(),  # issue #10 (i46i)
    "investigation_repeat_after": {"gap"},  # issue #10 (i46i; data since the review)
    "investigation_side_label": {"side"},  # issue #10 (i53i)
    "investigation_concordant": set(),  # issue #10 (i53i)
    "mmt8": {"value"},
    "physician_global": {"value"},
    "patient_global": {"value"},
    "haq": {"value"},
    "cdasi_activity": {"value"},
    "cdasi_damage": {"value"},
    "patient_reference": set(),
    "case_narrative": set(),
    "case_comparison": set(),  # issue #10 (lead, heldout_x)
    "general_strong": set(),
    "general_subject_cue": set(),
    "general_anaphor": set(),  # issue #10 (i28a)
    "criteria_list": set(),  # issue #10 (i10ar)
    "criteria_met": set(),  # issue #10 (i10ar)
    "condition_heading": set(),  # issue #10 (i10ay)
    "case_introduction": set(),  # issue #10 (i10at)
    "case_continued": set(),  # issue #10 (i41r)
    "age_at_past_event": set(),  # issue #10 (i41r)
    "onset_under_treatment": set(),  # issue #10 (i42r)
    "no_response_named": {"treatment"},  # issue #10 (i53f)
    "no_response_named_drug": {"treatment"},  # issue #10 (i53f)
    "no_response_therapy": set(),  # issue #10 (i53f)
    "no_response_any_treatment": set(),  # issue #10 (i53f)
    "proximal_involvement": set(),  # issue #10 (i42r)
    "involvement_by_test": set(),  # issue #10 (i42r)
    "strength_rested_then_fatigued": set(),  # issue #10 (i48m)
    "weight_fall_noun": set(),  # issue #10 (i48w)
    "weight_fall_amount": {"value"},  # issue #10 (i48w)
    "weight_fall_arrow": set(),  # issue #10 (i48w)
    "weight_fall_then_before": set(),  # issue #10 (i48w)
    "weight_fall_then_after": set(),  # issue #10 (i48w)
    "weight_fall_now": set(),  # issue #10 (i48w)
    "weight_fall_change": set(),  # issue #10 (i48w)
    "antibody_disease_after": set(),  # issue #10 (i10at)
    "antibody_disease_before": set(),  # issue #10 (i10at)
    "antibody_disease_plural_before": set(),  # issue #10 (i34r, i35v)
    "antibody_panel_summary": set(),  # issue #10 (i39p)
    "antibody_panel_summary_others": set(),  # issue #10 (i39p)
    "antibody_named_anti": set(),  # issue #10 (i48m)
    "antibody_anti_before": set(),  # issue #10 (i48m)
    "antibody_test_action": set(),  # issue #10 (i48m)
    "antibody_bare_level": set(),  # issue #10 (i48m)
    "antibody_asked": set(),  # issue #10 (i48m)
    "antibody_found_by_test": set(),  # issue #10 (i48m)
    "antibody_found_right_before": set(),  # issue #10 (i48m)
    "antibody_word_after": set(),  # issue #10 (i48m)
    "antibody_defined": set(),  # issue #10 (i48m)
    "antibody_other_test": set(),  # issue #10 (i48m)
    "antibody_other_test_after_verb": set(),  # issue #10 (i48m)
    "antibody_own_predicate": set(),  # issue #10 (i48m)
    "antibody_reason_opening": set(),  # issue #10 (i48m)
    "antibody_reason_clause_verb": set(),  # issue #10 (i48m)
    "antibody_next_clause": set(),  # issue #10 (i48m)
    "antibody_test_own_verb": set(),  # issue #10 (i48m)
    "antibody_subject_to_word": set(),  # issue #10 (i48m)
    "antibody_cancer_search": set(),  # issue #10 (i48m)
    "antibody_record_lead": set(),  # issue #10 (i48m)
    "antibody_word_to_name": set(),  # issue #10 (i48m)
    "antibody_row_tail": set(),  # issue #10 (i48m)
    "antibody_verdict": {
        "indeterminate",
        "negative",
        "positive",
        "weak_positive",
    },  # issue #10 (i48m)
    "antibody_respective": {"lead", "resp", "words"},  # issue #10 (i48m)
    "antibody_respective_word": set(),  # issue #10 (i48m)
    "antibody_generic_ssa": set(),  # issue #10 (i48m)
    "antibody_panel_words": set(),  # issue #10 (i48m)
    "antibody_bracket_sample_words": set(),  # issue #10 (i49a)
    "antibody_sample_label": set(),  # issue #10 (i48m)
    "antibody_error_after": set(),  # issue #10 (i48m)
    "antibody_error_before": set(),  # issue #10 (i48m)
    "antibody_turn_glue": set(),  # issue #10 (i48m)
    "antibody_earlier_mark": set(),  # issue #10 (i48m)
    "antibody_just_before": set(),  # issue #10 (i48m)
    "antibody_premodifies_next": set(),  # issue #10 (i48m)
    "antibody_now_mark": set(),  # issue #10 (i48m)
    "antibody_own_level": set(),  # issue #10 (i48m)
    "antibody_lab_result_glue": set(),  # issue #10 (i48m)
    "antibody_list_glue": set(),  # issue #10 (i48m)
    "antibody_either_or_gap": set(),  # issue #10 (i48m)
    "antibody_bare_glue": set(),  # issue #10 (i48m)
    "antibody_present_word": set(),  # issue #10 (i48m)
    "antibody_member_gap": set(),  # issue #10 (i48m)
    "antibody_row_gap": set(),  # issue #10 (i48m)
    "antibody_list_glue_tail": set(),  # issue #10 (i48m)
    "antibody_other_before": set(),  # issue #10 (i48m)
    "antibody_other_anywhere": set(),  # issue #10 (i48m)
    "antibody_source_after_result": set(),  # issue #10 (i48m)
    "antibody_coordinated": set(),  # issue #10 (i48m)
    "antibody_key_line": set(),  # issue #10 (i48m)
    # issue #10 (i47m): the timeline's and the time reader's word lists, one pattern each
    "sample_word": set(),
    "sample_word_anywhere": set(),
    "same_sample": set(),  # issue #10 (i51a)
    "report_word": set(),
    "report_word_anywhere": set(),
    "numbered_section": set(),
    "done_at": set(),
    "heading_bracket_words": set(),
    "since_after": set(),
    "all_results_dated": set(),
    "later": set(),
    "transmission_stamp": set(),
    "received_stamp": set(),
    "fax_line": set(),
    "journal_masthead": set(),
    "journal_published": set(),
    "journal_history": set(),
    "cited_before": set(),
    "cited_after": set(),
    "cited_by_author": set(),
    "prose_cue": set(),
    "next_visit": set(),
    "next_visit_line": set(),
    "date_on_next_line": set(),
    "results_word": set(),
    "bracket_heading": set(),
    "episode_of": set(),
    "diagnosed_date_gap": set(),
    "organ_not_tumour": set(),
    "year_alone": set(),
    "date_preposition": set(),
    "season_then_date": set(),
    "began_with": {"what"},
    "date_words": set(),
    "assay_words": set(),
    "antibody_assay_sentence": set(),  # issue #10 (i48m)
    "antibody_result_disease_name": set(),  # issue #10 (i48m)
    "record_from": set(),
    "lists_on": set(),
    "diagnosed_before": set(),
    "earlier_diagnosis": set(),  # issue #10 (i46n; data since the review)
    "number_label": set(),
    "month_part": {"end"},
    "month_part_after": {"end", "month"},
    "clause_opening": set(),
}
_REQUIRED_TIME_GROUPS: dict[str, set[str]] = {
    "note_date": {"date"},
    "visit": {"date"},
    "dates": set(),
    "onset": {"n", "unit"},
    "before": {"n", "unit"},
    "after": {"n", "unit"},
    "at_event": {"ref"},
    "at_index": set(),
    "present": set(),
    "clause_break": set(),
    "diagnosed": set(),
    "onset_date": set(),
    "onset_since": set(),
    "onset_complaint": set(),
    "diagnosis_field": set(),
    "present_tense": set(),
    "us_spelling": set(),
    "uk_spelling": set(),
    "discharge_date": {"date"},
    "at_discharge": set(),
    "past_tense": set(),
    "anaphora": set(),
    "anaphora_latest": set(),
}


class UnitConversion(_Strict):
    lab: LabCode
    from_: str = Field(alias="from")
    to: str
    factor: float = Field(gt=0)


class TimePatterns(_Strict):
    note_date: list[str]
    visit: list[str]
    dates: list[str]
    onset: list[str]
    before: list[str]
    after: list[str]
    at_event: list[str]
    at_index: list[str]
    present: list[str]
    clause_break: list[str]
    diagnosed: list[str]
    onset_date: list[str]
    onset_since: list[str]
    onset_complaint: list[str]
    diagnosis_field: list[str]
    present_tense: list[str]
    us_spelling: list[str]
    uk_spelling: list[str]
    discharge_date: list[str]
    at_discharge: list[str]
    past_tense: list[str]
    anaphora: list[str]
    anaphora_latest: list[str]


class SinceWord(_Strict):
    """issue #10 (i35v): a word for "since" before a date and where it is read (rules/
    patterns.yaml ``since_words``; :func:`since_patterns`)."""

    lang: str
    means: Literal["since", "from", "until"]
    word: str
    forms: str | None = None  # the word with its longer forms; default the word
    onset: str | Literal[False] | None = None  # as an onset's cue: other forms, or not read
    clause: str | Literal[False] | None = None  # as the since that dates only its clause
    approximate: bool = True  # "early", "around", ... read between it and its date (onset)


@dataclass(frozen=True)
class SincePatterns:
    """The words for "since" compiled for each use (rules/patterns.yaml ``since_words``)."""

    onset: str  # fragment SINCE_ONSET of time.onset_since
    onset_plain: str  # fragment SINCE_ONSET_PLAIN: no approximate time after the word
    forward: re.Pattern[str]  # matched at an onset cue's start: the complaint may follow
    clause: re.Pattern[str]  # searched before a date: the date dates only its clause


def since_patterns(words: Sequence[SinceWord]) -> SincePatterns:
    """One list of words for "since", in the shape of each of its three uses."""

    def use(w: SinceWord, form: str | Literal[False] | None) -> str | None:
        return None if form is False else form or w.forms or w.word

    onset = [(w, f) for w in words if (f := use(w, w.onset)) is not None]
    return SincePatterns(
        onset=_either(f for w, f in onset if w.approximate),
        onset_plain=_either(f for w, f in onset if not w.approximate),
        forward=re.compile(
            rf"(?:{_either(w.word for w, _ in onset if w.means == 'since')})\b", re.IGNORECASE
        ),
        clause=re.compile(
            rf"\b(?:{_either(f for w in words if (f := use(w, w.clause)) is not None)})\s*$",
            re.IGNORECASE,
        ),
    )


class Patterns(_Strict):
    meta: RulesMeta
    fragments: dict[str, str]
    unit_synonyms: dict[str, list[str]]
    unit_conversions: list[UnitConversion]
    patterns: dict[str, list[str]]
    time: TimePatterns
    numbers: dict[str, int]
    vague_numbers: dict[str, int]
    gates: dict[str, list[str]] = Field(default_factory=dict)
    # issue #10 (i10ai): the months' names in the other languages, per language the twelve
    # months in order, each with its spellings (see rules/patterns.yaml month_names)
    month_names: dict[str, list[list[str]]] = Field(default_factory=dict)
    # issue #10 (i16b, i17a): the Ethiopian calendar's thirteen months, each by the prefixes
    # that tell it from the others (rules/patterns.yaml ethiopian_months)
    ethiopian_months: list[list[str]] = Field(default_factory=list)
    # issue #10 (i42n): the Solar Hijri calendar's twelve months by name, each with its
    # spellings (rules/patterns.yaml solar_hijri_months)
    solar_hijri_months: list[list[str]] = Field(default_factory=list)
    # issue #10 (i10ai): the units of a duration in the other languages, under the English unit
    # they are read as (rules/patterns.yaml duration_units)
    duration_units: dict[Literal["days", "weeks", "months", "years"], list[str]] = Field(
        default_factory=dict
    )
    duration_numbers: dict[str, int] = Field(default_factory=dict)
    since_words: list[SinceWord] = Field(default_factory=list)  # issue #10 (i35v)
    # issue #10 (i45p): the tests a plan's cue (patterns ``test_later``) keeps out of the case
    # when no result of theirs is stated (rules/patterns.yaml test_later_codes)
    test_later_codes: list[InvestigationCode] = Field(default_factory=list)
    # issue #10 (i46i): the blood panels that take the date of the labs of their draw told before
    # them (rules/patterns.yaml blood_panel_codes)
    blood_panel_codes: list[InvestigationCode] = Field(default_factory=list)

    @field_validator("month_names")
    @classmethod
    def _twelve_months(cls, value: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
        for lang, months in value.items():
            if len(months) != 12 or not all(months):
                raise ValueError(f"month_names.{lang}: give the twelve months, each spelt")
        return value

    @field_validator("solar_hijri_months")
    @classmethod
    def _twelve_solar_months(cls, value: list[list[str]]) -> list[list[str]]:
        if value and (len(value) != 12 or not all(value)):
            raise ValueError("solar_hijri_months: give the twelve months, each spelt")
        return value

    @field_validator("ethiopian_months")
    @classmethod
    def _thirteen_months(cls, value: list[list[str]]) -> list[list[str]]:
        if value and (len(value) != 13 or not all(value)):
            raise ValueError("ethiopian_months: give the thirteen months, each with a prefix")
        return value

    @model_validator(mode="after")
    def _gated_patterns_exist(self) -> Patterns:
        unknown = set(self.gates) - set(self.patterns)
        if unknown:
            raise ValueError(f"gates for unknown patterns {sorted(unknown)}")
        for name, words in self.gates.items():
            if not words or any(w != w.casefold() for w in words):
                raise ValueError(f"gates.{name}: give lower-case words")
        return self

    @field_validator("patterns")
    @classmethod
    def _known_patterns(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = set(_REQUIRED_GROUPS) - set(value)
        unknown = set(value) - set(_REQUIRED_GROUPS)
        if missing or unknown:
            raise ValueError(f"patterns missing {sorted(missing)}, unknown {sorted(unknown)}")
        return value


# --------------------------------------------------------------------------- compiled forms
def compile_rule(
    pattern: str, flags: int = re.IGNORECASE, first: set[str] | None = None
) -> re.Pattern[str]:
    """Compile a rule pattern, led by a lookahead for the characters it can start with.

    Python's regular-expression engine tries a pattern at every position of the text; a leading
    character-class lookahead lets it skip positions where no match can start, which makes
    word-list patterns (``\\b(?:was|were|...)``) several times faster on long notes. The class
    is derived from the pattern itself, so it cannot disagree with it; when it cannot be derived
    (a pattern that may start with any character, or match nothing) the pattern is left as is.
    ``first``: the class when the caller knows it (a term list's first characters), which saves
    parsing the pattern twice; it must be what the parse would give (a test checks it).
    """
    # issue #10 (i13a): the engine's programme for this pattern, kept from an earlier process
    # (_programs: keyed by the pattern, its flags and first characters, in a file named by the
    # hash of this code, the engine and the rules files), or compiled here and kept
    key = (pattern, int(flags), None if first is None else "".join(sorted(first)))
    kept: re.Pattern[str] | None = _programs.lookup(key)
    if kept is not None:
        return kept
    written, programme = _rule_form(pattern, flags, first)
    if programme is None:  # pragma: no cover - another Python's engine: the plain way
        return re.compile(written, flags)
    _programs.record(key, programme)
    compiled: re.Pattern[str] = _programs.engine().compile(*programme)
    return compiled


def compile_kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its programme kept between processes (i13a)."""
    key = (pattern, int(flags), "\0re.compile")
    kept: re.Pattern[str] | None = _programs.lookup(key)
    if kept is not None:
        return kept
    programme = _plain_programme(pattern, flags)
    if programme is None:  # pragma: no cover - another Python's engine
        return re.compile(pattern, flags)
    _programs.record(key, programme)
    compiled: re.Pattern[str] = _programs.engine().compile(*programme)
    return compiled


def _plain_programme(pattern: str, flags: int) -> Any:
    """The arguments ``re.compile(pattern, flags)`` hands to the engine (``re._compiler.compile``
    step by step), or None where its internals are not the expected ones."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        flags = int(flags)
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        return _engine_arguments(pattern, flags, code, parsed)
    except re.error:
        raise
    except Exception:  # pragma: no cover - another Python's engine
        return None


def _engine_arguments(pattern: str, flags: int, code: list[int], parsed: Any) -> Any:
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (
        pattern,
        flags | parsed.state.flags,
        [int(op) for op in code],  # plain ints (the compiler's opcodes are named ints): kept
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _rule_form(pattern: str, flags: int, first: set[str] | None) -> tuple[str, Any]:
    """The written form :func:`compile_rule` compiles (the pattern, or the pattern led by the
    characters it can start with) and the engine's arguments for it (None: ``re.compile`` it)."""
    if re.match(r"\(\?[aiLmsux]+\)", pattern):
        return pattern, _plain_programme(pattern, flags)
    # issue #10 (i10aw): the pattern is parsed once, as the body of its led form, for both its
    # first characters and its skip table (parsing is most of the rules' compile time, which a
    # fresh process pays before reading its first note)
    body = _parsed(f"(?:{pattern})", flags)
    # (i10ax) a term list's trie has one alternative per first character already: its
    # alternatives are not looked over again for merging (a fifth of the rules' parse walks)
    trie = first is not None
    first = first or (_first_of(body) if body is not None else None)
    if first:
        cls = _lead_class(first)
        led = f"(?=[{cls}])(?:{pattern})"
        skipping = _skipping_programme(led, flags, cls, body, merge=not trie)
        return led, skipping or _plain_programme(led, flags)
    if body is not None:
        return pattern, _unled_programme(pattern, flags, body) or _plain_programme(pattern, flags)
    return pattern, _plain_programme(pattern, flags)


def _parsed(pattern: str, flags: int) -> Any:
    """``pattern`` parsed by the engine's own parser, or None (another Python, or an error the
    plain compile then reports)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _parser.parse(pattern, int(flags))
    except Exception:  # pragma: no cover - another Python's engine, or a malformed rule
        return None


_ASCII = "".join(map(chr, range(128)))


def _skipping(
    led: str, flags: int, cls: str, parsed: Any = None, merge: bool = True
) -> re.Pattern[str] | None:
    """The rule ``led`` (``(?=[cls])(?:...)``, see :func:`compile_rule`) compiled with the skip
    table that Python's engine builds by itself only for a pattern led by a literal or a class
    without case (a digit, a CJK character): the search steps over every ASCII character that
    cannot start a match in one tight loop, where the lookahead still costs a full try of the
    pattern at each position (issue #10, i10-speed: about a third of the time of scanning a
    note). The skipped characters are those the class rejects, found by running the class over
    the 128 ASCII characters with the rule's own flags (so case folding is the engine's); no other
    character is skipped. The lookahead itself then only repeats the skip test or (outside
    ASCII) the start the pattern checks anyway, since the class is every character a match can
    start with: the programme is compiled from the pattern without it, and keeps ``led`` as its
    written form (``.pattern``: what a reader of the rule, or re.compile on unpickling, gets; the
    matches are the same). A pattern led by a literal or a class without case keeps the table
    the engine builds for it (the lookahead hid it). None where the engine's internals are not
    the expected ones (another Python) or the pattern may match nothing: the caller compiles
    ``led``. ``parsed``: the part of ``led`` after its lookahead as the engine's parser gives it
    (with ``int(flags)``), when the caller has it; it is changed here. ``merge``: whether
    alternatives with one first letter are merged (:func:`_factor_alternatives`)."""
    programme = _skipping_programme(led, flags, cls, parsed, merge)
    if programme is None:
        return None
    compiled: re.Pattern[str] = _programs.engine().compile(*programme)
    return compiled


def _skipping_programme(
    led: str, flags: int, cls: str, parsed: Any = None, merge: bool = True
) -> Any:
    """:func:`_skipping`'s rule as the arguments of the engine's compile (kept by _programs)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
        from re import _constants as c  # type: ignore[attr-defined]

        prefix = f"(?=[{cls}])"
        if not led.startswith(prefix):
            return None
        flags = int(flags)  # as re.compile does: the compiler's flag tests on an enum are slow
        if parsed is None:
            parsed = _parser.parse(led[len(prefix) :], flags)
        _quicker_tries(parsed, flags, merge)
        code = _compiler._code(parsed, flags)
        # <INFO> <skip> <mask> <min> <max> ...: a pattern that may match nothing is left as is
        if code[0] != c.INFO or code[3] == 0:
            return None
        skip = _skipped(cls, flags)
        if code[2] == 0 and skip:  # no prefix or skip table of the engine's own: ours
            table, _ = _compiler._optimize_charset(
                [(c.NEGATE, None), *((c.LITERAL, ord(ch)) for ch in skip)]
            )
            info = [c.INFO, 0, c.SRE_INFO_CHARSET, code[3], code[4]]
            _compiler._compile_charset(table, parsed.state.flags | flags, info)
            info[1] = len(info) - 1
            code = info + code[code[1] + 1 :]
        return _engine_arguments(led, flags, code, parsed)
    except Exception:  # pragma: no cover - another Python's engine: compile the plain way
        return None


def _quicker_tries(parsed: Any, flags: int, merge: bool = True) -> None:
    """The parsed pattern changed in place so that each try of it at a position is quicker, with
    the same matches and groups: the word boundary every match tests put first, the character
    every lookbehind ends on tested first, alternatives of one first letter merged
    (:func:`_factor_alternatives`, where ``merge``) and first letters tested with the case kept
    (:func:`_quick_first_letters`). ``flags``: ``int`` flags of the compile."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    if _starts_at_boundary(parsed.data, c) and not _leads_with_boundary(parsed.data, c):
        # "(?<!\bnot\s)(?<!\bno\s)\b(?:found|seen)": the word boundary the pattern
        # needs anyway is tested first, before the lookbehinds, where it fails inside a word
        parsed.data.insert(0, (c.AT, c.AT_BOUNDARY))
    before = _character_before(parsed.data, c)
    if before is not None:
        # "(?:(?<=\bsince )|(?<=\bfrom ))(?P<mon>...)": the character every lookbehind ends
        # on is tested first, in one lookbehind of one character
        one = _parser.SubPattern(parsed.state, [(c.IN, before)])
        parsed.data.insert(0, (c.ASSERT, (-1, one)))
    every = flags | parsed.state.flags
    if merge and not every & c.SRE_FLAG_LOCALE:
        _factor_alternatives(parsed.data, c, bool(every & c.SRE_FLAG_IGNORECASE))
    if every & c.SRE_FLAG_UNICODE and not every & (c.SRE_FLAG_LOCALE | c.SRE_FLAG_ASCII):
        _quick_first_letters(parsed.data, c, bool(every & c.SRE_FLAG_IGNORECASE))


def _unled_programme(pattern: str, flags: int, parsed: Any) -> Any:
    """The engine's arguments for a rule with no lead (:func:`compile_rule`: its first
    characters are not derived, "[^\\W\\d_]{3,}karzinom"), its tries made quicker as a led
    rule's are (:func:`_quicker_tries`; issue #10, i48p: such a rule tried each of its
    alternatives in turn at every word start); None where the engine's internals are not the
    expected ones (the caller compiles it plainly). ``parsed``: ``(?:pattern)`` parsed with
    ``int(flags)``; it is changed here."""
    try:
        from re import _compiler  # type: ignore[attr-defined]

        flags = int(flags)
        _quicker_tries(parsed, flags)
        code = _compiler._code(parsed, flags)
        return _engine_arguments(pattern, flags, code, parsed)
    except Exception:  # pragma: no cover - another Python's engine: compile the plain way
        return None


def _factor_alternatives(items: Any, c: Any, folded: bool) -> None:
    """Alternatives that start with the same ASCII literal, merged into one that tests it once
    and then the rest of each, in their order: "(?:aber|jedoch|ale)" becomes "(?:a(?:ber|le)|
    jedoch)", again within each rest, so a word list is tried as a trie (issue #10, i10ax).
    Python's engine tries the alternatives of a branch one after the other at each position,
    and under re.IGNORECASE it has no quick test of an alternative's first letter, so a list of
    fifty words costs fifty tries wherever it may start. Same matches, same groups: two
    alternatives change places only when their first literals differ in ASCII (in lower case
    when the case is folded), so that no character can start both (case folding never takes a
    character to two ASCII letters), and never across an alternative that does not start with
    an ASCII literal (a class, a group, a lookaround, a letter outside ASCII): those keep their
    place. ``folded``: whether the case is folded here (a scoped ``(?-i:...)`` changes it).
    Lookarounds are left as they are. ``items``: parsed items, changed in place."""

    def walk(items: Any, folded: bool) -> None:
        for i, (op, av) in enumerate(items):
            if op is c.LITERAL:  # most items: nothing inside
                continue
            for inner, inner_folded in _inner_items(op, av, c, folded):
                walk(inner, inner_folded)
            if op is c.BRANCH:
                merged = _merged_alternatives(av[1], c, folded)
                if merged is not None:
                    items[i] = (c.BRANCH, (av[0], merged))

    _hoist_boundaries(items, c)
    walk(items, folded)


def _quick_first_letters(items: Any, c: Any, folded: bool) -> None:
    """Each alternative of a branch that starts with a letter matched ignoring case ("a",
    "[eé]"), made to start with the exact class of characters that letter matches, tested with
    the case kept: "(?:apple|banana)" under re.IGNORECASE becomes "(?:(?-i:[Aa])pple|
    (?-i:[Bb])anana)" (issue #10, i23s). Python's engine steps over an alternative whose first
    item is a literal or a class with the case kept when the next character is not in it,
    without entering it; a letter matched ignoring case has no such quick test, so at every
    position a branch is tried each of its alternatives is entered in turn (a term list's trie
    has dozens at its first level, and as many below each letter). The class is every character
    the engine itself takes for the letter (:func:`_case_variants`, from its own lower-case
    table and its extra cases), so the matches and groups are the same. ``items``: parsed
    items, changed in place, and every group and branch within them; ``folded``: whether the
    case is folded here."""
    for op, av in items:
        if op is c.LITERAL:
            continue
        for inner, inner_folded in _inner_items(op, av, c, folded):
            _quick_first_letters(inner, c, inner_folded)
        if op is c.BRANCH and folded:
            for alternative in av[1]:
                if alternative.data:
                    quick = _case_kept_class(alternative.data[0], alternative.state, c)
                    if quick is not None:
                        alternative.data[0] = quick


def _case_kept_class(item: Any, state: Any, c: Any) -> Any:
    """The parsed item ``(?-i:[...])`` that matches with the case kept exactly what ``item``
    (a cased literal, or a class of literals with a cased one) matches ignoring case, or None
    for any other item."""
    from re import _parser  # type: ignore[attr-defined]

    op, av = item
    if op is c.LITERAL:
        letters = [av]
    elif op is c.IN and av and all(o is c.LITERAL for o, _ in av):
        letters = [a for _, a in av]
    else:
        return None
    variants = _case_variants(tuple(sorted(set(letters))))
    if variants is None:
        return None
    inner = _parser.SubPattern(state, [(c.IN, [(c.LITERAL, x) for x in variants])])
    return (c.SUBPATTERN, (None, 0, c.SRE_FLAG_IGNORECASE, inner))


@lru_cache(maxsize=4096)
def _case_variants(letters: tuple[int, ...]) -> tuple[int, ...] | None:
    """Every character the engine matches, ignoring case (Unicode), for one of ``letters``: it
    takes a character's simple lower case and compares it with each letter's lower case and
    that one's extra cases (re._casefix), as re._compiler compiles a literal or a class. None
    when no letter has a case (the engine already tests such an item quickly)."""
    import _sre  # type: ignore[import-not-found]
    from re import _casefix  # type: ignore[attr-defined]

    if not any(_sre.unicode_iscased(a) for a in letters):
        return None
    lower = _sre.unicode_tolower
    targets: set[int] = set()
    for a in letters:
        lo = lower(a)
        targets.add(lo)
        targets.update(_casefix._EXTRA_CASES.get(lo, ()))
    by_lower = _characters_by_lower()
    found = {x for t in targets for x in (t, *by_lower.get(t, ())) if lower(x) in targets}
    return tuple(sorted(found))


@cache
def _characters_by_lower() -> dict[int, tuple[int, ...]]:
    """The characters whose simple lower case (the engine's) is another character, under that
    character: one pass over Unicode, made only when a pattern is compiled (not when its
    programme is kept, see _programs)."""
    import _sre

    lower = _sre.unicode_tolower
    out: dict[int, list[int]] = {}
    for x in range(0x110000):
        lo = lower(x)
        if lo != x:
            out.setdefault(lo, []).append(x)
    return {k: tuple(v) for k, v in out.items()}


def _inner_items(op: Any, av: Any, c: Any, folded: bool) -> list[tuple[Any, bool]]:
    """The item lists one parsed item holds (a group's, a repeat's, an atomic group's, each
    alternative of a branch), each with whether the case is folded in it (a group's scoped
    flags change that); none for any other item. The one descent of :func:`_factor_alternatives`
    and :func:`_hoist_boundaries`."""
    if op is c.SUBPATTERN:
        _, add, remove, sub = av
        ignore = c.SRE_FLAG_IGNORECASE
        return [(sub.data, (folded or bool(add & ignore)) and not remove & ignore)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return [(av[2].data, folded)]
    if op is getattr(c, "ATOMIC_GROUP", None):
        return [(av.data, folded)]
    if op is c.BRANCH:
        return [(alternative.data, folded) for alternative in av[1]]
    return []


def _hoist_boundaries(items: Any, c: Any) -> None:
    """A word boundary that begins every alternative of a branch, tested once before it:
    "(?:\\bas\\s+...|\\bcomo\\s+...|\\bcomme\\s+...)" becomes "\\b(?:as\\s+...|como\\s+...|
    comme\\s+...)", whose alternatives then merge by their first letters (issue #10, i11a: a
    ConText rule of thirty languages tried each alternative's boundary in turn at every word
    start). The boundary is a test of the position alone, and every alternative made it at the
    same position, first, in the same scope of flags: the same matches in the same order.
    ``items``: parsed items, changed in place, and every group and branch within them."""
    branch, boundary = c.BRANCH, (c.AT, c.AT_BOUNDARY)
    i = 0
    while i < len(items):
        op, av = items[i]
        for inner, _ in _inner_items(op, av, c, False):
            _hoist_boundaries(inner, c)
        if op is branch:
            if all(len(a.data) and a.data[0] == boundary for a in av[1]):
                for alternative in av[1]:
                    del alternative.data[0]
                items.insert(i, boundary)
                i += 1
            else:  # "(?:\\bas...|\\bcomo...|如本例)": the run of those that do, in their place
                grouped = _boundary_runs(av[1], c, boundary)
                if grouped is not None:
                    items[i] = (branch, (av[0], grouped))
        i += 1


def _boundary_runs(alternatives: list[Any], c: Any, boundary: Any) -> list[Any] | None:
    """The alternatives with each run of two or more in a row that begin with ``boundary``
    made one alternative, the boundary and then a branch of their rests (see
    :func:`_hoist_boundaries`); None where there is no such run."""
    from re import _parser  # type: ignore[attr-defined]

    out: list[Any] = []
    run: list[Any] = []
    changed = False

    def flush() -> None:
        nonlocal changed
        if len(run) >= 2:
            rests = [_parser.SubPattern(a.state, a.data[1:]) for a in run]
            out.append(_parser.SubPattern(run[0].state, [boundary, (c.BRANCH, (None, rests))]))
            changed = True
        else:
            out.extend(run)
        run.clear()

    for alternative in alternatives:
        if len(alternative.data) and alternative.data[0] == boundary:
            run.append(alternative)
        else:
            flush()
            out.append(alternative)
    flush()
    return out if changed else None


def _merged_alternatives(alternatives: list[Any], c: Any, folded: bool) -> list[Any] | None:
    """The alternatives of one branch with those of the same ASCII first literal merged (see
    :func:`_factor_alternatives`), or None where nothing merges."""
    from re import _parser  # type: ignore[attr-defined]

    out: list[Any] = []
    run: dict[str, list[Any]] = {}  # since the last alternative kept in place, by first letter

    def flush() -> None:
        for same in run.values():
            if len(same) == 1:
                out.append(same[0])
                continue
            head = same[0].data[0]
            rests = [_parser.SubPattern(a.state, a.data[1:]) for a in same]
            out.append(_parser.SubPattern(same[0].state, [head, (c.BRANCH, (None, rests))]))
        run.clear()

    merges = False
    for alternative in alternatives:
        first = alternative.data[0] if len(alternative.data) else None
        if first is None or first[0] is not c.LITERAL or first[1] >= 128:
            flush()
            out.append(alternative)
            continue
        key = chr(first[1]).lower() if folded else chr(first[1])
        same = run.setdefault(key, [])
        if same and same[0].data[0] != first:
            return None  # "A..." and "a..." under folding: left as written
        merges = merges or bool(same)
        same.append(alternative)
    flush()
    return out if merges else None


@lru_cache(maxsize=1024)
def _skipped(cls: str, flags: int) -> list[str]:
    """The ASCII characters that the class ``[cls]`` rejects under ``flags`` (many rules share
    their first characters: each class is run once)."""
    return sorted(set(_ASCII) - set(re.findall(f"[{cls}]", _ASCII, flags)))


def _starts_at_boundary(items: Any, c: Any) -> bool:
    """Whether every match of the parsed ``items`` tests a word boundary (``\\b``) where it
    starts, among lookarounds only: a ``\\b`` put before them then changes no match (each of
    them is tested at the same position), and skips the lookbehinds at most positions."""
    for op, av in items:
        if op is c.AT and av is c.AT_BOUNDARY:
            return True
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the match still starts here
        if op is c.SUBPATTERN:
            # a group that changes what a word character is (?a:...) is passed over
            kinds = c.SRE_FLAG_ASCII | c.SRE_FLAG_LOCALE | c.SRE_FLAG_UNICODE
            return not (av[1] | av[2]) & kinds and _starts_at_boundary(av[-1], c)
        if op is c.BRANCH:
            return all(_starts_at_boundary(alternative, c) for alternative in av[1])
        return False
    return False


def _character_before(items: Any, c: Any) -> list[Any] | None:
    """The class (parsed items) of the character before every match of the parsed ``items``,
    where each way the match can start first passes a lookbehind that ends on a literal or a
    class: "(?:(?<=\\bsince )|(?<=\\bfrom-))" gives " " and "-". None where not every way
    does, or the first such lookbehind is not of that shape."""
    for op, av in items:
        if op is c.ASSERT and av[0] == -1 and len(av[1]):
            last_op, last = av[1][-1]
            if last_op is c.LITERAL:
                return [(c.LITERAL, last)]
            if last_op is c.IN and all(o in (c.LITERAL, c.RANGE, c.CATEGORY) for o, _ in last):
                return list(last)
            return None
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width, and says nothing of the character before
        if op is c.SUBPATTERN and not (av[1] | av[2]):
            return _character_before(av[-1], c)
        if op is c.BRANCH:
            classes = [_character_before(alternative, c) for alternative in av[1]]
            if any(found is None for found in classes):
                return None
            return [item for found in classes if found for item in found]
        return None
    return None


def _leads_with_boundary(items: Any, c: Any) -> bool:
    """Whether the parsed ``items`` begin with ``\\b`` itself (through plain groups)."""
    while len(items) and items[0][0] is c.SUBPATTERN and not (items[0][1][1] | items[0][1][2]):
        items = items[0][1][-1]
    return bool(len(items)) and items[0][0] is c.AT and items[0][1] is c.AT_BOUNDARY


# issue #10 (i48m): a class of the pattern's first characters that stands in the lead as
# written: every decimal digit is a \d (Arabic-Indic, Persian, Devanagari ...), every space
# a \s, and the lead must take them all (its written form is what re.compile on unpickling
# gets; over ASCII, where the skip table is made, they are the ASCII digits and spaces)
_EVERY_DIGIT = r"\d"
_EVERY_SPACE = r"\s"


def _lead_class(first: set[str]) -> str:
    """The lead's class for the characters ``first`` (:func:`_first_of`)."""
    return "".join(
        ch if ch in (_EVERY_DIGIT, _EVERY_SPACE) else re.escape(ch) for ch in sorted(first)
    )


def _first_of(parsed: Any) -> set[str] | None:
    """The characters every match of the parsed pattern can start with, or None where some
    match may start with any character (or none)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - only on a Python without these modules
        return None

    def seq(items: Any) -> tuple[set[str] | None, bool]:
        chars: set[str] = set()
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero-width: the next item starts the match
            got, empty = item(op, av)
            if got is None:
                return None, False
            chars |= got
            if not empty:
                return chars, False
        return chars, True

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] <= 300:
                    chars |= {chr(x) for x in range(a[0], a[1] + 1)}
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    chars.add(_EVERY_DIGIT)  # (i48m) not its ASCII members: "٤٥", "۱۲"
                elif o is c.CATEGORY and a is c.CATEGORY_SPACE:
                    chars.add(_EVERY_SPACE)  # (i48m) and the no-break space, U+001C-U+001F
                else:
                    return None, False
            return chars, False
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op is c.BRANCH:
            chars = set()
            empty = False
            for alternative in av[1]:
                got, e = seq(alternative)
                if got is None:
                    return None, False
                chars |= got
                empty = empty or e
            return chars, empty
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, _, sub = av
            got, e = seq(sub)
            return got, e or lo == 0
        return None, False

    chars, empty = seq(parsed)
    return None if chars is None or empty or not chars else chars


# Characters outside ASCII that case-insensitive matching takes for an ASCII letter (İ and ı
# for i, ſ for s, the Kelvin sign for k; Python 3.11, checked over every code point by a test).
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# each pattern's words (required_words), by the pattern's id: hashing a compiled pattern hashes
# its whole programme, which for a term list is thousands of codes on every lookup (issue #10,
# i10-speed); the pattern is kept with its words, so its id is not reused while listed
_NEEDS: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}


def gate_text(text: str) -> str:
    """``text`` in lower case for :func:`may_match`: each character a rule's ASCII letter can
    match (in either case) becomes that letter, so a literal the rule needs is found by ``in``.
    Within one note's reading (note_memo) made once per text, and the same string each time."""
    memo = _GATE_TEXTS.get()
    if memo is None:
        return _gate_text(text)
    gate = memo.get(text)
    if gate is None:
        gate = memo[text] = _gate_text(text)
    return gate


def _gate_text(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLD).lower()


# issue #10 (i36t): each text's gate_text while one note is read. The note's gate was made again
# by each reader that gates patterns (ConText, the general statements, each list of note_live,
# Extraction), and each new copy was hashed again where _present_words looks it up
_GATE_TEXTS: ContextVar[dict[str, str] | None] = ContextVar("gate_texts", default=None)


def may_match(rx: re.Pattern[str], gate: str) -> bool:
    """False only when ``rx`` cannot match anywhere in the text whose :func:`gate_text` is
    ``gate``: every match of ``rx`` contains one of a few literal words (derived from the
    pattern itself, see :func:`required_words`) and the text has none of them. A substring test
    costs about a hundredth of running the pattern over a note, and most patterns of a group
    (time, values, ConText) have nothing to find in a given note."""
    entry = _NEEDS.get(id(rx))
    if entry is None or entry[0] is not rx:
        words = required_words(rx)
        entry = _NEEDS[id(rx)] = (rx, None if words is None else frozenset(words))
        if words is not None:
            _NEEDLES.update(words)
    needs = entry[1]
    if needs is None:
        return True
    memo = _present_words(gate)
    if memo is None:
        return any(word in gate for word in needs)
    indexed, looked_up, found = memo
    # (i21s) the two common answers in one set operation each: a word of the gate is known to
    # be in the text, or every word is known to be missing (i24s: an indexed word not found is
    # missing: the index's words are not copied into a table per note); a word not yet known is
    # looked up
    if not found.isdisjoint(needs):
        return True
    if needs <= indexed:
        return False
    for word in needs:
        if word not in indexed and word not in looked_up:
            looked_up[word] = word in gate
            if looked_up[word]:
                found.add(word)
                return True
    return False


# issue #10 (i11a): every word a gate has asked for (required_words of the patterns seen so far),
# and one pattern that finds, at each position of a gate text, the longest of them starting there
# (the index, made again when the words have grown, at most once per note): a note's gate then
# costs one pass, where each pattern's words were looked for one by one (a third of a million
# substring searches over 240 notes, a tenth of the reading time)
_NEEDLES: set[str] = set()
_NEEDLE_INDEX: list[Any] = []  # [words, pattern, prefixes], once made
_INDEX_AFTER = 64  # words: fewer are looked for one by one (a single note read cold)
_GATE_WORDS: ContextVar[dict[str, tuple[frozenset[str], dict[str, bool], set[str]]] | None] = (
    ContextVar("gate_words", default=None)
)


def _present_words(gate: str) -> tuple[frozenset[str], dict[str, bool], set[str]] | None:
    """Within one note's reading (note_memo): for the gate text ``gate``, the words of the index
    (each of them is in the text exactly when it is among the found), whether each other word
    looked up so far is in it, and the words found in it; None outside a note's reading."""
    memo = _GATE_WORDS.get()
    if memo is None:
        return None
    known = memo.get(gate)
    if known is None:
        if len(_NEEDLES) >= _INDEX_AFTER and (
            not _NEEDLE_INDEX or len(_NEEDLE_INDEX[0]) != len(_NEEDLES)
        ):
            _NEEDLE_INDEX[:] = _needle_index(frozenset(_NEEDLES))
        if _NEEDLE_INDEX:
            known = memo[gate] = (_NEEDLE_INDEX[0], {}, found_words(gate, *_NEEDLE_INDEX[1:]))
        else:
            known = memo[gate] = (frozenset(), {}, set())
    return known


def _needle_index(
    words: frozenset[str],
) -> tuple[frozenset[str], re.Pattern[str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """``words``, the pattern for :func:`words_in` (of the words that start with an ASCII
    character), each of those words' prefixes among them, and the other words. (issue #10,
    i21s: the others' hundreds of first letters, in a dozen scripts, made every position of a
    text try each of them, and the pass cost twice as much; :func:`words_in` looks for such a
    word only where the text holds its first letter.)"""
    indexed = frozenset(w for w in words if w[:1].isascii())
    trie: dict[str, Any] = {}
    for word in indexed:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}

    def emit(node: dict[str, Any]) -> str:
        # a continuation before the end: the longest word wins (one path per next character)
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if _END in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    # (issue #10, i32s: its programme kept between processes, compile_kept: a fresh process
    # compiled it for about a second before its first note)
    pattern = compile_kept(f"(?=({emit(trie)}))" if indexed else r"(?!x)x")
    prefixes = {w: tuple(w[:n] for n in range(1, len(w) + 1) if w[:n] in indexed) for w in indexed}
    others: dict[str, list[str]] = {}
    for word in sorted(words - indexed):
        others.setdefault(word[0], []).append(word)
    return words, pattern, prefixes, {ch: tuple(ws) for ch, ws in others.items()}


def words_in(
    text: str,
    words: frozenset[str],
    pattern: re.Pattern[str],
    prefixes: dict[str, tuple[str, ...]],
    others: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, bool]:
    """For each of ``words``, whether it is in ``text`` (``word in text``), in one pass (see
    :func:`found_words`)."""
    found = found_words(text, pattern, prefixes, others)
    return {word: word in found for word in words}


def found_words(
    text: str,
    pattern: re.Pattern[str],
    prefixes: dict[str, tuple[str, ...]],
    others: Mapping[str, tuple[str, ...]] | None = None,
) -> set[str]:
    """The words of an index (:func:`_needle_index`) that are in ``text``, in one pass: the
    words that start at one position are all prefixes of the longest of them there, which the
    pattern finds at every position. ``others``: the words the pattern leaves out, by their first
    letter, each looked for only where the text holds that letter (i24s: by the text's letters,
    not by each of the hundreds of such words in turn)."""
    found: set[str] = set()
    for longest in set(pattern.findall(text)):
        found.update(prefixes[longest])
    if others:
        for letter in set(text).intersection(others):
            found.update(word for word in others[letter] if word in text)
    return found


def required_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """:func:`_required_words`, kept between processes by the pattern and its flags (i13a)."""
    words: tuple[str, ...] | None = _kept_by_pattern("gate", rx, _required_words)
    return words


def _kept_by_pattern(
    kind: str, rx: re.Pattern[str], derive: Callable[[re.Pattern[str]], Any]
) -> Any:
    """``derive(rx)``, kept between processes by the pattern and its flags (i13a)."""
    return _programs.kept_value(kind, f"{rx.flags}\0{rx.pattern}", lambda: derive(rx))


def _parsed_rule(rx: re.Pattern[str]) -> Any:
    """``rx`` parsed by the engine's own parser, or None on a Python without it."""
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - only on a Python without these modules
        return None
    try:
        return _parser.parse(rx.pattern, rx.flags)
    except re.error:  # pragma: no cover - the pattern compiled
        return None


def _required_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case words one of which is in every text where ``rx`` matches (as written,
    ignoring case; in the match itself, or in what a lookaround of it must see), or None when
    the pattern gives no such set worth testing. Only runs of literal characters count;
    negative lookarounds, other classes and optional parts are passed over, so the set can only
    be weaker than the pattern, never stricter. (issue #10, i10-speed: letters outside ASCII count
    too where case-insensitive matching and :func:`gate_text` agree on them, see
    :func:`_gate_letter`: "érythème", the other languages' word lists. i21s: a class of
    literals within a run counts, each of its letters a spelling of the run ("zv[ýy][šs]en");
    a set may hold up to _GATE_WORDS_MAX words, and a word outside ASCII may be short, see
    :func:`_usable`.)"""
    from re import _constants as c  # type: ignore[attr-defined]

    parsed = _parsed_rule(rx)
    if parsed is None:
        return None
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None))

    def rank(words: tuple[str, ...]) -> tuple[bool, int, int]:
        return _usable(words), min(len(w) for w in words), -len(words)

    def needs(items: Any) -> tuple[str, ...] | None:
        best: tuple[str, ...] | None = None
        # the spellings of the run of literals so far: a class of literals multiplies them
        # ("zv[ýy][šs]en": four), up to _RUN_SPELLINGS, where the run is cut and begins again
        run: list[str] = []

        def close() -> None:
            nonlocal best, run
            found = tuple(sorted(set(run)))
            if run and run[0] and (best is None or rank(found) > rank(best)):
                best = found
            run = []

        for op, av in [*items, (None, None)]:
            chars = _gate_letters(op, av, c)
            if chars is not None:
                if run and len(run) * len(chars) > _RUN_SPELLINGS:
                    close()
                run = [w + ch for w in run or [""] for ch in chars]
                continue
            close()
            found: tuple[str, ...] | None = None
            if op is c.SUBPATTERN:
                found = needs(av[-1])
            elif op is getattr(c, "ATOMIC_GROUP", None):
                found = needs(av)
            elif op is c.ASSERT:
                # (i21s) what a lookahead or lookbehind must see is in the text wherever the
                # pattern matches, though not in the match: "(?<=\bsince )(?P<mon>...)"
                found = needs(av[1])
            elif op in repeats and av[0] >= 1:
                found = needs(av[2])
            elif op is c.BRANCH:
                alternatives = [needs(a) for a in av[1]]
                if all(alternatives):
                    found = tuple(sorted({w for a in alternatives if a for w in a}))
            if found and (best is None or rank(found) > rank(best)):
                best = found
        return best

    words = needs(parsed)
    return words if words is not None and _usable(words) else None


def _gate_letters(op: Any, av: Any, c: Any) -> list[str] | None:
    """The characters one parsed item matches (in lower case) where the gate text holds each as
    itself: a literal, or a class of literals ("[ée]", "[šs]"); None for anything else."""
    if op is c.LITERAL:
        chars = [chr(av)]
    elif op is c.IN and all(o is c.LITERAL for o, _ in av):
        chars = [chr(a) for _, a in av]
    else:
        return None
    if not all(ord(ch) < 128 or _gate_letter(ch) for ch in chars):
        return None
    return sorted({ch.lower() for ch in chars})


_DIGIT_KEPT: dict[int, tuple[re.Pattern[str], bool]] = {}  # needs_digit by the pattern's id
_DIGIT = re.compile(r"\d")


def digit_in(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a character ``\\d`` matches (any decimal digit)."""
    return _DIGIT.search(text, start, len(text) if end is None else end) is not None


def needs_digit(rx: re.Pattern[str]) -> bool:
    """Whether every match of ``rx`` holds a decimal digit (in the match itself: what its
    lookarounds see is not counted), derived from the pattern (issue #10, i23s): a date pattern
    ("(?P<d>[0-3]?\\d)\\.?\\s*(?P<mon>...)", "(?:in|since)\\s+(?P<y>(?:19|20)\\d\\d)") cannot
    match in a span without one (:func:`digit_in`), and is not run there. False where it
    cannot be shown."""
    entry = _DIGIT_KEPT.get(id(rx))
    if entry is None or entry[0] is not rx:
        needs: bool = _programs.kept_value(
            "digit", f"{rx.flags}\0{rx.pattern}", lambda: _needs_digit(rx)
        )
        entry = _DIGIT_KEPT[id(rx)] = (rx, needs)
    return entry[1]


def _needs_digit(rx: re.Pattern[str]) -> bool:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # pragma: no cover - another Python's engine
        return False
    digits = {ord(d) for d in "0123456789"}
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None))

    def digit_only(op: Any, av: Any) -> bool:
        """One character, and only ever a decimal digit."""
        if op is c.LITERAL:
            return av in digits
        if op is c.IN:
            return bool(av) and all(
                (o is c.LITERAL and a in digits)
                or (o is c.RANGE and a[0] in digits and a[1] in digits)
                or (o is c.CATEGORY and a is c.CATEGORY_DIGIT)
                for o, a in av
            )
        return False

    def needs(items: Any) -> bool:
        for op, av in items:
            if digit_only(op, av):
                return True
            if op is c.SUBPATTERN and needs(av[-1]):
                return True
            if op is getattr(c, "ATOMIC_GROUP", None) and needs(av):
                return True
            if op in repeats and av[0] >= 1 and needs(av[2]):
                return True
            if op is c.BRANCH and all(needs(a) for a in av[1]):
                return True
        return False

    return needs(parsed)


# issue #10 (i21s): how many spellings a run of literals may have through its classes, and how
# many words a gate may hold (a test per word is a lookup in the note's words, see
# _present_words: a long list costs less than running its pattern once)
_RUN_SPELLINGS = 16
_GATE_WORDS_MAX = 256


def _usable(words: tuple[str, ...]) -> bool:
    """Whether a gate of these words is worth testing: not too many, and none a word of fewer
    than three ASCII characters, which nearly every English note holds somewhere ("in", "de");
    a shorter word in another script ("не", "無") is as rare in them as a long one."""
    return len(words) <= _GATE_WORDS_MAX and all(len(w) >= 3 or not w.isascii() for w in words)


@lru_cache(maxsize=1024)
def _gate_letter(ch: str) -> bool:
    """Whether a pattern's literal ``ch`` (outside ASCII) is found by ``in`` in the gate text
    wherever the pattern matches it: every character that case-insensitive matching takes for
    ``ch`` has the same simple lower case as ``ch``, which gate_text gives it (str.lower differs
    from the simple lower case only for "İ", and for the final sigma), unless ``ch`` is one of
    the letters matched across case groups (Greek sigma and its variants, the micro sign, the
    old Cyrillic forms: re's own table of them)."""
    from re import _casefix  # type: ignore[attr-defined]

    low = ch.lower()
    if len(low) != 1 or ch == "\u0130":
        return False
    odd = {chr(k) for k in _casefix._EXTRA_CASES}
    odd |= {chr(v) for vs in _casefix._EXTRA_CASES.values() for v in vs}
    return ch not in odd and low not in odd


# --------------------------------------------------------------------------- word places
# issue #10 (i37t): where in a text a pattern can start. A gate (may_match) lets a pattern run
# over the whole note once one of its words is anywhere in it, and for most patterns one is: the
# ConText modifiers, the date, value and heading patterns each scanned the note from end to end,
# a try at nearly every letter (a third of the reading time). Where every match of a pattern
# holds one of its words at a fixed distance from the match's start (give or take
# _PLACE_SPREAD characters), the match can only start that far before one of the word's places
# in the note, and is tried there alone (finditer_near).
_PLACE_SPREAD = 2  # characters a word's distance from the match's start may vary by
_PLACES_MAX = 64  # (word, distance) pairs of one pattern
_TEXT_PER_TRY = 40  # characters of text per try: with more tries, the whole text is scanned
# compile_rule's lead, "(?=[<first characters>])(?:", and its class
_LED = re.compile(r"\(\?=\[((?:\\.|[^\\\]])*)\]\)\(\?:", re.DOTALL)

WordPlace = tuple[str, int, int]
"""A lower-case word, and the least and greatest distance (in characters, negative before the
match: in a lookbehind) from a match's start to where the word starts."""

# word_places and the characters _tried_at searches from, by the pattern's id (see _NEEDS)
_PLACES: dict[int, tuple[re.Pattern[str], tuple[WordPlace, ...] | None, frozenset[str]]] = {}
# each word's places in a gate text while one note is read (note_memo)
_GATE_PLACES: ContextVar[dict[tuple[str, str], tuple[int, ...]] | None] = ContextVar(
    "gate_places", default=None
)


def finditer_near(
    rx: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)``: the same matches, tried only where the words of
    ``rx`` (:func:`word_places`) let one start, each start with ``rx.match`` (the engine's try
    at one position, as its search makes it). The whole text is scanned as before where
    ``rx`` has no such words or they stand in the text at too many places."""
    stop = len(text) if endpos is None else min(endpos, len(text))
    entry = _PLACES.get(id(rx))
    if entry is None or entry[0] is not rx:
        led = _LED.match(rx.pattern)
        skipped = frozenset(_skipped(led.group(1), rx.flags)) if led else frozenset()
        entry = _PLACES[id(rx)] = (rx, word_places(rx), skipped)
    places = entry[1]
    gate = gate_text(text) if places is not None else ""
    if places is None or len(gate) != len(text):
        return rx.finditer(text, pos, stop)
    most = (stop - pos) // _TEXT_PER_TRY
    starts: set[int] = set()
    for word, least, greatest in places:
        for at in _places_of(word, gate):
            starts.update(range(at - greatest, at - least + 1))
        if len(starts) > most:
            return rx.finditer(text, pos, stop)
    return _tried_at(rx, text, sorted(s for s in starts if pos <= s < stop), stop, entry[2])


def _tried_at(
    rx: re.Pattern[str], text: str, starts: list[int], stop: int, skipped: frozenset[str]
) -> Iterator[re.Match[str]]:
    """The matches ``rx.finditer`` finds in ``text[:stop]`` from the first of ``starts``,
    every match starting at one of them. ``finditer`` gives the first match from where the
    last one ended; here that is the first of the starts from there where ``rx`` matches. At a
    character compile_rule's skip table passes over (``skipped``: the lead's class rejects it,
    see :func:`_skipping`) the engine's search may not try a match at all: where the pattern
    matches there all the same, the search itself finds the next match. Every match of a
    pattern with places holds a character, so the matches follow each other as in
    ``finditer``."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = rx.match(text, start, stop)
        if m is None:
            continue
        if text[start] in skipped:
            m = rx.search(text, start, stop)
            if m is None:  # the search passes over the match tried here, and none follows
                return
        yield m
        end = m.end()


def _places_of(word: str, gate: str) -> tuple[int, ...]:
    """Where ``word`` starts in ``gate``, overlapping places included; within one note's
    reading found once per word and gate text."""
    memo = _GATE_PLACES.get()
    if memo is not None:
        known = memo.get((gate, word))
        if known is not None:
            return known
    found: list[int] = []
    at = gate.find(word)
    while at >= 0:
        found.append(at)
        at = gate.find(word, at + 1)
    places = tuple(found)
    if memo is not None:
        memo[(gate, word)] = places
    return places


def word_places(rx: re.Pattern[str]) -> tuple[WordPlace, ...] | None:
    """:func:`_word_places`, kept between processes by the pattern and its flags (i13a)."""
    places: tuple[WordPlace, ...] | None = _kept_by_pattern("places", rx, _word_places)
    return places


def _word_places(rx: re.Pattern[str]) -> tuple[WordPlace, ...] | None:
    """Words with their distances from a match's start (:data:`WordPlace`) such that the
    :func:`gate_text` of every text where ``rx`` matches at a position holds one of the words at
    one of its distances from there, or None where no such list is derived (or worth it, see
    :func:`_usable`). As :func:`_required_words`, only runs of literal characters count, in the
    match or in what a lookaround of it must see; a run counts while the items before it have
    a width that varies by at most _PLACE_SPREAD characters (the engine's own widths). A pattern
    that may match no characters has none (finditer's empty matches follow other rules); nor
    has compile_rule's lead a say (its programme runs the pattern without it)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parsed_rule(rx)
    if parsed is None or parsed.getwidth()[0] == 0:
        return None
    items = list(parsed.data)
    if _LED.match(rx.pattern):
        items = items[1:]
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None))

    def rank(places: tuple[WordPlace, ...]) -> tuple[bool, int, int]:
        words = tuple(sorted({word for word, _, _ in places}))
        return _usable(words), min(len(w) for w in words), -len(places)

    def better(
        best: tuple[WordPlace, ...] | None, found: tuple[WordPlace, ...] | None
    ) -> tuple[WordPlace, ...] | None:
        if not found or len(found) > _PLACES_MAX:
            return best
        return found if best is None or rank(found) > rank(best) else best

    def places(items: Any, least: int, greatest: int) -> tuple[WordPlace, ...] | None:
        """The best places of the words of ``items``, which start ``least`` to ``greatest``
        characters after the match's start."""
        best: tuple[WordPlace, ...] | None = None
        run: list[str] = []  # the spellings of the run of literals so far (_required_words)
        run_at = (least, greatest)
        for op, av in [*items, (None, None)]:
            chars = _gate_letters(op, av, c) if op is not None else None
            close = greatest - least > _PLACE_SPREAD  # (a run goes on at the same spread)
            if chars is not None and not close and len(run) * len(chars) <= _RUN_SPELLINGS:
                if not run:
                    run_at = (least, greatest)
                run = [w + ch for w in run or [""] for ch in chars]
                least, greatest = least + 1, greatest + 1
                continue
            if run:
                best = better(best, tuple((w, *run_at) for w in sorted(set(run))))
                run = []
            if op is None or close:
                break  # the places of what follows vary too much
            if chars is not None:  # a run too long to spell: a new one begins here
                run, run_at = chars, (least, greatest)
                least, greatest = least + 1, greatest + 1
                continue
            found: tuple[WordPlace, ...] | None = None
            if op is c.SUBPATTERN:
                found = places(av[-1], least, greatest)
            elif op is getattr(c, "ATOMIC_GROUP", None):
                found = places(av, least, greatest)
            elif op is c.ASSERT:
                direction, inner = av
                if direction == 1:
                    found = places(inner, least, greatest)
                else:  # a lookbehind has one width: it starts that far before
                    width = inner.getwidth()[0]
                    found = places(inner, least - width, greatest - width)
            elif op in repeats and av[0] >= 1:
                found = places(av[2], least, greatest)
            elif op is c.BRANCH:
                alternatives = [places(a, least, greatest) for a in av[1]]
                if all(alternatives):
                    found = tuple(sorted({p for a in alternatives if a for p in a}))
            best = better(best, found)
            low, high = _parser.SubPattern(parsed.state, [(op, av)]).getwidth()
            least, greatest = least + low, greatest + high
        return best

    found = places(items, 0, 0)
    if found is None or not _usable(tuple(sorted({word for word, _, _ in found}))):
        return None
    return found


_KEY_JOINERS = re.compile(r"[\s\-'’‐‑]+")

# issue #10 (i10-text20): a copy written without accents ("oedeme lilace des paupieres",
# "erytheme", "forca muscular"): a letter with an accent in a term also matches its plain letter,
# and a ligature its two letters, for every term (the words are listed once, with their accents).
# Only the accents of French, Spanish, Portuguese, Italian and Romanian spelling (acute, grave,
# circumflex, cedilla, a vowel's tilde), which a copy drops without changing the word: a
# diaeresis or umlaut tells words apart (Dutch "patiënten", patients, and Swedish "patienten",
# the patient; German "ü" is "ue" when left out), and so does "ñ" (Spanish "año", year, and
# "ano"); the ring, ogonek and caron of the Nordic and Slavic languages are kept too.
_LIGATURES = {"œ": "oe", "æ": "ae"}
_DROPPED_ACCENTS = frozenset("\u0300\u0301\u0302\u0303\u0327")


@lru_cache(maxsize=2048)
def plain_letters(unit: str) -> str:
    """``unit`` (one character) without its accent (see above), or ``unit`` itself."""
    if unit in _LIGATURES:
        return _LIGATURES[unit]
    parts = unicodedata.normalize("NFD", unit)
    if (
        len(parts) == 2
        and parts[0].isascii()
        and parts[0].isalpha()
        and parts[1] in _DROPPED_ACCENTS
        and not (parts[1] == "\u0303" and parts[0] in "nN")
    ):
        return parts[0]
    return unit


@lru_cache(maxsize=8192)
def term_key(text: str) -> str:
    """The normalised form under which a term and a matched text are compared (memoised: the
    same few hundred words are looked up on every note); diacritics of Latin letters dropped."""
    key = _KEY_JOINERS.sub("", text.casefold())
    if key.isascii():  # (i32s) no accent, no ligature: the 20,000 terms of a fresh process
        return key
    return "".join(plain_letters(ch) for ch in key)


def spellings_by_key(words: Iterable[str]) -> dict[str, list[str]]:
    """Each distinct spelling under its term_key, in first-seen order. Words that differ only by
    an accent share a key, and each must be matched as written: an accented letter of a term
    also matches its plain letter, never the reverse (issue #10)."""
    out: dict[str, list[str]] = {}
    for word in words:
        spellings = out.setdefault(term_key(word), [])
        if word not in spellings:
            spellings.append(word)
    return out


def _units(term: str) -> list[str]:
    """A term split into matching units: "'s" is one unit, every other character one each."""
    if term.isascii() and "'s" not in term:  # i10aw: most terms; each letter folds to one
        return list(term.lower())
    out: list[str] = []
    i = 0
    while i < len(term):
        if term.startswith("'s", i):
            out.append("'s")
            i += 2
        else:
            # (issue #10, i10ab: a letter whose case folding is two letters, German "ß" -> "ss",
            # stays one unit that matches either spelling: "Fußheber", "großzellig")
            folded = term[i].casefold()
            out.append(term[i].lower() if len(folded) > 1 else folded)
            i += 1
    return out


@lru_cache(maxsize=4096)  # i10aw: one per trie node; a few hundred units
def _letter_regex(unit: str) -> str:
    """A unit as itself, or, for a letter with a diacritic, also its plain letters."""
    spellings = _unit_spellings(unit)
    if len(spellings) == 1:
        return re.escape(unit)
    return f"(?:{re.escape(spellings[0])}|{re.escape(spellings[1])})"


@lru_cache(maxsize=4096)
def _unit_spellings(unit: str) -> tuple[str, ...]:
    """What :func:`_letter_regex` matches (each ignoring case): the unit, and "ß" also as "ss",
    a letter with a diacritic also as its plain letters."""
    folded = unit.casefold()
    if len(unit) == 1 and len(folded) > 1:  # "ß": itself or "ss"
        return (unit, folded)
    plain = plain_letters(unit) if len(unit) == 1 else unit
    return (unit,) if plain == unit else (unit, plain)


# issue #10 (i10an): a term's stem mark. "dysfag*" is the stem "dysfag" and any letters after it
# (dysfagia, dysfagie, dysfagiou, dysfagijo): one word family shared across languages, written
# once instead of as every inflection. Only letters continue a stem (not digits, not CJK), and
# only at a word's end: "gottron* papul*" is two stems in a row.
STEM = "*"
# (any word characters: a category compiles fast, where each copy of a "letter but not CJK"
# class costs the compiler milliseconds; a match running into digits or CJK is no stem's key,
# see TermMatcher.find, and is dropped)
_STEM_LETTERS = r"\w*"


@lru_cache(maxsize=4096)  # i10aw: one per trie node; a few hundred units
def _unit_regex(unit: str) -> str:
    if unit == STEM:
        return _STEM_LETTERS
    if unit == "'s":
        return r"(?:['’]s|s)?"
    if unit == " ":  # a space in a term also matches a hyphen ("factor 1 gamma": "factor-1 gamma")
        return r"(?:\s+|\s*[-‐‑]\s*)"
    if unit == "-":
        return r"[-\s‐‑]?"
    return _letter_regex(unit)


def _hyphen_variants(units: list[str]) -> list[list[str]]:
    """issue #10 (i10l): a hyphen inside a term may be written as a hyphen or a space, or left
    out ("anti-nuclear", "anti nuclear", "antinuclear"). Each is its own path in the trie (the
    hyphen as the space unit, which matches a hyphen or spaces), so that no branch is optional:
    an optional hyphen branch tried first ended a match at a shorter term ("anti-nuclear") where
    a longer one ("antinuclear matrix protein 2") went on. A leading hyphen is the word's own."""
    variants: list[list[str]] = [[]]
    for i, unit in enumerate(units):
        if unit == "-" and i > 0:
            variants = [*([*v, " "] for v in variants), *variants]
        else:
            variants = [[*v, unit] for v in variants]
    return variants


_Trie = dict[str, "_Trie"]
_END = ""
# issue #10 (i10i): a letter or digit that is not Chinese, Japanese or Korean. CJK text has no
# spaces between words (and Korean writes its particles onto the noun), so a term's edge needs
# no boundary against a CJK character: "抗Ro52抗體" holds the term "Ro52", "四肢乏力" ends a term
# "乏力". Against a Latin letter or a digit the boundary holds as before ("ana" is not in "banana").
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# issue #10 (i14b): the vowel signs and nasal marks of the Indic scripts (Devanagari to Sinhala,
# U+0900-U+0DFF; "ं", "े", "ि", "ு") are combining marks, not \w to Python, so a term ending in
# one had no boundary after it: the relative "मां" (mother) was found inside "मांसपेशियों"
# (muscles) and put the line in the family's context. Those blocks' letters and marks count
# as a word's letters; their dandas (U+0964, U+0965) stay punctuation.
_INDIC = r"\u0900-\u0963\u0966-\u0dff"
_WORD_NOT_CJK = rf"(?-i:[^\W{_CJK}]|[{_INDIC}])"  # no case folding: CJK has no case
_IS_CJK = re.compile(rf"[{_CJK}]")
# A term that starts or ends with a CJK character needs no boundary on that side at all: CJK
# words run straight into digits and Latin codes ("抗核抗體1:100", "抗體IgG陽性").


def _trie_regex(terms: Iterable[str]) -> str:
    """One regular expression for many terms, factored on shared prefixes (a trie), so the
    engine tries each position once per distinct prefix instead of once per term. Longer
    continuations come first, so the longest term wins; a term ending in a letter or digit must
    not be followed by one."""
    return "|".join(_trie_parts(terms)) or r"(?!x)x"


def _is_word_start(unit: str) -> bool:
    """Whether a term's first unit puts it in the first part of its list's trie (see
    :func:`_trie_parts`): a letter or digit that is not CJK."""
    return unit[:1].isalnum() and not _IS_CJK.match(unit[:1])


def _trie_parts(terms: Iterable[str]) -> list[str]:
    """The alternatives of :func:`_trie_regex`, in its order: the terms that begin with a letter
    or digit (not CJK), whose matches start where no such character precedes, then the others
    (CJK, punctuation); either is left out when no term has it. (issue #10, i13a: kept between
    processes with the rules' compiled programmes, by the list of terms: a fifth of a fresh
    process's rule building.)"""
    listed = sorted(set(terms))  # the trie is the same in any order (its branches are sorted)
    parts: list[str] = _programs.kept_value(
        "trie", json.dumps(listed), lambda: _built_trie_parts(listed)
    )
    return parts


def _term_list_programme(terms: Iterable[str]) -> tuple[list[str], str, str]:
    """A term list's trie parts (:func:`_trie_parts`) and the first characters of the terms of
    each part (those starting a word, the others; with their plain letters), kept between
    processes together (i13a)."""

    def build() -> tuple[list[str], str, str]:
        firsts: tuple[set[str], set[str]] = (set(), set())
        for term in listed:
            units = _units(term)
            if units:
                firsts[0 if _is_word_start(units[0]) else 1].add(units[0][0])
        for first in firsts:
            first |= {plain_letters(ch)[0] for ch in first}
        return _built_trie_parts(listed), "".join(sorted(firsts[0])), "".join(sorted(firsts[1]))

    listed = sorted(set(terms))
    kept: tuple[list[str], str, str] = _programs.kept_value("term list", json.dumps(listed), build)
    return kept


def _built_trie_parts(terms: list[str]) -> list[str]:
    trie: _Trie = {}
    for term in terms:
        for units in _hyphen_variants(_units(term)):
            node = trie
            for unit in units:
                node = node.setdefault(unit, {})
            node[_END] = {}

    def emit(node: _Trie, last: str, guard: bool) -> str:
        units = [
            (unit, child)
            # (i10an: a stem's open end is tried after every written continuation, so the
            # longer term "gottronove papule" wins over the stem "gottron*"; i32g: and the
            # optional "'s", which may match nothing or a plain "s", after both, so that the
            # bare "gottron's" does not cut "Gottrons tegn" or "Gottron-Zeichen" short)
            for unit, child in sorted(
                node.items(), key=lambda kv: (kv[0] == "'s", kv[0] == STEM, kv[0])
            )
            if unit != _END
        ]
        branches = [
            # a leading hyphen is the word's own ("-ve"), not an optional joiner
            (_letter_regex(unit) if not last else _unit_regex(unit)) + emit(child, unit, guard)
            for unit, child in units
        ]
        if guard:
            _guard_outside_ascii(branches, [unit for unit, _ in units])
        if _END in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    # The end boundary is checked once after the whole trie rather than after each term: a term
    # whose last character is a letter or digit (not CJK) must not be followed by one. Checked
    # at the end, a failure backtracks into the trie, so the longest term that passes still
    # wins. One check per trie, not one per term, matters: each copy of the CJK class costs
    # Python's compiler about 2 ms, and a check per term made the first note read 20 s slower.
    end = f"(?:(?<={_WORD_NOT_CJK})(?!{_WORD_NOT_CJK})|(?<!{_WORD_NOT_CJK}))"
    words = {k: v for k, v in trie.items() if _is_word_start(k)}
    others = {k: v for k, v in trie.items() if k not in words}
    parts = []
    if words:
        parts.append(f"(?<!{_WORD_NOT_CJK})" + emit(words, "", True) + end)
    if others:
        # (i39t: not the others: led by CJK characters and punctuation, which have no case,
        # that part has the engine's own table of the characters it can start with)
        parts.append(emit(others, "", False) + end)
    return parts


# issue #10 (i39t): a trie node's branches for letters outside ASCII (accented, Greek,
# Cyrillic...: a hundred and fifty of the two hundred first letters of a long list), behind one
# lookahead for the characters they can start with. Python's engine tries a branch's
# alternatives one after the other; those that start with a letter it steps over after one test
# of the character, but a word that no branch continues was tested against every one of them,
# about a microsecond at each word of a note for each long list. Grouped, an ASCII letter that
# none of them can start with is turned away by one test. The same matches: an alternation
# tried in order is the same grouped in runs ("a|b|c" is "a|(?:b|c)"), and the lookahead lets
# through every character the group's first letters match (the engine's own case folding).
_GUARD_AFTER = 8  # branches outside ASCII at one node: fewer are tested one by one


def _guard_outside_ascii(branches: list[str], units: list[str]) -> None:
    """Joins the run of ``branches`` whose ``units`` lie outside ASCII (they follow the ASCII
    ones, in the trie's order) into one alternative led by a lookahead, in place."""
    run = [i for i, unit in enumerate(units) if not unit.isascii()]
    if len(run) < _GUARD_AFTER or run != list(range(run[0], run[-1] + 1)):
        return
    starts = {
        x
        for i in run
        for spelling in _unit_spellings(units[i])
        for x in _ASCII
        if re.fullmatch(re.escape(spelling[0]), x, re.IGNORECASE)
    }
    refused = "".join(re.escape(x) for x in _ASCII if x not in starts)
    guarded = f"(?=(?-i:[^{refused}]))(?:" + "|".join(branches[i] for i in run) + ")"
    branches[run[0] : run[-1] + 1] = [guarded]


def finditer_either(
    parts: tuple[re.Pattern[str], ...], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` gives for the alternation of ``parts`` (``A|B``), found with
    each part's own search (issue #10, i11a).

    Compiled as one pattern, every alternative is tried at every position where any of them
    may start: a term list's second part (CJK and punctuation terms, about fifty alternatives)
    was tried at every letter of the note, where only its first part can start, and doubled the
    list's time. Searched apart, each part skips to where it can start. The alternation's match
    at a position is its first alternative's that matches there, and its next search starts
    where the last match ended; so the match here is, from that position on, the part whose
    next match starts first, the earlier part on a tie. A part's next match is searched again
    only once the last match has passed its start (before that it is still the first from
    there). A match of no characters (no term's: each has one unit at least) ends the shortcut:
    the joined pattern is searched instead, as the alternation would be."""
    if len(parts) == 1:
        yield from parts[0].finditer(text, start, end)
        return
    pos = start
    ahead: list[re.Match[str] | None] = [part.search(text, pos, end) for part in parts]
    while True:
        best: re.Match[str] | None = None
        for i, part in enumerate(parts):
            m = ahead[i]
            if m is not None and m.start() < pos:
                m = ahead[i] = part.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        if best.end() == best.start():
            joined = re.compile("|".join(p.pattern for p in parts), parts[0].flags)
            yield from joined.finditer(text, pos, end)
            return
        yield best
        pos = best.end()


_PER_EXPONENT = re.compile(r"(?:\s*[·⋅]\s*|\.|\s)([Ll])(?:-1|⁻¹|−1)$")

NOT_A_TERM = "-"
"""issue #10 (i10l): the concept of a matcher's excluded names (LabEntry.not_terms): found, so
that no shorter term matches inside them, and never returned."""


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    concept: str
    text: str


# issue #10 (i10-speed): the term matches found while one note is read, by matcher and span of
# text. Several readers look for the same list's terms in the whole note (the tumour sites, the
# muscles, the events); the first finds them and the others reuse the result. Only within one
# note's reading (see note_memo), so no text outlives it.
_NOTE_MEMO: ContextVar[dict[tuple[object, str, int, int], tuple[TermMatch, ...]] | None] = (
    ContextVar("term_matches", default=None)
)


# issue #10 (i15): a pattern's matches over a whole text, found once while one note is read:
# the date patterns run over the note for its date order (_style) and again for its dates
# (_time.find_dates). Keyed by the pattern's id (hashing a compiled pattern hashes its whole
# programme), the pattern kept with its matches so that the id is not reused meanwhile.
_NOTE_MATCHES: ContextVar[
    dict[tuple[int, str], tuple[re.Pattern[str], tuple[re.Match[str], ...]]] | None
] = ContextVar("note_matches", default=None)


# issue #10 (i25s): those of a list of patterns that may match somewhere in a text (note_live),
# found once while one note is read: keyed by the list's id and the text, the list kept with them
_NOTE_LIVE: ContextVar[
    dict[tuple[int, str], tuple[list[re.Pattern[str]], list[re.Pattern[str]]]] | None
] = ContextVar("note_live", default=None)


# issue #10 (i41t): a reader's own results while one note is read (note_results), by a key the
# reader makes: find_dates was asked for the same span of the note again by several readers (a
# lab row's heading looked for once per result on the row, a treatment's dates)
_NOTE_RESULTS: ContextVar[dict[tuple[object, ...], object] | None] = ContextVar(
    "note_results", default=None
)


def note_results() -> dict[tuple[object, ...], object] | None:
    """While one note is read (see note_memo), a table where a reader keeps what it found, by a
    key of its own that names everything its result depends on; None outside a note's reading."""
    return _NOTE_RESULTS.get()


@contextmanager
def note_memo() -> Iterator[None]:
    """Within this block, each matcher's terms in one span of text are found once, and so are
    the matches of a pattern over a whole text (:func:`note_matches`), the patterns of a
    list that may match in a text (:func:`note_live`), each text's :func:`gate_text` and what a
    reader keeps in :func:`note_results`."""
    token = _NOTE_MEMO.set({})
    gates = _GATE_WORDS.set({})
    matches = _NOTE_MATCHES.set({})
    live = _NOTE_LIVE.set({})
    gate_texts = _GATE_TEXTS.set({})
    places = _GATE_PLACES.set({})
    results = _NOTE_RESULTS.set({})
    try:
        yield
    finally:
        _NOTE_RESULTS.reset(results)
        _GATE_PLACES.reset(places)
        _GATE_TEXTS.reset(gate_texts)
        _NOTE_LIVE.reset(live)
        _NOTE_MATCHES.reset(matches)
        _GATE_WORDS.reset(gates)
        _NOTE_MEMO.reset(token)


def note_matches(rx: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    """``tuple(rx.finditer(text))``, or the same matches found earlier in this note's reading
    (see note_memo)."""
    memo = _NOTE_MATCHES.get()
    if memo is None:
        return tuple(finditer_near(rx, text))
    key = (id(rx), text)
    hit = memo.get(key)
    if hit is None or hit[0] is not rx:
        hit = memo[key] = (rx, tuple(finditer_near(rx, text)))
    return hit[1]


def note_live(patterns: list[re.Pattern[str]], text: str) -> list[re.Pattern[str]]:
    """Those of ``patterns`` that may match somewhere in ``text`` (:func:`may_match` on its
    :func:`gate_text`), in order; within one note's reading found once per list and text (see
    note_memo), so that a reader searching many spans of the note passes over the others in
    each (issue #10, i25s: the date patterns, run over the whole note and again over dozens of
    its sentences). A pattern left out cannot match in any span of ``text`` either: every word
    its gate needs lies within the text its match and lookarounds see."""
    memo = _NOTE_LIVE.get()
    if memo is None:
        gate = gate_text(text)
        return [rx for rx in patterns if may_match(rx, gate)]
    key = (id(patterns), text)
    hit = memo.get(key)
    if hit is None or hit[0] is not patterns:
        gate = gate_text(text)
        hit = memo[key] = (patterns, [rx for rx in patterns if may_match(rx, gate)])
    return hit[1]


def _memoised(owner: object, text: str, start: int, end: int | None, find: Any) -> list[TermMatch]:
    """``find(text, start, end)``, or the list it gave for the same span of the same note."""
    memo = _NOTE_MEMO.get()
    stop = len(text) if end is None else end
    if memo is None:
        found: list[TermMatch] = find(text, start, stop)
        return found
    key = (owner, text, start, stop)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = tuple(find(text, start, stop))
    return list(hit)


class TermMatcher:
    """Whole-word, case-insensitive matching of many literal terms at once; longest wins."""

    def __init__(
        self,
        name: str,
        concepts: Mapping[str, Iterable[str]],
        capitals_only: Iterable[str] = (),
    ) -> None:
        self.name = name
        # issue #10 (i10l): terms matched only when written with two capitals or more
        self._capitals_only = frozenset(term_key(t) for t in capitals_only)
        self._by_key: dict[str, str] = {}
        # i10an: stem terms ("dysfag*"), looked up by their key pattern when a match's key is
        # no written term's; the longest stem pattern first
        self._stems: list[tuple[re.Pattern[str], str]] = []
        terms: list[str] = []
        for concept, concept_terms in concepts.items():
            for term in concept_terms:
                if not term_key(term.replace(STEM, "")):
                    raise KnowledgeError(f"{name}: empty term for {concept}")
                if STEM in term:
                    if term.startswith(STEM):
                        raise KnowledgeError(f"{name}: term {term!r} starts with a stem mark")
                    key = term_key(term)
                    pattern = "".join(r"[^\W\d_]*" if ch == STEM else re.escape(ch) for ch in key)
                    self._stems.append((compile_kept(pattern), concept))
                    terms.append(term)
                    continue
                # "gottron's papules" also matches "gottrons papules" and "gottron papules"
                spellings = {term, term.replace("'s", "s"), term.replace("'s", "")}
                for key in {term_key(s) for s in spellings}:
                    other = self._by_key.get(key)
                    if other is not None and other != concept:
                        raise KnowledgeError(
                            f"{name}: term {term!r} names both {other!r} and {concept!r}"
                        )
                    self._by_key[key] = concept
                terms.append(term)
        # Word boundaries only where the term itself starts or ends with a word character, so
        # punctuation terms (";", "+") match right after a word.
        # the trie's branches start with each term's first unit, written as itself; (i11a) its
        # two parts (terms that start a word, the others) are searched apart, each led by the
        # first characters of its own terms (finditer_either)
        parts, word_firsts, other_firsts = _term_list_programme(terms)
        firsts = (set(word_firsts), set(other_firsts))
        self._stems.sort(key=lambda pc: -len(pc[0].pattern))
        self._parts = tuple(
            compile_rule(part, first=first)
            for part, first in zip(parts, [f for f in firsts if f], strict=True)
        ) or (re.compile(r"(?!x)x"),)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TermMatch]:
        return _memoised(self, text, start, end, self._find)

    def _find(self, text: str, start: int, end: int) -> list[TermMatch]:
        found: list[TermMatch] = []
        for m in finditer_either(self._parts, text, start, end):
            key = term_key(m.group())
            concept = self._by_key.get(key)
            if concept is None:
                concept = next((c for p, c in self._stems if p.fullmatch(key)), None)
            if key in self._capitals_only and sum(c.isupper() for c in m.group()) < 2:
                continue  # "net", "Net": the English word, not the abbreviation NET
            if concept is not None and concept != NOT_A_TERM:
                found.append(TermMatch(m.start(), m.end(), concept, m.group()))
        return found


class InvestigationMatcher(TermMatcher):
    """issue #10 (i44i): the tests' named terms, and a CT named by the body regions it covers in
    any language ("KT krūtinės, pilvo ir dubens", "CT chest (HRCT), abdomen and pelvis",
    "Thorax-abdomen-pelvis CT"): the scanner's letters and a list of regions, in either order;
    the regions give the code (lexicon.yaml ``ct_regions``). A region-named CT wins over the
    shorter terms inside it ("CT chest" of "CT chest, abdomen, pelvis")."""

    def __init__(
        self, name: str, concepts: Mapping[str, Iterable[str]], regions: CtRegions | None
    ) -> None:
        super().__init__(name, concepts)
        self._regions = regions
        if regions is None:
            return

        def alternation(words: Iterable[str]) -> str:
            forms = sorted({f for w in words for f in expand_forms(w)}, key=len, reverse=True)
            return "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in forms)

        edge_before, edge_after = rf"(?<!{_WORD_NOT_CJK})", rf"(?!{_WORD_NOT_CJK})"
        every_region = alternation(w for ws in regions.regions.values() for w in ws)
        region = rf"{edge_before}(?:{every_region}){edge_after}"
        scanner = rf"{edge_before}(?:{alternation(regions.scanners)})"
        # "and" before a space or a hyphen ("ne-pelvis"), or one written onto the word ("n'")
        elided = [j for j in regions.joiners if j.endswith("'")]
        spaced = [j for j in regions.joiners if j not in elided]
        joiner = rf"(?:(?:{alternation(spaced)})(?:\s+|-)|(?:{alternation(elided)}))"
        words_before = alternation(w for w in regions.lead_ins if w != "(")
        lead_in = rf"(?:\s*\(\s*|\s+(?:(?:{words_before})(?:\s+|(?<=')))?)"
        # commas, hyphens, slashes or a short bracket ("chest (HRCT), abdomen"), or an "and"
        sep = rf"(?:(?:\s*(?:[,/·+&\-–]|\([^()\n]{{1,12}}\)))+\s*{joiner}?|\s+{joiner})"
        regions_list = rf"{region}(?:{sep}{region}){{0,3}}"
        contrast = rf"(?:(?:{alternation(regions.contrast)})\s+)?"
        # (i48p: compiled as a rule, with its skip table and merged first letters: run over
        # every note, it took two and a half times as long compiled plainly)
        self._named_by_regions = compile_rule(
            rf"{scanner}{edge_after}{lead_in}{regions_list}"
            rf"|{regions_list}\s+{contrast}{scanner}(?:-\w+)?{edge_after}"
        )
        self._region_words = [
            (kind, compile_kept(rf"{edge_before}(?:{alternation(words)}){edge_after}", re.I))
            for kind, words in regions.regions.items()
        ]
        # issue #10 (i46i): a list going on after a region ("chest, tummy and pelvis"): a comma,
        # a slash, a hyphen joined to the next word, or the language's "and"
        self._list_goes_on = compile_kept(
            rf"\s*(?:[,/·+&]|[-–](?=\S)|(?:{alternation(spaced)})(?:\s+|-))", re.I
        )

    def _find(self, text: str, start: int, end: int) -> list[TermMatch]:
        found = super()._find(text, start, end)
        if self._regions is None:
            return found
        for m in self._named_by_regions.finditer(text, start, end):
            named = self._code_of_regions(m.group())
            if named is None:
                continue
            if named == "ct_chest" and self._list_goes_on.match(text, m.end()):
                continue  # "CT of chest, tummy and pelvis": the rest of the list was not read
            inside = [t for t in found if t.start < m.end() and m.start() < t.end]
            if any(t.end - t.start > m.end() - m.start() for t in inside):
                continue  # a longer named term holds it
            found = [t for t in found if t not in inside]
            found.append(TermMatch(m.start(), m.end(), named, m.group()))
        return sorted(found, key=lambda t: t.start)

    def _code_of_regions(self, name: str) -> str | None:
        """The code the regions written in a CT's name give, in the order written (a neck only
        as the first region), or None where they name none: then the named terms read it."""
        assert self._regions is not None
        hits = sorted(
            (m.start(), kind) for kind, rx in self._region_words for m in rx.finditer(name)
        )
        kinds: set[str] = set()
        for _, kind in hits:
            if kind == "neck" and kinds:
                break  # "CT chest, abdomen and pelvis, neck ultrasound"
            kinds.add(kind)
        key = " ".join(k for k in ("neck", "chest", "abdomen", "pelvis") if k in kinds)
        code = self._regions.codes.get(key)
        return None if code is None else str(code)


class _SpanUnion:
    """Whether a span overlaps any of a fixed set of spans, by bisection on their starts and the
    furthest end reached up to each (issue #10, i31p: not every span tried for each stem word
    of a long line of muscles)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        furthest = None
        for _, b in spans:
            furthest = b if furthest is None else max(furthest, b)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """any(a < end and start < b for a, b in spans)"""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


class MuscleMatcher:
    """issue #10 (i10al): the muscles of rules/strength.yaml ``groups`` (whole terms) and, where
    no term matched, a word that begins with one of the ``stems`` (the anatomical Latin and Greek
    roots most languages share: "proksimalna", "distalisan", "deltoidni", "iliopsoasu"). The
    stem's word runs to its end; a word in ``not_stems`` ("proximity*", "proximo") is none.
    (CJK words have no endings: they are whole terms in ``groups``.)"""

    def __init__(
        self,
        terms: TermMatcher,
        stems: Mapping[str, Iterable[str]],
        not_stems: Iterable[str],
        not_muscle_after: Iterable[str] = (),
    ) -> None:
        self.terms = terms
        after = "|".join(re.escape(w) for w in sorted(not_muscle_after, key=len, reverse=True))
        # "proximal interphalangeal joints 3/3", "proksimalni falangi": the position word
        # qualifies a joint or a bone, not the muscles
        self._joint_after = re.compile(rf"[\s-]*(?:{after})", re.IGNORECASE) if after else None
        self._by_stem = {s.casefold(): str(g) for g, ss in stems.items() for s in ss}
        # "gluten*": every word that begins so; "proximo": that word only (Spanish "next")
        words = [w.casefold() for w in not_stems]
        self._not_prefix = tuple(w[:-1] for w in words if w.endswith("*"))
        self._not_word = frozenset(w for w in words if not w.endswith("*"))
        alts = "|".join(re.escape(s) for s in sorted(self._by_stem, key=len, reverse=True))
        # (issue #10, i36t: compiled as a rule, with its skip table: run over every note, it took
        # four times as long compiled plainly)
        self._regex = compile_rule(rf"(?<!{_WORD_NOT_CJK})(?:{alts})\w*") if alts else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TermMatch]:
        return _memoised(self, text, start, end, self._find)

    def _find(self, text: str, start: int, end: int) -> list[TermMatch]:
        found = [m for m in self.terms.find(text, start, end) if not self._of_joint(text, m)]
        if self._regex is None:
            return found
        taken = _SpanUnion([(m.start, m.end) for m in found])
        extra: list[TermMatch] = []
        for m in self._regex.finditer(text, start, end):
            word = m.group().casefold()
            if (
                word.startswith(self._not_prefix)
                or word in self._not_word
                or taken.overlaps(m.start(), m.end())
            ):
                continue
            stem = max((s for s in self._by_stem if word.startswith(s)), key=len)
            match = TermMatch(m.start(), m.end(), self._by_stem[stem], m.group())
            if not self._of_joint(text, match):
                extra.append(match)
        return sorted(found + extra, key=lambda t: t.start) if extra else found

    def _of_joint(self, text: str, m: TermMatch) -> bool:
        return (
            self._joint_after is not None
            and m.concept in ("proximal_both", "distal_both")
            and self._joint_after.match(text, m.end) is not None
        )


@dataclass(frozen=True)
class CompiledContextRule:
    rule: ContextRule
    regex: re.Pattern[str]


class Rules:
    """Every rule file, validated and compiled."""

    def __init__(self) -> None:
        self.lexicon = _load("lexicon", Lexicon)
        self.context = _load("context", ContextRules)
        self.sections = _load("sections", SectionRules)
        self.line_continuing_words = frozenset(
            w.casefold() for w in self.sections.line_continuing_words
        )
        self.line_result_start = line_result_start(self.sections.line_result_words)
        self.line_grade_start = line_grade_start(self.sections.line_grade_words)
        self.inference = _load("inference", InferenceRules)
        self.patterns = _load("patterns", Patterns)
        self.strength = _load("strength", StrengthRules)
        lex = self.lexicon
        # issue #10 (i10p): the lexicon's other languages and rules/languages.yaml, as one
        other = _merged_languages(lex.other_languages, _load("languages", LanguageVocabulary))
        self.other_languages = other
        self.findings = TermMatcher(
            "findings",
            {
                **{str(k): [*v, *other.findings.get(k, [])] for k, v in lex.findings.items()},
                NOT_A_TERM: [f for t in lex.finding_not_terms for f in expand_forms(t)],  # i14c
            },
        )
        self.labs = TermMatcher(
            "labs",
            {
                **{
                    str(k): [*v.terms, *v.raised_terms, *other.labs.get(k, [])]
                    for k, v in lex.labs.items()
                },
                NOT_A_TERM: [t for v in lex.labs.values() for t in v.not_terms],
            },
        )
        self.lab_raised_terms = {term_key(t) for v in lex.labs.values() for t in v.raised_terms}
        self.antibodies = TermMatcher(
            "antibodies",
            {
                **{
                    str(k): [
                        *v,
                        *other.antibodies.get(k, []),
                        # issue #10 (i10ap): the antigens' full names and genes
                        *(f for t in lex.antibody_antigens.get(k, []) for f in expand_forms(t)),
                        # issue #10 (i35r): "anti" written onto a short name, without its hyphen
                        # ("antiSRP", "antiMDA5", "antiTIF1γ"), as "antiJO" already read
                        *(
                            f"anti{t}"
                            for t in v
                            if " " not in t and len(t) <= 10 and not t.startswith("anti")
                        ),
                    ]
                    for k, v in lex.antibodies.items()
                },
                NOT_A_TERM: [f for t in lex.antibody_not_terms for f in expand_forms(t)],
            },
            capitals_only=lex.antibody_capitals_only,
        )
        self.investigations = InvestigationMatcher(
            "investigations",
            {
                **{
                    str(k): [*v, *other.investigations.get(k, [])]
                    for k, v in lex.investigations.items()
                },
                **{f"@{k}": v for k, v in lex.investigation_back_references.items()},
            },
            regions=lex.ct_regions,
        )
        # issue #10 (i36e, i37c): lexicon.yaml result_contrasts, every language's in one
        self.result_contrast = _phrase_words(w for ws in lex.result_contrasts.values() for w in ws)
        unknown_drugs = set(other.treatments) - set(lex.treatments)
        if unknown_drugs:  # i10aj: another language's name for a drug the lexicon does not know
            raise KnowledgeError(f"rules/languages.yaml: no treatment {unknown_drugs}")
        self.treatments = TermMatcher(
            "treatments",
            {k: [*v.terms, *other.treatments.get(k, [])] for k, v in lex.treatments.items()},
        )
        self.routes = TermMatcher("routes", {str(k): v for k, v in lex.routes.items()})
        self.histology = TermMatcher(
            "tumour.histology",
            {
                str(k): [
                    *v,
                    *other.tumour_histology.get(k, []),
                    *(other.cancer_nouns if k == "other" else []),
                ]
                for k, v in lex.tumour.histology.items()
            },
            capitals_only=lex.tumour.capitals_only,
        )
        self.sites = TermMatcher(
            "tumour.sites",
            {
                str(k): [*lex.tumour.sites.get(k, []), *other.tumour_sites.get(k, [])]
                for k in {*lex.tumour.sites, *other.tumour_sites}  # i10p: "skin" is theirs only
            },
        )
        # issue #10 (i10i): the keys of the other languages' cancer nouns ("kanser", "癌")
        self.cancer_noun_keys = frozenset(term_key(t) for t in other.cancer_nouns)
        self.implied_sites = TermMatcher(
            "tumour.implied_sites",
            {
                str(k): [*lex.tumour.implied_sites.get(k, []), *other.implied_sites.get(k, [])]
                for k in {*lex.tumour.implied_sites, *other.implied_sites}
            },
        )
        self.syndromes = TermMatcher(
            "tumour.syndromes", {str(k): v for k, v in lex.tumour.syndromes.items()}
        )
        self.operations = TermMatcher(
            "tumour.operations",
            {
                str(k): [*lex.tumour.operations.get(k, []), *other.operations.get(k, [])]
                for k in {*lex.tumour.operations, *other.operations}
            },
        )
        self.invasion = TermMatcher(
            "tumour.invasion", {str(k): v for k, v in lex.tumour.invasion.items()}
        )
        self.benign_lesions = TermMatcher(
            "tumour.benign_lesions", {"benign": lex.tumour.benign_lesions}
        )
        self.devices = TermMatcher("tumour.devices", {"device": lex.tumour.devices})
        self.events = TermMatcher(
            "events",
            {
                str(k): [
                    *v,
                    *other.events.get(k, []),
                    *(t for ts in other.operations.values() for t in ts if k == "surgery"),
                ]
                for k, v in lex.events.items()
            },
        )
        self.muscles = MuscleMatcher(
            TermMatcher(
                "strength.groups", {**self.strength.groups, "ellipsis": self.strength.ellipsis}
            ),
            self.strength.stems,
            self.strength.not_stems,
            self.strength.not_muscle_after,
        )
        self.throughout = TermMatcher(  # brace forms (i11b: "во всех {|мышечных }группах")
            "strength.throughout",
            {"all": [f for t in self.strength.throughout for f in expand_forms(t)]},
        )
        self.regions = TermMatcher("regions", lex.regions)
        self.nationalities = TermMatcher("nationalities", lex.nationalities)
        self.health_bodies = TermMatcher(  # issue #10 (i54p)
            "health_bodies", lex.health_bodies, capitals_only=lex.health_bodies_capitals_only
        )
        self.myositis = TermMatcher("myositis", {"myositis": lex.myositis})
        self.panels = TermMatcher(
            "antibody_panels", {k: v.terms for k, v in lex.antibody_panels.items()}
        )
        self.biopsy_trigger = TermMatcher(
            "muscle_biopsy.trigger",
            {"muscle_biopsy": [*lex.muscle_biopsy.trigger, *other.muscle_biopsy_trigger]},
        )
        unknown = set(other.muscle_biopsy_features) - set(lex.muscle_biopsy.features)
        if unknown:
            raise KnowledgeError(f"rules/languages.yaml: no muscle biopsy feature {unknown}")
        self.biopsy_sampled = TermMatcher(
            "muscle_biopsy.sampled", {str(k): v for k, v in lex.muscle_biopsy.sampled.items()}
        )
        self.biopsy_features = TermMatcher(
            "muscle_biopsy.features",
            {
                str(k): [*v, *other.muscle_biopsy_features.get(k, [])]
                for k, v in lex.muscle_biopsy.features.items()
            },
        )
        # Several rules may share a literal (e.g. "negative" backward and forward): the concept
        # of a context term is the comma-separated list of the rules it triggers.
        by_key: dict[str, list[int]] = {}
        written: list[str] = []
        for i, r in enumerate(self.context.rules):
            spellings = [r.literal] if r.literal is not None else []
            spellings += [f for t in r.literals or [] for f in expand_forms(t)]
            for spelling in spellings:
                if i not in by_key.setdefault(term_key(spelling), []):
                    by_key[term_key(spelling)].append(i)
            written += spellings
        # every spelling of a key, as for the inference words (issue #10: Portuguese "ausência
        # de" shares its key with Spanish "ausencia de" and was never read)
        spellings_of = spellings_by_key(written)
        by_rules: dict[str, list[str]] = {}  # i10p: one rule may have many literals
        for k, idx in by_key.items():
            by_rules.setdefault(",".join(map(str, idx)), []).extend(spellings_of[k])
        self.context_literals = TermMatcher("context", by_rules)
        # issue #10 (l34b, i35v): a test not done, the PSEUDO rule's and the antibodies' reader's
        self.not_done = not_done_patterns(self.context.test_not_done)
        self.context_patterns = [
            (i, compile_rule(r.pattern.replace("{TEST_NOT_DONE}", self.not_done.pseudo)))
            for i, r in enumerate(self.context.rules)
            if r.pattern is not None
        ]
        # issue #10 (i17a): each language's words, one whole-word pattern per language
        # (i24s) led by their first letters (compile_rule): a search over the whole note that
        # would otherwise try the pattern at every character
        self.context_language_words = {
            lang: compile_rule(r"(?<!\w)(?:{})(?!\w)".format("|".join(re.escape(w) for w in words)))
            for lang, words in self.context.language_words.items()
        }
        # title -> section name, for a title alone on its line and for "Title: text"
        self.section_titles: dict[str, str] = {}
        self.inline_titles: dict[str, str] = {}
        for name, sec in self.sections.sections.items():
            for title in sec.titles:
                key = title.casefold()
                for use, table in (("alone", self.section_titles), ("inline", self.inline_titles)):
                    if sec.title_use in ("any", use):
                        if key in table and table[key] != name:
                            raise KnowledgeError(
                                f"rules/sections.yaml: title {title!r} opens both "
                                f"{table[key]!r} and {name!r}"
                            )
                        table[key] = name
        # issue #10: structured abstracts' labels and titles in other languages
        self.abstract_labels = _abstract_labels(
            self.sections, self.section_titles, self.inline_titles
        )
        self.abstract_label_sections = {
            word.casefold(): name
            for name, words in self.sections.abstract_labels.items()
            for word in words
        }
        self.abstract_colon_labels = _abstract_colon_labels(self.sections)
        self.inference_bridge = frozenset(w.casefold() for w in self.inference.bridge)
        self.inference_lesion_words = frozenset(
            term.casefold()
            for rule in self.inference.rules
            for term in rule.lesion
            if " " not in term and len(term) > 3
        ) | frozenset(w.casefold() for w in self.inference.morphology)
        # issue #10 (i35r): the colours the rules read ("violáceas", "erythematous"), to tell a
        # colour standing after its lesion ("placas violáceas") from another lesion
        self.inference_colour_words = frozenset(
            term.casefold() for rule in self.inference.rules for term in rule.colour
        )
        self.inference_site_words = frozenset(
            w.casefold()
            for rule in self.inference.rules
            for term in rule.site
            for w in term.split()
            if len(w) > 3
        ) | frozenset(w.casefold() for w in self.inference.own_site)
        self.inference_limbs = {
            limb: frozenset(w.casefold() for w in words)
            for limb, words in self.inference.limbs.items()
        }
        # issue #10 (i31e): the text just before a site, ending in a word that denies it (the
        # negators only where the lesion came first) or sets it aside; and an aside of one
        # such word and one more, closed by a comma, dash or bracket, between a site and its
        # lesion ("proximal, not distal, weakness"; not "proximal, no muscle weakness")
        negators = _alternation(self.inference.site_negators)
        contrasts = _alternation(self.inference.site_contrasts)
        self.inference_site_contrast = re.compile(rf"(?<!\w)(?:{contrasts})\s+$", re.I)
        self.inference_site_negator = re.compile(rf"(?<!\w)(?:{negators})\s+$", re.I)
        self.inference_site_hyphen = re.compile(rf"(?<!\w)(?:{negators})\s*-$", re.I)
        # issue #10 (i42r): "... and distal upper extremity" between a site and its lesion
        others = _alternation(self.inference.other_site_qualifiers)
        self.inference_other_site = re.compile(
            rf"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?(?:{others})(?!\w)", re.I
        )
        self.inference_site_aside = re.compile(
            rf"[\s,(\-–]*(?:{contrasts}|{negators})\s+\w+\s*[,)\-–][\s,)\-–]*", re.I
        )
        # One matcher for the words of every inference rule; each word knows its (rule, role)s.
        self.inference_roles: dict[str, list[tuple[int, str]]] = {}
        for i, rule in enumerate(self.inference.rules):
            for role, words in (
                ("lesion", rule.lesion),
                ("site", rule.site),
                ("colour", rule.colour),
            ):
                for word in words:
                    known = self.inference_roles.setdefault(term_key(word), [])
                    if (i, role) not in known:  # "eruption", "éruption": one word of the rule
                        known.append((i, role))
        self.inference_words = TermMatcher("inference", self._inference_spellings())
        # issue #10 (i10ai): every language's month names, for the dates that name their month
        # ("marts 2023", "3 de agosto de 2026"): the number of each spelling, and the fragment
        # MONTH_NAME of the date patterns (one trie, as the term lists: the longest name wins,
        # "červenec" is not read as "červen", and 300 names cost one pass)
        self.month_numbers: dict[str, int] = {}
        for lang, months in self.patterns.month_names.items():
            for number, spellings in enumerate(months, start=1):
                for spelling in (f.casefold() for s in spellings for f in expand_forms(s)):
                    if self.month_numbers.setdefault(spelling, number) != number:
                        raise KnowledgeError(
                            f"rules/patterns.yaml month_names.{lang}: '{spelling}' names two months"
                        )
        # the Ethiopian months' prefixes in the months' order: the first that starts a name wins
        self.ethiopian_month_prefixes: tuple[tuple[str, int], ...] = tuple(
            (prefix, number)
            for number, prefixes in enumerate(self.patterns.ethiopian_months, start=1)
            for prefix in prefixes
        )
        # issue #10 (i42n): the Solar Hijri months by their names (a spelling -> its number)
        self.solar_hijri_month_numbers: dict[str, int] = {
            spelling: number
            for number, spellings in enumerate(self.patterns.solar_hijri_months, start=1)
            for spelling in spellings
        }
        self.patterns.fragments["SOLAR_MONTH"] = (
            f"(?:{_trie_regex(self.solar_hijri_month_numbers)})"
            if self.solar_hijri_month_numbers
            else "(?!)"
        )
        self.patterns.fragments["MONTH_NAME"] = (
            f"(?:{_trie_regex(self.month_numbers)})" if self.month_numbers else "(?!)"
        )
        # ... and the number words and units of a duration in the other languages ("dos meses",
        # "drei Wochen"): fragments WORDNUM_L and TUNIT_L of the onset patterns
        self.duration_numbers = {k.casefold(): v for k, v in self.patterns.duration_numbers.items()}
        words = sorted(self.duration_numbers, key=lambda w: (-len(w), w))
        units = sorted(
            (w for ws in self.patterns.duration_units.values() for w in ws),
            key=lambda w: (-len(w), w),
        )
        numbers = "".join(f"|{re.escape(w)}" for w in words)
        self.patterns.fragments["WORDNUM_L"] = rf"(?:\d+(?:[.,]5)?{numbers})"
        self.patterns.fragments["TUNIT_L"] = f"(?:{_either(re.escape(w) for w in units)})"
        # issue #10 (i35v): the words for "since", in each of their uses' shapes
        self.since = since_patterns(self.patterns.since_words)
        self.patterns.fragments["SINCE_ONSET"] = self.since.onset
        self.patterns.fragments["SINCE_ONSET_PLAIN"] = self.since.onset_plain
        self.value = {
            name: [self._compile(p, name, _REQUIRED_GROUPS[name]) for p in pats]
            for name, pats in self.patterns.patterns.items()
        }
        tp = self.patterns.time
        self.time = {
            name: [
                self._compile(p, f"time.{name}", _REQUIRED_TIME_GROUPS[name])
                for p in getattr(tp, name)
            ]
            for name in _REQUIRED_TIME_GROUPS
        }
        self.unit_canonical: dict[str, str] = {}
        for canonical, spellings in self.patterns.unit_synonyms.items():
            for s in spellings:
                self.unit_canonical[s.casefold()] = canonical
        self.numbers = {k.casefold(): v for k, v in self.patterns.numbers.items()}
        self.duration_units = {
            word.casefold(): unit
            for unit, words in self.patterns.duration_units.items()
            for word in words
        }
        self.vague = {k.casefold(): v for k, v in self.patterns.vague_numbers.items()}

    def one(self, name: str) -> re.Pattern[str]:
        """The pattern of a patterns.yaml list that holds exactly one (issue #10, i47m: a word
        list the code applies as one pattern, by ``sub`` or ``finditer``)."""
        (only,) = self.value[name]
        return only

    def canonical_unit(self, unit: str) -> str:
        """A unit's canonical spelling (patterns.yaml unit_synonyms); issue #10 (i10an): "per
        litre" as an exponent ("U·L-1", "mg L⁻¹") is read as "/L" first."""
        slashed = _PER_EXPONENT.sub(r"/\1", unit)
        return self.unit_canonical.get(slashed.casefold(), slashed if slashed != unit else unit)

    def _inference_spellings(self) -> dict[str, list[str]]:
        """Every spelling of each inference word, under its key: words that differ only by an
        accent share a key, and each is matched as written (issue #10, i10v: with only the first
        kept, Portuguese "interfalângicas" hid Spanish "interfalángicas")."""
        return spellings_by_key(
            word
            for rule in self.inference.rules
            for word in (*rule.lesion, *rule.site, *rule.colour)
        )

    def _compile(self, pattern: str, name: str, groups: set[str]) -> re.Pattern[str]:
        text = pattern
        for key, frag in self.patterns.fragments.items():
            text = text.replace("{" + key + "}", frag)
        try:
            compiled = compile_rule(text)
        except re.error as exc:
            raise KnowledgeError(f"rules/patterns.yaml {name}: {exc}") from exc
        missing = groups - set(compiled.groupindex)
        if missing:
            raise KnowledgeError(f"rules/patterns.yaml {name}: needs groups {sorted(missing)}")
        return compiled


# --------------------------------------------------------------------------- reference limits
@dataclass(frozen=True)
class Reference:
    """A lab's reference interval or upper limit, read right after its value."""

    lower: float | None  # None for an upper limit alone ("< 190", "ULN 200")
    upper: float | None
    end: int  # where the reference ends in the text it was read from


def reference_limits(match: re.Match[str]) -> tuple[float | None, float | None]:
    """The (lower, upper) limits a reference pattern matched: groups ``lower`` and ``upper`` of
    an interval ("30-200"), or ``upper_only`` of a limit alone ("< 190"); thousands commas
    dropped ("1,000" is 1000)."""
    groups = match.groupdict()
    if groups.get("upper"):
        return _limit(groups["lower"]), _limit(groups["upper"])
    if groups.get("upper_only"):
        return None, _limit(groups["upper_only"])
    return None, None


def reference_after(patterns: Iterable[re.Pattern[str]], text: str) -> Reference | None:
    """The reference the first of ``patterns`` to match reads at the start of ``text``, or None.

    One reader for each place a value's reference is read: the labs (patterns.yaml
    ``lab_reference``) and the note's number style (``_style``: a bracketed whole-number limit,
    read before the note's decimal convention is known, so only its own narrower pattern)."""
    for rx in patterns:
        found = rx.match(text)
        if found is not None:
            lower, upper = reference_limits(found)
            return Reference(lower, upper, found.end())
    return None


def _limit(number: str) -> float:
    return float(number.replace(",", ""))


def _load(name: str, model: type[Any]) -> Any:
    return load_packaged_yaml(__package__ or __name__, f"rules/{name}.yaml", model, parse=kept_yaml)


def kept_yaml(text: str) -> Any:
    """A rules file's YAML, parsed (knowledge.parse_yaml) or as an earlier process parsed it
    (issue #10, i32s: _programs.kept_document, in the file of the compiled programmes, whose
    name covers every rules file; the entry is looked up by the hash of the text itself)."""
    kind = f"yaml {yaml.__version__} {getattr(yaml, '__with_libyaml__', False)}"
    return _programs.kept_document(text, parse_yaml, kind)


class TownTable(_Strict):
    """issue #10 (i37c): rules/towns.yaml, the towns whose name names one country alone
    (GeoNames; generated by benchmarks/towns_table.py), read by _places.country_of."""

    meta: RulesMeta
    towns: dict[str, list[str]]

    @field_validator("towns")
    @classmethod
    def _iso_codes(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return Lexicon._iso_codes(value)


@cache
def town_names() -> dict[str, list[str]]:
    """Each country's towns by rules/towns.yaml (ISO 3166 code -> names)."""
    table: TownTable = _load("towns", TownTable)
    return table.towns


@cache
def rules() -> Rules:
    """The validated, compiled rules (loaded once per process)."""
    return Rules()
