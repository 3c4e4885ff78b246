"""Wordings changed in vocabulary 2026.11.117: the misses of the held-out blind188-191.

The gap (ten emergencies the held-out sets blind188-191 found routine or priority on first sight,
2026.11.116): no urine since "at about 7 this morning" (two words before the hour); the tight
feeling in the throat coming back at home after a treated infusion reaction; a faint "my boss just
sent me home" read as assessed (an adverb between the boss and "sent"); "Is it normal to have a
stiff neck and a really bad headache ...? I've been throwing up since this morning" left as a
question; a fever "only on letrozole tablets now" after chemo that ended months ago; "scared of
what I might do" with a gun in the house; a bunch of sleeping pills taken with no purpose told;
"got up from the couch and just dropped, out maybe 10 sec"; a hand and arm jerking that "I
couldnt make it stop"; looking at the river and thinking "about walking in". Each is fixed as a
class in vocabulary.yaml (engine.py unchanged); every remover is tested with the red flag said
now in the same kind of message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.117; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 117)


# no urine since a morning hour told with two words before it (rf.dehydration.3)


@pytest.mark.parametrize(
    "message",
    [
        "She last had a wee at around 6 this morning and it's now 10pm, she's on Xeloda",
        "the last time I peed was at about 10 last night, I'm on chemo",
        "I last urinated at about 6am this morning and it's 11pm now",
        "He last passed urine at around 7 this morning and it's gone 10pm",
    ],
)
def test_no_urine_since_at_about_a_morning_hour_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        # under 12 hours: a symptom, not the flag
        "I last peed at about 11 this morning and it's 9pm now",
        # "just after" the hour may be under 12 hours, so it is not read
        "I last peed just after 9 this morning and it's 9pm now",
    ],
)
def test_no_urine_under_twelve_hours_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# the tight feeling in the throat, and that feeling coming back after a treated reaction


@pytest.mark.parametrize(
    "message",
    [
        "Had a reaction during my Herceptin infusion this morning, they treated it and sent me "
        "home, but now the tight feeling in my throat is coming back",
        "After the infusion today I had a closing sensation in my throat",
        "my chemo infusion finished an hour ago and I have a tight feeling in my throat",
        "During today's infusion her lips swelled, the nurses gave her something and sent her "
        "home. Now the swollen feeling in her lips is back",
    ],
)
def test_throat_feeling_after_an_infusion_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        # dated years back and asked about
        "Had a tight feeling in my throat during my infusion in 2023, should I worry about next "
        "week?",
        # the cold told as the cause (a new exclude)
        "I have a tight feeling in my throat from the cold, no infusion for months",
        # treated and settled, nothing coming back: assessed
        "During my infusion today my throat felt tight, the nurses gave me something and it "
        "settled, I'm home now and fine",
    ],
)
def test_throat_feeling_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_throat_feeling_from_the_cold_exclude_keeps_the_flag_said_now() -> None:
    """The cold's exclude does not cover a tight throat after today's infusion."""
    assert_flagged(
        "I have a cold, and since my infusion an hour ago I have a tight feeling in my throat",
        "infusion_reaction",
    )


# a boss, a teacher or a manager who "just" sent the person home is no assessment


@pytest.mark.parametrize(
    "message",
    [
        "I fainted at work on Thursday and my boss just sent me home, nobody checked me",
        "I passed out at school yesterday and the teacher then sent me home",
        "Mum blacked out at work on Monday, her manager just sent her home",
    ],
)
def test_sent_home_by_a_boss_with_an_adverb_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        # a clinician checked it first: assessed
        "I fainted at work on Thursday, the paramedics checked me and my boss just sent me home",
        # years ago
        "I fainted in 2019 at work and my boss just sent me home",
        # the ER that sent the patient home is still an assessment
        "I fainted on Thursday, the ER just sent me home",
    ],
)
def test_sent_home_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# a question about a finding, then another symptom told as going on now (ctx.hypothetical.asserted)


@pytest.mark.parametrize(
    "message",
    [
        "Is it normal to have a stiff neck and a bad headache after chemo? I've been vomiting "
        "since last night",
        "Is it normal to have the worst headache of my life after my lumbar puncture? I've been "
        "sick all morning",
        "is a really bad headache with a stiff neck normal after the spinal tap? she's been "
        "throwing up since lunch",
    ],
)
def test_question_then_a_symptom_going_on_now_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "Is it normal to have a stiff neck and a bad headache after a lumbar puncture? I'm having "
        "one next week",
        "Is it normal to have a stiff neck and a bad headache after a lumbar puncture? I've been "
        "reading about it since yesterday",
        "Is it normal to have a stiff neck and a bad headache after a lumbar puncture? I was sick "
        "for weeks after my last one in 2019",
    ],
)
def test_question_alone_or_with_no_symptom_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# a fever on a cancer drug told as "only / just on" it after chemo ended (ctx.treatment.current)


@pytest.mark.parametrize(
    "message",
    [
        "Temp 38.5 tonight. Finished chemo in June, just on anastrozole now",
        "fever of 38.7 today. Done with radiation in March, only on tamoxifen",
        "I have a temperature of 38.4 tonight. Finished my chemo in the spring, only on letrozole "
        "tablets now",
    ],
)
def test_fever_only_on_a_cancer_drug_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Temp 38.5 tonight. I finished chemo in 2019 and was only on tamoxifen until 2022",
        "Temp 38.5. I finished chemo in 2019 and was just on letrozole until last year",
    ],
)
def test_fever_with_the_drug_dated_back_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# afraid of what the writer might do: with a means at hand, or "to myself" (rf.self_harm.10, .1)


@pytest.mark.parametrize(
    "message",
    [
        "My husband has a rifle and I asked him to hide it because I'm scared of what I might do",
        "I'm afraid of what I might do to myself tonight",
        "Please help, I asked my daughter to take away my pills, I'm frightened of what I could do",
        "there are guns in the house and I'm worried about what I might do. I'm fine though.",
        "I don't trust myself around my sleeping pills tonight",
    ],
)
def test_afraid_of_what_i_might_do_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


def test_afraid_with_a_gun_is_rf_self_harm_10() -> None:
    message = "we have a gun at home and I'm scared of what I might do. I won't do anything."
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.10" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # no means named: anger or a decision
        "I'm scared of what I might do if they cancel my surgery again",
        # someone else's act
        "my husband has a gun for hunting; I'm scared of what he might do to the deer",
        # negated
        "I'm not scared of what I might do, we have a gun but it's locked and I'm fine",
        # a friend's words told as reported speech, in the past
        "My friend said years ago she was scared of what she might do to herself",
    ],
)
def test_afraid_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# a sedative or an opioid taken by the bunch, with no purpose told (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "I took a bunch of my sleeping pills tonight, I feel okay now",
        "Mum swallowed a handful of her oxycodone earlier, she says she's fine",
        "he took a whole load of his sleeping tablets an hour ago",
        "I took way too many of my painkillers tonight",
    ],
)
def test_a_bunch_of_sleeping_pills_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I take a bunch of pills every morning, is that okay with letrozole",
        "I took an extra sleeping pill last night because I couldn't sleep",
        "I take a bunch of my painkillers every day as prescribed",
        "What happens if someone takes a bunch of sleeping pills?",
    ],
)
def test_pills_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# got up and just dropped; "out maybe 10 sec" with no "for" (rf.collapse.1)


@pytest.mark.parametrize(
    "message",
    [
        "Dad got up from his chair and just dropped, out about 20 seconds",
        "she stood up from the toilet and collapsed, out maybe 30 secs",
        "My wife got up from bed and just went down this morning",
        "He went down, out maybe a minute",
    ],
)
def test_dropped_on_standing_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I got up from the couch and dropped my phone",
        "she got up from the table and dropped the kids off at school",
        "I was out maybe 20 minutes walking the dog",
        "I got up and went down to the kitchen",
        "He got up from bed and dropped off to sleep again",
    ],
)
def test_dropped_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_dropping_off_lookahead_keeps_a_faint_said_now() -> None:
    """The look-ahead that keeps "dropped off to sleep" out does not cover a faint told after it."""
    assert_flagged(
        "He got up from the sofa and just dropped, out about 15 seconds, now he's awake", "collapse"
    )


# a limb jerking that the writer "couldn't make stop" (rf.seizure.5)


@pytest.mark.parametrize(
    "message",
    [
        "her arm was jerking for about two minutes this morning and she couldn't make it stop",
        "my face and hand started twitching yesterday and I couldnt stop it",
        "My hand did a weird jerking thing for a minute today and I couldn't get it to stop, I "
        "have brain mets",
    ],
)
def test_limb_jerking_that_could_not_be_stopped_flagged(message: str) -> None:
    assert_flagged(message, "seizure")
    assert "rf.seizure.5" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # shaking of the nerves (not a jerking word)
        "my hands were shaking with nerves before the scan and I couldn't stop them",
        # years ago
        "my arm was jerking and twitching in 2019 and I couldn't stop it, can I drive?",
        # weeks ago: a past symptom
        "my hand twitched once last month and I couldn't stop it",
        # asked about
        "what if my arm starts jerking and I can't stop it?",
    ],
)
def test_limb_jerking_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# thoughts of walking into water told with the water first (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "I keep looking at the sea and thinking about walking in",
        "every night I drive over the bridge and think about jumping off",
        "I stand by the lake and imagine wading in and not coming back",
    ],
)
def test_walking_into_the_water_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I love looking at the river and thinking about walking in the woods after",
        "We looked at the lake and thought about going in but it was too cold",
        "Years ago I used to look at the river and think about walking in, I'm in a good place now",
    ],
)
def test_walking_into_the_water_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_reason_points_at_the_words() -> None:
    message = "some nights I look at the sea and think about walking in. tonight is one of those"
    reasons = [r for r in classify(message).reasons if r.label == "emergency"]
    assert reasons and "walking in" in message[reasons[0].start : reasons[0].end]
