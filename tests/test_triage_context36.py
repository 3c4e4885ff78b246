"""Wordings added in vocabulary 2026.11.45, from the errors of blind50 on first sight.

blind50 (a typical month of the contact form, in proportion: patients, spouses, adult children, a
teenager, home-care nurses, an 81-year-old, a non-native writer) was written blind and scored
once, unseen, on 2026.11.44 (0.958 / 0.960 / 0.980). Its misses were a passive wish told with
"rather" ("I'd rather not wake up") and a red flag asked about and then told without a subject
("Is it normal ...? Started this morning"); its false alarm a symptom asked about after the
question ("Is X something I should watch for?"). Its tag errors: low mood told as "I'm low",
vaginal dryness, skin "red raw", prevention studies "I could join", a finding quoted from a
report ("'spot' on my liver"), and a sense that "has mostly come back" read as a recurrence.
Each class is tested in fresh wordings, both ways; each remover beside the writer's own red
flag.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.45; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 45)


# --- a passive wish told with "rather" --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Most nights now I'd rather not wake up, I am so tired of all of it",
        "My husband told me on Sunday he would rather be dead, he has stopped eating",
        "Since the scan she keeps saying she'd rather not be here any more",
        "Honestly I would rather not exist, can someone call me?",
    ],
)
def test_rather_not_wake_up(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'd rather not wake up early for the 7am slot, is there anything later?",
        "I'd rather not be here for the results, can you phone me instead?",
        "She'd rather die than lose her hair again, she says, so can we talk about cold caps?",
        "He would rather be in the afternoon clinic on Fridays",
    ],
)
def test_rather_about_a_time_or_a_preference(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a red flag asked about, then told without a subject ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Is it normal to cough up blood on the new tablets? Started this morning, bright red.",
        "Can radiotherapy cause chest pain? Began an hour ago and it is getting worse",
        "Is it usual to have a seizure after brain radiotherapy? started today, two of them",
    ],
)
def test_started_this_morning_after_a_question(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons


@pytest.mark.parametrize(
    "message",
    [
        "Is it normal to cough up blood after radiotherapy? My radiotherapy started this morning",
        "Can chemo cause chest pain? My chemo started yesterday and I want to know what to expect",
        "Is it normal to have a seizure on this drug? I started this morning and I'm nervous",
    ],
)
def test_treatment_started_is_not_the_symptom(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- "Is X something I should watch for?" ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Is a seizure something I should watch for with brain mets?",
        "My aunt had a stroke. Is slurred speech something we need to look out for on tamoxifen?",
        "Is coughing up blood anything I should report straight away?",
    ],
)
def test_something_to_watch_for_is_a_question(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure an hour ago. Is a seizure something I should watch for again?",
        "Mum is suddenly confused since lunch, is that something we should watch for?",
        "I am coughing up blood right now and is that something I should call about?",
        "Is my temperature of 39.2 something I should call about? I had chemo on Monday",
        "Is the bleeding from her nose that won't stop something we should worry about?",
    ],
)
def test_the_writers_own_red_flag_beside_watch_for(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons


# --- "it has mostly come back" is a sense recovering ------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My speech went odd for a minute but it has mostly come back now",
        "The numbness went away and the strength has nearly come back in my hand",
        "I lost the hearing in one ear on Monday, it has partly come back",
    ],
)
def test_mostly_come_back_is_not_a_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I'm terrified the cancer has come back in my bones",
        "The scan shows the tumour has come back in the same breast",
    ],
)
def test_the_cancer_coming_back_still_counts(message: str) -> None:
    assert "recurrence" in classify(message).tags


# --- tags in plain wording ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm low most days since the diagnosis, is there someone to talk to?",
        "She's really low and won't talk to anyone since the scan",
        "He is a bit low since the surgery, not himself",
        "The vaginal dryness on anastrozole is awful, I can't sit comfortably",
        "Sex has become impossible since I started letrozole",
        "The skin in my armpit has gone red raw since the radiotherapy",
        "The bra strap has left the scar rubbed raw and weeping",
    ],
)
def test_plain_symptoms_are_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I'm low on letrozole, can I get a repeat prescription?",
        "My Oncotype said I'm low risk, do I still need chemo?",
        "Can I eat raw fish or sushi while on chemo?",
        "I feel I got a raw deal with the parking fines at the hospital",
    ],
)
def test_supplies_risk_and_raw_food_are_not_symptoms(message: str) -> None:
    assert "symptoms" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Do you run any prevention studies for women with a strong family history?",
        "Are there any studies I could join with triple negative?",
        "My sister is BRCA1 positive, are there screening studies she could take part in?",
    ],
)
def test_studies_to_join_are_clinical_trials(message: str) -> None:
    assert "clinical_trials" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I'm studying for my exams, can my appointments be after 4?",
        "Is there somewhere quiet to sit and study while my mum has her infusion?",
    ],
)
def test_studying_is_not_a_trial(message: str) -> None:
    assert "clinical_trials" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The report says 'a few lesions' in her bones, what does that mean?",
        "My CT letter mentions a 'shadow' on my lung, can someone explain?",
        "The radiologist wrote 'nodules' in both lungs",
    ],
)
def test_a_finding_quoted_from_a_report_is_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The leaflet says 'spots' on my hands are normal on capecitabine",
        "I keep seeing 'spots' in my eyes when I stand up",
    ],
)
def test_quoted_spots_elsewhere_are_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags
