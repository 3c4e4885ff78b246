"""Command-line groups registered on the app (``flask triage ...``, ``flask outbox ...``,
``flask staff ...``, ``flask demo ...``, ``flask retention ...``)."""

from __future__ import annotations

from flask import Flask


def init_cli(app: Flask) -> None:
    from intake.auth.cli import staff_cli
    from intake.notify.cli import outbox_cli
    from intake.retention.cli import retention_cli
    from intake.staff.demo import demo_cli
    from intake.triage.cli import triage_cli

    app.cli.add_command(triage_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(staff_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(retention_cli)
