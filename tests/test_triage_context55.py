"""Wordings added in vocabulary 2026.11.64, from the errors of blind84 and blind87 on first sight.

blind84 (older patients in their seventies and eighties: formal letters, apologies, understated
symptoms, red flags told politely in passing) and blind87 (neurological and spinal warning signs in
lay words, with near misses) were written blind and scored once, unseen, on 2026.11.61 (0.956 /
0.976 / 0.976 and 0.958 / 0.878 / 0.900). Their misses: an absence told as being "'away' for a
minute or so and my arm was jerking"; an arm "suddenly jerking on its own ... I can't stop it";
"hardly responding ... opens her eyes if you shout"; "can't see anything on the left side of
things"; "repeating myself all afternoon"; "cant feel the toilet seat properly" (saddle numbness).
Their false alarms: "I got the date muddled" (an appointment date, not confusion); "a tingling band
around my chest ... Not painful"; "Can spinal cord compression happen with ...?" and "understand
what MSCC is" (the term asked about); "they said my episode of slurred speech yesterday was a TIA"
(the clinicians' name for it: assessed). With them a known false alarm from outside the sets: "My
legs jerk when I'm falling asleep" (a sleep start). Each class is tested in fresh wordings, both
ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.64; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 64)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a limb jerking or twitching on its own (a focal seizure)
        (
            "Her leg has been twitching by itself for ten minutes now and she can't control it.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "My right foot is twitching on its own again today, it won't settle.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "Twice today I've had my face suddenly twitching by itself on the left side.",
            "seizure",
            "rf.seizure.2",
        ),
        # an absence told as "away" / "not there" with a limb jerking
        (
            "My wife says I was 'not there' for a minute this morning and my hand was twitching.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "Yesterday he was away for a few seconds, then his arm started jerking.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "She seemed somewhere else for a moment on Sunday and her leg was shaking.",
            "seizure",
            "rf.seizure.2",
        ),
        # hardly responding, eyes open only when shouted at
        ("Dad is scarcely responding tonight.", "confusion", "rf.confusion.2"),
        ("My husband only opens his eyes when we shout at him.", "confusion", "rf.confusion.2"),
        ("She's hardly responsive since lunchtime.", "confusion", "rf.confusion.2"),
        # the same things asked over and over today, no memory of getting home
        (
            "Mum keeps asking the same questions every few minutes since lunch.",
            "confusion",
            "rf.confusion.2",
        ),
        ("He's been repeating himself all morning and seems lost.", "confusion", "rf.confusion.2"),
        (
            "I can't remember getting home from the shops this afternoon.",
            "confusion",
            "rf.confusion.2",
        ),
        # saddle numbness told by the toilet seat or wiping
        (
            "Since this afternoon I can't really feel the loo seat when I sit down.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "My wife can't feel the toilet paper when she wipes since yesterday.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "I can't feel anything when I wipe since this morning.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        # half the field of sight gone
        (
            "Since lunch she can't see things on her right, keeps bumping into the doorway.",
            "stroke",
            "rf.stroke.4",
        ),
        ("I cannot see people to my left since I woke up.", "stroke", "rf.stroke.4"),
        ("He couldn't see anything on the left this afternoon.", "stroke", "rf.stroke.4"),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a sleep start, and a limb jerking that is negated or years old
        "My legs jerk when I'm falling asleep.",
        "Her arm twitches on its own as she drifts off to sleep, is that normal?",
        "My arm hasn't been jerking on its own since the new tablets.",
        "Years ago, as a teenager, I was 'away' for a minute and my arm was jerking; nothing "
        "since.",
        "I was away for a week and my hands were shaking from the cold.",
        # a date, an appointment or a form muddled: not confusion
        "Sorry, I got the dates muddled and came on the wrong day.",
        "My husband had the appointment time confused, can we rebook?",
        "I've got my forms muddled up, which one do I send back?",
        # hardly responding to a treatment or to messages
        "Her cancer is hardly responding to the chemo, what next?",
        "My sister is hardly responding to my texts since the funeral.",
        # the toilet seat felt, or numbness denied
        "I can feel the toilet seat fine, it's just my feet that are numb from chemo.",
        "No numbness down below, I can still feel the toilet seat normally.",
        # the side of a screen or a form, and an old field loss
        "I can't see anything on the left side of the screen when I log into the portal.",
        "I couldn't see anything on the right side of the form where it asks for insurance.",
        "After my stroke in 2015 I couldn't see things on my left, that's been the same for years.",
        # an apology for repeating oneself, memory trouble for months
        "Sorry for repeating myself all morning in these emails.",
        "I've been repeating myself for months, is it chemo brain?",
        # a red flag asked about as something that can happen, or a term asked about
        "Can a seizure happen with brain mets even if they're tiny?",
        "Could cauda equina develop from a spine met in the lower back?",
        "Does fever ever occur after the first dose?",
        "Could you help me understand what metastatic spinal cord compression is?",
        "I'd like to learn what status epilepticus is.",
        # a tingling, numb or itchy band round the chest: a nerve sensation, not chest pain
        "A numb band across my chest since Friday, doesn't hurt.",
        "There's an itchy band round my chest, no pain.",
        "Prickling band around his chest for a few days, he's on chemo.",
        # the clinicians' name for the episode: assessed
        "They told us the weakness in his right arm this week was a TIA, no damage on the scan.",
        "They said her confusion yesterday was a focal seizure and changed her tablets.",
        "They said my slurred words on Friday were a TIA, so I'm on aspirin now.",
        "They told me the blackout on Saturday was a simple faint.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "My legs jerk when I'm falling asleep, and this afternoon my whole body was jerking "
            "and I couldn't answer my husband.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "I got the date muddled, and since this morning Mum is very confused and doesn't "
            "know where she is.",
            "confusion",
            "rf.confusion.1",
        ),
        (
            "Her cancer is hardly responding to the chemo, and tonight she is barely rousable.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "I can't see anything on the left side of the screen, and since this morning I can't "
            "see anything on my left at all.",
            "stroke",
            "rf.stroke.4",
        ),
        (
            "Sorry for repeating myself in these emails. Since lunch Dad keeps asking the same "
            "question every few minutes.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Can cord compression happen this fast? My legs went numb an hour ago and I wet "
            "myself.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        ("Can a seizure happen with rib mets? I had one an hour ago.", "seizure", "rf.seizure.1"),
        (
            "I don't understand what this chest pain is, it started an hour ago.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "A tingling band round my chest, and now crushing pain in my chest since an hour ago.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "I've had a tight band around my chest since this morning.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "They said if it was a TIA I should come back. Her speech has been slurred since an "
            "hour ago.",
            "stroke",
            "rf.stroke.3",
        ),
        (
            "They said last month's episode was a TIA, but today her face is drooping again.",
            "stroke",
            "rf.stroke.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a nerve symptom or a rash spreading up a limb is not the cancer spreading
        "The tingling in my toes has spread to my ankles this month.",
        "Her pins and needles have been spreading up to her elbows since the last cycle.",
        "The rash on my hands has spread to my wrists.",
        # the cancer drug or medicine asked about is not the cancer
        "My feet swell, is it the cancer drug or my heart?",
        "Could it be the cancer medicine?",
        # MSCC denied
        "The MRI showed no MSCC.",
    ],
)
def test_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the cancer spreading beside a symptom that spreads
        "The numbness has spread to my knees and the scan says the cancer has spread to my liver.",
        "I'm scared the cancer has spread to my hips.",
        "My feet swell, is it the cancer?",
        # MSCC by its acronym, a result that came back as secondary
        "The doctor said it's MSCC.",
        "Is MSCC something that happens with bone mets?",
        "My biopsy came back as secondary breast cancer.",
        "I've been low since my diagnosis came back as secondary.",
    ],
)
def test_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons
