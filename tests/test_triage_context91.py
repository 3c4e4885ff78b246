"""Wordings changed in vocabulary 2026.11.100, from the errors of blind164 and blind165.

Both sets were scored once unseen on 2026.11.97 (blind164 0.989 / 0.929 / 0.975, blind165 0.993 /
0.976 / 0.953) and then used for development. Misses: "running hot" with a bare reading and no unit
(b164-001); diarrhoea "every hour" told after commas, and "I cannot drink, everything is coming
out" (b164-037); feeling like one "should just end it" (b164-147); bleeding that keeps on, the
tissue it used up and "still going" (b165-136). False alarms: confusion told as "more confused /
muddled" with "lately" or a span of weeks (b164-100, b165-004); two fever thresholds set side by
side and asked "which is it" (b165-072). None of these is a set's own sentence.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.100; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 100)


# --- "running hot" with a bare reading (b164-001)


@pytest.mark.parametrize(
    "message",
    [
        "been running hot all evening, 38.4 on our thermometer, on paclitaxel",
        "She's running hot, 39 and shivery, chemo last Tuesday",
        "feeling so hot, about 38.6, had my Enhertu on Friday",
        "mum is running hot at 38 tonight",
        "im running hot 101 since lunch",
    ],
)
def test_running_hot_with_a_bare_reading_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "running hot, 37.6 this evening, on chemo",
        "I'm running hot, 38 weeks since my surgery and still tired",
        "it is so hot, 40 degrees outside, is the infusion room air conditioned?",
        "I'm feeling hot, 39 years old and on tamoxifen, are hot flushes normal?",
    ],
)
def test_running_hot_below_threshold_or_not_a_reading_is_no_alarm(message: str) -> None:
    assert "fever" not in classify(message).red_flags, classify(message).reasons


# --- no fluids: "can't drink, everything comes out" and diarrhoea every hour (b164-037)


@pytest.mark.parametrize(
    "message",
    [
        "She can't drink anything, it all comes straight back up, since yesterday morning",
        "i cant drink, everything goes straight through me, diarrhea since friday",
        "He is unable to drink and everything is coming out, two days now, on capecitabine",
        "the diarrhoea since Sunday, really bad, every hour, on xeloda",
        "Diarrhea for 2 days, watery, every 30 minutes",
    ],
)
def test_cannot_drink_or_diarrhoea_every_hour_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "I can't drink coffee on chemo, everything tastes of metal",
        "Diarrhea since Monday, I take loperamide every hour?",
        "diarrhea yesterday, now I pee every hour",
        "I can't drink much but I keep it down fine, no diarrhoea",
    ],
)
def test_other_drinking_or_hourly_things_are_no_alarm(message: str) -> None:
    assert "dehydration" not in classify(message).red_flags, classify(message).reasons


# --- feeling like ending it (b164-147)


@pytest.mark.parametrize(
    "message",
    [
        "Some nights I feel like I should just end it",
        "my sister says she feels like she might as well end it all",
        "i felt like i could end it tonight honestly",
        "Honestly I should just end it. Nothing is getting better",
        "He told me he may as well end it now",
        "some days I feel like ending it all",
    ],
)
def test_feeling_like_ending_it_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "I feel like I should end it with my boyfriend, he isn't supportive",
        "I feel like we should end the chemo early, what do you think?",
        "Should I just end it? The tamoxifen side effects are awful",
        "I feel like ending it early with the radiation course is a mistake",
    ],
)
def test_ending_a_relationship_or_treatment_is_no_alarm(message: str) -> None:
    assert "self_harm" not in classify(message).red_flags, classify(message).reasons


# --- bleeding that keeps on, what it used up, "still going" (b165-136)


@pytest.mark.parametrize(
    "message",
    [
        "his nose keeps bleeding, we've used a whole box of tissues since 8 and it's still going",
        "her gums keep on bleeding after the dentist, it is still going",
        "nose bleeding since tea, gone through two hand towels and it won't stop",
        "my port site keeps bleeding, went through a roll of kitchen roll and its still coming",
    ],
)
def test_bleeding_still_going_after_what_it_used_up_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "my gums keep bleeding when I brush, is that the chemo? I'm still going to the dentist",
        "my gums bled a little this morning, we went through a box of tissues at the film later",
        "her gums keep bleeding a bit when she brushes, but it stops in a minute",
    ],
)
def test_bleeding_that_stops_or_a_plan_still_going_is_no_alarm(message: str) -> None:
    assert "bleeding" not in classify(message).red_flags, classify(message).reasons


# --- removers: "more confused lately" (b164-100, b165-004)


@pytest.mark.parametrize(
    "message",
    [
        "My son thinks I've been more confused lately, probably just tired from chemo",
        "Mum is increasingly muddled over the past few months, she forgets names",
        "My wife says I seem more confused recently, I keep losing my glasses",
        "For the last few weeks Dad has been more confused, nothing sudden",
    ],
)
def test_more_confused_lately_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        # the writer's red flag told as now, beside it, still fires
        "My husband thinks I've been more muddled lately, and this morning I was suddenly confused",
        "She's been more confused lately and today she didn't know where she was",
        "Mum seems more confused, for a few weeks, and since last night she doesn't know us",
        "Dad has been more confused for the last 2 days, on chemo",
        "she is suddenly confused",
    ],
)
def test_sudden_or_recent_confusion_beside_it_still_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


# --- remover: two fever thresholds and "which is it" (b165-072)


@pytest.mark.parametrize(
    "message",
    [
        "The leaflet says fever is 38 but the app says 37.8, which is right?",
        "Your handout says a temperature over 38 but the website says 38.5, which one do I go by?",
        "my card says fever is 100.4 but google says 101, which is it?",
    ],
)
def test_two_thresholds_compared_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own reading beside the question still fires
        "The sheet says fever is 38 but I'm at 38.6 tonight, which is it?",
        "your sheet says fever is 38, which is it? my temp is 38.4 right now and I'm on chemo",
        "The leaflet says fever is 38 but my thermometer says 38.5 now",
    ],
)
def test_a_reading_beside_the_thresholds_still_flagged(message: str) -> None:
    assert_flagged(message, "fever")
