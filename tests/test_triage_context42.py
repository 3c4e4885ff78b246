"""Wordings added in vocabulary 2026.11.51, from the errors of blind58 and blind59 on first sight.

blind58 (what the form receives in a fortnight, in proportion) and blind59 (writers the form sees
less often: men, young mothers, pregnant patients, assisted living, other illnesses, very formal
or blunt) were written blind and scored once, unseen, on 2026.11.50 (0.978 / 0.952 / 0.952 and
0.981 / 0.921 / 0.921). Their misses: loss of bowel control told in the perfect ("hasn't been able
to control her bowels"); bleeding that "keeps going no matter what I do" after a logistics
question; facial and neck swelling on waking with having to stop and get one's breath (SVC
obstruction); blood in the sputum told formally ("my sputum has contained fresh red blood"); a
fever with shivering that a care-home nurse "thinks it's a cold" (read as an assessment). Their
false alarms: "I don't know the signs" read as disorientation; a shoulder that will not let the
arm rise all the way read as one-sided weakness; a nosebleed that urgent care packed; confusion
after an anaesthetic months ago brought back by "will that happen again?"; a general question
asked because a relative who has since died had the sign. Each class is tested in fresh
wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.51; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 51)


# --- loss of bowel or bladder control told in the perfect -------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad hasn't been able to hold his bladder since Tuesday night and his back is killing him",
        "I haven't been able to control my bowels since this morning",
        "my wife has not managed to hold her urine today, she has spine mets",
    ],
)
def test_bowel_bladder_control_in_the_perfect(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "He hasn't been able to control his blood sugar since the steroids started",
        "Mom hasn't had any trouble with her bowels or bladder, she is just tired",
    ],
)
def test_other_control_not_cord_compression(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- bleeding that keeps going whatever is done -----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My nose started bleeding after lunch and it keeps going no matter what we try",
        "the cut on her shin has been bleeding since dinner and it just keeps on oozing",
        "Can my scan move to Friday? Also gums bleeding since I brushed at 7, no matter what I do",
    ],
)
def test_bleeding_that_keeps_going(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "My gums bled a little when I flossed and I keep going back to the dentist about it",
        "My gums bleed a bit when I brush, it stops after a minute",
    ],
)
def test_minor_bleeding_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- not knowing the signs is not disorientation (a remover) ----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I don't know the warning signs of a blood clot, can you send a list?",
        "My daughter doesn't know the symptoms of sepsis to look out for, she is my carer",
    ],
)
def test_not_knowing_the_signs_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Since this afternoon she doesn't know the year or where she is",
        "I don't know the signs, but tonight Dad doesn't know the day or who I am",
    ],
)
def test_disorientation_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# --- an arm that will not rise all the way (a stiff shoulder; a remover) ----------------------


@pytest.mark.parametrize(
    "message",
    [
        "Since my mastectomy last year I can't lift my arm above my head without pulling",
        "She can't raise her arm past her shoulder since the radiation, it's stiff",
        "frozen shoulder for a month, I can't move my arm fully",
    ],
)
def test_shoulder_range_not_stroke(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "He can't raise his right arm since he woke up an hour ago",
        "I can't lift my left arm, it just happened",
    ],
)
def test_arm_weakness_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")


# --- facial or neck swelling with stopping to get one's breath (SVC obstruction) --------------


@pytest.mark.parametrize(
    "message",
    [
        "her face and neck are puffy this morning and she has to "
        "stop and catch her breath going to the toilet",
        "My face is swollen and I had to pause and get my breath climbing three stairs",
        "neck swollen up since yesterday, I keep stopping to get my breath",
    ],
)
def test_face_swelling_with_breathlessness(message: str) -> None:
    assert_flagged(message, "svc")


@pytest.mark.parametrize(
    "message",
    [
        "My face is a bit puffy from the steroids, breathing is fine",
        "I had to stop and get my breath on the hill walk, I'm just unfit",
    ],
)
def test_swelling_or_breath_alone_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- blood in the sputum told formally --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Since this morning my sputum has contained blood",
        "His phlegm has shown streaks of blood twice today",
        "Dear team, my sputum contained small amounts of fresh blood this afternoon.",
    ],
)
def test_sputum_containing_blood(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "My sputum has contained no blood, only a little yellow",
        "The sputum sample contained bacteria, do I need antibiotics?",
    ],
)
def test_sputum_without_blood_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a nurse's bare guess that a fever is a cold is not an assessment -------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad's temperature is 38.6 and he's shaking. The nurse at his home thinks it's just a bug.",
        "She has a fever of 101 and chills, the nurse thinks it's the flu",
        "Temp 38.4 tonight. The nurses there think it's a cold.",
    ],
)
def test_fever_with_a_nurses_guess(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Her temperature was 38.7; the nurse examined her and thinks it's a cold",
        "Fever of 38.5 yesterday, the doctor saw him and thinks it's a virus",
    ],
)
def test_fever_examined_stays_assessed(message: str) -> None:
    assert urgency_of(message) == "priority"


# --- a bleed that urgent care, A&E or the paramedics packed (a remover) -----------------------


@pytest.mark.parametrize(
    "message",
    [
        "My nose bled for two hours on Saturday and wouldn't stop; "
        "urgent care cauterized it and it's fine now.",
        "Heavy nosebleed on Friday that would not stop, the A&E packed it, all good since",
        "the paramedics packed her nose after it bled for an hour yesterday",
    ],
)
def test_bleed_packed_is_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My nose has been bleeding for an hour and won't stop, the urgent care is closed",
        "urgent care packed it on Monday but tonight it started bleeding again and won't stop",
    ],
)
def test_bleed_now_still_fires(message: str) -> None:
    assert_flagged(message, "bleeding")


# --- a question whether an old episode will happen again (a remover) --------------------------


@pytest.mark.parametrize(
    "message",
    [
        "After my op in June I was very confused for two days. Would "
        "that happen again with the next anaesthetic?",
        "I was disoriented for a day after my port went in back in "
        "April; might it happen again next time?",
        "He had a seizure after his surgery in August. Could that "
        "happen again when he has the next operation?",
    ],
)
def test_will_it_happen_again_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I was confused after surgery in March and it happened "
        "again this morning, I didn't know where I was",
        "He had a seizure in August and it happened again an hour ago",
    ],
)
def test_it_happened_again_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- a general question asked because a relative had the sign long ago (a remover) -----------


@pytest.mark.parametrize(
    "message",
    [
        "Do brain tumours cause fits? My mother had one years before she passed away.",
        "Can spread to the brain cause seizures? My aunt had them before she died. I'm well.",
        "Is a seizure a sign of brain mets? My brother had one as a teenager, asking for me",
    ],
)
def test_question_because_of_a_relative_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Can brain mets cause seizures? I had one an hour ago",
        "Is it normal to have seizures on this drug? My wife had one this morning",
    ],
)
def test_question_with_the_sign_now_still_fires(message: str) -> None:
    assert_flagged(message, "seizure")
