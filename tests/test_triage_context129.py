"""Wordings changed in vocabulary 2026.11.139: the errors of blind sets 204 and 205 (scored once
unseen on 2026.11.138), each read as a class (sources are the row ids).

Emergencies missed:

- a bleed told by how long it has gone on, twenty minutes or more, and still going, any bleed word,
  any span of minutes or hours ("Nosebleed that's been going for 45 min", "Nosebleed started 45
  min ago and it's still going", b204-131, b205-121): new rf.bleeding.160; pressure held on it the
  whole time or for a span ("I've been pinching it the whole time"): new rf.bleeding.161 (needs a
  bleed named in the message).
- the chest told tight, heavy or painful with the word in quotation marks ("his chest is 'tight
  like a belt'", b205-034): new rf.chest_pain.160.
- a collapse told as sliding or sinking down a wall, a door or a cupboard, or to the floor ("she
  slid down the wall in the kitchen", b205-045): new rf.collapse.160.
- chills told with feeling warm, hot or feverish and no reading, on treatment ("She had chills
  tonight and felt warm but we don't own a thermometer", b205-114): new rf.fever.160.
- legs told odd first, then weak or wobbly, or "like they weren't mine" ("my legs felt weird and
  wobbly going down the stairs, like they werent mine", b205-067): tag.symptoms.leg_weakness, so
  with back pain rf.cord_compression.1.

False alarms quiet (removers, each kept narrow and tested beside a red flag said now):

- a question whether the drug will be given again ("Will they give me the same drug again on
  Tuesday?", b204-053): ctx.time.again_pseudo, so an assessed reaction stays assessed.
- "not currently on any treatment" ("She's not currently on any treatment, she's only had surgery
  so far", b205-042): ctx.treatment.ended.
- a date with its subject left out at the start of the next sentence ("... then came back. Was 8
  days ago now.", b205-083): ctx.time.back_dated.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.139; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 139)


# (1) a bleed told by how long it has gone on, or by pressure held on it


@pytest.mark.parametrize(
    "message",
    [
        "The bleeding from my port site has been dripping for over an hour.",
        "Her gums started bleeding half an hour ago and it's still coming.",
        "His nosebleed kicked off about 25 mins ago, still going strong.",
        "My husband's nose is bleeding, he's been holding a towel on it for 30 minutes.",
        "Her nose is bleeding and we've been pressing on it the entire time.",
    ],
)
def test_bleed_told_by_its_duration_flagged(message: str) -> None:
    assert_emergency(message)


def test_bleed_duration_rules_fire() -> None:
    assert "rf.bleeding.160" in emergency_rules(
        "The bleeding from my port site has been dripping for over an hour."
    )
    assert "rf.bleeding.161" in emergency_rules(
        "Her nose is bleeding and we've been pressing on it the entire time."
    )


@pytest.mark.parametrize(
    "message",
    [
        "Had a nosebleed that went on for 40 minutes last month, it stopped with ice.",
        "Nosebleed this morning for 30 min but it stopped on its own.",
        "My blood test results have been running late for an hour.",
        "I've been spotting for 3 days.",
        "I pinched the skin on my arm the whole time during the blood draw.",
        "Nosebleed last week, I pressed it for 20 minutes and it's still sore inside.",
    ],
)
def test_bleed_duration_counterparts_quiet(message: str) -> None:
    assert_not_emergency(message)


# (2) the chest told tight, heavy or painful in quotation marks


@pytest.mark.parametrize(
    "message",
    [
        "Mum says her chest feels 'like an elephant' on it, since lunch.",
        "My wife says her chest is 'burning' tonight.",
        "His chest was 'crushing' he said, an hour ago.",
        "She said her chest felt \u2018heavy\u2019 this morning.",
    ],
)
def test_chest_word_in_quotes_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Years ago my chest was 'tight' for a week after flu.",
        "The ER checked his chest, which was 'tight', last night and sent him home.",
        "Can Herceptin make your chest feel 'tight'?",
    ],
)
def test_chest_word_in_quotes_counterparts_quiet(message: str) -> None:
    assert_not_emergency(message)


# (3) a collapse told as sliding down a wall or to the floor


@pytest.mark.parametrize(
    "message",
    [
        "He slid down the door frame in the hall 10 minutes ago.",
        "She slid off the toilet onto the floor this morning.",
        "Grandma sank down against the cupboard and couldn't answer us just now.",
    ],
)
def test_slid_down_the_wall_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "In 2019 she slid down the wall after a faint.",
        "My daughter slid down the banister at the park.",
        "I slipped on the ice and slid down the hill.",
        "He slid the box down the wall.",
    ],
)
def test_slid_down_the_wall_counterparts_quiet(message: str) -> None:
    assert_not_emergency(message)


# (4) chills with feeling warm or hot, no reading


@pytest.mark.parametrize(
    "message",
    [
        "I had chills and felt hot all night, I'm on Kisqali.",
        "Feeling feverish with chills since this afternoon, chemo on Friday.",
        "He felt warm and had the chills an hour ago, on Enhertu.",
        "Dad's got chills and feels really hot, no thermometer in the house.",
    ],
)
def test_chills_and_feeling_hot_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I had chills and felt warm last month.",
        "Finished chemo 3 years ago, now chills and feel hot.",
        "What should I do if I get chills and feel hot on chemo?",
        "My neighbour has chills and feels hot, I'm fine.",
        "Chills and feeling hot flushes at night on tamoxifen.",
    ],
)
def test_chills_and_feeling_hot_counterparts_quiet(message: str) -> None:
    assert_not_emergency(message)


# (5) legs told odd then weak, or "like they weren't mine", with back pain


@pytest.mark.parametrize(
    "message",
    [
        "Back pain since Monday and his legs feel funny and weak.",
        "My back hurts and my legs feel like they aren't mine.",
        "Lower back ache for days, today her legs went strange and wonky on the stairs.",
    ],
)
def test_odd_then_weak_legs_with_back_pain_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Years ago I had back pain and my legs felt funny and weak, all fine since.",
        "My legs feel funny and weak after the long walk, no back pain.",
    ],
)
def test_odd_then_weak_legs_counterparts_quiet(message: str) -> None:
    assert_not_emergency(message)


# (6) a question whether the drug will be given again (remover: ctx.time.again_pseudo)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Last week at my infusion I got wheezy, the nurses stopped it. Can they restart "
            "Herceptin again next week?"
        ),
        (
            "At my infusion on Monday my lips swelled, the nurses stopped the drip and gave me "
            "meds. Will they give me it again on Friday?"
        ),
    ],
)
def test_drug_given_again_question_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "At my infusion today I'm wheezy right now. Will they give me the same drug again?",
        (
            "Last week at my infusion I got wheezy, the nurses stopped it. It happened again "
            "today at home, will they give me the same drug again?"
        ),
        "My lips are swelling now during the infusion, will they give me it again next week?",
    ],
)
def test_red_flag_now_beside_drug_again_question_flagged(message: str) -> None:
    assert_emergency(message)


# (7) "not currently on any treatment" (remover: ctx.treatment.ended)


@pytest.mark.parametrize(
    "message",
    [
        "Temperature 38.4 tonight. I'm not currently on any treatment, surgery only so far.",
        "She's not yet on any chemo, only had her lumpectomy. Fever of 38.3 today.",
    ],
)
def test_not_currently_on_treatment_fever_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She's not currently on any treatment. She has crushing chest pain right now.",
        "I'm not currently on any chemo but I'm on Ibrance, fever of 38.5 tonight.",
        "He's not currently on any treatment and he collapsed in the bathroom an hour ago.",
    ],
)
def test_red_flag_now_beside_not_on_treatment_flagged(message: str) -> None:
    assert_emergency(message)


# (8) a date with its subject left out (remover: ctx.time.back_dated)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in the shower. Happened 10 days ago.",
        "Mum collapsed in the kitchen - was 2 weeks ago, she's fine.",
    ],
)
def test_subjectless_date_back_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in the shower. Was 3 days ago.",
        "She fainted this morning. Was 8 days ago she started chemo.",
        "I fainted in the shower. Was 10 days ago. Now I have crushing chest pain.",
        "I fainted. Was 8 days ago. Fainted again today.",
    ],
)
def test_red_flag_now_beside_subjectless_date_flagged(message: str) -> None:
    assert_emergency(message)
