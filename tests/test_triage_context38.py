"""Wordings added in vocabulary 2026.11.47, from the errors of blind52 on first sight.

blind52 (what arrives in a week: mostly short and medium messages from patients and families,
many second-language and elderly writers) was written blind and scored once, unseen, on
2026.11.46 (0.956 / 0.961 / 0.942). Its misses were one side "of her body" told weak and a
relative who asks where her own house is. Its false alarms: breathlessness the writer says is
"not at rest" beside an infusion drug, a faint checked over on the spot by a phlebotomist, and a
plan asked for "next time she spikes a fever". Two tag classes came with it: named distant
disease (leptomeningeal disease, fluid around a lung "from the cancer") and trouble swallowing.
Each class is tested in fresh wordings, both ways; each remover beside the writer's own red flag.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.47; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 47)


# --- one side of the body weak or numb ---------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Since lunch the right side of my body is numb and I feel strange",
        "my father, the left half of his body went weak this morning, he cannot stand",
        "Please help, one side of her whole body feels heavy since 20 minutes",
    ],
)
def test_one_side_of_the_body_weak(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "The left side of my body is sore from lying on it during the scan",
        "the right side of her body feels weak since her stroke in 2019, no change",
    ],
)
def test_one_side_of_the_body_sore_or_old(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- asking where one's own home is ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Grandpa asked me twice where his own house is, and we are sitting in it",
        "Tonight mum keeps asking where her own bed is",
        "my wife asked where her own kitchen was this afternoon, she is very sleepy",
    ],
)
def test_asks_where_own_home_is(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "My daughter asked where the new house is on the map, we move next month",
        "Mum asked where her own records are kept, can you tell us?",
    ],
)
def test_asks_where_a_house_or_records_are(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- "not at rest": exertional breathlessness beside an infusion drug --------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My mother is on Herceptin, short of breath when she walks to the shop. Not at rest.",
        "On Kadcyla and a bit breathless lately, never when I'm resting",
        "I had Taxol and now I am breathless in the garden, not when sitting down",
    ],
)
def test_breathless_not_at_rest(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "After my Herceptin infusion today I am wheezy and breathless, not at rest either",
        "During the Enhertu infusion I got wheezy and breathless, not even at rest can I breathe",
    ],
)
def test_breathless_at_rest_too_after_infusion(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


def test_not_at_rest_beside_own_lip_swelling() -> None:
    """The remover is for breathlessness only; lips swelling after the infusion still count."""
    message = "After my Herceptin infusion today my lips are swelling. Breathless, not at rest."
    assert_flagged(message, "infusion_reaction")


# --- a faint checked over on the spot by other staff -------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I fainted when they took my blood this morning, the phlebotomist checked me over, all ok",
        "Mum passed out in the x-ray room, the radiographer looked her over and she went home",
        "I blacked out for a second at the scan; the technician checked me out and said fine",
    ],
)
def test_faint_checked_over_by_staff(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I passed out at home this morning. The phlebotomist is coming tomorrow for bloods",
        "I fainted twice today; the pharmacist said to ring you",
    ],
)
def test_faint_without_staff_check(message: str) -> None:
    assert_flagged(message, "collapse")


def test_staff_check_beside_own_new_red_flag() -> None:
    """A check by the phlebotomist does not cover a new fever the writer reports now."""
    message = (
        "I fainted at the blood test and the phlebotomist checked me over. "
        "Now tonight I have a temperature of 38.9 and I am on chemo."
    )
    assert_flagged(message, "fever")


# --- "next time she spikes a fever" ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "What do we do next time she spikes a fever on the Ibrance?",
        "I would like a plan for next time I get a fever, I live two hours away",
        "Please tell me who to call next time my husband runs a fever",
    ],
)
def test_next_time_fever(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "The next time I had chemo I spiked a fever of 38.8 and I still have it now",
        "I have a fever of 38.5 tonight on chemo. Next time she gets one, who do we call?",
    ],
)
def test_fever_now_beside_next_time(message: str) -> None:
    assert_flagged(message, "fever")


# --- named distant disease (recurrence tag) ----------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "She has leptomeningeal disease and is asking about her next MRI",
        "My husband has fluid around his lungs from the cancer, can he fly?",
        "They drained a malignant pleural effusion last month",
    ],
)
def test_named_distant_disease(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "There was some fluid around my lung from the surgery, is that normal?",
        "I have water on my knee after the fall, can I still exercise?",
    ],
)
def test_fluid_not_from_cancer(message: str) -> None:
    assert "recurrence" not in classify(message).tags


# --- trouble swallowing (symptoms tag) ---------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My dad's swallowing is getting harder every week",
        "she chokes on her tea now, can someone ring me?",
        "it hurts to swallow since my radiotherapy finished",
    ],
)
def test_trouble_swallowing(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The diagnosis was hard to swallow, can I book a talk with the nurse?",
        "I choked on my words when the doctor told us, can we have the letter again?",
    ],
)
def test_swallow_as_idiom(message: str) -> None:
    assert "symptoms" not in classify(message).tags
