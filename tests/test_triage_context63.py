"""Wordings added in vocabulary 2026.11.72, from the errors of blind110-111 on first sight.

blind110 (patients in active treatment: chemotherapy, targeted drugs, radiotherapy, infusions) and
blind111 (short phone messages with abbreviations and typing slips, and a few long ones) were
written blind and scored once, unseen, on 2026.11.70 (0.987 / 1.000 / 1.000 and 0.972 / 0.952 /
1.000). Their misses: "gums bleeding loads & it wont stop, been pressing for 30 min" (an ampersand
for "and"); "vision went in my left eye suddenly abt 20 mins ago, just black" (the sight "went in"
an eye). Their tag errors: hiccups "on and off", hair "thinning", "had a tia", blood sugars high
on steroids, a period again after the menopause, and studies told by what they test ("studies
looking at adding a CDK4/6 drug"). Each class is tested in fresh wordings, both ways. This round
has no remover of a red flag.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.72; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 72)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # "&" for "and" between the bleeding and "won't stop"
        ("nose bleed since 8 & wont stop, pinched it the whole time", "bleeding", "rf.bleeding.1"),
        ("my port site is bleeding & it still won't stop", "bleeding", "rf.bleeding.1"),
        ("her gums r bleeding again & it wont slow down", "bleeding", "rf.bleeding.1"),
        # the sight "went in" one eye
        ("her sight went in her right eye an hour ago", "stroke", "rf.stroke.4"),
        ("my vision has gone completely in one eye since lunch", "stroke", "rf.stroke.4"),
        ("eyesight just went in my left eye at tea time, all black", "stroke", "rf.stroke.4"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a bleed with "&" and something else that will not stop
        "gums bleeding a bit & it wont stop hurting",
        "gums bled when brushing & I can't stop worrying about it",
        "blood test tomorrow & it wont stop raining, is parking free?",
        # the sight changed, not lost, or lost long ago
        "vision went blurry in my left eye after the eye drops",
        "vision went back to normal in my left eye after a few mins yesterday, seen by optician",
        "the vision in my left eye went years ago from glaucoma",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        (
            "hiccups off and on for a day now since the steroids",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        ("hiccups all day after the dex, is that normal", "symptoms", "tag.symptoms.other_body"),
        ("Mum has hiccups constantly since chemo", "symptoms", "tag.symptoms.other_body"),
        (
            "my hair has really thinned out on the anastrozole",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        ("noticing thinning hair on tamoxifen", "symptoms", "tag.symptoms.other_body"),
        ("hair is getting thinner and thinner on kisqali", "symptoms", "tag.symptoms.other_body"),
        (
            "mum had a mini-stroke last week, can she still have her infusion",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        (
            "I had a transient ischaemic attack on Friday, seen in A&E",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        (
            "he had a TIA at the weekend, is radiotherapy still on?",
            "symptoms",
            "tag.symptoms.neuro",
        ),
        (
            "on dex with the chemo and my blood sugars are running high",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        ("my BMs have been 22 since the steroids", "symptoms", "tag.symptoms.other_body"),
        ("glucose was 19.5 this morning on the steroids", "symptoms", "tag.symptoms.other_body"),
        (
            "I've had a bleed again after 3 years without periods, I'm on tamoxifen",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        (
            "heavy period again this week, none for 4 years, on tamoxifen",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        (
            "some bleeding after five years of nothing, is it the tamoxifen?",
            "symptoms",
            "tag.symptoms.other_body",
        ),
        (
            "are there any studies testing immunotherapy for triple negative?",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        (
            "is there a study looking into exercise during chemo I could join?",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
        (
            "I read about studies comparing two doses of Enhertu, can I get on one?",
            "clinical_trials",
            "tag.clinical_trials.study",
        ),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("had a few hiccups with the bill, can someone call me", "tag.symptoms.other_body"),
        ("can I use a thinning shampoo during radiotherapy?", "tag.symptoms.other_body"),
        ("Does Kisqali usually cause hair thinning? I start next week.", "tag.symptoms.other_body"),
        ("my daughter Tia will drive me to the infusion", "tag.symptoms.neuro"),
        ("mi tia tiene cancer de mama", "tag.symptoms.neuro"),
        (
            "my sugars have been 5-7, all fine, just a question about my diet",
            "tag.symptoms.other_body",
        ),
        ("what should blood sugars be on steroids?", "tag.symptoms.other_body"),
        ("will I ever have a period again after chemo?", "tag.symptoms.other_body"),
        ("studies show exercise lowers the risk, so I walk daily", "tag.clinical_trials.study"),
        (
            "my son is studying for his exams, can I move my appointment",
            "tag.clinical_trials.study",
        ),
    ],
)
def test_tags_not_found(message: str, rule: str) -> None:
    assert rule not in {r.rule for r in classify(message).reasons}
