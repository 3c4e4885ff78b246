"""Wordings added in vocabulary 2026.11.152: a question made the writer's own, now.

``ctx.hypothetical.asserted`` (after a question about a finding, the writer says it is happening):
"asking because my mom does right now" and "asking for me, right now" after a what-if question
(b222-055, a set held out from the rules' rounds, missed at first sight on 2026.11.150). "Now" must
close its clause: "Asking for my mum. Now that she's home ..." is not the sign told as now.
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
