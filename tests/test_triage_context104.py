"""Wordings changed in vocabulary 2026.11.113, from the held-out sets blind180-183 now used for
development.

Ten false alarms, each a class: a fever with treatment told as long over ("my last radiation was
2017", "4 years out from treatment"; ctx.treatment.ended); confusion with the person told as
oriented ("still knows who we are and where she is"; ctx.confusion.oriented) or as coming and
going for about a month (ctx.confusion.gradual); food not kept down with fluids kept
(ctx.fluids.kept, except ctx.fluids.none); a red flag already in clinicians' hands told in new
words (911 crew "took me in", "took me in and the CT was clear", a discharge letter naming the
diagnosis, "he's at the clinic now", "they're flying him in"; ctx.assessed), and "another" blood
test or appointment no longer read as worse again (ctx.assessed.worse); a form's list of red
flags (ctx.quoted.instruction); a fever threshold asked about ("does 100.4 count if ...";
ctx.hypothetical.document). Tag classes: fluid building up (tag.symptoms.swelling), the cancer
in the peritoneum, pleura or head (tag.recurrence.in_organ), progressed on a named drug
(tag.recurrence.progression), a rash spreading (not tag.recurrence.spread), "studys"
(tag.clinical_trials.study). Every remover is tested with the red flag said now in the same
kind of message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.113; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 113)


# a fever with treatment told as long over: priority (README's six-week rule)


@pytest.mark.parametrize(
    "message",
    [
        "Temp 38.7 this afternoon. My last chemo was in 2019 and I take nothing now.",
        "Running a fever of 101, but her last treatment was back in 2018",
        "fever 38.5 since last night, I'm 6 years out from chemo",
        "I'm five years post treatment and I've had a temp of 38.4 today",
        "Had a fever of 38.9 yesterday. I'm 8 months out from radiation.",
    ],
)
def test_a_fever_long_after_treatment_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        # a current drug still wins
        "fever 38.9 tonight, I'm 3 years out from chemo but still on tamoxifen",
        # treatment this year, or weeks ago, is recent
        "fever 38.9 tonight, my last chemo was in 2026",
        "temp 39 today, I'm 4 weeks out from chemo",
        # surgery alone is not the end of treatment
        "temp 39, I'm 2 years out from surgery",
        "Fever 38.6 now and I'm on Ibrance",
    ],
)
def test_a_fever_with_recent_or_current_treatment_still_flagged(message: str) -> None:
    assert_flagged(message, "fever")


# confusion with the person told as oriented


@pytest.mark.parametrize(
    "message",
    [
        "Dad is a bit muddled since his pain meds went up on Sunday, but he still knows who we are "
        "and where he is.",
        "My husband seems confused since his patch went up on Tuesday. He knows who I am and "
        "what day it is.",
        "Mum's a little confused after her dose change. She's still fully oriented.",
    ],
)
def test_confusion_with_orientation_kept_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "She is confused since Monday and no longer knows who we are and where she is",
        "She suddenly became confused today, she still knows who we are and where she is",
        "Dad is very confused and doesn't know where he is",
        "My wife got confused this morning out of the blue. She isn't fully oriented.",
    ],
)
def test_confusion_not_oriented_or_sudden_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# confusion coming and going for about a month


@pytest.mark.parametrize(
    "message",
    [
        "my dad gets muddled in the evenings, for about a month now, it comes and goes",
        "She has been confused at times for a month or so",
        "For a couple of months he gets confused some nights, then he's fine again",
    ],
)
def test_confusion_on_and_off_for_a_month_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "she gets confused at night sometimes, for about a month now, but today she is much worse",
        "my mom has been confused since last night, it comes and goes",
        "He's on steroids for a month and he is confused",
    ],
)
def test_new_or_worse_confusion_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# food not kept down, fluids kept


@pytest.mark.parametrize(
    "message",
    [
        "Can't keep food down since lunch but I'm drinking water fine",
        "I can't keep anything solid down today, I can keep fluids down though",
        "She can't keep her meals down but she's sipping ginger ale okay",
    ],
)
def test_food_not_kept_down_with_fluids_kept_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "I kept water down fine yesterday but today I can't keep anything down",
        "can't keep food down and not even water stays down",
        "I haven't been able to keep water down for a day and a half",
        "she can't keep food down and she isn't keeping fluids down ok either",
    ],
)
def test_no_fluids_kept_still_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


# a red flag already in clinicians' hands, told in new words


@pytest.mark.parametrize(
    "message",
    [
        "She had a seizure on Tuesday. My husband called 911 and they took her in.",
        "I fainted on Monday, they took me in and the MRI was clear, home now",
        "Fever of 38.8 on Saturday. The discharge summary says febrile neutropenia, what now?",
        "My husband collapsed this morning, he's at the hospital in Nome now",
        "Mom had a seizure last night and they're flying her in to Anchorage",
    ],
)
def test_a_red_flag_already_assessed_priority(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure an hour ago, should I call 911 so they can take me in?",
        "The discharge letter says to call if I get a fever, and I have a fever of 39 now",
        "I'm at the clinic now and I have chest pain",
        "my scan was clear last month and I had a seizure this morning",
        "Should they fly him in? He passed out an hour ago",
    ],
)
def test_a_red_flag_not_yet_assessed_still_flagged(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# "another" test, appointment or cycle is care to come, not worse again


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure on Monday and was seen in the ER. Do I need another blood test?",
        "Fainted on Sunday, the ER checked me over. Can I book another appointment?",
        "Fever 38.5 on Friday, I was admitted 2 nights. Do I still have another cycle next week?",
    ],
)
def test_another_test_after_an_assessment_priority(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure on Monday and was seen in the ER. Today she had another.",
        "I had a seizure on Monday and was seen in the ER. She had another seizure today.",
        "She had a seizure on Monday, they admitted her, and she had another one this morning",
    ],
)
def test_another_episode_after_an_assessment_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# a form's list of red flags


@pytest.mark.parametrize(
    "message",
    [
        "The intake form has a list, fainting, coughing up blood, that kind of thing. Never had "
        "them.",
        "Your sheet has a list of warning signs: chest pain, seizures, confusion. Is it for "
        "everyone?",
        "The card has a checklist, chest pain, fever and so on. Do I keep it in my wallet?",
    ],
)
def test_a_forms_list_not_an_emergency(message: str) -> None:
    assert urgency_of(message) == "routine", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The form has a list, seizures, I had one today",
        "The card has a list: chest pain, fever. I have chest pain now.",
        "The form has a list of symptoms and I am coughing up blood right now",
    ],
)
def test_a_forms_list_beside_the_writers_red_flag_still_flagged(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# a fever threshold asked about


@pytest.mark.parametrize(
    "message",
    [
        "Does 38 count if it's taken in the ear?",
        "does 100.4 still count when you measure it on the forehead?",
        "The chemo card says call for a fever - would 38.0 count if I take it under the arm?",
    ],
)
def test_a_threshold_asked_about_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I got 100.6 under my arm, does that count?",
        "does 100.4 count if I take it under my arm? I'm at 101 now",
        "My temp is 38.6 in the ear, does 38 count if taken in the ear?",
    ],
)
def test_a_reading_beside_the_threshold_question_still_flagged(message: str) -> None:
    assert_flagged(message, "fever")


# tags: fluid building up, the cancer in a new place, progression, a rash spreading, "studys"


@pytest.mark.parametrize(
    "message",
    [
        "fluid keeps collecting under my arm since the node surgery",
        "The fluid is building up again in her tummy, they drained it last week",
        "fluid has been pooling behind my reconstruction",
    ],
)
def test_fluid_building_up_is_a_symptom(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I need to increase my fluid intake on chemo, any tips?",
        "They gave me fluid through the drip last week, was that normal?",
    ],
)
def test_fluid_not_building_up_not_a_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Her cancer is now in the pleura, what are the options?",
        "they told me the cancer has gone to my bone marrow",
        "Dad has the cancer in his head now, can he still fly?",
    ],
)
def test_the_cancer_in_a_new_place_is_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I know it's all in my head but I worry about every ache",
        "My head hurts after the radiation to my breast",
    ],
)
def test_the_head_without_the_cancer_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I progressed on Kisqali last spring, what comes next?",
        "Any options for women who progressed on letrozole?",
        "she progressed after second-line chemo and wants a trial",
    ],
)
def test_progressed_on_a_drug_is_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I'm progressing well on Ibrance, no side effects",
        "My physio says I'm progressing nicely after surgery",
    ],
)
def test_progressing_well_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "the red itchy rash on my arms from the new pill is spreading",
        "Redness around my port is spreading down my chest",
        "the hives keep spreading, now on my legs",
    ],
)
def test_a_rash_spreading_not_recurrence(message: str) -> None:
    result = classify(message)
    assert "recurrence" not in result.tags
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "the rash on my arm is fine but the cancer is spreading",
        "I have a rash and it is spreading to my liver",
        "the rash came back and the scan says the cancer is spreading",
    ],
)
def test_the_cancer_spreading_beside_a_rash_still_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "are there any studys for triple negative",
        "Do you have new studys for metastatic patients?",
        "clinical studys for her2 positive?",
    ],
)
def test_studys_misspelt_is_clinical_trials(message: str) -> None:
    assert "clinical_trials" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "studys show exercise helps with fatigue",
        "My daughter studys nursing in Anchorage",
    ],
)
def test_studys_not_asked_for_not_clinical_trials(message: str) -> None:
    assert "clinical_trials" not in classify(message).tags


# a hard spot in the other breast, tiny red dots on the skin, a cord down the arm: symptoms


@pytest.mark.parametrize(
    "message",
    [
        "I found a firm spot in my left breast this week",
        "there's a hard bit in her other breast now, is that normal?",
        "Noticed tiny purple dots all over my legs since chemo",
        "She has small red spots on her arms and her platelets are low",
        "A tight cord runs down the inside of my arm since the node surgery",
        "I think I have cording, it pulls when I lift my arm",
    ],
)
def test_lump_dots_and_cording_are_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Is it a hard thing to get a second opinion?",
        "the red dots on the chart mean my counts were low last year, what should I ask?",
        "The charger cord in my room at the infusion center was broken",
    ],
)
def test_not_a_lump_dots_or_cording(message: str) -> None:
    assert "symptoms" not in classify(message).tags
