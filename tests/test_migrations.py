"""Migrations build the schema on empty SQLite and PostgreSQL, and agree with the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from intake.extensions import db

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def assert_no_drift(app: Any) -> None:
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True}
            )
            diff = compare_metadata(context, db.metadata)
            if conn.dialect.name == "postgresql":
                # The trigram search index is an expression index made by raw SQL (the models
                # create it through a DDL event), so autogenerate cannot see it: check it here.
                names = {i["name"] for i in sa.inspect(conn).get_indexes("enquiry")}
                assert "ix_enquiry_search_trgm" in names
                diff = [
                    d for d in diff
                    if not (d[0] == "remove_index" and d[1].name == "ix_enquiry_search_trgm")
                ]
        assert diff == [], diff
        downgrade(directory=MIGRATIONS, revision="base")
        upgrade(directory=MIGRATIONS)


def test_migrations_match_models_on_sqlite(app_factory: Any) -> None:
    assert_no_drift(app_factory(create_schema=False))


@pytest.mark.postgres
def test_migrations_match_models_on_postgresql(app_factory: Any, pg_url: str) -> None:
    assert_no_drift(app_factory(pg_url, create_schema=False))
