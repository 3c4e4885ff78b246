"""Wordings added in vocabulary 2026.11.93, from the errors of blind152-153 on first sight.

blind152 (a realistic month in proportion) and blind153 (a fortnight, about half written by
relatives, friends and carers), written blind, were scored once, unseen, on 2026.11.92: 0.971 /
1.000 (40/40) / 0.870 (40/46) and 0.995 / 0.927 (38/41) / 0.974 (38/39). Their misses: "is it ok
to take ibuprofen for a fever of 38.3? on xeloda" (b153-026); a neighbour whose legs "feel like
jelly" and who "had an accident on the way to the toilet" (b153-051); "Is it normal to feel tight
in the throat and have itchy lips? ... my infusion finished 20 minutes ago" (b153-118). Their
false alarms: "her 'blue lips' are just her new lipstick shade" (b152-001); "The article you
posted lists chest pain, seizures and coughing up blood as emergencies" (b152-010); a husband who
fainted beside the writer at her port fitting (b152-030, left); "Can brain mets cause seizures?
My friend's mom had one" (b152-100); "Coughing up blood is on your list of emergencies" (b152-116);
"I'll have a seizure if I see the bill one more time" (b152-151); "she'd faint when she saw the
bill" (b153-043). Tag classes: "in the past month" read as remote history (b152-106), twitching
muscles and legs that jump at night (b152-088). Each class is tested in fresh wordings, both
ways; the removers with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.93; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 93)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # an accident told by the way to the toilet
        (
            "Mum had an accident on the way to the bathroom this morning, never happened before",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "I had two accidents before I could get to the toilet today and my back aches",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "He's having accidents on the way to the loo since yesterday",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        # the throat tight or swollen after an infusion, asked minutes after it
        (
            "Is it normal to have tightness in my throat after Herceptin? My infusion finished"
            " 10 minutes ago",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "Feeling tight in the throat since my Taxol infusion this afternoon",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "Why is there swelling in her throat? Her infusion ended about an hour ago",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "Is it normal to get swollen lips after the drip? I'm writing from the waiting room",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        # a medicine asked about for a fever given with its reading
        ("Is it safe to take Tylenol for a fever of 101.5? I'm on Enhertu", "fever", "rf.fever.1"),
        (
            "is it ok to give mum paracetamol for her temp of 38.6, she had chemo on Monday",
            "fever",
            "rf.fever.1",
        ),
        ("Is it okay to use ibuprofen for my fever of 38.4 on Ibrance?", "fever", "rf.fever.1"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # an accident on the way to somewhere else
        "I had an accident on the way to the clinic, just a fender bender, can I reschedule?",
        "She had a little accident on the way to the hospital car park, the car is fine",
        # throat tightness with no infusion, or one weeks ago, or asked ahead
        "A tight feeling in my throat when I cry about all this, is that anxiety?",
        "My last infusion was three weeks ago and now there's tightness in my throat when I talk",
        "Is it normal to feel tight in the throat after an infusion? I start next month",
        # a medicine for a fever with no reading, or the threshold asked about
        "Is it ok to take ibuprofen for a fever on Xeloda?",
        "Is it ok to take Tylenol for a fever of 38 or more, or should I call first?",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a faint or a seizure promised as a joke for when the bill is seen
        "Mum says she'll pass out when she sees the parking charges, who do we ask?",
        "I'll probably faint when I open the statement, can you explain the codes?",
        "He'd have a seizure if he saw the price of this drug lol. Is there a copay card?",
        # the red flags a text the clinic posted lists, or the clinic's list of emergencies
        "The leaflet you sent me lists fever and chest pain as reasons to call. Same for rads?",
        "The handout the clinic gave us names seizures and confusion as emergencies. For everyone?",
        "Chest pain is on your list of red flags. Does heartburn count?",
        "Coughing up blood is on the list of emergencies you gave me. Does a nosebleed count?",
        # the blue lips that are lipstick
        "Her 'purple lips' are just her lipstick, she's fine, just booking a scan",
        "My blue lips are from my new lip stain, the nurse asked about it",
        "Mum's blue lips are only her winter lipstick lol. When is her next appointment?",
        # a seizure someone else's relative had, told after the question
        "Can tamoxifen cause seizures? My neighbour's mum had one yesterday and she's on it too",
        "Do brain mets cause seizures? My coworker's mom just had one",
        "Can Kisqali cause seizures? Her friend's dad had one on it",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag told as now beside the same words
        ("I fainted when I saw the bill this morning and hit my head", "collapse"),
        ("She had a seizure an hour ago when she opened the invoice, she's drowsy now", "seizure"),
        (
            "The article you posted lists chest pain as an emergency, and I've had chest pain"
            " since this morning",
            "chest_pain",
        ),
        (
            "Coughing up blood is on your list of emergencies. I coughed up blood an hour ago",
            "haemoptysis",
        ),
        ("Her lips are blue, it's not her lipstick, and she can't get her breath", "breathing"),
        ("My blue lips aren't lipstick, they went blue at lunch and I'm breathless", "breathing"),
        ("Can brain mets cause seizures? My mom had one an hour ago", "seizure"),
        ("Is it normal to have a seizure on Enhertu? I had one about an hour ago", "seizure"),
    ],
)
def test_red_flags_told_as_now_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        # "in the past month / few weeks" is weeks ago, not history
        ("I've had drenching night sweats in the past few weeks", "symptoms"),
        ("I've lost 5 kg in the past two months without trying", "symptoms"),
        ("My appetite has gone in the past month, I can't eat much", "symptoms"),
        # twitching muscles, legs that jump at night
        ("Twitchy muscles in my thighs since the new tablets", "symptoms"),
        ("Her legs keep jumping at night since she started the pills", "symptoms"),
        ("twitching calves every evening this week", "symptoms"),
    ],
)
def test_tags_found(message: str, tag: str) -> None:
    assert tag in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("I had shingles in the past, years ago. Can I have the vaccine?", "symptoms"),
        ("I'm twitching to get back to the gym after surgery", "symptoms"),
        ("The kids' legs were jumping on the trampoline all afternoon", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a red flag in the past month is weeks ago: a symptom, not an emergency
        "I fainted once in the past month, the GP checked me, fine since",
        "She coughed up a bit of blood in the past few weeks, none lately",
        # history told as "in the past" still counts for nothing urgent
        "In the past I had a seizure, years ago, when I was pregnant",
    ],
)
def test_past_month_is_not_now(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
