"""Wordings added in vocabulary 2026.11.88, from the errors of blind142-143 on first sight.

blind142 (living with metastatic disease for years, on and between treatments) and blind143 (a
realistic mix, a third short phone messages, many backgrounds and levels of English) were held
out and scored once, unseen, on 2026.11.86 (0.972 / 0.976 / 0.976 and 0.979 / 0.951 / 0.951).
Their misses: "It hurts to breathe in on the left side of my chest and my heart is racing"
(b142-060); "I've written letters to my kids and I know where dad's old rifle is kept"
(b143-087); a seizure in 2019 "which was controlled with meds. But today I had another one at
work" (b143-142). Their false alarms: 38.3 "off all treatment for 3 months, a break my
oncologist agreed to" (b142-141); chest pain seen in the ER, "It still hurts some" (b143-100);
blood coughed up, seen in the ER, "A few streaks again this morning" (b143-154, a disputed label,
left on purpose). Each class is tested in fresh wordings, both ways; the removers with the
writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.88; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 88)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # breathing in told as what hurts, the chest named after it
        (
            "Since this morning it hurts to take a deep breath, right across the front of my chest",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "Mum says it's agony when she breathes in, on the right side of her chest",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "It's painful to breathe in, low down on the left of my chest, started last night",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        # a gun the writer knows where to find, beside letters or the will put in order
        (
            "I wrote a letter to each of the grandkids. I know where my husband keeps his shotgun.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "I've sorted my will and I found where the old hunting rifle is stored. Just so you"
            " know.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "Wrote letters for my daughters last night and I've taken dad's pistol out of the"
            " safe.",
            "self_harm",
            "rf.self_harm.4",
        ),
        # "had another one" after seizures told as controlled, as a disorder or as epilepsy
        (
            "My seizures have been under control on Keppra since 2020. This morning he had"
            " another one in the shower.",
            "seizure",
            "rf.seizure.3",
        ),
        (
            "She has a seizure disorder, well controlled. Tonight she had another one, about"
            " two minutes of shaking.",
            "seizure",
            "rf.seizure.3",
        ),
        (
            "I had one seizure in 2018 that was controlled with tablets. Just now I had another"
            " episode at my desk.",
            "seizure",
            "rf.seizure.3",
        ),
        (
            "Mum has epilepsy, fine for years on her tablets. She had another one at the shops"
            " an hour ago.",
            "seizure",
            "rf.seizure.3",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # breathing that hurts the nose or throat, ribs tender to touch
        "It hurts to breathe through my nose since the cold, is that the chemo?",
        "The rib on my right side hurts to touch, breathing is fine",
        "Does it hurt to breathe in after radiation to the chest?",
        # a gun alone, letters alone
        "I know where dad's old rifle is kept and I want it out of the house before his brain"
        " radiation. Who can help?",
        "The counsellor suggested I write letters to my kids for when they're older. I've started.",
        # "another one" that is not a seizure, or a seizure that is history
        "I had a seizure in 2019 which was controlled with meds. Can I drive now?",
        "My seizures are well controlled. I had another one of my migraines today, any advice?",
        "Seizure disorder, controlled. Had another episode of diarrhoea today but drinking fine.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a fever on a treatment break of months
        "I've been off all my chemo for four months, a planned break. Temp 38.4 tonight, a cold.",
        "She's been off all treatment for 5 months now (stable). Fever of 38.6 since this morning.",
        "On a treatment holiday for three months, doctor agreed. Temp is 101 with a sore throat.",
        # assessed pain that still hurts a little
        "The ER checked my chest pain on Sunday, said it's muscular. It still hurts a bit.",
        "Was seen at urgent care Tuesday for chest pain, ECG normal. Still hurting a little.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "I've been off chemo for two weeks, a short break. Temp 38.4 tonight.",
        "Off all my chemo for a month. Fever of 38.6 since this morning.",
        "On a treatment break for 3 months but restarted Ibrance last week. Temp 38.5 now.",
        "The ER checked my chest pain on Sunday. It still hurts a bit more every day and now"
        " it's crushing.",
        "Went to the ER Friday for chest pain. It still hurts and tonight it's much worse.",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
