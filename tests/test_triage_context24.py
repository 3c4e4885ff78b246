"""Wordings added in vocabulary 2026.11.31, from the errors ``triage_blind37.jsonl`` and
``triage_blind38.jsonl`` still showed on 2026.11.30: bleeding told without the word ("soaking
through towels", a cut that "won't stop"), the bone drugs as drug names (Zometa, Xgeva, ...), a
later "since the seizure" that points back to an assessed red flag, confusion about
arrangements, not knowing whom to ask, the idiom "breathe a word", a general question about how
a condition shows itself, and a question about which temperature is the line with the
candidates inside it. Each class is tested on sentences written for these tests, never the
sets' own, with counterparts; every cue that takes a red flag away is tested with the writer's
own red flag in a neighbouring clause or sentence, which must still be an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.31; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 31)


def _not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# ------------------------------- bleeding told without the word (rf.bleeding.1)


@pytest.mark.parametrize(
    "message",
    [
        "Sliced my thumb open on a tin about half an hour ago, it's soaking through towels",
        "her drain site has been oozing through dressings all evening, on chemo, platelets low",
        "Gashed my hand on the boat winch 30 mins ago and it still won't stop",
        "cut my finger chopping onions an hour ago, won't stop, I'm on Ibrance",
        "He nicked his lip shaving this morning and it just won't stop",
    ],
)
def test_bleeding_without_the_word_blood(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "I cut my finger an hour ago and the throbbing won't stop",
        "cut my hand on a tin yesterday and it won't stop hurting",
        "I cut my hand on a tin in 2019 and it wouldn't stop, I needed stitches back then",
        "cut my hair short last week and my scalp won't stop itching",
        "I cut my finger this morning, no bleeding now, it stopped straight away",
    ],
)
def test_cuts_that_are_not_bleeding_now(message: str) -> None:
    _not_emergency(message)


# ------------------------------- the bone drugs are drug names (<DRUGNAME>)


@pytest.mark.parametrize("drug", ["Zometa", "Xgeva", "zoledronic acid", "denosumab"])
def test_my_bone_drug_makes_the_writer_the_patient(drug: str) -> None:
    """The words "my Zometa" say the writer is the patient (ctx.experiencer.self), so a
    partner's symptom he is seeing his own doctor about is his, not the patient's."""
    message = (
        "My partner has been having chest pains on and off, his own GP is dealing with it. "
        f"Can I still have my {drug} the same week as my CT?"
    )
    assert urgency_of(message) == "routine", classify(message).reasons


def test_my_bone_drug_keeps_the_writers_own_red_flag() -> None:
    message = (
        "My partner has been having chest pains on and off, his own GP is dealing with it. "
        "Can I still have my Zometa this week? Since this morning I have crushing chest pain "
        "myself."
    )
    assert_flagged(message, "chest_pain")


def test_a_bone_drug_is_current_treatment_for_the_fever_rule() -> None:
    """Chemo that ended months ago no longer makes a fever an emergency, treatment that goes on
    does: "I'm on Xgeva" is current treatment like "I'm on Verzenio"."""
    assert_flagged(
        "I finished chemo 6 months ago but I'm on Xgeva now and my temp is 38.6", "fever"
    )
    _not_emergency("I finished chemo 6 months ago and I'm not on anything now, my temp is 38.6")


# ------------------------------- "since the seizure": the assessed one (_back_reference)


@pytest.mark.parametrize(
    "message",
    [
        "Dad fainted on Friday and was taken to Providence. They sent him home this morning. "
        "He's been shaky since the faint.",
        "Mum had a seizure on Saturday and was flown to ANMC. She is settled now and they "
        "discharged her today. She has been very tired since the seizure.",
    ],
)
def test_a_back_reference_to_an_assessed_red_flag(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a time word after the mention: a new one
        "Mum had a seizure on Saturday and was flown to ANMC. They discharged her today. "
        "She has been unsteady since the seizure this morning.",
        # a time word between them outside the assessment's sentence
        "Mum had a seizure on Saturday and was flown to ANMC. They discharged her yesterday. "
        "Today she had two more and is drowsy since the seizure.",
        # another one
        "Mum had a seizure on Saturday and was flown to ANMC. They discharged her today. "
        "She has had another seizure and is drowsy since the seizure.",
        # never assessed
        "Mum had a seizure at home on Saturday. She is unsteady since the seizure.",
        # the same red flag told anew after the discharge
        "Dad fainted on Friday and was taken to Providence. They sent him home this morning "
        "and now he has fainted in the kitchen.",
    ],
)
def test_a_new_or_unassessed_red_flag_is_still_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# ------------------------------- confused about arrangements (rf.confusion.1 exclude)


@pytest.mark.parametrize(
    "message",
    [
        "I'm a bit lost and confused about who does what for my travel to Anchorage.",
        "Confused about where to park for the infusion suite, is there a patient lot?",
        "We're new here and I'm confused about who to call for refills.",
    ],
)
def test_confused_about_arrangements(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Mum is confused about who I am since this morning.",
        "I'm confused about who books the flights, and Dad has been confused since lunch.",
        "She is confused about where she is tonight.",
    ],
)
def test_confusion_of_the_patient_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# ------------------------------- not knowing whom to ask (rf.confusion.2 exclude)


@pytest.mark.parametrize(
    "message",
    [
        "Everything is a lot at the moment and Mum doesn't know who to talk to.",
        "My sister didn't know where to turn after the scan results, can she call you?",
        "Dad doesn't know who to ask about his travel voucher, can someone call him?",
    ],
)
def test_not_knowing_whom_to_ask(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She doesn't know who I am tonight.",
        "I don't know who to call. Mum doesn't know where she is since this morning.",
        "I don't know who to call, Dad doesn't know who we are today.",
    ],
)
def test_not_knowing_people_or_places_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# ------------------------------- "breathe a word" (ctx.figurative)


@pytest.mark.parametrize(
    "message",
    [
        "I cannot breathe a word of this to my husband yet, he is not coping.",
        "I couldn't breathe a word to anyone at work about the diagnosis.",
        "I can't breath a word of it to my mum yet, how do I tell her?",
    ],
)
def test_breathe_a_word(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I can't breathe a word of this to my kids. Since this morning I can't breathe properly.",
        "I won't breathe a word to Mum but I can't breathe when I lie down tonight.",
        "I can't breathe a word to anyone and I can't breathe properly since lunch.",
    ],
)
def test_breathe_a_word_beside_real_breathlessness(message: str) -> None:
    assert_flagged(message, "breathing")


# ------------------------------- how a condition shows itself (ctx.hypothetical.general)


@pytest.mark.parametrize(
    "message",
    [
        "Do spinal mets usually show up as back pain and weak legs first?",
        "Can liver mets present with confusion?",
        "Does a blood clot in the lung ever show up as chest pain?",
    ],
)
def test_general_question_how_it_shows(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Does brain mets show up as seizures? Mum had a seizure an hour ago.",
        "Does brain mets show up as seizures, because she had a seizure an hour ago?",
        "Could this show up as chest pain, I have chest pain now?",
    ],
)
def test_general_question_beside_the_writers_red_flag(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# ------------------------------- which number is the line (ctx.hypothetical.general)


@pytest.mark.parametrize(
    "message",
    [
        "whats the number for a fever on xeloda, 38 or 38.5?",
        "Which is the fever cut off for calling on chemo, 100.4 or 101?",
        "whats the fever point for calling u when im on taxol 38/38.5?",
    ],
)
def test_which_number_with_candidates(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "whats the fever number to call at, im 38.6 now, 38 or 38.5?",
        "Which temp do I call at, 38 or 38.5? I'm at 38.7 on chemo.",
        "I have a fever of 38.9 on chemo, which number do you want, 38 or 38.5?",
    ],
)
def test_which_number_beside_a_fever_now(message: str) -> None:
    assert_flagged(message, "fever")
