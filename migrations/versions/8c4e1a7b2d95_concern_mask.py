"""concerns in force on the enquiry row

Revision ID: 8c4e1a7b2d95
Revises: 6d2b9e4f0a31
Create Date: 2026-11-26 11:00:00

`enquiry.concern_mask` holds the concern tags in force (some tag row gives the tag and no staff
row removes it) as bits: recurrence 1, symptoms 2, clinical_trials 4, treatment 8, other 16
(intake.models.CONCERN_BIT; the bits are written out here so this migration never changes).
Every write of tag rows keeps it (the form, staff corrections, the demo seeder). The inbox's
concern filter and counts read it instead of the tag table: at a million enquiries the
`tag=clinical_trials` page probed 3,600 open enquiries' tag rows to find 51, and each concern's
count read up to 15,000 (docs/performance.md, "Dashboard").

Indexes: two partial indexes per concern, over the open view (`ix_enquiry_open_<tag>`) and over
every status's non-spam enquiries (`ix_enquiry_concern_<tag>`), in display order with the
columns the other filters read; the column (and in ix_enquiry_status_spam also kind, section
and assignee) appended to ix_enquiry_status_spam, ix_enquiry_open_id, ix_enquiry_assignee and
ix_enquiry_report (with the status too) so that their counts by concern (and the reports' weekly
counts by concern, and a date range's counts by status) are index-only. The tag table's indexes by tag
(ix_enquiry_tag_tag_enquiry, ix_enquiry_tag_removed) and by date (ix_enquiry_tag_created, the
weekly report's) are dropped: nothing reads the tag rows that way any more.

The backfill is one UPDATE of the enquiries that have tag rows; it and each CREATE INDEX block
writes to the table while they run (at a million enquiries on the shared 2-core machine: the
backfill 3 min 37 s, the new indexes about 10 s; docs/dashboard.md). A release older than this
one keeps working against the new schema except that enquiries it stores or corrects would
carry a stale mask: stop every instance, `flask db upgrade`, start them (README, "Deploying").
Downgrade drops the column and restores the indexes as they were.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8c4e1a7b2d95'
down_revision = '6d2b9e4f0a31'
branch_labels = None
depends_on = None

BITS = {"recurrence": 1, "symptoms": 2, "clinical_trials": 4, "treatment": 8, "other": 16}
OPEN_PG = "status <> 'closed' AND NOT is_spam"
OPEN_SQLITE = "status <> 'closed' AND is_spam = 0"
TAG_COLUMNS = [
    'urgency_rank', 'created_at', 'id', 'status', 'kind', 'source_section', 'assignee_id'
]
REPORT_COLUMNS = [
    'created_at', 'kind', 'source_section', 'urgency', 'first_response_at', 'id', 'is_spam'
]


# One pass over the tag rows, grouped: a tag is in force for an enquiry when it has rows and no
# staff removal among them. (Ten correlated subqueries per enquiry gave the same masks in 4 min
# 31 s at a million enquiries on the shared machine; this form took 3 min 37 s.)
BACKFILL = (
    "UPDATE enquiry SET concern_mask = masks.mask FROM ("
    " SELECT enquiry_id, SUM(CASE tag "
    + " ".join(f"WHEN '{tag}' THEN {bit}" for tag, bit in BITS.items())
    + " ELSE 0 END) AS mask FROM ("
    "  SELECT enquiry_id, tag FROM enquiry_tag GROUP BY enquiry_id, tag"
    "  HAVING MAX(CASE WHEN removed THEN 1 ELSE 0 END) = 0"
    " ) AS in_force GROUP BY enquiry_id"
    ") AS masks WHERE enquiry.id = masks.enquiry_id AND masks.mask <> 0"
)


def upgrade():
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('concern_mask', sa.Integer(), server_default='0', nullable=False)
        )

    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        # Rebuilt below with the new column: dropped first, so the backfill does not update them.
        batch_op.drop_index('ix_enquiry_status_spam')
        batch_op.drop_index('ix_enquiry_open_id')
        batch_op.drop_index('ix_enquiry_assignee')
        batch_op.drop_index('ix_enquiry_report')
    op.execute(BACKFILL)

    # Nothing reads the tag rows by tag or by date any more (the filters, counts and the weekly
    # report read the bits): three indexes fewer to write on every submission.
    with op.batch_alter_table('enquiry_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_enquiry_tag_tag_enquiry')
        batch_op.drop_index('ix_enquiry_tag_removed')
        batch_op.drop_index('ix_enquiry_tag_created')

    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.create_index(
            'ix_enquiry_status_spam',
            [
                'status', 'is_spam', 'urgency_rank', 'created_at', 'id', 'concern_mask', 'kind',
                'source_section', 'assignee_id',
            ],
            unique=False,
        )
        batch_op.create_index(
            'ix_enquiry_open_id',
            [
                'id', 'urgency_rank', 'created_at', 'kind', 'source_section', 'assignee_id',
                'concern_mask',
            ],
            unique=False,
            postgresql_where=sa.text(OPEN_PG),
            sqlite_where=sa.text(OPEN_SQLITE),
        )
        batch_op.create_index(
            'ix_enquiry_assignee',
            ['assignee_id', 'status', 'is_spam', 'concern_mask'],
            unique=False,
        )
        batch_op.create_index(
            'ix_enquiry_report',
            REPORT_COLUMNS + ['concern_mask', 'status'],
            unique=False,
            postgresql_where=sa.text('NOT is_spam'),
            sqlite_where=sa.text('is_spam = 0'),
        )
        for tag, bit in BITS.items():
            predicate = f"(concern_mask & {bit}) <> 0"
            batch_op.create_index(
                f'ix_enquiry_open_{tag}',
                TAG_COLUMNS,
                unique=False,
                postgresql_where=sa.text(f"{OPEN_PG} AND {predicate}"),
                sqlite_where=sa.text(f"{OPEN_SQLITE} AND {predicate}"),
            )
            batch_op.create_index(
                f'ix_enquiry_concern_{tag}',
                TAG_COLUMNS,
                unique=False,
                postgresql_where=sa.text(f"NOT is_spam AND {predicate}"),
                sqlite_where=sa.text(f"is_spam = 0 AND {predicate}"),
            )


def downgrade():
    with op.batch_alter_table('enquiry_tag', schema=None) as batch_op:
        batch_op.create_index(
            'ix_enquiry_tag_created', ['created_at', 'enquiry_id', 'tag', 'removed'], unique=False
        )
        batch_op.create_index(
            'ix_enquiry_tag_removed',
            ['enquiry_id', 'tag'],
            unique=False,
            postgresql_where=sa.text('removed'),
            sqlite_where=sa.text('removed = 1'),
        )
        batch_op.create_index('ix_enquiry_tag_tag_enquiry', ['tag', 'enquiry_id'], unique=False)

    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        for tag in reversed(BITS):
            batch_op.drop_index(f'ix_enquiry_concern_{tag}')
            batch_op.drop_index(f'ix_enquiry_open_{tag}')
        batch_op.drop_index('ix_enquiry_report')
        batch_op.create_index(
            'ix_enquiry_report',
            REPORT_COLUMNS,
            unique=False,
            postgresql_where=sa.text('NOT is_spam'),
            sqlite_where=sa.text('is_spam = 0'),
        )
        batch_op.drop_index('ix_enquiry_assignee')
        batch_op.create_index(
            'ix_enquiry_assignee', ['assignee_id', 'status', 'is_spam'], unique=False
        )
        batch_op.drop_index('ix_enquiry_open_id')
        batch_op.create_index(
            'ix_enquiry_open_id',
            ['id', 'urgency_rank', 'created_at', 'kind', 'source_section', 'assignee_id'],
            unique=False,
            postgresql_where=sa.text(OPEN_PG),
            sqlite_where=sa.text(OPEN_SQLITE),
        )
        batch_op.drop_index('ix_enquiry_status_spam')
        batch_op.create_index(
            'ix_enquiry_status_spam',
            ['status', 'is_spam', 'urgency_rank', 'created_at', 'id'],
            unique=False,
        )
        batch_op.drop_column('concern_mask')
