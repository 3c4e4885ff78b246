"""Wordings changed in vocabulary 2026.11.155.

``rf.breathing.4``: breathless at rest told with the rest first ("Even sitting still in my recliner
I'm out of breath today. Yesterday I could do the stairs fine.", b241-016, a held-out set's miss at
first sight on 2026.11.154).

A fever with the last treatment told in weeks, more than six ("last chemo was 10 weeks ago and I
have 38.2", b238-060, a first-sight false alarm of blind238) stays the fever red flag: a line that
read it as treatment ended was tried and dropped, because a reviewer found it silenced fevers in
patients whose treatment goes on in words no line knows ("now just on maintenance kadcyla",
"still getting hercepton shots", "cycle 4 got delayed for low counts", "in the middle of
radiotherapy"). Recall first.
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
        "Last infusion was 8 weeks ago, next one is Friday. Temp 38.5 and chills tonight.",
        "My last chemo was 9 weeks ago, I'm on Herceptin every 3 weeks, temp 38.6 tonight",
        "last chemo was 4 weeks ago, temp 38.4",
        "last chemo was 10 weeks ago, temp 38.4, I'm between cycles of the trial drug",
        "My last dose was 8 weeks ago because my counts were low; next one is booked for Monday."
        " Fever 38.9 now.",
        # a drug named as current wins over an older "finished"
        "I finished chemo 3 months ago but I'm on Kisqali now, fever 38.5",
        # the last chemo in weeks, the treatment going on in words no line knows (a reviewer)
        "last round was 10 weeks ago, now just on maintenance kadcyla. fever 38.5 chills",
        "last chemo was 8 weeks ago, still getting hercepton shots every 3 wks. temp 101",
        "her last infusion was 7 weeks ago bc cycle 4 got delayed for low counts, temp is 38.6",
        "Last chemo was 12 weeks ago, I'm in the middle of radiotherapy now (week 4 of 5). 38.4"
        " temp tonight",
        "last chemo was 10 weeks ago and I have 38.2 with a sore throat",
    ],
)
def test_a_fever_after_the_last_chemo_told_in_weeks_stays_an_emergency(message: str) -> None:
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
        "just sat down, im out of breath from walking the dog, anyway question about my port flush",
        "just sat down, I'm out of breath from the stairs but otherwise fine, quick q about my"
        " appt",
        "Just lying down, I'm out of breath from laughing so hard at the dog lol",
    ],
)
def test_breathless_only_after_effort_is_not_an_emergency(message: str) -> None:
    """Not the rest first: "just sat down" after the effort (a reviewer of 2026.11.155)."""
    assert_not_emergency(message)
