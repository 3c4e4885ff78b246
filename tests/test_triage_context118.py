"""Wordings changed in vocabulary 2026.11.127: the error classes of blind198 and blind199.

The errors (blind198 on 2026.11.125; blind199 had none in urgency), each read as a class:

- lip or throat swelling after a cancer drug given by injection, not by drip ("After today's
  fulvestrant shots I got home and now my lips and eyelids are swelling up", b198-010, a miss):
  ctx.infusion reads the injected drugs (fulvestrant, Zoladex, Xgeva, ...) named with their shot,
  injection, jab or implant, and "today's / my hormone / bone shot", so rf.infusion_reaction.1
  fires; ctx.infusion.weeks_ago reads "my last Faslodex shots were 3 weeks ago" as it read an
  infusion dated back.
- breathless only on talking at length ("I get a bit breathless when I talk for a long time ...
  Not at rest", b198-014, a false alarm): an exclude of rf.breathing.1; "when I talk" alone,
  "even talking" and breathless at rest still fire.
- the vomiting's span told by two clock times ("since 11pm, now its 8am and i still cant keep
  water down", b198-061, a false alarm): ctx.fluids.clock_span, an unless of rf.dehydration.1
  (under the README's 24 hours, even "all night"), never with days told (ctx.fluids.days).
- a fear that an old red flag will happen again ("In 2020 I had sepsis with a high fever ... I'm
  nervous it'll happen again", b198-090, a false alarm): ctx.time.again_pseudo, so the "again" of
  a future "it'll / it might / that will happen again" does not bring the old fever back to now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.127; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 127)


# lip or throat swelling after a cancer drug given by injection


@pytest.mark.parametrize(
    "message",
    [
        "After today's fulvestrant shots I got home and now my lips and eyelids are swelling up.",
        "Had my Zoladex implant put in this morning and now my lips are swelling",
        "Got home after my Faslodex injections today and my throat feels tight",
        "After this afternoon's hormone shots my tongue feels too big for my mouth",
        "My mum had her denosumab injection at the clinic today and her lips puffed up",
        "Came back from my Xgeva jab an hour ago and my lips are getting bigger",
    ],
)
def test_swelling_after_an_injected_cancer_drug_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")
    assert "rf.infusion_reaction.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My lips swelled up after my fulvestrant shots in 2021 and I still think about it.",
        "My last Faslodex shots were 3 weeks ago and my lips are a bit swollen.",
        "Can Faslodex shots make your lips swell?",
        "Had my Faslodex injections today, no swelling of my lips or throat at all.",
    ],
)
def test_swelling_after_an_injection_in_the_past_asked_or_denied_not_an_emergency(
    message: str,
) -> None:
    assert_not_emergency(message)


def test_an_injection_dated_weeks_back_leaves_trouble_breathing_now() -> None:
    """The widened ctx.infusion.weeks_ago (a remover) beside a red flag said now."""
    assert_flagged(
        "My last Faslodex shots were 3 weeks ago and today my lips are swollen and I can't"
        " breathe.",
        "breathing",
    )


# breathless only on talking at length


@pytest.mark.parametrize(
    "message",
    [
        "Since the radiation to my chest I have a dry cough and I get a bit breathless when I talk"
        " for a long time. It's been creeping up over 2 weeks. Not at rest.",
        "I get breathless when I talk for ages, it's been creeping up for a month.",
        "She's short of breath when she talks too much, slowly worse over three weeks, fine at"
        " rest.",
        "I get a little out of breath after talking for a while on the phone since radiation.",
        "My husband is winded when he talks for a long time, it's been coming on gradually.",
    ],
)
def test_breathless_only_on_talking_at_length_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I get breathless when I talk for a long time, and since this morning I can't catch my"
        " breath even lying down.",
        "I get breathless when I talk, even sitting in my chair.",
        "I'm breathless even talking.",
    ],
)
def test_breathless_talking_at_rest_or_now_still_flagged(message: str) -> None:
    assert_flagged(message, "breathing")


# the vomiting's span told by two clock times


@pytest.mark.parametrize(
    "message",
    [
        "i threw up last night all night maybe 8 times since 11pm, now its 8am and i still cant"
        " keep water down. last chemo was wednesday.",
        "threw up all night since 10pm, now it's 7am and I can't keep any water down",
        "Vomiting since 9 pm, it is now 6 am, and nothing stays down, not even water",
        "she's been sick since 1am, now its 11am, and can't keep fluids down",
    ],
)
def test_no_fluids_for_a_clock_span_under_a_day_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I have been vomiting for two days. Since 11pm, now it's 8am, I can't keep water down.",
        "threw up all night and I still can't keep water down",
        "I can't keep water down since yesterday, all night I threw up, since 11pm, now its 8am.",
    ],
)
def test_no_fluids_for_days_or_untimed_still_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


# a fear that an old red flag will happen again


@pytest.mark.parametrize(
    "message",
    [
        "In 2020 I had sepsis with a high fever during chemo and spent 4 days in ICU. I'm starting"
        " chemo again next month for the recurrence and I'm nervous it'll happen again.",
        "In 2019 I had a seizure after chemo and I'm terrified it'll happen again when I restart.",
        "Last year my dad collapsed during his infusion; we're worried it might happen again at the"
        " next one.",
        "I coughed up blood in 2021 and I'm scared that will happen again on the new drug.",
    ],
)
def test_a_fear_it_will_happen_again_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "I had a seizure in 2019 and I was scared it'll happen again. Today I had another one.",
            "seizure",
        ),
        (
            "I had a fever during chemo in 2020. It's happening again, 38.9 right now on chemo.",
            "fever",
        ),
        (
            "In 2020 I passed out on chemo and I'm afraid it will happen again, and today I fainted"
            " in the kitchen.",
            "collapse",
        ),
    ],
)
def test_a_red_flag_back_now_beside_the_fear_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_the_fear_alone_still_tags_nothing_urgent() -> None:
    result = classify("I had sepsis with a high fever in 2020 and I'm nervous it'll happen again.")
    assert result.urgency == "routine", result.reasons
