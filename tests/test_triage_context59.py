"""Wordings added in vocabulary 2026.11.68, from the errors of blind100-103 on first sight.

blind100 (a realistic month in proportion), blind101 (a realistic fortnight, about half written by
someone other than the patient), blind102 (short and long messages from patients at every stage)
and blind103 (writers of many backgrounds and levels of English) were written blind and scored
once, unseen, on 2026.11.67 (0.959 / 0.976 / 1.000, 0.981 / 0.951 / 1.000, 0.986 / 0.976 / 0.976
and 0.982 / 0.976 / 1.000). Their misses: a fever on Ibrance after radiation ended in March ("but
is on Ibrance now"); a friend who "has taken all her sleeping tablets"; a seizure in 2019 and
"But tonight I had another one"; "my left leg and arm wont work properly"; "head hurt very very
bad" with vomiting. Their false alarm: a seizure "about two weeks ago - bit my tongue and woke up
confused". Each class is tested in fresh wordings, both ways; each remover beside the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.68; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 68)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # on treatment now, told without a subject after an older course that ended
        (
            "Dad finished chemo in January and is on Kisqali now, temp of 38.6 tonight.",
            "fever",
            "rf.fever.1",
        ),
        (
            "She completed radiotherapy back in April but is still taking letrozole. Temp 38.4.",
            "fever",
            "rf.fever.1",
        ),
        (
            "My wife stopped chemo in February and is currently on Enhertu; she has shaking "
            "chills this evening.",
            "fever",
            "rf.fever.2",
        ),
        # all of a sleeping medicine taken
        (
            "My sister just rang, she's swallowed all her sleeping pills.",
            "self_harm",
            "rf.self_harm.1",
        ),
        ("I have taken all of my zopiclone.", "self_harm", "rf.self_harm.1"),
        (
            "Mum took every one of her sleep tablets tonight and now she's very drowsy.",
            "self_harm",
            "rf.self_harm.1",
        ),
        # an old red flag, and "another one" in a sentence opened by "But"
        (
            "He had a fit years ago after the surgery. But this morning he had another one.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "I fainted once in 2021, it was nothing. But today I had another episode at work.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "She had a seizure as a child from a fever. However tonight she had another one.",
            "seizure",
            "rf.seizure.1",
        ),
        # an arm and a leg of one side that "wont work" / "don't work"
        ("Her right arm and leg dont work since lunch.", "stroke", "rf.stroke.2"),
        ("his left leg and hand will not work, started an hour ago", "stroke", "rf.stroke.2"),
        ("My right arm and leg aren't working properly since I woke up.", "stroke", "rf.stroke.2"),
        # the head "hurt" / "pain" with intensifiers, and vomiting
        ("Her head hurt so much today and she vomited twice.", "headache", "rf.headache.1"),
        (
            "My head pain very bad since yesterday and I am throwing up.",
            "headache",
            "rf.headache.1",
        ),
        ("head ache really bad, been sick 3 times tonight", "headache", "rf.headache.1"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- counterparts that must not change ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # treatment ended long ago, not on anything now
        "She finished chemo in March and is not on anything now, temp 38.5.",
        "I finished radiation in February and was on tamoxifen last year; fever of 38.3 today.",
        # sleeping tablets taken as prescribed, or run out
        "I took all my sleeping pills and need a repeat prescription.",
        "She hasn't taken all her sleeping tablets, she only takes one at night.",
        "She has taken all her sleeping tablets as prescribed and still can't sleep.",
        # an old red flag and "again" opening a complaint of its own, or only a question
        "I fainted two weeks ago, the paramedics checked me and all was fine. But now again I "
        "feel lightheaded when I stand.",
        "I had a seizure back in 2018. But will I have another one?",
        # one-sided weakness told as old or negated
        "His left arm and leg have been weak since his stroke in 2015.",
        "Her right arm and leg don't feel weak, just tired.",
        # a painful head without vomiting, or vomiting years ago
        "My head hurt very bad after the dentist, no vomiting.",
        # a red flag dated weeks ago, told in details after a dash
        "I had a seizure about three weeks ago - woke up confused and sore. Nothing since.",
        "She collapsed about a month ago - was confused for an hour after. Fine since.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "I fainted two weeks ago and was checked. But now again I fainted in the shower.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "I had a seizure about three weeks ago - and today I had another one.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "She collapsed a month ago - and this morning she is suddenly very confused.",
            "confusion",
            "rf.confusion.1",
        ),
        (
            "I took all my sleeping pills and need a repeat, but I am thinking of ending my life.",
            "self_harm",
            "rf.self_harm.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)
