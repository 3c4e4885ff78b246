"""Wordings changed in vocabulary 2026.11.105, from the errors of blind172 and blind173.

Both sets were scored once on first sight on 2026.11.103 (blind172 0.975 / 1.000 (42/42) / 0.955
(42/44), blind173 0.978 / 1.000 (42/42) / 0.913 (42/46)), held out, then used for development
here. The classes come from the false alarms b172-005, b172-148, b173-080, b173-088, b173-102 and
b173-122, and from the tag errors b172-147, b173-008, b173-024, b173-071 and b173-113. Each class
is tested with wordings that are not the sets' sentences, and with counterparts; every rule that
takes an alarm away is tested with a real red flag said now in the same message, which must stay
an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.105; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 105)


# b172-005: a leaflet that lists red flags under a heading of when to call


@pytest.mark.parametrize(
    "message",
    [
        "The handout the nurse gave me lists seizures and coughing up blood under call us right "
        "away. Is that for everyone?",
        "My booklet puts fever and shaking chills under 'go to the ER'. Does a low temperature "
        "count?",
        "the sheet they handed us has chest pain and fainting under call 911, should I keep it on "
        "the fridge",
    ],
)
def test_a_leaflet_heading_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag beside the leaflet stays an emergency
        (
            "The handout lists chest pain under call right away. I've had crushing chest pain "
            "for the last hour",
            "chest_pain",
        ),
        (
            "my leaflet lists fever under call us immediately, and I'm 38.8 tonight, chemo on "
            "Monday",
            "fever",
        ),
    ],
)
def test_a_leaflet_heading_beside_a_red_flag_now_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b173-102: which fever number a card gives, asked as a choice


@pytest.mark.parametrize(
    "message",
    [
        "Is the temp threshold on my magnet 100.4 or 100.5? I can't read it",
        "is it 38 or 38.5 on the card? asking for my mum, she's well",
        "what's the fever cut-off on the chemo sheet 38 or 38.5, the ink ran",
    ],
)
def test_a_card_threshold_asked_as_a_choice_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a reading of the patient's own beside the question stays an emergency
        "what is the temperature cut-off on the chemo sheet, 38 or 38.5? mine is 38.6 right now",
        "the fever limit in the binder is 38 or 38.3? i have 38.9 tonight and chemo last week",
    ],
)
def test_a_card_threshold_beside_a_reading_flagged(message: str) -> None:
    assert_flagged(message, "fever")


# b172-148: the last event dated by a bare past year


@pytest.mark.parametrize(
    "message",
    [
        "Last fit was 2019, I'm allowed to drive now. need my form signed",
        "My only faint was 2014 at a wedding. Need my disability form.",
        "her last bleed happened 2018 after a dental visit, is that relevant for the biopsy?",
    ],
)
def test_a_last_event_in_a_past_year_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a new event now stays an emergency
        "my last seizure was 2018 but this morning she had another one and she's still not right",
        "Last seizure was 2016, and today I had another seizure in the car park",
    ],
)
def test_a_new_seizure_after_an_old_year_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# b173-080: wheeze only at night, fine in the day, on an antibody drug


@pytest.mark.parametrize(
    "message",
    [
        "Dad's wheezy at night, fine during the day, he's on Kadcyla",
        "my chest gets a bit wheezy at night but I'm ok in the daytime. On herceptin.",
        "wheezy in the evenings, fine through the day, still on the Phesgo",
    ],
)
def test_wheeze_only_at_night_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # an infusion reaction or breathlessness at rest now stays an emergency
        (
            "after the herceptin drip this afternoon her lips are swelling up, wheezy at night "
            "but fine in the day",
            "infusion_reaction",
        ),
        (
            "Wheezy at night, fine in the day. Since her Enhertu infusion an hour ago she can't "
            "catch her breath at all",
            "breathing",
        ),
    ],
)
def test_wheeze_at_night_beside_a_reaction_now_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b173-088: confusion a little worse than last week, known to the team


@pytest.mark.parametrize(
    "message",
    [
        "Mum's confusion is a little worse than last week, her doctors know she gets confused",
        "my husband is slightly more muddled than a week ago, on and off",
        "The oncology team is aware she gets muddled. It seems a bit worse than at her last visit.",
    ],
)
def test_known_confusion_a_little_worse_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a sudden change or today stays an emergency, and so does "much worse"
        "Mum is a bit more confused than last week and since this morning she doesn't know who "
        "I am",
        "The team knows she gets confused, but today she suddenly doesn't know where she is",
        "She's much more confused than last week",
    ],
)
def test_sudden_confusion_beside_known_confusion_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# b173-122: light-headed "again" after an assessed faint


@pytest.mark.parametrize(
    "message",
    [
        "Passed out on Tuesday, the ER checked me and sent me home. Today I'm a little dizzy "
        "again when I get up",
        "She fainted on Monday and the paramedics checked her. Today she felt woozy again",
        "I collapsed at work last week and the GP saw me the same day, now a bit light-headed "
        "again on the stairs",
    ],
)
def test_dizzy_again_after_an_assessed_faint_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a new faint stays an emergency
        "Passed out on Tuesday, the ER checked me and sent me home. Today I was dizzy again and "
        "then I passed out in the kitchen",
        "She fainted on Monday and the paramedics checked her. She fainted again an hour ago",
        "Passed out on Tuesday, the ER checked me and sent me home. It happened again this morning",
    ],
)
def test_a_new_faint_after_an_assessed_one_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


# b173-071: a wish not to have woken up


@pytest.mark.parametrize(
    "message",
    [
        "some mornings I wish I hadn't woken up",
        "I just wish I'd never woken up, everything is too much",
        "my husband said last night he wished he hadn't woken up this morning",
    ],
)
def test_a_wish_not_to_have_woken_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # waking too early, and a wish told weeks ago and seen by a counsellor
        "I wish I hadn't woken up so early, now I'm exhausted",
        "A month ago my wife said she wished she hadn't woken up. Her counsellor has been "
        "seeing her weekly since and she's much better.",
    ],
)
def test_waking_early_or_an_old_wish_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b173-024: a "bleeding heart"


@pytest.mark.parametrize(
    "message",
    [
        "Bleeding heart here, I'd like to help with the fundraiser",
        "I'm a bleeding heart, can I donate my old wigs?",
        "my husband calls me a bleeding heart liberal, I want to volunteer",
    ],
)
def test_a_bleeding_heart_is_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # real bleeding in the same message still counts
        "bleeding heart here, and my nose has been bleeding for an hour and won't stop",
        "I have a bleeding wound near my heart",
    ],
)
def test_real_bleeding_beside_the_idiom_counts(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


def test_real_bleeding_beside_the_idiom_flagged() -> None:
    assert_flagged(
        "bleeding heart here, and my nose has been bleeding for an hour and won't stop", "bleeding"
    )


# b173-113: eyes watery, blurry when reading


@pytest.mark.parametrize(
    "message",
    [
        "my eyes are so watery since starting docetaxel",
        "her eyes have been really teary and sore all week",
        "everything is blurry when I read since the chemo",
    ],
)
def test_watery_or_blurry_eyes_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "that film made my eyes watery lol, anyway can I reschedule?",
        "the photo is blurry when I zoom, can you resend the map?",
    ],
)
def test_a_film_or_a_photo_is_no_eye_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


# b173-008: skin that has peeled


@pytest.mark.parametrize(
    "message",
    [
        "Dad's skin under his arm where the radiotherapy was has all peeled, looks raw",
        "my skin has peeled a lot this week",
        "the skin on the treated breast has peeled and is weeping",
    ],
)
def test_peeled_skin_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I peeled the skin off the chicken for the soup",
        "the skin on my hands has peeled the labels off, haha, kidding. Appointment Tuesday?",
    ],
)
def test_peeling_a_thing_is_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


# b172-147: a fever brought down and "back" again is not the cancer back; its reading counts


@pytest.mark.parametrize(
    "message",
    [
        "the ibuprofen brought the pain down but it's back",
        "tylenol got her temp down for a few hours and now it's back",
        "paracetamol knocked the fever down, then it came back",
    ],
)
def test_a_fever_back_is_not_a_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "advil brought my fever down, but the cancer is back in my liver",
        "the tylenol brought my temp down but the scan says the cancer is back",
    ],
)
def test_the_cancer_back_beside_a_fever_is_a_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a temperature brought down, then up again to a reading: the reading counts
        "tylenol knocked my temp down but it's back up to 38.9 tonight, on chemo",
        "tylenol brought my temp down but now it's 38.9 again, on chemo",
        "the advil got her temp down, then it climbed to 101.3 tonight, she's on Verzenio",
    ],
)
def test_a_fever_back_up_to_a_reading_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "her temp was down this morning, 37.2, on Ibrance",
        "temp is down from 38.5 to 37.6 after the tylenol, on chemo",
    ],
)
def test_a_temperature_down_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
