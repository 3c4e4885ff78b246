"""Wordings changed in vocabulary 2026.11.125: seven true emergencies the reviewers' probes missed.

The gaps (the reviewers' probes, on 2026.11.124), each read as a class:

- news of the children's own parent told to them ("How do I tell my kids their dad collapsed and
  isn't breathing properly?"): the children are the listeners, as "how do I tell my 8 year old
  that my cancer is back" already was (ctx.experiencer.other); the parent is the patient.
- a bare reading asked about as a threshold, then said as the writer's own ("Does 101 count when
  taken in the ear? That's what I've got right now"; "Mine was 38 when I measured in the ear"):
  rf.fever.1, the reading checked; the question alone is not a fever.
- the noun first in a loss of bladder or bowel control ("has lost bladder control"):
  rf.cord_compression.2.
- spit, phlegm or sputum told as pink and frothy ("my spit after coughing is pink and frothy"):
  rf.haemoptysis.4; not pink spit from brushing or the gums.
- a clinician's opinion the writer then contradicts ("the GP thought it was from the iron but I
  stopped iron 3 weeks ago"): no longer an assessment (ctx.assessed); an opinion left standing
  still is.
- jerking told as still going on, the seizure not named ("He is still jerking"): rf.seizure.1;
  not a limb ("his legs are still jerking") nor jerks in sleep.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.125; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 125)


# news of the children's own parent: the parent is the patient


@pytest.mark.parametrize(
    "message",
    [
        "How do I tell my kids their mum has collapsed and isn't breathing? Ambulance is coming.",
        "Need to tell my children their father collapsed and won't wake up.",
        "how do i tell my kids their dad is having a seizure right now",
        "Trying to work out how to tell our kids their mom can't breathe properly, waiting for 911",
    ],
)
def test_news_of_the_childrens_parent_flagged(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "How do I tell my kids their dad collapsed last year and is gone?",
        "How do I tell my kids their grandma had a stroke in 2019?",
        "How do I tell my kids their dad might collapse one day from his heart condition?",
    ],
)
def test_news_of_the_childrens_parent_in_the_past_or_a_fear_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def test_a_child_told_the_writers_own_news_still_the_listener() -> None:
    message = "how do I tell my 8 year old that my cancer is back"
    assert urgency_of(message) != "emergency", classify(message).reasons


# a bare reading asked about as a threshold, then said as the writer's own


@pytest.mark.parametrize(
    "message",
    [
        "Does 38.5 count under the tongue? That's what I've got now, I had chemo last week.",
        "Would 102 count if measured in the ear? That's what she has right now, she's on Taxotere.",
        "Does 39 qualify with an ear thermometer? That is exactly what I have tonight, on chemo.",
        "Is 38 a fever by mouth? Mine is 38.4 in the mouth right now and I'm on chemo.",
        "Mine was 101 in the ear just now and I'm on Ibrance.",
    ],
)
def test_a_bare_reading_said_as_ones_own_flagged(message: str) -> None:
    assert_flagged(message, "fever")
    assert "rf.fever.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the question alone: a threshold asked about
        "Does 101 count when taken in the ear? I'm on chemo.",
        "Does 38 count if measured in the ear?",
        # the reading under the threshold is checked
        "Does 38 count if measured in the ear? Mine was 37.2 in the ear and I'm on chemo.",
        "Does 100 count in the ear? That's what I've got right now, on chemo.",
        # in the past
        "Mine was 38 in the ear last month when I had the flu, I'm on Ibrance now.",
    ],
)
def test_a_threshold_question_alone_or_under_it_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# the noun first in a loss of bladder or bowel control


@pytest.mark.parametrize(
    "message",
    [
        "Since this morning he has lost bladder control and his legs are weak.",
        "Lost bowel control twice today and my legs feel numb.",
        "She's had loss of bladder control since lunchtime.",
        "Scans were fine last month, but today she lost all bladder control.",
    ],
)
def test_bladder_control_lost_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")
    assert "rf.cord_compression.2" in emergency_rules(message)


def test_bladder_control_lost_now_beside_a_general_sign_still_fires() -> None:
    """The 'can be a sign of' remover: the loss told as the writer's own now still fires."""
    message = (
        "I read that losing bladder control can be a sign of spinal mets. "
        "Since this morning I have lost bladder control - is that it?"
    )
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "I've read that losing bladder control can be a sign of spine mets. Mine is years old.",
        "No loss of bladder control, just a sore back.",
        "She has not lost bladder control.",
        "Is loss of bladder control a sign of spinal cord compression?",
        "He lost bladder control years ago after his prostate surgery.",
    ],
)
def test_bladder_control_negated_asked_or_old_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# spit, phlegm or sputum told as pink and frothy


@pytest.mark.parametrize(
    "message",
    [
        "My phlegm is pink and frothy this morning.",
        "His sputum when he coughs is frothy and pink.",
        "Her spit is coming up pink and foamy after coughing tonight.",
        "The mucus I cough up is pinkish and bubbly.",
    ],
)
def test_pink_frothy_spit_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")
    assert "rf.haemoptysis.4" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My spit is pink and frothy after brushing my teeth.",
        "My spit isn't pink and frothy, just clear.",
        "Is pink frothy spit a sign of fluid on the lungs?",
        "My spit was pink and frothy last year with pneumonia.",
    ],
)
def test_pink_spit_brushing_negated_or_past_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def test_pink_frothy_spit_after_brushing_elsewhere_still_fires() -> None:
    """The brushing remover: pink frothy spit coughed now, the teeth in another sentence."""
    message = "I brushed my teeth this morning. Now my spit after coughing is pink and frothy."
    assert_flagged(message, "haemoptysis")


# a clinician's opinion the writer then contradicts


@pytest.mark.parametrize(
    "message",
    [
        (
            "Black stools and dizzy today; the doctor thought it was from the iron "
            "but I stopped the iron last month."
        ),
        (
            "Black tarry stools and very dizzy today; the GP said it was due to the iron tablets "
            "but I'm not on them any more."
        ),
        (
            "Vomiting blood this morning, they thought it was from the ibuprofen "
            "but I haven't taken any for weeks."
        ),
    ],
)
def test_an_opinion_the_writer_contradicts_no_assessment(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Black tarry stools and very dizzy today; the GP thought it was from the iron.",
        (
            "Black tarry stools and dizzy; the doctors said it was from the iron tablets "
            "and I'm still taking them."
        ),
    ],
)
def test_an_opinion_left_standing_still_assesses(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def test_an_assessment_today_still_assesses() -> None:
    """The contradiction remover: a visit today still assesses the same message."""
    message = (
        "Black tarry stools and very dizzy today; seen in the ER this afternoon and they thought "
        "it was from the iron but I stopped iron."
    )
    assert urgency_of(message) == "priority", classify(message).reasons


# jerking told as still going on


@pytest.mark.parametrize(
    "message",
    [
        "He is still jerking and won't answer me.",
        "Ambulance on its way, she's still jerking.",
        "My husband is still fitting, what do I do?",
        "Mum is still shaking and jerking on the floor.",
    ],
)
def test_still_jerking_flagged(message: str) -> None:
    assert_flagged(message, "seizure")
    assert "rf.seizure.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "His legs are still jerking at night in bed, is that restless legs?",
        "He is still jerking in his sleep like he always has.",
        "She is still jerking her head when she talks, a tic she has had for years.",
    ],
)
def test_a_limb_or_sleep_jerk_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def test_still_jerking_after_a_sleep_word_elsewhere_still_fires() -> None:
    """The sleep remover: a jerk now with sleep told in another sentence still fires."""
    message = "He woke from his sleep an hour ago. He is still jerking all over."
    assert_flagged(message, "seizure")
