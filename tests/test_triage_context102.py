"""Wordings changed in vocabulary 2026.11.111: an acute event named by its diagnosis.

The gap (a reviewer's, on 2026.11.110): a stroke or heart attack named as such rather than by
its signs was no red flag at all: "she had a stroke this morning", "I think I am having a heart
attack", "My mom is having a stroke" were routine. New rules rf.stroke.6 (stroke, mini-stroke,
TIA), rf.chest_pain.3 (heart attack), rf.collapse.4 (cardiac arrest), rf.breathing.7
(anaphylaxis, an allergic reaction with the throat closing) and rf.breathing.8 (a suspected
blood clot in the lung with breathlessness) read the named event as the red flag, dated,
negated, assessed and attributed by its own clause like any finding. The past ("had a stroke in
2018"), the assessed ("the ER did a scan and sent me home"), questions and fears ("can chemo
cause a stroke?", "I'm scared of having a stroke"), figures of speech ("the bill gave me a heart
attack", "a stroke of luck"), heat stroke and someone who is not the patient stay quiet.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.111; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 111)


@pytest.mark.parametrize(
    "message",
    [
        "she had a stroke this morning",
        "My mom is having a stroke",
        "I think I am having a stroke",
        "I think I'm having a stroke, my arm feels weird",
        "having a mini stroke right now",
        "I think I'm having a TIA",
        "I think I had a mini-stroke an hour ago",
        "had a TIA yesterday and haven't seen anyone",
        "Dad is having a stoke I think",
        "I think mom is having a strok",
        "he just had a stroke, ambulance is not here yet",
        "she is stroking out",
        "I think I'm having a stroke, please cancel my appointment",
    ],
)
def test_a_stroke_named_now_flagged(message: str) -> None:
    assert_flagged(message, "stroke")
    assert "rf.stroke.6" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "I think I am having a heart attack",
        "I think I had a heart attack an hour ago",
        "having a heart attack right now, help",
        "I just had a heart attack",
        "I'm having a heart atack",
        "mom is having a heart attack",
        "I think she's having a heart attack, she's gray and sweaty",
        "I think it's a heart attack",
    ],
)
def test_a_heart_attack_named_now_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "I think she is in cardiac arrest",
        "my dad went into cardiac arrest",
        "he is having a cardiac arrest, I'm doing CPR",
    ],
)
def test_cardiac_arrest_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I'm having an anaphylactic reaction",
        "I think I'm going into anaphylaxis after my infusion",
        "allergic reaction and my throat is closing",
        "having an allergic reaction, my throat feels tight",
        "my throat is closing up",
    ],
)
def test_anaphylaxis_flagged(message: str) -> None:
    assert urgency_of(message) == "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I think I have a pulmonary embolism, I'm short of breath",
        "pretty sure it's a PE, breathless and my leg is swollen",
        "I think I have a blood clot in my lung, my breathing is bad",
    ],
)
def test_a_clot_in_the_lung_with_breathlessness_flagged(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "I took an overdose on purpose",
        "I overdosed on my pills on purpose an hour ago",
        "she swallowed a whole bottle of her pain pills on purpose tonight",
    ],
)
def test_an_overdose_on_purpose_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


# past, dated and remote: history, not now
@pytest.mark.parametrize(
    "message",
    [
        "I had a stroke in 2018",
        "in 2019 I had a heart attack",
        "my heart attack two years ago",
        "my dad had a stroke at 68",
        "my dad died of a heart attack in 2010",
        "she had a stroke a few months ago and is in rehab",
        "I had a heart attack in March",
        "my dad had a stroke last yr and im his carer so i need a morning appt if possible",
        "Had a small stroke in 2016, speech still a bit off, that's her baseline",
        "I had anaphylaxis to penicillin as a child",
        "allergic to penicillin, anaphylactic reaction in 2005",
        "I had a blood clot in my lung in 2019",
        "My mom had a stroke in 2015 and recovered well. Now she wants to know if chemo raises "
        "her risk of another one.",
    ],
)
def test_a_past_event_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# already in a clinician's or a hospital's hands: priority
@pytest.mark.parametrize(
    "message",
    [
        "had a mini stroke Tuesday, the ER did a scan and sent me home",
        "had a heart attack yesterday, stented, home now",
        "I had a heart attack this morning and they put in two stents",
        "had a tia tues, in hosp 2 nights, home now. can i still have chemo next wk?",
        "My mom had a small stroke Monday and is at Alaska Regional. Can her oncologist call the "
        "ward?",
    ],
)
def test_an_assessed_event_priority(message: str) -> None:
    assert urgency_of(message) == "priority"


# questions, fears and hypotheticals
@pytest.mark.parametrize(
    "message",
    [
        "can chemo cause a stroke?",
        "what are the signs of a heart attack?",
        "I'm scared of having a stroke",
        "what if I'm having a stroke?",
        "how do I know if I'm having a heart attack?",
        "what does it feel like to have a heart attack?",
        "risk of heart attack on this drug?",
        "the leaflet says risk of heart attack and stroke",
    ],
)
def test_a_question_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# figures of speech, other senses of the word
@pytest.mark.parametrize(
    "message",
    [
        "you nearly gave me a heart attack",
        "the bill gave me a heart attack",
        "I nearly had a heart attack",
        "I almost had a stroke reading that",
        "I about had a stroke when I realized it was the clinic.",
        "My kids say I'm having a stroke every time I try to use the patient portal",
        "lol my husband says he's 'having a heart attack' every time the Seahawks fumble",
        "what a stroke of luck",
        "I had a stroke of genius",
        "I think I have heat stroke",
        "I stroke the cat to calm down",
        "I swim breast stroke twice a week",
        "my stroke nurse said to call",
    ],
)
def test_a_figure_of_speech_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# someone who is not the patient
@pytest.mark.parametrize(
    "message",
    [
        "my friend had a heart attack today",
        "my neighbour is having a stroke",
        "my coworker had a stroke yesterday",
        "My sister-in-law is having a stroke apparently, she's in Seattle and not a patient. I "
        "need to cancel my appointment today.",
        "my friends mom had a stroke after her chemo n now im freaking out, does chemo cause "
        "strokes",
        "My father had a stroke yesterday in Seattle so I need to cancel my Thursday radiation "
        "and fly down.",
        "My husband had a heart attack in November and I'm now his full-time carer, so could my "
        "check-ups be by video?",
    ],
)
def test_someone_else_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_negated_not_an_emergency() -> None:
    assert urgency_of("I am not having a heart attack, just heartburn") != "emergency"
    assert urgency_of("I am not having a stroke") != "emergency"


def test_a_clot_named_alone_or_mild_breath_not_an_emergency() -> None:
    assert urgency_of("I think I have a blood clot in my lung") != "emergency"
    assert urgency_of("I had a PE in 2019 and now I'm a bit short of breath") != "emergency"


def test_the_reason_points_at_the_event() -> None:
    message = "she had a stroke this morning"
    reasons = [r for r in classify(message).reasons if r.rule == "rf.stroke.6"]
    assert reasons and reasons[0].phrase == "a stroke"
    assert message[reasons[0].start : reasons[0].end] == "a stroke"
