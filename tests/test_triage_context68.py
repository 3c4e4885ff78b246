"""Wordings added in vocabulary 2026.11.77, from the errors of blind120-121 on first sight.

blind120 (a realistic month of enquiries, in proportion) and blind121 (a realistic fortnight,
about half written by relatives, friends and carers) were written blind and scored once, unseen,
on 2026.11.76 (0.979 / 0.925 / 0.949 and 0.990 / 0.976 / 1.000). Their misses: diarrhoea and
"now I'm throwing up whatever I drink"; a sister "very hot, 39, and shaking" two weeks after
chemo; "a little blackout on Sunday ... next thing I was on the floor" at the end of a
rescheduling message; chest pain "after having the port put in", "sharp when I breathe in".
Their false alarms: "I've fainted at blood draws since I was a kid" (a lifelong tendency); a
father "a bit muddled on and off for the past fortnight ... It's come on slowly, not all of a
sudden". Each class is tested in fresh wordings, both ways; each remover with the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.77; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 77)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # whatever is drunk thrown up
        (
            "she's been throwing up whatever she drinks since this morning, on Kisqali",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "I keep vomiting whatever I try to drink, the diarrhoea hasn't stopped",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Dad is bringing up whatever little he drinks, chemo was Monday",
            "dehydration",
            "rf.dehydration.1",
        ),
        # hot with a reading between, then shaking
        (
            "mum had chemo last week and now she is really hot, 38.9, and shaking",
            "fever",
            "rf.fever.2",
        ),
        (
            "I'm so hot, 102, and shivering, on paclitaxel",
            "fever",
            "rf.fever.2",
        ),
        (
            "my husband had docetaxel on friday, he is very hot, about 39, and trembling",
            "fever",
            "rf.fever.2",
        ),
        # a blackout told as a noun; the floor right after "next thing"
        (
            "I had a blackout in the shower yesterday, on letrozole",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "Mum had a brief blackout at the shops this morning",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "I stood up from the sofa and next thing I was on the kitchen floor",
            "collapse",
            "rf.collapse.1",
        ),
        # chest pain at a port or scar, sharp on breathing in
        (
            "chest pain since my port went in on Tuesday, it's stabbing when I take a deep breath",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "Is chest pain normal after the port? It's sharp whenever I breathe in",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "she has chest pain near her port, it catches when she breathes in",
            "chest_pain",
            "rf.chest_pain.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # whatever is eaten or a question of what to drink
        "I'm eating whatever I like now that the nausea has gone",
        "Can I drink whatever I want on capecitabine?",
        # hot weather, or a temperature of the room
        "it's very hot, 39 degrees outside, and I'm staying in with the fan, on tamoxifen",
        "the ward was so hot, 30, but she is comfortable",
        # a power cut, blackout curtains or dates
        "We had a blackout on Sunday so I missed your call about my scan",
        "Are there any blackout dates for booking appointments over Christmas?",
        "I've had blackout curtains put up to help me sleep on tamoxifen",
        # the port site sore with no pain on breathing
        "chest pain around my port since it went in, it aches when I lift my arm",
        "my chest is sore at the port site, no trouble breathing",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a faint at needles or blood told as lifelong
        "She's fainted at injections since she was little, can she lie down for the jab?",
        "I have passed out at blood tests since I was a teenager, please warn the nurse",
        "He's fainted with needles ever since he was a boy. Can his blood test be lying down?",
        # confusion on and off over a fortnight, not sudden
        "She's been muddled at times for a fortnight, it crept up slowly, not all of a sudden.",
        "He gets a bit confused off and on over the last fortnight, nothing dramatic.",
        "over the past fortnight mum has been confused now and then, on anastrozole",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the faint told with its own day, or without the lifelong trigger
        "I've fainted at blood draws since I was a kid, and yesterday I fainted in the shower",
        "I've fainted twice since Monday",
        "I fainted at my blood test this morning",
        # confusion sudden or of today
        "Mum has been confused on and off for the past fortnight, and today she is suddenly worse.",
        "My wife is confused since this morning, it came on all of a sudden.",
        "Mum has been confused for the past fortnight since her new tablets.",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        # a gland said to be bigger or swollen, words between
        ("the glands under my arm are a bit swollen since chemo", "symptoms"),
        ("a gland behind her ear has got bigger this week", "symptoms"),
        ("the gland on the left side of my neck looks bigger to me", "symptoms"),
        # the heart racing with a word of frequency between
        ("my heart often pounds at night since starting Kisqali", "symptoms"),
        ("her heart keeps fluttering after the infusion", "symptoms"),
        ("Dad's heart randomly races when he stands up", "symptoms"),
    ],
)
def test_tags_now_found(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("my thyroid gland is underactive, does that matter for letrozole?", "symptoms"),
        ("the gland in my neck is back to normal size, thank you", "symptoms"),
        ("my heart sometimes sinks when the phone rings", "symptoms"),
        ("my heart often goes out to the younger women in clinic", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags
