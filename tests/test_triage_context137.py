"""Wordings changed in vocabulary 2026.11.147: the self-harm and haemoptysis errors of the unseen
sets blind212-215 (scored once on 2026.11.144) and two gaps found at that merge, each read as a
class from ten or more wordings written first.

The classes (sources in brackets):

- a decision, the means ready and a farewell (b213-071: "I've decided I'm done. I've got all my
  pills lined up. I just wanted to say thank you to Dr. Haines for trying."): the decision told
  bare ("I've decided", "made up my mind", "I'm done" ending its clause), a farewell thanks ("thank
  you for trying", "for everything you did", "they tried", "before I go"), "at peace with it"
  (ctx.self_harm.resolve); the pills told as the subject ("the pills are all lined up", "my pills
  are ready") or saved up (rf.self_harm.21). Quiet: an organiser, pills ready for the pharmacy,
  "done with chemo".
- coughing up clots or stuff told by a blood colour, words between (b214-049: "coughing up what
  looks like rusty red clots"): new rf.haemoptysis.180. Quiet: green phlegm, red eyes, red from a
  drink, history, a denial.
- an overdose told as an act without "on purpose" (gap at the 2026.11.144 merge: "I took a whole
  bunch of my pills an hour ago"): a bunch, heap, ton, handful or bottle of medicines, or double or
  triple the dose, taken (new rf.self_harm.180). Quiet: supplements, a daily routine, a double
  dose by mistake, history, someone else.
- a passive wish to die in lay words (gap at the 2026.11.144 merge: "I want to go to sleep for
  good"): sleep for good or forever, hoping or praying not to wake, God to take me, joining a dead
  husband, ending the pain for good, being done with it all (new rf.self_harm.181). Quiet: "sleep
  for good hours", "join my husband on his trip", a permanent pain treatment asked about, a
  tiredness side effect, history.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.147; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 147)


# (1) a decision, the means ready and a farewell


@pytest.mark.parametrize(
    "message",
    [
        (
            "I've made my decision. The pills are all lined up on the nightstand. Thank you all "
            "for everything."
        ),
        "i decided im done, got my pills ready, thank u for trying",
        "Me I decide I am finish. All the pills is ready on the table. Thank you doctor for try.",
        (
            "Made up my mind, I'm done. Pills are lined up. Please thank the nurses for me, "
            "they tried."
        ),
        (
            "I have saved up my oxycodone and it's all ready now. I wanted to thank the team "
            "before I go."
        ),
    ],
)
def test_decision_means_and_farewell_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'm done with chemo! Thank you to Dr. Haines for everything.",
        (
            "I'm done! Last radiation today. My pills are lined up in my organiser for the week, "
            "thanks for trying to sort the refill."
        ),
        (
            "I've decided to stop the letrozole, the pills are ready to return to the pharmacy. "
            "Thanks for trying."
        ),
    ],
)
def test_treatment_decisions_and_organisers_stay_quiet(message: str) -> None:
    assert_not_emergency(message)


# (2) coughing up clots or stuff told by a blood colour


@pytest.mark.parametrize(
    "message",
    [
        "coughed up a big brown-red clot an hour ago",
        "what he coughs up today is red, like little clots",
        "coughin up maroon coloured clots today",
        "She has been coughing since Sunday and it's dark reddish lumps now",
    ],
)
def test_coloured_clots_coughed_up_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "coughing up green phlegm and my eyes are red",
        "coughed up some phlegm, red from the cranberry juice",
        "I coughed up rusty red clots once in 2015, nothing since",
        "she hasn't been coughing up any red stuff",
    ],
)
def test_coloured_lookalikes_stay_quiet(message: str) -> None:
    assert_not_emergency(message)


# (3) an overdose told as an act without "on purpose"


@pytest.mark.parametrize(
    "message",
    [
        "Mom swallowed a handful of her tablets 20 minutes ago",
        "i took like a load of my meds just now",
        "He downed a bunch of his meds an hour ago",
        "I took double the dose of all my pills tonight",
        "She took a whole bottle of her pills this afternoon",
    ],
)
def test_overdose_act_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


def test_overdose_act_then_the_er_is_assessed() -> None:
    # the finding is read; the visit to the ER makes it an assessed one (priority)
    message = "I took a bunch of pills last night, they sent me to Providence ER"
    assert "rf.self_harm.180" not in emergency_rules(message)
    assert_flagged("I took a bunch of pills last night", "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I take a bunch of supplements every morning",
        "I took a bunch of my pills with breakfast like always",
        "I accidentally took a double dose of my meds",
        "I took a bunch of pills in 2019, I'm in a good place now",
        "My friend's mum took a bunch of pills last night",
    ],
)
def test_overdose_lookalikes_stay_quiet(message: str) -> None:
    assert_not_emergency(message)


# (4) a passive wish to die in lay words


@pytest.mark.parametrize(
    "message",
    [
        "i just want to sleep 4ever",
        "she hopes she doesn't wake up tomorrow, she said it twice",
        "I'm praying the Lord takes me home soon",
        "I want to join my husband, I miss him so much",
        "I wish I could just be done with it all",
        "I want to end the pain for good.",
    ],
)
def test_passive_wish_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I want to sleep for good hours at night, what helps?",
        "I want to join my husband on his trip to Seattle",
        "I want to end the pain for good, is surgery an option?",
        "The meds make me want to sleep forever, is that normal fatigue?",
        "I pray God takes care of my kids",
        "I can't wait to see my late husband's family at Christmas",
    ],
)
def test_passive_wish_lookalikes_stay_quiet(message: str) -> None:
    assert_not_emergency(message)
