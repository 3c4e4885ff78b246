"""Wordings added in vocabulary 2026.11.75, from the errors of blind116-117 on first sight.

blind116 (a realistic month of enquiries in proportion) and blind117 (a realistic fortnight, about
half written by relatives, friends and carers) were written blind and scored once, unseen, on
2026.11.74 (0.995 / 0.951 / 1.000 and 0.993 / 0.951 / 1.000). Their misses: a faint four days ago
that the father "said was the heat and refused to see anyone about" (his own reading, no
clinician's); breathless "even sitting in a chair" since yesterday, when "they drained fluid off
my lung in May" (May, the month, was not read as a date); "I couldn't feel that I needed to go
(bowels)"; "last night I stood on the bridge for a long time. I didn't do it. I'm scared of
myself." Their tag errors: bowels not opened "in 6 days", "blood in my wee", hot flushes that
"have settled". Each class is tested in fresh wordings, both ways; the one remover (a finding
dated in May) with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.75; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 75)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # the person's own reading, and no one let see it (ctx.assessed.refused)
        (
            "Mum fainted in the garden two days ago. She said it was the sun and won't see a "
            "doctor about it.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My husband blacked out on Tuesday, he says it was nothing and refuses to let anyone "
            "look at him",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "I passed out at work yesterday - I think it was low sugar and I didn't want to see "
            "anyone about it.",
            "collapse",
            "rf.collapse.1",
        ),
        # an assessment dated in May (the month) does not cover a finding of today
        (
            "My breathing is awful, breathless sitting still since last night. They put a drain "
            "in my chest in May.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "Mum collapsed in the kitchen yesterday. They drained her lung back in May.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "I've been short of breath at rest since this morning; I was admitted in May with a "
            "clot.",
            "breathing",
            "rf.breathing.1",
        ),
        # the urge to open the bowels or the bladder not felt, "that" or "if" for "when"
        (
            "Twice today I couldn't feel that I needed to go and had an accident",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "Mum doesn't sense if she needs to wee any more, since yesterday",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        ("He can't tell that he needs to poo.", "cord_compression", "rf.cord_compression.2"),
        # a long time at a drop, in a message of distress or of the act not done
        (
            "She sat on the edge of the cliff for ages yesterday. She says she didn't jump.",
            "self_harm",
            "rf.self_harm.5",
        ),
        (
            "Sat at the railway tracks for an hour on Sunday. I am frightened of what I might do.",
            "self_harm",
            "rf.self_harm.5",
        ),
        (
            "I keep standing on the roof of the car park for a long time at night, I'm scared "
            "of myself",
            "self_harm",
            "rf.self_harm.5",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a clinician saw it, and the refusal is of anyone else, or came before the visit
        "Dad fainted yesterday. The GP came out and said it was the heat; he refused to see "
        "anyone else.",
        "He refused to see anyone about it at first, but the GP came out yesterday after he "
        "fainted and said it was a faint from the heat.",
        # a place to go, not the urge
        "I didn't know if I needed to go in for bloods before chemo",
        "I can't tell if I need to go to the appointment tomorrow or not",
        # a view enjoyed, a wait, or long ago
        "We stood on the bridge for a long time watching the fireworks, it was lovely",
        "I stood on the bridge for ages waiting for my lift; I didn't do the hike in the end.",
        "Twenty years ago I stood on the bridge for a long time. I didn't do it, and I'm glad.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a red flag dated in May, the month, is months back
        "I fainted in May at my daughter's wedding, just wondering if I should mention it.",
        "Mum had a seizure back in May, is she OK to fly at Christmas?",
        "I coughed up some blood last May, should I tell the surgeon?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag, told as now
        "I fainted this morning.",
        "Mum had a seizure an hour ago, she may need help",
        "I coughed up blood today, you may want to call me",
        "I fainted today and I may be anaemic again",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        ("Mum hasn't moved her bowels for five days", "symptoms", "tag.symptoms.digestive"),
        (
            "I haven't had a poo for 4 days on the new painkillers",
            "symptoms",
            "tag.symptoms.digestive",
        ),
        ("He has not had a bowel movement in a week", "symptoms", "tag.symptoms.digestive"),
        ("There was blood in her wee this morning", "symptoms", "tag.symptoms.other_body"),
        ("a bit of blood when I wee since Monday", "symptoms", "tag.symptoms.other_body"),
        ("his urine has been pink, is that the chemo?", "symptoms", "tag.symptoms.other_body"),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("My bowels open every day, no problem. When is my next scan?", "symptoms"),
        ("Can I get my urine test results?", "symptoms"),
        ("The nurse took blood and a urine sample, when are results back?", "symptoms"),
        # hot flushes told as settled
        (
            "My night sweats have finally stopped. Can I get a repeat prescription?",
            "symptoms",
        ),
        ("The hot flashes she had on tamoxifen have calmed down now, thank you.", "symptoms"),
        ("Her hot flushes have gone away, thanks. Is her appointment still Monday?", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The hot flushes have settled a bit but I still wake up soaked every night",
        "My hot flushes have gone worse since the switch",
    ],
)
def test_hot_flushes_not_settled_still_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons
