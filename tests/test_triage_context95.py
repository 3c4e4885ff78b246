"""Wordings changed in vocabulary 2026.11.104, from the emergency misses of the held-out blind174
and blind175.

Both sets were scored once on 2026.11.103 (blind174 0.988 / 0.875 / 1.000, blind175 0.983 / 0.976 /
0.932) and stay held out: only the classes of their six misses were fixed here (a miss is not left
in the product). Each class is tested with wordings that are not the sets' sentences, and with
harmless counterparts that must not fire.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.104; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 104)


# b174-052: lips or tongue told as growing after an infusion


@pytest.mark.parametrize(
    "message",
    [
        "after her herceptin today her lips are getting bigger and bigger",
        "Had my Enhertu infusion at noon, now my tongue is getting fat and i talk funny",
        "mum had the taxol drip this morning and her lip is becoming big",
        "since the infusion my lips gone so big, scared",
    ],
)
def test_lips_growing_after_an_infusion_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        # dry or cracked lips, and lips getting better, after an infusion: a symptom
        "after my infusion my lips are getting dry and cracked",
        "my lips were swollen last month but they are getting back to normal, last infusion was "
        "3 weeks ago",
        "my lips are getting big blisters from the cold weather",
    ],
)
def test_lips_not_growing_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b174-087: a reaction treated at the infusion and sent home, now coming back


@pytest.mark.parametrize(
    "message",
    [
        "my lips swelled up during the herceptin, the nurses gave me benadryl and let me go, but "
        "now it is coming back",
        "Throat got tight at the infusion today, they treated me and sent me home. The "
        "tightness is back tonight",
        "during the taxol my tongue swelled, they gave me steroids, and now at home the swelling "
        "is returning",
    ],
)
def test_an_assessed_reaction_coming_back_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        # treated and settled, or a result that came back clear
        "my lips swelled during the infusion, they gave me benadryl and it settled, all fine now",
        "my lips swelled during the infusion, they gave me benadryl and sent me home, the bloods "
        "came back normal",
    ],
)
def test_an_assessed_reaction_that_settled_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b174-086: bleeding counted in hours that won't stop, or won't stop "even pressing"


@pytest.mark.parametrize(
    "message",
    [
        "her picc line spot has been bleeding for 2 hours and it won't stop",
        "Bleeding from where they did the biopsy since a few hours ago and still wont stop",
        "the port is bleeding and it doesn't stop even when I press on it",
        "my arm where the drip was is bleeding, it wont stop even tho im pressing it",
    ],
)
def test_bleeding_that_wont_stop_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        # bleeding that stopped, and pain that won't stop
        "the port site bled for an hour yesterday but it stopped once I pressed on it",
        "the biopsy spot bled for a few hours on Monday but it stopped on its own, it won't stop "
        "itching though",
    ],
)
def test_bleeding_that_stopped_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b174-097: everything gone black for a second


@pytest.mark.parametrize(
    "message",
    [
        "I stood up from the toilet and it all went black for a few seconds",
        "my wife said everything turned black for a moment while she was cooking",
        "today in the shop all become black for one second, then I was on the knee",
    ],
)
def test_everything_black_for_a_second_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        # a power cut, a screen, a blank memory
        "the power went out and the house went black for a few minutes",
        "my phone screen went black for a second so I'm resending this",
    ],
)
def test_a_thing_going_black_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b175-124: pain in the low back and a foot that cannot be lifted or drags


@pytest.mark.parametrize(
    "message",
    [
        "Mom has bone mets. New pain in her low back and now she cant lift up the left foot",
        "my husband has a new bad pain in the lumbar spine and since yesterday he is dragging his "
        "right leg",
        "low back pain since Sunday and today my foot won't lift, I keep tripping on it",
    ],
)
def test_back_pain_with_a_foot_that_wont_lift_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        # dragging a thing, a foot lifted fine, back pain alone
        "my low back aches after dragging the bins out, otherwise fine",
        "pain in my low back from gardening, I can lift my legs fine and walk normally",
    ],
)
def test_low_back_pain_without_foot_drop_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b174-049: a friend "who is in the middle of chemo" is plausibly the clinic's patient


@pytest.mark.parametrize(
    "message",
    [
        "My friend who is on chemo texted me that she wants to end it all tonight",
        "my neighbour who's going through radiation told me she's been cutting herself",
        "A friend who just started chemo told me tonight she wants to hurt herself",
    ],
)
def test_a_friend_on_chemo_with_self_harm_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # a friend from a group, and a friend not said to be on treatment
        "My friend from support group told me she had a seizure last week",
        "my friend who had chemo years ago says she still gets tired",
    ],
)
def test_a_friend_not_on_treatment_is_someone_else(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
