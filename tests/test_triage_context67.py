"""Wordings added in vocabulary 2026.11.76, from the errors of blind118-119 on first sight.

blind118 (a realistic mix from patients in active treatment and after it) and blind119 (a
realistic mix, writers of many backgrounds and levels of English) were written blind and scored
once, unseen, on 2026.11.74 (0.977 / 1.000 / 1.000 and 0.982 / 0.950 / 0.950). Their misses: a
mother who said "everything went black before she fell" (a faint before a fall); "my arm and face
is swollen since two day and i breath hard when i walk few step" (breathing hard told with the
person first, read by rf.svc.1 with the swelling). Their false alarms: a fever the writer takes
back ("please ignore it, the thermometer was broken"); words hard to find "sometimes" among
menopause complaints. Their tag errors: "a red bumpy patch on my chest wall", "any of the DESTINY
studies", neuropathy "from my chemo 3 years ago is stable", "if i say no to radiation ... does it
come back", a scan that "showed something on my liver". Each class is tested in fresh wordings,
both ways; each remover with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.76; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 76)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # everything went black (or dark, or grey) before a fall
        (
            "everything went dark just before I fell over in the kitchen",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "Dad says everything went black right before he hit the floor",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "she told me everything went grey seconds before she collapsed, on letrozole",
            "collapse",
            "rf.collapse.1",
        ),
        # breathing hard told with the person first, with a swollen face or arm
        (
            "her face and neck are swollen and she breathe very hard when she climbs stairs",
            "svc",
            "rf.svc.1",
        ),
        ("my arm is swollen and i breathing heavy when walking", "svc", "rf.svc.1"),
        (
            "face swollen since yesterday, I breathe so hard even going to the toilet",
            "svc",
            "rf.svc.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # falling asleep, or no fall at all
        "everything went black before I fell asleep, I was so tired after chemo",
        "everything went black before I could finish the film, a power cut",
        # breathing hard as an instruction or into a device
        "my arm is swollen after surgery, the nurse told me to breathe hard into the tube",
        "my arm is swollen and I breathe hard into the spirometer every day",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a fever the writer takes back
        "I wrote that I had a fever, please ignore that, the thermometer was faulty. 36.9 now.",
        "please ignore my last message about a fever, I'm fine",
        "She has a temp, ignore it, the reading was wrong, she's 36.5",
        # words hard to find now and then, not sudden
        "sometimes I can't find my words, it's the menopause I think",
        "I have trouble finding my words occasionally since starting letrozole",
        "she can't find her words at times, is that the tamoxifen?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the fever told as now, or the writer asking not to be ignored
        "I have a fever, please don't ignore it",
        "I had a fever of 38.6 this morning, on chemo",
        # words lost suddenly or today
        "I can't find my words since this morning",
        "she suddenly can't find her words",
        "I can't find my words and my face is drooping",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        ("I have a raised pink area on my scar", "symptoms", "tag.symptoms.skin"),
        ("there are some red bumps along my reconstruction", "symptoms", "tag.symptoms.skin"),
        ("she has an angry, blotchy patch over her left breast", "symptoms", "tag.symptoms.skin"),
        (
            "could I join one of the TROPION-Breast studies",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        (
            "am I eligible for any of your ADC studies?",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        (
            "is she able to get into either of the CDK4/6 studies",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        (
            "the neuropathy in my hands from my chemo two years ago is still there",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        (
            "the tingling from my docetaxel 4 years ago has been getting worse",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        (
            "the lymphoedema from her surgery 5 years ago is still bad",
            "symptoms",
            "tag.symptoms.swelling",
        ),
        ("If I say no to chemo, will it come back?", "recurrence", "tag.recurrence.came_back"),
        (
            "I said no to tamoxifen, what are the chances it comes back",
            "recurrence",
            "tag.recurrence.came_back",
        ),
        (
            "mum says no to more radiation, will it come back faster?",
            "recurrence",
            "tag.recurrence.came_back",
        ),
        ("the MRI found something in her spine", "recurrence", "tag.recurrence.in_organ"),
        ("my CT picked up something on my lung", "recurrence", "tag.recurrence.in_organ"),
        ("the PET scan showed something in my bones", "recurrence", "tag.recurrence.in_organ"),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("I got a red patch on my shirt from the dressing", "symptoms"),
        ("there is no red patch on my chest wall", "symptoms"),
        ("I'm enrolling for one of the exercise classes", "clinical_trials"),
        ("she qualified for one of the free parking permits", "clinical_trials"),
        ("I had neuropathy from my chemo 3 years ago", "symptoms"),
        ("the neuropathy from my chemo 3 years ago went away within months", "symptoms"),
        ("my scan said no sign it has come back", "recurrence"),
        ("I said no to hurting myself when the nurse asked", "symptoms"),
        ("the scan showed nothing on my liver", "recurrence"),
        ("the ultrasound showed something in my gallbladder", "recurrence"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons
