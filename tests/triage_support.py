"""Assertions shared by the triage context tests (tests/test_triage_context*.py), and a loader
for the tools and the copied scorer the triage tests read."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from intake.triage import classify
from intake.triage.vocabulary import get_vocabulary

DATA = Path(__file__).parent / "data"


def vocabulary_version() -> tuple[int, ...]:
    """The vocabulary's version as numbers ("2026.11.104" -> (2026, 11, 104)), so that versions
    compare in order (as strings "2026.11.100" < "2026.11.99")."""
    return tuple(int(part) for part in get_vocabulary().version.split("."))


def urgency_of(message: str) -> str:
    return classify(message).urgency


def emergency_rules(message: str) -> set[str]:
    """The ids of the rules that made the message an emergency."""
    return {r.rule for r in classify(message).reasons if r.label == "emergency"}


def assert_flagged(message: str, flag: str) -> None:
    """An emergency, and for this red flag (the reasons show why when it is not)."""
    result = classify(message)
    assert result.urgency == "emergency", result.reasons
    assert flag in result.red_flags


def set_triage_today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Read the engine's dates against ``day`` for one test (``engine.clock``)."""
    from intake.triage import engine

    monkeypatch.setattr(engine, "clock", lambda: day)


def assert_emergency(message: str) -> None:
    """An emergency, for whichever red flag (the reasons show why when it is not)."""
    result = classify(message)
    assert result.urgency == "emergency", result.reasons


def assert_not_emergency(message: str) -> None:
    """Not an emergency (the reasons show why when it is)."""
    result = classify(message)
    assert result.urgency != "emergency", result.reasons


def gate_messages() -> list[str]:
    """The labelled messages, the spec's samples and every rule's examples: what the token gate
    tests check their necessary conditions against."""
    out = []
    for name in ("triage_labelled.jsonl", "triage_samples.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            out += [json.loads(line)["message"] for line in f if line.strip()]
    out += [ex for rule in get_vocabulary().all_rules for ex in rule.examples]
    return out


def load_module(path: Path) -> ModuleType:
    """A module loaded from its file (tools/ and tests/data/ are not packages)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
