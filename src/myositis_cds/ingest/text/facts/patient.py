"""The patient: age, sex, birth date and region, the illness's onset, and whom a case
report is about."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import cache
from typing import Any

from myositis_cds.ingest.text._draft import (
    _FINDING_CATS,
    _PAST_HISTORY_EVENTS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _status,
)
from myositis_cds.ingest.text._patient_grammar import PatientGrammar, patient_grammar
from myositis_cds.ingest.text._places import PlacesUnavailable, country_of
from myositis_cds.ingest.text._rules import TermMatch, compile_rule, digit_in, needs_digit
from myositis_cds.ingest.text._time import INDEX, TimePoint, find_dates, parse_quantity, shift_days
from myositis_cds.ingest.text._timeline import stated_onset

__all__ = ["pronoun_sex", "sex_of"]

# The groups a pattern may name the sex with, most telling first: a gendered noun ("Patientin",
# "mujer"), then a gendered age adjective or a qualifier after the noun ("50-letnia", "paziente
# di sesso maschile", "dem 60-Jährigen"), then a qualifier after the age ("..., femenina").
_SEX_GROUPS = (("female", "male"), ("female_form", "male_form"), ("female_after", "male_after"))


def _reach(text: str, sent: Sentence) -> int:
    """Where a fact that starts in ``sent`` may end: a name's initials ("Mrs J.T., 74") or an
    abbreviation ("ur. 1971": born 1971) can end a sentence for the splitter, so an age or a
    year of birth that starts in it may run on to the end of its line (at most a few words)."""
    line_end = text.find("\n", sent.end)
    return min(sent.end + 24, len(text) if line_end < 0 else line_end)


def sex_of(m: re.Match[str]) -> str | None:
    """The sex an age or sex pattern's match names, by its groups (see rules/patient.yaml)."""
    groups = m.groupdict()
    for female, male in _SEX_GROUPS:
        if groups.get(female):
            return "female"
        if groups.get(male):
            return "male"
    return None


def _someone_else(m: re.Match[str], text: str, grammar: PatientGrammar) -> bool:
    """issue #10 (i10-text15): an age the grammar reads that is not one patient's: a relative's
    noun in the match ("80-jährige Mutter") or just before the number ("mẹ 70 tuổi"), or a
    bound of a range ("über 50-jährige", "mayores de 40 años")."""
    if m.groupdict().get("relative"):
        return True
    a = m.start("age")
    if a < 0:
        return False
    window = max(0, a - 40)
    return bool(
        grammar.bound_before.search(text, window, m.start())
        or grammar.relative_before.search(text, window, a)
    )


def _patient(ex: Extraction) -> None:
    """Age and sex: the patient's own sections first, then any section ("We report a …");
    never from words about a relative ("her mother, aged 70"). Then a date of birth and the
    region the patient comes from or lives in."""
    r = ex.rules
    ordered = sorted(ex.sentences, key=lambda s: (not s.patient, s.index))
    grammar = patient_grammar()
    own_rules = ex.live(r.value["age_sex"])
    # issue #10 (i10-text15): when our own patterns find no age, the grammar of the other
    # languages (rules/patient.yaml); (i15) the note is searched for its hint only when that
    # grammar is needed (most notes give an age and a sex to our own patterns), once

    @cache
    def other_languages() -> list[re.Pattern[str]]:
        # (i25s: only the patterns whose words the note holds, see Extraction.live: each of
        # the others would be run, and find nothing, in every sentence)
        return ex.live(list(grammar.age_sex)) if grammar.age_hint.search(ex.text) else []

    age_found, sex_found = _filed_patient_row(ex)  # issue #10 (i10-text21)
    if not age_found:  # issue #10 (i41r): an age at a past diagnosis only when no other
        passed: list[Sentence] = []
        age_found, sex_found = _first_age(ex, ordered, own_rules, None, passed=passed)
        if not age_found and passed:  # (only the sentences where such an age was passed over)
            age_found, sex_found = _first_age(ex, passed, own_rules, None)
    if not age_found:
        age_found, sex_found = _first_age(ex, ordered, other_languages(), grammar)
    if not age_found:
        sex_found = _age_decade(ex, ordered) or sex_found
    elif not sex_found:  # issue #10 (i10i)
        sex_found = _sex_with_the_same_age(ex, ordered, own_rules + other_languages())
    else:
        _sex_by_the_pronouns(ex, ordered, own_rules)  # issue #10 (i31c)
    _birth_date(ex)
    _region(ex)
    if sex_found or _coded_sex(ex, grammar):
        return
    own_sex = r.value["sex_only"]
    sex_only = [*ex.live(own_sex), *ex.live(list(grammar.sex_alone))]  # (i25s: own gated too)
    for sent in ordered:
        if not sent.patient:
            break  # "Mr D. Ellis (surgery, chair)" in a list of staff is not the patient
        for rx in sex_only:
            # (the grammar's title may end a sentence for the splitter: "Ny. Sari")
            # (i42n: nor a name's initial in the patient's own line, "Pt: J. M., M   DOB")
            end = (
                sent.end
                if rx in own_sex and not _INITIAL_END.search(ex.text, sent.start, sent.end)
                else _reach(ex.text, sent)
            )
            m = next(
                (
                    m
                    for m in rx.finditer(ex.text, sent.start, end)
                    if not _other_person(ex, m)
                    and not (_sex_letter(m) and _INITIALS_AFTER.match(ex.text, m.end()))
                ),
                None,
            )
            if m is not None and m.start() < sent.end:
                sex = sex_of(m) or "male"
                ex.drafts.append(
                    Draft(
                        "patient", "sex", "present", m.start(), m.end(), sent, INDEX, {"value": sex}
                    )
                )
                return
    if not _mesh_sex(ex):
        _informant_sex(ex, grammar)


# issue #10 (i16b): a sex letter followed by a stop and another initial is the first of the
# patient's initials ("Pacient: M. D. F. S."): the sentence splitter may end the sentence at the
# letter's stop, where a pattern's own lookahead cannot see the next initial. The one check for
# every sex_only pattern (i17a: the English pattern's copy of it removed). The patient grammar's
# SEX_END keeps its own: there it chooses between a value's spellings ("жен" or "жен." before a
# Latin initial), which a check after the match cannot do.
_INITIALS_AFTER = re.compile(r"\.[ \t]?[A-ZÀ-ÖØ-Þ]\.")
# issue #10 (i42n): a sentence the splitter ended at a name's initial ("Pt: J." of "Pt: J. M., M
# DOB: ..."): the patient's item runs on past it, to the sex after the initials.
_INITIAL_END = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ]\.\s*\Z")


def _sex_letter(m: re.Match[str]) -> bool:
    """issue #10 (i34r): whether the sex word a match read is a single letter ("Patient: M"),
    the only one the initials after it can be the first of: a title before the patient's
    initials ("Madame M.F.", "Mrs J.K.", "Herr K.L.") names the sex by the title, whose match
    ends at the name's first capital."""
    return any(
        name in m.re.groupindex and m.group(name) is not None and len(m.group(name)) == 1
        for name in ("female", "male")
    )


# issue #10 (i34r): a record's MeSH terms (a repository's or PubMed's keyword block, "Humans;
# Male; Middle Aged; Dermatomyositis/diagnosis"): the check tags "Male" and "Female" index the
# sex of the patient a case report describes, and "Humans" marks the list as MeSH (a list of
# author keywords has no such tag). One line of semicolon-separated terms, with "Humans" and
# exactly one of the two sexes (a series indexes both); capitals as MeSH writes them.
_MESH_LINE = re.compile(r"(?m)^[^\n;]*(?:;[^\n;]*){2,}$")
_MESH_TAG = re.compile(r"(?:^|;)[ \t]*(?P<tag>Humans|Female|Male)[ \t]*(?=;|$)", re.MULTILINE)


def _mesh_sex(ex: Extraction) -> bool:
    """The sex of a MeSH keyword line's check tag (``_MESH_LINE``) when no sentence gave one;
    returns whether it did."""
    text = ex.text
    for line in _MESH_LINE.finditer(text):
        tags = {m.group("tag"): m for m in _MESH_TAG.finditer(text, line.start(), line.end())}
        sexes = [tags[t] for t in ("Female", "Male") if t in tags]
        if "Humans" not in tags or len(sexes) != 1:
            continue
        m = sexes[0]
        sent = ex.sentence_at(m.start("tag"))
        if sent is None:
            continue
        ex.drafts.append(
            Draft(
                "patient",
                "sex",
                "present",
                m.start("tag"),
                m.end("tag"),
                sent,
                INDEX,
                {"value": m.group("tag").lower()},
            )
        )
        return True
    return False


def _informant_sex(ex: Extraction, grammar: PatientGrammar) -> None:
    """issue #10 (i10ah): a relative's letter names the patient by the writer's relation ("on
    behalf of my mother", "Subject: ... my mother, dermatomyositis"): that relation's sex
    (rules/patient.yaml ``informant``), when nothing else gave one. Not in a family-history
    section, nor where the context rules make the words someone else's ("her mother's
    sister")."""
    for rx in grammar.informant:
        for m in rx.finditer(ex.text):
            sent = ex.sentence_at(m.start())
            if sent is None or (sent.segment is not None and sent.segment.status == "family"):
                continue
            sex = sex_of(m)
            if sex is None:
                continue
            start, end = m.span("female") if m.group("female") else m.span("male")
            ex.drafts.append(
                Draft("patient", "sex", "present", start, end, sent, INDEX, {"value": sex})
            )
            return


def _coded_sex(ex: Extraction, grammar: PatientGrammar) -> bool:
    """issue #10 (i10ah): a sex field given as a code its legend explains ("Sex (1 = male, 2 =
    female, 9 = not stated) ... 2", "Gender: 2 (1=M, 2=F)", "Geschlecht (1=männlich,
    2=weiblich): 1"; the numeric codes of ISO/IEC 5218 and of registries and biobank forms):
    the legend's value for the code, when it names a sex, in the patient's sections. A code the
    legend does not explain, or explains as "not stated", gives nothing. Returns whether it
    gave the sex."""
    for m in grammar.coded_sex.finditer(ex.text):
        legend = m.group("legend") or m.group("legend_after")
        if legend is None:
            continue
        sent = ex.sentence_at(m.start())
        if sent is None or not sent.patient:
            continue
        code = m.group("code").casefold()
        values = [
            p.group("value").strip()
            for p in grammar.legend_pair.finditer(legend)
            if p.group("code").casefold() == code
        ]
        if len(values) != 1:
            continue
        sex = (
            "female"
            if grammar.female_value.fullmatch(values[0])
            else "male"
            if grammar.male_value.fullmatch(values[0])
            else None
        )
        if sex is None:
            continue
        start, end = m.span("code")
        ex.drafts.append(
            Draft("patient", "sex", "present", start, end, sent, INDEX, {"value": sex})
        )
        return True
    return False


def _other_person(ex: Extraction, m: re.Match[str]) -> bool:
    """issue #10 (i10aa): whether the sex ``m`` names is another person's: one a field of its
    line labels ("Surgeon: Mr J. T.", "Medical examiner officer: Ms K. L.", "Mother: Mrs A.")
    or one named after "by" or "from" (rules/patterns.yaml ``other_person_before``), or one
    the words after the name say is staff or a relative ("Mr A. Khan FRCS, Consultant Surgeon",
    "Mr E. Evans (husband)": ``other_person_after``)."""
    text = ex.text
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[max(line_start, m.start() - 120) : m.start()]
    if any(rx.search(before) for rx in ex.rules.value["other_person_before"]):
        return True
    line_end = text.find("\n", m.end())
    after = text[m.end() - 1 : min(m.end() + 120, len(text) if line_end < 0 else line_end)]
    return any(rx.match(after) for rx in ex.rules.value["other_person_after"])


# issue #10 (i10-text21): a list of several patients (an MDT outcome list) filed in one
# patient's record says which entry is that patient ("filed in the record of: PATIENT 3 ONLY");
# that entry's own row gives the age and sex ("3. 63 M   MRN ..."), never another entry's
_FILED_ENTRY = compile_rule(
    r"\b(?:filed|record)\b[^.\n]{0,60}?\bpatient\s+(?:no\.?\s*)?(?P<n>\d{1,2})\b", re.IGNORECASE
)
_ENTRY_ROW = (
    r"^[ \t]*{n}[.)][ \t]+(?P<age>\d{{1,3}})[ \t]*(?:y(?:rs?)?[ \t]*)?(?P<sex>(?-i:[MF]))(?![\w/-])"
)


def _filed_patient_row(ex: Extraction) -> tuple[bool, bool]:
    """The age and sex on the row of the entry the list says is the filed patient's."""
    filed = _FILED_ENTRY.search(ex.text)
    if filed is None:
        return False, False
    row = re.compile(_ENTRY_ROW.format(n=filed.group("n")), re.MULTILINE).search(ex.text)
    if row is None:
        return False, False
    starts = [sent.start for sent in ex.sentences]
    i = max(0, bisect_right(starts, row.start()) - 1)
    sent = ex.sentences[i]
    age = int(row.group("age"))
    sex = "female" if row.group("sex") == "F" else "male"
    for code, value, (a, b) in (
        ("age", age, row.span("age")),
        ("sex", sex, row.span("sex")),
    ):
        ex.drafts.append(Draft("patient", code, "present", a, b, sent, INDEX, {"value": value}))
    return True, True


def _first_age(
    ex: Extraction,
    ordered: list[Sentence],
    patterns: list[re.Pattern[str]],
    grammar: PatientGrammar | None,
    passed: list[Sentence] | None = None,
) -> tuple[bool, bool]:
    """The first age ``patterns`` state for the patient, in ``ordered`` sentences (and the sex
    with it): drafts added, returns (age found, sex found). ``grammar``: the patterns are the
    grammar's, so every match in a sentence is tried until one is a single patient's age.
    ``passed``: when given, an age said to be the one at a past diagnosis or onset is passed
    over and its sentence appended there, once (issue #10, i41r: rules/patterns.yaml
    ``age_at_past_event``, "a case of SLE diagnosed at the age of 7 years" is the age then, not
    now: another age stated later, "A 12-year-old girl was admitted", is taken first; this one
    only when none is, by a second call over the sentences passed). A second call over those
    sentences alone finds what one over every sentence would: in the others nothing was passed
    over, so nothing more is found there."""
    text = ex.text
    for sent in ordered:
        reach = _reach(text, sent)
        # issue #10 (i29t): every age pattern needs a digit in its match (an age in words or in
        # another script's digits is written as digits, or read by \d): a sentence without one
        # is passed over without running them (needs_digit, derived from each pattern)
        digits = digit_in(text, sent.start, reach)
        for rx in patterns:
            if not digits and needs_digit(rx):
                continue
            if grammar is None:
                m = rx.search(text, sent.start, reach)
            else:
                m = next(
                    (
                        g
                        for g in rx.finditer(text, sent.start, reach)
                        if not _someone_else(g, text, grammar)
                    ),
                    None,
                )
            if m is None or m.start() >= sent.end:
                continue
            if passed is not None and any(
                rx.search(text, sent.start, m.start()) for rx in ex.rules.value["age_at_past_event"]
            ):
                if not passed or passed[-1] is not sent:
                    passed.append(sent)
                continue
            age = _age_value(m)
            if not 0 <= age <= OLDEST_AGE:
                continue
            about = sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE)
            own = m.groupdict().get("own") is not None  # "you are 63": whose age is stated
            if sent.segment is not None and sent.segment.status == "family" and not own:
                continue  # issue #10 (i10k): an age in the family history is a relative's
            if about.get("experiencer") or (about.get("generic") and sent.patient and not own):
                continue
            value: dict[str, Any] = {"value": age}
            # issue #10: "an approximately 60-year-old man", "aged about 45": the age is approximate
            before = max(sent.start, m.start("age") - 20), max(sent.start, m.start("age"))
            # (and in the other languages' words, as an age of our own patterns may be written
            # in them: "eine etwa 60-jährige Patientin")
            if _APPROXIMATE_AGE.search(text, *before) or (
                patient_grammar().approximate_before.search(text, *before)
            ):
                value["approximate"] = True
            ex.drafts.append(
                Draft("patient", "age", "present", m.start(), m.end(), sent, INDEX, value)
            )
            sex = sex_of(m)
            if sex:
                ex.drafts.append(
                    Draft(
                        "patient", "sex", "present", m.start(), m.end(), sent, INDEX, {"value": sex}
                    )
                )
            return True, sex is not None
    return False, False


_ABOUT_SOMEONE_ELSE = frozenset({"FAMILY", "GENERIC"})
# issue #10 (i51p): the oldest age a note's reading may give (lead, round 51): an age read
# above it ("116", "120": a stated age counted on from a date that was no visit) is a misreading,
# left unread, never given; the case model itself allows up to 130
OLDEST_AGE = 110


def _age_value(m: re.Match[str]) -> int:
    """The age of an age_sex match (an age in words was written as digits by _style: issue #10,
    i10z, rules/numbers.yaml); (issue #10, i40n) one less for a birthday to come ("will be 78
    on Christmas Eve": 77 now)."""
    return int(m.group("age")) - (1 if m.groupdict().get("next") else 0)


def _sex_with_the_same_age(
    ex: Extraction, ordered: list[Sentence], age_sex: list[re.Pattern[str]]
) -> bool:
    """issue #10 (i10i): a report that first names the patient without a sex ("a 45-year-old
    patient with PM ...") often gives it later with the same age ("A 45-year-old man presented
    ..."): the first such later statement about the patient gives the sex. Another age is
    another person (a relative, a case from the literature) and gives nothing."""
    stated = [d for d in ex.drafts if d.type == "patient" and d.code == "age"]
    if not stated:
        return False
    age = stated[0].value["value"]
    grammar = patient_grammar()
    for sent in ordered:
        # (every match of the grammar has the age in digits: a sentence without them is passed)
        digits = str(age) in ex.text[sent.start : sent.end]
        for rx in age_sex:
            if not digits and rx in grammar.age_sex:
                continue
            for m in rx.finditer(ex.text, sent.start, sent.end):
                sex = sex_of(m)
                if sex is None or _age_value(m) != age or _someone_else(m, ex.text, grammar):
                    continue
                about = sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE)
                if about.get("experiencer") or about.get("generic"):
                    continue
                ex.drafts.append(
                    Draft(
                        "patient", "sex", "present", m.start(), m.end(), sent, INDEX, {"value": sex}
                    )
                )
                return True
    return False


def _sex_by_the_pronouns(
    ex: Extraction, ordered: list[Sentence], age_sex: list[re.Pattern[str]]
) -> None:
    """issue #10 (i31c): when the patient's age is stated again with the other sex (the same
    age: another age is another person; "a 7-year-old girl" in an introduction, "A 7-year-old
    boy ... he ... his knuckles" in the case), the other sex wins when the English pronouns of
    the patient's sentences (_PRONOUNS) give it twice or more and never the first: one slipped
    word against the case's own words. Any pronoun of the first sex keeps it (two notes of two
    patients of one age, each with its pronouns); another person's words (a relative's, a
    statement in general) are not counted."""
    stated = [d for d in ex.drafts if d.type == "patient" and d.code in ("age", "sex")]
    age = next((d for d in stated if d.code == "age"), None)
    first = next((d for d in stated if d.code == "sex"), None)
    if age is None or first is None:
        return
    other = "male" if first.value["value"] == "female" else "female"
    grammar = patient_grammar()
    again: tuple[re.Match[str], Sentence] | None = None
    for sent in ordered:
        if again is not None or str(age.value["value"]) not in ex.text[sent.start : sent.end]:
            continue
        for rx in age_sex:
            for m in rx.finditer(ex.text, sent.start, sent.end):
                if (
                    sex_of(m) == other
                    and _age_value(m) == age.value["value"]
                    and not _someone_else(m, ex.text, grammar)
                    and not sent.context.assert_target(
                        m.start(), m.end(), _ABOUT_SOMEONE_ELSE
                    ).categories
                ):
                    again = m, sent
                    break
            if again is not None:
                break
    if again is None:
        return
    counts = {"female": 0, "male": 0}
    for sent in ordered if _writes_english(ex) else ():
        if not sent.patient:
            break
        for m in _PRONOUNS.finditer(ex.text, sent.start, sent.end):
            if not sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE).categories:
                counts["female" if m.group("female") else "male"] += 1
    if counts[first.value["value"]] == 0 and counts[other] >= 2:
        m, sent = again
        ex.drafts.remove(first)
        ex.drafts.append(
            Draft("patient", "sex", "present", m.start(), m.end(), sent, INDEX, {"value": other})
        )


# a word that makes a stated age approximate, just before the number ("approximately 60-year-old",
# "aged about 45", "a roughly 70 year old man")
_APPROXIMATE_AGE = re.compile(
    r"(?:\b(?:approximately|approx\.?|about|around|roughly|circa|some)\s+|~\s*)$", re.IGNORECASE
)
_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    # issue #10: the Latin words for a decade of life ("sexagenarian": in the sixties)
    "quadragenarian": 40,
    "quinquagenarian": 50,
    "sexagenarian": 60,
    "septuagenarian": 70,
    "octogenarian": 80,
    "nonagenarian": 90,
}
# "in the sixth decade of life" is the fifties: the decade's first year
_DECADE_ORDINALS = {
    "third": 20,
    "fourth": 30,
    "fifth": 40,
    "sixth": 50,
    "seventh": 60,
    "eighth": 70,
    "ninth": 80,
    "tenth": 90,
}


def _age_decade(ex: Extraction, ordered: list[Sentence]) -> bool:
    """ "in his 70s": the decade's first year, flagged uncertain (the criteria's age bands start
    at 18 and 40, so a decade from the 20s up decides them). Returns whether it gave the sex."""
    for sent in ordered:
        for rx in ex.rules.value["age_decade"]:
            m = rx.search(ex.text, sent.start, sent.end)
            if m is None:
                continue
            about = sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE)
            if about.get("experiencer") or (about.get("generic") and sent.patient):
                continue
            groups = m.groupdict()
            if groups.get("decade"):
                age = int(groups["decade"])
            elif groups.get("ordinal"):
                age = _DECADE_ORDINALS[groups["ordinal"].casefold()]
            else:
                age = _DECADE_WORDS[groups["word"].casefold()]
            ex.drafts.append(
                Draft(
                    "patient",
                    "age",
                    "present",
                    m.start(),
                    m.end(),
                    sent,
                    INDEX,
                    {"value": age, "decade": True},
                    uncertain=True,
                )
            )
            ex.warn(
                f"age stated only as a decade ('{m.group()}'): {age} used (the decade's first "
                "year); the EULAR/ACR age band is the same for any age in it from the 20s up"
            )
            sex = "female" if groups.get("female") else ("male" if groups.get("male") else None)
            if sex:
                ex.drafts.append(
                    Draft(
                        "patient", "sex", "present", m.start(), m.end(), sent, INDEX, {"value": sex}
                    )
                )
                return True
            return False
    return False


def _birth_date(ex: Extraction) -> None:
    """A date of birth in the patient's sections; else a year of birth ("sinh năm 1963",
    "Jahrgang 1963", "Tuổi: 1963"), read as 1 January of that year and flagged uncertain."""
    if _full_birth_date(ex):
        return
    # each pattern once over the note (not once per sentence), then in the order of the
    # sentences and, within one, of the patterns
    # (i25s: none sought where the pattern's words are not in the note, see Extraction.finditer)
    matches = [m for rx in patient_grammar().birth_year for m in ex.finditer(rx)]
    if not matches:
        return
    for sent in ex.sentences:
        if not sent.patient:
            continue
        for m in matches:
            if sent.start <= m.start() < sent.end and m.end() <= _reach(ex.text, sent):
                _born(ex, sent, m.start(), m.end(), date(int(m.group("year")), 1, 1), True)
                return


def _full_birth_date(ex: Extraction) -> bool:
    # (i25s) only the patterns whose words the note holds, once, not each in every sentence
    patterns = ex.live(ex.rules.value["birth_date"])
    if not patterns:
        return False
    for sent in ex.sentences:
        if not sent.patient:
            continue
        for rx in patterns:
            # (issue #10, i10ah: an abbreviated label may end the sentence for the splitter,
            # "Pasient: [navn], f. 03.12.1967": the date may run on to the end of its line)
            for m in rx.finditer(ex.text, sent.start, _reach(ex.text, sent)):
                if m.start() >= sent.end:
                    break
                found = find_dates(m.group("date"), ex.rules, style=ex.style)
                if not found or found[0].start != 0:
                    continue
                end = m.start("date") + found[0].end
                _born(ex, sent, m.start(), end, found[0].day, found[0].uncertain)
                return True
    return False


