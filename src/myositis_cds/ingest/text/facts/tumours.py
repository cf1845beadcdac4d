"""Tumours: each one's site, histology and parts (size, grade, Ki-67, mitoses, nodes, invasion,
metastases, resection), the tumour a part belongs to when a note describes several, and the
abbreviations a note defines for them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import Field

from myositis_cds.case import TumourHistology, TumourSite
from myositis_cds.ingest.text._draft import (
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _status,
)
from myositis_cds.ingest.text._model import FactStatus
from myositis_cds.ingest.text._rules import (
    RulesMeta,
    TermMatch,
    _load,
    _Strict,
    compile_rule,
    term_key,
)
from myositis_cds.ingest.text.facts.antibodies import _own_existence
from myositis_cds.ingest.text.facts.events import recorded_event


def benign_operation(ex: Extraction, sent: Sentence) -> bool:
    """Whether an operation in the sentence removes a benign lesion it names and no cancer
    ("Pot 2 (descending colon polyp): tubular adenoma ..., completely excised"; issue #10,
    i10x): it is neither a cancer's resection nor an operation of the patient's story. A cancer
    the sentence denies ("two tubular adenomas removed; no carcinoma"; issue #10, i54i) is no
    cancer it names."""
    text = ex.text
    return bool(ex.rules.benign_lesions.find(text, sent.start, sent.end)) and not any(
        (names_cancer(m.text.casefold()) or m.concept != "other")
        and sent.context.assert_target(m.start, m.end, _THING_CATS).get("existence")
        != "NEGATED_EXISTENCE"
        for m in ex.rules.histology.find(text, sent.start, sent.end)
    )


# issue #10 (i25b): a kind of cancer with its own organ after it ("adenocarcinoma of the left
# lung"): "of"/"in", an article and a side between
_OWN_ORGAN = re.compile(r"\s*+(?:of|in)\s++(?:the\s++)?(?:(?:left|right)\s++)?$", re.IGNORECASE)


_OWN_ORGAN_WORDS = 3  # at most "of the left" between a kind and its organ (_OWN_ORGAN)


def _words_back(text: str, at: int) -> int:
    """Where the _OWN_ORGAN_WORDS words before ``at`` and the spaces around them begin: a kind
    that names the organ at ``at`` as its own ends there or after (the words between are only
    "of"/"in", "the", "left"/"right", with spaces)."""
    i = at
    for _ in range(_OWN_ORGAN_WORDS):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _second_primaries(
    text: str,
    specific: list[TermMatch],
    site_ms: list[TermMatch],
    anchors: list[tuple[int, _TumourBuild]],
    builds: list[_TumourBuild],
) -> list[tuple[int, _TumourBuild]]:
    """Two cancers of one organ, each kind named with the organ as its own ("adenocarcinoma of
    the left lung treated with lobectomy and newly diagnosed squamous cell carcinoma of the
    lung"): two primaries, so the second organ word is another tumour's (metachronous or
    synchronous primaries are told apart by their histology)."""
    owner: dict[str, str] = {}  # organ -> the kind that first named it as its own
    out: list[tuple[int, _TumourBuild]] = []
    # (issue #10, i27q: the kinds indexed once by where they end, and each organ word looks only
    # at those ending in the few words before it; trying every kind against every organ word
    # was quadratic in a long sentence naming two kinds)
    ends = sorted((h.end, i) for i, h in enumerate(specific))
    end_at = [e for e, _ in ends]
    for (pos, build), m in zip(anchors, site_ms, strict=False):
        near = ends[bisect_left(end_at, _words_back(text, m.start)) : bisect_right(end_at, m.start)]
        owning = min(
            (i for e, i in near if _OWN_ORGAN.fullmatch(text, e, m.start) is not None),
            default=None,
        )
        kind = None if owning is None else specific[owning].concept
        if kind is None or kind == "other":
            out.append((pos, build))
            continue
        first = owner.setdefault(m.concept, kind)
        if first != kind:
            builds.append(_TumourBuild(len(builds), m.concept))
            build = builds[-1]
        out.append((pos, build))
    return out + anchors[len(site_ms) :]


def _implied_place(implied_sites: list[TermMatch], m: TermMatch) -> str | None:
    """The site a malignancy's own name implies ("melanoma", "malignant melanoma": skin), None
    when it names none."""
    return next((t.concept for t in implied_sites if t.start < m.end and m.start < t.end), None)


@dataclass
class _TumourBuild:
    """One tumour the note describes, gathered across sentences (keyed by its site)."""

    key: int
    site: str | None = None
    resected: bool = False
    real: bool = False  # it has a size or a named histology, not just "a lesion"
    histology: str | None = None  # the first histology named for it
    # issue #10 (i30c): the site its own name implies ("melanoma": skin), None when it names none
    implied: str | None = None


_SEGMENT = re.compile(r";|:\s")

_CANCER_WORDS = frozenset(
    {"carcinoma", "cancer", "malignancy", "neoplasm", "tumour", "tumor", "ca"}  # "ca": "breast Ca"
)
"""Words that name a tumour without a size or histology ("breast cancer"); "mass", "nodule"
and "lesion" need a size or a histology to be recorded."""

# issue #10: a cancer noun inside a longer name ("non-small cell lung cancer", "cancers")
_CANCER_TOKENS = frozenset(
    {"carcinoma", "carcinomas", "cancer", "cancers", "malignancy", "malignancies", "neoplasm",
     "neoplasms", "nsclc"}
)  # fmt: skip


def spread_stated(ex: Extraction, parts: Sequence[Draft]) -> bool:
    """issue #10 (i36l): whether a sentence that names the tumour says it has spread, not
    denied ("métastases hépatiques d'une tumeur mammaire", "tumeur du sein métastatique"; not
    "sans métastase"): a tumour with metastases is a cancer whatever noun names it
    (rules/patterns.yaml ``tumour_spread``)."""
    spread = ex.rules.value["tumour_spread"]
    for sent in {d.sentence.index: d.sentence for d in parts if d.code == "mention"}.values():
        for rx in spread:
            for m in rx.finditer(ex.text, sent.start, sent.end):
                said = sent.context.assert_target(m.start(), m.end(), _THING_CATS)
                if said.get("existence") != "NEGATED_EXISTENCE" and not said.get("generic"):
                    return True
    return False


def names_cancer(name: str) -> bool:
    """Whether a tumour's name (case-folded) says it is a cancer (not just "a mass" or "a
    lesion"); issue #10 (i10ap): or is a malignant neoplasm's ICD-10 code ("c34.1")."""
    return (
        name in _CANCER_WORDS
        or any(w in _CANCER_TOKENS for w in re.split(r"[\s-]+", name))
        or _malignant_code(name)
    )


# --------------------------------------------------------------------------- issue #10 (i10ap)
# ICD-10 chapter II codes in a diagnosis list (rules/icd10_neoplasms.yaml): "C34.1  Adenokarcinom
# i höger överlob", "Mammakarzinom links (C50.4 G)". A code with its subcategory is read anywhere
# a word could stand; a bare category ("C50") only where a list item or a bracket starts, or after
# "ICD". Never inside a word or a number, a range ("C00-C97", "C18-C20"), a lipid ("C16:0") or a
# marker ("C19-9"). German coders add the certainty of the diagnosis after the code (G gesichert,
# V Verdacht, Z Zustand nach, A ausgeschlossen; ICD-10-GM): V and A name no cancer.
_ICD_CODE = compile_rule(
    r"(?<![\w./+\-–])(?P<code>[CD]\d{2}(?P<sub>\.\d{1,4})?)"
    r"(?![\w:]|[.,]\d|\s?[-–]\s?(?:\d|[CD]\d))"
    # the certainty only where the entry ends after it ("(C34.1 V)", "C50.4 G L"): a capital
    # followed by a word is the text ("C56  A petefészek ..." in Hungarian)
    r"(?:[ \t]*(?P<cert>[GVZA])(?:[ \t]*[RLB])?(?=[ \t]*(?:[)\],;\n]|$)))?",
    0,
)
_LIST_START = re.compile(r"(?:^|\n)[ \t]*(?:[-•*·–]|\d{1,2}[.)])?[ \t]*$")
_CODE_LABEL = re.compile(r"(?:\bICD[- ]?(?:10|O(?:-3)?)?[^\w\n]{0,4}|[(\[][ \t]*)$", re.I)


class _IcdRow(_Strict):
    site: TumourSite
    histology: TumourHistology | None = None


class _IcdTableRules(_Strict):
    meta: RulesMeta
    secondary: list[str]
    benign: list[str]
    malignant: dict[str, _IcdRow]
    in_situ: dict[str, _IcdRow]


@dataclass(frozen=True)
class _IcdEntry:
    """One code of a diagnosis list and the words that go with it ([start, end) of its entry)."""

    code: TermMatch  # concept: the kind (malignant, in_situ, secondary, benign, other)
    start: int
    end: int
    row: _IcdRow | None


def _code_key(code: str) -> tuple[str, int, int | None]:
    letter, rest = code[0].upper(), code[1:]
    number, _, sub = rest.partition(".")
    return letter, int(number), (int(sub[0]) if sub else None)


@cache
def _icd_table() -> tuple[
    list[tuple[str, int, int]],
    list[tuple[str, int, int]],
    dict[str, list[tuple[str, int, int, int | None, _IcdRow]]],
]:
    """(secondary ranges, benign ranges, {kind: rows}); a row is (letter, first, last,
    subcategory or None, site and histology)."""
    r: _IcdTableRules = _load("icd10_neoplasms", _IcdTableRules)

    def span(key: str) -> tuple[str, int, int, int | None]:
        first, _, last = key.partition("-")
        letter, a, sub = _code_key(first)
        b = _code_key(last)[1] if last else a
        return letter, a, b, sub

    def ranges(keys: list[str]) -> list[tuple[str, int, int]]:
        return [span(k)[:3] for k in keys]

    rows = {
        kind: [(*span(k), row) for k, row in table.items()]
        for kind, table in (("malignant", r.malignant), ("in_situ", r.in_situ))
    }
    return ranges(r.secondary), ranges(r.benign), rows


def _icd_kind(code: str) -> tuple[str, _IcdRow | None]:
    """The kind of an ICD-10 code (malignant, in_situ, secondary, benign, other) and its row."""
    secondary, benign, rows = _icd_table()
    letter, number, sub = _code_key(code)
    if any(letter == x and a <= number <= b for x, a, b in secondary):
        return "secondary", None
    if any(letter == x and a <= number <= b for x, a, b in benign):
        return "benign", None
    for kind, table in rows.items():
        hits = [
            (b - a, s is None, row)
            for x, a, b, s, row in table
            if x == letter and a <= number <= b and (s is None or s == sub)
        ]
        if hits:
            return kind, min(hits, key=lambda h: (h[1], h[0]))[2]  # most specific
    return "other", None


def _malignant_code(name: str) -> bool:
    m = _ICD_CODE.fullmatch(name.upper().strip())
    return m is not None and _icd_kind(m.group("code"))[0] == "malignant"


def _icd_entries(ex: Extraction) -> list[_IcdEntry]:
    """The neoplasm codes of the note's diagnosis lists, each with its entry: from the code to
    the next code or the line's end when the code leads ("C34.1 Adenokarcinom ..."), from the
    line's start (or the last code) to the code when it follows its words in a bracket
    ("Adenokarzinom (C34.1 G)")."""
    text = ex.text
    out: list[_IcdEntry] = []
    found: list[re.Match[str]] = []
    for m in _ICD_CODE.finditer(text):
        after_code = bool(found) and re.fullmatch(r"\s*[,;/]\s*", text[found[-1].end() : m.start()])
        if (
            m.group("sub")
            or after_code
            or _LIST_START.search(text, max(0, m.start() - 12), m.start())
            or _CODE_LABEL.search(text, max(0, m.start() - 12), m.start())
        ):
            found.append(m)
    for i, m in enumerate(found):
        kind, row = _icd_kind(m.group("code"))
        if m.group("cert") in ("V", "A"):
            # suspected or excluded (ICD-10-GM): no diagnosis, and the words of the entry name
            # no tumour of the patient either ("C34.1 V Verdacht auf Bronchialkarzinom")
            kind, row = "not_diagnosed", None
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(line_start, found[i - 1].end() if i else 0) : m.start()].rstrip(" \t")
        if before.endswith(("(", "[")) and before.strip("([ \t"):
            start = max(line_start, found[i - 1].end() if i else 0)
            close = text.find(")", m.end(), line_end)
            end = close + 1 if close >= 0 else m.end()
        else:
            start = m.start()
            nxt = found[i + 1].start() if i + 1 < len(found) else line_end
            end = min(nxt, line_end)
        code = TermMatch(m.start(), m.end("code"), kind, m.group("code"))
        if not m.group("sub") and not _words_agree(ex, row, start, end):
            continue  # "C11 Dysphagia ... Y": a form's item number, not a diagnosis
        out.append(_IcdEntry(code, start, end, row))
    return out


