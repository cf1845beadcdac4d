"""Investigations (cancer screening by CT, PET-CT, mammography, endoscopy, smear …, and tests
such as a full blood count): normal, abnormal, pending, or done with the result not stated, and
when a pending one was asked for."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Any

from myositis_cds.ingest.text._context import Assertion
from myositis_cds.ingest.text._draft import (
    _INVESTIGATION_CATS,
    _THING_CATS,
    Draft,
    Extraction,
    Sentence,
    _add,
    _bucket,
    _planned,
    _status,
    marked_window,
)
from myositis_cds.ingest.text._rules import TermMatch
from myositis_cds.ingest.text._style import BLANK_LINE
from myositis_cds.ingest.text._time import INDEX, TimePoint, _date_from_match, find_dates


def _investigations(ex: Extraction) -> None:
    r = ex.rules
    text = ex.text
    last_ct: str | None = None
    for idx, matches in sorted(_bucket(ex, r.investigations.find(text)).items()):
        sent = ex.sentences[idx]
        listed: list[Draft] = []  # this sentence's tests, for a result the list shares
        for k, m in enumerate(matches):
            after = text[m.end : matches[k + 1].start if k + 1 < len(matches) else sent.end]
            if any(
                rx.match(_list_tail(text, matches, k, sent.end)) for rx in r.value["test_not_done"]
            ):
                continue  # "Upper GI endoscopy: not done", "Mammogram: declined": no test
            if any(rx.match(after) for rx in r.value["test_name_as_qualifier"]):
                continue  # "CT-guided biopsy", "ILD (HRCT-confirmed)": no CT done (i50i)
            code = m.concept
            if k and _name_goes_on(text, matches[k - 1].end, m):
                continue  # the "-CT" of "DOTATATE PET-CT": the name of the test before (i43i)
            if code == "fdg_pet_ct":
                tracer = r.one("pet_tracer_not_fdg").search(text, max(0, m.start - 40), m.start)
                if tracer is not None and tracer.group("sstr") is None:
                    continue  # "PSMA PET-CT", "18F-choline PET/CT": no FDG PET (i51i)
                if tracer is not None:
                    code = "sstr_pet_ct"  # "Ga-68 DOTANOC PET-CT" (i51i)
            if code.startswith("@"):
                if code == "@ct" and last_ct is not None and sent.patient:
                    code = last_ct
                else:
                    continue
            elif code.startswith("ct_") and sent.patient:
                last_ct = code
            assertion = sent.context.assert_target(m.start, m.end, _INVESTIGATION_CATS)
            status, uncertain = _status(ex, sent, assertion, sent.time, dated=False)
            existence = assertion.get("existence")
            if existence is None and _planned(sent):
                existence = "PENDING"  # "Plan: CT chest/abd/pelvis, mammogram"
            if (
                existence == "PENDING"
                or (status == "hypothetical" and assertion.get("hypothetical") != "CONDITIONAL")
            ) and _told_done(ex, sent, m.end, assertion):
                # "OGD 18/11/2026: ulcerated lesion" in a plan's list, "CT on 28 July 2026,
                # requested as screening: 26 mm lesion": done, its result stated (i50i)
                existence, status = "ABNORMAL", "present"
            if code == "eus" and _FNA.search(text, m.end, min(sent.end, m.end + 60)):
                code = "eus_fna"  # "EUS in June 2025, FNA cytology: NET"
            if existence == "ABNORMAL" and _denied_lesion(ex, sent, assertion, m.start, m.end):
                existence = None  # "Colonoscopy 04/2026: no polyps": the lesion is denied
            if existence in (None, "NORMAL", "NEGATED_EXISTENCE") and _found_first(
                ex, sent, m.end, assertion
            ):
                existence = "ABNORMAL"  # "HRCT chest 07-Jun-2025: NSIP pattern"
            if existence in (None, "NORMAL", "NEGATED_EXISTENCE") and _other_side_found(
                ex, sent, m.end
            ):
                existence = "ABNORMAL"  # "Mammography / Right: no mass. / Left: 14 mm mass" (i53i)
            if existence is None and _value_outside_range(ex, sent, m.end):
                existence = "ABNORMAL"  # "FBC 14/11: Hb 94 g/L (130-180)" (i46i)
            if existence is None and _names_tumour(ex, sent):
                existence = "ABNORMAL"  # "EUS-FNA: well-differentiated neuroendocrine tumour"
            if existence is None and (
                _absent_first(ex, sent, m.end)
                or _stated_negative(ex, sent, m.end)
                or _response_before(ex, sent, m.start)
                or _denied_before(ex, sent, m.start)
            ):
                existence = "NORMAL"  # "CT chest/abdomen/pelvis: no mass or lymphadenopathy"
            earlier = None
            if existence is None and _repeat_unchanged(ex, sent, m.start, m.end):
                earlier = _last_of(ex, code)
                existence = None if earlier is None else _EXISTENCE_OF.get(earlier.value["result"])
            if existence is None and _concordant(ex, sent, m.start, m.end):
                earlier = _last_test(ex, sent)
                existence = None if earlier is None else _EXISTENCE_OF.get(earlier.value["result"])
            borrowed = existence is None  # a result only the next sentence tells (i52i)
            if existence is None:
                existence = _next_sentence_result(ex, sent)
            value: dict[str, Any] = {}
            inferred = False
            if status == "absent" and _not_done(ex, sent, assertion, m.start):
                continue  # "no EUS needed at present", "CT not performed"
            if status == "absent":
                status = "present"  # "FOBT negative": a normal result
            if status == "hypothetical" and assertion.get("hypothetical") == "CONDITIONAL":
                pass  # "if the rash returns we will repeat a PET-CT": not requested
            elif status == "hypothetical" or existence == "PENDING":
                if status in ("present", "hypothetical"):
                    status = "present"
                    value["result"] = "pending"
            elif existence in ("NORMAL", "NEGATED_EXISTENCE"):
                value["result"] = "normal"
            elif existence == "ABNORMAL":
                value["result"] = "abnormal"
            elif _unread_result(ex, sent, m.end):
                # a result is written after the test ("FGDS - superficial gastritis") that names
                # no lesion: normal, inferred (the words were not read as a judgement; a size
                # among them is no lesion by itself: "endometrium 3 mm", "spleen 11 cm", so the
                # lead's review took i50i's "measured, so abnormal" back out)
                value["result"] = "normal"
                inferred = uncertain = True
            else:
                # listed as done with no result ("Mammogram 03/2026", an invoice line "CT
                # thorax"): the result is not in the note, never an inferred normal
                value["result"] = "not_stated"
            # a test the note says was booked, requested or arranged (context.yaml PENDING) is
            # pending whatever its date; only one suggested or named for a later review is not
            # taken (issue #10, i48r: one rule for note 70's and 86's booked scans)
            if (
                (value.get("result") in ("pending", "not_stated") or borrowed)
                and assertion.get("existence") != "PENDING"
                and _later(ex, sent, code, m)
            ):
                continue  # "Review in 2 weeks with FBC, LFT", "suggest HRCT": not done (i45p)
            if code == "fdg_pet_ct" and "fdg" not in m.text.casefold():
                value["note"] = "PET tracer not named; FDG assumed"
                inferred = uncertain = True  # it may be a somatostatin-receptor PET: confirm
            _add(
                ex,
                Draft(
                    "investigation",
                    code,
                    status,
                    m.start,
                    m.end,
                    sent,
                    _date_beside(ex, m.end, _clause_stop(ex, sent, m.end, _RESULT_END))
                    or _date_leading_line(ex, m.start)
                    or _draw_date(ex, code, m.start)
                    or sent.time,
                    value,
                    inferred=inferred,
                    uncertain=uncertain,
                ),
            )
            listed.append(ex.drafts[-1])
            if earlier is not None and ex.drafts[-1].time == earlier.time:
                ex.drafts[-1].time = INDEX  # a repeat with no date of its own: the note's (i46i)
            if value.get("result") == "pending":
                ex.drafts[-1].time = _requested(ex, sent, m.start)
            _add_repeat(ex, sent, ex.drafts[-1])
        _share_list_result(text, listed)
    _drop_superseded_pending(ex)


def _drop_superseded_pending(ex: Extraction) -> None:
    """issue #10 (i51i): a test asked for at the visit whose result the same note reports on a
    later day (an addendum's or an outcome's entry: "Plan: CT CAP" ... "CT CAP 11/07: no
    metastases") is recorded by that result only, not also as pending (tests/data/notes/
    README.md: note 377's LFT stays pending because no result of it follows)."""
    if ex.note_date is None:
        return
    done = {
        d.code
        for d in ex.drafts
        if d.type == "investigation"
        and d.value.get("result") != "pending"
        and d.time.absolute is not None
        and d.time.absolute > ex.note_date
    }
    for d in [
        d
        for d in ex.drafts
        if d.type == "investigation" and d.value.get("result") == "pending" and d.code in done
    ]:
        ex.drafts.remove(d)


# the result clause after a test: up to its first ";", full stop or line end
_CLAUSE_END = re.compile(r"[;\n]|\.(?:\s|$)")
# a lesion named as absent ("no mass or adenopathy", "without nodules", "ingen tumor"); issue
# #10 (i10aq): and "not seen"/"without" in Indonesian/Malay ("tidak tampak nodul"), Romanian,
# Hungarian, Vietnamese, Slovak/Czech/Croatian "nie je/nema", Swedish "utan" (verified U); i44i
# below
_DENIAL = (
    r"no|without|ingen|intet|inga|utan|kein\w*|ohne|sin|sans|senza|sem|bez|"
    r"nessun\w*|tidak(?:\s+(?:tampak|ada|terlihat|didapatkan))?|tanpa|fără|fara|nincs|nem\s+"
    r"látható|nélküli?|không(?:\s+(?:có|thấy))?|nema|nie\s+je|není|"
    # issue #10 (i44i): Albanian "pa" (without), Romansh "nagin/nagina" (no), the denials of the
    # CT results the regions' names now read ("pa limfadenopati", "nagin indizi d'in tumor");
    # (i46i) "pa" in lower case or capitalised only, never a chest film's view "PA" ("CXR PA
    # view: 2 cm mass")
    r"(?-i:[Pp]a)|nagin\w*"
)
# (issue #10, i52i: and a denial of the evidence, signs or recurrence of the lesion, whose
# noun and article stand between: "no evidence of a pancreatic mass", "no recurrence of the renal
# tumour", "no signs of recurrent disease", "no focal uptake suspicious of metastatic disease",
# "negative for malignancy", "free of tumour";
# radiology reports' usual negative phrases)
_NOT_FOUND = re.compile(
    rf"\b(?:{_DENIAL}|nor|or|any|negative\s+for|free\s+of)\s+(?:(?:\w+\s+){{0,2}}(?:evidence|signs?|features?|recurrence|"
    r"suggestion|suspicious|concerning)\s+(?:of|for)\s+(?:(?:the|an?|any)\s+)?)?(?:\w+\s+){0,2}$",
    re.I,
)
# how far before a lesion its denial is looked for
_DENIAL_REACH = 50
# issue #10 (i19c): a lesion denied after it, as the verb-final languages write the denial
# (Turkish "kitle yok", Azerbaijani "kütlə yoxdur", Uzbek "uzoq metastazlar yo'q", "... aniqlanmadi"
# (not found)): the denial within two words after the lesion, before the clause goes on
_DENIED_AFTER = re.compile(
    r"\w*(?:\s+\w+){0,2}?\s+(?:yok(?:tur)?|yox(?:dur)?|yo['‘ʻ’]q(?:dir)?|aniqlanmadi|kuzatilmadi|"
    r"a[şs]kar\s+edilm[əe]yib|saptanmad[ıi]|"
    # (issue #10, i52i: and the English report's "interstitial lung disease not detected", "mass
    # not seen")
    r"(?:(?:is|are|was|were)\s+)?not\s+(?:detected|seen|identified|demonstrated|found))(?!\w)",
    re.I,
)

# what a test can show or is asked for, not what it showed ("HRCT may show ...", "CT to exclude
# a mass"); "may" in lower case only, as "May" is also the month ("HRCT 12-May-2026: NSIP")
_MAY_SHOW = re.compile(
    r"\b(?:(?-i:may)|might|can|could|would|should|will|if|whether|to\s+(?:exclude|rule\s+out|look|assess|"
    r"evaluate|screen|search)|kann|könnte|puede|podría|peut|pourrait|può|potrebbe|kan|kunne)\b",
    re.I,
)


def _found_first(ex: Extraction, sent: Sentence, after: int, assertion: Assertion) -> bool:
    """issue #10 (i10aj): whether the test's result clause names a lesion or an abnormal
    pattern (patterns.yaml ``investigation_abnormal_result``) before any judgement the context
    rules read for it, and not as absent."""
    lesion = _lesion_found(ex, sent, after)
    if lesion is None:
        return False
    hit = assertion.categories.get("existence")
    return (
        hit is None
        or hit[1] > lesion
        # issue #10 (i36e): a normal judgement, then what the test did show after a contrast
        # ("did not show any nodes but showed a 30 mm mass"): the lesion stands
        or ex.rules.result_contrast.search(ex.text, hit[2], lesion) is not None
    )


def _lesion_found(ex: Extraction, sent: Sentence, after: int) -> int | None:
    """Where the test's result clause first names a lesion or an abnormal pattern (patterns.yaml
    ``investigation_abnormal_result``) not as absent, nor as what the test can show."""
    text = ex.text
    stop = _clause_stop(ex, sent, after)
    for rx in ex.rules.value["investigation_abnormal_result"]:
        # every lesion of the clause: one denied ("no mass, but 3 polyps") leaves the next
        for lesion in rx.finditer(text, after, stop):
            if _NOT_FOUND.search(text, max(after, lesion.start() - _DENIAL_REACH), lesion.start()):
                continue
            if _DENIED_AFTER.match(text, lesion.start(), stop):
                continue  # "uzoq metastazlar yo'q" (i19c)
            if _MAY_SHOW.search(text, after, lesion.start()):
                return None  # "HRCT may show ground-glass change": what it can show
            return lesion.start()
    return None


def _told_done(ex: Extraction, sent: Sentence, after: int, assertion: Assertion) -> bool:
    """issue #10 (i50i): whether the test ending at ``after`` is told as done though a plan's
    section or a request's word stands around it: its own date right after its name ("OGD
    18/11/2026: ...", "CT ... on 28 July 2026, requested as screening: ..."), and a lesion or a
    value outside its range in its result clause. A request with no date of its own or no
    finding ("CT requested to exclude a mass") stays pending, and so does one whose request's
    word dates it after the note ("CT booked 02/12/2026 for the mass"); a later entry of the
    plan's section may be dated after the note's first date (an addendum's result)."""
    day = _date_beside(ex, after)
    if day is None or day.absolute is None or day.uncertain:
        return False
    requested = assertion.get("existence") == "PENDING"
    if requested and ex.note_date is not None and day.absolute > ex.note_date:
        return False  # "CT booked 02/12/2026": when it will be done
    return _lesion_found(ex, sent, after) is not None or _value_outside_range(ex, sent, after)


def _clause_stop(
    ex: Extraction, sent: Sentence, after: int, ends: re.Pattern[str] = _CLAUSE_END
) -> int:
    """Where the result clause of the test ending at ``after`` stops: at ``ends``, or at the
    next test."""
    text = ex.text
    last = _bracket_end(ex, sent)
    end = ends.search(text, after, last)
    while end is not None and (inside := _open_bracket_close(text, after, end.start(), last)):
        end = ends.search(text, inside, last)  # "Hb 101 g/L (L; ref 120-150)": one result (i52i)
    stop = end.start() if end is not None else last
    nxt = [
        t
        for t in ex.rules.investigations.find(text, after, stop)
        if not _name_goes_on(text, after, t)
    ]
    if nxt:
        stop = nxt[0].start  # "Mammography: normal, CT: 3 cm mass": the mass is the CT's
    return stop


def _open_bracket_close(text: str, after: int, at: int, last: int) -> int | None:
    """issue #10 (i52i): where the bracket left open at ``at`` (opened after the test's name at
    ``after``) closes on the same line, before ``last``: a semicolon or a full stop inside a
    value's bracket ("Hb 101 g/L (L; ref 120-150)", "(ref. 120-150)") does not end the result;
    None when no bracket is open there or it does not close on that line."""
    if text.count("(", after, at) <= text.count(")", after, at):
        return None
    close = text.find(")", at, last)
    if close < 0 or "\n" in text[at:close]:
        return None
    return close + 1


# issue #10 (i43i): the "-CT" or "/CT" that ends a PET's name the lexicon reads without it
# ("Ga-68 DOTATATE PET-CT 14 Oct 2026: avid lesion"): a back reference ("@ct") joined to the
# test's name by a hyphen or a slash is the rest of that name, not a next test
_NAME_JOIN = re.compile(r"[-/]")


def _name_goes_on(text: str, end: int, nxt: TermMatch) -> bool:
    """Whether the test match ``nxt`` is a back reference written onto the name ending at
    ``end`` (its "-CT"), not another test."""
    return bool(nxt.concept.startswith("@") and _NAME_JOIN.fullmatch(text, end, nxt.start))


def _absent_first(ex: Extraction, sent: Sentence, after: int) -> bool:
    """Whether the test's result clause names a lesion as absent ("no mass or
    lymphadenopathy", "ingen tegn på tumor", "tidak tampak nodul"): a normal result the note
    states, not a test listed without one. Asked only when no other result was read."""
    text = ex.text
    stop = _clause_stop(ex, sent, after)
    for rx in ex.rules.value["investigation_abnormal_result"]:
        lesion = rx.search(text, after, stop)
        if lesion is None or _MAY_SHOW.search(text, after, lesion.start()):
            continue
        if _NOT_FOUND.search(text, max(after, lesion.start() - _DENIAL_REACH), lesion.start()):
            return True
        if _DENIED_AFTER.match(text, lesion.start(), stop):
            return True  # "kitle yok", "metastazlar yo'q" (i19c)
    return False


# A result the clause after a test states as nothing found, in the words the notes use ("no
# ILD", "without findings", "sem doença intersticial", "bez patologického nálezu", "kóros eltérés
# nélkül", "ingen tegn på recidiv", "BI-RADS 1", "clear"): a stated normal, where the context
# rules read none because the words judge what the test looked for rather than the test itself.
_STATED_NEGATIVE = re.compile(
    r"\b(?:no|nil|without|sem|sin|sans|senza|bez|ingen|intet|inga|utan|kein\w*|ohne|tidak|"
    r"tanpa|nincs|không|nema|negat\w*|normal\w*|unremarkable|unauffällig\w*|clear|"
    r"within\s+(?:normal\s+)?(?:range|limits))\b|"
    # issue #10 (i23c): a patient's or a history's plain word for it, as its own phrase ("all
    # fine", "Pap smear: fine."), never a lesion's adjective ("fine reticulation")
    r"\b(?:all\s+)?(?:fine|ok|okay)(?=[ \t]*+(?:[\"”’'),;.]|$))|\beðlileg\w*|"
    # (issue #10, i23c: Japanese "no abnormality", 異常なし / 異常を認めず / 異常を認めない)
    r"\bnélkül\b|\bBI-?RADS[\s:]*[12]\b|未见|異常(?:なし|を認め(?:ず|ない))|"
    # (issue #10, i46i: Hindi "सामान्य" (normal) and Lao "ປົກກະຕິ" (normal), whose vowel signs a
    # word boundary splits)
    r"(?<!\w)(?:सामान्य|ປົກກະຕິ)",
    re.I,
)
# where a test's stated result can end: a semicolon, a full stop, a blank line or a new list item
# (a line wrapped inside the result goes on: "colonoscopy (09.11.2026) - without\npathology")
_RESULT_END = re.compile(r";|\.(?:\s|$)|\n\s*\n|\n\s*(?:[-•*]|\d+[.)])\s")


def _stated_negative(ex: Extraction, sent: Sentence, after: int) -> bool:
    """Whether the words after the test, up to the end of its result or the next test, state
    that nothing was found. Asked only when no other result was read."""
    clause = ex.text[after : _clause_stop(ex, sent, after, _RESULT_END)]
    if _MAY_SHOW.search(clause):
        return False  # "CT to exclude a mass", "PET-CT if CT negative"
    return _STATED_NEGATIVE.search(clause) is not None


# a response or a disease-free result said before the test it was seen on ("complete response
# on PET-CT in December 2025", "no evidence of recurrence at colonoscopy")
_RESPONSE_ON = re.compile(
    r"\b(?:complete\s+(?:metabolic\s+)?(?:response|remission)|no\s+evidence\s+of\s+"
    r"(?:disease|recurrence|relapse|malignancy)|no\s+(?:recurrence|relapse))\s+(?:on|at)\s+$",
    re.I,
)


def _response_before(ex: Extraction, sent: Sentence, start: int) -> bool:
    return _RESPONSE_ON.search(ex.text, max(sent.start, start - 60), start) is not None


# a lesion denied right before the test it was looked for on: a denial, up to three words (the
# lesion), then "on"/"at"/"in" and the languages' own ("no ILD on HRCT", "no polyps at
# colonoscopy", "keine Polypen in der Koloskopie", "sin nódulos en la TC", "sans lésion à la
# TEP", "ingen tumor på CT", "bez zmian w TK"): a normal result of a done test, not a test not
# done ("no CT", "no EUS needed": the test right after the denial, see _not_done)
_DENIED_ON = re.compile(
    rf"\b(?:{_DENIAL})\s+(?:[\w-]+\s+){{1,3}}(?:on|at|in|by|from|an|auf|bei|im|in\s+der|en|en\s+"
    r"(?:la|el|los|las)|à|à\s+la|au|sur|sur\s+la|na|nel|nella|alla|al|all'|på|ved|vid|w|we|"
    r"při|pada|di)\s+(?:(?:the|a|her|his|this|recent|repeat|latest|last|der|die|dem|la|el|le|"
    r"l')\s*)?$",
    re.I,
)


def _denied_before(ex: Extraction, sent: Sentence, start: int) -> bool:
    """Whether a lesion is denied right before the test, on it; a test denied in between is a
    list of tests not done ("No PET-CT, no upper GI endoscopy", a form's unticked boxes)."""
    m = _DENIED_ON.search(ex.text, max(sent.start, start - 60), start)
    return m is not None and not ex.rules.investigations.find(ex.text, m.start(), start)


def _denied_lesion(
    ex: Extraction, sent: Sentence, assertion: Assertion, start: int, end: int
) -> bool:
    """Whether the abnormal word the context rules read for the test is a lesion the note
    denies, after the test in its result clause ("Colonoscopy 04/2026: no polyps") or before it
    on the test ("no polyps on colonoscopy"), with no other lesion found in that clause."""
    hit = assertion.categories.get("existence")
    if hit is None:
        return False
    _, a, _ = hit
    text = ex.text
    if a >= end:
        if a >= _clause_stop(ex, sent, end):
            return False
        denied = _NOT_FOUND.search(text, max(end, a - _DENIAL_REACH), a) is not None
        return denied and not _found_first(ex, sent, end, Assertion({}))
    return _denied_before(ex, sent, start) and a >= max(sent.start, start - 60)


# a short date right beside a test, without its year: two-digit day and month with a slash, or
# a dotted day and month with its closing dot ("CXR 15/10 clear", "Rx tórax 15/10 normal",
# "Röntgen Thorax 15.10. unauffällig", "CT (15/10) clear"); never a grade or a fraction of a
# year ("4/5", "3/12") nor the start of a longer date, which the date rules read
_BESIDE = r"[ \t]*[(\[]?[ \t]*(?:(?:on|am|le|el|del|dne|od|den)[ \t]+)?"
_DATES_BESIDE = (
    re.compile(
        # (issue #10, i46i: the second number up to 31, as a month-first note writes the day
        # second, "상부위장관내시경 (10/20)"; the note's order decides, and a month over 12 is none)
        _BESIDE + r"(?P<a>[0-3]\d)(?P<sep>/)(?P<b>[0-3]\d)(?![/.\-]?\d)(?<!/12)(?<!/52)",
        re.I,
    ),
    re.compile(_BESIDE + r"(?P<a>[0-3]?\d)(?P<sep>\.)[ \t]?(?P<b>[01]?\d)\.(?![ \t]?\d)", re.I),
    # (issue #10, i51i: ... and a dotted day and month without the closing dot, its month in two
    # digits, closed by the bracket (a view or the contrast between, "PA", "z kontrastem") or
    # followed by the result's colon: "RTG PA (15.09): bez zmian",
    # "Gastroskopia (16.09): guz", "CT 17.09: no mass"; never a decimal in brackets with one
    # digit after the point, "(9.8)", nor one whose second number is no month, "(1.25)")
    re.compile(
        r"(?:[ \t]+[^\W\d_][^\s()\[\]:;,.]*){0,3}?"  # a view or a contrast: "PA", "z kontrastem"
        r"[ \t]*[(\[][ \t]*(?P<a>[0-3]?\d)(?P<sep>\.)(?P<b>[01]\d)[ \t]*[)\]]"
    ),
    re.compile(r"[ \t]+(?P<a>[0-3]\d)(?P<sep>\.)(?P<b>[01]\d)(?=[ \t]*:)"),
)


def _date_beside(ex: Extraction, end: int, stop: int | None = None) -> TimePoint | None:
    """The day and month written right after the test's name, placed as the date rules place a
    date without its year (the note's year; a day more than a month after the note's date is
    last year's; a slashed one follows the note's order of day and month)."""
    for rx in _DATES_BESIDE:
        m = rx.match(ex.text, end)
        if m is None:
            continue
        parsed = _date_from_match(m, ex.style, ex.rules)
        if parsed is not None:
            return TimePoint(absolute=parsed[0], uncertain=parsed[1])
    # a whole date the date rules read, right after the test (its line may wrap before it:
    # "no ILD on HRCT\n21-MAY-2026")
    gap = _GAP_BEFORE_DATE.match(ex.text, end)
    if gap is not None:
        for d in find_dates(ex.text, ex.rules, gap.end(), gap.end() + 32, ex.style):
            if d.start == gap.end():
                return TimePoint(absolute=d.day, uncertain=d.uncertain)
    return _year_beside(ex, end, stop)


# issue #10 (i23c): a year alone right after the test, as a history or a screening list dates a
# past test ("colonoscopy 2023 normal", "Letzte Kolonoskopie 2023 unauffällig", "Pap smear done
# 2025 at the health centre", "Colonoscopy: last 2021, normal"); never a longer date or a
# number's first digits ("2023-05", "2023/24")
_LONE_YEAR = r"(?P<y>(?:19|20)\d\d)\b(?![ \t]*+[./\-–]?[ \t]*+\d)"
_YEAR_BESIDE = re.compile(
    r"[ \t]*+[(\[:,]?[ \t]*+(?:(?:last|done|performed|in|dated|of)[ \t]++){0,2}" + _LONE_YEAR,
    re.I,
)
# ... or the last time it was done, said later in its result clause ("Colonoscopy due 2027 (last
# 2017, normal)"), or as "last year" ("Mammogram last year, all fine")
_LAST_DONE = re.compile(
    rf"\blast[ \t]++(?:{_LONE_YEAR}|(?P<last_year>year)\b)",
    re.I,
)


def _year_beside(ex: Extraction, end: int, stop: int | None) -> TimePoint | None:
    """1 January of the year written beside the test (or of the year before the note's, for
    "last year"), uncertain: the day is not stated; None when no such year is written, or a
    year would lie after the note."""
    m = _YEAR_BESIDE.match(ex.text, end)
    if m is None and stop is not None:
        m = _LAST_DONE.search(ex.text, end, stop)
    if m is None:
        return None
    note_day = ex.note_date
    if m.groupdict().get("last_year"):
        if note_day is None:
            return None
        year = note_day.year - 1
    else:
        year = int(m.group("y"))
    if note_day is not None and year > note_day.year:
        return None  # "colonoscopy 2031": when it is due, not when it was done
    return TimePoint(absolute=date(year, 1, 1), uncertain=True)


# (issue #10, i50i: and "of", "CT chest/abdomen/pelvis of 15 Sep 2026")
_GAP_BEFORE_DATE = re.compile(r"[ \t]*\n?[ \t]*[(\[:]?[ \t]*(?:(?:on|dated|of)[ \t]+)?", re.I)


# a result written after the test: a colon or a spaced dash, then words ("FGDS (05.11.2026) -
# superficial gastritis"); not a date's hyphen ("15-10-2026") or a bare list of tests
_RESULT_WRITTEN = re.compile(r"(?::|\s[-–—]\s)\s*[^\W\d_]{2,}")


def _unread_result(ex: Extraction, sent: Sentence, after: int) -> bool:
    """Whether words follow the test as its result, though none were read as normal or
    abnormal: the note states a result, so the test is not one listed without a result."""
    clause = ex.text[after : _clause_stop(ex, sent, after, _RESULT_END)]
    return _RESULT_WRITTEN.search(clause) is not None and not _MAY_SHOW.search(clause)


# between two tests of one list that share the result said after the last ("mammography,
# cervical screening, a CT of the chest, abdomen and pelvis and a pelvic ultrasound were all
# normal", "Gastroscopia és colonoscopia (2026.10.21.): kóros eltérés nélkül"; i46i: the Slovene
# "in", "Gastroskopija in kolonoskopija: brez posebnosti")
_LIST_GAP = re.compile(
    r"\s*(?:,|and|&|or|,\s*and|und|et|y|e|og|och|és|i|in|a|și|en)?\s*(?:(?:an?|the)\s+)?", re.I
)


def _list_tail(text: str, matches: list[TermMatch], k: int, end: int) -> str:
    """issue #10 (i51i): the words after the last test of the list the ``k``-th test opens
    (tests joined by ``_LIST_GAP``), up to the next test or ``end``: what is said of the whole
    list ("Colonoscopy and mammogram: not done", "Mamografia e colonoscopia: não realizadas")."""
    j = k
    while j + 1 < len(matches) and _LIST_GAP.fullmatch(text, matches[j].end, matches[j + 1].start):
        j += 1
    return text[matches[j].end : matches[j + 1].start if j + 1 < len(matches) else end]


def _share_list_result(text: str, listed: list[Draft]) -> None:
    """A test listed with no result of its own takes the result of the next test of the same
    list (normal or abnormal), right to left so a whole list shares the last one's result."""
    for here, nxt in reversed(list(pairwise(listed))):
        if here.value.get("result") != "not_stated" or nxt.status != here.status:
            continue
        if nxt.value.get("result") not in ("normal", "abnormal"):
            continue
        if _LIST_GAP.fullmatch(text, here.end, nxt.start):
            here.value["result"] = nxt.value["result"]


def _bracket_end(ex: Extraction, sent: Sentence) -> int:
    """issue #10 (i10aq): where a test's result clause can end: the sentence's end, or the next
    sentence's when the sentence was cut inside an open bracket (a date's closing dot read as a
    full stop: "CT (2026.10.16.): 48 mm mass", "MSCT (12.11.2026.): tvorba 33 mm")."""
    chunk = ex.text[sent.start : sent.end]
    if chunk.count("(") > chunk.count(")") and sent.index + 1 < len(ex.sentences):
        nxt = ex.sentences[sent.index + 1]
        if nxt.paragraph == sent.paragraph:
            return nxt.end
    return sent.end


_FNA = re.compile(r"\b(?:fna|fnb|fine[- ]needle|needle biopsy|guided biopsy)\b", re.I)


def _requested(ex: Extraction, sent: Sentence, pos: int) -> TimePoint:
    """A pending test is dated on the visit that asked for it: a date next to it says when it
    is due ("repeat CT TAP Jan 2026") or when the last one was done ("last one 2014")."""
    return INDEX


def _names_tumour(ex: Extraction, sent: Sentence) -> bool:
    """Whether the sentence names a tumour as found ("EUS-FNA: well-differentiated NET",
    "Known pancreatic NET (EUS-FNA 2023)", "CT 14 May: 32 mm mass in the sigmoid colon")."""
    sized = any(ex.hits("value", "tumour_size", sent))
    for m in ex.rules.histology.find(ex.text, sent.start, sent.end):
        if m.concept == "other" and not sized:
            continue
        if sent.context.assert_target(m.start, m.end, _THING_CATS).get("existence") is None:
            return True
    return False


_NOT_DONE = frozenset({"no", "not", "without", "nil", "never"})


# how far either side of the test's name the rules ``test_later`` read
_LATER_REACH = 80


def _later(ex: Extraction, sent: Sentence, code: str, m: TermMatch) -> bool:
    """Whether the test at ``m`` is only named in a plan, a follow-up request, a monitoring
    schedule or a drug's condition (a rule of ``test_later`` on the words around it, the name
    marked ``«...»``), not taken (issue #10, i45p); or, whatever the test, only suggested or
    recommended (a rule of ``test_suggested``; i50i)."""
    lo = max(sent.start, m.start - _LATER_REACH)
    hi = min(sent.end, m.end + _LATER_REACH)
    window = marked_window(ex.text, m.start, m.end, lo, hi)
    if any(rx.search(window) for rx in ex.rules.value["test_suggested"]):
        return True  # "we would recommend a CT", "correlate with HRCT": never asked for
    if code not in ex.rules.patterns.test_later_codes:  # the tests the cue keeps out (data)
        return False
    return any(rx.search(window) for rx in ex.rules.value["test_later"])


def _not_done(ex: Extraction, sent: Sentence, assertion: Assertion, start: int) -> bool:
    """A plain "no"/"not" right before a test says it was not done, not that it was normal; a
    lesion between them denied on the test ("no ILD on HRCT") is the done test's normal."""
    hit = assertion.categories.get("existence")
    if hit is None or hit[0] != "NEGATED_EXISTENCE" or _denied_before(ex, sent, start):
        return False
    _, a, b = hit
    return b <= start and ex.text[a:b].casefold() in _NOT_DONE and start - b <= 12


# a new item of a list or a new paragraph between two sentences
_NEW_ITEM = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-•*]|\d+[.)])\s")


def _next_sentence_result(ex: Extraction, sent: Sentence) -> str | None:
    """A result stated in the next sentence of the paragraph ("Skin biopsy.\nInterface …")."""
    if sent.index + 1 >= len(ex.sentences):
        return None
    nxt = ex.sentences[sent.index + 1]
    if nxt.paragraph != sent.paragraph:
        return None
    if ex.rules.investigations.find(ex.text, nxt.start, nxt.end):
        return None
    cats = {m.rule.category for m in nxt.context.modifiers}
    if "ABNORMAL" in cats:
        return "ABNORMAL"
    if "NORMAL" in cats:
        return "NORMAL"
    if not _NEW_ITEM.search(ex.text, sent.end - 1, nxt.start + 4) and _lesion_found(
        ex, nxt, nxt.start
    ):
        # issue #10 (i52i): a report's next sentence that opens on a lesion ("Colonoscopy: to
        # the caecum, good preparation. Sigmoid: ulcerated lesion ..."): the test's finding (not
        # a new item of a list, or after a blank line: another test's or topic's)
        return "ABNORMAL"
    return None


# issue #10 (i46i): a short date leading the line the test is on, as a discharge letter's list of
# investigations dates each line ("18.09. CT chest: ...", " 23.10. Gastroscopy and colonoscopy:
# ..."): dotted day and month with the closing dot, or two-digit day and month with a slash;
# never a longer date (the date rules read it) or a grade ("4/5")
# (or after the heading the line was joined to: "Imaging: 18.09. CT chest: ...")
_LEAD = r"(?:[^\n:.;]{1,60}:)?[ \t]*+(?:[-•*][ \t]*+)?"
_LINE_LEAD_DATES = (
    re.compile(_LEAD + r"(?P<a>[0-3]?\d)(?P<sep>\.)[ \t]?(?P<b>[01]?\d)\.(?![ \t]?\d)[ \t]"),
    re.compile(_LEAD + r"(?P<a>[0-3]\d)(?P<sep>/)(?P<b>[01]\d)(?![/.\-]?\d)[ \t]"),
)


