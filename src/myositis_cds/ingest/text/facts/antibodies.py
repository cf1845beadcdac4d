"""Myositis-specific and associated antibodies: each one's result (positive, negative,
weak, indeterminate, pending) from the words, the level against its cut-off, or the panel that
named it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from myositis_cds.ingest.text._context import Assertion, Modifier
from myositis_cds.ingest.text._draft import (
    _ANTIBODY_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
)
from myositis_cds.ingest.text._nlp import _ENDERS, _LIST_COMMAS
from myositis_cds.ingest.text._rules import Category, TermMatch
from myositis_cds.ingest.text._time import INDEX, TimePoint, report_dated
from myositis_cds.ingest.text.facts.labs import _number

_RESULT = {
    "POSITIVE": "positive",
    "WEAK_POSITIVE": "weak_positive",
    "NEGATED_EXISTENCE": "negative",
    "NORMAL": "negative",
    "INDETERMINATE": "indeterminate",
}
_DISEASE_WINDOW = 60


def _names_plural_disease(ex: Extraction, m: TermMatch) -> bool:
    """Whether the antibody names a subset of the disease in the plural, which speaks of the
    patients who have it ("les dermatomyosites à anti-TIF1γ"; rules/patterns.yaml
    ``antibody_disease_plural_before``, i34r)."""
    lo = max(0, m.start - 80)
    return any(
        rx.search(ex.text, lo, m.start) for rx in ex.rules.value["antibody_disease_plural_before"]
    )


def _names_disease(ex: Extraction, m: TermMatch) -> bool:
    """Whether the antibody names the patient's disease: "anti-TIF1γ dermatomyositis",
    "anti-Jo-1 syndrome", "抗Jo-1抗体综合征", "síndrome antisintetasa anti-Jo-1"
    (rules/patterns.yaml ``antibody_disease_after`` / ``antibody_disease_before``, i10at)."""
    text, v = ex.text, ex.rules.value
    after = text[m.end : m.end + _DISEASE_WINDOW]
    if any(rx.match(after) for rx in v["antibody_disease_after"]):
        return True
    # the disease first only with the antibody named as "anti-X" ("síndrome anti-Jo-1"): a
    # heading "Dermatomiosite MDA-5" names a subset, not this patient's result
    if not ex.rules.one("antibody_named_anti").match(m.text) and not ex.rules.one(
        "antibody_anti_before"
    ).search(text[max(0, m.start - 6) : m.start]):
        return False
    before = text[max(0, m.start - _DISEASE_WINDOW) : m.start]
    return any(rx.search(before) for rx in v["antibody_disease_before"])


def _named_anti(ex: Extraction, m: TermMatch) -> bool:
    """Whether the antibody is named as "anti-X" or (i10ae) by its target ("antibodies to Jo-1",
    rules/patterns.yaml ``antibody_named_against``), not by the antigen's name alone."""
    text = ex.text
    if ex.rules.one("antibody_anti_before").search(text[max(0, m.start - 6) : m.start]):
        return True
    before = text[max(0, m.start - 60) : m.start]
    return any(rx.search(before) for rx in ex.rules.value["antibody_named_against"])


# issue #10 (l34b): a test that could not be done, near the antibody it names ("anti-HMGCR was
# not available at our centre", "o serviço não possuía o anticorpo anti-HMGCR"; rules/context.yaml
# test_not_done, i35v): the name is a test's, not a positive. Only within _NOT_DONE_REACH
# characters of the name, so that a general remark later in the sentence ("... when specialised
# tests are unavailable") leaves it alone.
_NOT_DONE_REACH = 50


def _found_as_antibodies(ex: Extraction, sent: Sentence, m: TermMatch) -> bool:
    """Whether the antibody's antigen is named as the antibodies a test found (see
    antibody_found_right_before)."""
    text = ex.text
    return (
        ex.rules.one("antibody_word_after").match(text, m.end) is not None
        and ex.rules.one("antibody_found_right_before").search(
            text, max(sent.start, m.start - 40), m.start
        )
        is not None
    )


def _named_as_test(ex: Extraction, sent: Sentence, m: TermMatch, window_end: int) -> bool:
    """Whether "anti-X" names a test rather than states a finding (see antibody_test_action)."""
    text = ex.text
    stop = text.rfind(";", sent.start, m.start)
    clause_start = sent.start if stop < 0 else stop + 1
    nxt = text.find(";", m.end, window_end)
    clause_end = window_end if nxt < 0 else nxt
    actions = [
        a
        for a in ex.rules.one("antibody_test_action").finditer(text, clause_start, clause_end)
        # issue #10 (i18a): the test's result verb between it and the antibody ("antibody
        # testing showed anti-TIF1-gamma antibodies"): the antibody is what the test found
        # issue #10 (i23c): unless the finding is asked about ("we checked whether the panel
        # showed SAE1 antibodies")
        if not (
            a.end() <= m.start
            and ex.rules.one("antibody_found_by_test").search(text, a.end(), m.start)
            and not ex.rules.one("antibody_asked").search(text, a.end(), m.start)
        )
    ]
    return (
        bool(actions)
        or ex.rules.not_done.near_name.search(
            text,
            max(clause_start, m.start - _NOT_DONE_REACH),
            min(clause_end, m.end + _NOT_DONE_REACH),
        )
        is not None
        or ex.rules.one("antibody_bare_level").match(text[m.end : window_end]) is not None
        or ex.rules.one("antibody_defined").match(text[m.end : window_end]) is not None
    )


def _other_tests(
    ex: Extraction, start: int, end: int, words: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Where the tests other than an antibody are named in [start, end): the investigations',
    the labs' names and the matches of ``words``."""
    r = ex.rules
    return [
        *((t.start, t.end) for t in r.investigations.find(ex.text, start, end)),
        *((t.start, t.end) for t in r.labs.find(ex.text, start, end)),
        *(w.span() for w in words.finditer(ex.text, start, end)),
    ]


def _first_other_test(ex: Extraction, start: int, end: int, words: re.Pattern[str]) -> int | None:
    """Where the first test other than an antibody is named in [start, end), or None."""
    found = _other_tests(ex, start, end, words)
    return min(a for a, _ in found) if found else None


def _owned_by_other_test(ex: Extraction, m: TermMatch, cue_start: int, cue_end: int) -> bool:
    """Whether the result word at [cue_start, cue_end), after antibody ``m``, is another test's."""
    if cue_start < m.end:
        return False
    other = _first_other_test(ex, m.end, cue_start, ex.rules.one("antibody_other_test_after_verb"))
    if other is not None and ex.rules.one("antibody_own_predicate").search(ex.text, m.end, other):
        return True
    if other is not None and _result_right_after_test(ex, other, cue_start):
        return True
    if any(  # i25a: a panel named right before it, after the antibody's own titre or level:
        # "ANA 1:320, ENA panel negative" (a bare name keeps the word: "Mi-2, myositis panel neg")
        _ONLY_SPACE.fullmatch(ex.text, p.end, cue_start)
        and (
            _positive_titre(ex, m.end, p.start) is not None
            or _measured_result(ex, m.end, p.start) is not None
        )
        for p in ex.rules.panels.find(ex.text, m.end, cue_start)
    ):
        return True
    after = _NEXT_WORDS.match(ex.text, cue_end)
    return (
        after is not None
        and _first_other_test(ex, cue_end, after.end(), ex.rules.one("antibody_other_test"))
        is not None
    )


_NEXT_WORDS = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,1}[\w-]+")

# issue #10 (i21c): a bare result word written right after another test's name, with no verb,
# is that test's result, as an antibody's own "Mi-2 neg" is the antibody's: "no further work-up
# (Jo-1, CT neg)" has a CT found negative, not a negative Jo-1 (a negative Jo-1 beside the
# positive the panel gave would be the opposite polarity). Only spaces or a colon between.
_ONLY_SPACE = re.compile(r"[ \t:]*")


def _result_right_after_test(ex: Extraction, start: int, cue_start: int) -> bool:
    """Whether a test other than an antibody named in [start, cue_start) ends right before the
    result word at ``cue_start``."""
    return any(
        _ONLY_SPACE.fullmatch(ex.text, end, cue_start)
        for _, end in _other_tests(ex, start, cue_start, ex.rules.one("antibody_other_test"))
    )


def _beyond_reason_clause(ex: Extraction, sent: Sentence, m: TermMatch, cue_start: int) -> bool:
    """Whether antibody ``m`` is the subject of the sentence's opening clause of reason (see
    patterns.yaml antibody_reason_opening) and the result word at ``cue_start`` follows the
    comma that closes it."""
    text = ex.text
    if (
        cue_start < m.end
        or ex.rules.one("antibody_reason_opening").fullmatch(text, sent.start, m.start) is None
    ):
        return False
    comma = text.find(",", m.end, cue_start)
    return (
        comma >= 0
        and ex.rules.one("antibody_reason_clause_verb").search(text, m.end, comma) is not None
    )


_NEXT_CLAUSE_REACH = 120  # characters from the next clause's mark to the result word
_PREDICATE_REACH = 300  # characters from the antibody's predicate to it (a list between)


def _next_clause_test(ex: Extraction, sent: Sentence, m: TermMatch, cue_start: int) -> bool:
    """Whether the result word at ``cue_start``, after antibody ``m``, is said by a next clause
    of another test (see patterns.yaml antibody_next_clause), ``m`` having its predicate before
    it in its clause."""
    text = ex.text
    if cue_start < m.end:
        return False
    near = max(m.end, cue_start - _NEXT_CLAUSE_REACH)
    tests = _other_tests(ex, near, cue_start, ex.rules.one("antibody_other_test_after_verb"))
    if not any(
        ex.rules.one("antibody_next_clause").search(
            text, max(m.end, start - _NEXT_CLAUSE_REACH), start
        )
        is not None
        and ex.rules.one("antibody_test_own_verb").fullmatch(text, end, cue_start) is not None
        for start, end in tests
    ):
        return False
    lo = max(sent.start, m.start - _PREDICATE_REACH)
    stop = max(text.rfind(";", lo, m.start), text.rfind(":", lo, m.start))
    return (
        ex.rules.one("antibody_own_predicate").search(text, max(lo, stop + 1), m.start) is not None
    )


def _said_of_test_before(
    ex: Extraction, sent: Sentence, m: TermMatch, cue_start: int, cue_end: int
) -> bool:
    """Whether the result word at [cue_start, cue_end), before antibody ``m``, is said of a
    test other than an antibody named right before it (see antibody_subject_to_word)."""
    if cue_end > m.start:
        return False
    r, text = ex.rules, ex.text
    lo = max(sent.start, cue_start - 60)
    ends = [
        *(t.end for t in r.investigations.find(text, lo, cue_start)),
        *(t.end for t in r.labs.find(text, lo, cue_start)),
        *(w.end() for w in ex.rules.one("antibody_other_test").finditer(text, lo, cue_start)),
        *(w.end() for w in ex.rules.one("antibody_cancer_search").finditer(text, lo, cue_start)),
    ]
    return any(
        ex.rules.one("antibody_subject_to_word").fullmatch(text, end, cue_start) for end in ends
    )


def _line_openers(
    ex: Extraction, sent: Sentence, matches: list[TermMatch]
) -> dict[int, list[tuple[int, TermMatch, int, int]]]:
    """The antibody names of ``sent`` (``matches``) that open a record line (antibody_record_lead
    before them), by the start of their line in the note as written: (their place in
    ``matches``, the name, its span as written), in order. Found once for the sentence, not
    for every name and result word (issue #10, hostile input: quadratic on one long line)."""

    def build() -> tuple[list[TermMatch], dict[int, list[tuple[int, TermMatch, int, int]]]]:
        original = ex.norm.original
        lines: dict[int, list[tuple[int, TermMatch, int, int]]] = {}
        for j, a in enumerate(matches):
            lo, hi = ex.norm.to_original(a.start, a.end)
            line_start = _line_start(ex, lo)
            if ex.rules.one("antibody_record_lead").fullmatch(original, line_start, lo):
                lines.setdefault(line_start, []).append((j, a, lo, hi))
        return matches, lines

    got = ex.index("antibody line openers", build, sent.index, valid=lambda got: got[0] is matches)
    return got[1]


def _another_records_result(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int, cue_start: int, cue_end: int
) -> bool:
    """Whether the result word at [cue_start, cue_end) stands on another record line than
    antibody ``matches[k]`` (see antibody_record_lead)."""
    original = ex.norm.original
    at, at_end = ex.norm.to_original(matches[k].start, matches[k].end)
    cue_at = ex.norm.to_original(cue_start, cue_end)[0]
    line_start, line_end = _line_start(ex, at), _line_end(ex, at)
    cue_line_start = _line_start(ex, cue_at)
    if cue_line_start == line_start:
        return False
    if _ResultWords.of(ex, sent).any_result_in_original(at_end, line_end):
        return True  # "NXP-2 ....... Negative": the line's own word
    # (the names that open the cue's line, found once for the sentence: _line_openers)
    opener = next(
        (
            a
            for j, a, lo, hi in _line_openers(ex, sent, matches).get(cue_line_start, ())
            if j != k and cue_line_start <= lo and hi <= cue_at
        ),
        None,
    )
    if opener is None:
        # (i40p) a row that opens on its result word before its own name ("positive anti-MDA5"
        # under "Negative: anti-TIF1-γ, anti-NXP2"): the word is that name's
        return _opens_own_row(ex, matches, k, cue_line_start, cue_start, cue_end)
    if cue_line_start > line_start:  # a list carried on by a comma at each line's end
        carried = original[at_end:cue_line_start].rstrip("\n").split("\n")
        # (i14a) at any script's list comma: "抗Jo-1、PL-7、" / "PL-12、EJ抗体均阴性"
        if all(row.rstrip().endswith(tuple(_LIST_COMMAS)) for row in carried):
            return False
    return True


_ROW_LEAD = re.compile(r"[ \t\-*•·>]*")


