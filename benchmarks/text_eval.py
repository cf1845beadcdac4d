"""Issue #10 figures: the text adapter on published case reports and on held-out notes.

Each text is read with the extractor and assessed with ``myositis_cds.assess``; its gold case
(written by hand, committed before the first run) is assessed the same way, which gives the gold
EULAR/ACR items, score and category. Per set of texts it prints exactly the issue's targets:

- notes refused (the extractor refused the text: a ``CaseError``, the CLI's exit 2 and the API's
  422) and, in a column of their own, notes on which it crashed (any other exception: a bug, not
  a refusal; the run then exits 1 so its figures are not taken for a measurement). An error of
  the environment (a package that cannot be imported, a file the install should hold, no
  memory) stops the run at once: every later text would fail the same way;
- EULAR/ACR 2017 items scored present: precision and recall against the gold's present items;
- classification category right and score exact (a refused note counts as wrong);
- stated myositis antibodies found with the right polarity (positive/weak positive vs negative),
  all stated and the positives alone, and how many were read with the opposite polarity;
- stated cancers recorded (a tumour at the same site; histology agreement where the gold states
  one); sex right.

Sets: ``reports:SPLIT`` (dev, dev_b, heldout, heldout_b, heldout_c, heldout_d; tests/data/reports:
texts in the cache, see benchmarks/report_cache.py; a report whose text is absent is skipped and
counted as such) and ``notes:SPLIT`` (tests/data/notes, e.g. notes:heldout6). ``--detail``
lists what differs per text for the development sets (DETAIL_SETS). Since the session of 30 Nov
2026 (afternoon) every earlier set - reports dev, dev_b, heldout, heldout_b and all notes splits
up to heldout5 - is a development set; the held-out sets are now ``reports:heldout_c`` and
``notes:heldout6``. The third sealed set, ``reports:heldout_d`` and ``notes:heldout7``, was
measured sealed twice (FIRST_RUN_D.md) and was opened for development on the evening of 30 Nov
2026, when a fourth sealed set was written (``reports:heldout_e``, ``notes:heldout8``;
FIRST_RUN_E.md), itself opened after its before/after measurement. The fifth sealed set
(``reports:heldout_f``, ``notes:heldout9``; FIRST_RUN_F.md) was measured three times figures only
and opened for development at the start of the session of 30 Nov 2026 (night), while a sixth
sealed set was written (``reports:heldout_g``, ``notes:heldout10``; FIRST_RUN_G.md), run by name,
figures only; it was measured twice and opened for development on 1 Dec 2026 (small hours), while a
seventh sealed set was written (``reports:heldout_h``, ``notes:heldout11``; FIRST_RUN_H.md); it
was measured twice and opened for development on 1 Dec 2026 (night), while an eighth sealed set was
written (``reports:heldout_i``, ``notes:heldout12``; FIRST_RUN_I.md), measured twice and opened
on 1 Dec 2026 (morning), while a ninth sealed set was written (``reports:heldout_j``,
``notes:heldout13``; FIRST_RUN_J.md), measured twice and again at the next session's start, and
opened on 1 Dec 2026 (late morning), while a tenth sealed set was written (``reports:heldout_k``,
``notes:heldout14``; FIRST_RUN_K.md), measured before and after that session's round and
opened, while an eleventh sealed set was written (``reports:heldout_l``, ``notes:heldout15``;
FIRST_RUN_L.md), measured before and after a round and again at the next session's start, and
opened on 1 Dec 2026 (afternoon), while a twelfth sealed set was written (``reports:heldout_m``,
``notes:heldout16``; FIRST_RUN_M.md), measured before and after that session's first round and
opened, while a thirteenth sealed set was written (``reports:heldout_n``, ``notes:heldout17``;
FIRST_RUN_N.md), measured before and after that session's second round and again at the next
session's start (unchanged), and opened on 1 Dec 2026 (late afternoon), while a fourteenth sealed
set was written (``reports:heldout_o``, ``notes:heldout18``; FIRST_RUN_O.md), measured before
and after that session's first round and opened, while a fifteenth sealed set was written
(``reports:heldout_p``, ``notes:heldout19``; FIRST_RUN_P.md), measured before and after that
session's second round and again at the next session's start (unchanged), and opened on 1 Dec 2026
(evening), while a sixteenth sealed set was written (``reports:heldout_q``, ``notes:heldout20``;
FIRST_RUN_Q.md), measured before and after that session's round and opened, while a seventeenth
sealed set was written at the next session's start (``reports:heldout_r``, ``notes:heldout21``;
FIRST_RUN_R.md), measured before and after that session's round and opened, while an eighteenth
sealed set was written at the next session's start (``reports:heldout_s``, ``notes:heldout22``;
FIRST_RUN_S.md), measured before and after that session's round and opened, while a nineteenth
sealed set was written at the next session's start (``reports:heldout_t``, ``notes:heldout23``;
FIRST_RUN_T.md), measured before and after that session's round and opened, while a twentieth
sealed set of notes only was written at the next session's start (``notes:heldout24``, in
FIRST_RUN_T.md), measured once and opened (2 Dec 2026, morning), while a twenty-first sealed
set of notes only was written (``notes:heldout25``, in FIRST_RUN_T.md), measured before and after
that session's round and opened, while a twenty-second sealed set of notes only was written at
the next session's start (``notes:heldout26``, in FIRST_RUN_T.md), measured once and opened (2 Dec
2026, second session), while a twenty-third sealed set of notes only was written
(``notes:heldout27``, in FIRST_RUN_T.md), measured before and after that session's rounds 17-18
and opened, while a twenty-fourth sealed set of notes only was written at that session's end
(``notes:heldout28``, in FIRST_RUN_T.md), measured once more after round 20 and opened (2 Dec
2026, third session), while a twenty-fifth sealed set of notes only was written
(``notes:heldout29``, in FIRST_RUN_T.md), measured again after round 21 and opened (2 Dec 2026,
evening), while a twenty-sixth sealed set of reports was written (``reports:heldout_u``, in
FIRST_RUN_U.md) and a twenty-seventh of notes (``notes:heldout30``, HELDOUT30.md); both sealed, run
by name. Any set not in DETAIL_SETS is
reported as figures only and is in no default list (the lead runs it by name).

    PYTHONPATH=src python benchmarks/text_eval.py [--detail] [--cache DIR] [--fallback embed]
        [--sets reports:dev,reports:dev_b,reports:heldout,reports:heldout_b,notes:heldout5,
                reports:heldout_c,notes:heldout6,reports:heldout_d,notes:heldout7,
                reports:heldout_e,notes:heldout8,reports:heldout_f,notes:heldout9,
                reports:heldout_g,notes:heldout10,reports:heldout_h,notes:heldout11,
                reports:heldout_i,notes:heldout12,reports:heldout_j,notes:heldout13,
                reports:heldout_k,notes:heldout14,reports:heldout_l,notes:heldout15,
                reports:heldout_m,notes:heldout16,reports:heldout_n,notes:heldout17,
                reports:heldout_o,notes:heldout18,reports:heldout_p,notes:heldout19,
                reports:heldout_q,notes:heldout20,reports:heldout_r,notes:heldout21,
                reports:heldout_s,notes:heldout22,reports:heldout_t,notes:heldout23,
                notes:heldout24,notes:heldout25,notes:heldout26,
                notes:heldout27,notes:heldout28,notes:heldout29]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from myositis_cds import assess
from myositis_cds.case import AntibodyResultValue, Case, parse_case
from myositis_cds.errors import CaseError

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
NOTES = ROOT / "tests" / "data" / "notes"
NOTES_TODAY = date(2026, 11, 27)  # the date benchmarks/nlp_eval.py reads the notes on
DEFAULT_SETS = (
    "reports:dev,reports:dev_b,reports:heldout,reports:heldout_b,notes:heldout5,"
    "reports:heldout_c,notes:heldout6,reports:heldout_d,notes:heldout7,"
    "reports:heldout_e,notes:heldout8,reports:heldout_f,notes:heldout9,"
    "reports:heldout_g,notes:heldout10,reports:heldout_h,notes:heldout11,"
    "reports:heldout_i,notes:heldout12,"
    "reports:heldout_j,notes:heldout13,reports:heldout_k,notes:heldout14,"
    "reports:heldout_l,notes:heldout15,reports:heldout_m,notes:heldout16,"
    "reports:heldout_n,notes:heldout17,reports:heldout_o,notes:heldout18,"
    "reports:heldout_p,notes:heldout19,reports:heldout_q,notes:heldout20,"
    "reports:heldout_r,notes:heldout21,reports:heldout_s,notes:heldout22,"
    "reports:heldout_t,notes:heldout23,notes:heldout24,notes:heldout25,notes:heldout26,"
    "notes:heldout27,notes:heldout28,notes:heldout29,reports:heldout_u,notes:heldout30,"
    "reports:heldout_v,notes:heldout31,notes:heldout32,reports:heldout_w,reports:heldout_x,"
    "notes:heldout33,notes:heldout34,reports:heldout_y,reports:heldout_z,notes:heldout35,"
    "reports:heldout_ac,notes:heldout36,reports:heldout_ad,notes:heldout37,"
    "notes:heldout38,reports:heldout_ae,notes:heldout39,reports:heldout_af,"
    "notes:heldout40,reports:heldout_ag,notes:heldout41,reports:heldout_ah,notes:heldout42,"
    "reports:heldout_ai,notes:heldout43,reports:heldout_aj,notes:heldout44,reports:heldout_ak,"
    "notes:heldout45,reports:heldout_al,reports:heldout_am,reports:heldout_an,notes:heldout46,notes:heldout47,reports:heldout_ao,"
    "notes:heldout48,notes:heldout49,notes:heldout50,notes:heldout51,notes:heldout52,notes:heldout53"
)
# Development sets: per-text details may be printed. Any set not listed here (a sealed held-out
# set) is reported as figures only.
DETAIL_SETS = {
    "reports:dev",
    "reports:dev_b",
    "reports:heldout",
    "reports:heldout_b",
    *(
        f"notes:{split}"
        for split in ("dev", "test", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
    ),
    # Issue #10 (30 Nov 2026): measured once sealed (FIRST_RUN_C.md), then opened for tuning;
    # later sealed sets are figures only until measured and opened in turn.
    "reports:heldout_c",
    "notes:heldout6",
    # Measured sealed twice (FIRST_RUN_D.md), opened for tuning on the evening of 30 Nov 2026.
    "reports:heldout_d",
    "notes:heldout7",
    # Measured sealed before and after the evening's round (FIRST_RUN_E.md), then opened.
    "reports:heldout_e",
    "notes:heldout8",
    # Measured sealed three times, figures only (FIRST_RUN_F.md); opened on 30 Nov 2026 (night).
    "reports:heldout_f",
    "notes:heldout9",
    # Measured sealed twice, figures only (FIRST_RUN_G.md); opened on 1 Dec 2026 (small hours).
    "reports:heldout_g",
    "notes:heldout10",
    # Measured sealed twice, figures only (FIRST_RUN_H.md); opened on 1 Dec 2026 (night).
    "reports:heldout_h",
    "notes:heldout11",
    # Measured sealed twice, figures only (FIRST_RUN_I.md); opened on 1 Dec 2026 (morning).
    "reports:heldout_i",
    "notes:heldout12",
    # Measured sealed twice, figures only (FIRST_RUN_J.md); opened on 1 Dec 2026 (late morning).
    "reports:heldout_j",
    "notes:heldout13",
    # Measured sealed before and after a round, figures only (FIRST_RUN_K.md); opened on 1 Dec
    # 2026 (late morning).
    "reports:heldout_k",
    "notes:heldout14",
    # Measured sealed before and after a round and at the next session's start, figures only
    # (FIRST_RUN_L.md); opened on 1 Dec 2026 (afternoon).
    "reports:heldout_l",
    "notes:heldout15",
    # Measured sealed before and after a round, figures only (FIRST_RUN_M.md); opened on 1 Dec
    # 2026 (afternoon).
    "reports:heldout_m",
    "notes:heldout16",
    # Measured sealed before and after a round and again at the next session's start, figures only
    # (FIRST_RUN_N.md); opened on 1 Dec 2026 (late afternoon).
    "reports:heldout_n",
    "notes:heldout17",
    # Measured sealed before and after a round, figures only (FIRST_RUN_O.md); opened on 1 Dec
    # 2026 (late afternoon).
    "reports:heldout_o",
    "notes:heldout18",
    # Measured sealed before and after a round and again at the next session's start, figures only
    # (FIRST_RUN_P.md); opened on 1 Dec 2026 (evening).
    "reports:heldout_p",
    "notes:heldout19",
    # Measured sealed before and after a round, figures only (FIRST_RUN_Q.md); opened on 1 Dec
    # 2026 (evening).
    "reports:heldout_q",
    "notes:heldout20",
    # Measured sealed before and after a round, figures only (FIRST_RUN_R.md); opened on 1 Dec
    # 2026 (night).
    "reports:heldout_r",
    "notes:heldout21",
    # Measured sealed before and after a round, figures only (FIRST_RUN_S.md); opened on 2 Dec
    # 2026 (small hours).
    "reports:heldout_s",
    "notes:heldout22",
    # Measured sealed before and after a round, figures only (FIRST_RUN_T.md); opened on 2 Dec
    # 2026 (small hours).
    "reports:heldout_t",
    "notes:heldout23",
    # Measured sealed once (the first run of rounds 13-14, FIRST_RUN_T.md); opened on 2 Dec 2026
    # (morning).
    "notes:heldout24",
    # Measured sealed before and after a round, figures only (FIRST_RUN_T.md); opened on 2 Dec
    # 2026 (morning).
    "notes:heldout25",
    # Measured sealed once (the first run of round 16's code with the lead's fixes, 4be8e74,
    # FIRST_RUN_T.md); opened on 2 Dec 2026 (second session).
    "notes:heldout26",
    # Measured sealed before and after rounds 17-18, figures only (FIRST_RUN_T.md); opened on 2 Dec
    # 2026 (second session).
    "notes:heldout27",
    # Measured sealed after rounds 17-19 and again after round 20, figures only (FIRST_RUN_T.md);
    # opened on 2 Dec 2026 (third session).
    "notes:heldout28",
    # Measured sealed on its first run, again at the next session's start and after round 21,
    # figures only (FIRST_RUN_T.md); opened on 2 Dec 2026 (third session, evening).
    "notes:heldout29",
    # Measured sealed four times over three rounds, every run identical, figures only
    # (FIRST_RUN_U.md); opened on 2 Dec 2026 (fifth session).
    "reports:heldout_u",
    # Measured sealed once, on its first run (HELDOUT30.md); opened on 2 Dec 2026 (fifth session).
    "notes:heldout30",
    # Measured sealed before and after round 23, both runs identical, figures only
    # (FIRST_RUN_V.md, HELDOUT31.md); opened on 2 Dec 2026 (sixth session).
    "reports:heldout_v",
    "notes:heldout31",
    # Measured sealed before and after round 24 (HELDOUT32.md); opened on 3 Dec 2026 (sixth
    # session) because the second run found four antibodies of opposite polarity to explain.
    "notes:heldout32",
    # Measured sealed three times, identical (FIRST_RUN_W.md); opened on 3 Dec 2026 (seventh
    # session) to find its antibody read with the opposite polarity.
    "reports:heldout_w",
    # Measured sealed before and after round 25, identical (FIRST_RUN_X.md); opened on 3 Dec 2026
    # (eighth session) to find its antibody read with the opposite polarity.
    "reports:heldout_x",
    # Measured sealed three times over rounds 25-26, every run identical, figures only
    # (HELDOUT33.md, HELDOUT34.md, FIRST_RUN_Y.md); opened on 3 Dec 2026 (ninth session), while
    # a thirty-sixth (notes:heldout35) and a thirty-seventh (reports:heldout_z) set were sealed.
    "notes:heldout33",
    "notes:heldout34",
    "reports:heldout_y",
    # Measured sealed before and after round 27, identical, figures only (FIRST_RUN_Z.md);
    # opened on 3 Dec 2026 (ninth session) for its item precision (.80).
    "reports:heldout_z",
    # Measured sealed four times (before and after rounds 27 and 28, and at the start of the tenth
    # session), every run identical, figures only (HELDOUT35.md); opened on 3 Dec 2026 (tenth
    # session).
    "notes:heldout35",
    # Measured sealed before and after round 29, identical, figures only (FIRST_RUN_AC.md);
    # opened on 3 Dec 2026 (tenth session) while notes:heldout36 stays sealed.
    "reports:heldout_ac",
    # Measured sealed four times (before and after rounds 29 and 30, and at the start of the
    # eleventh session), every run identical, figures only (HELDOUT36.md); opened on 3 Dec 2026
    # (eleventh session).
    "notes:heldout36",
    # Measured sealed before and after round 31, identical, figures only (FIRST_RUN_AD.md);
    # opened on 3 Dec 2026 (eleventh session) while notes:heldout37 stays sealed.
    "reports:heldout_ad",
    # Measured sealed four times (before and after rounds 31 and 32, and at the start of the
    # twelfth session), every run identical, figures only (HELDOUT37.md); opened on 3 Dec 2026
    # (twelfth session).
    "notes:heldout37",
    # Measured sealed three times (before and after round 33, and at the start of the thirteenth
    # session), figures only (HELDOUT38.md, FIRST_RUN_AE.md: items identical every time);
    # opened on 3 Dec 2026 (thirteenth session).
    "notes:heldout38",
    "reports:heldout_ae",
    # Measured sealed three times (before and after round 34, and at the start of the fourteenth
    # session), figures only (HELDOUT39.md, FIRST_RUN_AF.md: items identical every time);
    # opened on 4 Dec 2026 (fourteenth session).
    "notes:heldout39",
    "reports:heldout_af",
    # Measured sealed three times (first runs before round 35, after it, and at the start of the
    # sixteenth session), figures only (HELDOUT40.md, FIRST_RUN_AG.md); opened on 4 Dec 2026
    # (sixteenth session).
    "notes:heldout40",
    "reports:heldout_ag",
    # Measured sealed four times (first runs before round 36, after it, after round 37 and at the
    # start of the seventeenth session), figures only (HELDOUT41.md, FIRST_RUN_AH.md); opened on
    # 4 Dec 2026 (seventeenth session).
    "notes:heldout41",
    "reports:heldout_ah",
    # Measured sealed five times (first runs before round 37, after it, at the start of and after
    # round 39 in the seventeenth session, and at the start of the eighteenth), figures only
    # (HELDOUT42.md: items identical from the second; FIRST_RUN_AI.md: identical every time, the
    # fifth on a refilled cache holding all twelve texts byte-identical); opened on 4 Dec 2026
    # (eighteenth session).
    "notes:heldout42",
    "reports:heldout_ai",
    # Measured sealed five times (first runs before round 39, after it, at the start of and after
    # round 40 in the eighteenth session, and at the start of the nineteenth), figures only,
    # identical every time (HELDOUT43.md, FIRST_RUN_AJ.md); opened on 4 Dec 2026 (nineteenth
    # session).
    "notes:heldout43",
    "reports:heldout_aj",
    # Measured sealed five times (first runs before round 40, after it, at the start of the
    # nineteenth session, after round 41, and at the start of the twentieth), figures only,
    # identical every time (HELDOUT44.md, FIRST_RUN_AK.md); opened on 5 Dec 2026 (twentieth
    # session).
    "notes:heldout44",
    "reports:heldout_ak",
    # Measured sealed six times (first runs before round 41, after it, at the start of the
    # twentieth session, after rounds 42 and 43, and at the start of the twenty-first), figures
    # only, items identical every time (HELDOUT45.md, FIRST_RUN_AL.md, FIRST_RUN_AM.md); opened on
    # 5 Dec 2026 (twenty-first session).
    "notes:heldout45",
    "reports:heldout_al",
    "reports:heldout_am",
    # Measured sealed six times (first runs before round 42 and 43, after them, at the start of
    # the twenty-first session, after round 44 and at the start of the twenty-second), figures
    # only, items identical every time (FIRST_RUN_AN.md, HELDOUT46.md); opened on 5 Dec 2026
    # (twenty-second session).
    "reports:heldout_an",
    "notes:heldout46",
    # Measured sealed six times (first run before round 44, after it, at the start of the
    # twenty-second session, after rounds 46 and 47 and at the start of the twenty-third), figures
    # only, items identical from the fourth run on (HELDOUT47.md); opened on 5 Dec 2026
    # (twenty-third session).
    "notes:heldout47",
    # Measured sealed six times (first run before round 44, after it, at the start of the
    # twenty-second session, after rounds 46 and 47 and at the start of the twenty-third), figures
    # only, items identical from the second run on (FIRST_RUN_AO.md); opened on 5 Dec 2026
    # (twenty-third session).
    "reports:heldout_ao",
    # Measured sealed six times (first run before round 46, after rounds 46, 47 and 48, at the
    # start of the twenty-third and twenty-fourth sessions), figures only, items identical in
    # every run (HELDOUT48.md); opened on 5 Dec 2026 (twenty-fourth session).
    "notes:heldout48",
    # Measured sealed three times (first run before round 50, after round 50, at the start of the
    # twenty-sixth session), figures only, items identical in every run (HELDOUT49.md); opened on
    # 5 Dec 2026 (twenty-sixth session).
    "notes:heldout49",
    # Measured sealed three times (first run before round 51, after round 51, at the start of the
    # twenty-seventh session), figures only, items identical in every run (HELDOUT50.md); opened
    # on 5 Dec 2026 (twenty-seventh session).
    "notes:heldout50",
    # Measured sealed three times (first run before round 52, after round 52, at the start of the
    # twenty-eighth session), figures only, items identical in every run (HELDOUT51.md); opened
    # on 5-6 Dec 2026 (twenty-eighth session).
    "notes:heldout51",
    # Measured sealed three times (first run before round 53, after round 53, at the start of the
    # twenty-ninth session), figures only, items identical in every run (HELDOUT52.md); opened
    # on 6 Dec 2026 (twenty-ninth session).
    "notes:heldout52",
}
# The gold takes the stated age as the age at onset when a text gives no earlier onset; the
# figures are also given without the age-band items so that convention can be set aside.
AGE_ITEMS = {"age_onset_18_to_40", "age_onset_40_plus"}


def opened_notes() -> list[Path]:
    """The notes of the development splits (DETAIL_SETS), in name order: the only notes a speed
    benchmark or a rule test may run the extractor or its patterns on. A sealed note is read only
    when its set is run by name."""
    index = yaml.safe_load((NOTES / "index.yaml").read_text(encoding="utf-8"))["notes"]
    return sorted(
        NOTES / f"{name}.txt"
        for name, meta in index.items()
        if f"notes:{meta['split']}" in DETAIL_SETS
    )


def default_cache() -> Path:
    return Path(os.environ.get("MYOSITIS_CDS_REPORTS", "/work/evalcache/reports"))


@dataclass(frozen=True)
class Item:
    """One text to read: its words, gold case, stated cancers and the date it speaks from."""

    name: str
    text: str
    gold: dict[str, Any]
    cancers: list[dict[str, Any]]
    anchor: date | None
    today: date


def load_set(name: str, cache: Path) -> tuple[list[Item], int]:
    """The texts of set ``name`` and how many were skipped because their text is absent."""
    kind, _, split = name.partition(":")
    items: list[Item] = []
    skipped = 0
    if kind == "reports":
        index = yaml.safe_load((REPORTS / "index.yaml").read_text(encoding="utf-8"))["reports"]
        for rid, meta in index.items():
            if meta["split"] != split:
                continue
            path = cache / f"{rid}.txt"
            if not path.is_file():
                skipped += 1
                continue
            gold = yaml.safe_load((REPORTS / "gold" / f"{rid}.yaml").read_text(encoding="utf-8"))
            items.append(
                Item(
                    rid,
                    path.read_text(encoding="utf-8"),
                    gold,
                    meta.get("cancers") or [],
                    meta["anchor"],
                    meta["anchor"],
                )
            )
    elif kind == "notes":
        index = yaml.safe_load((NOTES / "index.yaml").read_text(encoding="utf-8"))["notes"]
        for nid, meta in index.items():
            if meta["split"] != split:
                continue
            gold = yaml.safe_load((NOTES / f"{nid}.yaml").read_text(encoding="utf-8"))
            cancers = meta.get("cancers")
            if cancers is None:  # older notes: the gold tumours are the stated cancers
                cancers = [
                    {"site": t["site"], "histology": t.get("histology")}
                    for t in gold.get("tumours", [])
                ]
            items.append(
                Item(
                    nid,
                    (NOTES / f"{nid}.txt").read_text(encoding="utf-8"),
                    gold,
                    cancers,
                    meta.get("anchor"),
                    NOTES_TODAY,
                )
            )
    else:
        raise ValueError(f"unknown set {name!r}: use reports:SPLIT or notes:SPLIT")
    return items, skipped


# A broken environment, not a text the product refuses: a package that cannot be imported (a
# `pip install` touching the venv mid-run), a file the install should hold, no memory. Counted
# as refusals they once turned every text of a run into a "refused" row that passed for figures.
BROKEN_ENVIRONMENT = (ImportError, OSError, MemoryError)


class HarnessError(RuntimeError):
    """The run cannot give figures (the environment is broken); raised, never counted."""


def extract(item: Item) -> Case:
    from myositis_cds.ingest.text import extract_case

    return extract_case(item.text, anchor=item.anchor, today=item.today).case


def _polarity(result: AntibodyResultValue) -> str | None:
    if result in (AntibodyResultValue.positive, AntibodyResultValue.weak_positive):
        return "positive"
    if result == AntibodyResultValue.negative:
        return "negative"
    return None


def antibody_readings(case: Case) -> set[tuple[str, str]]:
    """(code, polarity) pairs the case records at any date."""
    out = set()
    for a in case.antibodies:
        polarity = _polarity(a.result)
        if polarity is not None:
            out.add((a.code.value, polarity))
    return out


@dataclass
class Tally:
    texts: int = 0
    skipped: int = 0
    refused: int = 0  # the product refused the text (CaseError: exit 2 / HTTP 422)
    refused_names: list[str] = field(default_factory=list)
    crashed: int = 0  # the extractor raised anything else: a bug, never a refusal
    crashed_names: list[str] = field(default_factory=list)
    item_tp: int = 0
    item_fp: int = 0
    item_fn: int = 0
    body_tp: int = 0  # the same, without the two age-band items
    body_fp: int = 0
    body_fn: int = 0
    category_right: int = 0
    classified: int = 0  # texts the gold classifies (possible, probable or definite)
    classified_right: int = 0
    score_exact: int = 0
    sex_right: int = 0
    ab_stated: int = 0
    ab_found: int = 0
    ab_pos_stated: int = 0
    ab_pos_found: int = 0
    ab_opposite: int = 0
    cancers_stated: int = 0
    cancers_recorded: int = 0
    histology_stated: int = 0
    histology_right: int = 0
    details: list[str] = field(default_factory=list)


def classification_of(case: Case, day: date) -> tuple[set[str], float, str]:
    c = assess(case, as_of=day).classification
    return {i.id for i in c.items if i.present}, c.score, c.category


def evaluate(items: list[Item], tally: Tally, detail: bool) -> Tally:
    for item in items:
        tally.texts += 1
        gold = parse_case(item.gold, today=item.today)
        g_items, g_score, g_category = classification_of(gold, item.today)
        g_abs = antibody_readings(gold)
        try:
            got: Case | None = extract(item)
        except CaseError as exc:  # the product's refusal: it counts as wrong in every figure
            got = None
            tally.refused += 1
            tally.refused_names.append(item.name)
            if detail:
                tally.details.append(f"{item.name}: REFUSED ({type(exc).__name__})")
        except BROKEN_ENVIRONMENT as exc:
            raise HarnessError(
                f"{item.name}: {type(exc).__name__}: {exc}: the environment is broken, "
                "no figures (fix the install and run again)"
            ) from exc
        except Exception as exc:  # a crash is counted as wrong too, and shown apart
            got = None
            tally.crashed += 1
            tally.crashed_names.append(f"{item.name} ({type(exc).__name__})")
            if detail:
                tally.details.append(f"{item.name}: CRASHED ({type(exc).__name__}: {exc})")
        if got is None:
            e_items, e_score, e_category, e_abs = set(), None, None, set()
            e_sites: list[tuple[str, str | None]] = []
        else:
            e_items, e_score, e_category = classification_of(got, item.today)
            e_abs = antibody_readings(got)
            e_sites = [
                (t.site.value, getattr(t.histology, "value", t.histology)) for t in got.tumours
            ]
            tally.sex_right += got.patient.sex == gold.patient.sex
        tally.item_tp += len(g_items & e_items)
        tally.item_fp += len(e_items - g_items)
        tally.item_fn += len(g_items - e_items)
        g_body, e_body = g_items - AGE_ITEMS, e_items - AGE_ITEMS
        tally.body_tp += len(g_body & e_body)
        tally.body_fp += len(e_body - g_body)
        tally.body_fn += len(g_body - e_body)
        tally.category_right += e_category == g_category
        if g_category != "not classified":
            tally.classified += 1
            tally.classified_right += e_category == g_category
        tally.score_exact += e_score is not None and abs(e_score - g_score) < 1e-9
        for code, polarity in g_abs:
            tally.ab_stated += 1
            found = (code, polarity) in e_abs
            tally.ab_found += found
            if polarity == "positive":
                tally.ab_pos_stated += 1
                tally.ab_pos_found += found
            if not found and any(c == code for c, _ in e_abs):
                tally.ab_opposite += 1
        for cancer in item.cancers:
            tally.cancers_stated += 1
            at_site = [h for s, h in e_sites if s == cancer["site"]]
            tally.cancers_recorded += bool(at_site)
            if cancer.get("histology"):
                tally.histology_stated += 1
                tally.histology_right += cancer["histology"] in at_site
        if detail and got is not None:
            tally.details.extend(_differences(item, g_items, e_items, g_abs, e_abs, e_sites))
            if got.patient.sex != gold.patient.sex:
                tally.details.append(
                    f"{item.name}: sex {_value(got.patient.sex)} vs gold {_value(gold.patient.sex)}"
                )
            if e_category != g_category or e_score != g_score:
                tally.details.append(
                    f"{item.name}: score {e_score} vs gold {g_score}; "
                    f"category {e_category} vs gold {g_category}"
                )
    return tally


def _differences(
    item: Item,
    g_items: set[str],
    e_items: set[str],
    g_abs: set[tuple[str, str]],
    e_abs: set[tuple[str, str]],
    e_sites: list[tuple[str, str | None]],
) -> Iterator[str]:
    for i in sorted(g_items - e_items):
        yield f"{item.name}: missed item {i}"
    for i in sorted(e_items - g_items):
        yield f"{item.name}: extra item {i}"
    for code, polarity in sorted(g_abs - e_abs):
        yield f"{item.name}: antibody {code} {polarity} not found"
    for code, polarity in sorted(e_abs - g_abs):
        yield f"{item.name}: extra antibody {code} {polarity}"
    for cancer in item.cancers:
        at_site = [h for s, h in e_sites if s == cancer["site"]]
        if not at_site:
            yield f"{item.name}: cancer {cancer['site']} not recorded"
        elif cancer.get("histology") and cancer["histology"] not in at_site:
            yield (
                f"{item.name}: cancer {cancer['site']} histology {at_site} "
                f"vs gold {cancer['histology']}"
            )


def _value(v: object) -> str:
    return str(getattr(v, "value", v))


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} ({num / den:.2f})" if den else "n/a"


def report(name: str, t: Tally) -> list[str]:
    precision = t.item_tp / (t.item_tp + t.item_fp) if t.item_tp + t.item_fp else 1.0
    recall = t.item_tp / (t.item_tp + t.item_fn) if t.item_tp + t.item_fn else 1.0
    body_p = t.body_tp / (t.body_tp + t.body_fp) if t.body_tp + t.body_fp else 1.0
    body_r = t.body_tp / (t.body_tp + t.body_fn) if t.body_tp + t.body_fn else 1.0
    lines = [
        f"| {name} | {t.texts} | {t.refused} | {precision:.2f} | {recall:.2f} "
        f"| {body_p:.2f} | {body_r:.2f} "
        f"| {_ratio(t.category_right, t.texts)} | {_ratio(t.classified_right, t.classified)} "
        f"| {_ratio(t.score_exact, t.texts)} "
        f"| {_ratio(t.ab_found, t.ab_stated)} | {_ratio(t.ab_pos_found, t.ab_pos_stated)} "
        f"| {t.ab_opposite} | {_ratio(t.cancers_recorded, t.cancers_stated)} "
        f"| {_ratio(t.histology_right, t.histology_stated)} | {_ratio(t.sex_right, t.texts)} "
        f"| {t.crashed} |"
    ]
    return lines


HEADER = [
    "| set | texts | refused | item P | item R | P no age | R no age "
    "| category right | of them classified | score exact "
    "| antibodies found (polarity right) | positives found "
    "| opposite polarity "
    "| cancers recorded | histology right | sex right | crashed (not refusals) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=DEFAULT_SETS, help="comma-separated sets")
    parser.add_argument("--cache", type=Path, default=None, help="folder of report texts")
    parser.add_argument(
        "--detail", action="store_true", help="per-text differences (development sets only)"
    )
    # issue #10: score the same sets with the optional embedding fallback (embed extra)
    parser.add_argument(
        "--fallback", choices=("none", "embed"), default=None, help="text adapter fallback"
    )
    args = parser.parse_args(argv)
    if args.fallback is not None:
        os.environ["MYOSITIS_CDS_TEXT_FALLBACK"] = args.fallback
    cache = args.cache or default_cache()
    rows = list(HEADER)
    details: list[str] = []
    notes: list[str] = []
    crashed = 0
    for name in args.sets.split(","):
        items, skipped = load_set(name, cache)
        tally = evaluate(items, Tally(skipped=skipped), args.detail and name in DETAIL_SETS)
        rows.extend(report(name, tally))
        if skipped:
            notes.append(f"{name}: {skipped} report(s) skipped, text absent from {cache}")
        if tally.refused and name in DETAIL_SETS:
            notes.append(f"{name}: refused {', '.join(tally.refused_names)}")
        if tally.crashed and name in DETAIL_SETS:
            notes.append(f"{name}: CRASHED on {', '.join(tally.crashed_names)}")
        crashed += tally.crashed
        details.extend(tally.details)
    print("\n".join(rows))
    for line in notes + details:
        print(line)
    if crashed:
        print(
            f"text_eval: the extractor crashed on {crashed} text(s) (not refusals): "
            "these figures are not a measurement",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