def _words_agree(ex: Extraction, row: _IcdRow | None, start: int, end: int) -> bool:
    """Whether the words of a bare category's entry ("C56  A petefészek rosszindulatú daganata",
    "C61 Prostata") name a tumour or the code's own organ: a form numbers its items "C10", "C11"
    ("C11 Dysphagia / oesophageal dysmotility"), and a laboratory names a marker chip "C12"."""
    text = ex.text
    if any(
        t.concept != "other" or _is_cancer_noun(ex, t)
        for t in ex.rules.histology.find(text, start, end)
    ):
        return True
    return row is not None and any(
        t.concept == str(row.site) for t in ex.rules.sites.find(text, start, end)
    )


def _inside_entry(entries: list[_IcdEntry], kind: str, t: TermMatch) -> bool:
    return any(e.code.concept == kind and e.start <= t.start and t.end <= e.end for e in entries)


# --------------------------------------------------------------------------- issue #10 (i10ap) end


# where the phrase an abbreviation stands for begins at the latest
_PHRASE_EDGE = re.compile(r"[.;:,()\[\]\n]")


def _with_abbreviations(ex: Extraction, found: list[TermMatch]) -> list[TermMatch]:
    """``found`` plus the later uses of an abbreviation the note defines for one of them:
    "Hodgkin's disease (HD) in 2015 ... HD relapsed" reads the second "HD" as Hodgkin's
    disease. The abbreviation's letters must be initials of the words before the bracket (in
    its clause), so "(MRC)", "(R)" or "(2015)" teach nothing."""
    text = ex.text
    defined = ex.abbreviations()
    if not defined or not found:
        return found
    extra: list[TermMatch] = []
    taken = [(m.start, m.end) for m in found]
    for opened, closed, abbr in defined:
        edge = max(
            (e.end() for e in _PHRASE_EDGE.finditer(text, max(0, opened - 80), opened)),
            default=max(0, opened - 80),
        )
        owners = [m for m in found if edge <= m.start and m.end <= opened]
        if not owners or not _initials_fit(abbr, text[edge:opened]):
            continue
        owner = owners[-1]  # the term nearest the bracket names it
        for use in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text[closed:]):
            a, b = closed + use.start(), closed + use.end()
            if not any(x < b and a < y for x, y in taken):
                extra.append(TermMatch(a, b, owner.concept, abbr))
                taken.append((a, b))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def _initials_fit(abbr: str, phrase: str) -> bool:
    """Each letter of ``abbr`` is the first letter of its own word of ``phrase`` (in any order:
    "squamous cell carcinoma of the oesophagus" gives OSCC)."""
    initials = [w[0].casefold() for w in re.findall(r"[A-Za-z][A-Za-z']*", phrase)]
    for letter in (c.casefold() for c in abbr if c.isalpha()):
        if letter not in initials:
            return False
        initials.remove(letter)
    return True


def _histology_terms(ex: Extraction, entries: list[_IcdEntry] | None = None) -> list[TermMatch]:
    """The histology lexicon's terms, plus malignant tumours named by a word it does not list
    ("leiomyosarcoma", "cholangiocarcinoma", "breast Ca"; rules/patterns.yaml `malignancy`),
    recorded as histology "other" where no lexicon term covers them."""
    found = [
        t
        for t in _with_abbreviations(ex, ex.rules.histology.find(ex.text))
        if not _not_a_tumour(ex, t.start, t.end)  # "tumour markers", "tumor board"
    ]
    for rx in ex.rules.value["malignancy"]:
        for m in ex.finditer(rx):
            if _not_a_tumour(ex, m.start(), m.end()):
                continue  # "breast Ca screening"
            inside = [t for t in found if t.start < m.end() and m.start() < t.end]
            # issue #10: a longer malignant name wins over the generic word in it
            # ("carcinoma of unknown primary", "non-small cell lung cancer")
            if inside and all(
                t.concept == "other"
                and m.start() <= t.start
                and t.end <= m.end()
                and t.end - t.start < m.end() - m.start()
                for t in inside
            ):
                found = [t for t in found if t not in inside]
                inside = []
            if not inside:
                found.append(TermMatch(m.start(), m.end(), "other", m.group()))
    for split in _split_histologies(ex):
        found = [t for t in found if not (t.start < split.end and split.start < t.end)]
        found.append(split)
    found = [_qualified_after(ex, t) for t in found]
    if entries:
        found = _with_codes(ex, found, entries)
    return sorted(found, key=lambda t: t.start)


def _with_codes(
    ex: Extraction, found: list[TermMatch], entries: list[_IcdEntry]
) -> list[TermMatch]:
    """issue #10 (i10ap): the tumour words of a diagnosis list read with their ICD-10 codes: a
    benign neoplasm's code (D10-D36) makes the words of its entry name no cancer ("D36.9 Benign
    neoplasm"); a malignant code whose entry names no cancer in words ("C18.7 Sigmoideum") is
    itself the cancer's name (histology "other", or the one its category names: C81-C86
    lymphoma). A code the coder marks suspected or excluded (ICD-10-GM V, A) names none."""
    found = [
        t
        for t in found
        if not _inside_entry(entries, "benign", t)
        and not _inside_entry(entries, "not_diagnosed", t)
    ]
    for e in entries:
        if e.code.concept != "malignant" or e.row is None:
            continue
        words = [t for t in found if e.start <= t.start and t.end <= e.end]
        if any(t.concept != "other" or _is_cancer_noun(ex, t) for t in words):
            continue
        histology = str(e.row.histology) if e.row.histology else "other"
        found.append(TermMatch(e.code.start, e.code.end, histology, e.code.text))
    return found


# --- issue #10 (i10am): a histology given after its generic noun, begin. A history list names
# the cancer by its site and puts the kind after it, in brackets or after a comma or dash:
# "oesophageal cancer (squamous cell)", "carcinoma of the cervix (squamous)", "lung cancer -
# small cell": the qualifier words read with the noun ("cancer" as "carcinoma") make the whole
# term of the histology lexicon, in any language it lists; only a specific histology counts
_QUALIFIER_AFTER = re.compile(
    r"(?:\s+(?:of|in|del?|della|du|des|do|da)\s+(?:the\s+|la\s+|l'|o\s+|a\s+)?[^\W\d_][\w-]*)?"
    r"\s*(?:\(\s*|[,:]\s*|\s[-–—]\s*)"
    # (issue #10, i35e: after the side the bracket names first, "breast cancer (left, ductal)",
    # "lung carcinoma (right, squamous cell)")
    r"(?:(?:left|right|bilateral|both|l|r|lt|rt)\s*[,;]\s*)?"
    # (issue #10, i37n: and the kind said in a patient's words, quoted, with its article and the
    # pronoun that stands for the cancer, "breast cancer, 'a ductal one, 2 cm'")
    r"(?:[\"“‘']\s*)?(?:(?:an?|the)\s+(?=[^\W\d_][\w-]*\s+one\b))?"
    r"((?:(?!one\b)[^\W\d_][\w-]*\s*){1,3}?)(?:one\b)?\s*(?=[)\],;.\n\"”’]|$)"
)


