"""Wordings added in vocabulary 2026.11.86, from the errors of blind138-139 on first sight.

blind138 and blind139 (realistic mixes from patients and the people writing for them, written
blind) were scored once, unseen, on 2026.11.84 (0.976 / 0.975 / 1.000 and 0.990 / 0.950 / 0.905).
Their misses: "gone all floppy down her right side and her mouth is pulling over to one side";
"Been coughing a lot and today there's been blood in it"; "not even water stays down". Their false
alarms: "painted my lips blue for his school play"; "really breathless walking from the car to the
house, but she's fine once she sits down"; a daughter's fever told "she's 6, not a patient!";
confusion treated in hospital, "home now but still a bit muddled at times". Tag classes: the skin
of a place "red and bumpy"; one eye "getting blurry".
Each class is tested in fresh wordings, both ways; the removers with the writer's own red flag
told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.86; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 86)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # floppy, limp or weak down one side, the side named
        ("Dad has gone limp down his left side in the last hour", "stroke", "rf.stroke.2"),
        ("She's all floppy on the right side since she woke up", "stroke", "rf.stroke.2"),
        ("my husband went weak down his right side at dinner", "stroke", "rf.stroke.2"),
        # the mouth or face pulling over to one side
        ("His face is pulling over to the left side tonight", "stroke", "rf.stroke.1"),
        ("Her mouth has started dragging to one side when she talks", "stroke", "rf.stroke.1"),
        ("my smile slipped over to the right side this morning", "stroke", "rf.stroke.1"),
        # coughing told first, then blood "in it"
        (
            "I've been coughing since Sunday and this morning there was blood in it",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "Mum's cough is bad and now there's some bright red blood in it",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "He keeps coughing at night, and tonight I saw blood in it",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        # "not even" the smallest drink stays down
        (
            "Sick all night and all today, not even sips of water are staying down",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "vomiting since Tuesday, not even the ginger ale will stay down",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Diarrhoea and throwing up for two days, not even tea stays in",
            "dehydration",
            "rf.dehydration.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # floppy or numb named without a side, or the side of a thing; a jaw numb on one side
        "I feel all floppy and tired after chemo, is that normal?",
        "The mattress has gone floppy down one side of the bed, can I get a new one?",
        "My chin feels numb on the right side since last week, I have bone mets.",
        # a mouth pulled by a brace or a tooth, a face turned to one side to sleep
        "My cheek is pulling to one side from the dental brace, is that normal?",
        # coughing with no blood in it, or blood elsewhere
        "Been coughing a lot but there's no blood in it",
        "I've had a cough all week and there was blood in my urine last month, they checked it",
        # water staying down, or "not even" about something else
        "Throwing up yesterday but water stays down fine now",
        "Not even water tastes right on this chemo, any tips?",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # lips or face coloured on purpose, or blue from a sweet or a dye
        "My granddaughter coloured my lips purple with her markers, can I still come Tuesday?",
        "The kids painted their faces blue for the game and I joined in. Is my scan still at 3?",
        "My tongue is blue from the slushie, ha. Question about my refill.",
        # breathless walking from the car or the shop, fine again once seated
        "I'm really out of breath walking from the car park to the clinic, fine once I sit down.",
        "He gets so winded walking back from the shop to the house, better once he sits",
        # a child's age told before "not a patient"
        "My son had a temperature of 39 yesterday, he's 9, not a patient. Can he come with me?",
        "My grandson fainted at school - he's 12 and not a patient here - can I reschedule?",
        # confusion treated in hospital, a little still left at home
        "Dad was confused with an infection, they kept him in. He's back home and still a bit"
        " confused in the evenings. Normal?",
        "They treated her sodium in hospital. Since she came home she's still slightly muddled.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "He painted my nails blue but now my lips are blue too and I can't catch my breath",
        "Her lips look blue tonight and she is gasping",
        "I'm really breathless just sitting on the sofa tonight",
        "My daughter is 6 and not a patient, but I'm the patient and I have a fever of 39 on chemo",
        "She's home now but still a bit muddled and this morning she suddenly didn't know me",
        "Mum came home from hospital and she's very confused today, doesn't know where she is",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "The skin on my chest wall is getting lumpy and red",
        "skin under her arm looks all scaly near the scar",
        "My right eye has gone a bit fuzzy this week",
        "her left eye keeps getting blurry in the evenings",
    ],
)
def test_skin_and_eye_told_as_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The skin on my back is not red at all now",
        "my eye isn't blurry anymore",
        "Will the skin on my chest be red after radiation?",
    ],
)
def test_skin_and_eye_counterparts(message: str) -> None:
    assert "symptoms" not in classify(message).tags
