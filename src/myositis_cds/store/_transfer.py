"""``patients import`` and ``patients export``: case files in and out of the store.

Import checks every file first and writes nothing if any is invalid; then each file becomes a
revision by the importing user: a new patient, or a new revision of the patient whose stored
``case_id`` matches the file's. Export writes each patient's current case as ``<id>.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from myositis_cds.case import Case
from myositis_cds.errors import CaseError, FieldProblem
from myositis_cds.store._service import Store

__all__ = ["ImportOutcome", "case_paths", "export_patients", "import_cases"]

_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    patient_id: str
    revision: int
    created: bool


def case_paths(paths: list[str]) -> list[Path]:
    """Files as given; a folder contributes its case files (sorted, not recursive)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES))
        else:
            out.append(path)
    return out


def import_cases(store: Store, paths: list[Path], *, actor: str) -> list[ImportOutcome]:
    from myositis_cds.ingest.files import load_case_file

    cases: list[tuple[Path, Case]] = []
    problems: list[FieldProblem] = []
    for path in paths:
        try:
            cases.append((path, load_case_file(str(path))))
        except CaseError as exc:
            problems.extend(FieldProblem(f"{path}: {p.path}", p.message) for p in exc.problems)
    if problems:
        raise CaseError(problems)
    outcomes = []
    for path, case in cases:
        existing = store.find_by_case_id(case.case_id) if case.case_id else None
        if existing is None:
            record = store.create_patient(case, actor=actor)
        else:
            record = store.update_patient(
                existing.id, case, expected_revision=existing.revision, actor=actor
            )
        outcomes.append(ImportOutcome(str(path), record.id, record.revision, existing is None))
    return outcomes


def export_patients(store: Store, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for summary in store.list_patients():
        record = store.get_patient(summary.id)
        target = folder / f"{summary.id}.json"
        tmp = target.with_name(f".{target.name}.partial")
        try:
            tmp.write_text(record.case.model_dump_json(indent=2, exclude_none=True) + "\n")
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
        written.append(target)
    return written
