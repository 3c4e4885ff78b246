"""Wordings added in vocabulary 2026.11.94, from the errors of blind154-155 on first sight.

blind154 (active treatment and the months after, some second-language writers) and blind155 (a
realistic mix, a third short phone messages, rural Alaska), written blind, were scored once,
unseen, on 2026.11.92: 0.978 / 0.902 (37/41) / 0.925 (37/40) and 0.991 / 0.976 (40/41) / 0.952
(40/42). Their misses: "the nosebleed from this morning is still going, two hours now"
(b154-053); "Today she cannot walk, the legs no feeling, and back pain very strong" (b154-096);
"is it normal to cough up a bit of blood after radiotherapy? happened twice today" (b154-122);
"I took all my pain pills this evening on purpose" (b154-128); "other arm went dead and heavy
10 min ago, face feels funny on that side too" (b155-016). Their false alarms: "Confused? Not
exactly" with gradual muddling (b154-027, left: a disputed label); chest pain seen at urgent care
that "still hurts when i lift my arm" (b154-042); a nurse who "joked I'd be coughing up blood from
laughing" (b154-071); "The article you posted lists chest pain, seizures and fever as warning
signs" (b155-035); a clinic nurse who writes "we assessed her here" (b155-090). Each class is
tested in fresh wordings, both ways; the removers with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.94; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 94)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a nosebleed "still going," with the hours after the comma
        ("Her nosebleed is still going, three hours now", "bleeding", "rf.bleeding.1"),
        ("the nosebleed since lunch is still going, over an hour", "bleeding", "rf.bleeding.1"),
        ("Dad's nosebleed from breakfast still going, 2 hours so far", "bleeding", "rf.bleeding.1"),
        # the legs with "no feeling" beside back pain
        (
            "My husband legs no feeling since morning and back pain very bad",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "She has no feeling in her legs today, and the back pain is terrible",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "since this afternoon no feeling in both legs, back pain strong",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # all the pills taken on purpose, the time of day in between
        ("She took all her sleeping pills last night on purpose", "self_harm", "rf.self_harm.1"),
        ("I swallowed all my tablets tonight deliberately", "self_harm", "rf.self_harm.1"),
        ("He took all of his pain pills earlier today on purpose", "self_harm", "rf.self_harm.1"),
        # an arm or leg gone dead or heavy and the face odd on that side
        (
            "my arm went heavy 5 minutes ago and my face feels numb on that side",
            "stroke",
            "rf.stroke.2",
        ),
        (
            "her hand has gone dead and her mouth looks droopy on the same side",
            "stroke",
            "rf.stroke.2",
        ),
        ("leg went weak just now, face is tingly on that side as well", "stroke", "rf.stroke.2"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # an "is it normal" question and the finding counted today
        ("Is it normal to cough up blood on Enhertu? It happened three times today", "haemoptysis"),
        ("is it common to have a seizure on this drug? happened twice this morning", "seizure"),
        ("Is it normal to faint after chemo? happened again today", "collapse"),
    ],
)
def test_question_then_counted_today_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a nosebleed that stopped, legs that got the feeling back, pills taken as prescribed
        "Her nosebleed this morning stopped after ten minutes, all fine",
        "No back pain, and no feeling of sickness, just tired",
        "I took all my pills this evening as prescribed, is that right with food?",
        # an arm that went dead in the night, the face not on that side
        "My arm went dead in the night from lying on it, fine after a shake",
        # an "is it normal" question about a finding counted long ago
        "Is it normal to cough up blood after radiotherapy? It happened twice in 2019",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a joke that the patient would have a finding from laughing
        "My sister joked I'd be having a seizure from laughing at her stories",
        "The nurse teased that I'll be fainting from all the giggling in the infusion room",
        "My husband jokes that I'll be coughing up blood with all this laughing",
        # a text told with who posted or sent it, listing findings as warning signs
        "The leaflet you sent lists fever, confusion and chest pain as red flags. For Kisqali?",
        "The post you shared lists seizures and fainting as emergencies - does that apply to me?",
        "The article they posted lists coughing up blood as a warning sign, for all cancers?",
        # seen at urgent care for the finding, now it hurts only on moving
        "I was at urgent care on Monday for chest pain, they said muscle strain. still hurts when i"
        " reach up",
        "She was at the ER yesterday with chest pain, ECG normal. It still hurts when she twists",
        # a clinician writing for a patient seen in their own clinic
        "Nurse here: he collapsed on Sunday, we examined him in our clinic and he is stable",
        "I am the village health aide. She had a seizure yesterday, we checked her here, all calm",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag told as now beside the same words
        ("My nurse joked about it, but I'm coughing up blood right now", "haemoptysis"),
        ("We laughed a lot at the party and then she had a seizure an hour ago", "seizure"),
        (
            "The article you posted lists chest pain as a warning sign and I have chest pain now",
            "chest_pain",
        ),
        ("Was at urgent care yesterday for my son. Today I have crushing chest pain", "chest_pain"),
        (
            "Was at urgent care for chest pain, they sent me home, still hurts when I breathe",
            "chest_pain",
        ),
        ("We examined her in our clinic, and now she has just had another seizure", "seizure"),
    ],
)
def test_red_flags_told_as_now_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)