def _qualified_after(ex: Extraction, t: TermMatch) -> TermMatch:
    """The generic tumour noun ``t`` with the histology its qualifier after it names, else ``t``."""
    if t.concept != "other" or not _CANCER_NOUN.fullmatch(t.text):
        return t
    m = _QUALIFIER_AFTER.match(ex.text, t.end)
    if m is None:
        return t
    words = m.group(1).split()
    hit = _whole_histology(ex, words, [t.text, "carcinoma"])
    if hit is None:
        return t
    return TermMatch(t.start, t.end, hit, t.text)


_CANCER_NOUN = re.compile(r"carcinomas?|cancers?|malignanc(?:y|ies)|neoplasms?|tumou?rs?", re.I)
# --- issue #10 (i10am): end


# issue #10: the head noun right after a site word ("prostate carcinoma") and the words before
# the site that may qualify it ("large cell neuroendocrine prostate carcinoma")
_HISTOLOGY_HEAD = re.compile(
    # (issue #10, i10ap: and the note's "ca", "HGS ovarian ca"; never a marker, "CA 125")
    r"\s+(carcinomas?|cancers?|tumou?rs?|neoplasms?|adenocarcinomas?|ca(?!\s*-?\s*\d))\b",
    re.IGNORECASE,
)
_QUALIFIERS_BEFORE = re.compile(r"(?<![\w-])(?:[A-Za-z][\w-]*\s+){1,4}$")
_QUALIFIER_WORD = re.compile(r"[A-Za-z][\w-]*")


def _split_histologies(ex: Extraction) -> list[TermMatch]:
    """A histology named around its site: "large cell neuroendocrine prostate carcinoma",
    "small cell lung carcinoma", "squamous cell oesophageal cancer" read as the histology the
    words make without the site (neuroendocrine carcinoma, small cell carcinoma, squamous cell
    carcinoma; "cancer" read as "carcinoma" for this). Only a named histology other than the
    generic "other" counts, so "metastatic prostate cancer" gives nothing."""
    text = ex.text
    out: list[TermMatch] = []
    for site in ex.rules.sites.find(text):
        head = _HISTOLOGY_HEAD.match(text, site.end)
        before = _QUALIFIERS_BEFORE.search(text, max(0, site.start - 60), site.start)
        if head is None or before is None:
            continue
        spans = [
            (w.start(), w.group())
            for w in _QUALIFIER_WORD.finditer(text, before.start(), site.start)
        ]
        nouns = [head.group(1)]
        if head.group(1).casefold().startswith("cancer") or head.group(1).casefold() == "ca":
            nouns.append("carcinoma")
        for n in range(len(spans), 0, -1):
            hit = _whole_histology(ex, [w for _, w in spans[-n:]], nouns)
            if hit is not None:
                first = spans[-n][0]
                out.append(TermMatch(first, head.end(), hit, text[first : head.end()]))
                break
    return out


def _whole_histology(ex: Extraction, words: list[str], nouns: list[str]) -> str | None:
    """The histology the words and one of the head nouns name as a whole term, if specific."""
    for noun in nouns:
        phrase = " ".join([*words, noun])
        for t in ex.rules.histology.find(phrase):
            if t.start == 0 and t.end == len(phrase) and t.concept != "other":
                return t.concept
    return None


# a tumour word that names a test, a meeting or a syndrome, not a tumour of this patient
# (issue #10, i18a: "melanoma differentiation-associated gene 5", the MDA5 antigen's full name
# in an antibody's, "anti-melanoma differentiation-associated protein 5")
_NOT_A_TUMOUR = re.compile(
    r"[ -](?:markers?|marker panel|board|lysis|screen(?:ing)?|work-?up|antigens?"
    r"|differentiation[ -]associated)\b",
    re.IGNORECASE,
)
# --- issue #10 (i10x): a tumour marker named after a tumour, begin. The marker's name holds a
# histology ("SCC-Ag", "squamous cell carcinoma antigen (SCC) 2.1 ng/mL", Chinese
# 鳞状上皮细胞癌抗原(SCC)3.5ng/ml, Korean 편평세포암 항원): the antigen word right after the term,
# the term as the abbreviation in brackets right after a marker's name, or a concentration right
# after the term (a tumour has a size, never a concentration). Marker units: ng/mL, µg/L, U/mL,
# kU/L, IU/mL (CA 19-9, CA 125, CEA, SCC-Ag, CYFRA 21-1, NSE).
_MARKER_AFTER = re.compile(
    r"\s*[-‐]?\s*(?:Ag\b|antigens?\b|抗原|항원)"
    r"|\)?\s*[:=]?\s*(?:(?:level|value|of|was|is)\s+)*[<>≤≥]?\s*\d+(?:[.,]\d+)?\s*"
    r"(?:ng|µg|μg|ug|pg|mg|U|IU|kU|KU|mU|mIU)\s*/\s*(?:m?l|dl)\b",
    re.IGNORECASE,
)
_MARKER_BEFORE = re.compile(
    r"(?:antigens?|markers?|抗原|标志物|標誌物|标记物|標記物|항원|표지자)\s*[(（]\s*$",
    re.IGNORECASE,
)


def _not_a_tumour(ex: Extraction, start: int, end: int) -> bool:
    """Whether a tumour word at [start, end) names a test, a meeting, a risk or a tumour marker,
    not a tumour ("tumour board", "SCC-Ag 3.5 ng/mL", "carcinoembryonic antigen (CEA)", "breast
    cancer risk", "cribado de cáncer de mama": rules/patterns.yaml not_a_tumour_after/_before)."""
    text = ex.text
    return bool(
        _NOT_A_TUMOUR.match(text, end)
        or _MARKER_AFTER.match(text, end)
        or _MARKER_BEFORE.search(text, max(0, start - 30), start)
        or any(rx.match(text, end) for rx in ex.rules.value["not_a_tumour_after"])
        or any(
            rx.search(text, max(0, start - 40), start)
            for rx in ex.rules.value["not_a_tumour_before"]
        )
    )


# --- issue #10 (i10x): a tumour marker named after a tumour, end


def _tumours(ex: Extraction) -> None:
    """Tumour parts (site, histology, size, grade, Ki-67, nodes, invasion …), each tagged with
    the tumour it belongs to. A note can describe several tumours: a part goes to the tumour
    whose site, name or operation is nearest to it in its clause ("32 mm mass in the sigmoid
    colon; incidental 11 mm lesion in the tail of the pancreas"), else to the tumour the note
    was last describing ("Ki-67 1%", "It invades the stomach")."""
    r = ex.rules
    text = ex.text
    entries = _icd_entries(ex)  # issue #10 (i10ap): a diagnosis list's ICD-10 codes
    hist = _bucket(ex, _histology_terms(ex, entries))
    site_terms = _with_abbreviations(ex, r.sites.find(text))
    if entries:
        # where a cancer spread (C77-C79) is no primary; a code names its organ
        site_terms = [t for t in site_terms if not _inside_entry(entries, "secondary", t)]
        site_terms += [
            TermMatch(e.code.start, e.code.end, str(e.row.site), e.code.text)
            for e in entries
            if e.row is not None
        ]
        site_terms.sort(key=lambda t: t.start)
    sites = _bucket(ex, site_terms)
    syndromes = _bucket(ex, r.syndromes.find(text))
    surgeries: dict[int, list[Draft]] = {}
    for d in ex.drafts:
        # (issue #10, i10ap: an operation only recommended or planned removes no tumour,
        # "rekommenderas lobektomi": the same test as the story's events, facts/events.py)
        if d.type == "event" and d.code == "surgery" and recorded_event(ex, d):
            surgeries.setdefault(d.sentence.index, []).append(d)
    builds: list[_TumourBuild] = []
    held: list[_HeldStaging] = []  # i22b: staging read before any tumour
    current: _TumourBuild | None = None
    kinds: set[str] = set()  # the histologies the sentence names
    suspected: set[str] = set()  # i49u: the organs of a cancer the note only suspects

    def build_for(site: str | None) -> _TumourBuild:
        for b in builds:
            if site is not None and b.site == site:
                return b
        # a sentence naming another kind of cancer ("breast ductal carcinoma" after a
        # lymphoma) describes another tumour, not the site of the last one
        other_kind = current is not None and bool(
            current.histology and kinds and current.histology not in kinds
        )
        # (i30c: a cancer whose name says its place, "metastatic melanoma", takes no other
        # organ named later, "lung cancer": that is another tumour; not a lymphoma's nodes,
        # it may arise in any organ, "lymphoma ... of the skin")
        elsewhere = (
            current is not None
            and site not in (None, current.implied)
            and current.implied not in (None, "lymph_node")
        )
        if (
            current is not None
            and (site is None or current.site is None)
            and not other_kind
            and not elsewhere
        ):
            current.site = current.site or site  # "NET, Ki-67 1%" ... "pancreatic NET"
            return current
        builds.append(_TumourBuild(len(builds), site))
        return builds[-1]

    # issue #10 (i13c): the spans of the findings read (facts/findings.py), whose organ word
    # ("interstitial lung disease") is no tumour's site
    finding_spans = [(d.start, d.end) for d in ex.drafts if d.type == "finding"]
    implied_sites = r.implied_sites.find(text)  # i10l: see _implied_place
    implied = {t.start: t.end for t in implied_sites}  # i10j, see `specific`
    keywords = _patients_keywords(ex, hist, sites)
    # (i46c: the keyword lines last, so that they only add what the text did not state: a
    # cancer at another site, or the site of one the text names without it)
    reading = [t for t in ex.sentences if t.index not in keywords]
    reading += [t for t in ex.sentences if t.index in keywords]
    for sent in reading:
        if not sent.patient and sent.index not in keywords:
            continue
        if sent.index in keywords:
            keywords[sent.index] |= {
                str(d.value["value"])
                for d in ex.drafts
                if d.type == "tumour"
                and d.code in ("site", "histology")
                and d.status in ("present", "historical")
                and d.value["value"] != "other"
            }
        s = sent.start
        mentions = [
            m
            for m in hist.get(sent.index, [])
            if _own_existence(
                ex, m.end, sent.context.assert_target(m.start, m.end, _THING_CATS)
            ).get("existence")
            != "NEGATED_EXISTENCE"
            and m.concept not in keywords.get(sent.index, ())
        ]
        # a malignancy named by its own word ("leiomyosarcoma") is as specific as a histology
        malignant = ex.rules.value["malignancy"][0]
        # (i10j: and a cancer whose own name says its site, "basal cell carcinoma": skin)
        specific = [
            m
            for m in mentions
            if m.concept != "other"
            or malignant.fullmatch(m.text)
            or implied.get(m.start) == m.end
            or _named_by_cells(text, m.start, m.end)  # i10at: "clear cell carcinoma"
        ]
        kinds = {m.concept for m in specific if m.concept != "other"}
        invades, duct, taken = _invasion_and_duct(ex, sent)
        attrs = _tumour_attributes(ex, sent, syndromes.get(sent.index, []))
        denied = _staging_denials(attrs)
        site_ms = [
            m
            for m in sites.get(sent.index, [])
            if not _inside(m.start, taken)
            and not _inside(m.start, denied)
            and not _metastatic_place(text, sent, m, mentions)
            and not _organ_of_another_finding(ex, m, finding_spans)
            and m.concept not in keywords.get(sent.index, ())
        ]
        organ = [m for m in site_ms if m.concept != "lymph_node"]
        nodes_only = bool(mentions) and all(_NODES.fullmatch(m.text) for m in mentions)
        if nodes_only:
            organ = []  # issue #10 (i10x): "retroperitoneal lymphadenopathy, pulmonary GGO"
        mention_spans = [(m.start, m.end) for m in hist.get(sent.index, [])]
        lymphoma = any(m.concept == "lymphoma" for m in specific) or any(
            m.text.casefold() == "lymphadenopathy" for m in mentions
        )
        # issue #10 (i10x): a carcinoma found in a lymph node, no organ named in the sentence
        # ("retroperitoneal lymph node biopsy revealed a high-grade müllerian carcinoma")
        # (a named histology there, not "other", keeps its own reading: the next sentence may
        # give its organ)
        nodal = next(
            (
                m
                for m in site_ms
                if m.concept == "lymph_node" and not _inside(m.start, mention_spans)
            ),
            None,
        )
        in_node = (
            [m for m in mentions if _is_cancer_noun(ex, m) and not _in_modifier(sent, m)]
            if nodal is not None and not organ and not lymphoma and not kinds
            else []
        )
        site_ms = organ or (site_ms if lymphoma else [])
        if nodes_only and current is not None and current.real and current.histology != "lymphoma":
            site_ms = []  # a carcinoma's enlarged nodes are not where it arose
        sizes = [
            m
            for found in ex.hits("value", "tumour_size", sent)
            for m in found
            if not _inside(m.start(), taken) and not _dated_aside(sent, m.start())
        ]
        attrs += invades + duct
        resections = surgeries.get(sent.index, [])

        starts_tumour = bool(specific) or bool(mentions and (site_ms or sizes)) or bool(in_node)
        have_tumour = bool(builds)
        if not starts_tumour and not have_tumour and site_ms:
            _hold_staging(ex, sent, site_ms, attrs, held)
        if not starts_tumour and not (
            have_tumour and (attrs or (mentions and sizes) or (resections and mentions))
        ):
            if have_tumour and resections:
                _attach_resections(ex, sent, resections, builds, site_ms, text)
            continue
        anchor: TermMatch | None = (specific or mentions)[0] if (specific or mentions) else None
        if anchor is not None:
            # (i46c: a kind weighed and found less likely beside one found, "lymphoma thought
            # unlikely; biopsy: squamous cell carcinoma": the one found anchors the sentence)
            named = specific or mentions
            found = [
                m
                for m in named
                if not sent.context.assert_target(m.start, m.end, _THING_CATS).get("certainty")
            ]
            anchor = _past_the_turn(ex, sent, found or named)
            assertion = _own_existence(
                ex,
                anchor.end,
                sent.context.assert_target(
                    anchor.start, anchor.end, _THING_CATS | {"INDETERMINATE"}
                ),
            )
        else:
            assertion = sent.context.assert_target(s, s, _THING_CATS)
        status, uncertain = _status(ex, sent, assertion, sent.time)
        if sent.index in keywords and status == "generic":
            status = "present"  # i46c: a one-patient case report's keyword line, its own
        if assertion.get("existence") == "INDETERMINATE":
            uncertain = True  # "two indeterminate liver lesions"
        if status not in ("present", "historical") and site_ms:
            # (i22b: a cancer named in general beside the scan, "because of the link with
            # cancer, a CT showed ... without lymphadenopathy": the scan's staging is held)
            _hold_staging(ex, sent, site_ms, attrs, held)
        if status == "absent":
            continue
        if uncertain:
            suspected.update(m.concept for m in site_ms)
            words = text[anchor.start : anchor.end] if anchor else ""
            ex.warn(
                f"a suspected tumour ('{words}') is not recorded as found: confirm it and add it "
                "to the case"
            )
            continue
        # issue #10 (i52i): a mass found whose cancer the same sentence only suspects ("a 6 cm
        # adnexal mass, suspicious for ovarian malignancy"): the cancer noun names no cancer of
        # the mass, and the organs named are a suspicion's (_only_suspected decides)
        doubted = [
            m
            for m in mentions
            if m is not anchor
            and _is_cancer_noun(ex, m)
            and sent.context.assert_target(m.start, m.end, _THING_CATS).get("certainty")
        ]
        if doubted:
            suspected.update(m.concept for m in site_ms)
            mentions = [m for m in mentions if not any(m is d for d in doubted)]

        # issue #10 (i41r): one cancer named only by its generic noun beside several organs, one
        # of them a tumour's already found ("the cancer staging surgery ... the right ovary and
        # the left fallopian tube were removed" after a fallopian-tube carcinoma) speaks of that
        # tumour: the other organs are removed or examined with it, not new cancers
        known_sites = {b.site for b in builds if b.site is not None}
        if (
            not specific
            and len(mentions) == 1
            and len({m.concept for m in site_ms}) > 1
            and any(m.concept in known_sites for m in site_ms)
        ):
            site_ms = [m for m in site_ms if m.concept in known_sites]
        # the tumours this sentence speaks of, each at a place in the sentence
        anchors: list[tuple[int, _TumourBuild]] = [(m.start, build_for(m.concept)) for m in site_ms]
        if len(kinds) > 1:
            anchors = _second_primaries(text, specific, site_ms, anchors, builds)
        anchors += _attach_resections(ex, sent, resections, builds, site_ms, text)
        unknown_primary: tuple[int, int] | None = None
        if not anchors and in_node and nodal is not None:
            # the node's cancer is the tumour the note was describing (a lung mass, then its
            # nodal biopsy; a carcinoma named in the title), else a new one; with no organ
            # found for it, a cancer of unknown primary: site "other"
            # (i10at: "..., gynecological in origin": the latest tumour at one of its organs)
            origin = next((b for b in reversed(builds) if _origin_at(ex, sent, b.site)), None)
            if origin is not None:
                build = origin
            elif (
                current is not None
                and current.real
                and current.histology != "lymphoma"
                and current.site != "lymph_node"
            ):
                build = current
            else:
                builds.append(_TumourBuild(len(builds), None))
                build = builds[-1]
            anchors = [(in_node[0].start, build)]
            if build.site is None:
                build.site = "other"
                unknown_primary = (nodal.start, nodal.end)
        if not anchors:
            anchors = [(anchor.start if anchor else s, build_for(None))]
            # issue #10 (i10l): with no site word, malignancies whose names imply different
            # places are different tumours ("basal cell carcinoma and plasma cell leukaemia")
            places = {_implied_place(implied_sites, specific[0])} if specific else set()
            first_build = anchors[0][1]
            if specific and first_build.site is None and first_build.implied is None:
                first_build.implied = _implied_place(implied_sites, specific[0])
            for m in specific[1:]:
                place = _implied_place(implied_sites, m)
                if place not in places:
                    places.add(place)
                    builds.append(_TumourBuild(len(builds), None, implied=place))
                    anchors.append((m.start, builds[-1]))
        parts: list[tuple[str, Any, int, int]] = []
        in_order = _SitesInOrder(site_ms)
        for m in mentions:
            parts.append(("mention", m.text, m.start, m.end))
            for other in _coordinated_sites(text, in_order, m):  # "breast and ovarian cancers"
                parts.append(("mention", m.text, other.start, other.end))
        for m in specific:
            # issue #10 (i10am): a kind left open beside the one found ("non-small cell carcinoma;
            # squamous cell carcinoma cannot be excluded") names no histology of this tumour
            own = sent.context.assert_target(m.start, m.end, _THING_CATS)
            left_open = own.get("certainty") or own.get("existence") == "NEGATED_EXISTENCE"
            if left_open and (len(specific) > 1 or m is not anchor):
                continue
            parts.append(("histology", m.concept, m.start, m.end))
            for other in _coordinated_sites(text, in_order, m):
                parts.append(("histology", m.concept, other.start, other.end))
        for m in site_ms:
            parts.append(("site", m.concept, m.start, m.end))
        if unknown_primary is not None:
            parts.append(("site", "other", *unknown_primary))
        if mentions:
            for sz in sizes:
                # (i48t: a decimal comma, "2,4 sm"; the digits of any script, "४२")
                dims = [
                    float(d)
                    for d in re.findall(r"\d+(?:\.\d+)?", sz.group("dims").replace(",", "."))
                ]
                factor = 10.0 if sz.group("cm") else 1.0
                parts.append(("size_mm", round(max(dims) * factor, 2), sz.start(), sz.end()))
        parts.extend(attrs)
        # i23d: a staging scan after the tumour was named ("CT 26 Sept: no lymph node or distant
        # metastasis") names no tumour and no organ: its staging is the tumour's, but it dates
        # no find (as _hold_staging's); a size or an organ says it showed something there
        staging_only = (
            not (mentions or site_ms or sizes)
            and bool(attrs)
            and all(a[0] in STAGING_PARTS for a in attrs)
        )
        placed: set[int] = set()
        nearest = _Nearest(text, sent, anchors, _Clauses(text, sent.start, sent.end))
        for code, value, a, b in parts:
            if code in ("mention", "histology", "site") and sent.context.assert_target(
                a, b, _SOMEONE_ELSE
            ).get("experiencer"):
                continue  # issue #10 (i10l): "... while in the second case, a breast cancer"
            build = nearest(a)
            if code == "site" and value != build.site:
                continue
            if code == "size_mm":
                if build.key in placed:
                    continue  # the first size of a tumour in a sentence is its size
                placed.add(build.key)
            if code in ("size_mm", "histology"):
                build.real = True
                current = build
            if code == "histology" and value == "other":
                value = _kind_at_site(text, a, b, build.site) or value  # i10at: clear cell
            if code == "histology" and value != "other" and build.histology is None:
                build.histology = str(value)
            _add(
                ex,
                Draft(
                    "tumour",
                    code,
                    status,
                    a,
                    b,
                    sent,
                    sent.time,
                    {"value": value, "tumour": build.key}
                    | ({"held": True} if staging_only else {}),
                ),
            )
        if current is None or not current.real:
            current = anchors[-1][1]
    _place_held_staging(ex, builds, held)
    _histology_named_with_its_site(ex, hist)
    _only_suspected(ex, builds, suspected)


# --- issue #10 (i46c): a one-patient case report's keyword line names its patient's cancers
# ("Keywords: dermatomyositis, ovarian cancer, uterine cancer" in a report of one woman whose
# abstract stops before it names them), as its title does; a report of several cases
# (patterns.yaml several_cases) names all its patients' cancers there, so it gives none. The
# line never gives a cancer the text denies, places in a relative, holds possible or reads as
# about patients in general: a site or kind of cancer said so anywhere else in the text is
# left out of the line (the conventions of the report gold, index.yaml: every cancer the text
# states for this patient). Begin
_NOT_THE_PATIENTS = _THING_CATS | {"INDETERMINATE"}


def _patients_keywords(
    ex: Extraction, hist: dict[int, list[TermMatch]], sites: dict[int, list[TermMatch]]
) -> dict[int, set[str]]:
    """The keyword lines read as the patient's for tumours, each with the sites and kinds of
    cancer it may not give (said elsewhere as denied, a relative's, possible or general; the
    tumours the text states are added as they are read, _tumours)."""
    lines = [
        s for s in ex.sentences if s.section == "keywords" and not s.patient and not s.later_patient
    ]
    if not lines or any(s.later_patient for s in ex.sentences):
        return {}
    if any(rx.search(ex.text) for rx in ex.rules.value["several_cases"]):
        return {}
    denied: set[str] = set()
    read = {s.index for s in lines}
    for sent in ex.sentences:
        if sent.index in read:
            continue
        for m in [*hist.get(sent.index, []), *sites.get(sent.index, [])]:
            said = sent.context.assert_target(m.start, m.end, _NOT_THE_PATIENTS)
            if (
                said.get("existence") in ("NEGATED_EXISTENCE", "INDETERMINATE")
                or said.get("experiencer")
                or said.get("hypothetical")
                or said.get("certainty")
                or (sent.segment is not None and sent.segment.status == "family")
            ):
                denied.add(m.concept)
    return {s.index: set(denied) for s in lines}


# --- issue #10 (i46c): end


# --- issue #10 (i32g): a tumour's histology said only where the report names it with its site
# in a title or summary sentence ("Tonsillar squamous cell carcinoma associated with
# dermatomyositis: two cases", then "a woman ... with tonsillar carcinoma"), begin. That sentence
# speaks of the cases, not as a finding of the patient (its parts are "generic"), but it names
# the patient's tumour: where the tumour has no histology of its own, the one named there
# beside the same site word is its histology. Never a sentence about the disease in general,
# nor one that also names another site (a different tumour's histology is not borrowed).
def _histology_named_with_its_site(ex: Extraction, hist: dict[int, list[TermMatch]]) -> None:
    by_key: dict[int, list[Draft]] = {}
    for d in ex.drafts:
        if d.type == "tumour":
            by_key.setdefault(d.value.get("tumour", 0), []).append(d)
    for key, group in by_key.items():
        told = [d for d in group if d.status in ("present", "historical")]
        if any(d.code == "histology" and d.value["value"] != "other" for d in told):
            continue
        words = {ex.text[d.start : d.end].casefold() for d in told if d.code == "site"}
        if not words:
            continue
        # the title, and a sentence whose parts of this tumour were read as about the cases
        generic = {d.sentence.index for d in group if d.status == "generic"}
        for sent in ex.sentences:
            if sent.general or not (sent.section == "title" or sent.index in generic):
                continue
            kinds = {m.concept: m for m in hist.get(sent.index, []) if m.concept != "other"}
            named = {t.text.casefold() for t in ex.rules.sites.find(ex.text, sent.start, sent.end)}
            if len(kinds) != 1 or not named or not named <= words:
                continue
            (m,) = kinds.values()
            value = {"value": m.concept, "tumour": key}
            found = Draft("tumour", "histology", "present", m.start, m.end, sent, sent.time, value)
            _add(ex, found)
            break


# --- issue #10 (i32g): end


# issue #10 (i22b): a staging scan read before the tumour is named ("CT: wall thickening of the
# sigmoid colon without lymphadenopathy or liver lesions", then "colonoscopy: ... biopsy showed
# adenocarcinoma"): its nodes and metastases are held by the organ the scan names, and go to
# the tumour later found at that organ when the note states none of its own. They date
# nothing: the cancer was found by what named it (the value's ``held``, _assemble.py)
STAGING_PARTS = frozenset({"nodes", "metastases"})


@dataclass
class _HeldStaging:
    sites: frozenset[str]
    code: str
    value: Any
    start: int
    end: int
    sentence: Sentence
    status: FactStatus


def _hold_staging(
    ex: Extraction,
    sent: Sentence,
    site_ms: list[TermMatch],
    attrs: list[tuple[str, Any, int, int]],
    held: list[_HeldStaging],
) -> None:
    staging = [a for a in attrs if a[0] in STAGING_PARTS]
    if not staging:
        return
    assertion = sent.context.assert_target(sent.start, sent.start, _THING_CATS)
    status, uncertain = _status(ex, sent, assertion, sent.time)
    if uncertain or status not in ("present", "historical"):
        return
    sites = frozenset(m.concept for m in site_ms)
    for code, value, a, b in staging:
        held.append(_HeldStaging(sites, code, value, a, b, sent, status))


# issue #10 (i48t): the organs a staging scan names where it found no spread ("no liver, lung or
# peritoneal metastases", Gujarati "યકૃત કે ફેફસાંમાં ફેલાવો નથી": no spread to the liver or
# lungs) are not where a tumour is: an organ word inside a stated N0 or M0 is no tumour's site
_DENIED_STAGING = {"nodes": "N0", "metastases": "M0"}


def _staging_denials(attrs: list[tuple[str, Any, int, int]]) -> list[tuple[int, int]]:
    return [(a, b) for code, value, a, b in attrs if _DENIED_STAGING.get(code) == value]


def _place_held_staging(
    ex: Extraction, builds: list[_TumourBuild], held: list[_HeldStaging]
) -> None:
    stated = {
        (d.value["tumour"], d.code)
        for d in ex.drafts
        if d.type == "tumour" and d.code in STAGING_PARTS and d.status in ("present", "historical")
    }
    for h in held:
        at = [b for b in builds if b.real and b.site in h.sites]
        if len(at) != 1 or (at[0].key, h.code) in stated:
            continue  # no tumour, or several, at the scan's organ; or its own staging stated
        stated.add((at[0].key, h.code))
        value = {"value": h.value, "tumour": at[0].key, "held": True}
        _add(
            ex,
            Draft("tumour", h.code, h.status, h.start, h.end, h.sentence, h.sentence.time, value),
        )


_SOMEONE_ELSE = frozenset({"FAMILY"})


def _organ_of_another_finding(
    ex: Extraction, m: TermMatch, finding_spans: list[tuple[int, int]]
) -> bool:
    """issue #10 (i13c): an organ word that is part of another finding's name ("no interstitial
    lung disease", Spanish "enfermedad pulmonar intersticial"), or the heading of what the scan
    found clear there ("lungs: no ILD", "lungs clear"; patterns.yaml ``organ_clear_after``), is
    not where a tumour is."""
    if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in finding_spans):
        return True
    tail = ex.text[m.end : m.end + 40]
    return any(rx.match(tail) for rx in ex.rules.value["organ_clear_after"])


def _past_the_turn(ex: Extraction, sent: Sentence, cancers: list[TermMatch]) -> TermMatch:
    """issue #10 (i10at): the cancer word that speaks for the sentence. The first, unless it is
    said of patients in general and a later one is not, past a clause break that turns to this
    patient ("..., as was the case of this patient, who had an ovarian tumour": a terminator,
    then a reference to the patient, rules/patterns.yaml patient_reference): then the later."""
    first = cancers[0]
    if not sent.context.assert_target(first.start, first.end, _THING_CATS).get("generic"):
        return first
    names = ex.rules.value["patient_reference"]
    for m in cancers[1:]:
        turned = any(
            first.end <= t < m.start and any(rx.search(ex.text, t, m.start) for rx in names)
            for t in sent.context.terminators
        )
        if turned and not sent.context.assert_target(m.start, m.end, _THING_CATS).get("generic"):
            return m
    return first
    for m in cancers[1:]:
        turned = any(first.end <= t < m.start for t in sent.context.terminators)
        if turned and not sent.context.assert_target(m.start, m.end, _THING_CATS).get("generic"):
            return m
    return first


# enlarged nodes are no organ's tumour: an organ named beside them in a scan's list of findings
# ("retroperitoneal lymphadenopathy, pulmonary ground-glass opacities") is another finding
_NODES = re.compile(r"lymphadenopath(?:y|ies)|enlarged lymph nodes?", re.IGNORECASE)


def _in_modifier(sent: Sentence, m: TermMatch) -> bool:
    """Whether the word is part of a modifier's own phrase ("no evidence of malignancy"), which
    the modifier does not judge."""
    return any(mod.start <= m.start and m.end <= mod.end for mod in sent.context.modifiers)


def _only_suspected(ex: Extraction, builds: list[_TumourBuild], suspected: set[str]) -> None:
    """issue #10 (i49u): a tumour the note names only as a mass, a lesion or a nodule with its
    size, whose organ's cancer it only suspects ("a 15 mm submucosal mass ... suspected
    neuroendocrine tumour", "a 68 mm adnexal mass ... suspicious of an ovarian malignancy"), is a
    suspicion, not a cancer found: its parts are not recorded (no histology named, no cancer
    noun stated for it)."""
    for b in builds:
        if b.site is None or b.site not in suspected:
            continue
        parts = [
            d
            for d in ex.drafts
            if d.type == "tumour"
            and d.value.get("tumour") == b.key
            and d.status in ("present", "historical")
        ]
        named = any(
            (d.code == "histology" and d.value["value"] != "other")
            or (d.code == "mention" and _names_a_cancer(ex, str(d.value["value"])))
            for d in parts
        )
        if named or not parts:
            continue
        for d in parts:
            d.status = "hypothetical"
        ex.warn(
            f"a lesion of the {b.site.replace('_', ' ')} is measured but its cancer only "
            "suspected: not recorded as a tumour; a histology would add it"
        )


def _is_cancer_noun(ex: Extraction, m: TermMatch) -> bool:
    """Whether a tumour word names a cancer ("carcinoma", "malignancy", "rak"), not "a mass"."""
    return _names_a_cancer(ex, m.text)


def _names_a_cancer(ex: Extraction, words: str) -> bool:
    name = words.casefold()
    return names_cancer(name) or term_key(name) in ex.rules.cancer_noun_keys


# issue #10: an organ named as where a cancer has spread, not where it arose
# (issue #10, i46c: and an organ coordinated before the word with others, "liver and bone
# metastases", "liver, adrenal and brain mets")
_METASTASIS_AFTER = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*[&/]\s*)[\w-]+){0,3}"
    r"\s+(?:metastas[ie]s|mets|metastatic deposits?|deposits|secondaries)\b",
    re.IGNORECASE,
)
# issue #10 (i46c): an organ as the label of the metastasis found there ("Liver: metastatic
# NET"); not a lymph node's, whose metastatic carcinoma may be the only word of its cancer
# ("lymph node: metastatic carcinoma", a cancer of unknown primary: see _tumours' in_node)
_METASTASIS_LABEL = re.compile(r"\s*:\s*metastatic\b", re.IGNORECASE)
_METASTASIS_BEFORE = re.compile(
    r"\b(?:metastas[ie]s|metastatic (?:spread|disease)|spread)\s+(?:to|in|of|within|into)\s+"
    r"(?:the\s+|both\s+)?(?:(?:left|right)\s+)?$",
    re.IGNORECASE,
)
# issue #10 (i10ap): an organ a tumour grows into, named right after the invasion word, is not
# where it arose: "infiltration of adjacent liver", "invading the duodenum", "extending into the
# stomach"; Spanish/Portuguese/Italian/French "infiltración del hígado", "invasão do fígado",
# "infiltrazione del fegato", "envahissant le foie"; German "Infiltration der Leber", "Einbruch in
# die Leber" (the languages' nouns and participles of invasion; verification U). Not "involving"
# ("carcinoma involving the right upper lobe" names its own organ), not the adjective
# ("invasive breast carcinoma"), and not an organ that heads its own cancer name (see
# _invaded_place)
_INVADED_BEFORE = re.compile(
    r"\b(?:invad(?:es|ing|ed|e|iendo|indo|endo)|invasi(?:on|ón|one)\s+(?:of|into|del?|della|dello)|"
    r"invasão\s+d[oa]|infiltrat(?:es|ing|ed|ion\s+(?:of|into|der|des|du|de\s+la|de\s+l'))|"
    r"infiltraci[oó]n\s+del?|infiltração\s+d[oa]|infiltrazione\s+del(?:la|lo|l')?|infiltr(?:ando|iert)|"
    r"envahiss(?:ant|ement\s+d[ue])|extend(?:s|ing|ed)?\s+into|encas(?:es|ing|ed|ement\s+of)|"
    r"grow(?:s|ing)?\s+into|einbruch\s+in)\s+"
    r"(?:(?:the|la|el|le|les|l'|o|a|il|lo|den|die|das|adjacent|surrounding|neighbouring|"
    r"neighboring|left|right|adyacente|adjacente|adiacente|adjacent)\s+)*$",
    re.IGNORECASE,
)


def _invaded_place(text: str, sent: Sentence, site: TermMatch) -> bool:
    return _INVADED_BEFORE.search(
        text, max(sent.start, site.start - 40), site.start
    ) is not None and not _HISTOLOGY_HEAD.match(text, site.end)


# issue #10 (i19a): an organ named in a denied lesion on a staging scan ("no liver lesion",
# "without focal hepatic lesions", "no bone metastases") is where no spread was found, not a
# tumour's site
_DENIED_BEFORE = re.compile(
    r"\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:(?:focal|suspicious|other|new)\s+)?$",
    re.IGNORECASE,
)
_DENIED_LESION_AFTER = re.compile(
    r"\s+(?:lesions?|nodules?|masses|metastas[ie]s|deposits?|involvement)\b", re.IGNORECASE
)
_PLURAL_LESIONS = re.compile(r"\s+(?:lesions|nodules|masses|foci)\b", re.IGNORECASE)
_SINGLE_MASS = frozenset({"mass", "tumour", "tumor", "lesion", "nodule"})


def _metastatic_place(
    text: str, sent: Sentence, site: TermMatch, mentions: list[TermMatch]
) -> bool:
    """Whether the site word names where the cancer spread: "liver metastases", "metastases to
    the liver", or "liver lesions" beside a mass named elsewhere in the sentence ("a paratracheal
    mass and liver lesions ... neuroendocrine carcinoma"): the primary is not the liver."""
    if _METASTASIS_AFTER.match(text, site.end):
        return True
    if site.concept != "lymph_node" and _METASTASIS_LABEL.match(text, site.end):
        return True
    if _DENIED_LESION_AFTER.match(text, site.end) and _DENIED_BEFORE.search(
        text, max(sent.start, site.start - 30), site.start
    ):
        return True  # issue #10 (i19a): "no liver lesion", "without focal hepatic lesions"
    if _METASTASIS_BEFORE.search(text, max(sent.start, site.start - 40), site.start):
        return True
    if _invaded_place(text, sent, site):
        return (
            True  # issue #10 (i10ap): "carcinoma gallbladder with infiltration of adjacent liver"
        )
    plural = _PLURAL_LESIONS.match(text, site.end)
    return plural is not None and any(
        m.text.casefold() in _SINGLE_MASS and not site.start <= m.start <= plural.end()
        for m in mentions
    )


