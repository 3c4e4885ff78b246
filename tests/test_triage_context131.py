"""Wordings changed in vocabulary 2026.11.141: an old red flag said to be back two sentences on.

The gap (found by the round of 2026.11.139 and left there; fixed at the merge): a red flag told
with an old time ("I fainted 10 days ago", "..., that was 8 days ago"), then a sentence with no
finding ("I was fine after", "Nothing since"), then "It happened again today": the engine looked
for "again" only in the finding's sentence and the next, and not at all after a finding dated
back after the fact, so the red flag stayed in the past. Now ``engine._back_again`` looks two
sentences on, and also after a finding dated back; there (and two sentences on) the "again" must
be told as now: a recent time word in its sentence, no denial before it, no question.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, assert_not_emergency, vocabulary_version


def test_version() -> None:
    """This arrived in 2026.11.141; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 141)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "I fainted in the kitchen 10 days ago. Felt fine since. "
            "It happened again this morning.",
            "collapse",
        ),
        (
            "Had a seizure two weeks ago. Nothing since. Then this morning it happened again.",
            "seizure",
        ),
        ("Coughed up blood last month. It stopped. It started again tonight.", "haemoptysis"),
        (
            "I fainted in the kitchen, that was 8 days ago. I was fine after. "
            "It happened again today.",
            "collapse",
        ),
        ("Mum had a fit in 2019. She has been well. Today she had one again at lunch.", "seizure"),
    ],
)
def test_an_old_red_flag_back_two_sentences_on_is_now(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted at my son's house about 10 days ago. I felt fine after. "
        "It hasn't happened again.",
        "About two weeks ago I fainted at the supermarket. I went home. It hasn't happened again.",
        "My sister had a seizure in 2015 on chemo. She starts chemo again next month. Should we "
        "be worried about that happening again?",
        "I had a fever of 38.5 in 2019 during chemo. I'm done with treatment now. If it ever "
        "comes back, would I need a port again?",
        "I fainted, but that was 3 weeks ago. I'm fine. Chemo again on Monday.",
        "I had a seizure in 2019. No problems since. Thanks again for your help.",
    ],
)
def test_an_old_red_flag_not_said_to_be_back_now_stays_past(message: str) -> None:
    assert_not_emergency(message)