def _opens_own_row(
    ex: Extraction, matches: list[TermMatch], k: int, row: int, cue_start: int, cue_end: int
) -> bool:
    """Whether the result word [cue_start, cue_end) (normalised) opens its row ``row`` (as
    written) and is that row's own: one word, then another name of the sentence than
    ``matches[k]``, the row's only one ("positive anti-MDA5"); not a sentence wrapped onto
    the next line ("... and" / "negative for Jo-1, PL-7 and")."""
    original = ex.norm.original
    if not _ROW_LEAD.fullmatch(original, row, ex.norm.to_original(cue_start, cue_end)[0]):
        return False
    if any(c.isspace() for c in ex.text[cue_start:cue_end]):
        return False  # "negative for": a predicate over what follows
    j = bisect_left(matches, cue_end, key=lambda m: m.start)
    if (
        j >= len(matches)
        or j == k
        or not ex.rules.one("antibody_word_to_name").fullmatch(ex.text, cue_end, matches[j].start)
    ):
        return False
    name_end = ex.norm.to_original(matches[j].start, matches[j].end)[1]
    return (
        ex.rules.one("antibody_row_tail").fullmatch(original, name_end, _line_end(ex, name_end))
        is not None
    )


# issue #10 (i11c): the exception after a negative ("negative except TIF1γ", "negativ außer
# TIF1γ", "tous négatifs sauf TIF1γ") is the context rule named so (rules/context.yaml), in
# every language it lists
_EXCEPTION_RULE = "exception"


def _exception_cue(ex: Extraction, sent: Sentence, start: int) -> bool:
    """Whether the modifier starting at ``start`` is the exception after a negative."""
    return _ResultWords.of(ex, sent).first_exception(start, start + 1) is not None


_RESULT_WORD = {
    "positive": "POSITIVE",
    "weak_positive": "WEAK_POSITIVE",
    "negative": "NEGATED_EXISTENCE",
    "indeterminate": "INDETERMINATE",
}


def _clause_end(text: str, start: int, end: int) -> int:
    stop = text.find(";", start, end)
    return end if stop < 0 else stop


def _by_exception(ex: Extraction, sent: Sentence, m: TermMatch, assertion: Assertion) -> bool:
    """Whether the result of ``m`` is only implied by an exception before it ("negative apart
    from Jo-1": rules/context.yaml), which a result word of its own after it overrides."""
    hit = assertion.categories.get("existence")
    return hit is not None and hit[2] <= m.start and _exception_cue(ex, sent, hit[1])


_RESPECTIVE_RESULT = {"+": "positive", "-": "negative", "−": "negative"}


def _respective_result(word: str) -> str:
    w = " ".join(word.casefold().split())
    if w in _RESPECTIVE_RESULT:
        return _RESPECTIVE_RESULT[w]
    if w.startswith(("weak", "low")):
        return "weak_positive"
    if w.startswith(("neg", "not")):
        return "negative"
    if w in ("borderline", "equivocal", "indeterminate"):
        return "indeterminate"
    return "positive"


def _respective_results(ex: Extraction, matches: list[TermMatch]) -> dict[int, str]:
    """Match index -> result for names whose results follow them in the same order."""
    text = ex.text
    out: dict[int, str] = {}
    first = 0
    while first < len(matches):
        last = first
        while last + 1 < len(matches) and ex.rules.one("antibody_list_glue").fullmatch(
            _without_other_antibodies(ex, text[matches[last].end : matches[last + 1].start])
        ):
            last += 1
        count = last - first + 1
        hit = (
            ex.rules.one("antibody_respective").match(text, matches[last].end)
            if count >= 2
            else None
        )
        if hit is not None:
            words = [
                w.group()
                for w in ex.rules.one("antibody_respective_word").finditer(hit.group("words"))
            ]
            aligned = (
                hit.group("resp")
                or hit.group("lead") == "("
                or (hit.group("lead") == ":" and "/" in hit.group("words"))
            )
            if len(words) == count and aligned:
                for i, word in enumerate(words):
                    out[first + i] = _respective_result(word)
        first = last + 1
    return out


# issue #10 (i10ae): a reference list's entry is one short line ("Catano J, Jamart C, ...
# Dermatomyosite à anticorps anti-MDA5. RDP 2019;69(5):525."); a paragraph of a case that
# links its supplement ("... (doi:10.1503/...)") is long, and its antibodies are the patient's
_REFERENCE_LINE_MAX = 300


def _on_reference_line(ex: Extraction, m: TermMatch, chrome: Any) -> bool:
    """Whether antibody ``m`` stands on a short line a journal's citation marks (``chrome``:
    _timeline._journal_chrome, on the note as written)."""
    original = ex.norm.original
    at = ex.norm.to_original(m.start, m.end)[0]
    line = original[_line_start(ex, at) : _line_end(ex, at)]
    return len(line.strip()) <= _REFERENCE_LINE_MAX and bool(chrome(original, at, ex.rules))


UNSPECIFIED_SSA = "SSA"
_SSA_WINDOW = 90


def _ssa_subunits(ex: Extraction, matches: list[TermMatch]) -> list[TermMatch]:
    """An SSA qualified by its subunit ("anti-SSA (Ro52)", "Anti-SSA-Antikörper gegen das
    Protein Ro-52", "gegen R-52 gerichtete Anti-SSA", "SSA (60)", rules/patterns.yaml
    ``antibody_ssa_subunit_*``) is that subunit's result, Ro52 or Ro60. Where the subunit was
    read as a name of its own, the two are one match over both (the result may follow either:
    "Anti-SSA (Ro52) positive", "Nachweis von Anti-SSA gegen Ro-52"); otherwise the SSA becomes
    the subunit's name. An SSA with no subunit becomes ``UNSPECIFIED_SSA``."""
    text = ex.text
    value = ex.rules.value
    out: list[TermMatch] = []
    merged: set[int] = set()  # the subunits' names taken into an SSA's match
    for m in matches:
        if m.concept != "RO60" or not ex.rules.one("antibody_generic_ssa").fullmatch(m.text):
            out.append(m)
            continue
        after = next(
            (
                hit
                for rx in value["antibody_ssa_subunit_after"]
                if (hit := rx.match(text[m.end : m.end + _SSA_WINDOW])) is not None
            ),
            None,
        )
        if after is not None:
            span = (m.end + after.start(), m.end + after.end())
        else:
            lead = text[max(0, m.start - _SSA_WINDOW) : m.start]
            before = next(
                (
                    hit
                    for rx in value["antibody_ssa_subunit_before"]
                    if (hit := rx.search(lead)) is not None
                ),
                None,
            )
            if before is None:
                out.append(TermMatch(m.start, m.end, UNSPECIFIED_SSA, m.text))
                continue
            span = (m.start - len(lead) + before.start(), m.start)
        subunit = "RO60" if "60" in text[span[0] : span[1]] else "RO52"
        own = next(
            (
                o
                for o in matches
                if o.concept == subunit and o is not m and span[0] <= o.start < span[1]
            ),
            None,
        )
        if own is None:
            out.append(TermMatch(m.start, m.end, subunit, m.text))
            continue
        merged.add(id(own))
        start, end = min(m.start, own.start), max(m.end, own.end)
        out.append(TermMatch(start, end, subunit, text[start:end]))
    return sorted((o for o in out if id(o) not in merged), key=lambda o: o.start)


def _antibodies(ex: Extraction) -> None:
    # (_timeline imports the fact readers: imported here, when the note is read)
    from myositis_cds.ingest.text._timeline import _journal_chrome

    r = ex.rules
    text = ex.text
    buckets = _bucket(
        ex,
        _ssa_subunits(
            ex, _outside_panel_names(_names_not_words(r.antibodies.find(text)), r.panels.find(text))
        ),
    )
    ex.forget_index("antibody drafts")  # (_AntibodyDrafts) read from the start
    panel_times: dict[int, TimePoint] = {}
    panels = cache(lambda: _bucket(ex, r.panels.find(text)))  # the note's panels, once if asked
    # a sentence's own times (not a later row's), once a sentence if asked (_own_candidates)
    own_times = cache(lambda i: _own_candidates(ex, ex.sentences[i], buckets[i], panels()))
    for idx, matches in buckets.items():
        sent = ex.sentences[idx]
        panel_time = _panel_time(ex, sent, buckets, panels, panel_times, own_times)
        if panel_time is not None:
            panel_times[idx] = panel_time
        respective = _respective_results(ex, matches)
        voided = _voided_results(ex, sent)  # "positive (reported in error)"; once a sentence
        for k, m in enumerate(matches):
            # issue #10 (i40p): the result words found not this antibody's are set aside for it
            # alone; the next name may state its own with them ("Negative: anti-TIF1-γ" /
            # "anti-MDA5 positive": the second line's word is MDA5's, not TIF1-γ's)
            skip = voided
            if m.concept == UNSPECIFIED_SSA:
                continue  # read as a name of the list, recorded as no antibody (i33g)
            if _on_reference_line(ex, m, _journal_chrome):
                continue  # a cited article's title on its reference line (i10ae)
            window_end = matches[k + 1].start if k + 1 < len(matches) else sent.end
            assertion = sent.context.assert_target(m.start, m.end, _ANTIBODY_CATS, skip)
            while (cue := assertion.categories.get("existence")) is not None and (
                _owned_by_other_test(ex, m, cue[1], cue[2])  # "... and the CT was negative"
                or _said_of_test_before(ex, sent, m, cue[1], cue[2])  # "screen not repeated (Mi-2"
                or _another_records_result(ex, sent, matches, k, cue[1], cue[2])
                or _beyond_reason_clause(ex, sent, m, cue[1])  # "Because anti-X ..., she ..."
                or _next_clause_test(ex, sent, m, cue[1])  # "She had anti-X, and the CT was"
                or _later_members_word(ex, sent, matches, k, cue[1])  # "Negative: X, Y (pos)"
            ):  # "TIF1-gamma ..... POSITIVE" / "NXP-2 ..... Negative": a line each
                skip = skip | {cue[1]}
                assertion = sent.context.assert_target(m.start, m.end, _ANTIBODY_CATS, skip)
            assertion = _premodifier_first(ex, sent, m, assertion, skip)
            status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            if status == "historical" and _names_disease(ex, m):
                # "a history of lymphoma and SAE-1-positive dermatomyositis": the antibody names
                # the myositis, which is this illness, not the past history listed with it
                present_tense = Assertion(
                    {k: v for k, v in assertion.categories.items() if k != "temporality"}
                )
                status = _status(ex, sent, present_tense, sent.time, dated=False)[0]
            existence = assertion.get("existence")
            if existence in _RESULT and _result_of_previous(ex, sent, matches, k, assertion):
                existence = None  # "SAE1 positive, with Mi-2 ... negative": SAE1's word
            elif existence in _RESULT and _result_of_next(ex, sent, matches, k, assertion):
                # "HMGCR 168 CU and SRP negative": SRP's word, not HMGCR's (i10aa)
                existence = None
                assertion = Assertion(
                    {c: v for c, v in assertion.categories.items() if c != "existence"}
                )
                status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            verdict = ex.rules.one("antibody_verdict").search(
                text, m.end, _clause_end(text, m.end, window_end)
            )
            if verdict is not None and any(verdict.start() <= v < verdict.end() for v in skip):
                verdict = None  # a voided result word (see _voided_results)
            if verdict is not None and _first_other_test(
                ex, m.end, verdict.start(), ex.rules.one("antibody_other_test_after_verb")
            ):
                verdict = None  # "..., and the CT was reported as negative": the CT's
            if k in respective:  # "Jo-1/PL-7/PL-12: neg/neg/pos"
                existence = _RESULT_WORD[respective[k]]
            elif (label := _line_label(ex, sent, m)) is not None:
                existence = label  # "NOT DETECTED: TIF1g, NXP2" (a blot's result rows)
            elif existence is None and (label := _list_label(ex, sent)) is not None:
                existence = label  # "Myositis antibodies negative:" over a bare list
            elif (
                existence is None
                and (label := _broken_list_label(ex, sent, matches, k)) is not None
            ):
                existence = label  # "Positive: anti-TIF1-γ (line blot), anti-MDA5"
            elif existence is None and (label := _closing_summary(ex, sent)) is not None:
                existence = label  # "Anti-TIF1-γ" / "Anti-NXP2" / "All negative."
            elif verdict is not None:  # "Anti-Ku weak band, considered negative"
                existence = _RESULT_WORD[next(g for g, v in verdict.groupdict().items() if v)]
            elif existence == "POSITIVE" and _by_exception(ex, sent, m, assertion):
                # "all negative apart from Jo-1, which was borderline": its own word decides
                existence = _RESULT_WORD.get(
                    str(_result_after_list(ex, sent, matches, k)), existence
                )
            if existence == "POSITIVE" and _weak_grade_after(ex, sent, assertion, window_end):
                existence = "WEAK_POSITIVE"  # "anti-Ro52 + (weakly positive)" (i41a)
            value: dict[str, Any] = {}
            inferred = False
            if existence == "PENDING":
                status = "hypothetical" if status == "present" else status
            elif existence in _RESULT:
                value["result"] = _RESULT[existence]
                if status == "absent":
                    status = "present"  # a negative result is a result, stated about now
                value.update(_antibody_level(ex, m.end, window_end))
            elif (measured := _measured_result(ex, m.end, window_end)) is not None:
                value.update(measured)  # "Anti-Jo-1 3 U/mL (neg < 7)": the level and its cut-off
            elif _below_screening_titre(ex, m.end, window_end):
                value["result"] = "negative"  # "ANA < 1:80"
            elif (shared := _shared_result(ex, sent, m)) is not None:
                value["result"] = shared  # "negative ANA and anti-Jo-1, anti-Ku and anti-Mi2"
            elif (closing := _result_after_list(ex, sent, matches, k)) is not None:
                value["result"] = closing  # "PL-7, PL-12, ..., and anti-SRP were all negative"
            elif _positive_titre(ex, m.end, window_end) is not None:
                # "ANA 1:640" (the titre stays in the evidence); "ANA 1:80 (weak)" weak (i42a)
                weak = _weak_titre(ex, m.end, window_end)
                value["result"] = "weak_positive" if weak else "positive"
            elif not _names_plural_disease(ex, m) and (
                _names_disease(ex, m)
                or (
                    (_named_anti(ex, m) or _found_as_antibodies(ex, sent, m))
                    and not _named_as_test(ex, sent, m, window_end)
                    and not _unread_record(ex, sent, matches, k)  # "anti-NXP2 i anti-SAE1 xyz"
                    and not _broken_list_member(ex, sent, matches, k)
                )
            ):
                value["result"] = "positive"  # "anti-TIF1γ dermatomyositis"
                inferred = True
            else:
                status = "unknown" if status == "present" else status
            if value.get("result") in ("positive", "weak_positive") and _either_or(ex, matches, k):
                # issue #10 (l35): "antibodies against SRP and/or HMGCR": neither is a result
                value = {}
                inferred = False
                status = "unknown" if status == "present" else status
            if value.get("result") == "negative" and status == "absent":
                # issue #10 (i10q): "SAE1: negative, Jo-1: negative" - the negation that made the
                # status absent is a result word, and a negative result is a result (as above)
                status = "present"
            in_turn = (
                []
                if k in respective
                else _results_in_turn(ex, sent, m, window_end, uncertain, skip)
            )
            if in_turn and (status in ("present", "historical") or "result" in value):
                for turn in in_turn:  # the panel's date over the sentence's, as below (i41a)
                    if panel_time is not None and turn.time == sent.time:
                        turn.time = panel_time
                ex.drafts.extend(in_turn)  # "negative in March 2025 and positive in October 2026"
                continue
            _add(
                ex,
                Draft(
                    "antibody",
                    m.concept,
                    status,
                    m.start,
                    m.end,
                    sent,
                    _sample_time(ex, sent, m)
                    or _aside_sample_time(ex, sent, m)
                    or _closing_bracket_time(ex, sent, m)
                    or (
                        _time_before_later_rows(sent, m, own_times)
                        if panel_time is None
                        else panel_time
                    )
                    or sent.time,
                    value,
                    inferred=inferred,
                    uncertain=uncertain,
                ),
            )
            if "result" in value and not inferred:
                _earlier_result(ex, sent, m, window_end, status, uncertain)


