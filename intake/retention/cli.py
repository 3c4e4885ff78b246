"""``flask retention purge [--dry-run]``: de-identify what the retention settings say.

Run nightly by deploy/intake-retention.timer. Prints counts and dates only, never a name, a
reference or any text from an enquiry; exits 1 when the run stops on an error (the batches done
are committed, the rest untouched: run it again).
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from intake.retention import policy
from intake.retention.policy import CATEGORIES, CATEGORY_LABELS
from intake.retention.purge import DEFAULT_BATCH, PurgeReport, plan, purge

retention_cli = AppGroup("retention", help="De-identify old enquiries, delete old audit events.")


def describe(report: PurgeReport) -> list[str]:
    """The per-category counts, one line each (the dry run's answer, and the plan of a run)."""
    cutoffs = report.cutoffs
    lines = [
        f"Retention: RETENTION_DAYS={cutoffs.retention_days}, suspected spam after "
        f"{cutoffs.days('spam')} days, AUDIT_RETENTION_DAYS={cutoffs.audit_days}."
    ]
    for category in CATEGORIES:
        label = CATEGORY_LABELS[category].format(days=cutoffs.days(category))
        lines.append(f"  enquiries {label}: {report.enquiries[category]:,}")
    lines += [
        f"  their mail messages: {report.mail_messages:,}",
        f"  expired saved searches: {report.saved_searches:,}",
        f"  audit events older than {cutoffs.audit_days} days: {report.audit_events:,}",
    ]
    return lines


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what is due and change nothing.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1, max=10_000),
    default=DEFAULT_BATCH,
    show_default=True,
    help="Rows per transaction.",
)
def purge_command(dry_run: bool, batch_size: int) -> None:
    """De-identify enquiries closed or untouched for RETENTION_DAYS (spam: 30 days), delete
    expired saved searches and audit events older than AUDIT_RETENTION_DAYS; audited."""
    cutoffs = policy.cutoffs_from_config(current_app.config)
    due = plan(cutoffs)
    for line in describe(due):
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing was changed.")
        return
    try:
        if due.work:
            with click.progressbar(length=due.work, label="Purging", show_pos=True) as bar:
                report = purge(cutoffs, batch_size=batch_size, progress=bar.update)
        else:
            report = purge(cutoffs, batch_size=batch_size)
    except Exception as exc:
        # The class only: a database error's text can quote the statement and its values.
        raise click.ClickException(
            f"the purge stopped ({type(exc).__name__}); the batches done are committed and the "
            "rest is untouched: run it again"
        ) from exc
    per = ", ".join(f"{c} {report.enquiries[c]:,}" for c in CATEGORIES)
    click.echo(
        f"De-identified {report.total_enquiries:,} enquiries ({per}) with "
        f"{report.mail_messages:,} mail messages and {report.mail_attachments:,} attachments; "
        f"deleted {report.saved_searches:,} expired saved searches and "
        f"{report.audit_events:,} audit events; {report.batches:,} batches in "
        f"{report.seconds:.1f} s."
    )
