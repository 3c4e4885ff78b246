"""Wordings added in vocabulary 2026.11.70, from the errors of blind106-107 on first sight.

blind106 (short phone messages and long letters from patients at every stage of treatment) and
blind107 (writers of many backgrounds and levels of English, and older writers) were written blind
and scored once, unseen, on 2026.11.68 (0.973 / 0.976 / 1.000 and 0.971 / 0.975 / 0.929). Their
misses: "I went all wheezy in the car and I still can't get a proper breath in. Nurse said
reactions happen" after an infusion; "I am having the chemo. Today I am shaking a lot, cold cold,
cannot stop shaking". Their false alarms: "a small fit about ten days ago I think - my arm jerked";
"vision in the left eye has gone blurry bit by bit"; "Mi mama tiene dolor en el pecho ... pain in
the breast where they operated". Their tag errors: lay words for symptoms (a runny tummy, "isnt
eating", stiff joints, pink bumps, blood from the nipple, wobbly), fatigue and a neuropathy that
"has completely gone", and spread told as "went to his liver", "in the lining", "it's coming back"
(and a reaction "coming back worse"). Each class is tested in fresh wordings, both ways; each
remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.70; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 70)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # shaking told beside feeling cold, on treatment
        (
            "I am on chemo. Since this afternoon I am shaking all over, so cold, under the "
            "blanket.",
            "fever",
            "rf.fever.2",
        ),
        ("On Taxol. He is freezing cold and can't stop trembling tonight.", "fever", "rf.fever.2"),
        (
            "Having chemotherapy. I feel cold, cold and I am shaking a lot today.",
            "fever",
            "rf.fever.2",
        ),
        # a nurse's remark that reactions happen is not an assessment of this one
        (
            "After the infusion this afternoon my throat feels tight and I can't breathe properly. "
            "The nurse said reactions can happen.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "Since my Herceptin today I can't get my breath at all. The nurse said side effects "
            "are common.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "My lips swelled up on the way home from the infusion and it's hard to breathe. "
            "Doctor said these things happen sometimes.",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts that must not fire --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a red flag dated over 7 days ago (or "... ago I think"), told in details after a dash
        "She had a seizure 9 days ago - bit her tongue and was confused. Fine since.",
        "I fainted twelve days ago - hit my head on the sink. Nothing since.",
        "He had a fit about two weeks ago I think - his leg was jerking. Nothing since.",
        # an eye that has gone blurry, misty or funny, not lost
        "The vision in my right eye has gone misty over the last month.",
        "Mum says the vision in her right eye has gone funny over a few weeks, like fog.",
        "Vision in my left eye has gone a bit blurry since the new glasses.",
        # shaking without cold, or a cold that is not a chill
        "I'm on chemo and shaking from nerves before my scan.",
        "My hands are cold and shaking with anxiety before the results, on chemo.",
        "I am on chemo, my hands are shaking, cold hands all the time.",
        "On chemo. My hands are shaking and cold.",
        # "pecho" that the writer says is the breast
        "Tengo dolor en el pecho, sorry, I mean I have pain in my breast where the scar is.",
        "Mi madre tiene dolor en el pecho. She has pain in the right breast since the operation.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # an assessment that is one stays one, with the remark beside it
        "At the infusion my lips swelled, the nurse checked me and said reactions happen, gave me "
        "piriton. Fine now.",
        "My chest went tight during Herceptin, the nurse examined me and said reactions happen.",
    ],
)
def test_assessed_still_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a dated fit and a new one today; a recent date before the dash
        (
            "I had a seizure about ten days ago - and today I had another one.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "Had a small fit about two days ago I think - my arm jerked for a minute.",
            "seizure",
            "rf.seizure.2",
        ),
        # an eye that suddenly went blurry or has gone completely
        ("The vision in my left eye suddenly went blurry an hour ago.", "stroke", "rf.stroke.4"),
        (
            "The vision in my right eye has gone completely, since this morning.",
            "stroke",
            "rf.stroke.4",
        ),
        # Spanish chest pain alone, and English chest pain beside a painful breast
        ("Mi mama tiene dolor en el pecho desde esta mañana.", "chest_pain", "rf.chest_pain.es"),
        (
            "Mi mama tiene dolor en el pecho, she has pain in the breast where they operated. "
            "Tonight she also has crushing chest pain and sweating.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- tags: symptoms and recurrence in lay words ------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        # the bowels and eating in lay words
        (
            "Her tummy has been runny since Tuesday, six times today.",
            "symptoms",
            "tag.symptoms.digestive",
        ),
        ("Dodgy tummy ever since the new tablets.", "symptoms", "tag.symptoms.digestive"),
        ("Dad isn't eating much at all this week.", "symptoms", "tag.symptoms.digestive"),
        # joints told as stiff
        ("My knees are really stiff when I get up.", "symptoms", "tag.symptoms.pain"),
        ("Since the letrozole my fingers feel so stiff.", "symptoms", "tag.symptoms.pain"),
        ("Her hips get stiff after sitting.", "symptoms", "tag.symptoms.pain"),
        # bumps told by colour or as come up
        ("A few tiny red bumps near the drain site.", "symptoms", "tag.symptoms.lump"),
        ("Some bumps have appeared on my chest wall.", "symptoms", "tag.symptoms.lump"),
        ("Two small pink bumps along the scar.", "symptoms", "tag.symptoms.lump"),
        # blood or fluid from the nipple
        ("Fluid is leaking out of my right nipple.", "symptoms", "tag.symptoms.other_body"),
        ("My nipple has started bleeding a little.", "symptoms", "tag.symptoms.other_body"),
        ("Blood came out of her left nipple this morning.", "symptoms", "tag.symptoms.other_body"),
        # unsteady told as wobbly
        ("I feel wobbly when I stand up.", "symptoms", "tag.symptoms.neuro"),
        ("Mum is very wobbly on her feet since Friday.", "symptoms", "tag.symptoms.neuro"),
        ("Still a bit wobbly after the anaesthetic.", "symptoms", "tag.symptoms.neuro"),
        # spread told as "went to" an organ, and the lining of the lung
        (
            "Her breast cancer (ER positive) went to her liver in the spring.",
            "recurrence",
            "tag.recurrence.spread",
        ),
        (
            "My breast cancer (triple negative) that went to my lungs.",
            "recurrence",
            "tag.recurrence.spread",
        ),
        ("The cancer has got into the lining, they said.", "recurrence", "tag.recurrence.in_organ"),
        ("The cancer is now in the lining of the lung.", "recurrence", "tag.recurrence.in_organ"),
        ("Her tumour is in the lining around her lungs.", "recurrence", "tag.recurrence.in_organ"),
        # "it's coming back" feared or placed
        ("I'm worried it's coming back.", "recurrence", "tag.recurrence.came_back"),
        ("I wonder if the cancer's coming back.", "recurrence", "tag.recurrence.came_back"),
        ("I think it's coming back in the other breast.", "recurrence", "tag.recurrence.came_back"),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("She isn't eating meat any more, is that wise on chemo?", "tag.symptoms.digestive"),
        ("Is an upset stomach bug going round the ward?", "tag.symptoms.digestive"),
        ("The new shoes are stiff but fine.", "tag.symptoms.pain"),
        ("My neighbour's little boy has a wobbly tooth.", "tag.symptoms.neuro"),
        ("The chair in the waiting room is wobbly.", "tag.symptoms.neuro"),
        ("The DCIS was only in the lining of the milk ducts.", "tag.recurrence.in_organ"),
        ("The infection that went to her lungs has cleared.", "tag.recurrence.spread"),
        # a symptom (or a reaction) that returns
        ("The rash faded but now it is coming back worse.", "tag.recurrence.came_back"),
        (
            "I was fine after the nurse saw me but now I'm home and it's coming back.",
            "tag.recurrence.came_back",
        ),
        (
            "I lost the sight in my eye an hour ago. It's not coming back.",
            "tag.recurrence.came_back",
        ),
        # fatigue or a neuropathy that is over
        ("My fatigue has completely gone.", "tag.symptoms.fatigue"),
        ("The neuropathy I had in my feet has gone now.", "tag.symptoms.neuro"),
    ],
)
def test_tags_not_found(message: str, rule: str) -> None:
    assert rule not in {r.rule for r in classify(message).reasons}


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        # a complaint that is not over, or another one
        ("My fatigue has gone worse since the last cycle.", "tag.symptoms.fatigue"),
        ("The tiredness had gone, but now it is back.", "tag.symptoms.fatigue"),
        ("The neuropathy has not gone.", "tag.symptoms.neuro"),
        ("My fatigue has gone but the tingling in my toes is worse.", "tag.symptoms.neuro"),
        # the cancer named as back worse
        ("My cancer came back worse than before.", "tag.recurrence.came_back"),
    ],
)
def test_tags_still_found(message: str, rule: str) -> None:
    assert rule in {r.rule for r in classify(message).reasons}


def test_passed_red_flag_still_fires() -> None:
    """The resolved-fatigue cue reads only fatigue and neuropathy: chest pain that "has gone"
    this morning is still a red flag of the last 7 days."""
    assert_flagged("I had chest pain this morning, it has gone now.", "chest_pain")