# issue #10 (i27a): an antigen's name that is a common word of a language the notes are written
# in, when written in lower case: Somali "ku" (in, on; "oo ku dhaca murqaha", which strikes the
# muscles), Swahili "ku-", Polish "ku" (towards). The antigen is always written "Ku" or "KU".
_LOWER_CASE_WORDS = {"KU": "ku"}


def _names_not_words(matches: list[TermMatch]) -> list[TermMatch]:
    return [m for m in matches if _LOWER_CASE_WORDS.get(m.concept) != m.text]


def _outside_panel_names(matches: list[TermMatch], panels: list[TermMatch]) -> list[TermMatch]:
    """issue #10 (i25a): an antibody's name written inside a panel's name ("抗核抗体谱", the ANA
    profile; rules/lexicon.yaml ``antibody_panels``) names the panel, not a result of its own."""
    if not panels:
        return matches
    return [m for m in matches if not any(p.start <= m.start and m.end <= p.end for p in panels)]


_OPENS_WITHIN = 20  # characters before a wrapped list's first antibody or panel
_LABEL_DATE_WITHIN = 30  # characters from a name to the date of its label, "anti-SRP (blot, DATE)"


def _closing_bracket_time(ex: Extraction, sent: Sentence, m: TermMatch) -> TimePoint | None:
    text = ex.text
    after = sorted((c, t) for c, t in sent.stated_times() if c > m.end and t.absolute is not None)
    if not after:
        return None
    c, time = after[0]
    opened = text.rfind("(", m.end, c)
    if opened < 0 or text.find(")", opened, c) >= 0:
        return None
    closed = text.find(")", c, sent.end)
    # issue #10 (i49a): a bracket that ends its clause ("...; HRCT 06/11/2025: NSIP") as one
    # that ends its sentence; after the date the bracket may list the panel's other results
    # ("POSITIVE (myositis blot 23/09/2026; Mi-2, NXP2 negative)"); before it, besides the
    # panel's words, the blood test's and the laboratory's (antibody_bracket_sample_words)
    rest = text[closed + 1 : sent.end].strip(" .\n") if closed >= 0 else "-"
    if rest and not rest.startswith(";"):
        return None
    after_date = text[sent.ends.get(c, c) : closed]
    words = text[opened + 1 : c] + " " + ("" if after_date.lstrip().startswith(";") else after_date)
    for key in ("antibody_panel_words", "antibody_bracket_sample_words"):
        words = ex.rules.one(key).sub("", words)
    if words.strip(" ,;:-"):
        return None
    # a copy: the sentence's own time object would be dated again by its clause (_add), which
    # leaves "anti-X positive; anti-Y negative (DATE)" the first result undated (i49a)
    return replace(time)


# issue #10 (i41a): before the antibody, also the sample's words the sentence times read, of
# every language (patterns.yaml sample_word: "serum of 10.XI.2026", Amharic "ናሙና", Tamil
# "மாதிரி"), one list for both, with who took or sent it between (EVENT_AGENT) as there; after
# the antibody only this list's labels ("sent 12/11" after a result may be another test's)
def _sample_time(ex: Extraction, sent: Sentence, m: TermMatch) -> TimePoint | None:
    from myositis_cds.ingest.text._timeline import _SAMPLE_REACH

    text = ex.text
    sample = ex.rules.one("sample_word")
    dated = sorted(
        ((c, t) for c, t in sent.stated_times() if t.absolute is not None), key=lambda x: x[0]
    )
    before = [
        (c, t)
        for c, t in dated
        if c < m.start
        and (
            ex.rules.one("antibody_sample_label").search(text, max(sent.start, c - 30), c)
            or sample.search(text, max(sent.start, c - _SAMPLE_REACH), c)
        )
    ]

    # issue #10 (i42a): of a sample's date and a result "sent" back on another ("Myositis panel
    # (blood 14.11.26), result sent by lab 23.11.26:"), the sample's: a date with a report's or
    # result's word between it and the date before it is the result's
    def resulted(c: int) -> bool:
        lo = max([sent.start, c - _SAMPLE_REACH, *(sent.ends.get(d, d) for d, _ in dated if d < c)])
        return ex.rules.one("report_word_anywhere").search(text, lo, c) is not None

    sampled = [t for c, t in before if not resulted(c)]
    if sampled or before:
        return replace((sampled or [t for _, t in before])[-1])  # a copy, as _aside_sample_time
    after = [
        t
        for c, t in dated
        if c > m.end
        and ex.rules.one("antibody_sample_label").search(text, max(sent.start, c - 30), c)
    ]
    return replace(after[0]) if after else None


# issue #10 (i41a): a panel's heading with an aside that gives the sample's and the result's
# dates before its results ("Immunology (drawn on 02/03, result on 09/03): anti-Mi-2 positive",
# "line blot, blood sent on 4/11 to the lab, result back on 10/11): ..."): the nearest date is
# the result's, which is not the results' date (the sample's is, as _sample_time). Only an aside
# that closes before the antibody, holds two or more dates and names the sample or the result
# (the sentence times' words of every language, patterns.yaml SAMPLE_WORDS and REPORT_WORDS,
# written anywhere in the aside): the earliest date in it that no report word labels.
def _aside_sample_time(ex: Extraction, sent: Sentence, m: TermMatch) -> TimePoint | None:
    text = ex.text
    before = sorted(
        ((c, t) for c, t in sent.stated_times() if t.absolute is not None and c < m.start),
        key=lambda x: x[0],
    )
    if len(before) < 2:
        return None
    last = before[-1][0]
    opened = text.rfind("(", sent.start, last)
    if opened < 0 or text.find(")", opened, last) >= 0:
        return None  # the nearest date is not in an aside
    closed = text.find(")", last, m.start)
    if closed < 0 or text.find("(", last, closed) >= 0:
        return None  # the aside does not close before the antibody
    inside = [(c, t) for c, t in before if c > opened]
    aside = text[opened:closed]
    if len(inside) < 2 or not (
        ex.rules.one("sample_word_anywhere").search(aside)
        or ex.rules.one("report_word_anywhere").search(aside)
    ):
        return None
    sampled = [t for c, t in inside if not report_dated(text, sent.start, c, ex.rules)]
    if not sampled:
        return None
    # a copy: the sentence's own time object would be read again as the nearest date (_add)
    return replace(min(sampled, key=lambda t: t.absolute or date.max))


# issue #10 (i21c): a panel's results wrapped onto a sentence of their own ("Line blot (sampled
# 04.09.2026): anti-TIF1-gamma +++." then "Mi-2, NXP2, ..., SRP negative."): the wrapped list
# states no time and is the same panel, so it takes the panel's date, not the note's. Only the
# next sentence of the same paragraph, only when it states no time of its own and opens with its
# antibodies (or a panel: "line blot otherwise ... all negative (Jo-1, ..."), and only a date of
# the sentence before that dates its results: stated before one of its antibodies or panels, or
# in the label just after one, bracketed or not ("Myositis panel (sent 10/09/2026)" over its
# rows). A date after the results is another story's ("anti-Mi-2 positive
# DM diagnosed ..., with a previous colon cancer (2020). Mi-2 positive DM carries ..." keeps the
# note's date). A line after the wrapped list takes the same date ("ANA 1:320" under the blot).
# A date that opens its line is a date column's, which dates its row and the row's indented
# lines only (i10av, _normalise ``listed``): a line not indented under it is not its row's.
def _panel_time(
    ex: Extraction,
    sent: Sentence,
    buckets: dict[int, list[TermMatch]],
    panel_buckets: Callable[[], dict[int, list[TermMatch]]],
    panel_times: dict[int, TimePoint],
    own_times: Callable[[int], list[tuple[int, TimePoint]]],
) -> TimePoint | None:
    from myositis_cds.ingest.text._timeline import _SAMPLE_REACH

    if sent.index == 0 or sent.local:
        return None
    prev = ex.sentences[sent.index - 1]
    panels = panel_buckets()
    if prev.paragraph != sent.paragraph or (
        own_times(sent.index) and not _wrapped_report_date(ex, prev, sent)
    ):
        return None
    opening = [m.start for m in (*buckets[sent.index], *panels.get(sent.index, []))]
    if min(opening) - sent.start > _OPENS_WITHIN:
        return None
    # issue #10 (i41a): a heading broken over its lines ("Myositis antibodies (line blot, sample
    # DATE" / "taken to the laboratory" / "result ...):" over the rows): its short fragments
    # with no date, antibody or panel of their own are passed over, two at most
    for _ in range(2):
        if (
            prev.index in panel_times
            or prev.index in buckets
            or prev.index in panels
            or prev.stated_times()
            or prev.end - prev.start > _FRAGMENT_LENGTH
            or prev.index == 0
            or ex.sentences[prev.index - 1].paragraph != sent.paragraph
        ):
            break
        prev = ex.sentences[prev.index - 1]
    if prev.index in panel_times:
        return panel_times[prev.index]
    named = [*buckets.get(prev.index, []), *panels.get(prev.index, [])]
    # issue #10 (i41a): or a date the sample's words label, of every language (_sample_time),
    # where the heading names its panel in words the panels do not read (Tamil "லைன் பிளாட்")
    sample = ex.rules.one("sample_word")
    dated = [
        (c, t)
        for c, t in sorted(prev.stated_times(since=False), key=lambda x: x[0])
        if t.absolute is not None
        and (
            any(c < m.start or 0 <= c - m.end <= _LABEL_DATE_WITHIN for m in named)
            or sample.search(ex.text, max(prev.start, c - _SAMPLE_REACH), c)
        )
        and ex.text[ex.text.rfind("\n", 0, c) + 1 : c].strip()  # not a date column's (i10av)
    ]
    # issue #10 (i40a): of a sample's and a report's dates ("Myositis line blot (sample
    # 04.11.2026, result 06.11.2026)" over its rows), the sample's dates the rows
    sampled = [(c, t) for c, t in dated if not report_dated(ex.text, prev.start, c, ex.rules)]
    if dated:
        return (sampled or dated)[-1][1]
    # issue #10 (i51a): a heading with no date of its own that names the sample of the result
    # before ("Myositis line blot same sample" / "(Jo-1, ..., SRP): negative."): that result's
    # date, which the heading carries on from the sentence before it
    if (
        named
        and prev.time.absolute is not None
        and not prev.stated_times()
        and ex.rules.one("same_sample").search(ex.text, prev.start, prev.end)
    ):
        return replace(prev.time)
    return None


_FRAGMENT_LENGTH = 40  # characters of a heading's fragment broken off at a line's end


# issue #10 (i51a): a sentence of result rows that runs on, with no stop, into the line of another
# test ("Mi-2, MDA5, SRP ..... negative" / "HRCT chest, 26/10/2026: no ILD."): a date on a line
# after the last antibody or panel, labelled by that line's own words (a capital or a bullet
# opens them; no sample's or report's word stands right before the date), is that row's, not the
# results'. The rows keep the times stated with them (a heading's, "Ix (24.09.2026):"), else the
# panel's above (_panel_time), else the time the sentence inherits.
def _later_rows(
    ex: Extraction,
    sent: Sentence,
    matches: list[TermMatch],
    panels: dict[int, list[TermMatch]],
) -> set[int]:
    text, original = ex.text, ex.norm.original
    end = max(m.end for m in (*matches, *panels.get(sent.index, [])))
    last = ex.norm.to_original(end - 1, end)[1]
    sample = ex.rules.one("sample_word")
    rows = set()
    for c, _ in sent.candidates:
        at = ex.norm.to_original(c, c + 1)[0]
        line = _line_start(ex, at)
        label = original[line:at].strip()
        word = re.search(r"[^\W\d_]{2,}", label)
        if (
            line > last
            and (label[:1].isupper() or label.startswith(("-", "*", "•")))
            and len(label) <= _ROW_LABEL
            and word is not None
            and text.find(word.group(), end, c) >= 0  # the row as written (not a table's cell)
            and not report_dated(text, sent.start, c, ex.rules)
            and sample.search(text, max(sent.start, c - 30), c) is None
        ):
            rows.add(c)
    return rows


