"""Wordings added in vocabulary 2026.11.53, from the errors of blind62 and blind63 on first sight.

blind62 (an ordinary week from writers each invented first: age, job, where in Alaska) and
blind63 (the hardest realistic week: red flags minimised, told as questions, dated ambiguously,
someone else's, already seen) were written blind and scored once, unseen, on 2026.11.52
(0.976 / 0.897 / 0.946 and 0.986 / 0.975 / 0.929). Their misses: vomiting where "everything comes
back, even little sips" (no "up"); a suicidal thought told as driving off the highway "and ending
it"; a cut that "will not quit bleeding"; an arm and the jaw jerking, then could not talk, with a
scene between; low back pain then both thighs "gone sort of numb". Their false alarms: a cord
compression already given emergency radiation; a relative's past infusion reaction asked about by
a writer who starts the same drug on Monday; "if my face drooped would he even know?"; "a week ago
Tuesday". Each class is tested in fresh wordings, both ways; each remover beside the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.53; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 53)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # everything comes back, even sips (no "up")
        (
            "He's been sick since Sunday night, everything comes back, even tiny sips of water",
            "dehydration",
        ),
        ("I've been vomiting since yesterday, it all comes back, even broth", "dehydration"),
        (
            "Since last night everything just comes straight back, not even sips of tea stay",
            "dehydration",
        ),
        # a means told first, then "and ending it"; driving off a bridge or into a tree
        ("Lately I keep thinking about walking into the inlet and ending it", "self_harm"),
        ("I've had thoughts of driving my truck off the bridge", "self_harm"),
        ("some days I think about steering into a tree on the way home", "self_harm"),
        # "quit" for stop
        ("My gums won't quit bleeding since this morning", "bleeding"),
        ("Sliced my finger on the fillet knife and it won't quit bleeding", "bleeding"),
        ("the port site has not quit oozing all afternoon", "bleeding"),
        # a limb or the jaw jerking, a scene between, then could not talk
        (
            "His jaw started twitching at dinner with the grandkids and then he couldn't speak",
            "seizure",
        ),
        (
            "Her hand and face were jerking while she did the dishes and she couldn't answer me",
            "seizure",
        ),
        (
            "my leg started jerking in the truck this morning, then I couldn't talk for a minute",
            "seizure",
        ),
        # low back pain, then both thighs gone numb
        (
            "My lower back has hurt since Friday and now both my thighs have gone numb",
            "cord_compression",
        ),
        ("New back pain this week, and her thighs feel kind of dead today", "cord_compression"),
        ("backache since Tuesday and since then my thighs went all tingly", "cord_compression"),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Everything comes back to the same question: when is my next scan?",
        "My appetite came back, even for coffee",
        "I was thinking about driving to Anchorage and ending the trip at my sister's",
        "I keep thinking about driving off early to beat the traffic to my appointment",
        "I won't quit my job during chemo, is that OK?",
        "She can't quit smoking, any help?",
        "My eyelid twitches when I'm tired, can't do anything about it",
        "His leg jerks as he falls asleep, otherwise fine",
        "my thighs are sore from the new exercise class",
        "My thighs feel numb after the long drive, gone by evening",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- removers: each scoped, each beside the red flag told as now ------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Had urgent surgery two weeks ago for cord compression, home now and walking with a frame",
        "She got emergency radiation on Friday for spinal cord compression; we need the follow-up",
    ],
)
def test_emergency_treatment_given_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Had emergency radiation last month for my hip. Now new back pain, legs went numb today",
        "I'm worried about spinal cord compression, my legs went weak this morning",
    ],
)
def test_cord_compression_now_still_fires(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My sister's throat swelled during her Herceptin. Can that happen to me? I start Tuesday.",
        "My aunt went blue in the lips during her first infusion years ago. I begin next week.",
    ],
)
def test_relative_reaction_asked_about_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I start Herceptin Monday. Today at my first dose my lips went blue and my throat is tight",
        "My lips are blue and I can't catch my breath during my infusion right now",
    ],
)
def test_own_reaction_now_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My wife asks: if I collapsed would anyone even notice? Please send the list.",
        "if she slurred would we even know, with her accent? just wondering",
    ],
)
def test_would_he_know_hypothetical_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My face drooped this morning, would he even know what to do?",
        "She collapsed in the kitchen an hour ago",
    ],
)
def test_sign_told_as_now_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "A week ago Monday I passed out in the shower, fine since",
        "A week ago Sunday she fainted at church, fine since then",
    ],
)
def test_a_week_ago_day_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "A week ago I had a cold; today I passed out in the shower",
        "I fainted on Tuesday at the store",
    ],
)
def test_fainting_this_week_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"
