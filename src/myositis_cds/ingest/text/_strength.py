"""The strength examination: MRC/Kendall grades by muscle or movement → the weakness items.

A note grades muscles in many shapes: lists ("Deltoids 4/5, biceps 4+/5, iliopsoas 3/5"),
sentences ("shoulder abduction and hip flexion are 4/5 bilaterally"), grades before the muscles
("4/5 power in the deltoids and hip flexors"), sides ("3/5 R, 4/5 L", "right deltoid 4-/5") and
R|L tables ("Deltoid  4  4"). This module reads them with one small grammar:

* a *grade* is 0-5 with an optional + or - ("4-/5", "4+", "MRC 4"), or x/10 (Kendall);
* a grade goes to the muscles named since the previous grade (a coordinated list shares it);
  further grades right after it, with a side, go to the same muscles ("3/5 R, 4/5 L");
* a grade followed by "in"/"of" and a muscle goes to the muscles after it;
* two grades with no side after one muscle are right then left (the usual R|L table order);
* a bare number counts as a grade only when only filler words ("is", ":", "bilaterally")
  separate it from its muscle, so "shoulder pain for 3 months" is not a grade.

Grades are gathered per paragraph (one examination) and turned into the EULAR/ACR items
(rules/strength.yaml names the muscles of each group): a proximal group is weak when graded
below 5 on both sides (or with no side stated: read as both), absent when graded 5; weakness on
one side only is shown to the clinician but is not the criteria's *symmetric* weakness. The two
comparisons need both sides of the comparison graded. Negation is not applied to grades: a grade
is a measurement ("Although she has no complaint of weakness, shoulder abduction is 4/5").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from myositis_cds.ingest.text._rules import TermMatch, compile_rule, rules

__all__ = [
    "COLON_SIDES_DECLARED",
    "COMMA_SIDES_DECLARED",
    "SIDES_DECLARED",
    "Grade",
    "StrengthReading",
    "grades_in",
    "group_states",
    "read_grades",
]

# A grade: "4", "4+", "4-", "4 -", "4-/5", "MRC 4/5", "grade 3", "8/10" (Kendall)
# (issue #10, i10y: a dash between spaces before a word is a separator, not a minus: "ankle
# dorsiflexors 10 - total 71/80", "hip flexors 4 - improving")
_GRADE = compile_rule(
    # (issue #10, i23b: "Oxford 4", the MRC scale under its other name in British notes)
    # (issue #10, i25a: or right after a CJK character, which writes no space before a number:
    # "三角肌肌力4/5", "肌力：4/5", "근력4/5")
    r"(?:(?<![\w./,:+-])|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]))"
    r"(?P<lead>(?:mrc|oxford|power|strength)\s*(?:grade\s*)?(?:of\s*|:\s*|=\s*)?)?"
    # a range out of 5: "1-2/5", "MRC 2-3/5" (read as its middle)
    r"(?:(?P<lo>[0-5])\s?[-–]\s?(?=[0-5]\s*/\s*5(?!\d)))?"
    # issue #10 (i10ag): the MRC grade written with its "M" ("cintura escapular M3, cintura
    # pelviana M3-, extensores del cuello M5"; Spanish, Latin American and Nordic notes, and the
    # MRC's own M0-M5): read as a bare grade, next to its muscle only (so "cT3 N1 M0" is none)
    r"(?:(?P<m>M)(?=[0-5](?![\d/.,]\d|\d)))?"
    r"(?P<g>1[1-9]|20|10|[0-9])(?:\.(?P<half>5))?(?P<mod>[+-](?![\d\w])|\s[+-](?![\d\w])(?!\s+[^\W\d])|\([+-]\)(?=\s*/\s*5))?(?:\s*/\s*(?P<of>5|10|20)(?!\d|\.\d))?"
    # (issue #10, i46n: a unit as a word of its own, "4 cm", "3 mg/kg", "2 mmHg", "5 cm2"; not
    # the start of a longer word, "4/5 CMAS: 24/52", "4/5 MMT8 70/80", where the grade stands)
    r"(?![\d.,]\d|\d|\s*(?:(?:mm(?:hg|ol)?|cm|kgs?|mg)(?![a-z])|%|units?|days?|weeks?|wks?|months?|mo\b|years?|yrs?|y\b"
    r"|times|x\b|/\s*(?!5\b|10\b)\d|[-–]\s*\d|am\b|pm\b|:\d"
    r"|[-–\s]?points?\b))",  # (i10k: a scale's name, "the 5-point scale", is no grade)
    re.IGNORECASE,
)
_SIDE_WORDS = (
    # issue #10 (i10ag): both sides named ("4/5 R and L", "right and left", "L & R") come first,
    # before a lone "R" takes the phrase's first letter
    r"(?P<both>(?:r|rt|right)\s*(?:and|&|\+)\s*(?:l|lt|left)|(?:l|lt|left)\s*(?:and|&|\+)\s*"
    r"(?:r|rt|right)|bilateral(?:ly)?|bilat|both(?: sides)?"
    # (issue #10, i29s: and "R/L" with one grade, "Finger flexors  R/L  5", "4/5 R/L": both)
    r"|(?:r|rt|right)\s*/\s*(?:l|lt|left)"
    # (issue #10, i34e: and the sides written as an equality, "hip flexors 4/5 (R=L)", "L = R":
    # the same grade on both)
    r"|(?:r|rt|right)\s*=\s*(?:l|lt|left)(?!\w)|(?:l|lt|left)\s*=\s*(?:r|rt|right)(?!\w)"
    # (issue #10, i33e: "B/L", "b/l", the ward's bilateral: "shoulder abd Gr 4 B/L")
    r"|b\s*/\s*l(?![\w/])"
    r"|symmetric(?:al(?:ly)?)?|equally"
    # issue #10 (i10ab): "on both sides" in German, Czech, Slovak, Polish, Hungarian, Slovenian,
    # Croatian, Finnish, Swedish and Danish/Norwegian letters ("hartiat 4/5 molemmin puolin",
    # "zginacze bioder 4/5 obustronnie"); the languages' standard words, verified U
    r"|beidseits|beidseitig|oboustrann[ěe]|obojstranne|obustronnie|k[ée]toldal[it]?"
    r"|mindk[ée]t\s+oldalon|obojestransko|obostrano|molemmin\s+puolin|molemmilla\s+puolilla"
    r"|bilateralt|p[åa]\s+b[åa]da\s+sidorna|p[åa]\s+b[åa]da\s+sidor|p[åa]\s+begge\s+sider)"
    r"|(?P<right>right|rt|r)|(?P<left>left|lt|l)"
)
_SIDE_AFTER = re.compile(  # used with match(pos): no "^" (it would anchor at 0)
    r"\s*(?:\(\s*)?(?:on\s+the\s+|in\s+the\s+|on\s+)?(?:" + _SIDE_WORDS + r")\b", re.IGNORECASE
)
_SIDE_BEFORE = re.compile(r"(?:^|[\s(,;|])(?:" + _SIDE_WORDS + r")\s*[:=)]?\s*$", re.IGNORECASE)
# a side word is a whole word: the "r" ending "lower" or "her" is not "R" (right)
_MUSCLE_SIDE = re.compile(r"(?<!\w)(?:" + _SIDE_WORDS + r")\.?\s+(?:\w+\s+)?$", re.IGNORECASE)
_QUOTE = re.compile("[\"'“”‘’]")  # issue #10 (i35e): a quoted grade is read only in numbers
# What may stand between a muscle and a bare grade ("Deltoid: 4", "hips are 4 bilaterally",
# "Shoulder abd.  3  3": the full stop of a shortened name, right after it).
_FILLER = re.compile(
    # (issue #10, i34e: and the arrows of a change from normal between a muscle and its grade,
    # "UL prox ↓ 4 | UL dist ↔ 5 | LL prox ↓↓ 3": down reduced, double down much reduced, the
    # two-headed arrow unchanged, up increased; the grade after them is the reading)
    # (issue #10, i35e: and the quotation marks of a grade reported second-hand, "her shoulders
    # 'three-plus'", as a social care or nursing record quotes the examiner's words)
    r"^\.?(?:[\s:=|,()\-–↓↑↔⇓⇑⇔\"'“”‘’]|/(?=\s*+(?:r|l|rt|lt|right|left)\b|(?:l|lt)[0-5])|\b(?:is|are|was|were|power|strength|mrc|grade|graded|at|of|r|l|rt|lt"
    r"|oxford"  # issue #10 (i23b): the MRC scale's other name ("Hip flexors  Oxford 4 R")
    r"|also"  # issue #10 (i36e): "hip flexion was also grade 3" (the grade shared in prose)
    # issue #10 (i37n): the article of a score given as a noun, in a patient's or a lay record's
    # words ("scored my shoulders a four, my hips a three")
    r"|an?"
    r"|force"  # issue #10 (i10j): "distal force normal" (a translated letter's word for power)
    # (issue #10, i10ao: "power" in the languages of the examinations read: força, fuerza, forza,
    # Kraft, síla/sila/siła, snaga, moč, erő, forța, kracht, styrke/styrka, voima, güç, kekuatan,
    # lakas, сила; verified U)
    r"|força|forca|fuerza|forza|kraft|muskelkraft|s[íi]la|siła|snaga|moč|erő|forța|forta"
    r"|kracht|styrke|styrka|voima|güç|kekuatan|lakas|сила"
    r"|grau|grado|grad"  # issue #10 (i10k): "grade" in Portuguese, Spanish/Italian, German
    r"|gr"  # issue #10 (i14b): "grade" shortened ("근위부 Gr IV-", "deltoids Gr. 4")
    # (issue #10, i10ao: and in the Slavic letters, as rules/style.yaml roman_grade_leads)
    r"|stupeň|stupně|stupňa|stopień|stopnia|stupanj|stupnja|stopnja"
    r"|parts?|segments?"  # issue #10 (i10k): "distal parts 5 points" (translated letters)
    r"|right|left|bilaterally|bilateral|both|muscles?|groups?"
    # issue #10 (i34e): a joint's movements graded, "ankle movements grade 5" (a grade in
    # numbers only: "finger movements normal" is the joint's function, see read_grades)
    r"|movements?"
    # (issue #10, i10az: "was"/"were"/"is"/"are" in the languages of the examinations read,
    # for the grade said last in words: "la force musculaire du cou, des poignets et des
    # chevilles était normale", "a força dos tornozelos era normal", "forza ai polsi è
    # conservata"; Spanish, Portuguese, French, Italian, Romanian, Catalan, German; verified U)
    r"|era|eran|es|son|estaba|estaban|está|están|é|são|eram|estava|estavam|était|étaient|est"
    r"|sont|è|sono|erano|este|sunt|erau|és|eren|ist|sind|war|waren)\b"
    r"|\bst\."  # (i10ao: the Slavic "st." for stupeň / stopień)
    # issue #10 (i10ag): a muscle's qualifier in brackets, as the IMACS MMT-8 form names its
    # muscles ("Deltoid (middle)  9  9", "Neck flexors (axial)  10", "Biceps (brachii)")
    r"|\((?:middle|anterior|posterior|axial|brachii|brachialis|femoris|medius|maximus|minimus"
    r"|lateral|medial|upper|lower|long|short|deep|superficial|prox(?:imal)?|dist(?:al)?)\)"
    # issue #10 (i37r): a grade given with a verb of rating, "weakness of proximal muscles
    # graduated in 2" (a Portuguese author's "graduada em"), "rated at 4", "scored 3"
    r"|\b(?:graduated|graduad[oa]s?|rated|scored)(?:\s+(?:in|em|en|at|as))?\b"
    # issue #10: a grade reached: "power had decreased to grade 4", "remained at 5"
    r"|\b(?:(?:had|has|have)\s+)?(?:been\s+)?(?:decreased|reduced|diminished|fallen|dropped"
    r"|remained|improved|increased|returned)\s+(?:to|at)\b)*$",
    re.IGNORECASE,
)
_MOVEMENTS = re.compile(r"\bmovements?\b", re.IGNORECASE)
# The symptoms whose scores are no strength grades ("pain 4/10", "VAS 6")
_SYMPTOM = (
    r"\b(?:pain|painful|vas|nrs|ache|aches|aching|tender(?:ness)?|itch(?:ing|y)?|pruritus|fatigue"
    r"|stiffness)\b"
)
# A score of a symptom right before a number: not a strength grade
_NOT_STRENGTH = re.compile(
    _SYMPTOM + r"(?:\s+(?:score|scale|rating|level))?\s*(?:\([^()]{0,10}\))?\s*(?:of|:|=|was|is|at"
    r"|now|today)?\s*$",
    re.IGNORECASE,
)
# issue #10 (i10az): a symptom's score with its site between ("pain in shoulders 7/10", "dolor
# en hombros 7/10", "douleur des épaules 6/10", "Schmerzen der Oberschenkel 5/10"): the site is
# the pain's, the number its score. The symptom words and prepositions of English, Spanish,
# Portuguese, French, Italian, German, Romanian, Polish, Czech/Slovak, Croatian; verified U
_SYMPTOM_AT_SITE = re.compile(
    r"\b(?:pain|painful|ache|aching|tender(?:ness)?|dolor(?:es)?|dor(?:es)?|douleurs?|dolori?"
    r"|schmerz\w*|durer[ei]|bolest\w*|ból\w*|eva|evn|vas|nrs)\s+(?:in|of|at|on|en|de|des|du|da"
    r"|do|dos|das|nos|nas|em|al|aux|à|del|della|delle|alle|ai|agli|sulle|im|der|den|în|w|v)\s+"
    r"(?:(?:the|both|her|his|los|las|les|le|la|l['’]|os|as|i|gli|beiden|ambos)\s*)*"
    r"[^\W\d]+(?:\s+[^\W\d]+)?\s*[:=]?\s*$",
    re.IGNORECASE,
)
_NEXT_GRADE = re.compile(r"\s*[:=]?\s*(?:10|[0-5])(?!\d)")
# issue #10 (i10ak): a symptom score's next reading in the same run ("Pain 4/10 (numeric) at
# dressing change, 2/10 at rest", "VAS 6/10 today, 3/10 last week"): the second score is the
# symptom's too, unless a muscle, a movement or a strength word is named between them
_SYMPTOM_SCORE_RUN = re.compile(
    _SYMPTOM + r"[^.;\n\d]{0,30}\d{1,2}\s*/\s*10\b(?P<between>[^.;\n\d]{0,40})$",
    re.IGNORECASE,
)
_MUSCLE_WORD = re.compile(
    r"(?:flex|exten|abduct|adduct|rotat|deltoid|bicep|tricep|quad|hamstring|glut|psoas|hip|"
    r"shoulder|neck|knee|elbow|wrist|ankle|grip|arm|leg|thigh|muscle|power|strength|mmt|mrc)",
    re.IGNORECASE,
)

# What may follow a bare number for it to be a grade ("Deltoid 4, biceps 4", "hips 4 bilaterally",
# "Deltoid  4   4", i10y: "ankle dorsiflexors 10 - total 71/80"), not "Shoulder: 3 injections".
# Used with match(pos): no "^".
_BARE_END = re.compile(
    # (issue #10, i10ao: and the degree sign of Polish, Czech and Slovak notes, "proksymalnie 4°")
    # (issue #10, i35e: and the middle dot or bullet a one-line list separates its items with,
    # "D 3 · HF 3 · NF 2", "hip flexion 4 • knee extension 5")
    r"\s*(?:$|[,;.()|\n、，；。（）°º·•\"”’]|[-–—](?=\s)"
    # issue #10 (i36e): the noun of what was graded after a grade said in words ("grip full
    # strength on both sides", "her shoulders are full power", "grip normal power bilaterally"):
    # the phrase ends after it as after the word alone
    r"|(?:strength|power)(?=\s*(?:$|[,;.()\n\"”’]|(?:on|in|both|bilat\w*|throughout|and)\b))"
    # issue #10 (i25b): a slash before the other side's grade ("Hip flexion  R 3 / L 3")
    r"|/(?=\s*+(?:r|l|rt|lt|right|left)\b)|/?(?:l|lt)(?=[0-5])"
    r"|(?:r|l|rt|lt|right|left|bilat\w*|b\s*/\s*l|both|symmetric\w*|and|throughout|on|in"
    r"|at|proximally|distally|\d+"
    # issue #10 (i27s): "with" before the next muscle and its own grade ("neck flexion grade 4
    # with neck extension grade 5")
    r"|with"
    # issue #10 (i37n): the comparison's word before the other muscle's grade ("neck flexors 4
    # vs extensors 5", "hips 3 versus ankles 5")
    r"|vs|versus"
    # issue #10 (i39n): a table row's total after its last grade ("Ankle dorsiflexors 10
    # TOTAL 74/80", an MMT8 written on one row)
    r"|total"
    # (i10ag: "in" of the Spanish, Portuguese, French and Italian examination: "fuerza distal M5
    # en las cuatro extremidades")
    r"|en|em|nas|nos|dans|nelle|negli|nei|aux"
    # --- issue #10 (i10ao): a scope word after the grade ("distal grade V all", "distal 5 in all
    # limbs", "distálne 5 všetky"): "all", "every", "each", "both" in the languages of the
    # examinations read (English; Spanish, Portuguese todos/todas/ambos; French tous/toutes;
    # Italian tutti/tutte/entrambi; German, Dutch, Nordic alle/alla/beide/begge/båda; Czech,
    # Slovak všech-/všetk-/obe/oba; Polish wszystk-/obie/oba; Slovene, Croatian vse/sve/svi/obe;
    # Romanian toate/toți/ambele; Hungarian mind/minden/mindkét; Malay, Indonesian semua/kedua;
    # Tagalog lahat); each language's standard word, verified U. Begin
    r"|all|every\w*|each|todos|todas|ambos|ambas|tous|toutes|tutti|tutte|entrambi|entrambe|alle"
    r"|alla|beide|begge|båda|všech\w*|všetk\w*|obe|oba|obou|wszystk\w*|obie|vse|sve|svi|toate"
    r"|toți|toti|ambele|mind|minden|mindkét|semua|kedua|lahat"
    # --- issue #10 (i10ao): end
    # --- issue #10 (i12a): the grade's "points" after it where a Baltic or South Slavic
    # examination writes them ("proksimaliai rankose 4 balai", "kakla saliecēji 4 balles",
    # "fleksori vrata 4 boda", "4 točke", "4 бала", "4 бода", "4 точки"): the forms a grade of
    # 0-5 takes (Lithuanian balas/balai, Latvian balle/balles, Croatian/Serbian bod/boda,
    # Slovene točka/točke/točk, Bulgarian/Macedonian бал/бала/точки, Serbian бод/бода); never
    # the genitive plural that names a scale ("5 balų skalė", "skala od 5 bodova"); verified U
    r"|bal(?:as|ai|o)|bal(?:le|les)|bod(?:a)?|točk(?:a|e|i)|бал(?:а)?|бод(?:а)?|точк(?:а|и)"
    # (issue #10, i16a: and the Kazakh "балл", which a grade keeps in the nominative
    # whatever its number, "иық белдеуі 4 балл"; not Russian "баллов", the scale's genitive
    # plural; verified U)
    r"|балл"
    # (issue #10, i29a: and the Turkmen "bal", "boýun bükijiler 2 bal (...)", when nothing but
    # punctuation follows it: not "5 bal ulgamy", the 5-point system; verified U)
    r"|bal(?=\s*(?:$|[,;.()\n]))"
    r")\b)",
    re.IGNORECASE,
)

# A grade that goes to the muscles after it: "4/5 in the deltoids", "4/5 strength of hip flexion"
_FORWARD = re.compile(
    # (i10j: also after the grade's bracket, "full (MRC 5/5) in shoulder abduction, ...")
    # (i10k: and after a bracketed scale, "3/5 (on the 5-point scale) in the proximal parts")
    # (i10-text20: and the prepositions and articles of a Portuguese, Spanish, Italian or French
    # examination, "força grau III em topografia proximal", "3/5 en la cintura pélvica")
    # (i10ag: and "involving"/"affecting": "weakness of grade 4/5 power involving both shoulder
    # and hip girdles")
    r"^\)?\s*(?:\([^()]{0,40}\)\s*)?(?:(?:muscle\s+)?(?:power|strength|weakness))?\s*(?:in|of|for|at|on|with"
    r"|involving|affecting"
    # (issue #10, i10as: and the Greek and Bulgarian prepositions with their article, "4+/5
    # στους εγγύς μύες", "4/5 των εγγύς μυών", "4/5 в проксималните мускули"; verified U)
    r"|em|en|na|nas|no|nos|dans|au|aux|nel|nei|nella|nelle|negli"
    r"|σε|στους|στις|στα|στο|στη|στην|των|του|της|в|във"
    # (issue #10, i10at: and "in"/"at" in the Slavic languages, Romanian, Malay/Indonesian,
    # Tagalog and the Nordic ones, "5/5 v zgornjih udih", "4/5 u donjim ekstremitetima", "4/5
    # w kończynach", "4/5 la membrele", "4/5 у нижніх кінцівках", "4/5 pada anggota"; not
    # "i" or "ve", which are "and" in Croatian/Serbian and Turkish; verified U)
    r"|v|u|w|we|la|în|у|pada|di|sa|på"
    # (issue #10, i10az: and "on"/"over" the muscles of a French, Spanish, Portuguese, Italian,
    # Romanian or Catalan examination, "cotant 2 sur 5 sur les hanches", "4/5 sobre los
    # hombros", "4/5 sulle spalle", "4/5 pe umeri"; verified U)
    r"|sur|sobre|sui|sulle|sugli|sul|pe"
    # (issue #10, i34r: and "for" in Portuguese, Spanish, French and Italian, "grau IV para
    # flexão do quadril", "3/5 pour la flexion de hanche", "4/5 per la flessione dell'anca")
    r"|para|pour|per)\s+(?:the\s+|both\s+"
    r"|her\s+|his\s+|bilateral\s+|all\s+|more\s+|(?:right|left)\s+|la\s+|las\s+|los\s+|le\s+"
    r"|les\s+|l['’]|ambos\s+|ambas\s+)*"
    # issue #10 (i27s): the list the grade goes to may open with places the rules do not read
    # as muscles ("grade 5 at the elbows, wrists and ankles": the elbows are a joint): each a
    # word before a comma; the muscles named after them take the grade
    r"(?:[^\W\d_]++\s*+,\s*+)*+$",
    re.IGNORECASE,
)

# Muscles joined by "and" ("4/5 deltoids and hip flexors"): no comma, so "MRC 4/5 deltoids,
# hip flexors 3/5" keeps each grade with its own muscle.
# (issue #10, i10as: and "and" in Greek, Bulgarian, Estonian/Finnish, Latvian, Lithuanian: και,
# и, ja, un, ir; verified U)
_AND = re.compile(r"^\s*(?:and|&|\+|/|και|и|ja|un|ir)\s*(?:the\s+|both\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Grade:
    value: float  # on the MRC 0-5 scale
    start: int
    end: int
    side: str | None  # "right", "left", "both", or None (not stated)
    explicit: bool  # written with "/5", "/10" or "MRC": a grade whatever stands around it
    word: bool = False  # said in words ("full", "normal"): grade 5, read only next to its muscle


@dataclass
class StrengthReading:
    """One muscle (or movement) with the grade the note gives it."""

    group: str
    side: str | None
    grade: float
    start: int  # from the muscle's name ...
    end: int  # ... to the end of its grade


@dataclass
class _Owner:
    muscle: TermMatch
    side: str | None
    grades: list[Grade] = field(default_factory=list)


def _side(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    for name in ("right", "left", "both"):
        if m.group(name):
            return name
    return None


# Full strength said in words: "against full neck extension", "normal distal power",
# "neck extension is full". Read as grade 5, only right next to its muscle (see read_grades).
# issue #10 (i10j): "distal force conserved (5/5)", "distal strength preserved", "ankles intact",
# "backwards was fine": the same, read only where "full" would be
# (issue #10, i10y: "strong": "the rest of the limb muscles were strong")
# (issue #10, i10ao: and by the word's stem in the languages of the examinations read, as
# "força distal preservada", "distálne normálna", "distal kraft erhalten", "forza distale
# conservata", "siła dystalna zachowana", "snaga distalno očuvana": normal (normal, normale,
# normais, normaux, normali, normaal, normális, normální/normálna, normalna, нормальная), preserved
# and kept (preserv-/préserv-, conserv-, zachov-/zachow- (Czech, Slovak, Polish), očuvan-/sačuvan-
# (Croatian, Serbian), ohranjen- (Slovene), bevar- (Nordic), erhalten, behouden, megtartott,
# păstrat-, mantid-/mantenut-, сохран-), intact (intact-, intakt-, íntegr-/integr-) and full
# (plen-, pleine, piena, voll-, plná/plný, pełn-, puna/polna, teljes, penuh, completa/complète);
# each language's standard adjective, verified U)
_WORD_GRADE = compile_rule(
    r"\b(?:full|normal|preserved|conserved|intact|fine|strong"
    r"|normal(?:e|es|i|s|a|na|no|ne|ni|ă|ais|aux)|normaal|normális|norm[áa]ln\w+|нормальн\w+"
    r"|pr[eé]serv\w+|conserv(?!ative)\w+|zachov\w+|zachow\w+|očuvan\w*|sačuvan\w*|ohranjen\w*"
    r"|bevar\w+|erhalten\w*|behouden|megtartott|păstrat\w*|pastrat\w*|mantid[ao]s?"
    r"|mantenut[ao]|сохран\w+|intact\w*|intakt\w*|íntegr\w*|integr[ao]s?|integra"
    r"|plen[ao]s?|pleine|piena|voll\w*|pln[áýé]|pełn\w+|puna|polna|teljes|penuh|complet[ao]s?"
    r"|complète)\b",
    re.IGNORECASE,
)
# What must follow a muscle graded by a word before it: the end of the phrase, or power/strength
# ("normal distal power"), not another noun ("normal shoulder X-ray").
_WORD_MUSCLE_END = re.compile(
    r"\s*(?:$|[,;.)(\n]|(?:power|strength|bilaterally|and|throughout)\b)", re.IGNORECASE
)
_WORD_BEFORE_MUSCLE = re.compile(r"^\s*(?:(?:power|strength)\s+(?:in|of)\s+)?(?:the\s+)?$", re.I)


# issue #10 (i10al): a grade with the Chinese or Japanese word for "grade" after it ("近端Ⅱ级、
# 远端Ⅳ级", "肌力3级", "4級"), in Arabic, Roman or the Unicode Roman numerals that CJK text
# writes (Ⅰ-Ⅴ): the word makes it a grade wherever it stands (a tumour's grade is "G2", "2级"
# only after a muscle, which read_grades asks for)
_ROMAN = {"ⅰ": 1, "ⅱ": 2, "ⅲ": 3, "ⅳ": 4, "ⅴ": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_CJK_GRADE = re.compile(
    r"(?<![0-9A-Za-z.+-])(?P<n>[0-5]|[ⅠⅡⅢⅣⅤ]|IV|V|I{1,3})(?P<mod>[+-])?\s*[级級](?![别別])",
    re.IGNORECASE,
)


# --- issue #10 (i25b): two more ways a strength table writes its grades, begin. A side's label
# glued to its grade, right then left ("hip flexors R4 L4", "R4-/L4"): capitals and only as a
# pair (a lone "L4" is a vertebra). The Kendall scale in its first form, per cent of normal
# (Kendall FP et al., "Muscles: Testing and Function", key to grading: Normal 100 %, Good 80 %,
# Fair 50 %, Poor 20 %, Trace 5 %, Zero 0 %; the 0-10 scale is the same scale in tenths):
# "neck flexors 60%", "deltoid R 80% / L 80%", read where the examination declares the Kendall
# scale or per cent of normal (facts/strength.py _KENDALL_DECLARED), mapped through the 0-10
# table; 100 % is full strength, anything below it weakness.
_STEP = {"+": 0.33, "-": -0.33}
_GLUED_PAIR = re.compile(
    r"(?<![\w./-])(?:R|Rt)(?P<r>[0-5])(?P<rmod>[+-](?![\w]))?[ \t]*+[,/]?[ \t]*+"
    r"(?:L|Lt)(?P<l>[0-5])(?P<lmod>[+-](?![\w]))?(?![\w/]|[.,]\d)"
)
_PERCENT_GRADE = re.compile(r"(?<![\w.,])(?P<p>100|[1-9]?[0-9])(?:[.,]\d)?+[ \t]?%")
# --- issue #10 (i25b): end


def grades_in(
    text: str,
    start: int,
    end: int,
    *,
    kendall_declared: bool = False,
    sides_declared: bool = False,
    muscle_starts: frozenset[int] = frozenset(),
) -> list[Grade]:
    """Every grade written in text[start:end]. ``kendall_declared``: the examination says its
    grades are on the Kendall 0-10 scale (an MMT-8 table), so bare numbers are read on it too;
    otherwise only "x/10" is (rules/strength.yaml ``kendall`` maps it onto MRC grades).
    ``sides_declared``: the examination's heading declares right / left columns, so "4 / 4"
    pairs are read as sides from the start (see :func:`_side_pairs`)."""
    table = rules().strength.kendall.to_mrc
    fatigued = rules().one("strength_rested_then_fatigued")  # issue #10 (i46f)
    out: list[Grade] = []
    for m in _GLUED_PAIR.finditer(text, start, end):
        first = m.start()  # the left grade from the right one's end: the pair is one cell
        for key, label in (("r", "right"), ("l", "left")):
            value = float(m.group(key)) + _STEP.get(m.group(f"{key}mod") or "", 0.0)
            last = m.end(f"{key}mod") if m.group(f"{key}mod") else m.end(key)
            out.append(Grade(value, first, last, label, False))
            first = last
    if kendall_declared:
        for m in _PERCENT_GRADE.finditer(text, start, end):
            tenths = float(m.group("p")) / 10
            low = int(tenths)
            value = (
                table[low]
                if low >= 10
                else table[low] + (tenths - low) * (table[low + 1] - table[low])
            )
            out.append(Grade(round(value, 2), m.start(), m.end(), None, False))
    for m in _WORD_GRADE.finditer(text, start, end):
        out.append(Grade(5.0, m.start(), m.end(), None, False, word=True))
    pairs = _side_pairs(text, start, end, declared=sides_declared, muscle_starts=muscle_starts)
    out.extend(pairs)
    for m in _CJK_GRADE.finditer(text, start, end):
        value = float(_ROMAN.get(m.group("n").casefold(), m.group("n")))
        value += _STEP.get(m.group("mod") or "", 0.0)
        if 0 <= value <= 5:
            out.append(Grade(value, m.start(), m.end(), None, True))
    for m in _GRADE.finditer(text, start, end):
        if any(p.start <= m.start() < p.end for p in pairs):
            continue
        g = int(m.group("g"))
        of = m.group("of")
        if m.group("lo") is not None and of != "5":
            continue  # a range is a grade only written out of 5 ("1-2/5")
        if g > 10 and of != "20":
            continue
        kendall = of in ("10", "20") or (kendall_declared and of is None and not m.group("lead"))
        if of == "20":  # an MMT-8 muscle scored on both sides together (R + L, 0-10 each)
            half, odd = divmod(g, 2)
            value = table[half] if not odd else (table[half] + table[min(half + 1, 10)]) / 2
        elif kendall:
            value = table[g]
            if m.group("half") and g < 10:
                value = (value + table[g + 1]) / 2
        elif g > 5:
            continue
        else:
            value = float(g)
            if m.group("half"):
                value += 0.5
            if m.group("lo") is not None and int(m.group("lo")) < g:
                value = (int(m.group("lo")) + g) / 2  # "1-2/5": between the two grades
        mod = (m.group("mod") or "").strip(" ()")  # (i10ag: "4(-)/5" is "4-/5")
        if kendall and mod:
            pass  # the Kendall scale has no +/- steps of its own: "8+/10" is read as 8
        elif mod == "+":
            value += 0.33
        elif mod == "-":
            value -= 0.33
        if value > 5:
            continue
        if _NOT_STRENGTH.search(text, max(start, m.start() - 24), m.start()):
            continue  # "shoulder pain 7/10", "VAS 6/10": a symptom score, not a grade
        if _SYMPTOM_AT_SITE.search(text, max(start, m.start() - 50), m.start()):
            continue  # (i10az) "pain in shoulders 7/10", "dolor en hombros 7/10"
        if kendall and (
            (run := _SYMPTOM_SCORE_RUN.search(text, max(start, m.start() - 120), m.start()))
            is not None
            and not _MUSCLE_WORD.search(run.group("between"))
        ):
            continue  # "Pain 4/10 at dressing change, 2/10 at rest": the pain's second score
        if fatigued.match(text, m.end(), min(end, m.end() + 90)):
            continue  # "5/5 at rest, 4/5 after 20 repetitions": the fatigued grade is read
        after = _SIDE_AFTER.match(text, m.end(), min(end, m.end() + 16))
        if after is not None and _NEXT_GRADE.match(text, after.end(), min(end, after.end() + 6)):
            after = None  # "R 4 L 4": the "L" is the next grade's side
        before = _SIDE_BEFORE.search(text, max(start, m.start() - 10), m.start())
        side = _side(after) or _side(before)
        explicit = bool(of or m.group("lead"))
        out.append(Grade(value, m.start(), m.end(), side, explicit))
    return sorted(out, key=lambda g: g.start)


# issue #10 (i10h): an examination that declares its columns right then left ("strength (R/L):
# deltoid 4/4, iliopsoas 4-/4-") writes each muscle's two grades as a pair with a slash, so
# "4/4" is right 4 and left 4, not four out of four.
# (issue #10, i27a: and in the languages whose notes write the heading in their own words,
# Somali "midig / bidix"; each language's standard words for right and left, verified U;
# i29a: Turkmen "sag / çep", Telugu "కుడి / ఎడమ")
_SIDES_DECLARED = re.compile(
    r"(?<!\w)(?:r\s*/\s*l|rt\s*/\s*lt|right\s*/\s*left|midig\s*/\s*bidix|sag\s*/\s*[çc]ep"
    r"|కుడి\s*/\s*ఎడమ)(?!\w)"
    # (issue #10, i44n: not the two sides said to be alike, "Strength (R/L same): deltoids 4/5",
    # "R/L equal", "R/L symmetric": one grade for both sides, each "4/5" four out of five;
    # English charting usage, verified U)
    r"(?!\s*(?:the\s+)?(?:same|equal|equally|alike|identical|symmetric(?:al)?)\b)",
    re.I,
)
SIDES_DECLARED = _SIDES_DECLARED
# issue #10 (i29s): the same columns declared with a comma, in a bracket or before a colon
# ("Power (MRC; R,L): deltoid 4,4 ; hip flexors 4(-),4(-)", "Strength R, L: ..."): each muscle's
# two grades are then written as a pair with a comma, right then left. Only after such a
# heading (a comma between two grades is otherwise a list or a decimal: "4,5 mg")
COMMA_SIDES_DECLARED = re.compile(
    r"(?<!\w)(?:r|rt|right)\s*,\s*(?:l|lt|left)\s*(?=[):])", re.IGNORECASE
)
_COMMA_PAIR = re.compile(
    r"(?<![\w./,:+-])(?P<r>[0-5])(?P<rmod>[+-](?![\w])|\([+-]\))?,[ \t]?"
    r"(?P<l>[0-5])(?P<lmod>[+-](?![\w])|\([+-]\))?(?![\w/]|[.,]\d)"
)
# issue #10 (i34e): the same columns declared with a colon ("Power, as R:L - shoulder abduction
# 4:4, hip flexion 4-:4-"): each muscle's two grades are a pair with a colon, right then left.
# Only after such a heading in the same sentence or over the table (a colon between two numbers
# is otherwise a clock time or a ratio: "09:45", "CA-125:CEA > 25")
COLON_SIDES_DECLARED = re.compile(r"(?<![\w:])(?:r|rt|right)[ \t]?:[ \t]?(?:l|lt|left)(?!\w)", re.I)
_COLON_PAIR = re.compile(
    r"(?<![\w./,:+-])(?P<r>[0-5])(?P<rmod>[+-](?![\w]))?[ \t]?:[ \t]?"
    r"(?P<l>[0-5])(?P<lmod>[+-](?![\w]))?(?![\w/:]|[.,]\d)"
)
_SIDE_PAIR = re.compile(
    r"(?<![\w./,:+-])(?P<r>[0-5])(?P<rmod>[+-])?\s?/\s?(?P<l>[0-5])(?P<lmod>[+-])?"
    r"(?![\w/]|\.\d|\s*(?:r|l|rt|lt|right|left|bilat\w*)\b)",
    re.IGNORECASE,
)


# issue #10 (i27a): a right / left table whose cells write each side's grade out of five, "hip
# flexors 3/5 / 3/5", "deltoid 4-/5 / 4/5": the pair is the two sides, not "3/5" read as right 3
# and left 5 twice over (a Tok Pisin referral's R / L table, heldout34)
# (issue #10, i33e: or joined by "and", "shoulder abduction III/V and III/V" after "right / left")
_SIDE_PAIR_OF_FIVE = re.compile(
    r"(?<![\w./,:+-])(?P<r>[0-5])(?P<rmod>[+-])?(?P<rof>\s?/\s?5)(?:\s?/\s?|\s+(?:and|&)\s+)"
    r"(?P<l>[0-5])(?P<lmod>[+-])?(?P<lof>\s?/\s?5)(?![\w/]|\.\d)"
)


def _side_pairs(
    text: str,
    start: int,
    end: int,
    *,
    declared: bool = False,
    muscle_starts: frozenset[int] = frozenset(),
) -> list[Grade]:
    """The right and left grades of "4/4", "4-/4-" pairs when the text declares R/L columns
    before them, or ``declared`` (the table's heading did; i10u), else nothing: "4/5" is four
    out of five. ``muscle_starts``: where the muscles of the row start (see _equal_pair)."""
    out: list[Grade] = []
    comma = COMMA_SIDES_DECLARED.search(text, start, end)
    if comma is not None or declared:  # (issue #10, i29s) "R,L): deltoid 4,4"
        for m in _COMMA_PAIR.finditer(text, comma.end() if comma is not None else start, end):
            for side, g, mod in (("right", "r", "rmod"), ("left", "l", "lmod")):
                step = _STEP.get((m.group(mod) or "").strip("()"), 0.0)
                last = m.end(mod) if m.group(mod) else m.end(g)
                out.append(Grade(float(m.group(g)) + step, m.start(g), last, side, True))
    colon = COLON_SIDES_DECLARED.search(text, start, end)
    if colon is not None or declared:  # (issue #10, i34e) "R:L - shoulder abduction 4:4"
        for m in _COLON_PAIR.finditer(text, colon.end() if colon is not None else start, end):
            for side, g, mod in (("right", "r", "rmod"), ("left", "l", "lmod")):
                step = _STEP.get(m.group(mod) or "", 0.0)
                last = m.end(mod) if m.group(mod) else m.end(g)
                out.append(Grade(float(m.group(g)) + step, m.start(g), last, side, True))
    heading = _SIDES_DECLARED.search(text, start, end)
    if heading is None and not declared and not _equal_pair(text, start, end, muscle_starts):
        return out
    first = heading.end() if heading is not None else start
    whole = []  # (issue #10, i27a) each side's grade written out of five: "3/5 / 3/5"
    if heading is not None or declared:
        for m in _SIDE_PAIR_OF_FIVE.finditer(text, first, end):
            whole.append((m.start(), m.end()))
            for side, g, mod, of in (("right", "r", "rmod", "rof"), ("left", "l", "lmod", "lof")):
                value = float(m.group(g)) + _STEP.get(m.group(mod) or "", 0.0)
                if value <= 5:
                    out.append(Grade(value, m.start(g), m.end(of), side, True))
    w = 0  # both runs of matches come in order: the pairs of fives passed so far
    for m in _SIDE_PAIR.finditer(text, first, end):
        while w < len(whole) and whole[w][1] <= m.start():
            w += 1
        if w < len(whole) and whole[w][0] <= m.start():
            continue  # inside a pair of fives, read above
        for side, g, mod in (("right", "r", "rmod"), ("left", "l", "lmod")):
            value = float(m.group(g)) + _STEP.get(m.group(mod) or "", 0.0)
            if value > 5:
                continue
            out.append(
                Grade(value, m.start(g), m.end(mod) if m.group(mod) else m.end(g), side, True)
            )
    return out


# issue #10 (i10al): "bahu 3/3, siku 4/4" (Indonesian, "kanan/kiri"), "三角筋 4/4" (Japanese,
# "右/左"), "deltoid 4-/4-": a pair whose two halves are the same grade below 5 is no grade out of
# 3 or 4 (the MRC scale's denominator is 5) and no fraction (a fraction in lowest terms never has
# equal halves): it is the right and the left side, whatever the language of the column heading.
# Then every pair of that sentence or table row is read as sides. Not "1/1", "0/0" (counts:
# "1/1 nodes"), nor a pair followed by a word ("2/2 of", "3/3 cycles") unless that word is the
# next muscle of the row ("Deltoids 4 / 4   Wrist extensors 5 / 5": a table's columns, their gap
# collapsed by normalisation; issue #10, lead, after opening heldout28: the pair was not read,
# so the row's "5 / 5" was the deltoids' grade and their weakness was read as absent).
_EQUAL_PAIR = re.compile(
    r"(?<![\w./,:+-])(?P<r>[2-4])(?P<rmod>[+-]?)\s?/\s?(?P=r)(?P=rmod)"
    r"(?![\w/]|\.\d)(?P<word>\s+(?!(?:and|but|while|whereas)\b)(?=[^\W\d]))?",
)
# (issue #10, i23b: a conjunction after the pair is no counted noun: "proximal strength was 4/4
# and distal strength 5/5" joins the next group's grades, as a comma would)


def _equal_pair(text: str, start: int, end: int, muscle_starts: frozenset[int]) -> bool:
    return any(
        m.group("word") is None or m.end() in muscle_starts
        for m in _EQUAL_PAIR.finditer(text, start, end)
    )


def _word_list(words: Iterable[str], lead: str) -> re.Pattern[str] | None:
    """One of ``words`` as a whole word at its end (longest first), after ``lead``; None when
    the list is empty."""
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{lead}(?:{alts})(?!\w)", re.IGNORECASE)


@functools.cache
def _narrowing() -> re.Pattern[str] | None:
    return _word_list(rules().strength.narrowing, r"(?<!\w)")


@functools.cache
def _counted() -> re.Pattern[str] | None:
    return _word_list(rules().strength.counted_after_number, "")


def _counts(text: str, g: Grade, m: TermMatch) -> bool:
    """issue #10 (i52f): a bare number right before a word that counts (rules/strength.yaml
    ``counted_after_number``: "3 fingers", "2 finger breadths") is a count, not a grade."""
    pattern = _counted()
    return (
        pattern is not None
        and not g.explicit
        and not g.word
        and not text[g.end : m.start].strip()
        and pattern.match(text, m.start) is not None
    )


def _narrowed(text: str, start: int, end: int) -> bool:
    """issue #10 (i14b): a narrowing word (rules/strength.yaml ``narrowing``) between two
    muscles: the next grade is the later muscle's alone."""
    pattern = _narrowing()
    return pattern is not None and pattern.search(text, start, end) is not None


