"""Wordings added in vocabulary 2026.11.44, from the errors of blind49 on first sight.

blind49 (second-language writers: Tagalog, Spanish, Korean, Yup'ik, Russian and Samoan speakers;
elderly writers; exhausted caregivers) was written blind and scored once, unseen, on 2026.11.43
(0.951 / 0.833 / 0.930). Its misses were red flags told with second-language grammar: a head
"very very painful", "I do not see with left eye", "shaking in her arm and face for 2 minutes",
"better if I am not here", "teeth shaking, I cannot get warm", "face and eyes" swollen, "even
sitting I breathe fast", "PAIN LEFT SIDE OF CHEST"; its false alarms an assessment told in the
present tense ("I go to the ER, they do EKG"), treatment that "finish ... 2 years ago", and "If
she fall or faint". Each class is tested in fresh wordings, both ways; each remover beside the
writer's own red flag.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.44; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 44)


@pytest.mark.parametrize(
    "message",
    [
        "From this morning my head is so so painful and I vomited two times",
        "Her head is very painful since last night, she throw up everything",
        "My head is paining very much and I keep vomiting since noon",
        "The head pain today is the worst of my whole life and my neck is stiff",
    ],
)
def test_a_head_told_as_very_painful(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "My head is a little painful when I read, no vomiting",
        "My head is not very painful now, only the tummy is upset and I vomit once",
        "I had a headache last year when I vomit, it was very painful, but it is fine now",
    ],
)
def test_a_mild_denied_or_old_head_pain(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "This afternoon my husband does not see with his right eye, everything black",
        "Since one hour my mother don't see from left eye",
        "My husband cannot see out of left eye since he woke up",
    ],
)
def test_do_not_see_with_one_eye(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "I do not see well with left eye, it is the cataract for years",
        "I don't see any difference with the left eye drops, should I keep using them?",
    ],
)
def test_poor_sight_or_eye_drops(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Yesterday in the evening my father had shaking in his leg and hand for 3 minutes and he "
        "did not answer",
        "This morning jerking in her right leg for about a minute, then she was sleepy",
        "Tonight twitching of his left hand and face for two minutes, now he is very tired",
    ],
)
def test_shaking_in_a_limb_for_minutes(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "There is shaking in my hands for 2 weeks now, when I hold the cup",
        "I have a little shaking in my hand since the new medicine, no other problem",
    ],
)
def test_a_tremor_of_weeks(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Maybe it is better for my children if I am not alive",
        "Sometimes I feel it is better if I am no longer alive",
        "Everything is so hard, maybe it is easier for everyone if I am not around",
    ],
)
def test_better_if_i_am_not_here(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "It is better if I am not here on Monday, can we move the appointment?",
        "It will be easier if I am not here when the nurse comes, my daughter will open",
    ],
)
def test_not_here_on_a_day(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "His teeth keep shaking and he can't get warm, chemo last week",
        "Mom is shivering in her bed and can't get warm, her chemo is on Tuesdays",
        "He is trembling all over and cannot get warm, his chemo was Monday",
    ],
)
def test_teeth_shaking_and_cannot_get_warm(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "My teeth are shaking loose from the gum disease, is it the chemo?",
        "I was shaking from nerves before the scan but now I'm fine",
    ],
)
def test_loose_teeth_or_nerves(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My face and lips are swollen and I am breathless since this morning, I have the port",
        "Her face and eyes look puffy since yesterday and she is short of breath walking to the "
        "bathroom",
        "His neck and eyes are swollen today and he is gasping",
    ],
)
def test_face_and_eyes_swollen_with_breathlessness(message: str) -> None:
    assert_flagged(message, "svc")


def test_face_and_eyes_swollen_from_crying() -> None:
    message = "Her face and eyes got swollen from crying, she just feels very sad"
    assert urgency_of(message) != "emergency"


def test_face_and_eyes_swollen_without_breathlessness() -> None:
    assert urgency_of("Her face and eyelids are a bit puffy in the morning, breathing is fine") != (
        "emergency"
    )


@pytest.mark.parametrize(
    "message",
    [
        "Even sitting my mother breathe very fast since this afternoon",
        "I breathe fast even sitting, it start yesterday",
        "even lying in bed he is breathing very hard tonight",
    ],
)
def test_breathing_fast_even_at_rest(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "After walking up the hill I breathe fast, then it is ok",
        "Even lying down I breathe normal now, the short breath is gone",
    ],
)
def test_breathing_fast_on_exertion_or_normal_at_rest(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Pain right side of chest since one hour, I am sweating",
        "STRONG PRESSURE MIDDLE OF CHEST THIS MORNING",
        "My father has tightness in right side of chest from lunch time",
    ],
)
def test_the_side_of_the_chest_without_an_article(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "No pain right side of chest anymore, thank you for asking",
        "Is pain on left side of chest from the expander normal?",
    ],
)
def test_chest_side_denied_or_from_the_expander(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Last week my wife have chest pain, we go to emergency, they do ECG and x-ray, all normal",
        "Yesterday my father faint, they take blood test and they do CT, everything ok",
    ],
)
def test_tests_told_in_the_present_tense_are_an_assessment(message: str) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I have chest pain right now, do they do EKG at your clinic?",
        "I have chest pain since one hour, if they do ECG at your clinic I come now",
        "Monday they do EKG for the chest pain, it was fine, but today again I have new chest "
        "pain very strong",
    ],
)
def test_the_writers_own_chest_pain_beside_they_do_ekg(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "I finish my chemo 3 years ago. Now I have fever 38.6 and cough",
        "She complete her radiation two years ago, this week she has temperature 38.4",
    ],
)
def test_treatment_that_finish_years_ago(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I finish chemo 2 years ago but now I am on chemo again for the new spot, fever 38.7 "
        "tonight",
        "I finish my chemo 2 weeks ago, today fever 38.9",
    ],
)
def test_fever_on_current_or_recent_treatment_still_counts(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "If he fall or faint in the night, who he call?",
        "If my mom trip and pass out, what she do? Do you have alarm button?",
    ],
)
def test_if_he_fall_or_faint_is_a_question(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "If my dad fall or faint, how he call for help? Yesterday he fainted in the kitchen and "
        "hit his head",
        "My father fall and faint this morning, now he is sleepy",
    ],
)
def test_the_patients_own_faint_beside_the_question(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "Her hair is fall very much since the new chemo",
        "Her hair falling so much in the shower since the Taxol",
        "My nails are black and loose since the Taxotere",
        "Her nails look black since the docetaxel",
        "I find a little hard thing under my arm this week",
        "There is a hard spot under my arm since last month",
    ],
)
def test_second_language_symptoms_are_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Will my hair fall a lot on this chemo?",
        "It is a hard thing for me to ask, but can I change doctor?",
        "my nails are clean now",
    ],
)
def test_questions_and_other_hard_things_are_not_symptoms(message: str) -> None:
    assert "symptoms" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The scan show it already go to other organ, what is next?",
        "Is possible the cancer move to another part of body?",
        "The doctor worry the tumor travel to other organ",
    ],
)
def test_spread_told_literally(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "My daughter will go to other place for school, can I change my number?",
        "Is it ok if the appointment go to other place, the north clinic?",
    ],
)
def test_going_to_another_place(message: str) -> None:
    assert "recurrence" not in classify(message).tags
