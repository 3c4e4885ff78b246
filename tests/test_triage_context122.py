"""Wordings changed in vocabulary 2026.11.132: true emergencies the removers of 2026.11.121-125 hid.

A clinical safety reviewer read the removers (exclude lines, unless/except cues, ctx cues, engine
steps) and wrote probes aimed at them (ids `px-`, reviewer X1, on 2026.11.125). Each miss is read
as a class:

- a red flag going on since a day and month ("coughing up blood on and off since 14 November",
  "blacking out since November 11th", "chest pain on and off since 18 November", px-daymonth#1/#2/
  #8/#9/#13): ctx.time.ongoing; ctx.time.day_month and the "since November" of ctx.time.weeks no
  longer make it a past symptom.
- a treatment dated by a day and month before the finding ("Had my Enhertu on 13 November, temp
  38.7", "I started Kisqali on 12 November, 38.6", px-daymonth#3/#12): ctx.time.ongoing.
- a month-like name before a count ("Re Jan 3 weeks after her chemo", px-daymonth#11): not a date
  (ctx.time.day_month).
- the patient walking or letting out the dog, a breed word that is a bus or clothing ("walking her
  spaniel and collapsed", "on the Greyhound bus", "in his boxers", px-exp-breed#1-#4/#6): the dog
  line of ctx.experiencer.other.
- a relative who is a vet reading the patient ("My sister is a vet and took Mum's temperature",
  px-exp-vet#1/#4/#5): the vet line of ctx.experiencer.other.
- children or parents of a class or school who only watched the patient ("The children in her class
  watched her collapse", px-exp-class#1/#3/#5): the class line of ctx.experiencer.other; with "shake
  all over" as the bare verb (rf.seizure.2).
- a young relative told with an appointment not the writer's, a grown child the writer looks
  after, a relative on treatment ("can I move tomorrow's scan", "I'm looking after her ... since
  her chemo", "I'm babysitting her two little ones, she's on Enhertu",
  px-exp-appt#2/#3/#5/#7/#8/#9): the appointment and minding line of ctx.experiencer.other.
- "one of our patients" from someone who is not a clinician (a home care aide, a volunteer driver,
  a receptionist, a support worker, a day-centre carer, px-ownpatient#1/#2/#3/#5/#7):
  ctx.assessed.own_patient needs ctx.assessed.clinician_role (engine: _says_clinician).
- "no chemo, only surgery in <year>" and then a recurrence or a cancer drug now ("It came back in my
  bones ... my first Enhertu last Thursday", px-ended-surgery#1-#4/#6): ctx.treatment.ended.
- someone else at the hospital now while the writer is at home with the red flag ("Mum's at the
  hospital now for her physio, I'm at home and I've just fainted", px-assessed-visit#1/#4):
  ctx.assessed.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.132; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 132)


# a red flag going on since a day and month: now


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("She has been coughing up blood since the 9th of November, more today", "haemoptysis"),
        ("Crushing chest pain on and off since 2 November, on Herceptin", "chest_pain"),
        ("Mum keeps passing out, it's been happening since November 10th", "collapse"),
        ("I've had thoughts of ending my life since 1 November", "self_harm"),
    ],
)
def test_a_red_flag_since_a_day_and_month_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "I coughed up blood on 3 November, nothing since",
        "No chest pain since 2 November",
        "She fainted on the 9th of November and the GP saw her that day",
    ],
)
def test_a_red_flag_dated_weeks_ago_or_denied_since_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a treatment dated by a day and month before the finding


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "Had my Taxol on 14 November, now 38.8 and shivering",
        "She started Ibrance on the 10th of November, temp 38.5 tonight",
        "Got my last dose of docetaxel on November 12th, temperature 39.1",
    ],
)
def test_a_fever_after_a_dated_treatment_fires(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "Had my Enhertu on 13 November, had a fever of 38.6 on 15 November, fine since",
        "My fever of 38.5 on chemo was on the 1st of November, it went after two days.",
    ],
)
def test_a_fever_dated_weeks_ago_beside_a_treatment_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a month-like name before a count is no date


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "Jan 2 weeks after chemo, fever 38.7 and shaking",
        "May 10 days after her Taxol, temperature 39 now",
        "Re June 3 days post chemo, temp 38.6",
    ],
)
def test_a_name_before_a_count_is_no_date(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "On Jan 3 I had a fever of 38.9 on chemo, fine since",
        "Fever of 38.6 on November 3, on chemo, gone now",
    ],
)
def test_a_real_old_date_still_past(message: str) -> None:
    assert_not_emergency(message)


# the patient walking the dog; a breed word that is a bus or clothing


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Dad was walking his collie and collapsed in the lane", "collapse"),
        ("My husband let the terrier out and had a seizure on the lawn", "seizure"),
        ("Mum was on the Greyhound coach and fainted, still very pale", "collapse"),
        ("He came down in his boxers and collapsed in the hall", "collapse"),
    ],
)
def test_the_patient_with_a_dog_or_a_bus_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Our spaniel collapsed on a walk today, is it safe to be around her on chemo?",
        "My labrador had a fit last night, the vet is seeing him",
        "Our boxer fainted at the park",
    ],
)
def test_the_dog_itself_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a relative who is a vet reading the patient


@pytest.mark.parametrize(
    "message",
    [
        "My brother is a vet and checked Dad's temperature, 39.1, Dad is on chemo",
        "Our son's a vet and took Mum's temp, 38.9, she had Taxol on Monday",
        "My aunt was a vet and measured my temperature, 38.8, I'm on Kisqali",
    ],
)
def test_a_relative_vet_reading_the_patient_fires(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "My dog has a fever, the vet said 39.8. Can I look after him on chemo?",
        "The vet checked our cat, 39.5, is it safe for me on chemo?",
    ],
)
def test_an_animals_vet_reading_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# children or parents of a class who only watched the patient


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My wife teaches; the kids in her class saw her collapse this morning, she's on chemo",
            "collapse",
        ),
        ("One of the parents at the school found Mum having a seizure by the gate", "seizure"),
        ("The children at his school watched him shake all over on the floor", "seizure"),
    ],
)
def test_the_patient_watched_by_a_class_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "A boy in my son's class had a seizure today, should I keep him home on chemo?",
        "One of the kids at my daughter's nursery collapsed at lunch",
    ],
)
def test_a_child_of_the_class_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_being_made_to_shake_is_not_a_fit() -> None:
    assert_not_emergency("the cold makes me shake all over, nothing else")


@pytest.mark.parametrize(
    "message",
    [
        "I've been having panic attacks at night, I shake all over and my heart races",
        "When she shakes all over in a panic attack I hold her hand",
    ],
)
def test_shaking_in_a_panic_attack_still_not_a_fit(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She gets panic attacks, but tonight she began to shake all over and went stiff",
        "I have anxiety. Mum started to shake all over on the floor and isn't answering me now",
    ],
)
def test_a_fit_beside_a_panic_attack_still_fires(message: str) -> None:
    assert_flagged(message, "seizure")


# a young relative, an appointment not the writer's, a grown child on treatment


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My daughter had a fit an hour ago and is still drowsy, can I move Monday's chemo?",
            "seizure",
        ),
        (
            "Our son is coughing up blood after his chemo, I'm looking after him this week",
            "haemoptysis",
        ),
        (
            "My daughter can't breathe properly, I'm minding her kids, she's on Herceptin",
            "breathing",
        ),
        ("My son fainted twice today after his Taxol, I need to cancel Friday's scan", "collapse"),
    ],
)
def test_the_relative_as_the_patient_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "My son has a fever of 39 so I need to cancel my appointment tomorrow",
        "My granddaughter has a fever of 39, I'm babysitting her today",
        "My little boy has a fever of 38.9 and I'm looking after him",
    ],
)
def test_the_writers_own_appointment_or_a_little_one_minded_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# "one of our patients" from someone who is not a clinician


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I'm a care worker; one of my patients is on chemo and has a temp of 39.4", "fever"),
        (
            "I drive for the hospice. One of our patients collapsed in the van and isn't answering",
            "collapse",
        ),
        (
            "I'm the cleaner at the day centre, one of our patients just had a fit in the lounge",
            "seizure",
        ),
    ],
)
def test_a_non_clinicians_patient_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I'm a practice nurse; one of my patients had a seizure this morning. Referral form?",
        "I'm a doctor at the walk-in; one of our patients fainted today, how do we refer?",
        "I am an oncologist elsewhere, one of my patients has a fever of 38.9, can she transfer?",
    ],
)
def test_a_clinicians_own_patient_still_assessed(message: str) -> None:
    assert_not_emergency(message)


# no chemo, only surgery in a past year, then a recurrence or a drug now


@pytest.mark.parametrize(
    "message",
    [
        "Just surgery in 2016, no chemo. Now it has spread to my lungs, on Enhertu, temp 38.9",
        "No chemo, only surgery in 2019. She's on Kisqali for mets since June. 38.6 tonight",
        "My treatment was surgery only in 2020; it came back, I have Trodelvy. Temp 38.5",
    ],
)
def test_surgery_then_a_recurrence_or_a_drug_fires(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I had no chemo, only surgery in 2019. Temp 38.4 with a cold",
        "My treatment was surgery only in 2021, nothing since. Fever of 38.3 with a sore throat",
    ],
)
def test_surgery_only_and_no_treatment_since_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# someone else at the hospital now, the writer at home


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My husband is at the hospital now for his scan, I'm home alone and coughing up blood",
            "haemoptysis",
        ),
        (
            "Dad's in the ER now with my brother, and I'm at home with crushing chest pain",
            "chest_pain",
        ),
        ("Mum is at the hospital now for her physio, I'm at home and just collapsed", "collapse"),
    ],
)
def test_someone_else_at_the_hospital_the_writer_at_home_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I'm in the ER now, they're doing a CT for my headache and vomiting.",
        "Dad had a seizure this morning and is in the hospital now, they are keeping him in",
    ],
)
def test_the_patient_at_the_hospital_now_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert urgency_of(message) != "emergency"