# issue #10: sites coordinated before one cancer noun share it
# ("or" and "/" give alternatives, not several cancers: "colon or rectal cancer")
_SITE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$", re.IGNORECASE)
_SITE_TO_NOUN = re.compile(r"^\s*(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


class _SitesInOrder:
    """A sentence's site words ordered by where they start, once: the sites that end by a
    position, nearest first, without sorting every site again for every cancer noun (issue #10,
    hostile input: a sentence naming hundreds of tumours did, quadratic in its length)."""

    def __init__(self, site_ms: list[TermMatch]) -> None:
        self.ms = sorted(site_ms, key=lambda m: m.start)
        self.starts = [m.start for m in self.ms]

    def ending_by(self, pos: int) -> Iterator[TermMatch]:
        """The sites ending at or before ``pos``, last first (reversed start order)."""
        for k in range(bisect_right(self.starts, pos) - 1, -1, -1):
            if self.ms[k].end <= pos:
                yield self.ms[k]


def _coordinated_sites(text: str, sites: _SitesInOrder, noun: TermMatch) -> list[TermMatch]:
    """The sites listed before the one that names a cancer noun and sharing it: "synchronous
    breast and ovarian cancers" gives the breast (the ovary is the noun's own site); none when
    the noun has no site right before it."""
    before = sites.ending_by(noun.start)
    last = next(before, None)
    if last is None or not _SITE_TO_NOUN.match(text[last.end : noun.start]):
        return []
    chain: list[TermMatch] = []
    for m in before:
        if m.concept == last.concept or not _SITE_JOIN.fullmatch(text[m.end : last.start]):
            break
        chain.append(m)
        last = m
    return chain


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _dated_aside(sent: Sentence, pos: int) -> bool:
    """Words in parentheses with a date of their own ("(14 mm in May 2024)")."""
    return any(lo <= pos < hi and not since for _, _, lo, hi, since in sent.local)


# a comma between list items, not in "1,200"; issue #10: or "and" between two tumours
# ("a nasopharyngeal carcinoma and a cardia adenocarcinoma")
_LIST_ITEM = re.compile(r",(?!\d{3})|\band\b")


class _Clauses:
    """Where one sentence's clause ends (``_SEGMENT``) and list items (``_LIST_ITEM``) fall, found
    once: what ``findall(text, sent.start, pos)`` gives for any ``pos`` in the sentence, without
    scanning the sentence again for every part and every anchor (issue #10: a sentence of
    thousands of tumour words did, cubic in its length).

    Exact: a match found over the whole sentence that ends by ``pos`` is found when the search
    stops at ``pos`` too (a shorter view only loses a lookahead's "not"); the only matches the
    stopped search finds besides lie in its last four characters ("," before digits cut off by
    ``pos``, "and" before a letter at ``pos``), so those four are searched as the stopped search
    does."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.segment_ends = [m.end() for m in _SEGMENT.finditer(text, start, end)]
        items = list(_LIST_ITEM.finditer(text, start, end))
        self.item_ends = [m.end() for m in items]
        self.item_starts = [m.start() for m in items]
        self.items = [m.group() for m in items]
        self._memo: dict[int, tuple[int, tuple[str, ...]]] = {}

    def segment(self, pos: int) -> int:
        """``len(_SEGMENT.findall(text, start, pos))``."""
        if pos > self.end:
            return len(_SEGMENT.findall(self.text, self.start, pos))
        return bisect_right(self.segment_ends, pos)

    def _items(self, pos: int) -> tuple[int, tuple[str, ...]]:
        """The list items before ``pos`` as (how many of the sentence's come first, the ones
        only a search stopped at ``pos`` finds)."""
        if (got := self._memo.get(pos)) is None:
            k = bisect_right(self.item_ends, pos)
            extra = tuple(
                m.group()
                for m in _LIST_ITEM.finditer(self.text, max(self.start, pos - 4), pos)
                if not self._among_first(m.start(), k)
            )
            got = self._memo[pos] = (k, extra)
        return got

    def _among_first(self, at: int, k: int) -> bool:
        """``at in item_starts[:k]`` in log time (the starts rise: one finditer's)."""
        i = bisect_left(self.item_starts, at, 0, k)
        return i < k and self.item_starts[i] == at

    def items_key(self, pos: int) -> tuple[int, tuple[str, ...]]:
        """A key equal for two positions exactly when ``same_items`` holds of them: the list
        ``findall(text, start, pos)`` as (how many of the sentence's own items it begins with,
        the rest). Its own items come first as far as they go, so one list has one key."""
        if pos > self.end:
            found = _LIST_ITEM.findall(self.text, self.start, pos)
            k = 0
            while k < min(len(found), len(self.items)) and found[k] == self.items[k]:
                k += 1
            return k, tuple(found[k:])
        k, extra = self._items(pos)
        j = 0
        while j < len(extra) and k + j < len(self.items) and extra[j] == self.items[k + j]:
            j += 1
        return k + j, extra[j:]

    def same_items(self, p: int, q: int) -> bool:
        """``_LIST_ITEM.findall(text, start, p) == _LIST_ITEM.findall(text, start, q)``."""
        if max(p, q) > self.end:
            find = _LIST_ITEM.findall
            return bool(find(self.text, self.start, p) == find(self.text, self.start, q))
        (k1, e1), (k2, e2) = sorted((self._items(p), self._items(q)))
        return k1 + len(e1) == k2 + len(e2) and (*self.items[k1:k2], *e2) == e1


class _Ordered:
    """Anchors by position, to find the nearest to a place in log time: the distinct positions
    in order, each with the first anchor (in the anchors' order) standing there, as ``min``
    over the anchors in their order picks the first of those at the least distance."""

    def __init__(self, anchors: list[tuple[int, int]]) -> None:
        first: dict[int, int] = {}
        for p, i in anchors:
            first.setdefault(p, i)  # the anchors come in their order: the first index stays
        self.positions = sorted(first)
        self.first = [first[p] for p in self.positions]

    def last_before(self, x: int, inclusive: bool = False) -> int | None:
        """The anchor at the greatest position ``< x`` (``<= x`` if ``inclusive``)."""
        j = (bisect_right if inclusive else bisect_left)(self.positions, x) - 1
        return self.first[j] if j >= 0 else None

    def nearest(self, a: int) -> int:
        """The anchor at the least distance from ``a``, the first in order on a tie."""
        j = bisect_left(self.positions, a)
        if j == 0:
            return self.first[0]
        if j == len(self.positions):
            return self.first[-1]
        below, above = a - self.positions[j - 1], self.positions[j] - a
        if below != above:
            return self.first[j - 1] if below < above else self.first[j]
        return min(self.first[j - 1], self.first[j])


class _Nearest:
    """The tumour each part of one sentence belongs to: the nearest anchor in the same list
    item of the same clause, else in the same clause, else the nearest one before it, else the
    nearest one at all; a part inside an open bracket takes the nearest anchor before the
    bracket. The anchors are indexed once per sentence by clause and list item (issue #10:
    trying every anchor for every part was quadratic, 123 s for a sentence of 1,600 tumour
    words); ``min`` over the anchors in their order, kept in the tests, is the definition."""

    def __init__(
        self, text: str, sent: Sentence, anchors: list[tuple[int, _TumourBuild]], where: _Clauses
    ) -> None:
        self.text, self.sent, self.anchors, self.where = text, sent, anchors, where
        numbered = [(p, i) for i, (p, _) in enumerate(anchors)]
        self.all = _Ordered(numbered)
        by_clause: dict[int, list[tuple[int, int]]] = {}
        by_item: dict[tuple[int, tuple[int, tuple[str, ...]]], list[tuple[int, int]]] = {}
        for p, i in numbered:
            clause = where.segment(p)
            by_clause.setdefault(clause, []).append((p, i))
            by_item.setdefault((clause, where.items_key(p)), []).append((p, i))
        self.by_clause = {k: _Ordered(v) for k, v in by_clause.items()}
        self.by_item = {k: _Ordered(v) for k, v in by_item.items()}

    def __call__(self, a: int) -> _TumourBuild:
        text, sent = self.text, self.sent
        opened = text.rfind("(", sent.start, a)
        if opened >= 0 and text.find(")", opened, a) < 0:  # "(pT1c, 2 of 12 nodes involved)"
            got = self.all.last_before(opened)
            if got is not None:
                return self.anchors[got][1]
        here = self.where.segment(a)
        # a list of tumours, one per item: "renal clear cell carcinoma, breast cancer, and ..."
        for group in (self.by_item.get((here, self.where.items_key(a))), self.by_clause.get(here)):
            if group is not None:
                return self.anchors[group.nearest(a)][1]
        got = self.all.last_before(a, inclusive=True)
        return self.anchors[got if got is not None else self.all.nearest(a)][1]


def _attach_resections(
    ex: Extraction,
    sent: Sentence,
    resections: list[Draft],
    builds: list[_TumourBuild],
    site_ms: list[TermMatch],
    text: str,
) -> list[tuple[int, _TumourBuild]]:
    """Each operation in the sentence goes to the tumour it removes: the organ it names
    ("gastrectomy"), the site just after it ("dissection of the gastric lesion"), else the one
    tumour not yet removed whose site the sentence does not give to another operation."""
    out: list[tuple[int, _TumourBuild]] = []
    named = {m.concept for m in site_ms}
    for d in resections:
        organ = [m.concept for m in ex.rules.operations.find(text, d.start, d.end)]
        after = [m.concept for m in site_ms if 0 <= m.start - d.end <= 30]
        site: str | None = (organ or after)[0] if (organ or after) else None
        build = next((b for b in builds if site is not None and b.site == site), None)
        if build is None and organ:
            build = _narrowed(ex, builds, organ[0])  # i39r: "colorectal" ... "of the rectum"
        if build is None and site is None:
            left = [b for b in builds if b.real and not b.resected and b.site not in named]
            build = left[0] if len(left) == 1 else None
        if build is None:
            continue
        build.resected = True
        out.append((d.start, build))
        ex.drafts.append(
            Draft(
                "tumour",
                "resected",
                "present",
                d.start,
                d.end,
                sent,
                d.time,
                {"value": True, "tumour": build.key},
            )
        )
    return out


def _narrowed(ex: Extraction, builds: list[_TumourBuild], organ: str) -> _TumourBuild | None:
    """issue #10 (i39r): the one tumour not yet removed whose site word names two organs, one
    of them ``organ`` (rules/lexicon.yaml tumour ``either_sites``: "colorectal"), now placed
    at ``organ`` by the operation that removes it; its site facts are moved with it."""
    either = ex.rules.lexicon.tumour.either_sites
    found: list[tuple[_TumourBuild, list[Draft]]] = []
    for b in builds:
        if b.resected or b.site is None:
            continue
        told = [
            d
            for d in ex.drafts
            if d.type == "tumour" and d.code == "site" and d.value.get("tumour") == b.key
        ]
        words = {ex.text[d.start : d.end].casefold() for d in told}
        if told and all(b.site in either.get(w, ()) and organ in either.get(w, ()) for w in words):
            found.append((b, told))
    if len(found) != 1:
        return None
    build, told = found[0]
    build.site = organ
    for d in told:
        d.value["value"] = organ
    return build


def _invasion_and_duct(
    ex: Extraction, sent: Sentence
) -> tuple[list[tuple[str, Any, int, int]], list[tuple[str, Any, int, int]], list[tuple[int, int]]]:
    """Structures the tumour invades ("invades the duodenal wall and peripancreatic fat; common
    bile duct not involved") and whether the main pancreatic duct is dilated; with the spans
    they take, whose site words and sizes are not the tumour's."""
    r = ex.rules
    text = ex.text
    invades: list[tuple[str, Any, int, int]] = []
    duct: list[tuple[str, Any, int, int]] = []
    taken: list[tuple[int, int]] = []
    for found in ex.hits("value", "invasion", sent):
        for cue in found:
            stop = min(
                [sent.end, cue.end() + 80]
                + [b for b in sent.breaks if b > cue.end()]
                + [i for i in (text.find(";", cue.end(), sent.end),) if i >= 0]
            )
            for m in r.invasion.find(text, cue.end(), stop):
                taken.append((m.start, m.end))
                a = sent.context.assert_target(m.start, m.end, _THING_CATS)
                if a.get("existence") == "NEGATED_EXISTENCE" or a.get("certainty"):
                    continue
                invades.append(("invades", m.concept, m.start, m.end))
    for name, dilated in (("duct_not_dilated", False), ("duct_dilated", True)):
        for found in ex.hits("value", name, sent):
            for dm in found:
                if _inside(dm.start(), taken):
                    continue
                taken.append((dm.start(), dm.end()))
                value = dilated
                if dilated:
                    a = sent.context.assert_target(dm.start(), dm.end(), _THING_CATS)
                    if a.get("existence") == "NEGATED_EXISTENCE":
                        value = False  # "without duct dilatation"
                duct.append(("main_duct_dilated", value, dm.start(), dm.end()))
    return invades, duct, taken


def _tumour_attributes(
    ex: Extraction, sent: Sentence, syndromes: list[TermMatch]
) -> list[tuple[str, Any, int, int]]:
    """Ki-67, mitoses, grade, function, nodes and metastases stated in the sentence."""
    attrs: list[tuple[str, Any, int, int]] = []
    for found in ex.hits("value", "ki67", sent):
        for km in found:
            attrs.append(("ki67_percent", float(km.group("value")), km.start(), km.end()))
            break
    for found in ex.hits("value", "mitoses", sent):
        for mm in found:
            per_text = mm.group("per").casefold().replace(" ", "")
            per = (
                "10hpf"
                if per_text.startswith("10")
                else ("2mm2" if per_text.startswith("2") else "mm2")
            )
            attrs.append(
                ("mitoses", {"count": float(mm.group("count")), "per": per}, mm.start(), mm.end())
            )
            break
    for found in ex.hits("value", "t_stage", sent):
        for tm in found:
            attrs.append(("t_stage", f"T{tm.group('t')}", tm.start(), tm.end()))
            break
    for found in ex.hits("value", "grade", sent):
        for gm in found:
            g = gm.group("grade").upper().lstrip("G")
            g = {"I": "1", "II": "2", "III": "3"}.get(g, g)
            attrs.append(("grade", f"G{g}", gm.start(), gm.end()))
            break
    examples = [(m.start(), m.end()) for found in ex.hits("value", "examples", sent) for m in found]
    non_functional = [m for found in ex.hits("value", "non_functional", sent) for m in found]
    functional = [m for found in ex.hits("value", "functional", sent) for m in found]
    if non_functional:
        nf = non_functional[0]
        attrs.append(("functional", False, nf.start(), nf.end()))
    else:
        for sm in syndromes:
            if any(a <= sm.start < b for a, b in examples):
                continue
            sa = sent.context.assert_target(sm.start, sm.end, _THING_CATS)
            if sa.get("existence") == "NEGATED_EXISTENCE":
                continue
            attrs.append(("syndrome", sm.concept, sm.start, sm.end))
            attrs.append(("functional", True, sm.start, sm.end))
            break
        else:
            if functional:
                fm = functional[0]
                attrs.append(("functional", True, fm.start(), fm.end()))
    for found in ex.hits("value", "nodes", sent):
        for nm in found:
            n0 = nm.groupdict().get("n0")
            attrs.append(("nodes", "N0" if n0 else "N1", nm.start(), nm.end()))
            break
    for found in ex.hits("value", "metastases", sent):
        for mm2 in found:
            m0 = mm2.groupdict().get("m0")
            negated = sent.context.assert_target(mm2.start(), mm2.end(), _THING_CATS)
            if not m0 and negated.get("existence") == "NEGATED_EXISTENCE":
                continue
            attrs.append(("metastases", "M0" if m0 else "M1a", mm2.start(), mm2.end()))
            break
    return attrs


# --------------------------------------------------------------------------- issue #10 (i10at)
class _SiteKind(_Strict):
    name: str
    cells: str
    by_site: dict[TumourSite, TumourHistology]


class _Origin(_Strict):
    words: str
    sites: list[TumourSite]


class _SiteKindRules(_Strict):
    meta: RulesMeta
    kinds: list[_SiteKind]
    origin: str
    origins: list[_Origin]


@cache
def _site_rules() -> _SiteKindRules:
    r: _SiteKindRules = _load("histology_by_site", _SiteKindRules)
    return r


@cache
def _site_kinds() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    return [
        (re.compile(k.cells, re.IGNORECASE), {str(s): str(h) for s, h in k.by_site.items()})
        for k in _site_rules().kinds
    ]


@cache
def _origins() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], frozenset[str]]]]:
    r = _site_rules()
    return re.compile(r.origin, re.IGNORECASE), [
        (re.compile(o.words, re.IGNORECASE), frozenset(str(s) for s in o.sites)) for o in r.origins
    ]