_ROW_LABEL = 40  # characters of a later row's label before its date ("HRCT chest, ")


def _own_candidates(
    ex: Extraction,
    sent: Sentence,
    matches: list[TermMatch],
    panels: dict[int, list[TermMatch]],
) -> list[tuple[int, TimePoint]]:
    """The times ``sent`` states of its own results: not a later row's (_later_rows)."""
    if not sent.candidates:
        return []
    rows = _later_rows(ex, sent, matches, panels)
    return [(c, t) for c, t in sent.candidates if c not in rows]


def _time_before_later_rows(
    sent: Sentence,
    m: TermMatch,
    own_times: Callable[[int], list[tuple[int, TimePoint]]],
) -> TimePoint | None:
    """The rows' time when ``sent`` runs on into a later row's date (_later_rows), else None
    (the sentence's own time, read at each antibody by _add). ``own_times``: the sentence's own
    times (_own_candidates), found once a sentence for all its antibodies."""
    if not sent.candidates:
        return None
    own = own_times(sent.index)
    if len(own) == len(sent.candidates):
        return None
    # a copy: the sentence's own time object would be read again at the nearest date (_add)
    if not own:
        return replace(sent.base_time)
    earlier = [(c, t) for c, t in own if c < m.start]  # a time stated before carries on
    return replace(max(earlier, key=lambda x: x[0])[1] if earlier else min(own)[1])


# issue #10 (i41a): the rows' sentence that opens with the report's date whose word ends the
# line before ("Line blot: taken 16/10, sent to the laboratory; result by phone" / "19/10:
# anti-TIF1-gamma positive."): the date is the report's, and the rows are the heading's sample's
def _wrapped_report_date(ex: Extraction, prev: Sentence, sent: Sentence) -> bool:
    first = min(c for c, _ in sent.stated_times())
    if ex.text[sent.start : first].strip(" \t\n(["):
        return False
    report = ex.rules.one("report_word")
    return report.search(ex.text, max(prev.start, prev.end - 30), prev.end) is not None


def _voided_results(ex: Extraction, sent: Sentence) -> frozenset[int]:
    """The starts of the result words in ``sent`` that a correction voids."""
    text = ex.text
    cues = sorted(
        {(mod.start, mod.end) for mod in sent.context.modifiers if mod.rule.category in _RESULT}
    )
    void: set[int] = set()
    for k, (a, b) in enumerate(cues):
        nxt = cues[k + 1][0] if k + 1 < len(cues) else sent.end
        after = ex.rules.one("antibody_error_after").match(text[b:nxt])
        before = ex.rules.one("antibody_error_before").search(text, max(sent.start, a - 40), a)
        if after is not None or before is not None:
            void.add(a)
            # and the words that dated the voided result ("previously reported positive")
            last = max((c[1] for c in cues if c[1] <= a and c[0] not in void), default=sent.start)
            void.update(
                mod.start
                for mod in sent.context.modifiers
                if mod.rule.category == "HISTORICAL" and last <= mod.start < a
            )
    return frozenset(void)


def _line_start(ex: Extraction, pos: int) -> int:
    """Where the line of the original text holding ``pos`` starts (``original.rfind("\\n", 0,
    pos) + 1``), from the note's line breaks found once: a search back per name was quadratic
    on one long line."""
    breaks = _line_breaks(ex)
    k = bisect_left(breaks, pos)
    return breaks[k - 1] + 1 if k else 0


def _line_breaks(ex: Extraction) -> list[int]:
    """Where the note as written breaks its lines, found once."""
    original = ex.norm.original
    return ex.index("line breaks", lambda: [k for k, c in enumerate(original) if c == "\n"])


def _line_end(ex: Extraction, pos: int) -> int:
    """Where the line of the original text holding ``pos`` ends (``original.find("\\n", pos)``,
    else the note's end)."""
    breaks = _line_breaks(ex)
    k = bisect_left(breaks, pos)
    return breaks[k] if k < len(breaks) else len(ex.norm.original)


class _ResultWords:
    """issue #10 (hostile input): the result words of one sentence, indexed once. Readers asked
    of every antibody name which of the sentence's result words stand in a given place (at the
    start of its line, right before its list) by trying them all: quadratic in a sentence of
    thousands of names and results ("anti-Jo-1 positive " x400 took 6.7 s). The places they
    ask about admit only words found here by where they end or where their line opens, so the
    others, which the readers skipped, are never tried; the order is the sentence's."""

    def __init__(self, ex: Extraction, sent: Sentence) -> None:
        original = ex.norm.original
        self.mods = sent.context.modifiers
        self._by_start = sorted(range(len(self.mods)), key=lambda k: self.mods[k].start)
        self._starts = [self.mods[k].start for k in self._by_start]
        self.results = [mod for mod in self.mods if mod.rule.category in _RESULT]
        self._result_starts = sorted(mod.start for mod in self.results)
        self._result_los = sorted(
            ex.norm.to_original(mod.start, mod.end)[0] for mod in self.results
        )
        self._by_end = sorted(range(len(self.results)), key=lambda k: self.results[k].end)
        self._ends = [self.results[k].end for k in self._by_end]
        self._reach: dict[tuple[int, int], int] = {}
        # the exceptions after a negative (_label_exception, _exception_cue): a label's
        # exception was looked for among all the sentence's modifiers for every name after it
        self._exceptions = [mod for mod in self.mods if mod.rule.name == _EXCEPTION_RULE]
        self._exception_starts = [mod.start for mod in self._exceptions]
        self._exceptions_in_order = all(a.start <= b.start for a, b in pairwise(self._exceptions))
        # _line_label: the result words that open their line (before them only the leads)
        self.line_heads: dict[int, list[tuple[Modifier, int, int, bool, bool]]] = {}
        for mod in self.results:
            lo, hi = ex.norm.to_original(mod.start, mod.end)
            line_start = _line_start(ex, lo)
            label_lead = _LABEL_LEAD.fullmatch(original, line_start, lo) is not None
            exception_lead = _EXCEPTION_LEAD.fullmatch(original, line_start, lo) is not None
            if label_lead or exception_lead:
                heads = self.line_heads.setdefault(line_start, [])
                heads.append((mod, lo, hi, label_lead, exception_lead))

    @staticmethod
    def of(ex: Extraction, sent: Sentence) -> _ResultWords:
        return ex.index("antibody result words", lambda: _ResultWords(ex, sent), sent.index)

    def starting(self, lo: int, hi: int) -> list[Modifier]:
        """The sentence's modifiers that start in [lo, hi), in the sentence's order."""
        i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [self.mods[k] for k in sorted(self._by_start[i:j])]

    def first_exception(self, lo: int, hi: int) -> Modifier | None:
        """The first exception cue, in the sentence's order, that starts in [lo, hi)."""
        if not self._exceptions_in_order:  # (found in order: never seen otherwise)
            return next((mod for mod in self._exceptions if lo <= mod.start < hi), None)
        k = bisect_left(self._exception_starts, lo)
        if k < len(self._exceptions) and self._exception_starts[k] < hi:
            return self._exceptions[k]
        return None

    def any_result_outside(self, lo: int, hi: int) -> bool:
        """Whether a result word starts before ``lo`` or at or after ``hi``."""
        starts = self._result_starts
        return bool(starts) and (starts[0] < lo or starts[-1] >= hi)

    def any_result_in_original(self, lo: int, hi: int) -> bool:
        """Whether a result word starts in [lo, hi) of the note as written."""
        k = bisect_left(self._result_los, lo)
        return k < len(self._result_los) and self._result_los[k] < hi

    def reaching(self, text: str, start: int, first: int) -> list[Modifier]:
        """The result words ending by ``start`` that _result_before_list can take for the list
        opening at ``start`` (first member at ``first``), in the sentence's order: only list
        glue (" ,:") stands between such a word and ``start``, or only spaces and one bracket
        between it and ``first``, so it ends within those runs."""
        lo = self._reach.get((start, first))
        if lo is None:
            glue = start
            while glue > 0 and text[glue - 1] in " ,:":
                glue -= 1
            bracket = first
            while bracket > 0 and (text[bracket - 1].isspace() or text[bracket - 1] in "(（"):
                bracket -= 1
            lo = self._reach[(start, first)] = min(glue, bracket)
        i, j = bisect_left(self._ends, lo), bisect_right(self._ends, start)
        return [self.results[k] for k in sorted(self._by_end[i:j])]


# issue #10 (i10q): a blot or panel report groups its names under result labels, one per line
# ("POSITIVE: Mi-2", "NOT DETECTED: TIF1g, NXP2, SAE1"); the label opens the line and governs
# the whole line, whatever other result words the sentence holds (the report's lines may run
# together into one sentence).
_LABEL_LEAD = re.compile(r"[ \t\-*•·>]*")
_LABEL_COLON = re.compile(r"[ \t]*[:=–-][ \t]*")


def _line_label(ex: Extraction, sent: Sentence, m: TermMatch) -> str | None:
    """The result label opening the line of ``m`` as the note was written (the normalised
    text joins a block's lines, so lines are read in the original)."""
    original = ex.norm.original
    at = ex.norm.to_original(m.start, m.end)[0]
    line_start = _line_start(ex, at)
    # only a result word the line opens with can label it: those of the sentence's lines are
    # found once (_ResultWords), not tried again for every name on the line (hostile input)
    for mod, lo, hi, label_lead, exception_lead in _ResultWords.of(ex, sent).line_heads.get(
        line_start, ()
    ):
        if not sent.start <= mod.start < m.start:
            continue
        if line_start <= lo < at and label_lead and _LABEL_COLON.match(original, hi):
            return str(mod.rule.category)
        if line_start <= lo < at and exception_lead:
            excepted = _label_exception(ex, sent, m, mod.end, at)
            if excepted is not None:
                return None if excepted else str(mod.rule.category)
    return None


# issue #10 (i11c): a label that gives the list after its colon one result but for the
# antibodies its exception names ("All negative except TIF1-γ (+++): Jo-1, PL-7, ...", "Alle
# negativ außer Mi-2: ..."): the list's members the label's result, the excepted ones their
# own (the exception's positive, rules/context.yaml); a quantifier ("all", "alle", "tous")
# may open it.
_EXCEPTION_LEAD = re.compile(r"[ \t\-*•·>]*(?:[^\W\d_]+[ \t]+){0,2}")


def _label_exception(
    ex: Extraction, sent: Sentence, m: TermMatch, result_end: int, at: int
) -> bool | None:
    """For a result word ending at ``result_end`` (normalised) followed by an exception and a
    colon on the line of ``m`` (at ``at`` in the note as written), before ``m``: whether ``m``
    is one of the excepted names (True) or one of the list's (False); None when the line is no
    such label."""
    original = ex.norm.original
    cue = _ResultWords.of(ex, sent).first_exception(result_end, m.start)
    if cue is None:
        return None
    cue_end = ex.norm.to_original(cue.start, cue.end)[1]
    colon = original.find(":", cue_end, at)
    if colon < 0 or "\n" in original[cue_end:colon]:
        return None
    names = ex.rules.antibodies.find(original[cue_end:colon])
    return m.concept in {n.concept for n in names}


# (possessive: a run of spaces is split one way, issue #10/#15)
_LABEL_END = re.compile(r"[ \t]*+:?[ \t]*+[)\]]?[ \t]*+:?[ \t]*+$")


def _bare_names(ex: Extraction, sent: Sentence) -> bool:
    """A sentence that is only antibody names ("Jo-1", "- anti-PL-7, PL-12")."""
    return _only_names(ex, ex.text[sent.start : sent.end])


def _only_names(ex: Extraction, line: str) -> bool:
    found = ex.rules.antibodies.find(line)
    if not found:
        return False
    pos = 0
    for a in found:
        if not ex.rules.one("antibody_bare_glue").fullmatch(line, pos, a.start):
            return False
        pos = a.end
    return bool(ex.rules.one("antibody_bare_glue").fullmatch(line, pos, len(line)))


def _list_label(ex: Extraction, sent: Sentence) -> str | None:
    """issue #10 (i10q): the result a label gives the bare list of names under it
    ("Myositis antibodies negative:" then "Jo-1", "PL-7" a line each): the list runs up from
    ``sent`` through sentences of names alone to the label, which ends with a colon and a
    result word; a blank line ends the list."""
    if not _bare_names(ex, sent):
        return None
    original = ex.norm.original
    k = sent.index - 1
    below = ex.norm.to_original(sent.start, sent.end)[0]
    while k >= 0:
        prev = ex.sentences[k]
        lo, hi = ex.norm.to_original(prev.start, prev.end)
        if "\n\n" in original[hi:below].replace(" ", "").replace("\t", ""):
            return None  # a blank line between: not this label's list
        if _bare_names(ex, prev):
            k, below = k - 1, lo
            continue
        if not ex.text[prev.start : prev.end].rstrip().endswith(":"):
            return None
        last = max(
            (mod for mod in prev.context.modifiers if mod.rule.category in _RESULT),
            key=lambda mod: mod.end,
            default=None,
        )
        if last is None or not _LABEL_END.fullmatch(ex.text, last.end, prev.end):
            return None
        return str(last.rule.category)
    return None


# issue #10 (i10m): one antibody with results in turn, a repeated test whose result changed
# ("Anti-SAE1 was negative in March 2025 and positive in October 2026", "Anti-NXP2: 01/2026
# negative; 09/2026 positive", "anti-MDA5 positive (previously negative)"). What may stand between
# the result words (times taken out): words of time and sequence only, never another test's name
# or finding ("Anti-Jo-1 positive, CK normal" is one result).
_TURN_RESULTS = frozenset({"POSITIVE", "WEAK_POSITIVE", "NEGATED_EXISTENCE", "INDETERMINATE"})


