"""Wordings changed in vocabulary 2026.11.114, prompted by triage_blind184 and triage_blind185.

The errors (each set scored once unseen on 2026.11.112, then used for development): two missed
emergencies and four tag errors, each a class of wording fixed here, never the set's sentence.

- b184-014: known spinal mets, "back is way worse the last 2 days and today my legs feel like
  jelly": the back told as worse with no "my" was no back pain, so no cord compression
  (tag.symptoms.back_pain, a new line: the back opening its sentence or clause).
- b185-091: "my roommate says its the worst headache shes ever had ... shes on weekly taxol": the
  roommate was someone else; a neighbour, friend, colleague or roommate said to be on chemo,
  radiation or a breast-cancer drug now is the patient (ctx.experiencer.named_patient).
- b184-063: a lymph node "I told Dr about at my last visit is bigger now": a longer aside between
  the node and "bigger" (tag.symptoms.lump).
- b184-140: "I had triple negative 2 yrs ago, I know what that can mean": the fear of a return told
  without naming it (new rule tag.recurrence.implied).
- b185-022: "The joint thing is getting old": the joints told as a trouble with no pain word
  (tag.symptoms.pain).
- b185-115: "what changes should I be looking for when I check myself": the changes to look for
  (tag.symptoms.watch_for).
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.114; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 114)


# the back told as worse with no possessive, and the legs: cord compression


@pytest.mark.parametrize(
    "message",
    [
        "Known bone mets in my spine. Back is so much worse since Tuesday and now both legs feel "
        "weak",
        "Lower back far worse this week, and this morning my legs gave way twice",
        "T12 met. Back's gotten way worse over the weekend, plus I can hardly walk today",
        "back is worse and my legs went numb an hour ago",
    ],
)
def test_the_back_worse_without_my_and_weak_legs_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")
    assert "rf.cord_compression.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the lookbehind that keeps "back" after another word out: with "my", still the flag
        "My back is way worse the last 2 days and today my legs feel like jelly",
        "my lower back is much worse since Sunday and my legs went weak this morning",
    ],
)
def test_the_back_worse_with_my_still_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        # "back" after another word: not the back
        "The drive back is worse than the drive there, my legs feel weak after sitting",
        "Coming back is worse for my legs, they feel weak",
        # history
        "My back was way worse in 2019 and my legs felt weak then",
    ],
)
def test_back_not_the_body_or_past_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def test_the_back_worse_alone_a_symptom() -> None:
    result = classify("Back is way worse the last 2 days")
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


# a neighbour, friend or roommate said to be on cancer treatment now is the patient


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My neighbour collapsed in her kitchen an hour ago and isn't making sense. She's "
            "having chemo.",
            "collapse",
        ),
        (
            "My friend has the worst headache of her life and a stiff neck since this morning. "
            "She is on Enhertu.",
            "headache",
        ),
        ("my flatmate had a seizure 20 minutes ago, hes on docetaxel", "seizure"),
        (
            "My housemate has had the worst headache of her life since lunch and has thrown up "
            "twice. She's halfway through chemo.",
            "headache",
        ),
    ],
)
def test_an_acquaintance_on_treatment_is_the_patient(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a fellow patient elsewhere
        "My neighbour had a seizure this morning, she's on Enhertu too. Could that happen to me?",
        "My neighbour had a seizure this morning. She's on the same chemo as me.",
        # the writer is the one on treatment
        "I'm on Enhertu. My neighbour had a seizure today, she's on Kisqali.",
        # treated elsewhere, another cancer, treatment in the past, none
        "My neighbour had a seizure this morning, she's on chemo at another hospital.",
        "My colleague collapsed at work today. He's on radiation for his prostate.",
        "My neighbour had a seizure this morning. She was on tamoxifen years ago.",
        "My roommate has the worst headache of her life and a stiff neck since this morning. "
        "She isn't on any treatment.",
    ],
)
def test_an_acquaintance_not_said_to_be_a_patient_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the "too / same as me" narrowing: the writer's own red flag said now still counts
        "My friend from support group is on Enhertu too, and I had a seizure this morning",
        "My mum had a seizure this morning, she's on the same chemo as me",
        "My neighbour had a seizure this morning. She is on Enhertu.",
    ],
)
def test_the_patients_red_flag_now_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# a lymph node said to be bigger, with an aside between


@pytest.mark.parametrize(
    "message",
    [
        "the node under my arm they scanned in May has grown",
        "That lymph node above my collarbone that the ultrasound showed in March feels bigger "
        "this week",
        "Her lymph node on the left side, which we mentioned in clinic, is getting bigger",
    ],
)
def test_a_node_grown_after_an_aside_a_symptom(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "The node in my armpit the surgeon checked last month is not bigger",
        "My sentinel node biopsy results are bigger news than I expected",
    ],
)
def test_a_node_not_bigger_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags


# the fear of a return told as "I know what that can mean"


@pytest.mark.parametrize(
    "message",
    [
        "My hip has ached for three weeks. I had stage 2 breast cancer in 2020 so I know what "
        "this could mean.",
        "Coughing for a month now, and after my mastectomy in 2019 I know exactly what that "
        "might mean.",
        "With my history of breast cancer I know what this could mean, the lump is back",
    ],
)
def test_i_know_what_that_can_mean_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I had breast cancer in 2018. My scan says 'stable', I don't know what that means.",
        "My dog has a lump, I know what that can mean.",
        "I'm on chemo and my counts are low, I know what that means for infections.",
    ],
)
def test_i_know_what_it_means_otherwise_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


# the joints told as a trouble with no pain word


@pytest.mark.parametrize(
    "message",
    [
        "my joint issues on letrozole are getting me down",
        "the joint stuff from the anastrozole is bad this week",
        "my knees are absolutely killing me",
    ],
)
def test_joint_trouble_a_symptom(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Can we book a joint appointment with my husband?",
        "Is a joint replacement possible on Kisqali?",
        "I have no joint problems at all",
    ],
)
def test_joint_not_a_trouble_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags


# the changes or lumps to look for


@pytest.mark.parametrize(
    "message",
    [
        "What kind of changes do I feel for when I do a self exam?",
        "which changes should she look out for after radiation",
        "what changes should I look for in my breast",
    ],
)
def test_changes_to_look_for_tag_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "What changes should I expect after radiation?",
        "What changes should I make to my diet?",
        "What changes should I look for in my insurance plan",
    ],
)
def test_other_changes_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags
