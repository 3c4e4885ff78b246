"""Wordings added in vocabulary 2026.11.54, from the errors of blind64 and blind65 on first sight.

blind64 (short phone messages, most under 120 characters) and blind65 (people in treatment right
now, with home readings) were written blind and scored once, unseen, on 2026.11.53 (0.981 /
0.974 / 0.902 and 0.966 / 0.974 / 0.860). Their misses: chest pressure told as "somebody sitting
on my chest" going up into the jaw; a headache every morning with vomiting. Their false alarms:
a red flag that is someone else's (a friend from work, a sister whose writer asks to move their
own appointment, a husband with "(not the patient, I am)"); an old stroke "years ago" that left a
relative's speech still slurred; "can the cancer make me have seizures?"; a fever threshold asked
for before a treatment starts; a word quoted from the article; hard to breathe only after a big
meal; lips puffy weeks after the last infusion. Each class is tested in fresh wordings, both
ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.54; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 54)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a person or a weight sitting on the chest, no word of pressure
        (
            "It's like someone is kneeling on my chest since lunch, it goes into my left arm",
            "chest_pain",
        ),
        ("Feels like an elephant sat on my chest an hour ago and it won't ease", "chest_pain"),
        ("she says it's like somebody is standing on her chest, started at dinner", "chest_pain"),
        # a headache every morning, or waking with one, with vomiting
        ("Waking up with a headache every day this week, and I was sick this morning", "headache"),
        ("morning headaches since Monday and she vomited twice today", "headache"),
        ("My head is pounding every morning now and I threw up after breakfast", "headache"),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "My toddler likes sitting on my chest when we nap, is that OK with my port?",
        "No feeling like someone is sitting on my chest, just a cough",
        "Headache every morning this week but no vomiting, no stiff neck",
        "I get morning headaches from coffee withdrawal; no sickness at all",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- someone else's red flag ----------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a friend, a colleague, a neighbour the writer knows from a place
        "A guy from work fainted in the car park on Monday. I'm on chemo, should I worry?",
        "An old friend from school had a seizure last week; I'm on Kisqali, is that a risk?",
        "A lady from my book club collapsed yesterday and it upset me. I'm on Ibrance.",
        # the writer asks to move their own dated appointment
        (
            "My brother had a seizure on Tuesday from his epilepsy, he's fine now. Can you move "
            "my appointment on the 14th so I can drive him?"
        ),
        (
            "My mom fainted at the store yesterday, the heat probably. Could my appointment on "
            "Friday be in the afternoon?"
        ),
        # "(not the patient, I am)" said in a parenthesis after the person
        "My wife (not the patient, I am) has a temperature of 38.6 with a cold. Can I still come?",
        "My son (he's not a patient, I am) passed out at football. Should I come to chemo?",
        "My mother (not your patient, I am) is confused since the flu. I'm on chemo.",
    ],
)
def test_someone_elses_red_flag_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag beside the relative's
        "A guy from work fainted on Monday, and I passed out this morning in the shower",
        "My wife (not the patient, I am) has a cold, and I have a fever of 38.7 since last night."
        " I'm on chemo.",
        (
            "My brother had a seizure on Tuesday. Can you move my appointment on the 14th? I "
            "fainted at work today too"
        ),
        # a relative writing for the patient, with no claim to be the patient
        "My mom fainted at the store an hour ago, she's your patient, please call",
        "My mother (I'm her carer, she is your patient) has a fever of 101 since last night, "
        "chemo was Monday.",
    ],
)
def test_own_or_patients_red_flag_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- an old stroke "years ago" -------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My husband had a stroke years ago and his words are still slurred. Can he get a scan?",
        "Mum had a small stroke a few years ago and her speech is still slurred, that's normal",
        "I had a stroke ages ago and my speech is still a bit slurred. Booking a follow-up",
    ],
)
def test_old_stroke_years_ago_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Dad had a stroke years ago, his speech was fine, but since this morning it's slurred",
        "She had a stroke years ago and her speech is still slurred but much worse today",
    ],
)
def test_new_slurring_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- questions: can X make me have a seizure, a fever threshold, a quoted word ------------------


@pytest.mark.parametrize(
    "message",
    [
        "could the mets in my head make me have a seizure one day?",
        "Can my brain tumour make her have fits? What do we do then",
        "When I start Enhertu next month, what temperature should make me call you?",
        "What fever is too high for her on Ibrance?",
        "How high does his temperature have to be before we ring the unit?",
        "The word 'confused' in your article worried me. What does it look like?",
        '"Coughing up blood" on your list frightened my husband, is it common?',
    ],
)
def test_questions_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Can the brain mets make me have seizures? I had one an hour ago",
        "What fever number should make us go in? She's 38.9 right now on chemo.",
        "The word 'confused' in your article scared me because my mom is confused since this "
        "morning",
    ],
)
def test_question_beside_sign_now_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- hard to breathe only after a meal; lips puffy weeks after the last infusion ---------------


@pytest.mark.parametrize(
    "message",
    [
        "My stomach is swollen and it's hard to breathe after dinner, fine the rest of the day",
        "a bit hard to catch my breath after a large meal lately, belly bloated",
        "Lips a little swollen today. My last Herceptin was three weeks ago, breathing fine",
        "Two weeks since my last infusion and my eyelids and lips are puffy, no other problems",
    ],
)
def test_mild_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "hard to breathe after dinner and now even sitting still I can't catch my breath",
        "My last infusion was 3 weeks ago but right now my lips are swelling and I can't breathe",
        "My lips started swelling an hour after my Herceptin infusion today",
    ],
)
def test_breathing_and_reaction_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency"