def _born(ex: Extraction, sent: Sentence, start: int, end: int, day: date, uncertain: bool) -> None:
    ex.drafts.append(
        Draft(
            "patient",
            "birth_date",
            "present",
            start,
            end,
            sent,
            TimePoint(absolute=day),
            {"value": day},
            uncertain=uncertain,
        )
    )


def _capitalised(word: str) -> bool:
    """A word written with a capital, or in a script that writes none (issue #10, i18b: Tamil
    and the other scripts without case; Georgian Mkhedruli, which Unicode counts as lower case
    but whose capitals are written only in titles): "ქ. თბილისი", "மதுரை" name a place as
    "Tbilisi" does."""
    first = word[:1]
    return (
        first.isupper()
        or (first.isalpha() and not first.islower())
        or "\u10d0" <= first <= "\u10ff"
    )


def _region(ex: Extraction) -> None:
    """Where the patient comes from ("born in Vietnam", "originally from Hong Kong"), else where
    they live ("lives in Dayton, Ohio"): a region term a few words after the cue, written with
    a capital letter, and not about a relative; else (i49r) where the care setting that the
    letterhead names lies ("Queen Mary Hospital, Hong Kong"), when the letterhead names one
    country only."""
    text = ex.text
    best: tuple[int, Draft] | None = None
    # (issue #10, i10k: a nationality field, "Nationality: Jordanian", ranks with the origin)
    # (issue #10, i49r: the care setting the letterhead names with its town, ranked last)
    cues = (
        ("region_origin", 0),
        ("region_nationality", 0),
        ("region_residence", 1),
        ("region_patient_line", 1),  # issue #10 (i54p)
        ("region_care_setting", _CARE_SETTING_RANK),
        ("region_care_setting_town_first", _CARE_SETTING_RANK),  # issue #10 (i52p)
    )
    letterhead_end = _letterhead_end(ex)
    care_settings: set[str] = set()

    def offer_at(rank: int, sent: Sentence, start: int, end: int, code: str) -> None:
        """A region read from ``start`` to ``end``: kept when its cue ranks first (then the
        earliest); a care setting's country also counted, two of them giving none."""
        nonlocal best
        draft = Draft("patient", "region", "present", start, end, sent, INDEX, {"value": code})
        if rank == _CARE_SETTING_RANK:
            care_settings.add(code)
        key = (rank, sent.index, start)
        if best is None or key < (best[0], best[1].sentence.index, best[1].start):
            best = (rank, draft)

    def offer(rank: int, sent: Sentence, cue: re.Match[str], end: int, code: str) -> None:
        offer_at(rank, sent, cue.start(), end, code)

    for name, rank in cues:
        places = ex.rules.nationalities if name == "region_nationality" else ex.rules.regions
        for sent in ex.sentences:
            if not sent.patient:
                continue
            # (issue #10, i10au: the cues of the whole note found in one pass, ex.hits)
            for cues_of_one_pattern in ex.hits("value", name, sent):
                for cue in cues_of_one_pattern:
                    if rank == _CARE_SETTING_RANK and not _in_letterhead(ex, cue, letterhead_end):
                        continue
                    if name == "region_patient_line":
                        code = _column_country(ex, cue)
                        if code is not None:
                            offer(rank, sent, cue, cue.end(), code)
                        continue
                    if name == "region_care_setting_town_first":
                        code = _town_first(ex, cue.group("place"))
                        if code is not None:
                            offer(rank, sent, cue, cue.end("place"), code)
                        continue
                    window_end = min(sent.end, cue.end() + 30)
                    found = False
                    for place in places.find(text, cue.end(), window_end):
                        between = text[cue.end() : place.start]
                        named = any(_capitalised(w) for w in place.text.split())
                        if not named or (
                            re.search(r"[.;:()]", between)
                            and not _TOWN_THEN_CITY.fullmatch(between)
                            and not _SETTLEMENT_BEFORE.fullmatch(between)
                        ):
                            continue
                        if len(between.split()) > 3:
                            continue
                        if name != "region_nationality" and _names_a_person(
                            ex, cue.end(), place, places
                        ):
                            continue  # "from Dr Jordan", "Jordan Smith", "Jordan's" (i11c)
                        if _place_about_someone_else(ex, sent, place.start, place.end):
                            continue
                        if name == "region_nationality":
                            place = _second_nationality(text, place, places)
                        code = _state_after(ex, place) or place.concept
                        offer(rank, sent, cue, place.end, code)
                        found = True
                        break
                    if found or name == "region_nationality":
                        continue
                    # issue #10 (i10au): a place the hand list does not name, resolved from
                    # ISO 3166 (_places: country names in the extractor's languages,
                    # subdivisions, state codes after a city, a country field's code)
                    iso = _iso_region(ex, sent, cue)
                    if iso is None:
                        continue
                    code, end = iso
                    offer(rank, sent, cue, end, code)
    # issue #10 (i54p): a national health body, or its patient number, named in the patient's
    # record (lexicon.yaml health_bodies) places the care as a letterhead's setting does
    for sent in ex.sentences:
        if sent.patient:
            for body in ex.rules.health_bodies.find(text, sent.start, sent.end):
                offer_at(_CARE_SETTING_RANK, sent, body.start, body.end, body.concept)
    if best is not None and best[0] == _CARE_SETTING_RANK and len(care_settings) > 1:
        best = None  # the letterhead names two countries: none rather than a wrong one
    if best is not None:
        ex.drafts.append(best[1])


# issue #10 (i49r): the care setting named in the letterhead (patterns.yaml region_care_setting)
# gives the region only when no origin or residence is stated. The letterhead is the note's
# first lines: a hospital letter's institution, department and address (three or four lines)
_CARE_SETTING_RANK = 2
_LETTERHEAD_LINES = 4


def _town_first(ex: Extraction, place: str) -> str | None:
    """issue #10 (i52p): the country of the town that opens a care setting's name ("Leicester"
    of "Leicester Royal Infirmary"): a place of the hand list that is the whole name, else
    ISO 3166 and the towns table (_places.country_of); None when no table places it."""
    listed = ex.rules.regions.find(place)
    if listed:
        whole = len(listed) == 1 and listed[0].start == 0 and listed[0].end == len(place)
        return listed[0].concept if whole else None
    return _country(ex, place)


# issue #10 (i54p): a column of the patient line written as a place then its country after a
# comma ("Limassol, Cyprus", "Half Tree Hollow, St Helena"): capitalised words, no colon (a
# field's label) and no digits (an identifier, a date)
_PLACE_COLUMN = re.compile(r"(?-i:[A-Z])[^\W\d_][^,:\d]*(?:,[ \t]*(?-i:[A-Z])[^,:\d]*)+")


def _column_country(ex: Extraction, cue: re.Match[str]) -> str | None:
    """The country named by a later column of the patient line that opens at ``cue`` (read in
    the original text, whose columns the normaliser has joined), when one column is a place
    with its country's own name after a comma (_places.country_of, countries only); None
    otherwise, and None when two columns name two countries."""
    offsets, original = ex.norm.offsets, ex.norm.original
    if cue.end() >= len(offsets):
        return None
    start = offsets[cue.end()]
    line_end = original.find("\n", start)
    line = original[start : line_end if line_end >= 0 else len(original)]
    columns = [c.strip() for c in re.split(r"\t|[^\S\n]{2,}", line)][1:]  # after the name
    found = {
        code
        for column in columns
        if _PLACE_COLUMN.fullmatch(column)
        and (code := _country(ex, column, countries_only=True)) is not None
    }
    return next(iter(found)) if len(found) == 1 else None


def _letterhead_end(ex: Extraction) -> int:
    """The offset, in the original text, where the note's first non-blank lines end."""
    original, end, lines = ex.norm.original, 0, 0
    for line in re.finditer(r"[^\n]*\n?", original):
        if line.group().strip():
            lines += 1
            end = line.end()
            if lines == _LETTERHEAD_LINES:
                break
    return end


def _in_letterhead(ex: Extraction, cue: re.Match[str], letterhead_end: int) -> bool:
    offsets = ex.norm.offsets
    return cue.start() < len(offsets) and offsets[cue.start()] < letterhead_end


