"""Wordings added in vocabulary 2026.11.43, from the three errors of blind48 on first sight.

blind48 (a fortnight's contact-form messages in proportion) was written blind and scored once,
unseen, on 2026.11.42 (0.975 / 0.978 / 0.957). Its one miss was bowel control lost, told as
"can't seem to control my bowels"; its two false alarms a condition a doctor had mentioned ("Dr.
Okafor mentioned cord compression because of my spine mets. What should I look out for?") and a
fever from "when I was 15", whose time was taken by the "again" of "and never again". Each class
is tested in fresh wordings, both ways; each remover beside the writer's own red flag.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.43; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 43)


@pytest.mark.parametrize(
    "message",
    [
        "Since last night I can't seem to control my bladder and my back is killing me",
        "Mum can't really hold her bowels since this morning, and her legs feel heavy",
        "He couldn't seem to hold his pee at all today",
    ],
)
def test_control_lost_with_a_softening_word(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "I can't seem to control my diary, can someone call me about the dates?",
        "I have never lost control of my bladder, I just go often at night",
    ],
)
def test_control_of_something_else_or_denied(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Dr. Okafor mentioned cord compression because of my spine mets. What should I watch for?",
        "My oncologist warned me about the risk of spinal cord compression. What are the signs?",
        "The nurse went over neutropenic fever with us at teaching. Is 37.9 a fever?",
        "The team talked to me about seizures with brain mets. How likely are they?",
    ],
)
def test_a_condition_a_clinician_mentioned_is_a_topic(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Dr. Okafor mentioned cord compression last month. Since this morning my legs gave "
            "way and I can't feel my feet.",
            "cord_compression",
        ),
        ("The nurse warned me about seizures, and I had a seizure an hour ago", "seizure"),
        ("Mom mentioned she has been coughing up blood since this morning", "haemoptysis"),
        ("My husband mentioned seizures to the nurse: he had one an hour ago", "seizure"),
        ("I think I have cord compression, my legs gave way this morning", "cord_compression"),
    ],
)
def test_the_writers_own_red_flag_beside_a_mentioned_condition(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure once when I was 15 with a high fever and never again.",
        "She had a fever when she was a baby with a convulsion and never again since.",
    ],
)
def test_never_again_keeps_an_episode_in_the_past(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("The fever came back again tonight, 38.9, I'm on chemo", "fever"),
        ("I never had a seizure before, and today I had one again an hour ago", "seizure"),
    ],
)
def test_again_still_tells_now(message: str, flag: str) -> None:
    assert_flagged(message, flag)
