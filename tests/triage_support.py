"""Assertions shared by the triage context tests (tests/test_triage_context*.py)."""

from __future__ import annotations

from intake.triage import classify


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
