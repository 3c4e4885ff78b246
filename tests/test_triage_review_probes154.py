"""A reviewer's probes of vocabulary 2026.11.154 (183 messages against 2026.11.153), as tests.

Each message here read differently on 2026.11.154 than on 2026.11.153; the reviewer's checked
fixes (in 2026.11.155) give each the answer below: the emergencies 2026.11.154 had silenced (a
normal temperature told beside a real emergency no longer stops the backstop, engine.py
``_without_reading``; "If my husband has chest pain now he's sweating and grey"; "If I'm on chemo
and have a temp of 38.5"; "My dad is coughing up blood is a bad sign in cancer patients?",
engine.py ``_TOLD_SUBJECT``; "doing research on suicide methods") and the false alarms it had
raised (nails dug in from an itch; "If Mom ever had a seizure at home, what should we do?"; a
patient's words quoted in a class question, engine.py ``_REPORTED_WORDS``), beside the changes
2026.11.154 meant.

Unlike the rules' own tests, this file runs with the emergency backstop on (its name holds
"review_probes": tools/harvest_rule_examples.py ``SKIP``, tests/conftest.py), so what the backstop
does to these messages, and its limit on a reading under the threshold, is tested here.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_emergency, assert_not_emergency

EMERGENCIES = [
        "temp 37.2 but hes pressing his fist into his chest says its like a truck parked on him "
        "and hes sweaty and grey",
        "My husband is pressing his fist into the middle of his chest and says it's like "
        "someone parked a truck on him, temp is 37.1 so not an infection. He's sweaty and grey "
        "in the face.",
        "Temp normal at 98.2 but since this afternoon she keeps walking into the right side of "
        "door frames like she can't see that side",
        "I can't even finish a sentence without stopping to get air and I'm just sitting on the "
        "couch, temp was 37.4 when I checked. It came on this afternoon.",
        "Swelling in my lips and tongue started about 20 minutes after I got home from my "
        "infusion, temp 37.3 (first dose of pertuzumab).",
        "Gran crumpled in the hallway this morning, temp 36.7 after. She's sitting up now and "
        "says she's fine. She has stage 4 bowel cancer.",
        "Mom has been throwing up since Thursday night, temp 37.7 on the thermometer, even sips "
        "of ginger ale come straight back up. She had chemo on Wednesday.",
        "thermometer says 99.1 but i cant get up off the floor in the kitchen legs wont work",
        "This is not a figure of speech, my chest actually hurts sharp when I breathe in since "
        "this morning, temp 99.0. I flew back from Seattle yesterday. I take tamoxifen.",
        "If my husband has chest pain now he's sweating and grey, do I call you or 911?",
        "If she has a seizure now she's not stopping, do I call 911 or you?",
        "If I have chest pain now I'm scared, should I call 911 or come in?",
        "if she has a fever now shes shaking all over whats the number to call",
        "If my dad had a fit this afternoon, do we still come to his appointment tomorrow?",
        "If she had a seizure this afternoon do we still bring her in for chemo tomorrow?",
        "If my wife had chest pain this evening and it's still there, should we come in or go "
        "to ER?",
        "If i have chest pain atm im alone should i call 911",
        "If she can't breathe at the moment she's blue, should I call 911?",
        "If my mom is having a seizure now my dad is with her, what do we do?",
        "If I get chest pain now my arm is numb, is that a heart attack?",
        "If he is currently having a seizure what should I do",
        "I've been doing research on suicide methods late at night, I don't know why I'm "
        "telling you",
        "Can I get a referral to someone to talk about my suicidal thoughts? They're getting "
        "really bad and I have a plan",
        "I need a talk about my suicidal feelings, they're worse every night",
        "Is a fever of 101.5 dangerous when on chemo? My wife's last infusion was Tuesday.",
        "Hi, if I'm on Taxol and have 38.6 temperature and shaking, do I come to hospital?",
        "My dad is coughing up blood is a bad sign in cancer patients?",
        "Her lips are blue are a bad sign for chemo?",
        "She has chest pain is a dangerous sign with chemo?",
        "Is a fever of 100.4 an emergency on chemo? My daughter has that right now",
        "I checked and my temp is 98.6 so not an infection but I'm on the floor in the kitchen, "
        "can't get up, legs won't work",
        "temp 36.9 but i feel really off tonight and my arm is swollen and my heart is racing, "
        "please call",
        "If I'm on chemo and have a temp of 38.5 what should I do",
        "If he's on taxol and has a seizure what should we do, he's shaking all over",
        "If i have a seizure now my husband is at work, who do i call?",
        "If she has a fever now she's burning up and shaking, ER or call you?",
        "My husband's lips are blue are bad signs for cancer patient?",
        "Thermometer reads 36.2 and my legs have gone numb and I can't walk since this morning, "
        "I have spine mets",
        "I'm writing a paper on suicide risk for my class but honestly I've been thinking of "
        "killing myself.",
]

NOT_EMERGENCIES = [
        "For my psychology class: what should a nurse say if a patient says I want to kill "
        "myself?",
        "When I press my nails into my arm the marks stay for ages, is that lymphedema?",
        "The chemo rash itches so bad I've been digging my nails into my legs, there are "
        "scratch marks everywhere",
        "I dig my nails into my palm to stop the panic when they access my port, is there "
        "numbing cream?",
        "The hand foot thing from xeloda is so itchy I dig my nails into my palms till they "
        "bleed",
        "Mom had a seizure in March. I'm terrified of it happening again, she's doing really "
        "well now though.",
        "Dad had a seizure last month and we're scared of it happening again, he's starting his "
        "new chemo Monday.",
        "He had chest pain during his infusion in May and we're worried about it happening "
        "again, he's going in for cycle 4 next week.",
        "Thanks for the answer! asking for my sister now - is a fever of 38 dangerous on "
        "herceptin?",
        "If Mom ever had a seizure at home, what should we do?",
        "If dad ever got a fever over the weekend who do we call?",
        "If mum ever went blue around the lips, is that a 911 thing?",
        "For my class I need to know: what do you say when a patient tells you they want to end "
        "my life, sorry I mean their life",
        "If I get chest pain now I'm on chemo, do I go to the ER or call you?",
        "If she has a seizure now she's started chemo, do we call 911?",
        "Burning up and the thermometer is fine but my port site is red and oozing and I'm on "
        "chemo",
        "For my psychology class: what should a nurse say if a patient says I want to kill "
        "myself?",
        "For my class I need to know: what do you say when a patient tells you they want to end "
        "my life, sorry I mean their life",
        "For my nursing class what do you do when a patient says \"I'm going to kill myself\"?",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_the_reviewers_emergencies_are_emergencies(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize("message", NOT_EMERGENCIES)
def test_the_reviewers_look_alikes_are_not_emergencies(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "100.2 on the thermometer twice tonight. I'm on ribociclib. Feel a bit run down.",
        "100.3F on the ear thermometer, on ribociclib. Should I skip tonight's dose?",
        "Temp 100.1 this evening, my wife is on Verzenio. No chills. I'll check again in an hour.",
    ],
)
def test_the_backstop_does_not_raise_on_a_reading_under_the_threshold(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "emergency_model" not in result.red_flags


def test_an_emergency_in_another_sentence_beside_such_a_reading_stays() -> None:
    message = (
        "Temp 99.9 this morning, I'm on chemo. Worst headache of my life came on suddenly an hour"
        " ago and I keep throwing up."
    )
    assert classify(message).urgency == "emergency"


@pytest.mark.parametrize(
    ("sentence", "below"),
    [
        ("100.2 on the thermometer twice tonight.", True),
        ("Temp 37.6 and 37.9 this evening.", True),
        ("Temp 99.1 this morning but 101.2 tonight.", False),  # one reading over the line
        ("Temp 38.4 tonight.", False),
        ("Fever since lunch, I'm on Kisqali.", False),  # no reading: the model's to read
        ("Room 99 at 10.", False),  # numbers, no temperature
    ],
)
def test_which_sentences_tell_a_reading_under_the_threshold(sentence: str, below: bool) -> None:
    """The backstop's raise is dropped only when the sentence it weighed most tells a taken
    temperature, every reading in it under the line (engine.py ``_measured_below``)."""
    from intake.triage.engine import _measured_below
    from intake.triage.vocabulary import get_vocabulary

    assert _measured_below(sentence, get_vocabulary().settings) is below