def _premodifier_first(
    ex: Extraction,
    sent: Sentence,
    m: TermMatch,
    assertion: Assertion,
    skip: frozenset[int] = frozenset(),
) -> Assertion:
    """``assertion`` with the result word that stands right before the name (through "anti-")
    when none reaches the name or the one chosen lies after it across a comma: "Positive
    anti-SRP, negative anti-HMGCR" (the next item's "negative" was the nearer by a token, and
    "negative" reaches two tokens only). A word in ``skip`` is not the antibody's."""
    hit = assertion.categories.get("existence")
    if hit is not None and (hit[1] < m.end or not _LIST_STOP.search(ex.text, m.end, hit[1])):
        return assertion
    for mod in sent.context.modifiers:
        if (
            mod.rule.category in _RESULT
            and mod.start not in skip
            and mod.rule.direction in ("forward", "bidirectional")
            and mod.end <= m.start
            and ex.rules.one("antibody_just_before").fullmatch(ex.text, mod.end, m.start)
        ):
            return Assertion(
                {**assertion.categories, "existence": (mod.rule.category, mod.start, mod.end)}
            )
    return assertion


_LIST_STOP = re.compile(r"[,;]")
# An earlier positive is kept even without a time of its own: a positive is never lost for a
# later negative (the case keeps both; on one date the positive, with a warning: _assemble)
_KEPT_UNDATED = frozenset({"positive", "weak_positive"})


# issue #10 (i41a): a positive restated with its weak grade beside it, in a bracket or after
# one ("+ (weakly positive)", "(+) weak positive", "positive (weak)"): one result, the weak
# positive, not two in turn
# (only a bracket between: "strong positive   weak positive" are a table's two columns)
_GRADE_GLUE = re.compile(r"[ \t]*[(\[][ \t]*|[ \t]*[)\]][ \t]*")


def _weak_grade_after(
    ex: Extraction, sent: Sentence, assertion: Assertion, window_end: int
) -> bool:
    """Whether the positive that decided ``assertion`` is restated right after as weak."""
    cue = assertion.categories.get("existence")
    if cue is None:
        return False
    return any(
        mod.rule.category == "WEAK_POSITIVE" and _GRADE_GLUE.fullmatch(ex.text, cue[2], mod.start)
        for mod in _ResultWords.of(ex, sent).starting(cue[2], window_end)
    )


def _graded_once(
    text: str, cues: list[tuple[int, int, Category]]
) -> list[tuple[int, int, Category]]:
    kept = list(cues)
    for c, d in pairwise(cues):
        if {c[2], d[2]} == {"POSITIVE", "WEAK_POSITIVE"} and _GRADE_GLUE.fullmatch(
            text, c[1], d[0]
        ):
            kept = [x for x in kept if x != (c if c[2] == "POSITIVE" else d)]
    return kept


def _results_in_turn(
    ex: Extraction,
    sent: Sentence,
    m: TermMatch,
    window_end: int,
    uncertain: bool,
    void: frozenset[int],
) -> list[Draft]:
    """Each result of antibody ``m`` when its words give several in turn, joined by words of
    time and sequence only, each dated by the time beside it; a result marked as the earlier
    one ("previously negative") without a time of its own that differs from the current one's
    is left out (it cannot be placed). Empty when the antibody has one result word. ``void``:
    the sentence's voided result words (``_voided_results``)."""
    text = ex.text
    spans = sorted(
        {
            (mod.start, mod.end, mod.rule.category)
            for mod in _ResultWords.of(ex, sent).starting(m.end, window_end)
            if mod.rule.category in _TURN_RESULTS
            and m.end <= mod.start < window_end
            and mod.start not in void
        }
    )
    cues = [
        c
        for i, c in enumerate(spans)
        if (i == 0 or c[0] >= spans[i - 1][1])
        and not (
            window_end < sent.end
            and ex.rules.one("antibody_premodifies_next").fullmatch(text, c[1], window_end)
        )
        and not (
            (after := _NEXT_WORDS.match(text, c[1])) is not None
            and _first_other_test(ex, c[1], after.end(), ex.rules.one("antibody_other_test"))
            is not None
        )  # "..., negative CT"
    ]
    cues = _graded_once(text, cues)
    if len(cues) < 2 or len({cat for _, _, cat in cues}) < 2:
        return []
    blanked = list(text[m.end : cues[-1][0]])
    for a, b in sent.time_spans:
        for pos in range(max(a, m.end), min(b, cues[-1][0])):
            blanked[pos - m.end] = " "
    flat = "".join(blanked)
    gaps = [(m.end, cues[0][0]), *((c[1], d[0]) for c, d in pairwise(cues))]
    if not all(
        ex.rules.one("antibody_turn_glue").fullmatch(flat[a - m.end : b - m.end]) for a, b in gaps
    ):
        return []
    earlier: set[int] = set()  # each mark goes to the nearest result word (after it on a tie)
    for mark in ex.rules.one("antibody_earlier_mark").finditer(
        text, m.end, min(window_end, cues[-1][1] + 30)
    ):
        earlier.add(
            min(
                range(len(cues)),
                key=lambda i: (
                    cues[i][0] - mark.end()
                    if mark.end() <= cues[i][0]
                    else mark.start() - cues[i][1],
                    mark.end() > cues[i][0],
                ),
            )
        )
    current = next((i for i in reversed(range(len(cues))) if i not in earlier), None)
    if current is None:
        return []
    now = sent.time_at(cues[current][0], end=cues[current][1])
    before_current = text[cues[current - 1][1] if current else m.end : cues[current][0]]
    if now.is_forward() or ex.rules.one("antibody_now_mark").search(before_current):
        now = INDEX  # "became positive a year later" (than the first), "is now positive"
    drafts: list[Draft] = []
    for i, (a, b, cat) in enumerate(cues):
        when = now if i == current else sent.time_at(a, end=b)
        if i != current and (when == now or i > current) and _RESULT[cat] not in _KEPT_UNDATED:
            continue  # an earlier negative with no time of its own cannot be placed
        drafts.append(
            Draft(
                "antibody",
                m.concept,
                "present",
                m.start,
                m.end,
                sent,
                when,
                {"result": _RESULT[cat]},
                uncertain=uncertain,
            )
        )
    return drafts


# Between a result word and the next antibody, what shows the word closed the antibody before:
# "anti-SAE1 positive, with Mi-2 ... negative", "Jo-1 positive; PL-7 ...".
_RESULT_CLOSED = re.compile(r"^\s*[,;:.)]", re.IGNORECASE)


def _result_of_previous(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int, assertion: Assertion
) -> bool:
    """Whether the result word that reaches antibody ``k`` from before it is the previous
    antibody's own: it follows that antibody through list words only and a comma (or other
    stop) parts it from ``k``. A result stated for one antibody is not the next one's
    ("anti-SAE1 positive, with Mi-2, TIF1-γ and NXP2 negative": Mi-2 is negative)."""
    hit = assertion.categories.get("existence")
    if hit is None or k == 0:
        return False
    _, cue_start, cue_end = hit
    m, prev = matches[k], matches[k - 1]
    if not prev.end <= cue_start < cue_end <= m.start:
        return False
    between = _without_other_antibodies(ex, ex.text[prev.end : cue_start])
    if _closing(ex).fullmatch(between) is None:
        return False
    if _RESULT_CLOSED.match(ex.text[cue_end : m.start]) is not None:
        return True
    # (i10ae) a word that can close a name ("positive", not "not") and a new record after it
    closes = any(
        mod.start == cue_start and mod.rule.direction in ("backward", "bidirectional")
        for mod in _ResultWords.of(ex, sent).starting(cue_start, cue_start + 1)
    )
    return closes and (
        _RECORD_BREAK.search(ex.norm.original, *ex.norm.to_original(cue_end, m.start)) is not None
        or _own_result_after(ex, sent, matches, k)
    )


# issue #10 (i10ae): what parts one record from the next where no stop does: a line break, a
# tab or a run of spaces between columns ("TIF1-gamma POSITIVE   NXP-2 Negative")
_RECORD_BREAK = re.compile(r"\n|\t| {2,}")


def _own_result_after(ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int) -> bool:
    """Whether antibody ``k`` has a result word of its own right after its name (through its
    suffix, a colon or a leader only), before the next antibody: name-result pairs in a row
    ("TIF1-gamma positive NXP-2 negative": the first word is TIF1-gamma's)."""
    m = matches[k]
    nxt = matches[k + 1].start if k + 1 < len(matches) else sent.end
    return any(
        mod.rule.category in _RESULT
        and mod.rule.direction in ("backward", "bidirectional")
        and m.end <= mod.start < nxt
        and _closing(ex).fullmatch(ex.text, m.end, mod.start) is not None
        for mod in _ResultWords.of(ex, sent).starting(m.end, nxt)
    )


def _result_of_next(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int, assertion: Assertion
) -> bool:
    """Whether the result word that reaches antibody ``k`` from past the next antibody is the
    next one's: ``k`` has its own level or result word before the next is named, so the two are
    not one list sharing a closing result ("Anti-HMGCR 168 CU (positive > 20) and anti-SRP
    negative": SRP is negative, HMGCR is read by its level). The mirror of _result_of_previous;
    a true list ("anti-Jo-1 and anti-PL-7 negative") still shares its word."""
    hit = assertion.categories.get("existence")
    if hit is None or k + 1 >= len(matches):
        return False
    m, nxt = matches[k], matches[k + 1]
    if hit[1] < nxt.end:
        return False
    gap = ex.text[m.end : nxt.start]
    if ex.rules.one("antibody_list_glue").fullmatch(_without_other_antibodies(ex, gap)):
        return False
    if ex.rules.one("antibody_own_level").match(gap) is not None:
        return True
    return any(  # a result word closing ``k`` (not one opening the next: "SRP (not HMGCR)")
        mod.rule.category in _RESULT
        and mod.rule.direction in ("backward", "bidirectional")
        and m.end <= mod.start < nxt.start
        for mod in _ResultWords.of(ex, sent).starting(m.end, nxt.start)
    )


def _own_existence(ex: Extraction, target_end: int, assertion: Assertion) -> Assertion:
    """``assertion`` without its negation when the negating word comes after the target and
    belongs to a test, marker or specimen named just before it (rules/patterns.yaml
    ``result_owner``, or a lab name): "prostate cancer 2019, prostatectomy, PSA undetectable
    since" states the cancer; the PSA is what is undetectable."""
    hit = assertion.categories.get("existence")
    if hit is None or hit[0] not in ("NEGATED_EXISTENCE", "NORMAL") or hit[1] < target_end:
        return assertion
    text = ex.text
    cue = hit[1]
    before = text[target_end:cue]
    owned = any(rx.search(before) for rx in ex.rules.value["result_owner"]) or any(
        ex.rules.one("antibody_lab_result_glue").fullmatch(text, lab.end, cue)
        for lab in ex.rules.labs.find(text, target_end, cue)
    )
    if not owned:
        return assertion
    return Assertion({k: v for k, v in assertion.categories.items() if k != "existence"})


def _either_or(ex: Extraction, matches: list[TermMatch], k: int) -> bool:
    """Whether the k-th antibody of a sentence is one member of a list whose members are
    joined by "or" ("SRP, HMGCR or Jo-1", "SRP et/ou HMGCR"): the list is the run of names
    around it joined by the list's glue alone, and one of its joins is an "or" word."""
    text = ex.text
    first = last = k
    while first > 0 and ex.rules.one("antibody_list_glue").fullmatch(
        text, matches[first - 1].end, matches[first].start
    ):
        first -= 1
    while last + 1 < len(matches) and ex.rules.one("antibody_list_glue").fullmatch(
        text, matches[last].end, matches[last + 1].start
    ):
        last += 1
    return any(
        ex.rules.one("antibody_either_or_gap").fullmatch(text, matches[i].end, matches[i + 1].start)
        for i in range(first, last)
    )


# issue #10 (i10ak): the safe default for a result the extractor cannot read. A clause that is
# only antibodies' names (one, or a list joined by list words) and then a word or two before
# the clause ends ("anti-NXP2, anti-MDA5 i anti-SAE1 negativna;", "Anti-TIF1γ: xyz.") is a
# record whose result word is in a language or a spelling not known; and a clause of names
# alone in a sentence that gives other antibodies their results ("anti-SAE1 positive;
# anti-NXP2, anti-MDA5.") is a record without its result. Neither is "a patient with anti-X
# antibodies": no positive is inferred from the name (a result not read is not assessed).
_CLAUSE_OPEN = re.compile(r"[;:]")
# issue #10 (i14a): a word of a script that writes its vowels or points as combining marks
# (Devanagari, Bengali, Tamil and the other Indic scripts, Thai, Lao, Myanmar, Khmer, Arabic
# and Hebrew points, Latin letters with a combining accent) is one word, not letters broken by
# marks regex's \w does not take ("नेगेटिव"); and a clause ends at the full stop of its script
# (_nlp._ENDERS: the danda, the CJK and Urdu full stops) or at the CJK enumeration comma as at
# "." and ",". Without them "Anti-TIF1γ, Anti-MDA5 - नेगेटिव।" was no bare record, and its
# names were read as positives.
_MARK = (
    "\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
)
_CLAUSE_STOP = "".join(sorted(_ENDERS | {",", "、", "，"}))


def _unread_tail(ex: Extraction) -> re.Pattern[str]:
    """What may follow the names of a bare record up to its clause's end: the names' suffixes
    (rules/patterns.yaml fragment ANTIBODY_NAME_SUFFIX), asides, a record's colon and at most
    two words; compiled once per rules."""
    return _unread_tail_from(ex.rules.patterns.fragments["ANTIBODY_NAME_SUFFIX"])


@cache
def _unread_tail_from(name_suffix: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\s|{name_suffix}|\([^()]{{0,40}}\)|（[^（）]{{0,40}}）|[-–—])*"
        rf"(?P<label>:[ \t]*)?"  # (round 21) a record's colon: "Anti-PL-7, PL-12: xyz"
        rf"(?P<words>(?:(?:[^\W\d_]|[{_MARK}])(?:[\w'’-]|[{_MARK}])*[ \t]*){{0,2}})"
        rf"[{re.escape(_CLAUSE_STOP)}]?\s*",
        re.IGNORECASE,
    )


def _line_end_before(ex: Extraction, start: int, end: int) -> int | None:
    """Where the note's line that holds ``start`` ends, in the reading text, when before ``end``
    (the reading text joins a block's lines with single spaces)."""
    a, b = ex.norm.to_original(start, end)
    eol = _line_end(ex, a)  # (the note's line breaks, found once: _line_breaks)
    return None if eol >= b else min(end, bisect_left(ex.norm.offsets, eol))