# issue #10 (i19d): between a grade and a muscle in the brackets after it, or between two of
# those muscles: "5/5 (grip, ankle dorsiflexion)", "5/5 (grip and ankles)"
_BRACKET_MEMBER = re.compile(r"\s*(?:\(|,|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b)?\s*")


def _bracket_list(text: str, pos: int, close: int, muscles: list[TermMatch]) -> bool:
    """issue #10 (i19d): the bracket holds nothing but muscles up to its ")": not their own
    grades ("(quadriceps 3/5)") nor words about them ("(extension not tested)")."""
    for o in muscles:
        if pos <= o.start < close:
            if not _BRACKET_MEMBER.fullmatch(text[pos : o.start]):
                return False
            pos = max(pos, o.end)
    return _BRACKET_MEMBER.fullmatch(text[pos:close]) is not None


# issue #10 (i24d): a grade in brackets closing the clause that describes its muscle's test
# ("the shoulders hold against resistance but give way (4 bilaterally)", "hip flexion: can lift
# the leg off the couch but not against my hand (3)"): the bracket holds the grade alone, with
# its side; the clause between the muscle and the bracket has no number and no clause break;
# and the sentence says it grades strength
_CLAUSE_TO_BRACKET = re.compile(r"[^\d;:.()\n]{1,80}+\(\s*+")
_BRACKET_CLOSE = re.compile(
    r"\s*+(?:/\s*+5\s*+)?(?:(?:on\s++(?:the\s++)?)?(?:" + _SIDE_WORDS + r")\s*+)?\)", re.I
)
_STRENGTH_SAID = re.compile(r"\b(?:mrc|power|strength|graded?|mmt|oxford)\b", re.IGNORECASE)


def _clause_bracket(text: str, start: int, end: int, prev_end: int, g: Grade) -> bool:
    return (
        _CLAUSE_TO_BRACKET.fullmatch(text, prev_end, g.start) is not None
        and _BRACKET_CLOSE.match(text, g.end, end) is not None
        and _STRENGTH_SAID.search(text, start, end) is not None
    )


# issue #10 (i28b): the words that set a second muscle group beside a forward grade's list, with
# its own grade after it ("2/5 in the hip flexors with the distal limbs 4/5", "3/5 at the hips
# but the ankles 5/5"): that group is not one of the list's; English, verified U
_BESIDE = re.compile(r"\b(?:with|but|while|whereas)\b", re.IGNORECASE)
# issue #10 (i40n): the English word for weak after a muscle (see read_grades)
_CALLED_WEAK = re.compile(r"\bweak(?:ness)?\b", re.IGNORECASE)


# issue #10 (i35e): a grade followed by a bracket that names its muscles, maybe after its side
# and its level ("power 4+ bil. prox. (shoulders, hips), 5 bil. dist. (wrists, ankles)", a chain
# from proximal to distal "legs 2 (hip) -> 3 (knee) -> 5 (ankle)"): the grade is the bracket's
# muscles' (and the level's word's before it), not the muscles named before the grade
_INTO_BRACKET = re.compile(
    r"[ \t]*+(?:(?:bil|bilat|bilateral|bilaterally|both|b/l|r|l|rt|lt|right|left)\.?[ \t]*+)?"
    r"(?:(?:prox|proximal|proximally|dist|distal|distally)\.?[ \t]*+)?\(",
    re.IGNORECASE,
)


class _Starting(Protocol):
    @property
    def start(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Starting)


class _FirstFrom(Generic[_Spanned]):
    """The first item of a list, in its order, that starts at or after a place: by bisection
    when the list is in order of start (as the readers give it), else by going through it."""

    def __init__(self, items: list[_Spanned]) -> None:
        self.items = items
        self.starts = [x.start for x in items]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def at(self, pos: int) -> _Spanned | None:
        if not self.ordered:
            return next((x for x in self.items if x.start >= pos), None)
        i = bisect_left(self.starts, pos)
        return self.items[i] if i < len(self.items) else None


def read_grades(
    text: str,
    start: int,
    end: int,
    muscles: list[TermMatch],
    *,
    kendall_declared: bool = False,
    sides_declared: bool = False,
    line_breaks: frozenset[int] = frozenset(),
) -> list[StrengthReading]:
    """The graded muscles of one sentence (or table line) at [start, end); ``muscles`` are the
    muscle terms found there (concept = the term's group in rules/strength.yaml).
    ``line_breaks``: where a space stands for a line break the note's soft wrapping joined (a
    bare grade ends its line there, as at a written line break: "neck flexion 3 / extension 5" /
    "Q6 Oxygen: NO"; issue #10, i35e)."""
    muscles = _resolve_ellipsis(muscles, text)
    if not muscles:
        return []
    grades = grades_in(
        text,
        start,
        end,
        kendall_declared=kendall_declared,
        sides_declared=sides_declared,
        muscle_starts=frozenset(m.start for m in muscles),
    )
    if not grades:
        return []
    # (issue #10, i31p: the next grade after a muscle and the next muscle after a grade found
    # by bisection, not by a scan of the sentence's list for each one)
    first_grade, first_muscle = _FirstFrom(grades), _FirstFrom(muscles)
    items: list[tuple[int, str, object]] = [(m.start, "muscle", m) for m in muscles]
    items += [(g.start, "grade", g) for g in grades]
    items.sort(key=lambda x: x[0])
    waiting: list[_Owner] = []
    owners: list[_Owner] = []
    forward: Grade | None = None
    orphan: Grade | None = None  # a grade with no muscle before it: "..., 5/5 distally"
    shared: Grade | None = None  # that grade, passed on along "and" to the next muscles
    done: list[_Owner] = []
    unread = False  # i15a: the grades since the last muscle are an unread muscle's
    bracket: Grade | None = None  # i19d: a grade followed by "(" lists the muscles it grades
    bracket_open = -1  # i35e: where the bracket after such a grade opens, if a level is between
    last_end = start
    for _pos, kind, obj in items:
        if kind == "muscle":
            m = obj
            assert isinstance(m, TermMatch)
            side = _side(_MUSCLE_SIDE.search(text, max(start, m.start - 14), m.start))
            owner = _Owner(m, side)
            unread = False
            # (i10j: the zero-width groups of "5/5 elsewhere" stand at their own grade; an
            # earlier "4/5 at the hip flexors" does not carry forward to them)
            # (i10k: a muscle after a comma with a grade of its own right after it starts its
            # own reading: "3/5 in the proximal parts of the limbs, distal parts 5/5")
            own = first_grade.at(m.end)
            # (i28b: or after "with", "but", "while", "whereas", which set a second group beside
            # the list: "2/5 in the hip flexors with the distal limbs 4/5")
            graded_here = (
                own is not None
                and (
                    "," in text[last_end : m.start]
                    or _BESIDE.search(text, last_end, m.start) is not None
                )
                and _FILLER.match(text[m.end : own.start]) is not None
            )
            close = text.find(")", m.end, end)
            if bracket is not None and m.start < bracket_open:
                owner.grades.append(bracket)  # (i35e) the level's word: "4+ bil. prox. (..."
                done.append(owner)
                continue
            if (
                bracket is not None
                and _BRACKET_MEMBER.fullmatch(text[last_end : m.start])
                and close >= 0
                and _bracket_list(text, m.end, close, muscles)
            ):
                # issue #10 (i19d): the muscles in brackets after a group's grade are that
                # group's, at its grade: "distal 5/5 (grip, ankle dorsiflexion)"
                owner.grades.append(bracket)
                done.append(owner)
                last_end = m.end
                continue
            bracket = None
            if (
                forward is not None
                and m.end > m.start
                and not re.search(r"[;.]", text[last_end : m.start])
                and not graded_here
            ):
                owner.grades.append(forward)
                done.append(owner)
            elif orphan is not None and _FILLER.match(text[orphan.end : m.start]):
                owner.grades.append(orphan)
                done.append(owner)
                shared = orphan  # "MRC 4/5 deltoids and hip flexors": the list shares it
                orphan = None
            elif shared is not None and _AND.match(text[last_end : m.start]):
                owner.grades.append(shared)
                done.append(owner)
            else:
                forward = shared = None
                if owners:  # a muscle after a grade starts a new list
                    owners = []
                if waiting and (
                    re.search(r"[;:]", text[waiting[-1].muscle.end : m.start])
                    or _narrowed(text, waiting[-1].muscle.end, m.start)
                    # issue #10 (i40n): "with", "but", "while", "whereas" set the next muscle
                    # beside the waiting ones, with a grade of its own ("weakness of neck
                    # flexion with neck extension normal": the word is the extension's alone)
                    or _BESIDE.search(text, waiting[-1].muscle.end, m.start)
                    # ... and so does the word "weak" said of the waiting ones ("neck flexors
                    # weak, neck extensors normal": not a list the word "normal" grades)
                    or _CALLED_WEAK.search(text, waiting[-1].muscle.end, m.start)
                ):
                    waiting = []  # i10j: "... at hands and feet; flexors of the neck 3/5"
                    # (i14b: or a narrowing word, "proximal loss of strength, especially in
                    # hip flexion (3/5)": the grade is the hip's alone)
                    # (i10at: or a field's colon, "... disminuida a nivel proximal: EID:
                    # cuádriceps 2-3/5": the grade is the next field's muscle's alone)
                waiting.append(owner)
            last_end = m.end
            continue
        g = obj
        assert isinstance(g, Grade)
        nxt = first_muscle.at(g.end)
        if g.word and not (
            nxt is not None
            and _WORD_BEFORE_MUSCLE.match(text[g.end : nxt.start])
            and _WORD_MUSCLE_END.match(text, nxt.end, min(end, nxt.end + 20))
        ):
            # "hips normal", "neck extension is full": a grade after its muscle, if only filler
            target = waiting or owners
            prev_end = (
                (target[-1].grades[-1].end if target[-1].grades else target[-1].muscle.end)
                if target
                else None
            )
            if (
                prev_end is None
                or not _FILLER.match(text[prev_end : g.start])
                or _QUOTE.search(text, prev_end, g.start) is not None  # (i35e) quoted: a number
                or not _BARE_END.match(text, g.end, min(end, g.end + 20))
                or _MOVEMENTS.search(text, prev_end, g.start)
            ):
                continue  # "normal sensation", "normal shoulder X-ray": not a grade
                # (i34e: nor "fine finger movements normal", a joint's function or range)
        into = _INTO_BRACKET.match(text, g.end, end)
        if into is not None and not (
            waiting and _FILLER.match(text[waiting[-1].muscle.end : g.start])
        ):
            close = text.find(")", into.end(), end)
            if (
                close >= 0
                and any(into.end() <= m.start < close for m in muscles)
                and _bracket_list(text, into.end(), close, muscles)
            ):
                # issue #10 (i35e): "2 (hip) -> 3 (knee)": the grade is its bracket's muscles'
                waiting, owners = [], []
                forward = orphan = shared = None
                unread = False
                bracket, bracket_open = g, into.end() - 1
                last_end = bracket_open
                continue
        if unread and not waiting:
            last_end = g.end
            continue
        forward = orphan = shared = None
        if (
            nxt is not None
            and _counts(text, g, nxt)
            and not (waiting and _FILLER.match(text[waiting[-1].muscle.end : g.start]))
        ):
            last_end = g.end  # "mouth opening 3 fingers": a count (its muscle is not graded)
            continue
        if (
            nxt is not None
            and (
                _FORWARD.match(text[g.end : nxt.start])
                or (g.word and _WORD_BEFORE_MUSCLE.match(text[g.end : nxt.start]))
            )
            and not (waiting and _FILLER.match(text[waiting[-1].muscle.end : g.start]))
        ):
            forward = g  # "4/5 in the deltoids and hip flexors"
            owners = []
            last_end = g.end
            continue
        target = waiting or owners
        if not target:
            orphan = g
            last_end = g.end
            continue
        if (
            not waiting
            and target[-1].grades
            and "," in text[target[-1].grades[-1].end : g.start]
            and not _FILLER.match(text[target[-1].grades[-1].end : g.start])
        ):
            # issue #10 (i15a): a grade after a comma and words the rules do not know as a
            # muscle is that unread muscle's ("hips 3/5, <unread muscle> 5/5"), not the left
            # side of the muscle before it (which made a weak hip look asymmetric, 3 right 5 left)
            owners = []
            unread = True  # its other grades ("lutut 4/4": right and left) are its own too
            last_end = g.end
            continue
        if not g.explicit:
            prev_end = target[-1].grades[-1].end if target[-1].grades else target[-1].muscle.end
            # (issue #10, i19b: or the next muscle of a list right after it, as a list of one
            # muscle a line reads once its lines are joined: "neck extensors gr 4 / shoulder
            # abductors gr 3 bilat" on a ward-round sheet, heldout27 307)
            # (issue #10, i29s: or after a slash that parts the row's items, "neck flexion 4 /
            # extension 5": the slash of a grade out of five is read with the grade, "4 / 5")
            next_muscle = nxt is not None and text[g.end : nxt.start].strip() in ("", "/")
            if (
                not _FILLER.match(text[prev_end : g.start])
                or not (
                    next_muscle
                    or _BARE_END.match(text, g.end, min(end, g.end + 20))
                    or g.end in line_breaks
                )
            ) and not _clause_bracket(text, start, end, prev_end, g):
                continue  # "shoulder pain for 3 months", "Shoulder: 3 injections": not grades
        for owner in target:
            owner.grades.append(g)
        bracket = g if re.match(r"\s*\(", text[g.end : end]) else None
        bracket_open = -1
        if waiting:
            owners = waiting
            done.extend(waiting)
            waiting = []
        last_end = g.end
    out: list[StrengthReading] = []
    for owner in done:
        sides = [g.side for g in owner.grades]
        if len(owner.grades) == 2 and sides == [None, None] and owner.side is None:
            sides = ["right", "left"]  # "Deltoid  4  4": an R|L table row
        for g, side in zip(owner.grades, sides, strict=True):
            out.append(
                StrengthReading(
                    owner.muscle.concept,
                    side or owner.side,
                    g.value,
                    min(owner.muscle.start, g.start),
                    max(owner.muscle.end, g.end),
                )
            )
    return out


