"""Wordings changed in vocabulary 2026.11.148: a reviewer's findings on removers added in
2026.11.142-147 that silenced a plain emergency (the 2026.11.141 vocabulary read each as one).

1. ``ctx.figurative``: a machine "having a fit / seizure" only as the subject, not a thing after
   "in / at / on the" ("My wife is in the car having a seizure right now"); hopes or faith that
   collapsed only as an owned abstract noun ("my hopes collapsed"), not a name ("My daughter Faith
   collapsed in the kitchen an hour ago") nor "gave up hope and collapsed".
2. ``ctx.experiencer.self``: "I can't get / be there" and "can't come until tonight" are a writer
   who cannot get to the patient ("My mom just had a seizure and I can't get there until tonight"),
   not the writer's own appointment.
3. ``rf.fever.2``'s exclude: "shaking like a leaf about / at ..." only over the idiom's own object
   (a scan, the results), not the whole sentence ("Shaking like a leaf at bedtime and can't get
   warm").
4. ``ctx.treatment.ended``: "not on anything except vitamins" not when a cancer drug or treatment is
   named later in that list ("isn't on anything except her vitamins and Ibrance").
6. ``ctx.assessed``: "they checked him over" not when relatives or bystanders are named before
   "they" in the sentence ("My sons found Dad collapsed on the floor, they checked him over").
7. ``ctx.hypothetical.document``: "which of these should I call 911 for?" after a list of symptoms
   is the writer asking what to do about them; only what the symptoms mean or which count stays
   quiet.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_emergency, urgency_of, vocabulary_version


def test_version() -> None:
    """This arrived in 2026.11.148; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 148)


@pytest.mark.parametrize(
    "message",
    [
        # 1. ctx.figurative
        "My wife is in the car having a seizure right now",
        "My husband is at the computer having a seizure, what do I do",
        "Mum is on the sofa by the phone having a fit right now",
        "My daughter Faith collapsed in the kitchen an hour ago",
        "Dad gave up hope and collapsed on the kitchen floor",
        "My sister Hope collapsed at work this morning",
        "He lost all faith and collapsed in the hallway",
        # 2. ctx.experiencer.self
        "My mom just had a seizure and I can't get there until tonight, what do we do?",
        "My dad just collapsed and I can't get there for a few hours, what should we do?",
        "My wife had a seizure at her office and I can't come until tonight",
        # 3. rf.fever.2's exclude
        "Shaking like a leaf at bedtime and can't get warm, on Enhertu",
        "Shaking like a leaf at night and can't get warm, on chemo",
        # 4. ctx.treatment.ended
        "She isn't on anything except her vitamins and Ibrance. Fever 38.9 tonight.",
        ("He isn't on anything apart from his blood pressure pills and Verzenio. Temp 38.5 now."),
        "Mum isn't taking anything but her statins and Kisqali. Temp 38.6 this evening.",
        # 6. ctx.assessed
        "My sons found Dad collapsed on the floor, they checked him over and called me",
        "My daughters found Mum collapsed, they checked her over and put her to bed",
        "The neighbours found him collapsed in the yard, they looked him over and he seems ok",
        # 7. ctx.hypothetical.document
        "Coughing up blood, chest pain, fever - which of these should I call 911 for?",
        "Seizure, confusion, fever - which ones should we call 911 for?",
        "Chest pain, fainting, bleeding - which of these do I call an ambulance for?",
    ],
)
def test_the_reviewers_emergencies_are_emergencies(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    ("message", "urgency"),
    [
        # 1. what the lines were added for
        ("My old printer is having a fit again", "routine"),
        ("My Wi-Fi has been having seizures all day", "routine"),
        ("My hopes collapsed when they said it's in my liver", "routine"),
        ("Our dreams have collapsed since the diagnosis", "routine"),
        # 2.
        ("My son has a fever so I cant come today, can we reschedule?", "routine"),
        ("I won't be able to make it Thursday, my daughter has a fever of 102", "routine"),
        # 3.
        ("I'm shaking like a leaf about my scan tomorrow", "routine"),
        # 6.
        ("they checked him over and kept him 3 hours", "routine"),
        (
            "Dad collapsed Monday, paramedics were here in ten minutes; they checked him over",
            "priority",
        ),
        # 7.
        ("Fever, chills, vomiting - which of these mean I should call after hours?", "routine"),
        ("what counts as urgent - fever, chills, a rash?", "routine"),
    ],
)
def test_what_the_lines_were_added_for_still_holds(message: str, urgency: str) -> None:
    assert urgency_of(message) == urgency


def test_not_on_anything_but_vitamins_is_still_off_treatment() -> None:
    message = "She isn't on anything now except vitamins. Fever 38.9 tonight."
    assert urgency_of(message) == "priority"


def test_mum_had_a_fit_at_the_computer_still_fires() -> None:
    assert_emergency("Mum had a fit at the computer")
