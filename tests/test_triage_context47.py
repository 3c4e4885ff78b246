"""Wordings added in vocabulary 2026.11.56, from the errors of blind68 and blind69 on first sight.

blind68 (an ordinary week from invented writers) and blind69 (writers of every kind) were written
blind and scored once, unseen, on 2026.11.55 (0.987 / 0.974 / 0.950 and 0.980 / 0.949 / 0.949).
Their misses: wheezing after an infusion told beside the nurse's standing instruction "to call if
anything happened" (read as an assessment); lips and tongue told together that "feel fat", with
"trouble getting air in", after an infusion drug named by its name; coughing up blood (the
medical term) beside a wish to "be seen by my own team" (read as an assessment). Their false
alarms: "can't breathe" inside a panic attack that passes; a nosebleed that "wouldn't stop and
urgent care packed it" (the "wouldn't" read as a refusal of care); a lifelong faint at the sight
of needles told in the present simple; a neighbour's stroke told first, then "her face drooped".
Each class is tested in fresh wordings, both ways; each remover beside the writer's own red flag
told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.56; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 56)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a standing instruction to call if anything happens is not an assessment
        (
            "Got home from my Taxol infusion an hour ago and now I'm wheezy and tight. The chemo "
            "nurse said to ring if anything came up, so here I am.",
            "infusion_reaction",
        ),
        (
            "After today's Herceptin I have trouble breathing. They told me to call if I had any "
            "reaction.",
            "infusion_reaction",
        ),
        (
            "Since the drip this morning she's struggling to breathe. The nurse said we should "
            "phone if anything happened.",
            "infusion_reaction",
        ),
        # lips, tongue, mouth told together that feel fat or big; air that will not go in
        (
            "Had Kadcyla at lunch and now my lips and tongue feel big and weird",
            "infusion_reaction",
        ),
        (
            "My mum had her trastuzumab this morning, now her mouth and lips look puffy",
            "infusion_reaction",
        ),
        (
            "Second dose of Enhertu today. My face and lips feel fat and tingly.",
            "infusion_reaction",
        ),
        (
            "Back from the infusion centre and I'm struggling to get air into my lungs",
            "infusion_reaction",
        ),
        # a wish to be seen by the writer's own team is not an assessment
        (
            "Hemoptysis twice this morning, bright red. I'd prefer to be seen by my oncologist "
            "rather than the ER.",
            "haemoptysis",
        ),
        (
            "Coughing up blood since yesterday. Could I be seen by Dr Patel today instead of "
            "going to emergency?",
            "haemoptysis",
        ),
        (
            "He's been coughing up blood clots tonight and wants to be checked by his own team, "
            "not the hospital.",
            "haemoptysis",
        ),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a real assessment by the nurse stays an assessment
        "Wheezy after the infusion today, but the nurse checked me and said it's fine.",
        "Coughed up blood on Sunday and was seen by my own team on Monday, they did a scan.",
        # lips that feel fat with no infusion, and a tongue that feels fat from a burn
        "My lips and tongue feel dry and cracked since the mouthwash changed",
        "I want to know if Herceptin can make your lips swell. I've never had it.",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- false alarms: panic that passes ----------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Since the results I get panic attacks, can't breathe for a few seconds and then it "
        "settles down.",
        "Panicking at night before scans, I can't catch my breath for a bit but it passes.",
        "These panic episodes come in the evening: heart pounding, can't get air, then it goes "
        "away after ten minutes.",
    ],
)
def test_panic_that_passes_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own breathlessness now, not passing
        "I thought it was a panic attack but I can't breathe and it's not passing.",
        "I get panic attacks that pass. Right now I can't breathe at all and my lips are blue.",
        "Panic attack an hour ago then it passed, but for the last hour I still can't breathe.",
    ],
)
def test_breathless_beside_panic_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: a bleed that would not stop, then care ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "On Saturday my nose bled and bled, it wouldn't stop and the ER cauterised it. Fine now.",
        "Her gums wouldn't stop bleeding and the hospital gave her platelets on Tuesday.",
        "Monday I had a nosebleed that would not stop, so the walk-in clinic packed it.",
    ],
)
def test_bleed_then_care_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # a refusal of care stays a refusal; bleeding again now still fires
        "My nose is bleeding and it won't stop and Dad won't go to urgent care.",
        "Nosebleed that wouldn't stop and urgent care packed it yesterday, but today it's "
        "bleeding again and won't stop.",
    ],
)
def test_unassessed_bleed_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: a lifelong faint at needles ----------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I pass out at the sight of blood, always have. Can I lie down for my blood draw?",
        "My daughter faints at the thought of injections, so can she have numbing cream?",
        "He blacks out around needles, so please warn the port nurse.",
    ],
)
def test_lifelong_faint_at_needles_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own faint told as an event now
        "I faint at the sight of needles, but this morning I fainted in the shower for no reason.",
        "I fainted at the sight of the needle today and hit my head.",
        "She passes out at the sight of blood, and an hour ago she collapsed in the kitchen.",
    ],
)
def test_faint_as_event_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: a neighbour's (friend's) stroke ------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My friend had a stroke on Sunday, his speech went slurred, and now I'm scared. Does "
        "Ibrance raise the risk?",
        "Our neighbour had a seizure yesterday, his arms were jerking, it was frightening. Can "
        "brain mets do that?",
        "A colleague had a mini stroke last week, her face drooped, so I wondered about "
        "letrozole and clots.",
    ],
)
def test_someone_elses_event_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own stroke sign told as now, beside the neighbour's
        "My neighbour had a stroke last week, and now my face is drooping on the left since an "
        "hour ago.",
        "My friend had a seizure on Sunday, and today I had a seizure too.",
        "My neighbour had a stroke, her face drooped. Now my speech is slurred and my arm is weak.",
    ],
)
def test_own_red_flag_beside_someone_elses_event_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"
