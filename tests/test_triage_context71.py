"""Wordings added in vocabulary 2026.11.80, from the errors of blind126-127 on first sight.

blind126 (a realistic mix from patients in active treatment, some writing in a second language)
and blind127 (a realistic mix, a third of them short phone messages) were written blind and
scored once, unseen, on 2026.11.78 (0.993 / 0.952 / 0.976 and 0.982 / 0.976 / 0.976). Their
misses: "she is very confuse, she not recognise me, she speak strange things" (sudden confusion
in second-language English); "pain in the chest when I walk and also when I am stopped. My
doctor here gave me the pills Kisqali" (a cancer medicine given, read as an assessment);
"sudden weakness right arm and leg" (one-sided weakness without "in my"). Their false alarms:
"went faint in the shower but didn't actually pass out" (a near-faint, the faint denied) and
"I start chemo next week. Is a fever dangerous when you're on it?" (a question about a fever,
not one had). Each class is tested in fresh wordings, both ways; the removers with the writer's
own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.80; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 80)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a person who does not recognise the writer, or speaks strange things
        ("mum suddenly does not recognise us this evening", "confusion", "rf.confusion.2"),
        ("since lunch dad not recognise me, he is on chemo", "confusion", "rf.confusion.2"),
        (
            "he keeps saying strange things since lunch and is very sleepy",
            "confusion",
            "rf.confusion.2",
        ),
        # one-sided weakness in a phone message, no "in my"
        ("new weakness left leg since this morning", "stroke", "rf.stroke.2"),
        ("pls call, sudden weakness R arm, cant lift kettle", "stroke", "rf.stroke.2"),
        ("mum has weakness right side since 10am", "stroke", "rf.stroke.2"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a cancer medicine given after the finding is not an assessment of it
        "Since yesterday I have pain in the chest also when I am resting. "
        "My oncologist here gave me the tablets Ibrance.",
        "Mom is short of breath even sitting in her chair since this morning. "
        "Her doctor gave her the pills Verzenio.",
        "I have pain in the chest since two days, also when I sit. "
        "The doctor here put me on Kisqali.",
    ],
)
def test_prescription_not_an_assessment(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # strange things said about something, weakness right after, tablets for the finding
        "she said strange things about my hair lol",
        "I get weakness right after each infusion, is that normal?",
        "some days he doesn't recognise me, he has had dementia for years",
        "Chest pain yesterday, went to the ER, they did an ECG and gave me tablets for the pain.",
        "chest pain yesterday and the doctor checked me and said it was muscular, "
        "he gave me the pills for it.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a near-faint with the faint denied in the same sentence
        "Yesterday I went a bit faint at the till but I didn't pass out, a lady got me a chair",
        "She went all faint this morning though she didn't black out, she's resting",
        "mum got faint on the stairs but did not collapse, sat down and felt ok",
        # a question whether a fever is dangerous, before treatment or any fever
        "Mum begins Enhertu on Monday - are fevers serious on that drug?",
        "is a high temperature a big deal when you're on Kisqali?",
        "Starting taxol soon. Are chills dangerous during treatment?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own faint told as now, or with a fall after the denial
        "On Friday I went faint in the shower and passed out.",
        "I went faint in the kitchen today and collapsed on the floor",
        "I went faint, didn't pass out, but fell and hit my head",
        # the writer's own fever told as had, beside the same question
        "I'm on chemo and I have a fever of 38.6 now. Is a fever dangerous?",
        "On AC since last week, temp 38.9 tonight, is a fever serious on chemo?",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
