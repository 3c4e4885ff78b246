"""Wordings changed in vocabulary 2026.11.115: the errors of triage_blind186 and triage_blind187.

The gaps (both sets scored once unseen on 2026.11.112): coughing told first, then pinkish froth
("when I cough there's pinkish froth with red streaks"), a bare reading in degrees told with where
it was taken ("38 degrees exactly under the tongue"), "seized" followed by a time of day ("my mom
seized this afternoon") and a fever with the village health aide away ("health aide is out on a
medevac", read as the aide's assessment) were missed emergencies; chest pain assessed in a
second-language sentence ("No, not the heart, his doctor check the ECG on Monday and it was ok")
and a seizure dated 2019 named again as "the seizure" in a question about telling the team were
false alarms. Tag gaps: the organ named without its article ("her cancer is in liver and lung
now"), "mine" for the writer's mets, a child who is told the news, a question about the signs
after someone else's story, "moth sores", food stuck "when I swallow", sleeping a lot more, the
vision "slowly getting blurry". Each reading keeps the usual context: negated, dated years back,
someone else's, asked about or assessed is not an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.115; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 115)


# coughing, then pink, pinkish or reddish froth, foam or phlegm (rf.haemoptysis.1)


@pytest.mark.parametrize(
    "message",
    [
        "when she coughs there's pink frothy stuff, since this morning",
        "been coughing all night and bringing up pinkish foam",
        "every time I cough there's reddish phlegm, started today",
        "I keep coughing and there's blood-tinged mucus today",
        "He's coughing a lot today, frothy pink phlegm",
    ],
)
def test_pink_froth_after_a_cough_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "when I cough there's no pink froth, just clear phlegm",
        "I coughed up pinkish froth in 2019 with pneumonia",
        "what if I cough up pink froth?",
    ],
)
def test_pink_froth_denied_old_or_asked_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# a reading in degrees told with where it was taken (rf.fever.1)


@pytest.mark.parametrize(
    "message",
    [
        "39 degrees under her tongue, chemo on Tuesday",
        "38.5 degrees in his ear, on Enhertu",
        "under the tongue it's 38 degrees, had AC last week",
        "101 degrees orally, last chemo Monday",
    ],
)
def test_a_reading_under_the_tongue_flagged(message: str) -> None:
    assert_flagged(message, "fever")
    assert "rf.fever.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "37 degrees under the tongue, on kadcyla",
        "it's 38 degrees outside and I'm on chemo",
        "what if it's 38 degrees under the tongue?",
        "finished chemo in 2020, 38 degrees under the tongue today",
    ],
)
def test_a_low_reading_the_weather_or_a_question_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# "seized" followed by a time (rf.seizure.1)


@pytest.mark.parametrize(
    "message",
    [
        "my dad seized this morning and is drowsy",
        "she seized an hour ago",
        "he seized all night",
        "grandma seized this evening, still confused",
        "mum seized on the floor at lunch",
    ],
)
def test_seized_with_a_time_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "my husband seized the moment and proposed",
        "dad seized this opportunity to retire",
        "my back seized up this morning",
        "she seized in 2015, none since",
    ],
)
def test_seized_in_other_senses_or_long_ago_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# the health aide away is no assessment (ctx.assessed)


@pytest.mark.parametrize(
    "message",
    [
        "she has a fever of 39 and is on chemo, the health aide is away in Bethel",
        "fever 38.9, chemo last week, the health aide is out on a medevac",
        "burning up 102 after chemo on the 2nd, health aide is busy with another patient",
    ],
)
def test_a_fever_with_the_health_aide_away_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "fever 38.9 on chemo, the health aide checked her and called it in",
        "she had a fever of 39 on chemo, the health aide medevaced her to Anchorage yesterday",
    ],
)
def test_a_fever_the_health_aide_saw_to_priority(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


# a clinician's verb in its base form, an ECG told normal with its day between (ctx.assessed),
# "No, not the heart" (ctx.negation.pseudo)


@pytest.mark.parametrize(
    "message",
    [
        "Since 2 weeks he has a pain in the chest when he cough. No, not the heart, his doctor "
        "check the ECG on Monday and it was ok.",
        "He has pain in the chest when he coughs. The doctor check him yesterday.",
        "Chest pain for 2 weeks. His ECG on Monday was normal.",
        "chest pain when she coughs, the nurse see her on Tuesday and everything was ok",
        "My mother chest pain since one week. Doctor examine her last week, ECG ok.",
    ],
)
def test_chest_pain_assessed_in_plain_words_priority(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "I have chest pain since this morning. The doctor will check the ECG on Monday.",
        "I have chest pain now, should the doctor check the ECG on Monday?",
        "He has chest pain. The doctor see him on Monday.",
        "The doctor check him last week but today the chest pain is much worse",
        "No, not the heart - she is having crushing chest pain now",
        "He has chest pain. No, the doctor has not seen him.",
        "His ECG in 2019 was normal. Now he has crushing chest pain.",
    ],
)
def test_chest_pain_not_yet_assessed_still_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


# "the seizure" asked about again after a seizure dated years back (engine: _told_back)


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure in 2019 from a medication reaction, nothing since. I was diagnosed with "
        "bone mets in August. Do I need to tell the radiation team about the seizure?",
        "She had a seizure years ago from a fever. Do I need to tell the surgeon about the "
        "seizure?",
        "I had a seizure as a teenager. Does the radiation team need to know about the seizure?",
        "My dad had seizures in 2016, none since. Should I tell his oncologist about the seizures?",
        "I had one seizure back in 2017 after a head injury. I start chemo next month. Should the "
        "chemo nurses be told about the seizure?",
    ],
)
def test_an_old_seizure_asked_about_again_not_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" not in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure in 2019. Do I need to tell the team about the seizure I had this morning?",
        "I had a seizure in 2019 and had another seizure today. Should I tell the team about the "
        "seizure?",
        "Should I tell my oncologist about the seizure?",
        "I had a seizure in 2019. Do I need to tell the team about the seizure? She had a seizure "
        "an hour ago too",
        "I had a seizure in 2019. Now I'm worried about the seizure.",
        "My friend had a seizure in 2019. I had a seizure this morning, do I tell the team about "
        "the seizure?",
    ],
)
def test_a_seizure_now_beside_the_question_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# recurrence: the organ without its article, "mine" for the cancer, a child told the news


@pytest.mark.parametrize(
    "message",
    [
        "Hello po, her cancer is in liver and lung now",
        "my mama cancer is in bone and liver now",
        "The cancer went to liver this year.",
        "the cancer spread to lung last year",
        "mine are only in bone",
        "Mine grew in the liver on the last scan.",
        "Mine has spread to the brain",
        "how do I tell my 8 year old that my cancer is back?",
        "how do I tell my kids that my cancer has spread to my bones?",
    ],
)
def test_recurrence_in_plain_words_tagged(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my cancer doctor sent me to liver clinic",
        "the cancer center referred me to lung doctor for my asthma",
        "mine is in the bone scan folder",
    ],
)
def test_an_organ_clinic_or_scan_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "my 8 year old has a fever of 39",
        "our kids have a fever",
        "I told my kids they have a fever of 39",
    ],
)
def test_a_child_who_has_it_is_still_someone_else(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# symptoms: a question about the signs after someone else's story, and plain complaints


@pytest.mark.parametrize(
    "message",
    [
        "my friend with brain mets had a seizure, what are the warning signs I should know? mine "
        "are only in bone",
        "a lady in my support group had a seizure, what are the symptoms I should watch for? mine "
        "are in the bones",
        "my neighbour has bone mets and had a seizure, which are the warning signs for me?",
        "moth sores so bad i can only eat soup",
        "moth ulcers since the chemo",
        "food feels stuck when i swallow, about 2 weeks",
        "food gets stuck when she swallows, for a week",
        "he is sleeping way more since the radiation",
        "she's been sleeping a lot more than normal",
        "My vision's been slowly getting a bit blurry over the last month",
        "Her sight's been slowly going fuzzy this month",
    ],
)
def test_symptoms_tagged(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags, result.reasons
    assert result.urgency != "emergency", result.reasons


@pytest.mark.parametrize(
    "message",
    [
        "my friend with brain mets had a seizure, what are the warning signs I should know?",
        "a lady in my support group had a seizure, what are the symptoms I should watch for?",
    ],
)
def test_the_question_does_not_make_their_seizure_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
