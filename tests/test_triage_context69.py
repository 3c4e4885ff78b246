"""Wordings added in vocabulary 2026.11.78, from the errors of blind122-123 on first sight.

blind122 (a realistic mix, short and long, from patients at every stage) and blind123 (a
realistic mix from rural Alaska and from older writers) were written blind and scored once,
unseen, on 2026.11.76 (0.985 / 0.976 / 1.000 and 0.977 / 0.975 / 0.975). Their misses: "she have
fiever 39 and she is in the chemo now" (fever misspelt by a second-language writer); "Every time
I drink it goes right through, can't keep anything" after watery diarrhoea for over a day (fluids
not kept, told without "down" or "me"). Their false alarm: a mother "a bit muddled in the
evenings this last week or two, comes and goes" (confusion coming and going over a week or two,
not sudden). Each class is tested in fresh wordings, both ways; the remover with the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.78; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 78)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # fever misspelt, with a reading over the line
        ("my father have fiever 38.9 since night, he take chemo", "fever", "rf.fever.1"),
        ("i got fievre 39 and on the taxol", "fever", "rf.fever.1"),
        ("she has feverr of 101 F and is on AC", "fever", "rf.fever.1"),
        # every drink going right through, or "can't keep anything" ending its clause
        (
            "diarrhoea since yesterday, each time she drinks it goes straight through",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "runs for two days now, whenever I sip water it goes right thru. On Xeloda",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Vomiting since Monday night and I can't keep anything. Very weak.",
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
        # a misspelt fever with a normal reading
        "she had fiever last week but it is 36.8 now, no chemo since March",
        "my fievre was 37.1 this morning",
        # going right through something else, keeping something in mind
        "every time I drink coffee it goes right through to my bladder, is that the letrozole?",
        "I can't keep anything from her, she reads my face like a book",
        "I can't keep anything on my calendar straight, so please email the time",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # confusion coming and going over a week or two, not sudden
        "Dad gets a little muddled in the afternoons this past week or two, then he's fine",
        "she's been confused at night for a week or two, comes and goes, is it her tablets?",
        "this last couple of weeks mum is muddled sometimes, mostly in the evenings",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own confusion told as sudden or of today
        "my mother is on chemo and since this afternoon she is suddenly muddled",
        "she's been muddled in the evenings this last week or two, today she is much more confused",
        "Mum is confused today, she is on chemo",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        ("the nipple has turned black on the left side", "symptoms", "tag.symptoms.other_body"),
        ("her nipple looks dusky since the surgery", "symptoms", "tag.symptoms.other_body"),
        ("my scar feels very hard and bumpy now", "symptoms", "tag.symptoms.other_body"),
        ("the incision is getting thick and knotty", "symptoms", "tag.symptoms.other_body"),
        ("My heart's been pounding all evening", "symptoms", "tag.symptoms.other_body"),
        ("his heart has been fluttering since the infusion", "symptoms", "tag.symptoms.other_body"),
        ("mum's heart has been skipping on and off today", "symptoms", "tag.symptoms.other_body"),
        ("she hasn't had a decent poo for a week", "symptoms", "tag.symptoms.digestive"),
        ("haven't passed a normal stool in 4 days", "symptoms", "tag.symptoms.digestive"),
        ("he hasn't had a proper bm for three days", "symptoms", "tag.symptoms.digestive"),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("the scar is hard to see now", "symptoms"),
        ("my hair has gone dark again after chemo", "symptoms"),
        ("my heart's set on the trip in June", "symptoms"),
        ("I had a proper bowel movement today", "symptoms"),
        ("my nipple has not gone dark at all", "symptoms"),
        ("the scar hasn't gone lumpy, it is flat", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons
