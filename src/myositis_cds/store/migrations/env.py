"""Alembic environment: always run from :func:`myositis_cds.store.upgrade` with a connection."""

from __future__ import annotations

from alembic import context

from myositis_cds.store._schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
