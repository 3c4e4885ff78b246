"""Wordings added in vocabulary 2026.11.50, from the errors of blind56 and blind57 on first sight.

blind56 (an ordinary week, medium-length, polite and hedged) and blind57 (relatives and carers
writing about the patient) were written blind and scored once, unseen, on 2026.11.49 (0.985 /
0.925 / 0.974 and 0.979 / 1.000 / 0.917). Their misses: a passive wish told as "she wishes she
wasn't here anymore"; a back "much worse than usual" in spine metastases with legs gone weak; a
seizure told as recurring today beside a doctor's forewarning ("the doctor said it could
happen", read as an assessment). Their false alarms: confusion "at times over the past month"
(gradual); blood coughed up "last Thursday week"; blood on the tissue when blowing the nose; a
question about what kind of chest pain the doctor's instruction means; nodding off on opioids
but waking at once and oriented. One more class from the previous round: a question whether a
treatment not yet started is likely to cause a red-flag sign. Each class is tested in fresh
wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.50; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 50)


# --- a passive wish not to be here ----------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My dad wishes he wasn't alive, he said it again at dinner",
        "Since the scan my sister keeps telling me she wished she wasn't around anymore",
        "honestly some nights i wish that i wasn't here",
    ],
)
def test_passive_wish_not_to_be_here(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "She wishes she wasn't here for Christmas, the ward is so dull",
        "I wish I wasn't here at the hospital on my birthday, can the scan move?",
    ],
)
def test_wish_to_be_elsewhere_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- the back told as much worse, with legs gone weak -----------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Mets in my spine. My back is a lot worse since Sunday and my legs feel heavy",
        "her back has been way worse these last days and now her legs are wobbly",
        "My husband's lower back got much worse this week and his legs have gone numb",
    ],
)
def test_back_worse_with_leg_weakness(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My back is a lot worse since Sunday, I think I lifted something wrong",
        "She's back from the hospital and worse at walking, her legs feel weak after chemo",
    ],
)
def test_back_worse_alone_not_cord_compression(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a doctor's forewarning is not an assessment --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "He has had three fits since lunch, the oncologist said they might happen"
        " with the brain mets",
        "mom had another seizure this morning, her doctor said it may happen again",
        "The nurse said seizures could occur. She had one an hour ago and is very drowsy",
    ],
)
def test_seizure_after_a_forewarning(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "She had a seizure this morning and the ER doctor said it was from the brain mets",
        "He had a fit yesterday, the neurologist saw him and said it's under control now",
    ],
)
def test_seizure_seen_by_a_doctor_stays_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a red flag told the week before last ---------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in the shop last Friday week and have been fine since",
        "He coughed up some blood a week last Monday, nothing since",
        "Mum had a small seizure Tuesday week gone, the only one",
    ],
)
def test_red_flag_week_before_last(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in the shop last Friday and again this morning",
        "He coughed up some blood last Monday",
    ],
)
def test_red_flag_last_weekday_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- blood on the tissue from blowing the nose ----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Whenever he blows his nose there are specks of blood on the tissue, the heating is on",
        "There is a bit of blood on my hanky when I blow my nose in the mornings",
        "I blew my nose and saw streaks of blood in the tissue, is that the chemo?",
    ],
)
def test_nose_blowing_blood_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "She coughs and there is blood on the tissue, today",
        "I blew my nose then coughed up blood onto a tissue this morning",
    ],
)
def test_coughed_blood_on_tissue_still_fires(message: str) -> None:
    assert_flagged(message, "haemoptysis")


# --- a question about what a doctor's instruction means -------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "The nurse said to call if he gets chest pain. What sort of chest pain does she mean?",
        "He told us to go in for shortness of breath. What does he mean by shortness of breath?",
        "If she has a seizure we're to ring 911, the doctor said."
        " What type of seizure do they mean, any twitch?",
    ],
)
def test_question_about_an_instruction(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "The doctor said to go to the ER for chest pain. I have chest pain now, what do I do?",
        "She has chest pain right now. What kind of pain does the leaflet mean?",
    ],
)
def test_instruction_with_the_symptom_now(message: str) -> None:
    assert_flagged(message, "chest_pain")


# --- drowsy on opioids but wakes and is oriented --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Mum dozes off mid sentence on the new morphine, but she wakes easily and knows who we are",
        "he keeps drifting off in the middle of talking,"
        " though he wakes up at once and makes sense",
        "She nods off mid conversation since the fentanyl patch"
        " but she comes round and recognises me",
    ],
)
def test_drowsy_but_oriented(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "He keeps nodding off mid conversation and when he wakes he doesn't know where he is",
        "she drifts off mid sentence and we can't wake her properly",
    ],
)
def test_drowsy_and_confused_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- a question whether a treatment not yet started will cause a red-flag sign ---------------


@pytest.mark.parametrize(
    "message",
    [
        "Is Enhertu going to make me short of breath? My first dose is in two weeks",
        "Will the new immunotherapy cause swelling of the throat? We begin in March",
        "Are the Taxol infusions likely to give her chest pain? She starts on the 12th",
    ],
)
def test_question_about_a_future_side_effect(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "my throat is swelling after the Herceptin, is that likely?",
        "Is the ADC going to make this lip swelling worse? My lips swelled up an hour after it",
        "Will my chest pain cause a heart attack?",
        "Is my breathlessness going to make me pass out?",
    ],
)
def test_side_effect_now_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- confusion on and off over weeks --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Over the past few weeks Dad has been a bit muddled now and then, he's on steroids",
        "my husband gets confused in the evenings for the last two months, is it the tumour?",
        "She has been forgetful and confused on and off for weeks now",
    ],
)
def test_gradual_confusion_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Over the past month he has been tired, and today he is suddenly very confused",
        "She has been muddled for the past few weeks but tonight she is much worse",
        "She has been on dexamethasone for the past month and she is confused",
    ],
)
def test_confusion_new_today_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")