# issue #10 (lead, after opening heldout28): a place the hand list names, then the state,
# province or country it lies in ("Manchester, New Hampshire", "London, Ontario", "Paris, TX",
# "Perth, Western Australia"): a city's name two countries share is resolved by what follows it
# (_places.country_of: ISO 3166 names, subdivisions and state codes); what follows names the
# same country for most places ("Leeds, West Yorkshire") and nothing for the rest
_STATE_AFTER_PLACE = re.compile(
    r",[ \t]*((?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*){0,2})(?![\w'’-])"
)


def _state_after(ex: Extraction, place: TermMatch) -> str | None:
    """The country of the state, province or country written right after ``place``, when it is
    not the hand list's; None otherwise."""
    m = _STATE_AFTER_PLACE.match(ex.text, place.end, place.end + 40)
    if m is None:
        return None
    # (issue #10, i49r: the longest leading words that name a country, so a form's next column
    # joined to the state by the normaliser, "Telford Occupation", is left out)
    words = m.group(1).split()
    code = next(
        (c for n in range(len(words), 0, -1) if (c := _country(ex, " ".join(words[:n])))), None
    )
    return code if code is not None and code != place.concept else None


def _country(ex: Extraction, place: str, **how: bool) -> str | None:
    """_places.country_of, with a warning instead of an error when its tables cannot be read
    (i11d: an optional table never refuses the note)."""
    try:
        return country_of(place, **how)
    except PlacesUnavailable as exc:
        ex.warn(f"a place after a residence cue was not resolved to a country: {exc}")
        return None


# A heritage then a nationality joined by a hyphen ("Vietnamese-Canadian", "Italian-American",
# "Irish-Australian"): the second names the country the patient belongs to, the first where the
# family came from (issue #10, lead, after opening heldout28)
def _second_nationality(text: str, place: TermMatch, places: Any) -> TermMatch:
    if text[place.end : place.end + 1] not in ("-", "‐"):
        return place
    after = place.end + 1
    return next((p for p in places.find(text, after, after + 30) if p.start == after), place)


# issue #10 (i20b): a town, suburb or village the lists do not name, then its city in brackets
# ("Madina (Accra)", "Soweto (Johannesburg)", "Saint-Denis (Paris)"): the city gives the region
_TOWN_THEN_CITY = re.compile(r"(?-i:[A-Z])[\w'’-]*(?:[ \t](?-i:[A-Z])[\w'’-]*){0,2}[ \t]*\([ \t]*")


# issue #10 (i21b): the Cyrillic abbreviation of a city or town written before its name in an
# address field ("г. Гомель", "гр. Асеновград", "м. Вінниця"; _nlp keeps it in the sentence)
_SETTLEMENT_BEFORE = re.compile(r"(?:г|гр|м)\.[ \t]*")


# the word after a place that names its kind, part of the place ("Mexico City", "Kent County")
_PLACE_KIND_AFTER = re.compile(
    r"(?i:city|town|village|county|state|province|region|district|valley|island|islands|"
    r"borough|parish|prefecture|territory|department|oblast|canton)"
)


def _names_a_person(ex: Extraction, cue_end: int, place: TermMatch, places: Any) -> bool:
    """issue #10 (i11c): whether the place term ``place`` is a person's name: a title or a
    first name between the cue (ending at ``cue_end``) and it, or a possessive or a capitalised
    word that is no place right after it (rules/patterns.yaml ``region_person_before`` /
    ``region_person_after``)."""
    text, v = ex.text, ex.rules.value
    before = text[cue_end : place.start]
    if any(rx.search(before) for rx in v["region_person_before"]):
        return True
    after = text[place.end : place.end + 40]
    for rx in v["region_person_after"]:
        hit = rx.match(after)
        if hit is None:
            continue
        if not hit.group().strip():  # a capitalised word: a surname unless it is a place
            word = re.match(r"[^\W\d_][\w-]*", after[hit.end() :])
            nxt = place.end + hit.end()
            if word is not None and (
                _PLACE_KIND_AFTER.fullmatch(word.group()) is not None
                or any(p.start == nxt for p in places.find(text, nxt, nxt + len(word.group())))
            ):
                continue  # "Mexico City", "Kent County", "Jordan Valley" name the place
        return True
    return False


# issue #10 (i10au): the words of a place after a cue, read on the cue's line of the original
# text: capitalised words (with hyphens and apostrophes), the abbreviated kind before a county
# or province ("Co. Cork", "woj. lubelskie", "Kec.", "Kab.", "Prov.", and "St.", "Mt."), a
# state code, a postcode and the particles inside a place's name ("Santiago de Compostela",
# "Frankfurt am Main"), and (i54p) an initialism with its stops ("U.S. Virgin Islands"), joined
# by spaces or commas; anything else (a lower-case word, a colon, a full stop, two spaces or a
# tab before a form's next column) ends the place.
_PLACE_TOKEN = re.compile(
    r"(?P<word>(?:Co|St|Mt|woj|Kec|Kab|Prov)\.|(?:[A-Z]\.){2,}|[^\W\d_][\w'’-]*|\d{3,6}"
    r"|\([A-Z]{2}\))"
    r"(?P<gap>,?[^\S\n]|,(?=\S)|$)?"
)
_PLACE_KINDS = ("woj.", "Kec.", "Kab.", "Prov.")
_PLACE_PARTICLES = frozenset(
    {"de", "del", "la", "le", "di", "da", "do", "dos", "das", "van", "der", "am", "an", "im",
     "upon", "on", "sur", "en", "na"}
)  # fmt: skip


def _iso_region(ex: Extraction, sent: Sentence, cue: re.Match[str]) -> tuple[str, int] | None:
    """The country of the place written right after a residence or origin cue, by ISO 3166
    (_places.country_of), with the place's end; None when it names no single country."""
    # read in the original text: the normalised one has joined a form's lines and columns
    norm = ex.norm
    if cue.end() >= len(norm.offsets):
        return None
    original = norm.original
    start = norm.offsets[cue.end()]
    line_end = original.find("\n", start)
    line = original[start : line_end if line_end >= 0 else len(original)][:60]
    line = re.split(r"\t|[^\S\n]{2,}", line, maxsplit=1)[0]  # a form's next column
    # a redacted street before the town ("Address: [redacted], Gateshead NE8") is passed over
    redacted = re.match(r"\[[^\]\n]{0,30}\]\s*,?\s*", line)
    if redacted:
        line = line[redacted.end() :]
    settlement = _SETTLEMENT_BEFORE.match(line)  # "г. Гомель": the name after the abbreviation
    if settlement:
        line = line[settlement.end() :]
    lead = cue.group().strip().casefold()
    # issue #10 (i53p): an address written from the house to the country, whose first items
    # (a house number, a house's name, a street with words in lower case: "Address: 3rd-floor
    # flat, Braunstone, Leicester", "lives at 12 Elm Road, Leeds") no table places: the place
    # is read again from each later item of the field, up to its first stop, colon or
    # semicolon, until one names a country. Only in a form's field (its label ends with a
    # colon) or after a house number; never after a cue as loose as "from"
    starts = [0]
    if lead != "from" and (lead.endswith((":", "：")) or line[:1].isdigit()):
        field = re.split(r"[.;:]", line, maxsplit=1)[0]
        starts += [m.end() for m in re.finditer(r",[ \t]*", field)]
    for offset in starts:
        found = _place_in(ex, line[offset:], lead)
        if found is not None:
            code, length = found
            end = min(sent.end, cue.end() + offset + length)
            if _place_about_someone_else(ex, sent, cue.end(), end):
                return None
            return code, end
    return None


def _place_in(ex: Extraction, line: str, lead: str) -> tuple[str, int] | None:
    """The country of the place that opens ``line`` (the words of _PLACE_TOKEN), and the
    place's length; None when it names no single country."""
    pos, end, words = 0, 0, 0
    while pos < len(line) and words < 6:
        m = _PLACE_TOKEN.match(line, pos)
        if m is None:
            break
        word = m.group("word")
        capital = word[:1].isupper() or word[:1] in "(" or word[:1].isdigit()
        kind = word in _PLACE_KINDS or line[:pos].rstrip(" ,").endswith(_PLACE_KINDS)
        if not capital and word not in _PLACE_PARTICLES and not kind:
            break
        end, words = pos + len(word), words + 1
        if m.group("gap") is None:
            break
        pos = m.end()
    place = line[:end].rstrip(" ,.")
    if not place or (not place[:1].isupper() and not place[:1].isdigit()):
        return None
    if place.split()[-1] in _PLACE_PARTICLES:  # "ON" (Ontario) is a state code, "on" is not
        return None
    if _POSTCODE_FIELD.search(lead):  # issue #10 (i37c): "Postcode area: TR1 (Truro)"
        code = _postcode_country(ex, place)
        return None if code is None else (code, len(place))
    # (issue #10, i21b: a place of the hand list on the cue's line that the sentence split cut
    # off, "Co. Chiarraí" after the county's abbreviation: its last term, the county or country)
    # (the term must end the place and stand first or after a comma: never "Dr Jordan", "Jordan
    # Smith"; and never after a cue as loose as "from")
    listed = ex.rules.regions.find(place)
    if listed and lead != "from":
        last = listed[-1]
        if last.end == len(place) and (last.start == 0 or place[: last.start].endswith(", ")):
            return last.concept, len(place)
    code = _country(
        ex,
        place,
        code_field="country" in lead or lead.startswith("pid"),
        countries_only=lead == "from",
    )
    if code is None and lead != "from":
        # issue #10 (i49r): a town several countries name, then a full Royal Mail postcode
        # ("Paisley PA2 9PN", "Brighton BN2 5BE"): the postcode names the country
        full = _FULL_POSTCODE.match(line, len(place) - len(place.split()[-1]))
        if full is not None:
            code = _postcode_country(ex, full.group())
    return None if code is None else (code, len(place))


_POSTCODE_FIELD = re.compile(r"post\s?code")
# issue #10 (i49r): a full postcode of the Royal Mail's formats, the outward code then the
# inward code (digit and two letters: "PA2 9PN", "SW1A 1AA"), ending the place's words; no other
# country's postcode has this shape (Canada's "K1A 0B1" ends in a digit)
_FULL_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}(?![\w])")
# a postcode's outward code, with or without its inward code (Royal Mail's formats A9, A99, AA9,
# AA99, A9A, AA9A): its area is the letters before the first digit
_OUTWARD_CODE = re.compile(r"(?P<area>[A-Z]{1,2})\d[A-Z\d]?(?:\s*\d[A-Z]{2})?(?![\w])")


def _postcode_country(ex: Extraction, place: str) -> str | None:
    """The country whose postcode areas (lexicon.yaml ``postcode_areas``) open the postcode
    ``place`` ("TR1", "SW1A 1AA"); None for any other code."""
    m = _OUTWARD_CODE.match(place)
    if m is None:
        return None
    area = m.group("area")
    return next((c for c, areas in ex.rules.lexicon.postcode_areas.items() if area in areas), None)


# issue #10 (i36e): a form's next field after the place, "Home town: Caerphilly   Accompanied by:
# her sister": a relative named in that field (a label and its colon between) is that field's
_NEXT_FIELD = re.compile(r"[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}[ \t]*:")


def _place_about_someone_else(ex: Extraction, sent: Sentence, start: int, end: int) -> bool:
    """Whether the place between ``start`` and ``end`` is said of a relative or of people in
    general, not of the patient; a relative in a form's next field does not count."""
    about = sent.context.assert_target(start, end, _ABOUT_SOMEONE_ELSE)
    if about.get("generic"):
        return True
    hit = about.categories.get("experiencer")
    if hit is None:
        return False
    return not (hit[1] >= end and _NEXT_FIELD.search(ex.text, end, hit[1]) is not None)


_PRONOUNS = re.compile(r"\b(?:(?P<female>she|her)|(?P<male>he|his|him))\b", re.IGNORECASE)
# issue #10 (i10as): a possessive before a part of the body the examination names ("weakness in
# his proximal muscle groups", "rash on her eyelids"): the examined body is the patient's, so one
# such pronoun is enough when no pronoun of the other sex stands in the patient's sections. At
# most two words between, none a possessive ("his mother's hands" is the mother's).
_BODY_POSSESSIVE = re.compile(
    r"\b(?:her|his)\s+(?:[a-z-]+\s+){0,2}?(?:muscles?|arms?|legs?|limbs?|extremit(?:y|ies)|face"
    r"|eyelids?|hands?|fingers?|knuckles?|knees?|elbows?|skin|chest|back|neck|shoulders?"
    r"|thighs?|hips?|feet|foot|scalp|nails?|lungs?)\b",
    re.IGNORECASE,
)


# the English nouns of a relative with a sex of their own (the patient grammar's `relatives`
# are the other languages'); verified U
_RELATIVE_EN = re.compile(
    r"\b(?:mother|father|mum|mom|dad|wife|husband|sister|brother|daughter|son|aunt|uncle"
    r"|grandmother|grandfather|grandson|granddaughter|niece|nephew)s?\b",
    re.IGNORECASE,
)


def _relatives_pronoun(
    text: str, sent: Any, m: re.Match[str], pronouns: list[re.Match[str]], grammar: Any
) -> bool:
    """Whether the pronoun ``m`` is a relative's: a relative's noun between it and a pronoun of
    the other sex earlier in its sentence ("his mother ... her", "her father ... his")."""
    rel = grammar.relatives_in.search(text, sent.start, m.start()) or _RELATIVE_EN.search(
        text, sent.start, m.start()
    )
    return rel is not None and any(
        p.start() < rel.start() and bool(p.group("female")) != bool(m.group("female"))
        for p in pronouns
    )


def _writes_english(ex: Extraction) -> bool:
    """issue #10 (i51h): whether the note writes English prose (rules/patterns.yaml
    english_prose), where alone its English pronouns are read: "her" is also the Kurmanji and
    Turkish "each" ("her du alî", both sides), "he" the Spanish "(I) have". Found once a note:
    both sex readers ask."""
    return ex.index(
        "english_prose", lambda: ex.rules.one("english_prose").search(ex.text) is not None
    )


def pronoun_sex(ex: Extraction) -> tuple[str, int, int] | None:
    """Sex from pronouns in the patient's sections (she/her vs he/his), if clearly one-sided;
    issue #10 (i10y): with the verb forms of the other languages whose ending shows the
    subject's sex ("fue ingresada", "zgłosił się": rules/patient.yaml female_verbs /
    male_verbs) and their subject pronouns ("ella", "ele": female_pronouns / male_pronouns),
    each counted like a pronoun unless a relative is named before it in its sentence ("su
    madre fue hospitalizada"). Issue #10 (i10as): one possessive before a part of the body
    ("weakness in his proximal muscles") is enough (``_BODY_POSSESSIVE``)."""
    grammar = patient_grammar()
    text = ex.text
    english = _writes_english(ex)
    count = {"female": 0, "male": 0}
    body = {"female": False, "male": False}
    first: dict[str, tuple[int, int]] = {}
    for sent in ex.sentences:
        if not sent.patient:
            continue
        pronouns = [*_PRONOUNS.finditer(text, sent.start, sent.end)] if english else []
        # issue #10 (i18a): a pronoun after a relative, the other sex's pronoun before that
        # relative ("his mother had cancer in her sixties"): the relative's, not the patient's
        cues = [m for m in pronouns if not _relatives_pronoun(text, sent, m, pronouns, grammar)]
        cues += [
            m
            for m in grammar.gendered_words.finditer(text, sent.start, sent.end)
            if not grammar.relatives_in.search(text, sent.start, m.start())
        ]
        for m in cues:
            key = "female" if m.group("female") else "male"
            count[key] += 1
            first.setdefault(key, m.span())
            if m.re is _PRONOUNS and _BODY_POSSESSIVE.match(text, m.start(), sent.end):
                body[key] = True
    told = _told_next(ex) if english else None
    for key, other in (("female", "male"), ("male", "female")):
        if (count[key] >= 2 or body[key] or told == key) and count[other] == 0:
            return key, *first[key]
    return None


def _told_next(ex: Extraction) -> str | None:
    """issue #10 (i42r): the sex of the subject pronoun opening the sentence right after the one
    that states the patient's age, in the same paragraph ("A 39-year-old Congolese native
    presented with ... . He had ..."): the case goes on about the person it has just introduced,
    so that one pronoun names the patient's sex (report ak09). None otherwise."""
    ages = [d for d in ex.drafts if d.type == "patient" and d.code == "age"]
    if not ages:
        return None
    sent = ages[0].sentence
    after = next((s for s in ex.sentences if s.index == sent.index + 1), None)
    if after is None or not after.patient or "\n\n" in ex.text[sent.end : after.start]:
        return None
    (pronoun,) = ex.rules.value["subject_pronoun"]  # rules/patterns.yaml
    m = pronoun.match(ex.text, after.start, after.end)
    if m is None:
        return None
    return "female" if m.group("female") else "male"


