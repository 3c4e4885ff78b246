"""Wordings changed in vocabulary 2026.11.121: the misses of the held-out blind192-194.

The gap (first sight on 2026.11.120; only the missed rows were used): a fever told with the
subject left out ("my sister she have chemo last week, now very hot 39 degree", b192-104); a
husband who "makes no sense" when woken (b193-076); the sight in one eye going "blurry then black"
and "now I can see shapes only" (b193-144); a tongue swelling five hours after getting "back from
chemo" (b194-142, chemo attended in a clinic is an infusion); a nosebleed that "started at 6 and
its now 8:15" and "I've been pinching and it won't stop" (b194-154). New lines in rf.fever.1,
rf.confusion.2, rf.stroke.4, ctx.infusion, rf.bleeding.1 and rf.bleeding.2. The counterparts stay
as they were: the weather, a low reading or a question; a paper that makes no sense or the
writer's own waking; both eyes greying on standing years ago, long-standing low vision, a scan's
shapes; swelling from a sting weeks after chemo; a bleed that stopped, pain that "won't stop".
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.121; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 121)


# a fever: a time word, then "very hot" and a reading in degrees, the subject left out


@pytest.mark.parametrize(
    "message",
    [
        "My mother she do chemo on Monday, today very hot 40 degree",
        "my husband chemo last week, tonight so hot 38.5 degree, please help",
        "my dad on chemo, since yesterday very hot 39 degree",
        "Mum is on chemo. Now very hot 39.5 degree, shaking",
        "She have chemo, still very hot 39 degree after the paracetamol",
    ],
)
def test_a_reading_after_very_hot_without_a_subject_flagged(message: str) -> None:
    assert_flagged(message, "fever")
    assert "rf.fever.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the weather
        "Today very hot 39 degree outside, can I still go for my walk after chemo?",
        "It's now very hot 40 degrees in Phoenix, should I stay in on chemo?",
        # a reading under the threshold
        "my mother she do chemo, now very hot 37 degree only",
        # asked about
        "Is it dangerous if she is now very hot 39 degree after chemo?",
        # years back
        "In 2019 after chemo, again very hot 39 degree for a day, then fine",
    ],
)
def test_very_hot_weather_low_asked_or_old_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# woken and then making no sense


@pytest.mark.parametrize(
    "message",
    [
        "when we wake her up she doesn't make any sense, she is on chemo",
        "Every time I wake my mum she talks nonsense",
        "If I wake him he just makes no sense and falls back asleep",
        "my wife sleeps all day and when I rouse her she doesn't know where she is",
        "she makes no sense when she wakes up this evening",
        "when we wake Dad up, he is not making any sense",
    ],
)
def test_no_sense_when_woken_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own waking
        "when I wake up my mind makes no sense for a minute",
        # a paper, and sense made of a bill
        "The letter makes no sense, when I woke him to ask he didn't know either",
        "when I wake him he doesn't make any sense of the bill either",
        "when I wake him he makes no sense to me about the forms, he's fine otherwise",
        # years back, and negated
        "Last year when we woke him in the hospital he made no sense, he is fine now",
        "when I wake him he makes sense, just very tired",
    ],
)
def test_no_sense_of_papers_self_or_past_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# the sight in one eye through two states, and only shapes left now


@pytest.mark.parametrize(
    "message",
    [
        "my vision went fuzzy and then dark in my right eye this morning",
        "her left eye went blurry then black for a minute an hour ago",
        "my eye went black suddenly, now I can only see shadows",
        "since this morning I can only see light and dark out of my left eye",
        "Everything went grey then black in my right eye just now",
    ],
)
def test_one_eye_blurry_then_black_or_only_shapes_flagged(message: str) -> None:
    assert_flagged(message, "stroke")
    assert "rf.stroke.4" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # both eyes on standing, years ago
        "My eyes went blurry then black when I stood up too fast in 2015",
        # long-standing low vision
        "I can see shapes only out of my left eye since my cataract years ago",
        # shapes on a scan
        "now I can see the shapes on the scan she showed me",
        # asked about
        "Does chemo make your eye go blurry then black in one eye?",
        # years ago and checked
        "my right eye went blurry then black for a second 3 years ago, checked, fine",
    ],
)
def test_vision_greying_old_asked_or_on_a_scan_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# back from chemo, or chemo hours ago: an infusion for the infusion-reaction red flag


@pytest.mark.parametrize(
    "message",
    [
        "came home from chemo an hour ago and my lips are swelling",
        "Got back from treatment 3 hours ago and my throat feels like it's closing",
        "chemo 4 hours ago, now my tongue is swollen",
        "Just got home from my chemo and my tongue feels thick and swollen",
    ],
)
def test_swelling_after_getting_back_from_chemo_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        # nothing of a reaction
        "chemo 5 hours ago, now I'm tired",
        # weeks back and another cause
        "Got back from chemo 3 weeks ago, my lips swelled from a bee sting yesterday",
        "back from chemo yesterday, I have a cold sore and my lip is swollen from the cold sore",
    ],
)
def test_back_from_chemo_without_a_reaction_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# a bleed that started at one clock time and "it's now" another; first aid and "it won't stop"


@pytest.mark.parametrize(
    "message",
    [
        "Her nosebleed began at 4pm and it's now 6",
        "nose bleed started around 7 and its now 9.30",
        "my gums started bleeding at 5 this morning and it's now 10",
    ],
)
def test_bleed_started_at_a_time_and_now_another_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "my cut is bleeding, I've been pressing on it for ages but it won't stop",
        "the port site is bleeding, we are holding pressure and it won't stop",
        "Nosebleed, been pinching my nose and the bleeding won't stop",
        "nose bleeding again, I'm squeezing the soft part and it doesn't stop",
    ],
)
def test_first_aid_then_it_wont_stop_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        # stopped, and not a bleed
        "The nosebleed started at 6 and stopped at 6:10, it's now 8",
        "I've been pressing on my neck and it won't stop hurting, no bleeding",
        "My headache started at 6 and its now 8, pinching my temples and it won't stop",
        # last week, and it did stop
        "nosebleed last week, I pinched it and it did stop",
    ],
)
def test_stopped_bleeds_and_other_pains_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_missed_rows_red_flag_said_now_still_fires_beside_a_remover() -> None:
    """The removers (weather look-ahead, "of the bill" look-ahead, "hurting" look-ahead) leave the
    red flag said now in the same kind of message an emergency."""
    assert_flagged(
        "my mother do chemo, today very hot 39 degree. It is cold outside, not the weather", "fever"
    )
    assert_flagged("when I wake him he makes no sense, the bill can wait", "confusion")
    assert_flagged(
        "nosebleed since dinner, pinching and it won't stop, my head is hurting", "bleeding"
    )
