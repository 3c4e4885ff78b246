"""Wordings changed in vocabulary 2026.11.152, from the errors of blind228-231 on first sight.

blind228-231 were written blind and scored once on 2026.11.151. Seven of the rules' false alarms
and one miss are fixed here as classes, each tested in fresh wordings both ways:

- b230-081 ("she's been muddled for about a fortnight") and b231-002 ("more confused than usual
  over the past month"): confusion told with a span of a fortnight or more is not the sudden
  confusion of the red flag (``ctx.confusion.span`` on ``rf.confusion.1``). The span must go with
  the confusion word itself, so the condition has a new scope, ``finding``: the cue's match takes
  in the finding (engine ``_condition_met``). Sudden, new, worse or today still fires
  (``ctx.confusion.new``), and so does a span dated from a new medicine or a higher dose
  (``ctx.confusion.onset``; ``except`` may now name a list of cues), as
  tests/test_triage_context68.py holds.
- b230-118 (a foot "slapping the floor when he walks for about three weeks") and b230-132 ("face
  feels numb on and off for about two weeks"): a face, limb or speech sign told with such a span
  is not the sudden stroke sign (``ctx.stroke.span`` on ``rf.stroke.1``, ``.2``, ``.3``, ``.5``),
  unless anything new, sudden, worse, again or today (``ctx.stroke.new``).
- b230-114 ("he says if Mom ever slurs or her face droops we go straight to the ER"): a relative
  named without "my" with "ever", or with the relative's face or arm and the sign's verb, is a
  what-if (``ctx.hypothetical.pre``).
- b228-094 ("a medicine that lists seizures as a rare side effect"): a red flag a medicine, its
  insert or label lists as a side effect is what can happen, not what has
  (``ctx.hypothetical.pre``, ``.post``); a relative's own report after it still counts
  (``ctx.hypothetical.reports``).
- b231-068 ("Do breast cancer patients actually get seizures?"): a question whether a kind of
  patient named with a qualifier gets a symptom is a question (``ctx.hypothetical.pre``).
- b230-127, the miss ("Mum's been chatting to people who aren't there the last few nights ...
  She started a new pain patch last week"): hallucinations told as what the person does are the
  confusion red flag (``rf.confusion.152``), unless long-standing, told with a long span, known,
  or known by the person not to be real (``ctx.confusion.insight``, b73-140).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.152; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 152)


# -- b230-081, b231-002: confusion told with a span of a fortnight or more ---------------------


@pytest.mark.parametrize(
    "message",
    [
        "Mum has been muddled for about a fortnight, leaving the stove on and forgetting to eat.",
        "Dad's been confused for the past three weeks, putting his keys in the fridge.",
        "My husband has been more confused than usual over the past month, repeating himself.",
        "For the last couple of weeks my mother has been muddled, forgetting to take her tablets.",
        "She's been a bit disoriented for about a month now, losing track of the days.",
        "Grandma has been confused for weeks, asking the same questions over and over.",
    ],
)
def test_confusion_over_a_fortnight_or_more_is_not_sudden(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # sudden or of today after the span
        "Mum has been a bit muddled for a fortnight, but since this morning she's suddenly much "
        "more confused.",
        # the span is a medicine's, not the confusion's
        "Dad has been on steroids for the past three weeks and he is confused.",
        "For the past month she's been on a new patch, and tonight she's confused.",
        # a span of days or a week
        "She's been confused for two days, leaving the stove on.",
        "He has been confused for about a week, he keeps getting lost in the house.",
        # the fortnight is a treatment's
        "My mother finished radiation a fortnight ago and she's been muddled since last night.",
        # dated from a new medicine or a higher dose
        "Since her new tablets, Mum has been confused for the past fortnight.",
        "Dad has been confused for three weeks since they upped his morphine.",
    ],
)
def test_sudden_confusion_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# -- b230-118, b230-132: a stroke sign told with a span of a fortnight or more -----------------


@pytest.mark.parametrize(
    "message",
    [
        "His right foot has been slapping the floor when he walks for about three weeks.",
        "Her left leg has been dragging for the past month, she uses a stick now.",
        "The left side of my face has felt numb on and off for a couple of weeks.",
        "For about a month my right hand has been weak, I keep dropping cups.",
        "Her speech has been a bit slurred for the last few weeks, her GP knows.",
    ],
)
def test_a_sign_over_a_fortnight_or_more_is_not_a_stroke_sign(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "His right foot started slapping the floor this morning and he can't lift his toes.",
        # the span is a medicine's
        "She's been on letrozole for three weeks and her face is drooping on the left.",
        "For three weeks he has been on chemo, and today his right arm went weak.",
        # a span of days
        "My left arm has been weak for two days.",
        # a new sign after the long one
        "The right side of her face has felt numb for two weeks but since this morning it's "
        "drooping.",
        "Her face has been numb on the left for three weeks, now her mouth is drooping too.",
        "My left leg has been weak for a month and it got much worse today.",
    ],
)
def test_a_sudden_stroke_sign_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")


def test_a_long_foot_drop_with_back_pain_is_still_cord_compression() -> None:
    assert_flagged(
        "His right foot has been slapping the floor for about three weeks and his back is killing "
        "him.",
        "cord_compression",
    )


# -- b230-114: "if Mom ever ...", a relative named without "my" ------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My son says if Mom ever slurs or her face droops we go straight to the ER. Is that right?",
        "The nurse told us if Dad ever slurs his words or his face droops to call 911, not the "
        "clinic.",
        "If Grandma's face droops, do we call you or 911?",
        "If Mum ever slurs her words should we ring 999?",
        "My daughter says if Nana ever goes weak down one side we call an ambulance. She's fine "
        "now.",
        "If ever Dad's face droops, is that a 911 call?",
    ],
)
def test_a_relatives_sign_told_as_a_what_if_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My son says if Mom ever slurs we go to the ER. She's slurring right now.",
        "Mom's face is drooping and she slurs, my son the paramedic says go straight to the ER, is "
        "that right?",
        "I'm not sure if Mom ever had a stroke before, but her face is drooping now.",
        "If Mom's face is drooping right now, do we call 911?",
        "Dad's face droops on the left since lunch, if Mom ever saw that she would panic.",
    ],
)
def test_a_relatives_sign_told_as_now_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")


# -- b228-094: a red flag listed as a medicine's side effect -------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My oncologist wants me on a medicine that lists seizures as a rare side effect. Is it "
        "safe?",
        "The new tablets list fainting as a possible side effect. Should I still take them?",
        "Seizures are listed as a rare side effect of the drug. I had epilepsy as a child, is it "
        "safe?",
        "The package insert mentions chest pain as a side effect. Does that mean I shouldn't take "
        "it?",
        "One of the side effects listed for the new drug is seizures, is that common?",
    ],
)
def test_a_listed_side_effect_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I started a medicine that lists seizures as a side effect and I had a seizure an hour "
        "ago.",
        "The leaflet lists fainting as a side effect, and Mum fainted this morning.",
        "The drug lists fainting as a side effect, and my husband fainted an hour ago.",
        "Mum has seizures as a side effect of her new drug, she had two today.",
        "Seizures are listed as a side effect. She had one this morning.",
        "My husband is having a seizure right now, the drug lists seizures as a side effect.",
    ],
)
def test_a_side_effect_that_happened_still_fires(message: str) -> None:
    assert_emergency(message)


# -- b231-068: whether a kind of patient gets a symptom, asked ----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Do breast cancer patients actually get seizures?",
        "Do chemo patients often get chest pain?",
        "Saw a show where a woman with cancer collapsed. Can cancer patients really collapse like "
        "that?",
        "Do older cancer patients ever have strokes from chemo?",
        "Do women with brain mets usually have seizures?",
    ],
)
def test_a_question_about_a_kind_of_patient_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Do breast cancer patients get seizures? My mum just had one and she's still drowsy.",
        "Do breast cancer patients get seizures? I'm asking because I just had one.",
        "Do breast cancer patients get seizures? My mum is having a seizure right now.",
        "My mum is a breast cancer patient and she's having a seizure right now.",
    ],
)
def test_the_writers_own_after_the_question_still_fires(message: str) -> None:
    assert_flagged(message, "seizure")


# -- b230-127: hallucinations told as what the person does ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Mum's been chatting to people who aren't there the last few nights. She started a new "
        "pain patch last week.",
        "Since Tuesday Dad has been seeing children in the room who aren't there.",
        "My husband started hallucinating two nights ago, he thinks there are people in the "
        "garden.",
        "Grandma is talking to her late husband who isn't there, this started at the weekend "
        "after her morphine went up.",
        "She keeps seeing cats that aren't there since the new patch.",
        "Mum's been seeing people who aren't there since the weekend and she knows who we are.",
    ],
)
def test_new_hallucinations_are_the_confusion_red_flag(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "Mum has Lewy body dementia and has seen people who aren't there for years.",
        "Can a fentanyl patch make you see things that aren't there?",
        "Dad was seeing people who weren't there in 2021 after his surgery, it cleared in a few "
        "days.",
        "For the past two months she's been talking to people who aren't there, it has crept up "
        "slowly.",
        "In the film the old man talks to people who aren't there.",
        "I've been seeing shapes that aren't there at the edge of my vision since the patch, I "
        "know they're not real.",
        "Mum saw people who weren't there last month, the GP reduced her patch and she's back to "
        "herself.",
    ],
)
def test_old_known_or_asked_hallucinations_are_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)
