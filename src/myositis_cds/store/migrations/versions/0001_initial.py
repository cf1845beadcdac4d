"""Initial schema: patients, case revisions, assessments, worklist cache, audit trail,
CDS Hooks feedback and JWT ids (replay protection).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(200), nullable=True),
        sa.Column("current_revision", sa.Integer, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_patients"),
    )
    op.create_index("ix_patients_case_id", "patients", ["case_id"])
    op.create_table(
        "case_revisions",
        sa.Column("patient_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("case_json", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name="fk_case_revisions_patient_id_patients",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", "revision", name="pk_case_revisions"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("patient_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("biopsy", sa.String(8), nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("knowledge_versions", sa.Text, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name="fk_assessments_patient_id_patients",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
    )
    op.create_index("ix_assessments_patient_id", "assessments", ["patient_id"])
    op.create_table(
        "worklist_cache",
        sa.Column("patient_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=True),
        sa.Column("earliest_due", sa.Date, nullable=True),
        sa.Column("items_json", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name="fk_worklist_cache_patient_id_patients",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "patient_id", "revision", "as_of", "tool_version", name="pk_worklist_cache"
        ),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("patient_id", sa.String(36), nullable=True),
        sa.Column("revision", sa.Integer, nullable=True),
        sa.Column("outcome", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_patient_id", "audit_events", ["patient_id"])
    op.create_table(
        "cds_feedback",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("received_at", _UTC, nullable=False),
        sa.Column("service_id", sa.String(200), nullable=False),
        sa.Column("card_uuid", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("outcome_timestamp", _UTC, nullable=True),
        sa.Column("accepted_suggestions", sa.Text, nullable=True),
        sa.Column("override_reason", sa.Text, nullable=True),
        sa.Column("issuer", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_cds_feedback"),
    )
    op.create_index("ix_cds_feedback_card_uuid", "cds_feedback", ["card_uuid"])
    op.create_table(
        "cds_jwt_ids",
        sa.Column("issuer", sa.String(500), nullable=False),
        sa.Column("jti", sa.String(500), nullable=False),
        sa.Column("expires_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("issuer", "jti", name="pk_cds_jwt_ids"),
    )
    op.create_index("ix_cds_jwt_ids_expires_at", "cds_jwt_ids", ["expires_at"])


def downgrade() -> None:
    for table in (
        "cds_jwt_ids",
        "cds_feedback",
        "audit_events",
        "worklist_cache",
        "assessments",
        "case_revisions",
        "patients",
    ):
        op.drop_table(table)
