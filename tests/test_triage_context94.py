"""Wordings changed in vocabulary 2026.11.103, from the errors of triage_blind169 and blind171.

Both sets were held out and scored once on 2026.11.101 (blind169 0.983 / 0.927 / 1.000, blind171
0.980 / 0.976 / 0.952), then used for development here. Each class is tested with wordings that
are not the sets' sentences, and each remover with the writer's red flag told as now beside it.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.103; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 103)


# b169-004: breathless, then a contrast that the patient is only sitting or lying


@pytest.mark.parametrize(
    "message",
    [
        "A bit out of breath tonight, like she ran a marathon, yet she's only sitting in her "
        "armchair",
        "so short of breath this evening but im only lying in bed",
        "Dad is puffing like he climbed a hill and he's just sitting watching tv",
        "winded like i sprinted somewhere but im literally just lying down",
    ],
)
def test_breathless_while_only_sitting_flagged(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        # on exertion, and fine or better at rest: a symptom
        "I get breathless on the stairs but fine when I'm sitting",
        "out of breath after the walk but sitting down helps",
        "a little out of breath going up the hill, not when I'm just sitting",
    ],
)
def test_breathless_on_exertion_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b169-112: not on chemo but on a hormone drug: cancer treatment in the last six weeks


@pytest.mark.parametrize(
    "message",
    [
        "temp 38.4, not on chemo anymore, just tamoxifen",
        "Mom has a fever of 101, she's not having infusions, only the hormone pills",
        "38.3 tonight, no chemo, only anastrozole",
    ],
)
def test_fever_on_hormone_therapy_only_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        # the drug told as stopped, or nothing at all taken
        "Fever 38.2. Not on chemo, only tamoxifen until last year",
        "Fever 38.2 this evening. I finished chemo 2 years ago and I'm not on anything",
    ],
)
def test_fever_with_treatment_long_over_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b169-134: a plan to take all the pills with a resigned reason


@pytest.mark.parametrize(
    "message",
    [
        "My dad says he's going to swallow all his sleeping pills, it's easier for everyone",
        "i'm gonna take all my pain pills tonight its for the best",
        "my sister told me she will take all of her meds tonight, she's done",
    ],
)
def test_plan_to_take_all_pills_with_a_reason_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # a dosing plan
        "I'm going to take all my pills with food, it's better for my stomach",
        "Mom is going to take all her pills in the morning, it's easier for her that way",
    ],
)
def test_a_dosing_plan_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b171-027: thinking how to die, the "about" left out


@pytest.mark.parametrize(
    "message",
    [
        "every night i think how to die",
        "she keeps thinking how to kill herself",
        "I wonder how I could end my life",
        "i think how to do it, how to end my life",
    ],
)
def test_thinking_how_to_die_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # end-of-life planning
        "We are thinking how to die at home rather than in hospital, can hospice help?",
        "Dad wonders how to die peacefully, can we talk about hospice?",
    ],
)
def test_planning_where_to_die_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b171-007 (remover): passed out laughing at a joke, told as a figure of speech


@pytest.mark.parametrize(
    "message",
    [
        "My husband collapsed laughing at the grandkids' antics, the whole table was in tears",
        "passed out laughing at your receptionist's puns lol",
        "fainted laughing at the sitcom last night, thanks for recommending it",
    ],
)
def test_passed_out_laughing_at_a_joke_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own faint told as now beside it, and a real fall while laughing
        "Passed out laughing at Nurse Kim's jokes today, but this morning I really fainted in "
        "the kitchen",
        "Mum fainted laughing at the comedy show and hit her head",
    ],
)
def test_a_real_faint_beside_the_joke_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


# b171-092 (remover): a weekday with its date, then a count of days over seven


@pytest.mark.parametrize(
    "message",
    [
        "she fainted on Tuesday, November 17, that's 10 days ago",
        "Coughed up blood on Monday the 16th, so 11 days ago now, none since",
        "I had a seizure on Friday the 13th, that was 14 days ago. Fine since.",
    ],
)
def test_a_dated_weekday_over_a_week_ago_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's red flag told as now beside it
        (
            "I had chest pain on Saturday the 15th, so 12 days ago, and I have chest pain again "
            "right now",
            "chest_pain",
        ),
        ("she fainted on Tuesday the 24th", "collapse"),
        ("chest pain on Sunday the 22nd, still there now", "chest_pain"),
    ],
)
def test_a_dated_weekday_within_the_week_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# b51-012 (kept): an acute oncology assessment unit the patient went or was sent to is an
# assessment; "not on chemo, just letrozole" made that row's fever count as on treatment


@pytest.mark.parametrize(
    "message",
    [
        "Fever 38.6 last night, on palbociclib. They had me come into the assessment unit and did "
        "bloods, said it was a virus.",
        "I had shaking chills and 38.7 yesterday after my infusion. Went to the acute oncology "
        "assessment unit, they sent me home with antibiotics.",
    ],
)
def test_a_fever_seen_at_the_assessment_unit_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Temp 38.9 on chemo, should I go to the assessment unit?",
        "Temp 38.5 yesterday, they had me come into the assessment unit, but tonight it's 39.4 "
        "and I'm shaking much worse",
    ],
)
def test_a_fever_not_yet_seen_or_worse_since_flagged(message: str) -> None:
    assert_flagged(message, "fever")
