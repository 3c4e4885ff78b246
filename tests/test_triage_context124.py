"""Wordings changed in vocabulary 2026.11.134: the errors of the blind sets blind200 and blind201
(scored once unseen on 2026.11.133), each read as a class (sources are the row ids).

Emergencies missed:

- a limb told weak with its side after it ("Leg went weak suddenly on my right side", b200-036):
  rf.stroke.2.
- pink or red frothy "stuff" told before the cough, and red streaks "in it" after the cough
  ("theres pink frothy stuff when I cough, and some red streaks in it", b201-015):
  rf.haemoptysis.1.
- a roommate, neighbour or relative with their treatment told in brackets right after them ("my
  roommate (shes 34, on AC chemo) is shaking so hard her teeth are chattering", b201-078): the
  person is the patient (ctx.experiencer.named_patient).
- found on "her / his" floor, the possessive for the article ("I found her on her kitchen floor
  about an hour ago", b201-152): rf.collapse.1.

False alarms:

- "more confused" over a span of more than seven days ("For about 10 days my mother (75) has been
  more confused in the evenings", b200-029): ctx.confusion.slow (a remover; a span of a week or
  less, sudden or of today still fires).
- an old dated stroke, then "ever since" or "old news" ("My mother had a stroke in 2015 and her
  left side has been weak ever since, that's old news", b201-145): ctx.stroke.old (a remover;
  anything new, sudden or of today still fires).

Tags:

- the person said to have asked the writer to send the message ("My roommate has had a dry cough
  ... She asked me to send this", b201-034): ctx.experiencer.named_patient, so the finding is the
  patient's (symptoms).

Left: b201-154 ("She's been more muddled the past few days ... her pee smells strong"), labelled
not an emergency as "not sudden"; confusion begun within the last few days is acute and inside
the seven-day window, so by the README's recall-first rule the label is disputed and the flag kept.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.134; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 134)


# (1) a limb told weak with its side after it (b200-036)


@pytest.mark.parametrize(
    "message",
    [
        "My arm went weak suddenly on my left side about 20 minutes ago, I can't lift my cup.",
        "Mum's leg has gone useless on her right side since lunch, she can't stand.",
        "His hand is limp on the left side and he's dribbling, started an hour ago.",
        "dads leg just went weak on one side, happened 10 mins ago",
    ],
)
def test_limb_weak_with_its_side_after_it_flagged(message: str) -> None:
    assert_flagged(message, "stroke")
    assert "rf.stroke.2" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "My leg went weak on my right side two years ago after my stroke in 2019, it has been "
            "the same since."
        ),
        "What does it mean if a leg goes weak on one side?",
        (
            "My arm went weak on my left side last month, the ER scanned me and said it was a "
            "pinched nerve."
        ),
        "My arm is heavy on the left side since the lymph node surgery.",
    ],
)
def test_limb_weak_with_its_side_old_asked_or_assessed_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (2) pink or red frothy stuff before the cough, red streaks "in it" after (b201-015)


@pytest.mark.parametrize(
    "message",
    [
        "there's red stuff when I cough, started this morning",
        "Pink foamy gunk every time she coughs since yesterday.",
        "Dad keeps coughing and there are dark red flecks in it today",
        "been hacking all night, little red specks in it now",
    ],
)
def test_coloured_stuff_with_the_cough_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "I have a cough but no red streaks in it, just green phlegm",
        "Coughing a lot this week, my poo has red streaks in it from my piles",
        "Is pink frothy stuff when you cough a sign of something serious?",
        "I coughed up pink frothy stuff three weeks ago, the ER said it was from the cold.",
    ],
)
def test_coloured_stuff_denied_elsewhere_asked_or_old_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (3) a person's treatment told in brackets right after them (b201-078)


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour (72, on Enhertu) passed out on her porch ten minutes ago.",
        "My coworker (she's on Kisqali) is shaking with chills and has a temp of 38.9.",
        "my roommate (on chemo, 40) is burning up at 39.2 tonight",
    ],
)
def test_person_on_treatment_in_brackets_is_the_patient(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour (on chemo too, like me) fainted last week at the bus stop, is that common?",
        "My coworker (she had chemo in 2015) had a seizure at work today.",
        (
            "Hi, I'm your patient (stage 2, on anastrozole). My husband has had chest pains "
            "since lunch; he's not a patient of yours. I'm fine myself."
        ),
    ],
)
def test_fellow_patient_past_treatment_or_the_writer_in_brackets_not_an_emergency(
    message: str,
) -> None:
    assert_not_emergency(message)


# (4) found on her / his own floor (b201-152)


@pytest.mark.parametrize(
    "message",
    [
        "I found him on his bathroom floor just now, he's breathing but not talking.",
        "Found mum lying on her kitchen floor this morning, she doesn't know how she got there.",
        "The carer found him on his bedroom floor an hour ago, he's grey.",
    ],
)
def test_found_on_their_own_floor_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I found her ring on her bedroom floor, can she wear it to surgery?",
        (
            "In 2019 I found him on his bathroom floor, since then no problems. Question about "
            "his port."
        ),
    ],
)
def test_found_an_object_or_long_ago_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) more confused over a span of more than seven days (b200-029): a remover


@pytest.mark.parametrize(
    "message",
    [
        (
            "For about two weeks Dad has been more muddled in the afternoons, still eating and "
            "drinking."
        ),
        "He's been more confused for about 12 days, on and off.",
        "For 9 days my wife has been more disoriented in the evenings.",
    ],
)
def test_more_confused_over_more_than_a_week_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Mum is more confused for 3 days now, today she doesn't know me.",
        "For about 10 days she's been tired, and since this morning she is suddenly confused.",
        "She's been more confused the past few days and is hard to wake.",
        "For about 10 days she has been more confused, and tonight she suddenly doesn't know me.",
    ],
)
def test_confusion_of_days_or_sudden_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# (6) an old dated stroke, then "ever since" or "old news" (b201-145): a remover


@pytest.mark.parametrize(
    "message",
    [
        (
            "My husband had a stroke in 2012 and his right side has been weak ever since. Can he "
            "still have the infusion?"
        ),
        (
            "I had a small stroke in 2016 and my speech has been slurred since then, old news. "
            "Question about parking."
        ),
        (
            "He had a stroke 10 years ago and his left leg has been weak ever since, we want to "
            "know about trials."
        ),
    ],
)
def test_old_stroke_ever_since_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Dad had a stroke in 2018 and his left side has been weak ever since, but today his "
            "right arm suddenly went weak too."
        ),
        (
            "She had a stroke years ago and has been fine since then; this morning her face is "
            "drooping."
        ),
        (
            "Mum had a stroke in 2015 and her left side has been weak ever since, and now her "
            "speech is suddenly slurred."
        ),
    ],
)
def test_old_stroke_with_a_new_sign_still_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


# (7) the person who asked the writer to send the message (b201-034): a tag


@pytest.mark.parametrize(
    "message",
    [
        "My roommate has been coughing for a week. She asked me to send this, she's at work.",
        "My neighbour has had a new rash for three days. He asked me to contact the clinic.",
        "My coworker has been throwing up since Monday, she asked me to email you.",
    ],
)
def test_person_who_asked_for_the_message_is_the_patient(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My coworker fainted at her desk an hour ago, she asked me to email you.",
        "My friend had a seizure this morning. She asked me to message you on her behalf.",
    ],
)
def test_person_who_asked_for_the_message_red_flag_counts(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour had a seizure last year. She asked me to ask about my own scan.",
        "My neighbour fainted yesterday at the shops. Can I move my appointment?",
    ],
)
def test_other_person_without_the_request_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)