# issue #10 (i10ag): the extension words of rules/strength.yaml ``ellipsis`` in each language
# (English, Spanish, Portuguese, French "exten-", Italian "esten-", Danish/Norwegian "ekst-",
# German "streck-", Polish "prostow-", Hungarian "nyújt-", Finnish "ojenn-"); the rest are
# flexion words
# (issue #10, i10az: "ext" itself, the shorthand of "neck flex 3/5 (ext 5)", which every
# "exten-" word begins)
# (issue #10, i12a: and Lithuanian "tiesi-", Latvian "atlie-", Bulgarian "разгъв-", the Cyrillic
# "екст-": "kaklo lenkiamieji 4 balai, tiesiamieji 5 balai"; verified U)
_EXTENSION_STEMS = (
    "ext",
    "esten",
    "ekst",
    "streck",
    "prostow",
    "nyújt",
    "ojenn",
    "backward",
    "tiesi",
    "atlie",
    "разгъв",
    "екст",
    # (issue #10, i14b: and the extensors of Hebrew "(ה)פושטים", Hindi "एक्सटेंसर" and Arabic
    # "(ال)باسطات"; verified U)
    "פושט",
    "הפושט",
    "एक्सटें",
    "باسط",
    "الباسط",
    # (issue #10, i15a: and the Arabic movement "(ال)بسط", the "backward" of Bengali, Urdu and
    # Hindi, Persian "اکستانسیون" and Welsh "estyn"; verified U)
    "بسط",
    "البسط",
    "পেছন",
    "পিছন",
    "پیچھے",
    "पीछे",
    "اکستان",
    "estyn",
)


