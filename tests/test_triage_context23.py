"""Wordings added in vocabulary 2026.11.30, from the misses of ``triage_blind38.jsonl`` (phone
typing when frightened), found when it was scored once, unseen, on 2026.11.29: text-speak
"n" for "and" and "cp" for chest pain (re-spelled before matching, like any typing slip, with
reasons still pointing at what was written), and "breathing felt hard". Each class is tested on
sentences written for these tests, with counterparts that must stay quiet.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.30; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 30)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("right arm n leg went weak all of a sudden, cant lift my cup", "stroke"),
        ("face droopy n words coming out wrong since 10 mins", "stroke"),
        ("cp since this morning n my left arm aches", "chest_pain"),
        ("bad cp n sweaty, on chemo", "chest_pain"),
    ],
)
def test_text_speak_and_and_chest_pain(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "rock n roll was my dad's thing, can we play it at the fundraiser",
        "had cp in 2019, it was reflux. can I get my records",
        "no cp no sob just tired after cycle 3",
        "is cp a side effect of herceptin?",
    ],
)
def test_text_speak_without_a_red_flag_now(message: str) -> None:
    assert urgency_of(message) != "emergency", message


def test_reasons_point_at_what_was_written() -> None:
    message = "cp left side since lunch"
    reasons = [r for r in classify(message).reasons if r.label == "emergency"]
    assert reasons and message[reasons[0].start : reasons[0].end] == "cp"


@pytest.mark.parametrize(
    "message",
    [
        "during my herceptin today i got itchy and breathing felt hard, now its worse",
        "since the infusion this afternoon my breathing feels hard and my lips are puffy",
        "breathing is getting really hard tonight, I'm sitting up to get air",
    ],
)
def test_breathing_felt_hard(message: str) -> None:
    assert urgency_of(message) == "emergency", message


@pytest.mark.parametrize(
    "message",
    [
        "breathing felt hard on the hike in 2019 at altitude, is that relevant to the trial?",
        "no problems, breathing feels fine and my lips are normal after the infusion",
    ],
)
def test_breathing_felt_hard_long_ago_or_denied(message: str) -> None:
    assert urgency_of(message) != "emergency", message


def test_a_one_letter_slip_only_between_spaces() -> None:
    """ "n" is "and" only as a word of its own: "N/V" stays nausea and vomiting, and the "n" after
    an accented letter ("convulsión") stays part of its word."""
    from intake.triage.spelling import respell

    table = {"n": "and"}
    assert respell("arm n leg", table)[0] == "arm and leg"
    assert respell("n leg", table)[0] == "and leg"
    assert respell("N/V since chemo".lower(), table)[0] == "n/v since chemo"
    assert respell("tuvo una convulsión", table)[0] == "tuvo una convulsión"
    assert urgency_of("N/V since chemo yesterday but I can keep gatorade down") == "priority"
    assert_flagged("tuvo una convulsión esta mañana", "seizure")
