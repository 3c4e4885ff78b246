"""``flask triage classify``: triage JSON lines from stdin to stdout (no app, DB or network).

A plain click group, so it runs without Flask too; the app registers it with
``app.cli.add_command(triage_cli)``.

Bad input: a line that is not a JSON object with a string ``message`` is reported on stderr as
``line N: <problem>`` and answered, in its place, with ``{"id": ..., "error": "..."}`` so the
output stays aligned with the input; after the last line the command exits with status 1 if any
line was bad (0 otherwise). Blank lines are skipped.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

import click

from .engine import classify
from .model import TAGS

triage_cli = click.Group(
    "triage",
    help="Triage patient enquiries: concern tags and urgency (see docs/triage.md).",
)


def _parse(line: str) -> dict[str, Any]:
    """Validate one input line; raise ValueError with a message fit for the user."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise ValueError("expected a JSON object")
    if not isinstance(row.get("message"), str):
        raise ValueError('"message" must be a string')
    concerns = row.get("concerns", [])
    if concerns is None:
        concerns = []
    if not isinstance(concerns, list) or not all(isinstance(c, str) for c in concerns):
        raise ValueError('"concerns" must be a list of strings')
    if not isinstance(row.get("symptoms_now", False), bool):
        raise ValueError('"symptoms_now" must be true or false')
    return row


def run(lines: TextIO, out: TextIO, err: TextIO) -> int:
    """Classify every line; return the number of bad lines (the command's contract)."""
    bad = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = _parse(line)
        except ValueError as exc:
            bad += 1
            err.write(f"line {number}: {exc}\n")
            guess = None
            try:
                obj = json.loads(line)
                guess = obj.get("id") if isinstance(obj, dict) else None
            except json.JSONDecodeError:
                pass
            out.write(json.dumps({"id": guess, "error": f"line {number}: {exc}"}) + "\n")
            continue
        concerns = [c for c in row.get("concerns") or [] if c in TAGS]
        result = classify(row["message"], concerns, bool(row.get("symptoms_now", False)))
        out.write(json.dumps({"id": row.get("id"), **result.to_dict()}, ensure_ascii=False))
        out.write("\n")
    return bad


@triage_cli.command("classify")
def classify_command() -> None:
    """Read enquiries as JSON lines on stdin, write predictions as JSON lines on stdout.

    Input: {"id", "message", "concerns": [...], "symptoms_now": false}.
    Output, same order: {"id", "tags", "urgency", "reasons", "version", "red_flags"}.
    """
    bad = run(sys.stdin, sys.stdout, sys.stderr)
    if bad:
        click.echo(f"{bad} bad line(s)", err=True)
        raise SystemExit(1)


if __name__ == "__main__":  # python -m intake.triage.cli classify < in.jsonl
    triage_cli()
