"""Wordings added in vocabulary 2026.11.87, from the errors of blind140-141 on first sight.

blind140 (a realistic month in proportion) and blind141 (a fortnight, about half by relatives,
friends and carers), written blind, were scored once, unseen, on 2026.11.86 (0.985 / 0.952 /
0.976 and 0.962 / 0.927 / 0.905) and held out until this round. Their misses: a mother "is
confuse very sudden ... today she not know her own house" and "very confuse today, she not know
me"; "Haven't eaten or drunk anything since Friday, throwing up everything"; "I won't be a
burden to anyone much longer", followed by thanks for "everything the nurses did"; a wife
"wetting herself today and cant control it" with back pain. Their false alarms: short of breath
"doing the stairs" with Herceptin named for a heart scan; a faint "that was back in 2022";
seizures since childhood "(epilepsy, well controlled)"; a seizure, "spent two nights at
Providence"; "Nothing about wanting to die". Tag classes: "nearly collapsed laughing" and a
near-collapse after a charity walk "haha"; "triple negative more likely to come back"; a cancer
that "might be back"; a donation "to research in her name".
Each class is tested in fresh wordings, both ways; the removers with the writer's own red flag
told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.87; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 87)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # "confuse" for "confused" in second-language English
        ("My father he is confuse since this morning, very strange", "confusion", "rf.confusion.1"),
        ("Mama become very confuse today, please what we do", "confusion", "rf.confusion.1"),
        ("my husband so confuse tonight, he talk nonsense words", "confusion", "rf.confusion.1"),
        # "not know" without "does": the person does not know the writer or her own home
        ("Today my mother not know where she is, yesterday fine", "confusion", "rf.confusion.2"),
        ("since lunch he not know his own wife, please help", "confusion", "rf.confusion.2"),
        ("Grandma suddenly not know us this evening", "confusion", "rf.confusion.2"),
        # nothing drunk since a day, told first, with vomiting in the sentence
        (
            "Hasn't drunk anything since Saturday and keeps throwing up, it's Monday",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "I haven't eaten or drunk anything since Tuesday, vomiting all the time",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "She hasn't kept anything since yesterday, diarrhoea every hour",
            "dehydration",
            "rf.dehydration.1",
        ),
        # being a burden ended soon, told by the writer
        (
            "I won't be a burden on my family much longer, I've decided",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "She keeps saying she won't be a burden to us for much longer",
            "self_harm",
            "rf.self_harm.1",
        ),
        ("I wont be a burden for long, I've sorted everything out", "self_harm", "rf.self_harm.1"),
        # wetting oneself, in the present or progressive
        (
            "Dad keeps wetting himself since yesterday and his back is agony",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "I'm wetting myself and can't stop it, started this morning",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "Mum wets herself now without warning, new this week",
            "cord_compression",
            "rf.cord_compression.2",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


def test_burden_with_thanks_to_the_nurses_still_fires() -> None:
    """Thanks for "everything the nurses did" is gratitude, not an assessment of the flag."""
    message = (
        "I've put my papers in order. I won't be a burden to anyone much longer. Thank you for"
        " everything the nurses did for me."
    )
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # "confuse" as a verb, or about a form or a bill
        "The DVLA rules confuse me, can I drive after brain radiotherapy?",
        "I don't want to confuse her with too many leaflets",
        "I am very confuse about the bill, who do I call?",
        "The insurance letter is so confuse, can somebody explain it?",
        # "not know" of the writer, or of something that is not a person or a place
        "I not know where is the parking, please tell me",
        "my mother not know what to do about the insurance",
        # nothing drunk for a short time, or no vomiting
        "Haven't eaten or drunk anything since midnight for the scan, no nausea at all",
        "Hasn't drunk anything since this morning, threw up once, now sipping water fine",
        # not wanting to be a burden, or a burden lifted by help
        "I don't want to be a burden on my kids, can I get help at home?",
        "The drive won't be a burden much longer, we're moving closer to the clinic",
        # wetting oneself with a cough or a laugh
        "I'm wetting myself a little when I cough since the chemo, is that normal?",
        "Mum was wetting herself laughing at the grandkids",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # breathless "doing the stairs", an infusion drug named for something else
        "I get puffed doing the stairs lately. My Herceptin echo in October was normal.",
        "She gets out of breath doing the housework, she's on Enhertu. Any tips?",
        # a faint or a seizure dated years back by "that was ..."
        "Mum fainted when she got the diagnosis. That was back in 2019. Can she join a trial?",
        "He collapsed at the funeral, that was years ago. Is the scan still Thursday?",
        # seizures of a known epilepsy told as controlled
        "I've had seizures since my teens (epilepsy, well controlled). Can I get the flu jab?",
        "She has had seizures for years, epilepsy, controlled on Keppra. New cough this week.",
        # nights counted at a hospital
        "He had a seizure last Friday, spent three nights at Providence, now home and resting.",
        "Coughed up blood on Monday, spent two days in hospital, they stopped it. Home now.",
        # "nothing about" the thought itself
        "She's low but nothing about wanting to die, she told me so herself.",
        "He is anxious, nothing like suicidal thoughts, just can't sleep.",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "I'm short of breath doing nothing at all since my Herceptin infusion this afternoon",
        "That was back in 2022, but today she fainted again in the kitchen",
        "I fainted this morning at work. That was back in 2019 I had the surgery.",
        "I have epilepsy, well controlled, but I had a seizure this morning at work",
        "Spent two nights at Providence in October for a seizure, and tonight she had another one",
        "Nothing about this is easy and she keeps saying she wants to die",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I almost passed out laughing at the nurse's joke, lol. Can I move my appointment?",
        "Nearly died after the 5k fun run haha, anyway when is my next scan?",
        "My husband nearly collapsed laughing at the parking charges",
    ],
)
def test_joking_near_collapse_not_a_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags


def test_near_collapse_told_plainly_is_a_symptom() -> None:
    assert "symptoms" in classify("I nearly collapsed in the shower this morning").tags


@pytest.mark.parametrize(
    "message",
    [
        "Is lobular more likely to come back than ductal?",
        "Are HER2 types less likely to recur after Kadcyla?",
        "My sister worries my cancer might be back, I'm not sure",
        "The doctor said the tumour could have come back",
    ],
)
def test_recurrence_wordings(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Is triple negative more common in younger women?",
        "When will the cancer nurse be back from leave?",
    ],
)
def test_recurrence_counterparts(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "We'd like to send a gift to cancer research in Dad's memory",
        "How can I make a contribution towards your research in her name?",
    ],
)
def test_donation_not_a_trial(message: str) -> None:
    assert "clinical_trials" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I want to donate my body to research when I die",
        "Can I take part in your research on exercise?",
    ],
)
def test_research_participation_still_a_trial(message: str) -> None:
    assert "clinical_trials" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "My mother have cancer of breast in liver now, what we do?",
        "His wife cancer from breast is now in bones and lung",
        "cancer of breast gone to brain, the doctor say",
    ],
)
def test_breast_cancer_in_an_organ_without_articles(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "My sister had cancer of breast in 2015, should I be checked?",
        "Is cancer of breast in the family a reason for a bone scan?",
    ],
)
def test_breast_cancer_without_an_organ(message: str) -> None:
    assert "recurrence" not in classify(message).tags