# ... or right before the test, where the list's lines were joined ("... normal. 24.10. CT ...")
_SHORT_DATES_BEFORE = tuple(
    re.compile(r"(?<![\d./])" + rx.pattern[len(_LEAD) :] + r"[ \t]*+$") for rx in _LINE_LEAD_DATES
)

# ... and anywhere between a line's date and its test
_SHORT_DATES_ANYWHERE = tuple(
    re.compile(r"(?<![\d./])" + rx.pattern[len(_LEAD) :]) for rx in _LINE_LEAD_DATES
)


def _date_leading_line(ex: Extraction, start: int) -> TimePoint | None:
    """The short date right before the test, or the one that leads the test's line with no
    other date between it and the test, placed as a date without its year (_date_beside)."""
    text = ex.text
    line_start = text.rfind("\n", 0, start) + 1
    lead = None
    for rx in _SHORT_DATES_BEFORE:
        lead = lead or rx.search(text, max(line_start, start - 12), start)
    for rx in _LINE_LEAD_DATES:
        if lead is not None:
            break
        lead = rx.match(text, line_start, start)
        if lead is not None and (
            find_dates(text, ex.rules, lead.end(), start, ex.style)
            or any(other.search(text, lead.end(), start) for other in _SHORT_DATES_ANYWHERE)
        ):
            return None  # a date of its own nearer the test
    if lead is None:
        return None
    parsed = _date_from_match(lead, ex.style, ex.rules)
    return None if parsed is None else TimePoint(absolute=parsed[0], uncertain=parsed[1])


def _number(written: str) -> float:
    """A value as written: a comma before three digits groups thousands ("1,240"), before one or
    two it is the decimal comma ("11,2")."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written):
        return float(written.replace(",", ""))
    return float(written.replace(",", "."))


def _value_outside_range(ex: Extraction, sent: Sentence, after: int) -> bool:
    """issue #10 (i46i): whether the test's result clause gives a value outside the reference
    range printed beside it (patterns.yaml ``investigation_value_range``: "FBC: Hb 94 g/L
    (130-180)", "LFT: ALT 186 U/L (ref <50)"): an abnormal result the note states in numbers."""
    text = ex.text
    stop = _clause_stop(ex, sent, after, _RESULT_END)
    for rx in ex.rules.value["investigation_value_range"]:
        for m in rx.finditer(text, after, stop):
            value = _number(m.group("value"))
            low, high = m.group("low"), m.group("high") or m.group("upper")
            if low is not None and value < _number(low):
                return True
            if high is not None and value > _number(high):
                return True
    return False


def _repeat_unchanged(ex: Extraction, sent: Sentence, start: int, end: int) -> bool:
    """issue #10 (i46i): whether the test is a repeat whose result is told as unchanged ("repeat
    CT unchanged", "follow-up HRCT: stable"): patterns.yaml ``investigation_repeat_unchanged``
    on the words around the test, its name marked «...»."""
    lo = max(sent.start, start - 40)
    hi = min(_clause_stop(ex, sent, end, _RESULT_END), end + 60)
    window = marked_window(ex.text, start, end, lo, hi)
    return any(rx.search(window) for rx in ex.rules.value["investigation_repeat_unchanged"])


def _other_side_found(ex: Extraction, sent: Sentence, after: int) -> bool:
    """issue #10 (i53i): whether a bilateral test's result, told side by side, shows a lesion
    on its other side: the result opens on one side's label (patterns.yaml
    ``investigation_side_label``), and the next sentence of the paragraph, naming no other test,
    opens on the other side's label and names a lesion."""
    label = ex.rules.one("investigation_side_label")
    first = label.match(ex.text, after, sent.end)
    if first is None or sent.index + 1 >= len(ex.sentences):
        return False
    nxt = ex.sentences[sent.index + 1]
    if nxt.paragraph != sent.paragraph or ex.rules.investigations.find(ex.text, nxt.start, nxt.end):
        return False
    second = label.match(ex.text, nxt.start, nxt.end)
    if second is None or second.group("side")[0].lower() == first.group("side")[0].lower():
        return False
    return _lesion_found(ex, nxt, second.end()) is not None


def _concordant(ex: Extraction, sent: Sentence, start: int, end: int) -> bool:
    """issue #10 (i53i): whether the test is told only as agreeing with the one before it
    ("mammography 22/10 concordant"): patterns.yaml ``investigation_concordant`` on the words
    from the test's name, marked «...», to its clause's end."""
    hi = min(_clause_stop(ex, sent, end, _RESULT_END), end + 60)
    window = marked_window(ex.text, start, end, start, hi)
    return any(rx.search(window) for rx in ex.rules.value["investigation_concordant"])


def _last_test(ex: Extraction, sent: Sentence) -> Draft | None:
    """The test read just before, in this sentence or the one before it, when it has a result
    (normal or abnormal) that a test agreeing with it shares (i53i)."""
    for draft in reversed(ex.drafts):
        if draft.type == "investigation" and draft.sentence.index >= sent.index - 1:
            return draft if draft.value.get("result") in _EXISTENCE_OF else None
        if draft.type == "investigation":
            return None
    return None


_EXISTENCE_OF = {"normal": "NORMAL", "abnormal": "ABNORMAL"}


def _last_of(ex: Extraction, code: str) -> Draft | None:
    """The last test of ``code`` read before, when it has a result a repeat told as unchanged
    still shows (normal or abnormal)."""
    for draft in reversed(ex.drafts):
        if draft.type == "investigation" and draft.code == code:
            return draft if draft.value.get("result") in _EXISTENCE_OF else None
    return None


def _add_repeat(ex: Extraction, sent: Sentence, draft: Draft) -> None:
    """A repeat told unchanged after the test in its sentence, with its own date and no name
    ("HRCT chest 20/03/2025: NSIP pattern; repeat 12/08/2026 stable"; patterns.yaml
    ``investigation_repeat_after``, its date in the group ``gap``), is the same test on that
    date with the same result (issue #10, i46i)."""
    result = draft.value.get("result")
    if result not in ("normal", "abnormal"):
        return
    text = ex.text
    stop = _bracket_end(ex, sent)
    m = ex.rules.one("investigation_repeat_after").search(text, draft.end, stop)
    if m is None or ex.rules.investigations.find(text, draft.end, m.end()):
        return  # another test between: the repeat is not this one's
    dates = find_dates(text, ex.rules, m.start("gap"), m.end("gap"), ex.style)
    if len(dates) != 1:
        return
    day = dates[0]
    if day.day == draft.time.absolute:
        return
    _add(
        ex,
        Draft(
            "investigation",
            draft.code,
            draft.status,
            m.start(),
            m.end(),
            sent,
            TimePoint(absolute=day.day, uncertain=day.uncertain),
            {"result": result},
            inferred=draft.inferred,
            uncertain=draft.uncertain,
        ),
    )


# how far before a blood panel the lab of its draw may be told, within its paragraph
_DRAW_REACH = 300


def _draw_date(ex: Extraction, code: str, start: int) -> TimePoint | None:
    """issue #10 (i46i): the time of the lab told last before a blood panel (patterns.yaml
    ``blood_panel_codes``) in its paragraph, with no date between them: the panel was drawn with
    it ("Bloods 04-11: CK 1,480 U/L; ALT 41 U/L; FBC normal", "drawn 02/11/2026: CK 240 U/L;
    FBC normal")."""
    if code not in ex.rules.patterns.blood_panel_codes:
        return None
    labs = [
        d for d in ex.drafts if d.type == "lab" and d.end <= start and start - d.end <= _DRAW_REACH
    ]
    if not labs:
        return None
    last = max(labs, key=lambda d: d.end)
    text = ex.text
    if BLANK_LINE.search(text, last.end, start) or find_dates(
        text, ex.rules, last.end, start, ex.style
    ):
        return None
    if any(rx.search(text, last.end, start) for rx in _SHORT_DATES_ANYWHERE):
        return None
    return last.time if last.time.absolute is not None else None
