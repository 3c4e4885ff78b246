"""Wordings changed in vocabulary 2026.11.140: the errors of blind sets 206 and 207 (scored once
unseen on 2026.11.138, then used for development), each read as a class (sources are the row ids):

- a plan for the end told with a near time word ("might be this weekend", "could be tonight",
  "will be tomorrow") in a message where the writer puts their affairs in order (b206-033): new
  rf.self_harm.170, which needs ctx.self_harm.affairs.
- a bleed told by how many dressings, pads, towels or bandages it soaked through in a span of
  minutes or hours, the count before or after the span (b206-152): new rf.bleeding.170, which
  needs ctx.bleeding.context.
- the ER visit told without a verb with the town after "in" ("ER in Fairbanks yesterday for
  coughing up blood", b207-127): ctx.assessed (a remover, widened from "at" only).
- a bare question what a named term means ("what does neutropenic fever mean", b207-032):
  ctx.hypothetical.general (a remover).
- the writer's own "I don't know the medical words / the terms / the process" (b207-071): the
  writer's knowledge, not a person failing to recognise: rf.confusion.2's lookahead (a remover).
- confusion told as coming and going with "been about two weeks" for its span, beside a new
  medicine ("confused sometimes since the new pain meds, been about 2 weeks", b207-076):
  ctx.confusion.gradual (a remover, widened), and ctx.confusion.new no longer reads "new" of a
  medicine as new confusion.

Left: b206-148 (chills "last Thursday, so over a week ago now"), b207-067 (a cousin's fits told
with a general question), b207-083 ("feel
feverish", no thermometer, on chemo): no narrow class fix; see docs/triage.md.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.140; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 140)


# (1) a plan for the end told with a near time word, beside affairs put in order


@pytest.mark.parametrize(
    "message",
    [
        (
            "I've written letters to my sons and sorted my will. I have a plan for when I cannot "
            "bear it and that will be tomorrow."
        ),
        (
            "Gave my dog to my neighbour and put my affairs in order. I have made a plan, it "
            "might be tonight."
        ),
        (
            "She has written letters to her kids. She has a plan for when it gets too much and it "
            "could be on Sunday."
        ),
    ],
)
def test_plan_with_a_near_time_beside_affairs_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.170" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # care planning with no time word
        (
            "I have put my affairs in order and have a plan for when it gets too bad: hospice at "
            "home."
        ),
        # no affairs put in order in the message
        "I have a plan for when it gets too bad and that might be this weekend, the hospice.",
        # a treatment plan
        "Wrote letters to my kids. My treatment plan will be this week.",
    ],
)
def test_plan_without_affairs_or_time_quiet(message: str) -> None:
    assert "rf.self_harm.170" not in emergency_rules(message)


# (2) a bleed told by the dressings, pads or towels it soaked through in a span


@pytest.mark.parametrize(
    "message",
    [
        "My mum is bleeding from her port site, she has bled through 5 gauze pads in 20 minutes.",
        "his nosebleed keeps on, soaked through two tea towels since 9am",
        "Over the last half hour the blood has soaked through six bandages on her leg.",
        "the bleeding from the wound is soaking a couple of dressings within the hour",
    ],
)
def test_bleed_soaking_dressings_in_a_span_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.170" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # sweat, not a bleed
        "I sweated through three towels in the last hour, no bleeding at all",
        # a bleed a month ago
        "I had a nosebleed last month that soaked through three towels in an hour, fine since",
        # a bleed that stopped
        "the wound soaked through two dressings in an hour but the bleeding has stopped now",
    ],
)
def test_soaking_not_a_current_bleed_quiet(message: str) -> None:
    assert_not_emergency(message)


# (3) the ER visit told with the town after "in" (a remover, widened)


@pytest.mark.parametrize(
    "message",
    [
        "ED in Anchorage last night for chest pain, they did an ECG and sent me home",
        "Urgent care in Wasilla on Monday for the fever, they gave antibiotics",
        "ER up in Nome yesterday for coughing blood, scan done, told to follow up with you",
    ],
)
def test_er_in_a_town_assessed(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "ER in Fairbanks yesterday for a rash. Since this morning she is coughing up blood.",
        "Should I go to the ER in Fairbanks today for coughing up blood? It started an hour ago.",
    ],
)
def test_red_flag_now_beside_an_er_in_a_town_still_flagged(message: str) -> None:
    assert_emergency(message)


# (4) a bare question what a named term means (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "what does neutropenic fever mean",
        "What does febrile neutropenia mean?",
        "what is cord compression mean",
    ],
)
def test_what_a_term_means_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "What does neutropenic fever mean? I am on chemo and my temp is 38.9 now.",
        "what does it mean, I'm on chemo and my temp is 38.6",
        "what does my fever of 39 mean, I'm on chemo",
    ],
)
def test_own_fever_beside_a_term_question_still_flagged(message: str) -> None:
    assert_emergency(message)


# (5) the writer's own "don't know the medical words" (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "I can come with her but I don't know the medical words.",
        "we don't know the right terms to use, can someone explain her report?",
        "I dont know the process for a referral",
    ],
)
def test_writer_not_knowing_the_words_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She does not know the day or where she is, and I do not know the medical words for it.",
        "Since this morning mum doesn't know the year or who I am.",
    ],
)
def test_person_not_knowing_the_day_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# (6) confusion coming and going for weeks told as "been about two weeks" (a remover, widened)


@pytest.mark.parametrize(
    "message",
    [
        "my daughter says i seem confused sometimes since the new pain meds, been about 2 weeks",
        "mum gets muddled on and off, its been a few weeks now",
        "been about three weeks, he is confused at times in the evenings",
    ],
)
def test_confusion_coming_and_going_for_weeks_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "she seems confused sometimes since the new pain meds, been about 2 weeks, but today "
            "she is suddenly much worse and does not know where she is"
        ),
        "mum gets confused sometimes, been about 3 days",
        "he has been confused since the new meds this morning",
        "new confusion since the new tablets, been about 2 weeks, sometimes",
    ],
)
def test_new_or_recent_confusion_beside_a_new_medicine_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")