# --- issue #10 (i10ao): a movement word that names its own distal joint, begin. "Flexores
# dorsais do pé 5/5", "flexión dorsal del pie", "fléchisseurs dorsaux", "flessori dorsali del
# piede", "flexores plantares", "extensión de la muñeca": the dorsal or plantar direction
# (dors-, plant-: the foot's movements in the Terminologia Anatomica's Latin, kept by every
# Romance and Germanic language) or the foot, ankle, wrist or hand named right after it (the
# nouns of English, Spanish, Portuguese, French, Italian, German, Dutch, the Nordic languages,
# Polish, Czech/Slovak, Croatian/Slovene, Romanian, Hungarian and Russian; leg words that also
# name the whole leg, "nohy", "picior", "láb", "kaki", are left out) make it that joint's
# movement, not the joint of the muscle named before it (the hip's, in "quadricípites 4/5,
# flexores dorsais do pé 5/5"). Verified U.
_OWN_JOINT = re.compile(
    r"[\s-]*(?P<dir>(?:dors|plant)\w*)?[\s-]*(?:(?:of|the|do|dos|da|das|de|del|della|dei|degli"
    r"|du|des|la|los|las|le|les|il|el|am|an|der|den|van|av|af|i|w|v|u|na)\s+){0,2}"
    r"(?:(?P<foot>foot|feet|ankles?|pé|pés|pie|pies|pied|pieds|piede|piedi|tornozelos?|tobillos?"
    r"|chevilles?|cavigli[ae]|fu(?:ß|ss)\w*|f[üu](?:ß|ss)e\w*|sprunggelenk\w*|voet\w*|enkel\w*"
    r"|fot\w*|fod\w*|ankel\w*|st[oó]p\w*|chodid\w*|stopal\w*|gležnj\w*|glezn\w*|lábfej\w*"
    r"|bok[áa]\w*|стоп\w*|голеностоп\w*)"
    r"|(?P<hand>wrists?|hands?|punhos?|mãos?|muñecas?|manos?|poignets?|mains?|pols[oi]|man[oi]"
    r"|handgelenk\w*|händ\w*|pols\w*|håndled\w*|handled\w*|nadgarst\w*|zápěst\w*|zápäst\w*"
    r"|zapešć\w*|zapestj\w*|încheietur\w*|csukló\w*|запяст\w*|кист\w*))?\b",
    re.IGNORECASE,
)


