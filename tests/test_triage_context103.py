"""Wordings changed in vocabulary 2026.11.112: back-references for strokes and heart attacks.

The gap (a reviewer's, on 2026.11.111): a stroke, mini-stroke, TIA or heart attack named once, in
the past, and referred back to now with a pronoun ("I had a stroke in 2017 and had another one
today", "Had a heart attack in 2019 and I think I am having another one now") was routine: the
back-reference reading of 2026.11.110 (test_triage_context101.py) covered seizures, faints and
chest pain only. New rule rf.stroke.7 (marker ctx.backref.stroke) reads the back-reference as a
stroke; ctx.backref.chest_pain now counts a heart attack named, so rf.chest_pain.2 reads it as
chest pain. The back-reference is dated, negated, assessed and attributed by its own clause like
any finding: dated in the past ("another one in 2021"), assessed ("the ER scanned me and sent me
home", "is at Alaska Regional"), someone else's, a question or a fear, or "one" that is a thing
("had one scan today") is not an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.112; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 112)


# a stroke, mini-stroke, TIA or CVA named in the past, then "one" / "another" now


@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke in 2017 and had another one today",
        "mini stroke last year, had another this morning",
        "She had a TIA in March and had another one an hour ago",
        "my mum had a stroke last year and I think she's having another one",
        "TIA in 2020, another one just now",
        "My dad had a stroke years ago and just had another one",
        "had a mini-stroke in 2019, I think I'm having another one now",
        "I had a stroke in 2016. Another one today.",
        "My husband had a stroke 3 years ago and is having another one right now",
        "had a CVA in 2014 and had another one last night",
        "she's had two strokes before and I think she's having another one now",
        "I'm a stroke survivor and I think I'm having another one",
        "I had a TIA in 2022. I'm having the same thing again right now",
        # a hospital stay told of the first stroke does not cover the new one
        "had a stroke in 2019, was in hospital 2 weeks, and had another one today",
    ],
)
def test_a_stroke_referred_back_to_now_flagged(message: str) -> None:
    assert_flagged(message, "stroke")
    assert "rf.stroke.7" in emergency_rules(message)


# a heart attack named in the past, then "one" / "another" now: the chest pain flag


@pytest.mark.parametrize(
    "message",
    [
        "Had a heart attack in 2019 and I think I am having another one now",
        "I had a heart attack in 2015. Had another this morning",
        "I had a heart attack 5 years ago and I think I'm having one right now",
        "Had a heart attack in 2018, I think I'm having another one",
        "heart attack in 2010, another one this morning",
        "I had a heart attack in 2019 and I just had another",
        "My last heart attack was in 2016 and I'm having one now",
        "my dad died of a heart attack and I think I'm having one right now",
        "My wife had a heart attack in 2020 and she's having another one right now",
        "Had a heart attack in 2017, they put in a stent, and I think I'm having another one now",
    ],
)
def test_a_heart_attack_referred_back_to_now_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")
    assert "rf.chest_pain.2" in emergency_rules(message)


def test_the_reason_points_at_the_back_reference() -> None:
    message = "I had a stroke in 2017 and had another one today"
    reasons = [r for r in classify(message).reasons if r.label == "emergency"]
    assert [(r.rule, r.phrase) for r in reasons] == [("rf.stroke.7", "another one")]
    assert all(message[r.start : r.end] == r.phrase for r in reasons)


# dated in the past by its own words: history


@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke in 2017 and another one in 2021",
        "I had a heart attack in 2016 and had another one in 2018",
        "my dad had a stroke in 2010 and had another one in 2012",
        "TIA in 2019 and another one last year",
        "had a heart attack in 2015 and had one in 2020 too",
    ],
)
def test_a_dated_back_reference_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# already in a clinician's or a hospital's hands: priority


@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke in 2015, had another yesterday, the ER scanned me and sent me home",
        "had a heart attack in 2019 and had another one yesterday, stented, home now",
        "had a TIA in 2020 and another one yesterday, in hosp 2 nights, home now",
        "had a heart attack in 2019 and another one yesterday, in hosp 2 nights, home now",
        "Mum had a stroke in 2018 and had another one on Monday and is at Alaska Regional",
    ],
)
def test_an_assessed_back_reference_priority(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


# someone who is not the patient


@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke in 2017. My friend had one today",
        "I had a heart attack in 2016. My coworker had one this morning",
        "my neighbour had a stroke last year and had another one today",
        "My sister-in-law had a stroke in 2019 and had another one today",
        "My sister-in-law had a heart attack in 2019 and had another one today",
        "my friends mom had a stroke in 2018 and had another one today",
        "My father had a stroke in 2019 and had another one yesterday so I need to cancel my "
        "Thursday radiation",
        "My husband had a heart attack in 2019 and had another one yesterday so I need to cancel "
        "my chemo",
    ],
)
def test_someone_else_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# "one" that is a thing


@pytest.mark.parametrize(
    "message",
    [
        "had a stroke in 2017, had one scan today",
        "I had a heart attack in 2015 and had one coffee today",
        "I had a stroke in 2016 so they ordered an MRI and I had one today",
        "had a TIA in 2018, one more scan next week",
        "heart attack in 2019, had one appointment today with cardiology",
        "had a stroke years ago, I'm on blood thinners and had one with lunch today",
    ],
)
def test_one_that_is_a_thing_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# a question, a wish, a fear, a denial


@pytest.mark.parametrize(
    "message",
    [
        "had a heart attack in 2019, what if I have another one?",
        "had a stroke in 2018, what if I have another one?",
        "I had a TIA in 2020 and I'm scared of having another one",
        "I had a stroke in 2017. Could I have another one?",
        "had a heart attack in 2019; I hope I never have another one",
        "My mom had a stroke in 2015. Does chemo raise her risk of another one?",
        "I'm scared of having another one, my heart attack was in 2019",
        "I had a stroke in 2016 and I'm scared I'll have another one",
        "had a TIA in 2019, what are the chances of having another one?",
        "I had a stroke in 2017 and haven't had another one since",
        "had a heart attack in 2018, not had another one",
    ],
)
def test_a_question_or_fear_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# the word in its other senses is no stroke or heart attack named


@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke of luck last year and had another one today",
        "I had a stroke of genius last week and had another one today",
        "I had heat stroke last summer and had another one today",
        "I nearly had a heart attack when I saw the bill, and had another one today when the "
        "second one came",
        "the bill gave me a heart attack and I had another one when I saw the second bill",
        "my stroke nurse visited last week and I had another one today",
        "my daughter Tia had a cold last week and had another one today",
        "the leaflet says risk of stroke; I had one glass of wine today",
    ],
)
def test_another_sense_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
