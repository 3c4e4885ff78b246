"""dashboard indexes

Revision ID: 2a6f1c9d4e10
Revises: 79676adf3b47
Create Date: 2026-11-26 00:30:00

Indexes the staff dashboard's measured queries need at 1,000,000 enquiries (see
docs/performance.md, "Dashboard", and docs/dashboard.md, "Indexes the inbox relies on"):

* ix_enquiry_status_spam replaces ix_enquiry_inbox: the same order with is_spam after the
  status, so a view of some statuses or of spam is a merge of short range scans
  (intake.staff.queries.order_parts) and a status count is an index-only range;
* ix_enquiry_assignee gains is_spam: "unassigned" and "assigned to me" counted per status
  index-only;
* ix_enquiry_tag_removed (partial: staff removals only): "no removal" as an index-only probe;
* ix_enquiry_open_id (partial: the default view in id order, with the columns its filters
  read): counting its enquiries with a tag is an index-only merge with the tag's index entries;
* for the reports: ix_enquiry_report (a period's non-spam enquiries, covering), ix_enquiry_waiting
  (open, not spam, unanswered), ix_enquiry_urgency_corrected, ix_enquiry_tag_created (a period's
  tag rows) and ix_enquiry_tag_staff (staff corrections).

The partial indexes carry a predicate per dialect (PostgreSQL and SQLite both have partial
indexes), like ix_enquiry_open_queue in the initial schema; autogenerate sees them all.
Each CREATE INDEX blocks writes to its table while it runs: measured on a shared 2-core machine
at 1,000,000 enquiries, 1 to 16 seconds each (ix_enquiry_status_spam the longest), about
40 seconds in all.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2a6f1c9d4e10'
down_revision = '79676adf3b47'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.drop_index('ix_enquiry_inbox')
        batch_op.drop_index('ix_enquiry_assignee')
        batch_op.create_index(
            'ix_enquiry_assignee', ['assignee_id', 'status', 'is_spam'], unique=False
        )
        batch_op.create_index(
            'ix_enquiry_status_spam',
            ['status', 'is_spam', 'urgency_rank', 'created_at', 'id'],
            unique=False,
        )
        batch_op.create_index(
            'ix_enquiry_open_id',
            ['id', 'urgency_rank', 'created_at', 'kind', 'source_section', 'assignee_id'],
            unique=False,
            postgresql_where=sa.text("status <> 'closed' AND NOT is_spam"),
            sqlite_where=sa.text("status <> 'closed' AND is_spam = 0"),
        )
        batch_op.create_index(
            'ix_enquiry_report',
            [
                'created_at', 'kind', 'source_section', 'urgency', 'first_response_at', 'id',
                'is_spam',
            ],
            unique=False,
            postgresql_where=sa.text('NOT is_spam'),
            sqlite_where=sa.text('is_spam = 0'),
        )
        batch_op.create_index(
            'ix_enquiry_waiting',
            ['urgency_rank', 'created_at'],
            unique=False,
            postgresql_where=sa.text(
                "status <> 'closed' AND NOT is_spam AND first_response_at IS NULL"
            ),
            sqlite_where=sa.text(
                "status <> 'closed' AND is_spam = 0 AND first_response_at IS NULL"
            ),
        )
        batch_op.create_index(
            'ix_enquiry_urgency_corrected',
            ['triage_version', 'rules_urgency', 'urgency'],
            unique=False,
            postgresql_where=sa.text('rules_urgency IS NOT NULL'),
            sqlite_where=sa.text('rules_urgency IS NOT NULL'),
        )

    with op.batch_alter_table('enquiry_tag', schema=None) as batch_op:
        batch_op.create_index(
            'ix_enquiry_tag_removed',
            ['enquiry_id', 'tag'],
            unique=False,
            postgresql_where=sa.text('removed'),
            sqlite_where=sa.text('removed = 1'),
        )
        batch_op.create_index(
            'ix_enquiry_tag_created',
            ['created_at', 'enquiry_id', 'tag', 'removed'],
            unique=False,
        )
        batch_op.create_index(
            'ix_enquiry_tag_staff',
            ['vocabulary_version', 'rule_id', 'tag', 'removed'],
            unique=False,
            postgresql_where=sa.text("source = 'staff'"),
            sqlite_where=sa.text("source = 'staff'"),
        )


def downgrade():
    with op.batch_alter_table('enquiry_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_enquiry_tag_staff')
        batch_op.drop_index('ix_enquiry_tag_created')
        batch_op.drop_index('ix_enquiry_tag_removed')

    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.drop_index('ix_enquiry_urgency_corrected')
        batch_op.drop_index('ix_enquiry_waiting')
        batch_op.drop_index('ix_enquiry_report')
        batch_op.drop_index('ix_enquiry_open_id')
        batch_op.drop_index('ix_enquiry_status_spam')
        batch_op.drop_index('ix_enquiry_assignee')
        batch_op.create_index('ix_enquiry_assignee', ['assignee_id', 'status'], unique=False)
        batch_op.create_index(
            'ix_enquiry_inbox', ['status', 'urgency_rank', 'created_at', 'id'], unique=False
        )
