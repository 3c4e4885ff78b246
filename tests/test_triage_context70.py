"""Wordings added in vocabulary 2026.11.79, from the errors of blind124-125 on first sight.

blind124 (a realistic month of enquiries in proportion) and blind125 (a realistic fortnight, about
half written by relatives, friends and carers) were written blind and scored once, unseen, on
2026.11.78 (0.991 / 0.975 / 0.951 and 0.990 / 0.927 / 1.000). Their misses: "a bit of a
temperature since Friday, 38.2 this morning" on palbociclib (a fever told as small, with a reading
over the line); "she is shaking very strong and she is hot, chemo last week" (shaking told before
hot); "Not on chemo, I finished radiation 3 weeks back" with 100.5 F (radiotherapy within six
weeks, "back" for "ago"); a friend "talking about ending it all ... she has a plan" (talk of
suicide told by a friend as the distress a bare plan needs). Their false alarm fixed: "I'm on
chemo, don't know my platelets" (a result the writer lacks, not confusion). Each class is tested
in fresh wordings, both ways; the remover with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.79; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 79)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a fever told as small, with a reading at the line or over it
        (
            "a bit of a temperature since Friday, 38.2 this morning, on palbociclib",
            "fever",
            "rf.fever.1",
        ),
        ("Slight fever, 38.6 tonight, on docetaxel", "fever", "rf.fever.1"),
        ("mild temp of 101.2 on abemaciclib", "fever", "rf.fever.1"),
        # shaking told first, then hot
        (
            "my wife is shivering hard and she feels hot, had chemo on Tuesday",
            "fever",
            "rf.fever.2",
        ),
        ("I'm trembling and very hot, on paclitaxel", "fever", "rf.fever.2"),
        ("dad is shaking a lot and he is hot, chemo was on Monday", "fever", "rf.fever.2"),
        # radiotherapy within six weeks after "not on chemo"
        (
            "No chemo for me, had my last radiation session 10 days ago, temp 38.4 tonight",
            "fever",
            "rf.fever.1",
        ),
        (
            "Temp 38.5 tonight. Not on chemo, finished radiotherapy 2 weeks back.",
            "fever",
            "rf.fever.1",
        ),
        (
            "She isn't on chemo, she finished her radiation 4 weeks ago. Temperature 38.3 now",
            "fever",
            "rf.fever.1",
        ),
        # talk of suicide told by a friend or relative, then a plan
        (
            "My sister keeps talking about killing herself since the news. Tonight she has a plan.",
            "self_harm",
            "rf.self_harm.5",
        ),
        (
            "My dad talks about wanting to die since the diagnosis and he has made a plan.",
            "self_harm",
            "rf.self_harm.5",
        ),
        (
            "my friend has been talking about ending her life since the scan. she has a plan.",
            "self_harm",
            "rf.self_harm.5",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a small temperature with a reading under the line
        "a bit of a temperature, 37.6 this morning, on letrozole",
        "low grade fever 37.9 since Tuesday, on chemo",
        # shaking and hot flushes, a hot room
        "I'm shaking and having hot flushes on tamoxifen",
        "she is shaking with nerves and the room is hot, chemo Monday",
        # radiotherapy long ago
        "Not on chemo, I finished radiation 3 months ago, temp 38.4",
        "I'm not on any treatment, finished radiation 12 weeks back, temperature 38.5",
        # talk of ending something else; a plan for something else
        "My friend keeps talking about ending her treatment early. She has a plan.",
        "Mum keeps talking about ending her chemo, she has a plan.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a result of her own the writer does not know
        "Had a nosebleed that stopped after 10 minutes. On chemo, dont know my counts. Fine now.",
        "I'm on chemo and I don't know my platelet count, is it safe to fly?",
        "Had a small nosebleed, stopped quickly. Didn't know my bloods from Monday yet.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a person failing to recognise the writer, told as now
        "my mum didn't know my name this morning, she is very confused",
        "she doesnt know my face today, looks at me like a stranger",
        "I'm on chemo and my husband says I didn't know where I was this morning",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
