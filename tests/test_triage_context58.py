"""Wordings added in vocabulary 2026.11.67, from the errors of blind96-99 on first sight.

blind96 (a realistic month in proportion), blind97 (a realistic fortnight, many written by
relatives, partners, friends and carers), blind98 (a realistic mix, a third short phone messages)
and blind99 (a realistic mix from patients in active treatment) were written blind and scored once,
unseen, on 2026.11.66 (0.996 / 0.975 / 0.929, 0.947 / 0.925 / 0.974, 0.979 / 0.976 / 1.000 and
0.983 / 1.000 / 0.976). Their misses: "a very strong headache" with vomiting and "her neck hurts to
move it"; a goodbye text and "I can't get her on the phone", "she has saved up her oxycodone"; lips
that swelled at the infusion (the nurse told) and then "now my throat feels tight"; a friend who
collapsed, written for because "She won't call you herself so I am"; "suddenly got very short of
breath walking to the car". Their false alarms: an ECG at the clinic for the chest tightness; a
fever "last winter" and "how do I avoid that happening again?"; confusion that came on over a
month, noticed gradually, or "creeping up over a few weeks"; a faint dated "- I know, I should have
called - but that was 10 days ago". Each class is tested in fresh wordings, both ways; each remover
beside the writer's own red flag told as now. Tags: appetite and weight lost, a stinging pee, taste
and a white tongue, a fungating or smelly wound, skin "so raw", hands that shake, off-balance and
near-falls, new drugs in studies and research to take part in, a red patch spreading (not the
cancer), the form's red-flag box named in the text.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.67; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 67)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a "strong" headache (second-language English for a severe one) with vomiting
        (
            "My mother has a very strong headache since noon and has vomited twice.",
            "headache",
            "rf.headache.1",
        ),
        (
            "Strong headache and I've been sick three times this evening.",
            "headache",
            "rf.headache.1",
        ),
        (
            "Her headache is really strong today and she threw up after lunch.",
            "headache",
            "rf.headache.1",
        ),
        # a neck that hurts to move, beside a headache
        (
            "He has a headache since last night and his neck hurts when he tries to move it.",
            "headache",
            "rf.headache.2",
        ),
        ("Headache all day and my neck hurts to turn my head.", "headache", "rf.headache.2"),
        (
            "Headache since this morning, her neck is sore when she tries to bend her head.",
            "headache",
            "rf.headache.2",
        ),
        # a goodbye written or sent, and the person cannot be reached (another sentence)
        (
            "My brother texted me goodbye tonight. I can't get hold of him and he lives alone.",
            "self_harm",
            "rf.self_harm.7",
        ),
        (
            "She sent a goodbye message at 2am. We can't get through to her since.",
            "self_harm",
            "rf.self_harm.7",
        ),
        (
            "Dad left a note saying goodbye on the fridge. We cannot reach him anywhere.",
            "self_harm",
            "rf.self_harm.7",
        ),
        # a store of tablets told as saved up
        (
            "My husband has saved up his morphine and keeps saying he is a burden.",
            "self_harm",
            "rf.self_harm.1",
        ),
        ("I have saved up all of my oxycodone in a drawer.", "self_harm", "rf.self_harm.1"),
        ("Mum has stockpiled up her sleeping pills, I found them.", "self_harm", "rf.self_harm.1"),
        # a new swelling after the one a nurse heard of, during or after an infusion
        (
            "My lips tingled and swelled during the Herceptin this morning and the nurse checked "
            "me, but now my tongue is swelling.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "At the infusion my lips puffed up, the nurse saw them and sent me home; tonight my "
            "throat feels tight.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        # a friend or relative written for because the patient will not call ("so I am")
        (
            "My friend fainted at work this morning. She won't ring you so I am.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "My sister collapsed in the shower today and won't call, so I am.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "Mum passed out at lunch today. She refuses to phone you, so I am.",
            "collapse",
            "rf.collapse.1",
        ),
        # sudden shortness of breath with a linking verb, even walking
        (
            "All of a sudden I became really breathless carrying the shopping in.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "She suddenly went very short of breath on the stairs an hour ago.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "This morning I suddenly felt out of breath walking to the mailbox.",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # negated, remote or alone: no strong headache red flag
        "No strong headache, no vomiting, just tired.",
        "Had a very strong headache with vomiting two years ago, nothing since.",
        "My neck hurts to move it since I slept on it badly, no headache.",
        # a goodbye said to someone else, or sent to a team; tablets saved for a trip
        "Said goodbye to her brother at the airport, now I can't get her on the phone to book "
        "the scan.",
        "My sister sent a goodbye email to her team when she retired, and now I can't reach her "
        "about Mum.",
        "I saved up my oxycodone for the long flight so I don't run out.",
        # the swelling the nurse saw, and nothing since
        "During my infusion my lips swelled and the nurse gave me an antihistamine; it settled "
        "and nothing since.",
        # the writer says they are the patient, not the person named
        "My husband fainted yesterday. He is not your patient. I am.",
        # not sudden, or a question
        "I'm not suddenly short of breath, it's been building slowly for months on the stairs.",
        "Is it normal to suddenly get out of breath on chemo?",
        # a heart tracing or scan done for the chest pain: assessed
        "Dad got an EKG at his GP's yesterday for chest tightness, they said it's not his heart.",
        "My ECG was normal on Monday after the chest pain, still a bit sore.",
        "Mum had an ECG in the hospital this morning for the chest pain, she still gets twinges.",
        # a past event and how to prevent it: not its return
        "I had a temperature of 39 in the autumn on chemo, how can I prevent that happening again?",
        "Mum fainted three weeks ago, what can we do so it doesn't happen again?",
        # confusion that came on slowly over weeks, even when called new
        "Dad has been getting confused, it came on slowly over the last couple of months.",
        "Mum is more disoriented, it's been building up over several weeks.",
        "New muddled spells, we noticed it gradually over time.",
        # a red flag dated after an aside set off by dashes
        "I collapsed at the shops - silly, I know - but that was 12 days ago and I've been fine.",
        "She had a seizure - we didn't tell anyone - but that was three weeks ago.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "Should he have an ECG? He has crushing chest pain right now.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "I had an ECG at the clinic in June, and tonight I have crushing chest pain.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        ("I fainted a month ago and it happened again this morning.", "collapse", "rf.collapse.1"),
        (
            "Her memory has been going slowly over months, but since this morning she is suddenly "
            "very confused.",
            "confusion",
            "rf.confusion.1",
        ),
        (
            "Dad is confused, it came on over the last few weeks, and today he doesn't know where "
            "he is.",
            "confusion",
            "rf.confusion.2",
        ),
        ("I fainted - sorry to bother you - about an hour ago.", "collapse", "rf.collapse.1"),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # appetite and weight lost
        "Lost my appetite completely this week.",
        "She's lost all her appetite since the new tablets.",
        "I've dropped 6 kg in a month without trying.",
        "He's lost about 10 pounds since Christmas.",
        # a stinging pee
        "It stings when I pee and I'm going constantly.",
        "I think I have a water infection again.",
        # taste and a white tongue
        "Everything tastes of metal since the chemo.",
        "Food tastes like cardboard to her now.",
        "She has white patches on her tongue.",
        # a fungating or smelly wound, raw skin
        "The fungating area on my chest is bleeding a little.",
        "The dressing smells really bad since yesterday.",
        "My skin is so raw under my arm after radiotherapy.",
        # hands that shake, off balance, near-falls
        "His hands shake when he holds a cup since the new tablets.",
        "Mum has been off-balance and had two near-falls this week.",
        "I nearly fell twice on the stairs yesterday.",
        # the writer's own symptoms still tagged beside the form box named
        "I have new symptoms since this morning.",
    ],
)
def test_symptoms_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I want to lose 5 kg before my reconstruction.",
        "I've lost 6kg on purpose with a diet, feeling great.",
        "I nearly fell off my chair when I read the letter.",
        "We shook hands with the surgeon, lovely man.",
        "I ticked 'I have one of these symptoms right now' by mistake, sorry.",
    ],
)
def test_not_symptoms(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Are there any new drugs in studies for triple negative?",
        "Is there any research my daughter could take part in?",
        "We read about novel treatments being tested in trials, could she be referred?",
    ],
)
def test_trials_tagged(message: str) -> None:
    assert "clinical_trials" in classify(message).tags, classify(message).reasons


def test_studies_show_not_trials() -> None:
    message = "Studies show exercise helps, is that true?"
    assert "clinical_trials" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "There's a pink patch on my scar and it's spreading slowly.",
        "A red, warm patch under my arm where the drain was and it's spreading.",
    ],
)
def test_red_patch_spreading_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The cancer has spread to my liver and there's a red area on my back it's spreading to.",
        "There's a red patch on my chest and the scan says it's spreading to my lungs.",
    ],
)
def test_recurrence_beside_red_patch(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons
