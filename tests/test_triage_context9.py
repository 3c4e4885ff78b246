"""Context rules and wordings added in vocabulary 2026.11.16, prompted by the misses of
``triage_blind15.jsonl`` and ``triage_blind16.jsonl`` (each a class of error, tested here in
sentences written for these tests, not copied from the sets): every fix has positives and a
counterpart (a negation, a question, history, an assessment or the literal reading) that must
come out the other way."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.16; later versions keep them (the tests below check how)."""
    assert vocabulary_version() >= (2026, 11, 16)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# ------------------------------------------- a denial inside the finding's own phrase (<NW>)


@pytest.mark.parametrize(
    "message",
    [
        "Her lips aren't blue, I checked twice. Is the cough normal?",
        "My mouth isn't drooping and I can talk fine, just wondering about the tablets",
        "His left arm is not weak any more than usual, he asked me to say",
    ],
)
def test_a_denial_inside_the_phrase_is_no_red_flag(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Her lips look kind of blue since this morning", "breathing"),
        ("his mouth has gone all droopy on the right", "stroke"),
        ("my left leg is suddenly really weak", "stroke"),
    ],
)
def test_the_same_phrases_without_a_denial_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ------------------------------------------- figures of speech (ctx.figurative, ctx.breath.cold)


@pytest.mark.parametrize(
    "message",
    [
        "I almost had a stroke when I opened the bill from the lab. Who do I call?",
        "We nearly fainted when we saw the parking fees. Any discount?",
        "Our savings are bleeding cash on these ferry tickets, any travel help?",
        "Everyone here has got wedding fever, can I move my scan to the Monday?",
        "The parking is giving me a pounding headache every visit, is there a shuttle?",
        "I was breathless with joy when the scan came back clear!",
        "It was freezing cold at the bus stop and my fingers went purple, can you send my letter?",
    ],
)
def test_figures_of_speech_are_no_finding(message: str) -> None:
    assert urgency_of(message) == "routine"
    assert "symptoms" not in tags_of(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I had a stroke-like turn, my face dropped on one side an hour ago", "stroke"),
        ("She fainted when she saw the parking fees and hasn't come round", "collapse"),
        ("Her lips are blue and she's freezing cold, she's on chemo", "breathing"),
        ("Fever of 38.9 tonight, and everyone has wedding fever here", "fever"),
    ],
)
def test_the_literal_use_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ------------------------------------------- a general question about what a symptom means


@pytest.mark.parametrize(
    "message",
    [
        "Does a seizure always mean the cancer is in the brain?",
        "does having a fever on Kisqali usually mean an infection? asking for later",
        "Do bone mets ever make people confused?",
    ],
)
def test_a_general_question_about_a_symptom_is_routine(message: str) -> None:
    assert urgency_of(message) == "routine"
    assert "symptoms" in tags_of(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Does my fever of 38.7 mean an infection? It started an hour ago.", "fever"),
        ("Does a seizure always mean it spread? I had a seizure this morning.", "seizure"),
    ],
)
def test_the_writers_own_red_flag_is_not_a_general_question(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_a_rhetorical_question_with_an_assertion_is_the_red_flag() -> None:
    assert_flagged(
        "Why does no one say radiation can make your chest feel like a truck is parked on it? "
        "It's been like this since lunch.",
        "chest_pain",
    )
    assert (
        urgency_of("Can chemo make your chest feel like an elephant is sitting on it?") == "routine"
    )


# ------------------------------------------- remote history by age ("at 19", "at the age of 15")


@pytest.mark.parametrize(
    "message",
    [
        "I collapsed at 22 during a marathon, does the trial ask about that?",
        "Had a seizure at the age of 12, nothing since. Is that a problem for the MRI?",
    ],
)
def test_an_age_dates_the_event_as_history(message: str) -> None:
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "I fainted at 19:30 tonight in the kitchen",
        "I fainted at 22 minutes past nine this morning",
        "I had a seizure today at 14 weeks into treatment",
    ],
)
def test_a_clock_time_or_a_duration_is_not_an_age(message: str) -> None:
    assert urgency_of(message) == "emergency"


# ------------------------------------------- threshold and timing language


def test_a_treatment_start_date_does_not_date_the_fever() -> None:
    assert_flagged("Temp 38.4 tonight, I started paclitaxel 12 days ago", "fever")
    assert_flagged("fever of 38.6, my last cycle was 10 days ago", "fever")
    # a misspelt drug name is re-spelled (misspellings.tsv)
    assert_flagged("100.4 on the thermometer, started dosetaxel 9 days ago", "fever")


def test_a_fever_weeks_ago_is_still_a_past_symptom() -> None:
    message = "I had a fever of 38.6 three weeks ago, it went away. Started chemo in May."
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I haven't peed much since lunch, been drinking less with the nausea",
        "haven't peed in 7 hours, is that bad?",
        "can't keep anything down for about 9 hours now",
    ],
)
def test_less_urine_or_a_time_under_the_threshold_is_a_symptom_not_a_red_flag(
    message: str,
) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I haven't peed in 14 hours",
        "haven't peed since last night, vomiting for 5 hours",
        "can't keep anything down for 30 hours",
    ],
)
def test_over_the_threshold_or_without_a_stated_time_is_still_the_red_flag(message: str) -> None:
    assert_flagged(message, "dehydration")


# ------------------------------------------- gradual, "muddled about" is not sudden confusion


def test_muddled_about_something_and_a_slow_slide_are_not_sudden_confusion() -> None:
    assert urgency_of("Mum gets muddled about her appointments lately. Nothing sudden.") != (
        "emergency"
    )
    assert_flagged("Mum is suddenly muddled and doesn't know where she is", "confusion")


# ------------------------------------------- assessments: a confused patient's "she thinks I'm"


def test_the_patient_thinking_is_not_a_clinician_assessing() -> None:
    assert_flagged(
        "Since this morning Dad doesn't know what day it is, he thinks I'm his brother",
        "confusion",
    )
    assert urgency_of(
        "Dad was confused this morning; the doctor thinks it's an infection and started antibiotics"
    ) == ("priority")


def test_an_emergency_scan_is_an_assessment() -> None:
    assert urgency_of(
        "Had an urgent MRI last night for back pain and weak legs, they said it was fine"
    ) == ("priority")
    assert_flagged("Back pain since Monday and my legs went weak today", "cord_compression")


# ------------------------------------------- red flags described without the medical word


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Every time I cough, the stuff that comes up is streaked dark red", "haemoptysis"),
        ("what I cough up is pink and frothy since last night", "haemoptysis"),
        ("Her right hand keeps dropping cups since breakfast", "stroke"),
        ("his left foot drags and catches on the carpet since this morning", "stroke"),
        ("The port site bled through again after I changed it, third time tonight", "bleeding"),
    ],
)
def test_described_red_flags(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "When I cough what comes up is clear, not red or pink at all",
        "I drop things with my left hand when I'm tired, always have",
        "The sweat soaks through my shirt at night",
    ],
)
def test_described_near_misses_are_no_red_flag(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- tags


def test_tags_of_this_round() -> None:
    assert "clinical_trials" not in tags_of("Does the yoga studio's trial membership cover me?")
    assert "clinical_trials" in tags_of("A vaccine is being tested. Are you part of that research?")
    assert "clinical_trials" in tags_of("Would my thyroid pills exclude me from studies?")
    assert "recurrence" in tags_of("I don't want to risk it coming back by skipping a dose")
    assert "recurrence" not in tags_of("My hearing went for a minute, then it came back on its own")
    assert "symptoms" in tags_of("joint stiffness every morning on letrozole")
    assert "symptoms" not in tags_of("temp is normal, feeling good, can I get my flu jab?")
    assert "symptoms" in tags_of("Is there anything we should be watching for after cycle 1?")
