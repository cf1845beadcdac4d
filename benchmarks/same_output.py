"""Whether a change leaves the text adapter's output as it was, byte for byte (for speed work).

``dump`` reads every opened text with the extractor and writes one JSON line per text (the
case, every fact with its evidence, the warnings and the index date, or the error it raised):
the notes of the development splits (benchmarks/text_eval.py ``opened_notes``), the cached
reports of the development sets (``DETAIL_SETS``; a sealed set's reports are never read) and the
pages benchmarks/nlp.py builds from the notes. ``compare`` names the texts whose lines differ.
Run ``dump`` with the code before the change and after it, then ``compare`` the two files (kept
outside the repository: they quote the reports).

    PYTHONPATH=src python benchmarks/same_output.py dump /tmp/before.jsonl
    PYTHONPATH=src python benchmarks/same_output.py compare /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import yaml

try:
    from benchmarks import text_eval
except ImportError:  # run as a script: this folder is the first on the path
    import text_eval  # type: ignore[no-redef,import-not-found]

PAGE_CHARS = 3000  # as benchmarks/nlp.py


def texts(cache: Path) -> Iterator[tuple[str, str, date | None, date]]:
    """(name, text, anchor, today) of every opened text, in a fixed order."""
    notes = yaml.safe_load((text_eval.NOTES / "index.yaml").read_text(encoding="utf-8"))["notes"]
    paths = text_eval.opened_notes()
    for path in paths:
        yield (
            f"note:{path.stem}",
            path.read_text(encoding="utf-8"),
            notes[path.stem].get("anchor"),
            text_eval.NOTES_TODAY,
        )
    index = (text_eval.REPORTS / "index.yaml").read_text(encoding="utf-8")
    reports = yaml.safe_load(index)["reports"]
    for rid, meta in reports.items():
        if f"reports:{meta['split']}" not in text_eval.DETAIL_SETS:
            continue  # a sealed set's texts are not read
        path = cache / f"{rid}.txt"
        if path.is_file():
            yield f"report:{rid}", path.read_text(encoding="utf-8"), meta["anchor"], meta["anchor"]
    page, number = "", 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        page = f"{page}\n\n{text}" if page else text
        if len(page) >= PAGE_CHARS:
            yield f"page:{number}", page, text_eval.NOTES_TODAY, text_eval.NOTES_TODAY
            page, number = "", number + 1


def dump(out: Path, cache: Path) -> int:
    from myositis_cds.ingest.text import extract_case

    count = 0
    with out.open("w", encoding="utf-8") as f:
        for name, text, anchor, today in texts(cache):
            record: dict[str, object] = {"name": name}
            try:
                result = extract_case(text, anchor=anchor, today=today)
                record |= {
                    "case": result.to_case_dict(),
                    "facts": [fact.model_dump(mode="json") for fact in result.facts],
                    "warnings": result.warnings,
                    "index_date": str(result.index_date),
                }
            except Exception as exc:  # a refusal is output too
                record["error"] = f"{type(exc).__name__}: {exc}"
            f.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} texts written to {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    # matched by name, so a set opened between the two dumps shows as texts added, not as every
    # later line shifted
    old = {
        json.loads(line)["name"]: line for line in before.read_text(encoding="utf-8").splitlines()
    }
    new = {
        json.loads(line)["name"]: line for line in after.read_text(encoding="utf-8").splitlines()
    }
    differ = [name for name in old if name in new and old[name] != new[name]]
    only = [f"{name} (before only)" for name in old if name not in new]
    only += [f"{name} (after only)" for name in new if name not in old]
    if differ or only:
        print(f"{len(differ)} of {len(old)} texts differ: {', '.join(differ[:20])}")
        if only:
            print(f"{len(only)} in one dump only: {', '.join(only[:20])}")
        return 1
    print(f"identical: {len(old)} texts")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write the output for every opened text")
    d.add_argument("out", type=Path)
    d.add_argument("--cache", type=Path, default=None, help="report texts (text_eval's default)")
    c = sub.add_parser("compare", help="name the texts whose output differs")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.cache or text_eval.default_cache())
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