def _unread_record(ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int) -> bool:
    """Whether antibody ``matches[k]`` stands in a bare record whose result is not read (see
    _unread_tail)."""
    text = ex.text
    first, last = _runs(
        ex, sent, matches, "antibody list runs", lambda a, b: _in_one_list(ex, a, b)
    )[k]
    lo, hi = matches[first].start, matches[last].end
    opened = max((c.end() for c in _CLAUSE_OPEN.finditer(text, sent.start, lo)), default=sent.start)
    closed = text.find(";", hi, sent.end)
    closed = sent.end if closed < 0 else closed
    tail = _unread_tail(ex).fullmatch(text, hi, closed)
    if tail is None and (eol := _line_end_before(ex, hi, closed)) is not None:
        # issue #10 (i25a): a record's row ends with its line ("Anti-Mi-2, Anti-MDA5: <all>
        # <negative>" over a line in a script without capitals, read on as one sentence): its
        # words after the record's colon are the row's (names alone, or prose wrapped after a
        # name, "...: anti-MDA5 clinically amyopathic / dermatomyositis", run on as before)
        row = _unread_tail(ex).fullmatch(text, hi, eol)
        if row is not None and row.group("label") and row.group("words").strip():
            tail, closed = row, eol
    if tail is not None and tail.group("label"):
        # (round 21) a line of the note that opens on the names and gives them a label's
        # colon is a record of its own, whatever the line before says: "Anti-Ro-52 xyz (++)" /
        # "Anti-PL-7, PL-12, EJ: xyz" (the second line's names were read as positives)
        a, b = ex.norm.to_original(opened, lo)
        line = ex.norm.original.rfind("\n", a, b)
        if line >= 0:
            opened = max(opened, bisect_left(ex.norm.offsets, line + 1))
    if not ex.rules.one("antibody_list_glue").fullmatch(
        _without_other_antibodies(ex, text[opened:lo]).lstrip("-*•·> \t")
    ):
        return False  # words before the names: prose ("a patient with anti-TIF1γ antibodies")
    if tail is None:
        return False
    closing = [
        _RESULT[mod.rule.category]
        for mod in _ResultWords.of(ex, sent).starting(hi, closed)
        if mod.rule.category in _RESULT
        and mod.rule.direction in ("backward", "bidirectional")
        and hi <= mod.start < closed
    ]
    if closing:
        # a result word that reaches back closes the record, and its own readers decide; asked
        # here, none of them gave this antibody a result (a record's row run on after another's
        # "(+++)": "Anti-TIF1-γ: <positive> (+++) Anti-Mi-2, Anti-MDA5: <all> <negative>"), so
        # the record's result is unread, and a negative or pending word is never the presumed
        # positive (issue #10, heldout32's second run: four negatives read positive)
        return any(result not in _KEPT_UNDATED for result in closing)
    if tail.group("words").strip():
        # a result word not read; not the word for present of a record's cell ("Anti mda5:
        # present.", as a coded table's "+" is linearised): that is the presumed positive
        return ex.rules.one("antibody_present_word").fullmatch(tail.group("words").strip()) is None
    # names alone, where the sentence gives results
    if _ResultWords.of(ex, sent).any_result_outside(lo, closed):
        return True
    # issue #10 (i38p): names alone that are the whole sentence, a row of a panel whose rows
    # run on a line each or a stop each, beside rows that give other antibodies results
    return closed == sent.end and _results_beside(ex, sent)


# issue #10 (i38p): a short sentence of a result alone closing a panel's rows ("All negative.",
# "Rest negative", "negativ"): a result given to the rows above, which are antibodies.
_SHORT_RESULT_ROW = 3
_BRACKETED = re.compile(r"\([^()]{0,40}\)")
# How many rows of names alone a panel's block is followed through, each way (a note of
# thousands of bare names must not be walked for each of them: issue #10, hostile input).
_PANEL_ROWS = 40


def _results_beside(ex: Extraction, sent: Sentence) -> bool:
    """Whether ``sent``, a row of antibodies' names alone (one, or a list), stands among rows
    that give antibodies results: from it up and down through the block's rows of names alone
    (a blank line or a label's line without a result ends the block), the first other row
    gives a result word and names an antibody, or is a result alone in a few words ("Anti-SAE1:
    negative" / "Anti-TIF1-γ" / "Anti-NXP2: negative", "Anti-SAE1 positive. Anti-TIF1-γ.
    Anti-NXP2 negative."). Such a row is one whose result the note does not give where it is
    read, or gives in a way not read: never the presumed positive of an "anti-X" named alone
    (issue #10: a negative read as positive is the worst error the adapter can make)."""
    text = ex.text
    for step in (-1, 1):
        for row in _block_rows(ex, sent, step):
            if not _ResultWords.of(ex, row).results:
                if _names_row(ex, row):
                    continue  # names alone, or with a method in brackets ("Anti-NXP2 (line blot)")
                break  # a label or prose without a result: the block's edge
            line = text[row.start : row.end]
            if len(line.split()) <= _SHORT_RESULT_ROW or ex.rules.antibodies.find(line):
                return True
            break
    return False


def _names_row(ex: Extraction, row: Sentence) -> bool:
    """Whether ``row`` is antibodies' names alone (one, or a list), a method in brackets aside
    ("Anti-NXP2 (line blot)")."""
    return _only_names(ex, _BRACKETED.sub(" ", ex.text[row.start : row.end]))


def _block_rows(ex: Extraction, sent: Sentence, step: int) -> list[Sentence]:
    """The rows of ``sent``'s block from it up (``step`` -1) or down (1), nearest first, to a
    blank line, at most _PANEL_ROWS."""
    original = ex.norm.original
    rows: list[Sentence] = []
    edge = ex.norm.to_original(sent.start, sent.end)
    k = sent.index + step
    while 0 <= k < len(ex.sentences) and abs(k - sent.index) <= _PANEL_ROWS:
        row = ex.sentences[k]
        lo, hi = ex.norm.to_original(row.start, row.end)
        gap = original[hi : edge[0]] if step < 0 else original[edge[1] : lo]
        if "\n\n" in gap.replace(" ", "").replace("\t", ""):
            break
        rows.append(row)
        k, edge = k + step, (lo, hi)
    return rows


def _closing_summary(ex: Extraction, sent: Sentence) -> str | None:
    """_closing_summary_of ``sent``, found once for the sentence, not for each of its names
    (issue #10, hostile input: a row of thousands of names)."""
    got = ex.index("antibody closing summary", lambda: (_closing_summary_of(ex, sent),), sent.index)
    return got[0]


def _closing_summary_of(ex: Extraction, sent: Sentence) -> str | None:
    """issue #10 (i39p): the result a panel's closing summary row gives ``sent``, a row of
    names alone above it ("Anti-TIF1-γ" / "Anti-NXP2" / "All negative.", "Rest of the panel
    negative", "All other antibodies negative"; rules/patterns.yaml ``antibody_panel_summary``):
    the first row below that names no antibody, through the rows that do, with one result.
    A summary without a word for the others ("All negative") gives none where a row of the
    block gives another result (which rows it meant is not said)."""
    if not _names_row(ex, sent):
        return None
    below = _block_rows(ex, sent, 1)
    text, v = ex.text, ex.rules.value
    # through the rows that name antibodies (alone, or with their results) to the first that
    # names none
    summary = next(
        (row for row in below if not ex.rules.antibodies.find(text[row.start : row.end])), None
    )
    if summary is None:
        return None
    line = text[summary.start : summary.end]
    words = _ResultWords.of(ex, summary).results
    results = {mod.rule.category for mod in words}
    if len(results) != 1:
        return None
    blanked = list(line)
    for mod in words:
        blanked[mod.start - summary.start : mod.end - summary.start] = " " * (mod.end - mod.start)
    row = "".join(blanked)
    if not any(rx.fullmatch(row) for rx in v["antibody_panel_summary"]):
        return None
    result = results.pop()
    if not any(rx.search(row) for rx in v["antibody_panel_summary_others"]):
        for other in (*_block_rows(ex, sent, -1), *below):
            if other is summary:
                break
            stated = {mod.rule.category for mod in _ResultWords.of(ex, other).results}
            if stated - {result}:
                return None
    return str(result)


def _members_joined(ex: Extraction, a: TermMatch, b: TermMatch) -> bool:
    return bool(
        ex.rules.one("antibody_member_gap").fullmatch(ex.text, a.end, b.start)
    ) or _rows_joined(ex, a, b)


def _rows_joined(ex: Extraction, a: TermMatch, b: TermMatch) -> bool:
    """Whether names ``a`` and ``b`` are rows of one panel run together (antibody_row_gap)."""
    lo, hi = ex.norm.to_original(a.end, b.start)
    return "\n" in ex.norm.original[lo:hi] and bool(
        ex.rules.one("antibody_row_gap").fullmatch(ex.norm.original, lo, hi)
    )


def _member_runs(ex: Extraction, sent: Sentence, matches: list[TermMatch]) -> list[tuple[int, int]]:
    """For each name of ``sent`` (``matches``), the first and last names of its run joined one
    to the next by _members_joined: each join tried once for the sentence, not walked again for
    every member (issue #10, hostile input: a list of thousands of names broken by asides)."""

    return _runs(ex, sent, matches, "antibody member runs", lambda a, b: _members_joined(ex, a, b))


def _runs(
    ex: Extraction,
    sent: Sentence,
    matches: list[TermMatch],
    name: str,
    joined: Callable[[TermMatch, TermMatch], bool],
) -> list[tuple[int, int]]:
    """For each name of ``sent``, the first and last names of its run joined one to the next
    by ``joined``, found once for the sentence (index ``name``)."""

    def build() -> tuple[list[TermMatch], list[tuple[int, int]]]:
        runs: list[tuple[int, int]] = []
        first = 0
        for j in range(len(matches)):
            if j and not joined(matches[j - 1], matches[j]):
                runs.extend((first, j - 1) for _ in range(first, j))
                first = j
        runs.extend((first, len(matches) - 1) for _ in range(first, len(matches)))
        return matches, runs

    got = ex.index(name, build, sent.index, valid=lambda got: got[0] is matches)
    return got[1]


def _later_members_word(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int, cue_start: int
) -> bool:
    """issue #10 (i40p): whether the result word at ``cue_start`` follows a later member of a
    label's list than ``matches[k]`` ("Myositis antibodies negative: anti-TIF1-γ, anti-NXP2,
    anti-MDA5 (positive)"): the label gave the list its result, so a word after a member is
    that member's own, not the members' before it."""
    if cue_start < matches[k].end or k + 1 >= len(matches) or matches[k + 1].start > cue_start:
        return False
    first, last = _label_runs(ex, sent, matches)[k]
    if last == k:
        return False
    return _label_word(ex, sent, matches[first].start) is not None


def _label_runs(ex: Extraction, sent: Sentence, matches: list[TermMatch]) -> list[tuple[int, int]]:
    """issue #10 (i40p): the runs a label's result may cover (_member_runs), cut at a line
    break after which the next row states its own result ("Myositis antibodies negative:
    anti-TIF1-γ (ELISA), anti-NXP2" / "anti-MDA5 positive": the label stops at the line's end;
    the next row's word is its own, never the label's nor the rows' above)."""
    words = _ResultWords.of(ex, sent)

    def joined(a: TermMatch, b: TermMatch) -> bool:
        if ex.rules.one("antibody_member_gap").fullmatch(ex.text, a.end, b.start):
            return True
        if not _rows_joined(ex, a, b):
            return False
        row = ex.norm.to_original(b.start, b.end)[0]
        return not words.any_result_in_original(_line_start(ex, row), _line_end(ex, row))

    return _runs(ex, sent, matches, "antibody label runs", joined)


def _broken_list_member(ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int) -> bool:
    """issue #10 (i38p): whether antibody ``matches[k]`` is one member of a list of names whose
    joins a word or an aside not read broke, in a sentence that gives results: the members
    before the break lost the list's closing result, the members after it its opening one
    ("Not detected: anti-TIF1-γ, anti-NXP2 (line blot), anti-MDA5"), and a member without a
    result read is no "anti-X" named alone (positive). The list is the run of names joined so
    (two or more), opened by its clause (the sentence's start, or a colon or semicolon, then
    only bullets, list glue and result words: "Negative:", "No anti-...") and a result word of
    the sentence stands outside the run."""
    text = ex.text
    first, last = _member_runs(ex, sent, matches)[k]
    if first == last:
        return False
    lo, hi = matches[first].start, matches[last].end
    opened = max((c.end() for c in _CLAUSE_OPEN.finditer(text, sent.start, lo)), default=sent.start)
    words = _ResultWords.of(ex, sent)
    lead = list(text[opened:lo])
    for mod in words.starting(opened, lo):  # the result words of a label: "Negative:", "No"
        if mod.rule.category in _RESULT:
            end = min(mod.end, lo)
            lead[mod.start - opened : end - opened] = " " * (end - mod.start)
    prefix = _without_other_antibodies(ex, "".join(lead)).lstrip("-*•·> \t")
    if not ex.rules.one("antibody_list_glue").fullmatch(prefix):
        return False  # prose before the list ("She had anti-TIF1-γ, anti-NXP2 ...")
    return words.any_result_outside(lo, hi)


# issue #10 (i39p): what stands between a label's result word and the list it labels: its
# colon or dash, then bullets and the lines' breaks ("Positive:", "Myositis antibodies negative
# -", "Not detected:" / "  anti-NXP2, ..."). A result word right before the first name is that
# name's ("positive ANA test ... of anti-MDA5 DM"), no label.
_LABEL_REACH = 40  # characters from a label's result word to its list (a walk bounded per name)
_LABEL_TO_LIST = re.compile(r"[ \t]*+[:=–—-][\s*•·>-]*+")


