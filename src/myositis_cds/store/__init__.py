"""Persistence: patients, append-only case revisions, stored assessments, the worklist, the
audit trail (no clinical content) and the CDS Hooks tables, on SQLite (default) or PostgreSQL.

The :class:`Store` is the one service layer: HTTP routes, the web page, CDS Hooks and the
command line call its methods; none of them reaches the tables directly. Needs the ``server``
extra (SQLAlchemy, Alembic, psycopg, platformdirs).
"""

from __future__ import annotations

from myositis_cds.store._engine import (
    UPGRADE_COMMAND,
    SchemaOutOfDate,
    StoreConfigError,
    check_schema,
    create_engine,
    current_schema,
    default_url,
    head_schema,
    redact_url,
    upgrade,
)
from myositis_cds.store._records import (
    AuditEvent,
    PatientRecord,
    PatientSummary,
    RevisionInfo,
    StoredAssessment,
    WorklistEntry,
    WorklistItem,
)
from myositis_cds.store._service import PatientNotFound, StaleRevision, Store, knowledge_versions

__all__ = [
    "UPGRADE_COMMAND",
    "AuditEvent",
    "PatientNotFound",
    "PatientRecord",
    "PatientSummary",
    "RevisionInfo",
    "SchemaOutOfDate",
    "StaleRevision",
    "Store",
    "StoreConfigError",
    "StoredAssessment",
    "WorklistEntry",
    "WorklistItem",
    "check_schema",
    "create_engine",
    "current_schema",
    "default_url",
    "head_schema",
    "knowledge_versions",
    "redact_url",
    "upgrade",
]
