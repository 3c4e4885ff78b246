"""Wordings changed in vocabulary 2026.11.145: errors of the unseen sets blind212-215 in the
seizure, confusion, stroke, cord-compression and collapse red flags, and the families of the
safety review's dev probes (on 2026.11.141) for the same flags, each read as a class of wordings
written before the rule.

The classes (sources are the row and probe ids):

- back pain with its pain word set off in quotes or brackets, after "=" or ":", or said as an
  idiom ("murder", "wrecked", "in bits", "Ow my back."), with legs that fail (b213-078):
  tag.symptoms.back_pain, so rf.cord_compression.1.
- legs or knees that buckle, fold or give way in any tense, legs like wet cardboard or lead,
  fizzy or clumsy legs, walking like a penguin or as if drunk, holding on to the walls (b213-078,
  dev probes pc-085, pc-089, pc-099, pc-107, pc-111): tag.symptoms.leg_weakness.
- a fall in any tense or form ("she fall down", "go down", "fall on the floor") and then no
  waking, answering or opening the eyes with any negation ("dont", "doesnt") (b215-106):
  rf.collapse.1.
- confusion told with what the person is confused about and no "about": who someone is, where
  the person is, the day or the year ("SHE IS CONFUSE WHO I AM", b215-106): the ORIENTQ macro in
  rf.confusion.1's excludes.
- a person driven or pushed "to the point / verge / brink / edge of collapse" (b212-055):
  ctx.figurative.
- a seizure told by a convulsive movement and the state after it (thrashing, stiff as a board,
  arms and legs going, a limb beating on its own; groggy, dopey, a bitten tongue, asking what
  happened) (dev probes pc-003, pc-007, pc-013, pc-023): new rf.seizure.181.
- a face told by a lay likeness (melted like a candle, slid down, a saggy cheek, a smile only
  halfway) (pc-055, pc-057): rf.stroke.1.
- speech told as drunk when the person has not been drinking, a mouth full of marbles (pc-061,
  pc-063, pc-083): new rf.stroke.181.
- a machine, a car or a system "having a fit / seizures / a stroke" (pc-115, pc-117):
  ctx.figurative.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.145; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 145)


# (1) back pain in quotes, brackets or an idiom, with legs that fail


@pytest.mark.parametrize(
    "message",
    [
        "Mom says her back is 'on fire' and her legs went weak this morning",
        "my back is \u201cmurder\u201d and my legs keep giving way",
        'back = "agony" since the weekend, legs like jelly today',
        "she say her back (killing her) and legs no power",
        "My back is absolutely wrecked and my legs have gone numb since yesterday",
        "Ow my back. And my legs are like wet cardboard, can't climb into the truck. Started Wed.",
    ],
)
def test_back_pain_in_quotes_or_idiom_with_leg_weakness(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My back's been 'killing me' since the move - any physio referral?",
        "In 2019 my back was 'killing me' and my legs went numb; radiation fixed it.",
        "My back has been 'killing me' from shoveling snow, legs are fine.",
    ],
)
def test_quoted_back_pain_alone_or_old_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (2) legs or knees that buckle or fold, lay likenesses of weak legs


@pytest.mark.parametrize(
    "message",
    [
        "My back's been killing me since Monday and today my knees keep buckling",
        "Back pain for a week from my mets, and today I've started walking like a penguin",
        "my back aches and both legs feel fizzy and clumsy since yesterday",
        "bad back pain and my right leg kept folding under me getting out of bed",
    ],
)
def test_lay_leg_weakness_with_back_pain(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My back hurts after gardening and my knees buckle when I kneel on the hard floor, tips?",
        (
            "In 2023 my back was bad and my legs kept buckling, that was the cord compression "
            "they fixed"
        ),
    ],
)
def test_kneeling_or_old_buckling_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (3) a fall and then no waking, in second-language English


@pytest.mark.parametrize(
    "message",
    [
        "husband fall on the floor and he dont open his eyes",
        "wife go down in the bathroom and she dont answer when I call her",
        "she fall and dont respond, please help",
        "my dad fell over in the yard and he doesnt wake up properly",
    ],
)
def test_fall_then_no_waking_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "she fall asleep on the couch and dont wake up till 10, is that the new pills?",
        "he fall down on the ice but he get up right away and is fine",
        "she fall down last year and hurt her hip, now walking ok",
    ],
)
def test_sleep_or_a_fall_got_up_from_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) confused who someone is, where she is, what day it is


@pytest.mark.parametrize(
    "message",
    [
        "Dad is confused who I am since this morning",
        "he is confuse what day it is and who is his wife, today",
        "Grandma's confused what year it is, started today",
        "husband very confuse where he is now",
    ],
)
def test_confused_who_or_where_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "I'm confused who to call about my bill",
        "I am confuse who is my doctor now after the change",
        "I'm confused who I should send the form to",
        "She has dementia for years and is often confused who I am, no change",
    ],
)
def test_confused_who_to_call_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) driven to the point of collapse


@pytest.mark.parametrize(
    "message",
    [
        "Work is pushing me to the brink of collapse lol, can I move my appointment?",
        "I'm on the verge of collapse with all these forms, which one do I sign?",
        "the insurance calls are driving me to collapse, who can help with billing?",
    ],
)
def test_point_of_collapse_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "he was at the point of exhaustion and then collapsed in the hall this morning",
        "Mum collapsed in the kitchen 10 minutes ago",
    ],
)
def test_a_collapse_beside_the_idiom_still_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


# (6) a seizure told by its movement and the state after it


@pytest.mark.parametrize(
    "message",
    [
        "my wife went stiff as a board then her arms and legs were going, she's very drowsy now",
        (
            "he was kicking and flailing on the bed for a minute and now he's snoring and we cant "
            "get a word out of him"
        ),
        "husband legs and arms was going everywhere on the floor, now he sleep and is groggy",
        "Nan's arm was beating up and down on its own, now she's dopey and not herself",
    ],
)
def test_movement_and_after_state_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        (
            "my legs twitch when I'm drifting off and I feel groggy in the mornings, is that the "
            "letrozole?"
        ),
        "my hands shake from the tamoxifen and I'm drowsy on the new pain pills",
        (
            "Dad had a fit in 2019, he was thrashing about and groggy for days after. He's fine "
            "now, question about his refill."
        ),
    ],
)
def test_tremor_sleep_jerk_or_old_fit_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (7) a face told by a lay likeness


@pytest.mark.parametrize(
    "message",
    [
        "Her face looks melted on the left, like a candle, since breakfast",
        "His left cheek's gone saggy and his smile only goes halfway since his nap",
        "mum's face has slid down on one side this morning",
    ],
)
def test_face_likeness_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "the candle melted on the left side of the cake lol, anyway about my appointment",
        "my cheek is swollen from the dentist, is that ok before my infusion?",
    ],
)
def test_face_likeness_look_alikes_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (8) speech told as drunk, not drinking


@pytest.mark.parametrize(
    "message",
    [
        "My husband's talking like his mouth is full of marbles since tea time.",
        "on the phone she sounds tipsy but she doesn't drink, started today",
        "she speak like drunk lady since morning, she not drink",
    ],
)
def test_speech_like_drunk_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "I was out with friends and my husband says I sounded drunk on the phone lol, I was!",
        "The nurse said I'd sound drunk after the sedation yesterday and I did, I'm fine now",
    ],
)
def test_speech_drunk_look_alikes_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (9) a machine having a fit


@pytest.mark.parametrize(
    "message",
    [
        "the portal had a stroke and logged me out twice",
        "the car is having a fit in the cold, I might be late tomorrow",
        "my laptop keeps having little seizures, can you resend the form?",
    ],
)
def test_machine_having_a_fit_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Mum is having a fit on the floor right now",
        "she had a fit while on the computer an hour ago",
    ],
)
def test_a_person_having_a_fit_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")
