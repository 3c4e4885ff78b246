"""Command-line groups registered on the app (``flask triage ...``, ``flask outbox ...``)."""

from __future__ import annotations

from flask import Flask


def init_cli(app: Flask) -> None:
    from intake.notify.cli import outbox_cli
    from intake.triage.cli import triage_cli

    app.cli.add_command(triage_cli)
    app.cli.add_command(outbox_cli)
