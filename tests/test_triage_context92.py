"""Wordings changed in vocabulary 2026.11.101, from the errors of triage_blind166 and blind167.

Both sets were held out and scored once on 2026.11.97 (blind166 0.966 / 0.875 / 0.972, blind167
0.977 / 1.000 / 0.894), then used for development here. Each class is tested with wordings that
are not the sets' sentences, and each remover with the writer's red flag told as now beside it.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.101; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 101)


# b166-003: a clock time the fever started at, and a treatment dated with no verb after it


@pytest.mark.parametrize(
    "message",
    [
        "Since around 3am my temp is 38.4, last chemo 2 weeks ago",
        "fever 38.6 since 5 pm, infusion 10 days ago",
        "temperature of 101 from about 6am, my last chemo 3 weeks ago.",
        "Mum has been burning up since 2am, 39.1 on the thermometer, chemo 2 weeks ago",
        "Running 38.5 (chemo 12 days ago), what do I do?",
        "chills and a temp of 38.2, treatment 3 weeks ago",
    ],
)
def test_fever_with_a_verbless_treatment_date_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        # the fever itself dated weeks back stays a past symptom
        "I had a fever of 38.5 about 3 weeks ago, it went away on its own",
        "Fever 38.4 three weeks ago, fine since. Chemo 2 weeks ago. When is my scan?",
    ],
)
def test_a_fever_weeks_ago_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b166-039: a pill the oncologist gave is a prescription, not an assessment of the fever


@pytest.mark.parametrize(
    "message",
    [
        "Shivering and feverish, thermometer says 38.4. "
        "It's a tablet my oncologist gave me, does that count?",
        "temp 38.7 tonight, I'm on a pill the doctor prescribed me for the cancer",
        "Mum has a fever of 38.9, she takes a capsule her oncologist gave her every day",
    ],
)
def test_fever_beside_a_pill_the_doctor_gave_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I had a fever of 38.6 yesterday, my oncologist saw me this morning "
        "and gave me antibiotics",
        "Fever of 38.5 last night, seen in the ER and sent home, they said it was viral",
    ],
)
def test_a_fever_the_doctor_saw_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b166-143: "hot body" / "body is hot" with a reading in degrees, or "has 39 degree"


@pytest.mark.parametrize(
    "message",
    [
        "My father body is very hot, 39 degree, he had chemo on Monday",
        "she has hot body 38.5 degrees since morning, please help",
        "My mother has 39 degree and shaking, she do chemotherapy",
        "his body feels burning, 40 degrees, what we do",
    ],
)
def test_hot_body_with_a_reading_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "My body is hot all the time from the hormone pills, hot flushes, 36.8 degrees",
        "She has 39 degree weather outside, can she still walk to the clinic?",
        "My body is hot when I sleep, is that the tamoxifen?",
    ],
)
def test_hot_body_without_a_fever_reading_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b166-119: a relative found on the floor, named by who they are or the room


@pytest.mark.parametrize(
    "message",
    [
        "I found my husband on the bathroom floor an hour ago, he is awake now",
        "my son found grandma lying on the kitchen floor this morning",
        "found mum on the floor by her bed, she doesn't know how she got there",
        "We found dad slumped on the hallway floor after lunch",
    ],
)
def test_relative_found_on_the_floor_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I found my mum's glasses on the kitchen floor, "
        "can she get a new prescription at the clinic?",
        "My dad found a tablet on the floor, should she take another?",
    ],
)
def test_a_thing_found_on_the_floor_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# Removers


@pytest.mark.parametrize(
    "message",
    [
        "A lady from support group had a seizure, what signs should I look for?",
        "friend from chemo coughed up blood last night, I'm scared, what are the warning signs?",
        "my buddy from group fainted yesterday, should I be worried about my own heart?",
    ],
)
def test_a_friend_from_a_group_without_a_determiner_is_someone_else(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My friend from support group had a seizure last week and I had a seizure this morning",
        "A woman from support group was worried about me, I fainted an hour ago",
    ],
)
def test_the_writers_own_red_flag_beside_a_friend_from_a_group_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I've had a seizure disorder since I was 12 and now the chemo is making me dizzy",
        "She has had a seizure condition for years, it's controlled; can she have Enhertu?",
        "My husband has had a seizure disorder from childhood, will the radiation affect his meds?",
    ],
)
def test_a_long_standing_seizure_disorder_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I've had a seizure disorder since childhood and I had a seizure this morning",
        "Mum has had a seizure condition for years and she is having a seizure now",
    ],
)
def test_a_seizure_now_beside_a_seizure_disorder_fires(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "About the leaflet, it says chest pain and fainting can be signs of a clot. What else?",
        "I read your article, which says seizures can mean spread to the brain. Is that common?",
        "The booklet, it lists coughing up blood as a warning sign. Why?",
    ],
)
def test_a_document_then_it_says_is_a_question(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The leaflet, it says to call for chest pain, and I have chest pain right now",
        "About the brochure, it says seizures can be a sign. I had a seizure an hour ago",
    ],
)
def test_the_writers_own_red_flag_after_a_document_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my aunt says radiation gives people seizures, is that true?",
        "Someone told me Enhertu causes women chest pain, should I worry?",
        "apparently the tablets give people chest pain, true?",
    ],
)
def test_a_treatment_that_gives_people_a_finding_is_a_question(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "chemo gives people seizures apparently, and I had a seizure this morning",
        "my cousin says chemo gives people chest pain. I have chest pain right now",
    ],
)
def test_the_writers_own_red_flag_beside_people_in_general_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my wife coughs up blood now and then from her bronchiectasis, her own doctor is on it. "
        "Can I move my appointment?",
        "Dad has fainted a few times this week, his GP is aware and managing it. "
        "Is his chemo still on?",
        "she gets chest pain with her angina, her cardiologist is on top of it",
    ],
)
def test_a_doctor_already_on_it_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My husband coughs up blood from his COPD, his doctor is on it, but since this morning "
        "it's much worse and won't stop",
        "Letting you know so her oncologist is aware: mum fainted an hour ago",
        "Mum fainted at lunch. Telling you so her oncologist is aware.",
    ],
)
def test_the_red_flag_told_as_now_beside_a_doctor_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "haha my husband says I passed out when I saw the parking charges. do you have a discount?",
        "lol the kids swear I had a heart attack when I saw the bill, is it right?",
        "My daughter says I fainted at the price of the wig lol, are they covered?",
    ],
)
def test_a_joke_faint_at_a_price_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My husband says I fainted when I saw the bill and hit my head",
        "lol the kids say I fainted when I saw the parking fee, but I really did pass out "
        "this morning and hit my head",
        "I fainted an hour ago. lol my kids say I faint at every bill",
    ],
)
def test_a_faint_told_as_now_beside_the_joke_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons
