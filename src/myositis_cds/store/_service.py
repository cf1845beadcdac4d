"""The store's service layer: every rule about stored patients lives here, once.

The HTTP routes, the web page, CDS Hooks and the command line all call these methods; none of
them talks to the tables directly. Each write is one transaction. Optimistic locking: an update
names the revision it was based on and fails with :class:`StaleRevision` if another write came
first, so two clients never silently overwrite each other.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import sqlalchemy as sa

from myositis_cds import __version__
from myositis_cds.assessment import Assessment, assess
from myositis_cds.case import Case
from myositis_cds.errors import CaseError
from myositis_cds.store import _engine
from myositis_cds.store._records import (
    AuditEvent,
    PatientRecord,
    PatientSummary,
    RevisionInfo,
    StoredAssessment,
    WorklistEntry,
    WorklistItem,
)
from myositis_cds.store._schema import (
    assessments,
    audit_events,
    case_revisions,
    cds_feedback,
    cds_jwt_ids,
    patients,
    worklist_cache,
)
from myositis_cds.store._worklist import worklist_items

__all__ = ["PatientNotFound", "StaleRevision", "Store", "knowledge_versions"]

Biopsy = Literal["auto", "yes", "no"]


class PatientNotFound(LookupError):
    def __init__(self, patient_id: str) -> None:
        super().__init__(f"no patient with id {patient_id}")
        self.patient_id = patient_id


class StaleRevision(Exception):
    """The update was based on a revision that is no longer the current one."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            f"the patient was changed since revision {expected} (now at revision {current}); "
            "reload it and apply your change again"
        )
        self.expected = expected
        self.current = current


@cache
def knowledge_versions() -> dict[str, str]:
    """Each guideline data file's id → version (recorded with every stored assessment)."""
    from myositis_cds.knowledge import raw

    out: dict[str, str] = {}
    for entry in sorted(files("myositis_cds.knowledge").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            meta = (raw(entry.name.removesuffix(".yaml")) or {}).get("meta") or {}
            out[str(meta.get("id", entry.name))] = str(meta.get("version", "unknown"))
    return out


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we write is UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


# The widest revision number the schema's INTEGER columns hold (PostgreSQL's int4): a larger
# number (in a URL or If-Match) names no stored revision and must never reach the driver.
MAX_REVISION = 2**31 - 1
CASE_ID_MAX_CHARS = 200  # patients.case_id is VARCHAR(200)


def _storable_id(patient_id: str) -> bool:
    # PostgreSQL text cannot hold U+0000; no stored id contains it, so such an id is unknown.
    return "\x00" not in patient_id


def _case_json(case: Case) -> str:
    """The case as stored, after checking what the columns beside it can hold (the same on
    SQLite and PostgreSQL: a case one backend keeps, the other keeps too)."""
    if case.case_id is not None:
        if "\x00" in case.case_id:
            raise CaseError.single("case_id", "contains a NUL character (U+0000)")
        if len(case.case_id) > CASE_ID_MAX_CHARS:
            raise CaseError.single(
                "case_id", f"is longer than {CASE_ID_MAX_CHARS} characters ({len(case.case_id)})"
            )
    return case.model_dump_json(exclude_none=True)


def _load_case(text: str) -> Case:
    return Case.model_validate_json(text)


class Store:
    """Patients, their case revisions, stored assessments, the worklist and the audit trail.

    >>> store = Store.open("sqlite:///:memory:")  # doctest: +SKIP
    >>> record = store.create_patient(case, actor="dr-a")  # doctest: +SKIP
    >>> store.update_patient(record.id, case2, expected_revision=1, actor="dr-a")  # doctest: +SKIP
    """

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool | None = None) -> Store:
        """Open the store at ``url`` (default: the SQLite file in the user data directory).

        ``migrate`` None (default): SQLite is brought to the current schema automatically (it is
        the embedded, single-user store); any other database must already be current, else
        :class:`SchemaOutOfDate` names ``myositis-cds db upgrade``.
        """
        engine = _engine.create_engine(url or _engine.default_url())
        if migrate is None:
            migrate = engine.dialect.name == "sqlite"
        try:
            if migrate:
                _engine.upgrade(engine)
            else:
                _engine.check_schema(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # ------------------------------------------------------------------ patients
    def create_patient(self, case: Case, *, actor: str) -> PatientRecord:
        patient_id = str(uuid.uuid4())
        now = _now()
        case_json = _case_json(case)
        with self._write() as conn:
            conn.execute(
                patients.insert().values(
                    id=patient_id,
                    case_id=case.case_id,
                    current_revision=1,
                    created_at=now,
                    updated_at=now,
                )
            )
            conn.execute(
                case_revisions.insert().values(
                    patient_id=patient_id,
                    revision=1,
                    created_at=now,
                    author=actor,
                    case_json=case_json,
                )
            )
            self._audit(conn, actor, "create", patient_id, 1, "ok")
        return PatientRecord(
            id=patient_id,
            case_id=case.case_id,
            revision=1,
            created_at=now,
            updated_at=now,
            case=case,
        )

    def get_patient(self, patient_id: str, *, revision: int | None = None) -> PatientRecord:
        """The current case (or a given revision's)."""
        with self._read() as conn:
            row = self._patient_row(conn, patient_id)
            wanted = row.current_revision if revision is None else revision
            if not 1 <= wanted <= MAX_REVISION:
                raise PatientNotFound(patient_id)
            text = conn.execute(
                sa.select(case_revisions.c.case_json).where(
                    case_revisions.c.patient_id == patient_id,
                    case_revisions.c.revision == wanted,
                )
            ).scalar_one_or_none()
        if text is None:
            raise PatientNotFound(patient_id)
        return PatientRecord(
            id=row.id,
            case_id=row.case_id,
            revision=wanted,
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
            case=_load_case(text),
        )

    def update_patient(
        self, patient_id: str, case: Case, *, expected_revision: int, actor: str
    ) -> PatientRecord:
        """Append a new revision if ``expected_revision`` is still the current one."""
        now = _now()
        new_revision = expected_revision + 1
        case_json = _case_json(case)
        if not _storable_id(patient_id):
            raise PatientNotFound(patient_id)
        if not 1 <= expected_revision < MAX_REVISION:
            # No stored revision has this number: stale (or unknown patient), never sent to
            # the database, whose INTEGER column could not even compare it.
            with self._read() as conn:
                current = self._patient_row(conn, patient_id).current_revision
            self.record_audit(actor, "update", patient_id, None, "stale")
            raise StaleRevision(expected_revision, current)
        with self._write() as conn:
            changed = conn.execute(
                patients.update()
                .where(
                    patients.c.id == patient_id,
                    patients.c.current_revision == expected_revision,
                )
                .values(current_revision=new_revision, updated_at=now, case_id=case.case_id)
            ).rowcount
            if changed != 1:
                current = conn.execute(
                    sa.select(patients.c.current_revision).where(patients.c.id == patient_id)
                ).scalar_one_or_none()
                conflict: Exception = (
                    PatientNotFound(patient_id)
                    if current is None
                    else StaleRevision(expected_revision, current)
                )
            else:
                conn.execute(
                    case_revisions.insert().values(
                        patient_id=patient_id,
                        revision=new_revision,
                        created_at=now,
                        author=actor,
                        case_json=case_json,
                    )
                )
                self._audit(conn, actor, "update", patient_id, new_revision, "ok")
                created = conn.execute(
                    sa.select(patients.c.created_at).where(patients.c.id == patient_id)
                ).scalar_one()
                return PatientRecord(
                    id=patient_id,
                    case_id=case.case_id,
                    revision=new_revision,
                    created_at=_utc(created),
                    updated_at=now,
                    case=case,
                )
        if isinstance(conflict, StaleRevision):
            self.record_audit(actor, "update", patient_id, expected_revision, "stale")
        raise conflict

    def delete_patient(self, patient_id: str, *, actor: str) -> None:
        """Erase the patient's case, revisions and assessments; the audit trail stays."""
        with self._write() as conn:
            row = self._patient_row(conn, patient_id)
            # Explicit deletes rather than relying on ON DELETE CASCADE alone: the same on
            # every backend, and visible to a reader of this method.
            for table in (worklist_cache, assessments, case_revisions):
                conn.execute(table.delete().where(table.c.patient_id == patient_id))
            conn.execute(patients.delete().where(patients.c.id == patient_id))
            self._audit(conn, actor, "delete", patient_id, row.current_revision, "ok")

    def list_patients(self) -> list[PatientSummary]:
        with self._read() as conn:
            rows = conn.execute(sa.select(patients).order_by(patients.c.created_at, patients.c.id))
            return [
                PatientSummary(
                    id=r.id,
                    case_id=r.case_id,
                    revision=r.current_revision,
                    created_at=_utc(r.created_at),
                    updated_at=_utc(r.updated_at),
                )
                for r in rows
            ]

    def find_by_case_id(self, case_id: str) -> PatientSummary | None:
        if "\x00" in case_id:
            return None
        with self._read() as conn:
            row = conn.execute(
                sa.select(patients)
                .where(patients.c.case_id == case_id)
                .order_by(patients.c.created_at)
                .limit(1)
            ).first()
        if row is None:
            return None
        return PatientSummary(
            id=row.id,
            case_id=row.case_id,
            revision=row.current_revision,
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
        )

    def list_revisions(self, patient_id: str) -> list[RevisionInfo]:
        """Every revision, oldest first."""
        with self._read() as conn:
            self._patient_row(conn, patient_id)
            rows = conn.execute(
                sa.select(
                    case_revisions.c.revision,
                    case_revisions.c.created_at,
                    case_revisions.c.author,
                )
                .where(case_revisions.c.patient_id == patient_id)
                .order_by(case_revisions.c.revision)
            )
            return [
                RevisionInfo(revision=r.revision, created_at=_utc(r.created_at), author=r.author)
                for r in rows
            ]

    # ------------------------------------------------------------------ assessments
    def assess_patient(
        self,
        patient_id: str,
        *,
        actor: str,
        as_of: date | None = None,
        biopsy: Biopsy = "auto",
    ) -> StoredAssessment:
        """Assess the current revision as of ``as_of`` and keep the result."""
        record = self.get_patient(patient_id)
        day = as_of or date.today()
        result = assess(record.case, as_of=day, biopsy=biopsy)
        now = _now()
        versions = knowledge_versions()
        with self._write() as conn:
            self._patient_row(conn, patient_id)  # erased meanwhile → not found
            new_id = conn.execute(
                assessments.insert()
                .values(
                    patient_id=patient_id,
                    revision=record.revision,
                    as_of=day,
                    biopsy=biopsy,
                    tool_version=result.tool_version,
                    knowledge_versions=json.dumps(versions, sort_keys=True),
                    created_at=now,
                    author=actor,
                    result_json=result.model_dump_json(),
                )
                .returning(assessments.c.id)
            ).scalar_one()
            self._audit(conn, actor, "assess", patient_id, record.revision, "ok")
        return StoredAssessment(
            id=new_id,
            patient_id=patient_id,
            revision=record.revision,
            as_of=day,
            biopsy=biopsy,
            tool_version=result.tool_version,
            knowledge_versions=versions,
            created_at=now,
            author=actor,
            assessment=result,
        )

    def list_assessments(self, patient_id: str) -> list[StoredAssessment]:
        """Stored assessments, newest first."""
        with self._read() as conn:
            self._patient_row(conn, patient_id)
            rows = conn.execute(
                sa.select(assessments)
                .where(assessments.c.patient_id == patient_id)
                .order_by(assessments.c.created_at.desc(), assessments.c.id.desc())
            )
            return [
                StoredAssessment(
                    id=r.id,
                    patient_id=r.patient_id,
                    revision=r.revision,
                    as_of=r.as_of,
                    biopsy=r.biopsy,
                    tool_version=r.tool_version,
                    knowledge_versions=json.loads(r.knowledge_versions),
                    created_at=_utc(r.created_at),
                    author=r.author,
                    assessment=Assessment.model_validate_json(r.result_json),
                )
                for r in rows
            ]

    # ------------------------------------------------------------------ worklist
    def worklist(self, as_of: date | None = None) -> list[WorklistEntry]:
        """Every stored patient with overdue or due screening / tumour follow-up, most urgent
        first, as the pathway assesses each patient's current revision on ``as_of``.

        Each patient revision's items for a date are kept (``worklist_cache``), so only patients
        written since the last call (for that date) are assessed again.
        """
        return [
            WorklistEntry(
                patient_id=r.id,
                case_id=r.case_id,
                revision=r.current_revision,
                status=r.status,
                earliest_due=r.earliest_due,
                items=[WorklistItem.model_validate(i) for i in json.loads(r.items_json)],
            )
            for r in self._worklist_rows(as_of or date.today())
        ]

    def worklist_json(self, as_of: date | None = None) -> str:
        """:meth:`worklist` as a JSON array, assembled from the kept rows without re-parsing
        them (the HTTP route's fast path; same content as the typed list)."""
        parts = []
        for r in self._worklist_rows(as_of or date.today()):
            head = json.dumps(
                {
                    "patient_id": r.id,
                    "case_id": r.case_id,
                    "revision": r.current_revision,
                    "status": r.status,
                    "earliest_due": None if r.earliest_due is None else r.earliest_due.isoformat(),
                }
            )
            parts.append(f'{head[:-1]}, "items": {r.items_json}}}')
        return "[" + ",".join(parts) + "]"

    def _worklist_rows(self, day: date) -> list[sa.Row[Any]]:
        missing = self._worklist_missing(day)
        if missing:
            self._compute_worklist(missing, day)
        kept = sa.and_(
            worklist_cache.c.patient_id == patients.c.id,
            worklist_cache.c.revision == patients.c.current_revision,
            worklist_cache.c.as_of == day,
            worklist_cache.c.tool_version == __version__,
        )
        # Most urgent first: any overdue item, then the oldest due date (undated last).
        urgency = sa.case((worklist_cache.c.status == "overdue", 0), else_=1)
        query = (
            sa.select(
                patients.c.id,
                patients.c.case_id,
                patients.c.current_revision,
                worklist_cache.c.status,
                worklist_cache.c.earliest_due,
                worklist_cache.c.items_json,
            )
            .join(worklist_cache, kept)
            .where(worklist_cache.c.status.is_not(None))
            .order_by(
                urgency,
                worklist_cache.c.earliest_due.is_(None),
                worklist_cache.c.earliest_due,
                patients.c.id,
            )
        )
        with self._read() as conn:
            return list(conn.execute(query))

    def _worklist_missing(self, day: date) -> list[tuple[str, int]]:
        """Patients whose current revision has no kept items for ``day``."""
        kept = sa.and_(
            worklist_cache.c.patient_id == patients.c.id,
            worklist_cache.c.revision == patients.c.current_revision,
            worklist_cache.c.as_of == day,
            worklist_cache.c.tool_version == __version__,
        )
        query = (
            sa.select(patients.c.id, patients.c.current_revision)
            .outerjoin(worklist_cache, kept)
            .where(worklist_cache.c.patient_id.is_(None))
        )
        with self._read() as conn:
            return [(r.id, r.current_revision) for r in conn.execute(query)]

    def warm_worklist(self, patient_id: str, revision: int, as_of: date | None = None) -> None:
        """Compute and keep one patient revision's items (e.g. right after a write), so the
        next worklist call does not have to."""
        self._compute_worklist([(patient_id, revision)], as_of or date.today())

    def _compute_worklist(self, missing: list[tuple[str, int]], day: date) -> None:
        computed: list[dict[str, Any]] = []
        for chunk_start in range(0, len(missing), 500):
            chunk = missing[chunk_start : chunk_start + 500]
            with self._read() as conn:
                texts = dict(
                    conn.execute(
                        sa.select(case_revisions.c.patient_id, case_revisions.c.case_json).where(
                            sa.tuple_(case_revisions.c.patient_id, case_revisions.c.revision).in_(
                                chunk
                            )
                        )
                    ).all()
                )
            for patient_id, revision in chunk:
                text = texts.get(patient_id)
                if text is None:  # erased meanwhile
                    continue
                items = worklist_items(assess(_load_case(text), as_of=day))
                computed.append(
                    {
                        "patient_id": patient_id,
                        "revision": revision,
                        "as_of": day,
                        "tool_version": __version__,
                        "status": items[0].status if items else None,
                        "earliest_due": items[0].due_date if items else None,
                        "items_json": json.dumps([i.model_dump(mode="json") for i in items]),
                    }
                )
        self._keep_worklist(computed)

    def _keep_worklist(self, computed: list[dict[str, Any]]) -> None:
        """Keep computed items; a row another worker wrote first (or a patient erased
        meanwhile) is simply skipped: the cache is an optimisation, never the truth."""
        if not computed:
            return
        try:
            with self._write() as conn:
                conn.execute(worklist_cache.insert(), computed)
        except sa.exc.IntegrityError:
            for row in computed:
                try:
                    with self._write() as conn:
                        conn.execute(worklist_cache.insert().values(**row))
                except sa.exc.IntegrityError:
                    continue

    # ------------------------------------------------------------------ audit
    def record_audit(
        self,
        actor: str,
        action: str,
        patient_id: str | None = None,
        revision: int | None = None,
        outcome: str = "ok",
    ) -> None:
        """One line in the audit trail (its own transaction). Never pass clinical content."""
        with self._write() as conn:
            self._audit(conn, actor, action, patient_id, revision, outcome)

    def audit_trail(self, patient_id: str | None = None) -> list[AuditEvent]:
        query = sa.select(audit_events).order_by(audit_events.c.id)
        if patient_id is not None:
            query = query.where(audit_events.c.patient_id == patient_id)
        with self._read() as conn:
            return [
                AuditEvent(
                    id=r.id,
                    at=_utc(r.at),
                    actor=r.actor,
                    action=r.action,
                    patient_id=r.patient_id,
                    revision=r.revision,
                    outcome=r.outcome,
                )
                for r in conn.execute(query)
            ]

    @staticmethod
    def _audit(
        conn: sa.Connection,
        actor: str,
        action: str,
        patient_id: str | None,
        revision: int | None,
        outcome: str,
    ) -> None:
        conn.execute(
            audit_events.insert().values(
                at=_now(),
                actor=actor,
                action=action,
                patient_id=patient_id,
                revision=revision,
                outcome=outcome,
            )
        )

    # ------------------------------------------------------------------ CDS Hooks
    def record_cds_feedback(
        self,
        *,
        service_id: str,
        card_uuid: str,
        outcome: str,
        outcome_timestamp: datetime | None = None,
        accepted_suggestions: list[dict[str, Any]] | None = None,
        override_reason: dict[str, Any] | None = None,
        issuer: str | None = None,
    ) -> int:
        """Keep one CDS Hooks feedback entry (spec 2.0.1 §Feedback); returns its id."""
        with self._write() as conn:
            new_id: int = conn.execute(
                cds_feedback.insert()
                .values(
                    received_at=_now(),
                    service_id=service_id,
                    card_uuid=card_uuid,
                    outcome=outcome,
                    outcome_timestamp=outcome_timestamp,
                    accepted_suggestions=_json_or_none(accepted_suggestions),
                    override_reason=_json_or_none(override_reason),
                    issuer=issuer,
                )
                .returning(cds_feedback.c.id)
            ).scalar_one()
        return new_id

    def list_cds_feedback(self, card_uuid: str | None = None) -> list[dict[str, Any]]:
        query = sa.select(cds_feedback).order_by(cds_feedback.c.id)
        if card_uuid is not None:
            query = query.where(cds_feedback.c.card_uuid == card_uuid)
        with self._read() as conn:
            out = []
            for r in conn.execute(query):
                row = dict(r._mapping)
                for key in ("accepted_suggestions", "override_reason"):
                    row[key] = None if row[key] is None else json.loads(row[key])
                for key in ("received_at", "outcome_timestamp"):
                    if row[key] is not None:
                        row[key] = _utc(row[key])
                out.append(row)
            return out

    def claim_jti(self, issuer: str, jti: str, expires_at: datetime) -> bool:
        """Record a JWT id once: True the first time, False for a replay (any worker, any
        process sharing the database). Expired ids are pruned on the way."""
        now = _now()
        try:
            with self._write() as conn:
                conn.execute(cds_jwt_ids.delete().where(cds_jwt_ids.c.expires_at < now))
                conn.execute(
                    cds_jwt_ids.insert().values(issuer=issuer, jti=jti, expires_at=expires_at)
                )
        except sa.exc.IntegrityError:
            return False
        return True

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _patient_row(conn: sa.Connection, patient_id: str) -> sa.Row[Any]:
        if not _storable_id(patient_id):
            raise PatientNotFound(patient_id)
        row = conn.execute(sa.select(patients).where(patients.c.id == patient_id)).first()
        if row is None:
            raise PatientNotFound(patient_id)
        return row