def _origin_at(ex: Extraction, sent: Sentence, site: str | None) -> bool:
    """Whether the sentence says its cancer arose in the organ system of ``site`` ("clear
    cell carcinoma, gynecological in origin"; rules/histology_by_site.yaml ``origins``). The
    sentence's organ systems are read once (issue #10, i31p: every earlier tumour asked, and
    each search went through the whole sentence)."""
    if site is None:
        return False

    def build() -> frozenset[str]:
        origin, systems = _origins()
        text, lo, hi = ex.text, sent.start, sent.end
        return (
            frozenset(s for rx, sites in systems if rx.search(text, lo, hi) for s in sites)
            if origin.search(text, lo, hi) is not None
            else frozenset()
        )

    return site in ex.index("origin sites", build, sent.index)


_CELLS_REACH = 30  # "clear cell carcinoma", "carcinoma de células claras": the words beside it


def _cells_beside(cells: re.Pattern[str], text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - _CELLS_REACH), min(len(text), end + _CELLS_REACH)
    return any(m.end() >= start - 2 and m.start() <= end + 6 for m in cells.finditer(text, lo, hi))


def _named_by_cells(text: str, start: int, end: int) -> bool:
    """Whether the cancer noun at [start, end) is named by its cells ("clear cell carcinoma",
    "carcinoma de células claras"; rules/histology_by_site.yaml): a kind, whatever the site."""
    return any(_cells_beside(cells, text, start, end) for cells, _ in _site_kinds())


def _kind_at_site(text: str, start: int, end: int, site: str | None) -> str | None:
    """The kind of a cancer named by its cells, at its organ (rules/histology_by_site.yaml):
    a clear cell carcinoma of the ovary, endometrium or cervix is an adenocarcinoma; elsewhere,
    or with no site, None (the kind stays unspecified)."""
    if site is None:
        return None
    for cells, by_site in _site_kinds():
        if site in by_site and _cells_beside(cells, text, start, end):
            return by_site[site]
    return None


# --------------------------------------------------------------------------- issue #10 (i10q)
class _ReportingSystem(_Strict):
    name: str
    site: TumourSite
    pattern: str
    suspicious: list[str] = Field(min_length=1)


class _ReportingRules(_Strict):
    meta: RulesMeta
    systems: list[_ReportingSystem]
    markers: dict[TumourSite, list[str]]


@dataclass(frozen=True)
class _Compiled:
    systems: list[tuple[TumourSite, re.Pattern[str], frozenset[str]]]
    markers: list[tuple[TumourSite, re.Pattern[str]]]


@cache
def _reporting() -> _Compiled:
    r: _ReportingRules = _load("reporting_systems", _ReportingRules)
    return _Compiled(
        [
            (
                s.site,
                re.compile(s.pattern, re.IGNORECASE),
                frozenset(c.casefold() for c in s.suspicious),
            )
            for s in r.systems
        ],
        [(site, re.compile(p, re.IGNORECASE)) for site, ps in r.markers.items() for p in ps],
    )


def reported_site(ex: Extraction, sentences: list[Sentence]) -> str | None:
    """The organ a cancer named without a site is in, from how it was reported
    (rules/reporting_systems.yaml): a pathology term of one organ in the sentences that name
    it ("B5b", "ER 8/8, PR 6/8", "Gleason 4+3"), else a suspicious category of one organ's
    reporting system in the note ("BI-RADS 5"), else one organ's terms anywhere in the note
    (a colposcopy's "transformation zone"); None when none, or more than one organ."""
    rules = _reporting()
    text = ex.text
    found = {
        str(site)
        for sent in sentences
        for site, rx in rules.markers
        if rx.search(text, sent.start, sent.end)
    }
    if not found:
        found = {
            str(site)
            for site, rx, suspicious in rules.systems
            for m in rx.finditer(text)
            if m.group("cat").casefold() in suspicious and not _someone_else(ex, m.start(), m.end())
        }
    if not found:
        # issue #10 (i10x): the organ's own terms elsewhere in the report ("Colposcopy ...
        # transformation zone type 1 ... HISTOLOGY: invasive squamous cell carcinoma")
        found = {
            str(site)
            for site, rx in rules.markers
            for m in rx.finditer(text)
            if _done_to_the_patient(ex, m.start(), m.end())
        }
    return found.pop() if len(found) == 1 else None


_NOT_DONE = frozenset({"FAMILY", "HYPOTHETICAL", "CONDITIONAL", "NEGATED_EXISTENCE", "GENERIC"})


def _done_to_the_patient(ex: Extraction, start: int, end: int) -> bool:
    """Words of the patient's own report, not a plan, a relative's, a negation or a review's."""
    sent = ex.sentence_at(start)
    return (
        sent is not None
        and sent.patient
        and not sent.context.assert_target(start, end, _NOT_DONE).categories
    )


def _someone_else(ex: Extraction, start: int, end: int) -> bool:
    sent = ex.sentence_at(start)
    return (
        sent is None
        or not sent.patient
        or bool(sent.context.assert_target(start, end, _SOMEONE_ELSE).get("experiencer"))
    )
