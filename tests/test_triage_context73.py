"""Wordings added in vocabulary 2026.11.82, from the errors of blind130-131 on first sight.

blind130 and blind131 (realistic mixes from patients and the people writing for them, some in
second-language English) were written blind and scored once, unseen, on 2026.11.80 (0.982 /
1.000 / 0.913 and 0.986 / 0.927 / 0.927). Their misses: "Was seen in the ER on Monday for the
back pain ... Since last night I can't lift my right leg" (the leg weakness that completes cord
compression told after the visit that saw only the back pain); "Friend of mine with metastatic BC
is shaking uncontrollably with chills" (a friend said to have breast cancer is the patient); "cant
keep even the water" ("even" after "keep"). Their false alarms: "My daughter collapsed in tears"
(broke down crying); "Chest pain is not something I have" (denied after the finding); "Was taken
to the ER on Sunday after a seizure ... Haven't had another" (another one denied, not a new
episode). Each class is tested in fresh wordings, both ways; the removers with the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.82; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 82)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # "even" after "keep", in second-language English
        ("she cant keep even water since last night, vomiting", "dehydration", "rf.dehydration.1"),
        (
            "I cannot keep even the juice, throwing up since yesterday",
            "dehydration",
            "rf.dehydration.1",
        ),
        ("dad is sick all day and can't keep even the tea.", "dehydration", "rf.dehydration.1"),
        # a friend, neighbour or colleague said to have breast cancer is the patient
        (
            "my neighbour with stage 4 breast cancer is coughing up blood right now, what do I do",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "a friend with secondary breast cancer had a seizure an hour ago, shes on chemo",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "My colleague who has metastatic breast cancer is shaking with chills since lunch, "
            "she had chemo on Monday",
            "fever",
            "rf.fever.2",
        ),
        # the half of a combination told after the visit that saw only the other half
        (
            "The ER checked my back pain on Saturday and said it was a muscle. "
            "This morning both legs feel weak and wobbly.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Mum saw the GP on Tuesday about her back pain, he gave her naproxen. "
            "Since this afternoon her left leg has gone numb.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Urgent care looked at my back pain on Sunday. "
            "Since last night I can't lift my left leg.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the friend is a source, a fellow patient, or the writer is the one on treatment
        "A friend of mine with breast cancer like me had a seizure on Enhertu",
        "I am on chemo myself. A friend of mine with breast cancer had a seizure today",
        "A friend with metastatic breast cancer told me she had chills on Enhertu, is that common?",
        # water not kept long ago, or a thing kept
        "Back in October she couldn't keep even the water, she is fine now.",
        "I cant keep even the water bottle in my bag",
        # both halves told to the clinician in the same sentence
        "Seen in the ER yesterday for back pain and weak legs, they did an MRI and it was clear.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # broke down in tears, not a collapse
        "Mum collapsed into sobs when the oncologist said the word metastatic.",
        "my husband collapsed in tears at the scan results, how do we support him?",
        "She collapsed in floods of tears in the car park after clinic.",
        # a finding the writer says is not something they have
        "Seizures are not something I have had, I only want to ask about the brain MRI.",
        "Fever is not something I get on this chemo. Do I still need the thermometer?",
        "Coughing up blood isn't something mum has, she just wants her repeat prescription.",
        # another one denied after an assessed event
        "Taken to A&E on Friday after a fit, they did a scan and kept me in overnight. "
        "Not had another since. When is my follow-up?",
        "She had a seizure on Saturday and the ER admitted her and started Keppra. "
        "She hasn't had another one. What now?",
        "I fainted on Monday and was checked in the ER, bloods fine. No another episode since.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "She collapsed on the floor in tears and won't wake up properly",
        "I collapsed in the kitchen an hour ago, I was in tears before it",
        "Chest pain is not something I have had before, it started an hour ago and is crushing",
        "Is chest pain not something I have to worry about? It started this morning",
        "Seen in the ER on Sunday after a seizure, they did a CT. Today I had another one.",
        "Was in A&E on Monday after a seizure. She has had another this morning.",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
