"""Wordings added in vocabulary 2026.11.26, from the lead's third set of probe sentences (written
after the 2026.11.24 and 2026.11.25 rounds, and scored on them: 3 emergencies of 34 missed, all
in classes those rounds had only partly covered). Each class is tested on sentences written for
these tests, with counterparts that must stay quiet; none of the additions removes a red flag.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.26; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 26)


# ------------------------------- an overdose told as swallowing the lot (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "I swallowed all my sleeping tablets an hour ago.",
        "Mum downed the rest of her painkillers tonight and won't tell me why.",
        "I've necked every one of my pills, sorry for this message.",
    ],
)
def test_swallowing_the_lot_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I swallowed all my tablets fine this morning, the new ones are smaller.",
        "I took all my tablets today as usual.",
        "She swallowed all her pills with breakfast, no problems with the new capsules.",
    ],
)
def test_taking_the_days_tablets_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- a means kept "to make sure"; nobody would notice


@pytest.mark.parametrize(
    "message",
    [
        "I have enough oxycodone saved to make sure.",
        "I've kept enough of my sleeping pills to not wake up.",
        "Nobody would notice if I just didn't wake up tomorrow.",
        "No one would even care if I was gone.",
    ],
)
def test_a_means_or_nobody_noticing_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I have enough morphine to make sure I'm comfortable at night.",
        "Do I have enough tablets to last until my next appointment?",
        "No one would notice if I didn't come to the support group, would they?",
        "Nobody would mind if I was late on Tuesday?",
    ],
)
def test_enough_medicine_or_not_being_missed_at_a_meeting_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- shaking with froth at the mouth (rf.seizure.1)


@pytest.mark.parametrize(
    "message",
    [
        "He was shaking and frothing at the mouth twenty minutes ago.",
        "she was foaming at the mouth and jerking on the floor",
        "my wife went stiff, then she was frothing from the mouth",
    ],
)
def test_shaking_with_froth_at_the_mouth_is_a_seizure(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "My boss was foaming at the mouth about the schedule change.",
        "He was frothing at the mouth with rage at the billing office.",
        "She had a seizure in 2009 and was frothing at the mouth then, nothing since.",
    ],
)
def test_froth_at_the_mouth_alone_or_long_ago_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message
