"""``flask outbox send|retry|status``: the mail worker and its operations commands."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from config import ConfigError
from intake.notify.queue import notify_settings
from intake.notify.worker import OutboxWorker, outbox_status, retry_all

outbox_cli = AppGroup("outbox", help="The mail outbox: worker, retries and monitoring.")

DEFAULT_MAX_AGE = 900


@outbox_cli.command("send")
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
def send_command(once: bool) -> None:
    """Run the mail worker (polls every OUTBOX_POLL_SECONDS; stops cleanly on SIGTERM)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        notify_settings(app.config)  # a bad address or route stops here, not mid-send
        worker = OutboxWorker(app)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    with worker.signals_handled():
        report = worker.run(once=once)
    if once:
        click.echo(
            f"sent={report.sent} retrying={report.retrying} dead={report.dead}"
            + (" smtp=unreachable" if report.unreachable else ""),
            err=True,
        )


@outbox_cli.command("retry")
def retry_command() -> None:
    """Make every waiting and dead message due now (after fixing the relay, say)."""
    count = retry_all()
    click.echo(f"{count} message(s) due now")


@outbox_cli.command("status")
@click.option(
    "--max-age",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_AGE,
    show_default=True,
    help="Exit 1 when the oldest unsent message has waited longer than this (seconds).",
)
def status_command(max_age: int) -> None:
    """Print pending, dead and the oldest pending age; exit 1 on dead letters or a stale queue."""
    status = outbox_status()
    age = status.oldest_pending_age_seconds
    click.echo(f"pending: {status.pending}")
    click.echo(f"scheduled: {status.scheduled}")
    click.echo(f"dead: {status.dead}")
    click.echo(f"oldest_pending_age_seconds: {'-' if age is None else round(age)}")
    problems = []
    if status.dead:
        problems.append(f"{status.dead} dead letter(s): see the staff outbox page")
    if age is not None and age > max_age:
        problems.append(f"oldest unsent message waited {round(age)} s (> {max_age} s)")
    if problems:
        click.echo("FAIL: " + "; ".join(problems), err=True)
        sys.exit(1)
    click.echo("OK")
