"""Wordings changed in vocabulary 2026.11.152 (round r1): six false alarms of a held-out batch.

Rows of triage_blind228-231 (written blind, scored once on 2026.11.151) that the rules read as
emergencies while their writers, by the README's rules, did not:

- b228-011, a clinician's instruction to report "any" red flag ("The nurse asked me to report any
  fever, bleeding or confusion"): the items named after "to report / tell you about / let you know
  about / call about any" are the instruction's, not the patient's (``ctx.hypothetical.document``);
  the list stops at the writer's own words (I, my, she, now, since, a reading ...), so "..., and I
  have a fever of 38.6 now" still counts.
- b228-079, a fever threshold told as a statement ("I know the cut off is 100.4", "100.4 is the
  cutoff"): the number is the rule's, not a reading (``ctx.hypothetical.document``); a reading of
  the writer's beside it still counts.
- b229-085, the last treatment told as more than six weeks ago in weeks ("Last chemo was 7 weeks
  ago"): the README's fever rule does not apply (``ctx.treatment.ended``), unless a current
  treatment is named (``ctx.treatment.current``); six weeks or fewer still counts.
- b231-019, a general question about which fevers count ("which fevers count as dangerous?",
  "what kind of fever is an emergency?"): asked, not had (``ctx.hypothetical.pre``).
- b231-139, the writer's own list of when to go to the ER, under a heading with a colon ("My list
  for ER-now: temperature of 100.4 or higher, shaking chills, chest pain, ..."), and a question
  about how the threshold is measured ("Is the 100.4 measured under the tongue?"): the list's items
  and the threshold asked about are not the patient's (``ctx.hypothetical.document``).
- b229-044, vomiting told over a span of two clock times under the README's 24 hours in the
  sentence before the fluids not kept down ("Been throwing up since 2am and it's 10pm now. Nothing
  stays down, not even water"): ``ctx.fluids.clock_span`` also reads "it's 10pm now" and is looked
  for in the sentence before the finding too; a day told anywhere (``ctx.fluids.days``) still
  makes it the red flag.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.152; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 152)


# -- b228-011: an instruction to report any red flag -----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "The nurse asked me to report any fever, bleeding or confusion. I'm pleased to say I have"
        " none of those, all good here. Please could you upload my lab results?",
        "Dr. Patel told us to report any chest pain or fainting straight away. Nothing like that so"
        " far, can I book my next cycle?",
        "I've been asked to let you know about any fever, shaking chills or bleeding, so just"
        " checking in: none so far.",
        "Please report any seizures, sudden confusion or slurred speech - that's what my card says."
        " Where do I park for my MRI?",
        "My oncologist wants me to tell her about any chest pain or coughing up blood, which I"
        " haven't had. Can my scan move to Friday?",
        "We were told to call about any fever over 38 or bleeding that won't stop. Just confirming"
        " the number.",
    ],
)
def test_an_instruction_to_report_any_red_flag_is_not_one(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("The nurse asked me to report any fever, and I have a fever of 38.6 now.", "fever"),
        ("The nurse asked me to report any fever. I've had a fever of 38.9 since lunch.", "fever"),
        (
            "I was told to report any chest pain, so I'm reporting it: chest pain since this"
            " morning.",
            "chest_pain",
        ),
        (
            "The nurse asked me to report any new symptoms, so here goes: fever 38.9 since lunch.",
            "fever",
        ),
        (
            "Dr. Patel told us to report any confusion, and Mum has been confused since this"
            " morning.",
            "confusion",
        ),
        ("Please report any seizures. She had one an hour ago.", "seizure"),
        ("I was told to report any fever, mine is 38.7 tonight on chemo.", "fever"),
        # the writer's own, told after a comma without a pronoun, or by a reference back
        ("Please report any chest pain, crushing chest pain for an hour.", "chest_pain"),
        (
            "I'm supposed to let you know about any shortness of breath, can't breathe at all"
            " right now.",
            "breathing",
        ),
        (
            "Please report any seizures or confusion. That's what's happening to Mum now.",
            "seizure",
        ),
        ("The nurse told me to report any fever or chills. She has both right now.", "fever"),
    ],
)
def test_the_red_flag_told_after_the_instruction_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# -- b228-079: a fever threshold told as a statement -----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My temperature is 99.9 this evening. I'm on Ibrance. I feel okay otherwise, a bit tired. I"
        " know the cut off is 100.4, I just wanted someone to know.",
        "Temp 99.5 tonight on Verzenio. I know 100.4 is the cutoff, just letting you know.",
        "She's at 37.8 on chemo and the threshold is 38, so we're keeping an eye on it.",
        "37.9 this morning on Kisqali. The fever cut-off is 38.0 and we're not there yet.",
        "My temp was 100.1 after my infusion, I know the magic number is 100.4.",
    ],
)
def test_a_threshold_told_as_a_statement_is_not_a_reading(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "The cut off is 100.4 and I'm at 101.2 tonight on Ibrance.",
        "I know the threshold is 38, mine is 38.6 now, on chemo.",
        "100.4 is the cutoff and she's at 100.8 now after her infusion.",
        "Temp 38.5 tonight on Ibrance, I know the cut off is 38.",
        "I know the cutoff is 100.4. My temp is 101 tonight, on Enhertu.",
        "I know the cut off is 100.4 and that's exactly what she has now, on chemo.",
    ],
)
def test_a_reading_beside_the_threshold_still_fires(message: str) -> None:
    assert_flagged(message, "fever")


# -- b229-085: the last treatment more than six weeks ago, in weeks -----------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Last chemo was 7 weeks ago. Temp 38.4 tonight with a sore throat.",
        "My last infusion was 8 weeks ago. Fever of 38.5 tonight.",
        "Last dose of Enhertu was nine weeks ago; temp 38.3 this evening.",
        "It's been 10 weeks since my last chemo and I'm running 38.6.",
        "Her last cycle was 7 weeks ago and she's got a temp of 38.2 tonight.",
    ],
)
def test_treatment_ended_more_than_six_weeks_ago_is_not_the_fever_flag(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Last chemo was 5 weeks ago. Temp 38.4 tonight with a sore throat.",
        "Last chemo was 6 weeks ago. Temp 38.4 tonight.",
        "Last chemo was 7 days ago. Temp 38.4 tonight.",
        "Last chemo was 7 weeks ago but I'm on Ibrance now. Temp 38.4 tonight.",
        "My last Zoladex dose was 8 weeks ago. Temp 38.5 tonight.",
        "My friend's last chemo was 8 weeks ago. I have a fever of 38.6 tonight.",
    ],
)
def test_recent_or_current_treatment_keeps_the_fever_flag(message: str) -> None:
    assert_flagged(message, "fever")


# -- b231-019: which fevers count, asked --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Asking for a friend who's having chemo at another hospital: which fevers count as"
        " dangerous? She says anything under 101 is fine but I'm not sure that's right.",
        "Which fevers count as dangerous on chemo?",
        "What kinds of fevers count as an emergency when you're on Kisqali?",
        "Which temperatures are dangerous during chemo?",
        "My sister starts chemo next week - what kind of fever is serious enough to go in?",
    ],
)
def test_which_fevers_count_is_a_question(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Which fevers count as dangerous? Mine is 38.9 right now on chemo.",
        "I've had a fever of 38.7 since lunch on chemo - which fevers count as dangerous?",
        "Fever 39 tonight on chemo, what kind of fever is an emergency?",
        "Which fevers count as dangerous? Asking because I'm at 101.5 tonight on Ibrance.",
        "Which fevers count as dangerous? Because she has one right now, on chemo.",
        "What kind of fever is this? 39.2 on chemo.",
    ],
)
def test_a_fever_of_the_writers_own_beside_the_question_still_fires(message: str) -> None:
    assert_flagged(message, "fever")


# -- b231-139: the writer's own list of when to go to the ER ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I made a list from the booklet you gave us. My list for ER-now: temperature of 100.4 or"
        " higher, shaking chills, chest pain, can't breathe, throwing up and can't keep water down"
        " for a day, bleeding that won't stop, fainting. Is that right? Is the 100.4 measured under"
        " the tongue, or is the forehead scanner ok?",
        "Here is my ER list: chest pain, can't breathe, coughing up blood, fainting. Did I miss"
        " anything?",
        "Our list of warning signs: fever over 38, shaking chills, bleeding that won't stop."
        " Anything else for the fridge?",
        "My list for calling 911: seizure, face drooping, slurred speech, passing out. Is that the"
        " right list for Mum?",
        "Should the 38 be measured under the arm or in the mouth?",
        "Is the 100.4 taken under the tongue or in the ear?",
    ],
)
def test_a_list_of_when_to_go_in_is_not_the_patients(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My list for ER-now: fever, chills, chest pain. Well, she has a fever of 39 right now"
            " on chemo.",
            "fever",
        ),
        (
            "I made a list of ER signs: fever over 100.4, fainting, chest pain. She fainted an hour"
            " ago.",
            "collapse",
        ),
        (
            "My list for the ER: she's been coughing up blood since this morning.",
            "haemoptysis",
        ),
        ("My ER list: fever 38.9 since lunch, shaking chills, on chemo.", "fever"),
        (
            "My list for ER-now: fever, chills, chest pain, fainting. She's had two of those"
            " today.",
            "fever",
        ),
        ("My list for the ER: chest pain, can't breathe - both happening now.", "chest_pain"),
        (
            "Is the 38.5 taken under her arm accurate? Because that's what she has right now, on"
            " chemo.",
            "fever",
        ),
        ("Is the 38.6 taken under her arm accurate? She's on chemo.", "fever"),
    ],
)
def test_the_patients_own_red_flag_beside_the_list_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# -- b229-044: vomiting over two clock times under 24 hours, told the sentence before --------------


@pytest.mark.parametrize(
    "message",
    [
        "Been throwing up since 2am and it's 10pm now. Nothing stays down, not even water.",
        "Vomiting since 6am and it's 9pm now, can't keep water down.",
        "Throwing up since 4am and it's 11pm now. Can't keep anything down, not even water.",
        "He's been vomiting since 1am and its 6pm now. He can't keep fluids down.",
        "Sick since 5am, it's 8pm now and I can't keep water down.",
    ],
)
def test_a_span_of_two_clock_times_is_under_a_day(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Been throwing up since 2am yesterday and it's 10pm now. Nothing stays down, not even"
        " water.",
        "Been throwing up since Monday and it's 10pm now. Nothing stays down, not even water.",
        "Been throwing up since 2am and it's 10pm now. Nothing has stayed down for two days.",
        "It's 10pm now. Been throwing up since 2am Monday, nothing stays down, not even water.",
        "Been throwing up since 2am and it's 10pm now. Yesterday too. Nothing stays down for 36"
        " hours now.",
    ],
)
def test_a_day_or_more_of_nothing_kept_down_still_fires(message: str) -> None:
    assert_flagged(message, "dehydration")
