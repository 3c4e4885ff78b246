"""Wordings added in vocabulary 2026.11.89, from the errors of blind144-145 on first sight.

blind144 (a realistic month in proportion) and blind145 (a fortnight, about half written by
relatives, friends and carers), written blind, were scored once, unseen, on 2026.11.86 (0.969 /
0.950 / 0.905 and 0.977 / 0.927 / 0.927). Their misses: "Getting chills that make my teeth
chatter" on ribociclib; "I collapsed at work today. Nobody called the paramedics because I said I
was fine"; "nothing she drinks stays down, that's been since lunch yesterday"; "I last peed at 6
this morning and it's nearly 9pm"; "my heart is being squeezed when I lie down? Started
yesterday". Their false alarms: "causing the collapse of my small business"; "an article that
lists seizure, chest pain and coughing up blood as emergencies. She has none of those"; "very red
and hot where was the radiation, and some water is coming out"; "Does the fever rule apply ...?";
"I'm a paramedic, I deal with collapses and chest pains all day"; "his chest pain is from
watching the Seahawks lose again"; "a faint feeling when I stand up quickly but I haven't
actually fainted". Tag classes: a subtype "ER+ that's gone to the bones" (`recurrence`); a
mouth that "tastes of metal" and "gone off all food" (`symptoms`).
Each class is tested in fresh wordings, both ways; the removers with the writer's own red flag
told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.89; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 89)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # chills told by what they do to the teeth
        ("On Kisqali and I've got chills that are making my teeth chatter", "fever", "rf.fever.2"),
        ("Mum has shivers that make her teeth rattle, chemo was Tuesday", "fever", "rf.fever.2"),
        ("He's had rigors that made his teeth knock together for an hour", "fever", "rf.fever.2"),
        # nothing that is drunk stays down
        (
            "Vomiting since last night and nothing I drink stays down",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Dad's had the runs all weekend and nothing he drinks is staying in",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "She's on Xeloda, sick since Monday, nothing she sips has stayed down",
            "dehydration",
            "rf.dehydration.1",
        ),
        # the last pee in the early morning, "nearly / almost" a late hour now
        (
            "She last peed at 7 this morning and it's almost 10pm now, been vomiting all day",
            "dehydration",
            "rf.dehydration.3",
        ),
        (
            "The last time he had a wee was 5am this morning and it's nearly 9pm",
            "dehydration",
            "rf.dehydration.3",
        ),
        (
            "I last passed urine at 8 this morning, now it's almost midnight",
            "dehydration",
            "rf.dehydration.3",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the heart squeezed or gripped when a body movement is told
        "My heart feels like it's being squeezed when I lie flat, since last night",
        "Is it normal that her heart feels gripped when she breathes in? It began this morning.",
        "Dad says his heart is being crushed when he walks, started an hour ago",
    ],
)
def test_heart_squeezed_on_movement_is_chest_pain(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
    assert "rf.chest_pain.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the teeth rattled by a road or cold water, no chills; mild chills alone
        "The cold lake water makes my teeth chatter, can I swim during chemo?",
        "The gravel road makes my teeth rattle on the drive in, any shuttle?",
        # food, not drink; a drink that tastes wrong; a span under 24 hours
        "Nothing she eats stays down but she's drinking plenty of water",
        "Nothing she drinks tastes right since the chemo, any tips?",
        "Nothing he drinks has stayed down since 9 this morning",
        # under 12 hours since the last pee
        "I last peed at 10 this morning and it's nearly 9pm",
        "I last peed at 6 this morning and it's nearly noon",
        # the heart squeezed by an emotion
        "My heart is squeezed when I think about my kids growing up without me",
        "My heart was squeezed when I saw her in the hospital bed",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # an ambulance nobody called, "because / as / since" the writer or patient said so
        "I fainted in the shop today. No one called the ambulance because I said I was okay.",
        "Mum passed out at lunch. Nobody rang the paramedics as she said she felt fine.",
        "Dad collapsed in the yard this morning, we didn't call the medics since he said he was ok",
    ],
)
def test_an_ambulance_not_called_is_no_assessment(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the crew came and said something: still assessed
        "I fainted at work yesterday, the paramedics said my blood pressure was low",
        "The paramedics came because I said I'd blacked out, and they checked me over",
    ],
)
def test_an_ambulance_that_came_is_an_assessment(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the collapse of a business, a farm, a marriage
        "The cost of treatment led to the collapse of our family farm. Is there any grant?",
        "Chemo meant the collapse of her little bakery, can a social worker help?",
        "Time off is causing the collapse of my marriage lol, do you have a counsellor?",
        # a text that lists red flags "as emergencies / warning signs"
        "The leaflet lists fever, fainting and chest pain as reasons to call 911. Keep it?",
        "Dad found a website that names seizures and slurred speech as warning signs. Reliable?",
        "The booklet describes coughing up blood and chest pain as emergencies, is it current?",
        # water or fluid coming out of the skin or a scar
        "My scar is red and swollen and some clear fluid is coming out. No fever.",
        "The skin under my arm is sore after radiation and water keeps coming out of the skin",
        "Yellowish liquid came out of the drain site this morning, is that normal?",
        # the fever rule or threshold named
        "What's the fever threshold for someone on Kisqali? I feel fine.",
        "Is the fever rule the same on hormone tablets?",
        "Can you explain the fever cut-off again, I forgot what the nurse said",
        # a clinician's work
        "I'm an ER nurse, I see chest pains every shift, so I know the drill. When's my scan?",
        "I work as a 911 dispatcher and I handle collapses and seizures all day. Parking info?",
        "As a midwife I deal with heavy bleeding every week, now I'm the patient. Port questions.",
        # chest pain blamed on a team losing
        "Dad says his chest pains are from watching the Mariners lose. Can he come Monday?",
        "My heart attack is from watching the Packers blow it again haha. Rescheduling please.",
        "His palpitations are due to watching the playoffs, he says. Anyway, billing question.",
        # a faint feeling, no faint
        "I keep getting a faint feeling when I get out of bed. On Verzenio.",
        "Faint sensations when she stands up too fast, never actually passed out",
        "Dad gets this faint feeling in the shower, he sits down and it goes",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "The collapse of my business is stressing me and this morning I collapsed in the kitchen",
        "The leaflet lists chest pain as an emergency and I have chest pain right now",
        "Some water is coming out of my scar and I can't keep any water down since yesterday",
        "I have a fever of 38.5 on chemo, does the fever rule apply?",
        "I'm an ER nurse, I see chest pains every shift, but right now I have crushing chest pain",
        "He got chest pain while watching the game tonight and it's not going away",
        "I had a faint feeling and then I fainted in the kitchen",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Do you have trials for HER2+ that has spread to the liver?",
        "My mum has triple negative that's gone to her lungs, what are the options?",
        "Looking for a study for ER-positive that went to my spine",
    ],
)
def test_subtype_gone_to_an_organ_is_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Is ER+ treated with tablets? Mine is early stage.",
        "My pain that's gone to my back since the fall, is that normal?",
    ],
)
def test_subtype_counterparts(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "My mouth tastes of metal since the last infusion",
        "Her mouth tastes like metal and she's gone off all food",
        "Dad has gone right off his food this week, on Ibrance",
    ],
)
def test_taste_and_food_gone_off_told_as_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The milk in the waiting room fridge has gone off, ha",
        "My mouth doesn't taste of metal any more, thanks for the tip",
    ],
)
def test_taste_and_food_counterparts(message: str) -> None:
    assert "symptoms" not in classify(message).tags
