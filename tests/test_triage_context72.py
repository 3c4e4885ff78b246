"""Wordings added in vocabulary 2026.11.81, from the errors of blind128-129 on first sight.

blind128 (a realistic month in proportion) and blind129 (a fortnight, about half written by
relatives, friends and carers) were written blind and scored once, unseen, on 2026.11.80
(0.975 / 0.875 / 0.921 and 0.953 / 0.975 / 0.929). Their misses: "I nearly blacked out in the
shower yesterday and did end up on the floor" (a near-faint that ended on the floor); "I'm not
going to be here much longer, I've decided" (a goodbye told as a decision); "very hot 39 degree
and shaking" (a Celsius reading without the C); "she just went grey and dropped" (a collapse
told by its colour); "nosebleed since 4 oclock, its 7 now" (the hour typed without its
apostrophe); "bak pain ... numbnes in both legs" (a slip of "back"). Their false alarms: "If
someone had a bad headache and was throwing up, is that an emergency" (anyone posed as having
the symptom); "Chest pain is on the article's red flag list", "The chest pain in the article
section" (a symptom named as an item of a text); "Your portal is giving me chest pains lol" (a
joke about the website); "she just collapsed in tears" (an emotion). A tag error: "whether my
tumour markers came back" (a result returned, not the cancer). Each class is tested in fresh
wordings, both ways; the removers with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.81; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 81)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a faint or near-faint that ended with the person on the floor
        (
            "almost blacked out at the shops and did end up on the floor",
            "collapse",
            "rf.collapse.2",
        ),
        (
            "mum almost fainted this morning and wound up on the bathroom floor",
            "collapse",
            "rf.collapse.2",
        ),
        (
            "nearly passed out on the stairs and found myself on the floor",
            "collapse",
            "rf.collapse.2",
        ),
        # a person who went grey or white and dropped
        ("dad turned white and just collapsed at the table", "collapse", "rf.collapse.1"),
        ("my wife went all pale and crumpled in the hallway", "collapse", "rf.collapse.1"),
        ("she went grey then slumped in her chair", "collapse", "rf.collapse.1"),
        # a goodbye told as the writer's own decision
        ("I won't be around much longer. I've made up my mind.", "self_harm", "rf.self_harm.4"),
        (
            "Im not going to be here much longer, I have decided, and I'm at peace",
            "self_harm",
            "rf.self_harm.4",
        ),
        ("I will not be here much longer. I've made my decision.", "self_harm", "rf.self_harm.4"),
        # a Celsius reading with "degree" but no C, told with hot
        ("my husband is so hot, 38.7 degrees, shivering, on chemo", "fever", "rf.fever.1"),
        ("mama is very hot 40 degree, she had chemo tuesday", "fever", "rf.fever.1"),
        ("he is burning up hot 39.2 deg, on taxol", "fever", "rf.fever.1"),
        # the hour typed without its apostrophe, the later one told as now
        ("nose bleeding since 2 oclock and its 4 now, still going", "bleeding", "rf.bleeding.1"),
        ("bleeding from my gums since 9 o clock its 11 now", "bleeding", "rf.bleeding.1"),
        ("nosebleed from 6 oclock, it is now 8, cant stop it", "bleeding", "rf.bleeding.1"),
        # "bak" for "back" with the legs going numb or weak
        ("bad bak pain and both legs gone numb since this morning", "cord_compression", None),
        ("new bak pain, legs weak, cant walk properly, bone mets", "cord_compression", None),
        ("bak pain worse and numbness in both legs today", "cord_compression", None),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str | None) -> None:
    assert_flagged(message, flag)
    if rule is not None:
        assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a trip or play that ended on the floor, a near-faint alone
        "I tripped over the cat and ended up on the floor",
        "we ended up on the floor playing with the grandkids",
        "I nearly fainted at the size of the bill",
        # grey hair, a phone that dropped
        "my hair went grey and dropped out in clumps after chemo",
        # "I won't be here" with another decision or a prognosis
        "I won't be here for the scan on the 12th, I've decided to stay with my daughter",
        "I'm not going to be here much longer, the hospice nurse says weeks. Can my sister call?",
        # hot weather, a normal reading
        "it's so hot, 39 degrees here in the sun today, can I still do radiation?",
        "she feels hot but it's 37 degree on the thermometer",
        # a bleed that stopped
        "had a nosebleed from 4 oclock yesterday, it stopped after 10 minutes",
        # a back slip without the legs
        "bak pain after gardening, no numbness, legs fine",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # anyone posed as having the symptom
        "If someone has chest pain on chemo, should they ring you or 911?",
        "if a patient gets a fever of 38.5 after chemo, what happens?",
        "If anybody was coughing up blood, would that be urgent?",
        # a symptom named as an item of a text
        "Chest pain is on the leaflet's red flag list - does that apply after radiation?",
        "Is the chest pain in the booklet about the heart or the lungs? I've had none.",
        "chest tightness was listed in the article, what causes it?",
        # a joke about the website or the paperwork
        "this website is giving me chest pains, where do I upload the form",
        "Your billing is giving me chest pains haha, can someone call about the invoice",
        # emotion, not a faint
        "Dad collapsed into sobs when the surgeon told him",
        "we all collapsed with laughter at the wig",
        "she collapsed in floods of tears after the scan result",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a named person with the symptom now, beside the hypothetical
        "If someone had chest pain what should they do? My husband has chest pain right now.",
        "if anyone could call me back, my mum has a bad headache and is throwing up",
        # the writer's own chest pain beside the text, or a real pain from treatment
        "I have chest pain since this morning, like the one the article mentions",
        "my chemo is giving me chest pains tonight",
        # a collapse and then tears
        "she collapsed in the car park and now she is crying and confused",
        "Mum collapsed, then burst into tears, she's very pale",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "have my tumour markers come back yet?",
        "Just checking whether the CA 15-3 marker results have come back",
        "My tumor markers came back, can someone explain them?",
    ],
)
def test_markers_returned_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "the cancer came back last year and my markers came back up this month",
        "I'm worried it has come back, my tumour markers came back high",
    ],
)
def test_recurrence_still_tagged_beside_markers(message: str) -> None:
    assert "recurrence" in classify(message).tags
