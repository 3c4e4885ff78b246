"""Wordings added in vocabulary 2026.11.84, from the errors of blind134-135 on first sight.

blind134 and blind135 (realistic mixes from patients and the people writing for them, some in
second-language English or lay dialect) were written blind and scored once, unseen, on 2026.11.82
(0.977 / 0.905 / 0.950 and 0.990 / 0.902 / 0.974). Their misses: a nosebleed "still going through
towels"; "thermometer say 39" (the verb without -s); a fever "On anastrozole only (never had
chemo)"; "I don't plan on being around for the next scan" after the affairs put in order; "throat
getting tight ... after the new IV drug"; "cannot feel her legs from the waist down"; "arm and face
is swole up ... i puff getting out of bed"; "found grandma on the kitchen floor ..., she came
round". Their false alarms: "Coughing up blood was one of the symptoms in the article"; "the part of
the article about suicidal thoughts"; confusion "on and off for a month, slowly getting worse". Each
class is tested in fresh wordings, both ways; the removers with the writer's own red flag told as
now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.84; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 84)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # towels still being gone through, the bleeding named
        (
            "Her nose is bleeding since 5, we pinched it, still going through tissues",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "The port site is bleeding and it keeps soaking through dressings",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "my nosebleed wont settle, still getting through the kitchen roll",
            "bleeding",
            "rf.bleeding.2",
        ),
        # the thermometer verb without -s
        ("my mother do chemo, thermometer say 38.6 since morning", "fever", "rf.fever.1"),
        ("He is on chemo. Last night thermometer show 39.2 and he shiver", "fever", "rf.fever.1"),
        ("On Ibrance, thermometer saying 101.3 this evening", "fever", "rf.fever.1"),
        # affairs in order and no plan to be there
        (
            "I've put my affairs in order. I don't plan on being around for Christmas.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "Sorted my affairs this month. Im not planning on being here by then.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "Got all my affairs in order and I do not expect to be around much longer.",
            "self_harm",
            "rf.self_harm.4",
        ),
        # a drug into a vein named by the route, then the throat or lips swelling
        (
            "My lips are swelling up after the IV antibody this morning",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "throat feels tight since the IV dose at noon",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "Got my new IV drugs today and now my tongue is swelling",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        # the legs named, then the level
        (
            "Dad can't feel his legs from the waist down since lunch",
            "cord_compression",
            "rf.cord_compression.5",
        ),
        (
            "I cannot feel my legs below my belly button tonight",
            "cord_compression",
            "rf.cord_compression.5",
        ),
        (
            "she couldnt feel her feet from the hips down this morning",
            "cord_compression",
            "rf.cord_compression.5",
        ),
        # swole up (lay) with puffing at an exertion
        ("his face and neck are swole up and he puffs walking to the bathroom", "svc", "rf.svc.1"),
        ("Arm all swole since Tuesday and I pant getting dressed", "svc", "rf.svc.1"),
        ("Mom face got swole up, she puff just talking", "svc", "rf.svc.1"),
        # on a cancer drug now, told at a sentence start, beside "never had chemo"
        ("On letrozole only, never had chemo. Temp 38.4 since this morning", "fever", "rf.fever.1"),
        (
            "On tamoxifen alone, no chemo ever. Fever of 101 tonight with chills",
            "fever",
            "rf.fever.1",
        ),
        ("Hi. On Kisqali now (never had chemo). My temp is 38.7", "fever", "rf.fever.1"),
        # found on the floor, then came round
        (
            "Found Dad on the bathroom floor this morning, he came to after a minute",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "we found mum lying on the kitchen floor at 6, she came around slowly",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My son found me on the floor tonight and I only came round when he shouted",
            "collapse",
            "rf.collapse.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # towels gone through without "still", or not bleeding
        "We went through towels at the beach, I'm on chemo, any tips for sunburn?",
        # the thermometer's number below the threshold, or treatment long ended
        "thermometer say 37.2, she do chemo, is it ok?",
        # not being around told as travel, with no affairs put in order
        "I don't plan on being around for the next scan, I'm in Florida. Please move it.",
        # an IV line for fluids, a swelling weeks after
        "They gave me IV fluids for dehydration; my legs are a bit puffy.",
        # feet numb from chemo, no level
        "I can't feel my feet properly since taxol, it's the neuropathy",
        # swole after surgery with no breathlessness
        "My arm is swole up since the node surgery, no breathing problems",
        # the drug dated back, or the writer never treated
        "On tamoxifen until last year, never had chemo. Temp 38.5 with a cold",
        "On letrozole in 2015, finished it years ago, no treatment since. Temp 38.3 today",
        # found on the floor playing, came round to an idea
        "I found the kids on the floor playing and Dad came round for dinner",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a finding named as one of the symptoms an article lists
        "Chest pain was one of the signs in the leaflet. Should I know anything else about it?",
        "Seizures are one of the symptoms listed on your website, are they common with brain mets?",
        # the part of an article about a topic
        "I liked the section of your newsletter about suicidal thoughts and the 988 line.",
        "Thank you for the part of the booklet on coughing up blood.",
        # confusion that came on slowly, worse over weeks
        "Dad has been muddled on and off for weeks, gradually getting worse, GP has referred him.",
        "Her confusion is slowly getting worse over the month, the memory clinic sees her.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "Coughing up blood was one of the symptoms in the article. I coughed up blood an hour ago",
        "I read the part of the article about suicidal thoughts. I want to end my life tonight.",
        "She's slowly getting worse for a month but since this morning she's suddenly confused",
        "My mum is confused today and doesn't know where she is",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