def _onset(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    flares = {
        d.sentence.index
        for d in ex.drafts
        if d.type == "event" and d.code in ("flare", "relapse", "remission")
    }
    onset = ex.live(r.time["onset"])
    _onset_age_stated(ex, flares)  # issue #10 (i17a): "Age at onset: 40" (used without a date)
    stated = stated_onset(ex, flares)  # "onset Sept 2021", "Rash since 06/2026" (_timeline)
    if stated is not None:
        ex.drafts.append(stated)
        return
    if _onset_at_age(ex, flares):  # issue #10 (i12c): "At the age of 13, she developed ..."
        return
    for sent in ex.sentences:  # "since around Christmas": resolved on the index date
        if not sent.patient or sent.index in flares:
            continue
        hm = _SINCE_HOLIDAY.search(text, sent.start, sent.end)
        if hm is not None:
            month_day = _HOLIDAYS[hm.group("day").casefold()]
            ex.drafts.append(
                Draft(
                    "onset",
                    "onset_date",
                    "present",
                    hm.start(),
                    hm.end(),
                    sent,
                    INDEX,
                    {"holiday": month_day},
                    uncertain=True,
                )
            )
            return
    for sent in ex.sentences:
        if not sent.patient or sent.index in flares:
            continue  # "a flare over the last 3 weeks" dates the flare, not the disease
        if sent.segment is not None and sent.segment.status == "family":
            continue
        for rx in onset:
            m = rx.search(text, sent.start, sent.end)
            if m is None:
                continue
            if sent.context.assert_target(m.start(), m.end()).get("experiencer"):
                continue  # issue #10 (i10ai): "her mother has had weakness for 2 years"
            if any(  # issue #10 (i42r): "despite continued immunosuppression ... over 3 years"
                rx.search(text, sent.start, m.start()) for rx in r.value["onset_under_treatment"]
            ):
                continue
            q = parse_quantity(m.group("n"), m.group("unit"), r)
            if q is None:
                continue
            months, days, vague = q
            _add(ex, _onset_draft(sent, m, sent.time.shifted(-months, -days, vague), vague))
            return
    _onset_duration(ex, flares)


def _onset_at_age(ex: Extraction, flares: set[int]) -> bool:
    """issue #10 (i12c): the age at which the illness began, in a report that presents the
    patient years later ("A 24-year-old woman ... At the age of 13, she developed difficulty in
    walking"; rules/patient.yaml onset_at_age): the onset that many years before the stated
    age's time. Only an age below the stated age, in a sentence about the patient (not a
    relative's, not a flare's) with a word saying something began near it (onset_words:
    "developed", "began", "a présenté", "comenzó"); the first such age wins."""
    grammar = patient_grammar()
    text = ex.text
    ages = [d for d in ex.drafts if d.type == "patient" and d.code == "age"]
    if not ages:
        return False
    age, told = ages[0].value["value"], ages[0].sentence.time
    for m in grammar.onset_at_age.finditer(text):
        n = int(next((g for g in m.groups() if g), "0"))
        if not 0 < n < age or any(d.start < m.end() and m.start() < d.end for d in ages):
            continue
        mine = _patients_age(ex, m, flares, before=80, after=80)
        if mine is None or grammar.onset_words.search(text, *mine[1]) is None:
            continue
        _add(ex, _onset_draft(mine[0], m, told.shifted(-12 * (age - n)), False))
        return True
    return False


def _patients_age(
    ex: Extraction, m: re.Match[str], flares: set[int], *, before: int, after: int
) -> tuple[Sentence, tuple[int, int]] | None:
    """The sentence of an age at onset ``m`` and the window around it (``before`` characters
    before it, ``after`` after it, within the sentence) when the age is the patient's own: a
    sentence about the patient, not a flare's, not in a family history, with no relative named
    in the window and no other experiencer (onset_at_age and onset_age_stated both ask it)."""
    grammar = patient_grammar()
    text = ex.text
    sent = ex.sentence_at(m.start())
    if sent is None or not sent.patient or sent.index in flares:
        return None
    if sent.segment is not None and sent.segment.status == "family":
        return None
    near = (max(sent.start, m.start() - before), min(sent.end, m.end() + after))
    if grammar.relatives_in.search(text, *near) or grammar.onset_relatives.search(text, *near):
        return None
    if sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE).get("experiencer"):
        return None
    return sent, near


# issue #10 (i17a): a cancer named just before an age at diagnosis makes it the cancer's ("breast
# cancer, diagnosed at 45"; the words of the tumour reader's English nouns)
_CANCER_BEFORE = re.compile(
    r"(?<!\w)(?:cancer|carcinoma|tumou?r|malignan\w*|neoplasm|lymphoma|leuk(?:a)?emia|melanoma|"
    r"sarcoma|myeloma|adenocarcinoma)(?!\w)",
    re.IGNORECASE,
)


def _onset_age_stated(ex: Extraction, flares: set[int]) -> None:
    """issue #10 (i17a): the age at onset, or at diagnosis, stated as such ("Age at onset: 40",
    "Age at diagnosis: 49", "diagnosed at the age of 9"; rules/patient.yaml onset_age_stated): an
    onset draft with the age (code onset_age), which the assembly takes as the case's onset_age
    when the note dates no onset (never turned into a date the note does not give). Not a
    relative's ("father - bowel cancer, diagnosed at 70"), not a cancer's, not a flare's; an age
    above the stated age is no age at onset. The first such age wins."""
    grammar = patient_grammar()
    text = ex.text
    ages = [d for d in ex.drafts if d.type == "patient" and d.code == "age"]
    age = ages[0].value["value"] if ages else None
    found = sorted(
        (m for rx in grammar.onset_age_stated for m in ex.finditer(rx)), key=lambda m: m.start()
    )
    for m in found:
        n = int(m.group("n"))
        if age is not None and n > age:
            continue
        mine = _patients_age(ex, m, flares, before=60, after=40)
        if mine is None or _CANCER_BEFORE.search(text, mine[1][0], m.start()):
            continue
        sent = mine[0]
        value = {"value": n, "diagnosis": m.groupdict().get("dx") is not None}
        ex.drafts.append(
            Draft("onset", "onset_age", "present", m.start(), m.end(), sent, INDEX, value)
        )
        return


def _onset_draft(sent: Sentence, m: re.Match[str], time: TimePoint, vague: bool) -> Draft:
    return Draft("onset", "onset_date", "present", m.start(), m.end(), sent, time, uncertain=vague)


def _onset_duration(ex: Extraction, flares: set[int]) -> None:
    """issue #10 (i10-text18): how long the illness has lasted, in the other languages' words
    ("seit 2 Jahren", "desde hace 2 años", "od roku", "2 yıldır"; rules/patient.yaml,
    onset_duration): the onset that long before the sentence's time. The duration must be said
    of a complaint in the same sentence ("Muskelschwäche seit 2 Jahren"), not of a relative
    ("Mutter ... seit 2 Jahren"), a drug ("seit 2 Jahren Methotrexat") or the age itself
    ("paciente de 50 años"). (issue #10, i50o: in months, weeks and days as well, "seit 3
    Monaten", "da circa 6 settimane": the languages' shorter units, as the English onset reads
    them.)"""
    grammar = patient_grammar()
    found = sorted(
        (m for rx in grammar.onset_duration for m in ex.finditer(rx)), key=lambda m: m.start()
    )
    if not found:
        return
    ages = [d for d in ex.drafts if d.type == "patient" and d.code == "age"]
    age = ages[0].value["value"] if ages else None
    for sent in ex.sentences:
        if not sent.patient or sent.index in flares:
            continue
        if sent.segment is not None and sent.segment.status == "family":
            continue
        for m in found:
            if not sent.start <= m.start() < sent.end:
                continue
            n = m.groupdict().get("n")
            count = int(n) if n else 1
            unit = next((u for u in ("months", "weeks", "days") if m.groupdict().get(u)), "years")
            if count < 1 or (unit == "years" and age is not None and count >= age):
                continue  # (a number as large as the age is the age: "de 50 años")
            if any(d.start < m.end() and m.start() < d.end for d in ages):
                continue
            if not _said_of_a_complaint(ex, sent, m, grammar):
                continue
            about = sent.context.assert_target(m.start(), m.end(), _ABOUT_SOMEONE_ELSE)
            if about.get("experiencer"):
                continue
            months = {"years": 12 * count, "months": count}.get(unit, 0)
            days = {"weeks": 7 * count, "days": count}.get(unit, 0)
            _add(ex, _onset_draft(sent, m, sent.time.shifted(-months, -days), False))
            return


