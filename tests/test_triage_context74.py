"""Wordings added in vocabulary 2026.11.83, from the errors of blind132-133 on first sight.

blind132 (a realistic month in proportion) and blind133 (a fortnight, about half written by
relatives, friends and carers) were written blind and scored once, unseen, on 2026.11.82 (0.987 /
0.976 / 0.976 and 0.974 / 0.976 / 0.976). Their misses: "Today she cannot move the legs ... and
the back pain is very strong" ("the" for the possessive in second-language English, the leg
weakness that completes cord compression); "he keeps saying he'll end it before it gets bad"
(ending it told as an intention for when the illness gets worse). Their tag errors fixed here:
"the cancer is in my vertebrae" (a bone named one by one), "The rash from Mum's new pills is
spreading up both her arms" (a rash spreading, not the cancer), "eyes won't stop watering"
(a side effect). Their two false alarms are disputable labels left as they are (docs/triage.md).
Each class is tested in fresh wordings, both ways. No remover was added.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.83; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 83)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # "the legs" for "her legs", with back pain: cord compression
        (
            "my husband back pain very bad since yesterday and now he cannot move the legs",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "She can't lift the legs since this morning and her back is killing her, "
            "she has bone mets",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "bad pain in my back and today I not can feel the legs",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # ending it told as an intention for when the illness gets bad
        (
            "Mum keeps telling me she'll end it before the pain gets too bad.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "Since the scan Dad says he's going to end it when things get worse, "
            "I don't know what to do",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "i will end it before i become bedbound, i have made up my mind",
            "self_harm",
            "rf.self_harm.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the legs moved, told long ago, or the legs of a thing
        "She can move the legs fine, the back pain is the same old ache",
        "Last year after the fall she couldn't move the legs for a day, the back pain is gone now. "
        "Can I book a check?",
        "I can't move the legs of the bed to get the wheelchair in, my back hurts from trying",
        # ending a relationship or a treatment, denied, or told long ago and over
        "She'll end it with him before it gets worse, the relationship is toxic",
        "We'll end the chemo before it gets worse, what are the options?",
        "He says he won't end it, he promised me, the scan was bad though",
        "Years ago, before the all-clear, she told us she'd end it before it got bad. "
        "She is doing well now.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a bone named one by one
        "the doctor said it's in two of my vertebrae now",
        "the new scan says the cancer has got into a few of her vertebrae",
        "mets in his lower vertebrae, what does that mean",
    ],
)
def test_recurrence_in_named_bones(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The scan showed no cancer in her vertebrae, just wear and tear",
        "I have arthritis in my vertebrae and a crack in my sternum from a fall",
    ],
)
def test_no_recurrence_in_named_bones(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a rash or hives spreading is the skin, not the cancer
        "the red rash on her tummy since Friday is spreading",
        "hives spreading over both my legs since the infusion",
        "The rash from my new tablets has been slowly spreading, very itchy",
    ],
)
def test_rash_spreading_not_recurrence(message: str) -> None:
    tags = classify(message).tags
    assert "symptoms" in tags and "recurrence" not in tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The rash is from treatment but I worry the cancer is spreading",
        "I have a rash on my arms and the scan says it is spreading to my liver",
    ],
)
def test_cancer_spreading_beside_a_rash_still_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my eyes keep streaming since the taxotere",
        "Her eyes won't stop running since the second cycle",
        "since docetaxel my eyes dont stop watering, tears down my cheeks all day",
    ],
)
def test_watering_eyes_are_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Her eyes have stopped watering since the drops",
        "Can I bring my eye drops to the infusion?",
    ],
)
def test_watering_eyes_counterparts(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons
