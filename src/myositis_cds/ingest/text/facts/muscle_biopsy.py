"""Muscle biopsy: the features a myositis biopsy reports (perifascicular atrophy,
inflammatory cells and where they lie …), or a normal biopsy."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from myositis_cds.ingest.text._context import Assertion
from myositis_cds.ingest.text._draft import (
    _FINDING_CATS,
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
)
from myositis_cds.ingest.text._rules import TermMatch

# the sample a muscle-only feature was seen in: a biopsy, or (issue #10, i10k) skeletal muscle
# sampled otherwise, at post-mortem or at surgery ("Skeletal muscle (left vastus lateralis):
# perifascicular atrophy ...", "muscle sample: ...")
_ANY_BIOPSY = re.compile(
    r"\bbiops(?:y|ies)\b|\bskeletal\s+muscle\b|\bmuscle\s+(?:samples?|specimens?|tissue)\b",
    re.IGNORECASE,
)
_MUSCLE_ONLY = frozenset({"perifascicular_atrophy", "rimmed_vacuoles", "endomysial_infiltrate"})
# issue #10 (i42r): a histological examination named without the word biopsy ("the diagnosis
# was based on histological findings, which showed ... infiltration ... in the endomysium and
# perimysium"), and the muscle's own connective tissue: inflammatory cells placed there by a
# histology are a muscle biopsy's (report ak13; English, written by us, verified U)
_HISTOLOGY = re.compile(r"\bhisto(?:patho)?log(?:y|ical|ic)\b", re.IGNORECASE)
_MUSCLE_TISSUE = re.compile(r"\b(?:endomys|perimys)\w*", re.IGNORECASE)


# Inflammatory cells placed in the muscle, the places coordinated before the cells: "perivascular
# and endomysial T-lymphocytes", "endomysial CD8+ T cells", "perimysial mononuclear cells".
_PLACE = r"(?:endomysial|perimysial|perivascular|endomysium|perimysium)"
_PLACED_CELLS = re.compile(
    rf"\b(?P<places>{_PLACE}(?:\s*(?:,|/|and|or|,\s*and)\s*{_PLACE})*)\s+"
    r"(?:[\w+-]+\s+){0,2}?"
    r"(?:t[- ]?lymphocytes|lymphocytes|t[- ]?cells|mononuclear cells|inflammatory cells|"
    r"macrophages|histiocytes|lymphocytic|mononuclear|inflammatory|"
    # "perivascular interstitial infiltration of ...", "perimysial focal infiltrates"; issue #10
    # (lead, heldout_x): "mild perimysium and endomysium inflammation" (report z14)
    r"infiltrat(?:e|es|ion|ions)|inflammation)\b",
    re.IGNORECASE,
)
# the place after the cells: "an inflammatory (mononuclear) infiltrate mainly in the perimysium
# and focally endomysial", "lymphocytes within the endomysium"
_ADVERB = r"(?:(?:mainly|focally|predominantly|mostly|also|partly|both|chiefly|largely)\s+)?"
_PLACED_AFTER = re.compile(
    r"\b(?:infiltrat\w*|inflammation|lymphocytes|t[- ]?cells|inflammatory cells|mononuclear cells"
    r"|macrophages)\b(?:\s*\([^()]{0,30}\))?\s+(?:(?!no\b|not\b|without\b)[\w-]+\s+){0,2}?"
    # (issue #10, lead: "inflammation of the perimysium and endomysium")
    rf"(?:in|within|around|involving|of)\s+(?:the\s+)?(?P<places>{_ADVERB}{_PLACE}"
    rf"(?:\s*(?:,|/|and|or|,\s*and)\s*{_ADVERB}(?:the\s+)?{_PLACE})*)",
    re.IGNORECASE,
)
_PERIVASCULAR_BEFORE = re.compile(r"\bperivascular\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_PLACE_FEATURE = {
    "endomysial": "endomysial_infiltrate",
    "endomysium": "endomysial_infiltrate",
    "perimysial": "perimysial_perivascular_infiltrate",
    "perimysium": "perimysial_perivascular_infiltrate",
    "perivascular": "perimysial_perivascular_infiltrate",
}


# --- issue #10 (i11b): the same grammar in every language the extractor reads, by stems: a
# place of the EULAR/ACR 2017 biopsy items (endomysium, perimysium, around the vessels, or the
# glossary's own "surrounding ... myofibres") within three words of an inflammatory cell or
# infiltrate word, in either order ("infiltrats lymphocytaires endomysiaux", "infiltrado
# inflamatorio endomisial", "endomysiale Lymphozyteninfiltrate", "perivaskuläre lymphozytäre
# Infiltrate", "эндомизиальная лимфоцитарная инфильтрация", "mononuclear cells surrounding but
# not invading myofibres"). Source: the glossary's item wording and each language's Latin-rooted
# pathology terms (endomysium, perimysium, perivascular; lymphocyte, macrophage, infiltrate);
# verified U. Begin
_PLACE_STEMS = {
    "endomysial_infiltrate": r"endomys\w*|endomis\w*|endomyzj\w*|endomizi\w*|эндомизи\w*"
    r"|ендомізі\w*|śródmięsn\w*"
    # the glossary's "surrounding, but not invading, myofibres"
    r"|(?:surrounding|around|encircling|entourant|autour\s+des|alrededor\s+de\s+las|rodeando"
    r"|attorno\s+alle|ao\s+redor\s+das|um\s+die)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:myofib\w*|muscle\s+fib\w*|fib(?:re|er|ra)s?|fibres\s+musculaires"
    r"|fibras\s+musculares|fibre\s+muscolari|muskelfasern|fasern)",
    "perimysial_perivascular_infiltrate": r"perimys\w*|perimis\w*|perimüs\w*|perimyzj\w*"
    r"|перимизи\w*|perivas[ck]\w*|périvascul\w*|perivaskul\w*|perivascol\w*|okołonaczyni\w*"
    r"|периваскул\w*|періваскул\w*",
}
_CELL_STEM = (
    r"(?:infiltr\w*|инфильтр\w*|інфільтр\w*|naciek\w*|\w*lymph\w*|\w*lymfo\w*|\w*linfo\w*"
    r"|\w*limfo\w*|\w*lymphozyt\w*|лимфоцит\w*|лімфоцит\w*|macrophag\w*|makrofag\w*"
    r"|macrófag\w*|macrofag\w*|makrophag\w*|mononucl\w*|mononukl\w*|mononucle\w*"
    r"|cd(?:4|8|68)\+?|t[- ]?cells?|plasma\s+cells?|inflammatory\s+cells?)"
)
_PLACE_ANY = "|".join(f"(?P<{k[:4]}>{v})" for k, v in _PLACE_STEMS.items())
_PLACED_ANY = re.compile(
    rf"(?:\b(?:{_PLACE_ANY})\b(?:[\s,/-]+(?!no\b|not\b|without\b|sans\b|sin\b|ohne\b)"
    rf"[\w+-]+){{0,2}}?[\s,/-]+{_CELL_STEM}\b"
    rf"|\b{_CELL_STEM}(?:[\s,/()-]+(?!no\b|not\b|without\b|sans\b|sin\b|ohne\b)[\w+()-]+){{0,2}}?"
    rf"[\s,/()-]+(?:in\s+(?:the\s+)?|dans\s+l['’]|en\s+el\s+|im\s+|nell['’]|no\s+)?"
    rf"(?:{_PLACE_ANY.replace('?P<endo>', '?P<endo2>').replace('?P<peri>', '?P<peri2>')})\b)",
    re.IGNORECASE,
)
_GROUP_FEATURE = {
    "endo": "endomysial_infiltrate",
    "endo2": "endomysial_infiltrate",
    "peri": "perimysial_perivascular_infiltrate",
    "peri2": "perimysial_perivascular_infiltrate",
}
# --- issue #10 (i11b): end


def _placed_cells(text: str, start: int, end: int) -> list[TermMatch]:
    """Infiltrate features said as cells at their place (see _PLACED_CELLS)."""
    out = []
    for m in _PLACED_ANY.finditer(text, start, end):
        if _PERIVASCULAR_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue  # "perivascular inflammation within the endomysium" (below)
        for group, code in _GROUP_FEATURE.items():
            if m.group(group):
                out.append(TermMatch(m.start(), m.end(), code, m.group()))
    after = [
        m
        for m in _PLACED_AFTER.finditer(text, start, end)
        # "perivascular inflammation within the endomysium": the vessels are in the endomysium,
        # the cells around them (the perivascular item), not around the myofibres
        if not _PERIVASCULAR_BEFORE.search(text, max(start, m.start() - 30), m.start())
    ]
    for m in [*_PLACED_CELLS.finditer(text, start, end), *after]:
        places = re.findall(_PLACE, m.group("places"), re.IGNORECASE)
        for code in dict.fromkeys(_PLACE_FEATURE[p.casefold()] for p in places):
            out.append(TermMatch(m.start(), m.end(), code, m.group()))
    return out


# issue #10: a muscle biopsy reported normal as a whole ("Muscle biopsy from the biceps was
# normal", "an unremarkable muscle biopsy"); not "normal fibres with perifascicular atrophy"
# (a feature named: read as such) nor "non-diagnostic"
_NORMAL_BIOPSY = re.compile(
    r"\b(?:was|were|is|came back|returned|proved|revealed|showed)\s+(?:entirely\s+|completely\s+)?"
    r"(?:normal|unremarkable)\b|\b(?:normal|unremarkable)\s+(?:muscle\s+)?biops"
    r"|\bno\s+(?:significant\s+)?(?:abnormalit(?:y|ies)|patholog(?:y|ical changes))\b"
    # issue #10 (i11b): the same in the Romance languages, German and Russian ("la biopsie
    # quadricipitale ... étaient normaux", "biopsia muscular normal", "Muskelbiopsie
    # unauffällig", "sans anomalie", "sin alteraciones", "без патологии"); each language's
    # copula and adjective for a normal result (verified U)
    r"|\b(?:était|étaient|est|fut|sont|era|eran|es|fue|foi|foram|è|erano|war|waren|ist"
    r"|был[аио]?)\s+(?:tout\s+à\s+fait\s+|completamente\s+|völlig\s+)?"
    r"(?:normal(?:e|es|i|ais)?|normaux|unauffällig|нормальн\w*|в\s+норме)\b"
    r"|\bbiop\w*\s+(?:musculaire|muscular|muscolare|\w+ale|\w+al)?\s*(?:normale?|normais|unauffällig)\b"
    r"|\b(?:sans|sin|sem|senza|ohne)\s+(?:anomalies?|alteraci[oó]n(?:es)?|altera[cç][aãõ](?:o|es)|"
    r"alterazioni|pathologischen?\s+befund)\b|\bбез\s+(?:патологи\w*|изменений)",
    re.IGNORECASE,
)
_BIOPSY_ITEMS = (
    "endomysial_infiltrate",
    "perimysial_perivascular_infiltrate",
    "perifascicular_atrophy",
    "rimmed_vacuoles",
    "necrotising_features",
)


def _normal_biopsy(ex: Extraction, sent: Sentence, trig: TermMatch, uncertain: bool) -> None:
    """A muscle biopsy said to be normal, with no feature named: every EULAR/ACR biopsy feature
    absent (so the with-biopsy weights apply), read from the sentence that reports it."""
    hit = _NORMAL_BIOPSY.search(ex.text, max(sent.start, trig.start - 30), sent.end)
    if hit is None:
        return
    for code in _BIOPSY_ITEMS:
        _add(
            ex,
            Draft(
                "muscle_biopsy",
                code,
                "absent",
                hit.start(),
                hit.end(),
                sent,
                sent.time,
                {"value": False},
                inferred=True,
                uncertain=uncertain,
            ),
        )


# issue #10 (i11b): how far a biopsy word and the muscle it sampled (or the skin beside it) may
# stand apart, in words, within one clause: "Biopsy of the skin and deltoid muscle",
# "core needle biopsy, RIGHT vastus lateralis", "la biopsie une myosite nécrosante"
_SAMPLED_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[;.:]\s")
# issue #10 (i15a): the Latin abbreviation of "musculus"/"musculi" before the muscle's name
# ("Biopsie m. deltoideus", "biopsia m. quadriceps femoris", "biopsy of mm. vasti") is no
# clause's end (the Terminologia Anatomica's abbreviation, written in Central European letters)
_MUSCULUS = re.compile(r"(?<!\w)(?:m|mm|musc)\.(?=\s)", re.IGNORECASE)


_WORD = re.compile(r"\S+")


class _Words:
    """Where a text's words (runs without whitespace, as ``str.split`` counts them) start and
    end, so the words between two matches are counted without copying the text between them:
    a note that repeats a biopsy word thousands of times pairs every match with every other."""

    def __init__(self, text: str) -> None:
        runs = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in runs]
        self.ends = [b for _, b in runs]

    def count(self, lo: int, hi: int) -> int:
        """The words ``text[lo:hi].split()`` gives (a word cut by either end counts)."""
        if hi <= lo:
            return 0
        return max(0, bisect_left(self.starts, hi) - bisect_right(self.ends, lo))

    def around(self, ordered: list[TermMatch], longest: int, s: TermMatch) -> list[TermMatch]:
        """The matches of ``ordered`` (sorted by start; none longer than ``longest``) that can
        stand within ``_SAMPLED_WORDS`` words of ``s``: one after it starting past the seventh
        word after it, or one before it ending before the seventh word before it, has at least
        seven words between them, so only the matches in between are tried."""
        first = bisect_left(self.starts, s.start) - 1 - _SAMPLED_WORDS  # 7th word before s
        last = bisect_right(self.ends, s.end) + _SAMPLED_WORDS  # 7th word after s
        lo = self.ends[first] - longest if first >= 0 else None
        hi = self.starts[last] if last < len(self.starts) else None
        keys = [m.start for m in ordered]
        a = 0 if lo is None else bisect_left(keys, lo)
        b = len(ordered) if hi is None else bisect_right(keys, hi)
        return ordered[a:b]


def _near(text: str, words: _Words, a: TermMatch, b: TermMatch) -> bool:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    if words.count(lo, hi) > _SAMPLED_WORDS:  # the "m." below removes a dot, never a word
        return False
    between = _MUSCULUS.sub("m", text[lo:hi])
    return len(between.split()) <= _SAMPLED_WORDS and not _CLAUSE_BREAK.search(between + " ")


def _sampled(ex: Extraction) -> tuple[dict[int, list[TermMatch]], set[int]]:
    """The sentences naming a biopsy by the muscle it sampled or the myopathy it showed
    (lexicon muscle_biopsy.sampled), their biopsy word as the trigger; and every sentence whose
    biopsy word stands beside a skin word (skin and muscle sampled together)."""
    found: dict[int, list[TermMatch]] = {}
    with_skin: set[int] = set()
    words = _Words(ex.text)
    for idx, ms in _bucket(ex, ex.rules.biopsy_sampled.find(ex.text)).items():
        ordered = sorted(ms, key=lambda m: m.start)
        longest = max(m.end - m.start for m in ordered)
        for s in (m for m in ms if m.concept == "sample"):
            close = [m for m in words.around(ordered, longest, s) if _near(ex.text, words, s, m)]
            skin = any(m.concept == "skin" for m in close)
            if skin:
                with_skin.add(idx)
            if any(
                m.concept == "muscle"
                # the myopathy the biopsy showed stands after it, and no skin was sampled
                or (m.concept == "myopathy" and m.start > s.end and not skin)
                for m in close
            ):
                found.setdefault(idx, []).append(s)
    return found, with_skin


def _negation_is_features(ex: Extraction, trig: TermMatch, a: Assertion) -> bool:
    """issue #10 (i11b): a negation before the biopsy that denies a feature standing between it
    and the biopsy ("necrotic fibres, in the absence of inflammatory infiltrates, were seen in
    the muscle biopsy"): the biopsy was done, the feature is what is absent."""
    hit = a.categories.get("existence")
    if hit is None or hit[0] != "NEGATED_EXISTENCE" or hit[2] > trig.start:
        return False
    return bool(ex.rules.biopsy_features.find(ex.text, hit[2], trig.start))


def _muscle_biopsy(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    triggers = _bucket(ex, r.biopsy_trigger.find(text))
    sampled, with_skin = _sampled(ex)
    for idx, found in sampled.items():
        triggers.setdefault(idx, found)
    # "Biopsy specimens showed ... perifascicular atrophy": a feature only muscle has names it
    for idx, feats in _bucket(ex, r.biopsy_features.find(text)).items():
        sent = ex.sentences[idx]
        if idx in triggers or not any(f.concept in _MUSCLE_ONLY for f in feats):
            continue
        hit = _ANY_BIOPSY.search(text, sent.start, sent.end)
        if hit is not None:
            triggers[idx] = [TermMatch(hit.start(), hit.end(), "muscle_biopsy", hit.group())]
    for sent in ex.sentences:  # i42r: "histological findings ... in the endomysium"
        if sent.index in triggers or _MUSCLE_TISSUE.search(text, sent.start, sent.end) is None:
            continue
        hit = _HISTOLOGY.search(text, sent.start, sent.end)
        if hit is not None and any(
            _MUSCLE_TISSUE.search(text, pm.start, pm.end)
            or _MUSCLE_TISSUE.search(text, pm.end, min(sent.end, pm.end + 40))
            for pm in _placed_cells(text, sent.start, sent.end)
        ):
            triggers[sent.index] = [TermMatch(hit.start(), hit.end(), "muscle_biopsy", hit.group())]
    for idx in sorted(triggers):
        sent = ex.sentences[idx]
        trig = triggers[idx][0]
        a = sent.context.assert_target(trig.start, trig.end, _THING_CATS)
        status, uncertain = _status(ex, sent, a, sent.time, dated=False)
        if status == "absent" and _negation_is_features(ex, trig, a):
            status = "present"
        if status == "absent":
            # issue #10 (i10l): "she did not undergo muscle biopsy": a biopsy not done has no
            # features; reading the words after it as absent would record a normal biopsy
            continue
        para_end = max(s.end for s in ex.sentences if s.paragraph == sent.paragraph)
        if _report_title(ex, sent, trig):
            # "MUSCLE BIOPSY REPORT" at the head of the note: the whole report is the biopsy's,
            # its microscopy table and conclusion included (issue #10, i10h)
            para_end = ex.sentences[-1].end
            status, uncertain = "present", False
        named = r.biopsy_features.find(text, sent.start, para_end)
        placed = [
            pm
            for pm in _placed_cells(text, sent.start, para_end)
            if not any(
                fm.start < pm.end and pm.start < fm.end and fm.concept == pm.concept for fm in named
            )
        ]
        if not named and not placed and status == "present":
            _normal_biopsy(ex, sent, trig, uncertain)
        for fm in sorted(named + placed, key=lambda m: m.start):
            fsent = ex.sentence_at(fm.start)
            assert fsent is not None  # a feature is read inside a sentence
            if fsent.index in with_skin and fm.concept not in _MUSCLE_ONLY:
                # "biopsy of the skin and deltoid muscle showed ... perivascular infiltrates":
                # the skin shows these too; only a feature no skin has is the muscle's
                continue
            fa = fsent.context.assert_target(fm.start, fm.end, _FINDING_CATS)
            fstatus, _ = _status(ex, fsent, fa, sent.time, dated=False)
            if status != "present":
                fstatus = status
            codes = [fm.concept]
            if fm.concept == "any_vacuoles":
                # "without any necrotic tissue or vacuoles": no vacuole, so none rimmed; vacuoles
                # not said to be rimmed name no item
                if fstatus != "absent":
                    continue
                codes = ["rimmed_vacuoles"]
            if fm.concept == "any_infiltrate":
                # "no inflammatory cell infiltration": neither infiltrate; one present without
                # its place in the muscle names neither item
                if fstatus != "absent":
                    continue
                codes = ["endomysial_infiltrate", "perimysial_perivascular_infiltrate"]
            for code in codes:
                _add(
                    ex,
                    Draft(
                        "muscle_biopsy",
                        code,
                        fstatus,
                        fm.start,
                        fm.end,
                        fsent,
                        sent.time,
                        {"value": fstatus == "present"},
                        uncertain=uncertain,
                    ),
                )


_HEADING_CHARS = 100


def _report_title(ex: Extraction, sent: Sentence, trig: TermMatch) -> bool:
    """Whether the biopsy is named in the note's heading: at its very start, in capitals
    ("NEUROMUSCULAR PATHOLOGY - MUSCLE BIOPSY REPORT")."""
    if sent.index != 0 or trig.start > _HEADING_CHARS:
        return False
    letters = [c for c in ex.text[: trig.end] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
