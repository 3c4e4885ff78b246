"""Wordings added in vocabulary 2026.11.57, from the errors of blind70 and blind71 on first sight.

blind70 (long messages telling a whole history, with the present red flag buried) and blind71
(messages at night or in a hurry, frightened or angry, second-language writers and relatives
writing for a parent who does not speak English) were written blind and scored once, unseen, on
2026.11.56 (0.960 / 0.975 / 0.907 and 0.981 / 0.875 / 0.897). Their misses: the saddle area told
as unfelt ("can't feel the inside of her thighs or her bottom") and legs that "won't do what she
tells them"; new back pain with "both legs numb from knee to foot"; "cannot keep the water, she
drink and then vomit" over a day and a half; "I think to finish my life"; "very strong shortness
of breath"; "headache real bad" with vomiting. Their false alarms: a member of the writer's church
choir; a child by age ("My son (12) has a 39 fever"); a faint called the husband's habit with
needles; vomiting that started this morning or "in the last 6 hours"; "a bit hot and
shivery-ish" at 37.8; "spinal cord compression" as a term a nurse mentioned, asked about by its
signs; confusion "a little bit more every week", "not sudden". Each class is tested in fresh
wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.57; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 57)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # the saddle area told as unfelt; legs that will not obey, with back pain
        (
            "Since this afternoon I can't feel my bottom properly and my lower back is killing me",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "Dad says he cannot feel the insides of his thighs when he sits down, and his back "
            "hurts.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "New pain in my spine this week and my legs won't do what I tell them today",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # new back pain with both legs numb, second-language style
        (
            "Pain in back is new from Tuesday, both legs numb from the knees, I am scared",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "My wife has new back pain since yesterday and both her legs are numb now",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "back pain started 3 days ago. both my legs now numb and heavy",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # the water not kept, without "down"; drinking followed by vomiting
        (
            "Diarrhoea since Friday and today is Sunday, he cannot keep the fluids.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Vomiting two days now. She drinks and then throws up, every time.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Mum has the runs since Thursday. She sips and then vomits, she can't keep water.",
            "dehydration",
            "rf.dehydration.1",
        ),
        # "finish my life" for "end my life"
        ("Some nights I am thinking to finish my life, I cannot more.", "self_harm", None),
        ("I want to finish my own life, everything is too heavy.", "self_harm", "rf.self_harm.1"),
        ("Thoughts about finishing my life come every night now.", "self_harm", "rf.self_harm.1"),
        # breathlessness made strong with another word
        ("Tonight so bad short of breath, I stop on the stairs", "breathing", "rf.breathing.1"),
        (
            "My father has very heavy shortness of breath since the afternoon",
            "breathing",
            "rf.breathing.1",
        ),
        ("I have really strong shortness of breath today, lung mets", "breathing", None),
        # a headache told as "real bad" / "so bad" with vomiting
        ("my headache is real bad and I threw up twice this morning", "headache", None),
        ("Headache so bad since lunch, and now I am vomiting", "headache", None),
        ("She has a headache very bad and she is throwing up tonight", "headache", None),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str, rule: str | None) -> None:
    assert_flagged(message, flag)
    if rule is not None:
        assert rule in {r.rule for r in classify(message).reasons}


@pytest.mark.parametrize(
    "message",
    [
        # the saddle area felt, legs that obey, legs numb without back pain
        "I can feel my bottom and thighs fine, the back pain is from gardening years ago",
        "My legs numb from chemo for two years, same as always, no back pain",
        "Back pain in 2019, both legs were numb then, all fine since the surgery",
        # water kept; drinking fine
        "Diarrhoea since Friday but she drinks and keeps the water fine",
        "I can't keep the water bottle cold in this heat, any tips for chemo days?",
        # "finish my life" not about dying
        "I want to finish my life story before my next scan, a memoir for my kids",
        "Years ago, back in 2015, I thought to finish my life. Now I have therapy and I am well.",
        # breathlessness not strong, or a question
        "A bit short of breath on hills, nothing strong",
        "Is very strong shortness of breath a side effect of Enhertu?",
        # headache real bad without vomiting, or years ago
        "Headache real bad since morning but no vomiting, no stiff neck",
        "Headache real bad and throwing up back in 2019, it was a migraine",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- false alarms: someone else ----------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "A lady from my book club has been coughing up blood and won't see anyone. Where can she "
        "go?",
        "One member of our congregation fainted during the service today. Is it catching?",
        "My daughter (8) has a 39.5 fever today and I'm on Ibrance. Can I still hug her?",
        "Our 10-year-old son has a temperature of 38.6, should I skip my chemo day?",
        "My grandson, aged 6, has a fever of 39 since last night. I am on chemo, is it risky?",
    ],
)
def test_someone_else_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag beside the other person's
        "My son (12) has a fever of 39 and I have a fever of 38.5 on chemo.",
        "A man from my church choir had the flu. Now I am on chemo and my temperature is 38.4.",
        "My daughter (9) is ill and I have been coughing up blood since this morning.",
    ],
)
def test_writer_own_flag_beside_someone_else_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: a faint called a habit with needles -----------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My wife fainted when they took her blood today, she always does that with needles.",
        "He passed out at the vaccine clinic (he usually does that with shots). Can he still "
        "come with me?",
        "I blacked out at the lab this morning - I always do that with blood tests, nothing new.",
    ],
)
def test_habitual_faint_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # no habit with a trigger, or the writer's own faint today
        "My husband fainted at the blood drive today and hit his head, he never does that.",
        "He always does that with needles, but today I fainted in the shower on my own.",
        "She fainted at home this afternoon; she always does that when she is upset.",
    ],
)
def test_faint_without_needle_habit_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: vomiting under 24 hours -----------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Began throwing up around 7 this morning (now 2pm) and can't keep water down.",
        "Vomited 4 times in the last 5 hours, can't keep fluids down so far.",
        "Started being sick after lunch and I can't keep anything down yet.",
    ],
)
def test_vomiting_under_a_day_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "threw up all night and haven't kept anything down since yesterday morning",
        "Threw up 3 times in the last 6 hours, and haven't kept anything down since Saturday.",
        "Started vomiting this morning again; can't keep water down for two days now.",
    ],
)
def test_vomiting_over_a_day_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: mild shivers below the threshold --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "On Taxol. A little hot and shivery tonight, temperature 37.5.",
        "Feeling kind of shivery, no chills, 37.6 on the thermometer, chemo last week.",
        "A bit shaky-ish and warm since lunch, temp 37.4, on AC.",
    ],
)
def test_mild_shivery_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "On Taxol. Hot and shivery tonight and I can't get warm.",
        "A bit shivery earlier, now my temperature is 38.3, chemo on Monday.",
        "Feeling hot and shivering with chills, cycle 3 of EC.",
    ],
)
def test_shivers_on_chemo_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: the cord compression term mentioned or asked about ---------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My oncologist warned me about cord compression because of the mets in my spine. What "
        "should I look for?",
        "What are the symptoms of spinal cord compression? I have a bone met in my back.",
        "The leaflet on metastatic spinal cord compression says to call. Who do I call at night?",
    ],
)
def test_cord_term_mentioned_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own signs beside the term
        "The nurse mentioned cord compression last month. Tonight my back hurts and my legs "
        "went numb.",
        "I think I have spinal cord compression, I can't feel my bottom since this morning.",
        "I'm concerned about MSCC",
    ],
)
def test_cord_signs_beside_the_term_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: confusion growing week by week ----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Grandpa gets confused a little more every month, it is slow, not sudden.",
        "My mother is more confused week by week since the summer.",
        "She is getting confused, each week a bit worse since spring, nothing sudden.",
    ],
)
def test_gradual_confusion_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "She got confused a bit more every week since fall, but since this morning she "
        "suddenly doesn't know me.",
        "Confused more every month, and tonight she is suddenly confused and can't find words.",
        "Not sudden before, but today she is suddenly very confused.",
    ],
)
def test_sudden_confusion_beside_gradual_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"
