"""Wordings added in vocabulary 2026.11.28, from the lead's fourth set of probe sentences (scored
on 2026.11.26: 7 emergencies of 32 missed, one false emergency). Each class is tested on
sentences written for these tests (the probe sentence itself at most once), with counterparts
that must stay quiet: negated, dated long ago, already assessed, someone else's, a figure of
speech. The one addition that removes a red flag (a person who "doesn't have cancer" is not the
patient) is tested against the writer's own red flag in the same message.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.28; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 28)


# ------------------------------- cannot be kept awake, falls asleep mid-sentence (rf.confusion.2)


@pytest.mark.parametrize(
    "message",
    [
        "my husband keeps drifting off mid-sentence and we can't keep him awake, he's on chemo",
        "we can't keep Dad awake this evening, he just slumps back to sleep",
        "she keeps falling asleep mid-conversation since this morning",
        "I'm struggling to keep my wife awake, she drops off while she's eating",
        "he dozes off mid sentence and then won't answer me",
        "Mum keeps nodding off in the middle of talking to me",
    ],
)
def test_cannot_be_kept_awake_is_reduced_consciousness(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "the pain keeps him awake at night",
        "he hasn't been drifting off mid-sentence, he is just tired after chemo",
        "In 2019 after the surgery he kept drifting off mid-sentence, it passed. Records please.",
        "I keep nodding off during the TV in the evenings on chemo",
        "I can't keep my eyes open in the afternoons since chemo",
        "We can't keep him awake past 9pm these days, he's always been an early sleeper",
    ],
)
def test_tiredness_insomnia_or_an_old_spell_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- every breath an effort, breathing only sitting up (rf.breathing.1)


@pytest.mark.parametrize(
    "message",
    [
        "every breath is a struggle tonight, I have to sit bolt upright",
        "each breath is a real effort since this evening",
        "she's struggling for every breath even sitting still",
        "Dad is fighting for every breath",
        "breathing has become a struggle tonight even lying in bed",
        "she can only breathe sitting bolt upright",
    ],
)
def test_every_breath_a_struggle_is_breathless_at_rest(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "In 2020 with covid every breath was a struggle, now I'm fine. Can I get my records?",
        "My husband said every breath is a struggle when he runs marathons, he doesn't have "
        "cancer.",
        "breathing is a struggle on the stairs this month, fine sitting down",
        "Is it normal to sit upright in the chair during the infusion?",
    ],
)
def test_an_old_episode_exertion_or_someone_else_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- legs gone to jelly with a bad back (rf.cord_compression.1)


@pytest.mark.parametrize(
    "message",
    [
        "my legs went to jelly this afternoon and now I can't stand, my back's been bad for a week",
        "my back has been really bad and today my legs turned to jelly",
        "my back's been playing up for days and now my legs won't hold me",
        "my back's been bad since Monday and her legs went to jelly tonight, she can't stand",
        "my back is giving me hell and both my legs have gone to mush",
    ],
)
def test_legs_to_jelly_with_a_bad_back_is_cord_compression(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "my back's been bad for a week, legs are fine",
        "my legs went to jelly when the doctor said it was clear lol, can I get my results letter",
        "Back in 2015 my back was bad and my legs went weak, treated with radiation, all fine now",
        "The results came back bad and my legs went to jelly, can someone call me about the plan?",
    ],
)
def test_a_bad_back_alone_or_legs_to_jelly_as_a_figure_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


@pytest.mark.parametrize(
    "message",
    [
        "My legs turned to jelly when the nurse rang with the news, in a good way! When is my "
        "next appointment?",
        "my legs went to jelly with nerves before the scan, what time should I arrive?",
    ],
)
def test_legs_to_jelly_from_news_or_nerves_is_no_symptom(message: str) -> None:
    assert urgency_of(message) == "routine", message


def test_the_writers_own_legs_to_jelly_still_fire_after_the_figure() -> None:
    assert_flagged(
        "My legs went to jelly when the consultant said the scan was clear. But this week my "
        "back's been bad and today my legs turned to jelly and I can't stand.",
        "cord_compression",
    )


# ------------------------------- an eye that went black or dark (rf.stroke.4)


@pytest.mark.parametrize(
    "message",
    [
        "everything went black in my left eye for ten minutes and now it's blurry",
        "my right eye suddenly went dark an hour ago",
        "it all went black in one eye this morning and it hasn't come back properly",
        "Mum says everything went grey in her right eye just now",
        "I lost half the vision in my right eye today",
    ],
)
def test_an_eye_going_black_is_loss_of_vision(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "my left eye went red and itchy after the eyedrops",
        "everything went black in my left eye for a few seconds back in 2012, the eye doctor "
        "said migraine",
        "nothing went dark in my eye, it's just a bit watery",
        "the screen went black on my left side when I tried to upload my form",
    ],
)
def test_a_red_eye_an_old_episode_or_a_screen_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- a dizzy spell and a drop to the floor (rf.collapse.1)


@pytest.mark.parametrize(
    "message",
    [
        "I went dizzy and hit the floor in the bathroom, my partner found me",
        "Mum hit the deck in the kitchen this morning",
        "I went lightheaded and ended up on the floor",
        "Dad dropped to the floor at lunch and took a minute to come round",
        "my legs went and I hit the ground outside the shop",
        "he went down in a heap in the hallway tonight",
    ],
)
def test_a_drop_to_the_floor_is_collapse(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I dropped my phone on the floor in the bathroom, can you resend the code?",
        "I didn't hit the floor, I just felt dizzy and sat down",
        "I tripped on the rug and hit the floor, bruised knee, nothing else",
        "she hit the floor running this morning, busy day at work",
        "In 2018 I went dizzy and hit the floor, it was low blood pressure, sorted now",
        "I hit the deck running today, three appointments before lunch",
    ],
)
def test_a_trip_a_dropped_thing_or_a_figure_of_speech_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- a decision told indirectly, goodbyes (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "I've decided tonight is the night, I'm done",
        "I've made up my mind, tonight's the night. I'm done with all of it.",
        "I'm done with life, I've said my goodbyes to the kids",
        "I've written goodbye letters to everyone",
        "I'm done with it all, this is goodbye",
    ],
)
def test_a_decision_or_goodbyes_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "Tonight is the night before my surgery, what time should I stop eating?",
        "I'm done with chemo! Last session today, when is my follow-up?",
        "I've decided tonight is the night I tell my kids about the diagnosis",
        "I'm done, thanks for the help with the form",
        "My husband said he's done with it all at work, he's quitting. Can I move my appointment?",
    ],
)
def test_a_date_a_last_session_or_a_job_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- heavy bleeding from the back passage (rf.bleeding.1)


@pytest.mark.parametrize(
    "message",
    [
        "I'm passing a lot of blood from my back passage, it started this morning",
        "Mum is losing lots of blood from her bottom since lunchtime",
        "I'm passing loads of clots from down below, soaking everything",
        "he's passing a lot of blood in his urine today",
    ],
)
def test_passing_a_lot_of_blood_is_bleeding(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "I passed a lot of blood from my back passage in 2019, it was piles. Records please.",
        "no blood from my back passage, just constipation",
        "I passed a lot of blood from my back passage on Friday, the ER did a scope and said "
        "it's haemorrhoids, it has settled",
    ],
)
def test_old_absent_or_assessed_bleeding_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency", message


# ------------------------------- "he doesn't have cancer" (ctx.experiencer.not_patient)


@pytest.mark.parametrize(
    "message",
    [
        "My husband fainted at the gym yesterday, he doesn't have cancer. Can I bring him to my "
        "appointment?",
        "My sister passed out at work on Monday, she doesn't have cancer, she's just run down. "
        "Is there a leaflet for carers?",
        "My dad had chest pain last night but he has never had cancer, can I reschedule my scan "
        "to go with him?",
    ],
)
def test_a_person_without_cancer_is_not_the_patient(message: str) -> None:
    assert urgency_of(message) != "emergency", message


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My husband fainted at the gym yesterday, he doesn't have cancer. "
            "I passed out this morning too.",
            "collapse",
        ),
        (
            "My husband fainted at the gym yesterday, he doesn't have cancer, "
            "and I've had chest pain since this morning.",
            "chest_pain",
        ),
        ("He doesn't have cancer. I collapsed in the kitchen an hour ago.", "collapse"),
        (
            "Mum doesn't have cancer any more after her surgery but she fainted this morning",
            "collapse",
        ),
    ],
)
def test_the_writers_own_red_flag_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)
