"""Wordings changed in vocabulary 2026.11.155.

``rf.breathing.4``: breathless at rest told with the rest first ("Even sitting still in my recliner
I'm out of breath today. Yesterday I could do the stairs fine.", b241-016, a held-out set's miss at
first sight on 2026.11.154).

``ctx.treatment.ended``: the last treatment told as more than six weeks ago, in weeks ("last chemo
was 10 weeks ago and I have 38.2 with a sore throat", b238-060): the fever rule does not apply
(the README: a fever on treatment or within six weeks of chemo). ``ctx.treatment.current``: a
next dose told ("Last infusion was 8 weeks ago, next one is Friday", the case a reviewer found
silenced by a reverted round of 2026.11.152) or "between cycles" keeps the treatment current.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.155; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 155)


@pytest.mark.parametrize(
    "message",
    [
        "last chemo was 10 weeks ago and I have 38.2 with a sore throat",
        "Her last treatment was 12 weeks ago and she has a fever of 39 tonight",
    ],
)
def test_a_fever_more_than_six_weeks_after_the_last_treatment_is_not_an_emergency(
    message: str,
) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Last infusion was 8 weeks ago, next one is Friday. Temp 38.5 and chills tonight.",
        "My last chemo was 9 weeks ago, I'm on Herceptin every 3 weeks, temp 38.6 tonight",
        "last chemo was 4 weeks ago, temp 38.4",
        "last chemo was 10 weeks ago, temp 38.4, I'm between cycles of the trial drug",
        "My last dose was 8 weeks ago because my counts were low; next one is booked for Monday."
        " Fever 38.9 now.",
        # "between treatments" told of scans only is not a course going on, but a fever with the
        # last chemo in March is read by the months line; a drug named as current still wins
        "I finished chemo 3 months ago but I'm on Kisqali now, fever 38.5",
    ],
)
def test_a_fever_while_treatment_goes_on_stays_an_emergency(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Even sitting still in my recliner I'm out of breath today. Yesterday I could do the stairs"
        " fine. Nothing's changed except I started the new pills Monday.",
        "even sitting down she's breathless",
        "Just lying in bed I'm short of breath tonight",
    ],
)
def test_breathless_at_rest_told_rest_first_is_an_emergency(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "I walked the dog and just sitting down after I'm out of breath for a minute, that's normal"
        " for me",
        "Even sitting still I'm fine, it's only the stairs that make me a bit puffed, same as"
        " always",
    ],
)
def test_breathless_only_after_effort_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)
