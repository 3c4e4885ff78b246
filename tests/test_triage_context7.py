"""Context rules and wordings added in vocabulary 2026.11.14, prompted by the misses of
``triage_blind12.jsonl`` (each a class of error, tested here in sentences written for these
tests, not copied from the set): every fix has positives and a counterpart (a negation, a
question, history or the patient's own reading) that must come out the other way."""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.14; later versions keep them (the tests below check how)."""
    assert vocabulary_version() >= (2026, 11, 14)


# ------------------------------------------------------------------ shaking chills, lay words


@pytest.mark.parametrize(
    "message",
    [
        "Teeth-chattering cold since this afternoon, I'm on Kisqali.",
        "She has chattering teeth and can't get warm, chemo was Tuesday.",
        "I have the shakes with awful chills tonight, Enhertu last week.",
        "Got the shakes, proper bone-deep chills, no thermometer here. Docetaxel Friday.",
    ],
)
def test_shaking_chills_in_lay_words(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "No teeth-chattering or chills at all, just tired after chemo.",
        "I had teeth-chattering chills once in 2015 with the flu, nothing like it since.",
        "I finished chemo in 2019; I got the shakes and chills today from a cold.",
        "What if I get the shakes and chills after the infusion?",
    ],
)
def test_shaking_chills_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ "fever" naming a document


@pytest.mark.parametrize(
    "message",
    [
        "Can I get a fever card before my next cycle of AC?",
        "Where do I find the fever plan for patients on chemo?",
        "Is there a fever protocol leaflet in Spanish for my mum on Ibrance?",
    ],
)
def test_fever_card_or_plan_is_not_a_fever(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My fever card says to call: I have a fever of 38.6 and I'm on chemo.",
        "Where is my fever plan? I have a fever of 39 on Enhertu right now.",
    ],
)
def test_fever_card_counterparts(message: str) -> None:
    assert_flagged(message, "fever")


# ------------------------------------------------------------------ numbers in a threshold question


@pytest.mark.parametrize(
    "message",
    [
        "On chemo, is the cut-off 38 or 38.5 for calling you?",
        "What is the threshold on Kisqali, 38.3 or 38.5?",
        "Is the limit 100.4 F or 101 F when you're on treatment?",
        "Nurses told me two numbers. Cutoff is 38.0 or 38.3?",
    ],
)
def test_numbers_in_a_threshold_question_are_not_a_reading(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Is the cut-off 38? Mine is 38.6 right now and I'm on chemo.",
        "My temp is 38.6 on chemo, is that over the cut-off?",
        "The threshold is 38 and I am at 38.4 on chemo, what do I do?",
        "Is the cut-off 38 or 38.5? Because my thermometer says 38.7 and I had chemo Monday.",
    ],
)
def test_threshold_question_counterparts(message: str) -> None:
    assert_flagged(message, "fever")


# ------------------------------------------------------------------ college years as history


@pytest.mark.parametrize(
    "message",
    [
        "I was admitted for a seizure in college, never again. Can I join a trial?",
        "Back in college I coughed up blood once with pneumonia. Does that matter for surgery?",
        "During my university years I had chest pain from anxiety; is that in my file?",
    ],
)
def test_college_years_are_history(message: str) -> None:
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "My daughter is in college and I have chest pain right now.",
        "I was treated for a seizure in college; today I had another seizure.",
    ],
)
def test_college_counterparts(message: str) -> None:
    assert urgency_of(message) == "emergency"
