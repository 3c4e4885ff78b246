"""Wordings added in vocabulary 2026.11.69, from the errors of blind104 and blind105 on first sight.

blind104 (a realistic month of enquiries in proportion) and blind105 (a realistic fortnight, about
half written by relatives, friends and carers) were written blind and scored once, unseen, on
2026.11.68 (0.979 / 0.950 / 1.000 and 0.971 / 0.976 / 0.976). Their misses: a mother with spinal
mets who "has been complaining about her back for 2 days" and whose legs "feel like jelly"; "I've
got one of the symptoms on your red list right now"; a neighbour who "had a fit on her kitchen
floor about an hour ago", said later to have breast cancer. Their false alarm (b105-116, confused
for a minute on waking from a nap yesterday) is a disputed label and left. Each class is tested
in fresh wordings, both ways; the class that stops a finding being someone else's is tested
beside the writer's own cancer and the other person's plain denial.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.69; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 69)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # back pain told as a complaint or a bother, with legs gone weak or numb
        (
            "Dad has been complaining about his back since Sunday and now his legs have gone weak.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "She keeps moaning about her lower back this week and today she can't feel her legs "
            "properly.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "My back has been bothering me for three days and my legs feel like jelly.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Mum's been grumbling about her back since the weekend, and her legs gave way this "
            "morning.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # one of the clinic's red-flag symptoms said to be present, not named
        ("I have one of the warning signs on your list at the moment.", "stated", "rf.stated.1"),
        (
            "My mum has one of the red flag symptoms right now, please call.",
            "stated",
            "rf.stated.1",
        ),
        (
            "He's got one of the emergency symptoms from the leaflet right now.",
            "stated",
            "rf.stated.1",
        ),
        # a neighbour's, friend's or colleague's red flag, the person later said to be the patient
        (
            "My neighbour collapsed in her garden ten minutes ago and isn't answering. She's one "
            "of your patients.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My friend had a seizure an hour ago, she has breast cancer and is on Kisqali. What do "
            "we do?",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "My colleague fainted at her desk just now, she has secondary breast cancer.",
            "collapse",
            "rf.collapse.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- counterparts that must not change ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the back of a thing, or back pain years ago
        "She's been complaining about the back office losing her forms and her legs are weak "
        "from chemo.",
        "He was complaining about his back pay. His legs feel weak after chemo.",
        "She complained about her back years ago, it was a slipped disc. Legs fine.",
        # the red list asked about, denied, or dated years back
        "Is a headache one of the symptoms on your red list?",
        "I don't have any of the symptoms on your red list, just tired.",
        "Which of the red flag symptoms should I call about?",
        "I had one of the symptoms on your red list in 2019, all fine since.",
        # someone else's event: the person denied cancer, the writer the one with it, or a fellow
        # patient from a support group
        "My neighbour had a fit this morning. She doesn't have cancer, she has epilepsy. I'm "
        "asking because I start chemo Monday, can chemo cause fits?",
        "My neighbour had a stroke last week. I have breast cancer; can tamoxifen cause strokes?",
        "A friend from my support group had a seizure yesterday, she has breast cancer like me.",
        "My friend had a seizure yesterday. She has never had breast cancer. I'm on letrozole, "
        "could it cause seizures?",
        "My neighbour had a fit this morning. I have breast cancer and I'm on tablets for it.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside the other person's event still fires ---------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "My neighbour had a fit this morning, she doesn't have cancer. But I passed out in "
            "the shower an hour ago.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "A friend from my support group had a seizure, she has breast cancer like me. I am "
            "coughing up blood since this morning.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)
