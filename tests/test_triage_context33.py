"""Wordings added in vocabulary 2026.11.42, from the blind47 set (whose symptom is it?).

Red flags told in other words: a breath that will not "pull" or "draw" in; bleeding "since 6
this morning and it's now after 9"; nothing seen in part of one eye; not able to say what town
they live in. Look-alikes: "nearly keeled over" (the near-faint of the bill idiom), and red
flags a clinician already saw: "we spent the night in the ER" (a literal space after a
repeated word group never matched), an infusion the staff "had to stop", "his neurologist has
seen him", "the therapists are pleased with her". Each remover is scoped: the writer's own red
flag in another sentence of the same message still fires.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.42; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 42)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Since lunch she can't pull a proper breath in, even sitting down", "breathing"),
        ("He couldn't draw enough air tonight and his lips look grey", "breathing"),
        ("mum cant drag a breath in since the infusion", "breathing"),
        ("His nose has been bleeding since 2pm and it's 4 now", "bleeding"),
        ("my gums have been bleeding since 7 this morning, its now past 11", "bleeding"),
        ("Nosebleed since about 5:30 and it is now nearly 8, she's on chemo", "bleeding"),
        ("I woke up and couldn't see anything out of my left eye", "stroke"),
        ("Since lunch she can't see anything in the top half of her right eye", "stroke"),
        ("Today Mom couldn't tell me what town she lives in", "confusion"),
        (
            "He didn't even say which city we live in when the nurse asked, since this morning",
            "confusion",
        ),
        ("She can't tell us what day it is this afternoon", "confusion"),
    ],
)
def test_red_flags_in_other_words(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "It hurts a bit when I take a deep breath after my port surgery",
        "I can't pull a muscle again before my surgery, so I'm resting",
        "The bruise from my blood draw has been there since Monday and it's fine now",
        "Her nose bled since 6 this morning but it stopped an hour later",
        "In 2019 I couldn't see anything out of my left eye for a month after cataract surgery",
        "I couldn't tell him what town we should visit for the holiday",
        "She can't tell me which town she wants to move to",
        "I don't have any burning and I can't tell you what day my appointment is",
    ],
)
def test_look_alikes_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My mother nearly keeled over when she opened the bill from her scan",
        "I almost keeled over when they told me the price of parking",
        "Dad nearly collapsed laughing at the grandkids' show",
    ],
)
def test_nearly_keeled_over_is_not_a_collapse(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I keeled over in the kitchen this morning and hit my head", "collapse"),
        ("Mum nearly fell over the cat, then she keeled over at the sink an hour ago", "collapse"),
        ("She nearly keeled over at the bill. This morning I fainted in the shower.", "collapse"),
    ],
)
def test_a_real_collapse_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Her lips went bluish and she was wheezing, so we spent the night in the ER.",
        "He had a seizure on Friday and we spent six hours in the emergency room.",
        "Her throat swelled up during the Herceptin and they had to stop it.",
        "He had one of his seizures this weekend, his neurologist has seen him.",
        "Her left arm is still weak and her words jumbled, but the therapists are happy with her.",
    ],
)
def test_a_red_flag_a_clinician_saw_is_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("He had a seizure this morning and his neurologist hasn't seen him yet", "seizure"),
        (
            "I spent the morning in the garden and now my lips went bluish and I can't breathe",
            "breathing",
        ),
        (
            "They stopped her chemo in May because of the cost. "
            "Today her throat swelled after her Herceptin.",
            "infusion_reaction",
        ),
    ],
)
def test_unseen_red_flags_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My daughter's lips went blue with her asthma, so we spent the night in the ER. "
            "Since this morning I'm the one who can't pull a breath in, even sitting still.",
            "breathing",
        ),
        (
            "My friend's throat swelled and they had to stop her infusion. "
            "Tonight I'm the one who can't get my breath, even lying in bed.",
            "breathing",
        ),
        (
            "My husband had one of his seizures, his neurologist has seen him. "
            "Then this morning I had a fit myself and bit my tongue.",
            "seizure",
        ),
        (
            "My mother-in-law's arm is still weak but the therapists are pleased with her. "
            "This afternoon my own face drooped on the left and my speech went slurred.",
            "stroke",
        ),
    ],
)
def test_the_writers_own_red_flag_in_another_sentence_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My sister and I are both patients at your center. I'm still on chemo myself. "
            "Yesterday she keeled over in her kitchen and was out for a minute.",
            "collapse",
        ),
        (
            "I'm on Taxol. My husband is your patient too, and he fainted at breakfast today.",
            "collapse",
        ),
    ],
)
def test_a_named_person_who_is_a_patient_too_is_a_patient(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I'm still on chemo. Yesterday my sister keeled over in her kitchen.",
        "I'm on Taxol. My husband is not a patient, and he fainted at breakfast today.",
    ],
)
def test_a_named_person_who_is_not_a_patient_stays_someone_else(message: str) -> None:
    assert urgency_of(message) != "emergency"
