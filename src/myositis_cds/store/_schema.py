"""Table definitions (SQLAlchemy Core). The migrations in ``migrations/versions`` create exactly
these tables; ``tests/store`` checks that the two never drift apart.

Clinical content lives only in ``case_revisions.case_json`` and ``assessments.result_json``;
``audit_events`` holds who did what to which patient id, never what the case says.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

UtcDateTime = sa.DateTime(timezone=True)

patients = sa.Table(
    "patients",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    # The case file's own local identifier (never a name); import matches on it.
    sa.Column("case_id", sa.String(200), nullable=True, index=True),
    sa.Column("current_revision", sa.Integer, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

case_revisions = sa.Table(
    "case_revisions",
    metadata,
    sa.Column(
        "patient_id",
        sa.String(36),
        sa.ForeignKey("patients.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("revision", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("case_json", sa.Text, nullable=False),
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "patient_id",
        sa.String(36),
        sa.ForeignKey("patients.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("biopsy", sa.String(8), nullable=False),
    sa.Column("tool_version", sa.String(40), nullable=False),
    sa.Column("knowledge_versions", sa.Text, nullable=False),  # JSON {file id: version}
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("result_json", sa.Text, nullable=False),
)

# Worklist items of one patient revision as of one date, computed by the pathway and kept so
# that the worklist over many patients does not re-run every assessment on each request.
worklist_cache = sa.Table(
    "worklist_cache",
    metadata,
    sa.Column(
        "patient_id",
        sa.String(36),
        sa.ForeignKey("patients.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("revision", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("as_of", sa.Date, primary_key=True),
    sa.Column("tool_version", sa.String(40), primary_key=True),
    # The most urgent item's status and due date (NULL: nothing due), for ordering in SQL.
    sa.Column("status", sa.String(10), nullable=True),
    sa.Column("earliest_due", sa.Date, nullable=True),
    sa.Column("items_json", sa.Text, nullable=False),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    # No foreign key: the trail outlives an erased patient.
    sa.Column("patient_id", sa.String(36), nullable=True, index=True),
    sa.Column("revision", sa.Integer, nullable=True),
    sa.Column("outcome", sa.String(40), nullable=False),
)

cds_feedback = sa.Table(
    "cds_feedback",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("received_at", UtcDateTime, nullable=False),
    sa.Column("service_id", sa.String(200), nullable=False),
    sa.Column("card_uuid", sa.String(64), nullable=False, index=True),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("outcome_timestamp", UtcDateTime, nullable=True),
    sa.Column("accepted_suggestions", sa.Text, nullable=True),  # JSON list of {id}
    sa.Column("override_reason", sa.Text, nullable=True),  # JSON {reason, userComment}
    sa.Column("issuer", sa.String(500), nullable=True),
)

cds_jwt_ids = sa.Table(
    "cds_jwt_ids",
    metadata,
    sa.Column("issuer", sa.String(500), primary_key=True),
    sa.Column("jti", sa.String(500), primary_key=True),
    sa.Column("expires_at", UtcDateTime, nullable=False, index=True),
)
