"""The grammar of a patient's age and sex in many languages (``rules/patient.yaml``): the word
classes of each language joined into one alternation per class and put into the file's shapes,
compiled once per process (issue #10, i10-text15)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import Field

from myositis_cds.errors import KnowledgeError
from myositis_cds.ingest.text._rules import RulesMeta, _Strict, compile_rule, kept_yaml
from myositis_cds.knowledge import load_packaged_yaml

__all__ = ["PatientGrammar", "patient_grammar"]

_AGE = r"(?P<age>\d{1,3})"


class LanguageWords(_Strict):
    """One language's words for each class (see the header of rules/patient.yaml)."""

    female: list[str] = Field(default_factory=list)
    male: list[str] = Field(default_factory=list)
    person: list[str] = Field(default_factory=list)
    relatives: list[str] = Field(default_factory=list)
    female_qualifiers: list[str] = Field(default_factory=list)
    male_qualifiers: list[str] = Field(default_factory=list)
    female_adjectives: list[str] = Field(default_factory=list)
    male_adjectives: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    nominal_female: list[str] = Field(default_factory=list)
    nominal_male: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    units_before: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)
    tails: list[str] = Field(default_factory=list)
    units_alone: list[str] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    quantifiers: list[str] = Field(default_factory=list)
    sex_labels: list[str] = Field(default_factory=list)
    female_values: list[str] = Field(default_factory=list)
    male_values: list[str] = Field(default_factory=list)
    age_labels: list[str] = Field(default_factory=list)
    birth_before: list[str] = Field(default_factory=list)
    birth_after: list[str] = Field(default_factory=list)
    female_patient: list[str] = Field(default_factory=list)
    old: list[str] = Field(default_factory=list)
    female_titles: list[str] = Field(default_factory=list)
    male_titles: list[str] = Field(default_factory=list)
    approximately: list[str] = Field(default_factory=list)
    # issue #10 (i35r): a phrase of age group between the noun and its bracketed age ("une
    # patiente d'âge mûr (69 ans)", "una mujer de mediana edad (52 años)")
    age_groups: list[str] = Field(default_factory=list)
    since: list[str] = Field(default_factory=list)
    one: list[str] = Field(default_factory=list)
    years: list[str] = Field(default_factory=list)
    # issue #10 (i50o): the shorter units of a duration, as `years` (rules/patient.yaml)
    months: list[str] = Field(default_factory=list)
    weeks: list[str] = Field(default_factory=list)
    days: list[str] = Field(default_factory=list)
    duration_after: list[str] = Field(default_factory=list)
    years_alone: list[str] = Field(default_factory=list)
    # issue #10 (i50o): the shorter units that say "for N <unit>" by themselves, as years_alone
    months_alone: list[str] = Field(default_factory=list)
    weeks_alone: list[str] = Field(default_factory=list)
    days_alone: list[str] = Field(default_factory=list)
    one_year: list[str] = Field(default_factory=list)
    symptoms: list[str] = Field(default_factory=list)
    patient_labels: list[str] = Field(default_factory=list)
    female_words: list[str] = Field(default_factory=list)
    male_words: list[str] = Field(default_factory=list)
    female_verbs: list[str] = Field(default_factory=list)  # issue #10 (i10y)
    male_verbs: list[str] = Field(default_factory=list)
    female_pronouns: list[str] = Field(default_factory=list)
    male_pronouns: list[str] = Field(default_factory=list)
    female_kin: list[str] = Field(default_factory=list)  # issue #10 (i10ah)
    male_kin: list[str] = Field(default_factory=list)
    about_kin: list[str] = Field(default_factory=list)
    subject_labels: list[str] = Field(default_factory=list)


class Shapes(_Strict):
    age_sex: list[str]
    sex_alone: list[str]
    birth_year: list[str]
    onset_duration: list[str] = Field(default_factory=list)
    onset_at_age: list[str] = Field(default_factory=list)  # issue #10 (i12c)
    onset_words: list[str] = Field(default_factory=list)  # issue #10 (i12c)
    onset_relatives: list[str] = Field(default_factory=list)  # issue #10 (i12c)
    onset_age_stated: list[str] = Field(default_factory=list)  # issue #10 (i17a)
    informant: list[str] = Field(default_factory=list)  # issue #10 (i10ah)


class PatientGrammarFile(_Strict):
    meta: RulesMeta
    fragments: dict[str, str] = Field(default_factory=dict)
    shapes: Shapes
    languages: dict[str, LanguageWords]


@dataclass(frozen=True)
class PatientGrammar:
    """The compiled grammar. ``age_sex``: patterns with group ``age`` and the sex groups (see
    facts.patient.sex_of); ``sex_alone``: the sex without an age; ``birth_year``: group ``year``;
    ``relative_before``: a relative's noun up to four words before an age ("Mutter, 80 Jahre",
    "Matka pacjentki, lat 70": the age is the mother's);
    ``bound_before``: a word ending just before the number that makes it a range's bound;
    ``age_hint``: what every match of ``age_sex`` contains (a number with an age word after it,
    or a unit or a label before it): a note without it is not searched with the grammar;
    ``approximate_before``: a word just before the number that makes the age approximate;
    ``onset_duration``: how long the illness has lasted (group ``n``: the number, none for one;
    group ``months``, ``weeks`` or ``days`` the unit when shorter than years, issue #10 i50o);
    ``symptoms``: a complaint such a duration is said of; ``relatives_in``: a
    relative's noun anywhere; ``person_before``: a person's noun (with its initials, a comma)
    ending just before a number, which makes the number an age; ``gendered_words`` (issue #10,
    i10y): a verb form of a person whose ending shows the subject's sex, or a personal pronoun
    of the patient's languages (group female or male)."""

    age_sex: tuple[re.Pattern[str], ...]
    sex_alone: tuple[re.Pattern[str], ...]
    birth_year: tuple[re.Pattern[str], ...]
    relative_before: re.Pattern[str]
    bound_before: re.Pattern[str]
    age_hint: re.Pattern[str]
    approximate_before: re.Pattern[str]
    onset_duration: tuple[re.Pattern[str], ...]
    # issue #10 (i12c): the age at which the illness began ("at the age of 13, she developed
    # ..."; the one capturing group that matched) and the words saying something began, near it
    onset_at_age: re.Pattern[str]
    onset_words: re.Pattern[str]
    onset_relatives: re.Pattern[str]
    # issue #10 (i17a): an age at onset or at diagnosis stated as such ("Age at onset: 40",
    # "diagnosed at the age of 9"): group n the age, group dx when it is the diagnosis's
    onset_age_stated: tuple[re.Pattern[str], ...]
    symptoms: re.Pattern[str]
    relatives_in: re.Pattern[str]
    person_before: re.Pattern[str]
    gendered_words: re.Pattern[str]
    # issue #10 (i10ah): a sex field coded by a legend ("Sex (1 = male, 2 = female) ... 2"):
    # ``coded_sex`` has groups code and legend / legend_after; ``legend_pair`` reads one
    # "code = value" of a legend (groups code, value); ``female_value`` / ``male_value`` match
    # a whole value naming the sex
    coded_sex: re.Pattern[str]
    # issue #10 (i10ah): a relative's letter naming the patient by the writer's relation (groups
    # female / male)
    informant: tuple[re.Pattern[str], ...]
    legend_pair: re.Pattern[str]
    female_value: re.Pattern[str]
    male_value: re.Pattern[str]


