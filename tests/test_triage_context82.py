"""Wordings added in vocabulary 2026.11.91, from the errors of blind148-149 on first sight.

blind148 (a realistic month in proportion) and blind149 (a fortnight, about half written by
relatives, friends and carers), written blind, were scored once, unseen, on 2026.11.90: 0.982 /
0.975 (39/40) / 0.951 (39/41) and 0.986 / 0.950 (38/40) / 0.950 (38/40). Their misses: "I keep
asking the same questions and I don't remember driving home. It started today" (b148-118); a
mother who "couldn't tell me where she was" tonight (b149-027); "my bowels have just let go twice
today with no warning" with legs like jelly and spinal mets (b149-093). Their false alarms: a joke,
"I'd faint if this clinic ever ran on time" (b148-127); a friend who "coughed up blood with her
lung cancer and I'm terrified that'll happen to me" (b148-150); chest pain seen in the ER on
Saturday, "He still has some ache" (b149-028); "this form is giving me a seizure" (b149-110).
Tag errors were left (see docs/triage.md). Each class is tested in fresh wordings, both ways;
the removers with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.91; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 91)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # no memory of the trip home, told with "don't / doesn't / didn't"
        (
            "Mum doesn't remember getting home from the shops and she's muddled since lunch",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "I didn't remember coming back here, it happened an hour ago",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "my husband don't remember driving home today, he keeps asking me things",
            "confusion",
            "rf.confusion.2",
        ),
        # cannot say where she is
        ("She couldn't tell me where she was tonight", "confusion", "rf.confusion.2"),
        (
            "Dad can't tell us where he is, he keeps trying to go to work",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Mom couldn't say where she was this evening and thought it was 1980",
            "confusion",
            "rf.confusion.2",
        ),
        # the bowels or bladder let go with no warning, with "have / has"
        (
            "Her bladder has given way with no warning three times since last night",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "My bowels went with no warning this morning and my legs are weak",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "his bowels have let go without warning twice today, he has spine mets",
            "cord_compression",
            "rf.cord_compression.2",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # remembering something else, or the drive itself
        "I don't remember if I gave you my home number",
        "I don't remember the drive home being so long last time",
        # where someone was going, or a place in a queue; the writer not knowing
        "She couldn't tell me where she was going",
        "The receptionist couldn't tell me where she was in the queue",
        "I can't tell you where she is, she moved away",
        # diarrhoea with little warning on a treatment, not the bowels letting go
        "I had diarrhoea with no warning after the chemo",
        "My bowels have been unpredictable, I get diarrhoea with little warning on Xeloda",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a fainting or a heart attack promised on a condition that will never be met
        "Tell the front desk I'd pass out if the parking here was ever free",
        "He'd have a heart attack if you ever called back on time",
        "I would collapse from shock if the bill was ever right the first time",
        # a form, website or phone line giving the writer a seizure, a stroke or a heart attack
        "this website is giving me a seizure, how do I upload my referral?",
        "The portal keeps giving me a heart attack with these error messages",
        "This form gave me a stroke, it deleted everything I typed",
        # a friend's, neighbour's or colleague's red flag that the writer fears for herself
        "My neighbour collapsed at the bus stop and I'm scared the same will happen to me",
        "A colleague had a seizure from her brain mets and I'm so worried it will happen to me",
        "my old friend coughed up blood before she died and now i'm afraid that could happen to me",
        # a mild ache left after the ER assessed the chest pain
        "She was seen in the ER on Monday for chest pain, they sent her home, she still has a bit"
        " of an ache",
        "Seen at urgent care yesterday for chest pain, all clear, still has a dull ache",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "I feel like I'd faint if I stood up, I fainted twice this morning",
        "I fainted this morning, and I'd faint again if I stood up",
        "the new tablets are giving me seizures, I had one an hour ago",
        "This form is annoying, and my husband had a seizure an hour ago",
        "My friend coughed up blood with her lung cancer and I'm terrified that'll happen to me,"
        " and this morning I coughed up blood too",
        "My friend coughed up blood this morning, she's on chemo with you",
        "My friend collapsed in my kitchen just now, she's on chemo with you",
        "My dad was seen in the ER on Saturday for chest pain, he still has chest pain and now it"
        " is spreading to his arm",
        "She was seen in the ER yesterday for chest pain but she still has bad pain and it's worse"
        " today",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "She was seen in the ER on Monday for chest pain, she still has a bit of an ache",
        "Seen at urgent care yesterday for chest pain, all clear, still has a dull ache",
    ],
)
def test_assessed_ache_stays_priority(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a red or bumpy patch or spot on the skin around a scar, or on a reconstructed breast
        "Pinkish bumps near the skin by my scar this week",
        "A purplish blotch on my rebuilt breast since Monday",
        "there are reddish spots around her scar that weren't there last month",
        # the skin of a place opened up
        "The skin under my arm has opened up since the last radiation session",
        "the skin on her chest wall has just come open where they radiated",
        "Skin around the drain has split open a bit, what should I put on it?",
    ],
)
def test_skin_tagged_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The skin clinic has opened up more appointments in March",
        "The skin cancer clinic where my sister works has opened up a new wing",
        "I sewed a red patch on my jacket for the walk",
        "There's a red patch on my shirt from the wine, can I still come in?",
    ],
)
def test_skin_counterparts_not_tagged(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons
