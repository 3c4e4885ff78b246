"""Wordings changed in vocabulary 2026.11.102, from the errors of triage_blind168 and blind170.

Both sets were held out and scored once on 2026.11.101 (blind168 0.982 / 0.951 / 0.975, blind170
0.976 / 0.875 / 0.946), then used for development here. Each class is tested with wordings that
are not the sets' sentences, and each remover with the writer's red flag told as now beside it.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.102; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 102)


# b170-144: wetting oneself told in the base form after "to" ("is it normal to pee yourself")


@pytest.mark.parametrize(
    "message",
    [
        "is it normal to wee yourself without knowing? it happened this morning",
        "Mom started to pee herself today, she has bone mets",
        "Is it normal for him to wet himself? It happened twice since last night",
        "is it normal to poo yourself without feeling it? it happened today",
    ],
)
def test_wetting_oneself_after_to_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "is it ok to wet myself a little when I laugh? happens since my kids",
        "Is it normal to pee yourself when you sneeze?",
    ],
)
def test_a_little_with_a_laugh_or_sneeze_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b170-045: both legs unfelt since a time of today, with or without back pain


@pytest.mark.parametrize(
    "message",
    [
        "Dad can't feel his legs since he woke up, he has mets in his spine",
        "cant feel both my legs since lunchtime",
        "she lost all feeling in her legs since last night",
        "My husband cannot feel his legs since 6am, what do we do",
    ],
)
def test_both_legs_unfelt_since_today_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "I can't feel my legs after that hike lol",
        "my legs were numb for a while years ago",
    ],
)
def test_legs_unfelt_with_no_onset_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b168-155: blackouts counted ("two blackouts this week")


@pytest.mark.parametrize(
    "message",
    [
        "My husband has had a couple of blackouts this week",
        "i've had 2 blackouts since sunday",
        "She has had three blackouts since Friday, on chemo",
        "I've had several blackouts in the last few days",
    ],
)
def test_blackouts_counted_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "we had two blackouts this week from the storm",
        "I've had a couple of blackouts in my memory, forgetting names, chemo brain?",
    ],
)
def test_power_cuts_and_memory_blackouts_are_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b170-082: chills told as bad, or chills with feeling hot, without a thermometer


@pytest.mark.parametrize(
    "message",
    [
        "chills so bad tonight, I'm on Ibrance",
        "really bad chills since lunch, on chemo",
        "had chills earlier and I feel hot, chemo last week",
        "awful chills for an hour, last infusion 5 days ago",
    ],
)
def test_bad_chills_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "chills aren't bad, I'm on chemo",
        "No chills, on chemo, just feeling hot from the weather",
    ],
)
def test_chills_denied_or_mild_are_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b170-083: the patient saying no to an ambulance others wanted, with no "and" between


@pytest.mark.parametrize(
    "message",
    [
        "she fainted at church, people wanted to call ambulance she said no, now she is ok",
        "he collapsed in the kitchen, the neighbours wanted to call an ambulance he refused",
        "Mum passed out at the shops an hour ago, staff offered an ambulance she declined",
    ],
)
def test_an_ambulance_turned_down_is_no_assessment(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "She fainted yesterday, the ambulance came and checked her and said she was fine",
        "the ambulance came and checked her after she fainted",
    ],
)
def test_an_ambulance_that_checked_is_an_assessment(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b170-146: still on a cancer drug told by its form ("just the monthly shot and pills for my bones")


@pytest.mark.parametrize(
    "message",
    [
        "I'm not on chemo now, just the injections for my bones. Temp 38.5 tonight",
        "only the monthly injection now. fever of 38.6 and shaking",
        "No more chemo, just hormone pills for the cancer. Fever 101.2 since lunch",
    ],
)
def test_fever_on_a_shot_or_pills_for_the_cancer_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Not on chemo anymore, finished in 2019, just pills for pain. Temp 38.3",
        "finished treatment in 2019, just pills for my blood pressure now. Temp 38.5",
    ],
)
def test_fever_years_off_treatment_on_other_pills_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b168-025 (remover): a treatment or a thing that burns the skin is not self-harm


@pytest.mark.parametrize(
    "message",
    [
        "Will the radiation burn my skin?",
        "Does the sun burn my skin more on chemo?",
        "the tape burned my skin a bit",
    ],
)
def test_a_thing_that_burns_the_skin_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Will the radiation burn my skin? I've been cutting my arms again",
        "Will the radiation burn my skin? I burn my skin with a lighter when it gets bad",
        "I burn my skin with a lighter when the thoughts get bad",
    ],
)
def test_self_harm_beside_a_radiation_question_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


# b170-107 (remover): a bit of pain still there after the ER saw the chest pain


@pytest.mark.parametrize(
    "message",
    [
        "Dad took her to the ER last night for chest pain, not her heart they said. "
        "She still has a bit of pain today.",
        "Seen in the ER for chest pain yesterday, they said it's muscular. Still has some pain.",
    ],
)
def test_a_bit_of_pain_after_the_er_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Took him to the ER last night for chest pain, it was not his heart. "
        "He's still having some pain but it's worse tonight",
        "Took him to the ER last night for chest pain, it was not his heart. "
        "He's still having some pain and it is spreading to his arm",
        "Took her to the ER last night for chest pain, they sent her home. "
        "This morning she has bad chest pain again",
    ],
)
def test_chest_pain_worse_after_the_er_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")
