"""Wordings added in vocabulary 2026.11.71, from the errors of blind108-109 on first sight.

blind108 (a realistic month of enquiries in proportion) and blind109 (a realistic fortnight, many
written by relatives and friends) were written blind and scored once, unseen, on 2026.11.70
(0.984 / 1.000 / 0.952 and 0.977 / 0.950 / 0.950). Their misses: "Face going numb on one side and
my speech is wierd"; "My right arm and hand have swollen right up ... out of breath just walking to
the bathroom. My port is on that side". Their false alarms: "I don't know her doctor's name";
"seen in the ER yesterday for chest pain, they said her heart is fine. She still has some
discomfort"; "Our family is confused after Dad's appointment yesterday"; "Your form lists chest
pain and breathlessness - I don't have either of those". Each class is tested in fresh wordings,
both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.71; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 71)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # the face going numb, placed on one side afterwards
        ("My face is going numb on the left side, started an hour ago.", "stroke", "rf.stroke.1"),
        ("Mum's face went numb down one side at lunch.", "stroke", "rf.stroke.1"),
        (
            "His cheek has gone all numb on the right side since this morning.",
            "stroke",
            "rf.stroke.1",
        ),
        # speech told as "wierd" (a typing slip)
        ("my words are coming out wierd since tea time", "stroke", "rf.stroke.3"),
        ("Dad's speech has gone wierd in the last hour", "stroke", "rf.stroke.3"),
        ("her talking is werid all of a sudden", "stroke", "rf.stroke.3"),
        # an arm swollen with its hand or shoulder, with breathlessness
        (
            "Her left arm and hand have puffed up since Friday and now she gets breathless "
            "walking to the loo.",
            "svc",
            "rf.svc.1",
        ),
        (
            "My arm and fingers are all swollen on my port side and I'm short of breath going "
            "up the stairs.",
            "svc",
            "rf.svc.1",
        ),
        (
            "His right arm and shoulder swelled up overnight and he is out of breath just talking.",
            "svc",
            "rf.svc.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts that must not fire --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the face numb from the dentist, not a stroke
        "My face went numb on one side after the injection at the dentist, wearing off now.",
        # an arm and hand swollen with no breathlessness is not the SVC flag
        "My right arm and hand have swollen up since the weekend, no other problems.",
        "Her arm and hand were swollen years ago after the nodes came out.",
        # the writer not knowing a fact about the patient's doctor
        "My friend asked me to write, I don't know her oncologist's name, sorry.",
        "We don't know his consultant's phone number, can you pass a message on?",
        "I didn't know her nurse's email so I'm writing here.",
        # the family confused by what they were told
        "Our whole family is a bit confused about what happens next after the scan.",
        "My kids are confused after Mum's appointment with the surgeon, can someone explain?",
        "I'm confused after the phone call with the nurse yesterday, is the biopsy still on?",
        # what a form lists, the writer having none of it
        "The form lists seizures and fainting - I've had neither, I just want to book a review.",
        "Your website lists coughing up blood and chest pain. Is that for everyone on Kisqali?",
        # an assessed red flag with a milder remainder
        "I was seen at A&E on Sunday for chest pain, ECG fine. Still have some discomfort when I "
        "cough.",
        "Dad was checked in the ER last night for chest pain, all clear, he still has a bit of "
        "soreness.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # b108-082's writer: a friend's breathlessness at rest, the doctor's name not known
        (
            "My friend Linda is breathless just sitting in her chair today. I don't know her "
            "doctor's name.",
            "breathing",
        ),
        # the patient who does not know her own family
        ("Mum doesn't know her own daughter's name since this morning.", "confusion"),
        # b109-029's family: the patient confused now, the family telling it
        ("Our family is worried because Dad is confused since this morning.", "confusion"),
        ("The family say Mum is suddenly very confused today.", "confusion"),
        # b109-118's writer: the form's list, and the writer's own chest pain
        (
            "Your form lists chest pain and breathlessness - I have chest pain right now.",
            "chest_pain",
        ),
        ("The form lists fainting and I fainted this morning.", "collapse"),
        # b108-110: assessed, then worse or still in pain
        (
            "Mom was seen in the ER yesterday for chest pain, they said her heart is fine. Now "
            "the chest pain is much worse.",
            "chest_pain",
        ),
        (
            "Mom was seen in the ER yesterday for chest pain, they said her heart is fine. She "
            "still has chest pain tonight.",
            "chest_pain",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --- tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        # an eye told as blurry or fuzzy
        (
            "My right eye's been fuzzy since Tuesday, is that the letrozole?",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        ("Her eyes are a bit misty in the mornings now.", "symptoms", "tag.symptoms.neuro"),
        ("my eye keeps going blurry when I read", "symptoms", "tag.symptoms.neuro"),
        # hands or arms that shake or tremble
        ("Dad's hands are trembling all the time now.", "symptoms", "tag.symptoms.neuro"),
        (
            "My arm has started shaking on and off since the new tablets.",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        ("Her fingers are so shaky she can't hold a cup.", "symptoms", "tag.symptoms.neuro"),
        # a study named by the disease it is for
        (
            "Mum is in your secondary breast cancer study, who do we call?",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        ("Is the HER2 study still open?", "clinical_trials", "tag.clinical_trials.study"),
        (
            "He joined the lymphoedema study last year.",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("The photos I sent are blurry, can I resend them?", "tag.symptoms.neuro"),
        (
            "My hands are shaking from the cold, it's freezing in the waiting room.",
            "tag.symptoms.neuro",
        ),
        ("I shook hands with the surgeon and forgot to ask about the drain.", "tag.symptoms.neuro"),
        ("A mets study showed this drug helps, is that right?", "tag.clinical_trials.study"),
        (
            "I read that a tumour study found no benefit from vitamin D.",
            "tag.clinical_trials.study",
        ),
    ],
)
def test_tags_not_found(message: str, rule: str) -> None:
    assert rule not in {r.rule for r in classify(message).reasons}
