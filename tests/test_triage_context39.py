"""Wordings added in vocabulary 2026.11.48, from the errors of blind53 on first sight.

blind53 (another ordinary week: a retired teacher, a fisherman, a nurse who is a patient, a
teenager writing for a parent, a man with breast cancer, a busy mother) was written blind and
scored once, unseen, on 2026.11.47 (0.957 / 0.921 / 0.972). Its misses were a leg that "just
gives way" told in the present beside new back pain, and bleeding that "won't stop even with
pressure" told with "it" many words after the blood. Its false alarm: a hand gone numb at the
fingertips since the chemo started (neuropathy), read as a one-sided stroke sign. Each class is
tested in fresh wordings, both ways; the remover beside the writer's own red flag.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.48; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 48)


# --- a leg that "just gives way" with new back pain ---------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My back is very very painful since yesterday and my right leg gives way when I walk",
        "Since two days I have new pain in my lower back and my leg simply gives out under me",
        "his back pain is worse and his legs keep giving way on the stairs",
    ],
)
def test_leg_gives_way_with_back_pain(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My leg gives me some trouble on the stairs since the knee operation",
        "The old chair leg gave a crack when I sat on it, my back is fine",
    ],
)
def test_leg_gives_trouble_not_way(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- bleeding that first aid does not stop, told with "it" --------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Blood is coming out of the little cut on my arm near the port site"
        " and it won't stop even with pressure",
        "my mother has blood from her nose since one hour, we tried everything"
        " and it does not stop with ice",
        "The drain site is bleeding onto the sheets since 6 o'clock po"
        " and it still won't stop after pressing for 20 minutes",
    ],
)
def test_bleeding_not_stopped_by_first_aid(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "My cough, it won't stop even with the syrup. I had a blood test on Monday.",
        "Had my bloods done today and the headache, it won't stop even with paracetamol",
    ],
)
def test_it_will_not_stop_not_bleeding(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a numb hand told as chemotherapy neuropathy (remover) --------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My left hand is numb since starting paclitaxel, mostly in the mornings",
        "Since the chemo my right hand has gone numb, I cannot do the small buttons",
        "the left hand is numb at the fingertips, like gloves, is it the taxol?",
    ],
)
def test_numb_hand_told_as_neuropathy(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My right hand is numb at the fingertips since the chemo"
        " and this morning my right arm went weak",
        "Since the chemo my left hand has gone numb,"
        " and today it suddenly went weak and my face droops",
        "My left arm went weak and numb two hours ago, I am on chemo since March",
    ],
)
def test_own_new_one_sided_weakness_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")