def _said_of_a_complaint(
    ex: Extraction, sent: Sentence, m: re.Match[str], grammar: PatientGrammar
) -> bool:
    """Whether the duration ``m`` is said of the patient's complaint: a complaint named in its
    clause (within 100 characters, no ';' between), no relative's noun before it in the
    sentence, no person's noun just before its first word (then the number is an age:
    "pacientă de 52 de ani"), and no drug right after it (at most one word between: "seit 2
    Jahren MTX", "desde hace 2 años con metotrexato")."""
    text = ex.text
    start = max(sent.start, m.start() - 100)
    end = min(sent.end, m.end() + 100)
    before, after = text[start : m.start()], text[m.end() : end]
    before = before[before.rfind(";") + 1 :]
    after = after.split(";")[0]
    if not (grammar.symptoms.search(before) or grammar.symptoms.search(after)):
        return False
    if grammar.relatives_in.search(text, sent.start, m.start()):
        return False
    before_number = not m.group()[:1].isdigit()  # "de 2 ani", not "Hasta 2 yıldır"
    if before_number and grammar.person_before.search(
        text, max(sent.start, m.start() - 40), m.start()
    ):
        return False
    next_words = re.match(r"\W*(?:\w+\W+)?", after)
    reach = m.end() + (next_words.end() if next_words else 0)
    return not any(d.start <= reach for d in ex.rules.treatments.find(text, m.end(), end))


# "since around Christmas", "since the New Year": the last such day before the visit.
_HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "new year": (1, 1), "new year's": (1, 1)}
_SINCE_HOLIDAY = compile_rule(
    r"\b(?:since|from|began|begun|started)\s+(?:around\s+|about\s+|just\s+(?:before|after)\s+"
    r"|shortly\s+(?:before|after)\s+)?(?:the\s+)?(?P<day>christmas|xmas|new year(?:'s)?)\b",
    re.IGNORECASE,
)


def _before_the_illness(ex: Extraction) -> None:
    """A remission, flare or improvement dated before the illness began ("twenty years earlier
    ... which had resolved") is about something else in the past history. A finding dated more
    than a year before the visit but not before the illness began ("Presenting features at
    diagnosis (2019): heliotrope rash ...") is the presentation, not old history."""
    dated_old = [d for d in ex.drafts if d.type == "finding" and d.value.pop("dated_old", False)]
    starts = [
        d.time
        for d in ex.drafts
        if (d.type == "onset" or (d.type == "event" and d.code == "diagnosis"))
        and d.status == "present"
    ]
    day = ex.note_date or date(2000, 1, 1)  # a relative story: offsets compare on any day
    begun = min(t.resolve(day) for t in starts) if starts else None
    # a sentence that dates the diagnosis ("dysphagia in known DM (diagnosed June 2024)") gives
    # that date to the diagnosis, not to the symptoms it names: those are left as they are;
    # unless the diagnosis announces them (i33e, below)
    # (issue #10, i39n: a finding the sentence dates otherwise than the diagnosis keeps its own
    # date: "began with a lilac rash on the eyelids in November 2025 and was diagnosed on the
    # 12th of January 2026" is the presentation, dated at its own month)
    dating: dict[int, set[date]] = {}
    for e in ex.drafts:
        if e.type == "event" and e.code == "diagnosis":
            dating.setdefault(e.sentence.index, set()).add(e.time.resolve(day))
    for d in dated_old:
        if begun is not None and d.time.resolve(day) < shift_days(begun, -31):
            continue  # a month or more before the illness began
        diagnosis_dated = d.time.resolve(day) in dating.get(d.sentence.index, ())
        if (begun is None or diagnosis_dated) and not _announced_by_diagnosis(ex, d):
            continue
        a = d.sentence.context.assert_target(d.start, d.end, _FINDING_CATS)
        d.status = _status(ex, d.sentence, a, d.time, dated=False)[0]
    if begun is None:
        return
    for d in ex.drafts:
        if (
            d.type == "event"
            and d.code not in _PAST_HISTORY_EVENTS
            and d.code != "diagnosis"
            and d.status == "present"
            and d.time.resolve(day) < begun
        ):
            d.status = "historical"


def _announced_by_diagnosis(ex: Extraction, d: Draft) -> bool:
    """Whether finding ``d`` stands in the list a diagnosis announces in its sentence: a
    "diagnosed" (rules time.diagnosed) before it, then a colon within 60 characters, no ";",
    full stop (a date's dots aside) or line break between the two (rules/patterns.yaml
    ``diagnosis_lead_in``: who and where may stand there) and no tumour named there
    (rules histology: "diagnosed with breast carcinoma 2010:" is another illness's history).
    Such a list is the presentation at diagnosis, this illness's start, however long ago. So
    is (issue #10, i40n) what a sentence names after a clause of time that ends with the
    diagnosis's word (rules/patterns.yaml ``diagnosis_time_clause``: "By the time DM was
    diagnosed on 09/05/2024 she also had ...")."""
    sent = d.sentence
    text = ex.text
    (lead_in,) = ex.rules.value["diagnosis_lead_in"]
    for rx in ex.rules.time["diagnosed"]:
        for m in rx.finditer(text, sent.start, d.start):
            lead = lead_in.match(text, m.end(), d.start)
            if lead is not None and not ex.rules.histology.find(text, m.end(), lead.end()):
                return True
            # issue #10 (i40n): "By the time DM was diagnosed on 09/05/2024 she also had ..."
            # (not another illness's diagnosis: "when breast cancer was diagnosed in 2010")
            before = text[sent.start : m.start()]
            if any(
                c.search(before) for c in ex.rules.value["diagnosis_time_clause"]
            ) and not ex.rules.histology.find(text, sent.start, d.start):
                return True
    return False


def _abstract_as_summary(ex: Extraction) -> None:
    """A case report's abstract restates the case in short, without its times ("Surgical
    resection resulted in improvement"): what the body of the report also says is taken from
    the body; the abstract stands alone only for what the body does not say (or when the text
    is the abstract alone)."""

    def summary(s: Sentence) -> bool:
        return s.section == "abstract" or s.about_case

    in_body = {
        (d.type, d.code)
        for d in ex.drafts
        if not summary(d.sentence)
        and d.sentence.patient
        and d.status not in ("generic", "unknown")  # a name without a result says nothing
        # issue #10 (i10az): a symptom shown but not counted ("difficulty combing her hair",
        # a complaint of weakness) does not say what the abstract's finding says ("developed
        # progressive proximal muscle weakness"): the abstract's stands
        and d.value.get("criterion") is not False
    }
    for d in ex.drafts:
        if summary(d.sentence) and d.type != "patient" and (d.type, d.code) in in_body:
            d.status = "generic"


def _report_subject(ex: Extraction) -> None:
    """A report titled by its test ("CT CHEST, ABDOMEN AND PELVIS WITH IV CONTRAST") gives that
    test's result in its body: abnormal when the body describes a tumour or a finding, else
    normal (inferred: the body is the report and describes nothing abnormal), where the title
    alone gives the test with its result not stated."""
    if not ex.sentences:
        return
    title = ex.sentences[0]
    line = ex.text[title.start : title.end]
    if len(line) > 80 or line.rstrip().endswith(".") or "\n" not in ex.text[title.end :][:2]:
        return
    named = [d for d in ex.drafts if d.type == "investigation" and d.sentence is title]
    if len(named) != 1 or named[0].value.get("result") != "not_stated":
        return
    described = any(
        d.status == "present"
        and d.sentence.index > 0
        and (d.type == "finding" or (d.type == "tumour" and d.code in ("histology", "size_mm")))
        for d in ex.drafts
    )
    if described:
        named[0].value["result"] = "abnormal"
    else:
        named[0].value["result"] = "normal"
        named[0].inferred = named[0].uncertain = True
