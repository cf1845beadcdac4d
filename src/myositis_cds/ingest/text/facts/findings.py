"""Clinical findings (rashes, weakness, dysphagia, lung disease …): each one's status, the
findings the note implies, and the site and colour words that qualify a skin lesion."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cache
from itertools import islice, pairwise
from typing import Any

from myositis_cds.ingest.text._context import Assertion
from myositis_cds.ingest.text._draft import (
    _FINDING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
    finding_time,
    statement_end,
)
from myositis_cds.ingest.text._model import FactStatus
from myositis_cds.ingest.text._rules import TermMatch, compile_rule
from myositis_cds.ingest.text._time import INDEX, shift_days
from myositis_cds.ingest.text.facts.tumours import _with_abbreviations
from myositis_cds.knowledge import raw

_SHARED_HEAD = re.compile(
    r"\s*(?:,\s*)?(?:and|or|&|/|as well as)\s*(?:the\s+)?([a-z][a-z'-]{2,})\b", re.I
)


def _shared_modifier(ex: Extraction, matches: list[TermMatch]) -> list[TermMatch]:
    """A modifier said once for two coordinated heads names both signs: "Gottron sign and
    papules" is Gottron's sign and Gottron's papules, "heliotrope rash or oedema" would be read
    only if "heliotrope oedema" were a term. The second head becomes a match of its own (on the
    head word) when the modifier with that head is a term of another concept."""
    text = ex.text
    lexicon = ex.rules.findings
    added: list[TermMatch] = []
    for m in matches:
        words = m.text.split()
        if len(words) < 2:
            continue
        hm = _SHARED_HEAD.match(text, m.end)
        if hm is None:
            continue
        head = hm.group(1)
        phrase = " ".join([*words[:-1], head])
        found = lexicon.find(phrase)
        # the whole phrase is the term (i32g: not the bare "Gottron's" before another word)
        if (
            len(found) == 1
            and found[0].concept != m.concept
            and (found[0].start, found[0].end) == (0, len(phrase))
        ):
            added.append(TermMatch(hm.start(1), hm.end(1), found[0].concept, head))
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda t: t.start)


# --- issue #10 (i10af): a heliotrope named at another site, begin. The sign is the eyelids'
# (EULAR/ACR glossary: over the eyelids or periorbital); "eritema eliotropo delle guance e del
# dorso del naso" (a heliotrope-coloured erythema of the cheeks and nose) names the colour of a
# rash elsewhere. The first place the words after the term name decides: a place that heads a
# lesion of its own (rules/inference.yaml own_site: cheeks, nose, trunk, hands ...) and no
# eyelid word in the phrase. The face is left out (the eyelids are on it).
_HELIOTROPE_REACH = 8  # words after the term: its complement ("of both cheeks", "delle guance")
_PHRASE_STOPS = frozenset({",", ";", ".", "and", "or", "et", "ou", "y", "o", "e", "und", "oder",
                           "i", "og", "och", "(", ")"})  # fmt: skip
_FACE = frozenset({"face", "facial", "visage", "cara", "rosto", "viso", "volto", "gesicht"})
# issue #10 (i27f): the words between the adjective and its place ("Heliotropic rashes on the
# neck, upper limbs and upper chest"): the rash noun (the heliotrope rules' lesion words, as
# "heliotropic" is matched alone) and the prepositions of place. A place word that is also a
# linking word ("neck", "arms", "trunk" in rules/inference.yaml bridge) is still the place.
_ON = frozenset({"on", "over", "across", "around", "along", "at", "onto", "upon"})


def _heliotrope_elsewhere(ex: Extraction, sent: Sentence, m: TermMatch) -> bool:
    if m.concept != "heliotrope_rash":
        return False
    r = ex.rules
    # (issue #10, i31p: the first words only, not every word to the sentence's end)
    words = [
        w.group().casefold()
        for w in islice(_WORD.finditer(ex.text, m.end, sent.end), _HELIOTROPE_REACH)
    ]
    own_site = {w.casefold() for w in r.inference.own_site}
    passing = r.inference_bridge | _ON | _heliotrope_lesions(ex)
    place = next(
        (w for w in words if w in own_site or w not in passing or w in _PHRASE_STOPS), None
    )
    if place is None or place in _PHRASE_STOPS or place in _FACE:
        return False
    if place not in own_site:
        return False
    phrase = " ".join(words)
    return not any(site in phrase for site in _eyelid_sites(ex))


def _heliotrope_words(ex: Extraction, part: str) -> frozenset[str]:
    """The words of one part ("lesion" or "site") of the inference rules that infer a
    heliotrope rash (rules/inference.yaml), case-folded."""
    return frozenset(
        word.casefold()
        for rule in ex.rules.inference.rules
        if "heliotrope_rash" in {str(c) for c in rule.infers}
        for word in getattr(rule, part)
    )


def _heliotrope_lesions(ex: Extraction) -> frozenset[str]:
    return _heliotrope_words(ex, "lesion")


def _eyelid_sites(ex: Extraction) -> frozenset[str]:
    return _heliotrope_words(ex, "site")


# --- issue #10 (i10af): end


# --- issue #10 (i10ao): a denial at the end of a list of described signs, begin. "Heliotropný
# exantém horných viečok, Gottronove papuly nad MCP a PIP kĺbmi, ..., príznak šálu negatívny",
# "heliotrope rash of the upper eyelids, Gottron papules over the knuckles, shawl sign negative",
# "violaceous rash on the eyelids, dysphagia absent", "Gottron papules over the MCP joints,
# myalgia resolved": a result, absence or change word after its own subject ("shawl sign
# negative") speaks of that list item only; a sign of an earlier item that the
# note describes (its site, colour or extent beside the term: words in its item other than the
# term) was seen, so the denial does not reach it. A bare list ("Raynaud, mechanic's hands,
# calcinosis negative") and a form's answer after a colon ("..., heliotrope on the eyelids:
# absent") keep the denial over every item, as written. The comma is the list mark of every
# language read (and the CJK "、", "，").
_LIST_MARK = re.compile(r"[,、，]")
# a denial that names the whole list ("none were present", "neither was seen", "were all
# absent"; rules/context.yaml) is every item's, whatever the items describe (issue #10, lead,
# after opening heldout28: "I looked for heliotrope, Gottron's papules ... and none were
# present" had the heliotrope present, its item "I looked for heliotrope" read as described)
_WHOLE_LIST = re.compile(
    r"(?i)(?:but\s+)?(?:none|neither)\b|(?:were|are)\s+all\b|all\s+(?:were|are)\b"
)
_ITEM_WORD = re.compile(r"[^\W\d_]{2,}")
_ITEM_START = re.compile(r"[,、，:;\n]")
# the categories that take a sign's presence away: denied, resolved ("..., myalgia resolved"),
# improved ("..., dysphagia improved": not said to be there now)
_ITEM_DENIALS = frozenset({"NEGATED_EXISTENCE", "RESOLVED", "IMPROVED"})


def _own_item_assertion(
    ex: Extraction, sent: Sentence, start: int, end: int, assertion: Assertion
) -> Assertion:
    """The assertion of the sign at [start, end) without a denial that stands in a later list
    item of its own (see above); ``assertion`` unchanged otherwise."""
    hit = assertion.categories.get("existence")
    if hit is None or hit[0] not in _ITEM_DENIALS or hit[1] < end:
        return assertion
    text = ex.text
    cue = hit[1]
    if _WHOLE_LIST.match(text, cue, hit[2]):
        return assertion  # "..., Y and Z and none were present": every item's, not the last's
    marks = [
        m.start() for m in _LIST_MARK.finditer(text, end, cue) if _depth(text, end, m.start()) == 0
    ]
    if not marks:
        return assertion
    # the denial's own item names its subject before the cue, and is no form's answer
    own = text[marks[-1] + 1 : cue]
    if not _ITEM_WORD.search(own) or own.rstrip().endswith((":", "?")):
        return assertion
    # the sign's own item describes it: words before or after the term within the item
    # (from the list mark, line break or label colon before it: "proximal weakness, legs ... 0"
    # on a form's line is no described item)
    lo = max([sent.start, *(m.end() for m in _ITEM_START.finditer(text, sent.start, start))])
    described = text[lo:start] + " " + text[end : marks[0]]
    if not _ITEM_WORD.search(described):
        return assertion
    return sent.context.assert_target(start, end, _FINDING_CATS, skip=frozenset({cue}))


def _depth(text: str, a: int, b: int) -> int:
    """Brackets opened and not closed in text[a:b] ("(V-príznak), ...": its comma is outside)."""
    chunk = text[a:b]
    return max(0, chunk.count("(") - chunk.count(")"))


# --- issue #10 (i10ao): end


# --- issue #10 (i23b): a Japanese or Chinese list wrapped over lines, begin. Both write the
# predicate at the end of the sentence ("顔面紅斑,ヘリオトロープ疹,ゴットロン徴候,爪囲紅" /
# "斑,嚥下障害はみられなかった."), and a PDF's text breaks the line wherever the column ends, each
# line a sentence of its own: the list's signs were read present, with no predicate at all. A
# line of CJK text that ends with no full stop, its sign unjudged and only nouns after it,
# takes its predicate from the line that ends the sentence (the first after it that ends with a
# full stop, within a few lines: a two-column page interleaves the other column's line between):
# a denial that closes that line denies the sign.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_SENTENCE_ENDERS = frozenset(".。!?！？")
_KANA_PREDICATE = re.compile(r"[\u3040-\u309f]")  # hiragana: particles, verbs' endings
_WRAP_REACH = 3  # lines after the wrapped one: its continuation and one interleaved line


def _has_cjk(ex: Extraction, sent: Sentence) -> bool:
    """Whether the sentence has a CJK character, searched once per sentence (issue #10, i31p:
    every sign of a long line asked, and each search went through the whole line)."""
    return ex.index(
        "cjk sentence", lambda: _CJK.search(ex.text, sent.start, sent.end) is not None, sent.index
    )


def _wrapped_denial(ex: Extraction, sent: Sentence, end: int) -> tuple[str, int, int] | None:
    """The denial that ends the sentence a wrapped CJK line at ``sent`` is part of, for a sign
    ending at ``end`` that its own line leaves unjudged; None when there is none."""
    text = ex.text
    if text[sent.end - 1] in _SENTENCE_ENDERS or not _has_cjk(ex, sent):
        return None
    if _KANA_PREDICATE.search(text, end, sent.end):
        return None  # its line goes on in words of its own ("..を認め,", "..があり"), not a list
    for nxt in ex.sentences[sent.index + 1 : sent.index + 1 + _WRAP_REACH]:
        if "\n\n" in text[sent.end : nxt.start] or nxt.paragraph != sent.paragraph:
            return None
        closing = text[nxt.end - 1] in _SENTENCE_ENDERS
        if not closing:
            continue
        last = nxt.end - 1  # the predicate stands right before the full stop
        for mod in nxt.context.modifiers:
            if mod.rule.category == "NEGATED_EXISTENCE" and mod.end == last:
                return (mod.rule.category, mod.start, mod.end)
        return None
    return None


# --- issue #10 (i23b): end


# --- issue #10 (i32g): the bare possessive "Gottron's" is the papules (rules/lexicon.yaml, gold
# decision of 3 Dec 2026), begin. The matcher also takes the eponym without its "'s" (as it does
# for every possessive term); alone, "Gottron" names the man or a column's torn word ("He had
# Gottron" before another column's text), so only the possessive is read. Nor is a possessive
# with nothing after it to the text's end: a copy cut after it names neither papules nor sign.
_BARE_EPONYM = re.compile(r"gottron(?P<s>['’´]?s)?", re.I)


def _bare_eponym_kept(ex: Extraction, m: TermMatch) -> bool:
    bare = _BARE_EPONYM.fullmatch(m.text)
    if bare is None:
        return True
    return bare.group("s") is not None and bool(ex.text[m.end :].strip())


# --- issue #10 (i32g): end


def _findings(ex: Extraction) -> None:
    found = _shared_modifier(ex, _with_abbreviations(ex, ex.rules.findings.find(ex.text)))
    found = [m for m in found if _bare_eponym_kept(ex, m)]
    for idx, matches in _bucket(ex, found).items():
        sent = ex.sentences[idx]
        for m in matches:
            if _heliotrope_elsewhere(ex, sent, m):
                ex.warn(
                    f"'{ex.text[m.start : m.end]}' is placed elsewhere than the eyelids: not "
                    "recorded as the heliotrope rash (the sign is periorbital)"
                )
                continue
            assertion = sent.context.assert_target(m.start, m.end, _FINDING_CATS)
            assertion = _own_item_assertion(ex, sent, m.start, m.end, assertion)  # i10ao
            if "existence" not in assertion.categories:  # i23b: a wrapped CJK line
                denial = _wrapped_denial(ex, sent, m.end)
                if denial is not None:
                    assertion = Assertion({**assertion.categories, "existence": denial})
            when = finding_time(ex, sent, m.start)
            status, uncertain = _status(ex, sent, assertion, when)
            value: dict[str, Any] = {}
            if status == "historical" and _status(ex, sent, assertion, when, dated=False)[0] in (
                "present",
                "absent",
            ):
                value["dated_old"] = True  # old only by its date: may be this illness's start
            _add(
                ex,
                Draft(
                    "finding",
                    m.concept,
                    status,
                    m.start,
                    m.end,
                    sent,
                    sent.time,
                    value,
                    uncertain=uncertain,
                ),
            )


# issue #10 (i10j): a toxicity grade of 0 after a symptom ("Dysphagia | 0 |" in a CTCAE table,
# "dysphagia grade 0", "dysphagia G0") says the symptom is absent (CTCAE v5.0: grade 0 is no
# adverse event; grades 1-5 are present, mild to fatal). A bare 0 counts only in a table row of
# a note that names a toxicity scale; "grade 0" and "G0" count anywhere.
# (i10aw: these two are sought in every note: compile_rule leads them by their first letters)
_TOXICITY_SCALE = compile_rule(r"\b(?:ctcae|toxicit(?:y|ies)|adverse events?)\b")
_GRADE_ZERO_NAMED = re.compile(
    r"[ \t]*(?:[|:,=-][ \t]*)*(?:\(?ctcae(?:\s*v?[\d.]+)?\)?[ \t]*)?"
    r"(?:grade|gr\.?|g)[ \t]*0\b(?![.,/]\d)",
    re.IGNORECASE,
)
_GRADE_ZERO_CELL = re.compile(r"[ \t]*(?:[|:][ \t]*)+0[ \t]*(?:\||$)", re.MULTILINE)  # match(pos)


# issue #10 (i10aa): a skin score sheet (CDASI: "| Mechanic's hand | 0 | 0 | 0 | 0 |", EASI,
# PASI, SCORAD) scores each region or sign in its row's cells, 0 for none: a row of zeros says
# the sign is absent (one non-zero cell: present, as read). Its column titles carry their
# scale ("Poikiloderma (0-1) | Calcinosis (0-1)") and state no finding at all.
_SKIN_SCORE_SHEET = compile_rule(r"\b(?:cdasi|disease area and severity index|easi|pasi|scorad)\b")
_ZERO_ROW = re.compile(r"(?:[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*\|[ \t]*0)+[ \t]*\|?[ \t]*$", re.M)
_SCALE_TITLE = re.compile(r"[ \t]*\(\s*0\s*[-–]\s*\d\s*\)[ \t]*(?:\||$)", re.MULTILINE)


def _toxicity_grade_zero(ex: Extraction) -> None:
    text = ex.text
    scale = _TOXICITY_SCALE.search(text) is not None
    sheet = _SKIN_SCORE_SHEET.search(text) is not None
    titles = []
    for d in ex.drafts:
        if d.type != "finding" or d.status != "present":
            continue
        line_end = text.find("\n", d.end)
        stop = len(text) if line_end < 0 else line_end
        if _GRADE_ZERO_NAMED.match(text, d.end, stop) or (
            scale and _GRADE_ZERO_CELL.match(text, d.end, stop)
        ):
            d.status = "absent"
            d.value = {**d.value, "toxicity_grade": 0}
        elif sheet and _SCALE_TITLE.match(text, d.end, stop):
            titles.append(d)  # a column's title, "Calcinosis (0-1) |"
        elif sheet and _ZERO_ROW.match(text, d.end, stop):
            d.status = "absent"  # "| Mechanic's hand | 0 | 0 | 0 | 0 |"
    for d in titles:
        ex.drafts.remove(d)


def _inferred_findings(ex: Extraction) -> None:
    """Morphology at a site → the named sign, marked inferred (rules/inference.yaml)."""
    text = ex.text
    explicit: dict[int, list[tuple[int, int, str]]] = {}
    for d in ex.drafts:
        if d.type == "finding":
            explicit.setdefault(d.sentence.index, []).append((d.start, d.end, d.code))
    roles: dict[tuple[int, str], list[TermMatch]] = {}
    for m in ex.rules.inference_words.find(text):
        for rule_no, role in ex.rules.inference_roles[m.concept]:
            roles.setdefault((rule_no, role), []).append(m)
    for rule_no, rule in enumerate(ex.rules.inference.rules):
        named = {str(c) for c in rule.infers}
        lesion_by = _bucket(ex, roles.get((rule_no, "lesion"), []))
        site_by = _bucket(ex, roles.get((rule_no, "site"), []))
        colour_by = _bucket(ex, roles.get((rule_no, "colour"), []))
        blockers = {str(c) for c in rule.unless_found}
        # issue #10 (i10an): a blocker holds over the whole note unless both it and the lesion's
        # sentence carry their own calendar dates and these differ: "scaly red patches over the
        # knuckles" recorded on 12 June 2025 and Gottron's papules found on 17 March 2026 are
        # two visits' findings, and the earlier flat lesion is the sign of its own day
        # (issue #10, i37n: a blocker told as past, "At diagnosis (Dec. 2024): Gottron's papules"
        # in a note of 2026, blocks as a present one: the same papules)
        found = [
            d
            for d in ex.drafts
            if d.type == "finding" and d.code in blockers and d.status in ("present", "historical")
        ]
        blocked_on = {d.time.absolute for d in found}
        note_date = ex.note_date
        blocked_days = [] if note_date is None else [d.time.resolve(note_date) for d in found]
        needs = rule.sentence_needs_pattern  # compiled once, when the rule was loaded
        for idx in sorted(set(lesion_by) & set(site_by)):
            sent = ex.sentences[idx]
            if needs is not None and not _needs_met(ex, sent, needs, rule.sentence_needs_reach):
                continue  # i44f: "lungs clear" denies an ILD on a CT only
            # (issue #10, i33d: a month without its day, "Onset JUL26: rash over the knuckles",
            # is no visit of its own either: the blocker holds)
            undated = sent.time.absolute is None or sent.time.uncertain
            lesions = lesion_by[idx]
            if blocked_on and (None in blocked_on or undated or sent.time.absolute in blocked_on):
                told = statement_end(ex, sent, label_sentence=False) if blocked_days else None
                # issue #10 (i43f): a lesion denied ("no knuckle rash seen today") is no
                # description of papules found elsewhere in the note: the denial stands
                lesions = [
                    le
                    for le in lesions
                    if _began_before(ex, sent, le, blocked_days, told) or _denied(sent, le)
                ]
                if not lesions:
                    continue
            # a site word inside a term that already names the sign is not new evidence
            signs = _Spans([(a, b) for a, b, c in explicit.get(idx, []) if c in named])
            sites = [m for m in site_by[idx] if not signs.overlap(m.start, m.end)]
            if not sites:
                continue
            colours = colour_by.get(idx, [])
            pairs: list[tuple[int, int, TermMatch, TermMatch]] = []
            # only the sites within the rule's reach in tokens can pair with a lesion
            reach = max(rule.max_gap, rule.bridge_gap if rule.bridge_gap is not None else 0)
            within = _TokenWindow(sent, sites)
            for le in lesions:
                if rule.unless_next_to_lesion and _next_to_lesion(ex, sent, rule.lesion, le):
                    continue
                for si in within.around(le.start, reach):
                    if not rule.denied_by_site and _site_denied(ex, sent, le, si):
                        continue  # i31e: "weakness, not proximal", "distal rather than proximal"
                    aside = _aside(ex, si, le)  # i31e: "proximal, not distal, weakness"
                    if (
                        sent.context.separated(le.start, si.start)
                        and not aside
                        and not _bridged(ex, min(le.end, si.end), max(le.start, si.start))
                    ):  # "weakness, which was symmetrical, involving the proximal ...": linked
                        continue
                    gap = abs(sent.context.tok(si.start) - sent.context.tok(le.start))
                    near = gap <= rule.max_gap or (
                        rule.bridge_gap is not None
                        and gap <= rule.bridge_gap
                        and (
                            aside
                            or _bridged(ex, min(le.end, si.end), max(le.start, si.start))
                            or _other_site_cut(ex, si, le) is not None  # i42r
                        )
                    )
                    if (
                        near
                        and not _placed_elsewhere(ex, sent, rule.lesion, le, si)
                        and _site_qualified(ex, sent, rule, le, si)
                    ):
                        pairs.append((gap, le.start, le, si))
            lesion_at: dict[int, list[TermMatch]] = {}  # the lesions by where they start
            for o in lesions:
                lesion_at.setdefault(o.start, []).append(o)
            # nearest pair first; a pair that lacks its colour ("periorbital swelling") gives way
            # to a lesion joined to its site by linking words only ("violaceous erythema of both
            # upper eyelids with periorbital swelling"), never to a lesion placed elsewhere
            for n, (_, _, le, si) in enumerate(sorted(pairs, key=lambda p: (p[0], p[1]))):
                # (i10-text20: the lesion's colour may stand after it, as French, Spanish,
                # Portuguese and Italian write it: "œdème liliacé des paupières")
                if n and not (
                    (le.end <= si.start and _bridged(ex, le.end, si.start, colours))
                    or _cjk_site_heads(ex, le, si)
                ):
                    continue
                # issue #10 (i10n): a site that heads its own lesion ("malar rash, periorbital
                # oedema") is that lesion's; the rash of the list item before it is not there
                if n and any(
                    o is not le
                    for o in (*lesion_at.get(si.end, ()), *lesion_at.get(si.end + 1, ()))
                ):
                    continue
                if _apply_pair(ex, sent, rule, le, si, colours):
                    break


def _needs_met(ex: Extraction, sent: Sentence, needs: re.Pattern[str], reach: int) -> bool:
    """Whether the sentence names a word the rule needs (``sentence_needs``), or, when it names
    no investigation of its own, one of the ``reach`` sentences before it in its paragraph does
    (issue #10, i49f: "CT chest 02/10/2026: a mass in the left lobe. The lungs show no
    interstitial change." is the CT's finding; "Chest X-ray: no interstitial change" is not)."""
    text = ex.text
    if needs.search(text, sent.start, sent.end):
        return True
    if not reach or ex.rules.investigations.find(text[sent.start : sent.end]):
        return False
    for prev in reversed(ex.sentences[max(0, sent.index - reach) : sent.index]):
        if prev.paragraph != sent.paragraph:
            return False
        if needs.search(text, prev.start, prev.end):
            return True
    return False


def _denied(sent: Sentence, le: TermMatch) -> bool:
    """Whether the sentence denies the lesion ``le`` ("no rash over the knuckles")."""
    said = sent.context.assert_target(le.start, le.end, _FINDING_CATS)
    return said.get("existence") == "NEGATED_EXISTENCE"


_INVOLVED_LIMBS = {"weakness_proximal_upper": "upper", "weakness_proximal_lower": "lower"}
_INVOLVED_REACH = 2  # sentences back, in the paragraph, to the weakness the involvement places


def _proximal_involvement(ex: Extraction) -> None:
    """issue #10 (i42r): the proximal muscles said to be the ones involved (rules/patterns.yaml
    ``proximal_involvement``: "Neurologically, proximal muscles are predominantly involved"),
    after the patient's weakness told earlier in the sentence or in one of the two sentences
    before it in the same paragraph ("She had slowly progressive limb muscle weakness for three
    years. She was thin on examination."):
    proximal weakness of the limbs that weakness named (both when it named neither), inferred.
    Not where a test shows the involvement (``involvement_by_test``: MRI, biopsy, EMG). The
    weakness's words: ``involvement_weakness``."""
    r = ex.rules
    text = ex.text
    for sent in ex.sentences:
        if not sent.patient:
            continue
        m = next(
            (
                hit
                for rx in r.value["proximal_involvement"]
                if (hit := rx.search(text, sent.start, sent.end)) is not None
            ),
            None,
        )
        if m is None or any(
            rx.search(text, sent.start, sent.end) for rx in r.value["involvement_by_test"]
        ):
            continue
        told = sent
        (weakness,) = r.value["involvement_weakness"]
        weak = weakness.search(text, sent.start, m.start())
        for back in range(sent.index - 1, max(-1, sent.index - 1 - _INVOLVED_REACH), -1):
            if weak is not None or ex.sentences[back].paragraph != sent.paragraph:
                break
            told = ex.sentences[back]
            weak = weakness.search(text, told.start, told.end)
        if weak is None or not told.patient:
            continue
        said = told.context.assert_target(weak.start(), weak.end(), _FINDING_CATS)
        if said.get("existence") == "NEGATED_EXISTENCE" or said.get("generic"):
            continue
        words = {w.casefold() for w in _WORD.findall(text[told.start : weak.end()])}
        named = {limb for limb, vocab in r.inference_limbs.items() if words & vocab}
        assertion = sent.context.assert_target(m.start(), m.end(), _FINDING_CATS)
        status, uncertain = _status(ex, sent, assertion, finding_time(ex, sent, m.start()))
        for code, limb in _INVOLVED_LIMBS.items():
            if not named or limb in named:
                _add_finding(
                    ex,
                    sent,
                    code,
                    status,
                    m.start(),
                    m.end(),
                    {"rule": "proximal_involvement"},
                    True,
                    uncertain,
                )


# issue #10 (i48w): the avoirdupois pound and stone in kilograms (Weights and Measures Act 1985,
# schedule 1: 1 lb = 0.45359237 kg exactly; 1 st = 14 lb)
_KG_PER_LB = 0.45359237
_LB_PER_STONE = 14
# a fall smaller than a pound (the coarsest unit a weight is written in) is the rounding of two
# units, not a loss: "78 kg" against "12 st 4 lb" (78.02 kg) is no change
_LEAST_FALL_KG = 0.5
_OWN_TIME_REACH = 30  # characters around the earlier weight whose stated time is that weight's


def _weight_kg(m: re.Match[str], unit_of_next: re.Match[str] | None) -> float | None:
    """An amount of ``weight_fall_amount`` in kilograms; a bare number ("71 -> 68 kg") takes
    the unit of the amount after its arrow. None when no unit is known."""
    value = float(m["value"].replace(",", "."))
    if m["kg"]:
        return value
    if m["lb"]:
        return value * _KG_PER_LB
    if m.end("value") < m.end():  # stones, with their pounds
        pounds = float(m["pounds"]) if m["pounds"] else 0.0
        return (value * _LB_PER_STONE + pounds) * _KG_PER_LB
    if unit_of_next is not None and unit_of_next.end("value") < unit_of_next.end():
        unit = _weight_kg(unit_of_next, None)
        if unit is not None:
            return value * unit / float(unit_of_next["value"].replace(",", "."))
    return None


def _weight_fall(ex: Extraction) -> None:
    """issue #10 (i48w): weight loss told by the numbers (rules/patterns.yaml ``weight_fall_*``):
    in a sentence that names the body's weight, an earlier weight and a later, lower one. The
    earlier is the first of two amounts joined by an arrow or "to" ("68 kg -> 63 kg", "from 68
    kg in June to 54 kg"), else the one told of an earlier time ("was 171 lb in August", "(2026-
    Jun: 66.0 kg)") against the other, or the other against one told of today ("84 kg today, 88
    kg at his 2025 assessment"). A gain, no change, or amounts whose order is not told record
    nothing. Inferred, at the later weight."""
    r = ex.rules
    text = ex.text
    noun, amount = r.one("weight_fall_noun"), r.one("weight_fall_amount")
    arrow, change = r.one("weight_fall_arrow"), r.one("weight_fall_change")
    then_before, then_after = r.one("weight_fall_then_before"), r.one("weight_fall_then_after")
    now = r.one("weight_fall_now")
    told = {d.sentence.index for d in ex.drafts if d.type == "finding" and d.code == "weight_loss"}
    for sent in ex.sentences:
        if sent.index in told or not sent.patient:
            continue  # a loss or a stable weight the sentence states in words stands
        if noun.search(text, sent.start, sent.end) is None:
            continue
        found = [
            m
            for m in amount.finditer(text, sent.start, sent.end)
            if not change.match(text[m.end() : sent.end])
        ]
        if len(found) < 2:
            continue
        pair: tuple[re.Match[str], re.Match[str]] | None = None
        for a, b in pairwise(found):
            if arrow.search(text[a.end() : b.start()]) and b.end("value") < b.end():
                pair = (a, b)
                break
        if pair is None:
            found = [m for m in found if m.end("value") < m.end()]  # units stated
            then: list[re.Match[str]] = []
            today: list[re.Match[str]] = []
            other: list[re.Match[str]] = []
            for i, m in enumerate(found):
                since = found[i - 1].end() if i else sent.start
                if today and today[-1] is found[i - 1]:
                    since = m.start()  # "84 kg today, 88 kg ...": that "today" was the last's
                after = text[m.end() : sent.end]
                if now.match(after) or now.search(text[max(since, m.start() - 15) : m.start()]):
                    today.append(m)
                elif then_before.search(text[since : m.start()]) or then_after.match(after):
                    then.append(m)
                else:
                    other.append(m)
            # the later weight is today's, else the one not told of an earlier time; the
            # earlier is the one told of an earlier time, else (against today's) the other
            earlier_ones = then or (other if today else [])
            later_ones = today or other
            if len(earlier_ones) != 1 or len(later_ones) != 1:
                continue
            pair = (earlier_ones[0], later_ones[0])
        earlier, latest = pair
        before_kg = _weight_kg(earlier, latest)
        after_kg = _weight_kg(latest, None)
        if before_kg is None or after_kg is None or before_kg - after_kg < _LEAST_FALL_KG:
            continue  # a gain or no change: no weight loss read
        start, end = min(earlier.start(), latest.start()), max(earlier.end(), latest.end())
        assertion = sent.context.assert_target(start, end, _FINDING_CATS)
        # the later weight's time: one the sentence states away from the earlier weight's
        # ("in August", "(2026-Jun: ...)" date the earlier one), else the note's day, not a
        # time the sentence inherits from a test told before it
        lo, hi = earlier.start() - _OWN_TIME_REACH, earlier.end() + _OWN_TIME_REACH
        own = [(abs(c - latest.start()), t) for c, t in sent.stated_times() if not lo <= c < hi]
        when = min(own, key=lambda x: x[0])[1] if own else INDEX
        status, uncertain = _status(ex, sent, assertion, when)
        _add(
            ex,
            Draft(
                "finding",
                "weight_loss",
                status,
                start,
                end,
                sent,
                when,
                {"rule": "weight_fall"},
                inferred=True,
                uncertain=uncertain,
            ),
        )


# issue #10 (i53f): the drugs that count as immunosuppression, from the one definition the
# pathway applies (knowledge/treatment_response.yaml classes: a glucocorticoid or a
# steroid-sparing agent; an antimalarial or a symptomatic drug does not count)
@cache
def _immunosuppressants() -> frozenset[str]:
    classes = raw("treatment_response")["classes"]
    return frozenset(
        drug.casefold() for c in classes if c["counts"] != "none" for drug in c["drugs"]
    )


_NO_RESPONSE_REACH = 4  # words of `treatment` that may come before the therapy's name


def _no_response_named(ex: Extraction) -> None:
    """issue #10 (i53f): a failed treatment told of a named immunosuppressant or of the treatment
    as a whole (rules/patterns.yaml ``no_response_named``: "no response to pred + MTX",
    "Despite three months of treatment, no improvement"; ``no_response_named_drug``:
    "refractory to glucocorticoids and rituximab", "worse despite prednisolone and IVIG")
    records no response to immunosuppression, read with the sentence's context as any finding.
    What failed must be named in the treatment's first words: an immunosuppressant (a treatments
    lexicon drug of ``_immunosuppressants``) or a word of ``no_response_therapy``, or, after
    ``no_response_named`` only, ``no_response_any_treatment``; "no response to chemotherapy",
    "to antibiotics" or "pneumonia deteriorated despite treatment" records nothing."""
    r = ex.rules
    text = ex.text
    therapy, any_treatment = r.one("no_response_therapy"), r.one("no_response_any_treatment")
    drugs = _immunosuppressants()
    cues = [(rx, True) for rx in r.value["no_response_named"]]
    cues += [(rx, False) for rx in r.value["no_response_named_drug"]]
    told = {
        (d.sentence.index, d.start)
        for d in ex.drafts
        if d.type == "finding" and d.code == "no_response_to_immunosuppression"
    }
    for sent in ex.sentences:
        for rx, loose in cues:
            for m in rx.finditer(text, sent.start, sent.end):
                lo, hi = m.span("treatment")
                head = " ".join(text[lo:hi].split()[: _NO_RESPONSE_REACH + 1])
                named = therapy.search(head) is not None
                named = named or (loose and any_treatment.search(head) is not None)
                named = named or any(
                    t.concept.casefold() in drugs or t.concept.casefold().split()[0] in drugs
                    for t in r.treatments.find(head)
                )  # "mycophenolate mofetil" is the knowledge file's "mycophenolate"
                if not named or any(s == sent.index and m.start() <= p < m.end() for s, p in told):
                    continue
                told.add((sent.index, m.start()))
                assertion = sent.context.assert_target(m.start(), m.end(), _FINDING_CATS)
                status, uncertain = _status(ex, sent, assertion, finding_time(ex, sent, m.start()))
                _add(
                    ex,
                    Draft(
                        "finding",
                        "no_response_to_immunosuppression",
                        status,
                        m.start(),
                        m.end(),
                        sent,
                        sent.time,
                        {"rule": "no_response_named"},
                        uncertain=uncertain,
                    ),
                )


def _began_before(
    ex: Extraction, sent: Sentence, le: TermMatch, blocked_days: list[date], told: int | None
) -> bool:
    """issue #10 (i41n): a lesion in a statement of the presentation (rules/patterns.yaml
    ``presentation_statement``: "First symptoms July 2026: rash on the eyelids and knuckles",
    "Diagnosed 30/09 by Dr X: rash on the knuckles since 2026/08") that the statement dates a
    month or more before every dated blocker ("Gottron's papules" at diagnosis or at the
    examination) is the presentation's own sign, beside the later papules: the notes'
    convention of 3 Dec 2026 (tests/data/notes/README.md) records it on its own date, an onset
    labelled with its month too ("Onset MAR26: rash over the knuckles", note 424's gold since
    5 Dec 2026; i33d had kept it out before that gold was aligned)."""
    if told is None or told > le.start:  # ``told``: statement_end, None without blockers' days
        return False
    began = finding_time(ex, sent, le.start).absolute
    return began is not None and began < shift_days(min(blocked_days), -31)


_DENIAL_REACH = 24  # characters before a site searched for the words that deny it


def _site_denied(ex: Extraction, sent: Sentence, le: TermMatch, si: TermMatch) -> bool:
    """issue #10 (i31e): the site is denied or set aside by the words just before it
    (rules/inference.yaml ``site_negators``, ``site_contrasts``): "weakness, not proximal in
    distribution", "fraqueza não proximal", "non-proximal weakness", "distal rather than proximal
    weakness"; a negator before a site that precedes its lesion ("no proximal weakness") denies
    the lesion instead, as the lesion's own assertion reads it. (Not asked of a rule whose
    site's denial denies the lesion: "Swallowing: no difficulty".)"""
    before = ex.text[max(sent.start, si.start - _DENIAL_REACH) : si.start]
    rules = ex.rules
    if rules.inference_site_contrast.search(before) or rules.inference_site_hyphen.search(before):
        return True
    return le.end <= si.start and bool(rules.inference_site_negator.search(before))


def _aside(ex: Extraction, si: TermMatch, le: TermMatch) -> bool:
    """issue #10 (i31e): only a denied or contrasted word stands between a site and the lesion
    after it, besides the linking words ("proximal, not distal, weakness", "proximal (rather
    than distal) muscle weakness")."""
    if le.start < si.end:
        return False
    m = ex.rules.inference_site_aside.match(ex.text, si.end, le.start)
    return m is not None and _bridged(ex, m.end(), le.start)


class _Spans:
    """Spans, to ask whether any overlaps [start, end) in log time (issue #10, hostile input:
    each site was tried against every finding of its sentence)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.furthest: list[int] = []  # the furthest end of the spans up to each
        for _, b in ordered:
            self.furthest.append(max(b, self.furthest[-1]) if self.furthest else b)

    def overlap(self, start: int, end: int) -> bool:
        """``any(a < end and start < b for a, b in spans)``."""
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.furthest[k - 1] > start


class _TokenWindow:
    """A sentence's sites by token, to give those within a lesion's reach in their order
    (issue #10, hostile input: every lesion was tried against every site of its sentence,
    quadratic; a pair further apart in tokens than the rule's gaps is never taken)."""

    def __init__(self, sent: Sentence, sites: list[TermMatch]) -> None:
        self.sent, self.sites = sent, sites
        toks = [sent.context.tok(si.start) for si in sites]
        self.order = sorted(range(len(sites)), key=lambda k: toks[k])
        self.toks = [toks[k] for k in self.order]

    def around(self, start: int, reach: int) -> list[TermMatch]:
        """The sites whose token is within ``reach`` tokens of the one at ``start``."""
        tok = self.sent.context.tok(start)
        i, j = bisect_left(self.toks, tok - reach), bisect_right(self.toks, tok + reach)
        return [self.sites[k] for k in sorted(self.order[i:j])]


def _cjk_site_heads(ex: Extraction, le: TermMatch, si: TermMatch) -> bool:
    """issue #10 (i10v): in Chinese and Japanese the site leads its own lesion, with no list or
    clause mark between ("上睑有暗红色皮疹": dark-red rash on the upper eyelids), as the
    linking words join an English lesion to the site after it."""
    return (
        si.end <= le.start
        and bool(_IS_CJK_CHAR.match(ex.text, le.start))
        and not _CJK_LIST_MARK.search(ex.text, si.end, le.start)
    )


def _site_qualified(
    ex: Extraction, sent: Sentence, rule: Any, le: TermMatch, si: TermMatch
) -> bool:
    """A site the rule accepts only with a qualifier ("fingers": dorsal, extensor) has one in
    the phrase from just before the lesion to the site."""
    if rule.site_not_muscle and _muscle_site(ex, sent, le, si, rule.site_not_muscle):
        return False
    not_of = rule.site_not_of.get(_APOSTROPHES.sub("'", si.text.casefold()))
    if not_of:
        after = _WORD.findall(ex.text[si.end : min(sent.end, si.end + 40)])[:4]
        if after and after[0].casefold() in _OF and any(w.casefold() in not_of for w in after[1:]):
            return False
    needs = rule.site_needs.get(si.text.casefold())
    if not needs:
        return True
    lo = max(sent.start, min(le.start, si.start) - 12)
    words = {w.casefold() for w in _WORD.findall(ex.text[lo : si.start])}
    return any(w in words for w in needs)


def _muscle_site(
    ex: Extraction, sent: Sentence, le: TermMatch, si: TermMatch, words: list[str]
) -> bool:
    """issue #10 (i46f): whether the site names muscles (rules/inference.yaml
    ``site_not_muscle``): a weakness word among the five words before it, after the lesion when
    the lesion stands first, or among the three after it, or a grade right after it."""
    lo = max(sent.start, si.start - 50, le.end if le.end <= si.start else sent.start)
    before = _WORD.findall(ex.text[lo : si.start])[-5:]
    tail = ex.text[si.end : min(sent.end, si.end + 30)]
    after = _WORD.findall(tail)[:3]
    return (
        any(w.casefold() in words for w in (*before, *after))
        or _GRADE_AFTER_SITE.match(tail) is not None
    )


# a muscle grade right after a site ("shoulders 4/5", "shoulders: MRC 4")
_GRADE_AFTER_SITE = re.compile(
    r"\s*[:(]?\s*(?:mrc\s*)?[0-5](?:\s*[+-])?(?:\s*/\s*5)?(?![\d.])", re.IGNORECASE
)


# issue #10 (i10v): "of" in the languages whose "extensor side of" rules/inference.yaml lists
# ("face d'extension des avant-bras", "cara extensora de los brazos", "Streckseite der Arme")
_OF = frozenset({"of", "de", "des", "du", "d", "da", "do", "das", "dos", "del", "della", "delle",
                 "degli", "dei", "der"})  # fmt: skip
_APOSTROPHES = re.compile(r"[’ʼ]")


# a verb of finding between a place and a lesion shares the lesion with the list before it
# ("双上眼睑、颈、躯干可见紫红色斑片": patches seen on the eyelids, neck and trunk)
_CJK_FOUND = re.compile(r"[见見有现現認认]")
_CJK_OWN_REACH = 8  # characters from a place to its own lesion: colour, 色, 性 and the like


def _cjk_placed_elsewhere(ex: Extraction, le: TermMatch, si: TermMatch) -> bool:
    """issue #10 (i10v): a Chinese or Japanese list item whose own place heads the lesion
    ("眼睑下垂、面部红斑": ptosis, facial erythema) does not take the site of an item before it."""
    if si.end > le.start or not _IS_CJK_CHAR.match(ex.text, le.start):
        return False
    marks = list(_CJK_LIST_MARK.finditer(ex.text, si.end, le.start))
    if not marks:
        return False
    item = ex.text[marks[-1].end() : le.start].strip()
    return (
        len(item) <= _CJK_OWN_REACH
        and not _CJK_FOUND.search(item)
        and any(item.startswith(w) for w in ex.rules.inference.own_site if _IS_CJK_CHAR.match(w))
    )


# issue #10 (i10az): the words that lead a lesion to its own place right after it ("weakness of
# her proximal quadriceps", "weakness in both thighs", "faiblesse des hanches")
# (issue #10, i37r: and the prepositions of a skin lesion's place, "..., and eroded plaques on
# the palmar fingertips", "over", "along", "sur", "sobre", "su": the plaques are not the
# knuckles' before the comma)
_OWN_PLACE_LEAD = re.compile(
    r"\s+(?:of|in|involving|affecting|de|des|du|da|do|das|dos|del|della|dei|degli|delle|der|im"
    r"|on|over|along|across|sur|sobre|su|auf)"
    r"\s+(?:(?:her|his|their|the|both|bilateral|la|las|los|le|les|os|as|i|gli|beiden)\s+)*",
    re.IGNORECASE,
)


def _own_place_after(ex: Extraction, sent: Sentence, le: TermMatch, si: TermMatch) -> bool:
    """issue #10 (i10az): a site before its lesion across a list's comma, when the lesion names
    its own place right after it, is the place of the finding before ("tenderness of her upper
    arms and thighs, and weakness of her proximal quadriceps": the arms are tender, not weak)."""
    if si.end > le.start or "," not in ex.text[si.end : le.start]:
        return False
    lead = _OWN_PLACE_LEAD.match(ex.text, le.end, sent.end)
    if lead is None:
        return False
    words = [w.casefold() for w in _WORD.findall(ex.text[lead.end() : sent.end])[:3]]
    return any(w in ex.rules.inference_site_words for w in words)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _next_to_lesion(ex: Extraction, sent: Sentence, own: list[str], le: TermMatch) -> bool:
    """issue #10 (i36l): another rule's lesion noun stands right against the lesion, before or
    after it with only spaces between ("violaceous plaques", "placas violáceas"): the lesion (a
    colour) is that noun's (rules/inference.yaml ``unless_next_to_lesion``)."""
    words = ex.rules.inference_lesion_words - {t.casefold() for t in own}
    after = _NEXT_WORD.match(ex.text, le.end, sent.end)
    before = _WORD_BEFORE.search(ex.text, max(sent.start, le.start - 40), le.start)
    return any(m is not None and m.group(1).casefold() in words for m in (after, before))


def _placed_elsewhere(
    ex: Extraction, sent: Sentence, lesions: list[str], le: TermMatch, si: TermMatch
) -> bool:
    """Whether a lesion before its site has a place of its own and another lesion stands
    between: "palmar papules and ulcers over the knuckles" (the knuckles are the ulcers')."""
    if le.end > si.start:
        return _cjk_placed_elsewhere(ex, le, si) or _own_place_after(ex, sent, le, si)
    r = ex.rules
    own = {term.casefold() for term in lesions}
    between = [w.casefold() for w in _WORD.findall(ex.text[le.end : si.start])]
    # issue #10 (i35r): the colours right after the lesion are its own, as the Romance languages
    # put them ("placas violáceas sobre os cotovelos"), not another lesion, though a rule reads
    # a colour as its lesion (heliotrope_from_eyelid_colour)
    own_colours = 0
    while own_colours < len(between) and between[own_colours] in r.inference_colour_words:
        own_colours += 1
    other = next(
        (
            k
            for k, w in enumerate(between)
            if k >= own_colours and w in r.inference_lesion_words and w not in own
        ),
        None,
    )
    if other is None:
        return False
    before = [
        w.casefold() for w in _WORD.findall(ex.text[max(sent.start, le.start - 25) : le.start])
    ]
    phrase = before[-2:] + between[:other]
    return any(w in r.inference_site_words for w in phrase)


def _apply_pair(
    ex: Extraction,
    sent: Sentence,
    rule: Any,
    le: TermMatch,
    si: TermMatch,
    colours: list[TermMatch],
) -> bool:
    """Add the finding an inference rule draws from one lesion/site pair. Returns False when
    the pair lacks the colour the rule needs (the next pair may have it), True otherwise."""
    start, end = min(le.start, si.start), max(le.end, si.end)
    gap_start, gap_end = min(le.end, si.end), max(le.start, si.start)
    # (i24b: searched in the text, a little past the gap: the 以 frame ends after the site)
    mark = _CJK_CLAUSE_MARK.search(ex.text, gap_start, gap_end + _CJK_FRAME_REACH)
    if _IS_CJK_CHAR.search(ex.text, start, end) and mark and mark.start() < gap_end:
        return False  # issue #10 (i10s): "远端肌力下降，近端正常": another clause's site
    infers = [str(c) for c in rule.infers]
    if rule.limbs:
        # (i42r: "proximal lower extremity and distal upper extremity weakness": the limbs
        # named before the distal site's conjunction)
        cut = _other_site_cut(ex, si, le)
        named = _limbs_named(ex, sent, start, end if cut is None else cut)
        limb_of = {str(c): limb for c, limb in rule.limbs.items()}
        if named:
            infers = [c for c in infers if limb_of.get(c) in (None, *named)]
        elif _possessive_before(ex.text, sent.start, start):
            # issue #10 (i30e): "his proximal muscle weakness progressed" takes back the weakness
            # described before it; where that named its limbs ("proximal upper extremity
            # weakness" on exam), the back-reference adds no other limb
            earlier = {
                d.code
                for d in ex.drafts
                if d.type == "finding"
                and d.code in limb_of
                and d.status == "present"
                and d.start < start
                and not d.inferred
            }
            if earlier:
                infers = [c for c in infers if c in earlier or c not in limb_of]
        if not infers:
            return True
    # a colour qualifies the lesion of its own phrase: "periorbital oedema, and a
    # violaceous rash on her arms" is not a violaceous periorbital lesion
    colours = [c for c in colours if _qualifies(ex, sent, c, le)]
    if colours:
        near = min(colours, key=lambda c: abs(c.start - le.start))
        start, end = min(start, near.start), max(end, near.end)
    # (i31e: the "not" of an aside between the site and its lesion is the aside's: "proximal,
    # not distal, weakness")
    aside = frozenset(range(si.end, le.start)) if _aside(ex, si, le) else frozenset()
    assertion = sent.context.assert_target(le.start, le.end, _FINDING_CATS, skip=aside)
    assertion = _own_item_assertion(  # i10ao: the lesion and its site make the item's term
        ex, sent, min(le.start, si.start), max(le.end, si.end), assertion
    )
    status, uncertain = _status(ex, sent, assertion, finding_time(ex, sent, le.start))
    if rule.denied_by_site and status == "present":
        trouble = sent.context.assert_target(si.start, si.end, _FINDING_CATS)
        if trouble.get("existence") == "NEGATED_EXISTENCE":
            status = "absent"  # "Swallowing: no difficulty", "Schlucken: keine Beschwerden"
    if rule.only_denied and status != "absent":
        return True  # i44f: "? early interstitial change" affirms no ILD of its own
    colour_free = le.text.casefold() in {w.casefold() for w in rule.colour_optional}
    if rule.colour and not colours and not colour_free and status != "absent":
        return False  # oedema at the site, colour not described: not enough to name it
    if rule.unless_near and _near_any(
        ex, sent, le, rule.unless_near, rule.max_gap, in_phrase=rule.unless_near_in_phrase
    ):
        return True  # "erythematous papules over the knuckles": the papules are the sign
    if rule.unless_colour and _dark_colour_before(ex, sent, le, rule):
        return True  # "bluish-black discoloration on her elbows": a pigmentary change
    # (issue #10, i44f: and a statement of a past date, "CT 28/05/2025: lungs clear" in a
    # note of 2026: it was absent on that day, never present)
    if rule.asserts == "absent" and status in ("present", "historical"):
        normal_word = sent.context.assert_target(si.start, si.end, _FINDING_CATS)
        if normal_word.get("existence") == "NEGATED_EXISTENCE":
            return True  # "swallowing not ok", "swallow is not normal": not a normal swallow
        status = "absent"  # "swallowing is normal"
    value: dict[str, Any] = (
        {"rule": rule.id, "symptom": True, "criterion": False}
        if rule.symptom
        else {"rule": rule.id}
    )
    when = finding_time(ex, sent, le.start)
    if status == "historical" and _status(ex, sent, assertion, when, dated=False)[0] in (
        "present",
        "absent",
    ):
        value["dated_old"] = True  # old only by its date: may be this illness's start
    for code in infers:
        _add_finding(ex, sent, code, status, start, end, dict(value), True, uncertain)
    return True


def _add_finding(
    ex: Extraction,
    sent: Sentence,
    code: str,
    status: FactStatus,
    start: int,
    end: int,
    value: dict[str, Any],
    inferred: bool,
    uncertain: bool,
) -> None:
    """Add a finding read at [start, end) of ``sent``, at the sentence's time (see _add)."""
    _add(
        ex,
        Draft(
            "finding",
            code,
            status,
            start,
            end,
            sent,
            sent.time,
            value,
            inferred=inferred,
            uncertain=uncertain,
        ),
    )


_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# a limb phrase is read to the left over limb words and their glue, and to the right only through
# a complement ("... of both upper and lower limbs", "... in the lower extremities")
_LIMB_GLUE = frozenset(
    {"and", "both", "bilateral", "bilaterally", "symmetric", "symmetrical", "symmetrically",
     "proximal", "muscle", "muscles", "muscular", "limb", "limbs", "extremity", "extremities",
     "girdle", "girdles", "the", "of", "in", "her", "his", "their", "predominantly", "mainly",
     "part", "parts", "aspect", "aspects"}
)  # fmt: skip
# issue #10 (i10i): the same glue in Portuguese, Spanish and French ("cinturas pélvica e
# escapular", "membros superiores e inferiores", "ceintures scapulaire et pelvienne")
_LIMB_GLUE |= frozenset(
    {"e", "y", "et", "de", "da", "das", "do", "dos", "del", "des", "du", "membros", "miembros",
     "membres", "cintura", "cinturas", "ceinture", "ceintures", "ambos", "ambas", "deux"}
)  # fmt: skip
# issue #10 (i10p): the glue in the languages of rules/languages.yaml: "muscles", "limbs" and
# "girdle" nouns, "and", "both", articles ("osłabienie mięśni proksymalnych kończyn dolnych",
# "proximale Muskelschwäche der Arme und Beine", "slabost svalů horních i dolních končetin")
_LIMB_GLUE |= frozenset(
    {"der", "des", "und", "beider", "muskeln", "muskulatur", "extremitäten", "mięśni", "kończyn",
     "kończyny", "obręczy", "obu", "i", "oraz", "svalů", "svalov", "končetin", "končatín", "a",
     "obou", "izmok", "izmainak", "végtagok", "végtagi", "végtag", "mindkét", "és", "muscoli",
     "arti", "muşchilor", "mușchilor", "membrelor", "ambelor", "și", "spieren", "ledematen",
     "beide", "en", "muskler", "musklerna", "extremiteter", "båda", "och", "og", "мышц",
     "конечностей", "обеих", "и", "м'язів", "кінцівок", "мишици", "крайници", "mišića",
     "ekstremiteta", "udova", "kas", "ekstremite", "ve", "μυών", "άκρων", "και", "otot",
     "ekstremitas", "anggota", "gerak", "kedua", "dan", "cơ", "chi", "hai", "bên", "và"}
)  # fmt: skip
# the nouns and articles of those languages that stand between a postposed limb and its head
_POSTPOSED_GLUE = frozenset(
    {"der", "des", "beider", "muskeln", "muskulatur", "mięśni", "kończyn", "obu", "svalů",
     "svalov", "končetin", "končatín", "obou", "izmok", "végtagok", "végtagi", "muscoli", "arti",
     "muşchilor", "mușchilor", "membrelor", "spieren", "ledematen", "muskler", "мышц",
     "конечностей", "м'язів", "кінцівок", "mišića", "udova", "ekstremiteta", "μυών", "άκρων",
     "otot", "ekstremitas", "anggota", "gerak", "cơ", "chi", "hai", "конечностях",
     # the prepositions "in/of/on" of those languages before the limb
     "an", "im", "w", "we", "v", "ve", "в", "во", "на", "u", "agli", "degli", "ai", "dei",
     "των", "στα", "pada", "di", "kedua", "ở", "i"}
)  # fmt: skip
_COMPLEMENT = re.compile(
    # (issue #10, i10ag: and the muscles' noun, "reduced power of the proximal muscles of the legs")
    r"\s*(?:(?:parts?|aspects?|muscles?|muscle\s+groups?)\s+)?(?:of|in|involving|affecting)\s"
    # (issue #10, i30r: "of/in" in Spanish, Portuguese and French, "debilidad proximal de las
    # extremidades inferiores", "fraqueza proximal dos membros inferiores")
    r"|\s*(?:de|del|en|da|das|do|dos|em|na|nas|nos|des|du|aux)\s",
    re.IGNORECASE,
)
# (issue #10, i30r: and their articles and the limbs' nouns, "de las extremidades inferiores")
_POSTPOSED_GLUE |= frozenset(
    {"de", "del", "la", "las", "los", "el", "en", "da", "das", "do", "dos", "em", "na", "nas",
     "no", "nos", "as", "os", "des", "du", "les", "aux", "extremidades", "extremidade",
     "extrémités", "miembros", "membros", "membres"}
)  # fmt: skip
_LIMB_REACH = 8
# issue #10 (i10az): German writes the second of two compounds by its second half after a hyphen
# ("Oberarme und -schenkel", "Ober- und Unterarme"); "and"/"or" before that hyphen. And its
# "parts/aspects" of the limbs ("in den proximalen Aspekten der oberen Extremitäten"), as the
# English glue "aspects" above; verified U
_COMPOUND_ELLIPSIS_AND = frozenset({"und", "oder", "sowie"})
_LIMB_GLUE |= frozenset({"aspekten", "anteilen", "abschnitten", "den"})
_POSTPOSED_GLUE |= frozenset({"aspekten", "anteilen", "abschnitten", "den", "dem"})
_LABEL_LIMB = re.compile(
    # (a comma, a dash or a bracket before the limb: "proximal weakness - legs", "(arms)")
    r"\s*(?:,|\s[-–—]|\()\s*(?P<tail>[^\W\d_][^,;:()\d]{0,40}?)\s*\)?\s*"
    r"(?:\b(?:absent|present)\s*)?(?:$|[;:(])"
)


_COLOUR_REACH = 4
_CJK_COLOUR_REACH = 8  # characters: a colour, 色, and a qualifier or two ("水肿性", "萎缩性")
_CJK_LIST_MARK = re.compile(r"[、，；。,;]")


def _qualifies(ex: Extraction, sent: Sentence, colour: TermMatch, lesion: TermMatch) -> bool:
    """Whether a colour word belongs to the lesion's phrase: close, and no comma between."""
    if colour.start < lesion.end and lesion.start < colour.end:
        return True  # "erythema" is both
    a, b = min(colour.end, lesion.end), max(colour.start, lesion.start)
    # (issue #10, i31p: the distance first, so the gap searched for a comma is a short one)
    # issue #10 (i10v): Chinese and Japanese count each character as a token; a colour there
    # qualifies the lesion of its own run of characters up to a list or clause mark
    # ("淡紫红色水肿性斑片": pale purple-red oedematous patches)
    if _IS_CJK_CHAR.match(ex.text, lesion.start) and _IS_CJK_CHAR.match(ex.text, colour.start):
        near = b - a <= _CJK_COLOUR_REACH and not _CJK_LIST_MARK.search(ex.text, a, b)
    else:
        near = abs(sent.context.tok(colour.start) - sent.context.tok(lesion.start)) <= _COLOUR_REACH
    return near and _LIST_COMMA.search(ex.text, a, b) is None


def _near_any(
    ex: Extraction,
    sent: Sentence,
    le: TermMatch,
    words: list[str],
    gap: int,
    *,
    in_phrase: bool = False,
) -> bool:
    """Whether one of ``words`` stands within ``gap`` tokens of the lesion in its sentence (and,
    ``in_phrase``, with no list comma or semicolon between them)."""
    lo = sent.context.tok(le.start)
    # issue #10 (i10v): a CJK word has no spaces round it: found inside the lesion's clause
    # ("指关节伸侧紫红色丘疹及斑片": papules and patches over the finger joints)
    cjk = [w for w in words if _IS_CJK_CHAR.match(w)]
    if cjk:
        marks = list(_CJK_CLAUSE_MARK.finditer(ex.text, sent.start, le.start))
        after = _CJK_CLAUSE_MARK.search(ex.text, le.end, sent.end)
        clause = ex.text[
            marks[-1].end() if marks else sent.start : after.start() if after else sent.end
        ]
        if any(w in clause for w in cjk):
            return True
    for m in re.finditer(r"[^\W\d_]+", ex.text[sent.start : sent.end]):
        if (
            m.group().casefold() in words
            and abs(sent.context.tok(sent.start + m.start()) - lo) <= gap
            # a word denied is not there: "rash over the knuckles (flat, no papules)"
            and not _DENIED_BEFORE.search(ex.text, sent.start, sent.start + m.start())
            and not (
                in_phrase and _apart(ex.text, sent.start + m.start(), sent.start + m.end(), le)
            )
        ):
            return True
    return False


def _apart(text: str, start: int, end: int, le: TermMatch) -> bool:
    """issue #10 (i36l): a list comma or semicolon stands between the word at [start, end) and
    the lesion, outside a bracket the word opens ("Gottron's papules (raised, scaly plaques over
    the knuckles)": the plaques gloss the papules)."""
    a, b = min(le.end, end), max(le.start, start)
    between = text[a:b]
    if end <= le.start and between.rfind("(") > between.rfind(")"):
        return False
    return _LIST_COMMA.search(between) is not None


def _dark_colour_before(ex: Extraction, sent: Sentence, le: TermMatch, rule: Any) -> bool:
    """Whether the two words right before the lesion name one of the rule's non-red colours and
    none of its red ones (issue #10, i30e)."""
    before = [w.casefold() for w in _last_words(ex.text, sent.start, le.start, 2)]
    return any(w in rule.unless_colour for w in before) and not any(
        w in rule.unless_colour_but for w in before
    )


def _last_words(text: str, lo: int, hi: int, n: int) -> list[str]:
    """The last ``n`` words (runs of letters) of text[lo:hi], read from a window before ``hi``
    that widens until it holds a word more than asked (the first may be cut) or reaches ``lo``:
    not every word of a long sentence for each lesion (issue #10, i31p)."""
    width = 64
    while True:
        start = max(lo, hi - width)
        words = _LETTERS.findall(text, start, hi)
        if start == lo or len(words) > n:
            return words[-n:] if n else []
        width *= 4


def _possessive_before(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] ends in a possessive and white space ("his ", "the patient's "):
    the white space walked back, the word read in a window of its length (issue #10, i31p: not a
    search of the whole sentence before each pair)."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end == hi:
        return False
    return _POSSESSIVE_WORD.search(text, max(lo, end - _POSSESSIVE_CHARS), end) is not None


_LETTERS = re.compile(r"[^\W\d_]+")
_LIST_COMMA = re.compile(r"[,;]")
_POSSESSIVE_WORD = re.compile(r"\b(?:his|her|their|the patient's)$", re.IGNORECASE)
_POSSESSIVE_CHARS = len("the patient's")
_DENIED_BEFORE = re.compile(r"\b(?:no|not|without|non|nor)\W+(?:\w+\W+)?$", re.IGNORECASE)


def _bridged(ex: Extraction, a: int, b: int, colours: list[TermMatch] = ()) -> bool:  # type: ignore[assignment]
    """Whether every word between characters a and b is a linking word (rules' bridge list) or
    one of ``colours`` (the colour terms found in the sentence)."""
    text = ex.text[a:b]
    for c in colours:
        if a <= c.start and c.end <= b:
            text = text[: c.start - a] + " " * (c.end - c.start) + text[c.end - a :]
    words = _WORD.findall(text)
    return all(w.casefold() in ex.rules.inference_bridge for w in words)


def _other_site_cut(ex: Extraction, si: TermMatch, le: TermMatch) -> int | None:
    """issue #10 (i42r): where a second site with its own qualifier (rules/inference.yaml
    ``other_site_qualifiers``) is coordinated between the site ``si`` and the lesion ``le``
    after it, every other word between them a linking word ("proximal lower extremity and
    distal upper extremity weakness"): the conjunction's start, up to which the first site's
    limbs are named; None otherwise."""
    if si.end > le.start:
        return None
    m = ex.rules.inference_other_site.search(ex.text, si.end, le.start)
    if m is None or not _bridged(ex, si.end, m.start()) or not _bridged(ex, m.end(), le.start):
        return None
    return m.start()


def _limbs_named(ex: Extraction, sent: Sentence, start: int, end: int) -> set[str]:
    """The limbs ("upper", "lower") the phrase around [start, end) names."""
    text = ex.text
    limb_words = ex.rules.inference_limbs
    every = frozenset().union(*limb_words.values()) | _LIMB_GLUE
    pieces = [text[start:end].casefold()]
    left = [w.casefold() for w in _WORD.findall(text[sent.start : start])]
    taken: list[str] = []
    for w in reversed(left[-_LIMB_REACH:]):
        if w not in every:
            break
        taken.append(w)
    pieces.extend(taken)
    after = _WORD.findall(text[end : sent.end])[:_LIMB_REACH]
    # issue #10 (i10i): a limb adjective after its noun ("cintura pélvica", "ceinture scapulaire")
    postposed = bool(after) and any(after[0].casefold() in v for v in limb_words.values())
    # issue #10 (i10p): or after the muscle and limb nouns of another language only
    # ("... proksymalnych kończyn dolnych", "... der Beine"; not "... and lower limb oedema")
    lead = [w.casefold() for w in after[:3]]
    first = next((k for k, w in enumerate(lead) if w not in _POSTPOSED_GLUE), None)
    postposed = postposed or (
        first is not None and first > 0 and any(lead[first] in v for v in limb_words.values())
    )
    # issue #10 (i10ag): a form's label names its limb after a comma ("proximal weakness, arms
    # ...... 1", "debilidad proximal, piernas"): only limb words to the label's end
    label = _LABEL_LIMB.match(text, end, sent.end)
    if label is not None:
        tail = [w.casefold() for w in _WORD.findall(label.group("tail"))]
        if tail and all(w in every for w in tail):
            pieces.extend(tail)
    if _COMPLEMENT.match(text, end) or postposed:
        for k, w in enumerate(after):
            w = w.casefold()
            if w == "-" and k and after[k - 1].casefold() in _COMPOUND_ELLIPSIS_AND:
                continue  # (i10az) "Oberarme und -schenkeln": the compound's second half
            if w not in every and w not in _POSTPOSED_GLUE:
                break
            pieces.append(w)
    words = {w for piece in pieces for w in _WORD.findall(piece)}
    named = {limb for limb, vocab in limb_words.items() if words & vocab}
    # issue #10 (i10s): CJK limb words run into their neighbours ("双下肢近端乏力"): found as
    # substrings of the phrase's clause (from the last clause mark before it to the phrase's end)
    if _IS_CJK_CHAR.search(text, start, end):
        marks = list(_CJK_CLAUSE_MARK.finditer(text, sent.start, start))
        clause = text[marks[-1].end() if marks else sent.start : end]
        named |= {
            limb
            for limb, vocab in limb_words.items()
            if any(_IS_CJK_CHAR.match(w) and w in clause for w in vocab)
        }
    return named


# issue #10 (i10s): the marks that end a clause in Chinese and Japanese ("、" only lists);
# (i24b) not the comma that opens the clause placing what precedes it, "以X为主/为著/明显"
# ("肌力下降，以四肢近端为著": the same weakness, proximal; the same frame as the Chinese comma's
# exception in rules/context.yaml)
_CJK_CLAUSE_MARK = re.compile(
    r"[，,](?!以[^，,。；;\n]{1,12}?(?:[为為](?:主|著|甚|重)|明[显顯]))|[；。;]"
)
_CJK_FRAME_REACH = 16  # the frame's characters after the comma: 以, up to 12, 为主
_IS_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


_LABEL_AFTER = re.compile(r"^[^.;()]{0,40}\(\s*$")


def _morphology_over_label(ex: Extraction) -> None:
    """ "Raised violaceous papules over the knuckles (Gottron's sign)": the authors' label in
    brackets names the lesion just described; the EULAR/ACR items go by the morphology
    (papules are raised, the sign is flat), so the label gives way to the described papules."""
    papules = [
        d for d in ex.drafts if d.type == "finding" and d.code == "gottron_papules" and d.inferred
    ]
    for d in list(ex.drafts):
        if d.type != "finding" or d.code != "gottron_sign" or d.inferred:
            continue
        described = [
            p
            for p in papules
            if p.sentence is d.sentence
            and p.end <= d.start
            and _LABEL_AFTER.match(ex.text[p.end : d.start])
        ]
        if described:
            ex.drafts.remove(d)
            ex.warn(
                f"'{ex.text[d.start : d.end]}' labels papules described just before it: recorded "
                "as Gottron's papules (the sign is flat, papules are raised; EULAR/ACR glossary)"
            )
    _unqualified_gottron_lesion(ex)


def _restated_diagnosis(ex: Extraction) -> None:
    """issue #10 (i50f): a finding a test shows (lexicon.yaml ``findings_shown_by``: an ILD on a
    chest CT), reported present on such a test in the note, is that test's finding; the same
    finding named present in a sentence that names none of those tests ("antisynthetase syndrome
    with ILD" in the diagnosis, the impression, a problem list or a referral) is the diagnosis
    restated, not a finding of that sentence's day: left out. A note that reports no such test
    keeps its statements as they are."""
    text = ex.text
    for code, tests in ex.rules.lexicon.findings_shown_by.items():
        shown_by = {str(t) for t in tests}
        stated = [
            d for d in ex.drafts if d.type == "finding" and d.code == code and d.status == "present"
        ]
        on_test = {
            id(d)
            for d in stated
            if any(
                m.concept in shown_by
                for m in ex.rules.investigations.find(text, d.sentence.start, d.sentence.end)
            )
        }
        if not on_test:
            continue
        for d in stated:
            if id(d) not in on_test:
                ex.drafts.remove(d)


# issue #10 (i12c): the words of a Gottron sign term that name the sign itself; a term without
# one is an unqualified lesion ("Gottron's lesions", "lésions de Gottron"; rules/languages.yaml)
_SIGN_WORD = re.compile(
    r"sign|zeich|znak|znam|p[řr][íi]znak|symptom|tek|tegn|tand|merk|jel|semn|segn|señal|sinal"
    r"|objaw|симптом|знак|σημεί|徴|征|症|징후"
    # (issue #10, i16a: and the sign nouns of the languages added since: Basque "zeinu",
    # Kazakh "белгі", Mongolian "шинж" (i16a), Hebrew, Arabic, Persian, Urdu, Hindi, Bengali,
    # Georgian, Armenian (i14c); a Gottron sign named with one of them beside papules named
    # elsewhere is the sign, as in English)
    r"|zeinu|белгі|шинж|סימן|علامة|علامت|نشانه|سائن|साइन|चिह्न|चिन्ह|लक्षण|সাইন|চিহ্ন|ნიშან|նշան",
    re.IGNORECASE,
)


def _unqualified_gottron_lesion(ex: Extraction) -> None:
    """issue #10 (i12c): an unqualified Gottron lesion is the flat sign only when the note
    describes no Gottron's papules; where it does ("Erythematous papules over the MCP joints"
    on examination, "heliotrope and Gottron lesions" in the assessment), the lesion is those
    papules named loosely, as inference.yaml's gottron_sign_flat_lesion_over_joints reads an
    unqualified rash over the joints (unless_found)."""
    papules = any(
        d.type == "finding" and d.code == "gottron_papules" and d.status == "present"
        for d in ex.drafts
    )
    if not papules:
        return
    for d in list(ex.drafts):
        if d.type != "finding" or d.code != "gottron_sign" or d.inferred:
            continue
        if _SIGN_WORD.search(ex.text, d.start, d.end) is None:
            ex.drafts.remove(d)