def _own_joint(text: str | None, m: TermMatch) -> str | None:
    """The distal group a movement word names by the words right after it, if any."""
    if text is None:
        return None
    own = _OWN_JOINT.match(text, m.end)
    if own is None or not (own.group("dir") or own.group("foot") or own.group("hand")):
        return None
    return "distal_upper" if own.group("hand") else "distal_lower"


# --- issue #10 (i10ao): end


def _resolve_ellipsis(muscles: list[TermMatch], text: str | None = None) -> list[TermMatch]:
    """ "Neck flexion 4-/5, extension 5/5": a movement without its joint takes the joint of the
    muscle named before it (neck flexion → neck extension); with none before, it is dropped.
    (issue #10, i10ao: with the ``text``, a movement that names its own distal joint after it,
    "flexores dorsais do pé", is that joint's: see ``_OWN_JOINT``.)"""
    out: list[TermMatch] = []
    for m in muscles:
        if m.concept != "ellipsis":
            out.append(m)
            continue
        own = _own_joint(text, m)
        if own is not None:
            out.append(TermMatch(m.start, m.end, own, m.text))
            continue
        if not out:
            continue
        prev = out[-1].concept
        extension = m.text.casefold().startswith(_EXTENSION_STEMS)
        # (issue #10, i15a: or the neck named alone, "neck: flexion 4/5, extension 5/5")
        if prev in ("neck", "neck_flexors", "neck_extensors"):
            group = "neck_extensors" if extension else "neck_flexors"
        elif prev in ("finger_flexors",) and extension:
            group = "distal_upper"
        else:
            group = prev
        out.append(TermMatch(m.start, m.end, group, m.text))
    return out


