"""Wordings changed in vocabulary 2026.11.98, from the errors of blind160 and blind161.

Both sets were scored once unseen on 2026.11.96 (blind160: 39 of 41 emergencies found, one false
alarm; blind161: 39 of 41, three false alarms) and are used for development in this round.
Misses: a near-faint and then "went down" in one sentence (b160-056); a person who "just went down
all of a sudden" (b161-139); a cough told "with pink frothy stuff" (b160-122); shivering "quite
uncontrollably" (b161-024). False alarms: a book that "lists fainting as a warning sign"
(b160-149) and "reading about blue lips and chest pain in your leaflet" (b161-154); "want to die
of boredom" (b161-115); fingers numb and tingly for days on paclitaxel (b161-017). Each remover has
a test that the red flag told as happening now beside it still fires.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.98; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 98)


def _no_alarm(message: str, flag: str) -> None:
    result = classify(message)
    assert urgency_of(message) != "emergency", result.reasons
    assert flag not in result.red_flags


# --- a near-faint, then the person went down in the same sentence (b160-056) ---------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad felt faint in the queue this morning and went down, someone caught him",
        "my wife went all dizzy at the bus stop and just dropped, she's sitting up now",
        "I felt really lightheaded in the shower and then I went down, not sure for how long",
        "Mum came over all faint in the garden today n fell, she says she's fine",
        "she got woozy after lunch and slumped, we got her onto the sofa",
    ],
)
def test_near_faint_then_went_down_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I felt faint at the shop and went down to the cafe to sit for a bit",
        "I felt dizzy this morning and dropped my phone, otherwise ok",
        "I tripped on the rug yesterday and fell, I didn't faint",
        "felt a bit dizzy after the infusion and fell asleep on the sofa",
        "I felt faint but didn't fall, sat down and it passed",
    ],
)
def test_near_faint_without_a_fall_no_alarm(message: str) -> None:
    _no_alarm(message, "collapse")


# --- a person who went down all of a sudden (b161-139) ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Grandma was standing at the sink, she just dropped all of a sudden",
        "my husband fell over out of nowhere in the hall about an hour ago",
        "Dad just went down without any warning in the garden, he's awake now",
        "i just went down suddenly at work, am I ok to wait for my appointment?",
    ],
)
def test_went_down_all_of_a_sudden_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "The swelling in her arm went down all of a sudden, is that good?",
        "Her temperature dropped all of a sudden after the paracetamol, it's 37.1 now",
        "my weight dropped suddenly last month, should I mention it?",
    ],
)
def test_a_thing_that_went_down_suddenly_no_alarm(message: str) -> None:
    _no_alarm(message, "collapse")


# --- a cough told with pink or red stuff (b160-122) ------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Coughing with pinkish foamy stuff since this morning",
        "dad has a cough and rusty phlegm since last night",
        "cough bringing up red streaks today, on Enhertu",
        "Bad cough with bloody gunk this evening",
    ],
)
def test_cough_with_pink_or_red_stuff_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "Cough with yellow green stuff for a week, no blood",
        "I have a cough and a red rash on my arm",
    ],
)
def test_cough_with_other_stuff_no_alarm(message: str) -> None:
    _no_alarm(message, "haemoptysis")


# --- shivering softened or strengthened before "uncontrollably" (b161-024) ------------------------


@pytest.mark.parametrize(
    "message",
    [
        "She has been shivering almost uncontrollably since teatime, chemo last Tuesday",
        "he shivered pretty violently all evening, on paclitaxel",
        "I'm shivering rather uncontrollably tonight, had my Kisqali this morning",
        "my mum is shivering uncontrolably and feels hot, chemo a week ago",
    ],
)
def test_shivering_uncontrollably_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I was shivering a bit after the cold scan room, feel fine now",
        "I shiver a lot in the cold infusion room, can I bring a blanket?",
    ],
)
def test_mild_or_asked_shivering_no_alarm(message: str) -> None:
    _no_alarm(message, "fever")


# --- a red flag read about in a book or leaflet (b160-149, b161-154) ----------------------------


@pytest.mark.parametrize(
    "message, flag",
    [
        ("My textbook lists seizures as a warning sign. Why is that?", "seizure"),
        (
            "The handbook lists coughing up blood as a red flag, is that for lung mets?",
            "haemoptysis",
        ),
        ("Reading about fainting and chest pain on your website scared me, but I'm ok", "collapse"),
        ("I've been reading about seizures in the booklet and it made me anxious", "seizure"),
        (
            "After reading about coughing up blood in the leaflet I got worried, I'm fine though",
            "haemoptysis",
        ),
    ],
)
def test_a_red_flag_read_about_no_alarm(message: str, flag: str) -> None:
    _no_alarm(message, flag)


@pytest.mark.parametrize(
    "message, flag",
    [
        (
            "Reading about chest pain in your leaflet made me panic, and I have chest pain now",
            "chest_pain",
        ),
        ("My book lists fainting as a warning sign and I fainted this morning", "collapse"),
        ("I read about seizures on your website. My husband had a seizure an hour ago", "seizure"),
        (
            "Reading about blue lips in your leaflet made me panic, my lips are blue right now",
            "breathing",
        ),
    ],
)
def test_a_red_flag_now_beside_the_reading_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --- dying of boredom (b161-115) -------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm going to die of boredom in the infusion chair, can I bring a tablet?",
        "mum says the waiting room makes her want to die of embarrassment lol",
        "I nearly died of laughter at the nurse's joke",
        "the 4 hour infusions are so long I'm bored to death, is there wifi?",
    ],
)
def test_dying_of_boredom_no_alarm(message: str) -> None:
    _no_alarm(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'll die of boredom in that chair, but honestly I want to die, I can't do this",
        "The chemo makes him want to die of boredom lol. He also says he wants to kill himself",
        "I want to die, nothing is boring about it",
    ],
)
def test_thoughts_of_dying_beside_the_idiom_still_fire(message: str) -> None:
    assert_flagged(message, "self_harm")


# --- fingers numb and tingly, told as neuropathy (b161-017) ----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Fingers on my left hand numb and tingling for a week now, on docetaxel",
        "The toes on my right foot have been tingly and numb for days",
        "my fingertips on the right hand are numb and pins and needles, on Taxol",
    ],
)
def test_fingers_numb_and_tingly_no_alarm(message: str) -> None:
    _no_alarm(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "My right hand went numb suddenly an hour ago and my face is drooping",
        "Fingers on my right hand went numb and tingly this morning and my right arm is weak",
        "left arm is numb and my left leg is weak, since this morning",
    ],
)
def test_one_sided_numbness_now_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")
