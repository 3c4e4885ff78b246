"""Wordings changed in vocabulary 2026.11.106, from the errors of blind174 and blind175.

Both sets were scored once on first sight on 2026.11.103 (blind174 0.988 / 0.875 / 1.000, blind175
0.983 / 0.976 / 0.932), their six misses fixed in 2026.11.104 while they were held out, and are
used for development from this version. The classes of their remaining errors fixed here: the
false alarms b175-103 (a seizure last month, "they started me on keppra" read as the seizures
starting again) and b175-135 (rattly breathing in a grandmother "walking around and eating"); the
tag errors b174-011 (a leaflet's quoted list), b174-108 (lymphedema therapy as a service),
b174-121 ("I have no side effects"), b174-135 (a skin spot that won't go away), b174-147 (heavy
periods), b175-028 ("No BM for 5 days"), b175-065 (a reaction during an infusion) and b175-074
(numbness "but spreading"). Each class is tested with wordings that are not the sets' sentences,
and with counterparts that must stay as they were; each remover with a red flag said now in the
same message, which must stay an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.106; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 106)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# b175-103: "they started me on" a drug is a treatment begun, not the finding starting again


@pytest.mark.parametrize(
    "message",
    [
        "My husband had a seizure three weeks ago, the ER kept him overnight and they started him "
        "on levetiracetam. Should his chemo be delayed?",
        "I had a fit last month at home, the hospital started me on keppra and I have felt fine",
        "Mum collapsed in October, they've started her on blood pressure pills since then. Can "
        "she still have her infusion?",
    ],
)
def test_they_started_me_on_a_drug_is_not_again(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the old seizures starting again now, and a new seizure beside the drug begun
        ("She had seizures in the spring, they stopped, but tonight they started again", "seizure"),
        (
            "After last month's seizure they started me on keppra, and an hour ago I had another "
            "seizure in the kitchen",
            "seizure",
        ),
        (
            "they started her on steroids last week and since this morning she has chest pain",
            "chest_pain",
        ),
    ],
)
def test_a_seizure_now_beside_a_drug_begun_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b175-135: a breathing sound in a person who is up and well is a symptom, not the red flag


@pytest.mark.parametrize(
    "message",
    [
        "Dad's breathing is noisy at night but he is up and about and eating fine",
        "my aunt has a cold and her breathing sounds a bit gurgly, she's otherwise fine",
        "Grandpa's breathing is rattling since Sunday but he's still walking around the house",
    ],
)
def test_a_breathing_sound_in_someone_up_and_well_is_no_alarm(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the sound alone, and a real red flag said now in the same message as "up and about"
        ("her breathing sounds really rattly and she is very weak tonight", "breathing"),
        ("Mum's breathing is so gurgly tonight", "breathing"),
        (
            "his breathing is noisy but he is walking around; he can't catch his breath even "
            "sitting down",
            "breathing",
        ),
        (
            "her breathing sounds rattly but she is eating, and she has had chest pain since "
            "this morning",
            "chest_pain",
        ),
    ],
)
def test_a_breathing_sound_or_breathlessness_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b174-011: a leaflet's, card's or sheet's words in quotes are the clinic's, not the patient's


@pytest.mark.parametrize(
    "message",
    [
        "The card in my folder says 'shaking chills, chest pain, fainting: call 911'. Can I get "
        "a spare card for my husband?",
        "Your handout lists 'seizure, coughing up blood, severe headache' on the back page. "
        "Is there a Spanish version?",
        "The booklet reads 'no urine for 12 hours, vomiting for a day, fever over 38' - who "
        "wrote it?",
    ],
)
def test_a_quoted_leaflet_list_is_not_a_symptom(message: str) -> None:
    result = classify(message)
    assert "symptoms" not in result.tags, result.reasons
    assert result.urgency == "routine"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag after the closing quote
        (
            "The leaflet says 'call for a fever over 38, chills or bleeding' and I have a fever "
            "of 38.7 tonight on chemo",
            "fever",
        ),
        (
            "The card lists 'chest pain, fainting' as reasons to call. I fainted an hour ago",
            "collapse",
        ),
    ],
)
def test_a_red_flag_after_the_quote_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b174-108: lymphedema therapy, treatment or risk named as a service or a question


@pytest.mark.parametrize(
    "message",
    [
        "Do you offer lymphedema therapy here or only in Anchorage?",
        "What is my lymphoedema risk after they took eight nodes?",
        "Can I get a referral for lymphedema massage before my surgery as prevention?",
    ],
)
def test_lymphedema_therapy_as_a_service_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My lymphedema has got worse this month, do you offer lymphedema therapy?",
        "my arm is swollen again, can I see the lymphedema therapist",
    ],
)
def test_lymphedema_the_patient_has_still_tagged(message: str) -> None:
    assert "symptoms" in tags_of(message)


# b174-121: "I have no side effects" is none had


@pytest.mark.parametrize(
    "message",
    [
        "Is the letrozole even doing anything? I'm having zero side effects",
        "She has no side effects at all from the Kisqali, should we ask about the dose?",
        "I've been getting hardly any side effects, is that normal on Herceptin?",
    ],
)
def test_no_side_effects_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I'm having bad side effects from the capecitabine",
        "No fever, but I have some side effects I want to ask about",
    ],
)
def test_side_effects_had_still_tagged(message: str) -> None:
    assert "symptoms" in tags_of(message)


# b174-135: a spot, bump or sore on the skin that is new or will not go away


@pytest.mark.parametrize(
    "message",
    [
        "there's a small shiny bump on her skin near the scar, it came up last week",
        "I have a sore on my chest wall that hasn't healed for a month",
        "A little scab by my nipple that just won't go away, should someone look?",
    ],
)
def test_a_skin_spot_that_wont_go_away_is_a_symptom(message: str) -> None:
    assert "symptoms" in tags_of(message), classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a spot on a scan, and a parking spot
        "The radiologist saw a new spot on the scan, is that why you want to see me?",
        "Is there a free parking spot near the infusion center?",
    ],
)
def test_a_spot_that_is_not_on_the_skin_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


# b174-147: heavy or irregular periods


@pytest.mark.parametrize(
    "message",
    [
        "Since finishing chemo my periods are back and they are really heavy with clots",
        "heavy periods every two weeks on tamoxifen, is this normal?",
        "My daughter says her period has been non-stop for ten days since the zoladex was stopped",
    ],
)
def test_heavy_periods_are_a_symptom(message: str) -> None:
    assert "symptoms" in tags_of(message), classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "It has been a heavy period for our family, can the social worker call me?",
        "My periods stopped during chemo, will they ever come back?",
    ],
)
def test_periods_not_told_heavy_are_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


# b175-028: "no BM" for days


@pytest.mark.parametrize(
    "message",
    [
        "no bowel movement for six days on the morphine, tummy is swollen",
        "Mom: no BM since Saturday, she's on oxycodone",
        "No poo in 4 days, stomach feels hard",
    ],
)
def test_no_bm_for_days_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency == "priority"


@pytest.mark.parametrize(
    "message",
    [
        # bowels fine, and a negation the finding does not swallow
        "Bowels are fine, going every day. When is my next scan?",
        "no BM problems, no nausea, just asking about my appointment time",
    ],
)
def test_bowels_fine_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


# b175-065: a reaction had during or to a treatment


@pytest.mark.parametrize(
    "message",
    [
        "I had an allergic reaction to the Taxol on Monday, they gave me steroids. What now?",
        "She had a reaction during her herceptin yesterday, the nurse paused it",
        "Got a bad reaction at my last infusion, will they slow it down next time?",
    ],
)
def test_a_reaction_had_recently_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # years ago, and background dealt with
        "Six years ago I had a reaction to paclitaxel. Please note it before my new chemo",
        "She had a reaction to her first infusion in March, but that was all sorted with premeds. "
        "Can we move her appointment?",
    ],
)
def test_an_old_or_settled_reaction_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in tags_of(message), classify(message).reasons


# b175-074: a nerve or skin symptom "but spreading" is not the cancer spreading


@pytest.mark.parametrize(
    "message",
    [
        "tingling in my toes since the taxol and now spreading higher",
        "Itchy rash on my back from the new pills, and slowly spreading",
        "numb patch under my arm after the node surgery, yet spreading this month",
    ],
)
def test_a_symptom_spreading_is_not_recurrence(message: str) -> None:
    result = classify(message)
    assert "recurrence" not in result.tags, result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "numbness in my hands and I'm scared the cancer is spreading",
        "My feet are tingling, but has it spread to my spine?",
    ],
)
def test_a_symptom_beside_the_cancer_spreading_stays_recurrence(message: str) -> None:
    assert "recurrence" in tags_of(message), classify(message).reasons


def test_a_quoted_list_asked_about_still_tags_symptoms() -> None:
    """Whether the list applies to the writer is a question about what the symptoms mean."""
    message = (
        "My chemo card says 'fever, shaking chills, fainting: call 911'. Does that apply to me "
        "on hormone pills only?"
    )
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency != "emergency"
