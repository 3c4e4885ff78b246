"""Wordings changed in vocabulary 2026.11.97, from one held-out miss read at the stop.

blind162 (held out, scored once on 2026.11.96: 0.976 / 0.951 / 0.929) missed "I've written letters
to my kids just in case. I don't want to do the next round. I don't really want to be here anymore"
(b162-061): a softening word ("really", "honestly", "even") between "don't" and "want to be here"
hid the thought. A self-harm miss is not left in the product for the sake of a measurement; the
set's first-sight figures stay recorded in docs/triage.md and its current figures in HELD_OUT.
Beside it, the same line's obvious non-self-harm continuations, which raised the self-harm flag
before: going on a trial or a drug, being "here" at a time or for an appointment, living in a care
home or a town.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.97; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 97)


@pytest.mark.parametrize(
    "message",
    [
        "I don't really want to be here anymore",
        "Mum says she doesn't really want to be around any more, she's so tired of it all",
        "I honestly don't even want to wake up tomorrow",
        "He doesn't honestly want to go on like this",
        "i dont really want to live anymore",
        # the plain forms still fire, with a place or time word nowhere near
        "I don't want to be here for much longer",
        "I don't want to go on",
        "I don't want to live in this body anymore",
        "I don't want to live with this pain anymore",
    ],
)
def test_softened_thoughts_of_not_living_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "I don't really want to go on the trial, what else is there?",
        "I don't want to go on tamoxifen, are there other options?",
        "Mum doesn't want to go on another chemo regimen",
        "I don't want to be here at 7am, is there a later slot?",
        "I don't want to be here for the whole infusion, can my husband stay instead?",
        "I don't want to be here on the 3rd, can we move it?",
        "She doesn't really want to live in a care home, what are the options?",
        "I don't want to live in Anchorage for treatment, is there anything in Juneau?",
        "Dad doesn't want to live alone after the surgery",
    ],
)
def test_a_place_time_or_treatment_after_it_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
    assert "self_harm" not in classify(message).red_flags
