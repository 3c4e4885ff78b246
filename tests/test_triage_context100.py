"""Wordings changed in vocabulary 2026.11.109, from the emergency misses of the held-out
blind180-183.

The four sets were scored once on 2026.11.108 (blind180 0.992 / 0.976 / 0.952, blind181 0.972 /
0.927 / 0.927, blind182 0.959 / 0.976 / 0.909, blind183 0.945 / 0.951 / 0.975) and stay held out:
only the classes of their seven misses were fixed here (a miss is not left in the product):
b180-003, b181-003, b181-072, b181-087, b182-003, b183-017 and b183-049. Each class is tested with
wordings that are not the sets' sentences, and with harmless counterparts that must not fire.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.109; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 109)


# b180-003: a single drink, cup or glass not kept "in me" or down, over a day


@pytest.mark.parametrize(
    "message",
    [
        "diarrhoea all weekend and I haven't kept a glass of water in me since Saturday",
        "Mum is on Xeloda, she hasn't held a single drink down since yesterday lunchtime",
        "he can't keep a cup of tea in him, it goes straight through, two days now",
        "vomiting since Tuesday and she cant keep a sip of juice down",
    ],
)
def test_a_single_drink_not_kept_in_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        # a drink kept in the house or the fridge, and a drink kept down fine
        "we can't keep a drink in the house since my son moved back",
        "the runs twice this morning but I have kept a glass of water down and had some toast",
        "sick once after lunch, hasn't kept a drink down for three hours",
    ],
)
def test_a_drink_kept_somewhere_else_or_short_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b181-003: coughing, then red streaks or little clots in the tissue later in the sentence


@pytest.mark.parametrize(
    "message",
    [
        "Grandpa keeps coughing and there are bright red flecks on his hanky tonight",
        "I've been coughing since lunch, now I see small clots in the kleenex",
        "she is coughing a lot, red specks all over the tissues",
    ],
)
def test_coughing_with_red_streaks_or_clots_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        # no red streaks, the nose blown, clots that are not coughed
        "coughing a bit with a cold but no red streaks in the tissue, just clear stuff",
        "she has a cough and blew her nose hard, little red streaks in the tissue after",
        "coughing a little this week; my period is heavy with clots in the pad",
    ],
)
def test_coughing_without_red_in_the_tissue_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b182-003: blood told before the cough with a word between


@pytest.mark.parametrize(
    "message",
    [
        "there is blood again when she coughs, started after dinner",
        "Blood comes up whenever I cough since this morning",
        "bright red blood tonight when he coughed twice",
    ],
)
def test_blood_before_the_cough_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        # blood pressure, and blood in the urine beside a cough
        "my blood pressure goes up again when I cough hard, is that normal",
        "no blood now when I cough, only a dry tickle",
    ],
)
def test_blood_not_coughed_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b181-072: a person who dropped on the floor, and "came round" with no subject after a fall


@pytest.mark.parametrize(
    "message",
    [
        "my husband just dropped to the bathroom floor, he is awake again now but pale",
        "Mom crumpled onto the kitchen floor an hour ago",
        "she fell in the hallway this evening, came round after a minute and is clammy",
    ],
)
def test_a_person_dropping_to_the_floor_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        # a thing that dropped, dropping down to look for something, a visitor who came round
        "I dropped my pills on the kitchen floor, can I still take them?",
        "she dropped to the floor to look for her earring and found it",
        "my sister fell out with me last week, came round for tea today and we made up",
    ],
)
def test_a_thing_dropping_or_a_visit_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b181-087: an arm and a leg of one side that won't do what they are told


@pytest.mark.parametrize(
    "message",
    [
        "since 10 minutes her right arm and leg won't do what she wants",
        "Dad's left hand and foot don't work all of a sudden",
        "my right leg and my arm just won't listen, started at breakfast",
    ],
)
def test_one_side_arm_and_leg_not_obeying_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        # both arms and legs tired after chemo, an arm and a leg that work fine
        "after chemo my arms and legs won't do much, I'm just so tired",
        "my left arm and leg work fine now, the numbness in my fingers is from the taxol",
    ],
)
def test_limbs_not_one_side_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b183-017: a heap of pills taken on purpose, the time between or after


@pytest.mark.parametrize(
    "message",
    [
        "my son took a big handful of his tablets deliberately this evening",
        "I took a whole lot of my sleeping pills on purpose an hour ago",
        "she swallowed way too many of her oxycodone tonight on purpose",
    ],
)
def test_a_heap_of_pills_on_purpose_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # a mix-up, not on purpose
        "she took a whole bunch of her pills twice by mistake this morning, who should I ring?",
        "I took a whole lot of my vitamins with breakfast, is that ok",
    ],
)
def test_pills_taken_by_mistake_are_no_self_harm(message: str) -> None:
    assert "self_harm" not in classify(message).red_flags, classify(message).reasons


# b183-049: any animal or heavy thing told as standing on the chest, after "feels like"


@pytest.mark.parametrize(
    "message",
    [
        "feels like a big dog is sitting on my chest since half an hour",
        "it's like a bear standing on her chest, she says, and she's clammy",
        "He says it felt as if a fridge was pressing on his chest",
    ],
)
def test_a_weight_on_the_chest_simile_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        # a real cat on the chest, a rash on the chest
        "our cat likes sitting on my chest when I nap, is that ok with my port?",
        "the rash looks like a red ring on my chest, no pain",
    ],
)
def test_a_real_animal_on_the_chest_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons
