"""Issue #10: does the optional embedding fallback help? Tuned on one half, reported on the other.

The development texts of ``benchmarks/text_eval.py`` (its default sets, all development sets)
are split in two halves by a hash of each text's name (first byte of ``sha256(name)`` even:
tuning half, odd: evaluation half), fixed before any run. The similarity threshold is chosen on
the tuning half only: the threshold with the best EULAR/ACR item F1, the lowest such threshold
on a tie (the most the fallback may add without doing worse there than a higher threshold). The
evaluation half is then scored once with the fallback off and once with it on at that
threshold: what the fallback does on texts its threshold never saw.
The baseline (fallback off) is measured in the same run on the same texts.

    PYTHONPATH=src python benchmarks/text_fallback.py [--thresholds 0.45,0.5,...] [--cache DIR]

Needs the ``embed`` extra. Sentence vectors are memoised within the run (each clause is
embedded once for the whole sweep); ``benchmarks/nlp.py`` measures speed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from benchmarks import text_eval
from myositis_cds.case import Case

DEFAULT_THRESHOLDS = tuple(round(0.40 + 0.025 * i, 3) for i in range(17))  # 0.40 … 0.80


def half(name: str) -> str:
    return "tune" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "eval"


def _memoise_encoder() -> None:
    from myositis_cds.ingest.text import _embed

    model = _embed.encoder()
    memo: dict[str, object] = {}
    original = model.encode

    def encode(texts: list[str]):  # type: ignore[no-untyped-def]
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            for t, v in zip(missing, original(missing), strict=True):
                memo[t] = v
        return np.stack([memo[t] for t in texts]) if texts else original([])

    model.encode = encode  # type: ignore[method-assign]


def extractor(threshold: float | None):  # type: ignore[no-untyped-def]
    """text_eval's ``extract`` with the fallback at ``threshold`` (None: fallback off)."""
    from myositis_cds.ingest.text._assemble import assemble
    from myositis_cds.ingest.text._extract import extract_drafts
    from myositis_cds.ingest.text._fallback import apply_fallback
    from myositis_cds.ingest.text._model import check_note

    def extract(item: text_eval.Item) -> Case:
        ex = extract_drafts(check_note(item.text))
        if threshold is not None:
            apply_fallback(ex, threshold)
        return assemble(ex, item.anchor, item.today).case

    return extract


def score(items: list[text_eval.Item], threshold: float | None) -> text_eval.Tally:
    text_eval.extract = extractor(threshold)  # type: ignore[assignment]
    return text_eval.evaluate(items, text_eval.Tally(), detail=True)


def f1(t: text_eval.Tally) -> tuple[float, float, float]:
    p = t.item_tp / (t.item_tp + t.item_fp) if t.item_tp + t.item_fp else 1.0
    r = t.item_tp / (t.item_tp + t.item_fn) if t.item_tp + t.item_fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder of report texts")
    parser.add_argument(
        "--thresholds", default=",".join(str(t) for t in DEFAULT_THRESHOLDS), help="sweep"
    )
    args = parser.parse_args(argv)
    cache = args.cache or text_eval.default_cache()
    sets = [s for s in text_eval.DEFAULT_SETS.split(",") if s in text_eval.DETAIL_SETS]
    halves: dict[str, list[text_eval.Item]] = {"tune": [], "eval": []}
    per_set: dict[str, list[text_eval.Item]] = {}
    for name in sets:
        items, _ = text_eval.load_set(name, cache)
        per_set[name] = items
        for item in items:
            halves[half(item.name)].append(item)
    _memoise_encoder()
    print(
        f"development texts: tuning half {len(halves['tune'])}, evaluation half "
        f"{len(halves['eval'])} (sets: {', '.join(sets)})"
    )
    print("\n## threshold sweep on the tuning half\n")
    print("| threshold | item P | item R | F1 | TP | FP | FN | score exact | category right |")
    print("|---|---|---|---|---|---|---|---|---|")
    rows: list[tuple[float | None, text_eval.Tally]] = [(None, score(halves["tune"], None))]
    for t in [float(x) for x in args.thresholds.split(",")]:
        rows.append((t, score(halves["tune"], t)))
    for t, tally in rows:
        p, r, f = f1(tally)
        print(
            f"| {'off' if t is None else f'{t:.3f}'} | {p:.3f} | {r:.3f} | {f:.3f} "
            f"| {tally.item_tp} | {tally.item_fp} | {tally.item_fn} "
            f"| {tally.score_exact}/{tally.texts} | {tally.category_right}/{tally.texts} |"
        )
    best_t, best = max(
        ((t, tally) for t, tally in rows if t is not None),
        key=lambda row: (round(f1(row[1])[2], 9), -row[0]),
    )
    print(
        f"\nchosen on the tuning half: threshold {best_t} (F1 {f1(best)[2]:.3f}; "
        f"off {f1(rows[0][1])[2]:.3f})"
    )
    print("\n## evaluation half (threshold chosen without it)\n")
    print("\n".join(text_eval.HEADER))
    off = score(halves["eval"], None)
    on = score(halves["eval"], best_t)
    print("\n".join(text_eval.report("eval half, fallback off", off)))
    print("\n".join(text_eval.report(f"eval half, fallback on ({best_t})", on)))
    for label, t in (("off", off), (f"on ({best_t})", on)):
        p, r, f = f1(t)
        print(
            f"eval half {label}: item P {p:.3f} R {r:.3f} F1 {f:.3f} "
            f"(TP {t.item_tp}, FP {t.item_fp}, FN {t.item_fn})"
        )
    for line in sorted(set(on.details) - set(off.details)):
        print(f"  on only: {line}")
    for line in sorted(set(off.details) - set(on.details)):
        print(f"  off only: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
