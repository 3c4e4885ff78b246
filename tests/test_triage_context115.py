"""Wordings changed in vocabulary 2026.11.124: false alarms from a third reviewer's probes.

The gaps (a third reviewer's probes, on 2026.11.122): a general question about chest pain on a
drug, asked for someone or as a reason to stop it ("My patient asks whether chest pain is expected
with Herceptin.", "Is chest pain a reason to stop Kisqali?", "Do you have any leaflets about chest
pain on Herceptin?") was an emergency; so was "talking funny" that is an accent ("Talking funny is
what my kids call my accent"), a nurse's "one of my patients had a seizure today" on a ward, and a
fever dated by a day and month weeks ago ("was on the 1st of November, over now").

New cues: ctx.hypothetical.drug_question (asks / wants to know whether a symptom is expected,
normal or happens; a leaflet asked for about a symptom), ctx.hypothetical.reason_to_stop (a
symptom asked about as a reason to stop a drug), ctx.stroke.accent (an unless cue of rf.stroke.3,
except ctx.stroke.new), ctx.assessed.own_patient ("one of my / our patients": a clinician already
has it) and ctx.time.day_month (a day and month, kept as a past time cue by the engine only when
more than 7 days before today). Each remover is tested with the red flag said now in a message of
the same kind, which still fires.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    set_triage_today,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.124; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 124)


# (1) a general question about a symptom on a drug: a question, never an emergency by itself


@pytest.mark.parametrize(
    "message",
    [
        "My daughter asks whether chest tightness is common with Enhertu",
        "He wonders if fainting is a known side effect of Verzenio",
        "my sister is asking if coughing up blood can happen on Ibrance?",
        "A friend on Kisqali wanted to know whether chest pain is normal with it",
        "Could chest pain ever be a good reason to stop Enhertu?",
        "Would a seizure be a reason to come off letrozole?",
        "Is shortness of breath grounds for stopping Herceptin?",
        "Have you got any information on chest pain with Kadcyla?",
        "Are there any handouts about fainting on Verzenio?",
    ],
)
def test_a_general_question_about_a_symptom_on_a_drug_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the same questions with the symptom said now: a red flag asked as a question is present
        ("Is chest pain a reason to stop Kisqali? I have it right now", "chest_pain"),
        (
            "Would chest pain be a reason to stop Herceptin? I've had it since this morning",
            "chest_pain",
        ),
        (
            "Do you have any leaflets about chest pain on Herceptin? I have chest pain now",
            "chest_pain",
        ),
        (
            "Mum wants to know if her chest pain is normal on Herceptin, it started an hour ago",
            "chest_pain",
        ),
        (
            "wondering if it's normal I have chest pain since this morning on Herceptin",
            "chest_pain",
        ),
        (
            "My husband wants to know whether crushing chest pain is normal on Kisqali because he"
            " has it right now",
            "chest_pain",
        ),
        ("Chest pain was the reason to stop Herceptin and I have it again today", "chest_pain"),
        ("I'm coughing up blood, is that a reason to stop Ibrance?", "haemoptysis"),
    ],
)
def test_the_symptom_said_now_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# (2) "talking funny" that is an accent


@pytest.mark.parametrize(
    "message",
    [
        "people say I talk funny, it's just my Glasgow accent",
        "my husband says I sound funny because of my accent",
        "Talking funny is how my grandkids describe my Texas accent, anyway can I rebook?",
    ],
)
def test_talking_funny_put_down_to_an_accent_is_not_a_stroke(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My accent is strong but since this morning she is talking funny",
        "She's talking funny today, it's not just her accent",
        "He has an accent but suddenly he is slurring his words",
        "my speech is slurred, it's not my accent, it started an hour ago",
        "my husband is talking funny, worse than his usual accent, since lunch",
    ],
)
def test_talking_funny_with_an_accent_named_still_fires_when_new(message: str) -> None:
    assert_flagged(message, "stroke")


# (3) a clinician's "one of my patients": already in a clinician's hands (priority)


@pytest.mark.parametrize(
    "message",
    [
        "I'm a district nurse; one of my patients fainted this morning. How do I refer her?",
        "GP here, one of our patients had a seizure today, what is your referral pathway?",
        "Ward sister: one of my inpatients has a temperature of 38.9, can she have her scan?",
    ],
)
def test_a_clinicians_own_patient_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("My mum, one of your patients, had a seizure today", "seizure"),
        ("I'm one of your patients and I had a seizure an hour ago", "seizure"),
        ("My husband fainted today, he is one of your patients", "collapse"),
        ("I'm her daughter; mum had a seizure today", "seizure"),
    ],
)
def test_the_clinics_patient_or_a_relatives_message_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# (4) a day and month compared with today (2026-11-28 here)


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "I had a fever of 38.9 on chemo on the 3rd of November, fine now",
        "Coughed up blood on the 10th of November, nothing since",
        "she fainted on November 4th while on chemo",
        "My temperature was 38.6 on 12 Nov, on taxol",
    ],
)
def test_a_day_and_month_more_than_a_week_ago_is_not_now(message: str) -> None:
    assert_not_emergency(message)
    assert urgency_of(message) == "priority"


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("My fever of 38.5 on chemo was on the 25th of November", "fever"),
        ("My temperature of 38.7 on chemo was on 25 November", "fever"),
        ("I had a fever of 38.6 on the 27th, on chemo", "fever"),
        ("Fever of 38.9 on November 26th, on chemo", "fever"),
        ("she had a seizure on 3 December?", "seizure"),  # a date ahead: not read as past
        ("Fainted on 31 November", "collapse"),  # a date that is not one: now
        ("I coughed up blood on 2 November and again this morning", "haemoptysis"),
        ("I have a fever of 39 now, my chemo was on 2 November", "fever"),
    ],
)
def test_a_day_and_month_within_a_week_ahead_or_unread_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_a_date_late_in_the_year_told_in_january_is_last_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_triage_today(monkeypatch, date(2027, 1, 3))
    assert urgency_of("I had a fever of 38.9 on chemo on 20 December, fine now") == "priority"
    assert_flagged("I had a fever of 38.9 on chemo on 30 December", "fever")
