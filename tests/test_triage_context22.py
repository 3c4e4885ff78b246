"""Wordings added in vocabulary 2026.11.29, from the classes of error the development sets
blind35 (what a family member sees) and blind36 (the patient's own sensations) showed when
first seen on 2026.11.28. Each class is tested on sentences written for these tests, never the
sets' own, with counterparts that must stay quiet. Every cue that takes a red flag away is
tested with the writer's own red flag elsewhere in the message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.29; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 29)


def _not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# ------------------------------- self-harm seen by a relative (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "I found new cuts on my daughter's forearm last night and she won't talk about it.",
        "There are fresh cuts all up his arms, he says they're nothing.",
        "We spotted deep scratches on her wrists this morning.",
        "Found razor cuts on my husband's thighs when I was helping him dress.",
        "She has been burning her arm with a lighter to punish herself.",
        "He told me he did it to feel something, the marks are on his legs.",
    ],
)
def test_fresh_cuts_found_or_harm_to_feel_something_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I found fresh cuts on my forearm from the cat this morning.",
        "There are new scratches on her arms after the brambles in the garden.",
        "She has new marks on her arm where the cannula was.",
        "I cut my forearm on a tin lid while cooking.",
        "Mum said she did the crossword to feel something normal again.",
    ],
)
def test_cuts_with_a_cause_or_doing_something_normal_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a collapse told as going down in a place (rf.collapse.1)


@pytest.mark.parametrize(
    "message",
    [
        "Mum went down in the kitchen this morning and she's grey.",
        "My husband went down at the supermarket an hour ago.",
        "He went down in the bathroom and took ages to get up.",
        "She just went down on the driveway, she's sitting up now.",
        "Dad has gone down in the hallway and is very pale.",
    ],
)
def test_a_person_who_went_down_in_a_place_collapsed(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "Dad went down to the garden to pick beans.",
        "She went down in the lift to the pharmacy.",
        "The swelling went down in the morning.",
        "The sun went down in the garden while we sat out.",
        "He went down in the garden to fetch the washing in.",
    ],
)
def test_going_down_somewhere_as_movement_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- legs gone from under someone, then the floor (rf.collapse.1)


@pytest.mark.parametrize(
    "message",
    [
        "My legs gave way and I was on the floor for ten minutes.",
        "Her legs buckled and she was on the bathroom floor, couldn't get up.",
        "His legs went from under him and he ended up lying on the kitchen floor.",
        "Legs gave out in the hall and I found myself on the floor.",
        "my legs just went out from under me at the sink and i was on the tiles floor",
    ],
)
def test_legs_going_then_the_floor_is_a_collapse(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "My legs gave way on the stairs but I grabbed the rail.",
        "I was on the floor playing with the grandkids all afternoon.",
        "My legs went numb and I was on the floor doing my physio stretches.",
    ],
)
def test_legs_without_a_drop_to_the_floor_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- headache with a rigid neck (rf.headache.2)


@pytest.mark.parametrize(
    "message",
    [
        "His head is killing him and his neck's gone rigid.",
        "My head is splitting and my neck is rigid.",
        "Her head's pounding and she can't bend her neck.",
        "She has a terrible headache and can't tip her head forward.",
        "his head is killing him and his neck won't bend",
        "Awful headache, I can't put my chin down.",
    ],
)
def test_a_head_killing_someone_with_a_neck_that_will_not_bend(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "The paperwork is killing her and her neck is rigid from the desk.",
        "My neck is rigid from the pillow, no headache at all.",
        "Her head is killing her since the fall on Tuesday.",
    ],
)
def test_a_rigid_neck_or_a_bad_head_alone_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- chest pain seen by a watcher, the heart squeezed (rf.chest_pain.1)


@pytest.mark.parametrize(
    "message",
    [
        "He keeps clutching the centre of his chest and grimacing.",
        "Dad is pressing on the front of his chest and looks grey.",
        "He's holding the left side of his chest and can't get comfortable.",
        "She keeps rubbing the middle of her chest, it started an hour ago.",
        "My heart feels like it's in a vice.",
        "It feels like someone is squeezing my heart.",
        "Feels like a fist clenched round my heart.",
        "My heart is being crushed, it's spreading to my arm.",
    ],
)
def test_chest_held_or_heart_squeezed_is_chest_pain(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "She keeps rubbing the middle of her chest with the moisturiser, is that ok near the scar?",
        "My heart sank when I heard the news.",
        "My heart was squeezed when I saw my grandson.",
        "It squeezed my heart to see her so poorly.",
    ],
)
def test_cream_rubbed_in_or_a_heart_moved_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a hand or face twitching on its own (rf.seizure.2)


@pytest.mark.parametrize(
    "message",
    [
        "Her left arm started jerking by itself and she couldn't stop it.",
        "The right side of her face started twitching and wouldn't stop.",
        "His leg began jerking on its own and wouldn't stop.",
        "My hand started twitching of its own accord for two minutes this morning.",
        "Dad's fingers kept jerking on their own... his hand kept jerking on its own.",
    ],
)
def test_a_limb_or_face_twitching_on_its_own_is_a_seizure(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "My eyelid keeps twitching on its own.",
        "I get muscle twitching in my calf after walking.",
        "His hand started twitching with the cold.",
    ],
)
def test_an_eyelid_or_a_calf_twitching_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a named person's fallen mouth, a one-sided smile (rf.stroke.1)


@pytest.mark.parametrize(
    "message",
    [
        "The right side of Mum's face has dropped since lunch.",
        "The left side of my wife's mouth is drooping.",
        "One side of Dad's mouth is hanging down.",
        "When she smiles only one side of her mouth moves.",
        "when he smiles only the left side goes up",
        "Half of my husband's face has gone droopy.",
    ],
)
def test_a_fallen_side_of_the_mouth_or_a_one_sided_smile_is_a_stroke(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "The left side of the bed is hanging down.",
        "The left side of my husband's garden is sloping down.",
        "When she smiles only one dimple shows.",
    ],
)
def test_a_side_of_a_thing_or_a_dimple_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- false alarms: a bed collapsed (rf.collapse.1 exclude)


@pytest.mark.parametrize(
    "message",
    [
        "The hospital bed at home collapsed on one side, who fixes it?",
        "Dad's wheelchair collapsed in the car park.",
        "Her air mattress has collapsed again.",
    ],
)
def test_a_bed_or_chair_that_collapsed_is_not(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Her hospital bed collapsed last night. This morning she collapsed in the kitchen.",
        "The bed collapsed on one side and then Mum collapsed trying to get up.",
        "She got back to bed and collapsed on the floor beside it.",
    ],
)
def test_a_collapsed_bed_leaves_the_patients_collapse(message: str) -> None:
    assert_flagged(message, "collapse")


# ------------------------------- false alarms: a TV drama (ctx.experiencer.fiction)


@pytest.mark.parametrize(
    "message",
    [
        "On Casualty last night a man had chest pain on the ward. Can chemo do that?",
        "We watched a hospital drama where a woman collapsed on chemo.",
        "Saw on a TV show a lady who had a seizure during her infusion, could that happen?",
        "In an episode of Holby a patient's lips went blue and she couldn't breathe.",
    ],
)
def test_a_tv_drama_is_the_storys(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "On Grey's Anatomy a patient had a seizure. I had a seizure this morning too.",
        "Saw on a TV programme a lady whose lips went blue. My lips went blue an hour ago"
        " and I can't breathe.",
        "We watched a hospital drama last night. Mum collapsed in the kitchen an hour ago.",
    ],
)
def test_the_writers_own_red_flag_beside_a_tv_drama_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# ------------------------------- false alarms: an age in words (ctx.time.remote)


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure when I was sixteen and nothing since.",
        "I fainted when I was nineteen, is that relevant for the trial?",
        "She had a fit at seventeen and nothing since.",
        "He passed out when he was twenty-one at a party.",
    ],
)
def test_a_red_flag_at_an_age_long_past_is_history(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure when I was sixteen. This morning I had another one.",
        "I had a seizure when I was six weeks into treatment, then another today.",
        "I fainted at fifteen minutes past nine this morning.",
        "I had a seizure when I was two days out from chemo.",
    ],
)
def test_a_red_flag_now_beside_an_age_or_a_time_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# ------------------------------- symptoms tag: a mouth full of ulcers, weight lost in stones


@pytest.mark.parametrize(
    "message",
    [
        "His mouth is full of ulcers since the last cycle.",
        "Mouth covered in sores, it stings to eat.",
        "She's lost over a stone since the summer.",
        "I've dropped two stone without trying.",
        "Her clothes are hanging off her now.",
    ],
)
def test_mouth_ulcers_and_weight_loss_are_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I lost a stone ring in the garden, silly question but can I wear rings in the scanner?",
        "The clothes bank is falling apart, where do I donate wigs?",
    ],
)
def test_a_stone_ring_or_a_clothes_bank_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags
