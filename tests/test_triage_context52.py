"""Wordings added in vocabulary 2026.11.61, from the errors of blind78 and blind79 on first sight.

blind78 (an ordinary fortnight from writers each invented first, in proportion) and blind79 (the
red flags told as they really happen at home, by partners and adult children describing what they
see and patients in their own words, with near misses beside them) were written blind and scored
once, unseen, on 2026.11.60 (0.987 / 0.976 / 1.000 and 0.981 / 1.000 / 0.930). Their miss: "Since
they told me it's back, I've been cutting myself again" (the news of the cancer read as an
assessment of the self-harm). Their false alarms: "I'm not in danger, I just feel like I'm
drowning" (a figure of speech, danger denied); "Haven't peed since 8 this morning and it's 2pm"
(six hours, under the README's 12); "I don't know her real name" of someone else (a name the
writer lacks, not a person failing to recognise). With them, a recall bug older than these sets:
"We called 911 but the paramedics haven't arrived yet" read as an assessment. Each class is
tested in fresh wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.61; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 61)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # an ambulance called and not yet come is not an assessment (ctx.assessed)
        (
            "I collapsed an hour ago. We called 911 but the paramedics haven't arrived yet.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My husband collapsed an hour ago. We called 999 but the paramedics haven't arrived "
            "yet.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My mum collapsed twenty minutes ago, we rang for an ambulance and it still hasn't "
            "come.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "The ambulance still hasn't arrived, my wife collapsed 40 minutes ago.",
            "collapse",
            "rf.collapse.1",
        ),
        ("Dad collapsed, the ambulance is yet to arrive.", "collapse", "rf.collapse.1"),
        (
            "He collapsed in the kitchen, we called 911 and the paramedics are on their way.",
            "collapse",
            "rf.collapse.1",
        ),
        # the news of the cancer after "told me" / "said" is not an assessment of the self-harm
        (
            "Ever since they told me it's spread I've been cutting my arms again, I did it again "
            "tonight.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "The nurse told me it was back last week and I've started burning myself again, I "
            "can't stop.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "They said it's come back. I've been hurting myself again since, last night I cut "
            "deep.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "My oncologist said that it has spread and now I keep cutting myself, I'm not "
            "suicidal but I can't stop.",
            "self_harm",
            "rf.self_harm.1",
        ),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a crew that came and checked is still an assessment
        "My husband collapsed an hour ago. The paramedics came and checked him, said he's fine.",
        "She collapsed earlier, the paramedics arrived and checked her over and said she's fine.",
        "Mum collapsed at lunchtime, the paramedics took her to the ER and she was discharged.",
        # a self-harm wound assessed, and old self-harm, with the news of the cancer beside them
        "I cut my arm last night and went to the ER, they said it was fine and glued it.",
        "I cut myself last night, the nurse told me it's superficial and dressed it.",
        "They told me it's back. Years ago I used to cut myself but I haven't since my twenties.",
        # drowning as a feeling, danger denied, or drowning in grief
        "I'm not in any danger, it just feels like I'm drowning since the diagnosis.",
        "I'm safe, I just feel like I'm drowning with all of it. Could a nurse ring me?",
        "Since the results I feel like I'm drowning in grief and can't get out of bed.",
        "I feel like I'm drowning emotionally, please can someone talk to me.",
        # no urine since a morning hour, an afternoon hour now: under 12 hours
        "I haven't had a wee since 9am and it's now 3pm, is that normal after chemo?",
        "Mum hasn't passed urine since 10 this morning, it's 4pm now.",
        "He hasn't peed since 6am and it's only noon.",
        # the writer lacks a name or a number: not a person failing to recognise
        "A lady from my chemo group rang me upset, I don't know her surname or address, can you "
        "pass a message on?",
        "My neighbour helped me to the car, I don't know his number to thank him.",
        "I don't know her that well but she's in my class at the wellness centre.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "I'm not in danger, I just feel like I'm drowning. But I'm so breathless I can't "
            "finish a sentence.",
            "breathing",
            "rf.breathing.3",
        ),
        ("I feel like I'm drowning, I can't get any air in.", "breathing", "rf.breathing.1"),
        (
            "I'm not in danger but I feel like I'm drowning in my own fluid, I can't breathe "
            "lying down.",
            "breathing",
            "rf.breathing.1",
        ),
        ("Haven't peed since 8 this morning and it's 11pm now.", "dehydration", "rf.dehydration.2"),
        ("Hasn't peed since 7am yesterday and it's 2pm.", "dehydration", "rf.dehydration.2"),
        ("Haven't peed since 8 last night and it's 2pm.", "dehydration", "rf.dehydration.2"),
        (
            "Haven't peed since 8 this morning and it's 2pm, and I've been throwing up all night "
            "and haven't kept anything down since yesterday morning.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Mum doesn't know me this evening and keeps asking where she is.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "She didn't know my name when I came in tonight, she's usually sharp as anything.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Mum didn't know her own address when the nurse asked this morning.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "She fainted and hit her head, the ambulance hasn't got here yet and she is still "
            "confused.",
            "collapse",
            "rf.collapse.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)
