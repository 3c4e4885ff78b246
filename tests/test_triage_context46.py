"""Wordings added in vocabulary 2026.11.55, from the errors of blind66 and blind67 on first sight.

blind66 (a realistic week from invented writers) and blind67 (writers who mention other people:
relatives with their own illness, support-group members, children, a spouse who is not the
patient) were written blind and scored once, unseen, on 2026.11.54 (0.982 / 0.974 / 1.000 and
0.957 / 0.949 / 0.925). Their misses: a relative telling the patient's plan to take all her pills
"so she isn't a burden"; coughing told first, then streaks or a spoonful "of blood" later in the
sentence. Their false alarms: a red flag that is a support-group member's ("one of the ladies")
or an online friend's ("my friend from the Facebook group"); muddled words that "crept up" over
weeks. (b67-071, a non-patient husband's stroke signs, stays a disputed miss: the engine reads a
red flag said to be a non-patient's as someone else's.) Each class is tested in fresh wordings,
both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.55; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 55)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a plan to take all the pills, told with what it is for
        (
            "Mum said this evening she's gonna swallow all her sleeping tablets so she's not a "
            "burden on anyone",
            "self_harm",
        ),
        (
            "He keeps saying he'll take the whole bottle of his oxycodone and not wake up",
            "self_harm",
        ),
        ("I'm going to take all of my morphine tonight and be done with it", "self_harm"),
        (
            "my dad told us he plans to take all his pills because he doesn't want to be a burden",
            "self_harm",
        ),
        # coughing first, then streaks / flecks / a spoonful of blood later in the sentence
        (
            "I've had this cough for days and tonight there were flecks of blood in the tissue",
            "haemoptysis",
        ),
        (
            "She's been coughing since Sunday and today she brought up a teaspoonful of blood",
            "haemoptysis",
        ),
        (
            "coughing really hard all night, at 5am I noticed specks of bright red blood",
            "haemoptysis",
        ),
        (
            "He was coughing, and after breakfast there were threads of blood in the sink",
            "haemoptysis",
        ),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a dosing plan, not a plan to die
        "I'm going to take all my pills with breakfast so I don't forget them",
        "She'll take all her tablets in the morning so she isn't up at night to the toilet",
        # a cough beside blood somewhere else, or no blood
        "I've been coughing a lot and there were streaks of blood in my stool this morning",
        "Coughing for a week but no streaks of blood at all, just clear phlegm",
        "coughed so hard yesterday I've got spots of blood in my eye now, the white part",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- someone else's red flag: a group member, an online friend --------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "At my walking group one of the women said she'd had a seizure on Verzenio. I'm on it "
        "too, should I worry?",
        "One of the guys at the cancer cafe told us he passed out on chemo. Is that common?",
        "A woman in my online support group ended up in hospital coughing up blood. Is that "
        "something I could get with lung mets?",
        "A lady on the forum said her legs went numb from cord compression. What signs should "
        "I look for with my bone mets?",
        "My friend from the WhatsApp group had a stroke last week, slurred speech and all. Does "
        "tamoxifen raise that risk?",
    ],
)
def test_group_members_red_flag_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_bare_someone_in_a_group_keeps_the_writers_recurrence_topic() -> None:
    """A bare "someone on a Facebook group said ... can mean spread" is not a named member: the
    writer's worry about spread stays their topic."""
    result = classify(
        "Somebody in an online group said back pain can mean it has spread. My back has ached "
        "since Monday, should I book in?"
    )
    assert "recurrence" in result.tags
    assert result.urgency != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the member's
        "One of the ladies at group had chest pain last month, and now I have chest pain too, "
        "since an hour ago",
        "A woman in my online support group fainted on Enhertu. I fainted this morning as well.",
        "My friend from the Facebook group had a seizure. I just had a seizure 20 minutes ago.",
    ],
)
def test_own_red_flag_beside_members_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- speech that crept up over weeks --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad has been mixing up his words more and more, it's come on gradually over the past "
        "month. He has brain mets.",
        "Her speech has slowly got muddled over the last few weeks, little by little. Stage 4.",
        "My husband can't find his words sometimes, it has crept up on us since the autumn.",
    ],
)
def test_gradual_speech_change_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # sudden or today: still a stroke sign
        "Her words have been a bit muddled gradually, but this morning she suddenly can't find "
        "her words at all",
        "Mum's speech is slurred since an hour ago, it came on all of a sudden",
        # a gradual word elsewhere in the message, the slur in a sentence of its own
        "My neuropathy has crept up over the months. Now my speech is slurred.",
    ],
)
def test_sudden_speech_change_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"
