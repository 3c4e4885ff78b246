"""Wordings changed in vocabulary 2026.11.99, from the errors of blind162 and blind163.

Both sets were held out and scored once on 2026.11.96 (blind162 0.976 / 0.951 / 0.929, its
self-harm miss b162-061 fixed in 2026.11.97; blind163 0.991 / 0.975 / 0.929), then used for
development here. Misses: urine told as the subject that "hasn't come" (b163-021); back pain told
with an intensifier and no verb in second-language English (b162-113). Removers, each with the
writer's red flag told as now beside it still firing: a bystander who fainted at the writer's drain
(b162-015); what the writer read a finding "can be", or a book that lists it (b162-052, b162-121);
an ER visit told without a verb (b163-057); breathlessness on walks, "fine when I'm resting" in a
sentence of its own, after an infusion (b163-118); the suicide hotline named as a service in the
Spanish rule (b163-121).
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.99; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 99)


@pytest.mark.parametrize(
    "message",
    [
        "my wee hasn't come out since yesterday evening",
        "Mom's pee hasnt come all day and she can't drink",
        "urine hasn't come since 6 last night, on chemo",
        "her pee didnt come out at all since last night",
        "his pee still hasn't come since yesterday morning, dad on docetaxel",
    ],
)
def test_urine_that_has_not_come_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")
    assert "rf.dehydration.2" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "the urine test hasn't come back yet",
        "my pee hasn't come back clear yet, is that ok?",
        "the pee hasnt come since 9am and its 2pm",
    ],
)
def test_urine_results_or_a_short_span_is_no_alarm(message: str) -> None:
    assert "dehydration" not in classify(message).red_flags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my mother back have big pain since 3 days and her legs weak, she cannot walk",
        "My back is so much pain, and my legs is numb from yesterday",
        "my back very pain and my legs are weak",
        "My husband's back very much pain, his legs weak today",
    ],
)
def test_back_pain_with_an_intensifier_and_weak_legs_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "my back has a lot of pain since a week, no problem with legs",
        "Going to the back of the pain clinic, where is it?",
    ],
)
def test_back_pain_alone_or_the_back_of_a_place_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My wife nearly passed out seeing my stitches lol",
        "My daughter fainted when the nurse changed my dressing, bless her",
        "my husband keeled over at the sight of my drain",
    ],
)
def test_a_bystander_fainting_at_the_writers_wound_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My husband fainted this morning and hasn't come round properly",
        "I fainted when the nurse showed me my drain an hour ago",
        "My husband fainted when the nurse showed us my drain. Then I fainted too an hour ago",
    ],
)
def test_the_writers_own_faint_beside_it_still_fires(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I heard coughing up blood could be a symptom of lung mets",
        "I've read seizures can be a sign of brain mets. How common is that?",
        "My book lists fainting as a warning sign. Is that for everyone?",
        "The guide has a list and chest pain is on it, should I worry in general?",
    ],
)
def test_what_the_writer_read_or_a_book_lists_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I read chest pain can be a warning sign, and I've had chest pain since this morning",
        "My book lists fainting as a warning sign and I fainted this morning",
        "i read my temp and its 38.9, on chemo",
    ],
)
def test_the_writers_own_finding_beside_what_they_read_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "A&E yesterday for chest pain, they said muscular. can I still have chemo friday?",
        "urgent care on saturday for a fever of 38.5, on antibiotics now",
        "ER at the medical center on wed for coughing blood, they said a small clot",
    ],
)
def test_a_visit_told_without_a_verb_is_assessed(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Should I go to the ER today for coughing blood?",
        "er on tuesday for fever. now coughing up blood since this morning",
        "Mom was in ER last night for a seizure, she had another one an hour ago",
    ],
)
def test_a_visit_to_come_or_a_new_red_flag_after_it_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Since my Enhertu infusion I get breathless on my walks with the dog",
        "Mum is out of breath during her walks since the last infusion. "
        "She's ok when sitting down.",
        "Short of breath since the infusion on Monday. Totally fine when I'm resting.",
    ],
)
def test_exertional_breathlessness_after_an_infusion_is_no_alarm(message: str) -> None:
    assert "infusion_reaction" not in classify(message).red_flags, classify(message).reasons
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "After the infusion today she is short of breath, even sitting",
        "Since the infusion an hour ago I can't breathe and my lips are swelling. "
        "I was fine when resting yesterday.",
    ],
)
def test_breathlessness_at_rest_after_an_infusion_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Your page showed the suicide hotline number, why? I'm fine, just asking about my scan",
        "the form gave me a suicide helpline, why?",
        "Is the suicide crisis line open to carers too?",
    ],
)
def test_the_suicide_line_named_as_a_service_is_no_alarm(message: str) -> None:
    assert "self_harm" not in classify(message).red_flags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Your page showed the suicide hotline number. "
        "I have been thinking about suicide every day.",
        "the suicide helpline number came up. I keep thinking about killing myself",
        "I called the suicide crisis line last night because I want to end my life",
    ],
)
def test_the_writers_own_thoughts_beside_it_still_fire(message: str) -> None:
    assert_flagged(message, "self_harm")
