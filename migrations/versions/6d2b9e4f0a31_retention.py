"""retention: de-identified enquiries, and audit events deletable after six years

Revision ID: 6d2b9e4f0a31
Revises: 2a6f1c9d4e10
Create Date: 2026-11-26 02:00:00

`flask retention purge` (intake/retention/) marks each enquiry it de-identifies with
`enquiry.deidentified_at`; a partial index holds only the enquiries not yet de-identified, the
purge's candidates. The audit trail stays append-only (UPDATE and TRUNCATE always refused) but
DELETE is now allowed for events older than 2190 days (six years, HIPAA's documentation
retention) by the database's own clock, so the purge can honour AUDIT_RETENTION_DAYS (which
config.py refuses below 2190). The statements are exactly intake.auth.models.TRIGGER_SQL (the
floor is written out here so this migration never changes after it ships).

Safe to run while the previous release serves: it only adds a nullable column, an index and
changes triggers. Downgrade drops the column (the de-identification dates; the de-identified
rows stay de-identified) and restores the refuse-every-DELETE triggers.
"""
from alembic import op
import sqlalchemy as sa

import intake.database


# revision identifiers, used by Alembic.
revision = '6d2b9e4f0a31'
down_revision = '2a6f1c9d4e10'
branch_labels = None
depends_on = None

FLOOR_DAYS = 2190
FLOOR_MESSAGE = (
    f"audit_event is append-only: events younger than {FLOOR_DAYS} days cannot be deleted"
)


def upgrade():
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deidentified_at', intake.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_enquiry_identified', ['is_spam', 'created_at', 'id'], unique=False, postgresql_where=sa.text('deidentified_at IS NULL'), sqlite_where=sa.text('deidentified_at IS NULL'))

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        op.execute("CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
                   "WHEN OLD.created_at IS NULL "
                   f"OR OLD.created_at >= datetime('now', '-{FLOOR_DAYS} days') "
                   f"BEGIN SELECT RAISE(ABORT, '{FLOOR_MESSAGE}'); END")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE OR REPLACE FUNCTION audit_event_delete_floor() RETURNS trigger "
                   "LANGUAGE plpgsql AS $$ BEGIN "
                   "IF OLD.created_at IS NULL "
                   f"OR OLD.created_at >= now() - interval '{FLOOR_DAYS} days' THEN "
                   f"RAISE EXCEPTION '{FLOOR_MESSAGE}' "
                   "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN OLD; END $$")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update_delete ON audit_event")
        op.execute("CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
                   "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()")
        op.execute("CREATE TRIGGER audit_event_delete_floor BEFORE DELETE ON audit_event "
                   "FOR EACH ROW EXECUTE FUNCTION audit_event_delete_floor()")


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        op.execute("CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
                   "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_delete_floor ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update ON audit_event")
        op.execute("CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE "
                   "ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()")
        op.execute("DROP FUNCTION IF EXISTS audit_event_delete_floor()")

    op.drop_index('ix_enquiry_identified', table_name='enquiry', postgresql_where=sa.text('deidentified_at IS NULL'), sqlite_where=sa.text('deidentified_at IS NULL'))
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), never a batch rebuild: rebuilding
    # `enquiry` with foreign keys on would cascade-delete every tag, event and appointment.
    op.drop_column('enquiry', 'deidentified_at')
