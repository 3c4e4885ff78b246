"""Wordings changed in vocabulary 2026.11.119: suicide told by its means or in other words, an
overdose without the words of intent, and a red flag wrapped in a worry question.

The gap (a reviewer's second set of probes, on 2026.11.116, classes M1-M5): suicide told only by a
means or a plan ("I bought a rope today. I'm sorry.", a gun the writer keeps thinking about, "take
the lot tonight", goodbye notes after other words, a bridge), in near-synonyms of the listed
phrases ("finish my life", "no reason to stay alive", "disappear permanently", a quoted goodbye
and a phone not answered), softened by a hedged denial ("Not suicidal exactly, but ..."), an
overdose without the fixed words of intent ("the whole box of my husband's pills", "took 15
oxycodone", "too many ... feeling very sleepy"), and a red flag asked about as a worry ("Should I
worry that I'm coughing up blood this morning?", "Is it normal for a seizure to last this long?
It's been 5 minutes and she's still jerking") were routine. New rules rf.self_harm.20-24, markers
ctx.self_harm.resolve, ctx.self_harm.no_answer, ctx.self_harm.overdose_sign, the pseudo-negation
ctx.negation.pseudo_hedge, the assertion cue ctx.hypothetical.asserted_time, and a narrower
"should I worry" line in ctx.hypothetical.pre. Questions about a symptom in general stay routine.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.119; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 119)


# M1: the means or a plan named without a suicide verb


@pytest.mark.parametrize(
    "message",
    [
        "I got some rope from the hardware store to hang myself",
        "I keep thinking I should just hang myself in the garage",
        "Dad's shotgun is in the closet and I keep thinking about it every night",
        "there's a rifle in the house and I've been thinking about using it on myself",
        "I drove to the overpass again and sat there thinking about jumping.",
        "I went up on the roof of the car park and was wondering about jumping off",
        "I've written the will, sorted the house and finished my goodbye letters",
        "I've been making a noose in the shed",
        "I can't stop thinking about my husband's rifle since the results",
        "Going to take the whole lot tonight.",
    ],
)
def test_a_means_or_plan_named_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I bought a rope yesterday. I can't do this anymore.",
        "I've had enough. Going to take them all tonight when he's asleep.",
        "I'm so calm now. I have my pills lined up on the dresser.",
        "I know what I'm going to do. I've got all my oxycodone counted out.",
    ],
)
def test_a_means_got_ready_with_resolve_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.21" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the same means without a word of resolve or distress: logistics
        "I bought a rope today for the climbing wall",
        "I forgot my morning tablets so I'm going to take them all tonight",
        "I've got my pills lined up for the week in the organiser",
        # idioms and other uses
        "I keep thinking about the gun in the house with the grandkids visiting, should we lock it",
        "I'll take the lot with breakfast, is that ok?",
        "I'd shoot myself in the foot if I cancelled the scan now",
        "I have to shoot myself up with Fragmin every morning, is bruising normal?",
        "I was looking at the bridge and thinking about jumping in the car to see mum",
        # someone else's, over, a question
        "My husband keeps his rifle locked in the safe, is that ok with visitors on chemo?",
        "I thought about jumping off a bridge twenty years ago, those thoughts are long gone",
    ],
)
def test_a_means_in_other_senses_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_idiom_exclude_keeps_the_means_said_now() -> None:
    """The excludes of rf.self_harm.20 (the foot, an injection) leave the act itself read."""
    assert_flagged("Honestly I'm going to shoot myself tonight", "self_harm")
    assert_flagged("I keep thinking about shooting myself", "self_harm")
    assert_flagged("I wrote goodbye notes to my kids and my sister last night", "self_harm")


# M2: paraphrases of the listed phrases


@pytest.mark.parametrize(
    "message",
    [
        "I've worked out how I'm going to finish my life",
        "Mum says she has thought about when she will end her life",
        "Since the scan there's no reason to stay alive",
        "I honestly can't see any reason for staying alive now",
        "Some days I just want to vanish for good",
        "I wish I could stop existing",
        "How much of my oxycodone would let me go? I have plenty put by",
        "I wouldn't mind never waking up",
    ],
)
def test_suicide_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "My son sent me a text saying 'goodbye dad' and now his phone is switched off",
        "She messaged us 'farewell, sorry for everything' and hasn't been answering since",
        "My wife (she's your patient) left me a note 'goodbye my love' and isn't picking up",
    ],
)
def test_a_goodbye_and_no_answer_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.23" in emergency_rules(message)


def test_a_plain_goodbye_and_no_answer_flagged() -> None:
    """rf.self_harm.24 reads the phone going to voicemail; with "can't get hold of him" (its
    unless) rf.self_harm.7 still reads the same goodbye."""
    message = "My sister texted me goodbye an hour ago. Her phone is going straight to voicemail."
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.24" in emergency_rules(message)
    message = "My brother texted me goodbye tonight and I can't get hold of him."
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.7" in emergency_rules(message)
    quiet = "My sister sent a goodbye email to her team when she retired. Her phone is off today."
    assert urgency_of(quiet) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I'd like to disappear for a week to the cabin after chemo",
        "Is there a dose of morphine that would let me sleep through the night?",
        "The hospice nurse says enough morphine will help me go peacefully when the time comes",
        "I wouldn't mind if I didn't wake up until 10 tomorrow, I'm exhausted",
        "Mum texted 'goodbye, off to the airport' this morning",
        "She said goodbye to her brother at the airport and isn't answering now, she's flying",
        "What's a good reason to stay in the trial?",
    ],
)
def test_paraphrase_counterparts_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_narrowed_paraphrases_keep_the_wish_said_now() -> None:
    """"until 10" and "when the time comes" are excluded; the wish itself still fires."""
    assert_flagged("I wouldn't mind if I didn't wake up tomorrow", "self_harm")
    assert_flagged("Is there a dose of my morphine that would let me go peacefully?", "self_harm")


# M3: a hedged denial does not deny


@pytest.mark.parametrize(
    "message",
    [
        "I'm not suicidal exactly, just tired of it all",
        "Not exactly suicidal but I think about it",
        "I'm not suicidal as such, but I've started giving things away",
    ],
)
def test_a_hedged_denial_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'm not suicidal, but I'm very low and would like to talk to someone.",
        "Not suicidal at all, just want to know about counselling",
        "I was suicidal exactly two years ago, I'm well now",
    ],
)
def test_a_plain_denial_still_denies(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M4: an overdose without the words of intent


@pytest.mark.parametrize(
    "message",
    [
        "I swallowed my own tablets and then the whole packet of my mum's sleeping pills",
        "She's taken about 20 of her oxycodone tonight",
        "I took thirty paracetamol an hour ago",
        "I took way too many of my pain pills, lost count, can't keep my eyes open",
        "He took a handful of his wife's tablets, he's not sure if he did it on purpose",
    ],
)
def test_an_overdose_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I took 20 mg of oxycodone this morning as prescribed",
        "I've taken 14 tablets this week, is that right for Xeloda?",
        "I took the whole box of antibiotics over ten days as told",
        "I took too many of my tablets yesterday by mistake, what should I do?",
        "I took 12 paracetamol over 3 days for my back",
    ],
)
def test_doses_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_dose_excludes_keep_a_count_taken_now() -> None:
    """Milligrams and counts over days are excluded; a count of tablets taken now is read."""
    assert_flagged("I took 20 of my oxycodone this morning", "self_harm")
    assert_flagged("I took 15 tablets of my sleeping pills over the last hour", "self_harm")


# M5: a red flag wrapped in a worry question while happening now


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Should I be worried that my mum's face is drooping on one side?", "stroke"),
        ("Should I worry that I passed out in the shower this morning?", "collapse"),
        ("Should we be concerned that he's coughing up blood since lunch?", "haemoptysis"),
        ("Is it normal for a seizure to go on this long? He's still shaking.", "seizure"),
        ("Is it bad if her lips are going blue? It's been about ten minutes.", "breathing"),
        ("Is it common to get crushing chest pain on Enhertu? Started 40 mins ago.", "chest_pain"),
        ("Should I worry about chest pain? I've had it since this morning.", "chest_pain"),
        ("is it bad if I can't breathe when I lie flat? been like this since lunch", "breathing"),
        ("Is it normal to be coughing up blood right now?", "haemoptysis"),
    ],
)
def test_a_worry_question_with_now_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Can brain mets cause seizures? My oncologist mentioned it this morning.",
        "What should I do if I get a fever?",
        "What should I do if I get a fever this weekend?",
        "Should I worry that I might have a seizure with brain mets?",
        "Should I be concerned that my cancer could cause a stroke?",
        "Should I worry about blood clots on tamoxifen? I've had no symptoms.",
        "Is it normal to have chest pain after Herceptin? I'm starting in two weeks.",
        "Is it normal for a seizure to last five minutes? Asking for my class.",
        "Should I worry that I had a seizure in 2015? I'm starting chemo.",
    ],
)
def test_general_questions_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_narrowed_worry_line_keeps_the_question_asked_now() -> None:
    """"should I worry that I might ..." is still a question; said now, it is the flag."""
    assert urgency_of("Should I worry that I might start coughing up blood?") != "emergency"
    assert_flagged("Should I worry that I'm coughing up blood?", "haemoptysis")


def test_the_reason_points_at_the_finding() -> None:
    message = (
        "Is it normal for a seizure to last this long? It's been 5 minutes and she's still jerking."
    )
    result = classify(message)
    assert result.urgency == "emergency"
    reason = next(r for r in result.reasons if r.label == "emergency")
    assert message[reason.start : reason.end] == reason.phrase == "seizure"
