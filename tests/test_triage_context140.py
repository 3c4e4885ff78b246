"""Wordings added in vocabulary 2026.11.152: a question made the writer's own, now.

``ctx.hypothetical.asserted`` (after a question about a finding, the writer says it is happening):
"asking because my mom does right now" and "asking for me, right now" after a what-if question
(b222-055, a set held out from the rules' rounds, missed at first sight on 2026.11.150). "Now" must
close its clause: "Asking for my mum. Now that she's home ..." is not the sign told as now.

``rf.self_harm.1``: the writer's own hand racing the cancer ("if the cancer doesnt get me first ill
do it myself", b234-008, missed at first sight on 2026.11.152 by the rules, which read the pills
counted out without a word of resolve, and by the backstop, 0.92 where 0.95 was needed).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.152; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 152)


@pytest.mark.parametrize(
    "message",
    [
        "what should you do if someone with cancer has a fever of 102? asking because my mom does"
        " right now",
        "What happens if you get a temperature of 39 on chemo? Asking because my husband has one"
        " right now.",
        "What should you do if you have a fever of 101 on chemo? Asking because she does now.",
    ],
)
def test_a_what_if_question_made_the_writers_own_now_is_an_emergency(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        # the question is theirs, but "now" opens another clause
        "What would you do if someone on Taxol had a fever of 102? Asking for my dad. Now that"
        " he's done with chemo I worry.",
        # "now" is not the sign's
        "What should you do if you have a fever of 101 on chemo? Asking because my mom is starting"
        " chemo now.",
        # theirs, for later
        "Hypothetically, if someone on chemo had a temp of 101.5, would they need to go in? Asking"
        " for me, for the holidays.",
    ],
)
def test_a_what_if_question_not_made_the_writers_own_now_stays_a_question(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "If the cancer doesn't get me first, I'll do it myself.",
        "honestly if this doesnt get me first im gonna do it myself",
        "If the mets don't kill me I will finish the job myself. Sorry.",
        "Stage 4 now. If it doesn't take me soon I'm going to end it.",
    ],
)
def test_the_writers_own_hand_racing_the_cancer_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "If the cancer doesn't get me first, the winter will. Ha. Can I move my scan to March?",
        "If the cancer doesn't get me, my husband's cooking will!",
        "If the clinic doesn't call me back, I'll do it myself and book at Providence.",
    ],
)
def test_racing_the_cancer_with_something_else_is_not_self_harm(message: str) -> None:
    assert_not_emergency(message)