def _alternation(forms: list[str]) -> str:
    """The forms as one alternation, longest first (so a longer form wins at one position)."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(f"(?:{f})" for f in unique) if unique else "(?!)"


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return compile_rule(pattern)
    except re.error as exc:
        raise KnowledgeError(f"rules/patient.yaml {where}: {exc}") from exc


@cache
def patient_grammar_file() -> PatientGrammarFile:
    """rules/patient.yaml as read (once per process): the grammar below and the number words'
    age words (_numbers) are built from it."""
    data: PatientGrammarFile = load_packaged_yaml(
        __package__ or __name__, "rules/patient.yaml", PatientGrammarFile, parse=kept_yaml
    )  # (i32s: the parsed YAML kept between processes)
    return data


def load_patient_grammar() -> PatientGrammar:
    data = patient_grammar_file()
    classes = {
        name.upper(): _alternation(
            [form for words in data.languages.values() for form in getattr(words, name)]
        )
        for name in LanguageWords.model_fields
    }
    classes.update(data.fragments)

    def fill(shape: str) -> str:
        # (a fragment may name classes and other fragments: filled until none is left)
        while (filled := re.sub(r"\{([A-Z_]+)\}", lambda m: classes[m.group(1)], shape)) != shape:
            shape = filled
        return shape

    age_sex = [_compile(fill(s), "shapes.age_sex") for s in data.shapes.age_sex]
    for lang, words in data.languages.items():
        for group, templates in (
            ("female_form", words.nominal_female),
            ("male_form", words.nominal_male),
        ):
            for t in templates:
                if "{AGE}" not in t:
                    raise KnowledgeError(f"rules/patient.yaml {lang}: {t!r} has no {{AGE}}")
                age_sex.append(
                    _compile(f"(?P<{group}>{t.replace('{AGE}', _AGE)})", f"languages.{lang}")
                )
    return PatientGrammar(
        age_sex=tuple(age_sex),
        sex_alone=tuple(_compile(fill(s), "shapes.sex_alone") for s in data.shapes.sex_alone),
        birth_year=tuple(_compile(fill(s), "shapes.birth_year") for s in data.shapes.birth_year),
        relative_before=_compile(
            # (issue #10, i12a: a de-identified word between, "Motina: J*** P***, moteris")
            # (issue #10, i16b: the Amharic genitive written onto the number, "እናቷ የ70 ዓመት")
            rf"(?<!\w)(?:{classes['RELATIVES']})(?!\w)[\s,:(]*(?:[\w*-]+[\s,:(]+){{0,4}}(?:የ)?$",
            "relatives",
        ),
        age_hint=_compile(
            rf"\d\s*[-‐–]?\s*(?:{classes['FEMALE_ADJECTIVES']}|{classes['MALE_ADJECTIVES']}"
            rf"|{classes['ADJECTIVES']}|{classes['UNITS']}|{classes['UNITS_ALONE']})(?!\w)"
            rf"|(?<!\w)(?:{classes['UNITS_BEFORE']})\s+\d"
            rf"|(?<!\w)(?:{classes['AGE_LABELS']})\s*[:：]\s*\d"
            # issue #10 (i10ah): an age field with a dot leader, "Age ........ 52"
            rf"|(?<!\w)(?:{classes['AGE_LABELS']}|age){data.fragments['LEADER']}\d"
            # issue #10 (i10-text21): an age and sex item, "56 Y/F", "Age/Sex: 61 yrs / Male"
            # (issue #10, i53p: or apart by a comma or a space, "Age/Sex: 38, female", and the
            # label with the sex first, "Sex/Age: M/71")
            rf"|(?<!\w)(?:{classes['SEX_LABELS']})\s*/\s*(?:{classes['AGE_LABELS']}|age)(?!\w)"
            rf"|\d\s*(?:y(?:rs?|ears?)?\.?)?\s*[/,]?\s*(?:{classes['FEMALE_WORDS']}"
            rf"|{classes['FEMALE_VALUES']}|{classes['MALE_WORDS']}|{classes['MALE_VALUES']})(?![\w-])"
            # issue #10 (i23b): the age and the sex letter as columns, "Name: Jane DOE  46 F"
            rf"|\d\s?(?-i:[FM])(?![\w/.-])",
            "age_hint",
        ),
        approximate_before=_compile(
            rf"(?<!\w)(?:{classes['APPROXIMATELY']})\s*$|~\s*$", "approximately"
        ),
        onset_duration=tuple(
            _compile(fill(s), "shapes.onset_duration") for s in data.shapes.onset_duration
        ),
        # one pattern for all the shapes (one scan of the note, not one a language); the age
        # is the alternative's only capturing group
        onset_at_age=_compile(
            "|".join(
                f"(?:{re.sub(r'[(][?]P<n2?>', '(', fill(s))})" for s in data.shapes.onset_at_age
            )
            or r"(?!x)x",
            "shapes.onset_at_age",
        ),
        onset_words=_compile(
            "|".join(f"(?:{fill(s)})" for s in data.shapes.onset_words) or r"(?!x)x",
            "shapes.onset_words",
        ),
        onset_age_stated=tuple(
            _compile(fill(s), "shapes.onset_age_stated") for s in data.shapes.onset_age_stated
        ),
        onset_relatives=_compile(
            "|".join(f"(?:{fill(s)})" for s in data.shapes.onset_relatives) or r"(?!x)x",
            "shapes.onset_relatives",
        ),
        symptoms=_compile(rf"(?<!\w)(?:{classes['SYMPTOMS']})(?!\w)", "symptoms"),
        relatives_in=_compile(rf"(?<!\w)(?:{classes['RELATIVES']})(?!\w)", "relatives"),
        person_before=_compile(
            rf"(?<!\w)(?:{classes['FEMALE']}|{classes['MALE']}|{classes['PERSON']}"
            rf"|{classes['RELATIVES']})(?!\w){classes['INITIALS']}?\s*[,(]?\s*$",
            "person_before",
        ),
        bound_before=_compile(
            rf"(?:(?<!\w)(?:{classes['QUANTIFIERS']})|[<>≤≥])\s*$", "quantifiers"
        ),
        gendered_words=_compile(
            rf"(?<!\w)(?:(?P<female>{classes['FEMALE_VERBS']}|{classes['FEMALE_PRONOUNS']})"
            rf"|(?P<male>{classes['MALE_VERBS']}|{classes['MALE_PRONOUNS']}))(?!\w)",
            "verbs",
        ),
        informant=tuple(_compile(fill(s), "shapes.informant") for s in data.shapes.informant),
        coded_sex=_compile(
            rf"(?<!\w)(?:{classes['SEX_LABELS']})[ \t]*(?:\((?P<legend>[^()\n]{{3,120}})\))?"
            rf"(?:[ \t]*[:：=]|{data.fragments['LEADER']}|[ \t]+[-–—])[ \t]*"
            r"(?P<code>[0-9A-Za-z]{1,2})(?![\w-])(?:[ \t]*\((?P<legend_after>[^()\n]{3,120})\))?",
            "coded_sex",
        ),
        legend_pair=_compile(
            r"(?<![\w-])(?P<code>[0-9A-Za-z]{1,2})[ \t]*(?:=|:|[-–—])[ \t]*"
            r"(?P<value>[^\W\d_][^,;/=()\n]*?)[ \t]*(?=[,;/]|$)",
            "legend_pair",
        ),
        female_value=_compile(
            rf"(?:{classes['FEMALE_VALUES']}|{classes['FEMALE_WORDS']}|{classes['FEMALE']})",
            "female_value",
        ),
        male_value=_compile(
            rf"(?:{classes['MALE_VALUES']}|{classes['MALE_WORDS']}|{classes['MALE']})",
            "male_value",
        ),
    )


_GRAMMAR: PatientGrammar | None = None


def patient_grammar() -> PatientGrammar:
    """The compiled grammar (loaded once per process)."""
    global _GRAMMAR
    if _GRAMMAR is None:
        _GRAMMAR = load_patient_grammar()
    return _GRAMMAR
