"""Wordings added in vocabulary 2026.11.35, from a miss found while the blind39 round was
tested (not from any labelled set), and one found while testing that.

A form's or a leaflet's question ("The form asks about fainting") reached across a colon or a
comma into the writer's own report of the same red flag ("...: I fainted in the shower an hour
ago"), which then read as part of the question. A colon before the writer's own clause now
starts a new clause, and a clause that opens with the writer (or the patient) telling what
happened, in the past tense, is a report, not the question going on. Verbs of asking and
wanting ("I wondered", "I wanted to ask") still go on with the question. And "seized" as a verb
("she seized at lunch") is a seizure, not a back that seized up.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.35; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 35)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("The form asks about fainting: I fainted in the shower an hour ago.", "collapse"),
        ("The form asks about fainting, I fainted in the shower an hour ago.", "collapse"),
        (
            "Your leaflet says to ring about seizures, she seized at lunch and is still dazed",
            "seizure",
        ),
        (
            "The sheet says call for chest pain, he collapsed on the kitchen floor just now",
            "collapse",
        ),
        (
            "the checklist mentions coughing up blood: i coughed up bright red blood this morning",
            "haemoptysis",
        ),
    ],
)
def test_a_report_after_a_forms_question_is_a_report(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "The form asks about fainting, I wondered if one faint years ago still counts.",
        "The leaflet says to call if you have a seizure: I wanted to ask what counts as one.",
        "The form asks whether I have fainted or had a seizure. What should I put?",
        "The leaflet lists fainting, I fainted once in 2015 at a wedding and never again.",
    ],
)
def test_asking_or_history_after_a_forms_question_is_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "she seized at lunch and is still dazed",
        "My husband seized twice this morning, his arms and legs jerking",
        "I think I seized in my sleep, I woke up having bitten my tongue",
    ],
)
def test_seized_as_a_verb_is_a_seizure(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "My lower back seized up after shoveling snow yesterday",
        "She seized the chance to join the trial and we're so glad",
        "my shoulder seized on me when I reached for the shelf",
        "The bank seized his truck last year, so I need a ride to my appointment",
    ],
)
def test_other_things_seized_are_not_a_seizure(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "no fever: I checked twice tonight and feel fine",
        "No chest pain: I just wanted to ask about my appointment time",
    ],
)
def test_a_colon_does_not_undo_a_negation_before_it(message: str) -> None:
    assert urgency_of(message) != "emergency"