def _broken_list_label(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int
) -> str | None:
    """issue #10 (i39p): the result a label gives every member of a list broken by an aside
    (_broken_list_member): "Positive: anti-TIF1-γ (line blot), anti-MDA5", "Myositis antibodies
    negative: anti-NXP2 (ELISA), anti-Mi-2". The label is the last result word before the list
    that reaches forward and is followed only by its colon (or dash) and the list's glue; no
    result word may stand inside the list or after it in its clause (a member's own "(weak)",
    the list's closing "positive" leave it to the other readers)."""
    text = ex.text
    first, last = _label_runs(ex, sent, matches)[k]
    if first == last:
        return None
    lo, hi = matches[first].start, matches[last].end
    words = _ResultWords.of(ex, sent)
    # (i40p) a run cut at a row with its own result ends its clause at that row
    cut = last + 1 < len(matches) and _member_runs(ex, sent, matches)[k][1] > last
    closed = _clause_end(text, hi, matches[last + 1].start if cut else sent.end)
    if any(mod.rule.category in _RESULT for mod in words.starting(lo, closed)):
        return None  # a member's own result, or the list's closing one, decides
    return _label_word(ex, sent, lo)


def _label_word(ex: Extraction, sent: Sentence, lo: int) -> str | None:
    """The result of the label whose list opens at ``lo``: the last result word before it that
    reaches forward, followed only by its colon (or dash) and the list's glue."""
    text = ex.text
    before = [
        mod
        for mod in _ResultWords.of(ex, sent).starting(max(sent.start, lo - _LABEL_REACH), lo)
        if mod.rule.category in _RESULT and mod.end <= lo
    ]
    if not before:
        return None
    end = max(mod.end for mod in before)  # the last word (read by several rules, each a way)
    label = [mod for mod in before if mod.end == end]
    if len({mod.rule.category for mod in label}) != 1 or not any(
        mod.rule.direction in ("forward", "bidirectional") for mod in label
    ):
        return None
    colon = end - 1 if text[end - 1] in ":=–—" else end  # (a label word read with its colon)
    between = _without_other_antibodies(ex, text[colon:lo])
    glue = _LABEL_TO_LIST.match(between)
    if glue is None or not ex.rules.one("antibody_list_glue").fullmatch(between, glue.end()):
        return None
    return str(label[0].rule.category)


def _in_one_list(ex: Extraction, a: TermMatch, b: TermMatch) -> bool:
    text = ex.text
    gap = _without_other_antibodies(ex, text[a.end : b.start])
    return ";" not in gap and ex.rules.one("antibody_list_glue").fullmatch(gap) is not None


class _AntibodyDrafts:
    """issue #10 (hostile input): the antibody drafts of each sentence, followed as the note's
    drafts grow. _shared_result and _list_opening went through every draft of the note for
    every name (quadratic in a note of thousands of names). By sentence (``id``): the last
    draft ending at each place (``ending``) and the drafts with a stated result (not inferred)
    in order of their end, then of their place in the drafts (``results``: their ends and
    them). The drafts are only appended to while antibodies are read; were they changed
    otherwise, they are read again from the start."""

    def __init__(self) -> None:
        self.seen = 0
        self.last: Draft | None = None
        self.ending: dict[int, dict[int, Draft]] = {}
        self.results: dict[int, tuple[list[int], list[Draft]]] = {}

    @staticmethod
    def of(ex: Extraction) -> _AntibodyDrafts:
        drafts = ex.drafts
        got = ex.index(
            "antibody drafts",
            _AntibodyDrafts,
            valid=lambda got: (
                not (len(drafts) < got.seen or (got.seen and drafts[got.seen - 1] is not got.last))
            ),
        )
        for n in range(got.seen, len(drafts)):
            d = drafts[n]
            if d.type != "antibody":
                continue
            key = id(d.sentence)
            got.ending.setdefault(key, {})[d.end] = d
            if "result" in d.value and not d.inferred:
                ends, stated = got.results.setdefault(key, ([], []))
                at = bisect_right(ends, d.end)  # after those ending there: drafts come in order
                ends.insert(at, d.end)
                stated.insert(at, d)
        got.seen, got.last = len(drafts), drafts[-1] if drafts else None
        return got


def _shared_result(ex: Extraction, sent: Sentence, m: TermMatch) -> str | None:
    """The result of the antibody just before ``m`` in the same list, when only list words
    separate them: a result stated once for a coordinated list holds for each member."""
    # the first of the sentence's stated results that end last by ``m`` (_AntibodyDrafts)
    ends, stated = _AntibodyDrafts.of(ex).results.get(id(sent), ([], []))
    last = bisect_right(ends, m.start)
    if not last:
        return _result_before_list(ex, sent, m)
    prev = stated[bisect_left(ends, ends[last - 1])]
    gap = ex.text[prev.end : m.start]
    if ";" in gap or not ex.rules.one("antibody_list_glue").fullmatch(gap):
        # not the same list: a list of its own may still open with its result (i10k: "MDA5
        # negative, anti-ARS negative (Jo-1, PL-7)")
        return _result_before_list(ex, sent, m, bracketed_only=True)
    # "Jo-1 positive, PL-7 ..." : a result word after the previous one closes its list
    if _ResultWords.of(ex, sent).starting(prev.end, m.start):
        return None
    return str(prev.value["result"])


_OTHER_REACH = 80  # characters: the longest name above with the spaces after it


def _list_opening(ex: Extraction, sent: Sentence, at: int) -> tuple[int, int] | None:
    """Where the list holding the antibody named at ``at`` opens, walking back over its
    members and the other antibodies' names: (the list's start, its first member's start), or
    None when a member before has its own result word. Each member's walk is remembered, so a
    long list is read in linear time, not once per member (issue #10, hostile input)."""
    text = ex.text
    ending = _AntibodyDrafts.of(ex).ending.get(id(sent), {})
    memo = ex._list_openings
    chain = [at]  # the members' starts walked through
    start = first = at
    found: tuple[int, int] | None
    while True:
        if start in memo:
            found = memo[start]
            break
        if start <= sent.start:
            found = (start, first)
            break
        tail = ex.rules.one("antibody_list_glue_tail").search(
            text, max(sent.start, start - 40), start
        )
        lo = tail.start() if tail is not None else start  # where the glue before ``start`` begins
        prev = ending.get(lo) or ending.get(start)
        # the name ends at ``lo``: a bounded look back keeps the walk linear
        other = ex.rules.one("antibody_other_before").search(
            text, max(sent.start, lo - _OTHER_REACH), lo
        )
        if prev is not None:
            if "result" in prev.value:
                found = None
                break
            start = first = prev.start
            chain.append(start)
        elif other is not None:
            start = other.start()
        else:
            found = (lo, first)
            break
    for member in chain:
        memo[member] = found
    return found


def _result_before_list(
    ex: Extraction, sent: Sentence, m: TermMatch, bracketed_only: bool = False
) -> str | None:
    """A result word that opens a list of antibodies gives every member its result:
    "negative ANA and anti-Jo-1, anti-Ku and anti-Mi2 antibodies"; with ``bracketed_only``,
    only a result right before the list's bracket ("anti-ARS negative (Jo-1, PL-7)")."""
    text = ex.text
    opening = _list_opening(ex, sent, m.start)
    if opening is None:
        return None  # a list member before has its own result word: not shared
    start, first = opening
    for mod in _ResultWords.of(ex, sent).reaching(text, start, first):
        opens = mod.rule.direction in ("forward", "bidirectional")
        if _said_of_test_before(ex, sent, m, mod.start, mod.end):
            continue  # (i10ae) "Cancer screening negative, anti-TIF1γ ...": the screening's
        if (
            opens
            and not bracketed_only
            and not text[mod.end : start].strip(" ,:")
            and ";" not in text[mod.end : first]  # (i10ae) "negative; anti-TIF1γ": closed
        ):
            return _RESULT[mod.rule.category]
        # issue #10 (i10k): a group's result, then its members in brackets ("anti-ARS antibody
        # negative (Jo-1, PL-7, PL-12, EJ)"), in any language: the result is theirs
        if _BRACKET_OPENS.fullmatch(text[mod.end : first]):
            return _RESULT[mod.rule.category]
    return None


_BRACKET_OPENS = re.compile(r"\s*[(（]\s*")


# issue #10 (i10ae): the leader a printed report draws between a name and its result
# ("NXP-2 (p140) ........ Negative", "SAE1 …… neg", "Mi-2 == negative", "Jo-1 | neg")
_LEADER = r"\.{2,}+|…++|_{2,}+|={1,2}+|\|"  # possessive: a run is one leader, never split
# What may stand between the last member of a list and the result word that closes it:
# "... and anti-SRP antibody which were negative", "..., anti-OJ, were all negative",
# "SRP (not HMGCR) antibodies were positive", "Jo-1 and PL-7: negative"; (issue #10, i15c) the
# dash a Russian or Slavic form puts there instead of the colon ("..., PL-12, Ro-52 —
# отрицательно", "... EJ – negativ"): without it a long list's first members, out of the result
# word's reach, were read as an "anti-X" named alone (positive) or dropped
# issue #10 (i25a): the words (which, were, all, both, each ...) are each language's, rules/
# patterns.yaml LIST_CLOSING; compiled once per rules (_closing)
_CLOSING_GLUE = r"(?:\s*\([^()]{1,30}\))?(?:[\s,:()\-–—]|" + _LEADER + "|"  # + the names' suffixes
_CJK_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _closing(ex: Extraction) -> re.Pattern[str]:
    """What may close a list before its result word, with the rules' words (LIST_CLOSING)."""
    fragments = ex.rules.patterns.fragments
    return _closing_from(fragments["LIST_CLOSING"], fragments["ANTIBODY_NAME_SUFFIX"])


@cache
def _closing_from(words: str, name_suffix: str) -> re.Pattern[str]:
    entries = sorted(
        {" ".join(w.split()) for w in words.split("|")} - {""}, key=lambda w: (-len(w), w)
    )
    spelt = [r"\s+".join(map(re.escape, w.split())) for w in entries]
    # a word in a CJK script where it stands; any other whole (its script's marks are its own)
    cjk = "|".join(w for e, w in zip(entries, spelt, strict=True) if _CJK_WORD.search(e))
    whole = "|".join(w for e, w in zip(entries, spelt, strict=True) if not _CJK_WORD.search(e))
    return re.compile(
        _CLOSING_GLUE
        + name_suffix
        + rf"|(?<!\w)(?:{whole})(?![\w{_MARK}])"
        + (f"|{cjk}" if cjk else "")
        + ")*$",
        re.IGNORECASE,
    )


def _without_other_antibodies(ex: Extraction, gap: str) -> str:
    """A gap in a list with the names of antibodies the case does not record taken out."""
    return ex.rules.one("antibody_other_anywhere").sub(" ", gap)


def _result_after_list(
    ex: Extraction, sent: Sentence, matches: list[TermMatch], k: int
) -> str | None:
    """A result word that closes a list of antibodies gives every member its result: "a panel
    including PL-7, PL-12, Mi-2, Ku and anti-SRP antibody, which were negative". The list is
    followed member by member through list words only, however long it is."""
    text = ex.text
    j = k
    while j + 1 < len(matches):
        gap = _without_other_antibodies(ex, text[matches[j].end : matches[j + 1].start])
        if ";" in gap or not ex.rules.one("antibody_list_glue").fullmatch(gap):
            break
        j += 1
    last = matches[j].end
    nxt = matches[j + 1].start if j + 1 < len(matches) else sent.end
    # (i11c) of the phrases at one place, the one that reads back decides ("nicht nachweisbar"
    # is both a forward negation and the verdict after a list)
    for mod in sorted(
        _ResultWords.of(ex, sent).starting(last, nxt),
        key=lambda mod: (mod.start, mod.rule.direction not in ("backward", "bidirectional")),
    ):
        if mod.start < last or mod.start >= nxt:
            continue
        if mod.rule.category not in _RESULT or mod.rule.direction not in (
            "backward",
            "bidirectional",
        ):
            return None
        between = _without_other_antibodies(ex, text[last : mod.start])
        if _closing(ex).fullmatch(between) is None or ";" in between:
            return None
        return _RESULT[mod.rule.category]
    return None


_LISTED_PANEL = 5


def _antibody_panels(ex: Extraction) -> None:
    """ "Myositis panel negative": each antibody of the panel (rules/lexicon.yaml
    ``antibody_panels``) negative, flagged inferred; an antibody the note states beats it."""
    panels = _bucket(ex, ex.rules.panels.find(ex.text))
    named = _bucket(ex, ex.rules.antibodies.find(ex.text)) if panels else {}
    # issue #10 (i41n): a panel whose results the note has read antibody by antibody ("Myositis
    # immunoblot: Mi-2, TIF1-gamma, ..., SRP - all negative") and names again later in summary
    # ("NOT dermatomyositis: ... myositis panel negative") is the same test: the later mention
    # repeats those results, and the panel's members the list left out stay untested
    # (a list the size of a panel: five of its members stated with a result in earlier
    # sentences, none named in the panel's own)
    stated = [
        (d.sentence.index, d.code)
        for d in ex.drafts
        if d.type == "antibody" and not d.inferred and "result" in d.value
    ]
    for idx, matches in panels.items():
        sent = ex.sentences[idx]
        for m in matches:
            a = sent.context.assert_target(m.start, m.end, _ANTIBODY_CATS)
            if a.get("existence") not in ("NEGATED_EXISTENCE", "NORMAL"):
                continue
            if _results_of_named(ex, sent, m, named.get(idx, []), named.get(idx + 1, [])):
                continue
            members = {str(c) for c in ex.rules.lexicon.antibody_panels[m.concept].codes}
            earlier = {code for i, code in stated if i < idx and code in members}
            if len(earlier) >= _LISTED_PANEL and not named.get(idx):
                continue
            status, uncertain = _status(ex, sent, a, sent.time, dated=False)
            if status not in ("present", "absent"):
                continue
            panel = ex.rules.lexicon.antibody_panels[m.concept]
            if panel.names_none:  # issue #10 (i10ap): "myositis-specific autoantibodies were
                # not detected": which were tested is not said
                ex.warn(
                    f"'{m.text}' reported negative names no antibody: none is recorded negative "
                    "(the antibodies tested, and their results, would complete the case)"
                )
                continue
            for code in panel.codes:
                _add(
                    ex,
                    Draft(
                        "antibody",
                        str(code),
                        "present",
                        m.start,
                        m.end,
                        sent,
                        sent.time,
                        {"result": "negative", "panel": m.concept},
                        inferred=True,
                        uncertain=uncertain,
                    ),
                )