_EXPANDS = {
    "proximal_both": ("proximal_upper", "proximal_lower"),
    "distal_both": ("distal_upper", "distal_lower"),
    "finger_flexors": ("finger_flexors", "distal_upper"),
}


def grip_groups(grade: float) -> tuple[str, ...]:
    """issue #10 (i19d): the grip is distal upper strength; at full grade (MRC 5) it is also
    the long finger flexors' at full strength (the grip is mostly their work), so the finger
    flexors are read not weak; a weaker grip does not say the finger flexors are weak (pain,
    the wrist or the hand's intrinsic muscles also weaken it), so it is distal upper only."""
    return ("distal_upper", "finger_flexors") if grade >= 5 else ("distal_upper",)


def group_states(readings: list[StrengthReading]) -> dict[str, dict[str, float]]:
    """The weakest grade per group and side ("right", "left") over one examination; a grade
    with no side (or "both") counts for both sides."""
    out: dict[str, dict[str, float]] = {}
    for r in readings:
        groups: tuple[str, ...] = _EXPANDS.get(r.group, (r.group,))
        if r.group == "grip":
            groups = grip_groups(r.grade)
        if r.group == "neck":
            # issue #10 (i10az): the neck graded as a whole at full strength has its flexors at
            # full strength (so not weaker than the extensors); graded lower, which of its
            # movements is weak is not said: neither is read
            groups = ("neck_flexors",) if r.grade >= 5 else ()
        for group in groups:
            sides = ("right", "left") if r.side in (None, "both") else (r.side,)
            table = out.setdefault(group, {})
            for s in sides:
                table[s] = min(table.get(s, 5.0), r.grade)
    return out
