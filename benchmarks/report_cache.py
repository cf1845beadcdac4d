"""Where the case-report texts of benchmarks/text_eval.py come from, and whether they are here.

The texts are third-party publications and are never committed. They were gathered with the
project's stored-public-material search (corpus ``pages``): for each report in
tests/data/reports/index.yaml the ``query`` field is the query that returned it, ``url`` the page
it came from. The patient-describing passages returned (title line where returned, abstract,
case presentation, up to where the stored excerpt stops) were saved unchanged, apart from site
navigation, figure captions and reference lists, as ``<cache>/<id>.txt`` (cache:
``${MYOSITIS_CDS_REPORTS:-/work/evalcache/reports}``). The gold was written from those exact
texts; their SHA-256 is recorded in tests/data/reports/texts.sha256 so a re-filled cache that
differs from the text the gold was written against is reported.

The cache is no longer filled (from the twenty-fourth session, 5 Dec 2026). The search tool's
answers say its excerpts are never to be copied verbatim, and the project's brief says to keep the
urls and our own gold, never the text. A byte-exact copy on disk is a copy however briefly it is
kept, so the twenty-third session's answer (a working copy deleted when each session ends) was
not enough, and the refill was stopped. Until texts the project may keep are found, the report
sets are not measured here: text_eval.py skips every report whose text is absent, the last
figures measured on them stand with their dates in docs/TEXT_EVALUATION.md, and reports:heldout_ap
stays sealed after five runs. This script still says which texts a cache holds, for a cache
provided from a source whose terms allow it.

    PYTHONPATH=src python benchmarks/report_cache.py [--cache DIR]  # present / changed / absent
    PYTHONPATH=src python benchmarks/report_cache.py --queries      # url and query of each
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import yaml

REPORTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports"


def recorded_hashes() -> dict[str, str]:
    out = {}
    for line in (REPORTS / "texts.sha256").read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split()
            out[name] = digest
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--queries", action="store_true", help="print the url and query of each")
    args = parser.parse_args(argv)
    cache = args.cache or Path(os.environ.get("MYOSITIS_CDS_REPORTS", "/work/evalcache/reports"))
    index = yaml.safe_load((REPORTS / "index.yaml").read_text(encoding="utf-8"))["reports"]
    hashes = recorded_hashes()
    counts = {"present": 0, "changed": 0, "absent": 0}
    for rid, meta in index.items():
        if args.queries:
            print(f"{rid}\n  url:   {meta['url']}\n  query: {meta['query']}")
            continue
        path = cache / f"{rid}.txt"
        if not path.is_file():
            state = "absent"
        elif hashlib.sha256(path.read_bytes()).hexdigest() != hashes.get(f"{rid}.txt"):
            state = "changed"
        else:
            state = "present"
        counts[state] += 1
        print(f"{state:8} {meta['split']:9} {rid}")
    if not args.queries:
        print(", ".join(f"{k}: {v}" for k, v in counts.items()) + f" (cache {cache})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
