"""The ``triage classify`` command through click's CliRunner (no Flask app involved)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from intake.triage import VOCABULARY_VERSION
from intake.triage.cli import triage_cli

DATA = Path(__file__).parent / "data"
TRIAGE_SRC = Path(__file__).resolve().parent.parent / "intake" / "triage"


def _invoke(text: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(triage_cli, ["classify"], input=text)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, rows, result.stderr


def test_round_trip_keeps_order_and_contract() -> None:
    text = (DATA / "triage_samples.jsonl").read_text(encoding="utf-8")
    code, rows, err = _invoke(text)
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in text.splitlines() if line.strip()]
    assert [r["id"] for r in rows] == ids
    for r in rows:
        assert {"id", "tags", "urgency", "reasons", "version"} <= set(r)
        assert r["version"] == VOCABULARY_VERSION
        assert r["urgency"] in {"emergency", "priority", "routine"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["s23"]["urgency"] == "emergency"
    assert by_id["s21"]["tags"] == ["clinical_trials"]


def test_symptoms_now_and_unknown_concerns() -> None:
    line = {"id": 7, "message": "call me", "concerns": ["bogus"], "symptoms_now": True}
    code, rows, _ = _invoke(json.dumps(line) + "\n")
    assert code == 0
    assert rows[0]["urgency"] == "emergency"
    assert rows[0]["tags"] == ["symptoms"]


def test_bad_lines_are_reported_in_place_and_exit_1() -> None:
    lines = [
        json.dumps({"id": "a", "message": "I fainted today"}),
        "this is not json",
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "b", "message": 42}),
        json.dumps({"id": "c", "message": "hi", "concerns": "symptoms"}),
        json.dumps({"id": "d", "message": "Can I reschedule?"}),
    ]
    code, rows, err = _invoke("\n".join(lines) + "\n")
    assert code == 1
    assert [r["id"] for r in rows] == ["a", None, None, "b", "c", "d"]  # blank line skipped
    assert rows[0]["urgency"] == "emergency"
    assert "error" in rows[1] and "error" in rows[4]
    assert rows[5]["tags"] == ["other"]
    assert re.search(r"^line 2: not valid JSON", err, re.M)
    assert re.search(r"^line 4: expected a JSON object", err, re.M)
    assert re.search(r'^line 5: "message" must be a string', err, re.M)
    assert re.search(r'^line 6: "concerns" must be a list', err, re.M)
    assert "4 bad line(s)" in err


def test_empty_input_is_fine() -> None:
    assert _invoke("") == (0, [], "")


def test_help_lists_the_command() -> None:
    result = CliRunner().invoke(triage_cli, ["--help"])
    assert result.exit_code == 0
    assert "classify" in result.stdout


def test_triage_package_never_imports_flask() -> None:
    """Pure functions: the triage package and its CLI must not depend on Flask."""
    for path in TRIAGE_SRC.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+flask", source, re.M), path.name