def _results_of_named(
    ex: Extraction,
    sent: Sentence,
    panel: TermMatch,
    named: list[TermMatch],
    next_named: list[TermMatch] | None = None,
) -> bool:
    """ "Myositis line blot: Jo-1 and PL-7 negative": the first result word after the panel
    follows antibodies the line names, so the result is theirs and the panel's other members
    stay untested ("line blot negative, including Jo-1, ..." is the whole panel's, and so is
    "myositis panel and anti-HMGCR were negative", where the name is the panel's sibling)."""
    text = ex.text
    cues = [mod for mod in sent.context.modifiers if mod.rule.category in _RESULT]
    after = min(
        (mod for mod in cues if mod.start >= panel.end), key=lambda c: c.start, default=None
    )
    if after is None:
        before = max(
            (mod for mod in cues if mod.end <= panel.start), key=lambda c: c.end, default=None
        )
        return before is not None and _closes_named_list(ex, before, panel, named)
    label = _LABEL_OPENS_LIST.match(text, after.end)
    if label is not None and any(
        ex.rules.one("antibody_list_glue").fullmatch(text, label.end(), a.start)
        for a in [*named, *(next_named or [])]
        if a.start >= label.end()
    ):
        # "Myositis blot: Negative: Jo-1, PL-7", "Myositis antibodies negative:" over a bare
        # list: the label's list, not the whole panel; and (i10ae) the bracket after the result
        # that names what the blot held ("line blot all negative (Jo-1, PL-7, ..., PM-Scl)"):
        # its members, not the panel's others
        return True
    if _names_what_was_tested(ex, sent, panel, named):
        return True  # "... was negative for every antibody tested (TIF1-gamma, NXP2, Jo-1)"
    first = min((a.start for a in named if panel.end <= a.start < after.start), default=None)
    return (
        first is not None
        and ex.rules.one("antibody_coordinated").search(_REMARK.sub(" ", text[panel.end : first]))
        is None
    )


# issue #10 (i10ak): a bracket of names after the panel, in its clause, names what the panel
# held, wherever it stands ("the myositis antibody panel was negative for every antibody tested
# (TIF1-gamma, NXP2, Mi-2, MDA5, SAE1, Jo-1)", "panel (Jo-1, PL-7, PL-12) negativo"): a named
# list limits the panel, so its other members stay untested
_BRACKET = re.compile(r"[(\[]([^()\[\]]{1,200})[)\]]")


def _names_what_was_tested(
    ex: Extraction, sent: Sentence, panel: TermMatch, named: list[TermMatch]
) -> bool:
    """Whether a bracket after ``panel``, before its clause ends, holds only antibody names."""
    text = ex.text
    end = text.find(";", panel.end, sent.end)
    end = sent.end if end < 0 else end
    for b in _BRACKET.finditer(text, panel.end, end):
        inside = [a for a in named if b.start(1) <= a.start and a.end <= b.end(1)]
        if not inside:
            continue
        pos, glue = b.start(1), True
        for a in inside:
            glue = (
                glue
                and ex.rules.one("antibody_list_glue").fullmatch(
                    _without_other_antibodies(ex, text[pos : a.start])
                )
                is not None
            )
            pos = a.end
        if glue and ex.rules.one("antibody_list_glue").fullmatch(
            _without_other_antibodies(ex, text[pos : b.end(1)])
        ):
            return True
    return False


# issue #10 (i10ae): a remark in brackets after the panel's name ("Myositis panel (Quest,
# collected 2026-10-20): NXP-2 ... Negative") coordinates nothing
_REMARK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# issue #10 (i10q): a result word used as a label ("Negative: Jo-1, PL-7", "NOT DETECTED - ...")
# or (i10ae) opening a bracket of names ("all negative (Jo-1, PL-7, EJ)")
_LABEL_OPENS_LIST = re.compile(r"[ \t]*(?:[:=\-–]|[(\[])[ \t]*")


def _closes_named_list(ex: Extraction, cue: Any, panel: TermMatch, named: list[TermMatch]) -> bool:
    """issue #10 (i10q): the result word before the panel closes a list of named antibodies and
    the panel is only where they were tested ("anti-NXP2, anti-Mi-2 and anti-SAE1 negative
    (myositis panel reported 09/2026)"): the result is theirs, the panel's other members stay
    untested. "Myositis panel: negative" and "negative myositis panel" stay the panel's."""
    text = ex.text
    if not ex.rules.one("antibody_source_after_result").match(text[cue.end : panel.start]):
        return False
    last = max((a for a in named if a.end <= cue.start), key=lambda a: a.end, default=None)
    return last is not None and bool(
        ex.rules.one("antibody_list_glue").fullmatch(text[last.end : cue.start])
    )


def _positive_titre(ex: Extraction, start: int, end: int) -> float | None:
    """The titre right after an antibody's name when it is one read as positive
    (rules/patterns.yaml ``antibody_titre``): "antinuclear antibodies 1/640" -> 640."""
    tm = _titre_match(ex, start, end)
    return None if tm is None else _number(tm.group("level"))


def _titre_match(ex: Extraction, start: int, end: int) -> re.Match[str] | None:
    for rx in ex.rules.value["antibody_titre"]:
        tm = rx.match(ex.text[start : min(end, start + 50)])
        if tm is not None:
            return tm
    return None


def _weak_titre(ex: Extraction, start: int, end: int) -> bool:
    """issue #10 (i42a): whether the positive titre after the name is graded weak in the bracket
    right after it (rules/patterns.yaml ``antibody_titre_weak``: "ANA 1:80 (weak)")."""
    tm = _titre_match(ex, start, end)
    if tm is None:
        return False
    after = ex.text[start + tm.end() : end]
    return any(rx.match(after) for rx in ex.rules.value["antibody_titre_weak"])


# issue #10 (i10m): how each comparison in a laboratory's cut-off reads; a level given as a bound
# ("<5", ">200") lies just past it
_BELOW = frozenset({"<", "less than", "below", "under"})
_AT_MOST = frozenset({"≤", "<=", "=<", "up to"})
_ABOVE = frozenset({">", "greater than", "more than", "above", "over"})
_FLAG_RESULT = {
    "H": "positive",
    "HH": "positive",
    "A": "positive",
    "AA": "positive",
    "N": "negative",
}
_SCREENING_TITRE = 80  # ANA on HEp-2: 1:80 and above positive (see patterns.yaml antibody_titre)


def _satisfies(level: float, cmp: str, bound: float) -> bool:
    cmp = " ".join(cmp.casefold().split())
    if cmp in _BELOW:
        return level < bound
    if cmp in _AT_MOST:
        return level <= bound
    if cmp in _ABOVE:
        return level > bound
    return level >= bound  # "≥", ">=", "=>"


def _against_reference(ex: Extraction, level: float, ref: str) -> str | None:
    """The result of ``level`` against the bracket after it: its labelled cut-offs ("negative
    < 7; equivocal 7-10; positive > 10": the first that holds; a level past every one given
    lies on the other side of them) or its reference range ("<20", "ref 0-19": inside
    negative, above positive) or a positive cut-off ("cut-off 32")."""
    labelled: list[tuple[str, bool]] = []
    for rx in ex.rules.value["antibody_cutoff"]:
        for cm in rx.finditer(ref):
            g = cm.groupdict()
            result = next(k for k in _CUTOFF_RESULTS if g.get(k))
            if g.get("num"):
                holds = _satisfies(level, g["cmp"], _number(g["num"]))
            else:
                holds = _number(g["lo"]) <= level <= _number(g["hi"])
            labelled.append((result, holds))
    if labelled:
        held = next((result for result, holds in labelled if holds), None)
        if held is not None:
            return held
        given = {result for result, _ in labelled}
        if given == {"negative"}:
            return "positive"
        if given <= {"positive", "weak_positive"}:
            return "negative"
        return "indeterminate"
    for rx in ex.rules.value["antibody_reference"]:
        rm = rx.match(ref)
        if rm is None:
            continue
        g = rm.groupdict()
        if g.get("cut"):
            return "positive" if level >= _number(g["cut"]) else "negative"
        if g.get("num"):
            return "negative" if _satisfies(level, g["cmp"], _number(g["num"])) else "positive"
        return "negative" if level <= _number(g["hi"]) else "positive"
    return None


_CUTOFF_RESULTS = ("negative", "indeterminate", "weak_positive", "positive")


# issue #10 (i11c): a level that no cut-off can make positive, read without the cut-off: the
# zero of a line blot's band intensity scale ("Mi-2α 0, TIF1γ 3+": EUROLINE's classes 0, (+),
# +, ++, +++; 0 is no band) and of any assay, and a level printed below the assay's lower
# reporting limit ("Jo-1 <5", "Anti-Jo-1 <1.0 AI": laboratories print "<" the limit, which
# lies at or under their positive cut-off). A bare level above zero without its cut-off stays
# unread ("TIF1γ 45": not assessed).


def _measured_result(ex: Extraction, start: int, end: int) -> dict[str, Any] | None:
    """The result of a level printed with the laboratory's cut-off or a record's flag right
    after an antibody's name (rules/patterns.yaml ``antibody_measure``): "Anti-Jo-1 3 U/mL
    (neg < 7)" negative, "Anti-HMGCR Ab 48 U/mL H" positive. None without either: a bare level
    says nothing of its polarity."""
    window = ex.text[start : min(end, start + 120)]
    for rx in ex.rules.value["antibody_measure"]:
        mm = rx.match(window)
        if mm is None:
            continue
        g = mm.groupdict()
        level = _number(g["level"])
        if g.get("cmp") in ("<", "≤"):
            level -= 1e-6  # "<5": below five
        elif g.get("cmp") in (">", "≥"):
            level += 1e-6
        ref = g.get("ref")
        if ref and ref[0] not in "([":
            ref = f"({ref})"  # a reference column of a table row
        result = _against_reference(ex, level, ref) if ref else None
        flag = g.get("flag") or g.get("flag2")
        if result is None and flag:
            result = _FLAG_RESULT.get(flag)
        if result is None and _ITEM_END.match(window, mm.end()):
            legend = _block_legend(ex, start)
            result = _against_reference(ex, level, legend) if legend else None
            if result is None and (g.get("cmp") == "<" or level == 0):
                result = "negative"  # a blot's "0" band, an assay's "<5" (i11c, above)
        if result is None:
            continue
        out: dict[str, Any] = {"result": result, "level": _number(g["level"])}
        out["unit"] = g.get("unit") or "units"
        return out
    return None


# issue #10 (i10m): a blot's or a panel's levels printed as a list or a table with one key for
# all ("TIF1γ 54" ... / "Interpretation: 0-5 negative, 6-10 borderline, 11-25 weak positive,
# >25 positive"; "Mi-2α 0, TIF1γ 62, MDA5 3 (cut-off 15)"). The key is a line of the same block
# (no blank line between) that names no antibody and no lab and either labels results with
# bounds or opens with a word for a key; or the bracket that ends a line listing several levels.
_ITEM_END = re.compile(r"[ \t]*(?:[,;\n(]|$)")
_END_BRACKET = re.compile(r"[(\[]([^()\[\]\n]{1,80})[)\]][ \t.]*$")


def _block_legend(ex: Extraction, pos: int) -> str | None:
    """The key that reads every level of the block holding ``pos``, as a bracket, or None."""
    text = ex.text
    para_start = text.rfind("\n\n", 0, pos) + 1
    para_end = text.find("\n\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    end_bracket = _END_BRACKET.search(line)
    if end_bracket is not None and len(ex.rules.antibodies.find(line)) >= 2:
        return f"({end_bracket.group(1)})"
    for m in re.finditer(r"[^\n]+", text[para_start:para_end]):
        row = m.group()
        if ex.rules.antibodies.find(row) or ex.rules.labs.find(row):
            continue
        labelled = any(rx.search(row) for rx in ex.rules.value["antibody_cutoff"])
        if labelled or ex.rules.one("antibody_key_line").match(row):
            return f"({row.strip()})"
    return None


def _below_screening_titre(ex: Extraction, start: int, end: int) -> bool:
    """An ANA titre given as below a dilution at or under the screening one ("ANA < 1:80")."""
    for rx in ex.rules.value["antibody_titre_negative"]:
        tm = rx.match(ex.text[start : min(end, start + 50)])
        if tm is not None and _number(tm.group("level")) <= _SCREENING_TITRE:
            return True
    return False


def _antibody_level(ex: Extraction, start: int, end: int) -> dict[str, Any]:
    """The level after a result: "positive, 112 U/mL (cut-off 32)", "titre 1:640"."""
    for rx in ex.rules.value["antibody_level"]:
        lm = rx.match(ex.text[start : min(end, start + 50)])
        if lm is not None:
            unit = lm.groupdict().get("unit") or "titre"
            return {"level": _number(lm.group("level")), "unit": unit}
    return {}


def _earlier_result(
    ex: Extraction, sent: Sentence, m: TermMatch, window_end: int, status: str, uncertain: bool
) -> None:
    """A dated earlier result in parentheses after the current one: "Anti-SAE1 now weakly
    positive (strongly positive in Nov 2021)"."""
    text = ex.text
    opened = text.find("(", m.end, window_end)
    closed = text.find(")", opened, window_end) if opened >= 0 else -1
    if opened < 0 or closed < 0:
        return
    dated = [t for c, t, lo, _, _ in sent.local if lo == opened and opened < c < closed]
    results = [
        mod
        for mod in sent.context.modifiers
        if mod.rule.category in _RESULT and opened < mod.start < closed
    ]
    if not dated or not results or status != "present":
        return
    _add(
        ex,
        Draft(
            "antibody",
            m.concept,
            "present",
            opened + 1,
            closed,
            sent,
            dated[0],
            {"result": _RESULT[results[0].rule.category]},
            uncertain=uncertain,
        ),
    )
